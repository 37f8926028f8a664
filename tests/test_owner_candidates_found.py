"""How the page's own institution is found among its names (issue 12, round 13).

Kinds of name the candidate reader did not read at all, or read cut short, each from a tune
document of the web corpus (`benchmarks/web_corpus`, the id in the case id) or from a register
of `../shared/data`, quoted as `wsparcie extract` reads a plain page or a saved text file:

- a town named after its river keeps it ("w Nakle nad Notecią", "w Krościenku nad Dunajcem":
  the courts', sanepid's and OPS registers of `../shared/data`).
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_candidates import names_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sąd Rejonowy w Nakle nad Notecią informuje", "Sąd Rejonowy w Nakle nad Notecią"),
        (
            "Gminny Ośrodek Pomocy Społecznej w Krościenku nad Dunajcem",
            "Gminny Ośrodek Pomocy Społecznej w Krościenku nad Dunajcem",
        ),
        (
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Nakle nad Notecią",
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Nakle nad Notecią",
        ),
        # page furniture after a place is still no part of it
        ("Sąd Rejonowy w Kętrzynie PDF Drukuj", "Sąd Rejonowy w Kętrzynie"),
    ],
    ids=["court-register", "ops-register", "psse-register", "furniture"],
)
def test_a_place_keeps_its_river(text: str, expected: str) -> None:
    assert [found.name for found in names_in(text, 0)][:1] == [expected]
