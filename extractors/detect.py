"""Auto-detection: is a fetched document about a public institution, and which parser fits it?

`detect_page` weighs signals a person would use at a glance:

- public: the host (`.gov.pl`, `bip.…`, the BIP platforms schools and gminas rent), BIP
  markers ("Biuletyn Informacji Publicznej", a "Dane teleadresowe" block), and an institution
  type named in the page's title, `<h1>` or site name (read from the taxonomy tables by
  `transforms.taxonomy_reading.name_type`, as the classifier reads a name);
- commercial: the words in the title or description that name a shop, a wholesaler, a tyre
  service, a vet, a parked domain; a basket; price tags in złoty; a listing of firms.

Head words ("Przychodnia weterynaryjna …", "Domena na sprzedaż") outweigh an institution-like
name, but not a BIP marker or a public host: a gmina's BIP may well announce a vet's rabies
campaign. With no evidence either way the page is not taken: a directory of institutions
should not fill up with guesses.

Detection is by content, not by layout or file type: a page whose title and headings name
no institution is still one when its text names its owner
(`extractors.html_pages.page_owner`: "X informuje", an accessibility statement, a name over
its "Adres:"/"Tel.:" lines), and a news page that names its owner that way is that owner's
page, not an article. A plain-text document is a `text_page` — an institution's page or an
article, which its parser tells apart the same way.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning

from extractors.records import Document, ExtractionError
from transforms.taxonomy_reading import name_type
from transforms.text import fold_key, normalise_space

Kind = Literal[
    "bip_dane",
    "contact_page",
    "text_page",
    "article",
    "directory",
    "spreadsheet",
    "not_institution",
]

_SPREADSHEET_TYPES = frozenset(
    {
        "text/csv",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.spreadsheet",
    }
)
_SPREADSHEET_SUFFIXES = (".csv", ".xls", ".xlsx", ".ods", ".tsv")
# Hosts of public bodies and of the platforms that host their BIP pages.
_PUBLIC_HOST_SUFFIXES = (
    ".gov.pl",
    ".edu.pl",
    ".bipstrona.pl",
    ".biposwiata.pl",
    ".bipgmina.pl",
    ".samorzady.pl",
    ".superszkolna.pl",
    ".ugm.pl",
)
# A host that names a kind of public unit ("powiat.elk.pl", "gops-kwidzyn…"): weaker evidence,
# since a firm may pick any name; it never outweighs commercial signals.
_PUBLIC_HOST_WORDS = re.compile(
    r"(?:^|[.-])(?:gmina|gminy|powiat|starostwo|gops|mops|mgops|ops|pcpr|pup|ppp|sosw|dps|"
    r"szkola|przedszkole|urzad)(?:[.-]|$)"
)
# Words that, in a page's title, description or site name, say "business, not a public body".
_COMMERCIAL_HEAD = (
    ("weterynar", "veterinary"),
    ("lecznica dla zwierzat", "veterinary"),
    ("wulkanizac", "tyre service"),
    ("serwis opon", "tyre service"),
    ("ogumieni", "tyre service"),
    ("sklep", "shop"),
    ("hurtowni", "wholesaler"),
    ("e sklep", "shop"),
    ("oferty firm", "business listing"),
    ("katalog firm", "business listing"),
    ("domena na sprzedaz", "parked domain"),
    ("na sprzedaz", "for sale"),
    ("ta domena jest", "parked domain"),
    ("domena zostala zarejestrowana", "parked domain"),
    ("domain is for sale", "parked domain"),
    ("this domain", "parked domain"),
    ("parked domain", "parked domain"),
    ("kup te domene", "parked domain"),
    ("kup domene", "parked domain"),
    ("biuro rachunkowe", "business"),
    ("biuro podrozy", "business"),
    ("kancelaria adwokacka", "business"),
    ("kancelaria radcy", "business"),
    ("salon", "business"),
    ("noclegi", "business"),
    ("restauracja", "business"),
    ("pizzeria", "business"),
    ("mechanika pojazdowa", "business"),
    ("warsztat samochodowy", "business"),
)
_CART = re.compile(r"(?i)\b(?:do koszyka|tw[oó]j koszyk|koszyk\b|dodaj do koszyka|zam[oó]w teraz)")
_PRICE = re.compile(r"(?i)\b\d{1,6}(?:[ .]\d{3})*[,.]\d{2}\s*(?:zł|zl|pln)\b")
_COMPANY_WORDS = re.compile(
    r"(?i)\b(?:sp\.\s*z\s*o\.\s*o|s\.\s*c\.|sp\.\s*j\.|p\.?h\.?u\.?|f\.?h\.?u\.?|p\.?p\.?u\.?h|"
    r"hurtownia|sklep|us[lł]ugi\s+(?:remontow|budowlan|transportow|elektryczn|dekarsk))"
)
_BIP_MARKER = re.compile(r"biuletyn informacji publicznej|\bbip\.gov\.pl\b")
_DANE = re.compile(r"\bdane teleadresowe\b")
_DATA_LABELS = ("kod pocztowy", "nip", "regon", "miejscowosc", "adres", "telefon", "e mail")
# Registries and public units publish their NIP/REGON; firms do too, so these only help a page
# that also names an institution.
_MIN_ARTICLE_CHARS = 1500


@dataclass(frozen=True, slots=True)
class Detection:
    """What a document looks like: an institution's page (of which kind) or not one at all."""

    is_institution: bool
    kind: Kind
    reasons: tuple[str, ...]
    # Not taken because it looks like a business (not merely for want of evidence): what such
    # a page states is a firm's offer, never an institution's.
    business: bool = False


def _is_spreadsheet(document: Document) -> bool:
    if document.content_type in _SPREADSHEET_TYPES:
        return True
    path = urlsplit(document.final_url or document.url).path.lower()
    if path.endswith(_SPREADSHEET_SUFFIXES):
        return True
    head = document.content[:8]
    # An xlsx/ods (zip) or an xls (OLE2 compound file) served under a misleading type.
    return head.startswith(b"\xd0\xcf\x11\xe0") or (
        head.startswith(b"PK\x03\x04") and b"xl/" in document.content[:2000]
    )


def _soup(document: Document) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(document.text, "lxml")


def _meta(soup: BeautifulSoup, attribute: str, value: str) -> str:
    tag = soup.find("meta", attrs={attribute: value})
    if isinstance(tag, Tag):
        content = tag.get("content")
        return content if isinstance(content, str) else ""
    return ""


def _head_texts(soup: BeautifulSoup) -> list[str]:
    """Title, site name and the first headings: where a page says whose it is."""
    texts = [_meta(soup, "property", "og:site_name")]
    if soup.title is not None:
        texts.append(soup.title.get_text(" "))
    for heading in soup.find_all(["h1"], limit=2):
        texts.append(heading.get_text(" "))
    return [normalise_space(text) for text in texts if normalise_space(text)]


_TITLE_SPLIT = re.compile(r"\s+[-–—|:»/]+\s+|\s*[|»]\s*|\s*::\s*")


def _institution_type(texts: list[str]) -> tuple[str, str] | None:
    """The first institution type classify finds in any part of these texts, with the words."""
    for text in texts:
        for part in [text, *_TITLE_SPLIT.split(text)]:
            part = part.strip()
            if not part or len(part) > 200:
                continue
            found = name_type(part)
            if found is not None:
                return found[0], part
    return None


_NAME_LABEL = re.compile(r"(?i)^\s*(?:pe[lł]na\s+)?nazwa(?:\s+\w+)?\s*:?\s*(.*)$")


def _named_in_body(soup: BeautifulSoup) -> list[str]:
    """A "Nazwa: …" value and the first sub-headings: where a data page without a telling
    title names its owner."""
    texts: list[str] = []
    lines = [normalise_space(line) for line in soup.get_text("\n").split("\n")]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines[:400]):
        match = _NAME_LABEL.match(line)
        if match and len(line) < 200:
            value = match.group(1) or (lines[index + 1] if index + 1 < len(lines) else "")
            texts.append(value)
    texts += [h.get_text(" ") for h in soup.find_all(["h2", "h3"], limit=6)]
    return [normalise_space(t) for t in texts if normalise_space(t)]


_JSON_LD_NAME = re.compile(r'"name"\s*:\s*"([^"]{3,200})"')


def _schema_names(soup: BeautifulSoup) -> list[str]:
    """Names in schema.org JSON-LD and microdata (`itemprop="name"`)."""
    names: list[str] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        names += _JSON_LD_NAME.findall(script.string or "")
    for tag in soup.find_all(True, attrs={"itemprop": "name"}, limit=5):
        names.append(tag.get_text(" "))
    return [normalise_space(name) for name in names if normalise_space(name)]


def _host_signal(url: str) -> tuple[str | None, str | None]:
    """(strong, weak) evidence from the host name."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None, None
    if host.endswith(_PUBLIC_HOST_SUFFIXES):
        return f"public host {host}", None
    if host.startswith("bip.") or ".bip." in host:
        return f"BIP host {host}", None
    if _PUBLIC_HOST_WORDS.search(host):
        return None, f"host {host} names a public unit"
    return None, None


def host_evidence(url: str) -> str | None:
    """What the host says of a public unit's site (a public or BIP host, or one naming a kind of
    public unit), or None: a plain-text page's only evidence of whose it is."""
    strong, weak = _host_signal(url)
    return strong or weak


def _kind_of_page(soup: BeautifulSoup, folded: str) -> Kind:
    if _DANE.search(folded) or sum(f"{label}:" in folded for label in _DATA_LABELS) >= 3:
        return "bip_dane"
    for table in soup.find_all("table"):
        rows = table.find_all("tr")
        if len(rows) < 4:
            continue
        header = fold_key(rows[0].get_text(" "))
        if "nazwa" in header and any(w in header for w in ("adres", "telefon", "siedziba")):
            return "directory"
    og_type = fold_key(_meta(soup, "property", "og:type"))
    if og_type == "article":
        paragraphs = " ".join(p.get_text(" ") for p in soup.find_all("p"))
        if len(paragraphs) >= _MIN_ARTICLE_CHARS:
            return "article"
    return "contact_page"


def detect_page(document: Document) -> Detection:
    """Whether `document` is about a public institution, and the parser family that fits it."""
    return _detected(document)


# `wsparcie extract` and the crawl detect a page, then its parser asks again
# (`owner_name.about_an_institution`): the last few documents' detections are kept (a
# Detection is frozen; the document, its bytes and addresses, is the key).
@lru_cache(maxsize=8)
def _detected(document: Document) -> Detection:
    if _is_spreadsheet(document):
        return Detection(True, "spreadsheet", ("spreadsheet content",))
    content_type = document.content_type or ""
    text = document.text
    if content_type == "text/plain" or (content_type != "text/html" and "<" not in text[:2000]):
        # Plain text: a saved page or article; its parser reads its owner and its mentions.
        return Detection(True, "text_page", ("plain text: read as a page by its content",))

    soup = _soup(document)
    schema_names = _schema_names(soup)
    for tag in soup.find_all(["script", "style", "noscript", "template"]):
        tag.decompose()
    head_texts = _head_texts(soup)
    description = _meta(soup, "name", "description")
    head_folded = fold_key(" ".join([*head_texts, description]))
    body_text = normalise_space(soup.get_text(" "))
    folded = fold_key(body_text)

    public: list[str] = []
    strong_host, weak_host = _host_signal(document.final_url or document.url)
    if strong_host:
        public.append(strong_host)
    title_words = fold_key(soup.title.get_text(" ")).split() if soup.title is not None else []
    if "bip" in title_words or _BIP_MARKER.search(folded) or _BIP_MARKER.search(text.lower()):
        public.append("BIP marker")
    if _DANE.search(folded):
        public.append("'Dane teleadresowe' block")
    found_type = _institution_type(schema_names + head_texts)
    if found_type is None and description:
        found_type = _institution_type([description])
    if found_type is None:
        found_type = _institution_type(_named_in_body(soup))

    commercial: list[str] = []
    for word, what in _COMMERCIAL_HEAD:
        if re.search(rf"\b{word}", head_folded):
            commercial.append(f"{what}: '{word}' in the title or description")
    head_says_business = bool(commercial)
    if _CART.search(body_text):
        commercial.append("a shopping basket")
    prices = len(_PRICE.findall(body_text))
    if prices >= 3:
        commercial.append(f"{prices} prices in złoty")
    companies = len(_COMPANY_WORDS.findall(body_text))
    if companies >= 8:
        commercial.append(f"{companies} firm names or shop words (a business listing)")

    # Prices and firm names in the body alone do not outweigh an institution's name: a court's
    # rulings quote fees, a gmina lists its contractors, an OPS reports a project's budget.
    owner = _owner_by_content(document) if commercial and not head_says_business else None
    business = head_says_business or (bool(commercial) and found_type is None and owner is None)
    if business and not public:
        reasons = tuple(commercial)
        if found_type is not None:
            reasons += (f"despite an institution-like name {found_type[1]!r}",)
        return Detection(False, "not_institution", reasons, business=True)
    reasons_list = list(public)
    if weak_host:
        reasons_list.append(weak_host)
    if found_type is not None:
        reasons_list.append(f"{found_type[0]} named in {found_type[1]!r}")
    if owner is None:
        owner = _owner_by_content(document)
    if owner is not None:
        reasons_list.append(f"the text names its owner {owner[0]!r} ({owner[1]})")
    if not reasons_list:
        named = _institutions_named(document)
        if named:  # a news page: it speaks for no institution but names some
            return Detection(True, "article", (f"the text names {', '.join(named[:3])}",))
        return Detection(
            False,
            "not_institution",
            ("no institution type in the title, headings or text, no public host or BIP marker",),
        )
    if commercial:
        reasons_list.append("commercial signals outweighed: " + "; ".join(commercial))
    kind = _kind_of_page(soup, folded)
    if kind == "article" and owner is not None:
        kind = "contact_page"  # an institution's own news page
    return Detection(True, kind, tuple(reasons_list))


def _institutions_named(document: Document) -> list[str]:
    """The institutions a page's text names, read as an article's are (none: [])."""
    from extractors.articles import parse_article  # sits on this module's callers, like below

    try:
        return [record.name_raw for record in parse_article(document)]
    except ExtractionError:
        return []


def _owner_by_content(document: Document) -> tuple[str, str] | None:
    """The owner a page's text names, and the evidence, or None."""
    # The owner reader sits on the HTML page modules, which consult this module for
    # `is_institution_page`: imported when first needed, not at import time.
    from extractors.html_pages.dom import drop_noise, soup_of
    from extractors.html_pages.page_owner import find_page_owner
    from extractors.html_pages.page_text import page_text_of_html

    try:
        soup = soup_of(document)
    except ExtractionError:
        return None
    drop_noise(soup)
    owner = find_page_owner(page_text_of_html(soup, document.final_url or document.url))
    return (owner.name, ", ".join(owner.evidence)) if owner is not None else None
