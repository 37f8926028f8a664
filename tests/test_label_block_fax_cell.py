"""The faxes of a BIP data block are the owner's, typed as faxes (issue 12).

BIP data blocks label each cell, and some cells repeat the label before the number:
"Telefon" / "tel. 61 28 37 001", "Faks" / "fax. 61 28 29 321" (the saved page
`county/bip.powiat-srem.pl.html` of the 96 pages, `../shared/data/html_fixtures`). The phone
finder leaves a number labelled only as a fax out of the phones, so the fax cell gave nothing
and the county office's fax was lost; a directory keeps it, typed as a fax (HSDS). The same
holds for a "Telefon" cell that gives a fax after the phone, or a "tel/fax" line
("Sekretariat tel/fax - (48 46) 874 62 94", `gmina/bip.dmosin.pl.html`).

A person's entry in an idcom block ("Dyrektor Szkoly" / "mgr inz. Danuta Piaskowska" with a
phone, a fax and a mailbox icon, `school/bip.szkolasmogory.com.pl.html`) gives the office's fax:
no person has a fax of their own. An entry that gives an address is another body's ("Gmina
Maszewo - organ prowadzacy szkole" on `school/bip.spdebice.pl.html`): its fax stays out.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

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
            (Pair("Telefon", "tel. 61 28 37 001, fax 61 28 29 321"),),
            ["61 28 37 001", "61 28 29 321"],
            ["61 28 29 321"],
            id="srem-a-phone-cell-giving-the-fax-after-the-phone",
        ),
        pytest.param(
            (
                Pair("Telefon", "Sekretariat tel/fax - (48 46) 874 62 94"),
                Pair("Telefon", "Sekretariat tel - (48 46) 874 74 85"),
            ),
            ["874 62 94", "874 74 85"],
            ["(48 46) 874 62 94"],
            id="dmosin-the-secretariats-tel-fax-line-is-also-a-fax",
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


_ICON = "https://bi.idcom.pl/panel/img/icons/kontakt_{}.gif"


def _entry(label: str, first_line: str, phone: str, fax: str, mail: str) -> Pair:
    html = (
        f"<div><p>{first_line}</p>"
        f'<p><img src="{_ICON.format("phone")}" alt="" /> {phone}</p>'
        f'<p><img src="{_ICON.format("fax")}" alt="" /> {fax}</p>'
        f'<p><img src="{_ICON.format("mail")}" alt="" /> <a href="mailto:{mail}">{mail}</a></p>'
        "</div>"
    )
    node = BeautifulSoup(html, "html.parser").div
    assert node is not None
    return Pair(label, "\n".join((first_line, phone, fax, mail)), node)


@pytest.mark.parametrize(
    ("pair", "faxes"),
    [
        pytest.param(
            _entry(
                "Dyrektor Szkoly",
                "mgr inz. Danuta Piaskowska",
                "95 7571352",
                "95 7571358",
                "sp_smogory@wp.pl",
            ),
            ["95 7571358"],
            id="szkolasmogory-the-directors-entry-gives-the-schools-fax",
        ),
        pytest.param(
            _entry(
                "Gmina Maszewo - organ prowadzacy szkole",
                "Pl. Wolnosci 2, 72-130 Maszewo",
                "914187567",
                "914187506",
                "urzad@maszewo.pl",
            ),
            [],
            id="spdebice-the-governing-gminas-entry-keeps-its-fax",
        ),
    ],
)
def test_the_fax_of_a_persons_entry(pair: Pair, faxes: list[str]) -> None:
    fields = map_pairs(Block("idcom", (pair,)), "Szkola Podstawowa w Smogorach")
    assert fields.faxes == faxes
    assert [p for p in fields.phones if p.startswith("fax:")] == [f"fax: {f}" for f in faxes]
