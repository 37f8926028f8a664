"""Fetch+extract on a Dask cluster of two worker processes (prefect-dask's DaskTaskRunner) gives
the same directory as the default thread runner, while the warehouse keeps its one writer."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from nightly_helpers import copy_demo_sources, fast_policy

from extractors.catalogue import load_catalogue, resolve_urls
from extractors.parsers import parser_names
from flows.demo import DEMO_DIR, serve_directory
from flows.nightly import RunSettings, RunSummary, batch_sources, nightly
from flows.runners import RunnerError, make_task_runner

SLUGS = [
    "pcpr_skarzysko",
    "skarzyski_baza_zasobow",
    "gops_blizyn",
    "pcpr_ropczyce",
    "ropczycki_wykaz_jednostek",
    "radomszczanski_wykaz_placowek",
    "mops_radomsko",
]


def directory(db: Path) -> tuple[dict[str, str], dict[str, int]]:
    with duckdb.connect(str(db), read_only=True) as con:
        ids = dict(
            con.execute("SELECT record_id, institution_id FROM institution_records").fetchall()
        )
        per_source = dict(
            con.execute(
                "SELECT source, count(*) FROM raw_records WHERE active GROUP BY 1"
            ).fetchall()
        )
    return ids, per_source


@pytest.fixture(scope="module")
def both_runners(
    prefect_harness: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, tuple[Path, RunSummary]]]:
    from distributed import Client, LocalCluster

    root = tmp_path_factory.mktemp("dask")
    runs = {}
    with serve_directory(DEMO_DIR / "corpus") as url:
        copy_demo_sources(root / "sources", url, SLUGS)
        with LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster:
            with Client(cluster) as client:  # type: ignore[no-untyped-call]
                workers = set(client.run(os.getpid).values())
            for runner in ("threads", "dask"):
                settings = RunSettings(
                    catalogue=root / "sources",
                    db=root / runner / "directory.duckdb",
                    out=root / runner / "out",
                    policy=fast_policy(timeout_seconds=10, total_timeout_seconds=20),
                    runner=runner,
                    dask_address=cluster.scheduler_address if runner == "dask" else None,
                    batch_size=2,
                )
                runs[runner] = (root / runner, nightly(settings))
            assert len(workers) == 2 and os.getpid() not in workers
    yield runs


def test_dask_and_threads_build_the_same_directory(
    both_runners: dict[str, tuple[Path, RunSummary]],
) -> None:
    (threads_dir, threads), (dask_dir, dask) = both_runners["threads"], both_runners["dask"]
    assert threads.status == dask.status == "completed"
    assert {o.source: o.records for o in dask.outcomes} == {
        o.source: o.records for o in threads.outcomes
    }
    assert directory(dask_dir / "directory.duckdb") == directory(threads_dir / "directory.duckdb")
    assert threads.match is not None and dask.match is not None
    assert dask.match.institutions == threads.match.institutions
    fetch = next(t for t in dask.timings if t.stage == "fetch+extract")
    sources = load_catalogue(dask_dir.parent / "sources", parser_names())
    assert fetch.tasks == len(batch_sources(sources, 2))


def test_what_a_task_receives_and_returns_is_picklable(tmp_path: Path) -> None:
    sources = resolve_urls(
        load_catalogue(DEMO_DIR / "sources", parser_names()), {"demo": "http://x"}
    )
    settings = RunSettings(catalogue=DEMO_DIR / "sources", db=tmp_path / "w", out=tmp_path / "o")
    for value in (sources[0], settings, settings.fetch_policy(), batch_sources(sources, 3)):
        assert pickle.loads(pickle.dumps(value)) == value
    assert RunSettings.from_parameters(settings.to_parameters()) == settings


@pytest.mark.parametrize(
    ("runner", "address", "problem"),
    [
        pytest.param("processes", None, "unknown task runner 'processes'", id="unknown"),
        pytest.param(
            "threads", "tcp://127.0.0.1:1", "the runner is 'threads'", id="address-for-threads"
        ),
    ],
)
def test_runner_choice_errors(runner: str, address: str | None, problem: str) -> None:
    with pytest.raises(RunnerError, match=problem):
        make_task_runner(runner, dask_address=address)
