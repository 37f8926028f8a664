"""Coordinators' judgements in the warehouse: decisions on review cases, stored apart from the
data and always winning over the matcher.

Decisions are append-only (`record_decision`): a later decision on the same case sets
`superseded_by` on the one it replaces, and nothing is ever deleted, so the decisions in force
(`current_review_decisions`) are simply every row nobody superseded. The match stage reads them
as the matcher takes them: pair verdicts (`current_decisions`), values no longer current
(`rejected_values`) and records that are no institution (`excluded_records`).

Decisions go to and from CSV (`export_decisions`, `import_decisions`), so a directory rebuilt
from scratch keeps every one of them. The file holds every decision ever taken (superseded ones
too), one row each, in the columns of `review_decisions`. Importing is idempotent by
`decision_id`: rows already present are skipped, new ones are appended, and within every case
the chain of `superseded_by` is rebuilt by time, so importing a colleague's file into a
warehouse with its own newer decisions keeps the newest decision in force. Nothing already in
the warehouse is ever removed.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, cast

import duckdb

from transforms.er.resolve import Decision
from warehouse.db import transaction
from warehouse.review_queue import (
    CASE_KINDS,
    CaseKind,
    CaseValues,
    ReviewCase,
    ReviewError,
    case_key,
    get_case,
    values_from_json,
    values_json,
)

ReviewVerdict = Literal[
    "same",
    "different",
    "unsure",
    "value_current",
    "both_valid",
    "is_institution",
    "not_institution",
    "full_name",
]
VERDICTS_BY_KIND: dict[CaseKind, tuple[ReviewVerdict, ...]] = {
    "pair": ("same", "different", "unsure"),
    "field_conflict": ("value_current", "both_valid", "unsure"),
    "not_institution": ("not_institution", "is_institution", "unsure"),
    # The coordinator types the name (`chosen_value`); warehouse/canonical_names.py applies it.
    "acronym_name": ("full_name", "unsure"),
    "new_institution": ("is_institution", "not_institution", "unsure"),
}
MAX_FULL_NAME = 300


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
    elif verdict == "full_name":
        check_full_name(chosen_value, {v for v, _records in case.values})
    elif chosen_value:
        raise ReviewError(f"verdict {verdict!r} takes no chosen value")
    return verdict


def check_full_name(name: str | None, acronyms: set[str]) -> str:
    """A full name a coordinator typed: some words, not only the acronym again."""
    text = " ".join((name or "").split())
    if not text:
        raise ReviewError("the full name is empty")
    if len(text) > MAX_FULL_NAME:
        raise ReviewError(f"the full name is longer than {MAX_FULL_NAME} characters")
    if text in acronyms or " " not in text:
        raise ReviewError(f"{text!r} is not a full name (one word, or the acronym again)")
    return text


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
        chosen_value=(
            check_full_name(chosen_value, set()) if checked == "full_name" else chosen_value or None
        ),
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


def confirmed_institution_records(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Records a coordinator decided are institutions after all (the classifier typed them
    `other`): their institutions are published although their type is still `other`."""
    return {
        d.record_a
        for d in current_review_decisions(con, "not_institution")
        if d.verdict == "is_institution" and d.record_a
    }


# --- to and from CSV -----------------------------------------------------------------------

OPTIONAL_COLUMNS = frozenset({"case_values"})


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int
    already_present: int


def export_decisions(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Write every decision (in time order) to `path`, replacing it atomically; returns the count."""
    decisions = all_decisions(con)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DECISION_COLUMNS)
        for d in decisions:
            writer.writerow(
                [
                    d.decision_id,
                    d.case_id,
                    d.kind,
                    d.institution_id or "",
                    d.record_a or "",
                    d.record_b or "",
                    d.field or "",
                    d.verdict,
                    d.chosen_value or "",
                    d.comment or "",
                    d.login,
                    d.decided_at.isoformat(),
                    d.superseded_by or "",
                    values_json(d.case_values) if d.case_values else "",
                ]
            )
    partial.replace(path)
    return len(decisions)


def _parse_row(path: Path, line: int, row: dict[str, str]) -> ReviewDecision:
    where = f"{path}, line {line}"

    def text(name: str) -> str | None:
        value = (row.get(name) or "").strip()
        return value or None

    def required(name: str) -> str:
        value = text(name)
        if value is None:
            raise ReviewError(f"{where}: {name} is empty")
        return value

    kind = required("kind")
    if kind not in CASE_KINDS:
        raise ReviewError(f"{where}: unknown kind {kind!r}")
    verdict = required("verdict")
    if verdict not in VERDICTS_BY_KIND[kind]:
        raise ReviewError(f"{where}: verdict {verdict!r} does not answer a {kind} case")
    record_a, record_b = text("record_a"), text("record_b")
    institution_id, field_name = text("institution_id"), text("field")
    if kind == "pair" and not (record_a and record_b and record_a < record_b):
        raise ReviewError(f"{where}: a pair decision needs record_a < record_b")
    case_id = required("case_id")
    expected = case_key(kind, record_a, record_b, institution_id, field_name)
    if case_id != expected:
        raise ReviewError(
            f"{where}: case_id {case_id} does not match its kind and records ({expected})"
        )
    try:
        decided_at = datetime.fromisoformat(required("decided_at"))
    except ValueError as exc:
        raise ReviewError(f"{where}: decided_at is not an ISO 8601 timestamp") from exc
    if decided_at.tzinfo is None:
        raise ReviewError(f"{where}: decided_at has no time zone")
    return ReviewDecision(
        decision_id=required("decision_id"),
        case_id=case_id,
        kind=kind,
        institution_id=institution_id,
        record_a=record_a,
        record_b=record_b,
        field=field_name,
        verdict=verdict,
        chosen_value=text("chosen_value"),
        comment=text("comment"),
        login=required("login"),
        decided_at=decided_at,
        case_values=_case_values(where, text("case_values")),
    )


def _case_values(where: str, text: str | None) -> CaseValues:
    try:
        return values_from_json(text)
    except ReviewError as exc:
        raise ReviewError(f"{where}: {exc}") from exc


def read_decisions(path: Path) -> list[ReviewDecision]:
    """Every row of an exported file, checked; a bad row raises ReviewError naming its line."""
    if not path.is_file():
        raise ReviewError(f"{path}: no such file")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        # case_values came with schema 005; files exported before it are still good.
        missing = [c for c in DECISION_COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
        if missing:
            raise ReviewError(f"{path}: not a decisions file, columns missing: {missing}")
        return [_parse_row(path, i, row) for i, row in enumerate(reader, start=2)]


def import_decisions(con: duckdb.DuckDBPyConnection, path: Path) -> ImportSummary:
    """Append the decisions of `path` that the warehouse does not hold yet (by decision_id)."""
    decisions = read_decisions(path)
    known = {
        str(r[0])
        for r in con.execute(
            "SELECT decision_id FROM review_decisions WHERE list_contains(?, decision_id)",
            [[d.decision_id for d in decisions]],
        ).fetchall()
    }
    fresh = list({d.decision_id: d for d in decisions if d.decision_id not in known}.values())
    with transaction(con):
        if fresh:
            insert_decisions(con, fresh)
        relink_decisions(con, {d.case_id for d in fresh})
    return ImportSummary(added=len(fresh), already_present=len(decisions) - len(fresh))
