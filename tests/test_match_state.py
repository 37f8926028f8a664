"""Which match a night runs (warehouse/match_state.py), on a real warehouse built by the
test directory factory: incremental when the kept state is the running matcher's, in full
when asked, when there is no state, when the matcher changed, or when a killed night left
the state without its version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from directory_factory import build_directory  # tests/ helper module

from transforms.er.model import load_model
from warehouse.match_state import matcher_version, stored_version
from warehouse.stages import MatchSummary, match_and_build

MEMBERS = "SELECT * FROM institution_records ORDER BY ALL"


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return build_directory(tmp_path / "w.duckdb")  # its one night matched in full


def night(con: duckdb.DuckDBPyConnection, **kwargs: bool) -> MatchSummary:
    return match_and_build(con, "next", **kwargs)


def test_the_next_night_is_incremental_and_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    assert stored_version(con) == matcher_version(load_model())
    members = con.execute(MEMBERS).fetchall()
    summary = night(con)
    assert (summary.match_kind, summary.records_changed, summary.records_reclustered) == (
        "incremental",
        0,
        0,
    )
    assert con.execute(MEMBERS).fetchall() == members


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        ("UPDATE er_state_version SET version = 'an older one'", "the matcher changed"),
        ("DROP TABLE er_state_version", "no matcher state"),  # a night killed mid-write
        ("DROP TABLE er_state_records", "no matcher state"),
    ],
    ids=["matcher-changed", "no-version", "no-state"],
)
def test_a_night_matches_in_full_when_the_state_cannot_serve(
    con: duckdb.DuckDBPyConnection, tamper: str, reason: str
) -> None:
    members = con.execute(MEMBERS).fetchall()
    con.execute(tamper)
    summary = night(con)
    assert summary.match_kind == "full" and reason in summary.match_reason
    assert con.execute(MEMBERS).fetchall() == members
    assert night(con).match_kind == "incremental", "the full night kept a new state"


def test_a_full_match_when_asked(con: duckdb.DuckDBPyConnection) -> None:
    summary = night(con, full_match=True)
    assert summary.match_kind == "full" and "--full-match" in summary.match_reason
    assert summary.records_changed == summary.records_reclustered > 0


def test_the_version_follows_the_model() -> None:
    model = load_model()
    stricter = replace(model, thresholds=replace(model.thresholds, match=0.99))
    assert matcher_version(model) == matcher_version(load_model())
    assert matcher_version(stricter) != matcher_version(model)
