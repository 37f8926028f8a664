"""The matcher alone on one prepared night, in CPU seconds: incremental against a full match.

Wall times on a shared machine swing with the others' load; the CPU time of this process
(`time.process_time`, DuckDB's threads included, and the name-parsing worker processes
a large input is parsed in, `workers_cpu_s`) swings much less. A night is prepared once
per version of the code (the state's shape may differ between versions), then matched in
rounds, each on a fresh copy, so that two versions can be run one after the other:

    .venv/bin/python benchmarks/incremental_cpu.py change --warehouse KEPT --out CHANGED
    .venv/bin/python benchmarks/incremental_cpu.py prepare --changed CHANGED --out NIGHT
    .venv/bin/python benchmarks/incremental_cpu.py measure --night NIGHT [--rounds 3] [--full]

`change` copies a warehouse kept by `benchmarks/national.py --keep`, keeps its `records` as
`records_before`, then changes 1 % of its records as `benchmarks/national_night.py` does and
rebuilds `records` (the same for every version of the matcher: done once). `prepare` copies
that and matches `records_before` in full keeping the state, as the night before would have,
with this version's code. `measure` runs the incremental
match (or, with `--full`, the full match that keeps the state) on a copy of the prepared
night per round and prints each round's CPU and wall seconds and the statements it ran.
`--code DIR` runs another version's code (a `git archive` of it) with this script,
`--statements N` prints the N statements that took the most CPU in the last round, and
`--parts` the last round's statements' CPU by the matcher's function that ran them (the
innermost one of `transforms/`), the rest of the round's CPU as Python.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _caller() -> str:
    """The innermost function of the matcher's code (`transforms/`) on the stack."""
    frame = sys._getframe(2)
    while frame is not None:
        if f"{os.sep}transforms{os.sep}" in frame.f_code.co_filename:
            return f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}"
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


class CountingConnection:
    """A DuckDB connection that counts its statements, the CPU each took and the matcher's
    function that ran it (the rest is passed through)."""

    def __init__(self, con: Any) -> None:
        self._con = con
        self.statements: list[tuple[float, str]] = []
        self.callers: list[str] = []

    def _timed(self, run: Any, sql: str, *args: Any) -> Any:
        clock = time.process_time()
        result = run(sql, *args)
        self.statements.append((time.process_time() - clock, " ".join(sql.split())[:150]))
        self.callers.append(_caller())
        return result

    def execute(self, sql: str, *args: Any) -> Any:
        return self._timed(self._con.execute, sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        return self._timed(self._con.executemany, sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def change(warehouse: Path, out: Path) -> None:
    from benchmarks.national_night import change_records
    from warehouse.db import open_warehouse

    shutil.copyfile(warehouse, out)
    with open_warehouse(out) as con:
        con.execute("CREATE OR REPLACE TABLE records_before AS SELECT * FROM records")
    print(json.dumps(change_records(out, 0.01)), flush=True)


def prepare(changed: Path, out: Path) -> None:
    from warehouse.db import open_warehouse
    from warehouse.judgements import current_decisions
    from warehouse.match_state import match_records
    from warehouse.sites import site_joins

    shutil.copyfile(changed, out)
    with open_warehouse(out) as con:
        # The night before's records in `records` (contents swapped: views may depend on it).
        con.execute("CREATE OR REPLACE TABLE records_tonight AS SELECT * FROM records")
        con.execute("DELETE FROM records")
        con.execute("INSERT INTO records SELECT * FROM records_before")
        run = match_records(con, [*site_joins(con), *current_decisions(con)], full=True)
        con.execute("DELETE FROM records")
        con.execute("INSERT INTO records SELECT * FROM records_tonight")
        con.execute("DROP TABLE records_tonight")
    print(f"prepared: {run.kind}, {len(run.resolution.clusters)} records", flush=True)


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the name-parsing workers a large
    input is parsed in: `transforms.er.features`)."""
    times = os.times()
    return times.children_user + times.children_system


def _round(
    night: Path, full: bool
) -> tuple[float, float, float, CountingConnection, dict[str, int]]:
    from transforms.er.features import build_features_from_records
    from transforms.er.incremental import (
        RECORDS_COLUMNS,
        resolve_incrementally,
        resolve_keeping_state,
        single_threaded,
    )
    from transforms.er.model import load_model
    from warehouse.db import open_warehouse, transaction
    from warehouse.judgements import current_decisions
    from warehouse.sites import site_joins

    model = load_model()
    with tempfile.TemporaryDirectory(dir=night.parent) as folder:
        copy = Path(folder) / "night.duckdb"
        shutil.copyfile(night, copy)
        with open_warehouse(copy) as raw:
            decisions = [*site_joins(raw), *current_decisions(raw)]
            con = CountingConnection(raw)
            resolver = resolve_keeping_state if full else resolve_incrementally

            def run() -> Any:
                return resolver(
                    con,  # type: ignore[arg-type]
                    "records",
                    decisions=decisions,
                    model=model,
                    build=build_features_from_records,
                    columns=RECORDS_COLUMNS,
                )

            # As `warehouse.match_state.match_records` runs them: a night in one transaction,
            # on one DuckDB thread (committed before the connection's count is restored).
            cpu, wall, workers = time.process_time(), time.perf_counter(), _children_cpu()
            if full:
                result = run()
            else:
                with single_threaded(con), transaction(con):  # type: ignore[arg-type]
                    result = run()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            workers = _children_cpu() - workers
    counts: dict[str, int] = {}
    if not full:
        resolution, changes = result
        counts = {
            "changed": changes.added + changes.changed + changes.removed,
            "reclustered": changes.records_reclustered,
            "rescored": changes.pairs_rescored,
            "conflicts": len(resolution.conflict_cases),
            "review": len(resolution.review_cases),
        }
    return cpu, wall, workers, con, counts


def _print_parts(con: CountingConnection, cpu: float) -> None:
    """The statements' CPU and count by the function that ran them, and the rest."""
    seconds: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for (spent, _), caller in zip(con.statements, con.callers, strict=True):
        seconds[caller] += spent
        count[caller] += 1
    for caller, spent in sorted(seconds.items(), key=lambda kv: -kv[1]):
        print(f"{spent:7.3f} s {count[caller]:4d}  {caller}")
    print(f"{cpu - sum(seconds.values()):7.3f} s       Python (outside the statements)")


def measure(night: Path, rounds: int, full: bool, top: int, parts: bool = False) -> None:
    import transforms

    print(f"code: {Path(transforms.__file__).parent.parent}", flush=True)
    last: CountingConnection | None = None
    cpu = 0.0
    for i in range(rounds):
        cpu, wall, workers, last, counts = _round(night, full)
        figures = {
            "round": i + 1,
            "match": "full" if full else "incremental",
            "cpu_s": round(cpu, 3),
            "workers_cpu_s": round(workers, 3),
            "wall_s": round(wall, 3),
            "statements": len(last.statements),
            **counts,
        }
        print(json.dumps(figures), flush=True)
    if last is not None and top:
        for seconds, sql in sorted(last.statements, reverse=True)[:top]:
            print(f"{seconds:7.3f}  {sql}")
    if last is not None and parts:
        _print_parts(last, cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", type=Path, help="run this folder's code (a git archive)")
    verbs = parser.add_subparsers(dest="verb", required=True)
    c = verbs.add_parser("change")
    c.add_argument("--warehouse", type=Path, required=True)
    c.add_argument("--out", type=Path, required=True)
    p = verbs.add_parser("prepare")
    p.add_argument("--changed", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    m = verbs.add_parser("measure")
    m.add_argument("--night", type=Path, required=True)
    m.add_argument("--rounds", type=int, default=3)
    m.add_argument("--full", action="store_true")
    m.add_argument("--statements", type=int, default=0)
    m.add_argument("--parts", action="store_true")
    args = parser.parse_args()
    code = (args.code or REPO).resolve()
    sys.path.insert(0, str(code))
    if args.verb == "change":
        change(args.warehouse, args.out)
    elif args.verb == "prepare":
        prepare(args.changed, args.out)
    else:
        measure(args.night, args.rounds, args.full, args.statements, args.parts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
