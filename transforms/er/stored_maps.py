"""A map of distinct values (what the features computed once per distinct value: a name's
parts, a street's name and number) stored as a DuckDB table the features join.

A night maps its few new and changed records' values, a full match every record's: a
registered pandas frame costs DuckDB a fixed 3.5 ms of CPU to analyse its object columns
however few its rows, and typed list parameters ~3 us a value, so the few go as parameters
and the many as a frame. Both make the same table (`tests/test_er_store_paths.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

# Below this many values a map goes as list parameters: 30 values 0.6 ms against the frame's
# 3.5 ms, 300 values 2.4 against 6.0 ms, 3,000 values 13 against 8 ms.
PARAMETERS_MAX = 1_000


def store_map(
    con: duckdb.DuckDBPyConnection,
    out_table: str,
    out_columns: str,
    values: list[str],
    results: list[tuple[object, ...]],
) -> None:
    """`out_table(value, <out_columns>)` from the values and what was computed for them
    (`out_columns`: "name TYPE, ..."; VARCHAR and BOOLEAN columns)."""
    names = [c.split()[0] for c in out_columns.split(",")]
    types = [c.split()[1] for c in out_columns.split(",")]
    columns = list(zip(*results, strict=True)) if results else [()] * len(names)
    if len(values) < PARAMETERS_MAX:
        # Each column a typed list parameter, unnested side by side.
        unnested = ", ".join(
            f"unnest(CAST(${i + 2} AS {t}[])) AS {n}"
            for i, (n, t) in enumerate(zip(names, types, strict=True))
        )
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {out_table} AS "
            f"SELECT unnest(CAST($1 AS VARCHAR[])) AS value, {unnested}",
            [list(values), *(list(column) for column in columns)],
        )
        return
    frame = pd.DataFrame(
        {"value": _object_array(values)}
        | {name: _object_array(column) for name, column in zip(names, columns, strict=True)},
        copy=False,
    )
    con.register("er_f_frame", frame)
    casts = ", ".join(f"CAST({n} AS {t}) AS {n}" for n, t in zip(names, types, strict=True))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {out_table} AS SELECT value, {casts} FROM er_f_frame"
    )
    con.unregister("er_f_frame")


def _object_array(values: Sequence[object]) -> npt.NDArray[np.object_]:
    """The values as an object array, as they are (a list into `pd.Series(dtype=object)`
    costs twice as much)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out
