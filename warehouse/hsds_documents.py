"""HSDS 3.0 JSON documents, nested from the flat HSDS tables: the one place that decides what
an organization, a service or a service_at_location document holds.

The publication's `hsds/organizations.json` and every response of the API (api/) are made
here, from rows of the same flat tables (warehouse/hsds.py builds them): the file export reads
them from memory (`MemoryRows`), the API from the analysts' snapshot with SQL (api/queries.py).
Both give a `Rows`: the rows of one table whose column holds one of some values, in
publication order, without empty values. Documents are built for a batch of parents at once,
one lookup per child table, so a page of fifty services costs a handful of queries.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Literal, Protocol

Row = dict[str, Any]


class Rows(Protocol):
    def by(self, table: str, column: str, values: Collection[str]) -> list[Row]:
        """Rows of `table` whose `column` is one of `values`, in publication order."""
        ...


class MemoryRows:
    """`Rows` over tables held in memory (table → rows in publication order)."""

    def __init__(self, tables: Mapping[str, Sequence[Row]]) -> None:
        self._tables = tables

    def by(self, table: str, column: str, values: Collection[str]) -> list[Row]:
        wanted = set(values)
        if not wanted:
            return []
        return [row for row in self._tables[table] if row.get(column) in wanted]


def group(rows: Iterable[Row], key: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for row in rows:
        out.setdefault(row[key], []).append(row)
    return out


def _ids(rows: Iterable[Row], key: str = "id") -> list[str]:
    return list(dict.fromkeys(str(r[key]) for r in rows if r.get(key)))


def locations_with_addresses(rows: Rows, location_ids: Collection[str]) -> dict[str, Row]:
    """Location documents by id: the location, its addresses and schedules."""
    locations = rows.by("location", "id", location_ids)
    addresses = group(rows.by("address", "location_id", _ids(locations)), "location_id")
    schedules = group(rows.by("schedule", "location_id", _ids(locations)), "location_id")
    out = {}
    for location in locations:
        document = dict(location)
        if location["id"] in addresses:
            document["addresses"] = addresses[location["id"]]
        if location["id"] in schedules:
            document["schedules"] = schedules[location["id"]]
        out[location["id"]] = document
    return out


def service_documents(
    rows: Rows,
    services: Sequence[Row],
    *,
    organization: bool = False,
    service_at_locations: bool = True,
) -> list[Row]:
    """Services with their service areas, schedules, service_at_locations (each with its location) and
    attributes (taxonomy terms); with `organization`, each also nests its organization (without services), as
    the API's fully nested service has it. Inside a service_at_location the service leaves
    out its service_at_locations (HSDS's compiled schema has no place for them there)."""
    ids = _ids(services)
    areas = group(rows.by("service_area", "service_id", ids), "service_id")
    schedules = group(rows.by("schedule", "service_id", ids), "service_id")
    sals = (
        group(rows.by("service_at_location", "service_id", ids), "service_id")
        if service_at_locations
        else {}
    )
    locations = locations_with_addresses(
        rows, _ids((s for group_ in sals.values() for s in group_), "location_id")
    )
    # Each attribute names its term by id: the terms are few, in taxonomy_terms.csv and at
    # /taxonomy_terms; nesting each in every attribute made organizations.json half again as
    # large (64 -> 101 MB nationally).
    attributes = group(rows.by("attribute", "link_id", ids), "link_id")
    organizations: dict[str, Row] = {}
    if organization:
        parents = rows.by("organization", "id", _ids(services, "organization_id"))
        organizations = {o["id"]: o for o in organization_documents(rows, parents, services="none")}
    documents = []
    for service in services:
        document = dict(service)
        sid = service["id"]
        if sid in areas:
            document["service_areas"] = areas[sid]
        if sid in schedules:
            document["schedules"] = schedules[sid]
        if sid in sals:
            document["service_at_locations"] = [
                {**sal, "location": locations[sal["location_id"]]}
                for sal in sals[sid]
                if sal["location_id"] in locations
            ]
        if sid in attributes:
            document["attributes"] = attributes[sid]
        if service.get("organization_id") in organizations:
            document["organization"] = organizations[service["organization_id"]]
        documents.append(document)
    return documents


ServiceDepth = Literal["full", "simple", "none"]


def organization_documents(
    rows: Rows, organizations: Sequence[Row], *, services: ServiceDepth = "full"
) -> list[Row]:
    """Organizations with their services (nested as `service_documents` makes them, their own
    fields only: "simple", or left out: "none"), locations, phones, identifiers, attributes
    and metadata."""
    ids = _ids(organizations)
    own_services = [] if services == "none" else rows.by("service", "organization_id", ids)
    if services == "full":
        own_services = service_documents(rows, own_services)
    services_of = group(own_services, "organization_id")
    location_rows = rows.by("location", "organization_id", ids)
    locations = locations_with_addresses(rows, _ids(location_rows))
    locations_of = group((locations[r["id"]] for r in location_rows), "organization_id")
    phones = group(rows.by("phone", "organization_id", ids), "organization_id")
    identifiers = group(
        rows.by("organization_identifier", "organization_id", ids), "organization_id"
    )
    # Each attribute names its term by id: the terms are few, in taxonomy_terms.csv and at
    # /taxonomy_terms; nesting each in every attribute made organizations.json half again as
    # large (64 -> 101 MB nationally).
    attributes = group(rows.by("attribute", "link_id", ids), "link_id")
    metadata = group(rows.by("metadata", "resource_id", ids), "resource_id")
    documents = []
    for organization in organizations:
        document = dict(organization)
        oid = organization["id"]
        for key, value in (
            ("services", services_of.get(oid)),
            ("locations", locations_of.get(oid)),
            ("phones", phones.get(oid)),
            ("organization_identifiers", identifiers.get(oid)),
            ("attributes", attributes.get(oid)),
            ("metadata", metadata.get(oid)),
        ):
            if value:
                document[key] = value
        documents.append(document)
    return documents


def service_at_location_documents(rows: Rows, sals: Sequence[Row]) -> list[Row]:
    """Service_at_locations with their location and their service (fully nested, with its
    organization)."""
    locations = locations_with_addresses(rows, _ids(sals, "location_id"))
    services = {
        s["id"]: s
        for s in service_documents(
            rows,
            rows.by("service", "id", _ids(sals, "service_id")),
            organization=True,
            service_at_locations=False,
        )
    }
    documents = []
    for sal in sals:
        document = dict(sal)
        if sal["location_id"] in locations:
            document["location"] = locations[sal["location_id"]]
        if sal["service_id"] in services:
            document["service"] = services[sal["service_id"]]
        documents.append(document)
    return documents


def service_list_items(rows: Rows, services: Sequence[Row]) -> list[Row]:
    """Services with their one-to-one fields and their organization's (HSDS service_list)."""
    organizations = {
        o["id"]: o for o in rows.by("organization", "id", _ids(services, "organization_id"))
    }
    return [
        {**s, "organization": organizations[s["organization_id"]]}
        if s.get("organization_id") in organizations
        else dict(s)
        for s in services
    ]


def service_at_location_list_items(rows: Rows, sals: Sequence[Row]) -> list[Row]:
    """Service_at_locations with their location's and service's one-to-one fields (HSDS
    service_at_location_list)."""
    locations = {loc["id"]: loc for loc in rows.by("location", "id", _ids(sals, "location_id"))}
    services = {
        s["id"]: s
        for s in service_list_items(rows, rows.by("service", "id", _ids(sals, "service_id")))
    }
    items = []
    for sal in sals:
        item = dict(sal)
        if sal["location_id"] in locations:
            item["location"] = locations[sal["location_id"]]
        if sal["service_id"] in services:
            item["service"] = services[sal["service_id"]]
        items.append(item)
    return items
