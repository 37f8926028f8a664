"""Office spreadsheets (xlsx, xls, ods, csv) into institution rows.

Three layers, each usable on its own:

* `read_table` turns bytes into `Sheet`s of cell text, whatever the real format (the bytes
  decide, not the file name: Polish offices publish xls files named .xlsx). Merged cells carry
  their value into every cell of the range, whole-number floats lose their ".0", dates are ISO.
* `find_header` locates the header row of a sheet (skipping title rows such as "Wykaz … stan na
  4 maja 2026") by scoring rows against the synonym table in `extractors.columns`; two or three
  stacked header rows become one label per column ("Liczba wolnych miejsc / w tym: / …").
* `parse_spreadsheet` maps the rows under each header to `ParsedInstitution`s (role "row"),
  coping with what voivodeship-office lists do: section rows ("DLA OSÓB PRZEWLEKLE PSYCHICZNIE
  CHORYCH", "powiat bełchatowski") that apply to the rows below, several tables in one sheet,
  name + address + phone in one multi-line cell, sum rows ("Razem"), footnotes, "X" placeholders,
  and rows that only add a second care type to the home above them.

Rows are never guessed: a row without a name is skipped with a warning. Cell splitting
(`split_name_cell`, `split_address_cell`, `split_phones`) is heuristic but only moves text
as written between fields; what it cannot place goes to `extra`.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePosixPath
from typing import Any, Final
from urllib.parse import unquote, urlparse

from extractors.columns import Field, match_column, match_stacked_label
from extractors.records import Document, ExtractionError, ParsedInstitution
from transforms.text import fold_key, normalise_space

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED_BYTES: Final = 200 * 1024 * 1024
"""A workbook whose zip members add up to more than this is refused (zip-bomb guard)."""
MAX_COMPRESSION_RATIO: Final = 100
"""…and so is one that expands more than this many times (checked above 1 MB uncompressed)."""
MAX_ZIP_MEMBERS: Final = 10_000
MAX_CELLS: Final = 5_000_000
"""A sheet larger than this (rows x columns) is refused rather than read into memory."""

_OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML: Final = "EncryptedPackage".encode("utf-16-le")
_CSV_DELIMITERS: Final = (",", ";", "\t", "|")
_WORKBOOK_EXTENSIONS: Final = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})


class _SpreadsheetError(ExtractionError):
    """Internal marker so that error messages get the filename exactly once."""


# --------------------------------------------------------------------------------------------
# Reading: bytes -> sheets of cell text
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet (or the whole CSV) as cell text; rows keep their positions."""

    name: str
    rows: tuple[tuple[str, ...], ...]


def read_table(content: bytes, *, filename: str | None = None) -> list[Sheet]:
    """Every sheet of an xlsx/xls/ods/csv file as text, the format detected from the bytes.

    Raises ExtractionError naming the file when it is empty, not a table at all (HTML, PDF,
    a zip that is no workbook, text named .xlsx), encrypted, corrupt, truncated or a zip bomb.
    """
    label = filename or "<bytes>"
    try:
        return _read_table(content, label, filename)
    except ExtractionError as error:
        raise ExtractionError(f"{label}: {error}") from error.__cause__


def _read_table(content: bytes, label: str, filename: str | None) -> list[Sheet]:
    if not content.strip():
        raise _SpreadsheetError("the file is empty")
    extension = PurePosixPath(filename).suffix.lower() if filename else ""
    if content.startswith(b"PK\x03\x04") or content.startswith(b"PK\x05\x06"):
        kind = _zip_kind(content)
        reader = _read_xlsx if kind == "xlsx" else _read_ods
    elif content.startswith(_OLE2_MAGIC):
        if _ENCRYPTED_OOXML in content:
            raise _SpreadsheetError(
                "the workbook is password-protected (encrypted); cannot read it"
            )
        kind, reader = "xls", _read_xls
    else:
        what = _sniff_non_table(content)
        if what is not None:
            raise _SpreadsheetError(f"the content is {what}, not a spreadsheet")
        if extension in _WORKBOOK_EXTENSIONS:
            raise _SpreadsheetError(
                f"the name says {extension} but the content is plain text, not a workbook"
            )
        kind, reader = "csv", _read_csv
    if extension and extension in _WORKBOOK_EXTENSIONS and extension.lstrip(".") != kind:
        # Offices often save xls under .xlsx (and vice versa); the bytes are what we read.
        logger.warning(
            "%s: named %s but the content is %s; reading it as %s", label, extension, kind, kind
        )
    sheets = reader(content)
    if not any(any(cell for cell in row) for sheet in sheets for row in sheet.rows):
        raise _SpreadsheetError(f"the {kind} file has no cell with a value")
    return sheets


def _sniff_non_table(content: bytes) -> str | None:
    head = content[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "a PDF document"
    if head.startswith((b"<!doctype html", b"<html")) or b"<table" in head:
        return "an HTML page"
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return "an XML/HTML document"
    if b"\x00" in content[:4096] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


def _zip_kind(content: bytes) -> str:
    """'xlsx' or 'ods' after checking the archive is sane; raises for anything else."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        raise _SpreadsheetError(f"corrupt or truncated zip container ({error})") from error
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise _SpreadsheetError(f"the zip holds {len(members)} members; refusing to open it")
        total = sum(member.file_size for member in members)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise _SpreadsheetError(
                f"the zip expands to {total} bytes (limit {MAX_UNCOMPRESSED_BYTES}); "
                "refusing a possible zip bomb"
            )
        if total > 1024 * 1024 and total > MAX_COMPRESSION_RATIO * max(len(content), 1):
            raise _SpreadsheetError(
                f"the zip expands {total // max(len(content), 1)} times; "
                "refusing a possible zip bomb"
            )
        names = {member.filename for member in members}
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names:
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
            if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
                return "ods"
            raise _SpreadsheetError(
                f"an OpenDocument file but not a spreadsheet ({mimetype.decode(errors='replace')})"
            )
    raise _SpreadsheetError("a zip archive that is neither an xlsx nor an ods workbook")


def _format_number(value: float) -> str:
    if math.isnan(value) or math.isinf(value):
        return ""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return f"{value:.15g}"


def _format_value(value: object) -> str:
    """Cell text: whole floats without ".0", dates ISO (date only when the time is midnight)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _format_number(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _fill_merges(grid: list[list[str]], merges: Iterable[tuple[int, int, int, int]]) -> None:
    """Copy each merged range's top-left value into every cell of the range.

    merges are (first_row, last_row_exclusive, first_col, last_col_exclusive), 0-based.
    """
    for first_row, end_row, first_col, end_col in merges:
        if first_row >= len(grid):
            continue
        top = grid[first_row]
        value = top[first_col] if first_col < len(top) else ""
        if not value:
            continue
        for row_index in range(first_row, min(end_row, len(grid))):
            row = grid[row_index]
            if len(row) < end_col:
                row.extend([""] * (end_col - len(row)))
            for col_index in range(first_col, end_col):
                row[col_index] = value


def _finish_grid(name: str, grid: list[list[str]], *, pad: bool = True) -> Sheet:
    while grid and not any(grid[-1]):
        grid.pop()
    width = max((_used_width(row) for row in grid), default=0)
    rows = tuple(
        tuple(row[:width] + [""] * (width - len(row))) if pad else tuple(row) for row in grid
    )
    return Sheet(name=name, rows=rows)


def _used_width(row: Sequence[str]) -> int:
    for index in range(len(row) - 1, -1, -1):
        if row[index]:
            return index + 1
    return 0


def _read_xlsx(content: bytes) -> list[Sheet]:
    import openpyxl  # imported here: slow to import and only needed for xlsx

    try:
        # data_only: the cached result of a formula ("=SUM(E4:E61)") rather than its text.
        workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise _SpreadsheetError(f"cannot open the xlsx workbook ({error})") from error
    sheets: list[Sheet] = []
    for worksheet in workbook.worksheets:
        if worksheet.max_row * worksheet.max_column > MAX_CELLS:
            raise _SpreadsheetError(
                f"sheet {worksheet.title!r} spans {worksheet.max_row} x {worksheet.max_column} "
                "cells; too large to read"
            )
        grid = [
            [_format_value(value) for value in row] for row in worksheet.iter_rows(values_only=True)
        ]
        merges = [
            (rng.min_row - 1, rng.max_row, rng.min_col - 1, rng.max_col)
            for rng in worksheet.merged_cells.ranges
        ]
        _fill_merges(grid, merges)
        sheets.append(_finish_grid(worksheet.title, grid))
    return sheets


def _read_xls(content: bytes) -> list[Sheet]:
    import xlrd

    try:
        workbook = xlrd.open_workbook(file_contents=content, formatting_info=True)
    except NotImplementedError:
        # formatting_info is unsupported for some BIFF variants; merges are then unknown.
        workbook = _open_xls_plain(content)
    except Exception as error:
        message = str(error)
        if "encrypt" in message.lower():
            raise _SpreadsheetError("the xls workbook is password-protected (encrypted)") from error
        raise _SpreadsheetError(f"cannot open the xls workbook ({message})") from error
    sheets: list[Sheet] = []
    for sheet in workbook.sheets():
        if sheet.nrows * sheet.ncols > MAX_CELLS:
            raise _SpreadsheetError(f"sheet {sheet.name!r} is too large to read")
        grid = [
            [_xls_cell_text(sheet.cell(r, c), workbook.datemode) for c in range(sheet.ncols)]
            for r in range(sheet.nrows)
        ]
        _fill_merges(grid, getattr(sheet, "merged_cells", []) or [])
        sheets.append(_finish_grid(sheet.name, grid))
    return sheets


def _open_xls_plain(content: bytes) -> Any:
    import xlrd

    try:
        return xlrd.open_workbook(file_contents=content)
    except Exception as error:
        raise _SpreadsheetError(f"cannot open the xls workbook ({error})") from error


def _xls_cell_text(cell: Any, datemode: int) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _format_number(float(cell.value))
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return _format_value(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
        except Exception:  # a date serial out of range: keep the number as written
            return _format_number(float(cell.value))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "true" if cell.value else "false"
    return _format_value(cell.value)


def _read_ods(content: bytes) -> list[Sheet]:
    from odf import teletype
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableRow
    from odf.text import P

    try:
        document = load(io.BytesIO(content))
    except Exception as error:
        raise _SpreadsheetError(f"cannot open the ods workbook ({error})") from error
    cell_names = {(TABLENS, "table-cell"), (TABLENS, "covered-table-cell")}
    sheets: list[Sheet] = []
    for table in document.spreadsheet.getElementsByType(Table):
        grid: list[list[str]] = []
        merges: list[tuple[int, int, int, int]] = []
        for row in table.getElementsByType(TableRow):
            cells: list[str] = []
            for cell in row.childNodes:
                if getattr(cell, "qname", None) not in cell_names:
                    continue
                value = _ods_cell_text(cell, teletype, P)
                repeat = _ods_int(cell, "number-columns-repeated")
                span_cols = _ods_int(cell, "number-columns-spanned")
                span_rows = _ods_int(cell, "number-rows-spanned")
                if span_cols > 1 or span_rows > 1:
                    merges.append(
                        (len(grid), len(grid) + span_rows, len(cells), len(cells) + span_cols)
                    )
                # Trailing filler cells are written as one cell repeated ~16k times.
                cells.extend([value] * (repeat if value else min(repeat, 1024)))
            repeat_rows = _ods_int(row, "number-rows-repeated")
            copies = repeat_rows if any(cells) else min(repeat_rows, 1024)
            if (len(grid) + copies) * max(len(cells), 1) > MAX_CELLS:
                raise _SpreadsheetError("an ods sheet is too large to read")
            grid.extend(list(cells) for _ in range(copies))
        _fill_merges(grid, merges)
        sheets.append(_finish_grid(str(table.getAttribute("name") or "Sheet"), grid))
    return sheets


def _ods_int(element: Any, attribute: str) -> int:
    """A table:* count attribute (1 when absent or unreadable)."""
    from odf.namespaces import TABLENS

    value = element.attributes.get((TABLENS, attribute))
    try:
        return max(int(value), 1) if value else 1
    except ValueError:
        return 1


def _ods_cell_text(cell: Any, teletype: Any, paragraph: Any) -> str:
    value_type = cell.getAttribute("valuetype")
    if value_type in ("float", "percentage", "currency"):
        raw = cell.getAttribute("value")
        try:
            return _format_number(float(raw))
        except (TypeError, ValueError):
            pass
    elif value_type == "date":
        raw = str(cell.getAttribute("datevalue") or "")
        return raw.removesuffix("T00:00:00")
    elif value_type == "boolean":
        return "true" if cell.getAttribute("booleanvalue") == "true" else "false"
    lines = [teletype.extractText(p) for p in cell.getElementsByType(paragraph)]
    return _format_value("\n".join(lines))


def _decode_text(content: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else the Polish single-byte code page that fits."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # windows-1250 and ISO-8859-2 differ exactly on the Polish letters: ą ś ź Ą Ś Ź.
    cp1250_only = sum(content.count(bytes([b])) for b in (0xB9, 0x9C, 0x9F, 0xA5, 0x8C, 0x8F))
    latin2_only = sum(content.count(bytes([b])) for b in (0xB1, 0xB6, 0xBC, 0xA1, 0xA6, 0xAC))
    controls = sum(1 for b in content if 0x80 <= b <= 0x9F)
    encoding = "iso-8859-2" if latin2_only > cp1250_only and controls == 0 else "cp1250"
    return content.decode(encoding, errors="replace")


_EXCEL_TEXT = re.compile(r'^="(.*)"$', re.DOTALL)


def _read_csv(content: bytes) -> list[Sheet]:
    text = _decode_text(content).replace("\r\n", "\n").replace("\r", "\n")
    delimiter = _sniff_delimiter(text)
    grid: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text), delimiter=delimiter):
            # RSPO-style exports wrap numbers as ="0123" so Excel keeps leading zeros.
            grid.append([_EXCEL_TEXT.sub(r"\1", cell).strip() for cell in record])
    except csv.Error as error:
        raise _SpreadsheetError(f"malformed CSV ({error})") from error
    # Rows keep their own length: a ragged row is the parser's business (see parse_rows).
    return [_finish_grid("csv", grid, pad=False)]


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most consistent number of fields."""
    sample = text[: 64 * 1024]
    best = (",", -1, 0)
    for delimiter in _CSV_DELIMITERS:
        try:
            records = [
                r
                for _, r in zip(
                    range(50), csv.reader(io.StringIO(sample), delimiter=delimiter), strict=False
                )
                if r
            ]
        except csv.Error:
            continue
        if not records:
            continue
        widths = [len(r) for r in records]
        mode = max(set(widths), key=widths.count)
        if mode < 2:
            continue
        consistent = widths.count(mode)
        if (consistent, mode) > (best[1], best[2]):
            best = (delimiter, consistent, mode)
    return best[0]


def document_filename(document: Document) -> str:
    """The file name a document was fetched as (last path segment of its URL)."""
    path = urlparse(document.url).path or document.url
    return unquote(PurePosixPath(path).name) or document.url


# --------------------------------------------------------------------------------------------
# Header detection
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    """Where a table's header sits and what each column holds.

    first_row..last_row (inclusive, 0-based) are the header rows; data starts after last_row.
    labels: one label per column, stacked header rows joined with " / ".
    fields: the `extractors.columns` field per column (None: unknown, kept in `extra`).
    """

    first_row: int
    last_row: int
    labels: tuple[str, ...]
    fields: tuple[Field | None, ...]
    score: int

    def columns_of(self, wanted: Field) -> tuple[int, ...]:
        return tuple(i for i, f in enumerate(self.fields) if f == wanted)


_POSTAL = re.compile(r"(?<![\d-])\d{2}\s*[-–]\s*\d{3}(?![\d-])")
_NUMERIC = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")
_EMAIL = re.compile(r"[^\s,;:<>()\[\]]+@[^\s,;:<>()\[\]]+\.[^\s,;:<>()\[\]]+")
_HEADER_SEARCH_ROWS: Final = 30
_MAX_STACKED: Final = 4


def _row_score(row: Sequence[str]) -> int:
    """How many distinct fields a row's cells name; 0 for rows that hold data, not labels."""
    values = [cell for cell in dict.fromkeys(row) if cell]
    if len(values) < 2:
        return 0
    numeric = sum(1 for v in values if _NUMERIC.match(v))
    if numeric > 1:
        return 0
    fields: set[Field] = set()
    for value in values:
        if _POSTAL.search(value) or _EMAIL.search(value) or _is_phone_text(value):
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


def _build_header(rows: Sequence[Sequence[str]], index: int, score: int) -> Header:
    # The header row's own width: a CSV row longer than its header is ragged (see parse_rows).
    width = len(rows[index])
    stack: list[Sequence[str]] = [rows[index]]
    first_fields = _fields_for([rows[index]], width)
    name_columns = [i for i, f in enumerate(first_fields) if f == "name"]
    # A merged parent label ("Dane teleadresowe" over "Adres | Kod | Telefon") sits above the
    # best-scoring row; it belongs to the header when it repeats some of that row's cells.
    while index > 0 and len(stack) < _MAX_STACKED:
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
        if _NUMERIC.match(value) or _POSTAL.search(value) or _EMAIL.search(value):
            return False
        if _is_phone_text(value):
            return False
    return True


def _label_parts(stack: Sequence[Sequence[str]], col: int) -> tuple[str, ...]:
    parts: list[str] = []
    for row in stack:
        value = normalise_space(row[col]) if col < len(row) else ""
        if value and (not parts or parts[-1] != value):
            parts.append(value)
    return tuple(parts)


def _fields_for(stack: Sequence[Sequence[str]], width: int) -> tuple[Field | None, ...]:
    return tuple(match_stacked_label(_label_parts(stack, col)) for col in range(width))


def find_headers(rows: Sequence[Sequence[str]]) -> list[Header]:
    """Every table header in a sheet: the first one, then any later row that repeats a header
    (voivodeship lists put several tables, each with its own header, on one sheet)."""
    first = find_header(rows)
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


# --------------------------------------------------------------------------------------------
# Splitting cells that hold several things
# --------------------------------------------------------------------------------------------

_WIDE_GAP = re.compile(r"[ \t\u00a0]{3,}")
_STREET_MARKER = re.compile(
    r"(?<![^\s,(\"”'])(?:ul|al|os|pl|ulica|aleja|aleje|osiedle|plac|rynek)(?:\.\s*|\s+)(?=[\w\"„'])",
    re.IGNORECASE,
)
_PHONE_WORDS = re.compile(
    r"\b(?:tel(?:efon)?|fax|faks|kom|lub|oraz|wew|w|filia|centrala|sekretariat)\b\.?",
    re.IGNORECASE,
)
_TRAILING_PHONE = re.compile(
    r"(?:^|\s)((?:tel\.?\s*)?\(?\d{2,3}\)?[\s-]*\d{2,3}[\s-]*\d{2}[\s-]*\d{2,3}"
    r"(?:\s*(?:lub|,)\s*[\d\s()-]{7,})*)\s*$",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"^\s*(?:\(.*\)|/.*/)\s*$", re.DOTALL)
_OPERATOR_LINE = re.compile(
    r"^(?:gmina|miasto(?: i gmina)?|gmina i miasto|miasto i gmina|powiat|m\.)\s+\S.{0,40}$",
    re.IGNORECASE,
)
_HOUSE_TAIL = re.compile(r"^(?P<place>\D+?)\s+(?P<number>\d+\s?[a-zA-Z]?(?:/\d+[a-zA-Z]?)?)$")
_NUMBER_TOKEN = re.compile(r"^\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?$")
_PREPOSITIONS: Final = frozenset(
    {"w", "we", "z", "ze", "na", "przy", "nr", "im", "im.", "dla", "do", "u", "od", "nad", "pod"}
)


@dataclass(frozen=True, slots=True)
class CellParts:
    """What one name-and-address cell held, each part as written."""

    name: str | None = None
    street: str | None = None
    postal_code: str | None = None
    locality: str | None = None
    phones: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # operator lines, bracketed remarks, branch addresses


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = normalise_space(text).strip(" ,;-–")
    return cleaned or None


def _cell_lines(text: str) -> list[str]:
    """Lines of a cell; a run of 3+ spaces counts as a line break (cells wrapped by padding)."""
    text = _WIDE_GAP.sub("\n", text.replace("\r", "\n"))
    return [normalise_space(line) for line in text.split("\n") if normalise_space(line)]


def _is_phone_text(text: str) -> bool:
    if sum(ch.isdigit() for ch in text) < 7:
        return False
    residue = _PHONE_WORDS.sub(" ", text)
    residue = re.sub(r"\((?:filia|sekretariat|centrala)\)", " ", residue, flags=re.IGNORECASE)
    return re.fullmatch(r"[\d\s()\-/+.,;:]+", residue) is not None


def split_phones(text: str) -> tuple[str, ...]:
    """One entry per number: split on new lines, commas, semicolons and "lub"/"oraz";
    an extension on its own line ("wew. 23") stays with the number above it, and two full
    numbers separated only by a double space ("12 382 11 10  788 170 851") are two."""
    pieces: list[str] = []
    for line in re.split(r"[\r\n]+", text):
        for chunk in re.split(r"[;,]|\s(?:lub|oraz)\s", line, flags=re.IGNORECASE):
            halves = [h for h in re.split(r"\s{2,}", chunk.strip()) if h]
            if len(halves) > 1 and all(sum(c.isdigit() for c in h) >= 9 for h in halves):
                parts = halves
            else:
                parts = [chunk]
            for part in parts:
                piece = normalise_space(part)
                if not piece:
                    continue
                if pieces and re.match(r"^(?:wew|w)\.?\s*\d", piece, re.IGNORECASE):
                    pieces[-1] = f"{pieces[-1]} {piece}"
                    continue
                if any(ch.isdigit() for ch in piece):
                    pieces.append(piece)
    return tuple(pieces)


def split_emails(text: str) -> tuple[str, ...]:
    """Every e-mail address in a cell, as written (trailing dots and commas dropped)."""
    return tuple(dict.fromkeys(m.group(0).rstrip(".,;") for m in _EMAIL.finditer(text)))


def split_websites(text: str) -> tuple[str, ...]:
    """Every whitespace/comma/semicolon-separated token of a website cell."""
    tokens = (t.strip(" .,;") for t in re.split(r"[\s,;]+", text))
    return tuple(dict.fromkeys(t for t in tokens if t and "." in t))


def split_address_cell(text: str) -> CellParts:
    """ "ul. Mickiewicza 5, 15-950 Białystok" -> street, postal code, locality (as written)."""
    match = _POSTAL.search(text)
    if match is None:
        return CellParts(street=_clean(text))
    street = _clean(text[: match.start()].replace("\n", " "))
    locality, street_after, rest = _after_postal(text[match.end() :])
    if street is None:
        street = street_after
    return CellParts(
        street=street,
        postal_code=normalise_space(match.group(0)),
        locality=locality,
        notes=(rest,) if rest else (),
    )


def _after_postal(after: str) -> tuple[str | None, str | None, str | None]:
    """(locality, street found after it, leftover) from the text following a postal code."""
    parts = re.split(r"[\n,]", after, maxsplit=1)
    locality = _clean(parts[0])
    remainder = parts[1] if len(parts) > 1 else ""
    street: str | None = None
    if locality:
        tail = _HOUSE_TAIL.match(locality)
        # "32-432 Pcim 638": a village without streets; the number belongs to the address.
        if tail:
            street = locality
            locality = _clean(tail.group("place"))
    if street is None and remainder.strip():
        nxt = re.split(r"[\n,]", remainder.strip(" ,\n"), maxsplit=1)
        first = _clean(nxt[0])
        if (
            first
            and any(ch.isdigit() for ch in first)
            and len(first.split()) <= 6
            and not _is_phone_text(first)
        ):
            street = first
            remainder = nxt[1] if len(nxt) > 1 else ""
    return locality, street, _clean(remainder.replace("\n", " "))


def split_name_cell(text: str) -> CellParts:
    """Split a cell holding a name and maybe an address, phones and remarks.

    "Dom Pomocy Społecznej W Zabłotach\\nZabłoty 19\\n97-425 Zelów" ->
    name "Dom Pomocy Społecznej W Zabłotach", street "Zabłoty 19", postal code "97-425",
    locality "Zelów". A leading operator line ("Gmina Borzęcin", "Miasto Kraków"), bracketed
    remarks ("/Caritas …/", "(dla mężczyzn)") and anything after the first address (branches)
    become notes. A cell that starts with its street has no name (name None).
    """
    notes: list[str] = []
    phones: list[str] = []
    body: list[str] = []
    for line in _cell_lines(text):
        if _is_phone_text(line):
            phones.extend(split_phones(line))
            continue
        if _BRACKETED.match(line):
            notes.append(line)
            continue
        trailing = _TRAILING_PHONE.search(line)
        if trailing and not _POSTAL.search(trailing.group(1)) and _is_phone_text(trailing.group(1)):
            phones.extend(split_phones(trailing.group(1)))
            line = line[: trailing.start()].strip()
        if line:
            body.append(line)
    if len(body) >= 2 and _OPERATOR_LINE.match(body[0]) and not _POSTAL.search(body[0]):
        notes.append(body.pop(0))
    joined = "\n".join(body)
    match = _POSTAL.search(joined)
    if match is None:
        name, street, leftover = _split_before_postal(joined, glued=False)
        notes.extend(leftover)
        return CellParts(name=name, street=street, phones=tuple(phones), notes=tuple(notes))
    name, street, leftover = _split_before_postal(joined[: match.start()], glued=True)
    notes.extend(leftover)
    locality, street_after, rest = _after_postal(joined[match.end() :])
    if street is None:
        street = street_after
    if rest:
        notes.append(rest)
    return CellParts(
        name=name,
        street=street,
        postal_code=normalise_space(match.group(0)),
        locality=locality,
        phones=tuple(phones),
        notes=tuple(notes),
    )


def _split_before_postal(text: str, *, glued: bool) -> tuple[str | None, str | None, list[str]]:
    """(name, street, leftover lines) from the part of a cell before its postal code."""
    text = text.strip(" ,;\n-–")
    if not text:
        return None, None, []
    marker = _STREET_MARKER.search(text)
    if marker is not None:
        name = _clean(text[: marker.start()].replace("\n", " "))
        street_lines = text[marker.start() :].split("\n")
        street = _clean(street_lines[0])
        leftover = [line for line in (_clean(x) for x in street_lines[1:]) if line]
        return name, street, leftover
    lines = text.split("\n")
    segments = [s for s in re.split(r"[\n,]", text) if s.strip()]
    if len(segments) >= 2 and any(ch.isdigit() for ch in segments[-1]):
        last = segments[-1]
        name = text[: text.rfind(last)]
        # "Powiatowy Ośrodek Wsparcia\nŚDS Zbyszyce 12": the unit's abbreviation opens the line.
        abbreviation = _LEADING_ABBREVIATION.match(last.strip())
        if abbreviation:
            name, last = f"{name} {abbreviation.group(1)}", abbreviation.group(2)
        return _clean(name.replace("\n", " ")), _clean(last), []
    if glued and len(lines) == 1:
        name, street = _split_glued_village(text)
        return name, street, []
    return _clean(text.replace("\n", " ")), None, []


def _split_glued_village(text: str) -> tuple[str | None, str | None]:
    """'DPS Sieradz Filia … chorych Rożdzały 7' -> ('DPS Sieradz Filia … chorych', 'Rożdzały 7').

    Only when the text ends in a house number preceded by a capitalised place name that is not
    governed by a preposition ("w Pniewie 91" stays whole: that is the name's own locative).
    A capitalised word before the place joins it ("ŚDS Mszana Górna 401") unless it is an
    abbreviation (ŚDS, DPS), a repeat of the place ("DPS Biskupice Biskupice 72") or an
    inflected word of the name ("… Psychicznie Chorych Karsznice 62").
    """
    words = text.split()
    end = len(words)
    if end >= 2 and re.fullmatch(r"[A-Za-z]", words[-1]) and _NUMBER_TOKEN.match(words[-2]):
        end -= 1  # "Żegocina 232 a"
    if end < 3 or not _NUMBER_TOKEN.match(words[end - 1]):
        return _clean(text), None
    place_start = end - 2
    place = words[place_start]
    if not place[:1].isupper() or place.endswith(_QUOTES) or not any(c.islower() for c in place):
        return _clean(text), None
    previous = words[place_start - 1] if place_start >= 1 else ""
    if (
        place_start >= 2
        and previous[:1].isupper()
        and any(c.islower() for c in previous)
        and not previous.endswith(_QUOTES)
        and previous != place
        and not fold_key(previous).endswith(_INFLECTED_ENDINGS)
    ):
        place_start -= 1
        previous = words[place_start - 1]
    if place_start < 1 or previous.lower().rstrip(".") in _PREPOSITIONS:
        return _clean(text), None
    return _clean(" ".join(words[:place_start])), _clean(" ".join(words[place_start:]))


_QUOTES: Final = ('"', "”", "'", "“")
# Endings of declined adjectives and adverbs that make up institution names, never the first
# word of a two-word village name.
_INFLECTED_ENDINGS: Final = ("ych", "ich", "ego", "emu", "ej", "ym", "im", "ami", "nie", "cie")
_LEADING_ABBREVIATION = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻ]{2,}\.?)\s+(\S.*\d.*)$")


# --------------------------------------------------------------------------------------------
# Rows -> institutions
# --------------------------------------------------------------------------------------------

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
_SINGLE_FIELDS: Final[tuple[Field, ...]] = (
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
class _Draft:
    """A row being assembled (mutable, local to one table parse)."""

    name: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)

    def put(self, name: str, value: str | None, label: str) -> None:
        """Set a single-valued field once; a second, different value goes to extra."""
        cleaned = _clean(value)
        if cleaned is None:
            return
        current = self.values.get(name)
        if current is None:
            self.values[name] = cleaned
        elif current != cleaned:
            self.extra.append((label, cleaned))


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
class _Context:
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


def parse_spreadsheet(document: Document) -> list[ParsedInstitution]:
    """Institution rows from an office spreadsheet (any sheet, any number of tables per sheet).

    Raises ExtractionError when the file cannot be read or no sheet has a recognisable header.
    """
    filename = document_filename(document)
    sheets = read_table(document.content, filename=filename)
    records: list[ParsedInstitution] = []
    found_header = False
    for sheet in sheets:
        try:
            headers = find_headers(sheet.rows)
        except ExtractionError as error:
            logger.warning("%s, sheet %r: skipped (%s)", filename, sheet.name, error)
            continue
        found_header = True
        for position, header in enumerate(headers):
            end = (
                headers[position + 1].first_row if position + 1 < len(headers) else len(sheet.rows)
            )
            spec = table_spec(header, sheet.rows[header.last_row + 1 : end])
            if spec is None:
                logger.warning(
                    "%s, sheet %r: the table at row %d has no name, address or type column; "
                    "skipped",
                    filename,
                    sheet.name,
                    header.first_row + 1,
                )
                continue
            where = f"{filename}, sheet {sheet.name!r}"
            records.extend(
                parse_rows(
                    sheet.rows,
                    spec,
                    start=header.last_row + 1,
                    end=end,
                    where=where,
                    section=_leading_section(sheet.rows, header),
                )
            )
    if not found_header:
        raise ExtractionError(
            f"{filename}: no sheet has a header row naming known columns "
            f"(sheets: {', '.join(s.name for s in sheets)})"
        )
    return records


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
        with_postal = sum(1 for cell in cells if _POSTAL.search(cell))
        if cells and with_postal * 2 >= len(cells):
            return TableSpec(header, streets[:1], combined_name=True, name_from_type=False)
    if header.columns_of("type"):
        # Senior+ lists: "Klub Senior+" in "Rodzaj ośrodka wsparcia" and an address, no name.
        return TableSpec(header, (), combined_name=False, name_from_type=True)
    return None


def header_from_labels(labels: Sequence[str], mapping: dict[str, Field], *, row: int = 0) -> Header:
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


def parse_rows(
    rows: Sequence[Sequence[str]],
    spec: TableSpec,
    *,
    start: int,
    end: int,
    where: str,
    section: str | None = None,
) -> list[ParsedInstitution]:
    """The institutions in rows[start:end] under `spec` (sections, sums and footers handled).

    Ragged rows (CSV): a row longer than the header whose surplus cells hold text is skipped
    with a warning (its columns are shifted, so any mapping would be a guess); a shorter row is
    kept, its missing trailing cells read as empty.
    """
    header = spec.header
    width = len(header.labels)
    drafts: list[_Draft] = []
    context = _apply_section(_Context(), section) if section else _Context()
    last_draft: _Draft | None = None  # the row a type-only continuation row belongs to
    for index in range(start, min(end, len(rows))):
        row = rows[index]
        where_row = f"{where}, row {index + 1}"
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            logger.warning(
                "%s: %d cells under a %d-column header; skipped", where_row, len(row), width
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
            context = _apply_section(context, values[0])
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
                logger.warning(
                    "%s: no name in this row; skipped (%s)", where_row, " | ".join(values)[:200]
                )
            last_draft = None
            continue
        _apply_context(draft, context)
        if last_draft is not None and _same_place(last_draft, draft):
            # The same home listed again for its next care type (merged or repeated name cell).
            _merge_into(last_draft, draft)
            continue
        drafts.append(draft)
        last_draft = draft
    return [_to_record(draft) for draft in drafts]


def _is_numbers_only(values: Sequence[str]) -> bool:
    """Sums and formula residue ("G+P | 3302 | 770"): nothing that could be a name."""
    return all(_NUMERIC.match(v.replace(" ", "")) or len(v) < 6 for v in values)


def _is_section_row(value: str, cells: Sequence[str], spec: TableSpec) -> bool:
    """One distinct text in the row: a section heading unless it is a bare name in the name
    column (a listing may legitimately hold rows with a name and nothing else)."""
    if _NUMERIC.match(value.replace(" ", "")):
        return False
    filled = [i for i, cell in enumerate(cells) if cell and not is_placeholder(cell)]
    if len(filled) > 1:
        return True  # a merged heading spread over several columns
    if not spec.name_columns or filled[0] not in spec.name_columns:
        return True
    key = fold_key(value)
    return key.startswith(("dla ", "powiat ", "gmina ")) or value.isupper()


_TITLE_WORDS = re.compile(r"\b(?:stan na|wg stanu|wedlug stanu|wykaz|rejestr|lista|\d{4})\b")


def _leading_section(rows: Sequence[Sequence[str]], header: Header) -> str | None:
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
    if _TITLE_WORDS.search(fold_key(text)) or _NUMERIC.match(text):
        return None
    return normalise_space(text)


def _apply_section(context: _Context, text: str) -> _Context:
    label = normalise_space(text)
    key = fold_key(label)
    if key.startswith("powiat "):
        return _Context(powiat=_clean(label.split(" ", 1)[1]), gmina=None, section=context.section)
    if _COUNTY_ADJECTIVE.match(key):
        return _Context(powiat=label, gmina=None, section=context.section)
    if key.startswith(("gmina ", "miasto i gmina ", "gmina i miasto ", "miasto ")):
        return _Context(powiat=context.powiat, gmina=label, section=context.section)
    return _Context(powiat=context.powiat, gmina=context.gmina, section=label)


def _apply_context(draft: _Draft, context: _Context) -> None:
    if context.powiat and "powiat" not in draft.values:
        draft.values["powiat"] = context.powiat
    if context.gmina and "gmina" not in draft.values:
        draft.values["gmina"] = context.gmina
    if context.section:
        if "type" not in draft.values:
            draft.values["type"] = context.section
        else:
            draft.extra.append(("sekcja", context.section))


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
    for bucket, values in (
        (target.phones, other.phones),
        (target.emails, other.emails),
        (target.websites, other.websites),
    ):
        bucket.extend(v for v in values if v not in bucket)
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
            draft.phones.extend(p for p in split_phones(raw) if p not in draft.phones)
        elif kind == "emails":
            found = split_emails(raw)
            if found:
                draft.emails.extend(e for e in found if e not in draft.emails)
            else:
                draft.extra.append((label, normalise_space(raw)))
        elif kind == "websites":
            draft.websites.extend(w for w in split_websites(raw) if w not in draft.websites)
        elif kind == "street" and _POSTAL.search(raw) and "postal_code" not in header.fields:
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
    return (not label or _NUMERIC.match(label) is not None) and bool(
        re.fullmatch(r"\d{1,4}\.?", value.strip())
    )


def _take_name(draft: _Draft, raw: str, label: str, *, combined: bool) -> None:
    if draft.name is not None:
        draft.extra.append((label, normalise_space(raw)))
        return
    needs_split = combined and (
        "\n" in raw
        or _WIDE_GAP.search(raw) is not None
        or _POSTAL.search(raw) is not None
        or _STREET_MARKER.search(raw) is not None
        or _TRAILING_PHONE.search(raw) is not None
    )
    if not needs_split:
        draft.name = _clean(raw)
        return
    parts = split_name_cell(raw)
    draft.name = parts.name
    draft.put("street", parts.street, label)
    draft.put("postal_code", parts.postal_code, label)
    draft.put("locality", parts.locality, label)
    draft.phones.extend(p for p in parts.phones if p not in draft.phones)
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
    v = draft.values
    return ParsedInstitution(
        name_raw=draft.name,
        role="row",
        type_raw=v.get("type"),
        street_raw=v.get("street"),
        postal_code_raw=v.get("postal_code"),
        locality_raw=v.get("locality"),
        gmina_raw=v.get("gmina"),
        powiat_raw=v.get("powiat"),
        voivodeship_raw=v.get("voivodeship"),
        phones_raw=tuple(draft.phones),
        emails_raw=tuple(draft.emails),
        websites_raw=tuple(draft.websites),
        nip_raw=v.get("nip"),
        regon_raw=v.get("regon"),
        krs_raw=v.get("krs"),
        rspo_raw=v.get("rspo"),
        teryt_raw=v.get("teryt"),
        opening_hours_raw=v.get("opening_hours"),
        description_raw=v.get("description"),
        extra=tuple(draft.extra),
    )
