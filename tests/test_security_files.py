"""Credentials and data at rest (issue 14): the files wsparcie writes, checked on disk — the
warehouse, its write-ahead log and spill folder, the analysts' snapshot, the publication — and
what the warehouse keeps of sessions and passwords, after a login to the live review app.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import requests
from directory_factory import build_directory
from security_helpers import live_review_app, log_in
from test_review_store import build_warehouse

from review.accounts import add_user
from review.app import SESSION_COOKIE, AppSettings
from review.security import hash_password, unsign
from warehouse.db import connect
from warehouse.publish import SNAPSHOT_NAME, write_publication

PASSWORD = "bezpieczne-hasło-1"
SECRET = b"s" * 32


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture()
def default_umask() -> Iterator[None]:
    """A process as a shell starts it (umask 022), whatever earlier tests did to this one."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


# --- 9. files at rest --------------------------------------------------------------------------


def test_the_warehouse_its_log_and_spill_folder_are_private(
    tmp_path: Path, default_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "directory.duckdb"
    monkeypatch.setenv("WSPARCIE_DUCKDB_MEMORY_LIMIT", "48MB")
    con = connect(db)
    try:
        assert mode(db) == 0o600
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        wal = db.with_name(db.name + ".wal")
        assert wal.exists() and mode(wal) == 0o600
        # A sort larger than the memory limit spills beside the warehouse.
        con.execute("SET threads = 1")
        con.execute(
            "SELECT max(s) FROM (SELECT s FROM (SELECT md5(range::VARCHAR) || md5(range::VARCHAR)"
            " AS s FROM range(1500000)) ORDER BY s OFFSET 10)"
        ).fetchall()
        spill = db.with_name(db.name + ".tmp")
        assert spill.is_dir() and mode(spill) == 0o700
    finally:
        con.close()
    assert mode(db) == 0o600


def test_an_existing_world_readable_warehouse_is_closed_to_others(
    tmp_path: Path, default_umask: None
) -> None:
    db = tmp_path / "directory.duckdb"
    duckdb.connect(str(db)).close()  # as an older wsparcie left it
    os.chmod(db, 0o644)
    connect(db).close()
    assert mode(db) & 0o007 == 0


def test_the_snapshot_is_readable_by_the_group_and_the_publication_by_all(
    tmp_path: Path, default_umask: None
) -> None:
    con = build_directory(tmp_path / "w.duckdb")
    try:
        publication = write_publication(con, tmp_path / "out")
    finally:
        con.close()
    assert publication.snapshot is not None
    assert publication.snapshot.name == SNAPSHOT_NAME
    assert mode(publication.snapshot) == 0o640
    assert mode(publication.path) == 0o755
    for path in publication.path.rglob("*"):
        assert mode(path) == (0o755 if path.is_dir() else 0o644), path
    assert mode(tmp_path / "out") == 0o755  # made by the publication: open to the web server


# --- 9. sessions and passwords in the warehouse -------------------------------------------------


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = build_warehouse(tmp_path / "directory.duckdb")
    with duckdb.connect(str(path)) as con:
        add_user(con, "ola", PASSWORD, ["2610"])
    return path


def test_the_warehouse_keeps_a_hash_of_each_session_never_its_id(db: Path) -> None:
    settings = AppSettings(db=db, secret=SECRET, secure_cookies=False)
    with live_review_app(settings) as live, requests.Session() as session:
        assert log_in(session, live.url, "ola", PASSWORD) == 303
        session_id = unsign(SECRET, session.cookies[SESSION_COOKIE])
        assert session_id
        assert session.get(f"{live.url}/kolejka", allow_redirects=False).status_code == 200
    with duckdb.connect(str(db), read_only=True) as con:
        stored = [
            str(v) for row in con.execute("SELECT * FROM review_sessions").fetchall() for v in row
        ]
    assert session_id not in stored
    assert hashlib.sha256(session_id.encode("ascii")).hexdigest() in stored


def scrypt_n(db: Path, login: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT password_hash FROM review_users WHERE login = ?", [login]
        ).fetchone()
    assert row is not None
    return int(str(row[0]).split("$")[1])


def test_passwords_are_hashed_at_the_current_scrypt_cost(db: Path) -> None:
    assert scrypt_n(db, "ola") >= 2**17


def test_an_older_cheaper_hash_is_replaced_at_the_next_successful_login(db: Path) -> None:
    old = _hash_at(PASSWORD, 2**14)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE review_users SET password_hash = ? WHERE login = 'ola'", [old])
    settings = AppSettings(db=db, secret=SECRET, secure_cookies=False)
    with live_review_app(settings) as live:
        with requests.Session() as session:
            assert log_in(session, live.url, "ola", "złe-hasło-000") == 401
        assert scrypt_n(db, "ola") == 2**14  # a wrong password changes nothing
        with requests.Session() as session:
            assert log_in(session, live.url, "ola", PASSWORD) == 303
        assert scrypt_n(db, "ola") >= 2**17
        with requests.Session() as session:
            assert log_in(session, live.url, "ola", PASSWORD) == 303


def _hash_at(password: str, n: int) -> str:
    """A hash in the stored format at another cost, as an older wsparcie wrote it."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=8, p=1, dklen=32)
    return f"scrypt${n}$8$1${salt.hex()}${digest.hex()}"


def test_hash_password_is_the_format_verify_reads() -> None:
    from review.security import verify_password

    stored = hash_password(PASSWORD)
    assert verify_password(PASSWORD, stored) and not verify_password("inne-hasło", stored)
    assert verify_password(PASSWORD, _hash_at(PASSWORD, 2**14))
