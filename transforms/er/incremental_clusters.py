"""Incremental matching, the clusters: which records a night can regroup, and regrouping them.

Part of `incremental` (see its docstring). The region is closed under the match graph's
joins, and within it the pairs are joined in a full run's order, so its clusters are a full
run's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from transforms.er.cluster import cluster_pairs, components
from transforms.er.decisions import Decision
from transforms.er.features import bare_records
from transforms.er.incremental_pairs import count, levels_of
from transforms.er.model import PairModel
from transforms.er.review import ConflictCase, conflict_cases


def region_to_recluster(
    con: duckdb.DuckDBPyConnection, model: PairModel, decisions: Sequence[Decision]
) -> npt.NDArray[np.int32]:
    """Rids to re-cluster: whole old components of every record the night touched (new,
    changed or removed, ends of a pair whose part in clustering changed, ends of a decision
    that came or went) plus the new records. No join of the match graph leaves this region.

    A pair's part is to join (at or above the match threshold), to keep apart (below the
    cannot-link threshold, or different numbers) or none (the review band, or no pair): a
    pair that came, went or moved without changing its part changes no cluster, except a
    join whose strength moved (the order of joins may change) or whose contacts came to agree
    or stopped agreeing (it is made in another phase)."""
    th = model.thresholds
    part = (
        "CASE WHEN {t}.l IS NULL THEN 0 WHEN {t}.apart OR {t}.probability < "
        f"{th.cannot_link} THEN 2 WHEN {{t}}.probability >= {th.match} THEN 1 ELSE 0 END"
    )
    part_n, part_o = part.format(t="n"), part.format(t="o")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_decided_now (record_a VARCHAR, record_b VARCHAR, "
        "verdict VARCHAR, position INTEGER)"
    )
    if decisions:
        con.executemany(
            "INSERT INTO er_inc_decided_now VALUES (?, ?, ?, ?)",
            [(d.record_a, d.record_b, d.verdict, i) for i, d in enumerate(decisions)],
        )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_touched AS
        WITH old AS (SELECT a.rid AS l, b.rid AS r, p.probability, p.apart, p.agree
                     FROM er_state_pairs p
                     JOIN er_inc_next a ON a.uid = p.a JOIN er_inc_next b ON b.uid = p.b),
             changed AS (
                 SELECT coalesce(n.l, o.l) AS l, coalesce(n.r, o.r) AS r
                 FROM er_inc_pairs n FULL JOIN old o ON n.l = o.l AND n.r = o.r
                 WHERE ({part_n}) <> ({part_o})
                    OR (({part_n}) = 1
                        AND (n.probability <> o.probability OR n.agree <> o.agree))
             ),
             decisions_moved AS (
                 (SELECT record_a, record_b, verdict FROM er_inc_decided_now
                  EXCEPT SELECT record_a, record_b, verdict FROM er_state_decisions)
                 UNION
                 (SELECT record_a, record_b, verdict FROM er_state_decisions
                  EXCEPT SELECT record_a, record_b, verdict FROM er_inc_decided_now)
             ),
             decided_ends AS (
                 SELECT record_a AS record_id FROM decisions_moved
                 UNION SELECT record_b FROM decisions_moved
             )
        SELECT l AS rid FROM changed UNION SELECT r FROM changed
        UNION SELECT rid FROM er_inc_dirty
        UNION SELECT x.rid FROM er_inc_next x JOIN decided_ends USING (record_id)
        """
    )
    # Old components of the touched records and of the records that changed or left.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_inc_region AS
        WITH comps AS (
            SELECT s.component FROM er_state_records s JOIN er_inc_next x USING (uid)
            WHERE x.rid IN (SELECT rid FROM er_inc_touched)
            UNION SELECT s.component FROM er_state_records s JOIN er_inc_night n USING (uid)
            WHERE n.status IN ('changed', 'removed')
        )
        SELECT x.rid FROM er_inc_next x JOIN er_state_records s USING (uid)
        WHERE s.component IN (SELECT component FROM comps)
        UNION SELECT rid FROM er_inc_dirty
        """
    )
    region = con.execute("SELECT rid FROM er_inc_region ORDER BY rid").fetchnumpy()["rid"]
    return np.asarray(region, dtype=np.int32)


def recluster(
    con: duckdb.DuckDBPyConnection,
    model: PairModel,
    decided: Mapping[tuple[int, int], str],
    region: npt.NDArray[np.int32],
) -> tuple[npt.NDArray[np.int64], dict[int, int], int, int]:
    """Cluster labels (rid -> rid of the cluster's smallest record) of every record: the
    region clustered anew as a full run would, the rest as it was. Also each record's
    component (uid -> smallest uid), the joins refused in the region, and matched pairs."""
    th = model.thresholds
    n = count(con, "SELECT count(*) FROM er_inc_next")
    old = con.execute(
        """
        SELECT x.rid, c.rid AS cluster_rid, x.uid, s.component
        FROM er_inc_next x JOIN er_state_records s USING (uid)
        JOIN er_inc_next c ON c.uid = s.cluster
        """
    ).fetchnumpy()
    labels = np.arange(n, dtype=np.int64)
    labels[np.asarray(old["rid"], dtype=np.int64)] = np.asarray(old["cluster_rid"], dtype=np.int64)
    uids = con.execute("SELECT uid FROM er_inc_next ORDER BY rid").fetchnumpy()["uid"]
    uid_arr = np.asarray(uids, dtype=np.int64)
    component = {
        int(u): int(c) for u, c in zip(old["uid"].tolist(), old["component"].tolist(), strict=True)
    }

    local = {int(rid): i for i, rid in enumerate(region.tolist())}
    con.register("er_inc_region_frame", pd.DataFrame({"rid": region}))
    pairs = con.execute(
        f"""
        SELECT l, r, probability, apart, agree FROM er_inc_pairs
        WHERE l IN (SELECT rid FROM er_inc_region_frame) AND r IN (SELECT rid FROM er_inc_region_frame)
          AND (probability >= {th.review} OR probability < {th.cannot_link} OR apart)
        ORDER BY l, r
        """
    ).fetchnumpy()
    con.unregister("er_inc_region_frame")
    # Region rids to 0..m-1 (the region is sorted, so the order of rids is kept).
    pl = np.searchsorted(region, np.asarray(pairs["l"], dtype=np.int32)).astype(np.int32)
    pr = np.searchsorted(region, np.asarray(pairs["r"], dtype=np.int32)).astype(np.int32)
    prob = np.asarray(pairs["probability"], dtype=np.float64)
    apart = np.asarray(pairs["apart"], dtype=bool)
    agrees = np.asarray(pairs["agree"], dtype=bool)
    # As `decisions.apply_decisions` and `cluster.cluster_judged` do, on the region only.
    mine = {(local[a], local[b]): v for (a, b), v in decided.items() if a in local and b in local}
    m = len(region)
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
    must = (strength >= th.match) & ~cannot
    bare = bare_records(con, "er_inc_next")[region]
    result = cluster_pairs(m, left, right, strength, must, cannot, bare, agree=agree)
    labels[region] = region[result.labels]
    groups = components(m, left[must], right[must])
    smallest: dict[int, int] = {}
    for i, g in enumerate(groups.tolist()):
        uid = int(uid_arr[region[i]])
        smallest[g] = min(smallest.get(g, uid), uid)
    for i, g in enumerate(groups.tolist()):
        component[int(uid_arr[region[i]])] = smallest[g]
    matched = count(con, f"SELECT count(*) FROM er_inc_pairs WHERE probability >= {th.match}")
    return labels, component, result.refused, matched


def review_rows(
    con: duckdb.DuckDBPyConnection, model: PairModel, limit: int
) -> list[tuple[int, int, float, dict[str, int]]]:
    """The review band's pairs in a full run's order (the first `limit`), with levels."""
    th = model.thresholds
    band = con.execute(
        f"""
        SELECT l, r, probability FROM er_inc_pairs
        WHERE probability >= {th.review} AND probability < {th.match}
        ORDER BY l, r LIMIT {int(limit)}
        """
    ).fetchnumpy()
    left = np.asarray(band["l"], dtype=np.int32)
    right = np.asarray(band["r"], dtype=np.int32)
    probability = np.asarray(band["probability"], dtype=np.float64)
    levels = levels_of(con, left, right)
    if levels is None:
        return []
    return [
        (int(left[i]), int(right[i]), float(probability[i]),
         {f: int(v[i]) for f, v in levels.items()})
        for i in range(len(left))
    ]  # fmt: skip


def all_conflicts(
    con: duckdb.DuckDBPyConnection, labels: npt.NDArray[np.int64]
) -> list[ConflictCase]:
    """Conflict cases of every cluster, as a full run makes them: a case the night did not
    touch must still be raised, or the review queue would close it as gone."""
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_features AS
        SELECT rid, record_id, phones, street, house, postal FROM er_inc_next ORDER BY rid
        """
    )
    con.register(
        "er_inc_labels", pd.DataFrame({"rid": np.arange(len(labels), dtype=np.int32), "l": labels})
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_clusters AS "
        "SELECT rid, CAST(l AS INTEGER) AS cluster_rid FROM er_inc_labels"
    )
    con.unregister("er_inc_labels")
    cases = conflict_cases(con)
    con.execute("DROP TABLE er_features")
    con.execute("DROP TABLE er_clusters")
    return cases
