"""Parsers for one institution's own page, each turning a `Document` into one
`ParsedInstitution` (role "subject"): `parse_bip_dane` for BIP "Dane teleadresowe" pages and
`parse_contact_page` for any other contact or home page.

The modules along the way, in the order a page goes through them:

- `dom`: parse the HTML, drop scripts, menus and cookie banners, read text as lines;
- `label_blocks`: the "Adres:", "Tel.:" pairs of BIP templates and plain pages, mapped to the
  record builder of `extractors.fields` through the labels of `extractors.labels`;
- `schema_org`: what JSON-LD and microdata say about the page's owner;
- `owner_name`: whose page it is, its name put back together from title, blocks and headings;
- `owner_candidates` / `page_owner`: the names a page's lines offer, and the choice among
  them of the institution the page speaks for (by content, whatever the markup);
- `owner_contacts`: which phones, mailboxes, addresses and identifiers are the owner's.

Labels are compared with `fold_key`, so "Miejscowość:", "MIEJSCOWOSC" and the ASCII-folded
copies in our fixtures all match.
"""

from extractors.html_pages.bip_dane import parse_bip_dane
from extractors.html_pages.contact_page import parse_contact_page

__all__ = ["parse_bip_dane", "parse_contact_page"]
