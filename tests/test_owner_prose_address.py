"""Where the page owner works, said in a sentence instead of an address block (issue 12).

"X działa w Łodzi przy ul. Pabianickiej 132": a page without an address block still gives its
owner's street and town in the sentence that names the owner. Only lines naming the owner are
read that way, and only a sentence giving both the street and the town.

Every case quotes the lines it needs from a real document of the web corpus's tuning half
(`benchmarks/web_corpus`, the id in the case id), under the document's own address.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

A059 = (
    "Środowiskowy Dom Samopomocy\n"
    "ŚRODOWISKOWY DOM SAMOPOMOCY prowadzony przez Towarzystwo Przyjaciół Niepełnosprawnych "
    "działa w Łodzi przy ul.  Pabianickiej 132 od poniedziałku do piątku w godz. 8.00 - 16.00.\n"
    "Naszym celem jest zapewnienie osobom chorującym psychicznie oparcia społecznego.\n"
)
A075 = (
    "Obrazek nagłówka\n"
    "Hospicjum stacjonarne pw. św. Jana Bożego\n"
    "Hospicjum Świętego Jana Bożego działa przy ul. Poświęckiej 8 A we Wrocławiu już od 2000 "
    "roku; od roku 2015 roku wchodzi w skład Bonifraterskiego Centrum Zdrowia Sp. z o. o.\n"
    "Hospicjum Świętego Jana Bożego jest prowadzone przez Zakon Bonifratrów.\n"
)


@pytest.mark.parametrize(
    ("url", "text", "street", "town"),
    [
        pytest.param(
            "http://www.tpn.org.pl/szukasz-pomocy/pomoc-dzienna/srodowiskowy-dom-samopomocy/",
            A059,
            "ul. Pabianickiej 132",
            "Łodzi",
            id="a059-town-before-the-street-after-the-body-that-runs-it",
        ),
        pytest.param(
            "http://www.hospicjum.wroclaw.pl/?page_id=218",
            A075,
            "ul. Poświęckiej 8 A",
            "Wrocławiu",
            id="a075-town-after-the-street",
        ),
    ],
)
def test_street_and_town_from_a_sentence_naming_the_owner(
    url: str, text: str, street: str, town: str
) -> None:
    page = page_text_of_plain(text, url)
    owner = find_page_owner(page)
    assert owner is not None
    contacts = owner_contacts(page, owner)
    assert (contacts.street, contacts.postal_code, contacts.locality) == (street, None, town)


def test_a_sentence_without_the_town_gives_no_address() -> None:
    # a075 with the town left out: a street alone does not place the owner
    text = A075.replace(" we Wrocławiu", "")
    page = page_text_of_plain(text, "http://www.hospicjum.wroclaw.pl/?page_id=218")
    owner = find_page_owner(page)
    assert owner is not None
    assert owner_contacts(page, owner).street is None
