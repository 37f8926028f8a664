"""The page's own institution where no subject, or a wrong form of it, came out (issue 12,
round 17).

Each case is quoted from a tune document of the web corpus (a062, h046) or a fresh tuning page
of this round (`benchmarks/owner_fresh`, m079, m082, m085), the id in the case id, its address in
`URLS`, as `wsparcie extract` reads a plain page:

- a culture centre's name that joins a library to it before the seat is one body's name
  ("Gminne Centrum Kultury i Biblioteka w Gowarczowie", m082), and the library it ends with is
  no second candidate; a school and a library, or a centre and a library named apart, stay two;
- of a body's forms with the same words, the one with its seat's "w" is its name: a page's slip
  that drops it ("Środowiskowy Dom Samopomocy  Starych Święcicach", h046) is no better for being
  written in the nominative;
- a unit of a body (a ward) holds no page against the body the site's address spells in full
  (the "Uzdrowisko Konstancin-Zdrój SA" on the page of its day ward, a062);
- a name the text's last line ends with may be cut where a stored excerpt stops ("… w Dąbrowie
  Górnicze", m079): another form of it the page writes whole is its name.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_candidates import names_in
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

URLS = {
    "a062": "https://uzdrowisko-konstancin.pl/szpital-sue-ryder/oddzial-psychiatryczny-dzienny/",
    "h046": "http://sds.malawies.pl/index.php/o-nas/dzialalnosc/",
    "m079": "http://poradnia.dabrowa.pl/postanowienia-ogólne",
    "m082": "https://gckibgowarczow.pl/o-nas",
    "m085": "https://gminaulez.eu/?page_id=2961",
}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Gminne Centrum Kultury i Biblioteka w Gowarczowie jest samorządową instytucją "
            "kultury Gminy Gowarczów",
            ["Gminne Centrum Kultury i Biblioteka w Gowarczowie"],
        ),
        ("Gminny Ośrodek Kultury i Biblioteka w Ułężu",
         ["Gminny Ośrodek Kultury i Biblioteka w Ułężu"]),
        ("Szkoła Podstawowa i Biblioteka w Ułężu zapraszają",
         ["Szkoła Podstawowa", "Biblioteka w Ułężu"]),
        ("Gminny Ośrodek Kultury i Gminna Biblioteka Publiczna w Wildze zapraszają",
         ["Gminny Ośrodek Kultury", "Gminna Biblioteka Publiczna w Wildze"]),
    ],
    ids=["m082-centre-and-library", "m085-centre-and-library", "a-school-and-a-library",
         "a-centre-and-a-library-apart"],
)  # fmt: skip
def test_a_culture_centre_joined_to_its_library(line: str, expected: list[str]) -> None:
    assert [found.name for found in names_in(line, 0, complete=True)] == expected


H046 = (
    "Środowiskowy dom Samopomocy w Starych Święcicach jest jednostka organizacyjną Gminy Mała "
    "Wieś, finansowana ze środków na zadania zlecone z zakresu administracji rządowej, "
    "przekazywane przez Wojewodę Mazowieckiego.\n\n"
    "Celem ogólnym działalności Środowiskowego Domu Samopomocy w Starych Święcicach  jest "
    "świadczenie dziennych usług w zakresie wsparcia terapeutycznego  uczestników oraz ich "
    "rodzin.\n\n"
    "Środowiskowy Dom Samopomocy jest placówką wsparcia dziennego dla  30 osób  przewlekle "
    "psychicznie chorych i upośledzonych umysłowo. Dom typu AB.\n\n"
    "Środowiskowy Dom Samopomocy  Starych Święcicach czynny jest 5 dnia w tygodniu  "
    "(poniedziałek – piątek) w godzinach 8ºº- 16ºº."
)

A062 = (
    "Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży w Konstancinie-Jeziornie\n\n\n"
    "Od 1 marca 2020 roku Uzdrowisko Konstancin-Zdrój SA rozszerzyło swoją działalność o nową "
    "jednostkę medyczną - Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży.\n\n"
    "Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży udziela świadczeń z zakresu opieki "
    "dziennej psychiatrycznej, w tym diagnostyki, leczenia oraz rehabilitacji osób z "
    "zaburzeniami psychicznymi.\n\n"
    "Pacjentami oddziału są dzieci i młodzież w wieku 14-18 lat."
)

M082 = (
    "O nas\n\n"
    "Gminne Centrum Kultury i Biblioteka w Gowarczowie jest samorządową instytucją kultury "
    "Gminy Gowarczów\n\n"
    "Powstało dnia 01 kwietnia 2023 roku wyniku połączenia samorządowych instytucji kultury – "
    "Gminnej Biblioteki Publicznej w Gowarczowie i Centrum Kultury i Aktywności Lokalnej w "
    "Gowarczowie w nową samorządową instytucję kultury Gminne Centrum Kultury i Biblioteka w "
    "Gowarczowie.\n\n"
    "GCKiB w Gowarczowie prowadzi wielokierunkową działalność w dziedzinie rozwoju i "
    "upowszechniania kultury."
)

M079 = (
    "§1. Postanowienia ogólne\n\n"
    "1.Poradnia jest publiczną placówką oświatową z siedzibą w Dąbrowie Górniczej przy ul.3 "
    "Maja 22.\n\n"
    "2.Organem prowadzącym Poradnię Psychologiczno – Pedagogiczną w Dąbrowie Górniczej jest "
    "Miasto Dąbrowa Górnicza.\n\n"
    "7.Korzystanie z pomocy udzielonej przez Poradnię jest dobrowolne i nieodpłatne.\n\n"
    "11.Poradnia  używa tablicy: Poradnia Psychologiczno–Pedagogiczna w Dąbrowie Górnicze"
)


@pytest.mark.parametrize(
    ("doc_id", "text", "expected"),
    [
        ("h046", H046, "Środowiskowy Dom Samopomocy w Starych Święcicach"),
        ("a062", A062, "Uzdrowisko Konstancin-Zdrój SA"),
        ("m082", M082, "Gminne Centrum Kultury i Biblioteka w Gowarczowie"),
        ("m079", M079, "Poradnia Psychologiczno-Pedagogiczna w Dąbrowie Górniczej"),
    ],
    ids=["h046-the-form-with-its-seat", "a062-a-ward-on-its-body-s-site",
         "m082-centre-and-library", "m079-a-name-cut-by-the-excerpt-s-end"],
)  # fmt: skip
def test_the_page_s_own_institution(doc_id: str, text: str, expected: str) -> None:
    owner = find_page_owner(page_text_of_plain(text, URLS[doc_id]))
    assert owner is not None
    assert owner.name == expected
