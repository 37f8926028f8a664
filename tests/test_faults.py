"""The real web's faults, through the real nightly flow: one run over a catalogue in which most
sources misbehave (each against a local server or a real file) and two behave. The run must
finish, keep the good sources, and name every failing source with its cause."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from helpers import drip as drip_route
from helpers import (  # tests/ helper module
    fail_first,
    loopback_server,
    redirect,
    reset,
    serve_bytes,
    sleep_then,
    status,
    stream,
)
from nightly_helpers import fast_policy, write_source

from flows.demo import DEMO_DIR
from flows.nightly import RunSettings, RunSummary, nightly
from flows.status import print_status

CORPUS = DEMO_DIR / "corpus"
BIP_PAGE = (CORPUS / "skarzyski" / "pcpr-dane.html").read_bytes()
BIP_NAME = "Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej"
XLSX = (CORPUS / "radomszczanski" / "wykaz-placowek-wsparcia.xlsx").read_bytes()
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = (CORPUS / "ropczycko-sedziszowski" / "wykaz-jednostek-pomocy-spolecznej.csv").read_bytes()


def zip_bomb() -> bytes:
    """The demo workbook with its sheet replaced by 30 MB of blanks (a few kB compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(XLSX)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * 30_000_000, 1)
            dst.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def broken_csv() -> bytes:
    """The demo CSV with a row cut short in the middle of the list (an export gone wrong)."""
    lines = CSV.split(b"\r\n")
    lines.insert(6, b"7.;Gminny O\xb6rodek;GOPS")
    return b"\r\n".join(lines)


def wrong_charset_page() -> bytes:
    """The BIP page in windows-1250, while the server and the page both claim UTF-8."""
    return BIP_PAGE.decode("utf-8").encode("cp1250", errors="replace")


# slug: (route, parser, expected status, words the source_runs message must contain)
CASES: dict[str, tuple[object, str, str, tuple[str, ...]]] = {
    "good_bip": (serve_bytes(BIP_PAGE), "bip_dane", "extracted", ()),
    "good_xlsx": (serve_bytes(XLSX, XLSX_TYPE), "spreadsheet", "extracted", ()),
    "server_error": (status(500), "bip_dane", "failed", ("HTTP 500",)),
    "busy_then_ok": (
        fail_first(1, status(503, {"Retry-After": "1"}), serve_bytes(BIP_PAGE)),
        "bip_dane",
        "extracted",
        (),
    ),
    "busy_for_an_hour": (
        status(503, {"Retry-After": "3600"}),
        "bip_dane",
        "failed",
        ("HTTP 503", "Retry-After 3600 s exceeds"),
    ),
    "timeout": (sleep_then(6.0, serve_bytes(BIP_PAGE)), "bip_dane", "failed", ("timed out",)),
    "slow_drip": (drip_route(), "bip_dane", "failed", ("longer than 3 s",)),
    "connection_reset": (reset, "bip_dane", "failed", ("connection",)),
    "redirect_loop": (redirect("/loop-b"), "bip_dane", "failed", ("redirect loop",)),
    "robots_disallow": (serve_bytes(BIP_PAGE), "bip_dane", "failed", ("robots.txt disallows",)),
    "huge": (stream(5 * 1024 * 1024), "bip_dane", "failed", ("4194304-byte cap",)),
    "wrong_charset": (
        serve_bytes(wrong_charset_page()),
        "bip_dane",
        "extracted",
        (),
    ),
    "truncated_xlsx": (
        serve_bytes(XLSX[: len(XLSX) // 2], XLSX_TYPE),
        "spreadsheet",
        "failed",
        ("parse:",),
    ),
    "zip_bomb": (serve_bytes(zip_bomb(), XLSX_TYPE), "spreadsheet", "failed", ("zip bomb",)),
    "broken_csv_row": (serve_bytes(broken_csv(), "text/csv"), "spreadsheet", "extracted", ()),
}
PATHS = {slug: f"/{slug}" if slug != "robots_disallow" else "/private/page" for slug in CASES}


@pytest.fixture(scope="module")
def faulty_night(
    prefect_harness: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, RunSummary]]:
    root = tmp_path_factory.mktemp("faults")
    routes = {PATHS[slug]: route for slug, (route, *_rest) in CASES.items()}
    routes["/loop-b"] = redirect("/redirect_loop")
    routes["/robots.txt"] = serve_bytes(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    with loopback_server(routes) as server:  # type: ignore[arg-type]
        for slug, (_route, parser, _status, _words) in CASES.items():
            kind = "spreadsheet" if parser == "spreadsheet" else "institution_page"
            write_source(root / "sources", slug, server.url + PATHS[slug], parser, kind=kind)
        settings = RunSettings(
            catalogue=root / "sources",
            db=root / "directory.duckdb",
            out=root / "out",
            # Timeouts with room to spare: sixteen fetches, a zip bomb and the route server
            # share one interpreter's GIL, and a 0.5 s limit failed quick routes on a clean CI
            # machine. The slow routes are made slower to match.
            policy=fast_policy(timeout_seconds=2.0, total_timeout_seconds=3.0),
            batch_size=1,  # every source its own task: the slow ones wait side by side
            workers=16,
        )
        summary = nightly(settings)
    yield root, summary


def test_the_run_completes_and_reports_failures(faulty_night: tuple[Path, RunSummary]) -> None:
    _root, summary = faulty_night
    assert summary.status == "completed_with_failures"
    assert summary.publication is not None
    assert {o.source for o in summary.outcomes} == set(CASES)


@pytest.mark.parametrize("slug", [pytest.param(slug, id=slug) for slug in CASES])
def test_each_source_is_reported_by_name_with_its_cause(
    faulty_night: tuple[Path, RunSummary], slug: str
) -> None:
    root, _summary = faulty_night
    _route, _parser, expected, words = CASES[slug]
    with duckdb.connect(str(root / "directory.duckdb"), read_only=True) as con:
        row = con.execute(
            "SELECT status, coalesce(message, '') FROM source_runs WHERE source = ?", [slug]
        ).fetchone()
    assert row is not None
    assert row[0] == expected, row[1]
    for word in words:
        assert word in row[1]
    if expected == "failed":
        assert PATHS[slug] in row[1] or "parse:" in row[1], "the message names the URL"


def test_good_and_repaired_sources_reach_the_directory(
    faulty_night: tuple[Path, RunSummary],
) -> None:
    root, _summary = faulty_night
    with duckdb.connect(str(root / "directory.duckdb"), read_only=True) as con:
        names = dict(
            con.execute(
                # a page's own records; the institutions it names besides are mentions
                "SELECT source, list(name_raw ORDER BY name_raw) FROM raw_records"
                " WHERE active AND role <> 'mention' GROUP BY source"
            ).fetchall()
        )
    assert names["good_bip"] == [BIP_NAME]
    assert names["busy_then_ok"] == [BIP_NAME]
    assert names["wrong_charset"] == [BIP_NAME], "decoded as windows-1250 despite the claim"
    assert len(names["good_xlsx"]) >= 10
    # the broken row is skipped; the rows around it are kept
    assert len(names["broken_csv_row"]) >= 5
    assert not any(
        name.startswith("Gminny O") and len(name) < 12 for name in names["broken_csv_row"]
    )
    failed = {slug for slug, case in CASES.items() if case[2] == "failed"}
    assert not failed & set(names)


def test_status_lists_every_failing_source(faulty_night: tuple[Path, RunSummary]) -> None:
    root, _summary = faulty_night
    out = io.StringIO()
    assert print_status(root / "directory.duckdb", out) == 2
    text = out.getvalue()
    for slug, (_route, _parser, expected, words) in CASES.items():
        if expected == "failed":
            line = next(line for line in text.splitlines() if line.startswith(f"  {slug}: failed"))
            assert all(word in line for word in words), line
