"""What the publication says about where each service and contact value comes from, staged
from the `statements` table (warehouse/statements.py) for the writers.

`pub_service_evidence` holds, per (institution, service) of the directory, the best current
statement (stated over name over default; then the page that says more of it: ages, fees,
referral; then the latest confirmed): its origin (`stated` — the source's own text or data says so, `name` — read from
the name or a type column, `default` — the defaults of its type), the page and sentence that
state it (stated only), when any page last confirmed it, and the ages, fees and referral the
same text states. `pub_contact_confirmed` holds when each contact value was last confirmed,
`pub_schedules` the weekly schedules the institutions' pages state.

A sentence goes out only when it names nobody (warehouse/personal_data.py): a stated service
whose sentence names a person keeps its page, not the sentence. A page on a loopback address
(the demo's own server, a test's) is published as its path: the port changes every run and
means nothing to a reader.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import duckdb

from warehouse.personal_data import find_people, personal_emails

log = logging.getLogger(__name__)

# The warehouse's origins of a service (statements.origin) and their Polish labels.
ORIGIN_LABELS = {
    "stated": "podana w źródle",
    "name": "z nazwy lub typu podanego w źródle",
    "default": "domyślna dla typu instytucji",
}
_RANK = "CASE s.origin WHEN 'stated' THEN 0 WHEN 'name' THEN 1 ELSE 2 END"
# Of two pages stating a service, the one that says more of it (ages, fees, referral) first.
_FACTS = " + ".join(
    f"(json_extract_string(s.detail, '$.{key}') IS NOT NULL)::INTEGER"
    for key in ("ages", "fees_free", "referral_required")
)
_AGES = (
    'from_json(json_extract(best.detail, \'$.ages\'), \'[{"min": "INTEGER", "max": "INTEGER"}]\')'
)
_WARSAW_DATE = "timezone('Europe/Warsaw', {})::DATE"


def is_loopback(url: str | None) -> bool:
    host = urlsplit(url or "").hostname or ""
    return host in ("127.0.0.1", "localhost", "::1")


def _names_someone(text: str) -> bool:
    return bool(find_people(text) or personal_emails(text))


def public_url(url: str | None) -> str | None:
    """The URL as published: a loopback address as its path (with its query)."""
    if not url or not is_loopback(url):
        return url
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def stage_service_evidence(con: duckdb.DuckDBPyConnection, published: str) -> None:
    """Temp table pub_service_evidence: one row per (institution, service) of `services` whose
    institution is published (`published`: the SQL condition on institution_id)."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_service_evidence AS
        WITH ranked AS (
            SELECT s.institution_id, s.value AS service,
                   min(struct_pack(rank := {_RANK}, facts := -({_FACTS}),
                                   seen := -epoch(s.last_seen_at), url := s.url,
                                   origin := s.origin, detail := s.detail)) AS best,
                   max(s.last_seen_at) AS last_seen_at
            FROM statements AS s
            WHERE s.field = 'service' AND s.current
            GROUP BY s.institution_id, s.value
        ),
        chosen AS (
            SELECT v.institution_id, v.service, r.best, r.last_seen_at
            FROM services AS v LEFT JOIN ranked AS r USING (institution_id, service)
            WHERE v.{published}
        )
        SELECT institution_id, service,
               -- a service no statement carries (a warehouse from before statements) is
               -- marked as the type's default: nothing states it
               coalesce(best.origin, 'default') AS origin,
               CASE WHEN best.origin IN ('stated', 'name') THEN best.url END AS evidence_url,
               CASE WHEN best.origin = 'stated'
                    THEN nullif(trim(json_extract_string(best.detail, '$.evidence')), '') END
                   AS evidence_text,
               {_WARSAW_DATE.format("last_seen_at")} AS last_confirmed,
               CASE WHEN len({_AGES}) > 0
                         AND len(list_filter({_AGES}, a -> a.min IS NULL)) = 0
                    THEN list_min(list_transform({_AGES}, a -> a.min)) END AS age_min,
               CASE WHEN len({_AGES}) > 0
                         AND len(list_filter({_AGES}, a -> a.max IS NULL)) = 0
                    THEN list_max(list_transform({_AGES}, a -> a.max)) END AS age_max,
               CASE WHEN best.origin = 'stated'
                    THEN TRY_CAST(json_extract_string(best.detail, '$.fees_free') AS BOOLEAN)
               END AS fees_free,
               CASE WHEN best.origin = 'stated'
                    THEN TRY_CAST(json_extract_string(best.detail, '$.referral_required')
                                  AS BOOLEAN)
               END AS referral_required
        FROM chosen
        """
    )
    _leave_out_people(con, "pub_service_evidence", "evidence_text")
    _public_urls(con, "pub_service_evidence", "evidence_url")


def _leave_out_people(con: duckdb.DuckDBPyConnection, table: str, column: str) -> None:
    """Empty the cells of `table`.`column` whose text names a person."""
    texts = [
        str(t)
        for (t,) in con.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL"
        ).fetchall()
    ]
    personal = [t for t in texts if _names_someone(t)]
    if personal:
        log.info("%s.%s: %d text(s) name a person: left out", table, column, len(personal))
        con.execute(
            f"UPDATE {table} SET {column} = NULL WHERE {column} IN (SELECT unnest(?::VARCHAR[]))",
            [personal],
        )


def _public_urls(con: duckdb.DuckDBPyConnection, table: str, column: str) -> None:
    urls = [
        str(u)
        for (u,) in con.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL"
        ).fetchall()
    ]
    changed = [(u, public_url(u)) for u in urls if public_url(u) != u]
    if changed:  # one statement: per URL, it was thousands at national scale elsewhere
        con.execute(
            f"""
            UPDATE {table} AS t SET {column} = m.public
            FROM (SELECT unnest(?::VARCHAR[]) AS url, unnest(?::VARCHAR[]) AS public) AS m
            WHERE t.{column} = m.url
            """,
            [[u for u, _p in changed], [p for _u, p in changed]],
        )


def stage_contact_confirmed(con: duckdb.DuckDBPyConnection) -> None:
    """Temp table pub_contact_confirmed (institution_id, kind, value, last_confirmed): the
    last day a page still stated each current contact value."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_contact_confirmed AS
        SELECT institution_id, field AS kind, value,
               {_WARSAW_DATE.format("max(last_seen_at)")} AS last_confirmed
        FROM statements
        WHERE current AND field IN ('phone', 'email', 'website', 'opening_hours')
        GROUP BY institution_id, field, value
        """
    )


def stage_schedules(con: duckdb.DuckDBPyConnection, published: str) -> None:
    """Temp table pub_schedules: the weekly schedules stated by the published institutions'
    pages (days as iCalendar BYDAY codes, opens and closes as HH:MM), with the page, the
    sentence (when it names nobody) and the last day a page stated it."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_schedules AS
        SELECT institution_id, value AS schedule,
               array_to_string(list_transform(
                   from_json(json_extract(value, '$.days'), '["VARCHAR"]'), d -> upper(d)), ',')
                   AS byday,
               json_extract_string(value, '$.opens') AS opens,
               json_extract_string(value, '$.closes') AS closes,
               nullif(json_extract_string(value, '$.what'), '') AS what,
               min(url) AS url,
               nullif(trim(min(json_extract_string(detail, '$.evidence'))), '') AS evidence_text,
               {_WARSAW_DATE.format("max(last_seen_at)")} AS last_confirmed
        FROM statements
        WHERE current AND field = 'schedule' AND {published}
        GROUP BY institution_id, value
        """
    )
    _leave_out_people(con, "pub_schedules", "evidence_text")
    _leave_out_people(con, "pub_schedules", "what")
    _public_urls(con, "pub_schedules", "url")
