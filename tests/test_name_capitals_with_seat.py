"""A name in capitals whose seat or small words are written as usual is written as a register
writes it (issue #15: names as an official register shows them).

A page's heading in capitals ("GMINNA BIBLIOTEKA PUBLICZNA", fresh page m052 of
`benchmarks/owner_fresh`, http://www.gbp.bieniow.pl/grabik,1,3,0.html) takes its seat from the
body's own address ("… w Bieniowie", `extractors/html_pages/owner_seat.py`); before this, the
name stayed half in capitals, since only a name wholly in capitals was re-cased. The other cases
are made-up guards, said to be so: acronyms keep their capitals, and a name with no word in
capitals is left as written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.text_page import owner_record
from transforms.names import normalise_name

FRESH = Path(__file__).resolve().parents[1] / "benchmarks" / "owner_fresh"


def test_a_heading_in_capitals_with_the_seat_of_its_address() -> None:
    with (FRESH / "index.csv").open(encoding="utf-8", newline="") as handle:
        url = next(row["url"] for row in csv.DictReader(handle) if row["id"] == "m052")
    page = page_text_of_plain((FRESH / "documents" / "m052.txt").read_text(encoding="utf-8"), url)
    owner = find_page_owner(page)
    assert owner is not None
    written = owner_record(page, owner).name_raw
    assert written == "GMINNA BIBLIOTEKA PUBLICZNA w Bieniowie"
    assert normalise_name(written).name == "Gminna Biblioteka Publiczna w Bieniowie"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
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
