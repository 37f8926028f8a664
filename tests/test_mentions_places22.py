"""Round 20c of issue #12 (branch mentions22): mentions' places and numbers, from the tune half
of the web corpus (h021 kolskiefakty.pl, f013 ezary.pl) and `benchmarks/mention_docs/` (g02
miechowski.pl, g22 szkola-poznan.salezjanie.pl); the document's id and address
in each case id, the guards what must not change.

- "Kole" after "w" closing a name is the town Koło: the word of a group meeting inside a body
  ("koło", a circle) that the dictionary knows as a place too; words of units a body can sit in,
  though village names too ("w Szpitalu", "w Oddziale"), are no town;
- a roman numeral after "Nr" is the number in digits ("Zespół Szkół Nr I" is "Nr 1");
- a lower-case compound adjective that agrees with the noun before it stays in an NGO's name
  ("Stowarzyszenie Miłośników Kresów południowo–wschodnich");
"""

from __future__ import annotations

import pytest
from helpers import assert_names_read

from benchmarks.mention_lines import read_names
from extractors.mention_names_same import part_of
from extractors.mention_phrases import place_end
from extractors.mention_records import mention_records
from extractors.mention_text import tokens_of
from transforms.name_morphology import roman_value
from transforms.names import name_key

READ = [
    pytest.param(
        "W związku z okresem zimowym Miejski Ośrodek Pomocy Społecznej w Kole informuje o"
        " możliwych formach wsparcia dla osób znajdujących się w trudnej sytuacji życiowej:",
        ["Miejski Ośrodek Pomocy Społecznej w Kole"],
        id="h021 kolskiefakty.pl/aktualnosci/miejski-osrodek…: the town Koło",
    ),
    pytest.param(
        "Całodobowej, doraźnej pomocy w formie schronienia udziela Noclegownia w Kole, ul."
        " Sosnowa 1, tel. 507 072 338.",
        ["Noclegownia w Kole"],
        id="h021 kolskiefakty.pl: the town Koło before a street",
    ),
    pytest.param(
        "Paczki trafiły do Polaków mieszkających we Lwowie i na kresach południowo–wschodnich, w"
        " ramach współpracy ze Stowarzyszeniem Miłośników Kresów południowo–wschodnich.",
        ["Stowarzyszenie Miłośników Kresów południowo–wschodnich"],
        id="g22 szkola-poznan.salezjanie.pl/2013/01/12/wolontariat: a compound in lower case",
    ),
]


@pytest.mark.parametrize(("text", "names"), READ)
def test_the_records_give_each_name(text: str, names: list[str]) -> None:
    assert_names_read(text, names)


NOT_READ = [
    pytest.param(
        "Już 1 grudnia, w środę swoją pracę rozpoczyna Poradnia Psychologiczna w Szpitalu na"
        " Wyspie w Żarach.",
        "Poradnia Psychologiczna w Szpitalu",
        id="f013 ezary.pl/zary-pomoc-dla-dzieci-i-mlodziezy: a hospital's name, no village",
    ),
    pytest.param(
        "Stowarzyszenie Rodzin biało-czerwone flagi rozdało w szkole.",
        "Stowarzyszenie Rodzin biało-czerwone",
        id="guard: a compound that agrees with no noun before it",
    ),
]


@pytest.mark.parametrize(("text", "name"), NOT_READ)
def test_no_record_is(text: str, name: str) -> None:
    assert name not in read_names(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param("Noclegownia w Kole, ul. Sosnowa 1", "w Kole", id="h021: Koło"),
        pytest.param("źródło: UM w Kole", "w Kole", id="h021: Koło at the line's end"),
        pytest.param("Spotkanie w Kole Gospodyń Wiejskich", "", id="guard: a circle's name"),
        pytest.param("Punkt w Kole nr 2", "", id="guard: a numbered circle"),
        pytest.param("Lekarz w Oddziale Pediatrycznym", "", id="guard: a ward"),
        pytest.param("Pielęgniarka pracuje w Oddziale.", "", id="guard: the village Oddział"),
        pytest.param("Zajęcia odbywają się w Żłobku.", "", id="guard: the village Żłobek"),
        pytest.param("Poradnia w Szpitalu na Wyspie", "", id="guard f013: the village Szpital"),
    ],
)
def test_the_place_after_w(text: str, place: str) -> None:
    tokens = tokens_of(text, 0, len(text))
    at = [t.text for t in tokens].index("w")
    end = place_end(tokens, at)
    assert " ".join(t.text for t in tokens[at:end]) == place


def test_a_roman_number_is_the_same_school() -> None:
    # g02 miechowski.pl/2019/10/15/nagrody-starosty-miechowskiego…: the list's heading and the
    # starosta's words name one school
    text = (
        "Mówił także o oczekiwanej budowie łącznika w Zespole Szkół Nr I.\n"
        "Zespół Szkół Nr 1 w Miechowie:\n"
    )
    names = [r.name_raw for r in mention_records(text, article=True)]
    assert names == ["Zespół Szkół Nr 1 w Miechowie"]


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        pytest.param("Zespół Szkół Nr I", "Zespół Szkół Nr 1 w Miechowie", True, id="g02"),
        pytest.param("Zespół Szkół Nr II", "Zespół Szkół Nr 1 w Miechowie", False, id="guard"),
        pytest.param("Zespół Szkół Nr 12", "Zespół Szkół Nr XII w Krakowie", True, id="digits"),
    ],
)
def test_numbers_compare_by_value(short: str, long: str, same: bool) -> None:
    assert part_of(name_key(short), name_key(long)) is same


@pytest.mark.parametrize(
    ("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XII", 12), ("XL", 40), ("MCM", 1900)]
)
def test_roman_value(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value
