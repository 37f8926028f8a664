"""The API's own OpenAPI document: texts of its parameters, the HSDS schemas of its
responses, and the Polish message for a parameter FastAPI could not read.

Response schemas point where the official HSDS 3.0 openapi.json points (the compiled
schemas on raw.githubusercontent.com), with one correction the specification has since made
itself: `/service_at_locations/{id}` returns a compiled service_at_location, not a service
(openreferral/specification pull request #574).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

HSDS_SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema"

TITLE = "wsparcie — katalog instytucji wsparcia: API Open Referral HSDS 3.0"
VERSION = "1.0.0"
SUMMARY = "Instytucje i usługi wsparcia dla dzieci, uczniów i rodzin w powiatach, w HSDS 3.0."
DESCRIPTION = (
    "Otwarte API tylko do odczytu (bez kluczy, CORS `*`) nad migawką katalogu, zgodne z"
    " Open Referral HSDS 3.0 i z polskim profilem HSDS katalogu (`/profile`): wymagane"
    " punkty końcowe standardu, jego stronicowanie i filtry, a do tego filtry katalogu:"
    " `powiat` i `gmina` (kody TERYT), `sector`, `target_group`. Dane na licencji CC BY 4.0."
    " — A read-only, open HSDS 3.0 API over the directory's snapshot, with the Polish profile"
    " described at `/profile`. Errors are JSON: `status`, `error`, `message` (Polish) and"
    " `parameter` when one parameter is at fault."
)
LICENSE = {"name": "CC BY 4.0 (dane — data)", "url": "https://creativecommons.org/licenses/by/4.0/"}

PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "total_items": {"type": "integer", "description": "Liczba wszystkich pozycji."},
        "total_pages": {"type": "integer", "description": "Liczba stron."},
        "page_number": {"type": "integer", "description": "Numer tej strony."},
        "size": {"type": "integer", "description": "Liczba pozycji na tej stronie."},
        "first_page": {"type": "boolean", "description": "Czy to pierwsza strona."},
        "last_page": {"type": "boolean", "description": "Czy to ostatnia (lub dalsza) strona."},
        "empty": {"type": "boolean", "description": "Czy ta strona jest pusta."},
    },
}
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["status", "error", "message"],
    "properties": {
        "status": {"type": "integer"},
        "error": {"type": "string", "description": "HTTP reason phrase"},
        "message": {"type": "string", "description": "Co jest nie tak (po polsku)."},
        "parameter": {"type": "string", "description": "Parametr, którego to dotyczy."},
    },
}

# response kind → (description, schema of one item, listing?)
_RESPONSES: dict[str, tuple[str, str, bool]] = {
    "services": ("Strona usług (pola jeden-do-jednego)", "compiled/service_list.json", True),
    "service": ("Usługa w pełni zagnieżdżona", "compiled/service.json", False),
    "service_at_locations": (
        "Strona usług w miejscach",
        "compiled/service_at_location_list.json",
        True,
    ),
    "service_at_location": (
        "Usługa w miejscu, w pełni zagnieżdżona",
        "compiled/service_at_location.json",
        False,
    ),
    "organizations": ("Strona organizacji", "compiled/organization_list.json", True),
    "organization": ("Organizacja w pełni zagnieżdżona", "compiled/organization.json", False),
    "taxonomies": ("Strona taksonomii", "taxonomy.json", True),
    "taxonomy": ("Taksonomia", "taxonomy.json", False),
    "taxonomy_terms": ("Strona terminów taksonomii", "taxonomy_term.json", True),
    "taxonomy_term": ("Termin taksonomii", "taxonomy_term.json", False),
}
_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}


def responses(kind: str) -> dict[int | str, dict[str, Any]]:
    """The `responses` of one route: its HSDS schema, and the errors it can give."""
    errors: dict[int | str, dict[str, Any]] = {
        400: {"description": "Błędny parametr lub id", "content": _ERROR},
        503: {"description": "Katalog chwilowo niedostępny", "content": _ERROR},
    }
    if kind == "meta":
        meta = {
            "type": "object",
            "properties": {
                "version": {"type": "string", "description": "Wersja HSDS."},
                "profile": {"type": "string", "format": "uri", "description": "Opis profilu."},
                "openapi_url": {"type": "string", "format": "uri"},
            },
        }
        return {
            200: {"description": "O tym API", "content": {"application/json": {"schema": meta}}}
        }
    if kind == "profile":
        return {
            200: {
                "description": "Polski profil HSDS katalogu (Markdown)",
                "content": {"text/markdown": {"schema": {"type": "string"}}},
            }
        }
    description, item, listing = _RESPONSES[kind]
    item_schema = {"$ref": f"{HSDS_SCHEMAS}/{item}"}
    if not listing:
        errors[404] = {"description": "Nie ma obiektu o tym id", "content": _ERROR}
        return {
            200: {
                "description": description,
                "content": {"application/json": {"schema": item_schema}},
            },
            **errors,
        }
    page = {
        "properties": {"contents": {"type": "array", "items": item_schema}},
        "allOf": [{"$ref": "#/components/schemas/Page"}],
    }
    return {
        200: {
            "description": f"{description}; z format=ndjson: pozycje po jednej w wierszu",
            "content": {
                "application/json": {"schema": page},
                "application/x-ndjson": {"schema": item_schema},
            },
        },
        **errors,
    }


def finish(schema: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's generated document with our shared schemas, and without its 422 responses
    (a parameter it cannot read is a 400 here)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    components["Page"] = PAGE_SCHEMA
    components["Error"] = ERROR_SCHEMA
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    if not components:
        schema["components"].pop("schemas")
    return schema


_EXPLAINED = {
    "int_parsing": "oczekiwano liczby całkowitej",
    "bool_parsing": "oczekiwano true albo false",
    "missing": "parametr jest wymagany",
}


def explain_validation(errors: Sequence[Any]) -> tuple[str, str | None]:
    """A Polish message for the first parameter FastAPI could not read, and its name."""
    first = errors[0] if errors else {}
    location = [str(part) for part in first.get("loc", ())]
    parameter = location[-1] if len(location) > 1 else None
    kind = first.get("type", "")
    context = first.get("ctx") or {}
    if kind == "greater_than_equal":
        reason = f"najmniejsza dozwolona wartość to {context.get('ge')}"
    elif kind == "less_than_equal":
        reason = f"największa dozwolona wartość to {context.get('le')}"
    elif kind == "literal_error":
        reason = f"dozwolone wartości: {context.get('expected')}"
    else:
        reason = _EXPLAINED.get(kind, str(first.get("msg", "nieprawidłowa wartość")))
    given = first.get("input")
    shown = f" (podano {given!r})" if isinstance(given, str) else ""
    return f"{parameter or 'żądanie'}: {reason}{shown}", parameter
