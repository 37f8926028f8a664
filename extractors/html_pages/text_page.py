"""`parse_text_page`: a page given as plain text — a saved copy, a page served as text/plain —
read for its owner and for every other institution it names.

A text file may be an institution's page or an article; which one is decided by what it
says (`page_owner.find_page_owner`), not by its file type: its first line is its title, its
lines its paragraphs. An owner found gives the `subject` record, its contacts from its own
lines (`owner_lines`); the institutions the text names give `mention` records, read as an
article's are (`extractors.articles.parse_article`). A text whose owner it never names gives
mentions only. On an owner's page the mentions carry no text of the page: what the page
offers is its owner's (a funder, a council or a partner named on it offers none of it), as
on an HTML institution page (`extractors.mention_records.page_mentions`).

`owner_record` is the record of a content-found owner, shared with `contact_page` for HTML
pages that are plain paragraphs.
"""

from __future__ import annotations

import dataclasses

from extractors.articles import parse_article
from extractors.context import ParseContext
from extractors.fields import RecordFields
from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner, find_page_owner
from extractors.html_pages.page_text import PageText, page_text_of_plain
from extractors.page_text import described
from extractors.records import Document, ExtractionError, ParsedInstitution
from transforms.name_morphology import nominative
from transforms.names import name_key


def owner_record(
    page: PageText, owner: PageOwner, document: Document | None = None
) -> ParsedInstitution:
    """The subject record of a page's content-found owner, every value as written; with the
    `document`, its text is the record's description, where the normalise stage reads what
    the owner offers (services, ages, fees, hours)."""
    contacts = owner_contacts(page, owner)
    fields = RecordFields()
    if document is not None and (own_text := described(None, document)):
        fields.values["description"] = own_text
    fields.set_once("street", contacts.street)
    fields.set_once("postal_code", contacts.postal_code)
    fields.set_once("locality_from_address", contacts.locality)
    fields.set_once("nip", contacts.nip)
    fields.set_once("regon", contacts.regon)
    fields.set_once("krs", contacts.krs)
    fields.add_phones(contacts.phones)
    fields.add_emails(contacts.emails)
    fields.add_websites(contacts.websites)
    return fields.to_record(owner.name, "subject")


def parse_text_page(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """The owner of a plain-text page (a `subject`, when the text names it) and the other
    institutions it names (`mention`s). Raises ExtractionError for a document without text."""
    text = document.text
    if not text.strip():
        raise ExtractionError(f"{document.url}: the page has no text")
    page = page_text_of_plain(text, document.final_url or document.url)
    owner = find_page_owner(page)
    records: list[ParsedInstitution] = []
    owner_key = ""
    if owner is not None:
        records.append(owner_record(page, owner, document))
        owner_key = name_key(nominative(owner.name))
    for mention in parse_article(document, context):
        if owner_key and name_key(nominative(mention.name_raw)) == owner_key:
            continue
        if owner is not None:
            mention = dataclasses.replace(mention, description_raw=None)
        records.append(mention)
    return records
