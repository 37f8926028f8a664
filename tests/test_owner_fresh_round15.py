"""The page's own name read whole, where the candidates cut it (issue 12, round 15).

Kinds of name the candidate reader proposed without their seat or patron, each from a fresh
tuning page sought where a page's own name is hard to read (`benchmarks/owner_fresh`, the id
in the case id, its address in `URLS`) or a tune document of the web corpus (i015), quoted as
`wsparcie extract` reads a plain page:

- a "w" part that names no place is part of the name, and the seat still follows it
  ("Specjalistyczny Ośrodek Wsparcia dla Ofiar Przemocy w Rodzinie w Wałbrzychu", m054);
- a street between a name and its seat is left out, the seat is not ("Środowiskowy Dom
  Samopomocy przy ul. Dąbrowskiego 15 w Zduńskiej Woli", m057);
- a closing quote the page glued to the seat still ends the own name only ('“Dać
  Szansę”w Wadowicach', i015), and a "w" glued to the word before it is a word of its own
  ("Psychologiczno-Pedagogicznaw Ostrowcu Świętokrzyskim", i001);
- a name read with its seat in one place and with its patron in another is one name with
  both ("Młodzieżowy Ośrodek Wychowawczy im. Janusza Korczaka w Szczecinie", m025).
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_candidates import names_in
from extractors.html_pages.owner_name import with_patron
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import clean_line, page_text_of_plain

URLS = {
    "m025": "https://mow-szczecin.edupage.org/about/?",
    "m054": "https://sow.walbrzych.pl/o-nas/",
    "m057": "http://sdszdunskawola.pl/o-nas/",
    "i015": "http://jedenprocent.newsweek.pl/stowarzyszenie-rodzicow-i-op"
    "iekunow-dzieci-niepelnosprawnych-dac-szansew-wadowicach",
    "i001": "http://pp-p.ostrowiec.pl/misja-wizja-koncepcja/",
}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Specjalistyczny Ośrodek Wsparcia dla Ofiar Przemocy w Rodzinie w Wałbrzychu jest "
            "jednym z 35 na terenie Polski, a drugim na terenie Dolnego Śląska.",
            "Specjalistyczny Ośrodek Wsparcia dla Ofiar Przemocy w Rodzinie w Wałbrzychu",
        ),
        (
            "Środowiskowy Dom Samopomocy przy ul. Dąbrowskiego 15 w Zduńskiej Woli jest "
            "jednostką organizacyjną pomocy społecznej prowadzoną przez powiat zduńskowolski",
            "Środowiskowy Dom Samopomocy w Zduńskiej Woli",
        ),
        (
            "Stowarzyszenie Rodziców i Opiekunów Dzieci Niepełnosprawnych “Dać Szansę”w "
            "Wadowicach",
            "Stowarzyszenie Rodziców i Opiekunów Dzieci Niepełnosprawnych “Dać Szansę” w "
            "Wadowicach",
        ),
        (
            "Miejski Ośrodek Pomocy Społecznej w Krośnie w dniu 5 maja informuje",
            "Miejski Ośrodek Pomocy Społecznej w Krośnie",
        ),
    ],
    ids=["m054-w-rodzinie-then-the-seat", "m057-a-street-then-the-seat", "i015-glued-quote",
         "a-place-is-a-place"],
)  # fmt: skip
def test_the_seat_after_what_the_name_holds(line: str, expected: str) -> None:
    assert [found.name for found in names_in(line, 0, complete=True)] == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Poradnia Psychologiczno-Pedagogicznaw Ostrowcu Świętokrzyskim",
         "Poradnia Psychologiczno-Pedagogiczna w Ostrowcu Świętokrzyskim"),
        ("Ośrodek Pomocy Rodzinyw Kielcach", "Ośrodek Pomocy Rodziny w Kielcach"),
        ("Ośrodków Pomocy Społecznej", "Ośrodków Pomocy Społecznej"),
        ("Krakow Airport", "Krakow Airport"),
        ("poczta: biurow@example.pl Kontakt", "poczta: biurow@example.pl Kontakt"),
        ("1. Wojewódzki Ośrodek Adopcyjnyw Warszawie przy ul. Nowy Zjazd",
         "1. Wojewódzki Ośrodek Adopcyjny w Warszawie przy ul. Nowy Zjazd"),
        # pages written without diacritics (../shared/data/html_fixtures): "-ów" as "-ow", a
        # word the dictionary does not know
        ("Spis telefonow Starostwa Powiatowego w Elku",
         "Spis telefonow Starostwa Powiatowego w Elku"),
        ("Bezplatne szkolenia dla mieszkancow Gminy Gorzno",
         "Bezplatne szkolenia dla mieszkancow Gminy Gorzno"),
        ("Osrodek Szkolenia Kierowcow Celek", "Osrodek Szkolenia Kierowcow Celek"),
        ("splyw Drawa", "splyw Drawa"),
    ],
    ids=["i001-glued-w", "a-noun-before-it", "a-word-ending-in-w", "a-foreign-name",
         "a-mailbox", "e040-glued-w", "county-elk-ow-without-its-o", "gmina-gorzno-ow-unknown",
         "negative-lokalnyhit-ow-a-vocative", "education-niemiensko-no-word"],
)  # fmt: skip
def test_a_glued_w_apart(line: str, expected: str) -> None:
    assert clean_line(line) == expected


M025 = (
    "O ośrodku\n\n"
    "Nasz Ośrodek powstał w 1974 roku na mocy orzeczenia wydanego przez Kuratorium Okręgu "
    "Szkolnego w Szczecinie jako Państwowy Młodzieżowy Zakład Wychowawczy.\n"
    "Obecnie w Młodzieżowym Ośrodek Wychowawczym w Szczecinie może przebywać 60 wychowanek.\n"
    "Nasza Placówka funkcjonuje w trybie całodobowym przez wszystkie dni roku.\n"
    "W Młodzieżowym Ośrodku Wychowawczym w Szczecinie funkcjonują 3 szkoły:\n"
    "Kontakt\n"
    " • Młodzieżowy Ośrodek Wychowawczy im. Janusza Korczaka\n"
    "  ul. Kamienna 22\n"
    "  71-883 Szczecin\n"
    " • Sekretariat: 91 453 81 03"
)


def test_m025_the_seat_and_the_patron_of_one_name() -> None:
    owner = find_page_owner(page_text_of_plain(M025, URLS["m025"]))
    assert owner is not None
    assert owner.name == "Młodzieżowy Ośrodek Wychowawczy im. Janusza Korczaka w Szczecinie"


@pytest.mark.parametrize(
    ("name", "others", "expected"),
    [
        (
            "Szkoła Podstawowa nr 1 w Zielonej Górze",
            ["Szkoła Podstawowa nr 1 im. Jana Pawła II"],
            "Szkoła Podstawowa nr 1 im. Jana Pawła II w Zielonej Górze",
        ),
        (
            "Szkoła Podstawowa nr 1 w Zielonej Górze",
            ["Szkoła Podstawowa nr 2 im. Jana Pawła II"],
            "Szkoła Podstawowa nr 1 w Zielonej Górze",
        ),
        ("Szkoła Podstawowa nr 1", ["Szkoła Podstawowa nr 1 im. Jana Pawła II"],
         "Szkoła Podstawowa nr 1"),
    ],
    ids=["the-same-school", "another-school", "no-seat-to-put-it-before"],
)  # fmt: skip
def test_with_patron(name: str, others: list[str], expected: str) -> None:
    assert with_patron(name, others) == expected
