"""Where a mention's name starts and ends in prose (`extractors.mention_spans`): one table per
rule, each case a line of a real document of the web corpus's tune half
(`benchmarks/web_corpus`, the document's id in the case id), quoted as the page wrote it, and
the names its gold gives."""

from __future__ import annotations

import pytest

from extractors.mention_records import mention_records
from extractors.mentions import find_mentions
from transforms.name_morphology import nominative


def _found(text: str) -> set[str]:
    return {m.nominative for m in find_mentions(text)}


def _recorded(text: str, *, article: bool) -> set[str]:
    return {nominative(r.name_raw) for r in mention_records(text, article=article)}


# The edges of a name: a preposition opening a sentence, a conjunction after the place, a
# saint's name as the patron, a company's legal form.
EDGES = [
    pytest.param(
        "Do Młodzieżowego Ośrodka Wychowawczego Księży Orionistów w Warszawie przy ul. "
        "Barskiej 4 przyjmowani są chłopcy w wieku 13-18 lat",
        "Młodzieżowy Ośrodek Wychowawczy Księży Orionistów w Warszawie",
        id="b053-a-preposition-opening-the-sentence-is-no-noun",
    ),
    pytest.param(
        "Prokurator Okręgowy Warszawa-Praga w Warszawie lub Jego Zastępcy przyjmują interesantów",
        "Prokuratura Okręgowa Warszawa-Praga w Warszawie",
        id="b023-a-conjunction-ends-the-place",
    ),
    pytest.param(
        "Hospicjum Świętego Jana Bożego działa przy ul. Poświęckiej 8 A we Wrocławiu już od "
        "2000 roku",
        "Hospicjum Świętego Jana Bożego",
        id="a075-a-saints-name-is-the-patron",
    ),
    pytest.param(
        "od roku 2015 roku wchodzi w skład Bonifraterskiego Centrum Zdrowia Sp. z o. o. "
        "(bowiem szpitale bonifraterskie działają w takiej formie prawnej)",
        "Bonifraterskie Centrum Zdrowia Sp. z o. o.",
        id="a075-the-legal-form-closes-the-name",
    ),
    pytest.param(
        "W wyniku rozstrzygnięcia otwartego konkursu zawarta została umowa z Towarzystwem "
        "Salezjańskim, które poprzez prowadzenie placówki „Nasz Dom” dla 14 wychowanków",
        "Nasz Dom",
        id="a033-a-pronoun-inside-quotes-is-the-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EDGES)
def test_the_edges_of_a_name(text: str, expected: str) -> None:
    assert expected in _found(text)


def test_a_saints_patron_after_an_abbreviation() -> None:
    # c080's subject, as its title writes it.
    found = _found("Szpital Powiatowy im. św. Maksymiliana w Oświęcimiu")
    assert found == {"Szpital Powiatowy im. św. Maksymiliana w Oświęcimiu"}


def test_lub_with_its_full_stop_still_abbreviates_lubelski() -> None:
    assert _found("Sąd Rejonowy w Opolu Lub. rozpatruje sprawy") == {
        "Sąd Rejonowy w Opolu Lubelskim"
    }


# A county or gmina is a body when the sentence has it run, order or agree; not when it only
# says where. On an institution's page (article=False) they are mentions.
TERRITORIES = [
    pytest.param(
        "Organem prowadzącym Placówkę jest Powiat Płocki.",
        {"Powiat Płocki"},
        id="a016-the-county-runs-the-unit",
    ),
    pytest.param(
        "Na mocy porozumienia z Powiatem Lubańskim Ośrodek Interwencji Kryzysowej w Smolniku "
        "przyjmuje osoby z terenu Powiatu Karkonoskiego",
        {"Powiat Lubański", "Ośrodek Interwencji Kryzysowej w Smolniku"},
        id="a039-an-agreement-with-a-county-not-its-area",
    ),
    pytest.param(
        "Dom realizuje zadanie zlecone przez Powiat Gliwicki  z zakresu pomocy społecznej",
        {"Powiat Gliwicki"},
        id="c006-a-task-ordered-by-the-county",
    ),
    pytest.param(
        "Świetlica Terapeutyczna jest jednostką organizacyjną Powiatu Ostródzkiego działającą "
        "w oparciu o statut",
        {"Powiat Ostródzki"},
        id="a073-the-county-whose-unit-it-is",
    ),
    pytest.param(
        "W terminie 1 września 2021r.- 30 czerwca 2023r. Gmina Skarżysko- Kamienna "
        "realizowała projekt „Podaj dobro dalej”",
        {"Gmina Skarżysko-Kamienna"},
        id="c055-the-gmina-carries-out-a-project",
    ),
    pytest.param(
        "Ze Środowiskowego Domu Samopomocy mogą korzystać w pierwszej kolejności mieszkańcy "
        "Gminy Nowosolna i na terenie Powiatu Lubelskiego",
        set(),
        id="a057-a089-residents-and-area-name-no-body",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TERRITORIES)
def test_a_territory_acting_is_a_body_on_an_institution_page(text: str, expected: set[str]) -> None:
    names = _recorded(text, article=False)
    assert {n for n in names if n.startswith(("Powiat ", "Gmina "))} == {
        n for n in expected if n.startswith(("Powiat ", "Gmina "))
    }
    assert expected <= names


def test_news_reports_from_its_own_county_which_is_no_mention() -> None:
    # The seed article's county portal: "Powiat Piski reprezentował Wicestarosta …".
    text = (
        "Podczas spotkania, w którym Powiat Piski reprezentował Wicestarosta Powiatu Piskiego "
        "Marek Wysocki, podsumowano pierwszy etap prac."
    )
    assert _recorded(text, article=True) == set()


# A national body has no seat in its name; "RP" after one is written out.
NATIONAL = [
    pytest.param(
        "Potem, na tej podstawie, Komisja ds. kierowania do MOW w Ministerstwie "
        "Sprawiedliwości\nw Warszawie wydaje skierowanie do konkretnej placówki.",
        "Ministerstwo Sprawiedliwości",
        id="b051-a-ministry-without-its-seat",
    ),
    pytest.param(
        "W planach mieliśmy wizytę w Sejmie RP w ramach programu „Mały Obywatel”",
        "Sejm Rzeczypospolitej Polskiej",
        id="c055-rp-written-out",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NATIONAL)
def test_a_national_body_is_named_without_its_seat(text: str, expected: str) -> None:
    assert expected in _recorded(text, article=False)


# A division's parent named by its kind alone is some court or office, no one body.
def test_a_division_of_an_office_named_by_its_kind_is_no_mention() -> None:
    text = (
        "Nieletni, wobec którego Wydział Rodzinny i Nieletnich Sądu Rejonowego zastosował "
        "środek wychowawczy, kierowany jest do MOW.\n"
        "  • Skierowanie wydane przez Wydział Edukacji Urzędu Miasta lub Starostwa Powiatowego "
        "miejsca zamieszkania nieletniego"
    )  # b053
    names = _recorded(text, article=True)
    assert not {n for n in names if n.startswith(("Sąd", "Urząd", "Starostwo"))}


def test_a_kind_alone_inside_a_longer_name_refers_back_to_it() -> None:
    text = (
        "Rada Powiatu utworzyła pierwszy Powiatowy Środowiskowy Dom Samopomocy w Wiśniowej "
        "Górze, przy ul. Tuszyńskiej 56.\n"
        "Wyjaśnień w sprawie Środowiskowego Domu Samopomocy udziela również Powiatowe "
        "Centrum Pomocy Rodzinie w Łodzi."
    )  # a057
    names = _recorded(text, article=True)
    assert "Środowiskowy Dom Samopomocy" not in names
    assert "Powiatowy Środowiskowy Dom Samopomocy w Wiśniowej Górze" in names


# What a name carries on with after its head's words: a capitalised preposition and its object,
# a spaced dash and a part of the organisation, a school's level.
SUFFIXES = [
    pytest.param(
        "Rozbudowa głównego budynku powiatowego Szpitala Na Wyspie w Żarach oficjalnie zakończona!",
        "Szpital Na Wyspie w Żarach",
        id="b059-a-capitalised-preposition-inside-the-name",
    ),
    pytest.param(
        " • Świetlica Integracyjna – Koło Dzieci Niepełnosprawnych w Wadowicach prowadzona "
        "przez Towarzystwo Przyjaciół Dzieci",
        "Świetlica Integracyjna – Koło Dzieci Niepełnosprawnych w Wadowicach",
        id="a028-a-dash-and-a-part-of-the-organisation",
    ),
    pytest.param(
        "Weronika na co dzień jest uczennicą V klasy Państwowej Szkoły Muzycznej II stopnia w "
        "Chełmie.",
        "Państwowa Szkoła Muzyczna II stopnia w Chełmie",
        id="chelm-96-pages-a-schools-level",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUFFIXES)
def test_what_a_name_carries_on_with(text: str, expected: str) -> None:
    assert expected in _found(text)


def test_a_dash_before_another_division_ends_the_name() -> None:
    # b057: a division after a dash is no part of the office before it
    found = _found(
        "Biuro Obsługi Interesantów i Kontroli, Wydział Spraw Obywatelskich, Urząd Stanu "
        "Cywilnego, Wydział Spraw Społecznych i Promocji Zdrowia – Referatu Spraw Społecznych"
    )
    assert "Urząd Stanu Cywilnego" in found
    assert not any("–" in name for name in found)


def test_a_city_president_named_by_the_city_is_the_prezydent_miasta() -> None:
    text = (
        "W uroczystości wzięli również: Wojewoda Podlaski Bohdan Paszkowski, Zastępca "
        "Prezydenta Białegostoku Przemysław Tuchliński, przedstawiciele władz samorządowych."
    )  # b029
    assert _recorded(text, article=False) == {"Wojewoda Podlaski", "Prezydent Miasta Białegostoku"}


# Several units numbered under one plural head, sharing their place: one name each, in the
# nominative singular.
NUMBERED_UNITS = [
    pytest.param(
        "Dzisiaj, policjantów i pracowników Komisariatów Policji II i IV w Białymstoku, w ich "
        "nowych siedzibach, odwiedził I Zastępca Komendanta Głównego Policji nadinspektor "
        "Dariusz Augustyniak",
        {"Komisariat Policji II w Białymstoku", "Komisariat Policji IV w Białymstoku"},
        id="b029-two-police-stations-under-one-plural-head",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERED_UNITS)
def test_numbered_units_under_one_plural_head(text: str, expected: set[str]) -> None:
    assert expected <= _found(text)
    assert expected <= _recorded(text, article=False)


# A text with no Polish letter at all (a site that folds its pages) is read with its letters
# put back; a national body's acronym is its full name. Lines of the 96 saved pages.
FOLDED = [
    pytest.param(
        "Pytanie prawne do Sadu Najwyzszego",
        "Sąd Najwyższy",
        id="orzeczenia.bytow.sr.gov.pl-a-court-in-folded-letters",
    ),
    pytest.param(
        "uczestniczyl w VI Targach Zatrudnienia Panstwowej "
        "Wyzszej Szkoly Zawodowej im. Stanislawa Pigonia w Krosnie, ktore odbyly sie 22 marca "
        "2019 roku.",
        "Państwowa Wyższa Szkoła Zawodowa im. Stanisława Pigonia w Krośnie",
        id="krosno.med.pl-a-school-in-folded-letters",
    ),
    pytest.param(
        "Sady powszechne\nHasla tematyczne\nETPCz",
        "Europejski Trybunał Praw Człowieka",
        id="orzeczenia.brzozow.sr.gov.pl-the-echr-by-its-acronym",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOLDED)
def test_folded_text_and_national_acronyms(text: str, expected: str) -> None:
    assert expected in _recorded(text, article=False)


# A national body written by its acronym is named by its full name; cited as the author of a
# regulation or as a registry's code it is a document, no mention.
ACRONYMS = [
    pytest.param(
        "Według danych opublikowanych przez WHO w 2022 roku, jedno na siedmioro dzieci na "
        "świecie cierpi na zaburzenia zdrowia psychicznego.",
        {"Światowa Organizacja Zdrowia"},
        id="a024-who",
    ),
    pytest.param(
        "Jak to zostało wskazane w wyroku NSA z dnia 23 listopada 2016 r. I OSK 1601/15, "
        "nadużycie prawa dostępu do informacji publicznej polega na próbie skorzystania z tej "
        "instytucji",
        {"Naczelny Sąd Administracyjny"},
        id="a066-nsa",
    ),
    pytest.param(
        "Aktualnie realizowane na mocy Rozporządzenie MEN z dnia 24 sierpnia 2017r, (Dz. U. z "
        "2017r. poz.1635)",
        set(),
        id="b099-a-regulation-of-the-ministry-is-no-mention",
    ),
    pytest.param(
        "Godziny urzedowania\nponiedzialek, sroda, czwartek, piatek - 7.30 - 15.30\nKod GUS\n0606",
        set(),
        id="bip.krasnystaw-powiat.pl-a-registry-code-is-no-mention",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACRONYMS)
def test_national_bodies_by_their_acronyms(text: str, expected: set[str]) -> None:
    assert _recorded(text, article=False) == expected
