"""Passwords, signed cookies, CSRF tokens and the login rate limit of the review app.

Standard library only: scrypt from hashlib, HMAC-SHA256 for signatures, `secrets` for
randomness. The signing secret comes from WSPARCIE_REVIEW_SECRET or a file beside the
warehouse (created once, readable by its owner only), so restarting the app keeps everyone
logged in and two app processes on one warehouse agree.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

SECRET_ENV = "WSPARCIE_REVIEW_SECRET"
SECRET_FILE_NAME = "review_secret"

# OWASP's guidance for scrypt (Password Storage Cheat Sheet): N=2**17, r=8, p=1, 128 MiB per
# hash. Measured here (benchmarks/scrypt_cost.py, 2-core machine under load 5.7): 0.39 s per
# hash, against 0.03 s for the 2**14 used before — a slow login for a person, 13 times slower
# for a guesser with a stolen warehouse. Hashes made at a lower cost are redone at login.
_SCRYPT_N = 2**17
_SCRYPT_R = 8
_SCRYPT_P = 1
_SCRYPT_LEN = 32
# Room for one hash at the cost above with the library's overhead (and for no stored hash that
# asks for more: a tampered row must not make the app allocate gigabytes).
_SCRYPT_MAXMEM = 2 * 128 * _SCRYPT_R * _SCRYPT_N * _SCRYPT_P
# Each hash holds 128 MiB for its duration: at most two at once, whatever the number of login
# requests in flight (the others wait their turn rather than exhaust the memory).
_HASHING = threading.BoundedSemaphore(2)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    with _HASHING:
        return hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=_SCRYPT_MAXMEM
        )


class SecurityError(Exception):
    """A secret or a stored password hash is unusable; the message says which and why."""


def hash_password(password: str) -> str:
    """`scrypt$n$r$p$salt$hash` (hex), with a fresh random salt."""
    if not password:
        raise ValueError("the password is empty")
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P, _SCRYPT_LEN)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise SecurityError(f"not a scrypt password hash: {stored[:12]!r}…")
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        return n, r, p, bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError as exc:
        raise SecurityError(f"malformed scrypt password hash: {exc}") from exc


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches a hash made by `hash_password` (constant-time compare)."""
    n, r, p, salt, expected = _parse(stored)
    try:
        digest = _scrypt(password, salt, n, r, p, len(expected))
    except ValueError as exc:  # a cost beyond _SCRYPT_MAXMEM, or not a power of two
        raise SecurityError(f"unusable scrypt parameters n={n} r={r} p={p}: {exc}") from exc
    return hmac.compare_digest(digest, expected)


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash was made at a lower cost than `hash_password` uses now."""
    n, r, p, _salt, _digest = _parse(stored)
    return n * r * p < _SCRYPT_N * _SCRYPT_R * _SCRYPT_P


def load_secret(db: Path) -> bytes:
    """The signing secret: WSPARCIE_REVIEW_SECRET, else `<db folder>/review_secret` (made once)."""
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        if len(from_env) < 16:
            raise SecurityError(f"{SECRET_ENV} is too short: use at least 16 characters")
        return from_env.encode("utf-8")
    path = db.parent / SECRET_FILE_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting at once must not overwrite each other's secret.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(secrets.token_hex(32))
    text = path.read_text(encoding="ascii").strip()
    if len(text) < 32:
        raise SecurityError(f"{path}: the review secret is missing or too short")
    return text.encode("ascii")


def sign(secret: bytes, value: str) -> str:
    """`value.signature` — the signature binds the value to this installation's secret."""
    mac = hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{value}.{mac}"


def unsign(secret: bytes, signed: str) -> str | None:
    """The value of a `sign`ed string, or None when the signature does not match."""
    value, _, mac = signed.rpartition(".")
    if not value or not mac:
        return None
    expected = hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()
    return value if hmac.compare_digest(mac, expected) else None


def csrf_token(secret: bytes, bound_to: str) -> str:
    """A token for every form of one session (or one pre-login nonce); never stored."""
    return hmac.new(secret, f"csrf:{bound_to}".encode(), hashlib.sha256).hexdigest()


def check_csrf(secret: bytes, bound_to: str, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(csrf_token(secret, bound_to), token or "")


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most `failures` failed logins per (login, address), and `per_login` per login from
    any address (a guesser spreading over many addresses), within `window_seconds`."""

    failures: int = 5
    window_seconds: float = 15 * 60
    per_login: int = 20
