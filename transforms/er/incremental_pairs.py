"""Incremental matching, the pairs: which candidate pairs a night's records make, and their scores.

Part of `incremental` (see its docstring). Blocks are recomputed as keys only (no pair is
made from a block no new or changed record falls in); the state's block sizes tell which
blocks grew past, or shrank under, their size limit, and the pairs among their records are
re-derived from every rule. Everything is in uids, each pair `(a, b)` with `a` the record of
the smaller record id, and the state's pairs are written by difference: only the pairs the
night drops, adds or scores anew are touched.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt

from transforms.er.blocking import RuleCount
from transforms.er.codes import codes_of_rows, codes_select_sql
from transforms.er.incremental_keys import night_keys
from transforms.er.ladders import LADDERS, compare
from transforms.er.model import NUMBER_DIFFERENT, PairModel, contact_agreement
from transforms.er.scoring import BAND_LEVELS
from transforms.er.statistics import STATISTICS, email_level_moved_sql, stat_levels_moved_sql

# The state's record rows (alias `s`) with their type phrase's count (`core_tf`, kept per
# phrase: `statistics.ROW_STATISTICS`), as the ladders read a record.
STATE_ROWS_SQL = (
    "SELECT s.*, coalesce(c.n, 0) AS core_tf FROM er_state_records s "
    "LEFT JOIN er_state_cores c ON c.core = s.core"
)


def new_candidates(con: duckdb.DuckDBPyConnection) -> tuple[RuleCount, ...]:
    """Tonight's pairs to score, `er_inc_to_score(a, b)`: the pairs of the blocks new and
    changed records fall in, those among records of blocks that crossed their size limit
    (re-derived), and the kept pairs of records whose statistics moved. `er_inc_old_pairs`:
    the state's pairs these replace or drop (with an end changed or gone, among regrouped
    records, or scored anew), with their last scores and row ids (`row`, by which `rescore`
    deletes them). Only the night's records are keyed (`incremental_keys`)."""
    counts = night_keys(con)
    # The state's pairs with an end among the night's records, once (one pass over every
    # pair); then each condition on those. A kept pair that a fresh one replaces has an end
    # that changed (the other end of a new record's pair is not kept) or both regrouped.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_near AS
        WITH ends AS (
            SELECT uid FROM er_inc_gone UNION SELECT uid FROM er_inc_regroup
            UNION SELECT uid FROM er_inc_stat_moved
        )
        SELECT rowid AS row, * FROM er_state_pairs
        WHERE a IN (SELECT uid FROM ends) OR b IN (SELECT uid FROM ends)
        """
    )
    _stat_moved_pairs(con)
    # The kept pairs to replace: those dropped (a fresh pair that replaces a kept one is
    # among them, see above) and the stat-moved ones, found by one integer `a << 32 | b` (a
    # struct IN cost a third more).
    code = "(CAST({t}.a AS BIGINT) << 32) | {t}.b"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_old_pairs AS
        SELECT * EXCLUDE (scored_anew) FROM (
            SELECT p.*,
                   p.a IN (SELECT uid FROM er_inc_gone) OR p.b IN (SELECT uid FROM er_inc_gone)
                   OR (p.a IN (SELECT uid FROM er_inc_regroup)
                       AND p.b IN (SELECT uid FROM er_inc_regroup)) AS dropped,
                   p.a IN (SELECT uid FROM er_inc_removed)
                   OR p.b IN (SELECT uid FROM er_inc_removed) AS with_removed,
                   {code.format(t="p")} IN (SELECT {code.format(t="s")} FROM er_inc_stat_pairs s)
                   AS scored_anew
            FROM er_inc_near p
        )
        WHERE dropped OR scored_anew
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_to_score AS
        SELECT a, b FROM er_inc_fresh
        UNION SELECT a, b FROM er_inc_old_pairs WHERE NOT dropped
        """
    )
    return counts


def _stat_moved_pairs(con: duckdb.DuckDBPyConnection) -> None:
    """`er_inc_stat_pairs(a, b)`: the kept pairs of records whose counts moved to another
    bucket (`er_inc_stat_moved`, with last night's counts) whose statistics' levels moved
    with them (`statistics.stat_levels_sql`); the others keep their levels and score.

    A vetoed pair (probability 0: only a veto gives exactly 0, the log-odds are clipped)
    keeps its score unless its e-mail level moved (`statistics.email_level_moved_sql`): no
    veto reads a count, and a veto's exception (a contact in common) and the pair's
    agreement read none but the e-mail level's. On the national 1 % night 3,005 of the 3,410
    stat-moved pairs were vetoed ones, rescored to the same 0."""
    old = ", ".join(f"coalesce(m.{c}, n.{c}) AS old_{c}" for c in STATISTICS)
    # Each record with tonight's counts and last night's side by side: a pair joins its two
    # records once (joining the two versions apart cost twice the joins, each carrying the
    # records' texts).
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_stat_pairs AS
        WITH touched AS (
            SELECT a, b, probability FROM er_inc_near
            WHERE a IN (SELECT uid FROM er_inc_stat_moved) OR b IN (SELECT uid FROM er_inc_stat_moved)
        ),
        records AS (
            SELECT n.*, {old}
            FROM (
                SELECT s.uid, s.name_key, s.core, s.emails, {", ".join(STATISTICS)}
                FROM ({STATE_ROWS_SQL}) s
                WHERE s.uid IN (SELECT a FROM touched UNION SELECT b FROM touched)
            ) n LEFT JOIN er_inc_stat_moved m USING (uid)
        )
        SELECT t.a, t.b FROM touched t
        JOIN records x ON x.uid = t.a JOIN records y ON y.uid = t.b
        WHERE CASE WHEN t.probability = 0 THEN {email_level_moved_sql("x", "y")}
                   ELSE {stat_levels_moved_sql("x", "y")} END
        """
    )


def rescore(con: duckdb.DuckDBPyConnection, model: PairModel) -> tuple[int, int]:
    """Score `er_inc_to_score` (probability, the numbers' veto and whether a contact agrees)
    and write the state's pairs by difference: the rows of `er_inc_old_pairs` go, the scored
    pairs come (`er_inc_scored`, kept for the region). Returns the pairs scored and the
    state's pairs that join tonight, moved by difference in `er_state_counts` (last night's,
    less the joins among the pairs that went, plus those among the pairs scored)."""
    pairs = con.execute("SELECT a, b FROM er_inc_to_score").fetchnumpy()
    left = np.asarray(pairs["a"], dtype=np.int32)
    right = np.asarray(pairs["b"], dtype=np.int32)
    levels = levels_of(
        con,
        left,
        right,
        involved="SELECT a FROM er_inc_to_score UNION SELECT b FROM er_inc_to_score",
    )
    th = model.thresholds
    if levels is None:
        probability, apart, agree = np.zeros(0), np.zeros(0, bool), np.zeros(0, bool)
        band = np.zeros(0, bool)
    else:
        probability = model.probability(levels)
        apart = levels["number"] == NUMBER_DIFFERENT
        agree = contact_agreement(levels)
        band = (probability >= th.review) & (probability < th.match)
    # Registered as dicts of arrays: a pandas frame cost a night more to build and register,
    # a column at a time, than the scoring itself.
    scored = {"a": left, "b": right, "probability": probability, "apart": apart, "agree": agree}
    band_rows: dict[str, npt.NDArray[Any]] = {
        "a": left[band],
        "b": right[band],
        "probability": probability[band],
    }
    for ladder, column in zip(LADDERS, BAND_LEVELS, strict=True):
        band_rows[column] = (
            levels[ladder.field][band] if levels is not None else np.zeros(0, np.int8)
        )
    con.register("er_inc_scored_frame", scored)
    con.register("er_inc_band_frame", band_rows)
    con.execute("CREATE OR REPLACE TEMP TABLE er_inc_scored AS SELECT * FROM er_inc_scored_frame")
    con.execute(
        """
        DELETE FROM er_state_pairs p USING er_inc_old_pairs o WHERE p.rowid = o.row
        """
    )
    con.execute(
        """
        DELETE FROM er_state_band p USING er_inc_old_pairs o WHERE p.a = o.a AND p.b = o.b
        """
    )
    con.execute(
        "INSERT INTO er_state_pairs SELECT a, b, probability, apart, agree FROM er_inc_scored"
    )
    con.execute("INSERT INTO er_state_band SELECT * FROM er_inc_band_frame")
    con.unregister("er_inc_scored_frame")
    con.unregister("er_inc_band_frame")
    joined = int(th.joins(probability, agree).sum())
    row = con.execute(
        f"""
        UPDATE er_state_counts SET matched = matched + {joined} - (
            SELECT count(*) FROM er_inc_old_pairs WHERE {th.joins_sql("probability", "agree")})
        RETURNING matched
        """
    ).fetchone()
    return int(len(left)), int(row[0]) if row else 0


def levels_of(
    con: duckdb.DuckDBPyConnection,
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    *,
    involved: str,
) -> dict[str, npt.NDArray[np.int8]] | None:
    """Ladder levels of pairs of uids, their records read from the state (the statistics are
    tonight's, counted over every record; the places' stems kept with each record) and
    encoded in one statement (`codes.codes_of_rows`); `involved`: SQL of their uids."""
    if len(left) == 0:
        return None
    rows = con.execute(
        f"SELECT uid, {codes_select_sql(place_stems='place_stems')} FROM ("
        f"{STATE_ROWS_SQL} WHERE s.uid IN ({involved}))"
    ).fetchnumpy()
    order = np.asarray(rows["uid"], np.int64)
    codes = codes_of_rows(rows)
    # uid -> local rid (the row it was fetched in)
    by_uid = np.argsort(order)
    local_left = by_uid[np.searchsorted(order, left, sorter=by_uid)].astype(np.int32)
    local_right = by_uid[np.searchsorted(order, right, sorter=by_uid)].astype(np.int32)
    out: dict[str, list[npt.NDArray[np.int8]]] = {}
    step = 2_000_000
    for start in range(0, len(left), step):
        chunk = compare(codes, local_left[start : start + step], local_right[start : start + step])
        for field, values in chunk.items():
            out.setdefault(field, []).append(values)
    return {field: np.concatenate(parts) for field, parts in out.items()}


def count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0
