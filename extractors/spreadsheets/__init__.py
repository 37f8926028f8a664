"""Office spreadsheets (xlsx, xls, ods, csv) into institution rows, in four layers:

- `reading`: bytes → `Sheet`s of cell text, whatever the real format (`read_table`);
- `headers`: where each table's header is, several header rows and merged cells included, and
  which field each column holds (`find_header`, `find_headers`, `header_from_labels`);
- `cells`: splitting cells that hold several things (`split_name_cell`, `split_address_cell`,
  `split_phones`, …);
- `rows`: the rows under a header → `ParsedInstitution`s (`parse_rows`, `table_spec`), through
  the record builder of `extractors.fields`;

and `parse`, the parser a source declaration names (`parse_spreadsheet`). Directory tables
(`extractors.directories`) and registries (`extractors.registries`) use the same layers.
"""

from extractors.spreadsheets.cells import (
    CellParts,
    split_address_cell,
    split_emails,
    split_name_cell,
    split_phones,
    split_websites,
)
from extractors.spreadsheets.headers import Header, find_header, find_headers, header_from_labels
from extractors.spreadsheets.parse import parse_spreadsheet
from extractors.spreadsheets.reading import Sheet, document_filename, read_table
from extractors.spreadsheets.rows import TableSpec, is_placeholder, parse_rows, table_spec

__all__ = [
    "CellParts",
    "Header",
    "Sheet",
    "TableSpec",
    "document_filename",
    "find_header",
    "find_headers",
    "header_from_labels",
    "is_placeholder",
    "parse_rows",
    "parse_spreadsheet",
    "read_table",
    "split_address_cell",
    "split_emails",
    "split_name_cell",
    "split_phones",
    "split_websites",
    "table_spec",
]
