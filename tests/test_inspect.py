"""`extract_one` and its printers (flows.inspect): what `wsparcie extract` shows."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from helpers import REPO, SHARED  # tests/ helper module
from pytest_httpserver import HTTPServer

from extractors.fetch import Fetcher, FetchPolicy
from extractors.replay import ReplayFetcher
from flows.inspect import FIELDS, ExtractOneError, extract_one, format_jsonl, format_table
from warehouse.gazetteer import load_gazetteer

FIXTURES = SHARED / "data" / "html_fixtures"
SEED = SHARED / "seeds" / "000_a6afdbd32f1756f3.txt"

PCPR_PAGE = """<html><head><title>Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej</title>
</head><body><footer><p>Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej</p>
<p>ul. Konarskiego 20</p><p>26-110 Skarżysko-Kamienna</p>
<p>tel. 41 25 30 000, e-mail: pcpr@skarzysko.powiat.pl</p></footer></body></html>"""


@pytest.fixture(scope="module")
def demo_gazetteer_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's five-county gazetteer in a DuckDB file, as `wsparcie demo` leaves one."""
    path = tmp_path_factory.mktemp("gazetteer") / "directory.duckdb"
    con = duckdb.connect(str(path))
    demo = REPO / "demo" / "gazetteer"
    load_gazetteer(con, terc=demo / "terc.csv", simc=demo / "simc.csv", pna=demo / "pna.csv")
    con.close()
    return path


def test_bip_page_from_a_local_path() -> None:
    rows = extract_one(str(FIXTURES / "social" / "gopsbobrowniki.bipstrona.pl.html"))
    assert len(rows) == 1
    row = rows[0]
    assert tuple(row) == FIELDS
    assert row["role"] == "subject" and row["parser"] == "bip_dane"
    # the saved page is ASCII-folded; the name gets its Polish letters back
    assert row["name"] == "Gminny Ośrodek Pomocy Społecznej w Bobrownikach"
    assert (row["type"], row["sector"]) == ("ops", "social_assistance")
    assert (row["postal_code"], row["nip"], row["regon"]) == ("87-617", "4660187455", "340655628")
    # +48542305150 is printed with the template's fax icon only: a number, typed as a fax
    assert row["phones"] == ["+48542305142", "+48542305146", "+48542305150"]
    assert [d["kinds"] for d in row["phone_details"]] == [["voice"], ["voice"], ["fax"]]
    assert row["emails"] is None and row["gmina_teryt"] is None  # no gazetteer given
    assert "social_work" in row["services"]
    # What the text states is a list even when it states nothing; other fields are null then.
    statements = ("services_stated", "services_default", "ages", "schedules")
    assert all(isinstance(row[key], list) for key in statements)
    assert all(v != "" and v != [] for k, v in row.items() if k not in statements)


def test_page_over_http_with_the_gazetteer(httpserver: HTTPServer, demo_gazetteer_db: Path) -> None:
    httpserver.expect_request("/kontakt").respond_with_data(
        PCPR_PAGE.encode("cp1250"), content_type="text/html; charset=windows-1250"
    )
    with Fetcher(FetchPolicy(delay_seconds=0, obey_robots=False, retries=0)) as fetcher:
        rows = extract_one(
            httpserver.url_for("/kontakt"), fetcher=fetcher, gazetteer_db=demo_gazetteer_db
        )
    assert [(r["name"], r["type"]) for r in rows] == [
        ("Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej", "pcpr")
    ]
    row = rows[0]
    assert (row["street"], row["postal_code"], row["locality"]) == (
        "ul. Konarskiego 20",
        "26-110",
        "Skarżysko-Kamienna",
    )
    assert (row["gmina_teryt"], row["powiat_teryt"]) == ("2610011", "2610")
    assert row["phones"] == ["+48412530000"] and row["emails"] == ["pcpr@skarzysko.powiat.pl"]


def test_article_mentions_in_the_nominative_with_county(demo_gazetteer_db: Path) -> None:
    rows = extract_one(str(SEED), county="2610", gazetteer_db=demo_gazetteer_db)
    assert {row["role"] for row in rows} == {"mention"}
    by_name = {row["name"]: row for row in rows}
    ppp = by_name["Poradnia Psychologiczno-Pedagogiczna w Skarżysku-Kamiennej"]
    assert ppp["name_raw"] == "Poradnią Psychologiczno-Pedagogiczną w Skarżysku-Kamiennej"
    assert (ppp["type"], ppp["powiat_teryt"]) == ("ppp", "2610")
    assert ppp["context"] and "Poradnią" in ppp["context"]


@pytest.mark.parametrize(
    "file",
    [
        pytest.param("negative/intervet.wodzislaw.pl.html", id="vet"),
        pytest.param("negative/juda.partneropony.pl.html", id="tyre-shop"),
        pytest.param("negative/lokalnyhit.pl.html", id="business-listing"),
    ],
)
def test_negative_pages_yield_nothing(file: str) -> None:
    assert extract_one(str(FIXTURES / file)) == []


def test_named_parser_overrides_detection() -> None:
    rows = extract_one(str(FIXTURES / "gmina" / "bip.dmosin.pl.html"), parser="contact_page")
    assert [row["parser"] for row in rows] == ["contact_page"]


@pytest.mark.parametrize(
    ("target", "kwargs", "message"),
    [
        pytest.param("/brak/takiego/pliku.html", {}, "pliku.html: no such file", id="missing"),
        pytest.param("file:///brak/strona.html", {}, "strona.html: cannot fetch: file not found",
                     id="missing-file-url"),
        pytest.param(str(SEED), {"parser": "nieznany"}, "unknown parser 'nieznany'",
                     id="unknown-parser"),
        pytest.param(str(SEED), {"county": "skarzyski"}, "not a TERYT powiat code",
                     id="bad-county"),
        pytest.param(str(SEED), {"gazetteer_db": Path("/brak/baza.duckdb")}, "baza.duckdb",
                     id="missing-gazetteer"),
    ],
)  # fmt: skip
def test_errors_name_the_target_and_cause(
    target: str, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ExtractOneError, match=message):
        extract_one(target, **kwargs)  # type: ignore[arg-type]


def test_public_page_naming_no_institution_is_an_error() -> None:
    # A police survey application: public host, but no institution named on the page.
    with pytest.raises(ExtractOneError, match="ankiety.policja.gov.pl/: no parser could read it"):
        extract_one("https://ankiety.policja.gov.pl/", fetcher=ReplayFetcher(FIXTURES))


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "pusta.html"
    empty.write_bytes(b"")
    with pytest.raises(ExtractOneError, match="pusta.html.*empty"):
        extract_one(str(empty))


def test_jsonl_one_object_per_line_with_nulls() -> None:
    rows = extract_one(str(FIXTURES / "social" / "bip.gops.lubin.pl.html"))
    text = format_jsonl(rows)
    lines = text.splitlines()
    assert len(lines) == len(rows) >= 1  # the GOPS, then the team its page names
    data = json.loads(lines[0])
    assert data["role"] == "subject"
    assert data["phones"] is None and data["nip"] == "6921139925"
    assert [json.loads(line)["role"] for line in lines[1:]] == ["mention"] * (len(lines) - 1)
    assert '""' not in text


def test_table_is_readable_in_100_columns() -> None:
    rows = extract_one(str(SEED), county="2610")
    table = format_table(rows)
    assert all(len(line) <= 100 for line in table.splitlines())
    assert table.startswith("[1] Poradnia Psychologiczno-Pedagogiczna w Skarżysku-Kamiennej")
    assert "    typ / sektor    ppp / education" in table
    assert table.count("\n\n") == len(rows) - 1
    assert format_table([]) == "nie znaleziono instytucji\n"


def test_a_saved_file_is_read_as_fetched_from_its_url() -> None:
    page = FIXTURES / "social" / "bip.gopskotla.pl.html"
    [as_file] = [r for r in extract_one(str(page)) if r["role"] == "subject"]
    fetched = extract_one(str(page), url="https://bip.gopskotla.pl/")
    [as_fetched] = [r for r in fetched if r["role"] == "subject"]
    # The owner's mailbox is the one on the site's own domain, which a bare file has not.
    assert as_file["emails"] is None and as_fetched["emails"] == ["kotla@gopskotla.pl"]
    assert as_fetched["url"] == "https://bip.gopskotla.pl/"
    same = [key for key in FIELDS if key not in ("emails", "email_details", "url")]
    assert [as_fetched[key] for key in same] == [as_file[key] for key in same]


def test_a_saved_page_is_judged_by_the_host_it_was_fetched_from() -> None:
    page = FIXTURES / "police" / "ankiety.policja.gov.pl.html"
    assert extract_one(str(page)) == []  # no public host: nothing says it is an institution's
    with pytest.raises(ExtractOneError, match="pl.html: no parser could read it"):
        extract_one(str(page), url="https://ankiety.policja.gov.pl/")


def test_cli_extract_with_url_and_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.cli import main

    page = FIXTURES / "school" / "bip.spdebice.pl.html"
    assert (
        main(["extract", str(page), "--url", "https://bip.spdebice.pl/", "--format", "jsonl"]) == 0
    )
    row = json.loads(capsys.readouterr().out.splitlines()[0])  # the school; its partners follow
    assert (row["emails"], row["url"]) == (["spdebice29@wp.pl"], "https://bip.spdebice.pl/")
    sheet = tmp_path / "placowki.csv"
    sheet.write_text(
        "Wykaz placówek;;\nPlacówka;Siedziba;Kontakt\n"
        "Świetlica Środowiskowa w Bliżynie;ul. Kościelna 79, 26-120 Bliżyn;41 254 10 00\n",
        encoding="utf-8",
    )
    args = ["extract", str(sheet), "--parser", "spreadsheet", "--format", "jsonl"]
    assert main([*args, "--option", "header_row=2"]) == 0
    assert json.loads(capsys.readouterr().out)["name_raw"] == "Świetlica Środowiskowa w Bliżynie"
    assert main([*args, "--option", "header_row"]) == 1
    assert "expected NAME=VALUE" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"url": "bip.gopskotla.pl"}, "is not an http", id="url-not-http"),
        pytest.param({"options": {"sheet": "A"}}, "options need a parser", id="options-no-parser"),
        pytest.param({"parser": "bip_dane", "options": {"sheet": "A"}},
                     "parser 'bip_dane' has no option 'sheet'", id="option-of-another-parser"),
    ],
)  # fmt: skip
def test_url_and_option_errors_name_the_target(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ExtractOneError, match=message):
        extract_one(str(FIXTURES / "social" / "bip.gopskotla.pl.html"), **kwargs)  # type: ignore[arg-type]


def test_url_is_for_a_saved_file(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/kontakt").respond_with_data(PCPR_PAGE, content_type="text/html")
    with pytest.raises(ExtractOneError, match="--url gives a saved file its address"):
        extract_one(httpserver.url_for("/kontakt"), url="https://example.invalid/")
