"""Ages on the pages that state them (issue #17, round of ages, ages16).

Cases are real lines of fresh pages outside the web corpus (`benchmarks/ages_fresh/`, the URL in
the case id; what each states was written down before anything was run on it) and of the
corpus's tune half (the document id in the case id).
"""

from __future__ import annotations

import pytest

from extractors.provider_voice import gives_its_own_hours_or_ages
from transforms.eligibility import read_ages
from transforms.sentences import sentences

Ages = list[tuple[float | None, float | None]]


@pytest.mark.parametrize(
    ("line", "ages"),
    [
        # months of life: weeks and months below a year are the first year, whole and half
        # years of months are those years
        pytest.param(
            "Do Żłobka przyjmujemy dzieci w wieku od osiemnastu miesięcy.",
            [(1.5, None)],
            id="cudownelata.edu.pl/zasady-rekrutacji.html",
        ),
        pytest.param(
            "Do grup żłobkowych przyjmowane są dzieci po 12 miesiącu życia do 3 lat.",
            [(1, 3)],
            id="maluchuwieliny.pl/?page_id=34",
        ),
        pytest.param(
            "- Grupa I – dzieci najmłodsze – od 20 tygodnia życia do 1. roku,",
            [(0, 1)],
            id="portalplock.pl/wiadomosci/piknik-w-miejskim-zlobku",
        ),
        pytest.param(
            "- Grupa II – dzieci od 1 roku życia do 1 roku i 6 miesięcy,",
            [(1, 1.5)],
            id="portalplock.pl/wiadomosci/piknik-w-miejskim-zlobku (II)",
        ),
        pytest.param(
            "- Grupa III – dzieci od 1 roku i 6 miesięcy do 2 lat,",
            [(1.5, 2)],
            id="portalplock.pl/wiadomosci/piknik-w-miejskim-zlobku (III)",
        ),
        pytest.param(
            "Przedmiotem działalności Żłobka Miejskiego są świadczenia, które swoim zakresem "
            "obejmują działalność pielęgnacyjną, opiekuńczą, wychowawczą i edukacyjną dzieci w "
            "wieku od ukończenia 20 tygodnia życia do 3 lat.",
            [(0, 3)],
            id="zlobek.kolo.pl/przedmiot-dzialalnosci",
        ),
        # the school year in which a child turns an age
        pytest.param(
            "Żłobek zapewnia opiekę nad dziećmi od ukończenia 18 miesiąca życia do końca roku "
            "szkolnego, w którym dziecko kończy 3 rok życia.",
            [(1.5, 3)],
            id="archiwumbipzlobek1.bialogard.info/index.php?id=210404",
        ),
        pytest.param(
            "Wychowaniem przedszkolnym obejmujemy dzieci od początku roku szkolnego (od 1 "
            "września)\nw roku kalendarzowym, w którym dziecko kończy 3 lata, do końca roku "
            "szkolnego (do 31 sierpnia) w roku kalendarzowym, w którym dziecko kończy 7 lat.",
            [(3, 7)],
            id="cudownelata.edu.pl/zasady-rekrutacji.html (preschool)",
        ),
        # a half year with no word of life, and the years before the upper number only
        pytest.param(
            "Dyrektor może przyjąć do Przedszkola dziecko, które ukończyło 2,5 roku, pod "
            "warunkiem osiągnięcia przez nie dojrzałości przedszkolnej.",
            [(2.5, None)],
            id="cudownelata.edu.pl/zasady-rekrutacji.html (director)",
        ),
        pytest.param(
            "Do przedszkola przyjmowane są dzieci od ukończenia przez nie 2,5 roku do lat 5.",
            [(2.5, 5)],
            id="4slonie.com/zapisy/20/zasady-rekrutacji",
        ),
        # "od momentu urodzenia"; young people by another word than "młodzież"
        pytest.param(
            "Publiczne poradnie psychologiczno-pedagogiczne udzielają dzieciom, od momentu "
            "urodzenia, i młodzieży pomocy psychologiczno-pedagogicznej.",
            [(0, None)],
            id="edukacja.um.warszawa.pl/Poradnie-psychologiczno-pedagogiczne",
        ),
        pytest.param(
            "Trafiają do nich młodzi ludzie od 18 do 25 lat.",
            [(18, 25)],
            id="fakty.tvn24.pl/najnowsze/mieszkania-treningowe-fundacji-po-drugie",
        ),
        # a law's title is not whom the page's unit takes; the unit's own range after it is
        pytest.param(
            "Od 27 marca do 9 kwietnia żłobek zamknięty – opieka wyłącznie dla dzieci rodziców "
            "wymienionych w rozporządzeniu Ministra Rodziny i Polityki Społecznej z dnia 26 "
            "marca 2021 r. w sprawie czasowego ograniczenia funkcjonowania form opieki nad "
            "dziećmi w wieku do lat 3 w związku z zapobieganiem COVID-19.",
            [],
            id="zlobekgniew.pl/aktualnosci/zamkniecie-zlobka",
        ),
        pytest.param(
            "Zgodnie z ustawą o opiece nad dziećmi w wieku do lat 3 żłobek przyjmuje dzieci od "
            "20 tygodnia życia do 3 lat.",
            [(0, 3)],
            id="the act's title before the unit's own range",
        ),
        # kept as they are: months below a year, how long a stay lasts, ages already read
        pytest.param("dzieci od 3 miesięcy do 6 lat", [(0, 6)], id="months below a year"),
        pytest.param(
            "Z mieszkaniach treningowego mogą skorzystać wychowankowie pieczy zastępczej w "
            "wieku do 30 roku życia i osoby bezdomne w wieku do 30 roku życia. Pobyt w "
            "mieszkaniach treningowych ma charakter tymczasowy i trwa zwykle maksymalnie 1 rok.",
            [(None, 30)],
            id="bip.cus-zyrardow.pl/?menu=19",
        ),
        pytest.param(
            "Dzienny Dom „Senior +” jest placówką przeznaczona dla osób, które ukończyły 60 rok "
            "życia, są nieaktywne zawodowo i chcą przyjemnie spędzać czas.",
            [(60, None)],
            id="dabrowatar.pl/dzienny-dom-senior",
        ),
    ],
)
def test_ages_on_fresh_lines(line: str, ages: Ages) -> None:
    assert [(a.min, a.max) for a in read_ages(sentences(line))] == ages


@pytest.mark.parametrize(
    ("text", "takes_by_age"),
    [
        pytest.param(
            "Półkolonie są kierowane do dzieci w wieku 6-13 lat - w zależności od danego "
            "turnusu grupa docelowa jest zmienna.",
            True,
            id="hala.trzcianka.com.pl/index.php/informacje/zaproszenia",
        ),
        pytest.param(
            "Do grup żłobkowych przyjmowane są dzieci po 12 miesiącu życia do 3 lat.",
            True,
            id="maluchuwieliny.pl/?page_id=34",
        ),
        pytest.param(
            "Żłobek zapewnia opiekę nad dziećmi od ukończenia 18 miesiąca życia do końca roku "
            "szkolnego, w którym dziecko kończy 3 rok życia.",
            True,
            id="archiwumbipzlobek1.bialogard.info/index.php?id=210404",
        ),
        pytest.param(
            "Do przedszkola uczęszczają dzieci w wieku 3 – 6 lat.",
            True,
            id="przedszkolenwl.pl/przedszkole-nwl/o-przedszkolu-nowa-wies-leborska",
        ),
        pytest.param(
            "Świetlica środowiskowa – socjoterapeutyczna jest specjalistyczną placówką "
            "opiekuńczo – wychowawczą wsparcia dziennego dla dzieci i młodzieży w wieku 6-18 lat.",
            True,
            id="wspolnanadzieja.pl/nasi-podopieczni/swietlica-srodowiskowa",
        ),
        pytest.param(
            "Ognisko Wychowawcze jest placówką opiekuńczo-wychowawczą, do której uczęszczają "
            "dzieci w wieku od 5 do 16 lat.",
            True,
            id="tune f035",
        ),
        # placówki in the plural, a guide's: no one unit
        pytest.param(
            "Placówki wsparcia dziennego to element wsparcia i profilaktyki skierowanej na "
            "rodzinę przeżywającą trudności w wypełnianiu funkcji opiekuńczo-wychowawczej.",
            False,
            id="placówki in the plural",
        ),
        # a one-off event reported, a law's exception, a person's age: no unit's taking
        pytest.param(
            "Natomiast, drugie miało charakter otwarty i było adresowane do dzieci w wieku 4-8 "
            "lat.",
            False,
            id="slaskipegaz.bs.katowice.pl/?cat=433",
        ),
        pytest.param(
            "Podmiot prowadzący żłobek lub klub dziecięcy może przyjąć dziecko, które skończyło "
            "już 3 lata, jeżeli rodzic udowodni, że nie może być w tym czasie objęte edukacją "
            "przedszkolną.",
            False,
            id="dziennik.pl/tagi/klubki-malucha",
        ),
        pytest.param(
            "Komenda Powiatowa Policji w Kole prowadzi intensywne poszukiwania 14-letniego "
            "Mateusza.",
            False,
            id="se.pl/poznan/zaginal-14-letni-mateusz",
        ),
    ],
)
def test_a_page_says_whom_it_takes(text: str, takes_by_age: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is takes_by_age
