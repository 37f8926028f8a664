"""Incremental matching where a night's records make blocks cross their size limit.

A block over its rule's limit is blocked on its refined key (`incremental_keys`): when a night
brings a block past the limit, or takes one under it, every unchanged record of it moves to
its other key, and the block sizes kept in the state must follow. Built from real er-dev
records: a night adds copies of one record under new ids (its dense blocks grow past their
limits) and removes copies of another (its blocks fall back under them); the kept keys,
block sizes, scored pairs and clusters must equal a full rebuild's.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er.incremental import resolve_incrementally, resolve_keeping_state
from transforms.er.incremental_keys import BLOCKS_TEXT_SQL, KEYS_TEXT_SQL
from transforms.er.standalone import load_records_file

ER_DEV = SHARED / "benchmarks" / "er-dev"
BASE = 1_500  # er-dev's first records, in record id order


def _copies(record: pd.Series, prefix: str, n: int) -> pd.DataFrame:
    frame = pd.DataFrame([record] * n)
    frame["record_id"] = [f"{prefix}{i:03d}" for i in range(n)]
    return frame


def _kept(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {
        "keys": con.execute(
            "SELECT k.rule, s.record_id, k.key, k.refined, k.eff"
            f" FROM ({KEYS_TEXT_SQL}) k JOIN er_state_records s USING (uid) ORDER BY ALL"
        ).fetchall(),
        "blocks": con.execute(f"SELECT * FROM ({BLOCKS_TEXT_SQL}) ORDER BY ALL").fetchall(),
        "pairs": con.execute(
            "SELECT x.record_id, y.record_id, p.probability, p.apart, p.agree"
            " FROM er_state_pairs p JOIN er_state_records x ON x.uid = p.a"
            " JOIN er_state_records y ON y.uid = p.b ORDER BY ALL"
        ).fetchall(),
    }


def _refined(con: duckdb.DuckDBPyConnection, prefix: str) -> int:
    """Kept keys of the records whose ids start with `prefix` blocked on another key than
    their raw one (refined, or none where the rule has no refinement)."""
    row = con.execute(
        f"SELECT count(*) FROM ({KEYS_TEXT_SQL}) k JOIN er_state_records s USING (uid)"
        " WHERE s.record_id LIKE ? AND k.eff IS DISTINCT FROM k.key",
        [f"{prefix}%"],
    ).fetchone()
    return int(row[0]) if row else 0


@pytest.fixture(scope="module")
def crossing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet").sort_values("record_id")
    base = records.head(BASE)
    # Two records with a street, a postal code and a phone: their blocks are keyed by all
    # of these (postal_type, street_type, place_type, phone ...), 50 the tightest limit.
    full = base[(base["street"] != "") & (base["postal_code"] != "") & (base["phone"] != "")]
    growing, shrinking = full.iloc[0], full.iloc[1]
    first = pd.concat(
        [base, _copies(growing, "ZG", 45), _copies(shrinking, "ZS", 60)], ignore_index=True
    )
    second = pd.concat(
        [base, _copies(growing, "ZG", 60), _copies(shrinking, "ZS", 45)], ignore_index=True
    )
    folder: Path = tmp_path_factory.mktemp("crossing")
    first.to_parquet(folder / "first.parquet")
    second.to_parquet(folder / "second.parquet")

    incremental = duckdb.connect(str(folder / "state.duckdb"))
    load_records_file(incremental, folder / "first.parquet", "er_night_input")
    resolve_keeping_state(incremental, "er_night_input")
    before = {"ZG": _refined(incremental, "ZG"), "ZS": _refined(incremental, "ZS")}
    load_records_file(incremental, folder / "second.parquet", "er_night_input")
    incremental.execute("SET threads = 3")
    night, changes = resolve_incrementally(incremental, "er_night_input")
    threads_after = incremental.execute("SELECT current_setting('threads')").fetchone()
    after = {"ZG": _refined(incremental, "ZG"), "ZS": _refined(incremental, "ZS")}

    rebuilt_con = duckdb.connect()
    load_records_file(rebuilt_con, folder / "second.parquet", "er_night_input")
    rebuilt = resolve_keeping_state(rebuilt_con, "er_night_input")
    return {
        "before": before,
        "after": after,
        "changes": changes,
        "night": night.clusters,
        "rebuilt": rebuilt.clusters,
        "incremental_kept": _kept(incremental),
        "rebuilt_kept": _kept(rebuilt_con),
        "threads_after": threads_after,
    }


def test_the_night_crosses_limits_both_ways(crossing: dict[str, object]) -> None:
    changes = crossing["changes"]
    assert (changes.added, changes.removed, changes.changed) == (15, 15, 0)  # type: ignore[attr-defined]
    # the growing record's blocks went past their limits (its kept keys blocked on the
    # refined or no key), the shrinking one's fell back under them
    before, after = crossing["before"], crossing["after"]
    assert before["ZG"] < after["ZG"]  # type: ignore[index]
    assert before["ZS"] > after["ZS"]  # type: ignore[index]


@pytest.mark.parametrize("kept", ["keys", "blocks", "pairs"])
def test_the_state_equals_a_full_rebuild_s(crossing: dict[str, object], kept: str) -> None:
    incremental = crossing["incremental_kept"][kept]  # type: ignore[index]
    assert len(incremental) > 1_000
    assert incremental == crossing["rebuilt_kept"][kept]  # type: ignore[index]


def test_clusters_equal_a_full_rebuild(crossing: dict[str, object]) -> None:
    assert crossing["night"] == crossing["rebuilt"]


def test_the_connection_s_threads_are_restored(crossing: dict[str, object]) -> None:
    # The night runs DuckDB on one thread and gives the connection back as it found it.
    assert crossing["threads_after"] == (3,)
