"""Writing a table by difference (warehouse/differences.py) on a real DuckDB table: the table
ends up holding exactly the new rows, and rows that did not change are not rewritten."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.differences import replace_rows

LAST_NIGHT = [
    ("wsp_1", "phone", "+48 87 000 03 01", ["pcpr-pisz"]),
    ("wsp_1", "email", "sekretariat@pcpr-pisz.example", ["pcpr-pisz", "powiat-piski"]),
    ("wsp_2", "phone", "+48 87 000 03 02", ["powiat-piski"]),
    ("wsp_3", "website", None, ["powiat-piski"]),
]


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE contacts (institution_id VARCHAR, kind VARCHAR, value VARCHAR,"
        " sources VARCHAR[])"
    )
    con.executemany("INSERT INTO contacts VALUES (?, ?, ?, ?)", LAST_NIGHT)
    con.execute(
        "CREATE TABLE tonight (institution_id VARCHAR, kind VARCHAR, value VARCHAR,"
        " sources VARCHAR[])"
    )
    return con


def rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


@pytest.mark.parametrize(
    ("tonight", "written"),
    [
        (LAST_NIGHT, (0, 0)),  # nothing changed, a NULL value included: nothing written
        (LAST_NIGHT[:2] + [("wsp_2", "phone", "+48 87 000 09 02", ["powiat-piski"])]
         + LAST_NIGHT[3:], (1, 1)),  # a phone changed
        (LAST_NIGHT[:3], (1, 0)),  # an institution gone
        (LAST_NIGHT + [("wsp_4", "phone", "+48 87 000 03 40", ["powiat-piski"])], (0, 1)),
        # a source more for one value: the list differs, the row is replaced
        ([LAST_NIGHT[0][:3] + (["pcpr-pisz", "powiat-piski"],)] + LAST_NIGHT[1:], (1, 1)),
        ([], (4, 0)),
    ],
    ids=["same", "changed", "gone", "new", "list-changed", "emptied"],
)  # fmt: skip
def test_the_table_holds_tonight_s_rows(
    con: duckdb.DuckDBPyConnection,
    tonight: list[tuple[object, ...]],
    written: tuple[int, int],
) -> None:
    if tonight:
        con.executemany("INSERT INTO tonight VALUES (?, ?, ?, ?)", tonight)
    assert replace_rows(con, "contacts", "SELECT * FROM tonight") == written
    assert rows(con, "contacts") == rows(con, "tonight")


def test_unchanged_rows_are_not_rewritten(con: duckdb.DuckDBPyConnection) -> None:
    before = dict(
        con.execute("SELECT value, rowid FROM contacts WHERE value IS NOT NULL").fetchall()
    )
    con.executemany("INSERT INTO tonight VALUES (?, ?, ?, ?)", LAST_NIGHT[1:])
    replace_rows(con, "contacts", "SELECT * FROM tonight")
    after = dict(
        con.execute("SELECT value, rowid FROM contacts WHERE value IS NOT NULL").fetchall()
    )
    assert after == {v: before[v] for v in after}
    assert len(after) == 2


def test_a_table_name_must_be_plain(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="plain table name"):
        replace_rows(con, "contacts; DROP TABLE contacts", "SELECT * FROM tonight")
