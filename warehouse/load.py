"""Loading what the extract stage produced: runs, sources, documents, raw records.

Everything a run loads goes in one transaction, so a failure leaves yesterday's state intact.
A source that failed, or that yielded fewer records than its declared minimum, keeps its last
good records: a broken page never wipes institutions from the directory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import pandas as pd

from extractors.catalogue import Source
from extractors.extract import SourceResult
from extractors.records import RawInstitution
from warehouse.db import transaction


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
    """Upsert the declarations so analysts can join records to their source's facts."""
    now = datetime.now(UTC)
    with transaction(con):
        for s in sources:
            con.execute(
                """
                INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (slug) DO UPDATE SET
                    title = excluded.title, county = excluded.county, kind = excluded.kind,
                    url = excluded.url, parser = excluded.parser, publisher = excluded.publisher,
                    min_records = excluded.min_records, max_records = excluded.max_records,
                    declared_in = excluded.declared_in, updated_at = excluded.updated_at
                """,
                [
                    s.slug,
                    s.title,
                    s.county,
                    s.kind,
                    s.url,
                    s.parser,
                    s.publisher,
                    s.min_records,
                    s.max_records,
                    str(s.path),
                    now,
                ],
            )


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
    """Apply the declaration's min/max record assertions to a fresh extraction."""
    if result.status != "extracted":
        return SourceOutcome(result.source, result.status, None, result.message)
    count = len(result.records)
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
    """Load every source's result in one transaction; returns what was recorded per source."""
    by_slug = {s.slug: s for s in sources}
    outcomes: list[SourceOutcome] = []
    now = datetime.now(UTC)
    with transaction(con):
        for result in results:
            outcome = check_assertions(result, by_slug[result.source])
            outcomes.append(outcome)
            if result.document is not None:
                _upsert_document(con, result)
            con.execute(
                "INSERT INTO source_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    run_id,
                    result.source,
                    outcome.status,
                    result.http_status,
                    result.document.sha256 if result.document else None,
                    outcome.records,
                    outcome.message,
                    result.started_at,
                    result.duration_s,
                ],
            )
            if outcome.status == "extracted":
                _replace_source_records(con, result.source, result.records, now)
            elif outcome.status == "unchanged":
                con.execute(
                    "UPDATE raw_records SET last_seen_at = ? WHERE source = ? AND active",
                    [now, result.source],
                )
    return outcomes


def _upsert_document(con: duckdb.DuckDBPyConnection, result: SourceResult) -> None:
    d = result.document
    assert d is not None
    con.execute(
        """
        INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (sha256, url) DO UPDATE SET
            last_fetched_at = excluded.last_fetched_at, status = excluded.status,
            etag = excluded.etag, last_modified = excluded.last_modified
        """,
        [
            d.sha256,
            d.url,
            d.final_url,
            d.status,
            d.content_type,
            d.declared_charset,
            d.charset,
            d.bytes,
            d.etag,
            d.last_modified,
            d.fetched_at,
            d.fetched_at,
        ],
    )


def _replace_source_records(
    con: duckdb.DuckDBPyConnection,
    source: str,
    records: Sequence[RawInstitution],
    now: datetime,
) -> None:
    """Upsert this extraction's records; the source's records it no longer yields go inactive."""
    unique: dict[str, RawInstitution] = {}
    for record in records:
        unique.setdefault(record.record_id, record)
    con.execute("UPDATE raw_records SET active = false WHERE source = ?", [source])
    if not unique:
        return
    frame = pd.DataFrame([_raw_row(r, now) for r in unique.values()])
    con.register("incoming_raw_records", frame)
    try:
        con.execute(
            """
            INSERT INTO raw_records BY NAME
            SELECT * REPLACE (
                CAST(phones_raw AS VARCHAR[]) AS phones_raw,
                CAST(emails_raw AS VARCHAR[]) AS emails_raw,
                CAST(websites_raw AS VARCHAR[]) AS websites_raw
            ) FROM incoming_raw_records
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
        )
    finally:
        con.unregister("incoming_raw_records")


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
