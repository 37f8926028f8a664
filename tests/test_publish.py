"""The open-data publication on a small real warehouse: files, order, Frictionless validity,
Excel and Parquet variants, determinism, the personal-data guard and the atomic swap."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from directory_factory import STAFF_NAME, build_directory  # tests/ helper module

from warehouse import datapackage as dp
from warehouse.personal_data import find_people
from warehouse.publish import (
    SNAPSHOT_NAME,
    Publication,
    PublishError,
    check_parquet,
    check_personal_data,
    check_publication,
    write_publication,
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = build_directory(tmp_path_factory.mktemp("wh") / "w.duckdb")
    yield con
    con.close()


@pytest.fixture(scope="module")
def published(
    warehouse: duckdb.DuckDBPyConnection, tmp_path_factory: pytest.TempPathFactory
) -> Publication:
    return write_publication(warehouse, tmp_path_factory.mktemp("out"), notice="DANE TESTOWE")


def read_csv(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_national_county_sector_and_variant_files(published: Publication) -> None:
    root = published.path
    assert published.institutions == 8
    for name in (
        "instytucje.csv",
        "uslugi.csv",
        "kontakty.csv",
        "uslugi_wg_powiatu_i_sektora.csv",
        "pokrycie_ustawowe.csv",
        "powiaty/2610_skarzyski/instytucje.csv",
        "powiaty/2816_piski/instytucje.csv",
        "powiaty/2610_skarzyski/index.html",
        "sektory/social_assistance.csv",
        "excel/powiaty/2610_skarzyski/instytucje.csv",
        "parquet/instytucje.parquet",
        "hsds/organizations.json",
        "pokrycie.html",
        "UWAGA.txt",
        "datapackage.json",
    ):
        assert (root / name).is_file(), name
    assert set(published.files) == set(tree(root)), "Publication.files lists every file"
    assert published.snapshot == root.parent / SNAPSHOT_NAME


def test_documented_header_and_stable_row_order(published: Publication) -> None:
    rows = read_csv(published.path / "instytucje.csv")
    assert tuple(rows[0]) == dp.INSTITUTIONS.names
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    keys = [(r["powiat_teryt"], r["sector"], r["name"], r["institution_id"]) for r in body]
    assert keys == sorted(keys)
    assert all(r["first_seen"] == "2026-03-02" for r in body), "ISO dates from the data"
    pcpr = next(r for r in body if r["name"].startswith("Powiatowe Centrum Pomocy Rodzinie w S"))
    assert pcpr["phones"] == "+48412510001"
    assert pcpr["nip"] == "6631867639"
    assert pcpr["type_label"] == "powiatowe centrum pomocy rodzinie"
    county = read_csv(published.path / "powiaty/2610_skarzyski/instytucje.csv")
    assert {r[7] for r in county[1:]} == {"2610"} and len(county) == 1 + 6


def test_package_passes_frictionless_validate_with_foreign_keys(published: Publication) -> None:
    assert dp.validate_package(published.path / "datapackage.json") == []
    package = json.loads((published.path / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in package["resources"]}
    assert described == set(published.files) - {"datapackage.json"}, "every file is described"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    titles = {s["title"]: s.get("path") for s in package["sources"]}
    assert titles["PCPR Skarżysko-Kamienna — dane (PCPR Skarżysko-Kamienna)"] == (
        "https://pcpr.example.pl/dane"
    )
    assert package["data_as_of"] == "2026-03-02"
    national = next(r for r in package["resources"] if r["path"] == "instytucje.csv")
    assert national["schema"]["primaryKey"] == ["institution_id"]
    assert [f["name"] for f in national["schema"]["fields"]] == list(dp.INSTITUTIONS.names)
    county = next(
        r for r in package["resources"] if r["path"] == "powiaty/2610_skarzyski/instytucje.csv"
    )
    assert county["schema"]["foreignKeys"][0]["reference"]["resource"] == national["name"]


def test_frictionless_catches_a_tampered_file(published: Publication, tmp_path: Path) -> None:
    """The validation the tests rely on can fail: a changed cell breaks the hash and the type."""
    package = json.loads((published.path / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["path"] == "pokrycie_ustawowe.csv"]
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    text = (published.path / "pokrycie_ustawowe.csv").read_text(encoding="utf-8")
    (tmp_path / "pokrycie_ustawowe.csv").write_text(
        text.replace(",false,", ",maybe,", 1), encoding="utf-8"
    )
    problems = dp.validate_package(tmp_path / "datapackage.json")
    assert any("hash" in p for p in problems) and any("boolean" in p for p in problems)


def test_excel_variant_has_bom_semicolons_crlf_and_polish_headers(published: Publication) -> None:
    raw = (published.path / "excel/instytucje.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = read_csv(published.path / "excel/instytucje.csv", ";", "utf-8-sig")
    assert rows[0][:3] == ["Identyfikator", "Nazwa", "Skrót"]
    assert len(rows) == len(read_csv(published.path / "instytucje.csv"))
    services = {r[1]: r[rows[0].index("Usługi")] for r in rows[1:]}
    assert "poradnictwo" in services["Poradnia Psychologiczno-Pedagogiczna w Skarżysku-Kamiennej"]
    coverage = read_csv(published.path / "excel/pokrycie_ustawowe.csv", ";", "utf-8-sig")
    assert {r[coverage[0].index("Brak")] for r in coverage[1:]} == {"tak", "nie"}


def test_parquet_holds_the_csv_rows(
    published: Publication, warehouse: duckdb.DuckDBPyConnection
) -> None:
    parquet = (published.path / "parquet/instytucje.parquet").as_posix()
    ids = warehouse.execute(f"SELECT institution_id FROM read_parquet('{parquet}')").fetchall()
    assert [r[0] for r in ids] == [r[0] for r in read_csv(published.path / "instytucje.csv")[1:]]
    kinds = warehouse.execute(
        f"SELECT typeof(first_seen) FROM read_parquet('{parquet}') LIMIT 1"
    ).fetchone()
    assert kinds == ("DATE",)


def test_staff_names_never_reach_the_published_files(published: Publication) -> None:
    for name, data in tree(published.path).items():
        if name.endswith((".csv", ".json", ".html", ".txt")):
            text = data.decode("utf-8-sig")
            assert STAFF_NAME not in text, name
            assert "Anna Nowak" not in text and "jan.kowalski@" not in text, name
    contacts = read_csv(published.path / "kontakty.csv")
    assert ["email", "sekretariat@pcpr.example.pl"] in [r[1:3] for r in contacts]
    assert check_personal_data(published.path) == []


@pytest.mark.parametrize(
    ("value", "person"),
    [
        pytest.param("Dyrektor Jan Kowalski", "Jan Kowalski", id="title-first-last"),
        pytest.param("z Panią Anną Nowak", "Anną Nowak", id="inflected-title-and-name"),
        pytest.param("Ewa Wiśniewska – kierownik", "Ewa Wiśniewska", id="name-then-role"),
        pytest.param("Kierownik: mgr Ewa Lis", "Ewa Lis", id="academic-title"),
        pytest.param("jan.kowalski@mops.example.pl", "jan.kowalski@mops.example.pl", id="email"),
        pytest.param("Szkoła Podstawowa im. ks. Jana Twardowskiego", None, id="patron"),
        pytest.param("Poradnia Psychologiczno-Pedagogiczna w Piszu", None, id="institution"),
        pytest.param("sekretariat@mops.example.pl", None, id="office-email"),
        pytest.param("pon.–pt. 8–16, dyrektor przyjmuje we wtorki", None, id="role-no-name"),
        pytest.param("Gabinet Psychologiczny Anna Nowak", "Anna Nowak", id="practice-name"),
        pytest.param("Psychoterapia Nowak Anna", "Nowak Anna", id="surname-first"),
        pytest.param(
            "Gabinet Terapii Marta Kowalczyk-Nowak", "Marta Kowalczyk-Nowak", id="double-barrelled"
        ),
        pytest.param("Pomocy udziela mgr Anna Kowalczyk.", "Anna Kowalczyk", id="sentence-end"),
        pytest.param("Kierownik Nowak Anna.", "Nowak Anna", id="surname-first-sentence-end"),
        pytest.param("Szkoła im. Anny Kowalskiej.", None, id="patron-sentence-end"),
        pytest.param("Zaprasza Kazimierz Dolny.", None, id="place-sentence-end"),
        pytest.param("Fundacja Anny Dymnej", None, id="named-after-founder-genitive"),
        pytest.param("Centrum Jan Paweł II", None, id="pope"),
        pytest.param("Parafia Święty Józef Robotnik", None, id="saint"),
        pytest.param("Lech Poznań", None, id="not-on-the-list"),
        pytest.param("Klub Senior+ Anna", None, id="given-name-alone"),
        # the statutory-coverage file names gminas: a place is not a person
        pytest.param("Kazimierz Dolny", None, id="place-named-like-a-person"),
        pytest.param("Urząd Gminy Stanisław Górny", None, id="village-of-a-given-name"),
        pytest.param("anowak@gmail.com", "anowak@gmail.com", id="initial-surname"),
        pytest.param("kowalska.maria@wp.pl", "kowalska.maria@wp.pl", id="surname-first-mail"),
        pytest.param("a.nowak@mops.example.pl", "a.nowak@mops.example.pl", id="initial-dot"),
        pytest.param("b.podawcze@sad.example.pl", None, id="filing-office"),
        pytest.param("gops_przyrow@interia.pl", None, id="institution-free-mail"),
    ],
)
def test_find_people(value: str, person: str | None) -> None:
    found = [m.text for m in find_people(value)]
    assert found == ([person] if person else [])


def test_republishing_unchanged_data_is_byte_identical_and_keeps_readers(
    published: Publication, warehouse: duckdb.DuckDBPyConnection
) -> None:
    before = tree(published.path)
    assert published.snapshot is not None
    reader = duckdb.connect(str(published.snapshot), read_only=True)
    try:
        again = write_publication(warehouse, published.path.parent, notice="DANE TESTOWE")
        assert tree(again.path) == before
        # the analyst's connection to the replaced snapshot still answers
        assert reader.execute("SELECT count(*) FROM institutions").fetchone() == (8,)
    finally:
        reader.close()
    with duckdb.connect(str(again.snapshot), read_only=True) as con:
        columns = {r[0] for r in con.execute("DESCRIBE raw_records").fetchall()}
        assert "description_raw" not in columns and "extra" not in columns
        issue_columns = {r[0] for r in con.execute("DESCRIBE issues").fetchall()}
        assert {"level", "url"} <= issue_columns
        assert not {"message", "record"} & issue_columns, "issues can quote a person's row"
        credentials = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns()"
            " WHERE column_name ILIKE '%password%' OR column_name = 'session_id'"
        ).fetchall()
        assert credentials == [], "review accounts never reach the analysts' snapshot"
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert not {"review_users", "review_sessions", "review_login_failures"} & tables
        comment = con.execute(
            "SELECT comment FROM duckdb_tables() WHERE table_name = 'institutions'"
        ).fetchone()
        assert comment is not None and str(comment[0]).startswith("Instytucje (institutions)")


def test_failed_validation_keeps_the_previous_publication(
    published: Publication, warehouse: duckdb.DuckDBPyConnection
) -> None:
    out = published.path.parent
    before = tree(published.path)
    snapshot_before = (out / SNAPSHOT_NAME).stat().st_mtime_ns
    iid = warehouse.execute(
        "SELECT institution_id FROM institutions WHERE name LIKE 'Stowarzyszenie%'"
    ).fetchone()
    assert iid is not None
    # a person in a column the staging passes through as it is (an institution's name that
    # names one is withheld there): the guard must stop the whole publication
    warehouse.execute(
        "UPDATE institutions SET acronym = 'prezes Jan Kowalski' WHERE institution_id = ?",
        [iid[0]],
    )
    try:
        with pytest.raises(PublishError, match="person's name.*Jan Kowalski"):
            write_publication(warehouse, out, notice="DANE TESTOWE")
    finally:
        warehouse.execute(
            "UPDATE institutions SET acronym = NULL WHERE institution_id = ?", [iid[0]]
        )
    assert tree(published.path) == before
    assert (out / SNAPSHOT_NAME).stat().st_mtime_ns == snapshot_before
    assert sorted(p.name for p in out.iterdir()) == ["dane", SNAPSHOT_NAME], "no leftovers"


def test_coverage_table_reports_catalogued_counties_only(published: Publication) -> None:
    rows = read_csv(published.path / "pokrycie_ustawowe.csv")
    assert tuple(rows[0]) == dp.COVERAGE.names
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert {r["powiat_teryt"] for r in body} == {"2610", "2816"}
    skarzyski = {
        (r["gmina"] or "powiat", r["requirement"]): r["missing"]
        for r in body
        if r["powiat_teryt"] == "2610"
    }
    assert skarzyski == {
        ("powiat", "pcpr"): "false",
        ("powiat", "ppp"): "false",
        ("powiat", "pup"): "true",
        ("powiat", "police"): "false",
        ("powiat", "court"): "true",
        ("powiat", "sanepid"): "true",
        ("Skarżysko-Kamienna", "ops"): "false",
        ("Bliżyn", "ops"): "false",
        ("Łączna", "ops"): "true",
        ("Skarżysko Kościelne", "ops"): "true",
        ("Suchedniów", "ops"): "true",
    }


@pytest.mark.parametrize(
    ("name", "type_code", "is_city", "requirement", "counts"),
    [
        pytest.param(
            "Komisariat Policji w Łącznej",
            "police",
            False,
            "police",
            False,
            id="komisariat-is-not-a-command",
        ),
        pytest.param(
            "Komenda Miejska Policji w Radomiu", "police", True, "police", True, id="kmp-in-a-city"
        ),
        pytest.param(
            "Wojewódzki Urząd Pracy w Kielcach",
            "pup",
            False,
            "pup",
            False,
            id="wup-is-not-a-powiat-office",
        ),
        pytest.param(
            "Miejski Ośrodek Pomocy Rodzinie w Radomiu",
            "ops",
            True,
            "pcpr",
            True,
            id="city-mops-does-pcpr-work",
        ),
        pytest.param(
            "Miejski Ośrodek Pomocy Społecznej w Skarżysku",
            "ops",
            False,
            "pcpr",
            False,
            id="mops-in-a-land-county-is-not-a-pcpr",
        ),
        pytest.param(
            "Sąd Okręgowy w Kielcach",
            "court",
            False,
            "court",
            False,
            id="regional-court-is-not-district",
        ),
    ],
)
def test_coverage_rules(
    tmp_path: Path, name: str, type_code: str, is_city: bool, requirement: str, counts: bool
) -> None:
    from warehouse.coverage import build_coverage
    from warehouse.db import connect

    con = connect(tmp_path / "w.duckdb")
    try:
        con.execute(
            "INSERT INTO sources VALUES ('s', 't', '2610', 'registry', 'u', 'p', NULL, 1, NULL,"
            " 'x', now())"
        )
        con.execute(
            "CREATE TABLE teryt_powiats AS SELECT '2610' AS powiat_teryt, 'x' AS name,"
            " ? AS is_city, '26' AS woj",
            [is_city],
        )
        con.execute(
            "CREATE TABLE teryt_gminas AS SELECT '2610011' AS gmina_teryt, '261001' AS gmina6,"
            " 'x' AS name, 'miejska' AS kind, '2610' AS powiat_teryt, '26' AS woj,"
            " false AS synthesised"
        )
        con.execute(
            "INSERT INTO institutions (institution_id, name, type_code, sector, powiat_teryt,"
            " gmina_teryt, record_count, source_count, first_seen_at, last_seen_at)"
            " VALUES ('wsp_1', ?, ?, 'x', '2610', '2610011', 1, 1, now(), now())",
            [name, type_code],
        )
        row = next(r for r in build_coverage(con) if r.requirement == requirement)
        assert (row.found == 1) is counts
    finally:
        con.close()


def test_streets_named_after_people_do_not_block_a_publication(tmp_path: Path) -> None:
    """A real catalogue run refused to publish because of "ul. dr. Piotra Kowalika 2": streets
    are public place names, so address columns are not checked; other columns still are."""
    (tmp_path / "hsds").mkdir()
    (tmp_path / "instytucje.csv").write_text(
        "institution_id,name,street\nwsp_1,Gminny Ośrodek Pomocy Społecznej,ul. dr. Piotra Kowalika 2\n",
        encoding="utf-8",
    )
    (tmp_path / "hsds" / "addresses.csv").write_text(
        "id,address_1\nx,al. gen. Władysława Sikorskiego 5\n", encoding="utf-8"
    )
    assert check_personal_data(tmp_path) == []
    (tmp_path / "kontakty.csv").write_text(
        "institution_id,value\nwsp_1,Dyrektor Jan Kowalski\n", encoding="utf-8"
    )
    assert len(check_personal_data(tmp_path)) == 1


def tampered_copy(published: Publication, tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "dane"
    shutil.copytree(published.path, root)
    return root


def replace_in(path: Path, old: str, new: str, encoding: str = "utf-8") -> None:
    text = path.read_text(encoding=encoding)
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding=encoding)


def last_county_file(root: Path, excel: bool = False) -> Path:
    """A county file Frictionless does not read itself (it reads the first of each kind)."""
    base = root / "excel" if excel else root
    return sorted(base.glob("powiaty/*/instytucje.csv"))[-1]


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        pytest.param(
            lambda root: replace_in(last_county_file(root), "Piszu", "Piszu (zmienione)"),
            "row(s) that are not rows of instytucje.csv",
            id="county-row-changed",
        ),
        pytest.param(
            lambda root: replace_in(
                last_county_file(root, excel=True), "Piszu", "Pisz", "utf-8-sig"
            ),
            "row(s) that are not rows of excel/instytucje.csv",
            id="excel-county-row-changed",
        ),
        pytest.param(
            lambda root: replace_in(last_county_file(root), "institution_id,", "id,"),
            "its header differs",
            id="county-header",
        ),
        pytest.param(
            lambda root: (root / "parquet" / "uslugi.parquet").write_bytes(
                (root / "parquet" / "kontakty.parquet").read_bytes()
            ),
            "parquet/uslugi.parquet: its columns are not the declared ones",
            id="parquet-columns",
        ),
        pytest.param(
            lambda root: replace_in(root / "powiaty" / "2610_skarzyski" / "index.html", "<", "< "),
            "its hash differs from the package's",
            id="page-hash",
        ),
        pytest.param(
            lambda root: replace_in(
                root / "uslugi.csv",
                "default,domyślna dla typu instytucji,,",
                "default,domyślna dla typu instytucji,https://ops.example.pl/oferta,",
            ),
            "type default(s) with a page, sentence or detail",
            id="default-with-evidence",
        ),
        pytest.param(
            lambda root: replace_in(
                root / "uslugi.csv", ",default,domyślna dla typu", ",stated,domyślna dla typu"
            ),
            "services_default differs from uslugi.csv's type defaults",
            id="default-passed-off-as-stated",
        ),
    ],
)
def test_set_based_checks_catch_what_frictionless_no_longer_reads(
    published: Publication,
    warehouse: duckdb.DuckDBPyConnection,
    tmp_path: Path,
    tamper: Callable[[Path], None],
    problem: str,
) -> None:
    root = tampered_copy(published, tmp_path)
    tamper(root)
    problems = check_publication(warehouse, root)
    assert any(problem in p for p in problems), problems


def test_a_parquet_variant_with_other_rows_is_refused(
    published: Publication, warehouse: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    root = tampered_copy(published, tmp_path)
    target = (root / "parquet" / "uslugi.parquet").as_posix()
    warehouse.execute(
        f"COPY (SELECT * REPLACE (upper(service) AS service) FROM read_parquet('{target}'))"
        f" TO '{target}.new' (FORMAT parquet)"
    )
    Path(f"{target}.new").replace(target)
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert check_parquet(warehouse, root, package) == [
        "parquet/uslugi.parquet: "
        + str(len(read_csv(root / "uslugi.csv")) - 1)
        + " row(s) differ from uslugi.csv's"
    ]


def test_an_untouched_publication_passes_every_check(
    published: Publication, warehouse: duckdb.DuckDBPyConnection
) -> None:
    assert check_publication(warehouse, published.path) == []
    package = json.loads((published.path / "datapackage.json").read_text(encoding="utf-8"))
    derived = dp.derived_resources(package)
    assert derived["powiaty/2610_skarzyski/instytucje.csv"] == "instytucje.csv"
    assert derived["excel/powiaty/2610_skarzyski/instytucje.csv"] == "excel/instytucje.csv"
    assert "uslugi.csv" not in derived and "instytucje.csv" not in derived
