"""A title that names the page's body in another case, which the phrase reader does not read
(issue 12).

A page's title often names its body after a preposition or a noun, in the genitive or dative
("Warunki przyjęcia nieletniego do Młodzieżowego Ośrodka Wychowawczego Księży Orionistów"),
without the place the text gives it. When the name's words before its place stand in a row in
the title, lemma by lemma, the title names that body (`title mention`), as it does a name the
phrase reader finds there. A type name alone ("Ośrodek Interwencji Kryzysowej", what guides
write about) gets nothing from the title that way.

Every case quotes the lines it needs from a real document of the web corpus's tuning half
(`benchmarks/web_corpus`, the id in the case id), under the document's own address, as
`wsparcie extract` reads a plain page or a saved text file.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

B053_URL = "http://barskaorione.pl/warunki-przyjecia-do-mow/"
B053_BODY = (
    "Do Młodzieżowego Ośrodka Wychowawczego Księży Orionistów w Warszawie przy ul. Barskiej 4 "
    "przyjmowani są chłopcy w wieku 13-18 lat, wobec których Wydział Rodzinny i Nieletnich "
    "właściwego im Sądu Rejonowego orzekł zastosowanie środka wychowawczego, w postaci "
    "umieszczenia w placówce resocjalizacyjnej.\n\n"
    "Nieletni, wobec którego Wydział Rodzinny i Nieletnich Sądu Rejonowego zastosował środek "
    "wychowawczy w postaci umieszczenia w ośrodku wychowawczym, kierowany jest do MOW na "
    "podstawie wskazania wydanego przez System Kierowania Nieletnich działający w ramach "
    "Ośrodka Rozwoju Edukacji w Warszawie oraz na podstawie skierowania wydanego przez Wydział "
    "Edukacji Urzędu Miasta lub Starostwa Powiatowego właściwego ze względu na miejsce "
    "zamieszkania nieletniego.\n\n"
    "Wychowanek może zostać przyjęty do Młodzieżowego Ośrodka Wychowawczego Księży Orionistów "
    "po uprzednim zgromadzeniu przez placówkę następującej dokumentacji:\n\n"
    "  • Postanowienie (orzeczenie) Sądu Rejonowego – Wydziału Rodzinnego i Nieletnich o "
    "umieszczeniu nieletniego w Młodzieżowym Ośrodku Wychowawczym\n"
    "  • Wskazanie wydane przez System Kierowania Nieletnich działający w ramach Ośrodka "
    "Rozwoju Edukacji w Warszawie\n"
    "  • Opinia wydana przez Opiniodawczy Zespół Sądowych Specjalistów"
)

NAMED_IN_TITLE = [
    pytest.param(
        B053_URL,
        "Warunki przyjęcia nieletniego do Młodzieżowego Ośrodka Wychowawczego Księży "
        f"Orionistów\n\n{B053_BODY}",
        "Młodzieżowy Ośrodek Wychowawczy Księży Orionistów w Warszawie",
        id="b053-genitive-after-do-in-the-title-without-the-place",
    ),
    pytest.param(
        B053_URL,
        f"Warunki przyjęcia nieletniego\n\n{B053_BODY}",
        None,
        id="b053-the-same-lines-under-a-title-that-names-no-body",
    ),
    pytest.param(
        "http://www.dobra-rada.pl/czym-sie-zajmuje-osrodek-interwencji-kryzysowej_2649",
        "Czym się zajmuje Ośrodek Interwencji Kryzysowej?\n\n"
        "Ośrodek Interwencji Kryzysowej to placówka udzielająca pomocy osobom potrzebującym w "
        "trudnych chwilach życia kompleksowego wsparcia psychologicznego, prawnego i "
        "socjalnego.\n\n"
        "Ośrodek Interwencji Kryzysowej to miejsce, do którego mogą zgłosić się wszystkie osoby "
        "potrzebujące pomocy w trudnych sytuacjach życiowych.",
        None,
        id="a006-a type name in a guide's title names no body",
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), NAMED_IN_TITLE)
def test_a_title_naming_the_body_in_another_case(url: str, text: str, expected: str | None) -> None:
    owner = find_page_owner(page_text_of_plain(text, url))
    if expected is None:
        assert owner is None, owner
    else:
        assert owner is not None
        assert owner.name == expected, owner.evidence
        assert "title mention" in owner.evidence
