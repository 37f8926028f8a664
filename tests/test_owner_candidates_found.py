"""How the page's own institution is found among its names (issue 12, round 13).

Kinds of name the candidate reader did not read at all, or read cut short, each from a tune
document of the web corpus (`benchmarks/web_corpus`, the id in the case id), quoted as
`wsparcie extract` reads a plain page or a saved text file:

- a line the page goes on after is not cut off at its end: a name that ends with its patron
  ends there, though the patron's surname is no word the dictionary knows ("Ognisko
  Wychowawcze im. Matki Teresy Kierocińskiej", f035); the last line of a stored excerpt may
  still stop mid-word;
- kinds of body the type lexicon lacked: an "Ognisko Wychowawcze" (a day-support centre,
  f035), an "Uzdrowisko" (a spa company whose ward a page presents, a062);
- a name over two lines whose second opens with its own name in straight single quotes, its
  seat glued to what the page puts after it ("Stowarzyszenie Pomocy Dzieciom
  Niepełnosprawnym" / "'Krok za krokiem'w ZamościuKRS: 0000057364", e047).
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_candidates import headings, names_in, whole_name
from extractors.html_pages.page_owner import candidates_report, find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

F035_TITLE = "Ognisko Wychowawcze im. Matki Teresy Kierocińskiej"


@pytest.mark.parametrize(
    ("complete", "expected"),
    [(True, [F035_TITLE]), (False, [])],
    ids=["a-line-the-page-goes-on-after", "the-last-line-of-an-excerpt"],
)
def test_a_name_ending_with_its_patron(complete: bool, expected: list[str]) -> None:
    assert [found.name for found in names_in(F035_TITLE, 0, complete=complete)] == expected
    assert whole_name(F035_TITLE, complete=complete) == (expected[0] if expected else None)


F035 = (
    f"{F035_TITLE}\n\n"
    "Placówka wsparcia dziennego\n\n"
    "Ognisko Wychowawcze jest placówką opiekuńczo-wychowawczą, do której uczęszczają dzieci w "
    "wieku od 5 do 16 lat. Placówka działa przez cały rok, od poniedziałku do piątku w godz. od "
    "13:00 do 17:00.\n\n"
    "W czasie pobytu w Ognisku dzieci otrzymują codziennie ciepły posiłek.\n\n"
    "Nasze działania są wspierane przez Centrum Usług Społecznych w Toruniu oraz Urząd Miasta "
    "Torunia."
)
A062 = (
    "Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży w Konstancinie-Jeziornie\n\n"
    "Od 1 marca 2020 roku Uzdrowisko Konstancin-Zdrój SA rozszerzyło swoją działalność o nową "
    "jednostkę medyczną - Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży.\n\n"
    "Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży udziela świadczeń z zakresu opieki "
    "dziennej psychiatrycznej."
)
A062_URL = "https://uzdrowisko-konstancin.pl/szpital-sue-ryder/oddzial-psychiatryczny-dzienny/"


@pytest.mark.parametrize(
    ("text", "url", "name"),
    [
        (F035, "http://cp-caritas.pl/ognisko-wychowawcze.html", F035_TITLE),
        (A062, A062_URL, "Uzdrowisko Konstancin-Zdrój SA"),
    ],
    ids=["f035-ognisko", "a062-uzdrowisko"],
)
def test_kinds_of_body_the_lexicon_lacked_are_candidates(text: str, url: str, name: str) -> None:
    page = page_text_of_plain(text, url)
    assert name in [candidate for candidate, _, _ in candidates_report(page)]


def test_f035_the_day_centre_owns_its_page() -> None:
    owner = find_page_owner(
        page_text_of_plain(F035, "http://cp-caritas.pl/ognisko-wychowawcze.html")
    )
    assert owner is not None and owner.name == F035_TITLE


E047 = (
    "Stowarzyszenie Pomocy Dzieciom Niepełnosprawnym\n\n"
    "'Krok za krokiem'w ZamościuKRS: 0000057364\n\n"
    "CZCIONKA: Wersja Tekstowa:\n"
    "30 milowych kroków na 30 lat Stowarzyszenia „Krok za krokiem”\n\n"
    "Zapraszamy do podróży przez 30 lat „Krok za krokiem”!\n\n"
    "15 listopada 2020 roku obchodzić będziemy Jubileusz XXX-lecia Stowarzyszenia. Przez 30 lat "
    "pracy podjęliśmy wiele inicjatyw społecznych."
)
E047_URL = (
    "http://spdn.pl/30_milowych_krokow_na_30_lat_Stowarzyszenia_%E2%80%9EKrok_za_krokiem%E2%80%9D"
    ",a,699.html"
)
E047_NAME = "Stowarzyszenie Pomocy Dzieciom Niepełnosprawnym „Krok za krokiem” w Zamościu"


def test_e047_a_name_over_two_lines_with_its_own_name_in_single_quotes() -> None:
    page = page_text_of_plain(E047, E047_URL)
    assert [name for name, _ in headings(page)][:1] == [E047_NAME]
    owner = find_page_owner(page)
    assert owner is not None and owner.name == E047_NAME
