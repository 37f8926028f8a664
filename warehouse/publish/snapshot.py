"""The analysts' snapshot: a copy of the warehouse (tables, views, comments) beside the
publication, without the free-text columns that may name people, without the review app's
accounts, sessions, the matcher's kept state and any table holding a credential-like column,
and with the publication's own filter applied (privacy.py: institutions and records that name a person, personal e-mails
and opening hours in contacts, records and raw records, reviewers' comments naming someone).

Its mode is 0640: the owner (the nightly run) and the owner's group read it, nobody else.
Analysts get it by being in that group (or by a group the output folder passes on with setgid).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb

from warehouse.match_state import STATE_TABLES
from warehouse.publish.files import sql_path
from warehouse.publish.privacy import filter_snapshot

SNAPSHOT_NAME = "directory-snapshot.duckdb"
SNAPSHOT_MODE = 0o640
# Free-text columns that may name people, and reviewers' logins: the analysts' snapshot
# leaves them out.
SNAPSHOT_DROPPED_COLUMNS = (
    ("raw_records", "description_raw"),
    ("raw_records", "context_raw"),
    ("raw_records", "extra"),
    ("statements", "detail"),  # the sentence that states a service may name staff
    ("records", "support_evidence"),
    ("review_decisions", "login"),
    # a parser's issue may quote the row or record it could not map (a spreadsheet row can
    # name a person); the snapshot keeps the issues' counts, levels and URLs
    ("issues", "message"),
    ("issues", "record"),
)
# Tables of the review app's accounts and failed logins, and the matcher's state kept for the
# next night (every record's features, the contacts the privacy filter leaves out among
# them); any table holding a credential-like column is left out too, whoever adds it later.
SNAPSHOT_DROPPED_TABLES = (
    "review_users",
    "review_sessions",
    "review_login_failures",
    *STATE_TABLES,
)
_CREDENTIAL_COLUMNS = ("%password%", "%secret%", "%token%", "%session%")


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
        filter_snapshot(con, alias)
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
    os.chmod(target, SNAPSHOT_MODE)
