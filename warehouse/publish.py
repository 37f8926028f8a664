"""Publishing the directory as open-data CSV files, all at once or not at all.

Files are written to a fresh folder beside the publication, checked, and only then swapped into
place; a failure leaves the previous publication untouched. Rows are sorted and hold no run
timestamps, so an unchanged directory publishes byte-identical files.
"""

from __future__ import annotations

import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from transforms.text import fold

PUBLICATION_DIR = "csv"

# One row per institution; lists are joined with "; " so a spreadsheet shows them in one cell.
INSTITUTION_COLUMNS_SQL = """
    SELECT
        i.institution_id,
        i.name,
        i.acronym,
        i.type_code AS type,
        i.sector,
        i.powiat_teryt,
        i.powiat_name AS powiat,
        i.gmina_teryt,
        i.gmina_name AS gmina,
        l.locality,
        l.street,
        l.postal_code,
        (SELECT string_agg(value, '; ' ORDER BY value) FROM contacts c
          WHERE c.institution_id = i.institution_id AND c.kind = 'phone') AS phones,
        (SELECT string_agg(value, '; ' ORDER BY value) FROM contacts c
          WHERE c.institution_id = i.institution_id AND c.kind = 'email') AS emails,
        i.website,
        i.nip,
        i.regon,
        (SELECT string_agg(service, '; ' ORDER BY service) FROM services s
          WHERE s.institution_id = i.institution_id) AS services,
        (SELECT string_agg(target_group, '; ' ORDER BY target_group) FROM institution_target_groups g
          WHERE g.institution_id = i.institution_id) AS target_groups,
        (SELECT string_agg(DISTINCT r.source, '; ' ORDER BY r.source)
           FROM institution_records m JOIN records r USING (record_id)
          WHERE m.institution_id = i.institution_id) AS sources
    FROM institutions AS i
    LEFT JOIN (
        SELECT * FROM locations
        QUALIFY row_number() OVER (
            PARTITION BY institution_id
            ORDER BY (street IS NULL), (postal_code IS NULL), len(sources) DESC, street, postal_code
        ) = 1
    ) AS l USING (institution_id)
"""
ORDER_BY = "ORDER BY powiat_teryt NULLS LAST, sector, name, institution_id"


class PublishError(Exception):
    """The publication could not be written or failed its checks; the previous one is kept."""


@dataclass(frozen=True, slots=True)
class Publication:
    path: Path
    files: tuple[str, ...]
    institutions: int


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "brak"


def _copy(con: duckdb.DuckDBPyConnection, query: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    con.execute(f"COPY ({query}) TO '{target.as_posix()}' (HEADER, DELIMITER ',', QUOTE '\"')")


def write_publication(
    con: duckdb.DuckDBPyConnection, out_dir: Path, *, notice: str | None = None
) -> Publication:
    """Write national, per-county and per-sector CSVs to `out_dir/csv`, swapped in atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / PUBLICATION_DIR
    staging = out_dir / f".{PUBLICATION_DIR}.new-{uuid.uuid4().hex[:8]}"
    try:
        files = _write_files(con, staging, notice)
        count = _check_publication(con, staging)
    except Exception as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(f"publication not written, the previous one is kept: {exc}") from exc
    _swap(staging, final)
    return Publication(final, files, count)


def _write_files(con: duckdb.DuckDBPyConnection, root: Path, notice: str | None) -> tuple[str, ...]:
    root.mkdir(parents=True)
    con.execute(f"CREATE OR REPLACE TEMP TABLE published AS {INSTITUTION_COLUMNS_SQL}")
    written = []

    def copy(query: str, relative: str) -> None:
        _copy(con, query, root / relative)
        written.append(relative)

    copy(f"SELECT * FROM published {ORDER_BY}", "instytucje.csv")
    copy(
        "SELECT powiat_teryt, powiat_name AS powiat, sector, institutions, services,"
        " array_to_string(service_kinds, '; ') AS service_kinds"
        " FROM services_by_county_sector ORDER BY powiat_teryt NULLS LAST, sector",
        "uslugi_wg_powiatu_i_sektora.csv",
    )
    counties = con.execute(
        "SELECT DISTINCT powiat_teryt, powiat FROM published WHERE powiat_teryt IS NOT NULL ORDER BY 1"
    ).fetchall()
    for teryt, name in counties:
        folder = f"powiaty/{teryt}_{_slug(name or teryt)}"
        copy(
            f"SELECT * FROM published WHERE powiat_teryt = '{teryt}' {ORDER_BY}",
            f"{folder}/instytucje.csv",
        )
        sectors = con.execute(
            "SELECT DISTINCT sector FROM published WHERE powiat_teryt = ? ORDER BY 1", [teryt]
        ).fetchall()
        for (sector,) in sectors:
            copy(
                f"SELECT * FROM published WHERE powiat_teryt = '{teryt}' AND sector = '{sector}' {ORDER_BY}",
                f"{folder}/{sector}.csv",
            )
    for (sector,) in con.execute("SELECT DISTINCT sector FROM published ORDER BY 1").fetchall():
        copy(
            f"SELECT * FROM published WHERE sector = '{sector}' {ORDER_BY}", f"sektory/{sector}.csv"
        )
    if notice:
        (root / "UWAGA.txt").write_text(notice.rstrip() + "\n", encoding="utf-8")
        written.append("UWAGA.txt")
    return tuple(sorted(written))


def _check_publication(con: duckdb.DuckDBPyConnection, root: Path) -> int:
    """The national file has every institution once; per-county files add up to it."""
    expected = con.execute("SELECT count(*) FROM institutions").fetchone()
    national = con.execute(
        f"SELECT count(*), count(DISTINCT institution_id) FROM read_csv('{(root / 'instytucje.csv').as_posix()}', all_varchar=true)"
    ).fetchone()
    assert expected is not None and national is not None
    if national[0] != expected[0] or national[1] != expected[0]:
        raise PublishError(
            f"instytucje.csv has {national[0]} rows ({national[1]} ids), the warehouse {expected[0]}"
        )
    return int(expected[0])


def _swap(staging: Path, final: Path) -> None:
    """Put the new publication in place of the old with two renames; the old one is removed last."""
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
