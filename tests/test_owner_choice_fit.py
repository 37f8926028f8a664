"""The fit of the page owner's weights on fresh pages (`benchmarks/owner_choice.py`, issue 12,
round 15).

The fresh tuning pages (`benchmarks/owner_fresh`) carry a one-line judgement of each page's own
institution, written blind; `fresh_gold` reads it as the gold subject, `fresh_parts` deals the
pages' hosts into two parts so that a fit made with one part is counted on the other, and
`fit_steepest` moves only the one weight or bar that puts the most documents right, and only
when it puts `min_gain` more right.
"""

from __future__ import annotations

import csv

import pytest

from benchmarks.owner_choice import (
    FRESH,
    Example,
    fit_steepest,
    fresh_gold,
    fresh_parts,
    outcome,
)
from extractors.html_pages.owner_weights import HAND_SET, OwnerCandidate, OwnerChoice


def _fresh_rows() -> list[dict[str, str]]:
    with (FRESH / "index.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("judgement", "names"),
    [
        pytest.param("", None, id="no-subject"),
        pytest.param("?", None, id="doubted-no-subject"),
        pytest.param(
            "Ośrodek Pomocy Społecznej w Andrychowie",
            ["Ośrodek Pomocy Społecznej w Andrychowie"],
            id="one-name",
        ),
        pytest.param(
            "?Sąd Apelacyjny w Białymstoku", ["Sąd Apelacyjny w Białymstoku"], id="doubted-name"
        ),
        pytest.param(
            "Szkoła Podstawowa nr 16 im. Jana Pawła II w Inowrocławiu|"
            "Szkoła Podstawowa nr 16 w Inowrocławiu",
            [
                "Szkoła Podstawowa nr 16 im. Jana Pawła II w Inowrocławiu",
                "Szkoła Podstawowa nr 16 w Inowrocławiu",
            ],
            id="forms-the-judge-accepts",
        ),
    ],
)
def test_a_judgement_is_read_as_the_gold_subject(judgement: str, names: list[str] | None) -> None:
    gold = fresh_gold(
        {"id": "x", "url": "https://x.pl/", "kind": "article", "judgement": judgement}
    )
    assert (gold.subject["names"] if gold.subject else None) == names


def test_every_fresh_page_is_saved_with_a_kind_and_a_host_of_its_own() -> None:
    rows = _fresh_rows()
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["host"] for row in rows}) == len(rows)
    for row in rows:
        assert row["kind"] in {"institution_page", "article", "none"}, row["id"]
        assert (FRESH / "documents" / f"{row['id']}.txt").is_file(), row["id"]


def _unread(row: dict[str, str]) -> Example:
    split = "fresh?" if row["judgement"].startswith("?") else "fresh"
    return Example(row["id"], row["host"], split, row["kind"], None, frozenset(), False, False)


def test_the_fresh_hosts_are_dealt_into_two_disjoint_even_parts() -> None:
    examples = [_unread(row) for row in _fresh_rows()]
    part_a, part_b = fresh_parts(examples)
    hosts = {e.host for e in examples if e.split == "fresh"}
    assert part_a | part_b == hosts
    assert not part_a & part_b
    assert abs(len(part_a) - len(part_b)) <= 1
    assert fresh_parts(list(reversed(examples))) == (part_a, part_b)


def _document(doc_id: str, evidence: set[str], *, is_gold: bool) -> Example:
    candidate = OwnerCandidate("Ośrodek Pomocy Społecznej w X", frozenset(evidence), (0,), False)
    choice = OwnerChoice(f"https://{doc_id}.pl/", (candidate,), False)
    positive = frozenset({0}) if is_gold else frozenset()
    return Example(
        doc_id, f"{doc_id}.pl", "tune", "institution_page", choice, positive, is_gold, True
    )


@pytest.mark.parametrize(
    ("gold_under_the_bar", "min_gain", "moves"),
    [
        pytest.param(2, 2, True, id="two-more-right-at-min-gain-two"),
        pytest.param(2, 3, False, id="two-more-right-short-of-min-gain-three"),
        pytest.param(1, 2, False, id="one-page-moves-nothing"),
    ],
)
def test_the_steepest_search_moves_only_for_min_gain_documents(
    gold_under_the_bar: int, min_gain: int, moves: bool
) -> None:
    # each gold subject scores 3 ("heading"), one under the bar of 4: lowering `min_score` (or
    # raising "heading") puts them right
    examples = [
        _document(f"g{i}", {"heading"}, is_gold=True) for i in range(gold_under_the_bar)
    ] + [_document("n0", {"title mention"}, is_gold=False)]
    fitted = fit_steepest(examples, HAND_SET, min_gain=min_gain)
    before = outcome(examples, HAND_SET).right
    after = outcome(examples, fitted).right
    assert (fitted != HAND_SET) is moves
    assert after == before + (gold_under_the_bar if moves else 0)
