"""The tables a publication is made from: temp tables `pub_*` holding only whitelisted
columns (warehouse/datapackage.py) and public contact values, with codes labelled in Polish.
Every file writer reads these and nothing else, so raw descriptions, page context and unmapped
fields never leave the warehouse, and what names a person (privacy.py: institutions named after
one, unconfirmed `other` records, personal mailboxes and opening hours) is left out here.

Also the contact history each publication adds to (`record_contact_history`).
"""

from __future__ import annotations

import logging

import duckdb

from transforms.taxonomy import INSTITUTION_TYPES, SECTORS, SERVICES, TARGET_GROUPS
from warehouse.publish.evidence import (
    ORIGIN_LABELS,
    is_loopback,
    stage_contact_confirmed,
    stage_schedules,
    stage_service_evidence,
)
from warehouse.publish.privacy import (
    BEST_LOCATION,
    Withheld,
    withheld_contacts,
    withheld_institutions,
)

log = logging.getLogger(__name__)


def code_labels() -> list[tuple[str, str, str]]:
    rows = [("type", t.code, t.label_pl) for t in INSTITUTION_TYPES]
    rows += [("sector", s.code, s.label_pl) for s in SECTORS]
    rows += [("service", s.code, s.label_pl) for s in SERVICES]
    rows += [("target_group", g.code, g.label_pl) for g in TARGET_GROUPS]
    return rows


def stage_withheld(con: duckdb.DuckDBPyConnection) -> list[Withheld]:
    """Temp table pub_withheld (institution_id, name, reason, kind, value): the institutions
    and contact values the publication leaves out (privacy.py), each logged with why."""
    institutions = withheld_institutions(con)
    out = {w.institution_id for w in institutions}
    contacts = con.execute(
        "SELECT institution_id, kind, value FROM contacts WHERE kind IN ('email', 'opening_hours')"
        " ORDER BY ALL"
    ).fetchall()
    values = withheld_contacts(
        con, [(str(a), str(b), str(c)) for a, b, c in contacts if a not in out]
    )
    withheld = institutions + values
    for w in withheld:
        what = f"{w.kind} {w.value!r} of" if w.kind else "institution"
        log.info(
            "left out of the publication: %s %s (%s): %s", what, w.institution_id, w.name, w.reason
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pub_withheld (institution_id VARCHAR, name VARCHAR,"
        " reason VARCHAR, kind VARCHAR, value VARCHAR)"
    )
    if withheld:
        con.executemany(
            "INSERT INTO pub_withheld VALUES (?, ?, ?, ?, ?)",
            [(w.institution_id, w.name, w.reason, w.kind, w.value) for w in withheld],
        )
    return withheld


def stage_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Temp tables pub_withheld, pub_institutions, pub_contacts, pub_services,
    pub_target_groups, pub_provenance: the only data the publication's writers read."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE pub_labels (kind VARCHAR, code VARCHAR, label VARCHAR)"
    )
    con.executemany("INSERT INTO pub_labels VALUES (?, ?, ?)", code_labels())
    con.executemany("INSERT INTO pub_labels VALUES ('origin', ?, ?)", sorted(ORIGIN_LABELS.items()))
    stage_withheld(con)
    published = "institution_id NOT IN (SELECT institution_id FROM pub_withheld WHERE kind IS NULL)"
    stage_contact_confirmed(con)
    stage_service_evidence(con, published)
    stage_schedules(con, published)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_contacts AS
        SELECT c.institution_id, c.kind, c.value, k.last_confirmed
        FROM contacts AS c LEFT JOIN pub_contact_confirmed AS k USING (institution_id, kind, value)
        WHERE c.{published} AND NOT EXISTS (
            SELECT 1 FROM pub_withheld AS w
            WHERE w.institution_id = c.institution_id AND w.kind = c.kind AND w.value = c.value)
        ORDER BY ALL
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_services AS
        SELECT s.institution_id, s.service, coalesce(l.label, s.service) AS service_label,
               e.origin, o.label AS origin_label, e.evidence_url, e.evidence_text,
               e.last_confirmed, e.age_min, e.age_max, e.fees_free, e.referral_required
        FROM services AS s
        JOIN pub_service_evidence AS e USING (institution_id, service)
        LEFT JOIN pub_labels AS l ON l.kind = 'service' AND l.code = s.service
        LEFT JOIN pub_labels AS o ON o.kind = 'origin' AND o.code = e.origin
        WHERE s.{published}
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_target_groups AS
        SELECT g.institution_id, g.target_group, coalesce(l.label, g.target_group) AS label
        FROM institution_target_groups AS g
        LEFT JOIN pub_labels AS l ON l.kind = 'target_group' AND l.code = g.target_group
        WHERE g.{published}
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_provenance AS
        SELECT m.institution_id, w.source, min(w.url) AS url, min(s.title) AS title,
               min(timezone('Europe/Warsaw', w.first_seen_at))::DATE AS first_seen
        FROM institution_records AS m JOIN raw_records AS w USING (record_id)
        LEFT JOIN sources AS s ON s.slug = w.source
        WHERE m.{published}
        GROUP BY m.institution_id, w.source
        """
    )
    # Loopback addresses (the demo's server) mean nothing to a reader and change every run.
    loopback = [
        str(url)
        for (url,) in con.execute("SELECT DISTINCT url FROM pub_provenance").fetchall()
        if is_loopback(url)
    ]
    if loopback:  # one statement: per URL, it was thousands at national scale
        con.execute(
            "UPDATE pub_provenance SET url = NULL WHERE url IN (SELECT unnest(?::VARCHAR[]))",
            [loopback],
        )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE pub_institutions AS
        SELECT
            i.institution_id,
            i.name,
            i.acronym,
            (SELECT string_agg(n.name, '; ' ORDER BY n.name) FROM institution_names AS n
              WHERE n.institution_id = i.institution_id AND NOT n.is_canonical) AS alternate_names,
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
            (SELECT string_agg(service, '; ' ORDER BY service) FROM pub_services s
              WHERE s.institution_id = i.institution_id AND s.origin = 'default')
                AS services_default,
            timezone('Europe/Warsaw', i.last_seen_at)::DATE AS last_confirmed,
            l.locality_simc
        FROM institutions AS i
        LEFT JOIN pub_labels AS lt ON lt.kind = 'type' AND lt.code = i.type_code
        LEFT JOIN pub_labels AS ls ON ls.kind = 'sector' AND ls.code = i.sector
        LEFT JOIN ({BEST_LOCATION}) AS l USING (institution_id)
        WHERE i.{published}
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
