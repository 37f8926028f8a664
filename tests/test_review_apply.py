"""Coordinators' decisions on field conflicts and on "is this an institution" reach the
directory: the next match stage (the nightly flow's own `match_and_build`, over a real DuckDB
file) leaves a rejected phone or address out of the published contacts, keeps both values for
"both valid", and takes a record decided "not an institution" out of the directory for good."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from directory_factory import build_directory

from review.accounts import User
from review.listing import list_cases
from warehouse.db import connect
from warehouse.judgements import record_decision
from warehouse.review_queue import get_case
from warehouse.stages import match_and_build

ADMIN = User("admin", (), True)
PCPR = "Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej"
# A second record of the PCPR (a county directory row) with another phone and address, and a
# shop that slipped into the same directory.
EXTRA = [
    ("skarzyski_baza", "row", PCPR, "ul. Słoneczna 5", "26-110", "Skarżysko-Kamienna",
     ["41 251 99 99"], [], None, None, None, None, None, None),
    ("skarzyski_baza", "row", "Sklep Zoologiczny Azor", "ul. Wiejska 11", "26-110",
     "Skarżysko-Kamienna", ["41 251 77 77"], [], None, None, None, None, None, None),
]  # fmt: skip
OLD_PHONE, NEW_PHONE = "+48412510001", "+48412519999"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Building the directory takes most of a second: once per module, copied for each test.
    db = tmp_path_factory.mktemp("template") / "directory.duckdb"
    build_directory(db, EXTRA).close()
    return db


@pytest.fixture()
def con(template: Path, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    shutil.copyfile(template, tmp_path / "directory.duckdb")
    return connect(tmp_path / "directory.duckdb")


def open_case(con: duckdb.DuckDBPyConnection, kind: str, field: str | None = None) -> str:
    (case,) = [
        c
        for c in list_cases(con, ADMIN)
        if c.case.kind == kind and (field is None or c.case.field == field)
    ]
    return case.case_id


def value_of(con: duckdb.DuckDBPyConnection, case_id: str, part: str) -> str:
    """The case's value that contains `part`, as the matcher wrote it."""
    stored = get_case(con, case_id)
    assert stored is not None
    (value,) = [v for v, _records in stored.case.values if part in v]
    return value


def pcpr(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("SELECT institution_id FROM institutions WHERE name = ?", [PCPR]).fetchone()
    assert row is not None
    return str(row[0])


def phones(con: duckdb.DuckDBPyConnection, institution_id: str) -> set[str]:
    rows = con.execute(
        "SELECT value FROM contacts WHERE institution_id = ? AND kind = 'phone'",
        [institution_id],
    ).fetchall()
    return {str(r[0]) for r in rows}


def streets(con: duckdb.DuckDBPyConnection, institution_id: str) -> set[str]:
    rows = con.execute(
        "SELECT street FROM locations WHERE institution_id = ?", [institution_id]
    ).fetchall()
    return {str(r[0]) for r in rows}


def test_the_matcher_asks_about_both_conflicts(con: duckdb.DuckDBPyConnection) -> None:
    institution = pcpr(con)
    assert phones(con, institution) == {OLD_PHONE, NEW_PHONE}
    assert streets(con, institution) == {"ul. Konarskiego 20", "ul. Słoneczna 5"}
    assert open_case(con, "field_conflict", "phone")
    assert open_case(con, "field_conflict", "address")


def test_value_current_leaves_the_other_value_out(con: duckdb.DuckDBPyConnection) -> None:
    phone_case = open_case(con, "field_conflict", "phone")
    address_case = open_case(con, "field_conflict", "address")
    record_decision(
        con, phone_case, "value_current", "ola", chosen_value=value_of(con, phone_case, "9999")
    )
    record_decision(
        con,
        address_case,
        "value_current",
        "ola",
        chosen_value=value_of(con, address_case, "sloneczna 5, 26-110"),
    )
    match_and_build(con, "run-2")
    institution = pcpr(con)
    assert phones(con, institution) == {NEW_PHONE}
    assert streets(con, institution) == {"ul. Słoneczna 5"}
    # The records keep what their sources said: only the directory follows the decision.
    (old,) = con.execute(
        "SELECT count(*) FROM records WHERE list_contains(phones, ?)", [OLD_PHONE]
    ).fetchone() or (0,)
    assert old == 1
    # And it holds on every later night.
    match_and_build(con, "run-3")
    assert phones(con, pcpr(con)) == {NEW_PHONE}


def test_both_valid_keeps_both(con: duckdb.DuckDBPyConnection) -> None:
    phone_case = open_case(con, "field_conflict", "phone")
    record_decision(
        con, phone_case, "value_current", "ola", chosen_value=value_of(con, phone_case, "9999")
    )
    match_and_build(con, "run-2")
    assert phones(con, pcpr(con)) == {NEW_PHONE}
    record_decision(con, phone_case, "both_valid", "ola", comment="sekretariat i dyrektor")
    match_and_build(con, "run-3")
    assert phones(con, pcpr(con)) == {OLD_PHONE, NEW_PHONE}


def test_not_an_institution_leaves_the_directory(con: duckdb.DuckDBPyConnection) -> None:
    shop = open_case(con, "not_institution")
    count = "SELECT count(*) FROM institutions WHERE name = 'Sklep Zoologiczny Azor'"
    assert con.execute(count).fetchone() == (1,)
    record_decision(con, shop, "not_institution", "ola")
    match_and_build(con, "run-2")
    assert con.execute(count).fetchone() == (0,)
    assert con.execute(
        "SELECT count(*) FROM records WHERE name = 'Sklep Zoologiczny Azor'"
    ).fetchone() == (1,)
    stored = get_case(con, shop)
    assert stored is not None and stored.status == "decided"
    # Its id is retired, not silently dropped: the history says what became of it.
    assert con.execute(
        "SELECT count(*) FROM institution_id_history WHERE reason = 'retired'"
    ).fetchone() == (1,)
    record_decision(con, shop, "is_institution", "ola", comment="sklep prowadzi fundacja")
    match_and_build(con, "run-3")
    assert con.execute(count).fetchone() == (1,)
