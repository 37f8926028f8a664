"""Publishing the directory, all at once or not at all: the entry point of the publish stage.

`write_publication` stages the whitelisted rows (staging.py), writes every file into a fresh
folder beside the publication (files.py), validates it there (checks.py) and copies the
warehouse for analysts (snapshot.py); only then is the folder swapped into place and the
snapshot replaced with os.replace. A failure raises PublishError naming the problems and leaves
the previous publication and snapshot untouched. The publication's files are readable by every
user (0644, folders 0755); the snapshot by its owner's group (0640: see snapshot.py).
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.coverage import refresh_coverage
from warehouse.hsds import build_hsds
from warehouse.hsds_snapshot import write_hsds_tables
from warehouse.publish.checks import check_publication
from warehouse.publish.files import write_files
from warehouse.publish.snapshot import SNAPSHOT_NAME, write_snapshot
from warehouse.publish.staging import record_contact_history, stage_tables
from warehouse.schema_docs import comment_gazetteer_tables
from warehouse.stage_markers import mark_stage

PUBLICATION_DIR = "dane"
PUBLIC_DIR_MODE = 0o755
PUBLIC_FILE_MODE = 0o644


class PublishError(Exception):
    """The publication could not be written or failed its checks; the previous one is kept."""


@dataclass(frozen=True, slots=True)
class Publication:
    path: Path
    files: tuple[str, ...]
    institutions: int
    snapshot: Path | None = None


def write_publication(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    *,
    notice: str | None = None,
    hsds_schemas: Path | None = None,
    snapshot: bool = True,
) -> Publication:
    """Write, validate and swap in `out_dir/dane` (and `out_dir/directory-snapshot.duckdb`).

    `hsds_schemas`: the HSDS specification's `schema/compiled` folder; when given, the HSDS
    JSON is validated against it before the swap.
    """
    _make_public_dir(out_dir)
    final = out_dir / PUBLICATION_DIR
    token = uuid.uuid4().hex[:8]
    staging = out_dir / f".{PUBLICATION_DIR}.new-{token}"
    snapshot_tmp = out_dir / f".{SNAPSHOT_NAME}.new-{token}"
    try:
        record_contact_history(con)
        coverage = refresh_coverage(con)
        comment_gazetteer_tables(con)
        stage_tables(con)
        export = build_hsds(con)
        files, count = write_files(con, staging, coverage, notice, export)
        _open_to_all(staging)
        mark_stage("publish:checks")  # the crash tests kill a run here, mid-publication
        problems = check_publication(con, staging, hsds_schemas=hsds_schemas, export=export)
        if problems:
            raise PublishError(
                f"{len(problems)} problem(s): "
                + "; ".join(problems[:20])
                + (" …" if len(problems) > 20 else "")
            )
        if snapshot:
            write_snapshot(con, snapshot_tmp)
            write_hsds_tables(con, export.tables, snapshot_tmp)
    except Exception as exc:
        shutil.rmtree(staging, ignore_errors=True)
        snapshot_tmp.unlink(missing_ok=True)
        raise PublishError(f"publication not written, the previous one is kept: {exc}") from exc
    _swap(staging, final)
    target = None
    if snapshot:
        target = out_dir / SNAPSHOT_NAME
        # An analyst's open read-only connection keeps reading the old file: os.replace swaps
        # the name, not the inode the connection holds.
        os.replace(snapshot_tmp, target)
    return Publication(final, files, count, target)


def _make_public_dir(path: Path) -> None:
    """Create `path` (and missing parents) open to every user: the process creates private
    files (warehouse.db), but a web server must reach the publication."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    for folder in missing:
        os.chmod(folder, PUBLIC_DIR_MODE)


def _open_to_all(root: Path) -> None:
    """The publication is open data: folders 0755, files 0644, whatever the process umask."""
    os.chmod(root, PUBLIC_DIR_MODE)
    for path in root.rglob("*"):
        os.chmod(path, PUBLIC_DIR_MODE if path.is_dir() else PUBLIC_FILE_MODE)


def _swap(staging: Path, final: Path) -> None:
    """Put the new publication in place of the old with two renames; the old one is removed last."""
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
