"""The spreadsheet parser: every table of every sheet of an office spreadsheet.

`parse_spreadsheet` puts the four layers of this package together: reading the workbook
(`reading`), finding each table's header (`headers`), and mapping the rows under it
(`rows`, which splits cells with `cells`). A source may narrow it with two options
(`extractors.options`): `sheet`, the one sheet to read, and `header_row`, the row its header
starts on when detection would pick another.
"""

from __future__ import annotations

from extractors.context import ParseContext
from extractors.records import Document, ExtractionError, ParsedInstitution
from extractors.spreadsheets.headers import find_headers
from extractors.spreadsheets.reading import Sheet, document_filename, read_table
from extractors.spreadsheets.rows import leading_section, parse_rows, table_spec


def parse_spreadsheet(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Institution rows from an office spreadsheet (any sheet, any number of tables per sheet).

    Raises ExtractionError when the file cannot be read, the declared sheet is missing, or no
    sheet has a recognisable header.
    """
    context = context or ParseContext.standalone(document.url)
    filename = document_filename(document)
    sheets = read_table(document.content, filename=filename, context=context)
    sheets = _declared_sheets(sheets, filename, context)
    header_row = context.int_option("header_row")
    first_row = None if header_row is None else header_row - 1
    records: list[ParsedInstitution] = []
    found_header = False
    skipped: list[str] = []
    for sheet in sheets:
        where = f"{filename}, sheet {sheet.name!r}"
        try:
            headers = find_headers(sheet.rows, first_row)
        except ExtractionError as error:
            context.warn(f"skipped ({error})", record=where)
            skipped.append(f"{sheet.name}: {error}")
            continue
        found_header = True
        for position, header in enumerate(headers):
            end = (
                headers[position + 1].first_row if position + 1 < len(headers) else len(sheet.rows)
            )
            spec = table_spec(header, sheet.rows[header.last_row + 1 : end])
            if spec is None:
                context.warn(
                    f"the table at row {header.first_row + 1} has no name, address or type "
                    "column; skipped",
                    record=where,
                )
                continue
            records.extend(
                parse_rows(
                    sheet.rows,
                    spec,
                    start=header.last_row + 1,
                    end=end,
                    where=where,
                    context=context,
                    section=leading_section(sheet.rows, header),
                )
            )
    if not found_header and header_row is not None:
        raise ExtractionError(
            f"{filename}: no sheet has its header on the declared row {header_row} "
            f"({'; '.join(skipped)})"
        )
    if not found_header:
        raise ExtractionError(
            f"{filename}: no sheet has a header row naming known columns "
            f"(sheets: {', '.join(s.name for s in sheets)})"
        )
    return records


def _declared_sheets(sheets: list[Sheet], filename: str, context: ParseContext) -> list[Sheet]:
    """The sheet the source's `sheet` option names, or every sheet when it names none."""
    wanted = context.option("sheet")
    if wanted is None:
        return sheets
    chosen = [sheet for sheet in sheets if sheet.name == wanted]
    if not chosen:
        raise ExtractionError(
            f"{filename}: no sheet named {wanted!r} (sheets: {', '.join(s.name for s in sheets)})"
        )
    return chosen
