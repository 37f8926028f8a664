"""Ages said in months at both ends of a range (issue #17, round of ages, ages17).

Cases are real lines of fresh pages outside the web corpus (`benchmarks/ages_fresh/` a043–a045,
the URL in the case id; what each states was written down before anything was run on it). A
range in months is an age after "w wieku", after a group's age, to an ordinal month ("do 24
miesiąca") or with "życia"; "od 3 do 6 miesięcy" alone says how long, and is no age.
"""

from __future__ import annotations

import pytest

from transforms.eligibility import read_ages
from transforms.sentences import sentences

Ages = list[tuple[float | None, float | None]]


@pytest.mark.parametrize(
    ("line", "ages"),
    [
        # both ends in months of life: not 6–18 years
        pytest.param(
            "W naszym żłobku istnieją dwie grupy wiekowe – niemowlęta od 6. do 18. miesiąca"
            " życia oraz dzieci starsze, do 3 lat.",
            [(0, 1.5), (None, 3)],
            id="prywatnyzlobekwarszawa.pl/blog/jakie-grupy-wiekowe-wyrozniamy-w-zlobku",
        ),
        # a nursery's groups named by age, months to an ordinal month, an approximate month
        pytest.param(
            "- Maluszki - od 5 miesiąca do około 17-18 miesiąca",
            [(0, 1.5)],
            id="zlobki.poznan.pl/grupy-wiekowe: maluszki",
        ),
        pytest.param(
            "- Średniaczki - od 17-18 miesiąca do około 24 miesiąca",
            [(1.5, 2)],
            id="zlobki.poznan.pl/grupy-wiekowe: sredniaczki",
        ),
        pytest.param(
            "- Starszaki - od 24 miesiąca do 3 lat",
            [(2, 3)],
            id="zlobki.poznan.pl/grupy-wiekowe: starszaki",
        ),
        # a month past a year and a half starts in that half year
        pytest.param(
            "- Starszaki - od 19 miesiąca do 3 lat.",
            [(1.5, 3)],
            id="zlobki.poznan.pl/grupy-wiekowe: starszaki od 19 miesiaca",
        ),
        # a group's age in weeks and months, "+ jeden dzień" past the lower end
        pytest.param(
            " • grupa wiekowa I – 20 tygodni do 12 miesięcy",
            [(0, 1)],
            id="wroclaw.pl/rekrutacja-do-zlobkow-we-wroclawiu-nowe-zasady-2018: I",
        ),
        pytest.param(
            " • grupa wiekowa II – 12 miesięcy + jeden dzień do 24 miesięcy",
            [(1, 2)],
            id="wroclaw.pl/rekrutacja-do-zlobkow-we-wroclawiu-nowe-zasady-2018: II",
        ),
        pytest.param(
            " • grupa wiekowa III – 24 miesiące + jeden dzień do 32 miesięcy",
            [(2, 2.67)],
            id="wroclaw.pl/rekrutacja-do-zlobkow-we-wroclawiu-nowe-zasady-2018: III",
        ),
        # a guard, not a page's line: months with no age word and no ordinal say how long
        pytest.param(
            "Dzieci przebywają w grupie od 6 do 18 miesięcy.",
            [],
            id="guard, made up: how long, od 6 do 18 miesiecy",
        ),
    ],
)
def test_ages_in_months(line: str, ages: Ages) -> None:
    assert [(a.min, a.max) for a in read_ages(sentences(line))] == ages
