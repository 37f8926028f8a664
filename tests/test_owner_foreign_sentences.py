"""A unit named by its initials, and the sentence that goes on to its numbers (issue 12).

A city's MOPR announces a new unit: "Nowe Centrum Pracy Socjalnej nr 9 …", then "CPS nr 9
działać będzie w dni powszednie, w godzinach od 7.30 do 15.30," / "kontakt: tel. 58 304 36
50, tel./fax. 58 304 36 51." (tune a088 of the web corpus, `benchmarks/web_corpus`). The
mention finder does not read "CPS nr 9", and the contact line names nobody, so the unit's
numbers went to the MOPR. Now a line naming, by their initials, a body the page names in full
is that body's, and so is the next line when it carries on that line's sentence (the line
ends in a comma, a semicolon or a dash, the next starts in lower case). The owner's own
initials, and a line after a finished sentence, stay the owner's; so do the "tel." lines
under a department heading that another body's block governs (see the bialarawska case of
`test_owner_department_lines.py`): only a sentence naming another body goes on.

Each case quotes the lines it needs from the real document, under its own address.
"""

from __future__ import annotations

import pytest
from helpers import assert_phones_hold

from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.page_text import page_text_of_plain

A088_URL = (
    "https://mopr.gda.pl/nowe-centrum-pracy-socjalnej-nr-9-juz-1-marca-gdansku-uwaga-klienci/"
)
A088 = (
    "Nowe Centrum Pracy Socjalnej nr 9 już od 1 marca w Gdańsku – uwaga klienci!\n"
    "Od 1 marca przy ulicy Piekarniczej 16 rusza nowe, dziewiąte Centrum Pracy Socjalnej "
    "Miejskiego Ośrodka Pomocy Rodzinie w Gdańsku.\n"
    "Dodajmy, że pracownicy socjalni prowadzą akcję informującą podopiecznych z wymienionych "
    "dzielnic, o zmianach.\n"
    "CPS nr 9 działać będzie w dni powszednie, w godzinach od 7.30 do 15.30,\n"
    "kontakt: tel. 58 304 36 50, tel./fax. 58 304 36 51.\n"
)
OWNER = PageOwner("Miejski Ośrodek Pomocy Rodzinie w Gdańsku", 5, (), (1,))


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        pytest.param(
            A088,
            [],
            ["58 304 36 50", "58 304 36 51"],
            id="a088-the-units-initials-and-its-sentence-going-on",
        ),
        pytest.param(
            A088.replace("15.30,\n", "15.30.\n").replace("kontakt: tel.", "Kontakt: tel."),
            ["58 304 36 50"],
            [],
            id="a088-a-finished-sentence-leaves-the-next-line-the-owners",
        ),
        pytest.param(
            A088.replace("CPS nr 9 działać", "MOPR działać"),
            ["58 304 36 50", "58 304 36 51"],
            [],
            id="a088-the-owners-own-initials-keep-its-numbers",
        ),
    ],
)
def test_a_units_initials_and_its_sentence(text: str, kept: list[str], left_out: list[str]) -> None:
    page = page_text_of_plain(text, A088_URL)
    phones = owner_contacts(page, OWNER).phones
    assert_phones_hold(phones, kept, left_out)
