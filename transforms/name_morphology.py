"""Morfeusz readings of name words, their lemmas and the nominative of an inflected name.

`readings`, `key_lemma` and `place_lemma` read one word of an institution name; `nominative`
puts an inflected institution phrase back into the nominative by generating forms with
Morfeusz (the head noun and the adjectives that agree with it); genitive complements
("Pomocy Społecznej") and the place phrase stay as written. `transforms.names` builds a name's
parts and key on these.

Word-level Morfeusz lookups are cached (`functools.lru_cache`), so a million names cost
mostly dictionary hits; nothing is set up per call.

Rules kept deliberately light, for ASCII-folded words Morfeusz does not know:
- words of the institution vocabulary (every word of the acronym table, the head nouns and
  common modifiers) are found through an index of their folded forms, generated once from
  Morfeusz ("OSRODKA" -> "ośrodek", "SPOLECZNEJ" -> "społeczny");
- other unknown words that end like an adjective lose the ending ("...owej" -> "...owy",
  "...skiego" -> "...ski", "...nej" -> "...ny"); anything else stays the folded word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from transforms.acronyms import ACRONYMS, acronym_token_key, by_short
from transforms.morphology import analyse_word, generate
from transforms.text import fold, normalise_space

# ---------------------------------------------------------------------------------------------
# Word-level morphology
# ---------------------------------------------------------------------------------------------

ADJ_POS = frozenset({"adj", "pact", "ppas"})
NOUN_POS = frozenset({"subst", "depr"})
PERSON_QUALIFIERS = frozenset({"imię", "nazwisko"})
GEO_QUALIFIER = "nazwa_geograficzna"
ARCHAIC_QUALIFIERS = frozenset({"przest.", "daw.", "arch."})
DEGREES = frozenset({"pos", "com", "sup"})
# Titles of a patron: after the head they open a genitive phrase naming a person ("Hospicjum
# Świętego Józefa", "Szpital Błogosławionej Marty"), never an adjective of the head.
PATRON_LEMMAS = frozenset({"święty", "błogosławiony"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One Morfeusz reading of a word, with the tag split into the parts agreement needs."""

    lemma: str
    pos: str
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    qualifiers: tuple[str, ...]
    folded: bool  # found through the ASCII-folded index: generated forms must be folded too
    degree: str = ""  # of an adjective: pos, com or sup ("Najwyższego" is "wysoki", sup)

    @property
    def proper(self) -> bool:
        return self.lemma[:1].isupper() or any(q in PERSON_QUALIFIERS for q in self.qualifiers)

    @property
    def geographic(self) -> bool:
        return GEO_QUALIFIER in self.qualifiers

    @property
    def first_name(self) -> bool:
        return "imię" in self.qualifiers


def _reading(lemma: str, tag: str, qualifiers: tuple[str, ...], folded: bool) -> Reading:
    parts = tag.split(":")
    pos = parts[0]
    numbers: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    genders: frozenset[str] = frozenset()
    degree = ""
    # Tags of declinable classes read pos:number:case:gender[:...]; others have no such slots.
    if pos in NOUN_POS or pos in ADJ_POS or pos == "num":
        if len(parts) > 1:
            numbers = frozenset(parts[1].split("."))
        if len(parts) > 2:
            cases = frozenset(parts[2].split("."))
        if len(parts) > 3:
            genders = frozenset(parts[3].split("."))
    if pos in ADJ_POS and parts[-1] in DEGREES:
        degree = parts[-1]
    return Reading(lemma, pos, numbers, cases, genders, qualifiers, folded, degree)


@lru_cache(maxsize=500_000)
def morfeusz_readings(word: str) -> tuple[Reading, ...]:
    out = tuple(
        _reading(a.lemma, a.tag, a.qualifiers, False) for a in analyse_word(word) if a.pos != "ign"
    )
    return out


# Head nouns of institution names. Their forms are generated from these lemmas by Morfeusz,
# never listed by hand. "instytucja", "jednostka", "fundusz", "program" are left out on
# purpose: in prose they name roles or money, not a body ("Instytucją Koordynującą").
HEAD_LEMMAS: tuple[str, ...] = (
    "ośrodek",
    "poradnia",
    "centrum",
    "urząd",
    "szkoła",
    "zespół",
    "stowarzyszenie",
    "fundacja",
    "federacja",
    "towarzystwo",
    "komenda",
    "komisariat",
    "posterunek",
    "sąd",
    "prokuratura",
    "starostwo",
    "stacja",
    "dom",
    "placówka",
    "przedszkole",
    "żłobek",
    "liceum",
    "technikum",
    "gimnazjum",
    "szpital",
    "przychodnia",
    "zakład",
    "warsztat",
    "klub",
    "świetlica",
    "punkt",
    "hospicjum",
    "inspektorat",
    "kuratorium",
    "biblioteka",
    "uniwersytet",
    "hufiec",
    "schronisko",
    "noclegownia",
    "izba",
    "straż",
    "spółdzielnia",
    "komitet",
    "ognisko",
    "uzdrowisko",
)

# Modifiers common in institution names, beyond those in the acronym table, for the folded
# index (ASCII-folded registries write "SPOLECZNEJ", "POWIATOWEGO").
_EXTRA_VOCABULARY: tuple[str, ...] = (
    "powiatowy",
    "miejski",
    "gminny",
    "wojewódzki",
    "regionalny",
    "publiczny",
    "niepubliczny",
    "samodzielny",
    "specjalny",
    "specjalistyczny",
    "społeczny",
    "rodzina",
    "rodzinny",
    "pomoc",
    "dziecko",
    "młodzież",
    "podstawowy",
    "ogólnokształcący",
    "zawodowy",
    "techniczny",
    "kultura",
    "sport",
    "sportowy",
    "rekreacja",
    "zdrowie",
    "miasto",
    "gmina",
    "powiat",
    "rejonowy",
    "okręgowy",
    "nieletni",
    "kuratorski",
    "służba",
    "sądowy",
    "wsparcie",
    "dzienny",
    "środowiskowy",
    "terapia",
    "zajęciowy",
    "interwencja",
    "kryzysowy",
    "integracja",
    "uzależnienie",
    "profilaktyka",
    "przemoc",
    "osoba",
    "niepełnosprawny",
    "niepełnosprawność",
    "senior",
    "opiekuńczy",
    "wychowawczy",
    "psychologiczny",
    "pedagogiczny",
    "sanitarny",
    "epidemiologiczny",
    "policja",
    "praca",
    "kształcenie",
    "ustawiczny",
    "opieka",
    "zdrowotny",
    "psychiczny",
    "międzyszkolny",
    "polityka",
    "marszałkowski",
    "województwo",
    "rewalidacyjny",
    "socjoterapia",
    "szkolny",
    "przedszkolny",
    "wychowanie",
    "rehabilitacja",
    "aktywność",
    "pożarny",
    "państwowy",
    "ochotniczy",
    "sprawa",
    "spółka",
)


def _lemmas_of(text: str) -> Iterable[str]:
    for word in re.findall(r"[^\W\d_]+", text):
        found = morfeusz_readings(word)
        yield min(found, key=_rank).lemma if found else word.lower()


@lru_cache(maxsize=1)
def folded_index() -> dict[str, tuple[Reading, ...]]:
    """Folded form -> readings, for the institution vocabulary (built once, ~0.2 s)."""
    lemmas: set[str] = set(HEAD_LEMMAS) | set(_EXTRA_VOCABULARY)
    for row in ACRONYMS:
        lemmas.update(_lemmas_of(row.full))
    index: dict[str, list[Reading]] = {}
    for lemma in sorted(lemmas):
        for form, tag in generate(lemma):
            reading = _reading(lemma, tag, (), True)
            bucket = index.setdefault(fold(form).lower(), [])
            if reading not in bucket:
                bucket.append(reading)
    return {form: tuple(readings) for form, readings in index.items()}


@lru_cache(maxsize=1)
def institution_vocabulary() -> frozenset[str]:
    """Folded lemmas of the institution vocabulary (to tell a place from a name word)."""
    return frozenset(fold(r.lemma).lower() for rs in folded_index().values() for r in rs)


@lru_cache(maxsize=500_000)
def readings(word: str) -> tuple[Reading, ...]:
    """Every reading of one word without hyphens; () when neither Morfeusz nor the folded
    index knows it. ASCII words try the folded index first: an ASCII-folded "SZKOL" is far
    more likely "szkół" than the imperative of "szkolić"."""
    if word.isascii():
        indexed = folded_index().get(word.lower())
        if indexed:
            # A word Morfeusz knows as written ("Szkole": szkoła) is a real form of the indexed
            # lemma, not a folded one: the forms made from it keep their Polish letters
            # ("Szkoła", not "Szkola").
            as_written = {(r.lemma.lower(), r.pos) for r in morfeusz_readings(word)}
            return tuple(
                replace(r, folded=False) if (r.lemma.lower(), r.pos) in as_written else r
                for r in indexed
            )
    found = morfeusz_readings(word)
    if not found and not word.islower():
        # Morfeusz knows capitalised forms of common words but not every all-caps spelling.
        found = morfeusz_readings(word.lower()) or morfeusz_readings(word.capitalize())
    return found


_ADJ_ENDING = re.compile(
    r"^(?P<stem>\w{3,}?(?:sk|ck|dzk|n|ow|cz|ln|yjn|ijn|yczn|iczn))"
    r"(?:iego|iemu|iej|imi|ich|im|ie|ia|ą|ego|emu|ej|ymi|ych|ym|y|i|e|a|o)$"
)


def _fallback_lemma(folded_lower: str) -> str:
    match = _ADJ_ENDING.match(folded_lower)
    if not match:
        return folded_lower
    stem = match.group("stem")
    return stem + ("i" if stem.endswith(("k", "g")) else "y")


def _rank(reading: Reading) -> tuple[int, int, int, str]:
    return (
        1 if reading.proper else 0,
        1 if any(q in ARCHAIC_QUALIFIERS for q in reading.qualifiers) else 0,
        0 if reading.pos in NOUN_POS or reading.pos in ADJ_POS else 1,
        reading.lemma,
    )


@lru_cache(maxsize=500_000)
def key_lemma(word: str) -> str:
    """The folded lower-case lemma of a name word ("Społecznej" -> "spoleczny")."""
    found = readings(word)
    if found:
        return fold(min(found, key=_rank).lemma).lower()
    return _fallback_lemma(fold(word).lower())


@lru_cache(maxsize=200_000)
def place_lemma(word: str, after_preposition: bool) -> str:
    """The folded lower-case nominative of one place word ("Skarżysku" -> "skarzysko").

    Geographic readings win; after "w"/"we" the locative ones. A word Morfeusz has no
    geographic reading for is an adjective of a compound name ("Kościelnym"): its adjective
    lemma is used, so both "Skarżysku Kościelnym" and "Skarżysko Kościelne" give "koscielny".
    """
    found = morfeusz_readings(word) or morfeusz_readings(word.capitalize())
    geo = [r for r in found if r.geographic]
    if geo:
        wanted = "loc" if after_preposition else "nom"
        geo.sort(key=lambda r: (wanted not in r.cases, r.lemma))
        return fold(geo[0].lemma).lower()
    adjectives = [r for r in found if r.pos in ADJ_POS]
    if adjectives:
        return fold(min(adjectives, key=_rank).lemma).lower()
    if found:
        return fold(min(found, key=_rank).lemma).lower()
    return fold(word).lower()


# ---------------------------------------------------------------------------------------------
# Nominative
# ---------------------------------------------------------------------------------------------

_CASE_ORDER = ("gen", "dat", "acc", "inst", "loc", "voc")
INFLECTED_ACRONYM = re.compile(
    r"^(?P<base>[A-ZĄĆĘŁŃÓŚŹŻ]{2,}[A-Za-ząćęłńóśźż]{0,2}?)-(?:[a-ząćęłńóśźż]{1,3})$"
)
ROMAN_NUMERAL = re.compile(
    r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$"
)
_NUMERIC = re.compile(r"^\d+[a-zA-Z]?\.?$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(numeral: str) -> int:
    """The value of a roman numeral in capitals ("IV" -> 4, "XII" -> 12)."""
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    return sum(
        -value if i + 1 < len(values) and values[i + 1] > value else value
        for i, value in enumerate(values)
    )


def _is_numeral(token: str) -> bool:
    return bool(ROMAN_NUMERAL.match(token) or _NUMERIC.match(token))


@lru_cache(maxsize=200_000)
def _inflect(
    lemma: str, pos: str, number: str, gender: str, folded: bool, degree: str = ""
) -> str | None:
    """The nominative of `lemma` in `number`/`gender`, generated by Morfeusz; an adjective
    keeps its degree ("Najwyższego" -> "Najwyższy", not the positive "Wysoki")."""
    for form, tag in generate(lemma):
        parts = tag.split(":")
        if len(parts) < 4 or (parts[0] in ADJ_POS) != (pos in ADJ_POS):
            continue
        if parts[0] in NOUN_POS and pos not in NOUN_POS:
            continue
        if pos in ADJ_POS and parts[0] == "adj" and parts[-1] != (degree or "pos"):
            continue
        if number in parts[1].split(".") and "nom" in parts[2].split("."):
            if gender in parts[3].split("."):
                return fold(form) if folded else form
    return None


def _match_case(template: str, form: str) -> str:
    if template.isupper() and len(template) > 1:
        return form.upper()
    if template[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _last_part(token: str) -> str:
    """The inflected part of a compound: "Psychologiczno-Pedagogicznej" and, as pages also
    write it, "Psychologiczno–Pedagogicznej" with an en dash."""
    return token.replace("\u2013", "-").rsplit("-", 1)[-1]


def _triples(reading: Reading) -> set[tuple[str, str, str]]:
    return {(n, c, g) for n in reading.numbers for c in reading.cases for g in reading.genders}


def _adjective_readings(token: str) -> tuple[Reading, ...]:
    return tuple(r for r in readings(_last_part(token)) if r.pos in ADJ_POS and not r.proper)


def _noun_readings(token: str) -> tuple[Reading, ...]:
    return tuple(r for r in readings(_last_part(token)) if r.pos in NOUN_POS and not r.proper)


def _lemmas(found: tuple[Reading, ...]) -> set[str]:
    return {fold(reading.lemma).lower() for reading in found}


@lru_cache(maxsize=1)
def _complement_pairs() -> frozenset[tuple[str, str]]:
    """(adjective, noun) lemmas that the acronym table's full names write as a genitive
    complement after the head: "Uniwersytet Trzeciego Wieku" gives (trzeci, wiek), while
    "Komenda Powiatowa Policji" gives nothing (its adjective is the head's)."""
    pairs: set[tuple[str, str]] = set()
    for row in ACRONYMS:
        tokens = normalise_space(row.full).split(" ")
        for i in range(1, len(tokens) - 1):
            adjectives = _adjective_readings(tokens[i])
            if not adjectives or any("nom" in r.cases for r in adjectives):
                continue
            if _noun_readings(tokens[i + 1]) and agreement(tokens, i, i + 1):
                pairs.update(
                    (adjective, noun)
                    for adjective in _lemmas(adjectives)
                    for noun in _lemmas(_noun_readings(tokens[i + 1]))
                )
    return frozenset(pairs)


def _complement_pair(adjective: str, noun: str) -> bool:
    pairs = _complement_pairs()
    return any(
        (a, n) in pairs
        for a in _lemmas(_adjective_readings(adjective))
        for n in _lemmas(_noun_readings(noun))
    )


def agreement(tokens: list[str], start: int, head: int) -> set[tuple[str, str, str]]:
    """(number, case, gender) readings shared by the noun at `head` and every word from
    `start` before it read as an adjective; empty when they cannot agree."""
    if head >= len(tokens):
        return set()
    state: set[tuple[str, str, str]] = set()
    for reading in _noun_readings(tokens[head]):
        state |= _triples(reading)
    for i in range(start, head):
        if not state:
            break
        allowed: set[tuple[str, str, str]] = set()
        for reading in _adjective_readings(tokens[i]):
            allowed |= _triples(reading)
        state &= allowed
    return state


@lru_cache(maxsize=200_000)
def nominative(phrase: str) -> str:
    """An inflected institution phrase in the nominative:
    "Poradnią Psychologiczno-Pedagogiczną w Skarżysku-Kamiennej" ->
    "Poradnia Psychologiczno-Pedagogiczna w Skarżysku-Kamiennej".

    The head noun and the adjectives agreeing with it (before and after it) are regenerated in
    the nominative, same number and gender; complements ("Pomocy Społecznej"), the place and
    the patron are kept as written. A phrase without a recognisable head comes back
    space-normalised and otherwise unchanged.
    """
    tokens = normalise_space(phrase).split(" ")
    if not tokens or tokens == [""]:
        return ""
    if len(tokens) > 3 and tokens[1] == "i" and _adjective_readings(tokens[0]):
        # "Miejskiej i Powiatowej Biblioteki …": the first adjective agrees with the same head
        rest = nominative(" ".join(tokens[2:]))
        first = nominative(" ".join([tokens[0], *tokens[3:]])).split(" ")[0]
        return f"{first} i {rest}"
    start = 0
    while start < len(tokens) and _is_numeral(tokens[start]):
        start += 1
    if start < len(tokens):
        # "PUP", "MOPS" as written: already the nominative (Morfeusz would read "PUP" as the
        # genitive plural of "pupa").
        if tokens[start].isupper() and acronym_token_key(tokens[start]) in by_short():
            return " ".join(tokens)
        acronym = INFLECTED_ACRONYM.match(tokens[start])
        if acronym and acronym_token_key(acronym.group("base")) in by_short():
            tokens[start] = acronym.group("base")
            return " ".join(tokens)

    # Adjectives before the head, then the head: the first noun the adjectives before it agree
    # with. A word that is both ("Ośrodkowi": noun, or the adjective "ośrodkowy") is the head
    # unless the next word makes a better one ("Kościelny Ośrodek").
    head = -1
    state: set[tuple[str, str, str]] = set()
    for i in range(start, len(tokens)):
        here = agreement(tokens, start, i)
        if here and _adjective_readings(tokens[i]) and agreement(tokens, start, i + 1):
            here = set()
        if here:
            head, state = i, here
            break
        if not _adjective_readings(tokens[i]):
            return " ".join(tokens)
    if head < 0:
        return " ".join(tokens)
    agreeing = list(range(start, head))
    end = head + 1
    while end < len(tokens):
        allowed = set()
        found = _adjective_readings(tokens[end])
        if any(reading.lemma in PATRON_LEMMAS for reading in found):
            break
        for reading in found:
            allowed |= _triples(reading)
        if not allowed & state:
            break
        # "Uniwersytetu Trzeciego Wieku": an adjective that the known full names write as a
        # complement of the noun after it stays with that noun, in the genitive.
        if end + 1 < len(tokens) and _complement_pair(tokens[end], tokens[end + 1]):
            break
        state &= allowed
        agreeing.append(end)
        end += 1

    # "Rady Powiatu", "Ministerstwa Zdrowia": a head's genitive singular reads as a nominative
    # plural too. A name is singular unless no singular reading is left ("Warsztaty Terapii").
    singular = {t for t in state if t[0] == "sg"}
    if singular:
        state = singular
    if any(case == "nom" for _n, case, _g in state):
        return " ".join(tokens)
    # Of two genders the head reads in, the one of its likelier lemma ("Koła": "koło", not the
    # rare "kół" a stake; `_rank`), so "Szkolnego Koła Caritas" is "Szkolne Koło Caritas".
    heads = _noun_readings(tokens[head])

    def likelier(gender: str) -> tuple[int, int, int, str]:
        ranks = [_rank(r) for r in heads if gender in r.genders]
        return min(ranks) if ranks else (9, 9, 9, "")

    number, _case, gender = min(
        state,
        key=lambda t: (
            t[0] != "sg",
            _CASE_ORDER.index(t[1]) if t[1] in _CASE_ORDER else 9,
            likelier(t[2]),
            t[2],
        ),
    )

    replacements: dict[int, str] = {}
    for i in [head, *agreeing]:
        token = tokens[i]
        last = _last_part(token)
        candidates = _noun_readings(token) if i == head else _adjective_readings(token)
        form: str | None = None
        for reading in sorted(candidates, key=_rank):
            if number in reading.numbers and gender in reading.genders:
                form = _inflect(
                    reading.lemma, reading.pos, number, gender, reading.folded, reading.degree
                )
                if form:
                    break
        if form is None:
            return " ".join(tokens)
        prefix = token[: len(token) - len(last)]
        replacements[i] = prefix + _match_case(last, form)
    return " ".join(replacements.get(i, token) for i, token in enumerate(tokens))
