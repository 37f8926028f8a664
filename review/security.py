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
from dataclasses import dataclass
from pathlib import Path

SECRET_ENV = "WSPARCIE_REVIEW_SECRET"
SECRET_FILE_NAME = "review_secret"

# scrypt at n=2**14, r=8 costs ~16 MiB and some 50 ms here: slow for a guesser, fine for a login.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SCRYPT_LEN = 32


class SecurityError(Exception):
    """A secret or a stored password hash is unusable; the message says which and why."""


def hash_password(password: str) -> str:
    """`scrypt$n$r$p$salt$hash` (hex), with a fresh random salt."""
    if not password:
        raise ValueError("the password is empty")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=_SCRYPT_N,
        r=_SCRYPT_R,
        p=_SCRYPT_P,
        dklen=_SCRYPT_LEN,
        maxmem=64 * 1024 * 1024,
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches a hash made by `hash_password` (constant-time compare)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise SecurityError(f"not a scrypt password hash: {stored[:12]!r}…")
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError as exc:
        raise SecurityError(f"malformed scrypt password hash: {exc}") from exc
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=len(expected),
        maxmem=256 * 1024 * 1024,
    )
    return hmac.compare_digest(digest, expected)


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
