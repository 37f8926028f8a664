"""Round 11 of issue #12: a kind of unit named alone that the text still makes one body, by the
body it sits in or by its street address. Each case a line of a document of the web corpus's
tune half (`benchmarks/web_corpus`, the id in the case id), quoted as the page writes it, with
what its gold gives; the guards are what must not change."""

from __future__ import annotations

import pytest

from extractors.mention_records import mention_records
from extractors.records import ParsedInstitution
from transforms.name_morphology import nominative


def _recorded(text: str, *, article: bool, owner: str | None = None) -> set[str]:
    owners = [ParsedInstitution(name_raw=owner, role="subject")] if owner else []
    return {nominative(r.name_raw) for r in mention_records(text, owners, article=article)}


# A unit written right before "w" / "przy" and a placed body is named by that body; the body
# stays a mention of its own.
HOSTED_UNITS = [
    pytest.param(
        "Uruchomienie Poradni Psychologiczno - Psychoterapeutycznej dla Dzieci i Młodzieży w"
        " Wojewódzkim Szpitalu Psychiatrycznym w Gdańsku umożliwi pacjentom i ich rodzinom"
        " dostęp do szybkiej i adekwatnej pomocy specjalistów.",
        False,
        {
            "Poradnia Psychologiczno-Psychoterapeutyczna dla Dzieci i Młodzieży w Wojewódzkim"
            " Szpitalu Psychiatrycznym w Gdańsku",
            "Wojewódzki Szpital Psychiatryczny w Gdańsku",
        },
        id="a060-a clinic in a hospital",
    ),
    pytest.param(
        "Poradnia będzie działać na zasadach Ośrodka Środowiskowej Opieki Psychologicznej i"
        " Psychoterapeutycznej dla Dzieci i Młodzieży.",
        False,
        set(),
        id="guard-a060-a kind alone with no host stays out",
    ),
    pytest.param(
        "Ośrodek Interwencji Kryzysowej działa przy Powiatowym Centrum Pomocy Rodzinie w"
        " Kościanie i mieści się przy ul. Szpitalnej.",
        False,
        {"Powiatowe Centrum Pomocy Rodzinie w Kościanie"},
        id="guard-d044-a verb between the unit and its host",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), HOSTED_UNITS)
def test_a_unit_is_named_by_the_body_it_sits_in(
    text: str, article: bool, expected: set[str]
) -> None:
    assert _recorded(text, article=article) == expected
