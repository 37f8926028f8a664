"""The HSDS 3.0 export against the official Open Referral schemas in ../shared/data/hsds:
the JSON against the compiled schemas (additional properties disallowed, as the
specification validates), the tabular package with Frictionless under the official
datapackage.json, ids derived from wsparcie's stable ids, and the Polish profile
(docs/hsds_profile.md): identifiers, service areas, taxonomies, assured and modified dates."""

from __future__ import annotations

import csv
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from directory_factory import SEEN, build_directory  # tests/ helper module
from frictionless import validate

from warehouse.hsds import (
    TABLES,
    build_hsds,
    build_hsds_tables,
    fields_of,
    hsds_id,
    term_id,
    teryt_identifier,
    whole_gmina,
)
from warehouse.hsds_files import validate_hsds_json, write_hsds
from warehouse.publish import stage_tables

# Offices of self-government units and a regional centre, for the profile's identifiers and
# service areas (source, role, name, street, postal code, locality, phones, e-mails, website,
# NIP, REGON, opening hours, description, extra).
OFFICES = [
    (
        "skarzyski_baza",
        "row",
        "Starostwo Powiatowe w Skarżysku-Kamiennej",
        "ul. Konarskiego 20",
        "26-110",
        "Skarżysko-Kamienna",
        ["41 395 00 00"],
        [],
        None,
        None,
        None,
        None,
        "poradnictwo specjalistyczne",
        None,
    ),
    (
        "skarzyski_baza",
        "row",
        "Urząd Gminy Bliżyn",
        "ul. Kościelna 79a",
        "26-120",
        "Bliżyn",
        ["41 254 10 01"],
        [],
        None,
        None,
        None,
        None,
        "poradnictwo specjalistyczne",
        None,
    ),
    (
        "skarzyski_baza",
        "row",
        "Regionalny Ośrodek Polityki Społecznej",
        "ul. Kolejowa 2",
        "26-110",
        "Skarżysko-Kamienna",
        [],
        [],
        None,
        None,
        None,
        None,
        "poradnictwo specjalistyczne",
        None,
    ),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = build_directory(tmp_path_factory.mktemp("wh") / "w.duckdb", OFFICES)
    stage_tables(con)
    yield con
    con.close()


@pytest.fixture(scope="module")
def export_dir(
    warehouse: duckdb.DuckDBPyConnection, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("hsds")
    write_hsds(build_hsds(warehouse), folder)
    return folder


@pytest.fixture(scope="module")
def organizations(export_dir: Path) -> list[dict[str, Any]]:
    data = json.loads((export_dir / "organizations.json").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_json_validates_against_the_official_compiled_schema(
    organizations: list[dict[str, Any]], shared_data: Path
) -> None:
    assert len(organizations) == 11
    assert validate_hsds_json(organizations, shared_data / "hsds/schema/compiled") == []


def test_json_validation_rejects_what_the_standard_rejects(
    organizations: list[dict[str, Any]], shared_data: Path
) -> None:
    broken = json.loads(json.dumps(organizations[0]))
    broken["id"] = "wsp_not_a_uuid"
    broken["nickname"] = "not an HSDS field"
    problems = validate_hsds_json([broken], shared_data / "hsds/schema/compiled")
    assert any("is not a 'uuid'" in p for p in problems)
    assert any("nickname" in p for p in problems)


def test_tabular_package_validates_under_the_official_datapackage(
    export_dir: Path, shared_data: Path, tmp_path: Path
) -> None:
    """Our CSVs with the specification's own datapackage.json (fields, keys, enums)."""
    for csv_path in export_dir.glob("*.csv"):
        shutil.copy(csv_path, tmp_path / csv_path.name)
    shutil.copy(shared_data / "hsds/datapackage.json", tmp_path / "datapackage.json")
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])[:10]


def test_own_tabular_package_validates(export_dir: Path) -> None:
    report = validate(str(export_dir / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "message"])[:10]


def test_every_official_table_is_present_with_the_official_columns(
    export_dir: Path, shared_data: Path
) -> None:
    official = json.loads((shared_data / "hsds/datapackage.json").read_text(encoding="utf-8"))
    for resource in official["resources"]:
        name = resource["name"]
        assert TABLES[name][0] == resource["path"], name
        assert [f.name for f in fields_of(name)] == [
            f["name"] for f in resource["schema"]["fields"]
        ]
        with (export_dir / resource["path"]).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == [f["name"] for f in resource["schema"]["fields"]]


def rows(export_dir: Path, filename: str) -> list[dict[str, str]]:
    with (export_dir / filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_ids_are_uuid5_of_wsparcie_ids(
    export_dir: Path,
    organizations: list[dict[str, Any]],
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    pcpr = next(
        o
        for o in organizations
        if o["name"].endswith("w Skarżysku-Kamiennej") and o["name"].startswith("Powiatowe Centrum")
    )
    row = warehouse.execute(
        "SELECT institution_id FROM institutions WHERE name = ?", [pcpr["name"]]
    ).fetchone()
    assert row is not None
    assert pcpr["id"] == hsds_id("organization", str(row[0]))
    assert pcpr["description"].startswith("Powiatowe centrum pomocy rodzinie; sektor: pomoc")
    assert uuid.UUID(pcpr["id"]).version == 5
    identifiers = {i["identifier_type"]: i["identifier"] for i in pcpr["organization_identifiers"]}
    assert identifiers == {"NIP": "6631867639", "REGON": "290543106"}
    assert [p["number"] for p in pcpr["phones"]] == ["+48412510001"]
    address = pcpr["locations"][0]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["state_province"]) == (
        "ul. Konarskiego 20",
        "26-110",
        "świętokrzyskie",
    )
    services = {s["name"].split(" — ")[0] for s in pcpr["services"]}
    assert "Piecza zastępcza" in services
    area = pcpr["services"][0]["service_areas"][0]
    assert (area["extent"], area["extent_type"]) == ("2610", "TERYT powiat")
    assert pcpr["metadata"][0]["replacement_value"] == "https://pcpr.example.pl/dane"
    assert rows(export_dir, "organizations.csv")[0]["id"] in {o["id"] for o in organizations}


def test_gmina_level_services_cover_their_gmina(organizations: list[dict[str, Any]]) -> None:
    gops = next(o for o in organizations if "Bliżynie" in o["name"])
    extents = {a["extent"] for s in gops["services"] for a in s["service_areas"]}
    assert extents == {"2610022"}


def by_name(organizations: list[dict[str, Any]], start: str) -> dict[str, Any]:
    return next(o for o in organizations if o["name"].startswith(start))


def test_self_government_offices_carry_their_teryt_code(
    organizations: list[dict[str, Any]],
) -> None:
    def identifiers(org: dict[str, Any]) -> set[tuple[str, str, str]]:
        return {
            (i["identifier_scheme"], i["identifier_type"], i["identifier"])
            for i in org.get("organization_identifiers", [])
        }

    assert identifiers(by_name(organizations, "Starostwo")) == {("PL-TERYT", "TERYT", "2610")}
    assert identifiers(by_name(organizations, "Urząd Gminy Bliżyn")) == {
        ("PL-TERYT", "TERYT", "2610022")
    }
    pcpr = by_name(organizations, "Powiatowe Centrum Pomocy Rodzinie w Skarżysku")
    assert ("PL-NIP", "NIP", "6631867639") in identifiers(pcpr)
    assert not any(scheme == "PL-TERYT" for scheme, _t, _v in identifiers(pcpr))


@pytest.mark.parametrize(
    ("type_code", "gmina", "powiat", "expected"),
    [
        pytest.param("county_office", "2610011", "2610", "2610", id="county office: powiat"),
        pytest.param("municipal_office", "2610022", "2610", "2610022", id="rural gmina"),
        pytest.param("municipal_office", "2816034", "2816", "2816033", id="town part: gmina"),
        pytest.param("municipal_office", "2816035", "2816", "2816033", id="rural part: gmina"),
        pytest.param("municipal_office", "1465088", "1465", None, id="Warsaw district: none"),
        pytest.param("regional_office", "2610011", "2610", None, id="voivodeship office: none"),
        pytest.param("ops", "2610022", "2610", None, id="not an office"),
        pytest.param("municipal_office", None, "2610", None, id="no gmina known"),
    ],
)
def test_teryt_identifier(
    type_code: str, gmina: str | None, powiat: str | None, expected: str | None
) -> None:
    assert teryt_identifier(type_code, gmina, powiat) == expected


def test_whole_gmina() -> None:
    assert [whole_gmina(c) for c in ("2610011", "2816034", "2816035", "1465088")] == [
        "2610011",
        "2816033",
        "2816033",
        None,
    ]


def test_service_areas_by_reach(organizations: list[dict[str, Any]]) -> None:
    def areas(org: dict[str, Any]) -> set[tuple[str, str]]:
        return {
            (a["extent"], a["extent_type"]) for s in org["services"] for a in s["service_areas"]
        }

    assert areas(by_name(organizations, "Regionalny Ośrodek")) == {("26", "TERYT województwo")}
    assert areas(by_name(organizations, "Urząd Gminy Bliżyn")) == {("2610022", "TERYT gmina")}
    assert areas(by_name(organizations, "Komenda Powiatowa")) == {("2610", "TERYT powiat")}


def test_taxonomies_and_classification(
    warehouse: duckdb.DuckDBPyConnection, organizations: list[dict[str, Any]]
) -> None:
    tables = build_hsds_tables(warehouse)
    assert {t["name"] for t in tables["taxonomy"]} == {
        "wsparcie: usługi",
        "wsparcie: sektory i rodzaje instytucji",
        "wsparcie: grupy docelowe",
    }
    codes = [t["code"] for t in tables["taxonomy_term"]]
    assert len(codes) == len(set(codes)), "term codes are unique across taxonomies"
    terms = {t["id"]: t for t in tables["taxonomy_term"]}
    ppp_type = terms[term_id("type", "ppp")]
    assert ppp_type["code"] == "type:ppp"
    assert terms[ppp_type["parent_id"]]["code"] == "sector:education"
    assert terms[term_id("service", "counselling")]["code"] == "counselling"

    pcpr = by_name(organizations, "Powiatowe Centrum Pomocy Rodzinie w Skarżysku")
    linked = {(a["link_type"], terms[a["taxonomy_term_id"]]["code"]) for a in pcpr["attributes"]}
    assert ("sector", "sector:social_assistance") in linked
    assert ("institution_type", "type:pcpr") in linked
    assert ("target_group", "target_group:foster_families") in linked
    service_terms = {
        terms[a["taxonomy_term_id"]]["code"] for s in pcpr["services"] for a in s["attributes"]
    }
    assert "foster_care" in service_terms


def test_assured_and_modified_dates(organizations: list[dict[str, Any]]) -> None:
    services = [s for o in organizations for s in o.get("services", [])]
    assert {s["assured_date"] for s in services} == {SEEN.date().isoformat()}
    assert {s["last_modified"] for s in services} == {"2026-03-02T00:00:00.000+01:00"}


def test_a_coordinators_decision_and_a_changed_page_move_the_dates(tmp_path: Path) -> None:
    con = build_directory(tmp_path / "w.duckdb")
    try:
        gops = str(
            con.execute(
                "SELECT institution_id FROM institutions WHERE name LIKE '%Bliżynie'"
            ).fetchone()[0]  # type: ignore[index]
        )
        con.execute(
            "INSERT INTO review_decisions (decision_id, case_id, kind, institution_id, field,"
            " verdict, login, decided_at) VALUES ('d1', 'c1', 'field_conflict', ?, 'phone',"
            " 'value_current', 'koordynator', TIMESTAMPTZ '2026-03-10 09:15:00.250+00')",
            [gops],
        )
        con.execute(
            "UPDATE raw_records SET fetched_at = TIMESTAMPTZ '2026-03-05 08:00:00+00'"
            " WHERE name_raw LIKE 'Powiatowe Centrum Pomocy Rodzinie w Piszu'"
        )
        stage_tables(con)
        services = build_hsds_tables(con)["service"]
    finally:
        con.close()
    dates = {(s["name"].split(" — ")[1], s["assured_date"], s["last_modified"]) for s in services}
    assert (
        "Gminny Ośrodek Pomocy Społecznej w Bliżynie",
        "2026-03-10",
        "2026-03-10T00:00:00.000+01:00",
    ) in dates
    assert (
        "Powiatowe Centrum Pomocy Rodzinie w Piszu",
        "2026-03-02",
        "2026-03-05T00:00:00.000+01:00",
    ) in dates
    assert (
        "Komenda Powiatowa Policji w Skarżysku-Kamiennej",
        "2026-03-02",
        "2026-03-02T00:00:00.000+01:00",
    ) in dates
