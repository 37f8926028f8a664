"""Round 19 of issue #12 (branch mentions20): a plural head followed by its towns in brackets
names one unit in each town ("W Domach Pomocy Społecznej (Uhowo, Choroszcz, Czerewki,
Jałówka)", tune h044, a county's notice listing its care homes and children's homes). Each
case gives the text as the page writes it and the names the records must give; the guards are
brackets that hold no towns and must give no unit.
"""

from __future__ import annotations

import pytest

from benchmarks.mention_lines import read_names

READ = [
    pytest.param(
        "W  Domach Pomocy Społecznej (Uhowo, Choroszcz, Czerewki, Jałówka) i  Domach Dziecka"
        " (Supraśl, Krasne) - czasowy zakaz odwiedzin",
        [
            "Dom Pomocy Społecznej w Uhowie",
            "Dom Pomocy Społecznej w Choroszczy",
            "Dom Pomocy Społecznej w Czerewkach",
            "Dom Pomocy Społecznej w Jałówce",
            "Dom Dziecka w Krasnem",
        ],
        id="h044 (tune) powiatbialostocki.pl/pl/koronawirus/komunikat-starosty-powiatu-"
        "bialostockiego.html",
    ),
]


@pytest.mark.parametrize(("text", "names"), READ)
def test_each_town_in_brackets_is_a_unit(text: str, names: list[str]) -> None:
    read = read_names(text)
    for name in names:
        assert name in read


NOT_READ = [
    pytest.param(
        "W skład Centrum wchodzą trzy Domy Dzieci (nr. 2, nr.3 i nr.4), będące placówkami"
        " opiekuńczo-wychowawczymi typu socjalizacyjnego.",
        "Dom Dzieci w",
        id="capow.com.pl/o-nas: numbers in brackets are no towns",
    ),
    pytest.param(
        "Spotkali się dyrektorzy Domów Pomocy Społecznej (Anna Nowak, Jan Kowalski).",
        "Dom Pomocy Społecznej w",
        id="guard: people in brackets are no towns",
    ),
    pytest.param(
        "Dyrektorzy Domów Pomocy Społecznej (DPS) spotkali się w starostwie.",
        "Dom Pomocy Społecznej w",
        id="guard: an acronym in brackets is no town",
    ),
    pytest.param(
        "Dofinansowanie dla Domów Pomocy Społecznej (Kraków).",
        "Dom Pomocy Społecznej w",
        id="guard: one town is no list of units",
    ),
]


@pytest.mark.parametrize(("text", "part"), NOT_READ)
def test_brackets_without_towns_give_no_unit(text: str, part: str) -> None:
    assert not any(part in name for name in read_names(text))
