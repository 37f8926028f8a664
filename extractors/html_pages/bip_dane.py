"""`parse_bip_dane`: the institution a BIP "Dane teleadresowe" page describes.

It parses destructively: the page's label block (`label_blocks`) is mapped label by label,
every label it understands once, the rest kept in `extra`; a page with no such block raises
`ExtractionError` instead of yielding a guess. The name comes from a "Nazwa:" label, the
block's heading, its first lines or the page title (`owner_name`).
"""

from __future__ import annotations

import logging
import re

from extractors.contacts import find_address
from extractors.context import ParseContext
from extractors.html_pages.dom import drop_noise, soup_of
from extractors.html_pages.label_blocks import LINE_LABEL, Block, best_block, map_pairs
from extractors.html_pages.owner_contacts import PageFields, owner_lines
from extractors.html_pages.owner_lines import add_named_owner_phones
from extractors.html_pages.owner_name import (
    GENERIC,
    VOIVODESHIPS,
    about_an_institution,
    best_name,
    clean_name,
    name_score,
    title_parts,
    title_texts,
    written_name,
)
from extractors.html_pages.page_text import page_text_of_html
from extractors.labels import match_page_label
from extractors.page_text import described
from extractors.records import Document, ExtractionError, ParsedInstitution
from transforms.text import fold_key, normalise_space

log = logging.getLogger(__name__)


def parse_bip_dane(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """The institution described by a BIP "Dane teleadresowe" page (one subject record); none
    when the page turns out to be a business's (see `extractors.detect`).

    Raises ExtractionError when the page has no label/value block this parser recognises.
    """
    soup = soup_of(document)
    drop_noise(soup)
    block = best_block(soup)
    if block is None:
        raise ExtractionError(
            f"{document.url}: no BIP 'Dane teleadresowe' block (no label/value pairs with "
            "at least two of name, address, postal code, phone, e-mail, NIP, REGON)"
        )
    titles = title_texts(soup)
    title_name = best_name(title_parts(titles), require_score=False)
    named = next(
        (p.text for p in block.pairs if match_page_label(p.label) == "name" and p.text), ""
    )
    fields = map_pairs(block, named or block.heading or title_name or "")
    owner_lines(fields, document.final_url or document.url)
    if block.variant == "lines" and (
        "street" not in fields.values or "postal_code" not in fields.values
    ):
        # SmodBIP and hand-made pages put the address in unlabelled lines. Templates with
        # labels do not, and their other lines name other bodies (the school's gmina).
        address = find_address("\n".join(block.lines))
        if address is not None:
            fields.set_once("street", address[0])
            fields.set_once("postal_code", address[1])
            fields.set_once("locality_from_address", address[2])
    if not about_an_institution(document):
        return []
    name = _bip_name(fields, block, title_name)
    if name:
        name = office_in_title(name, title_parts(titles)) or name
    if not name and context is not None and context.publisher:
        name = context.publisher  # the source declares whose page it is
    if not name:
        raise ExtractionError(f"{document.url}: BIP data block found but no institution name")
    name = written_name(name, titles)
    # the owner's numbers outside its data block: its departments' lines
    add_named_owner_phones(
        fields, page_text_of_html(soup, document.final_url or document.url), name
    )
    for label, _ in fields.extra:
        log.info("%s: unmapped BIP label %r kept in extra", document.url, label)
    # Kept with its line breaks (set_once would join them): the normalise stage reads it.
    if own_text := described(fields.values.get("description"), document):
        fields.values["description"] = own_text
    return [fields.to_record(name, "subject")]


# A gmina's BIP whose data block names the commune ("Gmina Dmosin", "Miasto i Gmina Gołańcz")
# while its title, heading or footer names the office that serves people ("Urząd Gminy
# Dmosin", "Urząd Miasta i Gminy Gołańcz", "Urząd Gminy w Gołuchowie").
_COMMUNE = re.compile(
    r"(?i)^(?:gmina(?:\s+i\s+miasto)?|miasto(?:\s+i\s+gmina)?)\s+(?P<place>[^\W\d_].*)$"
)
_OFFICE = re.compile(
    r"(?i)^urz[aą]d\s+(?:gminy(?:\s+i\s+miasta)?|miasta(?:\s+i\s+gminy)?|miejski)"
    r"(?:\s+(?P<preposition>w|we))?\s+(?P<place>[^\W\d_].*?)"
    r"(?:\s+biuletyn\s+informacji\s+publicznej)?$"
)


def office_in_title(name: str, parts: list[str]) -> str | None:
    """The office a gmina's page names in its title parts, when `name` (from the data block)
    is the commune of the same place: "Gmina Dmosin" with the title "Urzad Gminy Dmosin" ->
    "Urzad Gminy Dmosin". The blind annotators of the names check took the office wherever the
    page writes it (five pages) and the commune where the page names nothing else (two). A
    place after "w"/"we" is the commune's in the locative: each word only changes its ending."""
    commune = _COMMUNE.match(normalise_space(name))
    if commune is None:
        return None
    place = fold_key(commune.group("place")).split()
    for part in map(normalise_space, parts):
        office = _OFFICE.match(part)
        if office is None:
            continue
        words = fold_key(office.group("place")).split()
        if office.group("preposition") is None:
            same = words == place
        else:
            same = len(words) == len(place) and all(
                w.startswith(p[:-1]) and len(p) > 2 for w, p in zip(words, place, strict=True)
            )
        if same:
            return part[: office.end("place")].strip()
    return None


def _bip_name(fields: PageFields, block: Block, title_name: str | None) -> str | None:
    named = fields.values.get("name")
    if named:
        # "Miejsko-Gminny Ośrodek Pomocy Społecznej" in the field, the same plus "w Białej
        # Rawskiej" in the title: the longer one is the same name, only complete.
        if title_name and fold_key(title_name).startswith(fold_key(named)):
            return title_name
        return named
    heading = block.heading
    if heading and fold_key(heading) not in VOIVODESHIPS | GENERIC:
        return normalise_space(heading)
    first_lines = [line for line in block.lines[:6] if LINE_LABEL.match(line) is None]
    line_name = best_name([clean_name(line) for line in first_lines], require_score=True)
    if line_name and (not title_name or name_score(line_name) >= name_score(title_name)):
        return line_name
    return title_name
