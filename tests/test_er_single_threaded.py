"""A night runs DuckDB on one thread and gives the connection its thread count back, also
when it fails inside its transaction (`incremental.single_threaded`).

A statement that fails while it runs (here a duplicate key) aborts DuckDB's transaction,
and until the rollback no setting can be changed: the failure that propagates must be the
night's own, not the refused restore, and the caller that opened the transaction
(`match_state`: `single_threaded` around `transaction`) restores the count after it.
"""

from __future__ import annotations

import duckdb
import pytest

from transforms.er.incremental import single_threaded
from warehouse.db import transaction


def _threads(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT current_setting('threads')").fetchone()
    assert row is not None
    return int(row[0])


def _failing_night(con: duckdb.DuckDBPyConnection) -> None:
    with single_threaded(con):
        assert _threads(con) == 1
        con.execute("INSERT INTO kept VALUES (1)")  # a duplicate: the transaction aborts


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("SET threads = 3")
    con.execute("CREATE TABLE kept (a INTEGER PRIMARY KEY)")
    con.execute("INSERT INTO kept VALUES (1)")
    return con


def test_restored_after_a_night(con: duckdb.DuckDBPyConnection) -> None:
    with single_threaded(con):
        assert _threads(con) == 1
    assert _threads(con) == 3


def test_a_failed_night_raises_its_own_error(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.ConstraintException), transaction(con):
        _failing_night(con)
    # the night alone could not restore the count in its aborted transaction
    assert _threads(con) == 1


def test_the_caller_restores_it_after_the_rollback(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.ConstraintException), single_threaded(con), transaction(con):
        _failing_night(con)
    assert _threads(con) == 3
    assert con.execute("SELECT count(*) FROM kept").fetchone() == (1,)
