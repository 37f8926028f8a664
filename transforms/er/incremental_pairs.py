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

from transforms.er.blocking import RULES, BlockingRule, RuleCount
from transforms.er.codes import encode_records
from transforms.er.ladders import compare
from transforms.er.model import NUMBER_DIFFERENT, PairModel
from transforms.er.name_parts import STEM_MACRO


def rule_keys(con: duckdb.DuckDBPyConnection, rule: BlockingRule, name: str) -> None:
    """`<name>_raw(rid, key)`, `<name>_eff(rid, key)` (NULL: skipped) of `er_features`."""
    refine = f"k.key || '|' || ({rule.refine_sql})" if rule.refine_sql else "NULL"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {name}_raw AS
        SELECT DISTINCT rid, key FROM ({rule.keys_sql}) WHERE key IS NOT NULL AND key <> ''
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {name}_eff AS
        WITH sized AS (SELECT rid, key, count(*) OVER (PARTITION BY key) AS n FROM {name}_raw)
        SELECT k.rid, CASE WHEN k.n <= {rule.max_block} THEN k.key ELSE {refine} END AS key
        FROM sized k JOIN er_features f ON f.rid = k.rid
        """
    )


def save_blocks(con: duckdb.DuckDBPyConnection) -> None:
    """Block sizes of every rule over `er_features` (the run's records)."""
    con.execute(STEM_MACRO)
    con.execute(
        "CREATE OR REPLACE TABLE er_state_blocks (rule VARCHAR, level VARCHAR, key VARCHAR, "
        "n INTEGER)"
    )
    for rule in RULES:
        rule_keys(con, rule, "er_inc")
        for level in ("raw", "eff"):
            con.execute(
                f"""
                INSERT INTO er_state_blocks
                SELECT '{rule.name}', '{level}', key, CAST(count(*) AS INTEGER)
                FROM er_inc_{level} WHERE key IS NOT NULL GROUP BY key
                """
            )
    for level in ("raw", "eff"):
        con.execute(f"DROP TABLE IF EXISTS er_inc_{level}")


def new_candidates(
    con: duckdb.DuckDBPyConnection,
) -> tuple[int, int, tuple[RuleCount, ...]]:
    """Tonight's candidate pairs, `er_inc_cand(l, r, fresh)`: the state's pairs among unchanged
    records, plus the pairs of the blocks new and changed records fall in, plus those among
    records of blocks that crossed their size limit (re-derived; `fresh` marks pairs to
    score). New block sizes go to `er_inc_next_blocks`."""
    con.execute(STEM_MACRO)
    con.execute("CREATE OR REPLACE TEMP VIEW er_features AS SELECT * FROM er_inc_next")
    con.execute("CREATE OR REPLACE TEMP TABLE er_inc_dirty_pairs (l INTEGER, r INTEGER)")
    con.execute("CREATE OR REPLACE TEMP TABLE er_inc_regroup (rid INTEGER)")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_next_blocks (rule VARCHAR, level VARCHAR, key VARCHAR, "
        "n INTEGER)"
    )
    counts: list[RuleCount] = []
    for i, rule in enumerate(RULES):
        name = f"er_inc{i}"
        rule_keys(con, rule, name)
        for level in ("raw", "eff"):
            con.execute(
                f"""
                INSERT INTO er_inc_next_blocks SELECT '{rule.name}', '{level}', key,
                       CAST(count(*) AS INTEGER)
                FROM {name}_{level} WHERE key IS NOT NULL GROUP BY key
                """
            )
        valid = f"n > 1 AND n <= {rule.max_block}"
        # Blocks that turned valid or invalid, and raw keys re-keyed or no longer re-keyed.
        con.execute(
            f"""
            INSERT INTO er_inc_regroup
            WITH new AS (SELECT level, key, n FROM er_inc_next_blocks WHERE rule = '{rule.name}'),
                 old AS (SELECT level, key, n FROM er_state_blocks WHERE rule = '{rule.name}'),
                 both_sides AS (
                     SELECT level, key, coalesce(new.n, 0) AS new_n, coalesce(old.n, 0) AS old_n
                     FROM new FULL JOIN old USING (level, key)
                 ),
                 crossed_raw AS (
                     SELECT key FROM both_sides WHERE level = 'raw'
                       AND (new_n <= {rule.max_block}) <> (old_n <= {rule.max_block})
                 ),
                 flipped_eff AS (
                     SELECT key FROM both_sides WHERE level = 'eff'
                       AND (new_n > 1 AND new_n <= {rule.max_block})
                           <> (old_n > 1 AND old_n <= {rule.max_block})
                 )
            SELECT rid FROM {name}_raw WHERE key IN (SELECT key FROM crossed_raw)
            UNION SELECT rid FROM {name}_eff WHERE key IN (SELECT key FROM flipped_eff)
            """
        )
        before = count(con, "SELECT count(*) FROM er_inc_dirty_pairs")
        con.execute(
            f"""
            INSERT INTO er_inc_dirty_pairs
            WITH sizes AS (SELECT key, count(*) AS n FROM {name}_eff
                           WHERE key IS NOT NULL GROUP BY key),
                 touched AS (SELECT DISTINCT e.key FROM {name}_eff e JOIN er_inc_dirty d USING (rid)
                             WHERE e.key IN (SELECT key FROM sizes WHERE {valid}))
            SELECT a.rid, b.rid FROM {name}_eff a JOIN {name}_eff b
              ON a.key = b.key AND a.rid < b.rid
            WHERE a.key IN (SELECT key FROM touched)
              AND (a.rid IN (SELECT rid FROM er_inc_dirty) OR b.rid IN (SELECT rid FROM er_inc_dirty))
            """
        )
        proposed = count(con, "SELECT count(*) FROM er_inc_dirty_pairs") - before
        counts.append(RuleCount(rule.name, proposed, proposed, 0, 0, 0))
    # Pairs among regrouped records, from every rule's valid blocks.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_regroup AS SELECT DISTINCT rid FROM er_inc_regroup "
        "WHERE rid NOT IN (SELECT rid FROM er_inc_dirty)"
    )
    con.execute("CREATE OR REPLACE TEMP TABLE er_inc_regroup_pairs (l INTEGER, r INTEGER)")
    for i, rule in enumerate(RULES):
        name = f"er_inc{i}"
        con.execute(
            f"""
            INSERT INTO er_inc_regroup_pairs
            WITH mine AS (SELECT e.* FROM {name}_eff e JOIN er_inc_regroup g USING (rid)
                          WHERE e.key IS NOT NULL),
                 sizes AS (SELECT key, count(*) AS n FROM {name}_eff
                           WHERE key IN (SELECT key FROM mine) GROUP BY key)
            SELECT a.rid, b.rid FROM mine a JOIN mine b ON a.key = b.key AND a.rid < b.rid
            WHERE a.key IN (SELECT key FROM sizes WHERE n > 1 AND n <= {rule.max_block})
            """
        )
        for level in ("raw", "eff"):
            con.execute(f"DROP TABLE {name}_{level}")
    con.execute("DROP VIEW er_features")
    # The state's pairs in tonight's rids; those of changed/removed records and those among
    # regrouped records are replaced.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_old_pairs AS
        SELECT a.rid AS l, b.rid AS r, p.probability, p.apart
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
    return dirty, regrouped, tuple(counts)


def rescore(
    con: duckdb.DuckDBPyConnection, model: PairModel, dirty_pairs: int, regrouped: int
) -> int:
    """`er_inc_pairs(l, r, probability, apart)`: every candidate pair of tonight, scored anew
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
    probability, apart = _score_pairs(con, model, left, right)
    con.register(
        "er_inc_scored_frame",
        pd.DataFrame({"l": left, "r": right, "probability": probability, "apart": apart}),
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_pairs AS
        SELECT c.l, c.r, coalesce(s.probability, o.probability) AS probability,
               coalesce(s.apart, o.apart) AS apart
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
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Probability and the numbers' veto of pairs of `er_inc_next` rids."""
    levels = levels_of(con, left, right)
    if levels is None:
        return np.zeros(0), np.zeros(0, bool)
    return model.probability(levels), levels["number"] == NUMBER_DIFFERENT


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
