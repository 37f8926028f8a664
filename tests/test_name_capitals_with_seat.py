"""A name in capitals whose seat or small words are written as usual is written as a register
writes it (issue #15: names as an official register shows them).

A page's heading in capitals ("GMINNA BIBLIOTEKA PUBLICZNA", fresh page m052 of
`benchmarks/owner_fresh`) can meet a seat written as usual, when the owner's name takes the tail
the page writes elsewhere (`extractors/html_pages/owner_seat.py`); before this, such a name
stayed half in capitals, since only a name wholly in capitals was re-cased. The cases are
made-up guards in those forms, said to be so: acronyms keep their capitals, and a name with no
word in capitals is left as written.
"""

from __future__ import annotations

import pytest

from transforms.names import normalise_name


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param(
            "GMINNA BIBLIOTEKA PUBLICZNA w Bieniowie",
            "Gminna Biblioteka Publiczna w Bieniowie",
            id="made up from fresh m052's heading: capitals, the seat as usual",
        ),
        pytest.param(
            "MIEJSKI OŚRODEK POMOCY SPOŁECZNEJ w LUBINIE",
            "Miejski Ośrodek Pomocy Społecznej w Lubinie",
            id="made up: capitals, the preposition small",
        ),
        pytest.param(
            "ZESPÓŁ SZKÓŁ nr 2 w Rykach",
            "Zespół Szkół nr 2 w Rykach",
            id="made up: capitals, the number and the seat as usual",
        ),
        pytest.param("SP ZOZ w Łodzi", "SP ZOZ w Łodzi", id="made up: acronyms stay"),
        pytest.param("ABC DEF w Łodzi", "ABC DEF w Łodzi", id="made up: no word, only letters"),
        pytest.param(
            "Zespół Szkół nr 2 w Rykach", "Zespół Szkół nr 2 w Rykach", id="made up: as usual"
        ),
    ],
)
def test_capitals_with_small_words(written: str, expected: str) -> None:
    assert normalise_name(written).name == expected
