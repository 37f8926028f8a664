"""Turning the matcher's doubts (transforms.er.review) into review cases for the queue.

The matcher knows pairs and clusters; a coordinator needs to know whose county a case is in,
which sector, and how much it matters. This reads that from the warehouse after the core
tables are rebuilt (`institution_records`, `institutions`, `services`) and ranks each case:
a case about an institution with many records and services comes before a lone mention, and
a pair the model nearly merged comes before one it nearly rejected.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from review.store import ReviewCase
from transforms.er.review import ConflictCase, PairCase
from transforms.taxonomy import TYPE_OTHER


@dataclass(frozen=True, slots=True)
class RecordContext:
    powiat_teryt: str | None
    sector: str | None
    institution_id: str | None
    weight: int  # records + services of the record's institution (1 for a lone record)


_CONTEXT_SQL = """
    SELECT r.record_id, r.powiat_teryt, r.sector, ir.institution_id,
           coalesce(i.record_count, 1)
           + coalesce((SELECT count(*) FROM services s
                       WHERE s.institution_id = ir.institution_id), 0)
    FROM records r
    LEFT JOIN institution_records ir USING (record_id)
    LEFT JOIN institutions i ON i.institution_id = ir.institution_id
"""


def _contexts(
    con: duckdb.DuckDBPyConnection, where: str, parameters: list[object]
) -> dict[str, RecordContext]:
    rows = con.execute(f"{_CONTEXT_SQL} WHERE {where} ORDER BY r.record_id", parameters)
    return {
        str(r[0]): RecordContext(r[1], r[2], r[3], int(r[4]))
        for r in rows.fetchall()  # institution ids and codes are VARCHAR or NULL already
    }


def record_context(
    con: duckdb.DuckDBPyConnection, record_ids: Sequence[str]
) -> dict[str, RecordContext]:
    return _contexts(con, "list_contains(?, r.record_id)", [sorted(set(record_ids))])


def pair_priority(weight: int, probability: float, review: float, match: float) -> float:
    """How much a pair matters: size of what it touches, times how close it came to a merge."""
    span = match - review
    closeness = (probability - review) / span if span > 0 else probability
    closeness = min(1.0, max(0.0, closeness))
    return round((1.0 + math.log1p(weight)) * (0.5 + 0.5 * closeness), 4)


def conflict_priority(weight: int) -> float:
    # A wrong phone sends a family to a dead line: as urgent as a likely merge of the same size.
    return round((1.0 + math.log1p(weight)) * 0.9, 4)


def cases_from_matcher(
    con: duckdb.DuckDBPyConnection,
    pairs: Sequence[PairCase],
    conflicts: Sequence[ConflictCase],
    *,
    review_threshold: float,
    match_threshold: float,
) -> list[ReviewCase]:
    """Review cases for the night's doubtful pairs and field conflicts. A pair takes the county
    and sector of its first record that has one; a conflict those of its institution."""
    wanted = [r for p in pairs for r in (p.record_a, p.record_b)]
    wanted += [r for c in conflicts for _v, records in c.values for r in records]
    wanted += [c.cluster_key for c in conflicts]
    context = record_context(con, wanted)
    cases = []
    for pair in pairs:
        a, b = context.get(pair.record_a), context.get(pair.record_b)
        known = [c for c in (a, b) if c is not None]
        powiat = next((c.powiat_teryt for c in known if c.powiat_teryt), None)
        sector = next((c.sector for c in known if c.sector), None)
        weight = sum(c.weight for c in known) or 1
        cases.append(
            ReviewCase(
                kind="pair",
                powiat_teryt=powiat,
                sector=sector,
                institution_id=a.institution_id if a else None,
                record_a=pair.record_a,
                record_b=pair.record_b,
                score=pair.probability,
                evidence=pair.evidence,
                priority=pair_priority(weight, pair.probability, review_threshold, match_threshold),
            )
        )
    for conflict in conflicts:
        head = context.get(conflict.cluster_key)
        if head is None or head.institution_id is None:
            continue  # the record left the directory since the matcher ran
        cases.append(
            ReviewCase(
                kind="field_conflict",
                powiat_teryt=head.powiat_teryt,
                sector=head.sector,
                institution_id=head.institution_id,
                field=conflict.field,
                values=conflict.values,
                priority=conflict_priority(head.weight),
            )
        )
    return cases


def not_institution_cases(con: duckdb.DuckDBPyConnection) -> list[ReviewCase]:
    """ "Is this an institution at all?" for every record whose name the classifier recognised
    as no kind of institution (type `other`): a shop, a person or a page heading that slipped
    through detection. Needs `institution_records` and `institutions` of this night. A record a
    coordinator already excluded keeps its (decided) case; it has no institution any more."""
    return [
        ReviewCase(
            kind="not_institution",
            powiat_teryt=context.powiat_teryt,
            sector=context.sector,
            institution_id=context.institution_id,
            record_a=record_id,
            # Below a doubtful pair of the same size: a stray record misleads less than a merge.
            priority=round((1.0 + math.log1p(context.weight)) * 0.4, 4),
        )
        for record_id, context in _contexts(con, "r.type_code = ?", [TYPE_OTHER]).items()
    ]
