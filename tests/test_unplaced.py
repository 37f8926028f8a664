"""Institutions published without a gmina, each listed in the run report with why
(warehouse/unplaced.py).

A real warehouse (tests/directory_factory.py: the real normalise and match stages over the demo
gazetteer). The rows are shaped as the real catalogue's that stay unplaced: the
kujawsko-pomorskie list of homes gives a powiat and a name whose village the powiat holds in two
gminas ("Dom Pomocy Społecznej w Nowej Wsi", lipnowski: here Zagórze, which powiat skarżyski
holds in gminas Bliżyn and Łączna); a foundation's home page gives no place and its source no
powiat (html_fixtures/ngo/fundacjaagnieszka.pl.html); a page gives only its source's county.
"""

from __future__ import annotations

import pytest
from directory_factory import build_directory

from warehouse.unplaced import UnplacedLine, unplaced_institutions

HOMES_LIST = (
    "dps_lista",
    "2610",
    "spreadsheet",
    "Domy pomocy społecznej",
    "https://dps.example.pl",
)
NGO_PAGE = ("fundacja_page", "PL", "institution_page", "Fundacja", "https://fundacja.example.pl")
COUNTY_PAGE = ("poradnia_page", "2610", "institution_page", "Poradnia", "https://por.example.pl")


def _row(source: str, role: str, name: str) -> tuple[object, ...]:
    return (source, role, name, None, None, None, [], [], None, None, None, None, None, None)


EXTRA = [
    _row("dps_lista", "row", "Dom Pomocy Społecznej w Zagórzu"),
    _row("fundacja_page", "subject", "Fundacja Agnieszka"),
    _row("poradnia_page", "subject", "Katolicki Ośrodek Psychologiczno-Pastoralny „Cyrenejczyk”"),
]


@pytest.fixture(scope="module")
def unplaced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, UnplacedLine]:
    db = tmp_path_factory.mktemp("unplaced") / "w.duckdb"
    con = build_directory(db, EXTRA, [HOMES_LIST, NGO_PAGE, COUNTY_PAGE])
    lines = {line.name: line for line in unplaced_institutions(con)}
    con.close()
    return lines


@pytest.mark.parametrize(
    ("name", "powiat", "reason"),
    [
        pytest.param("Dom Pomocy Społecznej w Zagórzu", "2610",
                     "kilka miejscowości tej nazwy w różnych gminach powiatu", id="namesakes"),
        pytest.param("Fundacja Agnieszka", None, "żadnego miejsca ani powiatu", id="no-place"),
        pytest.param("Katolicki Ośrodek Psychologiczno-Pastoralny „Cyrenejczyk”", "2610",
                     "znany tylko powiat", id="county-only"),
    ],
)  # fmt: skip
def test_unplaced_institutions_are_listed_with_why(
    unplaced: dict[str, UnplacedLine], name: str, powiat: str | None, reason: str
) -> None:
    line = unplaced[name]
    assert (line.powiat_teryt, line.without_powiat) == (powiat, powiat is None)
    assert reason in line.reason
    # the factory's own institutions all have an address: none of them is listed
    assert set(unplaced) <= {row[2] for row in EXTRA}
