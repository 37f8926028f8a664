"""Tools find their data (flows/settings.py, flows/cli.py): after `wsparcie demo`, `status`,
`review serve`, `publish` and `extract` work with no flags, and say what they use and why.

The CLI runs in subprocesses with their own HOME, XDG folders and working folder, so nothing
here depends on this machine's user or on another test having run.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from helpers import REPO  # tests/ helper module

from flows.settings import (
    SettingsError,
    find_output,
    find_warehouse,
    record_last_run,
    settings_file,
)

SHARED_DATA = REPO.parent / "shared" / "data"
SEEDS = REPO.parent / "shared" / "seeds"


def isolated_env(root: Path) -> dict[str, str]:
    """The environment of a newcomer's shell: its own HOME and XDG folders, no WSPARCIE_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WSPARCIE_", "XDG_"))}
    for name in ("home", "state", "data", "work"):
        (root / name).mkdir(parents=True, exist_ok=True)
    env |= {
        "HOME": str(root / "home"),
        "XDG_STATE_HOME": str(root / "state"),
        "XDG_DATA_HOME": str(root / "data"),
    }
    return env


def wsparcie(
    *argv: str, env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# --- the order: flag, environment, settings file, last run -------------------------------------


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder inside a project folder, with this test's own state folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("WSPARCIE_DB", raising=False)
    monkeypatch.delenv("WSPARCIE_OUT", raising=False)
    work = tmp_path / "project" / "sub"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return tmp_path


def test_nothing_found_says_every_way_to_give_one(user: Path) -> None:
    with pytest.raises(SettingsError, match="give --db PATH, set WSPARCIE_DB, write db") as info:
        find_warehouse(None)
    assert "wsparcie.toml" in str(info.value) and "wsparcie demo" in str(info.value)
    with pytest.raises(SettingsError, match="give --out PATH, set WSPARCIE_OUT"):
        find_output(None)


def test_last_run_is_found(user: Path) -> None:
    db = user / "runs" / "directory.duckdb"
    db.parent.mkdir()
    db.touch()
    state = record_last_run("demo", db, user / "runs")
    found = find_warehouse(None)
    assert found.path == db and found.reason == (
        f"last written by `wsparcie demo`, recorded in {state}"
    )
    assert find_output(None).path == user / "runs"
    assert json.loads(state.read_text(encoding="utf-8"))["command"] == "demo"


def test_settings_file_in_a_parent_wins_over_the_last_run(user: Path) -> None:
    record_last_run("run", user / "old.duckdb", user / "old")
    (user / "old.duckdb").touch()
    settings = user / "project" / "wsparcie.toml"
    settings.write_text('db = "data/directory.duckdb"\nout = "/srv/dane"\n', encoding="utf-8")
    assert settings_file() == settings
    found = find_warehouse(None)
    assert found.path == user / "project" / "data" / "directory.duckdb"
    assert found.reason == f"db in {settings}"
    assert find_output(None).path == Path("/srv/dane")


def test_environment_wins_over_the_settings_file_and_the_flag_over_both(
    user: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (user / "project" / "wsparcie.toml").write_text('db = "x.duckdb"\n', encoding="utf-8")
    monkeypatch.setenv("WSPARCIE_DB", str(user / "env.duckdb"))
    assert (find_warehouse(None).path, find_warehouse(None).reason) == (
        user / "env.duckdb",
        "WSPARCIE_DB",
    )
    assert (find_warehouse("given.duckdb").path, find_warehouse("given.duckdb").reason) == (
        Path("given.duckdb"),
        "--db",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('db = "a"\nwarehouse = "b"\n', r"unknown setting\(s\) \['warehouse'\]",
                     id="unknown-key"),
        pytest.param("db = 5\n", "db must be a non-empty path in quotes", id="not-a-string"),
        pytest.param('db = "a\n', "cannot be read", id="not-toml"),
    ],
)  # fmt: skip
def test_a_wrong_settings_file_is_an_error_naming_it(
    user: Path, content: str, message: str
) -> None:
    (user / "project" / "sub" / "wsparcie.toml").write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=message) as info:
        find_warehouse(None)
    assert str(user / "project" / "sub" / "wsparcie.toml") in str(info.value)


def test_a_vanished_last_warehouse_is_an_error(user: Path) -> None:
    record_last_run("run", user / "gone.duckdb", user)
    with pytest.raises(SettingsError, match="gone.duckdb, no longer exists"):
        find_warehouse(None)


def test_a_damaged_state_file_is_no_state(user: Path) -> None:
    (user / "state" / "wsparcie").mkdir(parents=True)
    (user / "state" / "wsparcie" / "last-run.json").write_text("{nie json", encoding="utf-8")
    with pytest.raises(SettingsError, match="no warehouse"):
        find_warehouse(None)


# --- the commands after `wsparcie demo`, as a newcomer runs them --------------------------------


@pytest.fixture(scope="module")
def after_demo(
    prefect_harness: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[dict[str, str], Path]]:
    """`wsparcie demo --out demo` run once in a fresh user's working folder."""
    root = tmp_path_factory.mktemp("newcomer")
    env = isolated_env(root) | {"PREFECT_API_URL": prefect_harness}
    work = root / "work"
    done = wsparcie("demo", "--out", "demo", env=env, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    yield env, work


def test_status_finds_the_demo_warehouse(after_demo: tuple[dict[str, str], Path]) -> None:
    env, work = after_demo
    done = wsparcie("status", env=env, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("last run ") and "no source is failing" in done.stdout
    state = Path(env["XDG_STATE_HOME"]) / "wsparcie" / "last-run.json"
    assert done.stderr.splitlines()[0] == (
        f"warehouse: {work / 'demo' / 'directory.duckdb'} "
        f"(last written by `wsparcie demo`, recorded in {state})"
    )


def test_status_names_the_environment_when_it_answers(
    after_demo: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    env, work = after_demo
    missing = tmp_path / "brak.duckdb"
    done = wsparcie("status", env=env | {"WSPARCIE_DB": str(missing)}, cwd=work)
    assert done.stderr.splitlines()[0] == f"warehouse: {missing} (WSPARCIE_DB)"
    assert done.returncode == 1 and "Traceback" not in done.stderr


def test_publish_finds_the_warehouse_and_the_folder(
    after_demo: tuple[dict[str, str], Path],
) -> None:
    env, work = after_demo
    done = wsparcie("publish", env=env, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"warehouse: {work / 'demo' / 'directory.duckdb'} (last written")
    assert lines[1].startswith(f"publication folder: {work / 'demo'} (last written")
    assert done.stdout.startswith("published ") and f"to {work / 'demo' / 'dane'}" in done.stdout
    assert (work / "demo" / "dane" / "instytucje.csv").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_review_serve_finds_the_warehouse(after_demo: tuple[dict[str, str], Path]) -> None:
    env, work = after_demo
    # A port found free may be taken before the app binds it: an app that exits before it
    # answers is started again on another port.
    for attempt in range(3):
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "review", "serve", "--port", str(port)],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            response = None
            while time.monotonic() < deadline and server.poll() is None:
                try:
                    response = requests.get(f"http://127.0.0.1:{port}/logowanie", timeout=5)
                    break
                except requests.ConnectionError:
                    time.sleep(0.2)
            exited_early = response is None and server.poll() is not None
            if not exited_early or attempt == 2:
                assert response is not None, "the review app did not answer"
                assert response.status_code == 200 and "Zaloguj" in response.text
        finally:
            server.terminate()
            _out, err = server.communicate(timeout=30)
        if not exited_early:
            break
    assert err.splitlines()[0].startswith(
        f"warehouse: {work / 'demo' / 'directory.duckdb'} (last written by `wsparcie demo`"
    )


# --- extract with no warehouse: the national gazetteer shipped with the package -----------------


def test_extract_places_a_saved_page_with_no_db(tmp_path: Path) -> None:
    page = SHARED_DATA / "html_fixtures" / "social" / "gopsbobrowniki.bipstrona.pl.html"
    done = wsparcie("extract", str(page), "--format", "jsonl", env=isolated_env(tmp_path),
                    cwd=tmp_path / "work", timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (row,) = [json.loads(line) for line in done.stdout.splitlines()]
    # benchmarks/gold/places.csv: gmina Bobrowniki (wiejska), powiat lipnowski
    assert (row["locality"], row["gmina_teryt"], row["powiat_teryt"]) == (
        "Bobrowniki",
        "0408023",
        "0408",
    )
    assert done.stderr.startswith("places: shipped gazetteer ")
    assert "TERC_Adresowy_2026-02-16.csv (stan na 2026-01-01)" in done.stderr


def test_extract_gives_localities_in_the_nominative(tmp_path: Path) -> None:
    # a county news article: "Powiatowe Centrum Pomocy Rodzinie w Wysokiem Mazowieckiem"
    done = wsparcie("extract", str(SEEDS / "004_91be57ddf0e11a6a.txt"), "--format", "jsonl",
                    env=isolated_env(tmp_path), cwd=tmp_path / "work", timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    by_name = {row["name"]: row for row in rows}
    pcpr = by_name["Powiatowe Centrum Pomocy Rodzinie w Wysokiem Mazowieckiem"]
    assert (pcpr["locality"], pcpr["gmina_teryt"], pcpr["powiat_teryt"]) == (
        "Wysokie Mazowieckie",
        "2013011",
        "2013",
    )
    assert all(not (row["locality"] or "").startswith(("w ", "we ")) for row in rows)
