"""Round 10 of issue #12: a kind of unit given the place written beside it, and the edges of
names read by word class and agreement. One table per rule; each case a line of a document of
the web corpus's tune half (`benchmarks/web_corpus`, the id in the case id) or of the 96 saved
pages (`../shared/data/html_fixtures`, the page in the case id), quoted as the page writes it,
with what its gold gives; the guards are what must not change."""

from __future__ import annotations

import pytest

from extractors.mention_records import mention_records
from extractors.mentions import find_mentions
from transforms.name_morphology import nominative
from transforms.names import normalise_name


def _found(text: str) -> set[str]:
    return {m.nominative for m in find_mentions(text)}


def _recorded(text: str, *, article: bool) -> set[str]:
    return {nominative(r.name_raw) for r in mention_records(text, article=article)}


# A kind alone takes the place the sentence writes beside it: a second body joined by "i"
# shares its place, a unit "przy" a street and its number sits there.
SHARED_PLACES = [
    pytest.param(
        "Na stronach internetowych Sądu Rejonowego i Sądu Okręgowego w Piotrkowie Trybunalskim"
        " pojawiły się komunikaty zawierające zarządzenia prezesów obu instytucji.",
        {"Sąd Rejonowy w Piotrkowie Trybunalskim", "Sąd Okręgowy w Piotrkowie Trybunalskim"},
        True,
        id="e026-two-courts-one-place",
    ),
    pytest.param(
        "Świetlica mieści się w budynku Centrum Usług Społecznych przy ulicy Młyńskiej 21A w"
        " Czerwionce-Leszczynach.",
        {"Centrum Usług Społecznych w Czerwionce-Leszczynach"},
        False,
        id="e016-a-unit-przy-a-street-and-its-place",
    ),
    pytest.param(
        "Nagrodzonymi uczniami Szkoły Podstawowej nr 1 w Żarach zostali: Klaudia Ostrowska",
        {"Szkoła Podstawowa nr 1 w Żarach"},
        True,
        id="guard-b059-a-placed-name-keeps-its-own-place",
    ),
]


@pytest.mark.parametrize(("text", "expected", "article"), SHARED_PLACES)
def test_a_kind_alone_takes_the_place_written_beside_it(
    text: str, expected: set[str], article: bool
) -> None:
    assert _recorded(text, article=article) == expected


# Where a name ends: "do" with a common noun in the genitive carries it on; "z <town>" after
# an NGO's name says where it comes from; one capitalised first name is a name of its own, a
# first name and a surname in capitals a person; "p.w." opens a church's patron as "im." does.
EDGES = [
    pytest.param(
        "Ośrodek mieści się w wydzielonej części budynku przy ul. Ogrodowej 2, w którym znajduje"
        " się także Szkoła Specjalna Przysposabiająca do Pracy.",
        "Szkoła Specjalna Przysposabiająca do Pracy",
        id="d019-do-with-a-noun-carries-on",
    ),
    pytest.param(
        "Punkt w Nysie przy ul. Komisji Edukacji Narodowej 1a, 48-300 Nysa prowadzony jest przez"
        " Stowarzyszenie OPPEN Obywatel Prawo POmoc Edukacja Nowatorstwo z Opola, dyżuruje",
        "Stowarzyszenie OPPEN Obywatel Prawo POmoc Edukacja Nowatorstwo",
        id="d017-an-ngo-from-a-town",
    ),
    pytest.param(
        "Dom dla Dzieci NADZIEJA",
        "Dom dla Dzieci NADZIEJA",
        id="d025-one-first-name-in-capitals-is-a-name",
    ),
    pytest.param(
        "do Szpitala p.w. Matki Bożej Pocieszenia w Leżajsku, ul. Leśna 22, tel. (17) 24 04 912",
        "Szpital p.w. Matki Bożej Pocieszenia w Leżajsku",
        id="d023-pw-opens-a-patron",
    ),
    pytest.param(
        "Zgromadzenie Sióstr Najświętszej Rodziny z Nazaretu – Prowincja Krakowska",
        "Zgromadzenie Sióstr Najświętszej Rodziny z Nazaretu – Prowincja Krakowska",
        id="guard-a028-a-congregation-keeps-its-town",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EDGES)
def test_where_a_name_ends(text: str, expected: str) -> None:
    assert expected in _found(text)


# What names no body: a street named after an office or a body ("ul. Marszałka Piłsudskiego");
# a kind alone written with an en dash is still a kind alone (on a page, no one body).
def test_a_street_named_after_an_office_is_no_mention() -> None:
    # f005
    text = "Miejsce spotkań : Dom Dziennego Pobytu w Nowym Tomyślu, ul. Marszałka Piłsudskiego 8a."
    assert _found(text) == {"Dom Dziennego Pobytu w Nowym Tomyślu"}


def test_a_kind_alone_with_an_en_dash() -> None:
    # f050
    text = "2. Poradnia Psychologiczno–Pedagogiczna po wykonaniu diagnozy dziecka zwołuje Zespół"
    assert _recorded(text, article=False) == set()


def test_a_first_name_and_surname_in_capitals_are_a_person() -> None:
    assert _found("Burmistrz Gminy Lubomierz ADAM NOWAK") == {"Burmistrz Gminy Lubomierz"}


# An acronym of a local kind with a quoted name of its own is written out; after a national
# body's acronym a quote is a slogan.
ACRONYMS = [
    pytest.param(
        "Nasi uczniowie pomagają w DPS „Kalina”, wspieramy wiele lubelskich placówek",
        {"Dom Pomocy Społecznej „Kalina”"},
        id="d006-a-dps-by-its-own-name",
    ),
    pytest.param(
        "ARiMR „Nie wypalaj traw”",
        {"Agencja Restrukturyzacji i Modernizacji Rolnictwa"},
        id="guard-biblioteka.gorzno.ugm.pl-a-slogan-after-a-national-body",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACRONYMS)
def test_an_acronym_with_a_quoted_name(text: str, expected: set[str]) -> None:
    assert _recorded(text, article=True) == expected


def test_wdk_is_a_village_culture_house() -> None:
    # e007: "goście oraz obecni pracownicy przeszli na salę WDK w Kobylance"
    assert normalise_name("WDK w Kobylance").core == "Wiejski Dom Kultury"


# A head's number is read from the adjectives that agree with it: a plural names no one body.
NUMBERS = [
    pytest.param(
        "PROCEDURY SZKOŁY DOTYCZĄCE WPROWADZENIA PROCEDUR BEZPIECZEŃSTWA",
        set(),
        id="e020-a-plural-heading",
    ),
    pytest.param(
        "Dyplom i nagrodę otrzymał równiez uczeń Szkoły Podstawowej nr 2 w Żarach Xavi Nowicki",
        {"Szkoła Podstawowa nr 2 w Żarach"},
        id="guard-b059-a-genitive-singular",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_a_heads_number_from_its_adjectives(text: str, expected: set[str]) -> None:
    assert _found(text) == expected
