"""Two shapes of a contact line the phone finder misread (issue 12), from tune documents of
the web corpus (`benchmarks/web_corpus/documents/`).

- A fax under its own label written without the area code of the phone just before it:
  "tel. (76) 74-63-400, fax: 74-63-401" (f029, an MOPS). The seven digits read as a date,
  and the fax was lost; on one line after a number with an area code, under a phone word,
  they are the same office's number in the same area.
- A list of numbers whose labels follow them: "(94) 34 29 513  - Faks" (f025, a police
  headquarters' "Telefony" list). The label before such a number is empty, so each number
  took the label of the line above, and the fax was typed as the duty officer's phone.
"""

from __future__ import annotations

import pytest

from extractors.contacts import PhoneEntry, find_phone_entries

F025 = (
    "800 680 620  - Bezpłatny Telefon Zaufania (dostępny z koszalińskiej strefy numeracyjnej)\n"
    "(94) 34 29 333  - Telefon Zaufania\n"
    "(94) 34 29 100  - Oficer Dyżurny Komendy Miejskiej Policji w Koszalinie\n"
    "(94) 34 29 513  - Faks"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "tel. (76) 74-63-400, fax: 74-63-401",
            [PhoneEntry("(76) 74-63-400", "tel."), PhoneEntry("(76) 74-63-401", "fax:", True)],
            id="f029-a-fax-without-the-area-code-of-the-phone-before-it",
        ),
        pytest.param(
            "tel. (46) 815 93 77; faks 815 94 44",
            [PhoneEntry("(46) 815 93 77", "tel."), PhoneEntry("(46) 815 94 44", "faks", True)],
            id="the-same-after-a-semicolon",
        ),
        pytest.param(
            "tel. 77 474 97 01, 474 97 02",
            [PhoneEntry("77 474 97 01", "tel."), PhoneEntry("(77) 474 97 02", "tel.")],
            id="a-plain-list-still-shares-its-label",
        ),
        pytest.param(
            "tel. 22 111 22 33, 1.05.2019",
            [PhoneEntry("22 111 22 33", "tel.")],
            id="a-date-after-a-phone-stays-a-date",
        ),
        pytest.param(
            "Spotkanie 12.05, sala 4-13-201",
            [],
            id="no-number-before-no-area-code",
        ),
        pytest.param(
            F025,
            [
                PhoneEntry(
                    "800 680 620",
                    "Bezpłatny Telefon Zaufania (dostępny z koszalińskiej strefy numeracyjnej)",
                ),
                PhoneEntry("(94) 34 29 333", "Telefon Zaufania"),
                PhoneEntry(
                    "(94) 34 29 100", "Oficer Dyżurny Komendy Miejskiej Policji w Koszalinie"
                ),
                PhoneEntry("(94) 34 29 513", "Faks"),
            ],
            id="f025-labels-after-the-numbers",
        ),
        pytest.param(
            "Sekretariat\n58 304 36 50 - czynny w godz. 8-15",
            [PhoneEntry("58 304 36 50", "")],
            id="hours-after-a-number-are-no-label",
        ),
    ],
)
def test_phone_entries(text: str, expected: list[PhoneEntry]) -> None:
    assert find_phone_entries(text) == expected


def test_a_label_after_types_the_fax() -> None:
    fax = find_phone_entries(F025)[-1]
    assert fax.fax
    assert fax.raw == "Faks (94) 34 29 513"
