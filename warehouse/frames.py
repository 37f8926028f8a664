"""Set-based writes: a whole pandas frame goes into a warehouse table in one statement.

Loading row by row costs a statement per row (tens of milliseconds each at national scale);
a frame registered with DuckDB is scanned once, so thousands of rows cost one INSERT. The
frame's columns are matched to the table's by name, so a frame may leave out columns that
have defaults and list the rest in any order.

List columns need a cast: pandas holds them as Python objects, and DuckDB infers a list of
empty lists (or of None) as some other type than the table's VARCHAR[].
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

import duckdb
import pandas as pd

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class FrameError(ValueError):
    """A frame cannot be written as asked; the message names the table and the problem."""


def _quoted(name: str, what: str, table: str) -> str:
    if not _IDENTIFIER.match(name):
        raise FrameError(f"insert into {table}: {what} {name!r} is not a plain SQL identifier")
    return f'"{name}"'


def insert_frame(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: pd.DataFrame,
    *,
    list_columns: Sequence[str] = (),
    list_type: str = "VARCHAR",
    on_conflict: str = "",
) -> int:
    """INSERT every row of `frame` into `table` BY NAME in one statement; returns the row count.

    `list_columns` are cast to `list_type[]`. `on_conflict` is appended verbatim (e.g.
    "ON CONFLICT (record_id) DO UPDATE SET …"); the rows of one frame must not conflict with
    each other, as DuckDB updates a row at most once per statement. Runs inside the caller's
    transaction, if any. An empty frame writes nothing.
    """
    target = _quoted(table, "table", table)
    if frame.empty:
        return 0
    missing = [c for c in list_columns if c not in frame.columns]
    if missing:
        raise FrameError(f"insert into {table}: list column(s) not in the frame: {missing}")
    if list_type not in ("VARCHAR", "INTEGER", "BIGINT", "DOUBLE"):
        raise FrameError(f"insert into {table}: unsupported list type {list_type!r}")
    casts = ", ".join(
        f"CAST({_quoted(c, 'column', table)} AS {list_type}[]) AS {_quoted(c, 'column', table)}"
        for c in list_columns
    )
    view = f"incoming_{uuid.uuid4().hex[:12]}"
    select = f"SELECT * REPLACE ({casts}) FROM {view}" if casts else f"SELECT * FROM {view}"
    con.register(view, frame)
    try:
        con.execute(f"INSERT INTO {target} BY NAME {select} {on_conflict}")
    finally:
        con.unregister(view)
    return len(frame)
