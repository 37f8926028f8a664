"""Counts over every record that the ladders weigh agreement by (term frequency).

As Splink's term-frequency adjustment does, agreeing on a common value says less than on a
rare one; here the counts are per record, added as columns of the feature table, so the
ladders read them as levels and `incremental` can recount them when records come and go.
"""

from __future__ import annotations

import duckdb

from transforms.er.helper_tables import drop_tables
from transforms.er.ladders import CORE_TF_LEVELS, CROWD_LEVELS, TF_COMMON, TF_RARE

STATISTICS = ("name_tf", "name_areas", "core_tf", "crowd", "email_areas")


# The buckets the ladders read a record's counts in (`ladders._name_key`, `_name_spread`,
# `_core_tf`, `_crowd`, `_email`), as SQL over the record's row `alias`.


# (`prefix`: of the columns' names, as `old_` for last night's counts kept beside tonight's)


def _name_tf_bucket(alias: str, prefix: str = "") -> str:
    return (
        f"CASE WHEN {alias}.{prefix}name_tf <= {TF_RARE} THEN 1 "
        f"WHEN {alias}.{prefix}name_tf <= {TF_COMMON} THEN 2 ELSE 3 END"
    )


def _name_areas_bucket(alias: str, prefix: str = "") -> str:
    return f"CASE WHEN {alias}.{prefix}name_areas >= 2 THEN 2 ELSE 1 END"


def _crowd_bucket(alias: str, prefix: str = "") -> str:
    return " + ".join(f"CAST({alias}.{prefix}crowd > {limit} AS INTEGER)" for limit in CROWD_LEVELS)


def _core_tf_bucket(alias: str, prefix: str = "") -> str:
    return " + ".join(
        f"CAST({alias}.{prefix}core_tf > {limit} AS INTEGER)" for limit in CORE_TF_LEVELS
    )


def _email_areas_bucket(alias: str, prefix: str = "") -> str:
    return f"CASE WHEN {alias}.{prefix}email_areas >= 2 THEN 2 ELSE 1 END"


_BUCKETS = {
    "name_tf": _name_tf_bucket,
    "name_areas": _name_areas_bucket,
    "core_tf": _core_tf_bucket,
    "crowd": _crowd_bucket,
    "email_areas": _email_areas_bucket,
}


def stat_buckets_sql(alias: str, prefix: str = "", statistics: tuple[str, ...] = STATISTICS) -> str:
    """SQL of the buckets the ladders read a record's `statistics` in (all of them unless
    told): a record whose buckets did not move keeps its pairs' levels."""
    return "[" + ", ".join(_BUCKETS[name](alias, prefix) for name in statistics) + "]"


def stat_levels_sql(a: str, b: str, prefix: str = "") -> str:
    """SQL of what the statistics give the pair of records `a` and `b` (`a` the one of the
    smaller record id, `compare`'s left): each bucket only where its ladder reads it — the
    name key's count and areas where the name keys are equal (`_name_key`, `_name_spread`),
    the type phrase's count where the phrases are equal (`_core_tf`), the larger crowd where
    both are counted (`_crowd`), the mailbox's spread where a mailbox is common (`_email`);
    -1 elsewhere. A pair whose value did not move keeps every level when its records' counts
    move to another bucket, so a night rescores only the pairs whose value moved. `prefix`:
    of the counts' columns (`old_` for last night's kept beside tonight's)."""
    same_key = f"{a}.name_key = {b}.name_key"
    return (
        f"[coalesce(CASE WHEN {same_key} THEN {_name_tf_bucket(a, prefix)} END, -1), "
        f"coalesce(CASE WHEN {same_key} THEN {_name_areas_bucket(a, prefix)} END, -1), "
        f"coalesce(CASE WHEN {a}.core = {b}.core THEN {_core_tf_bucket(a, prefix)} END, -1), "
        f"CASE WHEN {a}.{prefix}crowd > 0 AND {b}.{prefix}crowd > 0 "
        f"THEN greatest({_crowd_bucket(a, prefix)}, {_crowd_bucket(b, prefix)}) ELSE -1 END, "
        f"coalesce(CASE WHEN list_has_any({a}.emails, {b}.emails) "
        f"THEN greatest({_email_areas_bucket(a, prefix)}, {_email_areas_bucket(b, prefix)}) END, -1)]"
    )


def stat_levels_moved_sql(a: str, b: str, old: str = "old_") -> str:
    """SQL of whether `stat_levels_sql` of the pair `a`, `b` differs between tonight's counts
    and those with the prefix `old`, as scalar conditions: a list built and compared for every
    pair near a night's moved records cost that statement most of its time. Each part moves
    only where its ladder reads it (the same name key, the same type phrase, a common
    mailbox), and the costlier test of each (the mailboxes) is made last."""
    same_key = f"{a}.name_key = {b}.name_key"
    crowd = "CASE WHEN {x}.{p}crowd > 0 AND {y}.{p}crowd > 0 THEN greatest({cx}, {cy}) ELSE -1 END"
    crowd_now, crowd_old = (
        crowd.format(x=a, y=b, p=p, cx=_crowd_bucket(a, p), cy=_crowd_bucket(b, p))
        for p in ("", old)
    )
    return (
        f"(({same_key}) AND (({_name_tf_bucket(a)}) <> ({_name_tf_bucket(a, old)}) "
        f"OR ({_name_areas_bucket(a)}) <> ({_name_areas_bucket(a, old)}))) "
        f"OR ({a}.core = {b}.core AND ({_core_tf_bucket(a)}) <> ({_core_tf_bucket(a, old)})) "
        f"OR ({crowd_now}) <> ({crowd_old}) "
        f"OR {email_level_moved_sql(a, b, old)}"
    )


def email_level_moved_sql(a: str, b: str, old: str = "old_") -> str:
    """SQL of whether the part of `stat_levels_sql` of the pair `a`, `b` that the e-mail
    ladder reads (a common mailbox's spread) differs between tonight's counts and those with
    the prefix `old`. It is the only statistic a contact's agreement, and so a veto's
    exception (`model.PairModel.probability`), reads: a vetoed pair whose mailboxes' part
    did not move stays vetoed, with the same agreement, whatever the other counts did."""
    email_now, email_old = (
        f"greatest({_email_areas_bucket(a, p)}, {_email_areas_bucket(b, p)})" for p in ("", old)
    )
    return f"(({email_now}) <> ({email_old}) AND list_has_any({a}.emails, {b}.emails))"


def statistics_sql(base: str) -> str:
    """A query of the rows of `base` (a table or CTE of feature rows with `crowd_place`,
    referred to more than once: materialise it) with the per-record counts over all of them
    that the ladders weigh agreement by, as Splink's term-frequency adjustment does, added as
    the columns `STATISTICS`, in rid order:

    - `name_tf`: records sharing the record's name key;
    - `name_areas`: distinct postal areas (the code's first two digits) among them: a key
      met in two areas ("Ochotnicza Straż Pożarna w Głuchowie", several Głuchów) names
      several bodies, while one body's records often differ in the code's last digits
      (on er-scale/100k, 509 of the NGO name keys with two postal codes but 50 with two
      areas were one body's);
    - `core_tf`: records sharing the record's type phrase: "Stowarzyszenie Mieszkańców Wsi
      Pawłowice" agreeing is worth more than "Ochotnicza Straż Pożarna" agreeing;
    - `crowd`: records of the record's type at its place (`crowd_place`, the stem of the
      name's place or else the locality, kept so that a night recounting a crowd need not
      stem every record of the type again): agreeing on type and place means little where a
      village has five housewives' circles and a town a hundred clubs;
    - `email_areas`: the most distinct postal areas among the records holding one of the
      record's e-mail addresses: a mailbox met in two areas is a generic one given to two
      bodies ("kontakt@ochotniczalipiny.org.pl" of two villages' OSP w Lipinach), and its
      agreement says less (the `email` ladder's level "shared").

    They depend on every record, so a record's levels may change when others come and go
    (`incremental` recounts them, `update_statistics`, and rescores the pairs whose counts
    moved)."""
    return f"""
        WITH names AS (
            SELECT name_key, CAST(count(*) AS INTEGER) AS name_tf,
                   CAST(count(DISTINCT left(postal, 2)) AS INTEGER) AS name_areas
            FROM {base} WHERE name_key IS NOT NULL GROUP BY name_key
        ),
        cores AS (
            SELECT core, CAST(count(*) AS INTEGER) AS core_tf
            FROM {base} WHERE core IS NOT NULL AND core <> '' GROUP BY core
        ),
        crowds AS (
            SELECT type_code, crowd_place, CAST(count(*) AS INTEGER) AS crowd
            FROM {base}
            WHERE type_code IS NOT NULL AND type_code <> 'other' AND crowd_place IS NOT NULL
            GROUP BY ALL
        ),
        held AS (SELECT rid, unnest(emails) AS mailbox, left(postal, 2) AS area FROM {base}),
        boxes AS (
            SELECT mailbox, CAST(count(DISTINCT area) AS INTEGER) AS areas FROM held GROUP BY 1
        ),
        spread AS (
            SELECT h.rid, max(b.areas) AS email_areas
            FROM held h JOIN boxes b USING (mailbox) GROUP BY 1
        )
        SELECT b.*, coalesce(n.name_tf, 0) AS name_tf,
               coalesce(n.name_areas, 0) AS name_areas, coalesce(o.core_tf, 0) AS core_tf,
               coalesce(c.crowd, 0) AS crowd, coalesce(sp.email_areas, 0) AS email_areas
        FROM {base} b
        LEFT JOIN spread sp ON sp.rid = b.rid
        LEFT JOIN names n ON n.name_key = b.name_key
        LEFT JOIN cores o ON o.core = b.core
        LEFT JOIN crowds c ON c.type_code = b.type_code AND c.crowd_place = b.crowd_place
        ORDER BY b.rid
        """


# The counts a record's row keeps in the matcher's state; the type phrase's (`core_tf`) is kept
# per phrase instead (`core_counts_sql`): a few phrases name most records, so a night's
# records in and out move nearly every phrase's count, and kept per record it rewrote nearly
# every row each night though the phrase's bucket rarely moves.
ROW_STATISTICS = ("name_tf", "name_areas", "crowd", "email_areas")


def core_counts_sql(base: str) -> str:
    """A query of the records of `base` per type phrase (`core`, `n`), a record's `core_tf`
    (`statistics_sql`; 0 for a record whose phrase is missing or empty, which is not
    counted)."""
    return (
        f"SELECT core, CAST(count(*) AS INTEGER) AS n FROM {base} "
        "WHERE core IS NOT NULL AND core <> '' GROUP BY core"
    )


def update_statistics(
    con: duckdb.DuckDBPyConnection,
    table: str,
    key: str,
    dirty: str,
    gone: str,
    cores: str,
    moved: str | None = None,
) -> None:
    """Recount the statistics of `table` (tonight's records, keyed by `key`; those kept from
    the state with last night's counts, `ROW_STATISTICS` per row) and of `cores` (the type
    phrases' counts, `core_counts_sql`) in place, only where the night moved them: the keys
    (name key, type phrase, type and place) and e-mail addresses of the new and changed
    records (`dirty`: their `key`s and the columns counted by) and of the records that
    changed or left (`gone`: their rows of last night), where they came or went in number.
    Each such key of a row's statistic is counted again over `table` (a small table per
    statistic, key -> count), and the rows carrying it take its count where it moved; the
    others keep their counts, which no record of the night can have moved. A type phrase's
    count is moved by difference (a phrase no record holds any more goes). The result equals
    `statistics_sql` over `table` (`core_tf`: the record's phrase's count in `cores`). With
    `moved`, also leaves the table `moved(key, name_tf, name_areas, core_tf, crowd,
    email_areas)`: the records not in `dirty` whose counts moved to another bucket of the
    ladders (`stat_buckets_sql`), with their counts before the night."""
    # The night's moves: +1 for a new or changed record's row tonight, -1 for a changed or
    # gone record's row last night. A key (or key and postal area) whose moves add up to
    # nothing counts as it did (a record changed in its phone keeps its keys): only those
    # that moved, and the night's own records' (their counts are unset), are recounted.
    place = "CASE WHEN type_code IS NOT NULL AND type_code <> 'other' THEN crowd_place END"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_stat_moves AS
        SELECT name_key, core, type_code, {place} AS place_stem, left(postal, 2) AS area,
               emails, 1 AS d
        FROM {dirty}
        UNION ALL
        SELECT name_key, core, type_code, {place}, left(postal, 2), emails, -1 FROM {gone}
        """
    )
    # The type phrases whose count moved, last night's count and tonight's.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_stat_cores AS
        WITH moved AS (
            SELECT core, sum(d) AS d FROM er_stat_moves WHERE core IS NOT NULL AND core <> ''
            GROUP BY core HAVING sum(d) <> 0
        )
        SELECT m.core, coalesce(c.n, 0) AS old_core_tf,
               CAST(coalesce(c.n, 0) + m.d AS INTEGER) AS core_tf
        FROM moved m LEFT JOIN {cores} c USING (core)
        """
    )
    recounted = "(sum(d) <> 0 OR max(d) > 0)"  # moved in number, or a night's record has it
    # Each recounted key's count (a small table per statistic, key -> count), and then the
    # rows whose counts moved: their counts tonight (the recounted key's) and before. One
    # statement (DuckDB's cost per statement, not the rows, is what a night pays here).
    names = f"""
        WITH keys AS (
            SELECT DISTINCT name_key FROM er_stat_moves WHERE name_key IS NOT NULL
            GROUP BY name_key, area HAVING {recounted}
        )
        SELECT name_key, CAST(count(*) AS INTEGER) AS name_tf,
               CAST(count(DISTINCT left(postal, 2)) AS INTEGER) AS name_areas
        FROM {table} WHERE name_key IN (SELECT name_key FROM keys) GROUP BY name_key
        """
    crowds = f"""
        WITH keys AS (
            SELECT type_code, place_stem FROM er_stat_moves WHERE place_stem IS NOT NULL
            GROUP BY type_code, place_stem HAVING {recounted}
        )
        SELECT k.type_code, k.place_stem, CAST(count(*) AS INTEGER) AS crowd
        FROM {table} t JOIN keys k ON k.type_code = t.type_code AND k.place_stem = t.crowd_place
        GROUP BY ALL
        """
    # A mailbox's areas, and every holder's most spread mailbox, where a mailbox moved.
    spread = f"""
        WITH keys AS (
            SELECT DISTINCT mailbox FROM (
                SELECT unnest(emails) AS mailbox, area, d FROM er_stat_moves
            ) GROUP BY mailbox, area HAVING {recounted}
        ),
        held AS (
            SELECT {key}, mailbox, area FROM (
                SELECT {key}, unnest(emails) AS mailbox, left(postal, 2) AS area FROM {table}
                WHERE len(emails) > 0)
        ),
        mine AS (
            SELECT {key}, mailbox FROM held
            WHERE {key} IN (SELECT {key} FROM held WHERE mailbox IN (SELECT mailbox FROM keys))
        ),
        boxes AS (
            SELECT mailbox, CAST(count(DISTINCT area) AS INTEGER) AS areas FROM held
            WHERE mailbox IN (SELECT mailbox FROM mine) GROUP BY 1
        )
        SELECT m.{key}, max(b.areas) AS email_areas
        FROM mine m JOIN boxes b USING (mailbox) GROUP BY 1
        """
    new = ", ".join(f"s.{c}" for c in ROW_STATISTICS)
    old = ", ".join(f"s.old_{c}" for c in ROW_STATISTICS)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_stat_now AS
        WITH er_stat_names AS ({names}), er_stat_crowds AS ({crowds}),
             er_stat_spread AS ({spread})
        SELECT * FROM (
            SELECT t.{key}, coalesce(n.name_tf, t.name_tf) AS name_tf,
                   coalesce(n.name_areas, t.name_areas) AS name_areas,
                   coalesce(c.crowd, t.crowd) AS crowd,
                   coalesce(sp.email_areas, t.email_areas) AS email_areas,
                   {", ".join(f"t.{c} AS old_{c}" for c in ROW_STATISTICS)}
            FROM {table} t
            LEFT JOIN er_stat_names n ON n.name_key = t.name_key
            LEFT JOIN er_stat_crowds c
                   ON c.type_code = t.type_code AND c.place_stem = t.crowd_place
            LEFT JOIN er_stat_spread sp ON sp.{key} = t.{key}
            WHERE n.name_key IS NOT NULL OR c.type_code IS NOT NULL OR sp.{key} IS NOT NULL
        ) s
        WHERE ({new}) <> ({old})
        """
    )
    if moved is not None:
        # Rows whose buckets moved: by a row's count, or by its type phrase's (last night's
        # phrase count is `cores`' before it moves).
        now = stat_buckets_sql("s", statistics=ROW_STATISTICS)
        before = stat_buckets_sql("s", "old_", statistics=ROW_STATISTICS)
        con.execute(
            f"""
            CREATE OR REPLACE TEMP TABLE {moved} AS
            WITH rows AS (
                SELECT {key} FROM er_stat_now s WHERE {now} <> {before}
                UNION
                SELECT t.{key} FROM {table} t SEMI JOIN (
                    SELECT core FROM er_stat_cores c
                    WHERE {_core_tf_bucket("c", "old_")} <> {_core_tf_bucket("c")}
                ) USING (core)
            )
            SELECT t.{key}, {", ".join(f"coalesce(s.old_{c}, t.{c}) AS {c}" for c in ROW_STATISTICS)},
                   coalesce(k.n, 0) AS core_tf
            FROM {table} t SEMI JOIN rows USING ({key})
            LEFT JOIN er_stat_now s USING ({key}) LEFT JOIN {cores} k ON k.core = t.core
            WHERE t.{key} NOT IN (SELECT {key} FROM {dirty})
            """
        )
    con.execute(
        f"""
        UPDATE {table} AS t SET {", ".join(f"{c} = s.{c}" for c in ROW_STATISTICS)}
        FROM er_stat_now s WHERE s.{key} = t.{key}
        """
    )
    con.execute(f"DELETE FROM {cores} WHERE core IN (SELECT core FROM er_stat_cores)")
    con.execute(f"INSERT INTO {cores} SELECT core, core_tf FROM er_stat_cores WHERE core_tf > 0")
    drop_tables(con, ("er_stat_moves", "er_stat_cores", "er_stat_now"))
