"""Directory pages: HTML tables and lists of institutions, one record per row or item.

Tables go through the same header detection and column synonyms as office spreadsheets (a
table on a county website is a spreadsheet pasted into HTML). Lists (`<ul>`/`<ol>` of
addresses) give one record per item whose first bold or linked text is the name, with the
contact details found in the rest of the item.

By default the page's `<main>` (else its `<body>`) is read; a source whose listing sits among
other tables can name the elements that hold it with the `selector` option (a CSS selector,
`extractors.options`).
"""

from __future__ import annotations

import logging

from bs4 import BeautifulSoup, Tag

from extractors.contacts import (
    find_address,
    find_emails,
    find_krs,
    find_nip,
    find_phones,
    find_regon,
    find_websites,
)
from extractors.context import ParseContext
from extractors.records import Document, ExtractionError, ParsedInstitution
from extractors.spreadsheets import find_headers, parse_rows, table_spec
from transforms.text import normalise_space

log = logging.getLogger(__name__)

_NOISE = ("script", "style", "nav", "header", "footer", "noscript", "form")


def _cell_text(cell: Tag) -> str:
    """A cell's text with <br> and block boundaries kept as line breaks (multi-line cells)."""
    for br in cell.find_all("br"):
        br.replace_with("\n")
    lines = [normalise_space(line) for line in cell.get_text("\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _table_rows(table: Tag) -> list[list[str]]:
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a nested table's rows belong to it
        row: list[str] = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            text = _cell_text(cell)
            colspan = str(cell.get("colspan") or "1")
            span = int(colspan) if colspan.isdigit() else 1
            row.extend([text] * max(1, min(span, 20)))
        if any(row):
            rows.append(row)
    return rows


def _records_from_table(table: Tag, where: str, context: ParseContext) -> list[ParsedInstitution]:
    rows = _table_rows(table)
    if len(rows) < 2:
        return []
    try:
        headers = find_headers(rows)
    except ExtractionError:
        return []
    records: list[ParsedInstitution] = []
    for position, header in enumerate(headers):
        end = headers[position + 1].first_row if position + 1 < len(headers) else len(rows)
        spec = table_spec(header, rows[header.last_row + 1 : end])
        if spec is not None:
            records.extend(
                parse_rows(
                    rows, spec, start=header.last_row + 1, end=end, where=where, context=context
                )
            )
    return records


def _name_of_item(item: Tag) -> str | None:
    for tag in item.find_all(["strong", "b", "h2", "h3", "h4", "a"]):
        text = normalise_space(tag.get_text(" "))
        if len(text) >= 5 and "@" not in text and not text.lower().startswith(("http", "www")):
            return text
    return None


def _record_from_item(item: Tag) -> ParsedInstitution | None:
    name = _name_of_item(item)
    if name is None:
        return None
    text = _cell_text(item)
    rest = text.split(name, 1)[-1]
    address = find_address(rest)
    return ParsedInstitution(
        name_raw=name,
        role="row",
        street_raw=address[0] if address else None,
        postal_code_raw=address[1] if address else None,
        locality_raw=address[2] if address else None,
        phones_raw=tuple(find_phones(rest)),
        emails_raw=tuple(find_emails(item)),
        websites_raw=tuple(find_websites(item)),
        nip_raw=next(iter(find_nip(rest)), None),
        regon_raw=next(iter(find_regon(rest)), None),
        krs_raw=next(iter(find_krs(rest)), None),
    )


def _records_from_lists(roots: list[Tag]) -> list[ParsedInstitution]:
    """Items of lists where most items look like an address card (a name and contact data)."""
    records: list[ParsedInstitution] = []
    for listing in _within(roots, ["ul", "ol"]):
        items = [li for li in listing.find_all("li", recursive=False)]
        cards = [r for r in map(_record_from_item, items) if r is not None]
        with_contact = [r for r in cards if r.postal_code_raw or r.phones_raw or r.emails_raw]
        if len(items) >= 2 and len(with_contact) * 2 >= len(items):
            records.extend(with_contact)
    return records


def _within(roots: list[Tag], names: list[str]) -> list[Tag]:
    """The `names` elements inside `roots`, in page order, each once (roots may nest)."""
    found: dict[int, Tag] = {}
    for root in roots:
        for tag in root.find_all(names):
            found.setdefault(id(tag), tag)
    return list(found.values())


def _roots(soup: BeautifulSoup, document: Document, context: ParseContext) -> list[Tag]:
    selector = context.option("selector")
    if selector is None:
        root = soup.find("main") or soup.body or soup
        assert isinstance(root, Tag)
        return [root]
    chosen = [tag for tag in soup.select(selector) if isinstance(tag, Tag)]
    if not chosen:
        raise ExtractionError(f"{document.url}: the selector {selector!r} matches nothing")
    return chosen


def parse_directory(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Every institution listed in the page's tables, or else in its address lists."""
    context = context or ParseContext.standalone(document.url)
    soup = BeautifulSoup(document.text, "lxml")
    for tag in soup.find_all(_NOISE):
        tag.decompose()
    roots = _roots(soup, document, context)
    records: list[ParsedInstitution] = []
    for index, table in enumerate(_within(roots, ["table"])):
        where = f"{document.url}, table {index + 1}"
        records.extend(_records_from_table(table, where, context))
    if not records:
        records = _records_from_lists(roots)
    if not records:
        raise ExtractionError(
            f"{document.url}: no table with a header of known columns and no list of addresses"
        )
    return records
