"""Table-driven tests for the raw contact finders (extractors/contacts.py) and the contact
normalisers (transforms/contacts.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from extractors.contacts import (
    find_address,
    find_addresses,
    find_emails,
    find_krs,
    find_nip,
    find_phone_entries,
    find_phones,
    find_postal_codes,
    find_regon,
    find_websites,
)
from transforms.contacts import (
    PhoneNumber,
    Street,
    normalise_email,
    normalise_emails,
    normalise_krs,
    normalise_nip,
    normalise_phones,
    normalise_postal_code,
    normalise_regon,
    normalise_street,
    normalise_website,
    parse_phones,
    parse_street,
    phone_details,
    website_host,
)

# --- finders --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ul. Targowa 1, 59-300 Lubin", ["59-300"], id="plain"),
        pytest.param("Kod pocztowy: 59 - 100", ["59 - 100"], id="spaced-dash"),
        pytest.param("kod pocztowy 59100 Polkowice", ["59100"], id="bare-after-kod"),
        pytest.param("Zamówienie 59100 sztuk", [], id="bare-without-kod"),
        pytest.param("tel. 58-56-134-87", [], id="phone-fragment"),
        pytest.param("RPO WM 2014-2020", [], id="year-range"),
        pytest.param("NIP 692-113-99-25", [], id="nip-fragment"),
    ],
)
def test_find_postal_codes(text: str, expected: list[str]) -> None:
    assert find_postal_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("tel. (32) 296-21-31", ["(32) 296-21-31"], id="area-code-brackets"),
        pytest.param("Telefon: 44 715-07-95", ["44 715-07-95"], id="dashes"),
        pytest.param("+48 12 345 67 89", ["+48 12 345 67 89"], id="international"),
        pytest.param("tel./fax 41 25 30 000 wew. 12", ["41 25 30 000 wew. 12"], id="extension-wew"),
        pytest.param("tel. 600 123 456", ["600 123 456"], id="mobile"),
        pytest.param(
            "tel. 601 147 308, 882 122 228", ["601 147 308", "882 122 228"], id="two-in-one"
        ),
        pytest.param("41 25-30-000/12", ["41 25-30-000/12"], id="slash-extension"),
        pytest.param("(0 16) 621 21 88", ["(0 16) 621 21 88"], id="trunk-zero"),
        pytest.param("NIP: 692-11-39-925", [], id="nip"),
        pytest.param("REGON: 340655628", [], id="regon-nine-digits"),
        pytest.param("KRS 0000014669", [], id="krs"),
        pytest.param("Nr rachunku: 97 8185 0006 0000 0185 2000 0001", [], id="bank-account"),
        pytest.param("59-300 Lubin", [], id="postal-code"),
        pytest.param("dnia 13.07.2011 r.", [], id="date"),
        pytest.param("w latach 2014-2020", [], id="years"),
        pytest.param("6921139925", [], id="ten-digits-no-zero"),
        pytest.param("tel. 732-87-00", ["732-87-00"], id="labelled-seven-digits-kept-raw"),
        pytest.param("pokój 732-87-00", [], id="unlabelled-seven-digits"),
        # a fax alone is not a phone; "tel./fax" is both
        pytest.param("tel. 41 123 45 67, fax 41 123 45 68", ["41 123 45 67"], id="fax-after-tel"),
        pytest.param("Faks: (41) 123-45-67", [], id="fax-only"),
        pytest.param("telefon/faks 41 123 45 67", ["41 123 45 67"], id="telefon-slash-faks"),
        pytest.param("tel. i fax 41 123 45 67", ["41 123 45 67"], id="tel-and-fax"),
        # numbers listed after one with an area code share it ("38-42-989" is no date here)
        pytest.param("tel./fax. - (71) 38-42-041, 38-42-989, 38-42-958",
                     ["(71) 38-42-041", "(71) 38-42-989", "(71) 38-42-958"],
                     id="list-shares-area-code"),
        pytest.param("tel. 12 111 11 11, 1.05.2019", ["12 111 11 11"],
                     id="date-after-a-phone-is-no-number"),
        pytest.param("tel 25 681-22-54 681-22-55 faks 25 681-22-57",
                     ["25 681-22-54", "(25) 681-22-55"], id="glued-list-shares-area-code"),
    ],
)  # fmt: skip
def test_find_phones(text: str, expected: list[str]) -> None:
    assert find_phones(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("pisz: biuro@pcpr.pl.", ["biuro@pcpr.pl"], id="plain"),
        pytest.param("sekretariat[at]mops.pl", ["sekretariat[at]mops.pl"], id="brackets-at"),
        pytest.param("gops (at) gmina.pl", ["gops (at) gmina.pl"], id="parens-at"),
        pytest.param("kontakt at fundacja.org.pl", ["kontakt at fundacja.org.pl"], id="word-at"),
        pytest.param("biuro[małpa]ppp.edu.pl", ["biuro[małpa]ppp.edu.pl"], id="malpa"),
        pytest.param("we meet at home", [], id="english-at-no-domain"),
    ],
)
def test_find_emails_in_text(text: str, expected: list[str]) -> None:
    assert find_emails(text) == expected


def test_find_emails_in_html_reads_mailto_and_cloudflare() -> None:
    # "a@b.pl" XOR-ed with key 0x42, as Cloudflare's e-mail protection writes it.
    key = 0x42
    encoded = f"{key:02x}" + "".join(f"{ord(ch) ^ key:02x}" for ch in "ukryty@ops.pl")
    html = (
        '<p><a href="mailto:sekretariat@ops.pl?subject=BIP">napisz do nas</a>'
        f'<span class="__cf_email__" data-cfemail="{encoded}">[email protected]</span></p>'
    )
    soup = BeautifulSoup(html, "lxml")
    assert find_emails(soup) == ["sekretariat@ops.pl", "ukryty@ops.pl"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("Strona: www.cus.tarnow.pl.", ["www.cus.tarnow.pl"], id="www-text"),
        pytest.param("https://liszki.pl/cus", ["https://liszki.pl/cus"], id="url-with-path"),
        pytest.param(
            '<a href="http://www.aleksandrowkujawski.praca.gov.pl/">http://www.aleksandrowkuj'
            "<br>awski.praca.gov.pl/</a>",
            ["http://www.aleksandrowkujawski.praca.gov.pl/"],
            id="hyphenated-link-text",
        ),
        pytest.param('<a href="http://x.pl/o-nas">O nas</a>', [], id="menu-link-not-website"),
    ],
)
def test_find_websites(source: str, expected: list[str]) -> None:
    parsed = BeautifulSoup(source, "lxml") if source.startswith("<") else source
    assert find_websites(parsed) == expected


@pytest.mark.parametrize(
    ("finder", "text", "expected"),
    [
        pytest.param(find_nip, "NIP: 692-11-39-925", ["692-11-39-925"], id="nip-dashes"),
        pytest.param(find_nip, "NIP PL 6921139925", ["PL 6921139925"], id="nip-pl-prefix"),
        pytest.param(find_nip, "NIP - 556-256-24-38", ["556-256-24-38"], id="nip-dash-label"),
        pytest.param(find_regon, "REGON: 004050408", ["004050408"], id="regon"),
        pytest.param(find_regon, "Regon 000820625", ["000820625"], id="regon-mixed-case"),
        pytest.param(find_krs, "KRS: 0000014669", ["0000014669"], id="krs"),
        pytest.param(find_nip, "tel. 692 113 99 25", [], id="no-label-no-nip"),
    ],
)
def test_find_identifiers(finder: object, text: str, expected: list[str]) -> None:
    assert callable(finder)
    assert finder(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ul. Mickiewicza 17, 26-110 Skarżysko-Kamienna",
            ("ul. Mickiewicza 17", "26-110", "Skarżysko-Kamienna"),
            id="one-line",
        ),
        pytest.param(
            "ul. Słonimska 8\n15-028 Białystok\ntel. 85 732 87 00",
            ("ul. Słonimska 8", "15-028", "Białystok"),
            id="two-lines",
        ),
        pytest.param(
            "Malechowo 21,\n76-142 Malechowo",
            ("Malechowo 21", "76-142", "Malechowo"),
            id="village-without-street",
        ),
        pytest.param(
            "Placówka Jedynka ul. Słonimska 8 15-028 Białystok tel. 85",
            ("ul. Słonimska 8", "15-028", "Białystok"),
            id="name-before-prefix-not-swallowed",
        ),
        pytest.param(
            "al. Jana Pawła II 39/41, 00-001 Starogard Gdański Tel. 58",
            ("al. Jana Pawła II 39/41", "00-001", "Starogard Gdański"),
            id="locality-stops-at-tel",
        ),
        pytest.param(
            "S.C. Przychodnia 58-200 Dzierżoniów ul. Miernicza 5, NIP 882-17-54-939",
            ("ul. Miernicza 5", "58-200", "Dzierżoniów"),
            id="postal-line-first",
        ),
        pytest.param(
            "12-345 Nowa Wieś Wielka\nul. Polna 3a/2\ntel. 52 000 00 00",
            ("ul. Polna 3a/2", "12-345", "Nowa Wieś Wielka"),
            id="postal-line-first-two-lines",
        ),
        pytest.param("Zapraszamy 12 maja o 10.00", None, id="no-address"),
    ],
)
def test_find_address(text: str, expected: tuple[str, str, str] | None) -> None:
    assert find_address(text) == expected


def test_find_addresses_lists_every_address_best_kind_first() -> None:
    text = (
        "Operatorem serwisu jest Firma X, 00-950 Warszawa al. Jerozolimskie 12.\n"
        "Szkoła, ul. Polna 3, 12-345 Wieś\nMalechowo 21, 76-142 Malechowo"
    )
    assert find_addresses(text) == [
        ("ul. Polna 3", "12-345", "Wieś"),
        ("Malechowo 21", "76-142", "Malechowo"),
        ("al. Jerozolimskie 12", "00-950", "Warszawa"),
    ]


# --- normalisers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("(32) 296-21-31", ["+48322962131"], id="area-code-brackets"),
        pytest.param("44 715-07-95", ["+48447150795"], id="dashes"),
        pytest.param("+48 12 345 67 89", ["+48123456789"], id="international"),
        pytest.param("+ 48 67 26 80 800", ["+48672680800"], id="international-spaced-plus"),
        pytest.param("0048 12 345 67 89", ["+48123456789"], id="double-zero"),
        pytest.param("tel./fax 41 25 30 000 wew. 12", ["+48412530000"], id="tel-fax-extension"),
        pytest.param("41 25-30-000/12", ["+48412530000"], id="slash-extension"),
        pytest.param(
            "41 253 00 00 / 41 253 00 01", ["+48412530000", "+48412530001"], id="slash-two"
        ),
        pytest.param("tel. 600 123 456, 601 147 308", ["+48600123456", "+48601147308"], id="comma"),
        pytest.param("601 147 308; 882 122 228", ["+48601147308", "+48882122228"], id="semicolon"),
        pytest.param("601 147 308 lub 882 122 228", ["+48601147308", "+48882122228"], id="lub"),
        pytest.param("61 28 37 001\n61 28 29 321", ["+48612837001", "+48612829321"], id="lines"),
        pytest.param("(0-48) 621-01-94", ["+48486210194"], id="old-trunk-zero"),
        pytest.param("(48 46) 874 62 94", ["+48468746294"], id="country-and-area-brackets"),
        pytest.param("(4867) 2615911", ["+48672615911"], id="country-area-glued"),
        pytest.param("82 576 52 11 do 13", ["+48825765211"], id="range-first-only"),
        pytest.param("0713998646", ["+48713998646"], id="trunk-zero-no-spaces"),
        pytest.param("732-87-00", [], id="seven-digits-rejected"),
        pytest.param("(85) 732-87", [], id="truncated"),
        pytest.param("00 000 00 00", [], id="invalid"),
        pytest.param(
            "(48) 668-64-24 wewn. 122 Dział Księgowości, Świadczenia (500+)",
            ["+48486686424"],
            id="text-around",
        ),
        pytest.param(
            "58 676 51 50 58 676 49 56", ["+48586765150", "+48586764956"], id="glued-numbers"
        ),
        # sanitary stations' list: two numbers sharing all but the last group
        pytest.param("83 344 41 60 61", ["+48833444160", "+48833444161"],
                     id="alternative-last-group"),
        pytest.param("tel. 41 230 30 72 39", ["+48412303072", "+48412303039"],
                     id="alternative-last-group-labelled"),
        # a series of extensions of a switchboard: the first, as for "do 13"
        pytest.param("22 620 90 01-06", ["+48226209001"], id="series-first-only"),
        pytest.param("12 /422 12 11", ["+48124221211"], id="area-code-before-slash"),
        pytest.param("(12) / 422 12 11", ["+48124221211"], id="bracketed-area-code-before-slash"),
        # groups that cannot be split into numbers are not guessed
        pytest.param("43 607 880 455", [], id="unsplittable-twelve-digits"),
        pytest.param("85 73 25 23", [], id="eight-digits"),
    ],
)  # fmt: skip
def test_normalise_phones(raw: str, expected: list[str]) -> None:
    assert normalise_phones(raw) == expected


def test_parse_phones_keeps_extension_apart() -> None:
    assert parse_phones("tel. 41 25 30 000 wew. 12") == [PhoneNumber("+48412530000", "12")]
    assert parse_phones("41 25-30-000/12") == [PhoneNumber("+48412530000", "12")]
    assert parse_phones("41 253 00 00") == [PhoneNumber("+48412530000", None)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Sekretariat@MOPS.pl", "sekretariat@mops.pl", id="lower-case"),
        pytest.param("sekretariat[at]mops.pl", "sekretariat@mops.pl", id="brackets-at"),
        pytest.param("gops (at) gmina.pl", "gops@gmina.pl", id="parens-at"),
        pytest.param("kontakt at fundacja.org.pl", "kontakt@fundacja.org.pl", id="word-at"),
        pytest.param("biuro[małpa]ppp.edu.pl", "biuro@ppp.edu.pl", id="malpa"),
        pytest.param("biuro[at]ppp[dot]edu[dot]pl", "biuro@ppp.edu.pl", id="dot"),
        pytest.param("mailto:a.b@pcpr.pl?subject=BIP", "a.b@pcpr.pl", id="mailto"),
        pytest.param("(biuro@pcpr.pl).", "biuro@pcpr.pl", id="trailing-punctuation"),
        pytest.param("biuro@pcpr", None, id="no-tld"),
        pytest.param("biuro pcpr.pl", None, id="no-at"),
        pytest.param("", None, id="empty"),
    ],
)
def test_normalise_email(raw: str, expected: str | None) -> None:
    assert normalise_email(raw) == expected


def test_normalise_emails_splits_and_deduplicates() -> None:
    raw = "a@b.pl; c[at]d.pl, mailto:A@B.pl\ne (at) f.pl"
    assert normalise_emails(raw) == ["a@b.pl", "c@d.pl", "e@f.pl"]


@pytest.mark.parametrize(
    ("raw", "host", "url"),
    [
        pytest.param("www.cus.tarnow.pl", "cus.tarnow.pl", "http://www.cus.tarnow.pl", id="www"),
        pytest.param(
            "https://liszki.pl/cus", "liszki.pl", "https://liszki.pl/cus", id="path-kept-in-url"
        ),
        pytest.param(
            "HTTP://WWW.Powiat-Srem.pl/", "powiat-srem.pl", "http://www.powiat-srem.pl", id="case"
        ),
        pytest.param(
            "bip.gops.lubin.pl/dane#top",
            "bip.gops.lubin.pl",
            "http://bip.gops.lubin.pl/dane",
            id="fragment-dropped",
        ),
        pytest.param("mailto:x@y.pl", None, None, id="mailto"),
        pytest.param("facebook.com/Gmina w", None, None, id="space-inside"),
        pytest.param("localhost", None, None, id="no-dot"),
    ],
)
def test_websites(raw: str, host: str | None, url: str | None) -> None:
    assert website_host(raw) == host
    assert normalise_website(raw) == url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("59 - 100", "59-100", id="spaced"),
        pytest.param("59100", "59-100", id="bare"),
        pytest.param("59-100", "59-100", id="canonical"),
        pytest.param(" 59-141 ", "59-141", id="padding"),
        pytest.param("5910", None, id="too-short"),
        pytest.param("59-100 Polkowice", None, id="with-locality"),
        pytest.param("", None, id="empty"),
    ],
)
def test_normalise_postal_code(raw: str, expected: str | None) -> None:
    assert normalise_postal_code(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("692-11-39-925", "6921139925", id="dashes"),
        pytest.param("692 17 45 318", "6921745318", id="spaces"),
        pytest.param("PL 6921139925", "6921139925", id="pl-prefix"),
        pytest.param("NIP: 797-181-68-77", "7971816877", id="label"),
        pytest.param("692-11-39-926", None, id="bad-check-digit"),
        pytest.param("692-11-39", None, id="too-short"),
    ],
)
def test_normalise_nip(raw: str, expected: str | None) -> None:
    assert normalise_nip(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("004050408", "004050408", id="nine"),
        pytest.param("REGON: 340655628", "340655628", id="label"),
        pytest.param("004050409", None, id="bad-check-digit"),
        pytest.param("12345", None, id="too-short"),
    ],
)
def test_normalise_regon(raw: str, expected: str | None) -> None:
    assert normalise_regon(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("0000014669", "0000014669", id="ten"),
        pytest.param("KRS 14669", "0000014669", id="zeros-dropped-on-page"),
        pytest.param("00000146691", None, id="eleven"),
        pytest.param("0000000000", None, id="zero"),
        pytest.param("abc", None, id="letters"),
    ],
)
def test_normalise_krs(raw: str, expected: str | None) -> None:
    assert normalise_krs(raw) == expected


@pytest.mark.parametrize(
    ("raw", "street", "formatted"),
    [
        pytest.param(
            "UL. KSIECIA LUDWIKA I NR 3",
            Street("ul.", "Ksiecia Ludwika I", "3"),
            "ul. Ksiecia Ludwika I 3",
            id="capitals-roman-nr",
        ),
        pytest.param(
            "ulica Długa 12a", Street("ul.", "Długa", "12A"), "ul. Długa 12A", id="ulica-letter"
        ),
        pytest.param(
            "AL. JANA PAWŁA II 39/41",
            Street("al.", "Jana Pawła II", "39/41"),
            "al. Jana Pawła II 39/41",
            id="slash-range",
        ),
        pytest.param(
            "al. Jana Pawła II 39-41",
            Street("al.", "Jana Pawła II", "39-41"),
            "al. Jana Pawła II 39-41",
            id="dash-range",
        ),
        pytest.param(
            "os. Słoneczne 5 m. 12",
            Street("os.", "Słoneczne", "5/12"),
            "os. Słoneczne 5/12",
            id="osiedle-flat",
        ),
        pytest.param(
            "Plac Wolności 1", Street("pl.", "Wolności", "1"), "pl. Wolności 1", id="plac"
        ),
        pytest.param(
            "5 Stycznia 5 A", Street(None, "5 Stycznia", "5A"), "5 Stycznia 5A", id="digit-name"
        ),
        pytest.param("ul. 3 Maja", Street("ul.", "3 Maja", None), "ul. 3 Maja", id="no-number"),
        pytest.param("Pniewy 28/3", Street(None, "Pniewy", "28/3"), "Pniewy 28/3", id="village"),
        pytest.param(
            "UL. GEN. JÓZEFA BEMA 4",
            Street("ul.", "gen. Józefa Bema", "4"),
            "ul. gen. Józefa Bema 4",
            id="abbreviation",
        ),
        pytest.param(
            "Stare Lubiejewo, ul. Klonowa 4",
            Street("ul.", "Klonowa", "4"),
            "ul. Klonowa 4",
            id="locality-before-street",
        ),
        pytest.param(
            "dr. Piotra Kowalika 2",
            Street(None, "dr. Piotra Kowalika", "2"),
            "dr. Piotra Kowalika 2",
            id="mixed-case-kept",
        ),
        pytest.param("9", None, None, id="number-only"),
        pytest.param("", None, None, id="empty"),
    ],
)
def test_parse_street(raw: str, street: Street | None, formatted: str | None) -> None:
    assert parse_street(raw) == street
    assert normalise_street(raw) == formatted


# --- numbers with their labels and kinds (issue 12), lines quoted from the web corpus's tune half


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("tel.: 34/ 35 94 008 (pomoc społeczna, usługi opiekuńcze)",
                     # the departments in brackets after the number are its label
                     ["pomoc społeczna, usługi opiekuńcze tel.: 34/ 35 94 008"],
                     id="c061-area-code-slash-number"),
        pytest.param("Asystent Rodziny - tel. 515 512 727", ["Asystent Rodziny - tel. 515 512 727"],
                     id="c061-label-before-the-number"),
        pytest.param("tel. 48 375 66 31\nfax. 48 375 73 53",
                     ["tel. 48 375 66 31", "fax. 48 375 73 53"], id="a103-fax-kept"),
        pytest.param("tel. (77) 474 97 01, 474 97 02",
                     ["tel. (77) 474 97 01", "tel. (77) 474 97 02"], id="c060-list-shares-label"),
        pytest.param("Kurator Okręgowy\n • Krzysztof Stasiak\n  Tel. 58 32-13-108 \n"
                     "  Faks 58 32-13-308", ["Tel. 58 32-13-108", "Faks 58 32-13-308"],
                     id="b007-person-s-phone-and-fax"),
        pytest.param("Centrala Sądu: 58 32-13-199", ["Centrala Sądu: 58 32-13-199"],
                     id="b007-department-label"),
        pytest.param("poniedzialek 08.04.2019 11:00", [], id="date-and-hour-no-number"),
    ],
)  # fmt: skip
def test_find_phone_entries(text: str, expected: list[str]) -> None:
    assert [entry.raw for entry in find_phone_entries(text)] == expected


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(["tel.: 0 43 678 40 40", "tel./fax.: 043 678 40 40"],
                     [("+48436784040", ("voice", "fax"), "")], id="a001-tel-and-tel-fax"),
        pytest.param(["fax. 48 375 73 53"], [("+48483757353", ("fax",), "")], id="a103-fax-only"),
        pytest.param(["Asystent Rodziny - tel. 515 512 727"],
                     [("+48515512727", ("voice", "mobile"), "asystent rodziny")],
                     id="c061-mobile-with-label"),
        pytest.param(["Telefon dyżurny:  535 088 275"],
                     [("+48535088275", ("voice", "mobile"), "telefon dyżurny")],
                     id="a097-duty-phone"),
        pytest.param(["Sekretariat Kuratora Okręgowego Tel. 58 32-13-388"],
                     [("+48583213388", ("voice",), "sekretariat kuratora okręgowego")],
                     id="b007-secretariat"),
        pytest.param(["W przypadku pytań o COVID-19 prosimy dzwonić pod numer: 22 25 00 115"],
                     [("+48222500115", ("voice",), "")], id="a067-a-sentence-is-no-label"),
        pytest.param(["telefon zaufania 800 100 100"],
                     [("+48800100100", ("voice", "helpline"), "telefon zaufania")],
                     id="toll-free-helpline"),
    ],
)  # fmt: skip
def test_phone_details(
    entries: list[str], expected: list[tuple[str, tuple[str, ...], str]]
) -> None:
    assert [(d.number, d.kinds, d.label) for d in phone_details(entries)] == expected
