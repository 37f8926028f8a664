"""Mentions in the warehouse: records of lower weight than an institution's own.

A mention is an institution another page names ("z Poradnią Psychologiczno-Pedagogiczną w
Piszu", a county's list of units with their phones). It goes through the matcher like every
record, and then:

- joined to records of an institution's own page, a listing or a registry, it adds to that
  institution what they lack: a mention never names the institution (`stages` ranks its name
  last), its address and contacts are published only where the institution's own records give
  none of that kind, it counts a quarter in the votes for NIP, REGON and website
  (`MENTION_WEIGHT`), and its phone or address never opens a "which value is current?" case
  against the institution's own (`without_mention_values`);
- matching nothing but other mentions, it is held back: a page naming an institution is no
  proof that it exists as named (an article source's mentions are its own records, not held), so it enters the directory only when a coordinator says so.
  Held clusters that say enough to find the institution — a kind (`type_code` not "other") and
  a place on the map (a powiat) — are offered as "new institution?" review cases
  (`new_institution_cases`); "to jest instytucja" adds the cluster to the directory from the
  next night on, under a stable id like any other. The rest (a ministry, a voivode, an
  unplaced "Zespół Szkół") stays in `records`, where an analyst can still read it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import duckdb

from transforms.er.review import ConflictCase
from transforms.taxonomy import TYPE_OTHER
from warehouse.judgements import current_review_decisions
from warehouse.review_queue import ReviewCase

# A mention's vote for an institution's NIP, REGON or website, against 1 for its own records.
MENTION_WEIGHT = 0.25


@dataclass(frozen=True, slots=True)
class HeldMentions:
    """Clusters of mention records that match no institution's own record (sorted record
    ids each), and all their records."""

    groups: tuple[tuple[str, ...], ...]
    records: frozenset[str]


def _roles(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Each record's role, where "mention" is a page's mention of another institution. An
    article's mentions are what an article source is declared for (DESIGN: articles tell who
    takes part in a county's network): they count as that source's own records."""
    rows = con.execute(
        """
        SELECT r.record_id,
               CASE WHEN r.role = 'mention' AND s.kind = 'article' THEN 'article' ELSE r.role END
        FROM records AS r LEFT JOIN sources AS s ON s.slug = r.source
        """
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def accepted_mentions(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Records of new-institution cases a coordinator accepted ("to jest instytucja")."""
    return {
        d.record_a
        for d in current_review_decisions(con, "new_institution")
        if d.verdict == "is_institution" and d.record_a
    }


def held_mentions(
    con: duckdb.DuckDBPyConnection, clusters: Mapping[str, str], excluded: set[str]
) -> HeldMentions:
    """The clusters (record -> cluster key, as the matcher gives them) made only of mentions
    that no coordinator accepted; records in `excluded` count for nothing."""
    roles = _roles(con)
    accepted = accepted_mentions(con)
    members: defaultdict[str, list[str]] = defaultdict(list)
    for record_id, key in clusters.items():
        if record_id not in excluded:
            members[key].append(record_id)
    groups: list[tuple[str, ...]] = []
    for records in members.values():
        if all(roles.get(r) == "mention" for r in records) and not accepted & set(records):
            groups.append(tuple(sorted(records)))
    groups.sort()
    return HeldMentions(tuple(groups), frozenset(r for group in groups for r in group))


@dataclass(frozen=True, slots=True)
class _Member:
    record_id: str
    type_code: str
    sector: str | None
    powiat_teryt: str | None
    source: str


def new_institution_cases(con: duckdb.DuckDBPyConnection, held: HeldMentions) -> list[ReviewCase]:
    """A "new institution?" case per held cluster that gives a kind and a powiat. The case
    keeps the record it was first asked about (one with a case already, else the smallest
    id), so a decision survives mentions joining or leaving the cluster."""
    if not held.groups:
        return []
    rows = con.execute(
        """
        SELECT record_id, type_code, sector, powiat_teryt, source FROM records
        WHERE list_contains(?, record_id)
        """,
        [sorted(held.records)],
    ).fetchall()
    by_id = {str(r[0]): _Member(str(r[0]), str(r[1]), r[2], r[3], str(r[4])) for r in rows}
    asked = {
        str(r[0])
        for r in con.execute(
            "SELECT record_a FROM review_cases WHERE kind = 'new_institution'"
        ).fetchall()
    }
    cases = []
    for group in held.groups:
        members = [by_id[r] for r in group if r in by_id]
        typed = [m for m in members if m.type_code != TYPE_OTHER]
        placed = [m for m in typed if m.powiat_teryt]
        if not placed:
            continue
        first = next((m for m in members if m.record_id in asked), members[0])
        sources = {m.source for m in members}
        cases.append(
            ReviewCase(
                kind="new_institution",
                powiat_teryt=placed[0].powiat_teryt,
                sector=placed[0].sector,
                record_a=first.record_id,
                values=(("", tuple(m.record_id for m in members)),),
                # Named by more pages, more likely real; below a doubtful pair of that size.
                priority=round((1.0 + math.log1p(len(members) + len(sources))) * 0.45, 4),
            )
        )
    return cases


def without_mention_values(
    con: duckdb.DuckDBPyConnection, conflicts: Sequence[ConflictCase]
) -> list[ConflictCase]:
    """The field conflicts left when values given only by mentions give way to those of the
    institution's own records: a county's list of units does not outvote the unit's page."""
    roles = _roles(con)
    kept: list[ConflictCase] = []
    for conflict in conflicts:
        own = [
            (value, records)
            for value, records in conflict.values
            if any(roles.get(r, "mention") != "mention" for r in records)
        ]
        values = tuple(own) if own else conflict.values
        if len(values) >= 2:
            kept.append(ConflictCase(conflict.cluster_key, conflict.field, values))
    return kept
