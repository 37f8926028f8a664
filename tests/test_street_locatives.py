"""A street after "przy" (transforms/street_locatives.py), table-driven from the streets of the
homes the voivodeship lists in ../shared/data name only by their type (dps_wolne_miejsca_lodzkie,
dps_frekwencja_podkarpackie, dps_wolne_miejsca_malopolskie) — and the ones that stay None."""

from __future__ import annotations

import pytest

from transforms.street_locatives import street_after_przy


@pytest.mark.parametrize(
    ("street", "phrase"),
    [
        # an adjective agrees with "ulica": the feminine locative (official6/8 write "przy ul.
        # Rojnej 15", "przy ul. Spadkowej 4/6")
        ("ul. Rudzka 56", "przy ul. Rudzkiej 56"),
        ("ul. Spadkowa 4/6", "przy ul. Spadkowej 4/6"),
        ("ul. Rojna 15", "przy ul. Rojnej 15"),
        ("ul. Praska 27", "przy ul. Praskiej 27"),
        ("ul. Wiejska 55/61", "przy ul. Wiejskiej 55/61"),
        # a person's or a thing's name in the genitive stays as written
        ("ul. Sierakowskiego 65", "przy ul. Sierakowskiego 65"),
        ("ul. Sienkiewicza 211", "przy ul. Sienkiewicza 211"),
        ("ul. Kurasia 7", "przy ul. Kurasia 7"),
        ("ul. Kluzeka 6", "przy ul. Kluzeka 6"),  # a surname Morfeusz does not know
        ("ul. mjr H. M Sucharskiego 1", "przy ul. mjr H. M Sucharskiego 1"),
        ("ul. Jana Pawła II 37", "przy ul. Jana Pawła II 37"),
        ("pl. Mickiewicza 4", "przy pl. Mickiewicza 4"),
        # --- None: nothing to phrase, or a form that would be guessed ---
        ("Łąka 260", None),  # a village and its house number
        ("os. Przydział 5", None),  # a housing estate takes "na", not "przy"
        ("ul. Stara Droga 5", None),  # two words in the nominative
        ("ul. 3 Maja 5", None),  # a date's street: left to a person
    ],
)
def test_street_after_przy(street: str, phrase: str | None) -> None:
    assert street_after_przy(street) == phrase
