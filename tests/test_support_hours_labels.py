"""Opening hours whose label stands on a line of its own: "godziny i dni otwarcia:" over a
line "24H" says the place is open round the clock, as "Godziny otwarcia: 24h" on one line
does. Cases are real lines (the page in the case id); a label carries to the next line only.
"""

from __future__ import annotations

import pytest

from transforms.opening_hours import read_schedules

ALL_WEEK = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 96 saved pages, health/szpitalciechanow.medicoland.pl (gold: every day 00-24)
        pytest.param(
            "godziny i dni otwarcia:\n24H",
            {(ALL_WEEK, "00:00", "24:00")},
            id="szpitalciechanow-label-over-24h",
        ),
    ],
)
def test_a_label_of_opening_hours_over_its_value(
    text: str, expected: set[tuple[tuple[str, ...], str, str]]
) -> None:
    assert {(s.days, s.opens, s.closes) for s in read_schedules(text)} == expected
