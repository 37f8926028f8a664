"""Fetched responses in a standard web archive (WARC), and fetching from saved material.

Writing: `WarcWriter(path).write(document)` (or `append_to_warc(path, document)`) appends one
gzip-compressed WARC `response` record per fetched document, with the HTTP status and the
headers the fetcher saw (Content-Type with the declared charset, ETag, Last-Modified). A
redirected fetch also gets a 302 record from the requested URL to the final one.
`RecordingFetcher(writer, policy, archive)` is a Fetcher that writes every fresh response too.

Reading: `ReplaySource(*paths)` answers "what was served at this URL?" from any mix of

- WARC files (`.warc`, `.warc.gz`) — files given directly or found under a folder;
- folders of saved pages: `<category>/<host>.html` (a host's home page, the layout of
  ../shared/data/html_fixtures) and `<host>/<path>` trees (`www.x.pl/kontakt/index.html`).

`ReplayFetcher(*paths)` has the API of `extractors.fetch.Fetcher` (`fetch(url) -> Document`,
`close()`, a context manager) and decides charsets with the same `detect_charset`, so a run
replays through the very fetch path the network run takes: `wsparcie run --replay PATH`.
A URL the material does not hold raises `FetchError`, as a dead link would.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urljoin, urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractors.archive import Archive
from extractors.charsets import detect_charset, guess_content_type, parse_content_type
from extractors.fetch import Fetcher, FetchError, FetchPolicy
from extractors.records import Document

_WARC_SUFFIXES = (".warc", ".warc.gz")
_INDEX_FILES = ("index.html", "index.htm", "index.php", "index")
_PAGE_SUFFIXES = (".html", ".htm")
_MAX_REDIRECTS = 5


class ReplayError(Exception):
    """The replay material itself is unusable (missing path, unreadable WARC); names it."""


# --- writing ----------------------------------------------------------------------------------


def _http_headers(document: Document) -> StatusAndHeaders:
    headers: list[tuple[str, str]] = []
    if document.content_type:
        value = document.content_type
        if document.declared_charset:
            value += f"; charset={document.declared_charset}"
        headers.append(("Content-Type", value))
    headers.append(("Content-Length", str(len(document.content))))
    if document.etag:
        headers.append(("ETag", document.etag))
    if document.last_modified:
        headers.append(("Last-Modified", document.last_modified))
    return StatusAndHeaders(f"{document.status} OK", headers, protocol="HTTP/1.1")


class WarcWriter:
    """Appends documents to one WARC file; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def write(self, document: Document) -> None:
        """Append `document` as a response record (plus a redirect record if it was one)."""
        date = document.fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("ab") as handle:
                writer = WARCWriter(handle, gzip=True)
                if document.final_url != document.url:
                    redirect = StatusAndHeaders(
                        "302 Found",
                        [("Location", document.final_url), ("Content-Length", "0")],
                        protocol="HTTP/1.1",
                    )
                    writer.write_record(
                        writer.create_warc_record(
                            document.url,
                            "response",
                            payload=io.BytesIO(b""),
                            http_headers=redirect,
                            warc_headers_dict={"WARC-Date": date},
                        )
                    )
                record = writer.create_warc_record(
                    document.final_url,
                    "response",
                    payload=io.BytesIO(document.content),
                    http_headers=_http_headers(document),
                    warc_headers_dict={"WARC-Date": date},
                )
                writer.write_record(record)

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


def append_to_warc(path: Path, document: Document) -> None:
    """Append one fetched document to the WARC file at `path` (created if missing)."""
    WarcWriter(path).write(document)


def write_warc(path: Path, entries: Iterable[tuple[str, Path]]) -> int:
    """A WARC holding each local file as the response served at its URL (for replaying
    registries saved by hand); returns the number of records written."""
    writer = WarcWriter(path)
    count = 0
    for url, file in entries:
        content = Path(file).read_bytes()
        content_type = guess_content_type(Path(file).name)
        charset = detect_charset(content, None, content_type)
        writer.write(
            Document.from_bytes(
                url,
                content,
                content_type=content_type,
                declared_charset=charset,
                charset=charset,
                fetched_at=datetime.fromtimestamp(Path(file).stat().st_mtime, UTC),
            )
        )
        count += 1
    return count


class RecordingFetcher(Fetcher):
    """A Fetcher that also appends every fresh 200 response it gets to a WARC."""

    def __init__(
        self, writer: WarcWriter, policy: FetchPolicy | None = None, archive: Archive | None = None
    ) -> None:
        super().__init__(policy, archive)
        self.writer = writer

    def fetch(self, url: str) -> Document:
        document = super().fetch(url)
        if document.status == 200 and not document.not_modified:
            self.writer.write(document)
        return document


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stored:
    """One saved response: where it came from and what was served."""

    url: str
    status: int
    content: bytes
    content_type: str | None  # without parameters
    header_charset: str | None
    location: str | None = None  # for a redirect
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    origin: str = ""  # the WARC or file it was read from, for messages


def _url_key(url: str) -> str:
    """URLs compared without scheme, fragment, `www.` and a trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path or "/").rstrip("/") or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def _looks_like_host(name: str) -> bool:
    return "." in name and " " not in name and not name.startswith(".")


class ReplaySource:
    """Saved responses from WARC files and folders of saved pages, looked up by URL."""

    def __init__(self, *paths: Path) -> None:
        if not paths:
            raise ReplayError("no replay material given (a WARC file or a folder of pages)")
        self.paths = tuple(Path(p) for p in paths)
        self._warc: dict[str, Stored] = {}
        self._home_pages: dict[str, Path] = {}  # host -> <category>/<host>.html
        self._trees: dict[str, Path] = {}  # host -> folder <host>/
        for path in self.paths:
            if not path.exists():
                raise ReplayError(f"replay material {path} does not exist")
            if path.is_file():
                self._load_warc(path)
                continue
            for warc in sorted(p for p in path.rglob("*") if p.name.endswith(_WARC_SUFFIXES)):
                self._load_warc(warc)
            self._index_folder(path)

    def _load_warc(self, path: Path) -> None:
        if not path.name.endswith(_WARC_SUFFIXES):
            raise ReplayError(f"{path}: not a WARC file (.warc or .warc.gz) nor a folder")
        try:
            with path.open("rb") as handle:
                for record in ArchiveIterator(handle):
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    if not url:
                        continue
                    headers = record.http_headers
                    content_type, charset = parse_content_type(headers.get_header("Content-Type"))
                    date = record.rec_headers.get_header("WARC-Date")
                    self._warc[_url_key(url)] = Stored(
                        url=url,
                        status=int(headers.get_statuscode() or 200),
                        content=record.content_stream().read(),
                        content_type=content_type,
                        header_charset=charset,
                        location=headers.get_header("Location"),
                        etag=headers.get_header("ETag"),
                        last_modified=headers.get_header("Last-Modified"),
                        fetched_at=_warc_date(date),
                        origin=str(path),
                    )
        except (ArchiveLoadFailed, OSError, ValueError) as exc:
            raise ReplayError(f"{path}: not a readable WARC file ({exc})") from exc

    def _index_folder(self, root: Path) -> None:
        for child in sorted(root.iterdir()):
            if child.is_dir() and _looks_like_host(child.name):
                self._trees.setdefault(child.name.lower().removeprefix("www."), child)
        for page in sorted(root.rglob("*")):
            if page.is_file() and page.suffix.lower() in _PAGE_SUFFIXES:
                host = page.name[: -len(page.suffix)].lower()
                if _looks_like_host(host):
                    self._home_pages.setdefault(host.removeprefix("www."), page)

    def urls(self) -> list[str]:
        """Every URL the WARC material holds (folder pages are found by host on demand)."""
        return sorted(stored.url for stored in self._warc.values())

    def lookup(self, url: str) -> Stored | None:
        """The saved response for `url`, or None when the material does not hold it."""
        key = _url_key(url)
        if key in self._warc:
            return self._warc[key]
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        path = unquote(parts.path or "/")
        file: Path | None = None
        tree = self._trees.get(host)
        if tree is not None:
            file = _file_in_tree(tree, path)
        if file is None and path.strip("/") == "" and not parts.query:
            file = self._home_pages.get(host)
        if file is None:
            return None
        return Stored(
            url=url,
            status=200,
            content=file.read_bytes(),
            content_type=guess_content_type(file.name),
            header_charset=None,
            fetched_at=datetime.fromtimestamp(file.stat().st_mtime, UTC),
            origin=str(file),
        )


def _file_in_tree(tree: Path, path: str) -> Path | None:
    relative = path.lstrip("/")
    candidate = (tree / relative).resolve()
    if not candidate.is_relative_to(tree.resolve()):
        return None  # "../" in a URL must not read outside the saved material
    if candidate.is_file():
        return candidate
    if candidate.is_dir() or not relative:
        for name in _INDEX_FILES:
            if (candidate / name).is_file():
                return candidate / name
    for suffix in _PAGE_SUFFIXES:
        with_suffix = candidate.with_name(candidate.name + suffix)
        if relative and with_suffix.is_file():
            return with_suffix
    return None


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None


class ReplayFetcher(Fetcher):
    """A `Fetcher` answered from a `ReplaySource` instead of the network (same API, same
    charset decisions, same size cap); it never opens a connection."""

    def __init__(self, *paths: Path, policy: FetchPolicy | None = None) -> None:
        super().__init__(policy, archive=None)
        self.source = ReplaySource(*paths)

    def fetch(self, url: str) -> Document:
        """The saved response for `url` as a Document; FetchError when it is not saved."""
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            stored = self.source.lookup(current)
            if stored is None:
                where = "" if current == url else f"after redirect to {current}: "
                places = ", ".join(str(p) for p in self.source.paths)
                raise FetchError(url, f"{where}not in the replay material ({places})", status=404)
            if stored.location and 300 <= stored.status < 400:
                current = urljoin(current, stored.location)
                continue
            return self._replayed(url, current, stored)
        raise FetchError(url, f"more than {_MAX_REDIRECTS} redirects in the replay material")

    def _replayed(self, url: str, final_url: str, stored: Stored) -> Document:
        cap = self.policy.max_bytes
        if len(stored.content) > cap:
            raise FetchError(url, f"body exceeds the {cap}-byte cap ({stored.origin})")
        if not stored.content and stored.status == 200:
            raise FetchError(url, f"the saved body is empty (0 bytes, {stored.origin})")
        if stored.status >= 400:
            raise FetchError(url, f"HTTP {stored.status} (replayed from {stored.origin})",
                             status=stored.status)  # fmt: skip
        return self._document(
            url,
            final_url,
            stored.status,
            stored.content,
            stored.content_type,
            stored.header_charset,
            etag=stored.etag,
            last_modified=stored.last_modified,
            fetched_at=stored.fetched_at,
        )
