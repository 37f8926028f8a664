"""The site crawl against real local HTTP servers (pytest-httpserver): robots.txt honoured, the
page budget held, links off the host and to files not followed, the BIP's data page followed
off the host and nothing beyond it, a redirect loop and a 5xx page survived, and a second crawl
that gets 304s parses nothing and keeps every page's records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from extractors.archive import Archive
from extractors.catalogue import Source
from extractors.context import ParseContext
from extractors.crawl import PreviousPage, SiteCrawl, SitePrevious, crawl_site, parse_site_page
from extractors.extract import extract_source, site_record_id
from extractors.fetch import Fetcher, FetchPolicy
from extractors.records import Document, ParsedInstitution
from extractors.site_links import is_file_address, match_link

POLICY = FetchPolicy(delay_seconds=0, retries=0, backoff_seconds=0, timeout_seconds=5)
FOOTER = """<footer><p><strong>Poradnia Psychologiczno-Pedagogiczna w Piszu</strong><br>
ul. Przykładowa 3<br>12-200 Pisz</p><p>tel. 87 000 03 03</p>
<p>e-mail: sekretariat@ppp-pisz.example</p></footer>"""


def page(title: str, body: str, *, footer: bool = True) -> str:
    return (
        f'<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body>{body}{FOOTER if footer else ''}</body></html>"
    )


@pytest.fixture(autouse=True)
def loopback_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fetcher's guard against internal addresses lets the tests' 127.0.0.1 servers through.
    monkeypatch.setenv("WSPARCIE_FETCH_ALLOW", "127.0.0.1")


@pytest.fixture
def other_host() -> Iterator[HTTPServer]:
    """A second host (another port): a partner's site and the institution's BIP."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def serve_site(httpserver: HTTPServer, other: HTTPServer) -> None:
    """A poradnia's site: its menu as a person sees it, plus every trap the crawl must avoid."""
    bip = other.url_for("/bip/ppp-pisz")
    menu = f"""<nav><ul>
      <li><a href="/">Strona główna</a></li>
      <li><a href="/kontakt">Kontakt</a></li>
      <li><a href="/oferta">Oferta poradni</a></li>
      <li><a href="/godziny-pracy">Godziny pracy</a></li>
      <li><a href="/prywatne/dyzury">Dyżury specjalistów</a></li>
      <li><a href="/terapia">Terapia</a></li>
      <li><a href="/zajecia">Zajęcia grupowe</a></li>
      <li><a href="/aktualnosci">Aktualności</a></li>
      <li><a href="/druki/formy-pomocy.pdf">Formy pomocy (PDF)</a></li>
      <li><a href="/oferty-pracy">Oferty pracy</a></li>
      <li><a href="{other.url_for("/kontakt")}">Kontakt z PCPR w Piszu</a></li>
      <li><a href="{bip}"><img src="/bip.png" alt="BIP"></a></li>
      <li><a href="/dla-rodzicow">Dla rodziców</a></li>
      <li><a href="/o-nas">O nas</a></li>
    </ul></nav>"""
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /prywatne/\n", content_type="text/plain"
    )
    pages = {
        "/": page(
            "Poradnia Psychologiczno-Pedagogiczna w Piszu",
            menu + "<main><h1>Poradnia Psychologiczno-Pedagogiczna w Piszu</h1>"
            "<p>Zapraszamy dzieci, młodzież i rodziców.</p></main>",
        ),
        "/kontakt": page(
            "Kontakt – Poradnia Psychologiczno-Pedagogiczna w Piszu",
            menu + "<main><h1>Kontakt</h1><p>Sekretariat czynny pon.–pt. 7:30–15:30.</p></main>",
        ),
        "/oferta": page(
            "Oferta",
            menu + "<main><h1>Oferta</h1><p>Prowadzimy terapię logopedyczną dla dzieci od 3 lat"
            " oraz diagnozę psychologiczną. Pomoc jest bezpłatna.</p>"
            '<p><a href="/oferta/integracja-sensoryczna">Integracja sensoryczna – terapia</a>'
            "</p></main>",
            footer=False,
        ),
        "/oferta/integracja-sensoryczna": page(
            "Integracja sensoryczna",
            "<main><p>Terapia integracji sensorycznej dla dzieci w wieku 4–10 lat.</p></main>",
            footer=False,
        ),
        "/godziny-pracy": page(
            "Godziny pracy",
            menu + "<main><p>Poniedziałek–piątek 8:00–18:00.</p></main>",
            footer=False,
        ),
        "/dla-rodzicow": page("Dla rodziców", menu + "<main><p>Porady dla rodziców.</p></main>"),
        "/o-nas": page("O nas", menu + "<main><p>Poradnia działa od 1975 roku.</p></main>"),
    }
    for path, html in pages.items():
        httpserver.expect_request(path).respond_with_data(
            html, content_type="text/html; charset=utf-8"
        )
    httpserver.expect_request("/terapia").respond_with_data("awaria", status=500)
    httpserver.expect_request("/zajecia").respond_with_data(
        "", status=302, headers={"Location": "/zajecia-2"}
    )
    httpserver.expect_request("/zajecia-2").respond_with_data(
        "", status=302, headers={"Location": "/zajecia"}
    )
    other.expect_request("/robots.txt").respond_with_data("", status=404)
    other.expect_request("/bip/ppp-pisz").respond_with_data(
        page(
            "BIP Poradni Psychologiczno-Pedagogicznej w Piszu",
            '<a href="/bip/ppp-pisz/dane">Dane teleadresowe</a>'
            '<a href="/bip/ppp-pisz/przetargi">Zamówienia publiczne</a>'
            '<a href="/bip/ppp-pisz/budzet">Budżet</a>',
            footer=False,
        ),
        content_type="text/html; charset=utf-8",
    )
    other.expect_request("/bip/ppp-pisz/dane").respond_with_data(
        page(
            "Dane teleadresowe – BIP",
            "<h2>Dane teleadresowe</h2><p>Nazwa: Poradnia Psychologiczno-Pedagogiczna w Piszu</p>"
            "<p>Adres: ul. Przykładowa 3</p><p>Kod pocztowy: 12-200</p>"
            "<p>Miejscowość: Pisz</p><p>Telefon: 87 000 03 03</p>"
            '<p><a href="/bip/ppp-pisz/kontakt">Kontakt</a></p>',
            footer=False,
        ),
        content_type="text/html; charset=utf-8",
    )


def site_source(url: str, max_pages: int = 8, publisher: str | None = None) -> Source:
    return Source(
        slug="ppp_pisz_www",
        title="Poradnia Psychologiczno-Pedagogiczna w Piszu — strona internetowa",
        county="2816",
        kind="site",
        url=url,
        parser="site",
        path=Path("sources/2816_piski/ppp_pisz_www.yml"),
        publisher=publisher,
        max_pages=max_pages,
    )


def requested(server: HTTPServer) -> list[str]:
    return [request.path for request, _response in server.log]


def by_url(crawl: SiteCrawl) -> dict[str, str]:
    return {visit.url: visit.outcome for visit in crawl.pages}


def crawl(httpserver: HTTPServer, max_pages: int, archive: Path | None = None) -> SiteCrawl:
    with Fetcher(POLICY, Archive(archive) if archive else None) as fetcher:
        return crawl_site(site_source(httpserver.url_for("/"), max_pages), fetcher)


def test_a_person_s_links_are_followed_and_the_traps_are_not(
    httpserver: HTTPServer, other_host: HTTPServer
) -> None:
    serve_site(httpserver, other_host)
    result = crawl(httpserver, max_pages=12)
    outcomes = by_url(result)
    url = httpserver.url_for
    assert outcomes[url("/")] == "read"
    assert outcomes[url("/kontakt")] == "read"
    assert outcomes[url("/oferta")] == "read"
    assert outcomes[url("/oferta/integracja-sensoryczna")] == "read"  # two links deep
    # robots.txt: listed as refused, never requested
    assert outcomes[url("/prywatne/dyzury")] == "robots"
    assert "/prywatne/dyzury" not in requested(httpserver)
    # a 5xx page and a redirect loop fail alone; the crawl goes on
    assert outcomes[url("/terapia")] == "failed"
    assert outcomes[url("/zajecia")] == "failed"
    loop = next(v for v in result.pages if v.url == url("/zajecia"))
    assert loop.message is not None and "redirect loop" in loop.message
    assert result.failure is None
    # files, job offers, news and a partner's site on another host are not followed
    for path in ("/druki/formy-pomocy.pdf", "/oferty-pracy", "/aktualnosci"):
        assert path not in requested(httpserver)
    assert "/kontakt" not in requested(other_host)
    # the BIP: its first page for the link to its data page, that page, nothing more
    assert outcomes[other_host.url_for("/bip/ppp-pisz")] == "links_only"
    assert outcomes[other_host.url_for("/bip/ppp-pisz/dane")] == "read"
    assert [p for p in requested(other_host) if p != "/robots.txt"] == [
        "/bip/ppp-pisz",
        "/bip/ppp-pisz/dane",
    ]
    # why each page was read
    reasons = {visit.url: visit.reason for visit in result.pages}
    assert reasons[url("/")] == "home page"
    assert reasons[url("/kontakt")] == 'link "Kontakt" (contact)'
    assert reasons[url("/godziny-pracy")] == 'link "Godziny pracy" (hours)'
    assert reasons[other_host.url_for("/bip/ppp-pisz/dane")].startswith(
        'BIP: link "Dane teleadresowe"'
    )


def test_the_page_budget_is_held(httpserver: HTTPServer, other_host: HTTPServer) -> None:
    serve_site(httpserver, other_host)
    result = crawl(httpserver, max_pages=4)
    fetched = [p for p in requested(httpserver) if p != "/robots.txt"]
    fetched += [p for p in requested(other_host) if p != "/robots.txt"]
    # a redirect loop's hops are one page's requests; count the pages asked for
    pages = {p if not p.startswith("/zajecia") else "/zajecia" for p in fetched}
    assert len(pages) <= 4
    assert len([v for v in result.pages if v.outcome not in ("budget", "robots")]) == 4
    budget = [v for v in result.pages if v.outcome == "budget"]
    assert budget, "links left for want of budget are listed"
    assert all("max_pages 4 reached" in (v.message or "") for v in budget)
    # contact links go first: within the first depth, priority decides
    read = [v.url for v in result.pages if v.outcome == "read"]
    assert read[:2] == [httpserver.url_for("/"), httpserver.url_for("/kontakt")]


def test_pages_of_one_site_are_one_institution(
    httpserver: HTTPServer, other_host: HTTPServer
) -> None:
    serve_site(httpserver, other_host)
    result = crawl(httpserver, max_pages=12)
    assert result.subject == "Poradnia Psychologiczno-Pedagogiczna w Piszu"
    records = {page.document.final_url: page.records for page in result.read}
    # the offer page never names its owner: it gives the site's subject with its own text
    offer = records[httpserver.url_for("/oferta")]
    assert [r.role for r in offer] == ["subject"]
    assert offer[0].name_raw == result.subject
    assert offer[0].description_raw is not None
    assert "terapię logopedyczną" in offer[0].description_raw
    assert offer[0].phones_raw == ()  # what the page does not say is not made up
    # the contact page names it itself, with its footer's contacts
    contact = records[httpserver.url_for("/kontakt")]
    assert any(r.phones_raw for r in contact if r.role == "subject")


def test_a_second_crawl_of_an_unchanged_site_parses_nothing(
    httpserver: HTTPServer, other_host: HTTPServer, tmp_path: Path
) -> None:
    """Every page answers a conditional GET with 304: nothing is parsed, every record stays."""

    def revalidating(body: str) -> object:
        def handler(request: Request) -> Response:
            if request.headers.get("If-None-Match") == '"v1"':
                return Response(status=304, headers={"ETag": '"v1"'})
            return Response(body, content_type="text/html; charset=utf-8", headers={"ETag": '"v1"'})

        return handler

    home = page(
        "Stowarzyszenie Pomocy ARKA NOEGO w Skarżysku-Kamiennej",
        '<nav><a href="/kontakt">Kontakt</a> <a href="/grupy-wsparcia">Grupy wsparcia</a></nav>'
        "<main><p>Pomagamy rodzinom zastępczym.</p></main>",
    )
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    for path, body in {
        "/": home,
        "/kontakt": page("Kontakt", "<p>Zapraszamy.</p>"),
        "/grupy-wsparcia": page(
            "Grupy wsparcia",
            "<p>Grupa wsparcia dla rodzin zastępczych spotyka się we wtorki.</p>",
            footer=False,
        ),
    }.items():
        httpserver.expect_request(path).respond_with_handler(revalidating(body))  # type: ignore[arg-type]

    parsed: list[str] = []

    def counting(document: Document, context: ParseContext) -> list[ParsedInstitution]:
        parsed.append(document.final_url)
        return parse_site_page(document, context)

    source = site_source(httpserver.url_for("/"))
    archive = Archive(tmp_path / "archive")
    with Fetcher(POLICY, archive) as fetcher:
        first = crawl_site(source, fetcher, None, parse=counting)
    assert len(parsed) == 3 and first.records == 3
    previous = SitePrevious(
        tuple(
            PreviousPage(v.url, v.final_url or v.url, v.sha256 or "", v.records or 0)
            for v in first.pages
        ),
        first.subject,
    )
    parsed.clear()
    httpserver.clear_log()
    with Fetcher(POLICY, archive) as fetcher:
        second = crawl_site(source, fetcher, previous, parse=counting)
    assert parsed == [], "unchanged pages are not parsed again"
    assert {v.outcome for v in second.pages} == {"unchanged"}
    assert all(response.status_code == 304 for request, response in httpserver.log
               if request.path != "/robots.txt")  # fmt: skip
    assert second.unchanged and second.read == ()
    assert second.kept_records == 3
    assert set(second.kept_urls) == {v.final_url for v in first.pages}
    # through the extract stage: the source is unchanged as a whole
    with Fetcher(POLICY, archive) as fetcher:
        result = extract_source(source, fetcher, None, previous)
    assert result.status == "unchanged" and len(result.pages) == 3


def test_a_failed_home_page_fails_the_site(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data("awaria", status=503)
    with Fetcher(POLICY) as fetcher:
        result = extract_source(site_source(httpserver.url_for("/")), fetcher, None)
    assert result.status == "failed"
    assert result.message is not None and "home page" in result.message and "503" in result.message
    assert [v.outcome for v in result.pages] == ["failed"]


@pytest.mark.parametrize(
    ("text", "url", "rule"),
    [
        pytest.param("Kontakt", "/k", "Kontakt", id="text"),
        pytest.param("GODZINY PRACY", "/x", "Godziny pracy", id="upper-case"),
        pytest.param("W godzinach pracy", "/x", "Godziny pracy", id="inflected"),
        pytest.param("Praca z rodziną", "/x", None, id="one-word-of-a-phrase"),
        pytest.param("Czytaj", "/godziny-otwarcia.html", "Godziny otwarcia", id="address-words"),
        pytest.param("Czytaj", "/zajecia-dla-dzieci", "Zajęcia", id="folded-address"),
        pytest.param("Nasze terapie", "/x", "Terapia", id="plural-lemma"),
        pytest.param("Formy pomocy", "/x", "Formy pomocy", id="two-words"),
        pytest.param("Oferty pracy", "/oferta", None, id="job-offer-skipped"),
        pytest.param("Aktualności", "/aktualnosci", None, id="news-not-followed"),
        pytest.param("Więcej", "/dla-rodzicow/porady", "Dla rodziców", id="dla-rodzicow"),
    ],
)
def test_link_words(text: str, url: str, rule: str | None) -> None:
    found = match_link(text, f"https://ppp.example{url}")
    assert (found.rule.words if found else None) == rule


def test_the_site_s_own_folder_says_nothing_about_its_links() -> None:
    """A site under /poradnia/ does not make every link a "Poradnia" link."""
    assert (
        match_link("Aktualności", "https://gmina.example/poradnia/aktualnosci", "/poradnia/")
        is None
    )
    assert match_link("Aktualności", "https://gmina.example/poradnia/aktualnosci") is not None


@pytest.mark.parametrize(
    ("url", "is_file"),
    [
        ("https://x.example/druki/wniosek.PDF", True),
        ("https://x.example/a/b.docx?v=2", True),
        ("https://x.example/galeria/1.jpg", True),
        ("https://x.example/pliki.zip", True),
        ("https://x.example/kontakt.html", False),
        ("https://x.example/kontakt", False),
        ("https://x.example/v1.2/kontakt", False),
    ],
)
def test_file_addresses(url: str, is_file: bool) -> None:
    assert is_file_address(url) is is_file


def test_a_site_record_s_id_names_its_page_not_the_server() -> None:
    """The same page of the same site keeps its record id when the site's address moves (the
    demo's server takes a new port each run); another page, or another host's page, does not."""
    record = ParsedInstitution(name_raw="Poradnia Psychologiczno-Pedagogiczna w Piszu")
    first = site_source("http://127.0.0.1:41000/piski/ppp-pisz/")
    second = site_source("http://127.0.0.1:52000/piski/ppp-pisz/")
    same = site_record_id(first, "http://127.0.0.1:41000/piski/ppp-pisz/oferta.html", record)
    assert same == site_record_id(
        second, "http://127.0.0.1:52000/piski/ppp-pisz/oferta.html", record
    )
    assert same != site_record_id(first, "http://127.0.0.1:41000/piski/ppp-pisz/", record)
    assert same != site_record_id(first, "https://bip.example/piski/ppp-pisz/oferta.html", record)


def test_a_page_failing_tonight_keeps_what_it_said_and_a_redirect_off_the_site_is_not_read(
    httpserver: HTTPServer, other_host: HTTPServer
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data(
        page(
            "Poradnia Psychologiczno-Pedagogiczna w Piszu",
            '<nav><a href="/oferta">Oferta</a> <a href="/kontakt">Kontakt</a></nav>',
        ),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/oferta").respond_with_data("awaria", status=500)
    # the contact page moved to the county's portal
    httpserver.expect_request("/kontakt").respond_with_data(
        "", status=301, headers={"Location": other_host.url_for("/jednostki/ppp")}
    )
    other_host.expect_request("/robots.txt").respond_with_data("", status=404)
    other_host.expect_request("/jednostki/ppp").respond_with_data(
        page("Powiat piski – jednostki", "<p>Lista jednostek powiatu.</p>"),
        content_type="text/html; charset=utf-8",
    )
    offer = httpserver.url_for("/oferta")
    previous = SitePrevious((PreviousPage(offer, offer, "a" * 64, 2),), "Poradnia w Piszu")
    with Fetcher(POLICY) as fetcher:
        result = crawl_site(site_source(httpserver.url_for("/")), fetcher, previous)
    visits = {v.url: v for v in result.pages}
    failed = visits[offer]
    assert failed.outcome == "failed" and failed.records == 2 and failed.sha256 == "a" * 64
    assert failed.message is not None and "its 2 earlier record(s) kept" in failed.message
    assert result.kept_urls == (offer,) and result.kept_records == 2
    assert not result.unchanged
    moved = visits[httpserver.url_for("/kontakt")]
    assert moved.outcome == "left_site" and moved.final_url == other_host.url_for("/jednostki/ppp")
    assert [page.document.final_url for page in result.read] == [httpserver.url_for("/")]


def test_a_site_whose_pages_never_name_their_owner_says_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data(
        page("Witamy", '<nav><a href="/oferta">Oferta</a></nav><p>Witamy.</p>', footer=False),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/oferta").respond_with_data(
        page("Oferta", "<p>Terapia logopedyczna dla dzieci.</p>", footer=False),
        content_type="text/html; charset=utf-8",
    )
    with Fetcher(POLICY) as fetcher:
        unnamed = crawl_site(site_source(httpserver.url_for("/")), fetcher)
        named = crawl_site(
            site_source(httpserver.url_for("/"), publisher="Poradnia w Piszu"), fetcher
        )
    assert unnamed.records == 0 and unnamed.subject is None
    assert any("no page of the site names its owner" in i.message for i in unnamed.issues)
    assert named.subject == "Poradnia w Piszu" and named.records == 2
