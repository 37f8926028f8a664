"""What a run does first, so that a run killed at any moment costs nothing but its own work.

- `run_lock(db)`: one run per warehouse at a time. The lock is an OS file lock (flock) on
  `<db>.run-lock`, which the kernel drops when the holding process dies, however it dies; a run
  that gets the lock therefore knows that nobody else is running.
- `mark_interrupted_runs(con)`: runs still marked 'running' at that point belong to processes
  that died (SIGKILL, power cut); they become 'interrupted'. DuckDB's write-ahead log and the
  per-stage transactions already left the tables at the last committed stage.
- `recover_publication(out)`: the publish stage swaps folders with two renames
  (`dane` → `.dane.old-*`, `.dane.new-*` → `dane`); a process killed between them leaves no
  `dane`. The previous publication is put back, and half-written staging folders and snapshot
  files are removed, so readers only ever see a complete publication.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.db import WarehouseError
from warehouse.publish import PUBLICATION_DIR, SNAPSHOT_NAME

log = logging.getLogger(__name__)

INTERRUPTED_MESSAGE = "the run's process stopped before it finished (killed or crashed)"


@contextmanager
def run_lock(db: Path) -> Iterator[Path]:
    """Hold the warehouse's run lock; WarehouseError at once if another run holds it."""
    path = db.with_name(db.name + ".run-lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WarehouseError(
                f"{db}: another wsparcie run is using this warehouse (lock {path})"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def mark_interrupted_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Mark every run still 'running' as 'interrupted'; returns their ids.

    Call only while holding `run_lock`: then no live process can own such a run.
    """
    rows = con.execute("SELECT run_id FROM runs WHERE status = 'running' ORDER BY 1").fetchall()
    stale = [str(r[0]) for r in rows]
    if stale:
        con.execute(
            "UPDATE runs SET status = 'interrupted', finished_at = ?, message = ?"
            " WHERE status = 'running'",
            [datetime.now(UTC), INTERRUPTED_MESSAGE],
        )
        log.warning("runs interrupted earlier, now marked so: %s", ", ".join(stale))
    return stale


def recover_publication(out: Path) -> list[str]:
    """Restore `out/dane` if a swap was cut short and remove leftovers; returns what was done."""
    if not out.is_dir():
        return []
    done: list[str] = []
    final = out / PUBLICATION_DIR
    olds = sorted(out.glob(f".{PUBLICATION_DIR}.old-*"), key=lambda p: p.stat().st_mtime)
    if not final.exists() and olds:
        # Killed between the two renames: the new folder was validated, but its run never
        # finished, so the publication readers last saw is the one to restore.
        olds[-1].rename(final)
        done.append(f"restored {final} from {olds[-1].name}")
        olds = olds[:-1]
    leftovers = [
        *olds,
        *out.glob(f".{PUBLICATION_DIR}.new-*"),
        *out.glob(f".{SNAPSHOT_NAME}.new-*"),
    ]
    for path in leftovers:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        done.append(f"removed {path.name}")
    for line in done:
        log.warning("publication recovery: %s", line)
    return done
