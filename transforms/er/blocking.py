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
    keys are dropped); `refine_sql` adds to an oversized key (over the row as `f`)."""

    name: str
    keys: str
    refine_sql: str | None = None
    max_block: int = 150

    @property
    def keys_sql(self) -> str:
        """`(rid, key)` of every record of er_features."""
        return f"SELECT rid, unnest({self.keys}) AS key FROM er_features"


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
    BlockingRule(
        "place_type",
        "list_transform(list_distinct(list_filter("
        "[er_stem(place), er_stem(locality), er_stem(locality_alt)], x -> x IS NOT NULL)),"
        " x -> x || '|' || type_code)",
        _CORE_HEAD_F,
        max_block=_DENSE,
    ),
    BlockingRule(
        "name_token_place",
        "list_transform(list_distinct(list_filter("
        "[er_stem(place), er_stem(locality)], x -> x IS NOT NULL)),"
        " x -> x || '|' || " + _NOW_HEAD + ")",
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
    """Create `er_pairs` from `er_features`; returns the per-rule counts (also logged)."""
    if len(rules) > 30:
        raise ValueError(f"blocking: at most 30 rules fit the rule bitmask, got {len(rules)}")
    con.execute(STEM_MACRO)
    con.execute("CREATE OR REPLACE TEMP TABLE er_candidates (l INTEGER, r INTEGER, rules INTEGER)")
    found = [_apply_rule(con, rule, 1 << bit) for bit, rule in enumerate(rules)]
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_pairs AS
        SELECT l, r, CAST(bit_or(rules) AS INTEGER) AS rules
        FROM er_candidates GROUP BY l, r ORDER BY l, r
        """
    )
    con.execute("DROP TABLE er_candidates")
    # A pair is "new" for the first rule (in order) that proposed it.
    first = dict(
        con.execute(
            "SELECT CAST(log2(rules & -rules) AS INTEGER), count(*) FROM er_pairs GROUP BY 1"
        ).fetchall()
    )
    counts = [
        RuleCount(
            c.rule,
            c.pairs,
            int(first.get(bit, 0)),
            c.skipped_blocks,
            c.skipped_records,
            c.largest_block,
        )
        for bit, c in enumerate(found)
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


def _apply_rule(con: duckdb.DuckDBPyConnection, rule: BlockingRule, bit: int) -> RuleCount:
    refine = f"k.key || '|' || ({rule.refine_sql})" if rule.refine_sql else "NULL"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_keys AS
        WITH raw AS (SELECT DISTINCT rid, key FROM ({rule.keys_sql}) WHERE key IS NOT NULL
                     AND key <> ''),
             sized AS (SELECT rid, key, count(*) OVER (PARTITION BY key) AS n FROM raw)
        SELECT k.rid,
               CASE WHEN k.n <= {rule.max_block} THEN k.key ELSE {refine} END AS key
        FROM sized k JOIN er_features f ON f.rid = k.rid
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_block_sizes AS
        SELECT key, count(*) AS n FROM er_keys WHERE key IS NOT NULL GROUP BY key
        """
    )
    row = con.execute(
        f"""
        SELECT count(*) FILTER (WHERE n > {rule.max_block}),
               coalesce(sum(n) FILTER (WHERE n > {rule.max_block}), 0),
               coalesce(max(n), 0)
        FROM er_block_sizes
        """
    ).fetchone()
    skipped_blocks, skipped_records, largest = (int(x) for x in row) if row else (0, 0, 0)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_rule_pairs AS
        SELECT DISTINCT a.rid AS l, b.rid AS r
        FROM er_keys a
        JOIN er_keys b ON a.key = b.key AND a.rid < b.rid
        WHERE a.key IN (SELECT key FROM er_block_sizes WHERE n <= {rule.max_block} AND n > 1)
        """
    )
    pairs_row = con.execute("SELECT count(*) FROM er_rule_pairs").fetchone()
    pairs = int(pairs_row[0]) if pairs_row else 0
    con.execute(f"INSERT INTO er_candidates SELECT l, r, {bit} FROM er_rule_pairs")
    for table in ("er_keys", "er_block_sizes", "er_rule_pairs"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    return RuleCount(rule.name, pairs, 0, skipped_blocks, skipped_records, largest)
