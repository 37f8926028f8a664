"""The Open Referral HSDS 3.0 API of the directory: read-only, open (no keys, CORS `*`), over
the analysts' snapshot (api/snapshot.py), never the live warehouse.

Endpoints are the standard's (`/`, `/services`, `/services/{id}`, `/service_at_locations`,
`/organizations`, `/taxonomies`, `/taxonomy_terms`, each listing with its `{id}` form) with
its pagination and filters, plus this directory's own filters (`powiat`, `gmina` as TERYT
codes, `sector`, `target_group`), all described in the API's own OpenAPI document
(`/openapi.json`). Every document comes from warehouse/hsds_documents.py over rows the
queries in api/queries.py select, the same code that writes the published HSDS files.

Errors are JSON (`status`, `error`, `message` in Polish, `parameter` when one is at fault): a
malformed id or parameter is a 400, an unknown id or path a 404, a failure a 500 without a
traceback (it goes to the log), no servable snapshot a 503.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, Literal

import duckdb
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import openapi as doc
from api import parameters as P
from api.queries import (
    Listing,
    ServiceFilters,
    SnapshotRows,
    chunk,
    count,
    one,
    organizations_listing,
    page,
    service_at_locations_listing,
    services_listing,
    taxonomies_listing,
    taxonomy_terms_listing,
    term_codes,
)
from api.snapshot import Snapshot, SnapshotStore, SnapshotUnavailable
from warehouse.hsds import HSDS_VERSION
from warehouse.hsds_documents import (
    Row,
    Rows,
    organization_documents,
    service_at_location_documents,
    service_documents,
)
from warehouse.hsds_snapshot import DOCUMENT

log = logging.getLogger(__name__)

NDJSON_CHUNK = 500
PROFILE = Path(__file__).resolve().parents[1] / "docs" / "hsds_profile.md"

_POWIAT = re.compile(r"^[0-9]{4}$")
_GMINA = re.compile(r"^[0-9]{7}$")
_POSTCODE = re.compile(r"^[0-9]{2}-[0-9]{3}$")


class ApiError(Exception):
    def __init__(self, status: int, message: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


def dumps(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def error_response(status: int, message: str, parameter: str | None = None) -> Response:
    body: dict[str, Any] = {
        "status": status,
        "error": HTTPStatus(status).phrase,
        "message": message,
    }
    if parameter:
        body["parameter"] = parameter
    return json_response(body, status)


def json_response(body: Any, status: int = 200) -> Response:
    return Response(dumps(body).encode("utf-8"), status_code=status, media_type="application/json")


# --- parameters --------------------------------------------------------------------------------


def query(request: Request, params: Sequence[P.Param]) -> dict[str, Any]:
    try:
        return P.read(request.query_params, params)
    except P.ParameterError as exc:
        raise ApiError(400, exc.message, exc.parameter) from None


def _words(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    return text.strip()


def check_uuid(value: str | None, parameter: str) -> str | None:
    if value is None:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ApiError(
            400, f"{parameter}: identyfikator HSDS to UUID, a podano {value!r}", parameter
        ) from None


def check_pattern(value: str | None, pattern: re.Pattern[str], parameter: str, what: str) -> None:
    if value is not None and not pattern.match(value):
        raise ApiError(400, f"{parameter}: oczekiwano {what}, a podano {value!r}", parameter)


def parse_modified_after(value: str | None) -> str | None:
    """RFC 3339 / ISO 8601 (a date alone means its midnight); without an offset, UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ApiError(
            400,
            f"modified_after: oczekiwano daty i czasu ISO 8601, np. 2026-03-01T00:00:00Z,"
            f" a podano {value!r}",
            "modified_after",
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def resolve_term(snapshot: Snapshot, code: str | None, prefix: str, parameter: str) -> str | None:
    """A sector or target-group code → its taxonomy term's id in this snapshot."""
    if code is None:
        return None
    with snapshot.cursor() as cursor:
        known = term_codes(cursor, prefix)
    if code not in known:
        raise ApiError(
            400,
            f"{parameter}: nieznany kod {code!r}; dozwolone: {', '.join(known)}",
            parameter,
        )
    return known[code]


def service_filters(snapshot: Snapshot, q: dict[str, Any]) -> ServiceFilters:
    """The filters of a services listing, checked (`q`: the read parameters; those a listing
    does not declare count as not given)."""
    if q.get("proximity") is not None:
        raise ApiError(
            400,
            "proximity: katalog nie publikuje współrzędnych, więc nie szuka po odległości;"
            " użyj postcode, gmina albo powiat",
            "proximity",
        )
    postcode, powiat, gmina = q.get("postcode"), q.get("powiat"), q.get("gmina")
    check_pattern(postcode, _POSTCODE, "postcode", "kodu pocztowego w postaci NN-NNN")
    if postcode is not None and not snapshot.postal_codes:
        raise ApiError(
            400, "postcode: ta migawka katalogu nie ma spisu kodów pocztowych", "postcode"
        )
    check_pattern(powiat, _POWIAT, "powiat", "4-cyfrowego kodu TERYT powiatu")
    check_pattern(gmina, _GMINA, "gmina", "7-cyfrowego kodu TERYT gminy")
    return ServiceFilters(
        search=_words(q.get("search")),
        taxonomy_term_id=check_uuid(q.get("taxonomy_term_id"), "taxonomy_term_id"),
        taxonomy_id=check_uuid(q.get("taxonomy_id"), "taxonomy_id"),
        organization_id=check_uuid(q.get("organization_id"), "organization_id"),
        modified_after=parse_modified_after(q.get("modified_after")),
        postcode=postcode,
        powiat=powiat,
        gmina=gmina,
        sector_term_id=resolve_term(snapshot, q.get("sector"), "sector:", "sector"),
        target_group_term_id=resolve_term(
            snapshot, q.get("target_group"), "target_group:", "target_group"
        ),
    )


# --- pages -------------------------------------------------------------------------------------

Build = Callable[[Rows, Sequence[Row]], list[Row]]
# The list items the publish stage stored with each row (warehouse/hsds_snapshot.py): used as
# they are, without building a document per request.
STORED = None


def page_json(total: int, number: int, per_page: int, items: list[str]) -> bytes:
    """A page of the standard's shape around `items` (each already JSON)."""
    total_pages = math.ceil(total / per_page)
    head = {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(items),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not items,
    }
    return (dumps(head)[:-1] + ',"contents":[' + ",".join(items) + "]}").encode("utf-8")


def _items(cursor: duckdb.DuckDBPyConnection, rows: list[Row], build: Build | None) -> list[str]:
    if build is STORED:
        return [str(row[DOCUMENT]) for row in rows]
    return [dumps(item) for item in build(SnapshotRows(cursor), rows)]


def listing_response(
    store: SnapshotStore,
    snapshot: Snapshot,
    listing: Listing,
    build: Build | None,
    *,
    number: int,
    per_page: int,
    format_: str,
) -> Response:
    if format_ == "ndjson":
        return StreamingResponse(ndjson(store, listing, build), media_type="application/x-ndjson")
    with snapshot.cursor() as cursor:
        total = count(cursor, listing) if listing.conditions else snapshot.counts[listing.table]
        offset = (number - 1) * per_page
        rows = (
            page(cursor, listing, per_page, offset, documents=build is STORED)
            if offset < total
            else []
        )
        items = _items(cursor, rows, build)
    return Response(page_json(total, number, per_page, items), media_type="application/json")


def ndjson(store: SnapshotStore, listing: Listing, build: Build | None) -> Iterator[bytes]:
    """Every matching item, one JSON document a line, without pages. The lease keeps the
    snapshot the stream started with; each chunk takes a cursor of its own, as Starlette may
    pull each chunk on another thread."""
    with store.lease() as snapshot:
        after = 0
        while True:
            with snapshot.cursor() as cursor:
                rows, after = chunk(cursor, listing, after, NDJSON_CHUNK, documents=build is STORED)
                items = _items(cursor, rows, build)
            if not items:
                return
            yield "".join(item + "\n" for item in items).encode("utf-8")


def plain(_rows: Rows, rows: Sequence[Row]) -> list[Row]:
    return list(rows)


def minimal_services(_rows: Rows, rows: Sequence[Row]) -> list[Row]:
    # "just id and modified date"; name and status stay, as HSDS's service_list requires them
    return [{k: s[k] for k in ("id", "name", "status", "last_modified") if k in s} for s in rows]


def full_services(rows: Rows, services: Sequence[Row]) -> list[Row]:
    return service_documents(rows, services, organization=True)


def by_id(
    snapshot: Snapshot, table: str, id_: str, what: str, build: Callable[[Rows, Row], Row]
) -> Response:
    key = check_uuid(id_, "id")
    assert key is not None
    with snapshot.cursor() as cursor:
        row = one(cursor, table, key)
        if row is None:
            raise ApiError(404, f"nie ma {what} o id {key}")
        return json_response(build(SnapshotRows(cursor), row))


async def answer_on(build: Build | None, answer: Callable[[], Response]) -> Response:
    """A page of stored list items is a millisecond of DuckDB (a few with filters, on the
    national directory): answered on the event loop, as handing it to a worker thread cost
    ~0.4 of the request's 1.5 ms of CPU. Documents nested per request (full=true, minimal)
    take longer: a worker thread, so the loop keeps answering others meanwhile."""
    if build is STORED:
        return answer()
    return await run_in_threadpool(answer)


# --- the application ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ApiSettings:
    snapshot: Path


SNAPSHOT_ENV = "WSPARCIE_API_SNAPSHOT"


def app_from_environment() -> FastAPI:
    """The app over the snapshot named by WSPARCIE_API_SNAPSHOT: what each of uvicorn's worker
    processes builds when the API runs with --workers (api/cli.py)."""
    return create_app(ApiSettings(snapshot=Path(os.environ[SNAPSHOT_ENV])))


def create_app(settings: ApiSettings) -> FastAPI:
    """The API over `settings.snapshot`; raises SnapshotUnavailable when it cannot be served."""
    store = SnapshotStore(settings.snapshot)
    store.open()
    app = FastAPI(
        title=doc.TITLE,
        version=doc.VERSION,
        summary=doc.SUMMARY,
        description=doc.DESCRIPTION,
        license_info=doc.LICENSE,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.store = store
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"]
    )

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.message, exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        message, parameter = doc.explain_validation(exc.errors())
        return error_response(400, message, parameter)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "nie ma takiej ścieżki" if exc.status_code == 404 else str(exc.detail)
        return error_response(exc.status_code, message)

    @app.exception_handler(SnapshotUnavailable)
    async def unavailable(request: Request, exc: SnapshotUnavailable) -> Response:
        log.error("%s", exc)
        return error_response(503, "katalog jest chwilowo niedostępny")

    @app.exception_handler(Exception)
    async def failure(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "błąd serwera; szczegóły są w dzienniku serwera")

    @app.get("/", operation_id="getAPIMetaInformation", responses=doc.responses("meta"))
    def meta(request: Request) -> Response:
        base = str(request.base_url).rstrip("/")
        return json_response(
            {
                "version": HSDS_VERSION,
                "profile": f"{base}/profile",
                "openapi_url": f"{base}{app.openapi_url}",
            }
        )

    @app.get("/profile", operation_id="getProfile", responses=doc.responses("profile"))
    def profile() -> Response:
        if not PROFILE.is_file():
            raise ApiError(404, "opis profilu nie jest zainstalowany (docs/hsds_profile.md)")
        return Response(PROFILE.read_bytes(), media_type="text/markdown; charset=utf-8")

    def listing(
        snapshot: Snapshot, q: dict[str, Any], listed: Listing, build: Build | None
    ) -> Response:
        return listing_response(
            store,
            snapshot,
            listed,
            build,
            number=q["page"],
            per_page=q["per_page"],
            format_=q["format"],
        )

    @app.get(
        "/services",
        operation_id="getPaginatedListOfServices",
        responses=doc.responses("services"),
        openapi_extra=P.openapi(P.SERVICES),
    )
    async def services(request: Request) -> Response:
        q = query(request, P.SERVICES)
        build = full_services if q["full"] else minimal_services if q["minimal"] else STORED

        def answer() -> Response:
            with store.lease() as snapshot:
                listed = services_listing(service_filters(snapshot, q))
                return listing(snapshot, q, listed, build)

        return await answer_on(build, answer)

    @app.get(
        "/services/{id}",
        operation_id="getFullyNestedServiceById",
        responses=doc.responses("service"),
    )
    def service(id: str) -> Response:  # noqa: A002 - the standard's parameter name
        with store.lease() as snapshot:
            return by_id(
                snapshot, "service", id, "usługi", lambda rows, r: full_services(rows, [r])[0]
            )

    @app.get(
        "/service_at_locations",
        operation_id="getPaginatedListOfServiceAtLocation",
        responses=doc.responses("service_at_locations"),
        openapi_extra=P.openapi(P.SERVICE_AT_LOCATIONS),
    )
    async def service_at_locations(request: Request) -> Response:
        q = query(request, P.SERVICE_AT_LOCATIONS)
        build = service_at_location_documents if q["full"] else STORED

        def answer() -> Response:
            with store.lease() as snapshot:
                listed = service_at_locations_listing(service_filters(snapshot, q))
                return listing(snapshot, q, listed, build)

        return await answer_on(build, answer)

    @app.get(
        "/service_at_locations/{id}",
        operation_id="getServiceAtLocationWithNestedDataById",
        responses=doc.responses("service_at_location"),
    )
    def service_at_location(id: str) -> Response:  # noqa: A002 - the standard's parameter name
        with store.lease() as snapshot:
            return by_id(
                snapshot,
                "service_at_location",
                id,
                "usługi w miejscu",
                lambda rows, r: service_at_location_documents(rows, [r])[0],
            )

    @app.get(
        "/organizations",
        operation_id="getPaginatedListOfOrganizations",
        responses=doc.responses("organizations"),
        openapi_extra=P.openapi(P.ORGANIZATIONS),
    )
    def organizations(request: Request) -> Response:
        q = query(request, P.ORGANIZATIONS)
        depth: Literal["full", "simple"] = "full" if q["full_service"] else "simple"

        def build(rows: Rows, orgs: Sequence[Row]) -> list[Row]:
            if not q["full"]:
                return list(orgs)
            return organization_documents(rows, orgs, services=depth)

        with store.lease() as snapshot:
            area = service_filters(snapshot, {k: q[k] for k in ("postcode", "powiat", "gmina")})
            listed = organizations_listing(
                _words(q["search"]),
                resolve_term(snapshot, q["sector"], "sector:", "sector"),
                resolve_term(snapshot, q["target_group"], "target_group:", "target_group"),
                area,
            )
            return listing(snapshot, q, listed, build)

    @app.get(
        "/organizations/{id}",
        operation_id="getOrganizationById",
        responses=doc.responses("organization"),
        openapi_extra=P.openapi(P.ORGANIZATION),
    )
    def organization(request: Request, id: str) -> Response:  # noqa: A002 - the standard's name
        q = query(request, P.ORGANIZATION)
        depth: Literal["full", "simple"] = "full" if q["full_service"] else "simple"
        with store.lease() as snapshot:
            return by_id(
                snapshot,
                "organization",
                id,
                "organizacji",
                lambda rows, r: organization_documents(rows, [r], services=depth)[0],
            )

    @app.get(
        "/taxonomies",
        operation_id="getPaginatedListOfTaxonomies",
        responses=doc.responses("taxonomies"),
        openapi_extra=P.openapi(P.TAXONOMIES),
    )
    def taxonomies(request: Request) -> Response:
        q = query(request, P.TAXONOMIES)
        with store.lease() as snapshot:
            return listing(snapshot, q, taxonomies_listing(_words(q["search"])), plain)

    @app.get(
        "/taxonomies/{id}", operation_id="getTaxonomyById", responses=doc.responses("taxonomy")
    )
    def taxonomy(id: str) -> Response:  # noqa: A002 - the standard's parameter name
        with store.lease() as snapshot:
            return by_id(snapshot, "taxonomy", id, "taksonomii", lambda _rows, r: r)

    @app.get(
        "/taxonomy_terms",
        operation_id="getPaginatedListOfTaxonomyTerms",
        responses=doc.responses("taxonomy_terms"),
        openapi_extra=P.openapi(P.TAXONOMY_TERMS),
    )
    def taxonomy_terms(request: Request) -> Response:
        q = query(request, P.TAXONOMY_TERMS)
        listed = taxonomy_terms_listing(
            _words(q["search"]),
            check_uuid(q["taxonomy_id"], "taxonomy_id"),
            check_uuid(q["parent_id"], "parent_id"),
            q["top_only"],
        )
        with store.lease() as snapshot:
            return listing(snapshot, q, listed, plain)

    @app.get(
        "/taxonomy_terms/{id}",
        operation_id="getTaxonomyTermById",
        responses=doc.responses("taxonomy_term"),
    )
    def taxonomy_term(id: str) -> Response:  # noqa: A002 - the standard's parameter name
        with store.lease() as snapshot:
            return by_id(snapshot, "taxonomy_term", id, "terminu taksonomii", lambda _r, r: r)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                license_info=app.license_info,
                routes=app.routes,
            )
            app.openapi_schema = doc.finish(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
