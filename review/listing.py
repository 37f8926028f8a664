"""A coordinator's view of the review queue: their cases listed, paged, counted and filtered.

The queue itself (cases and how the matcher writes them) is warehouse/review_queue.py, the
decisions warehouse/judgements.py; this module only adds what the web app and the CLI ask of
them for one user: the cases of the user's counties (every county for an admin), narrowed by
county, sector, kind and status, most consequential first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from review.accounts import User
from warehouse.review_queue import CASE_COLUMNS, StoredCase, case_from_row, get_case


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """Queue filters; None means any. `status` None means both open and decided."""

    county: str | None = None
    sector: str | None = None
    kind: str | None = None
    status: str | None = "open"


@dataclass(frozen=True, slots=True)
class CaseCounts:
    """What is left: open cases in the user's scope, in total and per kind, county, sector."""

    open: int
    decided: int
    by_kind: tuple[tuple[str, int], ...] = field(default=())
    by_county: tuple[tuple[str, int], ...] = field(default=())
    by_sector: tuple[tuple[str, int], ...] = field(default=())


def _scope_sql(user: User, filters: CaseFilter) -> tuple[str, list[object]]:
    """A coordinator's queue holds every case touching one of their counties (a case spanning
    counties is listed for each of their coordinators; deciding it is another matter:
    User.may_decide). The county filter, likewise, matches any county a case touches."""
    clauses: list[str] = []
    params: list[object] = []
    if not user.is_admin:
        clauses.append("len(list_intersect(counties, ?)) > 0")
        params.append(list(user.counties))
    if filters.county:
        clauses.append("list_contains(counties, ?)")
        params.append(filters.county)
    for column, value in (
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
        f"SELECT {CASE_COLUMNS} FROM review_cases WHERE {where}"
        " ORDER BY priority DESC, case_id LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    ).fetchall()
    return [case_from_row(r) for r in rows]


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

    def grouped(expression: str) -> tuple[tuple[str, int], ...]:
        rows = con.execute(
            f"SELECT coalesce(key, '-'), count(*) FROM"
            f" (SELECT {expression} AS key FROM review_cases WHERE ({where}) AND status = 'open')"
            " GROUP BY 1 ORDER BY 2 DESC, 1",
            params,
        ).fetchall()
        return tuple((str(k), int(n)) for k, n in rows)

    by_county = grouped("unnest(CASE WHEN len(counties) = 0 THEN [NULL] ELSE counties END)")
    if not user.is_admin:  # a case spanning counties is counted under the user's own
        by_county = tuple((k, n) for k, n in by_county if k in user.counties)
    return CaseCounts(
        open=int(totals.get("open", 0)),
        decided=int(totals.get("decided", 0)),
        by_kind=grouped("kind"),
        by_county=by_county,
        by_sector=grouped("sector"),
    )


def scope_options(con: duckdb.DuckDBPyConnection, user: User) -> tuple[list[str], list[str]]:
    """Counties and sectors that occur in the user's cases (for the filter menus)."""
    where, params = _scope_sql(user, CaseFilter(status=None))
    counties = [
        str(r[0])
        for r in con.execute(
            f"SELECT DISTINCT unnest(counties) AS c FROM review_cases WHERE {where} ORDER BY 1",
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
    if not user.is_admin:  # the other counties of a spanning case are not theirs to filter by
        counties = sorted(user.counties)
    return counties, sectors
