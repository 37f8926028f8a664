"""The HSDS tables in the analysts' snapshot: what the API (api/) serves.

The publish stage writes the flat HSDS tables it published (warehouse/hsds.py) into the new
snapshot file, before the file is renamed into place, in the schema `hsds`: one table per HSDS
table (`hsds.service`, `hsds.organization`, …) with the official columns as text, exactly as
the tabular export writes them, and after them:

- `ordinal`: the row's position in the published files (1..n), the API's page order;
- `search_text` (services, organizations, taxonomies, terms): the searchable fields folded by
  `fold` (lower case, no accents, ł as l), so a search is a plain substring test;
- `document` (services, service_at_locations): the item as the API lists it (HSDS
  service_list / service_at_location_list JSON), built here by warehouse/hsds_documents.py,
  so a page of a listing is a range of rows, not fifty documents assembled per request.

The API opens the snapshot read-only and builds every other response from these rows with the
same warehouse/hsds_documents.py, so it serves what the files hold, never the live warehouse.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse.hsds import HSDS_VERSION, TABLES, fields_of
from warehouse.hsds_documents import (
    MemoryRows,
    Row,
    Rows,
    service_at_location_list_items,
    service_list_items,
)

SCHEMA = "hsds"
ORDINAL = "ordinal"
SEARCH_TEXT = "search_text"
DOCUMENT = "document"
# table → the fields its search_text holds
SEARCHED: dict[str, tuple[str, ...]] = {
    "service": ("name", "description"),
    "organization": ("name", "alternate_name", "description"),
    "taxonomy": ("name", "description"),
    "taxonomy_term": ("code", "name", "description"),
}
# Columns the API looks rows up by one value (an {id} request, a document's children): ART
# indexes make those lookups index scans instead of table scans.
INDEXED: dict[str, tuple[str, ...]] = {
    "organization": ("id",),
    "service": ("id", "organization_id"),
    "service_at_location": ("id", "service_id"),
    "location": ("id", "organization_id"),
    "address": ("location_id",),
    "phone": ("organization_id",),
    "organization_identifier": ("organization_id",),
    "service_area": ("service_id",),
    "schedule": ("service_id", "location_id"),
    "attribute": ("link_id",),
    "metadata": ("resource_id",),
    "taxonomy": ("id",),
    "taxonomy_term": ("id",),
}
# table → how its rows are listed by the API
LISTED: dict[str, Callable[[Rows, Sequence[Row]], list[Row]]] = {
    "service": service_list_items,
    "service_at_location": service_at_location_list_items,
}


def fold(text: str) -> str:
    """Lower case without accents; ł is no accent to Unicode, but a reader types l for it."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def _sql_path(path: Path) -> str:
    return path.as_posix().replace("'", "''")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def write_hsds_tables(
    con: duckdb.DuckDBPyConnection,
    tables: Mapping[str, Sequence[Row]],
    target: Path,
) -> None:
    """Write `tables` (HSDS table → rows, as build_hsds_tables returns them) into the DuckDB
    file `target` (the new snapshot), schema `hsds`, with comments in Polish and English."""
    memory = MemoryRows(tables)
    alias = f"snapshot_hsds_{uuid.uuid4().hex[:8]}"
    con.execute(f"ATTACH '{_sql_path(target)}' AS {alias}")
    try:
        con.execute(f"CREATE SCHEMA {alias}.{SCHEMA}")
        for table in TABLES:
            qualified = f"{alias}.{SCHEMA}.{table}"
            frame = _frame(table, tables.get(table, ()), memory)
            con.execute(f"CREATE TABLE {qualified} ({_column_types(frame)})")
            if not frame.empty:
                view = f"incoming_{uuid.uuid4().hex[:12]}"
                con.register(view, frame)
                try:
                    con.execute(f"INSERT INTO {qualified} BY NAME SELECT * FROM {view}")
                finally:
                    con.unregister(view)
            for column in INDEXED.get(table, ()):
                con.execute(f'CREATE INDEX {table}_{column} ON {qualified} ("{column}")')
            _comment(con, qualified, table, list(frame.columns))
        con.execute(f"CHECKPOINT {alias}")
    finally:
        con.execute(f"DETACH {alias}")


def _frame(table: str, rows: Sequence[Row], memory: MemoryRows) -> pd.DataFrame:
    names = [f.name for f in fields_of(table)]
    data: dict[str, list[Any]] = {n: [_text(row.get(n)) for row in rows] for n in names}
    data[ORDINAL] = list(range(1, len(rows) + 1))
    if table in SEARCHED:
        data[SEARCH_TEXT] = [
            fold(" ".join(str(row[f]) for f in SEARCHED[table] if row.get(f))) for row in rows
        ]
    if table in LISTED:
        data[DOCUMENT] = [
            json.dumps(item, ensure_ascii=False, separators=(",", ":"))
            for item in LISTED[table](memory, rows)
        ]
    return pd.DataFrame(data, columns=list(data))


def _column_types(frame: pd.DataFrame) -> str:
    # A page reads fifty documents; DuckDB's FSST compression would decompress every string
    # of the vectors they sit in (2,048 each): uncompressed, the national page costs ~0.6 ms
    # of CPU instead of ~1.2-1.6 ms. The same holds for the search text scanned by a search.
    def column(name: str) -> str:
        if name == ORDINAL:
            return f"{ORDINAL} INTEGER NOT NULL"
        if name in (DOCUMENT, SEARCH_TEXT):
            return f'"{name}" VARCHAR USING COMPRESSION uncompressed'
        return f'"{name}" VARCHAR'

    return ", ".join(column(name) for name in frame.columns)


_EXTRA_COMMENTS = {
    ORDINAL: "Pozycja wiersza w opublikowanym pliku (kolejność stron API) — the row's position"
    " in the published file (the API's page order).",
    SEARCH_TEXT: "Pola wyszukiwane, małymi literami, bez znaków diakrytycznych (ł jako l)"
    " — the searched fields, folded (lower case, no accents, ł as l).",
    DOCUMENT: "Pozycja listy API (JSON HSDS *_list) — the item as the API lists it"
    " (HSDS *_list JSON).",
}


def _comment(
    con: duckdb.DuckDBPyConnection, qualified: str, table: str, columns: list[str]
) -> None:
    filename = TABLES[table][0]
    con.execute(
        f"COMMENT ON TABLE {qualified} IS "
        + _literal(
            f"HSDS {HSDS_VERSION}: {table}, jak w opublikowanym pliku hsds/{filename}"
            f" (docs/hsds_profile.md) — the HSDS {table} table as published in"
            f" hsds/{filename}; the API serves it."
        )
    )
    for name in columns:
        text = _EXTRA_COMMENTS.get(
            name,
            f"Pole HSDS {table}.{name} (tekst jak w CSV) — HSDS field {table}.{name},"
            " as text, as in the CSV.",
        )
        con.execute(f'COMMENT ON COLUMN {qualified}."{name}" IS {_literal(text)}')
