"""Finding a table's header in a sheet (the second layer of `extractors.spreadsheets`).

`find_header` locates the header row of a sheet, skipping title rows such as "Wykaz … stan na
4 maja 2026", by scoring rows against the column synonyms of `extractors.labels`; two or three
stacked header rows (a merged "Dane teleadresowe" over "Adres | Kod | Telefon") become one
label per column ("Dane teleadresowe / Adres"). `find_headers` finds every table of a sheet
(voivodeship lists put several on one), `header_from_labels` builds the header of a registry
whose columns are known by name.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from extractors.labels import ColumnField, match_column, match_stacked_label
from extractors.records import ExtractionError
from extractors.spreadsheets.cells import EMAIL, NUMERIC, POSTAL, is_phone_text
from transforms.text import normalise_space


@dataclass(frozen=True, slots=True)
class Header:
    """Where a table's header sits and what each column holds.

    first_row..last_row (inclusive, 0-based) are the header rows; data starts after last_row.
    labels: one label per column, stacked header rows joined with " / ".
    fields: the `extractors.labels` field per column (None: unknown, kept in `extra`).
    """

    first_row: int
    last_row: int
    labels: tuple[str, ...]
    fields: tuple[ColumnField | None, ...]
    score: int

    def columns_of(self, wanted: ColumnField) -> tuple[int, ...]:
        return tuple(i for i, f in enumerate(self.fields) if f == wanted)


_HEADER_SEARCH_ROWS: Final = 30
_MAX_STACKED: Final = 4


def _row_score(row: Sequence[str]) -> int:
    """How many distinct fields a row's cells name; 0 for rows that hold data, not labels."""
    values = [cell for cell in dict.fromkeys(row) if cell]
    if len(values) < 2:
        return 0
    numeric = sum(1 for v in values if NUMERIC.match(v))
    if numeric > 1:
        return 0
    fields: set[ColumnField] = set()
    for value in values:
        if POSTAL.search(value) or EMAIL.search(value) or is_phone_text(value):
            return 0  # contact data: this row holds an institution, not labels
        if len(value) > 120:
            continue  # a long explanatory label names no field we know
        matched = match_column(value)
        if matched is not None:
            fields.add(matched)
    return len(fields)


def _is_section_like(row: Sequence[str]) -> bool:
    return len({cell for cell in row if cell}) <= 1


def find_header(rows: Sequence[Sequence[str]], start: int = 0) -> Header:
    """The best header at or after `start`: the top-scoring row in the next 30 rows plus the
    header rows stacked under it. Raises ExtractionError when no row names two known fields."""
    best_index, best_score = -1, 1
    for index in range(start, min(len(rows), start + _HEADER_SEARCH_ROWS)):
        score = _row_score(rows[index])
        if score > best_score:
            best_index, best_score = index, score
    if best_index < 0:
        raise ExtractionError(
            "no header row found: no row among the first rows names two known columns "
            "(e.g. 'nazwa', 'adres', 'telefon')"
        )
    return _build_header(rows, best_index, best_score)


def header_at(rows: Sequence[Sequence[str]], index: int) -> Header:
    """The header that starts on row `index` (a source's declared `header_row`, 0-based here),
    with the header rows stacked under it. Raises ExtractionError when that row is past the end
    of the sheet or names no known column."""
    if index >= len(rows):
        raise ExtractionError(f"the header row {index + 1} is past the last row ({len(rows)})")
    header = _build_header(rows, index, _row_score(rows[index]), stack_above=False)
    if all(f is None for f in header.fields):
        raise ExtractionError(
            f"the header row {index + 1} names no known column "
            f"({' | '.join(cell for cell in rows[index] if cell)[:200]})"
        )
    return header


def _build_header(
    rows: Sequence[Sequence[str]], index: int, score: int, *, stack_above: bool = True
) -> Header:
    # The header row's own width: a CSV row longer than its header is ragged (see parse_rows).
    width = len(rows[index])
    stack: list[Sequence[str]] = [rows[index]]
    first_fields = _fields_for([rows[index]], width)
    name_columns = [i for i, f in enumerate(first_fields) if f == "name"]
    # A merged parent label ("Dane teleadresowe" over "Adres | Kod | Telefon") sits above the
    # best-scoring row; it belongs to the header when it repeats some of that row's cells.
    while stack_above and index > 0 and len(stack) < _MAX_STACKED:
        candidate = rows[index - 1]
        below = stack[0]
        shared = sum(1 for a, b in zip(candidate, below, strict=False) if a and a == b)
        if _is_section_like(candidate) or not shared:
            break
        if not _continues_header(candidate, below, name_columns):
            break
        stack.insert(0, candidate)
        index -= 1
    last = index + len(stack) - 1
    while last + 1 < len(rows) and len(stack) < _MAX_STACKED:
        candidate = rows[last + 1]
        if not any(candidate) or _is_section_like(candidate):
            break
        above = stack[-1]
        if not _continues_header(candidate, above, name_columns):
            break
        stack.append(candidate)
        last += 1
    labels = tuple(" / ".join(_label_parts(stack, col)) for col in range(width))
    return Header(
        first_row=index,
        last_row=last,
        labels=labels,
        fields=_fields_for(stack, width),
        score=score,
    )


def _continues_header(
    candidate: Sequence[str], above: Sequence[str], name_columns: Sequence[int]
) -> bool:
    """A row under the header is more header when it only adds labels: no numbers or contact
    data of its own, and nothing new in the name column (a merged label repeats there)."""
    for col, value in enumerate(candidate):
        if not value:
            continue
        repeated = col < len(above) and above[col] == value
        if repeated:
            continue
        if col in name_columns:
            return False
        if NUMERIC.match(value) or POSTAL.search(value) or EMAIL.search(value):
            return False
        if is_phone_text(value):
            return False
    return True


def _label_parts(stack: Sequence[Sequence[str]], col: int) -> tuple[str, ...]:
    parts: list[str] = []
    for row in stack:
        value = normalise_space(row[col]) if col < len(row) else ""
        if value and (not parts or parts[-1] != value):
            parts.append(value)
    return tuple(parts)


def _fields_for(stack: Sequence[Sequence[str]], width: int) -> tuple[ColumnField | None, ...]:
    return tuple(match_stacked_label(_label_parts(stack, col)) for col in range(width))


def find_headers(rows: Sequence[Sequence[str]], first_row: int | None = None) -> list[Header]:
    """Every table header in a sheet: the first one (found, or the one starting on the
    declared 0-based `first_row`), then any later row that repeats a header (voivodeship lists
    put several tables, each with its own header, on one sheet)."""
    first = find_header(rows) if first_row is None else header_at(rows, first_row)
    headers = [first]
    threshold = max(2, math.ceil(first.score / 2))
    index = first.last_row + 1
    while index < len(rows):
        score = _row_score(rows[index])
        if score >= threshold:
            header = _build_header(rows, index, score)
            if "name" in header.fields or "type" in header.fields or "street" in header.fields:
                headers.append(header)
                index = header.last_row + 1
                continue
        index += 1
    return headers


def header_from_labels(
    labels: Sequence[str], mapping: dict[str, ColumnField], *, row: int = 0
) -> Header:
    """A Header for a registry with known columns: `mapping` gives the field per exact label;
    other labels are kept in extra. Raises ExtractionError when a mapped label is missing."""
    present = {normalise_space(label): i for i, label in enumerate(labels)}
    missing = [label for label in mapping if label not in present]
    if missing:
        raise ExtractionError(
            f"expected column(s) {', '.join(repr(m) for m in missing)} are missing "
            f"(found: {', '.join(repr(normalise_space(x)) for x in labels)})"
        )
    fields = tuple(mapping.get(normalise_space(label), "extra") for label in labels)
    return Header(
        first_row=row,
        last_row=row,
        labels=tuple(normalise_space(label) for label in labels),
        fields=fields,
        score=len(mapping),
    )
