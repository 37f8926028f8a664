"""The extraction benchmark's mention breakdown (`benchmarks/mention_breakdown.py`): each
missed or extra mention gets the kind of error its document shows, counted per set without
naming a document."""

from __future__ import annotations

from typing import Any

import pytest

# the benchmarks are scripts, not an installed package: helpers.py puts the repository on the path
from benchmarks.extraction_scoring import Gold, Scores
from benchmarks.mention_breakdown import MENTION_ERROR_KINDS, score_mention_breakdown

TEXT = (
    "Uczniowie Szkoły Podstawowej nr 1 w Elblągu odwiedzili Sąd Rejonowy. "
    "Projekt wsparło Ministerstwo Zdrowia, a PCPR przekazało dary."
)


def _gold(*mentions: dict[str, Any]) -> Gold:
    return Gold(
        doc_id="x001",
        url="https://example.invalid/",
        kind="article",
        subject=None,
        mentions=tuple(mentions),
        services=(),
        raw={},
    )


def _mention(name: str, *acronyms: str) -> dict[str, Any]:
    return {"names": [name], "acronym_forms": list(acronyms), "type": "other"}


CASES = [
    pytest.param(
        _mention("Szkoła Podstawowa nr 1 w Elblągu"),
        [{"role": "mention", "name": "Szkoła Podstawowa nr 1"}],
        {MENTION_ERROR_KINDS[2], MENTION_ERROR_KINDS[3], MENTION_ERROR_KINDS[13]},
        id="a name read without its place: a near miss and its extra",
    ),
    pytest.param(
        _mention("Ministerstwo Zdrowia"),
        [{"role": "mention", "name": "Sąd Rejonowy"}],
        {MENTION_ERROR_KINDS[8], MENTION_ERROR_KINDS[9], MENTION_ERROR_KINDS[15]},
        id="written and found by the reader, left out; an extra the gold does not list",
    ),
    pytest.param(
        _mention("Powiatowe Centrum Pomocy Rodzinie w Elblągu", "PCPR"),
        [{"role": "mention", "name": "Sąd Rejonowy"}],
        {MENTION_ERROR_KINDS[11], MENTION_ERROR_KINDS[15]},
        id="only its acronym in the text",
    ),
    pytest.param(
        _mention("Ministerstwo Zdrowia"),
        [],
        {MENTION_ERROR_KINDS[0]},
        id="no mention row at all",
    ),
]


@pytest.mark.parametrize(("mention", "rows", "kinds"), CASES)
def test_each_error_gets_its_kind(
    mention: dict[str, Any], rows: list[dict[str, Any]], kinds: set[str]
) -> None:
    scores = Scores()
    score_mention_breakdown(_gold(mention), rows, TEXT, "news", scores)
    typed = {kind for kind in scores.mention_errors if "type:" in kind}
    assert set(scores.mention_errors) - typed == kinds
