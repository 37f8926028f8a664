"""Reading office spreadsheets: bytes → `Sheet`s of cell text (the first layer of
`extractors.spreadsheets`).

`read_table` reads xlsx, xls, ods and csv, the format detected from the bytes, not the file
name: Polish offices publish xls files named .xlsx. Merged cells carry their value into every
cell of the range, whole-number floats lose their ".0", dates are ISO. CSV text is decoded
whatever its code page (UTF-8, UTF-16 with a BOM, windows-1250, ISO-8859-2) and its delimiter
sniffed. Anything that is no table (HTML, PDF, an encrypted, corrupt or oversized workbook, a
zip bomb) is refused with an `ExtractionError` naming the file.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import PurePosixPath
from typing import Any, Final
from urllib.parse import unquote, urlparse

from extractors.context import ParseContext
from extractors.records import Document, ExtractionError

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


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet (or the whole CSV) as cell text; rows keep their positions."""

    name: str
    rows: tuple[tuple[str, ...], ...]


def read_table(
    content: bytes, *, filename: str | None = None, context: ParseContext | None = None
) -> list[Sheet]:
    """Every sheet of an xlsx/xls/ods/csv file as text, the format detected from the bytes.

    A workbook whose name says another format than its bytes is read by its bytes, with a
    warning to `context` (the log when there is none). Raises ExtractionError naming the file
    when it is empty, not a table at all (HTML, PDF, a zip that is no workbook, text named
    .xlsx), encrypted, corrupt, truncated or a zip bomb.
    """
    label = filename or "<bytes>"
    context = context or ParseContext.standalone(label)
    try:
        return _read_table(content, label, filename, context)
    except ExtractionError as error:
        raise ExtractionError(f"{label}: {error}") from error.__cause__


def _read_table(
    content: bytes, label: str, filename: str | None, context: ParseContext
) -> list[Sheet]:
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
        context.warn(
            f"named {extension} but the content is {kind}; reading it as {kind}", record=label
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
