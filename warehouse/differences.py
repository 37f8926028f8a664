"""Writing a table by difference: tonight's rows replace last night's, touching only the rows
that differ.

The match stage rebuilt its tables by `DELETE FROM t` and inserting every row again. On a
night that changes one record in a hundred almost all of those rows are the ones already
there, and deleting and inserting them is most of what the stage's commit writes (a quarter
of the national match stage's time). `replace_rows` computes the rows as before, then
deletes the rows no longer wanted and inserts those not yet there: the table ends up the
same multiset of rows as after a full rewrite.
"""

from __future__ import annotations

import re

import duckdb

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def _name(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise ValueError(f"write by difference: {name!r} is not a plain table name")
    return name


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, rows_sql: str) -> tuple[int, int]:
    """Make `table` hold exactly the rows `rows_sql` selects (in the table's column order);
    returns (rows deleted, rows inserted). For tables whose rows are distinct (a key, or
    grouped rows): a row deleted takes its identical copies with it. Runs inside the caller's
    transaction."""
    table = _name(table)
    columns = [str(r[0]) for r in con.execute(f"DESCRIBE {table}").fetchall()]
    con.execute(f"CREATE OR REPLACE TEMP TABLE diff_next AS {rows_sql}")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE diff_gone AS "
        f"SELECT * FROM {table} EXCEPT ALL SELECT * FROM diff_next"
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE diff_new AS "
        f"SELECT * FROM diff_next EXCEPT ALL SELECT * FROM {table}"
    )
    gone = _count(con, "diff_gone")
    if gone:
        same = " AND ".join(f't."{c}" IS NOT DISTINCT FROM g."{c}"' for c in columns)
        con.execute(
            f"DELETE FROM {table} WHERE rowid IN "
            f"(SELECT t.rowid FROM {table} t SEMI JOIN diff_gone g ON {same})"
        )
    new = _count(con, "diff_new")
    if new:
        con.execute(f"INSERT INTO {table} SELECT * FROM diff_new")
    for name in ("diff_next", "diff_gone", "diff_new"):
        con.execute(f"DROP TABLE {name}")
    return gone, new


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0
