"""Hours and ages on round 18's fresh pages (issue #17, branch times19).

Each case is a line of a fresh page of `benchmarks/hours_fresh/` or `benchmarks/ages_fresh/`
(the URL in the case id; gold written blind before any run), or a made-up guard said to be
one. What they pin: times that are not opening hours — an interruption of a supply and the
sentences after it, an event dated with no year, a list of events under its heading, hours
away ("praca w terenie") —; a range with one end's minutes flattened ("7.00 – 1000"); a day
glued to its hours ("Wtorek13.00 – 17.00"); ages "w wieku lat 70 i więcej" and "dzieci 5,
6-letnie", "od kilku miesięcy do 30 lat", "młodzież 13+"; "każdego dnia" as "codziennie"; round
the clock denied or of alarm numbers; a price said with a range; the voice of a school nurse's
room and of a ward that takes patients by age.
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
            "8 lutego (środa)\n- Z powodu prac na sieci wodociągowej od godz. 08:00 do godz. "
            "14:00 nastąpi przerwa w dostawie wody przy ulicy Braniborskiej nr 58-68.",
            set(),
            id="miejscawewroclawiu.pl/przerwy-w-dostawie-wody",
        ),
        pytest.param(
            "Tym samym, w dniu 26 lutego, od godziny 8:00 do 12:00, mieszkańcy budynków przy "
            "ulicy Gwiaździstej zostaną pozbawieni dostępu do wody.",
            set(),
            id="gorzowinfo.pl/kolejne-przerwy-w-dostawie-wody",
        ),
        pytest.param(
            "We wtorek wyłączenia czekają mieszkańców Mokotowa na ul. Inowrocławskiej od godz. "
            "8:00 do 14:00. Od 8:00 do 16:00 na ul. Rolnej, a na ul. Oskara Kolberga od 10:00 do "
            "13:00.\n\nW Wilanowie na ul. Bruzdowej woda nie popłynie między godz. 8:00 a 16:00.",
            set(),
            id="rdc.pl/aktualnosci/warszawa/woda-przerwa-w-dostawie: the sentence after too",
        ),
        pytest.param(
            "Przedszkole jest czynne od poniedziałku do piątku, z wyłączeniem dni ustawowo wolnych "
            "od pracy, w godzinach 6.30 - 17.00.",
            {(WEEKDAYS, "06:30", "17:00")},
            id="made-up: 'z wyłączeniem' (excluding) is no interruption",
        ),
        pytest.param(
            "Planowane wyłączenia prądu.\nPoniedziałek 8-16\nWtorek 8-16",
            {(("Mo",), "08:00", "16:00"), (("Tu",), "08:00", "16:00")},
            id="made-up: a line naming a day ends the interruption's sentences",
        ),
        pytest.param(
            "Przerwa w dostawie wody potrwa do południa. Biblioteka jest czynna od poniedziałku "
            "do piątku w godz. 8-16.",
            {(WEEKDAYS, "08:00", "16:00")},
            id="made-up: a place said open after an interruption keeps its hours",
        ),
        pytest.param(
            "Warsztaty plastyczne z kołem „Pastele” odbywają się 3.02 i 10.02 w godzinach "
            "11:00–13:00. Warsztaty malowania światłem zaplanowano na 4.02 w godzinach "
            "11:00–12:30.",
            set(),
            id="wrzuc.info/?p=112411",
        ),
        pytest.param(
            "Dni Otwarte odbędą się:\n\nSP 1- 12 lutego w godzinach 14.00-16.00\n\nSP5- 5 lutego "
            "w godz. 15.00- 17.00",
            set(),
            id="zyciepabianic.pl/dni-otwarte-w-pabianickich-podstawowkach",
        ),
        pytest.param(
            "Świetlica czynna jest w godz. 12.10 - 16.00.",
            {(WEEKDAYS, "12:10", "16:00")},
            id="made-up: 12.10 opening a range is a time, not a date",
        ),
        pytest.param(
            "Godziny pracy pracowników socjalnych:\nponiedziałek 8.00 - 10.00, 14.00 - 16.00 "
            "praca w Ośrodku\nod wtorku do piątku 7.00 – 1000, 14.00 - 15.00 praca w Ośrodku\n"
            "od 10.00 - 14.00 praca w terenie",
            {
                (("Mo",), "08:00", "10:00"),
                (("Mo",), "14:00", "16:00"),
                (("Tu", "We", "Th", "Fr"), "07:00", "10:00"),
                (("Tu", "We", "Th", "Fr"), "14:00", "15:00"),
            },
            id="podajdalej.mops-kkozle.pl/123-dzial-pomocy-srodowiskowej",
        ),
        pytest.param(
            "Gabinet stomatologiczny SP16 (tel. 506 772 024)\nPoniedziałek8.00 – 13.00\n"
            "Wtorek13.00 – 17.00",
            {(("Mo",), "08:00", "13:00"), (("Tu",), "13:00", "17:00")},
            id="sp17pabianice.edu.pl/opieka-medyczna",
        ),
        pytest.param(
            "każdego dnia również w soboty i niedziele w godzinach od 7.30 – 19.00",
            {(("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "07:30", "19:00")},
            id="tune j032: każdego dnia, the weekend said",
        ),
        pytest.param(
            "Pamiętajmy, że dzielnicowi nie pełnią służby całodobowo.",
            set(),
            id="tune j010: round the clock denied",
        ),
        pytest.param(
            " - Telefony Alarmowe, czynne całą dobę",
            set(),
            id="tune f025: alarm numbers",
        ),
        pytest.param(
            "Happy hours od 8.00 do 14.00 – cena 1 lekcji 110 zł",
            set(),
            id="tune g036: a price said with the range",
        ),
        pytest.param(
            "Ośrodek czynny jest całodobowo.",
            {(("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "00:00", "24:00")},
            id="made-up: round the clock not denied",
        ),
    ],
)
def test_hours(text: str, expected: set[tuple[tuple[str, ...], str, str]]) -> None:
    assert _hours(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Strategicznym celem programu jest zapewnienie usługi wsparcia seniorów w wieku lat "
            "70 i więcej, którzy zdecydują się na pozostanie w domu.",
            {(70, None)},
            id="gops.ugtarnow.pro-linuxpl.com/solidarnosciowy-korpus-wsparcia-seniorow",
        ),
        pytest.param(
            "dla osób w wieku 75 lat i więcej.",
            {(75, None)},
            id="cus.gminaswidwin.pl/opieka-75",
        ),
        pytest.param(
            "Grupa IV „Pszczółki” to dzieci 5, 6-letnie, mają zapewnioną możliwość wspólnej zabawy.",
            {(5, 6)},
            id="p59.edu.gdansk.pl/grupa-iv-pszczolki",
        ),
        pytest.param(
            "Opieką objęte są dzieci w wieku od kilku miesięcy do 30 lat z takimi schorzeniami "
            "jak zespół Downa.",
            {(0, 30)},
            id="tune i015: od kilku miesięcy",
        ),
        pytest.param(
            "Warsztaty dla młodzieży 13+ w każdą środę.",
            {(13, None)},
            id="made-up: a child word and a plus",
        ),
        pytest.param(
            "Zgodnie z założeniami statutowymi pierwszeństwo w przyjęciu mają dzieci 5-letnie "
            "odbywające roczne obowiązkowe przygotowanie przedszkolne.",
            set(),
            id="ages_fresh a003: one year's age is a priority, no range",
        ),
    ],
)
def test_ages(text: str, expected: set[tuple[float | None, float | None]]) -> None:
    assert {(a.min, a.max) for a in read_ages(sentences(text))} == expected


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        pytest.param(
            "Gabinet pielęgniarki szkolnej czynny jest codziennie:\n\n • Poniedziałek  07.30 – "
            "12.10",
            True,
            id="zeromski3lo.edu.pl/lo3/gabinet-pielegniarki",
        ),
        pytest.param(
            "Oddział Dziecięcy liczy 28 łóżek i przyjmuje pacjentów do ukończenia 18 roku życia.",
            True,
            id="tune j040: a ward takes patients by age",
        ),
        pytest.param(
            "Gabinet był czynny w godzinach 8-12.",
            False,
            id="made-up: a room's hours reported in the past",
        ),
    ],
)
def test_voice(text: str, speaks: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is speaks
