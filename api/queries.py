"""SQL over the snapshot's HSDS tables: the filters of every listing, pages, counts, and the
rows warehouse/hsds_documents.py nests into documents.

Filtering, counting and paging happen in DuckDB; Python only ever holds one page of rows (and
their children). An unfiltered page is a range of `ordinal` (the row's position in the
published files, 1..n), which DuckDB's zone maps answer without reading the rest of the
table; a filtered one is ORDER BY ordinal LIMIT/OFFSET over the matching rows.

Filter semantics (docs/hsds_profile.md): a service is in a powiat when one of its service
areas is that powiat, a gmina in it, or its voivodeship; in a gmina when an area is that gmina
(any part of it), its powiat or its voivodeship. Taxonomy filters match a term linked to the
service or to its organization. `search` needs every word, case and accents aside ("lodz"
finds "Łódź").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import duckdb

from api.snapshot import DATABASE
from warehouse.hsds import TABLES, fields_of
from warehouse.hsds_documents import Row
from warehouse.hsds_snapshot import DOCUMENT, ORDINAL, SCHEMA, SEARCH_TEXT, fold


def table_name(table: str) -> str:
    return f"{DATABASE}.{SCHEMA}.{table}"


def _columns(table: str, alias: str) -> str:
    return ", ".join(f'{alias}."{f.name}"' for f in fields_of(table))


# The snapshot keeps every HSDS value as text; these fields are numbers in every table that
# has them (minimum_age, maximum_age, latitude, …) and go out as JSON numbers.
_NUMBER_FIELDS = frozenset(
    f.name for t in TABLES for f in fields_of(t) if f.type == "number"
) - frozenset(f.name for t in TABLES for f in fields_of(t) if f.type != "number")


def _value(name: str, value: Any) -> Any:
    if name in _NUMBER_FIELDS and isinstance(value, str):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def _rows(cursor: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[Row]:
    result = cursor.execute(sql, list(params))
    names = [d[0] for d in result.description]
    return [
        {k: _value(k, v) for k, v in zip(names, values, strict=True) if v is not None}
        for values in result.fetchall()
    ]


class SnapshotRows:
    """`Rows` (warehouse/hsds_documents.py) over the snapshot, through one cursor."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self.cursor = cursor

    def by(self, table: str, column: str, values: Collection[str]) -> list[Row]:
        if not values:
            return []
        if column not in {f.name for f in fields_of(table)}:
            raise ValueError(f"{table} has no column {column}")
        select = f"SELECT {_columns(table, 't')} FROM {table_name(table)} AS t"
        if len(values) == 1:  # an equality is what DuckDB answers from the column's index
            return _rows(
                self.cursor, f'{select} WHERE t."{column}" = ? ORDER BY t.{ORDINAL}', list(values)
            )
        return _rows(
            self.cursor,
            f'{select} WHERE t."{column}" IN (SELECT unnest(?::VARCHAR[])) ORDER BY t.{ORDINAL}',
            [list(values)],
        )


@dataclass(frozen=True, slots=True)
class Listing:
    """The rows of one table that a request asks for: WHERE conditions on alias `t`."""

    table: str
    conditions: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()

    def where(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "true"


@dataclass(slots=True)
class Conditions:
    sql: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.sql.append(sql)
        self.params.extend(params)

    def search(self, text: str | None, alias: str) -> None:
        for word in fold(text or "").split():
            self.add(f"contains({alias}.{SEARCH_TEXT}, ?)", word)

    def listing(self, table: str) -> Listing:
        return Listing(table, tuple(self.sql), tuple(self.params))


@dataclass(frozen=True, slots=True)
class ServiceFilters:
    """The filters of /services and /service_at_locations (term ids already resolved)."""

    search: str | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    modified_after: str | None = None  # RFC 3339, UTC
    postcode: str | None = None  # NN-NNN
    powiat: str | None = None  # TERYT, 4 digits
    gmina: str | None = None  # TERYT, 7 digits
    sector_term_id: str | None = None
    target_group_term_id: str | None = None

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


_ATTRIBUTE = table_name("attribute")
_TERM = table_name("taxonomy_term")
_AREA = table_name("service_area")
_SERVICE = table_name("service")


def _linked_to(column: str, term_condition: str) -> str:
    return f"{column} IN (SELECT a.link_id FROM {_ATTRIBUTE} AS a WHERE {term_condition})"


def service_conditions(f: ServiceFilters, s: str) -> Conditions:
    """Conditions on the service table under alias `s`."""
    c = Conditions()
    c.search(f.search, s)
    if f.organization_id:
        c.add(f"{s}.organization_id = ?", f.organization_id)
    if f.taxonomy_term_id:
        term = "a.taxonomy_term_id = ?"
        c.add(
            f"({_linked_to(f'{s}.id', term)} OR {_linked_to(f'{s}.organization_id', term)})",
            f.taxonomy_term_id,
            f.taxonomy_term_id,
        )
    if f.taxonomy_id:
        term = f"a.taxonomy_term_id IN (SELECT id FROM {_TERM} WHERE taxonomy_id = ?)"
        c.add(
            f"({_linked_to(f'{s}.id', term)} OR {_linked_to(f'{s}.organization_id', term)})",
            f.taxonomy_id,
            f.taxonomy_id,
        )
    for term_id in (f.sector_term_id, f.target_group_term_id):
        if term_id:
            c.add(_linked_to(f"{s}.organization_id", "a.taxonomy_term_id = ?"), term_id)
    if f.modified_after:
        c.add(f"CAST({s}.last_modified AS TIMESTAMPTZ) >= CAST(? AS TIMESTAMPTZ)", f.modified_after)
    if f.powiat:
        c.add(
            f"{s}.id IN (SELECT service_id FROM {_AREA}"
            " WHERE left(extent, 4) = ? OR extent = left(?, 2))",
            f.powiat,
            f.powiat,
        )
    if f.gmina:
        c.add(
            f"{s}.id IN (SELECT service_id FROM {_AREA} WHERE (length(extent) = 7"
            " AND left(extent, 6) = left(?, 6)) OR extent = left(?, 4) OR extent = left(?, 2))",
            f.gmina,
            f.gmina,
            f.gmina,
        )
    if f.postcode:
        # A postal code may span gminas: a service counts when its area covers one of them.
        c.add(
            f"{s}.id IN (SELECT sa.service_id FROM {_AREA} AS sa"
            f" JOIN {DATABASE}.main.postal_codes AS p"
            " ON (length(sa.extent) = 7 AND left(sa.extent, 6) = p.gmina6)"
            " OR sa.extent = p.powiat_teryt OR sa.extent = left(p.powiat_teryt, 2)"
            " WHERE p.postal_code = ?)",
            f.postcode,
        )
    return c


def services_listing(f: ServiceFilters) -> Listing:
    return service_conditions(f, "t").listing("service")


def service_at_locations_listing(f: ServiceFilters) -> Listing:
    if not f.any():
        return Listing("service_at_location")
    inner = service_conditions(f, "s")
    return Listing(
        "service_at_location",
        (f"t.service_id IN (SELECT s.id FROM {_SERVICE} AS s WHERE {' AND '.join(inner.sql)})",),
        tuple(inner.params),
    )


def organizations_listing(
    search: str | None,
    sector_term_id: str | None,
    target_group_term_id: str | None,
    area: ServiceFilters,
) -> Listing:
    """Organizations: their own names and classification; the area filters (powiat, gmina,
    postcode) through their services."""
    c = Conditions()
    c.search(search, "t")
    for term_id in (sector_term_id, target_group_term_id):
        if term_id:
            c.add(_linked_to("t.id", "a.taxonomy_term_id = ?"), term_id)
    if area.any():
        inner = service_conditions(area, "s")
        c.add(
            f"t.id IN (SELECT s.organization_id FROM {_SERVICE} AS s"
            f" WHERE {' AND '.join(inner.sql)})",
            *inner.params,
        )
    return c.listing("organization")


def taxonomies_listing(search: str | None) -> Listing:
    c = Conditions()
    c.search(search, "t")
    return c.listing("taxonomy")


def taxonomy_terms_listing(
    search: str | None, taxonomy_id: str | None, parent_id: str | None, top_only: bool
) -> Listing:
    c = Conditions()
    c.search(search, "t")
    if taxonomy_id:
        c.add("t.taxonomy_id = ?", taxonomy_id)
    if parent_id:
        c.add("t.parent_id = ?", parent_id)
    if top_only:
        c.add("t.parent_id IS NULL")
    return c.listing("taxonomy_term")


def count(cursor: duckdb.DuckDBPyConnection, listing: Listing) -> int:
    row = cursor.execute(
        f"SELECT count(*) FROM {table_name(listing.table)} AS t WHERE {listing.where()}",
        list(listing.params),
    ).fetchone()
    return int(row[0]) if row else 0


def _select(listing: Listing, documents: bool) -> str:
    columns = f"t.{DOCUMENT}" if documents else _columns(listing.table, "t")
    return f"SELECT {columns}, t.{ORDINAL} AS {ORDINAL} FROM {table_name(listing.table)} AS t"


def page(
    cursor: duckdb.DuckDBPyConnection,
    listing: Listing,
    limit: int,
    offset: int,
    *,
    documents: bool = False,
) -> list[Row]:
    """One page of rows (or, with `documents`, rows holding only the stored list item)."""
    select = _select(listing, documents)
    if listing.conditions:
        sql = f"{select} WHERE {listing.where()} ORDER BY t.{ORDINAL} LIMIT ? OFFSET ?"
        rows = _rows(cursor, sql, [*listing.params, limit, offset])
    else:
        # Positions are 1..n, so a page is a range, no rows skipped one by one; the range is
        # put in order here, not by DuckDB: its sort operator doubled the cost of the query
        # (0.55 → 0.95 ms of CPU for a national page).
        sql = f"{select} WHERE t.{ORDINAL} > ? AND t.{ORDINAL} <= ?"
        rows = sorted(_rows(cursor, sql, [offset, offset + limit]), key=lambda r: r[ORDINAL])
    for row in rows:
        del row[ORDINAL]
    return rows


def chunk(
    cursor: duckdb.DuckDBPyConnection,
    listing: Listing,
    after: int,
    size: int,
    *,
    documents: bool = False,
) -> tuple[list[Row], int]:
    """The next `size` matching rows after position `after`, and the position of the last
    (for format=ndjson, which walks a whole listing without holding a cursor open)."""
    rows = _rows(
        cursor,
        f"{_select(listing, documents)}"
        f" WHERE {listing.where()} AND t.{ORDINAL} > ? ORDER BY t.{ORDINAL} LIMIT ?",
        [*listing.params, after, size],
    )
    for row in rows:
        after = int(row.pop(ORDINAL))
    return rows, after


def one(cursor: duckdb.DuckDBPyConnection, table: str, id_: str) -> Row | None:
    rows = SnapshotRows(cursor).by(table, "id", [id_])
    return rows[0] if rows else None


def term_codes(cursor: duckdb.DuckDBPyConnection, prefix: str) -> dict[str, str]:
    """Code (without its prefix) → term id, for the terms whose code starts with `prefix`."""
    return {
        str(code).removeprefix(prefix): str(id_)
        for id_, code in cursor.execute(
            f"SELECT id, code FROM {_TERM} WHERE starts_with(code, ?) ORDER BY {ORDINAL}",
            [prefix],
        ).fetchall()
    }
