"""The short day names "ndz." (niedziela) and "sb." (sobota) do not end a sentence.

times20b (RESULTS "Hours and ages, round 19b") found that the sentence splitter cut after "ndz."
when a time followed, so "pn.-pt. 8-16, ndz. 9-13" lost Sunday and "sob.-ndz. 9-13" read
nothing. No saved or fresh page of the project writes these forms yet, so the cases are made-up
guards in the form Polish offices write their hours, said to be so; the splitter is shared by
every reader of statements, so the cases also check that a real sentence end still splits.
"""

from __future__ import annotations

import pytest

from transforms.opening_hours import WEEKDAYS, read_schedules
from transforms.sentences import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "pn.-pt. 8-16, ndz. 9-13",
            {(WEEKDAYS, "08:00", "16:00"), (("Su",), "09:00", "13:00")},
            id="made up: Sunday after the weekdays",
        ),
        pytest.param(
            "sob.-ndz. 9-13",
            {(("Sa", "Su"), "09:00", "13:00")},
            id="made up: the weekend alone",
        ),
        pytest.param(
            "pn.-pt. 8-16, sob.–ndz. 9:00-13:00",
            {(WEEKDAYS, "08:00", "16:00"), (("Sa", "Su"), "09:00", "13:00")},
            id="made up: the weekend's own hours, not the weekdays'",
        ),
    ],
)
def test_hours_after_a_short_sunday(
    text: str, expected: set[tuple[tuple[str, ...], str, str]]
) -> None:
    assert {(s.days, s.opens, s.closes) for s in read_schedules(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Poradnia czynna: pn.-pt. 8-16, ndz. 9-13.",
            ["Poradnia czynna: pn.-pt. 8-16, ndz. 9-13."],
            id="made up: one sentence",
        ),
        pytest.param(
            "Dyżur w sb. 10-12 w świetlicy. Zapraszamy.",
            ["Dyżur w sb. 10-12 w świetlicy.", "Zapraszamy."],
            id="made up: the sentence still ends after the time",
        ),
    ],
)
def test_short_day_names_do_not_end_a_sentence(text: str, expected: list[str]) -> None:
    assert list(sentences(text)) == expected
