"""The DuckDB warehouse: migrations on open, transactional loading, assertions that keep data."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from directory_factory import build_directory  # tests/ helper module

from extractors.catalogue import Source
from extractors.extract import DocumentInfo, SourceResult
from extractors.records import ParsedInstitution, RawInstitution, make_record_id
from warehouse.db import (
    MEMORY_LIMIT_ENV,
    WarehouseError,
    connect,
    migrations,
    open_warehouse,
    schema_version,
)
from warehouse.frames import FrameError, insert_frame
from warehouse.load import load_results, register_sources, start_run
from warehouse.run_report import directory_size, institutions_by_county_sector

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
        assert schema_version(con) == migrations()[-1].version
        applied = con.execute(
            "SELECT list(version ORDER BY version) FROM schema_migrations"
        ).fetchone()
        assert applied is not None and applied[0] == [m.version for m in migrations()]
    with open_warehouse(path) as con:  # reopening applies nothing twice
        assert con.execute("SELECT count(*) FROM schema_migrations").fetchone() == (
            len(migrations()),
        )


def test_a_migration_merged_in_later_is_applied_to_a_newer_database(tmp_path: Path) -> None:
    """Branches take numbers in parallel: a database already past a number it lacks (made on
    another branch) still gets that migration once it ships."""
    path = tmp_path / "w.duckdb"
    with open_warehouse(path) as con:
        con.execute("DELETE FROM schema_migrations WHERE version = 4")
        con.execute("DROP VIEW source_run_report")
        con.execute("DROP TABLE source_run_checks")
    with open_warehouse(path) as con:
        assert con.execute("SELECT count(*) FROM source_run_checks").fetchone() == (0,)
        versions = con.execute("SELECT list(version ORDER BY version) FROM schema_migrations")
        assert versions.fetchone() == ([m.version for m in migrations()],)


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


def test_result_for_an_undeclared_source_is_refused_by_name(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        register_sources(con, [source()])
        start_run(con, "r1", "cat", 1)
        with pytest.raises(ValueError, match="'nowhere', which is not in the catalogue"):
            load_results(
                con, "r1", [result("ops_test", ["B"]), result("nowhere", ["C"])], [source()]
            )
        assert con.execute("SELECT count(*) FROM source_runs").fetchone() == (0,)


def test_failed_load_leaves_previous_state_intact(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        sources = [source("ops_test"), source("pcpr_test")]
        register_sources(con, sources)
        start_run(con, "r1", "cat", 2)
        load_results(con, "r1", [result("ops_test", ["A"]), result("pcpr_test", ["P"])], sources)
        start_run(con, "r2", "cat", 2)
        # A record without a name breaks the last statement of the run's transaction, after
        # the documents, source_runs and the deactivation of the replaced sources' records.
        broken = result("pcpr_test", ["Q"])
        nameless = replace(broken.records[0], parsed=ParsedInstitution(name_raw=None))  # type: ignore[arg-type]
        with pytest.raises(duckdb.ConstraintException):
            load_results(
                con,
                "r2",
                [result("ops_test", ["B"]), replace(broken, records=(nameless,))],
                sources,
            )
        assert active_names(con, "ops_test") == ["A"]
        assert active_names(con, "pcpr_test") == ["P"]
        assert con.execute("SELECT count(*) FROM source_runs WHERE run_id = 'r2'").fetchone() == (
            0,
        )


def test_many_sources_load_at_once_with_each_outcome_kept_apart(tmp_path: Path) -> None:
    """One set-based load of sources in every state: each keeps what its outcome says."""
    names = {f"src_{i:03d}": [f"Ośrodek {i}", f"Poradnia {i}"] for i in range(60)}
    sources = [source(slug, min_records=2 if slug == "src_007" else 1) for slug in names]
    with open_warehouse(tmp_path / "w.duckdb") as con:
        register_sources(con, sources)
        start_run(con, "r1", "cat", len(sources))
        load_results(con, "r1", [result(slug, n) for slug, n in names.items()], sources)
        seen = dict(con.execute("SELECT record_id, last_seen_at FROM raw_records").fetchall())
        start_run(con, "r2", "cat", len(sources))
        second = {slug: result(slug, n) for slug, n in names.items()}
        second["src_003"] = result("src_003", ["Ośrodek 3"])  # one record gone
        second["src_007"] = result("src_007", ["Ośrodek 7"])  # below its minimum of 2
        second["src_011"] = result("src_011", [], status="failed")
        second["src_012"] = result("src_012", ["Ośrodek 12"], status="unchanged")
        second["src_013"] = result("src_013", ["Ośrodek 13", "Poradnia 13", "Klub 13"])
        outcomes = {o.source: o for o in load_results(con, "r2", second.values(), sources)}
        assert [outcomes[s].status for s in ("src_003", "src_007", "src_011", "src_012")] == [
            "extracted",
            "below_minimum",
            "failed",
            "unchanged",
        ]
        assert active_names(con, "src_003") == ["Ośrodek 3"]
        assert active_names(con, "src_007") == ["Ośrodek 7", "Poradnia 7"]
        assert active_names(con, "src_011") == ["Ośrodek 11", "Poradnia 11"]
        assert active_names(con, "src_012") == ["Ośrodek 12", "Poradnia 12"]
        assert active_names(con, "src_013") == ["Klub 13", "Ośrodek 13", "Poradnia 13"]
        assert active_names(con, "src_059") == ["Ośrodek 59", "Poradnia 59"]
        rows = con.execute(
            "SELECT source, status, records FROM source_runs WHERE run_id = 'r2'"
            " AND source IN ('src_003', 'src_007', 'src_011') ORDER BY source"
        ).fetchall()
        assert rows == [
            ("src_003", "extracted", 1),
            ("src_007", "below_minimum", 1),
            ("src_011", "failed", None),
        ]
        # Kept records keep their first sighting; only seen ones move their last sighting.
        first = con.execute(
            "SELECT count(*) FROM raw_records WHERE first_seen_at <> last_seen_at"
        ).fetchone()
        kept = con.execute(
            "SELECT record_id, last_seen_at FROM raw_records WHERE source IN ('src_007', 'src_011')"
        ).fetchall()
        assert all(seen[record_id] == at for record_id, at in kept)
        assert first is not None and first[0] > 100
        docs = con.execute("SELECT count(*) FROM documents").fetchone()
        assert docs == (60 + 4,)  # four sources served new bytes in r2


def test_register_sources_upserts_the_whole_catalogue(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        register_sources(con, [source("a_src"), source("b_src", min_records=3)])
        changed = replace(source("b_src"), title="Nowy tytuł", max_records=9)
        register_sources(con, [changed, source("c_src")])
        rows = con.execute(
            "SELECT slug, title, min_records, max_records FROM sources ORDER BY slug"
        ).fetchall()
    assert rows == [
        ("a_src", "Test", 1, None),
        ("b_src", "Nowy tytuł", 1, 9),
        ("c_src", "Test", 1, None),
    ]


def memory_setting(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    row = con.execute(
        "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
    ).fetchone()
    assert row is not None
    return str(row[0]), str(row[1])


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param(None, "953.6 MiB", id="default-1GB"),
        pytest.param("512MB", "488.2 MiB", id="env-512MB"),
        pytest.param("  ", "953.6 MiB", id="blank-env-is-default"),
    ],
)
def test_warehouse_connections_have_a_memory_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: str | None, expected: str
) -> None:
    if env is None:
        monkeypatch.delenv(MEMORY_LIMIT_ENV, raising=False)
    else:
        monkeypatch.setenv(MEMORY_LIMIT_ENV, env)
    path = tmp_path / "w.duckdb"
    with open_warehouse(path) as con:
        assert memory_setting(con) == (expected, str(tmp_path / "w.duckdb.tmp"))
    with open_warehouse(path, read_only=True) as con:
        assert memory_setting(con)[0] == expected


def test_a_bad_memory_limit_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "lots")
    with pytest.raises(WarehouseError, match="WSPARCIE_DUCKDB_MEMORY_LIMIT='lots'"):
        connect(tmp_path / "w.duckdb")


def test_insert_frame_writes_by_name_with_list_casts(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "f.duckdb"))
    con.execute("CREATE TABLE t (id VARCHAR PRIMARY KEY, tags VARCHAR[] NOT NULL, n INTEGER)")
    frame = pd.DataFrame(
        [{"tags": [], "id": "a", "n": None}, {"tags": ["x", "y"], "id": "b", "n": 2}]
    )
    assert insert_frame(con, "t", frame, list_columns=("tags",)) == 2
    update = pd.DataFrame([{"id": "a", "tags": ["z"], "n": 5}])
    insert_frame(
        con,
        "t",
        update,
        list_columns=("tags",),
        on_conflict="ON CONFLICT (id) DO UPDATE SET tags = excluded.tags",
    )
    assert insert_frame(con, "t", pd.DataFrame(columns=["id", "tags", "n"])) == 0
    rows = con.execute("SELECT id, tags, n FROM t ORDER BY id").fetchall()
    assert rows == [("a", ["z"], None), ("b", ["x", "y"], 2)]
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["t"]  # unregistered


@pytest.mark.parametrize(
    ("table", "list_columns", "message"),
    [
        pytest.param("t; DROP TABLE t", (), "not a plain SQL identifier", id="table-name"),
        pytest.param("t", ("missing",), "not in the frame", id="list-column"),
    ],
)
def test_insert_frame_refuses_what_it_cannot_write(
    tmp_path: Path, table: str, list_columns: tuple[str, ...], message: str
) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (id VARCHAR)")
    with pytest.raises(FrameError, match=message):
        insert_frame(con, table, pd.DataFrame({"id": ["a"]}), list_columns=list_columns)


def test_directory_figures_a_run_closes_with(tmp_path: Path) -> None:
    """The directory's size and its institutions per county and sector, as the nightly flow
    reports them when a run ends: every institution counted once, by county then sector."""
    con = build_directory(tmp_path / "w.duckdb")
    try:
        institutions = con.execute(
            "SELECT powiat_teryt, powiat_name, sector FROM institutions"
        ).fetchall()
        records = con.execute("SELECT record_id FROM records").fetchall()
        figures = institutions_by_county_sector(con)
        size = directory_size(con)
    finally:
        con.close()
    assert len(institutions) > 1 and len(records) >= len(institutions)
    assert size == (len(records), len(institutions))
    expected: dict[tuple[str, str, str], int] = {}
    for teryt, name, sector in institutions:
        key = (teryt or "-", name or "-", sector)
        expected[key] = expected.get(key, 0) + 1
    assert figures == tuple((*key, n) for key, n in sorted(expected.items()))
