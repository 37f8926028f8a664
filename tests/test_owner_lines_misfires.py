"""Three misfires of the owner's contact lines a reviewer found (issue 12, round 16).

- **the owner's lead-in under another body's block** (`owner_lines.foreign_lines`): a line
  naming the owner and ending in a colon ("… prosimy o kontakt z Urzędem Gminy Rokietnica:")
  opens the owner's lines, so the number below it is the owner's even within four lines of
  the police's block; a sentence naming the owner as another body's operator ("prowadzona
  przez Gminę Rokietnica") opens nothing, and the number under it stays that body's;
- **"w domu" before an emergency number** (`service_number_lines.emergency_numbers`): "Pożar
  w domu: 998", "Przemoc w domu – 112" give the service's number; only "nr domu 112" or
  "domu nr 112" is a house's;
- **a street named like the owner's place** (`owner_address.street_named_like`): the street
  is the place's own name only when it is the place's every word in the nominative ("ul.
  Polanowice" and "w Polanowicach"); "ul. Zielona" is not "w Zielonej Górze", nor "ul. Leśna"
  "w Leśnicy", so such an address in another town stays elsewhere.

Sources: the police block is fresh page n034 (`benchmarks/contacts_fresh`,
https://rokietnica.pl/zarzadzanie-kryzysowe/), as is the owner's lead-in line's wording (the
page's "ZARZĄDZANIE KRYZYSOWE" / "WAŻNE TELEFONY"; the block's second heading, "Rewir
Dzielnicowych w Rokietnicy", left out so the owner's number falls within four lines of the
block's heading); the owner's lines after the block are the reviewer's case, built on the
page's own wording and numbers. The other towns' addresses are real register rows
(`../shared/data/social_assistance/ops_slaskie.csv`: "ul. Zielona 70", "42-256 Olsztyn";
`utw_malopolskie.csv`: "ul. Leśna 2", "32-340 Wolbrom"); "Pożar w domu: 998" and "Przemoc w
domu – 112" are the reviewer's lines.
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_phone_entries
from extractors.html_pages.owner_address import elsewhere as _elsewhere
from extractors.html_pages.owner_address import street_named_like as _street_named_like
from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.service_number_lines import emergency_numbers, service_list_lines

ROKIETNICA_URL = "https://rokietnica.pl/zarzadzanie-kryzysowe/"
POLICE_BLOCK = (
    "POLICJA\n"
    "997 – telefon alarmowy\n"
    "Komisariat Policji w Tarnowie Podgórnym\n"
    "ul. Rolna 20\n"
    "fax. 47 77 13 405\n"
)
OWNER = PageOwner("Urząd Gminy Rokietnica", 5, (), ())


def _numbers(text: str, url: str, owner: PageOwner) -> set[str]:
    page = page_text_of_plain(text, url)
    contacts = owner_contacts(page, owner)
    return {entry.number for raw in contacts.phones for entry in find_phone_entries(raw)}


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        pytest.param(
            POLICE_BLOCK
            + "W sprawach zarządzania kryzysowego prosimy o kontakt z Urzędem Gminy Rokietnica:\n"
            + "tel. 61 89 60 600\n",
            ["61 89 60 600"],
            ["47 77 13 405"],
            id="the-owners-lead-in-within-four-lines-of-the-polices-block",
        ),
        pytest.param(
            POLICE_BLOCK + "Urząd Gminy Rokietnica:\n" + "tel. 61 89 60 600\n",
            ["61 89 60 600"],
            ["47 77 13 405"],
            id="the-owners-name-as-a-heading-after-the-block",
        ),
        pytest.param(
            "Świetlica Środowiskowa w Rokietnicy\n"
            + "prowadzona przez Gminę Rokietnica\n"
            + "tel. 61 89 60 700\n"
            + "Urząd Gminy Rokietnica, tel. 61 89 60 600\n",
            ["61 89 60 600"],
            ["61 89 60 700"],
            id="the-owner-named-as-the-operator-under-another-bodys-heading",
        ),
    ],
)
def test_the_owners_lines_after_another_bodys_block(
    text: str, kept: list[str], left_out: list[str]
) -> None:
    numbers = _numbers(text, ROKIETNICA_URL, OWNER)
    for number in kept:
        assert number in numbers
    for number in left_out:
        assert number not in numbers


@pytest.mark.parametrize(
    ("line", "own"),
    [
        ("Pożar w domu: 998", True),
        ("Przemoc w domu – 112", True),
        ("nr domu 112", False),
        ("domu nr 112", False),
        ("Numer domu: 997", False),
        ("pokój nr 112", False),
    ],
)
def test_a_house_is_no_home(line: str, own: bool) -> None:
    assert bool(emergency_numbers(line)) is own


def test_home_lines_make_a_list_of_services() -> None:
    lines = ["Pożar w domu: 998", "Przemoc w domu – 112", "Pogotowie Wodociągowe – 691523970"]
    assert service_list_lines(lines) == {0, 1, 2}


@pytest.mark.parametrize(
    ("street", "place", "named"),
    [
        ("ul. Polanowice 94", "Polanowicach", True),  # fresh n043, the village's own name
        ("ul. Polanowicka 94", "Polanowicach", False),
        ("ul. Zielona 70", "Zielonej Górze", False),
        ("ul. Leśna 2", "Leśnicy", False),
        ("ul. Krakowska 3", "Krakowie", False),
    ],
)
def test_a_street_named_by_the_place(street: str, place: str, named: bool) -> None:
    assert _street_named_like(street, place) is named


@pytest.mark.parametrize(
    ("address", "place", "elsewhere"),
    [
        (("ul. Zielona 70", "42-256", "Olsztyn"), "Zielonej Górze", True),
        (("ul. Leśna 2", "32-340", "Wolbrom"), "Leśnicy", True),
        (("ul. Polanowice 94", "46-220", "Byczyna"), "Polanowicach", False),
    ],
)
def test_another_towns_street_named_like_the_place_is_elsewhere(
    address: tuple[str, str, str], place: str, elsewhere: bool
) -> None:
    assert _elsewhere(address, place) is elsewhere
