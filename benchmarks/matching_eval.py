"""What the matching benchmark measures: scores, recall by kind of variation, memory.

- `score`: er-dev's `score.py` (pairwise P/R/F1 and B-cubed) on `record_id,cluster_id`;
- `recall_by_tag`: for every true pair, whether the clusters keep it together, counted under
  each perturbation tag either record carries (and under `prose` when either record comes
  from a news article);
- `TreeMemory`: the peak of the summed PSS (and RSS) of a process and all its descendants
  (the matcher's name-parsing workers included), sampled from /proc every 0.2 s.
"""

from __future__ import annotations

import itertools
import os
import resource
import sys
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

# Kinds of variation reported by `recall_by_tag`, in this order ("all" first).
TAGS = (
    "all", "acronym", "acronym_typo", "abbrev", "former_name", "stale_name",
    "inflect_nom", "inflect_gen", "inflect_dat", "inflect_acc", "inflect_inst", "inflect_loc",
    "inflect_voc", "word_order", "place_drop", "typo", "prose",
)  # fmt: skip


def scorer(dataset: Path) -> Any:
    """er-dev's scorer module (the sets share it)."""
    for candidate in (
        dataset / "score.py",
        dataset.parent / "er-dev" / "score.py",
        dataset.parent.parent / "er-dev" / "score.py",
        Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "er-dev" / "score.py",
    ):
        if candidate.exists():
            sys.path.insert(0, str(candidate.parent))
            import score

            return score
    raise SystemExit(f"{dataset}: cannot find the er-dev score.py")


def recall_by_tag(
    clusters: pd.DataFrame, truth: pd.DataFrame, records: pd.DataFrame
) -> dict[str, tuple[int, int]]:
    """tag -> (true pairs kept together, true pairs) over the pairs where either record
    carries the tag."""
    cluster = dict(zip(clusters["record_id"], clusters["cluster_id"], strict=True))
    source = dict(zip(records["record_id"], records["source"], strict=True))
    tags = {
        r: set(p.split(";")) - {""}
        for r, p in zip(truth["record_id"], truth["perturbations"].fillna(""), strict=True)
    }
    for record_id, tagged in tags.items():
        if source.get(record_id) == "artykul":
            tagged.add("prose")
    kept: defaultdict[str, int] = defaultdict(int)
    total: defaultdict[str, int] = defaultdict(int)
    for _entity, members in truth.groupby("entity_id")["record_id"]:
        for a, b in itertools.combinations(members.tolist(), 2):
            together = cluster.get(a, a) == cluster.get(b, b)
            for tag in tags[a] | tags[b] | {"all"}:
                kept[tag] += together
                total[tag] += 1
    return {tag: (kept[tag], total[tag]) for tag in total}


def _tree(pid: int) -> list[int]:
    found = [pid]
    for child in _children(pid):
        found.extend(_tree(child))
    return found


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(x) for x in handle.read().split()]
    except OSError:
        return []


def _rollup(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in KiB; (0, 0) when it is gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class TreeMemory:
    """Peak summed PSS and RSS (MiB) of a process tree, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid = pid
        self.every = every
        self.peak_pss = 0.0
        self.peak_rss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pss = rss = 0
            for pid in _tree(self.pid):
                p, r = _rollup(pid)
                pss += p
                rss += r
            self.peak_pss = max(self.peak_pss, pss / 1024)
            self.peak_rss = max(self.peak_rss, rss / 1024)
            self._stop.wait(self.every)


def cpu_seconds() -> float:
    """User + system CPU of this process's threads and of its children that have exited (the
    matcher's name workers): on a shared machine wall time follows the load, this much less."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())
