"""Tests for the institution-page parsers against the saved real pages in
../shared/data/html_fixtures and the hand annotations in tests/gold/html_fixtures.csv.

The gold rows were written by reading the pages, not by running the parsers; a field counts
as right when the parser's raw value, normalised by transforms/contacts.py, equals the gold.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from helpers import SHARED_DATA, make_document  # tests/ helper module

from extractors.html_pages import parse_bip_dane, parse_contact_page
from extractors.html_pages.bip_dane import office_in_title
from extractors.records import Document, ExtractionError, ParsedInstitution
from extractors.replay import ReplayFetcher
from flows.inspect import extract_one
from transforms.contacts import (
    email_details,
    normalise_emails,
    normalise_nip,
    normalise_phones,
    normalise_postal_code,
    normalise_regon,
    normalise_street,
    phone_details,
)
from transforms.text import fold_key

GOLD = Path(__file__).parent / "gold" / "html_fixtures.csv"
FIXTURES = SHARED_DATA / "html_fixtures"
FIELDS = ("name", "street", "postal_code", "locality", "phones", "emails", "nip", "regon")

# Gold pages that are BIP data pages (label/value blocks); the rest are free-form pages.
BIP_PAGES = {
    "social/bip.gops.lubin.pl.html",
    "social/bip.opschocianow.pl.html",
    "social/gopsbobrowniki.bipstrona.pl.html",
    "social/gopspniewy.bipstrona.pl.html",
    "social/mgopsbialarawska.bipstrona.pl.html",
    "social/bip.gopskotla.pl.html",
    "social/gopsstarogardgd.bipstrona.pl.html",
    "education_support/popppidm.bipstrona.pl.html",
    "education_support/pppostroleka.biposwiata.pl.html",
    "education_support/oswkutno.biposwiata.pl.html",
    "education_support/pppkoluszki.biposwiata.pl.html",
    "employment/pupwolsztyn.bipstrona.pl.html",
    "gmina/bip.janikowo.bipgmina.pl.html",
    "gmina/bip.gminawagrowiec.pl.html",
    "gmina/bip.kochanowice.pl.html",
    "gmina/bip.harasiuki.pl.html",
    "school/bip.spchelmce.pl.html",
    "school/bip.spszczodre.pl.html",
    "school/bip.spszydlowo.szydlowo-maz.pl.html",
    "county/bip.powiat-srem.pl.html",
    "county/bip.powiat-plock.pl.html",
    "county/bip.powiat.elk.pl.html",
    "health/www.bip.zozmalechowo.pl.html",
}
# Gold fields the parsers are known to miss, with the reason; strict, so a fix shows up.
# The header strip's phone icon ("tel.png") now labels its number: no known misses left.
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _document(path: Path) -> Document:
    return make_document(
        path.as_uri(),
        path.read_bytes(),
        final_url=f"http://{path.stem}/",  # the file is named after the crawled host
        content_type="text/html",
        declared_charset="utf-8",
        charset="utf-8",
    )


def _html_document(html: str, charset: str = "utf-8") -> Document:
    return make_document(
        "http://127.0.0.1/dane",
        html.encode(charset),
        content_type="text/html",
        declared_charset=charset,
        charset=charset,
    )


def _gold_rows() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


PARSERS: dict[str, Callable[[Document], list[ParsedInstitution]]] = {
    "bip": parse_bip_dane,
    "contact": parse_contact_page,
}


@cache
def _outcome(parser: str, file: str) -> list[ParsedInstitution] | ExtractionError:
    """Each page is parsed once per parser for the whole module (the tests only read)."""
    try:
        return PARSERS[parser](_document(FIXTURES / file))
    except ExtractionError as error:
        return error


def _parsed(file: str) -> ParsedInstitution:
    outcome = _outcome("bip" if file in BIP_PAGES else "contact", file)
    if isinstance(outcome, ExtractionError):
        raise outcome
    assert len(outcome) == 1
    return outcome[0]


def _normalised(record: ParsedInstitution, field: str) -> str:
    """The record's field as the gold file writes it."""
    if field == "name":
        return fold_key(record.name_raw)
    if field == "street":
        return normalise_street(record.street_raw or "") or ""
    if field == "postal_code":
        return normalise_postal_code(record.postal_code_raw or "") or ""
    if field == "locality":
        return fold_key(record.locality_raw or "")
    if field == "phones":
        # the gold lists the voice lines; a page's faxes are kept too, typed (see
        # test_phone_details in test_contacts.py)
        details = phone_details(record.phones_raw)
        return "|".join(sorted({d.number for d in details if d.kinds != ("fax",)}))
    if field == "emails":
        return "|".join(sorted({e for raw in record.emails_raw for e in normalise_emails(raw)}))
    if field == "nip":
        return normalise_nip(record.nip_raw or "") or ""
    return normalise_regon(record.regon_raw or "") or ""


def _gold_value(row: dict[str, str], field: str) -> str:
    value = row[field]
    if field in ("name", "locality"):
        return fold_key(value)
    if field in ("phones", "emails"):
        return "|".join(sorted(part for part in value.split("|") if part))
    return value


def _gold_cases(rows_filter: Callable[[str], bool]) -> list[object]:
    cases: list[object] = []
    for row in _gold_rows():
        if not rows_filter(row["file"]):
            continue
        for field in FIELDS:
            reason = KNOWN_MISSES.get((row["file"], field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            case_id = f"{Path(row['file']).stem}-{field}"
            cases.append(pytest.param(row, field, marks=marks, id=case_id))
    return cases


@pytest.fixture(scope="module", autouse=True)
def _fixtures_present(shared_data: Path) -> None:
    assert (shared_data / "html_fixtures" / "index.csv").is_file()


def test_gold_file_covers_enough_pages() -> None:
    rows = _gold_rows()
    assert len(rows) >= 25
    assert len(BIP_PAGES) >= 10
    assert BIP_PAGES <= {row["file"] for row in rows}
    assert {Path(row["file"]).parts[0] for row in rows} >= {
        "social",
        "education_support",
        "employment",
        "gmina",
        "school",
        "county",
        "health",
        "ngo",
    }


@pytest.mark.parametrize(("row", "field"), _gold_cases(lambda file: file in BIP_PAGES))
def test_bip_dane_field(row: dict[str, str], field: str) -> None:
    assert _normalised(_parsed(row["file"]), field) == _gold_value(row, field)


@pytest.mark.parametrize(("row", "field"), _gold_cases(lambda file: file not in BIP_PAGES))
def test_contact_page_field(row: dict[str, str], field: str) -> None:
    assert _normalised(_parsed(row["file"]), field) == _gold_value(row, field)


def test_precision_on_gold_rows() -> None:
    rows = _gold_rows()
    matches = sum(
        _normalised(_parsed(row["file"]), field) == _gold_value(row, field)
        for row in rows
        for field in FIELDS
    )
    total = len(rows) * len(FIELDS)
    print(f"gold precision: {matches}/{total} fields")
    assert matches / total >= 0.95


# --- one fully specified record -------------------------------------------------------------


def test_bip_dane_gops_lubin_record() -> None:
    record = parse_bip_dane(_document(FIXTURES / "social/bip.gops.lubin.pl.html"))[0]
    assert record.role == "subject"
    assert record.name_raw == "Gminny Osrodek Pomocy Spolecznej w Lubinie"
    assert record.street_raw == "UL. KSIECIA LUDWIKA I NR 3"
    assert record.postal_code_raw == "59-300"
    assert (record.locality_raw, record.gmina_raw, record.powiat_raw) == ("Lubin",) * 2 + (
        "lubinski",
    )
    assert record.voivodeship_raw == "dolnoslaskie"
    assert (record.nip_raw, record.regon_raw) == ("692-11-39-925", "004050408")
    assert record.opening_hours_raw is None
    assert record.description_raw is not None
    assert record.description_raw.startswith("Przyjmuje interesantow:")
    assert record.phones_raw == () and record.emails_raw == ()


def test_bip_dane_people_go_to_extra_not_to_contacts() -> None:
    record = parse_bip_dane(_document(FIXTURES / "social/gopspniewy.bipstrona.pl.html"))[0]
    labels = [label for label, _ in record.extra]
    assert "Kierownik GOPS Pniewy" in labels
    assert "Inspektor Ochrony Danych" in labels
    emails = {e for raw in record.emails_raw for e in normalise_emails(raw)}
    assert "inspektor@cbi24.pl" not in emails  # the data-protection officer's, in extra


def test_bip_dane_picks_the_office_identifier_from_a_shared_cell() -> None:
    # "NIP: Powiat: 564-16-88-352 / Starostwo: 564-14-79-335": the page is the Starostwo's.
    record = parse_bip_dane(_document(FIXTURES / "county/bip.krasnystaw-powiat.pl.html"))[0]
    assert record.nip_raw == "564-14-79-335"
    assert record.regon_raw == "110200120"


def test_bip_dane_keeps_the_postal_code_as_written() -> None:
    record = parse_bip_dane(_document(FIXTURES / "education_support/popppidm.bipstrona.pl.html"))[0]
    assert record.postal_code_raw == "59 - 100"


def test_bip_dane_namesake_keeps_its_own_postal_code() -> None:
    # GOPS Bobrowniki in kujawsko-pomorskie, not the namesake in śląskie (42-584).
    record = parse_bip_dane(_document(FIXTURES / "social/gopsbobrowniki.bipstrona.pl.html"))[0]
    assert (record.postal_code_raw, record.voivodeship_raw) == ("87-617", "kujawsko-pomorskie")


def test_bip_dane_tile_holding_a_voivodeship_is_not_the_name() -> None:
    record = parse_bip_dane(_document(FIXTURES / "gmina/bip.harasiuki.pl.html"))[0]
    assert record.name_raw == "Urzad Gminy Harasiuki"
    assert record.voivodeship_raw == "podkarpackie"


@pytest.mark.parametrize(
    ("file", "name"),
    [
        # the data block names the commune, the title, heading and footer the office
        pytest.param("gmina/bip.dmosin.pl.html", "Urzad Gminy Dmosin", id="dmosin"),
        pytest.param("gmina/bip.kochanowice.pl.html", "Urzad Gminy Kochanowice", id="kochanowice"),
        pytest.param(
            "gmina/bip.gmina.kowale.fr.pl.html", "Urzad Gminy Kowale Oleckie", id="kowale-oleckie"
        ),
        # the office in the heading only (the title names the commune), before "Biuletyn …"
        pytest.param("gmina/bip.golancz.pl.html", "Urzad Miasta i Gminy Golancz", id="golancz"),
        # "Gmina Gołuchów - Urząd Gminy w Gołuchowie": the office's seat in the locative
        pytest.param("gmina/bip.goluchow.pl.html", "Urzad Gminy w Goluchowie", id="goluchow"),
        # title, heading and block name the commune only: it stays
        pytest.param("gmina/bip.czajkow-gmina.pl.html", "Gmina Czajkow", id="czajkow"),
        pytest.param(
            "gmina/bip.garbatkaletnisko.pl.html", "Gmina Garbatka-Letnisko", id="garbatka"
        ),
        # the office everywhere already
        pytest.param("gmina/bip.harasiuki.pl.html", "Urzad Gminy Harasiuki", id="harasiuki"),
    ],
)
def test_bip_dane_gmina_page_is_named_after_the_office_its_title_names(
    file: str, name: str
) -> None:
    record = parse_bip_dane(_document(FIXTURES / file))[0]
    assert record.name_raw == name


@pytest.mark.parametrize(
    ("name", "parts", "office"),
    [
        # bip.goluchow.pl's title parts: the office's seat in the locative
        pytest.param(
            "Gmina Goluchow",
            ["Gmina Goluchow", "Urzad Gminy w Goluchowie"],
            "Urzad Gminy w Goluchowie",
            id="locative-seat",
        ),
        # the same commune beside another place's office: not its office
        pytest.param(
            "Gmina Goluchow", ["Gmina Goluchow", "Urzad Gminy w Pleszewie"], None, id="other-seat"
        ),
        pytest.param("Gmina Dmosin", ["Urzad Gminy Brzeziny"], None, id="other-place"),
        # a name that is no commune keeps its own
        pytest.param("Urzad Gminy Harasiuki", ["Urzad Gminy Harasiuki"], None, id="no-commune"),
    ],
)
def test_office_in_title(name: str, parts: list[str], office: str | None) -> None:
    assert office_in_title(name, parts) == office


# --- synthetic variants the fixtures do not show --------------------------------------------

TABLE_PAGE = """<html><head><title>BIP - Dane</title></head><body><h1>Dane jednostki</h1>
<table>
<tr><th>Nazwa podmiotu:</th><td>Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej</td></tr>
<tr><th>Ulica</th><td>ul. Konarskiego 20</td></tr>
<tr><th>Kod pocztowy</th><td>26-110</td></tr>
<tr><th>Miejscowość</th><td>Skarżysko-Kamienna</td></tr>
<tr><th>Województwo</th><td>świętokrzyskie</td></tr>
<tr><th>Telefon</th><td>(41) 25 30 000 wew. 12, 41 25 30 001</td></tr>
<tr><th>Adres e-mail</th><td>pcpr[at]skarzysko.powiat.pl</td></tr>
<tr><th>NIP</th><td>663-17-31-011</td></tr>
<tr><th>Godziny urzędowania</th><td>pon.–pt. 7:30–15:30</td></tr>
<tr><th>Dyrektor</th><td>Jan Kowalski</td></tr>
</table></body></html>"""


def test_bip_dane_table_variant_with_diacritics() -> None:
    record = parse_bip_dane(_html_document(TABLE_PAGE))[0]
    assert record.name_raw == "Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej"
    assert record.street_raw == "ul. Konarskiego 20"
    assert record.locality_raw == "Skarżysko-Kamienna"
    assert record.voivodeship_raw == "świętokrzyskie"
    phones = [phone for raw in record.phones_raw for phone in normalise_phones(raw)]
    assert phones == ["+48412530000", "+48412530001"]
    assert normalise_emails(" ".join(record.emails_raw)) == ["pcpr@skarzysko.powiat.pl"]
    assert record.opening_hours_raw == "pon.–pt. 7:30–15:30"
    assert record.extra == (("Dyrektor", "Jan Kowalski"),)


def test_bip_dane_dl_variant_in_windows_1250() -> None:
    html = """<html><head><title>Ośrodek Pomocy Społecznej w Łące - Dane</title></head><body>
    <dl><dt>Nazwa</dt><dd>Ośrodek Pomocy Społecznej w Łące</dd>
    <dt>Adres</dt><dd>ul. Źródlana 5, 11-222 Łąka</dd>
    <dt>Tel.</dt><dd>89 123 45 67</dd><dt>E-mail</dt><dd>ops@laka.pl</dd></dl></body></html>"""
    record = parse_bip_dane(_html_document(html, charset="cp1250"))[0]
    assert record.name_raw == "Ośrodek Pomocy Społecznej w Łące"
    assert (record.street_raw, record.postal_code_raw, record.locality_raw) == (
        "ul. Źródlana 5",
        "11-222",
        "Łąka",
    )
    assert record.phones_raw == ("Tel.: 89 123 45 67",)  # the number with its label


def test_bip_dane_without_data_block_raises() -> None:
    html = "<html><head><title>BIP</title></head><body><p>Brak artykułów</p></body></html>"
    with pytest.raises(ExtractionError, match="127.0.0.1"):
        parse_bip_dane(_html_document(html))


def test_contact_page_prefers_json_ld() -> None:
    html = """<html><head><title>Strona główna | Witamy</title>
    <script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "GovernmentOrganization", "name": "Miejski Ośrodek Pomocy Społecznej w Pile",
      "telephone": "67 212 30 30", "email": "mops@mops.pila.pl",
      "address": {"@type": "PostalAddress", "streetAddress": "ul. Kossaka 1",
                  "postalCode": "64-920", "addressLocality": "Piła"}}</script></head>
    <body><footer>Partner: Fundacja X, ul. Inna 2, 00-001 Warszawa, tel. 22 111 22 33</footer>
    </body></html>"""
    record = parse_contact_page(_html_document(html))[0]
    assert record.name_raw == "Miejski Ośrodek Pomocy Społecznej w Pile"
    assert (record.street_raw, record.postal_code_raw, record.locality_raw) == (
        "ul. Kossaka 1",
        "64-920",
        "Piła",
    )
    assert record.phones_raw == ("67 212 30 30",)


def test_contact_page_title_parts_and_footer() -> None:
    html = """<html><head><title>Strona główna | Powiatowe Centrum Pomocy Rodzinie w Pile | BIP
    </title></head><body><nav><ul class="menu"><li>tel. 22 999 99 99</li></ul></nav>
    <p>Nasz partner Fundacja Y ma siedzibę przy ul. Obcej 3, 00-002 Warszawa.</p>
    <footer><p>Powiatowe Centrum Pomocy Rodzinie w Pile</p><p>ul. Kwiatowa 1</p>
    <p>64-920 Piła</p><p>tel. 67 210 00 00, e-mail: pcpr (at) pila.pl</p></footer></body></html>"""
    record = parse_contact_page(_html_document(html))[0]
    assert record.name_raw == "Powiatowe Centrum Pomocy Rodzinie w Pile"
    assert (record.street_raw, record.postal_code_raw) == ("ul. Kwiatowa 1", "64-920")
    assert normalise_phones(" ; ".join(record.phones_raw)) == ["+48672100000"]
    assert normalise_emails(" ".join(record.emails_raw)) == ["pcpr@pila.pl"]


def test_contact_page_leaves_another_institutions_address_and_identifiers() -> None:
    # no contact block: the only address on the page is in a news item, after the name of
    # the hospital a powiat chose, and a privacy note names the firm that runs the site
    html = """<html><head><title>Powiat Przykładowy - Strona główna</title></head><body>
    <p>Zarząd Powiatu zatwierdził wybór Miejskiego Samodzielnego Publicznego Zakładu Opieki
    Zdrowotnej, ul. Szpitalna 11, 22-100 Chełm, REGON 110269323, jako realizatora programu.</p>
    <p>1. Operatorem Serwisu jest Szkoła Języków Obcych
    FLOWER Jan Nowak ul. Długa 3/28, 02-645 Warszawa</p></body></html>"""
    record = parse_contact_page(_html_document(html))[0]
    assert record.name_raw == "Powiat Przykładowy"
    assert (record.street_raw, record.postal_code_raw, record.regon_raw) == (None, None, None)


def test_contact_page_completes_the_title_name_from_the_address_lines() -> None:
    html = """<html><head><title>BIP - PUP - Milicz - Powiatowy Urząd Pracy</title></head>
    <body><p>PUP Milicz</p><p>Powiatowy Urząd Pracy w Miliczu</p><p>ul. Wojska Polskiego 40</p>
    <p>56-300 Milicz</p><p>tel./fax. - (71) 38-42-041, 38-42-989</p>
    <p>NIP: 916-12-85-395</p></body></html>"""
    record = parse_contact_page(_html_document(html))[0]
    assert record.name_raw == "Powiatowy Urząd Pracy w Miliczu"
    assert record.postal_code_raw == "56-300" and record.nip_raw == "916-12-85-395"
    assert normalise_phones(" ; ".join(record.phones_raw)) == ["+48713842041", "+48713842989"]


def test_bip_dane_fax_is_typed_and_a_persons_office_line_and_mailbox_are_the_owners() -> None:
    # idcom's template: the "Kontakt" entry holds only a fax icon; the director's entry the
    # same number with a phone icon and the office's mailbox
    icon = '<img src="https://bi.idcom.pl/panel/img/icons/kontakt_{}.gif" alt="">'
    html = f"""<html><head><title>GOPS w Kotli - Dane</title></head><body>
    <div class="label"><span class="label">Nazwa:</span><p>Gminny Ośrodek Pomocy Społecznej</p></div>
    <div class="label"><span class="label">Adres:</span><p>ul. Krzycka 2</p></div>
    <div class="label"><span class="label">Kod pocztowy:</span><p>67-240</p></div>
    <div class="label"><span class="label">Kontakt:</span><p>{icon.format("fax")} 768318852</p>
    <p>{icon.format("fax")} 768318000</p></div>
    <div class="label"><span class="label">Dyrektor:</span><p>Dorota Młodecka</p>
    <p>{icon.format("phone")} 76 831 88 52</p><p>{icon.format("phone")} 600000000</p>
    <p>{icon.format("mail")} <a href="mailto:kotla@gopskotla.pl">kotla@gopskotla.pl</a></p>
    <p>{icon.format("mail")} <a href="mailto:d.mlodecka@gopskotla.pl">d.mlodecka@gopskotla.pl</a>
    </p></div></body></html>"""
    document = replace(_html_document(html), final_url="https://bip.gopskotla.pl/")
    record = parse_bip_dane(document)[0]
    # the faxes are kept, typed; the director's line that is also the fax is the office's
    # tel./fax line, her mobile is hers
    details = phone_details(record.phones_raw)
    assert [(d.number, d.kinds) for d in details] == [
        ("+48768318852", ("voice", "fax")),
        ("+48768318000", ("fax",)),
    ]
    assert record.emails_raw == ("kotla@gopskotla.pl",)


def test_contact_page_mailboxes_of_the_site_not_of_a_firm_and_people_flagged() -> None:
    # a hospital on a hosting platform writes from its own domain, which spells the host's
    # label; the programme coordinator's mailbox carries her name: kept, flagged personal
    # (the publication leaves it out); the advertiser's mailbox is not the hospital's
    html = """<html><head><title>Szpital Specjalistyczny w Ciechanowie</title></head><body>
    <p>Rejestracja: e-mail: rejestracja@szpitalciechanow.com.pl</p>
    <p>Koordynator programu: Anna Śliwińska, e-mail: anna.sliwinska@szpitalciechanow.com.pl</p>
    <p>Sekretariat: poczta.szpital@szpitalciechanow.com.pl</p>
    <p>Reklama: kontakt@innafirma.pl</p></body></html>"""
    document = replace(_html_document(html), final_url="https://szpitalciechanow.medicoland.pl/")
    record = parse_contact_page(document)[0]
    details = email_details(normalise_emails(" ".join(record.emails_raw)))
    assert [(d.address, d.personal) for d in details] == [
        ("rejestracja@szpitalciechanow.com.pl", False),
        ("anna.sliwinska@szpitalciechanow.com.pl", True),
        ("poczta.szpital@szpitalciechanow.com.pl", False),
    ]


# --- invariants over every fixture page -----------------------------------------------------

ALL_PAGES = sorted(str(path.relative_to(FIXTURES)) for path in FIXTURES.glob("*/*.html"))


@pytest.mark.parametrize("file", ALL_PAGES)
@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_invariants(file: str, parser: str) -> None:
    records = _outcome(parser, file)  # any exception but ExtractionError fails here
    if isinstance(records, ExtractionError):
        assert file in str(records)  # the message names the document
        return
    if not records:  # detection said: not a public institution's page
        assert file.startswith("negative/"), file
        return
    assert len(records) == 1
    record = records[0]
    assert record.role == "subject"
    assert record.name_raw.strip() and "\n" not in record.name_raw
    assert len(record.name_raw) <= 200
    if record.postal_code_raw is not None:
        normalised = normalise_postal_code(record.postal_code_raw)
        assert normalised is not None and len(normalised) == 6
    for raw in record.emails_raw:
        assert normalise_emails(raw), raw
    if record.nip_raw is not None:
        assert sum(ch.isdigit() for ch in record.nip_raw) == 10
    if record.regon_raw is not None:
        assert sum(ch.isdigit() for ch in record.regon_raw) in (9, 14)
    assert all(label and value for label, value in record.extra)


def test_bip_parser_accepts_every_dane_page() -> None:
    dane = [f for f in ALL_PAGES if b"Dane teleadresowe</h" in (FIXTURES / f).read_bytes()]
    assert len(dane) >= 40
    for file in dane:
        assert not isinstance(_outcome("bip", file), ExtractionError), file


# --- negative pages: detection (extractors.detect) keeps businesses out ---------------------


@pytest.mark.parametrize("file", [f for f in ALL_PAGES if f.startswith("negative/")])
def test_negative_pages_are_not_bip_data_pages(file: str) -> None:
    assert isinstance(_outcome("bip", file), ExtractionError)


@pytest.mark.parametrize(
    "file",
    [
        # A portal of local firm offers has no institution-like name at all.
        pytest.param("lokalnyhit.pl.html", id="business-listing"),
        # A vet "przychodnia" looks like a clinic to a name-only check.
        pytest.param("intervet.wodzislaw.pl.html", id="vet-clinic"),
        # A tyre shop with a full address, phones and e-mails.
        pytest.param("juda.partneropony.pl.html", id="tyre-shop"),
    ],
)
def test_negative_pages_with_contact_parser_yield_nothing(file: str) -> None:
    outcome = _outcome("contact", f"negative/{file}")
    assert outcome == [] or isinstance(outcome, ExtractionError)


def test_court_portal_title_names_the_court_in_the_nominative() -> None:
    # "Portal Orzeczeń Sądu Rejonowego w Brzozowie": the owner follows in the genitive. The
    # record keeps the title as written (a `_raw` field); the normalise stage names the court,
    # with the Polish letters the saved (folded) page lost.
    record = _outcome("contact", "courts/orzeczenia.brzozow.sr.gov.pl.html")
    assert not isinstance(record, ExtractionError)
    assert record[0].name_raw == "Portal Orzeczen Sadu Rejonowego w Brzozowie"
    rows = extract_one("https://orzeczenia.brzozow.sr.gov.pl/", fetcher=ReplayFetcher(FIXTURES))
    [row] = [r for r in rows if r["role"] == "subject"]
    assert (row["name_raw"], row["name"]) == (record[0].name_raw, "Sąd Rejonowy w Brzozowie")


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_text_in_an_unexpected_encoding_is_named(parser: str) -> None:
    # UTF-16 without a byte-order mark is valid UTF-8 full of NULs: a clear error, not a guess.
    html = "<html><head><title>Ośrodek Pomocy Społecznej w Łące</title></head></html>"
    document = _html_document(html, charset="utf-16-le")
    document = replace(document, charset="utf-8", declared_charset="utf-8")
    with pytest.raises(ExtractionError, match="127.0.0.1/dane: unexpected encoding"):
        PARSERS[parser](document)
