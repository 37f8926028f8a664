"""Publishing the directory, all at once or not at all: open-data CSVs (national, per county,
per sector) with Excel and Parquet variants, a Frictionless datapackage.json, the HSDS 3.0
export, county pages, the statutory coverage table, and a DuckDB snapshot for analysts.

Everything is written to a fresh folder beside the publication and validated there (row
counts, `frictionless validate`, HSDS structure and, when the official schemas are at hand,
HSDS JSON against them, and the personal-data check); only then is it swapped into place,
and the analysts' snapshot replaced with os.replace. A failure raises PublishError naming the
problems and leaves the previous publication and snapshot untouched.

Only whitelisted columns (warehouse/datapackage.py) leave the warehouse; raw descriptions,
page context and unmapped fields never do, and contact values naming people are dropped.
Rows are sorted and carry dates from the data, not the clock, so an unchanged directory
publishes byte-identical files on the same day.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pandas as pd

from transforms.taxonomy import INSTITUTION_TYPES, SECTORS, SERVICES, TARGET_GROUPS
from warehouse import datapackage as dp
from warehouse.county_pages import county_folder, write_county_pages
from warehouse.coverage import CoverageRow, refresh_coverage
from warehouse.dcat import write_dcat
from warehouse.frames import insert_frame
from warehouse.hsds import HsdsExport, build_hsds
from warehouse.hsds_files import check_hsds_references, validate_hsds_json, write_hsds
from warehouse.hsds_snapshot import write_hsds_tables
from warehouse.personal_data import find_people, personal_emails
from warehouse.schema_docs import comment_gazetteer_tables

log = logging.getLogger(__name__)

PUBLICATION_DIR = "dane"
SNAPSHOT_NAME = "directory-snapshot.duckdb"
# Free-text columns that may name people, and reviewers' logins: the analysts' snapshot
# leaves them out.
SNAPSHOT_DROPPED_COLUMNS = (
    ("raw_records", "description_raw"),
    ("raw_records", "context_raw"),
    ("raw_records", "extra"),
    ("review_decisions", "login"),
)
# Tables of the review app's accounts and failed logins; any table holding a credential-like
# column is left out too, whoever adds it later.
SNAPSHOT_DROPPED_TABLES = ("review_users", "review_sessions", "review_login_failures")
_CREDENTIAL_COLUMNS = ("%password%", "%secret%", "%token%", "session_id")


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
    out_dir.mkdir(parents=True, exist_ok=True)
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
        files, count = _write_files(con, staging, coverage, notice, export)
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


# --- staging: the whitelisted rows every output is made from ---------------------------------


def _labels() -> list[tuple[str, str, str]]:
    rows = [("type", t.code, t.label_pl) for t in INSTITUTION_TYPES]
    rows += [("sector", s.code, s.label_pl) for s in SECTORS]
    rows += [("service", s.code, s.label_pl) for s in SERVICES]
    rows += [("target_group", g.code, g.label_pl) for g in TARGET_GROUPS]
    return rows


def _is_loopback(url: str | None) -> bool:
    host = urlsplit(url or "").hostname or ""
    return host in ("127.0.0.1", "localhost", "::1")


def public_contacts(rows: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Contact rows without values that name people (first.last@ e-mails, "dyr. Jan Nowak
    przyjmuje…" in opening hours)."""
    kept = []
    for institution_id, kind, value in rows:
        if kind in ("email", "opening_hours") and find_people(value):
            log.info("left out a %s that names a person (institution %s)", kind, institution_id)
            continue
        kept.append((institution_id, kind, value))
    return kept


def stage_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Temp tables pub_institutions, pub_contacts, pub_services, pub_target_groups,
    pub_provenance: the only data the publication's writers read."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pub_labels (kind VARCHAR, code VARCHAR, label VARCHAR)"
    )
    con.executemany("INSERT INTO pub_labels VALUES (?, ?, ?)", _labels())
    contacts = con.execute(
        "SELECT institution_id, kind, value FROM contacts ORDER BY ALL"
    ).fetchall()
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pub_contacts"
        " (institution_id VARCHAR, kind VARCHAR, value VARCHAR)"
    )
    kept = public_contacts((str(a), str(b), str(c)) for a, b, c in contacts)
    insert_frame(
        con, "pub_contacts", pd.DataFrame(kept, columns=["institution_id", "kind", "value"])
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE pub_services AS
        SELECT s.institution_id, s.service, coalesce(l.label, s.service) AS service_label
        FROM services AS s
        LEFT JOIN pub_labels AS l ON l.kind = 'service' AND l.code = s.service
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE pub_target_groups AS
        SELECT g.institution_id, g.target_group, coalesce(l.label, g.target_group) AS label
        FROM institution_target_groups AS g
        LEFT JOIN pub_labels AS l ON l.kind = 'target_group' AND l.code = g.target_group
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE pub_provenance AS
        SELECT m.institution_id, w.source, min(w.url) AS url, min(s.title) AS title,
               min(timezone('Europe/Warsaw', w.first_seen_at))::DATE AS first_seen
        FROM institution_records AS m JOIN raw_records AS w USING (record_id)
        LEFT JOIN sources AS s ON s.slug = w.source
        GROUP BY m.institution_id, w.source
        """
    )
    # Loopback addresses (the demo's server) mean nothing to a reader and change every run.
    loopback = [
        str(url)
        for (url,) in con.execute("SELECT DISTINCT url FROM pub_provenance").fetchall()
        if _is_loopback(url)
    ]
    if loopback:  # one statement: per URL, it was thousands at national scale
        con.execute(
            "UPDATE pub_provenance SET url = NULL WHERE url IN (SELECT unnest(?::VARCHAR[]))",
            [loopback],
        )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE pub_institutions AS
        SELECT
            i.institution_id,
            i.name,
            i.acronym,
            i.type_code AS type,
            coalesce(lt.label, i.type_code) AS type_label,
            i.sector,
            coalesce(ls.label, i.sector) AS sector_label,
            i.powiat_teryt,
            i.powiat_name AS powiat,
            i.gmina_teryt,
            i.gmina_name AS gmina,
            l.locality,
            l.street,
            l.postal_code,
            (SELECT string_agg(value, '; ' ORDER BY value) FROM pub_contacts c
              WHERE c.institution_id = i.institution_id AND c.kind = 'phone') AS phones,
            (SELECT string_agg(value, '; ' ORDER BY value) FROM pub_contacts c
              WHERE c.institution_id = i.institution_id AND c.kind = 'email') AS emails,
            i.website,
            (SELECT string_agg(value, '; ' ORDER BY value) FROM pub_contacts c
              WHERE c.institution_id = i.institution_id AND c.kind = 'opening_hours')
                AS opening_hours,
            i.nip,
            i.regon,
            i.krs,
            i.rspo,
            (SELECT string_agg(service, '; ' ORDER BY service) FROM pub_services s
              WHERE s.institution_id = i.institution_id) AS services,
            (SELECT string_agg(target_group, '; ' ORDER BY target_group) FROM pub_target_groups g
              WHERE g.institution_id = i.institution_id) AS target_groups,
            (SELECT string_agg(DISTINCT p.source, '; ' ORDER BY p.source) FROM pub_provenance p
              WHERE p.institution_id = i.institution_id) AS sources,
            timezone('Europe/Warsaw', i.first_seen_at)::DATE AS first_seen,
            l.locality_simc
        FROM institutions AS i
        LEFT JOIN pub_labels AS lt ON lt.kind = 'type' AND lt.code = i.type_code
        LEFT JOIN pub_labels AS ls ON ls.kind = 'sector' AND ls.code = i.sector
        LEFT JOIN (
            SELECT * FROM locations
            QUALIFY row_number() OVER (
                PARTITION BY institution_id
                ORDER BY (street IS NULL), (postal_code IS NULL), len(sources) DESC, street,
                         postal_code
            ) = 1
        ) AS l USING (institution_id)
        """
    )


def record_contact_history(con: duckdb.DuckDBPyConnection) -> None:
    """Upsert today's contacts into contact_history (first and last publication carrying
    each value), so "who changed phone since last month" is answerable."""
    con.execute(
        """
        INSERT INTO contact_history
        SELECT institution_id, kind, value, now(), now() FROM contacts
        ON CONFLICT (institution_id, kind, value) DO UPDATE SET last_seen_at = excluded.last_seen_at
        """
    )


# --- writing ---------------------------------------------------------------------------------

ORDER_INSTITUTIONS = "ORDER BY powiat_teryt NULLS LAST, sector, name, institution_id"


def _rows(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, Any]]:
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Writer:
    """Writes one table's rows as machine CSV, Excel CSV and (national tables) Parquet."""

    def __init__(self, con: duckdb.DuckDBPyConnection, root: Path) -> None:
        self.con = con
        self.root = root
        self.files: list[dp.WrittenFile] = []
        labels = _labels()
        self.service_label = {c: label for k, c, label in labels if k == "service"}
        self.group_label = {c: label for k, c, label in labels if k == "target_group"}

    def _excel_value(self, table: dp.Table, column: str, value: Any) -> str:
        if isinstance(value, bool):
            return dp.TRUE_PL if value else dp.FALSE_PL
        if table is dp.INSTITUTIONS and value and column in ("services", "target_groups"):
            mapping = self.service_label if column == "services" else self.group_label
            return "; ".join(mapping.get(v, v) for v in str(value).split("; "))
        return _text(value)

    def csv(
        self, table: dp.Table, rows: Sequence[dict[str, Any]], relative: str, title: str
    ) -> None:
        names = table.names
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(names)
            writer.writerows([_text(row[n]) for n in names] for row in rows)
        self.files.append(
            dp.WrittenFile(relative, table, "csv", dp.resource_name(relative), title, len(rows))
        )
        excel = f"excel/{relative}"
        target = self.root / excel
        target.parent.mkdir(parents=True, exist_ok=True)
        # Excel opens a UTF-8 file correctly only with a BOM, and splits columns on the
        # locale's list separator, which is ";" in Polish Windows.
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow([c.title_pl for c in table.columns])
            writer.writerows([self._excel_value(table, n, row[n]) for n in names] for row in rows)
        self.files.append(
            dp.WrittenFile(
                excel, table, "excel", dp.resource_name(excel), f"{title} (Excel)", len(rows)
            )
        )

    def parquet(self, table: dp.Table, query: str) -> None:
        relative = f"parquet/{table.name}.parquet"
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        self.con.execute(f"COPY ({query}) TO '{_sql_path(target)}' (FORMAT parquet)")
        row = self.con.execute(
            f"SELECT count(*) FROM read_parquet('{_sql_path(target)}')"
        ).fetchone()
        self.files.append(
            dp.WrittenFile(
                relative,
                table,
                "parquet",
                dp.resource_name(relative),
                f"{table.title} (Parquet)",
                int(row[0]) if row else 0,
            )
        )


def _sql_path(path: Path) -> str:
    return path.as_posix().replace("'", "''")


def _coverage_rows(coverage: Sequence[CoverageRow]) -> list[dict[str, Any]]:
    return [
        {
            "powiat_teryt": r.powiat_teryt,
            "powiat": r.powiat_name,
            "gmina_teryt": r.gmina_teryt,
            "gmina": r.gmina_name,
            "requirement": r.requirement,
            "requirement_label": r.label_pl,
            "found": r.found,
            "missing": r.missing,
            "institution_ids": "; ".join(r.institution_ids) or None,
        }
        for r in coverage
    ]


def _write_files(
    con: duckdb.DuckDBPyConnection,
    root: Path,
    coverage: Sequence[CoverageRow],
    notice: str | None,
    export: HsdsExport,
) -> tuple[tuple[str, ...], int]:
    root.mkdir(parents=True)
    w = _Writer(con, root)
    institution_columns = ", ".join(dp.INSTITUTIONS.names)
    institutions = _rows(
        con, f"SELECT {institution_columns} FROM pub_institutions {ORDER_INSTITUTIONS}"
    )
    services_sql = (
        "SELECT institution_id, service, service_label FROM pub_services"
        " ORDER BY institution_id, service"
    )
    contacts_sql = "SELECT institution_id, kind, value FROM pub_contacts ORDER BY ALL"
    county_sector_sql = """
        SELECT v.powiat_teryt, v.powiat_name AS powiat, v.sector,
               coalesce(l.label, v.sector) AS sector_label, v.institutions::INTEGER AS institutions,
               v.services::INTEGER AS services,
               nullif(array_to_string(v.service_kinds, '; '), '') AS service_kinds
        FROM services_by_county_sector AS v
        LEFT JOIN pub_labels AS l ON l.kind = 'sector' AND l.code = v.sector
        ORDER BY v.powiat_teryt NULLS LAST, v.sector
    """
    w.csv(dp.INSTITUTIONS, institutions, "instytucje.csv", "Instytucje — cały katalog")
    w.csv(dp.SERVICES, _rows(con, services_sql), "uslugi.csv", "Usługi instytucji")
    w.csv(dp.CONTACTS, _rows(con, contacts_sql), "kontakty.csv", "Kontakty instytucji")
    w.csv(
        dp.COUNTY_SECTOR,
        _rows(con, county_sector_sql),
        "uslugi_wg_powiatu_i_sektora.csv",
        "Usługi wg powiatu i sektora",
    )
    w.csv(dp.COVERAGE, _coverage_rows(coverage), "pokrycie_ustawowe.csv", "Pokrycie ustawowe")

    counties: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in institutions:
        if row["powiat_teryt"]:
            key = (row["powiat_teryt"], row["powiat"] or row["powiat_teryt"])
            counties.setdefault(key, []).append(row)
    for (teryt, name), rows in sorted(counties.items()):
        folder = county_folder(teryt, name)
        w.csv(dp.INSTITUTIONS, rows, f"{folder}/instytucje.csv", f"Instytucje — powiat {name}")
    for sector in sorted({r["sector"] for r in institutions}):
        subset = [r for r in institutions if r["sector"] == sector]
        w.csv(
            dp.INSTITUTIONS,
            subset,
            f"sektory/{sector}.csv",
            f"Instytucje — sektor {subset[0]['sector_label']}",
        )

    w.parquet(
        dp.INSTITUTIONS, f"SELECT {institution_columns} FROM pub_institutions {ORDER_INSTITUTIONS}"
    )
    w.parquet(dp.SERVICES, services_sql)
    w.parquet(dp.CONTACTS, contacts_sql)
    w.parquet(dp.COUNTY_SECTOR, county_sector_sql)
    w.parquet(
        dp.COVERAGE,
        """
        SELECT powiat_teryt, powiat_name AS powiat, gmina_teryt, gmina_name AS gmina,
               requirement, label_pl AS requirement_label, found, missing,
               nullif(array_to_string(institution_ids, '; '), '') AS institution_ids
        FROM statutory_coverage
        ORDER BY powiat_teryt, gmina_teryt NULLS FIRST,
                 list_position(['pcpr', 'ppp', 'pup', 'police', 'court', 'sanepid', 'ops'],
                               requirement)
        """,
    )

    data_as_of = _data_as_of(con)
    other: list[tuple[str, str, str]] = []
    hsds_files = write_hsds(export, root / "hsds")
    for name in hsds_files:
        mediatype = "text/csv" if name.endswith(".csv") else "application/json"
        other.append((f"hsds/{name}", f"HSDS 3.0: {name}", mediatype))
    for page in write_county_pages(con, root, coverage, data_as_of=data_as_of, notice=notice):
        other.append((page, f"Strona: {page}", "text/html"))
    if notice:
        (root / "UWAGA.txt").write_text(notice.rstrip() + "\n", encoding="utf-8")
        other.append(("UWAGA.txt", "Uwaga o danych", "text/plain"))
    dcat = write_dcat(root, w.files, other, data_as_of=data_as_of)
    other.append((dcat, "Metadane DCAT-AP dla portali danych", "text/turtle"))
    package = dp.build_datapackage(
        root,
        w.files,
        sources=_package_sources(con),
        data_as_of=data_as_of,
        other_files=tuple(other),
    )
    dp.write_datapackage(root, package)
    written = sorted([f.path for f in w.files] + [p for p, _t, _m in other] + ["datapackage.json"])
    return tuple(written), len(institutions)


def _data_as_of(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute(
        "SELECT max(timezone('Europe/Warsaw', last_seen_at))::DATE FROM institutions"
    ).fetchone()
    return row[0].isoformat() if row and row[0] else None


def _package_sources(con: duckdb.DuckDBPyConnection) -> list[dict[str, str]]:
    sources = []
    for slug, title, url, publisher in con.execute(
        "SELECT slug, title, url, publisher FROM sources ORDER BY slug"
    ).fetchall():
        entry = {"title": f"{title} ({publisher})" if publisher else str(title)}
        if not _is_loopback(url):
            entry["path"] = str(url)
        entry["description"] = f"wsparcie source {slug}"
        sources.append(entry)
    return sources


# --- checks ----------------------------------------------------------------------------------


def check_publication(
    con: duckdb.DuckDBPyConnection,
    root: Path,
    *,
    hsds_schemas: Path | None = None,
    export: HsdsExport | None = None,
) -> list[str]:
    """Every check a publication must pass before it replaces the previous one; returns the
    problems found (empty: publishable). The cheap, set-based checks run first; Frictionless
    only when they pass.

    At national scale the per-county and per-sector files are hundreds of copies of the
    national file's rows, and Frictionless reading each of them (and the Parquet variants,
    through pandas) took minutes. So: every file's bytes and hash are checked against the
    descriptor; the derived files' header is the national file's and their rows, together,
    are national rows (SQL); the Parquet variants hold their CSV's rows with the declared
    columns (SQL); Frictionless validates everything else in full, and one derived file of
    each kind, so every layout the package declares is still checked by it. `export`: the
    HSDS export the files were written from (built again when not given).
    """
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    derived = dp.derived_resources(package)
    problems = dp.check_files(root, package)
    problems += _unreadable_as_problem("row counts", lambda: check_counts(con, root))
    problems += _unreadable_as_problem(
        "derived files", lambda: check_derived_rows(con, root, derived)
    )
    problems += _unreadable_as_problem("parquet", lambda: check_parquet(con, root, package))
    problems += _unreadable_as_problem(
        "foreign keys", lambda: check_foreign_keys(con, root, skip=derived)
    )
    problems += check_personal_data(root, skip=derived)
    export = export if export is not None else build_hsds(con)
    problems += [f"hsds: {p}" for p in check_hsds_references(export)]
    if hsds_schemas is not None:
        organizations = json.loads((root / "hsds" / "organizations.json").read_text("utf-8"))
        problems += [f"hsds json: {p}" for p in validate_hsds_json(organizations, hsds_schemas)]
    if problems:
        return problems
    sampled = {paths[0] for paths in _derived_groups(derived).values()}
    skip = (set(derived) - sampled) | {
        str(r["path"]) for r in package["resources"] if r.get("format") == "parquet"
    }
    problems += dp.validate_package(root / "datapackage.json", foreign_keys=False, skip=skip)
    problems += [
        f"hsds: {p}"
        for p in dp.validate_package(root / "hsds" / "datapackage.json", foreign_keys=False)
    ]
    return problems


def _unreadable_as_problem(check: str, run: Callable[[], list[str]]) -> list[str]:
    # A file broken badly enough that DuckDB cannot read it (a header that no longer matches
    # its siblings', a cut-off Parquet file) is a problem to report, not a crash.
    try:
        return run()
    except duckdb.Error as exc:
        return [f"{check}: the files cannot be read: {str(exc).splitlines()[0]}"]


def _count(con: duckdb.DuckDBPyConnection, query: str) -> tuple[int, int]:
    row = con.execute(query).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def _delimiter(path: str | Path) -> str:
    return ";" if "excel" in Path(path).parts else ","


def _read_csv(paths: Sequence[Path], delimiter: str, *, filename: bool = False) -> str:
    """A read_csv over CSVs we wrote: every value as text, nothing left to the sniffer."""
    listing = ", ".join(f"'{_sql_path(p)}'" for p in paths)
    return (
        f"read_csv([{listing}], delim='{delimiter}', quote='\"', escape='\"', header=true,"
        f" all_varchar=true, filename={str(filename).lower()})"
    )


def _header(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return handle.readline().rstrip("\r\n")


def _row_counts(con: duckdb.DuckDBPyConnection, paths: Iterable[Path]) -> dict[Path, int]:
    """Data rows of CSVs we wrote (quoted newlines counted right), one query per layout."""
    groups: dict[tuple[str, str], list[Path]] = {}
    for path in paths:
        groups.setdefault((_delimiter(path), _header(path)), []).append(path)
    counts = {}
    for (delimiter, _header_line), group in groups.items():
        found = dict(
            con.execute(
                f"SELECT filename, count(*) FROM {_read_csv(group, delimiter, filename=True)}"
                " GROUP BY filename"
            ).fetchall()
        )
        for path in group:
            counts[path] = int(found.get(str(path), 0))
    return counts


def check_counts(con: duckdb.DuckDBPyConnection, root: Path) -> list[str]:
    """The national file has every institution once; county and sector files add up to it;
    every Excel and Parquet variant has the rows of its CSV."""
    row = con.execute("SELECT count(*), count(powiat_teryt) FROM institutions").fetchone()
    assert row is not None
    expected, placed = int(row[0]), int(row[1])
    problems = []
    national = root / "instytucje.csv"
    rows, ids = _count(
        con,
        f"SELECT count(*), count(DISTINCT institution_id) FROM {_read_csv([national], ',')}",
    )
    if rows != expected or ids != expected:
        problems.append(f"instytucje.csv has {rows} rows ({ids} ids), the warehouse {expected}")
    for pattern, want, what in (
        ("powiaty/*/instytucje.csv", placed, "county files"),
        ("sektory/*.csv", expected, "sector files"),
    ):
        files = sorted(root.glob(pattern))
        if not files:
            if want:
                problems.append(f"no {what} ({pattern})")
            continue
        got, _ = _count(con, f"SELECT count(*), 0 FROM {_read_csv(files, ',')}")
        if got != want:
            problems.append(f"{what} hold {got} rows, expected {want}")
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    tables = [
        str(r["path"])
        for r in package["resources"]
        if r.get("type") == "table"
        and str(r["path"]).endswith(".csv")
        and not str(r["path"]).startswith("excel/")
    ]
    excels = [root / "excel" / path for path in tables if (root / "excel" / path).is_file()]
    counts = _row_counts(con, [root / path for path in tables] + excels)
    csv_rows = {path: counts[root / path] for path in tables}
    for path, count in csv_rows.items():
        excel = root / "excel" / path
        if excel not in counts or counts[excel] != count:
            problems.append(f"excel/{path} does not have the {count} rows of {path}")
    for table in dp.NATIONAL_TABLES:
        parquet = root / "parquet" / f"{table.name}.parquet"
        got, _ = _count(con, f"SELECT count(*), 0 FROM read_parquet('{_sql_path(parquet)}')")
        if got != csv_rows.get(f"{table.name}.csv"):
            problems.append(
                f"{parquet.name} has {got} rows, {table.name}.csv {csv_rows.get(f'{table.name}.csv')}"
            )
    return problems


def _derived_groups(derived: dict[str, str]) -> dict[tuple[str, str], list[str]]:
    """Derived files by the national file they copy from and their kind (the top folder:
    powiaty, sektory), in path order."""
    groups: dict[tuple[str, str], list[str]] = {}
    for path in sorted(derived):
        parts = [p for p in Path(path).parts if p != "excel"]
        groups.setdefault((derived[path], parts[0]), []).append(path)
    return groups


def check_derived_rows(
    con: duckdb.DuckDBPyConnection, root: Path, derived: dict[str, str]
) -> list[str]:
    """Each per-county or per-sector file has its national file's header, and the files of
    one kind hold, together, national rows only, none twice: each row is one Frictionless
    validated in the national file (`derived`: from dp.derived_resources)."""
    problems = []
    for (national, kind), paths in _derived_groups(derived).items():
        header = _header(root / national)
        differing = [
            f"{p}: its header differs from {national}'s"
            for p in paths
            if _header(root / p) != header
        ]
        if differing:  # the rows of such a file cannot be read alongside the others'
            problems += differing
            continue
        delimiter = _delimiter(national)
        files = _read_csv([root / p for p in paths], delimiter)
        row = con.execute(
            f"SELECT count(*) FROM (SELECT * FROM {files}"
            f" EXCEPT ALL SELECT * FROM {_read_csv([root / national], delimiter)})"
        ).fetchone()
        if row and row[0]:
            problems.append(
                f"{kind} files from {national}: {row[0]} row(s) that are not rows of {national}"
                " (changed, or repeated)"
            )
    return problems


# Frictionless field types and the DuckDB types a Parquet column of that field may have.
_PARQUET_TYPES = {
    "string": ("VARCHAR",),
    "integer": ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"),
    "boolean": ("BOOLEAN",),
    "date": ("DATE",),
    "number": ("DOUBLE", "FLOAT", "DECIMAL"),
}


def check_parquet(con: duckdb.DuckDBPyConnection, root: Path, package: dict[str, Any]) -> list[str]:
    """Each Parquet variant has the declared columns, in order, with types of the declared
    kind, and the very rows of its machine CSV (compared as text both ways)."""
    problems = []
    for resource in package["resources"]:
        if resource.get("format") != "parquet":
            continue
        path = str(resource["path"])
        parquet = f"read_parquet('{_sql_path(root / path)}')"
        columns = con.execute(f"DESCRIBE SELECT * FROM {parquet}").fetchall()
        fields = resource.get("schema", {}).get("fields", [])
        declared = [(str(f["name"]), str(f["type"])) for f in fields]
        if [str(c[0]) for c in columns] != [name for name, _type in declared]:
            problems.append(f"{path}: its columns are not the declared ones")
            continue
        for (name, kind), column in zip(declared, columns, strict=True):
            base = str(column[1]).split("(")[0]
            if base not in _PARQUET_TYPES.get(kind, ()):
                problems.append(f"{path}: column {name} is {column[1]}, declared {kind}")
        csv_path = root / f"{Path(path).stem}.csv"
        as_text = f"SELECT nullif(COLUMNS(*)::VARCHAR, '') FROM {parquet}"
        from_csv = f"SELECT * FROM {_read_csv([csv_path], ',')}"
        row = con.execute(
            f"SELECT (SELECT count(*) FROM ({as_text} EXCEPT ALL {from_csv})),"
            f" (SELECT count(*) FROM ({from_csv} EXCEPT ALL {as_text}))"
        ).fetchone()
        if row and (row[0] or row[1]):
            problems.append(f"{path}: {row[0]} row(s) differ from {csv_path.name}'s")
    return problems


def check_foreign_keys(
    con: duckdb.DuckDBPyConnection, root: Path, *, skip: Collection[str] = ()
) -> list[str]:
    """Every institution_id in a published CSV is in instytucje.csv (what the package's
    foreign keys declare, checked in SQL instead of Frictionless' per-file lookups). `skip`:
    files known to hold national rows only (check_derived_rows)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pub_check_ids AS SELECT DISTINCT institution_id"
        f" FROM {_read_csv([root / 'instytucje.csv'], ',')}"
    )
    problems = []
    try:
        for path in sorted(root.glob("**/*.csv")):
            relative = path.relative_to(root)
            if (
                relative.parts[0] in ("excel", "hsds")
                or relative.as_posix() == "instytucje.csv"
                or relative.as_posix() in skip
            ):
                continue
            with path.open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle), [])
            if "institution_id" not in header:
                continue
            row = con.execute(
                f"""
                SELECT count(*), min(institution_id) FROM {_read_csv([path], ",")}
                WHERE institution_id NOT IN (SELECT institution_id FROM pub_check_ids)
                """
            ).fetchone()
            if row and row[0]:
                problems.append(
                    f"{relative}: {row[0]} institution id(s) not in instytucje.csv, e.g. {row[1]}"
                )
    finally:
        con.execute("DROP TABLE IF EXISTS pub_check_ids")
    return problems


# Streets are named after people ("ul. dr. Piotra Kowalika 2", "al. gen. Sikorskiego"): a
# street is a public place name, not a person seen on a page, so address columns are not checked.
_ADDRESS_COLUMNS = frozenset(
    {"street", "ulica", "address_1", "address_2", "adres", "ulica i numer"}
)


def _strings(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            if str(k).lower() not in _ADDRESS_COLUMNS:
                _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)


def check_personal_data(
    root: Path,
    *,
    finder: Callable[[str], list[Any]] = find_people,
    skip: Collection[str] = (),
) -> list[str]:
    """Fails on any published text value that names a person (title + first name + surname,
    or a first.last@ e-mail): in every machine CSV and in the HSDS JSON. The Excel files and
    pages carry the same values, and so do the files in `skip` (relative paths of the
    per-county and per-sector files, whose rows are national rows: check_derived_rows)."""
    values: dict[str, str] = {}
    for path in sorted(root.rglob("*.csv")):
        relative = path.relative_to(root)
        where = relative.as_posix()
        if "excel" in relative.parts or where in skip:
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip().lower() for h in next(reader, [])]
            addresses = {i for i, h in enumerate(header) if h in _ADDRESS_COLUMNS}
            for row in reader:
                for i, cell in enumerate(row):
                    if i in addresses:
                        continue
                    if cell and not cell.isdigit() and cell not in values:
                        values[cell] = where
    strings: set[str] = set()
    json_path = root / "hsds" / "organizations.json"
    if json_path.is_file():
        _strings(json.loads(json_path.read_text(encoding="utf-8")), strings)
    for s in strings:
        values.setdefault(s, "hsds/organizations.json")
    problems = []
    for value, where in values.items():
        # find_people looks for personal e-mails itself; another finder may not.
        if any(ch.isalpha() for ch in value) and (
            finder(value) or (finder is not find_people and personal_emails(value))
        ):
            problems.append(f"{where}: a person's name in a published value: {value!r}")
    return sorted(problems)


# --- the analysts' snapshot and the swap ------------------------------------------------------


def write_snapshot(con: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Copy the warehouse (tables, views, comments) to a new DuckDB file at `target`, without
    the free-text columns that may name people."""
    row = con.execute("SELECT current_database()").fetchone()
    assert row is not None
    source = str(row[0])
    alias = f"snapshot_{uuid.uuid4().hex[:8]}"
    con.execute(f"ATTACH '{_sql_path(target)}' AS {alias}")
    try:
        con.execute(f'COPY FROM DATABASE "{source}" TO {alias}')
        credential = " OR ".join("column_name ILIKE ?" for _ in _CREDENTIAL_COLUMNS)
        risky = {
            str(r[0])
            for r in con.execute(
                f"SELECT DISTINCT table_name FROM duckdb_columns()"
                f" WHERE database_name = ? AND ({credential})",
                [alias, *_CREDENTIAL_COLUMNS],
            ).fetchall()
        }
        present = {
            str(r[0])
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [alias]
            ).fetchall()
        }
        for table in sorted((risky | set(SNAPSHOT_DROPPED_TABLES)) & present):
            con.execute(f'DROP TABLE {alias}.main."{table}"')
        for table, column in SNAPSHOT_DROPPED_COLUMNS:
            if table in present and table not in risky:
                con.execute(f"ALTER TABLE {alias}.main.{table} DROP COLUMN IF EXISTS {column}")
        con.execute(f"CHECKPOINT {alias}")
    finally:
        con.execute(f"DETACH {alias}")


def _swap(staging: Path, final: Path) -> None:
    """Put the new publication in place of the old with two renames; the old one is removed last."""
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
