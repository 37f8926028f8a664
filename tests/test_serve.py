"""`wsparcie serve` against a real Prefect server: `prefect server start` on 127.0.0.1, the
nightly deployment served with its cron schedule by `python -m flows.serve`, a run triggered
with `run_deployment` and followed to completion. Every wait is bounded."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from helpers import REPO  # tests/ helper module
from nightly_helpers import copy_demo_sources  # tests/ helper module

from flows.demo import DEMO_DIR, serve_directory
from flows.nightly import RunSettings
from flows.serve import ServeError, build_deployment

PREFECT = Path(sys.executable).with_name("prefect")
SLUGS = ["pcpr_skarzysko", "mops_skarzysko"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(what: str, check: object, timeout: float, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{what}: the process exited with {proc.returncode}")
        try:
            if check():  # type: ignore[operator]
                return
        except Exception:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{what}: not ready after {timeout:.0f} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    home = tmp_path_factory.mktemp("prefect-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "DO_NOT_TRACK": "1",
    }
    # The port is free when chosen but not held: another process may take it before the server
    # binds it. A server that exits before it is healthy is started again on another port.
    for attempt in range(3):
        port = free_port()
        api = f"http://127.0.0.1:{port}/api"
        log = (home / f"server{attempt}.log").open("wb")
        server = subprocess.Popen(
            [str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        health = f"{api}/health"
        try:
            wait_for(
                "prefect server",
                lambda url=health: urllib.request.urlopen(url, timeout=2).status == 200,
                180,
                server,
            )
            break
        except AssertionError:
            exited_early = server.poll() is not None
            stop(server)
            log.close()
            if attempt == 2 or not exited_early:
                raise
    try:
        yield env | {"PREFECT_API_URL": api}
    finally:
        stop(server)
        log.close()


def test_a_triggered_run_of_the_served_deployment_completes(
    prefect_server: dict[str, str], tmp_path: Path
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with serve_directory(DEMO_DIR / "corpus") as url:
        copy_demo_sources(tmp_path / "sources", url, SLUGS)
        serve_log = (tmp_path / "serve.log").open("wb")
        served = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flows.serve",
                "--sources",
                str(tmp_path / "sources"),
                "--db",
                str(tmp_path / "directory.duckdb"),
                "--out",
                str(tmp_path / "out"),
                "--delay",
                "0",
                "--timeout",
                "10",
                "--cron",
                "0 2 * * *",
                "--timezone",
                "Europe/Warsaw",
            ],
            cwd=REPO,
            env=prefect_server,
            stdout=serve_log,
            stderr=subprocess.STDOUT,
        )
        try:
            with temporary_settings({PREFECT_API_URL: prefect_server["PREFECT_API_URL"]}):

                def deployed() -> bool:
                    with get_client(sync_client=True) as client:
                        deployment = client.read_deployment_by_name("nightly/nightly")
                    schedule = deployment.schedules[0].schedule
                    return bool(
                        getattr(schedule, "cron", None) == "0 2 * * *"
                        and getattr(schedule, "timezone", None) == "Europe/Warsaw"
                    )

                wait_for("the nightly deployment", deployed, 120, served)
                flow_run = run_deployment("nightly/nightly", timeout=240)
                assert isinstance(flow_run, FlowRun)
            state = flow_run.state
            assert state is not None and state.is_completed(), (
                state,
                (tmp_path / "serve.log").read_text(errors="replace")[-3000:],
            )
        finally:
            stop(served)
            serve_log.close()
    with duckdb.connect(str(tmp_path / "directory.duckdb"), read_only=True) as con:
        runs = con.execute("SELECT status, sources_total FROM runs").fetchall()
        extracted = con.execute(
            "SELECT count(*) FROM source_runs WHERE status = 'extracted'"
        ).fetchone()
    assert runs == [("completed", len(SLUGS))]
    assert extracted == (len(SLUGS),)
    assert (tmp_path / "out" / "dane" / "instytucje.csv").exists()


@pytest.mark.parametrize(
    ("cron", "timezone", "problem"),
    [
        pytest.param("0 25 * * *", "Europe/Warsaw", "not a valid cron expression", id="hour-25"),
        pytest.param("nightly", "Europe/Warsaw", "not a valid cron expression", id="words"),
        pytest.param("0 2 * * *", "Europe/Warszawa", "unknown time zone", id="polish-zone-name"),
    ],
)
def test_bad_schedules_are_refused_before_prefect_is_asked(
    cron: str, timezone: str, problem: str, tmp_path: Path
) -> None:
    settings = RunSettings(catalogue=tmp_path, db=tmp_path / "w.duckdb", out=tmp_path / "o")
    with pytest.raises(ServeError, match=problem):
        build_deployment(settings, cron, timezone)
