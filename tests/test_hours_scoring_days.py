"""Hours given without days are "not stated" (`days: []`), and the benchmark matches such a
gold entry on its times whatever days the reader gives (`benchmarks/extraction_scoring.py`).

The gold is a real tune-half document, b040 (a preschool's notice: "czynne będzie w godzinach
6.30 – 16.30", "Przyprowadzanie dzieci odbywa się w godzinach 6.30 – 8.10, odbiór w
godzinach: 14.30 – 16.30", no day named); the rows are written as `wsparcie extract` prints
them. The rows "days as written" keep the earlier scoring, where such an entry matched only
hours read without days.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import REPO  # tests/ helper module

from benchmarks.condition_failures import count_failures
from benchmarks.extraction_scoring import Gold, Scores, score_document

GOLD = Gold.read(REPO / "benchmarks" / "web_corpus" / "gold" / "b040.json")
WEEKDAYS = ["Mo", "Tu", "We", "Th", "Fr"]


def _row(*schedules: tuple[list[str], str, str]) -> dict[str, Any]:
    return {
        "role": "subject",
        "name": "Przedszkole nr 16 w Koszalinie",
        "schedules": [{"days": d, "opens": o, "closes": c} for d, o, c in schedules],
    }


@pytest.mark.parametrize(
    ("schedules", "exact", "entries", "exact_as_written", "entries_as_written"),
    [
        pytest.param(
            [
                (WEEKDAYS, "06:30", "16:30"),
                (WEEKDAYS, "06:30", "08:10"),
                (WEEKDAYS, "14:30", "16:30"),
            ],
            1,
            (3, 0, 0),
            0,
            (0, 15, 3),
            id="the-reader-s-weekdays-for-hours-without-days",
        ),
        pytest.param(
            [([], "06:30", "16:30"), ([], "06:30", "08:10"), ([], "14:30", "16:30")],
            1,
            (3, 0, 0),
            1,
            (3, 0, 0),
            id="hours-read-without-days",
        ),
        pytest.param(
            [(WEEKDAYS, "06:30", "16:30"), (WEEKDAYS, "07:00", "15:00")],
            0,
            (1, 5, 2),
            0,
            (0, 10, 3),
            id="times-the-gold-lacks-stay-wrong",
        ),
    ],
)
def test_hours_without_days_match_on_their_times(
    schedules: list[tuple[list[str], str, str]],
    exact: int,
    entries: tuple[int, int, int],
    exact_as_written: int,
    entries_as_written: tuple[int, int, int],
) -> None:
    scores = Scores()
    score_document(GOLD, [_row(*schedules)], scores)
    assert scores.schedules_exact.hit == exact and scores.schedules_exact.total == 1
    counts = scores.schedule_entries
    assert (counts.tp, counts.fp, counts.fn) == entries
    assert scores.schedules_exact_as_written.hit == exact_as_written
    written = scores.schedule_entries_as_written
    assert (written.tp, written.fp, written.fn) == entries_as_written


def test_days_the_gold_states_are_still_compared() -> None:
    """A gold entry with days keeps them: c049's "od poniedziałku do piątku … od godz. 6.30
    do 15.00" read for Saturday too gives one extra entry."""
    gold = Gold.read(REPO / "benchmarks" / "web_corpus" / "gold" / "c049.json")
    stated = {(tuple(e["days"]), e["opens"], e["closes"]) for e in gold.raw["opening_hours"]}
    assert ((*WEEKDAYS,), "06:30", "15:00") in stated
    scores = Scores()
    rows = [_row(*[(list(d), o, c) for d, o, c in stated]), _row((["Sa"], "06:30", "15:00"))]
    score_document(gold, rows, scores)
    assert scores.schedule_entries.fp == 1 and scores.schedules_exact.hit == 0


def test_the_failure_counts_score_hours_the_same_way() -> None:
    """`--failures` counts b040 read on weekdays as exact, with nothing missed or extra."""
    counter: dict[str, int] = {}
    rows = [
        _row(
            (WEEKDAYS, "06:30", "16:30"), (WEEKDAYS, "06:30", "08:10"), (WEEKDAYS, "14:30", "16:30")
        )
    ]
    count_failures(GOLD.raw, rows, counter)
    hours = {key: n for key, n in counter.items() if key.startswith("hours")}
    assert hours == {"hours pages: exact": 1}
