"""Opening the DuckDB warehouse: forward migrations applied on open, one writer at a time.

Every connection gets a memory limit (DuckDB's own default is 80% of the machine's RAM, which
at national scale let the buffer pool alone grow to gigabytes): `DEFAULT_MEMORY_LIMIT`, or
the environment variable WSPARCIE_DUCKDB_MEMORY_LIMIT (e.g. "2GB"). Beyond it DuckDB spills
to a temporary folder beside the database file (`<file>.tmp`), removed when it closes.

Migrations are the numbered `migrations/NNN_name.sql` files shipped in this package. Each is
applied in its own transaction together with its row in `schema_migrations`, so a failed
migration leaves the database at the previous version. Every migration not yet recorded in
`schema_migrations` is applied, in number order: branches developed in parallel each take a
number, and a database migrated on one of them still gets the others' once they are merged.

The warehouse holds review accounts, sessions and pages that may name people, so it is
private to its owner: a process that opens one creates files with umask 077 from then on
(DuckDB writes its write-ahead log and spill files itself, with the process umask and no
option to choose their mode), and an existing warehouse file open to others is closed to them.
Files meant to be shared (the publication, the analysts' snapshot) set their mode explicitly.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
MEMORY_LIMIT_ENV = "WSPARCIE_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "1GB"


class WarehouseError(Exception):
    """The warehouse cannot be opened or migrated; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with wsparcie, in version order."""
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions) or (versions and versions[0] != 1):
        raise WarehouseError(f"migrations must start at 001 and be numbered once: {versions}")
    return found


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied (0 for an empty database)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or exists[0] == 0:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply the missing migrations up to `target` (all by default); returns those applied."""
    available = migrations()
    latest = available[-1].version if available else 0
    target = latest if target is None else target
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    current = schema_version(con)
    if current > latest:
        raise WarehouseError(
            f"the database is at schema version {current}, newer than this wsparcie knows "
            f"({latest}); upgrade wsparcie instead of opening it with an older one"
        )
    done = {int(r[0]) for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for migration in available:
        if migration.version not in done and migration.version <= target:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(migration.sql)
                con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, now())",
                    [migration.version, migration.name],
                )
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise WarehouseError(
                    f"migration {migration.version:03d}_{migration.name} failed: {exc}"
                ) from exc
            applied.append(migration.version)
    return applied


_UMASK_LOCK = threading.Lock()
PRIVATE_UMASK = 0o077


def private_files() -> None:
    """From now on this process creates files for its owner only (umask 077 added to its own).

    Never lowered on the way: the umask is set to 077 first, then to the union with the old
    one, so no thread creating a file meanwhile gets a more open mode than before."""
    with _UMASK_LOCK:
        previous = os.umask(PRIVATE_UMASK)
        os.umask(previous | PRIVATE_UMASK)


def _close_to_others(path: Path) -> None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o007:
            os.chmod(path, current & ~0o007)
            log.warning("%s was open to every user; now %o", path, current & ~0o007)
    except FileNotFoundError:
        pass
    except PermissionError as exc:  # someone else's file, opened with their consent
        log.warning("%s is open to every user and cannot be changed: %s", path, exc)


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file, migrating it forward unless read-only (see the module docstring
    for the modes of the files it creates)."""
    private_files()
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        _close_to_others(path)
    elif not path.exists():
        raise WarehouseError(f"{path}: no such warehouse file")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise WarehouseError(
            f"{path}: cannot open the warehouse ({exc}); is another wsparcie run writing it?"
        ) from exc
    try:
        limit_memory(con, path)
        if not read_only:
            migrate(con)
    except Exception:
        con.close()
        raise
    return con


def memory_limit() -> str:
    """The memory limit connections get: WSPARCIE_DUCKDB_MEMORY_LIMIT, else the default."""
    return os.environ.get(MEMORY_LIMIT_ENV, "").strip() or DEFAULT_MEMORY_LIMIT


def limit_memory(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Cap DuckDB's memory at `memory_limit()`, spilling to `<path>.tmp` beyond it."""
    limit = memory_limit()
    try:
        con.execute(f"SET memory_limit = '{limit.replace(chr(39), '')}'")
    except duckdb.Error as exc:
        raise WarehouseError(
            f"{MEMORY_LIMIT_ENV}={limit!r} is not a memory limit DuckDB accepts"
            f" (e.g. '1GB', '512MB'): {str(exc).splitlines()[0]}"
        ) from exc
    spill = path.with_name(path.name + ".tmp")
    con.execute(f"SET temp_directory = '{spill.as_posix().replace(chr(39), chr(39) * 2)}'")


@contextmanager
def open_warehouse(path: Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """`with open_warehouse(db) as con:` — migrated on open, closed on exit."""
    con = connect(path, read_only=read_only)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All or nothing: a failure inside rolls back and re-raises, leaving the previous state."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
