"""Statutory coverage: which institutions every powiat and gmina must have by law, and which of
them the directory lacks.

By law every powiat runs a family support centre (PCPR, ustawa o pomocy społecznej), a
psychological-pedagogical clinic (PPP, prawo oświatowe), a labour office (PUP, ustawa o
promocji zatrudnienia), has a police command (KPP/KMP), a district court and a sanitary
station (PSSE); every gmina runs a social assistance centre (OPS) or, since 2019, a social
services centre (CUS). A gap here means "not in the directory", which is either a real gap
or a source still to be catalogued — the page says so.

Only counties in the source catalogue (`sources.county`) are reported: the directory makes no
claim about counties it does not collect. Gmina rows need the TERYT gazetteer; without it only
powiat-level requirements are reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import duckdb

from warehouse.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Requirement:
    code: str
    level: str  # powiat | gmina
    label_pl: str
    condition: str  # SQL over `institutions AS i`


# A court seated in the powiat stands for "a district court": the directory does not hold
# court jurisdiction, and most powiats have their own; a powiat served by a neighbour's court
# shows as a gap to check. A komisariat is not a command; a WUP is not a powiat labour office.
REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "pcpr",
        "powiat",
        "Powiatowe centrum pomocy rodzinie (PCPR; w mieście na prawach powiatu także MOPS/MOPR)",
        "i.type_code = 'pcpr' OR (p.is_city AND i.type_code IN ('ops', 'cus'))",
    ),
    Requirement(
        "ppp", "powiat", "Poradnia psychologiczno-pedagogiczna (PPP)", "i.type_code = 'ppp'"
    ),
    Requirement(
        "pup",
        "powiat",
        "Powiatowy urząd pracy (PUP)",
        "i.type_code = 'pup' AND NOT i.name ILIKE '%wojew%'",
    ),
    Requirement(
        "police",
        "powiat",
        "Komenda powiatowa lub miejska policji (KPP/KMP)",
        "i.type_code = 'police' AND i.name ILIKE '%komend%'",
    ),
    Requirement(
        "court",
        "powiat",
        "Sąd rejonowy z siedzibą w powiecie",
        "i.type_code = 'court' AND i.name ILIKE '%rejonow%'",
    ),
    Requirement(
        "sanepid",
        "powiat",
        "Stacja sanitarno-epidemiologiczna (PSSE)",
        "i.type_code = 'sanepid'",
    ),
    Requirement(
        "ops",
        "gmina",
        "Ośrodek pomocy społecznej (OPS) lub centrum usług społecznych (CUS)",
        "i.type_code IN ('ops', 'cus')",
    ),
)


@dataclass(frozen=True, slots=True)
class CoverageRow:
    powiat_teryt: str
    powiat_name: str | None
    gmina_teryt: str | None
    gmina_name: str | None
    requirement: str
    label_pl: str
    found: int
    institution_ids: tuple[str, ...]

    @property
    def missing(self) -> bool:
        return self.found == 0


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        str(r[0])
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()
    }


def build_coverage(con: duckdb.DuckDBPyConnection) -> tuple[CoverageRow, ...]:
    """Every requirement for every catalogued county (and its gminas), in TERYT order."""
    tables = _tables(con)
    has_gazetteer = {"teryt_powiats", "teryt_gminas"} <= tables
    if has_gazetteer:
        powiats = """
            SELECT c.county AS powiat_teryt,
                   coalesce(t.name, (SELECT min(powiat_name) FROM institutions
                                      WHERE powiat_teryt = c.county)) AS powiat_name,
                   coalesce(t.is_city, false) AS is_city
            FROM (SELECT DISTINCT county FROM sources) AS c
            LEFT JOIN teryt_powiats AS t ON t.powiat_teryt = c.county
        """
    else:
        log.warning("no gazetteer in the warehouse: coverage reports powiat requirements only")
        powiats = """
            SELECT c.county AS powiat_teryt,
                   (SELECT min(powiat_name) FROM institutions
                     WHERE powiat_teryt = c.county) AS powiat_name,
                   false AS is_city
            FROM (SELECT DISTINCT county FROM sources) AS c
        """
    rows: list[CoverageRow] = []
    for req in REQUIREMENTS:
        if req.level == "powiat":
            query = f"""
                WITH p AS ({powiats})
                SELECT p.powiat_teryt, p.powiat_name, NULL, NULL,
                       list(i.institution_id ORDER BY i.institution_id)
                           FILTER (WHERE i.institution_id IS NOT NULL)
                FROM p LEFT JOIN institutions AS i
                  ON i.powiat_teryt = p.powiat_teryt AND ({req.condition})
                GROUP BY ALL
            """
        elif has_gazetteer:
            # An institution placed on the town part (…4) or rural part (…5) of an urban-rural
            # gmina belongs to the gmina (…3): compare the six digits without the kind digit.
            query = f"""
                WITH p AS ({powiats})
                SELECT p.powiat_teryt, p.powiat_name, g.gmina_teryt, g.name,
                       list(i.institution_id ORDER BY i.institution_id)
                           FILTER (WHERE i.institution_id IS NOT NULL)
                FROM p JOIN teryt_gminas AS g
                  ON g.powiat_teryt = p.powiat_teryt
                 AND g.kind IN ('miejska', 'wiejska', 'miejsko-wiejska')
                LEFT JOIN institutions AS i
                  ON left(i.gmina_teryt, 6) = g.gmina6 AND ({req.condition})
                GROUP BY ALL
            """
        else:
            continue
        for powiat, powiat_name, gmina, gmina_name, ids in con.execute(query).fetchall():
            found = tuple(str(x) for x in (ids or ()))
            rows.append(
                CoverageRow(
                    str(powiat),
                    _opt(powiat_name),
                    _opt(gmina),
                    _opt(gmina_name),
                    req.code,
                    req.label_pl,
                    len(found),
                    found,
                )
            )
    order = {req.code: n for n, req in enumerate(REQUIREMENTS)}
    rows.sort(key=lambda r: (r.powiat_teryt, r.gmina_teryt or "", order[r.requirement]))
    return tuple(rows)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def refresh_coverage(con: duckdb.DuckDBPyConnection) -> tuple[CoverageRow, ...]:
    """Rebuild `statutory_coverage` from the current directory; returns its rows."""
    rows = build_coverage(con)
    with transaction(con):
        con.execute("DELETE FROM statutory_coverage")
        if rows:
            con.executemany(
                "INSERT INTO statutory_coverage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.powiat_teryt,
                        r.powiat_name,
                        r.gmina_teryt,
                        r.gmina_name,
                        r.requirement,
                        r.label_pl,
                        r.found,
                        list(r.institution_ids),
                        r.missing,
                    )
                    for r in rows
                ],
            )
    return rows
