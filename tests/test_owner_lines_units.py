"""Whose numbers: the owner's departments, the body an owner works at, a service's heading
(issue 12, round 18, branch contacts19).

Each case quotes the lines it needs from a real page under its own address:

- **a table of the owner's departments** (tune g001 of `benchmarks/web_corpus`, a PCPR's BIP
  contact table read one cell a line: "Nazwa działu" / "Nr. telefonu" / "Nr. pokoju" /
  "Zespół do Spraw Orzekania o Niepełnosprawności" / "85 8332677" / "1" / "Inspektorzy ds.
  obsługi PFRON" / "85 8699903" …): a row naming a body ("Zespół do Spraw Orzekania …",
  "PFRON") made its number another body's; in a table whose header says its rows are
  departments, every row is the owner's;
- **a service's heading over several number lines** (fresh n034 of
  `benchmarks/contacts_fresh`, a gmina's "WAŻNE TELEFONY": "POGOTOWIE WODNO-KANALIZACYJNE" /
  "Zgłaszanie awarii …:" / "502 664 658 całodobowo" / "61 81 45 351 całodobowo"; "POGOTOWIE
  ENERGETYCZNE REJON SZAMOTUŁY" / "tel. 61 29 28 100" / "Dyżurny tel. 61-2928215"): the
  utilities' emergency services are services by their kind, and their heading governs the run
  of number lines under it, over one label line;
- **the body an owner's name says it works at** ("Ośrodek Interwencji Kryzysowej przy MOPS",
  fresh n010, https://mops-myslowice.pl/?page_id=40): the host's name is a subset of the
  owner's, so a line naming the host was the owner's. n010 itself gives no host's number; the
  host's line below is made up on its wording (no fresh page found with one, about ten
  `search` queries), and says so in its id.
"""

from __future__ import annotations

import pytest
from helpers import assert_owner_numbers  # tests/ helper module

from extractors.contacts import find_phone_entries
from extractors.html_pages.department_tables import department_table_lines
from extractors.html_pages.page_owner import PageOwner

BIELSK_URL = (
    "http://www.pcprbielskpodlaski.pl/niepelnosprawnosc/asystent-osobisty-osoby-"
    "niepelnosprawnej/2023/itemlist/category/51-administracyjne"
)
BIELSK = (
    "Wersja Kontrastowa\n"
    "Nazwa działu\n"
    "Nr. telefonu\n"
    "Nr. pokoju\n"
    "Zespół do Spraw Orzekania o Niepełnosprawności\n"
    "85 8332677\n"
    "1\n"
    "Inspektorzy ds. obsługi PFRON\n"
    "85 8699903\n"
    "4\n"
    "Główny księgowy\n"
    "85 8699906\n"
    "209\n"
    "Sekretariat\n"
    "85 8332676\n"
    "email: pcpr@powiatbielski.pl\n"
    "Informacja dla obywateli Ukrainy szukających schronienia na terenie Powiatu Bielskiego\n"
    "Potrzebujesz pomocy? Zgłoś się do Powiatowego Centrum Pomocy Rodzinie w Bielsku "
    "Podlaskim, pomagamy w następujących sprawach:\n"
)
ROKIETNICA_URL = "https://rokietnica.pl/zarzadzanie-kryzysowe/"
ROKIETNICA = (
    "ZARZĄDZANIE KRYZYSOWE\n"
    "WAŻNE TELEFONY:\n"
    "Wójt:  61 89 60 634\n"
    "POGOTOWIE WODNO-KANALIZACYJNE\n"
    "Zgłaszanie awarii wodociągowych i kanalizacyjnych:\n"
    "502 664 658 całodobowo\n"
    "61 81 45 351 całodobowo\n"
    "509 951 954  7:00-23:00\n"
    "POGOTOWIE ENERGETYCZNE REJON SZAMOTUŁY\n"
    "tel. 61 29 28 100\n"
    "Dyżurny tel. 61-2928215\n"
    "POGOTOWIE GAZOWE\n"
    "992 – telefon alarmowy\n"
)
MYSLOWICE_URL = "https://mops-myslowice.pl/?page_id=40"
MYSLOWICE = (
    "Ośrodek Interwencji Kryzysowej\n"
    "Kierownik: mgr Izabela Przybyła\n"
    "ul. Gwarków 24, 41-400 Mysłowice\n"
    "tel. (32) 222-24-21\n"
    "email: oik@mops-myslowice.pl\n"
    "Ośrodek Interwencji Kryzysowej przy MOPS jest ośrodkiem wsparcia, który udziela "
    "kompleksowej pomocy psychologicznej, pedagogicznej, socjalnej i prawnej mieszkańcom "
    "Mysłowic.\n"
)
MYSLOWICE_OWNER = (
    "Ośrodek Interwencji Kryzysowej przy Miejskim Ośrodku Pomocy Społecznej w Mysłowicach"
)


@pytest.mark.parametrize(
    ("text", "url", "owner", "kept", "left_out"),
    [
        pytest.param(
            BIELSK,
            BIELSK_URL,
            PageOwner("Powiatowe Centrum Pomocy Rodzinie w Bielsku Podlaskim", 5, (), (16,)),
            ["85 8332677", "85 8699903", "85 8699906", "85 8332676"],
            [],
            id="g001-a-table-of-the-owners-departments",
        ),
        pytest.param(
            BIELSK.replace("Nazwa działu\n", "Wykaz\n"),
            BIELSK_URL,
            PageOwner("Powiatowe Centrum Pomocy Rodzinie w Bielsku Podlaskim", 5, (), (16,)),
            ["85 8699906", "85 8332676"],
            ["85 8332677", "85 8699903"],
            id="g001-without-the-departments-header-a-named-body-stays-apart",
        ),
        pytest.param(
            ROKIETNICA,
            ROKIETNICA_URL,
            PageOwner("Urząd Gminy Rokietnica", 5, (), ()),
            ["61 89 60 634"],
            ["502 664 658", "61 81 45 351", "509 951 954", "61 29 28 100", "61-2928215"],
            id="n034-utilities-emergency-services-under-their-headings",
        ),
        pytest.param(
            MYSLOWICE
            + "Miejski Ośrodek Pomocy Społecznej w Mysłowicach – sekretariat, tel. 32 222 00 00\n",
            MYSLOWICE_URL,
            PageOwner(MYSLOWICE_OWNER, 5, (), (0, 5)),
            ["(32) 222-24-21"],
            ["32 222 00 00"],
            id="n010-made-up-host-line-the-body-the-owner-works-at-is-not-the-owner",
        ),
        pytest.param(
            MYSLOWICE.replace(
                "Ośrodek Interwencji Kryzysowej\n",
                f"{MYSLOWICE_OWNER}, tel. (32) 222-24-21\n",
                1,
            ),
            MYSLOWICE_URL,
            PageOwner(MYSLOWICE_OWNER, 5, (), (0, 5)),
            ["(32) 222-24-21"],
            [],
            id="n010-the-owners-name-with-its-host-keeps-its-number",
        ),
    ],
)
def test_whose_numbers(
    text: str, url: str, owner: PageOwner, kept: list[str], left_out: list[str]
) -> None:
    assert_owner_numbers(text, url, owner, kept, left_out)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["Nazwa działu", "Nr. telefonu", "Nr. pokoju", "Sekretariat", "85 8332676",
             "Potrzebujesz pomocy? Zgłoś się do nas."],
            {1, 2, 3, 4},
            id="g001-the-table-ends-at-a-sentence",
        ),
        pytest.param(
            ["Nazwa działu", "Opis", "Sekretariat"],
            set(),
            id="no-phone-column-no-table",
        ),
    ],
)  # fmt: skip
def test_department_table_lines(lines: list[str], expected: set[int]) -> None:
    assert department_table_lines(lines) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "GOPS Koneck, ul. Włodzimierza Lubańskiego 11 (czynny od poniedziałku do piątku"
            " w godzinach 7:30 – 15:30) – 54-272-20-02",
            ["54-272-20-02"],
            id="n033-hours-in-brackets-then-the-number",
        ),
        pytest.param(
            "(34) 378-51-01(02) – Centrum Zarządzania Kryzysowego w Częstochowie",
            [],
            id="s002-a-bracketed-range-makes-no-number",
        ),
        pytest.param("tel. (32) 222-24-21", ["(32) 222-24-21"], id="n010-an-area-code-in-brackets"),
    ],
)
def test_a_number_after_hours_in_brackets(line: str, expected: list[str]) -> None:
    """fresh n033 (https://koneck.eu/blog/2021/02/01/apel-do-mieszkancow/, a GOPS's
    appeal): the hours' last digits ran into the number ("30) – 54-272-20-02", eleven
    digits), so the number was never read."""
    assert [entry.number for entry in find_phone_entries(line)] == expected
