"""The matcher's table helpers: a missing table is told apart without breaking the caller's
transaction (a night runs inside its caller's, `warehouse.match_state`), and helper tables
are dropped where they exist."""

from __future__ import annotations

import duckdb

from transforms.er.helper_tables import drop_tables, table_exists


def test_a_missing_table_leaves_the_transaction_usable() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE er_state_records AS SELECT 1 AS uid")
    con.execute("BEGIN TRANSACTION")
    con.execute("CREATE TEMP TABLE er_inc_night AS SELECT 2 AS uid")
    assert table_exists(con, "er_state_records")
    assert table_exists(con, "er_inc_night")
    assert not table_exists(con, "er_state_names")
    # the transaction goes on: what it wrote is there, and it commits
    con.execute("INSERT INTO er_state_records VALUES (3)")
    con.execute("COMMIT")
    assert con.execute("SELECT list(uid ORDER BY uid) FROM er_state_records").fetchone() == (
        [1, 3],
    )


def test_tables_are_dropped_where_they_exist() -> None:
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE er_f_loc AS SELECT 1 AS a")
    con.execute("CREATE TABLE er_stat_now AS SELECT 1 AS a")
    drop_tables(con, ("er_f_loc", "er_f_street", "er_stat_now"))
    drop_tables(con, ())
    assert not table_exists(con, "er_f_loc")
    assert not table_exists(con, "er_stat_now")
