"""The name key's place in SQL (`name_parts.ALIKE_PLACE_MACRO`, `er_alike`) is
`inflected_alike`'s key: on the places and localities of er-dev's records (real values, as
the features fold them), word for word. The SQL cuts a word's ending once (inside a lambda)
and softens what is left; both must agree with the Python whichever ending a word has."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er.name_parts import ALIKE_MACRO, ALIKE_PLACE_MACRO, inflected_alike
from transforms.text import fold

ER_DEV = SHARED / "benchmarks" / "er-dev"


@pytest.fixture(scope="module")
def places() -> list[str]:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet", columns=["locality"])
    values = {fold(str(v)) for v in records["locality"].dropna()}
    return sorted(v for v in values if v)


def test_the_sql_place_key_is_inflected_alike(places: list[str]) -> None:
    assert len(places) > 500
    con = duckdb.connect()
    con.execute(ALIKE_MACRO)
    con.execute(ALIKE_PLACE_MACRO)
    con.execute("CREATE TABLE v AS SELECT unnest(?::VARCHAR[]) AS v", [places])
    got = dict(con.execute("SELECT v, er_alike(v) FROM v").fetchall())
    differing = [(v, got[v], inflected_alike(v)) for v in places if got[v] != inflected_alike(v)]
    assert differing == []


@pytest.mark.parametrize(
    ("place", "key"),
    [
        # er-dev localities, folded: an ending cut, and then a consonant softened back
        ("Aleksandrowka", "Aleksandrowk"),
        ("Annolesie", "Annoles"),
        ("Astachowice", "Astachowik"),
    ],
)
def test_a_case_ending_is_cut_and_a_consonant_softened(place: str, key: str) -> None:
    con = duckdb.connect()
    con.execute(ALIKE_MACRO)
    con.execute(ALIKE_PLACE_MACRO)
    row = con.execute("SELECT er_alike(?)", [place]).fetchone()
    assert row is not None
    assert row[0] == inflected_alike(place) == key
