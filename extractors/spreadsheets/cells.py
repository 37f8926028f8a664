"""Splitting spreadsheet cells that hold several things (the third layer of
`extractors.spreadsheets`).

Voivodeship-office lists put name, address and phones in one multi-line cell, several phones
or e-mails in one cell, a village address without a street ("Pcim 638"), remarks in brackets.
The splitters here are heuristic but only move text as written between fields; what they
cannot place comes back as notes, which the row mapping keeps in `extra`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from transforms.text import fold_key, normalise_space

POSTAL = re.compile(r"(?<![\d-])\d{2}\s*[-–]\s*\d{3}(?![\d-])")
NUMERIC = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")
EMAIL = re.compile(r"[^\s,;:<>()\[\]]+@[^\s,;:<>()\[\]]+\.[^\s,;:<>()\[\]]+")

WIDE_GAP = re.compile(r"[ \t\u00a0]{3,}")
STREET_MARKER = re.compile(
    r"(?<![^\s,(\"”'])(?:ul|al|os|pl|ulica|aleja|aleje|osiedle|plac|rynek)(?:\.\s*|\s+)(?=[\w\"„'])",
    re.IGNORECASE,
)
_PHONE_WORDS = re.compile(
    r"\b(?:tel(?:efon)?|fax|faks|kom|lub|oraz|wew|w|filia|centrala|sekretariat)\b\.?",
    re.IGNORECASE,
)
TRAILING_PHONE = re.compile(
    r"(?:^|\s)((?:tel\.?\s*)?\(?\d{2,3}\)?[\s-]*\d{2,3}[\s-]*\d{2}[\s-]*\d{2,3}"
    r"(?:\s*(?:lub|,)\s*[\d\s()-]{7,})*)\s*$",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"^\s*(?:\(.*\)|/.*/)\s*$", re.DOTALL)
_OPERATOR_LINE = re.compile(
    r"^(?:gmina|miasto(?: i gmina)?|gmina i miasto|miasto i gmina|powiat|m\.)\s+\S.{0,40}$",
    re.IGNORECASE,
)
_HOUSE_TAIL = re.compile(r"^(?P<place>\D+?)\s+(?P<number>\d+\s?[a-zA-Z]?(?:/\d+[a-zA-Z]?)?)$")
_NUMBER_TOKEN = re.compile(r"^\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?$")
_PREPOSITIONS: Final = frozenset(
    {"w", "we", "z", "ze", "na", "przy", "nr", "im", "im.", "dla", "do", "u", "od", "nad", "pod"}
)


@dataclass(frozen=True, slots=True)
class CellParts:
    """What one name-and-address cell held, each part as written."""

    name: str | None = None
    street: str | None = None
    postal_code: str | None = None
    locality: str | None = None
    phones: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # operator lines, bracketed remarks, branch addresses


def clean(text: str | None) -> str | None:
    """Space-normalised text without the commas, semicolons and dashes around it; None when
    nothing is left."""
    if text is None:
        return None
    cleaned = normalise_space(text).strip(" ,;-–")
    return cleaned or None


def _cell_lines(text: str) -> list[str]:
    """Lines of a cell; a run of 3+ spaces counts as a line break (cells wrapped by padding)."""
    text = WIDE_GAP.sub("\n", text.replace("\r", "\n"))
    return [normalise_space(line) for line in text.split("\n") if normalise_space(line)]


def is_phone_text(text: str) -> bool:
    """Whether a cell or line holds phone numbers and nothing else (7+ digits, phone words)."""
    if sum(ch.isdigit() for ch in text) < 7:
        return False
    residue = _PHONE_WORDS.sub(" ", text)
    residue = re.sub(r"\((?:filia|sekretariat|centrala)\)", " ", residue, flags=re.IGNORECASE)
    return re.fullmatch(r"[\d\s()\-/+.,;:]+", residue) is not None


def split_phones(text: str) -> tuple[str, ...]:
    """One entry per number: split on new lines, commas, semicolons and "lub"/"oraz";
    an extension on its own line ("wew. 23") stays with the number above it, and two full
    numbers separated only by a double space ("12 382 11 10  788 170 851") are two."""
    pieces: list[str] = []
    for line in re.split(r"[\r\n]+", text):
        for chunk in re.split(r"[;,]|\s(?:lub|oraz)\s", line, flags=re.IGNORECASE):
            halves = [h for h in re.split(r"\s{2,}", chunk.strip()) if h]
            if len(halves) > 1 and all(sum(c.isdigit() for c in h) >= 9 for h in halves):
                parts = halves
            else:
                parts = [chunk]
            for part in parts:
                piece = normalise_space(part)
                if not piece:
                    continue
                if pieces and re.match(r"^(?:wew|w)\.?\s*\d", piece, re.IGNORECASE):
                    pieces[-1] = f"{pieces[-1]} {piece}"
                    continue
                if any(ch.isdigit() for ch in piece):
                    pieces.append(piece)
    return tuple(pieces)


def split_emails(text: str) -> tuple[str, ...]:
    """Every e-mail address in a cell, as written (trailing dots and commas dropped)."""
    return tuple(dict.fromkeys(m.group(0).rstrip(".,;") for m in EMAIL.finditer(text)))


def split_websites(text: str) -> tuple[str, ...]:
    """Every whitespace/comma/semicolon-separated token of a website cell."""
    tokens = (t.strip(" .,;") for t in re.split(r"[\s,;]+", text))
    return tuple(dict.fromkeys(t for t in tokens if t and "." in t))


def split_address_cell(text: str) -> CellParts:
    """ "ul. Mickiewicza 5, 15-950 Białystok" -> street, postal code, locality (as written)."""
    match = POSTAL.search(text)
    if match is None:
        return CellParts(street=clean(text))
    street = clean(text[: match.start()].replace("\n", " "))
    locality, street_after, rest = _after_postal(text[match.end() :])
    if street is None:
        street = street_after
    return CellParts(
        street=street,
        postal_code=normalise_space(match.group(0)),
        locality=locality,
        notes=(rest,) if rest else (),
    )


def _after_postal(after: str) -> tuple[str | None, str | None, str | None]:
    """(locality, street found after it, leftover) from the text following a postal code."""
    parts = re.split(r"[\n,]", after, maxsplit=1)
    locality = clean(parts[0])
    remainder = parts[1] if len(parts) > 1 else ""
    street: str | None = None
    if locality:
        tail = _HOUSE_TAIL.match(locality)
        # "32-432 Pcim 638": a village without streets; the number belongs to the address.
        if tail:
            street = locality
            locality = clean(tail.group("place"))
    if street is None and remainder.strip():
        nxt = re.split(r"[\n,]", remainder.strip(" ,\n"), maxsplit=1)
        first = clean(nxt[0])
        if (
            first
            and any(ch.isdigit() for ch in first)
            and len(first.split()) <= 6
            and not is_phone_text(first)
        ):
            street = first
            remainder = nxt[1] if len(nxt) > 1 else ""
    return locality, street, clean(remainder.replace("\n", " "))


def split_name_cell(text: str) -> CellParts:
    """Split a cell holding a name and maybe an address, phones and remarks.

    "Dom Pomocy Społecznej W Zabłotach\\nZabłoty 19\\n97-425 Zelów" ->
    name "Dom Pomocy Społecznej W Zabłotach", street "Zabłoty 19", postal code "97-425",
    locality "Zelów". A leading operator line ("Gmina Borzęcin", "Miasto Kraków"), bracketed
    remarks ("/Caritas …/", "(dla mężczyzn)") and anything after the first address (branches)
    become notes. A cell that starts with its street has no name (name None).
    """
    notes: list[str] = []
    phones: list[str] = []
    body: list[str] = []
    for line in _cell_lines(text):
        if is_phone_text(line):
            phones.extend(split_phones(line))
            continue
        if _BRACKETED.match(line):
            notes.append(line)
            continue
        trailing = TRAILING_PHONE.search(line)
        if trailing and not POSTAL.search(trailing.group(1)) and is_phone_text(trailing.group(1)):
            phones.extend(split_phones(trailing.group(1)))
            line = line[: trailing.start()].strip()
        if line:
            body.append(line)
    if len(body) >= 2 and _OPERATOR_LINE.match(body[0]) and not POSTAL.search(body[0]):
        notes.append(body.pop(0))
    joined = "\n".join(body)
    match = POSTAL.search(joined)
    if match is None:
        name, street, leftover = _split_before_postal(joined, glued=False)
        notes.extend(leftover)
        return CellParts(name=name, street=street, phones=tuple(phones), notes=tuple(notes))
    name, street, leftover = _split_before_postal(joined[: match.start()], glued=True)
    notes.extend(leftover)
    locality, street_after, rest = _after_postal(joined[match.end() :])
    if street is None:
        street = street_after
    if rest:
        notes.append(rest)
    return CellParts(
        name=name,
        street=street,
        postal_code=normalise_space(match.group(0)),
        locality=locality,
        phones=tuple(phones),
        notes=tuple(notes),
    )


def _split_before_postal(text: str, *, glued: bool) -> tuple[str | None, str | None, list[str]]:
    """(name, street, leftover lines) from the part of a cell before its postal code."""
    text = text.strip(" ,;\n-–")
    if not text:
        return None, None, []
    marker = STREET_MARKER.search(text)
    if marker is not None:
        name = clean(text[: marker.start()].replace("\n", " "))
        street_lines = text[marker.start() :].split("\n")
        street = clean(street_lines[0])
        leftover = [line for line in (clean(x) for x in street_lines[1:]) if line]
        return name, street, leftover
    lines = text.split("\n")
    segments = [s for s in re.split(r"[\n,]", text) if s.strip()]
    if len(segments) >= 2 and any(ch.isdigit() for ch in segments[-1]):
        last = segments[-1]
        name = text[: text.rfind(last)]
        # "Powiatowy Ośrodek Wsparcia\nŚDS Zbyszyce 12": the unit's abbreviation opens the line.
        abbreviation = _LEADING_ABBREVIATION.match(last.strip())
        if abbreviation:
            name, last = f"{name} {abbreviation.group(1)}", abbreviation.group(2)
        return clean(name.replace("\n", " ")), clean(last), []
    if glued and len(lines) == 1:
        name, street = _split_glued_village(text)
        return name, street, []
    return clean(text.replace("\n", " ")), None, []


def _split_glued_village(text: str) -> tuple[str | None, str | None]:
    """'DPS Sieradz Filia … chorych Rożdzały 7' -> ('DPS Sieradz Filia … chorych', 'Rożdzały 7').

    Only when the text ends in a house number preceded by a capitalised place name that is not
    governed by a preposition ("w Pniewie 91" stays whole: that is the name's own locative).
    A capitalised word before the place joins it ("ŚDS Mszana Górna 401") unless it is an
    abbreviation (ŚDS, DPS), a repeat of the place ("DPS Biskupice Biskupice 72") or an
    inflected word of the name ("… Psychicznie Chorych Karsznice 62").
    """
    words = text.split()
    end = len(words)
    if end >= 2 and re.fullmatch(r"[A-Za-z]", words[-1]) and _NUMBER_TOKEN.match(words[-2]):
        end -= 1  # "Żegocina 232 a"
    if end < 3 or not _NUMBER_TOKEN.match(words[end - 1]):
        return clean(text), None
    place_start = end - 2
    place = words[place_start]
    if not place[:1].isupper() or place.endswith(_QUOTES) or not any(c.islower() for c in place):
        return clean(text), None
    previous = words[place_start - 1] if place_start >= 1 else ""
    if (
        place_start >= 2
        and previous[:1].isupper()
        and any(c.islower() for c in previous)
        and not previous.endswith(_QUOTES)
        and previous != place
        and not fold_key(previous).endswith(_INFLECTED_ENDINGS)
    ):
        place_start -= 1
        previous = words[place_start - 1]
    if place_start < 1 or previous.lower().rstrip(".") in _PREPOSITIONS:
        return clean(text), None
    return clean(" ".join(words[:place_start])), clean(" ".join(words[place_start:]))


_QUOTES: Final = ('"', "”", "'", "“")
# Endings of declined adjectives and adverbs that make up institution names, never the first
# word of a two-word village name.
_INFLECTED_ENDINGS: Final = ("ych", "ich", "ego", "emu", "ej", "ym", "im", "ami", "nie", "cie")
_LEADING_ABBREVIATION = re.compile(r"^([A-ZĄĆĘŁŃÓŚŹŻ]{2,}\.?)\s+(\S.*\d.*)$")
