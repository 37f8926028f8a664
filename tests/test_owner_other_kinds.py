"""A body named by its kind alone before a number is that body's (issue 12).

An OPS's news page (tune d017 of the web corpus, `benchmarks/web_corpus`) says "Potrzebujesz
nieodpłatnej pomocy prawnej - umów się na poradę," / "zadzwoń pod nr tel. 77 408 50 94 , od
poniedziałku do środy …": the booking line of the county's legal-aid point, which the mention
finder does not read as a body ("nieodpłatnej pomocy prawnej" names a service, not an
institution's name), so the number went to the OPS. Bodies a page names by their kind alone
("Policja", "Caritas", "Noclegownia", "punkt nieodpłatnej pomocy prawnej") now make a line
another body's when they come before its number (or the line has none and its sentence goes
on to the number's line), unless the owner's own name is of that kind. Each case quotes the
lines it needs from the real document, under its own address.
"""

from __future__ import annotations

import pytest
from helpers import assert_phones_hold

from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner, find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

D017_URL = "https://www.ops-nysa.pl/aktualnosci?start=55"
D017 = (
    "Aktualności\n"
    "W trosce o zdrowie klientów i pracowników OPS prosimy o zachowanie bezpiecznych zasad:\n"
    "Potrzebujesz nieodpłatnej pomocy prawnej - umów się na poradę,\n"
    "zadzwoń pod nr tel. 77 408 50 94 , od poniedziałku do środy w godz. 09:00-11:00\n"
    "W Ośrodku Pomocy Społecznej w Nysie, przy zachowaniu wymogów sanitarnych, będzie "
    "możliwość osobistego załatwiania spraw, tel. 77 433 24 12.\n"
)
D023_URL = (
    "http://mgops.nowasarzyna.eu/index.php?option=com_content&view=article"
    "&id=659:reaguj-widzc-osob-potrzebujc&catid=39:aktualnoci"
)
D023 = (
    "REAGUJ WIDZĄC OSOBĘ POTRZEBUJĄCĄ!\n"
    "Informacje o potrzebujących prosimy zgłaszać:\n"
    "W ciągu dnia:\n"
    "• do Noclegowni prowadzonej przez Caritas Leżajsk, ul. Łukasiewicza 2, tel. (17) 240 24 01"
    "- osoby mogą skorzystać z jadłodajni,\n"
    "Miejsko – Gminny Ośrodek Pomocy Społecznej w Nowej Sarzynie, ul. Łukasiewicza 2, "
    "Tel . 17 71 78 169 (od poniedziałku do piątku w godz. od 7:00 do 15:30).\n"
)
OWNER = PageOwner("Ośrodek Pomocy Społecznej w Nysie", 5, (), (4,))


@pytest.mark.parametrize(
    ("text", "owner", "kept", "left_out"),
    [
        pytest.param(
            D017, OWNER, ["77 433 24 12"], ["77 408 50 94"], id="d017-legal-aid-booking-line"
        ),
        pytest.param(
            D017.replace("Potrzebujesz nieodpłatnej pomocy prawnej", "Potrzebujesz porady"),
            OWNER,
            ["77 408 50 94", "77 433 24 12"],
            [],
            id="d017-a-sentence-naming-no-body-keeps-the-owners-number",
        ),
        pytest.param(
            D017.replace(
                "zadzwoń pod nr tel. 77 408 50 94 , od poniedziałku do środy w godz. 09:00-11:00",
                "Policja – tel. 77 408 50 94",
            ).replace("na poradę,", "na poradę."),
            OWNER,
            ["77 433 24 12"],
            ["77 408 50 94"],
            id="d017-the-police-named-before-the-number",
        ),
        pytest.param(
            D017.replace(
                "zadzwoń pod nr tel. 77 408 50 94 , od poniedziałku do środy w godz. 09:00-11:00",
                "zadzwoń pod nr tel. 77 408 50 94 lub zgłoś się na Policję",
            ).replace("na poradę,", "na poradę."),
            OWNER,
            ["77 408 50 94", "77 433 24 12"],
            [],
            id="d017-a-body-named-after-the-number-leaves-it",
        ),
        pytest.param(
            D017.replace(
                "zadzwoń pod nr tel. 77 408 50 94 , od poniedziałku do środy w godz. 09:00-11:00",
                "Kierunki policealne – tel. 77 408 50 94",
            ).replace("na poradę,", "na poradę."),
            OWNER,
            ["77 408 50 94", "77 433 24 12"],
            [],
            id="d017-post-secondary-courses-are-no-police",
        ),
        pytest.param(
            D017,
            PageOwner("Punkt Nieodpłatnej Pomocy Prawnej w Nysie", 5, (), (4,)),
            ["77 408 50 94"],
            [],
            id="d017-the-owners-own-kind-keeps-its-number",
        ),
    ],
)
def test_a_body_named_by_its_kind(
    text: str, owner: PageOwner, kept: list[str], left_out: list[str]
) -> None:
    page = page_text_of_plain(text, D017_URL)
    phones = owner_contacts(page, owner).phones
    assert_phones_hold(phones, kept, left_out)


def test_d023_a_shelter_named_by_its_kind_on_the_owners_street() -> None:
    """Tune d023's lines with the owner's street written on the shelter's line ("do Noclegowni
    prowadzonej przez Caritas Leżajsk, ul. Łukasiewicza 2, tel. (17) 240 24 01"): the street
    rule keeps the line, the shelter named by its kind before the number does not."""
    page = page_text_of_plain(D023, D023_URL)
    owner = find_page_owner(page)
    assert owner is not None
    phones = owner_contacts(page, owner).phones
    assert any("17 71 78 169" in phone for phone in phones), phones
    assert not any("240 24 01" in phone for phone in phones), phones
