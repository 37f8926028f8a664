"""The weights of the page owner's signals and the bars a best name must reach
(`owner_choose.choose_owner`): set by hand, and fitted (`benchmarks/owner_choice.py`); and
what they weigh, each candidate with its evidence (`OwnerChoice`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class OwnerWeights:
    """What each signal weighs and what a best name must reach: `min_score` in general,
    `min_score_host` when the site's address backs it, `min_score_article` on a page that
    reads as news, `min_score_sole` for the one body of its own plain site; `min_lead` over
    the runner-up."""

    weights: Mapping[str, int]
    min_score: int
    min_score_host: int
    min_score_article: int
    min_score_sole: int
    min_lead: int


# Set by hand, one tune page at a time (rounds 1–11 of issue #12).
HAND_SET = OwnerWeights(
    weights={
        "declared": 5,
        "title": 4,
        "title mention": 1,
        "heading": 3,
        "contact": 3,
        "located": 2,
        "speaker": 3,
        "agent": 2,
        "host": 3,
        "host (weak)": 1,
        "mail domain": 3,
        "repeated": 1,
        "repeated often": 2,
        "first": 1,
        "own voice": 1,
        "signed": 3,
        "referred to": 2,
        "ours": 3,
        "other host": -3,
        "generic": -3,
        "unit": -5,
        "organ": -3,
    },
    min_score=4,
    min_score_host=3,
    min_score_article=7,
    min_score_sole=2,
    min_lead=2,
)
# Fitted (`benchmarks/owner_choice.py fit`, 2026-12-06) on the tune half of the web corpus and
# the 96 saved pages: a coordinate search over integer values from the hand-set ones, a step
# taken only when it puts two more documents right (no weight rests on one page). Of the
# hand-set values only `speaker` moved (3 -> 1). Cross-validated on the tune half by host (5
# folds): 200 -> 201 of 226 documents right; the 96 pages 71 of 71, unchanged; the test half
# 171 -> 170 of 224 (one subject fewer found). The test half fell, so the hand-set weights
# stay in use; these are kept for the record and for `benchmarks/owner_choice.py`.
FITTED = replace(HAND_SET, weights={**HAND_SET.weights, "speaker": 1})


@dataclass(frozen=True, slots=True)
class OwnerCandidate:
    """One name the page gives, with the evidence read for it (no weights yet)."""

    name: str  # the fullest of its names (`_best_name`)
    evidence: frozenset[str]
    lines: tuple[int, ...]
    spells_kind: bool  # the site's address spells what kind of body it is

    def score(self, weights: OwnerWeights) -> int:
        return sum(weights.weights.get(item, 0) for item in self.evidence)


@dataclass(frozen=True, slots=True)
class OwnerChoice:
    """Every name a page gives and what is known of the page: what `choose_owner` weighs."""

    url: str
    candidates: tuple[OwnerCandidate, ...]  # in the order the page gives them
    news_like: bool
