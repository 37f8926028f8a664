"""Scoring: every candidate pair of `er_pairs` through the ladders and the pair model.

`score_candidates` streams the comparisons chunk by chunk and keeps three things:

- the pairs at or above the review threshold (they may join, or go to a coordinator), in
  memory as arrays of rids and probabilities, in `er_pairs` order;
- the review band's pairs with their levels (the evidence a coordinator reads), up to a limit;
- the model's cannot-links (a confident non-match, or different numbers), which are most of
  the candidate pairs on a big input: they wait in DuckDB (which can spill), in a
  `CannotLinks` store, until clustering asks for those inside a component of the match graph.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from transforms.er.ladders import LADDERS, compare_pairs
from transforms.er.model import NUMBER_DIFFERENT, PairModel, contact_agreement

# (left rid, right rid, probability, level per ladder) of a pair in the review band.
ReviewRow = tuple[int, int, float, dict[str, int]]
# Columns of the review band's levels as `incremental` keeps them (one per ladder).
BAND_LEVELS = tuple(f"lv_{ladder.field}" for ladder in LADDERS)


def band_table_sql(table: str, pair: tuple[str, str] = ("a", "b")) -> str:
    """A table of review-band pairs with their probability and every ladder's level."""
    columns = ", ".join(f"{c} TINYINT" for c in BAND_LEVELS)
    return (
        f"CREATE OR REPLACE TABLE {table} "
        f"({pair[0]} INTEGER, {pair[1]} INTEGER, probability DOUBLE, {columns})"
    )


class CannotLinks:
    """The model's cannot-links of a run, in a temporary table on a second connection (the
    first is streaming the comparisons). Close it when clustering is done."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._side = con.cursor()
        self._side.execute("CREATE OR REPLACE TEMP TABLE er_cannot (l INTEGER, r INTEGER)")

    def add(self, left: npt.NDArray[np.int32], right: npt.NDArray[np.int32]) -> None:
        self._side.register("er_cannot_chunk", pd.DataFrame({"l": left, "r": right}))
        self._side.execute("INSERT INTO er_cannot SELECT l, r FROM er_cannot_chunk")
        self._side.unregister("er_cannot_chunk")

    def inside(
        self, groups: npt.NDArray[np.int64]
    ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
        """The cannot-links whose two records share a group (`groups[rid]`).

        Filtered chunk by chunk in numpy: a SQL join on the group would let the optimiser pair
        group with group first, quadratic in a large component."""
        biting_l: list[npt.NDArray[np.int32]] = []
        biting_r: list[npt.NDArray[np.int32]] = []
        stored = self._side.execute("SELECT l, r FROM er_cannot")
        while True:
            batch = stored.fetch_df_chunk(64)
            if batch.empty:
                break
            bl = batch["l"].to_numpy(dtype=np.int32)
            br = batch["r"].to_numpy(dtype=np.int32)
            inside = groups[bl] == groups[br]
            biting_l.append(bl[inside])
            biting_r.append(br[inside])
        left = np.concatenate(biting_l) if biting_l else np.zeros(0, np.int32)
        right = np.concatenate(biting_r) if biting_r else np.zeros(0, np.int32)
        return left, right

    def close(self) -> None:
        self._side.execute("DROP TABLE IF EXISTS er_cannot")
        self._side.close()


@dataclass(frozen=True, slots=True)
class ScoredPairs:
    """What scoring keeps: pairs at or above the review threshold (`er_pairs` order) and
    whether a contact of each agrees, the review band's evidence, the count of pairs scored
    and the store of cannot-links."""

    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    probability: npt.NDArray[np.float64]
    agree: npt.NDArray[np.bool_]  # a contact compared and agreeing (`contact_agreement`)
    review_rows: tuple[ReviewRow, ...]
    pairs_scored: int
    cannot_links: CannotLinks


def score_candidates(
    con: duckdb.DuckDBPyConnection,
    model: PairModel,
    review_limit: int,
    keep_pairs: str | None = None,
) -> ScoredPairs:
    """Score every pair of `er_pairs` (needs `er_features`); the caller closes
    `result.cannot_links`. With `keep_pairs`, every scored pair is also written to that
    (regular) table as `(l, r, probability, apart, agree)`, and every pair of the review
    band with its levels to `{keep_pairs}_band` (for `incremental`'s state)."""
    th = model.thresholds
    lefts: list[npt.NDArray[np.int32]] = []
    rights: list[npt.NDArray[np.int32]] = []
    probs: list[npt.NDArray[np.float64]] = []
    agrees: list[npt.NDArray[np.bool_]] = []
    review_rows: list[ReviewRow] = []
    pairs_scored = 0
    cannot = CannotLinks(con)
    keeper = con.cursor() if keep_pairs else None
    if keeper is not None:
        keeper.execute(
            f"CREATE OR REPLACE TABLE {keep_pairs} "
            "(l INTEGER, r INTEGER, probability DOUBLE, apart BOOLEAN, agree BOOLEAN)"
        )
        keeper.execute(band_table_sql(f"{keep_pairs}_band", ("l", "r")))
    try:
        for chunk in compare_pairs(con):
            p = model.probability(chunk.levels)
            pairs_scored += len(p)
            keep = p >= th.review
            lefts.append(chunk.left[keep])
            rights.append(chunk.right[keep])
            probs.append(p[keep])
            agree = contact_agreement(chunk.levels)
            agrees.append(agree[keep])
            different = chunk.levels["number"] == NUMBER_DIFFERENT
            apart = (p < th.cannot_link) | different
            cannot.add(chunk.left[apart], chunk.right[apart])
            if keeper is not None:
                keeper.register(
                    "er_keep_chunk",
                    pd.DataFrame(
                        {
                            "l": chunk.left,
                            "r": chunk.right,
                            "probability": p,
                            "apart": different,
                            "agree": agree,
                        }
                    ),
                )
                keeper.execute(f"INSERT INTO {keep_pairs} SELECT * FROM er_keep_chunk")
                keeper.unregister("er_keep_chunk")
            band = np.flatnonzero((p >= th.review) & (p < th.match))
            if keeper is not None:
                _keep_band(
                    keeper, f"{keep_pairs}_band", chunk.left, chunk.right, p, chunk.levels, band
                )
            for i in band[: max(0, review_limit - len(review_rows))].tolist():
                review_rows.append(
                    (
                        int(chunk.left[i]),
                        int(chunk.right[i]),
                        float(p[i]),
                        {f: int(v[i]) for f, v in chunk.levels.items()},
                    )
                )
    except BaseException:
        cannot.close()
        raise
    finally:
        if keeper is not None:
            keeper.close()
    return ScoredPairs(
        left=np.concatenate(lefts) if lefts else np.zeros(0, np.int32),
        right=np.concatenate(rights) if rights else np.zeros(0, np.int32),
        probability=np.concatenate(probs) if probs else np.zeros(0),
        agree=np.concatenate(agrees) if agrees else np.zeros(0, bool),
        review_rows=tuple(review_rows),
        pairs_scored=pairs_scored,
        cannot_links=cannot,
    )


def _keep_band(
    keeper: duckdb.DuckDBPyConnection,
    table: str,
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    probability: npt.NDArray[np.float64],
    levels: dict[str, npt.NDArray[np.int8]],
    band: npt.NDArray[np.intp],
) -> None:
    frame = pd.DataFrame({"l": left[band], "r": right[band], "probability": probability[band]})
    for ladder, column in zip(LADDERS, BAND_LEVELS, strict=True):
        frame[column] = levels[ladder.field][band]
    keeper.register("er_keep_band_chunk", frame)
    keeper.execute(f"INSERT INTO {table} SELECT * FROM er_keep_band_chunk")
    keeper.unregister("er_keep_band_chunk")
