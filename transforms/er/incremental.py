"""Incremental matching: a night's new, changed and removed records against the last state.

A full run (`resolve_keeping_state`) leaves, besides its clusters, the state the next night
needs, as regular tables in the connection's database:

- `er_state_records`: every record's features (`er_features` without the run's `rid` and the
  type phrase's count, `core_tf`, kept per phrase in `er_state_cores(core, n)`), a
  stable integer `uid`, the fingerprint of its input row, whether it is bare
  (`features.BARE_SQL`, read by the clustering: a night reads the flag, not the contacts, of
  the records it re-clusters), its places' stems (`codes.PLACE_STEMS_SQL`, read when its
  pairs are rescored), its match-graph component and its cluster (the uid of its cluster's
  smallest record id);
- `er_state_pairs(a, b, probability, apart, agree)`: every candidate pair with its
  probability, whether the numbers differ (a veto) and whether a contact agrees
  (`model.contact_agreement`), `a` the record with the smaller record id;
- `er_state_blocks(level, key, n)`: the size of every block, before (`raw`) and after
  (`eff`) dense blocks are re-keyed, by key id;
- `er_state_keys(rule, uid, key, refined, eff)`: every rule's keys of every record, as ids
  of `er_state_key_ids(id, rule, key)`, the dictionary of every rule's key texts
  (`incremental_keys`);
- `er_state_band(a, b, probability, lv_<ladder>...)`: every pair of the review band with
  its ladders' levels (the evidence of its review case);
- `er_state_conflicts(cluster_key, field, values)`: every cluster's conflicting phones and
  addresses (`review.conflicts_sql`), by the cluster's smallest record id;
- `er_state_counts(matched)`: how many of `er_state_pairs` join (moved by difference);
- `er_state_decisions`: the coordinators' decisions the clusters were made with;
- `er_state_names(value, <the name's parts>)`: every name parsed for the state, by its text
  (`known_names`): a night parses only the names it has not seen, so a night
  whose names were all seen never loads the name parser.

`resolve_incrementally` then matches only what the night touched: it finds the new, changed
and removed records by fingerprint, parses and keys only the new and changed ones, recounts
the statistics the ladders weigh agreement by where those records (and the ones gone) came
or went in number, moves the sizes of the blocks they enter or leave, proposes the candidate
pairs of the blocks those records fall in (and re-checks the blocks that grew past, or shrank
under, their size limit), scores the new pairs and those whose statistics moved, and re-clusters only the
components of the match graph that any of this reached. Within a component the pairs are
joined in the order a full run would join them, so the clusters equal a full rebuild's.
Clusters a night did not touch keep their keys, and coordinators' decisions are applied as
in a full run. Review cases are made for every pair in the review band, as a full run makes
them (one query over the state: the band's levels are kept, nothing is compared again), and
conflict cases for every cluster: those of the clusters the night did not touch are kept,
those of the re-clustered region made anew.

A night works on the state itself, in uids: the rows of the records that changed or left
are deleted from `er_state_records` and the new and changed records' rows inserted, the
statistics are recounted there in place, only the pairs the night drops, adds or scores anew
are deleted from and inserted into `er_state_pairs` and `er_state_band`, and only the
re-clustered region's clusters and components are written. No table of every record is
copied; what still reads every record is the fingerprint of tonight's input rows and the
clusters returned (`Resolution.clusters`, every record's). A night runs in one transaction
(its caller's, or one of its own), and the kept rows it deletes or updates (records, pairs,
keys, block sizes) are found by the row ids it read them with, which hold within it: a join
by uid or key to find them scanned every row of the table again.

Both take the columns a record's fingerprint is made of (`columns`): the standalone raw layout
by default (`INPUT_COLUMNS`, plus `teryt` where the table has it); the nightly run passes the
columns of `records` that `features.build_features_from_records` reads (`RECORDS_COLUMNS`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Protocol

import duckdb
import numpy as np
import pandas as pd

from transforms.er.cluster import components
from transforms.er.codes import PLACE_STEMS_SQL
from transforms.er.decisions import Decision, decided_pairs
from transforms.er.features import BARE_SQL, build_features_from_raw
from transforms.er.helper_tables import drop_tables, table_exists
from transforms.er.incremental_clusters import (
    clusters_of,
    recluster,
    region_to_recluster,
    review_cases,
    update_conflicts,
)
from transforms.er.incremental_keys import save_keys, save_night_keys
from transforms.er.incremental_pairs import new_candidates, rescore
from transforms.er.model import PairModel, load_model
from transforms.er.resolve import Resolution, resolve_features
from transforms.er.scoring import band_table_sql
from transforms.er.statistics import core_counts_sql, update_statistics


class Builder(Protocol):
    """Builds `er_features` from a table of records (`features.build_features_from_raw`,
    `build_features_from_records`); without `statistics`, their counts left at 0; with
    `known_names`, the names that table holds parsed are not parsed again, and the others are
    added to it."""

    def __call__(
        self,
        con: duckdb.DuckDBPyConnection,
        table: str,
        *,
        statistics: bool = True,
        known_names: str | None = None,
    ) -> int: ...


INPUT_COLUMNS = (
    "record_id", "source", "name", "street", "postal_code", "locality", "phone", "email",
    "website", "nip", "regon",
)  # fmt: skip
# The columns of the nightly `records` table that `build_features_from_records` reads.
RECORDS_COLUMNS = (
    "record_id", "source", "name", "type_code", "number", "street", "postal_code", "locality",
    "phones", "emails", "website_host", "nip", "regon", "gmina_teryt",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NightChanges:
    """What a night brought, by fingerprint of the input rows."""

    added: int
    changed: int
    removed: int
    unchanged: int
    pairs_rescored: int
    records_reclustered: int


def has_state(con: duckdb.DuckDBPyConnection) -> bool:
    return table_exists(con, "er_state_records")


def _check_table(table: str) -> None:
    if table == "er_features" or table.startswith(("er_inc_", "er_state_")):
        raise ValueError(f"incremental matching: {table!r} is a name the matcher uses itself")


def _fingerprint_sql(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str] | None
) -> str:
    """SQL of a record's fingerprint: a hash of the columns its features are made of
    (DuckDB's 64-bit `hash` of the values themselves: no text is built to be hashed)."""
    _check_table(table)
    if columns is None:
        present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
        columns = (*INPUT_COLUMNS, "teryt") if "teryt" in present else INPUT_COLUMNS
    return f"hash({', '.join(c for c in columns if c != 'record_id')})"


def _fingerprints(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str] | None
) -> None:
    """`er_inc_fingerprints(record_id, fingerprint)` of every record of `table`."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_fingerprints AS
        SELECT record_id, {_fingerprint_sql(con, table, columns)} AS fingerprint FROM {table}
        """
    )


# ---------------------------------------------------------------------------------------------
# A full run that keeps the state
# ---------------------------------------------------------------------------------------------


def resolve_keeping_state(
    con: duckdb.DuckDBPyConnection,
    table: str,
    *,
    decisions: Sequence[Decision] = (),
    model: PairModel | None = None,
    build: Builder = build_features_from_raw,
    columns: Sequence[str] | None = None,
) -> Resolution:
    """Match every record of `table` (the standalone raw layout unless `build` and `columns`
    say otherwise) and keep the state."""
    model = model or load_model()
    _fingerprints(con, table, columns)
    # Every name parsed anew (the state's names are kept by the code that parsed them).
    con.execute("DROP TABLE IF EXISTS er_state_names")
    build(con, table, known_names="er_state_names")
    result = resolve_features(
        con,
        decisions=decisions,
        model=model,
        keep_pairs="er_inc_kept_pairs",
        keep_conflicts="er_inc_kept_conflicts",
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_next AS
        SELECT CAST(f.rid AS INTEGER) AS uid, f.*, p.fingerprint, {BARE_SQL} AS bare,
               {PLACE_STEMS_SQL} AS place_stems
        FROM er_features f JOIN er_inc_fingerprints p USING (record_id)
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TABLE er_state_pairs AS
        SELECT CAST(l AS INTEGER) AS a, CAST(r AS INTEGER) AS b, probability, apart, agree
        FROM er_inc_kept_pairs
        """
    )
    con.execute("DROP TABLE er_inc_kept_pairs")
    con.execute(f"CREATE OR REPLACE TABLE er_state_cores AS {core_counts_sql('er_features')}")
    th = model.thresholds
    con.execute(
        "CREATE OR REPLACE TABLE er_state_counts AS SELECT CAST(count(*) AS INTEGER) AS matched "
        f"FROM er_state_pairs WHERE {th.joins_sql('probability', 'agree')}"
    )
    con.execute(band_table_sql("er_state_band"))
    con.execute("INSERT INTO er_state_band SELECT * FROM er_inc_kept_pairs_band")
    con.execute("DROP TABLE er_inc_kept_pairs_band")
    con.execute(
        'CREATE OR REPLACE TABLE er_state_conflicts AS SELECT cluster_key, field, "values" '
        "FROM er_inc_kept_conflicts"
    )
    con.execute("DROP TABLE er_inc_kept_conflicts")
    uid_of = dict(con.execute("SELECT record_id, uid FROM er_inc_next").fetchall())
    cluster = {uid_of[r]: uid_of[k] for r, k in result.clusters.items()}
    component = _components_from_state(con, model, decisions, uid_of)
    _save_records(con, cluster, component)
    save_keys(con)
    _save_decisions(con, decisions)
    return result


def _components_from_state(
    con: duckdb.DuckDBPyConnection,
    model: PairModel,
    decisions: Sequence[Decision],
    uid_of: dict[str, int],
) -> dict[int, int]:
    """uid -> smallest uid of its component of the match graph (joins and "same")."""
    th = model.thresholds
    decided = decided_pairs(decisions, uid_of)
    must = con.execute(
        f"SELECT a, b FROM er_state_pairs WHERE {th.joins_sql('probability', 'agree')}"
    ).fetchnumpy()
    left = np.asarray(must["a"], dtype=np.int32)
    right = np.asarray(must["b"], dtype=np.int32)
    keep = np.array(
        [(min(a, b), max(a, b)) not in decided for a, b in zip(left, right, strict=True)], bool
    )
    same = [k for k, v in decided.items() if v == "same"]
    n = int(max(uid_of.values(), default=-1)) + 1
    labels = components(
        n,
        np.concatenate([left[keep], np.array([k[0] for k in same], np.int32)]),
        np.concatenate([right[keep], np.array([k[1] for k in same], np.int32)]),
    )
    return {uid: int(labels[uid]) for uid in uid_of.values()}


def _save_records(
    con: duckdb.DuckDBPyConnection, cluster: dict[int, int], component: dict[int, int]
) -> None:
    frame = pd.DataFrame(
        {
            "uid": np.fromiter(cluster.keys(), np.int32, len(cluster)),
            "cluster": np.fromiter(cluster.values(), np.int32, len(cluster)),
        }
    )
    frame["component"] = frame["uid"].map(component).astype(np.int32)
    con.register("er_inc_state_frame", frame)
    con.execute(
        """
        CREATE OR REPLACE TABLE er_state_records AS
        SELECT n.* EXCLUDE (rid, core_tf), c.cluster, c.component
        FROM er_inc_next n JOIN er_inc_state_frame c USING (uid)
        """
    )
    con.unregister("er_inc_state_frame")


def _save_decisions(con: duckdb.DuckDBPyConnection, decisions: Sequence[Decision]) -> None:
    con.execute(
        "CREATE OR REPLACE TABLE er_state_decisions "
        "(position INTEGER, record_a VARCHAR, record_b VARCHAR, verdict VARCHAR)"
    )
    if decisions:
        con.executemany(
            "INSERT INTO er_state_decisions VALUES (?, ?, ?, ?)",
            [(i, d.record_a, d.record_b, d.verdict) for i, d in enumerate(decisions)],
        )


# ---------------------------------------------------------------------------------------------
# A night
# ---------------------------------------------------------------------------------------------


def resolve_incrementally(
    con: duckdb.DuckDBPyConnection,
    table: str,
    *,
    decisions: Sequence[Decision] = (),
    model: PairModel | None = None,
    build: Builder = build_features_from_raw,
    review_limit: int = 50_000,
    columns: Sequence[str] | None = None,
) -> tuple[Resolution, NightChanges]:
    """Match the records of `table` (all of tonight's records, raw layout) against the state
    a previous run left, and update the state in place. The clusters equal a full run's.

    DuckDB runs the night on one thread (the connection's setting is restored after): its
    statements are small, and a second thread shortened none of them but added a third to
    the night's CPU (0.72-0.83 s against 0.51-0.58 s on the national 1 % night, wall time
    lower too, under load)."""
    if not has_state(con):
        raise ValueError("incremental matching: no matcher state here; run a full match first")
    with single_threaded(con), _one_transaction(con):
        return _resolve_night(con, table, decisions, model, build, review_limit, columns)


@contextmanager
def _one_transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """The night in one transaction: the caller's (`warehouse.match_state` opens one, all or
    nothing), or else one of its own. The night deletes and updates the state's rows by the
    row ids it read them with, and a row id holds within a transaction (a checkpoint between
    two statements may renumber the rows of a table)."""
    # Two statements see one transaction id only inside a transaction (a BEGIN inside one
    # fails, and the failure aborts the caller's transaction).
    ids = [con.execute("SELECT current_transaction_id()").fetchone() for _ in range(2)]
    if ids[0] == ids[1]:
        yield
        return
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def single_threaded(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB on one thread inside, the connection's thread count restored after. A night
    that fails inside its caller's transaction leaves it aborted, and no setting can be
    changed until the rollback: the night's own error propagates, and a caller that opened
    the transaction restores the count after it (`warehouse.match_state`)."""
    row = con.execute("SELECT current_setting('threads')").fetchone()
    threads = int(row[0]) if row else 1
    if threads == 1:  # already (a caller's own `single_threaded`)
        yield
        return
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        with suppress(duckdb.TransactionException):
            con.execute(f"SET threads = {threads}")


def _resolve_night(
    con: duckdb.DuckDBPyConnection,
    table: str,
    decisions: Sequence[Decision],
    model: PairModel | None,
    build: Builder,
    review_limit: int,
    columns: Sequence[str] | None,
) -> tuple[Resolution, NightChanges]:
    model = model or load_model()
    th = model.thresholds
    clock = time.perf_counter()
    stats: dict[str, float] = {}
    counts = _classify(con, table, columns)
    _apply_night(con, build)
    stats["features_s"] = round(time.perf_counter() - clock, 2)

    lap = time.perf_counter()
    rule_counts = new_candidates(con)
    stats["blocking_s"] = round(time.perf_counter() - lap, 2)

    lap = time.perf_counter()
    rescored, matched = rescore(con, model)
    stats["scoring_s"] = round(time.perf_counter() - lap, 2)

    lap = time.perf_counter()
    decisions_moved = not _kept_decisions_equal(con, decisions)
    region_to_recluster(con, model, decisions, decisions_moved)
    reclustered, refused = recluster(con, model, decisions)
    stats["clustering_s"] = round(time.perf_counter() - lap, 2)

    lap = time.perf_counter()
    state = clusters_of(con)
    clusters = state.keys
    decided = {
        (min(d.record_a, d.record_b), max(d.record_a, d.record_b))
        for d in decisions
        if d.record_a in clusters and d.record_b in clusters
    }
    cases = review_cases(con, state, review_limit, decided, model.explain)
    conflicts = update_conflicts(con)
    stats["review_s"] = round(time.perf_counter() - lap, 2)
    lap = time.perf_counter()
    save_night_keys(con)
    if decisions_moved:
        _save_decisions(con, decisions)
    drop_tables(con, ("er_inc_night", "er_inc_old", "er_inc_dirty", "er_inc_removed",
                 "er_inc_stat_moved", "er_inc_stat_pairs", "er_inc_fresh", "er_inc_old_pairs",
                 "er_inc_to_score", "er_inc_scored", "er_inc_near", "er_inc_regroup",
                 "er_inc_region", "er_inc_decided_now"))  # fmt: skip
    stats["saving_s"] = round(time.perf_counter() - lap, 2)
    stats["total_s"] = round(time.perf_counter() - clock, 2)
    resolution = Resolution(
        clusters=clusters,
        pairs_scored=rescored,
        pairs_matched=matched,
        review_cases=tuple(cases),
        conflict_cases=tuple(conflicts),
        rule_counts=rule_counts,
        thresholds=th,
        refused_joins=refused,
        stats=stats,
    )
    changes = NightChanges(
        added=counts["added"],
        changed=counts["changed"],
        removed=counts["removed"],
        unchanged=counts["same"],
        pairs_rescored=rescored,
        records_reclustered=reclustered,
    )
    return resolution, changes


def _kept_decisions_equal(con: duckdb.DuckDBPyConnection, decisions: Sequence[Decision]) -> bool:
    """Whether tonight's decisions are those the state was made with, in their order (one
    read of the kept ones: a night with no decision moved neither writes them anew nor looks
    for their ends)."""
    kept = con.execute(
        "SELECT record_a, record_b, verdict FROM er_state_decisions ORDER BY position"
    ).fetchall()
    return kept == [(d.record_a, d.record_b, d.verdict) for d in decisions]


_INPUT_PREFIX = "er_in_"  # of the input's columns carried through `_classify`'s join


def _classify(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str] | None
) -> dict[str, int]:
    """`er_inc_night(record_id, uid, status, fingerprint, input)`: the records tonight added,
    changed or removed, by a hash of the columns features are made of (only tonight's rows
    are hashed; the state keeps last night's); added records get new uids after the largest
    one; `input`, a struct of an added or changed record's row as the features read it (the
    row, or its `columns`), so that the night reads its input table once. Returns the count
    of each, and of the records that stayed the same."""
    # The row's struct is built after the join, for the rows that changed only: built for
    # every row before it, it was carried through the join (~4 ms of ~34 on the national
    # 1 % night, most of it for rows that stayed the same).
    if columns is None:
        carried, row_sql = "t", "f.t"
    else:
        carried = ", ".join(f"t.{c} AS {_INPUT_PREFIX}{c}" for c in columns)
        row_sql = "{" + ", ".join(f"'{c}': f.{_INPUT_PREFIX}{c}" for c in columns) + "}"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_inc_night AS
        WITH tonight AS (
            SELECT t.record_id, {_fingerprint_sql(con, table, columns)} AS fingerprint,
                   {carried}
            FROM {table} t
        ),
        joined AS (
            SELECT coalesce(f.record_id, s.record_id) AS night_record_id, s.uid AS old_uid,
                   f.*,
                   CASE WHEN s.uid IS NULL THEN 'added'
                        WHEN f.record_id IS NULL THEN 'removed'
                        WHEN f.fingerprint <> s.fingerprint THEN 'changed'
                        ELSE 'same' END AS status
            FROM tonight f FULL JOIN (SELECT record_id, uid, fingerprint FROM er_state_records) s
            USING (record_id)
        )
        SELECT night_record_id AS record_id, status, fingerprint,
               CAST(coalesce(old_uid, (SELECT coalesce(max(uid), -1) FROM er_state_records)
                    + row_number() OVER (PARTITION BY old_uid IS NULL ORDER BY night_record_id))
                    AS INTEGER) AS uid,
               CASE WHEN status <> 'removed' THEN {row_sql} END AS input
        FROM joined f WHERE status <> 'same'
        """
    )
    row = con.execute(
        """
        SELECT count(*) FILTER (status = 'added'), count(*) FILTER (status = 'changed'),
               count(*) FILTER (status = 'removed'),
               (SELECT count(*) FROM er_state_records)
               - count(*) FILTER (status IN ('changed', 'removed'))
        FROM er_inc_night
        """
    ).fetchone()
    added, changed, removed, same = (int(v) for v in row) if row else (0, 0, 0, 0)
    return {"added": added, "changed": changed, "removed": removed, "same": same}


def _apply_night(con: duckdb.DuckDBPyConnection, build: Builder) -> None:
    """Bring `er_state_records` to tonight: the rows of records changed or removed go (kept
    in `er_inc_old`, the columns of last night's rows the night reads), the new and changed
    records' features, parsed now, come (their cluster and component for now their own uid),
    and the statistics are recounted where the night moved them. Leaves `er_features` (the
    new and changed records' features, `rid` their uid; its counts are not tonight's),
    `er_inc_dirty(uid, <the columns statistics count by>)` (new and changed, as parsed now),
    `er_inc_gone(uid)` (changed and removed), `er_inc_removed(uid)` and
    `er_inc_stat_moved(uid, <counts>)` (unchanged records whose statistics moved to another
    bucket, with last night's counts)."""
    # Their rows as `_classify` read them (only the columns the features are made of: the
    # nightly `records` row is wide).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_delta_input AS "
        "SELECT unnest(input) FROM er_inc_night WHERE status IN ('added', 'changed')"
    )
    build(con, "er_inc_delta_input", statistics=False, known_names="er_state_names")
    # The new and changed records, with what their statistics are counted by (as parsed
    # now: the state's rows would be read among every record's).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_dirty AS "
        "SELECT n.uid, f.name_key, f.core, f.type_code, f.crowd_place, f.postal, f.emails "
        "FROM er_features f JOIN er_inc_night n USING (record_id)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_gone AS "
        "SELECT uid FROM er_inc_night WHERE status IN ('changed', 'removed')"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_removed AS "
        "SELECT uid FROM er_inc_night WHERE status = 'removed'"
    )
    # Of last night's rows, what the night reads: the component and record id (the region,
    # the conflicts) and what the statistics are counted by (the row is wide).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE er_inc_old AS SELECT rowid AS row, uid, record_id, "
        "component, name_key, core, type_code, crowd_place, postal, emails FROM er_state_records "
        "WHERE uid IN (SELECT uid FROM er_inc_gone)"
    )
    con.execute("DELETE FROM er_state_records s USING er_inc_old o WHERE s.rowid = o.row")
    # The night's features keep their rows for the blocking keys (`night_keys`), in uids.
    con.execute(
        "UPDATE er_features AS f SET rid = n.uid FROM er_inc_night n "
        "WHERE n.record_id = f.record_id"
    )
    con.execute(
        f"""
        INSERT INTO er_state_records BY NAME
        SELECT f.rid AS uid, f.* EXCLUDE (rid, core_tf), n.fingerprint, {BARE_SQL} AS bare,
               {PLACE_STEMS_SQL} AS place_stems,
               f.rid AS cluster, f.rid AS component
        FROM er_features f JOIN er_inc_night n ON n.uid = f.rid
        """
    )
    con.execute("DROP TABLE er_inc_delta_input")
    # The counts of the new and changed records' keys, and of those that changed or left.
    update_statistics(
        con,
        "er_state_records",
        "uid",
        "er_inc_dirty",
        "er_inc_old",
        cores="er_state_cores",
        moved="er_inc_stat_moved",
    )
