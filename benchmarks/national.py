"""The national-scale benchmark: a cold nightly run over the synthetic national web, then a
rerun where nothing changed, with peak memory and the share of time Prefect itself takes.

    .venv/bin/python benchmarks/national.py --work /tmp/national [--powiats 380] [--workers 8]
    .venv/bin/python benchmarks/national.py --work /tmp/national --changed 0.01 [--warehouse DB]

With `--changed FRACTION` it then measures a night that changes that share of the records:
the match stage incrementally against the kept state and in full, each split into the matcher
and the rest of the stage (benchmarks/national_night.py); `--warehouse` takes the warehouse
of an earlier run kept with `--keep` instead of running the cold night first.

It generates the web once (benchmarks/synthetic_web.py; reused when `--work` already holds
it), loads the national gazetteer (TERC 2026, SIMC 2020, PNA 2024 from ../shared/data) into a
fresh warehouse — timed apart, it is not part of a night — serves the pages on 127.0.0.1 and
runs the real `nightly` flow twice against a temporary Prefect server, with the politeness
delay at zero (our own loopback server) and everything else as a live run has it.

Peak memory: ru_maxrss of this process (a high-water mark over the whole benchmark), and per
stage the highest resident set size a sampling thread saw (/proc/self/statm, every 0.2 s) while the flow
was in that stage; the flow announces its stages through WSPARCIE_STAGE_MARKERS.

Prefect overhead = the flow's wall time not spent in the stages' own code: flow start and end,
task-run bookkeeping and orchestration (per stage: wall time seen by the flow minus time inside
the task body). For fetch+extract, whose batches run in parallel, a flow of as many no-op task
runs on the same runner is timed as the overhead instead.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import flows  # noqa: E402, F401 - quiet Prefect defaults before Prefect is imported
from benchmarks.national_night import changed_night  # noqa: E402
from benchmarks.synthetic_web import PLACEHOLDER, generate_web, serve_web  # noqa: E402
from flows.nightly import RunSettings, RunSummary, nightly  # noqa: E402
from warehouse.db import open_warehouse  # noqa: E402
from warehouse.gazetteer import load_gazetteer  # noqa: E402
from warehouse.stage_markers import STAGE_MARKERS_ENV  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


@dataclass(frozen=True, slots=True)
class Measured:
    label: str
    seconds: float
    summary: RunSummary
    peak_mb: float  # of this process so far (ru_maxrss is a high-water mark)
    stage_peak_mb: dict[str, float] = field(default_factory=dict)  # sampled RSS per stage


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


class StageMemory:
    """Samples this process's RSS and charges it to the stage the flow last announced."""

    def __init__(self, markers: Path, interval: float = 0.2) -> None:
        self.markers = markers
        self.interval = interval
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="stage-memory", daemon=True)

    def _stage(self) -> str:
        try:
            lines = self.markers.read_text(encoding="utf-8").split()
        except FileNotFoundError:
            return "-"
        return lines[-1] if lines else "-"

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        statm = Path("/proc/self/statm")
        while not self._stop.wait(self.interval):
            stage = self._stage()
            rss = int(statm.read_text().split()[1]) * page / 2**20
            self.peaks[stage] = max(self.peaks.get(stage, 0.0), rss)

    @contextmanager
    def measuring(self) -> Iterator[dict[str, float]]:
        """Per-stage peaks (MB) of the flow run inside the block."""
        self.markers.write_text("", encoding="utf-8")
        self.peaks = {}
        self._stop.clear()
        self._thread = threading.Thread(target=self._sample, name="stage-memory", daemon=True)
        self._thread.start()
        try:
            yield self.peaks
        finally:
            self._stop.set()
            self._thread.join()


def load_national_gazetteer(db: Path) -> float:
    clock = time.perf_counter()
    with open_warehouse(db) as con:
        load_gazetteer(
            con,
            terc=SHARED / "teryt" / "TERC_Adresowy_2026-02-16.csv",
            simc=SHARED / "teryt" / "SIMC_Urzedowy_2020-09-26.csv",
            pna=SHARED / "postal_codes" / "pna_2024_miejscowosci.csv",
        )
    return time.perf_counter() - clock


def noop_overhead(tasks: int, workers: int) -> float:
    """Seconds a flow needs for `tasks` no-op task runs on a thread pool of `workers`."""
    from prefect import flow, task

    from flows.runners import make_task_runner

    runner = make_task_runner("threads", workers=workers)

    @task(name="noop")
    def noop(i: int) -> int:
        return i

    @flow(name="noop-overhead", task_runner=runner)
    def many() -> int:
        return sum(f.result() for f in [noop.submit(i) for i in range(tasks)])

    many()  # warm up: the first flow run pays for imports and registration
    clock = time.perf_counter()
    many()
    return time.perf_counter() - clock


def run(label: str, settings: RunSettings, memory: StageMemory) -> Measured:
    with memory.measuring() as peaks:
        clock = time.perf_counter()
        summary = nightly(settings)
        seconds = time.perf_counter() - clock
    measured = Measured(label, seconds, summary, peak_mb(), {k: round(v) for k, v in peaks.items()})
    stages = ", ".join(f"{t.stage} {t.wall_s:.0f} s" for t in summary.timings)
    print(f"{label}: {seconds:.0f} s, {summary.status}; {stages}", flush=True)
    print(f"{label}: peak RSS per stage (MB): {measured.stage_peak_mb}", flush=True)
    return measured


def report(m: Measured, noop_fetch: float) -> dict[str, object]:
    stages = {t.stage: t for t in m.summary.timings}
    inside = sum(t.wall_s for t in m.summary.timings)
    flow_overhead = m.seconds - inside
    task_overhead = sum(
        max(0.0, t.wall_s - t.work_s) for t in m.summary.timings if t.stage != "fetch+extract"
    )
    fetch = stages["fetch+extract"]
    overhead = flow_overhead + task_overhead + min(noop_fetch, fetch.wall_s)
    statuses: dict[str, int] = {}
    for o in m.summary.outcomes:
        statuses[o.status] = statuses.get(o.status, 0) + 1
    return {
        "run": m.label,
        "status": m.summary.status,
        "seconds": round(m.seconds, 1),
        "peak_rss_mb": round(m.peak_mb),
        "stage_peak_rss_mb": m.stage_peak_mb,
        "sources": statuses,
        "records": m.summary.records,
        "institutions": m.summary.match.institutions if m.summary.match else None,
        "stages": {
            t.stage: {"wall_s": round(t.wall_s, 1), "work_s": round(t.work_s, 1), "tasks": t.tasks}
            for t in m.summary.timings
        },
        "prefect_overhead_s": round(overhead, 1),
        "prefect_overhead_share": round(overhead / m.seconds, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the web and runs")
    parser.add_argument("--powiats", type=int, help="only the first n powiats (quick check)")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=20)
    parser.add_argument("--runner", choices=("threads", "dask"), default="threads")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--keep", action="store_true", help="keep the run's warehouse and publication"
    )
    parser.add_argument(
        "--changed", type=float, help="then a night changing this share of the records (0.01)"
    )
    parser.add_argument("--warehouse", type=Path, help="with --changed: a kept run's warehouse")
    parser.add_argument(
        "--profile", action="store_true", help="with --changed: profile the match stages"
    )
    args = parser.parse_args()
    if args.changed and args.warehouse:
        figures = changed_night(
            args.warehouse, args.work / "night", args.changed, profile=args.profile
        )
        text = json.dumps(figures, indent=1, ensure_ascii=False)
        print(text)
        if args.json:
            args.json.write_text(text, encoding="utf-8")
        return 0

    from prefect.testing.utilities import prefect_test_harness

    web = args.work / "synthetic"
    if not (web / "manifest.json").exists():
        clock = time.perf_counter()
        summary = generate_web(web, powiats=args.powiats)
        print(f"generated {summary.sources} sources in {time.perf_counter() - clock:.0f} s")
    manifest = json.loads((web / "manifest.json").read_text(encoding="utf-8"))
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=args.work))
    db = run_dir / "directory.duckdb"
    gazetteer_s = load_national_gazetteer(db)
    print(f"gazetteer loaded in {gazetteer_s:.0f} s; peak RSS so far {peak_mb():.0f} MB")
    results = []
    memory = StageMemory(run_dir / "stages.txt")
    os.environ[STAGE_MARKERS_ENV] = str(memory.markers)
    # the synthetic web is served on loopback, which the fetcher refuses unless allowed
    os.environ["WSPARCIE_FETCH_ALLOW"] = "127.0.0.1"
    with serve_web(web) as url, prefect_test_harness(server_startup_timeout=300):
        settings = RunSettings(
            catalogue=web / "catalogue",
            db=db,
            out=run_dir / "out",
            delay_seconds=0.0,  # our own loopback server: no one to be polite to
            placeholders=((PLACEHOLDER, url),),
            workers=args.workers,
            batch_size=args.batch_size,
            runner=args.runner,
        )
        cold = run("cold", settings, memory)
        rerun = run("no-change rerun", settings, memory)
        fetch_tasks = next(t.tasks for t in cold.summary.timings if t.stage == "fetch+extract")
        noop = noop_overhead(fetch_tasks, args.workers)
        results = [report(cold, noop), report(rerun, noop)]
    figures = {
        "web": {k: manifest[k] for k in ("powiats", "gminas", "sources", "expected_records")},
        "gazetteer_load_s": round(gazetteer_s, 1),
        "workers": args.workers,
        "batch_size": args.batch_size,
        "runner": args.runner,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "noop_tasks": {"tasks": fetch_tasks, "seconds": round(noop, 1)},
        "runs": results,
    }
    if args.changed:
        figures["changed_night"] = changed_night(db, run_dir / "night", args.changed)
    text = json.dumps(figures, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    if args.keep:
        print(f"kept {run_dir}")
    else:
        shutil.rmtree(run_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
