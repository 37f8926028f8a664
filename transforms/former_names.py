"""Former names of institution types, as documented data: which type phrase became which.

A renamed institution keeps appearing under its old name on stale pages, in articles and in
spreadsheets nobody updated: "Gminny Ośrodek Pomocy Społecznej w Liszkach" is today's
"Centrum Usług Społecznych w Liszkach", "Gimnazjum im. Jana Pawła II" became a primary school.
The matcher reads an old phrase as its current one, so the two names can meet; the place, the
patron and the contacts still decide whether they are one institution.

Each row is a reform that renamed a whole kind of institution, with the act behind it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Renaming:
    """`old` became `new` (type phrases in the nominative, without level words such as
    "Gminny"/"Miejski": the level of a renamed unit is read from the rest of its name)."""

    old: str
    new: str
    note: str


RENAMINGS: tuple[Renaming, ...] = (
    Renaming(
        "Ośrodek Pomocy Społecznej",
        "Centrum Usług Społecznych",
        "Act of 19 July 2019 on social services centres: a gmina may turn its OPS into a CUS",
    ),
    Renaming(
        "Publiczne Gimnazjum",
        "Szkoła Podstawowa",
        "2017 school reform: lower secondary schools were turned into primary schools",
    ),
    Renaming(
        "Gimnazjum",
        "Szkoła Podstawowa",
        "2017 school reform: lower secondary schools were turned into primary schools",
    ),
    Renaming(
        "Zespół Szkolno-Gimnazjalny",
        "Zespół Szkolno-Przedszkolny",
        "2017 school reform: complexes lost their gimnazjum and usually took in a kindergarten",
    ),
    Renaming(
        "Zespół Szkół Ponadgimnazjalnych",
        "Zespół Szkół Ponadpodstawowych",
        "2017 school reform: 'ponadgimnazjalne' schools became 'ponadpodstawowe'",
    ),
    Renaming(
        "Dom Dziecka",
        "Placówka Opiekuńczo-Wychowawcza",
        "Act of 9 June 2011 on family support: children's homes became care units",
    ),
    Renaming(
        "Ośrodek Kultury",
        "Centrum Kultury",
        "cultural centres renamed by council resolutions (common since the 2000s)",
    ),
)
