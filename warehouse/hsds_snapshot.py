"""The HSDS tables in the analysts' snapshot: what the API (api/) serves.

The publish stage writes the flat HSDS tables it published (warehouse/hsds.py) into the new
snapshot file, before the file is renamed into place, in the schema `hsds`: one table per HSDS
table (`hsds.service`, `hsds.organization`, …), the official columns as text exactly as the
tabular export writes them, and `ordinal`, the row's position in the published files. The API
opens the snapshot read-only and builds every response from these rows with
warehouse/hsds_documents.py, so it serves what the files hold, never the live warehouse.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse.hsds import HSDS_VERSION, TABLES, fields_of

SCHEMA = "hsds"
ORDINAL = "ordinal"


def _sql_path(path: Path) -> str:
    return path.as_posix().replace("'", "''")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_hsds_tables(
    con: duckdb.DuckDBPyConnection,
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    target: Path,
) -> None:
    """Write `tables` (HSDS table → rows, as build_hsds_tables returns them) into the DuckDB
    file `target` (the new snapshot), schema `hsds`, with comments in Polish and English."""
    alias = f"snapshot_hsds_{uuid.uuid4().hex[:8]}"
    con.execute(f"ATTACH '{_sql_path(target)}' AS {alias}")
    try:
        con.execute(f"CREATE SCHEMA {alias}.{SCHEMA}")
        for table, (filename, _spec) in TABLES.items():
            names = [f.name for f in fields_of(table)]
            qualified = f"{alias}.{SCHEMA}.{table}"
            columns = ", ".join(f'"{n}" VARCHAR' for n in names)
            con.execute(f"CREATE TABLE {qualified} ({columns}, {ORDINAL} INTEGER NOT NULL)")
            rows = tables.get(table, ())
            if rows:
                frame = pd.DataFrame(
                    [[_text(row.get(n)) for n in names] + [i] for i, row in enumerate(rows, 1)],
                    columns=[*names, ORDINAL],
                )
                view = f"incoming_{uuid.uuid4().hex[:12]}"
                con.register(view, frame)
                try:
                    con.execute(f"INSERT INTO {qualified} BY NAME SELECT * FROM {view}")
                finally:
                    con.unregister(view)
            _comment(con, qualified, table, filename, names)
        con.execute(f"CHECKPOINT {alias}")
    finally:
        con.execute(f"DETACH {alias}")


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _comment(
    con: duckdb.DuckDBPyConnection, qualified: str, table: str, filename: str, names: list[str]
) -> None:
    con.execute(
        f"COMMENT ON TABLE {qualified} IS "
        + _literal(
            f"HSDS {HSDS_VERSION}: {table}, jak w opublikowanym pliku hsds/{filename}"
            f" (docs/hsds_profile.md) — the HSDS {table} table as published in"
            f" hsds/{filename}; the API serves it."
        )
    )
    for name in names:
        con.execute(
            f'COMMENT ON COLUMN {qualified}."{name}" IS '
            + _literal(
                f"Pole HSDS {table}.{name} (tekst jak w CSV) — HSDS field {table}.{name},"
                " as text, as in the CSV."
            )
        )
    con.execute(
        f"COMMENT ON COLUMN {qualified}.{ORDINAL} IS "
        + _literal(
            "Pozycja wiersza w opublikowanym pliku — the row's position in the published file."
        )
    )
