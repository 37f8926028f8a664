"""Provenance per value: which source and page state each published value, and since when.

As OpenSanctions keeps a statement per (entity, property, value, dataset), the directory keeps
one `statements` row per (institution, field, value, source, page): a phone, an e-mail, a
website, an address, opening hours, a service. `first_seen_at` is the first night that page
stated it, `last_seen_at` the last night it did (the night its source was last read, changed
or unchanged); `current` says whether tonight's records still state it. A value a source stops
stating keeps its row, no longer current, with its last confirmation: "which phone is current"
and "when was it last confirmed" are questions the data answers.

Services carry their `origin`: `stated` (the institution's own text, or a registry's data,
says so — with the words, or the sentence, in `detail`), `name` (read from its name or a type
column) or `default` (the defaults of its type: a PCPR "offers" foster care). When the records
carry the normalise stage's statements of support (the columns `services_stated` and
`support_evidence`), each stated service brings its sentence, and the schedules stated become
`schedule` statements with theirs.

Built by SQL in the match stage (`build_statements`, inside its transaction, after the core
tables): tonight's statements from the records of every institution, merged with the earlier
ones: institutions merged tonight hand theirs to the id that took them over. On a night when
nothing changed and the match stage does not run, the load stage confirms the statements of
the sources read unchanged (`confirm_statements`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import duckdb

from warehouse.differences import replace_rows

# Evidence of a record's classification (records.evidence, transforms/classify.py) as SQL rows.
_CLASSIFICATION = (
    "from_json(json_extract(r.evidence, '$.classification'),"
    ' \'[{"kind": "VARCHAR", "code": "VARCHAR", "words": "VARCHAR", "source": "VARCHAR"}]\')'
)
_SUPPORT_SERVICES = (
    "from_json(json_extract(r.support_evidence, '$.services'),"
    ' \'[{"code": "VARCHAR", "evidence": "VARCHAR"}]\')'
)
_SUPPORT_SCHEDULES = "CAST(json_extract(r.support_evidence, '$.schedules') AS JSON[])"
_RANK = "CASE origin WHEN 'stated' THEN 0 WHEN 'name' THEN 1 ELSE 2 END"


def _has_columns(con: duckdb.DuckDBPyConnection, table: str, *columns: str) -> bool:
    found = {
        str(row[0])
        for row in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
    }
    return set(columns) <= found


def _tonight_sql(support: bool) -> str:
    """Tonight's statements: one row per institution, field, value, source and page."""
    support_rows = ""
    if support:
        support_rows = f"""
        UNION ALL
        SELECT m.institution_id, 'service', s.code, m.source, m.url, 'stated',
               json_object('evidence', s.evidence, 'ages', json(r.ages),
                           'fees_free', r.fees_free, 'referral_required', r.referral_required),
               m.seen_at
        FROM m JOIN records AS r USING (record_id), unnest({_SUPPORT_SERVICES}) AS t(s)
        WHERE r.support_evidence IS NOT NULL
        UNION ALL
        SELECT m.institution_id, 'schedule',
               json_object('days', x -> '$.days', 'opens', x ->> '$.opens',
                           'closes', x ->> '$.closes', 'what', x ->> '$.what')::VARCHAR,
               m.source, m.url, 'stated', json_object('evidence', x ->> '$.evidence'), m.seen_at
        FROM m JOIN records AS r USING (record_id), unnest({_SUPPORT_SCHEDULES}) AS t(x)
        WHERE r.support_evidence IS NOT NULL
        """
    return f"""
    CREATE OR REPLACE TEMP TABLE tonight_statements AS
    WITH m AS (
        SELECT ir.institution_id, r.record_id, r.source, w.url, w.last_seen_at AS seen_at
        FROM institution_records AS ir
        JOIN records AS r USING (record_id)
        JOIN raw_records AS w USING (record_id)
    ),
    stated AS (
        SELECT m.institution_id, 'phone' AS field, unnest(r.phones) AS value, m.source, m.url,
               'stated' AS origin, NULL::VARCHAR AS detail, m.seen_at
        FROM m JOIN records AS r USING (record_id)
        UNION ALL
        SELECT m.institution_id, 'email', unnest(r.emails), m.source, m.url, 'stated', NULL,
               m.seen_at
        FROM m JOIN records AS r USING (record_id)
        UNION ALL
        SELECT m.institution_id, 'website', r.website, m.source, m.url, 'stated', NULL, m.seen_at
        FROM m JOIN records AS r USING (record_id) WHERE r.website IS NOT NULL
        UNION ALL
        SELECT m.institution_id, 'opening_hours', r.opening_hours, m.source, m.url, 'stated',
               NULL, m.seen_at
        FROM m JOIN records AS r USING (record_id) WHERE r.opening_hours IS NOT NULL
        UNION ALL
        SELECT m.institution_id, 'address',
               concat_ws(', ', r.street, nullif(concat_ws(' ', r.postal_code, r.locality), '')),
               m.source, m.url, 'stated',
               json_object('street', r.street, 'postal_code', r.postal_code,
                           'locality', r.locality, 'gmina_teryt', r.gmina_teryt),
               m.seen_at
        FROM m JOIN records AS r USING (record_id)
        WHERE r.street IS NOT NULL OR r.postal_code IS NOT NULL
        UNION ALL
        SELECT m.institution_id, 'service', e.code, m.source, m.url,
               CASE e.source WHEN 'description' THEN 'stated'
                             WHEN 'type_default' THEN 'default' ELSE 'name' END,
               json_object('words', e.words, 'from', e.source),
               m.seen_at
        FROM m JOIN records AS r USING (record_id), unnest({_CLASSIFICATION}) AS t(e)
        WHERE e.kind = 'service' AND list_contains(r.services, e.code)
        {support_rows}
    )
    SELECT institution_id, field, value, source, url,
           -- the best origin a page gives a value (its own words over a name over a
           -- default), and of its evidence the first, so that reruns keep the same
           min(struct_pack(rank := {_RANK}, origin := origin, detail := detail)).origin
               AS origin,
           min(struct_pack(rank := {_RANK}, origin := origin, detail := detail)).detail
               AS detail,
           min(seen_at) AS first_seen_at,
           max(seen_at) AS last_seen_at
    FROM stated
    WHERE value IS NOT NULL AND value <> ''
    GROUP BY institution_id, field, value, source, url
    """


def build_statements(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Tonight's statements merged into the kept ones; returns the current rows. Call inside
    the match stage's transaction, after `institution_records` and the core tables."""
    support = _has_columns(con, "records", "services_stated", "support_evidence")
    con.execute(_tonight_sql(support))
    # Ids merged tonight: their statements follow the id that took the records over. A split
    # leaves the old id with its part; values only the other part states start afresh.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE earlier_statements AS
        WITH moved AS (
            SELECT old_id, any_value(new_id) AS new_id FROM institution_id_history
            WHERE run_id = ? AND reason = 'merged' AND new_id IS NOT NULL
            GROUP BY old_id
        )
        SELECT coalesce(moved.new_id, s.institution_id) AS institution_id,
               s.field, s.value, s.source, s.url,
               arg_max(s.origin, s.last_seen_at) AS origin,
               arg_max(s.detail, s.last_seen_at) AS detail,
               min(s.first_seen_at) AS first_seen_at,
               max(s.last_seen_at) AS last_seen_at
        FROM statements AS s LEFT JOIN moved ON moved.old_id = s.institution_id
        GROUP BY ALL
        """,
        [run_id],
    )
    # By difference (warehouse/differences.py): a night rewrites only the statements it moved.
    replace_rows(
        con,
        "statements",
        """
        SELECT coalesce(t.institution_id, e.institution_id),
               coalesce(t.field, e.field),
               coalesce(t.value, e.value),
               coalesce(t.source, e.source),
               coalesce(t.url, e.url),
               CASE WHEN t.field IS NULL THEN e.origin ELSE t.origin END,
               CASE WHEN t.field IS NULL THEN e.detail ELSE t.detail END,
               least(coalesce(e.first_seen_at, t.first_seen_at),
                     coalesce(t.first_seen_at, e.first_seen_at)),
               greatest(coalesce(e.last_seen_at, t.last_seen_at),
                        coalesce(t.last_seen_at, e.last_seen_at)),
               t.field IS NOT NULL
        FROM tonight_statements AS t
        FULL OUTER JOIN earlier_statements AS e
          ON t.institution_id = e.institution_id AND t.field = e.field AND t.value = e.value
         AND t.source = e.source AND t.url = e.url
        """,
    )
    con.execute("DROP TABLE tonight_statements")
    con.execute("DROP TABLE earlier_statements")
    row = con.execute("SELECT count(*) FROM statements WHERE current").fetchone()
    return int(row[0]) if row else 0


def confirm_statements(
    con: duckdb.DuckDBPyConnection, sources: Sequence[str], seen_at: datetime
) -> None:
    """The sources read unchanged tonight still state what they stated: confirmed now."""
    if sources:
        con.execute(
            "UPDATE statements SET last_seen_at = ?"
            " WHERE current AND source IN (SELECT unnest(?::VARCHAR[]))",
            [seen_at, list(sources)],
        )
