"""The extract stage for one source: fetch its document, parse it, attach provenance.

Runs in parallel (one call per source, in threads) and never touches DuckDB: it returns a
`SourceResult` that the single writer loads. A source whose document has the same content hash
as the one extracted last time is not parsed again (status "unchanged").

The parser gets a `ParseContext` for the source; what it warns about, and the error that made
a source fail, travel in `SourceResult.issues` to the load stage, which keeps them in the
warehouse's `issues` table.

A `kind: site` source is crawled (`extractors.crawl`): its result carries every page's document,
what the crawl did with each page (`pages`, the run report's "site pages"), the records of the
pages read now (each with its page's address) and the pages whose earlier records stand
(`kept_urls`: unchanged, not parsed again). A site whose every page is unchanged is
"unchanged" as a whole.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from extractors.catalogue import Source
from extractors.context import Issue, ParseContext
from extractors.crawl import PageVisit, SitePrevious, crawl_site
from extractors.fetch import Fetcher, FetchError
from extractors.mention_records import add_page_mentions
from extractors.parsers import get_parser
from extractors.records import (
    Document,
    ExtractionError,
    ParsedInstitution,
    RawInstitution,
    make_record_id,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the warehouse keeps about a fetched document (the bytes stay in the archive)."""

    sha256: str
    url: str
    final_url: str
    status: int
    content_type: str | None
    declared_charset: str | None
    charset: str | None
    bytes: int
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    not_modified: bool

    @classmethod
    def of(cls, document: Document) -> DocumentInfo:
        return cls(
            sha256=document.sha256,
            url=document.url,
            final_url=document.final_url,
            status=document.status,
            content_type=document.content_type,
            declared_charset=document.declared_charset,
            charset=document.charset,
            bytes=len(document.content),
            etag=document.etag,
            last_modified=document.last_modified,
            fetched_at=document.fetched_at,
            not_modified=document.not_modified,
        )


@dataclass(frozen=True, slots=True)
class SourceResult:
    """The outcome of fetching and parsing one source in one run."""

    source: str
    status: str  # extracted | unchanged | failed
    started_at: datetime
    duration_s: float
    document: DocumentInfo | None = None
    records: tuple[RawInstitution, ...] = ()
    message: str | None = None
    http_status: int | None = None
    issues: tuple[Issue, ...] = ()  # the parser's warnings, and the error if it failed
    # kind site: every page's document (`document` is the home page's), what the crawl did
    # with each page, and the pages whose earlier records stand, with how many they are.
    documents: tuple[DocumentInfo, ...] = ()
    pages: tuple[PageVisit, ...] = ()
    kept_urls: tuple[str, ...] = ()
    kept_records: int = 0


def declared_count(source: Source, records: Sequence[RawInstitution]) -> int:
    """How many of a source's records its min/max assertions count: what the source is
    declared for — an article's mentions, a page's or a listing's own records — not the other
    institutions a page names besides (`extractors.mention_records`)."""
    if source.kind == "article":
        return len(records)
    return sum(1 for record in records if record.parsed.role != "mention")


def extract_source(
    source: Source,
    fetcher: Fetcher,
    previous_sha256: str | None,
    previous_site: SitePrevious | None = None,
) -> SourceResult:
    """Fetch and parse one source; every failure becomes a result naming the source and cause."""
    if source.kind == "site":
        return extract_site(source, fetcher, previous_site)
    started_at = datetime.now(UTC)
    clock = time.monotonic()

    def result(status: str, **fields: object) -> SourceResult:
        return SourceResult(
            source=source.slug,
            status=status,
            started_at=started_at,
            duration_s=round(time.monotonic() - clock, 3),
            **fields,  # type: ignore[arg-type]
        )

    try:
        document = fetcher.fetch(source.url)
    except FetchError as exc:
        log.warning("%s: fetch failed: %s", source.slug, exc)
        message = f"fetch: {exc}"
        return result(
            "failed",
            message=message,
            http_status=exc.status,
            issues=(Issue("error", message, url=source.url),),
        )
    info = DocumentInfo.of(document)
    if previous_sha256 is not None and document.sha256 == previous_sha256:
        return result("unchanged", document=info, http_status=document.status)
    context = ParseContext.for_source(source, document.final_url)
    failure: str | None = None
    parsed: list[ParsedInstitution] = []
    try:
        parsed = add_page_mentions(
            document, get_parser(source.parser)(document, context), source.parser
        )
    except ExtractionError as exc:
        log.warning("%s: %s", source.slug, exc)
        failure = f"parse: {exc}"
    except Exception as exc:  # a parser bug must not stop the other sources
        log.exception("%s: parser %s crashed", source.slug, source.parser)
        failure = f"parse: {source.parser} crashed: {type(exc).__name__}: {exc}"
    if failure is not None:
        return result(
            "failed",
            document=info,
            message=failure,
            http_status=document.status,
            issues=(*context.issues, Issue("error", failure, url=document.final_url)),
        )
    records = tuple(
        RawInstitution(
            source=source.slug,
            record_id=make_record_id(source.slug, item),
            url=document.final_url,
            fetched_at=document.fetched_at,
            document_sha256=document.sha256,
            parsed=item,
        )
        for item in parsed
    )
    return result(
        "extracted",
        document=info,
        records=records,
        http_status=document.status,
        issues=tuple(context.issues),
    )


def site_record_id(source: Source, url: str, parsed: ParsedInstitution) -> str:
    """A site's record id: its source, its page and its raw key fields. Several pages of a
    site describe its one subject: the page keeps each page's record apart. A page on the
    site's own host is named by its path alone, so the id stays when the site moves to https
    or another address (the demo's server takes a new port every run)."""
    home, page = urlsplit(source.url), urlsplit(url)
    same_origin = (home.hostname or "").removeprefix("www.") == (page.hostname or "").removeprefix(
        "www."
    ) and home.port == page.port
    where = urlunsplit(("", "", page.path, page.query, "")) if same_origin else url
    return make_record_id(f"{source.slug}\x1f{where}", parsed)


def extract_site(
    source: Source, fetcher: Fetcher, previous: SitePrevious | None = None
) -> SourceResult:
    """Crawl one `kind: site` source (extractors.crawl) into a result the load stage reads."""
    started_at = datetime.now(UTC)
    clock = time.monotonic()

    def result(status: str, **fields: object) -> SourceResult:
        return SourceResult(
            source=source.slug,
            status=status,
            started_at=started_at,
            duration_s=round(time.monotonic() - clock, 3),
            **fields,  # type: ignore[arg-type]
        )

    try:
        crawl = crawl_site(source, fetcher, previous)
    except Exception as exc:  # a crawler or parser bug must not stop the other sources
        log.exception("%s: the site crawl crashed", source.slug)
        message = f"crawl crashed: {type(exc).__name__}: {exc}"
        return result("failed", message=message, issues=(Issue("error", message, url=source.url),))
    documents = tuple(DocumentInfo.of(d) for d in crawl.fetched)
    pages = {
        "document": documents[0] if documents else None,
        "documents": documents,
        "pages": crawl.pages,
        "http_status": crawl.pages[0].http_status if crawl.pages else None,
    }
    if crawl.failure is not None:
        message = f"home page: {crawl.failure}"
        log.warning("%s: %s", source.slug, message)
        issues = (*crawl.issues, Issue("error", message, url=source.url))
        return result("failed", message=message, issues=issues, **pages)
    if crawl.unchanged:
        return result("unchanged", issues=crawl.issues, **pages)
    records = tuple(
        RawInstitution(
            source=source.slug,
            record_id=site_record_id(source, page.document.final_url, item),
            url=page.document.final_url,
            fetched_at=page.document.fetched_at,
            document_sha256=page.document.sha256,
            parsed=item,
        )
        for page in crawl.read
        for item in page.records
    )
    return result(
        "extracted",
        records=records,
        issues=crawl.issues,
        kept_urls=crawl.kept_urls,
        kept_records=crawl.kept_records,
        **pages,
    )
