"""The options a source declaration may give its parser (the `options:` mapping of its YAML).

A declaration names a shared parser; its options adapt that parser to one site without code.
Each option is declared here once, with the parsers that read it and what its value must be;
the catalogue checks every declaration against this table when it is loaded (an unknown option
or a bad value is a problem naming the file and the field), and the parser reads the value
through its `ParseContext` (`extractors.context`). `sources/README.md` lists them for source
authors.

| option | parsers | value | effect |
| --- | --- | --- | --- |
| sheet | spreadsheet | a sheet's name | read only that sheet (default: every sheet) |
| header_row | spreadsheet | row number, 1 = first | the table's header starts on that row, no detection |
| selector | directory_table | a CSS selector | read the tables or lists inside the matching elements |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

ValueKind = Literal["text", "row_number", "css_selector"]


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """One option: its name, the parsers that read it, and what its value must be."""

    name: str
    parsers: tuple[str, ...]
    kind: ValueKind
    help: str


OPTIONS: Final[tuple[OptionSpec, ...]] = (
    OptionSpec(
        "sheet",
        ("spreadsheet",),
        "text",
        "read only the sheet of this name (default: every sheet of the workbook)",
    ),
    OptionSpec(
        "header_row",
        ("spreadsheet",),
        "row_number",
        "the row (1 = the first) where the table's header starts; default: the row whose "
        "cells name the most known columns",
    ),
    OptionSpec(
        "selector",
        ("directory_table",),
        "css_selector",
        "a CSS selector of the elements holding the listing (default: the page's <main> or "
        "<body>); only their tables, or else their lists, are read",
    ),
)
_BY_NAME: Final = {spec.name: spec for spec in OPTIONS}


def option_spec(name: str) -> OptionSpec | None:
    """The declaration of option `name`, or None when there is no such option."""
    return _BY_NAME.get(name)


def options_of(parser: str) -> tuple[str, ...]:
    """The names of the options `parser` reads."""
    return tuple(spec.name for spec in OPTIONS if parser in spec.parsers)


def check_option(parser: str, name: str, value: object) -> str | None:
    """What is wrong with option `name: value` for a source read by `parser`, or None."""
    spec = _BY_NAME.get(name)
    if spec is None or parser not in spec.parsers:
        known = options_of(parser)
        takes = f"known: {', '.join(known)}" if known else "it takes no options"
        return f"parser '{parser}' has no option '{name}' ({takes})"
    if isinstance(value, dict | list) or value is None:
        return f"{value!r} must be a single value"
    text = str(value).strip()
    if not text:
        return "must not be empty"
    if spec.kind == "row_number" and (
        isinstance(value, bool) or not text.isdigit() or int(text) < 1
    ):
        return f"{value!r} must be a row number (1 = the first row)"
    if spec.kind == "css_selector":
        import soupsieve  # beautifulsoup's selector engine: the one the parser will use

        try:
            soupsieve.compile(text)
        except soupsieve.SelectorSyntaxError as error:
            return f"{text!r} is not a CSS selector ({str(error).splitlines()[0]})"
    return None
