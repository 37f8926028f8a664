"""A `kind: site` source: a bounded, polite crawl of one institution's website.

From the home page the crawl follows, breadth first, the links a person would follow to find
how to reach the institution and what it offers (`extractors.site_links`: "Kontakt", "Oferta",
"Formy pomocy", "Godziny pracy" …, read in priority order within each depth), and reads at most
the declaration's `max_pages` pages. It stays on the home page's host (and its `www.` twin,
same port); links to other hosts and to files (pdf, doc, jpg, zip …) are not followed. One
exception, bounded: the institution's BIP. The first link that names a BIP on another host is
followed to that one page, and from it to at most one page of the same BIP host that a
"Dane teleadresowe" / "Dane podstawowe" / "Kontakt" link leads to — two pages at most, both
within the site's page budget, nothing followed from them. Every request goes through the
`Fetcher`: robots.txt, the per-host delay, the size and time limits, retries, and a
conditional GET against the archive.

A page whose content is what the records of the last run came from (the same SHA-256 as last
time, typically after a 304) is **unchanged**: it is not parsed again, its earlier records stand
(the load stage keeps them), and only its links are read to go on crawling. A page that fails
now keeps its earlier records too. A site whose every page is unchanged is unchanged as a whole.

Each page read is parsed through detection and the page parsers (`parse_site_page`). The pages
of one site are one institution, the site's subject: named by the home page, else by a page a
contact link led to, else by any page, else (the naming page unchanged) by last run's name, else
by the declaration's `publisher`. A page whose own text never names its owner (an offer page)
gives a record of that subject with the page's text, so what it states has an institution;
every record keeps its page's address as its `url`.
"""

from __future__ import annotations

import heapq
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import Tag

from extractors.catalogue import Source
from extractors.context import Issue, ParseContext
from extractors.detect import Kind, detect_page
from extractors.fetch import Fetcher, FetchError
from extractors.html_pages.dom import attr_text, drop_noise, soup_of, text_lines
from extractors.parsers import get_parser
from extractors.records import Document, ExtractionError, ParsedInstitution
from extractors.site_links import LinkMatch, is_file_address, match_link, names_bip

log = logging.getLogger(__name__)

PageParser = Callable[[Document, ParseContext], list[ParsedInstitution]]

# The parsers tried on a site's page for each kind detection sees, best first. A site's own
# listing ("Przydatne adresy") names other institutions: not what the crawl reads a site for.
_PARSERS_FOR: dict[Kind, tuple[str, ...]] = {
    "bip_dane": ("bip_dane", "contact_page"),
    "contact_page": ("contact_page",),
    "article": ("article",),
    "directory": ("contact_page",),
    "spreadsheet": (),
    "not_institution": ("contact_page",),
}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_BUDGET_ROWS = 20  # links left unread for want of budget, listed in the report at most
MAX_TEXT_CHARS = 20_000  # a nameless page's text kept for what it states

Outcome = Literal[
    "read",  # fetched and parsed
    "unchanged",  # the content last night's records came from: not parsed, records kept
    "links_only",  # a BIP's first page, read for the link to its data page
    "robots",  # robots.txt disallows it (not fetched)
    "budget",  # not fetched: max_pages reached
    "failed",  # the fetch failed (its earlier records kept)
    "not_html",  # not a page (a file served without a telling address)
    "left_site",  # redirected to another host
    "duplicate",  # the same page as one read already, under another address
]


@dataclass(frozen=True, slots=True)
class PreviousPage:
    """A page as the last run left it: its content hash and the records it gave."""

    url: str  # as followed
    final_url: str
    sha256: str
    records: int


@dataclass(frozen=True, slots=True)
class SitePrevious:
    """What the warehouse remembers of a site's last crawl (`warehouse.site_pages`)."""

    pages: tuple[PreviousPage, ...] = ()
    subject_name: str | None = None

    def page(self, url: str) -> PreviousPage | None:
        return next((p for p in self.pages if p.url == url), None)


@dataclass(frozen=True, slots=True)
class PageVisit:
    """One page the crawl considered: why it went there and what came of it."""

    seq: int
    url: str
    depth: int
    reason: str
    outcome: Outcome
    final_url: str | None = None
    http_status: int | None = None
    sha256: str | None = None
    records: int | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class ReadPage:
    """A page parsed in this crawl, with the records it gives (the site's subject attached)."""

    document: Document
    records: tuple[ParsedInstitution, ...]


@dataclass(frozen=True, slots=True)
class SiteCrawl:
    """The outcome of one site's crawl; `failure` set when the home page could not be read."""

    pages: tuple[PageVisit, ...]
    read: tuple[ReadPage, ...] = ()
    fetched: tuple[Document, ...] = ()  # every page fetched, home first (the documents table)
    kept_urls: tuple[str, ...] = ()  # pages whose earlier records stand
    kept_records: int = 0
    subject: str | None = None
    issues: tuple[Issue, ...] = ()
    failure: str | None = None
    failure_status: int | None = None
    unchanged: bool = False

    @property
    def records(self) -> int:
        return sum(len(page.records) for page in self.read)


@dataclass(order=True, frozen=True, slots=True)
class _Link:
    depth: int
    priority: int
    order: int
    url: str = field(compare=False)
    reason: str = field(compare=False)
    purpose: str = field(compare=False)
    bip: str = field(compare=False, default="")  # "" on the site | "home" | "data" of its BIP


def parse_site_page(document: Document, context: ParseContext) -> list[ParsedInstitution]:
    """A site's page through detection and the page parsers; [] when none can name its owner
    (the crawl then attaches the page to the site's subject)."""
    detection = detect_page(document)
    for name in _PARSERS_FOR[detection.kind]:
        try:
            return get_parser(name)(document, context)
        except ExtractionError as exc:
            log.info("%s: %s: %s", context.source, name, exc)
    return []


def page_text(document: Document) -> str | None:
    """A page's own text, one block per line, without menus, header, footer and sidebars."""
    try:
        soup = soup_of(document)
    except ExtractionError:
        return None
    drop_noise(soup)
    for tag in soup.find_all(["header", "footer", "aside"]):
        if not tag.decomposed:
            tag.decompose()
    body = soup.body if soup.body is not None else soup
    text = "\n".join(text_lines(body))[:MAX_TEXT_CHARS]
    return text or None


def _site_key(url: str) -> str:
    """host:port with a leading `www.` dropped: a site and its www twin are one site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    return f"{host}:{port}"


_INDEX_FILE = re.compile(r"(?<=/)index\.(?:html?|php\d?|aspx?|jsp)$", re.IGNORECASE)


def _page_key(url: str) -> str:
    """A page's identity for "seen already": host without www., path (a folder's index file
    is the folder), query."""
    parts = urlsplit(url)
    path = _INDEX_FILE.sub("", parts.path or "/")
    return urlunsplit(("", _site_key(url), path, parts.query, ""))


def _base_path(url: str) -> str:
    path = urlsplit(url).path or "/"
    return path[: path.rfind("/") + 1]


def _links(document: Document) -> Iterator[tuple[str, str]]:
    """(absolute address without fragment, text a person reads) of each http(s) link."""
    try:
        soup = soup_of(document)
    except ExtractionError:
        return
    for anchor in soup.find_all("a", href=True):
        if not isinstance(anchor, Tag):
            continue
        href = attr_text(anchor, "href").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        url = urljoin(document.final_url, href)
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            continue
        alts = [attr_text(img, "alt") for img in anchor.find_all("img") if isinstance(img, Tag)]
        text = " ".join([anchor.get_text(" "), attr_text(anchor, "title"), *alts])
        yield urlunsplit(parts._replace(fragment="")), text


def _is_html(document: Document) -> bool:
    if document.content_type in _HTML_TYPES:
        return True
    if document.content_type is None:
        head = document.content[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html"))
    return False


def _why_failed(exc: FetchError) -> Outcome:
    # The fetcher words a robots.txt refusal this way (extractors/fetch.py, _check_robots).
    return "robots" if "robots.txt disallows it" in exc.reason else "failed"


class _Crawl:
    """The state of one site's crawl; `run()` does it."""

    def __init__(
        self, source: Source, fetcher: Fetcher, previous: SitePrevious, parse: PageParser
    ) -> None:
        self.source = source
        self.fetcher = fetcher
        self.previous = previous
        self.parse = parse
        self.site = _site_key(source.url)
        self.base_path = _base_path(source.url)
        self.frontier: list[_Link] = []
        self.queued: set[str] = set()
        self.seen_final: dict[str, str] = {}
        self.seen_content: dict[str, str] = {}
        self.visits: list[PageVisit] = []
        self.fetched: list[Document] = []
        self.parsed: list[tuple[int, _Link, Document, list[ParsedInstitution]]] = []
        self.kept: list[PreviousPage] = []
        self.issues: list[Issue] = []
        self.order = 0
        self.bip_followed = False
        self.budget_left = source.max_pages
        self.home_unchanged = False

    def visit(
        self,
        link: _Link,
        outcome: Outcome,
        document: Document | None = None,
        *,
        http_status: int | None = None,
        records: int | None = None,
        message: str | None = None,
    ) -> PageVisit:
        visit = PageVisit(
            seq=len(self.visits) + 1,
            url=link.url,
            depth=link.depth,
            reason=link.reason,
            outcome=outcome,
            final_url=document.final_url if document is not None else None,
            http_status=document.status if document is not None else http_status,
            sha256=document.sha256 if document is not None else None,
            records=records,
            message=message,
        )
        self.visits.append(visit)
        return visit

    def queue(
        self, url: str, depth: int, reason: str, purpose: str, priority: int, bip: str
    ) -> None:
        key = _page_key(url)
        if key in self.queued:
            return
        self.queued.add(key)
        self.order += 1
        heapq.heappush(self.frontier, _Link(depth, priority, self.order, url, reason, purpose, bip))

    def follow_links(self, link: _Link, document: Document) -> None:
        if link.bip == "data":
            return  # the BIP's data page is the end of that path
        for url, text in _links(document):
            if is_file_address(url):
                continue
            on_site = _site_key(url) == self.site
            if link.bip == "home":
                # From the BIP's first page, only its data page, on the BIP's own host.
                found = match_link(text, url)
                if (
                    _site_key(url) == _site_key(document.final_url)
                    and found is not None
                    and found.rule.purpose == "contact"
                ):
                    self.queue(url, link.depth + 1, f"BIP: {found.reason()}", "contact", 0, "data")
                    return
                continue
            if on_site:
                found = match_link(text, url, self.base_path)
                if found is not None:
                    self._queue_match(url, link.depth + 1, found)
            elif not self.bip_followed and names_bip(text, url):
                self.bip_followed = True
                found = match_link(text, url)
                direct = found is not None and found.rule.purpose == "contact"
                why = found.reason() if found is not None else 'link "BIP" (bip)'
                self.queue(
                    url,
                    link.depth + 1,
                    f"{why}, off the site",
                    "bip",
                    2,
                    "data" if direct else "home",
                )

    def _queue_match(self, url: str, depth: int, found: LinkMatch) -> None:
        self.queue(url, depth, found.reason(), found.rule.purpose, found.rule.priority, "")

    def run(self) -> SiteCrawl:
        self.queue(self.source.url, 0, "home page", "home", 0, "")
        while self.frontier:
            link = heapq.heappop(self.frontier)
            if self.budget_left <= 0:
                self._over_budget(link)
                continue
            failure = self.read(link)
            if failure is not None and link.depth == 0:
                return SiteCrawl(
                    tuple(self.visits),
                    issues=tuple(self.issues),
                    failure=failure[0],
                    failure_status=failure[1],
                )
        return self.finish()

    def _over_budget(self, link: _Link) -> None:
        listed = sum(v.outcome == "budget" for v in self.visits)
        if listed < MAX_BUDGET_ROWS:
            message = f"not read: max_pages {self.source.max_pages} reached"
            self.visit(link, "budget", message=message)

    def read(self, link: _Link) -> tuple[str, int | None] | None:
        """Fetch and handle one page; (message, HTTP status) when it could not be read."""
        try:
            document = self.fetcher.fetch(link.url)
        except FetchError as exc:
            outcome = _why_failed(exc)
            if outcome == "failed":
                self.budget_left -= 1
            kept = self._keep_after_failure(link)
            # The page's address is beside the message in every report: the reason is enough.
            message = exc.reason + (f"; its {kept.records} earlier record(s) kept" if kept else "")
            visit = self.visit(link, outcome, http_status=exc.status, message=message)
            if kept is not None:
                # The kept page's hash and records, for the next crawl to compare against.
                self.visits[-1] = replace(
                    visit, final_url=kept.final_url, sha256=kept.sha256, records=kept.records
                )
            if outcome == "failed":
                self.issues.append(Issue("warning", f"page not read: {exc}", url=link.url))
            return str(exc), exc.status
        self.budget_left -= 1
        self.fetched.append(document)
        final_key = _page_key(document.final_url)
        if link.bip == "" and _site_key(document.final_url) != self.site:
            self.visit(link, "left_site", document, message="redirected off the site")
            return None
        # The same page under another address (a redirect, "/" and "/start", a print copy).
        earlier = self.seen_final.get(final_key) or self.seen_content.get(document.sha256)
        if earlier is not None:
            self.visit(link, "duplicate", document, message=f"the same page as {earlier}")
            return None
        self.seen_final[final_key] = link.url
        self.seen_content[document.sha256] = link.url
        if not _is_html(document):
            message = f"{document.content_type or 'unknown content'} is not a page"
            self.visit(link, "not_html", document, message=message)
            return (f"the home page: {message}", document.status) if link.depth == 0 else None
        before = self.previous.page(link.url)
        if link.bip == "home":
            self.visit(link, "links_only", document, records=0)
        elif (
            before is not None
            and before.sha256 == document.sha256
            and before.final_url == document.final_url
        ):
            self.kept.append(before)
            self.home_unchanged = self.home_unchanged or link.depth == 0
            self.visit(link, "unchanged", document, records=before.records)
        else:
            context = ParseContext.for_source(self.source, document.final_url)
            records = self.parse(document, context)
            self.issues.extend(context.issues)
            visit = self.visit(link, "read", document)
            self.parsed.append((visit.seq, link, document, records))
        self.follow_links(link, document)
        return None

    def _keep_after_failure(self, link: _Link) -> PreviousPage | None:
        # A page that fails tonight keeps what it said last time: a broken page never wipes
        # what the site stated, as a failed source keeps its records.
        before = self.previous.page(link.url)
        if before is None or link.depth == 0:
            return None
        self.kept.append(before)
        return before

    def subject(self) -> tuple[str | None, str | None]:
        """The site's subject's name and the page that names it."""
        subjects = [
            (link, document, next((r for r in records if r.role == "subject"), None))
            for _seq, link, document, records in self.parsed
        ]
        named = [(link, doc, r) for link, doc, r in subjects if r is not None]
        for wanted in ("home", "contact"):
            for link, document, record in named:
                if link.purpose == wanted:
                    return record.name_raw, document.final_url
            if wanted == "home" and self.home_unchanged and self.previous.subject_name:
                return self.previous.subject_name, "the previous run"
        if named:
            _link, document, record = named[0]
            return record.name_raw, document.final_url
        if self.previous.subject_name:
            return self.previous.subject_name, "the previous run"
        if self.source.publisher:
            return self.source.publisher, "the declaration's publisher"
        return None, None

    def finish(self) -> SiteCrawl:
        name, named_by = self.subject()
        read: list[ReadPage] = []
        counts: dict[int, int] = {}
        nameless = 0
        for seq, _link, document, records in self.parsed:
            kept = [self._with_text(document, r) for r in records]
            if not any(r.role == "subject" for r in records):
                text = page_text(document)
                if name is not None and text:
                    kept.append(
                        ParsedInstitution(
                            name_raw=name,
                            role="subject",
                            description_raw=text,
                            extra=(("nazwa_z_witryny", named_by or ""),),
                        )
                    )
                elif text:
                    nameless += 1
            read.append(ReadPage(document, tuple(kept)))
            counts[seq] = len(kept)
        if nameless:
            self.issues.append(
                Issue(
                    "warning",
                    f"no page of the site names its owner: {nameless} page(s) without a name"
                    " give no record (declare a publisher)",
                    url=self.source.url,
                )
            )
        visits = [replace(v, records=counts[v.seq]) if v.seq in counts else v for v in self.visits]
        unchanged = self._unchanged(visits)
        return SiteCrawl(
            pages=tuple(visits),
            read=tuple(read),
            fetched=tuple(self.fetched),
            kept_urls=tuple(dict.fromkeys(p.final_url for p in self.kept)),
            kept_records=sum(p.records for p in self.kept),
            subject=name,
            issues=tuple(self.issues),
            unchanged=unchanged,
        )

    def _with_text(self, document: Document, record: ParsedInstitution) -> ParsedInstitution:
        # What a page of the subject says it offers is read from its text (the normalise
        # stage); a parser that kept none of it gets the page's own text.
        if record.role != "subject" or record.description_raw:
            return record
        return replace(record, description_raw=page_text(document))

    def _unchanged(self, visits: list[PageVisit]) -> bool:
        """Every page as last time: the same pages, each unchanged (or a BIP stepping stone
        with the same content), none failed."""
        if not self.previous.pages or any(
            v.outcome not in ("unchanged", "links_only", "budget", "robots") for v in visits
        ):
            return False
        now = {(v.url, v.sha256) for v in visits if v.outcome in ("unchanged", "links_only")}
        before = {(p.url, p.sha256) for p in self.previous.pages}
        return now == before


def crawl_site(
    source: Source,
    fetcher: Fetcher,
    previous: SitePrevious | None = None,
    parse: PageParser = parse_site_page,
) -> SiteCrawl:
    """Crawl one `kind: site` source (see the module docstring)."""
    if source.kind != "site":
        raise ValueError(f"{source.slug}: crawl_site reads `kind: site` sources, not {source.kind}")
    return _Crawl(source, fetcher, previous or SitePrevious(), parse).run()
