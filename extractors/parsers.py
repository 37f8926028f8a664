"""The parser registry: the names a source declaration may give in its `parser` field.

A family of similar sites (every BIP "Dane teleadresowe" page, every office spreadsheet) shares
one parser; a declaration only names it. The contract: a parser is called as
`parse(document, context)` and returns the institutions the document gives, every value as
written. The `ParseContext` (`extractors.context`) is the source (slug, county, kind), the
declared options the parser honours (`extractors.options`) and `warn()` for records it skips;
`ExtractionError` says the document is not what the parser reads. Parsers of one record per
page (`bip_dane`, `contact_page`) and `article` take no options and skip no record today; they
take the context all the same, so that every parser is called one way.
"""

from __future__ import annotations

from collections.abc import Callable

from extractors.articles import parse_article
from extractors.context import ParseContext
from extractors.directories import parse_directory
from extractors.html_pages import parse_bip_dane, parse_contact_page
from extractors.html_pages.text_page import parse_text_page
from extractors.records import Document, ParsedInstitution
from extractors.registries import (
    parse_courts_addresses,
    parse_courts_jurisdiction,
    parse_ops_list,
    parse_rspo,
    parse_sanepid,
)
from extractors.spreadsheets import parse_spreadsheet

Parser = Callable[[Document, ParseContext], list[ParsedInstitution]]

PARSERS: dict[str, Parser] = {
    "bip_dane": parse_bip_dane,
    "contact_page": parse_contact_page,
    "text_page": parse_text_page,
    "article": parse_article,
    "directory_table": parse_directory,
    "spreadsheet": parse_spreadsheet,
    "ops_list": parse_ops_list,
    "courts_addresses": parse_courts_addresses,
    "courts_jurisdiction": parse_courts_jurisdiction,
    "sanepid": parse_sanepid,
    "rspo": parse_rspo,
}


def parser_names() -> list[str]:
    """The names a declaration may give in `parser`, sorted."""
    return sorted(PARSERS)


def get_parser(name: str) -> Parser:
    """The parser of that name; KeyError naming the known ones otherwise."""
    try:
        return PARSERS[name]
    except KeyError:
        raise KeyError(f"unknown parser '{name}' (known: {', '.join(parser_names())})") from None
