"""A template page's own lines give its owner's department numbers (issue 12).

A page whose owner its template names (a BIP data block, a footer) read its numbers from
that block alone: the department list of a BIP page (`gmina/bip.bialarawska.pl.html` of the
96 saved pages, `../shared/data/html_fixtures`: "Wydział Organizacyjny (pok. 20 i 21)" /
"tel. (46) 815 92 58") and a hospital's clinic list (`health/szpitalciechanow.medicoland.pl
.html`: "Chirurgii Ogólnej 0-23 673 05 53 gabinet 134") were lost. The page's lines are now
read for the owner as a plain page's are (`owner_lines.named_owner_phones`): another body's
lines stay out ("Miejsko-Gminny Ośrodek Kultury" / "tel. (46) 815 95 64"), and so do the
numbers that are no office's line: an official's entry ("Skarbnik" / "Grażyna Boroda" /
"87 621-83-24", `county/bip.powiat.elk.pl.html`), a contractor named in a notice
(`gmina/biblioteka.gorzno.ugm.pl.html`), a REGON under its label
(`gmina/bip.gminawagrowiec.pl.html`), a bare run of digits (`school/bip.spdebice.pl.html`,
the court's search form on `courts/orzeczenia.chorzow.sr.gov.pl.html`) and a date the finder
reads as a number (`education_support/www.poradnia.diecezja.torun.pl.html`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.html_pages.line_headings import headed_lines, person_name
from extractors.html_pages.owner_lines import named_owner_phones
from extractors.html_pages.page_text import PageText
from extractors.replay import ReplayFetcher
from flows.inspect import extract_one

BIALA = (
    "Urzad Miasta i Gminy w Bialej Rawskiej",
    "tel. (46) 815 93 77",
    "fax (46) 815 94 44",
    "Miejsko-Gminny Osrodek Kultury",
    "tel. (46) 815 95 64",
    "www.mgokbiala.pl",
    "Wydzialy:",
    "Wydzial Organizacyjny (pok. 20 i 21)",
    "tel. (46) 815 93 77 wew. 120 lub wew. 121",
    "tel. (46) 815 92 58",
    "Wydzial Rozwoju Gospodarczego / drogi, oswietlenie, budownictwo (pok. 12)",
    "tel. (46) 815 96 26",
    "Kasa Urzedu (pok. 10)",
    "tel. (46) 815 93 77 wew. 110",
)
CIECHANOW = (
    "Specjalistyczny Szpital Wojewodzki w Ciechanowie",
    "ul. Powstancow Wielkopolskich 2",
    "Chirurgii Ogólnej 0-23 673 05 53 gabinet 134",
    "Zdrowia Psychicznego 0-23 673 02 27 gabinet 136, 137A",
    "Rehabilitacji Dziennej 0-23 672 47 20 ul. Okrzei",
    "Rejestracja ogólna dla dzieci: 0-23 673 02 03",
)


def _digits(entries: tuple[str, ...]) -> set[str]:
    return {"".join(ch for ch in entry if ch.isdigit())[-9:] for entry in entries}


@pytest.mark.parametrize(
    ("name", "street", "lines", "kept", "left_out"),
    [
        pytest.param(
            "Urząd Miasta i Gminy w Białej Rawskiej",
            "ul. Jana Pawła II 57",
            BIALA,
            {"468159258", "468159626", "468159444"},
            {"468159564"},
            id="bialarawska-departments-kept-the-cultural-centre-not",
        ),
        pytest.param(
            "Specjalistyczny Szpital Wojewódzki w Ciechanowie",
            "ul. Powstancow Wielkopolskich 2",
            CIECHANOW,
            {"236730553", "236730227", "236724720", "236730203"},
            set(),
            id="szpitalciechanow-clinic-lines",
        ),
        pytest.param(
            "Starostwo Powiatowe w Ełku",
            None,
            (
                "Kontakt",
                "Skarbnik",
                "Grazyna Boroda",
                "87 621-83-24",
                "Sekretariat",
                "tel. 87 621 83 00",
            ),
            {"876218300"},
            {"876218324"},
            id="powiat-elk-an-officials-entry",
        ),
        pytest.param(
            "Urząd Gminy w Górznie",
            None,
            (
                "tel. 25 681 22 54",
                "Dokumentacje projektowa wykonuje biuro projektowe PRO - SANIT Daniel Baran "
                "tel. 606 364 645.",
            ),
            {"256812254"},
            {"606364645"},
            id="gorzno-a-contractor-named-before-his-number",
        ),
        pytest.param(
            "Urząd Gminy Wągrowiec",
            None,
            ("tel. 67 268 08 00", "REGON", "Urzedu: 000548057 Gminy: 570791336"),
            {"672680800"},
            {"570791336"},
            id="gminawagrowiec-a-regon-under-its-label",
        ),
        pytest.param(
            "Szkoła Podstawowa w Dębicach",
            None,
            ("tel./fax 91 419 11 95", "914187567", "Wyszukaj", "123456789"),
            {"914191195"},
            {"914187567", "123456789"},
            id="spdebice-and-a-search-form-bare-digit-runs",
        ),
        pytest.param(
            "Katolicki Ośrodek Psychologiczno-Pastoralny",
            None,
            ("Kurs przedmalzenski 07- 08.06 .2019.",),
            set(),
            {"708062019"},
            id="poradnia-torun-a-date-is-no-number",
        ),
    ],
)
def test_a_template_pages_lines_give_its_owners_numbers(
    name: str, street: str | None, lines: tuple[str, ...], kept: set[str], left_out: set[str]
) -> None:
    page = PageText(url="https://example.invalid/", title=lines[0], lines=lines)
    found = _digits(named_owner_phones(page, name, street))
    assert kept <= found, (kept - found, found)
    assert not left_out & found, left_out & found


@pytest.mark.parametrize(
    ("text", "is_name"),
    [
        ("Grazyna Boroda", True),
        ("Sylwia Tomiak - Rozynek", True),
        ("Dariusz Nowak", True),
        ("Wydzial Organizacyjny (pok. 20 i 21)", False),
        ("Kasa Urzedu", False),
        ("Izba Przyjec Ogolna", False),
        ("Chorób Sutka", False),
    ],
)
def test_person_name(text: str, is_name: bool) -> None:
    assert person_name(text) is is_name


@pytest.mark.parametrize(
    ("url", "numbers"),
    [
        pytest.param(
            "https://szpitalciechanow.medicoland.pl/",
            {"+48236730553", "+48236730227", "+48236724720", "+48236730241"},
            id="szpitalciechanow",
        ),
        pytest.param(
            "https://bip.bialarawska.pl/",
            {"+48468159258", "+48468159626", "+48468158566"},
            id="bialarawska",
        ),
    ],
)
def test_the_saved_pages_give_their_department_numbers(
    shared_data: Path, url: str, numbers: set[str]
) -> None:
    with ReplayFetcher(shared_data / "html_fixtures") as fetcher:
        rows = extract_one(url, fetcher=fetcher)
    subject = next(row for row in rows if row["role"] == "subject")
    phones = set(subject.get("phones") or ())
    assert numbers <= phones, numbers - phones


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            BIALA[6:10],
            (
                "Wydzialy:",
                "Wydzial Organizacyjny (pok. 20 i 21)",
                "Wydzial Organizacyjny – tel. (46) 815 93 77 wew. 120 lub wew. 121",
                "Wydzial Organizacyjny – tel. (46) 815 92 58",
            ),
            id="bialarawska-a-department-heading-labels-its-tel-lines",
        ),
        pytest.param(
            ("Wydzialy:", "tel. (46) 815 93 77"),
            ("Wydzialy:", "tel. (46) 815 93 77"),
            id="a-lead-in-with-a-colon-is-no-label",
        ),
        pytest.param(
            ("Kontakt", "Skarbnik", "Grazyna Boroda", "87 621-83-24"),
            ("Kontakt", "Skarbnik", "Grazyna Boroda", "Skarbnik – 87 621-83-24"),
            id="powiat-elk-the-role-above-a-persons-name-labels-the-number",
        ),
        pytest.param(
            ("Chirurgii Ogólnej 0-23 673 05 53 gabinet 134",),
            ("Chirurgii Ogólnej 0-23 673 05 53 gabinet 134",),
            id="szpitalciechanow-a-line-with-its-own-label",
        ),
    ],
)
def test_headed_lines(lines: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert headed_lines(lines) == expected
