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

import requests

from transforms.text import fold_key

Source = Path | str

_DOWNLOAD_TIMEOUT_S = 60
_USER_AGENT = "wsparcie-gazetteer/0.1 (+https://github.com/wsparcie)"


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
    try:
        response = requests.get(
            url, timeout=_DOWNLOAD_TIMEOUT_S, headers={"User-Agent": _USER_AGENT}
        )
        response.raise_for_status()
    except requests.RequestException as exc:
        raise GazetteerLoadError(f"{kind} file {url}: download failed: {exc}") from exc
    if not response.content:
        raise GazetteerLoadError(f"{kind} file {url}: the server sent an empty body")
    name = Path(url.split("?", 1)[0]).name or f"{kind.lower()}.download"
    path = workdir / f"download-{kind.lower()}-{name}"
    path.write_bytes(response.content)
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
        target.write_bytes(archive.read(members[0]))
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
