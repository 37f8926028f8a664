"""Where the fetch+extract tasks run: threads in the flow's process, or a Dask cluster.

Only fetch+extract is spread out: it is the part that waits on the network and parses pages,
and it never touches DuckDB. Load, normalise, match and publish run in the flow's own process,
so the warehouse keeps exactly one writer wherever the fetching happens.

- `threads` (default): Prefect's ThreadPoolTaskRunner with `workers` threads.
- `dask`: prefect-dask's DaskTaskRunner. With an address (`tcp://scheduler:8786`) it uses that
  running cluster; without one it starts a temporary local cluster of `workers` processes.
  Every worker needs this package installed (same version) and its own network access; what a
  task receives (Source, FetchPolicy, paths) and returns (SourceResult) is pickled on the way.
"""

from __future__ import annotations

from typing import Any

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("threads", "dask")


class RunnerError(ValueError):
    """The task runner asked for cannot be set up; the message says which and why."""


def make_task_runner(
    runner: str = "threads", *, workers: int = 8, dask_address: str | None = None
) -> TaskRunner[Any]:
    """A fresh (not yet started) task runner for the fetch+extract stage."""
    if workers < 1:
        raise RunnerError(f"workers must be at least 1, got {workers}")
    if runner == "threads":
        if dask_address:
            raise RunnerError("a Dask address was given but the runner is 'threads'")
        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        try:
            from prefect_dask.task_runners import DaskTaskRunner
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise RunnerError(
                "the 'dask' runner needs prefect-dask: pip install 'prefect-dask>=0.3.7,<0.4'"
            ) from exc
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}
        )
    raise RunnerError(f"unknown task runner {runner!r} (known: {', '.join(RUNNERS)})")
