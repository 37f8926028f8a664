"""The owner's name with its seat (issue #12, round 19): from the same name written in full
elsewhere on the page. (A seat from the body's own address is normalisation's work:
`transforms.register_style.styled_seat`, checked against the gazetteer.)

Cases from fresh pages judged blind (`benchmarks/owner_fresh/`, their URLs in its
`index.csv`), with near cases that must stay as they are beside them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.html_pages.owner_seat import with_its_seat
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.text_page import owner_record

FRESH = Path(__file__).resolve().parents[1] / "benchmarks" / "owner_fresh"


@pytest.mark.parametrize(
    ("name", "lines", "expected"),
    [
        # l041 (sosw2.przemysl.edu.pl): the heading gives the name in the genitive, in full
        (
            "Specjalny Ośrodek Szkolno-Wychowawczy nr 2",
            [
                "Historia Specjalnego Ośrodka Szkolno – Wychowawczego nr 2 im. dra Janusza "
                "Korczaka w Przemyślu",
                "Historia SOSW Nr 2 im. dra Janusza Korczaka sięga",
            ],
            "Specjalny Ośrodek Szkolno-Wychowawczy nr 2 im. dra Janusza Korczaka w Przemyślu",
        ),
        # l082 (gck.greboszow.pl): a heading over two lines, its second joined by "i"
        (
            "Gminne Centrum Kultury",
            ["Gminne Centrum Kultury", "i Czytelnictwa w Gręboszowie", "Wakacje to czas"],
            "Gminne Centrum Kultury i Czytelnictwa w Gręboszowie",
        ),
        # m044 (gokwilga.pl): the name glued to what the page's text puts before it
        (
            "Gminny Ośrodek Kultury",
            ["30duyGminny Ośrodek Kultury w Wildze został powołany jak placówka"],
            "Gminny Ośrodek Kultury w Wildze",
        ),
        # near cases: two seats are two bodies of a kind; a seat is no sentence's next word;
        # the country is no seat; a number the name lacks tells another body
        (
            "Dom Pomocy Społecznej",
            ["Dom Pomocy Społecznej w Lubuczewie", "Dom Pomocy Społecznej w Słupsku"],
            "Dom Pomocy Społecznej",
        ),
        (
            "Dom Pomocy Społecznej",
            ["Dom Pomocy Społecznej w Krakowie Zaprasza na festyn"],
            "Dom Pomocy Społecznej w Krakowie",
        ),
        (
            "Poradnia Psychologiczno-Pedagogiczna",
            ["Poradnie Psychologiczno-Pedagogiczne w Polsce prowadzą"],
            "Poradnia Psychologiczno-Pedagogiczna",
        ),
        (
            "Szkoła Podstawowa",
            ["Szkoła Podstawowa nr 3 w Piszu"],
            "Szkoła Podstawowa",
        ),
        (
            "Ośrodek Pomocy Społecznej w Olkuszu",
            ["Ośrodek Pomocy Społecznej w Olkuszu", "Ośrodek Pomocy Społecznej w Bukownie"],
            "Ośrodek Pomocy Społecznej w Olkuszu",
        ),
        # a lower-case word after "w" is no seat (m059: "znajduje się w dawnym zespole")
        (
            "Dom Pomocy Społecznej",
            ["Dom Pomocy Społecznej znajduje się w dawnym zespole dworsko-parkowym"],
            "Dom Pomocy Społecznej",
        ),
    ],
)
def test_the_seat_the_page_writes_after_the_same_name(
    name: str, lines: list[str], expected: str
) -> None:
    assert with_its_seat(name, lines) == expected


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("l041", "Specjalny Ośrodek Szkolno-Wychowawczy nr 2 im. dra Janusza Korczaka w Przemyślu"),
        ("m044", "Gminny Ośrodek Kultury w Wildze"),
        # k011: a DPS's own page that gives no address and no seat keeps its bare name
        ("k011", "Dom Pomocy Społecznej"),
    ],
)
def test_the_subject_of_a_fresh_page(doc_id: str, expected: str) -> None:
    with (FRESH / "index.csv").open(encoding="utf-8", newline="") as handle:
        url = next(row["url"] for row in csv.DictReader(handle) if row["id"] == doc_id)
    text = (FRESH / "documents" / f"{doc_id}.txt").read_text(encoding="utf-8")
    page = page_text_of_plain(text, url)
    owner = find_page_owner(page)
    assert owner is not None
    assert owner_record(page, owner).name_raw == expected
