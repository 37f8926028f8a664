"""Auto-detection (extractors.detect): public institutions' pages in, businesses out.

Runs over every saved page in ../shared/data/html_fixtures (by host, as a crawl would see
it) and over synthetic pages for the parts of the Polish web the fixtures do not show.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SHARED_DATA, make_document  # tests/ helper module

from extractors.detect import detect_page
from extractors.records import Document

FIXTURES = SHARED_DATA / "html_fixtures"
PAGES = sorted(str(p.relative_to(FIXTURES)) for p in FIXTURES.glob("*/*.html"))


def _document(content: bytes, url: str, content_type: str | None = "text/html") -> Document:
    return make_document(
        url, content, content_type=content_type, declared_charset="utf-8", charset="utf-8"
    )


def _fixture(file: str) -> Document:
    return _document((FIXTURES / file).read_bytes(), f"https://{Path(file).stem}/")


@pytest.mark.parametrize("file", PAGES)
def test_saved_pages(file: str) -> None:
    detection = detect_page(_fixture(file))
    assert detection.reasons, "every decision says why"
    if file.startswith("negative/"):
        assert (detection.is_institution, detection.kind) == (False, "not_institution")
    else:
        assert detection.is_institution, detection.reasons


@pytest.mark.parametrize(
    ("file", "kind"),
    [
        pytest.param("social/bip.gops.lubin.pl.html", "bip_dane", id="bip-dane-template"),
        pytest.param("ngo/faros.org.pl.html", "contact_page", id="ngo-home-page"),
        pytest.param("courts/orzeczenia.bytow.sr.gov.pl.html", "contact_page", id="court-fees"),
    ],
)
def test_kind_of_saved_pages(file: str, kind: str) -> None:
    assert detect_page(_fixture(file)).kind == kind


def test_court_portal_is_public_although_it_quotes_prices() -> None:
    reasons = " ".join(detect_page(_fixture("courts/orzeczenia.bytow.sr.gov.pl.html")).reasons)
    assert "public host" in reasons and "court" in reasons


SHOP = """<html><head><title>Sklep z zabawkami Bajka – zabawki dla dzieci</title></head><body>
<h1>Klocki drewniane</h1><p>Cena: 49,99 zł</p><p>Cena: 19,90 zł</p><p>Cena: 129,00 zł</p>
<a href="/koszyk">Dodaj do koszyka</a><footer>Bajka Sp. z o.o., ul. Polna 1, 00-001 Warszawa,
NIP 525-000-00-00, tel. 22 111 22 33</footer></body></html>"""
PARKED = """<html><head><title>przedszkole-tęcza.pl</title></head><body><h1>Domena na sprzedaż!</h1>
<p>Ta domena jest na sprzedaż. Kup tę domenę: oferty@parking.example</p></body></html>"""
PARKED_HEAD = """<html><head><title>Domena przedszkole-tecza.pl jest na sprzedaż</title></head>
<body><p>Przedszkole Tęcza – domena na sprzedaż</p></body></html>"""
VET = """<html><head><title>Gabinet Weterynaryjny Azor – lecznica dla zwierząt w Piszu</title>
</head><body><p>Przychodnia dla zwierząt, ul. Leśna 2, 12-200 Pisz, tel. 87 423 00 00</p></body>
</html>"""
WHOLESALER = """<html><head><title>Hurtownia Budowlana MAX – Przedsiębiorstwo Handlowe</title>
</head><body><p>Ośrodek szkolenia operatorów wózków</p></body></html>"""
BIP_WITH_VET_NEWS = """<html><head><title>Urząd Gminy Bliżyn – Biuletyn Informacji Publicznej
</title></head><body><h1>Ogłoszenie: szczepienie psów, weterynarz, sklep</h1>
<h2>Dane teleadresowe</h2><p>ul. Kościelna 79, 26-120 Bliżyn</p></body></html>"""
NO_SIGNS = """<html><head><title>Witamy</title></head><body><p>Strona w budowie.</p></body>
</html>"""
JSON_LD_ONLY = """<html><head><title>Strona główna</title><script type="application/ld+json">
{"@type": "GovernmentOrganization", "name": "Powiatowe Centrum Pomocy Rodzinie w Piszu"}
</script></head><body><p>Aktualności</p></body></html>"""
DIRECTORY = """<html><head><title>Starostwo Powiatowe w Piszu – placówki</title></head><body>
<table><tr><th>Nazwa</th><th>Adres</th><th>Telefon</th></tr>
<tr><td>GOPS w Białej Piskiej</td><td>ul. Kolejowa 1</td><td>87 424 00 01</td></tr>
<tr><td>MGOPS w Piszu</td><td>ul. Gizewiusza 5</td><td>87 423 00 02</td></tr>
<tr><td>GOPS w Ruciane-Nidzie</td><td>ul. Dmowskiego 1</td><td>87 423 00 03</td></tr>
</table></body></html>"""


@pytest.mark.parametrize(
    ("html", "url", "institution", "kind"),
    [
        pytest.param(SHOP, "https://bajka.example.pl/", False, "not_institution", id="shop"),
        pytest.param(PARKED, "https://przedszkole-tecza.pl/", False, "not_institution",
                     id="parked-domain-no-type-in-head"),
        pytest.param(PARKED_HEAD, "https://przedszkole-tecza.pl/", False, "not_institution",
                     id="parked-domain-named-like-a-preschool"),
        pytest.param(VET, "https://azor.example.pl/", False, "not_institution", id="vet"),
        pytest.param(WHOLESALER, "https://max.example.pl/", False, "not_institution",
                     id="wholesaler-with-an-institution-word"),
        pytest.param(BIP_WITH_VET_NEWS, "https://bip.blizyn.pl/", True, "bip_dane",
                     id="gmina-bip-announcing-a-vet-stays-public"),
        pytest.param(NO_SIGNS, "https://example.pl/", False, "not_institution",
                     id="no-evidence-either-way"),
        pytest.param(JSON_LD_ONLY, "https://example.pl/", True, "contact_page",
                     id="schema-org-name"),
        pytest.param(DIRECTORY, "https://www.powiat.pisz.pl/placowki", True, "directory",
                     id="directory-table"),
    ],
)  # fmt: skip
def test_synthetic_pages(html: str, url: str, institution: bool, kind: str) -> None:
    detection = detect_page(_document(html.encode("utf-8"), url))
    assert (detection.is_institution, detection.kind) == (institution, kind), detection.reasons


@pytest.mark.parametrize(
    ("content", "url", "content_type", "kind"),
    [
        pytest.param(b"nazwa;adres\nGOPS;ul. A 1\n", "https://x.pl/lista.csv", "text/csv",
                     "spreadsheet", id="csv"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "https://x.pl/pobierz",
                     "application/octet-stream", "spreadsheet", id="xls-by-magic-bytes"),
        # a text file is read by its content, as a page or an article (see test_text_page)
        pytest.param("Ośrodek Pomocy Społecznej w Bliżynie zaprasza.".encode(),
                     "file:///tmp/artykul.txt", "text/plain", "text_page", id="plain-text"),
    ],
)  # fmt: skip
def test_non_html_documents(content: bytes, url: str, content_type: str, kind: str) -> None:
    detection = detect_page(_document(content, url, content_type))
    assert (detection.is_institution, detection.kind) == (True, kind)
