"""The national gazetteer that ships with the package, and the user's newer copy that wins over it.

A compact copy of GUS TERYT (TERC units, SIMC localities) and Poczta Polska's postal-code list
(PNA), holding only the columns `transforms.places.Gazetteer` needs, as five zstd-compressed
Parquet files (`voivodeships`, `powiats`, `gminas`, `localities`, `postal_codes`). Each file
carries its sources in its Parquet metadata (key `wsparcie.sources`), and `SOURCES.json` and
`PROVENANCE.md` beside them say the same for programs and people.

Where the files are looked for, first found wins:

1. the user's copy, `$XDG_DATA_HOME/wsparcie/gazetteer/` (`~/.local/share/wsparcie/gazetteer/`
   without XDG_DATA_HOME), written by `wsparcie gazetteer update --terc F --simc F --pna F`;
2. the copy shipped in the package, `warehouse/data/gazetteer/`, built from the files in
   ../shared/data by `python -m warehouse.national_gazetteer`.

A warehouse's own gazetteer tables (`wsparcie gazetteer load`) still win over both for the
nightly run; a warehouse without them uses this one (`warehouse_or_national_gazetteer`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import duckdb

from transforms.places import Gazetteer
from warehouse.gazetteer import GazetteerLoadError, Source, load_gazetteer
from warehouse.gazetteer_rows import gazetteer_from_warehouse, has_gazetteer, read_gazetteer_rows

log = logging.getLogger(__name__)

SHIPPED_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"
FORMAT_VERSION = "1"
SOURCES_FILE = "SOURCES.json"
PROVENANCE_FILE = "PROVENANCE.md"
# Each file holds a warehouse table's name and exactly the columns the place resolver reads
# (warehouse/gazetteer_rows.py), so the same reader serves a warehouse and these files.
TABLES: dict[str, tuple[str, str]] = {
    "voivodeships": ("teryt_voivodeships", "woj, name"),
    "powiats": ("teryt_powiats", "powiat_teryt, name, is_city, woj"),
    "gminas": ("teryt_gminas", "gmina_teryt, gmina6, name, kind, powiat_teryt"),
    "localities": (
        "teryt_localities",
        "simc, name, kind_code, parent_simc, gmina_teryt, gmina6, powiat_teryt",
    ),
    "postal_codes": (
        "postal_codes",
        "postal_code, locality, locality_simc, gmina_teryt, gmina6, powiat_teryt",
    ),
}
_DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_DEFAULT_FILES = {
    "terc": "teryt/TERC_Adresowy_2026-02-16.csv",
    "simc": "teryt/SIMC_Urzedowy_2020-09-26.csv",
    "pna": "postal_codes/pna_2024_miejscowosci.csv",
}


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One input file of a gazetteer build, as recorded beside it."""

    file_kind: str  # TERC | SIMC | PNA
    source: str  # the file's name, or the URL it was downloaded from
    variant: str | None  # GUS variant: Urzędowy | Adresowy
    stan_na: str | None  # the state date GUS gives (STAN_NA)
    rows: int
    sha256: str | None  # of the file as read (None for a download)


@dataclass(frozen=True, slots=True)
class GazetteerFiles:
    """A folder of gazetteer files and what was built into it."""

    folder: Path
    origin: str  # "user" | "shipped"
    built_at: str
    sources: tuple[SourceFile, ...]

    def describe(self) -> str:
        """One line: where it is and which files it was built from."""
        parts = [
            f"{s.file_kind} {s.source}" + (f" (stan na {s.stan_na})" if s.stan_na else "")
            for s in self.sources
        ]
        return f"{self.origin} gazetteer {self.folder}, built {self.built_at}: " + "; ".join(parts)


@dataclass(frozen=True, slots=True)
class UpdateReport:
    installed: GazetteerFiles
    replaced: GazetteerFiles | None  # the user's previous copy, or the shipped one it overrides
    localities: int
    postal_codes: int


# --- where --------------------------------------------------------------------------------------


def user_gazetteer_dir() -> Path:
    """`$XDG_DATA_HOME/wsparcie/gazetteer`, or `~/.local/share/wsparcie/gazetteer`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wsparcie" / "gazetteer"


def active_gazetteer_files() -> GazetteerFiles:
    """The user's copy when there is a complete one, else the shipped copy."""
    user = user_gazetteer_dir()
    if (user / SOURCES_FILE).is_file():
        return read_gazetteer_files(user, "user")
    return read_gazetteer_files(SHIPPED_DIR, "shipped")


def read_gazetteer_files(folder: Path, origin: str) -> GazetteerFiles:
    """What `SOURCES.json` in `folder` says; GazetteerLoadError when the folder is incomplete."""
    missing = [f"{name}.parquet" for name in TABLES if not (folder / f"{name}.parquet").is_file()]
    sources_path = folder / SOURCES_FILE
    if missing or not sources_path.is_file():
        raise GazetteerLoadError(
            f"{origin} gazetteer {folder}: incomplete, missing "
            f"{', '.join(missing + ([] if sources_path.is_file() else [SOURCES_FILE]))}"
        )
    try:
        data = json.loads(sources_path.read_text(encoding="utf-8"))
        sources = tuple(SourceFile(**item) for item in data["sources"])
        built_at = str(data["built_at"])
    except (ValueError, KeyError, TypeError) as exc:
        raise GazetteerLoadError(f"{origin} gazetteer {sources_path}: unreadable: {exc}") from exc
    return GazetteerFiles(folder, origin, built_at, sources)


# --- reading ------------------------------------------------------------------------------------


def open_gazetteer_files(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose views of the warehouse's table names read the files."""
    con = duckdb.connect()
    for name, (table, _columns) in TABLES.items():
        path = str(folder / f"{name}.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    return con


def gazetteer_from_files(folder: Path) -> Gazetteer:
    """A `Gazetteer` of the Parquet files in `folder`."""
    con = open_gazetteer_files(folder)
    try:
        return gazetteer_from_warehouse(con)
    except duckdb.Error as exc:
        raise GazetteerLoadError(f"gazetteer {folder}: cannot be read: {exc}") from exc
    finally:
        con.close()


@lru_cache(maxsize=2)
def _cached_gazetteer(folder: Path, stamp: float) -> Gazetteer:
    return gazetteer_from_files(folder)


def default_gazetteer() -> Gazetteer:
    """The national gazetteer: the user's copy, else the shipped one (built once a process,
    again after `gazetteer update`)."""
    files = active_gazetteer_files()
    stamp = (files.folder / SOURCES_FILE).stat().st_mtime
    return _cached_gazetteer(files.folder, stamp)


def warehouse_or_national_gazetteer(con: duckdb.DuckDBPyConnection) -> Gazetteer | None:
    """The gazetteer loaded into this warehouse; without one, the national gazetteer of
    `default_gazetteer`; None (places then stay at the source's county) only when that
    cannot be read either."""
    if has_gazetteer(con):
        return gazetteer_from_warehouse(con)
    try:
        files = active_gazetteer_files()
        gazetteer = default_gazetteer()
    except GazetteerLoadError as exc:
        log.warning("no gazetteer in the warehouse, and %s: places stay at source county", exc)
        return None
    log.info("no gazetteer in the warehouse: using the %s", files.describe())
    return gazetteer


# --- building -----------------------------------------------------------------------------------


def build_gazetteer_files(
    out: Path, *, terc: Source, simc: Source, pna: Source, built_at: datetime | None = None
) -> GazetteerFiles:
    """Write the gazetteer files for these TERC, SIMC and PNA files (paths or URLs, as
    `load_gazetteer` reads them) into `out`, replacing what is there."""
    con = duckdb.connect()
    try:
        load_gazetteer(con, terc=terc, simc=simc, pna=pna)
        sources = _sources(con, {"TERC": terc, "SIMC": simc, "PNA": pna})
        when = (built_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        metadata = json.dumps(
            {"format": FORMAT_VERSION, "built_at": when, "sources": [asdict(s) for s in sources]},
            ensure_ascii=False,
            sort_keys=True,
        )
        literal = metadata.replace("'", "''")
        out.mkdir(parents=True, exist_ok=True)
        for name, (table, columns) in TABLES.items():
            path = str(out / f"{name}.parquet").replace("'", "''")
            con.execute(
                f"COPY (SELECT {columns} FROM {table}) TO '{path}' (FORMAT parquet, "
                f"COMPRESSION zstd, COMPRESSION_LEVEL 19, KV_METADATA {{'wsparcie.sources': "
                f"'{literal}'}})"
            )
    finally:
        con.close()
    files = GazetteerFiles(out, "built", when, sources)
    (out / SOURCES_FILE).write_text(metadata + "\n", encoding="utf-8")
    (out / PROVENANCE_FILE).write_text(provenance_text(files), encoding="utf-8")
    return files


def update_gazetteer(*, terc: Source, simc: Source, pna: Source) -> UpdateReport:
    """Rebuild the user's copy from newer files; the previous copy stays until the new one is
    complete and readable."""
    try:
        previous: GazetteerFiles | None = active_gazetteer_files()
    except GazetteerLoadError:
        previous = None
    target = user_gazetteer_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".gazetteer-new-", dir=target.parent))
    try:
        built = build_gazetteer_files(staging, terc=terc, simc=simc, pna=pna)
        con = open_gazetteer_files(staging)
        try:
            rows = read_gazetteer_rows(con)
        finally:
            con.close()
        old = target.with_name(".gazetteer-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    installed = GazetteerFiles(target, "user", built.built_at, built.sources)
    return UpdateReport(installed, previous, len(rows.localities), len(rows.postal_codes))


def provenance_text(files: GazetteerFiles) -> str:
    """PROVENANCE.md: what the files hold, where they come from, how to rebuild them."""
    rows = "\n".join(
        f"| {s.file_kind} | {s.source} | {s.variant or '-'} | {s.stan_na or '-'} | {s.rows} "
        f"| {s.sha256 or '-'} |"
        for s in files.sources
    )
    return f"""# National gazetteer (TERYT + PNA), built {files.built_at}

The place resolver's copy of the official Polish territorial registers: only the columns
`transforms.places.Gazetteer` needs, as zstd-compressed Parquet (`voivodeships`, `powiats`,
`gminas`, `localities`, `postal_codes`), built by `warehouse.national_gazetteer` through
`warehouse.gazetteer.load_gazetteer` (the same checks and joins as `wsparcie gazetteer load`).
Each Parquet file also carries this list in its metadata (key `wsparcie.sources`);
`SOURCES.json` holds it for programs.

| file | source | variant | stan na | rows | sha256 |
| --- | --- | --- | --- | --- | --- |
{rows}

Attribution: **Główny Urząd Statystyczny (GUS), rejestr TERYT** (eteryt.stat.gov.pl) and
**Poczta Polska S.A., Oficjalny Spis Pocztowych Numerów Adresowych (PNA)**. Both are
public-sector information, free to re-use with attribution to the source. The copies used
were taken from public repositories; ../shared/data/teryt/PROVENANCE.md and
../shared/data/postal_codes/PROVENANCE.md name them and their commits.

Rebuild the shipped copy: `.venv/bin/python -m warehouse.national_gazetteer` (reads
../shared/data). Install newer files for yourself, without touching the package:
`wsparcie gazetteer update --terc F --simc F --pna F` (paths or URLs).
"""


def _sources(con: duckdb.DuckDBPyConnection, given: dict[str, Source]) -> tuple[SourceFile, ...]:
    found = []
    for kind, variant, stan_na, rows in con.execute(
        "SELECT file_kind, variant, stan_na, rows FROM gazetteer_sources ORDER BY file_kind DESC"
    ).fetchall():
        source = given[str(kind)]
        is_url = isinstance(source, str) and "://" in source
        path = None if is_url else Path(source)
        found.append(
            SourceFile(
                file_kind=str(kind),
                source=str(source) if path is None else path.name,
                variant=variant,
                stan_na=stan_na,
                rows=int(rows),
                sha256=None if path is None else _sha256(path),
            )
        )
    return tuple(found)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild the shipped copy from the national files in ../shared/data."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, default=_DEFAULT_DATA, help="../shared/data")
    parser.add_argument("--out", type=Path, default=SHIPPED_DIR)
    args = parser.parse_args(argv)
    files = {kind: args.data / name for kind, name in _DEFAULT_FILES.items()}
    built = build_gazetteer_files(args.out, **files)
    size = sum(p.stat().st_size for p in args.out.glob("*.parquet"))
    print(f"{built.describe()}; {size / 1e6:.2f} MB of Parquet in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
