"""The checks a publication must pass before it replaces the previous one: row counts,
derived files, Parquet variants, foreign keys, the services' origins (a type default marked
as such), the personal-data guard, the HSDS structure
(and, when the official schemas are at hand, HSDS JSON against them), and Frictionless
validation. Each returns the problems it found; `check_publication` runs them all.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from warehouse import datapackage as dp
from warehouse.hsds import HsdsExport, build_hsds
from warehouse.hsds_files import check_hsds_references, validate_hsds_json
from warehouse.personal_data import find_people, personal_email, personal_emails
from warehouse.publish.files import neutralise_formula, sql_path
from warehouse.publish.privacy import Context, context_of


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
    problems += _unreadable_as_problem("service origins", lambda: check_service_origins(con, root))
    problems += check_personal_data(root, skip=derived)
    problems += check_excel_formulas(root)
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
    listing = ", ".join(f"'{sql_path(p)}'" for p in paths)
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
    """The national file has every institution once (but those the staging withheld: see
    privacy.py); county and sector files add up to it; every Excel and Parquet variant has the
    rows of its CSV."""
    withheld = (
        "SELECT institution_id FROM pub_withheld WHERE kind IS NULL"
        if con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'pub_withheld' AND temporary"
        ).fetchone()
        == (1,)
        else "SELECT NULL"
    )
    row = con.execute(
        "SELECT count(*), count(powiat_teryt) FROM institutions"
        f" WHERE institution_id NOT IN ({withheld})"
    ).fetchone()
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
        got, _ = _count(con, f"SELECT count(*), 0 FROM read_parquet('{sql_path(parquet)}')")
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


def check_service_origins(con: duckdb.DuckDBPyConnection, root: Path) -> list[str]:
    """uslugi.csv says where each service comes from, and instytucje.csv agrees: every origin
    is the warehouse's (stated, name, default); a type default carries no page, sentence,
    ages, fees or referral (nothing states it) and is in its institution's services_default,
    which holds nothing else; a stated service names the page that states it."""
    uslugi = _read_csv([root / "uslugi.csv"], ",")
    institutions = _read_csv([root / "instytucje.csv"], ",")
    row = con.execute(
        f"""
        SELECT count(*) FILTER (WHERE origin IS NULL OR origin NOT IN ('stated', 'name', 'default')),
               count(*) FILTER (WHERE origin = 'default' AND coalesce(evidence_url, evidence_text,
                                age_min, age_max, fees_free, referral_required) IS NOT NULL),
               count(*) FILTER (WHERE origin = 'stated' AND evidence_url IS NULL)
        FROM {uslugi}
        """
    ).fetchone()
    assert row is not None
    unknown, default_with_evidence, stated_without_page = (int(v) for v in row)
    marked = con.execute(
        f"""
        WITH defaults AS (
            SELECT institution_id, service FROM {uslugi} WHERE origin = 'default'
        ),
        listed AS (
            SELECT institution_id, unnest(string_split(services_default, '; ')) AS service
            FROM {institutions} WHERE services_default IS NOT NULL
        )
        SELECT count(*) FROM (
            (SELECT * FROM defaults EXCEPT SELECT * FROM listed)
            UNION ALL (SELECT * FROM listed EXCEPT SELECT * FROM defaults)
        )
        """
    ).fetchone()
    problems = []
    if unknown:
        problems.append(
            f"uslugi.csv: {unknown} row(s) with an origin other than stated/name/default"
        )
    if default_with_evidence:
        problems.append(
            f"uslugi.csv: {default_with_evidence} type default(s) with a page, sentence or detail"
            " (nothing states a default)"
        )
    if stated_without_page:
        problems.append(f"uslugi.csv: {stated_without_page} stated service(s) without their page")
    if marked and marked[0]:
        problems.append(
            f"instytucje.csv: services_default differs from uslugi.csv's type defaults in"
            f" {marked[0]} (institution, service) pair(s)"
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
        parquet = f"read_parquet('{sql_path(root / path)}')"
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
    problems = _free_mail_problems(root)
    for value, where in values.items():
        # find_people looks for personal e-mails itself; another finder may not.
        if any(ch.isalpha() for ch in value) and (
            finder(value) or (finder is not find_people and personal_emails(value))
        ):
            problems.append(f"{where}: a person's name in a published value: {value!r}")
    return sorted(problems)


def check_excel_formulas(root: Path) -> list[str]:
    """No cell of an Excel-friendly copy starts like a formula a spreadsheet would run
    (files.neutralise_formula leaves such a cell unchanged only when it is harmless)."""
    problems = []
    for path in sorted((root / "excel").rglob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for line, row in enumerate(csv.reader(handle, delimiter=";"), start=1):
                for cell in row:
                    if neutralise_formula(cell) != cell:
                        where = path.relative_to(root).as_posix()
                        problems.append(
                            f"{where}, line {line}: a cell a spreadsheet runs: {cell!r}"
                        )
    return problems


def _free_mail_problems(root: Path) -> list[str]:
    """Free-mail mailboxes published for an institution without an identifier whose name is
    not the institution's (personal_email with the row's own context, as staging decided)."""
    national = root / "instytucje.csv"
    if not national.is_file():
        return []
    contexts: dict[str, Context] = {}
    emails: list[tuple[str, str, str]] = []
    with national.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            context = context_of(
                [row.get(k) for k in ("nip", "regon", "krs", "rspo")],
                [row.get(k) for k in ("name", "locality", "gmina", "powiat")],
            )
            contexts[row.get("institution_id", "")] = context
            for email in filter(None, (row.get("emails") or "").split("; ")):
                emails.append(("instytucje.csv", row.get("institution_id", ""), email))
    contacts = root / "kontakty.csv"
    if contacts.is_file():
        with contacts.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("kind") == "email":
                    emails.append(("kontakty.csv", row.get("institution_id", ""), row["value"]))
    problems = []
    for where, institution_id, email in emails:
        context = contexts.get(institution_id, Context(False, ()))
        reason = personal_email(
            email, identified=context.identified, institution_words=context.words
        )
        if reason:
            problems.append(f"{where}: a person's e-mail address: {email!r} ({reason})")
    return problems
