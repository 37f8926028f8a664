"""The matcher's helper tables: what every part of it (features, statistics, a night's keys
and pairs) drops when it is done, in one call where they exist.

A night drops some thirty helper tables: a call each cost more than dropping them
(`DROP TABLE IF EXISTS` statements joined into one call are parsed and run together).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb


def drop_tables(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> None:
    """Drop these tables (temporary or not), where they exist, in one call."""
    statements = [f"DROP TABLE IF EXISTS {name}" for name in names]
    if statements:
        con.execute("; ".join(statements))
