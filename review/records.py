"""What a case page shows about each record: every field, side by side, with its provenance.

A record is read from the normalised `records` table when it is still active, and from
`raw_records` (as the source wrote it) when it has since disappeared, so a case about a record
that vanished overnight still shows what it said. Provenance is per record — one record comes
from one page — and every value a record gives inherits it: source, page, first and last seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import duckdb

from review.labels import sector_label, service_label, target_group_label, type_label

# (code, Polish label) in the order the page lists them.
FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Nazwa"),
    ("name_raw", "Nazwa w źródle"),
    ("type", "Rodzaj"),
    ("sector", "Sektor"),
    ("street", "Ulica i numer"),
    ("postal_code", "Kod pocztowy"),
    ("locality", "Miejscowość"),
    ("gmina", "Gmina"),
    ("powiat", "Powiat"),
    ("phones", "Telefony"),
    ("emails", "E-maile"),
    ("website", "Strona WWW"),
    ("nip", "NIP"),
    ("regon", "REGON"),
    ("krs", "KRS"),
    ("rspo", "RSPO"),
    ("opening_hours", "Godziny pracy"),
    ("services", "Usługi"),
    ("target_groups", "Dla kogo"),
    ("institution", "Instytucja w katalogu"),
)
# Fields that only say where a record sits, not what it claims: never highlighted as a conflict.
_NOT_COMPARED = frozenset({"name_raw", "institution"})


@dataclass(frozen=True, slots=True)
class Provenance:
    source: str
    source_title: str | None
    url: str | None  # only http(s): a scraped "javascript:" link is never rendered as a link
    shown_url: str
    first_seen_at: datetime | None
    last_seen_at: datetime | None
    active: bool


@dataclass(frozen=True, slots=True)
class RecordView:
    record_id: str
    name: str
    values: dict[str, str]  # field code → display text ("" when missing)
    provenance: Provenance | None


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One line of the side-by-side table; `state` is same | differs | partial | empty."""

    code: str
    label: str
    values: tuple[str, ...]
    state: str


def safe_link(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address, else None (shown as text only)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _joined(values: Sequence[str] | None, label: object = None) -> str:
    if not values:
        return ""
    if callable(label):
        return ", ".join(str(label(v)) for v in values)
    return ", ".join(values)


def _place(name: object, code: object) -> str:
    if name and code:
        return f"{name} ({code})"
    return str(name or code or "")


_QUERY = """
SELECT rr.record_id, r.record_id IS NOT NULL AS normalised,
       coalesce(r.name, rr.name_raw), rr.name_raw, r.type_code, r.sector,
       coalesce(r.street, rr.street_raw), coalesce(r.postal_code, rr.postal_code_raw),
       coalesce(r.locality, rr.locality_raw), r.gmina_name, r.gmina_teryt,
       coalesce(r.gmina_name, rr.gmina_raw), r.powiat_name, r.powiat_teryt, rr.powiat_raw,
       coalesce(r.phones, rr.phones_raw), coalesce(r.emails, rr.emails_raw),
       coalesce(r.website, rr.websites_raw[1]),
       coalesce(r.nip, rr.nip_raw), coalesce(r.regon, rr.regon_raw),
       coalesce(r.krs, rr.krs_raw), coalesce(r.rspo, rr.rspo_raw),
       coalesce(r.opening_hours, rr.opening_hours_raw), r.services, r.target_groups,
       ir.institution_id, i.name, rr.source, s.title, rr.url, rr.first_seen_at,
       rr.last_seen_at, rr.active
FROM raw_records rr
LEFT JOIN records r USING (record_id)
LEFT JOIN institution_records ir USING (record_id)
LEFT JOIN institutions i ON i.institution_id = ir.institution_id
LEFT JOIN sources s ON s.slug = rr.source
WHERE list_contains(?, rr.record_id)
"""


def record_views(con: duckdb.DuckDBPyConnection, record_ids: Sequence[str]) -> list[RecordView]:
    """The records in the order asked; a record unknown to the warehouse is left out."""
    rows = {str(row[0]): row for row in con.execute(_QUERY, [list(record_ids)]).fetchall()}
    views = []
    for record_id in record_ids:
        row = rows.get(record_id)
        if row is None:
            continue
        (
            _rid,
            _normalised,
            name,
            name_raw,
            type_code,
            sector,
            street,
            postal,
            locality,
            gmina_name,
            gmina_teryt,
            gmina_raw,
            powiat_name,
            powiat_teryt,
            powiat_raw,
            phones,
            emails,
            website,
            nip,
            regon,
            krs,
            rspo,
            hours,
            services,
            groups,
            institution_id,
            institution_name,
            source,
            source_title,
            url,
            first_seen,
            last_seen,
            active,
        ) = row
        values = {
            "name": str(name or ""),
            "name_raw": str(name_raw or ""),
            "type": type_label(type_code),
            "sector": sector_label(sector) if sector else "",
            "street": str(street or ""),
            "postal_code": str(postal or ""),
            "locality": str(locality or ""),
            "gmina": _place(gmina_name, gmina_teryt) if gmina_teryt else str(gmina_raw or ""),
            "powiat": _place(powiat_name, powiat_teryt) if powiat_teryt else str(powiat_raw or ""),
            "phones": _joined(phones),
            "emails": _joined(emails),
            "website": str(website or ""),
            "nip": str(nip or ""),
            "regon": str(regon or ""),
            "krs": str(krs or ""),
            "rspo": str(rspo or ""),
            "opening_hours": str(hours or ""),
            "services": _joined(services, service_label),
            "target_groups": _joined(groups, target_group_label),
            "institution": _place(institution_name, institution_id) if institution_id else "",
        }
        provenance = Provenance(
            source=str(source),
            source_title=None if source_title is None else str(source_title),
            url=safe_link(url),
            shown_url=str(url or ""),
            first_seen_at=first_seen,
            last_seen_at=last_seen,
            active=bool(active),
        )
        views.append(RecordView(record_id, values["name"], values, provenance))
    return views


def side_by_side(views: Sequence[RecordView]) -> list[FieldRow]:
    """Every field of the records in one table, each line marked by how the values compare
    (case and spacing ignored: "ul. Słowackiego 5" and "UL. SŁOWACKIEGO 5" agree)."""
    rows = []
    for code, label in FIELDS:
        values = tuple(v.values.get(code, "") for v in views)
        present = {" ".join(v.casefold().split()) for v in values if v}
        if not present:
            state = "empty"
        elif code in _NOT_COMPARED:
            state = "same"
        elif len(present) > 1:
            state = "differs"
        elif len(present) == 1 and any(not v for v in values):
            state = "partial"
        else:
            state = "same"
        rows.append(FieldRow(code, label, values, state))
    return rows


def county_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """TERYT powiat code → name, from the gazetteer when loaded, else from the records."""
    names: dict[str, str] = {}
    try:
        names.update(
            (str(a), str(b))
            for a, b in con.execute("SELECT powiat_teryt, name FROM teryt_powiats").fetchall()
        )
    except duckdb.CatalogException:
        pass  # no gazetteer loaded: the records name their counties well enough
    for code, name in con.execute(
        "SELECT DISTINCT powiat_teryt, powiat_name FROM records WHERE powiat_teryt IS NOT NULL"
        " AND powiat_name IS NOT NULL"
    ).fetchall():
        names.setdefault(str(code), str(name))
    return names


def record_names(con: duckdb.DuckDBPyConnection, record_ids: Sequence[str]) -> dict[str, str]:
    """Record id → its name (normalised when active, else as the source wrote it)."""
    if not record_ids:
        return {}
    rows = con.execute(
        """
        SELECT rr.record_id, coalesce(r.name, rr.name_raw)
        FROM raw_records rr LEFT JOIN records r USING (record_id)
        WHERE list_contains(?, rr.record_id)
        """,
        [sorted(set(record_ids))],
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def institution_names(
    con: duckdb.DuckDBPyConnection, institution_ids: Sequence[str]
) -> dict[str, str]:
    if not institution_ids:
        return {}
    rows = con.execute(
        "SELECT institution_id, name FROM institutions WHERE list_contains(?, institution_id)",
        [sorted(set(institution_ids))],
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}
