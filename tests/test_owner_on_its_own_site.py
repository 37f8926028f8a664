"""A plain page of an institution's own site that names its owner only in passing (issue 12).

Small institutions' pages often say whose they are only in their address and their running
text: no title naming the body, no heading, no contact block, no "X informuje". Such a page is
its owner's when the address spells what kind of body it is (its acronym, its kind word, or its
place with its number), the page names that body from its first lines or more than once, and
no other body has anything speaking for it. A page of a town's portal, whose address spells
only the place, is not a unit's page that way.

Every case quotes the lines it needs from a real document of the web corpus's tuning half
(`benchmarks/web_corpus`, the id in the case id), under the document's own address, as
`wsparcie extract` reads a plain page or a saved text file.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_candidates import verb_after
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from transforms.names import normalise_name

SOLE_BODY = [
    pytest.param(
        "http://p7.eduportal.koszalin.pl/pl/page/przerwa-urlopowa-1",
        "Szanowni Rodzice,\n"
        "Prezydent Miasta Koszalina podpisał 29 listopada 2023r. zarządzenie w sprawie przerwy "
        "urlopowej przedszkoli. Przedszkole nr 7 w Koszalinie taką przerwę będzie odbywało\n"
        "od 1.07.2024r. do 31.07.2024r. Ze względu na konieczność zrealizowania urlopów i prace "
        "modernizacyjne/remontowe, przerwa będzie trwała cały miesiąc.",
        "Przedszkole nr 7 w Koszalinie",
        id="b041-place-and-number-in-the-address-the-organ-quoted-is-no-rival",
    ),
    pytest.param(
        "https://wtzkarolkowa.ksnaw.pl/o-nas/",
        "Nasz WTZ powstał w 1997 r. Jest to ośrodek dziennego pobytu dla 45 uczestników – osób "
        "z niepełnosprawnością intelektualną – całkowicie dostosowany do potrzeb osób "
        "poruszających się na wózku.\n\n"
        "Zajęcia odbywają się codziennie, od poniedziałku do piątku, w godzinach 8:00 – 16:30.\n\n"
        "Cechą charakterystyczną placówki jest teren zielony, którym przez wszystkie pory roku "
        "zajmują się uczestnicy Warsztatu.\n\n"
        "Warsztat jest finansowany ze środków PFRON za pośrednictwem WCPR oraz ze środków "
        "Miasta St. Warszawy.",
        "Warsztat Terapii Zajęciowej",
        id="c077-acronym-in-the-address-and-in-the-first-line",
    ),
    pytest.param(
        "https://orew-rymanow.org.pl/o-nas/organizacja-pracy",
        "1. Czas pracy placówki:\n"
        "  1. w ciągu roku: 11 miesięcy\n"
        "  2. w ciągu tygodnia: pięć dni (od poniedziałku do piątku)\n\n"
        "Działania OREW są zindywidualizowane i dostosowane do potrzeb i możliwości "
        "wychowanków. Obejmują one m.in. stymulację takich sfer rozwoju jak:\n\n"
        " • Samoobsługa - doskonalenie czynności samoobsługowych,\n\n"
        "W OREW prowadzi dla wychowanków z niepełnosprawnością intelektualną w stopniu "
        "umiarkowanym i znacznym ze sprzężoną niepełnosprawnością:",
        "Ośrodek Rehabilitacyjno-Edukacyjno-Wychowawczy",
        id="c049-acronym-in-the-address-named-again-and-again",
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), SOLE_BODY)
def test_sole_body_of_its_own_site(url: str, text: str, expected: str) -> None:
    owner = find_page_owner(page_text_of_plain(text, url))
    assert owner is not None
    assert normalise_name(owner.name).name == expected, owner.evidence


NOT_ITS_SITE = [
    pytest.param(
        "https://bip.uml.lodz.pl/urzad-miasta/zalatw-sprawe-urzedowa/wyszukiwarka-spraw/"
        "zdrowie-i-sprawy-spoleczne/wsparcie-spoleczne/KA-01826/",
        "Jeśli przy nazwie sprawy znajduje się symbol @ to tę sprawę załatwisz on-line\n\n"
        "Rejestracja osób poszukujących pracy @\n\n"
        "Osoba, która nie spełnia warunków niezbędnych do nabycia statusu bezrobotnego, może "
        "zarejestrować się jako poszukująca pracy.\n\n"
        "W celu zarejestrowania się w Powiatowym Urzędzie Pracy w Łodzi jako osoba poszukująca "
        "pracy należy:\n\n"
        " 1. Zgłosić się do Powiatowego Urzędu Pracy w Łodzi",
        id="b010-a-city-portal-spells-only-the-place-of-the-body-it-writes-about",
    ),
]


@pytest.mark.parametrize(("url", "text"), NOT_ITS_SITE)
def test_not_the_body_s_own_site(url: str, text: str) -> None:
    assert find_page_owner(page_text_of_plain(text, url)) is None


# --- an organ speaks for its office ------------------------------------------------------------

A066 = """Treść strony

Komunikat PPIS w Chełmnie

 • autor informacji: PPIS w Chełmnie
  data wytworzenia: 2021-03-08

Odpowiedź PPIS w Chełmnie na wiadomości e-mail kierowane w ramach inicjatywy „ZapytajSanepid.pl”

Państwowy Powiatowy Inspektor Sanitarny w Chełmnie informuje, że wnioski literalnie przez \
wnioskodawców określone jako wnioski o dostęp do informacji publicznej kierowane do Powiatowej \
Stacji Sanitarno-Epidemiologicznej w Chełmnie z instrumentalnym wykorzystaniem przepisów ustawy \
z dnia 6 września 2001 r. o dostępie do informacji publicznej, nie stanowią wniosków o dostęp \
do informacji publicznej w rozumieniu tej ustawy."""


def test_the_organ_s_announcement_speaks_for_its_office() -> None:
    """a066: the sanitary inspector announces; the station of the same town, whose site the
    address spells, is the page's owner (the organ itself never is)."""
    owner = find_page_owner(
        page_text_of_plain(A066, "https://www.chelmno.psse.gov.pl/50,wazne-komunikaty")
    )
    assert owner is not None
    assert owner.name == "Powiatowa Stacja Sanitarno-Epidemiologiczna w Chełmnie", owner
    assert "speaker" in owner.evidence


def test_an_organ_of_another_place_lends_no_voice() -> None:
    """The same announcement by another town's inspector says nothing for Chełmno's station."""
    text = A066.replace(
        "Inspektor Sanitarny w Chełmnie informuje", "Inspektor Sanitarny w Toruniu informuje"
    )
    owner = find_page_owner(
        page_text_of_plain(text, "https://www.chelmno.psse.gov.pl/50,wazne-komunikaty")
    )
    assert owner is None or "speaker" not in owner.evidence, owner


# --- a notice its head signs -------------------------------------------------------------------

A099 = """Zawieszenie działalności
Zawieszenie działalności

W związku ze wzrostem liczby zachorowań na COVID-19 wywołanej wirusem SARS-CoV-2, informuję, \
iż od dnia 19.10.2020r. do odwołania zawieszam działalność:
1) Dziennego Domu Pomocy Społecznej przy ul. Okrzei 25,
2) Klubu Seniora „Sielanka” przy ul. Olimpijskiej 3,
3) Klubu Seniora „Radość” przy ul. Oświęcimskiej 45,
Jednocześnie informuję, że działalność Klubu Integracyjny dla Dzieci i Młodzieży nr 2 \
„Bezpieczna Przystań” przy ul. Okrzei 25 z przyczyn organizacyjnych zostaje zawieszona.
Maciej Gazda
Dyrektor MOPR"""
A099_URL = "http://mopr.piekary.pl/aktualnosci/zawieszenie-dzialalnosci/"


def test_a_notice_signed_by_the_body_s_head_is_its_page() -> None:
    """a099: the director signs the notice ("Maciej Gazda" / "Dyrektor MOPR") on the body's
    own site; the clubs it closes are its units, not the page's owner."""
    owner = find_page_owner(page_text_of_plain(A099, A099_URL))
    assert owner is not None
    assert owner.name == "Miejski Ośrodek Pomocy Rodzinie", owner
    assert "signed" in owner.evidence


def test_a_title_without_a_person_beside_it_signs_nothing() -> None:
    """The same lines without the signer's name: "Dyrektor MOPR" alone is a mention."""
    owner = find_page_owner(page_text_of_plain(A099.replace("Maciej Gazda\n", ""), A099_URL))
    assert owner is None or "signed" not in owner.evidence, owner


# --- a name that opens a coordinated subject ---------------------------------------------------


def test_a_name_opening_a_coordinated_subject_is_its_agent() -> None:
    """b022: the prosecutor's office "oraz podległe jej jednostki … przyjmują" — the office
    is the subject of the page's first sentence, as in "X przyjmuje"."""
    text = (
        "Prokuratura Okręgowa w Gorzowie Wlkp. oraz podległe jej jednostki prokuratur "
        "rejonowych przyjmują i załatwiają sprawy stosownie do przepisów :\n\n"
        "–                     ustawy z dnia 6 czerwca 1997 r. – Kodeksu postępowania karnego "
        "(Dz.U. z dnia 4 sierpnia 1997r., nr 89, poz. 555 z późn. zm.),\n\n"
        "Zawiadomienia o przestępstwie,  wnioski , skargi i inne pisma zainteresowany możne "
        "składać osobiście w biurach podawczych mieszczących się w Prokuraturze Okręgowej w "
        "Gorzowie Wlkp."
    )
    url = (
        "https://pk.gov.pl/prokuratura/jednostki-podlegle/prokuratura-regionalna-w-szczecinie/"
        "prokuratura-okregowa-w-gorzowie-wielkopolskim/sposob-przyjmowania-i-zalatwiania-spraw-45/"
    )
    owner = find_page_owner(page_text_of_plain(text, url))
    assert owner is not None
    assert normalise_name(owner.name).name == "Prokuratura Okręgowa w Gorzowie Wielkopolskim"
    assert "agent" in owner.evidence


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        pytest.param(
            "Prokuratura Okręgowa w Gorzowie Wlkp. oraz podległe jej jednostki prokuratur "
            "rejonowych przyjmują i załatwiają sprawy",
            "przyjmują",
            id="b022-plural-verb-after-the-coordinated-subject",
        ),
        pytest.param(
            "Prokuratura Okręgowa w Gorzowie Wlkp. oraz sądy i inne instytucje państwa prawa "
            "zawsze z troską i z uwagą",
            None,
            id="b022-variant-no-verb-within-a-few-words",
        ),
    ],
)
def test_verb_after_a_coordinated_subject(text: str, verb: str | None) -> None:
    assert verb_after(text, len("Prokuratura Okręgowa w Gorzowie Wlkp.")) == verb
