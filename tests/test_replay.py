"""Web-archive replay (extractors.replay): WARC files written and read with warcio, folders of
saved pages, and a Fetcher-compatible ReplayFetcher with the real fetcher's charset rules."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import SHARED_DATA, make_document  # tests/ helper module
from pytest_httpserver import HTTPServer

from extractors.fetch import Fetcher, FetchError, FetchPolicy
from extractors.records import Document
from extractors.replay import (
    RecordingFetcher,
    ReplayError,
    ReplayFetcher,
    ReplaySource,
    WarcWriter,
    append_to_warc,
    write_warc,
)

FIXTURES = SHARED_DATA / "html_fixtures"
POLISH = "<html><head><title>Gminny Ośrodek Pomocy Społecznej w Łączy</title></head></html>"


def _document(url: str, content: bytes, **fields: Any) -> Document:
    values: dict[str, Any] = {
        "content_type": "text/html",
        "charset": "utf-8",
        "fetched_at": datetime(2025, 3, 1, 12, 0, tzinfo=UTC),
    }
    values.update(fields)
    return make_document(url, content, **values)


def test_warc_round_trip_keeps_bytes_headers_and_charset(tmp_path: Path) -> None:
    warc = tmp_path / "run.warc.gz"
    cp1250 = POLISH.encode("cp1250")
    with WarcWriter(warc) as writer:
        writer.write(
            _document(
                "https://gops.example.pl/",
                cp1250,
                declared_charset="windows-1250",
                etag='"v1"',
                last_modified="Sat, 01 Mar 2025 12:00:00 GMT",
            )
        )
    append_to_warc(warc, _document("https://gops.example.pl/kontakt", b"<p>tel. 41 000 00 00</p>"))
    with gzip.open(warc, "rb") as handle:
        assert handle.read(8) == b"WARC/1.0"  # a standard WARC, readable by any WARC tool
    with ReplayFetcher(warc) as fetcher:
        document = fetcher.fetch("https://gops.example.pl/")
        assert document.content == cp1250
        assert document.text == POLISH
        assert (document.charset, document.declared_charset) == ("windows-1250", "windows-1250")
        assert (document.etag, document.last_modified) == ('"v1"', "Sat, 01 Mar 2025 12:00:00 GMT")
        assert document.fetched_at == datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
        assert fetcher.fetch("http://www.gops.example.pl/kontakt/").content.startswith(b"<p>")
    assert ReplaySource(warc).urls() == [
        "https://gops.example.pl/",
        "https://gops.example.pl/kontakt",
    ]


def test_warc_redirect_is_followed(tmp_path: Path) -> None:
    warc = tmp_path / "run.warc.gz"
    append_to_warc(warc, _document("http://pcpr.example.pl/", b"<p>PCPR</p>",
                                   final_url="https://pcpr.example.pl/start"))  # fmt: skip
    document = ReplayFetcher(warc).fetch("http://pcpr.example.pl/")
    assert (document.url, document.final_url) == (
        "http://pcpr.example.pl/",
        "https://pcpr.example.pl/start",
    )
    assert document.content == b"<p>PCPR</p>"


@pytest.mark.parametrize(
    ("url", "file"),
    [
        pytest.param("https://bip.gops.lubin.pl/", "social/bip.gops.lubin.pl.html", id="by-host"),
        pytest.param("http://bip.gops.lubin.pl", "social/bip.gops.lubin.pl.html",
                     id="no-slash-http"),
        pytest.param("https://gopsszemud.pl/", "social/www.gopsszemud.pl.html",
                     id="www-prefix-ignored"),
    ],
)  # fmt: skip
def test_folder_of_saved_home_pages(url: str, file: str) -> None:
    document = ReplayFetcher(FIXTURES).fetch(url)
    assert document.content == (FIXTURES / file).read_bytes()
    assert document.content_type == "text/html" and document.charset == "utf-8"


def test_host_tree_folder(tmp_path: Path) -> None:
    site = tmp_path / "www.mops.example.pl"
    (site / "kontakt").mkdir(parents=True)
    (site / "index.html").write_text("<p>start</p>", encoding="utf-8")
    (site / "kontakt" / "index.html").write_text("<p>kontakt</p>", encoding="utf-8")
    (site / "wykaz.csv").write_text("nazwa;adres\nMOPS;ul. A 1\n", encoding="utf-8")
    fetcher = ReplayFetcher(tmp_path)
    assert fetcher.fetch("https://mops.example.pl/").content == b"<p>start</p>"
    assert fetcher.fetch("https://mops.example.pl/kontakt/").content == b"<p>kontakt</p>"
    assert fetcher.fetch("https://mops.example.pl/wykaz.csv").content_type == "text/csv"
    with pytest.raises(FetchError, match="not in the replay material"):
        fetcher.fetch("https://mops.example.pl/../../etc/passwd")


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://nieznany.example.pl/", id="unknown-host"),
        pytest.param("https://bip.gops.lubin.pl/kontakt", id="saved-host-other-path"),
    ],
)
def test_unknown_url_is_a_fetch_error_naming_it(url: str) -> None:
    with pytest.raises(FetchError, match=f"{url}: not in the replay material"):
        ReplayFetcher(FIXTURES).fetch(url)


def test_size_cap_and_empty_body(tmp_path: Path) -> None:
    site = tmp_path / "duzy.example.pl"
    site.mkdir()
    (site / "index.html").write_bytes(b"x" * 2000)
    (site / "pusty.html").write_bytes(b"")
    fetcher = ReplayFetcher(tmp_path, policy=FetchPolicy(max_bytes=1000))
    with pytest.raises(FetchError, match="exceeds the 1000-byte cap"):
        fetcher.fetch("https://duzy.example.pl/")
    with pytest.raises(FetchError, match="empty"):
        fetcher.fetch("https://duzy.example.pl/pusty.html")


def test_bad_material_is_named(tmp_path: Path) -> None:
    with pytest.raises(ReplayError, match="does not exist"):
        ReplayFetcher(tmp_path / "brak")
    broken = tmp_path / "zepsuty.warc.gz"
    broken.write_bytes(b"to nie jest archiwum")
    with pytest.raises(ReplayError, match="zepsuty.warc.gz"):
        ReplayFetcher(broken)
    other = tmp_path / "strona.html"
    other.write_text("<p>x</p>")
    with pytest.raises(ReplayError, match="not a WARC file"):
        ReplayFetcher(other)


def test_write_warc_from_saved_files(tmp_path: Path) -> None:
    source = tmp_path / "wykaz.csv"
    source.write_bytes("nazwa;miejscowość\nGOPS;Bliżyn\n".encode("cp1250"))
    warc = tmp_path / "rejestry.warc.gz"
    assert write_warc(warc, [("https://urzad.example.pl/pliki/wykaz.csv", source)]) == 1
    document = ReplayFetcher(warc).fetch("https://urzad.example.pl/pliki/wykaz.csv")
    assert document.content_type == "text/csv"
    assert "Bliżyn" in document.text


def test_recording_fetcher_writes_what_the_network_served(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    body = POLISH.encode("iso-8859-2")
    httpserver.expect_request("/dane").respond_with_data(
        body, content_type="text/html; charset=iso-8859-2", headers={"ETag": '"e1"'}
    )
    warc = tmp_path / "noc.warc.gz"
    policy = FetchPolicy(delay_seconds=0, obey_robots=False, retries=0)
    with RecordingFetcher(WarcWriter(warc), policy) as fetcher:
        live = fetcher.fetch(httpserver.url_for("/dane"))
    assert isinstance(fetcher, Fetcher)
    replayed = ReplayFetcher(warc).fetch(httpserver.url_for("/dane"))
    assert replayed.content == live.content == body
    assert replayed.text == live.text == POLISH
    assert replayed.etag == '"e1"'
