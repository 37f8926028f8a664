"""A live review app for the attack tests: uvicorn serving `review.app` on 127.0.0.1 over a real
DuckDB file, in a thread of the test process, configured the way `wsparcie review serve`
configures it (review.cli.server_config). Requests go over real sockets with `requests`.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import requests
import uvicorn

from review.app import AppSettings, create_app
from review.cli import server_config


@dataclass(frozen=True, slots=True)
class LiveServer:
    url: str
    port: int


@contextmanager
def live_review_app(
    settings: AppSettings, *, forwarded_allow_ips: str | None = None
) -> Iterator[LiveServer]:
    """Serve the review app over `settings.db` on a free loopback port until the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    config = server_config(
        create_app(settings), "127.0.0.1", port, forwarded_allow_ips=forwarded_allow_ips
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the review app did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found[1]


def login_form(session: requests.Session, base: str) -> str:
    """Open the login page (setting the pre-login cookie); the form's CSRF token."""
    page = session.get(f"{base}/logowanie", timeout=10)
    assert page.status_code == 200, page.status_code
    return csrf_of(page.text)


def log_in(session: requests.Session, base: str, login: str, password: str) -> int:
    token = login_form(session, base)
    response = session.post(
        f"{base}/logowanie",
        data={"login": login, "haslo": password, "csrf": token},
        allow_redirects=False,
        timeout=30,
    )
    return int(response.status_code)
