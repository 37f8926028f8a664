"""Other institutions a page names, on institution pages and in articles: one table of cases
per kind of failure the extraction issue lists, each written from a real document of the web
corpus's tune half (`benchmarks/web_corpus`, the id in the case id; the lines quoted as the
page wrote them), plus two pages of the 96 saved ones for a county's list of units."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers import SHARED

from extractors.mention_records import mention_records, page_mentions
from extractors.mentions import find_mentions
from extractors.records import Document, ParsedInstitution
from extractors.replay import ReplayFetcher
from flows.inspect import extract_one
from transforms.name_morphology import nominative

FIXTURES = SHARED / "data" / "html_fixtures"


def _names(text: str, *, article: bool, owners: tuple[ParsedInstitution, ...] = ()) -> set[str]:
    return {nominative(r.name_raw) for r in mention_records(text, owners, article=article)}


# Bodies and offices a page names in passing: a voivode's decision, a ministry, a police
# headquarters named through its commander.
BODIES = [
    pytest.param(
        "Decyzją Wojewody Lubelskiego z dnia 30 października 2020 roku działalność "
        "Środowiskowego Domu Samopomocy „Cytrynka” w Dorohusku  została czasowo zawieszona",
        {"Wojewoda Lubelski", "Środowiskowy Dom Samopomocy „Cytrynka” w Dorohusku"},
        id="a090-voivode-decision-and-quoted-name",
    ),
    pytest.param(
        "Jest to rezultat wejścia w życie ustawy o nieodpłatnej pomocy prawnej, nieodpłatnym "
        "poradnictwie obywatelskim oraz edukacji prawnej przygotowanej w Ministerstwie "
        "Sprawiedliwości.",
        {"Ministerstwo Sprawiedliwości"},
        id="c010-ministry-line",
    ),
    pytest.param(
        "(nr konkursu ogłoszonego przez Ministerstwo Rodziny, Pracy i Polityki Społecznej "
        "(MRPiPS): POWR.02.05.00-IP.03-000-019/18)",
        {"Ministerstwo Rodziny, Pracy i Polityki Społecznej"},
        id="a005-ministry-with-a-comma-in-its-name",
    ),
    pytest.param(
        "Zapotrzebowanie na finansowaną przez NFZ, a więc dla młodych pacjentów bezpłatną "
        "działalność tej placówki jest ogromne.",
        {"Narodowy Fundusz Zdrowia"},
        id="a025-national-body-by-its-acronym-alone",
    ),
    pytest.param(
        "odwiedził I Zastępca Komendanta Głównego Policji nadinspektor Dariusz Augustyniak oraz "
        "Komendant Wojewódzki Policji w Białymstoku nadinspektor Robert Szewc wraz z "
        "Zastępcami. W spotkaniu zorganizowanym w Komisariacie Policji II w Białymstoku przy "
        "ulicy Ogrodowej udział wzięli również: Wojewoda Podlaski Bohdan Paszkowski",
        {
            "Komenda Główna Policji",
            "Komenda Wojewódzka Policji w Białymstoku",
            "Komisariat Policji II w Białymstoku",
            "Wojewoda Podlaski",
        },
        id="b029-officers-name-their-offices-persons-left-out",
    ),
]


# Names as pages write them: quoted names after any word, compound adjectives with a spaced
# dash, a place's second word abbreviated, the place after a <br>.
WRITTEN = [
    pytest.param(
        "Gmina Świecie przy współpracy Świetlicy Profilaktyczno – Wychowawczej „Gniazdo” w "
        "Świeciu realizuje projekt pod nazwą Klub Młodzieżowy „Młode Orły”.",
        {
            "Gmina Świecie",  # the gmina runs the project with the club: a body (the gold's)
            "Świetlica Profilaktyczno-Wychowawcza „Gniazdo” w Świeciu",
            "Klub Młodzieżowy „Młode Orły”",
        },
        id="c063-spaced-compound-quoted-names-and-the-gmina-acting",
    ),
    pytest.param(
        "do odwołania zawieszam działalność:\n"
        "2) Klubu Seniora „Sielanka” przy ul. Olimpijskiej 3,\n"
        "3) Klubu Seniora „Radość” przy ul. Oświęcimskiej 45,",
        {"Klub Seniora „Sielanka”", "Klub Seniora „Radość”"},
        id="a099-quoted-name-after-the-complement",
    ),
    pytest.param(
        "Wniosek o skierowanie do ŚDS  osoba zainteresowana przyznaniem pobytu w ŚDS składa  do "
        "MOPS w Ostrowcu Św.",
        {"MOPS w Ostrowcu Świętokrzyskim"},
        id="a036-place-abbreviation-written-out",
    ),
    pytest.param(
        "dzielnicowi z Komisariatu Policji w Rucianem – Nidzie, tel. 47 73 54 304",
        {"Komisariat Policji w Rucianem-Nidzie"},
        id="b047-double-place-name-with-a-spaced-dash",
    ),
]


# What is not a name, or not the whole of one.
TRAPS = [
    pytest.param(
        "Uroczyste otwarcie nowej siedziby Komisariatu Policji w Warcie Powrót Generuj PDF "
        "Drukuj 9 listopada 2022 roku uroczyście otwarto nowo wybudowany Komisariat Policji w "
        "Warcie.",
        {"Komisariat Policji w Warcie"},
        id="b104-page-buttons-after-the-place",
    ),
    pytest.param(
        "Kartę zgłoszenia do Placówki Wsparcia Dziennego Świetlicy Środowiskowej „Stacyjkowo”\n"
        "  2. Regulamin organizacyjny Placówki Ws",
        {"Placówka Wsparcia Dziennego Świetlicy Środowiskowej „Stacyjkowo”"},
        id="a072-name-cut-off-by-the-end-of-the-text",
    ),
    pytest.param(
        "Ośrodek Pomocy Społecznej w Aleksandrowie Łódzkim Ośrodek Pomocy Społecznej w "
        "Aleksandrowie Łódzkim",
        {"Ośrodek Pomocy Społecznej w Aleksandrowie Łódzkim"},
        id="a005-place-adjective-does-not-open-the-next-name",
    ),
    pytest.param(
        "Wśród gości znaleźli się Marcin Szmaja Dyrektor Wydziału Bezpieczeństwa i Zarządzania "
        "Kryzysowego Łódzkiego Urzędu Wojewódzkiego reprezentujący Wojewodę Łódzkiego",
        {"Łódzki Urząd Wojewódzki"},
        id="b104-adjective-of-the-noun-before-and-organ-with-its-office",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BODIES + WRITTEN + TRAPS)
def test_names_on_an_institution_page(text: str, expected: set[str]) -> None:
    assert _names(text, article=False) == expected


# A kind of unit alone names one institution only in context.
KINDS = [
    pytest.param(
        "W budynku przy ulicy Mątewskiej otwarte zostało tylko wejście B. Znajdują się tam:\n"
        "  • Powiatowy Urząd Pracy;\n"
        "  • Poradnia Psychologiczno-Pedagogiczna;\n"
        "  • Powiatowe Centrum Pomocy Rodzinie.",
        True,
        {
            "Powiatowy Urząd Pracy",
            "Poradnia Psychologiczno-Pedagogiczna",
            "Powiatowe Centrum Pomocy Rodzinie",
        },
        id="b057-article-list-of-the-units-in-one-building",
    ),
    pytest.param(
        "1. Środowiskowy Dom Samopomocy „Przystań” jest jednostką budżetową Gminy Ostrowiec "
        "Świętokrzyski. ŚDS jest ośrodkiem wsparcia dla mieszkańców Ostrowca Świętokrzyskiego.\n"
        "Wniosek o skierowanie do ŚDS składa  do MOPS w Ostrowcu Św.",
        False,
        {
            "Środowiskowy Dom Samopomocy „Przystań”",
            "MOPS w Ostrowcu Świętokrzyskim",
            "Gmina Ostrowiec Świętokrzyski",  # the gmina whose unit it is: a body (the gold's)
        },
        id="a036-page-an-acronym-alone-is-no-one",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), KINDS)
def test_a_kind_alone_in_context(text: str, article: bool, expected: set[str]) -> None:
    assert _names(text, article=article) == expected


NOWOSOLNA = (
    "Osoby zainteresowane ubieganiem się o skierowanie do Środowiskowego Domu Samopomocy "
    "zapraszamy do kontaktu z pracownikami Ośrodka Pomocy Społecznej Gminy Nowosolna pod "
    "numerami tel. 42 6484520 lub 504395578.\n"
    "Wyjaśnień w sprawie Środowiskowego Domu Samopomocy udziela również Powiatowe Centrum "
    "Pomocy Rodzinie w Łodzi, Al. Piłsudskiego 133d, tel.: 42 676 34 87; 691 300 349, e-mail: "
    "pcpr@lodzkiwschodni.pl"
)


def test_a057_contacts_beside_a_name_are_its_own_not_the_owners() -> None:
    owner = ParsedInstitution(
        name_raw="Ośrodek Pomocy Społecznej Gminy Nowosolna", phones_raw=("42 6484520",)
    )
    [pcpr] = mention_records(NOWOSOLNA, (owner,), article=False)
    assert nominative(pcpr.name_raw) == "Powiatowe Centrum Pomocy Rodzinie w Łodzi"
    assert pcpr.role == "mention" and pcpr.locality_raw == "w Łodzi"
    assert pcpr.phones_raw == ("42 676 34 87", "691 300 349")
    assert pcpr.emails_raw == ("pcpr@lodzkiwschodni.pl",)
    assert pcpr.context_raw is not None and pcpr.context_raw.startswith("Wyjaśnień w sprawie")


def test_a057_the_owner_is_no_mention_of_its_own_page_even_under_another_name() -> None:
    # Its name beside its own phone: the owner's contact block, whatever the name says.
    owner = ParsedInstitution(name_raw="OPS Nowosolna", phones_raw=("42 648 45 20",))
    names = {nominative(r.name_raw) for r in mention_records(NOWOSOLNA, (owner,), article=False)}
    assert names == {"Powiatowe Centrum Pomocy Rodzinie w Łodzi"}


def test_a_county_page_lists_its_units_with_the_county_seat() -> None:
    # One of the 96 saved pages: a county portal naming its units by kind alone, in a menu.
    with ReplayFetcher(FIXTURES) as fetcher:
        rows = extract_one("https://nst.bialobrzegipowiat.pl/", fetcher=fetcher)
    mentions = {row["name"] for row in rows if row["role"] == "mention"}
    assert {
        "Powiatowy Urząd Pracy w Białobrzegach",
        "Powiatowe Centrum Pomocy Rodzinie w Białobrzegach",
        "Powiatowa Stacja Sanitarno-Epidemiologiczna w Białobrzegach",
    } <= mentions
    # The county's own office and council are the page's owner, not other institutions.
    assert not {name for name in mentions if name.startswith(("Starostwo", "Rada Powiatu"))}


def test_a_page_whose_owner_no_parser_names_still_gives_the_institutions_it_names() -> None:
    document = Document.from_bytes(
        "https://example.invalid/swietlica",
        f"<html><body><p>{NOWOSOLNA}</p></body></html>".encode(),
        content_type="text/html",
        charset="utf-8",
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    names = {nominative(r.name_raw) for r in page_mentions(document)}
    assert names == {
        "Ośrodek Pomocy Społecznej Gminy Nowosolna",
        "Powiatowe Centrum Pomocy Rodzinie w Łodzi",
    }


def test_every_mention_phrase_is_the_text_it_came_from() -> None:
    text = WRITTEN[0].values[0]
    assert isinstance(text, str)
    for mention in find_mentions(text):
        written = " ".join(text[mention.start : mention.end].split())
        assert written.replace(" – ", "-") == mention.phrase
        assert mention.phrase in mention.sentence.replace(" – ", "-")
