"""Incremental matching, the blocking keys: every rule's keys kept in the state, so a night
keys only its new and changed records.

Part of `incremental` (see its docstring). Keys are kept as integer ids: `er_state_key_ids(id,
rule, key)` numbers every rule's raw and refined keys (`rule`: the rule's position in
`blocking.RULES`; one id per rule and text, so the id alone tells the rule), and
`er_state_keys(rule, uid, key, refined, eff)` holds every record's raw key per rule, the key
refined (`key|refinement`, NULL when the rule has none) and the key the record is blocked on
(`eff`: the raw key, or the refined one when the raw block is over the rule's limit; NULL:
skipped), each as its id. A rule's key and refinement depend on the record alone, so only the
night's new and changed records are keyed, and their keys' texts looked up once (new texts
get new ids; ids of texts no record holds any more stay, a full match renumbers); a block's
size depends on the others, so the sizes (`er_state_blocks(level, key, n)`, by id) of the
blocks the night's records enter or leave are moved by difference (+1 for each record
entering, -1 for each leaving), and a record of such a block whose raw block crossed its
limit takes its other key. The kept keys are read several times a night: as integers each
read costs a fraction of the texts' (the compressed texts of every row were decompressed
whatever few rows a read kept). Everything here is in uids (stable over nights).
"""

from __future__ import annotations

import duckdb

from transforms.er.blocking import RULES, BlockingRule, RuleCount
from transforms.er.helper_tables import drop_tables
from transforms.er.name_parts import STEM_MACRO

# Each rule's position and block limit, as a VALUES list (one node to plan: a view of a
# UNION ALL of twelve SELECTs cost each of the three statements of a night that join it
# 1-3 ms more of planning, and the view's own creation 1 ms).
_RULE_LIMITS = (
    "(VALUES "
    + ", ".join(f"(CAST({i} AS TINYINT), {rule.max_block})" for i, rule in enumerate(RULES))
    + ") AS l(rule, max_block)"
)
_RULE_NAMES = " UNION ALL ".join(
    f"SELECT CAST({i} AS TINYINT) AS rule, '{rule.name}' AS name" for i, rule in enumerate(RULES)
)

# The kept keys and block sizes as texts (rule names, keys), as they were kept before ids:
# what tests compare between nights and full rebuilds (ids differ between the two).
KEYS_TEXT_SQL = f"""
    SELECT r.name AS rule, k.uid, ik.key, ir.key AS refined, ie.key AS eff
    FROM er_state_keys k JOIN ({_RULE_NAMES}) r USING (rule)
    JOIN er_state_key_ids ik ON ik.id = k.key
    LEFT JOIN er_state_key_ids ir ON ir.id = k.refined
    LEFT JOIN er_state_key_ids ie ON ie.id = k.eff
"""
BLOCKS_TEXT_SQL = f"""
    SELECT r.name AS rule, b.level, i.key, b.n
    FROM er_state_blocks b JOIN er_state_key_ids i ON i.id = b.key
    JOIN ({_RULE_NAMES}) r ON r.rule = i.rule
"""


def _rule_keys(index: int, rule: BlockingRule) -> str:
    """A struct of the rule's position, a record's keys and what refines them (over `f`)."""
    refine = f"CAST(({rule.refine_sql}) AS VARCHAR)" if rule.refine_sql else "NULL::VARCHAR"
    return (
        f"{{'rule': CAST({index} AS TINYINT), 'keys': CAST(({rule.keys}) AS VARCHAR[]), "
        f"'refine': {refine}, 'refines': {'true' if rule.refine_sql else 'false'}}}"
    )


def record_keys(con: duckdb.DuckDBPyConnection, out: str, rid: str = "rid") -> None:
    """`out(rule, <rid>, key, refined)`: every rule's raw keys of the records of `er_features`
    as texts, in one pass over them (a statement per rule, or a union of them, costs a night
    more to plan than to run)."""
    con.execute(STEM_MACRO)
    rules = ", ".join(_rule_keys(i, rule) for i, rule in enumerate(RULES))
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {out} AS
        WITH by_rule AS (SELECT f.rid, unnest([{rules}]) AS r FROM er_features f),
             keyed AS (
                 SELECT r.rule AS rule, rid, unnest(r.keys) AS key, r.refine AS refine,
                        r.refines AS refines
                 FROM by_rule
             )
        SELECT DISTINCT rule, rid AS {rid}, key,
               CASE WHEN refines THEN key || '|' || refine END AS refined
        FROM keyed WHERE key IS NOT NULL AND key <> ''
        """
    )


# The dictionary's texts are stored uncompressed: a night looks its keys up in every row, and
# FSST-compressed texts cost half as much again to read.
_KEY_IDS_TABLE = (
    "CREATE OR REPLACE TABLE er_state_key_ids "
    "(id INTEGER, rule TINYINT, key VARCHAR USING COMPRESSION uncompressed)"
)


def save_keys(con: duckdb.DuckDBPyConnection) -> None:
    """A full run: `er_state_key_ids`, `er_state_keys` and `er_state_blocks` of `er_features`
    (uid = rid)."""
    record_keys(con, "er_inc_k")
    con.execute(_KEY_IDS_TABLE)
    con.execute(
        """
        INSERT INTO er_state_key_ids
        SELECT CAST(row_number() OVER (ORDER BY rule, key) - 1 AS INTEGER), rule, key
        FROM (SELECT rule, key FROM er_inc_k
              UNION SELECT rule, refined FROM er_inc_k WHERE refined IS NOT NULL)
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TABLE er_state_keys AS
        WITH ids AS (
            SELECT k.rule, CAST(k.rid AS INTEGER) AS uid, ik.id AS key, ir.id AS refined
            FROM er_inc_k k JOIN er_state_key_ids ik ON ik.rule = k.rule AND ik.key = k.key
            LEFT JOIN er_state_key_ids ir ON ir.rule = k.rule AND ir.key = k.refined
        ),
        sized AS (
            SELECT i.*, count(*) OVER (PARTITION BY i.key) AS n, l.max_block
            FROM ids i JOIN {_RULE_LIMITS} USING (rule)
        )
        SELECT rule, uid, key, refined, CASE WHEN n <= max_block THEN key ELSE refined END AS eff
        FROM sized
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TABLE er_state_blocks AS
        SELECT 'raw' AS level, key, CAST(count(*) AS INTEGER) AS n
        FROM er_state_keys GROUP BY key
        UNION ALL
        SELECT 'eff', eff, CAST(count(*) AS INTEGER)
        FROM er_state_keys WHERE eff IS NOT NULL GROUP BY eff
        """
    )
    con.execute("DROP TABLE er_inc_k")


def _night_key_ids(con: duckdb.DuckDBPyConnection) -> None:
    """`er_inc_dkeys(rule, uid, key, refined)`: the keys of the night's records (`er_features`,
    `rid` their uid) as ids. Their texts are looked up in the dictionary once (one read of
    it); texts it does not hold get new ids after its largest and are added to it."""
    record_keys(con, "er_inc_dtext", rid="uid")
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_kid AS
        WITH texts AS (
            SELECT rule, key FROM er_inc_dtext
            UNION SELECT rule, refined FROM er_inc_dtext WHERE refined IS NOT NULL
        ),
        known AS (
            SELECT t.rule, t.key, i.id FROM texts t
            LEFT JOIN er_state_key_ids i ON i.rule = t.rule AND i.key = t.key
        )
        SELECT rule, key, id IS NULL AS new,
               CAST(coalesce(id, (SELECT coalesce(max(id), -1) FROM er_state_key_ids)
                    + row_number() OVER (PARTITION BY id IS NULL ORDER BY rule, key))
                    AS INTEGER) AS id
        FROM known
        """
    )
    con.execute("INSERT INTO er_state_key_ids SELECT id, rule, key FROM er_inc_kid WHERE new")
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_dkeys AS
        SELECT d.rule, d.uid, k.id AS key, r.id AS refined FROM er_inc_dtext d
        JOIN er_inc_kid k ON k.rule = d.rule AND k.key = d.key
        LEFT JOIN er_inc_kid r ON r.rule = d.rule AND r.key = d.refined
        """
    )
    drop_tables(con, ("er_inc_dtext", "er_inc_kid"))


def night_keys(con: duckdb.DuckDBPyConnection) -> tuple[RuleCount, ...]:
    """Tonight's blocks where the night's records change them. Needs `er_state_records` with
    tonight's rows, `er_features` (the new and changed records' features, `rid` their uid),
    `er_inc_dirty` (their uids), `er_inc_gone` (uids of records changed or gone). Leaves, in
    uids, each pair `(a, b)` with `a` the record of the smaller record id: `er_inc_fresh`
    (the pairs of the blocks new and changed records are in, one of them new or changed, and
    the pairs among `er_inc_regroup(uid)`, unchanged records of blocks that crossed their
    size limit or turned valid or invalid, from every rule); and for `save_night_keys`: the
    new keys and the recounted blocks.

    A block's size tonight is last night's (`er_state_blocks`) plus the night's records that
    enter it less those that leave it: the kept keys are read only for the records that
    changed or left, the records of raw blocks that crossed their limit (their blocked-on
    key moves), and the members of the blocked-on blocks the night's pairs come from. Keys
    are ids (a key's id tells its rule), so every read of the kept keys reads integers."""
    # The night's records' features as the night parsed them (`rid` their uid): a copy from
    # the state's wide rows would read every record's.
    _night_key_ids(con)
    con.execute("DROP TABLE er_features")
    # The kept keys of the records that changed or left.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_gkeys AS SELECT rowid AS row, rule, uid, key, eff "
        "FROM er_state_keys WHERE uid IN (SELECT uid FROM er_inc_gone)"
    )
    # Raw blocks a record enters or leaves, with their sizes last night and tonight.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_raw_n AS
        WITH moves AS (
            SELECT rule, key, 1 AS d FROM er_inc_dkeys
            UNION ALL SELECT rule, key, -1 FROM er_inc_gkeys
        ),
        moved AS (SELECT rule, key, sum(d) AS d FROM moves GROUP BY rule, key)
        SELECT m.rule, m.key, b.rowid AS row, coalesce(b.n, 0) AS old_n,
               CAST(coalesce(b.n, 0) + m.d AS INTEGER) AS new_n, l.max_block,
               (coalesce(b.n, 0) + m.d <= l.max_block) <> (coalesce(b.n, 0) <= l.max_block)
               AS crossed
        FROM moved m JOIN {_RULE_LIMITS} USING (rule)
        LEFT JOIN er_state_blocks b ON b.level = 'raw' AND b.key = m.key
        """
    )
    # Tonight's keys of the new and changed records, and of the unchanged records of raw
    # blocks that crossed their limit (the others keep theirs).
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_tkeys AS
        WITH rows AS (
            SELECT k.rowid AS row, k.rule, k.uid, k.key, k.refined, k.eff AS old_eff,
                   false AS dirty
            FROM er_state_keys k SEMI JOIN (SELECT key FROM er_inc_raw_n WHERE crossed) t
                 USING (key)
            WHERE k.uid NOT IN (SELECT uid FROM er_inc_gone)
            UNION ALL SELECT NULL, rule, uid, key, refined, NULL, true FROM er_inc_dkeys
        )
        SELECT r.*, CASE WHEN t.new_n <= t.max_block THEN r.key ELSE r.refined END AS eff
        FROM rows r JOIN er_inc_raw_n t USING (key)
        """
    )
    # Blocked-on keys whose blocks gain or lose a record, with both sizes, and whether a
    # new or changed record is in them tonight.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_eff_n AS
        WITH moves AS (
            SELECT rule, eff, 1 AS d, dirty FROM er_inc_tkeys WHERE eff IS NOT NULL
            UNION ALL SELECT rule, old_eff, -1, false FROM er_inc_tkeys
            WHERE NOT dirty AND old_eff IS NOT NULL
            UNION ALL SELECT rule, eff, -1, false FROM er_inc_gkeys WHERE eff IS NOT NULL
        ),
        moved AS (
            SELECT rule, eff, sum(d) AS d, bool_or(dirty) AS dirty FROM moves GROUP BY rule, eff
        )
        SELECT m.rule, m.eff, b.rowid AS row, coalesce(b.n, 0) AS old_n,
               CAST(coalesce(b.n, 0) + m.d AS INTEGER) AS new_n, l.max_block, m.dirty
        FROM moved m JOIN {_RULE_LIMITS} USING (rule)
        LEFT JOIN er_state_blocks b ON b.level = 'eff' AND b.key = m.eff
        """
    )
    valid = "new_n > 1 AND new_n <= max_block"
    flipped = f"({valid}) <> (old_n > 1 AND old_n <= max_block)"
    # Every record's key tonight in the blocks the night's pairs come from: valid blocks
    # with a new or changed record, and blocks that turned valid or invalid.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_cur AS
        WITH wanted AS (SELECT eff FROM er_inc_eff_n WHERE ({valid} AND dirty) OR {flipped})
        SELECT t.rule, t.uid, t.eff, t.dirty FROM er_inc_tkeys t SEMI JOIN wanted USING (eff)
        UNION ALL
        SELECT k.rule, k.uid, k.eff, false FROM er_state_keys k SEMI JOIN wanted USING (eff)
        WHERE k.uid NOT IN (SELECT uid FROM er_inc_gone)
          AND k.key NOT IN (SELECT key FROM er_inc_raw_n WHERE crossed)
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_dirty_uid_pairs AS
        WITH blocks AS (
            SELECT c.* FROM er_inc_cur c
            SEMI JOIN (SELECT eff FROM er_inc_eff_n WHERE {valid}) v USING (eff)
        )
        SELECT a.rule, a.uid AS a, b.uid AS b FROM blocks a JOIN blocks b
          ON a.eff = b.eff AND a.uid <> b.uid
        WHERE (a.dirty OR b.dirty) AND (a.uid < b.uid)
        """
    )
    # Unchanged records whose raw block crossed its limit, or whose block turned valid or not.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_regroup AS
        SELECT uid FROM er_inc_tkeys WHERE NOT dirty
        UNION
        SELECT c.uid FROM er_inc_cur c JOIN er_inc_eff_n n USING (eff)
        WHERE NOT c.dirty AND {flipped}
        """
    )
    # Their pairs among themselves, from every rule's valid blocks.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_regroup_uid_pairs AS
        WITH mine AS (
            SELECT rule, uid, eff FROM er_inc_tkeys
            WHERE eff IS NOT NULL AND uid IN (SELECT uid FROM er_inc_regroup)
            UNION ALL
            SELECT k.rule, k.uid, k.eff FROM er_state_keys k
            WHERE k.eff IS NOT NULL AND k.uid IN (SELECT uid FROM er_inc_regroup)
              AND k.key NOT IN (SELECT key FROM er_inc_raw_n WHERE crossed)
        ),
        sizes AS (
            SELECT m.eff, coalesce(t.new_n, b.n) AS n, l.max_block
            FROM (SELECT DISTINCT rule, eff FROM mine) m JOIN {_RULE_LIMITS} USING (rule)
            LEFT JOIN er_inc_eff_n t USING (eff)
            LEFT JOIN er_state_blocks b ON b.level = 'eff' AND b.key = m.eff
        )
        SELECT a.uid AS a, b.uid AS b FROM mine a JOIN mine b
          ON a.eff = b.eff AND a.uid < b.uid
        WHERE a.eff IN (SELECT eff FROM sizes WHERE n > 1 AND n <= max_block)
        """
    )
    # Both kinds of pairs, each with `a` the record of the smaller record id.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_fresh AS
        WITH pairs AS (
            SELECT a, b FROM er_inc_dirty_uid_pairs UNION SELECT a, b FROM er_inc_regroup_uid_pairs
        )
        SELECT CASE WHEN x.record_id < y.record_id THEN x.uid ELSE y.uid END AS a,
               CASE WHEN x.record_id < y.record_id THEN y.uid ELSE x.uid END AS b
        FROM pairs p JOIN er_state_records x ON x.uid = p.a
        JOIN er_state_records y ON y.uid = p.b
        """
    )
    proposed = dict(
        con.execute("SELECT rule, count(*) FROM er_inc_dirty_uid_pairs GROUP BY rule").fetchall()
    )
    drop_tables(con, ("er_inc_dirty_uid_pairs", "er_inc_regroup_uid_pairs"))
    return tuple(
        RuleCount(rule.name, int(proposed.get(i, 0)), int(proposed.get(i, 0)), 0, 0, 0)
        for i, rule in enumerate(RULES)
    )


def save_night_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Write tonight's keys and block sizes into the state by difference: the keys of records
    that changed or left go, the new and changed records' keys come, keys whose block crossed
    its limit are updated; the sizes of the blocks whose size moved are replaced."""
    # The kept rows are found by the row ids read with them (tonight's transaction: `incremental`
    # runs a night in one), not by their uids and keys: a join by uid scanned every key.
    con.execute("DELETE FROM er_state_keys k USING er_inc_gkeys g WHERE k.rowid = g.row")
    con.execute(
        """
        UPDATE er_state_keys AS k SET eff = t.eff FROM er_inc_tkeys t
        WHERE NOT t.dirty AND t.row = k.rowid AND t.eff IS DISTINCT FROM t.old_eff
        """
    )
    con.execute(
        "INSERT INTO er_state_keys SELECT rule, uid, key, refined, eff FROM er_inc_tkeys WHERE dirty"
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_blocks_moved AS
        SELECT row, 'raw' AS level, key, new_n FROM er_inc_raw_n WHERE new_n <> old_n
        UNION ALL SELECT row, 'eff', eff, new_n FROM er_inc_eff_n WHERE new_n <> old_n
        """
    )
    con.execute(
        "DELETE FROM er_state_blocks AS b USING er_inc_blocks_moved AS t WHERE b.rowid = t.row"
    )
    con.execute(
        "INSERT INTO er_state_blocks SELECT level, key, new_n FROM er_inc_blocks_moved "
        "WHERE new_n > 0"
    )
    drop_tables(con, ("er_inc_gone", "er_inc_dkeys", "er_inc_gkeys", "er_inc_raw_n",
                      "er_inc_tkeys", "er_inc_eff_n", "er_inc_cur", "er_inc_blocks_moved"))  # fmt: skip
