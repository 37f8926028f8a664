"""Attacks through the open data (issue 14): values planted on a scraped page that a
spreadsheet would run as formulas, and personal data that must not be published. A real
warehouse (tests/directory_factory.py: records through the real normalise and match stages)
and a real publication on disk.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from directory_factory import build_directory

from warehouse.publish import Publication, write_publication

FORMULA_STREET = "=1+2 ul. Przykładowa 22"
FORMULA_HOURS = "@SUMA(1;2) pon.–pt. 8–16"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Planted on a county page: formulas where a street and opening hours belong.
FORMULA_ROW = (
    "skarzyski_baza",
    "row",
    "Świetlica Środowiskowa Promyk w Skarżysku-Kamiennej",
    FORMULA_STREET,
    "26-110",
    "Skarżysko-Kamienna",
    ["41 253 40 40"],
    ["swietlica@promyk.example.pl"],
    None,
    None,
    None,
    FORMULA_HOURS,
    "zajęcia opiekuńcze dla dzieci",
    None,
)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Publication:
    root = tmp_path_factory.mktemp("formulas")
    con = build_directory(root / "w.duckdb", [FORMULA_ROW])
    try:
        return write_publication(con, root / "out")
    finally:
        con.close()


def rows(path: Path, delimiter: str, encoding: str) -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def excel_cells(publication: Publication) -> list[tuple[str, str]]:
    found = []
    for path in sorted((publication.path / "excel").rglob("*.csv")):
        for row in rows(path, ";", "utf-8-sig")[1:]:
            found += [(path.relative_to(publication.path).as_posix(), cell) for cell in row]
    return found


# --- 4. formula injection ---------------------------------------------------------------------


def test_no_excel_cell_starts_like_a_formula(published: Publication) -> None:
    cells = excel_cells(published)
    assert any(FORMULA_STREET in cell for _path, cell in cells), "the planted row is published"
    dangerous = [
        (path, cell)
        for path, cell in cells
        if cell.startswith(TRIGGERS) and not _is_phone_list(cell)
    ]
    assert dangerous == []
    assert ("excel/instytucje.csv", "'" + FORMULA_STREET) in cells
    assert ("excel/kontakty.csv", "'" + FORMULA_HOURS) in cells


def _is_phone_list(cell: str) -> bool:
    """Phones in E.164 ("+48412510001; +48..."): digits after a plus, which a spreadsheet
    reads as a number at worst; they keep their plus."""
    return all(p.startswith("+") and p[1:].isdigit() for p in cell.split("; "))


def test_phones_keep_their_plus_in_the_excel_copy(published: Publication) -> None:
    phones = [c for p, c in excel_cells(published) if p == "excel/kontakty.csv" and "+48" in c]
    assert phones and all(c.startswith("+48") for c in phones)


def test_the_machine_readable_files_keep_values_exact(published: Publication) -> None:
    national = rows(published.path / "instytucje.csv", ",", "utf-8")
    streets = {row[national[0].index("street")] for row in national[1:]}
    assert FORMULA_STREET in streets
    contacts = rows(published.path / "kontakty.csv", ",", "utf-8")
    assert FORMULA_HOURS in {row[2] for row in contacts[1:]}
    parquet = published.path / "parquet" / "instytucje.parquet"
    with duckdb.connect() as con:
        found = con.execute(
            f"SELECT count(*) FROM read_parquet('{parquet}') WHERE street = ?", [FORMULA_STREET]
        ).fetchone()
    assert found == (1,)


def test_the_data_package_says_which_files_are_neutralised(published: Publication) -> None:
    import json

    package = json.loads((published.path / "datapackage.json").read_text(encoding="utf-8"))
    assert "'" in package["description"] and "excel/" in package["description"]
