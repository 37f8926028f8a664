"""The page's own institution on fresh pages read by eye (issue 12, round 14).

Kinds of evidence the owner rules did not read, each from a fresh tuning page collected for
this round (`benchmarks/owner_fresh`, the id in the case id, its address in `URLS`), quoted
as `wsparcie extract` reads a plain page:

- a name the patron's formula opens is the patron of the name before it, not a body
  ("Szkoła Podstawowa im. Komisji Edukacji Narodowej w Zagórzanach", k017);
- a phrase a possessive opens names no body ("Nasz Dom", the heading of a care home's page
  about itself, k011);
- a statute's or a regulation's definition of the body it is about declares it: "… zwany
  dalej „Ośrodkiem”" when the defined term is the name's own head noun (k003, k017; a
  contract's "zwaną dalej Wykonawcą" declares nothing), "Stowarzyszenie nosi nazwę „…”"
  (k025), "Nazwa Stowarzyszenia brzmi: …" with its quoted own name after a dash (k026);
- a footer's line of a year and a name, the copyright sign left out ("2024  Powiatowa Stacja
  Sanitarno-Epidemiologiczna w Nowym Sączu", k061);
- a department between dashes does not hide the verb a body announces with ("Ośrodek Pomocy
  Społecznej w Miejskiej Górce - świadczenia rodzinne - uprzejmie informuje", k083);
- an organ's title after more adjectives than three is an organ's ("Zachodniopomorski
  Państwowy Wojewódzki Inspektor Sanitarny w Szczecinie", k064), and an organ owns no page (a
  news page relaying his notice, k064);
- a bare type name a page only titles and heads, with nothing it says for it, is what an
  explainer writes about, not whose page it is ("Powiatowy Urząd Pracy" on a firm's blog,
  k015; "Centrum Usług Społecznych" on a regional centre's page about the new kind of body,
  k075).
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_candidates import names_in, verb_after, whole_name
from extractors.html_pages.owner_declared import declared_names
from extractors.html_pages.owner_signals import is_organ
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

URLS = {
    "k003": "http://ops.olkusz.pl/regulamin/",
    "k011": "http://www.dpswielkawies.pl/start/nasz-dom/",
    "k017": "https://spzagorzany.pl/procedura-bezpieczenstwa-w-okresie-epidemii-covid-19-"
    "obowiazujaca-od-dnia-21-maja-2020-r",
    "k025": "https://www.doswiadczalna.pl/o-nas/statut",
    "k026": "https://naszymdzieciom.org/statut-i-sprawozdania",
    "k061": "https://nowysacz.psse.malopolska.pl/index.php/obszary-dzialan/uslugi-laboratoryjne/"
    "352-wstrzymanie-przyjmowania-probek-do-badan",
    "k083": "http://www.miejska-gorka.pl/Rodzina_500_.html",
    "k015": "https://napiszemywniosek.pl/wiedza/urzad-pracy/",
    "k075": "https://rops-bialystok.pl/rops/?page_id=17857",
    "k064": "https://www.chojna24.pl/2020/10/koronawiurs-w-gryfinskim-sanepidzie.html",
}

K017_LINE = (
    "1. Niniejsza procedura dotyczy nauczycieli, pracowników, rodziców oraz dzieci w Szkole "
    "Podstawowej im. Komisji Edukacji Narodowej w Zagórzanach zwanym dalej „szkołą”."
)
K017_NAME = "Szkoła Podstawowa im. Komisji Edukacji Narodowej w Zagórzanach"


def test_k017_a_patron_is_no_body() -> None:
    assert [found.name for found in names_in(K017_LINE, 0, complete=True)] == [K017_NAME]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nasz Dom", None),
        ("Nasza Szkoła", None),
        ("Dom Pomocy Społecznej", "Dom Pomocy Społecznej"),
    ],
    ids=["k011-nasz-dom", "a-possessive-feminine", "a-name"],
)
def test_a_possessive_opens_no_name(text: str, expected: str | None) -> None:
    assert whole_name(text, complete=True) == expected


K003 = (
    "REGULAMIN ORGANIZACYJNY OŚRODKA POMOCY SPOŁECZNEJ W OLKUSZU\n\n"
    "  1. Ośrodek Pomocy Społecznej w Olkuszu zwany dalej „Ośrodkiem” jest jednostką "
    "organizacyjną, wykonującą w imieniu Gminy Olkusz jej zadania własne."
)
K025 = (
    "Stowarzyszenie na rzecz dzieci i młodzieży niepełnosprawnej ruchowo\n\n"
    "§ 1\n\n"
    "Stowarzyszenie nosi nazwę  „Stowarzyszenie Na Rzecz Dzieci i Młodzieży niepełnosprawnej "
    "Ruchowo”  i jest dobrowolnym zrzeszeniem osób fizycznych i prawnych."
)
K026 = (
    "STATUT STOWARZYSZENIA\n\n"
    "§ 1\n"
    "Nazwa Stowarzyszenia brzmi: Stowarzyszenie Rodziców i Opiekunów Dzieci Niepełnosprawnych "
    "– „Naszym Dzieciom”, zwane dalej Stowarzyszeniem.\n\n"
    "§ 2\n"
    "Siedzibą Stowarzyszenia jest miasto Brzeziny."
)
K061 = (
    "WSTRZYMANIE PRZYJMOWANIA PRÓBEK DO BADAŃ\n\n"
    "Państwowy Powiatowy Inspektor Sanitarny informuje, iż w związku dniem wolnym przypadającym "
    "na 1 listopada 2018 r. wstrzymane zostanie przyjmowanie próbek kału do badań\n\n"
    "Wznowienie przyjmowania próbek do badań nastąpi\n\n"
    "5 listopada 2018 r.\n\n"
    "2024  Powiatowa Stacja Sanitarno-Epidemiologiczna w Nowym Sączu"
)
CONTRACT = (
    "Umowa\n\n"
    "Umowa zawarta pomiędzy Gminą Olkusz a Fundacją Dobry Start zwaną dalej Wykonawcą.\n\n"
    "Koniec umowy."
)


@pytest.mark.parametrize(
    ("doc_id", "text", "declared"),
    [
        ("k003", K003, ["Ośrodek Pomocy Społecznej w Olkuszu"]),
        ("k017", f"Procedura\n\n{K017_LINE}\n\nKoniec.", [K017_NAME]),
        ("k025", K025, ["Stowarzyszenie Na Rzecz Dzieci i Młodzieży niepełnosprawnej Ruchowo"]),
        (
            "k026",
            K026,
            ["Stowarzyszenie Rodziców i Opiekunów Dzieci Niepełnosprawnych „Naszym Dzieciom”"],
        ),
        ("k061", K061, ["Powiatowa Stacja Sanitarno-Epidemiologiczna w Nowym Sączu"]),
        ("k003", CONTRACT, []),
    ],
    ids=["k003-zwany-dalej", "k017-zwanym-dalej", "k025-nosi-nazwe", "k026-nazwa-brzmi",
         "k061-year-and-name", "a-contract-defines-a-role"],
)  # fmt: skip
def test_formulas_that_declare_the_body(doc_id: str, text: str, declared: list[str]) -> None:
    page = page_text_of_plain(text, URLS[doc_id])
    assert sorted({name for name, _ in declared_names(page)}) == declared


@pytest.mark.parametrize(
    ("doc_id", "text", "owner"),
    [
        ("k025", K025, "Stowarzyszenie Na Rzecz Dzieci i Młodzieży"),
        ("k026", K026, "Stowarzyszenie Rodziców i Opiekunów Dzieci Niepełnosprawnych"),
        ("k061", K061, "Powiatowa Stacja Sanitarno-Epidemiologiczna w Nowym Sączu"),
    ],
    ids=["k025", "k026", "k061"],
)
def test_the_declared_body_owns_its_page(doc_id: str, text: str, owner: str) -> None:
    found = find_page_owner(page_text_of_plain(text, URLS[doc_id]))
    assert found is not None and found.name.startswith(owner)


K083_LINE = (
    "Ośrodek Pomocy Społecznej w Miejskiej Górce - świadczenia rodzinne - uprzejmie informuje, "
    "że możliwe jest pobieranie i składanie wniosku o przyznanie świadczenia wychowawczego"
)


def test_k083_a_department_between_dashes_before_the_verb() -> None:
    end = len("Ośrodek Pomocy Społecznej w Miejskiej Górce")
    assert verb_after(K083_LINE, end) == "uprzejmie"
    assert verb_after("Ośrodek Pomocy Społecznej - dział kadr - budynek B", 25) is None


@pytest.mark.parametrize(
    ("name", "organ"),
    [
        ("Zachodniopomorski Państwowy Wojewódzki Inspektor Sanitarny w Szczecinie", True),
        ("Państwowy Powiatowy Inspektor Sanitarny w Gryfinie", True),
        ("Mazowiecki Wojewódzki Urząd Pracy w Warszawie", False),
        ("Podlaski Urząd Wojewódzki", False),
    ],
    ids=["k064-four-adjectives", "k064-the-county-inspector", "an-office", "an-office-short"],
)
def test_an_organ_after_its_adjectives(name: str, organ: bool) -> None:
    assert is_organ(name) is organ


K015 = (
    "Urząd Pracy – informacje, dotacje, programy wsparcia.\n\n"
    "Zanim zajmiemy się detalami, zacznijmy od podstaw. Co to właściwie jest ten „urząd "
    "pracy”? Urzędy pracy podlegają pod Ministerstwo Rodziny i Polityki Społecznej.\n\n"
    "ZADANIA URZĘDÓW PRACY\n\n"
    "Urzędy pracy są zróżnicowane i mogą działać na różnych poziomach administracyjnych. Warto "
    "przyjrzeć się temu, co różni Wojewódzki Urząd Pracy od Powiatowego Urzędu Pracy.\n\n"
    "Powiatowy Urząd Pracy\n\n"
    " • Rejestracja Bezrobotnych: Proces zarejestrowania się osoby bezrobotnej w celu uzyskania "
    "wsparcia na lokalnym poziomie."
)
K075 = (
    "Centrum Usług Społecznych\n\n"
    "Prezydent RP Andrzej Duda 23 sierpnia 2019 r. podpisał ustawę z dnia 19 lipca 2019 r. o "
    "realizowaniu usług społecznych przez centrum usług społecznych.\n\n"
    "Utworzenie centrum usług społecznych należy do zadań gminy i ma charakter fakultatywny.\n\n"
    "Celem CUS nie jest konsolidacja świadczenia usług w jednej instytucji, ale integrowanie i "
    "koordynowanie usług świadczonych przez różnych lokalnych usługodawców."
)


@pytest.mark.parametrize(
    ("doc_id", "text"), [("k015", K015), ("k075", K075)], ids=["k015-a-blog", "k075-a-guide"]
)
def test_a_bare_type_name_only_titled_owns_no_page(doc_id: str, text: str) -> None:
    assert find_page_owner(page_text_of_plain(text, URLS[doc_id])) is None


K064 = (
    "Koronawiurs w gryfińskim sanepidzie\n\n"
    "Zachodniopomorski Państwowy Wojewódzki Inspektor Sanitarny w Szczecinie informuje o "
    "potwierdzonych przypadkach zakażenia SARS-CoV-2 u pracowników Powiatowej Stacji Sanitarno – "
    "Epidemiologicznej w Gryfinie. W związku z powyższym osoby z kontaktu zostały objęte "
    "kwarantanną.\n\n"
    "Gryfiński odział sanepidu przez najbliższe dni nie będzie czynny. Zachodniopomorski "
    "Państwowy Wojewódzki Inspektor Sanitarny w Szczecinie polecił Państwowemu Powiatowemu "
    "Inspektorowi Sanitarnemu w Choszcznie realizację dodatkowych zadań.\n"
    "Redakcja"
)


def test_k064_an_organ_owns_no_page() -> None:
    page = page_text_of_plain(K064, URLS["k064"])
    assert find_page_owner(page) is None
