"""The per-institution score of stated forms of support (`benchmarks/extraction_scoring.py`),
beside the pooled one: a form of support counts where the gold says who provides it.

The gold is a real tune-half document, a097 (a MOPS page whose gold gives material aid to the
subject and activities for seniors to the "Klub Senior+ w Lubsku" it names); the rows are
written as `wsparcie extract` prints them.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from helpers import REPO  # tests/ helper module

# appended, not first: benchmarks/api.py must not hide the api/ package from other modules
sys.path.append(str(REPO / "benchmarks"))

from extraction_scoring import Gold, Scores, score_document  # noqa: E402

GOLD = Gold.read(REPO / "benchmarks" / "web_corpus" / "gold" / "a097.json")
OWNER = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Lubsku"
CLUB = "Klub Senior+ w Lubsku"


def _row(role: str, name: str | None, *codes: str) -> dict[str, Any]:
    return {"role": role, "name": name, "services_stated": [{"code": c} for c in codes]}


@pytest.mark.parametrize(
    ("rows", "pooled", "per_institution"),
    [
        pytest.param(
            [_row("subject", OWNER, "material_aid"), _row("mention", CLUB, "senior_activities")],
            (2, 0, 0),
            (2, 0, 0),
            id="each-code-on-its-provider",
        ),
        pytest.param(
            [_row("subject", OWNER, "material_aid", "senior_activities")],
            (2, 0, 0),
            (1, 1, 1),
            id="the-clubs-activities-given-to-the-subject",
        ),
        pytest.param(
            [
                _row("page", None, "material_aid"),
                _row("mention", "Klub Seniora", "senior_activities"),
            ],
            (2, 0, 0),
            (1, 1, 1),
            id="a-page-row-speaks-for-the-subject-an-unknown-name-for-nobody",
        ),
    ],
)
def test_per_institution(
    rows: list[dict[str, Any]], pooled: tuple[int, int, int], per_institution: tuple[int, int, int]
) -> None:
    scores = Scores()
    score_document(GOLD, rows, scores)
    assert (scores.services.tp, scores.services.fp, scores.services.fn) == pooled
    got = scores.services_per_provider
    assert (got.tp, got.fp, got.fn) == per_institution
