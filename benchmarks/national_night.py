"""A night that changes a share of the national warehouse's records: the match stage
incrementally against the kept state, and in full, split into the matcher and the rest.

Run by `benchmarks/national.py --changed 0.01` on the warehouse of its cold run (or
`--warehouse PATH`, a copy of one kept with `--keep`). The warehouse is copied; on the copy
the match stage runs in full once, keeping the matcher's state (as the nights before would
have left it). Then `fraction` of the active raw records change as sources change them, in
three equal parts: a new phone number, the record gone (no longer on its page), a new record
(a copy of another under a new id, its name written in capitals as a list would). The
normalise stage rebuilds `records` (not timed: it is its own stage), and the copy is copied
once more: the match stage then runs on one incrementally and on the other with
`full_match`. Their institutions must be equal.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from warehouse.db import open_warehouse
from warehouse.stages import (
    MatchSummary,
    load_gazetteer_if_present,
    match_and_build,
    rebuild_records,
)


@dataclass(frozen=True, slots=True)
class StageRun:
    label: str
    seconds: float  # the whole match stage (match_and_build)
    summary: MatchSummary

    def figures(self) -> dict[str, object]:
        return {
            "run": self.label,
            "kind": self.summary.match_kind,
            "stage_s": round(self.seconds, 2),
            "matcher_s": self.summary.matcher_seconds,
            "rest_s": round(self.seconds - self.summary.matcher_seconds, 2),
            "records": self.summary.records,
            "institutions": self.summary.institutions,
            "records_changed": self.summary.records_changed,
            "records_reclustered": self.summary.records_reclustered,
        }


def change_records(db: Path, fraction: float, seed: int = 16) -> dict[str, int]:
    """Change `fraction` of the active raw records (a third each: new phone, gone, new) and
    rebuild `records`."""
    with open_warehouse(db) as con:
        row = con.execute("SELECT count(*) FROM raw_records WHERE active").fetchone()
        third = max(1, round((int(row[0]) if row else 0) * fraction / 3))
        con.execute(f"SELECT setseed({seed / 100})")
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE night_picked AS
            SELECT record_id, row_number() OVER (ORDER BY random()) AS n
            FROM raw_records WHERE active AND role <> 'mention'
            """
        )
        con.execute(
            f"""
            UPDATE raw_records SET phones_raw = ['tel. 500 ' || lpad(CAST(p.n AS VARCHAR), 6, '0')]
            FROM night_picked p
            WHERE p.record_id = raw_records.record_id AND p.n <= {third}
            """
        )
        con.execute(
            f"""
            UPDATE raw_records SET active = false FROM night_picked p
            WHERE p.record_id = raw_records.record_id AND p.n > {third} AND p.n <= {2 * third}
            """
        )
        con.execute(
            f"""
            INSERT INTO raw_records
            SELECT r.* REPLACE ('night-' || r.record_id AS record_id, upper(r.name_raw) AS name_raw)
            FROM raw_records r JOIN night_picked p USING (record_id)
            WHERE p.n > {2 * third} AND p.n <= {3 * third}
            """
        )
        records = rebuild_records(con, load_gazetteer_if_present(con))
    return {"changed": third, "removed": third, "added": third, "records": records}


def match_stage(db: Path, label: str, *, full: bool, profile: bool = False) -> StageRun:
    with open_warehouse(db) as con:
        profiler = cProfile.Profile() if profile else None
        clock = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        summary = match_and_build(con, label, full_match=full)
        if profiler is not None:
            profiler.disable()
        seconds = time.perf_counter() - clock
    run = StageRun(label, seconds, summary)
    print(f"{label}: {run.figures()}", flush=True)
    if profiler is not None:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
        print(text.getvalue(), flush=True)
    return run


def institutions(db: Path) -> list[tuple[object, ...]]:
    with open_warehouse(db, read_only=True) as con:
        return con.execute(
            "SELECT m.record_id, m.institution_id, m.match_rule FROM institution_records m"
            " ORDER BY 1"
        ).fetchall()


def changed_night(
    warehouse: Path, work: Path, fraction: float, *, profile: bool = False
) -> dict[str, object]:
    """The figures of a night changing `fraction` of the records of `warehouse` (a copy)."""
    work.mkdir(parents=True, exist_ok=True)
    incremental, full = work / "incremental.duckdb", work / "full.duckdb"
    shutil.copyfile(warehouse, incremental)
    before = match_stage(incremental, "the night before, full (keeps the state)", full=True)
    clock = time.perf_counter()
    night = change_records(incremental, fraction)
    normalise_s = time.perf_counter() - clock
    print(f"night: {night}, normalised in {normalise_s:.0f} s", flush=True)
    shutil.copyfile(incremental, full)
    runs = [
        match_stage(incremental, "the night, incremental", full=False, profile=profile),
        match_stage(full, "the night, full", full=True, profile=profile),
    ]
    same = institutions(incremental) == institutions(full)
    incremental_run, full_run = runs
    figures: dict[str, object] = {
        "fraction": fraction,
        "night": night,
        "runs": [before.figures(), *(r.figures() for r in runs)],
        "stage_share": round(incremental_run.seconds / full_run.seconds, 3),
        "matcher_share": round(
            incremental_run.summary.matcher_seconds / max(full_run.summary.matcher_seconds, 1e-9),
            3,
        ),
        "institutions_equal": same,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    for path in (incremental, full):
        path.unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)
    return figures
