"""Loading GUS TERYT and Poczta Polska PNA files into DuckDB (warehouse.gazetteer), and the
national gazetteer shipped with the package (warehouse.national_gazetteer).

The national files are read from ../shared/data (never copied); the demo extract from
demo/gazetteer. Every load goes into a DuckDB file in tmp_path; every user copy of the
gazetteer into the test's own XDG_DATA_HOME.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from helpers import REPO, NationalGazetteer  # tests/ helper module
from pytest_httpserver import HTTPServer

from warehouse import gazetteer as gazetteer_module
from warehouse.gazetteer import GazetteerCounts, GazetteerLoadError, load_gazetteer
from warehouse.gazetteer_rows import read_gazetteer_rows
from warehouse.national_gazetteer import (
    SHIPPED_DIR,
    active_gazetteer_files,
    default_gazetteer,
    open_gazetteer_files,
    read_gazetteer_files,
    update_gazetteer,
    warehouse_or_national_gazetteer,
)

DEMO = REPO / "demo" / "gazetteer"
# skarżyski 5 + ropczycko-sędziszowski 5 + piski 4 + radomszczański 14 + wysokomazowiecki 10
DEMO_GMINAS = 38
TABLES = ("teryt_voivodeships", "teryt_powiats", "teryt_gminas", "teryt_localities",
          "postal_codes")  # fmt: skip


@pytest.fixture(scope="module")
def national(
    national_gazetteer: NationalGazetteer,
) -> tuple[duckdb.DuckDBPyConnection, GazetteerCounts]:
    """TERC Adresowy 2026 + SIMC Urzędowy 2020 + PNA 2024, loaded once for the session."""
    return national_gazetteer.con, national_gazetteer.counts


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


# --- the national gazetteer shipped with the package (warehouse/national_gazetteer.py) ---------


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own XDG_DATA_HOME: a user who never ran `wsparcie gazetteer update`."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_shipped_files_are_the_national_files_loaded(
    national: tuple[duckdb.DuckDBPyConnection, GazetteerCounts],
) -> None:
    """The shipped copy holds exactly the rows the resolver reads from the national files
    loaded into a warehouse: rebuilt from newer files, it must be rebuilt by the script."""
    con, _ = national
    shipped = open_gazetteer_files(SHIPPED_DIR)
    try:
        assert read_gazetteer_rows(shipped) == read_gazetteer_rows(con)
    finally:
        shipped.close()


def test_shipped_files_record_their_sources(shared_data: Path) -> None:
    files = read_gazetteer_files(SHIPPED_DIR, "shipped")
    by_kind = {s.file_kind: s for s in files.sources}
    assert {k: (s.source, s.variant, s.stan_na) for k, s in by_kind.items()} == {
        "TERC": ("TERC_Adresowy_2026-02-16.csv", "Adresowy", "2026-01-01"),
        "SIMC": ("SIMC_Urzedowy_2020-09-26.csv", "Urzędowy", "2020-01-01"),
        "PNA": ("pna_2024_miejscowosci.csv", None, None),
    }
    paths = {"TERC": "teryt/TERC_Adresowy_2026-02-16.csv",
             "SIMC": "teryt/SIMC_Urzedowy_2020-09-26.csv",
             "PNA": "postal_codes/pna_2024_miejscowosci.csv"}  # fmt: skip
    for kind, path in paths.items():
        digest = hashlib.sha256((shared_data / path).read_bytes()).hexdigest()
        assert by_kind[kind].sha256 == digest, kind
    sources_json = json.loads((SHIPPED_DIR / "SOURCES.json").read_text(encoding="utf-8"))
    con = duckdb.connect()
    for name in ("voivodeships", "powiats", "gminas", "localities", "postal_codes"):
        (value,) = con.execute(
            "SELECT decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = ?",
            [str(SHIPPED_DIR / f"{name}.parquet"), "wsparcie.sources"],
        ).fetchone() or (None,)
        assert json.loads(str(value)) == sources_json, name
    provenance = (SHIPPED_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "Główny Urząd Statystyczny" in provenance and "Poczta Polska" in provenance
    assert str(by_kind["TERC"].sha256) in provenance


def test_a_warehouse_without_a_gazetteer_uses_the_national_one(
    con: duckdb.DuckDBPyConnection, user_data: Path
) -> None:
    gazetteer = warehouse_or_national_gazetteer(con)
    assert gazetteer is not None
    assert gazetteer.resolve_place("we Wrocławiu").gmina_teryt == "0264011"


def test_a_warehouse_gazetteer_wins_over_the_national_one(
    con: duckdb.DuckDBPyConnection, user_data: Path
) -> None:
    load_demo(con)
    gazetteer = warehouse_or_national_gazetteer(con)
    assert gazetteer is not None
    assert gazetteer.resolve_place("w Bliżynie").gmina_teryt == "2610022"
    assert gazetteer.resolve_place("we Wrocławiu").status == "unresolved"  # not in the demo


def test_update_installs_a_user_copy_that_wins(user_data: Path) -> None:
    report = update_gazetteer(terc=DEMO / "terc.csv", simc=DEMO / "simc.csv", pna=DEMO / "pna.csv")
    assert report.replaced is not None and report.replaced.origin == "shipped"
    assert report.installed.folder == user_data / "wsparcie" / "gazetteer"
    active = active_gazetteer_files()
    assert (active.origin, active.folder) == ("user", user_data / "wsparcie" / "gazetteer")
    assert [s.source for s in active.sources] == ["terc.csv", "simc.csv", "pna.csv"]
    gazetteer = default_gazetteer()
    assert gazetteer.resolve_place("w Bliżynie").gmina_teryt == "2610022"
    assert gazetteer.resolve_place("we Wrocławiu").status == "unresolved"  # the demo's five only

    again = update_gazetteer(terc=DEMO / "terc.csv", simc=DEMO / "simc.csv", pna=DEMO / "pna.csv")
    assert again.replaced is not None and again.replaced.origin == "user"
    assert again.replaced.built_at == report.installed.built_at


def test_failed_update_keeps_the_gazetteer_in_use(user_data: Path, tmp_path: Path) -> None:
    first = update_gazetteer(terc=DEMO / "terc.csv", simc=DEMO / "simc.csv", pna=DEMO / "pna.csv")
    broken = tmp_path / "terc.csv"
    broken.write_text("WOJ;POW;GMI;RODZ;NAZWA\n2x;;;;ŚWIĘTOKRZYSKIE\n", encoding="utf-8")
    with pytest.raises(GazetteerLoadError, match="terc.csv: rows with malformed codes"):
        update_gazetteer(terc=broken, simc=DEMO / "simc.csv", pna=DEMO / "pna.csv")
    active = active_gazetteer_files()
    assert (active.origin, active.built_at) == ("user", first.installed.built_at)
    assert default_gazetteer().resolve_place("w Piszu").gmina_teryt == "2816033"
    assert sorted(p.name for p in (user_data / "wsparcie").iterdir()) == ["gazetteer"]


def test_cli_update_says_what_it_replaced(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env |= {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    args = ["--terc", str(DEMO / "terc.csv"), "--simc", str(DEMO / "simc.csv"),
            "--pna", str(DEMO / "pna.csv")]  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "gazetteer", "update", *args],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    installed, replaced = done.stdout.splitlines()
    folder = tmp_path / "data" / "wsparcie" / "gazetteer"
    assert installed.startswith(f"installed: user gazetteer {folder}, built ")
    assert "TERC terc.csv (stan na 2026-01-01)" in installed
    assert replaced.startswith(f"replaced: shipped gazetteer {SHIPPED_DIR}, built ")
    assert replaced.endswith(f"(it stays in the package; delete {folder} to use it again)")
