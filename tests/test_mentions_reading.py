"""Round 8 of issue #12: general readers of a name's edges and of what is no body of its own.
One table per rule; each case a line of a document of the web corpus's tune half
(`benchmarks/web_corpus`, the id in the case id) or of the 96 saved pages
(`../shared/data/html_fixtures`, the page in the case id), quoted as the page writes it,
with what its gold gives."""

from __future__ import annotations

import pytest

from extractors.mention_records import mention_records, page_text
from extractors.mentions import find_mentions
from extractors.records import ParsedInstitution
from transforms.name_morphology import nominative


def _found(text: str) -> set[str]:
    return {m.nominative for m in find_mentions(text)}


def _recorded(text: str, owner: str | None = None) -> set[str]:
    owners = [ParsedInstitution(name_raw=owner, role="subject")] if owner else []
    return {nominative(r.name_raw) for r in mention_records(text, owners, article=False)}


# Where a place ends: a verb after it is the sentence's; a second town joined by "i" is the
# body's own.
PLACES = [
    pytest.param(
        "Gminny Ośrodek Pomocy Społecznej w Górznie Przyjmie na staż",
        "Gminny Ośrodek Pomocy Społecznej w Górznie",
        id="gmina/biblioteka.gorzno.ugm.pl-a-verb-ends-the-place",
    ),
    pytest.param(
        "Nowy Szpital w Nakle i Szubinie",
        "Nowy Szpital w Nakle i Szubinie",
        id="health/nowyszpital.pl-two-towns-joined-by-i",
    ),
    pytest.param(
        "Urząd Miasta w Nowym Mieście Lubawskim",
        "Urząd Miasta w Nowym Mieście Lubawskim",
        id="guard-a-noun-that-is-also-a-verb-form-stays-in-the-place",
    ),
]


# An adjective after the name that agrees with no word of it ends the name: a motto after a
# logo's name; one that agrees with the noun before it is the name's.
ADJECTIVES_AFTER = [
    pytest.param(
        "Nowy Szpital Zdrowe szpitale dla pacjentow w calej Polsce",
        "Nowy Szpital",
        id="health/nowyszpital.pl-a-motto-after-the-logo",
    ),
    pytest.param(
        "Fundacja Pomocy Dzieciom Niepełnosprawnym działa",
        "Fundacja Pomocy Dzieciom Niepełnosprawnym",
        id="guard-an-adjective-of-the-noun-before",
    ),
    pytest.param(
        "Jednocześnie informuję, że działalność Klubu Integracyjny dla Dzieci i Młodzieży nr 2 "
        "„Bezpieczna Przystań” przy ul. Okrzei 25 z przyczyn organizacyjnych zostaje zawieszona.",
        "Klubu Integracyjny dla Dzieci i Młodzieży nr 2 „Bezpieczna Przystań”",
        id="a099-the-heads-adjective-in-a-slipped-case",
    ),
    pytest.param(
        "Urząd Gminy Nowe Miasto Lubawskie, zobowiązuje się zapewnić dostępność swojej strony",
        "Urząd Gminy Nowe Miasto Lubawskie",
        id="b043-an-adjective-of-a-proper-noun-before",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADJECTIVES_AFTER)
def test_an_adjective_of_no_word_of_the_name_ends_it(text: str, expected: str) -> None:
    assert {m.phrase for m in find_mentions(text)} == {expected}


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_where_a_place_ends(text: str, expected: str) -> None:
    assert expected in _found(text)


# What names no body of its own on an institution's page: a group a home runs ("Klub", "Koło", "Sekcja" with common
# words only), a class ("Warsztaty Plastyczne"), a team an office sets up ("Zespół ds. …"), an
# office before a person's initial (a street's patron).
NO_BODY = [
    pytest.param(
        "'ECHO DEPEESU' - pismo Klubu Literacko-Redakcyjnego", id="social/dpslubuczewo.pl"
    ),
    pytest.param("Dyskusyjny Klub Książki", id="social/dpslubuczewo.pl-genitive"),
    pytest.param("Warsztaty Plastyczne", id="social/domjedynka.bialystok.pl"),
    pytest.param(
        "Zespół ds. Obronnych, Zarządzania Kryzysowego i Ochrony Informacji Niejawnych",
        id="county/www.powiat.chelm.pl",
    ),
    pytest.param(
        "Pracownicy socjalni Zespołu ds. Osób Bezdomnych Miejskiego Ośrodka Pomocy Społecznej "
        "podejmują działania na terenie miasta",
        id="a037",
    ),
    pytest.param("ul. Marszałka J. Piłsudskiego 4", id="county/bip.powiat.elk.pl"),
    pytest.param("Elektroniczny Urzad Podawczy\nKontakt", id="employment/bip.pup-slupca.pl"),
    pytest.param("Wirtualny Urzad\nKontakt", id="county/miechow.pl"),
    pytest.param(
        "Cyfrowy Urzad Wojewodztwa Warminsko-Mazurskiego\nKontakt", id="county/bip.powiat.elk.pl"
    ),
    pytest.param("Cyfrowy Urzad Wrot Podlasia\nKontakt", id="gmina/bip.bialowieza.pl"),
]


@pytest.mark.parametrize("text", NO_BODY)
def test_what_names_no_body_of_its_own(text: str) -> None:
    assert not {n for n in _recorded(text) if not n.startswith("Miejski Ośrodek")}


# ... and what still does: a placed or quoted club, a name of its own, the workshops of
# occupational therapy, a placed team, an organisation's local "Koło".
STILL_BODIES = [
    pytest.param(
        "Klub Senior+ w Lubsku zaprasza seniorów", "Klub Senior+ w Lubsku", id="a097-placed"
    ),
    pytest.param(
        "Ośrodek Rehabilitacyjno – Edukacyjno – Wychowawczy w Działdowie jest niepubliczną, "
        "specjalistyczną, wielofunkcyjną placówką prowadzoną przez Polskie Stowarzyszenie na "
        "rzecz Osób z Niepełnosprawnością Intelektualną Koło w Działdowie.",
        "Polskie Stowarzyszenie na rzecz Osób z Niepełnosprawnością Intelektualną Koło w "
        "Działdowie",
        id="c048-an-organisations-local-part",
    ),
    pytest.param(
        " • Świetlica dla Dzieci im. Jana Pawła II w Wadowicach prowadzona przez Zgromadzenie "
        "Sióstr Najświętszej Rodziny z Nazaretu – Prowincja Krakowska,",
        "Zgromadzenie Sióstr Najświętszej Rodziny z Nazaretu – Prowincja Krakowska",
        id="a028-a-congregations-province",
    ),
    pytest.param(
        "Miejsko- Gminny Ośrodek Pomocy Społecznej w Lubsku  zawiadamia, że od 1 czerwca 2020r. "
        "wznawia działalność Klub Senior +. Wszystkich uczestników serdecznie zapraszamy",
        "Klub Senior +",
        id="a097-a-spaced-programme-sign",
    ),
    pytest.param(
        "Biuro Chelmskiego Rzecznika Praw Konsumentow\nPowiatowy Urzad Pracy",
        "Biuro Chelmskiego Rzecznika Praw Konsumentow",
        id="county/www.powiat.chelm.pl-the-office-of-an-organ",
    ),
    pytest.param(
        "Sanktuarium w Medjugorju\nPogoda Medjugorje",
        "Sanktuarium w Medjugorju",
        id="ngo/medjugorje.bialystok.opoka.org.pl-a-new-head",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STILL_BODIES)
def test_what_still_names_a_body(text: str, expected: str) -> None:
    assert expected in _found(text)


def test_a_sports_club_by_a_name_of_its_own_is_a_body() -> None:
    # school/bip.spszczodre.pl names "KS Zieloni"; the written-out form is read the same way
    assert "Klub Sportowy Zieloni" in {
        m.phrase for m in find_mentions("Klub Sportowy Zieloni gra.")
    }


# A name with words left out inside it (a menu's label, a name cut by the page) is the longer
# name's, the owner's or another mention's: no second body.
FRAGMENTS = [
    pytest.param(
        "Jednostki organizacyjne\nBiblioteka\nOsrodek Pomocy\nSzkoly, przedszkola\n"
        "Gminny Osrodek Pomocy Spolecznej w Gorznie zatrudni pracownika socjalnego",
        "Urząd Gminy w Górznie",
        {"Gminny Ośrodek Pomocy Społecznej w Górznie"},
        id="gmina/biblioteka.gorzno.ugm.pl-a-menu-label",
    ),
    pytest.param(
        "10 maja 2011 14:32 Przemyslaw Skorb - Dodanie stanowiska: Kierownik Gminnego Osrodka "
        "Pomocy w Starogardzie Gdanskim Elzbieta Alex.",
        "Gminny Osrodek Pomocy Spolecznej w Starogardzie Gdanskim",
        set(),
        id="social/gopsstarogardgd.bipstrona.pl-the-owner-cut",
    ),
]


@pytest.mark.parametrize(("text", "owner", "expected"), FRAGMENTS)
def test_a_fragment_of_a_longer_name_is_that_name(
    text: str, owner: str, expected: set[str]
) -> None:
    assert _recorded(text, owner) == expected


def test_links_side_by_side_are_items_apart() -> None:
    # education_support/sosw.niemiensko.superszkolna.pl: a tag cloud of links
    html = (
        '<div><a href="/temat/aachen" class="tag1">Aachen</a> <a href="/temat/nadlesnictwo_drawno"'
        ' class="tag1">Nadlesnictwo Drawno</a> <a href="/temat/dzien_osadnika_drawno" '
        'class="tag0">Dzien Osadnika Drawno</a> <a href="/temat/zamkowa_wigilia" class="tag1">'
        "Zamkowa Wigilia</a></div>"
    )
    text = page_text(html)
    assert "Nadlesnictwo Drawno" in text.split("\n")
    assert {nominative(r.name_raw) for r in mention_records(text, article=False)} == {
        "Nadleśnictwo Drawno"
    }


def test_a_banner_says_what_its_image_says() -> None:
    # county/www.powiat.chelm.pl: the county's units linked as image banners
    html = (
        '<a rel="nofollow" href="http://www.pupchelm.pl/" target="_blank"><img class="fade" '
        'title="Powiatowy Urzad Pracy" alt="Powiatowy Urzad Pracy" '
        'src="http://www.powiat.chelm.pl/userfiles/links/pup.png"></a>\n'
        '<a href="/mapa"><img alt="mapa"></a><p>Tekst <img alt="Ala ma kota"> dalej</p>'
    )
    assert page_text(html).split("\n") == ["Powiatowy Urzad Pracy", "Tekst dalej"]
