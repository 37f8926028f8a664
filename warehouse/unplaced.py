"""Institutions the directory could not place in a gmina or a powiat, and why: the run report's
"Institutions without a gmina" section, so that a coordinator sees each one and what would settle it.

Why is read from the institution's records: a place phrase or locality that several
localities of the powiat bear in different gminas (namesakes no address or postal code
settles), a source that gives no place at all but its county, or none at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True, slots=True)
class UnplacedLine:
    """One institution published without a gmina (and maybe without a powiat)."""

    institution_id: str
    name: str
    powiat_teryt: str | None
    without_powiat: bool
    reason: str


_NAMESAKES = (
    "kilka miejscowości tej nazwy w różnych gminach powiatu; ani adres, ani kod pocztowy nie"
    " wskazują, która"
)
_COUNTY_ONLY = "źródło nie podaje adresu, kodu pocztowego ani miejscowości: znany tylko powiat"
_NO_PLACE = "źródło nie podaje żadnego miejsca ani powiatu"


def unplaced_institutions(con: duckdb.DuckDBPyConnection) -> list[UnplacedLine]:
    """Published institutions without a gmina, those without a powiat first, with why."""
    rows = con.execute(
        """
        SELECT i.institution_id, i.name, i.powiat_teryt,
               bool_or(r.place_status = 'ambiguous' AND r.place_method = 'namesakes'),
               bool_or(r.street IS NOT NULL OR r.postal_code IS NOT NULL
                       OR r.locality IS NOT NULL),
               string_agg(DISTINCT r.place_status || coalesce('/' || r.place_method, ''), ', '
                          ORDER BY r.place_status || coalesce('/' || r.place_method, ''))
        FROM institutions AS i
        JOIN institution_records AS m USING (institution_id)
        JOIN records AS r USING (record_id)
        WHERE i.gmina_teryt IS NULL
        GROUP BY i.institution_id, i.name, i.powiat_teryt
        ORDER BY i.powiat_teryt NULLS FIRST, i.name, i.institution_id
        """
    ).fetchall()
    out = []
    for institution_id, name, powiat, namesakes, addressed, statuses in rows:
        if namesakes:
            reason = _NAMESAKES
        elif not addressed:
            reason = _COUNTY_ONLY if powiat else _NO_PLACE
        else:
            reason = f"adres nie wskazuje miejscowości ({statuses})"
        out.append(UnplacedLine(str(institution_id), str(name), powiat, powiat is None, reason))
    return out
