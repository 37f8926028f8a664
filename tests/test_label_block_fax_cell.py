"""A data block's "Faks" cell that writes "fax." before its number is the owner's fax (issue 12).

BIP data blocks label each cell, and some cells repeat the label before the number:
"Telefon" / "tel. 61 28 37 001", "Faks" / "fax. 61 28 29 321" (the saved page
`county/bip.powiat-srem.pl.html` of the 96 pages, `../shared/data/html_fixtures`). The phone
finder leaves a number labelled only as a fax out of the phones, so the fax cell gave nothing
and the county office's fax was lost; a directory keeps it, typed as a fax (HSDS).
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_numbers, find_phones
from extractors.html_pages.label_blocks import Block, Pair, map_pairs

SREM = (
    Pair("Telefon", "tel. 61 28 37 001"),
    Pair("Faks", "fax. 61 28 29 321"),
)


@pytest.mark.parametrize(
    ("pairs", "phones", "faxes"),
    [
        pytest.param(
            SREM,
            ["61 28 37 001", "61 28 29 321"],
            ["61 28 29 321"],
            id="srem-the-fax-cell-repeating-fax",
        ),
        pytest.param(
            (SREM[0], Pair("Faks", "61 28 29 321")),
            ["61 28 37 001", "61 28 29 321"],
            ["61 28 29 321"],
            id="srem-the-fax-cell-with-the-number-alone",
        ),
        pytest.param(
            (SREM[0], Pair("Faks", "faks: (61) 28 29 321, 28 29 322")),
            ["61 28 37 001", "28 29 321", "28 29 322"],
            ["(61) 28 29 321", "(61) 28 29 322"],
            id="srem-a-fax-cell-listing-two-numbers",
        ),
    ],
)
def test_fax_cells_keep_their_numbers(
    pairs: tuple[Pair, ...], phones: list[str], faxes: list[str]
) -> None:
    fields = map_pairs(Block("labelled", pairs), "Starostwo Powiatowe w Śremie")
    for number in phones:
        assert any(number in phone for phone in fields.phones), (number, fields.phones)
    assert fields.faxes == faxes


def test_find_numbers_keeps_what_find_phones_leaves_out() -> None:
    text = "tel. 61 28 37 001, fax. 61 28 29 321"
    assert find_phones(text) == ["61 28 37 001"]
    assert find_numbers(text) == ["61 28 37 001", "61 28 29 321"]
