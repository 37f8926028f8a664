"""The name each institution is published under (warehouse/canonical_names.py), its alternate
names, and institutions only an acronym names: held back, asked about in the review queue
("Jak brzmi pełna nazwa?"), and named by the coordinator's answer on the next night.

A real warehouse (tests/directory_factory.py: the real normalise and match stages over the demo
gazetteer), a real publication and the review app over HTTP."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from directory_factory import build_directory
from fastapi.testclient import TestClient
from test_review_app import csrf_of, log_in, settings_for

from review.accounts import add_user
from review.app import create_app
from warehouse.db import connect
from warehouse.judgements import record_decision
from warehouse.publish import write_publication
from warehouse.review_queue import ReviewError
from warehouse.run_report import read_names
from warehouse.stages import match_and_build

REGISTRY = ("rejestr_sds", "2610", "registry", "Rejestr placówek — wykaz", "https://rej.example.pl")
COURT_PAGE = ("sr_page", "2610", "institution_page", "Portal orzeczeń", "https://sr.example.pl")
LIBRARY_PAGE = (
    "biblioteka_page",
    "2610",
    "institution_page",
    "Biblioteka",
    "https://bib.example.pl",
)
LIBRARY_SITE = (
    "biblioteka_blizyn", "2610", "institution_page", "Biblioteka w Bliżynie",
    "https://biblioteka.example.pl",
)  # fmt: skip
CULTURE_SITE = (
    "gok_blizyn", "2610", "institution_page", "Ośrodek Kultury", "https://gok.example.pl"
)  # fmt: skip
LIBRARY_LIST = (
    "biblioteki_lista", "2610", "institution_page", "Biblioteki gminy", "https://gmina.example.pl"
)  # fmt: skip


def _row(source: str, role: str, name: str, street: str | None, postal: str | None,
         locality: str | None, phone: str | None = None) -> tuple[object, ...]:  # fmt: skip
    return (source, role, name, street, postal, locality, [phone] if phone else [], [], None,
            None, None, None, None, None)  # fmt: skip


EXTRA = [
    # two houses only the acronym names, in one town, each on a housing estate (no street a
    # name can be given after "przy"): a seat name would fit both
    _row(
        "rejestr_sds", "row", "ŚDS", "os. Przydział 5", "26-110", "Skarżysko-Kamienna",
        "41 100 10 01",
    ),  # fmt: skip
    _row(
        "rejestr_sds",
        "row",
        "ŚDS",
        "os. Bór 9",
        "26-110",
        "Skarżysko-Kamienna",
        "41 100 10 02",
    ),
    # one in Bliżyn: the seat settles it
    _row("rejestr_sds", "row", "ŚDS", "ul. Kościuszki 1", "26-120", "Bliżyn", "41 100 10 03"),
    # an acronym and a place the gazetteer knows
    _row(
        "rejestr_sds",
        "row",
        "GOPS Bliżyn",
        "ul. Kościuszki 79a",
        "26-120",
        "Bliżyn",
        "41 100 10 04",
    ),
    # a folded court page and the registry's name of the same court
    _row(
        "sr_page", "subject", "Sad Rejonowy w Skarzysku-Kamiennej", None, None, None, "41 100 10 05"
    ),
    _row(
        "rejestr_sds",
        "row",
        "Sąd Rejonowy w Skarżysku-Kamiennej",
        "ul. Sądowa 1",
        "26-110",
        "Skarżysko-Kamienna",
        "41 100 10 05",
    ),  # fmt: skip
    # a type's register name with no seat: two homes in one town, one in Bliżyn
    _row("rejestr_sds", "row", "Dom Pomocy Społecznej", "ul. Sokola 7", "26-110",
         "Skarżysko-Kamienna", "41 100 10 06"),
    _row("rejestr_sds", "row", "Dom Pomocy Społecznej", "ul. Legionów 11", "26-110",
         "Skarżysko-Kamienna", "41 100 10 07"),
    _row("rejestr_sds", "row", "Dom Pomocy Społecznej", "ul. Kościuszki 3", "26-120", "Bliżyn",
         "41 100 10 08"),
    # A library's site titles it "Biblioteka w Sarnakach", the list of libraries on its pages
    # (and its rules) "Gminna Biblioteka Publiczna w Sarnakach" (html_fixtures/other_public,
    # biblioteka.sarnaki.pl; official2.csv): the same pair, in a town of the demo's gazetteer.
    _row("biblioteka_page", "subject", "Biblioteka w Suchedniowie", "ul. Bodzentyńska 9",
         "26-130", "Suchedniów", "41 100 10 09"),
    _row("biblioteki_lista", "row", "Gminna Biblioteka Publiczna w Suchedniowie",
         "ul. Bodzentyńska 9", "26-130", "Suchedniów", "41 100 10 09"),
    # The same with no list: only the site's own text names the library in full
    # (biblioteka.sarnaki.pl: title "Biblioteka w Sarnakach", its text "Gminna Biblioteka
    # Publiczna w Sarnakach", a mention of the page), in a town of the demo's gazetteer.
    _row("biblioteka_blizyn", "subject", "Biblioteka w Bliżynie", "ul. Kościuszki 7", "26-120",
         "Bliżyn", "41 100 10 10"),
    _row("biblioteka_blizyn", "mention", "Gminna Biblioteka Publiczna w Bliżynie", None, None,
         None),
    # A page whose text names another unit with more words than adjectives: not its own name
    _row("gok_blizyn", "subject", "Ośrodek Kultury w Bliżynie", "ul. Kościuszki 9", "26-120",
         "Bliżyn", "41 100 10 11"),
    _row("gok_blizyn", "mention", "Ośrodek Sportu i Kultury w Bliżynie", None, None, None),
    # A house and one of its branches, rows of one list with one phone, joined by the matcher
    # (placowki_sds_dps_malopolskie.csv ids 16 and 18: "Środowiskowy Dom Samopomocy Kraków
    # ""Vita"" os. Młodości 8" and "… ""Vita"" filia al. Grottgera 3"), in a town of the demo's
    # gazetteer: the house's name, not the branch's longer one.
    _row("rejestr_sds", "row", "Środowiskowy Dom Samopomocy Bliżyn „Vita”", "ul. Kościuszki 21",
         "26-120", "Bliżyn", "41 100 10 12"),
    _row("rejestr_sds", "row", "Środowiskowy Dom Samopomocy Bliżyn „Vita” filia",
         "ul. Kościuszki 21", "26-120", "Bliżyn", "41 100 10 12"),
]  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Building the directory takes a second or two: once per module, copied for each test.
    db = tmp_path_factory.mktemp("template") / "w.duckdb"
    build_directory(
        db, EXTRA, [REGISTRY, COURT_PAGE, LIBRARY_PAGE, LIBRARY_LIST, LIBRARY_SITE, CULTURE_SITE]
    ).close()
    return db


@pytest.fixture()
def warehouse(template: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    shutil.copyfile(template, tmp_path / "w.duckdb")
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def _names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT institution_id, name FROM institutions").fetchall())


def _alternates(con: duckdb.DuckDBPyConnection, name: str) -> set[str]:
    rows = con.execute(
        """
        SELECT a.name FROM institution_names AS a JOIN institutions AS i USING (institution_id)
        WHERE i.name = ? AND NOT a.is_canonical
        """,
        [name],
    ).fetchall()
    return {str(r[0]) for r in rows}


def test_names_are_chosen_and_written_out(warehouse: duckdb.DuckDBPyConnection) -> None:
    names = set(_names(warehouse).values())
    assert "Gminny Ośrodek Pomocy Społecznej w Bliżynie" in names
    assert "Środowiskowy Dom Samopomocy w Bliżynie" in names
    # the registry's Polish letters, not the folded page (which the matcher joined to it)
    assert "Sąd Rejonowy w Skarżysku-Kamiennej" in names
    assert not any(n.startswith(("Sad ", "ŚDS", "GOPS")) for n in names)
    assert _alternates(warehouse, "Gminny Ośrodek Pomocy Społecznej w Bliżynie") == {"GOPS Bliżyn"}
    assert _alternates(warehouse, "Środowiskowy Dom Samopomocy w Bliżynie") == {"ŚDS"}
    # a folded spelling of the same name is no other name
    assert _alternates(warehouse, "Sąd Rejonowy w Skarżysku-Kamiennej") == set()
    forms = dict(
        warehouse.execute(
            "SELECT name, name_form FROM institution_names WHERE is_canonical"
        ).fetchall()
    )
    assert forms["Środowiskowy Dom Samopomocy w Bliżynie"] == "expanded_seat"
    # the factory's own page writes the GOPS out in full: as written beats written out
    assert forms["Gminny Ośrodek Pomocy Społecznej w Bliżynie"] == "written"
    assert forms["Sąd Rejonowy w Skarżysku-Kamiennej"] == "written"


def test_acronym_only_institutions_are_held_back_and_asked_about(
    warehouse: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    held = warehouse.execute(
        "SELECT institution_id, name, locality, reason FROM unnamed_institutions ORDER BY 1"
    ).fetchall()
    assert [(h[1], h[2]) for h in held] == [("ŚDS", "Skarżysko-Kamienna")] * 2
    assert all("innej instytucji" in h[3] for h in held)
    held_ids = {h[0] for h in held}
    assert not held_ids & set(_names(warehouse))  # out of the directory …
    publication = write_publication(warehouse, tmp_path / "out", snapshot=False)
    with (publication.path / "instytucje.csv").open(encoding="utf-8") as handle:
        published = list(csv.DictReader(handle))
    assert not held_ids & {r["institution_id"] for r in published}  # … and the publication
    assert not any(r["name"] == "ŚDS" for r in published)
    gops = next(r for r in published if r["name"].startswith("Gminny Ośrodek Pomocy"))
    assert gops["alternate_names"] == "GOPS Bliżyn"
    organizations = json.loads((publication.path / "hsds" / "organizations.json").read_text())
    assert any(o.get("alternate_name") == "GOPS Bliżyn" for o in organizations)
    page = next(publication.path.glob("powiaty/2610_*/index.html")).read_text(encoding="utf-8")
    assert "gops blizyn" in page  # the county page's search knows the acronym form
    cases = warehouse.execute(
        "SELECT institution_id, \"values\" FROM review_cases WHERE kind = 'acronym_name'"
    ).fetchall()
    assert {c[0] for c in cases} == held_ids
    assert all(json.loads(c[1])[0][0] == "ŚDS" for c in cases)
    names = read_names(warehouse)
    assert {line.institution_id for line in names.withheld} == held_ids


def test_the_coordinators_name_wins_on_later_nights(warehouse: duckdb.DuckDBPyConnection) -> None:
    case_id, institution_id = warehouse.execute(
        "SELECT case_id, institution_id FROM review_cases WHERE kind = 'acronym_name'"
        " ORDER BY institution_id LIMIT 1"
    ).fetchone() or ("", "")
    with pytest.raises(ReviewError):
        record_decision(warehouse, case_id, "full_name", "ola", chosen_value="ŚDS")
    record_decision(
        warehouse,
        case_id,
        "full_name",
        "ola",
        chosen_value="Środowiskowy Dom Samopomocy  „Pod Dębem” w Skarżysku-Kamiennej",
    )
    for night in ("night-2", "night-3"):
        match_and_build(warehouse, night)
        assert _names(warehouse)[institution_id] == (
            "Środowiskowy Dom Samopomocy „Pod Dębem” w Skarżysku-Kamiennej"
        )
    assert _alternates(
        warehouse, "Środowiskowy Dom Samopomocy „Pod Dębem” w Skarżysku-Kamiennej"
    ) >= {"ŚDS"}
    status = warehouse.execute("SELECT status FROM review_cases WHERE case_id = ?", [case_id])
    assert status.fetchone() == ("decided",)
    assert warehouse.execute("SELECT count(*) FROM unnamed_institutions").fetchone() == (1,)


def test_the_review_app_asks_for_the_full_name(
    warehouse: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    add_user(warehouse, "ola", "bezpieczne-hasło-1", ["2610"])
    case_id = str(
        (warehouse.execute("SELECT min(case_id) FROM review_cases WHERE kind = 'acronym_name'")
         .fetchone() or [""])[0]
    )  # fmt: skip
    db = Path(
        warehouse.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone()[0]
    )  # type: ignore[index]  # noqa: E501
    warehouse.close()
    with TestClient(create_app(settings_for(db)), follow_redirects=False) as client:
        assert log_in(client, "ola") == 303
        assert "pełna nazwa" in client.get("/kolejka").text
        page = client.get(f"/sprawa/{case_id}")
        assert page.status_code == 200
        assert "Jak brzmi pełna nazwa?" in page.text and "„ŚDS”" in page.text
        token = csrf_of(page.text)
        empty = client.post(f"/sprawa/{case_id}", data={"verdict": "full_name", "csrf": token})
        assert empty.status_code == 400 and "Wpisz pełną nazwę" in empty.text
        saved = client.post(
            f"/sprawa/{case_id}",
            data={
                "verdict": "full_name",
                "wartosc": "Środowiskowy Dom Samopomocy przy ul. Sokolej",
                "csrf": token,
            },
        )
        assert saved.status_code == 303
        assert (
            "Środowiskowy Dom Samopomocy przy ul. Sokolej" in client.get(f"/sprawa/{case_id}").text
        )
    with duckdb.connect(str(db)) as con:
        assert con.execute(
            "SELECT verdict, chosen_value FROM review_decisions WHERE case_id = ?", [case_id]
        ).fetchall() == [("full_name", "Środowiskowy Dom Samopomocy przy ul. Sokolej")]


def test_a_seat_from_the_address_names_one_institution_only(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = warehouse.execute(
        """
        SELECT n.name, n.name_form, i.institution_id FROM institution_names AS n
        JOIN institutions AS i USING (institution_id)
        WHERE n.is_canonical AND n.name LIKE 'Dom Pomocy Społecznej%'
        ORDER BY n.name
        """
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("Dom Pomocy Społecznej w Bliżynie", "styled_seat"),
        # "… w Skarżysku-Kamiennej" would fit both homes there: each is named by its street too
        ("Dom Pomocy Społecznej w Skarżysku-Kamiennej przy ul. Legionów 11", "styled_seat"),
        ("Dom Pomocy Społecznej w Skarżysku-Kamiennej przy ul. Sokolej 7", "styled_seat"),
    ]
    # the form as written stays an alternate name of the one in Bliżyn, and no other institution
    # has the seat's name as an alternate
    assert _alternates(warehouse, "Dom Pomocy Społecznej w Bliżynie") == {"Dom Pomocy Społecznej"}
    others = warehouse.execute(
        "SELECT count(*) FROM institution_names WHERE name = 'Dom Pomocy Społecznej w Skarżysku-"
        "Kamiennej'"
    ).fetchone()
    assert others == (0,)


def _court_type(con: duckdb.DuckDBPyConnection, types: dict[str, str]) -> str:
    """Both court records written alike and given `types` by record id, then matched again.

    They share a REGON and a NIP too, so that they stay one institution whatever their types
    (two types alone keep two records apart).
    """
    for record_id, type_code in types.items():
        con.execute(
            "UPDATE records SET name = 'Sąd Rejonowy w Skarżysku-Kamiennej', role = 'row',"
            " type_code = ?, regon = '123456785', nip = '5261040828' WHERE record_id = ?",
            [type_code, record_id],
        )
    match_and_build(con, "again")
    rows = con.execute(
        """
        SELECT DISTINCT i.type_code FROM institutions AS i
        JOIN institution_records AS m USING (institution_id)
        WHERE m.record_id IN (SELECT unnest(?))
        """,
        [list(types)],
    ).fetchall()
    assert len(rows) == 1, f"the two records are not one institution: {rows}"
    return str(rows[0][0])


def test_a_tie_between_types_is_settled_by_record_id(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    # Two lists writing one name, one typed "dps", the other "care_home", published the one or
    # the other from run to run (the real catalogue's Kupienin home; a small warehouse keeps
    # its rows in order, so the flip itself does not show here): the rule is that the tie goes
    # to the smaller record id, whichever type it holds.
    first, second = sorted(
        str(r[0])
        for r in warehouse.execute(
            "SELECT record_id FROM records WHERE name LIKE 'S_d Rejonowy w Skar%'"
        ).fetchall()
    )
    assert _court_type(warehouse, {first: "dps", second: "care_home"}) == "dps"
    assert _court_type(warehouse, {first: "care_home", second: "dps"}) == "care_home"


def test_a_fuller_name_a_source_wrote_wins(warehouse: duckdb.DuckDBPyConnection) -> None:
    # The site's own title would win (its own page before another page's list row), but every
    # word of it is in the list's name, in order, which says more ("Gminna … Publiczna").
    names = set(_names(warehouse).values())
    assert "Gminna Biblioteka Publiczna w Suchedniowie" in names
    assert "Biblioteka w Suchedniowie" not in names
    assert _alternates(warehouse, "Gminna Biblioteka Publiczna w Suchedniowie") == {
        "Biblioteka w Suchedniowie"
    }


def test_a_page_named_in_full_by_its_own_text(warehouse: duckdb.DuckDBPyConnection) -> None:
    names = set(_names(warehouse).values())
    assert "Gminna Biblioteka Publiczna w Bliżynie" in names
    assert "Biblioteka w Bliżynie" not in names
    assert _alternates(warehouse, "Gminna Biblioteka Publiczna w Bliżynie") >= {
        "Biblioteka w Bliżynie"
    }
    # "Sportu i" are no adjectives: the culture centre keeps its own title
    assert "Ośrodek Kultury w Bliżynie" in names


def test_a_house_is_named_before_its_branch(warehouse: duckdb.DuckDBPyConnection) -> None:
    names = set(_names(warehouse).values())
    assert "Środowiskowy Dom Samopomocy „Vita” w Bliżynie" in names
    assert "Środowiskowy Dom Samopomocy Bliżyn „Vita” filia" not in names
    assert "Środowiskowy Dom Samopomocy Bliżyn „Vita” filia" in _alternates(
        warehouse, "Środowiskowy Dom Samopomocy „Vita” w Bliżynie"
    )
