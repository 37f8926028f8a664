"""Whose page it is, and its contacts, read from what a page says (issue 12).

Every case quotes the few lines it needs from a real document of the web corpus's tuning
half (`benchmarks/web_corpus`, the id in the case id), served under the document's own
address, as `wsparcie extract` reads a plain page or a saved text file. The kinds of failure
are the issue's: names cut, left in the genitive or taken from a heading; pages whose owner
is another body, or nobody; numbers in their page's own formats, faxes, labels; people's
mailboxes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.html_pages.owner_candidates import whole_name
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.text_page import owner_record, parse_text_page
from extractors.records import Document
from transforms.contacts import email_details, normalise_emails, phone_details
from transforms.names import normalise_name

# --- names ------------------------------------------------------------------------------------

NAMES = [
    pytest.param(
        "https://dpslubuczewo.pl/zadania/dzialalnosc-opiekuncza",
        "Dom Pomocy Społecznej w Lubuczewie zapewnia opiekę pielęgnacyjną, a także "
        "opiekuńczo - terapeutyczną.\n\nMieszkańcy Domu stanowią społeczność bardzo "
        "zróżnicowaną pod wieloma względami.",
        "Dom Pomocy Społecznej w Lubuczewie",
        id="a011-plain-page-owner-opens-the-first-sentence",
    ),
    pytest.param(
        "https://www.spskrzeszew.wieliszew.pl/szkola_podstawowa/zawartosc/229/",
        "Szkolny banner\n\nDeklaracja dostępności\n\nSzkoła Podstawowa im. Kornela "
        "Makuszyńskiego w Skrzeszewie zobowiązuje się zapewnić dostępność swojej strony "
        "internetowej zgodnie z przepisami ustawy z dnia 4 kwietnia 2019 r.",
        "Szkoła Podstawowa im. Kornela Makuszyńskiego w Skrzeszewie",
        id="b095-accessibility-statement-declares-the-owner",
    ),
    pytest.param(
        "http://bip.lubawka.eu/site/article/show/28205",
        "Gmina Lubawka\n\nBiuletyn Informacji Publicznej\n\nDeklaracja dostępności\n\n"
        "Gmina Lubawka zobowiązuje się zapewnić dostępność swojej strony internetowej "
        "zgodnie z przepisami ustawy z dnia 4 kwietnia 2019 r.",
        "Gmina Lubawka",
        id="b044-a-gmina-declares-itself",
    ),
    pytest.param(
        "http://bip.konecki.wrota-swietokrzyskie.pl/web/guest/obsluga_klienta",
        "Menu\n\nObsługa klienta\n\nInformujemy, że:\n\n1)  administratorem Pani/Pana "
        "danych osobowych jest Starostwo Powiatowe z siedzibą w Końskich przy ul.Stanisława "
        "Staszica 2. Może się z Pani/Pan z nami kontaktować poprzez numer telefonu "
        "41 26 04 700 lub adres email: starostwo@konecki.powiat.pl",
        "Starostwo Powiatowe w Końskich",
        id="b055-data-controller-clause-names-the-owner",
    ),
    pytest.param(
        "http://p16.eduportal.koszalin.pl/pl/page/covid-19-5",
        "Szanowni Państwo.\n\nDyrektor Przedszkola nr 16 w Koszalinie informuje, że od 1 "
        "września 2021 r. Przedszkole nr 16 w Koszalinie czynne będzie w godzinach 6.30 – "
        "16.30.",
        "Przedszkole nr 16 w Koszalinie",
        id="b040-spokesman-announces-in-the-genitive-name-in-the-nominative",
    ),
    pytest.param(
        "https://pcpr.powiat.rzeszowski.pl/ogloszenia/ogloszenie-o-ograniczeniach/",
        "Ogłoszenie o ograniczeniach w obsłudze klientów w Powiatowym Centrum Pomocy "
        "Rodzinie w Rzeszowie\n\nDziałając na podstawie § 24 ust. 5 Rozporządzenia Rady "
        "Ministrów z dnia 9 października 2020r. Dyrektor Powiatowego Centrum Pomocy Rodzinie "
        "w Rzeszowie uprzejmie informuje, że wprowadza następujące ograniczenia:",
        "Powiatowe Centrum Pomocy Rodzinie w Rzeszowie",
        id="a101-genitive-title-and-spokesman-nominative-name",
    ),
    pytest.param(
        "http://mgops.lubsko.pl/index.php/8-aktualnosci",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej\n\nw Lubsku\n\nMisja\n\nKlub Seniora\n\n"
        "Miejsko- Gminny Ośrodek Pomocy Społecznej w Lubsku  zawiadamia, że od 1 czerwca "
        "2020r. wznawia działalność Klub Senior +.",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Lubsku",
        id="a097-type-head-with-its-place-on-the-next-line",
    ),
    pytest.param(
        "http://dpskoszalin.pl/o-dps/",
        "O DPS\n\nwejscie\n\nDom Pomocy Społecznej  “Zielony  Taras ” w Koszalinie\nul. "
        "Leonida Teligi 4\n75-206 Koszalin\ntel. +48 947 170 890\n\nOpieka: całodobowa\n\n"
        "Dom Pomocy Społecznej w Koszalinie został powołany Uchwałą Rady Miejskiej.",
        "Dom Pomocy Społecznej „Zielony Taras” w Koszalinie",
        id="a063-type-head-keeps-what-tells-it-from-others",
    ),
    pytest.param(
        "http://poradniaplonsk.pl/index.php/zasady-korzystania-z-pomocy",
        "ZASADY KORZYSTANIA Z POMOCY\n    PORADNI PSYCHOLOGICZNO – PEDAGOGICZNEJ W PŁOŃSKU\n"
        "    ul. Wolności 8/10, 09-100 Płońsk1. Poradnia udziela pomocy specjalistycznej "
        "psychologicznej, pedagogicznej i logopedycznej:\n4. Dyrektor Poradni "
        "Psychologiczno – Pedagogicznej przyjmuje klientów w godzinach pracy Poradni.",
        "Poradnia Psychologiczno-Pedagogiczna w Płońsku",
        id="b003-genitive-capitals-and-spaced-compound-over-an-address",
    ),
    pytest.param(
        "https://gops.debewielkie.pl/n,program-opieka-wytchnieniowa",
        "Przejdź do głównej treści Przejdź do wyszukiwarki Gminny Ośrodek Pomocy Społecznej "
        "w Dębem Wielkim\n\nProgram „OPIEKA WYTCHNIENIOWA” dla Jednostek Samorządu "
        "Terytorialnego – edycja 2026\n\nGminny Ośrodek Pomocy Społecznej w Dębem Wielkim w "
        "związku z przyznaniem środków finansowych, ogłasza nabór osób chętnych.",
        "Gminny Ośrodek Pomocy Społecznej w Dębem Wielkim",
        id="c021-skip-links-before-the-name",
    ),
    pytest.param(
        "https://opsal.pl/biuro-projektow/podsumowanie-dzialania-programowe",
        "Przejdź do głównej treści Przejdź do wyszukiwarki\n\nOśrodek Pomocy Społecznej w "
        "Aleksandrowie Łódzkim Ośrodek Pomocy Społecznej w Aleksandrowie Łódzkim\n\n"
        "Podsumowanie- działania programowe i projektowe w roku 2020\n\nI/ W roku 2020 "
        "Ośrodek rozpoczął realizację kluczowego projektu. Łączna wysokość wydatków "
        "kwalifikowalnych projektu wynosi 390.147,50 zł: 328.816,31 zł i 61.331,19 zł.",
        "Ośrodek Pomocy Społecznej w Aleksandrowie Łódzkim",
        id="a005-logo-text-and-site-name-the-same-name-twice",
    ),
    pytest.param(
        "https://rzeszow.sr.gov.pl/index.php/biuro-obslugi-interesantow",
        "Biuro Obsługi Interesantów\n\nGodziny urzędowania:\n\nZgodnie z Zarządzeniem "
        "Prezesa i Dyrektora Sądu Rejonowego w Rzeszowie z dnia 28 maja 2024r.:\n\n1. Ustala "
        "się godziny otwarcia Sądu Rejonowego w Rzeszowie dla Interesantów od 8:00 do "
        "15:00.\n\nTelefon kontaktowy:\n\n17 715 24 00\n\nKontakt e-mail:\n\n"
        "boi@rzeszow.sr.gov.pl",
        "Sąd Rejonowy w Rzeszowie",
        id="b024-a-body-s-unit-titles-the-page-the-body-is-the-owner",
    ),
    pytest.param(
        "https://mopr.gda.pl/nowe-centrum-pracy-socjalnej-nr-9",
        "Nowe Centrum Pracy Socjalnej nr 9 już od 1 marca w Gdańsku – uwaga klienci!\n\n"
        "Od 1 marca przy ulicy Piekarniczej 16 rusza nowe, dziewiąte Centrum Pracy "
        "Socjalnej Miejskiego Ośrodka Pomocy Rodzinie w Gdańsku. Nowy CPS z pewnością "
        "poprawi dostępność do usług świadczonych przez MOPR.\n\nUruchomienie „9” wynika z "
        "procesu reorganizacji gdańskiego MOPR.",
        "Miejski Ośrodek Pomocy Rodzinie w Gdańsku",
        id="a088-body-named-only-in-the-genitive-inside-its-unit-s-name",
    ),
    pytest.param(
        "http://psonidzialdowo.org/dla-kogo-orew,34,pl.html",
        "Dla kogo OREW\n\nDLA KOGO OREW\n\nWg zapisów Statutu OREW:\n\n§ 1 ust. 1:\n\n"
        "Ośrodek Rehabilitacyjno – Edukacyjno – Wychowawczy w Działdowie jest niepubliczną, "
        "specjalistyczną, wielofunkcyjną placówką prowadzoną przez Polskie Stowarzyszenie na "
        "rzecz Osób z Niepełnosprawnością Intelektualną Koło w Działdowie.\n\n§ 3:\n\n"
        "1. OREW przeznaczony jest dla wychowanków w wieku od urodzenia do 25-tego roku życia.",
        "Ośrodek Rehabilitacyjno-Edukacyjno-Wychowawczy w Działdowie",
        id="c048-the-address-backs-the-name-the-page-puts-forward",
    ),
    pytest.param(
        "http://wtzhaczow.pl/index.php/warunki-przyjecia/",
        "Aby zostać uczestnikiem WTZ należy spełnić następujące warunki:\n\n"
        "  • mieć ukończone 18 lat,\n"
        "  • posiadać orzeczenie o stopniu niepełnosprawności ze wskazaniem do uczestnictwa w "
        "terapii zajęciowej,\n"
        "  • zgłoszenie chęci uczestnictwa kierownikowi WTZ.",
        "Warsztat Terapii Zajęciowej",
        id="c076-a-bare-acronym-is-written-out-as-its-type-name",
    ),
]


@pytest.mark.parametrize(("url", "text", "expected"), NAMES)
def test_owner_name(url: str, text: str, expected: str) -> None:
    owner = find_page_owner(page_text_of_plain(text, url))
    assert owner is not None
    # the normalise stage writes the name (casing, "z siedzibą w"), as `wsparcie extract`
    assert normalise_name(owner.name).name == expected, owner.evidence


NO_OWNER = [
    pytest.param(
        "https://tychynews.pl/2024/04/14/centrum-uslug-spolecznych-w-bojszowach/",
        "Centrum Usług Społecznych w Bojszowach ma nową siedzibę.\n\nW piątek, 12 kwietnia, "
        "odbyło się uroczyste otwarcie nowej siedziby Centrum Usług Społecznych w "
        "Bojszowach.\n\nDo tej pory CUS mieścił się przy ul. Sierpowej 38 w Świerczyńcu.\n\n"
        "– Nowa siedziba robi wspaniałe wrażenie – powiedział Marek Wójcik.\n\nCentrum Usług "
        "Społecznych w Bojszowach jest miejscem, gdzie mieszkańcy mogą korzystać z "
        "różnorodnych form wsparcia.\n\nŹródło : https://www.katowice.uw.gov.pl/",
        id="a020-news-portal-writes-about-an-institution-not-its-page",
    ),
    pytest.param(
        "https://www.um.ostrowiec.pl/pl/sfera-spoleczna/216-pomoc-dla-bezdomnych",
        "Informacja dla podatników podatku: od nieruchomości, rolnego i leśnego o sposobie "
        "doręczania decyzji wymiarowych na rok 2021\n\nUWAGA - Infolinia w zakresie "
        "trudności odbioru odpadów medycznych\n\nRachunki bankowe gminy - Informacja dla "
        "osób płacących podatki i opłaty - czytaj więcej\n\nTreść\n\nMiejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim podejmuje "
        "zintensyfikowane działania w celu zabezpieczenia osób bezdomnych.\n\nOsoby bezdomne "
        "w sprawie gorącego posiłku powinny zgłosić się do siedziby Miejskiego Ośrodka "
        "Pomocy Społecznej w Ostrowcu Świętokrzyskim, ul. Świętokrzyska 22.",
        id="a037-another-body-s-site-relays-its-notice",
    ),
    pytest.param(
        "http://www.dobra-rada.pl/czym-sie-zajmuje-osrodek-interwencji-kryzysowej_2649",
        "Czym się zajmuje Ośrodek Interwencji Kryzysowej?\n\nOśrodek Interwencji Kryzysowej "
        "to placówka udzielająca pomocy osobom potrzebującym w trudnych chwilach życia.\n\n"
        "Ośrodki Interwencji Kryzysowej działają w większości dużych miast w Polsce.",
        id="a006-explainer-names-a-kind-of-body-not-one-body",
    ),
    pytest.param(
        "https://psycholog.ai/poradnia-psychologiczno-pedagogiczna",
        "Poradnia psychologiczno pedagogiczna: brutalna rzeczywistość, historie i przyszłość "
        "wsparcia\n\n24 min czytania 4665 słów 19 kwietnia 2025\n\nWyobraź sobie miejsce, "
        "gdzie zdesperowani rodzice tłoczą się na korytarzu.",
        id="a048-seo-guide-titled-with-a-type-name",
    ),
    # a062 (a ward's page on its body's site) was here while the ward held its body back; its
    # gold owner is the body, which `tests/test_owner_fresh_round17.py` now expects (round 17)
]


@pytest.mark.parametrize(("url", "text"), NO_OWNER)
def test_no_owner(url: str, text: str) -> None:
    assert find_page_owner(page_text_of_plain(text, url)) is None


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # the kinds that the tuning half has no page of: a job-ads heading, a
        # portal's slogan, a brand before the type name
        pytest.param("WOLNE STANOWISKA PRACY w PUP", None, id="job-ads-heading"),
        pytest.param("Powiat Jarosławski Zaprasza! Portal Powiatu Jarosławskiego", None,
                     id="portal-slogan"),
        pytest.param("FORMEDICA Niepubliczny Zakład Opieki Zdrowotnej w Oławie",
                     "FORMEDICA Niepubliczny Zakład Opieki Zdrowotnej w Oławie", id="brand"),
        pytest.param("Portal Orzeczeń Sądu Rejonowego w Brzozowie", "Sąd Rejonowy w Brzozowie",
                     id="site-of-an-owner-in-the-genitive"),
        # c095's first line: a heading in capitals, not a brand and a name
        pytest.param("DZIAŁALNOŚĆ PLACÓWKI W CZASACH EPIDEMII", None, id="c095-caps-heading"),
    ],
)  # fmt: skip
def test_whole_name(heading: str, expected: str | None) -> None:
    assert whole_name(heading) == expected


# --- contacts ---------------------------------------------------------------------------------


def _contacts(url: str, text: str) -> tuple[list[tuple[str, tuple[str, ...], str]], list[str]]:
    page = page_text_of_plain(text, url)
    owner = find_page_owner(page)
    assert owner is not None
    record = owner_record(page, owner)
    phones = [(d.number, d.kinds, d.label) for d in phone_details(record.phones_raw)]
    return phones, normalise_emails(" ".join(record.emails_raw))


CONTACTS = [
    pytest.param(
        "https://www.poddebicki.pl/asp/powiatowe-centrum-pomocy-rodzinie,53,,1",
        "Artykuł\nUprzejmie informujemy, iż Powiatowe Centrum Pomocy Rodzinie w Poddębicach "
        "będzie urzędowało w godzinach od 7:00 do 15:00.\nKontakt:\nul. Łęczycka 28, 99-200 "
        "Poddębice\ntel.: 0 43 678 40 40\ntel./fax.: 043 678 40 40\nwww.pcprpoddebice.pl\n"
        "e-mail: pcpr@poddebicki.pl\nDyrektor: Ilona Kubis - Kałucka\nPowiatowe Centrum "
        "Pomocy Rodzinie w Poddębicach",
        [("+48436784040", ("voice", "fax"), "")],
        ["pcpr@poddebicki.pl"],
        id="a001-same-number-as-tel-and-tel-fax-is-one-of-both-kinds",
    ),
    pytest.param(
        "https://ops.gorzowslaski.pl/m38/a15-O-Nas",
        "O Nas\n\nMiejsko-Gminny Ośrodek Pomocy Społecznej w Gorzowie Ślaskim został "
        "utworzony na podstawie Uchwały Nr 17/III/90.\n\nSiedziba Ośrodka - 46-310 Gorzów "
        "Śląski, ul. Wojska Polskiego 15\ntel.: 34/ 35 94 008 (pomoc społeczna, usługi "
        "opiekuńcze)\nAsystent Rodziny - tel. 515 512 727\ne-mail: opsgorzow@op.pl",
        [
            ("+48343594008", ("voice",), "pomoc społeczna usługi opiekuńcze"),  # in brackets
            ("+48515512727", ("voice", "mobile"), "asystent rodziny"),
        ],
        ["opsgorzow@op.pl"],
        id="c061-area-code-and-slash-and-a-labelled-mobile",
    ),
    pytest.param(
        "https://drzewica.pl/centrum-uslug-spolecznych-w-drzewicy",
        "Centrum Usług Społecznych w Drzewicy | Urząd Miejski w Drzewicy\n\nCentrum Usług "
        "Społecznych w Drzewicy\nul. Stanisława Staszica 22\n26-340 Drzewica\n\ntel. 48 375 "
        "66 31\nfax. 48 375 73 53\ntel: 48 375 79 84, 48 375 79 85\n\ne-mail: cus@drzewica.pl",
        [
            ("+48483756631", ("voice",), ""),
            ("+48483757353", ("fax",), ""),
            ("+48483757984", ("voice",), ""),
            ("+48483757985", ("voice",), ""),
        ],
        ["cus@drzewica.pl"],
        id="a103-a-fax-is-kept-typed-and-a-list-shares-its-label",
    ),
    pytest.param(
        "http://bip.powiatkrapkowicki.pl/1119/rejestracja-pojazdu.html",
        "Rejestracja pojazdu\n\nMiejsce załatwienia sprawy:\nWydział Komunikacji i "
        "Transportu\nStarostwo Powiatowe w Krapkowicach, ul. Kilińskiego 1, parter - sala "
        "osbługi petenta.\nGodziny urzędowania:\nponiedziałek – piątek od 7:30 – 18:00\n"
        "tel. 77 40 74 321, 77 40 74 323, 77 40 74 336",
        [
            # the department's heading, over its address and hours, labels them (round 20)
            ("+48774074321", ("voice",), "wydział komunikacji i transportu"),
            ("+48774074323", ("voice",), "wydział komunikacji i transportu"),
            ("+48774074336", ("voice",), "wydział komunikacji i transportu"),
        ],
        [],
        id="b082-a-department-s-numbers-are-the-office-s",
    ),
    pytest.param(
        "https://sds-cytrynka.pl/zawieszenie-dzialalnosci-osrodka/",
        "Decyzją Wojewody Lubelskiego z dnia 30 października 2020 roku działalność "
        "Środowiskowego Domu Samopomocy „Cytrynka” w Dorohusku została czasowo zawieszona.\n\n"
        "Przypominamy, że w każdej chwili każdy uczestnik może uzyskać wsparcie i pomoc "
        "terapeutyczną dzwoniąc pod numery: 82 566-16-08, 519-538-254",
        [("+48825661608", ("voice",), ""), ("+48519538254", ("voice", "mobile"), "")],
        [],
        id="a090-numbers-in-a-sentence",
    ),
    pytest.param(
        "http://www.old.sp.olkusz.pl/e-samorzad/",
        "E-samorząd\n\nSTAROSTWO POWIATOWE W OLKUSZU\n\nul. Mickiewicza 2, 32-300 Olkusz\n"
        "tel.: +48 32 643 04 14\nfax: +48 32 643 04 90\ne-mail: spolkusz@sp.olkusz.pl\n\n"
        "Terenowy Punkt Paszportowy w Olkuszu Urzędu Wojewódzkiego w Krakowie\nPoniedziałek: "
        "9:00 - 16:30\n\nSprawy związane z paszportami pokój: parter, tel. 32 647 88 35.",
        [("+48326430414", ("voice",), ""), ("+48326430490", ("fax",), "")],
        ["spolkusz@sp.olkusz.pl"],
        id="b058-another-body-s-number-under-its-heading-is-left-out",
    ),
    pytest.param(
        # the same layout outside a table: the heading above an unlabelled number
        "https://www.poddebicki.pl/asp/powiatowe-centrum-pomocy-rodzinie,53,,1",
        "Powiatowe Centrum Pomocy Rodzinie w Poddębicach\n99-200 Poddębice, ul. Łęczycka 16"
        "\ntel. 43 678 40 40\nDział świadczeń\ntel. 43 678 40 41\n"
        "e-mail: pcpr@poddebicki.pl\ntel. 43 678 40 42",  # b044's layout: a mailbox above
        [
            ("+48436784040", ("voice",), ""),  # the address above is no label
            ("+48436784041", ("voice",), "dział świadczeń"),
            ("+48436784042", ("voice",), ""),
        ],
        ["pcpr@poddebicki.pl"],
        id="a-heading-above-labels-and-an-address-above-does-not",
    ),
]


def test_a_department_table_labels_each_number_with_its_row() -> None:
    """Tune g001 of the web corpus (a PCPR's BIP table of its departments, each cell a
    line): the row's first cell labels its number, a team named like a body too, and an
    abbreviation's dot ("ds.") does not cut the label (round 19, contacts20b)."""
    document = Path(__file__).parents[1] / "benchmarks/web_corpus/documents/g001.txt"
    url = (
        "http://www.pcprbielskpodlaski.pl/niepelnosprawnosc/asystent-osobisty-osoby-"
        "niepelnosprawnej/2023/itemlist/category/51-administracyjne"
    )
    phones, _ = _contacts(url, document.read_text(encoding="utf-8"))
    labels = {number: label for number, _, label in phones}
    assert {number: labels.get(number) for number in G001_LABELS} == G001_LABELS


G001_LABELS = {
    "+48858332677": "zespół do spraw orzekania o niepełnosprawności",
    "+48858699903": "inspektorzy ds. obsługi pfron",
    "+48858699906": "główny księgowy",
    "+48858699901": "specjalista pracy socjalnej",
    "+48858331082": "rodzinna piecza zastępcza",
    "+48858332675": "koordynatorzy rodzinnej pieczy zastępczej",
    "+48858699905": "specjalista pracy z rodziną",
    "+48858699902": "psycholog",
    "+48858332676": "sekretariat",
}


@pytest.mark.parametrize(("url", "text", "phones", "emails"), CONTACTS)
def test_owner_contacts(
    url: str, text: str, phones: list[tuple[str, tuple[str, ...], str]], emails: list[str]
) -> None:
    assert _contacts(url, text) == (phones, emails)


@pytest.mark.parametrize(
    ("address", "personal"),
    [
        pytest.param("jolanta.szewczyk@dpskoszalin.pl", True, id="a064-first-name-surname"),
        pytest.param("mazur.pawel@lubawka.eu", True, id="b044-surname-first-name"),
        pytest.param("adamstuglik@wp.pl", True, id="b018-glued-name"),
        pytest.param("kierownik@swietlicaterapeutyczna-ostroda.pl", False, id="a073-a-role"),
        pytest.param("kuratorzy.karni@zgierz.sr.gov.pl", False, id="b050-a-team"),
        pytest.param("mackowicesp@gmail.com", False, id="b094-the-school-s-free-mailbox"),
    ],
)  # fmt: skip
def test_personal_mailbox(address: str, personal: bool) -> None:
    assert email_details([address])[0].personal is personal


def test_text_file_is_a_page_with_its_owner_and_mentions() -> None:
    # a001 saved as a text file: before issue 12 it was read as an article, the PCPR a
    # mention; now the page's owner is its subject and the bodies it names are mentions
    text = (
        "Artykuł\nUprzejmie informujemy, iż zgodnie z Zarządzeniem Dyrektora PCPR w "
        "Poddębicach, w terminie od 01 lipca 2025 roku do 31 sierpnia 2025 roku Powiatowe "
        "Centrum Pomocy Rodzinie w Poddębicach będzie urzędowało w godzinach od 7:00 do 15:00.\nKontakt:\nul. Łęczycka 28, 99-200 Poddębice\ntel.: 0 43 "
        "678 40 40\ne-mail: pcpr@poddebicki.pl\nPowiatowe Centrum Pomocy Rodzinie w "
        "Poddębicach\nPCPR w Poddębicach realizuje następujące zadania:\n- umożliwia "
        "rehabilitację społeczną ze środków Państwowego Funduszu Rehabilitacji Osób "
        "Niepełnosprawnych,"
    )
    document = Document.from_bytes(
        "https://www.poddebicki.pl/asp/powiatowe-centrum-pomocy-rodzinie,53,,1",
        text.encode("utf-8"),
        content_type="text/plain",
        charset="utf-8",
    )
    records = parse_text_page(document)
    subject, *mentions = records
    assert (subject.role, subject.name_raw) == (
        "subject",
        "Powiatowe Centrum Pomocy Rodzinie w Poddębicach",
    )
    assert (subject.street_raw, subject.postal_code_raw) == ("ul. Łęczycka 28", "99-200")
    assert all(record.role == "mention" for record in mentions)
    assert not any("Poddębic" in record.name_raw for record in mentions)
