"""A night is all or nothing, whether or not its caller opened a transaction.

The night deletes and updates the state's rows by the row ids it read them with, which hold
within one transaction only, so `resolve_incrementally` runs in the caller's transaction
(`warehouse.match_state` opens one) or else in one of its own. A night that fails after it
has written part of the state must leave last night's state, every row of it, and the
connection usable. Real records: the first 3,000 of er-dev, a night that changes 60.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er import incremental
from transforms.er.incremental import resolve_incrementally, resolve_keeping_state
from transforms.er.standalone import load_records_file
from warehouse.match_state import STATE_TABLES

ER_DEV = SHARED / "benchmarks" / "er-dev"


def _state(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    present = {
        str(row[0])
        for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary"
        ).fetchall()
    }
    return {
        table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        for table in STATE_TABLES
        if table in present
    }


@pytest.fixture()
def night(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet").sort_values("record_id").head(3_000)
    folder = tmp_path_factory.mktemp("night_transaction")
    first = records.iloc[20:].copy()  # the night adds 20 records,
    second = records.iloc[:-20].copy()  # removes 20 and changes 20
    second.iloc[100:120, second.columns.get_loc("phone")] = [f"600 200 {i:03d}" for i in range(20)]
    first.to_parquet(folder / "first.parquet")
    second.to_parquet(folder / "second.parquet")
    con = duckdb.connect(str(folder / "state.duckdb"))
    load_records_file(con, folder / "first.parquet", "er_night_input")
    resolve_keeping_state(con, "er_night_input")
    load_records_file(con, folder / "second.parquet", "er_night_input")
    return con


def test_a_night_that_fails_leaves_last_night_s_state(
    night: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _state(night)
    assert len(before["er_state_records"]) == 2_980
    assert len(before["er_state_pairs"]) > 1_000

    def fail(*args: object, **kwargs: object) -> None:
        # By now the night has deleted, inserted and updated the state's rows and pairs.
        raise RuntimeError("the night fails while re-clustering")

    monkeypatch.setattr(incremental, "recluster", fail)
    with pytest.raises(RuntimeError, match="re-clustering"):
        resolve_incrementally(night, "er_night_input")
    assert _state(night) == before
    # No transaction is left open: the connection commits as before.
    night.execute("CREATE TABLE after_the_night AS SELECT 1 AS a")
    night.execute("BEGIN TRANSACTION")
    night.execute("ROLLBACK")


def test_a_night_inside_the_caller_s_transaction_is_the_caller_s(
    night: duckdb.DuckDBPyConnection,
) -> None:
    """Inside a caller's transaction the night opens none of its own (a BEGIN there would
    fail and abort the caller's): the caller's rollback takes the whole night back."""
    before = _state(night)
    night.execute("BEGIN TRANSACTION")
    _, changes = resolve_incrementally(night, "er_night_input")
    assert (changes.added, changes.removed, changes.changed) == (20, 20, 20)
    assert _state(night) != before
    night.execute("ROLLBACK")
    assert _state(night) == before
