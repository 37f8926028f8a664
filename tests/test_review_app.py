"""The review web app through HTTP (Starlette's TestClient): login, CSRF, county scoping,
rate limiting, escaping, and the 503 a coordinator sees while the nightly run holds the file."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from test_review_store import SCRIPT_NAME, build_warehouse, sample_cases

from review.accounts import add_user
from review.app import AppSettings, create_app
from review.security import RateLimit
from warehouse.review_queue import upsert_cases

PASSWORD = "bezpieczne-hasło-1"
CASES = sample_cases()
ARKA, SAD, SCRIPT, PHONE, NOT_INST, PISZ = (c.case_id for c in CASES)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_warehouse(tmp_path_factory.mktemp("template") / "directory.duckdb")
    with duckdb.connect(str(db)) as con:
        upsert_cases(con, "run1", CASES)
        add_user(con, "ola", PASSWORD, ["2610"])
        add_user(con, "jan", PASSWORD, ["2816"])
        add_user(con, "admin", PASSWORD, [], is_admin=True)
    return db


@pytest.fixture()
def db(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "directory.duckdb"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture()
def app_client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(db)), follow_redirects=False) as client:
        yield client


def settings_for(db: Path, busy_wait_seconds: float = 0.3) -> AppSettings:
    return AppSettings(
        db=db,
        secret=b"s" * 32,
        secure_cookies=False,  # TestClient talks plain http
        rate_limit=RateLimit(5, 900),
        busy_wait_seconds=busy_wait_seconds,
    )


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found[1]


def log_in(client: TestClient, login: str, password: str = PASSWORD) -> int:
    token = csrf_of(client.get("/logowanie").text)
    response = client.post("/logowanie", data={"login": login, "haslo": password, "csrf": token})
    return int(response.status_code)


def decisions(db: Path) -> list[tuple[str, str, str]]:
    with duckdb.connect(str(db)) as con:
        rows = con.execute("SELECT case_id, verdict, login FROM review_decisions").fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("GET", "/", id="root"),
        pytest.param("GET", "/kolejka", id="queue"),
        pytest.param("GET", f"/sprawa/{ARKA}", id="case"),
        pytest.param("GET", "/sprawa/c_nonexistent", id="missing-case"),
        pytest.param("POST", f"/sprawa/{ARKA}", id="decide"),
        pytest.param("POST", "/wylogowanie", id="logout"),
    ],
)
def test_nothing_without_login(app_client: TestClient, db: Path, method: str, path: str) -> None:
    response = app_client.request(method, path, data={"verdict": "same", "csrf": "x"})
    assert response.status_code == 303
    assert response.headers["location"].startswith(("/logowanie", "/kolejka"))
    assert "Arka" not in response.text
    assert decisions(db) == []


def test_login_sets_a_strict_http_only_cookie(app_client: TestClient) -> None:
    token = csrf_of(app_client.get("/logowanie").text)
    response = app_client.post(
        "/logowanie", data={"login": "ola", "haslo": PASSWORD, "csrf": token}
    )
    assert response.status_code == 303 and response.headers["location"] == "/kolejka"
    cookie = response.headers["set-cookie"]
    assert "wsparcie_sesja=" in cookie and "HttpOnly" in cookie
    assert "samesite=strict" in cookie.lower()
    queue = app_client.get("/kolejka")
    assert queue.status_code == 200 and "Sprawy do rozstrzygnięcia" in queue.text
    assert "default-src 'none'" in queue.headers["content-security-policy"]


def test_wrong_password_then_rate_limit(app_client: TestClient) -> None:
    for _ in range(5):
        assert log_in(app_client, "ola", "złe-hasło-000") == 401
    page = app_client.get("/logowanie")
    response = app_client.post(
        "/logowanie", data={"login": "ola", "haslo": PASSWORD, "csrf": csrf_of(page.text)}
    )
    assert response.status_code == 429
    assert "Zbyt wiele nieudanych prób logowania" in response.text
    assert log_in(app_client, "jan") == 303  # another login is not locked out


def test_rate_limit_survives_a_restart_of_the_app(app_client: TestClient, db: Path) -> None:
    for _ in range(5):
        assert log_in(app_client, "ola", "złe-hasło-000") == 401
    with TestClient(create_app(settings_for(db)), follow_redirects=False) as restarted:
        assert log_in(restarted, "ola") == 429


@pytest.mark.parametrize(
    "token",
    [pytest.param(None, id="missing"), pytest.param("0" * 64, id="wrong")],
)
def test_forms_without_the_right_csrf_token_are_refused(
    app_client: TestClient, db: Path, token: str | None
) -> None:
    form = {"login": "ola", "haslo": PASSWORD} | ({"csrf": token} if token else {})
    app_client.get("/logowanie")
    assert app_client.post("/logowanie", data=form).status_code == 403
    assert log_in(app_client, "ola") == 303
    form = {"verdict": "same"} | ({"csrf": token} if token else {})
    refused = app_client.post(f"/sprawa/{ARKA}", data=form)
    assert refused.status_code == 403 and "Formularz wygasł" in refused.text
    assert app_client.post("/wylogowanie", data=form).status_code == 403
    assert decisions(db) == []


def test_a_decision_leaves_the_queue_and_opens_the_next_case(
    app_client: TestClient, db: Path
) -> None:
    assert log_in(app_client, "ola") == 303
    queue = app_client.get("/kolejka").text
    assert queue.index(ARKA) < queue.index(SAD)  # most consequential first
    case = app_client.get(f"/sprawa/{ARKA}")
    assert case.status_code == 200
    assert "Sąd Rejonowy w Piszu" not in case.text
    response = app_client.post(
        f"/sprawa/{ARKA}",
        data={"verdict": "same", "komentarz": "ten sam adres", "csrf": csrf_of(case.text)},
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/sprawa/{SAD}?zapisano={ARKA}"
    assert decisions(db) == [(ARKA, "same", "ola")]
    assert ARKA not in app_client.get("/kolejka").text
    assert ARKA in app_client.get("/kolejka?stan=rozstrzygniete").text
    assert "ten sam adres" in app_client.get(f"/sprawa/{ARKA}").text


def test_field_conflict_needs_a_chosen_value(app_client: TestClient, db: Path) -> None:
    assert log_in(app_client, "ola") == 303
    page = app_client.get(f"/sprawa/{PHONE}").text
    token = csrf_of(page)
    assert "+48411000002" in page and "+48411000003" in page
    missing = app_client.post(f"/sprawa/{PHONE}", data={"verdict": "value_current", "csrf": token})
    assert missing.status_code == 400 and "Wybierz wartość" in missing.text
    chosen = app_client.post(
        f"/sprawa/{PHONE}",
        data={"verdict": "value_current", "wartosc": "+48411000003", "csrf": token},
    )
    assert chosen.status_code == 303
    assert decisions(db) == [(PHONE, "value_current", "ola")]


def test_another_countys_case_cannot_be_read_or_decided(app_client: TestClient, db: Path) -> None:
    assert log_in(app_client, "jan") == 303
    queue = app_client.get("/kolejka").text
    assert PISZ in queue and ARKA not in queue
    assert ARKA not in app_client.get("/kolejka?powiat=2610&stan=wszystkie").text
    page = app_client.get(f"/sprawa/{ARKA}")
    assert page.status_code == 404 and "Arka" not in page.text
    own = app_client.get(f"/sprawa/{PISZ}")
    token = csrf_of(own.text)  # a valid token of jan's own session
    forged = app_client.post(f"/sprawa/{ARKA}", data={"verdict": "different", "csrf": token})
    assert forged.status_code == 404
    assert decisions(db) == []


def test_admin_sees_every_county(app_client: TestClient) -> None:
    assert log_in(app_client, "admin") == 303
    queue = app_client.get("/kolejka").text
    assert all(case.case_id in queue for case in CASES)


def test_scraped_markup_is_escaped(app_client: TestClient) -> None:
    assert log_in(app_client, "ola") == 303
    for path in ("/kolejka", f"/sprawa/{SCRIPT}"):
        html = app_client.get(path).text
        assert "<script>window.__pwned" not in html
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    arka = app_client.get(f"/sprawa/{ARKA}").text
    assert 'href="javascript:' not in arka
    assert "javascript:alert(1)" in arka  # shown, as text
    assert SCRIPT_NAME.startswith("Fundacja <script>")


def test_logout_ends_the_session(app_client: TestClient) -> None:
    assert log_in(app_client, "ola") == 303
    token = csrf_of(app_client.get("/kolejka").text)
    assert app_client.post("/wylogowanie", data={"csrf": token}).status_code == 303
    assert app_client.get("/kolejka").status_code == 303


_HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


@contextmanager
def held(db: Path, seconds: float) -> Iterator[None]:
    """Another process (like the nightly run) holds the warehouse for `seconds`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_busy_warehouse_gives_a_polish_503(app_client: TestClient, db: Path) -> None:
    assert log_in(app_client, "ola") == 303
    with held(db, 30):
        response = app_client.get("/kolejka")
        assert response.status_code == 503
        assert "Trwa nocne przetwarzanie" in response.text
    deadline = time.monotonic() + 10
    while app_client.get("/kolejka").status_code == 503 and time.monotonic() < deadline:
        time.sleep(0.1)  # the lock goes with the killed process
    assert app_client.get("/kolejka").status_code == 200


def test_a_short_hold_is_waited_out(db: Path) -> None:
    """A CLI decision or `wsparcie status` holds the file for a moment: the page just waits."""
    with TestClient(create_app(settings_for(db, 20.0)), follow_redirects=False) as client:
        assert log_in(client, "ola") == 303
        with held(db, 1.5):
            response = client.get("/kolejka")
        assert response.status_code == 200 and "Sprawy do rozstrzygnięcia" in response.text


def test_cli_verbs_on_the_same_store(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse
    import io

    from review.cli import add_review_parser

    parser = argparse.ArgumentParser(prog="wsparcie")
    add_review_parser(parser.add_subparsers(dest="verb", required=True))

    def run(*argv: str) -> tuple[int, str]:
        args = parser.parse_args(["review", *argv])
        code = int(args.func(args))
        return code, capsys.readouterr().out

    code, out = run("list", "--db", str(db), "--county", "2816")
    assert code == 0 and PISZ in out and ARKA not in out
    code, out = run("decide", PISZ, "different", "--db", str(db), "--login", "jan")
    assert code == 0 and "Różne" in out
    assert run("decide", PISZ, "value_current", "--db", str(db), "--login", "jan")[0] == 1
    code, out = run("show", PISZ, "--db", str(db))
    assert code == 0 and '"verdict": "different"' in out and "Sąd Rejonowy w Piszu" in out
    csv_path = tmp_path / "decyzje.csv"
    assert run("export", str(csv_path), "--db", str(db)) == (
        0,
        f"1 decision(s) written to {csv_path}\n",
    )
    assert (
        run("import", str(csv_path), "--db", str(db))[1]
        == "0 decision(s) added, 1 already present\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("nowe-hasło-koordynatora\n"))
    code, out = run("add-user", "ewa", "--county", "2610", "--password-stdin", "--db", str(db))
    assert (code, out) == (0, "user ewa: 2610\n")
    settings = AppSettings(db=db, secret=b"s" * 32, secure_cookies=False)
    with TestClient(create_app(settings), follow_redirects=False) as client:
        assert log_in(client, "ewa", "nowe-hasło-koordynatora") == 303


@pytest.mark.parametrize(
    ("asked", "target"),
    [
        pytest.param("/sprawa/c_1?stan=wszystkie", "/sprawa/c_1?stan=wszystkie", id="own-page"),
        pytest.param("//evil.example/", "/kolejka", id="scheme-relative"),
        pytest.param("/\t/evil.example/", "/kolejka", id="tab-folded-by-browsers"),
        pytest.param("/\\evil.example/", "/kolejka", id="backslash"),
        pytest.param("https://evil.example/", "/kolejka", id="absolute"),
        pytest.param(None, "/kolejka", id="none"),
    ],
)
def test_login_redirects_only_inside_the_app(asked: str | None, target: str) -> None:
    from review.app import _safe_next

    assert _safe_next(asked) == target
