"""The `nightly` Prefect flow: fetch+extract per source in parallel, then one writer.

Tasks are coarse (one per source for fetching, one per stage after that): a Prefect task run
costs tens of milliseconds, so nothing here is ever one task per record. Only the fetching task
retries; the stages after it are deterministic rebuilds that would fail the same way again.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from extractors.archive import Archive
from extractors.catalogue import Source, load_catalogue, resolve_urls
from extractors.extract import SourceResult, extract_source
from extractors.fetch import Fetcher, FetchPolicy
from extractors.parsers import parser_names
from flows.progress import Progress
from warehouse.db import open_warehouse
from warehouse.load import (
    SourceOutcome,
    finish_run,
    load_results,
    previous_documents,
    register_sources,
    start_run,
)
from warehouse.publish import Publication, write_publication
from warehouse.stages import (
    MatchSummary,
    load_gazetteer_if_present,
    match_and_build,
    rebuild_records,
)

log = logging.getLogger("wsparcie")


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


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    status: str
    outcomes: tuple[SourceOutcome, ...]
    records: int
    match: MatchSummary | None
    publication: Publication | None
    per_county_sector: tuple[tuple[str, str, str, int], ...] = field(default=())


@task(name="fetch-extract", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def fetch_extract(
    source: Source, policy: FetchPolicy, archive_dir: Path, previous: str | None
) -> SourceResult:
    with Fetcher(policy, Archive(archive_dir)) as fetcher:
        return extract_source(source, fetcher, previous)


@task(name="load", cache_policy=NO_CACHE)
def load(
    db: Path, run_id: str, results: list[SourceResult], sources: list[Source]
) -> list[SourceOutcome]:
    with open_warehouse(db) as con:
        return load_results(con, run_id, results, sources)


@task(name="normalise", cache_policy=NO_CACHE)
def normalise(db: Path) -> int:
    with open_warehouse(db) as con:
        return rebuild_records(con, load_gazetteer_if_present(con))


@task(name="match", cache_policy=NO_CACHE)
def match(db: Path, run_id: str) -> MatchSummary:
    with open_warehouse(db) as con:
        return match_and_build(con, run_id)


@task(name="publish", cache_policy=NO_CACHE)
def publish(db: Path, out: Path, notice: str | None) -> Publication:
    with open_warehouse(db) as con:
        return write_publication(con, out, notice=notice)


def prepare(settings: RunSettings) -> tuple[str, list[Source], dict[str, str]]:
    """Validate the catalogue, open a run in the warehouse, and read what was extracted before."""
    sources = load_catalogue(settings.catalogue, parser_names())
    sources = resolve_urls(sources, dict(settings.placeholders))
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    with open_warehouse(settings.db) as con:
        register_sources(con, sources)
        start_run(con, run_id, str(settings.catalogue), len(sources))
        previous = previous_documents(con)
    return run_id, sources, previous


def close_run(
    db: Path, run_id: str, status: str, message: str | None
) -> tuple[tuple[str, str, str, int], ...]:
    with open_warehouse(db) as con:
        finish_run(con, run_id, status, message)
        rows = con.execute(
            "SELECT coalesce(powiat_teryt, '-'), coalesce(powiat_name, '-'), sector, institutions"
            " FROM services_by_county_sector ORDER BY 1, 3"
        ).fetchall()
    return tuple((str(a), str(b), str(c), int(d)) for a, b, c, d in rows)


@flow(name="nightly", log_prints=False, validate_parameters=False)
def nightly(settings: RunSettings, progress: Progress | None = None) -> RunSummary:
    """Fetch and extract every source, load, normalise, match, publish."""
    progress = progress or Progress(interactive=False)
    run_id, sources, previous = prepare(settings)
    policy = FetchPolicy(
        delay_seconds=settings.delay_seconds, timeout_seconds=settings.timeout_seconds
    )
    archive = settings.archive or settings.db.parent / "archive"
    try:
        progress.stage("fetch+extract", total=len(sources))
        futures = [fetch_extract.submit(s, policy, archive, previous.get(s.slug)) for s in sources]
        results = []
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            progress.advance(f"{result.source}: {result.status}")
        results.sort(key=lambda r: r.source)
        progress.stage("load")
        outcomes = load(settings.db, run_id, results, sources)
        progress.stage("normalise")
        records = normalise(settings.db)
        progress.stage("match")
        matched = match(settings.db, run_id)
        progress.stage("publish")
        publication = publish(settings.db, settings.out, settings.notice)
        progress.done()
    except BaseException as exc:
        progress.done()
        close_run(settings.db, run_id, "failed", f"{type(exc).__name__}: {exc}")
        raise
    failed = [o for o in outcomes if o.status in ("failed", "below_minimum")]
    status = "completed" if not failed else "completed_with_failures"
    table = close_run(settings.db, run_id, status, None)
    return RunSummary(run_id, status, tuple(outcomes), records, matched, publication, table)
