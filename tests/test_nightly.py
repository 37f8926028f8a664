"""The nightly flow, for real: a Prefect run over the demo corpus served from 127.0.0.1.

One Prefect test harness (a temporary local server) serves every flow run in this module.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import test_demo_golden as golden  # tests/: the golden tables and their comparison
import yaml

from flows.demo import DEMO_DIR, SAMPLE_NOTICE, serve_directory
from flows.nightly import RunSettings, RunSummary, nightly
from warehouse.db import open_warehouse
from warehouse.gazetteer import load_gazetteer

DEMO_COUNTIES = {"2610", "1815", "2816", "1012", "2013"}


@pytest.fixture(scope="module")
def demo_url() -> Iterator[str]:
    with serve_directory(DEMO_DIR / "corpus") as url:
        yield url


def run_demo(out: Path, demo_url: str) -> RunSummary:
    db = out / "directory.duckdb"
    with open_warehouse(db) as con:
        g = DEMO_DIR / "gazetteer"
        load_gazetteer(con, terc=g / "terc.csv", simc=g / "simc.csv", pna=g / "pna.csv")
    settings = RunSettings(
        catalogue=DEMO_DIR / "sources",
        db=db,
        out=out,
        delay_seconds=0.0,
        placeholders=(("demo", demo_url),),
        notice=SAMPLE_NOTICE,
    )
    return nightly(settings)


@pytest.fixture(scope="module")
def two_nights(
    prefect_harness: None, demo_url: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, RunSummary, RunSummary, dict[str, str]]:
    out = tmp_path_factory.mktemp("demo")
    first = run_demo(out, demo_url)
    with duckdb.connect(str(out / "directory.duckdb"), read_only=True) as con:
        ids = dict(
            con.execute("SELECT record_id, institution_id FROM institution_records").fetchall()
        )
    (out / "first-publication").mkdir()
    subprocess.run(["cp", "-r", str(out / "dane"), str(out / "first-publication")], check=True)
    second = run_demo(out, demo_url)
    return out, first, second, ids


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def declared_counts() -> dict[str, int]:
    counts = {}
    for path in sorted((DEMO_DIR / "sources").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts[data["slug"]] = int(data["assert"]["min_records"])
    return counts


def institution_of(con: duckdb.DuckDBPyConnection, source: str, name_raw: str) -> str:
    row = con.execute(
        "SELECT m.institution_id FROM raw_records r JOIN institution_records m USING (record_id)"
        " WHERE r.source = ? AND r.name_raw = ?",
        [source, name_raw],
    ).fetchone()
    assert row is not None, f"no record '{name_raw}' from {source}"
    return str(row[0])


def test_first_night_extracts_every_source(
    two_nights: tuple[Path, RunSummary, RunSummary, dict[str, str]],
) -> None:
    out, first, _second, _ids = two_nights
    expected = declared_counts()
    assert first.status == "completed", [o for o in first.outcomes if o.status != "extracted"]
    assert {o.source: o.records for o in first.outcomes} == expected
    with duckdb.connect(str(out / "directory.duckdb"), read_only=True) as con:
        # What each source is declared for; institution pages also name other institutions.
        declared = (
            "SELECT count(*) FROM {table} AS r JOIN sources AS s ON s.slug = r.source"
            " WHERE {active} (r.role <> 'mention' OR s.kind = 'article')"
        )
        raw = declared.format(table="raw_records", active="r.active AND")
        assert con.execute(raw).fetchone() == (sum(expected.values()),)
        assert con.execute(declared.format(table="records", active="")).fetchone() == (
            sum(expected.values()),
        )
        assert con.execute("SELECT count(*) FROM source_runs").fetchone() == (2 * len(expected),)
        # one document per source, but one per page fetched for a site
        sites, pages = con.execute(
            "SELECT count(DISTINCT source), count(*) FROM site_pages"
            " WHERE run_id = ? AND document_sha256 IS NOT NULL",
            [first.run_id],
        ).fetchone() or (0, 0)
        assert sites == 3
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (
            len(expected) - sites + pages,
        )
        counties = {
            r[0] for r in con.execute("SELECT DISTINCT powiat_teryt FROM institutions").fetchall()
        }
        assert counties == DEMO_COUNTIES
        unplaced = con.execute(
            "SELECT count(*) FROM institutions WHERE gmina_teryt IS NULL"
        ).fetchone()
        total = con.execute("SELECT count(*) FROM institutions").fetchone()
        assert unplaced is not None and total is not None
        assert unplaced[0] <= total[0] // 10, "most institutions should land on a TERYT gmina"
        assert con.execute("SELECT count(*) FROM institutions WHERE sector IS NULL").fetchone() == (
            0,
        )
        assert con.execute(
            "SELECT sum(institutions) FROM services_by_county_sector"
        ).fetchone() == (total[0],)


@pytest.mark.parametrize(
    "spellings",
    [
        pytest.param(
            [
                ("pcpr_skarzysko", "Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej"),
                ("skarzyski_baza_zasobow", "PCPR Skarżysko-Kamienna"),
            ],
            id="S01-pcpr-acronym-in-directory",
        ),
        pytest.param(
            [
                ("mops_skarzysko", "Miejski Ośrodek Pomocy Społecznej w Skarżysku-Kamiennej"),
                ("skarzyski_baza_zasobow", "MOPS w Skarżysku-Kamiennej"),
            ],
            id="S03-mops-acronym",
        ),
        pytest.param(
            [
                ("pup_ropczyce", "Powiatowy Urząd Pracy w Ropczycach"),
                ("ropczycki_wykaz_jednostek", "POWIATOWY URZAD PRACY W ROPCZYCACH"),
            ],
            id="R02-upper-case-ascii-folded",
        ),
        pytest.param(
            [("pcpr_pisz_bip", None), ("pcpr_pisz_www", None)],
            id="P01-same-nip-two-pages",
        ),
    ],
)
def test_spellings_of_one_institution_merge(
    two_nights: tuple[Path, RunSummary, RunSummary, dict[str, str]],
    spellings: list[tuple[str, str | None]],
) -> None:
    out = two_nights[0]
    with duckdb.connect(str(out / "directory.duckdb"), read_only=True) as con:
        ids = set()
        for source, name in spellings:
            if name is None:
                row = con.execute(
                    "SELECT name_raw FROM raw_records WHERE source = ? AND active", [source]
                ).fetchone()
                assert row is not None
                name = str(row[0])
            ids.add(institution_of(con, source, name))
    assert len(ids) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            ("skarzyski_baza_zasobow", "Szkoła Podstawowa nr 1 w Skarżysku-Kamiennej"),
            ("skarzyski_baza_zasobow", "Szkoła Podstawowa nr 2 w Skarżysku-Kamiennej"),
            id="school-numbers",
        ),
        pytest.param(
            ("pcpr_ropczyce", "Powiatowe Centrum Pomocy Rodzinie w Ropczycach"),
            ("pup_ropczyce", "Powiatowy Urząd Pracy w Ropczycach"),
            id="pcpr-and-pup-same-address",
        ),
    ],
)
def test_look_alikes_stay_apart(
    two_nights: tuple[Path, RunSummary, RunSummary, dict[str, str]],
    a: tuple[str, str],
    b: tuple[str, str],
) -> None:
    with duckdb.connect(str(two_nights[0] / "directory.duckdb"), read_only=True) as con:
        assert institution_of(con, *a) != institution_of(con, *b)


def test_second_night_reuses_unchanged_pages_ids_and_files(
    two_nights: tuple[Path, RunSummary, RunSummary, dict[str, str]],
) -> None:
    out, first, second, first_ids = two_nights
    assert {o.status for o in second.outcomes} == {"unchanged"}
    with duckdb.connect(str(out / "directory.duckdb"), read_only=True) as con:
        ids = dict(
            con.execute("SELECT record_id, institution_id FROM institution_records").fetchall()
        )
        assert con.execute("SELECT count(*) FROM institution_id_history").fetchone() == (0,)
    assert ids == first_ids
    assert tree(out / "first-publication" / "dane") == tree(out / "dane")
    assert (out / "dane" / "UWAGA.txt").read_text(encoding="utf-8").startswith("DANE PRZYKŁADOWE")


def test_publication_has_county_and_sector_files(
    two_nights: tuple[Path, RunSummary, RunSummary, dict[str, str]],
) -> None:
    csv_dir = two_nights[0] / "dane"
    counties = sorted(p.name[:4] for p in (csv_dir / "powiaty").iterdir())
    assert counties == sorted(DEMO_COUNTIES)
    assert (
        (csv_dir / "instytucje.csv").read_text(encoding="utf-8").startswith("institution_id,name,")
    )
    assert list((csv_dir / "sektory").glob("*.csv"))
    assert not list(two_nights[0].glob(".dane.*")), "no staging folders left behind"
    assert not list(two_nights[0].glob(".directory-snapshot.*")), "no staging snapshot left"


@pytest.fixture(scope="module")
def demo_from_scratch(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """`wsparcie demo` as a newcomer runs it, once for the module: the run and its folder."""
    out = tmp_path_factory.mktemp("from-scratch") / "demo"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    return done, out


def test_demo_command_from_scratch_is_quiet_and_deterministic(
    two_nights: tuple[Path, RunSummary, RunSummary, dict[str, str]],
    demo_from_scratch: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    """No traceback, no warnings, the same ids and files as the nights in this process."""
    done, out = demo_from_scratch
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Warning" not in done.stderr, done.stderr
    assert "institutions:" in done.stdout and "DEMO" in done.stdout
    with duckdb.connect(str(out / "directory.duckdb"), read_only=True) as con:
        ids = dict(
            con.execute("SELECT record_id, institution_id FROM institution_records").fetchall()
        )
    assert ids == two_nights[3]
    assert tree(two_nights[0] / "dane") == tree(out / "dane")


# The golden comparison with demo/expected.md (tests/test_demo_golden.py) on the same run.


def test_the_demo_publishes_the_expected_institutions(
    demo_from_scratch: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, out = demo_from_scratch
    assert done.returncode == 0, done.stdout + done.stderr
    golden.check_publishes_expected(out)


def test_every_known_difference_still_happens(
    demo_from_scratch: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, out = demo_from_scratch
    assert done.returncode == 0, done.stdout + done.stderr
    golden.check_known_differences_still_happen(out)
