"""Constrained clustering, coordinators' decisions and stable ids."""

from __future__ import annotations

import numpy as np
import pytest

from transforms.er.cluster import assign_cluster_ids, cluster_pairs, components
from transforms.er.resolve import Decision
from transforms.match import IdChange


def run(
    n: int,
    pairs: list[tuple[int, int, float]],
    cannot: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset(),
    threshold: float = 0.5,
) -> list[int]:
    left = np.array([a for a, _b, _p in pairs], np.int32)
    right = np.array([b for _a, b, _p in pairs], np.int32)
    strength = np.array([p for _a, _b, p in pairs])
    apart = np.array([(a, b) in cannot for a, b, _p in pairs], bool)
    must = (strength >= threshold) & ~apart
    return [int(x) for x in cluster_pairs(n, left, right, strength, must, apart).labels]


@pytest.mark.parametrize(
    ("n", "pairs", "cannot", "expected"),
    [
        pytest.param(3, [(0, 1, 0.9), (1, 2, 0.9)], set(), [0, 0, 0], id="chain-joins"),
        pytest.param(
            3,
            [(0, 1, 0.95), (1, 2, 0.6), (0, 2, 0.001)],
            {(0, 2)},
            [0, 0, 2],
            id="weak-middle-never-chains-confident-non-match",
        ),
        pytest.param(
            4,
            [(0, 1, 0.9), (2, 3, 0.9), (1, 2, 0.99), (0, 3, 0.0)],
            {(0, 3)},
            [0, 0, 0, 3],
            id="strongest-first-then-conflicting-join-refused",
        ),
        pytest.param(2, [(0, 1, 0.4)], set(), [0, 1], id="below-threshold-stays-apart"),
        pytest.param(
            3, [(0, 1, 0.9), (0, 2, 0.8)], {(1, 2)}, [0, 0, 2], id="cannot-link-without-score"
        ),
    ],
)
def test_cluster_pairs(
    n: int,
    pairs: list[tuple[int, int, float]],
    cannot: set[tuple[int, int]],
    expected: list[int],
) -> None:
    # Cannot-links given as pairs outside `pairs` are added with strength 0.
    extra = [(a, b, 0.0) for a, b in cannot if not any((a, b) == (x, y) for x, y, _ in pairs)]
    assert run(n, pairs + extra, cannot) == expected


def test_decision_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="ordered"):
        Decision("b", "a", "same")
    assert Decision.of("b", "a", "different") == Decision("a", "b", "different")


def test_decision_rejects_unknown_verdict() -> None:
    with pytest.raises(ValueError, match="verdict"):
        Decision("a", "b", "maybe")  # type: ignore[arg-type]


def test_new_clusters_get_ids_from_their_smallest_record() -> None:
    ids, changes = assign_cluster_ids({"a": ["r2", "r1"], "b": ["r3"]}, {})
    assert ids["r1"] == ids["r2"] != ids["r3"]
    assert changes == []


@pytest.mark.parametrize(
    ("own", "mention"),
    [
        # the real catalogue (replays of main 2e92e37 and before): pppostroleka.biposwiata.pl's
        # subject record and the page's mention of itself, which the mention reader began to
        # give later; its id had been derived from the subject alone (names_check sample 2)
        ("r2e8235a4c8cf7e1db420", "r14d909c420045aa9474d"),
        # krosno.med.pl: the hospital's page and its mention of itself
        ("r8f2f2994c61c7cd1bd0c", "r1962587b6459485ba4de"),
    ],
)
def test_a_mention_joining_later_leaves_a_new_clusters_id(own: str, mention: str) -> None:
    alone, _ = assign_cluster_ids({"x": [own]}, {})
    joined, _ = assign_cluster_ids({"x": [own, mention]}, {}, mentions={mention})
    assert joined[own] == joined[mention] == alone[own]
    # only mentions: the smallest of them, as before
    only, _ = assign_cluster_ids({"x": [own, mention]}, {}, mentions={own, mention})
    assert only[own] == assign_cluster_ids({"x": [mention]}, {})[0][mention]


def test_a_split_leaves_the_id_with_the_part_of_its_own_records() -> None:
    # tests/test_review_browser.py's second night: a court's row and an article's mention of
    # it were one institution, a coordinator's "different" parts them; the row's part keeps
    # the id (derived from the row), the mention's gets a new one, never the same
    row, mention = "rba373267886e23c2080c", "r33c9994abeb632084d3b"
    first, _ = assign_cluster_ids({"x": [row, mention]}, {}, mentions={mention})
    ids, changes = assign_cluster_ids({"a": [mention], "b": [row]}, first, mentions={mention})
    assert ids[row] == first[row]
    assert ids[mention] != ids[row]
    assert [c.reason for c in changes] == ["split"]


def test_ids_survive_a_member_coming_and_going() -> None:
    previous = {"r1": "wsp_A", "r2": "wsp_A", "r3": "wsp_B"}
    ids, changes = assign_cluster_ids({"x": ["r1", "r2", "r4"], "y": ["r3"]}, previous)
    assert (ids["r1"], ids["r4"], ids["r3"]) == ("wsp_A", "wsp_A", "wsp_B")
    assert changes == []


def test_merge_and_split_are_recorded() -> None:
    previous = {"r1": "wsp_A", "r2": "wsp_A", "r3": "wsp_B", "r4": "wsp_C", "r5": "wsp_C"}
    ids, changes = assign_cluster_ids({"x": ["r1", "r2", "r3"], "y": ["r4"], "z": ["r5"]}, previous)
    assert ids["r3"] == "wsp_A"
    assert IdChange("wsp_B", "wsp_A", "merged") in changes
    assert any(c.old_id == "wsp_C" and c.reason == "split" for c in changes)


def test_retired_id() -> None:
    _ids, changes = assign_cluster_ids({"x": ["r9"]}, {"r1": "wsp_A"})
    assert changes == [IdChange("wsp_A", None, "retired")]


# (probability, a contact agrees, joined) under the shipped thresholds: a join no contact
# supports starts lower (clustering makes it only to a clear best), one a contact vouches
# for at `match`.
@pytest.mark.parametrize(
    ("probability", "agree", "joined"),
    [
        pytest.param(0.45, False, True, id="no-contact-above-its-threshold-joins"),
        pytest.param(0.45, True, False, id="contact-agreeing-below-match-waits"),
        pytest.param(0.2, False, False, id="no-contact-below-its-threshold-waits"),
        pytest.param(0.65, True, True, id="contact-agreeing-above-match-joins"),
    ],
)
def test_join_thresholds_by_contact(probability: float, agree: bool, joined: bool) -> None:
    from transforms.er.cluster import cluster_judged
    from transforms.er.decisions import apply_decisions
    from transforms.er.model import load_model

    thresholds = load_model().thresholds
    assert thresholds.match_without_contact is not None
    assert thresholds.review < thresholds.match_without_contact < thresholds.match
    judged = apply_decisions(
        np.array([0], np.int32),
        np.array([1], np.int32),
        np.array([probability]),
        np.array([agree]),
        {},
        2,
    )

    def no_cannot_links(groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)

    labels = cluster_judged(2, judged, thresholds, no_cannot_links).result.labels
    assert (labels[0] == labels[1]) == joined


def test_a_doubt_stays_below_every_join() -> None:
    """A type phrase read from a misspelt acronym with no contact agreeing is a doubt: its
    probability stays below the lowest join threshold, so no rule of clustering joins it."""
    from transforms.er.ladders import LADDERS
    from transforms.er.model import load_model

    model = load_model()
    levels = {ladder.field: np.zeros(1, np.int8) for ladder in LADDERS}
    for field, level in (("core", 1), ("acronym", 1), ("type", 1), ("place", 1), ("phone", 0)):
        levels[field][0] = level
    levels["name_key"][0] = 1
    probability = float(model.probability(levels)[0])
    assert model.thresholds.review <= probability < model.thresholds.lowest_match


def _smallest_of_component(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Each record's component's smallest record, by a plain breadth-first search."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in pairs:
        neighbours[a].append(b)
        neighbours[b].append(a)
    label = [-1] * n
    for start in range(n):
        if label[start] >= 0:
            continue
        seen, todo = [start], [start]
        label[start] = start
        while todo:
            for other in neighbours[todo.pop()]:
                if label[other] < 0:
                    label[other] = start
                    seen.append(other)
                    todo.append(other)
    return label


@pytest.mark.parametrize(
    ("n", "pairs"),
    [
        pytest.param(5, [], id="no-pairs"),
        pytest.param(6, [(4, 5), (3, 4), (2, 3), (1, 2), (0, 1)], id="chain-from-the-end"),
        pytest.param(7, [(0, 6), (5, 6), (1, 5), (2, 4)], id="zigzag"),
        pytest.param(
            300,
            [(i, i + 1) for i in range(0, 299, 2)] + [(i, i + 1) for i in range(1, 298, 2)],
            id="long-path",
        ),
        pytest.param(
            200,
            [(a, b) for a, b in np.random.default_rng(7).integers(0, 200, (150, 2)).tolist()],
            id="random",
        ),
    ],
)
def test_components_label_each_record_by_its_components_smallest(
    n: int, pairs: list[tuple[int, int]]
) -> None:
    left = np.array([a for a, _ in pairs], np.int32)
    right = np.array([b for _, b in pairs], np.int32)
    assert components(n, left, right).tolist() == _smallest_of_component(n, pairs)
