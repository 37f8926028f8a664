"""Opening hours whose label stands on a line of its own: "godziny i dni otwarcia:" over a
line "24H" says the place is open round the clock, as "Godziny otwarcia: 24h" on one line
does. Cases are real lines (the page in the case id); a label carries to the next line only.
"""

from __future__ import annotations

import pytest
from helpers import SHARED_DATA, make_document  # tests/ helper module

from extractors.page_text import page_text
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


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        # the 96 saved pages: the label and "24H" are a <dt>/<dd> pair of the page's contact
        # block, after a line with an address ("…/Patients/prices.php") the label is joined to
        pytest.param(
            "health/szpitalciechanow.medicoland.pl.html",
            {(ALL_WEEK, "00:00", "24:00")},
            id="szpitalciechanow-contact-block",
        ),
    ],
)
def test_a_bare_round_the_clock_value_under_its_label_is_kept_from_a_contact_block(
    fixture: str, expected: set[tuple[tuple[str, ...], str, str]]
) -> None:
    host = fixture.split("/")[-1].removesuffix(".html")
    document = make_document(
        f"https://{host}/", (SHARED_DATA / "html_fixtures" / fixture).read_bytes()
    )
    schedules = read_schedules(page_text(document))
    assert {(s.days, s.opens, s.closes) for s in schedules} == expected
