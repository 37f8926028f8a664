"""Incremental matching equals a full rebuild.

On er-dev (20 042 real-looking records, read from ../shared): a first night matched in full
keeps the state; the next night adds, changes and removes 1 % of the records and changes the
coordinators' decisions; the incremental run's clusters, review cases, scored pairs and
stable institution ids must equal those of a full run on the second night's records.
"""

from __future__ import annotations

import random
from collections import defaultdict

import duckdb
import numpy as np
import pandas as pd
import pytest
from helpers import SHARED

from transforms.er import features
from transforms.er.blocking import RULES
from transforms.er.cluster import assign_cluster_ids
from transforms.er.decisions import Decision
from transforms.er.features import BARE_SQL
from transforms.er.incremental import has_state, resolve_incrementally, resolve_keeping_state
from transforms.er.incremental_keys import BLOCKS_TEXT_SQL, KEYS_TEXT_SQL
from transforms.er.model import load_model
from transforms.er.resolve import Resolution
from transforms.er.standalone import load_records_file

ER_DEV = SHARED / "benchmarks" / "er-dev"


def _members(resolution: Resolution) -> dict[str, list[str]]:
    members: defaultdict[str, list[str]] = defaultdict(list)
    for record_id, key in resolution.clusters.items():
        members[key].append(record_id)
    return dict(members)


def _state_pairs(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute(
        """
        SELECT x.record_id, y.record_id, p.probability, p.apart, p.agree
        FROM er_state_pairs p
        JOIN er_state_records x ON x.uid = p.a JOIN er_state_records y ON y.uid = p.b
        ORDER BY 1, 2
        """
    ).fetchall()


# What the state keeps for the next night, by record id (uids differ between the two runs):
# every rule's keys, the block sizes, the review band's levels, the term-frequency counts,
# every cluster's conflicts.
KEPT = (
    (
        "keys",
        "SELECT k.rule, s.record_id, k.key, k.refined, k.eff"
        f" FROM ({KEYS_TEXT_SQL}) k JOIN er_state_records s USING (uid) ORDER BY ALL",
    ),
    ("blocks", f"SELECT * FROM ({BLOCKS_TEXT_SQL}) ORDER BY ALL"),
    (
        "band",
        "SELECT x.record_id, y.record_id, b.* EXCLUDE (a, b) FROM er_state_band b"
        " JOIN er_state_records x ON x.uid = b.a JOIN er_state_records y ON y.uid = b.b"
        " ORDER BY ALL",
    ),
    (
        "statistics",
        "SELECT s.record_id, s.name_tf, s.name_areas, coalesce(c.n, 0), s.crowd, s.email_areas"
        " FROM er_state_records s LEFT JOIN er_state_cores c USING (core) ORDER BY 1",
    ),
    ("type phrase counts", "SELECT core, n FROM er_state_cores ORDER BY ALL"),
    ("place stems", "SELECT record_id, place_stems FROM er_state_records ORDER BY 1"),
    (
        "conflicts",
        'SELECT cluster_key, field, "values" FROM er_state_conflicts ORDER BY cluster_key, field',
    ),
)
KEY_IDS = "SELECT id, rule, key FROM er_state_key_ids ORDER BY id"
NAMES = "SELECT * FROM er_state_names ORDER BY value"
# At least this many rows of each (a state left empty must not pass).
KEPT_AT_LEAST = {"band": 500, "conflicts": 100, "type phrase counts": 100}


def _names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The names of the records loaded (as `load_records_file` wrote them), none empty."""
    rows = con.execute("SELECT DISTINCT name FROM er_night_input WHERE name <> ''").fetchall()
    return {str(row[0]) for row in rows}


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if not (ER_DEV / "records.parquet").exists():
        pytest.fail(f"er-dev is missing: expected it at {ER_DEV}")
    records = pd.read_parquet(ER_DEV / "records.parquet")
    rng = random.Random(16)
    ids = sorted(records["record_id"])
    picked = rng.sample(ids, 201)  # 1 %: 67 added, 67 removed, 67 changed
    added, removed, changed = set(picked[:67]), set(picked[67:134]), set(picked[134:])
    first = records[~records["record_id"].isin(added)].copy()
    second = records[~records["record_id"].isin(removed)].copy()
    edit = second["record_id"].isin(changed)
    # A night's changes as sources make them: a new phone, a name respelt.
    second.loc[edit, "phone"] = [f"600 100 {i:03d}" for i in range(int(edit.sum()))]
    second.loc[edit, "name"] = second.loc[edit, "name"].str.upper()
    folder = tmp_path_factory.mktemp("nights")
    first.to_parquet(folder / "first.parquet")
    second.to_parquet(folder / "second.parquet")
    decisions = [
        Decision.of(ids[i], ids[i + 1], verdict)
        for i, verdict in zip(range(0, 120, 4), ["same", "different", "unsure"] * 10, strict=True)
    ]

    incremental = duckdb.connect(str(folder / "state.duckdb"))
    load_records_file(incremental, folder / "first.parquet", "er_night_input")
    first_night = resolve_keeping_state(incremental, "er_night_input", decisions=decisions[:15])
    first_names = _names(incremental)
    first_key_ids = incremental.execute(KEY_IDS).fetchall()
    load_records_file(incremental, folder / "second.parquet", "er_night_input")
    second_names = _names(incremental)
    # The names the night parses (the parser itself runs; each name it is given is noted).
    parsed: list[str] = []
    parse = features._name_row
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(features, "_name_row", lambda raw: parsed.append(raw) or parse(raw))
        second_night, changes = resolve_incrementally(
            incremental, "er_night_input", decisions=decisions
        )

    full = duckdb.connect()
    load_records_file(full, folder / "second.parquet", "er_night_input")
    rebuilt = resolve_keeping_state(full, "er_night_input", decisions=decisions)
    return {
        "first": first_night,
        "incremental": second_night,
        "changes": changes,
        "rebuilt": rebuilt,
        "incremental_pairs": _state_pairs(incremental),
        "rebuilt_pairs": _state_pairs(full),
        "incremental_kept": {name: incremental.execute(sql).fetchall() for name, sql in KEPT},
        "rebuilt_kept": {name: full.execute(sql).fetchall() for name, sql in KEPT},
        "con": incremental,
        "decisions": decisions,
        "first_key_ids": first_key_ids,
        "key_ids": incremental.execute(KEY_IDS).fetchall(),
        "parsed": parsed,
        "first_names": first_names,
        "second_names": second_names,
        "incremental_names": incremental.execute(NAMES).fetchall(),
        "rebuilt_names": full.execute(NAMES).fetchall(),
    }


def test_the_night_is_counted(nights: dict[str, object]) -> None:
    changes = nights["changes"]
    assert (changes.added, changes.removed, changes.changed) == (67, 67, 67)  # type: ignore[attr-defined]
    assert changes.unchanged == 20_042 - 67 - 67 - 67  # type: ignore[attr-defined]


def test_clusters_equal_a_full_rebuild(nights: dict[str, object]) -> None:
    incremental: Resolution = nights["incremental"]  # type: ignore[assignment]
    rebuilt: Resolution = nights["rebuilt"]  # type: ignore[assignment]
    assert len(incremental.clusters) == 20_042 - 67
    differing = [r for r in rebuilt.clusters if incremental.clusters[r] != rebuilt.clusters[r]]
    assert differing == []


def test_scored_pairs_and_review_cases_equal_a_full_rebuild(nights: dict[str, object]) -> None:
    assert nights["incremental_pairs"] == nights["rebuilt_pairs"]
    incremental: Resolution = nights["incremental"]  # type: ignore[assignment]
    rebuilt: Resolution = nights["rebuilt"]  # type: ignore[assignment]
    assert incremental.review_cases == rebuilt.review_cases
    # every cluster's conflicts, not only those of the clusters the night re-made
    assert incremental.conflict_cases == rebuilt.conflict_cases
    assert len(rebuilt.conflict_cases) > 100


@pytest.mark.parametrize("kept", [name for name, _ in KEPT])
def test_the_state_kept_equals_a_full_rebuild_s(nights: dict[str, object], kept: str) -> None:
    incremental = nights["incremental_kept"][kept]  # type: ignore[index]
    assert len(incremental) > KEPT_AT_LEAST.get(kept, 10_000)
    assert incremental == nights["rebuilt_kept"][kept]  # type: ignore[index]


def test_the_night_numbers_only_its_new_key_texts(nights: dict[str, object]) -> None:
    """The dictionary of key texts: a night keeps every id it had, gives each text it had
    not seen one new id (its new phones, its names respelt), and never a second id to a
    text it holds."""
    first: list[tuple[int, int, str]] = nights["first_key_ids"]  # type: ignore[assignment]
    tonight: list[tuple[int, int, str]] = nights["key_ids"]  # type: ignore[assignment]
    assert tonight[: len(first)] == first
    added = tonight[len(first) :]
    assert len(added) > 67
    assert [row[0] for row in added] == list(range(len(first), len(tonight)))
    assert len({(rule, key) for _, rule, key in tonight}) == len(tonight)
    phone = next(i for i, rule in enumerate(RULES) if rule.name == "phone")
    phones = {key for _, rule, key in added if rule == phone}
    assert phones, added[:20]
    assert {"600100000", "600100066"} <= phones, sorted(phones)[:5]


def test_the_night_parses_only_the_names_it_has_not_seen(nights: dict[str, object]) -> None:
    """The kept names (`er_state_names`): a night parses the names no earlier night parsed
    (the changed records' names respelt), not the others (the new records' names seen
    before among other records', the changed records' kept names), and what it keeps for
    every name of tonight is what a full rebuild parses; the names of records gone stay."""
    parsed: list[str] = nights["parsed"]  # type: ignore[assignment]
    first: set[str] = nights["first_names"]  # type: ignore[assignment]
    second: set[str] = nights["second_names"]  # type: ignore[assignment]
    unseen = second - first
    assert len(unseen) > 50
    assert sorted(parsed) == sorted(unseen)
    kept: list[tuple[object, ...]] = nights["incremental_names"]  # type: ignore[assignment]
    rebuilt: list[tuple[object, ...]] = nights["rebuilt_names"]  # type: ignore[assignment]
    assert len(rebuilt) > 10_000
    assert [row for row in kept if row[0] in second] == rebuilt
    assert {row[0] for row in kept} == first | second


def test_the_pairs_that_join_are_counted_by_difference(nights: dict[str, object]) -> None:
    """A night moves the count of the state's pairs that join (`er_state_counts`) by the
    pairs it dropped and scored; it equals a count over a full rebuild's pairs."""
    th = load_model().thresholds
    rebuilt: list[tuple[str, str, float, bool, bool]] = nights["rebuilt_pairs"]  # type: ignore[assignment]
    joining = int(
        th.joins(np.array([p[2] for p in rebuilt]), np.array([p[4] for p in rebuilt])).sum()
    )
    assert joining > 1_000
    assert nights["incremental"].pairs_matched == joining  # type: ignore[attr-defined]


def test_the_kept_bare_flag_is_the_records_own(nights: dict[str, object]) -> None:
    """Each kept record's `bare` flag (read by the night's clustering instead of its
    contacts) is what `BARE_SQL` says of its features, for the night's new and changed
    records as for the others, and some records are bare."""
    con: duckdb.DuckDBPyConnection = nights["con"]  # type: ignore[assignment]
    row = con.execute(
        f"SELECT count(*) FILTER (bare IS DISTINCT FROM ({BARE_SQL})), count(*) FILTER (bare)"
        " FROM er_state_records"
    ).fetchone()
    assert row is not None
    wrong, bare = row
    assert wrong == 0
    assert bare > 100


def test_institution_ids_are_those_of_a_full_rebuild(nights: dict[str, object]) -> None:
    first: Resolution = nights["first"]  # type: ignore[assignment]
    previous, _ = assign_cluster_ids(_members(first), {})
    incremental_ids, _ = assign_cluster_ids(_members(nights["incremental"]), previous)  # type: ignore[arg-type]
    rebuilt_ids, _ = assign_cluster_ids(_members(nights["rebuilt"]), previous)  # type: ignore[arg-type]
    assert incremental_ids == rebuilt_ids
    unchanged = [r for r in incremental_ids if r in previous]
    kept = sum(incremental_ids[r] == previous[r] for r in unchanged)
    assert kept / len(unchanged) > 0.99


def test_decisions_win(nights: dict[str, object]) -> None:
    clusters = nights["incremental"].clusters  # type: ignore[attr-defined]
    for decision in nights["decisions"]:  # type: ignore[attr-defined]
        if decision.record_a not in clusters or decision.record_b not in clusters:
            continue
        together = clusters[decision.record_a] == clusters[decision.record_b]
        if decision.verdict == "different":
            assert not together, decision


def test_only_part_of_the_records_is_reclustered(nights: dict[str, object]) -> None:
    changes = nights["changes"]
    assert 0 < changes.records_reclustered < 20_042 * 0.3  # type: ignore[attr-defined]


def test_a_night_without_changes_changes_nothing(nights: dict[str, object]) -> None:
    con: duckdb.DuckDBPyConnection = nights["con"]  # type: ignore[assignment]
    again, changes = resolve_incrementally(
        con,
        "er_night_input",
        decisions=nights["decisions"],  # type: ignore[arg-type]
    )
    assert (changes.added, changes.changed, changes.removed) == (0, 0, 0)
    assert changes.pairs_rescored == 0
    assert changes.records_reclustered == 0
    assert again.clusters == nights["incremental"].clusters  # type: ignore[attr-defined]


def test_a_night_needs_a_state() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE er_night_input (record_id VARCHAR)")
    assert not has_state(con)
    with pytest.raises(ValueError, match="no matcher state"):
        resolve_incrementally(con, "er_night_input")
