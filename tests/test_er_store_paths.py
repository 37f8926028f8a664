"""`stored_maps.store_map` keeps a map of distinct values two ways: a night's few values as list
parameters, a full match's many as a registered frame. Both must make the same table, row
for row and type for type: the night's features are compared with the state's, which a full
match made. Checked on er-dev's streets (real values, some without a house number) as the
features map them (`_street_row`), with a flag column beside them for the names' BOOLEANs."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er.features import _street_row
from transforms.er.stored_maps import PARAMETERS_MAX, store_map

ER_DEV = SHARED / "benchmarks" / "er-dev"
COLUMNS = "street VARCHAR, house VARCHAR, numbered BOOLEAN"


@pytest.fixture(scope="module")
def streets() -> list[str]:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet", columns=["street"])
    return sorted({str(v) for v in records["street"].dropna() if str(v).strip()})


def _row(value: str) -> tuple[object, ...]:
    street, house = _street_row(value)
    return street, house, (house is not None) if street else None


def test_parameters_and_frame_make_the_same_table(streets: list[str]) -> None:
    assert len(streets) > PARAMETERS_MAX  # the frame's path is taken for all of them
    few = streets[: PARAMETERS_MAX // 2]
    con = duckdb.connect()
    store_map(con, "by_frame", COLUMNS, streets, [_row(v) for v in streets])
    store_map(con, "by_parameters", COLUMNS, few, [_row(v) for v in few])
    types = [con.execute(f"DESCRIBE {t}").fetchall() for t in ("by_frame", "by_parameters")]
    assert types[0] == types[1]
    got = con.execute("SELECT * FROM by_parameters ORDER BY value").fetchall()
    want = con.execute(
        "SELECT * FROM by_frame WHERE value IN (SELECT value FROM by_parameters) ORDER BY value"
    ).fetchall()
    assert len(got) == len(few)
    assert got == want
    # Missing parts stay missing (NULL), not the text 'None'.
    assert any(row[2] is None for row in got)  # a house number
    assert any(row[3] is False for row in got)  # and the flag beside it


def test_no_values_make_an_empty_table() -> None:
    con = duckdb.connect()
    store_map(con, "empty", COLUMNS, [], [])
    assert con.execute("SELECT count(*) FROM empty").fetchone() == (0,)
    assert [r[1] for r in con.execute("DESCRIBE empty").fetchall()] == [
        "VARCHAR", "VARCHAR", "VARCHAR", "BOOLEAN",
    ]  # fmt: skip
