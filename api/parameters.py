"""The query parameters of the API: declared once here, read by the endpoints and written into
the OpenAPI document from the same declaration.

FastAPI can read them from the endpoint's signature, but it inspects every parameter's type
annotation again on every request: for the sixteen of /services that was ~0.9 ms of CPU per
request, more than the query itself (measured on the national directory, cProfile of
solve_dependencies). Here a parameter is a small declared value with its own reader; a value
it cannot read is a 400 naming the parameter, in Polish. Parameters the API does not know are
ignored, as HSDS clients may send their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

DEFAULT_PER_PAGE = 50
# A page of fully nested services at the cap is about 1.5 MB; whole listings are for
# format=ndjson, which streams without pages.
MAX_PER_PAGE = 500

_TRUE = {"true", "1", "yes", "on", "t", "y"}
_FALSE = {"false", "0", "no", "off", "f", "n"}


class ParameterError(Exception):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = f"{parameter}: {message}"


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    description: str
    type: Literal["string", "integer", "boolean"] = "string"
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    enum: tuple[str, ...] = ()

    def read(self, raw: str) -> Any:
        if self.type == "integer":
            value = raw.strip()
            if not value.lstrip("+-").isdigit():
                raise ParameterError(self.name, f"oczekiwano liczby całkowitej (podano {raw!r})")
            number = int(value)
            if self.minimum is not None and number < self.minimum:
                raise ParameterError(
                    self.name, f"najmniejsza dozwolona wartość to {self.minimum} (podano {raw!r})"
                )
            if self.maximum is not None and number > self.maximum:
                raise ParameterError(
                    self.name, f"największa dozwolona wartość to {self.maximum} (podano {raw!r})"
                )
            return number
        if self.type == "boolean":
            if raw.lower() in _TRUE:
                return True
            if raw.lower() in _FALSE:
                return False
            raise ParameterError(self.name, f"oczekiwano true albo false (podano {raw!r})")
        if self.enum and raw not in self.enum:
            allowed = ", ".join(self.enum)
            raise ParameterError(self.name, f"dozwolone wartości: {allowed} (podano {raw!r})")
        return raw

    def openapi(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": self.type}
        if self.default is not None:
            schema["default"] = self.default
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        if self.enum:
            schema["enum"] = list(self.enum)
        return {
            "name": self.name,
            "in": "query",
            "required": False,
            "description": self.description,
            "schema": schema,
        }


def read(query: Mapping[str, str], params: Sequence[Param]) -> dict[str, Any]:
    """Every declared parameter: its value from the query string, or its default."""
    return {p.name: p.read(query[p.name]) if p.name in query else p.default for p in params}


def openapi(params: Sequence[Param]) -> dict[str, Any]:
    """What a route passes as `openapi_extra` to document its parameters."""
    return {"parameters": [p.openapi() for p in params]}


SEARCH = Param(
    "search",
    "Wyszukiwanie pełnotekstowe: każde słowo musi wystąpić (bez względu na wielkość liter i"
    " znaki diakrytyczne) w nazwie lub opisie — full-text search, every word must occur.",
)
PAGE = Param("page", "Numer strony, od 1 — page number, from 1.", "integer", 1, minimum=1)
PER_PAGE = Param(
    "per_page",
    f"Liczba pozycji na stronie (domyślnie {DEFAULT_PER_PAGE}, najwyżej {MAX_PER_PAGE})"
    f" — items per page (at most {MAX_PER_PAGE}).",
    "integer",
    DEFAULT_PER_PAGE,
    minimum=1,
    maximum=MAX_PER_PAGE,
)
FORMAT = Param(
    "format",
    "`json` (domyślnie, strony) albo `ndjson`: wszystkie pozycje, po jednej w wierszu, bez"
    " stronicowania — `ndjson` streams every result without pages.",
    default="json",
    enum=("json", "ndjson"),
)
FULL = Param(
    "full",
    "Pełne, zagnieżdżone obiekty zamiast pól jeden-do-jednego — fully nested objects.",
    "boolean",
    False,
)
FULL_SERVICE = Param(
    "full_service",
    "Usługi organizacji w pełni zagnieżdżone zamiast samych ich pól — fully nested services.",
    "boolean",
    False,
)
TAXONOMY_TERM_ID = Param(
    "taxonomy_term_id",
    "Tylko to, co ma ten termin taksonomii (przy usłudze lub przy jej organizacji)"
    " — only items with this taxonomy term (on the service or its organization).",
)
TAXONOMY_ID = Param(
    "taxonomy_id",
    "Tylko to, co ma jakikolwiek termin tej taksonomii — items with any term of this taxonomy.",
)
ORGANIZATION_ID = Param(
    "organization_id", "Tylko usługi tej organizacji — only this organization's services."
)
MODIFIED_AFTER = Param(
    "modified_after",
    "Tylko usługi zmienione w tej chwili lub później (ISO 8601; bez strefy: UTC)"
    " — services modified on or after this datetime (ISO 8601; UTC without an offset).",
)
MINIMAL = Param(
    "minimal",
    "Same id, nazwa, status i last_modified usług (do synchronizacji) — id, name, status"
    " and last_modified only.",
    "boolean",
    False,
)
POSTCODE = Param(
    "postcode",
    "Kod pocztowy NN-NNN: tylko usługi, których obszar obejmuje gminę tego kodu"
    " — services whose service area covers the postcode's gmina(s).",
)
PROXIMITY = Param(
    "proximity",
    "Nieobsługiwany: katalog nie publikuje współrzędnych (400) — not supported: the directory"
    " publishes no coordinates.",
)
POWIAT = Param(
    "powiat",
    "Kod TERYT powiatu (4 cyfry): usługi dostępne w powiecie — obszar usługi to ten powiat,"
    " gmina w nim albo jego województwo — services available in this powiat (TERYT).",
)
GMINA = Param(
    "gmina",
    "Kod TERYT gminy (7 cyfr): usługi dostępne w gminie — obszar usługi to ta gmina (każda jej"
    " część), jej powiat albo województwo — services available in this gmina (TERYT).",
)
SECTOR = Param(
    "sector",
    "Kod sektora z taksonomii katalogu (np. `education`, `health`, `social_assistance`)"
    " — sector code (the terms `sector:…` of the institution-types taxonomy).",
)
TARGET_GROUP = Param(
    "target_group",
    "Kod grupy docelowej (np. `children`, `families`, `seniors`) — target group code (the"
    " terms `target_group:…`).",
)
TOP_ONLY = Param(
    "top_only",
    "Tylko terminy najwyższego poziomu (bez rodzica) — top-level terms only.",
    "boolean",
    False,
)
PARENT_ID = Param("parent_id", "Tylko terminy o tym rodzicu — terms with this parent.")

PAGING = (PAGE, PER_PAGE, FORMAT)
AREA = (POSTCODE, POWIAT, GMINA, SECTOR, TARGET_GROUP)
SERVICE_FILTERS = (
    SEARCH,
    TAXONOMY_TERM_ID,
    TAXONOMY_ID,
    ORGANIZATION_ID,
    MODIFIED_AFTER,
    FULL,
    PROXIMITY,
    *AREA,
)
SERVICES = (*SERVICE_FILTERS, MINIMAL, *PAGING)
SERVICE_AT_LOCATIONS = (*SERVICE_FILTERS, *PAGING)
ORGANIZATIONS = (SEARCH, FULL_SERVICE, FULL, *AREA, *PAGING)
TAXONOMIES = (SEARCH, *PAGING)
TAXONOMY_TERMS = (SEARCH, TAXONOMY_ID, TOP_ONLY, PARENT_ID, *PAGING)
ORGANIZATION = (FULL_SERVICE,)
