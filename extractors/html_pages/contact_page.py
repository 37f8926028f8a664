"""`parse_contact_page`: the owner's name and contacts from any other institution page.

The name comes from schema.org data or the contact block; else from what the page says
(`page_owner`: its title, headings, "X informuje", an accessibility statement, its host); a
title part that reads as a name is the last resort. Contacts come from the footer /
"Kontakt" block, else from the page text near the owner's address, with the owner's own
mailboxes told from people's and partners' (`owner_contacts`); a page that is plain
paragraphs, without any such block, gives its owner's contacts from its own lines
(`owner_lines`). Numbers keep their labels, faxes included and typed.
"""

from __future__ import annotations

import logging
import re

from bs4 import Tag

from extractors.contacts import (
    find_addresses,
    find_emails,
    find_krs,
    find_nip,
    find_phone_entries,
    find_regon,
)
from extractors.context import ParseContext
from extractors.html_pages.dom import attr_text, drop_noise, name_icons, soup_of, text_lines
from extractors.html_pages.owner_candidates import whole_name
from extractors.html_pages.owner_contacts import (
    PageFields,
    contact_blocks,
    email_domain_matches,
    email_names_the_host,
    foreign_address,
    foreign_line,
    icon_numbers,
    labelled_contact_line,
    last_nine,
    personal_email,
    site_domain,
    text_after,
)
from extractors.html_pages.owner_lines import add_named_owner_phones
from extractors.html_pages.owner_name import (
    about_an_institution,
    best_name,
    clean_name,
    completed_name,
    lines_before,
    name_before_address,
    name_score,
    title_parts,
    title_texts,
    written_name,
)
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_html
from extractors.html_pages.schema_org import SchemaOrg, schema_from_json_ld, schema_from_microdata
from extractors.html_pages.text_page import owner_record
from extractors.page_text import described
from extractors.records import Document, ExtractionError, ParsedInstitution
from transforms.morphology import analyse_word
from transforms.text import normalise_space

log = logging.getLogger(__name__)


def parse_contact_page(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """The page owner's name and contacts from any institution page (one subject record).

    A page that `extractors.detect` finds is not about a public institution (a shop, a vet, a
    parked domain) yields no record. Raises ExtractionError when no plausible institution name is found: the page may belong
    to a business or be an error page, and a record without a name helps no one.
    """
    soup = soup_of(document)
    if not about_an_institution(document):
        return []
    schema = schema_from_json_ld(soup) or schema_from_microdata(soup) or SchemaOrg()
    domain = site_domain(document.final_url or document.url)
    # Menus are noise for text, but a "napisz do nas" mailto in the top bar is the owner's.
    site = document.final_url or document.url
    own_emails = [
        e for e in find_emails(soup)
        if email_domain_matches(e, domain) or email_names_the_host(e, site)
    ]  # fmt: skip
    all_text = soup.get_text(" ")
    drop_noise(soup)
    name_icons(soup)
    blocks = contact_blocks(soup)
    block_lines = [line for block in blocks for line in text_lines(block)]
    block_text = "\n".join(block_lines)
    titles = title_texts(soup)
    description = soup.find("meta", attrs={"name": "description"})
    head_text = "\n".join(titles[:2])
    if isinstance(description, Tag):
        head_text += "\n" + attr_text(description, "content")
    body = soup.body if soup.body is not None else soup
    page_lines = text_lines(body)
    page_text = "\n".join(page_lines)

    fields = PageFields()
    fields.set_once("street", schema.street)
    fields.set_once("postal_code", schema.postal)
    fields.set_once("locality_from_address", schema.locality)
    fields.add_phones(schema.phones)
    fields.add_emails(schema.emails)
    fields.add_websites(schema.websites)

    # In running text an address or a NIP/REGON may be another institution's: the hospital
    # a powiat chose for a programme, the firm that runs the site.
    owners = [n for n in (schema.name, *title_parts(titles)) if n and name_score(n) > 0]
    own_page_lines = [
        line for index, line in enumerate(page_lines)
        if not foreign_line(page_lines, index, owners)
    ]  # fmt: skip
    own_page_text = "\n".join(own_page_lines)

    address_in_block = False
    for text in (block_text, head_text, page_text):
        if "street" in fields.values:
            break
        for address in find_addresses(text):
            if text is page_text and foreign_address(page_lines, address[0], owners):
                log.info("%s: address %r is another institution's", document.url, address[0])
                continue
            fields.set_once("street", address[0])
            fields.set_once("postal_code", address[1])
            fields.set_once("locality_from_address", address[2])
            address_in_block = text is block_text
            break
    if not fields.phones:
        fields.add_phones(_phones(block_text) or _phones(head_text))
    if not fields.emails:
        fields.add_emails([e for block in blocks for e in find_emails(block)])
    near_address = text_after(page_text, fields.values.get("street"))
    if not fields.phones:
        fields.add_phones(_phones(near_address))
    if not fields.emails:
        fields.add_emails(find_emails(near_address))
    if not fields.emails:
        # Outside the contact block an address is the owner's only on the owner's domain.
        fields.add_emails(own_emails)
    labelled = labelled_contact_line(page_lines)
    if not fields.phones and labelled:
        fields.add_phones(_phones(labelled))
    # people's mailboxes ("Koordynator programu: Anna Śliwińska", anna.sliwinska@…) are not
    # the owner's
    fields.emails[:] = [email for email in fields.emails if not personal_email(email, all_text)]
    # a fax a template marks with an icon stays, typed: its text lost the "fax" label
    faxes = icon_numbers(soup, ("fax",)) - icon_numbers(soup, ("phone", "gsm", "mobile"))
    fields.phones[:] = [
        "fax: " + re.sub(r"^[^\d(+]*", "", phone) if last_nine(phone) in faxes else phone
        for phone in fields.phones
    ]
    if not fields.emails and labelled:
        fields.add_emails(find_emails(labelled))
    fields.set_once("nip", next(iter(find_nip(block_text) + find_nip(own_page_text)), None))
    fields.set_once("regon", next(iter(find_regon(block_text) + find_regon(own_page_text)), None))
    fields.set_once("krs", next(iter(find_krs(block_text) + find_krs(own_page_text)), None))

    name = schema.name
    if not name and address_in_block:
        # Only inside a contact block: in running text the line before an address is as
        # likely to name a partner or the site's operator as the owner.
        name = name_before_address(block_lines, fields.values["street"])
    plain = not blocks and schema == SchemaOrg()
    if not name:
        page = page_text_of_html(soup, site)
        owner = find_page_owner(page)
        if owner is not None and plain:
            # a page of plain paragraphs: the owner's contacts are in its own lines
            return [owner_record(page, owner, document)]
        if owner is not None:
            name = owner.name
    if not name and not plain:
        # A template's title names its site's owner; a page of plain paragraphs whose text
        # names no owner ("Poradnia psychologiczno pedagogiczna: brutalna rzeczywistość…",
        # an SEO guide) is nobody's page, whatever its title says.
        name = best_name([p for p in title_parts(titles) if _reads_as_name(p)], require_score=True)
    if not name and context is not None and context.publisher:
        name = context.publisher  # the source declares whose page it is
    if not name:
        raise ExtractionError(
            f"{document.url}: no plausible institution name in schema.org data, the contact "
            f"block or the title {titles[:1]!r}"
        )
    # the owner's numbers in the page's own lines: its departments' and clinics' lines
    add_named_owner_phones(fields, page_text_of_html(soup, site), name)
    # The same name with its place elsewhere on the page: in the title, in the contact
    # block, or on the lines just above the address.
    completions = [*title_parts(titles), *(clean_name(line) for line in block_lines)]
    completions += lines_before(page_lines, fields.values.get("street"))
    name = completed_name(normalise_space(name), completions)
    # Kept with its line breaks (set_once would join them): the normalise stage reads it.
    if own_text := described(fields.values.get("description"), document):
        fields.values["description"] = own_text
    return [fields.to_record(written_name(name, titles), "subject")]


def _phones(text: str) -> list[str]:
    """Every number of `text` with its label, faxes included ("fax: 41 …")."""
    return [entry.raw for entry in find_phone_entries(text)]


# A title part that is a sentence ("Co się zajmuje Ośrodek Interwencji Kryzysowej?",
# "Centrum Usług Społecznych ma nową siedzibę") or a heading in capitals that names no body
# ("WOLNE STANOWISKA PRACY w PUP") is not a name.
_SENTENCE_END = re.compile(r"[?!]\s*$")
_MAX_NAME_WORDS = 14


def _reads_as_name(part: str) -> bool:
    if whole_name(part) is not None:
        return True
    words = part.split()
    if len(words) > _MAX_NAME_WORDS or _SENTENCE_END.search(part):
        return False
    letters = [ch for ch in part if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and name_score(" ".join(words[:2])) == 0:
        return False
    return not any(
        a.pos in ("fin", "praet", "bedzie", "impt")
        for word in words
        for a in analyse_word(word.lower().strip(".,:;!?"))
    )
