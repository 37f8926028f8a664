"""The HSDS 3.0 export against the official Open Referral schemas in ../shared/data/hsds:
the JSON against the compiled schemas (additional properties disallowed, as the
specification validates), the tabular package with Frictionless under the official
datapackage.json, and ids derived from wsparcie's stable ids."""

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
from directory_factory import build_directory  # tests/ helper module
from frictionless import validate

from warehouse.hsds import (
    TABLES,
    build_hsds,
    fields_of,
    hsds_id,
    validate_hsds_json,
    write_hsds,
)
from warehouse.publish import stage_tables


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = build_directory(tmp_path_factory.mktemp("wh") / "w.duckdb")
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
    assert len(organizations) == 8
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
