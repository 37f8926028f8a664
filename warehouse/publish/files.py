"""Writing a publication's files into its staging folder: the open-data CSVs (national, per
county, per sector) with Excel and Parquet variants, the statutory coverage table, the HSDS 3.0
export, county pages, the DCAT-AP metadata (dcat.ttl) and the Frictionless datapackage.json
describing them all.

Rows come from the `pub_*` tables (staging.py) only. They are sorted and carry dates from the
data, not the clock, so an unchanged directory publishes byte-identical files on the same day.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from warehouse import datapackage as dp
from warehouse.county_pages import county_folder, write_county_pages
from warehouse.coverage import CoverageRow
from warehouse.dcat import write_dcat
from warehouse.hsds import HsdsExport
from warehouse.hsds_files import write_hsds
from warehouse.publish.evidence import is_loopback
from warehouse.publish.staging import code_labels

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


# A spreadsheet opening a CSV runs a cell that starts with one of these as a formula: a page
# can plant "=HYPERLINK(…)" or a DDE command where a street belongs. The Excel-friendly copies
# (the files meant for people) put an apostrophe in front, which spreadsheets read as "text
# follows"; the machine-readable CSV, Parquet and HSDS files keep every value exact.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# E.164 phones ("+48412510001", several joined by "; ") are the one value that legitimately
# starts with "+": digits only, a spreadsheet reads them as a number at worst, never a call.
_PHONE_LIST = re.compile(r"\+\d{6,15}(?:; \+\d{6,15})*")


def neutralise_formula(text: str) -> str:
    """`text` as an Excel-friendly cell: prefixed with ' when a spreadsheet would run it."""
    if text.startswith(FORMULA_TRIGGERS) and not _PHONE_LIST.fullmatch(text):
        return "'" + text
    return text


# Columns of instytucje.csv holding codes, which the Excel variant gives as Polish labels.
_CODE_LISTS = ("services", "services_default", "target_groups")


class _Writer:
    """Writes one table's rows as machine CSV, Excel CSV and (national tables) Parquet."""

    def __init__(self, con: duckdb.DuckDBPyConnection, root: Path) -> None:
        self.con = con
        self.root = root
        self.files: list[dp.WrittenFile] = []
        labels = code_labels()
        self.service_label = {c: label for k, c, label in labels if k == "service"}
        self.group_label = {c: label for k, c, label in labels if k == "target_group"}

    def _excel_value(self, table: dp.Table, column: str, value: Any) -> str:
        if isinstance(value, bool):
            return dp.TRUE_PL if value else dp.FALSE_PL
        if table is dp.INSTITUTIONS and value and column in _CODE_LISTS:
            mapping = self.group_label if column == "target_groups" else self.service_label
            return "; ".join(mapping.get(v, v) for v in str(value).split("; "))
        return neutralise_formula(_text(value))

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
        self.con.execute(f"COPY ({query}) TO '{sql_path(target)}' (FORMAT parquet)")
        row = self.con.execute(
            f"SELECT count(*) FROM read_parquet('{sql_path(target)}')"
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


def sql_path(path: Path) -> str:
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


def write_files(
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
        f"SELECT {', '.join(dp.SERVICES.names)} FROM pub_services ORDER BY institution_id, service"
    )
    contacts_sql = (
        f"SELECT {', '.join(dp.CONTACTS.names)} FROM pub_contacts"
        " ORDER BY institution_id, kind, value"
    )
    # services_by_county_sector over the published institutions only (none withheld counted).
    county_sector_sql = """
        SELECT i.powiat_teryt, i.powiat, i.sector, i.sector_label,
               count(DISTINCT i.institution_id)::INTEGER AS institutions,
               count(s.service)::INTEGER AS services,
               nullif(array_to_string(list(DISTINCT s.service ORDER BY s.service)
                                      FILTER (WHERE s.service IS NOT NULL), '; '), '')
                   AS service_kinds
        FROM pub_institutions AS i LEFT JOIN pub_services AS s USING (institution_id)
        GROUP BY i.powiat_teryt, i.powiat, i.sector, i.sector_label
        ORDER BY i.powiat_teryt NULLS LAST, i.sector
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
        if not is_loopback(url):
            entry["path"] = str(url)
        entry["description"] = f"wsparcie source {slug}"
        sources.append(entry)
    return sources
