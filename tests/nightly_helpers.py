"""Helpers for the tests that run the real nightly flow: source declarations written into a
temporary catalogue, and an HTTP server on 127.0.0.1 whose routes misbehave on purpose."""

from __future__ import annotations

import atexit
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from extractors.fetch import FetchPolicy
from flows.demo import DEMO_DIR

# Quick to fail, never waiting on purpose: one retry, no backoff, no politeness delay.
FAST_POLICY = FetchPolicy(
    delay_seconds=0.0,
    timeout_seconds=0.5,
    total_timeout_seconds=0.5,
    retries=1,
    backoff_seconds=0.0,
    max_bytes=4 * 1024 * 1024,
    max_retry_after_seconds=2.0,
)
DEMO_GAZETTEER = DEMO_DIR / "gazetteer"

Route = Callable[[BaseHTTPRequestHandler], None]


def write_source(
    catalogue: Path,
    slug: str,
    url: str,
    parser: str,
    *,
    kind: str = "institution_page",
    county: str = "2610",
    min_records: int = 1,
    max_records: int | None = None,
) -> Path:
    """One declaration file, as a source maintainer writes it."""
    folder = catalogue / f"{county}_test"
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, object] = {
        "slug": slug,
        "title": f"test source {slug}",
        "county": county,
        "kind": kind,
        "url": url,
        "parser": parser,
        "assert": {"min_records": min_records}
        | ({"max_records": max_records} if max_records is not None else {}),
    }
    path = folder / f"{slug}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def copy_demo_sources(catalogue: Path, base_url: str, slugs: list[str] | None = None) -> int:
    """The demo catalogue (or some of its sources) with `{demo}` replaced by `base_url`."""
    count = 0
    for path in sorted((DEMO_DIR / "sources").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        if slugs is not None and data["slug"] not in slugs:
            continue
        target = catalogue / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.replace("{demo}", base_url), encoding="utf-8")
        count += 1
    return count


class _Handler(BaseHTTPRequestHandler):
    server: RouteServer

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits[path] = self.server.hits.get(path, 0) + 1
        route = self.server.routes.get(path)
        if route is None:
            reply(self, b"not here", status=404, content_type="text/plain")
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a slow route, as it should

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class RouteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, Route]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def route_server(routes: dict[str, Route]) -> Iterator[RouteServer]:
    server = RouteServer(routes)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def reply(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
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


def status(code: int, headers: dict[str, str] | None = None) -> Route:
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


def fast_policy(**changes: object) -> FetchPolicy:
    return replace(FAST_POLICY, **changes)  # type: ignore[arg-type]


_HARNESS: ExitStack | None = None


def shared_prefect_server() -> str:
    """One temporary Prefect server for every flow test of this process; returns its API URL.

    Starting one costs tens of seconds on a busy machine, so the flow-test modules share it
    instead of each starting its own (the `prefect_harness` fixture is this server too); it
    stops when the test session finishes, or at the latest when the process exits.
    """
    global _HARNESS
    if _HARNESS is None:
        from prefect.testing.utilities import prefect_test_harness

        stack = ExitStack()
        stack.enter_context(prefect_test_harness(server_startup_timeout=180))
        atexit.register(stack.close)
        _HARNESS = stack
    from prefect.settings import PREFECT_API_URL

    return str(PREFECT_API_URL.value())


def stop_shared_prefect_server() -> None:
    """Stop the shared server now (conftest calls it when the test session finishes), so no
    server process outlives pytest holding its output pipe open."""
    global _HARNESS
    if _HARNESS is not None:
        stack, _HARNESS = _HARNESS, None
        stack.close()
