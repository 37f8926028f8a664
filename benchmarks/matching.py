"""Benchmark: wsparcie's matcher beside Splink 5 on the labelled ER sets, in one run.

    .venv/bin/python benchmarks/matching.py                       # er-dev, er_hard test+tune, 1m
    .venv/bin/python benchmarks/matching.py er-dev hard-test      # some of them
    .venv/bin/python benchmarks/matching.py --code /tmp/main-src  # another checkout's matcher
    .venv/bin/python benchmarks/matching.py --incremental 1m      # a night with 1 % changed
    .venv/bin/python benchmarks/matching.py --train 100k hard-tune      # refit the weights
    .venv/bin/python benchmarks/matching.py --sweep 0.5,0.6:0.05 hard-tune  # thresholds

Sets: `er-dev` (../shared/benchmarks/er-dev), `hard-test` and `hard-tune`
(benchmarks/er_hard, generated when missing), `1m` (../shared/benchmarks/er-scale/1m), or any
folder with `records.parquet` and `truth.parquet`.

Each method runs in its own child process, one after the other. Printed per method:
precision, recall, pairwise F1, B-cubed F1, wall time (reading the file to writing
`record_id,cluster_id`), the CPU time of that span (user + system, the child's threads and
its exited workers: on a shared machine it follows the load much less), the child's peak
RSS and the peak summed PSS and RSS of its whole process tree (wsparcie forks name-parsing
workers on big inputs), and the load average before and after; then recall by kind of
variation (`matching_eval.TAGS`) per method. For wsparcie also the candidate pairs per
blocking rule and the seconds by phase.

Splink (`pip install 'splink>=5,<6'`, a benchmark dependency only) runs as a competent user
and as an expert in Polish data would configure it (`matching_splink`), on every set but 1m
unless `--splink-1m` is given; a Splink run is stopped after `--splink-timeout` seconds.

`--code DIR` imports the matcher from another checkout (`git archive main | tar -x -C DIR`
gives main's): the "before" column of RESULTS.md.

`--sweep MATCH,...:CANNOT,...` prints P/R/F1 for a grid of thresholds (the shipped ones
were chosen on hard-tune this way).

`--train DIR [DIR ...]` refits the pair model on the candidate pairs of labelled sets (use
er-scale/100k and er_hard/tune, never er-dev or er_hard/test) and rewrites
transforms/er/model_weights.json, keeping its thresholds.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(HERE)]

SHARED = ROOT.parent / "shared" / "benchmarks"
SETS = {
    "er-dev": SHARED / "er-dev",
    "hard-test": HERE / "er_hard" / "test",
    "hard-tune": HERE / "er_hard" / "tune",
    "1m": SHARED / "er-scale" / "1m",
    "100k": SHARED / "er-scale" / "100k",
}


def _records_path(dataset: Path) -> Path:
    for name in ("records.parquet", "records.csv"):
        if (dataset / name).exists():
            return dataset / name
    raise SystemExit(f"{dataset}: no records.parquet or records.csv")


def _dataset(name: str) -> Path:
    path = SETS.get(name, Path(name)).resolve()
    if name.startswith("hard-") and not (path / "records.parquet").exists():
        from er_hard.generate import main as generate

        print(f"generating {path.parent} (missing)", flush=True)
        sys.argv = [sys.argv[0]]
        generate()
    return path


# ---------------------------------------------------------------------------------------------
# Methods (run in child processes)
# ---------------------------------------------------------------------------------------------


def _peak_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_wsparcie(records: str, out: str, code: str, queue: Any) -> None:
    if code:
        sys.path.insert(0, code)
    from matching_eval import cpu_seconds

    from transforms.er.standalone import match_file

    started = time.perf_counter()
    cpu_started = cpu_seconds()
    summary = match_file(Path(records), Path(out), threads=2)
    seconds = time.perf_counter() - started
    rules = {c.rule: [c.pairs, c.new_pairs, c.skipped_blocks] for c in summary.rule_counts}
    queue.put(
        {
            "seconds": seconds,
            "cpu_s": cpu_seconds() - cpu_started,
            "peak_mib": _peak_mib(),
            "pairs": summary.pairs_scored,
            "stages": summary.stage_seconds,
            "rules": rules,
            "review": summary.review_cases,
            "ambiguous_joins": summary.ambiguous_joins,
        }
    )


def run_splink(records: str, out: str, config: str, queue: Any) -> None:
    from matching_splink import run_splink as run

    run(records, out, config, 5e6, 0.95, queue)


def _in_child(target: Any, *args: Any, timeout: float | None = None) -> dict[str, Any]:
    from matching_eval import TreeMemory, load_average

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    load_before = load_average()
    process = ctx.Process(target=target, args=(*args, queue))
    process.start()
    assert process.pid is not None
    with TreeMemory(process.pid) as memory:
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join()
            return {"stopped": timeout, "load": f"{load_before} -> {load_average()}"}
    if process.exitcode != 0:
        raise SystemExit(f"{target.__name__} failed with exit code {process.exitcode}")
    result: dict[str, Any] = queue.get()
    result["tree_pss_mib"] = memory.peak_pss
    result["tree_rss_mib"] = memory.peak_rss
    result["load"] = f"{load_before} -> {load_average()}"
    return result


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------


def _labelled_levels(dataset: Path) -> tuple[dict[str, Any], Any]:
    """Levels and labels of every candidate pair of one labelled set."""
    import duckdb
    import numpy as np

    from transforms.er.blocking import block
    from transforms.er.features import build_features_from_raw
    from transforms.er.ladders import LADDERS, compare_pairs
    from transforms.er.standalone import load_records_file

    con = duckdb.connect()
    load_records_file(con, _records_path(dataset))
    build_features_from_raw(con, "er_input")
    block(con)
    truth = dataset / "truth.parquet"
    entity = dict(
        con.execute(
            f"SELECT f.rid, t.entity_id FROM er_features f "
            f"JOIN read_parquet('{truth}') t USING (record_id)"
        ).fetchall()
    )
    entities = np.array([entity[i] for i in range(len(entity))])
    parts: dict[str, list[Any]] = {ladder.field: [] for ladder in LADDERS}
    lefts, rights = [], []
    for chunk in compare_pairs(con):
        for field, values in chunk.levels.items():
            parts[field].append(values)
        lefts.append(chunk.left)
        rights.append(chunk.right)
    levels = {field: np.concatenate(values) for field, values in parts.items()}
    left, right = np.concatenate(lefts), np.concatenate(rights)
    con.close()
    return levels, entities[left] == entities[right]


def train(datasets: list[Path]) -> None:
    """Refit the weights on the candidate pairs of all `datasets` together."""
    import numpy as np

    from transforms.er.ladders import LADDERS
    from transforms.er.model import WEIGHTS_PATH, Thresholds, fit_model

    all_levels: dict[str, list[Any]] = {ladder.field: [] for ladder in LADDERS}
    all_labels = []
    for dataset in datasets:
        levels, labels = _labelled_levels(dataset)
        for field, values in levels.items():
            all_levels[field].append(values)
        all_labels.append(labels)
        print(f"{dataset}: {len(labels)} candidate pairs, {int(labels.sum())} true", flush=True)
    levels = {field: np.concatenate(values) for field, values in all_levels.items()}
    labels = np.concatenate(all_labels)
    # The old file may not parse (a ladder gained a level): only its thresholds are kept.
    old = json.loads(WEIGHTS_PATH.read_text("utf-8"))["thresholds"]
    thresholds = Thresholds(
        old["match"], old["review"], old["cannot_link"], old.get("match_without_contact")
    )
    model = fit_model(levels, labels, thresholds)
    data = json.loads(model.to_json())
    names = " + ".join(
        d.name if d.name not in ("tune", "test") else f"er_hard/{d.name}" for d in datasets
    )
    data["_about"] = (
        f"Logistic weights (log-odds per ladder level) fitted on {names} "
        f"({len(labels)} candidate pairs, {int(labels.sum())} true). "
        "Regenerate: benchmarks/matching.py --train DIR [DIR ...]"
    )
    WEIGHTS_PATH.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {WEIGHTS_PATH} from {len(labels)} pairs ({int(labels.sum())} true)")


def sweep(dataset: Path, matches: list[float], cannots: list[float]) -> None:
    """P/R/F1 on a labelled set for a grid of thresholds (the review threshold follows the
    cannot-link one, at least 0.05): how the shipped thresholds were chosen on
    er_hard/tune."""
    import dataclasses

    import duckdb
    import pandas as pd
    from matching_eval import scorer

    from transforms.er.features import build_features_from_raw
    from transforms.er.model import load_model
    from transforms.er.resolve import resolve_features
    from transforms.er.standalone import load_records_file

    truth = pd.read_parquet(dataset / "truth.parquet")
    con = duckdb.connect()
    load_records_file(con, _records_path(dataset))
    build_features_from_raw(con, "er_input")
    model = load_model()
    for match in matches:
        for cannot in cannots:
            thresholds = dataclasses.replace(
                model.thresholds, match=match, review=max(0.05, cannot), cannot_link=cannot
            )
            result = resolve_features(con, model=dataclasses.replace(model, thresholds=thresholds))
            clusters = pd.DataFrame(
                {"record_id": list(result.clusters), "cluster_id": list(result.clusters.values())}
            )
            s = scorer(dataset).score(clusters, truth)
            print(
                f"match={match} cannot_link={cannot} P={s['precision']:.4f} "
                f"R={s['recall']:.4f} F1={s['f1']:.4f}",
                flush=True,
            )


# ---------------------------------------------------------------------------------------------
# Incremental
# ---------------------------------------------------------------------------------------------


def run_incremental(records: str, share: float, queue: Any) -> None:
    """A first night in full (keeping the state), then a night with `share` of the records
    added, changed and removed (a third each), incrementally and in full."""
    import duckdb
    import pandas as pd

    from transforms.er.incremental import resolve_incrementally, resolve_keeping_state
    from transforms.er.standalone import load_records_file

    frame = pd.read_parquet(records)
    ids = sorted(frame["record_id"])
    picked = random.Random(16).sample(ids, int(len(ids) * share) // 3 * 3)
    third = len(picked) // 3
    added, removed, changed = (
        set(picked[:third]),
        set(picked[third : 2 * third]),
        set(picked[2 * third :]),
    )
    first = frame[~frame["record_id"].isin(added)]
    second = frame[~frame["record_id"].isin(removed)].copy()
    edit = second["record_id"].isin(changed)
    second.loc[edit, "phone"] = [f"600 100 {i % 1000:03d}" for i in range(int(edit.sum()))]
    second.loc[edit, "name"] = second.loc[edit, "name"].str.upper()
    with tempfile.TemporaryDirectory() as tmp:
        first.to_parquet(f"{tmp}/first.parquet")
        second.to_parquet(f"{tmp}/second.parquet")
        con = duckdb.connect(f"{tmp}/state.duckdb")
        con.execute("SET memory_limit = '2GB'")
        load_records_file(con, Path(f"{tmp}/first.parquet"), "er_night")
        clock = time.perf_counter()
        resolve_keeping_state(con, "er_night")
        first_s = time.perf_counter() - clock
        clock = time.perf_counter()
        load_records_file(con, Path(f"{tmp}/second.parquet"), "er_night")
        night, changes = resolve_incrementally(con, "er_night")
        night_s = time.perf_counter() - clock
        con.close()
        full = duckdb.connect()
        full.execute("SET memory_limit = '2GB'")
        clock = time.perf_counter()
        load_records_file(full, Path(f"{tmp}/second.parquet"), "er_night")
        rebuilt = resolve_keeping_state(full, "er_night")
        full_s = time.perf_counter() - clock
    queue.put(
        {
            "first_full_s": first_s,
            "incremental_s": night_s,
            "second_full_s": full_s,
            "changes": str(changes),
            "stages": night.stats,
            "equal": night.clusters == rebuilt.clusters,
            "peak_mib": _peak_mib(),
        }
    )


# ---------------------------------------------------------------------------------------------


def _report(label: str, info: dict[str, Any], dataset: Path, out: str) -> dict[str, Any]:
    import pandas as pd
    from matching_eval import recall_by_tag, scorer

    if "stopped" in info:
        print(f"{label:18s} stopped after {info['stopped']:.0f} s (load {info['load']})")
        return {"label": label, **info}
    truth = pd.read_parquet(dataset / "truth.parquet")
    records = pd.read_parquet(_records_path(dataset), columns=["record_id", "source"])
    clusters = pd.read_csv(out, dtype=str)
    result = scorer(dataset).score(clusters, truth)
    tags = recall_by_tag(clusters, truth, records)
    print(
        f"{label:18s} P={result['precision']:.4f} R={result['recall']:.4f} "
        f"F1={result['f1']:.4f} B3_F1={result['b3_f1']:.4f} time={info['seconds']:.1f}s "
        f"cpu={info['cpu_s']:.1f}s "
        f"peak={info['peak_mib']:.0f}MiB tree_pss={info['tree_pss_mib']:.0f}MiB "
        f"tree_rss={info['tree_rss_mib']:.0f}MiB load={info['load']}",
        flush=True,
    )
    if "rules" in info:
        print(
            f"{'':18s} candidate pairs={info['pairs']} review cases={info['review']} "
            f"ambiguous joins refused={info['ambiguous_joins']}"
        )
        print(f"{'':18s} rules(pairs,new,skipped)={info['rules']}")
        print(f"{'':18s} seconds by phase: {info['stages']}", flush=True)
    return {"label": label, **info, **result, "tags": tags}


def _tag_table(rows: list[dict[str, Any]]) -> None:
    from matching_eval import TAGS

    present = [t for t in TAGS if any(t in r.get("tags", {}) for r in rows)]
    print("| method | " + " | ".join(present) + " |")
    print("|---" * (len(present) + 1) + "|")
    for row in rows:
        cells = []
        for tag in present:
            kept, total = row.get("tags", {}).get(tag, (0, 0))
            cells.append(f"{kept / total:.3f} ({total})" if total else "—")
        print(f"| {row['label']} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sets", nargs="*", default=["er-dev", "hard-test", "hard-tune", "1m"])
    parser.add_argument("--train", action="store_true", help="refit the weights on SETS")
    parser.add_argument(
        "--sweep",
        metavar="MATCH[,...]:CANNOT[,...]",
        help="thresholds grid on SETS, e.g. 0.4,0.5,0.6,0.7:0.01,0.05,0.1",
    )
    parser.add_argument("--incremental", action="store_true", help="a 1 %% night on SETS")
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--skip-splink", action="store_true")
    parser.add_argument("--splink-1m", action="store_true")
    parser.add_argument("--splink-timeout", type=float, default=1200.0)
    parser.add_argument("--splink-configs", default="competent,expert")
    parser.add_argument("--code", default="", help="import the matcher from this checkout")
    parser.add_argument("--label", default="wsparcie")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.train:
        train([_dataset(name) for name in args.sets])
        return
    if args.sweep:
        matches, cannots = args.sweep.split(":")
        for name in args.sets:
            sweep(
                _dataset(name),
                [float(x) for x in matches.split(",")],
                [float(x) for x in cannots.split(",")],
            )
        return
    if args.incremental:
        for name in args.sets:
            info = _in_child(run_incremental, str(_records_path(_dataset(name))), args.changed)
            print(json.dumps({"set": name, **info}, indent=1, default=str), flush=True)
        return
    everything: dict[str, list[dict[str, Any]]] = {}
    for name in args.sets:
        dataset = _dataset(name)
        records = str(_records_path(dataset))
        print(f"== {name} ({dataset})", flush=True)
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            out = f"{tmp}/wsparcie.csv"
            info = _in_child(run_wsparcie, records, out, args.code)
            rows.append(_report(args.label, info, dataset, out))
            if not args.skip_splink and (name != "1m" or args.splink_1m):
                for config in args.splink_configs.split(","):
                    out = f"{tmp}/splink_{config}.csv"
                    info = _in_child(run_splink, records, out, config, timeout=args.splink_timeout)
                    rows.append(_report(f"splink {config}", info, dataset, out))
        _tag_table(rows)
        everything[name] = rows
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
