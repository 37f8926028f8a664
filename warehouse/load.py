"""Loading what the extract stage produced: runs, sources, documents, raw records.

Everything a run loads goes in one transaction, so a failure leaves yesterday's state intact,
and in a few set-based statements (warehouse/frames.py): at national scale a statement per
source cost minutes.
A source that failed, or that yielded fewer records than its declared minimum, keeps its last
good records: a broken page never wipes institutions from the directory. What the parsers
warned about, and why a source failed, go to the run's issues log (`issues`).

A `kind: site` source brings a document per page and what its crawl did with each page
(`site_pages`); the records of its pages that are unchanged (or failed tonight) stand as they
were, marked seen, while the rest of its records are replaced.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pandas as pd

from extractors.catalogue import Source
from extractors.crawl import PageVisit
from extractors.extract import DocumentInfo, SourceResult, declared_count
from extractors.records import RawInstitution
from warehouse.db import transaction
from warehouse.frames import insert_frame
from warehouse.statements import confirm_statements


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """What the run recorded for one source after checking its assertions."""

    source: str
    status: str  # extracted | unchanged | failed | below_minimum
    records: int | None
    message: str | None


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, catalogue: str, total: int) -> None:
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, catalogue, sources_total)"
        " VALUES (?, ?, 'running', ?, ?)",
        [run_id, datetime.now(UTC), catalogue, total],
    )


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, message: str | None = None
) -> None:
    con.execute(
        """
        UPDATE runs SET
            finished_at = ?, status = ?, message = ?,
            sources_failed = (SELECT count(*) FROM source_runs
                              WHERE run_id = ? AND status IN ('failed', 'below_minimum')),
            records = (SELECT count(*) FROM records),
            institutions = (SELECT count(*) FROM institutions)
        WHERE run_id = ?
        """,
        [datetime.now(UTC), status, message, run_id, run_id],
    )


def register_sources(con: duckdb.DuckDBPyConnection, sources: Sequence[Source]) -> None:
    """Upsert the declarations so analysts can join records to their source's facts: one
    statement for the whole catalogue (thousands of sources nationally)."""
    now = datetime.now(UTC)
    frame = _frame(
        [
            {
                "slug": s.slug,
                "title": s.title,
                "county": s.county,
                "kind": s.kind,
                "url": s.url,
                "parser": s.parser,
                "publisher": s.publisher,
                "min_records": s.min_records,
                "max_records": s.max_records,
                "declared_in": str(s.path),
                "updated_at": now,
            }
            for s in _last_by_slug(sources)
        ],
        integers=("max_records",),
    )
    with transaction(con):
        insert_frame(
            con,
            "sources",
            frame,
            on_conflict="""
            ON CONFLICT (slug) DO UPDATE SET
                title = excluded.title, county = excluded.county, kind = excluded.kind,
                url = excluded.url, parser = excluded.parser, publisher = excluded.publisher,
                min_records = excluded.min_records, max_records = excluded.max_records,
                declared_in = excluded.declared_in, updated_at = excluded.updated_at
            """,
        )


def _frame(rows: Iterable[dict[str, object]], integers: Sequence[str] = ()) -> pd.DataFrame:
    """Rows (dicts keyed by column) as a frame for `insert_frame`. Integer columns that may hold
    None are kept nullable: pandas makes them float, which DuckDB will not cast to INTEGER."""
    frame = pd.DataFrame(list(rows))
    for column in integers:
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def _last_by_slug(sources: Sequence[Source]) -> list[Source]:
    # One statement updates a row at most once; upserting one at a time, the last declaration
    # of a slug won, so it still does.
    return list({s.slug: s for s in sources}.values())


def previous_documents(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Per source, the content hash of the document its current records came from."""
    rows = con.execute(
        """
        SELECT source, document_sha256 FROM (
            SELECT source, document_sha256,
                   row_number() OVER (PARTITION BY source ORDER BY started_at DESC) AS n
            FROM source_runs
            WHERE status IN ('extracted', 'unchanged') AND document_sha256 IS NOT NULL
        ) WHERE n = 1
        """
    ).fetchall()
    return {str(source): str(sha) for source, sha in rows}


def check_assertions(result: SourceResult, source: Source) -> SourceOutcome:
    """Apply the declaration's min/max record assertions to a fresh extraction, counting what
    the source is declared for (`extractors.extract.declared_count`)."""
    if result.status != "extracted":
        return SourceOutcome(result.source, result.status, None, result.message)
    # a site's unchanged pages' records count too
    count = declared_count(source, result.records) + result.kept_records
    if count < source.min_records:
        return SourceOutcome(
            result.source,
            "below_minimum",
            count,
            f"{count} record(s), fewer than min_records {source.min_records}: "
            "the previous records are kept",
        )
    message = result.message
    if source.max_records is not None and count > source.max_records:
        message = f"warning: {count} record(s), more than max_records {source.max_records}"
    return SourceOutcome(result.source, "extracted", count, message)


def load_results(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    results: Iterable[SourceResult],
    sources: Sequence[Source],
) -> list[SourceOutcome]:
    """Load every source's result in one transaction; returns what was recorded per source.

    Set-based: the results are gathered into one frame per table and written with a handful
    of statements, whatever the number of sources. A source extracted afresh has its records
    replaced (those it no longer yields stay, inactive); an unchanged one has its active
    records marked seen; a failed or below-minimum one keeps its records as they were.
    """
    by_slug = {s.slug: s for s in sources}
    now = datetime.now(UTC)
    batch = _Batch()
    for result in results:
        source = by_slug.get(result.source)
        if source is None:
            raise ValueError(f"result for {result.source!r}, which is not in the catalogue")
        batch.add(result, check_assertions(result, source), run_id, now)
    with transaction(con):
        _write_batch(con, batch)
    return batch.outcomes


@dataclass(slots=True)
class _Batch:
    """A run's results, as the rows the set-based statements write."""

    outcomes: list[SourceOutcome] = field(default_factory=list)
    source_runs: list[dict[str, object]] = field(default_factory=list)
    documents: dict[tuple[str, str], dict[str, object]] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)  # sources whose records are replaced
    unchanged: list[str] = field(default_factory=list)
    records: dict[str, dict[str, object]] = field(default_factory=dict)
    issues: list[dict[str, object]] = field(default_factory=list)
    site_pages: list[dict[str, object]] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (site source, page url)

    def add(self, result: SourceResult, outcome: SourceOutcome, run_id: str, now: datetime) -> None:
        self.outcomes.append(outcome)
        d = result.document
        for page in dict.fromkeys((d, *result.documents) if d is not None else result.documents):
            key = (page.sha256, page.url)
            earlier = self.documents.get(key)
            # Two sources may share a document; fetched one after the other, the first
            # fetch counts as the first, the last one's headers as the current ones.
            first = page.fetched_at if earlier is None else earlier["first_fetched_at"]
            self.documents[key] = _document_row(page, first)
        self.site_pages.extend(_site_page_row(run_id, result.source, p) for p in result.pages)
        self.source_runs.append(
            {
                "run_id": run_id,
                "source": result.source,
                "status": outcome.status,
                "http_status": result.http_status,
                "document_sha256": d.sha256 if d is not None else None,
                "records": outcome.records,
                "message": outcome.message,
                "started_at": result.started_at,
                "duration_s": result.duration_s,
            }
        )
        self.issues.extend(
            {
                "run_id": run_id,
                "source": result.source,
                "seq": seq,
                "level": issue.level,
                "message": issue.message,
                "record": issue.record,
                "url": issue.url,
            }
            for seq, issue in enumerate(result.issues, start=1)
        )
        if outcome.status == "extracted":
            self.replaced.append(result.source)
            self.kept.extend((result.source, url) for url in result.kept_urls)
            for record in result.records:
                if record.record_id not in self.records:  # the first of duplicates wins
                    self.records[record.record_id] = _raw_row(record, now)
        elif outcome.status == "unchanged":
            self.unchanged.append(result.source)


def _write_batch(con: duckdb.DuckDBPyConnection, batch: _Batch) -> None:
    now = datetime.now(UTC)
    insert_frame(
        con,
        "documents",
        _frame(batch.documents.values()),
        on_conflict="""
        ON CONFLICT (sha256, url) DO UPDATE SET
            last_fetched_at = excluded.last_fetched_at, status = excluded.status,
            etag = excluded.etag, last_modified = excluded.last_modified
        """,
    )
    insert_frame(con, "source_runs", _frame(batch.source_runs, integers=("http_status", "records")))
    insert_frame(con, "issues", _frame(batch.issues))
    insert_frame(con, "site_pages", _frame(batch.site_pages, integers=_SITE_PAGE_INTEGERS))
    if batch.unchanged:
        con.execute(
            "UPDATE raw_records SET last_seen_at = ?"
            " WHERE active AND source IN (SELECT unnest(?::VARCHAR[]))",
            [now, batch.unchanged],
        )
        confirm_statements(con, batch.unchanged, now)
    if batch.replaced:
        # A site's unchanged pages keep their records (not parsed again): seen tonight.
        kept = [f"{source}\x1f{url}" for source, url in batch.kept]
        con.execute(
            """
            UPDATE raw_records SET active = false
            WHERE source IN (SELECT unnest($replaced::VARCHAR[]))
              AND source || chr(31) || url NOT IN (SELECT unnest($kept::VARCHAR[]))
            """,
            {"replaced": batch.replaced, "kept": kept},
        )
        if kept:
            con.execute(
                "UPDATE raw_records SET last_seen_at = $now WHERE active"
                " AND source || chr(31) || url IN (SELECT unnest($kept::VARCHAR[]))",
                {"now": now, "kept": kept},
            )
        insert_frame(
            con,
            "raw_records",
            _frame(batch.records.values()),
            list_columns=("phones_raw", "emails_raw", "websites_raw"),
            on_conflict=_RAW_UPSERT,
        )


_RAW_UPSERT = """
ON CONFLICT (record_id) DO UPDATE SET
    url = excluded.url, document_sha256 = excluded.document_sha256,
    fetched_at = excluded.fetched_at, last_seen_at = excluded.last_seen_at,
    context_raw = excluded.context_raw, description_raw = excluded.description_raw,
    type_raw = excluded.type_raw, gmina_raw = excluded.gmina_raw,
    powiat_raw = excluded.powiat_raw, voivodeship_raw = excluded.voivodeship_raw,
    phones_raw = excluded.phones_raw, emails_raw = excluded.emails_raw,
    websites_raw = excluded.websites_raw, nip_raw = excluded.nip_raw,
    regon_raw = excluded.regon_raw, krs_raw = excluded.krs_raw,
    rspo_raw = excluded.rspo_raw, teryt_raw = excluded.teryt_raw,
    opening_hours_raw = excluded.opening_hours_raw, extra = excluded.extra,
    active = true
"""


_SITE_PAGE_INTEGERS = ("depth", "http_status", "records")


def _site_page_row(run_id: str, source: str, page: PageVisit) -> dict[str, object]:
    return {
        "run_id": run_id,
        "source": source,
        "seq": page.seq,
        "url": page.url,
        "final_url": page.final_url,
        "depth": page.depth,
        "reason": page.reason,
        "outcome": page.outcome,
        "http_status": page.http_status,
        "document_sha256": page.sha256,
        "records": page.records,
        "message": page.message,
    }


def _document_row(d: DocumentInfo, first_fetched_at: object) -> dict[str, object]:
    return {
        "sha256": d.sha256,
        "url": d.url,
        "final_url": d.final_url,
        "status": d.status,
        "content_type": d.content_type,
        "declared_charset": d.declared_charset,
        "charset": d.charset,
        "bytes": d.bytes,
        "etag": d.etag,
        "last_modified": d.last_modified,
        "first_fetched_at": first_fetched_at,
        "last_fetched_at": d.fetched_at,
    }


def _raw_row(record: RawInstitution, now: datetime) -> dict[str, object]:
    p = record.parsed
    return {
        "record_id": record.record_id,
        "source": record.source,
        "url": record.url,
        "document_sha256": record.document_sha256,
        "fetched_at": record.fetched_at,
        "role": p.role,
        "name_raw": p.name_raw,
        "type_raw": p.type_raw,
        "street_raw": p.street_raw,
        "postal_code_raw": p.postal_code_raw,
        "locality_raw": p.locality_raw,
        "gmina_raw": p.gmina_raw,
        "powiat_raw": p.powiat_raw,
        "voivodeship_raw": p.voivodeship_raw,
        "phones_raw": list(p.phones_raw),
        "emails_raw": list(p.emails_raw),
        "websites_raw": list(p.websites_raw),
        "nip_raw": p.nip_raw,
        "regon_raw": p.regon_raw,
        "krs_raw": p.krs_raw,
        "rspo_raw": p.rspo_raw,
        "teryt_raw": p.teryt_raw,
        "opening_hours_raw": p.opening_hours_raw,
        "description_raw": p.description_raw,
        "context_raw": p.context_raw,
        "extra": json.dumps(dict(p.extra), ensure_ascii=False) if p.extra else None,
        "first_seen_at": now,
        "last_seen_at": now,
        "active": True,
    }
