"""The forms of support published with their evidence (issue #17 "Published"), on a small real
warehouse whose two offer pages state services, ages, fees, referral and hours: uslugi.csv
says where each service comes from (a type default marked as such), kontakty.csv and
instytucje.csv when each value was last confirmed, HSDS services carry the sentence, the page,
eligibility, ages and fees, schedules come from the stated hours, and a sentence that names a
person is published nowhere."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from directory_factory import STATED_RECORDS, STATED_SOURCES, build_directory  # tests/ helpers

from warehouse import datapackage as dp
from warehouse.hsds_files import validate_hsds_json
from warehouse.publish import Publication, write_publication
from warehouse.publish.evidence import public_url

SPEECH_SENTENCE = "Terapia logopedyczna dla dzieci od 3 do 10 lat."
PORADNIA_PAGE = "https://poradnia-pisz.example.pl/oferta"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = build_directory(
        tmp_path_factory.mktemp("wh") / "w.duckdb", STATED_RECORDS, STATED_SOURCES
    )
    yield con
    con.close()


@pytest.fixture(scope="module")
def published(
    warehouse: duckdb.DuckDBPyConnection, tmp_path_factory: pytest.TempPathFactory
) -> Publication:
    return write_publication(warehouse, tmp_path_factory.mktemp("out"), notice="DANE TESTOWE")


def rows(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def institution_id(warehouse: duckdb.DuckDBPyConnection, name: str) -> str:
    row = warehouse.execute(
        "SELECT institution_id FROM institutions WHERE name = ?", [name]
    ).fetchone()
    assert row is not None, name
    return str(row[0])


def services_of(published: Publication, iid: str) -> dict[str, dict[str, str]]:
    return {
        r["service"]: r for r in rows(published.path / "uslugi.csv") if r["institution_id"] == iid
    }


def test_a_stated_service_carries_its_sentence_page_date_ages_fees_and_referral(
    published: Publication, warehouse: duckdb.DuckDBPyConnection
) -> None:
    with (published.path / "uslugi.csv").open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == dp.SERVICES.names
    poradnia = institution_id(warehouse, "Poradnia Psychologiczno-Pedagogiczna w Piszu")
    speech = services_of(published, poradnia)["speech_therapy"]
    assert speech == {
        "institution_id": poradnia,
        "service": "speech_therapy",
        "service_label": "terapia logopedyczna",
        "origin": "stated",
        "origin_label": "podana w źródle",
        "evidence_url": PORADNIA_PAGE,
        "evidence_text": SPEECH_SENTENCE,
        "last_confirmed": "2026-03-02",
        "age_min": "3",
        "age_max": "10",
        "fees_free": "true",
        "referral_required": "false",
    }


def test_a_type_default_is_marked_as_such_in_every_file(
    published: Publication, warehouse: duckdb.DuckDBPyConnection
) -> None:
    pcpr = institution_id(warehouse, "Powiatowe Centrum Pomocy Rodzinie w Piszu")
    services = services_of(published, pcpr)
    foster = services["foster_care"]
    assert (foster["origin"], foster["origin_label"]) == ("default", "domyślna dla typu instytucji")
    assert foster["evidence_url"] == foster["evidence_text"] == ""
    assert foster["age_min"] == foster["fees_free"] == ""
    # read from the name: the page that names it, no sentence
    family = services["family_support"]
    assert (family["origin"], family["evidence_url"], family["evidence_text"]) == (
        "name",
        "https://powiat-pisz.example.pl/adresy",
        "",
    )
    defaults = {o for o, r in services.items() if r["origin"] == "default"}
    institution = next(
        r for r in rows(published.path / "instytucje.csv") if r["institution_id"] == pcpr
    )
    assert set(institution["services_default"].split("; ")) == defaults
    assert institution["last_confirmed"] == "2026-03-02"
    excel = next(
        r
        for r in rows(published.path / "excel/instytucje.csv", ";", "utf-8-sig")
        if r["Identyfikator"] == pcpr
    )
    assert "piecza zastępcza" in excel["Usługi domyślne dla typu"]
    hsds = {
        r["name"].split(" — ")[0]: r
        for r in rows(published.path / "hsds/services.csv")
        if r["name"].endswith("Powiatowe Centrum Pomocy Rodzinie w Piszu")
    }
    assert "usługa domyślna dla typu instytucji" in hsds["Piecza zastępcza"]["description"]
    assert "wynika z nazwy" in hsds["Wspieranie rodziny"]["description"]
    html = (published.path / "powiaty/2816_piski/index.html").read_text(encoding="utf-8")
    assert 'data-default="foster_care counselling disability_support"' in html


def test_a_sentence_naming_a_person_is_left_out_but_not_its_page(
    published: Publication, warehouse: duckdb.DuckDBPyConnection
) -> None:
    poradnia = institution_id(warehouse, "Poradnia Psychologiczno-Pedagogiczna w Piszu")
    psychologist = services_of(published, poradnia)["psychological_support"]
    assert psychologist["origin"] == "stated"
    assert psychologist["evidence_url"] == PORADNIA_PAGE
    assert psychologist["evidence_text"] == ""
    stated = warehouse.execute(
        "SELECT count(*) FROM statements WHERE detail LIKE '%Anna Nowak%'"
    ).fetchone()
    assert stated is not None and stated[0] > 0, "the warehouse keeps it"
    for path in published.path.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".json", ".html"):
            assert "Nowak" not in path.read_text(encoding="utf-8-sig"), path


def test_contacts_carry_when_they_were_last_confirmed(published: Publication) -> None:
    contacts = rows(published.path / "kontakty.csv")
    assert tuple(contacts[0]) == dp.CONTACTS.names
    assert {r["last_confirmed"] for r in contacts} == {"2026-03-02"}
    assert any(r["value"] == "+48874234040" for r in contacts)


def test_hsds_services_carry_the_evidence_and_schedules_the_stated_hours(
    published: Publication, shared_data: Path
) -> None:
    hsds = published.path / "hsds"
    speech = next(
        r
        for r in rows(hsds / "services.csv")
        if r["name"] == "Terapia logopedyczna — Poradnia Psychologiczno-Pedagogiczna w Piszu"
    )
    assert SPEECH_SENTENCE in speech["description"]
    assert speech["url"] == PORADNIA_PAGE
    assert (speech["minimum_age"], speech["maximum_age"]) == ("3", "10")
    assert (speech["fees"], speech["fees_description"]) == ("free", "bezpłatnie")
    assert speech["eligibility_description"] == "Wiek od 3 do 10 lat; bez skierowania."
    assert speech["assured_date"] == "2026-03-02"

    organizations: list[dict[str, Any]] = json.loads(
        (hsds / "organizations.json").read_text(encoding="utf-8")
    )
    poradnia = next(o for o in organizations if o["name"].endswith("Pedagogiczna w Piszu"))
    schedules = poradnia["locations"][0]["schedules"]
    assert sorted((s["byday"], s["opens_at"], s["closes_at"]) for s in schedules) == [
        ("MO,TU,WE,TH,FR", "07:30:00", "15:30:00"),
        ("TU", "15:00:00", "18:00:00"),
    ]
    assert all(s["freq"] == "WEEKLY" for s in schedules)
    office = next(s for s in schedules if s["byday"] == "MO,TU,WE,TH,FR")
    assert office["description"].startswith("Sekretariat czynny od poniedziałku do piątku")
    nested = next(s for s in poradnia["services"] if s["name"].startswith("Terapia logopedyczna"))
    assert nested["minimum_age"] == 3 and nested["maximum_age"] == 10
    problems = validate_hsds_json(organizations, shared_data / "hsds" / "schema" / "compiled")
    assert problems == []


def test_a_loopback_page_is_published_as_its_path() -> None:
    assert public_url("http://127.0.0.1:34689/piski/ppp-pisz/oferta.html") == (
        "/piski/ppp-pisz/oferta.html"
    )
    assert public_url("http://localhost:8000/a?b=1") == "/a?b=1"
    assert public_url(PORADNIA_PAGE) == PORADNIA_PAGE
    assert public_url(None) is None
