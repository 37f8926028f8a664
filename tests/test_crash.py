"""Crash safety: `wsparcie run` killed with SIGKILL during fetch, load, normalise/match and
publish leaves a consistent warehouse and an intact publication, loses no review decision, and
the next run marks the killed run 'interrupted' and completes normally.

A good night is run first; the served corpus then changes (so every stage of the killed night
has real work), and four copies of the warehouse are each killed at one stage, in parallel
subprocesses running the real CLI. The flow announces its stages, and the named steps inside them,
through WSPARCIE_STAGE_MARKERS (warehouse/stage_markers.py); each kill waits for its marker, never
for a fixed time: publish is killed at its checks, after the files are written and before they
are swapped in.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from helpers import REPO, loopback_server, serve_bytes, sleep_then  # tests/ helper module
from nightly_helpers import copy_demo_sources, fast_policy, write_source

from flows.demo import DEMO_DIR, serve_directory
from flows.nightly import RunSettings, RunSummary, nightly
from warehouse.db import open_warehouse
from warehouse.publish import PUBLICATION_DIR
from warehouse.recovery import mark_interrupted_runs, recover_publication, run_lock
from warehouse.stage_markers import STAGE_MARKERS_ENV

SLUGS = ["pcpr_skarzysko", "skarzyski_baza_zasobow", "gops_blizyn", "mops_skarzysko"]
TABLES = ("raw_records", "records", "institutions", "institution_records", "source_runs")
# the marker to wait for, then seconds to let the stage run before the kill
KILL_POINTS = {
    "fetch": ("fetch+extract", 0.5),  # the slow source keeps fetch busy for 3 s
    "load": ("load", 0.05),
    "normalise-match": ("normalise", 0.3),
    "publish": ("publish:checks", 0.0),  # the files are written, checks and swap to come
}
DECISION = (
    "d-test-1",
    "case-1",
    "pair",
    None,
    "r-a",
    "r-b",
    None,
    "same",
    None,
    "zostawić",
    "koordynator",
    datetime(2026, 11, 1, tzinfo=UTC),
    None,
    None,  # case_values: only field conflicts keep them
)


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}  # type: ignore[index]


def decisions(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT decision_id, verdict, comment FROM review_decisions").fetchall()


@dataclass(frozen=True, slots=True)
class Killed:
    point: str
    root: Path
    returncode: int
    stages: list[str]
    counts_after_kill: dict[str, int]
    tree_after_kill: dict[str, bytes] | None  # `dane` as a reader found it (None: missing)
    old_trees: list[dict[str, bytes]]  # `.dane.old-*` folders left by a cut-short swap
    decisions_after_kill: list[tuple[object, ...]]
    recovery: RunSummary
    killed_run_status: str


@dataclass(frozen=True, slots=True)
class Scenario:
    good_counts: dict[str, int]
    good_tree: dict[str, bytes]
    killed: dict[str, Killed]


def kill_at(proc: subprocess.Popen[bytes], markers: Path, stage: str, delay: float) -> list[str]:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        seen = markers.read_text(encoding="utf-8").split() if markers.exists() else []
        if stage in seen:
            time.sleep(delay)
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return markers.read_text(encoding="utf-8").split() if markers.exists() else []


@pytest.fixture(scope="module")
def scenario(prefect_harness: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    api_url = prefect_harness
    base = tmp_path_factory.mktemp("crash")
    corpus = base / "corpus"
    shutil.copytree(DEMO_DIR / "corpus", corpus)
    slow_page = (corpus / "skarzyski" / "gops-blizyn-dane.html").read_bytes()
    routes = {"/slow": sleep_then(3.0, serve_bytes(slow_page))}
    with serve_directory(corpus) as url, loopback_server(routes) as slow:
        good = base / "good"
        copy_demo_sources(good / "sources", url, SLUGS)
        write_source(good / "sources", "slow_page", slow.url + "/slow", "bip_dane")
        settings = RunSettings(
            catalogue=good / "sources",
            db=good / "directory.duckdb",
            out=good / "out",
            policy=fast_policy(timeout_seconds=10, total_timeout_seconds=20),
        )
        first = nightly(settings)
        assert first.status == "completed", first.outcomes
        with open_warehouse(settings.db) as con:
            con.execute(
                "INSERT INTO review_decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                list(DECISION),
            )
        good_counts, good_tree = counts(settings.db), tree(good / "out" / PUBLICATION_DIR)
        # The next night has work in every stage: the county's directory page changed.
        page = corpus / "skarzyski" / "baza-zasobow.html"
        page.write_text(
            page.read_text(encoding="utf-8").replace("ul. Przykładowa 2<", "ul. Nowa 22<"),
            encoding="utf-8",
        )
        procs = {}
        for point in KILL_POINTS:
            root = base / point
            shutil.copytree(good, root, symlinks=True)
            env = {
                **os.environ,
                "PREFECT_API_URL": api_url,
                STAGE_MARKERS_ENV: str(root / "stages.txt"),
            }
            procs[point] = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "flows.cli",
                    "run",
                    "--sources",
                    str(root / "sources"),
                    "--db",
                    str(root / "directory.duckdb"),
                    "--out",
                    str(root / "out"),
                    "--delay",
                    "0",
                    "--timeout",
                    "10",
                ],
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        # Every process is watched at once: each is killed the moment its stage comes.
        with ThreadPoolExecutor(len(procs)) as pool:
            watched = {
                point: pool.submit(kill_at, procs[point], base / point / "stages.txt", *when)
                for point, when in KILL_POINTS.items()
            }
            stages_seen = {point: future.result() for point, future in watched.items()}
        killed = {}
        for point in KILL_POINTS:
            root = base / point
            stages = stages_seen[point]
            out = root / "out"
            final = out / PUBLICATION_DIR
            after = counts(root / "directory.duckdb")
            kept = decisions(root / "directory.duckdb")
            seen_tree = tree(final) if final.exists() else None
            olds = [tree(p) for p in out.glob(f".{PUBLICATION_DIR}.old-*")]
            recovery = nightly(
                RunSettings(
                    catalogue=root / "sources",
                    db=root / "directory.duckdb",
                    out=out,
                    policy=fast_policy(timeout_seconds=10, total_timeout_seconds=20),
                )
            )
            with duckdb.connect(str(root / "directory.duckdb"), read_only=True) as con:
                run_status = con.execute(
                    "SELECT status FROM runs WHERE run_id IN ?", [list(recovery.interrupted_runs)]
                ).fetchall()
            killed[point] = Killed(
                point,
                root,
                procs[point].returncode,
                stages,
                after,
                seen_tree,
                olds,
                kept,
                recovery,
                ",".join(sorted({str(r[0]) for r in run_status})),
            )
    yield Scenario(good_counts, good_tree, killed)


POINTS = [pytest.param(p, id=p) for p in KILL_POINTS]


@pytest.mark.parametrize("point", POINTS)
def test_the_kill_landed_in_its_stage(scenario: Scenario, point: str) -> None:
    killed = scenario.killed[point]
    assert killed.returncode == -signal.SIGKILL
    assert KILL_POINTS[point][0] in killed.stages
    assert "close" not in killed.stages, "the run had already finished: nothing was tested"


@pytest.mark.parametrize("point", POINTS)
def test_the_warehouse_is_consistent_after_the_kill(scenario: Scenario, point: str) -> None:
    killed = scenario.killed[point]
    final = counts(killed.root / "directory.duckdb")
    for table in TABLES:
        if table == "source_runs":
            continue  # the killed run's rows may or may not have been committed
        assert killed.counts_after_kill[table] in (scenario.good_counts[table], final[table]), table
    assert killed.decisions_after_kill == [("d-test-1", "same", "zostawić")]


@pytest.mark.parametrize("point", POINTS)
def test_the_publication_is_never_half_written(scenario: Scenario, point: str) -> None:
    killed = scenario.killed[point]
    final = tree(killed.root / "out" / PUBLICATION_DIR)
    if killed.tree_after_kill is None:
        # cut between the swap's two renames: the previous publication waits to be put back
        assert killed.old_trees == [scenario.good_tree]
    else:
        assert killed.tree_after_kill in (scenario.good_tree, final)
    assert final != scenario.good_tree, "the recovery run published the changed directory"


@pytest.mark.parametrize("point", POINTS)
def test_the_next_run_recovers(scenario: Scenario, point: str) -> None:
    killed = scenario.killed[point]
    assert killed.recovery.status == "completed"
    assert len(killed.recovery.interrupted_runs) == 1
    assert killed.killed_run_status == "interrupted"
    assert decisions(killed.root / "directory.duckdb") == [("d-test-1", "same", "zostawić")]
    assert not list((killed.root / "out").glob(".dane.*")), "no staging leftovers"
    reference = counts(scenario.killed["fetch"].root / "directory.duckdb")
    found = counts(killed.root / "directory.duckdb")
    assert {t: n for t, n in found.items() if t != "source_runs"} == {
        t: n for t, n in reference.items() if t != "source_runs"
    }


def test_interrupted_runs_are_marked_only_under_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with open_warehouse(db) as con:
        con.execute(
            "INSERT INTO runs (run_id, started_at, status, catalogue) VALUES"
            " ('dead', now(), 'running', 'x'), ('done', now(), 'completed', 'x')"
        )
        assert mark_interrupted_runs(con) == ["dead"]
        assert mark_interrupted_runs(con) == []
        rows = dict(con.execute("SELECT run_id, status FROM runs").fetchall())
    assert rows == {"dead": "interrupted", "done": "completed"}
    with run_lock(db):
        with pytest.raises(Exception, match="another wsparcie run is using"):
            with run_lock(db):
                pass
    with run_lock(db):  # released on exit
        pass


@pytest.mark.parametrize(
    ("layout", "expected_files"),
    [
        pytest.param({".dane.old-1/a.csv": "old"}, {"dane/a.csv": "old"}, id="cut-between-renames"),
        pytest.param(
            {"dane/a.csv": "new", ".dane.old-1/a.csv": "old"},
            {"dane/a.csv": "new"},
            id="cut-before-old-removed",
        ),
        pytest.param(
            {
                "dane/a.csv": "old",
                ".dane.new-2/a.csv": "half",
                ".directory-snapshot.duckdb.new-2": "x",
            },
            {"dane/a.csv": "old"},
            id="cut-while-staging",
        ),
    ],
)
def test_recover_publication(
    tmp_path: Path, layout: dict[str, str], expected_files: dict[str, str]
) -> None:
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert recover_publication(tmp_path)
    found = {
        str(p.relative_to(tmp_path)): p.read_text(encoding="utf-8")
        for p in tmp_path.rglob("*")
        if p.is_file()
    }
    assert found == expected_files
