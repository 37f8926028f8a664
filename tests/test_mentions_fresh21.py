"""Round 20 of issue #12 (branch mentions21): names of other institutions that the mention
records read cut short, with a wrong place or not at all, in whole fresh documents
(`benchmarks/mention_docs/`, `g01`–`g23`: public pages on hosts the web corpus does not hold;
the document's id and address in each case id) and in the tune half of the web corpus. Each
case gives the text as the page writes it and the names the records must give; the guards are
what must not change.

- a capital "I" after a unit's number or a patron's name is the numeral one, not "and"
  ("Zespole Szkół Nr I", "im. Mieszka I");
- a patron's initial with its full stop stays in the name ("im. T. Kościuszki"), after an
  acronym's number too ("ZS nr 3 im. M. Kopernika");
- two capitalised adjectives joined by "i" share one head ("Miejska i Powiatowa Biblioteka
  Publiczna"), in any case;
- a dash before an acronym in capitals is no double place's dash ("w Oławie – SSR Sylwia …",
  a judge's title);
- a word the dictionary knows as the first part of a place's name, though also as a surname,
  opens a place when a place's adjective follows ("w Środzie Śląskiej");
- an adjective agrees with a head in a case other than the vocative ("Zarząd Terenowy
  Niezależnego … Związku": "Terenowy" is not the union's);
- an acronym of the table is no place ("Rady Rodziców w ZS nr 2": a council in a school);
- in news, a kind alone in brackets after a person's name is the one institution the person
  works in ("Anna Buksińska (Zespół Szkół Ogólnokształcących)").
"""

from __future__ import annotations

import pytest
from helpers import assert_names_read

from benchmarks.mention_lines import read_names
from transforms.name_morphology import nominative

READ = [
    pytest.param(
        "Mówił także o czekających władze powiatu zadaniach inwestycyjnych, w tym modernizacji"
        " boiska przy Zespole Szkół Nr 2 im. Jana Pawła II w Miechowie, montażu monitoringu"
        " jakości powietrza przy Liceum Ogólnokształcącym oraz o wyzwaniach na przyszłość, –"
        " m.in. oczekiwanej budowie łącznika w Zespole Szkół Nr I.",
        ["Zespół Szkół Nr 2 im. Jana Pawła II w Miechowie", "Zespół Szkół Nr I"],
        id="g02 miechowski.pl/2019/10/15: a unit numbered in roman",
    ),
    pytest.param(
        "Już po raz trzeci uczniowie Liceum Ogólnokształcącego z Oddziałami Integracyjnymi im."
        " Mieszka I wzięli udział w świątecznym projekcie „Szlachetna Paczka”.",
        ["Liceum Ogólnokształcące z Oddziałami Integracyjnymi im. Mieszka I"],
        id="g21 scie24.pl/miasto/1782: a ruler's numeral in the patron",
    ),
    pytest.param(
        "Liceum Ogólnokształcące im. T. Kościuszki w Miechowie:",
        ["Liceum Ogólnokształcące im. T. Kościuszki w Miechowie"],
        id="g02 miechowski.pl/2019/10/15: a patron's initial",
    ),
    pytest.param(
        "Podczas uroczystości władze powiatu podziękowały Mariuszowi Wróblowi za pracę dyrektora"
        " ZS nr 3 im. M. Kopernika, którego obowiązki powierzono nauczycielce tej szkoły.",
        ["Zespół Szkół nr 3 im. M. Kopernika"],
        id="g03 tvk.wielun.pl/index.php/8073: an acronym, its number and its patron",
    ),
    pytest.param(
        "Do wspaniałej zabawy zaprosiła Miejska i Powiatowa Biblioteka Publiczna w Dębicy w"
        " ramach Przystani Świętego Mikołaja.",
        ["Miejska i Powiatowa Biblioteka Publiczna w Dębicy"],
        id="g15 debica.tv/udana-polsko-ukrainska-integracja: two adjectives, one head",
    ),
    pytest.param(
        "Organizatorem festynu był Zarząd Terenowy Niezależnego Samorządowego Związku Zawodowego"
        " Policjantów oraz Komenda Powiatowa Policji w Środzie Śląskiej.",
        ["Komenda Powiatowa Policji w Środzie Śląskiej"],
        id="g14 echosredzkie.pl/wiadomosc/25254: a town the dictionary knows as a surname",
    ),
    pytest.param(
        "Spotkanie jako pierwsza z paneli stów poprowadziła Przewodnicząca III Wydziału"
        " Rodzinnego i Nieletnich Sądu Rejonowego w Oławie – SSR Sylwia Jastrzębska.",
        ["Sąd Rejonowy w Oławie"],
        id="g16 pcpr.wroclaw.pl/132-konferencja: a judge's title after the dash",
    ),
    pytest.param(
        "Do podziękowań dołączyła przewodnicząca Rady Rodziców w ZS nr 2 Emilia Deptuła –"
        " Kijewska oraz przedstawicielka samorządu uczniowskiego.",
        ["Zespół Szkół nr 2"],
        id="g04 kurekmazurski.pl/nagrody-dla-nauczycieli: a school's acronym, no place",
    ),
    pytest.param(
        "Natomiast za osiągnięcia w pracy dydaktycznej i wychowawczej nagrody Starosty otrzymało"
        " dziewięciu nauczycieli: Elżbieta Bartoszewicz (Zespół Szkół Technicznych), Danuta"
        " Kaszlej (II Liceum Ogólnokształcące), Jarosław Kwiecień (Dyrektor Zespołu Placówek"
        " Młodzieżowych), Jan Przystał (Augustowskie Centrum Edukacyjne).",
        [
            "Zespół Szkół Technicznych",
            "II Liceum Ogólnokształcące",
            "Zespół Placówek Młodzieżowych",
            "Augustowskie Centrum Edukacyjne",
        ],
        id="g01 augustow.org/2021/dzien-nauczyciela: each teacher's school in brackets",
    ),
    pytest.param(
        "Sąd Rejonowy w Kędzierzynie – Koźlu",
        ["Sąd Rejonowy w Kędzierzynie-Koźlu"],
        id="guard: a double place written with a spaced dash",
    ),
]


@pytest.mark.parametrize(("text", "names"), READ)
def test_the_records_give_each_name(text: str, names: list[str]) -> None:
    assert_names_read(text, names)


NOT_READ = [
    pytest.param(
        "Do podziękowań dołączyła przewodnicząca Rady Rodziców w ZS nr 2 Emilia Deptuła –"
        " Kijewska oraz przedstawicielka samorządu uczniowskiego.",
        "w ZS",
        id="g04 kurekmazurski.pl/nagrody-dla-nauczycieli: an acronym is no town",
    ),
    pytest.param(
        "Spotkanie jako pierwsza z paneli stów poprowadziła Przewodnicząca III Wydziału"
        " Rodzinnego i Nieletnich Sądu Rejonowego w Oławie – SSR Sylwia Jastrzębska.",
        "SSR",
        id="g16 pcpr.wroclaw.pl/132-konferencja: the title is no part of the town",
    ),
    pytest.param(
        "Organizatorem festynu był Zarząd Terenowy Niezależnego Samorządowego Związku Zawodowego"
        " Policjantów oraz Komenda Powiatowa Policji w Środzie Śląskiej.",
        "Terenowy",
        id="g14 echosredzkie.pl/wiadomosc/25254: a nominative adjective is not the genitive's",
    ),
    pytest.param(
        "Nagrody trafiły do nauczycieli szkół (Zespół Szkół Technicznych) i przedszkoli.",
        "Zespół Szkół Technicznych",
        id="guard: a kind in brackets after no person's name names no one school",
    ),
    pytest.param(
        "Uczniowie odwiedzili Szkołę Podstawową i Gminną Bibliotekę Publiczną w Dębicy.",
        "Podstawowa i",
        id="guard: an adjective closing the name before is not shared",
    ),
    pytest.param(
        "Szkoła Podstawowa im. Jana Pawła II w Olsztynie I Przedszkole w Olsztynie",
        "Olsztynie I",
        id="guard: a capital 'I' after a place is 'and' in a title",
    ),
]


@pytest.mark.parametrize(("text", "part"), NOT_READ)
def test_no_record_holds(text: str, part: str) -> None:
    assert not any(part in name for name in read_names(text))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        pytest.param(
            "Miejskiej i Powiatowej Biblioteki Publicznej w Dębicy",
            "Miejska i Powiatowa Biblioteka Publiczna w Dębicy",
            id="g15 debica.tv: the library's name in the genitive",
        ),
        pytest.param(
            "Miejskim i Gminnym Ośrodkiem Kultury",
            "Miejski i Gminny Ośrodek Kultury",
            id="g15's pattern, a masculine head in the instrumental",
        ),
        pytest.param(
            "Urzędu Miasta i Gminy Działoszyce",
            "Urząd Miasta i Gminy Działoszyce",
            id="guard d03 dzialoszyce.pl: 'i' inside the complement",
        ),
    ],
)
def test_the_nominative_of_two_adjectives(phrase: str, expected: str) -> None:
    assert nominative(phrase) == expected
