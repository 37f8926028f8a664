"""Pages that give only their own unit's ages (issue #17, branch voice17).

ages17 found fresh pages (`benchmarks/ages_fresh/`, the URL in the case id; their gold was
written blind before any run) whose ages the reader reads right but which gave no row: no
institution named, and no voice of the unit (`extractors.provider_voice`) spoke for them. The
voice below lets them give their ages alone (hours and ages only, no other body's offers).
"""

from __future__ import annotations

import pytest

from extractors.provider_voice import gives_its_own_hours_or_ages, offers_as_a_provider


@pytest.mark.parametrize(
    ("text", "gives_ages"),
    [
        pytest.param(
            "Zapraszamy maluszki w wieku od 3-5 lat, w godz. 10-17 od poniedziałku do piątku.",
            True,
            id="bazanakrakowskiej.pl/index.php/mamo-tato-jedz-i-zalatwiaj",
        ),
        pytest.param(
            "Obecnie adresatami działań jest grupa ok. 60 dzieci i młodzieży w wieku od 4 do 18 "
            "lat.",
            True,
            id="swietlica-caritas.radom.pl/wychowankowie",
        ),
        pytest.param(
            "W Niutku I, III, V działają trzy grupy wiekowe:\n\n- Maluszki - od 5 miesiąca do "
            "około 17-18 miesiąca\n\n- Średniaczki - od 17-18 miesiąca do około 24 miesiąca",
            True,
            id="zlobki.poznan.pl/grupy-wiekowe",
        ),
        pytest.param(
            "W naszym żłobku istnieją dwie grupy wiekowe – niemowlęta od 6. do 18. miesiąca "
            "życia oraz dzieci starsze, do 3 lat.",
            True,
            id="prywatnyzlobekwarszawa.pl/blog/jakie-grupy-wiekowe-wyrozniamy-w-zlobku",
        ),
        pytest.param(
            "Dziś przy Lachmana 10 funkcjonują 4 grupy dzieci:\n- Grupa I – dzieci najmłodsze – "
            "od 20 tygodnia życia do 1. roku,",
            True,
            id="portalplock.pl/wiadomosci/piknik-w-miejskim-zlobku-z-okazji-dnia-mamy-i-taty",
        ),
        # made-up guards: groups in the past, groups in general with no age, work for a program
        # in a report; an event's addressees (slaskipegaz.bs.katowice.pl, in test_ages_fresh)
        pytest.param(
            "W latach 90. działały trzy grupy wiekowe: od 1 do 2 lat i od 2 do 3 lat.",
            False,
            id="age groups in the past",
        ),
        pytest.param(
            "Dzieci podzielone są na dwie lub trzy grupy wiekowe. Podział ze względu na wiek jest "
            "umowny.",
            False,
            id="age groups with no age",
        ),
        pytest.param(
            "Zapraszamy rodziców na zebranie w wieku szkolnym dzieci.",
            False,
            id="parents invited, no people of an age",
        ),
        pytest.param(
            "Adresatami programu były dzieci w wieku 6-10 lat.",
            False,
            id="a program's addressees in the past",
        ),
    ],
)
def test_a_page_gives_its_own_ages(text: str, gives_ages: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is gives_ages


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Zapraszamy maluszki w wieku od 3-5 lat, w godz. 10-17 od poniedziałku do piątku.",
            id="bazanakrakowskiej.pl/index.php/mamo-tato-jedz-i-zalatwiaj",
        ),
        pytest.param(
            "W Niutku I, III, V działają trzy grupy wiekowe:\n\n- Maluszki - od 5 miesiąca do "
            "około 17-18 miesiąca",
            id="zlobki.poznan.pl/grupy-wiekowe",
        ),
    ],
)
def test_own_ages_are_no_offer(text: str) -> None:
    """The split hours14 made: such a page gives its ages, not the offers of bodies it names."""
    assert not offers_as_a_provider(text)
