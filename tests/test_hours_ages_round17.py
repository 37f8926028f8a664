"""Hours and ages on round 17's fresh pages (issue #17, branch times18).

Each case is a line of a fresh page of `benchmarks/hours_fresh/` or `benchmarks/ages_fresh/`
(the URL in the case id; gold written blind before any run), or a tune document (its id), or a
made-up guard said to be one. What they pin: a place open overnight "codziennie" is open every
day of the week; "codziennie, również w soboty i niedziele" too; a price list by hours of stay
gives no hours; admissions round the clock are hours, a home's round-the-clock care is not (as
the corpus gold reads tune a011 and e007); an exception's age bound is no age range served; the
voice of a shelter, a branch library, a club and a pedagogue's flattened times.
"""

from __future__ import annotations

import pytest

from extractors.provider_voice import gives_its_own_hours_or_ages
from transforms.eligibility import read_ages
from transforms.opening_hours import DAYS, WEEKDAYS, read_schedules
from transforms.sentences import sentences


def _hours(text: str) -> set[tuple[tuple[str, ...], str, str]]:
    return {(s.days, s.opens, s.closes) for s in read_schedules(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ogrzewalnia czynna jest codziennie w godz. od 18:00 do 8:00. W okresie silnych "
            "mrozów czas jej pracy może ulec wydłużeniu.",
            {(DAYS, "18:00", "08:00")},
            id="dev.nowiny.pl/wiadomosci/186125",
        ),
        pytest.param(
            "Punkt czynny jest codziennie, również w soboty i niedziele, w godz. 8-20.",
            {(DAYS, "08:00", "20:00")},
            id="made-up: codziennie with the weekend said",
        ),
        pytest.param(
            "Nasza Poradnia jest czynna codziennie w godzinach 8:00-18:00",
            {(WEEKDAYS, "08:00", "18:00")},
            id="tune b002: an office's codziennie stays Mo-Fr",
        ),
        pytest.param(
            "• czesne od godz 6:30 do 14:00- 175,00zł\n  • czesne od godz 6:30 do 17:00- 255,00zł",
            set(),
            id="opiekunczemisie.pl/cennik",
        ),
        pytest.param(
            "Przyjmowanie dzieci do Placówki odbywa się przez całą dobę.",
            {(DAYS, "00:00", "24:00")},
            id="bip.ppow.powiatrybnicki.pl/informacje-ogolne: admissions",
        ),
        pytest.param(
            "Placówka zapewnia dziecku całodobową ciągłą opiekę i wychowanie oraz zapewnia dostęp "
            "do edukacji.",
            set(),
            id="bip.ppow.powiatrybnicki.pl/informacje-ogolne: care",
        ),
        pytest.param(
            "Celem placówki jest zapewnienie całodobowej opieki i wychowania dzieciom pozbawionym "
            "opieki rodziców.",
            set(),
            id="maluch.wloclawek.pl/maluch",
        ),
        pytest.param(
            "Placówka dostępna jest całodobowo (w godz. nocnych, soboty, niedziele i święta pod "
            "interwencyjnym numerem telefonu 29 742 48 43) dla wszystkich osób.",
            {(DAYS, "00:00", "24:00")},
            id="tune i047: an aside after całodobowo",
        ),
    ],
)
def test_hours(text: str, expected: set[tuple[tuple[str, ...], str, str]]) -> None:
    assert _hours(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Do naszego przedszkola zapraszamy dzieci w wieku od 2,5 do 6 lat. Istnieje "
            "możliwość przyjęcia do przedszkola dziecka, które nie ukończyło 2,5 lat – w tym "
            "przypadku najlepiej skontaktować się z dyrektorem przedszkola.",
            {(2.5, 6)},
            id="kubusiowakraina.pl/dla-rodzica/zapisy",
        ),
        pytest.param(
            "W wyjątkowych sytuacjach dzieciaki, które ukończyły 3 lata, mogą zostać w żłobku",
            set(),
            id="ages_fresh a006 (dziennik.pl/tagi/klubki-malucha): an exception",
        ),
        pytest.param(
            "Uczestnikami Warsztatu są osoby niepełnosprawne, które ukończyły 18 lat, mają "
            "orzeczony znaczny lub umiarkowany stopień niepełnosprawności.",
            {(18, None)},
            id="wtzbiala.caritas.pl/index.php/o-warsztacie",
        ),
        # made-up: plurals whose stem alternates (no real line found on the tune half or the
        # fresh sets; their singulars were people words already)
        pytest.param("Pacjenci powyżej 18 lat.", {(18, None)}, id="made-up: pacjenci"),
        pytest.param("Uczestnicy od 16 lat.", {(16, None)}, id="made-up: uczestnicy"),
    ],
)
def test_ages(text: str, expected: set[tuple[float | None, float | None]]) -> None:
    assert {(a.min, a.max) for a in read_ages(sentences(text))} == expected


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        pytest.param(
            "Ogrzewalnia czynna jest codziennie w godz. od 18:00 do 8:00.",
            True,
            id="dev.nowiny.pl/wiadomosci/186125",
        ),
        pytest.param(
            "Filia nr 3 będzie czynna:\n\n  • w poniedziałki od godziny 12:00 do 15:00,",
            True,
            id="wczestochowie.pl/w-wakacje-biblioteka-publiczna",
        ),
        pytest.param(
            "Klub ma działać od poniedziałku do piątku w godz. 16-20.",
            True,
            id="jaworzno.naszemiasto.pl/jaworzno-drugi-klub-seniora",
        ),
        pytest.param(
            "Zajęcia odbywają się w wymiarze  4 godz. tygodniowo wg harmonogramu:\n\nwtorek\n\n"
            "930 - 1230",
            True,
            id="spzalesie.pl/pedagog/pedagog.htm",
        ),
        # made-up guards: years are no flattened times; a shelter in the past
        pytest.param(
            "Zajęcia odbywają się w latach 2020 - 2021 w ramach projektu.",
            False,
            id="made-up: years",
        ),
        pytest.param(
            "Noclegownia była czynna od 18:00 do 8:00 do końca marca.",
            False,
            id="made-up: in the past",
        ),
    ],
)
def test_voice(text: str, speaks: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is speaks
