"""Reading the gazetteer tables back: the rows `transforms.places.Gazetteer` is built from.

`load_gazetteer` (warehouse/gazetteer.py) writes `teryt_voivodeships`, `teryt_powiats`,
`teryt_gminas`, `teryt_localities` and `postal_codes`; `read_gazetteer_rows(con)` reads exactly
the columns the place resolver needs, from those tables or from views of the same names (the
national gazetteer shipped with the package is read through such views over its Parquet files:
warehouse/national_gazetteer.py). The fold keys of ~100k locality names and of the names'
words are computed here in SQL, a fraction of what folding them in Python costs.
"""

from __future__ import annotations

import duckdb

from transforms.places import (
    Gazetteer,
    GazetteerRows,
    Gmina,
    Locality,
    PostalRow,
    Powiat,
)

# Characters whose folding DuckDB's strip_accents + translate reproduce exactly.
_SQL_SAFE_NAME = '[A-Za-z0-9ąćęłńóśźżĄĆĘŁŃÓŚŹŻ .,()"-]*'
REQUIRED_TABLES = ("teryt_voivodeships", "teryt_powiats", "teryt_gminas")


def gazetteer_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The names of this database's tables and views."""
    rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    return {str(row[0]) for row in rows}


def has_gazetteer(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this database holds the gazetteer's TERC tables (SIMC and PNA are optional)."""
    return set(REQUIRED_TABLES) <= gazetteer_tables(con)


def read_gazetteer_rows(con: duckdb.DuckDBPyConnection) -> GazetteerRows:
    """The gazetteer's rows from this database; LookupError when its TERC tables are missing."""
    tables = gazetteer_tables(con)
    missing = set(REQUIRED_TABLES) - tables
    if missing:
        raise LookupError(
            f"no gazetteer in this database: tables {sorted(missing)} are missing "
            "(load one with warehouse.gazetteer.load_gazetteer)"
        )
    voivodeships = [
        (str(woj), str(name))
        for woj, name in con.execute("SELECT woj, name FROM teryt_voivodeships").fetchall()
    ]
    powiats = [
        Powiat(code, name, bool(is_city), woj)
        for code, name, is_city, woj in con.execute(
            "SELECT powiat_teryt, name, is_city, woj FROM teryt_powiats"
        ).fetchall()
    ]
    gminas = [
        Gmina(*row)
        for row in con.execute(
            "SELECT gmina_teryt, gmina6, name, kind, powiat_teryt FROM teryt_gminas"
        ).fetchall()
    ]
    localities: list[tuple[Locality, str | None]] = []
    if "teryt_localities" in tables:
        localities = [
            (Locality(*columns), key)
            for *columns, key in con.execute(
                "SELECT simc, name, kind_code, parent_simc IS NULL, gmina_teryt, gmina6, "
                f"powiat_teryt, {sql_fold_key('name')} FROM teryt_localities"
            ).fetchall()
        ]
    postal_codes: list[PostalRow] = []
    if "postal_codes" in tables:
        postal_codes = [
            PostalRow(*row)
            for row in con.execute(
                f"SELECT postal_code, locality, {sql_fold_key('locality')}, locality_simc, "
                "gmina_teryt, gmina6, powiat_teryt FROM postal_codes"
            ).fetchall()
        ]
    names = ["SELECT name FROM teryt_gminas", "SELECT name FROM teryt_powiats WHERE is_city"]
    if "teryt_localities" in tables:
        names.append("SELECT name FROM teryt_localities")
    words = [
        (str(word), key)
        for word, key in con.execute(
            f"""
            SELECT word, {sql_fold_key("word")} FROM (
                SELECT DISTINCT unnest(regexp_extract_all(name, '[\\pL\\pN]+')) AS word
                FROM ({" UNION ".join(names)}))
            ORDER BY word
            """
        ).fetchall()
    ]
    return GazetteerRows(voivodeships, powiats, gminas, localities, postal_codes, words)


def gazetteer_from_warehouse(con: duckdb.DuckDBPyConnection) -> Gazetteer:
    """The `Gazetteer` of the tables loaded into this database (LookupError without them)."""
    return Gazetteer.from_rows(read_gazetteer_rows(con))


def sql_fold_key(column: str) -> str:
    """`transforms.text.fold_key` in DuckDB SQL, for names written in Polish letters only.

    Folding ~100k SIMC names in Python costs seconds; in SQL, a fraction. Names with any other
    character give NULL and are folded in Python, so both ways always agree.
    """
    c = f'"{column}"'
    return (
        f"CASE WHEN regexp_full_match({c}, '{_SQL_SAFE_NAME}') THEN trim(regexp_replace("
        f"lower(strip_accents(translate({c}, 'łŁ', 'lL'))), '[^0-9a-z]+', ' ', 'g')) END"
    )
