"""A night's features are built without their statistics: the same columns, counts at 0.

An incremental night parses only its new and changed records, and `update_statistics`
recounts their counts over every record, so the build leaves them at 0 rather than counting
them over the night's few records. The table must still have a full build's columns, in its
order and types (the state's rows are inserted from it), and the place a crowd is counted at.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er.features import build_features_from_raw
from transforms.er.standalone import load_records_file
from transforms.er.statistics import STATISTICS

ER_DEV = SHARED / "benchmarks" / "er-dev"


def _features(folder: object, statistics: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    load_records_file(con, folder / "records.parquet", "er_input")  # type: ignore[operator]
    build_features_from_raw(con, "er_input", statistics=statistics)
    return con


def test_without_statistics_the_counts_are_0(tmp_path_factory: pytest.TempPathFactory) -> None:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    folder = tmp_path_factory.mktemp("night_features")
    records = pd.read_parquet(ER_DEV / "records.parquet").sort_values("record_id").head(600)
    records.to_parquet(folder / "records.parquet")
    full, night = _features(folder, True), _features(folder, False)
    assert (
        full.execute("DESCRIBE er_features").fetchall()
        == night.execute("DESCRIBE er_features").fetchall()
    )
    others = [
        r[0] for r in full.execute("DESCRIBE er_features").fetchall() if r[0] not in STATISTICS
    ]
    select = f"SELECT {', '.join(others)} FROM er_features ORDER BY rid"
    assert full.execute(select).fetchall() == night.execute(select).fetchall()
    counts = ", ".join(f"max({c})" for c in STATISTICS)
    assert night.execute(f"SELECT {counts} FROM er_features").fetchone() == (0,) * len(STATISTICS)
    # not a comparison of nothing: the full build counted
    assert min(full.execute(f"SELECT {counts} FROM er_features").fetchone()) > 0  # type: ignore[type-var]
