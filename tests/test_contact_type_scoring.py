"""The benchmark scores the issue's "phones with their kind and label" and "personal
mailboxes kept out of publication" (`benchmarks/extraction_scoring.py`): of the subject's
numbers read right, those the gold types mobile / helpline or labels; of the gold's personal
mailboxes the output gives the subject, those it flags personal.

The golds are real tune-half documents: f025 (a police command's page: "800 680 620 -
Bezpłatny Telefon Zaufania", "Telefon zaufania 94 342 93 33", "Oficer dyżurny 94 342 91 00",
"faks 94 342 95 13") and a064 (a day-care home whose only mailbox is its manager's,
jolanta.szewczyk@…); the rows are written as `wsparcie extract` prints them.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import REPO  # tests/ helper module

from benchmarks.extraction_scoring import Gold, Scores, score_document

GOLD = REPO / "benchmarks" / "web_corpus" / "gold"


def _detail(number: str, kinds: list[str], label: str) -> dict[str, Any]:
    return {"number": number, "kinds": kinds, "label": label}


@pytest.mark.parametrize(
    ("doc_id", "row", "helpline", "labels", "personal"),
    [
        pytest.param(
            "f025",
            {
                "phone_details": [
                    _detail("+48943429333", ["voice", "helpline"], "telefon zaufania"),
                    _detail("+48943429100", ["voice"], "oficer dyżurny"),
                    _detail("+48943429513", ["fax"], "faks"),
                ]
            },
            (1, 1),
            (3, 3),
            (0, 0),
            id="helpline-typed-and-labels-as-written",
        ),
        pytest.param(
            "f025",
            {
                "phone_details": [
                    _detail("+48943429333", ["voice"], ""),
                    _detail("+48943429100", ["voice"], "oficer dyżurny kmp"),
                ]
            },
            (0, 1),
            (1, 2),
            (0, 0),
            id="helpline-untyped-label-missing-longer-label-agrees",
        ),
        pytest.param(
            "a064",
            {
                "phone_details": [_detail("+48943419267", ["voice"], "")],
                "email_details": [{"address": "jolanta.szewczyk@dpskoszalin.pl", "personal": True}],
            },
            (0, 0),
            (0, 0),
            (1, 1),
            id="a-named-person-s-mailbox-flagged",
        ),
        pytest.param(
            "a064",
            {
                "phone_details": [_detail("+48943419267", ["voice"], "")],
                "email_details": [
                    {"address": "Jolanta.Szewczyk@dpskoszalin.pl", "personal": False}
                ],
            },
            (0, 0),
            (0, 0),
            (0, 1),
            id="a-named-person-s-mailbox-published",
        ),
    ],
)
def test_kinds_labels_and_personal_mailboxes(
    doc_id: str,
    row: dict[str, Any],
    helpline: tuple[int, int],
    labels: tuple[int, int],
    personal: tuple[int, int],
) -> None:
    gold = Gold.read(GOLD / f"{doc_id}.json")
    scores = Scores()
    score_document(gold, [{"role": "subject", "name": gold.subject["names"][0], **row}], scores)
    assert (scores.helpline_typed.hit, scores.helpline_typed.total) == helpline
    assert (scores.label_agreed.hit, scores.label_agreed.total) == labels
    assert (scores.personal_flagged.hit, scores.personal_flagged.total) == personal
