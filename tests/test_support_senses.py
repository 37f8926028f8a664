"""Word senses of the phrase table: a word that names a form of support in most sentences and
something else in a few (issue #17).

Each case is a real line of the web corpus's tune half (`benchmarks/web_corpus`, the document
id in the case id), read through `transforms.support_statements.read_support`. The sense is
decided from the words around the phrase (`transforms.phrase_senses`): food sampled, a
vaccination card, board with a price, things a pupil brings, a room among rooms, a compound
adjective naming a kind of unit, a residence registered at an office, care said to be
psychiatric, advice in a trade, a social worker's grade, foster families named as a group. Lines where the same words do name support are cases too. The test half is never
read here (the bip.bialowieza.pl line is from `../shared/data`'s saved pages).
"""

from __future__ import annotations

import pytest

from transforms.support_statements import read_support


def _codes(text: str) -> set[str]:
    return set(read_support(text).service_codes)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # --- another sense: nothing offered -----------------------------------------------
        pytest.param(
            "- pobieranie do badań próbek żywności i opracowywanie spraw z zakresu alarmowych "
            "powiadomień o niebezpiecznej żywności, kosmetykach lub przedmiotach użytku;",
            set(),
            id="a067-food-sampled-and-food-as-a-hazard",
        ),
        pytest.param(
            "• Dokumentacja medyczna, w tym: karta zdrowia i karta szczepień",
            set(),
            id="b053-a-vaccination-card-is-a-document",
        ),
        pytest.param(
            "• brak uzależnienia od nałogów;",
            set(),
            id="a014-an-absence-is-a-condition-of-admission",
        ),
        pytest.param(
            "Dom zapewnia całodobową opiekę, a w szczególności usługi bytowe, opiekuńcze oraz "
            "wspomagające i jest przeznaczony dla 89 osób, w tym dla 2 osób na pobyt czasowy.",
            {"residential_care"},
            id="a063-a-homes-care-services-are-not-home-care",
        ),
        pytest.param(
            "Realizowane są również w ciągłości usługi opiekuńcze dla klientów Ośrodka.",
            {"home_care"},
            id="c088-care-services-still-read",
        ),
        pytest.param(
            "Wyżywienie w bursie, koszt 10 zł - stawka dzienna, można zwrócić się w swoich "
            "gminach z wnioskiem o dofinansowanie i z decyzją przyjść do szkoły, pokój nr 53.",
            set(),
            id="b021-board-with-a-price-is-not-food-aid",
        ),
        pytest.param(
            "Wyposażenie ucznia do internatu: przybory toaletowe, przybory szkolne, odzież "
            "odpowiednią do pogody i pory roku.",
            set(),
            id="b021-clothes-a-pupil-brings",
        ),
        pytest.param(
            "W komendzie znajdują się: dyżurka, pomieszczenia biurowe, strzelnica kryta, "
            "szatnie, siłownia, archiwum, składnica akt, świetlica, sanitariaty, pomieszczenia "
            "gospodarcze, magazynowe, serwerownia.",
            set(),
            id="b073-a-common-room-among-a-stations-rooms",
        ),
        pytest.param(
            "Starosta wskazał Poradnię jako wiodący ośrodek koordynacyjno-rehabilitacyjno-"
            "opiekuńczy.",
            set(),
            id="b099-a-compound-naming-a-kind-of-unit",
        ),
        pytest.param(
            "w programach korekcyjno-edukacyjnych oraz psychologiczno-terapeutycznych dla osób "
            "stosujących przemoc domową",
            {"domestic_violence"},
            id="a052-a-compound-naming-a-kind-of-programme",
        ),
        pytest.param(
            "Ośrodek zasięgiem działania obejmuje miasto Bielsk Podlaski, które na dzień "
            "31.12.2022 roku wg danych ewidencyjnych liczyło 24.221 mieszkańców zameldowanych "
            "na pobyt stały oraz 382 osoby z pobytem czasowym.",
            set(),
            id="f015-a-registered-residence-is-not-residential-care",
        ),
        pytest.param(
            # ../shared/data/html_fixtures/gmina/bip.bialowieza.pl.html, "Liczba mieszkancow"
            "Liczba mieszkancow\nStan na 31.12.2018 r. Pobyt staly - 2105",
            set(),
            id="bialowieza-a-count-of-registered-residents",
        ),
        pytest.param(
            "Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży udziela świadczeń z zakresu "
            "opieki dziennej psychiatrycznej, w tym diagnostyki, leczenia oraz rehabilitacji "
            "osób z zaburzeniami psychicznymi, a także działań edukacyjno-konsultacyjnych dla "
            "rodziców, opiekunów dziecka.",
            {"psychiatry", "diagnosis", "rehabilitation"},
            id="a062-psychiatric-day-care-is-psychiatry",
        ),
        pytest.param(
            "Celem Programu jest wprowadzenie środowiskowego modelu psychiatrycznej opieki "
            "zdrowotnej w oparciu o działalność Centrów Zdrowia Psychicznego.",
            {"psychiatry"},
            id="c080-psychiatric-health-care-is-psychiatry",
        ),
        pytest.param(
            "Docelowo, będzie to nowoczesny obiekt zapewniający stacjonarną opiekę "
            "psychiatryczną dla dzieci i młodzieży do 18 roku życia na III poziomie "
            "referencyjnym.",
            {"psychiatry"},
            id="d030-psychiatric-in-patient-care-is-psychiatry",
        ),
        pytest.param(
            "1. Niniejszy Regulamin określa warunki i zasady korzystania z usług dietetycznych "
            "w zakresie doradztwa żywieniowego i układania jadłospisów dietetycznych "
            "świadczonych przez Usługodawcę",
            set(),
            id="d011-a-dietitians-advice-is-a-trade",
        ),
        pytest.param(
            "Specjalista pracy socjalnej\nSpecjalista pracy z rodziną",
            set(),
            id="g001-a-social-workers-grade-is-a-post",
        ),
        pytest.param(
            "Naszym głównym działaniem objęte są przede wszystkim osoby niepełnosprawne, "
            "rodziny zastępcze, dzieci i młodzież jak i ludzie w podeszłym wieku",
            set(),
            id="l026-foster-families-served-are-a-group",
        ),
        pytest.param(
            "• Rodziny wielodzietne, rodziny zastępcze, rodziny korzystające z PO PŻ",
            set(),
            id="r003-fresh-foster-families-in-a-list-of-groups",
        ),
        pytest.param(
            "Grupa wsparcia dla rodzin zastępczych",
            {"support_group", "family_support"},
            id="f131-fresh-foster-families-as-recipients",
        ),
        # --- the same words naming support: still read ------------------------------------
        pytest.param(
            "w Powiatowym Centrum Pomocy Rodzinie w Lęborku rusza bezpłatne szkolenie "
            "kandydatów na rodziny zastępcze, które będą funkcjonować na terenie powiatu "
            "lęborskiego",
            {"foster_care"},
            id="d024-foster-families-being-made-are-foster-care",
        ),
        pytest.param(
            "Nabór nowych rodzin zastępczych jest kluczowym zadaniem mającym na celu tworzenie "
            "miejsc dla dzieci",
            {"foster_care"},
            id="d024-recruiting-foster-families-is-foster-care",
        ),
        pytest.param(
            "• organizacją grup wsparcia oraz grup edukacyjno- terapeutycznych dla mieszkańców "
            "hostelu,",
            {"housing", "support_group", "therapy"},
            id="c099-a-compound-qualifying-groups-is-therapy",
        ),
        pytest.param(
            "1. OREW przeznaczony jest dla wychowanków w wieku od urodzenia do 25-tego roku "
            "życia, którzy wymagają kompleksowej, wielodyscyplinarnej pomocy rehabilitacyjno - "
            "edukacyjnej świadczonej w odpowiednich warunkach.",
            {"rehabilitation"},
            id="c048-whom-a-relative-clause-says-it-is-for-is-not-a-need",
        ),
        pytest.param(
            "Dom zapewnia całodobową opiekę oraz zaspokaja niezbędne potrzeby bytowe, "
            "społeczne i religijne.",
            {"residential_care"},
            id="a011-care-still-read",
        ),
    ],
)
def test_senses(text: str, codes: set[str]) -> None:
    assert _codes(text) == codes
