"""Round 16 of issue #12: a seated unit's acronym followed by its town in the nominative, as
lists and signatures write a unit ("KPP Żagań", "KPP Trzebnica"). The mention records give the
name as written; the normalise stage writes it out with the town in the locative, where the
gazetteer knows the town (`transforms.acronym_expansion`), as it does any record's name. The
phrase finder reads the town only for the records (`find_mentions(towns=True)`): the owner's
number lines ask the same finder, and reading it there cost a page's own phones (round 15).

Cases: a whole fresh document (`benchmarks/mention_docs/`, its address in the id) and documents
of the corpus's tune half (their ids); each gives the text as the page writes it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import NationalGazetteer  # tests/ helper module

from extractors.mention_records import mention_records
from extractors.mentions import find_mentions
from flows.inspect import raw_row
from transforms.normalise import normalise_record
from transforms.places import Gazetteer
from warehouse.gazetteer_rows import gazetteer_from_warehouse

D41 = (
    "W skład zespołu wchodzą: Ewa Jankowska Starosta i Leszek Starosta kuratorzy Sądu"
    " Rejonowego w Żaganiu, Mariusz Jakubowski KPP Żagań, Anna Garnek pedagog PSP Tomaszowo,"
    " Agata Michalska Gminna Komisja Rozwiązywania Problemów Alkoholowych, Teresa Sawicka"
    " organizacja pozarządowa, Krzysztof Sowiński ratownik medyczny."
)


@pytest.fixture(scope="module")
def gazetteer(national_gazetteer: NationalGazetteer) -> Gazetteer:
    return gazetteer_from_warehouse(national_gazetteer.con)


def _names(text: str, gazetteer: Gazetteer, *, article: bool) -> list[str]:
    """The mention names `wsparcie extract` gives for `text`, normalised with the gazetteer."""
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        normalise_record(raw_row(parsed, None, at, "https://x.invalid/"), gazetteer).name
        for parsed in mention_records(text, article=article)
    ]


WRITTEN_OUT = [
    pytest.param(
        D41,
        False,
        "Komenda Powiatowa Policji w Żaganiu",
        id="gminazagan.pl/pierwsze-posiedzenie-nowo-powolanego-zespolu-interdyscyplinarnego",
    ),
    pytest.param(
        "sierż. Adrian Zalewski\nKPP Trzebnica",
        True,
        "Komenda Powiatowa Policji w Trzebnicy",
        id="h030",
    ),
]


@pytest.mark.parametrize(("text", "article", "name"), WRITTEN_OUT)
def test_the_acronym_and_its_town_are_written_out(
    text: str, article: bool, name: str, gazetteer: Gazetteer
) -> None:
    assert name in _names(text, gazetteer, article=article)


def test_an_acronym_not_of_a_seated_unit_takes_no_town(gazetteer: Gazetteer) -> None:
    """ "PSP Tomaszowo" is a school there ("Publiczna Szkoła Podstawowa"), not the table's
    "Państwowa Straż Pożarna": an acronym with more than one reading is not written out."""
    names = _names(D41, gazetteer, article=False)
    assert not any(name.startswith("Państwowa Straż Pożarna") for name in names)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        pytest.param(D41, "KPP", id="the owner's readers: KPP alone"),
        pytest.param("KMP Konin.", "KMP", id="d007, the owner's readers"),
    ],
)
def test_the_owners_readers_keep_the_acronym_alone(text: str, written: str) -> None:
    """Without `towns` the phrase finder reads the acronym alone, as before (the owner's
    number lines ask it which lines name another body)."""
    assert written in [m.phrase for m in find_mentions(text)]
    assert any(m.phrase.startswith(written + " ") for m in find_mentions(text, towns=True))
