"""The `nightly` Prefect flow: fetch+extract in parallel batches, then one writer.

Tasks are coarse. A Prefect task run costs tens of milliseconds, so fetch+extract runs one task
per *batch* of sources (the sources of one county, at most `batch_size` of them): a national
catalogue of thousands of sources costs a few hundred task runs, not thousands. Each stage after
it (load, normalise, match, publish) is one task in the flow's own process, so the warehouse
has exactly one writer whether the batches run in threads or on a Dask cluster
(flows/runners.py). Only fetch+extract retries; the later stages are deterministic rebuilds that
would fail the same way again.

A run is safe to kill at any moment: it holds the warehouse's run lock, each stage commits in
one transaction, the publication is swapped in by renames, and the next run marks the killed
one 'interrupted' and puts back a publication cut short (warehouse/recovery.py).

For crash tests, `WSPARCIE_STAGE_MARKERS=<file>` makes the flow append each stage's name to
that file (flushed to disk) as the stage starts (warehouse/stage_markers.py).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed
from prefect.utilities.annotations import quote

from extractors.archive import Archive
from extractors.catalogue import Source, load_catalogue, resolve_urls
from extractors.crawl import SitePrevious
from extractors.extract import SourceResult, extract_source
from extractors.fetch import Fetcher, FetchPolicy
from extractors.parsers import parser_names
from extractors.replay import ReplayFetcher
from flows.progress import Progress
from flows.runners import make_task_runner
from warehouse.db import open_warehouse, transaction
from warehouse.load import (
    SourceOutcome,
    finish_run,
    load_results,
    previous_documents,
    register_sources,
    start_run,
)
from warehouse.publish import PUBLICATION_DIR, SNAPSHOT_NAME, Publication, write_publication
from warehouse.recovery import mark_interrupted_runs, recover_publication, run_lock
from warehouse.run_report import (
    directory_size,
    institutions_by_county_sector,
    read_run_report,
    rebuild_reason,
    record_checks,
    report_markdown,
)
from warehouse.sites import previous_sites
from warehouse.stage_markers import mark_stage
from warehouse.stages import (
    MatchSummary,
    load_gazetteer_if_present,
    match_and_build,
    rebuild_records,
)

log = logging.getLogger("wsparcie")

T = TypeVar("T")
ARTIFACT_KEY = "nightly-run-report"


@dataclass(frozen=True, slots=True)
class RunSettings:
    """Everything a nightly run needs to know, from the CLI, a deployment or a test."""

    catalogue: Path
    db: Path
    out: Path
    archive: Path | None = None  # default: <db folder>/archive
    delay_seconds: float = 1.0
    timeout_seconds: float = 20.0
    placeholders: tuple[tuple[str, str], ...] = ()  # `{demo}` → the demo server's address
    notice: str | None = None  # written beside the published files (the demo: sample data)
    # The whole fetch policy (retries, backoff, caps); when given, delay/timeout above are unused.
    policy: FetchPolicy | None = None
    runner: str = "threads"  # threads | dask (flows/runners.py)
    workers: int = 8  # threads, or local Dask worker processes
    dask_address: str | None = None  # a running Dask scheduler, e.g. tcp://10.0.0.5:8786
    batch_size: int = 20  # sources per fetch+extract task (one county's at most)
    # Normalise, match and publish even when nothing they read has changed (after an upgrade).
    always_rebuild: bool = False
    # Match every record anew instead of only the night's changes against the kept state.
    full_match: bool = False
    # Answer fetches from these WARC files or folders of saved pages instead of the network.
    replay: tuple[Path, ...] = ()

    def fetch_policy(self) -> FetchPolicy:
        if self.policy is not None:
            return self.policy
        return FetchPolicy(delay_seconds=self.delay_seconds, timeout_seconds=self.timeout_seconds)

    def to_parameters(self) -> dict[str, Any]:
        """JSON-able form, for a deployment's parameters."""
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Path):
                value = str(value)
            elif isinstance(value, FetchPolicy):
                value = asdict(value)
            elif f.name == "placeholders":
                value = [list(pair) for pair in value]
            data[f.name] = value
        return data

    @classmethod
    def from_parameters(cls, data: Mapping[str, Any]) -> RunSettings:
        """The inverse of `to_parameters`; unknown keys are an error naming them."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown run settings: {', '.join(unknown)}")
        values = dict(data)
        for name in ("catalogue", "db", "out", "archive"):
            if values.get(name) is not None:
                values[name] = Path(values[name])
        if values.get("policy") is not None:
            values["policy"] = FetchPolicy(**values["policy"])
        if "placeholders" in values:
            values["placeholders"] = tuple(tuple(pair) for pair in values["placeholders"])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class StageTiming:
    """Wall time of a stage as the flow saw it, and the time spent inside its task bodies."""

    stage: str
    wall_s: float
    work_s: float  # summed over the stage's task runs (in parallel for fetch+extract)
    tasks: int


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    status: str
    outcomes: tuple[SourceOutcome, ...]
    records: int
    match: MatchSummary | None
    publication: Publication | None
    per_county_sector: tuple[tuple[str, str, str, int], ...] = field(default=())
    timings: tuple[StageTiming, ...] = field(default=())
    interrupted_runs: tuple[str, ...] = field(default=())  # earlier runs found killed


@dataclass(frozen=True, slots=True)
class Timed(Generic[T]):
    """A task's result with the seconds its body took (Prefect's own overhead excluded)."""

    value: T
    seconds: float


def _timed(fn: Callable[[], T]) -> Timed[T]:
    clock = time.perf_counter()
    value = fn()
    return Timed(value, time.perf_counter() - clock)


def batch_sources(sources: Sequence[Source], size: int) -> list[tuple[Source, ...]]:
    """Sources grouped by county, in batches of at most `size`, in a stable order."""
    if size < 1:
        raise ValueError(f"batch_size must be at least 1, got {size}")
    by_county: dict[str, list[Source]] = {}
    for source in sorted(sources, key=lambda s: (s.county, s.slug)):
        by_county.setdefault(source.county, []).append(source)
    return [
        tuple(group[i : i + size])
        for group in by_county.values()
        for i in range(0, len(group), size)
    ]


@contextmanager
def open_fetcher(
    policy: FetchPolicy, archive_dir: Path, replay: tuple[Path, ...] = ()
) -> Iterator[Fetcher]:
    """The fetcher a batch uses (created inside the task, so it never crosses a process):
    the network, or a replay of saved responses through the same fetch path."""
    if replay:
        with ReplayFetcher(*replay, policy=policy) as replayed:
            yield replayed
        return
    with Fetcher(policy, Archive(archive_dir)) as fetcher:
        yield fetcher


@task(name="fetch-extract", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def fetch_extract(
    batch: tuple[Source, ...],
    policy: FetchPolicy,
    archive_dir: Path,
    previous: dict[str, str],
    replay: tuple[Path, ...] = (),
    sites: dict[str, SitePrevious] | None = None,
) -> Timed[list[SourceResult]]:
    def work() -> list[SourceResult]:
        with open_fetcher(policy, archive_dir, replay) as fetcher:
            return [
                extract_source(s, fetcher, previous.get(s.slug), (sites or {}).get(s.slug))
                for s in batch
            ]

    return _timed(work)


@task(name="load", cache_policy=NO_CACHE)
def load(
    db: Path, run_id: str, results: list[SourceResult], sources: list[Source]
) -> Timed[list[SourceOutcome]]:
    def work() -> list[SourceOutcome]:
        with open_warehouse(db) as con:
            outcomes = load_results(con, run_id, results, sources)
            with transaction(con):
                record_checks(con, run_id)
            return outcomes

    return _timed(work)


@task(name="normalise", cache_policy=NO_CACHE)
def normalise(db: Path) -> Timed[int]:
    def work() -> int:
        with open_warehouse(db) as con:
            return rebuild_records(con, load_gazetteer_if_present(con))

    return _timed(work)


@task(name="match", cache_policy=NO_CACHE)
def match(db: Path, run_id: str, full_match: bool = False) -> Timed[MatchSummary]:
    def work() -> MatchSummary:
        with open_warehouse(db) as con:
            return match_and_build(con, run_id, full_match=full_match)

    return _timed(work)


@task(name="publish", cache_policy=NO_CACHE)
def publish(db: Path, out: Path, notice: str | None) -> Timed[Publication]:
    def work() -> Publication:
        with open_warehouse(db) as con:
            return write_publication(con, out, notice=notice)

    return _timed(work)


def current_directory(
    db: Path, out: Path, run_id: str
) -> tuple[int, MatchSummary, Publication] | None:
    """The directory and publication as they stand, if this run cannot change them; else None."""
    final = out / PUBLICATION_DIR
    if not final.is_dir():
        return None
    with open_warehouse(db) as con:
        reason = rebuild_reason(con, run_id)
        if reason is not None:
            log.info("run %s rebuilds the directory: %s", run_id, reason)
            return None
        records, institutions = directory_size(con)
    files = tuple(sorted(str(p.relative_to(final)) for p in final.rglob("*") if p.is_file()))
    snapshot = out / SNAPSHOT_NAME
    matched = MatchSummary(records, institutions, 0, 0, 0, ())
    publication = Publication(final, files, institutions, snapshot if snapshot.exists() else None)
    return records, matched, publication


def prepare(
    settings: RunSettings,
) -> tuple[str, list[Source], dict[str, str], list[str], dict[str, SitePrevious]]:
    """Validate the catalogue, clear up after a killed run, open this run in the warehouse.

    Returns the run id, the sources, each source's last extracted content hash, the ids
    of earlier runs now marked interrupted, and what each site's last crawl read. Call while
    holding `run_lock(settings.db)`.
    """
    sources = load_catalogue(settings.catalogue, parser_names())
    sources = resolve_urls(sources, dict(settings.placeholders))
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    recover_publication(settings.out)
    with open_warehouse(settings.db) as con:
        with transaction(con):
            interrupted = mark_interrupted_runs(con)
        register_sources(con, sources)
        start_run(con, run_id, str(settings.catalogue), len(sources))
        previous = previous_documents(con)
        sites = previous_sites(con)
    return run_id, sources, previous, interrupted, sites


def close_run(
    db: Path, run_id: str, status: str, message: str | None
) -> tuple[tuple[str, str, str, int], ...]:
    with open_warehouse(db) as con:
        finish_run(con, run_id, status, message)
        return institutions_by_county_sector(con)


def publish_report(db: Path, run_id: str) -> None:
    """The run report as the flow run's Prefect markdown artifact."""
    with open_warehouse(db, read_only=True) as con:
        report = read_run_report(con, run_id)
    if report is None:
        return
    create_markdown_artifact(
        markdown=report_markdown(report),
        key=ARTIFACT_KEY,
        description=f"wsparcie nightly run {run_id}: {report.run.status}",
    )


def _crashed_batch(batch: tuple[Source, ...], exc: BaseException) -> list[SourceResult]:
    """A batch whose task failed outright: each of its sources failed, the run goes on."""
    now = datetime.now(UTC)
    reason = f"fetch+extract task failed: {type(exc).__name__}: {exc}"
    return [SourceResult(s.slug, "failed", now, 0.0, message=reason) for s in batch]


def fetch_all(
    settings: RunSettings,
    sources: Sequence[Source],
    previous: Mapping[str, str],
    progress: Progress,
    sites: Mapping[str, SitePrevious] | None = None,
) -> tuple[list[SourceResult], StageTiming]:
    """Fetch and extract every source, batches in parallel on the configured task runner."""
    clock = time.perf_counter()
    policy = settings.fetch_policy()
    archive = settings.archive or settings.db.parent / "archive"
    batches = batch_sources(sources, settings.batch_size)
    results: list[SourceResult] = []
    work = 0.0
    runner = make_task_runner(
        settings.runner, workers=settings.workers, dask_address=settings.dask_address
    )
    with runner:
        futures: dict[PrefectFuture[Timed[list[SourceResult]]], tuple[Source, ...]] = {}
        for batch in batches:
            parameters = {
                "batch": batch,
                "policy": policy,
                "archive_dir": archive,
                "previous": {s.slug: previous[s.slug] for s in batch if s.slug in previous},
                "replay": settings.replay,
                "sites": {s.slug: sites[s.slug] for s in batch if sites and s.slug in sites},
            }
            futures[runner.submit(fetch_extract, parameters)] = batch
        for future in as_completed(list(futures)):
            try:
                timed = future.result()
                batch_results, seconds = timed.value, timed.seconds
            except Exception as exc:
                log.error("fetch+extract batch failed: %s", exc)
                batch_results, seconds = _crashed_batch(futures[future], exc), 0.0
            work += seconds
            for result in batch_results:
                results.append(result)
                progress.advance(f"{result.source}: {result.status}")
    results.sort(key=lambda r: r.source)
    timing = StageTiming("fetch+extract", time.perf_counter() - clock, work, len(batches))
    return results, timing


def _stage(name: str, call: Callable[[], Timed[T]], timings: list[StageTiming]) -> T:
    mark_stage(name)
    clock = time.perf_counter()
    timed = call()
    timings.append(StageTiming(name, time.perf_counter() - clock, timed.seconds, 1))
    return timed.value


@flow(name="nightly", log_prints=False, validate_parameters=False)
def nightly(settings: RunSettings | dict[str, Any], progress: Progress | None = None) -> RunSummary:
    """Fetch and extract every source, load, normalise, match, publish; report the run."""
    if not isinstance(settings, RunSettings):  # a deployment passes its parameters as JSON
        settings = RunSettings.from_parameters(settings)
    progress = progress or Progress(interactive=False)
    with run_lock(settings.db):
        return _run(settings, progress)


def _run(settings: RunSettings, progress: Progress) -> RunSummary:
    mark_stage("prepare")
    clock = time.perf_counter()
    run_id, sources, previous, interrupted, sites = prepare(settings)
    elapsed = time.perf_counter() - clock
    timings: list[StageTiming] = [StageTiming("prepare", elapsed, elapsed, 0)]
    try:
        outcomes = _fetch_and_load(settings, run_id, sources, previous, progress, timings, sites)
        reason = "a rebuild was asked for" if settings.always_rebuild else None
        kept = None if reason else current_directory(settings.db, settings.out, run_id)
        if kept is not None:
            # Nothing the later stages read has changed: their output stands as it is.
            log.info("run %s: nothing changed, the directory and publication stand", run_id)
            records, matched, publication = kept
        else:
            progress.stage("normalise")
            records = _stage("normalise", lambda: normalise(settings.db), timings)
            progress.stage("match")
            matched = _stage(
                "match", lambda: match(settings.db, run_id, settings.full_match), timings
            )
            progress.stage("publish")
            publication = _stage(
                "publish", lambda: publish(settings.db, settings.out, settings.notice), timings
            )
        progress.done()
    except BaseException as exc:
        progress.done()
        close_run(settings.db, run_id, "failed", f"{type(exc).__name__}: {exc}")
        _try_report(settings.db, run_id)
        raise
    mark_stage("close")
    clock = time.perf_counter()
    failed = [o for o in outcomes if o.status in ("failed", "below_minimum")]
    status = "completed" if not failed else "completed_with_failures"
    table = close_run(settings.db, run_id, status, None)
    _try_report(settings.db, run_id)
    elapsed = time.perf_counter() - clock
    timings.append(StageTiming("close", elapsed, elapsed, 0))
    return RunSummary(
        run_id,
        status,
        tuple(outcomes),
        records,
        matched,
        publication,
        table,
        tuple(timings),
        tuple(interrupted),
    )


def _fetch_and_load(
    settings: RunSettings,
    run_id: str,
    sources: list[Source],
    previous: dict[str, str],
    progress: Progress,
    timings: list[StageTiming],
    sites: dict[str, SitePrevious] | None = None,
) -> list[SourceOutcome]:
    # Its own function so that the extracted records, once in the warehouse, are freed: a
    # national run's would otherwise stay in memory through normalise, match and publish.
    mark_stage("fetch+extract")
    progress.stage("fetch+extract", total=len(sources))
    results, fetch_timing = fetch_all(settings, sources, previous, progress, sites)
    timings.append(fetch_timing)
    progress.stage("load")
    # quote(): Prefect would otherwise walk every record of every result looking for futures
    # to wait on (10 s of a 11 s load for a quarter of the country); the task gets the lists.
    quoted_results = cast(list[SourceResult], quote(results))
    quoted_sources = cast(list[Source], quote(sources))
    return _stage(
        "load", lambda: load(settings.db, run_id, quoted_results, quoted_sources), timings
    )


def _try_report(db: Path, run_id: str) -> None:
    # The report is in the warehouse either way; an unreachable Prefect API must not turn a
    # finished run into a failed one.
    try:
        publish_report(db, run_id)
    except Exception as exc:
        log.warning("run %s: the Prefect run report artifact was not created: %s", run_id, exc)
