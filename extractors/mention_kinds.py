"""Whether a mention phrase names one body (`extractors.mentions`): a plural or bare head, a
project structure, a weak head without whose it is ("Rada Pedagogiczna"), a fund that is money
name none (`is_generic`); the words of a kind of public unit alone, maybe with its number
("Sąd Rejonowy", "Szkoła Podstawowa nr 3"), name one only in context (`kind_only`)."""

from __future__ import annotations

import re

from extractors.mention_spans import PART_WORDS
from extractors.mention_text import (
    SMALL_ROMAN_NUMERAL,
    Token,
    adjective_triples,
    agrees,
    gender_alias,
    head_lemma,
    head_readings,
    head_triples,
    is_adjective,
)
from extractors.mention_words import (
    ACTIVITY_HEADS,
    ADJECTIVE_HEADS,
    DIGITAL_ADJECTIVES,
    FUND_ADJECTIVES,
    INTERNAL_TEAM_HEADS,
    KIND_WORDS,
    NATIONAL_ADJECTIVES,
    NATIONAL_HEADS,
    ORGAN_COMPLEMENTS,
    ORGAN_LEMMAS,
    ORGANS_WITH_ADJECTIVE,
    PLACED_HEADS,
    PLURAL_NAME_HEADS,
    PROJECT_WORDS,
    REGIONAL_ADJECTIVES,
    REGIONAL_UNIT_HEADS,
    SECTION_HEADS,
    TERRITORY_NOUNS,
    UNIT_REGION_ADJECTIVES,
    WEAK_HEADS,
)
from transforms.name_morphology import HEAD_LEMMAS, institution_vocabulary, key_lemma, readings
from transforms.text import fold

_DIGITS = re.compile(r"^\d+[a-zA-Z]?$")
_DASH = re.compile("[-–]")
# Heads of the directory's public kinds, whose names are their kind and seat; an NGO's head
# ("Stowarzyszenie", "Fundacja") comes with a name of its own.
OWN_NAME_HEADS = frozenset(
    {"stowarzyszenie", "fundacja", "federacja", "towarzystwo", "spółdzielnia", "komitet"}
)


def _parts(word: str) -> list[str]:
    """A compound's parts, joined by a hyphen or an en dash ("Psychologiczno–Pedagogiczna")."""
    return _DASH.split(word)


def lower_compound_adjective(tokens: list[Token], j: int) -> bool:
    """Token j is a compound adjective in lower case ("południowo–wschodnich") that agrees
    with the capitalised noun before it: part of an NGO's own name ("Stowarzyszenie Miłośników
    Kresów południowo–wschodnich"), written as in prose."""
    token = tokens[j]
    parts = _parts(token.text)
    if not token.is_word or not token.text.islower() or len(parts) != 2:
        return False
    noun = tokens[j - 1]
    if not parts[0].endswith("o") or not noun.capitalised:
        return False
    adjective = adjective_triples(readings(parts[1]), adjective=True)
    nouns = {
        (n, c, g)
        for r in readings(noun.text)
        if r.pos in ("subst", "depr")
        for n in r.numbers
        for c in r.cases
        for g in r.genders
    }
    return bool(adjective & gender_alias(nouns))


def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(word).lower() for word in words)


def _lemmas(tokens: list[Token]) -> set[str]:
    """The words' folded lemmas: the matching key's, and an adjective's own where the
    dictionary reads the word as a noun too ("Centralne" is "centralny" as well as the noun
    "centralne", which the key takes)."""
    return {
        lemma
        for t in tokens
        if t.is_word
        for part in _parts(t.text)
        for lemma in (key_lemma(part), *_adjective_lemmas(part))
    }


def _adjective_lemmas_of(tokens: list[Token]) -> set[str]:
    return {lemma for t in tokens if t.is_word for lemma in _adjective_lemmas(t.text)}


def _adjective_lemmas(word: str) -> set[str]:
    return {fold(r.lemma).lower() for r in readings(word) if r.pos == "adj" and not r.proper}


def is_generic(tokens: list[Token], start: int, head: int, end: int, placed: bool) -> bool:
    """A phrase that names no one body: a plural or bare head, a project structure, a weak
    head without whose it is ("Rada Pedagogiczna"), a fund that is money."""
    found = head_readings(tokens[head])
    lemma = found[0].lemma
    plural = _numbers(tokens, start, head) == {"pl"}
    if plural and not any(
        PLURAL_NAME_HEADS.get(r.lemma) in _lemmas(tokens[head + 1 : end]) for r in found
    ):
        return True
    if end - start < 2:
        return True  # a bare head: "Zespołu", "Poradni"
    if _lemmas(tokens[start:end]) & PROJECT_WORDS:
        return True
    if (
        lemma in INTERNAL_TEAM_HEADS
        and start == head
        and not placed
        and head + 1 < end
        and tokens[head + 1].lower == "ds"
    ):
        return True  # "Zespół ds. Obronnych": a team inside the office that names it
    before = _lemmas(tokens[start:head])
    after = _lemmas(tokens[head + 1 : end])
    if (lemma in WEAK_HEADS or lemma in ORGAN_LEMMAS) and key_lemma(
        tokens[end - 1].text
    ) in _folded(TERRITORY_NOUNS):
        return True  # "Rada Gminy", "Wójt Gminy": whose gmina, the phrase does not say
    if before & _folded(DIGITAL_ADJECTIVES):
        return True  # "Elektroniczny Urząd Podawczy", "Cyfrowy Urząd": a service online
    national = bool(before & _folded(NATIONAL_ADJECTIVES))
    if lemma in WEAK_HEADS:
        regional = bool(before & _folded(REGIONAL_ADJECTIVES)) and end - head > 1
        owned = bool(after & _folded(TERRITORY_NOUNS)) or "ds" in after
        owned = owned or bool(after & _folded(frozenset(ORGAN_LEMMAS)))  # "Biuro Rzecznika …"
        return not (placed or owned or national or regional)
    if lemma in SECTION_HEADS and start == head and _body_in_genitive(tokens[head + 1 : end]):
        return True  # "Organizacja Urzędu Gminy": a section of the office's page (fresh n059)
    if lemma in NATIONAL_HEADS:
        regional = any(t.capitalised for t in tokens[start:head])
        parted = bool(after & PART_WORDS)  # "Zgromadzenie Sióstr … – Prowincja Krakowska"
        return not (national or regional or parted or after & _folded(TERRITORY_NOUNS))
    if lemma == "fundusz":
        return not before & _folded(FUND_ADJECTIVES)
    if lemma in PLACED_HEADS and not placed and all(t.lower != "im" for t in tokens[head:end]):
        return True
    if lemma in ORGAN_COMPLEMENTS:
        return not after & _folded(ORGAN_COMPLEMENTS[lemma])
    if lemma in ORGANS_WITH_ADJECTIVE or lemma in ADJECTIVE_HEADS:
        return head == start
    if lemma in REGIONAL_UNIT_HEADS:
        regions = _folded(REGIONAL_ADJECTIVES | UNIT_REGION_ADJECTIVES)
        return not any(
            word in regions or word.endswith(("ski", "cki", "dzki"))
            for word in _adjective_lemmas_of(tokens[start:head])
        )
    return False


def _body_in_genitive(tokens: list[Token]) -> bool:
    """The first of `tokens` is another body's head in the genitive singular ("Urzędu",
    "Ośrodka"), not its own complement ("Pracy", "Zdrowia")."""
    return bool(tokens) and any(
        "sg" in r.numbers and "gen" in r.cases and r.lemma not in SECTION_HEADS
        for r in head_readings(tokens[0])
    )


def _numbers(tokens: list[Token], start: int, head: int) -> set[str]:
    """The numbers the head can stand in, given the adjectives right beside it that agree
    with it: "Szkoły" is singular (genitive) or plural, "Szkoły Podstawowe" and "SZKOŁY
    DOTYCZĄCE …" only plural, "Szkoły Podstawowej" only singular."""
    triples = head_triples(tokens[head])
    after = head + 1
    while after < len(tokens) and tokens[after].capitalised and is_adjective(tokens[after]):
        after += 1
    for token in (*tokens[start:head], *tokens[head + 1 : after]):
        if not is_adjective(token):
            continue
        narrowed = triples & adjective_triples(readings(token.text.rsplit("-", 1)[-1]), True)
        triples = narrowed or triples
    return {n for n, _c, _g in triples}


def is_activity(tokens: list[Token], start: int, head: int, end: int, placed: bool) -> bool:
    """A club, circle or section named by common words only, with no place ("Klub
    Literacko-Redakcyjny", "Dyskusyjny Klub Książki"): on an institution's page, a group it
    runs for its residents or pupils, not a body of its own."""
    lemma = head_lemma(tokens[head])
    return lemma in ACTIVITY_HEADS and not placed and not _own_name(tokens, start, head, end)


def _own_name(tokens: list[Token], start: int, head: int, end: int) -> bool:
    """The phrase names its body by more than common words: a number, a patron, a quoted
    name, or a word the dictionary knows only as a proper name or not at all ("Klub
    Sportowy Zieloni", "Klub Rotary")."""
    for token in tokens[start:end]:
        if not token.is_word:
            if token.text in ("„", "”", '"', "“", "«", "»", "+"):
                return True
            continue
        if _DIGITS.match(token.text) or SMALL_ROMAN_NUMERAL.match(token.text):
            return True
        if token.lower in ("im", "imienia", "nr", "numer"):
            return True
        if not token.capitalised or token is tokens[head]:
            continue
        found = [r for part in _parts(token.text) for r in readings(part)]
        if not any(not r.proper for r in found):
            return True
        if tokens.index(token, start) > head and not agrees(token, tokens[head]):
            if not any("gen" in r.cases for r in found):
                return True  # "Klub Sportowy Zieloni": a name in the nominative, no complement
    return False


def kind_only(tokens: list[Token], start: int, head: int, end: int, placed: bool) -> bool:
    """Only the words of a kind of public unit, maybe with its number: "Środowiskowy Dom
    Samopomocy", "Sąd Rejonowy", "Szkoła Podstawowa nr 3"."""
    if placed or head_lemma(tokens[head]) not in HEAD_LEMMAS:
        return False
    if head_lemma(tokens[head]) in OWN_NAME_HEADS:
        return False
    vocabulary = institution_vocabulary() | KIND_WORDS
    for token in tokens[start:end]:
        if not token.is_word:
            if token.text in ("„", "”", '"', "“", "«", "»", "+"):
                return False  # a quoted name of its own, a programme's sign ("Klub Senior+")
            continue
        if _DIGITS.match(token.text) or SMALL_ROMAN_NUMERAL.match(token.text):
            continue  # "Szkoła Podstawowa nr 3" is still a kind without its place
        lowered = token.lower
        if lowered in ("dla", "i", "na", "rzecz", "ds", "spraw", "do", "w", "we", "o", "z"):
            continue
        if lowered in ("nr", "numer"):
            continue
        if lowered in ("im", "imienia"):
            return False
        if any(key_lemma(part) not in vocabulary for part in _parts(token.text)):
            return False
    return True
