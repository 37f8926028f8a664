"""HSDS service rows and what hangs on them: service areas, service types, service at the
institution's location, and the schedules its pages state (docs/hsds_profile.md).

A service row says where it comes from (the staged `pub_services`, warehouse/publish/
evidence.py): stated by a source, its description quotes the sentence that states it and its
`url` is the page; read from the name or a type column, or a default of the institution's
type, its description says so ("usługa domyślna dla typu instytucji"), so a type default is
never passed off as something the institution said. The ages, fees and referral the same
sentence's text states become minimum_age / maximum_age, fees and eligibility_description.

Schedules (`pub_schedules`) are the weekly hours an institution's page states: one row per
schedule at the institution's location, or, for an institution without a published location,
one per service of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import duckdb

from warehouse.hsds_common import VOIVODESHIPS, clean, hsds_id, sentence, term_id, whole_gmina

# Institutions that serve one gmina; every other type serves its powiat (or wider).
GMINA_LEVEL_TYPES = frozenset(
    {
        "ops",
        "cus",
        "municipal_office",
        "addiction_commission",
        "interdisciplinary_team",
        "municipal_guard",
        "day_care",
        "nursery",
        "preschool",
        "primary_school",
    }
)
# Institutions that serve their voivodeship.
VOIVODESHIP_LEVEL_TYPES = frozenset({"rops", "regional_office"})

Tables = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class ServiceDates:
    assured_date: str  # YYYY-MM-DD, Europe/Warsaw
    last_modified: str  # RFC 3339: the midnight (Europe/Warsaw) that starts the day of the change
    decided: str | None = None  # YYYY-MM-DD: a coordinator's last decision about it


WARSAW = ZoneInfo("Europe/Warsaw")


def add_service(
    tables: Tables,
    inst: dict[str, Any],
    row: dict[str, Any],
    dates: ServiceDates,
    terms: set[str],
    locations: dict[str, str],
) -> None:
    iid, code = inst["institution_id"], row["service"]
    org_id = hsds_id("organization", iid)
    service_id = hsds_id("service", iid, code)
    label = sentence(row["service_label"])
    evidence_url = row.get("evidence_url")
    tables["service"].append(
        clean(
            {
                "id": service_id,
                "organization_id": org_id,
                "name": f"{label} — {inst['name']}",
                "description": _description(label, code, inst["type_label"], row),
                "url": evidence_url if _absolute(evidence_url) else inst["website"],
                "status": "active",
                "fees": _fees(row.get("fees_free")),
                "fees_description": _fees_description(row.get("fees_free")),
                "eligibility_description": _eligibility(row),
                "minimum_age": row.get("age_min"),
                "maximum_age": row.get("age_max"),
                "assured_date": _assured(row.get("last_confirmed"), dates),
                "last_modified": dates.last_modified,
            }
        )
    )
    area = service_area(inst, service_id, iid, code)
    if area:
        tables["service_area"].append(area)
    if term_id("service", code) in terms:
        tables["attribute"].append(
            {
                "id": hsds_id("attribute", iid, code),
                "link_id": service_id,
                "taxonomy_term_id": term_id("service", code),
                "link_type": "service_type",
                "link_entity": "service",
            }
        )
    if org_id in locations:
        tables["service_at_location"].append(
            {
                "id": hsds_id("service_at_location", iid, code),
                "service_id": service_id,
                "location_id": locations[org_id],
            }
        )


def _absolute(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("http://", "https://"))


def _description(label: str, code: str, type_label: str, row: dict[str, Any]) -> str:
    origin = row.get("origin")
    if origin == "stated":
        text = row.get("evidence_text")
        said = f": „{text}”" if text else ""
        return f"{label} ({code}); podana w źródle{said}"
    if origin == "name":
        return f"{label} ({code}); wynika z nazwy lub typu instytucji ({type_label})."
    return f"{label} ({code}); usługa domyślna dla typu instytucji ({type_label}), nie podana w źródle."


def _fees(free: bool | None) -> str | None:
    return None if free is None else ("free" if free else "paid")


def _fees_description(free: bool | None) -> str | None:
    return None if free is None else ("bezpłatnie" if free else "odpłatnie")


def age_range(age_min: int | None, age_max: int | None) -> str | None:
    """Polish words for an age range: "od 3 do 10 lat", "do 18 lat", "od 60 lat"."""
    if age_min is not None and age_max is not None:
        return f"od {age_min} do {age_max} lat"
    if age_max is not None:
        return f"do {age_max} lat"
    if age_min is not None:
        return f"od {age_min} lat"
    return None


def _eligibility(row: dict[str, Any]) -> str | None:
    parts = []
    ages = age_range(row.get("age_min"), row.get("age_max"))
    if ages:
        parts.append(f"wiek {ages}")
    referral = row.get("referral_required")
    if referral is True:
        parts.append("potrzebne skierowanie lub orzeczenie")
    elif referral is False:
        parts.append("bez skierowania")
    return "; ".join(parts).capitalize() + "." if parts else None


def _assured(last_confirmed: date | None, dates: ServiceDates) -> str:
    """The last day a source still stated the service, or a coordinator decided about its
    institution; the institution's own date when nothing states the service."""
    if last_confirmed is None:
        return dates.assured_date
    day = last_confirmed.isoformat()
    return max(day, dates.decided) if dates.decided else day


def add_schedules(
    tables: Tables,
    con: duckdb.DuckDBPyConnection,
    locations: dict[str, str],
    services: dict[str, list[str]],
) -> None:
    """Schedule rows from pub_schedules: at the institution's location (`locations`:
    organization id → location id), else on each of its services (`services`: institution
    id → service codes)."""
    cursor = con.execute(
        "SELECT institution_id, schedule, byday, opens, closes, what, evidence_text"
        " FROM pub_schedules ORDER BY institution_id, schedule"
    )
    for iid, schedule, byday, opens, closes, what, evidence in cursor.fetchall():
        fields = {
            "freq": "WEEKLY" if byday else None,
            "byday": byday or None,
            "opens_at": _time(opens),
            "closes_at": _time(closes),
            "description": evidence or what,
            "notes": what,
        }
        location = locations.get(hsds_id("organization", iid))
        if location:
            tables["schedule"].append(
                clean({"id": hsds_id("schedule", iid, schedule), "location_id": location, **fields})
            )
            continue
        for code in services.get(iid, []):
            tables["schedule"].append(
                clean(
                    {
                        "id": hsds_id("schedule", iid, code, schedule),
                        "service_id": hsds_id("service", iid, code),
                        **fields,
                    }
                )
            )


def _time(hhmm: str | None) -> str | None:
    """HH:MM as HSDS's time (HH:MM:SS)."""
    return f"{hhmm}:00" if hhmm and len(hhmm) == 5 else hhmm or None


def service_dates(con: duckdb.DuckDBPyConnection) -> dict[str, ServiceDates]:
    """Per institution, the dates its services carry (docs/hsds_profile.md): assured = the
    last day a source still carried it or a coordinator decided about it; modified = the
    day of the latest of its first appearance, the last change of a page or file naming it (a
    changed document refreshes fetched_at of every record it holds, so this errs towards
    "changed"), and a coordinator's decision.

    Both are days, like every date of the publication: a time of day would be the moment a
    page happened to be fetched, and two runs over the same pages on the same day must
    publish the same bytes. HSDS wants last_modified as a date-time: the day's start."""
    rows = con.execute(
        """
        WITH decided AS (
            SELECT institution_id, max(decided_at) AS decided_at FROM (
                SELECT institution_id, decided_at FROM review_decisions
                WHERE institution_id IS NOT NULL
                UNION ALL
                SELECT m.institution_id, d.decided_at
                FROM review_decisions AS d
                JOIN institution_records AS m ON m.record_id IN (d.record_a, d.record_b)
            )
            GROUP BY institution_id
        ),
        fetched AS (
            SELECT m.institution_id, max(w.fetched_at) AS fetched_at
            FROM institution_records AS m JOIN raw_records AS w USING (record_id)
            GROUP BY m.institution_id
        )
        SELECT i.institution_id,
               timezone('Europe/Warsaw', greatest(i.last_seen_at, d.decided_at))::DATE,
               timezone('Europe/Warsaw', greatest(i.first_seen_at, f.fetched_at, d.decided_at))::DATE,
               timezone('Europe/Warsaw', d.decided_at)::DATE
        FROM institutions AS i
        LEFT JOIN decided AS d USING (institution_id)
        LEFT JOIN fetched AS f USING (institution_id)
        """
    ).fetchall()
    return {
        str(iid): ServiceDates(
            assured.isoformat(),
            datetime.combine(modified, time(0), WARSAW).isoformat(timespec="milliseconds"),
            decided.isoformat() if decided else None,
        )
        for iid, assured, modified, decided in rows
    }


def service_area(
    inst: dict[str, Any], service_id: str, iid: str, code: str
) -> dict[str, Any] | None:
    gmina = whole_gmina(inst["gmina_teryt"]) if inst["gmina_teryt"] else None
    if inst["type"] in GMINA_LEVEL_TYPES and inst["gmina_teryt"]:
        # a district's centre serves its district: the district's own code then
        name, unit, teryt = inst["gmina"], "gmina", gmina or inst["gmina_teryt"]
    elif inst["type"] in VOIVODESHIP_LEVEL_TYPES and inst["powiat_teryt"]:
        teryt = inst["powiat_teryt"][:2]
        name, unit = VOIVODESHIPS.get(teryt), "województwo"
    elif inst["powiat_teryt"]:
        name, unit, teryt = inst["powiat"], "powiat", inst["powiat_teryt"]
    else:
        return None
    return clean(
        {
            "id": hsds_id("service_area", iid, code),
            "service_id": service_id,
            "name": f"{unit} {name}" if name else unit,
            "description": f"{sentence(unit)} o kodzie TERYT {teryt}",
            "extent": teryt,
            "extent_type": f"TERYT {unit}",
        }
    )
