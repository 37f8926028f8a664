"""Blocking: named SQL rules over `er_features` that propose candidate pairs.

Each rule keys records by one field (or a pair of fields); two records sharing a key become a
candidate pair. A key shared by too many records (a free-mail domain, a Warsaw postal code
full of associations) would put n² pairs into one block: such a block is re-keyed with the
rule's refinement (adding the first words of the name's type phrase), and whatever is still
too large is skipped and reported. Every rule's pair count and skipped blocks are logged and
returned, so a rule that explodes is visible.

Output: the table `er_pairs(l INTEGER, r INTEGER, rules INTEGER)` with `l < r` (record rids
of `er_features`) and a bit per rule that proposed the pair.

A rule's key depends on the record alone (whether a block is re-keyed depends on its size),
so `incremental` can tell which blocks a night's records change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import duckdb

from transforms.er.name_parts import STEM_MACRO

log = logging.getLogger(__name__)

# The first two words of the type phrase refine an oversized block.
_CORE_HEAD = "array_to_string(string_split(coalesce(core, ''), ' ')[1:2], ' ')"
# The same of the phrase as it reads today, without level words: a former name ("Gimnazjum",
# "Gminny Ośrodek Pomocy Społecznej") meets the current one ("Szkoła Podstawowa", "Centrum
# Usług Społecznych"), and "Gminny" / "Miejsko-Gminny" OPS meet to be told apart by the ladder.
_NOW_HEAD = "array_to_string(string_split(coalesce(core_now, core, ''), ' ')[1:2], ' ')"
_CORE_HEAD_F = "array_to_string(string_split(coalesce(f.core, ''), ' ')[1:2], ' ')"
# Block size above which the place rules re-key by the name's first words. 50 rather than 150
# cut the candidate pairs of er-scale 2.6-fold for 0.5 % of the true pairs, most of which
# the clusters still join through a third record.
_DENSE = 50


@dataclass(frozen=True, slots=True)
class BlockingRule:
    """`keys`: SQL of a record's keys (a VARCHAR[] over a row of er_features; NULL and empty
    keys are dropped, a key given twice counts once); `refine_sql` adds to an oversized key
    (over the row as `f`)."""

    name: str
    keys: str
    refine_sql: str | None = None
    max_block: int = 150


RULES: tuple[BlockingRule, ...] = (
    BlockingRule("nip", "[nip]"),
    # A 14-digit REGON is a local unit (branch) of the 9-digit one: they meet, the ladder tells.
    BlockingRule("regon", "[regon[1:9]]"),
    BlockingRule("phone", "phones", _CORE_HEAD_F),
    BlockingRule("email", "emails", _CORE_HEAD_F),
    # A domain is shared by a gmina's office, school and library: only records of one type
    # meet on it, and a domain with more than 40 of them is a free-mail one (o2.pl, wp.pl),
    # skipped rather than refined. (Keyed by the domain alone and refined it proposed 1.3
    # pairs per record on er-scale and not one true pair that no other rule found.)
    BlockingRule(
        "email_domain",
        "list_transform(email_domains, d -> d || '|' || type_code)",
        max_block=40,
    ),
    BlockingRule("website", "[host]", _CORE_HEAD_F),
    # Postal codes and places full of associations (thousands of NGOs in a Warsaw district
    # or a rural postal code) are re-keyed with the name's first words above `_DENSE` records:
    # a full block of 150 is 11 thousand pairs, almost all of them different associations.
    BlockingRule(
        "postal_type",
        "[postal || '|' || type_code]",
        _CORE_HEAD_F,
        max_block=_DENSE,
    ),
    # Records with no postal code (articles, gmina pages) meet through the place in their name
    # or their locality, whichever they have.
    # (A place missing gives a NULL key, dropped; a place given twice one key: no list lambdas,
    # which cost DuckDB more than the rest of the keys together.)
    BlockingRule(
        "place_type",
        "[er_stem(place) || '|' || type_code, er_stem(locality) || '|' || type_code,"
        " er_stem(locality_alt) || '|' || type_code]",
        _CORE_HEAD_F,
        max_block=_DENSE,
    ),
    BlockingRule(
        "name_token_place",
        f"[er_stem(place) || '|' || {_NOW_HEAD}, er_stem(locality) || '|' || {_NOW_HEAD}]",
        "coalesce(f.number, '') || '|' || coalesce(f.core, '')",
        max_block=_DENSE,
    ),
    # A street address (street and house number) of one type: an article's "KGW Budel, ul.
    # Kilińskiego 32" with no place meets the registry's "Koło Gospodyń Wiejskich, ul. Jana
    # Kilińskiego nr 32". Streets repeat from town to town: big blocks are refined by the
    # type phrase.
    BlockingRule(
        "street_type",
        "[street || ' ' || house || '|' || type_code]",
        _CORE_HEAD_F,
        max_block=_DENSE,
    ),
    BlockingRule(
        "name_number",
        "[name_key]",
        "coalesce(f.postal, f.locality, '')",
    ),
    # A type phrase rare enough to be a name meets its records wherever they are, so a mention
    # with no place ("Urzędem Gminy Spiczyn" in an article) finds them: "Stowarzyszenie
    # Rozwoju Wsi Głębowice" is such a phrase, "Ochotnicza Straż Pożarna" (a block of
    # thousands) is not. On er-dev it adds 7 % of candidate pairs.
    BlockingRule(
        "core_rare",
        "[core || '#' || coalesce(number, '')]",
        max_block=40,
    ),
)


@dataclass(frozen=True, slots=True)
class RuleCount:
    """How many pairs a rule proposed, and what it had to leave out."""

    rule: str
    pairs: int
    new_pairs: int  # not proposed by an earlier rule
    skipped_blocks: int
    skipped_records: int
    largest_block: int


def block(
    con: duckdb.DuckDBPyConnection, rules: tuple[BlockingRule, ...] = RULES
) -> list[RuleCount]:
    """Create `er_pairs` from `er_features`; returns the per-rule counts (also logged).

    Every rule at once, a rule's rows told apart by its bit: its keys (`_keyed_sql`), the
    blocks' sizes, the pairs of each rule (`er_candidates(bit, l, r)`) and the counts, in a
    few statements (a statement per rule and step cost more to plan than to run)."""
    if len(rules) > 30:
        raise ValueError(f"blocking: at most 30 rules fit the rule bitmask, got {len(rules)}")
    con.execute(STEM_MACRO)
    limits = " UNION ALL ".join(
        f"SELECT {1 << bit} AS bit, {rule.max_block} AS max_block" for bit, rule in enumerate(rules)
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_keys AS {_keyed_sql(rules, limits)}")
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_block_sizes AS
        SELECT bit, key, count(*) AS n, max_block
        FROM er_keys JOIN ({limits}) USING (bit) WHERE key IS NOT NULL GROUP BY bit, key, max_block
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_candidates AS
        WITH kept AS (
            SELECT bit, rid, key FROM er_keys
            WHERE (bit, key) IN (SELECT (bit, key) FROM er_block_sizes
                                 WHERE n <= max_block AND n > 1)
        )
        SELECT DISTINCT a.bit, a.rid AS l, b.rid AS r
        FROM kept a JOIN kept b ON a.bit = b.bit AND a.key = b.key AND a.rid < b.rid
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_pairs AS
        SELECT l, r, CAST(bit_or(bit) AS INTEGER) AS rules
        FROM er_candidates GROUP BY l, r ORDER BY l, r
        """
    )
    # Per rule: its blocks over the limit (skipped) and the largest, its pairs, and the pairs
    # it was the first (in order) to propose.
    found = {
        int(row[0]): tuple(int(x) for x in row[1:])
        for row in con.execute(
            """
            WITH sizes AS (
                SELECT bit, count(*) FILTER (WHERE n > max_block) AS skipped_blocks,
                       coalesce(sum(n) FILTER (WHERE n > max_block), 0) AS skipped_records,
                       coalesce(max(n), 0) AS largest
                FROM er_block_sizes GROUP BY bit
            ),
            pairs AS (SELECT bit, count(*) AS pairs FROM er_candidates GROUP BY bit),
            first AS (SELECT rules & -rules AS bit, count(*) AS new_pairs FROM er_pairs GROUP BY 1)
            SELECT bit, coalesce(p.pairs, 0), coalesce(f.new_pairs, 0),
                   coalesce(s.skipped_blocks, 0), coalesce(s.skipped_records, 0),
                   coalesce(s.largest, 0)
            FROM sizes s FULL JOIN pairs p USING (bit) FULL JOIN first f USING (bit)
            """
        ).fetchall()
    }
    for table in ("er_keys", "er_block_sizes", "er_candidates"):
        con.execute(f"DROP TABLE {table}")
    counts = [
        RuleCount(rule.name, *found.get(1 << bit, (0, 0, 0, 0, 0)))
        for bit, rule in enumerate(rules)
    ]
    for count in counts:
        log.info(
            "blocking rule %-16s pairs=%d new=%d skipped_blocks=%d skipped_records=%d largest=%d",
            count.rule,
            count.pairs,
            count.new_pairs,
            count.skipped_blocks,
            count.skipped_records,
            count.largest_block,
        )
    return counts


def _keyed_sql(rules: tuple[BlockingRule, ...], limits: str) -> str:
    """`(bit, rid, key)`: every rule's keys of every record of er_features, each distinct
    (rid, key) of a rule once; a key whose block is over the rule's limit is refined
    (`key|refinement`, NULL when the rule has none or the refinement is NULL), the
    refinement computed for those keys alone."""
    raw = " UNION ALL ".join(
        f"SELECT DISTINCT {1 << bit} AS bit, rid, key "
        f"FROM (SELECT rid, unnest({rule.keys}) AS key FROM er_features) "
        "WHERE key IS NOT NULL AND key <> ''"
        for bit, rule in enumerate(rules)
    )
    refined = " ".join(
        f"WHEN {1 << bit} THEN k.key || '|' || ({rule.refine_sql})"
        for bit, rule in enumerate(rules)
        if rule.refine_sql
    )
    refine = f"CASE k.bit {refined} END" if refined else "NULL"
    return f"""
        WITH raw AS ({raw}),
             sized AS MATERIALIZED (
                 SELECT k.*, k.n > l.max_block AS over
                 FROM (SELECT *, count(*) OVER (PARTITION BY bit, key) AS n FROM raw) k
                 JOIN ({limits}) l USING (bit)
             )
        SELECT bit, rid, key FROM sized WHERE NOT over
        UNION ALL
        SELECT k.bit, k.rid, {refine} AS key
        FROM sized k JOIN er_features f ON f.rid = k.rid WHERE k.over
    """
