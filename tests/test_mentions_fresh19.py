"""Round 18 of issue #12 (branch mentions19): names of other institutions that the mention
records did not read, read with another span or left without their place, in the tune half of
the web corpus and in whole fresh documents (`benchmarks/mention_docs/`, `f01`–`f27`: public
pages on hosts the web corpus does not hold; the document's id and address in each case id).
Each case gives the text as the page writes it and the names the records must give; the
guards are what must not change.

- a unit "przy" a body with a name of its own, or "działający przy" it, is named by it, and the
  host stays a mention of its own; a finite verb ("działa przy") or a committee's "przy" is not;
- a legal act after a body's name ends the name ("Rada Powiatu Konińskiego Uchwałą Nr …");
- "Caritas" followed by the country, a town in the nominative or a diocese in lower case names
  one of its bodies; "Caritas" alone names none;
- a kind alone of a county's or gmina's unit, or a seated unit's acronym, takes the one town the
  text places its bodies in ("Dyrektor PUP" in Węgrów's news); a body's board followed by its
  acronym is the body ("Prezes Zarządu OSP w Węgrowie");
- the nominative of "Koła" is "Koło" ("Szkolnego Koła Caritas");
- on a sanitary station's page its own inspector is the station, no mention.
"""

from __future__ import annotations

import pytest
from helpers import assert_names_read

from benchmarks.mention_lines import read_names
from extractors.mention_records import mention_records
from extractors.records import ParsedInstitution
from transforms.name_morphology import nominative

READ = [
    pytest.param(
        'Środowiskowy Dom Samopomocy przy Stowarzyszeniu Trzeźwości "Dom" utworzony został w'
        " 2002 roku.",
        [
            "Środowiskowy Dom Samopomocy przy Stowarzyszeniu Trzeźwości „Dom”",
            "Stowarzyszenie Trzeźwości „Dom”",
        ],
        id="f27 mok.jordanow.pl/index.php/galeria-pod-baszta?id=91",
    ),
    pytest.param(
        "Wszystko dzięki wielkanocnej wystawie i kiermaszowi przygotowanym przez Warsztat Terapii"
        " Zajęciowej działający przy Towarzystwie Wspierania Rozwoju Powiatu „Wszechnica"
        " Konecka”.",
        [
            "Warsztat Terapii Zajęciowej przy Towarzystwie Wspierania Rozwoju Powiatu „Wszechnica"
            " Konecka”",
            "Towarzystwo Wspierania Rozwoju Powiatu „Wszechnica Konecka”",
        ],
        id="c025 (tune): a unit 'działający przy' its body",
    ),
    pytest.param(
        "2 lutego br. policjanci z Wydziału Prewencji Komendy Miejskiej Policji w Krakowie"
        " spotkali się z kierownictwem Uniwersytetu Trzeciego Wieku, działającego przy"
        " Uniwersytecie Ekonomicznym w Krakowie.",
        [
            "Uniwersytet Trzeciego Wieku przy Uniwersytecie Ekonomicznym w Krakowie",
            "Uniwersytet Ekonomiczny w Krakowie",
        ],
        id="f18 krakow.policja.gov.pl/kr1/aktualnosci/19589",
    ),
    pytest.param(
        "5. Katolicki Ośrodek Adopcyjny przy Caritas Diecezji Radomskiej w Radomiu.",
        ["Katolicki Ośrodek Adopcyjny przy Caritas Diecezji Radomskiej w Radomiu"],
        id="e040 (tune): a unit with an adjective of its own 'przy' its host",
    ),
    pytest.param(
        "Od kilku lat Caritas Polska prowadzi ogólnopolską akcję zbiórki żywności pod hasłem"
        " „Tak! POMAGAM”.",
        ["Caritas Polska"],
        id="f12 spskalmierzyce.noweskalmierzyce.pl: the national Caritas",
    ),
    pytest.param(
        "Zebrane produkty żywnościowe przez naszych uczniów zostaną dostarczone do siedziby"
        " Caritas Kalisz, a następnie zostaną przekazane w formie paczek świątecznych.",
        ["Caritas Kalisz"],
        id="f12 spskalmierzyce.noweskalmierzyce.pl: Caritas and its town",
    ),
    pytest.param(
        "Wszystkie rzeczy zostały przekazane do oddziału Caritas diecezji tarnowskiej.",
        ["Caritas diecezji tarnowskiej"],
        id="f10 spolesno.pl/2023/10/12/kolega-koledze: a diocese in lower case",
    ),
    pytest.param(
        "do Noclegowni prowadzonej przez Caritas Leżajsk, ul. Jarosławska 4, tel. (17) 240 24"
        " 01- osoby mogą skorzystać z jadłodajni,",
        ["Caritas Leżajsk"],
        id="d023 (tune): Caritas and its town on a list of shelters",
    ),
    pytest.param(
        "W uroczystościach wzięli udział: Proboszcz Parafii p.w. Św. Ojca Pio w Węgrowie ks."
        " Wiesław Niemyjski, Komendant PPSP Jarosław Soszyński, Dyrektor PUP Anna Wieczorek,"
        " Naczelnik Wydziału Prewencji KPP Jerzy Bolesta, Prezes Zarządu OSP w Węgrowie Marek"
        " Sewerynik.",
        [
            "Powiatowy Urząd Pracy w Węgrowie",
            "Komenda Powiatowa Policji w Węgrowie",
            "Ochotnicza Straż Pożarna w Węgrowie",
        ],
        id="f13 powiatwegrowski.pl/aktualnosci/wiadomosci-dnia/…5614",
    ),
]


@pytest.mark.parametrize(("text", "names"), READ)
def test_the_records_give_each_name(text: str, names: list[str]) -> None:
    assert_names_read(text, names)


NOT_READ = [
    pytest.param(
        "Rada Powiatu Konińskiego Uchwałą Nr XXIII/186/2012 z dnia 29 listopada 2012 r. w"
        " sprawie Programu współpracy wytyczyła cele.",
        "Uchwał",
        id="f06 bip.powiat.konin.pl: a resolution after the council's name",
    ),
    pytest.param(
        "któremu w ramach otwartego konkursu ofert Zarząd Powiatu Wyszkowskiego Uchwałą Nr"
        " 300/1003/2023 z dnia 27 grudnia 2023 r. powierzył realizację zadania publicznego.",
        "Uchwał",
        id="i047 (tune): a resolution after the board's name",
    ),
    pytest.param(
        "Ośrodek Interwencji Kryzysowej działa przy Powiatowym Centrum Pomocy Rodzinie w"
        " Kościanie i mieści się przy ul. Szpitalnej.",
        "przy",
        id="guard d044 (tune): 'działa przy', a finite verb, is measured apart and left out",
    ),
    pytest.param(
        "spotkanie członków Powiatowej Komisji Bezpieczeństwa i Porządku, działającej przy"
        " Starostwie Powiatowym w Zawierciu.",
        "przy",
        id="guard b013 (tune): a committee 'przy' its office is the office's",
    ),
    pytest.param(
        "Zebrane produkty zostaną przekazane na pomoc doraźną dla podopiecznych Caritas.",
        "Caritas",
        id="guard f12: Caritas alone names no one body",
    ),
    pytest.param(
        "WĘDRÓWKA PO ŚWIECIE PIENIĄDZA.",
        "Świecie",
        id="guard slaboslyszacyszczecin.superszkolna.pl (96 pages): 'PO' of a heading in"
        " capitals is no organisation before a town",
    ),
    pytest.param(
        "Dyrektor PUP w Kielcach oraz Dyrektor MOPS w Radomiu spotkali się z kierownikiem"
        " Gminnego Ośrodka Pomocy Społecznej.",
        "Gminny Ośrodek Pomocy Społecznej w",
        id="guard: a text placing its bodies in two towns gives a kind alone neither",
    ),
]


@pytest.mark.parametrize(("text", "part"), NOT_READ)
def test_no_record_holds(text: str, part: str) -> None:
    assert not any(part in name for name in read_names(text))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        pytest.param("Szkolnego Koła Caritas", "Szkolne Koło Caritas", id="f09 spjozefow.pl"),
        pytest.param(
            "Koła Gospodyń Wiejskich Piotrowianie",
            "Koło Gospodyń Wiejskich Piotrowianie",
            id="d40 kurierkaszubski.eu: a rural women's circle in a menu",
        ),
        pytest.param("Domu Dziecka", "Dom Dziecka", id="guard-a head of one gender"),
    ],
)
def test_the_nominative_of_a_circle(phrase: str, expected: str) -> None:
    assert nominative(phrase) == expected


def test_a_sanitary_stations_inspector_is_the_station() -> None:
    """g038, j035 (tune): on the page of a "Powiatowa Stacja Sanitarno-Epidemiologiczna" its
    own inspector and the inspection it is a station of are the owner; the voivodeship's
    inspector is another body (guard)."""
    owner = ParsedInstitution(
        name_raw="Powiatowa Stacja Sanitarno-Epidemiologiczna w Zawierciu", role="subject"
    )
    text = (
        "Państwowy Powiatowy Inspektor Sanitarny w Zawierciu informuje o zadaniach Państwowej"
        " Inspekcji Sanitarnej. Odwołania rozpatruje Państwowy Wojewódzki Inspektor Sanitarny"
        " w Katowicach."
    )
    names = [record.name_raw for record in mention_records(text, [owner], article=False)]
    assert names == ["Państwowy Wojewódzki Inspektor Sanitarny w Katowicach"]
