"""The review store on a real DuckDB warehouse: accounts, cases, append-only decisions, CSV.

`build_warehouse` makes a small migrated warehouse with records in two counties (Skarżysko
2610 and Pisz 2816); test_review_app.py builds on it too.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from review.accounts import (
    AccountError,
    User,
    add_user,
    authenticate,
    clear_login_failures,
    create_session,
    disable_user,
    end_session,
    login_blocked,
    reserve_login_attempt,
    session_user,
)
from review.listing import CaseFilter, count_cases, list_cases, neighbours
from review.records import record_views, safe_link, side_by_side
from review.security import (
    RateLimit,
    check_csrf,
    csrf_token,
    hash_password,
    sign,
    unsign,
    verify_password,
)
from transforms.er.resolve import Decision
from transforms.er.review import ConflictCase, Evidence, PairCase
from warehouse.db import open_warehouse
from warehouse.judgements import (
    RejectedValue,
    current_decisions,
    current_review_decisions,
    decision_history,
    excluded_records,
    export_decisions,
    import_decisions,
    record_decision,
    rejected_values,
)
from warehouse.review_queue import (
    ReviewCase,
    ReviewError,
    cases_from_matcher,
    get_case,
    upsert_cases,
)

SCRIPT_NAME = 'Fundacja <script>window.__pwned = 1</script> "Pomoc"'

# record_id, county, name, type, sector, street, phone, institution, url
RECORDS = (
    ("ra1", "2610", "Stowarzyszenie Pomocy „Arka Noego”", "ngo", "ngo", "ul. Polna 1", "+48411000001", "wsp_arka1", "http://bip.example/arka"),
    ("ra2", "2610", "Stowarzyszenie Pomocy ARKA NOEGO w Skarżysku-Kamiennej", "ngo", "ngo", "ul. Polna 1", "+48411000009", "wsp_arka2", "javascript:alert(1)"),
    ("rs1", "2610", "Sąd Rejonowy w Skarżysku-Kamiennej", "court", "justice", "ul. Sądowa 2", "+48411000002", "wsp_sad", "https://sad.example/kontakt"),
    ("rs2", "2610", "Sąd Rejonowy – III Zespół Kuratorskiej Służby Sądowej", "probation", "justice", "ul. Sądowa 2", "+48411000003", "wsp_sad", "https://sad.example/kuratorzy"),
    ("rx1", "2610", SCRIPT_NAME, "ngo", "ngo", "ul. Długa 3", "+48411000004", "wsp_x1", "https://x.example/"),
    ("rx2", "2610", "Fundacja Pomoc", "ngo", "ngo", "ul. Długa 3", "+48411000004", "wsp_x2", "https://y.example/"),
    ("rp1", "2816", "Sąd Rejonowy w Piszu", "court", "justice", "ul. Warszawska 1", "+48874000001", "wsp_pisz1", "https://pisz.example/a"),
    ("rp2", "2816", "Sąd Rejonowy (kuratorzy) w Piszu", "court", "justice", "ul. Warszawska 1", "+48874000001", "wsp_pisz2", "https://pisz.example/b"),
)  # fmt: skip
COUNTY_NAMES = {"2610": "skarżyski", "2816": "piski"}
SEEN = datetime(2026, 5, 4, 2, 0, tzinfo=UTC)


def build_warehouse(path: Path) -> Path:
    """A migrated warehouse holding RECORDS (raw, normalised, institutions, sources)."""
    with open_warehouse(path) as con:
        for record_id, county, name, type_code, sector, street, phone, inst, url in RECORDS:
            source = f"src_{record_id}"
            con.execute(
                "INSERT INTO sources VALUES (?, ?, ?, 'institution_page', ?, 'bip_dane', NULL,"
                " 1, NULL, 'test', ?)",
                [source, f"Strona {name[:20]}", county, url, SEEN],
            )
            con.execute(
                """
                INSERT INTO raw_records (record_id, source, url, document_sha256, fetched_at,
                    role, name_raw, street_raw, phones_raw, emails_raw, websites_raw,
                    first_seen_at, last_seen_at, active)
                VALUES (?, ?, ?, 'sha', ?, 'subject', ?, ?, [?], [], [], ?, ?, true)
                """,
                [record_id, source, url, SEEN, name, street, phone, SEEN, SEEN + timedelta(days=3)],
            )
            con.execute(
                """
                INSERT INTO records (record_id, source, role, name, name_key, core_key, type_code,
                    sector, street, postal_code, powiat_teryt, powiat_name, place_status, phones,
                    emails, services, target_groups, fetched_at)
                VALUES (?, ?, 'subject', ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'resolved', [?], [], [],
                    [], ?)
                """,
                [record_id, source, name, name.lower(), name.lower(), type_code, sector, street]
                + [county, COUNTY_NAMES[county], phone, SEEN],
            )
            con.execute("INSERT INTO institution_records VALUES (?, ?, 'test')", [record_id, inst])
        con.execute(
            """
            INSERT INTO institutions (institution_id, name, type_code, sector, powiat_teryt,
                powiat_name, record_count, source_count, first_seen_at, last_seen_at)
            SELECT ir.institution_id, min(r.name), min(r.type_code), min(r.sector),
                   min(r.powiat_teryt), min(r.powiat_name), count(*), count(*), ?, ?
            FROM institution_records ir JOIN records r USING (record_id) GROUP BY 1
            """,
            [SEEN, SEEN],
        )
    return path


EVIDENCE = (
    Evidence("core", "strong", 4.2),
    Evidence("street", "same", 2.5),
    Evidence("phone", "different", -1.8),
)


def sample_cases() -> list[ReviewCase]:
    return [
        ReviewCase("pair", "2610", "ngo", "wsp_arka1", "ra1", "ra2", score=0.74,
                   evidence=EVIDENCE, priority=3.0),
        ReviewCase("pair", "2610", "justice", "wsp_sad", "rs1", "rs2", score=0.55,
                   evidence=EVIDENCE, priority=2.0),
        ReviewCase("pair", "2610", "ngo", "wsp_x1", "rx1", "rx2", score=0.6,
                   evidence=EVIDENCE, priority=1.0),
        ReviewCase("field_conflict", "2610", "justice", "wsp_sad", field="phone",
                   values=(("+48411000002", ("rs1",)), ("+48411000003", ("rs2",))), priority=1.5),
        ReviewCase("not_institution", "2610", "ngo", "wsp_x2", "rx2", priority=0.5),
        ReviewCase("pair", "2816", "justice", "wsp_pisz1", "rp1", "rp2", score=0.8,
                   evidence=EVIDENCE, priority=5.0),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Migrating a new warehouse takes most of a second: build it once, copy it per test.
    return build_warehouse(tmp_path_factory.mktemp("template") / "directory.duckdb")


@pytest.fixture()
def con(template_db: Path, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    db = tmp_path / "directory.duckdb"
    shutil.copyfile(template_db, db)
    connection = duckdb.connect(str(db))
    upsert_cases(connection, "run1", sample_cases())
    return connection


SKARZYSKO = User("ola", ("2610",), False)
PISZ = User("jan", ("2816",), False)
ADMIN = User("admin", (), True)


# --- cases --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param(dict(kind="pair", record_a="b", record_b="a"), id="pair-unordered"),
        pytest.param(dict(kind="pair", record_a="a", record_b=None), id="pair-one-record"),
        pytest.param(dict(kind="field_conflict", institution_id="i", field="phone",
                          values=(("1", ("a",)),)), id="conflict-one-value"),
        pytest.param(dict(kind="not_institution"), id="not-institution-no-record"),
        pytest.param(dict(kind="merger", record_a="a"), id="unknown-kind"),
    ],
)  # fmt: skip
def test_bad_cases_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ReviewError):
        ReviewCase(powiat_teryt="2610", sector=None, **kwargs)  # type: ignore[arg-type]


def test_case_id_names_the_question_not_the_run() -> None:
    a = ReviewCase("pair", "2610", "ngo", None, "ra1", "ra2", score=0.7)
    again = ReviewCase("pair", "2816", "health", "other", "ra1", "ra2", score=0.1, priority=9)
    conflict = ReviewCase("field_conflict", "2610", None, "wsp_1", field="phone",
                          values=(("1", ("ra1",)), ("2", ("ra2",))))  # fmt: skip
    assert a.case_id == again.case_id
    assert a.case_id != conflict.case_id
    assert (
        conflict.case_id
        != ReviewCase(
            "field_conflict", None, None, "wsp_1", field="address", values=conflict.values
        ).case_id
    )


def test_queue_is_scoped_and_ordered(con: duckdb.DuckDBPyConnection) -> None:
    mine = list_cases(con, SKARZYSKO)
    assert [c.case.priority for c in mine] == [3.0, 2.0, 1.5, 1.0, 0.5]
    assert {c.case.powiat_teryt for c in mine} == {"2610"}
    assert [c.case.record_a for c in list_cases(con, PISZ)] == ["rp1"]
    assert len(list_cases(con, ADMIN)) == 6
    assert list_cases(con, PISZ, CaseFilter(county="2610")) == []
    assert [c.case.kind for c in list_cases(con, SKARZYSKO, CaseFilter(kind="field_conflict"))] == [
        "field_conflict"
    ]
    counts = count_cases(con, SKARZYSKO, CaseFilter())
    assert (counts.open, counts.decided) == (5, 0)
    assert dict(counts.by_kind) == {"pair": 3, "field_conflict": 1, "not_institution": 1}


def test_neighbours_follow_the_queue(con: duckdb.DuckDBPyConnection) -> None:
    ids = [c.case_id for c in list_cases(con, SKARZYSKO)]
    assert neighbours(con, SKARZYSKO, CaseFilter(), ids[0]) == (None, ids[1])
    assert neighbours(con, SKARZYSKO, CaseFilter(), ids[2]) == (ids[1], ids[3])
    assert neighbours(con, SKARZYSKO, CaseFilter(), ids[-1]) == (ids[-2], None)


def test_upsert_replaces_open_cases_and_keeps_decided(con: duckdb.DuckDBPyConnection) -> None:
    cases = sample_cases()
    record_decision(con, cases[0].case_id, "same", "ola")
    record_decision(con, cases[3].case_id, "value_current", "ola", chosen_value="+48411000002")
    phone_changed = ReviewCase(
        "field_conflict", "2610", "justice", "wsp_sad", field="phone",
        values=(("+48411000002", ("rs1",)), ("+48411000007", ("rs2",))), priority=1.5,
    )  # fmt: skip
    summary = upsert_cases(con, "run2", [cases[0], cases[1], phone_changed])
    assert (summary.updated, summary.reopened, summary.removed) == (3, 1, 3)
    rows = dict(con.execute("SELECT case_id, status FROM review_cases").fetchall())
    assert rows == {
        cases[0].case_id: "decided",  # kept, decided
        cases[1].case_id: "open",  # asked again
        cases[3].case_id: "open",  # a new phone appeared: the old decision was about others
    }
    created = con.execute(
        "SELECT created_run_id, updated_run_id FROM review_cases WHERE case_id = ?",
        [cases[1].case_id],
    ).fetchone()
    assert created == ("run1", "run2")


@pytest.mark.parametrize(
    ("index", "verdict", "value"),
    [
        pytest.param(0, "value_current", None, id="pair-answered-with-a-value-verdict"),
        pytest.param(0, "same", "+48411000002", id="pair-with-a-value"),
        pytest.param(3, "same", None, id="conflict-answered-same"),
        pytest.param(3, "value_current", "+48999999999", id="value-not-in-the-case"),
        pytest.param(3, "value_current", None, id="value-missing"),
        pytest.param(4, "different", None, id="not-institution-answered-different"),
    ],
)
def test_decisions_must_answer_their_case(
    con: duckdb.DuckDBPyConnection, index: int, verdict: str, value: str | None
) -> None:
    with pytest.raises(ReviewError):
        record_decision(con, sample_cases()[index].case_id, verdict, "ola", chosen_value=value)
    assert con.execute("SELECT count(*) FROM review_decisions").fetchone() == (0,)


def test_later_decision_supersedes_and_nothing_is_deleted(con: duckdb.DuckDBPyConnection) -> None:
    case_id = sample_cases()[0].case_id
    t0 = datetime(2026, 5, 5, 9, 0, tzinfo=UTC)
    first = record_decision(con, case_id, "different", "ola", decided_at=t0)
    second = record_decision(
        con, case_id, "same", "ola", comment="ten sam adres", decided_at=t0 + timedelta(hours=1)
    )
    history = decision_history(con, case_id)
    assert [d.decision_id for d in history] == [second.decision_id, first.decision_id]
    assert history[1].superseded_by == second.decision_id
    assert history[0].superseded_by is None
    assert get_case(con, case_id).status == "decided"  # type: ignore[union-attr]
    assert current_decisions(con) == [
        Decision("ra1", "ra2", "same", "ola", second.decided_at.isoformat(), "ten sam adres")
    ]
    assert list_cases(con, SKARZYSKO)[0].case.record_a == "rs1"


def test_current_decisions_are_the_matchers_type(con: duckdb.DuckDBPyConnection) -> None:
    cases = sample_cases()
    record_decision(con, cases[5].case_id, "different", "jan")
    record_decision(con, cases[2].case_id, "unsure", "ola")
    record_decision(con, cases[3].case_id, "both_valid", "ola")
    pairs = {(d.record_a, d.record_b, d.verdict) for d in current_decisions(con)}
    assert pairs == {("rp1", "rp2", "different"), ("rx1", "rx2", "unsure")}
    assert [d.verdict for d in current_review_decisions(con, "field_conflict")] == ["both_valid"]


def test_export_import_rebuilds_every_decision(
    con: duckdb.DuckDBPyConnection, template_db: Path, tmp_path: Path
) -> None:
    cases = sample_cases()
    t0 = datetime(2026, 5, 5, 9, 0, tzinfo=UTC)
    record_decision(con, cases[0].case_id, "different", "ola", decided_at=t0)
    record_decision(con, cases[0].case_id, "same", "ola", comment='„cudzysłów”, przecinek',
                    decided_at=t0 + timedelta(minutes=5))  # fmt: skip
    record_decision(con, cases[3].case_id, "value_current", "ola", chosen_value="+48411000003")
    path = tmp_path / "decisions.csv"
    assert export_decisions(con, path) == 3

    shutil.copyfile(template_db, tmp_path / "rebuilt.duckdb")
    fresh = duckdb.connect(str(tmp_path / "rebuilt.duckdb"))
    assert import_decisions(fresh, path).added == 3
    assert import_decisions(fresh, path).already_present == 3  # idempotent
    key = (
        "SELECT decision_id, verdict, comment, superseded_by, case_values"
        " FROM review_decisions ORDER BY 1"
    )
    assert fresh.execute(key).fetchall() == con.execute(key).fetchall()
    assert rejected_values(fresh) == [RejectedValue("phone", "+48411000002", "rs1")]
    # Cases asked again after the rebuild come back decided.
    upsert_cases(fresh, "rebuilt-run", cases)
    assert get_case(fresh, cases[0].case_id).status == "decided"  # type: ignore[union-attr]
    assert get_case(fresh, cases[1].case_id).status == "open"  # type: ignore[union-attr]

    # A file exported before decisions kept their values (no case_values column) still imports.
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    old_file = tmp_path / "decisions-before-005.csv"
    with old_file.open("w", encoding="utf-8", newline="") as handle:
        columns = [c for c in rows[0] if c != "case_values"]
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    shutil.copyfile(template_db, tmp_path / "older.duckdb")
    older = duckdb.connect(str(tmp_path / "older.duckdb"))
    assert import_decisions(older, old_file).added == 3

    # A newer decision already in the target stays in force after importing older ones.
    newer = record_decision(
        fresh, cases[0].case_id, "unsure", "ola", decided_at=t0 + timedelta(days=1)
    )
    import_decisions(fresh, path)
    assert decision_history(fresh, cases[0].case_id)[0].decision_id == newer.decision_id


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"verdict": "maybe"}, "line 2: verdict", id="bad-verdict"),
        pytest.param({"decided_at": "wczoraj"}, "line 2: decided_at", id="bad-time"),
        pytest.param({"case_id": "c_0000"}, "line 2: case_id", id="forged-case-id"),
        pytest.param({"record_a": "zz"}, "line 2: a pair", id="unordered-pair"),
    ],
)
def test_import_names_the_bad_line(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, change: dict[str, str], message: str
) -> None:
    record_decision(con, sample_cases()[0].case_id, "same", "ola")
    path = tmp_path / "decisions.csv"
    export_decisions(con, path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0].update(change)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ReviewError, match=message):
        import_decisions(con, path)


# --- the matcher's cases ------------------------------------------------------------------


def test_cases_from_matcher_take_county_sector_and_rank(con: duckdb.DuckDBPyConnection) -> None:
    pairs = [PairCase("ra1", "ra2", 0.85, EVIDENCE), PairCase("rp1", "rp2", 0.55, EVIDENCE)]
    conflicts = [ConflictCase("rs1", "phone", (("+48411000002", ("rs1",)),
                                               ("+48411000003", ("rs2",))))]  # fmt: skip
    cases = cases_from_matcher(con, pairs, conflicts, review_threshold=0.5, match_threshold=0.9)
    by_kind = {(c.kind, c.record_a): c for c in cases}
    arka, pisz = by_kind[("pair", "ra1")], by_kind[("pair", "rp1")]
    assert (arka.powiat_teryt, arka.sector, arka.evidence) == ("2610", "ngo", EVIDENCE)
    assert pisz.powiat_teryt == "2816"
    assert arka.priority > pisz.priority  # nearer the match threshold
    conflict = by_kind[("field_conflict", None)]
    assert (conflict.institution_id, conflict.powiat_teryt) == ("wsp_sad", "2610")
    assert arka.counties == ("2610",) and pisz.counties == ("2816",)
    upsert_cases(con, "run9", cases)
    stored = get_case(con, conflict.case_id)
    assert stored is not None and stored.case.counties == ("2610",)


def test_a_case_touches_the_counties_of_its_records_and_their_institutions(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # rp1 (Pisz) is put into the Skarżysko court's institution: a case about it, or about a
    # value it gave that institution, reaches into both counties.
    con.execute("UPDATE institution_records SET institution_id = 'wsp_sad' WHERE record_id = 'rp1'")
    pairs = [PairCase("ra1", "rp2", 0.7, EVIDENCE)]
    conflicts = [ConflictCase("rs1", "phone", (("+48411000002", ("rs1",)),
                                               ("+48874000001", ("rp1",))))]  # fmt: skip
    cases = cases_from_matcher(con, pairs, conflicts, review_threshold=0.5, match_threshold=0.9)
    assert {c.kind: c.counties for c in cases} == {
        "pair": ("2610", "2816"),
        "field_conflict": ("2610", "2816"),
    }
    upsert_cases(con, "run9", cases)
    spanning = {c.case_id for c in cases}
    for user in (SKARZYSKO, PISZ, ADMIN):
        listed = {c.case_id for c in list_cases(con, user, CaseFilter())}
        assert spanning <= listed
    assert not SKARZYSKO.may_decide(("2610", "2816")) and not PISZ.may_decide(("2610", "2816"))
    assert User("ewa", ("2610", "2816"), False).may_decide(("2610", "2816"))
    assert ADMIN.may_decide(("2610", "2816")) and not SKARZYSKO.may_decide(())


# --- records on the case page -------------------------------------------------------------


def test_side_by_side_marks_differences_and_keeps_provenance(
    con: duckdb.DuckDBPyConnection,
) -> None:
    views = record_views(con, ["ra1", "ra2", "missing"])
    assert [v.record_id for v in views] == ["ra1", "ra2"]
    states = {row.code: row.state for row in side_by_side(views)}
    assert states["name"] == "differs"
    assert states["street"] == "same"
    assert states["phones"] == "differs"
    assert states["nip"] == "empty"
    assert views[0].provenance is not None and views[1].provenance is not None
    assert views[0].provenance.url == "http://bip.example/arka"
    assert views[1].provenance.url is None  # a javascript: link is shown as text only
    assert views[0].provenance.last_seen_at == SEEN + timedelta(days=3)


@pytest.mark.parametrize(
    ("url", "link"),
    [
        pytest.param("https://bip.example/a?b=1", "https://bip.example/a?b=1", id="https"),
        pytest.param("javascript:alert(1)", None, id="javascript"),
        pytest.param("data:text/html,<b>", None, id="data"),
        pytest.param("//evil.example/", None, id="scheme-relative"),
        pytest.param("", None, id="empty"),
    ],
)
def test_safe_link(url: str, link: str | None) -> None:
    assert safe_link(url) == link


# --- accounts and security ----------------------------------------------------------------


def test_accounts_and_sessions(con: duckdb.DuckDBPyConnection) -> None:
    add_user(con, "ola", "hasło-ola-123", ["2610"])
    assert authenticate(con, "ola", "hasło-ola-123") == User("ola", ("2610",), False)
    assert authenticate(con, "ola", "zle-haslo-123") is None
    assert authenticate(con, "nikt", "hasło-ola-123") is None
    session = create_session(con, "ola")
    assert session_user(con, session) == User("ola", ("2610",), False)
    end_session(con, session)
    assert session_user(con, session) is None
    session = create_session(con, "ola")
    disable_user(con, "ola")
    assert session_user(con, session) is None
    assert authenticate(con, "ola", "hasło-ola-123") is None


@pytest.mark.parametrize(
    ("login", "password", "counties", "admin"),
    [
        pytest.param("ola", "krótkie", ["2610"], False, id="short-password"),
        pytest.param("ola", "dość-długie-hasło", [], False, id="coordinator-without-county"),
        pytest.param("ola", "dość-długie-hasło", ["26"], False, id="bad-teryt"),
        pytest.param("o la", "dość-długie-hasło", ["2610"], False, id="space-in-login"),
    ],
)
def test_bad_accounts_are_refused(
    con: duckdb.DuckDBPyConnection, login: str, password: str, counties: list[str], admin: bool
) -> None:
    with pytest.raises(AccountError):
        add_user(con, login, password, counties, is_admin=admin)


def test_password_hash_signature_and_csrf() -> None:
    stored = hash_password("zażółć gęślą jaźń")
    assert stored.startswith("scrypt$") and "zażółć" not in stored
    assert verify_password("zażółć gęślą jaźń", stored)
    assert not verify_password("zazolc gesla jazn", stored)
    secret = b"x" * 32
    signed = sign(secret, "session-1")
    assert unsign(secret, signed) == "session-1"
    assert unsign(secret, signed[:-1] + ("0" if signed[-1] != "0" else "1")) is None
    assert unsign(b"y" * 32, signed) is None
    assert check_csrf(secret, "session-1", csrf_token(secret, "session-1"))
    assert not check_csrf(secret, "session-2", csrf_token(secret, "session-1"))
    assert not check_csrf(secret, "session-1", None)


def test_failed_logins_are_counted_in_the_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    limit = RateLimit(failures=3, window_seconds=60, per_login=5)
    t0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    for i in range(3):
        now = t0 + timedelta(seconds=i)
        assert not login_blocked(con, limit, "ola", "10.0.0.1", now)
        assert reserve_login_attempt(con, limit, "ola", "10.0.0.1", now)
    later = t0 + timedelta(seconds=3)
    assert login_blocked(con, limit, "OLA", "10.0.0.1", later)
    assert not reserve_login_attempt(con, limit, "ola", "10.0.0.1", later)  # nothing counted
    assert not login_blocked(con, limit, "ola", "10.0.0.2", later)
    assert not login_blocked(con, limit, "jan", "10.0.0.1", later)
    assert not login_blocked(con, limit, "ola", "10.0.0.1", t0 + timedelta(seconds=61))
    # A guesser spreading over addresses meets the per-login limit.
    for address in ("10.0.0.7", "10.0.0.8"):
        assert reserve_login_attempt(con, limit, "ola", address, later)
    assert login_blocked(con, limit, "ola", "10.0.0.9", later)
    assert not reserve_login_attempt(con, limit, "ola", "10.0.0.9", later)
    clear_login_failures(con, "ola", "10.0.0.1")
    assert not login_blocked(con, limit, "ola", "10.0.0.9", later)  # 2 left, from 2 addresses
    # Old failures are dropped as new ones come, so the table does not grow for ever.
    assert reserve_login_attempt(con, limit, "jan", "10.0.0.1", t0 + timedelta(hours=1))
    assert con.execute("SELECT count(*) FROM review_login_failures").fetchone() == (1,)


def test_value_current_rejects_only_the_values_the_coordinator_saw(
    con: duckdb.DuckDBPyConnection,
) -> None:
    conflict = sample_cases()[3]
    record_decision(con, conflict.case_id, "value_current", "ola", chosen_value="+48411000003")
    assert rejected_values(con) == [RejectedValue("phone", "+48411000002", "rs1")]
    # Tomorrow a third phone joins the case: it reopens, and the decision still rejects only
    # the value it was about, never the newcomer.
    grown = replace(conflict, values=(*conflict.values, ("+48411000077", ("rs3",))))
    upsert_cases(con, "run2", [grown])
    assert get_case(con, conflict.case_id).status == "open"  # type: ignore[union-attr]
    assert rejected_values(con) == [RejectedValue("phone", "+48411000002", "rs1")]
    record_decision(con, conflict.case_id, "both_valid", "ola")
    assert rejected_values(con) == []


def test_not_institution_decisions_exclude_the_record(con: duckdb.DuckDBPyConnection) -> None:
    case = sample_cases()[4]
    assert excluded_records(con) == set()
    record_decision(con, case.case_id, "not_institution", "ola")
    assert excluded_records(con) == {"rx2"}
    record_decision(con, case.case_id, "is_institution", "ola", comment="to jednak fundacja")
    assert excluded_records(con) == set()


@pytest.mark.parametrize(
    ("n", "word"),
    [
        pytest.param(1, "sprawa", id="1"),
        pytest.param(3, "sprawy", id="3"),
        pytest.param(5, "spraw", id="5"),
        pytest.param(12, "spraw", id="12-not-few"),
        pytest.param(22, "sprawy", id="22"),
        pytest.param(0, "spraw", id="0"),
    ],
)
def test_polish_plural(n: int, word: str) -> None:
    from review.labels import plural

    assert plural(n, "sprawa", "sprawy", "spraw") == word
