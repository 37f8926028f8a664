"""The open-data tables, declared once: columns, types, keys and Polish headers, and the
Frictionless `datapackage.json` that describes every published file.

A `Table` says what a published table holds (the only columns that ever leave the warehouse:
a whitelist), how its CSV header reads for machines (English snake_case, stable) and for
people opening the Excel variant (Polish), and its keys. `publish.py` writes the files from
these declarations and `build_datapackage` describes them, so the two cannot drift apart.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
EXCEL_DIALECT = {"delimiter": ";"}  # Polish Excel's list separator; UTF-8 with BOM, CRLF
TRUE_PL, FALSE_PL = "tak", "nie"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # Frictionless type: string | integer | date | boolean
    title_pl: str  # the Excel variant's header
    description: str
    required: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    name: str  # file stem and resource name
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    # (local columns, referenced table name, referenced columns)
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(name: str, type_: str, title_pl: str, description: str, required: bool = False) -> Column:
    return Column(name, type_, title_pl, description, required)


_LIST = "several values are joined with '; '"

INSTITUTIONS = Table(
    "instytucje",
    "Instytucje — institutions",
    "One row per institution of the directory; the per-county and per-sector files hold the "
    "same columns for a subset of rows. Rows are ordered by powiat_teryt, sector, name, "
    "institution_id.",
    (
        _c("institution_id", "string", "Identyfikator", "Stable wsparcie id (wsp_…).", True),
        _c("name", "string", "Nazwa", "Canonical name in the nominative.", True),
        _c("acronym", "string", "Skrót", "Acronym (MOPS, PCPR, …)."),
        _c("type", "string", "Typ (kod)", "Institution type code, see docs/taxonomy.md.", True),
        _c("type_label", "string", "Typ", "Institution type in Polish.", True),
        _c("sector", "string", "Sektor (kod)", "Sector code, see docs/taxonomy.md.", True),
        _c("sector_label", "string", "Sektor", "Sector in Polish.", True),
        _c("powiat_teryt", "string", "Powiat (TERYT)", "Powiat, 4-digit TERYT code."),
        _c("powiat", "string", "Powiat", "Powiat name."),
        _c("gmina_teryt", "string", "Gmina (TERYT)", "Gmina, 7-digit TERYT code."),
        _c("gmina", "string", "Gmina", "Gmina name."),
        _c("locality", "string", "Miejscowość", "Locality of the address."),
        _c("street", "string", "Ulica i numer", "Street and number."),
        _c("postal_code", "string", "Kod pocztowy", "Postal code NN-NNN."),
        _c("phones", "string", "Telefony", f"Phones in E.164; {_LIST}."),
        _c("emails", "string", "E-maile", f"Institutional e-mail addresses; {_LIST}."),
        _c("website", "string", "Strona WWW", "Website."),
        _c("opening_hours", "string", "Godziny pracy", f"Opening hours as published; {_LIST}."),
        _c("nip", "string", "NIP", "Tax identification number (10 digits)."),
        _c("regon", "string", "REGON", "Statistical register number (9 or 14 digits)."),
        _c("krs", "string", "KRS", "National Court Register number."),
        _c("rspo", "string", "RSPO", "School and education register id."),
        _c("services", "string", "Usługi", f"Service codes (Excel: Polish labels); {_LIST}."),
        _c("target_groups", "string", "Adresaci", f"Target groups (Excel: Polish); {_LIST}."),
        _c("sources", "string", "Źródła", f"Slugs of the sources naming it; {_LIST}."),
        _c("first_seen", "date", "Pierwsze wystąpienie", "Date first seen in a source.", True),
        _c(
            "alternate_names",
            "string",
            "Inne nazwy",
            f"Other names the sources use (acronym forms, as written, other wordings); {_LIST}.",
        ),
        _c(
            "services_default",
            "string",
            "Usługi domyślne dla typu",
            "Of `services`, the codes no source states or names: the defaults of the "
            f"institution's type (uslugi.csv: origin = default); {_LIST}.",
        ),
        _c(
            "last_confirmed",
            "date",
            "Ostatnio potwierdzono",
            "The last day a source still named the institution.",
            True,
        ),
    ),
    primary_key=("institution_id",),
)

SERVICES = Table(
    "uslugi",
    "Usługi — services",
    "One row per (institution, service); ordered by institution_id, service.",
    (
        _c("institution_id", "string", "Identyfikator instytucji", "Institution.", True),
        _c("service", "string", "Usługa (kod)", "Service code, see docs/taxonomy.md.", True),
        _c("service_label", "string", "Usługa", "Service in Polish.", True),
        _c(
            "origin",
            "string",
            "Skąd (kod)",
            "stated: a source's own text or data states it (evidence_url, evidence_text) | "
            "name: read from the institution's name or a type column | default: the defaults "
            "of the institution's type, stated by nothing.",
            True,
        ),
        _c("origin_label", "string", "Skąd", "The origin in Polish.", True),
        _c(
            "evidence_url",
            "string",
            "Strona źródłowa",
            "The page or file that states it (origin stated or name); a loopback address (the "
            "demo's server) is given as its path.",
        ),
        _c(
            "evidence_text",
            "string",
            "Zdanie źródłowe",
            "The sentence that states it (origin stated), unless it names a person.",
        ),
        _c(
            "last_confirmed",
            "date",
            "Ostatnio potwierdzono",
            "The last day a source's page or file still stated (or named) it.",
        ),
        _c("age_min", "integer", "Wiek od", "Youngest age served, as the same text states it."),
        _c("age_max", "integer", "Wiek do", "Oldest age served, as the same text states it."),
        _c(
            "fees_free",
            "boolean",
            "Bezpłatnie",
            "true: the text says it is free; false: paid; empty: not said.",
        ),
        _c(
            "referral_required",
            "boolean",
            "Skierowanie",
            "true: a referral or certificate is needed; false: no referral; empty: not said.",
        ),
    ),
    primary_key=("institution_id", "service"),
    foreign_keys=((("institution_id",), "instytucje", ("institution_id",)),),
)

CONTACTS = Table(
    "kontakty",
    "Kontakty — contacts",
    "One row per institutional contact value (phone, email, website, opening_hours); "
    "ordered by institution_id, kind, value. Values naming people are left out.",
    (
        _c("institution_id", "string", "Identyfikator instytucji", "Institution.", True),
        _c("kind", "string", "Rodzaj", "phone | email | website | opening_hours.", True),
        _c("value", "string", "Wartość", "The value (phones in E.164).", True),
        _c(
            "last_confirmed",
            "date",
            "Ostatnio potwierdzono",
            "The last day a source's page or file still stated the value.",
        ),
    ),
    primary_key=("institution_id", "kind", "value"),
    foreign_keys=((("institution_id",), "instytucje", ("institution_id",)),),
)

COUNTY_SECTOR = Table(
    "uslugi_wg_powiatu_i_sektora",
    "Usługi wg powiatu i sektora — services by county and sector",
    "Counts per powiat and sector; ordered by powiat_teryt, sector.",
    (
        _c("powiat_teryt", "string", "Powiat (TERYT)", "Powiat, 4-digit TERYT code."),
        _c("powiat", "string", "Powiat", "Powiat name."),
        _c("sector", "string", "Sektor (kod)", "Sector code.", True),
        _c("sector_label", "string", "Sektor", "Sector in Polish.", True),
        _c("institutions", "integer", "Instytucje", "Number of institutions.", True),
        _c("services", "integer", "Usługi", "Number of (institution, service) pairs.", True),
        _c("service_kinds", "string", "Rodzaje usług", f"Distinct service codes; {_LIST}."),
    ),
)

COVERAGE = Table(
    "pokrycie_ustawowe",
    "Pokrycie ustawowe — statutory coverage",
    "For every catalogued powiat (and its gminas) each institution the law requires, how many "
    "the directory has, and whether it is missing; ordered by powiat, gmina, requirement.",
    (
        _c("powiat_teryt", "string", "Powiat (TERYT)", "Powiat, 4-digit TERYT code.", True),
        _c("powiat", "string", "Powiat", "Powiat name."),
        _c("gmina_teryt", "string", "Gmina (TERYT)", "Gmina (empty: a powiat requirement)."),
        _c("gmina", "string", "Gmina", "Gmina name."),
        _c(
            "requirement",
            "string",
            "Wymaganie (kod)",
            "pcpr|ppp|pup|police|court|sanepid|ops.",
            True,
        ),
        _c("requirement_label", "string", "Wymaganie", "The requirement in Polish.", True),
        _c("found", "integer", "Znaleziono", "Matching institutions in the directory.", True),
        _c("missing", "boolean", "Brak", "Nothing in the directory meets it.", True),
        _c("institution_ids", "string", "Instytucje", f"Matching institution ids; {_LIST}."),
    ),
)

NATIONAL_TABLES = (INSTITUTIONS, SERVICES, CONTACTS, COUNTY_SECTOR, COVERAGE)


@dataclass(frozen=True, slots=True)
class WrittenFile:
    """One published tabular file: where, which table's columns, and in which flavour."""

    path: str  # relative to the publication root, POSIX
    table: Table
    flavour: str  # csv | excel | parquet
    resource: str  # Frictionless resource name
    title: str
    rows: int


def _field(column: Column, flavour: str) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.title_pl if flavour == "excel" else column.name,
        "type": column.type,
        "title": column.title_pl,
        "description": column.description,
    }
    if column.required:
        field["constraints"] = {"required": True}
    if column.type == "boolean" and flavour == "excel":
        field["trueValues"] = [TRUE_PL]
        field["falseValues"] = [FALSE_PL]
    return field


def _schema(file: WrittenFile, national: dict[str, str]) -> dict[str, Any]:
    table = file.table
    rename = {c.name: (c.title_pl if file.flavour == "excel" else c.name) for c in table.columns}
    schema: dict[str, Any] = {"fields": [_field(c, file.flavour) for c in table.columns]}
    if file.flavour == "parquet" and any(
        c.type == "integer" and not c.required for c in table.columns
    ):
        # Frictionless reads Parquet through pandas, which gives a missing integer (uslugi's
        # ages) as NaN: declared a missing value here, as "" is in the CSVs.
        schema["missingValues"] = ["", "nan"]
    if table.primary_key:
        schema["primaryKey"] = [rename[n] for n in table.primary_key]
    keys = list(table.foreign_keys)
    if table is INSTITUTIONS and file.resource != national.get(INSTITUTIONS.name):
        keys.append((("institution_id",), INSTITUTIONS.name, ("institution_id",)))
    foreign = []
    for local, target, remote in keys:
        # Each flavour refers to the national table of its own flavour, so a reader of the
        # Excel files alone can still check them.
        target_resource = national.get(target)
        if target_resource is None or target_resource == file.resource:
            continue
        target_table = next(t for t in NATIONAL_TABLES if t.name == target)
        remote_names = [
            (c.title_pl if file.flavour == "excel" else c.name)
            for n in remote
            for c in target_table.columns
            if c.name == n
        ]
        foreign.append(
            {
                "fields": [rename[n] for n in local],
                "reference": {"resource": target_resource, "fields": remote_names},
            }
        )
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_datapackage(
    root: Path,
    files: list[WrittenFile],
    *,
    sources: list[dict[str, str]],
    data_as_of: str | None,
    other_files: tuple[tuple[str, str, str], ...] = (),
) -> dict[str, Any]:
    """The Frictionless descriptor for the publication at `root` (files already written).

    `other_files` are (path, title, mediatype) of files that are not tables (HTML pages, the
    HSDS export's own package), described as plain file resources.
    """
    national: dict[str, dict[str, str]] = {"csv": {}, "excel": {}, "parquet": {}}
    for f in files:
        if f.path in (
            f"{f.table.name}.csv",
            f"excel/{f.table.name}.csv",
            f"parquet/{f.table.name}.parquet",
        ):
            national[f.flavour][f.table.name] = f.resource
    resources: list[dict[str, Any]] = []
    for f in files:
        resource: dict[str, Any] = {
            "name": f.resource,
            "type": "table",
            "path": f.path,
            "title": f.title,
            "description": f.table.description,
        }
        if f.flavour == "parquet":
            # Frictionless reads Parquet through its library, not as bytes: it cannot check a
            # byte count or hash there, and reports them as mismatches.
            resource.update(format="parquet", mediatype="application/vnd.apache.parquet")
        else:
            resource["bytes"] = (root / f.path).stat().st_size
            resource["hash"] = f"sha256:{_sha256(root / f.path)}"
            resource.update(format="csv", mediatype="text/csv")
            resource["encoding"] = "utf-8-sig" if f.flavour == "excel" else "utf-8"
            if f.flavour == "excel":
                resource["dialect"] = {"csv": dict(EXCEL_DIALECT)}
        resource["schema"] = _schema(f, national[f.flavour])
        resources.append(resource)
    for path, title, mediatype in other_files:
        resources.append(
            {
                "name": _resource_name(path),
                "type": "file",
                "path": path,
                "title": title,
                "format": path.rsplit(".", 1)[-1],
                "mediatype": mediatype,
                "bytes": (root / path).stat().st_size,
                "hash": f"sha256:{_sha256(root / path)}",
            }
        )
    package: dict[str, Any] = {
        "name": "wsparcie-katalog-instytucji-wsparcia",
        "title": "Katalog instytucji i usług wsparcia dla dzieci, uczniów i rodzin — "
        "directory of support institutions and services",
        "description": (
            "Institutions and services for children, students and families in Polish counties, "
            "gathered nightly from public pages and registries, cleaned and matched by wsparcie. "
            "CSV files are UTF-8 with a header row, comma-separated; the excel/ variants are "
            "UTF-8 with BOM, semicolon-separated, with Polish headers; parquet/ holds the "
            "national tables for analysts. Dates are ISO 8601. Open-data files describe "
            "institutions only: names of staff are never published. In the excel/ variants a "
            "value that a spreadsheet would run as a formula (starting with =, +, -, @, tab or "
            "carriage return; E.164 phones excepted) is prefixed with an apostrophe ('); the "
            "other CSV, Parquet and HSDS files keep every value exactly as published."
        ),
        "licenses": [dict(LICENSE)],
        "sources": sources,
        "keywords": ["pomoc społeczna", "wsparcie rodziny", "powiat", "TERYT", "HSDS"],
        "resources": resources,
    }
    if data_as_of:
        # The latest date any source confirmed the directory: the data's own date, not the
        # run's clock, so an unchanged directory republished the same day is byte-identical.
        package["data_as_of"] = data_as_of
    return package


def _resource_name(path: str) -> str:
    # The extension stays in: hsds/organizations.csv and hsds/organizations.json both exist.
    return "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in path.lower()).strip("-")


def resource_name(path: str) -> str:
    """A Frictionless-valid resource name for a published path (lower case, digits, '-')."""
    return _resource_name(path)


def write_datapackage(root: Path, package: dict[str, Any]) -> Path:
    target = root / "datapackage.json"
    target.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def validate_package(
    descriptor: Path, *, foreign_keys: bool = True, skip: Collection[str] = ()
) -> list[str]:
    """Frictionless validation of a written package; returns readable problems (empty: valid).

    Frictionless checks a foreign key by re-reading the referenced file for every resource,
    which costs seconds per publication; the publish stage checks keys itself in SQL and
    passes `foreign_keys=False`, the tests validate the package as published. Resources whose
    path is in `skip` are left out (the publish stage checks those itself, set-based:
    `check_files`, and in SQL the rows of derived files and the Parquet variants).
    """
    from frictionless import Package  # imported here: it takes half a second to load

    data = json.loads(descriptor.read_text(encoding="utf-8"))
    if skip:
        data["resources"] = [r for r in data.get("resources", []) if r.get("path") not in skip]
    if not foreign_keys:
        for resource in data.get("resources", []):
            resource.get("schema", {}).pop("foreignKeys", None)
    report = Package(data, basepath=str(descriptor.parent)).validate()
    problems = [f"{descriptor.name}: {e.message}" for e in report.errors]
    for task in report.tasks:
        problems += [f"{task.name}: {e.message}" for e in task.errors[:5]]
    return problems


def check_files(root: Path, package: dict[str, Any]) -> list[str]:
    """Every resource's file exists and has the byte count and SHA-256 its descriptor
    declares: what Frictionless checks of a file, for all resources in one pass."""
    problems = []
    for resource in package.get("resources", []):
        path = root / str(resource.get("path", ""))
        if not path.is_file():
            problems.append(f"{resource.get('path')}: declared in the package but not written")
            continue
        declared_bytes = resource.get("bytes")
        if declared_bytes is not None and path.stat().st_size != declared_bytes:
            problems.append(
                f"{resource['path']}: {path.stat().st_size} bytes, the package declares"
                f" {declared_bytes}"
            )
        declared_hash = resource.get("hash")
        if declared_hash is not None and declared_hash != f"sha256:{_sha256(path)}":
            problems.append(f"{resource['path']}: its hash differs from the package's")
    return problems


def _layout(resource: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    fields = resource.get("schema", {}).get("fields", [])
    return (
        str(resource.get("encoding")),
        json.dumps(resource.get("dialect"), sort_keys=True),
        tuple(str(f.get("name")) for f in fields),
    )


def derived_resources(package: dict[str, Any]) -> dict[str, str]:
    """The table files that hold some of a national file's rows in its exact layout (the
    per-county and per-sector files, in both flavours): path → the national file's path."""
    national_paths = {f"{t.name}.csv" for t in NATIONAL_TABLES}
    national_paths |= {f"excel/{p}" for p in national_paths}
    tables = [
        r
        for r in package.get("resources", [])
        if r.get("type") == "table" and r.get("format") == "csv"
    ]
    national = {_layout(r): str(r["path"]) for r in tables if r.get("path") in national_paths}
    derived = {}
    for resource in tables:
        path = str(resource["path"])
        source = national.get(_layout(resource))
        if source is not None and path != source:
            derived[path] = source
    return derived
