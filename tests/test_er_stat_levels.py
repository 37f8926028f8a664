"""A night rescores a pair whose record's counts moved only when `stat_levels_sql` moved.

On the first 4,000 records of er-dev (real-looking records, read from ../shared), every
candidate pair of the real blocking is compared, the records' counts (term frequencies,
crowds, mailbox spreads) are then moved across the ladders' buckets, and the pairs compared
again: every pair whose levels changed must show a changed `stat_levels_sql`, or an
incremental night would keep a stale score. And the filter must filter: some pairs of
records whose buckets moved keep their value.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er.blocking import block
from transforms.er.codes import encode_records
from transforms.er.features import build_features_from_raw
from transforms.er.ladders import compare
from transforms.er.model import contact_agreement, load_model
from transforms.er.standalone import load_records_file
from transforms.er.statistics import (
    STATISTICS,
    email_level_moved_sql,
    stat_buckets_sql,
    stat_levels_moved_sql,
    stat_levels_sql,
)

ER_DEV = SHARED / "benchmarks" / "er-dev"


def _stat_values(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute(
        f"""
        SELECT p.l, p.r, {stat_levels_sql("x", "y")} AS value
        FROM er_pairs p JOIN er_features x ON x.rid = p.l JOIN er_features y ON y.rid = p.r
        ORDER BY p.l, p.r
        """
    ).fetchall()


def _levels(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    pairs = con.execute("SELECT l, r FROM er_pairs ORDER BY l, r").df()
    left = pairs["l"].to_numpy(np.int32)
    right = pairs["r"].to_numpy(np.int32)
    return pairs, compare(encode_records(con), left, right)


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet")
    folder = tmp_path_factory.mktemp("stat_levels")
    records.sort_values("record_id").head(4_000).to_parquet(folder / "records.parquet")
    con = duckdb.connect()
    load_records_file(con, folder / "records.parquet", "er_input")
    build_features_from_raw(con, "er_input")
    block(con)
    pairs, before = _levels(con)
    values_before = _stat_values(con)
    con.execute(
        f"CREATE TEMP TABLE buckets_before AS SELECT rid, {stat_buckets_sql('f')} AS b FROM er_features f"
    )
    con.execute(
        "CREATE TEMP TABLE counts_before AS SELECT rid, "
        + ", ".join(f"{c} AS old_{c}" for c in STATISTICS)
        + " FROM er_features"
    )
    # Every other record's counts moved, across the buckets (rare/common names, small and
    # large crowds, phrases, shared mailboxes): as a night's neighbours would move them.
    con.execute(
        """
        UPDATE er_features SET name_tf = name_tf * 9 + 2, name_areas = 3 - least(name_areas, 2),
               core_tf = core_tf * 13 + 1, crowd = CASE WHEN crowd = 0 THEN 0 ELSE crowd * 5 + 3 END,
               email_areas = 3 - least(email_areas, 2)
        WHERE rid % 2 = 0
        """
    )
    _, after = _levels(con)
    values_after = _stat_values(con)
    moved_records = {
        int(row[0])
        for row in con.execute(
            f"SELECT f.rid FROM er_features f JOIN buckets_before b USING (rid)"
            f" WHERE {stat_buckets_sql('f')} <> b.b"
        ).fetchall()
    }
    both = "(SELECT * FROM er_features JOIN counts_before USING (rid))"
    listed_and_scalar = con.execute(
        f"""
        SELECT {stat_levels_sql("x", "y")} <> {stat_levels_sql("x", "y", prefix="old_")},
               coalesce({stat_levels_moved_sql("x", "y")}, false),
               coalesce({email_level_moved_sql("x", "y")}, false)
        FROM er_pairs p JOIN {both} x ON x.rid = p.l JOIN {both} y ON y.rid = p.r
        ORDER BY p.l, p.r
        """
    ).fetchall()
    return {
        "listed_and_scalar": listed_and_scalar,
        "pairs": pairs,
        "before": before,
        "after": after,
        "values_before": values_before,
        "values_after": values_after,
        "moved_records": moved_records,
    }


def test_a_pair_whose_levels_moved_shows_a_moved_value(moved: dict[str, object]) -> None:
    before: dict[str, np.ndarray] = moved["before"]  # type: ignore[assignment]
    after: dict[str, np.ndarray] = moved["after"]  # type: ignore[assignment]
    changed = np.zeros(len(moved["pairs"]), dtype=bool)  # type: ignore[arg-type]
    for field in before:
        changed |= before[field] != after[field]
    value_moved = np.array(
        [
            b[2] != a[2]
            for b, a in zip(moved["values_before"], moved["values_after"], strict=True)  # type: ignore[call-overload]
        ],
        dtype=bool,
    )
    assert changed.sum() > 500  # the counts moved many pairs' levels
    missed = np.flatnonzero(changed & ~value_moved)
    assert missed.tolist() == []


def test_the_filter_keeps_pairs_whose_levels_stayed(moved: dict[str, object]) -> None:
    pairs: pd.DataFrame = moved["pairs"]  # type: ignore[assignment]
    moved_records: set[int] = moved["moved_records"]  # type: ignore[assignment]
    touched = pairs["l"].isin(moved_records) | pairs["r"].isin(moved_records)
    value_moved = pd.Series(
        [
            b[2] != a[2]
            for b, a in zip(moved["values_before"], moved["values_after"], strict=True)  # type: ignore[call-overload]
        ]
    )
    assert touched.sum() > 1_000
    # Pairs of a record whose buckets moved, but whose levels need no rescoring.
    assert (touched & ~value_moved).sum() > 100


def test_the_night_s_scalar_test_is_the_listed_one(moved: dict[str, object]) -> None:
    """`stat_levels_moved_sql` (what a night filters the pairs near its moved records by)
    says a pair's value moved exactly where `stat_levels_sql` differs between the counts
    before and after."""
    rows: list[tuple[bool, bool, bool]] = moved["listed_and_scalar"]  # type: ignore[assignment]
    assert sum(listed for listed, _, _ in rows) > 500
    assert sum(not listed for listed, _, _ in rows) > 500
    assert [i for i, (listed, scalar, _) in enumerate(rows) if listed != scalar] == []


def test_a_vetoed_pair_keeps_its_score_unless_its_mailboxes_moved(
    moved: dict[str, object],
) -> None:
    """A night leaves a vetoed kept pair (probability exactly 0) unscored unless
    `email_level_moved_sql` says its e-mail level moved: where it says not, the pair's
    probability and contact agreement after the counts moved are those before."""
    model = load_model()
    before: dict[str, np.ndarray] = moved["before"]  # type: ignore[assignment]
    after: dict[str, np.ndarray] = moved["after"]  # type: ignore[assignment]
    rows: list[tuple[bool, bool, bool]] = moved["listed_and_scalar"]  # type: ignore[assignment]
    p_before, p_after = model.probability(before), model.probability(after)
    assert (p_before == 0).sum() > 500 and (p_before > 0).sum() > 500
    email_moved = np.array([email for _, _, email in rows], dtype=bool)
    listed = np.array([listed for listed, _, _ in rows], dtype=bool)
    skipped = (p_before == 0) & listed & ~email_moved
    # Most vetoed pairs whose statistics moved are left as they are (what the night gains).
    assert skipped.sum() > 200
    kept = np.flatnonzero(skipped)
    assert (p_after[kept] == 0).all()
    agree_before, agree_after = contact_agreement(before), contact_agreement(after)
    assert (agree_before[kept] == agree_after[kept]).all()
    assert (before["number"][kept] == after["number"][kept]).all()
    # Where the mailboxes' part moved, a pair's contact agreement (a veto's exception) does
    # move: such a vetoed pair must still be rescored.
    assert (agree_before[email_moved] != agree_after[email_moved]).any()
    assert (agree_before[~email_moved] == agree_after[~email_moved]).all()
