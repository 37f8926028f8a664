"""The HSDS API on 127.0.0.1 (a real uvicorn server) over the demo's published snapshot: every
response of every endpoint — pages 1, last and beyond, every filter, the {id} form of every
object, format=ndjson — against the official openapi.json and the schemas it references
(../shared/data/hsds/schema), additional properties disallowed; the filters against what the
published files say; errors as JSON.

The demo is published once for the module by the real nightly flow (Prefect, the demo corpus
served on 127.0.0.1), as `wsparcie demo` does it.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from api_server import HsdsValidator, serve  # tests/ helper module

from flows.demo import DEMO_DIR, SAMPLE_NOTICE, serve_directory
from flows.nightly import RunSettings, nightly
from warehouse.db import open_warehouse
from warehouse.gazetteer import load_gazetteer
from warehouse.hsds import term_id
from warehouse.hsds_snapshot import fold
from warehouse.publish import PUBLICATION_DIR, SNAPSHOT_NAME

PAGE_FIELDS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}
# The official openapi.json (HSDS 3.0, commit 279fd2e) declares /service_at_locations/{id} to
# return a compiled *service*; the specification fixed that to service_at_location in
# openreferral/specification#574. The endpoint returns what the fix says.
ITEM_SCHEMA_FIXES = {"/service_at_locations/{id}": "compiled/service_at_location.json"}
# The same document swaps the operationIds of /taxonomy_terms and /taxonomy_terms/{id}; ours
# say what each operation does.
OPERATION_ID_FIXES = {
    "/taxonomy_terms": "getPaginatedListOfTaxonomyTerms",
    "/taxonomy_terms/{id}": "getTaxonomyTermById",
}


@dataclass(frozen=True, slots=True)
class Demo:
    base: str  # the API's URL
    dane: Path  # the published folder


@pytest.fixture(scope="module")
def demo(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    out = tmp_path_factory.mktemp("demo")
    db = out / "directory.duckdb"
    gazetteer = DEMO_DIR / "gazetteer"
    with open_warehouse(db) as con:
        load_gazetteer(
            con,
            terc=gazetteer / "terc.csv",
            simc=gazetteer / "simc.csv",
            pna=gazetteer / "pna.csv",
        )
    with serve_directory(DEMO_DIR / "corpus") as corpus_url:
        summary = nightly(
            RunSettings(
                catalogue=DEMO_DIR / "sources",
                db=db,
                out=out,
                delay_seconds=0.0,
                placeholders=(("demo", corpus_url),),
                notice=SAMPLE_NOTICE,
            )
        )
    assert summary.status == "completed", summary
    with serve(out / SNAPSHOT_NAME) as base:
        yield Demo(base, out / PUBLICATION_DIR)


@pytest.fixture(scope="module")
def hsds(shared_data: Path) -> HsdsValidator:
    return HsdsValidator(shared_data / "hsds" / "schema")


def get(demo: Demo, path: str, **params: Any) -> requests.Response:
    return requests.get(f"{demo.base}{path}", params=params, timeout=30)


def csv_rows(demo: Demo, name: str) -> list[dict[str, str]]:
    with (demo.dane / "hsds" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def valid_page(hsds: HsdsValidator, path: str, response: requests.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == PAGE_FIELDS
    assert hsds.errors(hsds.response_ref(path), body) == []
    return dict(body)


def valid_item(hsds: HsdsValidator, path: str, response: requests.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    if path in ITEM_SCHEMA_FIXES:
        ref = hsds.item_ref(ITEM_SCHEMA_FIXES[path])
    else:
        ref = hsds.response_ref(path)
    assert hsds.errors(ref, body) == [], body.get("id")
    return dict(body)


def valid_full_page(
    hsds: HsdsValidator, response: requests.Response, schema_file: str
) -> dict[str, Any]:
    """A page of fully nested items (full=true): the official listing schema holds one-to-one
    fields only, so the page's fields are checked and each item against the compiled schema
    of the fully nested object."""
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == PAGE_FIELDS
    for item in body["contents"]:
        assert hsds.errors(hsds.item_ref(schema_file), item) == [], item["id"]
    return dict(body)


def all_pages(
    demo: Demo, hsds: HsdsValidator, path: str, per_page: int, **params: Any
) -> list[dict[str, Any]]:
    """Pages 1 to last, and the one beyond, each validated; returns every item in order."""
    first = valid_page(hsds, path, get(demo, path, per_page=per_page, **params))
    total, pages = first["total_items"], first["total_pages"]
    assert pages == math.ceil(total / per_page)
    items = list(first["contents"])
    for number in range(2, pages + 2):
        body = valid_page(hsds, path, get(demo, path, page=number, per_page=per_page, **params))
        assert body["page_number"] == number
        assert body["first_page"] is False
        assert body["last_page"] is (number >= pages)
        if number > pages:
            assert body["contents"] == [] and body["empty"] is True and body["size"] == 0
        else:
            assert body["size"] == len(body["contents"]) > 0
        items += body["contents"]
    assert len(items) == total
    return items


def ndjson(demo: Demo, path: str, **params: Any) -> list[dict[str, Any]]:
    response = get(demo, path, format="ndjson", **params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in response.text.splitlines()]


# --- meta and the API's own OpenAPI document ---------------------------------------------------


def test_meta_names_the_version_profile_and_openapi_document(
    demo: Demo, hsds: HsdsValidator
) -> None:
    body = valid_item(hsds, "/", get(demo, "/"))
    assert body["version"] == "3.0"
    openapi = requests.get(body["openapi_url"], timeout=10)
    assert openapi.status_code == 200 and openapi.json()["openapi"].startswith("3.1")
    profile = requests.get(body["profile"], timeout=10)
    assert profile.status_code == 200
    assert "PL-TERYT" in profile.text


def test_own_openapi_document_has_every_official_parameter_and_our_filters(
    demo: Demo, hsds: HsdsValidator
) -> None:
    ours = get(demo, "/openapi.json").json()
    for path, operations in hsds.openapi["paths"].items():
        official = {
            p.get("name") or p["$ref"].rsplit("/", 1)[-1]
            for p in operations["get"].get("parameters", []) + operations.get("parameters", [])
        }
        mine = {
            p["name"]
            for p in ours["paths"][path]["get"].get("parameters", [])
            + ours["paths"][path].get("parameters", [])
        }
        assert official <= mine, (path, official - mine)
        assert ours["paths"][path]["get"]["operationId"] == OPERATION_ID_FIXES.get(
            path, operations["get"]["operationId"]
        )
    for path in ("/services", "/service_at_locations", "/organizations"):
        parameters = {p["name"]: p for p in ours["paths"][path]["get"]["parameters"]}
        for name in ("powiat", "gmina", "sector", "target_group"):
            assert "TERYT" in parameters[name]["description"] or name in ("sector", "target_group")
            assert parameters[name]["description"]
    services_200 = ours["paths"]["/services"]["get"]["responses"]["200"]["content"]
    items = services_200["application/json"]["schema"]["properties"]["contents"]["items"]
    assert items["$ref"].endswith("/schema/compiled/service_list.json")
    assert "400" in ours["paths"]["/services/{id}"]["get"]["responses"]
    assert "404" in ours["paths"]["/services/{id}"]["get"]["responses"]


# --- every endpoint, every page ------------------------------------------------------------------


def test_services_every_page_and_every_service_by_id(demo: Demo, hsds: HsdsValidator) -> None:
    items = all_pages(demo, hsds, "/services", per_page=40)
    published = csv_rows(demo, "services.csv")
    assert [s["id"] for s in items] == [s["id"] for s in published]
    assert all(s["organization"]["id"] == s["organization_id"] for s in items)
    for service in items:
        full = valid_item(hsds, "/services/{id}", get(demo, f"/services/{service['id']}"))
        assert full["organization"]["id"] == service["organization_id"]
        assert full["assured_date"] == service["assured_date"]
    assert ndjson(demo, "/services") == items


def test_a_stated_service_is_served_with_its_evidence_ages_and_hours(
    demo: Demo, hsds: HsdsValidator
) -> None:
    published = csv_rows(demo, "services.csv")
    stated = [s for s in published if s["minimum_age"] and "podana w źródle: „" in s["description"]]
    assert stated, "the demo's offer pages state ages"
    hours: list[dict[str, Any]] = []
    for row in stated:
        served = valid_item(hsds, "/services/{id}", get(demo, f"/services/{row['id']}"))
        assert served["description"] == row["description"]
        assert served["minimum_age"] == int(row["minimum_age"]), "a JSON number"
        # the hours from the same validated response (it was fetched a second time before)
        for sal in served.get("service_at_locations", []):
            hours += sal["location"].get("schedules", [])
    assert hours and all(h["freq"] == "WEEKLY" and h["opens_at"] < h["closes_at"] for h in hours)
    default = next(
        s for s in published if "usługa domyślna dla typu instytucji" in s["description"]
    )
    served = valid_item(hsds, "/services/{id}", get(demo, f"/services/{default['id']}"))
    assert "minimum_age" not in served and "fees" not in served


def test_services_full_and_minimal(demo: Demo, hsds: HsdsValidator) -> None:
    full = valid_full_page(
        hsds, get(demo, "/services", full="true", per_page=100), "compiled/service.json"
    )
    for service in full["contents"]:
        assert service["service_areas"] and service["attributes"] and service["organization"]
    minimal = valid_page(hsds, "/services", get(demo, "/services", minimal="true", per_page=5))
    assert all(set(s) <= {"id", "name", "status", "last_modified"} for s in minimal["contents"])


def test_service_at_locations_every_page_and_by_id(demo: Demo, hsds: HsdsValidator) -> None:
    items = all_pages(demo, hsds, "/service_at_locations", per_page=60)
    assert [s["id"] for s in items] == [s["id"] for s in csv_rows(demo, "service_at_location.csv")]
    for sal in items:
        full = valid_item(
            hsds, "/service_at_locations/{id}", get(demo, f"/service_at_locations/{sal['id']}")
        )
        assert full["location"]["addresses"] and full["service"]["id"] == sal["service_id"]
    full = valid_full_page(
        hsds,
        get(demo, "/service_at_locations", full="true", per_page=100),
        "compiled/service_at_location.json",
    )
    assert full["size"] == 100
    assert ndjson(demo, "/service_at_locations") == items


def test_organizations_every_page_and_by_id(demo: Demo, hsds: HsdsValidator) -> None:
    items = all_pages(demo, hsds, "/organizations", per_page=25)
    published = json.loads((demo.dane / "hsds" / "organizations.json").read_text("utf-8"))
    assert [o["id"] for o in items] == [o["id"] for o in published]
    for organization, document in zip(items, published, strict=True):
        simple = valid_item(
            hsds, "/organizations/{id}", get(demo, f"/organizations/{organization['id']}")
        )
        full = valid_item(
            hsds,
            "/organizations/{id}",
            get(demo, f"/organizations/{organization['id']}", full_service="true"),
        )
        # One builder: the API's fully nested organization is the published document.
        assert full == document
        assert [s["id"] for s in simple.get("services", [])] == [
            s["id"] for s in document.get("services", [])
        ]
        assert all("service_areas" not in s for s in simple.get("services", []))
    full = valid_full_page(
        hsds,
        get(demo, "/organizations", full="true", full_service="true", per_page=100),
        "compiled/organization.json",
    )
    assert full["contents"] == published
    assert ndjson(demo, "/organizations") == items


def test_taxonomies_and_terms_every_page_and_by_id(demo: Demo, hsds: HsdsValidator) -> None:
    taxonomies = all_pages(demo, hsds, "/taxonomies", per_page=2)
    assert len(taxonomies) == 3
    for taxonomy in taxonomies:
        valid_item(hsds, "/taxonomies/{id}", get(demo, f"/taxonomies/{taxonomy['id']}"))
    terms = all_pages(demo, hsds, "/taxonomy_terms", per_page=50)
    assert [t["id"] for t in terms] == [t["id"] for t in csv_rows(demo, "taxonomy_terms.csv")]
    for term in terms:
        valid_item(hsds, "/taxonomy_terms/{id}", get(demo, f"/taxonomy_terms/{term['id']}"))
    for taxonomy in taxonomies:
        mine = all_pages(demo, hsds, "/taxonomy_terms", per_page=50, taxonomy_id=taxonomy["id"])
        assert mine == [t for t in terms if t["taxonomy_id"] == taxonomy["id"]]
    top = all_pages(demo, hsds, "/taxonomy_terms", per_page=50, top_only="true")
    assert top == [t for t in terms if "parent_id" not in t]
    education = term_id("sector", "education")
    children = all_pages(demo, hsds, "/taxonomy_terms", per_page=50, parent_id=education)
    assert {t["code"] for t in children} >= {"type:ppp", "type:primary_school"}
    found = all_pages(demo, hsds, "/taxonomy_terms", per_page=50, search="poradnia")
    assert "type:ppp" in {t["code"] for t in found}


# --- filters: valid, and what the published files say -----------------------------------------


@pytest.fixture(scope="module")
def published(demo: Demo) -> dict[str, list[dict[str, str]]]:
    return {
        name: csv_rows(demo, f"{name}.csv")
        for name in ("services", "service_areas", "attributes", "service_at_location")
    }


def service_ids(demo: Demo, hsds: HsdsValidator, **params: Any) -> list[str]:
    """Every page of /services and of /service_at_locations under `params`, all valid; the
    ids of the services (in the order of the published file)."""
    services = all_pages(demo, hsds, "/services", per_page=20, **params)
    sals = all_pages(demo, hsds, "/service_at_locations", per_page=20, **params)
    assert {s["service_id"] for s in sals} <= {s["id"] for s in services}
    assert ndjson(demo, "/services", **params) == services
    return [s["id"] for s in services]


def in_order(published: dict[str, list[dict[str, str]]], ids: set[str]) -> list[str]:
    return [s["id"] for s in published["services"] if s["id"] in ids]


def areas(published: dict[str, list[dict[str, str]]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for area in published["service_areas"]:
        out.setdefault(area["service_id"], set()).add(area["extent"])
    return out


def test_filter_powiat_and_gmina(
    demo: Demo, hsds: HsdsValidator, published: dict[str, list[dict[str, str]]]
) -> None:
    extents = areas(published)
    in_powiat = {s for s, e in extents.items() if any(x[:4] == "2610" or x == "26" for x in e)}
    assert service_ids(demo, hsds, powiat="2610") == in_order(published, in_powiat)
    gmina = "2610022"  # Bliżyn: its own GOPS, and what serves the whole powiat
    in_gmina = {
        s
        for s, e in extents.items()
        if any((len(x) == 7 and x[:6] == gmina[:6]) or x in ("2610", "26") for x in e)
    }
    found = service_ids(demo, hsds, gmina=gmina)
    assert found == in_order(published, in_gmina)
    assert 0 < len(found) < len(service_ids(demo, hsds, powiat="2610"))


def test_organizations_are_in_an_area_through_their_services(
    demo: Demo, hsds: HsdsValidator, published: dict[str, list[dict[str, str]]]
) -> None:
    services = set(service_ids(demo, hsds, powiat="2816"))
    expected = {s["organization_id"] for s in published["services"] if s["id"] in services}
    found = all_pages(demo, hsds, "/organizations", per_page=20, powiat="2816")
    assert expected and {o["id"] for o in found} == expected


def test_filter_postcode(
    demo: Demo, hsds: HsdsValidator, published: dict[str, list[dict[str, str]]]
) -> None:
    found = service_ids(demo, hsds, postcode="26-120")  # Bliżyn's code
    assert found and set(found) <= set(service_ids(demo, hsds, powiat="2610"))
    assert service_ids(demo, hsds, postcode="00-001") == []  # not in the demo's gazetteer


def test_filter_sector_and_target_group(
    demo: Demo, hsds: HsdsValidator, published: dict[str, list[dict[str, str]]]
) -> None:
    def organizations_with(kind: str, code: str) -> set[str]:
        term = term_id(kind, code)
        return {a["link_id"] for a in published["attributes"] if a["taxonomy_term_id"] == term}

    for kind, parameter, code in (
        ("sector", "sector", "education"),
        ("target_group", "target_group", "families"),
    ):
        organizations = organizations_with(kind, code)
        expected = {s["id"] for s in published["services"] if s["organization_id"] in organizations}
        assert expected
        assert service_ids(demo, hsds, **{parameter: code}) == in_order(published, expected)
        orgs = all_pages(demo, hsds, "/organizations", per_page=20, **{parameter: code})
        assert {o["id"] for o in orgs} == organizations


def test_filter_taxonomy_term_and_taxonomy(
    demo: Demo, hsds: HsdsValidator, published: dict[str, list[dict[str, str]]]
) -> None:
    counselling = term_id("service", "counselling")
    expected = {
        a["link_id"] for a in published["attributes"] if a["taxonomy_term_id"] == counselling
    }
    assert service_ids(demo, hsds, taxonomy_term_id=counselling) == in_order(published, expected)
    services_taxonomy = get(demo, "/taxonomies", search="usługi").json()["contents"][0]["id"]
    with_any = service_ids(demo, hsds, taxonomy_id=services_taxonomy)
    assert set(with_any) == {
        a["link_id"] for a in published["attributes"] if a["link_entity"] == "service"
    }
    # a sector term matches the services of the organizations in that sector
    health = term_id("sector", "health")
    assert service_ids(demo, hsds, taxonomy_term_id=health) == service_ids(
        demo, hsds, sector="health"
    )


def test_filter_organization_search_and_modified_after(
    demo: Demo, hsds: HsdsValidator, published: dict[str, list[dict[str, str]]]
) -> None:
    organization = published["services"][0]["organization_id"]
    expected = {s["id"] for s in published["services"] if s["organization_id"] == organization}
    assert service_ids(demo, hsds, organization_id=organization) == in_order(published, expected)

    # every word, any case, accents aside: "osrodek POMOCY" finds "Ośrodek Pomocy" (the
    # words anywhere in the name or description: a quoted sentence may part them)
    found = service_ids(demo, hsds, search="osrodek POMOCY")
    expected = {
        s["id"]
        for s in published["services"]
        if all(w in fold(s["name"] + " " + s["description"]) for w in ("osrodek", "pomocy"))
    }
    assert found == in_order(published, expected) and found
    assert service_ids(demo, hsds, search="Skarżysku osrodek") == service_ids(
        demo, hsds, search="skarzysku OŚRODEK"
    )
    organizations = all_pages(demo, hsds, "/organizations", per_page=20, search="poradnia")
    assert organizations and all("poradnia" in o["name"].lower() for o in organizations)

    latest = max(s["last_modified"] for s in published["services"])
    assert service_ids(demo, hsds, modified_after=latest) == in_order(
        published, {s["id"] for s in published["services"] if s["last_modified"] == latest}
    )
    assert service_ids(demo, hsds, modified_after="2999-01-01") == []
    assert len(service_ids(demo, hsds, modified_after="2000-01-01T00:00:00+02:00")) == len(
        published["services"]
    )


def test_filters_combine(demo: Demo, hsds: HsdsValidator) -> None:
    both = set(service_ids(demo, hsds, powiat="2610", sector="social_assistance"))
    assert both == set(service_ids(demo, hsds, powiat="2610")) & set(
        service_ids(demo, hsds, sector="social_assistance")
    )
    assert both


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "parameter"),
    [
        ("/services/not-a-uuid", 400, "id"),
        ("/services/6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f", 404, None),
        ("/service_at_locations/123", 400, "id"),
        ("/service_at_locations/6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f", 404, None),
        ("/organizations/x'; DROP TABLE hsds.service; --", 400, "id"),
        ("/organizations/6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f", 404, None),
        ("/taxonomies/zzz", 400, "id"),
        ("/taxonomy_terms/6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f", 404, None),
        ("/services?page=0", 400, "page"),
        ("/services?page=abc", 400, "page"),
        ("/services?page=-3", 400, "page"),
        ("/services?per_page=501", 400, "per_page"),
        ("/services?per_page=0", 400, "per_page"),
        ("/organizations?page=1.5", 400, "page"),
        ("/services?full=maybe", 400, "full"),
        ("/services?format=xml", 400, "format"),
        ("/services?organization_id=wsp_123", 400, "organization_id"),
        ("/services?taxonomy_term_id=counselling", 400, "taxonomy_term_id"),
        ("/services?modified_after=yesterday", 400, "modified_after"),
        ("/services?powiat=26", 400, "powiat"),
        ("/services?gmina=2610", 400, "gmina"),
        ("/services?postcode=26110", 400, "postcode"),
        ("/services?proximity=1000", 400, "proximity"),
        ("/services?sector=schools", 400, "sector"),
        ("/organizations?target_group=kids", 400, "target_group"),
        ("/taxonomy_terms?parent_id=1", 400, "parent_id"),
        ("/no/such/path", 404, None),
    ],
)
def test_errors_are_json_never_a_traceback(
    demo: Demo, path: str, status: int, parameter: str | None
) -> None:
    response = requests.get(f"{demo.base}{path}", timeout=10)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status and body["message"] and body["error"]
    assert body.get("parameter") == parameter
    assert "Traceback" not in response.text and "duckdb" not in response.text.lower()


def test_cors_is_open_and_no_key_is_asked(demo: Demo) -> None:
    response = requests.get(
        f"{demo.base}/services", headers={"Origin": "https://gmina.example.pl"}, timeout=10
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = requests.options(
        f"{demo.base}/services",
        headers={
            "Origin": "https://gmina.example.pl",
            "Access-Control-Request-Method": "GET",
        },
        timeout=10,
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
