"""The data dictionary: the warehouse's own COMMENTs, rendered as markdown for analysts.

Every table, view and column carries a comment in Polish and English (migration 002). The
gazetteer tables are rebuilt with CREATE OR REPLACE by every gazetteer load, which drops their
comments, so their comments live here and `comment_gazetteer_tables` puts them back (the
publish stage calls it before taking the analysts' snapshot). `write_schema_markdown` reads
the comments through duckdb_tables() / duckdb_views() / duckdb_columns(), so the document is
always what the database says, never a second copy that drifts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

# (table, table comment, {column: comment}) for tables warehouse/gazetteer.py rebuilds.
GAZETTEER_COMMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "teryt_voivodeships": (
        "Województwa TERYT (teryt_voivodeships) — voivodeships from GUS TERC.",
        {
            "woj": "Województwo (TERYT, 2 cyfry) — voivodeship code.",
            "name": "Nazwa województwa — voivodeship name.",
        },
    ),
    "teryt_powiats": (
        "Powiaty TERYT (teryt_powiats) — powiats (counties) from GUS TERC.",
        {
            "powiat_teryt": "Powiat (TERYT, 4 cyfry) — powiat code.",
            "name": "Nazwa powiatu — powiat name.",
            "is_city": "Miasto na prawach powiatu — city with county rights.",
            "woj": "Województwo (TERYT) — voivodeship code.",
        },
    ),
    "teryt_gminas": (
        "Gminy TERYT (teryt_gminas) — gminas (municipalities) from GUS TERC, incl. Warsaw "
        "dzielnice and city delegatury.",
        {
            "gmina_teryt": "Gmina (TERYT, 7 cyfr z rodzajem) — gmina code with its kind digit.",
            "gmina6": "Gmina (TERYT, 6 cyfr bez rodzaju) — gmina code without the kind digit.",
            "name": "Nazwa gminy — gmina name.",
            "kind": "Rodzaj: miejska | wiejska | miejsko-wiejska | dzielnica | delegatura — kind.",
            "powiat_teryt": "Powiat (TERYT) — powiat code.",
            "woj": "Województwo (TERYT) — voivodeship code.",
            "synthesised": "Wiersz dodany, bo TERC Adresowy go nie zawiera — row added because "
            "the Adresowy TERC lacks it.",
        },
    ),
    "teryt_localities": (
        "Miejscowości TERYT (teryt_localities) — localities from GUS SIMC.",
        {
            "simc": "Miejscowość (SIMC) — locality id.",
            "name": "Nazwa miejscowości — locality name.",
            "kind_code": "Rodzaj miejscowości (RM) — locality kind code.",
            "parent_simc": "Miejscowość nadrzędna (SIMC) — parent locality id.",
            "gmina_teryt": "Gmina (TERYT, 7 cyfr) — gmina code.",
            "gmina6": "Gmina (TERYT, 6 cyfr) — gmina code without the kind digit.",
            "powiat_teryt": "Powiat (TERYT) — powiat code.",
            "woj": "Województwo (TERYT) — voivodeship code.",
            "rodz_gmi": "Rodzaj gminy (RODZ_GMI) — gmina kind digit.",
        },
    ),
    "postal_codes": (
        "Kody pocztowe (postal_codes) — Poczta Polska PNA: postal code to locality, gmina, powiat.",
        {
            "postal_code": "Kod pocztowy NN-NNN — postal code.",
            "locality": "Miejscowość — locality.",
            "locality_part": "Część miejscowości lub ulice — part of the locality or streets.",
            "gmina_name": "Nazwa gminy — gmina name.",
            "powiat_name": "Nazwa powiatu — powiat name.",
            "voivodeship_name": "Nazwa województwa — voivodeship name.",
            "woj": "Województwo (TERYT) — voivodeship code.",
            "powiat_teryt": "Powiat (TERYT) — powiat code.",
            "gmina6": "Gmina (TERYT, 6 cyfr) — gmina code without the kind digit.",
            "gmina_teryt": "Gmina (TERYT, 7 cyfr) — gmina code.",
            "locality_simc": "Miejscowość (SIMC) — locality id.",
        },
    ),
    "gazetteer_sources": (
        "Pliki słownika (gazetteer_sources) — which TERC, SIMC and PNA files were loaded.",
        {
            "file_kind": "Rodzaj pliku: TERC | SIMC | PNA — file kind.",
            "source": "Ścieżka lub adres pliku — file path or URL.",
            "variant": "Wariant pliku (np. Adresowy, Urzędowy) — file variant.",
            "stan_na": "Stan na dzień (z pliku) — reference date stated in the file.",
            "rows": "Liczba wierszy — rows read.",
            "loaded_at": "Kiedy załadowano — when loaded.",
        },
    ),
}


@dataclass(frozen=True, slots=True)
class ColumnDoc:
    name: str
    data_type: str
    comment: str | None


@dataclass(frozen=True, slots=True)
class RelationDoc:
    name: str
    kind: str  # table | view
    comment: str | None
    columns: tuple[ColumnDoc, ...]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_gazetteer_tables(con: duckdb.DuckDBPyConnection) -> int:
    """COMMENT the gazetteer tables present in this warehouse; returns how many were present."""
    present = {
        str(row[0])
        for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()
    }
    done = 0
    for table, (comment, columns) in GAZETTEER_COMMENTS.items():
        if table not in present:
            continue
        existing = {
            str(row[0])
            for row in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]
            ).fetchall()
        }
        con.execute(f"COMMENT ON TABLE {table} IS {_quote(comment)}")
        for column, text in columns.items():
            if column in existing:
                con.execute(f"COMMENT ON COLUMN {table}.{column} IS {_quote(text)}")
        done += 1
    return done


def read_schema(con: duckdb.DuckDBPyConnection) -> tuple[RelationDoc, ...]:
    """Tables and views of the main schema with their comments, in name order (tables first)."""
    relations = con.execute(
        """
        SELECT table_name, 'table', comment FROM duckdb_tables()
        WHERE schema_name = 'main' AND NOT temporary AND database_name = current_database()
        UNION ALL
        SELECT view_name, 'view', comment FROM duckdb_views()
        WHERE schema_name = 'main' AND NOT internal AND NOT temporary
          AND database_name = current_database()
        ORDER BY 2, 1
        """
    ).fetchall()
    columns: dict[str, list[ColumnDoc]] = {}
    for table, column, data_type, comment in con.execute(
        """
        SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
        WHERE schema_name = 'main' AND NOT internal AND database_name = current_database()
        ORDER BY table_name, column_index
        """
    ).fetchall():
        columns.setdefault(str(table), []).append(
            ColumnDoc(str(column), str(data_type), _text(comment))
        )
    return tuple(
        RelationDoc(str(name), str(kind), _text(comment), tuple(columns.get(str(name), ())))
        for name, kind, comment in relations
    )


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def undocumented(con: duckdb.DuckDBPyConnection) -> list[str]:
    """`table` or `table.column` names that carry no comment (what a new migration forgot)."""
    missing = []
    for relation in read_schema(con):
        if relation.comment is None:
            missing.append(relation.name)
        missing.extend(f"{relation.name}.{c.name}" for c in relation.columns if c.comment is None)
    return missing


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def write_schema_markdown(con: duckdb.DuckDBPyConnection) -> str:
    """The data dictionary (docs/schema.md) from the database's comments."""
    relations = read_schema(con)
    lines = [
        "# Słownik danych hurtowni wsparcie — warehouse data dictionary",
        "",
        "Generated by `wsparcie docs schema` from the `COMMENT ON` statements in the database "
        "(migrations in `warehouse/migrations/`, gazetteer comments in "
        "`warehouse/schema_docs.py`); do not edit by hand. Comments read "
        "„polski — English”. Codes of types, sectors, services and target groups are "
        "explained in `docs/taxonomy.md`.",
        "",
        "| relation | kind | description |",
        "| --- | --- | --- |",
    ]
    lines += [f"| [`{r.name}`](#{r.name}) | {r.kind} | {_cell(r.comment)} |" for r in relations]
    for relation in relations:
        lines += [
            "",
            f"## {relation.name}",
            "",
            f"{relation.kind.capitalize()}. {_cell(relation.comment)}",
            "",
            "| column | type | description |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| `{c.name}` | `{c.data_type}` | {_cell(c.comment)} |" for c in relation.columns
        ]
    return "\n".join(lines) + "\n"


# --- the analysts' guide: cookbook queries run against a real warehouse -----------------------


@dataclass(frozen=True, slots=True)
class Recipe:
    slug: str
    title: str
    explanation: str
    sql: str


COOKBOOK: tuple[Recipe, ...] = (
    Recipe(
        "services-per-10k",
        "Services per 10,000 inhabitants, per powiat",
        "`population` is the join point for population figures and is empty as published: fill "
        "it from GUS BDL (Bank Danych Lokalnych, subject „Ludność”, population per "
        "powiat and year) in a copy of the snapshot, one row per powiat with `gmina_teryt` NULL. Until "
        "then the ratio is NULL.",
        """
WITH pop AS (
    SELECT powiat_teryt, sum(population) AS population, max(year) AS year
    FROM population
    WHERE gmina_teryt IS NULL AND year = (SELECT max(year) FROM population)
    GROUP BY powiat_teryt
)
SELECT v.powiat_teryt, v.powiat_name,
       sum(v.institutions) AS institutions, sum(v.services) AS services,
       p.population, p.year,
       round(sum(v.services) * 10000.0 / p.population, 2) AS services_per_10k
FROM services_by_county_sector AS v
LEFT JOIN pop AS p USING (powiat_teryt)
WHERE v.powiat_teryt IS NOT NULL
GROUP BY v.powiat_teryt, v.powiat_name, p.population, p.year
ORDER BY v.powiat_teryt
""",
    ),
    Recipe(
        "gminas-without-ops",
        "Gminas without a social assistance centre (OPS or CUS) in the directory",
        "Every gmina must run an OPS or a CUS. An institution placed on the town or rural part "
        "of an urban-rural gmina belongs to the gmina, so gminas are compared on their six-digit "
        "code (`gmina6`). Only catalogued counties are asked about. The same answer, for every "
        "statutory requirement, is in the table `statutory_coverage`.",
        """
SELECT g.gmina_teryt, g.name AS gmina, g.kind, p.name AS powiat
FROM teryt_gminas AS g
JOIN teryt_powiats AS p USING (powiat_teryt)
WHERE g.powiat_teryt IN (SELECT DISTINCT county FROM sources)
  AND g.kind IN ('miejska', 'wiejska', 'miejsko-wiejska')
  AND NOT EXISTS (
      SELECT 1 FROM institutions AS i
      WHERE i.type_code IN ('ops', 'cus') AND left(i.gmina_teryt, 6) = g.gmina6)
ORDER BY g.gmina_teryt
""",
    ),
    Recipe(
        "phone-changes",
        "Institutions whose phone changed in the last month",
        "`contact_history` keeps every contact value with the first and last publication that "
        "carried it. A change is a phone first published in the last month at an institution "
        "that already had a phone, or a phone that stopped being published in the last month. "
        "The demo has one night of history, so the answer there is empty.",
        """
WITH latest AS (SELECT max(last_seen_at) AS at FROM contact_history),
phones AS (
    SELECT h.institution_id, h.value,
           h.last_seen_at = latest.at AS current,
           h.first_seen_at > latest.at - INTERVAL 1 MONTH AS recent,
           h.last_seen_at > latest.at - INTERVAL 1 MONTH AS recently_seen
    FROM contact_history AS h, latest
    WHERE h.kind = 'phone'
)
SELECT i.institution_id, i.name,
       list(value ORDER BY value) FILTER (WHERE current AND recent) AS new_phones,
       list(value ORDER BY value) FILTER (WHERE NOT current) AS old_phones
FROM phones JOIN institutions AS i USING (institution_id)
GROUP BY i.institution_id, i.name
HAVING (count(*) FILTER (WHERE current AND recent) > 0 AND count(*) FILTER (WHERE NOT recent) > 0)
    OR count(*) FILTER (WHERE NOT current AND recently_seen) > 0
ORDER BY i.name
""",
    ),
)


def run_recipe(
    con: duckdb.DuckDBPyConnection, recipe: Recipe
) -> tuple[list[str], list[tuple[object, ...]]]:
    cursor = con.execute(recipe.sql)
    return [d[0] for d in cursor.description], cursor.fetchall()


def _value(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def markdown_table(columns: list[str], rows: list[tuple[object, ...]]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(_cell(_value(v)) for v in row) + " |" for row in rows]
    return "\n".join(lines) + f"\n\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


def write_analyst_guide(con: duckdb.DuckDBPyConnection, *, snapshot: str) -> str:
    """docs/analysts.md: opening the snapshot read-only and the cookbook with the real output
    of each query on `con` (the demo's snapshot when the lead regenerates it)."""
    parts = [
        "## For analysts",
        "",
        "Every night the publish stage copies the warehouse to "
        f"`{snapshot}` beside the published folder: a new file is written and then renamed over "
        "the old one, so a read-only connection open on yesterday's snapshot keeps working while "
        "tonight's run writes elsewhere (the live warehouse, `directory.duckdb`, belongs to the "
        "nightly run: one writer at a time). Every table, view and column is commented in Polish "
        "and English; `wsparcie docs schema` writes them out as [docs/schema.md](docs/schema.md). "
        "Free-text columns that can name staff (`raw_records.description_raw`, `context_raw`, "
        "`extra`, `statements.detail` and `records.support_evidence`, which keep the sentences "
        "that state a service), the review app's accounts and sessions, and reviewers' logins "
        "are left out of the snapshot.",
        "",
        "Open it read-only from Python:",
        "",
        "```python",
        "import duckdb",
        "",
        f'con = duckdb.connect("{snapshot}", read_only=True)',
        'con.sql("SELECT type_code, count(*) FROM institutions GROUP BY ALL ORDER BY 2 DESC").show()',
        "```",
        "",
        "or with the DuckDB command line:",
        "",
        "```sh",
        f"duckdb -readonly {snapshot}",
        "```",
        "",
        "To add your own data (population, say), work on a copy: `cp "
        f"{snapshot} analysis.duckdb` and open that one read-write.",
        "",
        "The open-data files are in the `dane/` folder beside it: `instytucje.csv` (one row per "
        "institution), `uslugi.csv`, `kontakty.csv`, `uslugi_wg_powiatu_i_sektora.csv`, "
        "`pokrycie_ustawowe.csv`, per county `powiaty/<TERYT>_<name>/instytucje.csv` (with an "
        "`index.html` page ready for the county's website), per sector `sektory/<sector>.csv`, "
        "Excel-friendly copies in `excel/` (UTF-8 with BOM, `;`, Polish headers), Parquet in "
        "`parquet/`, the Open Referral HSDS 3.0 export in `hsds/`, and `datapackage.json` "
        "describing every file (column order, types, keys, licence CC BY 4.0, sources).",
        "",
        "### Cookbook",
    ]
    for recipe in COOKBOOK:
        columns, rows = run_recipe(con, recipe)
        parts += [
            "",
            f"#### {recipe.title}",
            "",
            recipe.explanation,
            "",
            "```sql",
            recipe.sql.strip(),
            "```",
            "",
            "Output on the demo:",
            "",
            markdown_table(columns, rows),
        ]
    return "\n".join(parts) + "\n"


def write_schema_docs(db: Path, out: Path) -> Path:
    """`wsparcie docs schema`: migrate the warehouse at `db`, put the gazetteer comments back,
    and write the data dictionary to `out` (docs/schema.md)."""
    from warehouse.db import open_warehouse

    with open_warehouse(db) as con:
        comment_gazetteer_tables(con)
        markdown = write_schema_markdown(con)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown, encoding="utf-8")
    return out
