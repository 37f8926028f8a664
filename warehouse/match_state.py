"""Which match a night runs: incremental against the matcher's kept state, or full.

A full match keeps, beside its clusters, the state the next night needs (the `er_state_*`
tables, transforms/er/incremental.py). The next night matches incrementally (only the records
that came, changed or left, against the clusters as they stand) when that state was kept by
the same *version* of the matcher: a hash of the model weights and of the transforms
package's source (the rules, ladders, statistics and the name parsing all live there). It
matches in full, and keeps a new state, when asked to (`wsparcie run --full-match`), when
there is no state yet, or when the matcher changed since. Either way the clusters are the
same: the incremental path joins what it re-clusters in a full run's order.

The version is written last (`er_state_version`): a night killed while the state was being
written leaves no version, and the next night matches in full.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

import transforms
from transforms.er.decisions import Decision
from transforms.er.features import build_features_from_records
from transforms.er.incremental import (
    RECORDS_COLUMNS,
    has_state,
    resolve_incrementally,
    resolve_keeping_state,
    single_threaded,
)
from transforms.er.model import PairModel, load_model
from transforms.er.resolve import Resolution
from warehouse.db import transaction

log = logging.getLogger(__name__)

# The matcher's state; the analysts' snapshot leaves it out (it holds every record's features).
STATE_TABLES = (
    "er_state_records",
    "er_state_pairs",
    "er_state_blocks",
    "er_state_keys",
    "er_state_key_ids",
    "er_state_band",
    "er_state_conflicts",
    "er_state_counts",
    "er_state_decisions",
    "er_state_names",
    "er_state_cores",
    "er_state_version",
)
_TRANSFORMS = Path(transforms.__file__).resolve().parent
_SOURCE_SUFFIXES = (".py", ".json", ".txt", ".tsv", ".csv")


@dataclass(frozen=True, slots=True)
class MatchRun:
    """A night's match: its result, which kind ran and why, what it touched, its seconds."""

    resolution: Resolution
    kind: str  # "full" | "incremental"
    reason: str  # why this kind (Polish and English, for the run log and report)
    records_changed: int  # added + changed + removed since the state (full: every record)
    records_reclustered: int  # records whose clusters were made anew
    seconds: float


def matcher_version(model: PairModel) -> str:
    """A hash of the model and of every source file of the transforms package."""
    digest = hashlib.sha256(model.to_json().encode("utf-8"))
    for path in sorted(_TRANSFORMS.rglob("*")):
        if path.suffix in _SOURCE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_TRANSFORMS).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stored_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The version of the matcher that kept this warehouse's state, if a whole state is kept."""
    if not has_state(con) or not _has_table(con, "er_state_version"):
        return None
    row = con.execute("SELECT version FROM er_state_version").fetchone()
    return str(row[0]) if row else None


def full_match_reason(
    con: duckdb.DuckDBPyConnection, version: str, *, asked: bool = False
) -> str | None:
    """Why tonight matches in full, or None when it can match incrementally."""
    if asked:
        return "pełne dopasowanie na żądanie — a full match was asked for (--full-match)"
    stored = stored_version(con)
    if stored is None:
        return "brak stanu dopasowania — no matcher state kept yet"
    if stored != version:
        return f"dopasowanie zmieniło się — the matcher changed ({stored} -> {version})"
    return None


def match_records(
    con: duckdb.DuckDBPyConnection,
    decisions: Sequence[Decision],
    *,
    full: bool = False,
    model: PairModel | None = None,
) -> MatchRun:
    """Match the `records` table, incrementally where the kept state allows, and keep the
    state for the next night."""
    model = model or load_model()
    version = matcher_version(model)
    reason = full_match_reason(con, version, asked=full)
    clock = time.perf_counter()
    _forget_version(con)  # a state half written (a night killed while writing) is never used
    if reason is None:
        try:
            return _incremental(con, decisions, model, version, clock)
        except Exception as exc:  # the full match below still gives the night its clusters
            log.exception("match: the incremental match failed, matching in full")
            reason = f"dopasowanie przyrostowe nie powiodło się — incremental failed: {exc}"
    resolution = resolve_keeping_state(
        con,
        "records",
        decisions=decisions,
        model=model,
        build=build_features_from_records,
        columns=RECORDS_COLUMNS,
    )
    _save_version(con, version)
    n = len(resolution.clusters)
    return _logged(MatchRun(resolution, "full", reason, n, n, time.perf_counter() - clock))


def _incremental(
    con: duckdb.DuckDBPyConnection,
    decisions: Sequence[Decision],
    model: PairModel,
    version: str,
    clock: float,
) -> MatchRun:
    # One transaction: the state's rows are changed in place, all or nothing (a failure
    # leaves last night's state, and the night matches in full, with the connection's
    # thread count: `single_threaded` restores it after the rollback too).
    with single_threaded(con), transaction(con):
        resolution, changes = resolve_incrementally(
            con,
            "records",
            decisions=decisions,
            model=model,
            build=build_features_from_records,
            columns=RECORDS_COLUMNS,
        )
    _save_version(con, version)
    return _logged(
        MatchRun(
            resolution,
            "incremental",
            f"stan z tej samej wersji — the state of matcher {version} is kept",
            changes.added + changes.changed + changes.removed,
            changes.records_reclustered,
            time.perf_counter() - clock,
        )
    )


def _logged(run: MatchRun) -> MatchRun:
    log.info(
        "match: %s (%s), %d records changed, %d re-clustered, %.2f s",
        run.kind,
        run.reason,
        run.records_changed,
        run.records_reclustered,
        run.seconds,
    )
    return run


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [table]
    ).fetchone()
    return bool(row and row[0])


def _forget_version(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DROP TABLE IF EXISTS er_state_version")


def _save_version(con: duckdb.DuckDBPyConnection, version: str) -> None:
    con.execute(
        "CREATE OR REPLACE TABLE er_state_version (version VARCHAR NOT NULL, "
        "kept_at TIMESTAMP WITH TIME ZONE NOT NULL)"
    )
    con.execute("INSERT INTO er_state_version VALUES (?, ?)", [version, datetime.now(UTC)])
