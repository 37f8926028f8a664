"""The DuckDB warehouse: migrations on open, transactional loading, assertions that keep data."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from extractors.catalogue import Source
from extractors.extract import DocumentInfo, SourceResult
from extractors.records import ParsedInstitution, RawInstitution, make_record_id
from warehouse.db import WarehouseError, connect, migrations, open_warehouse, schema_version
from warehouse.load import load_results, register_sources, start_run

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def source(slug: str = "ops_test", min_records: int = 1) -> Source:
    return Source(
        slug=slug,
        title="Test",
        county="2610",
        kind="institution_page",
        url="http://127.0.0.1/x",
        parser="bip_dane",
        path=Path(f"{slug}.yml"),
        min_records=min_records,
    )


def result(slug: str, names: list[str], status: str = "extracted") -> SourceResult:
    content = "|".join(names).encode()
    sha = hashlib.sha256(content).hexdigest()
    doc = DocumentInfo(
        sha,
        "http://127.0.0.1/x",
        "http://127.0.0.1/x",
        200,
        "text/html",
        None,
        "utf-8",
        len(content),
        None,
        None,
        NOW,
        False,
    )
    records = tuple(
        RawInstitution(slug, make_record_id(slug, p), doc.url, NOW, sha, p)
        for p in (ParsedInstitution(name_raw=n, phones_raw=("41 000 00 01",)) for n in names)
    )
    return SourceResult(
        slug,
        status,
        NOW,
        0.1,
        doc if status != "failed" else None,
        records if status == "extracted" else (),
        None,
        200,
    )


def test_fresh_database_is_at_latest_version(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        assert schema_version(con) == migrations()[-1].version
        tables = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert {
        "runs",
        "sources",
        "documents",
        "raw_records",
        "records",
        "institutions",
        "locations",
        "contacts",
        "services",
        "services_by_county_sector",
    } <= tables


def test_migrations_apply_forward_from_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL)"
    )
    con.close()
    with open_warehouse(path) as con:
        assert schema_version(con) == len(migrations())
        applied = con.execute(
            "SELECT list(version ORDER BY version) FROM schema_migrations"
        ).fetchone()
        assert applied is not None and applied[0] == list(range(1, len(migrations()) + 1))
    with open_warehouse(path) as con:  # reopening applies nothing twice
        assert con.execute("SELECT count(*) FROM schema_migrations").fetchone() == (
            len(migrations()),
        )


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with open_warehouse(path) as con:
        con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(WarehouseError, match="newer than this wsparcie knows"):
        connect(path)


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "w.duckdb"
    with open_warehouse(path):
        code = (
            "import sys; from pathlib import Path; from warehouse.db import connect, WarehouseError\n"
            f"try:\n    connect(Path({str(path)!r}))\nexcept WarehouseError as e:\n    print(e); sys.exit(3)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
    assert done.returncode == 3, done.stderr
    assert "another wsparcie run" in done.stdout


def active_names(con: duckdb.DuckDBPyConnection, slug: str) -> list[str]:
    rows = con.execute(
        "SELECT name_raw FROM raw_records WHERE source = ? AND active ORDER BY name_raw", [slug]
    ).fetchall()
    return [r[0] for r in rows]


def test_load_keeps_values_as_written_and_deactivates_vanished_records(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        register_sources(con, [source()])
        start_run(con, "r1", "cat", 1)
        load_results(
            con, "r1", [result("ops_test", ["GOPS w Bliżynie", "MOPS Skarżysko"])], [source()]
        )
        row = con.execute("SELECT phones_raw, url, fetched_at FROM raw_records LIMIT 1").fetchone()
        assert row is not None and row[0] == ["41 000 00 01"] and row[1] == "http://127.0.0.1/x"
        start_run(con, "r2", "cat", 1)
        load_results(con, "r2", [result("ops_test", ["GOPS w Bliżynie"])], [source()])
        assert active_names(con, "ops_test") == ["GOPS w Bliżynie"]
        assert con.execute("SELECT count(*) FROM raw_records").fetchone() == (2,)  # history kept


def test_source_below_minimum_keeps_its_last_good_records(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        src = source(min_records=2)
        register_sources(con, [src])
        start_run(con, "r1", "cat", 1)
        load_results(con, "r1", [result("ops_test", ["A", "B"])], [src])
        start_run(con, "r2", "cat", 1)
        [outcome] = load_results(con, "r2", [result("ops_test", [])], [src])
        assert outcome.status == "below_minimum" and "previous records are kept" in (
            outcome.message or ""
        )
        assert active_names(con, "ops_test") == ["A", "B"]
        start_run(con, "r3", "cat", 1)
        [outcome] = load_results(con, "r3", [result("ops_test", [], status="failed")], [src])
        assert outcome.status == "failed"
        assert active_names(con, "ops_test") == ["A", "B"]


def test_failed_load_leaves_previous_state_intact(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        register_sources(con, [source()])
        start_run(con, "r1", "cat", 1)
        load_results(con, "r1", [result("ops_test", ["A"])], [source()])
        start_run(con, "r2", "cat", 1)
        # A result for an undeclared source fails half-way through the run's transaction.
        with pytest.raises(KeyError):
            load_results(
                con, "r2", [result("ops_test", ["B"]), result("nowhere", ["C"])], [source()]
            )
        assert active_names(con, "ops_test") == ["A"]
        assert con.execute("SELECT count(*) FROM source_runs WHERE run_id = 'r2'").fetchone() == (
            0,
        )
