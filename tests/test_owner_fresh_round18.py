"""The page's own institution, rules of wide reach (issue 12, round 18).

Each case is quoted from a tune document of the web corpus (f006, f017, h021, i002, i019, e026,
e038, a020, a034, i015, b041) or a fresh tuning page (`benchmarks/owner_fresh`, n005, n025,
n027, n028 of this round, m008 of round 15), the id in the case id or beside it, its address
in `URLS` or in the case where the text is read:

- a news outlet's host ("dglnews.pl", "radiovictoria.pl", "kolskiefakty.pl", a radio's ".fm")
  says the page is a report about a body, not the body's page: only the publisher (a name the
  address or a mailbox spells, or a formula declares) can own it; hosts of institutions that
  share a word with the press stay out ("eduportal", "newsweek"'s charity profiles, a BIP
  platform's "info" label, a preschool's number);
- a page that speaks of its body in the first person plural with the body's head noun
  ("Nasza Fundacja od początku swojego istnienia …") speaks for that body, not for a territory
  it lives in ("w naszej gminie");
- a BIP page's record names the body that publishes it ("Podmiot udostępniający informację :
  Ośrodek Pomocy Społecznej w Polkowicach");
- two initials that name a kind of body on portals' and schools' hosts ("po" in
  "wroclaw.po.gov.pl") are the name's acronym, and only begin a label;
- a host that is a short place's lemma ("orla.pl" for "… w Orli") is that place's portal.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_choose import choose_owner
from extractors.html_pages.owner_signals import spoken_of_as_ours
from extractors.html_pages.owner_weights import HAND_SET, OwnerCandidate, OwnerChoice
from extractors.html_pages.page_owner import candidates_report, find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.site_host import host_agreement, host_names_other_body, news_outlet

URLS = {
    "f006": "https://dglnews.pl/2022/06/13/w-mops-ie-powstala-grupa-wsparcia-dla-rodzicow/",
    "f017": "https://www.mada.org.pl/rozwoj-dziecka/",
    "n005": "https://polskacerekiew.pl/4549/rekrutacja-do-przedszkoli.html",
    "n025": "https://bip.polkowice.eu/opspolkowice/Article/id,152.html",
}


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("dglnews.pl", True),  # f006
        ("kolskiefakty.pl", True),  # h021
        ("radiovictoria.pl", True),  # i002
        ("echogorzowa.pl", True),  # i019
        ("gazetatrybunalska.info", True),  # e026
        ("infoprzasnysz.com", True),  # e038
        ("tychynews.pl", True),  # a020
        ("radiopik.pl", True),  # a034
        ("vanessa.fm", True),  # n027
        ("jedenprocent.newsweek.pl", False),  # i015: a charity's profile
        ("p7.eduportal.koszalin.pl", False),  # b041: a preschool's site
        ("mops.sosnowiec.bip.info.pl", False),  # a BIP platform's "info" label
        ("przedszkole24.pl", False),  # a body's number after its kind word
        ("mopsostrowiec.pl", False),
    ],
)
def test_a_news_outlets_host(host: str, expected: bool) -> None:
    assert news_outlet(f"https://{host}/aktualnosci/1") is expected


F006 = (
    "W MOPS-ie powstała grupa wsparcia dla rodziców\n\n"
    "Dajemy siłę rodzicom – pod takim hasłem działa grupa wsparcia w Miejskim Ośrodku Pomocy "
    "Społecznej w Głogowie\n\n"
    "Miejski Ośrodek Pomocy Społecznej w Głogowie zaprasza do udziału w spotkaniach grupy "
    "wsparcia dla rodziców.\n\n"
    "Obserwujemy, że do naszego Ośrodka zgłaszają się rodzice, którzy w wyniku piętrzących się "
    "trudności potrzebują wsparcia i pomocy w rozwiązywaniu problemów\n\n"
    "wyjaśnia Ewelina Nowak, koordynator Zespołu ds. rodziny i działań środowiskowych.\n\n"
    "Miejski Ośrodek Pomocy Społecznej w Głogowie prowadzi zajęcia we wtorki."
)


def test_a_news_outlets_report_is_no_page_of_the_body_it_reports_on() -> None:
    """f006 (the tune half's gold: no subject): a local news site's report on a MOPS's
    support group, in the MOPS's words; the same text on the MOPS's own site is its page."""
    assert find_page_owner(page_text_of_plain(F006, URLS["f006"])) is None
    own_site = page_text_of_plain(F006, "https://mops.glogow.pl/aktualnosci/grupa-wsparcia")
    owner = find_page_owner(own_site)
    assert owner is not None
    assert owner.name == "Miejski Ośrodek Pomocy Społecznej w Głogowie"


def test_a_news_outlets_publisher_may_own_its_page() -> None:
    """A name the outlet's address spells is its publisher's: the rule keeps it."""
    publisher = OwnerCandidate(
        name="Radio Victoria",
        evidence=frozenset({"host", "heading", "title", "contact"}),
        lines=(0,),
        spells_kind=False,
    )
    reported = OwnerCandidate(
        name="Środowiskowy Dom Samopomocy „Skrzydła” w Żyrardowie",
        evidence=frozenset({"agent", "first", "repeated"}),
        lines=(2, 4),
        spells_kind=False,
    )
    on_radio = OwnerChoice("https://radiovictoria.pl/kontakt", (publisher, reported), False)
    assert choose_owner(on_radio, HAND_SET) == publisher
    report = OwnerChoice("https://radiovictoria.pl/2024/08/skrzydla", (reported,), False)
    assert choose_owner(report, HAND_SET) is None  # i002


F017 = (
    "Rozwój dziecka\n\n"
    "I. Diagnoza\n\n"
    "Właściwa diagnoza stanowi punkt zwrotny dla rozwoju małego dziecka z zaburzeniami ze "
    "spektrum autyzmu.\n\n"
    "I.1. Punkt Konsultacyjny\n\n"
    "Nasza Fundacja od początku swojego istnienia tj. od 1996 roku czyniła wysiłki w zakresie "
    "wsparcia diagnostyczno-terapeutycznego rodzin z naszego regionu poprzez działalność "
    "Punktu Konsultacyjnego (realizowana jako działalność pożytku publicznego w rozumieniu "
    "ustawy o działalności pożytku publicznego i o wolontariacie).\n\n"
    "Od 01 marca 2017 roku działalność Punktu Konsultacyjnego została wpisana do rejestru "
    "podmiotów wykonujących działalność leczniczą:\n\n"
    " • Podmiot leczniczy: Fundacja Pomocy Osobom z Autyzmem „MADA”\n"
    "  Jednostka organizacyjna: Fundacja Pomocy Osobom z Autyzmem MADA – Punkt Konsultacyjny"
)


def test_a_body_the_page_calls_ours() -> None:
    """f017: "Nasza Fundacja …" on a foundation's page that names it twice, in a register's
    lines; its consultation point, named more often, is no body of its own."""
    page = page_text_of_plain(F017, URLS["f017"])
    assert spoken_of_as_ours("Fundacja Pomocy Osobom z Autyzmem „MADA”", page)
    assert not spoken_of_as_ours("Punkt Konsultacyjny", page)
    owner = find_page_owner(page)
    assert owner is not None
    assert owner.name == "Fundacja Pomocy Osobom z Autyzmem „MADA”"


N005 = (
    "Rekrutacja do przedszkoli\n\n"
    "Rekrutacja do przedszkoli prowadzonych przez Gminę na rok szkolny 2023/2024\n\n"
    "Rodzice dzieci przedszkolnych!\n\n"
    "Informujemy, że rozpoczęliśmy rekrutację do przedszkoli w naszej gminie."
)


def test_a_territory_the_page_calls_ours_is_no_body() -> None:
    """n005: a gmina's page ("w naszej gminie") says nothing of a body named "Gmina …"."""
    page = page_text_of_plain(N005, URLS["n005"])
    assert not spoken_of_as_ours("Gmina Polska Cerekiew", page)


N025 = (
    "Dom Dziennego Pobytu\n\n"
    "Dom Dziennego Pobytu jest ośrodkiem wsparcia prowadzonym przez Ośródek Pomocy Społecznej "
    "w Polkowicach.\n\n"
    "Liczba odwiedzin : 103\n"
    "Podmiot udostępniający informację : Ośrodek Pomocy Społecznej w Polkowicach\n"
    "Osoba wprowadzająca informację : Sławomir Tomczak\n"
    "Czas wytworzenia: 2018-07-09 11:41:41"
)


def test_a_bip_record_declares_its_publishing_body() -> None:
    """n025: the record under a BIP article names the body that publishes it."""
    report = candidates_report(page_text_of_plain(N025, URLS["n025"]))
    evidence = {name: set(signals) for name, _, signals in report}
    assert "declared" in evidence["Ośrodek Pomocy Społecznej w Polkowicach"]


@pytest.mark.parametrize(
    ("name", "url", "strength"),
    [
        # m008: a prosecutor's portal, "po" and the place
        ("Prokuratura Okręgowa we Wrocławiu", "http://www.wroclaw.po.gov.pl/html/godziny", 2),
        ("Sąd Rejonowy w Kętrzynie", "https://ketrzyn.sr.gov.pl/", 2),
        ("Zespół Szkół w Kole", "https://zskolo.pl/", 2),
        # two letters never end a label by chance: "zskolo" ends in the place, not in "lo"
        ("Liceum Ogólnokształcące w Kole", "https://zskolo.pl/", 1),
    ],
)
def test_two_letter_kinds_of_portals_and_schools(name: str, url: str, strength: int) -> None:
    assert host_agreement(name, url).strength == strength


N028 = (
    "21 listopada obchodzony jest Dzień Pracownika Socjalnego. Z tej okazji Wójt Leon "
    "Pawluczuk wraz z Panią Ireną Odzijewicz Sekretarzem Gminy oraz Panią Lubą Nowik Skarbnik "
    "Gminy złożyli wszystkim pracownikom Gminnego Ośrodka Pomocy Społecznej w Orli serdeczne "
    "życzenia i wyrazy uznania za zaangażowanie w wypełnianiu tak ważnej roli społecznej.\n\n"
    "W Orli w Gminnym Ośrodku Pomocy Społecznej pracują ludzie, którzy nie tylko wykonują swoje "
    "obowiązki służbowe, lecz także są wrażliwi duchowo na ludzkie nieszczęścia."
)


def test_a_gmina_portal_named_by_a_short_place() -> None:
    """n028: "orla.pl" is the gmina's portal ("… w Orli": the place's stem "orli" is no prefix
    of the host's "orla"); its page wishing the GOPS's workers well is no page of the GOPS."""
    url = "https://orla.pl/aktualnosci/dzie%C5%84-pracownika-socjalnego"
    assert host_names_other_body("Gminny Ośrodek Pomocy Społecznej w Orli", url)
    assert not host_names_other_body("Urząd Gminy Orla", url)
    assert find_page_owner(page_text_of_plain(N028, url)) is None
