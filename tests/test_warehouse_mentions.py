"""Mentions in a real warehouse: attached to the institution they name at a lower weight, or
held back and offered to a coordinator as a new institution (warehouse/mentions.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb
from directory_factory import build_directory

from warehouse.judgements import record_decision
from warehouse.stages import match_and_build

# source, role, name_raw, street, postal code, locality, phones, emails, website, nip, regon,
# opening hours, description, extra — shaped like directory_factory.RECORDS
KNOWN = (
    "skarzyski_baza",
    "mention",
    "Powiatowego Centrum Pomocy Rodzinie w Skarżysku-Kamiennej",
    None,
    None,
    "w Skarżysku-Kamiennej",
    ["41 999 99 99"],  # an old number a county's list still gives
    [],
    None,
    None,
    None,
    None,
    None,
    None,
)
NEW = (
    "pcpr_skarzysko",
    "mention",
    "Sądu Rejonowego w Skarżysku-Kamiennej",
    None,
    None,
    "w Skarżysku-Kamiennej",
    ["41 252 00 00"],
    [],
    None,
    None,
    None,
    None,
    None,
    None,
)
BODY = (
    "pcpr_skarzysko",
    "mention",
    "Wojewody Świętokrzyskiego",
    None,
    None,
    None,
    [],
    [],
    None,
    None,
    None,
    None,
    None,
    None,
)
# The MGOPS in Pisz has no e-mail of its own in the directory: a list that gives one adds it.
MAILBOX = (
    "piski_adresy",
    "mention",
    "Miejsko-Gminnego Ośrodka Pomocy Społecznej w Piszu",
    None,
    None,
    "w Piszu",
    [],
    ["mgops@pisz.example.pl"],
    None,
    None,
    None,
    None,
    None,
    None,
)


def _build(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return build_directory(tmp_path / "w.duckdb", [KNOWN, NEW, BODY, MAILBOX])


def _record_of(con: duckdb.DuckDBPyConnection, name_raw: str) -> str:
    row = con.execute("SELECT record_id FROM raw_records WHERE name_raw = ?", [name_raw]).fetchone()
    assert row is not None
    return str(row[0])


def _institution_of(con: duckdb.DuckDBPyConnection, record_id: str) -> str | None:
    row = con.execute(
        "SELECT institution_id FROM institution_records WHERE record_id = ?", [record_id]
    ).fetchone()
    return None if row is None else str(row[0])


def test_a_mention_of_a_known_institution_joins_it_at_a_lower_weight(tmp_path: Path) -> None:
    con = _build(tmp_path)
    mention = _record_of(con, KNOWN[2])
    own = _record_of(con, "Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej")
    institution = _institution_of(con, own)
    assert institution is not None and _institution_of(con, mention) == institution
    phones = {
        r[0]
        for r in con.execute(
            "SELECT value FROM contacts WHERE institution_id = ? AND kind = 'phone'",
            [institution],
        ).fetchall()
    }
    assert phones == {"+48412510001"}, "the page's own number, not the list's old one"
    conflicts = con.execute(
        "SELECT count(*) FROM review_cases WHERE kind = 'field_conflict' AND institution_id = ?",
        [institution],
    ).fetchone()
    assert conflicts == (0,)


def test_a_mention_adds_what_the_institution_lacks(tmp_path: Path) -> None:
    con = _build(tmp_path)
    institution = _institution_of(con, _record_of(con, MAILBOX[2]))
    assert institution is not None
    emails = con.execute(
        "SELECT value FROM contacts WHERE institution_id = ? AND kind = 'email'", [institution]
    ).fetchall()
    assert emails == [("mgops@pisz.example.pl",)]
    name = con.execute(
        "SELECT name FROM institutions WHERE institution_id = ?", [institution]
    ).fetchone()
    assert name == ("Miejsko-Gminny Ośrodek Pomocy Społecznej w Piszu",)


def test_an_unknown_institution_is_offered_not_published(tmp_path: Path) -> None:
    con = _build(tmp_path)
    record = _record_of(con, NEW[2])
    assert _institution_of(con, record) is None
    assert con.execute(
        "SELECT count(*) FROM institutions WHERE name LIKE 'Sąd Rejonowy%'"
    ).fetchone() == (0,)
    case = con.execute(
        "SELECT case_id, powiat_teryt, status FROM review_cases"
        " WHERE kind = 'new_institution' AND record_a = ?",
        [record],
    ).fetchone()
    assert case is not None and case[1:] == ("2610", "open")


def test_a_body_without_a_kind_is_neither_published_nor_asked_about(tmp_path: Path) -> None:
    con = _build(tmp_path)
    record = _record_of(con, BODY[2])
    assert _institution_of(con, record) is None
    cases = con.execute(
        "SELECT kind FROM review_cases WHERE record_a = ? OR record_b = ?", [record, record]
    ).fetchall()
    assert cases == []


def test_an_accepted_new_institution_enters_the_directory_and_keeps_its_id(
    tmp_path: Path,
) -> None:
    con = _build(tmp_path)
    record = _record_of(con, NEW[2])
    row = con.execute(
        "SELECT case_id FROM review_cases WHERE kind = 'new_institution' AND record_a = ?",
        [record],
    ).fetchone()
    assert row is not None
    record_decision(con, str(row[0]), "is_institution", "koordynator")
    match_and_build(con, "night-2")
    institution = _institution_of(con, record)
    assert institution is not None
    published = con.execute(
        "SELECT name, powiat_teryt FROM institutions WHERE institution_id = ?", [institution]
    ).fetchone()
    assert published == ("Sąd Rejonowy w Skarżysku-Kamiennej", "2610")
    status = con.execute("SELECT status FROM review_cases WHERE case_id = ?", [row[0]]).fetchone()
    assert status == ("decided",)
    match_and_build(con, "night-3")
    assert _institution_of(con, record) == institution


def test_a_rejected_new_institution_stays_out(tmp_path: Path) -> None:
    con = _build(tmp_path)
    record = _record_of(con, NEW[2])
    row = con.execute(
        "SELECT case_id FROM review_cases WHERE kind = 'new_institution' AND record_a = ?",
        [record],
    ).fetchone()
    assert row is not None
    record_decision(con, str(row[0]), "not_institution", "koordynator")
    match_and_build(con, "night-2")
    assert _institution_of(con, record) is None
    assert con.execute(
        "SELECT count(*) FROM review_cases WHERE kind = 'new_institution' AND status = 'open'"
        " AND record_a = ?",
        [record],
    ).fetchone() == (0,)


def test_a_coordinator_adds_the_new_institution_in_the_review_app(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from test_review_app import csrf_of, log_in, settings_for

    from review.accounts import add_user
    from review.app import create_app

    con = _build(tmp_path)
    record = _record_of(con, NEW[2])
    row = con.execute(
        "SELECT case_id FROM review_cases WHERE kind = 'new_institution' AND record_a = ?",
        [record],
    ).fetchone()
    assert row is not None
    case_id = str(row[0])
    add_user(con, "ola", "bezpieczne-hasło-1", ["2610"])
    con.close()
    with TestClient(create_app(settings_for(tmp_path / "w.duckdb")), follow_redirects=False) as app:
        assert log_in(app, "ola") == 303
        assert "nowa instytucja" in app.get("/kolejka").text
        page = app.get(f"/sprawa/{case_id}")
        assert page.status_code == 200
        assert "Czy dodać tę instytucję do katalogu?" in page.text
        assert "Sądu Rejonowego w Skarżysku-Kamiennej" in page.text
        response = app.post(
            f"/sprawa/{case_id}", data={"verdict": "is_institution", "csrf": csrf_of(page.text)}
        )
        assert response.status_code == 303
    with duckdb.connect(str(tmp_path / "w.duckdb")) as again:
        match_and_build(again, "night-2")
        assert _institution_of(again, record) is not None
