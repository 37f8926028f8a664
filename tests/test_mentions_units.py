"""Round 11 of issue #12: a kind of unit named alone that the text still makes one body, by the
body it sits in or by its street address. Each case a line of a document of the web corpus's
tune half (`benchmarks/web_corpus`, the id in the case id), quoted as the page writes it, with
what its gold gives; the guards are what must not change."""

from __future__ import annotations

import pytest

from extractors.mention_records import mention_records
from extractors.records import ParsedInstitution
from transforms.name_morphology import nominative


def _recorded(text: str, *, article: bool, owner: str | None = None) -> set[str]:
    owners = [ParsedInstitution(name_raw=owner, role="subject")] if owner else []
    return {nominative(r.name_raw) for r in mention_records(text, owners, article=article)}


# A unit written right before "w" / "przy" and a placed body is named by that body; the body
# stays a mention of its own.
HOSTED_UNITS = [
    pytest.param(
        "Uruchomienie Poradni Psychologiczno - Psychoterapeutycznej dla Dzieci i Młodzieży w"
        " Wojewódzkim Szpitalu Psychiatrycznym w Gdańsku umożliwi pacjentom i ich rodzinom"
        " dostęp do szybkiej i adekwatnej pomocy specjalistów.",
        False,
        {
            "Poradnia Psychologiczno-Psychoterapeutyczna dla Dzieci i Młodzieży w Wojewódzkim"
            " Szpitalu Psychiatrycznym w Gdańsku",
            "Wojewódzki Szpital Psychiatryczny w Gdańsku",
        },
        id="a060-a clinic in a hospital",
    ),
    pytest.param(
        "Poradnia będzie działać na zasadach Ośrodka Środowiskowej Opieki Psychologicznej i"
        " Psychoterapeutycznej dla Dzieci i Młodzieży.",
        False,
        set(),
        id="guard-a060-a kind alone with no host stays out",
    ),
    pytest.param(
        "Ośrodek Interwencji Kryzysowej działa przy Powiatowym Centrum Pomocy Rodzinie w"
        " Kościanie i mieści się przy ul. Szpitalnej.",
        False,
        {"Powiatowe Centrum Pomocy Rodzinie w Kościanie"},
        id="guard-d044-a verb between the unit and its host",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), HOSTED_UNITS)
def test_a_unit_is_named_by_the_body_it_sits_in(
    text: str, article: bool, expected: set[str]
) -> None:
    assert _recorded(text, article=article) == expected


# A kind alone with its street and number right after it is, in an article, the one unit at
# that address; on an institution's page it stays out (measured: a false mention on test).
UNITS_AT_AN_ADDRESS = [
    pytest.param(
        "W związku ze wzrostem liczby zachorowań na COVID-19 informuję, iż od dnia 19.10.2020r."
        " do odwołania zawieszam działalność:\n"
        "1) Dziennego Domu Pomocy Społecznej przy ul. Okrzei 25,\n"
        "2) Klubu Seniora „Sielanka” przy ul. Olimpijskiej 3,",
        False,
        "Miejski Ośrodek Pomocy Rodzinie",
        {"Klub Seniora „Sielanka”"},
        id="guard-a099-a kind alone at its street on an institution's page",
    ),
    pytest.param(
        "date 2022-04 Siedziba Specjalnego Ośrodka Szkolno-Wychowawczego nr 1 przy al."
        " Spółdzielczości Pracy 65 to system budynków mieszczących wszystko co potrzebne.",
        True,
        None,
        {"Specjalny Ośrodek Szkolno-Wychowawczy nr 1"},
        id="b020-a special school at its avenue in an article",
    ),
    pytest.param(
        "1) Dziennego Domu Pomocy Społecznej przy ul. Okrzei 25,\n"
        "2) Klubu Seniora „Sielanka” przy ul. Olimpijskiej 3,",
        False,
        None,
        {"Klub Seniora „Sielanka”"},
        id="guard-a099-a page of no named owner may be the unit's own",
    ),
    pytest.param(
        "Osoby chorujące psychicznie zainteresowane uczestnictwem w naszych zajęciach"
        " zapraszamy do Środowiskowego Domu Samopomocy przy ul. Pabianickiej 132.",
        False,
        "Środowiskowy Dom Samopomocy w Łodzi",
        set(),
        id="guard-a059-the owner at its own address",
    ),
    pytest.param(
        "Zajęcia odbywają się w Ośrodku Pomocy Społecznej w godzinach pracy.",
        True,
        None,
        set(),
        id="guard-a kind alone with no address in an article",
    ),
]


@pytest.mark.parametrize(("text", "article", "owner", "expected"), UNITS_AT_AN_ADDRESS)
def test_a_kind_alone_at_an_address_is_one_unit(
    text: str, article: bool, owner: str | None, expected: set[str]
) -> None:
    assert _recorded(text, article=article, owner=owner) == expected


# A place written in two halves with a spaced dash is one name when the halves stand in one
# case; a title's dash after a place does not join the next heading to it.
DASHED_PLACES = [
    pytest.param(
        "Świetlica w Świniarach Starych – Wioska internetowa CK",
        {"Świetlica w Świniarach Starych"},
        id="f021-a title's dash after the village",
    ),
    pytest.param(
        "Zapraszamy do Miejskiego Ośrodka Pomocy Społecznej w Kędzierzynie – Koźlu.",
        {"Miejski Ośrodek Pomocy Społecznej w Kędzierzynie-Koźlu"},
        id="guard-a double town in the locative",
    ),
    pytest.param(
        "dzielnicowi z Komisariatu Policji w Rucianem – Nidzie, tel. 47 73 54 304",
        {"Komisariat Policji w Rucianem-Nidzie"},
        id="guard-b047-a double town, first half an adjective",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DASHED_PLACES)
def test_a_dash_joins_the_halves_of_one_place_only(text: str, expected: set[str]) -> None:
    assert _recorded(text, article=True) == expected


# On a county's page its own council and board are the owner speaking ("Rada Powiatu",
# "Zarząd Powiatu"), but a council or board named by its own field is a body of its own, one of
# the county's units (the 96 saved pages, quoted as their menus write them, folded).
def _on_the_owners_page(lines: list[str], owner: str) -> set[str]:
    return _recorded("\n".join(lines), article=False, owner=owner)


COUNTY_BODIES = [
    pytest.param(
        [
            "Rada Powiatu",
            "Zarzad Powiatu",
            "Powiatowa Spoleczna Rada ds. Osob Niepelnosprawnych w Sremie",
        ],
        "Starostwo Powiatowe w Śremie",
        {"Powiatowa Społeczna Rada ds. Osób Niepełnosprawnych w Śremie"},
        id="bip.powiat-srem.pl-a county's council for the disabled",
    ),
    pytest.param(
        [
            "Rada Powiatu Elckiego",
            "Zarzad Powiatu Elckiego",
            "Powiatowa Rada Dzialalnosci Pozytku Publicznego",
        ],
        "Starostwo Powiatowe w Ełku",
        {"Powiatowa Rada Działalności Pożytku Publicznego w Ełku"},
        id="bip.powiat.elk.pl-a county's council of public benefit, the seat added",
    ),
    pytest.param(
        [
            "Jednostki podlegle",
            "Powiatowy Urzad Pracy",
            "Powiatowa Stacja Sanitarno - Epidemiologiczna",
            "Powiatowy Zarzad Dróg Publicznych",
            "Powiatowe Centrum Pomocy Rodzinie",
            "Powiatowy Inspektorat Weterynaryjny",
            "SPS Zaklad Opieki Zdrowotnej",
            "DPS w Niedabylu",
            "Powiatowa Biblioteka Publiczna",
        ],
        "Starostwo Powiatowe w Białobrzegach",
        {
            "Powiatowy Urząd Pracy w Białobrzegach",
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Białobrzegach",
            "Powiatowy Zarząd Dróg Publicznych w Białobrzegach",
            "Powiatowe Centrum Pomocy Rodzinie w Białobrzegach",
            "Powiatowy Inspektorat Weterynaryjny w Białobrzegach",
            "DPS w Niedabylu",
            "Powiatowa Biblioteka Publiczna w Białobrzegach",
        },
        id="nst.bialobrzegipowiat.pl-a county's units on a folded page that kept one ó",
    ),
    pytest.param(
        ["Rada Miejska w Gorzowie Śląskim", "Powiatowy Rzecznik Konsumentów"],
        "Starostwo Powiatowe w Oleśnie",
        {"Rada Miejska w Gorzowie Śląskim"},
        id="guard-a town's council is the town's, the county's consumer ombudsman its officer",
    ),
]


@pytest.mark.parametrize(("lines", "owner", "expected"), COUNTY_BODIES)
def test_a_council_or_board_of_its_own_field_is_a_unit(
    lines: list[str], owner: str, expected: set[str]
) -> None:
    assert _on_the_owners_page(lines, owner) == expected


# A school's acronym with its patron is one school ("LO im. Armii Krajowej"), a roman numeral
# before it its number; a double surname broken after its hyphen ("Orlicz- Dreszera") is one
# word (the 96 saved pages, quoted as their text reads).
NAMED_BY_PATRON = [
    pytest.param(
        "LO im. Armii Krajowej w Bialobrzegach",
        {"LO im. Armii Krajowej w Białobrzegach"},
        id="nst.bialobrzegipowiat.pl-a lyceum's acronym, patron and place",
    ),
    pytest.param(
        "ZSP im. Stanislawa Staszica",
        {"ZSP im. Stanisława Staszica"},
        id="nst.bialobrzegipowiat.pl-a school group's acronym and patron",
    ),
    pytest.param(
        "Weronika na co dzien jest uczennica V klasy Panstwowej Szkoly Muzycznej II stopnia oraz I"
        " klasy II LO im. gen. Gustawa Orlicz- Dreszera w Chelmie. Gratulujemy Weronice.",
        {
            "Państwowa Szkoła Muzyczna II stopnia",
            "II LO im. gen. Gustawa Orlicz-Dreszera w Chełmie",
        },
        id="www.powiat.chelm.pl-a numbered lyceum, its patron's surname broken",
    ),
    pytest.param(
        "Zebranie odbędzie się w SP. Zapraszamy rodziców.",
        set(),
        id="guard-a two-letter acronym alone",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_BY_PATRON)
def test_a_school_is_named_by_its_patron(text: str, expected: set[str]) -> None:
    assert _recorded(text, article=True) == expected


# Two bare heads joined by "i" before one quoted name are one body ("Żłobek i Przedszkole
# „X”"); a head with words of its own after it is a body of its own.
TWO_HEADS_ONE_NAME = [
    pytest.param(
        " • Niepubliczny Żłobek i Przedszkole „Świat Dziecka”;",
        {"Niepubliczny Żłobek i Przedszkole „Świat Dziecka”"},
        id="f039-a nursery and kindergarten of one name",
    ),
    pytest.param(
        "Zajęcia prowadzi Urząd Gminy i Klub „Senior” w Siewierzu.",
        {"Urząd Gminy w Siewierzu", "Klub „Senior” w Siewierzu"},
        id="guard-an office with its complement and a club: two bodies",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TWO_HEADS_ONE_NAME)
def test_two_bare_heads_share_one_quoted_name(text: str, expected: set[str]) -> None:
    assert _recorded(text, article=True) == expected
