"""A second number joined to the first by a word, written without the area code they share
(issue 12, round 17), from a fresh page of `benchmarks/contacts_fresh` (the id in the case id).

"tel. 58 684-83-71 do 75 lub 686-41-67" (r017, a gmina's education office: lines 71 to 75,
or 686-41-67): after "lub" the seven digits were left out, as a number without its area code;
a list joined by "lub", "oraz", "albo" or "i" (after a range of lines, "do 75") is a list as
one joined by a comma is, so the second number takes the first's area code and its label.
A seven-digit number after other words ("w godz. 8-15 lub …") stays out, as before.
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_phone_entries


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        pytest.param(
            "tel. 58 684-83-71 do 75 lub 686-41-67",
            [("tel. 58 684-83-71", "58 684-83-71"), ("tel. (58) 686-41-67", "(58) 686-41-67")],
            id="contacts_fresh-r017-range-then-lub",
        ),
        pytest.param(
            "fax. 58 686-41-67",
            [("fax. 58 686-41-67", "58 686-41-67")],
            id="contacts_fresh-r017-fax-line",
        ),
        pytest.param(
            "tel. 58 684-83-71 w godz. 8-15 lub 686-41-67",
            [("tel. 58 684-83-71", "58 684-83-71")],
            id="other-words-between-the-numbers",
        ),
    ],
)
def test_a_number_after_a_list_word_shares_the_area_code(
    text: str, numbers: list[tuple[str, str]]
) -> None:
    assert [(e.raw, e.number) for e in find_phone_entries(text)] == numbers
