"""Which contacts on a page are its owner's: the contact blocks, the owner's mailboxes and
lines, and the addresses and identifiers that belong to someone else.

A page prints many phones and mailboxes: the owner's, its director's, a partner's, the firm
that made the site. What is read here is what decides between them: a footer, `<address>` or
"Kontakt" section (`contact_blocks`); a mailbox on the site's own domain or naming the site
(`email_domain_matches`, `email_names_the_host`, `names_the_site`) against a person's
(`personal_email`); the fax a template marks with an icon (`icon_numbers`); and running text in
which an address or a NIP follows another institution's name (`foreign_address`,
`foreign_line`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from extractors.contacts import find_addresses, find_phones
from extractors.fields import RecordFields, add_unique
from extractors.html_pages.dom import attr_text, inside
from extractors.html_pages.owner_name import names_another_institution
from transforms.text import fold_key


@dataclass(slots=True)
class PageFields(RecordFields):
    """The record builder of one page, with the numbers and mailboxes still to be judged."""

    faxes: list[str] = field(default_factory=list)  # numbers labelled only as a fax
    # phones and e-mails printed under a person ("Dyrektor: Anna Nowak, tel., e-mail"),
    # with the words of that person's entry
    person_phones: list[str] = field(default_factory=list)
    person_emails: list[tuple[str, str]] = field(default_factory=list)

    def add_faxes(self, numbers: list[str]) -> None:
        """The office's fax numbers: kept apart as faxes and among the phones, typed "fax:"."""
        add_unique(self.faxes, numbers)
        self.add_phones(f"fax: {number}" for number in numbers)


def icon_items(node: Tag) -> Iterator[tuple[str, Tag]]:
    """The `<p><img src=".../kontakt_phone.gif"> 76 746 15 70</p>` items of an idcom block."""
    for image in node.find_all("img"):
        match = re.search(r"kontakt_(phone|fax|mail|www|gsm|mobile)", attr_text(image, "src"))
        if match and image.parent is not None:
            yield match.group(1), image.parent


def last_nine(phone: str) -> str:
    """A number's last nine digits: the same number however it is written."""
    return re.sub(r"\D", "", phone)[-9:]


def icon_numbers(node: Tag, kinds: tuple[str, ...]) -> set[str]:
    """The numbers a template marks with one of these icons (as their last nine digits): a
    footer's text loses the fax icon that tells "95 768 2211" is no phone."""
    return {
        last_nine(phone)
        for kind, item in icon_items(node)
        if kind in kinds
        for phone in find_phones(item.get_text(" "))
    }


def _names_the_site(local: str, url: str) -> bool:
    """An e-mail's local part naming the site ("spdebice29" at bip.spdebice.pl,
    "sp_smogory" at bip.szkolasmogory.com.pl): schools and small offices often use a free
    mailbox."""
    labels = (urlsplit(url).hostname or "").lower().split(".")
    words = [word for word in re.split(r"[^a-z]+", local.lower()) if len(word) >= 5]
    return any(word in label for word in words for label in labels)


def owner_lines(fields: PageFields, url: str) -> None:
    """What of a person's entry is the owner's: a number the block also gives as the owner's
    fax is the office's tel./fax line, and a mailbox on the site's own domain or naming the
    site that does not carry the person's name ("kotla@gopskotla.pl", "spdebice29@wp.pl"
    under the director) is the office's."""
    faxes = {last_nine(fax) for fax in fields.faxes}
    fields.add_phones([p for p in fields.person_phones if last_nine(p) in faxes])
    if fields.emails:
        return
    domain = site_domain(url)
    for email, entry in fields.person_emails:
        local = email.split("@", 1)[0]
        person = entry.strip().split("\n")[0]  # "Dorota Młodecka", then her contacts
        names = [word for word in fold_key(person).split() if len(word) > 2]
        if any(name in fold_key(local) for name in names):
            continue
        if email_domain_matches(email, domain) or _names_the_site(local, url):
            fields.add_emails([email])


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


def contact_blocks(soup: BeautifulSoup) -> list[Tag]:
    """Footer, `<address>`, elements named like contact blocks, and the section under a
    "Kontakt" heading; nested duplicates and page-sized wrappers left out."""
    found: list[Tag] = []
    for tag in soup.find_all(True):
        marker = f"{attr_text(tag, 'id')} {attr_text(tag, 'class')}"
        is_block = tag.name in ("footer", "address") or bool(_CONTACT_ATTR.search(marker))
        if not is_block and tag.name in ("h1", "h2", "h3", "h4", "h5", "strong", "b"):
            if fold_key(tag.get_text(" ")) in _CONTACT_HEADINGS and tag.parent is not None:
                tag = tag.parent
                is_block = True
        if not is_block or tag.name in ("body", "html", "a", "img", "input", "label", "span"):
            continue
        if len(tag.get_text(" ", strip=True)) > 2500:
            continue
        if any(tag is other or inside(tag, other) for other in found):
            continue
        found = [other for other in found if not inside(other, tag)]
        found.append(tag)
    return found


def site_domain(url: str) -> str:
    """The registered domain of a page's host ("bip.x.pl" -> "x.pl")."""
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    # "gops.szemud.pl" and "www.gopsszemud.pl" differ; "bip.x.pl" and "x.pl" do not.
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


def email_domain_matches(email: str, domain: str) -> bool:
    """Whether a mailbox is on `domain` or one of its subdomains."""
    host = email.rsplit("@", 1)[-1].lower().rstrip(".>")
    return bool(domain) and (host == domain or host.endswith("." + domain))


# Labels that end a mail domain without naming anybody ("szpitalciechanow.com.pl").
_DOMAIN_SUFFIXES = frozenset({"pl", "com", "org", "net", "gov", "edu", "info", "eu", "biz"})


def email_names_the_host(email: str, url: str) -> bool:
    """A mailbox on a domain that spells one label of the site's host: the hospital at
    szpitalciechanow.medicoland.pl writing from szpitalciechanow.com.pl, the GOPS at
    www.gopsszemud.pl from gops.szemud.pl."""
    labels = email.rsplit("@", 1)[-1].lower().rstrip(".>").split(".")
    while labels and labels[-1] in _DOMAIN_SUFFIXES:
        labels.pop()
    host_labels = set((urlsplit(url).hostname or "").lower().split(".")) - _DOMAIN_SUFFIXES
    return bool(labels) and ("".join(labels) in host_labels or labels[-1] in host_labels)


def personal_email(email: str, text: str) -> bool:
    """ "anna.sliwinska@…" after "Koordynator programu: Anna Śliwińska": a person's mailbox,
    its local part made of the words of a name printed on the page."""
    words = fold_key(email.split("@", 1)[0]).split()  # "anna.sliwinska" -> anna, sliwinska
    if len(words) < 2 or any(len(w) < 3 or not w.isalpha() for w in words):
        return False
    pattern = r"\b" + r"\W+".join(map(re.escape, words)) + r"\b"
    # the name printed apart from the address itself ("poczta.sosw@…" names nobody)
    without_addresses = re.sub(r"\S+@\S+", " ", text)
    return re.search(pattern, fold_key(without_addresses)) is not None


def _context_before(lines: list[str], index: int, end: int) -> str:
    """The words before position `end` of line `index`; the line above too when those
    words name nothing ("Fundacja X" / "ul. Y 1, 00-001 Z" on two lines)."""
    before = lines[index][:end]
    if index > 0 and not names_another_institution(before, ()):
        before = f"{lines[index - 1]} {before}"
    return before


def foreign_address(lines: list[str], street: str, owners: list[str]) -> bool:
    """Whether the page line holding `street` gives it after another institution's name."""
    if not owners:
        return False
    for index, line in enumerate(lines):
        if street in line:
            context = _context_before(lines, index, line.index(street))
            return names_another_institution(context, owners)
    return False


_IDENTIFIER = re.compile(r"(?i)\b(?:NIP|REGON|KRS)\b")


def foreign_line(lines: list[str], index: int, owners: list[str]) -> bool:
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


_CONTACT_LINE = re.compile(r"(?i)^\W*(?:tel|telefon|tel\./fax)\b")


def labelled_contact_line(lines: list[str]) -> str | None:
    """The first page line that starts with a phone label ("Telefon: (075) 64-50-160 |
    email: …"), a header strip many CMS templates show instead of a footer."""
    return next((line for line in lines if _CONTACT_LINE.match(line)), None)


def text_after(text: str, street: str | None) -> str:
    """A few lines after the owner's address, where pages without a contact block put
    phones and e-mails."""
    if not street or street not in text:
        return ""
    start = text.index(street)
    return text[start : start + 300]
