"""Label blocks: the "Adres:", "Tel.:", "NIP:" pairs an institution's page gives about itself,
and their mapping to the record builder of `extractors.fields`.

BIP platforms render an institution's "Dane teleadresowe" in a few templates, each read by one
`_block_*` function: idcom/bipstrona/biposwiata `<span class="label">`/`<label>` rows, their
responsive "tiles" variant, two-column tables, `<dl>` lists, and plain "Label: value" lines
(SmodBIP and hand-written pages). `best_block` keeps the template that yields the most core
labels. `map_pairs` maps each pair through `extractors.labels.match_page_label`: every label it
understands is used once, the rest goes to `extra` (and a person's icon-marked phone or mailbox
is set aside for `owner_contacts.owner_lines` to judge).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from extractors.contacts import (
    find_address,
    find_emails,
    find_krs,
    find_nip,
    find_numbers,
    find_phone_entries,
    find_phones,
    find_postal_codes,
    find_regon,
    find_websites,
)
from extractors.fields import add_unique
from extractors.html_pages.dom import attr_text, text_lines
from extractors.html_pages.owner_contacts import PageFields, icon_items
from extractors.html_pages.owner_name import names_another_institution
from extractors.labels import PageLabel, match_page_label
from transforms.text import fold_key, normalise_space

# Fields that describe the data block itself; a block needs some of them to count as one.
_CORE: frozenset[PageLabel] = frozenset(
    {"name", "street", "postal_code", "locality", "phones", "emails", "nip", "regon", "contact"}
)


@dataclass(frozen=True, slots=True)
class Pair:
    """One "Label: value" of a block."""

    label: str
    text: str  # value lines joined with "\n"
    node: Tag | None = None  # the value's element when the block is HTML


@dataclass(frozen=True, slots=True)
class Block:
    """The label/value pairs of one template found on a page."""

    variant: str  # labelled | tiles | table | dl | lines
    pairs: tuple[Pair, ...]
    heading: str | None = None  # a name-like heading inside the block (tiles variant)
    lines: tuple[str, ...] = ()  # the whole block's text, for unlabelled addresses


def _clean_label(text: str) -> str:
    return normalise_space(text).rstrip(":").strip()


def _block_labelled(soup: BeautifulSoup) -> Block:
    """idcom classic: `<div><span class="label">Adres:</span>value</div>` or `<label>`."""
    pairs: list[Pair] = []
    lines: list[str] = []
    for label in soup.select("span.label, label"):
        raw_label = normalise_space(label.get_text(" "))
        if not raw_label.endswith(":") or label.parent is None:
            continue
        container = label.parent
        value_lines = text_lines(container, skip=label)
        pairs.append(Pair(_clean_label(raw_label), "\n".join(value_lines), container))
        lines += [raw_label, *value_lines]
    return Block("labelled", tuple(pairs), lines=tuple(lines))


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


def _block_tiles(soup: BeautifulSoup) -> Block:
    """idcom responsive: `div.contener > h3 + div.dF` tiles after "Dane teleadresowe"."""
    heading = _data_heading(soup)
    scope: Tag | None = heading.find_next_sibling("div") if heading is not None else None
    if scope is None:
        return Block("tiles", ())
    pairs: list[Pair] = []
    lines: list[str] = []
    name: str | None = None
    for box in scope.select("div.contener"):
        title = box.find("h3")
        value = box.find("div", class_="dF")
        if value is None or (title is not None and title.find("a") is not None):
            continue
        label = _clean_label(title.get_text(" ")) if title is not None else ""
        if not label:
            classes = attr_text(box.parent, "class") if box.parent is not None else ""
            label = next((text for css, text in _ICON_LABELS if css in classes), "")
        value_lines = text_lines(value)
        if not value_lines:
            # The first, empty tile carries the institution's name as its title.
            if name is None and label:
                name = label
            continue
        if label:
            pairs.append(Pair(label, "\n".join(value_lines), value))
            lines += [label, *value_lines]
    return Block("tiles", tuple(pairs), heading=name, lines=tuple(lines))


def _block_table(soup: BeautifulSoup) -> Block:
    pairs: list[Pair] = []
    lines: list[str] = []
    for row in soup.find_all("tr"):
        cells = row.find_all(["th", "td"], recursive=False)
        if len(cells) != 2:
            continue
        label = _clean_label(cells[0].get_text(" "))
        if not label or len(label) > 60:
            continue  # a layout table, not a label column
        value_lines = text_lines(cells[1])
        pairs.append(Pair(label, "\n".join(value_lines), cells[1]))
        lines += [label, *value_lines]
    return Block("table", tuple(pairs), lines=tuple(lines))


def _block_dl(soup: BeautifulSoup) -> Block:
    pairs: list[Pair] = []
    lines: list[str] = []
    for term in soup.find_all("dt"):
        definition = term.find_next_sibling()
        if definition is None or definition.name != "dd":
            continue
        label = _clean_label(term.get_text(" "))
        value_lines = text_lines(definition)
        pairs.append(Pair(label, "\n".join(value_lines), definition))
        lines += [label, *value_lines]
    return Block("dl", tuple(pairs), lines=tuple(lines))


# "Tel.: 94 31 84 215", also "tel./fax. - (71) 38-42-041" (samorzady.pl footers).
LINE_LABEL = re.compile(r"^([^\W\d][^:]{0,40}?)\s*(?::|\s[-–]\s)\s*(.*)$")


def _content_root(soup: BeautifulSoup) -> Tag:
    for selector in ("#Content", "#content", "main", "article", ".content", "#tresc", "body"):
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return found
    return soup


def _block_lines(soup: BeautifulSoup) -> Block:
    """Plain "Label: value" lines (SmodBIP and hand-written BIP pages)."""
    lines = text_lines(_content_root(soup))
    pairs: list[Pair] = []
    used: set[int] = set()
    for index, line in enumerate(lines):
        if index in used:
            continue
        match = LINE_LABEL.match(line)
        if not match or match_page_label(match.group(1)) is None:
            continue
        value = match.group(2).strip()
        if not value and index + 1 < len(lines):
            following = lines[index + 1]
            next_match = LINE_LABEL.match(following)
            if not (next_match and match_page_label(next_match.group(1))):
                value = following
                used.add(index + 1)
        if value:
            pairs.append(Pair(_clean_label(match.group(1)), value))
    return Block("lines", tuple(pairs), lines=tuple(lines))


def _core_count(block: Block) -> int:
    return len({match_page_label(pair.label) for pair in block.pairs} & _CORE)


def best_block(soup: BeautifulSoup) -> Block | None:
    """The template block with the most core labels (at least two), else plain "Label:" lines
    with at least three; None when the page has no data block."""
    structured = [_block_labelled(soup), _block_tiles(soup), _block_table(soup), _block_dl(soup)]
    best = max(structured, key=_core_count)
    if _core_count(best) >= 2:
        return best
    # Free text matches "Adres:" and "Tel.:" by accident more often than a template does.
    lines = _block_lines(soup)
    return lines if _core_count(lines) >= 3 else None


def _phones_in(text: str) -> list[str]:
    found = find_phones(text)
    if not found and sum(ch.isdigit() for ch in text) >= 7 and not find_emails(text):
        return [text]  # keep the cell so the normaliser can reject it visibly
    return found


def _labelled(label: str, number: str) -> str:
    """A `phones_raw` entry: the block's label and the number as written ("Telefon/fax:
    41 …"); a number already labelled in its cell keeps its own words after the label."""
    return f"{label}: {number}" if label else number


def _take_contact(fields: PageFields, pair: Pair) -> None:
    items = list(icon_items(pair.node)) if pair.node is not None else []
    if items:
        for kind, item in items:
            text = "\n".join(text_lines(item))
            if kind in ("phone", "gsm", "mobile"):
                fields.add_phones(_phones_in(text))
            elif kind == "fax":
                fields.add_faxes(find_numbers(text))
            elif kind == "mail":
                fields.add_emails(find_emails(item))
            else:
                fields.add_websites(find_websites(item) or [text])
        return
    source: str | Tag = pair.node if pair.node is not None else pair.text
    fields.add_emails(find_emails(source))
    fields.add_websites(find_websites(source))
    fields.add_phones(find_phones(pair.text))


def _owner_value(pair: Pair, finder: Callable[[str], list[str]], name_hint: str) -> str | None:
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


def _take_person_contacts(fields: PageFields, pair: Pair) -> None:
    """The icon-marked phones and e-mails of an entry the labels do not map ("Dyrektor:
    Dorota Młodecka" with a phone and a mailbox): kept apart, see `owner_lines`. A fax is no
    person's own line: the fax of an entry that gives no address (a person's, not another
    body's such as the school's "organ prowadzący") is the office's, typed as a fax."""
    if pair.node is None:
        return
    for kind, item in icon_items(pair.node):
        if kind in ("phone", "gsm", "mobile"):
            add_unique(fields.person_phones, find_phones("\n".join(text_lines(item))))
        elif kind == "fax" and not find_postal_codes(pair.text):
            fields.add_faxes(find_numbers("\n".join(text_lines(item))))
        elif kind == "mail":
            fields.person_emails += [(email, pair.text) for email in find_emails(item)]


def _take_address(fields: PageFields, text: str) -> None:
    """An "Adres" value: tiles put "street" and "postal locality" on separate lines; a single
    line may hold the whole "ul. X 1, 00-000 Y" address."""
    lines = [line for line in text.split("\n") if line]
    street_lines: list[str] = []
    for line in lines:
        postal = re.match(r"^(\d{2}\s*[-–]\s*\d{3})\s+(.+)$", line)
        if postal:
            fields.set_once("postal_code", postal.group(1))
            fields.set_once("locality_from_address", postal.group(2))
        else:
            street_lines.append(line)
    if len(street_lines) == len(lines):
        address = find_address(text)
        if address is not None:
            fields.set_once("street", address[0])
            fields.set_once("postal_code", address[1])
            fields.set_once("locality_from_address", address[2])
            return
    if street_lines:
        fields.set_once("street", ", ".join(street_lines))


def _take_location(fields: PageFields, text: str) -> None:
    for line in text.split("\n"):
        match = re.match(r"(?i)^(woj|pow|gm|gmina|powiat)\.?\s+(.+)$", line)
        if match:
            key = {"woj": "voivodeship", "pow": "powiat", "powiat": "powiat"}.get(
                match.group(1).lower(), "gmina"
            )
            fields.set_once(key, match.group(2))
        elif line:
            fields.set_once("gmina", line)


def _owners_numbers(text: str, name_hint: str) -> str:
    """The lines of a phone or fax cell that are the owner's: not a line whose number follows
    another institution's name ("Faks" / "Gminny Ośrodek Pomocy Społecznej - (48 46) 874 71
    30" in a gmina's data block is the GOPS's line)."""
    if not name_hint:
        return text
    kept = []
    for line in text.split("\n"):
        digit = re.search(r"[(+\d]", line)
        before = line[: digit.start()] if digit else ""
        if before.strip(" -–:") and names_another_institution(before.strip(" -–:"), [name_hint]):
            continue
        kept.append(line)
    return "\n".join(kept)


def map_pairs(block: Block, name_hint: str) -> PageFields:
    """The record fields a block's pairs give; `name_hint` is the owner's name as far as it is
    known, to pick the owner's identifier where a cell lists several."""
    fields = PageFields()
    for pair in block.pairs:
        kind = match_page_label(pair.label)
        text = pair.text
        if kind is None or not text:
            if text:
                fields.extra.append((pair.label, normalise_space(text)))
                _take_person_contacts(fields, pair)
            continue
        taken = True
        if kind == "street":
            _take_address(fields, text)
        elif kind == "location":
            _take_location(fields, text)
        elif kind == "postal_code":
            taken = fields.set_once("postal_code", (find_postal_codes(text) or [text])[0])
        elif kind == "phones":
            # the label says what the number is ("Sekretariat", "Telefon/fax")
            own = _owners_numbers(text, name_hint)
            fields.add_phones(_labelled(pair.label, number) for number in _phones_in(own))
            # "tel. 61 28 37 001, fax 61 28 29 321", "Sekretariat tel/fax - (48 46) 874 62 94"
            # in one cell: the office's faxes, typed as such
            fields.add_faxes([entry.number for entry in find_phone_entries(own) if entry.fax])
        elif kind == "fax":
            own = _owners_numbers(text, name_hint)
            fields.add_faxes(find_numbers(own))
        elif kind == "emails":
            fields.add_emails(find_emails(pair.node if pair.node is not None else text))
        elif kind == "websites":
            found = find_websites(pair.node) if pair.node is not None else find_websites(text)
            fields.add_websites(found or [text.split("\n")[0]])
        elif kind == "contact":
            _take_contact(fields, pair)
        elif kind in ("nip", "regon", "krs"):
            finders = {"nip": find_nip, "regon": find_regon, "krs": find_krs}
            taken = fields.set_once(kind, _owner_value(pair, finders[kind], name_hint))
        elif kind in ("opening_hours", "description"):
            taken = fields.set_once(kind, " | ".join(text.split("\n")))
        else:
            taken = fields.set_once(kind, text.split("\n")[0])
        if not taken:
            fields.extra.append((pair.label, normalise_space(text)))
    return fields
