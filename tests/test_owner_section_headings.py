"""A section heading is not the page owner's name (issue #12, round 20d).

A heading of one section word and a body in the genitive ("Historia Poradni Psychologiczno-
Pedagogicznej w Żarach", "Organizacja Urzędu Gminy") heads a section of that body's page: it
names the body, in the nominative (`owner_candidates.whole_name`), not a body of its own.

"Organizacja" heads a body's name ("Światowa Organizacja Zdrowia") and a section of a body's
page on how the body is organised ("Organizacja Urzędu Gminy"). Opening a phrase right before
another body's head in the genitive singular, it names the section: the phrase is no body, and
the body it names in the genitive is read on its own (`extractors.mention_kinds.is_generic`).
Each case is a line of a fresh tuning page, quoted as the page writes it (the set and id in the
case id).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.html_pages.owner_candidates import whole_name
from extractors.html_pages.page_owner import candidates_report, find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.mentions import find_mentions

REPO = Path(__file__).resolve().parents[1]

SECTIONS = [
    # the section heading of a gmina office's BIP page; the office is in the genitive
    pytest.param("Organizacja Urzędu Gminy", "Urząd Gminy", ["Urząd Gminy"], id="owner_fresh-n059"),
    # a section heading of a police office's page with no body's head after it
    pytest.param("Organizacja Biura", None, [], id="owner_fresh-l070"),
    # an adjective before the genitive head: the body's name opens at the adjective, as before
    pytest.param(
        "Organizacja Specjalnego Ośrodka Szkolno – Wychowawczego w Ostrołęce",
        "Specjalny Ośrodek Szkolno-Wychowawczy w Ostrołęce",
        ["Specjalny Ośrodek Szkolno-Wychowawczy w Ostrołęce"],
        id="contacts_fresh-n009",
    ),
    # a body whose head is "Organizacja": a national adjective opens it, its complement is none
    pytest.param(
        "a według Światowej Organizacji Zdrowia (WHO) autyzm występuje u 1 na 100 dzieci",
        None,
        ["Światowa Organizacja Zdrowia", "WHO"],
        id="mention_docs-d15",
    ),
]


@pytest.mark.parametrize(("line", "heading_name", "mentions"), SECTIONS)
def test_a_section_heading_names_no_body(
    line: str, heading_name: str | None, mentions: list[str]
) -> None:
    assert whole_name(line, complete=True) == heading_name
    assert [m.nominative for m in find_mentions(line)] == mentions


# Section headings of the web corpus's tune half (the document id in the case id).
TUNE_HEADINGS = [
    pytest.param(
        "Historia Poradni Psychologiczno-Pedagogicznej w Żarach",
        "Poradnia Psychologiczno-Pedagogiczna w Żarach",
        id="j003",
    ),
    pytest.param(
        "Historia Poradni Psychologiczno-Pedagogicznej nr 2 w Białymstoku",
        "Poradnia Psychologiczno-Pedagogiczna nr 2 w Białymstoku",
        id="k019",
    ),
    pytest.param(
        "Historia Dziennego Domu Pomocy „Złoty Wiek”", "Dzienny Dom Pomocy „Złoty Wiek”", id="a064"
    ),
    pytest.param("Zadania MOPR-u", "MOPR", id="k028"),
    # a plural of a kind in lower case names no one body
    pytest.param("Organizacja ośrodków adopcyjnych", None, id="e040"),
    # a kind alone in the genitive names no one body either
    pytest.param("Historia Urzędu", None, id="f026"),
]


@pytest.mark.parametrize(("line", "expected"), TUNE_HEADINGS)
def test_a_section_heading_names_the_body_in_its_genitive(line: str, expected: str | None) -> None:
    assert whole_name(line, complete=True) == expected


# owner_fresh n059 (http://www.wizajny.biuletyn.net/?bip=2&cid=1015&id=212), its header and
# the opening of its main text
N059 = (
    "Herb podmiotu Biuletyn Informacji Publicznej Samorząd Gminy Wiżajny\n"
    "Menu góra\n"
    "Strona startowa Informacje Urząd Gminy Organizacja Urzędu Gminy\n\n"
    "Treść główna\n\n"
    "Organizacja Urzędu Gminy\n\n"
    "ZARZĄDZENIE NR 15/03 Wójta Gminy Wiżajny z dnia 22 maja 2003 roku w sprawie nadania "
    "Regulaminu Organizacyjnego Urzędu Gminy Wiżajny\n"
)


N059_URL = "http://www.wizajny.biuletyn.net/?bip=2&cid=1015&id=212"


def test_n059_the_section_heading_is_no_candidate() -> None:
    names = [candidate for candidate, _, _ in candidates_report(page_text_of_plain(N059, N059_URL))]
    assert names and "Organizacja Urzędu Gminy" not in names


def test_n059_the_office_owns_its_page() -> None:
    text = (REPO / "benchmarks/owner_fresh/documents/n059.txt").read_text(encoding="utf-8")
    owner = find_page_owner(page_text_of_plain(text, N059_URL))
    assert owner is not None and owner.name == "Urząd Gminy Wiżajny"
