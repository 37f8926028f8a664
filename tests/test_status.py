"""The run report and `wsparcie status`: failing, drifting and over-maximum sources, from the
history the warehouse keeps (a real DuckDB file, runs loaded through warehouse/load.py)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from extractors.catalogue import Source
from extractors.extract import DocumentInfo, SourceResult
from extractors.records import ParsedInstitution, RawInstitution, make_record_id
from flows.status import format_status, print_status
from warehouse.db import open_warehouse, transaction
from warehouse.load import finish_run, load_results, register_sources, start_run
from warehouse.run_report import check_drift, read_run_report, record_checks, report_markdown

T0 = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)


def source(slug: str, min_records: int = 1, max_records: int | None = None) -> Source:
    return Source(
        slug=slug,
        title=slug,
        county="2610",
        kind="directory_page",
        url=f"http://127.0.0.1:9/{slug}",
        parser="directory_table",
        path=Path(f"sources/2610_x/{slug}.yml"),
        min_records=min_records,
        max_records=max_records,
    )


SOURCES = [
    source("ops_list", min_records=30),  # 40 for months, then 0
    source("steady"),  # always 5
    source("flaky"),  # fails twice at the end
    source("grows", max_records=6),  # over its maximum at the end
]


def result(slug: str, night: int, count: int | None, *, same: bool = False) -> SourceResult:
    """`count` records (None: the fetch failed); `same`: the page did not change."""
    started = T0 + timedelta(days=night)
    if count is None:
        return SourceResult(
            slug,
            "failed",
            started,
            0.1,
            message=f"fetch: http://127.0.0.1:9/{slug}: HTTP 503 Service Unavailable",
            http_status=503,
        )
    sha = f"{slug}-{count}".ljust(64, "0")[:64]
    doc = DocumentInfo(
        sha,
        f"http://x/{slug}",
        f"http://x/{slug}",
        200,
        "text/html",
        None,
        "utf-8",
        10,
        None,
        None,
        started,
        False,
    )
    if same:
        return SourceResult(slug, "unchanged", started, 0.1, document=doc, http_status=200)
    records = []
    for i in range(count):
        parsed = ParsedInstitution(name_raw=f"Instytucja {slug} {i}", role="row")
        records.append(
            RawInstitution(slug, make_record_id(slug, parsed), doc.url, started, sha, parsed)
        )
    return SourceResult(
        slug, "extracted", started, 0.2, document=doc, records=tuple(records), http_status=200
    )


def night(db: Path, n: int, results: list[SourceResult]) -> str:
    run_id = f"2026080{n}T020000Z-test{n}" if n < 10 else f"202608{n}T020000Z-test{n}"
    with open_warehouse(db) as con:
        register_sources(con, SOURCES)
        start_run(con, run_id, "sources", len(SOURCES))
        con.execute(
            "UPDATE runs SET started_at = ? WHERE run_id = ?", [T0 + timedelta(days=n), run_id]
        )
        outcomes = load_results(con, run_id, results, SOURCES)
        with transaction(con):
            record_checks(con, run_id)
        failed = any(o.status in ("failed", "below_minimum") for o in outcomes)
        finish_run(con, run_id, "completed_with_failures" if failed else "completed")
    return run_id


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("status") / "w.duckdb"
    for n in range(1, 6):  # five ordinary nights
        night(
            db,
            n,
            [
                result("ops_list", n, 40, same=n > 1),
                result("steady", n, 5, same=n > 1),
                result("flaky", n, 3, same=n > 1),
                result("grows", n, 5, same=n > 1),
            ],
        )
    night(
        db,
        6,
        [
            result("ops_list", 6, 40, same=True),
            result("steady", 6, 5, same=True),
            result("flaky", 6, None),
            result("grows", 6, 5, same=True),
        ],
    )
    night(
        db,
        7,
        [
            result("ops_list", 7, 0),
            result("steady", 7, 5, same=True),
            result("flaky", 7, None),
            result("grows", 7, 12),
        ],
    )
    return db


def test_the_report_of_the_last_night(history: Path) -> None:
    with open_warehouse(history, read_only=True) as con:
        report = read_run_report(con)
    assert report is not None
    by = {s.source: s for s in report.sources}
    assert report.run.status == "completed_with_failures"
    assert {s.source for s in report.failing} == {"ops_list", "flaky"}
    assert by["flaky"].failing_runs == 2
    assert by["flaky"].http_status == 503
    # below its minimum: the 40 records are kept, and the drop is drift
    assert by["ops_list"].status == "below_minimum"
    assert by["ops_list"].records_current == 40 and by["ops_list"].change == 0
    assert by["ops_list"].drift is not None and "yields 0" in by["ops_list"].drift
    assert by["ops_list"].assertion == "below_minimum"
    # over its maximum: loaded, reported as a warning and as drift
    assert by["grows"].assertion == "above_maximum"
    assert by["grows"].records_current == 12 and by["grows"].change == 7
    assert [s.source for s in report.warnings] == ["grows"]
    assert by["steady"].drift is None and not by["steady"].failing
    assert by["steady"].assertion == "not_checked"


def test_status_names_failing_and_drifting_sources(history: Path) -> None:
    out = io.StringIO()
    assert print_status(history, out) == 2
    text = out.getvalue()
    assert text.startswith("last run 20260807T020000Z-test7: completed_with_failures")
    failing = text.split("failing (2):")[1].split("drifting")[0]
    assert "flaky: failed, HTTP 503 for 2 runs in a row: fetch: http://127.0.0.1:9/flaky" in failing
    assert "ops_list: below_minimum" in failing
    assert "ops_list: yields 0 record(s), usually 40" in text
    assert "grows: warning: 12 record(s), more than max_records 6" in text


def test_an_earlier_healthy_night_needs_no_attention(history: Path) -> None:
    with open_warehouse(history, read_only=True) as con:
        report = read_run_report(con, "20260805T020000Z-test5")
    assert report is not None
    assert "no source is failing or drifting" in format_status(report)
    markdown = report_markdown(report)
    assert markdown.startswith("# Nightly run 20260805T020000Z-test5: completed")
    assert "| ops_list | unchanged | 200 |  | 40 | +0 | not_checked |" in markdown


def test_status_without_runs_or_warehouse(tmp_path: Path) -> None:
    assert print_status(tmp_path / "missing.duckdb", io.StringIO()) == 1
    with open_warehouse(tmp_path / "empty.duckdb"):
        pass
    out = io.StringIO()
    assert print_status(tmp_path / "empty.duckdb", out) == 1
    assert "no run recorded yet" in out.getvalue()


@pytest.mark.parametrize(
    ("history_", "current", "drifts"),
    [
        pytest.param([40] * 30, 0, True, id="forty-for-months-then-zero"),
        pytest.param([40] * 30, 38, False, id="small-dip"),
        pytest.param([40, 40], 0, False, id="too-little-history"),
        pytest.param([1, 1, 1, 1], 2, False, id="doubling-of-one-is-noise"),
        pytest.param([5, 5, 5, 5], 12, True, id="more-than-doubled"),
        pytest.param([0, 0, 0], 0, False, id="always-empty"),
        pytest.param([40] * 5, None, False, id="failed-fetch-is-not-drift"),
        pytest.param([0] * 20 + [40] * 30, 40, False, id="window-forgets-old-levels"),
    ],
)
def test_drift(history_: list[int], current: int | None, drifts: bool) -> None:
    assert (check_drift(history_, current) is not None) is drifts


def test_a_long_report_lists_only_what_is_not_routine(history: Path) -> None:
    with open_warehouse(history, read_only=True) as con:
        report = read_run_report(con)
    assert report is not None
    markdown = report_markdown(report, max_rows=2)
    assert "1 routine source(s) not listed." in markdown
    assert "| steady |" not in markdown and "| ops_list |" in markdown
