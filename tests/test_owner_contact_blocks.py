"""Whose numbers on a page of many bodies' contacts (issue 12, round 15).

Fresh pages (`benchmarks/contacts_fresh`, read blind before the extractor ran) give the
owner's numbers beside other bodies' in three general ways the owner-lines path
(`extractors.html_pages.owner_lines`) got wrong, each case quoting the lines it needs from the
real page under its own address:

- **a list of emergency and service numbers** ("Pogotowie Ratunkowe – 999" … "Pogotowie
  Wodociągowe – 691523970" … "Wspólny numer alarmowy – 112" on a gmina's page): the list's
  lines are the services', whether or not the finder reads their names;
- **another body's contact block reaching past four lines** (a county veterinary inspectorate's
  heading, its address, hours, alarm line, mailbox, then "tel.: …" and "Fax.: …" six and seven
  lines below it), and a block opened by a sentence naming another body followed by its
  address ("… można uzyskać w Gminnym Ośrodku Pomocy Społecznej w Otyniu …" / "Niedoradz, ul.
  Kochanowskiego 8A" / … / "Kontakt telefoniczny:" / "68-3559418");
- **a village's address under its post town** ("46-220 Byczyna | ul. Polanowice 94 | tel.
  +48774144621" for "CIS CISPOL w Polanowicach"): a street named like the owner's place is not
  another town's address, so its number is the owner's.
"""

from __future__ import annotations

import pytest
from helpers import assert_owner_numbers, owner_numbers  # tests/ helper module

from extractors.html_pages import owner_lines
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.service_number_lines import emergency_numbers

WIERZCHOSLAWICE_URL = (
    "https://wierzchoslawice.pl/dla-mieszkanca/zarzadzanie-kryzysowe-i-obrona-cywilna/"
)
WIERZCHOSLAWICE = (
    "Logo Biuletynu Informacji Publicznej Gminy Wierzchosławice\n"
    "Zarządzanie kryzysowe i obrona cywilna\n"
    "TELEFONY ALARMOWE:\n"
    " • Pogotowie Ratunkowe – 999\n"
    " • Straż Pożarna – 998\n"
    " • Policja – 997\n"
    " • Pogotowie Gazowe – 992\n"
    " • Pogotowie Energetyczne – 991\n"
    " • Pogotowie Wodociągowe – 691523970\n"
    " • Wspólny numer alarmowy – 112\n"
    "Urząd Gminy Wierzchosławice, tel. 14 679 60 05\n"
)
ROKIETNICA_URL = "https://rokietnica.pl/zarzadzanie-kryzysowe/"
ROKIETNICA = (
    "ZARZĄDZANIE KRYZYSOWE\n"
    "WAŻNE TELEFONY:\n"
    "Wójt:  61 89 60 634\n"
    "POWIATOWY INSPEKTORAT WETERYNARII\n"
    "ul. Grunwaldzka 250, 60-166 Poznań\n"
    "Biuro czynne: poniedziałek 7:00 – 17:00; wtorek – piątek 7:00 – 15:00\n"
    "Po godzinach urzędowania, w nagłych sprawach – telefon alarmowy:  733 830 390\n"
    "Sekretariat: e-mail: sekretariat@piw.poznan.pl\n"
    "tel.: 61 868 97 19, 61 868 93 47\n"
    "Fax.: 61 868 01 99\n"
)
OTYN_URL = "http://www.otyn.pl/PL/3234/GKRPA/"
OTYN = (
    "Gminna Komisja ds. Profilaktyki i Rozwiązywania Problemów Alkoholowych w Otyniu\n"
    "Kontakt\n"
    "Dane teleadresowe:\n"
    "Gminna Komisja ds. Profilaktyki i Rozwiazywania Problemów Alkoholowych w Otyniu\n"
    "ul. Rynek 1\n"
    "67-106 Otyń\n"
    "tel. 68-3559417\n"
    "Ponadto pomoc i niezbędne informacje można uzyskać w Gminnym Ośrodku Pomocy Społecznej"
    "                       w Otyniu z siedzibą w Niedoradzu\n"
    "Niedoradz, ul. Kochanowskiego 8A\n"
    "67-106 Otyń \n"
    "Kontakt telefoniczny: \n"
    "68-3559418\n"
)
BYCZYNA_URL = "http://cispol.byczyna.pl/35/73/zasady-kierowania-do-cis.html"
BYCZYNA = (
    "Zasady kierowania do CIS\n"
    "3. Dyrektor Centrum przyjmuje osobę skierowaną do Centrum po podpisaniu z nią "
    "indywidualnego programu zatrudnienia socjalnego.\n"
    "Centrum Integracji Społecznej CISPOL w Polanowicach\n"
    "46-220 Byczyna | ul. Polanowice 94 | tel. +48774144621\n"
    "Deklaracja dostępności\n"
)


@pytest.mark.parametrize(
    ("text", "url", "owner", "kept", "left_out"),
    [
        pytest.param(
            WIERZCHOSLAWICE,
            WIERZCHOSLAWICE_URL,
            PageOwner("Urząd Gminy Wierzchosławice", 5, (), (10,)),
            ["14 679 60 05"],
            ["691523970"],
            id="wierzchoslawice-a-service-in-a-list-of-emergency-numbers",
        ),
        pytest.param(
            WIERZCHOSLAWICE.replace(" • Policja – 997\n", "")
            .replace(" • Pogotowie Ratunkowe – 999\n • Straż Pożarna – 998\n", "")
            .replace(" • Pogotowie Gazowe – 992\n • Pogotowie Energetyczne – 991\n", ""),
            WIERZCHOSLAWICE_URL,
            PageOwner("Urząd Gminy Wierzchosławice", 5, (), (5,)),
            # one emergency number makes no list; "Pogotowie Wodociągowe" names a service by
            # its kind (contacts19), so its number is still the service's, by its label
            ["14 679 60 05"],
            ["691523970"],
            id="wierzchoslawice-one-emergency-number-makes-no-list",
        ),
        pytest.param(
            WIERZCHOSLAWICE,
            WIERZCHOSLAWICE_URL,
            PageOwner("Urząd Gminy Wierzchosławice", 5, (), ()),
            ["14 679 60 05"],
            ["691523970"],
            id="wierzchoslawice-the-owner-named-after-the-list-is-no-service",
        ),
        pytest.param(
            "Kontakt – tel. 883 104 999\nOśrodek Pomocy Społecznej w Bobowej\n",
            "http://opsbobowa.pl/",
            PageOwner("Ośrodek Pomocy Społecznej w Bobowej", 5, (), (1,)),
            ["883 104 999"],
            [],
            id="a-number-ending-in-999-is-no-emergency-number",
        ),
        pytest.param(
            ROKIETNICA,
            ROKIETNICA_URL,
            PageOwner("Urząd Gminy Rokietnica", 5, (), ()),
            ["61 89 60 634"],
            ["733 830 390", "61 868 97 19", "61 868 93 47", "61 868 01 99"],
            id="rokietnica-another-bodys-contact-block-past-four-lines",
        ),
        pytest.param(
            ROKIETNICA
            + "W sprawach zarządzania kryzysowego prosimy o kontakt z Urzędem Gminy Rokietnica:\n"
            + "Sekretariat: e-mail: sekretariat@rokietnica.pl\n"
            + "tel. 61 89 60 600\n",
            ROKIETNICA_URL,
            PageOwner("Urząd Gminy Rokietnica", 5, (), ()),
            ["61 89 60 600"],
            ["61 868 97 19"],
            id="rokietnica-made-up-the-owner-named-after-the-block-ends-it",
        ),
        pytest.param(
            OTYN,
            OTYN_URL,
            PageOwner(
                "Gminna Komisja ds. Profilaktyki i Rozwiązywania Problemów Alkoholowych w Otyniu",
                5,
                (),
                (0, 3),
            ),
            ["68-3559417"],
            ["68-3559418"],
            id="otyn-a-sentence-naming-another-body-then-its-address",
        ),
        pytest.param(
            BYCZYNA,
            BYCZYNA_URL,
            PageOwner("Centrum Integracji Społecznej CISPOL w Polanowicach", 5, (), (2,)),
            ["+48774144621"],
            [],
            id="byczyna-a-village-street-under-its-post-town",
        ),
        pytest.param(
            BYCZYNA.replace("ul. Polanowice 94", "ul. Opolska 94"),
            BYCZYNA_URL,
            PageOwner("Centrum Integracji Społecznej CISPOL w Polanowicach", 5, (), (2,)),
            [],
            ["+48774144621"],
            id="byczyna-another-towns-street-stays-elsewhere",
        ),
        pytest.param(
            BYCZYNA.replace("ul. Polanowice 94", "ul. Polanowicka 94"),
            BYCZYNA_URL,
            PageOwner("Centrum Integracji Społecznej CISPOL w Polanowicach", 5, (), (2,)),
            [],
            ["+48774144621"],
            id="byczyna-a-street-named-after-the-place-in-another-town-stays-elsewhere",
        ),
    ],
)
def test_whose_numbers(
    text: str, url: str, owner: PageOwner, kept: list[str], left_out: list[str]
) -> None:
    assert_owner_numbers(text, url, owner, kept, left_out)


# A short number that is part of another number or names a room is no emergency number, so
# its line stays the owner's: lines of ../shared/data (the html fixtures' data blocks and a
# law's citation, a post office's address from other_institutions); the room is made up.
@pytest.mark.parametrize(
    ("line", "emergency"),
    [
        pytest.param("NIP:775-21-94-996", False, id="oswkutno-a-tax-number-s-last-group"),
        pytest.param("NIP:598-14-89-999", False, id="szkolasmogory-a-tax-number-s-last-group"),
        pytest.param("ul. Władysława Sikorskiego 2, 72-112 Stepnica", False, id="a-postal-code"),
        pytest.param("(Dz. U. z 2001 r. Nr 112, poz. 1198)", False, id="a-law-journal-s-number"),
        pytest.param("Sekretariat – pokój nr 112", False, id="made-up-a-room"),
        pytest.param(" • Straż Pożarna – 998", True, id="wierzchoslawice-a-service"),
        pytest.param("(tel. 997)", True, id="a-number-in-brackets"),
    ],
)
def test_an_emergency_number_is_a_number_of_its_own(line: str, emergency: bool) -> None:
    assert bool(emergency_numbers(line)) is emergency


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("ul. Władysława Sikorskiego 2, 72-112 Stepnica, tel. 91 418 80 00", id="post"),
        pytest.param("Sekretariat, pokój nr 112, tel. 91 418 80 00", id="made-up-room"),
    ],
)
def test_the_owner_s_number_beside_a_postal_code_or_a_room_stays_its_own(line: str) -> None:
    owner = PageOwner("Gminny Ośrodek Pomocy Społecznej w Stepnicy", 5, (), (0,))
    text = f"Gminny Ośrodek Pomocy Społecznej w Stepnicy\n{line}\n"
    assert "91 418 80 00" in owner_numbers(text, "https://gops.stepnica.pl/kontakt", owner)


# A street word opens an address line only as a word of its own: "Placówka …" or "Ulicami
# miasta …" (made up) are no address, while "Plac Wolności 1" and "ul. Polna 3" are.
@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("Placówka Wsparcia Dziennego prowadzi zajęcia", False),
        ("Ulicami miasta przejdzie korowód", False),
        ("Plac Wolności 1", True),
        ("ul. Polna 3", True),
        ("Osiedle Słoneczne 4", True),
        ("26-110 Skarżysko-Kamienna", True),
    ],
)
def test_a_street_word_opens_an_address_line_only_as_a_word(line: str, address: bool) -> None:
    assert owner_lines._block_line(line) is address
