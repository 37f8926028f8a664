"""Parsers for one institution's own page: BIP "Dane teleadresowe" pages and free-form
contact/home pages. Each turns a `Document` into one `ParsedInstitution` (role "subject").

`parse_bip_dane` reads the label/value block that BIP platforms render for an institution
(idcom/bipstrona/biposwiata `<span class="label">`/`<label>` rows, their responsive "tiles"
variant, tables, `<dl>` lists, plain "Label: value" lines). It parses destructively: every
label it understands is mapped once, the rest goes to `extra`; a page with no such block
raises `ExtractionError` instead of yielding a guess.

`parse_contact_page` handles any other institution page: the name from schema.org data or
the page title, contacts from the footer / "Kontakt" block, else from the page text.

Labels are compared with `fold_key`, so "Miejscowość:", "MIEJSCOWOSC" and the ASCII-folded
copies in our fixtures all match.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Tag, XMLParsedAsHTMLWarning
from bs4.element import NavigableString

from extractors.contacts import (
    find_address,
    find_addresses,
    find_emails,
    find_krs,
    find_nip,
    find_phones,
    find_postal_codes,
    find_regon,
    find_websites,
)
from extractors.detect import detect_page
from extractors.owner_names import (
    completed_name,
    join_compound_adjectives,
    names_another_institution,
)
from extractors.records import Document, ExtractionError, ParsedInstitution
from transforms.names import nominative
from transforms.text import fold_key, normalise_space

log = logging.getLogger(__name__)

# --- labels ---------------------------------------------------------------------------------

_LABELS: dict[str, str] = {
    "nazwa": "name",
    "nazwa podmiotu": "name",
    "nazwa jednostki": "name",
    "nazwa instytucji": "name",
    "nazwa urzedu": "name",
    "nazwa szkoly": "name",
    "nazwa placowki": "name",
    "pelna nazwa": "name",
    "rodzaj": "type",
    "typ": "type",
    "rodzaj podmiotu": "type",
    "rodzaj jednostki": "type",
    "adres": "address",
    "adres siedziby": "address",
    "siedziba": "address",
    "adres pocztowy": "address",
    "adres korespondencyjny": "address",
    "ulica": "address",
    "ulica i numer": "address",
    "kod pocztowy": "postal",
    "kod": "postal",
    "miejscowosc": "locality",
    "miasto": "locality",
    "poczta": "post_office",
    "gmina": "gmina",
    "powiat": "powiat",
    "wojewodztwo": "voivodeship",
    "lokalizacja": "location",
    "telefon": "phone",
    "telefony": "phone",
    "tel": "phone",
    "tel fax": "phone",
    "telefon fax": "phone",
    "telefon faks": "phone",
    "numer telefonu": "phone",
    "nr telefonu": "phone",
    "centrala": "phone",
    "sekretariat": "phone",
    # A number labelled only as a fax is not a phone (schema.org, too, keeps faxNumber apart
    # from telephone); "tel./fax" is both, so a phone.
    "fax": "fax",
    "faks": "fax",
    "nr faksu": "fax",
    "numer faksu": "fax",
    "e mail": "email",
    "email": "email",
    "mail": "email",
    "adres e mail": "email",
    "adres email": "email",
    "poczta elektroniczna": "email",
    "poczta e mail": "email",
    "strona www": "website",
    "www": "website",
    "strona internetowa": "website",
    "adres strony www": "website",
    "adres www": "website",
    "witryna": "website",
    "nip": "nip",
    "regon": "regon",
    "krs": "krs",
    "nr krs": "krs",
    "numer krs": "krs",
    "rspo": "rspo",
    "numer rspo": "rspo",
    "nr rspo": "rspo",
    "kontakt": "contact",
    "dane kontaktowe": "contact",
    "informacje ogolne": "description",
    "informacje dodatkowe": "description",
    "opis": "description",
    "zakres dzialalnosci": "description",
}
_LABEL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("godziny", "hours"),
    ("dni i godziny", "hours"),
    ("godz", "hours"),
    ("czynne", "hours"),
)
# Fields that describe the data block itself; a block needs some of them to count as one.
_CORE = {"name", "address", "postal", "locality", "phone", "email", "nip", "regon", "contact"}
_SINGLE = {
    "name",
    "type",
    "postal",
    "locality",
    "post_office",
    "gmina",
    "powiat",
    "voivodeship",
    "nip",
    "regon",
    "krs",
    "rspo",
    "hours",
    "description",
}

_VOIVODESHIPS = {
    "dolnoslaskie",
    "kujawsko pomorskie",
    "lubelskie",
    "lubuskie",
    "lodzkie",
    "malopolskie",
    "mazowieckie",
    "opolskie",
    "podkarpackie",
    "podlaskie",
    "pomorskie",
    "slaskie",
    "swietokrzyskie",
    "warminsko mazurskie",
    "wielkopolskie",
    "zachodniopomorskie",
}
# Headings and title parts that name a page or a template, not an institution.
_GENERIC = {
    "dane",
    "dane teleadresowe",
    "dane szkoly",
    "dane urzedu",
    "dane jednostki",
    "dane podstawowe",
    "informacje podstawowe",
    "kontakt",
    "dane kontaktowe",
    "strona glowna",
    "biuletyn informacji publicznej",
    "bip",
    "home",
    "o nas",
    "aktualnosci",
    "witamy",
    "oficjalna strona",
    "oficjalna strona internetowa",
    "strona internetowa",
    "menu",
    "informacje ogolne",
    "start",
    "blad",
    "error",
    "404",
}
_NAME_NOUNS = {
    "osrodek",
    "urzad",
    "starostwo",
    "gmina",
    "powiat",
    "miasto",
    "szkola",
    "przedszkole",
    "poradnia",
    "zespol",
    "szpital",
    "przychodnia",
    "zaklad",
    "dom",
    "centrum",
    "fundacja",
    "stowarzyszenie",
    "sad",
    "komenda",
    "komisariat",
    "posterunek",
    "biblioteka",
    "placowka",
    "zlobek",
    "schronisko",
    "spoldzielnia",
    "towarzystwo",
    "zwiazek",
    "parafia",
    "caritas",
    "instytut",
    "liceum",
    "gimnazjum",
    "technikum",
    "uniwersytet",
    "akademia",
    "muzeum",
    "teatr",
    "stacja",
    "inspektorat",
    "kuratorium",
    "klub",
    "hospicjum",
    "warsztaty",
    "biuro",
    "rada",
    "izba",
    "kasa",
    "agencja",
    "punkt",
    "swietlica",
    "internat",
    "bursa",
    "oddzial",
    "filia",
}
_NAME_ACRONYMS = {
    "ops",
    "gops",
    "mops",
    "mgops",
    "pcpr",
    "mopr",
    "ppp",
    "pup",
    "sosw",
    "dps",
    "sds",
    "zoz",
    "spzoz",
    "kpp",
    "kmp",
    "sp",
    "zs",
    "cis",
    "kis",
    "wtz",
    "zaz",
    "ug",
    "um",
    "umig",
    "ugim",
    "mgok",
    "gok",
    "sa",
    "zoo",
}

_TITLE_SPLIT = re.compile(r"\s+[-–—|:»/]+\s+|\s*[|»]\s*|\s*::\s*|,\s+(?=oficjalna|strona)", re.I)
_TITLE_NOISE = re.compile(
    r"(?i)^(?:bip\s*[-–:]?\s+|biuletyn informacji publicznej\s*[-–:]?\s*|"
    r"oficjalna strona(?: internetowa)?\s*|strona g[lł][oó]wna\s*|witamy(?: na stronie)?\s*|"
    r"copyright\s*(?:\(c\)|©)?\s*(?:\d{4}\s*)?|©\s*(?:\d{4}\s*)?|\(c\)\s*(?:\d{4}\s*)?)"
)
_ADDRESS_START = re.compile(
    r"(?i)\s+(?:ul\.|al\.|pl\.|os\.|tel\.?|fax|e-?mail|\d{2}\s?-\s?\d{3}).*$"
)


def _label_field(label: str) -> str | None:
    key = fold_key(label)
    if key in _LABELS:
        return _LABELS[key]
    for prefix, name in _LABEL_PREFIXES:
        if key == prefix or key.startswith(prefix + " "):
            return name
    return None


# --- HTML helpers ---------------------------------------------------------------------------

_BLOCK = {
    "p",
    "div",
    "li",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "footer",
    "header",
    "address",
    "br",
    "fieldset",
    "dl",
    "form",
    "main",
    "aside",
    "blockquote",
    "center",
    "hr",
}
_NOISE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "nav",
    "object",
    "button",
    "select",
    "input",
    "textarea",
)
_NOISE_ATTR = re.compile(
    r"(?i)(?:^|[\s_-])(?:menu|nav|navbar|navigation|breadcrumbs?|cookies?|"
    r"skip|sr-only|mobileonly)(?:$|[\s_-])"
)


# More than this share of control characters: the bytes were decoded with the wrong codec
# (UTF-16 without a byte-order mark read as UTF-8, a binary file served as text/html).
_MAX_CONTROL_SHARE = 0.01


def _check_decoded(document: Document) -> None:
    text = document.text
    controls = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise ExtractionError(
            f"{document.url}: unexpected encoding: decoded as {document.charset or 'utf-8'} "
            f"(declared {document.declared_charset or 'nothing'}) the text is "
            f"{controls / len(text):.0%} control or undecodable characters"
        )


def _soup(document: Document) -> BeautifulSoup:
    _check_decoded(document)
    try:
        with warnings.catch_warnings():
            # XHTML pages with an <?xml?> prologue are still HTML to us.
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            return BeautifulSoup(document.text, "lxml")
    except Exception as error:  # lxml rejects some binary garbage outright
        raise ExtractionError(f"{document.url}: not parseable as HTML ({error})") from error


def _attr_text(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _drop_noise(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_NOISE_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(["ul", "ol", "div"]):
        if tag.decomposed:  # inside something removed already
            continue
        marker = f"{_attr_text(tag, 'id')} {_attr_text(tag, 'class')} {_attr_text(tag, 'role')}"
        if tag.name in ("ul", "ol") and _NOISE_ATTR.search(marker):
            tag.decompose()
        elif tag.name == "div" and re.search(r"(?i)cookie|navigation|mobileonly", marker):
            tag.decompose()


def _lines(tag: Tag, skip: Tag | None = None) -> list[str]:
    """Visible text of `tag` as lines: a new line at each block element and <br>."""
    pieces: list[str] = []
    for node in tag.descendants:
        if skip is not None and (node is skip or _inside(node, skip)):
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, Comment):
                pieces.append(str(node))
        elif isinstance(node, Tag) and node.name in _BLOCK:
            pieces.append("\n")
    text = "".join(pieces)
    return [line for line in (normalise_space(part) for part in text.split("\n")) if line]


def _inside(node: Any, ancestor: Tag) -> bool:
    parent = getattr(node, "parent", None)
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


# --- data block -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pair:
    label: str
    text: str  # value lines joined with "\n"
    node: Tag | None = None  # the value's element when the block is HTML


@dataclass(frozen=True, slots=True)
class _Block:
    variant: str
    pairs: tuple[_Pair, ...]
    heading: str | None = None  # a name-like heading inside the block (tiles variant)
    lines: tuple[str, ...] = ()  # the whole block's text, for unlabelled addresses


def _clean_label(text: str) -> str:
    return normalise_space(text).rstrip(":").strip()


def _block_labelled(soup: BeautifulSoup) -> _Block:
    """idcom classic: `<div><span class="label">Adres:</span>value</div>` or `<label>`."""
    pairs: list[_Pair] = []
    lines: list[str] = []
    for label in soup.select("span.label, label"):
        raw_label = normalise_space(label.get_text(" "))
        if not raw_label.endswith(":") or label.parent is None:
            continue
        container = label.parent
        value_lines = _lines(container, skip=label)
        pairs.append(_Pair(_clean_label(raw_label), "\n".join(value_lines), container))
        lines += [raw_label, *value_lines]
    return _Block("labelled", tuple(pairs), lines=tuple(lines))


_ICON_LABELS = (
    ("ico-www", "Strona www"),
    ("ico-e-mail", "E-mail"),
    ("ico-telefon", "Telefon"),
    ("ico-faks", "Faks"),
    ("ico-adres", "Adres"),
    ("ico-lokalizacja", "Lokalizacja"),
)


def _data_heading(soup: BeautifulSoup) -> Tag | None:
    for heading in soup.find_all(["h1", "h2", "h3"]):
        key = fold_key(heading.get_text(" "))
        if key.startswith("dane teleadresowe") or key in ("dane", "dane podstawowe"):
            return heading
    return None


def _block_tiles(soup: BeautifulSoup) -> _Block:
    """idcom responsive: `div.contener > h3 + div.dF` tiles after "Dane teleadresowe"."""
    heading = _data_heading(soup)
    scope: Tag | None = heading.find_next_sibling("div") if heading is not None else None
    if scope is None:
        return _Block("tiles", ())
    pairs: list[_Pair] = []
    lines: list[str] = []
    name: str | None = None
    for box in scope.select("div.contener"):
        title = box.find("h3")
        value = box.find("div", class_="dF")
        if value is None or (title is not None and title.find("a") is not None):
            continue
        label = _clean_label(title.get_text(" ")) if title is not None else ""
        if not label:
            classes = _attr_text(box.parent, "class") if box.parent is not None else ""
            label = next((text for css, text in _ICON_LABELS if css in classes), "")
        value_lines = _lines(value)
        if not value_lines:
            # The first, empty tile carries the institution's name as its title.
            if name is None and label:
                name = label
            continue
        if label:
            pairs.append(_Pair(label, "\n".join(value_lines), value))
            lines += [label, *value_lines]
    return _Block("tiles", tuple(pairs), heading=name, lines=tuple(lines))


def _block_table(soup: BeautifulSoup) -> _Block:
    pairs: list[_Pair] = []
    lines: list[str] = []
    for row in soup.find_all("tr"):
        cells = row.find_all(["th", "td"], recursive=False)
        if len(cells) != 2:
            continue
        label = _clean_label(cells[0].get_text(" "))
        if not label or len(label) > 60:
            continue  # a layout table, not a label column
        value_lines = _lines(cells[1])
        pairs.append(_Pair(label, "\n".join(value_lines), cells[1]))
        lines += [label, *value_lines]
    return _Block("table", tuple(pairs), lines=tuple(lines))


def _block_dl(soup: BeautifulSoup) -> _Block:
    pairs: list[_Pair] = []
    lines: list[str] = []
    for term in soup.find_all("dt"):
        definition = term.find_next_sibling()
        if definition is None or definition.name != "dd":
            continue
        label = _clean_label(term.get_text(" "))
        value_lines = _lines(definition)
        pairs.append(_Pair(label, "\n".join(value_lines), definition))
        lines += [label, *value_lines]
    return _Block("dl", tuple(pairs), lines=tuple(lines))


# "Tel.: 94 31 84 215", also "tel./fax. - (71) 38-42-041" (samorzady.pl footers).
_LINE_LABEL = re.compile(r"^([^\W\d][^:]{0,40}?)\s*(?::|\s[-–]\s)\s*(.*)$")


def _content_root(soup: BeautifulSoup) -> Tag:
    for selector in ("#Content", "#content", "main", "article", ".content", "#tresc", "body"):
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return found
    return soup


def _block_lines(soup: BeautifulSoup) -> _Block:
    """Plain "Label: value" lines (SmodBIP and hand-written BIP pages)."""
    lines = _lines(_content_root(soup))
    pairs: list[_Pair] = []
    used: set[int] = set()
    for index, line in enumerate(lines):
        if index in used:
            continue
        match = _LINE_LABEL.match(line)
        if not match or _label_field(match.group(1)) is None:
            continue
        value = match.group(2).strip()
        if not value and index + 1 < len(lines):
            following = lines[index + 1]
            next_match = _LINE_LABEL.match(following)
            if not (next_match and _label_field(next_match.group(1))):
                value = following
                used.add(index + 1)
        if value:
            pairs.append(_Pair(_clean_label(match.group(1)), value))
    return _Block("lines", tuple(pairs), lines=tuple(lines))


def _core_count(block: _Block) -> int:
    return len({_label_field(pair.label) for pair in block.pairs} & _CORE)


def _best_block(soup: BeautifulSoup) -> _Block | None:
    structured = [_block_labelled(soup), _block_tiles(soup), _block_table(soup), _block_dl(soup)]
    best = max(structured, key=_core_count)
    if _core_count(best) >= 2:
        return best
    # Free text matches "Adres:" and "Tel.:" by accident more often than a template does.
    lines = _block_lines(soup)
    return lines if _core_count(lines) >= 3 else None


# --- mapping pairs to fields ----------------------------------------------------------------


@dataclass(slots=True)
class _Fields:
    """Mutable accumulator while one page is mapped; frozen into ParsedInstitution at the end."""

    values: dict[str, str] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)  # numbers labelled only as a fax
    # phones and e-mails printed under a person ("Dyrektor: Anna Nowak, tel., e-mail"),
    # with the words of that person's entry
    person_phones: list[str] = field(default_factory=list)
    person_emails: list[tuple[str, str]] = field(default_factory=list)

    def set_once(self, name: str, value: str | None) -> bool:
        value = normalise_space(value or "")
        if not value or name in self.values:
            return False
        self.values[name] = value
        return True

    def add(self, target: list[str], values: Iterable[str]) -> None:
        for value in values:
            value = normalise_space(value)
            if value and value not in target:
                target.append(value)


def _icon_items(node: Tag) -> Iterator[tuple[str, Tag]]:
    """The `<p><img src=".../kontakt_phone.gif"> 76 746 15 70</p>` items of an idcom block."""
    for image in node.find_all("img"):
        match = re.search(r"kontakt_(phone|fax|mail|www|gsm|mobile)", _attr_text(image, "src"))
        if match and image.parent is not None:
            yield match.group(1), image.parent


def _phones_in(text: str) -> list[str]:
    found = find_phones(text)
    if not found and sum(ch.isdigit() for ch in text) >= 7 and not find_emails(text):
        return [text]  # keep the cell so the normaliser can reject it visibly
    return found


def _take_contact(fields: _Fields, pair: _Pair) -> None:
    items = list(_icon_items(pair.node)) if pair.node is not None else []
    if items:
        for kind, item in items:
            text = "\n".join(_lines(item))
            if kind in ("phone", "gsm", "mobile"):
                fields.add(fields.phones, _phones_in(text))
            elif kind == "fax":
                fields.add(fields.faxes, find_phones(text))
            elif kind == "mail":
                fields.add(fields.emails, find_emails(item))
            else:
                fields.add(fields.websites, find_websites(item) or [text])
        return
    source: str | Tag = pair.node if pair.node is not None else pair.text
    fields.add(fields.emails, find_emails(source))
    fields.add(fields.websites, find_websites(source))
    fields.add(fields.phones, find_phones(pair.text))


def _owner_value(pair: _Pair, finder: Callable[[str], list[str]], name_hint: str) -> str | None:
    """One identifier from a cell that may list several ("Powiat: 564-… Starostwo: 564-…").

    The entry whose sub-label shares the longest stem with the page owner's head noun wins
    (Starostwo/Urzędu for the office, not Powiat/Gminy); otherwise the first.
    """
    text = pair.text
    entries = re.findall(r"([^\W\d][\w ]{1,30}?)\s*[:\-–]\s*\n?\s*(\d[\d \-]{6,}\d)", text)
    if len(entries) < 2:
        found = finder(f"{pair.label}: {text}")
        if found:
            return found[0]
        digits = re.search(r"\d[\d \-]{6,}\d", text)
        return digits.group(0) if digits else None
    head = fold_key(name_hint).split()[:1]

    def shared(entry: tuple[str, str]) -> int:
        if not head:
            return 0
        label, word = fold_key(entry[0]), head[0]
        length = 0
        while length < min(len(label), len(word)) and label[length] == word[length]:
            length += 1
        return length if length >= 3 else 0

    return str(max(entries, key=shared)[1]).strip()


def _last_nine(phone: str) -> str:
    return re.sub(r"\D", "", phone)[-9:]


def _icon_numbers(node: Tag, kinds: tuple[str, ...]) -> set[str]:
    """The numbers a template marks with one of these icons (as their last nine digits): a
    footer's text loses the fax icon that tells "95 768 2211" is no phone."""
    return {
        _last_nine(phone)
        for kind, item in _icon_items(node)
        if kind in kinds
        for phone in find_phones(item.get_text(" "))
    }


def _take_person_contacts(fields: _Fields, pair: _Pair) -> None:
    """The icon-marked phones and e-mails of an entry the labels do not map ("Dyrektor:
    Dorota Młodecka" with a phone and a mailbox): kept apart, see `_owner_lines`."""
    if pair.node is None:
        return
    for kind, item in _icon_items(pair.node):
        if kind in ("phone", "gsm", "mobile"):
            fields.add(fields.person_phones, find_phones("\n".join(_lines(item))))
        elif kind == "mail":
            fields.person_emails += [(email, pair.text) for email in find_emails(item)]


def _names_the_site(local: str, url: str) -> bool:
    """An e-mail's local part naming the site ("spdebice29" at bip.spdebice.pl,
    "sp_smogory" at bip.szkolasmogory.com.pl): schools and small offices often use a free
    mailbox."""
    labels = (urlsplit(url).hostname or "").lower().split(".")
    words = [word for word in re.split(r"[^a-z]+", local.lower()) if len(word) >= 5]
    return any(word in label for word in words for label in labels)


def _owner_lines(fields: _Fields, url: str) -> None:
    """What of a person's entry is the owner's: a number the block also gives as the owner's
    fax is the office's tel./fax line, and a mailbox on the site's own domain or naming the
    site that does not carry the person's name ("kotla@gopskotla.pl", "spdebice29@wp.pl"
    under the director) is the office's."""
    faxes = {_last_nine(fax) for fax in fields.faxes}
    fields.add(fields.phones, [p for p in fields.person_phones if _last_nine(p) in faxes])
    if fields.emails:
        return
    domain = _site_domain(url)
    for email, entry in fields.person_emails:
        local = email.split("@", 1)[0]
        person = entry.strip().split("\n")[0]  # "Dorota Młodecka", then her contacts
        names = [word for word in fold_key(person).split() if len(word) > 2]
        if any(name in fold_key(local) for name in names):
            continue
        if _email_domain_matches(email, domain) or _names_the_site(local, url):
            fields.add(fields.emails, [email])


def _take_address(fields: _Fields, text: str) -> None:
    """An "Adres" value: tiles put "street" and "postal locality" on separate lines; a single
    line may hold the whole "ul. X 1, 00-000 Y" address."""
    lines = [line for line in text.split("\n") if line]
    street_lines: list[str] = []
    for line in lines:
        postal = re.match(r"^(\d{2}\s*[-–]\s*\d{3})\s+(.+)$", line)
        if postal:
            fields.set_once("postal", postal.group(1))
            fields.set_once("locality_from_address", postal.group(2))
        else:
            street_lines.append(line)
    if len(street_lines) == len(lines):
        address = find_address(text)
        if address is not None:
            fields.set_once("street", address[0])
            fields.set_once("postal", address[1])
            fields.set_once("locality_from_address", address[2])
            return
    if street_lines:
        fields.set_once("street", ", ".join(street_lines))


def _take_location(fields: _Fields, text: str) -> None:
    for line in text.split("\n"):
        match = re.match(r"(?i)^(woj|pow|gm|gmina|powiat)\.?\s+(.+)$", line)
        if match:
            key = {"woj": "voivodeship", "pow": "powiat", "powiat": "powiat"}.get(
                match.group(1).lower(), "gmina"
            )
            fields.set_once(key, match.group(2))
        elif line:
            fields.set_once("gmina", line)


def _map_pairs(block: _Block, name_hint: str) -> _Fields:
    fields = _Fields()
    for pair in block.pairs:
        kind = _label_field(pair.label)
        text = pair.text
        if kind is None or not text:
            if text:
                fields.extra.append((pair.label, normalise_space(text)))
                _take_person_contacts(fields, pair)
            continue
        taken = True
        if kind == "address":
            _take_address(fields, text)
        elif kind == "location":
            _take_location(fields, text)
        elif kind == "postal":
            taken = fields.set_once("postal", (find_postal_codes(text) or [text])[0])
        elif kind == "phone":
            fields.add(fields.phones, _phones_in(text))
        elif kind == "fax":
            fields.add(fields.faxes, find_phones(text))
        elif kind == "email":
            fields.add(fields.emails, find_emails(pair.node if pair.node is not None else text))
        elif kind == "website":
            found = find_websites(pair.node) if pair.node is not None else find_websites(text)
            fields.add(fields.websites, found or [text.split("\n")[0]])
        elif kind == "contact":
            _take_contact(fields, pair)
        elif kind in ("nip", "regon", "krs"):
            finders = {"nip": find_nip, "regon": find_regon, "krs": find_krs}
            taken = fields.set_once(kind, _owner_value(pair, finders[kind], name_hint))
        elif kind in ("hours", "description"):
            taken = fields.set_once(kind, " | ".join(text.split("\n")))
        else:
            taken = fields.set_once(kind, text.split("\n")[0])
        if not taken:
            fields.extra.append((pair.label, normalise_space(text)))
    return fields


# --- names ----------------------------------------------------------------------------------


def _name_score(text: str) -> int:
    words = fold_key(text).split()
    nouns = sum(word in _NAME_NOUNS for word in words)
    acronyms = sum(word in _NAME_ACRONYMS for word in words)
    score = 2 * nouns + acronyms
    if score and " w " in f" {fold_key(text)} ":
        score += 1
    return score


def _clean_name(text: str) -> str:
    text = normalise_space(text)
    previous = None
    while previous != text:
        previous = text
        text = _TITLE_NOISE.sub("", text).strip(" -–|:,.")
    text = _ADDRESS_START.sub("", text)
    return text.strip(" -–|:,")


# "Portal Orzeczeń Sądu Rejonowego w Brzozowie", "Serwis internetowy Urzędu Gminy X": what
# the site is, then its owner in the genitive. The owner, in the nominative, is the name.
_SITE_OF_OWNER = re.compile(
    r"(?i)^(?:portal(?:\s+orzecze[nń])?|serwis(?:\s+internetowy)?|strona\s+internetowa|"
    r"witryna(?:\s+internetowa)?)\s+(?P<owner>[A-ZĄĆĘŁŃÓŚŹŻ].+)$"
)


def _owner_of_site(part: str) -> str:
    match = _SITE_OF_OWNER.match(part)
    if match is None:
        return part
    owner = nominative(match.group("owner"))
    return owner if _name_score(owner) > 0 else part


def _title_parts(texts: Iterable[str]) -> list[str]:
    parts: list[str] = []
    for text in texts:
        for part in _TITLE_SPLIT.split(join_compound_adjectives(normalise_space(text))):
            cleaned = _owner_of_site(_clean_name(part))
            if cleaned and fold_key(cleaned) not in _GENERIC and cleaned not in parts:
                parts.append(cleaned)
    return parts


def _best_name(candidates: list[str], require_score: bool) -> str | None:
    scored = [(_name_score(name), index, name) for index, name in enumerate(candidates)]
    plausible = [item for item in scored if item[0] > 0]
    if plausible:
        return max(plausible, key=lambda item: (item[0], -item[1]))[2]
    if require_score or not candidates:
        return None
    return candidates[0]


def _title_texts(soup: BeautifulSoup) -> list[str]:
    texts: list[str] = []
    site_name = soup.find("meta", attrs={"property": "og:site_name"})
    if isinstance(site_name, Tag):
        texts.append(_attr_text(site_name, "content"))
    if soup.title is not None:
        texts.append(soup.title.get_text(" "))
    heading = soup.find("h1")
    if isinstance(heading, Tag):
        texts.append(heading.get_text(" "))
    return [text for text in texts if normalise_space(text)]


def _about_an_institution(document: Document) -> bool:
    """False for a shop, a vet, a parked domain: their contact blocks look like ours, and a
    record from them would only pollute the directory. The reason goes to the log."""
    detection = detect_page(document)
    if not detection.is_institution:
        log.info(
            "%s: not a public institution's page, no record: %s",
            document.url,
            "; ".join(detection.reasons),
        )
    return detection.is_institution


# --- parse_bip_dane -------------------------------------------------------------------------


def _fields_to_record(fields: _Fields, name: str) -> ParsedInstitution:
    values = fields.values
    locality = values.get("locality") or values.get("locality_from_address")
    locality = locality or values.get("post_office")
    return ParsedInstitution(
        name_raw=name,
        role="subject",
        type_raw=values.get("type"),
        street_raw=values.get("street"),
        postal_code_raw=values.get("postal"),
        locality_raw=locality,
        gmina_raw=values.get("gmina"),
        powiat_raw=values.get("powiat"),
        voivodeship_raw=values.get("voivodeship"),
        phones_raw=tuple(fields.phones),
        emails_raw=tuple(fields.emails),
        websites_raw=tuple(fields.websites),
        nip_raw=values.get("nip"),
        regon_raw=values.get("regon"),
        krs_raw=values.get("krs"),
        rspo_raw=values.get("rspo"),
        opening_hours_raw=values.get("hours"),
        description_raw=values.get("description"),
        extra=tuple(fields.extra),
    )


def parse_bip_dane(document: Document) -> list[ParsedInstitution]:
    """The institution described by a BIP "Dane teleadresowe" page (one subject record); none
    when the page turns out to be a business's (see `extractors.detect`).

    Raises ExtractionError when the page has no label/value block this parser recognises.
    """
    soup = _soup(document)
    _drop_noise(soup)
    block = _best_block(soup)
    if block is None:
        raise ExtractionError(
            f"{document.url}: no BIP 'Dane teleadresowe' block (no label/value pairs with "
            "at least two of name, address, postal code, phone, e-mail, NIP, REGON)"
        )
    title_name = _best_name(_title_parts(_title_texts(soup)), require_score=False)
    named = next((p.text for p in block.pairs if _label_field(p.label) == "name" and p.text), "")
    fields = _map_pairs(block, named or block.heading or title_name or "")
    _owner_lines(fields, document.final_url or document.url)
    if block.variant == "lines" and (
        "street" not in fields.values or "postal" not in fields.values
    ):
        # SmodBIP and hand-made pages put the address in unlabelled lines. Templates with
        # labels do not, and their other lines name other bodies (the school's gmina).
        address = find_address("\n".join(block.lines))
        if address is not None:
            fields.set_once("street", address[0])
            fields.set_once("postal", address[1])
            fields.set_once("locality_from_address", address[2])
    if not _about_an_institution(document):
        return []
    name = _bip_name(fields, block, title_name)
    if not name:
        raise ExtractionError(f"{document.url}: BIP data block found but no institution name")
    for label, _ in fields.extra:
        log.info("%s: unmapped BIP label %r kept in extra", document.url, label)
    return [_fields_to_record(fields, name)]


def _bip_name(fields: _Fields, block: _Block, title_name: str | None) -> str | None:
    named = fields.values.get("name")
    if named:
        # "Miejsko-Gminny Ośrodek Pomocy Społecznej" in the field, the same plus "w Białej
        # Rawskiej" in the title: the longer one is the same name, only complete.
        if title_name and fold_key(title_name).startswith(fold_key(named)):
            return title_name
        return named
    heading = block.heading
    if heading and fold_key(heading) not in _VOIVODESHIPS | _GENERIC:
        return normalise_space(heading)
    first_lines = [line for line in block.lines[:6] if _LINE_LABEL.match(line) is None]
    line_name = _best_name([_clean_name(line) for line in first_lines], require_score=True)
    if line_name and (not title_name or _name_score(line_name) >= _name_score(title_name)):
        return line_name
    return title_name


# --- parse_contact_page ---------------------------------------------------------------------

_ORG_TYPES = re.compile(
    r"(?i)organization|organisation|governmentoffice|localbusiness|school|hospital|library|"
    r"medical|ngo|corporation|clinic|police|courthouse|cityhall|educational|preschool|"
    r"publicservice|civicstructure|place"
)


@dataclass(frozen=True, slots=True)
class _SchemaOrg:
    name: str | None = None
    street: str | None = None
    postal: str | None = None
    locality: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _json_ld_nodes(soup: BeautifulSoup) -> Iterator[dict[str, Any]]:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(_as_list(item["@graph"]))
                yield item


def _schema_from_json_ld(soup: BeautifulSoup) -> _SchemaOrg | None:
    for node in _json_ld_nodes(soup):
        types = " ".join(str(t) for t in _as_list(node.get("@type", "")))
        if not _ORG_TYPES.search(types) or not isinstance(node.get("name"), str):
            continue
        address = node.get("address")
        address = address[0] if isinstance(address, list) and address else address
        street = postal = locality = None
        if isinstance(address, dict):
            street = address.get("streetAddress")
            postal = address.get("postalCode")
            locality = address.get("addressLocality")
        elif isinstance(address, str):
            found = find_address(address)
            if found is not None:
                street, postal, locality = found
        return _SchemaOrg(
            name=node["name"],
            street=str(street) if street else None,
            postal=str(postal) if postal else None,
            locality=str(locality) if locality else None,
            phones=tuple(str(p) for p in _as_list(node.get("telephone")) if p),
            emails=tuple(str(e) for e in _as_list(node.get("email")) if e),
            websites=tuple(str(u) for u in _as_list(node.get("url")) if u),
        )
    return None


def _schema_from_microdata(soup: BeautifulSoup) -> _SchemaOrg | None:
    for scope in soup.find_all(True, attrs={"itemscope": True, "itemtype": True}):
        if not _ORG_TYPES.search(_attr_text(scope, "itemtype")):
            continue

        def prop(name: str, scope: Tag = scope) -> list[str]:
            values = []
            for tag in scope.find_all(True, attrs={"itemprop": name}):
                value = _attr_text(tag, "content") or _attr_text(tag, "href")
                values.append(normalise_space(value or tag.get_text(" ")))
            return [value for value in values if value]

        names = prop("name")
        if not names:
            continue
        return _SchemaOrg(
            name=names[0],
            street=next(iter(prop("streetAddress")), None),
            postal=next(iter(prop("postalCode")), None),
            locality=next(iter(prop("addressLocality")), None),
            phones=tuple(prop("telephone")),
            emails=tuple(prop("email")),
            websites=tuple(prop("url")),
        )
    return None


_CONTACT_ATTR = re.compile(r"(?i)foot|stopka|kontakt|contact|adres|address|vcard|dane-?kont")
_CONTACT_HEADINGS = {
    "kontakt",
    "dane kontaktowe",
    "dane teleadresowe",
    "adres",
    "kontakt z nami",
    "skontaktuj sie z nami",
    "jak do nas trafic",
    "adres i kontakt",
}


def _contact_blocks(soup: BeautifulSoup) -> list[Tag]:
    """Footer, `<address>`, elements named like contact blocks, and the section under a
    "Kontakt" heading; nested duplicates and page-sized wrappers left out."""
    found: list[Tag] = []
    for tag in soup.find_all(True):
        marker = f"{_attr_text(tag, 'id')} {_attr_text(tag, 'class')}"
        is_block = tag.name in ("footer", "address") or bool(_CONTACT_ATTR.search(marker))
        if not is_block and tag.name in ("h1", "h2", "h3", "h4", "h5", "strong", "b"):
            if fold_key(tag.get_text(" ")) in _CONTACT_HEADINGS and tag.parent is not None:
                tag = tag.parent
                is_block = True
        if not is_block or tag.name in ("body", "html", "a", "img", "input", "label", "span"):
            continue
        if len(tag.get_text(" ", strip=True)) > 2500:
            continue
        if any(tag is other or _inside(tag, other) for other in found):
            continue
        found = [other for other in found if not _inside(other, tag)]
        found.append(tag)
    return found


def _site_domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    # "gops.szemud.pl" and "www.gopsszemud.pl" differ; "bip.x.pl" and "x.pl" do not.
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


def _email_domain_matches(email: str, domain: str) -> bool:
    host = email.rsplit("@", 1)[-1].lower().rstrip(".>")
    return bool(domain) and (host == domain or host.endswith("." + domain))


# Labels that end a mail domain without naming anybody ("szpitalciechanow.com.pl").
_DOMAIN_SUFFIXES = frozenset({"pl", "com", "org", "net", "gov", "edu", "info", "eu", "biz"})


def _email_names_the_host(email: str, url: str) -> bool:
    """A mailbox on a domain that spells one label of the site's host: the hospital at
    szpitalciechanow.medicoland.pl writing from szpitalciechanow.com.pl, the GOPS at
    www.gopsszemud.pl from gops.szemud.pl."""
    labels = email.rsplit("@", 1)[-1].lower().rstrip(".>").split(".")
    while labels and labels[-1] in _DOMAIN_SUFFIXES:
        labels.pop()
    host_labels = set((urlsplit(url).hostname or "").lower().split(".")) - _DOMAIN_SUFFIXES
    return bool(labels) and ("".join(labels) in host_labels or labels[-1] in host_labels)


def _personal_email(email: str, text: str) -> bool:
    """ "anna.sliwinska@…" after "Koordynator programu: Anna Śliwińska": a person's mailbox,
    its local part made of the words of a name printed on the page."""
    words = fold_key(email.split("@", 1)[0]).split()  # "anna.sliwinska" -> anna, sliwinska
    if len(words) < 2 or any(len(w) < 3 or not w.isalpha() for w in words):
        return False
    pattern = r"\b" + r"\W+".join(map(re.escape, words)) + r"\b"
    # the name printed apart from the address itself ("poczta.sosw@…" names nobody)
    without_addresses = re.sub(r"\S+@\S+", " ", text)
    return re.search(pattern, fold_key(without_addresses)) is not None


def _name_before_address(lines: list[str], street: str) -> str | None:
    for index, line in enumerate(lines):
        if street in line or line in street:
            for previous in reversed(lines[max(0, index - 3) : index]):
                candidate = _clean_name(previous.rstrip(","))
                if _name_score(candidate) > 0:
                    return candidate
            return None
    return None


def parse_contact_page(document: Document) -> list[ParsedInstitution]:
    """The page owner's name and contacts from any institution page (one subject record).

    A page that `extractors.detect` finds is not about a public institution (a shop, a vet, a
    parked domain) yields no record. Raises ExtractionError when no plausible institution name is found: the page may belong
    to a business or be an error page, and a record without a name helps no one.
    """
    soup = _soup(document)
    if not _about_an_institution(document):
        return []
    schema = _schema_from_json_ld(soup) or _schema_from_microdata(soup) or _SchemaOrg()
    domain = _site_domain(document.final_url or document.url)
    # Menus are noise for text, but a "napisz do nas" mailto in the top bar is the owner's.
    site = document.final_url or document.url
    own_emails = [
        e for e in find_emails(soup)
        if _email_domain_matches(e, domain) or _email_names_the_host(e, site)
    ]  # fmt: skip
    all_text = soup.get_text(" ")
    _drop_noise(soup)
    blocks = _contact_blocks(soup)
    block_lines = [line for block in blocks for line in _lines(block)]
    block_text = "\n".join(block_lines)
    titles = _title_texts(soup)
    description = soup.find("meta", attrs={"name": "description"})
    head_text = "\n".join(titles[:2])
    if isinstance(description, Tag):
        head_text += "\n" + _attr_text(description, "content")
    body = soup.body if soup.body is not None else soup
    page_lines = _lines(body)
    page_text = "\n".join(page_lines)

    fields = _Fields()
    fields.set_once("street", schema.street)
    fields.set_once("postal", schema.postal)
    fields.set_once("locality_from_address", schema.locality)
    fields.add(fields.phones, schema.phones)
    fields.add(fields.emails, schema.emails)
    fields.add(fields.websites, schema.websites)

    # In running text an address or a NIP/REGON may be another institution's: the hospital
    # a powiat chose for a programme, the firm that runs the site.
    owners = [n for n in (schema.name, *_title_parts(titles)) if n and _name_score(n) > 0]
    own_page_lines = [
        line for index, line in enumerate(page_lines)
        if not _foreign_line(page_lines, index, owners)
    ]  # fmt: skip
    own_page_text = "\n".join(own_page_lines)

    address_in_block = False
    for text in (block_text, head_text, page_text):
        if "street" in fields.values:
            break
        for address in find_addresses(text):
            if text is page_text and _foreign_address(page_lines, address[0], owners):
                log.info("%s: address %r is another institution's", document.url, address[0])
                continue
            fields.set_once("street", address[0])
            fields.set_once("postal", address[1])
            fields.set_once("locality_from_address", address[2])
            address_in_block = text is block_text
            break
    if not fields.phones:
        fields.add(fields.phones, find_phones(block_text) or find_phones(head_text))
    if not fields.emails:
        fields.add(fields.emails, [e for block in blocks for e in find_emails(block)])
    near_address = _text_after(page_text, fields.values.get("street"))
    if not fields.phones:
        fields.add(fields.phones, find_phones(near_address))
    if not fields.emails:
        fields.add(fields.emails, find_emails(near_address))
    if not fields.emails:
        # Outside the contact block an address is the owner's only on the owner's domain.
        fields.add(fields.emails, own_emails)
    labelled = _labelled_contact_line(page_lines)
    if not fields.phones and labelled:
        fields.add(fields.phones, find_phones(labelled))
    # people's mailboxes ("Koordynator programu: Anna Śliwińska", anna.sliwinska@…) are not
    # the owner's
    fields.emails[:] = [email for email in fields.emails if not _personal_email(email, all_text)]
    faxes = _icon_numbers(soup, ("fax",)) - _icon_numbers(soup, ("phone", "gsm", "mobile"))
    fields.phones[:] = [phone for phone in fields.phones if _last_nine(phone) not in faxes]
    if not fields.emails and labelled:
        fields.add(fields.emails, find_emails(labelled))
    fields.set_once("nip", next(iter(find_nip(block_text) + find_nip(own_page_text)), None))
    fields.set_once("regon", next(iter(find_regon(block_text) + find_regon(own_page_text)), None))
    fields.set_once("krs", next(iter(find_krs(block_text) + find_krs(own_page_text)), None))

    name = schema.name
    if not name and address_in_block:
        # Only inside a contact block: in running text the line before an address is as
        # likely to name a partner or the site's operator as the owner.
        name = _name_before_address(block_lines, fields.values["street"])
    if not name:
        name = _best_name(_title_parts(titles), require_score=True)
    if not name:
        raise ExtractionError(
            f"{document.url}: no plausible institution name in schema.org data, the contact "
            f"block or the title {titles[:1]!r}"
        )
    # The same name with its place elsewhere on the page: in the title, in the contact
    # block, or on the lines just above the address.
    completions = [*_title_parts(titles), *(_clean_name(line) for line in block_lines)]
    completions += _lines_before(page_lines, fields.values.get("street"))
    name = completed_name(normalise_space(name), completions)
    return [_fields_to_record(fields, name)]


def _context_before(lines: list[str], index: int, end: int) -> str:
    """The words before position `end` of line `index`; the line above too when those
    words name nothing ("Fundacja X" / "ul. Y 1, 00-001 Z" on two lines)."""
    before = lines[index][:end]
    if index > 0 and not names_another_institution(before, ()):
        before = f"{lines[index - 1]} {before}"
    return before


def _foreign_address(lines: list[str], street: str, owners: list[str]) -> bool:
    if not owners:
        return False
    for index, line in enumerate(lines):
        if street in line:
            context = _context_before(lines, index, line.index(street))
            return names_another_institution(context, owners)
    return False


_IDENTIFIER = re.compile(r"(?i)\b(?:NIP|REGON|KRS)\b")


def _foreign_line(lines: list[str], index: int, owners: list[str]) -> bool:
    """A line whose NIP/REGON/KRS follows another institution's name."""
    line = lines[index]
    match = _IDENTIFIER.search(line)
    if match is None or not owners:
        return False
    end = match.start()
    for street, postal, _ in find_addresses(line):
        # "Zakładu …, ul. Wołyńska 11, 22-100 Chełm, REGON …": the name ends at the address
        starts = [p for p in (line.find(street), line.find(postal)) if 0 <= p < end]
        end = min([end, *starts])
    return names_another_institution(_context_before(lines, index, end), owners)


def _lines_before(lines: list[str], street: str | None, count: int = 3) -> list[str]:
    """The few lines above the line holding the owner's street, cleaned like names."""
    if not street:
        return []
    for index, line in enumerate(lines):
        if street in line:
            return [_clean_name(previous) for previous in lines[max(0, index - count) : index]]
    return []


_CONTACT_LINE = re.compile(r"(?i)^\W*(?:tel|telefon|tel\./fax)\b")


def _labelled_contact_line(lines: list[str]) -> str | None:
    """The first page line that starts with a phone label ("Telefon: (075) 64-50-160 |
    email: …"), a header strip many CMS templates show instead of a footer."""
    return next((line for line in lines if _CONTACT_LINE.match(line)), None)


def _text_after(text: str, street: str | None) -> str:
    """A few lines after the owner's address, where pages without a contact block put
    phones and e-mails."""
    if not street or street not in text:
        return ""
    start = text.index(street)
    return text[start : start + 300]
