"""The owner's contacts on a page read as lines: which addresses, numbers and mailboxes are
the page owner's, when no template block says so.

A plain page gives its owner's "Adres:", "Tel.:", "e-mail:" lines wherever they fall: under
the owner's name, in a "Kontakt" paragraph, in a sentence ("dzwoniąc pod numer 65 526 15
15"). It also gives other bodies' contacts: a partner's address in running text, the number
of the passport office housed in the building. A line is the owner's unless it names another
institution and not the owner, or sits in a block headed by another institution's name
(`foreign_lines`); every number of the owner's lines is kept with its label, faxes included
(`extractors.contacts.find_phone_entries`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from extractors.contacts import (
    find_addresses,
    find_emails,
    find_krs,
    find_nip,
    find_phone_entries,
    find_regon,
    find_websites,
)
from extractors.html_pages.department_tables import department_table_lines
from extractors.html_pages.line_headings import headed_lines, line_headings, not_office_lines
from extractors.html_pages.owner_address import (
    STREET_IN_LINE,
    elsewhere,
    elsewhere_blocks,
    name_place,
    other_street_lines,
    prose_address,
)
from extractors.html_pages.owner_candidates import whole_name
from extractors.html_pages.owner_contacts import (
    PageFields,
    email_domain_matches,
    email_names_the_host,
    site_domain,
)
from extractors.html_pages.owner_name import join_compound_adjectives
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.page_text import PageText
from extractors.html_pages.service_number_lines import emergency_numbers, service_list_lines
from extractors.html_pages.site_host import FREE_MAIL
from extractors.mention_services import find_services, of_owners_kind
from extractors.mentions import Mention, find_mentions
from transforms.names import name_key
from transforms.text import fold_key

# How far back a heading naming another body governs the lines below it.
_BLOCK_LINES = 4


@dataclass(frozen=True, slots=True)
class OwnerContacts:
    """What a page's lines give for its owner, every value as written."""

    street: str | None = None
    postal_code: str | None = None
    locality: str | None = None
    phones: tuple[str, ...] = ()  # "label number" entries (`PhoneEntry.raw`)
    emails: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    nip: str | None = None
    regon: str | None = None
    krs: str | None = None


def _same_body(key: str, owner_key: str) -> bool:
    """ "PCPR" and "Powiatowe Centrum Pomocy Rodzinie w Poddębicach" are one body; a name
    whose words all occur in the owner's name is the owner named shortly. Not the body the
    owner works at (`_host_words`): on the page of the "Ośrodek Interwencji Kryzysowej przy
    Powiatowym Centrum Pomocy Rodzinie w Łańcucie", "PCPR w Łańcucie – sekretariat, tel. …"
    is the PCPR's line."""
    if not key or not owner_key:
        return False
    owner_words = owner_key.split()
    words = key.split()
    if not all(word in owner_words for word in words):
        return False
    host = _host_words(owner_words)
    return not host or not all(word in host for word in words)


# The word that joins a unit's name to the body it works at ("Punkt Konsultacyjny przy
# Gminnym Ośrodku Pomocy Społecznej"), as `name_key` keeps it.
_HOST_WORD = "przy"


def _host_words(owner_words: Sequence[str]) -> list[str]:
    """The words of the body an owner's name says it works at: those after "przy" ("Ośrodek
    Interwencji Kryzysowej przy Powiatowym Centrum Pomocy Rodzinie w Łańcucie"), when a
    name of its own stands before it; none for a name without "przy"."""
    if _HOST_WORD not in owner_words[1:]:
        return []
    return list(owner_words[owner_words.index(_HOST_WORD, 1) + 1 :])


def _bodies(line: str) -> list[str]:
    return [name_key(m.nominative) for m in find_mentions(join_compound_adjectives(line))]


_HEADING_WORDS = 14
_LEAD_IN_WORDS = 8


def _is_heading(line: str) -> bool:
    """A line that is a name and nothing else, or names joined ("Terenowy Punkt Paszportowy
    w Olkuszu Urzędu Wojewódzkiego w Krakowie"): the heading of a block."""
    if whole_name(line) is not None:
        return True
    if len(line.split()) > _HEADING_WORDS:
        return False
    if line.rstrip().endswith(":") and len(line.split()) <= _LEAD_IN_WORDS:
        return True  # "Kontakt do Poradni Zdrowia Psychicznego:" introduces its lines
    named = sum(m.end - m.start for m in find_mentions(join_compound_adjectives(line)))
    letters = len(line.strip(" .:;,"))
    return bool(letters) and named >= 0.8 * letters


def foreign_lines(page: PageText, owner: PageOwner) -> set[int]:
    """Indexes of the lines that are another body's: they name another institution and not
    the owner (in full, or by the initials of a body the page names in full: "Centrum Pracy
    Socjalnej nr 9" then "CPS nr 9"), follow (within a few lines) a heading that is another
    body's name, or carry on the sentence of a line naming another body ("CPS nr 9 działać
    będzie … od 7.30 do 15.30," / "kontakt: tel. 58 304 36 50")."""
    owner_key = name_key(owner.name)
    mentions = [find_mentions(join_compound_adjectives(line)) for line in page.lines]
    others = {
        initials
        for found in mentions
        for mention in found
        if not _same_body(name_key(mention.nominative), owner_key)
        for initials in _initials(mention.phrase)
    } - _initials(_own_part(owner.name))
    foreign: set[int] = set()
    governed_by: tuple[bool, int] | None = None  # (another body's block?, from line)
    unbroken = False  # every line since that block's heading is a contact block's line
    sentence_of = -1  # the last line naming another body in a sentence
    for index, line in enumerate(page.lines):
        keys = [key for key in (name_key(m.nominative) for m in mentions[index]) if key]
        names_owner = index in owner.lines or any(_same_body(k, owner_key) for k in keys)
        names_other = any(not _same_body(k, owner_key) for k in keys) or bool(
            others & set(_ACRONYM.findall(line))
        )
        if names_owner:
            if _is_heading(line) or _leads_in(line):
                governed_by = (False, index)  # the owner's own block begins
            unbroken = False  # another body's block reaches no further than the owner's name
            continue
        if names_other:
            foreign.add(index)
            following = page.lines[index + 1] if index + 1 < len(page.lines) else ""
            if _is_heading(line) or _ADDRESS_LINE.match(following):
                governed_by, unbroken = (True, index), True  # another body's block
            else:
                sentence_of = index  # another body's sentence, which may go on
            continue
        unbroken = unbroken and _block_line(line)
        if (
            governed_by is not None
            and governed_by[0]
            and (
                index - governed_by[1] <= _BLOCK_LINES
                or (unbroken and index - governed_by[1] <= _BLOCK_MAX_LINES)
            )
        ):
            foreign.add(index)
        elif sentence_of == index - 1 and _carries_on(page.lines[index - 1], line):
            foreign.add(index)
    return foreign


def _own_part(name: str) -> str:
    """An owner's name without the body it works at ("Ośrodek Interwencji Kryzysowej" of
    "… przy Powiatowym Centrum Pomocy Rodzinie w Łańcucie"): the host's initials ("PCPR")
    name the host, not the owner."""
    head = re.split(r"(?i)\s+przy\s+", name, maxsplit=1)[0]
    return head if head.strip() else name


def _leads_in(line: str) -> bool:
    """Whether a line introduces the lines below it ("… prosimy o kontakt z Urzędem Gminy
    X:"), so naming the owner opens its lines; "prowadzona przez Gminę X" opens nothing."""
    return line.rstrip().endswith(":")


# How far a block under another body's name reaches while its lines are a contact block's.
_BLOCK_MAX_LINES = 12
# "ul. Kochanowskiego 8A", "67-106 Otyń", "Niedoradz, ul. Kochanowskiego 8A": an address line
_ADDRESS_LINE = re.compile(
    r"(?i)^\W*(?:[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?,\s*)?"
    r"(?:ul\.|ulica\b|al\.|aleja\b|pl\.|plac\b|os\.|osiedle\b|\d{2}\s?-\s?\d{3}\b)"
)
_BLOCK_WORD = re.compile(
    r"(?i)^\W*(?:tel|telefon\w*|fax|faks|e-?mail|www|kom|adres\w*|kontakt\w*|sekretariat\w*)\b"
)


def _block_line(line: str) -> bool:
    """A line of a contact block: an address, a number, a mailbox, a contact label or a
    "Label: value" line ("Biuro czynne: poniedziałek 7:00 – 17:00", "Powiatowy Lekarz
    Weterynarii: …"). A bare label ("Główny księgowy" in a table of the owner's
    departments under a unit's name) is none: it may be the owner's."""
    if _ADDRESS_LINE.match(line) or _BLOCK_WORD.match(line) or "@" in line:
        return True
    if find_phone_entries(line) or emergency_numbers(line):
        return True
    label, colon, _ = line.partition(":")
    return bool(colon) and len(label.split()) <= _LEAD_IN_WORDS


_NUMBER_START = re.compile(r"\(?\+?\d[\d\s()./-]{6,}\d")


def _names_other_kind(line: str, owner_name: str) -> bool:
    """Whether the words of `line` before its first number (the whole line when it has none)
    name a service by its kind (`extractors.mention_services.find_services`) the owner's name
    is not of: "Policja – tel. 47 82 223 10" on an OPS's page, "Potrzebujesz nieodpłatnej
    pomocy prawnej - umów się na poradę," before the legal-aid point's booking line."""
    number = _NUMBER_START.search(line)
    before = line[: number.start()] if number else line
    return any(not of_owners_kind(service, owner_name) for service in find_services(before))


_SERVICE_HEADING_WORDS = 4


def other_kind_lines(lines: Sequence[str], owner: PageOwner) -> set[int]:
    """Indexes of the number lines that are a body's the page names by its kind alone
    (`_names_other_kind`): the line naming it before its number, the line that carries on
    its sentence ("Potrzebujesz nieodpłatnej pomocy prawnej - umów się na poradę," /
    "zadzwoń pod nr tel. 77 408 50 94"), or the number lines under a heading that is the
    service's name alone (`_under_service_heading`: "Policja:" / "tel. 47 862 12 00"). Never
    a line naming the owner."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if index in owner.lines or not _names_other_kind(line, owner.name):
            continue
        if _NUMBER_START.search(line):
            found.add(index)
        elif index + 1 < len(lines) and index + 1 not in owner.lines:
            if _carries_on(line, lines[index + 1]):
                found.add(index + 1)
            elif len(line.strip(" :;,.–-").split()) <= _SERVICE_HEADING_WORDS:
                found |= _under_service_heading(lines, index, owner)
    return found


def _under_service_heading(lines: Sequence[str], heading: int, owner: PageOwner) -> set[int]:
    """The number lines under a service's heading: the run of lines with a number right
    below it, over one label line between ("POGOTOWIE WODNO-KANALIZACYJNE" / "Zgłaszanie
    awarii wodociągowych i kanalizacyjnych:" / "502 664 658 całodobowo" / "61 81 45 351
    całodobowo"), at most a block's few lines; a line naming the owner or any body ends it."""
    found: set[int] = set()
    index = heading + 1
    label_line = (
        index < len(lines) and not _NUMBER_START.search(lines[index]) and _block_line(lines[index])
    )
    index += 1 if label_line else 0
    while (
        index < len(lines)
        and index - heading <= _BLOCK_LINES
        and index not in owner.lines
        and _NUMBER_START.search(lines[index])
        and not _bodies(lines[index])
    ):
        found.add(index)
        index += 1
    return found


def below_other_body_lines(lines: Sequence[str], owner: PageOwner) -> set[int]:
    """Indexes of the number lines right below a sentence whose subject is another body: a
    line naming, in the nominative, an institution (`find_mentions`, `find_services`) that is
    not the owner, naming neither the owner nor a number, then a line whose number names no
    body, over at most one bare label between ("Główny Inspektorat Sanitarny uruchomił
    automatyczne powiadomienia …" / "Nr telefonu" / "+48 22 10 43 705 to numer, z którego
    …"). A body named in another case is where or among whom ("… pozostają w budynku Urzędu
    Miasta i Gminy" / "tel. (56) 4988181" is the owner's), and a heading's block is
    `foreign_lines`'."""
    owner_key = name_key(owner.name)
    found: set[int] = set()
    for index, line in enumerate(lines):
        if index in owner.lines or _NUMBER_START.search(line) or _is_heading(line):
            continue
        joined = join_compound_adjectives(line)
        named = find_mentions(joined) + [
            s for s in find_services(line) if not of_owners_kind(s, owner.name)
        ]
        if any(_same_body(name_key(m.nominative), owner_key) for m in named):
            continue
        if not any(
            _as_subject(m) and not _same_body(name_key(m.nominative), owner_key) for m in named
        ):
            continue
        below = index + 1
        if below + 1 < len(lines) and _bare_label(lines[below]):
            below += 1
        if (
            below < len(lines)
            and below not in owner.lines
            and _NUMBER_START.search(lines[below])
            and not _bodies(lines[below])
            and not find_services(lines[below])
        ):
            found.add(below)
    return found


def _as_subject(mention: Mention) -> bool:
    """Whether a body is named in the nominative, as a sentence's subject ("Podlaski Urząd
    Wojewódzki uruchomił …"), not as a place or one of many ("w budynku Urzędu …", "z
    służbami: Strażą Miejską, Policją"), letters as written ("Policją" is no "Policja"). An
    acronym ("Inspektorzy ds. obsługi PFRON") is never inflected, so it tells no case."""
    phrase = mention.phrase.strip()
    return not phrase.isupper() and phrase.casefold() == mention.nominative.strip().casefold()


def _bare_label(line: str) -> bool:
    """A short line with no number and no body that labels the line below ("Nr telefonu",
    "Kontakt:")."""
    return (
        len(line.split()) <= _SERVICE_HEADING_WORDS
        and not _NUMBER_START.search(line)
        and not _bodies(line)
    )


def emergency_list_lines(lines: Sequence[str], owner: PageOwner) -> set[int]:
    """Indexes of the lines of a list of emergency and service numbers
    (`service_number_lines.service_list_lines`), never a line naming the owner: the services
    the page lists, not the owner."""
    owner_key = name_key(owner.name)
    return {
        index
        for index in service_list_lines(lines) - set(owner.lines)
        if not any(_same_body(key, owner_key) for key in _bodies(lines[index]))
    }


_ACRONYM = re.compile(r"\b[A-ZĄĆĘŁŃÓŚŹŻ]{3,6}\b")
_CAPITALISED = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_]*")


def _initials(phrase: str) -> set[str]:
    """The initials of every run of three or more capitalised words of a name ("Centrum
    Pracy Socjalnej nr 9" -> "CPS"; "Miejski Ośrodek Pomocy Rodzinie" -> "MOPR", "OPR")."""
    runs: list[list[str]] = [[]]
    for word in re.findall(r"[^\W\d_]+", phrase):
        if _CAPITALISED.fullmatch(word) and not word.isupper():
            runs[-1].append(word[0])
        else:
            runs.append([])
    found: set[str] = set()
    for run in runs:
        for start in range(len(run)):
            for end in range(start + 3, len(run) + 1):
                found.add("".join(run[start:end]))
    return found


def _carries_on(previous: str, line: str) -> bool:
    """Whether `line` continues the sentence of the line before it: that line ends in a
    comma, a semicolon or a dash, and this one starts in lower case."""
    return previous.rstrip().endswith((",", ";", "-", "–")) and line[:1].islower()


def _own_mailboxes(emails: list[str], url: str) -> list[str]:
    """The owner's mailboxes: when some are on the site's own domain (or name its host),
    a mailbox on another firm's domain ("Reklama: kontakt@innafirma.pl") is not; free
    mailboxes always may be."""
    domain = site_domain(url)
    own = [e for e in emails if email_domain_matches(e, domain) or email_names_the_host(e, url)]
    if not own:
        return emails
    return [e for e in emails if e in own or e.rsplit("@", 1)[-1].lower() in FREE_MAIL]


# Toll-free 800, shared-cost 801 and 116 lines on a local body's page are national services
# it points to ("Niebieska Linia 800 120 002", "116 111", "801 889 880"), not its own numbers.
_NATIONAL_LINE = re.compile(r"(?:^|\D)(?:\+?48[\s-]?)?(?:80[01]|116)[\s-]?\d")


def _national_line(entry: str) -> bool:
    number = re.sub(r"^\D*", "", entry)
    return _NATIONAL_LINE.match(number) is not None


def _owners_part(line: str, owner_key: str) -> str:
    """A line up to the first other body it names after the owner: in "Zarząd Powiatu
    zatwierdził wybór Szpitala X, ul. Szpitalna 11, 22-100 Chełm" the address is the
    hospital's, not the powiat's."""
    joined = join_compound_adjectives(line)
    previous_end: int | None = None  # where the last mention naming the owner ends
    for mention in find_mentions(joined):
        key = name_key(mention.nominative)
        if not key:
            continue
        if _same_body(key, owner_key):
            previous_end = mention.end
            continue
        if previous_end is not None and _HOST_JOIN.fullmatch(joined[previous_end : mention.start]):
            continue  # "Ośrodek … przy Powiatowym Centrum …": the owner's name as written
        return joined[: mention.start]
    return line


# The owner's name running on into the body it works at: "… Kryzysowej przy Powiatowym …"
_HOST_JOIN = re.compile(r"(?i)\s+przy\s+")


def _owner_phones(
    page: PageText,
    owner: PageOwner,
    foreign: set[int],
    own_street: str | None,
    headings: Mapping[int, str] | None = None,
) -> tuple[str, ...]:
    """Every number of the owner's lines ("label number" entries): the lines that are not
    `foreign`, nor give another street before their number, each up to the first other body
    it names; national toll-free lines left out. A line in `headings` (`line_headings`)
    gets its heading as its numbers' label once it is cut to the owner's part, so a
    department named like a body ("Zespół do Spraw Orzekania …") labels its number and
    does not cut it off."""
    owner_key = name_key(owner.name)
    elsewhere = other_street_lines(page.lines, own_street, set(owner.lines))
    elsewhere |= other_kind_lines(page.lines, owner)
    elsewhere |= emergency_list_lines(page.lines, owner)
    elsewhere |= below_other_body_lines(page.lines, owner)
    headings = headings or {}
    parts = (
        (index, _owners_part(line, owner_key))
        for index, line in enumerate(page.lines)
        if index not in foreign and index not in elsewhere
    )
    phone_text = "\n".join(
        f"{headings[index]} – {part}" if index in headings and part.strip() else part
        for index, part in parts
    )
    phones: list[str] = []
    for entry in find_phone_entries(phone_text):
        if _national_line(entry.raw) or entry.raw in phones:
            continue
        phones.append(entry.raw)
    return tuple(phones)


def owner_contacts(page: PageText, owner: PageOwner) -> OwnerContacts:
    """The owner's address, numbers, mailboxes and identifiers from the page's own lines."""
    foreign = foreign_lines(page, owner) | elsewhere_blocks(page.lines, name_place(owner.name))
    departments = department_table_lines(page.lines)
    foreign -= departments  # a row naming a body is a department
    owner_key = name_key(owner.name)
    own = [
        _owners_part(line, owner_key)
        for index, line in enumerate(page.lines)
        if index not in foreign
    ]
    # the owner's address: on or right after a line naming it, else the first of its lines
    near: list[str] = []
    for index in owner.lines:
        near += [
            _owners_part(line, owner_key) if offset else line
            for offset, line in enumerate(page.lines[index : index + 4])
            if index + offset not in foreign
        ]
    place = name_place(owner.name)
    address = next(
        (
            found
            for lines in (near, own)
            for found in find_addresses("\n".join(lines))
            if not elsewhere(found, place)
        ),
        None,
    )
    if address is None:
        address = _address_before_another(page.lines, foreign, owner_key, place)
    if address is None:
        # only in the lines naming the owner: the sentence must be about the owner
        address = prose_address([page.lines[index] for index in owner.lines])
    text = "\n".join(own)
    # the owner's street: its address's, else one written on a line naming it
    named = (STREET_IN_LINE.search(page.lines[index]) for index in owner.lines)
    own_street = address[0] if address else next((m.group(0) for m in named if m), None)
    return OwnerContacts(
        street=address[0] if address else None,
        postal_code=(address[1] or None) if address else None,
        locality=address[2] if address else None,
        phones=_owner_phones(
            page, owner, foreign, own_street, line_headings(page.lines, departments)
        ),
        emails=tuple(_own_mailboxes(find_emails(text), page.url)),
        websites=tuple(find_websites(text)),
        nip=next(iter(find_nip(text)), None),
        regon=next(iter(find_regon(text)), None),
        krs=next(iter(find_krs(text)), None),
    )


def _address_before_another(
    lines: Sequence[str], foreign: set[int], owner_key: str, place: str | None
) -> tuple[str, str, str] | None:
    """The owner's address on a line that names another body only after it, when no line
    of the owner's gives one: "71-220 Bezrzecze, ul. Aloesowa 17, gmina Dobra, … - Nadzór
    pedagogiczny nad przedszkolem sprawuje Zachodniopomorski Kurator Oświaty w Szczecinie"
    in a kindergarten's statute. The line is another body's for its numbers; the address
    written before that body is named is not that body's. A line under another body's
    heading names no body itself, so it gives none."""
    for index in sorted(foreign):
        line = lines[index]
        if not any(not _same_body(key, owner_key) for key in _bodies(line) if key):
            continue
        before = _owners_part(line, owner_key)
        if before == line:
            continue
        for found in find_addresses(before):
            if not elsewhere(found, place):
                return found
    return None


def named_owner_phones(page: PageText, name: str, street: str | None) -> tuple[str, ...]:
    """The numbers a template page gives its owner in its own lines, beyond its contact
    block: a BIP page's departments ("Wydział Organizacyjny (pok. 20)" / "tel. (46) 815 92
    58"), a hospital's clinics ("Chirurgii Ogólnej 0-23 673 05 53 gabinet 134"). The owner
    is the one its template names (`name`, its street `street`); its lines are those naming
    it, and the lines of other bodies are left out as on a plain page (`owner_contacts`)."""
    owner_key, folded = name_key(name), fold_key(name)
    lines = tuple(
        index
        for index, line in enumerate(page.lines)
        if folded in fold_key(line) or any(_same_body(key, owner_key) for key in _bodies(line))
    )
    owner = PageOwner(name=name, score=0, evidence=("named by its template",), lines=lines)
    foreign = foreign_lines(page, owner) | elsewhere_blocks(page.lines, name_place(name))
    foreign -= department_table_lines(page.lines)
    headed = dataclasses.replace(page, lines=headed_lines(page.lines))
    return _owner_phones(headed, owner, foreign | not_office_lines(page.lines), street)


_EXTENSION_WORDS = re.compile(r"(?i)\s*,?\s*(?:wewn?\.?|w\.)\s*\d.*$")


def number_key(number: str) -> str:
    """A number's last nine digits without its extension: the same line however written."""
    return re.sub(r"\D", "", _EXTENSION_WORDS.sub("", number))[-9:]


def add_named_owner_phones(fields: PageFields, page: PageText, name: str) -> None:
    """Add to a template page's record the numbers its own lines give its owner
    (`named_owner_phones`) that the record does not hold yet under another label."""
    held = {number_key(e.number) for phone in fields.phones for e in find_phone_entries(phone)}
    for raw in named_owner_phones(page, name, fields.values.get("street")):
        numbers = [number_key(e.number) for e in find_phone_entries(raw)]
        if numbers and not set(numbers) & held:
            fields.add_phones([raw])
            held.update(numbers)
