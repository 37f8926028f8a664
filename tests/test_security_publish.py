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


# --- 3. personal data in the open data and the snapshot ---------------------------------------

PRACTICE = "Gabinet Psychologiczny Anna Nowak"
PERSONAL = ("anowak@gmail.com", "kowalska.maria@wp.pl", "+48601234567")
PRACTICE_ROW = (
    "skarzyski_baza",
    "row",
    PRACTICE,
    "ul. Zielona 3",
    "26-110",
    "Skarżysko-Kamienna",
    ["601 234 567"],
    ["anowak@gmail.com", "kowalska.maria@wp.pl"],
    None,
    None,
    None,
    None,
    "terapia dzieci i młodzieży",
    None,
)
# An association without NIP, REGON, KRS or RSPO whose free mailbox says whose it is, and one
# with an anonymous free mailbox, which might be anyone's.
NGO_ROW = (
    "skarzyski_baza",
    "row",
    "Stowarzyszenie Przyjaciół Dzieci Promień w Skarżysku-Kamiennej",
    "ul. Leśna 4",
    "26-110",
    "Skarżysko-Kamienna",
    ["41 253 11 11"],
    ["stowarzyszenie.promien@gmail.com", "ewa1975@o2.pl"],
    None,
    None,
    None,
    None,
    None,
    None,
)
SHOP_ROW = (
    "piski_adresy",
    "row",
    "Sklep Spożywczy Groszek",
    "ul. Rynek 2",
    "12-200",
    "Pisz",
    ["87 423 99 99"],
    [],
    None,
    None,
    None,
    None,
    None,
    None,
)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, duckdb.DuckDBPyConnection]:
    root = tmp_path_factory.mktemp("personal")
    con = build_directory(root / "w.duckdb", [PRACTICE_ROW, NGO_ROW, SHOP_ROW])
    return root, con


def published_text(publication: Publication) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8-sig")
        for p in sorted(publication.path.rglob("*"))
        if p.suffix in (".csv", ".json", ".html", ".txt")
    )


def parquet_text(publication: Publication) -> str:
    with duckdb.connect() as con:
        return "\n".join(
            str(con.execute(f"SELECT * FROM read_parquet('{p}')").fetchall())
            for p in sorted((publication.path / "parquet").glob("*.parquet"))
        )


def test_a_practice_named_after_a_person_and_its_mailboxes_are_not_published(
    planted: tuple[Path, duckdb.DuckDBPyConnection],
) -> None:
    root, con = planted
    publication = write_publication(con, root / "out")
    text = published_text(publication) + parquet_text(publication)
    for value in (PRACTICE, "Anna Nowak", *PERSONAL):
        assert value not in text, value
    assert "ewa1975@o2.pl" not in text  # anonymous free mailbox, no identifier
    # what stays: the institutions and their own mailboxes
    assert "stowarzyszenie.promien@gmail.com" in text
    assert "sekretariat@pcpr.example.pl" in text and "ul. Leśna 4" in text


def test_the_snapshot_gets_the_same_filter(planted: tuple[Path, duckdb.DuckDBPyConnection]) -> None:
    root, con = planted
    record = con.execute("SELECT record_id FROM records WHERE name = ?", [PRACTICE]).fetchone()
    assert record is not None
    con.execute(
        "INSERT INTO review_cases (case_id, kind, powiat_teryt, record_a, priority, status,"
        " created_run_id, updated_run_id, counties) VALUES ('c_x', 'not_institution', '2610', ?,"
        " 1, 'decided', 'r', 'r', ['2610'])",
        [record[0]],
    )
    con.execute(
        "INSERT INTO review_decisions (decision_id, case_id, kind, record_a, verdict, comment,"
        " login, decided_at) VALUES ('d_x', 'c_other', 'pair', 'a', 'unsure',"
        " 'zadzwonić do p. Anny Nowak, tel. 601 234 567', 'ola', now()),"
        " ('d_y', 'c_other', 'pair', 'a', 'unsure', 'sprawdzone w BIP 2026-12-04', 'ola', now())"
    )
    publication = write_publication(con, root / "out-snapshot")
    assert publication.snapshot is not None
    with duckdb.connect(str(publication.snapshot), read_only=True) as snap:
        dump = "\n".join(
            str(snap.execute(f'SELECT * FROM "{t}"').fetchall())
            for (t,) in snap.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
            ).fetchall()
        )
        comments = snap.execute(
            "SELECT decision_id, comment FROM review_decisions WHERE case_id = 'c_other' ORDER BY 1"
        )
        assert comments.fetchall() == [("d_x", None), ("d_y", "sprawdzone w BIP 2026-12-04")]
        assert snap.execute(
            "SELECT count(*) FROM review_cases WHERE case_id = 'c_x'"
        ).fetchone() == (0,)
    for value in (PRACTICE, "Anna Nowak", "Anny Nowak", "anowak@gmail.com", "kowalska.maria@wp.pl"):
        assert value not in dump, value
    assert "ewa1975@o2.pl" not in dump
    assert "stowarzyszenie.promien@gmail.com" in dump  # the institution's own, kept


def test_a_record_typed_other_waits_for_a_coordinator(
    planted: tuple[Path, duckdb.DuckDBPyConnection],
) -> None:
    from warehouse.judgements import record_decision
    from warehouse.review_queue import not_institution_cases, upsert_cases

    root, con = planted
    shop = con.execute(
        "SELECT r.record_id, r.type_code FROM records AS r WHERE r.name = 'Sklep Spożywczy Groszek'"
    ).fetchone()
    assert shop is not None and shop[1] == "other"
    first = write_publication(con, root / "out-other")
    assert "Groszek" not in published_text(first)
    upsert_cases(con, "run-other", not_institution_cases(con))
    case = [c for c in not_institution_cases(con) if c.record_a == shop[0]][0]
    record_decision(con, case.case_id, "is_institution", "jan")
    second = write_publication(con, root / "out-other")
    assert "Sklep Spożywczy Groszek" in published_text(second)
