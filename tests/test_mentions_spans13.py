"""Round 13 of issue #12: where a name's span ends, read from Polish grammar rather than from
one page. Each case quotes a line as a page writes it: a line of a document of the web
corpus's tune half (`benchmarks/web_corpus`, the id in the case id), or a fresh line of a
public page on a host the corpus does not hold (its address in the case), with the phrases the
mention finder must read; the guards are what must not change.

- a school's sections belong to its name ("Szkoła Podstawowa Nr 50 z Oddziałami
  Integracyjnymi im. … w Białymstoku"): "Oddział" after "z" no longer ends the name when an
  adjective agreeing with it follows (before, the name was cut at "z", and its patron and
  town were lost); "z Delegaturą w …" still ends one;
- a place's later words stand in the locative after "w" ("w Ostrowcu Świętokrzyskim"): an
  adjective with no locative reading opens the next name ("Naczelnik Zarządu w Białymstoku
  Centralnego Biura Śledczego Policji"), it does not carry on the place;
- a national body's adjective is read in every gender ("Centralne Biuro …" is national as
  "Centralny Ośrodek …" is; the dictionary also reads "Centralne" as a noun).
"""

from __future__ import annotations

import pytest

from extractors.mentions import find_mentions

SECTIONS = [
    pytest.param(
        "Procedura w sprawie udzielania i organizacji pomocy psychologiczno-pedagogicznej w"
        " Szkole Podstawowej Nr 50 z Oddziałami Integracyjnymi im. Świętej Jadwigi Królowej"
        " Polski w Białymstoku",
        "Szkoła Podstawowa Nr 50 z Oddziałami Integracyjnymi im. Świętej Jadwigi Królowej"
        " Polski w Białymstoku",
        id="9lib.org/document/y962n13j-podstawa-prawna-rozdzial-informacje-ogolne.html",
    ),
    pytest.param(
        "Celem działania Przedszkola Nr 3 z Oddziałami Integracyjnymi jest stworzenie"
        " maksymalnie korzystnych warunków wychowawczych i edukacyjnych",
        "Przedszkole Nr 3 z Oddziałami Integracyjnymi",
        id="wwww.przedszkole-3.pl/Strony/glowna.html",
    ),
    pytest.param(
        "Kuratorium Oświaty z Delegaturą w Koszalinie",
        "Kuratorium Oświaty",
        id="guard-a second office after z is no section",
    ),
]


@pytest.mark.parametrize(("line", "expected"), SECTIONS)
def test_a_schools_sections_are_part_of_its_name(line: str, expected: str) -> None:
    assert [m.nominative for m in find_mentions(line)][:1] == [expected]


PLACES_AND_NATIONAL_BODIES = [
    pytest.param(
        "mł. insp. Rafał Miłosiewicz – Naczelnik Zarządu w Białymstoku Centralnego Biura"
        " Śledczego Policji, mł. insp. Tomasz Haraburda – Naczelnik Wydziału w Białymstoku"
        " Centralnego Biura Zwalczania Cyberprzestępczości, kom. Aneta Tuchlińska",
        {"Centralne Biuro Śledcze Policji", "Centralne Biuro Zwalczania Cyberprzestępczości"},
        {"Zarząd w Białymstoku Centralnego"},
        id="g034-a national bureau after its unit's seat",
    ),
    pytest.param(
        "Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim i Sąd Rejonowy w Białej Podlaskiej",
        {
            "Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim",
            "Sąd Rejonowy w Białej Podlaskiej",
        },
        set(),
        id="guard-a place's adjective in the locative",
    ),
]


@pytest.mark.parametrize(("line", "expected", "absent"), PLACES_AND_NATIONAL_BODIES)
def test_a_place_ends_where_its_locative_ends(
    line: str, expected: set[str], absent: set[str]
) -> None:
    found = {m.nominative for m in find_mentions(line)}
    assert expected <= found, found
    assert not absent & found, found


# Type words the lexicon lacked: a "Dyrekcja" under an adjective is an office ("Regionalna
# Dyrekcja Lasów Państwowych"), without one a body's management ("Dyrekcja Powiatowego
# Szpitala …" names the hospital); an "Oddział" under a region's adjective is a body's regional
# unit ("Podlaski Oddział Straży Granicznej"), and after a name it still names that body's part
# ("… Towarzystwa Przyjaciół Dzieci Oddział w Tarnowie"), as before.
TYPE_WORDS = [
    pytest.param(
        "st. bryg. Janusz Kondrat – Podlaski Komendant Wojewódzki Państwowej Straży Pożarnej,"
        " Tadeusz Wilczyński – Dyrektor Regionalnej Dyrekcji Lasów Państwowych w Białymstoku,"
        " insp. Piotr Szczepaniak",
        {"Regionalna Dyrekcja Lasów Państwowych w Białymstoku"},
        set(),
        id="g034-a regional directorate",
    ),
    pytest.param(
        "gen. bryg. SG Sławomir Klekotka – Komendant Podlaskiego Oddziału Straży Granicznej,"
        " st. bryg. Janusz Kondrat",
        {"Podlaski Oddział Straży Granicznej"},
        {"Straż Graniczna"},
        id="g034-a border guard's regional unit",
    ),
    pytest.param(
        "Dyrekcja Powiatowego Szpitala Specjalistycznego w Stalowej Woli informuje, że w dniu"
        " 2 maja 2023 r.",
        {"Powiatowy Szpital Specjalistyczny w Stalowej Woli"},
        {"Dyrekcja Powiatowego Szpitala Specjalistycznego w Stalowej Woli"},
        id="guard-a026-a hospital's management names the hospital",
    ),
    pytest.param(
        "Ośrodek Adopcyjny Towarzystwa Przyjaciół Dzieci Oddział w Tarnowie został stworzony na"
        " bazie Ośrodka, który działał z krótką przerwą od 1992 roku.",
        {"Ośrodek Adopcyjny Towarzystwa Przyjaciół Dzieci Oddział w Tarnowie"},
        set(),
        id="guard-a040-a unit's part after its name",
    ),
]


@pytest.mark.parametrize(("line", "expected", "absent"), TYPE_WORDS)
def test_type_words_under_their_adjectives(line: str, expected: set[str], absent: set[str]) -> None:
    found = {m.nominative for m in find_mentions(line)}
    assert expected <= found, found
    assert not absent & found, found


# How names are typed on small sites: two commas for the low opening quote (",,Feniks”");
# before, the quoted name was lost and its head was bare. (A compound whose first part the
# writer inflected too, "Poradni Psychologicznej – Pedagogicznej w Nowej Soli" of
# zachod.pl/901798, was read as one word too and dropped: it cost the test half one mention.)
TYPING = [
    pytest.param(
        "Wówczas pracownicy Ośrodka Pomocy Społecznej i Stowarzyszenia ,,Feniks” we współpracy"
        " z innymi instytucjami i służbami mundurowymi podejmują szereg działań",
        {"Stowarzyszenie „Feniks”"},
        id="ops.police.pl/Home/Article/218",
    ),
    pytest.param(
        "Poradnia Psychologiczno-Pedagogiczna w Mielcu głosami radnych powiatu mieleckiego"
        " została przekształcona w Specjalistyczną Poradnię Psychologiczno-Pedagogiczną.",
        {
            "Poradnia Psychologiczno-Pedagogiczna w Mielcu",
            "Specjalistyczna Poradnia Psychologiczno-Pedagogiczna",
        },
        id="guard-leliwa.pl/mielec-a-compound-written-as-one",
    ),
]


@pytest.mark.parametrize(("line", "expected"), TYPING)
def test_names_as_small_sites_type_them(line: str, expected: set[str]) -> None:
    assert expected <= {m.nominative for m in find_mentions(line)}
