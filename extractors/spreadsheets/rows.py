"""Rows → institutions (the fourth layer of `extractors.spreadsheets`), and the spreadsheet
parser itself.

`parse_spreadsheet` reads every sheet, finds its tables and maps the rows under each header to
`ParsedInstitution`s (role "row") through the record builder of `extractors.fields`, coping
with what voivodeship-office lists do: section rows ("DLA OSÓB PRZEWLEKLE PSYCHICZNIE CHORYCH",
"powiat bełchatowski") that apply to the rows below, several tables in one sheet, name +
address + phone in one multi-line cell, sum rows ("Razem"), footnotes, "X" placeholders, and
rows that only add a second care type to the home above them.

Rows are never guessed: a row without a name is skipped with a warning to the parser context
(the run's issues log).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from extractors.context import ParseContext
from extractors.fields import RecordFields
from extractors.labels import ColumnField
from extractors.records import ExtractionError, ParsedInstitution
from extractors.spreadsheets.cells import (
    NUMERIC,
    POSTAL,
    STREET_MARKER,
    TRAILING_PHONE,
    WIDE_GAP,
    clean,
    split_address_cell,
    split_emails,
    split_name_cell,
    split_phones,
    split_websites,
)
from extractors.spreadsheets.headers import Header
from transforms.text import fold_key, normalise_space

_PLACEHOLDERS: Final = frozenset(
    {"x", "xx", "-", "--", "---", "—", "–", "brak", "null", "nan", "none", "b.d.", "b/d", "n/d"}
)
_SUM_ROW = re.compile(r"^(?:razem|ogolem|suma|lacznie|w sumie)\b")
_FOOTNOTE = re.compile(r"^(?:\*|zrodlo|stan na|wg stanu|uwaga|objasnienia|przypis)")
_FOOTER = re.compile(
    r"^(?:informacj[eaę] sporzadzil|sporzadzil|opracowal|opracowanie|zatwierdzil|podpis)"
)
_POWIAT_IN_CELL = re.compile(r"\(\s*powiat\s+([^)]+)\)", re.IGNORECASE)
_COUNTY_ADJECTIVE = re.compile(r"^[a-z]+(?:ski|cki|zki)(?: [a-z]+)?$")
_SINGLE_FIELDS: Final[tuple[ColumnField, ...]] = (
    "type",
    "street",
    "house_number",
    "flat_number",
    "postal_code",
    "locality",
    "gmina",
    "powiat",
    "voivodeship",
    "nip",
    "regon",
    "krs",
    "rspo",
    "teryt",
    "opening_hours",
    "description",
)


def is_placeholder(value: str) -> bool:
    """True for cells that stand for "nothing here": "X", "-", "brak", "Null"…"""
    stripped = value.strip().lower()
    return not stripped or stripped in _PLACEHOLDERS


@dataclass(slots=True)
class _Draft(RecordFields):
    """A row being assembled (mutable, local to one table parse); `name` is its name cell."""

    name: str | None = None

    def put(self, name: str, value: str | None, label: str) -> None:
        """Set a single-valued field once; a second, different value goes to extra."""
        self.set_or_extra(name, clean(value), label)


def _same_place(a: _Draft, b: _Draft) -> bool:
    """Two rows describe the same home: same name and address; a county, when both have one."""
    if a.name != b.name:
        return False
    for key in ("street", "postal_code", "locality"):
        if a.values.get(key) != b.values.get(key):
            return False
    county_a, county_b = a.values.get("powiat"), b.values.get("powiat")
    return county_a is None or county_b is None or county_a == county_b


@dataclass(frozen=True, slots=True)
class _Sections:
    """What section rows said about the rows below them."""

    powiat: str | None = None
    gmina: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How to read one table: its header and what to do without a name column."""

    header: Header
    name_columns: tuple[int, ...]
    combined_name: bool  # the name column also holds the address (split it)
    name_from_type: bool  # no name column at all: the type column names the row


def table_spec(header: Header, data_rows: Sequence[Sequence[str]]) -> TableSpec | None:
    """Decide where names come from; None when a table has nothing that could name a row."""
    names = header.columns_of("name")
    if names:
        return TableSpec(header, names, combined_name=True, name_from_type=False)
    streets = header.columns_of("street")
    if streets and not header.columns_of("postal_code"):
        # "Adres środowiskowego domu samopomocy": a list without a name column whose address
        # cells start with the unit's name ("ŚDS w Bieczu\nul. Parkowa 1 38-340 Biecz").
        cells = [row[streets[0]] for row in data_rows if streets[0] < len(row) and row[streets[0]]]
        with_postal = sum(1 for cell in cells if POSTAL.search(cell))
        if cells and with_postal * 2 >= len(cells):
            return TableSpec(header, streets[:1], combined_name=True, name_from_type=False)
    if header.columns_of("type"):
        # Senior+ lists: "Klub Senior+" in "Rodzaj ośrodka wsparcia" and an address, no name.
        return TableSpec(header, (), combined_name=False, name_from_type=True)
    return None


def parse_rows(
    rows: Sequence[Sequence[str]],
    spec: TableSpec,
    *,
    start: int,
    end: int,
    where: str,
    context: ParseContext,
    section: str | None = None,
) -> list[ParsedInstitution]:
    """The institutions in rows[start:end] under `spec` (sections, sums and footers handled).

    Ragged rows (CSV): a row longer than the header whose surplus cells hold text is skipped
    with a warning (its columns are shifted, so any mapping would be a guess); a shorter row is
    kept, its missing trailing cells read as empty. Skipped rows are reported to `context`.
    """
    header = spec.header
    width = len(header.labels)
    drafts: list[_Draft] = []
    sections = _apply_section(_Sections(), section) if section else _Sections()
    last_draft: _Draft | None = None  # the row a type-only continuation row belongs to
    for index in range(start, min(end, len(rows))):
        row = rows[index]
        where_row = f"{where}, row {index + 1}"
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            context.warn(
                f"{len(row)} cells under a {width}-column header; skipped", record=where_row
            )
            last_draft = None
            continue
        cells = [row[i] if i < len(row) else "" for i in range(width)]
        values = [cell for cell in cells if not is_placeholder(cell)]
        if not values:
            continue
        keys = [fold_key(v) for v in values]
        if any(_FOOTER.match(k) for k in keys[:2]):
            break
        if _FOOTNOTE.match(keys[0]) or values[0].lstrip().startswith("*"):
            last_draft = None
            continue
        if any(_SUM_ROW.match(k) for k in keys):
            last_draft = None
            continue
        if len(set(values)) == 1 and _is_section_row(values[0], cells, spec):
            sections = _apply_section(sections, values[0])
            last_draft = None
            continue
        draft = _draft_from_row(cells, spec)
        if draft.name is None:
            name_cells = [cells[i] for i in spec.name_columns]
            if any(c.strip() and is_placeholder(c) for c in name_cells):
                last_draft = None  # "X" in the name column: a subtotal row of the office's sheet
                continue
            if last_draft is not None and _is_continuation(draft, last_draft):
                _merge_into(last_draft, draft)
                continue
            if not _is_numbers_only(values):
                context.warn(
                    f"no name in this row; skipped ({' | '.join(values)[:200]})", record=where_row
                )
            last_draft = None
            continue
        _apply_sections(draft, sections)
        if last_draft is not None and _same_place(last_draft, draft):
            # The same home listed again for its next care type (merged or repeated name cell).
            _merge_into(last_draft, draft)
            continue
        drafts.append(draft)
        last_draft = draft
    return [_to_record(draft) for draft in drafts]


def _is_numbers_only(values: Sequence[str]) -> bool:
    """Sums and formula residue ("G+P | 3302 | 770"): nothing that could be a name."""
    return all(NUMERIC.match(v.replace(" ", "")) or len(v) < 6 for v in values)


def _is_section_row(value: str, cells: Sequence[str], spec: TableSpec) -> bool:
    """One distinct text in the row: a section heading unless it is a bare name in the name
    column (a listing may legitimately hold rows with a name and nothing else)."""
    if NUMERIC.match(value.replace(" ", "")):
        return False
    filled = [i for i, cell in enumerate(cells) if cell and not is_placeholder(cell)]
    if len(filled) > 1:
        return True  # a merged heading spread over several columns
    if not spec.name_columns or filled[0] not in spec.name_columns:
        return True
    key = fold_key(value)
    return key.startswith(("dla ", "powiat ", "gmina ")) or value.isupper()


_TITLE_WORDS = re.compile(r"\b(?:stan na|wg stanu|wedlug stanu|wykaz|rejestr|lista|\d{4})\b")


def leading_section(rows: Sequence[Sequence[str]], header: Header) -> str | None:
    """A section heading right above a header ("Kluby Samopomocy") applies to its table;
    a document title ("Wykaz … stan na 4 maja 2026") does not."""
    index = header.first_row - 1
    while index >= 0 and not any(rows[index]):
        index -= 1
    if index < 0:
        return None
    values = {cell for cell in rows[index] if cell and not is_placeholder(cell)}
    if len(values) != 1:
        return None
    (text,) = values
    if _TITLE_WORDS.search(fold_key(text)) or NUMERIC.match(text):
        return None
    return normalise_space(text)


def _apply_section(sections: _Sections, text: str) -> _Sections:
    label = normalise_space(text)
    key = fold_key(label)
    if key.startswith("powiat "):
        return _Sections(powiat=clean(label.split(" ", 1)[1]), section=sections.section)
    if _COUNTY_ADJECTIVE.match(key):
        return _Sections(powiat=label, gmina=None, section=sections.section)
    if key.startswith(("gmina ", "miasto i gmina ", "gmina i miasto ", "miasto ")):
        return _Sections(powiat=sections.powiat, gmina=label, section=sections.section)
    return _Sections(powiat=sections.powiat, gmina=sections.gmina, section=label)


def _apply_sections(draft: _Draft, sections: _Sections) -> None:
    if sections.powiat and "powiat" not in draft.values:
        draft.values["powiat"] = sections.powiat
    if sections.gmina and "gmina" not in draft.values:
        draft.values["gmina"] = sections.gmina
    if sections.section:
        if "type" not in draft.values:
            draft.values["type"] = sections.section
        else:
            draft.extra.append(("sekcja", sections.section))


def _is_continuation(draft: _Draft, previous: _Draft) -> bool:
    """A nameless row that only adds a care type or numbers to the row above it."""
    if draft.phones or draft.emails or draft.websites:
        return False
    for key in ("street", "postal_code", "locality", "gmina", "powiat"):
        value = draft.values.get(key)
        if value is not None and value != previous.values.get(key):
            return False
    return "type" in draft.values


def _merge_into(target: _Draft, other: _Draft) -> None:
    extra_type = other.values.get("type")
    current = target.values.get("type")
    if extra_type and current and extra_type not in current.split("; "):
        target.values["type"] = f"{current}; {extra_type}"
    elif extra_type and not current:
        target.values["type"] = extra_type
    target.add_phones(other.phones)
    target.add_emails(other.emails)
    target.add_websites(other.websites)
    target.extra.extend(pair for pair in other.extra if pair not in target.extra)


def _draft_from_row(cells: Sequence[str], spec: TableSpec) -> _Draft:
    header = spec.header
    draft = _Draft()
    for col, raw in enumerate(cells):
        if is_placeholder(raw):
            continue
        label = header.labels[col] or f"kolumna {col + 1}"
        kind = header.fields[col]
        if col in spec.name_columns:
            _take_name(draft, raw, label, combined=spec.combined_name)
        elif kind == "ordinal" or (
            kind is None and _is_unlabelled_ordinal(header.labels[col], raw)
        ):
            continue
        elif kind == "phones":
            draft.add_phones(split_phones(raw))
        elif kind == "emails":
            found = split_emails(raw)
            if found:
                draft.add_emails(found)
            else:
                draft.extra.append((label, normalise_space(raw)))
        elif kind == "websites":
            draft.add_websites(split_websites(raw))
        elif kind == "street" and POSTAL.search(raw) and "postal_code" not in header.fields:
            parts = split_address_cell(raw)
            draft.put("street", parts.street, label)
            draft.put("postal_code", parts.postal_code, label)
            draft.put("locality", parts.locality, label)
            draft.extra.extend((label, note) for note in parts.notes)
        elif kind in ("gmina", "locality", "powiat"):
            _take_place(draft, kind, raw, label)
        elif kind is not None and kind in _SINGLE_FIELDS:
            draft.put(kind, raw, label)
        else:  # unknown columns, "extra" columns, a second name column
            draft.extra.append((label, normalise_space(raw)))
    if spec.name_from_type:
        draft.name = draft.values.get("type")
    _compose_street(draft)
    return draft


def _is_unlabelled_ordinal(label: str, value: str) -> bool:
    """A row number ("12", "1.") under an empty or numeric header cell: position, not data."""
    return (not label or NUMERIC.match(label) is not None) and bool(
        re.fullmatch(r"\d{1,4}\.?", value.strip())
    )


def _take_name(draft: _Draft, raw: str, label: str, *, combined: bool) -> None:
    if draft.name is not None:
        draft.extra.append((label, normalise_space(raw)))
        return
    needs_split = combined and (
        "\n" in raw
        or WIDE_GAP.search(raw) is not None
        or POSTAL.search(raw) is not None
        or STREET_MARKER.search(raw) is not None
        or TRAILING_PHONE.search(raw) is not None
    )
    if not needs_split:
        draft.name = clean(raw)
        return
    parts = split_name_cell(raw)
    draft.name = parts.name
    draft.put("street", parts.street, label)
    draft.put("postal_code", parts.postal_code, label)
    draft.put("locality", parts.locality, label)
    draft.add_phones(parts.phones)
    draft.extra.extend((f"{label} (uwagi)", note) for note in parts.notes)


def _take_place(draft: _Draft, kind: str, raw: str, label: str) -> None:
    """A gmina/locality/powiat cell; "Biecz\\n(powiat gorlicki)" also gives the powiat."""
    if kind == "powiat" and fold_key(raw).startswith("gmina "):
        kind = "gmina"  # section lists reuse a "Powiat" column for "Gmina Wieliczka"
    found = _POWIAT_IN_CELL.search(raw)
    if found:
        draft.put("powiat", found.group(1), label)
        raw = raw[: found.start()] + raw[found.end() :]
    draft.put(kind, raw, label)


def _compose_street(draft: _Draft) -> None:
    """ulica + numer domu (+ / numer lokalu); a village address is "<locality> <number>"."""
    house = draft.values.pop("house_number", None)
    flat = draft.values.pop("flat_number", None)
    if house is None:
        if flat is not None:
            draft.extra.append(("numer lokalu", flat))
        return
    number = f"{house}/{flat}" if flat else house
    street = draft.values.get("street") or draft.values.get("locality")
    draft.values["street"] = f"{street} {number}" if street else number


def _to_record(draft: _Draft) -> ParsedInstitution:
    if draft.name is None:  # parse_rows only keeps named drafts
        raise ExtractionError("internal error: a row without a name reached the output")
    return draft.to_record(draft.name, "row")
