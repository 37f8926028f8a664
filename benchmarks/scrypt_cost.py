"""What a review-app password costs on this machine: scrypt at several costs, and a whole login
against the live app (uvicorn on 127.0.0.1, a real warehouse), at the cost review.security uses.

    flock /work/bench.lock .venv/bin/python benchmarks/scrypt_cost.py

Prints the median of REPEATS for each; paste the figures (with `cat /proc/loadavg`) into
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import hashlib
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

REPEATS = 7


def _median_seconds(fn: object, repeats: int = REPEATS) -> float:
    assert callable(fn)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scrypt_costs() -> None:
    salt = secrets.token_bytes(16)
    for log_n in (14, 15, 16, 17):
        n = 2**log_n
        seconds = _median_seconds(
            lambda n=n: hashlib.scrypt(
                b"bezpieczne-haslo-1", salt=salt, n=n, r=8, p=1, dklen=32, maxmem=512 * 2**20
            )
        )
        print(f"scrypt N=2^{log_n} r=8 p=1 ({128 * 8 * n // 2**20} MiB): {seconds * 1000:.0f} ms")


def live_login() -> None:
    from security_helpers import live_review_app, log_in
    from test_review_store import build_warehouse

    from review.accounts import add_user
    from review.app import AppSettings
    from review.security import RateLimit
    from warehouse.db import open_warehouse

    with tempfile.TemporaryDirectory() as tmp:
        db = build_warehouse(Path(tmp) / "directory.duckdb")
        with open_warehouse(db) as con:
            add_user(con, "ola", "bezpieczne-haslo-1", ["2610"])
        settings = AppSettings(
            db=db, secret=b"s" * 32, secure_cookies=False, rate_limit=RateLimit(1000, 900, 1000)
        )
        with live_review_app(settings) as live:

            def one_login() -> None:
                with requests.Session() as session:
                    assert log_in(session, live.url, "ola", "bezpieczne-haslo-1") == 303

            def one_failure() -> None:
                with requests.Session() as session:
                    assert log_in(session, live.url, "ola", "zle-haslo-000") == 401

            print(f"live login (form + POST + session): {_median_seconds(one_login) * 1000:.0f} ms")
            print(f"live failed login: {_median_seconds(one_failure) * 1000:.0f} ms")


if __name__ == "__main__":
    scrypt_costs()
    live_login()
