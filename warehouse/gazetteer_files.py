"""Getting a gazetteer file ready for DuckDB: a GUS or Poczta Polska CSV, or a zip holding one,
from a path or an http(s) URL, re-encoded to UTF-8 when it comes in windows-1250, with its
delimiter and header read, and its columns found under the names publishers give them.

`warehouse.gazetteer.load_gazetteer` stages the prepared files; every problem raises
`GazetteerLoadError` naming the file as the user gave it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors.fetch import Fetcher, FetchError, FetchPolicy
from transforms.text import fold_key

Source = Path | str

# One file asked for by hand, not a crawl: no robots.txt, no pacing. GUS's SIMC is ~6 MB as CSV,
# PNA ~4 MB; 256 MiB leaves room for growth and bounds a download and what a zip unpacks to.
GAZETTEER_POLICY = FetchPolicy(
    user_agent="wsparcie-gazetteer/0.1 (+https://github.com/wsparcie)",
    delay_seconds=0.0,
    timeout_seconds=60.0,
    total_timeout_seconds=600.0,
    max_bytes=256 * 1024 * 1024,
    retries=2,
    obey_robots=False,
)


class GazetteerLoadError(ValueError):
    """A gazetteer file is missing, unreadable or not what it claims; the message names it."""


@dataclass(frozen=True, slots=True)
class CsvFile:
    """A prepared file: UTF-8 on disk, its delimiter and its header's column names."""

    label: str  # what the user passed (path or URL), for error messages
    path: Path  # a UTF-8 CSV on disk
    delimiter: str
    columns: tuple[str, ...]


def prepare_file(source: Source, kind: str, workdir: Path) -> CsvFile:
    """`source` (a path or an http(s) URL, a CSV or a zip holding one) as a UTF-8 CSV in
    `workdir`, with its delimiter and header; `kind` (TERC, SIMC, PNA) names it in errors."""
    label = str(source)
    if isinstance(source, str) and re.match(r"^https?://", source, re.IGNORECASE):
        path = _download(source, kind, workdir)
    else:
        path = Path(source)
        if not path.is_file():
            raise GazetteerLoadError(f"{kind} file {label}: no such file")
    if zipfile.is_zipfile(path):
        path = _unzip(path, label, kind, workdir)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older GUS exports and re-saved spreadsheets come in windows-1250.
        text = raw.decode("cp1250")
        path = workdir / f"{kind.lower()}-utf8.csv"
        path.write_text(text, encoding="utf-8")
    header, _, body = text.strip().partition("\n")
    if not body.strip():
        raise GazetteerLoadError(f"{kind} file {label}: empty (no data rows under the header)")
    header = header.strip()
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    columns = tuple(c.strip().strip('"').strip() for c in header.split(delimiter))
    return CsvFile(label, path, delimiter, columns)


def _download(url: str, kind: str, workdir: Path) -> Path:
    # Through the sources' fetcher, for its limits: a size cap while streaming, timeouts for
    # the connection and the whole body, public addresses only.
    try:
        with Fetcher(GAZETTEER_POLICY) as fetcher:
            content = fetcher.fetch(url).content
    except FetchError as exc:
        if "empty" in exc.reason:
            raise GazetteerLoadError(f"{kind} file {url}: the server sent an empty body") from exc
        raise GazetteerLoadError(f"{kind} file {url}: download failed: {exc.reason}") from exc
    name = Path(url.split("?", 1)[0]).name or f"{kind.lower()}.download"
    path = workdir / f"download-{kind.lower()}-{name}"
    path.write_bytes(content)
    return path


def _unzip(path: Path, label: str, kind: str, workdir: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        members = [
            m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(".csv")
        ]
        if len(members) > 1:
            wanted = [m for m in members if Path(m.filename).name.upper().startswith(kind)]
            members = wanted if len(wanted) == 1 else members
        if len(members) != 1:
            names = [m.filename for m in archive.infolist()]
            raise GazetteerLoadError(
                f"{kind} file {label}: expected one CSV inside the zip, found {names}"
            )
        target = workdir / f"unzipped-{kind.lower()}.csv"
        # The fetcher's cap holds for what a zip unpacks to as well (a few kB can hold GBs).
        cap, written = GAZETTEER_POLICY.max_bytes, 0
        with archive.open(members[0]) as member, target.open("wb") as out:
            while chunk := member.read(1024 * 1024):
                written += len(chunk)
                if written > cap:
                    raise GazetteerLoadError(
                        f"{kind} file {label}: {members[0].filename} unpacks to more than"
                        f" {cap} bytes (the cap for a gazetteer file)"
                    )
                out.write(chunk)
    return target


def column_map(
    csv: CsvFile,
    kind: str,
    wanted: Mapping[str, tuple[str, ...]],
    required: Sequence[str],
    key: str = "upper",
) -> dict[str, str]:
    """Our column name -> the file's column name, for those present; fail on a missing one."""

    def norm(name: str) -> str:
        return name.upper() if key == "upper" else fold_key(name)

    present = {norm(c): c for c in csv.columns}
    found: dict[str, str] = {}
    for ours, aliases in wanted.items():
        for alias in aliases:
            if norm(alias) in present:
                found[ours] = present[norm(alias)]
                break
    missing = [f"{'/'.join(wanted[c])}" for c in required if c not in found]
    if missing:
        raise GazetteerLoadError(
            f"{kind} file {csv.label}: missing column(s) {', '.join(missing)}; "
            f"the header has {list(csv.columns)}"
        )
    return found


def read_csv_sql(csv: CsvFile) -> str:
    """DuckDB's `read_csv(...)` of the file, every column as text (codes keep their zeros)."""
    path = str(csv.path).replace("'", "''")
    return (
        f"read_csv('{path}', delim='{csv.delimiter}', quote='\"', header=true, "
        "all_varchar=true, auto_detect=false, null_padding=true, columns={"
        + ", ".join(f"'{c.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for c in csv.columns)
        + "})"
    )
