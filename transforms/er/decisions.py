"""Coordinators' judgements about pairs of records, and how they override the model.

A `Decision` is keyed by the ordered pair of record ids. `apply_decisions` puts them over the
model's scored pairs: "same" becomes the strongest join (unless clustering finds that it
contradicts a "different"), "different" a cannot-link, and "unsure" takes the pair out of
both (it is neither joined directly nor kept apart; other records may still bring the two
together) and out of the review queue. Whatever the model said about a decided pair gives way
to the decision.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

Verdict = Literal["same", "different", "unsure"]
_VERDICTS = ("same", "different", "unsure")

# Strengths given to decided pairs: above any probability ("same" is joined first) and below
# any ("different" never joins).
SAME_STRENGTH = 2.0
DIFFERENT_STRENGTH = -1.0


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
class JudgedPairs:
    """Pairs for clustering: the model's (at or above the review threshold) with decided pairs
    taken out and appended after them as strength `SAME_STRENGTH` / `DIFFERENT_STRENGTH`.
    `cannot[i]` marks a "different"; `agree[i]` a contact compared and agreeing (a decided
    pair counts as agreeing); `decided` maps (rid, rid) to the verdict."""

    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    strength: npt.NDArray[np.float64]
    cannot: npt.NDArray[np.bool_]
    agree: npt.NDArray[np.bool_]
    decided: dict[tuple[int, int], Verdict]


def decided_pairs(
    decisions: Sequence[Decision], rid_of: Mapping[str, int]
) -> dict[tuple[int, int], Verdict]:
    """Decisions keyed by (smaller rid, larger rid); a later decision on a pair wins, and a
    decision about a record not in this run is skipped with a warning."""
    decided: dict[tuple[int, int], Verdict] = {}
    for d in decisions:
        a, b = rid_of.get(d.record_a), rid_of.get(d.record_b)
        if a is None or b is None:
            log.warning("decision %s/%s: a record is not in this run", d.record_a, d.record_b)
            continue
        decided[(min(a, b), max(a, b))] = d.verdict
    return decided


def without_decided(
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    decided: Mapping[tuple[int, int], Verdict],
    n: int,
) -> npt.NDArray[np.bool_]:
    """Mask of the pairs (left[i], right[i]) that no decision covers (`n` records)."""
    if not decided:
        return np.ones(len(left), bool)
    decided_keys = np.array([a * n + b for a, b in decided], np.int64)
    keep: npt.NDArray[np.bool_] = ~np.isin(left.astype(np.int64) * n + right, decided_keys)
    return keep


def apply_decisions(
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    probability: npt.NDArray[np.float64],
    agree: npt.NDArray[np.bool_],
    decided: Mapping[tuple[int, int], Verdict],
    n: int,
) -> JudgedPairs:
    """The model's pairs with the decisions over them (`n` records in the run)."""
    cannot = np.zeros(len(left), bool)
    if not decided:
        return JudgedPairs(left, right, probability, cannot, agree, dict(decided))
    keep = without_decided(left, right, decided, n)
    verdicts = list(decided.values())
    return JudgedPairs(
        np.concatenate([left[keep], np.array([k[0] for k in decided], np.int32)]),
        np.concatenate([right[keep], np.array([k[1] for k in decided], np.int32)]),
        np.concatenate(
            [
                probability[keep],
                np.array([SAME_STRENGTH if v == "same" else DIFFERENT_STRENGTH for v in verdicts]),
            ]
        ),
        np.concatenate([cannot[keep], np.array([v == "different" for v in verdicts])]),
        np.concatenate([agree[keep], np.ones(len(verdicts), bool)]),
        dict(decided),
    )
