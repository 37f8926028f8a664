"""Decisions to and from CSV, so a directory rebuilt from scratch keeps every one of them.

The file holds every decision ever taken (superseded ones too), one row each, in the columns of
`review_decisions`. Importing is idempotent by `decision_id`: rows already present are skipped,
new ones are appended, and within every case the chain of `superseded_by` is rebuilt by time,
so importing a colleague's file into a warehouse with its own newer decisions keeps the newest
decision in force. Nothing already in the warehouse is ever removed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from review.store import (
    CASE_KINDS,
    DECISION_COLUMNS,
    VERDICTS_BY_KIND,
    CaseValues,
    ReviewDecision,
    ReviewError,
    all_decisions,
    case_key,
    insert_decisions,
    relink_decisions,
    values_from_json,
    values_json,
)
from warehouse.db import transaction

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
