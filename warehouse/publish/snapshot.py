"""The analysts' snapshot: a copy of the warehouse (tables, views, comments) beside the
publication, without the free-text columns that may name people and without the review app's
accounts, sessions and any table holding a credential-like column.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import duckdb

from warehouse.publish.files import sql_path

SNAPSHOT_NAME = "directory-snapshot.duckdb"
# Free-text columns that may name people, and reviewers' logins: the analysts' snapshot
# leaves them out.
SNAPSHOT_DROPPED_COLUMNS = (
    ("raw_records", "description_raw"),
    ("raw_records", "context_raw"),
    ("raw_records", "extra"),
    ("records", "support_evidence"),
    ("review_decisions", "login"),
)
# Tables of the review app's accounts and failed logins; any table holding a credential-like
# column is left out too, whoever adds it later.
SNAPSHOT_DROPPED_TABLES = ("review_users", "review_sessions", "review_login_failures")
_CREDENTIAL_COLUMNS = ("%password%", "%secret%", "%token%", "session_id")


def write_snapshot(con: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Copy the warehouse (tables, views, comments) to a new DuckDB file at `target`, without
    the free-text columns that may name people."""
    row = con.execute("SELECT current_database()").fetchone()
    assert row is not None
    source = str(row[0])
    alias = f"snapshot_{uuid.uuid4().hex[:8]}"
    con.execute(f"ATTACH '{sql_path(target)}' AS {alias}")
    try:
        con.execute(f'COPY FROM DATABASE "{source}" TO {alias}')
        credential = " OR ".join("column_name ILIKE ?" for _ in _CREDENTIAL_COLUMNS)
        risky = {
            str(r[0])
            for r in con.execute(
                f"SELECT DISTINCT table_name FROM duckdb_columns()"
                f" WHERE database_name = ? AND ({credential})",
                [alias, *_CREDENTIAL_COLUMNS],
            ).fetchall()
        }
        present = {
            str(r[0])
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [alias]
            ).fetchall()
        }
        for table in sorted((risky | set(SNAPSHOT_DROPPED_TABLES)) & present):
            con.execute(f'DROP TABLE {alias}.main."{table}"')
        for table, column in SNAPSHOT_DROPPED_COLUMNS:
            if table in present and table not in risky:
                con.execute(f"ALTER TABLE {alias}.main.{table} DROP COLUMN IF EXISTS {column}")
        con.execute(f"CHECKPOINT {alias}")
    finally:
        con.execute(f"DETACH {alias}")
