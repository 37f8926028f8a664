"""Incremental matching, the pairs: which candidate pairs a night's records make, and their scores.

Part of `incremental` (see its docstring). Blocks are recomputed as keys only (no pair is
made from a block no new or changed record falls in); the state's block sizes tell which
blocks grew past, or shrank under, their size limit, and the pairs among their records are
re-derived from every rule.
"""

from __future__ import annotations

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from transforms.er.blocking import RuleCount
from transforms.er.codes import encode_records
from transforms.er.incremental_keys import night_keys
from transforms.er.ladders import compare
from transforms.er.model import NUMBER_DIFFERENT, PairModel, contact_agreement


def new_candidates(
    con: duckdb.DuckDBPyConnection,
) -> tuple[int, int, tuple[RuleCount, ...]]:
    """Tonight's candidate pairs, `er_inc_cand(l, r, fresh)`: the state's pairs among unchanged
    records, plus the pairs of the blocks new and changed records fall in, plus those among
    records of blocks that crossed their size limit (re-derived; `fresh` marks pairs to
    score). Only the night's records are keyed (`incremental_keys`)."""
    counts = night_keys(con)
    # The state's pairs in tonight's rids; those of changed/removed records and those among
    # regrouped records are replaced.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_old_pairs AS
        SELECT a.rid AS l, b.rid AS r, p.probability, p.apart, p.agree
        FROM er_state_pairs p
        JOIN er_inc_next a ON a.uid = p.a JOIN er_inc_next b ON b.uid = p.b
        WHERE a.rid NOT IN (SELECT rid FROM er_inc_dirty) AND b.rid NOT IN (SELECT rid FROM er_inc_dirty)
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_cand AS
        WITH fresh AS (
            SELECT l, r FROM er_inc_dirty_pairs
            UNION SELECT l, r FROM er_inc_regroup_pairs
        ),
        kept AS (
            SELECT l, r FROM er_inc_old_pairs
            WHERE NOT (l IN (SELECT rid FROM er_inc_regroup) AND r IN (SELECT rid FROM er_inc_regroup))
        )
        SELECT l, r, true AS fresh FROM fresh
        UNION ALL
        SELECT k.l, k.r, false FROM kept k ANTI JOIN fresh f ON f.l = k.l AND f.r = k.r
        """
    )
    dirty = count(con, "SELECT count(*) FROM er_inc_dirty_pairs")
    regrouped = count(con, "SELECT count(*) FROM er_inc_regroup")
    return dirty, regrouped, counts


def rescore(
    con: duckdb.DuckDBPyConnection, model: PairModel, dirty_pairs: int, regrouped: int
) -> int:
    """`er_inc_pairs(l, r, probability, apart, agree)`: every candidate pair of tonight, scored anew
    where fresh or where a record's statistics moved, kept from the state otherwise."""
    del dirty_pairs, regrouped
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_to_score AS
        SELECT l, r FROM er_inc_cand
        WHERE fresh OR l IN (SELECT rid FROM er_inc_stat_moved) OR r IN (SELECT rid FROM er_inc_stat_moved)
        ORDER BY l, r
        """
    )
    pairs = con.execute("SELECT l, r FROM er_inc_to_score").fetchnumpy()
    left = np.asarray(pairs["l"], dtype=np.int32)
    right = np.asarray(pairs["r"], dtype=np.int32)
    probability, apart, agree = _score_pairs(con, model, left, right)
    con.register(
        "er_inc_scored_frame",
        pd.DataFrame(
            {"l": left, "r": right, "probability": probability, "apart": apart, "agree": agree}
        ),
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_pairs AS
        SELECT c.l, c.r, coalesce(s.probability, o.probability) AS probability,
               coalesce(s.apart, o.apart) AS apart, coalesce(s.agree, o.agree) AS agree
        FROM er_inc_cand c
        LEFT JOIN er_inc_scored_frame s ON s.l = c.l AND s.r = c.r
        LEFT JOIN er_inc_old_pairs o ON o.l = c.l AND o.r = c.r
        ORDER BY c.l, c.r
        """
    )
    con.unregister("er_inc_scored_frame")
    return int(len(left))


def _score_pairs(
    con: duckdb.DuckDBPyConnection,
    model: PairModel,
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Probability, the numbers' veto and whether a contact agrees, of pairs of
    `er_inc_next` rids."""
    levels = levels_of(con, left, right)
    if levels is None:
        return np.zeros(0), np.zeros(0, bool), np.zeros(0, bool)
    return (
        model.probability(levels),
        levels["number"] == NUMBER_DIFFERENT,
        contact_agreement(levels),
    )


def levels_of(
    con: duckdb.DuckDBPyConnection, left: npt.NDArray[np.int32], right: npt.NDArray[np.int32]
) -> dict[str, npt.NDArray[np.int8]] | None:
    """Ladder levels of pairs of `er_inc_next` rids, from an `er_features` of their records only
    (the statistics are tonight's, counted over every record)."""
    if len(left) == 0:
        return None
    involved = np.unique(np.concatenate([left, right]))
    con.register("er_inc_involved", pd.DataFrame({"rid": involved}))
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_features AS
        SELECT x.* EXCLUDE (rid, uid, fingerprint),
               CAST(row_number() OVER (ORDER BY x.rid) - 1 AS INTEGER) AS rid
        FROM er_inc_next x JOIN er_inc_involved USING (rid)
        ORDER BY rid
        """
    )
    con.unregister("er_inc_involved")
    codes = encode_records(con)
    local_left = np.searchsorted(involved, left).astype(np.int32)
    local_right = np.searchsorted(involved, right).astype(np.int32)
    out: dict[str, list[npt.NDArray[np.int8]]] = {}
    step = 2_000_000
    for start in range(0, len(left), step):
        chunk = compare(codes, local_left[start : start + step], local_right[start : start + step])
        for field, values in chunk.items():
            out.setdefault(field, []).append(values)
    con.execute("DROP TABLE er_features")
    return {field: np.concatenate(parts) for field, parts in out.items()}


def count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0
