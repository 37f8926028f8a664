"""Putting a page owner's name back together (extractors.html_pages.owner_name)."""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_name import (
    completed_name,
    join_compound_adjectives,
    names_another_institution,
    title_parts,
    written_name,
)
from transforms.names import site_owner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('Katolicki Osrodek Psychologiczno - Pastoralny "Cyrenejczyk"',
                     'Katolicki Osrodek Psychologiczno-Pastoralny "Cyrenejczyk"',
                     id="spaced-compound-joined"),
        pytest.param("Poradnia Psychologiczno – Pedagogiczna w Kutnie",
                     "Poradnia Psychologiczno-Pedagogiczna w Kutnie", id="en-dash"),
        # a town before a title separator: Morfeusz reads it as a noun
        pytest.param("Radomsko - Oficjalna strona", "Radomsko - Oficjalna strona",
                     id="town-then-separator-kept"),
        pytest.param("Aktualnosci - Strona glowna", "Aktualnosci - Strona glowna",
                     id="no-adjective-after-the-dash"),
        pytest.param("Szkola Podstawowa im. Stefana Zeromskiego - Dane szkoly",
                     "Szkola Podstawowa im. Stefana Zeromskiego - Dane szkoly",
                     id="patron-genitive-then-separator-kept"),
    ],
)  # fmt: skip
def test_join_compound_adjectives(text: str, expected: str) -> None:
    assert join_compound_adjectives(text) == expected


@pytest.mark.parametrize(
    ("name", "candidates", "expected"),
    [
        pytest.param("Powiatowy Urzad Pracy", ["PUP Milicz", "Powiatowy Urzad Pracy w Miliczu"],
                     "Powiatowy Urzad Pracy w Miliczu", id="place-from-a-line"),
        pytest.param("Specjalny Osrodek Szkolno-Wychowawczy im. Marii Grzegorzewskiej",
                     ["Specjalny Osrodek Szkolno-Wychowawczy im. Marii Grzegorzewskiej "
                      "w Niemiensku"],
                     "Specjalny Osrodek Szkolno-Wychowawczy im. Marii Grzegorzewskiej "
                     "w Niemiensku", id="place-from-the-title"),
        pytest.param("Przedszkole",
                     ['Przedszkole "Bajkowa Kraina" 2015 Designed By 2015 (c) Studio'],
                     'Przedszkole "Bajkowa Kraina"', id="quoted-own-name-from-a-footer"),
        # anything else after the name is another name, not the same one completed
        pytest.param("Szkola Podstawowa", ["Szkola Podstawowa nr 2 w Kielcach"],
                     "Szkola Podstawowa", id="a-numbered-school-is-another"),
        pytest.param("Urzad Gminy", ["Urzad Gminy i Miasta Sokolow w Sokolowie Podlaskim"],
                     "Urzad Gminy", id="other-words-before-the-place"),
        pytest.param("Powiatowy Urzad Pracy", [], "Powiatowy Urzad Pracy", id="no-candidates"),
    ],
)  # fmt: skip
def test_completed_name(name: str, candidates: list[str], expected: str) -> None:
    assert completed_name(name, candidates) == expected


@pytest.mark.parametrize(
    ("context", "owners", "foreign"),
    [
        pytest.param("Zarzad Powiatu w Chelmie zatwierdzil wybor Miejskiego Samodzielnego "
                     "Publicznego Zakladu Opieki Zdrowotnej, ", ["Powiat chelmski"], True,
                     id="a-hospital-on-a-powiat-page"),
        pytest.param("1. Operatorem Serwisu jest Szkola Jezykow Obcych FLOWER Marzena ",
                     ["Przedszkole"], True, id="the-site-operator"),
        pytest.param("Powiatowy Urzad Pracy w Miliczu ", ["Powiatowy Urzad Pracy"], False,
                     id="the-owner-by-its-name"),
        pytest.param("Urzad Gminy w Dmosinie ", ["Gmina Dmosin"], False,
                     id="the-owner-by-its-place"),
        pytest.param("Zaklad Opieki Zdrowotnej w Malechowie ", ["ZOZ Malechowo"], False,
                     id="the-owner-by-its-acronym"),
        pytest.param("Zapraszamy do siedziby przy ", ["Gmina Dmosin"], False,
                     id="no-institution-named"),
    ],
)  # fmt: skip
def test_names_another_institution(context: str, owners: list[str], foreign: bool) -> None:
    assert names_another_institution(context, owners) is foreign


@pytest.mark.parametrize(
    ("title", "owner"),
    [
        pytest.param("Portal Orzeczeń Sądu Rejonowego w Brzozowie", "Sąd Rejonowy w Brzozowie",
                     id="court-portal"),
        pytest.param("Serwis internetowy Urzędu Gminy Bliżyn", "Urząd Gminy Bliżyn",
                     id="office-site"),
        pytest.param("Powiatowe Centrum Pomocy Rodzinie w Piszu", None, id="not-a-site-title"),
    ],
)  # fmt: skip
def test_a_site_title_names_its_owner_in_the_nominative(title: str, owner: str | None) -> None:
    assert site_owner(title) == owner


def test_the_owner_read_from_a_site_title_is_written_back_as_the_title() -> None:
    titles = ["Portal Orzeczeń Sądu Rejonowego w Brzozowie - Strona główna"]
    parts = title_parts(titles)
    assert parts == ["Sąd Rejonowy w Brzozowie"]  # scored and compared as the owner's name
    assert written_name(parts[0], titles) == "Portal Orzeczeń Sądu Rejonowego w Brzozowie"
    assert written_name("Sąd Rejonowy w Piszu", titles) == "Sąd Rejonowy w Piszu"
