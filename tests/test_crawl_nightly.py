"""Sites through the real nightly flow, three nights over the demo's sites served on 127.0.0.1:
the first reads every page a person would and makes each site one institution; the second gets
304s, parses nothing and keeps every record; the third re-reads only the page that changed.
The run report and `wsparcie status` say per site which pages were read and why."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from nightly_helpers import copy_demo_sources, fast_policy

from extractors import parsers
from extractors.context import ParseContext
from extractors.records import Document, ParsedInstitution
from flows.demo import DEMO_DIR, serve_directory
from flows.nightly import RunSettings, RunSummary, nightly
from flows.status import format_status
from warehouse.db import open_warehouse
from warehouse.run_report import read_run_report, report_markdown

SITES = {"ppp_pisz_www": 9, "arka_noego_www": 7, "ppp_radomsko_www": 6}
OTHERS = ["skarzyski_baza_zasobow", "piski_przydatne_adresy"]
CHANGED = "skarzyski/arka-noego/grupy-wsparcia.html"


@dataclass(frozen=True, slots=True)
class Nights:
    root: Path
    summaries: tuple[RunSummary, ...]
    parsed: tuple[list[str], ...]  # the pages parsed each night
    status: tuple[str, ...]  # `wsparcie status` each night
    reports: tuple[str, ...]  # the run report's markdown each night


def change_page(path: Path) -> None:
    """A new meeting day on the support-group page; its mtime moves on (Last-Modified)."""
    text = path.read_text(encoding="utf-8").replace("w środy 18:00–19:30", "w czwartki 18:00–19:30")
    before = path.stat().st_mtime
    path.write_text(text, encoding="utf-8")
    os.utime(path, (before + 60, before + 60))


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory, prefect_harness: str) -> Iterator[Nights]:
    root = tmp_path_factory.mktemp("sites")
    corpus = root / "corpus"
    shutil.copytree(DEMO_DIR / "corpus", corpus)
    parsed: list[str] = []

    def counting(
        parse: Callable[[Document, ParseContext], list[ParsedInstitution]],
    ) -> Callable[..., object]:
        def wrapper(document: Document, context: ParseContext) -> list[ParsedInstitution]:
            parsed.append(document.final_url)
            return parse(document, context)

        return wrapper

    summaries, pages, statuses, reports = [], [], [], []
    with pytest.MonkeyPatch.context() as patch, serve_directory(corpus) as url:
        patch.setenv("WSPARCIE_FETCH_ALLOW", "127.0.0.1")
        for name, parse in list(parsers.PARSERS.items()):
            patch.setitem(parsers.PARSERS, name, counting(parse))
        copy_demo_sources(root / "sources", url, [*SITES, *OTHERS])
        settings = RunSettings(
            catalogue=root / "sources",
            db=root / "directory.duckdb",
            out=root / "out",
            policy=fast_policy(timeout_seconds=10, total_timeout_seconds=20),
        )
        for night in range(3):
            if night == 2:
                change_page(corpus / CHANGED)
            parsed.clear()
            summaries.append(nightly(settings))
            pages.append([p.removeprefix(url + "/") for p in parsed])
            with open_warehouse(settings.db, read_only=True) as con:
                report = read_run_report(con)
            assert report is not None
            statuses.append(format_status(report))
            reports.append(report_markdown(report))
    yield Nights(root, tuple(summaries), tuple(pages), tuple(statuses), tuple(reports))


def query(nights: Nights, sql: str, *args: object) -> list[tuple[object, ...]]:
    with duckdb.connect(str(nights.root / "directory.duckdb"), read_only=True) as con:
        return con.execute(sql, list(args)).fetchall()


def test_first_night_reads_each_site_and_makes_it_one_institution(nights: Nights) -> None:
    first = nights.summaries[0]
    outcomes = {o.source: (o.status, o.records) for o in first.outcomes}
    for slug, records in SITES.items():
        assert outcomes[slug] == ("extracted", records)
    for slug in SITES:
        [(institutions,)] = query(
            nights,
            "SELECT count(DISTINCT m.institution_id) FROM raw_records r"
            " JOIN institution_records m USING (record_id) WHERE r.source = ? AND r.role = 'subject'",
            slug,
        )
        assert institutions == 1, slug
    # each record keeps its page's address, one page one record
    rows = query(
        nights,
        "SELECT url, count(*) FROM raw_records WHERE source = 'arka_noego_www' AND active GROUP BY url",
    )
    assert len(rows) == 7 and {n for _url, n in rows} == {1}
    # the site and the county's directory row name the same association
    [(together,)] = query(
        nights,
        """
        SELECT count(DISTINCT m.institution_id) FROM raw_records r
        JOIN institution_records m USING (record_id)
        WHERE (r.source = 'arka_noego_www' AND r.role = 'subject')
           OR (r.source = 'skarzyski_baza_zasobow' AND r.name_raw LIKE '%Arka Noego%')
        """,
    )
    assert together == 1


def test_the_run_report_says_which_pages_were_read_and_why(nights: Nights) -> None:
    status, report = nights.status[0], nights.reports[0]
    assert "site pages (3 site(s)" in status
    assert 'ppp-pisz/kontakt.html — link "Kontakt" (contact) — read, 1 record(s)' in status
    assert 'grafik-dyzurow.html — link "Dyżury" (hours) — not read: robots.txt' in status
    assert 'specjalisci.html — link "Specjaliści" (about) — not read: budget reached' in status
    assert 'bip/dane-teleadresowe.html — link "BIP" (bip) — read' in status
    assert "## Site pages (the `site_pages` table)" in report
    assert "| ppp_radomsko_www | " in report and 'link "Formy pomocy" (offer)' in report
    # the file and off-site links were never followed, so never listed
    for never in (".pdf", "facebook", "powiat-radomszczanski.example"):
        assert never not in status


def test_an_unchanged_night_parses_nothing_and_keeps_every_record(nights: Nights) -> None:
    second = nights.summaries[1]
    assert {o.status for o in second.outcomes} == {"unchanged"}
    assert nights.parsed[1] == []
    assert "unchanged (not parsed again; its records kept)" in nights.status[1]
    active = dict(
        query(nights, "SELECT source, count(*) FROM raw_records WHERE active GROUP BY source")
    )
    for slug, records in SITES.items():
        assert active[slug] == records
    # the 304s came from the server: every page read on night 1 is unchanged on night 2
    outcomes = query(
        nights,
        """
        SELECT p.outcome, count(*) FROM site_pages p
        WHERE p.run_id = ? GROUP BY ALL ORDER BY 1
        """,
        second.run_id,
    )
    assert dict(outcomes) == {"budget": 1, "robots": 1, "unchanged": sum(SITES.values())}


def test_a_changed_page_alone_is_read_again(nights: Nights) -> None:
    third = nights.summaries[2]
    outcomes = {o.source: (o.status, o.records) for o in third.outcomes}
    assert outcomes["arka_noego_www"] == ("extracted", 7)  # 1 read now + 6 kept
    assert outcomes["ppp_pisz_www"][0] == "unchanged"
    assert nights.parsed[2] == [CHANGED]
    rows = query(
        nights,
        "SELECT url, active, description_raw FROM raw_records WHERE source = 'arka_noego_www'",
    )
    assert sum(bool(active) for _u, active, _d in rows) == 7
    changed = [d for u, active, d in rows if active and str(u).endswith(CHANGED)]
    assert len(changed) == 1 and "w czwartki 18:00–19:30" in str(changed[0])
    # the page that changed is still the association's, named by last night's home page
    [(institutions,)] = query(
        nights,
        "SELECT count(DISTINCT m.institution_id) FROM raw_records r"
        " JOIN institution_records m USING (record_id) WHERE r.source = 'arka_noego_www'",
    )
    assert institutions == 1


def test_what_a_site_s_pages_state_keeps_the_page_that_states_it(nights: Nights) -> None:
    rows = query(
        nights,
        """
        SELECT s.url, s.origin, s.detail FROM statements s
        WHERE s.source = 'arka_noego_www' AND s.field = 'service' AND s.value = 'legal_aid'
        """,
    )
    assert [(str(url).rsplit("/", 1)[-1], origin) for url, origin, _d in rows] == [
        ("poradnictwo.html", "stated")
    ]
    assert "porad prawnych" in str(rows[0][2])
