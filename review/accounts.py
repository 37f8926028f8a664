"""Review accounts and login sessions, kept in the warehouse beside the cases.

A coordinator reviews the cases of their counties (TERYT powiat codes); an admin reviews every
county. Passwords are stored as scrypt hashes; a session is a row that a signed cookie names
(by the SHA-256 of its id: the id itself is only in the cookie), so logging out, a password
reset or disabling an account ends it at once.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import duckdb

from review.security import RateLimit, hash_password, needs_rehash, verify_password
from warehouse.db import transaction


class AccountError(ValueError):
    """An account the store cannot create as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class User:
    login: str
    counties: tuple[str, ...]
    is_admin: bool
    disabled: bool = False

    def may_see(self, counties: Sequence[str]) -> bool:
        """Whether a case touching `counties` is shown: to an admin always, to a coordinator
        when one of them is theirs (never a case without a county)."""
        return self.is_admin or any(c in self.counties for c in counties)

    def may_decide(self, counties: Sequence[str]) -> bool:
        """Whether a case touching `counties` may be decided: by an admin, or by a coordinator
        of every one of them — a decision about an institution changes what its county's
        directory publishes, so another county's coordinator cannot take it."""
        return self.is_admin or (bool(counties) and all(c in self.counties for c in counties))


def _check_login(login: str) -> str:
    login = login.strip()
    if not login or len(login) > 64 or any(c.isspace() for c in login):
        raise AccountError(f"bad login {login!r}: 1–64 characters, no spaces")
    return login


def _check_counties(counties: Iterable[str]) -> tuple[str, ...]:
    result = tuple(dict.fromkeys(c.strip() for c in counties))
    for county in result:
        if len(county) != 4 or not county.isdigit():
            raise AccountError(f"bad county {county!r}: a powiat is a 4-digit TERYT code")
    return result


def add_user(
    con: duckdb.DuckDBPyConnection,
    login: str,
    password: str,
    counties: Sequence[str],
    *,
    is_admin: bool = False,
) -> User:
    """Create an account, or reset the password and counties of an existing one. A reset ends
    every session of the login: whoever logged in with the old password is out."""
    login = _check_login(login)
    teryt = _check_counties(counties)
    if not teryt and not is_admin:
        raise AccountError(f"user {login}: a coordinator needs at least one county (--county)")
    if len(password) < 8:
        raise AccountError(f"user {login}: the password must have at least 8 characters")
    password_hash = hash_password(password)
    with transaction(con):
        con.execute(
            """
            INSERT INTO review_users VALUES (?, ?, ?, ?, ?, false)
            ON CONFLICT (login) DO UPDATE SET password_hash = excluded.password_hash,
                counties = excluded.counties, is_admin = excluded.is_admin, disabled = false
            """,
            [login, password_hash, list(teryt), is_admin, datetime.now(UTC)],
        )
        con.execute("DELETE FROM review_sessions WHERE login = ?", [login])
    return User(login, teryt, is_admin)


def get_user(con: duckdb.DuckDBPyConnection, login: str) -> User | None:
    row = con.execute(
        "SELECT login, counties, is_admin, disabled FROM review_users WHERE login = ?", [login]
    ).fetchone()
    if row is None:
        return None
    return User(str(row[0]), tuple(row[1]), bool(row[2]), bool(row[3]))


def list_users(con: duckdb.DuckDBPyConnection) -> list[User]:
    rows = con.execute(
        "SELECT login, counties, is_admin, disabled FROM review_users ORDER BY login"
    ).fetchall()
    return [User(str(r[0]), tuple(r[1]), bool(r[2]), bool(r[3])) for r in rows]


def disable_user(con: duckdb.DuckDBPyConnection, login: str) -> None:
    """Refuse the account's logins and end its sessions at once (its decisions stay)."""
    if get_user(con, login) is None:
        raise AccountError(f"no such user: {login}")
    with transaction(con):
        con.execute("UPDATE review_users SET disabled = true WHERE login = ?", [login])
        con.execute("DELETE FROM review_sessions WHERE login = ?", [login])


def enable_user(con: duckdb.DuckDBPyConnection, login: str) -> None:
    """Let a disabled account log in again, with the password it had."""
    if get_user(con, login) is None:
        raise AccountError(f"no such user: {login}")
    con.execute("UPDATE review_users SET disabled = false WHERE login = ?", [login])


def authenticate(con: duckdb.DuckDBPyConnection, login: str, password: str) -> User | None:
    """The user when login and password match an enabled account, else None."""
    row = con.execute(
        "SELECT password_hash FROM review_users WHERE login = ? AND NOT disabled", [login]
    ).fetchone()
    if row is None:
        # Hash anyway, so a missing login takes as long to refuse as a wrong password.
        verify_password(password, _dummy_hash())
        return None
    stored = str(row[0])
    if not verify_password(password, stored):
        return None
    if needs_rehash(stored):
        # The password is at hand only now: bring an older, cheaper hash to today's cost.
        con.execute(
            "UPDATE review_users SET password_hash = ? WHERE login = ? AND password_hash = ?",
            [hash_password(password), login, stored],
        )
    return get_user(con, login)


@functools.cache
def _dummy_hash() -> str:
    return hash_password("wsparcie-timing-equaliser")


def session_hash(session_id: str) -> str:
    """What the warehouse keeps of a session id: its SHA-256 (the id has 256 random bits, so a
    plain hash is enough; a copy of the warehouse must not log anyone in)."""
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def create_session(
    con: duckdb.DuckDBPyConnection, login: str, ttl: timedelta = timedelta(hours=12)
) -> str:
    """A new session for `login`; returns its id, which only the cookie carries."""
    now = datetime.now(UTC)
    session_id = secrets.token_hex(32)
    with transaction(con):
        con.execute("DELETE FROM review_sessions WHERE expires_at < ?", [now])
        con.execute(
            "INSERT INTO review_sessions VALUES (?, ?, ?, ?)",
            [session_hash(session_id), login, now, now + ttl],
        )
    return session_id


def session_user(con: duckdb.DuckDBPyConnection, session_id: str) -> User | None:
    """The enabled user of a live session, else None."""
    row = con.execute(
        """
        SELECT u.login, u.counties, u.is_admin, u.disabled
        FROM review_sessions s JOIN review_users u USING (login)
        WHERE s.session_hash = ? AND s.expires_at > ? AND NOT u.disabled
        """,
        [session_hash(session_id), datetime.now(UTC)],
    ).fetchone()
    if row is None:
        return None
    return User(str(row[0]), tuple(row[1]), bool(row[2]), bool(row[3]))


def end_session(con: duckdb.DuckDBPyConnection, session_id: str) -> None:
    con.execute("DELETE FROM review_sessions WHERE session_hash = ?", [session_hash(session_id)])


# --- failed logins ------------------------------------------------------------------------
# Kept in the warehouse, not in the app's memory: every process of the app, and the app after a
# restart, counts the same failures. Logging in needs the warehouse anyway (the accounts are
# there), so while the nightly run holds it the login page answers 503 before anything counts.
#
# An attempt is counted *before* its password is checked: counting after the (slow) scrypt
# check let 24 parallel attempts all pass a check that had seen only 4 failures. The count and
# the reservation are one transaction, and those transactions take turns: DuckDB's snapshot
# isolation would otherwise let two of them count the same rows. Within a process the lock
# below orders them; across processes DuckDB's file lock does (a connection holds the file).

_RESERVATIONS = threading.Lock()


def login_blocked(
    con: duckdb.DuckDBPyConnection, limit: RateLimit, login: str, address: str, now: datetime
) -> bool:
    """True when `login` failed too often lately, from `address` or from anywhere."""
    since = now - timedelta(seconds=limit.window_seconds)
    row = con.execute(
        """
        SELECT count(*) FILTER (WHERE address = ?), count(*)
        FROM review_login_failures WHERE login = ? AND failed_at > ?
        """,
        [address, login.casefold(), since],
    ).fetchone()
    from_address, from_anywhere = row if row else (0, 0)
    return bool(from_address >= limit.failures or from_anywhere >= limit.per_login)


def reserve_login_attempt(
    con: duckdb.DuckDBPyConnection, limit: RateLimit, login: str, address: str, now: datetime
) -> bool:
    """Count an attempt as a failure before its password is checked; False (nothing counted)
    when the limit is already reached. A successful login then clears it
    (`clear_login_failures`); a failed one leaves it counted. Failures older than the window
    are dropped as it goes."""
    with _RESERVATIONS, transaction(con):
        con.execute(
            "DELETE FROM review_login_failures WHERE failed_at <= ?",
            [now - timedelta(seconds=limit.window_seconds)],
        )
        if login_blocked(con, limit, login, address, now):
            return False
        con.execute(
            "INSERT INTO review_login_failures VALUES (?, ?, ?)", [login.casefold(), address, now]
        )
    return True


def clear_login_failures(con: duckdb.DuckDBPyConnection, login: str, address: str) -> None:
    """A successful login forgets that address's failures for the login (not the others'),
    its own reserved attempt among them."""
    con.execute(
        "DELETE FROM review_login_failures WHERE login = ? AND address = ?",
        [login.casefold(), address],
    )
