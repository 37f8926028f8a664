"""A number written after another street than the owner's is that place's (issue 12).

An institution's news often lists where to turn: "do Noclegowni prowadzonej przez Caritas
Leżajsk, ul. Jarosławska 4, tel. …", "do Szpitala … ul. Leśna 22, tel. …". The body there is
named in a form the mention finder does not read (a dative after "do", a "prowadzonej przez"
phrase), but the street says it: once the owner's own street is known (its address, or a
street on a line naming it), a line that gives another street before its numbers is another
place's. The owner's own line, with its street, keeps its number.

Every case quotes the lines it needs from a real document of the web corpus's tuning half
(`benchmarks/web_corpus`, the id in the case id), under the document's own address.
"""

from __future__ import annotations

import pytest
from helpers import assert_phones_hold

from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

D023_URL = (
    "http://mgops.nowasarzyna.eu/index.php?option=com_content&view=article"
    "&id=659:reaguj-widzc-osob-potrzebujc&catid=39:aktualnoci"
)
D023 = (
    "REAGUJ WIDZĄC OSOBĘ POTRZEBUJĄCĄ!\n"
    "Informacje o potrzebujących prosimy zgłaszać:\n"
    "W ciągu dnia:\n"
    "• do Noclegowni prowadzonej przez Caritas Leżajsk, ul. Jarosławska 4, tel. (17) 240 24 01"
    "- osoby mogą skorzystać z jadłodajni,\n"
    "• do Szpitala p.w. Matki Bożej Pocieszenia w Leżajsku, ul. Leśna 22, tel. (17) 24 04 912, "
    "(17) 24 04 795 lub (17) 24 04 905– osoby wymagające pomocy lekarskiej,\n"
    "Osoby bezdomne mogą zgłosić się do pracowników socjalnych Miejsko – Gminnego Ośrodka "
    "Pomocy Społecznej w Nowej Sarzynie, gdzie uzyskają stosowną pomoc, zależną od potrzeb:\n"
    "Miejsko – Gminny Ośrodek Pomocy Społecznej w Nowej Sarzynie, ul. Łukasiewicza 2, "
    "Tel . 17 71 78 169 (od poniedziałku do piątku w godz. od 7:00 do 15:30).\n"
)


@pytest.mark.parametrize(
    ("url", "text", "kept", "left_out"),
    [
        pytest.param(
            D023_URL,
            D023,
            ["17 71 78 169"],
            ["240 24 01", "24 04 912", "24 04 795", "24 04 905"],
            id="d023-a-shelter-and-a-hospital-listed-by-street-on-an-ops-news-page",
        ),
        pytest.param(
            D023_URL,
            # the same lines with the owner's street on the shelter's line: the owner's (the
            # shelter's name taken out too: a body named by its kind, "Noclegowni … Caritas",
            # makes the line its own, see test_owner_other_kinds.py)
            D023.replace("ul. Jarosławska 4", "ul. Łukasiewicza 2").replace(
                "do Noclegowni prowadzonej przez Caritas Leżajsk, ", ""
            ),
            ["17 71 78 169", "240 24 01"],
            ["24 04 912"],
            id="d023-the-owners-own-street-on-another-line-keeps-its-number",
        ),
        pytest.param(
            D023_URL,
            # the owner's line without its street: no street of the owner is known, so the
            # street rule leaves nothing out; the hospital's numbers stay out all the same, as
            # its line opens with its name ("Szpitala p.w. Matki Bożej Pocieszenia w Leżajsku");
            # the shelter's name taken out as above
            D023.replace("ul. Łukasiewicza 2, ", "").replace(
                "do Noclegowni prowadzonej przez Caritas Leżajsk, ", ""
            ),
            ["240 24 01"],
            ["24 04 912"],
            id="d023-no-street-of-the-owner-known-leaves-the-numbers",
        ),
    ],
)
def test_numbers_after_another_street(
    url: str, text: str, kept: list[str], left_out: list[str]
) -> None:
    page = page_text_of_plain(text, url)
    owner = find_page_owner(page)
    assert owner is not None
    assert owner.name == "Miejsko-Gminny Ośrodek Pomocy Społecznej w Nowej Sarzynie"
    phones = owner_contacts(page, owner).phones
    assert_phones_hold(phones, kept, left_out)
