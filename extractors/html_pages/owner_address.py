"""The owner's address on a page read as lines, and the addresses that are not its own: a
street in another town than the owner's name places it in (`elsewhere_blocks`), a number after
another street than the owner's (`other_street_lines`), a street and town said in a sentence
(`prose_address`). Split from `owner_lines`, which reads the owner's numbers and mailboxes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.contacts import find_addresses, find_phone_entries
from transforms.name_morphology import morfeusz_readings, place_lemma
from transforms.names import normalise_name
from transforms.text import fold_key


def name_place(name: str) -> str | None:
    """The place an owner's name gives ("w Puławach" of "MOW w Puławach"), as written."""
    try:
        return normalise_name(name).place_raw
    except ValueError:
        return None


_TOWN_STREET = re.compile(r"(?i)^(?:ul\.|ulica|al\.|aleja|aleje|pl\.|plac|os\.|osiedle)")


def elsewhere(address: tuple[str, str, str], place: str | None) -> bool:
    """Whether a street address lies in another town than the one the owner's name places
    it in ("MOW w Puławach" and "Al. Ujazdowskie 11, 00-950 Warszawa", the ministry's
    committee it refers families to). A village's address may give its post town, so only
    a street in a town that shares no word's beginning with the name's place counts; nor is
    a street named like the place elsewhere: "ul. Polanowice 94, 46-220 Byczyna" is the
    village of "CIS CISPOL w Polanowicach" under its post town."""
    street, _, locality = address
    if place is None or not _TOWN_STREET.match(street):
        return False
    if street_named_like(street, place):
        return False
    words = [fold_key(w)[:3] for w in re.split(r"[\s-]+", place) if w[:1].isupper()]
    town = [fold_key(w)[:3] for w in re.split(r"[\s-]+", locality) if w]
    return bool(words) and bool(town) and not set(words) & set(town)


_SAME_WORD_LETTERS = 5


def street_named_like(street: str, place: str) -> bool:
    """Whether a street's name is the place's every word in the nominative ("ul. Polanowice
    94", "w Polanowicach"), not an adjective of it ("ul. Polanowicka"), one word of two ("ul.
    Zielona", "w Zielonej Górze") nor a word of its stem ("ul. Leśna", "w Leśnicy"). A place
    word Morfeusz does not know opens with all of the street's word but its last letter."""
    place_words = [w for w in re.split(r"[\s-]+", place) if w[:1].isupper()]
    named = re.findall(r"[^\W\d_]+", _TOWN_STREET.sub("", street).split(",")[0])
    if not place_words or len(named) != len(place_words):
        return False
    return all(
        _names_place_word(fold_key(word), place_word)
        for word, place_word in zip(named, place_words, strict=True)
    )


def _names_place_word(word: str, place_word: str) -> bool:
    """Whether a street's folded word is a place's word in the nominative (see
    `street_named_like`)."""
    if morfeusz_readings(place_word) or morfeusz_readings(place_word.capitalize()):
        return word == place_lemma(place_word, after_preposition=True)
    return len(word) >= _SAME_WORD_LETTERS and fold_key(place_word).startswith(word[:-1])


_CONTACT_LABEL = re.compile(r"(?i)^\W*(?:tel|telefon|fax|faks|e-?mail|email|www|kom)\b")


def elsewhere_blocks(lines: Sequence[str], place: str | None) -> set[int]:
    """Indexes of the lines of an address in another town than the owner's name places it
    in, with the contact lines that follow it ("Adres: Al. Ujazdowskie 11, 00-950 Warszawa"
    / "tel. 22 23-90-740, email: …" on the page of "MOW w Puławach"): that address's
    numbers and mailboxes are the other body's, as the address is."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not any(elsewhere(address, place) for address in find_addresses(line)):
            continue
        found.add(index)
        following = index + 1
        while following < len(lines) and _CONTACT_LABEL.match(lines[following]):
            found.add(following)
            following += 1
    return found


# "działa w Łodzi przy ul. Pabianickiej 132", "mieści się przy ul. Poświęckiej 8 A we
# Wrocławiu": where a body is, said in a sentence instead of an address block.
_PLACE = r"(?:w|we)\s+(?P<{}>[A-ZŁŚŻŹĆŃÓ][\w-]+(?:\s+[A-ZŁŚŻŹĆŃÓ][\w-]+)?)"
_PROSE_ADDRESS = re.compile(
    r"\b(?:działa|działają|mieści\s+się|znajduje\s+się|ma\s+siedzibę|funkcjonuje)\s+"
    r"(?:" + _PLACE.format("before") + r"\s+)?"
    r"przy\s+(?P<street>(?:ul\.|ulicy|al\.|alei|pl\.|placu)\s*"
    r"[A-ZŁŚŻŹĆŃÓ0-9][\w.-]*(?:\s+[A-ZŁŚŻŹĆŃÓ][\w.-]*){0,3}\s+\d+[A-Za-z]?"
    r"(?:\s?[A-Za-z](?![\w]))?)"
    r"(?:\s+" + _PLACE.format("after") + r")?"
)


def prose_address(lines: Sequence[str]) -> tuple[str, str, str] | None:
    """A street and a town from a sentence that says where the body works (see
    `_PROSE_ADDRESS`): (street, "", town as written), when the sentence gives both."""
    for line in lines:
        for match in _PROSE_ADDRESS.finditer(line):
            town = match.group("before") or match.group("after")
            if town:
                return match.group("street").strip(), "", town
    return None


# "ul. Jarosławska 4", "al. Jana Pawła II 12": a street and its house number in a line.
STREET_IN_LINE = re.compile(
    r"(?i)\b(?:ul|al|pl|os)\.\s*(?P<word>[^\W\d_][\w-]*)(?:\s+[^\W\d_][\w.-]*){0,3}\s+\d+"
)


def _street_word(street: str) -> str:
    """The first word of a street's name, folded ("ul. Łukasiewicza 2" -> "lukasiewicza")."""
    match = STREET_IN_LINE.search(street)
    words = fold_key(match.group("word") if match else street).split()
    words = [w for w in words if w not in ("ul", "al", "pl", "os", "ulica", "aleja", "plac")]
    return words[0] if words else ""


def other_street_lines(lines: Sequence[str], street: str | None, owned: set[int]) -> set[int]:
    """Indexes of the lines whose number follows another street than the owner's ("• do
    Noclegowni prowadzonej przez Caritas Leżajsk, ul. Jarosławska 4, tel. (17) 240 24 01" on
    the page of an OPS at ul. Łukasiewicza 2): a place the page points to, its numbers that
    place's, whether or not its body is named in a form the mention finder reads. Only
    once the owner's own street is known, and never a line naming the owner."""
    own_word = _street_word(street) if street else ""
    if not own_word:
        return set()
    found: set[int] = set()
    for index, line in enumerate(lines):
        match = STREET_IN_LINE.search(line)
        if index in owned or match is None:
            continue
        if fold_key(match.group("word")) == own_word:
            continue
        if any(line.find(entry.number) > match.start() for entry in find_phone_entries(line)):
            found.add(index)
    return found
