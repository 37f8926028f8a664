"""Tests for the polite fetcher and the response archive, against real servers on 127.0.0.1.

Most cases use pytest-httpserver; the ones that need control below HTTP (a server that sleeps,
drips bytes or resets the connection) use the tests' own loopback server (helpers.py). No test
measures time: the waits the fetcher decides on (per-host delay, Crawl-delay, backoff,
Retry-After) are read from a clock given to it, which records them instead of sleeping.
"""

from __future__ import annotations

import hashlib
import itertools
import pickle
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from helpers import (  # tests/ helper module
    Route,
    drip,
    fail_first,
    loopback_server,
    make_document,
    reply,
    reset,
    sleep_then,
)
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from extractors.archive import Archive, ArchiveError
from extractors.charsets import detect_charset, parse_content_type, sniff_declared_charset
from extractors.clock import Clock
from extractors.fetch import (
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchError,
    FetchPolicy,
    parse_retry_after,
)
from extractors.records import Document

NAME = "Ośrodek Pomocy Społecznej w Skarżysku-Kamiennej"
# Every letter on which windows-1250 and ISO-8859-2 disagree: ś ź Ś Ź ą Ą.
PANGRAM = "Zażółć gęślą jaźń. ŹRÓDŁO: ŚWIĘTOKRZYSKIE, GMINA WĄCHOCK"
FAST = FetchPolicy(delay_seconds=0, backoff_seconds=0.01, timeout_seconds=5, retries=2)


def html(body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def page_requests(server: HTTPServer, path: str) -> list[Request]:
    return [request for request, _ in server.log if request.path == path]


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The local server with no robots.txt (404), as most sites have."""
    httpserver.expect_request("/robots.txt").respond_with_data("Not found", status=404)
    return httpserver


# --------------------------------------------------------------------------------------------
# detect_charset and the small parsers (pure)

XLSX_MAGIC = b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))


@pytest.mark.parametrize(
    ("content", "declared", "content_type", "expected"),
    [
        pytest.param(NAME.encode("utf-8"), None, "text/html", "utf-8", id="utf8-undeclared"),
        pytest.param(
            NAME.encode("utf-8"), "windows-1250", "text/html", "utf-8", id="utf8-declared-cp1250"
        ),
        pytest.param(b"plain ascii", "iso-8859-2", "text/plain", "utf-8", id="ascii-is-utf8"),
        pytest.param(
            NAME.encode("cp1250"), "utf-8", "text/html", "windows-1250", id="cp1250-declared-utf8"
        ),
        pytest.param(
            NAME.encode("cp1250"), None, "text/html", "windows-1250", id="cp1250-undeclared"
        ),
        pytest.param(
            PANGRAM.encode("cp1250"),
            "iso-8859-2",
            "text/html",
            "windows-1250",
            id="cp1250-declared-latin2",
        ),
        pytest.param(
            PANGRAM.encode("cp1250"),
            "iso-8859-1",
            "text/html",
            "windows-1250",
            id="cp1250-declared-latin1",
        ),
        pytest.param(
            PANGRAM.encode("cp1250"), "windows-1250", "text/csv", "windows-1250", id="cp1250-right"
        ),
        pytest.param(
            NAME.encode("iso8859-2"),
            "windows-1250",
            "text/html",
            "iso-8859-2",
            id="latin2-declared-cp1250",
        ),
        pytest.param(
            PANGRAM.encode("iso8859-2"), None, "text/html", "iso-8859-2", id="latin2-undeclared"
        ),
        pytest.param(
            PANGRAM.encode("iso8859-2"),
            "utf-8",
            "text/csv",
            "iso-8859-2",
            id="latin2-declared-utf8",
        ),
        pytest.param(
            PANGRAM.encode("iso8859-2"), "latin2", "text/html", "iso-8859-2", id="latin2-right"
        ),
        pytest.param(
            html(NAME, '<meta charset="windows-1250">').encode("cp1250"),
            "utf-8",
            "text/html",
            "windows-1250",
            id="meta-beats-wrong-header",
        ),
        pytest.param(
            html(
                NAME, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            ).encode("iso8859-2"),
            None,
            "text/html",
            "iso-8859-2",
            id="wrong-http-equiv-latin2",
        ),
        pytest.param(
            NAME.encode("cp1250"),
            "x-no-such-charset",
            "text/html",
            "windows-1250",
            id="bogus-label",
        ),
        pytest.param(
            ("„Kraśnik” – " + NAME + " ").encode("utf-8") * 20 + "Źródło".encode("cp1250"),
            "utf-8",
            "text/html",
            "utf-8",
            id="utf8-with-stray-cp1250-bytes",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + NAME.encode("utf-8"), None, "text/csv", "utf-8-sig", id="utf8-bom"
        ),
        pytest.param(
            ("Это страница на русском языке о помощи семьям и детям. " * 3).encode("cp1251"),
            None,
            "text/html",
            "windows-1251",
            id="cyrillic-cp1251",
        ),
        pytest.param(XLSX_MAGIC, None, "application/vnd.ms-excel", None, id="xlsx-magic"),
        pytest.param(XLSX_MAGIC, "utf-8", "text/html", None, id="xlsx-served-as-html"),
        pytest.param(b"%PDF-1.4\n" + NAME.encode("cp1250"), None, None, None, id="pdf-magic"),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), None, None, None, id="xls-ole2"
        ),
        pytest.param(NAME.encode("utf-8"), None, "image/png", None, id="image-type"),
        pytest.param(b"abc\x00\x01\x02", None, "application/octet-stream", None, id="nul-bytes"),
        pytest.param(
            ("Nazwa;Miejscowość\n" + NAME + ";Skarżysko\n").encode("cp1250"),
            None,
            "application/octet-stream",
            "windows-1250",
            id="csv-as-octet-stream",
        ),
    ],
)
def test_detect_charset(
    content: bytes, declared: str | None, content_type: str | None, expected: str | None
) -> None:
    assert detect_charset(content, declared, content_type) == expected


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("Kraśnik", id="s-acute"),
        pytest.param("Łódź", id="z-acute"),
        pytest.param("ŚWIĘTOKRZYSKIE", id="S-acute"),
        pytest.param("ŹRÓDŁO", id="Z-acute"),
        pytest.param("Ząbki", id="a-ogonek"),
        pytest.param("WĄCHOCK", id="A-ogonek"),
    ],
)
@pytest.mark.parametrize("encoding", ["cp1250", "iso8859-2"])
@pytest.mark.parametrize("declared", [None, "utf-8", "windows-1250", "iso-8859-2"])
def test_detect_charset_single_differing_letter(
    word: str, encoding: str, declared: str | None
) -> None:
    content = f"Gmina {word}".encode(encoding)
    charset = detect_charset(content, declared, "text/html")
    assert charset is not None
    assert content.decode(charset) == f"Gmina {word}"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(b'<meta charset="windows-1250">', "windows-1250", id="meta-charset"),
        pytest.param(b"<META CHARSET=ISO-8859-2>", "iso-8859-2", id="upper-unquoted"),
        pytest.param(
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2" />',
            "iso-8859-2",
            id="http-equiv",
        ),
        pytest.param(
            b'<?xml version="1.0" encoding="Windows-1250"?><a/>', "windows-1250", id="xml"
        ),
        pytest.param(b"<html><head><title>x</title></head></html>", None, id="none"),
    ],
)
def test_sniff_declared_charset(content: bytes, expected: str | None) -> None:
    assert sniff_declared_charset(content) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("text/html; charset=Windows-1250", ("text/html", "windows-1250"), id="param"),
        pytest.param('text/csv;charset="utf-8"', ("text/csv", "utf-8"), id="quoted"),
        pytest.param("TEXT/HTML", ("text/html", None), id="no-charset"),
        pytest.param(None, (None, None), id="missing"),
        pytest.param("  ", (None, None), id="blank"),
    ],
)
def test_parse_content_type(header: str | None, expected: tuple[str | None, str | None]) -> None:
    assert parse_content_type(header) == expected


NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("120", 120.0, id="seconds"),
        pytest.param(format_datetime(NOW + timedelta(seconds=30), usegmt=True), 30.0, id="date"),
        pytest.param(format_datetime(NOW - timedelta(hours=1), usegmt=True), 0.0, id="past-date"),
        pytest.param("soon", None, id="garbage"),
        pytest.param(None, None, id="missing"),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda: FetchPolicy(delay_seconds=-1), "delay_seconds", id="delay"),
        pytest.param(lambda: FetchPolicy(timeout_seconds=0), "timeout_seconds", id="timeout"),
        pytest.param(lambda: FetchPolicy(max_bytes=0), "max_bytes", id="max-bytes"),
        pytest.param(lambda: FetchPolicy(retries=-1), "retries", id="retries"),
        pytest.param(lambda: FetchPolicy(user_agent="zespół"), "ASCII", id="non-ascii-agent"),
    ],
)
def test_policy_rejects_bad_values(make: Callable[[], FetchPolicy], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        make()


def test_fetch_error_shape_and_pickling() -> None:
    error = FetchError("https://x/y", "HTTP 404 Not Found", status=404)
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == "https://x/y: HTTP 404 Not Found"
    assert (copy.url, copy.reason, copy.status, copy.retryable) == (
        "https://x/y",
        "HTTP 404 Not Found",
        404,
        False,
    )


# --------------------------------------------------------------------------------------------
# HTTP through pytest-httpserver


def test_fetch_page_records_how_it_was_served(site: HTTPServer) -> None:
    site.expect_request("/kontakt").respond_with_data(
        html(NAME),
        content_type="text/html; charset=UTF-8",
        headers={"ETag": '"abc"', "Last-Modified": "Wed, 01 Jan 2025 10:00:00 GMT"},
    )
    document = Fetcher(FAST).fetch(site.url_for("/kontakt"))
    assert document.status == 200
    assert document.url == document.final_url == site.url_for("/kontakt")
    assert (document.content_type, document.declared_charset, document.charset) == (
        "text/html",
        "utf-8",
        "utf-8",
    )
    assert NAME in document.text
    assert document.sha256 == hashlib.sha256(document.content).hexdigest()
    assert (document.etag, document.last_modified) == ('"abc"', "Wed, 01 Jan 2025 10:00:00 GMT")
    assert document.fetched_at.tzinfo is not None
    assert not document.not_modified
    assert all(request.headers["User-Agent"] == DEFAULT_USER_AGENT for request, _ in site.log)


def test_robots_txt_disallow_is_obeyed_and_fetched_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /\n\nUser-agent: wsparcie\nDisallow: /prywatne/\n",
        content_type="text/plain",
    )
    httpserver.expect_request("/publiczne").respond_with_data("ok")
    httpserver.expect_request("/prywatne/lista").respond_with_data("secret")
    fetcher = Fetcher(FAST)
    assert fetcher.fetch(httpserver.url_for("/publiczne")).content == b"ok"
    with pytest.raises(FetchError, match="robots.txt disallows it") as caught:
        fetcher.fetch(httpserver.url_for("/prywatne/lista"))
    assert caught.value.url == httpserver.url_for("/prywatne/lista")
    assert page_requests(httpserver, "/prywatne/lista") == []
    robots = page_requests(httpserver, "/robots.txt")
    assert len(robots) == 1
    assert robots[0].headers["User-Agent"] == DEFAULT_USER_AGENT


def test_robots_txt_is_ignored_when_policy_says_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")
    httpserver.expect_request("/page").respond_with_data("ok")
    fetcher = Fetcher(replace(FAST, obey_robots=False))
    assert fetcher.fetch(httpserver.url_for("/page")).content == b"ok"
    assert page_requests(httpserver, "/robots.txt") == []


@pytest.mark.parametrize(
    ("robots_status", "allowed", "retryable"),
    [
        pytest.param(404, True, False, id="404-allows"),
        pytest.param(410, True, False, id="410-allows"),
        pytest.param(401, False, False, id="401-disallows-all"),
        pytest.param(403, False, False, id="403-disallows-all"),
        pytest.param(503, False, True, id="503-temporarily-disallows"),
    ],
)
def test_robots_txt_status(
    httpserver: HTTPServer, robots_status: int, allowed: bool, retryable: bool
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=robots_status)
    httpserver.expect_request("/page").respond_with_data("ok")
    fetcher = Fetcher(FAST)
    if allowed:
        assert fetcher.fetch(httpserver.url_for("/page")).content == b"ok"
        return
    with pytest.raises(FetchError, match="robots.txt") as caught:
        fetcher.fetch(httpserver.url_for("/page"))
    assert caught.value.retryable is retryable
    assert page_requests(httpserver, "/page") == []
    if retryable:  # a 5xx robots.txt was retried like any other request
        assert len(page_requests(httpserver, "/robots.txt")) == FAST.retries + 1


def test_revalidation_304_returns_archived_copy(site: HTTPServer, tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    body = html(NAME).encode("cp1250")
    validators = {"ETag": '"v1"', "Last-Modified": "Wed, 01 Jan 2025 10:00:00 GMT"}
    site.expect_oneshot_request("/kontakt").respond_with_data(
        body, content_type="text/html", headers=validators
    )
    first = Fetcher(FAST, archive).fetch(site.url_for("/kontakt"))
    assert first.charset == "windows-1250"

    site.expect_oneshot_request(
        "/kontakt",
        headers={"If-None-Match": '"v1"', "If-Modified-Since": validators["Last-Modified"]},
    ).respond_with_data("", status=304)
    second = Fetcher(FAST, archive).fetch(site.url_for("/kontakt"))
    assert second.not_modified
    assert second.status == 304
    assert second.content == body
    assert second.sha256 == first.sha256
    assert second.charset == "windows-1250"
    assert NAME in second.text
    site.check_assertions()


def test_unconditional_request_without_archive(site: HTTPServer) -> None:
    site.expect_request("/kontakt").respond_with_data("ok", headers={"ETag": '"v1"'})
    fetcher = Fetcher(FAST)
    fetcher.fetch(site.url_for("/kontakt"))
    fetcher.fetch(site.url_for("/kontakt"))
    for request in page_requests(site, "/kontakt"):
        assert "If-None-Match" not in request.headers


def test_server_error_is_retried_then_succeeds(site: HTTPServer) -> None:
    site.expect_oneshot_request("/page").respond_with_data("boom", status=500)
    site.expect_request("/page").respond_with_data("ok")
    assert Fetcher(FAST).fetch(site.url_for("/page")).content == b"ok"
    assert len(page_requests(site, "/page")) == 2


def test_server_errors_exhaust_retries(site: HTTPServer) -> None:
    site.expect_request("/page").respond_with_data("boom", status=502)
    with pytest.raises(FetchError, match="HTTP 502 Bad Gateway") as caught:
        Fetcher(FAST).fetch(site.url_for("/page"))
    assert (caught.value.status, caught.value.retryable) == (502, True)
    assert len(page_requests(site, "/page")) == FAST.retries + 1


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_client_error_is_not_retried(site: HTTPServer, status: int) -> None:
    site.expect_request("/page").respond_with_data("no", status=status)
    url = site.url_for("/page")
    with pytest.raises(FetchError) as caught:
        Fetcher(FAST).fetch(url)
    assert (caught.value.status, caught.value.retryable) == (status, False)
    assert len(page_requests(site, "/page")) == 1
    if status == 404:
        assert str(caught.value) == f"{url}: HTTP 404 Not Found"


def test_too_many_requests_is_retried(site: HTTPServer) -> None:
    site.expect_oneshot_request("/page").respond_with_data("slow down", status=429)
    site.expect_request("/page").respond_with_data("ok")
    assert Fetcher(FAST).fetch(site.url_for("/page")).content == b"ok"
    assert len(page_requests(site, "/page")) == 2


def test_retry_after_is_honoured(site: HTTPServer) -> None:
    site.expect_oneshot_request("/page").respond_with_data(
        "maintenance", status=503, headers={"Retry-After": "1"}
    )
    site.expect_request("/page").respond_with_data("ok")
    clock = RecordingClock()
    assert Fetcher(FAST, clock=clock).fetch(site.url_for("/page")).content == b"ok"
    assert len(page_requests(site, "/page")) == 2
    # The server asked for 1 s, more than FAST's backoff (0.01 s): the fetcher waits 1 s.
    assert clock.sleeps == [1.0]


def test_backoff_doubles_between_retries(site: HTTPServer) -> None:
    site.expect_request("/page").respond_with_data("boom", status=500)
    clock = RecordingClock()
    with pytest.raises(FetchError, match="HTTP 500"):
        Fetcher(replace(FAST, backoff_seconds=0.5, retries=3), clock=clock).fetch(
            site.url_for("/page")
        )
    assert len(page_requests(site, "/page")) == 4
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_retry_after_beyond_cap_gives_up_at_once(site: HTTPServer) -> None:
    site.expect_request("/page").respond_with_data(
        "maintenance", status=503, headers={"Retry-After": "3600"}
    )
    with pytest.raises(FetchError, match="Retry-After 3600 s exceeds the 60 s cap") as caught:
        Fetcher(FAST).fetch(site.url_for("/page"))
    assert (caught.value.status, caught.value.retryable) == (503, True)
    assert len(page_requests(site, "/page")) == 1


def test_oversize_body_rejected_by_content_length(site: HTTPServer) -> None:
    site.expect_request("/big").respond_with_data(b"x" * 5000)
    with pytest.raises(FetchError, match="exceeds the 1000-byte cap") as caught:
        Fetcher(replace(FAST, max_bytes=1000)).fetch(site.url_for("/big"))
    assert caught.value.url == site.url_for("/big")
    assert not caught.value.retryable
    assert len(page_requests(site, "/big")) == 1


def test_oversize_streamed_body_is_aborted(site: HTTPServer) -> None:
    def endless() -> Iterator[bytes]:
        for _ in range(10_000):  # 640 MB if anyone read it all
            yield b"y" * 65536

    # A generator body has no Content-Length, so only the streaming cap can stop it.
    site.expect_request("/stream").respond_with_response(Response(endless()))
    with pytest.raises(
        FetchError, match="exceeds the 200000-byte cap .aborted while reading"
    ) as caught:
        Fetcher(replace(FAST, max_bytes=200_000)).fetch(site.url_for("/stream"))
    assert not caught.value.retryable


@pytest.mark.parametrize(
    ("text", "encoding", "header", "expected_declared", "expected_charset"),
    [
        pytest.param(
            NAME, "cp1250", "text/html; charset=utf-8", "utf-8", "windows-1250", id="cp1250-as-utf8"
        ),
        pytest.param(
            PANGRAM,
            "iso8859-2",
            "text/html; charset=windows-1250",
            "windows-1250",
            "iso-8859-2",
            id="latin2-as-cp1250",
        ),
        pytest.param(PANGRAM, "iso8859-2", "text/html", None, "iso-8859-2", id="latin2-undeclared"),
        pytest.param(NAME, "cp1250", "text/csv", None, "windows-1250", id="cp1250-csv-undeclared"),
    ],
)
def test_misdeclared_polish_pages_are_decoded(
    site: HTTPServer,
    text: str,
    encoding: str,
    header: str,
    expected_declared: str | None,
    expected_charset: str,
) -> None:
    site.expect_request("/page").respond_with_data(html(text).encode(encoding), content_type=header)
    document = Fetcher(FAST).fetch(site.url_for("/page"))
    assert (document.declared_charset, document.charset) == (expected_declared, expected_charset)
    assert text in document.text


def test_binary_download_has_no_charset(site: HTTPServer) -> None:
    site.expect_request("/lista.xlsx").respond_with_data(
        XLSX_MAGIC, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    document = Fetcher(FAST).fetch(site.url_for("/lista.xlsx"))
    assert document.charset is None
    assert document.content == XLSX_MAGIC


def test_redirect_is_followed(site: HTTPServer) -> None:
    site.expect_request("/stary").respond_with_data("", status=301, headers={"Location": "/nowy"})
    site.expect_request("/nowy").respond_with_data("tu jesteśmy", content_type="text/plain")
    document = Fetcher(FAST).fetch(site.url_for("/stary"))
    assert document.url == site.url_for("/stary")
    assert document.final_url == site.url_for("/nowy")
    assert document.text == "tu jesteśmy"


def test_redirect_loop_is_an_error(site: HTTPServer) -> None:
    site.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    site.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="redirect loop") as caught:
        Fetcher(FAST).fetch(site.url_for("/a"))
    assert site.url_for("/b") in caught.value.reason


def test_redirect_limit(site: HTTPServer) -> None:
    for step in range(10):
        site.expect_request(f"/r{step}").respond_with_data(
            "", status=307, headers={"Location": f"/r{step + 1}"}
        )
    with pytest.raises(FetchError, match="more than 3 redirects"):
        Fetcher(replace(FAST, max_redirects=3)).fetch(site.url_for("/r0"))
    assert len(page_requests(site, "/r3")) == 1
    assert page_requests(site, "/r4") == []


def test_redirect_into_disallowed_path(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /admin")
    httpserver.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "/admin/x"}
    )
    with pytest.raises(FetchError, match="after redirect to .*/admin/x: robots.txt disallows"):
        Fetcher(FAST).fetch(httpserver.url_for("/go"))


def test_redirect_to_file_scheme_is_refused(site: HTTPServer) -> None:
    site.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    with pytest.raises(FetchError, match="redirect to file:///etc/passwd: unsupported URL scheme"):
        Fetcher(FAST).fetch(site.url_for("/go"))


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("ftp://example.invalid/lista.csv", id="ftp"),
        pytest.param("mailto:ops@example.invalid", id="mailto"),
        pytest.param("http:///no-host", id="no-host"),
        pytest.param("http://example.invalid:99999/", id="bad-port"),
    ],
)
def test_unsupported_urls(url: str) -> None:
    with pytest.raises(FetchError) as caught:
        Fetcher(FAST).fetch(url)
    assert caught.value.url == url


def test_fetcher_archives_200_responses(site: HTTPServer, tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    site.expect_request("/page").respond_with_data(html(NAME), content_type="text/html")
    document = Fetcher(FAST, archive).fetch(site.url_for("/page"))
    assert archive.load_document(site.url_for("/page")) == document


# --------------------------------------------------------------------------------------------
# file:// URLs


def test_file_url_is_read_like_a_page(tmp_path: Path) -> None:
    path = tmp_path / "lista ośrodków.csv"
    path.write_bytes(f"nazwa;telefon\n{NAME};41 123 45 67\n".encode("cp1250"))
    document = Fetcher(FAST).fetch(path.as_uri())
    assert (document.status, document.content_type, document.charset) == (
        200,
        "text/csv",
        "windows-1250",
    )
    assert document.final_url == path.as_uri()
    assert NAME in document.text


def test_file_url_of_a_real_saved_page(shared_data: Path) -> None:
    path = next(iter(sorted((shared_data / "html_fixtures" / "social").glob("*.html"))))
    document = Fetcher(FAST).fetch(path.as_uri())
    assert document.content == path.read_bytes()
    assert (document.content_type, document.charset) == ("text/html", "utf-8")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        pytest.param("missing.html", "file not found", id="missing"),
        pytest.param("big.html", "exceeds the 100-byte cap", id="too-big"),
        pytest.param("folder", "is a directory", id="directory"),
    ],
)
def test_file_url_errors(tmp_path: Path, name: str, problem: str) -> None:
    (tmp_path / "big.html").write_bytes(b"x" * 101)
    (tmp_path / "folder").mkdir()
    with pytest.raises(FetchError, match=problem) as caught:
        Fetcher(replace(FAST, max_bytes=100)).fetch((tmp_path / name).as_uri())
    assert name in caught.value.url


# --------------------------------------------------------------------------------------------
# Below HTTP: sleeping, dripping and resetting servers; the waits the fetcher decides on


class RecordingClock(Clock):
    """Time that passes only when the fetcher waits: `sleep` records the wait and moves the clock
    on at once. The per-host pacing it keeps is the real one (`Clock.wait_turn`); each turn it
    gives is recorded with the moment given."""

    def __init__(self) -> None:
        super().__init__()
        self._time = 1000.0
        self._time_lock = threading.Lock()
        self.sleeps: list[float] = []
        self.turns: list[tuple[str, float]] = []

    def now(self) -> float:
        with self._time_lock:
            return self._time

    def sleep(self, seconds: float) -> None:
        with self._time_lock:
            self.sleeps.append(seconds)
            self._time += seconds

    def wait_turn(self, host: str, delay: float) -> float:
        start = super().wait_turn(host, delay)
        with self._time_lock:
            self.turns.append((host, start))
        return start


def text(body: bytes, status: int = 200) -> Route:
    return lambda handler: reply(handler, body, status=status, content_type="text/plain")


def test_timeout_is_retried_then_fails() -> None:
    policy = replace(FAST, timeout_seconds=0.2, retries=1, obey_robots=False)
    with (
        loopback_server({"/slow": sleep_then(1.0, text(b"too late"))}) as server,
        pytest.raises(FetchError, match="timed out") as caught,
    ):
        Fetcher(policy).fetch(server.url + "/slow")
    assert caught.value.retryable
    assert caught.value.status is None
    assert server.requests == ["/slow", "/slow"]


def test_slow_drip_body_hits_total_timeout() -> None:
    policy = replace(
        FAST, timeout_seconds=1, total_timeout_seconds=0.3, retries=0, obey_robots=False
    )
    with (
        loopback_server({"/drip": drip(1000, every=0.02)}) as server,
        pytest.raises(FetchError, match="longer than 0.3 s"),
    ):
        Fetcher(policy).fetch(server.url + "/drip")


def test_connection_reset_is_retried() -> None:
    with loopback_server({"/page": fail_first(1, reset, text(b"ok"))}) as server:
        document = Fetcher(replace(FAST, obey_robots=False)).fetch(server.url + "/page")
    assert document.content == b"ok"
    assert server.requests == ["/page", "/page"]


def test_lowercase_header_names_are_understood() -> None:
    def lowercase(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302 if handler.path == "/old" else 200)
        if handler.path == "/old":
            handler.send_header("location", "/new")
            body = b""
        else:
            handler.send_header("content-type", "text/html; charset=windows-1250")
            handler.send_header("etag", '"lower"')
            body = NAME.encode("cp1250")
        handler.send_header("content-length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with loopback_server({"/old": lowercase, "/new": lowercase}) as server:
        document = Fetcher(replace(FAST, obey_robots=False)).fetch(server.url + "/old")
    assert document.final_url == server.url + "/new"
    assert (document.etag, document.declared_charset, document.text) == (
        '"lower"',
        "windows-1250",
        NAME,
    )


def test_per_host_delay_holds_across_threads() -> None:
    """Three source tasks, each with its own Fetcher, ask one host for two pages at once: the
    six requests get turns `delay_seconds` apart, whichever thread asks."""
    clock = RecordingClock()
    policy = replace(FAST, delay_seconds=0.2, obey_robots=False)
    with loopback_server({}, default=text(b"ok")) as server:
        urls = [f"{server.url}/p{n}" for n in range(2)]

        def crawl(_: int) -> list[Document]:
            fetcher = Fetcher(policy, clock=clock)  # one Fetcher per source task, as the flow does
            return [fetcher.fetch(url) for url in urls]

        with ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(crawl, range(3)))
    assert all(document.content == b"ok" for documents in results for document in documents)
    assert sorted(server.requests) == ["/p0", "/p0", "/p0", "/p1", "/p1", "/p1"]
    assert {host for host, _ in clock.turns} == {f"127.0.0.1:{server.server_address[1]}"}
    starts = sorted(start for _, start in clock.turns)
    assert len(starts) == 6
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert min(gaps) == pytest.approx(0.2), gaps
    assert len(clock.sleeps) >= 5  # every turn but the first was waited for
    # Without a clock of their own, all Fetchers of the process keep one pace.
    assert Fetcher(policy).clock is Fetcher(FAST).clock


def test_robots_crawl_delay_is_honoured() -> None:
    clock = RecordingClock()
    routes = {"/robots.txt": text(b"User-agent: *\nCrawl-delay: 1\n"), "/page": text(b"ok")}
    with loopback_server(routes) as server:
        Fetcher(FAST, clock=clock).fetch(server.url + "/page")
    assert server.requests == ["/robots.txt", "/page"]
    assert clock.sleeps == [1.0]  # FAST asks for no delay; the site's Crawl-delay wins
    (_, robots_at), (_, page_at) = clock.turns
    assert page_at - robots_at == 1.0


def test_a_crawl_delay_beyond_the_cap_is_cut_to_the_cap() -> None:
    clock = RecordingClock()
    routes = {"/robots.txt": text(b"User-agent: *\nCrawl-delay: 600\n"), "/page": text(b"ok")}
    with loopback_server(routes) as server:
        Fetcher(replace(FAST, max_crawl_delay_seconds=5), clock=clock).fetch(server.url + "/page")
    assert server.requests == ["/robots.txt", "/page"]
    assert clock.sleeps == [5.0]


# --------------------------------------------------------------------------------------------
# Archive


def archived_document(url: str, content: bytes, **changes: object) -> Document:
    document = make_document(
        url,
        content,
        final_url=url + "?final",
        content_type="text/html",
        declared_charset="utf-8",
        charset="windows-1250",
        fetched_at=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        etag='"e1"',
        last_modified="Wed, 01 Jan 2025 10:00:00 GMT",
    )
    return replace(document, **changes)  # type: ignore[arg-type]


def test_archive_round_trip(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    document = archived_document("https://example.invalid/kontakt", NAME.encode("cp1250"))
    archive.put(document)
    object_path = tmp_path / "objects" / document.sha256[:2] / document.sha256
    assert object_path.read_bytes() == document.content
    latest = archive.latest(document.url)
    assert latest is not None
    assert (latest.final_url, latest.sha256, latest.etag, latest.charset, latest.fetched_at) == (
        document.final_url,
        document.sha256,
        '"e1"',
        "windows-1250",
        document.fetched_at,
    )
    assert archive.read(document.sha256) == document.content
    assert archive.load_document(document.url) == document
    assert archive.latest("https://example.invalid/other") is None
    assert archive.load_document("https://example.invalid/other") is None


def test_archive_latest_wins_and_keeps_old_bodies(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    url = "https://example.invalid/kontakt"
    old = archived_document(url, b"old")
    new = archived_document(url, b"new", etag='"e2"')
    archive.put(old)
    archive.put(new)
    assert archive.load_document(url) == new
    assert archive.read(old.sha256) == b"old"


def test_archive_concurrent_puts(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    documents = [
        archived_document(f"https://example.invalid/{n % 5}", f"body {n % 7}".encode())
        for n in range(60)
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(archive.put, documents))
    for n in range(5):
        loaded = archive.load_document(f"https://example.invalid/{n}")
        assert loaded is not None
        assert loaded.content == archive.read(loaded.sha256)
    assert not list(tmp_path.rglob("*.tmp"))


def test_archive_errors_name_the_problem(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    document = archived_document("https://example.invalid/x", b"body")
    with pytest.raises(ArchiveError, match="does not match its content"):
        archive.put(replace(document, sha256="0" * 64))
    archive.put(document)
    archive.metadata_path(document.url).write_text("{not json", encoding="utf-8")
    with pytest.raises(
        ArchiveError, match="corrupt archive metadata for https://example.invalid/x"
    ):
        archive.latest(document.url)
    with pytest.raises(ArchiveError, match="missing"):
        archive.read("f" * 64)
    with pytest.raises(ValueError, match="not a lowercase hex SHA-256"):
        archive.read("../../etc/passwd")
    archive.object_path(document.sha256).write_bytes(b"tampered")
    with pytest.raises(ArchiveError, match="corrupt"):
        archive.read(document.sha256)


def test_archive_without_body_is_not_usable(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    document = archived_document("https://example.invalid/x", b"body")
    archive.put(document)
    archive.object_path(document.sha256).unlink()
    assert archive.latest(document.url) is not None
    assert archive.load_document(document.url) is None


@pytest.mark.parametrize("where", [pytest.param("http", id="empty-http-body"),
                                   pytest.param("file", id="empty-file")])  # fmt: skip
def test_an_empty_body_is_a_fetch_error(where: str, tmp_path: Path) -> None:
    if where == "file":
        empty = tmp_path / "pusty.csv"
        empty.write_bytes(b"")
        with pytest.raises(FetchError, match="empty"):
            Fetcher(FAST).fetch(empty.as_uri())
        return
    with loopback_server({"/pusty": text(b"")}) as server:
        with pytest.raises(FetchError, match=r"/pusty.*empty \(0 bytes\)"):
            Fetcher(replace(FAST, obey_robots=False)).fetch(server.url + "/pusty")
