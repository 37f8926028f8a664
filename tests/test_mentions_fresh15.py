"""Round 15 of issue #12: names of other institutions in whole fresh documents
(`benchmarks/mention_docs/`, public pages on hosts the web corpus does not hold; the address in
each case id) and in a document of the corpus's tune half (its id) that the mention records
read short, folded into another name, read with a person's title, or did not read. Each case
gives the text as the page writes it and the names the records must give; the guards are
what must not change.

- a name with a patron of its own is another school, not a shorter form of a longer name of
  the same kind and town (the matching key leaves the patron out);
- a person's title the dictionary reads first as a participle ("Przewodniczącego") is a
  title: it opens no body's name;
- a body's domains enumerated after a comma stay in its name ("Centrum Kultury, Sportu i
  Turystyki"); a list of bodies after a comma does not ("Urzędu Gminy, Policji i Sądu …");
- a plural head with two or more towns names one unit in each, in the singular; a singular
  head with two towns stays one name.
"""

from __future__ import annotations

import pytest
from helpers import assert_names_read

from benchmarks.mention_lines import read_names

READ = [
    pytest.param(
        "II miejsce - Weronika Romanek, Zespół Szkół im. św. Edyty Stein w Lublińcu,\n"
        "II miejsce - Anna Niesłony, Zespół Szkół Ogólnokształcąco-Technicznych w Lublińcu,",
        ["Zespół Szkół im. św. Edyty Stein w Lublińcu"],
        id="lubliniec360.pl/20210402392777/powiat-lubliniec-rozstrzygniecie-konkursu",
    ),
    pytest.param(
        "Gminny Dzień Seniora w dniu 17 listopada 2022 roku został zorganizowany przez Centrum"
        " Kultury, Sportu i Turystyki oraz Wójta Gminy w Żegocinie.",
        ["Centrum Kultury, Sportu i Turystyki"],
        id="klubseniora.zegocina.pl/aktualnosci/2022/dzienseniora2022/gds2022.htm",
    ),
    pytest.param(
        "Z prowadzonych przez tę organizację Warsztatów Terapii Zajęciowej w Konarzewie i"
        " Otuszu korzysta łącznie 89 osób.",
        ["Warsztat Terapii Zajęciowej w Konarzewie", "Warsztat Terapii Zajęciowej w Otuszu"],
        id="g028-two workshops in two villages",
    ),
    pytest.param(
        "Likwidacja Zespołów Szkół w Bałtowie i Kunowie stała się faktem.",
        ["Zespół Szkół w Bałtowie", "Zespół Szkół w Kunowie"],
        id="lokalnatelewizja.pl/tag/artykuly/likwidacja-szkol",
    ),
]


@pytest.mark.parametrize(("text", "names"), READ)
def test_the_records_give_each_name(text: str, names: list[str]) -> None:
    assert_names_read(text, names)


NOT_READ = [
    pytest.param(
        "Podczas pierwszego posiedzenia dokonano wyboru Przewodniczącego Zespołu"
        " Interdyscyplinarnego w osobie Iwony Włodarczyk.",
        "Przewodniczący",
        id="gops.ugslawno.pl/content/i-posiedzenie-zespolu-interdyscyplinarnego-w-slawnie",
    ),
    pytest.param(
        "W spotkaniu wzięli udział przedstawiciele Urzędu Gminy, Policji i Sądu Rejonowego w"
        " Piszu.",
        "Urząd Gminy, Policji",
        id="guard-a list of bodies after a comma",
    ),
    pytest.param(
        "Szkoła Podstawowa w Nakle i Szubinie zaprasza na dzień otwarty.",
        "Szkoła Podstawowa w Szubinie",
        id="guard-a singular head with two towns stays one name",
    ),
]


@pytest.mark.parametrize(("text", "part"), NOT_READ)
def test_no_record_holds(text: str, part: str) -> None:
    assert not [name for name in read_names(text) if part in name]
