"""A slashed house number before a postal code is an address, not a phone (issue 12).

"Karolewska 70/76 94-023 Łódź" (an ŚDS's address written without "ul.", fresh tune g041 of
`benchmarks/web_corpus`, added to the corpus in session 12): the house number with its slash
and the postal code after it made nine digits, read as the phone "70/76 94-023". A run with a
slash ending in a postal code's shape before a capitalised word (the locality) is an address.

g023's "tel.: 52 322 80 32 / 697-91-07-85" loses its second number to the rule that a run
after a slash is the tail of the number before it ("12 345 67 89 / 90"); reading a whole
number after a slash as a second one was tried and cost the test half one extra number
(RESULTS.md, round 12), so it stays lost. The other cases guard the shapes the old rules are
for.
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_phone_entries


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("tel.: 52 322 80 32 / 697-91-07-85", ["52 322 80 32"],
                     id="g023-a-number-after-a-slash-is-taken-for-a-tail"),
        pytest.param("Karolewska 70/76 94-023 Łódź", [], id="g041-a-house-number-and-postal-code"),
        pytest.param("tel. 34/ 315 91 00", ["34/ 315 91 00"], id="an-area-code-and-a-slash"),
        pytest.param("tel. 12 345 67 89 / 90", ["12 345 67 89"], id="a-short-tail-after-a-slash"),
        pytest.param("REGON 123456789 / 987654321", [], id="identifiers-stay-out"),
        pytest.param("tel. (074) 86-57-543 Sekretariat", ["(074) 86-57-543"],
                     id="a-number-ending-like-a-postal-code-without-a-slash"),
    ],
)  # fmt: skip
def test_the_phone_finder_on_addresses_and_slashes(line: str, expected: list[str]) -> None:
    assert [entry.number for entry in find_phone_entries(line)] == expected
