"""What many test modules need, in one place: where the repository and the shared data are, one
way to build a `Document` for a parser, and one HTTP server on 127.0.0.1 whose routes misbehave on
purpose (with the small route builders that make it misbehave).

`tests/` is on `sys.path` when pytest runs, so a test module imports this as `helpers`.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb

from extractors.contacts import find_phone_entries
from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.records import Document
from transforms.normalise import RawRow
from warehouse.gazetteer import GazetteerCounts

REPO = Path(__file__).resolve().parents[1]
# Test modules import the benchmarks' scoring code as `benchmarks.<module>`. The repository root
# is put on the path here, once, because conftest imports this module before any test module
# is collected: otherwise such an import works only when another module on the same worker
# happened to put it there first. Appended, so that installed packages keep their precedence.
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"

# Every collected test's markers by node id (conftest.py fills it), so that a helper can check that
# the test calling it is marked for what the helper does.
MARKERS: dict[str, frozenset[str]] = {}

# One fixed fetch time for every test document: nothing a test asserts may depend on the clock.
FETCHED_AT = datetime(2025, 1, 1, tzinfo=UTC)


def make_document(
    url: str,
    content: bytes,
    *,
    content_type: str | None = None,
    charset: str | None = None,
    declared_charset: str | None = None,
    final_url: str | None = None,
    status: int = 200,
    fetched_at: datetime = FETCHED_AT,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Document:
    """A page or file as the fetcher hands it to a parser, built from bytes in hand.

    The fields a test leaves out are what `Document.from_bytes` makes of them (no content type,
    no charset: a parser then guesses, as it does for a `file://` URL), except the fetch time,
    which is `FETCHED_AT`.
    """
    return Document.from_bytes(
        url,
        content,
        content_type=content_type,
        charset=charset,
        declared_charset=declared_charset,
        final_url=final_url,
        status=status,
        fetched_at=fetched_at,
        etag=etag,
        last_modified=last_modified,
    )


def require_marker(marker: str, doing: str) -> None:
    """Fail the running test if it does something slow (`doing`) without carrying `marker`:
    `pytest -m "not slow"` must not start it. Outside pytest, or for a test pytest did not
    collect itself, there is nothing to check."""
    running = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]
    markers = MARKERS.get(running)
    if markers is not None and marker not in markers:
        raise AssertionError(
            f"{running} {doing} but is not marked `{marker}`: use the fixture that gives the"
            " marker, or list the test in SLOW_TESTS (tests/conftest.py)"
        )


@dataclass(frozen=True, slots=True)
class NationalGazetteer:
    """The national gazetteer loaded into a DuckDB file once per session (the conftest fixture
    `national_gazetteer`): read it, never write to it."""

    con: duckdb.DuckDBPyConnection
    counts: GazetteerCounts


# --- the loopback server ---------------------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler], None]


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1, as real servers speak it: connections are kept alive between requests unless a
    # route closes them (`stream`, `reset`).
    protocol_version = "HTTP/1.1"
    server: LoopbackServer

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = self.path.split("?", 1)[0]
        self.server.record(path)
        route = self.server.routes.get(path, self.server.default)
        if route is None:
            reply(self, b"not here", status=404, content_type="text/plain")
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a slow route, as it should

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class LoopbackServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 (a free port) serving `routes` by path, `default` for any
    other path (404 without one). It records the path of every request in arrival order."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, routes: Mapping[str, Route], default: Route | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = dict(routes)
        self.default = default
        self.requests: list[str] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def hits(self, path: str) -> int:
        """How many requests for `path` have arrived so far."""
        with self._lock:
            return self.requests.count(path)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on a slow or broken route is what the tests are about


@contextmanager
def loopback_server(
    routes: Mapping[str, Route], default: Route | None = None
) -> Iterator[LoopbackServer]:
    """A `LoopbackServer` serving in a background thread until the block ends."""
    server = LoopbackServer(routes, default)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# --- routes ----------------------------------------------------------------------------------


def reply(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: Mapping[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def serve_bytes(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    return lambda h: reply(h, body, content_type=content_type)


def serve_file(path: Path, content_type: str) -> Route:
    return serve_bytes(path.read_bytes(), content_type)


def status(code: int, headers: Mapping[str, str] | None = None) -> Route:
    return lambda h: reply(h, b"error page", status=code, headers=headers)


def fail_first(times: int, failure: Route, then: Route) -> Route:
    """`failure` for the first `times` requests, `then` afterwards."""
    seen = [0]
    lock = threading.Lock()

    def route(h: BaseHTTPRequestHandler) -> None:
        with lock:
            seen[0] += 1
            first = seen[0] <= times
        (failure if first else then)(h)

    return route


def sleep_then(seconds: float, then: Route) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        then(h)

    return route


def drip(total_bytes: int = 2000, every: float = 0.05) -> Route:
    """Headers at once, then a byte at a time: each read succeeds, the whole never arrives."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(total_bytes))
        h.end_headers()
        for _ in range(total_bytes):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(every)

    return route


def reset(h: BaseHTTPRequestHandler) -> None:
    # SO_LINGER 0 turns close() into a TCP reset.
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def redirect(location: str) -> Route:
    return lambda h: reply(h, b"", status=302, headers={"Location": location})


def stream(size: int, chunk: int = 256 * 1024) -> Route:
    """A body of `size` bytes with no Content-Length (ends when the connection closes)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Connection", "close")
        h.end_headers()
        sent = 0
        while sent < size:
            h.wfile.write(b"<p>x</p>" * (chunk // 8))
            sent += chunk
        h.close_connection = True

    return route


def raw_row(name: str, **fields: object) -> RawRow:
    """A raw record as a parser leaves it: the name and the fields given, every other field
    empty (role "row", county "", fetched at FETCHED_AT)."""
    values: dict[str, object] = {
        "record_id": "r1", "source": "s", "county": "", "role": "row", "name_raw": name,
        "type_raw": None, "street_raw": None, "postal_code_raw": None, "locality_raw": None,
        "gmina_raw": None, "powiat_raw": None, "phones_raw": (), "emails_raw": (),
        "websites_raw": (), "nip_raw": None, "regon_raw": None, "krs_raw": None,
        "rspo_raw": None, "opening_hours_raw": None, "description_raw": None,
        "fetched_at": FETCHED_AT,
    }  # fmt: skip
    values.update(fields)
    return RawRow(**values)  # type: ignore[arg-type]


# The columns of two records a matcher test writes by hand (`er_pair_levels`).
ER_PAIR_COLUMNS = "record_id source name street postal_code locality phone email website".split()


def er_pair_levels(a: tuple[str | None, ...], b: tuple[str | None, ...]) -> Any:
    """The matcher's comparison levels of two hand-written records (`ER_PAIR_COLUMNS`), built
    as a run builds them: features from the raw rows, encoded, compared as one pair."""
    import numpy as np

    from transforms.er.codes import encode_records
    from transforms.er.features import build_features_from_raw
    from transforms.er.ladders import compare

    columns = ER_PAIR_COLUMNS
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE er_input (" + ", ".join(f"{c} VARCHAR" for c in columns) + ")")
    con.executemany(f"INSERT INTO er_input VALUES ({', '.join('?' * len(columns))})", [a, b])
    con.execute("ALTER TABLE er_input ADD COLUMN nip VARCHAR")
    con.execute("ALTER TABLE er_input ADD COLUMN regon VARCHAR")
    build_features_from_raw(con, "er_input")
    return compare(encode_records(con), np.array([0], np.int32), np.array([1], np.int32))


def owner_numbers(text: str, url: str, owner: PageOwner) -> set[str]:
    """The numbers a plain page gives its owner, each as the page writes it."""
    page = page_text_of_plain(text, url)
    contacts = owner_contacts(page, owner)
    return {entry.number for raw in contacts.phones for entry in find_phone_entries(raw)}


def assert_owner_numbers(
    text: str, url: str, owner: PageOwner, kept: list[str], left_out: list[str]
) -> None:
    """The plain page gives its owner every number of `kept` and none of `left_out`."""
    numbers = owner_numbers(text, url, owner)
    for number in kept:
        assert number in numbers
    for number in left_out:
        assert number not in numbers


def assert_names_read(text: str, names: list[str]) -> None:
    """The mention records of `text` (as the benchmark's line reader reads a line) give every
    name of `names`, each as written there."""
    from benchmarks.mention_lines import read_names  # a benchmark script, imported when used

    read = read_names(text)
    missing = [name for name in names if name not in read]
    assert not missing, f"not read: {missing}; read: {read}"


def assert_phones_hold(
    phones: tuple[str, ...] | list[str], kept: list[str], left_out: list[str]
) -> None:
    """Every number of `kept` stands inside one of `phones` (a record's raw phone strings, each
    with its label) and none of `left_out` does."""
    for number in kept:
        assert any(number in phone for phone in phones), (number, phones)
    for number in left_out:
        assert not any(number in phone for phone in phones), (number, phones)
