"""Provenance per value across nights, through the real load, normalise and match stages over a
DuckDB file: every value keeps the sources and pages that state it with when they first and
last stated it; a phone that disappears keeps its last confirmation, no longer current; an
unchanged night confirms what is still stated; services say whether the institution stated
them or they are its type's defaults."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from extractors.catalogue import Source
from extractors.extract import DocumentInfo, SourceResult
from extractors.records import Document, ParsedInstitution, RawInstitution, make_record_id
from warehouse.db import connect
from warehouse.load import finish_run, load_results, register_sources, start_run
from warehouse.stages import match_and_build, rebuild_records
from warehouse.statements import build_statements

PAGE = "https://pcpr-pisz.example/kontakt"
REGISTRY = "https://rejestr.example/jednostki.csv"
NAME = "Powiatowe Centrum Pomocy Rodzinie w Piszu"


def source(slug: str, kind: str, url: str) -> Source:
    parser = "contact_page" if kind == "institution_page" else "spreadsheet"
    return Source(slug, slug, "2816", kind, url, parser, Path(f"sources/2816_piski/{slug}.yml"))  # type: ignore[arg-type]


SOURCES = [
    source("pcpr_pisz", "institution_page", PAGE),
    source("rejestr", "spreadsheet", REGISTRY),
]


def page_record(phones: tuple[str, ...]) -> ParsedInstitution:
    return ParsedInstitution(
        name_raw=NAME,
        street_raw="ul. Przykładowa 1",
        postal_code_raw="12-200",
        locality_raw="Pisz",
        phones_raw=phones,
        emails_raw=("sekretariat@pcpr-pisz.example",),
        opening_hours_raw="poniedziałek–piątek 7:30–15:30",
        description_raw="Prowadzimy nieodpłatne poradnictwo prawne i mediacje dla rodzin.",
    )


REGISTRY_RECORD = ParsedInstitution(
    name_raw=NAME, role="row", postal_code_raw="12-200", locality_raw="Pisz",
    phones_raw=("87 000 03 01",),
)  # fmt: skip


def extracted(slug: str, url: str, records: list[ParsedInstitution]) -> SourceResult:
    document = Document.from_bytes(url, json.dumps([r.name_raw for r in records]).encode())
    now = datetime.now(UTC)
    return SourceResult(
        source=slug,
        status="extracted",
        started_at=now,
        duration_s=0.1,
        document=DocumentInfo.of(document),
        records=tuple(
            RawInstitution(slug, make_record_id(slug, r), url, now, document.sha256, r)
            for r in records
        ),
        http_status=200,
    )


def unchanged(slug: str) -> SourceResult:
    return SourceResult(
        source=slug, status="unchanged", started_at=datetime.now(UTC), duration_s=0.0
    )


def night(con: duckdb.DuckDBPyConnection, run_id: str, results: list[SourceResult]) -> datetime:
    start_run(con, run_id, "test", len(SOURCES))
    load_results(con, run_id, results, SOURCES)
    rebuild_records(con, None)
    match_and_build(con, run_id)
    finish_run(con, run_id, "completed")
    row = con.execute("SELECT started_at FROM runs WHERE run_id = ?", [run_id]).fetchone()
    assert row is not None
    return row[0]


@dataclass(frozen=True, slots=True)
class Statement:
    source: str
    url: str
    origin: str
    detail: str | None
    first: datetime
    last: datetime
    current: bool


def statements(con: duckdb.DuckDBPyConnection, field: str, value: str) -> dict[str, Statement]:
    rows = con.execute(
        "SELECT source, url, origin, detail, first_seen_at, last_seen_at, current"
        " FROM statements WHERE field = ? AND value = ?",
        [field, value],
    ).fetchall()
    return {str(r[0]): Statement(*r) for r in rows}


@dataclass(frozen=True, slots=True)
class Nights:
    con: duckdb.DuckDBPyConnection
    started: tuple[datetime, ...]


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nights]:
    con = connect(tmp_path_factory.mktemp("statements") / "w.duckdb")
    register_sources(con, SOURCES)
    first = night(
        con,
        "n1",
        [
            extracted("pcpr_pisz", PAGE, [page_record(("87 000 03 01", "87 000 03 21"))]),
            extracted("rejestr", REGISTRY, [REGISTRY_RECORD]),
        ],
    )
    snapshot = con.execute("SELECT * FROM statements ORDER BY ALL").fetchall()
    # the second night the page drops its fax line and gives a new one; the registry is as was
    second = night(
        con,
        "n2",
        [
            extracted("pcpr_pisz", PAGE, [page_record(("87 000 03 01", "87 000 03 31"))]),
            unchanged("rejestr"),
        ],
    )
    third = night(con, "n3", [unchanged("pcpr_pisz"), unchanged("rejestr")])
    assert snapshot, "the first night states values"
    yield Nights(con, (first, second, third))
    con.close()


def test_a_value_is_stated_by_every_source_and_page_that_gives_it(nights: Nights) -> None:
    phone = statements(nights.con, "phone", "+48870000301")
    assert set(phone) == {"pcpr_pisz", "rejestr"}
    assert phone["pcpr_pisz"].url == PAGE and phone["rejestr"].url == REGISTRY
    [(institutions,)] = nights.con.execute(
        "SELECT count(DISTINCT institution_id) FROM statements WHERE value = '+48870000301'"
    ).fetchall()
    assert institutions == 1


def test_a_phone_that_disappears_keeps_its_last_confirmation(nights: Nights) -> None:
    first, second, _third = nights.started
    gone = statements(nights.con, "phone", "+48870000321")["pcpr_pisz"]
    assert not gone.current
    assert first <= gone.first == gone.last < second
    new = statements(nights.con, "phone", "+48870000331")["pcpr_pisz"]
    assert new.current and second <= new.first


def test_an_unchanged_night_confirms_what_is_still_stated(nights: Nights) -> None:
    first, second, third = nights.started
    kept = statements(nights.con, "phone", "+48870000301")
    for statement in kept.values():
        assert statement.current
        assert first <= statement.first < second  # first stated on the first night
        assert statement.last >= third  # confirmed on the third, unchanged night
    assert statements(nights.con, "phone", "+48870000321")["pcpr_pisz"].last < second


def test_which_phone_is_current_is_answered_from_data(nights: Nights) -> None:
    rows = nights.con.execute(
        """
        SELECT value, max(last_seen_at) AS confirmed FROM statements
        WHERE field = 'phone' AND current GROUP BY value ORDER BY value
        """
    ).fetchall()
    assert [value for value, _ in rows] == ["+48870000301", "+48870000331"]


def test_addresses_hours_and_mailboxes_are_statements_too(nights: Nights) -> None:
    address = statements(nights.con, "address", "ul. Przykładowa 1, 12-200 Pisz")["pcpr_pisz"]
    assert address.current and json.loads(address.detail or "{}")["postal_code"] == "12-200"
    assert "pcpr_pisz" in statements(nights.con, "opening_hours", "poniedziałek–piątek 7:30–15:30")
    assert "pcpr_pisz" in statements(nights.con, "email", "sekretariat@pcpr-pisz.example")


def test_services_say_where_they_come_from(nights: Nights) -> None:
    rows = nights.con.execute(
        "SELECT value, source, origin, detail FROM statements WHERE field = 'service' AND current"
    ).fetchall()
    origins = {(str(value), str(src)): (str(origin), detail) for value, src, origin, detail in rows}
    # the page's own words state legal aid and mediation, with the sentence that says so
    origin, detail = origins[("legal_aid", "pcpr_pisz")]
    assert origin == "stated"
    assert (
        json.loads(detail)["evidence"]
        == "Prowadzimy nieodpłatne poradnictwo prawne i mediacje dla rodzin."
    )
    assert origins[("mediation", "pcpr_pisz")][0] == "stated"
    # a PCPR's foster care is its type's default, marked as such, for each source
    assert origins[("foster_care", "pcpr_pisz")][0] == "default"
    assert origins[("foster_care", "rejestr")][0] == "default"


def test_a_merged_institution_hands_its_statements_over(tmp_path: Path) -> None:
    """Two institutions that become one: the absorbed one's history follows its records."""
    con = connect(tmp_path / "w.duckdb")
    register_sources(con, SOURCES)
    other = ParsedInstitution(
        name_raw="Ośrodek Interwencji Kryzysowej w Piszu", phones_raw=("87 000 09 09",)
    )
    night(con, "n1", [extracted("pcpr_pisz", PAGE, [page_record(("87 000 03 01",)), other])])
    before = dict(
        con.execute("SELECT value, institution_id FROM statements WHERE field = 'phone'").fetchall()
    )
    assert len(set(before.values())) == 2
    winner = before["+48870000301"]
    loser = before["+48870000909"]
    con.execute(
        "INSERT INTO institution_id_history VALUES (?, ?, 'n2', 'merged', now())", [loser, winner]
    )
    con.execute("CREATE TEMP TABLE keep AS SELECT * FROM institution_records")
    con.execute("DELETE FROM institution_records")
    con.execute(
        "INSERT INTO institution_records SELECT record_id, ?, match_rule FROM keep", [winner]
    )
    build_statements(con, "n2")
    after = con.execute(
        "SELECT value, institution_id, current FROM statements WHERE field = 'phone' ORDER BY 1"
    ).fetchall()
    assert after == [("+48870000301", winner, True), ("+48870000909", winner, True)]
    con.close()


def test_stated_services_bring_their_sentence_when_records_carry_them(tmp_path: Path) -> None:
    """The normalise stage's statements of support (issue 17's reading part, the columns
    `services_stated` and `support_evidence` of `records`): a service stated by a sentence
    carries it, with the record's ages, fee and referral; a stated schedule is a statement."""
    con = connect(tmp_path / "w.duckdb")
    register_sources(con, SOURCES)
    night(con, "n1", [extracted("pcpr_pisz", PAGE, [page_record(("87 000 03 01",))])])
    for column, kind in (
        ("services_stated", "VARCHAR[]"),
        ("ages", "VARCHAR"),
        ("fees_free", "BOOLEAN"),
        ("referral_required", "BOOLEAN"),
        ("support_evidence", "VARCHAR"),
    ):
        con.execute(f"ALTER TABLE records ADD COLUMN IF NOT EXISTS {column} {kind}")
    sentence = "Grupa wsparcia dla rodzin zastępczych spotyka się we wtorki 17:00–19:00."
    evidence = {
        "services": [{"code": "support_group", "evidence": sentence}],
        "ages": [],
        "fees": {"free": True, "evidence": "Udział jest bezpłatny."},
        "referral": None,
        "schedules": [
            {"days": ["Tu"], "opens": "17:00", "closes": "19:00", "what": "grupa wsparcia",
             "evidence": sentence}
        ],
    }  # fmt: skip
    con.execute(
        "UPDATE records SET services_stated = ['support_group'], fees_free = true,"
        ' ages = \'[{"min": 0, "max": 18}]\', support_evidence = ?',
        [json.dumps(evidence, ensure_ascii=False)],
    )
    build_statements(con, "n1")
    [(origin, detail)] = con.execute(
        "SELECT origin, detail FROM statements WHERE field = 'service' AND value = 'support_group'"
    ).fetchall()
    assert origin == "stated"
    assert json.loads(detail) == {
        "evidence": sentence,
        "ages": [{"min": 0, "max": 18}],
        "fees_free": True,
        "referral_required": None,
    }
    # (the page's own text states its office hours too: that schedule is a statement of its own)
    [(value, schedule_detail)] = con.execute(
        "SELECT value, detail FROM statements WHERE field = 'schedule'"
        " AND value LIKE '%grupa wsparcia%'"
    ).fetchall()
    assert json.loads(value) == {"days": ["Tu"], "opens": "17:00", "closes": "19:00",
                                 "what": "grupa wsparcia"}  # fmt: skip
    assert json.loads(schedule_detail) == {"evidence": sentence}
    con.close()
