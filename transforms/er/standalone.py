"""`wsparcie match RECORDS --out CLUSTERS.csv`: the nightly matcher on a standalone file.

The file (csv or parquet) has the columns `record_id, source, name, street, postal_code,
locality, phone, email, website, nip, regon` and optionally `teryt` (a TERC gmina code), all
raw text as a source shows it, empty meaning missing. The output is `record_id,cluster_id`,
one row per record, sorted by record id; the cluster id is the smallest record id of its
cluster, so it is stable for an unchanged input. No gazetteer is needed: places are compared
by their (inflection-forgiving) names; a given `teryt` is used as the gmina.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from transforms.er.blocking import RuleCount
from transforms.er.features import build_features_from_raw
from transforms.er.resolve import Decision, resolve_features

# Up to about one DuckDB row group (122 880 rows) of records the matcher's statements run on
# one thread. A second thread added a quarter to the CPU time of the whole match (0.9 s on
# er-dev's 20 k records, 3.7 s on er-scale/100k) and did not shorten the first thread's time
# (within 7 %), so it cannot shorten the run on an idle machine and lengthens it on a busy one.
ONE_THREAD_RECORDS = 120_000

REQUIRED_COLUMNS = (
    "record_id",
    "source",
    "name",
    "street",
    "postal_code",
    "locality",
    "phone",
    "email",
    "website",
    "nip",
    "regon",
)


@dataclass(frozen=True, slots=True)
class MatchFileSummary:
    records: int
    clusters: int
    pairs_scored: int
    pairs_matched: int
    review_cases: int
    conflict_cases: int
    ambiguous_joins: int
    rule_counts: tuple[RuleCount, ...]
    seconds: float
    stage_seconds: dict[str, float]


def _reader(path: Path) -> str:
    quoted = str(path).replace("'", "''")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return f"read_parquet('{quoted}')"
    if suffix in (".csv", ".txt"):
        return f"read_csv('{quoted}', all_varchar = true, header = true)"
    raise ValueError(f"{path}: unsupported format {suffix!r} (expected .csv or .parquet)")


def load_records_file(con: duckdb.DuckDBPyConnection, path: Path, table: str = "er_input") -> int:
    """Load and check a records file into `table` (all columns text, empty -> NULL)."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such records file")
    # The file's columns, then its records read once into `table` (not first as they are).
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {_reader(path)}").fetchall()
        columns = {row[0] for row in described}
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        wanted = list(REQUIRED_COLUMNS) + (["teryt"] if "teryt" in columns else [])
        select = ", ".join(f"NULLIF(trim(CAST({c} AS VARCHAR)), '') AS {c}" for c in wanted)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {select} FROM {_reader(path)}")
    except duckdb.Error as exc:
        raise ValueError(f"{path}: cannot read records ({exc})") from exc
    row = con.execute(
        f"SELECT count(*), count(record_id), count(DISTINCT record_id) FROM {table}"
    ).fetchone()
    total, with_id, distinct = (int(x) for x in row) if row else (0, 0, 0)
    if with_id != total:
        raise ValueError(f"{path}: {total - with_id} record(s) without a record_id")
    if distinct != total:
        raise ValueError(f"{path}: {total - distinct} duplicate record_id value(s)")
    return total


def match_file(
    path: Path,
    out: Path,
    *,
    gazetteer_db: Path | None = None,
    decisions: tuple[Decision, ...] = (),
    threads: int | None = None,
    memory_limit: str = "2GB",
) -> MatchFileSummary:
    """Match the records of `path` and write `record_id,cluster_id` to `out` (csv).

    `gazetteer_db` is accepted for the CLI's sake but not needed: this matcher compares place
    names directly (TERYT codes given in the file are used as gminas). `threads` (DuckDB's,
    default: one per core) applies above `ONE_THREAD_RECORDS` records; below, one thread."""
    del gazetteer_db
    started = time.perf_counter()
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{memory_limit}'")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        records = load_records_file(con, path)
        if records <= ONE_THREAD_RECORDS:
            con.execute("SET threads = 1")
        timings: dict[str, float] = {"read_s": round(time.perf_counter() - started, 2)}
        clock = time.perf_counter()
        build_features_from_raw(con, "er_input", timings)
        timings["features_s"] = round(time.perf_counter() - clock, 2)
        result = resolve_features(con, decisions=decisions)
        clock = time.perf_counter()
        out.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            f"{_csv(record_id)},{_csv(result.clusters[record_id])}\n"
            for record_id in sorted(result.clusters)
        ]
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.write("record_id,cluster_id\n")
            handle.write("".join(lines))
        timings["write_s"] = round(time.perf_counter() - clock, 2)
        result.stats.update(timings)
        return MatchFileSummary(
            records=records,
            clusters=len(set(result.clusters.values())),
            pairs_scored=result.pairs_scored,
            pairs_matched=result.pairs_matched,
            review_cases=len(result.review_cases),
            conflict_cases=len(result.conflict_cases),
            ambiguous_joins=result.ambiguous_joins,
            rule_counts=result.rule_counts,
            seconds=round(time.perf_counter() - started, 2),
            stage_seconds=dict(result.stats),
        )
    finally:
        con.close()


_QUOTED = re.compile(r'[,"\n\r]')


def _csv(value: str) -> str:
    if _QUOTED.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value
