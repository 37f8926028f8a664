"""The owner reader's rules of issue 12's third round, each from real lines: the 96 saved pages
(`../shared/data/html_fixtures`, the host in the case id) or the web corpus's tuning half
(`benchmarks/web_corpus`, the document id in the case id). Each rule has cases it must change
and cases it must leave as they were.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from extractors.contacts import find_addresses
from extractors.detect import detect_page
from extractors.html_pages.dom import text_lines
from extractors.html_pages.owner_candidates import names_in, whole_name
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.text_page import owner_record
from extractors.mention_records import mention_records
from extractors.records import Document
from flows.inspect import extract_one
from transforms.normalise import institution_seat

# --- a rendered block ends its line -----------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            '<aside><h3>Aktywne Filtry</h3><h4>Sad:</h4><span class="filter">'
            '<a class="remove" href="/x"></a>Sad Rejonowy w Elblagu</span></aside>',
            ["Aktywne Filtry", "Sad:", "Sad Rejonowy w Elblagu"],
            id="orzeczenia.elblag-a-label-block-ends-before-the-court",
        ),
        pytest.param(
            '<div class="meta-categories"><a href="?cat=29">Fundacja</a> <a href="?cat=25">'
            'Info</a> <a href="?cat=27">Porady</a></div><h2>Fundacja a obowiazki prawne</h2>',
            ["Fundacja Info Porady", "Fundacja a obowiazki prawne"],
            id="fundacja-dogolandia-inline-links-stay-one-line",
        ),
        pytest.param(
            "<p>Miejsko-Gminny Ośrodek Pomocy Społecznej\nw Lubsku <b>zawiadamia</b>, że</p>",
            ["Miejsko-Gminny Ośrodek Pomocy Społecznej w Lubsku zawiadamia, że"],
            id="source-line-breaks-and-inline-tags-inside-a-paragraph-unchanged",
        ),
    ],
)
def test_rendered_lines(html: str, expected: list[str]) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert text_lines(soup, as_rendered=True) == expected


# --- what a short text is a name of -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Błąd - Fundacja Centaurus", None, id="centaurus-title-with-separator"),
        pytest.param("Fundacja Centaurus", "Fundacja Centaurus", id="centaurus-its-part"),
        pytest.param("Fundacja dogolandia", "Fundacja dogolandia", id="dogolandia-small-brand"),
        pytest.param("Fundacja a obowiązki prawne", None, id="dogolandia-a-phrase-not-a-name"),
        pytest.param("e-mail: spolkusz@sp.olkusz.pl", None, id="b058-a-mailbox-is-no-brand"),
        pytest.param("E-mail: ops@szamotuly.pl", None, id="c038-a-mailbox-is-no-brand"),
        pytest.param(
            'Stowarzyszenie Aktywności Lokalnej "Eventyr" Wpisy',
            'Stowarzyszenie Aktywności Lokalnej "Eventyr"',
            id="eventyrteam-straight-quotes-end-the-name",
        ),
        pytest.param(
            'Przedszkole "Bajkowa Kraina" w Chmielniku',
            'Przedszkole "Bajkowa Kraina" w Chmielniku',
            id="bajkowakraina-a-place-after-the-quotes-stays",
        ),
        pytest.param(
            "STAROSTWO POWIATOWE W OLKUSZU",
            "Starostwo Powiatowe w Olkuszu",
            id="b058-heading-in-capitals-unchanged",
        ),
    ],
)
def test_whole_name(text: str, expected: str | None) -> None:
    found = whole_name(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.lower() == expected.lower()


# --- a locality is letters only ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ul. Wolności 8/10, 09-100 Płońsk1. Poradnia udziela pomocy specjalistycznej",
            ("ul. Wolności 8/10", "09-100", "Płońsk"),
            id="b003-a-list-number-glued-to-the-town",
        ),
        pytest.param(
            "ul. Kilińskiego 1, 47-303 Krapkowice Tel. 77 446 79 00",
            ("ul. Kilińskiego 1", "47-303", "Krapkowice"),
            id="a-label-after-the-town-unchanged",
        ),
        pytest.param(
            "ul. Legionów 26/28, 26-110 Skarżysko-Kamienna",
            ("ul. Legionów 26/28", "26-110", "Skarżysko-Kamienna"),
            id="a-double-name-unchanged",
        ),
    ],
)
def test_locality_of_an_address(text: str, expected: tuple[str, str, str]) -> None:
    assert find_addresses(text)[0] == expected


# --- seats among namesakes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "type_code", "expected"),
    [
        pytest.param(
            "Placówka Opiekuńczo-Wychowawcza w Wyszogrodzie",
            "foster_care_institution",
            "town",
            id="a016-a-care-home-naming-a-town",
        ),
        pytest.param(
            "Fundacja Dom Rodzinnej Rehabilitacji Dzieci z Porażeniem Mózgowym w Opolu",
            "ngo",
            "town",
            id="a027-a-foundation-naming-a-town",
        ),
        pytest.param(
            "Poradnia Psychologiczno-Pedagogiczna w Płońsku", "ppp", "town", id="b003-a-ppp"
        ),
        pytest.param(
            "Ośrodek Adopcyjny Towarzystwa Przyjaciół Dzieci Oddział w Tarnowie",
            "adoption_centre",
            "town",
            id="a040-an-adoption-centre",
        ),
        pytest.param(
            "Szkoła Podstawowa im. Kornela Makuszyńskiego w Skrzeszewie",
            "primary_school",
            None,
            id="b095-a-village-school-unchanged",
        ),
        pytest.param(
            "Miejsko-Gminny Ośrodek Pomocy Społecznej w Gostyniu",
            "ops",
            "town",
            id="c024-a-miejsko-gminny-body-in-its-town",
        ),
        pytest.param(
            "Gminny Ośrodek Pomocy Społecznej w Dębem Wielkim",
            "ops",
            "rural_gmina",
            id="c021-a-gmina-body-unchanged",
        ),
    ],
)
def test_institution_seat(name: str, type_code: str, expected: str | None) -> None:
    assert institution_seat(name, type_code) == expected


# --- the site's address settles a tie ---------------------------------------------------------

A052 = """Aktualności i ogłoszenia

31.01.2024 r.

Powiatowe Centrum Pomocy Rodzinie w Opolu, w 2024 r. przystąpi do realizacji programów, \
ukierunkowanych na zmianę postaw/zachowań osób stosujących przemoc domową.

DOCXRejestr zawierający szczegóły dotyczące realizacji programów korekcyjno-edukacyjnych \
oraz oddziaływań psychologiczno-terapeutycznych dla osób stosujących przemoc domową \
realizowanych przez Powiatowe Centrum Pomocy Rodzinie w Opolu.docx (14,29KB)

Powiatowa Społeczna Rada do Spraw Osób Niepełnosprawnych

Powiatowa Społeczna Rada do Spraw Osób Niepełnosprawnych jest organem \
opiniodawczo-doradczym, utworzonym przy Staroście Powiatu Opolskiego. Pod względem \
organizacyjnym Rada obsługiwana jest przez Powiatowe Centrum Pomocy Rodzinie. Rada \
działa na rzecz osób niepełnosprawnych."""

B099 = """Wczesne wspomaganie rozwoju

Liczba odwiedzających: 4983

Działając na podstawie Rozporządzenia MEN z dnia 5 września 2017r. (Dz. U. z 2017r. \
poz.1712), Starosta Legionowski decyzją z dnia 16 października 2017r. wskazał Poradnię \
Psychologiczno-Pedagogiczna w Legionowie jako wiodący ośrodek \
koordynacyjno-rehabilitacyjno-opiekuńczy."""

B104 = """Uroczyste otwarcie nowej siedziby Komisariatu Policji w Warcie Powrót Generuj PDF \
Drukuj 9 listopada 2022 roku uroczyście otwarto nowo wybudowany Komisariat Policji w Warcie. \
Wsparcia udzieliły również Starostwo Powiatowe w Sieradzu oraz władze miasta Warty.

9 listopada 2022 roku odbyła się uroczystość otwarcia nowego Komisariatu Policji w Warcie. \
Wzięli w niej udział: I Zastępca Komendanta Głównego Policji nadinspektor Dariusz \
Augustyniak, Komendant Wojewódzki Policji w Łodzi nadinspektor Sławomir Litwin oraz \
Komendant Powiatowy Policji w Sieradzu inspektor Piotr Bielewski."""


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        pytest.param(
            "http://pcpropole.biuletyn.info.pl/46/aktualnosci-i-ogloszenia.html",
            A052,
            "Powiatowe Centrum Pomocy Rodzinie w Opolu",
            id="a052-the-host-spells-one-of-two-equal-names",
        ),
        pytest.param(
            "https://lodzka.policja.gov.pl/ld/informacje/78434",
            B104,
            None,
            id="b104-a-rival-the-host-does-not-contradict-still-no-owner",
        ),
    ],
)
def test_host_settles_a_tie(url: str, text: str, expected: str | None) -> None:
    owner = find_page_owner(page_text_of_plain(text, url))
    if expected is None:
        assert owner is None
    else:
        assert owner is not None and owner.name == expected, owner


# --- a news page that names institutions is read for them ------------------------------------

B047 = """Tydzień Pomocy Ofiarom Pokrzywdzonym Przestępstwem

To kolejna edycja akcji koordynowanej przez Ministerstwo Sprawiedliwości. Do akcji włączają \
się także dzielnicowi z powiatu piskiego.

Do udziału w kampanii włącza się także Komenda Powiatowa Policji w Piszu oraz podległe \
komisariaty. Będą udzielali informacji pod numerami telefonów:

dzielnicowi z Komendy Powiatowej Policji w Piszu , tel. 47 73 54 248
dzielnicowi z Komisariatu Policji w Białej Piskiej, tel. 47 73 54 366"""

B035 = """REGULAMIN KORZYSTANIA Z USŁUG

gabinetu dietetycznego
Pracownia Żywienia Nutrilab.pro
Dominika Molenda

1. Niniejszy Regulamin określa zasady korzystania z usług dietetycznych świadczonych przez \
Pracownię Żywienia Nutrilab.pro na rzecz Pacjentów."""


def _plain_page(text: str) -> str:
    """The web corpus's reading of a stored text: title, then a paragraph a line."""
    lines = [escape(line.strip()) for line in text.splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    return f'<html lang="pl"><head><title>{lines[0]}</title></head><body>{body}</body></html>'


@pytest.mark.parametrize(
    ("url", "text", "kind", "mentions"),
    [
        pytest.param(
            "http://tygodnikpiski.pl/2022/02/21/tydzien-pomocy-ofiarom-pokrzywdzonym-przestepstwem/",
            B047,
            "article",
            {
                "Ministerstwo Sprawiedliwości",
                "Komenda Powiatowa Policji w Piszu",
                "Komisariat Policji w Białej Piskiej",
            },
            id="b047-a-local-weekly-names-police-units",
        ),
        pytest.param(
            "http://nutrilab.pro/regulamin/",
            B035,
            "not_institution",
            set(),
            id="b035-a-dietitian-s-terms-name-no-institution",
        ),
    ],
)
def test_news_page_is_read_for_the_institutions_it_names(
    tmp_path: Path, url: str, text: str, kind: str, mentions: set[str]
) -> None:
    html = _plain_page(text)
    document = Document.from_bytes(
        url, html.encode("utf-8"), content_type="text/html", charset="utf-8"
    )
    assert detect_page(document).kind == kind
    saved = tmp_path / "page.html"
    saved.write_text(html, encoding="utf-8")
    rows = extract_one(str(saved), url=url)
    assert {row["name"] for row in rows if row["role"] == "mention"} == mentions
    assert not [row for row in rows if row["role"] == "subject"]


# --- a one-person office is not a page's owner ------------------------------------------------

B041 = """Szanowni Rodzice,
Prezydent Miasta Koszalina podpisał 29 listopada 2023r. zarządzenie w sprawie przerwy \
urlopowej przedszkoli. Przedszkole nr 7 w Koszalinie taką przerwę będzie odbywało
od 1.07.2024r. do 31.07.2024r. Ze względu na konieczność zrealizowania urlopów i prace \
modernizacyjne/remontowe, przerwa będzie trwała cały miesiąc."""


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        pytest.param(
            "http://ppplegionowo.pl/info/zawartosc/11",
            B099,
            "Poradnia Psychologiczno-Pedagogiczna w Legionowie",
            id="b099-the-starosta-decides-the-poradnia-is-the-page-s",
        ),
        pytest.param(
            "http://p7.eduportal.koszalin.pl/pl/page/przerwa-urlopowa-1",
            B041,
            "Przedszkole nr 7 w Koszalinie",
            id="b041-the-president-announces-the-preschool-on-its-own-site-is-the-owner",
        ),
        pytest.param(
            "http://bip.konecki.wrota-swietokrzyskie.pl/web/guest/obsluga_klienta",
            "Menu\n\nObsługa klienta\n\nInformujemy, że:\n\n1) administratorem Pani/Pana "
            "danych osobowych jest Starostwo Powiatowe z siedzibą w Końskich przy ul.Stanisława "
            "Staszica 2.",
            "Starostwo Powiatowe z siedzibą w Końskich",
            id="b055-the-office-of-an-organ-unchanged",
        ),
    ],
)
def test_an_organ_is_not_the_owner(url: str, text: str, expected: str | None) -> None:
    owner = find_page_owner(page_text_of_plain(text, url))
    if expected is None:
        assert owner is None, owner
    else:
        assert owner is not None and owner.name == expected, owner


# --- two bodies sharing a head noun and a place -----------------------------------------------


@pytest.mark.parametrize(
    ("line", "owner_name", "mentioned"),
    [
        pytest.param(
            "Prokuratury Okręgowa i Rejonowa w Łomży – ul.Szosa Zambrowska 1 / 27",
            "Prokuratura Okręgowa w Łomży",
            ["Prokuratury Okręgowa w Łomży", "Prokuratury Rejonowa w Łomży"],
            id="b079-a-heading-of-two-prosecutors",
        ),
        pytest.param(
            "Obiekt Prokuratury Okręgowej i Rejonowej w Łomży nie jest wyposażony w podjazd.",
            "Prokuratura Okręgowa w Łomży",
            ["Prokuratury Okręgowej w Łomży", "Prokuratury Rejonowej w Łomży"],
            id="b079-the-same-in-the-genitive",
        ),
        pytest.param(
            "Miasto i Gmina Gołańcz",
            None,
            [],
            id="golancz-one-gmina-unchanged",
        ),
        pytest.param(
            "Ośrodek Pomocy Specjalistycznej i Interwencji Kryzysowej w Rzeszowie",
            "Ośrodek Pomocy Specjalistycznej i Interwencji Kryzysowej w Rzeszowie",
            ["Ośrodek Pomocy Specjalistycznej i Interwencji Kryzysowej w Rzeszowie"],
            id="c003-one-centre-of-two-kinds-of-help-unchanged",
        ),
    ],
)
def test_shared_head(line: str, owner_name: str | None, mentioned: list[str]) -> None:
    assert [found.name for found in names_in(line, 0)][:1] == ([owner_name] if owner_name else [])
    assert [record.name_raw for record in mention_records(line, article=True)] == mentioned


# --- a street address in another town is not the owner's -------------------------------------

B051 = """Procedura kierowania

W celu uzyskania informacji na temat skierowania wychowanków do naszej placówki prosimy o \
kontakt z dyrektorem Ośrodka tel. (081) 886 34 18 w godzinach 7 – 15.

Następnie będą musieli Państwo złożyć wniosek do sądu wydającego postanowienie i do Komisji \
o umieszczenie w MOW w Puławach.

Komisji ds. kierowania nieletnich do MOW
Departament Spraw Rodzinnych i Nieletnich
Adres: Al. Ujazdowskie 11, 00-950 Warszawa
tel. 22 23-90-740, email:  komisja.mow@ms.gov.pl"""

B058 = """STAROSTWO POWIATOWE W OLKUSZU

ul. Mickiewicza 2, 32-300 Olkusz
tel.: +48 32 643 04 14
fax: +48 32 643 04 90
e-mail: spolkusz@sp.olkusz.pl"""

A001 = """Artykuł
Uprzejmie informujemy, iż zgodnie z Zarządzeniem Dyrektora PCPR w Poddębicach, w terminie od \
01 lipca 2025 roku do 31 sierpnia 2025 roku Powiatowe Centrum Pomocy Rodzinie w Poddębicach \
będzie u
Kontakt:
ul. Łęczycka 28, 99-200 Poddębice
tel.: 0 43 678 40 40
tel./fax.: 043 678 40 40
www.pcprpoddebice.pl
e-mail: pcpr@poddebicki.pl
Godziny pracy PCPR: poniedziałek – piątek od godz. 8.00 do godz. 16.00
Powiatowe Centrum Pomocy Rodzinie w Poddębicach
Zakres działalności Powiatowego Centrum Pomocy Rodzinie w Poddębicach
PCPR w Poddębicach realizuje następujące zadania na rzecz osób niepełnosprawnych:"""


@pytest.mark.parametrize(
    ("url", "text", "address"),
    [
        pytest.param(
            "http://mow.pulawy.pl/kierowanie/",
            B051,
            (None, None),
            id="b051-the-ministry-committee-s-address-in-warsaw",
        ),
        pytest.param(
            "http://www.old.sp.olkusz.pl/e-samorzad/",
            B058,
            ("ul. Mickiewicza 2", "32-300"),
            id="b058-the-owner-s-own-town-unchanged",
        ),
        pytest.param(
            "https://www.poddebicki.pl/asp/powiatowe-centrum-pomocy-rodzinie",
            A001,
            ("ul. Łęczycka 28", "99-200"),
            id="a001-a-contact-paragraph-in-the-name-s-town-unchanged",
        ),
    ],
)
def test_address_in_another_town(
    url: str, text: str, address: tuple[str | None, str | None]
) -> None:
    page = page_text_of_plain(text, url)
    owner = find_page_owner(page)
    assert owner is not None
    record = owner_record(page, owner)
    assert (record.street_raw, record.postal_code_raw) == address


# --- the owner's record keeps the page's text for what it offers -------------------------------


@pytest.mark.parametrize(
    ("url", "text", "schedule", "services"),
    [
        pytest.param(
            "https://www.poddebicki.pl/asp/powiatowe-centrum-pomocy-rodzinie",
            A001,
            [(["Mo", "Tu", "We", "Th", "Fr"], "08:00", "16:00")],
            ["disability_support"],
            id="a001-a-pcpr-s-hours-and-tasks",
        ),
        pytest.param(
            "http://www.old.sp.olkusz.pl/e-samorzad/",
            B058,
            [],
            [],
            id="b058-contact-lines-state-nothing-unchanged",
        ),
    ],
)
def test_owner_row_states_what_its_page_says(
    tmp_path: Path,
    url: str,
    text: str,
    schedule: list[tuple[list[str], str, str]],
    services: list[str],
) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(_plain_page(text), encoding="utf-8")
    (subject,) = [row for row in extract_one(str(saved), url=url) if row["role"] == "subject"]
    assert [(s["days"], s["opens"], s["closes"]) for s in subject["schedules"]] == schedule
    assert [item["code"] for item in subject["services_stated"]] == services
