"""What the publication and the analysts' snapshot leave out so that no person is published,
with the reason for each (warehouse/personal_data.py says how people are recognised):

- institutions whose name names a person ("Gabinet Psychologiczny Anna Nowak": a one-person
  practice is a person), and institutions typed `other` (the classifier saw no kind of
  institution in the name: a shop, a person, a page heading) unless a coordinator answered
  their "is this an institution?" case with yes;
- contact values that name someone: personal mailboxes, free-mail mailboxes of institutions
  without an identifier, opening hours naming a person.

`withheld_institutions` and `withheld_contacts` serve the publication's staging
(staging.py); `filter_snapshot` applies the same to the snapshot's copy of the warehouse, down
to the records, raw records and reviewers' comments that carry the same values.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from transforms.taxonomy import TYPE_OTHER
from warehouse.frames import insert_frame
from warehouse.judgements import confirmed_institution_records
from warehouse.personal_data import find_people, personal_email

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]{4,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_DIGIT_RUN = re.compile(r"\+?\d[\d ()-]{6,}\d")


def _has_contact(text: str) -> bool:
    """An e-mail address or a phone number (9 digits, or 11 with the country code 48) in free
    text; a date or a NIP has another count of digits."""
    if _EMAIL.search(text):
        return True
    for run in _DIGIT_RUN.findall(text):
        digits = re.sub(r"\D", "", run)
        if len(digits) == 9 or (len(digits) == 11 and digits.startswith("48")):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Withheld:
    """An institution left out, or one of its contact values (`kind`, `value`)."""

    institution_id: str
    name: str
    reason: str
    kind: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What tells an institution's own mailbox from a person's: an identifier of its own
    (NIP, REGON, KRS, RSPO), and the words of its name and places."""

    identified: bool
    words: tuple[str, ...]


def _words(texts: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for t in texts if t for w in _WORD.findall(t)))


def withheld_institutions(con: duckdb.DuckDBPyConnection) -> list[Withheld]:
    """Institutions the publication leaves out, each with why."""
    confirmed = confirmed_institution_records(con)
    rows = con.execute(
        """
        SELECT i.institution_id, i.name, i.type_code,
               list(ir.record_id) FILTER (WHERE ir.record_id IS NOT NULL)
        FROM institutions AS i LEFT JOIN institution_records AS ir USING (institution_id)
        GROUP BY ALL ORDER BY i.institution_id
        """
    ).fetchall()
    withheld = []
    for institution_id, name, type_code, records in rows:
        people = find_people(str(name))
        if people:
            reason = f"the name names a person ({people[0].text})"
        elif type_code == TYPE_OTHER and not confirmed & set(records or ()):
            reason = (
                "typed 'other' (no kind of institution in its name), not confirmed by a coordinator"
            )
        else:
            continue
        withheld.append(Withheld(str(institution_id), str(name), reason))
    return withheld


# The one location an institution is published with (its first by completeness and support).
BEST_LOCATION = """
    SELECT * FROM locations
    QUALIFY row_number() OVER (
        PARTITION BY institution_id
        ORDER BY (street IS NULL), (postal_code IS NULL), len(sources) DESC, street, postal_code
    ) = 1
"""


def context_of(identifiers: Iterable[str | None], texts: Iterable[str | None]) -> Context:
    """An institution's context from its identifiers and the texts naming it and its place."""
    return Context(any(identifiers), _words(texts))


def institution_contexts(con: duckdb.DuckDBPyConnection) -> dict[str, Context]:
    """Each institution's context from exactly what its published row says (name, locality,
    gmina, powiat, identifiers), so the publication's last check sees the same."""
    rows = con.execute(
        f"""
        SELECT i.institution_id, i.nip, i.regon, i.krs, i.rspo,
               i.name, l.locality, i.gmina_name, i.powiat_name
        FROM institutions AS i LEFT JOIN ({BEST_LOCATION}) AS l USING (institution_id)
        """
    ).fetchall()
    return {str(r[0]): context_of(r[1:5], r[5:]) for r in rows}


def contact_problem(kind: str, value: str, context: Context | None) -> str | None:
    """Why a contact value must not be published (None: it may)."""
    if kind == "email":
        context = context or Context(False, ())
        return personal_email(value, identified=context.identified, institution_words=context.words)
    if kind == "opening_hours" and find_people(value):
        return "names a person"
    return None


def withheld_contacts(
    con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[str, str, str]]
) -> list[Withheld]:
    """Of (institution_id, kind, value) contact rows, those to leave out, each with why."""
    contexts = institution_contexts(con)
    names = dict(con.execute("SELECT institution_id, name FROM institutions").fetchall())
    withheld = []
    for institution_id, kind, value in rows:
        problem = contact_problem(kind, value, contexts.get(institution_id))
        if problem is not None:
            name = str(names.get(institution_id, institution_id))
            withheld.append(Withheld(institution_id, name, problem, kind, value))
    return withheld


# --- the analysts' snapshot ---------------------------------------------------------------------


def _temp(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    con.execute(f"DROP TABLE IF EXISTS {table}")
    columns = ", ".join(f"{c} VARCHAR" for c in frame.columns)
    con.execute(f"CREATE TEMP TABLE {table} ({columns})")
    if len(frame):
        insert_frame(con, table, frame)


def _personal_record_emails(con: duckdb.DuckDBPyConnection, query: str) -> pd.DataFrame:
    """(record_id, email) pairs to take out of a records table's e-mail lists."""
    found = []
    for record_id, emails, identified, texts in con.execute(query).fetchall():
        context = Context(bool(identified), _words(texts or []))
        for email in emails or []:
            if contact_problem("email", str(email).strip(), context) is not None:
                found.append((str(record_id), str(email)))
    return pd.DataFrame(found, columns=["record_id", "email"])


def filter_snapshot(con: duckdb.DuckDBPyConnection, alias: str) -> None:
    """Apply the publication's filter to the snapshot attached as `alias` (a fresh copy of the
    warehouse `con` is connected to): withheld institutions and the records and review cases
    about them, personal contact values in contacts and contact history, personal e-mails in
    records and raw records, opening hours naming a person, reviewers' comments naming a
    person or holding an e-mail address or phone number."""
    institutions = withheld_institutions(con)
    _temp(con, "snap_institutions", pd.DataFrame({"id": [w.institution_id for w in institutions]}))
    contacts = con.execute("SELECT institution_id, kind, value FROM contact_history").fetchall()
    contacts += con.execute("SELECT institution_id, kind, value FROM contacts").fetchall()
    # what the sources state, value by value, before the directory chose among them
    contacts += con.execute(
        "SELECT institution_id, field, value FROM statements"
        " WHERE field IN ('phone', 'email', 'website', 'opening_hours')"
    ).fetchall()
    personal = withheld_contacts(con, sorted({(str(a), str(b), str(c)) for a, b, c in contacts}))
    _temp(
        con,
        "snap_contacts",
        pd.DataFrame(
            [(w.institution_id, w.kind, w.value) for w in personal],
            columns=["institution_id", "kind", "value"],
        ),
    )
    named = [
        str(r)
        for table, column in (("records", "name"), ("raw_records", "name_raw"))
        for r, text in con.execute(f"SELECT record_id, {column} FROM {table}").fetchall()
        if find_people(str(text))
    ]
    _temp(con, "snap_records", pd.DataFrame({"id": sorted(set(named))}))
    con.execute(
        "INSERT INTO snap_records SELECT record_id FROM institution_records"
        " WHERE institution_id IN (SELECT id FROM snap_institutions)"
    )
    _temp(
        con,
        "snap_record_emails",
        _personal_record_emails(
            con,
            """
            SELECT r.record_id, r.emails,
                   coalesce(r.nip, r.regon, r.krs, r.rspo, i.nip, i.regon, i.krs, i.rspo)
                       IS NOT NULL,
                   [r.name, r.locality, r.gmina_name, i.name]
            FROM records AS r LEFT JOIN institution_records USING (record_id)
            LEFT JOIN institutions AS i USING (institution_id)
            WHERE len(r.emails) > 0
            """,
        ),
    )
    _temp(
        con,
        "snap_raw_emails",
        _personal_record_emails(
            con,
            """
            SELECT w.record_id, w.emails_raw,
                   coalesce(w.nip_raw, w.regon_raw, w.krs_raw, w.rspo_raw,
                            i.nip, i.regon, i.krs, i.rspo) IS NOT NULL,
                   [w.name_raw, w.locality_raw, w.gmina_raw, i.name]
            FROM raw_records AS w LEFT JOIN institution_records USING (record_id)
            LEFT JOIN institutions AS i USING (institution_id)
            WHERE len(w.emails_raw) > 0
            """,
        ),
    )
    hours = [
        (table, str(r))
        for table, column in (("records", "opening_hours"), ("raw_records", "opening_hours_raw"))
        for r, text in con.execute(
            f"SELECT record_id, {column} FROM {table} WHERE {column} IS NOT NULL"
        ).fetchall()
        if find_people(str(text))
    ]
    comments = [
        str(d)
        for d, text in con.execute(
            "SELECT decision_id, comment FROM review_decisions WHERE comment IS NOT NULL"
        ).fetchall()
        if find_people(str(text)) or _has_contact(str(text))
    ]
    s = f"{alias}.main"
    for table in ("institutions", "locations", "contacts", "contact_history", "services"):
        con.execute(
            f"DELETE FROM {s}.{table} WHERE institution_id IN (SELECT id FROM snap_institutions)"
        )
    con.execute(
        f"DELETE FROM {s}.institution_target_groups"
        " WHERE institution_id IN (SELECT id FROM snap_institutions)"
    )
    for table in ("contacts", "contact_history"):
        con.execute(
            f"DELETE FROM {s}.{table} AS c USING snap_contacts AS p"
            " WHERE c.institution_id = p.institution_id AND c.kind = p.kind AND c.value = p.value"
        )
    con.execute(
        f"DELETE FROM {s}.statements AS c USING snap_contacts AS p"
        " WHERE c.institution_id = p.institution_id AND c.field = p.kind AND c.value = p.value"
    )
    # Every other table about institutions (their names, the statements of their sources, any
    # added later) loses the withheld ones too: found by its column, so none is forgotten.
    for (table,) in con.execute(
        "SELECT table_name FROM duckdb_columns()"
        " WHERE database_name = ? AND schema_name = 'main' AND column_name = 'institution_id'"
        " AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = ?)",
        [alias, alias],
    ).fetchall():
        con.execute(
            f"DELETE FROM {s}.{table} WHERE institution_id IN (SELECT id FROM snap_institutions)"
        )
    con.execute(
        f"DELETE FROM {s}.unnamed_institutions AS u"
        " WHERE EXISTS (SELECT 1 FROM snap_records AS g WHERE list_contains(u.record_ids, g.id))"
    )
    gone = "SELECT id FROM snap_records"
    con.execute(
        f"DELETE FROM {s}.review_decisions WHERE case_id IN (SELECT case_id FROM {s}.review_cases"
        f" WHERE record_a IN ({gone}) OR record_b IN ({gone})"
        " OR institution_id IN (SELECT id FROM snap_institutions))"
    )
    con.execute(
        f"DELETE FROM {s}.review_cases WHERE record_a IN ({gone}) OR record_b IN ({gone})"
        " OR institution_id IN (SELECT id FROM snap_institutions)"
    )
    for table in ("records", "raw_records", "institution_records"):
        con.execute(f"DELETE FROM {s}.{table} WHERE record_id IN ({gone})")
    for table, column, pairs in (
        ("records", "emails", "snap_record_emails"),
        ("raw_records", "emails_raw", "snap_raw_emails"),
    ):
        con.execute(
            f"""
            UPDATE {s}.{table} AS r SET {column} = list_filter(r.{column}, lambda e: NOT list_contains(p.bad, e))
            FROM (SELECT record_id, list(email) AS bad FROM {pairs} GROUP BY record_id) AS p
            WHERE r.record_id = p.record_id
            """
        )
    for table, column in (("records", "opening_hours"), ("raw_records", "opening_hours_raw")):
        ids = [r for t, r in hours if t == table]
        if ids:
            con.execute(
                f"UPDATE {s}.{table} SET {column} = NULL WHERE list_contains(?, record_id)", [ids]
            )
    if comments:
        con.execute(
            f"UPDATE {s}.review_decisions SET comment = NULL WHERE list_contains(?, decision_id)",
            [comments],
        )
    for table in ("snap_institutions", "snap_contacts", "snap_records", "snap_record_emails",
                  "snap_raw_emails"):  # fmt: skip
        con.execute(f"DROP TABLE IF EXISTS {table}")
    log.info(
        "snapshot: left out %d institution(s), %d record(s), %d contact value(s), %d comment(s)",
        len(institutions),
        len(set(named)),
        len(personal),
        len(comments),
    )
