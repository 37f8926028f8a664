"""The parser contract: a parser gets its source's context, reads the options declared for it,
and what it skips lands in the run's issues table (a real DuckDB file), in `wsparcie status`
and in the run report. Documents are served by a real local HTTP server or built in tmp_path.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from helpers import make_document  # tests/ helper module
from pytest_httpserver import HTTPServer

from extractors.catalogue import Source
from extractors.context import Issue, ParseContext
from extractors.directories import parse_directory
from extractors.extract import extract_source
from extractors.fetch import Fetcher, FetchPolicy
from extractors.records import ExtractionError
from extractors.spreadsheets import parse_spreadsheet
from flows.cli import main
from flows.status import print_status
from warehouse.db import open_warehouse
from warehouse.load import finish_run, load_results, register_sources, start_run
from warehouse.run_report import read_run_report, record_checks, report_markdown

# A header whose labels name one known column only ("Placówka"): detection needs two, so the
# source must declare where its header is.
WEAK_HEADER_CSV = (
    "Wykaz placówek wsparcia dziennego – stan na 1 lipca 2026 r.;;\n"
    "Placówka;Siedziba;Kontakt\n"
    "Świetlica Środowiskowa w Bliżynie;ul. Kościelna 79, 26-120 Bliżyn;41 254 10 00\n"
    ";ul. Bez Nazwy 1, 26-120 Bliżyn;41 254 10 01\n"
    "Klub Młodzieżowy w Skarżysku;ul. Szkolna 1, 26-110 Skarżysko-Kamienna;41 251 00 00;x\n"
    "Dom Dziennego Pobytu w Suchedniowie;ul. Ogrodowa 4, 26-130 Suchedniów;41 254 30 00\n"
)


def workbook(tmp_path: Path) -> bytes:
    """Two sheets that both look like tables: the notes and the listing."""
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Objaśnienia"
    notes.append(["Nazwa", "Adres"])
    notes.append(["Wojewódzki Urząd (wzór)", "ul. Przykładowa 1, 00-001 Warszawa"])
    listing = book.create_sheet("Wykaz")
    listing.append(["Nazwa placówki", "Adres", "Telefon"])
    listing.append(["Dom Pomocy Społecznej w Bełchatowie", "ul. Dąbrowskiego 2", "446321234"])
    path = tmp_path / "wykaz.xlsx"
    book.save(path)
    return path.read_bytes()


def test_a_spreadsheet_reads_the_declared_sheet_only(tmp_path: Path) -> None:
    doc = make_document("file:///data/wykaz.xlsx", workbook(tmp_path))
    every = parse_spreadsheet(doc, ParseContext.standalone(doc.url))
    assert [r.name_raw for r in every] == [
        "Wojewódzki Urząd (wzór)",
        "Dom Pomocy Społecznej w Bełchatowie",
    ]
    declared = parse_spreadsheet(doc, ParseContext.standalone(doc.url, {"sheet": "Wykaz"}))
    assert [(r.name_raw, r.phones_raw) for r in declared] == [
        ("Dom Pomocy Społecznej w Bełchatowie", ("446321234",))
    ]
    with pytest.raises(ExtractionError, match=r"no sheet named 'Wykaz 2026' \(sheets: Obja"):
        parse_spreadsheet(doc, ParseContext.standalone(doc.url, {"sheet": "Wykaz 2026"}))


def test_a_spreadsheet_reads_its_table_from_the_declared_header_row() -> None:
    doc = make_document("file:///data/placowki.csv", WEAK_HEADER_CSV.encode("utf-8"))
    with pytest.raises(ExtractionError, match="no sheet has a header row"):
        parse_spreadsheet(doc, ParseContext.standalone(doc.url))
    context = ParseContext.standalone(doc.url, {"header_row": "2"})
    records = parse_spreadsheet(doc, context)
    assert [(r.name_raw, r.extra) for r in records] == [
        (
            "Świetlica Środowiskowa w Bliżynie",
            (("Siedziba", "ul. Kościelna 79, 26-120 Bliżyn"), ("Kontakt", "41 254 10 00")),
        ),
        (
            "Dom Dziennego Pobytu w Suchedniowie",
            (("Siedziba", "ul. Ogrodowa 4, 26-130 Suchedniów"), ("Kontakt", "41 254 30 00")),
        ),
    ]
    assert [(i.level, i.record, i.message) for i in context.issues] == [
        (
            "warning",
            "placowki.csv, sheet 'csv', row 4",
            "no name in this row; skipped (ul. Bez Nazwy 1, 26-120 Bliżyn | 41 254 10 01)",
        ),
        ("warning", "placowki.csv, sheet 'csv', row 5", "4 cells under a 3-column header; skipped"),
    ]
    with pytest.raises(ExtractionError, match="declared row 9 .csv: the header row 9 is past"):
        parse_spreadsheet(doc, ParseContext.standalone(doc.url, {"header_row": "9"}))


DIRECTORY = """<html><body><main>
<table><tr><th>Nazwa</th><th>Adres</th><th>Telefon</th></tr>
<tr><td>Urząd Marszałkowski (partner)</td><td>ul. Sienkiewicza 63, 25-002 Kielce</td>
<td>41 342 15 30</td></tr></table>
<div id="wykaz"><table><tr><th>Nazwa</th><th>Adres</th><th>Telefon</th></tr>
<tr><td>Gminny Ośrodek Pomocy Społecznej w Bliżynie</td><td>ul. Kościelna 79, 26-120 Bliżyn</td>
<td>41 254 10 00</td></tr></table></div>
</main></body></html>"""


def test_a_directory_reads_what_its_selector_names() -> None:
    doc = make_document(
        "https://example.invalid/adresy", DIRECTORY.encode(), content_type="text/html"
    )
    assert len(parse_directory(doc, ParseContext.standalone(doc.url))) == 2
    chosen = parse_directory(doc, ParseContext.standalone(doc.url, {"selector": "#wykaz"}))
    assert [(r.name_raw, r.postal_code_raw) for r in chosen] == [
        ("Gminny Ośrodek Pomocy Społecznej w Bliżynie", "26-120")
    ]
    with pytest.raises(ExtractionError, match="the selector '#brak' matches nothing"):
        parse_directory(doc, ParseContext.standalone(doc.url, {"selector": "#brak"}))


def test_an_option_no_parser_declares_is_a_bug_not_a_silent_none() -> None:
    with pytest.raises(KeyError, match="'arkusz' is not declared"):
        ParseContext.standalone("file:///x.csv").option("arkusz")


def _source(slug: str, url: str, parser: str, **options: str) -> Source:
    return Source(
        slug=slug,
        title=slug,
        county="2610",
        kind="spreadsheet" if parser == "spreadsheet" else "institution_page",
        url=url,
        parser=parser,
        path=Path(f"sources/2610_skarzyski/{slug}.yml"),
        options=tuple(sorted(options.items())),
    )


@pytest.fixture
def warehouse_after_a_run(httpserver: HTTPServer, tmp_path: Path) -> tuple[Path, str]:
    """One run over a spreadsheet that declares its header row (two rows skipped) and a page
    that is no BIP data page (the source fails), loaded into a DuckDB file."""
    httpserver.expect_request("/placowki.csv").respond_with_data(
        WEAK_HEADER_CSV.encode("cp1250"), content_type="text/csv"
    )
    httpserver.expect_request("/dane.html").respond_with_data(
        "<html><body><p>Strona w przebudowie</p></body></html>", content_type="text/html"
    )
    sources = [
        _source("placowki", httpserver.url_for("/placowki.csv"), "spreadsheet", header_row="2"),
        _source("gops_dane", httpserver.url_for("/dane.html"), "bip_dane"),
    ]
    policy = FetchPolicy(delay_seconds=0, obey_robots=False, retries=0)
    with Fetcher(policy) as fetcher:
        results = [extract_source(source, fetcher, None) for source in sources]
    db, run_id = tmp_path / "directory.duckdb", "20260801T020000Z-abc123"
    with open_warehouse(db) as con:
        register_sources(con, sources)
        start_run(con, run_id, "sources", len(sources))
        load_results(con, run_id, results, sources)
        record_checks(con, run_id)
        finish_run(con, run_id, "completed_with_failures")
    return db, run_id


def test_warnings_and_errors_land_in_the_issues_table(
    warehouse_after_a_run: tuple[Path, str], httpserver: HTTPServer
) -> None:
    db, run_id = warehouse_after_a_run
    with open_warehouse(db, read_only=True) as con:
        records = con.execute(
            "SELECT count(*) FROM raw_records WHERE source = 'placowki' AND active"
        ).fetchone()
        rows = con.execute(
            "SELECT run_id, source, seq, level, record, url, message FROM issues"
            " ORDER BY source, seq"
        ).fetchall()
    assert records == (2,)  # the declared header row was read
    csv_url, page_url = httpserver.url_for("/placowki.csv"), httpserver.url_for("/dane.html")
    assert [row[:6] for row in rows] == [
        (run_id, "gops_dane", 1, "error", None, page_url),
        (run_id, "placowki", 1, "warning", "placowki.csv, sheet 'csv', row 4", csv_url),
        (run_id, "placowki", 2, "warning", "placowki.csv, sheet 'csv', row 5", csv_url),
    ]
    assert rows[0][6].startswith("parse: ") and "no BIP 'Dane teleadresowe' block" in rows[0][6]
    assert rows[1][6] == (
        "no name in this row; skipped (ul. Bez Nazwy 1, 26-120 Bliżyn | 41 254 10 01)"
    )
    assert rows[2][6] == "4 cells under a 3-column header; skipped"


def test_status_and_the_run_report_show_the_issues(
    warehouse_after_a_run: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _run_id = warehouse_after_a_run
    assert main(["status", "--db", str(db)]) == 2  # gops_dane is failing
    out = capsys.readouterr().out
    assert "issues (2 warning(s), 1 error(s); all in the table issues):" in out
    assert "  gops_dane: 1 error(s)\n  placowki: 2 warning(s)\n" in out
    assert (
        "  placowki: warning: placowki.csv, sheet 'csv', row 5: "
        "4 cells under a 3-column header; skipped"
    ) in out
    assert out.index("gops_dane: error: parse:") < out.index("placowki: warning:")
    with open_warehouse(db, read_only=True) as con:
        report = read_run_report(con)
    assert report is not None
    markdown = report_markdown(report)
    assert "## Issues (the `issues` table)" in markdown
    assert "- **placowki**: 2 warning(s), 0 error(s)" in markdown


def test_a_run_without_issues_says_nothing_about_them(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    source = _source("pusty", "http://127.0.0.1:9/x.csv", "spreadsheet")
    with open_warehouse(db) as con:
        register_sources(con, [source])
        start_run(con, "r1", "sources", 1)
        finish_run(con, "r1", "completed")
        report = read_run_report(con)
    assert report is not None and report.issues.counts == ()
    out = io.StringIO()
    assert print_status(db, out) == 0

    assert "issues" not in out.getvalue()


def test_a_context_collects_what_it_is_told(caplog: pytest.LogCaptureFixture) -> None:
    context = ParseContext.for_source(
        _source("wykaz", "https://example.invalid/w.csv", "spreadsheet", sheet="A"),
        "https://example.invalid/w.csv",
    )
    assert (context.source, context.county, context.kind, context.option("sheet")) == (
        "wykaz",
        "2610",
        "spreadsheet",
        "A",
    )
    context.warn("no name in this row; skipped", record="w.csv, row 3")
    assert context.issues == [
        Issue("warning", "no name in this row; skipped", "w.csv, row 3", context.url)
    ]
    assert "wykaz: w.csv, row 3: no name in this row; skipped" in caplog.text
