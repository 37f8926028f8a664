"""The matcher end to end over DuckDB: features → blocking → ladders → model → clusters.

`resolve(con, table=..., decisions=...)` runs on the nightly `records` staging table;
`resolve_features(con, ...)` is the part after the feature table exists, shared with the
standalone file matcher. Coordinators' decisions always win over the model: "same" joins
(unless it contradicts a "different"), "different" is a cannot-link, "unsure" leaves the pair
to the model but keeps it out of the review queue.

Tables left in the connection (temporary): `er_features`, `er_pairs`, `er_scored_pairs(l, r,
record_a, record_b, probability, band)` for pairs at or above the review threshold, and
`er_clusters(rid, cluster_rid)`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from transforms.er.blocking import RuleCount, block
from transforms.er.cluster import cluster_pairs, components
from transforms.er.features import build_features_from_records
from transforms.er.ladders import LADDERS, compare_pairs
from transforms.er.model import NUMBER_DIFFERENT, PairModel, Thresholds, load_model
from transforms.er.review import ConflictCase, Evidence, PairCase, conflict_cases

log = logging.getLogger(__name__)

Verdict = Literal["same", "different", "unsure"]
_VERDICTS = ("same", "different", "unsure")


@dataclass(frozen=True, slots=True)
class Decision:
    """A coordinator's judgement about two records, keyed by the ordered pair (a < b).
    Build one with `Decision.of(x, y, verdict)` when the order is not known."""

    record_a: str
    record_b: str
    verdict: Verdict
    decided_by: str | None = None
    decided_at: str | None = None  # ISO 8601
    note: str | None = None

    def __post_init__(self) -> None:
        if self.verdict not in _VERDICTS:
            raise ValueError(
                f"decision {self.record_a}/{self.record_b}: bad verdict {self.verdict!r}"
            )
        if not self.record_a < self.record_b:
            raise ValueError(
                f"decision {self.record_a}/{self.record_b}: the pair must be ordered, "
                "record_a < record_b (use Decision.of)"
            )

    @classmethod
    def of(cls, x: str, y: str, verdict: Verdict, **extra: str | None) -> Decision:
        a, b = (x, y) if x < y else (y, x)
        return cls(a, b, verdict, **extra)


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
) -> Resolution:
    """Everything after `er_features` exists."""
    model = model or load_model()
    th = model.thresholds
    clock = time.perf_counter()
    stats: dict[str, float] = {}
    rule_counts = block(con)
    stats["blocking_s"] = round(time.perf_counter() - clock, 2)

    lefts: list[npt.NDArray[np.int32]] = []
    rights: list[npt.NDArray[np.int32]] = []
    probs: list[npt.NDArray[np.float64]] = []
    review_rows: list[tuple[int, int, float, dict[str, int]]] = []
    pairs_scored = 0
    # Cannot-links are most of the candidate pairs on a big input, and only those inside a
    # component of the match graph matter: they wait in DuckDB (which can spill), on a second
    # connection because the first is streaming the comparisons.
    side = con.cursor()
    side.execute("CREATE OR REPLACE TEMP TABLE er_cannot (l INTEGER, r INTEGER)")
    for chunk in compare_pairs(con):
        p = model.probability(chunk.levels)
        pairs_scored += len(p)
        keep = p >= th.review
        lefts.append(chunk.left[keep])
        rights.append(chunk.right[keep])
        probs.append(p[keep])
        apart = (p < th.cannot_link) | (chunk.levels["number"] == NUMBER_DIFFERENT)
        side.register(
            "er_cannot_chunk", pd.DataFrame({"l": chunk.left[apart], "r": chunk.right[apart]})
        )
        side.execute("INSERT INTO er_cannot SELECT l, r FROM er_cannot_chunk")
        side.unregister("er_cannot_chunk")
        band = np.flatnonzero((p >= th.review) & (p < th.match))
        for i in band[: max(0, review_limit - len(review_rows))].tolist():
            review_rows.append(
                (
                    int(chunk.left[i]),
                    int(chunk.right[i]),
                    float(p[i]),
                    {f: int(v[i]) for f, v in chunk.levels.items()},
                )
            )
    stats["scoring_s"] = round(time.perf_counter() - clock - stats["blocking_s"], 2)
    scored_at = time.perf_counter()
    left = np.concatenate(lefts) if lefts else np.zeros(0, np.int32)
    right = np.concatenate(rights) if rights else np.zeros(0, np.int32)
    prob = np.concatenate(probs) if probs else np.zeros(0)
    cannot = np.zeros(len(left), bool)

    ids = con.execute("SELECT record_id FROM er_features ORDER BY rid").fetchall()
    record_ids = [row[0] for row in ids]
    rid_of = {record_id: i for i, record_id in enumerate(record_ids)}
    decided: dict[tuple[int, int], Verdict] = {}
    for d in decisions:
        a, b = rid_of.get(d.record_a), rid_of.get(d.record_b)
        if a is None or b is None:
            log.warning("decision %s/%s: a record is not in this run", d.record_a, d.record_b)
            continue
        decided[(min(a, b), max(a, b))] = d.verdict

    # Decisions win: "same" becomes the strongest join, "different" a cannot-link.
    if decided:
        # The model's own view of a decided pair (maybe a cannot-link) gives way.
        n = len(record_ids)
        decided_keys = np.array([a * n + b for a, b in decided], np.int64)
        keep = ~np.isin(left.astype(np.int64) * n + right, decided_keys)
        left, right, prob, cannot = left[keep], right[keep], prob[keep], cannot[keep]
        dl = np.array([k[0] for k in decided], np.int32)
        dr = np.array([k[1] for k in decided], np.int32)
        dv = [v for v in decided.values()]
        left = np.concatenate([left, dl])
        right = np.concatenate([right, dr])
        prob = np.concatenate([prob, np.array([2.0 if v == "same" else -1.0 for v in dv])])
        cannot = np.concatenate([cannot, np.array([v == "different" for v in dv])])
        unsure_or_decided = set(decided)
    else:
        unsure_or_decided = set()
    must = (prob >= th.match) & ~cannot
    # The model's cannot-links that can bite: both ends in one component of the match graph.
    groups = components(len(record_ids), left[must], right[must])
    # Filtered chunk by chunk in numpy: a SQL join on the group would let the optimiser pair
    # group with group first, quadratic in a large component.
    biting_l: list[npt.NDArray[np.int32]] = []
    biting_r: list[npt.NDArray[np.int32]] = []
    stored = side.execute("SELECT l, r FROM er_cannot")
    while True:
        batch = stored.fetch_df_chunk(64)
        if batch.empty:
            break
        bl = batch["l"].to_numpy(dtype=np.int32)
        br = batch["r"].to_numpy(dtype=np.int32)
        inside = groups[bl] == groups[br]
        biting_l.append(bl[inside])
        biting_r.append(br[inside])
    side.execute("DROP TABLE er_cannot")
    side.close()
    cl: npt.NDArray[np.int32] = np.concatenate(biting_l) if biting_l else np.zeros(0, np.int32)
    cr: npt.NDArray[np.int32] = np.concatenate(biting_r) if biting_r else np.zeros(0, np.int32)
    if decided:
        n = len(record_ids)
        decided_keys = np.array([a * n + b for a, b in decided], np.int64)
        model_view = ~np.isin(cl.astype(np.int64) * n + cr, decided_keys)
        cl, cr = cl[model_view], cr[model_view]
    left = np.concatenate([left, cl])
    right = np.concatenate([right, cr])
    prob = np.concatenate([prob, np.zeros(len(cl))])
    cannot = np.concatenate([cannot, np.ones(len(cl), bool)])
    must = np.concatenate([must, np.zeros(len(cl), bool)])
    result = cluster_pairs(len(record_ids), left, right, prob, must, cannot)
    stats["clustering_s"] = round(time.perf_counter() - scored_at, 2)

    con.register(
        "er_cluster_frame",
        pd.DataFrame(
            {"rid": np.arange(len(record_ids), dtype=np.int32), "cluster_rid": result.labels}
        ),
    )
    con.execute("CREATE OR REPLACE TEMP TABLE er_clusters AS SELECT * FROM er_cluster_frame")
    con.unregister("er_cluster_frame")
    scored = prob >= th.review
    con.register(
        "er_scored_frame",
        pd.DataFrame({"l": left[scored], "r": right[scored], "probability": prob[scored]}),
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_scored_pairs AS
        SELECT s.l, s.r, a.record_id AS record_a, b.record_id AS record_b,
               least(s.probability, 1.0) AS probability,
               CASE WHEN s.probability >= {th.match} THEN 'match' ELSE 'review' END AS band
        FROM er_scored_frame s
        JOIN er_features a ON a.rid = s.l JOIN er_features b ON b.rid = s.r
        """
    )
    con.unregister("er_scored_frame")

    labels = result.labels
    cluster_key: dict[int, str] = {}
    for rid, root in enumerate(labels.tolist()):
        cluster_key.setdefault(root, record_ids[rid])  # rids follow record_id order
    clusters = {record_ids[rid]: cluster_key[root] for rid, root in enumerate(labels.tolist())}

    cases = []
    for a, b, pair_probability, levels in review_rows:
        if (a, b) in unsure_or_decided or labels[a] == labels[b]:
            continue
        evidence = tuple(Evidence(f, lv, round(w, 3)) for f, lv, w in model.explain(levels))
        ra, rb = sorted((record_ids[a], record_ids[b]))
        cases.append(PairCase(ra, rb, round(pair_probability, 4), evidence))
    conflicts = conflict_cases(con)
    stats["review_s"] = round(time.perf_counter() - scored_at - stats["clustering_s"], 2)
    stats["total_s"] = round(time.perf_counter() - clock, 2)
    log.info("matcher stages: %s, %d pairs scored", stats, pairs_scored)
    return Resolution(
        clusters=clusters,
        pairs_scored=pairs_scored,
        pairs_matched=int(must.sum()),
        review_cases=tuple(cases),
        conflict_cases=tuple(conflicts),
        rule_counts=tuple(rule_counts),
        thresholds=th,
        refused_joins=result.refused,
        stats=stats,
    )


LADDER_FIELDS = tuple(ladder.field for ladder in LADDERS)
