"""Shared test fixtures and the markers of the slow parts.

Fixtures: where the real third-party data lives (../shared beside the checkout), a session of
this machine's user kept out of the way, the one Prefect server, a Chromium browser, the national
gazetteer loaded once. What test modules import (the repository root, the `Document` builder,
the loopback HTTP server) is in `helpers.py`.

Markers: `pytest -m "not slow"` is the quick subset. A test is `slow` when it starts something
heavy or waits on purpose, and then also carries the finer marker that says why (registered in
pyproject.toml). Most are marked here, from the fixtures they use (`SLOW_FIXTURES`); the others,
slow for what they do rather than for a fixture, are listed by node id (`SLOW_TESTS`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import helpers
import pytest
from helpers import SHARED_DATA, NationalGazetteer

from warehouse.gazetteer import load_gazetteer

# The fetcher refuses internal addresses (extractors/address_guard.py); the tests' servers run
# on loopback, so the test session allows loopback explicitly, as the demo does for its own
# server (tests/test_security_fetch.py takes it away again). Subprocesses inherit it.
os.environ["WSPARCIE_FETCH_ALLOW"] = "127.0.0.1,::1"

CHROMIUM = Path("/usr/bin/chromium")

# A fixture that makes every test using it slow (directly or through another fixture), and the
# marker it gives.
SLOW_FIXTURES = {
    "prefect_harness": "prefect",  # a Prefect server (10–70 s to start) and real flow runs
    "browser": "browser",  # Chromium
    "national_gazetteer": "national",  # the national TERYT and postal-code files, loaded
}

# Tests slow for what they do, by node id: a module ("test_x.py"), or a test with or without
# its parameters ("test_x.py::test_y"). Each entry must still name a test: a renamed one fails
# the collection rather than slip into the quick subset.
SLOW_TESTS = {
    # the whole real catalogue replayed, the normalisation benchmark on real registries, the
    # shipped national gazetteer read for a place (3 s)
    "test_real_catalogue.py": "national",
    "test_normalisation_benchmark.py": "national",
    "test_gazetteer.py::test_a_warehouse_without_a_gazetteer_uses_the_national_one": "national",
    "test_inspect.py::test_cli_extract_with_url_and_options": "national",
    # invariants over every saved page or spreadsheet in ../shared/data (the field-by-field
    # tests of the same parsers stay quick)
    "test_html_pages.py::test_invariants": "corpus",
    "test_detect.py::test_saved_pages": "corpus",
    "test_spreadsheets.py::test_real_file_count_and_invariants": "corpus",
    # the whole of er-dev (20 042 records) matched in full and then incrementally (10 s)
    "test_er_incremental.py": "corpus",
    # a whole publication written and validated (frictionless, Parquet, HSDS, the snapshot)
    "test_publish.py": "publication",
    "test_publish_evidence.py": "publication",
    "test_security_publish.py": "publication",
    "test_hsds.py": "publication",
    "test_county_pages.py": "publication",
    "test_dcat.py": "publication",
    "test_api_snapshots.py": "publication",
    "test_canonical_names.py::test_acronym_only_institutions_are_held_back_and_asked_about": (
        "publication"
    ),
    # its own `prefect server start` and `wsparcie serve` subprocesses
    "test_serve.py::test_a_triggered_run_of_the_served_deployment_completes": "prefect",
    # the CLI in a fresh interpreter: each start imports Prefect, pandas and DuckDB (2–8 s)
    "test_finding_data.py::test_extract_places_a_saved_page_with_no_db": "subprocess",
    "test_finding_data.py::test_extract_gives_localities_in_the_nominative": "subprocess",
    "test_gazetteer.py::test_cli_update_says_what_it_replaced": "subprocess",
    # the golden comparison, on the output of `wsparcie demo` from scratch (a whole demo run)
    "test_nightly.py::test_the_demo_publishes_the_expected_institutions": "subprocess",
    "test_nightly.py::test_every_known_difference_still_happens": "subprocess",
    # faults that take their time: timeouts, a slow drip, a zip bomb unpacked to its cap
    "test_faults.py": "faults",
    "test_fetch.py::test_timeout_is_retried_then_fails": "faults",
    "test_fetch.py::test_slow_drip_body_hits_total_timeout": "faults",
    "test_security_inputs.py::test_a_zip_bomb_is_not_unpacked_past_the_cap": "faults",
    "test_security_inputs.py::test_an_endless_download_is_cut_off_at_the_cap": "faults",
    # a password hashed or checked at the production scrypt cost (0.4–1 s each): every login
    "test_review_app.py": "passwords",
    "test_security_review.py": "passwords",
    "test_review_store.py::test_accounts_and_sessions": "passwords",
    "test_review_store.py::test_password_hash_signature_and_csrf": "passwords",
    "test_security_files.py": "passwords",
    "test_canonical_names.py::test_the_review_app_asks_for_the_full_name": "passwords",
}

# The modules that take longest, heaviest first (each module's summed test times in a whole run:
# whole nightly runs, the CLI in subprocesses, a served deployment, the real catalogue and the
# saved pages replayed, logins at the scrypt cost). The workers are handed these first, so that
# neither starts one near the end while the other sits idle: pyproject.toml runs xdist with
# `--no-loadscope-reorder`, which keeps the collection's order of modules, and the collection
# puts these first (xdist's own order puts the modules with the most tests first, and most of
# these have few, so they came last). Every entry must name a module here.
HEAVY_FIRST = (
    "test_api.py",
    "test_html_pages.py",
    "test_real_catalogue.py",
    "test_crash.py",
    "test_finding_data.py",
    "test_nightly.py",
    "test_serve.py",
    "test_nightly_match.py",
    "test_faults.py",
    "test_review_browser.py",
    "test_review_app.py",
    "test_security_review.py",
    "test_dask.py",
    "test_er_incremental.py",
    "test_api_snapshots.py",
    "test_publish.py",
    "test_security_publish.py",
    "test_detect.py",
    "test_crawl_nightly.py",
    "test_security_files.py",
    "test_gazetteer.py",
    "test_incremental.py",
    "test_places.py",
    "test_hsds.py",
)


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
def prefect_harness() -> str:
    """One temporary Prefect server for every flow run of the session (it costs 10–70 s); its
    API URL, for a subprocess (`PREFECT_API_URL`)."""
    from nightly_helpers import shared_prefect_server

    import flows  # noqa: F401 - quiet Prefect defaults before Prefect is imported

    return shared_prefect_server()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (a `playwright.sync_api.Browser`).

    Module-scoped: Playwright's sync API runs its own event loop, which must not outlive the
    module into tests that run theirs."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture(scope="session")
def national_gazetteer(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[NationalGazetteer]:
    """TERC Adresowy 2026 + SIMC Urzędowy 2020 + PNA 2024 from ../shared/data."""
    con = duckdb.connect(str(tmp_path_factory.mktemp("national") / "gazetteer.duckdb"))
    counts = load_gazetteer(
        con,
        terc=shared_data / "teryt" / "TERC_Adresowy_2026-02-16.csv",
        simc=shared_data / "teryt" / "SIMC_Urzedowy_2020-09-26.csv",
        pna=shared_data / "postal_codes" / "pna_2024_miejscowosci.csv",
    )
    yield NationalGazetteer(con, counts)
    con.close()


def _slow_test_marker(nodeid: str) -> tuple[str, str] | None:
    """(the `SLOW_TESTS` key naming this test, its marker), or None."""
    path, _, name = nodeid.partition("::")
    module = Path(path).name
    for key in (f"{module}::{name}", f"{module}::{name.split('[', 1)[0]}", module):
        if key in SLOW_TESTS:
            return key, SLOW_TESTS[key]
    return None


@pytest.hookimpl(tryfirst=True)  # before `-m` and `-k` deselect by the markers given here
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    used: set[str] = set()
    for item in items:
        fixtures = getattr(item, "fixturenames", ())  # with the fixtures its fixtures use
        reasons = {marker for name, marker in SLOW_FIXTURES.items() if name in fixtures}
        listed = _slow_test_marker(item.nodeid)
        if listed is not None:
            used.add(listed[0])
            reasons.add(listed[1])
        for reason in sorted(reasons):
            item.add_marker(reason)
        if reasons:
            item.add_marker("slow")
        helpers.MARKERS[item.nodeid] = frozenset(m.name for m in item.iter_markers())
    missing = [name for name in HEAVY_FIRST if not (Path(__file__).parent / name).is_file()]
    if missing:
        raise pytest.UsageError(
            "tests/conftest.py HEAVY_FIRST names modules that do not exist (renamed?): "
            + ", ".join(missing)
        )
    rank = {name: place for place, name in enumerate(HEAVY_FIRST)}
    # a stable sort: the other modules, and the tests within each module, keep their order
    items.sort(key=lambda item: rank.get(Path(item.nodeid.partition("::")[0]).name, len(rank)))
    if any("::" in arg for arg in config.args):
        return  # single tests asked for: the other entries of their modules were not collected
    collected = {Path(item.nodeid.partition("::")[0]).name for item in items}
    stale = sorted(k for k in SLOW_TESTS if k.partition("::")[0] in collected and k not in used)
    if stale:
        raise pytest.UsageError(
            "tests/conftest.py SLOW_TESTS names tests that were not collected (renamed?): "
            + ", ".join(stale)
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    nightly = sys.modules.get("nightly_helpers")  # loaded only when a flow test ran
    if nightly is not None:
        nightly.stop_shared_prefect_server()
