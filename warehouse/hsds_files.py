"""The HSDS export as files, and its checks: the tabular package (21 CSVs and its own
datapackage.json), organizations.json, validation against the official compiled schemas and
the structural checks that hold without them. The rows come from warehouse/hsds.py, the
nested documents from warehouse/hsds_documents.py.
"""

from __future__ import annotations

import csv
import json
import uuid
from pathlib import Path
from typing import Any

from warehouse.hsds import HSDS_VERSION, NOT_FOREIGN, TABLES, HsdsExport, fields_of


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
            if f.name.endswith("_id") and f.name not in NOT_FOREIGN and target in TABLES:
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


def strict_schema(schema: Any) -> Any:
    """A copy of an HSDS JSON schema with additional properties disallowed everywhere, as the
    specification's own validation does."""
    if isinstance(schema, dict):
        out = {k: strict_schema(v) for k, v in schema.items()}
        if out.get("type") == "object" and "properties" in out:
            out.setdefault("additionalProperties", False)
        return out
    if isinstance(schema, list):
        return [strict_schema(v) for v in schema]
    return schema


def validate_hsds_json(organizations: list[dict[str, Any]], compiled_dir: Path) -> list[str]:
    """Problems of the HSDS JSON against the official compiled `organization.json` schema in
    `compiled_dir` (the specification's schema/compiled folder); empty when valid."""
    import jsonschema

    path = compiled_dir / "organization.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no compiled HSDS organization schema there")
    schema = strict_schema(json.loads(path.read_text(encoding="utf-8")))
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
            if not f.name.endswith("_id") or f.name in NOT_FOREIGN or target not in TABLES:
                continue
            for row in rows:
                value = row.get(f.name)
                if value and value not in ids[target]:
                    problems.append(f"{table}.{f.name}: {value} has no {target}")
    return problems
