"""Incremental matching where a night moves a type phrase's count across a ladder's bucket.

The state keeps the type phrases' counts per phrase (`er_state_cores`), not per record. When a
night's new record takes a phrase's count across a limit of `ladders.CORE_TF_LEVELS`, every
unchanged record of that phrase reads it in another bucket, and the kept pairs among them
must be scored again, though none of their rows changed. Built from real er-dev records: a
phrase held by two to four records whose kept pairs score between the thresholds' ends gets
new records of that phrase somewhere else (another place and postal area, no contacts), so
that its holders' other counts stay as they were; the pairs, counts and clusters must equal
a full rebuild's.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er.incremental import resolve_incrementally, resolve_keeping_state
from transforms.er.ladders import CORE_TF_LEVELS
from transforms.er.standalone import load_records_file
from transforms.er.statistics import ROW_STATISTICS

ER_DEV = SHARED / "benchmarks" / "er-dev"
BASE = 3_000  # er-dev's first records, in record id order

PAIRS = """
    SELECT x.record_id, y.record_id, p.probability, p.apart, p.agree FROM er_state_pairs p
    JOIN er_state_records x ON x.uid = p.a JOIN er_state_records y ON y.uid = p.b ORDER BY 1, 2
"""
ROWS = f"SELECT record_id, {', '.join(ROW_STATISTICS)} FROM er_state_records ORDER BY 1"


def _phrase(con: duckdb.DuckDBPyConnection) -> tuple[str, int, list[str]]:
    """A type phrase held by 2-4 records, some pair of which is kept with a probability
    between 0.01 and 0.99 (its level moving moves the score): the phrase, its count and its
    holders' record ids."""
    row = con.execute(
        """
        SELECT c.core, c.n FROM er_state_pairs p
        JOIN er_state_records x ON x.uid = p.a JOIN er_state_records y ON y.uid = p.b
        JOIN er_state_cores c ON c.core = x.core
        WHERE x.core = y.core AND c.n BETWEEN 2 AND ? AND p.probability BETWEEN 0.01 AND 0.99
        ORDER BY c.core LIMIT 1
        """,
        [CORE_TF_LEVELS[0]],
    ).fetchone()
    assert row is not None
    holders = con.execute(
        "SELECT record_id FROM er_state_records WHERE core = ? ORDER BY 1", [row[0]]
    ).fetchall()
    return str(row[0]), int(row[1]), [str(h[0]) for h in holders]


@pytest.fixture(scope="module")
def night(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet").sort_values("record_id").head(BASE)
    folder = Path(tmp_path_factory.mktemp("cores"))
    records.to_parquet(folder / "first.parquet")
    con = duckdb.connect(str(folder / "state.duckdb"))
    load_records_file(con, folder / "first.parquet", "er_night_input")
    resolve_keeping_state(con, "er_night_input")
    phrase, count, holders = _phrase(con)
    pairs_before = con.execute(PAIRS).fetchall()
    rows_before = con.execute(ROWS).fetchall()
    # New records of the phrase elsewhere: the first holder's row, placed in a locality and
    # postal area none of the holders has (in its name too, where the name ends with its
    # place), without contacts (its name key, crowd and mailboxes are not the holders').
    first = records[records["record_id"] == holders[0]].iloc[0]
    postal = records["postal_code"].fillna("")
    areas = set(postal[records["record_id"].isin(holders)].str[:2])
    elsewhere = records[
        ~postal.str[:2].isin(areas) & (postal != "") & (records["locality"].fillna("") != "")
    ].iloc[0]
    added = pd.DataFrame([first] * (CORE_TF_LEVELS[0] + 1 - count))
    added["record_id"] = [f"ZZ{i:03d}" for i in range(len(added))]
    name = str(first["name"])
    added["name"] = (
        f"{name.rsplit(' w ', 1)[0]} w {elsewhere['locality']}" if " w " in name else name
    )
    added["locality"] = elsewhere["locality"]
    added["postal_code"] = elsewhere["postal_code"]
    added["street"] = elsewhere["street"]
    for column in ("phone", "email", "website", "nip", "regon"):
        added[column] = None
    second = pd.concat([records, added])
    second.to_parquet(folder / "second.parquet")
    load_records_file(con, folder / "second.parquet", "er_night_input")
    resolution, _ = resolve_incrementally(con, "er_night_input")
    full = duckdb.connect()
    load_records_file(full, folder / "second.parquet", "er_night_input")
    rebuilt = resolve_keeping_state(full, "er_night_input")
    return {
        "phrase": phrase,
        "holders": holders,
        "count": con.execute("SELECT n FROM er_state_cores WHERE core = ?", [phrase]).fetchone(),
        "pairs_before": pairs_before,
        "pairs": con.execute(PAIRS).fetchall(),
        "rebuilt_pairs": full.execute(PAIRS).fetchall(),
        "rows_before": rows_before,
        "rows": con.execute(ROWS).fetchall(),
        "cores": con.execute("SELECT * FROM er_state_cores ORDER BY ALL").fetchall(),
        "rebuilt_cores": full.execute("SELECT * FROM er_state_cores ORDER BY ALL").fetchall(),
        "clusters": resolution.clusters,
        "rebuilt_clusters": rebuilt.clusters,
    }


def test_the_phrase_crossed_its_limit_and_nothing_else_moved(night: dict[str, object]) -> None:
    """The night's premise: the phrase's count crossed the limit, and its holders' counts
    kept per record did not move (only their phrase's count can make them rescored)."""
    assert night["count"] == (CORE_TF_LEVELS[0] + 1,)
    holders: list[str] = night["holders"]  # type: ignore[assignment]
    before = {row[0]: row for row in night["rows_before"]}  # type: ignore[attr-defined]
    after = {row[0]: row for row in night["rows"]}  # type: ignore[attr-defined]
    assert [before[h] for h in holders] == [after[h] for h in holders]


def test_the_holders_pairs_are_scored_again(night: dict[str, object]) -> None:
    """Their kept pairs' scores moved with the phrase's bucket, as a full rebuild scores them."""
    holders = set(night["holders"])  # type: ignore[call-overload]
    before = {(a, b): p for a, b, p, *_ in night["pairs_before"] if {a, b} <= holders}  # type: ignore[attr-defined]
    rebuilt = {(a, b): p for a, b, p, *_ in night["rebuilt_pairs"] if (a, b) in before}  # type: ignore[attr-defined]
    assert any(before[k] != rebuilt[k] for k in before)
    assert night["pairs"] == night["rebuilt_pairs"]


def test_the_counts_and_clusters_equal_a_full_rebuild_s(night: dict[str, object]) -> None:
    assert night["cores"] == night["rebuilt_cores"]
    assert night["clusters"] == night["rebuilt_clusters"]
