"""Broken sources fail alone, with a message naming the source and the cause: a page larger than
the cap, a page in an unexpected encoding, a spreadsheet that is not what its extension says, an
empty file. Served by a real local HTTP server; each source goes through `extract_source`, and
the healthy source declared after them is still extracted."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from extractors.catalogue import Source
from extractors.extract import SourceResult, extract_source
from extractors.fetch import Fetcher, FetchPolicy

GOOD_PAGE = """<html><head><title>Gminny Ośrodek Pomocy Społecznej w Bliżynie</title></head>
<body><footer><p>Gminny Ośrodek Pomocy Społecznej w Bliżynie</p><p>ul. Kościelna 79</p>
<p>26-120 Bliżyn</p><p>tel. 41 254 10 00</p></footer></body></html>"""
CAP = 4096


def _source(slug: str, url: str, parser: str) -> Source:
    return Source(
        slug=slug,
        title=slug,
        county="2610",
        kind="institution_page" if parser != "spreadsheet" else "spreadsheet",
        url=url,
        parser=parser,
        path=Path(f"sources/2610_skarzyski/{slug}.yml"),
    )


@pytest.fixture
def served(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/duza.html").respond_with_data(
        "<html>" + "x" * (2 * CAP) + "</html>", content_type="text/html"
    )
    utf16 = GOOD_PAGE.encode("utf-16-le")  # no byte-order mark, declared as UTF-8
    httpserver.expect_request("/utf16.html").respond_with_data(
        utf16, content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/skompresowana.html").respond_with_data(
        b"not gzip at all", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    httpserver.expect_request("/wykaz.xlsx").respond_with_data(
        GOOD_PAGE, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    httpserver.expect_request("/wykaz.xls").respond_with_data(
        gzip.compress(b"PK\x03\x04 broken"), content_type="application/vnd.ms-excel"
    )
    httpserver.expect_request("/pusty.csv").respond_with_data(b"", content_type="text/csv")
    httpserver.expect_request("/gops.html").respond_with_data(
        GOOD_PAGE.encode("cp1250"), content_type="text/html; charset=windows-1250"
    )
    return httpserver


CASES = [
    pytest.param("duza_strona", "/duza.html", "contact_page",
                 ("fetch:", f"exceeds the {CAP}-byte cap"), id="larger-than-cap"),
    pytest.param("strona_utf16", "/utf16.html", "contact_page",
                 ("parse:", "unexpected encoding"), id="utf16-declared-utf8"),
    pytest.param("zla_kompresja", "/skompresowana.html", "bip_dane",
                 ("fetch:", "cannot decode the compressed body"), id="bad-content-encoding"),
    pytest.param("arkusz_html", "/wykaz.xlsx", "spreadsheet",
                 ("parse:", "wykaz.xlsx"), id="xlsx-that-is-html"),
    pytest.param("arkusz_gzip", "/wykaz.xls", "spreadsheet",
                 ("parse:", "wykaz.xls"), id="xls-that-is-gzip"),
    pytest.param("pusty_plik", "/pusty.csv", "spreadsheet",
                 ("fetch:", "empty (0 bytes)"), id="empty-file"),
]  # fmt: skip


def _run(served: HTTPServer, sources: list[Source]) -> list[SourceResult]:
    policy = FetchPolicy(delay_seconds=0, retries=0, max_bytes=CAP, obey_robots=True)
    with Fetcher(policy) as fetcher:
        return [extract_source(source, fetcher, None) for source in sources]


@pytest.mark.parametrize(("slug", "path", "parser", "expected"), CASES)
def test_broken_source_fails_with_a_named_cause(
    served: HTTPServer, slug: str, path: str, parser: str, expected: tuple[str, str]
) -> None:
    good = _source("gops_blizyn", served.url_for("/gops.html"), "contact_page")
    broken, healthy = _run(served, [_source(slug, served.url_for(path), parser), good])
    assert (broken.source, broken.status, broken.records) == (slug, "failed", ())
    assert broken.message is not None
    stage, cause = expected
    assert broken.message.startswith(stage), broken.message
    assert cause in broken.message and path.lstrip("/") in broken.message, broken.message
    assert healthy.status == "extracted"
    assert [r.parsed.name_raw for r in healthy.records] == [
        "Gminny Ośrodek Pomocy Społecznej w Bliżynie"
    ]


def test_a_run_goes_on_past_every_broken_source(served: HTTPServer) -> None:
    sources = []
    for case in CASES:
        slug, path, parser, _ = case.values
        assert isinstance(slug, str) and isinstance(path, str) and isinstance(parser, str)
        sources.append(_source(slug, served.url_for(path), parser))
    sources.append(_source("gops_blizyn", served.url_for("/gops.html"), "contact_page"))
    results = _run(served, sources)
    assert [r.status for r in results] == ["failed"] * len(CASES) + ["extracted"]
    assert [r.source for r in results] == [s.slug for s in sources]
