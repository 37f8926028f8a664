"""First-cut matching: rules, and institution ids that stay stable from night to night."""

from __future__ import annotations

from transforms.match import MatchRecord, assign_ids


def rec(
    record_id: str,
    key: str,
    *,
    role: str = "subject",
    number: str | None = None,
    postal: str | None = None,
    gmina: str | None = None,
    powiat: str | None = "2610",
    nip: str | None = None,
    core: str | None = None,
) -> MatchRecord:
    return MatchRecord(record_id, role, key, core or key, number, postal, gmina, powiat, nip, None)


def clusters(records: list[MatchRecord], previous: dict[str, str] | None = None) -> dict[str, str]:
    assignments, _changes = assign_ids(records, previous or {})
    return {a.record_id: a.institution_id for a in assignments}


def test_same_name_and_postal_code_merge_but_numbers_never() -> None:
    ids = clusters(
        [
            rec("a", "szkola podstawowa skarzysko", number="1", postal="26-110"),
            rec("b", "szkola podstawowa skarzysko", number="1", postal="26-110"),
            rec("c", "szkola podstawowa skarzysko", number="2", postal="26-110"),
        ]
    )
    assert ids["a"] == ids["b"] != ids["c"]


def test_same_nip_merges_different_spellings() -> None:
    ids = clusters(
        [rec("a", "x", nip="6631000001"), rec("b", "y", nip="6631000001"), rec("c", "z")]
    )
    assert ids["a"] == ids["b"] != ids["c"]


def test_mention_joins_the_one_institution_of_its_county() -> None:
    ids = clusters(
        [
            rec("page", "pcpr skarzysko", core="pcpr", postal="26-110"),
            rec("art", "pcpr", core="pcpr", role="mention"),
            rec("other", "pcpr pisz", core="pcpr", postal="12-200", powiat="2816"),
        ]
    )
    assert ids["page"] == ids["art"] != ids["other"]


def test_mention_with_two_candidates_is_not_guessed() -> None:
    ids = clusters(
        [
            rec("p1", "gops a", core="gops", gmina="2610022"),
            rec("p2", "gops b", core="gops", gmina="2610032"),
            rec("m", "gops", core="gops", role="mention"),
        ]
    )
    assert len({ids["p1"], ids["p2"], ids["m"]}) == 3


def test_ids_are_stable_when_records_come_and_go() -> None:
    night1 = [rec("a", "k", postal="26-110"), rec("b", "k", postal="26-110"), rec("c", "other")]
    first = clusters(night1)
    # Night 2: the record whose id seeded the cluster disappears, a new member arrives.
    night2 = [rec("b", "k", postal="26-110"), rec("d", "k", postal="26-110"), rec("c", "other")]
    second = clusters(night2, first)
    assert second["b"] == second["d"] == first["a"]
    assert second["c"] == first["c"]


def test_merge_and_split_are_recorded() -> None:
    first = clusters([rec("a", "k1", postal="26-110"), rec("b", "k2", postal="26-110", nip=None)])
    # A shared NIP appears: the two institutions merge; the losing id points to the survivor.
    _assignments, changes = assign_ids(
        [
            rec("a", "k1", postal="26-110", nip="6631000001"),
            rec("b", "k2", postal="26-110", nip="6631000001"),
        ],
        first,
    )
    [change] = changes
    assert (
        change.reason == "merged"
        and change.new_id in (first["a"], first["b"])
        and change.old_id != change.new_id
    )
    # Everything removed: the ids are retired, never silently lost.
    _assignments, changes = assign_ids([], first)
    assert sorted(c.reason for c in changes) == ["retired", "retired"]
