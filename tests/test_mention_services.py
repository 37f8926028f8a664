"""Round 13 of issue #12: services a page names by their kind alone, read by the mention
module (`extractors.mention_services`), and a number after such a name on a subject's page
left to that service (`extractors.html_pages.owner_lines.other_kind_lines`, which read these
names with a regular expression of its own before).

Each case quotes the lines of a fresh public page on a host the web corpus does not hold
(its address in the case id or docstring), or of tune d017 (`tests/test_owner_other_kinds.py` keeps that
page's cases): a city's list of numbers for the homeless ("Policja: 32 269 85 10"), a shelter
named by its kind before its number, the page of an OPS in a town whose name begins like the
police's ("Ośrodek Pomocy Społecznej w Policach").
"""

from __future__ import annotations

import pytest
from helpers import assert_phones_hold

from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.mention_services import find_services, of_owners_kind

CZELADZ_URL = "https://www.czeladz.pl/aktualnosci/lista_aktualnosci/Pomoc-bezdomnym/idn:455"
CZELADZ = (
    "Pomoc bezdomnym\n"
    "Informujemy, że pod numerami telefonów:\n"
    "- Miejski Ośrodek Pomocy Społecznej: 32 265 14 42, 32 265 68 11, 530 771 121\n"
    "- Straż Miejska: 32 763 79 64\n"
    "- Policja: 32 269 85 10\n"
    "można zgłaszać zarówno swoją pomoc lub wskazać tych, którzy tej pomocy potrzebują.\n"
)
CIESZYN_URL = (
    "https://cieszynonline.pl/20251031800877/"
    "mops-prosi-o-czujnosc-przed-mrozami-gdzie-zglaszac-osoby-bezdomne-w-cieszynie"
)
CIESZYN = (
    "Miejski Ośrodek Pomocy Społecznej w Cieszynie apeluje o zwracanie uwagi na osoby"
    " bezdomne i szybkie zgłaszanie potrzebujących.\n"
    "Kontakt z Miejskim Ośrodkiem Pomocy Społecznej: ul. Skrajna 5, tel. 33 479-49-00.\n"
    "Schronisko i noclegownia dla osób bezdomnych: ul. Błogocka 30, tel. 33 851-44-30.\n"
)
POLICE_URL = "http://ops.police.pl/Home/Article/218"
POLICE = (
    "Ośrodek Pomocy Społecznej w Policach\n"
    "ul. Siedlecka 2A IV piętro pokój nr 432 lub sekretariat\n"
    "tel. 91 42 43 840 lub 91 42 43 862\n"
    "Policja: 91 424 75 11\n"
)
# Round 20b (branch numbers21): contacts_fresh v001 and v005, blind pages of other bodies'
# numbers beside a gmina's own.
PROSTKI_URL = (
    "http://prostki.pl/wiadomosci/1/wiadomosc/170000/"
    "komunikat_wojta_gminy_prostki_z_dnia_16032020_r"
)
PROSTKI = (
    "3. Kontakt z Urzędem Gminy i jednostkami gminnymi należy ograniczyć do minimum. Wizyta"
    " musi być poprzedzona kontaktem telefonicznym:\n"
    "- Urząd Gminy:\n"
    "• Wójt, sekretarz i sekretariat: 87 611 20 12\n"
    "- Gminny Ośrodek Pomocy Społecznej: 87 611 28 68\n"
    "- Przedsiębiorstwo Usług Komunalnych Sp. z o.o.: 87 611 20 78\n"
    "4. Jeśli w ciągu ostatnich 14 dni byłeś w miejscu gdzie występuje koronawirus i"
    " zaobserwowałeś u siebie objawy: GORĄCZKA, KASZEL, DUSZNOŚĆ I PROBLEMY Z ODDYCHANIEM"
    " bezzwłocznie powiadom stację sanitarno-epidemiologiczną w Ełku: 603 058 000 lub"
    " 87 621 77 50 lub Infolinia krajowa: 800 190 590, gdzie udzielą dalszych wskazówek.\n"
)
# contacts_fresh n018 (round 15), a GKRPA's page: a shared-cost 801 line under "Telefony
# Zaufania" is a national helpline's, as the toll-free 800 line above it.
OTYN_URL = "http://www.otyn.pl/PL/3234/GKRPA/"
OTYN = (
    "Gminna Komisja ds. Profilaktyki i Rozwiązywania Problemów Alkoholowych w Otyniu\n"
    "tel. 68-3559417\n"
    "Telefony Zaufania\n"
    "Narkomania\n"
    "800 199 990\n"
    "czynny codziennie\n"
    "w godz. 16-21\n"
    "Uzależnienia behawioralne\n"
    "801 889 880\n"
)
STAWIGUDA_URL = "http://old.stawiguda.pl/182/alarmowanie-ostrzeganie"
STAWIGUDA = (
    "Oficjalny serwis\n"
    "Gminy Stawiguda\n"
    "Stopnie alarmowe\n"
    " Agencja Bezpieczeństwa Wewnętrznego\n"
    "(22) 585 79 10\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("- Policja: 32 269 85 10", ["Policja"], id="czeladz-the-police"),
        pytest.param("- Straż Miejska: 32 763 79 64", ["Straż"], id="czeladz-the-city-guard"),
        pytest.param(
            "Schronisko i noclegownia dla osób bezdomnych: ul. Błogocka 30, tel. 33 851-44-30.",
            ["Noclegownia", "Noclegownia"],
            id="cieszyn-a-shelter-by-its-kind",
        ),
        pytest.param(
            "Potrzebujesz nieodpłatnej pomocy prawnej - umów się na poradę,",
            ["Punkt Nieodpłatnej Pomocy Prawnej"],
            id="d017-free-legal-aid-in-lower-case",
        ),
        pytest.param("Kierunki policealne – tel. 77 408 50 94", [], id="guard-post-secondary"),
        pytest.param(
            "bezzwłocznie powiadom stację sanitarno-epidemiologiczną w Ełku: 603 058 000",
            ["Sanepid"],
            id="v001-the-sanepid-by-its-common-noun",
        ),
        pytest.param(
            "- Przedsiębiorstwo Usług Komunalnych Sp. z o.o.: 87 611 20 78",
            ["Przedsiębiorstwo"],
            id="v001-a-firm",
        ),
        pytest.param(" Agencja Bezpieczeństwa Wewnętrznego", ["Agencja"], id="v005-a-state-agency"),
    ],
)
def test_services_named_by_their_kind(line: str, expected: list[str]) -> None:
    assert [m.nominative for m in find_services(line)] == expected


def test_a_town_that_begins_like_a_kind_is_no_owner_of_that_kind() -> None:
    police = find_services("Policja: 91 424 75 11")[0]
    assert not of_owners_kind(police, "Ośrodek Pomocy Społecznej w Policach")
    assert of_owners_kind(police, "Komenda Powiatowa Policji w Policach")


def test_a_two_word_kind_needs_both_words_in_the_owners_name() -> None:
    """czeladz.pl is the city's portal: its "Straż Miejska" line is the city guard's, though
    the city's office is "Miejski" too."""
    guard = find_services("- Straż Miejska: 32 763 79 64")[0]
    assert not of_owners_kind(guard, "Urząd Miejski w Czeladzi")
    assert of_owners_kind(guard, "Straż Miejska w Czeladzi")


@pytest.mark.parametrize(
    ("text", "url", "owner", "kept", "left_out"),
    [
        pytest.param(
            CZELADZ,
            CZELADZ_URL,
            PageOwner("Miejski Ośrodek Pomocy Społecznej w Czeladzi", 5, (), (2,)),
            ["32 265 14 42"],
            ["32 269 85 10", "32 763 79 64"],
            id="czeladz-the-police-and-guard-numbers",
        ),
        pytest.param(
            CIESZYN,
            CIESZYN_URL,
            PageOwner("Miejski Ośrodek Pomocy Społecznej w Cieszynie", 5, (), (0, 1)),
            ["33 479-49-00"],
            ["33 851-44-30"],
            id="cieszyn-the-shelters-number",
        ),
        pytest.param(
            POLICE,
            POLICE_URL,
            PageOwner("Ośrodek Pomocy Społecznej w Policach", 5, (), (0,)),
            ["91 42 43 840"],
            ["91 424 75 11"],
            id="police-the-owners-town-is-no-police",
        ),
        pytest.param(
            PROSTKI,
            PROSTKI_URL,
            PageOwner("Urząd Gminy Prostki", 5, (), (0, 1)),
            ["87 611 20 12"],
            ["87 611 20 78", "603 058 000", "87 621 77 50"],
            id="v001-a-firm-and-the-sanepid-beside-the-gminas-own-line",
        ),
        pytest.param(
            STAWIGUDA,
            STAWIGUDA_URL,
            PageOwner("Urząd Gminy Stawiguda", 5, (), (1,)),
            [],
            ["585 79 10"],
            id="v005-a-state-agency-heading-its-number",
        ),
        pytest.param(
            OTYN,
            OTYN_URL,
            PageOwner(
                "Gminna Komisja ds. Profilaktyki i Rozwiązywania Problemów Alkoholowych w Otyniu",
                5,
                (),
                (0,),
            ),
            ["68-3559417"],
            ["800 199 990", "801 889 880"],
            id="n018-a-shared-cost-line-is-a-national-helplines",
        ),
    ],
)
def test_a_services_number_is_not_the_subjects(
    text: str, url: str, owner: PageOwner, kept: list[str], left_out: list[str]
) -> None:
    phones = owner_contacts(page_text_of_plain(text, url), owner).phones
    assert_phones_hold(phones, kept, left_out)
