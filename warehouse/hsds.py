"""The directory as Open Referral HSDS 3.0: the tabular data package and HSDS JSON.

HSDS (Human Services Data Specification) is the international standard for service
directories. wsparcie maps onto it as follows:

- organization ← institution; organization_identifier ← NIP, REGON, KRS, RSPO;
- service ← each (institution, service code), named by the Polish label; service_area ← the
  gmina for gmina-level institutions (OPS, CUS, gmina offices), else the powiat;
- location + address ← the institution's main address; service_at_location ← service × it;
- phone ← each institutional phone (E.164);
- taxonomy / taxonomy_term / attribute ← wsparcie's service codes (docs/taxonomy.md);
- metadata ← provenance: which source named the institution, and since when.

HSDS requires UUIDs: each is uuid5 of a fixed namespace and a path built from wsparcie's
stable ids ("organization/wsp_…", "service/wsp_…/counselling"), so ids survive from night to
night exactly as wsparcie's do. Input is the publication's staged tables (publish.py creates
pub_institutions, pub_services, pub_contacts, pub_provenance), so HSDS carries exactly the
whitelisted, person-free values the CSVs carry.
"""

from __future__ import annotations

import csv
import json
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from transforms.taxonomy import SERVICES
from warehouse.hsds_documents import MemoryRows, organization_documents

# Fixed forever: changing it changes every published HSDS id.
NAMESPACE = uuid.UUID("6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f")
HSDS_VERSION = "3.0"

# Official tabular resources, file names and field order (HSDS 3.0 datapackage.json).
# "!" marks a required field; ":type" a non-string Frictionless type.
TABLES: dict[str, tuple[str, str]] = {
    "organization": (
        "organizations.csv",
        "id! name! alternate_name description! email website tax_status tax_id "
        "year_incorporated:number legal_status logo uri parent_organization_id",
    ),
    "program": ("programs.csv", "id! organization_id! name! alternate_name description!"),
    "service": (
        "services.csv",
        "id! organization_id! program_id name! alternate_name description url email status! "
        "interpretation_services application_process fees_description wait_time fees "
        "accreditations eligibility_description minimum_age:number maximum_age:number "
        "assured_date:date assurer_email licenses alert last_modified:datetime",
    ),
    "attribute": (
        "attributes.csv",
        "id! link_id! taxonomy_term_id! link_type link_entity! value",
    ),
    "service_at_location": ("service_at_location.csv", "id! service_id! location_id! description"),
    "location": (
        "locations.csv",
        "id! location_type! url organization_id name alternate_name description transportation "
        "latitude:number longitude:number external_identifier external_identifier_type",
    ),
    "phone": (
        "phones.csv",
        "id! location_id service_id organization_id contact_id service_at_location_id number! "
        "extension:number type description",
    ),
    "contact": (
        "contacts.csv",
        "id! organization_id service_id service_at_location_id location_id name title "
        "department email",
    ),
    "address": (
        "addresses.csv",
        "id! location_id attention address_1! address_2 city! region state_province! "
        "postal_code! country! address_type!",
    ),
    "schedule": (
        "schedules.csv",
        "id! service_id location_id service_at_location_id valid_from:date valid_to:date "
        "dtstart:date timezone:number until:date count:number wkst freq interval:number byday "
        "byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link "
        "attending_type notes",
    ),
    "funding": ("funding.csv", "id! organization_id service_id source"),
    "service_area": (
        "service_areas.csv",
        "id! service_id name description extent extent_type uri",
    ),
    "required_document": ("required_documents.csv", "id! service_id document uri"),
    "language": ("languages.csv", "id! service_id location_id phone_id name code note"),
    "accessibility": ("accessibility.csv", "id! location_id description details url"),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        "id! code name! description! parent_id taxonomy language taxonomy_id term_uri",
    ),
    "metadata": (
        "metadata.csv",
        "id! resource_id! resource_type! last_action_date!:date last_action_type! field_name! "
        "previous_value! replacement_value! updated_by!",
    ),
    "meta_table_description": ("meta_table_descriptions.csv", "id! name language character_set"),
    "cost_option": (
        "cost_options.csv",
        "id! service_id! valid_from:date valid_to:date option currency amount:number "
        "amount_description",
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        "id! organization_id! identifier_scheme identifier_type! identifier!",
    ),
    "taxonomy": ("taxonomies.csv", "id! name! description! uri version"),
}
# Fields named <table>_id refer to that table, except these (HSDS declares no key for them).
_NOT_FOREIGN = {"link_id", "resource_id", "parent_organization_id", "parent_id"}

VOIVODESHIPS = {
    "02": "dolnośląskie",
    "04": "kujawsko-pomorskie",
    "06": "lubelskie",
    "08": "lubuskie",
    "10": "łódzkie",
    "12": "małopolskie",
    "14": "mazowieckie",
    "16": "opolskie",
    "18": "podkarpackie",
    "20": "podlaskie",
    "22": "pomorskie",
    "24": "śląskie",
    "26": "świętokrzyskie",
    "28": "warmińsko-mazurskie",
    "30": "wielkopolskie",
    "32": "zachodniopomorskie",
}
# Institutions that serve one gmina; every other type serves its powiat (or wider).
GMINA_LEVEL_TYPES = frozenset(
    {
        "ops",
        "cus",
        "municipal_office",
        "addiction_commission",
        "interdisciplinary_team",
        "municipal_guard",
        "day_care",
        "nursery",
        "preschool",
        "primary_school",
    }
)
IDENTIFIER_SCHEMES = (
    ("nip", "PL-NIP", "NIP"),
    ("regon", "PL-REGON", "REGON"),
    ("krs", "PL-KRS", "KRS"),
    ("rspo", "PL-RSPO", "RSPO"),
)


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str
    required: bool


def fields_of(table: str) -> tuple[Field, ...]:
    out = []
    for spec in TABLES[table][1].split():
        name, _, type_ = spec.partition(":")
        required = name.endswith("!")
        out.append(Field(name.rstrip("!"), type_ or "string", required))
    return tuple(out)


def hsds_id(*parts: str) -> str:
    """The UUID of an HSDS object, derived from wsparcie ids: hsds_id("organization", "wsp_…")."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


@dataclass(frozen=True, slots=True)
class HsdsExport:
    tables: dict[str, list[dict[str, Any]]]  # table → rows (only non-empty values)
    organizations: list[dict[str, Any]]  # HSDS JSON, one nested document per organization


def _rows(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, Any]]:
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v not in (None, "")}


def build_hsds(con: duckdb.DuckDBPyConnection) -> HsdsExport:
    """HSDS rows and documents from the staged publication tables (see the module doc)."""
    tables = build_hsds_tables(con)
    organizations = organization_documents(MemoryRows(tables), tables["organization"])
    return HsdsExport(tables, organizations)


def build_hsds_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """The flat HSDS tables (table → rows in publication order, only non-empty values) from
    the staged publication tables: what the tabular export writes, what organizations.json
    and the API nest (warehouse/hsds_documents.py)."""
    institutions = _rows(
        con,
        "SELECT * FROM pub_institutions ORDER BY institution_id",
    )
    services = _rows(con, "SELECT * FROM pub_services ORDER BY institution_id, service")
    phones = _rows(
        con,
        "SELECT institution_id, value FROM pub_contacts WHERE kind = 'phone'"
        " ORDER BY institution_id, value",
    )
    emails = _rows(
        con,
        "SELECT institution_id, min(value) AS value FROM pub_contacts WHERE kind = 'email'"
        " GROUP BY ALL ORDER BY institution_id",
    )
    provenance = _rows(con, "SELECT * FROM pub_provenance ORDER BY institution_id, source")

    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    taxonomy_id = hsds_id("taxonomy", "wsparcie-services")
    tables["taxonomy"].append(
        {
            "id": taxonomy_id,
            "name": "wsparcie: usługi",
            "description": "Kody usług katalogu wsparcie (docs/taxonomy.md) — wsparcie service codes.",
            "version": "1",
        }
    )
    term_ids = {}
    for service in SERVICES:
        term_ids[service.code] = hsds_id("taxonomy_term", service.code)
        tables["taxonomy_term"].append(
            {
                "id": term_ids[service.code],
                "code": service.code,
                "name": service.label_pl,
                "description": service.label_en,
                "taxonomy": "wsparcie",
                "language": "pl",
                "taxonomy_id": taxonomy_id,
            }
        )

    email_of = {r["institution_id"]: r["value"] for r in emails}
    location_of: dict[str, str] = {}
    for inst in institutions:
        iid = inst["institution_id"]
        org_id = hsds_id("organization", iid)
        tables["organization"].append(
            _clean(
                {
                    "id": org_id,
                    "name": inst["name"],
                    "alternate_name": inst["acronym"],
                    "description": _describe(inst),
                    "email": email_of.get(iid),
                    "website": inst["website"],
                }
            )
        )
        for column, scheme, kind in IDENTIFIER_SCHEMES:
            if inst[column]:
                tables["organization_identifier"].append(
                    {
                        "id": hsds_id("organization_identifier", iid, column),
                        "organization_id": org_id,
                        "identifier_scheme": scheme,
                        "identifier_type": kind,
                        "identifier": inst[column],
                    }
                )
        city = inst["locality"] or inst["gmina"]
        if inst["street"] and inst["postal_code"] and city and inst["powiat_teryt"]:
            location_id = hsds_id("location", iid)
            location_of[iid] = location_id
            tables["location"].append(
                _clean(
                    {
                        "id": location_id,
                        "location_type": "physical",
                        "organization_id": org_id,
                        "name": inst["name"],
                        "external_identifier": inst["locality_simc"],
                        "external_identifier_type": "TERYT SIMC" if inst["locality_simc"] else None,
                    }
                )
            )
            tables["address"].append(
                _clean(
                    {
                        "id": hsds_id("address", iid),
                        "location_id": location_id,
                        "address_1": inst["street"],
                        "city": city,
                        "region": f"powiat {inst['powiat']}" if inst["powiat"] else None,
                        "state_province": VOIVODESHIPS.get(inst["powiat_teryt"][:2], "nieznane"),
                        "postal_code": inst["postal_code"],
                        "country": "PL",
                        "address_type": "physical",
                    }
                )
            )
    by_id = {inst["institution_id"]: inst for inst in institutions}
    for row in phones:
        iid = row["institution_id"]
        tables["phone"].append(
            {
                "id": hsds_id("phone", iid, row["value"]),
                "organization_id": hsds_id("organization", iid),
                "number": row["value"],
            }
        )
    for row in services:
        iid, code = row["institution_id"], row["service"]
        inst = by_id[iid]
        service_id = hsds_id("service", iid, code)
        tables["service"].append(
            _clean(
                {
                    "id": service_id,
                    "organization_id": hsds_id("organization", iid),
                    "name": f"{_sentence(row['service_label'])} — {inst['name']}",
                    "description": f"{_sentence(row['service_label'])} ({code});"
                    f" {inst['type_label']}.",
                    "url": inst["website"],
                    "status": "active",
                }
            )
        )
        area = _service_area(inst, service_id, iid, code)
        if area:
            tables["service_area"].append(area)
        if code in term_ids:
            tables["attribute"].append(
                {
                    "id": hsds_id("attribute", iid, code),
                    "link_id": service_id,
                    "taxonomy_term_id": term_ids[code],
                    "link_type": "service_type",
                    "link_entity": "service",
                }
            )
        if iid in location_of:
            tables["service_at_location"].append(
                {
                    "id": hsds_id("service_at_location", iid, code),
                    "service_id": service_id,
                    "location_id": location_of[iid],
                }
            )
    for row in provenance:
        iid = row["institution_id"]
        tables["metadata"].append(
            {
                "id": hsds_id("metadata", iid, row["source"]),
                "resource_id": hsds_id("organization", iid),
                "resource_type": "organization",
                "last_action_date": _iso(row["first_seen"]),
                # HSDS metadata logs changes; a source naming the institution is logged
                # as its creation, the source's page (or title) as the new value.
                "last_action_type": "create",
                "field_name": "organization",
                "previous_value": "none",
                "replacement_value": row["url"] or row["title"],
                "updated_by": f"wsparcie ({row['source']})",
            }
        )
    return tables


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _sentence(text: str) -> str:
    """Upper-case the first letter only ("ośrodek (MOPS)" → "Ośrodek (MOPS)")."""
    return text[:1].upper() + text[1:]


def _describe(inst: dict[str, Any]) -> str:
    where = ", ".join(
        p
        for p in (
            f"gmina {inst['gmina']}" if inst["gmina"] else None,
            f"powiat {inst['powiat']}" if inst["powiat"] else None,
        )
        if p
    )
    return f"{_sentence(inst['type_label'])}; sektor: {inst['sector_label']}" + (
        f"; {where}." if where else "."
    )


def _service_area(
    inst: dict[str, Any], service_id: str, iid: str, code: str
) -> dict[str, Any] | None:
    if inst["type"] in GMINA_LEVEL_TYPES and inst["gmina_teryt"]:
        name, unit, teryt = inst["gmina"], "gmina", inst["gmina_teryt"]
    elif inst["powiat_teryt"]:
        name, unit, teryt = inst["powiat"], "powiat", inst["powiat_teryt"]
    else:
        return None
    return _clean(
        {
            "id": hsds_id("service_area", iid, code),
            "service_id": service_id,
            "name": f"{unit} {name}" if name else unit,
            "description": f"{_sentence(unit)} o kodzie TERYT {teryt}",
            "extent": teryt,
            "extent_type": f"TERYT {unit}",
        }
    )


def write_hsds(export: HsdsExport, folder: Path) -> list[str]:
    """Write the tabular package (21 CSVs + datapackage.json) and organizations.json to
    `folder`; returns the written paths relative to it."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, (filename, _spec) in TABLES.items():
        names = [f.name for f in fields_of(table)]
        with (folder / filename).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(names)
            for row in export.tables[table]:
                writer.writerow([_cell(row.get(n)) for n in names])
        written.append(filename)
    (folder / "datapackage.json").write_text(
        json.dumps(hsds_datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    # One organization per line: json.dumps with an indent runs the pure-Python encoder, which
    # took seconds for a national export; per item, without one, it is the C encoder.
    items = (json.dumps(o, ensure_ascii=False, default=str) for o in export.organizations)
    with (folder / "organizations.json").open("w", encoding="utf-8") as handle:
        handle.write("[\n" + ",\n".join(items) + "\n]\n" if export.organizations else "[]\n")
    return [*written, "datapackage.json", "organizations.json"]


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def hsds_datapackage() -> dict[str, Any]:
    """The HSDS tabular profile for our files: every resource, field types, keys."""
    resources = []
    for table, (filename, _spec) in TABLES.items():
        fields = []
        foreign = []
        for f in fields_of(table):
            field: dict[str, Any] = {"name": f.name, "type": f.type}
            if f.name == "id" or f.name.endswith("_id"):
                field["format"] = "uuid"
            if f.required:
                field["constraints"] = {"required": True}
            fields.append(field)
            target = f.name.removesuffix("_id")
            if f.name.endswith("_id") and f.name not in _NOT_FOREIGN and target in TABLES:
                foreign.append(
                    {"fields": f.name, "reference": {"resource": target, "fields": "id"}}
                )
        schema: dict[str, Any] = {"fields": fields, "primaryKey": "id"}
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": table,
                "path": filename,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": schema,
            }
        )
    return {
        "name": "wsparcie-hsds",
        "title": "wsparcie — katalog instytucji wsparcia w formacie HSDS 3.0",
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "homepage": "https://docs.openreferral.org",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "resources": resources,
    }


def _strict(schema: Any) -> Any:
    """A copy of an HSDS JSON schema with additional properties disallowed everywhere, as the
    specification's own validation does."""
    if isinstance(schema, dict):
        out = {k: _strict(v) for k, v in schema.items()}
        if out.get("type") == "object" and "properties" in out:
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


def validate_hsds_json(organizations: list[dict[str, Any]], compiled_dir: Path) -> list[str]:
    """Problems of the HSDS JSON against the official compiled `organization.json` schema in
    `compiled_dir` (the specification's schema/compiled folder); empty when valid."""
    import jsonschema

    path = compiled_dir / "organization.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no compiled HSDS organization schema there")
    schema = _strict(json.loads(path.read_text(encoding="utf-8")))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    problems = []
    for document in organizations:
        for error in validator.iter_errors(json.loads(json.dumps(document, default=str))):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"organization {document.get('name')!r} at /{where}: {error.message}")
    return problems


def check_hsds_references(export: HsdsExport) -> list[str]:
    """Cheap structural checks that hold without the official schemas: unique UUID ids and
    references that resolve."""
    problems = []
    ids: dict[str, set[str]] = {}
    for table, rows in export.tables.items():
        seen = ids.setdefault(table, set())
        for row in rows:
            try:
                uuid.UUID(row["id"])
            except (KeyError, ValueError):
                problems.append(f"{table}: id {row.get('id')!r} is not a UUID")
            if row.get("id") in seen:
                problems.append(f"{table}: duplicate id {row.get('id')}")
            seen.add(row.get("id", ""))
    for table, rows in export.tables.items():
        for f in fields_of(table):
            target = f.name.removesuffix("_id")
            if not f.name.endswith("_id") or f.name in _NOT_FOREIGN or target not in TABLES:
                continue
            for row in rows:
                value = row.get(f.name)
                if value and value not in ids[target]:
                    problems.append(f"{table}.{f.name}: {value} has no {target}")
    return problems
