"""The snapshot the API reads: opened read-only, reopened when the publish stage replaces it.

The publish stage writes a new snapshot beside the old one and renames it over the old path
(warehouse/publish.py), so the path always names a whole file. Before each request the API
compares the path's inode, size and mtime with those of the file it has open (one stat call);
when they differ it opens the new file, checks that it holds the HSDS tables, and serves it
from then on. A request already running keeps the file it started with: it holds a lease on
it, and the old file is closed when the last lease ends. A file that cannot be opened or lacks
the HSDS tables is not served; the old one stays, and the new one is tried again later.

Known trap: `duckdb.connect(path, read_only=True)` returns the database the process already
has open under that path, i.e. the replaced file's old inode. Each snapshot is therefore
ATTACHed (READ_ONLY) to its own in-memory DuckDB instance, which opens the path afresh.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.hsds_snapshot import SCHEMA

log = logging.getLogger(__name__)

DATABASE = "snap"  # the attached snapshot's name in every query: snap.hsds.service
RETRY_SECONDS = 5.0  # how long a file that failed to open is left alone
MEMORY_LIMIT = "512MB"  # per open snapshot; the API only reads pages of small tables
# Tables whose row count the unfiltered listings use (counted once per opened file).
LISTED_TABLES = ("service", "service_at_location", "organization", "taxonomy", "taxonomy_term")


class SnapshotUnavailable(Exception):
    """No snapshot can be served (missing, unreadable, or without HSDS tables)."""


@dataclass(frozen=True, slots=True)
class FileSignature:
    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileSignature:
        stat = path.stat()
        return cls(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


class Snapshot:
    """One opened snapshot file. Queries go through `cursor()` (one per use: DuckDB
    connections are not shared across threads); counts that cannot change are kept."""

    def __init__(self, path: Path, signature: FileSignature) -> None:
        self.path = path
        self.signature = signature
        self._con = duckdb.connect(":memory:", config={"memory_limit": MEMORY_LIMIT})
        try:
            self._con.execute(f"ATTACH '{_sql_path(path)}' AS {DATABASE} (READ_ONLY)")
            self.counts = {table: self._count(f"{SCHEMA}.{table}") for table in LISTED_TABLES}
            self.postal_codes = self._count("main.postal_codes") if self._has_postal_codes() else 0
            # The file may have been replaced between the stat and the ATTACH: the signature
            # must describe the file actually open, or a change would go unnoticed.
            if FileSignature.of(path) != signature:
                raise SnapshotUnavailable(f"{path}: replaced while it was being opened")
        except Exception:
            self._con.close()
            raise
        self._leases = 0
        self._retired = False
        self._lock = threading.Lock()
        self.opened_at = time.time()

    def _count(self, table: str) -> int:
        row = self._con.execute(f"SELECT count(*) FROM {DATABASE}.{table}").fetchone()
        return int(row[0]) if row else 0

    def _has_postal_codes(self) -> bool:
        row = self._con.execute(
            "SELECT count(*) FROM duckdb_tables()"
            " WHERE database_name = ? AND schema_name = 'main' AND table_name = 'postal_codes'",
            [DATABASE],
        ).fetchone()
        return bool(row and row[0])

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to this snapshot; close it after use (`with`)."""
        return self._con.cursor()

    def acquire(self) -> None:
        with self._lock:
            self._leases += 1

    def release(self) -> None:
        with self._lock:
            self._leases -= 1
            close = self._retired and self._leases == 0
        if close:
            self._con.close()

    def retire(self) -> None:
        """No new leases will be given; close once the running requests are done."""
        with self._lock:
            self._retired = True
            close = self._leases == 0
        if close:
            self._con.close()


class SnapshotStore:
    """The snapshot currently served, checked against the file before every lease."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._current: Snapshot | None = None
        self._lock = threading.Lock()
        self._failed: tuple[FileSignature, float] | None = None

    def open(self) -> Snapshot:
        """Open the file now (at startup); raises SnapshotUnavailable with the reason."""
        with self._lock:
            return self._refresh(force=True)

    @contextmanager
    def lease(self) -> Iterator[Snapshot]:
        """The snapshot to answer one request from, kept open until the block ends."""
        with self._lock:
            snapshot = self._refresh(force=False)
            snapshot.acquire()
        try:
            yield snapshot
        finally:
            snapshot.release()

    def _refresh(self, *, force: bool) -> Snapshot:
        current = self._current
        try:
            signature = FileSignature.of(self.path)
        except OSError as exc:
            if current is not None:
                return current  # the file is gone for a moment: keep serving what is open
            raise SnapshotUnavailable(f"{self.path}: no snapshot there ({exc.strerror})") from exc
        if current is not None and current.signature == signature:
            return current
        if not force and self._failed and self._failed[0] == signature:
            if current is not None and time.monotonic() - self._failed[1] < RETRY_SECONDS:
                return current
        try:
            fresh = Snapshot(self.path, signature)
        except (duckdb.Error, SnapshotUnavailable, OSError) as exc:
            self._failed = (signature, time.monotonic())
            message = str(exc).splitlines()[0]
            if current is not None:
                log.warning(
                    "%s: new snapshot not opened, still serving the old one: %s", self.path, message
                )
                return current
            raise SnapshotUnavailable(
                f"{self.path}: cannot be served ({message}); publish it again with"
                " `wsparcie publish` or `wsparcie run`"
            ) from exc
        self._failed = None
        self._current = fresh
        if current is not None:
            log.info("%s: replaced; now serving the new snapshot", self.path)
            current.retire()
        return fresh

    def close(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current.retire()
                self._current = None


def _sql_path(path: Path) -> str:
    return os.fspath(path).replace("'", "''")
