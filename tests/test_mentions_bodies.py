"""Round 12 of issue #12: bodies named in the ways any Polish page names them: a school or
another local unit by its acronym and number with its town, a name whose compound adjective a
fixed-width page wrapped after its dash, a hospital named by a prepositional phrase, a place
written as its territory ("w Gminie Siewierz"). Each case
a line of a document of the web corpus's tune half (`benchmarks/web_corpus`, the id in the
case id), quoted as the page writes it, with what its gold gives; the guards are what must
not change."""

from __future__ import annotations

import pytest

from extractors.mention_records import mention_records
from extractors.records import ParsedInstitution
from transforms.name_morphology import nominative


def _recorded(text: str, *, article: bool, owner: str | None = None) -> set[str]:
    owners = [ParsedInstitution(name_raw=owner, role="subject")] if owner else []
    return {nominative(r.name_raw) for r in mention_records(text, owners, article=article)}


# A local unit's acronym with its number is that unit, written out, and the town after the
# number is its seat.
NUMBERED_ACRONYMS = [
    pytest.param(
        "Miłość od pań i przyjaźnie, to najważniejsze, co od tego miejsca dostałam – mówi"
        " 14-letnia Ola, uczennica SP nr 1 w Elblągu, która kilka razy w tygodniu po lekcjach,"
        " przychodzi na świetlicę popołudniową przy ul. Obrońców Pokoju 9 w Elblągu.",
        True,
        {"Szkoła Podstawowa nr 1 w Elblągu"},
        id="f049-a school by its acronym, number and town",
    ),
    pytest.param(
        "- umożliwia rehabilitację społeczną poprzez dofinansowanie uczestnictwa w turnusach"
        " rehabilitacyjnych ze środków PFRON,",
        False,
        {"Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych"},
        id="guard-a001-a national acronym stays as the table names it",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), NUMBERED_ACRONYMS)
def test_an_acronym_with_its_number_is_one_unit(
    text: str, article: bool, expected: set[str]
) -> None:
    assert _recorded(text, article=article) == expected


# A compound adjective broken where a fixed-width page wrapped its line is one word again.
WRAPPED_COMPOUNDS = [
    pytest.param(
        "  z Sanepidem. Wprowadzony dodatkowy reżim sanitarny dla pracowników\n\n  szkoły to"
        " jedyne zalecenie Powiatowej Stacji Sanitarno -\n\n  Epidemiologicznej w Kielcach.\n",
        True,
        {"Powiatowa Stacja Sanitarno-Epidemiologiczna w Kielcach"},
        id="e020-a name wrapped after its compound's dash",
    ),
    pytest.param(
        "UWAGA -\n\nUWAGA - Infolinia w zakresie trudności odbioru odpadów medycznych\n",
        True,
        set(),
        id="guard-a037-a heading's dash before the next line joins nothing",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), WRAPPED_COMPOUNDS)
def test_a_compound_wrapped_at_a_line_end_is_one_word(
    text: str, article: bool, expected: set[str]
) -> None:
    assert _recorded(text, article=article) == expected


# A hospital or home named by "na" / "nad" / "pod" / "przy" and a capitalised word, its town
# right after ("Szpital na Wyspie w Żarach"), bears that phrase as its name; a unit in it is
# then named by it.
NAMED_BY_A_PHRASE = [
    pytest.param(
        "Już 1 grudnia, w środę swoją pracę rozpoczyna Poradnia Psychologiczna w Szpitalu na"
        " Wyspie w Żarach. Będzie ona otwarta zarówno dla dzieci jak i nastolatków.",
        True,
        {
            "Poradnia Psychologiczna w Szpitalu na Wyspie w Żarach",
            "Szpital na Wyspie w Żarach",
        },
        id="f013-a clinic in a hospital named by a phrase",
    ),
    pytest.param(
        "Otwarcie poradni to inicjatywa dyrekcji Szpitala na Wyspie w Żarach. Jak sama"
        " podkreśla potrzeby są bardzo duże.",
        True,
        {"Szpital na Wyspie w Żarach"},
        id="f013-the hospital alone",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), NAMED_BY_A_PHRASE)
def test_a_name_bears_its_prepositional_phrase(
    text: str, article: bool, expected: set[str]
) -> None:
    assert _recorded(text, article=article) == expected


# A place written as the territory, "w Gminie X" / "w Powiecie Y", is the body's place as "w X"
# is; after no body's name it is nothing.
TERRITORY_PLACES = [
    pytest.param(
        " • Zespół Interdyscyplinarny ds. Przeciwdziałania Przemocy Domowej w Gminie Siewierz;",
        False,
        {"Zespół Interdyscyplinarny ds. Przeciwdziałania Przemocy Domowej w Gminie Siewierz"},
        id="f039-a team placed in its gmina",
    ),
    pytest.param(
        "„OŚRODEK” nie jest odrębną placówką, jest dodatkowym obszarem działalności poradni,"
        " która w Powiecie Legionowskim pełni funkcję ośrodka koordynacyjno-rehabilitacyjnego.",
        False,
        set(),
        id="guard-b099-a county as the place of a sentence, no body",
    ),
    pytest.param(
        "Konsultacje społeczne - Program Usług Społecznych w Gminie Czersk na lata 2022-2023",
        False,
        set(),
        id="guard-a019-a programme placed in its gmina is no body",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), TERRITORY_PLACES)
def test_a_place_written_as_its_territory(text: str, article: bool, expected: set[str]) -> None:
    assert _recorded(text, article=article) == expected
