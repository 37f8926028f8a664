"""What an institution's text states it offers: services with their sentence, ages, fees,
referral and weekly schedules (`transforms.support_statements` and the readers under it).

Every case quotes a few lines of a real page of the web corpus's tune half
(`benchmarks/web_corpus/documents/<id>.txt`, the id is the case's id), as written there.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from directory_factory import build_directory  # tests/ helper module

from extractors.context import ParseContext
from extractors.html_pages import parse_contact_page
from extractors.page_text import texts_about
from extractors.records import Document, ExtractionError
from flows.inspect import extract_one, format_table
from transforms.eligibility import read_ages, read_fees, read_referral
from transforms.not_an_offer import not_an_offer
from transforms.opening_hours import read_schedules
from transforms.sentences import sentences
from transforms.support_statements import read_support
from warehouse.publish.snapshot import write_snapshot

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr")
DAYS = (*WEEKDAYS, "Sa", "Su")


def _codes(text: str) -> set[str]:
    return set(read_support(text).service_codes)


# --- forms of support stated --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        pytest.param(
            # counselling on legal matters is counselling (ANNOTATION.md: "poradnictwo
            # specjalistyczne (rodzinne, prawne-ogólne…)"); the annotators of a001 and a079
            # read it so, c099's annotator also as legal aid
            "• prowadzenie poradnictwa specjalistycznego: psychologicznego, socjalnego, "
            "prawnego oraz pedagogicznego,",
            {"counselling", "psychological_support"},
            id="c099-coordinated-adjectives",
        ),
        pytest.param(
            "Udzielamy nieodpłatnego poradnictwa prawnego i obywatelskiego.",
            {"counselling", "legal_aid"},
            id="free-legal-counselling-is-legal-aid",
        ),
        pytest.param(
            "1. Poradnia udziela pomocy specjalistycznej psychologicznej, pedagogicznej i "
            "logopedycznej:",
            {"psychological_support", "speech_therapy"},
            id="b003-help-of-three-kinds",
        ),
        pytest.param(
            "Członkowie rodzin lub opiekunowie mają możliwość uzyskania doraźnej, czasowej pomocy "
            "w formie usługi opieki wytchnieniowej",
            {"respite_care"},
            id="c022-respite-care-a-stem",
        ),
        pytest.param(
            "Regionalne Centrum Kryzysowe oferuje wsparcie gabinetowe - indywidualne konsultacje, "
            "ale również wsparcie dla par czy rodzin, wsparcie grupowe, w tym m.in. warsztaty, "
            "grupy wsparcia dla młodzieży, rodziców czy ofiar przemocy domowej.",
            {"counselling", "support_group", "domestic_violence"},
            id="c041-support-groups",
        ),
        pytest.param(
            "Jeśli przeżywasz lęki, napięcia emocjonalne, kłopoty i trudności wpływające na "
            "zdrowie psychiczne możesz skorzystać z bezpłatnej infolinii Rzecznika Praw Dziecka "
            "800 12 12 12.",
            {"helpline"},
            id="b014-helpline",
        ),
        pytest.param(
            "Pośrednictwo\npracy\n\nPoradnictwo\nzawodowe",
            {"employment_services", "career_guidance"},
            id="b033-menu-item-broken-over-two-lines",
        ),
        pytest.param(
            "Ośrodek ma stanowić miejsce zarówno terapii indywidualnej, jak i grupowej. "
            "Placówka przyjmować będzie osoby poniżej 18 roku życia potrzebujące wsparcia "
            "psychologicznego lub psychoterapeutycznego.",
            {"therapy", "psychological_support", "psychotherapy"},
            id="c014-psychotherapy",
        ),
        pytest.param(
            "Centra prowadzą poradnie zdrowia psychicznego, do psychologa potrzebne jest "
            "skierowanie, a do psychiatry można się zgłosić bez skierowania.",
            {"psychiatry", "psychological_support"},
            id="c016-psychiatry",
        ),
        pytest.param(
            "piątek  w godz. 11.00 – 12.00 Radca prawny",
            {"legal_aid"},
            id="c079-a-lawyer-on-duty",
        ),
        pytest.param(
            "W Miejsko-Gminnym Ośrodku Pomocy Społecznej zatrudnionych jest 13 pracowników, w "
            "tym: 3 pracowników socjalnych",
            {"social_work"},
            id="c061-staff-employed-is-not-a-job-ad",
        ),
        pytest.param(
            "Dzięki prowadzonej przez nas rehabilitacji społecznej i zawodowej, wielu uczestników "
            "brało udział w praktykach zawodowych",
            {"rehabilitation"},
            id="c077-social-rehabilitation",
        ),
        pytest.param(
            "Placówka Wsparcia Dziennego prowadzona w formie opiekuńczo – specjalistycznej, "
            "czynna jest przez cały rok",
            {"day_care"},
            id="c029-a-name-that-opens-a-sentence-says-what-it-is",
        ),
    ],
)
def test_stated_forms_of_support(text: str, codes: set[str]) -> None:
    assert _codes(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Działamy według Ustawy o wspieraniu rodziny i systemie pieczy zastępczej z 9 "
            "czerwca 2011r. oraz stosownych do niej rozporządzeń.",
            id="a040-the-title-of-a-law",
        ),
        pytest.param(
            "Przekształcenie z mocy prawa wieczystego użytkowania we własność na podstawie "
            "ustawy z dnia 20 lipca 2018r. (Dz.U. z 2018r., poz. 1716 z późn. zm.) - dla osób "
            "niepełnosprawnych",
            id="a037-a-law-by-its-journal-entry",
        ),
        pytest.param(
            "Prokuratura Okręgowa Warszawa-Praga w Warszawie nie udziela porad prawnych, nie "
            "odpowiada na pytania prawne oraz nie dokonuje interpretacji przepisów prawa.",
            id="b023-what-it-does-not-do",
        ),
        pytest.param(
            "realizowanego przez Polskie Towarzystwo Psychologiczne, a w 2012 r. otrzymuje rekomendację nadaną przez Krajowe Biuro ds. "
            "Przeciwdziałania Narkomanii, Instytut Psychiatrii i Neurologii",
            id="c017-names-of-institutions",
        ),
        pytest.param(
            "Do placówki przyjmuje się wychowanków w wieku 6-13 lat na prośbę "
            "rodziców/opiekunów prawnych, na wniosek szkoły, pracownika socjalnego, asystenta "
            "rodziny, kuratora sądowego",
            id="c029-who-may-ask-for-a-place",
        ),
        pytest.param(
            "• zaświadczenie od lekarza psychiatry dotyczące stanu zdrowia i braku "
            "przeciwwskazań do adopcji;",
            id="a014-a-document-to-bring",
        ),
        pytest.param(" • sala rehabilitacyjna,", id="a063-a-room"),
        pytest.param(
            "Decyzją Wojewody Lubelskiego z dnia 30 października 2020 roku działalność "
            "Środowiskowego Domu Samopomocy „Cytrynka” w Dorohusku została czasowo zawieszona "
            "w terminie od dnia 02.11.2020 do dnia 13.11.2020 roku – zajęcia terapeutyczne",
            id="a090-a-suspended-activity",
        ),
        pytest.param(
            "informuję, iż od dnia 19.10.2020r. do odwołania zawieszam działalność:\n"
            "1) Klubu Seniora przy ul. Topolowej,\n2) zajęć rehabilitacyjnych dla seniorów",
            id="a099-a-list-of-suspended-activities",
        ),
        pytest.param(
            "date 2023-11 Szczecin stolicą konferencji samorządów uczniowskich o pomocy "
            "psychologicznej",
            id="b062-a-conference",
        ),
        pytest.param(
            "Konsultacje społeczne - Program Usług Społecznych w Gminie Czersk na lata 2022-2023",
            id="a019-a-public-consultation",
        ),
    ],
)
def test_words_that_pass_by_are_not_statements(text: str) -> None:
    assert _codes(text) == set()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        pytest.param(
            "2. Badania specjalistyczne i konsultacje odbywają się po wcześniejszym ustaleniu "
            "terminu na pisemny wniosek klienta (nauczyciela, szkoły, rodziców, pełnoletniego "
            "ucznia) wg kolejności zgłoszeń.",
            {"counselling", "diagnosis"},
            id="b003-a-list-is-not-one-phrase",
        ),
        pytest.param("Zapraszamy do szkoły dla rodziców.", {"parenting_school"}, id="one-phrase"),
        pytest.param(
            "Czas pobytu w Oddziale Psychiatrycznym Dziennym dla Dzieci i Młodzieży uzależniony "
            "jest od potrzeb indywidualnych pacjenta i wynosi od 10 do 217 dni.",
            set(),
            id="a062-depending-on-is-not-addiction",
        ),
        pytest.param(
            "Prowadzimy terapię dla osób uzależnionych od alkoholu.",
            {"addiction_support"},  # an addiction therapy, not a therapy of another kind
            id="addicted-to-alcohol",
        ),
        pytest.param(
            "11. Specjalista może poprosić o konsultację u innego specjalisty (np. psychiatry, "
            "specjalisty uzależnień, neurologa itp.) jeśli uzna to za warunek konieczny "
            "kontynuowania spotkań.",
            {"counselling"},
            id="c083-another-specialist",
        ),
        pytest.param(
            "• Orzeczenie o potrzebie kształcenia specjalnego", set(), id="b053-a-document"
        ),
        pytest.param(
            "a) orzeczenie o znacznym stopniu niepełnosprawności albo", set(), id="c021-a-document"
        ),
        pytest.param(
            "• Wydaje orzeczenia o stopniu niepełnosprawności osób do 16-go roku życia",
            {"diagnosis"},
            id="c068-issues-certificates",
        ),
        pytest.param(
            "• wydział edukacji, kultury i kultury fizycznej", set(), id="b056-a-department"
        ),
        pytest.param(
            "Prowadzimy zajęcia z edukacji przedszkolnej.", {"education"}, id="preschool-education"
        ),
        pytest.param(
            "- Świadczy specjalistyczne poradnictwo psychologiczne, pedagogiczne i prawne.",
            {"counselling", "psychological_support"},
            id="a001-legal-counselling-is-counselling-not-legal-aid",
        ),
        pytest.param(
            "Udzielana jest tam m.in. pomoc psychologa, prawnika, logopedy czy psychodietetyka.",
            {"psychological_support", "legal_aid", "speech_therapy"},
            id="c041-a-lawyers-help-is-legal-aid",
        ),
        pytest.param(
            "Wszystkie nasze Beniaminki są objęte bezpłatną opieką logopedyczną, psychologiczną "
            "i pedagogiczną.",
            {"psychological_support", "speech_therapy"},
            id="fixture-coordinated-adjectives-span-a-list",
        ),
        pytest.param("Dla kogo oddziały dziennego pobytu", set(), id="c016-a-question-heading"),
        pytest.param("Czy potrzebujesz pomocy psychologa?", set(), id="a-question"),
        pytest.param(
            "Kto może skorzystać? Prowadzimy terapię logopedyczną.",
            {"speech_therapy"},
            id="the-answer-after-a-question",
        ),
        pytest.param(
            "Świetlica Terapeutyczna w Ostródzie ul. Sportowa 1, 14-100 Ostróda, tel. 89 646 41 41",
            set(),
            id="a073-a-name-and-its-address",
        ),
        pytest.param("e-mail: swietlica_ostroda@wp.pl", set(), id="a073-a-mailbox"),
        pytest.param(
            "DOCXUchwała nr 3252/24 Zarządu Powiatu Opolskiego z dnia 25 stycznia 2024 r. w "
            "sprawie przyjęcia projektu Programu rozwoju pieczy zastępczej",
            set(),
            id="a052-a-files-type-run-into-its-title",
        ),
        pytest.param(
            "Działając na podstawie Rozporządzenia MEN z dnia 5 września 2017r. w sprawie "
            "szczegółowych zadań wiodących ośrodków koordynacyjno-rehabilitacyjno-opiekuńczych",
            set(),
            id="b099-what-a-regulation-is-about",
        ),
        pytest.param(
            "liczba wydawanych orzeczeń o potrzebie kształcenia specjalnego rośnie",
            {"diagnosis"},
            id="c095-a-certificates-name",
        ),
    ],
)
def test_what_a_sentence_states_and_what_it_only_names(text: str, codes: set[str]) -> None:
    assert _codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        pytest.param(
            "- Organizuje opiekę w rodzinach zastępczych oraz udziela pomocy pieniężnej na "
            "częściowe pokrycie kosztów utrzymania dziecka.",
            {"foster_care", "financial_benefits"},
            id="a001-pomoc-pieniezna",
        ),
        pytest.param(
            "1. przyznawanie i wypłacanie przewidzianych ustawą świadczeń,",
            {"financial_benefits"},
            id="c060-wyplacanie-swiadczen",
        ),
        pytest.param(
            "• Wydaje legitymacje osobom niepełnosprawnym",
            {"disability_support"},
            id="c068-legitymacje",
        ),
        pytest.param(
            "Warsztat jest finansowany ze środków PFRON za pośrednictwem WCPR",
            set(),
            id="c077-a-funder-is-not-a-service",
        ),
        pytest.param(
            "Osoba, która nie spełnia warunków niezbędnych do nabycia statusu bezrobotnego, może "
            "zarejestrować się jako poszukująca pracy.",
            {"employment_services"},
            id="b010-jobseekers",
        ),
        pytest.param(
            "objęcie wsparciem dzieciom zagrożonym demoralizacją lub uzależnieniem",
            {"prevention"},
            id="a072-at-risk-is-prevention",
        ),
        pytest.param(
            "Dyżurujący w nim koordynatorzy wstępnie zdiagnozują problem zdrowotny",
            {"diagnosis"},
            id="c080-zdiagnozuja",
        ),
        pytest.param(
            "Wszystkie dzieci leczone tego dnia w naszym Szpitalu otrzymały wspólny prezent",
            {"health_care"},
            id="a092-leczone",
        ),
        pytest.param(
            "Miejsko-Gminny Ośrodek Pomocy Społecznej prowadzi sprawy z zakresu: pomocy "
            "społecznej, świadczeń rodzinnych i opiekuńczych, funduszu alimentacyjnego, dodatków "
            "mieszkaniowych i energetycznych, stypendiów szkolnych, profilaktyki alkoholowej i "
            "narkomani, sprawy pieczy zastępczej, koordynacji świadczeń rodzinnych i dodatków na "
            "podstawie nadanych upoważnień Burmistrza Gorzowa Śląskiego.",
            {"addiction_support", "financial_benefits", "foster_care"},
            id="c061-prevention-of-addictions-is-addiction-support",
        ),
        pytest.param(
            "• Prowadzenie profilaktyki antyalkoholowej, propagowanie właściwych wzorców zachowań.",
            {"prevention"},
            id="f021-a-word-morfeusz-does-not-know-stays-prevention",
        ),
    ],
)
def test_the_ways_pages_write_each_form(text: str, codes: set[str]) -> None:
    assert _codes(text) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Prowadzimy zajęcia dydaktyczno-wyrównawcze.", {"educational_therapy"}),
        ("Oferujemy psychoedukację dla rodziców.", {"psychological_support"}),
        ("terapia poznawczo-behawioralna", {"psychotherapy"}),
        ("Prowadzimy bajkoterapię i biofeedback.", {"therapy"}),
        ("terapia jąkania", {"speech_therapy"}),
        ("Poradnia wydaje opinie i orzeczenia.", {"diagnosis"}),
        ("Działa grupa samopomocy dla rodziców.", {"support_group"}),
        ("Zapewniamy wsparcie dla rodzin w kryzysie.", {"family_support"}),
        ("mieszkania wspierane dla osób z niepełnosprawnościami", {"housing"}),
        ("Wypłacamy zapomogi.", {"financial_benefits"}),
        ("rejestracja osób bezrobotnych", {"employment_services"}),
        ("środki na podjęcie działalności gospodarczej", {"employment_services"}),
        ("zajęcia dla seniorów", {"senior_activities"}),
        ("zajęcia ruchowe i teatralne, kolonie letnie", {"leisure_activities"}),
        ("Punkt konsultacyjny", {"counselling"}),
        ("Rehabilitacja zawodowa osób niepełnosprawnych", {"disability_support"}),
        ("Gabinet Promocji Zdrowia", {"prevention"}),
        ("bezpłatne badania w kierunku HIV i HCV", {"health_care"}),
        ("można korzystać z pomocy tłumacza języka migowego", {"disability_support"}),
        # and what they are not
        ("Współpracujemy z Bankiem Żywności", set()),  # a partner named after a verb
        ("Dodatkowe dni wolne od zajęć dydaktycznych:", set()),
        ("Skład Opału w Kcyni", set()),
        ("• Aktualny wywiad środowiskowy", set()),  # a document to bring
    ],
)
def test_common_polish_forms_the_tune_half_does_not_show(text: str, codes: set[str]) -> None:
    # Written by hand from common Polish wording, not from a corpus document.
    assert _codes(text) == codes


def test_each_service_keeps_the_sentence_that_states_it() -> None:
    # a001: the first sentence that states a code is its evidence, as written
    text = (
        "Do zadań Centrum należy:\n- Podejmuje interwencję kryzysową.\n"
        "- Świadczy specjalistyczne poradnictwo psychologiczne, pedagogiczne i prawne."
    )
    stated = {item.code: item.evidence for item in read_support(text).services}
    assert stated["crisis_intervention"] == "- Podejmuje interwencję kryzysową."
    assert stated["counselling"].startswith("- Świadczy specjalistyczne poradnictwo")


def test_a_job_advertisement_is_not_an_offer() -> None:
    # b071-like wording; the reason is given, so a reviewer can see why a sentence was left out
    assert not_an_offer("Zatrudnimy psychologa na stanowisko terapeuty") == "a job advertisement"
    assert not_an_offer("Poradnia zatrudnia psychologów i logopedów.") is None


def test_sentences_keep_abbreviations_and_split_sentences() -> None:
    # a001
    text = "Godziny pracy PCPR: poniedziałek – piątek od godz. 8.00 do godz. 16.00. Zapraszamy."
    assert list(sentences(text)) == [
        "Godziny pracy PCPR: poniedziałek – piątek od godz. 8.00 do godz. 16.00.",
        "Zapraszamy.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "w godz.8:00 – 10:00.W przypadku gdy poniedziałek jest dniem wolnym",
            ["w godz.8:00 – 10:00.", "W przypadku gdy poniedziałek jest dniem wolnym"],
            id="c075-a-lost-space",
        ),
        pytest.param("m.in.Psycholog", ["m.in.Psycholog"], id="an-abbreviation"),
        pytest.param("zobacz www.ops.Pl", ["zobacz www.ops.Pl"], id="an-address"),
        pytest.param("pisz na ops@ops.Pl teraz", ["pisz na ops@ops.Pl teraz"], id="a-mailbox"),
        pytest.param(
            "czynne: pon. 8:00-17:00, wt.-pt. 7:30-15:30",
            ["czynne: pon. 8:00-17:00, wt.-pt. 7:30-15:30"],
            id="an-abbreviated-day-range",
        ),
    ],
)
def test_where_sentences_end(text: str, expected: list[str]) -> None:
    assert list(sentences(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Program rozwoju pieczy zastępczej w powiecie opolskim na lata 2024 – 2026.docx (162,03KB)",
        "Regulamin terapii logopedycznej (245 KB)",
    ],
)
def test_a_link_to_a_document_states_nothing(text: str) -> None:
    assert _codes(text) == set()  # a052


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the 96 saved pages: a tag cloud, a schedule's title
        ("Porady (11) prawo (2)", set()),
        ("sytuacje kryzysowe (5)kultura (7)budownictwo (8)", set()),
        ("Harmonogram porad grupowych na I kwartal 2018", set()),
        # a phone's area code in brackets is no tag count (c075)
        (
            "Oferujemy terapię uzależnień, tel. (063) 28 81 074, (063) 28 81 075",
            {"addiction_support"},
        ),
    ],
)
def test_tags_and_titles_state_nothing(text: str, codes: set[str]) -> None:
    assert _codes(text) == codes
    if codes:
        assert not_an_offer(text) is None


def test_a_list_of_causes_states_no_offer() -> None:
    """Tune g011: the causes of placing children in foster families, listed after a colon, are
    problems, not services ("uzależnienie od alkoholu" is no addiction support)."""
    text = (
        "Opieką koordynatorów objęte są rodziny zastępcze oraz dzieci w nich umieszczone. "
        "Głównymi przyczynami umieszczania dzieci w rodzinnej pieczy zastępczej są:\n"
        "  • uzależnienie od alkoholu;"
    )
    assert _codes(text) == {"foster_care"}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # tune b035: a practice's regulations say what they cover, not what is offered
        (
            "2. Regulamin dotyczy konsultacji bezpośrednio w gabinecie, domu Pacjenta, wybranym "
            "przez Pacjenta miejscu spotkania, on-line lub drogą teleinformatyczną.",
            set(),
        ),
        # a sentence about the regulations' subject, not the regulations, is still read
        ("Zgodnie z regulaminem prowadzimy konsultacje psychologiczne.", {"psychological_support"}),
    ],
)
def test_a_regulations_scope_states_no_offer(text: str, codes: set[str]) -> None:
    assert _codes(text) == codes


# --- ages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        pytest.param(
            "Pacjentami oddziału są dzieci i młodzież w wieku 14-18 lat.", [(14, 18)], id="a062"
        ),
        pytest.param(
            "1) dziećmi od ukończenia 2. roku życia do ukończenia 16. roku życia posiadającymi "
            "orzeczenie o niepełnosprawności lub",
            [(2, 16)],
            id="c021-from-age-to-age",
        ),
        pytest.param(
            "Wsparcie w kryzysie psychicznym udzielane jest osobom, które ukończyły 18 rok życia.",
            [(18, None)],
            id="c040-adults",
        ),
        pytest.param(
            "Adoptować można osobę, która nie ukończyła 18 lat.", [(None, 18)], id="a014-under"
        ),
        pytest.param(
            "co oferuje młodzieży między 15 a 24 rokiem życia można się przekonać",
            [(15, 24)],
            id="b020-between",
        ),
        pytest.param(
            "Poradnia obejmuje swoją pomocą dzieci i młodzież od urodzenia do ukończenia szkoły",
            [(0, None)],
            id="c096-from-birth",
        ),
        pytest.param(
            "Klub Seniora zaprasza wszystkie osoby powyżej 60. roku życia do swojej siedziby",
            [(60, None)],
            id="c085-over",
        ),
        pytest.param(
            "Lekcje dla ukraińskich dzieci odbywają się w poniedziałki i wtorki – w godz. "
            "13.00-13.45 (7-8 lat) oraz 14.00-14.45 (9-12 lat).",
            [(7, 8), (9, 12)],
            id="c059-two-groups",
        ),
        pytest.param(
            "Formalnie Fundacja rozpoczęła działalność w 1991 roku i od 30 lat pomaga.",
            [],
            id="a027-years-of-activity-are-not-ages",
        ),
    ],
)
def test_ages(text: str, ages: list[tuple[int | None, int | None]]) -> None:
    assert [(age.min, age.max) for age in read_ages(sentences(text))] == ages


# --- fees and referral ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "free"),
    [
        pytest.param(
            "2. Korzystanie z pomocy udzielanej przez Poradnię jest dobrowolne i nieodpłatne.",
            True,
            id="b002",
        ),
        pytest.param("Pobyt w domu jest bezpłatny.", True, id="a057"),
        pytest.param(
            "Wyżywienie w bursie, koszt 10 zł -  stawka dzienna, można zwrócić się w swoich "
            "gminach",
            False,
            id="b021-paid",
        ),
        pytest.param(
            "Nieodpłatna pomoc prawna i nieodpłatne poradnictwo obywatelskie",
            None,
            id="a menu item naming the statutory free legal advice",
        ),
        pytest.param(
            "W powiecie kieleckim rozrosła się sieć punktów, w których można otrzymać bezpłatną "
            "poradę prawną lub obywatelską.",
            True,
            id="f009-a-sentence-says-the-statutory-service-is-free",
        ),
        pytest.param(
            "Potrzebujesz nieodpłatnej pomocy prawnej - umów się na poradę, zadzwoń pod nr tel. "
            "77 408 50 94 , od poniedziałku do środy w godz. 09:00-11:00",
            True,
            id="d017-an-invitation-to-the-free-service",
        ),
        pytest.param(
            "BIP czyli Biuletyn Informacji Publicznej to system stron internetowych służący "
            "powszechnemu i bezpłatnemu dostępowi do informacji publicznej.",
            None,
            id="b058-free-access-to-information",
        ),
        pytest.param(
            "Wsparcia udzieliły również Starostwo Powiatowe w Sieradzu oraz władze miasta Warty "
            "nieodpłatnie przekazując działkę na której powstał budynek.",
            None,
            id="b104-land-given-free",
        ),
        pytest.param(
            "prezes sądu przyznaje miesięczny ryczałt z tytułu zwrotu kosztów, płatny do 20. "
            "dnia każdego miesiąca",
            None,
            id="b007-a-due-date",
        ),
        pytest.param(
            "Czy zajęcia w poradni są płatne?\n\nWszelaka pomoc udzielana w Poradni jest "
            "bezpłatna.",
            True,
            id="f033-a-question-states-no-fee-its-answer-does",
        ),
        pytest.param(
            "Zajęcia są płatne (zgodnie z cennikiem) lub bezpłatne w ramach dnia otwartego.",
            False,
            id="f027-the-first-is-the-rule-the-second-its-exception",
        ),
    ],
)
def test_fees(text: str, free: bool | None) -> None:
    fees = read_fees(sentences(text))
    assert (fees.free if fees else None) == free


@pytest.mark.parametrize(
    ("text", "free"),
    [
        ("Za pobyt w DPS pobierana jest opłata.", False),
        ("Udział jest wolny od opłat.", True),
        ("Korzystanie z usług nie wymaga opłat.", True),
        ("Nie pobiera się opłat za pobyt.", True),
    ],
)
def test_fees_in_forms_the_tune_half_does_not_show(text: str, free: bool | None) -> None:
    # Written by hand from common Polish wording, not from a corpus document.
    fees = read_fees(sentences(text))
    assert (fees.free if fees else None) == free


@pytest.mark.parametrize(
    ("text", "required"),
    [
        pytest.param(
            "- Chcemy pokazać ludziom, że mogą tu przyjść bez skierowania.", False, id="a044"
        ),
        pytest.param(
            "Korzystanie z pomocy oferowanej przez poradnię jest dobrowolne i bezpłatne. Nie "
            "wymaga skierowania.",
            False,
            id="b068",
        ),
        pytest.param(
            "Do psychologa ze skierowaniem, do psychiatry - bez", True, id="c016-the-first-says"
        ),
        pytest.param(
            "– dziećmi do ukończenia 16. roku życia posiadającymi orzeczenie o niepełnosprawności,",
            True,
            id="c022-a-certificate",
        ),
        pytest.param(
            "Niezbędne wizyty u specjalistów będą finansowane przez NFZ, a dzieci i młodzież "
            "planujące skorzystać z usług ośrodka nie będą musiały posiadać skierowania od lekarza.",
            False,
            id="c014-will-not-need",
        ),
        pytest.param("• wobec których MOPS wydał stosowną decyzję.", True, id="a059-a-decision"),
        pytest.param(
            "- wydawanie decyzji w zakresie rejestra", None, id="a067-issuing-decisions-is-a-duty"
        ),
        pytest.param(
            "Do placówek podopiecznych kieruje Powiatowe Centrum Pomocy Rodzinie na podstawie "
            "postanowienia Sądu Wydziału Rodzinnego i Nieletnich.",
            True,
            id="d025-by-a-court-order",
        ),
        pytest.param(
            "Środowiskowy Dom Samopomocy w Lubawie jest placówką zapewniającą dzienny pobyt dla "
            "32 osób dorosłych przewlekle psychicznie chorych oraz upośledzonych umysłowo i "
            "obejmuje opieką osoby z terenu miasta i gminy Lubawa, skierowane do Domu decyzją "
            "Kierownika Miejskiego Ośrodka Pomocy Społecznej w Lubawie.",
            True,
            id="f008-sent-by-a-decision",
        ),
        pytest.param(
            "4. Po uzyskaniu orzeczenia, opiekun prawny kontaktuje się z Dyrektorem Ośrodka w "
            "celu konsultacji i umówienia terminu przyjęcia",
            True,
            id="f050-after-obtaining-a-certificate",
        ),
        pytest.param(
            "Postanowienie o umieszczeniu w młodzieżowym ośrodku wychowawczym wydaje sąd rejonowy.",
            True,
            id="b051-a-court-order",
        ),
        pytest.param(
            "Na podstawie decyzji Prezydenta Miasta Koszalina, 1 sierpnia 2015r. utworzony został "
            "Dom Pomocy Społecznej",
            None,
            id="a064-a-founding-decision",
        ),
    ],
)
def test_referral(text: str, required: bool | None) -> None:
    referral = read_referral(sentences(text))
    assert (referral.required if referral else None) == required


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("Przyjęcie do ośrodka wymaga skierowania.", True),
        ("Przyjęcie nie wymaga skierowania.", False),
        ("Skierowania nie wymagamy.", False),
        ("Warunkiem przyjęcia jest skierowanie.", True),
        ("Do ośrodka kieruje sąd.", True),
        ("Dzieci są kierowane przez sąd rodzinny.", True),
        ("Skierowanie wydaje Powiatowe Centrum Pomocy Rodzinie.", True),
        ("Nie jest wymagane orzeczenie o niepełnosprawności.", False),
        ("Zapisy telefoniczne, skierowanie niepotrzebne.", False),
        ("skierowanie nie jest konieczne", False),
        ("Wnioski kieruje się do sądu.", None),
        ("Sprawę kieruje do sądu kurator.", None),
    ],
)
def test_referral_in_forms_the_tune_half_does_not_show(text: str, required: bool | None) -> None:
    # Written by hand from common Polish wording, not from a corpus document.
    referral = read_referral(sentences(text))
    assert (referral.required if referral else None) == required


# --- schedules -----------------------------------------------------------------------------

Entry = tuple[tuple[str, ...], str, str]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        pytest.param(
            "Godziny pracy PCPR: poniedziałek – piątek od godz. 8.00 do godz. 16.00",
            [(WEEKDAYS, "08:00", "16:00")],
            id="a001-abbreviations-inside",
        ),
        pytest.param(
            "poniedziałek od 7,30 do 17,00\nwtorek – czwartek od 7,30 do 15,30\n"
            "piątek od 7,30 do 14,00",
            [
                (("Mo",), "07:30", "17:00"),
                (("Tu", "We", "Th"), "07:30", "15:30"),
                (("Fr",), "07:30", "14:00"),
            ],
            id="a097-commas",
        ),
        pytest.param(
            "godziny pracy: pn, wt. czw. pt 7.30 – 15.30 ; śr. 8.30 – 16.30",
            [(("Mo", "Tu", "Th", "Fr"), "07:30", "15:30"), (("We",), "08:30", "16:30")],
            id="a103-abbreviated-days",
        ),
        pytest.param(
            "Wtorek\n\nod godz.  14 00 do  18 00",
            [(("Tu",), "14:00", "18:00")],
            id="c010-lost-superscript-minutes",
        ),
        pytest.param(
            "w poniedziałek, środę, czwartek w godz. 7.0015.00, wtorek w godz. 7.0016.00, "
            "piątek w godz. 7.0014.00",
            [
                (("Mo", "We", "Th"), "07:00", "15:00"),
                (("Tu",), "07:00", "16:00"),
                (("Fr",), "07:00", "14:00"),
            ],
            id="c039-cells-run-together",
        ),
        pytest.param(
            "Godziny otwarcia:\n\nponiedziałek\n\n7.15 - 15.00\n\nwtorek\n\n7.15 - 15.00\n\n"
            "środa\n\n7.30 - 15.30",
            [
                (("Mo",), "07:15", "15:00"),
                (("Tu",), "07:15", "15:00"),
                (("We",), "07:30", "15:30"),
            ],
            id="c061-a-day-above-its-hours",
        ),
        pytest.param(
            "1. Ustala się godziny otwarcia Sądu Rejonowego w Rzeszowie dla Interesantów od 8:00 "
            "do 15:00, w poniedziałki od 8.00 do 18.00.",
            [(("Tu", "We", "Th", "Fr"), "08:00", "15:00"), (("Mo",), "08:00", "18:00")],
            id="b024-otherwise-and-mondays",
        ),
        pytest.param(
            "w godzinach 7.00- 9.00 lub 14.00- 15.00 od poniedziałku do czwartku",
            [
                (("Mo", "Tu", "We", "Th"), "07:00", "09:00"),
                (("Mo", "Tu", "We", "Th"), "14:00", "15:00"),
            ],
            id="a037-hours-before-days",
        ),
        pytest.param(
            "W poniedziałki i środy w godz. 7.30-20 oraz we wtorki, czwartki i piątku w godz. "
            "7.30-15.",
            [(("Mo", "We"), "07:30", "20:00"), (("Tu", "Th", "Fr"), "07:30", "15:00")],
            id="c013-bare-closing-hour",
        ),
        pytest.param(
            "- schronienia dla osób doświadczających przemocy w rodzinie: codziennie 24h/dobę",
            [(("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "00:00", "24:00")],
            id="c003-round-the-clock",
        ),
        pytest.param(
            "w terminie od 01 lipca 2025 roku do 31 sierpnia 2025 roku Powiatowe Centrum Pomocy "
            "Rodzinie w Poddębicach będzie urzędowało w godzinach od 7:00 do 15:00.",
            [((), "07:00", "15:00")],
            id="a001-hours-for-dates",
        ),
        pytest.param(
            "• wtorek - piątek: 8.30 – 14.00 ( przerwa 11.00 - 11.20 )",
            [(("Tu", "We", "Th", "Fr"), "08:30", "14:00")],
            id="b103-a-break-is-not-open",
        ),
        pytest.param(
            "Młodzież i dzieci przez całą dobę przebywają pod czujnym okiem wychowawców",
            [],
            id="b021-care-round-the-clock-is-not-opening-hours",
        ),
        pytest.param(
            " • 1.304,10 zł Podstawowy zasiłek dla bezrobotnych",
            [],
            id="b092-an-amount-is-not-a-time",
        ),
        pytest.param(
            "7 kwietnia ośrodek zaprasza absolwentów na dzień otwarty w godz. 9:30 - 12:00",
            [],
            id="b020-an-event-on-a-date",
        ),
    ],
)
def test_schedules(text: str, entries: list[Entry]) -> None:
    assert [(s.days, s.opens, s.closes) for s in read_schedules(text)] == entries


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        pytest.param("czynne od 7³⁰ do 15³⁰", [(WEEKDAYS, "07:30", "15:30")], id="superscripts"),
        pytest.param("od godziny 8 do godziny 16", [(WEEKDAYS, "08:00", "16:00")], id="godziny"),
        pytest.param("zapraszamy od 100 do 200 osób", [], id="not-hours"),
        pytest.param(
            "czynne: pon. 8:00-17:00, wt.-pt. 7:30-15:30",
            [(("Mo",), "08:00", "17:00"), (("Tu", "We", "Th", "Fr"), "07:30", "15:30")],
            id="an-abbreviated-day-range-does-not-end-a-sentence",
        ),
        pytest.param(
            "wtorek i czwartek 10-14", [(("Tu", "Th"), "10:00", "14:00")], id="days-then-bare-hours"
        ),
        pytest.param(
            "Dyżury: Poniedziałek 10-12, Środa 14-16",
            [(("Mo",), "10:00", "12:00"), (("We",), "14:00", "16:00")],
            id="each-day-its-bare-hours",
        ),
        pytest.param("Czynne całą dobę", [(DAYS, "00:00", "24:00")], id="cala-doba"),
        pytest.param("dom przez całą dobę", [], id="cala-doba-without-open-is-not-hours"),
        pytest.param(
            "Godziny pracy: pn.-pt. 7:30-15:30, w czwartki do 17:00",
            [(("Mo", "Tu", "We", "Fr"), "07:30", "15:30"), (("Th",), "07:30", "17:00")],
            id="one-day-closes-later",
        ),
        pytest.param(
            "pn.-pt. 7:30-15:30 (w piątki do 14:00)",
            [(("Mo", "Tu", "We", "Th"), "07:30", "15:30"), (("Fr",), "07:30", "14:00")],
            id="one-day-closes-earlier",
        ),
        pytest.param("zapisy do 15:00", [], id="a deadline is not hours"),
        pytest.param(
            "Sekretariat czynny 7:30-15:30, wnioski przyjmujemy do 15:00",
            [(WEEKDAYS, "07:30", "15:30")],
            id="a deadline after hours does-not-extend-them",
        ),
        pytest.param(
            "Poniedziałek 8:00 - 16:00\nPiętek 7:00 - 15:00",
            [(("Mo",), "08:00", "16:00"), (("Fr",), "07:00", "15:00")],
            id="a-misspelt-friday",
        ),
        pytest.param("Dzieci od 7 do 12 miesięcy", [], id="months-are-not-hours"),
        pytest.param("grupy od 10 do 12 uczestników", [], id="people-are-not-hours"),
        pytest.param("od 10 do 20 sesji", [], id="sessions-are-not-hours"),
        pytest.param(
            "czynne od 8 do 16 każdego dnia", [(WEEKDAYS, "08:00", "16:00")], id="bare-hours-kept"
        ),
    ],
)
def test_schedules_in_forms_the_tune_half_does_not_show(text: str, entries: list[Entry]) -> None:
    # Constructed from common Polish forms, not from a corpus document: the tune half has no
    # superscript minutes that survived as characters, nor "od godziny N".
    assert [(s.days, s.opens, s.closes) for s in read_schedules(text)] == entries


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        pytest.param("zajęcia dla dzieci do lat 3", [(None, 3)], id="do-lat"),
        pytest.param("grupa dla 7-12 latków", [(7, 12)], id="latki"),
        pytest.param("Działamy od 25 lat dla dzieci", [], id="years-of-activity"),
        pytest.param("dla osób po 60. roku życia", [(60, None)], id="po-roku-zycia"),
        pytest.param("po 10 latach pracy z dziećmi", [], id="po-years-of-work"),
        pytest.param(
            "dzieci w wieku od 2,5 do 6 lat", [(2.5, 6)], id="a-half-year"
        ),  # as the 96 pages' gold has it (beniaminek.edu.pl)
        pytest.param(
            "Przyjmujemy dzieci w wieku od 1 roku do 3 lat", [(1, 3)], id="od-1-roku-do-3-lat"
        ),
        pytest.param(
            "dzieci od 20. tygodnia życia do 3 lat", [(0, 3)], id="weeks-of-life-are-the-first-year"
        ),
        pytest.param(
            "dla dzieci w wieku od 6 miesięcy do 3 lat", [(0, 3)], id="months-are-the-first-year"
        ),
        pytest.param("seniorzy (60+)", [(60, None)], id="plus-in-brackets"),
        pytest.param("Wiek: 7–12 lat", [(7, 12)], id="wiek"),
        pytest.param("Grupa wiekowa: 6-10 lat", [(6, 10)], id="grupa-wiekowa"),
        pytest.param("od lat 3 do lat 6 (dzieci)", [(3, 6)], id="od-lat-do-lat"),
        pytest.param("dzieci i młodzież do 18 r. życia", [(None, 18)], id="r-zycia"),
        pytest.param("osoby w wieku 60 lat i starsze", [(60, None)], id="i-starsze"),
        pytest.param(
            "Dofinansowanie zatrudnienia bezrobotnego 50+", [(50, None)], id="fixture-bezrobotny-50"
        ),
        pytest.param("bezrobotni zarejestrowani od 12 miesięcy", [], id="how-long-not-how-old"),
        pytest.param("przedszkolaki (3-6 lat)", [(3, 6)], id="przedszkolaki"),
    ],
)
def test_ages_in_forms_the_tune_half_does_not_show(
    text: str, ages: list[tuple[float | None, float | None]]
) -> None:
    # Constructed from common Polish forms, not from a corpus document.
    assert [(age.min, age.max) for age in read_ages(sentences(text))] == ages


def test_a_table_of_days_pairs_each_cell_with_its_day() -> None:
    # b077: a school's table of duty hours, its header's cells run together
    text = (
        "PONIEDZIAŁEKWTOREKŚRODACZWARTEKPIĄTEK\n"
        "PEDAGOG 12.00-17.00  7.30-12.00  7.30-12.007.30-11.3011.30-15.30\n"
        "PSYCHOLOG 7:30-12:0012:00-17:0011:00-15:3011:30-15:307:30-11:30"
    )
    found = [(s.days, s.opens, s.closes, s.what) for s in read_schedules(text)]
    assert found[:5] == [
        (("Mo",), "12:00", "17:00", "pedagog"),
        (("Tu",), "07:30", "12:00", "pedagog"),
        (("We",), "07:30", "12:00", "pedagog"),
        (("Th",), "07:30", "11:30", "pedagog"),
        (("Fr",), "11:30", "15:30", "pedagog"),
    ]
    assert found[5] == (("Mo",), "07:30", "12:00", "psycholog") and len(found) == 10
    # a row whose cells do not fill the header is read as any other line
    assert [(s.days, s.opens) for s in read_schedules("Pon Wt Śr\nCzynne 8:00-16:00")] == [
        (WEEKDAYS, "08:00")
    ]


def test_a_schedule_keeps_its_label_and_line() -> None:
    # b007
    [schedule] = read_schedules("Godziny przyjęć interesantów: 9:00-14:00")
    assert schedule.what == "godziny przyjęć interesantów"
    assert schedule.evidence == "Godziny przyjęć interesantów: 9:00-14:00"


# --- where the statements go: extract output, the nightly run, the warehouse ---------------

# c011 of the web corpus (tune half), its first lines as written: an offer page that never
# names whose it is.
C011_URL = "https://gminastezyca.pl/pl/541/0/nieodplatna-pomoc-prawna.html"
C011_LINES = [
    "Nieodpłatna pomoc prawna",
    "Treść",
    "Punkty nieodpłatnej pomocy prawnej i mediacji",
    "KARTUZY PUNKT NR 1 - ul. 3 Maja 2/15, 83-300 Kartuzy, punkt umiejscowiony na parterze",
    "Godziny otwarcia:",
    "poniedziałek, wtorek i środa 7.30 – 11.30",
    "czwartek i piątek 12.00 – 16.00",
    "Pomocy prawnej w punkcie udziela radca prawny, który posiada uprawnienia mediatora, "
    "nieodpłatna mediacja, może być udzielana od poniedziałku do piątku w godzinach pracy punktu",
]


def _plain_page(lines: list[str]) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    return f'<html lang="pl"><head><meta charset="utf-8"><title>{lines[0]}</title></head>\n<body>{body}</body></html>'


def test_an_offer_page_naming_no_owner_gives_one_page_row(tmp_path: Path) -> None:
    page = tmp_path / "c011.html"
    page.write_text(_plain_page(C011_LINES), encoding="utf-8")
    [row] = extract_one(str(page), url=C011_URL)
    assert row["role"] == "page" and row["name"] is None and row["url"] == C011_URL
    assert [item["code"] for item in row["services_stated"]] == ["legal_aid", "mediation"]
    assert row["services_stated"][0]["evidence"] == C011_LINES[0]
    assert {"days": ["Th", "Fr"], "opens": "12:00", "closes": "16:00"}.items() <= next(
        s for s in row["schedules"] if s["opens"] == "12:00"
    ).items()
    # The headings only name the statutory service ("Nieodpłatna pomoc prawna"); a sentence
    # with a verb says it is free ("nieodpłatna mediacja, może być udzielana…").
    assert row["fees"] == {"free": True, "evidence": C011_LINES[-1]}
    assert "deklaracje strony" in format_table([row])


def test_the_declared_publisher_names_a_page_that_does_not(tmp_path: Path) -> None:
    document = Document.from_bytes(
        C011_URL, _plain_page(C011_LINES).encode("utf-8"), content_type="text/html"
    )
    with pytest.raises(ExtractionError, match="no plausible institution name"):
        parse_contact_page(document, ParseContext.standalone(C011_URL))
    context = ParseContext(url=C011_URL, publisher="Urząd Gminy Stężyca")
    [record] = parse_contact_page(document, context)
    assert record.name_raw == "Urząd Gminy Stężyca"
    assert record.description_raw and C011_LINES[-1] in record.description_raw


def test_an_article_keeps_what_it_says_about_each_institution() -> None:
    # c063 of the tune half: the club's offer follows the sentence that names it
    text = (
        "Gmina Świecie przy współpracy Świetlicy Profilaktyczno – Wychowawczej „Gniazdo” w "
        "Świeciu realizuje projekt pod nazwą Klub Młodzieżowy „Młode Orły”.\n"
        "W przedsięwzięciu zaplanowano wiele różnorodnych działań, będą spotkania z terapeutą "
        "uzależnień, psychologiem, logopedą oraz dietetykiem."
    )
    first = text.index("Świetlicy")
    [about] = texts_about(text, [first])
    assert about.endswith("logopedą oraz dietetykiem.")
    assert {"psychological_support", "speech_therapy"} <= set(read_support(about).service_codes)


def test_records_carry_the_statements_into_the_warehouse(tmp_path: Path) -> None:
    con = build_directory(tmp_path / "w.duckdb")
    try:
        row = con.execute(
            "SELECT services, services_stated, services_default, schedules, support_evidence"
            " FROM records WHERE source = 'pcpr_skarzysko' AND role = 'subject'"
        ).fetchone()
        assert row is not None
        services, stated, defaults, schedules, evidence = row
        # stated first, then the type's defaults that nothing stated
        assert stated == ["counselling", "crisis_intervention", "foster_care"]
        assert services[: len(stated)] == stated and set(defaults) <= set(services[3:])
        assert "foster_care" not in defaults
        assert json.loads(schedules) == [
            {"days": list(WEEKDAYS), "opens": "07:30", "closes": "15:30", "what": ""}
        ]
        sentences_ = json.loads(evidence)["services"]
        assert {item["code"] for item in sentences_} == set(stated)
        snapshot = tmp_path / "snapshot.duckdb"
        write_snapshot(con, snapshot)
    finally:
        con.close()
    copy = duckdb.connect(str(snapshot), read_only=True)
    try:
        columns = {r[0] for r in copy.execute("DESCRIBE records").fetchall()}
    finally:
        copy.close()
    # the sentences may name staff: analysts get the codes, not the sentences
    assert "services_stated" in columns and "support_evidence" not in columns


C099_URL = "https://pcpr.powiat.poznan.pl/pomoc-instytucjonalna/osrodek-interwencji-kryzysowej/"
C099_LINES = [
    "Ośrodek Interwencji Kryzysowej w Kobylnicy",
    "Ośrodek Interwencji Kryzysowej w Kobylnicy (OIK) jest jednostką organizacyjną Powiatu "
    "Poznańskiego świadczącą bezpłatną pomoc specjalistyczną, obejmującą swoim działaniem teren "
    "powiatu poznańskiego.",
    "Do zadań Ośrodka należy w szczególności:",
    "• prowadzenie poradnictwa specjalistycznego: psychologicznego, socjalnego, prawnego oraz "
    "pedagogicznego,",
    "• organizacją grup wsparcia oraz grup edukacyjno- terapeutycznych dla mieszkańców hostelu,",
]


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_an_owner_named_in_the_text_keeps_what_its_page_states(tmp_path: Path, suffix: str) -> None:
    # c099: a plain page whose owner is found in its own lines (no contact block): the
    # subject row carries the page's statements, as a row from a contact block does
    page = tmp_path / f"c099{suffix}"
    content = _plain_page(C099_LINES) if suffix == ".html" else "\n\n".join(C099_LINES)
    page.write_text(content, encoding="utf-8")
    rows = extract_one(str(page), url=C099_URL)
    [subject] = [row for row in rows if row["role"] == "subject"]
    assert subject["name"] == "Ośrodek Interwencji Kryzysowej w Kobylnicy"
    assert {"counselling", "support_group"} <= {i["code"] for i in subject["services_stated"]}
    assert subject["fees"] == {"free": True, "evidence": C099_LINES[1]}
