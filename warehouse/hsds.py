"""The directory as Open Referral HSDS 3.0: the flat HSDS tables, built from the publication.

HSDS (Human Services Data Specification) is the international standard for service
directories. wsparcie maps onto it as follows:

- organization ← institution; organization_identifier ← NIP, REGON, KRS, RSPO, and TERYT for
  the offices of gminas and powiats;
- service ← each (institution, service code), named by the Polish label, described by where
  it comes from (the sentence that states it, or "usługa domyślna dla typu instytucji"), with
  the evidence page as url, eligibility, ages, fees, assured_date and last_modified;
  service_area ← the gmina for gmina-level institutions (OPS, CUS, gmina offices), the
  voivodeship for regional ones, else the powiat (TERYT codes); schedule ← the weekly hours
  the institution's pages state (warehouse/hsds_services.py builds these);
- location + address ← the institution's main address; service_at_location ← service × it;
- phone ← each institutional phone (E.164);
- taxonomy / taxonomy_term ← wsparcie's services, sectors with their institution types, and
  target groups (docs/taxonomy.md); attribute ← a service's service term, an organization's
  sector, type and target groups;
- metadata ← provenance: which source named the institution, and since when.

HSDS requires UUIDs: each is uuid5 of a fixed namespace and a path built from wsparcie's
stable ids ("organization/wsp_…", "service/wsp_…/counselling"), so ids survive from night to
night exactly as wsparcie's do. Input is the publication's staged tables (publish.py creates
pub_institutions, pub_services, pub_contacts, pub_provenance), so HSDS carries exactly the
whitelisted, person-free values the CSVs carry; the dates of services come from the statements
and the core tables (when the service was last confirmed, and the institution last changed).

The rows are nested into JSON documents by warehouse/hsds_documents.py, written as files by
warehouse/hsds_files.py and stored in the analysts' snapshot for the API by
warehouse/hsds_snapshot.py. docs/hsds_profile.md is the profile this module implements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from transforms.taxonomy import INSTITUTION_TYPES, SECTORS, SERVICES, TARGET_GROUPS
from warehouse.hsds_common import VOIVODESHIPS, clean, hsds_id, sentence, term_id, whole_gmina
from warehouse.hsds_documents import MemoryRows, organization_documents
from warehouse.hsds_services import add_schedules, add_service, service_dates

# What other modules and the tests take from here.
__all__ = [
    "HSDS_VERSION",
    "NOT_FOREIGN",
    "TABLES",
    "HsdsExport",
    "build_hsds",
    "build_hsds_tables",
    "fields_of",
    "hsds_id",
    "term_id",
    "teryt_identifier",
    "whole_gmina",
]

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
NOT_FOREIGN = {"link_id", "resource_id", "parent_organization_id", "parent_id"}

# Identifiers (docs/hsds_profile.md): org-id.guide lists PL-NIP, PL-REGON and PL-KRS; RSPO and
# TERYT are not (yet) there, and take the same form.
IDENTIFIER_SCHEMES = (
    ("nip", "PL-NIP", "NIP"),
    ("regon", "PL-REGON", "REGON"),
    ("krs", "PL-KRS", "KRS"),
    ("rspo", "PL-RSPO", "RSPO"),
)
TERYT_SCHEME = ("PL-TERYT", "TERYT")
# The offices of a local self-government unit, identified by its TERYT (TERC) code. The
# voivodeship's "regional_office" is left out: the type holds the self-government's urząd
# marszałkowski and the government's urząd wojewódzki alike.
TERYT_IDENTIFIED_TYPES = {"municipal_office": "gmina", "county_office": "powiat"}

# The taxonomies (docs/hsds_profile.md). Term codes are unique across the taxonomy_term table,
# as HSDS's tabular package requires: service codes as they are, the others with a prefix.
SERVICES_TAXONOMY = "wsparcie-services"
INSTITUTIONS_TAXONOMY = "wsparcie-institution-types"
TARGET_GROUPS_TAXONOMY = "wsparcie-target-groups"


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


@dataclass(frozen=True, slots=True)
class HsdsExport:
    tables: dict[str, list[dict[str, Any]]]  # table → rows (only non-empty values)
    organizations: list[dict[str, Any]]  # HSDS JSON, one nested document per organization


def _rows(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, Any]]:
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def build_hsds(con: duckdb.DuckDBPyConnection) -> HsdsExport:
    """HSDS rows and documents from the staged publication tables (see the module doc)."""
    tables = build_hsds_tables(con)
    organizations = organization_documents(MemoryRows(tables), tables["organization"])
    return HsdsExport(tables, organizations)


def build_hsds_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """The flat HSDS tables (table → rows in publication order, only non-empty values) from
    the staged publication tables: what the tabular export writes, what organizations.json
    and the API nest (warehouse/hsds_documents.py)."""
    institutions = _rows(con, "SELECT * FROM pub_institutions ORDER BY institution_id")
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    terms = _add_taxonomies(tables)
    groups: dict[str, list[str]] = {}
    for iid, group in con.execute(
        "SELECT institution_id, target_group FROM pub_target_groups ORDER BY ALL"
    ).fetchall():
        groups.setdefault(str(iid), []).append(str(group))
    emails = dict(
        con.execute(
            "SELECT institution_id, min(value) FROM pub_contacts WHERE kind = 'email' GROUP BY ALL"
        ).fetchall()
    )
    for inst in institutions:
        _add_organization(tables, inst, emails.get(inst["institution_id"]))
        _add_classification(tables, inst, groups.get(inst["institution_id"], []), terms)
    for iid, value in con.execute(
        "SELECT institution_id, value FROM pub_contacts WHERE kind = 'phone' ORDER BY ALL"
    ).fetchall():
        tables["phone"].append(
            {
                "id": hsds_id("phone", iid, value),
                "organization_id": hsds_id("organization", iid),
                "number": value,
            }
        )
    by_id = {inst["institution_id"]: inst for inst in institutions}
    dates = service_dates(con)
    locations = {row["organization_id"]: row["id"] for row in tables["location"]}
    services: dict[str, list[str]] = {}
    for row in _rows(con, "SELECT * FROM pub_services ORDER BY institution_id, service"):
        inst = by_id[row["institution_id"]]
        add_service(tables, inst, row, dates[inst["institution_id"]], terms, locations)
        services.setdefault(inst["institution_id"], []).append(row["service"])
    add_schedules(tables, con, locations, services)
    for row in _rows(con, "SELECT * FROM pub_provenance ORDER BY institution_id, source"):
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


def _add_taxonomies(tables: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The three taxonomies and their terms; returns the ids of the terms."""
    services_id = hsds_id("taxonomy", SERVICES_TAXONOMY)
    institutions_id = hsds_id("taxonomy", INSTITUTIONS_TAXONOMY)
    groups_id = hsds_id("taxonomy", TARGET_GROUPS_TAXONOMY)
    tables["taxonomy"] += [
        {
            "id": services_id,
            "name": "wsparcie: usługi",
            "description": "Kody usług katalogu wsparcie (docs/taxonomy.md) — wsparcie service codes.",
            "version": "1",
        },
        {
            "id": institutions_id,
            "name": "wsparcie: sektory i rodzaje instytucji",
            "description": "Sektory (terminy główne) i rodzaje instytucji w sektorach"
            " (docs/taxonomy.md) — sectors (top-level terms) and the institution types in them.",
            "version": "1",
        },
        {
            "id": groups_id,
            "name": "wsparcie: grupy docelowe",
            "description": "Grupy, z którymi pracuje instytucja (docs/taxonomy.md)"
            " — the groups an institution works with.",
            "version": "1",
        },
    ]
    terms: list[dict[str, Any]] = []
    for service in SERVICES:
        terms.append(_term("service", service.code, service.code, service, services_id))
    for sector in SECTORS:
        terms.append(_term("sector", f"sector:{sector.code}", sector.code, sector, institutions_id))
    for type_ in INSTITUTION_TYPES:
        term = _term("type", f"type:{type_.code}", type_.code, type_, institutions_id)
        term["parent_id"] = term_id("sector", type_.sector)
        terms.append(term)
    for group in TARGET_GROUPS:
        terms.append(
            _term("target_group", f"target_group:{group.code}", group.code, group, groups_id)
        )
    tables["taxonomy_term"] += [
        {k: term[k] for k in (f.name for f in fields_of("taxonomy_term")) if k in term}
        for term in terms
    ]
    return {term["id"] for term in terms}


def _term(kind: str, code: str, key: str, entry: Any, taxonomy_id: str) -> dict[str, Any]:
    return {
        "id": term_id(kind, key),
        "code": code,
        "name": entry.label_pl,
        "description": entry.label_en,
        "taxonomy": "wsparcie",
        "language": "pl",
        "taxonomy_id": taxonomy_id,
    }


def _add_organization(
    tables: dict[str, list[dict[str, Any]]], inst: dict[str, Any], email: str | None
) -> None:
    iid = inst["institution_id"]
    org_id = hsds_id("organization", iid)
    tables["organization"].append(
        clean(
            {
                "id": org_id,
                "name": inst["name"],
                "alternate_name": inst["alternate_names"] or inst["acronym"],
                "description": _describe(inst),
                "email": email,
                "website": inst["website"],
            }
        )
    )
    identifiers = [
        (column, scheme, kind, inst[column]) for column, scheme, kind in IDENTIFIER_SCHEMES
    ]
    teryt = teryt_identifier(inst["type"], inst["gmina_teryt"], inst["powiat_teryt"])
    identifiers.append(("teryt", *TERYT_SCHEME, teryt))
    for column, scheme, kind, value in identifiers:
        if value:
            tables["organization_identifier"].append(
                {
                    "id": hsds_id("organization_identifier", iid, column),
                    "organization_id": org_id,
                    "identifier_scheme": scheme,
                    "identifier_type": kind,
                    "identifier": value,
                }
            )
    city = inst["locality"] or inst["gmina"]
    if inst["street"] and inst["postal_code"] and city and inst["powiat_teryt"]:
        location_id = hsds_id("location", iid)
        tables["location"].append(
            clean(
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
            clean(
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


def _add_classification(
    tables: dict[str, list[dict[str, Any]]],
    inst: dict[str, Any],
    target_groups: list[str],
    terms: set[str],
) -> None:
    """The organization's sector, type and target groups as attributes (taxonomy terms)."""
    iid = inst["institution_id"]
    links = [("sector", inst["sector"], "sector"), ("type", inst["type"], "institution_type")]
    links += [("target_group", group, "target_group") for group in target_groups]
    for kind, code, link_type in links:
        if code and term_id(kind, code) in terms:
            tables["attribute"].append(
                {
                    "id": hsds_id("attribute", iid, kind, code),
                    "link_id": hsds_id("organization", iid),
                    "taxonomy_term_id": term_id(kind, code),
                    "link_type": link_type,
                    "link_entity": "organization",
                }
            )


def teryt_identifier(
    type_code: str, gmina_teryt: str | None, powiat_teryt: str | None
) -> str | None:
    """The TERYT (TERC) code of the self-government unit whose office an institution is."""
    unit = TERYT_IDENTIFIED_TYPES.get(type_code)
    if unit == "powiat":
        return powiat_teryt
    if unit == "gmina" and gmina_teryt:
        return whole_gmina(gmina_teryt)
    return None


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _describe(inst: dict[str, Any]) -> str:
    where = ", ".join(
        p
        for p in (
            f"gmina {inst['gmina']}" if inst["gmina"] else None,
            f"powiat {inst['powiat']}" if inst["powiat"] else None,
        )
        if p
    )
    return f"{sentence(inst['type_label'])}; sektor: {inst['sector_label']}" + (
        f"; {where}." if where else "."
    )
