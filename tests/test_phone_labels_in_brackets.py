"""A number's label in brackets after it (issue 12, "phones with their label"), from tune
documents of the web corpus (`benchmarks/web_corpus/documents/`); and no mailbox as a label.

f028 (an MOPS's notice, https://www.mops-lubartow.pl/aktualnosci/2894/…) lists its lines as
"081 855 44 50 (sekretariat)," one a line; the reader took only the words before a number,
so every one of them went unlabelled. The brackets name the line when they hold a few words
and no digits; an extension, hours, a room or a price in brackets is no label.
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_phone_entries
from transforms.contacts import phone_details

F028 = (
    "Zaleca się, aby sprawy głównie załatwiać poprzez kontakt telefoniczny\n"
    "081 855 44 50 (sekretariat),\n"
    "081 852 60 46 (świadczenia rodzinne),\n"
    "081 852 60 42 (pracownicy socjalni),\n"
    "081 852 60 32 (świadczenia wychowawcze) lub\n"
    "za pomocą wiadomości e-mail pod adresem poczta@mops-lubartow.pl"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            F028,
            [
                ("+48818554450", "sekretariat"),
                ("+48818526046", "świadczenia rodzinne"),
                ("+48818526042", "pracownicy socjalni"),
                ("+48818526032", "świadczenia wychowawcze"),
            ],
            id="f028-one-number-a-line-each-labelled-after-it",
        ),
        pytest.param(
            # c061 (an OPS's "Dane jednostki"): the phone word before, the departments after
            "tel.: 34/ 35 94 008 (pomoc społeczna, usługi opiekuńcze)",
            [("+48343594008", "pomoc społeczna usługi opiekuńcze")],
            id="c061-a-phone-word-before-and-the-label-in-brackets",
        ),
        pytest.param(
            "Sekretariat tel. 41 123 45 67 (pok. 3)",
            [("+48411234567", "sekretariat")],
            id="a-label-before-the-number-wins-and-a-room-is-no-label",
        ),
        pytest.param(
            "tel. 41 123 45 67 (czynny całą dobę)",
            [("+48411234567", "")],
            id="hours-in-brackets-are-no-label",
        ),
        pytest.param(
            "tel. 41 123 45 67 (w godzinach pracy ośrodka)",
            [("+48411234567", "")],
            id="when-it-answers-is-no-label",
        ),
        pytest.param(
            "fax 41 123 45 67 (sekretariat), 41 123 45 68",
            [("+48411234567", "sekretariat"), ("+48411234568", "sekretariat")],
            id="a-fax-keeps-its-kind-and-a-list-shares-the-bracket-label",
        ),
    ],
)
def test_label_in_brackets_after_the_number(text: str, expected: list[tuple[str, str]]) -> None:
    details = phone_details(entry.raw for entry in find_phone_entries(text))
    assert [(detail.number, detail.label) for detail in details] == expected


def test_a_fax_labelled_in_brackets_stays_a_fax() -> None:
    details = phone_details(
        entry.raw for entry in find_phone_entries("fax 41 123 45 67 (sekretariat)")
    )
    assert [detail.kinds for detail in details] == [("fax",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            # b050 (a court's notice): the team's mailbox before its number is whose address
            "kuratorzy.karni@zgierz.sr.gov.pl  ; tel.  42 715-76-60",
            [("+48427157660", "")],
            id="b050-a-mailbox-before-the-number-is-no-label",
        ),
        pytest.param(
            "Biuro Obsługi Interesantów: www.zgierz.sr.gov.pl, tel. 42 715-75-00",
            [("+48427157500", "")],
            id="nor-a-web-address",
        ),
    ],
)
def test_no_address_as_a_label(text: str, expected: list[tuple[str, str]]) -> None:
    details = phone_details(entry.raw for entry in find_phone_entries(text))
    assert [(detail.number, detail.label) for detail in details] == expected
