"""Attacks on the review app, each against the real app served by uvicorn on 127.0.0.1 over a
real DuckDB warehouse (issue 14): what an attacker on the network, or a coordinator of another
county, tried — and what must happen instead.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest
import requests
from security_helpers import LiveServer, csrf_of, live_review_app, log_in, login_form
from test_review_store import build_warehouse, sample_cases

from review.accounts import add_user
from review.app import AppSettings
from review.security import RateLimit
from transforms.er.review import ConflictCase, PairCase
from warehouse.review_queue import case_key, cases_from_matcher, upsert_cases

PASSWORD = "bezpieczne-hasło-1"


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_warehouse(tmp_path_factory.mktemp("security-template") / "directory.duckdb")
    with duckdb.connect(str(db)) as con:
        upsert_cases(con, "run1", sample_cases())
        add_user(con, "ola", PASSWORD, ["2610"])
        add_user(con, "jan", PASSWORD, ["2816"])
        add_user(con, "admin", PASSWORD, [], is_admin=True)
    return db


@pytest.fixture()
def db(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "directory.duckdb"
    shutil.copyfile(template_db, path)
    return path


def settings_for(db: Path) -> AppSettings:
    # Plain http on 127.0.0.1: the opt-out `wsparcie review serve --insecure-cookies` gives.
    return AppSettings(
        db=db, secret=b"s" * 32, rate_limit=RateLimit(5, 900, 20), secure_cookies=False
    )


@pytest.fixture()
def server(db: Path) -> Iterator[LiveServer]:
    with live_review_app(settings_for(db)) as live:
        yield live


def failures(db: Path, login: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT count(*) FROM review_login_failures WHERE login = ?", [login]
        ).fetchone()
    return int(row[0]) if row else 0


# --- 1. the login rate limit under parallel requests -----------------------------------------


def test_parallel_logins_cannot_overrun_the_rate_limit(server: LiveServer, db: Path) -> None:
    """Four failures, then 24 login POSTs at once for the same login (one with the right
    password): the limit of 5 per address leaves room for one more attempt, so at most one
    password is checked and every other attempt is refused with 429 before it is."""
    with requests.Session() as first:
        for _ in range(4):
            assert log_in(first, server.url, "ola", "złe-hasło-000") == 401
    assert failures(db, "ola") == 4

    attempts = 24
    gate = threading.Barrier(attempts)

    def attempt(i: int) -> int:
        with requests.Session() as session:
            token = login_form(session, server.url)
            password = PASSWORD if i == attempts - 1 else f"złe-hasło-{i:03d}"
            gate.wait(timeout=30)
            response = session.post(
                f"{server.url}/logowanie",
                data={"login": "ola", "haslo": password, "csrf": token},
                allow_redirects=False,
                timeout=60,
            )
            return int(response.status_code)

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        codes = list(pool.map(attempt, range(attempts)))

    checked = [c for c in codes if c != 429]
    assert len(checked) <= 1, f"{len(checked)} passwords were checked past the limit: {codes}"
    assert set(codes) <= {429, 401, 303}
    # the one attempt let through either failed (and counts) or was the right password
    assert failures(db, "ola") <= 5


# --- 5. sessions after a password reset; disabling an account --------------------------------


def run_cli(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str = "") -> int:
    import io

    from flows.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_a_password_reset_ends_every_session_of_the_login(
    server: LiveServer, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with requests.Session() as thief, requests.Session() as other:
        assert log_in(thief, server.url, "ola", PASSWORD) == 303
        assert log_in(other, server.url, "jan", PASSWORD) == 303
        assert thief.get(f"{server.url}/kolejka", allow_redirects=False).status_code == 200
        new = "nowe-hasło-po-wycieku"
        reset = ["review", "add-user", "ola", "--county", "2610", "--password-stdin"]
        assert run_cli(monkeypatch, [*reset, "--db", str(db)], new + "\n") == 0
        stolen = thief.get(f"{server.url}/kolejka", allow_redirects=False)
        assert stolen.status_code == 303 and stolen.headers["location"] == "/logowanie"
        assert other.get(f"{server.url}/kolejka", allow_redirects=False).status_code == 200
    with requests.Session() as owner:
        assert log_in(owner, server.url, "ola", PASSWORD) == 401
        assert log_in(owner, server.url, "ola", new) == 303


def test_disable_user_ends_sessions_and_refuses_logins_until_enabled(
    server: LiveServer, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with requests.Session() as session:
        assert log_in(session, server.url, "ola", PASSWORD) == 303
        assert run_cli(monkeypatch, ["review", "disable-user", "ola", "--db", str(db)]) == 0
        page = session.get(f"{server.url}/kolejka", allow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/logowanie"
    with requests.Session() as session:
        assert log_in(session, server.url, "ola", PASSWORD) == 401
    assert run_cli(monkeypatch, ["review", "enable-user", "ola", "--db", str(db)]) == 0
    with requests.Session() as session:
        assert log_in(session, server.url, "ola", PASSWORD) == 303
    assert run_cli(monkeypatch, ["review", "disable-user", "nikt", "--db", str(db)]) == 1


# --- 6. a huge form body, unauthenticated ---------------------------------------------------


def _raw_post(server: LiveServer, headers: list[str], body: bytes) -> bytes:
    """Send a POST to /logowanie by hand and return what the server answers within 10 s,
    without ever sending more than `body` (a server still waiting for the rest times out)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        head = ["POST /logowanie HTTP/1.1", "Host: 127.0.0.1"] + headers
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode("ascii") + body)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except TimeoutError:
            pytest.fail("the server is still reading the body instead of refusing it")
        return answer


FORM = "Content-Type: application/x-www-form-urlencoded"


def test_a_50_mb_content_length_is_refused_before_the_body_is_read(server: LiveServer) -> None:
    answer = _raw_post(server, [FORM, "Content-Length: 52428800"], b"login=" + b"a" * 65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_chunked_body_is_cut_off_at_the_cap(server: LiveServer) -> None:
    chunk = b"a" * 32768
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(8))  # 256 KiB, unended
    answer = _raw_post(server, [FORM, "Transfer-Encoding: chunked"], b"6\r\nlogin=\r\n" + body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_small_form_still_works_and_a_bad_length_is_refused(server: LiveServer) -> None:
    with requests.Session() as session:
        assert log_in(session, server.url, "ola", PASSWORD) == 303
    answer = _raw_post(server, [FORM, "Content-Length: -5"], b"")
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]


# --- 7. cookies behind a TLS proxy, HSTS, forwarded headers ---------------------------------


def serve_args(db: Path, *options: str) -> AppSettings:
    """The settings `wsparcie review serve` builds from its command line."""
    from flows.cli import build_parser
    from review.cli import app_settings

    args = build_parser().parse_args(["review", "serve", "--db", str(db), *options])
    return app_settings(args)


def login_response(server: LiveServer, session: requests.Session) -> requests.Response:
    token = login_form(session, server.url)
    return session.post(
        f"{server.url}/logowanie",
        data={"login": "ola", "haslo": PASSWORD, "csrf": token},
        allow_redirects=False,
        timeout=30,
    )


def test_serve_marks_cookies_secure_and_sends_hsts_by_default(db: Path) -> None:
    with live_review_app(serve_args(db)) as live:
        form = requests.get(f"{live.url}/logowanie", timeout=10)
        assert "Secure" in form.headers["set-cookie"]
        assert form.headers["strict-transport-security"].startswith("max-age=")
        # This client talks plain http, so it would not send a Secure cookie back by itself.
        response = requests.post(
            f"{live.url}/logowanie",
            data={"login": "ola", "haslo": PASSWORD, "csrf": csrf_of(form.text)},
            cookies={"wsparcie_logowanie": form.cookies["wsparcie_logowanie"]},
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code == 303
        session_cookie = response.headers["set-cookie"]
        assert "wsparcie_sesja=" in session_cookie and "Secure" in session_cookie
        assert "HttpOnly" in session_cookie


def test_insecure_cookies_is_an_explicit_opt_out_for_plain_local_use(db: Path) -> None:
    settings = serve_args(db, "--insecure-cookies")
    with live_review_app(settings) as live, requests.Session() as session:
        response = login_response(live, session)
        assert response.status_code == 303
        assert "Secure" not in response.headers["set-cookie"]
        assert "strict-transport-security" not in response.headers
        assert session.get(f"{live.url}/kolejka", allow_redirects=False).status_code == 200


def failure_addresses(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT address FROM review_login_failures ORDER BY 1").fetchall()
    return [str(r[0]) for r in rows]


@pytest.mark.parametrize(
    ("allowed", "counted_as"),
    [
        pytest.param(None, "127.0.0.1", id="no-proxy-configured"),
        pytest.param("10.20.30.40", "127.0.0.1", id="another-proxy"),
        pytest.param("127.0.0.1", "203.0.113.9", id="the-configured-proxy"),
    ],
)
def test_forwarded_headers_are_trusted_only_from_the_configured_proxy(
    db: Path, allowed: str | None, counted_as: str
) -> None:
    """A client spoofing X-Forwarded-For must not get a fresh rate-limit bucket per request;
    only the proxy named by --forwarded-allow-ips may say who the client is."""
    options = ["--insecure-cookies"] + (["--forwarded-allow-ips", allowed] if allowed else [])
    settings = serve_args(db, *options)
    with live_review_app(settings, forwarded_allow_ips=allowed) as live:
        with requests.Session() as session:
            token = login_form(session, live.url)
            response = session.post(
                f"{live.url}/logowanie",
                data={"login": "ola", "haslo": "złe-hasło-000", "csrf": token},
                headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
                allow_redirects=False,
                timeout=30,
            )
        assert response.status_code == 401
    assert failure_addresses(db) == [counted_as]


# --- 2. a case that reaches into another county ---------------------------------------------


def add_row_of_county_a_into_an_institution_of_county_b(db: Path) -> None:
    """A row on a county-A (2610) page carrying the phone of a Pisz (2816) court: the matcher
    put it into the court's institution, and it is the cluster's smallest record id."""
    with duckdb.connect(str(db)) as con:
        con.execute(
            "INSERT INTO sources VALUES ('src_ra0', 'Powiat skarżyski — adresy', '2610',"
            " 'directory_page', 'https://powiat.example/adresy', 'table', NULL, 1, NULL, 'test',"
            " now())"
        )
        con.execute(
            """
            INSERT INTO raw_records (record_id, source, url, document_sha256, fetched_at, role,
                name_raw, street_raw, phones_raw, emails_raw, websites_raw, first_seen_at,
                last_seen_at, active)
            VALUES ('ra0', 'src_ra0', 'https://powiat.example/adresy', 'sha', now(), 'row',
                'Sąd Rejonowy w Piszu', 'ul. Inna 5', ['+48874000001'], [], [], now(), now(), true)
            """
        )
        con.execute(
            """
            INSERT INTO records (record_id, source, role, name, name_key, core_key, type_code,
                sector, street, powiat_teryt, powiat_name, place_status, phones, emails,
                services, target_groups, fetched_at)
            VALUES ('ra0', 'src_ra0', 'row', 'Sąd Rejonowy w Piszu', 'sąd rejonowy w piszu',
                'sąd rejonowy', 'court', 'justice', 'ul. Inna 5', '2610', 'skarżyski',
                'resolved', ['+48874000001'], [], [], [], now())
            """
        )
        con.execute("INSERT INTO institution_records VALUES ('ra0', 'wsp_pisz1', 'phone')")
        conflict = ConflictCase(
            "ra0", "address", (("ul. Inna 5", ("ra0",)), ("ul. Warszawska 1", ("rp1",)))
        )
        pair = PairCase("ra0", "rp2", 0.7, ())
        cases = cases_from_matcher(
            con, [pair], [conflict], review_threshold=0.5, match_threshold=0.9
        )
        upsert_cases(con, "run2", [*sample_cases(), *cases])
        add_user(con, "ewa", PASSWORD, ["2610", "2816"])


def decide(session: requests.Session, base: str, case_id: str, form: dict[str, str]) -> int:
    page = session.get(f"{base}/sprawa/{case_id}", allow_redirects=False, timeout=10)
    assert page.status_code == 200, page.status_code
    response = session.post(
        f"{base}/sprawa/{case_id}",
        data={**form, "csrf": csrf_of(page.text)},
        allow_redirects=False,
        timeout=30,
    )
    return int(response.status_code)


def decision_logins(db: Path, case_id: str) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT login FROM review_decisions WHERE case_id = ? ORDER BY decided_at", [case_id]
        ).fetchall()
    return [str(r[0]) for r in rows]


def test_a_case_spanning_counties_is_decided_only_by_whoever_holds_them_all(db: Path) -> None:
    add_row_of_county_a_into_an_institution_of_county_b(db)
    conflict = case_key("field_conflict", None, None, "wsp_pisz1", "address")
    pair = case_key("pair", "ra0", "rp2", None, None)
    keep_a = {"verdict": "value_current", "wartosc": "ul. Inna 5"}
    with live_review_app(settings_for(db)) as live:
        for login in ("ola", "jan"):  # a coordinator of only one of the two counties
            with requests.Session() as session:
                assert log_in(session, live.url, login, PASSWORD) == 303
                queue = session.get(f"{live.url}/kolejka", timeout=10).text
                assert conflict in queue and pair in queue  # listed for each of them
                page = session.get(f"{live.url}/sprawa/{conflict}", timeout=10)
                assert page.status_code == 200
                assert "Tę sprawę rozstrzyga administrator" in page.text
                assert "piski" in page.text and "skarżyski" in page.text
                assert 'id="decision"' not in page.text
                assert decide(session, live.url, conflict, keep_a) == 403
                assert decide(session, live.url, pair, {"verdict": "same"}) == 403
        assert decision_logins(db, conflict) == [] and decision_logins(db, pair) == []
        for login in ("ewa", "admin"):  # every county of the case, or all of them
            with requests.Session() as session:
                assert log_in(session, live.url, login, PASSWORD) == 303
                assert decide(session, live.url, conflict, keep_a) == 303
    assert decision_logins(db, conflict) == ["ewa", "admin"]


def test_a_case_of_one_county_stays_with_its_coordinator(db: Path) -> None:
    add_row_of_county_a_into_an_institution_of_county_b(db)
    own = case_key("pair", "rp1", "rp2", None, None)  # both records and institutions in Pisz
    with live_review_app(settings_for(db)) as live, requests.Session() as session:
        assert log_in(session, live.url, "ola", PASSWORD) == 303
        page = session.get(f"{live.url}/sprawa/{own}", allow_redirects=False, timeout=10)
        assert page.status_code == 404
        assert own not in session.get(f"{live.url}/kolejka", timeout=10).text
    with live_review_app(settings_for(db)) as live, requests.Session() as session:
        assert log_in(session, live.url, "jan", PASSWORD) == 303
        assert decide(session, live.url, own, {"verdict": "different"}) == 303
    assert decision_logins(db, own) == ["jan"]
