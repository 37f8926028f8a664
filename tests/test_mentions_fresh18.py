"""Round 17 of issue #12 (branch mentions18): names of other institutions in whole fresh
documents (`benchmarks/mention_docs/`, `e01`–`e26`: public pages on hosts the web corpus does
not hold; the document's id and address in each case id) that the mention records cut short,
gave the wrong reading, or did not read. Each case gives the text as the page writes it and the
names the records must give; the guards are what must not change.

- every kind alone of a list whose commas lead to "i" / "oraz" and a placed body sits where that
  body does ("…, Ośrodek Interwencji Kryzysowej, Powiatowe Centrum Pomocy Rodzinie, Poradnię …
  oraz Komendę Powiatową Policji w Biłgoraju");
- a school's Roman numeral before its acronym is the school's ("I LO w Stargardzie"), and "PSP"
  before a number is a public primary school, not the fire service;
- a place's later word is no noun outside the locative ("w Tarnobrzegu Porady pedagogiczne": a
  table's next column);
- a food bank is a body with its place or patron ("Banku Żywności im. Jacka Kuronia w
  Szczecinie", "Bankiem Żywności w Krakowie"); a bank alone, or an account's bank, is none;
- a name without the type's compound adjective, in the same place, is the longer name's body
  ("Ośrodka Pomocy Społecznej w Baranowie Sandomierskim" after "Miejsko – Gminny Ośrodek …").
"""

from __future__ import annotations

import pytest
from helpers import assert_names_read

from benchmarks.mention_lines import read_names

READ = [
    pytest.param(
        "Wydarzenie zorganizowane zostało przez Starostę Powiatowego, Ośrodek Interwencji"
        " Kryzysowej, Powiatowe Centrum Pomocy Rodzinie, Poradnię Psychologiczną Pedagogiczną"
        " oraz Komendę Powiatową Policji w Biłgoraju.",
        [
            "Ośrodek Interwencji Kryzysowej w Biłgoraju",
            "Powiatowe Centrum Pomocy Rodzinie w Biłgoraju",
            "Komenda Powiatowa Policji w Biłgoraju",
        ],
        id="e09 bilgoraj.policja.gov.pl/lbg/informacje/aktualnosci/117897",
    ),
    pytest.param(
        "Przy sklepie netto na ul. Piłsudskiego zbiórkę prowadzą sympatyczne uczennice I LO w"
        " Stargardzie, fot. Emilia Chanczewska",
        ["I Liceum Ogólnokształcące w Stargardzie"],
        id="e12 stargard.news/w-stargardzie-jest-przedswiateczna-zbiorka-zywnosci",
    ),
    pytest.param(
        "W programie festynu rodzinnego znalazły się m.in. występy dzieci z publicznych"
        " przedszkoli nr 24 i 26 oraz PSP nr 19 w Kędzierzynie-Koźlu.",
        ["Publiczna Szkoła Podstawowa nr 19 w Kędzierzynie-Koźlu"],
        id="e16 lokalna24.pl/artykul/11566,festyn-na-osiedlu-powstancow-slaskich",
    ),
    pytest.param(
        "1. Powiatowe Centrum Pomocy Rodzinie w Tarnobrzegu Porady pedagogiczne i psychologiczne"
        " dla rodziców zastępczych 39 – 400 Tarnobrzeg",
        ["Powiatowe Centrum Pomocy Rodzinie w Tarnobrzegu"],
        id="e26 gminagorzyce.pl/mieszkaniec/nieodplatna-pomoc-prawna",
    ),
    pytest.param(
        "Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Stalowej Woli i Kierownik Ośrodka"
        " Pomocy Społecznej w Nowej Wsi Ełckiej podpisali porozumienie.",
        [
            "Miejski Ośrodek Pomocy Społecznej w Stalowej Woli",
            "Ośrodek Pomocy Społecznej w Nowej Wsi Ełckiej",
        ],
        id="guard-towns whose later word is a noun in the locative",
    ),
]


READ += [
    pytest.param(
        "W piątek i w sobotę, 15-16 marca 2024 roku, pod stargardzkimi marketami prowadzona jest"
        " zbiórka trwałych artykułów spożywczych, do Banku Żywności im. Jacka Kuronia w"
        " Szczecinie.",
        ["Bank Żywności im. Jacka Kuronia w Szczecinie"],
        id="e12 stargard.news: a food bank with its patron and town",
    ),
    pytest.param(
        "Akcja koordynowana przez Stowarzyszenie Dobroczynne „Res Sacra Miser” w porozumieniu z"
        " Bankiem Żywności w Krakowie, cieszy się co roku ogromnym zainteresowaniem.",
        ["Bank Żywności w Krakowie"],
        id="e13 przeglad.olkuski.pl/podziel-si-witecznymi-zakupami",
    ),
]


@pytest.mark.parametrize(("text", "names"), READ)
def test_the_records_give_each_name(text: str, names: list[str]) -> None:
    assert_names_read(text, names)


NOT_READ = [
    pytest.param(
        "W programie festynu rodzinnego znalazły się m.in. występy dzieci z publicznych"
        " przedszkoli nr 24 i 26 oraz PSP nr 19 w Kędzierzynie-Koźlu.",
        "Państwowa Straż Pożarna",
        id="e16 lokalna24.pl: a numbered PSP is no fire brigade",
    ),
    pytest.param(
        "Na festynie byli strażacy z Komendy Powiatowej PSP w Opocznie oraz I LO.",
        "I Liceum",
        id="guard-a numbered school's acronym alone stays unread",
    ),
]


NOT_READ += [
    pytest.param(
        "Dzieci uczęszczające na świetlicę biorą udział w wielu aktywnościach, takich jak zbiórki"
        " żywności dla Banku Żywności, organizowanie własnych kiermaszy.",
        "Bank",
        id="f049 (tune): a food bank without its place is any of them",
    ),
    pytest.param(
        "Wpłaty prosimy kierować na rachunek w Banku Spółdzielczym w Dzierżoniowie.",
        "Bank",
        id="guard-an account's bank is no mention",
    ),
]


@pytest.mark.parametrize(("text", "part"), NOT_READ)
def test_no_record_holds(text: str, part: str) -> None:
    assert not any(part in name for name in read_names(text))


def test_a_shorter_name_in_the_same_place_folds_into_the_longer() -> None:
    """e26 gminagorzyce.pl/mieszkaniec/nieodplatna-pomoc-prawna: one body, one record."""
    text = (
        "4. Miejsko – Gminny Ośrodek Pomocy Społecznej w Baranowie Sandomierskim Pomoc osobom w"
        " trudnej sytuacji życiowej.\nops@baranowsandomierski.pl Osoby korzystające z pomocy"
        " Ośrodka Pomocy Społecznej w Baranowie Sandomierskim"
    )
    assert read_names(text) == [
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Baranowie Sandomierskim"
    ]


def test_another_kind_in_the_same_place_stays_apart() -> None:
    """Guard: a day-care home is not a fragment of the county's care home in the same town."""
    text = (
        "Dom Pomocy Społecznej w Kościanie i Powiatowy Środowiskowy Dom Samopomocy w Kościanie"
        " zorganizowały piknik."
    )
    read = read_names(text)
    assert "Dom Pomocy Społecznej w Kościanie" in read
    assert "Powiatowy Środowiskowy Dom Samopomocy w Kościanie" in read
