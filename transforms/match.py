"""First-cut matching: group records that are plainly the same institution.

Rules, each named so a coordinator can see why two records were joined:

- `nip`, `regon`: the same valid tax or statistical number;
- `name_postal_code`: the same normalised name key (and school number) and postal code;
- `name_gmina`: the same name key and number in the same gmina;
- `name_county`: the same full name key (its place included) and number in the same county;
- `mention_in_county`: a mention from an article (no address) whose name key and number
  equal those of exactly one institution in the article's county.

Institution ids are stable from night to night: a cluster keeps the id most of its records had
in the previous run; a new cluster gets an id derived from its smallest record id.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MatchRecord:
    """The fields matching looks at, already normalised."""

    record_id: str
    role: str
    name_key: str
    core_key: str  # the name key without its place phrase
    number: str | None
    postal_code: str | None
    gmina_teryt: str | None
    powiat_teryt: str | None
    nip: str | None
    regon: str | None


@dataclass(frozen=True, slots=True)
class Assignment:
    record_id: str
    institution_id: str
    match_rule: str


@dataclass(frozen=True, slots=True)
class IdChange:
    old_id: str
    new_id: str | None
    reason: str  # merged | split | retired


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}
        self.rule: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str, rule: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.rule.setdefault(a, rule)
        self.rule.setdefault(b, rule)


def _join_groups(uf: _UnionFind, groups: Mapping[tuple[str, ...], list[str]], rule: str) -> None:
    for members in groups.values():
        for other in members[1:]:
            uf.union(members[0], other, rule)


def cluster_records(records: Sequence[MatchRecord]) -> dict[str, tuple[str, str]]:
    """record_id -> (cluster root record id, the rule that joined it, or 'single')."""
    uf = _UnionFind(r.record_id for r in records)
    by_rule: dict[str, defaultdict[tuple[str, ...], list[str]]] = {
        name: defaultdict(list)
        for name in ("nip", "regon", "name_postal_code", "name_gmina", "name_county")
    }
    for r in records:
        number = r.number or ""
        if r.nip:
            by_rule["nip"][(r.nip,)].append(r.record_id)
        if r.regon:
            by_rule["regon"][(r.regon[:9],)].append(r.record_id)
        if r.postal_code and r.role != "mention":
            by_rule["name_postal_code"][(r.name_key, number, r.postal_code)].append(r.record_id)
        if r.gmina_teryt:
            by_rule["name_gmina"][(r.name_key, number, r.gmina_teryt[:6])].append(r.record_id)
        if r.powiat_teryt and r.name_key != r.core_key:  # a bare "Gminny Ośrodek …" is not enough
            by_rule["name_county"][(r.name_key, number, r.powiat_teryt)].append(r.record_id)
    for rule, groups in by_rule.items():
        _join_groups(uf, groups, rule)

    # Mentions carry no address: join one to an institution of its county only when exactly one
    # institution there has the same place-free name and number.
    located: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in records:
        if r.role != "mention" and r.powiat_teryt:
            located[(r.core_key, r.number or "", r.powiat_teryt)].add(r.record_id)
    for r in records:
        if r.role != "mention" or not r.powiat_teryt:
            continue
        targets = {
            uf.find(x) for x in located.get((r.core_key, r.number or "", r.powiat_teryt), ())
        }
        if len(targets) == 1:
            uf.union(r.record_id, next(iter(targets)), "mention_in_county")

    # Mentions of the same body in several articles of one county, none with a page of its own.
    mentions: defaultdict[tuple[str, ...], list[str]] = defaultdict(list)
    for r in records:
        if r.role == "mention" and r.powiat_teryt:
            mentions[(r.name_key, r.number or "", r.powiat_teryt)].append(r.record_id)
    _join_groups(uf, mentions, "mention_in_county")

    return {
        r.record_id: (uf.find(r.record_id), uf.rule.get(r.record_id, "single")) for r in records
    }


def new_institution_id(member_ids: Iterable[str]) -> str:
    """An id for a cluster seen for the first time, derived from its smallest record id."""
    seed = min(member_ids)
    return "wsp_" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]


def assign_ids(
    records: Sequence[MatchRecord], previous: Mapping[str, str]
) -> tuple[list[Assignment], list[IdChange]]:
    """Cluster and give each cluster a stable id; `previous` maps record_id -> last run's id."""
    clusters = cluster_records(records)
    members: defaultdict[str, list[str]] = defaultdict(list)
    for record_id, (root, _rule) in clusters.items():
        members[root].append(record_id)

    # Largest clusters choose first, so a split leaves the old id with the bigger part.
    order = sorted(members, key=lambda root: (-len(members[root]), root))
    cluster_id: dict[str, str] = {}
    for root in order:
        votes = Counter(previous[m] for m in members[root] if m in previous)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        taken = set(cluster_id.values())
        chosen = next((old for old, _n in ranked if old not in taken), None)
        if chosen is None:
            chosen = new_institution_id(members[root])
        cluster_id[root] = chosen

    # Every id of the previous run that no longer names a cluster says where its records went.
    used = set(cluster_id.values())
    now_in: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for record_id, (root, _rule) in clusters.items():
        if record_id in previous:
            now_in[previous[record_id]][cluster_id[root]] += 1
    changes: list[IdChange] = []
    for old in sorted(set(previous.values()) - used):
        targets = now_in.get(old)
        if not targets:
            changes.append(IdChange(old, None, "retired"))
        else:
            target, _n = sorted(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            changes.append(IdChange(old, target, "merged"))
    for old in sorted(used):
        targets = now_in.get(old)
        if targets and len(targets) > 1:
            for target in sorted(set(targets) - {old}):
                changes.append(IdChange(old, target, "split"))

    assignments = [
        Assignment(record_id, cluster_id[root], rule)
        for record_id, (root, rule) in sorted(clusters.items())
    ]
    return assignments, changes
