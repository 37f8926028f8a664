"""Constrained clustering of scored pairs, and stable institution ids.

Pairs at or above the auto-match threshold (and coordinators' "same" decisions) are joined
strongest first; a join is refused when it would put into one cluster two records that must
stay apart: a coordinator said "different", their numbers differ ("nr 1" / "nr 2"), or the
model scored them as a confident non-match. So a weak middle record can never chain two
confident non-matches together. Cannot-links only matter inside a connected component of
the match graph, so only those are kept. A join between records with contacts that share
none (`model.contact_agreement`) rests on name, type and place: it comes after the joins a
contact supports, and only to a clear best that no namesake competes with. A mention (a
record with nothing but a name and a place) joins last, and only a cluster it is not
ambiguous between (`cluster_pairs`).

`assign_cluster_ids` gives each cluster the id most of its records had last run (the logic of
`transforms.match.assign_ids`, for clusters made elsewhere).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from transforms.er.decisions import JudgedPairs, without_decided
from transforms.er.model import Thresholds
from transforms.match import IdChange, new_institution_id

# How much better (in probability) a mention must score with one of the clusters it reaches
# than with every other to join it (0.02-0.3 gave the same F1 on er-scale/100k and hard-tune).
AMBIGUITY_MARGIN = 0.05

# Given `groups[rid]`, the model's cannot-links with both records in one group.
CannotInside = Callable[
    [npt.NDArray[np.int64]], tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]
]


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """`labels[rid]` is the smallest rid of the record's cluster; `refused` counts the joins
    a cannot-link prevented, `ambiguous` those of mentions left out as ambiguous."""

    labels: npt.NDArray[np.int64]
    refused: int
    ambiguous: int = 0


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root


def components(
    n: int, left: npt.NDArray[np.int32], right: npt.NDArray[np.int32]
) -> npt.NDArray[np.int64]:
    """Connected components of a pair graph over `n` records (the smallest rid labels each).

    In numpy, a few passes over the pairs rather than a Python step per pair and record:
    each record takes the smallest label among itself and its pairs' other records, then
    the label of its label (a record of its component too), until nothing moves. Labels
    only fall and stay in the component, and a pair with two labels would lower one, so
    they end at each component's smallest rid."""
    labels = np.arange(n, dtype=np.int64)
    a, b = left.astype(np.int64), right.astype(np.int64)
    while len(a):
        low = np.minimum(labels[a], labels[b])
        lowered = labels.copy()
        np.minimum.at(lowered, a, low)
        np.minimum.at(lowered, b, low)
        lowered = np.minimum(lowered, lowered[lowered])
        if np.array_equal(lowered, labels):
            break
        labels = lowered
    return labels


def cluster_pairs(
    n: int,
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    strength: npt.NDArray[np.float64],
    must: npt.NDArray[np.bool_],
    cannot: npt.NDArray[np.bool_],
    bare: npt.NDArray[np.bool_] | None = None,
    margin: float | None = None,
    agree: npt.NDArray[np.bool_] | None = None,
) -> ClusterResult:
    """Cluster `n` records. `must[i]` marks pair i as a join (tried in order of `strength`,
    strongest first), `cannot[i]` as a pair that may never share a cluster.

    With `bare[rid]` (a record with nothing but a name and a place: a mention), the joins
    between records that are not bare come first; then a mention whose joins reach two or
    more of the clusters so made joins only the one it scores clearly best with (by
    `margin`, default `AMBIGUITY_MARGIN`), or none; and no join through a mention puts two
    such clusters together. An article's "Punkt Nieodpłatnej Pomocy Prawnej w Bartoszycach"
    where the town has two such points stays apart (for a coordinator) instead of chaining
    them.

    With `agree[i]` (a contact of pair i was compared and agrees: `model.contact_agreement`),
    a join between two records with contacts that share none rests on name, type and place
    as a mention's does, and is made after the agreeing joins in the same way: a record left
    alone by them ("UKS w Katowicach" with a phone only) joins only the cluster it scores
    clearly best with, and no such join puts two clusters the agreeing joins made together
    (`_loose_joins`). Without `agree` every pair counts as agreeing."""
    # Components of the match graph bound where a cannot-link can ever bite.
    component = components(n, left[must], right[must])
    relevant = cannot & (component[left] == component[right])
    apart: defaultdict[int, set[int]] = defaultdict(set)
    for a, b in zip(left[relevant].tolist(), right[relevant].tolist(), strict=True):
        apart[a].add(b)
        apart[b].add(a)

    uf = _UnionFind(n)
    # Records sharing no cannot-link with anything merge freely; the others carry their sets.
    blocked: dict[int, set[int]] = {x: set(ys) for x, ys in apart.items()}
    anchored = [True] * n
    refused = 0
    margin = AMBIGUITY_MARGIN if margin is None else margin

    def join(a: int, b: int, keep_anchors_apart: bool) -> int:
        """0 when joined or already one; 1 refused by a cannot-link; 2 by two anchors."""
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            return 0
        if keep_anchors_apart and anchored[ra] and anchored[rb]:
            return 2
        set_a, set_b = blocked.get(ra), blocked.get(rb)
        # Cannot-links are symmetric and each root carries its members' links, so a conflict
        # shows in both sets: checking the smaller one is enough.
        if set_a and set_b:
            small, other_root = (set_a, rb) if len(set_a) <= len(set_b) else (set_b, ra)
            if any(uf.find(x) == other_root for x in small):
                return 1
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        uf.parent[gone] = keep
        anchored[keep] = anchored[keep] or anchored[gone]
        merged = blocked.pop(ra, set()) | blocked.pop(rb, set())
        if merged:
            blocked[keep] = merged
        return 0

    joins = np.flatnonzero(must)
    joins = joins[np.argsort(-strength[joins], kind="stable")]
    # Coordinators' decisions (strength above any probability) are never weak or loose.
    model_join = strength[joins] <= 1.0
    weak = np.zeros(len(joins), bool)
    if bare is not None:
        weak = (bare[left[joins]] | bare[right[joins]]) & model_join
    loose = np.zeros(len(joins), bool)
    if agree is not None:
        loose = ~agree[joins] & ~weak & model_join
    strong = ~weak & ~loose
    for a, b in zip(left[joins[strong]].tolist(), right[joins[strong]].tolist(), strict=True):
        refused += join(a, b, keep_anchors_apart=False) == 1
    ambiguous = 0
    if loose.any():
        loose_joins = joins[loose]
        keep = _loose_joins(uf, n, left, right, strength, loose_joins, margin)
        ambiguous += int((~keep).sum())
        for a, b in zip(
            left[loose_joins[keep]].tolist(), right[loose_joins[keep]].tolist(), strict=True
        ):
            refused += join(a, b, keep_anchors_apart=False) == 1
    if bare is not None and weak.any():
        # A root is an anchor when its cluster holds a record that is not a mention.
        holds = np.zeros(n, bool)
        holds[_roots(uf, n)[~bare]] = True
        anchored = holds.tolist()
        mention_joins = joins[weak]
        keep = _unambiguous(uf, bare, left, right, strength, mention_joins, margin)
        ambiguous += int((~keep).sum())
        for a, b in zip(
            left[mention_joins[keep]].tolist(), right[mention_joins[keep]].tolist(), strict=True
        ):
            outcome = join(a, b, keep_anchors_apart=True)
            refused += outcome == 1
            ambiguous += outcome == 2
    return ClusterResult(_roots(uf, n), refused, ambiguous)


def _roots(uf: _UnionFind, n: int) -> npt.NDArray[np.int64]:
    """`uf.find` of every record, in numpy: each parent replaced by its parent until every
    record points at its root."""
    parent = np.asarray(uf.parent, dtype=np.int64)
    while True:
        up = parent[parent]
        if np.array_equal(up, parent):
            return parent
        parent = up


def _clear_best(by_root: Mapping[int, float], margin: float) -> int:
    """The root scored best when it beats every other by `margin`, else -1."""
    ranked = sorted(by_root.values(), reverse=True)
    if len(ranked) == 1 or ranked[0] - ranked[1] >= margin:
        return max(by_root, key=lambda r: by_root[r])
    return -1


def _loose_joins(
    uf: _UnionFind,
    n: int,
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    strength: npt.NDArray[np.float64],
    joins: npt.NDArray[np.int64],
    margin: float,
) -> npt.NDArray[np.bool_]:
    """Which joins between records with contacts that share none (`joins`, strongest first)
    to keep. Every cluster the agreeing joins made chooses among the clusters such joins
    reach, as a mention does: the one it scores best with, and those within `margin` of it
    that such a join ties to that best (parts of one body: a register's record, a page's
    with a phone, another's with an e-mail); when one within the margin is not tied to the
    best (a namesake: another village's "OSP w Lipinach"), it chooses none. A record they
    left alone joins what it chose (two lone records: when one chose the other and neither
    is undecided); two clusters of several records join only when each chose the other. So
    no such join bridges two clusters that nothing but a name, type and place tie."""
    size = np.bincount(_roots(uf, n), minlength=n).tolist()
    best: defaultdict[int, dict[int, float]] = defaultdict(dict)
    ends: list[tuple[int, int]] = []
    for a, b, s in zip(
        left[joins].tolist(), right[joins].tolist(), strength[joins].tolist(), strict=True
    ):
        ra, rb = uf.find(a), uf.find(b)
        ends.append((ra, rb))
        if ra != rb:
            best[ra].setdefault(rb, s)  # strongest first: the first is the best
            best[rb].setdefault(ra, s)
    chosen: dict[int, frozenset[int]] = {}
    for root, by_root in best.items():
        top = max(by_root, key=lambda r: by_root[r])
        near = {r for r, s in by_root.items() if s > by_root[top] - margin}
        tied = all(r == top or r in best[top] for r in near)
        chosen[root] = frozenset(near) if tied else frozenset()
    keep = np.zeros(len(ends), bool)
    for i, (ra, rb) in enumerate(ends):
        if ra == rb:
            keep[i] = True
            continue
        lone_a, lone_b = size[ra] == 1, size[rb] == 1
        if lone_a and lone_b:
            keep[i] = bool(chosen[ra] and chosen[rb]) and (rb in chosen[ra] or ra in chosen[rb])
        elif lone_a or lone_b:
            lone, other = (ra, rb) if lone_a else (rb, ra)
            keep[i] = other in chosen[lone]
        else:
            keep[i] = rb in chosen[ra] and ra in chosen[rb]
    return keep


def _unambiguous(
    uf: _UnionFind,
    bare: npt.NDArray[np.bool_],
    left: npt.NDArray[np.int32],
    right: npt.NDArray[np.int32],
    strength: npt.NDArray[np.float64],
    joins: npt.NDArray[np.int64],
    margin: float,
) -> npt.NDArray[np.bool_]:
    """Which of a mention's joins (`joins`, strongest first) to keep: a mention whose joins
    reach several clusters keeps only those to the cluster it scores best with, when that
    best beats every other cluster's best by `margin`; else none to any of them."""
    best: defaultdict[int, dict[int, float]] = defaultdict(dict)
    target: list[tuple[int, int]] = []
    for a, b, s in zip(
        left[joins].tolist(), right[joins].tolist(), strength[joins].tolist(), strict=True
    ):
        if bare[a] == bare[b]:
            target.append((-1, -1))  # two mentions: no cluster to choose between
            continue
        mention, other = (a, b) if bare[a] else (b, a)
        root = uf.find(other)
        target.append((mention, root))
        seen = best[mention]
        if root not in seen:
            seen[root] = s  # strongest first: the first is the best
    chosen = {mention: _clear_best(by_root, margin) for mention, by_root in best.items()}
    return np.fromiter(
        (mention == -1 or chosen[mention] == root for mention, root in target), bool, len(target)
    )


@dataclass(frozen=True, slots=True)
class Clustering:
    """Clusters of a run, and the pairs they were made from: the judged pairs followed by the
    model's cannot-links that could bite (strength 0). `must[i]` marks a join."""

    result: ClusterResult
    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    strength: npt.NDArray[np.float64]
    must: npt.NDArray[np.bool_]


def cluster_judged(
    n: int,
    judged: JudgedPairs,
    thresholds: Thresholds,
    cannot_inside: CannotInside,
    bare: npt.NDArray[np.bool_] | None = None,
) -> Clustering:
    """Cluster `n` records from the judged pairs: the pairs the thresholds join (`Thresholds.
    joins`: at or above `match`, or `match_without_contact` when no contact agrees) and the
    "same" decisions join, "different" decisions and the model's cannot-links keep apart. Only
    the model's cannot-links inside a component of the match graph can bite, so only those are
    fetched; a decided pair's own cannot-link gives way to the decision."""
    must = thresholds.joins(judged.strength, judged.agree) & ~judged.cannot
    groups = components(n, judged.left[must], judged.right[must])
    cl, cr = cannot_inside(groups)
    model_view = without_decided(cl, cr, judged.decided, n)
    cl, cr = cl[model_view], cr[model_view]
    left = np.concatenate([judged.left, cl])
    right = np.concatenate([judged.right, cr])
    strength = np.concatenate([judged.strength, np.zeros(len(cl))])
    cannot = np.concatenate([judged.cannot, np.ones(len(cl), bool)])
    must = np.concatenate([must, np.zeros(len(cl), bool)])
    agree = np.concatenate([judged.agree, np.zeros(len(cl), bool)])
    result = cluster_pairs(n, left, right, strength, must, cannot, bare, agree=agree)
    return Clustering(result, left, right, strength, must)


def assign_cluster_ids(
    members: Mapping[str, Sequence[str]],
    previous: Mapping[str, str],
    mentions: Collection[str] = frozenset(),
) -> tuple[dict[str, str], list[IdChange]]:
    """record_id -> stable institution id for clusters given as key -> member record ids.

    `previous` maps record_id -> last run's institution id. A cluster keeps the id most of its
    records had (largest clusters choose first, so a split leaves the old id with the bigger
    part, or with the one with more records that are not `mentions`); a new cluster gets an
    id, never one another cluster holds, derived from its smallest record id that is not one of
    `mentions` (a page's mention of itself or another's of it comes and goes with the mention
    reader; the institution's own rows and pages stay), or from its smallest when all are.
    Every id that disappears or splits is reported as an `IdChange`.
    """

    def own(key: str) -> list[str]:
        return sorted(m for m in members[key] if m not in mentions)

    # the bigger part first, then the one with more records of its own (not mentions)
    order = sorted(members, key=lambda key: (-len(members[key]), -len(own(key)), min(members[key])))
    cluster_id: dict[str, str] = {}
    taken: set[str] = set()
    for key in order:
        votes = Counter(previous[m] for m in members[key] if m in previous)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        chosen = next((old for old, _n in ranked if old not in taken), None)
        if chosen is None:
            # never an id another cluster holds (its old id may come from one of these records)
            seeds = [*own(key), *sorted(members[key])]
            fresh = (new_institution_id([s]) for s in seeds)
            chosen = next((i for i in fresh if i not in taken), None) or new_institution_id(
                ["|".join(seeds)]
            )
        cluster_id[key] = chosen
        taken.add(chosen)

    assignment = {m: cluster_id[key] for key, ms in members.items() for m in ms}
    now_in: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for record_id, new_id in assignment.items():
        if record_id in previous:
            now_in[previous[record_id]][new_id] += 1
    changes: list[IdChange] = []
    for old in sorted(set(previous.values()) - taken):
        targets = now_in.get(old)
        if not targets:
            changes.append(IdChange(old, None, "retired"))
        else:
            target, _n = sorted(targets.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            changes.append(IdChange(old, target, "merged"))
    for old in sorted(taken):
        targets = now_in.get(old)
        if targets and len(targets) > 1:
            for target in sorted(set(targets) - {old}):
                changes.append(IdChange(old, target, "split"))
    return assignment, changes
