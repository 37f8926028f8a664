"""The matcher end to end over DuckDB: features → blocking → scoring → decisions → clusters.

`resolve(con, table=..., decisions=...)` runs on the nightly `records` staging table;
`resolve_features(con, ...)` is the part after the feature table exists, shared with the
standalone file matcher. Each step is its own module: `blocking` proposes candidate pairs,
`scoring` puts them through the ladders and the model, `decisions` lays the coordinators'
judgements over the model (they always win), `cluster` joins with cannot-links, `review` makes
the coordinators' cases.

Tables left in the connection (temporary): `er_features`, `er_pairs`, `er_scored_pairs(l, r,
record_a, record_b, probability, band)` for pairs at or above the review threshold, and
`er_clusters(rid, cluster_rid)`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from transforms.er.blocking import RuleCount, block
from transforms.er.cluster import cluster_judged
from transforms.er.decisions import Decision, Verdict, apply_decisions, decided_pairs
from transforms.er.features import bare_records, build_features_from_records
from transforms.er.model import PairModel, Thresholds, load_model
from transforms.er.review import ConflictCase, PairCase, conflict_cases, pair_cases
from transforms.er.scoring import score_candidates

__all__ = ["Decision", "Resolution", "Verdict", "resolve", "resolve_features"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the matcher found. `clusters` maps record_id -> cluster key (the smallest record
    id of its cluster; stable ids come from `cluster.assign_cluster_ids`)."""

    clusters: dict[str, str]
    pairs_scored: int
    pairs_matched: int
    review_cases: tuple[PairCase, ...]
    conflict_cases: tuple[ConflictCase, ...]
    rule_counts: tuple[RuleCount, ...]
    thresholds: Thresholds
    refused_joins: int
    # joins a contact-less record (or one sharing no contact) was refused because they would
    # reach two namesake clusters without a clear best (`cluster.cluster_pairs`)
    ambiguous_joins: int = 0
    stats: dict[str, float] = field(default_factory=dict)


def resolve(
    con: duckdb.DuckDBPyConnection,
    *,
    table: str = "records",
    decisions: Sequence[Decision] = (),
    model: PairModel | None = None,
) -> Resolution:
    """Match the records of `table` (the columns of the nightly `records` table)."""
    build_features_from_records(con, table)
    return resolve_features(con, decisions=decisions, model=model)


def resolve_features(
    con: duckdb.DuckDBPyConnection,
    *,
    decisions: Sequence[Decision] = (),
    model: PairModel | None = None,
    review_limit: int = 50_000,
    keep_pairs: str | None = None,
    keep_conflicts: str | None = None,
) -> Resolution:
    """Everything after `er_features` exists. `keep_pairs` names a table to receive every
    scored pair (see `scoring.score_candidates`), `keep_conflicts` one to receive every
    cluster's conflicts (see `review.conflict_cases`)."""
    model = model or load_model()
    th = model.thresholds
    clock = time.perf_counter()
    stats: dict[str, float] = {}
    rule_counts = block(con)
    stats["blocking_s"] = round(time.perf_counter() - clock, 2)

    scored = score_candidates(con, model, review_limit, keep_pairs)
    try:
        stats["scoring_s"] = round(time.perf_counter() - clock - stats["blocking_s"], 2)
        scored_at = time.perf_counter()
        ids = con.execute("SELECT record_id FROM er_features ORDER BY rid").fetchall()
        record_ids = [row[0] for row in ids]
        n = len(record_ids)
        decided = decided_pairs(decisions, {record_id: i for i, record_id in enumerate(record_ids)})
        judged = apply_decisions(
            scored.left, scored.right, scored.probability, scored.agree, decided, n
        )
        clustering = cluster_judged(n, judged, th, scored.cannot_links.inside, bare_records(con))
    finally:
        scored.cannot_links.close()
    labels = clustering.result.labels
    stats["clustering_s"] = round(time.perf_counter() - scored_at, 2)

    _store_clusters(
        con, labels, clustering.left, clustering.right, clustering.strength, clustering.must, th
    )
    cluster_key: dict[int, str] = {}
    for rid, root in enumerate(labels.tolist()):
        cluster_key.setdefault(root, record_ids[rid])  # rids follow record_id order
    clusters = {record_ids[rid]: cluster_key[root] for rid, root in enumerate(labels.tolist())}
    cases = pair_cases(scored.review_rows, labels, record_ids, set(decided), model.explain)
    conflicts = conflict_cases(con, keep=keep_conflicts)
    stats["review_s"] = round(time.perf_counter() - scored_at - stats["clustering_s"], 2)
    stats["total_s"] = round(time.perf_counter() - clock, 2)
    log.info("matcher stages: %s, %d pairs scored", stats, scored.pairs_scored)
    return Resolution(
        clusters=clusters,
        pairs_scored=scored.pairs_scored,
        pairs_matched=int(clustering.must.sum()),
        review_cases=tuple(cases),
        conflict_cases=tuple(conflicts),
        rule_counts=tuple(rule_counts),
        thresholds=th,
        refused_joins=clustering.result.refused,
        ambiguous_joins=clustering.result.ambiguous,
        stats=stats,
    )


def _store_clusters(
    con: duckdb.DuckDBPyConnection,
    labels: npt.NDArray[np.int64],
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    strength: npt.NDArray[np.float64],
    must: npt.NDArray[np.bool_],
    th: Thresholds,
) -> None:
    """`er_clusters` from the labels, `er_scored_pairs` from the pairs at or above review
    (band "match": the pairs clustering was to join, whether or not it made the join)."""
    con.register(
        "er_cluster_frame",
        pd.DataFrame({"rid": np.arange(len(labels), dtype=np.int32), "cluster_rid": labels}),
    )
    con.execute("CREATE OR REPLACE TEMP TABLE er_clusters AS SELECT * FROM er_cluster_frame")
    con.unregister("er_cluster_frame")
    scored = strength >= th.review
    con.register(
        "er_scored_frame",
        pd.DataFrame(
            {
                "l": left[scored],
                "r": right[scored],
                "probability": strength[scored],
                "joins": must[scored],
            }
        ),
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_scored_pairs AS
        SELECT s.l, s.r, a.record_id AS record_a, b.record_id AS record_b,
               least(s.probability, 1.0) AS probability,
               CASE WHEN s.joins THEN 'match' ELSE 'review' END AS band
        FROM er_scored_frame s
        JOIN er_features a ON a.rid = s.l JOIN er_features b ON b.rid = s.r
        """
    )
    con.unregister("er_scored_frame")
