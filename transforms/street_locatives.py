"""A street after "przy", as institution names write it: "ul. Rudzka 56" -> "przy ul. Rudzkiej
56", "ul. Sienkiewicza 211" -> "przy ul. Sienkiewicza 211" ("Dom Pomocy Społecznej w Łodzi przy
ul. Rojnej 15", the form a town with several homes of one type names each of them by).

A street named by an adjective ("Rudzka", "Spadkowa", "Nowobielańska") agrees with "ulica" and
takes the feminine locative, from Morfeusz; a street named by a person or a thing in the
genitive ("Sienkiewicza", "Jana Pawła II", "mjr. H. M. Sucharskiego", "Wojska Polskiego") stays
as written. Anything else (a street of two nouns in the nominative, a village and its house
number with no street, a word read only in another case) gives None: a form is never guessed.
"""

from __future__ import annotations

import re

from transforms.contacts import parse_street
from transforms.morphology import analyse_word, generate

# Streets a name says "przy" before ("na os. …" is another phrase, left alone).
_AFTER_PRZY = frozenset({"ul.", "al.", "pl."})


def _adjective_locative(word: str) -> str | None:
    """The feminine singular locative of a word read as an adjective's feminine nominative
    ("Rudzka" -> "Rudzkiej"), keeping its capital; None when it is not read so."""
    for reading in analyse_word(word.lower()):
        parts = reading.tag.split(":")
        if parts[0] != "adj" or len(parts) < 4:
            continue
        if "sg" in parts[1] and "nom" in parts[2].split(".") and "f" in parts[3].split("."):
            for form, tag in generate(reading.lemma):
                t = tag.split(":")
                if t[0] == "adj" and t[1] == "sg" and "loc" in t[2].split(".") and "f" in t[3]:
                    if t[-1] == "pos":
                        return form[:1].upper() + form[1:] if word[:1].isupper() else form
    return None


def _stays(word: str) -> bool:
    """A word a street name keeps after "przy": an initial or a title's abbreviation ("mjr"),
    a Roman numeral, a word in the genitive, or a surname Morfeusz does not know."""
    if word.endswith(".") or word.islower() or len(word) <= 2 or re.fullmatch(r"[IVXLC]+", word):
        return True
    readings = analyse_word(word) or analyse_word(word.lower())
    if all(r.tag == "ign" for r in readings):
        return True
    return any("gen" in r.cases or r.pos == "brev" for r in readings)


def street_after_przy(street: str) -> str | None:
    """ "ul. Rudzka 56" -> "przy ul. Rudzkiej 56"; None when the street cannot be phrased."""
    parts = parse_street(street)
    if parts is None or parts.prefix not in _AFTER_PRZY or not parts.number:
        return None
    if any(ch.isdigit() for ch in parts.name):
        return None  # "ul. 3 Maja": left as the source writes it
    words = parts.name.split()
    if len(words) == 1 and (locative := _adjective_locative(words[0])) is not None:
        return f"przy {parts.prefix} {locative} {parts.number}"
    if all(_stays(word) for word in words):
        return f"przy {parts.prefix} {parts.name} {parts.number}"
    return None
