"""The contact lines of an address in another town are not the page owner's (issue 12).

An institution's page often gives the address of a body it refers people to: a ministry's
committee, a regional office. When that address lies in another town than the owner's name
places it in, the numbers and mailboxes on the lines right after it are that body's too,
not the owner's. The owner's own numbers elsewhere on the page stay.

Every case quotes the lines it needs from a real document of the web corpus's tuning half
(`benchmarks/web_corpus`, the id in the case id), under the document's own address.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

B051 = (
    "Procedura kierowania\n"
    "W celu uzyskania informacji na temat skierowania wychowanków do naszej placówki prosimy "
    "o kontakt z dyrektorem Ośrodka Panem Dawidem Gutkiem lub Panią Katarzyną Kilijanek "
    "tel. (081) 886 34 18 w godzinach 7 – 15.\n"
    "Jeżeli chcą Państwo skierować syna do naszej placówki to prosimy o kontakt telefoniczny "
    "81 886 – 34 – 18. Następnie będą musieli Państwo złożyć wniosek do sądu wydającego "
    "postanowienie i do Komisji o umieszczenie w MOW w Puławach.\n"
    "Komisji ds. kierowania nieletnich do MOW\n"
    "Departament Spraw Rodzinnych i Nieletnich\n"
    "Adres: Al. Ujazdowskie 11, 00-950 Warszawa\n"
    "tel. 22 23-90-740, email:  komisja.mow@ms.gov.pl\n"
)


@pytest.mark.parametrize(
    ("url", "text", "owner_name", "kept", "left_out"),
    [
        pytest.param(
            "http://mow.pulawy.pl/kierowanie/",
            B051,
            "Młodzieżowy Ośrodek Wychowawczy w Puławach",  # the gold's names[0], written out
            "886 34 18",
            "23-90-740",
            id="b051-the-ministry-committee-in-warsaw-on-the-page-of-a-mow-in-pulawy",
        ),
    ],
)
def test_contact_lines_of_an_address_elsewhere(
    url: str, text: str, owner_name: str, kept: str, left_out: str
) -> None:
    page = page_text_of_plain(text, url)
    owner = find_page_owner(page)
    assert owner is not None and owner.name == owner_name
    contacts = owner_contacts(page, owner)
    assert any(kept in phone for phone in contacts.phones)
    assert not any(left_out in phone for phone in contacts.phones)
    assert contacts.emails == ()


def test_contact_lines_of_an_address_in_the_owners_town_stay() -> None:
    # the same page with the committee's address moved to Puławy: nothing says it is not
    # the owner's, so its number is kept
    text = B051.replace("00-950 Warszawa", "24-100 Puławy")
    page = page_text_of_plain(text, "http://mow.pulawy.pl/kierowanie/")
    owner = find_page_owner(page)
    assert owner is not None
    assert any("23-90-740" in phone for phone in owner_contacts(page, owner).phones)
