"""Loading the gazetteer — GUS TERYT (TERC units, SIMC localities) and Poczta Polska postal codes.

`load_gazetteer` reads the files as GUS and Poczta Polska publish them (a CSV, or a zip holding
one, from a path or an http(s) URL) and replaces these DuckDB tables in one transaction:

- `teryt_voivodeships(woj, name)`
- `teryt_powiats(powiat_teryt, name, is_city, woj)`
- `teryt_gminas(gmina_teryt, gmina6, name, kind, powiat_teryt, woj, synthesised)` — kinds
  'miejska' | 'wiejska' | 'miejsko-wiejska' | 'dzielnica' | 'delegatura'
- `teryt_localities(simc, name, kind_code, parent_simc, gmina_teryt, gmina6, powiat_teryt, woj,
  rodz_gmi)`
- `postal_codes(postal_code, locality, locality_part, gmina_name, powiat_name, voivodeship_name,
  woj, powiat_teryt, gmina6, gmina_teryt, locality_simc)`
- `gazetteer_sources(file_kind, source, variant, stan_na, rows, loaded_at)`

Every file is first staged into temporary tables and checked; only then are the public tables
replaced, all together, so a bad file leaves the previous gazetteer intact. Getting the files
ready (downloads, zips, encodings, column names) is warehouse/gazetteer_files.py's; reading
the tables back for the place resolver, warehouse/gazetteer_rows.py's.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.db import transaction
from warehouse.gazetteer_files import (
    CsvFile,
    GazetteerLoadError,
    Source,
    column_map,
    prepare_file,
    read_csv_sql,
)

__all__ = ["GazetteerCounts", "GazetteerLoadError", "Source", "load_gazetteer"]

_TERC_COLUMNS = {"woj": ("WOJ",), "pow": ("POW",), "gmi": ("GMI",), "rodz": ("RODZ",),
                 "nazwa": ("NAZWA",), "nazwa_dod": ("NAZWA_DOD", "NAZDOD"),
                 "stan_na": ("STAN_NA",)}  # fmt: skip
_TERC_REQUIRED = ("woj", "pow", "gmi", "rodz", "nazwa")

_SIMC_COLUMNS = {"woj": ("WOJ",), "pow": ("POW",), "gmi": ("GMI",), "rodz_gmi": ("RODZ_GMI",),
                 "rm": ("RM",), "nazwa": ("NAZWA",), "sym": ("SYM",), "sympod": ("SYMPOD",),
                 "stan_na": ("STAN_NA",)}  # fmt: skip
_SIMC_REQUIRED = ("woj", "pow", "gmi", "rodz_gmi", "rm", "nazwa", "sym", "sympod")

# Poczta Polska's own spreadsheet headers and the names re-publishers give them (compared
# through fold_key, so "Kod pocztowy", "KOD_POCZTOWY" and "kod pocztowy" are the same).
_PNA_COLUMNS = {
    "postal_code": ("kod pocztowy", "kod", "pna", "kod pna"),
    "locality": ("miejscowosc", "miejscowosci", "nazwa miejscowosci"),
    "gmina": ("gmina",),
    "powiat": ("powiat",),
    "voivodeship": ("wojewodztwo",),
}
_PNA_REQUIRED = ("postal_code", "locality", "gmina", "powiat", "voivodeship")

_STAGE_TABLES = ("_gz_terc", "_gz_simc", "_gz_pna", "_gz_pna_clean")
_PUBLIC_TABLES = ("teryt_voivodeships", "teryt_powiats", "teryt_gminas", "teryt_localities",
                  "postal_codes", "gazetteer_sources")  # fmt: skip


@dataclass(frozen=True, slots=True)
class GazetteerCounts:
    """Row counts of the tables one load produced."""

    voivodeships: int
    powiats: int
    city_powiats: int
    gminas: int  # self-governing gminas (miejska, wiejska, miejsko-wiejska)
    districts: int  # Warsaw dzielnice and the delegatury of Kraków, Łódź, Poznań, Wrocław
    localities: int
    postal_codes: int  # rows of `postal_codes` (code × locality)
    postal_codes_with_gmina: int  # of those, rows resolved to a TERC gmina


def load_gazetteer(
    con: duckdb.DuckDBPyConnection,
    *,
    terc: Source,
    simc: Source | None,
    pna: Source | None,
) -> GazetteerCounts:
    """Replace the gazetteer tables with these files (TERC required, SIMC and PNA optional).

    Each argument is a path or an http(s) URL to a CSV or a zip holding one. A missing SIMC or
    PNA leaves its table empty. Raises GazetteerLoadError naming the file on bad input; the
    previous tables are then untouched.
    """
    with tempfile.TemporaryDirectory(prefix="wsparcie-gazetteer-") as tmp:
        workdir = Path(tmp)
        terc_file = prepare_file(terc, "TERC", workdir)
        simc_file = prepare_file(simc, "SIMC", workdir) if simc is not None else None
        pna_file = prepare_file(pna, "PNA", workdir) if pna is not None else None
        try:
            sources = _stage(con, terc_file, simc_file, pna_file)
            with transaction(con):
                for table in _PUBLIC_TABLES[:-1]:
                    con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM _gz_{table}")
                _write_sources(con, sources)
        finally:
            for table in _STAGE_TABLES + tuple(f"_gz_{t}" for t in _PUBLIC_TABLES):
                con.execute(f"DROP TABLE IF EXISTS {table}")
    return _counts(con)


def _q(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _code(column: str, width: int) -> str:
    """A TERYT code column as zero-padded text (Excel round-trips drop the leading zeros)."""
    trimmed = f"NULLIF(trim({_q(column)}), '')"
    return (
        f"CASE WHEN regexp_full_match({trimmed}, '[0-9]{{1,{width}}}') "
        f"THEN lpad({trimmed}, {width}, '0') ELSE {trimmed} END"
    )


# --- staging -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _SourceRow:
    file_kind: str
    source: str
    variant: str | None
    stan_na: str | None
    rows: int


def _stage(
    con: duckdb.DuckDBPyConnection,
    terc: CsvFile,
    simc: CsvFile | None,
    pna: CsvFile | None,
) -> list[_SourceRow]:
    with _reading(terc, "TERC"):
        sources = [_stage_terc(con, terc)]
    if simc is not None:
        with _reading(simc, "SIMC"):
            sources.append(_stage_simc(con, simc))
    else:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _gz_simc (woj VARCHAR, pow VARCHAR, gmi VARCHAR, "
            "rodz_gmi VARCHAR, rm VARCHAR, nazwa VARCHAR, sym VARCHAR, sympod VARCHAR)"
        )
    _build_units(con)
    _build_localities(con)
    if pna is not None:
        with _reading(pna, "PNA"):
            sources.append(_stage_pna(con, pna))
    else:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _gz_pna (postal_code VARCHAR, locality_raw VARCHAR, "
            "gmina_raw VARCHAR, powiat VARCHAR, voivodeship VARCHAR)"
        )
    _build_postal_codes(con)
    return sources


@contextmanager
def _reading(csv: CsvFile, kind: str) -> Iterator[None]:
    """DuckDB's CSV errors (ragged rows, bad quoting) named after the file they come from."""
    try:
        yield
    except duckdb.Error as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GazetteerLoadError(f"{kind} file {csv.label}: cannot be read: {first_line}") from exc


def _stage_terc(con: duckdb.DuckDBPyConnection, csv: CsvFile) -> _SourceRow:
    cols = column_map(csv, "TERC", _TERC_COLUMNS, _TERC_REQUIRED)
    nazwa_dod = f"trim({_q(cols['nazwa_dod'])})" if "nazwa_dod" in cols else "NULL"
    stan_na = f"trim({_q(cols['stan_na'])})" if "stan_na" in cols else "NULL"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _gz_terc AS
        SELECT {_code(cols["woj"], 2)} AS woj, {_code(cols["pow"], 2)} AS pow,
               {_code(cols["gmi"], 2)} AS gmi, NULLIF(trim({_q(cols["rodz"])}), '') AS rodz,
               trim({_q(cols["nazwa"])}) AS nazwa, {nazwa_dod} AS nazwa_dod, {stan_na} AS stan_na
        FROM {read_csv_sql(csv)}
        WHERE NULLIF(trim({_q(cols["woj"])}), '') IS NOT NULL
        """
    )
    _reject(
        con,
        csv,
        "TERC",
        """SELECT concat_ws(';', woj, pow, gmi, rodz, nazwa) FROM _gz_terc
           WHERE NOT regexp_full_match(woj, '[0-9]{2}')
              OR (pow IS NOT NULL AND NOT regexp_full_match(pow, '[0-9]{2}'))
              OR (gmi IS NOT NULL AND NOT regexp_full_match(gmi, '[0-9]{2}'))
              OR (gmi IS NOT NULL AND (rodz IS NULL OR NOT regexp_full_match(rodz, '[1-9]')))
              OR (pow IS NULL AND gmi IS NOT NULL)
              OR coalesce(nazwa, '') = ''""",
        "rows with malformed codes (WOJ/POW/GMI must be two digits, RODZ one digit)",
    )
    counts = _one(con, "SELECT count(*), count(*) FILTER (rodz = '3'), max(stan_na) FROM _gz_terc")
    voivodeships = _one(con, "SELECT count(*) FROM _gz_terc WHERE pow IS NULL")[0]
    if voivodeships == 0:
        raise GazetteerLoadError(f"TERC file {csv.label}: no voivodeship rows (POW empty)")
    # The "Adresowy" variant leaves out RODZ=3 rows (a miejsko-wiejska gmina is only listed
    # through its town part 4 and rural part 5); "Urzędowy" lists all three.
    variant = "Urzędowy" if counts[1] else "Adresowy"
    return _SourceRow("TERC", csv.label, variant, _text(counts[2]), _int(counts[0]))


def _stage_simc(con: duckdb.DuckDBPyConnection, csv: CsvFile) -> _SourceRow:
    cols = column_map(csv, "SIMC", _SIMC_COLUMNS, _SIMC_REQUIRED)
    stan_na = f"trim({_q(cols['stan_na'])})" if "stan_na" in cols else "NULL"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _gz_simc AS
        SELECT {_code(cols["woj"], 2)} AS woj, {_code(cols["pow"], 2)} AS pow,
               {_code(cols["gmi"], 2)} AS gmi, NULLIF(trim({_q(cols["rodz_gmi"])}), '') AS rodz_gmi,
               {_code(cols["rm"], 2)} AS rm, trim({_q(cols["nazwa"])}) AS nazwa,
               {_code(cols["sym"], 7)} AS sym, {_code(cols["sympod"], 7)} AS sympod,
               {stan_na} AS stan_na
        FROM {read_csv_sql(csv)}
        WHERE NULLIF(trim({_q(cols["woj"])}), '') IS NOT NULL
        """
    )
    _reject(
        con,
        csv,
        "SIMC",
        """SELECT concat_ws(';', woj, pow, gmi, rodz_gmi, rm, nazwa, sym, sympod) FROM _gz_simc
           WHERE NOT regexp_full_match(woj, '[0-9]{2}')
              OR NOT regexp_full_match(coalesce(pow, ''), '[0-9]{2}')
              OR NOT regexp_full_match(coalesce(gmi, ''), '[0-9]{2}')
              OR NOT regexp_full_match(coalesce(rodz_gmi, ''), '[1-9]')
              OR NOT regexp_full_match(coalesce(rm, ''), '[0-9]{2}')
              OR NOT regexp_full_match(coalesce(sym, ''), '[0-9]{7}')
              OR NOT regexp_full_match(coalesce(sympod, ''), '[0-9]{7}')
              OR coalesce(nazwa, '') = ''""",
        "rows with malformed codes (WOJ/POW/GMI/RM two digits, RODZ_GMI one, SYM/SYMPOD seven)",
    )
    duplicates = _one(con, "SELECT count(*) - count(DISTINCT sym) FROM _gz_simc")[0]
    if duplicates:
        raise GazetteerLoadError(f"SIMC file {csv.label}: {duplicates} duplicate SYM identifiers")
    counts = _one(con, "SELECT count(*), count(*) FILTER (rm = '99'), max(stan_na) FROM _gz_simc")
    # Only the "Urzędowy" SIMC lists town parts (RM 99) as localities of their own.
    variant = "Urzędowy" if counts[1] else "Adresowy"
    return _SourceRow("SIMC", csv.label, variant, _text(counts[2]), _int(counts[0]))


def _stage_pna(con: duckdb.DuckDBPyConnection, csv: CsvFile) -> _SourceRow:
    cols = column_map(csv, "PNA", _PNA_COLUMNS, _PNA_REQUIRED, key="fold")
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _gz_pna AS
        SELECT trim({_q(cols["postal_code"])}) AS postal_code,
               {_q(cols["locality"])} AS locality_raw,
               trim({_q(cols["gmina"])}) AS gmina_raw,
               trim({_q(cols["powiat"])}) AS powiat,
               lower(trim({_q(cols["voivodeship"])})) AS voivodeship
        FROM {read_csv_sql(csv)}
        WHERE NULLIF(trim({_q(cols["postal_code"])}), '') IS NOT NULL
        """
    )
    total, good = _one(
        con,
        "SELECT count(*), count(*) FILTER (regexp_full_match(postal_code, '[0-9]{2}-?[0-9]{3}')) "
        "FROM _gz_pna",
    )
    if _int(good) == 0 or _int(good) < 0.9 * _int(total):
        sample = [
            r[0]
            for r in con.execute(
                "SELECT postal_code FROM _gz_pna "
                "WHERE NOT regexp_full_match(postal_code, '[0-9]{2}-?[0-9]{3}') LIMIT 3"
            ).fetchall()
        ]
        raise GazetteerLoadError(
            f"PNA file {csv.label}: only {good} of {total} rows hold a postal code NN-NNN "
            f"(e.g. {sample})"
        )
    return _SourceRow("PNA", csv.label, None, None, _int(total))


def _reject(
    con: duckdb.DuckDBPyConnection, csv: CsvFile, kind: str, query: str, problem: str
) -> None:
    bad = [r[0] for r in con.execute(query + " LIMIT 3").fetchall()]
    if bad:
        raise GazetteerLoadError(f"{kind} file {csv.label}: {problem}, e.g. {bad}")


# --- set work ----------------------------------------------------------------------------------


def _build_units(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _gz_teryt_voivodeships AS
        SELECT woj::VARCHAR(2) AS woj, lower(nazwa) AS name
        FROM _gz_terc WHERE pow IS NULL ORDER BY woj
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _gz_teryt_powiats AS
        SELECT (woj || pow)::CHAR(4) AS powiat_teryt, nazwa AS name,
               -- cities with county rights are numbered from 61; NAZWA_DOD says so too
               (pow >= '61' OR coalesce(nazwa_dod, '') ILIKE '%na prawach powiatu%') AS is_city,
               woj::VARCHAR(2) AS woj
        FROM _gz_terc WHERE pow IS NOT NULL AND gmi IS NULL ORDER BY powiat_teryt
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _gz_teryt_gminas AS
        WITH listed AS (
            SELECT woj || pow || gmi || rodz AS gmina_teryt, woj || pow || gmi AS gmina6,
                   nazwa AS name, rodz, woj || pow AS powiat_teryt, woj, false AS synthesised
            FROM _gz_terc WHERE rodz IN ('1', '2', '3', '8', '9')
        ),
        -- Adresowy TERC: a miejsko-wiejska gmina exists only as its parts 4 (town) / 5 (rural)
        urban_rural AS (
            SELECT t.woj || t.pow || t.gmi || '3', t.woj || t.pow || t.gmi, t.nazwa, '3',
                   t.woj || t.pow, t.woj, true
            FROM _gz_terc AS t
            WHERE t.rodz = '4' AND NOT EXISTS (
                SELECT 1 FROM _gz_terc AS u
                WHERE u.woj = t.woj AND u.pow = t.pow AND u.gmi = t.gmi AND u.rodz = '3')
        ),
        -- Adresowy TERC: Kraków, Łódź, Poznań, Wrocław and Warsaw are listed only through their
        -- delegatury / dzielnice; Urzędowy codes the city gmina itself as GMI 01, RODZ 1.
        city AS (
            SELECT p.woj || p.pow || '011', p.woj || p.pow || '01', p.nazwa, '1',
                   p.woj || p.pow, p.woj, true
            FROM _gz_terc AS p
            WHERE p.pow IS NOT NULL AND p.gmi IS NULL
              AND EXISTS (SELECT 1 FROM _gz_terc AS d WHERE d.woj = p.woj AND d.pow = p.pow
                          AND d.rodz IN ('8', '9'))
              AND NOT EXISTS (SELECT 1 FROM _gz_terc AS g WHERE g.woj = p.woj AND g.pow = p.pow
                              AND g.gmi = '01')
        )
        SELECT gmina_teryt::VARCHAR(7) AS gmina_teryt, gmina6::VARCHAR(6) AS gmina6, name,
               CASE rodz WHEN '1' THEN 'miejska' WHEN '2' THEN 'wiejska'
                         WHEN '3' THEN 'miejsko-wiejska' WHEN '8' THEN 'dzielnica'
                         ELSE 'delegatura' END AS kind,
               powiat_teryt::CHAR(4) AS powiat_teryt, woj::VARCHAR(2) AS woj, synthesised
        FROM (SELECT * FROM listed UNION ALL SELECT * FROM urban_rural UNION ALL SELECT * FROM city)
        ORDER BY gmina_teryt
        """
    )
    duplicates = _one(con, "SELECT count(*) - count(DISTINCT gmina6) FROM _gz_teryt_gminas")[0]
    if duplicates:
        raise GazetteerLoadError(f"TERC: {duplicates} gminas share a WOJ+POW+GMI code")


def _build_localities(con: duckdb.DuckDBPyConnection) -> None:
    # SIMC and TERC may come from different years and variants (a gmina that became
    # miejsko-wiejska changes its RODZ), so localities join their gmina on WOJ+POW+GMI.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _gz_teryt_localities AS
        SELECT s.sym::VARCHAR(7) AS simc, s.nazwa AS name, s.rm::VARCHAR(2) AS kind_code,
               NULLIF(s.sympod, s.sym)::VARCHAR(7) AS parent_simc,
               g.gmina_teryt, (s.woj || s.pow || s.gmi)::VARCHAR(6) AS gmina6,
               (s.woj || s.pow)::CHAR(4) AS powiat_teryt, s.woj::VARCHAR(2) AS woj,
               s.rodz_gmi::VARCHAR(1) AS rodz_gmi
        FROM _gz_simc AS s
        LEFT JOIN _gz_teryt_gminas AS g ON g.gmina6 = s.woj || s.pow || s.gmi
        ORDER BY simc
        """
    )


def _build_postal_codes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        r"""
        CREATE OR REPLACE TEMP TABLE _gz_pna_clean AS
        SELECT row_number() OVER () AS id,
               substr(regexp_replace(postal_code, '-', ''), 1, 2) || '-'
                   || substr(regexp_replace(postal_code, '-', ''), 3, 3) AS postal_code,
               -- big cities carry the district in brackets: "Łódź (Łódź-Górna)"
               trim(regexp_replace(locality_raw, '\s*\(.*\)\s*$', '')) AS locality,
               NULLIF(trim(regexp_extract(locality_raw, '\(([^()]*)\)\s*$', 1)), '')
                   AS locality_part,
               -- PDF-extraction debris: house-number ranges leaked in front of the gmina name
               -- ("1-19a(n), 2-16(p) Łódź")
               trim(regexp_replace(gmina_raw, '^(\S*[0-9]\S*,?\s+)+', '')) AS gmina_name,
               powiat AS powiat_name, voivodeship AS voivodeship_name
        FROM _gz_pna
        WHERE regexp_full_match(postal_code, '[0-9]{2}-?[0-9]{3}')
          -- one locality in the 2024 list carries its neighbours in embedded newlines
          AND NOT contains(locality_raw, chr(10))
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _gz_postal_codes AS
        WITH p AS MATERIALIZED (
            SELECT c.*, v.woj, pw.powiat_teryt
            FROM _gz_pna_clean AS c
            LEFT JOIN _gz_teryt_voivodeships AS v ON v.name = c.voivodeship_name
            LEFT JOIN _gz_teryt_powiats AS pw
                ON pw.woj = v.woj AND lower(pw.name) = lower(c.powiat_name)
        ),
        g AS (
            SELECT gmina_teryt, gmina6, lower(name) AS lname, powiat_teryt
            FROM _gz_teryt_gminas WHERE kind IN ('miejska', 'wiejska', 'miejsko-wiejska')
        ),
        loc AS (SELECT DISTINCT gmina6, lower(name) AS lname FROM _gz_teryt_localities),
        by_name AS (
            SELECT p.id, g.gmina_teryt, g.gmina6,
                   count(*) OVER (PARTITION BY p.id) AS n,
                   loc.gmina6 IS NOT NULL AS has_locality
            FROM p
            JOIN g ON g.powiat_teryt = p.powiat_teryt AND g.lname = lower(p.gmina_name)
            LEFT JOIN loc ON loc.gmina6 = g.gmina6 AND loc.lname = lower(p.locality)
        ),
        -- one gmina of that name in the powiat; or, when a town gmina and the rural gmina
        -- around it share the name (Radomsko), the one that holds the locality
        named AS (
            SELECT id, any_value(gmina_teryt) AS gmina_teryt, any_value(gmina6) AS gmina6
            FROM by_name WHERE n = 1 OR has_locality
            GROUP BY id HAVING count(*) = 1
        ),
        -- the gmina name differs from TERC: fall back on the only gmina in the powiat that has
        -- a locality of that name
        by_locality AS (
            SELECT p.id, any_value(g.gmina_teryt) AS gmina_teryt, any_value(g.gmina6) AS gmina6
            FROM p
            JOIN loc ON loc.lname = lower(p.locality)
            JOIN g ON g.gmina6 = loc.gmina6 AND g.powiat_teryt = p.powiat_teryt
            WHERE p.id NOT IN (SELECT id FROM named)
            GROUP BY p.id HAVING count(DISTINCT g.gmina6) = 1
        ),
        resolved AS (SELECT * FROM named UNION ALL SELECT * FROM by_locality),
        simc AS (
            SELECT r.id, l.simc,
                   CASE WHEN l.kind_code = '96' THEN 0 WHEN l.parent_simc IS NULL THEN 1 ELSE 2
                   END AS rank
            FROM resolved AS r JOIN p USING (id)
            JOIN _gz_teryt_localities AS l
                ON l.gmina6 = r.gmina6 AND lower(l.name) = lower(p.locality)
        ),
        -- the town, else the one independent locality of that name in the gmina
        best_simc AS (
            SELECT id, any_value(simc) AS simc
            FROM (SELECT *, min(rank) OVER (PARTITION BY id) AS best FROM simc)
            WHERE rank = best
            GROUP BY id HAVING count(*) = 1
        )
        SELECT p.postal_code::VARCHAR(6) AS postal_code, p.locality, p.locality_part,
               p.gmina_name, p.powiat_name, p.voivodeship_name, p.woj::VARCHAR(2) AS woj,
               p.powiat_teryt::CHAR(4) AS powiat_teryt, r.gmina6, r.gmina_teryt,
               b.simc::VARCHAR(7) AS locality_simc
        FROM p LEFT JOIN resolved AS r USING (id) LEFT JOIN best_simc AS b USING (id)
        -- every column, so that namesakes sharing a code come out in the same order each time
        ORDER BY p.postal_code, p.locality, p.locality_part NULLS FIRST, b.simc NULLS FIRST,
                 r.gmina_teryt NULLS FIRST, p.powiat_teryt NULLS FIRST, p.gmina_name
        """
    )
    con.execute("DROP TABLE IF EXISTS _gz_pna_clean")


# --- finishing ---------------------------------------------------------------------------------


def _write_sources(con: duckdb.DuckDBPyConnection, sources: list[_SourceRow]) -> None:
    con.execute(
        "CREATE OR REPLACE TABLE gazetteer_sources (file_kind VARCHAR, source VARCHAR, "
        "variant VARCHAR, stan_na VARCHAR, rows BIGINT, loaded_at TIMESTAMPTZ)"
    )
    now = datetime.now(UTC)
    con.executemany(
        "INSERT INTO gazetteer_sources VALUES (?, ?, ?, ?, ?, ?)",
        [(s.file_kind, s.source, s.variant, s.stan_na, s.rows, now) for s in sources],
    )


def _one(con: duckdb.DuckDBPyConnection, query: str) -> tuple[object, ...]:
    row = con.execute(query).fetchone()
    if row is None:
        raise GazetteerLoadError(f"query returned no row: {query}")
    return tuple(row)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int) else 0


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _counts(con: duckdb.DuckDBPyConnection) -> GazetteerCounts:
    def count(query: str) -> int:
        return _int(_one(con, query)[0])

    return GazetteerCounts(
        voivodeships=count("SELECT count(*) FROM teryt_voivodeships"),
        powiats=count("SELECT count(*) FROM teryt_powiats"),
        city_powiats=count("SELECT count(*) FROM teryt_powiats WHERE is_city"),
        gminas=count(
            "SELECT count(*) FROM teryt_gminas "
            "WHERE kind IN ('miejska', 'wiejska', 'miejsko-wiejska')"
        ),
        districts=count(
            "SELECT count(*) FROM teryt_gminas WHERE kind IN ('dzielnica', 'delegatura')"
        ),
        localities=count("SELECT count(*) FROM teryt_localities"),
        postal_codes=count("SELECT count(*) FROM postal_codes"),
        postal_codes_with_gmina=count(
            "SELECT count(*) FROM postal_codes WHERE gmina_teryt IS NOT NULL"
        ),
    )
