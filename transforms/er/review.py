"""Review cases for coordinators: doubtful pairs and conflicting values inside a cluster.

A pair whose probability falls in the review band becomes a `PairCase` carrying every
ladder's level and weight (the evidence a coordinator reads: "same phone +3.1, different
type −6.0"). A cluster whose records disagree on a phone number or an address becomes a
`ConflictCase` listing the values and which records gave them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Evidence:
    field: str
    level: str
    weight: float


@dataclass(frozen=True, slots=True)
class PairCase:
    """ "Are these two records one institution?" — the pair ordered (record_a < record_b)."""

    record_a: str
    record_b: str
    probability: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ConflictCase:
    """ "Which value is current?" — records of one cluster disagree on `field`."""

    cluster_key: str  # smallest record id of the cluster
    field: str  # "phone" | "address"
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, record ids that gave it)


def pair_cases(
    review_rows: Sequence[tuple[int, int, float, dict[str, int]]],
    labels: npt.NDArray[np.int64],
    record_ids: Sequence[str],
    decided: Collection[tuple[int, int]],
    explain: Callable[[Mapping[str, int]], list[tuple[str, str, float]]],
) -> list[PairCase]:
    """Cases of the review band's pairs (left rid, right rid, probability, levels) that ended
    in two clusters (`labels[rid]`) and that no coordinator has decided on."""
    cases = []
    label = labels.tolist()
    # One `Evidence` per (field, level, weight) met, shared by the cases that show it.
    shared: dict[tuple[str, str, float], Evidence] = {}
    for a, b, pair_probability, levels in review_rows:
        if (a, b) in decided or label[a] == label[b]:
            continue
        ra, rb = sorted((record_ids[a], record_ids[b]))
        evidence = []
        for row in explain(levels):
            found = shared.get(row)
            if found is None:
                found = shared[row] = Evidence(row[0], row[1], round(row[2], 3))
            evidence.append(found)
        cases.append(PairCase(ra, rb, round(pair_probability, 4), tuple(evidence)))
    return cases


def evidence_of(
    levels: Mapping[str, int],
    explain: Callable[[Mapping[str, int]], list[tuple[str, str, float]]],
) -> tuple[Evidence, ...]:
    """Every ladder's level and weight for a pair's levels, strongest first."""
    return tuple(Evidence(f, lv, round(w, 3)) for f, lv, w in explain(levels))


def conflicts_sql(members: str) -> str:
    """SQL of the conflicts of clusters, one row per cluster and field: `cluster_rid`,
    `cluster_key` (its smallest record id), `field` and `values` (a list of `value` and the
    sorted `records` that gave it). `members`: SQL of rows `(cluster_rid, record_id, phones,
    street, house, postal)`, every member of each cluster it holds. A record's extra phones
    never conflict with each other: the conflict is between records with no phone in common
    with the others."""
    return f"""
        WITH given AS ({members}),
        members AS (
            SELECT * FROM given
            WHERE cluster_rid IN (SELECT cluster_rid FROM given GROUP BY 1 HAVING count(*) > 1)
        ),
        phone_values AS (
            SELECT cluster_rid, 'phone' AS field, phones[1] AS value, record_id
            FROM members WHERE len(phones) > 0
        ),
        address_values AS (
            SELECT cluster_rid, 'address' AS field,
                   street || ' ' || coalesce(house, '') || ', ' || coalesce(postal, '') AS value,
                   record_id
            FROM members WHERE street IS NOT NULL
        ),
        all_values AS (SELECT * FROM phone_values UNION ALL SELECT * FROM address_values),
        grouped AS (
            SELECT cluster_rid, field, value, list_sort(list(record_id)) AS records
            FROM all_values GROUP BY ALL
        ),
        conflicted AS (
            SELECT cluster_rid, field FROM grouped GROUP BY ALL HAVING count(*) > 1
        ),
        keys AS (
            SELECT cluster_rid, min(record_id) AS cluster_key FROM members
            WHERE cluster_rid IN (SELECT cluster_rid FROM conflicted) GROUP BY 1
        )
        SELECT g.cluster_rid, k.cluster_key, g.field,
               list(struct_pack(value := g.value, records := g.records) ORDER BY g.value)
               AS "values"
        FROM grouped g JOIN conflicted USING (cluster_rid, field) JOIN keys k USING (cluster_rid)
        GROUP BY g.cluster_rid, k.cluster_key, g.field
    """


def conflict_cases(
    con: duckdb.DuckDBPyConnection, limit: int = 100_000, *, keep: str | None = None
) -> list[ConflictCase]:
    """Phones and addresses that differ inside a cluster; needs `er_features` and `er_clusters
    (rid, cluster_rid)`. `keep` names a table to receive the conflicts of every cluster
    (`conflicts_sql`'s rows), so that a later night can keep those of the clusters it does
    not touch."""
    members = (
        "SELECT c.cluster_rid, f.record_id, f.phones, f.street, f.house, f.postal "
        "FROM er_clusters c JOIN er_features f ON f.rid = c.rid"
    )
    if keep is None:
        return read_conflicts(con, f"({conflicts_sql(members)})", limit)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {keep} AS {conflicts_sql(members)}")
    return read_conflicts(con, keep, limit)


def read_conflicts(con: duckdb.DuckDBPyConnection, rows: str, limit: int) -> list[ConflictCase]:
    """The cases of `rows` (a table or subquery of `conflicts_sql`'s rows), in cluster key
    and field order, the first `limit`."""
    fetched = con.execute(
        f"""
        SELECT cluster_key, field, "values" FROM {rows}
        ORDER BY cluster_key, field LIMIT {int(limit)}
        """
    ).fetchall()
    cases = []
    for cluster_key, field, values in fetched:
        cases.append(
            ConflictCase(
                str(cluster_key),
                str(field),
                tuple((str(v["value"]), tuple(str(r) for r in v["records"])) for v in values),
            )
        )
    return cases
