"""Incremental matching, the clusters: which records a night can regroup, and regrouping them.

Part of `incremental` (see its docstring). The region is closed under the match graph's
joins, and within it the pairs are joined in a full run's order, so its clusters are a full
run's. Everything is in uids; a record's cluster and component are kept in
`er_state_records` and only the region's are written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt

from transforms.er.cluster import cluster_pairs, components
from transforms.er.decisions import Decision
from transforms.er.ladders import LADDERS
from transforms.er.model import PairModel
from transforms.er.review import (
    ConflictCase,
    Evidence,
    PairCase,
    conflicts_sql,
    evidence_of,
    read_conflicts,
)
from transforms.er.scoring import BAND_LEVELS


def region_to_recluster(
    con: duckdb.DuckDBPyConnection,
    model: PairModel,
    decisions: Sequence[Decision],
    decisions_moved: bool = True,
) -> None:
    """`er_inc_region(rid, uid, record_id, bare)`: the records to re-cluster, in record id
    order (`rid` from 0): whole old components of every record the night touched (new,
    changed or removed, ends of a pair whose part in clustering changed, ends of a decision
    that came or went) plus the new records. No join of the match graph leaves this region.

    A pair's part is to join (`Thresholds.joins`), to keep apart (below the
    cannot-link threshold, or different numbers) or none (the review band, or no pair): a
    pair that came, went or moved without changing its part changes no cluster, except a
    join whose strength moved (the order of joins may change) or whose contacts came to agree
    or stopped agreeing (it is made in another phase). Only the pairs the night dropped or
    scored (`er_inc_old_pairs`, `er_inc_scored`) can have moved. Without `decisions_moved`
    (tonight's decisions are the kept ones, in order: `incremental._kept_decisions_equal`) no
    decision's ends are looked for, and the decisions are not written to a table to be
    compared."""
    th = model.thresholds
    part = (
        "CASE WHEN {t}.a IS NULL THEN 0 WHEN {t}.apart OR {t}.probability < "
        f"{th.cannot_link} THEN 2 WHEN {th.joins_sql('{t}.probability', '{t}.agree')} "
        "THEN 1 ELSE 0 END"
    )
    part_n, part_o = part.format(t="n"), part.format(t="o")
    decided_ends = "SELECT NULL::VARCHAR AS record_id WHERE false"
    if decisions_moved:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE er_inc_decided_now (record_a VARCHAR, "
            "record_b VARCHAR, verdict VARCHAR, position INTEGER)"
        )
        if decisions:
            con.executemany(
                "INSERT INTO er_inc_decided_now VALUES (?, ?, ?, ?)",
                [(d.record_a, d.record_b, d.verdict, i) for i, d in enumerate(decisions)],
            )
        decided_ends = """
            WITH decisions_moved AS (
                (SELECT record_a, record_b, verdict FROM er_inc_decided_now
                 EXCEPT SELECT record_a, record_b, verdict FROM er_state_decisions)
                UNION
                (SELECT record_a, record_b, verdict FROM er_state_decisions
                 EXCEPT SELECT record_a, record_b, verdict FROM er_inc_decided_now)
            )
            SELECT record_a AS record_id FROM decisions_moved
            UNION SELECT record_b FROM decisions_moved
            """
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_region AS
        WITH old AS (SELECT * FROM er_inc_old_pairs WHERE NOT with_removed),
             changed AS (
                 SELECT coalesce(n.a, o.a) AS a, coalesce(n.b, o.b) AS b
                 FROM er_inc_scored n FULL JOIN old o ON n.a = o.a AND n.b = o.b
                 WHERE ({part_n}) <> ({part_o})
                    OR (({part_n}) = 1
                        AND (n.probability <> o.probability OR n.agree <> o.agree))
             ),
             decided_ends AS ({decided_ends}),
             touched AS (
                 SELECT a AS uid FROM changed UNION SELECT b FROM changed
                 UNION SELECT uid FROM er_inc_dirty
                 UNION SELECT s.uid FROM er_state_records s JOIN decided_ends USING (record_id)
             ),
             -- Old components: the touched records' (a changed record's from last night),
             -- and the new and changed records, each its own component for now (their rows
             -- came with component = uid; an old component labelled by a changed record's
             -- uid is that record's own from last night, already among them)
             comps AS (
                 SELECT s.component FROM er_state_records s SEMI JOIN touched USING (uid)
                 WHERE s.uid NOT IN (SELECT uid FROM er_inc_dirty)
                 UNION SELECT component FROM er_inc_old
                 UNION SELECT uid FROM er_inc_dirty
             ),
             region AS (
                 SELECT s.* FROM er_state_records s SEMI JOIN comps USING (component)
             )
        SELECT CAST(row_number() OVER (ORDER BY record_id) - 1 AS INTEGER) AS rid, uid,
               record_id, bare
        FROM region ORDER BY rid
        """
    )


def recluster(
    con: duckdb.DuckDBPyConnection, model: PairModel, decisions: Sequence[Decision]
) -> tuple[int, int]:
    """Cluster the region (`er_inc_region`) anew as a full run would and write its records'
    clusters (the uid of the cluster's smallest record id) and components (the smallest uid
    of the record's component of the match graph) into `er_state_records`. Returns the
    records re-clustered and the joins refused in the region."""
    th = model.thresholds
    region = con.execute("SELECT uid, record_id, bare FROM er_inc_region ORDER BY rid").fetchnumpy()
    uids = np.asarray(region["uid"], dtype=np.int64)
    m = len(uids)
    if m == 0:
        return 0, 0
    # The region's pairs in (l, r) order, and of them those that join, are refused or keep
    # apart, picked here rather than by an SQL condition (the OR over every pair of the
    # state cost more than the joins).
    pairs = con.execute(
        """
        SELECT x.rid AS l, y.rid AS r, p.probability, p.apart, p.agree FROM er_state_pairs p
        JOIN er_inc_region x ON x.uid = p.a JOIN er_inc_region y ON y.uid = p.b
        ORDER BY l, r
        """
    ).fetchnumpy()
    prob = np.asarray(pairs["probability"], dtype=np.float64)
    apart = np.asarray(pairs["apart"], dtype=bool)
    part = (prob >= th.review) | (prob < th.cannot_link) | apart
    prob, apart = prob[part], apart[part]
    pl = np.asarray(pairs["l"], dtype=np.int32)[part]
    pr = np.asarray(pairs["r"], dtype=np.int32)[part]
    agrees = np.asarray(pairs["agree"], dtype=bool)[part]
    # As `decisions.apply_decisions` and `cluster.cluster_judged` do, on the region only (a
    # later decision on a pair wins, as in `decisions.decided_pairs`).
    local = {str(r): i for i, r in enumerate(region["record_id"].tolist())}
    mine: dict[tuple[int, int], str] = {}
    for d in decisions:
        a, b = local.get(d.record_a), local.get(d.record_b)
        if a is not None and b is not None:
            mine[(min(a, b), max(a, b))] = d.verdict
    free = np.ones(len(pl), bool)
    if mine:
        keys = np.array([a * m + b for a, b in mine], np.int64)
        free = ~np.isin(pl.astype(np.int64) * m + pr, keys)
    model_pairs = free & (prob >= th.review)
    cannot_model = free & ((prob < th.cannot_link) | apart)
    verdicts = list(mine.values())
    left = np.concatenate(
        [pl[model_pairs], np.array([k[0] for k in mine], np.int32), pl[cannot_model]]
    )
    right = np.concatenate(
        [pr[model_pairs], np.array([k[1] for k in mine], np.int32), pr[cannot_model]]
    )
    strength = np.concatenate(
        [
            prob[model_pairs],
            np.array([2.0 if v == "same" else -1.0 for v in verdicts]),
            np.zeros(int(cannot_model.sum())),
        ]
    )
    cannot = np.concatenate(
        [
            np.zeros(int(model_pairs.sum()), bool),
            np.array([v == "different" for v in verdicts], bool),
            np.ones(int(cannot_model.sum()), bool),
        ]
    )
    agree = np.concatenate(
        [
            agrees[model_pairs],
            np.ones(len(verdicts), bool),
            np.zeros(int(cannot_model.sum()), bool),
        ]
    )
    must = th.joins(strength, agree) & ~cannot
    bare = np.asarray(region["bare"], dtype=bool)
    result = cluster_pairs(m, left, right, strength, must, cannot, bare, agree=agree)
    groups = components(m, left[must], right[must])
    labels = np.asarray(groups, dtype=np.int64)
    least = np.full(int(labels.max()) + 1, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(least, labels, uids)
    smallest = least[labels]
    frame = {
        "uid": uids.astype(np.int32),
        "cluster": uids[np.asarray(result.labels, dtype=np.int64)].astype(np.int32),
        "component": smallest.astype(np.int32),
    }
    con.register("er_inc_region_frame", frame)
    con.execute(
        """
        UPDATE er_state_records AS s SET cluster = f.cluster, component = f.component
        FROM er_inc_region_frame f
        WHERE f.uid = s.uid AND (f.cluster <> s.cluster OR f.component <> s.component)
        """
    )
    con.unregister("er_inc_region_frame")
    return m, result.refused


@dataclass(frozen=True, slots=True)
class StateClusters:
    """Every record of the state, read once: by uid, its record id (None for a uid no record
    holds) and the uid of its cluster's key; and every record id's cluster key."""

    record_ids: npt.NDArray[np.object_]
    cluster: npt.NDArray[np.int64]
    keys: dict[str, str]


def clusters_of(con: duckdb.DuckDBPyConnection) -> StateClusters:
    """Every record's cluster key (the smallest record id of its cluster), from the state: its
    rows read once, a cluster's uid looked up among them by position (the state joined with
    itself read every record id twice)."""
    rows = con.execute("SELECT uid, record_id, cluster FROM er_state_records").fetchnumpy()
    uids = np.asarray(rows["uid"], dtype=np.int64)
    record_ids = np.asarray(rows["record_id"], dtype=object)
    size = int(uids.max()) + 1 if len(uids) else 0
    by_uid = np.full(size, None, dtype=object)
    by_uid[uids] = record_ids
    cluster = np.full(size, -1, dtype=np.int64)
    cluster[uids] = np.asarray(rows["cluster"], dtype=np.int64)
    keys = by_uid[cluster[uids]] if len(uids) else record_ids
    return StateClusters(
        by_uid, cluster, dict(zip(record_ids.tolist(), keys.tolist(), strict=True))
    )


def review_cases(
    con: duckdb.DuckDBPyConnection,
    state: StateClusters,
    limit: int,
    decided: set[tuple[str, str]],
    explain: Callable[[Mapping[str, int]], list[tuple[str, str, float]]],
) -> list[PairCase]:
    """Cases of the review band's pairs in a full run's order (the first `limit`, as
    `scoring` keeps them) that ended in two clusters and that no coordinator decided on
    (`decided`: record id pairs, the smaller first). The band's levels are kept in the
    state (`er_state_band`), so nothing is compared again; its pairs' record ids and
    clusters are the state's as `clusters_of` read them (the band joined with the state's
    records twice read every record twice)."""
    columns = ", ".join(BAND_LEVELS)
    band = con.execute(f"SELECT a, b, probability, {columns} FROM er_state_band").fetchnumpy()
    ends = list(zip(band["a"].tolist(), band["b"].tolist(), strict=True))
    size = len(state.record_ids)
    # As the join did: a pair both of whose records are in the state.
    kept = [
        i
        for i, (a, b) in enumerate(ends)
        if a < size
        and b < size
        and state.record_ids[a] is not None
        and state.record_ids[b] is not None
    ]
    record_a = {i: str(state.record_ids[ends[i][0]]) for i in kept}
    record_b = {i: str(state.record_ids[ends[i][1]]) for i in kept}
    # Record ids order as DuckDB orders them (Python's code points, its UTF-8 bytes).
    order = sorted(kept, key=lambda i: (record_a[i], record_b[i]))[: int(limit)]
    probability = np.asarray(band["probability"], dtype=np.float64).tolist()
    levels = np.column_stack([np.asarray(band[c], dtype=np.int64) for c in BAND_LEVELS])
    fields = [ladder.field for ladder in LADDERS]
    # Many pairs share their levels: each combination is explained once.
    explained: dict[tuple[int, ...], tuple[Evidence, ...]] = {}
    cases = []
    for i in order:
        a, b = ends[i]
        if state.cluster[a] == state.cluster[b] or (record_a[i], record_b[i]) in decided:
            continue
        key = tuple(levels[i].tolist())
        if key not in explained:
            explained[key] = evidence_of(dict(zip(fields, key, strict=True)), explain)
        cases.append(PairCase(record_a[i], record_b[i], round(probability[i], 4), explained[key]))
    return cases


def update_conflicts(con: duckdb.DuckDBPyConnection, limit: int = 100_000) -> list[ConflictCase]:
    """Conflict cases of every cluster, as a full run makes them (a case the night did not
    touch must still be raised, or the review queue would close it as gone): the kept
    conflicts (`er_state_conflicts`) of the clusters that had a record in the region
    (`er_inc_region`, whole old components) or a record that changed or left (`er_inc_old`)
    go, and those of the region's clusters, as reclustered, come. A cluster is keyed by its
    smallest record id, which is one of its records: a cluster outside the region, none of
    whose records changed, keeps its key and its case."""
    con.execute(
        """
        DELETE FROM er_state_conflicts WHERE cluster_key IN (
            SELECT record_id FROM er_inc_region UNION ALL SELECT record_id FROM er_inc_old)
        """
    )
    members = (
        "SELECT cluster AS cluster_rid, record_id, phones, street, house, postal "
        "FROM er_state_records WHERE uid IN (SELECT uid FROM er_inc_region)"
    )
    con.execute(
        f'INSERT INTO er_state_conflicts SELECT cluster_key, field, "values" '
        f"FROM ({conflicts_sql(members)})"
    )
    return read_conflicts(con, "er_state_conflicts", limit)
