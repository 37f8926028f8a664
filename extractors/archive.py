"""A content-addressed store of raw responses, so every parsed record can point at the bytes.

Layout under `root`:

- `objects/<sha256[:2]>/<sha256>` — each distinct body once, written atomically and never changed;
- `urls/<sha1(url)>.json` — for each requested URL, the metadata of its latest archived response
  (validators for conditional GET, charset decisions, status, fetch time).

Writes go to a temporary file in the destination folder followed by `os.replace`, so a reader
never sees a half-written file and several threads (or processes) may `put` at the same time:
the last metadata write for a URL wins, and two writers of the same body write identical bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from extractors.records import Document

_SHA256 = re.compile(r"[0-9a-f]{64}")


class ArchiveError(Exception):
    """The archive on disk is not what it should be (missing object, corrupt metadata)."""


@dataclass(frozen=True, slots=True)
class ArchivedResponse:
    """What the archive remembers about the latest response for one URL."""

    url: str
    final_url: str
    sha256: str
    etag: str | None
    last_modified: str | None
    content_type: str | None
    declared_charset: str | None
    charset: str | None
    status: int
    fetched_at: datetime  # timezone-aware UTC


class Archive:
    """Raw response bodies keyed by SHA-256, plus the latest response metadata per URL."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._objects = self.root / "objects"
        self._urls = self.root / "urls"

    def object_path(self, sha256: str) -> Path:
        """Where the body with this hash lives (whether or not it is there)."""
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a lowercase hex SHA-256: {sha256!r}")
        return self._objects / sha256[:2] / sha256

    def metadata_path(self, url: str) -> Path:
        """Where the metadata of the latest response for `url` lives."""
        return self._urls / f"{hashlib.sha1(url.encode('utf-8')).hexdigest()}.json"

    def put(self, document: Document) -> None:
        """Store the document's body (once per hash) and make it the latest response for its URL."""
        digest = hashlib.sha256(document.content).hexdigest()
        if digest != document.sha256:
            raise ArchiveError(
                f"{document.url}: document sha256 {document.sha256} does not match its content"
                f" ({digest})"
            )
        target = self.object_path(digest)
        if not target.exists():
            _write_atomically(target, document.content)
        record = ArchivedResponse(
            url=document.url,
            final_url=document.final_url,
            sha256=digest,
            etag=document.etag,
            last_modified=document.last_modified,
            content_type=document.content_type,
            declared_charset=document.declared_charset,
            charset=document.charset,
            status=document.status,
            fetched_at=document.fetched_at,
        )
        payload: dict[str, Any] = asdict(record)
        payload["fetched_at"] = record.fetched_at.isoformat()
        text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
        _write_atomically(self.metadata_path(document.url), text.encode("utf-8"))

    def latest(self, url: str) -> ArchivedResponse | None:
        """The latest archived response for `url`, or None if the URL was never archived."""
        path = self.metadata_path(url)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            data = json.loads(raw)
            return ArchivedResponse(
                url=str(data["url"]),
                final_url=str(data["final_url"]),
                sha256=str(data["sha256"]),
                etag=_optional_str(data["etag"]),
                last_modified=_optional_str(data["last_modified"]),
                content_type=_optional_str(data["content_type"]),
                declared_charset=_optional_str(data["declared_charset"]),
                charset=_optional_str(data["charset"]),
                status=int(data["status"]),
                fetched_at=datetime.fromisoformat(str(data["fetched_at"])),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ArchiveError(f"corrupt archive metadata for {url} in {path}: {exc!r}") from exc

    def has(self, sha256: str) -> bool:
        """Whether the body with this hash is stored."""
        return self.object_path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        """The stored body with this hash; checks that the bytes still hash to it."""
        path = self.object_path(sha256)
        try:
            content = path.read_bytes()
        except FileNotFoundError as exc:
            raise ArchiveError(f"archive object {sha256} is missing ({path})") from exc
        if hashlib.sha256(content).hexdigest() != sha256:
            raise ArchiveError(f"archive object {sha256} is corrupt: its bytes hash differently")
        return content

    def load_document(self, url: str) -> Document | None:
        """The latest archived response for `url` as a Document, or None if none is usable.

        "Usable" means the metadata exists and its body is still stored: a body deleted by hand
        must not stop the next fetch, which then simply downloads it again.
        """
        meta = self.latest(url)
        if meta is None or not self.has(meta.sha256):
            return None
        return Document(
            url=meta.url,
            final_url=meta.final_url,
            status=meta.status,
            content=self.read(meta.sha256),
            content_type=meta.content_type,
            declared_charset=meta.declared_charset,
            charset=meta.charset,
            fetched_at=meta.fetched_at,
            sha256=meta.sha256,
            etag=meta.etag,
            last_modified=meta.last_modified,
        )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary file sits in the target's folder so os.replace never crosses filesystems.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
