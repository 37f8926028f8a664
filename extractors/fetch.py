"""The one polite HTTP client every source uses: `Fetcher(policy, archive).fetch(url)`.

It connects only to public addresses, checked on every hop after name resolution and pinned
for the connection, unless allowed (extractors/address_guard.py).

Polite means: it says who it is (User-Agent on every request, robots.txt included), obeys
robots.txt, keeps consecutive requests to one host `delay_seconds` apart across all threads of the
process, retries only what may succeed later (5xx, 429, timeouts, broken connections) with
exponential backoff and `Retry-After`, never reads more than `max_bytes`, and revalidates with
ETag / Last-Modified against the archive so an unchanged page costs the server a 304.

It also decides how to decode text, through `extractors.charsets`: every Document records both
the charset a server or page declared and the one chosen.

Several Fetchers may run in parallel threads (one per source task); a single Fetcher may also be
shared between threads. Every wait goes through a `Clock` (the process's own unless one is given),
so a test can see the waits the fetcher decides on without sleeping through them.
"""

from __future__ import annotations

import http
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname
from urllib.robotparser import RobotFileParser

import requests
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError

from extractors.address_guard import (
    AddressRefused,
    allowed_networks,
    check_url,
    guarded_session,
    parse_networks,
)
from extractors.archive import Archive
from extractors.charsets import (
    detect_charset,
    guess_content_type,
    parse_content_type,
    sniff_declared_charset,
)
from extractors.clock import PROCESS_CLOCK, Clock
from extractors.records import Document

# HTTP header values must be ASCII (http.client encodes them as Latin-1 and refuses "ł"), hence
# "uslug" without its diacritic.
DEFAULT_USER_AGENT = "wsparcie/0.1 (+https://github.com/wsparcie/wsparcie; katalog uslug wsparcia)"

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_READ_CHUNK = 64 * 1024


# --------------------------------------------------------------------------------------------
# Policy and errors


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how patiently to fetch. Times are in seconds."""

    user_agent: str = DEFAULT_USER_AGENT
    delay_seconds: float = 1.0  # between consecutive requests to one host (start to start)
    timeout_seconds: float = 20.0  # connect timeout and per-read timeout
    max_bytes: int = 10 * 1024 * 1024  # of the (decompressed) body
    retries: int = 3  # extra attempts after the first, for retryable failures only
    backoff_seconds: float = 1.0  # wait before retry n is backoff * 2**(n-1)
    obey_robots: bool = True
    max_redirects: int = 5
    max_retry_after_seconds: float = 60.0  # a longer Retry-After means: give up, do not hammer
    max_crawl_delay_seconds: float = 60.0  # a robots.txt Crawl-delay is honoured up to this
    total_timeout_seconds: float = 120.0  # whole body download, against slow-drip servers
    # Internal addresses or networks the fetcher may reach after all ("127.0.0.1" for the
    # demo's server); WSPARCIE_FETCH_ALLOW adds more. See extractors/address_guard.py.
    allow_addresses: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A list when the policy comes back from JSON (a deployment's parameters).
        object.__setattr__(self, "allow_addresses", tuple(self.allow_addresses))
        parse_networks(self.allow_addresses, "FetchPolicy.allow_addresses")
        if not self.user_agent.strip():
            raise ValueError("FetchPolicy.user_agent must not be empty")
        if not self.user_agent.isascii():
            raise ValueError(f"FetchPolicy.user_agent must be ASCII: {self.user_agent!r}")
        for name in (
            "delay_seconds",
            "backoff_seconds",
            "max_retry_after_seconds",
            "max_crawl_delay_seconds",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchPolicy.{name} must be >= 0, got {getattr(self, name)}")
        for name in ("timeout_seconds", "total_timeout_seconds", "max_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchPolicy.{name} must be > 0, got {getattr(self, name)}")
        for name in ("retries", "max_redirects"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchPolicy.{name} must be >= 0, got {getattr(self, name)}")


class FetchError(Exception):
    """A URL could not be fetched; `str()` reads like "https://x/y: HTTP 404 Not Found"."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retryable: bool = False
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retryable = retryable  # True when trying again later may succeed

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments would otherwise be lost when the error crosses a process
        # boundary (Prefect pickles task exceptions).
        return (_rebuild_fetch_error, (self.url, self.reason, self.status, self.retryable))


def _rebuild_fetch_error(url: str, reason: str, status: int | None, retryable: bool) -> FetchError:
    return FetchError(url, reason, status=status, retryable=retryable)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), None if unusable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{(parts.hostname or '').lower()}:{port}"


def _http_url_problem(url: str) -> str | None:
    """Why `url` cannot be requested over HTTP, or None when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port like ":99999" or ":abc"
    except ValueError as exc:
        return f"malformed URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"unsupported URL scheme {parts.scheme!r} (http, https, file only)"
    if not parts.hostname:
        return "URL has no host"
    return None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


# --------------------------------------------------------------------------------------------
# Fetcher


@dataclass(frozen=True, slots=True)
class _Response:
    url: str
    status: int
    reason: str
    headers: Mapping[str, str]
    content: bytes = b""
    note: str | None = None  # why we stopped retrying, for the error message


@dataclass(frozen=True, slots=True)
class _Robots:
    parser: RobotFileParser | None = None  # None with no failure: everything allowed
    disallow_all: bool = False
    failure: str | None = None  # robots.txt unreachable: the host is off limits for now
    failure_status: int | None = None
    crawl_delay: float | None = None


@dataclass(frozen=True, slots=True)
class _Retry:
    problem: str
    wait: float = 0.0
    response: _Response | None = None  # the last response, for retryable statuses
    cause: BaseException | None = field(default=None, compare=False)


class _SlowBody(Exception):
    pass


def _status_text(status: int, reason: str | None = None) -> str:
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = reason or ""
    return f"HTTP {status} {phrase}".rstrip()


def _root_cause(exc: BaseException) -> BaseException:
    seen: set[int] = set()
    current = exc
    while id(current) not in seen:
        seen.add(id(current))
        inner = getattr(current, "reason", None)
        if not isinstance(inner, BaseException):
            inner = current.__cause__ or current.__context__
        if inner is None and current.args and isinstance(current.args[0], BaseException):
            inner = current.args[0]
        if not isinstance(inner, BaseException):
            break
        current = inner
    return current


class Fetcher:
    """Fetches http(s):// and file:// URLs into Documents, politely; see the module docstring."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        archive: Archive | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.policy = policy if policy is not None else FetchPolicy()
        self.archive = archive
        self.clock = clock if clock is not None else PROCESS_CLOCK
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._allowed = allowed_networks(self.policy.allow_addresses)

    # -- public -------------------------------------------------------------------------------

    def fetch(self, url: str) -> Document:
        """Fetch `url` (http, https or file), following redirects; raises FetchError."""
        if urlsplit(url).scheme.lower() == "file":
            document = self._fetch_file(url)
        else:
            problem = _http_url_problem(url)
            if problem is not None:
                raise FetchError(url, problem)
            document = self._fetch_http(url)
        if document.status == 200 and not document.content and not document.not_modified:
            # An empty 200 is a broken export or a misconfigured server, never a page with no
            # institutions: say so here rather than let a parser report "no name found".
            raise FetchError(url, "the response body is empty (0 bytes)")
        if self.archive is not None and document.status == 200 and not document.not_modified:
            self.archive.put(document)
        return document

    def close(self) -> None:
        """Close the HTTP sessions (connection pools) this Fetcher opened."""
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- http ---------------------------------------------------------------------------------

    def _fetch_http(self, url: str) -> Document:
        previous = self.archive.load_document(url) if self.archive is not None else None
        chain = [url]
        current = url

        def fail(reason: str, status: int | None = None, retryable: bool = False) -> FetchError:
            where = "" if current == url else f"after redirect to {current}: "
            return FetchError(url, where + reason, status=status, retryable=retryable)

        while True:
            try:  # before anything is sent, for a clear error; the connection checks again
                check_url(current, self._allowed)
            except AddressRefused as exc:
                raise fail(str(exc)) from exc
            if self.policy.obey_robots:
                self._check_robots(current, fail)
            headers: dict[str, str] = {}
            if previous is not None and current == previous.final_url:
                if previous.etag:
                    headers["If-None-Match"] = previous.etag
                if previous.last_modified:
                    headers["If-Modified-Since"] = previous.last_modified
            try:
                response = self._get(current, headers)
            except FetchError as exc:
                raise fail(exc.reason, exc.status, exc.retryable) from exc
            status = response.status

            if status in _REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    raise fail(f"{_status_text(status)} without a Location header", status)
                target = urljoin(current, location.strip())
                problem = _http_url_problem(target)
                if problem is not None:
                    raise fail(f"redirect to {target}: {problem}", status)
                if target in chain:
                    raise fail("redirect loop: " + " -> ".join([*chain, target]), status)
                if len(chain) > self.policy.max_redirects:
                    raise fail(f"more than {self.policy.max_redirects} redirects", status)
                chain.append(target)
                current = target
                continue

            if status == 304:
                if previous is None or not headers:
                    raise fail(f"{_status_text(status)} to an unconditional request", status)
                return replace(
                    previous,
                    url=url,
                    final_url=current,
                    status=304,
                    fetched_at=datetime.now(UTC),
                    etag=response.headers.get("ETag") or previous.etag,
                    last_modified=response.headers.get("Last-Modified") or previous.last_modified,
                    not_modified=True,
                )

            if 200 <= status < 300:
                media_type, header_charset = parse_content_type(
                    response.headers.get("Content-Type")
                )
                return self._document(
                    url,
                    current,
                    status,
                    response.content,
                    media_type or guess_content_type(urlsplit(current).path),
                    header_charset,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                )

            reason = _status_text(status, response.reason)
            if response.note:
                reason += f" ({response.note})"
            raise fail(reason, status, retryable=status == 429 or status >= 500)

    def _get(self, url: str, headers: Mapping[str, str]) -> _Response:
        """One GET without following redirects, retried on transient failures.

        Returns the final response even when it is a retryable status that exhausted the
        retries (the caller words the error); raises FetchError for transport failures.
        """
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            outcome = self._attempt(url, headers)
            if isinstance(outcome, _Response):
                return outcome
            if attempt + 1 == attempts:
                if outcome.response is not None:
                    return replace(outcome.response, note=f"after {attempts} attempts")
                raise FetchError(
                    url, f"{outcome.problem} (after {attempts} attempts)", retryable=True
                ) from outcome.cause
            self.clock.sleep(max(self.policy.backoff_seconds * 2**attempt, outcome.wait))
        raise AssertionError("unreachable: the loop returns or raises on its last attempt")

    def _attempt(self, url: str, headers: Mapping[str, str]) -> _Response | _Retry:
        self._wait_turn(url)
        timeout = self.policy.timeout_seconds
        try:
            response = self._session().get(
                url, headers=dict(headers), stream=True, timeout=timeout, allow_redirects=False
            )
        except AddressRefused as exc:
            raise FetchError(url, str(exc)) from exc
        except requests.exceptions.SSLError as exc:
            raise FetchError(url, f"TLS error: {_root_cause(exc)}") from exc
        except requests.Timeout as exc:
            return _Retry(f"timed out (limit {timeout:g} s)", cause=exc)
        except requests.ConnectionError as exc:
            return _Retry(f"connection failed ({type(_root_cause(exc)).__name__})", cause=exc)
        except requests.RequestException as exc:
            raise FetchError(url, f"request failed: {exc}") from exc

        try:
            status = response.status_code
            # A case-insensitive copy: servers behind HTTP/2 proxies send "location", "etag".
            headers = CaseInsensitiveDict(response.headers)
            summary = _Response(url, status, response.reason or "", headers)
            if status == 429 or status >= 500:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                cap = self.policy.max_retry_after_seconds
                if retry_after is not None and retry_after > cap:
                    # Retrying sooner than the server asked is exactly what a polite crawler
                    # must not do; give up and let the next run try again.
                    return replace(
                        summary, note=f"Retry-After {retry_after:g} s exceeds the {cap:g} s cap"
                    )
                return _Retry(_status_text(status), wait=retry_after or 0.0, response=summary)
            if not 200 <= status < 300:
                return summary
            try:
                return replace(summary, content=self._read_body(url, response))
            except (ReadTimeoutError, requests.Timeout) as exc:
                return _Retry(f"timed out reading the body (limit {timeout:g} s)", cause=exc)
            except _SlowBody as exc:
                return _Retry(
                    f"body took longer than {self.policy.total_timeout_seconds:g} s", cause=exc
                )
            except (ProtocolError, requests.ConnectionError) as exc:
                return _Retry(
                    f"connection broken while reading ({type(_root_cause(exc)).__name__})",
                    cause=exc,
                )
            except DecodeError as exc:
                raise FetchError(url, f"cannot decode the compressed body: {exc}") from exc
        finally:
            response.close()

    def _read_body(self, url: str, response: requests.Response) -> bytes:
        cap = self.policy.max_bytes
        length = response.headers.get("Content-Length", "").strip()
        if length.isdigit() and int(length) > cap:
            raise FetchError(
                url, f"response of {int(length)} bytes exceeds the {cap}-byte cap (Content-Length)"
            )
        deadline = self.clock.now() + self.policy.total_timeout_seconds
        body = bytearray()
        # read1 returns whatever has arrived, so the deadline is checked even against a server
        # that drips a byte at a time (each byte would reset a plain read timeout).
        while chunk := response.raw.read1(_READ_CHUNK, decode_content=True):
            body += chunk
            if len(body) > cap:
                raise FetchError(
                    url, f"response exceeds the {cap}-byte cap (aborted while reading)"
                )
            if self.clock.now() > deadline:
                raise _SlowBody()
        return bytes(body)

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = guarded_session(self._allowed)
            session.headers["User-Agent"] = self.policy.user_agent
            session.headers["Accept-Language"] = "pl,en;q=0.5"
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def _wait_turn(self, url: str) -> None:
        delay = self.policy.delay_seconds
        robots = self._robots.get(_origin(url))
        if robots is not None and robots.crawl_delay is not None:
            delay = max(delay, min(robots.crawl_delay, self.policy.max_crawl_delay_seconds))
        self.clock.wait_turn(_host_key(url), delay)

    # -- robots.txt ---------------------------------------------------------------------------

    def _check_robots(self, url: str, fail: Callable[..., FetchError]) -> None:
        robots = self._robots_for(url)
        if robots.failure is not None:
            raise fail(
                f"robots.txt unavailable ({robots.failure}); host treated as temporarily"
                " disallowed",
                robots.failure_status,
                True,
            )
        if robots.disallow_all or (
            robots.parser is not None and not robots.parser.can_fetch(self.policy.user_agent, url)
        ):
            raise fail("robots.txt disallows it")

    def _robots_for(self, url: str) -> _Robots:
        origin = _origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per origin, even when threads share this Fetcher
            robots = self._robots.get(origin)
            if robots is None:
                robots = self._load_robots(origin)
                self._robots[origin] = robots
        return robots

    def _load_robots(self, origin: str) -> _Robots:
        current = f"{origin}/robots.txt"
        seen = [current]
        response: _Response | None = None
        try:
            # RFC 9309: follow at least five redirects; beyond that, treat as unavailable (4xx).
            for _ in range(6):
                response = self._get(current, {})
                location = response.headers.get("Location")
                if response.status not in _REDIRECT_STATUSES or not location:
                    break
                current = urljoin(current, location.strip())
                if current in seen or _http_url_problem(current) is not None:
                    return _Robots()
                seen.append(current)
            else:
                return _Robots()
        except FetchError as exc:
            return _Robots(failure=exc.reason, failure_status=exc.status)
        assert response is not None
        status = response.status
        if 200 <= status < 300:
            parser = RobotFileParser(current)
            parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
            raw_delay = parser.crawl_delay(self.policy.user_agent)
            delay = float(raw_delay) if raw_delay is not None else None
            return _Robots(parser=parser, crawl_delay=delay)
        if status in (401, 403):
            # As Google does: a robots.txt behind authentication means the site wants no robots.
            return _Robots(disallow_all=True)
        if 400 <= status < 500 and status != 429:
            return _Robots()
        detail = _status_text(status, response.reason)
        if response.note:
            detail += f", {response.note}"
        return _Robots(failure=detail, failure_status=status)

    # -- files and documents ------------------------------------------------------------------

    def _fetch_file(self, url: str) -> Document:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise FetchError(url, f"file URL names a remote host {parts.netloc!r}")
        path = Path(url2pathname(parts.path))
        cap = self.policy.max_bytes
        try:
            if path.is_dir():
                raise FetchError(url, "is a directory, not a file")
            with path.open("rb") as handle:
                content = handle.read(cap + 1)
        except FileNotFoundError as exc:
            raise FetchError(url, "file not found") from exc
        except OSError as exc:
            raise FetchError(url, f"cannot read the file: {exc.strerror or exc}") from exc
        if len(content) > cap:
            raise FetchError(url, f"file exceeds the {cap}-byte cap")
        return self._document(url, url, 200, content, guess_content_type(path.name), None)

    def _document(
        self,
        url: str,
        final_url: str,
        status: int,
        content: bytes,
        content_type: str | None,
        header_charset: str | None,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        fetched_at: datetime | None = None,
    ) -> Document:
        """A response as a Document: its charset detected, and the charset the page declares
        (the header's, else its own <meta>) kept beside it."""
        charset = detect_charset(content, header_charset, content_type)
        declared = header_charset
        if declared is None and charset is not None:
            declared = sniff_declared_charset(content)
        return Document.from_bytes(
            url,
            content,
            final_url=final_url,
            status=status,
            content_type=content_type,
            declared_charset=declared,
            charset=charset,
            fetched_at=fetched_at,
            etag=etag,
            last_modified=last_modified,
        )
