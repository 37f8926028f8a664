"""Names parsed before, kept in the matcher's state, so that a night parses only new names.

A name's parts (`features._name_row`) depend on the name alone and on the parser's code, and
a matcher state is used only by the code that kept it (`warehouse.match_state` hashes every
file of `transforms/`, the parser's tables among them), so a name parsed before is parsed
alike now. A full match writes every name it parsed into the state (`er_state_names`, the
rows of `er_f_names`); a night looks its names up there and parses only the others, so a
night whose names were all seen never loads the name parser (Morfeusz and its tables, some
0.3 s of CPU in a fresh process).
"""

from __future__ import annotations

import duckdb

from transforms.er.helper_tables import table_exists


def names_to_parse(
    con: duckdb.DuckDBPyConnection, table: str, known_names: str | None
) -> tuple[bool, list[str]]:
    """Whether the table `known_names` (`(value, <the name's parts>)`) exists, and the
    distinct non-empty names of `table` to parse: those it does not hold, or every one."""
    exists = known_names is not None and table_exists(con, known_names)
    unknown = f"AND name NOT IN (SELECT value FROM {known_names})" if exists else ""
    rows = con.execute(
        f"SELECT DISTINCT name FROM {table} WHERE name IS NOT NULL AND name <> '' {unknown}"
    ).fetchall()
    return exists, [row[0] for row in rows]


def keep_names(
    con: duckdb.DuckDBPyConnection,
    table: str,
    known_names: str | None,
    exists: bool,
    parsed: bool = True,
) -> None:
    """Add the names just parsed (`er_f_names`) to `known_names` (created unless it
    `exists`), and make `er_f_names` every name of `table`, parsed now or before. Without
    `parsed` (every name of `table` was known: nothing was parsed, no `er_f_names` stored),
    only the latter."""
    if known_names is None:
        return
    if not exists:
        con.execute(f"CREATE TABLE {known_names} AS SELECT * FROM er_f_names")
        return
    if parsed:
        con.execute(f"INSERT INTO {known_names} SELECT * FROM er_f_names")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE er_f_names AS SELECT * FROM {known_names} "
        f"WHERE value IN (SELECT name FROM {table})"
    )
