"""The review queue in the warehouse: the cases a coordinator settles, as the matcher asks them.

A case is one question the matcher could not answer alone: are two records one institution
(`pair`), which of an institution's values is current (`field_conflict`), is a record an
institution at all (`not_institution`), what is the full name of an institution only an acronym
names (`acronym_name`, from warehouse/canonical_names.py). The match stage builds them every night from the
matcher's doubts (`cases_from_matcher`, `not_institution_cases`), reading from the rebuilt core
tables whose county and sector each case is in and how much it matters, and writes them with
`upsert_cases`: open cases are replaced by the night's, decided ones are kept.

A case id is a hash of what the case is about — the kind and the ordered record pair, or the
institution and field — so the same question asked again tomorrow has the same id, and a
decision keyed by it (warehouse/judgements.py) survives any number of nightly rebuilds (and an
export/import).

A case about an institution with many records and services comes before a lone mention, and
a pair the model nearly merged comes before one it nearly rejected.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast, get_args

import duckdb
import pandas as pd

from transforms.er.review import ConflictCase, Evidence, PairCase
from transforms.taxonomy import TYPE_OTHER
from warehouse.db import transaction
from warehouse.frames import insert_frame

CaseKind = Literal["pair", "field_conflict", "not_institution", "acronym_name", "new_institution"]
CASE_KINDS: tuple[CaseKind, ...] = get_args(CaseKind)
CaseValues = tuple[tuple[str, tuple[str, ...]], ...]


class ReviewError(ValueError):
    """A case, decision or decisions file the review store cannot accept; the message says why."""


def case_key(
    kind: str,
    record_a: str | None,
    record_b: str | None,
    institution_id: str | None,
    field_name: str | None,
) -> str:
    """The stable id of a case: what it asks about, never when or by which run."""
    if kind == "pair":
        subject = f"pair|{record_a}|{record_b}"
    elif kind == "field_conflict":
        subject = f"field_conflict|{institution_id}|{field_name}"
    elif kind in ("not_institution", "new_institution"):
        subject = f"{kind}|{record_a}"
    elif kind == "acronym_name":
        subject = f"acronym_name|{institution_id}"
    else:
        raise ReviewError(f"unknown case kind {kind!r} (expected one of {CASE_KINDS})")
    return "c_" + hashlib.sha256(subject.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ReviewCase:
    """A question for a coordinator, as the matcher asks it.

    `pair`: are record_a and record_b (ordered, a < b) one institution? `field_conflict`: the
    records of `institution_id` disagree on `field`; `values` lists each value with the records
    that gave it. `not_institution`: is record_a an institution at all? `new_institution`: is
    the institution record_a names (with the other mentions in `values`) one to add to the
    directory? `acronym_name`: how is the institution only an acronym names called in full?
    `evidence` carries the matcher's ladder levels and weights; `priority` orders the queue
    (higher first).

    `powiat_teryt` is the county the case is shown under; `counties` every county it touches
    (its records' and their institutions'), sorted: who may decide it depends on all of them.
    Left empty, it is `powiat_teryt` alone."""

    kind: CaseKind
    powiat_teryt: str | None
    sector: str | None
    institution_id: str | None = None
    record_a: str | None = None
    record_b: str | None = None
    field: str | None = None
    values: CaseValues = ()
    score: float | None = None
    evidence: tuple[Evidence, ...] = ()
    priority: float = 0.0
    counties: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        known = set(self.counties) | ({self.powiat_teryt} if self.powiat_teryt else set())
        object.__setattr__(self, "counties", tuple(sorted(known)))
        where = f"review case {self.kind}/{self.record_a}/{self.record_b}/{self.field}"
        if self.kind not in CASE_KINDS:
            raise ReviewError(f"{where}: unknown kind (expected one of {CASE_KINDS})")
        if self.kind == "pair":
            if not self.record_a or not self.record_b or not self.record_a < self.record_b:
                raise ReviewError(f"{where}: a pair needs two records ordered record_a < record_b")
        elif self.kind == "field_conflict":
            if not self.institution_id or not self.field or len(self.values) < 2:
                raise ReviewError(f"{where}: needs institution_id, field and two or more values")
        elif self.kind == "acronym_name":
            if not self.institution_id or not self.record_a or not self.values:
                raise ReviewError(f"{where}: needs institution_id, record_a and the acronym")
        elif not self.record_a:
            raise ReviewError(f"{where}: needs record_a")

    @property
    def case_id(self) -> str:
        return case_key(self.kind, self.record_a, self.record_b, self.institution_id, self.field)

    def record_ids(self) -> tuple[str, ...]:
        """Every record the case is about, in order of first mention."""
        ids = [r for r in (self.record_a, self.record_b) if r]
        for _value, records in self.values:
            ids.extend(records)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True, slots=True)
class StoredCase:
    """A case as the store holds it: the matcher's question plus its state."""

    case_id: str
    case: ReviewCase
    status: str  # open | decided
    created_run_id: str
    updated_run_id: str


@dataclass(frozen=True, slots=True)
class UpsertSummary:
    inserted: int
    updated: int
    reopened: int
    removed: int


def values_json(values: CaseValues) -> str:
    return json.dumps([[v, list(records)] for v, records in values], ensure_ascii=False)


def values_from_json(text: object) -> CaseValues:
    """The `values` JSON of a case (or `case_values` of a decision) back as tuples."""
    if not text:
        return ()
    try:
        data = json.loads(str(text))
        return tuple((str(v), tuple(str(r) for r in records)) for v, records in data)
    except (ValueError, TypeError) as exc:
        raise ReviewError(f"case values are not [[value, [record, ...]], ...]: {text!r}") from exc


def _evidence_json(evidence: Sequence[Evidence]) -> str:
    return json.dumps(
        [{"field": e.field, "level": e.level, "weight": e.weight} for e in evidence],
        ensure_ascii=False,
    )


def _case_row(case: ReviewCase) -> list[object]:
    return [
        case.case_id,
        case.kind,
        case.powiat_teryt,
        case.sector,
        case.institution_id,
        case.record_a,
        case.record_b,
        case.field,
        values_json(case.values) if case.values else None,
        case.score,
        _evidence_json(case.evidence) if case.evidence else None,
        case.priority,
        list(case.counties),
    ]


def upsert_cases(
    con: duckdb.DuckDBPyConnection, run_id: str, cases: Sequence[ReviewCase]
) -> UpsertSummary:
    """Replace the open cases with this run's; keep decided ones (refreshing their evidence).

    A decided field conflict whose values changed (a new phone appeared) opens again: the
    decision was about other values. A new case that already has a decision (decisions
    imported into a rebuilt directory) starts out decided."""
    latest: dict[str, ReviewCase] = {}
    for case in cases:
        previous = latest.get(case.case_id)
        if previous is None or case.priority > previous.priority:
            latest[case.case_id] = case
    existing = {
        str(r[0]): (str(r[1]), r[2], str(r[3]))
        for r in con.execute(
            'SELECT case_id, status, "values", created_run_id FROM review_cases'
        ).fetchall()
    }
    decided_ids = {
        str(r[0])
        for r in con.execute(
            "SELECT DISTINCT case_id FROM review_decisions WHERE superseded_by IS NULL"
        ).fetchall()
    }
    inserted = updated = reopened = 0
    still_open = {k for k, (status, _v, _c) in existing.items() if status == "open"}
    removed = len(still_open - latest.keys())
    # Set-based: one UPDATE of the decided cases, one INSERT of the others (a statement per
    # case cost a second a night at national scale).
    kept: list[list[object]] = []
    fresh: list[list[object]] = []
    for case_id, case in latest.items():
        row = _case_row(case)
        before = existing.get(case_id)
        if before is not None and before[0] == "decided":
            status = "decided"
            if case.kind == "field_conflict" and before[1] != row[8]:
                status = "open"
                reopened += 1
            kept.append([*row, status, before[2], run_id])
            updated += 1
            continue
        status = "decided" if case_id in decided_ids else "open"
        created_run = before[2] if before is not None else run_id
        fresh.append([*row, status, created_run, run_id])
        if before is None:
            inserted += 1
        else:
            updated += 1
    columns = [c.strip().strip('"') for c in _INSERT_COLUMNS.split(",")]
    with transaction(con):
        con.execute("DELETE FROM review_cases WHERE status = 'open'")
        if kept:
            # object columns: a missing score stays NULL (a float column would make it NaN)
            frame = pd.DataFrame(kept, columns=columns, dtype=object)
            con.register("upsert_kept", frame)
            try:
                con.execute(
                    """
                    UPDATE review_cases SET powiat_teryt = k.powiat_teryt, sector = k.sector,
                        institution_id = k.institution_id, "values" = k."values",
                        score = k.score, evidence = k.evidence, priority = k.priority,
                        counties = CAST(k.counties AS VARCHAR[]), status = k.status,
                        updated_run_id = k.updated_run_id
                    FROM upsert_kept AS k WHERE review_cases.case_id = k.case_id
                    """
                )
            finally:
                con.unregister("upsert_kept")
        if fresh:
            insert_frame(
                con,
                "review_cases",
                pd.DataFrame(fresh, columns=columns, dtype=object),
                list_columns=("counties",),
            )
    return UpsertSummary(inserted, updated, reopened, removed)


def case_from_row(row: Sequence[object]) -> StoredCase:
    (case_id, kind, powiat, sector, inst, rec_a, rec_b, fld, values, score, evidence, priority) = (
        row[:12]
    )
    counties = row[15]
    parsed_values = values_from_json(values)
    parsed_evidence: tuple[Evidence, ...] = ()
    if evidence:
        parsed_evidence = tuple(
            Evidence(str(e["field"]), str(e["level"]), float(e["weight"]))
            for e in json.loads(str(evidence))
        )
    case = ReviewCase(
        kind=cast(CaseKind, str(kind)),
        powiat_teryt=cast(str | None, powiat),
        sector=cast(str | None, sector),
        institution_id=cast(str | None, inst),
        record_a=cast(str | None, rec_a),
        record_b=cast(str | None, rec_b),
        field=cast(str | None, fld),
        values=parsed_values,
        score=None if score is None else float(cast(float, score)),
        evidence=parsed_evidence,
        priority=float(cast(float, priority)),
        counties=tuple(str(c) for c in cast(list[str], counties or [])),
    )
    return StoredCase(str(case_id), case, str(row[12]), str(row[13]), str(row[14]))


CASE_COLUMNS = (
    'case_id, kind, powiat_teryt, sector, institution_id, record_a, record_b, field, "values",'
    " score, evidence, priority, status, created_run_id, updated_run_id, counties"
)
_INSERT_COLUMNS = (
    'case_id, kind, powiat_teryt, sector, institution_id, record_a, record_b, field, "values",'
    " score, evidence, priority, counties, status, created_run_id, updated_run_id"
)


def get_case(con: duckdb.DuckDBPyConnection, case_id: str) -> StoredCase | None:
    row = con.execute(
        f"SELECT {CASE_COLUMNS} FROM review_cases WHERE case_id = ?", [case_id]
    ).fetchone()
    return None if row is None else case_from_row(row)


# --- building the night's cases from the matcher's doubts -------------------------------


@dataclass(frozen=True, slots=True)
class RecordContext:
    powiat_teryt: str | None
    sector: str | None
    institution_id: str | None
    weight: int  # records + services of the record's institution (1 for a lone record)
    institution_powiat: str | None = None  # the county of the record's institution

    def counties(self) -> set[str]:
        """The counties a case about this record touches: the record's and its institution's."""
        return {c for c in (self.powiat_teryt, self.institution_powiat) if c}


_CONTEXT_SQL = """
    SELECT r.record_id, r.powiat_teryt, r.sector, ir.institution_id,
           coalesce(i.record_count, 1)
           + coalesce((SELECT count(*) FROM services s
                       WHERE s.institution_id = ir.institution_id), 0),
           i.powiat_teryt
    FROM records r
    LEFT JOIN institution_records ir USING (record_id)
    LEFT JOIN institutions i ON i.institution_id = ir.institution_id
"""


def _contexts(
    con: duckdb.DuckDBPyConnection, where: str, parameters: list[object]
) -> dict[str, RecordContext]:
    rows = con.execute(f"{_CONTEXT_SQL} WHERE {where} ORDER BY r.record_id", parameters)
    return {
        str(r[0]): RecordContext(r[1], r[2], r[3], int(r[4]), r[5])
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
    """Review cases for the night's doubtful pairs and field conflicts. A pair is shown under
    the county and sector of its first record that has one, a conflict under those of its
    cluster's head record; either touches the counties of all its records and their
    institutions (ReviewCase.counties), whichever a row's page said."""
    wanted = [r for p in pairs for r in (p.record_a, p.record_b)]
    wanted += [r for c in conflicts for _v, records in c.values for r in records]
    wanted += [c.cluster_key for c in conflicts]
    context = record_context(con, wanted)

    def counties(record_ids: Sequence[str]) -> tuple[str, ...]:
        found: set[str] = set()
        for record_id in record_ids:
            known = context.get(record_id)
            if known is not None:
                found |= known.counties()
        return tuple(sorted(found))

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
                counties=counties([pair.record_a, pair.record_b]),
            )
        )
    for conflict in conflicts:
        head = context.get(conflict.cluster_key)
        if head is None or head.institution_id is None:
            continue  # the record left the directory since the matcher ran
        touched = [conflict.cluster_key] + [r for _v, records in conflict.values for r in records]
        cases.append(
            ReviewCase(
                kind="field_conflict",
                powiat_teryt=head.powiat_teryt,
                sector=head.sector,
                institution_id=head.institution_id,
                field=conflict.field,
                values=conflict.values,
                priority=conflict_priority(head.weight),
                counties=counties(touched),
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
            counties=tuple(sorted(context.counties())),
        )
        # A mention held out of the directory (warehouse.mentions) is no stray record in it.
        for record_id, context in _contexts(
            con,
            "r.type_code = ? AND NOT (r.role = 'mention' AND ir.institution_id IS NULL)",
            [TYPE_OTHER],
        ).items()
    ]


def acronym_name_cases(con: duckdb.DuckDBPyConnection) -> list[ReviewCase]:
    """ "Jak brzmi pełna nazwa?" for every institution held back because only an acronym names
    it (`unnamed_institutions`, filled by warehouse/canonical_names.py). The case shows the
    acronym with the records that write it; the answer becomes the institution's name."""
    rows = con.execute(
        """
        SELECT u.institution_id, u.name, u.powiat_teryt, u.record_ids,
               (SELECT min(r.sector) FROM records AS r WHERE list_contains(u.record_ids, r.record_id))
        FROM unnamed_institutions AS u ORDER BY u.institution_id
        """
    ).fetchall()
    return [
        ReviewCase(
            kind="acronym_name",
            powiat_teryt=cast(str | None, powiat),
            sector=cast(str | None, sector),
            institution_id=str(institution_id),
            record_a=str(records[0]),
            values=((str(name), tuple(str(r) for r in records)),),
            # An institution missing from the publication matters as much as a likely merge.
            priority=round((1.0 + math.log1p(len(records))) * 0.9, 4),
        )
        for institution_id, name, powiat, records, sector in rows
        if records
    ]
