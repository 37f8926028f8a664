"""End to end in a real browser: Debian's chromium, driven by Playwright, against the review app
served by uvicorn on 127.0.0.1, over a warehouse built by the real nightly flow.

The demo corpus is copied and given one more source: a BIP page whose institution name holds a
`<script>`, so the markup travels the real way (fetch → parse → warehouse → page). The review
cases are the matcher's own doubts about the demo (transforms.er) plus two pairs of real demo
records a coordinator is asked about by hand. After the browser session the nightly flow runs
again and the decisions are checked in DuckDB.

The screenshots in docs/ are taken by docs/make_screenshots.py, not by a test.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Browser, Dialog, Page

from flows.demo import DEMO_DIR, SAMPLE_NOTICE, serve_directory
from flows.nightly import RunSettings, RunSummary, nightly
from review.accounts import add_user
from review.app import AppSettings, create_app
from transforms.er.resolve import resolve
from warehouse.db import open_warehouse
from warehouse.gazetteer import load_gazetteer
from warehouse.judgements import current_decisions
from warehouse.review_queue import ReviewCase, cases_from_matcher, upsert_cases

PASSWORD = "hasło-koordynatora-1"
XSS_SLUG = "fundacja_xss_test"
XSS_PAGE = """<!doctype html><html lang="pl"><head><meta charset="utf-8">
<title>BIP - Fundacja - Dane</title></head><body>
<h2 class="header">Dane teleadresowe</h2>
<table class="daneJednostki"><tbody>
<tr><th scope="row">Nazwa:</th><td>Fundacja &lt;script&gt;window.__pwned = 1&lt;/script&gt;
Pomocna Dłoń</td></tr>
<tr><th scope="row">Powiat:</th><td>skarżyski</td></tr>
<tr><th scope="row">Gmina:</th><td>Skarżysko-Kamienna</td></tr>
<tr><th scope="row">Miejscowość:</th><td>Skarżysko-Kamienna</td></tr>
<tr><th scope="row">Adres:</th><td>ul. Testowa 13</td></tr>
<tr><th scope="row">Kod pocztowy:</th><td>26-110</td></tr>
<tr><th scope="row">Telefon:</th><td>41-000-09-99</td></tr>
</tbody></table></body></html>
"""
XSS_SOURCE = f"""slug: {XSS_SLUG}
title: "Fundacja (strona testowa ze skryptem w nazwie)"
county: "2610"
kind: institution_page
url: "{{demo}}/skarzyski/fundacja-xss.html"
parser: bip_dane
assert:
  min_records: 1
  max_records: 1
"""


@dataclass(frozen=True, slots=True)
class Night:
    """The warehouse after the first night, with the case ids the test decides."""

    root: Path
    db: Path
    first: RunSummary
    arka: str  # a pair in Skarżysko (2610): decided "same" by keyboard
    matcher_case: str | None  # a case the matcher raised itself, with its evidence
    sad_skarzysko: str  # a hand-asked pair in 2610: court vs its probation team
    sad_pisz: str  # a hand-asked pair in Pisz (2816): decided "different" by jan
    xss: str  # not_institution case about the record with <script> in its name
    records: dict[str, tuple[str, str]]  # case name -> (record_a, record_b)


def _records_named(con: duckdb.DuckDBPyConnection, pattern: str) -> list[str]:
    # A demo site's pages name their institution on every page: the pairs asked about here
    # are between the lists and articles that name it.
    rows = con.execute(
        "SELECT record_id FROM records WHERE name LIKE ?"
        " AND source NOT IN (SELECT slug FROM sources WHERE kind = 'site') ORDER BY record_id",
        [pattern],
    ).fetchall()
    return [str(r[0]) for r in rows]


def _pair(con: duckdb.DuckDBPyConnection, first: str, second: str) -> tuple[str, str]:
    a, b = _records_named(con, first), _records_named(con, second)
    if len(a) > 1 and len(b) == 1:
        # the list whose row is a unit ("Sąd Rejonowy w Skarżysku-Kamiennej – III Zespół …")
        # also names the unit's parent as a mention: the pair asked about is the other list's
        # record of the parent and that row
        (source,) = con.execute(
            "SELECT source FROM records WHERE record_id = ?", [b[0]]
        ).fetchone() or ("",)
        a = [
            r
            for r in a
            if con.execute("SELECT source FROM records WHERE record_id = ?", [r]).fetchone()
            != (source,)
        ]
    assert len(a) == 1 and len(b) == 1, f"demo records {first!r}/{second!r}: {a} {b}"
    return (min(a[0], b[0]), max(a[0], b[0]))


def run_night(root: Path, url: str) -> RunSummary:
    return nightly(
        RunSettings(
            catalogue=root / "sources",
            db=root / "directory.duckdb",
            out=root / "out",
            delay_seconds=0.0,
            placeholders=(("demo", url),),
            notice=SAMPLE_NOTICE,
        )
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("review-e2e")
    shutil.copytree(DEMO_DIR / "corpus", root / "corpus")
    shutil.copytree(DEMO_DIR / "sources", root / "sources")
    (root / "corpus" / "skarzyski" / "fundacja-xss.html").write_text(XSS_PAGE, encoding="utf-8")
    (root / "sources" / "2610_skarzyski" / f"{XSS_SLUG}.yml").write_text(
        XSS_SOURCE, encoding="utf-8"
    )
    with serve_directory(root / "corpus") as url:
        yield root, url


@pytest.fixture(scope="module")
def night(prefect_harness: None, corpus: tuple[Path, str]) -> Iterator[Night]:
    root, url = corpus
    db = root / "directory.duckdb"
    with open_warehouse(db) as con:
        g = DEMO_DIR / "gazetteer"
        load_gazetteer(con, terc=g / "terc.csv", simc=g / "simc.csv", pna=g / "pna.csv")
    first = run_night(root, url)
    with open_warehouse(db) as con:
        result = resolve(con)  # the matcher's own doubts about the demo, with evidence
        cases = cases_from_matcher(
            con,
            result.review_cases,
            result.conflict_cases,
            review_threshold=result.thresholds.review,
            match_threshold=result.thresholds.match,
        )
        records = {
            "arka": _pair(con, "%„Arka Noego”%", "%ARKA NOEGO w Skarżysku%"),
            "sad_skarzysko": _pair(
                con,
                "Sąd Rejonowy w Skarżysku-Kamiennej",
                "Sąd Rejonowy w Skarżysku-Kamiennej – III Zespół Kuratorskiej%",
            ),
        }
        pisz = _records_named(con, "Sąd Rejonowy w Piszu")
        assert len(pisz) == 2
        records["sad_pisz"] = (pisz[0], pisz[1])
        (xss_record,) = [
            str(r[0])
            for r in con.execute(
                "SELECT record_id FROM raw_records WHERE source = ?", [XSS_SLUG]
            ).fetchall()
        ]
        # The matcher's doubts change as it improves: a pair it does not ask about any more is
        # asked by hand (without evidence), so the decisions below always have their cases.
        asked = {(c.record_a, c.record_b) for c in cases if c.kind == "pair"}
        hand = [
            ReviewCase("pair", county, "justice" if key != "arka" else "ngo", None, *records[key],
                       priority=2.5)
            for key, county in (("arka", "2610"), ("sad_skarzysko", "2610"), ("sad_pisz", "2816"))
            if records[key] not in asked
        ]  # fmt: skip
        hand.append(ReviewCase("not_institution", "2610", "ngo", None, xss_record))
        all_cases = [*cases, *hand]
        upsert_cases(con, first.run_id, all_cases)
        add_user(con, "ola", PASSWORD, ["2610"])
        add_user(con, "jan", PASSWORD, ["2816"])
        add_user(con, "admin", PASSWORD, [], is_admin=True)
    ids = {(c.kind, c.record_a, c.record_b): c.case_id for c in all_cases}
    yield Night(
        root=root,
        db=db,
        first=first,
        arka=ids[("pair", *records["arka"])],
        matcher_case=cases[0].case_id if cases else None,
        sad_skarzysko=ids[("pair", *records["sad_skarzysko"])],
        sad_pisz=ids[("pair", *records["sad_pisz"])],
        xss=ids[("not_institution", xss_record, None)],
        records=records,
    )


@pytest.fixture(scope="module")
def server(night: Night) -> Iterator[str]:
    import uvicorn

    # Plain http on 127.0.0.1, as `wsparcie review serve --insecure-cookies` serves it.
    app = create_app(AppSettings(db=night.db, secret=b"e2e-secret-" * 4, secure_cookies=False))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not uv.started and thread.is_alive():
        threading.Event().wait(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        sock.close()


def new_page(browser: Browser, base: str, login: str) -> Page:
    context = browser.new_context(
        base_url=base, viewport={"width": 1366, "height": 768}, locale="pl-PL"
    )
    page = context.new_page()
    page.goto("/kolejka")
    assert "/logowanie" in page.url  # the queue needs a login
    page.fill("input[name=login]", login)
    page.fill("input[name=haslo]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/kolejka")
    return page


@dataclass(frozen=True, slots=True)
class OlaSession:
    """What ola (county 2610) saw and did: she decides two cases with the keyboard."""

    arka_rows: int  # rows of the Arka case in her queue, before she decides it
    pisz_rows: int  # rows of the Pisz case (not her county)
    differences_marked: int  # rows of the Arka case page marked as differing
    source_links: int  # links to the source pages on that page
    notice: str  # what the page says after the decision
    arka_rows_after: int  # rows of the Arka case in her queue after the decision
    decisions: list[tuple[object, ...]]  # her review_decisions rows, oldest first


@dataclass(frozen=True, slots=True)
class JanSession:
    """What jan (county 2816) saw and did: another county's cases are closed to him."""

    arka_rows: int  # rows of a 2610 case in his queue
    other_case_status: int | None  # opening a 2610 case
    other_case_text: str
    forged_status: int  # posting a decision on a 2610 case with his own CSRF token
    verdicts: list[tuple[object, ...]]  # his review_decisions verdicts, oldest first


@pytest.fixture(scope="module")
def ola(browser: Browser, server: str, night: Night) -> OlaSession:
    page = new_page(browser, server, "ola")
    queue = page.locator("table.queue")
    arka_rows = queue.locator(f"tr[data-case='{night.arka}']").count()
    pisz_rows = queue.locator(f"tr[data-case='{night.sad_pisz}']").count()
    page.click(f"tr[data-case='{night.arka}'] a")
    page.wait_for_url(f"**/sprawa/{night.arka}")
    differences = page.locator("table.side tr.state-differs").count()
    links = page.locator("table.side a.page").count()
    page.keyboard.press("s")  # "to samo"
    page.wait_for_url("**zapisano=*")
    notice = page.inner_text("p.notice")
    page.goto("/kolejka")
    arka_rows_after = page.locator(f"tr[data-case='{night.arka}']").count()
    page.goto(f"/sprawa/{night.sad_skarzysko}")
    page.fill("textarea[name=komentarz]", "Sąd i jego zespół kuratorów to osobne jednostki.")
    page.keyboard.press("Escape")
    page.keyboard.press("r")  # "różne"
    page.wait_for_url("**zapisano=*")
    page.context.close()
    with duckdb.connect(str(night.db)) as con:
        rows = con.execute(
            "SELECT case_id, verdict, login, comment FROM review_decisions"
            " WHERE login = 'ola' ORDER BY decided_at"
        ).fetchall()
    return OlaSession(arka_rows, pisz_rows, differences, links, notice, arka_rows_after, rows)


@pytest.fixture(scope="module")
def jan(browser: Browser, server: str, night: Night) -> JanSession:
    page = new_page(browser, server, "jan")
    arka_rows = page.locator(f"tr[data-case='{night.arka}']").count()
    response = page.goto(f"/sprawa/{night.sad_skarzysko}")
    other_status = response.status if response is not None else None
    other_text = page.inner_text("main")
    page.goto(f"/sprawa/{night.sad_pisz}")
    token = page.get_attribute("input[name=csrf]", "value")
    forged = page.request.post(
        f"/sprawa/{night.sad_skarzysko}", form={"verdict": "same", "csrf": token or ""}
    )
    page.keyboard.press("r")  # his own case: "różne"
    page.wait_for_url("**zapisano=*")
    page.context.close()
    with duckdb.connect(str(night.db)) as con:
        verdicts = con.execute(
            "SELECT verdict FROM review_decisions WHERE login = 'jan' ORDER BY decided_at"
        ).fetchall()
    return JanSession(arka_rows, other_status, other_text, forged.status, verdicts)


def test_coordinator_decides_with_the_keyboard(ola: OlaSession, night: Night) -> None:
    assert ola.arka_rows == 1
    assert ola.pisz_rows == 0  # not her county
    assert ola.differences_marked >= 1
    assert ola.source_links == 2  # a link to each source page
    assert "Decyzja zapisana" in ola.notice
    assert ola.arka_rows_after == 0  # left the queue
    assert [(r[0], r[1], r[2]) for r in ola.decisions] == [
        (night.arka, "same", "ola"),
        (night.sad_skarzysko, "different", "ola"),
    ]
    assert ola.decisions[1][3] == "Sąd i jego zespół kuratorów to osobne jednostki."


def test_matchers_evidence_is_shown(browser: Browser, server: str, night: Night) -> None:
    if night.matcher_case is None:
        pytest.skip("the matcher raised no review case on the demo this time")
    page = new_page(browser, server, "admin")
    page.goto(f"/sprawa/{night.matcher_case}")
    assert page.locator("section.evidence tbody tr").count() >= 3
    assert page.locator("section.evidence tr.for").count() >= 1
    page.context.close()


def test_other_county_cannot_see_or_post(jan: JanSession) -> None:
    assert jan.arka_rows == 0
    assert jan.other_case_status == 404
    assert "Skarżysk" not in jan.other_case_text
    assert jan.forged_status == 404
    assert jan.verdicts == [("different",)]


def test_scraped_script_does_not_run(browser: Browser, server: str, night: Night) -> None:
    page = new_page(browser, server, "ola")
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.goto(f"/sprawa/{night.xss}")
    assert "<script>window.__pwned = 1</script>" in page.inner_text("table.side")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.goto("/kolejka")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    page.context.close()


def test_form_without_csrf_token_is_refused(browser: Browser, server: str, night: Night) -> None:
    page = new_page(browser, server, "ola")
    page.goto(f"/sprawa/{night.xss}")
    page.evaluate("document.querySelector('#decision input[name=csrf]').remove()")
    with page.expect_navigation():
        page.click("button[value=unsure]")
    assert "Formularz wygasł" in page.inner_text("main")
    with duckdb.connect(str(night.db)) as con:
        count = con.execute(
            "SELECT count(*) FROM review_decisions WHERE case_id = ?", [night.xss]
        ).fetchone()
    assert count == (0,)
    page.context.close()


@pytest.fixture(scope="module")
def second_night(night: Night, corpus: tuple[Path, str], ola: OlaSession, jan: JanSession) -> Night:
    """The nightly flow once more, after the browser decisions, on a copy of the warehouse:
    the served app's warehouse stays as the first night left it, so the pages the other tests
    open are the same whichever order they run in."""
    root, url = corpus
    copy = root / "second-night"
    copy.mkdir()
    for part in (night.db, night.db.with_name(night.db.name + ".wal")):
        if part.exists():  # the write-ahead log too, should the app not have checkpointed
            shutil.copyfile(part, copy / part.name)
    with duckdb.connect(str(copy / "directory.duckdb"), read_only=True) as con:
        decided = con.execute("SELECT count(*) FROM review_decisions").fetchone()
    assert decided == (3,), "ola's two decisions and jan's one"
    second = nightly(
        RunSettings(
            catalogue=root / "sources",
            db=copy / "directory.duckdb",
            out=copy / "out",
            delay_seconds=0.0,
            placeholders=(("demo", url),),
            notice=SAMPLE_NOTICE,
        )
    )
    assert second.status == "completed"
    return replace(night, db=copy / "directory.duckdb")


def test_decisions_outlive_the_next_night(second_night: Night) -> None:
    with duckdb.connect(str(second_night.db), read_only=True) as con:
        pairs = {(d.record_a, d.record_b): d.verdict for d in current_decisions(con)}
    assert pairs == {
        second_night.records["arka"]: "same",
        second_night.records["sad_skarzysko"]: "different",
        second_night.records["sad_pisz"]: "different",
    }


def test_decisions_are_applied_by_the_next_night(second_night: Night) -> None:
    with duckdb.connect(str(second_night.db), read_only=True) as con:
        owner = dict(
            con.execute("SELECT record_id, institution_id FROM institution_records").fetchall()
        )
    a, b = second_night.records["arka"]
    assert owner[a] == owner[b], "'same' must put both records in one institution"
    a, b = second_night.records["sad_pisz"]
    # One of the two is the article's mention: kept apart, it is held out of the directory.
    assert owner.get(a) != owner.get(b), "'different' must keep the two records apart"
