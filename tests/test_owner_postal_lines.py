"""The subject's postal code from its own address lines (issue 12, round 17).

Two forms the address reader missed, each quoted from a real fresh page (the set and id in the
case id, the page's own address as its URL):

- **a bare street after an address label** (`extractors.contacts.find_addresses`): "… w
  budynku pod adresem: Kończewice 4, 82-213 Miłoradz." A village's address has no "ul." to tell
  it from any "Word 12" in prose, so it was read only at a line's start; an address label
  ("Adres:", "Siedziba:", "pod adresem:") says as much as the line's start does.
- **the owner's address on a line that names another body after it**
  (`extractors.html_pages.owner_lines.owner_contacts`): a statute's "Siedziba przedszkola
  znajduje się pod adresem:" / "71-220 Bezrzecze, ul. Aloesowa 17, … - Nadzór pedagogiczny
  nad przedszkolem sprawuje Zachodniopomorski Kurator Oświaty w Szczecinie". The line is
  another body's for its numbers, so its address was dropped with it; the address written
  before that body is named is not that body's, and is taken when no line of the owner's
  gives one. A line naming the other body before the address ("odbywa się w Powiatowym
  Zespole do Spraw Orzekania o Niepełnosprawności mieszczącym się w: 44-200 Rybnik, ul.
  Raciborska 20") still gives none.
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_addresses
from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.page_text import page_text_of_plain


@pytest.mark.parametrize(
    ("line", "address"),
    [
        pytest.param(
            " 4. ŚDS jest zlokalizowany w budynku pod adresem: Kończewice 4, 82-213 Miłoradz.",
            ("Kończewice 4", "82-213", "Miłoradz"),
            id="owner_fresh-m014-village-address-after-pod-adresem",
        ),
        pytest.param(
            "Adres jednostki: 97-400 Bełchatów, ul. Bawełniana 3",
            ("ul. Bawełniana 3", "97-400", "Bełchatów"),
            id="contacts_fresh-r006-bip-table-postal-line-first",
        ),
        pytest.param(
            "Siedziba GKRPA/adres do korespondencji – Gminna Komisja Rozwiązywania Problemów "
            "Alkoholowych w Chrząstowicach",
            None,
            id="label-without-an-address",
        ),
        pytest.param(
            "Adres e-mail: sekretariat@gops-stegna.pl",
            None,
            id="contacts_fresh-r004-mailbox-label",
        ),
    ],
)
def test_an_address_after_an_address_label(line: str, address: tuple[str, str, str] | None) -> None:
    assert next(iter(find_addresses(line)), None) == address


R016 = (
    "Statut przedszkola niepublicznego:\n"
    "Strefy kreatywnego rozwoju małego człowieka\n"
    "„Nasza Bajka”\n"
    "Niniejszy statut określa zasady funkcjonowania, cele i zadania placówki oświatowej, "
    "zwanej w dalszej treści przedszkolem, którego pełna nazwa brzmi:\n"
    "Strefa kreatywnego rozwoju małego człowieka „Nasza bajka” - Przedszkole jest placówką "
    "niepubliczną, spełniającą wymagania placówki publicznej w zakresie odbywania przez "
    "dzieci obowiązku rocznego przygotowania przedszkolnego.\n"
    "- Organem prowadzącym przedszkole jest Małgorzata Błaszkiewicz,\n"
    "zamieszkała: 71-206 Szczecin, ul. Frontowa 1. - Siedziba przedszkola znajduje się pod "
    "adresem:\n"
    "71-220 Bezrzecze, ul. Aloesowa 17, gmina Dobra, województwo – zachodniopomorskie. - "
    "Nadzór pedagogiczny nad przedszkolem sprawuje Zachodniopomorski Kurator Oświaty w "
    "Szczecinie.\n"
)
N025 = (
    "DODATKOWE INFORMACJE DLA OSÓB NIEPEŁNOSPRAWNYCH\n"
    "ORZEKANIE O (STOPNIU) NIEPEŁNOSPRAWNOŚCI\n"
    "odbywa się w Powiatowym Zespole do Spraw Orzekania o Niepełnosprawności mieszczącym się "
    "w: 44-200 Rybnik, ul. Raciborska 20 tel. 32 42 37 202\n"
    "Zespół wydaje orzeczenia o:\n"
)


@pytest.mark.parametrize(
    ("url", "text", "name", "address"),
    [
        pytest.param(
            "https://bezrzecze.naszabajka.pl/statut-przedszkola-niepublicznego",
            R016,
            "Przedszkole „Nasza Bajka” w Bezrzeczu",
            ("ul. Aloesowa 17", "71-220", "Bezrzecze"),
            id="contacts_fresh-r016-seat-before-the-supervising-body",
        ),
        pytest.param(
            "http://www.pcpr.rybnik.pl/28/",
            N025,
            "Powiatowe Centrum Pomocy Rodzinie w Rybniku",
            (None, None, None),
            id="contacts_fresh-n025-address-after-the-other-body",
        ),
    ],
)
def test_the_owners_address_before_another_body_on_its_line(
    url: str, text: str, name: str, address: tuple[str | None, str | None, str | None]
) -> None:
    page = page_text_of_plain(text, url)
    owner = PageOwner(name=name, score=0, evidence=("judged",), lines=())
    contacts = owner_contacts(page, owner)
    assert (contacts.street, contacts.postal_code, contacts.locality) == address
