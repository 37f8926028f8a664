"""The set-based stages over DuckDB: staging records, matching, the core directory tables.

Each stage rebuilds its tables from the ones before it inside one transaction: if it fails,
the previous night's tables stay as they were, and rerunning the stage completes the work.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime

import duckdb
import pandas as pd

from transforms.er.cluster import assign_cluster_ids
from transforms.normalise import NormalisedRecord, RawRow, normalise_record
from transforms.places import Gazetteer
from warehouse.canonical_names import choose_names
from warehouse.db import transaction
from warehouse.differences import replace_rows
from warehouse.frames import insert_frame
from warehouse.judgements import (
    RejectedValue,
    current_decisions,
    excluded_records,
    rejected_values,
)
from warehouse.match_state import match_records
from warehouse.mentions import (
    MENTION_WEIGHT,
    held_mentions,
    new_institution_cases,
    without_mention_values,
)
from warehouse.national_gazetteer import warehouse_or_national_gazetteer
from warehouse.review_queue import (
    acronym_name_cases,
    cases_from_matcher,
    not_institution_cases,
    upsert_cases,
)
from warehouse.sites import site_joins
from warehouse.statements import build_statements

log = logging.getLogger(__name__)

# The statements a record's text makes (services_stated … schedules) are stored as list,
# boolean and JSON columns (migration 007); `_support_columns` says how.
_SUPPORT_FIELDS = ("services_stated", "services_default", "ages", "fees", "referral", "schedules")
_RECORD_COLUMNS = [f.name for f in fields(NormalisedRecord) if f.name not in _SUPPORT_FIELDS]
_SUPPORT_COLUMNS = [
    "services_stated",
    "services_default",
    "ages",
    "fees_free",
    "referral_required",
    "schedules",
    "support_evidence",
]


@dataclass(frozen=True, slots=True)
class MatchSummary:
    records: int
    institutions: int
    merged_ids: int
    retired_ids: int
    split_ids: int
    by_rule: tuple[tuple[str, int], ...]
    review_cases: int = 0
    # Which match ran ("full" | "incremental", warehouse/match_state.py), why, the records
    # that came, changed or left since the kept state, those re-clustered, the matcher's seconds.
    match_kind: str = "full"
    match_reason: str = ""
    records_changed: int = 0
    records_reclustered: int = 0
    matcher_seconds: float = 0.0


def load_gazetteer_if_present(con: duckdb.DuckDBPyConnection) -> Gazetteer | None:
    """The gazetteer loaded into this warehouse, else the national one shipped with the
    package (warehouse/national_gazetteer.py)."""
    return warehouse_or_national_gazetteer(con)


def read_raw_rows(con: duckdb.DuckDBPyConnection) -> list[RawRow]:
    rows = con.execute(
        """
        SELECT r.record_id, r.source, s.county, r.role, r.name_raw, r.type_raw, r.street_raw,
               r.postal_code_raw, r.locality_raw, r.gmina_raw, r.powiat_raw,
               r.phones_raw, r.emails_raw, r.websites_raw, r.nip_raw, r.regon_raw, r.krs_raw,
               r.rspo_raw, r.opening_hours_raw, r.description_raw, r.fetched_at,
               r.voivodeship_raw, r.url
        FROM raw_records AS r JOIN sources AS s ON s.slug = r.source
        WHERE r.active
        ORDER BY r.record_id
        """
    ).fetchall()
    out = []
    for row in rows:
        values = list(row)
        for i in (11, 12, 13):
            values[i] = tuple(values[i] or ())
        out.append(RawRow(*values))
    return out


def rebuild_records(con: duckdb.DuckDBPyConnection, gazetteer: Gazetteer | None) -> int:
    """Normalise every active raw record into `records`; returns the row count."""
    normalised = [normalise_record(row, gazetteer) for row in read_raw_rows(con)]
    frame = pd.DataFrame(
        [
            dict(zip(_RECORD_COLUMNS, _record_values(r), strict=True)) | _support_columns(r)
            for r in normalised
        ],
        columns=_RECORD_COLUMNS + _SUPPORT_COLUMNS,
    )
    with transaction(con):
        con.execute("DELETE FROM records")
        insert_frame(
            con,
            "records",
            frame,
            list_columns=(
                "phones",
                "emails",
                "services",
                "target_groups",
                "services_stated",
                "services_default",
            ),
        )
    return len(normalised)


def _record_values(record: NormalisedRecord) -> list[object]:
    values = {f.name: getattr(record, f.name) for f in fields(NormalisedRecord)}
    return [
        list(v) if isinstance(v, tuple) else v
        for k, v in values.items()
        if k != "place_free_key" and k not in _SUPPORT_FIELDS
    ]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _support_columns(record: NormalisedRecord) -> dict[str, object]:
    """The record's statements as columns: codes and values for analysts, the sentences that
    state them apart (`support_evidence`, left out of the snapshot: they may name staff)."""
    schedules = [
        {"days": list(s.days), "opens": s.opens, "closes": s.closes, "what": s.what}
        for s in record.schedules
    ]
    evidence = {
        "services": [{"code": s.code, "evidence": s.evidence} for s in record.services_stated],
        "ages": [{"min": a.min, "max": a.max, "evidence": a.evidence} for a in record.ages],
        "fees": asdict(record.fees) if record.fees else None,
        "referral": asdict(record.referral) if record.referral else None,
        "schedules": [
            {**s, "evidence": x.evidence} for s, x in zip(schedules, record.schedules, strict=True)
        ],
    }
    stated = bool(record.services_stated or record.ages or record.schedules)
    return {
        "services_stated": [s.code for s in record.services_stated],
        "services_default": list(record.services_default),
        "ages": _json([{"min": a.min, "max": a.max} for a in record.ages]) if record.ages else None,
        "fees_free": record.fees.free if record.fees else None,
        "referral_required": record.referral.required if record.referral else None,
        "schedules": _json(schedules) if schedules else None,
        "support_evidence": _json(evidence) if stated or record.fees or record.referral else None,
    }


def match_and_build(
    con: duckdb.DuckDBPyConnection, run_id: str, *, full_match: bool = False
) -> MatchSummary:
    """Match `records` into institutions with stable ids, rebuild the core tables, and put the
    night's doubtful pairs and field conflicts in the review queue. Coordinators' decisions
    always win over the matcher's score. The match is incremental when the matcher's kept
    state allows it, in full when `full_match` asks for it (warehouse/match_state.py)."""
    decisions = current_decisions(con)
    # A site's pages are one institution; a coordinator's decision, applied after, still wins.
    matched = match_records(con, [*site_joins(con), *decisions], full=full_match)
    resolution = matched.resolution
    # "Not an institution" decisions take a record out of the directory: it keeps its row in
    # `records` (and its case), but no institution is built from it, now or on later nights.
    excluded = excluded_records(con)
    # Mentions that matched no institution's own record wait for a coordinator's yes.
    held = held_mentions(con, resolution.clusters, excluded)
    members: defaultdict[str, list[str]] = defaultdict(list)
    for record_id, key in resolution.clusters.items():
        if record_id not in excluded and record_id not in held.records:
            members[key].append(record_id)
    previous = dict(
        con.execute("SELECT record_id, institution_id FROM institution_records").fetchall()
    )
    mentions = {
        str(r[0])
        for r in con.execute("SELECT record_id FROM records WHERE role = 'mention'").fetchall()
    }
    ids, changes = assign_cluster_ids(members, previous, mentions)
    decided = {(d.record_a, d.record_b) for d in decisions if d.verdict == "same"}
    decided_records = {r for pair in decided for r in pair}
    rows = [
        (
            record_id,
            institution_id,
            "decision"
            if record_id in decided_records
            else "matched"
            if len(members[resolution.clusters[record_id]]) > 1
            else "single",
        )
        for record_id, institution_id in sorted(ids.items())
    ]
    now = datetime.now(UTC)
    with transaction(con):
        # By difference, set-based: a night rewrites only the members that moved.
        members_frame = pd.DataFrame(rows, columns=["record_id", "institution_id", "match_rule"])
        con.register("stage_members", members_frame)
        try:
            replace_rows(
                con,
                "institution_records",
                "SELECT CAST(record_id AS VARCHAR), CAST(institution_id AS VARCHAR),"
                " CAST(match_rule AS VARCHAR) FROM stage_members",
            )
        finally:
            con.unregister("stage_members")
        if changes:
            history = pd.DataFrame(
                [(c.old_id, c.new_id, run_id, c.reason, now) for c in changes],
                columns=["old_id", "new_id", "run_id", "reason", "recorded_at"],
            )
            insert_frame(con, "institution_id_history", history)
        _build_core_tables(con, rejected_values(con))
        choose_names(con)  # warehouse/canonical_names.py
        build_statements(con, run_id)
        cases = cases_from_matcher(
            con,
            resolution.review_cases,
            without_mention_values(con, resolution.conflict_cases),
            review_threshold=resolution.thresholds.review,
            match_threshold=resolution.thresholds.match,
        )
        cases += not_institution_cases(con)
        cases += acronym_name_cases(con)
        cases += new_institution_cases(con, held)
    upsert_cases(con, run_id, cases)  # in a transaction of its own
    for rule in resolution.rule_counts:
        log.info("blocking rule %s", rule)
    by_rule: dict[str, int] = {}
    for _record, _institution, rule_name in rows:
        by_rule[rule_name] = by_rule.get(rule_name, 0) + 1
    return MatchSummary(
        records=len(rows),
        institutions=len(set(ids.values())),
        merged_ids=sum(c.reason == "merged" for c in changes),
        retired_ids=sum(c.reason == "retired" for c in changes),
        split_ids=sum(c.reason == "split" for c in changes),
        by_rule=tuple(sorted(by_rule.items())),
        review_cases=len(cases),
        match_kind=matched.kind,
        match_reason=matched.reason,
        records_changed=matched.records_changed,
        records_reclustered=matched.records_reclustered,
        matcher_seconds=round(matched.seconds, 2),
    )


def _build_core_tables(
    con: duckdb.DuckDBPyConnection, rejected: Sequence[RejectedValue] = ()
) -> None:
    """institutions, locations, contacts, services from records + institution_records (SQL),
    each written by difference (warehouse/differences.py).

    `rejected` are the values coordinators marked as no longer current in a field conflict:
    a rejected address leaves out the locations of the records that gave it, a rejected phone
    leaves the institution's contacts (compared on its last nine digits, the Polish number,
    whatever notation the matcher showed it in)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE review_rejected"
        " (field VARCHAR, value VARCHAR, record_id VARCHAR)"
    )
    if rejected:
        con.executemany(
            "INSERT INTO review_rejected VALUES (?, ?, ?)",
            [(r.field, r.value, r.record_id) for r in rejected],
        )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP VIEW member_records AS
        SELECT m.institution_id, r.*, w.first_seen_at, w.last_seen_at,
               CASE r.role WHEN 'subject' THEN 0 WHEN 'row' THEN 1 ELSE 2 END AS role_rank,
               CASE r.role WHEN 'mention' THEN {MENTION_WEIGHT} ELSE 1.0 END AS weight
        FROM institution_records AS m
        JOIN records AS r USING (record_id)
        JOIN raw_records AS w USING (record_id)
        """
    )
    # The name and type come from the most authoritative record: an institution's own page,
    # then a registry or spreadsheet row, then an article mention; a name that opens with an
    # acronym or is all capitals ("PCPR Radomsko", "POWIATOWY URZAD PRACY") only when there is
    # no other; ties go to the commoner name, then to the commoner type, then to the smallest
    # record id, so that a rerun publishes the same name and type (two lists writing one name,
    # one typed "dps", the other "care_home", flipped between runs).
    replace_rows(
        con,
        "institutions",
        """
        WITH named AS (
            SELECT institution_id, name, acronym, type_code, sector, role_rank, record_id,
                   count(*) OVER (PARTITION BY institution_id, name) AS votes,
                   count(*) OVER (PARTITION BY institution_id, type_code) AS type_votes
            FROM member_records
        ),
        best AS (
            SELECT * FROM named
            QUALIFY row_number() OVER (
                PARTITION BY institution_id
                ORDER BY regexp_matches(name, '^[A-ZĄĆĘŁŃÓŚŹŻ-]{2,}( |$)'), role_rank, votes DESC,
                         length(name) DESC, name, type_votes DESC, record_id
            ) = 1
        ),
        placed AS (
            SELECT institution_id, powiat_teryt, powiat_name, gmina_teryt, gmina_name
            FROM member_records
            QUALIFY row_number() OVER (
                PARTITION BY institution_id
                ORDER BY (record_id IN (SELECT record_id FROM review_rejected
                                        WHERE field = 'address')),
                         (place_status = 'resolved') DESC, (gmina_teryt IS NULL), role_rank, record_id
            ) = 1
        ),
        votes AS (
            SELECT institution_id, field, value, sum(weight) AS n
            FROM (
                SELECT institution_id, 'nip' AS field, nip AS value, weight FROM member_records
                UNION ALL SELECT institution_id, 'regon', regon, weight FROM member_records
                UNION ALL SELECT institution_id, 'krs', krs, weight FROM member_records
                UNION ALL SELECT institution_id, 'rspo', rspo, weight FROM member_records
                UNION ALL SELECT institution_id, 'website', website, weight FROM member_records
            )
            WHERE value IS NOT NULL
            GROUP BY institution_id, field, value
            -- the commonest value wins; ties go to the smallest, so reruns publish the same
            QUALIFY row_number() OVER (PARTITION BY institution_id, field ORDER BY n DESC, value) = 1
        ),
        agg AS (
            SELECT institution_id,
                   any_value(v.value) FILTER (WHERE v.field = 'nip') AS nip,
                   any_value(v.value) FILTER (WHERE v.field = 'regon') AS regon,
                   any_value(v.value) FILTER (WHERE v.field = 'krs') AS krs,
                   any_value(v.value) FILTER (WHERE v.field = 'rspo') AS rspo,
                   any_value(v.value) FILTER (WHERE v.field = 'website') AS website,
                   count(DISTINCT m.record_id) AS record_count,
                   count(DISTINCT m.source) AS source_count,
                   min(m.first_seen_at) AS first_seen_at,
                   max(m.last_seen_at) AS last_seen_at
            FROM member_records AS m LEFT JOIN votes AS v USING (institution_id)
            GROUP BY institution_id
        )
        SELECT b.institution_id, b.name, b.acronym, b.type_code, b.sector,
               a.nip, a.regon, a.krs, a.rspo, a.website,
               p.powiat_teryt, p.powiat_name, p.gmina_teryt, p.gmina_name,
               a.record_count, a.source_count, a.first_seen_at, a.last_seen_at
        FROM best AS b JOIN agg AS a USING (institution_id) JOIN placed AS p USING (institution_id)
        """,
    )
    replace_rows(
        con,
        "locations",
        """
        SELECT institution_id, street, postal_code, locality, locality_simc, gmina_teryt,
               gmina_name, powiat_teryt, powiat_name, list(DISTINCT source ORDER BY source)
        FROM member_records AS m
        WHERE (street IS NOT NULL OR postal_code IS NOT NULL)
          AND record_id NOT IN (SELECT record_id FROM review_rejected WHERE field = 'address')
          -- a mention's address only where the institution's own records give none
          AND NOT (m.role = 'mention' AND EXISTS (
              SELECT 1 FROM member_records AS o
              WHERE o.institution_id = m.institution_id AND o.role <> 'mention'
                AND (o.street IS NOT NULL OR o.postal_code IS NOT NULL)))
        GROUP BY ALL
        """,
    )
    replace_rows(
        con,
        "contacts",
        """
        WITH given AS (
            SELECT institution_id, 'phone' AS kind, unnest(phones) AS value, source, role
            FROM member_records
            UNION ALL
            SELECT institution_id, 'email', unnest(emails), source, role FROM member_records
            UNION ALL
            SELECT institution_id, 'website', website, source, role FROM member_records
            WHERE website IS NOT NULL
            UNION ALL
            SELECT institution_id, 'opening_hours', opening_hours, source, role
            FROM member_records WHERE opening_hours IS NOT NULL
        ),
        -- a mention's contact of a kind only where the institution's own records give none
        own AS (SELECT DISTINCT institution_id, kind FROM given WHERE role <> 'mention')
        SELECT institution_id, kind, value, list(DISTINCT source ORDER BY source)
        FROM given AS c
        WHERE (c.role <> 'mention' OR NOT EXISTS (
            SELECT 1 FROM own AS o WHERE o.institution_id = c.institution_id AND o.kind = c.kind))
          AND NOT (c.kind = 'phone' AND EXISTS (
            SELECT 1 FROM review_rejected AS x
            JOIN institution_records AS m ON m.record_id = x.record_id
            WHERE x.field = 'phone' AND m.institution_id = c.institution_id
              AND right(regexp_replace(x.value, '[^0-9]', '', 'g'), 9)
                  = right(regexp_replace(c.value, '[^0-9]', '', 'g'), 9)
        ))
        GROUP BY ALL
        """,
    )
    replace_rows(
        con,
        "services",
        """
        SELECT institution_id, service, list(DISTINCT source ORDER BY source)
        FROM (SELECT institution_id, unnest(services) AS service, source FROM member_records)
        GROUP BY ALL
        """,
    )
    replace_rows(
        con,
        "institution_target_groups",
        """
        SELECT DISTINCT institution_id, unnest(target_groups) FROM member_records
        """,
    )
