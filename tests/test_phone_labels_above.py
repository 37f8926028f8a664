"""A number's label written above its block, and where a label on the number's line ends
(issue 12, "phones with their label"), from tune documents of the web corpus
(`benchmarks/web_corpus/documents/`) and the fresh contact pages (`benchmarks/contacts_fresh/`).

Pages put a unit's or a person's role on a line of its own and the number a few lines under
it, with the person's name, "kontakt:", the hours or the address between; the number's own
line says only "tel.", so the number went unlabelled. On the number's own line, the words
before it may run on into the hours it is open or its street, which are no part of a label,
or be a sentence, whose label is the role or office it names ("ze Starostą zadzwoń na").
"""

from __future__ import annotations

import pytest

from extractors.contacts import find_phone_entries
from extractors.html_pages.line_headings import line_headings
from transforms.contacts import phone_details


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            (
                "Koordynator ds. dostępności architektonicznej",
                "Alina Ławicka",
                "kontakt:",
                "telefon 564726334",
            ),
            {3: "Koordynator ds. dostępności architektonicznej"},
            id="b043-a-role-over-a-persons-name-and-a-lead-in",
        ),
        pytest.param(
            (
                "Koordynator ds. dostępności cyfrowej i informacyjno - komunikacyjnej",
                "Andrzej Januszewicz",
                "kontakt:",
                "telefon 564726320",
            ),
            {3: "Koordynator ds. dostępności cyfrowej i informacyjno-komunikacyjnej"},
            id="b043-a-spaced-compound-is-one-word",
        ),
        pytest.param(
            ("Siedziba główna", ".", "9.00 – 15.00", "42 689 90 60"),
            {3: "Siedziba główna"},
            id="g041-a-heading-over-the-hours",
        ),
        pytest.param(
            (
                "ŚDS Oddział",
                "dla osób mających problemy z poruszaniem się",
                "9.00 – 15.00",
                "42 630 29 68",
            ),
            {},
            id="g041-a-description-in-lower-case-is-no-heading",
        ),
        pytest.param(
            (
                "Wydział Komunikacji i Transportu",
                "Starostwo Powiatowe w Krapkowicach, ul. Kilińskiego 1, parter - sala osbługi"
                " petenta.",
                "Godziny urzędowania:",
                "poniedziałek – piątek od 7:30 – 18:00",
                "tel. 77 40 74 321, 77 40 74 323, 77 40 74 336, 77 40 74 338, 77 40 74 339",
            ),
            {4: "Wydział Komunikacji i Transportu"},
            id="b082-a-department-over-its-address-and-hours",
        ),
        pytest.param(
            (
                "Biuro Obsługi Interesantów przy ulicy Andersa 34, skrzydło A budynku, parter.",
                "tel. 94 31 70 221, 94 34 28 628",
            ),
            {1: "Biuro Obsługi Interesantów"},
            id="g008-a-unit-then-where-it-is",
        ),
        pytest.param(
            (
                "Artykuł",
                "Uprzejmie informujemy, iż zgodnie z Zarządzeniem Dyrektora PCPR w Poddębicach,"
                " w terminie od 01 lipca 2025 roku do 31 sierpnia 2025 roku Powiatowe Centrum"
                " Pomocy Rodzinie w Poddębicach będzie urzędowało w godzinach od 7:00 do 15:00.",
                "Kontakt:",
                "ul. Łęczycka 28, 99-200 Poddębice",
                "tel.: 0 43 678 40 40",
            ),
            {},
            id="a001-a-sentence-stops-the-walk",
        ),
    ],
)
def test_the_heading_above_a_block(lines: tuple[str, ...], expected: dict[int, str]) -> None:
    assert line_headings(lines) == expected


@pytest.mark.parametrize(
    ("entry", "label"),
    [
        pytest.param(
            "Sekretariat czynny w godzinach 8.00 – 18.00, tel. 15 847 94 10",
            "sekretariat",
            id="h009-the-label-ends-where-its-hours-begin",
        ),
        pytest.param(
            "24-100 Puławy, ul. Eustachiewicza 3, tel. 81-888-55-77",
            "",
            id="fresh-t005-an-address-is-no-label",
        ),
        pytest.param(
            "Biuro Obsługi Interesantów przy ulicy Andersa 34, skrzydło A budynku, parter. tel. 94"
            " 31 70 221",
            "biuro obsługi interesantów",
            id="g008-the-label-ends-where-its-street-begins",
        ),
        pytest.param(
            "Koordynator ds. dostępności cyfrowej i informacyjno-komunikacyjnej – telefon"
            " 564726320",
            "koordynator ds. dostępności cyfrowej i informacyjno-komunikacyjnej",
            id="b043-a-hyphen-inside-a-word-is-kept",
        ),
        pytest.param("Asystent Rodziny - tel. 515 512 727", "asystent rodziny", id="c061-a-dash"),
        pytest.param("tel./fax.: 043 678 40 40", "", id="a001-number-words-only"),
        pytest.param("• faksem: 43 8271014", "", id="e025-by-fax-is-no-label"),
        pytest.param(
            "✔ kontakt telefoniczny pod nr: 24/2537847",
            "",
            id="h022-a-mark-is-no-label",
        ),
        pytest.param(
            "Gdy chcesz spotkać się ze Starostą zadzwoń na numer 34 310 95 00.",
            "starosta",
            id="b056-a-sentence-gives-the-role-it-names",
        ),
        pytest.param(
            "Natomiast dostępny jest dla Państwa kontakt z Panią psycholog Agnieszką"
            " Kik-Głowacz pod nr tel. 601 938 288",
            "psycholog",
            id="d002-a-role-before-a-persons-name",
        ),
        pytest.param(
            "lub w innych formach pomocy osobiście w sekretariacie poradni lub telefonicznie"
            " pod numerem (87) 643 36 21.",
            "sekretariat",
            id="b068-an-office-in-the-locative",
        ),
        pytest.param(
            "Szczegółowe informacje udzielane są także pod numerem telefonu: 89 642-97-75",
            "",
            id="a072-a-sentence-naming-no-role-is-no-label",
        ),
        pytest.param(
            "(należy uprzedzić co najmniej 3 dni wcześniej telefonicznie Intendenta na numer"
            " telefonu 695 - 694 - 894).",
            "intendent",
            id="fresh-t010-a-role-in-the-accusative",
        ),
    ],
)
def test_where_a_label_ends(entry: str, label: str) -> None:
    (detail,) = phone_details([entry])
    assert detail.label == label


def test_an_unlabelled_number_after_other_words_keeps_no_earlier_label() -> None:
    """g041: the second site's number, under its own address and description, is not the
    first site's."""
    text = "\n".join(
        (
            "Siedziba główna – 42 689 90 60",
            "Karolewska 70/76 94-023 Łódź",
            "parking dostępny",
            "ŚDS Oddział",
            "9.00 – 15.00",
            "42 630 29 68",
        )
    )
    assert [entry.label for entry in find_phone_entries(text)] == ["Siedziba główna –", ""]
