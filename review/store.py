"""The review store in the DuckDB warehouse: accounts, sessions, cases and decisions.

Cases are written by the matcher every night (`upsert_cases`): open cases are replaced by the
night's, decided ones are kept. Decisions are append-only (`record_decision`): a later decision
on the same case sets `superseded_by` on the one it replaces, and nothing is ever deleted, so
`current_decisions` (what the matcher applies) is simply every row nobody superseded.

A case id is a hash of what the case is about — the kind and the ordered record pair, or the
institution and field — so the same question asked again tomorrow has the same id, and a
decision keyed by it survives any number of nightly rebuilds (and an export/import).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, cast, get_args

import duckdb

from review.accounts import User
from transforms.er.resolve import Decision
from transforms.er.review import Evidence
from warehouse.db import transaction

CaseKind = Literal["pair", "field_conflict", "not_institution"]
ReviewVerdict = Literal[
    "same",
    "different",
    "unsure",
    "value_current",
    "both_valid",
    "is_institution",
    "not_institution",
]
CASE_KINDS: tuple[CaseKind, ...] = get_args(CaseKind)
VERDICTS_BY_KIND: dict[CaseKind, tuple[ReviewVerdict, ...]] = {
    "pair": ("same", "different", "unsure"),
    "field_conflict": ("value_current", "both_valid", "unsure"),
    "not_institution": ("not_institution", "is_institution", "unsure"),
}
CaseValues = tuple[tuple[str, tuple[str, ...]], ...]


class ReviewError(ValueError):
    """A case, decision, account or file the store cannot accept; the message says why."""


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
    elif kind == "not_institution":
        subject = f"not_institution|{record_a}"
    else:
        raise ReviewError(f"unknown case kind {kind!r} (expected one of {CASE_KINDS})")
    return "c_" + hashlib.sha256(subject.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ReviewCase:
    """A question for a coordinator, as the matcher asks it.

    `pair`: are record_a and record_b (ordered, a < b) one institution? `field_conflict`: the
    records of `institution_id` disagree on `field`; `values` lists each value with the records
    that gave it. `not_institution`: is record_a an institution at all? `evidence` carries the
    matcher's ladder levels and weights; `priority` orders the queue (higher first)."""

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

    def __post_init__(self) -> None:
        where = f"review case {self.kind}/{self.record_a}/{self.record_b}/{self.field}"
        if self.kind not in CASE_KINDS:
            raise ReviewError(f"{where}: unknown kind (expected one of {CASE_KINDS})")
        if self.kind == "pair":
            if not self.record_a or not self.record_b or not self.record_a < self.record_b:
                raise ReviewError(f"{where}: a pair needs two records ordered record_a < record_b")
        elif self.kind == "field_conflict":
            if not self.institution_id or not self.field or len(self.values) < 2:
                raise ReviewError(f"{where}: needs institution_id, field and two or more values")
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
class ReviewDecision:
    decision_id: str
    case_id: str
    kind: CaseKind
    institution_id: str | None
    record_a: str | None
    record_b: str | None
    field: str | None
    verdict: ReviewVerdict
    chosen_value: str | None
    comment: str | None
    login: str
    decided_at: datetime
    superseded_by: str | None = None
    # A field conflict's values as the coordinator saw them: a "value_current" decision rejects
    # the other ones of these, never a value that joined the case later.
    case_values: CaseValues = ()


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """Queue filters; None means any. `status` None means both open and decided."""

    county: str | None = None
    sector: str | None = None
    kind: str | None = None
    status: str | None = "open"


@dataclass(frozen=True, slots=True)
class UpsertSummary:
    inserted: int
    updated: int
    reopened: int
    removed: int


@dataclass(frozen=True, slots=True)
class CaseCounts:
    """What is left: open cases in the user's scope, in total and per kind, county, sector."""

    open: int
    decided: int
    by_kind: tuple[tuple[str, int], ...] = field(default=())
    by_county: tuple[tuple[str, int], ...] = field(default=())
    by_sector: tuple[tuple[str, int], ...] = field(default=())


# --- cases --------------------------------------------------------------------------------


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
    with transaction(con):
        con.execute("DELETE FROM review_cases WHERE status = 'open'")
        for case_id, case in latest.items():
            row = _case_row(case)
            before = existing.get(case_id)
            if before is not None and before[0] == "decided":
                status = "decided"
                if case.kind == "field_conflict" and before[1] != row[8]:
                    status = "open"
                    reopened += 1
                con.execute(
                    """
                    UPDATE review_cases SET powiat_teryt = ?, sector = ?, institution_id = ?,
                        "values" = ?, score = ?, evidence = ?, priority = ?, status = ?,
                        updated_run_id = ?
                    WHERE case_id = ?
                    """,
                    [*row[2:5], *row[8:12], status, run_id, case_id],
                )
                updated += 1
                continue
            status = "decided" if case_id in decided_ids else "open"
            created_run = before[2] if before is not None else run_id
            con.execute(
                "INSERT INTO review_cases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*row, status, created_run, run_id],
            )
            if before is None:
                inserted += 1
            else:
                updated += 1
    return UpsertSummary(inserted, updated, reopened, removed)


def _case_from_row(row: Sequence[object]) -> StoredCase:
    (case_id, kind, powiat, sector, inst, rec_a, rec_b, fld, values, score, evidence, priority) = (
        row[:12]
    )
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
    )
    return StoredCase(str(case_id), case, str(row[12]), str(row[13]), str(row[14]))


_CASE_COLUMNS = (
    'case_id, kind, powiat_teryt, sector, institution_id, record_a, record_b, field, "values",'
    " score, evidence, priority, status, created_run_id, updated_run_id"
)


def get_case(con: duckdb.DuckDBPyConnection, case_id: str) -> StoredCase | None:
    row = con.execute(
        f"SELECT {_CASE_COLUMNS} FROM review_cases WHERE case_id = ?", [case_id]
    ).fetchone()
    return None if row is None else _case_from_row(row)


def _scope_sql(user: User, filters: CaseFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if not user.is_admin:
        clauses.append("list_contains(?, powiat_teryt)")
        params.append(list(user.counties))
    for column, value in (
        ("powiat_teryt", filters.county),
        ("sector", filters.sector),
        ("kind", filters.kind),
        ("status", filters.status),
    ):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    return (" AND ".join(clauses) or "true"), params


def list_cases(
    con: duckdb.DuckDBPyConnection,
    user: User,
    filters: CaseFilter = CaseFilter(),
    *,
    limit: int = 100,
    offset: int = 0,
) -> list[StoredCase]:
    """The user's queue, most consequential first."""
    where, params = _scope_sql(user, filters)
    rows = con.execute(
        f"SELECT {_CASE_COLUMNS} FROM review_cases WHERE {where}"
        " ORDER BY priority DESC, case_id LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    ).fetchall()
    return [_case_from_row(r) for r in rows]


def neighbours(
    con: duckdb.DuckDBPyConnection, user: User, filters: CaseFilter, case_id: str
) -> tuple[str | None, str | None]:
    """The previous and next case around `case_id` in the user's filtered queue (or, when the
    case is no longer in it — just decided — the cases that now take its place)."""
    where, params = _scope_sql(user, filters)
    current = get_case(con, case_id)
    if current is None:
        return None, None
    key = [current.case.priority, current.case.priority, case_id]
    before = con.execute(
        f"SELECT case_id FROM review_cases WHERE ({where}) AND "
        "(priority > ? OR (priority = ? AND case_id < ?)) ORDER BY priority, case_id DESC LIMIT 1",
        [*params, *key],
    ).fetchone()
    after = con.execute(
        f"SELECT case_id FROM review_cases WHERE ({where}) AND "
        "(priority < ? OR (priority = ? AND case_id > ?)) ORDER BY priority DESC, case_id LIMIT 1",
        [*params, *key],
    ).fetchone()
    return (str(before[0]) if before else None, str(after[0]) if after else None)


def count_cases(con: duckdb.DuckDBPyConnection, user: User, filters: CaseFilter) -> CaseCounts:
    """Open and decided cases in the user's scope (county/sector/kind filters applied)."""
    where, params = _scope_sql(user, CaseFilter(filters.county, filters.sector, filters.kind, None))
    totals = dict(
        con.execute(
            f"SELECT status, count(*) FROM review_cases WHERE {where} GROUP BY status", params
        ).fetchall()
    )

    def grouped(column: str) -> tuple[tuple[str, int], ...]:
        rows = con.execute(
            f"SELECT coalesce({column}, '-'), count(*) FROM review_cases"
            f" WHERE ({where}) AND status = 'open' GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        ).fetchall()
        return tuple((str(k), int(n)) for k, n in rows)

    return CaseCounts(
        open=int(totals.get("open", 0)),
        decided=int(totals.get("decided", 0)),
        by_kind=grouped("kind"),
        by_county=grouped("powiat_teryt"),
        by_sector=grouped("sector"),
    )


def scope_options(con: duckdb.DuckDBPyConnection, user: User) -> tuple[list[str], list[str]]:
    """Counties and sectors that occur in the user's cases (for the filter menus)."""
    where, params = _scope_sql(user, CaseFilter(status=None))
    counties = [
        str(r[0])
        for r in con.execute(
            f"SELECT DISTINCT powiat_teryt FROM review_cases WHERE {where}"
            " AND powiat_teryt IS NOT NULL ORDER BY 1",
            params,
        ).fetchall()
    ]
    sectors = [
        str(r[0])
        for r in con.execute(
            f"SELECT DISTINCT sector FROM review_cases WHERE {where}"
            " AND sector IS NOT NULL ORDER BY 1",
            params,
        ).fetchall()
    ]
    if not user.is_admin:
        counties = sorted(set(counties) | set(user.counties))
    return counties, sectors


# --- decisions ----------------------------------------------------------------------------

_DECISION_COLUMNS = (
    "decision_id, case_id, kind, institution_id, record_a, record_b, field, verdict,"
    " chosen_value, comment, login, decided_at, superseded_by, case_values"
)
DECISION_COLUMNS: tuple[str, ...] = tuple(c.strip() for c in _DECISION_COLUMNS.split(","))


def _decision_from_row(row: Sequence[object]) -> ReviewDecision:
    decided_at = row[11]
    if not isinstance(decided_at, datetime):
        raise ReviewError(f"decision {row[0]}: decided_at is not a timestamp: {decided_at!r}")
    return ReviewDecision(
        decision_id=str(row[0]),
        case_id=str(row[1]),
        kind=cast(CaseKind, str(row[2])),
        institution_id=cast(str | None, row[3]),
        record_a=cast(str | None, row[4]),
        record_b=cast(str | None, row[5]),
        field=cast(str | None, row[6]),
        verdict=cast(ReviewVerdict, str(row[7])),
        chosen_value=cast(str | None, row[8]),
        comment=cast(str | None, row[9]),
        login=str(row[10]),
        decided_at=decided_at,
        superseded_by=cast(str | None, row[12]),
        case_values=values_from_json(row[13]),
    )


def check_decision(case: ReviewCase, verdict: str, chosen_value: str | None) -> ReviewVerdict:
    """The verdict, when it answers this kind of case; raises ReviewError otherwise."""
    allowed = VERDICTS_BY_KIND[case.kind]
    if verdict not in allowed:
        raise ReviewError(f"verdict {verdict!r} does not answer a {case.kind} case ({allowed})")
    if verdict == "value_current":
        if chosen_value not in {v for v, _records in case.values}:
            raise ReviewError(f"value {chosen_value!r} is not one of the case's values")
    elif chosen_value:
        raise ReviewError(f"verdict {verdict!r} takes no chosen value")
    return verdict


def record_decision(
    con: duckdb.DuckDBPyConnection,
    case_id: str,
    verdict: str,
    login: str,
    *,
    comment: str | None = None,
    chosen_value: str | None = None,
    decided_at: datetime | None = None,
) -> ReviewDecision:
    """Append a decision on a stored case; it supersedes the case's current decision."""
    stored = get_case(con, case_id)
    if stored is None:
        raise ReviewError(f"no such case: {case_id}")
    case = stored.case
    checked = check_decision(case, verdict, chosen_value or None)
    comment = (comment or "").strip() or None
    if comment and len(comment) > 2000:
        raise ReviewError("the comment is longer than 2000 characters")
    decision = ReviewDecision(
        decision_id="d_" + uuid.uuid4().hex,
        case_id=case_id,
        kind=case.kind,
        institution_id=case.institution_id,
        record_a=case.record_a,
        record_b=case.record_b,
        field=case.field,
        verdict=checked,
        chosen_value=chosen_value or None,
        comment=comment,
        login=login,
        decided_at=decided_at or datetime.now(UTC),
        case_values=case.values if case.kind == "field_conflict" else (),
    )
    with transaction(con):
        insert_decisions(con, [decision])
        relink_decisions(con, [case_id])
    return decision


def insert_decisions(con: duckdb.DuckDBPyConnection, decisions: Sequence[ReviewDecision]) -> None:
    con.executemany(
        f"INSERT INTO review_decisions ({_DECISION_COLUMNS}) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        [
            [
                d.decision_id,
                d.case_id,
                d.kind,
                d.institution_id,
                d.record_a,
                d.record_b,
                d.field,
                d.verdict,
                d.chosen_value,
                d.comment,
                d.login,
                d.decided_at,
                values_json(d.case_values) if d.case_values else None,
            ]
            for d in decisions
        ],
    )


def relink_decisions(con: duckdb.DuckDBPyConnection, case_ids: Iterable[str]) -> None:
    """Within each case, every decision is superseded by the next one in time; the case is
    decided when it has any. Only `superseded_by` and the case status ever change."""
    ids = sorted(set(case_ids))
    if not ids:
        return
    con.execute(
        """
        UPDATE review_decisions AS d SET superseded_by = n.next_id
        FROM (
            SELECT decision_id, lead(decision_id) OVER (
                PARTITION BY case_id ORDER BY decided_at, decision_id) AS next_id
            FROM review_decisions WHERE list_contains(?, case_id)
        ) AS n
        WHERE d.decision_id = n.decision_id
          AND d.superseded_by IS DISTINCT FROM n.next_id
        """,
        [ids],
    )
    con.execute("UPDATE review_cases SET status = 'decided' WHERE list_contains(?, case_id)", [ids])


def decision_history(con: duckdb.DuckDBPyConnection, case_id: str) -> list[ReviewDecision]:
    """Every decision ever taken on a case, newest first."""
    rows = con.execute(
        f"SELECT {_DECISION_COLUMNS} FROM review_decisions WHERE case_id = ?"
        " ORDER BY decided_at DESC, decision_id DESC",
        [case_id],
    ).fetchall()
    return [_decision_from_row(r) for r in rows]


def all_decisions(con: duckdb.DuckDBPyConnection) -> list[ReviewDecision]:
    rows = con.execute(
        f"SELECT {_DECISION_COLUMNS} FROM review_decisions ORDER BY decided_at, decision_id"
    ).fetchall()
    return [_decision_from_row(r) for r in rows]


def current_review_decisions(
    con: duckdb.DuckDBPyConnection, kind: CaseKind | None = None
) -> list[ReviewDecision]:
    """The decisions in force (nobody superseded them), of one kind or all."""
    rows = con.execute(
        f"SELECT {_DECISION_COLUMNS} FROM review_decisions WHERE superseded_by IS NULL"
        " AND (? IS NULL OR kind = ?) ORDER BY decided_at, decision_id",
        [kind, kind],
    ).fetchall()
    return [_decision_from_row(r) for r in rows]


def current_decisions(con: duckdb.DuckDBPyConnection) -> list[Decision]:
    """The pair decisions in force, as the matcher takes them (transforms.er.resolve)."""
    result = []
    for d in current_review_decisions(con, "pair"):
        if d.record_a is None or d.record_b is None:
            raise ReviewError(f"pair decision {d.decision_id} lacks its records")
        result.append(
            Decision.of(
                d.record_a,
                d.record_b,
                cast(Literal["same", "different", "unsure"], d.verdict),
                decided_by=d.login,
                decided_at=d.decided_at.isoformat(),
                note=d.comment,
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class RejectedValue:
    """A value a coordinator marked as not current, with one record that gave it."""

    field: str  # phone | address
    value: str
    record_id: str


def rejected_values(con: duckdb.DuckDBPyConnection) -> list[RejectedValue]:
    """What the field-conflict decisions in force take out of the published contacts: for
    every "value_current" decision, each other value the coordinator saw, with its records.
    "both_valid" rejects nothing. A decision imported from a file written before decisions
    kept their values falls back to the case's values as the store holds them now."""
    rejected: list[RejectedValue] = []
    for d in current_review_decisions(con, "field_conflict"):
        if d.verdict != "value_current" or not d.chosen_value or not d.field:
            continue
        values = d.case_values
        if not values:
            stored = get_case(con, d.case_id)
            values = stored.case.values if stored is not None else ()
        for value, records in values:
            if value != d.chosen_value:
                rejected.extend(RejectedValue(d.field, value, r) for r in records)
    return rejected


def excluded_records(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Records a coordinator decided are not institutions: they stay in `records` (with their
    provenance) but never enter the directory again, whatever the matcher thinks."""
    return {
        d.record_a
        for d in current_review_decisions(con, "not_institution")
        if d.verdict == "not_institution" and d.record_a
    }
