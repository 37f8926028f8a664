"""What a parser knows besides its document: the source, its options, and where to report.

Every parser is called as `parse(document, context)`. The `ParseContext` says which source the
document belongs to (slug, county, kind), carries the source's declared `options` (checked
against `extractors.options` when the catalogue is loaded), and collects what the parser could
not map: `context.warn("no name in this row; skipped", record="wykaz.xlsx, sheet 'A', row 8")`.
Like zavod's issues log, the warnings of one run are kept: the extract stage hands them to the
load stage with the source's result, which writes them to the warehouse's `issues` table
(`wsparcie status` and the run report show them). Each warning is also logged, as before.

Parsers crash when a document's structure is not what they assume (`ExtractionError`, the
source fails and keeps its last good records) and warn when one record cannot be mapped.

A parser called on its own (a test, `wsparcie extract`) gets `ParseContext.standalone(url)`:
no source, no options, warnings collected and logged just the same.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from extractors.catalogue import Source
from extractors.options import option_spec
from extractors.records import ExtractionError

log = logging.getLogger("extractors")

Level = Literal["warning", "error"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing a run could not do with a source: a record skipped, a source failed."""

    level: Level  # warning: a record or a part of the document was skipped; error: the source
    message: str
    record: str | None = None  # which record or part of the document, as the parser names it
    url: str | None = None  # the document's address


@dataclass(slots=True)
class ParseContext:
    """The source a document belongs to, its options, and the issues found while parsing it."""

    url: str
    source: str | None = None  # slug; None for a parser called on its own
    county: str | None = None
    kind: str | None = None
    parser: str | None = None
    options: Mapping[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    # Whose page it is, as the declaration says: the name of last resort for a page that
    # never names its owner (an offer page), so that what it states has an institution.
    publisher: str | None = None

    @classmethod
    def for_source(cls, source: Source, url: str) -> ParseContext:
        """The context of a declared source whose document was fetched from `url`."""
        return cls(
            url=url,
            source=source.slug,
            county=source.county,
            kind=source.kind,
            parser=source.parser,
            options=dict(source.options),
            publisher=source.publisher if source.kind == "institution_page" else None,
        )

    @classmethod
    def standalone(cls, url: str, options: Mapping[str, str] | None = None) -> ParseContext:
        """The context of a document parsed outside any catalogue (a test, `wsparcie extract`)."""
        return cls(url=url, options=dict(options or {}))

    def warn(self, message: str, *, record: str | None = None) -> None:
        """Report a record (or part of the document) the parser skipped or could not map."""
        self.issues.append(Issue("warning", message, record, self.url))
        where = ": ".join(part for part in (self.source, record) if part)
        if where:
            log.warning("%s: %s", where, message)
        else:
            log.warning("%s", message)

    def option(self, name: str) -> str | None:
        """The declared value of option `name`, or None when the source does not set it."""
        self._check_known(name)
        return self.options.get(name)

    def int_option(self, name: str) -> int | None:
        """An option holding a whole number ≥ 1 (the catalogue has checked it)."""
        value = self.option(name)
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise ExtractionError(
                f"{self.source or self.url}: option {name}={value!r} is not a whole number ≥ 1"
            )
        return number

    def _check_known(self, name: str) -> None:
        # A parser reading an option no parser declares is a bug: the catalogue would never
        # let a source set it.
        if option_spec(name) is None:
            raise KeyError(f"option {name!r} is not declared in extractors.options")
