"""`match_file` on small files, and `resolve` on a nightly-style records table."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pytest

from transforms.er.resolve import Decision, resolve
from transforms.er.standalone import REQUIRED_COLUMNS, match_file

ROWS = [
    # record_id, source, name, street, postal_code, locality, phone, email, website, nip, regon
    (
        "r01",
        "rjps",
        "Gminny Ośrodek Pomocy Społecznej w Dłutowie",
        "ul. Pabianicka 2",
        "95-081",
        "Dłutów",
        "42 812 69 73",
        "gops@dlutow.pl",
        "http://www.gops.dlutow.pl",
        "9059935756",
        "300510097",
    ),
    (
        "r02",
        "mapy",
        "gops w dłutowie",
        "Pabianicka, 2",
        "95-081",
        "Dłutów",
        "+48 42 812 69 73",
        "",
        "https://gops.dlutow.pl/",
        "",
        "",
    ),
    (
        "r03",
        "artykul",
        "Gminnego Ośrodka Pomocy Społecznej w Dłutowie",
        "",
        "",
        "",
        "",
        "gops@dlutow.pl",
        "",
        "",
        "",
    ),
    (
        "r04",
        "gmina_www",
        "Urząd Gminy Dłutów",
        "ul. Pabianicka 2",
        "95-081",
        "Dłutów",
        "42 812 69 00",
        "ug@dlutow.pl",
        "http://www.dlutow.pl",
        "",
        "",
    ),
    (
        "r05",
        "rspo",
        "SZKOŁA PODSTAWOWA NR 1 W DŁUTOWIE",
        "UL. SZKOLNA 1",
        "95-081",
        "DŁUTÓW",
        "42 812 70 01",
        "sp1@dlutow.pl",
        "",
        "",
        "",
    ),
    (
        "r06",
        "rspo",
        "SZKOŁA PODSTAWOWA NR 2 W DŁUTOWIE",
        "UL. SZKOLNA 1",
        "95-081",
        "DŁUTÓW",
        "42 812 70 01",
        "sp2@dlutow.pl",
        "",
        "",
        "",
    ),
    (
        "r07",
        "bip",
        "Szkola Podstawowa nr 2 w Dlutowie",
        "ul. Szkolna 1",
        "95-081",
        "Dlutow",
        "42 812-70-01",
        "sp2@dlutow.pl",
        "",
        "",
        "",
    ),
]


def write_csv(path: Path, rows: Sequence[tuple[str, ...]], columns: tuple[str, ...]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def read_clusters(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        return {row["record_id"]: row["cluster_id"] for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def clustered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("er")
    source = write_csv(tmp / "records.csv", ROWS, REQUIRED_COLUMNS)
    out = tmp / "clusters.csv"
    summary = match_file(source, out)
    assert summary.records == len(ROWS)
    return read_clusters(out)


def test_every_record_gets_a_cluster(clustered: dict[str, str]) -> None:
    assert sorted(clustered) == [row[0] for row in ROWS]


def test_spellings_of_one_institution_join(clustered: dict[str, str]) -> None:
    assert clustered["r01"] == clustered["r02"] == clustered["r03"] == "r01"
    assert clustered["r06"] == clustered["r07"]


def test_shared_building_and_numbered_siblings_stay_apart(clustered: dict[str, str]) -> None:
    assert clustered["r04"] != clustered["r01"]
    assert clustered["r05"] != clustered["r06"]


def test_parquet_with_teryt_gives_the_same_clusters(
    tmp_path: Path, clustered: dict[str, str]
) -> None:
    con = duckdb.connect()
    columns = ", ".join(f"column{i:02d} AS {c}" for i, c in enumerate(REQUIRED_COLUMNS))
    source = write_csv(tmp_path / "r.csv", ROWS, tuple(f"column{i:02d}" for i in range(11)))
    parquet = tmp_path / "records.parquet"
    con.execute(
        f"COPY (SELECT {columns}, '1008032' AS teryt FROM read_csv('{source}', all_varchar=true))"
        f" TO '{parquet}'"
    )
    out = tmp_path / "clusters.csv"
    match_file(parquet, out)
    assert read_clusters(out) == clustered


@pytest.mark.parametrize(
    ("columns", "rows", "message"),
    [
        pytest.param(
            REQUIRED_COLUMNS[:-1],
            [r[:-1] for r in ROWS],
            "missing column",
            id="missing-regon-column",
        ),
        pytest.param(
            REQUIRED_COLUMNS, ROWS + [ROWS[0]], "duplicate record_id", id="duplicate-record-id"
        ),
    ],
)
def test_bad_files_name_the_problem(
    tmp_path: Path, columns: tuple[str, ...], rows: list[tuple[str, ...]], message: str
) -> None:
    source = write_csv(tmp_path / "bad.csv", rows, columns)
    with pytest.raises(ValueError, match=message):
        match_file(source, tmp_path / "out.csv")


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "records.xlsx"
    path.write_bytes(b"")
    with pytest.raises(ValueError, match="unsupported format"):
        match_file(path, tmp_path / "out.csv")


def _nightly_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE records (record_id VARCHAR, source VARCHAR, name VARCHAR,
            type_code VARCHAR, number VARCHAR, street VARCHAR, postal_code VARCHAR,
            locality VARCHAR, gmina_teryt VARCHAR, phones VARCHAR[], emails VARCHAR[],
            website_host VARCHAR, nip VARCHAR, regon VARCHAR)
        """
    )
    con.execute(
        """
        INSERT INTO records VALUES
        ('a', 'rjps', 'Gminny Ośrodek Pomocy Społecznej w Dłutowie', 'ops', NULL,
         'ul. Pabianicka 2', '95-081', 'Dłutów', '1008032', ['+48428126973'],
         ['gops@dlutow.pl'], 'gops.dlutow.pl', '9059935756', '300510097'),
        ('b', 'mapy', 'GOPS w Dłutowie', 'ops', NULL, 'Pabianicka 2', '95-081', 'Dłutów',
         '1008032', ['+48428126973'], [], 'gops.dlutow.pl', NULL, NULL),
        ('c', 'gmina_www', 'Urząd Gminy Dłutów', 'other', NULL, 'ul. Pabianicka 2', '95-081',
         'Dłutów', '1008032', ['+48428126900'], ['ug@dlutow.pl'], 'dlutow.pl', NULL, NULL)
        """
    )


def test_resolve_on_the_nightly_records_table() -> None:
    con = duckdb.connect()
    _nightly_table(con)
    result = resolve(con)
    assert result.clusters == {"a": "a", "b": "a", "c": "c"}
    assert {c.rule for c in result.rule_counts} >= {"postal_type", "phone", "place_type"}
    scored = con.execute("SELECT record_a, record_b, band FROM er_scored_pairs").fetchall()
    assert ("a", "b", "match") in scored


def test_decisions_win_over_the_model() -> None:
    con = duckdb.connect()
    _nightly_table(con)
    result = resolve(con, decisions=[Decision("a", "b", "different"), Decision("a", "c", "same")])
    assert result.clusters["a"] == result.clusters["c"] != result.clusters["b"]
