"""The records a night rescores, encoded from fetched rows, give a full encoding's levels.

An incremental night encodes the few thousand records of the pairs it rescores from one
fetch of their rows (`codes.codes_of_rows`) instead of `encode_records`' dictionaries: the
codes are numbered otherwise, so only the ladders' levels can be compared. On the first
3,000 records of er-dev and their real candidate pairs, every ladder's level of every pair
is the same both ways, and so it is when the rows are a subset in another order (a night's
records, in uid order, not record id order).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er.blocking import block
from transforms.er.codes import codes_of_rows, codes_select_sql, encode_records
from transforms.er.features import build_features_from_raw
from transforms.er.ladders import compare
from transforms.er.name_parts import STEM_MACRO
from transforms.er.standalone import load_records_file

ER_DEV = SHARED / "benchmarks" / "er-dev"


@pytest.fixture(scope="module")
def features(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet")
    folder = tmp_path_factory.mktemp("codes_rows")
    records.sort_values("record_id").head(3_000).to_parquet(folder / "records.parquet")
    con = duckdb.connect()
    load_records_file(con, folder / "records.parquet", "er_input")
    build_features_from_raw(con, "er_input")
    block(con)
    con.execute(STEM_MACRO)
    return con


def _pairs(con: duckdb.DuckDBPyConnection) -> tuple[np.ndarray, np.ndarray]:
    pairs = con.execute("SELECT l, r FROM er_pairs ORDER BY l, r").fetchnumpy()
    return np.asarray(pairs["l"], np.int32), np.asarray(pairs["r"], np.int32)


def test_rows_give_the_full_encodings_levels(features: duckdb.DuckDBPyConnection) -> None:
    left, right = _pairs(features)
    assert len(left) > 5_000
    expected = compare(encode_records(features), left, right)
    rows = features.execute(
        f"SELECT {codes_select_sql()} FROM er_features ORDER BY rid"
    ).fetchnumpy()
    got = compare(codes_of_rows(rows), left, right)
    assert expected.keys() == got.keys()
    for field, levels in expected.items():
        assert np.array_equal(levels, got[field]), field
    # Not a comparison of nothing: most ladders take several levels on these pairs.
    assert sum(len(np.unique(levels)) > 2 for levels in expected.values()) >= 10


def test_a_subset_in_another_order(features: duckdb.DuckDBPyConnection) -> None:
    left, right = _pairs(features)
    expected = compare(encode_records(features), left, right)
    # Every third pair, their records fetched in descending rid order (as a night's uids).
    pick = np.arange(0, len(left), 3)
    left, right = left[pick], right[pick]
    involved = np.unique(np.concatenate([left, right]))
    features.register("involved", pd.DataFrame({"rid": involved}))
    rows = features.execute(
        f"SELECT rid, {codes_select_sql()} FROM er_features "
        "WHERE rid IN (SELECT rid FROM involved) ORDER BY rid DESC"
    ).fetchnumpy()
    order = np.asarray(rows["rid"], np.int64)
    local = {int(rid): i for i, rid in enumerate(order.tolist())}
    got = compare(
        codes_of_rows(rows),
        np.array([local[int(v)] for v in left], np.int32),
        np.array([local[int(v)] for v in right], np.int32),
    )
    for field, levels in expected.items():
        assert np.array_equal(levels[pick], got[field]), field


def test_a_value_holding_the_separator_is_refused(features: duckdb.DuckDBPyConnection) -> None:
    # The lists are fetched joined by U+001F: a value holding it must not be read as two.
    rows = features.execute(
        f"SELECT {codes_select_sql()} FROM (SELECT * REPLACE "
        "(['501' || chr(31) || '502', NULL] AS phones) FROM er_features WHERE rid < 5)"
    ).fetchnumpy()
    with pytest.raises(ValueError, match="separator"):
        codes_of_rows(rows)
    # a NULL in a list is not such a value
    rows = features.execute(
        f"SELECT {codes_select_sql()} FROM (SELECT * REPLACE "
        "(['501', NULL, '502'] AS phones) FROM er_features WHERE rid < 5)"
    ).fetchnumpy()
    assert codes_of_rows(rows).phones.codes.shape == (5, 2)
