"""The name each institution is published under, chosen from its records' names, and every other
form it goes by.

An institution's records name it many ways: a registry's "Sąd Rejonowy w Chorzowie", its own
page's folded "Sad Rejonowy w Chorzowie", a voivodeship list's "GOPS Charsznica" (written out by
the normalise stage as "Gminny Ośrodek Pomocy Społecznej w Charsznicy", `records.name_form`
saying so). `choose_names` picks one, in this order of preference:

1. a registry's or office list's name as written, with its Polish letters (or put in register
   style: `transforms.register_style`);
2. a full name over one that is, or opens with, an acronym; then a main's name over a
   branch's that the matcher joined to it ("Środowiskowy Dom Samopomocy „Vita” w Krakowie"
   over "… Kraków „Vita” filia", a list's row of one of its branches at another address; a
   branch's name is no fuller form of its main's); then a name over one whose words
   it holds in order and more ("Powiatowy Środowiskowy Dom Samopomocy w Kętach" over "…
   Środowiskowy Dom Samopomocy w Kętach"), when a source wrote it so (not an inflected
   mention, not an acronym written out) — a page's text too, when it names the page's own
   institution so with adjectives the site's title leaves out ("Gminna Biblioteka Publiczna
   w Sarnakach" for a site titled "Biblioteka w Sarnakach", `page_fuller_names`);
3. Polish letters over folded words left as written;
4. a name written in the nominative over one put there from an inflected mention;
5. then as written or in register style (one rank), with the seat from the address, restored,
   written out from the name's place, written out from the address's seat (`NAME_FORMS`
   order); then the sources' own pages, the commoner, the longer.

A register name given its seat from the address ("Dom Pomocy Społecznej w Łodzi") must fit one
institution only: when another one is, or may be, called so, it takes its street after "przy",
as towns with several homes name them ("Dom Pomocy Społecznej w Łodzi przy ul. Rojnej 15",
`transforms.street_locatives`); where the street cannot be phrased so, the name as written ("Dom
Pomocy Społecznej", form `unseated`) is left instead. A name a source wrote itself is the
register's and keeps no street, even when two homes of one town share it.

A coordinator's answer to "Jak brzmi pełna nazwa?" (`acronym_name` cases) wins over all of it.
Every other name (records' names, and the forms the sources wrote before letters were restored
or acronyms written out) is kept in `institution_names` as an alternate, one per spelling
(names that differ only by letters or case are one spelling).

An institution left with only an acronym — no record names it in full, or its full name was
made from the address's seat and another institution would bear the same ("Środowiskowy Dom
Samopomocy w Krakowie" for nine houses in Kraków, where no street tells them apart) — is held
back: moved to
`unnamed_institutions` with the reason, out of `institutions` and so out of the publication,
until a coordinator names it (`acronym_name_cases` in warehouse/review_queue.py asks).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import duckdb

from transforms.morphology import analyse_word
from transforms.normalise import NAME_FORMS
from transforms.street_locatives import street_after_przy
from transforms.text import fold_key
from warehouse.judgements import current_review_decisions

# Lower-case, Polish letters folded ("ł" too, which strip_accents keeps), punctuation to spaces:
# transforms.text.fold_key in SQL.
_FOLD_MACRO = """
CREATE OR REPLACE TEMP MACRO name_fold(x) AS trim(regexp_replace(
    lower(strip_accents(replace(replace(x, 'ł', 'l'), 'Ł', 'L'))), '[^a-z0-9]+', ' ', 'g'))
"""
# A branch's name ("Środowiskowy Dom Samopomocy Kraków „Vita” filia"), not a main's that has
# a branch ("… w Bieczu z filią w Gorlicach"): with `x` the folded name padded with spaces.
_BRANCH_NAME = "(contains({x}, ' filia ') AND NOT contains({x}, ' z filia '))"


def _branch(name: str) -> str:
    return _BRANCH_NAME.format(x=f"(' ' || name_fold({name}) || ' ')")


_PREFERENCE = f"""
    official DESC,
    form IN ('acronym_led', 'acronym'),
    {_branch("name")},
    in_fuller,
    form = 'folded',
    inflected,
    coalesce(list_position({list(NAME_FORMS)!r},
                           CASE form WHEN 'styled' THEN 'written' ELSE form END), 99),
    role_rank, votes DESC, length(name) DESC, name
"""
SEAT_COLLISION = "nazwa od siedziby ({name}) należałaby też do innej instytucji"


@dataclass(frozen=True, slots=True)
class NameSummary:
    institutions: int  # named and published
    from_decisions: int  # named by a coordinator
    alternates: int
    withheld: int  # held back: only an acronym is known


def name_decisions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Full names coordinators gave, by institution (the decisions in force)."""
    return {
        d.institution_id: d.chosen_value
        for d in current_review_decisions(con, "acronym_name")
        if d.verdict == "full_name" and d.institution_id and d.chosen_value
    }


def _holds_with_adjectives(short: str, full: str) -> bool:
    """ "Gminna Biblioteka Publiczna w Sarnakach" holds "Biblioteka w Sarnakach": every word of
    the short name in order, and only adjectives besides ("Gminna", "Publiczna")."""
    words = fold_key(short).split()
    at = 0
    for word in full.split():
        folded = fold_key(word)
        if not folded:
            continue
        if at < len(words) and folded == words[at]:
            at += 1
        elif not any(a.pos == "adj" for a in analyse_word(word.lower())):
            return False
    return at == len(words) and len(fold_key(full).split()) > len(words)


def page_fuller_names(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """(institution_id, record_id, source, name): a page's own name in a fuller form its text
    gives. A site titled "Biblioteka w Sarnakach" names itself "Gminna Biblioteka Publiczna w
    Sarnakach" in its text (a mention of the same document, in no other institution): the
    subject's words in order, with only adjectives added."""
    rows = con.execute(
        """
        SELECT DISTINCT m.institution_id, s.record_id, s.source, s.name, mention.name
        FROM records AS s
        JOIN institution_records AS m ON m.record_id = s.record_id
        JOIN raw_records AS rs ON rs.record_id = s.record_id
        JOIN raw_records AS rm ON rm.document_sha256 = rs.document_sha256
                              AND rm.role = 'mention' AND rm.source = rs.source
        JOIN records AS mention ON mention.record_id = rm.record_id
        LEFT JOIN institution_records AS other ON other.record_id = mention.record_id
        WHERE s.role = 'subject' AND mention.name_form IN ('written', 'styled', 'restored')
          AND (other.institution_id IS NULL OR other.institution_id = m.institution_id)
        ORDER BY 1, 2, 5
        """
    ).fetchall()
    return [
        (str(iid), str(rid), str(source), str(full))
        for iid, rid, source, short, full in rows
        if _holds_with_adjectives(str(short), str(full))
    ]


def _streets_for_shared_seats(con: duckdb.DuckDBPyConnection) -> None:
    """A name made from the address's seat that another institution's name equals takes its
    record's street after "przy" (`transforms.street_locatives`)."""
    rows = con.execute(
        """
        SELECT c.institution_id, c.name, c.form,
               (SELECT min(r.street) FROM records AS r
                 WHERE list_contains(c.record_ids, r.record_id)) AS street
        FROM name_candidates AS c
        WHERE c.form IN ('styled_seat', 'expanded_seat')
          AND EXISTS (
              SELECT 1 FROM name_candidates AS o
              WHERE o.institution_id <> c.institution_id AND o.form <> 'as_written'
                AND name_fold(o.name) = name_fold(c.name)
          )
        """
    ).fetchall()
    updates = [
        (f"{name} {phrase}", iid, name, form)
        for iid, name, form, street in rows
        if street and (phrase := street_after_przy(str(street)))
    ]
    if updates:
        con.executemany(
            "UPDATE name_candidates SET name = ? WHERE institution_id = ? AND name = ?"
            " AND form = ?",
            updates,
        )


def choose_names(
    con: duckdb.DuckDBPyConnection, decisions: Mapping[str, str] | None = None
) -> NameSummary:
    """Name every institution of `institutions`, fill `institution_names`, and move the ones
    only an acronym names to `unnamed_institutions`. Runs inside the caller's transaction,
    after the core tables are built (warehouse/stages.py)."""
    if decisions is None:
        decisions = name_decisions(con)
    con.execute(_FOLD_MACRO)
    con.execute("DELETE FROM institution_names")
    con.execute("DELETE FROM unnamed_institutions")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE name_decisions (institution_id VARCHAR, name VARCHAR)"
    )
    if decisions:
        con.executemany("INSERT INTO name_decisions VALUES (?, ?)", list(decisions.items()))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE page_fuller_names"
        " (institution_id VARCHAR, record_id VARCHAR, source VARCHAR, name VARCHAR)"
    )
    if fuller := page_fuller_names(con):
        con.executemany("INSERT INTO page_fuller_names VALUES (?, ?, ?, ?)", fuller)
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE name_candidates AS
        WITH forms AS (
            SELECT m.institution_id, r.record_id, r.source, r.role, r.name,
                   coalesce(r.name_form, 'written') AS form, r.name_note AS note,
                   coalesce(s.kind IN ('registry', 'spreadsheet'), false) AS listed
            FROM institution_records AS m
            JOIN records AS r USING (record_id)
            LEFT JOIN sources AS s ON s.slug = r.source
            UNION ALL
            -- a page's own name in the fuller form its text gives (`page_fuller_names`)
            SELECT institution_id, record_id, source, 'subject', name, 'written', NULL, false
            FROM page_fuller_names
            UNION ALL
            -- what the source wrote before letters were restored or an acronym written out
            SELECT m.institution_id, r.record_id, r.source, r.role, r.name_written,
                   'as_written', NULL, false
            FROM institution_records AS m JOIN records AS r USING (record_id)
            WHERE r.name_written IS NOT NULL
            UNION ALL
            -- a type's register name given its seat from the address falls back to the name as
            -- written when that seat would name another institution too (below)
            SELECT m.institution_id, r.record_id, r.source, r.role, r.name_written,
                   'unseated', NULL,
                   coalesce(s.kind IN ('registry', 'spreadsheet'), false)
            FROM institution_records AS m
            JOIN records AS r USING (record_id)
            LEFT JOIN sources AS s ON s.slug = r.source
            WHERE r.name_form = 'styled_seat' AND r.name_written IS NOT NULL
        )
        SELECT institution_id, name, form, min(note) AS note,
               list(DISTINCT source ORDER BY source) AS sources,
               list(DISTINCT record_id ORDER BY record_id) AS record_ids,
               bool_or(listed AND form IN ('written', 'styled', 'styled_seat', 'unseated'))
                   AS official,
               bool_and(role = 'mention') AS inflected,
               min(CASE role WHEN 'subject' THEN 0 WHEN 'row' THEN 1 ELSE 2 END) AS role_rank,
               count(*) AS votes
        FROM forms
        WHERE institution_id IN (SELECT institution_id FROM institutions)
        GROUP BY institution_id, name, form
        """
    )
    # A name whose words a longer name of the same institution holds, in order, as a source
    # wrote it (not from an inflected mention, not written out by us), gives way to that one:
    # "Środowiskowy Dom Samopomocy w Kętach" (an acronym written out) to "Powiatowy
    # Środowiskowy Dom Samopomocy w Kętach" (the operator's page). Folded names are [a-z0-9 ],
    # so the pattern needs no escaping.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE name_candidates AS
        SELECT c.*, EXISTS (
            SELECT 1 FROM name_candidates AS o
            WHERE o.institution_id = c.institution_id
              AND o.form IN ('written', 'styled', 'restored') AND NOT o.inflected
              AND length(name_fold(o.name)) > length(name_fold(c.name))
              AND (NOT {_branch("o.name")} OR {_branch("c.name")})
              AND regexp_matches(' ' || name_fold(o.name) || ' ',
                                 ' ' || replace(name_fold(c.name), ' ', ' (?:.+ )?') || ' ')
        ) AS in_fuller
        FROM name_candidates AS c
        """
    )
    # Several homes of one type in one town: each is named by its street too, as such towns name
    # them ("Dom Pomocy Społecznej w Łodzi przy ul. Rojnej 15"), when the street can be phrased.
    _streets_for_shared_seats(con)
    # A seat taken from the address must fit one institution only ("Klub „Senior+” w Krakowie"
    # for several clubs at one address): such a name goes, and the name as written ('unseated')
    # is left.
    con.execute(
        """
        DELETE FROM name_candidates AS c
        WHERE c.form = 'styled_seat'
          AND EXISTS (
              SELECT 1 FROM name_candidates AS o
              WHERE o.institution_id <> c.institution_id AND o.form <> 'as_written'
                AND name_fold(o.name) = name_fold(c.name)
          )
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE name_choice AS
        WITH best AS (
            SELECT * FROM name_candidates WHERE form <> 'as_written'
            QUALIFY row_number() OVER (PARTITION BY institution_id ORDER BY {_PREFERENCE}) = 1
        )
        SELECT b.institution_id,
               coalesce(d.name, b.name) AS name,
               CASE WHEN d.name IS NOT NULL THEN 'decision' ELSE b.form END AS form,
               b.note,
               CASE WHEN d.name IS NOT NULL THEN []::VARCHAR[] ELSE b.sources END AS sources
        FROM best AS b LEFT JOIN name_decisions AS d USING (institution_id)
        """
    )
    # A name made from the address's seat must fit one institution only: no other one may be
    # called so, or be a namesake in the same seat (its own seat name, even if a coordinator
    # has named it since: two houses in one town stay two).
    con.execute(
        """
        UPDATE name_choice AS c SET form = 'seat_collision'
        WHERE c.form = 'expanded_seat'
          AND EXISTS (
              SELECT 1 FROM (
                  SELECT institution_id, name FROM name_choice
                  UNION ALL
                  SELECT institution_id, name FROM name_candidates WHERE form = 'expanded_seat'
              ) AS o
              WHERE o.institution_id <> c.institution_id AND name_fold(o.name) = name_fold(c.name)
          )
        """
    )
    con.execute(
        """
        INSERT INTO unnamed_institutions
        SELECT c.institution_id,
               coalesce((SELECT min(n.name) FROM name_candidates AS n
                         WHERE n.institution_id = c.institution_id
                           AND n.form IN ('acronym', 'as_written')), c.name),
               i.type_code, i.powiat_teryt,
               (SELECT min(r.locality) FROM institution_records AS m JOIN records AS r
                  USING (record_id) WHERE m.institution_id = c.institution_id),
               CASE WHEN c.form = 'seat_collision'
                    THEN replace(?, '{name}', c.name)
                    ELSE coalesce(c.note, 'znamy tylko skrót nazwy') END,
               (SELECT list(m.record_id ORDER BY m.record_id) FROM institution_records AS m
                 WHERE m.institution_id = c.institution_id)
        FROM name_choice AS c JOIN institutions AS i USING (institution_id)
        WHERE c.form IN ('acronym', 'seat_collision')
        """,
        [SEAT_COLLISION],
    )
    for table in ("institutions", "locations", "contacts", "services", "institution_target_groups"):
        con.execute(
            f"DELETE FROM {table} WHERE institution_id IN"
            " (SELECT institution_id FROM unnamed_institutions)"
        )
    con.execute(
        """
        UPDATE institutions AS i SET name = c.name
        FROM name_choice AS c
        WHERE c.institution_id = i.institution_id AND i.name IS DISTINCT FROM c.name
        """
    )
    con.execute(
        f"""
        INSERT INTO institution_names
        SELECT institution_id, name, true, form, sources FROM name_choice
        WHERE institution_id IN (SELECT institution_id FROM institutions)
        UNION ALL
        SELECT institution_id, name, false, form, sources FROM (
            SELECT * FROM name_candidates AS n
            WHERE n.institution_id IN (SELECT institution_id FROM institutions)
              AND n.form <> 'unseated'  -- the same name is there as written
              AND name_fold(n.name) <> (SELECT name_fold(c.name) FROM name_choice AS c
                                        WHERE c.institution_id = n.institution_id)
            QUALIFY row_number() OVER (
                PARTITION BY institution_id, name_fold(name) ORDER BY {_PREFERENCE}
            ) = 1
        )
        """
    )
    row = con.execute(
        """
        SELECT (SELECT count(*) FROM institutions),
               (SELECT count(*) FROM institution_names WHERE is_canonical AND name_form = 'decision'),
               (SELECT count(*) FROM institution_names WHERE NOT is_canonical),
               (SELECT count(*) FROM unnamed_institutions)
        """
    ).fetchone()
    assert row is not None
    return NameSummary(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


@dataclass(frozen=True, slots=True)
class NameLine:
    """One line of the run report's names section."""

    institution_id: str
    name: str
    powiat_teryt: str | None
    reason: str | None


def acronym_led_names(con: duckdb.DuckDBPyConnection) -> list[NameLine]:
    """Published names that still open with an acronym, with why it was not written out."""
    rows = con.execute(
        """
        SELECT i.institution_id, i.name, i.powiat_teryt, n.reason
        FROM institutions AS i
        JOIN institution_names AS c ON c.institution_id = i.institution_id AND c.is_canonical
        LEFT JOIN (
            SELECT m.institution_id, min(r.name_note) AS reason
            FROM institution_records AS m JOIN records AS r USING (record_id)
            WHERE r.name_form IN ('acronym_led', 'acronym')
            GROUP BY m.institution_id
        ) AS n ON n.institution_id = i.institution_id
        WHERE c.name_form IN ('acronym_led', 'acronym')
        ORDER BY i.powiat_teryt NULLS LAST, i.name, i.institution_id
        """
    ).fetchall()
    return [NameLine(str(a), str(b), c, d) for a, b, c, d in rows]


def withheld_names(con: duckdb.DuckDBPyConnection) -> list[NameLine]:
    """Institutions held back until a coordinator gives their full name."""
    rows = con.execute(
        """
        SELECT institution_id, name || coalesce(' (' || locality || ')', ''), powiat_teryt, reason
        FROM unnamed_institutions ORDER BY powiat_teryt NULLS LAST, locality, institution_id
        """
    ).fetchall()
    return [NameLine(str(a), str(b), c, d) for a, b, c, d in rows]
