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

from extractors.provider_voice import gives_its_own_hours_or_ages
from transforms.eligibility import read_ages
from transforms.opening_hours import WEEKDAYS, read_schedules
from transforms.sentences import sentences


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
    ],
)
def test_hours(text: str, expected: set[tuple[tuple[str, ...], str, str]]) -> None:
    assert _hours(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "  • Starszaki - dzieci w wieku od 2 lat do zakończenia roku szkolnego, w którym "
            "dziecko ukończy 3 rok życia lub w przypadku gdy niemożliwe lub utrudnione jest "
            "objęcie dziecka wychowaniem przedszkolnym – 4 roku życia.",
            {(2, 3)},
            id="y005 zlobek10.pl/index.php/grupy: the school year's end as the upper bound",
        ),
        pytest.param(
            "Przyjmujemy dzieci od 1 roku życia do końca roku szkolnego w którym dziecko "
            "ukończy 3 lata.",
            {(1, 3)},
            id="made-up: 'do końca roku szkolnego' and 'roku życia' at the start",
        ),
        pytest.param(
            "  • Maluszki - dzieci w wieku od 20 tygodnia życia do 2 lat,",
            {(0, 2)},
            id="y005 zlobek10.pl: the younger group, weeks as the first year",
        ),
    ],
)
def test_ages(text: str, expected: set[tuple[float | None, float | None]]) -> None:
    assert {(age.min, age.max) for age in read_ages(sentences(text))} == expected


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        pytest.param(
            "informujemy, że we wszystkich Oddziałach codziennie w godz. 7.00-15.00 dyżurują "
            "psycholodzy i pedagodzy, którzy udzielają informacji o dalszej procedurze",
            True,
            id="r027 k-poa.torun.pl/2020/04/09/komunikat: staff on duty at a time",
        ),
        pytest.param(
            "W celu uzyskania porady należy zgłosić się do pracownika socjalnego obsługującego "
            "rejon właściwy ze względu na miejsce zamieszkania zainteresowanego od poniedziałku "
            "do piątku w godzinach od 8 do 10, a w sprawach pilnych od poniedziałku do piątku w "
            "godzinach od 7.30 do 15.30.",
            True,
            id="r009 mopr.slupsk.pl/6-praca-socjalna: where and when to come",
        ),
        pytest.param(
            "Nieobecności należy zgłaszać do godziny 8.00",
            False,
            id="n018 (hours_fresh): a deadline to report an absence",
        ),
        pytest.param(
            "Odpisy poniedziałkowe należy zgłosić najpóźniej w piątek do godziny 9:00.",
            False,
            id="n019 (hours_fresh): a deadline, not coming in person",
        ),
        pytest.param(
            "Radni dyżurowali w biurze rady w poniedziałki od 16 do 17.",
            False,
            id="made-up: duties reported in the past",
        ),
    ],
)
def test_voice(text: str, speaks: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is speaks
