"""Hours and ages on round 20's fresh pages (issue #17, branch times21).

Each case is a line of a fresh page of `benchmarks/hours_fresh/` or `benchmarks/ages_fresh/`
(its id and host in the case id; gold written blind before any run), or a made-up guard said to
be one. What they pin: a bare opening hour with the closing hour's minutes flattened ("od 8 –
1800"); a year's age to the end of the school year in which a child turns another ("od 2 lat do
zakończenia roku szkolnego, w którym dziecko ukończy 3 rok życia"); the voice of a page that
gives its own hours as staff on duty at a time ("dyżurują psycholodzy") or as where and when to
come ("należy zgłosić się … w godzinach od 8 do 10"), and not as a deadline to report something.
"""

from __future__ import annotations

import pytest

from transforms.opening_hours import WEEKDAYS, read_schedules


def _hours(text: str) -> set[tuple[tuple[str, ...], str, str]]:
    return {(s.days, s.opens, s.closes) for s in read_schedules(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Opieka lekarza, pielęgniarki i położnej w  poradni POZ świadczona jest od "
            "poniedziałku do piątku w godzinach od   8 – 1800.",
            {(WEEKDAYS, "08:00", "18:00")},
            id="r013 gozrzasnia.pl/goz/oferta: the closing hour's minutes flattened",
        ),
        pytest.param(
            "Sekretariat czynny od 8 – 1530.",
            {(WEEKDAYS, "08:00", "15:30")},
            id="made-up: a half hour flattened the same way",
        ),
        pytest.param(
            "Punkt jest czynny od 5 - 1000 osób dziennie w godz. przedpołudniowych.",
            set(),
            id="made-up: a count after the dash is no flattened hour",
        ),
        pytest.param(
            "Poniedziałek: 800 - 1600 (przyjmowanie stron w godz. 1000 - 1600 )\n\n"
            "Wtorek - piątek: 700 - 1500 (przyjmowanie stron w godz. 700 - 1400 )",
            {
                (("Mo",), "08:00", "16:00"),
                (("Mo",), "10:00", "16:00"),
                (("Tu", "We", "Th", "Fr"), "07:00", "15:00"),
                (("Tu", "We", "Th", "Fr"), "07:00", "14:00"),
            },
            id="r028 archiwum.mops.nowysacz.pl: flattened throughout (read before this round too)",
        ),
    ],
)
def test_hours(text: str, expected: set[tuple[tuple[str, ...], str, str]]) -> None:
    assert _hours(text) == expected
