"""Shared test fixtures: where the real third-party data lives (../shared beside the checkout)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The fetcher refuses internal addresses (extractors/address_guard.py); the tests' servers run
# on loopback, so the test session allows loopback explicitly, as the demo does for its own
# server (tests/test_security_fetch.py takes it away again). Subprocesses inherit it.
os.environ["WSPARCIE_FETCH_ALLOW"] = "127.0.0.1,::1"

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`: the real registries, spreadsheets and saved pages (read, never copied)."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"../shared/data is missing: expected it at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session", autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes this machine user's wsparcie state, data or settings: the last
    run's record (XDG_STATE_HOME) and an updated gazetteer (XDG_DATA_HOME) live in the
    session's tmp folder, and WSPARCIE_DB / WSPARCIE_OUT are unset (flows/settings.py)."""
    base = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_STATE_HOME", str(base / "state"))
        env.setenv("XDG_DATA_HOME", str(base / "data"))
        env.delenv("WSPARCIE_DB", raising=False)
        env.delenv("WSPARCIE_OUT", raising=False)
        yield


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server for every flow run of the session (it costs 10–70 s)."""
    from nightly_helpers import shared_prefect_server

    import flows  # noqa: F401 - quiet Prefect defaults before Prefect is imported

    shared_prefect_server()
    yield


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    helpers = sys.modules.get("nightly_helpers")  # loaded only when a flow test ran
    if helpers is not None:
        helpers.stop_shared_prefect_server()
