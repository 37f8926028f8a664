"""Two shapes the phone finder misread (issue 12), from fresh documents of the tuning half
(g023 and g041 of `benchmarks/web_corpus`, added to the corpus in session 12).

- "tel.: 52 322 80 32 / 697-91-07-85" (a poradnia's header, g023): a run after a slash was
  always taken for the tail of the number before it ("34/ 315 91 00" is an area code and its
  number, "12 345 67 89 / 90" a second line's last digits) and left out, so the poradnia's
  mobile was lost. A whole number (nine digits or more) after a slash that follows a number
  already read is a second number.
- "Karolewska 70/76 94-023 Łódź" (an ŚDS's address without "ul.", g041): a house number with
  a slash and the postal code after it made nine digits, read as the phone "70/76 94-023". A
  run with a slash ending in a postal code's shape before a capitalised word (the locality)
  is an address.

Each case quotes the document's line; the rest guard the shapes the old rules were for.
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_phone_entries


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("tel.: 52 322 80 32 / 697-91-07-85", ["52 322 80 32", "697-91-07-85"],
                     id="g023-a-mobile-after-a-slash"),
        pytest.param("Karolewska 70/76 94-023 Łódź", [], id="g041-a-house-number-and-postal-code"),
        pytest.param("tel. 34/ 315 91 00", ["34/ 315 91 00"], id="an-area-code-and-a-slash"),
        pytest.param("tel. 12 345 67 89 / 90", ["12 345 67 89"], id="a-short-tail-after-a-slash"),
        pytest.param("REGON 123456789 / 987654321", [], id="identifiers-stay-out"),
        pytest.param("tel. (074) 86-57-543 Sekretariat", ["(074) 86-57-543"],
                     id="a-number-ending-like-a-postal-code-without-a-slash"),
    ],
)  # fmt: skip
def test_the_phone_finder_on_slashes_and_addresses(line: str, expected: list[str]) -> None:
    assert [entry.number for entry in find_phone_entries(line)] == expected
