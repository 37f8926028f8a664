"""Ages served, round 20b (issue #17, branch ages21).

Each case is a line of a tune document of `benchmarks/web_corpus/` or of a fresh page of
`benchmarks/ages_fresh/` (its id in the case id; the fresh gold written blind before any run), or a
made-up guard said to be one. What they pin: the first days of life as a lower bound of 0 ("od
pierwszych dni życia"); coming of age as an upper bound of 18 ("do pełnoletniości"); weeks reached
and a year not yet ("ukończyły co najmniej 20 tygodni i nie ukończyły 3 roku życia"); a half year
after "od" with no word of life ("od 1,5 roku"); "wieku 50+" without its "w"; an exception that
drops only the ranges after it, not the rule before it; and the voice of a page that takes
children by the age they have reached ("Przyjmujemy dzieci, które ukończyły …") or addresses an
offer to people by age in the singular ("Oferta … skierowana jest … do osób wieku 50+").
"""

from __future__ import annotations

import pytest

from extractors.provider_voice import gives_its_own_hours_or_ages
from transforms.eligibility import read_ages
from transforms.sentences import sentences


def _ages(text: str) -> set[tuple[float | None, float | None]]:
    return {(age.min, age.max) for age in read_ages(sentences(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dom Pomocy Społecznej dla Dzieci we Wschowie przeznaczony jest dla dzieci i "
            "młodzieży niepełnosprawnych intelektualnie, także z niepełnosprawnością sprzężoną. "
            "Przyjmujemy dzieci od pierwszych dni życia do ukończenia 24 lat.",
            {(0, 24)},
            id="k015 tune: the first days of life are a lower bound of 0",
        ),
        pytest.param(
            "Opiekujemy się dziećmi od pierwszych tygodni życia.",
            {(0, None)},
            id="made-up: the first weeks of life, no upper bound",
        ),
        pytest.param(
            "Wójt Gminy Łańcut ogłasza nabór do Gminnego Żłobka w Kraczkowej dzieci, które "
            "ukończyły co najmniej 20 tygodni i nie ukończyły 3 roku życia.",
            {(0, 3)},
            id="k006 tune: weeks reached and a year not yet",
        ),
        pytest.param(
            "Na stałe może w nim przebywać czternastu wychowanków  od 10 roku życia do "
            "pełnoletniości, a po uzyskaniu pełnoletniości, nadal za zgodą Dyrektora Centrum nie "
            "dłużej jednak niż do ukończenia 25 roku życia, (na dotychczasowych zasadach, do "
            "czasu ukończenia szkoły, w której rozpoczęły naukę przed osiągnięciem "
            "pełnoletniości).",
            {(10, 18), (None, 25)},
            id="k050 tune: coming of age is 18",
        ),
        pytest.param(
            "Świetlica Socjoterapeutyczna jest specjalistyczną placówką opiekuńczo – "
            "wychowawczą wsparcia dziennego, przeznaczoną dla 48 wychowanków w wieku od 3 do 16 "
            "lat  (w uzasadnionych przypadkach mogą być przyjmowane dzieci do 18 roku życia, "
            "kontynuujące naukę).",
            {(3, 16)},
            id="k029 tune: the rule before an exception is kept, the exception's bound is not",
        ),
        pytest.param(
            "Istnieje możliwość przyjęcia do przedszkola dziecka, które nie ukończyło 2,5 lat.",
            set(),
            id="made-up: an exception's bound alone is still no age served",
        ),
        pytest.param(
            "  • Do żłobka przyjmujemy dzieci najwcześniej od 1,5 roku, ale najchętniej i "
            "najczęściej, kiedy maluch ma około 2 lat.",
            {(1.5, None)},
            id="w012 akademiamaluchow.pl/faq: a half year after 'od' with no word of life",
        ),
        pytest.param(
            "• Oferta UO-PŚk skierowana jest przede wszystkim do osób  wieku 50+ o różnym "
            "wykształceniu.",
            {(50, None)},
            id="w008 tu.kielce.pl: 'wieku 50+' without its 'w'",
        ),
        pytest.param(
            "Czas oczekiwania na termin uzależniony jest od ilości Zgłoszeń w danym dziale (może "
            "się wahać od 2 tygodni do 4 miesięcy).",
            set(),
            id="w004 poradnialesko.pl: a waiting time is no age",
        ),
        pytest.param(
            "Dzieci 6-letnie są zwolnione z opłat za pobyt.",
            set(),
            id="w003 klubmalucha.net: a fee exemption is no age",
        ),
    ],
)
def test_ages(text: str, expected: set[tuple[float | None, float | None]]) -> None:
    assert _ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Zapisy do żłobka trwają przez cały rok. Przyjmujemy dzieci, które ukończyły "
            "pierwszy rok życia.",
            True,
            id="w009 przedszkolesloneczko.zam.pl: children taken by the age they have reached",
        ),
        pytest.param(
            "• Oferta UO-PŚk skierowana jest przede wszystkim do osób  wieku 50+ o różnym "
            "wykształceniu.",
            True,
            id="w008 tu.kielce.pl: an offer addressed, in the singular, to people by age",
        ),
        pytest.param(
            "Pomoc jest kierowana do osób starszych.",
            False,
            id="made-up: addressed to a group with no age",
        ),
        pytest.param(
            "Przyjmujemy zgłoszenia, które wpłynęły do 5 maja.",
            False,
            id="made-up: applications received by a date are no one's age",
        ),
    ],
)
def test_voice(text: str, expected: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is expected
