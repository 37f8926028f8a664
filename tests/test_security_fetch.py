"""Attacks through the fetcher (issue 14): a source, or a redirect from it, pointing the nightly
run at internal addresses. Real servers on loopback addresses: the "source" on 127.0.0.1 (on
the allow-list, as the demo's server is) and an "internal admin page" on 127.0.0.2 (not).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from extractors.address_guard import ALLOW_ENV, address_problem
from extractors.fetch import Fetcher, FetchError, FetchPolicy

SOURCE_ONLY = FetchPolicy(
    delay_seconds=0, backoff_seconds=0.01, timeout_seconds=5, retries=1,
    allow_addresses=("127.0.0.1",),
)  # fmt: skip


@pytest.fixture(autouse=True)
def no_allow_list_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # conftest allows loopback for the other tests; these decide the allow-list themselves.
    monkeypatch.delenv(ALLOW_ENV, raising=False)


@pytest.fixture()
def source(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver


@pytest.fixture(scope="module")
def internal_server() -> Iterator[HTTPServer]:
    # One per module: stopping a server waits out its half-second poll.
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def internal(internal_server: HTTPServer) -> Iterator[HTTPServer]:
    """An internal service the fetcher must never reach, on 127.0.0.2."""
    internal_server.clear()
    internal_server.expect_request("/admin").respond_with_data("<html><body>sekret</body></html>")
    internal_server.expect_request("/robots.txt").respond_with_data("", status=404)
    yield internal_server
    internal_server.clear()


def internal_url(internal: HTTPServer, path: str = "/admin") -> str:
    return f"http://127.0.0.2:{internal.port}{path}"


def test_a_redirect_to_an_internal_address_is_not_followed(
    source: HTTPServer, internal: HTTPServer
) -> None:
    source.expect_request("/kontakt").respond_with_data(
        "", status=302, headers={"Location": internal_url(internal)}
    )
    with Fetcher(SOURCE_ONLY) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(source.url_for("/kontakt"))
    assert "after redirect to http://127.0.0.2" in str(caught.value)
    assert "loopback" in str(caught.value) and not caught.value.retryable
    assert internal.log == []  # not a single request reached it


@pytest.mark.parametrize(
    "host",
    [
        pytest.param("127.0.0.2", id="loopback"),
        pytest.param("[::ffff:127.0.0.2]", id="ipv4-mapped"),
        pytest.param("2130706434", id="decimal-ipv4"),
    ],
)
def test_an_internal_address_is_refused_in_any_spelling(internal: HTTPServer, host: str) -> None:
    with Fetcher(SOURCE_ONLY) as fetcher, pytest.raises(FetchError, match="loopback"):
        fetcher.fetch(f"http://{host}:{internal.port}/admin")
    assert internal.log == []


def test_robots_txt_is_not_fetched_from_an_internal_address(
    httpserver: HTTPServer, internal: HTTPServer
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "", status=302, headers={"Location": internal_url(internal, "/robots.txt")}
    )
    httpserver.expect_request("/").respond_with_data("<html><body>strona</body></html>")
    with Fetcher(SOURCE_ONLY) as fetcher, pytest.raises(FetchError):
        fetcher.fetch(httpserver.url_for("/"))
    assert internal.log == []


def test_the_connection_itself_refuses_an_unchecked_address(internal: HTTPServer) -> None:
    """Whatever path a request takes inside the fetcher, its HTTP session connects to checked
    addresses only (the check before a request is for the error message)."""
    from extractors.address_guard import AddressRefused

    with Fetcher(SOURCE_ONLY) as fetcher, pytest.raises(AddressRefused):
        fetcher._session().get(internal_url(internal), timeout=5)
    assert internal.log == []


def test_dns_rebinding_between_the_check_and_the_connection_is_refused(
    internal: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that resolves to a public address when looked at, and to an internal one when
    connected to. The resolver is the only thing simulated: no real DNS server is ours to run."""
    real = socket.getaddrinfo
    answers = iter(["93.184.215.14", "127.0.0.2", "127.0.0.2", "127.0.0.2"])

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "zrodlo.example.pl":
            return real(next(answers), port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    policy = FetchPolicy(delay_seconds=0, retries=0, obey_robots=False, timeout_seconds=5)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError, match="loopback"):
        fetcher.fetch(f"http://zrodlo.example.pl:{internal.port}/admin")
    assert internal.log == []


def test_an_address_on_the_allow_list_is_fetched(
    internal: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOW_ENV, "127.0.0.2")
    with Fetcher(FetchPolicy(delay_seconds=0)) as fetcher:
        assert b"sekret" in fetcher.fetch(internal_url(internal)).content
    with Fetcher(FetchPolicy(delay_seconds=0, allow_addresses=("127.0.0.0/8",))) as fetcher:
        monkeypatch.delenv(ALLOW_ENV)
        assert b"sekret" in fetcher.fetch(internal_url(internal)).content


def test_a_bad_allow_list_entry_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="FetchPolicy.allow_addresses: 'localhost'"):
        FetchPolicy(allow_addresses=("localhost",))
    monkeypatch.setenv(ALLOW_ENV, "127.0.0.1, 10.0.0.0/33")
    with pytest.raises(ValueError, match=f"{ALLOW_ENV}: '10.0.0.0/33'"):
        Fetcher(FetchPolicy())


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("169.254.10.1", "link-local"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("255.255.255.255", "reserved"),
        ("240.0.0.1", "reserved"),
        ("192.0.2.10", "private"),  # documentation range
        ("::ffff:10.0.0.1", "private address, inside the IPv6"),
        ("::ffff:169.254.169.254", "cloud metadata address, inside the IPv6"),
        ("64:ff9b::a00:1", "private address, inside the IPv6"),  # NAT64
        ("2002:7f00:1::", "loopback address, inside the IPv6"),  # 6to4
        ("::127.0.0.1", "loopback address, inside the IPv6"),  # IPv4-compatible
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_which_addresses_are_internal(address: str, problem: str | None) -> None:
    found = address_problem(ipaddress.ip_address(address))
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
