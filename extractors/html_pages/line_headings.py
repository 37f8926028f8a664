"""The headings and the persons above a page's number lines: which line labels an unlabelled
number ("Wydział Organizacyjny" / "tel. (46) 815 92 58"), over the lines a contact block puts
between a heading and its number (a person's name, the hours, an address, "kontakt:"), and which
numbers are a person's or a contractor's rather than an office's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from extractors.contacts import find_phone_entries
from extractors.html_pages.owner_name import join_compound_adjectives
from extractors.mentions import find_mentions
from transforms.diacritics import restore
from transforms.name_morphology import readings
from transforms.phone_labels import before_street
from transforms.text import normalise_space

_LABEL_WORD = re.compile(r"[^\W\d_]{3,}")
_NUMBER_WORDS = re.compile(r"(?i)\b(?:tel|telefon\w*|fax|faks\w*|kom|nr|numer\w*|wew\w*)\b\.?")
_HEADING_MAX_WORDS = 8
_HEADING_REACH = 4
# Lines a heading may stand over before its number line, which label nothing themselves: the
# hours ("9.00 – 15.00", "poniedziałek – piątek od 7:30 – 18:00"), an address or a room
# ("Karolewska 70/76 94-023 Łódź", "…, ul. Kilińskiego 1, parter", "parter, pok. 24"), a
# lead-in of a few words before a colon ("kontakt:", "Godziny urzędowania:") and a line of
# punctuation (".").
_CLOCK_TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\b")
_ADDRESS_OR_ROOM = re.compile(r"(?i)\b\d{2}-\d{3}\b|\b(?:ul|al|pl|os|pok)\.\s*\S|\bpok[oó]j\b")
_LEAD_IN = re.compile(r"^[^\W\d_][^\d:]{0,40}:$")
_LEAD_IN_MAX_WORDS = 3
_UNDER_HEADING_MAX_WORDS = 15


def _unlabelled(line: str) -> bool:
    """A line of numbers whose label says nothing but "tel."."""
    entries = find_phone_entries(line)
    return bool(entries) and not _LABEL_WORD.search(_NUMBER_WORDS.sub(" ", entries[0].label))


def headed_lines(lines: Sequence[str]) -> tuple[str, ...]:
    """The lines with the heading above an unlabelled number line put before it as its
    label: "Wydział Organizacyjny (pok. 20 i 21)" / "tel. (46) 815 92 58" gives "Wydział
    Organizacyjny – tel. (46) 815 92 58" (a room in brackets left out); see `line_headings`."""
    out = list(lines)
    for index, heading in line_headings(lines).items():
        out[index] = f"{heading} – {lines[index]}"
    return tuple(out)


def line_headings(lines: Sequence[str], departments: Set[int] = frozenset()) -> dict[int, str]:
    """The heading of each unlabelled number line (its index -> the heading): the nearest
    line above with no number, of a few words, not a sentence nor a person's or an
    institution's name, reached over unlabelled number lines and the lines a block puts
    between its heading and its number (`_under_heading`): "Koordynator ds. dostępności
    architektonicznej" / "Alina Ławicka" / "kontakt:" / "telefon 564726334" (tune b043),
    "Siedziba główna" / "." / "9.00 – 15.00" / "42 689 90 60" (tune g041). A row of a department
    table (`departments`, `department_table_lines`) heads its number even when it reads as
    a body's name: "Zespół do Spraw Orzekania o Niepełnosprawności" / "85 8332677" is a
    PCPR's own team (tune g001)."""
    out: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not _unlabelled(line):
            continue
        above = index - 1
        passed_block = False  # whether the walk passed lines of the block other than numbers
        while above >= 0 and index - above <= _HEADING_REACH:
            if _under_heading(lines[above]):
                passed_block = True
            elif not _unlabelled(lines[above]):
                break
            above -= 1
        if above < 0 or index - above > _HEADING_REACH or find_phone_entries(lines[above]):
            continue
        if passed_block and not lines[above].lstrip()[:1].isupper():
            continue  # "dla osób mających problemy z poruszaniem się": a description, no label
        # "Biuro Obsługi Interesantów przy ulicy Andersa 34, …": the unit, then where it is
        # (tune g008); a line that is only an address leaves nothing
        candidate = before_street(lines[above])
        if re.search(r"\d", re.sub(r"\([^)]*\)", " ", candidate)):
            continue  # "9.00 – 15.00": hours, no label
        if re.search(r"(?i)@|\bwww\.|https?:", candidate):
            continue  # "e-mail: mazur.pawel@lubawka.eu": a mailbox, no label
        heading = normalise_space(re.sub(r"\([^)]*\)|\d", " ", candidate)).strip(" ,;–-")
        heading = re.sub(r"(?i)\s+przy$", "", heading)  # "… Interesantów przy" + street
        # "informacyjno - komunikacyjnej": one compound word, not a label's end (tune b043)
        heading = join_compound_adjectives(heading)
        words = heading.split()
        if (
            not words
            or len(words) > _HEADING_MAX_WORDS
            or heading.endswith((".", ":", "!", "?"))
            or person_name(heading)
            or (
                above not in departments
                and find_mentions(join_compound_adjectives(heading))  # a body's, no label
            )
        ):
            continue
        out[index] = heading
    return out


def _under_heading(line: str) -> bool:
    """Whether `line` may stand between a heading and its number line without labelling the
    number: a person's name (the heading is the person's role or office), the hours, an
    address or a room, a short lead-in before a colon, punctuation only."""
    if (
        len(line.split()) > _UNDER_HEADING_MAX_WORDS  # a sentence, not a line of a block
        or find_phone_entries(line)
        or re.search(r"(?i)@|\bwww\.|https?:", line)
    ):
        return False
    if not re.search(r"[^\W\d_]", line):
        return True
    if _LEAD_IN.match(line.strip()):
        return len(line.split()) <= _LEAD_IN_MAX_WORDS
    unbracketed = re.sub(r"\([^)]*\)", " ", line)  # "Wydział … (pok. 20)" is a heading
    return bool(
        person_name(line) or _CLOCK_TIME.search(line) or _ADDRESS_OR_ROOM.search(unbracketed)
    )


_IDENTIFIER_LABEL = re.compile(r"(?i)^\W*(?:NIP|REGON|KRS|PESEL|nr\s+konta|konto|rachunek)\W*$")
_BARE_DIGITS = re.compile(r"^\s*\d{9,}\s*$")
_PHONE_WORD = re.compile(r"(?i)\b(?:tel|telefon|kom|fax|faks)\b")


def person_name(text: str) -> bool:
    """Whether `text` is a person's name and nothing else ("Grażyna Boroda", "Sylwia Tomiak -
    Rozynek", folded "Grazyna Boroda" too): two to four capitalised words, one of the first
    two a first name."""
    words = [word for word in re.split(r"[\s-]+", text.strip(" :,.;-")) if word]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    words = [word for word in re.split(r"[\s-]+", restore(" ".join(words)).text) if word]
    return any(reading.first_name for word in words[:2] for reading in readings(word))


def _ends_with_person(text: str) -> bool:
    """ "… biuro projektowe PRO - SANIT Daniel Baran tel.": a person's name just before the
    number's label word."""
    before = _PHONE_WORD.split(text)[0].strip(" :,.;-")
    words = before.split()
    return len(words) >= 2 and person_name(" ".join(words[-2:]))


def not_office_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines of a template page whose numbers are not an office's line: a
    person's entry (the number lines within two lines after a person's name: "Skarbnik" /
    "Grażyna Boroda" / "87 621-83-24"), a contractor's "… Daniel
    Baran tel. 606 364 645", an identifier under its label ("REGON" / "Urzędu: 000548057
    Gminy: 570791336") and a bare run of digits (a form's "123456789", a number written
    without a label or grouping)."""
    found: set[int] = set()
    person_above = -10  # the last line that is a person's name
    for index, line in enumerate(lines):
        entries = find_phone_entries(line)
        if not entries:
            person_above = index if person_name(line) else person_above
            continue
        if (
            index - person_above <= 2
            or index - 1 in found  # the entry's next number ("15 879 15 25" twice)
            or _ends_with_person(entries[0].label)
            or (index and _IDENTIFIER_LABEL.match(lines[index - 1]))
            or _BARE_DIGITS.match(line)
        ):
            found.add(index)
    return found
