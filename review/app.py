"""The coordinators' review web app: server-rendered Polish pages over the review store.

`create_app(AppSettings(db=...))` builds the FastAPI app; `wsparcie review serve` runs it with
uvicorn. Every page but the login form needs a session; every form carries a CSRF token; a
coordinator reaches only the cases of their counties, whatever URL or form they send.

The warehouse is opened for each request and closed before the page is rendered: DuckDB lets
one process write a file at a time, and the nightly run must find it free. While the night's
run holds it, pages answer 503 with a message a coordinator understands.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode
from zoneinfo import ZoneInfo

import duckdb
from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from review import labels
from review.accounts import (
    User,
    authenticate,
    clear_login_failures,
    create_session,
    end_session,
    reserve_login_attempt,
    session_user,
)
from review.listing import CaseFilter, count_cases, list_cases, neighbours, scope_options
from review.records import (
    county_names,
    institution_names,
    record_names,
    record_views,
    side_by_side,
)
from review.security import (
    RateLimit,
    check_csrf,
    csrf_token,
    load_secret,
    new_token,
    sign,
    unsign,
)
from warehouse.db import WarehouseError, connect
from warehouse.judgements import VERDICTS_BY_KIND, decision_history, record_decision
from warehouse.review_queue import ReviewCase, ReviewError, StoredCase, get_case

log = logging.getLogger("wsparcie.review")

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "wsparcie_sesja"
LOGIN_COOKIE = "wsparcie_logowanie"
BUSY_MESSAGE = "Trwa nocne przetwarzanie — spróbuj za kilka minut."
NOT_FOUND_MESSAGE = "Nie ma takiej sprawy albo nie należy ona do Twoich powiatów."
CSRF_MESSAGE = (
    "Formularz wygasł albo nie pochodzi z tej strony. Wróć, odśwież stronę i spróbuj ponownie."
)
MAX_FORM_BYTES = 64 * 1024
# A year, this host only: the app may share a county's domain with sites that still use http.
HSTS = "max-age=31536000"
WARSAW = ZoneInfo("Europe/Warsaw")
STATUS_PARAMS = {"otwarte": "open", "rozstrzygniete": "decided", "wszystkie": None}


@dataclass(frozen=True, slots=True)
class AppSettings:
    """`secret` defaults to WSPARCIE_REVIEW_SECRET or a file beside the warehouse.
    `secure_cookies`: mark cookies Secure and send HSTS (the app is meant to sit behind a TLS
    proxy, which talks to it over plain http: the request's own scheme proves nothing); False
    only for plain local use (`wsparcie review serve --insecure-cookies`)."""

    db: Path
    secret: bytes | None = None
    secure_cookies: bool = True
    rate_limit: RateLimit = field(default_factory=RateLimit)
    session_ttl: timedelta = timedelta(hours=12)
    page_size: int = 50
    busy_wait_seconds: float = 5.0  # how long a request waits for a warehouse another holds


class WarehouseBusy(Exception):
    """Another process (the nightly run) holds the warehouse."""


class LoginRequired(Exception):
    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class Refused(Exception):
    """A request the app answers with an error page: status code and a Polish message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class QueueQuery:
    """The queue's filters as they travel in URLs (Polish parameter names)."""

    county: str | None = None
    sector: str | None = None
    kind: str | None = None
    status: str = "otwarte"
    page: int = 1

    @classmethod
    def from_request(cls, request: Request) -> QueueQuery:
        q = request.query_params
        status = q.get("stan") or "otwarte"
        try:
            page = max(1, int(q.get("strona") or 1))
        except ValueError:
            page = 1
        return cls(
            county=q.get("powiat") or None,
            sector=q.get("sektor") or None,
            kind=q.get("rodzaj") or None,
            status=status if status in STATUS_PARAMS else "otwarte",
            page=page,
        )

    def to_filter(self) -> CaseFilter:
        return CaseFilter(self.county, self.sector, self.kind, STATUS_PARAMS[self.status])

    def query(self, **changes: Any) -> str:
        merged = replace(self, **changes)
        params = {
            "powiat": merged.county,
            "sektor": merged.sector,
            "rodzaj": merged.kind,
            "stan": None if merged.status == "otwarte" else merged.status,
            "strona": None if merged.page == 1 else str(merged.page),
        }
        text = urlencode({k: v for k, v in params.items() if v})
        return f"?{text}" if text else ""


def _local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(WARSAW).strftime("%Y-%m-%d %H:%M")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every page shows scraped text: escaping is never optional here
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["local"] = _local
    env.globals["labels"] = labels
    env.globals["verdicts_by_kind"] = VERDICTS_BY_KIND
    env.globals["spanning_message"] = spanning_message
    return env


def _safe_next(path: str | None) -> str:
    # Browsers drop tabs and newlines from URLs ("/\t/evil" becomes "//evil"): refuse them all.
    unsafe = any(c.isspace() or ord(c) < 32 or c == "\\" for c in path or "")
    if path and path.startswith("/") and not path.startswith("//") and not unsafe:
        return path
    return "/kolejka"


class _App:
    """The request handlers and the state they share (settings, secret, templates)."""

    def __init__(self, settings: AppSettings) -> None:
        self.settings = settings
        self.secret = settings.secret or load_secret(settings.db)
        self.env = _environment()

    # --- plumbing -------------------------------------------------------------------------

    @contextmanager
    def warehouse(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self._connect()
        try:
            yield con
        finally:
            con.close()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        # A CLI decision, `wsparcie status` or a publication holds the file for a second or
        # two: wait that out instead of showing an error; the nightly run (minutes) gets a 503.
        deadline = time.monotonic() + self.settings.busy_wait_seconds
        pause = 0.1
        while True:
            try:
                return connect(self.settings.db)
            except WarehouseError as exc:
                cause = exc.__cause__
                if not (isinstance(cause, duckdb.IOException) and "lock" in str(cause).lower()):
                    raise
                if time.monotonic() + pause > deadline:
                    raise WarehouseBusy(str(cause)) from exc
            time.sleep(pause)
            pause = min(pause * 2, 1.0)

    def render(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        html = self.env.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status_code=status)

    def error_page(self, request: Request, status: int, message: str) -> HTMLResponse:
        response = self.render(request, "error.html", status, message=message, code=status)
        if status == 503:
            response.headers["Retry-After"] = "120"
        return response

    def _set_cookie(self, response: Response, name: str, value: str) -> None:
        response.set_cookie(
            name,
            value,
            httponly=True,
            samesite="strict",
            secure=self.settings.secure_cookies,
            path="/",
        )

    def session_id(self, request: Request) -> str | None:
        signed = request.cookies.get(SESSION_COOKIE)
        return unsign(self.secret, signed) if signed else None

    def user_of(self, request: Request, con: duckdb.DuckDBPyConnection) -> tuple[User, str]:
        session_id = self.session_id(request)
        user = session_user(con, session_id) if session_id else None
        if user is None or session_id is None:
            path = request.url.path
            raise LoginRequired(path + (f"?{request.url.query}" if request.url.query else ""))
        return user, session_id

    def check_form_csrf(self, session_id: str, form: dict[str, str]) -> None:
        if not check_csrf(self.secret, session_id, form.get("csrf")):
            raise Refused(403, CSRF_MESSAGE)

    # --- login ----------------------------------------------------------------------------

    def login_form(self, request: Request) -> Response:
        session_id = self.session_id(request)
        if session_id:
            with self.warehouse() as con:
                if session_user(con, session_id) is not None:
                    return RedirectResponse("/kolejka", status_code=303)
        signed = request.cookies.get(LOGIN_COOKIE)
        nonce = unsign(self.secret, signed) if signed else None
        fresh = nonce is None
        nonce = nonce or new_token()
        response = self._login_page(request, nonce, request.query_params.get("dalej"), None, 200)
        if fresh:
            self._set_cookie(response, LOGIN_COOKIE, sign(self.secret, nonce))
        return response

    def _login_page(
        self, request: Request, nonce: str, next_path: str | None, error: str | None, status: int
    ) -> HTMLResponse:
        return self.render(
            request,
            "login.html",
            status,
            csrf=csrf_token(self.secret, f"login:{nonce}"),
            next_path=_safe_next(next_path),
            error=error,
        )

    def login(self, request: Request, form: dict[str, str]) -> Response:
        signed = request.cookies.get(LOGIN_COOKIE)
        nonce = unsign(self.secret, signed) if signed else None
        if nonce is None or not check_csrf(self.secret, f"login:{nonce}", form.get("csrf")):
            raise Refused(403, CSRF_MESSAGE)
        login = form.get("login", "").strip()
        password = form.get("haslo", "")
        address = request.client.host if request.client else "-"
        next_path = _safe_next(form.get("dalej"))
        limit = self.settings.rate_limit
        now = datetime.now(UTC)
        with self.warehouse() as con:
            if not reserve_login_attempt(con, limit, login, address, now):
                minutes = round(limit.window_seconds / 60)
                raise Refused(
                    429,
                    f"Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {minutes} minut.",
                )
            user = authenticate(con, login, password) if login and password else None
            if user is not None:
                clear_login_failures(con, login, address)
            session_id = create_session(con, user.login, self.settings.session_ttl) if user else ""
        if user is None:
            log.info("failed login for %r from %s", login, address)
            return self._login_page(
                request, nonce, next_path, "Nieprawidłowy login lub hasło.", 401
            )
        response = RedirectResponse(next_path, status_code=303)
        self._set_cookie(response, SESSION_COOKIE, sign(self.secret, session_id))
        response.delete_cookie(LOGIN_COOKIE, path="/")
        return response

    def logout(self, request: Request, form: dict[str, str]) -> Response:
        with self.warehouse() as con:
            _user, session_id = self.user_of(request, con)
            self.check_form_csrf(session_id, form)
            end_session(con, session_id)
        response = RedirectResponse("/logowanie", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # --- queue and cases ------------------------------------------------------------------

    def queue(self, request: Request) -> Response:
        query = QueueQuery.from_request(request)
        size = self.settings.page_size
        with self.warehouse() as con:
            user, session_id = self.user_of(request, con)
            cases = list_cases(
                con, user, query.to_filter(), limit=size + 1, offset=(query.page - 1) * size
            )
            counts = count_cases(con, user, query.to_filter())
            counties, sectors = scope_options(con, user)
            county_name = county_names(con)
            names = record_names(con, [r for c in cases for r in c.case.record_ids()])
            institutions = institution_names(
                con, [c.case.institution_id for c in cases if c.case.institution_id]
            )
        return self.render(
            request,
            "queue.html",
            user=user,
            csrf=csrf_token(self.secret, session_id),
            cases=cases[:size],
            more=len(cases) > size,
            counts=counts,
            counties=counties,
            sectors=sectors,
            county_name=county_name,
            names=names,
            institutions=institutions,
            query=query,
            saved=request.query_params.get("zapisano"),
        )

    def _visible_case(self, con: duckdb.DuckDBPyConnection, user: User, case_id: str) -> StoredCase:
        stored = get_case(con, case_id)
        # Someone else's case answers exactly like a missing one: its id reveals nothing.
        if stored is None or not user.may_see(stored.case.counties):
            raise Refused(404, NOT_FOUND_MESSAGE)
        return stored

    def _not_theirs(
        self, con: duckdb.DuckDBPyConnection, user: User, case: ReviewCase
    ) -> list[str]:
        """Names of the counties of a case that are not the user's (none: they may decide)."""
        if user.may_decide(case.counties):
            return []
        names = county_names(con)
        return [names.get(c, c) for c in case.counties if c not in user.counties]

    def case_page(self, request: Request, case_id: str) -> Response:
        query = QueueQuery.from_request(request)
        with self.warehouse() as con:
            user, session_id = self.user_of(request, con)
            stored = self._visible_case(con, user, case_id)
            views = record_views(con, stored.case.record_ids())
            history = decision_history(con, case_id)
            previous, following = neighbours(con, user, query.to_filter(), case_id)
            county_name = county_names(con)
            institutions = institution_names(
                con, [stored.case.institution_id] if stored.case.institution_id else []
            )
            other_counties = self._not_theirs(con, user, stored.case)
        return self.render(
            request,
            "name_case.html" if stored.case.kind == "acronym_name" else "case.html",
            user=user,
            csrf=csrf_token(self.secret, session_id),
            stored=stored,
            case=stored.case,
            views=views,
            view_of={v.record_id: v for v in views},
            rows=side_by_side(views),
            evidence=sorted(stored.case.evidence, key=lambda e: -abs(e.weight)),
            history=history,
            current=next((d for d in history if d.superseded_by is None), None),
            previous=previous,
            following=following,
            county_name=county_name,
            institutions=institutions,
            query=query,
            saved=request.query_params.get("zapisano"),
            other_counties=other_counties,
        )

    def decide(self, request: Request, case_id: str, form: dict[str, str]) -> Response:
        query = QueueQuery.from_request(request)
        with self.warehouse() as con:
            user, session_id = self.user_of(request, con)
            self.check_form_csrf(session_id, form)
            stored = self._visible_case(con, user, case_id)
            other_counties = self._not_theirs(con, user, stored.case)
            if other_counties:
                log.info(
                    "refused decision on %s by %s: spans %s",
                    case_id,
                    user.login,
                    stored.case.counties,
                )
                raise Refused(403, spanning_message(other_counties))
            _previous, following = neighbours(con, user, query.to_filter(), case_id)
            try:
                record_decision(
                    con,
                    case_id,
                    form.get("verdict", ""),
                    user.login,
                    comment=form.get("komentarz"),
                    chosen_value=form.get("wartosc") or None,
                )
            except ReviewError as exc:
                log.info("refused decision on %s by %s: %s", case_id, user.login, exc)
                message = (
                    "Wybierz wartość, która jest aktualna."
                    if form.get("verdict") == "value_current" and not form.get("wartosc")
                    else "Wpisz pełną nazwę instytucji (kilka słów, nie sam skrót)."
                    if form.get("verdict") == "full_name"
                    else "Nie można zapisać tej decyzji: formularz jest niekompletny."
                )
                raise Refused(400, message) from exc
        log.info("decision on %s by %s: %s", case_id, user.login, form.get("verdict"))
        saved = query.query(page=1) + ("&" if query.query(page=1) else "?") + f"zapisano={case_id}"
        target = f"/sprawa/{following}{saved}" if following else f"/kolejka{saved}"
        return RedirectResponse(target, status_code=303)


def spanning_message(other_counties: list[str]) -> str:
    """Why a coordinator may look at a case but not decide it (shown on the page and on a
    refused decision)."""
    counties = ", ".join(other_counties)
    return (
        "Ta sprawa dotyczy także instytucji lub rekordów spoza Twoich powiatów"
        f" (powiat {counties}). Tę sprawę rozstrzyga administrator albo koordynator"
        " wszystkich tych powiatów."
    )


async def read_form(request: Request) -> dict[str, str]:
    """The url-encoded form body (the only kind these pages send), last value per name."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise Refused(415, "Nieobsługiwany rodzaj formularza.")
    # Anyone can post to the login form: refuse a large body on its declared length, and read
    # an undeclared (chunked) one only up to the cap, never the whole of it first.
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise Refused(400, "Nieczytelny formularz.")
    if declared is not None and int(declared) > MAX_FORM_BYTES:
        raise Refused(413, "Formularz jest zbyt duży.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise Refused(413, "Formularz jest zbyt duży.")
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused(400, "Nieczytelny formularz.") from exc
    return {name: values[-1] for name, values in parsed.items()}


Form = Annotated[dict[str, str], Depends(read_form)]

_SECURITY_HEADERS = {
    # No inline script or style anywhere: even a value that escaped escaping could not run.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def create_app(settings: AppSettings) -> FastAPI:
    """The review app over the warehouse at `settings.db`."""
    handlers = _App(settings)
    app = FastAPI(
        title="wsparcie — przegląd dopasowań", docs_url=None, redoc_url=None, openapi_url=None
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        if settings.secure_cookies:
            response.headers["Strict-Transport-Security"] = HSTS
        return response

    @app.exception_handler(WarehouseBusy)
    async def busy(request: Request, exc: WarehouseBusy) -> Response:
        return handlers.error_page(request, 503, BUSY_MESSAGE)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        target = "/logowanie"
        if request.method == "GET" and exc.next_path not in ("/", "/kolejka"):
            target += "?" + urlencode({"dalej": exc.next_path})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return handlers.error_page(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "Nie ma takiej strony." if exc.status_code == 404 else "Błędne żądanie."
        return handlers.error_page(request, exc.status_code, message)

    @app.get("/")
    def index() -> Response:
        return RedirectResponse("/kolejka", status_code=303)

    @app.get("/logowanie")
    def login_form(request: Request) -> Response:
        return handlers.login_form(request)

    @app.post("/logowanie")
    def login(request: Request, form: Form) -> Response:
        return handlers.login(request, form)

    @app.post("/wylogowanie")
    def logout(request: Request, form: Form) -> Response:
        return handlers.logout(request, form)

    @app.get("/kolejka")
    def queue(request: Request) -> Response:
        return handlers.queue(request)

    @app.get("/sprawa/{case_id}")
    def case_page(request: Request, case_id: str) -> Response:
        return handlers.case_page(request, case_id)

    @app.post("/sprawa/{case_id}")
    def decide(request: Request, case_id: str, form: Form) -> Response:
        return handlers.decide(request, case_id, form)

    return app
