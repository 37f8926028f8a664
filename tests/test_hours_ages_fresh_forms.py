"""Hours and ages in the forms issue 17's remaining failures name, from real lines (issue #17).

Each line is as its page writes it, found with the `pages` search on hosts outside the web
corpus (claimed in the corpus staging list), but for two tune documents named by id. What each
line states was written down before the reader ran. Three rules are new here: tens of minutes
as a superscript digit and a sign beside minutes written as signs ("12³º"); an age range
from weeks of life to the completion of a year ("od ukończenia 20. tygodnia życia do
ukończenia 3. roku życia"); no upper bound from a sentence saying that those below it need
a parent's consent ("osobie poniżej 18. roku życia wymaga zgody jej przedstawiciela"); the
other cases are kinds the readers already take, kept so.
"""

from __future__ import annotations

import pytest

from transforms.eligibility import _CONSENT, read_ages
from transforms.opening_hours import read_schedules
from transforms.sentences import sentences
from transforms.text import fold

WEEKDAYS = "Mo Tu We Th Fr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Zajęcia dla dzieci w wieku 3-12 lat odbywają się w godzinach 11ºº – 12³º.",
            [("11:00", "12:30")],
            id="gbppszczolki.pl-tens-of-minutes-as-a-superscript-and-a-sign",
        ),
        pytest.param(
            "Godziny otwarcia Kita\nponiedziałek – piątek: 6.45 – 18.15 (co najmniej 235 dni w "
            "roku, patrz planowanie roczne)",
            [("06:45", "18:15")],
            id="kita-pinocchio.ch-a-day-range-and-a-colon",
        ),
    ],
)
def test_times(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.opens, s.closes) for s in read_schedules(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Godziny pracy pedagoga:\nponiedziałek 8.00-13.00\nwtorek 11.00 – 16.00\nśroda 8.00 – "
            "13.00\nczwartek 11.00- 16.00\npiątek 8.00 – 13.00",
            [
                ("Mo", "08:00", "13:00"),
                ("Tu", "11:00", "16:00"),
                ("We", "08:00", "13:00"),
                ("Th", "11:00", "16:00"),
                ("Fr", "08:00", "13:00"),
            ],
            id="c072-a-table-with-a-day-per-row",
        ),
        pytest.param(
            "Oddział I Serdeczne Sarenki\nponiedziałek i piątek\n8:30 – 15:30\nwtorek – czwartek\n"
            "8:00 – 16:00",
            [("Mo Fr", "08:30", "15:30"), ("Tu We Th", "08:00", "16:00")],
            id="przedszkole148.waw.pl-days-over-their-hours-row-by-row",
        ),
        pytest.param(
            "Zajęcia dla dzieci w wieku 3-12 lat odbywają się w godzinach 11ºº – 12³º.",
            [(WEEKDAYS, "11:00", "12:30")],
            id="gbppszczolki.pl-hours-without-days-read-on-weekdays",
        ),
    ],
)
def test_schedules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(" ".join(s.days), s.opens, s.closes) for s in read_schedules(text)] == expected


def test_a_temperature_is_not_a_time() -> None:
    """The superscript rule holds only where minutes are written as signs, and for "º" only:
    a degree sign beside them stays a degree."""
    schedules = read_schedules("W sali 23° w godzinach 8°° - 16°°")
    assert [(s.opens, s.closes) for s in schedules] == [("08:00", "16:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "W żłobku mogą przebywać dzieci od ukończenia 20. tygodnia życia do ukończenia 3. "
            "roku życia.",
            [(0, 3)],
            id="premier.gov.pl-weeks-of-life-to-a-completed-year",
        ),
        pytest.param(
            "W klubie dziecięcym mogą przebywać dzieci w wieku od ukończenia 1. roku życia do "
            "ukończenia 3. roku życia.",
            [(1, 3)],
            id="premier.gov.pl-a-completed-year-to-a-completed-year",
        ),
        pytest.param(
            "Maluszki - dzieci w wieku od 20 tygodnia życia do 2 lat,",
            [(0, 2)],
            id="zlobek10.pl-weeks-of-life-to-years",
        ),
        pytest.param(
            "Świadczenie w wysokości 300 zł przysługuje na każde uczące się dziecko w wieku od 7 "
            "do 20 lat, a w przypadku dzieci z orzeczoną niepełnosprawnością - do 24 lat.",
            [(7, 20), (None, 24)],
            id="finanse.wp.pl-a-range-and-an-upper-bound-for-some",
        ),
        pytest.param(
            "Niepełnosprawni uczniowie otrzymają świadczenie do ukończenia 24. roku życia.",
            [(None, 24)],
            id="rp.pl-to-the-completion-of-the-24th-year",
        ),
        pytest.param(
            "Przypomnijmy, iż na mocy obowiązujących obecnie przepisów udzielenie jakiegokolwiek "
            "świadczenia zdrowotnego osobie poniżej 18. roku życia wymaga zgody jej przedstawiciela "
            "ustawowego.",
            [],
            id="rp.pl-who-needs-a-parent-s-consent-is-not-whom-support-is-for",
        ),
        pytest.param(
            "Mogą tu zgłaszać się – bez skierowania - rodzice dzieci oraz młodzież (osoby poniżej "
            "18 r.ż. muszą posiadać zgodę opiekuna prawnego na korzystanie ze świadczeń)",
            [],
            id="c015-minors-need-a-guardian-s-consent",
        ),
        pytest.param(
            "Obejmuje opieką dzieci od klasy I do VIII.",
            [],
            id="nspowadow.pl-school-classes-are-not-ages",
        ),
    ],
)
def test_ages(text: str, expected: list[tuple[float | None, float | None]]) -> None:
    assert [(a.min, a.max) for a in read_ages(sentences(text))] == expected


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        pytest.param(
            "osoby poniżej 18 r.ż. muszą posiadać zgodę opiekuna prawnego",
            True,
            id="c015-the-noun-consent",
        ),
        pytest.param(
            "osobie poniżej 18. roku życia wymaga zgody jej przedstawiciela ustawowego",
            True,
            id="rp.pl-consent-in-the-genitive",
        ),
        pytest.param(
            "stosowanie przez uczniów osłony ust i nosa (zgodnie z wolą rodziców) w przestrzeni "
            "wspólnej",
            False,
            id="spzagorzany.pl-in-accordance-with-is-no-consent",
        ),
    ],
)
def test_a_parent_s_consent_is_the_noun(text: str, consent: bool) -> None:
    assert (_CONSENT.search(fold(text).lower()) is not None) is consent
