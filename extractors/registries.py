"""Parsers for official lists with known columns (registries), one per declared registry source.

Each is `(document, context) -> list[ParsedInstitution]` and a thin wrapper over the spreadsheet
machinery in `extractors.spreadsheets`: `read_table` (format, encoding, delimiter), an explicit
column map (exact labels from the source's documented layout, so a renamed column fails
loudly instead of being guessed) and `parse_rows` (splitting phones, e-mails and
"ul. X 5, 15-950 Miasto" address cells). Columns not in the map are kept in `extra`.

Known traps, documented where they bite:

* ops_malopolskie_geo.csv: `teryt_gminy` is unreliable (for 108 of 179 non-PCPR rows its
  first six digits name a different gmina than the `gmina` column). It is kept as teryt_raw
  because that is what the source says, but it must never be trusted over the gmina name.
* RSPO exports: UTF-8 with BOM, `;`, numbers wrapped as ="0123" (unwrapped by read_table).
* Court jurisdiction: blank cells in the ministry table mean "same as above"; the derived CSV
  is already forward-filled. The territory sentence mixes cities, gminas, city districts and
  street-by-street boundaries; `parse_court_jurisdiction` extracts the named units only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from extractors.context import ParseContext
from extractors.labels import ColumnField
from extractors.records import Document, ExtractionError, ParsedInstitution
from extractors.spreadsheets import (
    Sheet,
    TableSpec,
    document_filename,
    header_from_labels,
    parse_rows,
    read_table,
)
from transforms.text import normalise_space

OPS_COLUMNS: Final[dict[str, ColumnField]] = {
    "typ": "type",
    "wojewodztwo": "voivodeship",
    "powiat": "powiat",
    "gmina": "gmina",
    "nazwa": "name",
    "kod_pocztowy": "postal_code",
    "miejscowosc": "locality",
    "telefon": "phones",
    "email": "emails",
}
"""Columns every OPS list has (ops_slaskie.csv, ops_malopolskie_geo.csv)."""

OPS_OPTIONAL_COLUMNS: Final[dict[str, ColumnField]] = {
    "adres": "street",  # ops_slaskie: "ul. 11 Listopada 1"
    "ulica": "street",  # ops_malopolskie_geo: street and number apart
    "numer_domu": "house_number",
    "www": "websites",
    "godziny_pracy": "opening_hours",
    "teryt_gminy": "teryt",  # unreliable in ops_malopolskie_geo.csv: see the module docstring
}

MOBBERIZER_COLUMNS: Final[dict[str, ColumnField]] = {
    "title": "name",
    "adres": "street",  # "ul. Mickiewicza 5, 15-950 Białystok": split by parse_rows
    "tel": "phones",
    "email": "emails",
    "www": "websites",
}
"""lukaszchwalisz/mobberizer lists (courts, sanitary stations, labour inspectorates)."""

RSPO_COLUMNS: Final[dict[str, ColumnField]] = {
    "Numer RSPO": "rspo",
    "REGON": "regon",
    "NIP": "nip",
    "Typ": "type",
    "Nazwa": "name",
    "Kod terytorialny gmina": "teryt",
    "Województwo": "voivodeship",
    "Powiat": "powiat",
    "Gmina": "gmina",
    "Miejscowość": "locality",
    "Ulica": "street",
    "Numer budynku": "house_number",
    "Numer lokalu": "flat_number",
    "Kod pocztowy": "postal_code",
    "Telefon": "phones",
    "E-mail": "emails",
    "Strona www": "websites",
}
"""The RSPO "eksport CSV" layout (54 columns; the rest go to extra)."""

COURT_HIERARCHY_COLUMNS: Final = (
    "sad_apelacyjny",
    "sad_okregowy",
    "sad_rejonowy",
    "wlasciwosc_miejscowa",
)


def _single_sheet(document: Document, context: ParseContext) -> tuple[str, Sheet]:
    filename = document_filename(document)
    sheets = read_table(document.content, filename=filename, context=context)
    sheet = next((s for s in sheets if s.rows), None)
    if sheet is None:
        raise ExtractionError(f"{filename}: no rows")
    return filename, sheet


def _parse_with_columns(
    document: Document,
    context: ParseContext | None,
    required: dict[str, ColumnField],
    optional: dict[str, ColumnField] | None = None,
) -> list[ParsedInstitution]:
    context = context or ParseContext.standalone(document.url)
    filename, sheet = _single_sheet(document, context)
    labels = sheet.rows[0]
    present = {normalise_space(label) for label in labels}
    mapping = dict(required)
    mapping.update({k: v for k, v in (optional or {}).items() if k in present})
    try:
        header = header_from_labels(labels, mapping)
    except ExtractionError as error:
        raise ExtractionError(f"{filename}: {error}") from error
    spec = TableSpec(
        header=header,
        name_columns=header.columns_of("name"),
        combined_name=False,
        name_from_type=False,
    )
    return parse_rows(
        sheet.rows, spec, start=1, end=len(sheet.rows), where=filename, context=context
    )


def parse_ops_list(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Social assistance centres (OPS/MOPS/GOPS/CUS/PCPR) from an OPS registry CSV.

    Needs typ, wojewodztwo, powiat, gmina, nazwa, kod_pocztowy, miejscowosc, telefon, email;
    street comes from `adres` or `ulica` + `numer_domu`. teryt_raw holds `teryt_gminy` when
    present, which in ops_malopolskie_geo.csv often names the wrong gmina (see module doc).
    """
    return _parse_with_columns(document, context, OPS_COLUMNS, OPS_OPTIONAL_COLUMNS)


def parse_courts_addresses(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Courts with address, phone, e-mail and website (courts/sady_adresy_mobberizer.csv)."""
    return _parse_with_columns(document, context, MOBBERIZER_COLUMNS)


def parse_sanepid(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Sanitary-epidemiological stations, WSSE and PSSE (psse_sanepid_adresy_mobberizer.csv)."""
    return _parse_with_columns(document, context, MOBBERIZER_COLUMNS)


def parse_rspo(document: Document, context: ParseContext | None = None) -> list[ParsedInstitution]:
    """Schools and other education units from an RSPO CSV export (`;`, BOM, ="…" cells).

    Street is "Ulica Numer budynku[/Numer lokalu]"; a village without streets gets
    "Miejscowość Numer budynku", the usual Polish address form.
    """
    return _parse_with_columns(document, context, RSPO_COLUMNS)


# --------------------------------------------------------------------------------------------
# Court hierarchy and territorial jurisdiction
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CourtJurisdiction:
    """Which territory a district court (sąd rejonowy) serves, as the ministry table says.

    cities / gminas: whole towns and gminas named in the sentence (nominative, as written).
    city_parts: cities the court serves only in part ("dla części miasta Lublin …");
    districts: named districts or auxiliary units of those cities ("dzielnic: Mokotów, …").
    family_division: the court hears family and guardianship cases ("rodzinnego i
    opiekuńczego"); None when the sentence is missing. No TERYT codes: the source has none;
    joining names to TERC is the place normaliser's job.
    """

    court: str
    regional_court: str
    appeal_court: str
    cities: tuple[str, ...]
    gminas: tuple[str, ...]
    city_parts: tuple[str, ...]
    districts: tuple[str, ...]
    family_division: bool | None
    text: str


_COMPETENCE_START = re.compile(r"\s+oraz do rozpoznawania|\s+oraz do prowadzenia|,\s+a także do")
# A street-by-street boundary description; it names cities and gminas only as landmarks.
_BOUNDARY = re.compile(
    r"(?:obejmującej obszar\s+)?(?:poza obszarem\s+)?w granicach przebiegających.*?"
    r"(?=,\s+dla\s|\s+oraz dla\s|\s+oraz gmin|$)",
    re.DOTALL,
)
_CLAUSE = re.compile(
    r"(?:^|,\s+|\s+oraz\s+(?:dla\s+)?|\s+i\s+|\bdla\s+)"
    r"(?P<kind>części(?:\s+obszaru)?\s+miasta(?:\s+stołecznego)?|miasta|miast|gminy|gmin"
    r"|dzielnicy|dzielnic|jednostek pomocniczych)\b:?\s*"
)
_CITY_PART_END = re.compile(r"\s+(?:w granicach|ustalon|poza|obejmując)|,|$")


def _split_names(text: str) -> tuple[str, ...]:
    text = text.strip(" ,;:")
    if not text:
        return ()
    parts = re.split(r",\s*|\s+i\s+", text)
    return tuple(p.strip() for p in (normalise_space(x) for x in parts) if p.strip())


def parse_jurisdiction_text(
    court: str, regional_court: str, appeal_court: str, text: str
) -> CourtJurisdiction:
    """Read one "dla miasta X oraz gmin: A, B i C oraz do rozpoznawania …" sentence."""
    cleaned = normalise_space(text)
    competence = _COMPETENCE_START.search(cleaned)
    territory = cleaned[: competence.start()] if competence else cleaned
    rest = cleaned[competence.start() :] if competence else ""
    territory = _BOUNDARY.sub("", territory)
    clauses = list(_CLAUSE.finditer(territory))
    cities: list[str] = []
    gminas: list[str] = []
    city_parts: list[str] = []
    districts: list[str] = []
    for position, clause in enumerate(clauses):
        end = clauses[position + 1].start() if position + 1 < len(clauses) else len(territory)
        body = territory[clause.end() : end]
        kind = clause.group("kind")
        if kind.startswith("części"):
            name = _CITY_PART_END.split(body, maxsplit=1)[0].strip()
            if name and name[0].isupper():
                city_parts.append(name)
        elif kind in ("miasta", "miast"):
            cities.extend(_split_names(body))
        elif kind in ("gminy", "gmin"):
            gminas.extend(_split_names(body))
        else:
            districts.extend(_split_names(body))
    family: bool | None = None
    if cleaned:
        family = "rodzinnego i opiekuńczego" in rest
    return CourtJurisdiction(
        court=court,
        regional_court=regional_court,
        appeal_court=appeal_court,
        cities=tuple(dict.fromkeys(cities)),
        gminas=tuple(dict.fromkeys(gminas)),
        city_parts=tuple(dict.fromkeys(city_parts)),
        districts=tuple(dict.fromkeys(districts)),
        family_division=family,
        text=cleaned,
    )


def _hierarchy_rows(
    document: Document, context: ParseContext
) -> tuple[str, list[tuple[str, str, str, str]]]:
    filename, sheet = _single_sheet(document, context)
    labels = tuple(normalise_space(label) for label in sheet.rows[0])
    missing = [c for c in COURT_HIERARCHY_COLUMNS if c not in labels]
    if missing:
        raise ExtractionError(
            f"{filename}: expected column(s) {', '.join(missing)} are missing (found: "
            f"{', '.join(labels)})"
        )
    index = [labels.index(c) for c in COURT_HIERARCHY_COLUMNS]
    rows: list[tuple[str, str, str, str]] = []
    for number, row in enumerate(sheet.rows[1:], start=2):
        cells = [normalise_space(row[i]) if i < len(row) else "" for i in index]
        if not any(cells):
            continue
        if not cells[2]:
            raise ExtractionError(f"{filename}, row {number}: no district court (sad_rejonowy)")
        rows.append((cells[0], cells[1], cells[2], cells[3]))
    return filename, rows


def parse_court_jurisdiction(document: Document) -> list[CourtJurisdiction]:
    """The territory of every district court in the ministry hierarchy CSV
    (courts/sady_hierarchia_wlasciwosc_*.csv: sad_apelacyjny, sad_okregowy, sad_rejonowy,
    wlasciwosc_miejscowa)."""
    _, rows = _hierarchy_rows(document, ParseContext.standalone(document.url))
    return [parse_jurisdiction_text(sr, so, sa, text) for sa, so, sr, text in rows]


def parse_courts_jurisdiction(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Every court named in the hierarchy CSV as a record: the appeal courts, regional courts
    and district courts (each once), with its parent courts in extra; a district court also
    carries its jurisdiction sentence in extra ("właściwość miejscowa")."""
    _, rows = _hierarchy_rows(document, context or ParseContext.standalone(document.url))
    records: dict[str, ParsedInstitution] = {}
    for appeal, regional, district, text in rows:
        if appeal and appeal not in records:
            records[appeal] = ParsedInstitution(
                name_raw=appeal, role="row", type_raw="Sąd Apelacyjny"
            )
        if regional and regional not in records:
            records[regional] = ParsedInstitution(
                name_raw=regional,
                role="row",
                type_raw="Sąd Okręgowy",
                extra=(("sąd apelacyjny", appeal),) if appeal else (),
            )
        if district not in records:
            extra = [("sąd okręgowy", regional), ("sąd apelacyjny", appeal)]
            if text:
                extra.append(("właściwość miejscowa", text))
            records[district] = ParsedInstitution(
                name_raw=district,
                role="row",
                type_raw="Sąd Rejonowy",
                extra=tuple((label, value) for label, value in extra if value),
            )
    return list(records.values())
