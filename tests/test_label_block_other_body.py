"""A number in a data block's phone or fax cell that follows another body's name is that
body's (issue 12).

BIP data blocks list the office's lines cell by cell, and some cells give a neighbour's:
"Faks" / "Gminny Osrodek Pomocy Spolecznej - (48 46) 874 71 30" in a gmina's block is the
GOPS's number, not the gmina's fax. A cell whose words before the number name the owner, or
name nobody ("Sekretariat tel - …"), stays.

The cells are quoted from the saved page `gmina/bip.dmosin.pl.html` of the 96 pages
(`../shared/data/html_fixtures`), spelt as it is (without Polish letters).
"""

from __future__ import annotations

import pytest
from helpers import assert_phones_hold

from extractors.html_pages.label_blocks import Block, Pair, map_pairs

DMOSIN = (
    Pair("Telefon", "Sekretariat tel/fax - (48 46) 874 62 94"),
    Pair("Telefon", "Sekretariat tel - (48 46) 874 74 85"),
    Pair("Faks", "Gminny Osrodek Pomocy Spolecznej - (48 46) 874 71 30"),
)


@pytest.mark.parametrize(
    ("pairs", "name_hint", "kept", "left_out"),
    [
        pytest.param(
            DMOSIN,
            "Gmina Dmosin",
            ["874 62 94", "874 74 85"],
            ["874 71 30"],
            id="dmosin-the-gops-line-in-the-fax-cell-of-a-gmina-block",
        ),
        pytest.param(
            (*DMOSIN[:2], Pair("Faks", "(48 46) 874 71 30")),
            "Gmina Dmosin",
            ["874 62 94", "874 74 85", "874 71 30"],
            [],
            id="dmosin-the-same-fax-cell-naming-nobody-stays",
        ),
        pytest.param(
            (*DMOSIN[:2], Pair("Faks", "Urzad Gminy Dmosin - (48 46) 874 71 30")),
            "Gmina Dmosin",
            ["874 71 30"],
            [],
            id="dmosin-the-fax-cell-naming-the-owner-stays",
        ),
    ],
)
def test_phone_cells_naming_another_body(
    pairs: tuple[Pair, ...], name_hint: str, kept: list[str], left_out: list[str]
) -> None:
    phones = map_pairs(Block("labelled", pairs), name_hint).phones
    assert_phones_hold(phones, kept, left_out)
