"""Loading GUS TERYT and Poczta Polska PNA files into DuckDB (warehouse.gazetteer).

The national files are read from ../shared/data (never copied); the demo extract from
demo/gazetteer. Every load goes into a DuckDB file in tmp_path.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from warehouse import gazetteer as gazetteer_module
from warehouse.gazetteer import GazetteerCounts, GazetteerLoadError, load_gazetteer

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo" / "gazetteer"
# skarżyski 5 + ropczycko-sędziszowski 5 + piski 4 + radomszczański 14 + wysokomazowiecki 10
DEMO_GMINAS = 38
TABLES = ("teryt_voivodeships", "teryt_powiats", "teryt_gminas", "teryt_localities",
          "postal_codes")  # fmt: skip


@pytest.fixture(scope="module")
def national(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[duckdb.DuckDBPyConnection, GazetteerCounts]]:
    """TERC Adresowy 2026 + SIMC Urzędowy 2020 + PNA 2024, loaded once for this module."""
    con = duckdb.connect(str(tmp_path_factory.mktemp("national") / "gazetteer.duckdb"))
    counts = load_gazetteer(
        con,
        terc=shared_data / "teryt" / "TERC_Adresowy_2026-02-16.csv",
        simc=shared_data / "teryt" / "SIMC_Urzedowy_2020-09-26.csv",
        pna=shared_data / "postal_codes" / "pna_2024_miejscowosci.csv",
    )
    yield con, counts
    con.close()


@pytest.fixture()
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    yield connection
    connection.close()


def scalar(con: duckdb.DuckDBPyConnection, query: str, *params: object) -> object:
    row = con.execute(query, list(params)).fetchone()
    assert row is not None
    return row[0]


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def load_demo(con: duckdb.DuckDBPyConnection, **overrides: Path | str | None) -> GazetteerCounts:
    files: dict[str, Path | str | None] = {
        "terc": DEMO / "terc.csv",
        "simc": DEMO / "simc.csv",
        "pna": DEMO / "pna.csv",
    }
    files.update(overrides)
    terc = files["terc"]
    assert terc is not None
    return load_gazetteer(con, terc=terc, simc=files["simc"], pna=files["pna"])


# --- the national files ------------------------------------------------------------------------


def test_national_counts(national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts]) -> None:
    _, counts = national
    assert counts.voivodeships == 16
    assert counts.powiats == 380
    assert counts.city_powiats == 66
    # 2026: 297 miejska + 1453 wiejska + 724 synthesised miejsko-wiejska + 5 synthesised
    # cities that the Adresowy file lists only through their dzielnice / delegatury
    assert counts.gminas == 2479
    assert counts.districts == 37
    assert counts.localities == 102_913
    assert counts.postal_codes_with_gmina / counts.postal_codes > 0.99


def test_adresowy_synthesises_urban_rural_gminas(
    national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts],
) -> None:
    con, _ = national
    rows = con.execute(
        "SELECT gmina_teryt, gmina6, name, kind, powiat_teryt, synthesised FROM teryt_gminas "
        "WHERE gmina6 IN ('261005', '126101', '101201', '101212') ORDER BY 1"
    ).fetchall()
    assert rows == [
        ("1012011", "101201", "Radomsko", "miejska", "1012", False),
        ("1012122", "101212", "Radomsko", "wiejska", "1012", False),
        ("1261011", "126101", "Kraków", "miejska", "1261", True),
        ("2610053", "261005", "Suchedniów", "miejsko-wiejska", "2610", True),
    ]
    # one synthesised miejsko-wiejska gmina per town part (RODZ 4) of the file
    assert scalar(con, "SELECT count(*) FROM teryt_gminas WHERE kind = 'miejsko-wiejska'") == 724
    assert scalar(con, "SELECT variant FROM gazetteer_sources WHERE file_kind = 'TERC'") == (
        "Adresowy"
    )


def test_codes_are_zero_padded_text(
    national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts],
) -> None:
    con, _ = national
    assert con.execute("SELECT woj, name FROM teryt_voivodeships ORDER BY woj LIMIT 1").fetchall()[
        0
    ] == ("02", "dolnośląskie")
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'teryt_powiats'"
        ).fetchall()
    )
    assert types["powiat_teryt"] == "VARCHAR" and types["is_city"] == "BOOLEAN"
    assert scalar(con, "SELECT count(*) FROM teryt_powiats WHERE length(powiat_teryt) <> 4") == 0
    assert scalar(con, "SELECT count(*) FROM teryt_gminas WHERE length(gmina_teryt) <> 7") == 0


@pytest.mark.parametrize(
    ("powiat_teryt", "name", "is_city"),
    [
        pytest.param("1012", "radomszczański", False, id="land-powiat-by-adjective"),
        pytest.param("1206", "krakowski", False, id="krakowski-land-powiat"),
        pytest.param("1261", "Kraków", True, id="krakow-city-with-county-rights"),
        pytest.param("1465", "Warszawa", True, id="warsaw"),
    ],
)
def test_powiats(
    national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts],
    powiat_teryt: str,
    name: str,
    is_city: bool,
) -> None:
    con, _ = national
    row = con.execute(
        "SELECT name, is_city FROM teryt_powiats WHERE powiat_teryt = ?", [powiat_teryt]
    ).fetchone()
    assert row == (name, is_city)


def test_localities_join_their_gmina(
    national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts],
) -> None:
    con, _ = national
    assert scalar(con, "SELECT count(*) FROM teryt_localities WHERE gmina_teryt IS NULL") == 0
    # SIMC lists the town part (RODZ_GMI 4) of Suchedniów; the locality joins the whole
    # miejsko-wiejska gmina on WOJ+POW+GMI
    row = con.execute(
        "SELECT l.kind_code, l.rodz_gmi, l.gmina_teryt, g.kind, l.parent_simc "
        "FROM teryt_localities AS l JOIN teryt_gminas AS g USING (gmina_teryt) "
        "WHERE l.name = 'Suchedniów' AND l.kind_code = '96'"
    ).fetchone()
    assert row == ("96", "4", "2610053", "miejsko-wiejska", None)
    assert scalar(
        con, "SELECT parent_simc FROM teryt_localities WHERE name = 'Skarżysko Zachodnie'"
    ) == ("0947716")


@pytest.mark.parametrize(
    ("postal_code", "locality", "gmina_name", "gmina_teryt", "part"),
    [
        pytest.param("00-132", "Warszawa", "Warszawa", "1465011", None, id="debris-gmina-cleaned"),
        pytest.param("90-018", "Łódź", "Łódź", "1061011", "Łódź-Widzew", id="district-in-brackets"),
        pytest.param("97-500", "Radomsko", "Radomsko", "1012011", None, id="town-gmina"),
        pytest.param("97-500", "Amelin", "Radomsko", "1012122", None, id="rural-gmina-same-name"),
        pytest.param("42-584", "Dobieszowice", "Bobrowniki", "2401042", None, id="seat-in-gmina"),
    ],
)
def test_postal_codes_resolve_to_terc(
    national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts],
    postal_code: str,
    locality: str,
    gmina_name: str,
    gmina_teryt: str,
    part: str | None,
) -> None:
    con, _ = national
    rows = con.execute(
        "SELECT gmina_name, gmina_teryt, locality_part FROM postal_codes "
        "WHERE postal_code = ? AND locality = ?",
        [postal_code, locality],
    ).fetchall()
    assert (gmina_name, gmina_teryt, part) in rows


def test_postal_code_debris_is_gone(
    national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts],
) -> None:
    con, _ = national
    assert (
        scalar(con, "SELECT count(*) FROM postal_codes WHERE regexp_matches(gmina_name, '[0-9]')")
        == 0
    )
    assert scalar(con, "SELECT count(*) FROM postal_codes WHERE contains(locality, chr(10))") == 0
    assert scalar(con, "SELECT count(*) FROM postal_codes WHERE powiat_teryt IS NULL") == 0


# --- other variants and packagings -------------------------------------------------------------


def test_urzedowy_terc_has_its_own_urban_rural_rows(
    con: duckdb.DuckDBPyConnection, shared_data: Path
) -> None:
    counts = load_gazetteer(
        con, terc=shared_data / "teryt" / "TERC_Urzedowy_2020-09-26.csv", simc=None, pna=None
    )
    assert (counts.voivodeships, counts.powiats, counts.city_powiats) == (16, 380, 66)
    assert counts.gminas == 2477
    assert scalar(con, "SELECT count(*) FROM teryt_gminas WHERE synthesised") == 0
    assert scalar(con, "SELECT count(*) FROM teryt_gminas WHERE kind = 'miejsko-wiejska'") == 642
    assert (counts.localities, counts.postal_codes) == (0, 0)
    assert scalar(con, "SELECT variant FROM gazetteer_sources") == "Urzędowy"


def test_simc_malopolskie_2025(con: duckdb.DuckDBPyConnection, shared_data: Path) -> None:
    counts = load_gazetteer(
        con,
        terc=shared_data / "teryt" / "TERC_Adresowy_2026-02-16.csv",
        simc=shared_data / "teryt" / "SIMC_malopolskie_2025-01-01.csv",
        pna=None,
    )
    assert counts.localities == 13_833
    assert scalar(con, "SELECT count(DISTINCT woj) FROM teryt_localities") == 1
    assert scalar(con, "SELECT variant FROM gazetteer_sources WHERE file_kind = 'SIMC'") == (
        "Adresowy"
    )


def test_demo_gazetteer_loads(con: duckdb.DuckDBPyConnection) -> None:
    counts = load_demo(con)
    assert (counts.voivodeships, counts.powiats, counts.city_powiats) == (5, 5, 0)
    assert counts.gminas == DEMO_GMINAS
    assert counts.postal_codes_with_gmina == counts.postal_codes
    assert scalar(con, "SELECT count(DISTINCT powiat_teryt) FROM teryt_localities") == 5


def test_zip_as_served_by_gus(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    archive = tmp_path / "TERC_Adresowy_2026-02-16.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DEMO / "terc.csv", "TERC_Adresowy_2026-02-16.csv")
    counts = load_demo(con, terc=archive)
    assert counts.gminas == DEMO_GMINAS


def test_windows_1250_file(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    legacy = tmp_path / "terc-cp1250.csv"
    legacy.write_bytes((DEMO / "terc.csv").read_text(encoding="utf-8-sig").encode("cp1250"))
    load_demo(con, terc=legacy)
    assert scalar(con, "SELECT name FROM teryt_powiats WHERE powiat_teryt = '1012'") == (
        "radomszczański"
    )


def test_codes_that_lost_their_leading_zeros(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    # a spreadsheet round-trip turns "01" into "1"
    lines = (DEMO / "terc.csv").read_text(encoding="utf-8-sig").splitlines()
    mangled = [lines[0]] + [
        ";".join(f.lstrip("0") if f.isdigit() and len(f) == 2 else f for f in line.split(";"))
        for line in lines[1:]
    ]
    path = tmp_path / "terc-excel.csv"
    path.write_text("\n".join(mangled), encoding="utf-8")
    load_demo(con, terc=path)
    assert scalar(con, "SELECT gmina_teryt FROM teryt_gminas WHERE name = 'Bliżyn'") == "2610022"


def test_pna_in_the_semicolon_layout_with_polish_headers(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    # the layout of the widely shared "PNA;Miejscowość;Ulica;Numery;Gmina;Powiat;Województwo"
    with (DEMO / "pna.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    path = tmp_path / "kody.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["PNA", "Miejscowość", "Ulica", "Numery", "Gmina", "Powiat",
                         "Województwo"])  # fmt: skip
        for r in rows:
            writer.writerow([r["kod_pocztowy"], r["miejscowosc"], "", "", r["gmina"],
                             r["powiat"], r["wojewodztwo"]])  # fmt: skip
    counts = load_demo(con, pna=path)
    assert counts.postal_codes == len(rows)
    assert counts.postal_codes_with_gmina == counts.postal_codes


def test_download_from_url(con: duckdb.DuckDBPyConnection, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/terc.csv").respond_with_data((DEMO / "terc.csv").read_bytes())
    counts = load_demo(con, terc=httpserver.url_for("/terc.csv"))
    assert counts.gminas == DEMO_GMINAS


def test_download_failure_names_the_url(
    con: duckdb.DuckDBPyConnection, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/gone.csv").respond_with_data("nope", status=404)
    url = httpserver.url_for("/gone.csv")
    with pytest.raises(GazetteerLoadError, match=r"TERC file .*/gone\.csv: download failed"):
        load_demo(con, terc=url)


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "content", "message"),
    [
        pytest.param("terc", None, r"TERC file .*nothing\.csv: no such file", id="missing-file"),
        pytest.param("terc", "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n\r\n", "empty",
                     id="header-only"),
        pytest.param("terc", "", "empty", id="zero-bytes"),
        pytest.param("terc", "WOJ;POW;NAZWA\r\n02;;X\r\n", r"missing column\(s\) GMI, RODZ",
                     id="terc-missing-columns"),
        pytest.param("simc", "WOJ;POW;GMI;NAZWA;SYM\r\n02;01;01;X;1\r\n",
                     r"SIMC file .*: missing column\(s\) RODZ_GMI, RM, SYMPOD",
                     id="simc-missing-columns"),
        pytest.param("terc", "WOJ;POW;GMI;RODZ;NAZWA\r\nXX;01;;;zły\r\n",
                     r"TERC file .*: rows with malformed codes.*XX;01",
                     id="terc-malformed-code"),
        pytest.param("terc", "WOJ;POW;GMI;RODZ;NAZWA\r\n02;;;;A\r\n02;01;01;1;B;x;y;z\r\n",
                     r"TERC file .*bad-terc\.csv: cannot be read", id="ragged-row"),
        pytest.param("pna", "wojewodztwo,powiat,gmina,miejscowosc\nłódzkie,x,y,z\n",
                     r"PNA file .*: missing column\(s\) kod pocztowy", id="pna-missing-code"),
        pytest.param("pna", "wojewodztwo,powiat,gmina,miejscowosc,kod_pocztowy\na,b,c,d,e\n",
                     r"PNA file .*: only 0 of 1 rows hold a postal code", id="pna-garbage"),
    ],
)  # fmt: skip
def test_bad_files_raise_naming_the_file(
    con: duckdb.DuckDBPyConnection,
    tmp_path: Path,
    kind: str,
    content: str | None,
    message: str,
) -> None:
    path = tmp_path / ("nothing.csv" if content is None else f"bad-{kind}.csv")
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerLoadError, match=message):
        load_demo(con, **{kind: path})


def test_failed_load_keeps_the_previous_gazetteer(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load_demo(con)
    before = snapshot(con)
    broken = tmp_path / "simc.csv"
    lines = (DEMO / "simc.csv").read_text(encoding="utf-8-sig").splitlines()
    broken.write_text("\n".join([*lines[:50], "26;10;02;2;01;1;Zła;ABC;0000001;2020-01-01"]))
    with pytest.raises(GazetteerLoadError, match="SIMC file .*malformed codes"):
        load_demo(con, simc=broken, pna=None)
    assert snapshot(con) == before


def test_failure_inside_the_replacing_transaction_rolls_back(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(con)
    before = snapshot(con)

    def fail(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(gazetteer_module, "_write_sources", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        load_demo(con, simc=None, pna=None)  # would have emptied localities and postal codes
    assert snapshot(con) == before
    assert before["teryt_localities"]  # so the rollback had something to keep
