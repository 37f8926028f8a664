"""Hours on round 19b's fresh page (issue #17, branch times20b).

Zeros of the minutes typed as the letter o after the hour's dot or colon ("od 9.oo do 18.oo"),
the dotted form of the minutes written as signs ("10ºº", which folds to "10oo"). Cases are lines
of `benchmarks/hours_fresh/documents/w001.txt` (its URL in the case id; gold written blind before
any run) and the whole page, or made-up guards said to be so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.clock_repair import repair_minutes
from transforms.opening_hours import WEEKDAYS, read_schedules

_W001 = (
    Path(__file__).resolve().parents[1] / "benchmarks" / "hours_fresh" / "documents" / "w001.txt"
)
_URL = "wok.walbrzych.pl/web/dzienne-punkty-wsparcia-takze-w-wok"


def _hours(text: str) -> set[tuple[tuple[str, ...], str, str]]:
    return {(s.days, s.opens, s.closes) for s in read_schedules(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Tu oferujemy pomoc od poniedziałku do piątku w godzinach od 9.oo do 18.oo.",
            {(WEEKDAYS, "09:00", "18:00")},
            id=f"{_URL}: days before the times",
        ),
        pytest.param(
            "Drugi punkt to Wałbrzyski Ośrodek Kultury na Piaskowej Górze, czynny w godzinach od "
            "10.oo do 18.oo od poniedziałku do piątku.",
            {(WEEKDAYS, "10:00", "18:00")},
            id=f"{_URL}: days after the times",
        ),
        pytest.param(
            "Sekretariat czynny pn-pt 8:oo-16:oo",
            {(WEEKDAYS, "08:00", "16:00")},
            id="made-up: after a colon too",
        ),
        pytest.param(
            "Sekretariat czynny pn-pt 8ºº-16ºº",
            {(WEEKDAYS, "08:00", "16:00")},
            id="made-up: signs with no dot still read (the form before this round)",
        ),
        pytest.param(
            "Czynne od poniedziałku do piątku w godz. 8.ooo-16.ooo",
            set(),
            id="made-up: three letters are no minutes",
        ),
    ],
)
def test_minutes_typed_as_letter_o(
    text: str, expected: set[tuple[tuple[str, ...], str, str]]
) -> None:
    assert _hours(text) == expected


def test_the_whole_fresh_page_w001() -> None:
    """Both points' hours, and no round-the-clock hours from "nie mogą przez całą dobę
    ogrzewać swoich mieszkań" (heating, not opening hours)."""
    text = _W001.read_text(encoding="utf-8")
    assert _hours(text) == {(WEEKDAYS, "09:00", "18:00"), (WEEKDAYS, "10:00", "18:00")}


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("od 9.oo do 18.oo", "od 9:00 do 18:00"),
        ("w godz. 10:oo", "w godz. 10:00"),
        # a decimal's dot after a number that is no hour stays: "25.oo" is no time of the day
        ("kod 25.oo", "kod 25.oo"),
    ],
)
def test_repair_of_letter_o_minutes(folded: str, expected: str) -> None:
    assert repair_minutes(folded, lambda _text: False) == expected
