"""Institution names split for matching: the type phrase, number, patron, place, quoted name.

`parse_name` turns a name as a source writes it ("Szkołą Podstawową nr 2 im. J. Pawła II w
Żywcu", "Gm. Ośr. Pom. Społ. w Gromniku", "MGPS-em w Bieczu") into the parts the ladders
compare. The type phrase (`core`) is lemmatised (Morfeusz through `transforms.name_morphology`, cached
per word), office abbreviations are written out (`transforms.abbreviations`), acronyms
expanded (`transforms.acronyms`, a misspelt one flagged as a guess), so "Szkołą Podstawową" and
"SZKOLA PODSTAWOWA" give one core. `current_core` reads a former type phrase as the current
one (`transforms.former_names`); `is_generic` tells a phrase that only names a kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from transforms.abbreviations import expand_abbreviations
from transforms.acronyms import acronym_token_key, by_short, misspelt, shared_full, shared_words
from transforms.classify import classify
from transforms.former_names import RENAMINGS
from transforms.name_morphology import (
    folded_index,
    institution_vocabulary,
    key_lemma,
    place_lemma,
    readings,
    roman_value,
)
from transforms.text import fold

_TOKEN = re.compile(r"[„”\"“«»]|[^\W_]+\.?", re.UNICODE)
_QUOTE_CHARS = frozenset('„”"“«»')
_INFLECTED_ACRONYM = re.compile(r"^(?P<base>[A-ZĄĆĘŁŃÓŚŹŻ]{2,})-?(?:[a-ząćęłńóśźż]{1,3})?$")
_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$")
_NUMBER_WORDS = frozenset({"nr", "nr.", "numer"})
_PATRON_WORDS = frozenset({"im.", "im", "imienia"})
_PLACE_PREPOSITIONS = frozenset({"w", "we"})
# Words that never carry the identity of an institution; dropped from the core.
_STOP = frozenset({"i", "z", "ze", "do", "dla", "na", "o", "oraz", "przy", "pw.", "pw", "a", "ds."})


# Words naming the administrative level or kind of a unit: two phrases with different ones
# are different bodies however alike the rest (the model treats this level as a veto) ("Sąd
# Rejonowy" / "Sąd Okręgowy", "Gminny" / "Miejski Ośrodek Pomocy Społecznej", "Powiatowa" /
# "Wojewódzka" Stacja).
LEVEL_WORDS = frozenset(
    {
        "gminny",
        "miejski",
        "miejsko",
        "powiatowy",
        "wojewodzki",
        "regionalny",
        "rejonowy",
        "okregowy",
        "apelacyjny",
        "krajowy",
        "panstwowy",
        "specjalny",
        "samorzadowy",
        "parafialny",
        "diecezjalny",
    }
)


# Legal forms that are different legal persons under different acts: a foundation and an
# association of the same name ("Fundacja „Otwarte Serca” Pomocy Zwierzętom" / "Stowarzyszenie
# „Otwarte Serca” Pomocy Dzieciom") are two bodies. On er-scale not one true candidate pair of
# 550 thousand had one word and not the other.
LEGAL_FORM_WORDS = frozenset({"fundacja", "stowarzyszenie"})
CONFLICT_GROUPS = (LEVEL_WORDS, LEGAL_FORM_WORDS)


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name split for matching. All strings folded, lower-case, space-joined lemmas."""

    key: str  # every word (place included, number excluded), lemmatised, acronyms expanded
    core: str  # the type phrase and proper name: no place phrase, number or patron
    number: str | None  # arabic digits: "nr 2", "II" and "2" all give "2"
    patron: str | None
    place: str | None  # the place phrase of the name ("w Dłutowie" -> "dlutow")
    # The type phrase came from a misspelt acronym ("MGPS"): a guess, to be confirmed by the
    # place and a contact before two records join on it.
    guessed: bool = False
    # The quoted name of an association or club ("„Iskra”" -> "iskra"): its identity among
    # the many of one type and place.
    proper: str | None = None


@lru_cache(maxsize=100_000)
def _expand(token: str) -> tuple[str, ...] | None:
    """The full form of an acronym token ("GOPS", "MOPS-u", "PCPR-em"), else None."""
    match = _INFLECTED_ACRONYM.match(token)
    if not match:
        return None
    row = by_short().get(acronym_token_key(match.group("base")))
    return tuple(shared_full(row).split(" ")) if row is not None else None


@lru_cache(maxsize=100_000)
def _guess(token: str) -> tuple[str, ...] | None:
    """The words a misspelt acronym ("MGPS", "ZPS-u") surely stands for, else None."""
    match = _INFLECTED_ACRONYM.match(token)
    if not match or len(match.group("base")) < 3 or _known_word(match.group("base")):
        return None
    words = shared_words(misspelt(match.group("base")))
    return tuple(words.split(" ")) if words else None


@lru_cache(maxsize=300_000)
def _lemma(word: str) -> str:
    """One lemma per name word: among the word's readings, one of the institution
    vocabulary wins ("Koła" -> "koło", not the plural "koła" or the town Koło), so every
    case of "Koło Gospodyń Wiejskich" gives one type phrase."""
    if not word.isalpha():
        return fold(word).lower()
    lemma = key_lemma(word)
    vocabulary = institution_vocabulary()
    if lemma in vocabulary:
        return lemma
    found = readings(word)
    known = sorted({fold(r.lemma).lower() for r in found} & vocabulary)
    if known:
        return known[0]
    if not found:
        return _misspelt_kind_word(fold(word).lower()) or lemma
    return lemma


@lru_cache(maxsize=1)
def _kind_forms() -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Folded forms of the institution vocabulary by length: (forms, their lemmas)."""
    by_length: dict[int, list[tuple[str, str]]] = {}
    for form, found in folded_index().items():
        lemmas = {fold(r.lemma).lower() for r in found}
        if len(lemmas) == 1:
            by_length.setdefault(len(form), []).append((form, lemmas.pop()))
    return {
        n: (tuple(f for f, _ in rows), tuple(lemma for _, lemma in rows))
        for n, rows in by_length.items()
    }


@lru_cache(maxsize=100_000)
def _misspelt_kind_word(folded: str) -> str | None:
    """The lemma of the one institution word a word no dictionary knows is a typo of, one
    edit away (a letter dropped, added, changed or two swapped): "Ochotmicza", "Gowpodyń",
    "Gospdoyń", "Przyjaciółł". Words under six letters are left alone."""
    if len(folded) < 6:
        return None
    hits: set[str] = set()
    forms = _kind_forms()
    for n in (len(folded) - 1, len(folded), len(folded) + 1):
        if n not in forms:
            continue
        candidates, lemmas = forms[n]
        for _form, _score, i in process.extract_iter(
            folded, candidates, scorer=OSA.distance, score_cutoff=1
        ):
            hits.add(lemmas[i])
    return hits.pop() if len(hits) == 1 else None


@lru_cache(maxsize=300_000)
def _place_word(word: str, after_preposition: bool = True) -> str:
    """A place word's nominative: after "w"/"we" its locative readings win, in a bare place
    ("OSP Klonów", "(Gzików)") its nominative ones ("klonow", not the plural of "klon")."""
    return place_lemma(word, after_preposition) if word.isalpha() else fold(word).lower()


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–—/,;:()]+", text) if w]


_ACRONYM_SUFFIX = re.compile(r"\b([A-ZĄĆĘŁŃÓŚŹŻ]{2,})-[a-ząćęłńóśźż]{1,3}\b")
_SPZOZ = re.compile(r"(?<!\w)(?:S\.?\s?P\.?\s?ZOZ|SPZOZ|SP\s*-\s*ZOZ)(?!\w)", re.IGNORECASE)
_LEADING_PLACE = re.compile(r"^(?P<place>[^,–—]{2,40}?)\s*(?:,|\s[–—-]\s)\s*(?P<rest>.+)$")
# "Ochotnicza Straż Pożarna (Witoldów)", "Zespół Szkół nr 2 (Lubartów)": a place in brackets.
_TRAILING_PLACE = re.compile(r"^(?P<rest>.*\S)\s*\((?P<place>[^()]{2,40})\)\s*$")
# Words after which the end of a name is the place the body is of: "Stowarzyszenie Rozwoju
# Wsi Polik", "Stowarzyszenie Samorządowe Gminy Czchów".
_OF_PLACE_WORDS = frozenset({"wies", "gmina"})


def _is_vocabulary(words: Iterable[str]) -> bool:
    vocabulary = institution_vocabulary()
    return any(_lemma(w) in vocabulary or _expand(w) is not None for w in words)


def place_stem(place: str | None) -> str | None:
    """An inflection-proof place key: 5 letters of the first word, 4 of the others
    ("dlutowo" and "dlutow" -> "dluto"; "stanislawowo stara" -> "stani star")."""
    if not place:
        return None
    words = place.split()
    return " ".join(w[: 5 if i == 0 else 4] for i, w in enumerate(words)) or None


# Case endings of Polish place names, folded, longest first; what is left is compared.
# Not "-ów", "-om", "-em": "Kraków", "Radom", "Przemyśl" end so in the nominative.
_PLACE_ENDINGS = (
    "ach", "ami", "ich", "ych", "ego", "emu", "iej", "owi",
    "ie", "iu", "ia", "ii", "ej",
    "a", "e", "i", "o", "u", "y",
)  # fmt: skip
# Consonants a case ending softens, back to the nominative's: "Dąbrówce" / "Dąbrówka",
# "Górze" / "Góra", "Jeleniej Górze" / "Jelenia Góra".
_SOFTENED = (("rz", "r"), ("dz", "g"), ("c", "k"), ("sz", "ch"), ("z", "g"))


@lru_cache(maxsize=200_000)
def _inflection_stem(word: str) -> str:
    for ending in _PLACE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    for softened, plain in _SOFTENED:
        if word.endswith(softened):
            return word[: -len(softened)] + plain
    return word


def inflected_alike(place: str | None) -> str | None:
    """A place key that forgives only the case ending: "dabrowce" and "dabrowka" give one
    key, "dabrowka" and "dabrowa" (neighbouring villages) two; "slawnie" / "slawno",
    "milkowicach" / "milkowice" one. Finer than `place_stem` (five letters), which keeps
    only what blocking needs."""
    if not place:
        return None
    return " ".join(_inflection_stem(w) for w in place.split()) or None


def parse_name(raw: str) -> NameParts:
    """Split a name as written ("Szkołą Podstawową nr 2 im. J. Pawła II w Żywcu") into parts."""
    uniform_case = raw.upper() == raw or raw.lower() == raw
    text = _SPZOZ.sub(" Samodzielny Publiczny Zakład Opieki Zdrowotnej ", raw.strip())
    text = expand_abbreviations(text)
    text = _ACRONYM_SUFFIX.sub(r"\1", text)
    place: list[str] = []
    # "Radomsko, Miejski Ośrodek…", "Radom – Poradnia…": a leading place segment.
    lead = _LEADING_PLACE.match(text)
    if lead and not _is_vocabulary(_words(lead.group("place"))):
        place = [_place_word(w, False) for w in _words(lead.group("place"))]
        text = lead.group("rest")
    trail = _TRAILING_PLACE.match(text)
    bracketed: list[str] = []
    if trail and not _is_vocabulary(_words(trail.group("place"))):
        bracketed = [_place_word(w, False) for w in _words(trail.group("place"))]
        text = trail.group("rest")
    words: list[str] = []
    for chunk in _words(text):
        words.extend(_TOKEN.findall(chunk))
    number: str | None = None
    patron: list[str] = []
    core: list[str] = []
    guessed = False
    quoted: list[str] = []
    in_quotes = False
    mode = "core"
    located = False  # the place phrase follows "w"/"we" (a locative), not a bare place
    bare_place_may_follow = False  # after an acronym or a quoted name: "GOPS Gromnik"
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word in _QUOTE_CHARS:
            in_quotes = not in_quotes if word == '"' else word in "„“«"
            bare_place_may_follow = not in_quotes
            continue
        if in_quotes:
            (patron if mode == "patron" else core).append(fold(word).lower().rstrip("."))
            if mode != "patron":
                quoted.append(fold(word).lower().rstrip("."))
            continue
        if (
            mode == "core"
            and bare_place_may_follow
            and not uniform_case
            and _is_bare_place(words[i - 1 :])
        ):
            mode = "place"
            place = []
        if mode == "core" and _place_tail_follows(core, words[i - 1 :], uniform_case):
            mode = "place"
            place = []
        bare_place_may_follow = False
        lower = word.lower()
        bare = word.rstrip(".")
        if lower in _NUMBER_WORDS and i < len(words):
            nxt = words[i].rstrip(".")
            if nxt.isdigit() or _ROMAN.match(nxt.upper()):
                number = nxt.lstrip("0") if nxt.isdigit() else str(roman_value(nxt.upper()))
                i += 1
                if (
                    i < len(words)
                    and words[i][:1].isupper()
                    and words[i].lower() not in (_PATRON_WORDS | _PLACE_PREPOSITIONS)
                ):
                    mode = "place"  # "PPP nr 2 Radom": a bare place after the number
                continue
        if mode != "patron" and bare.isdigit() and number is None:
            number = bare.lstrip("0") or "0"
            continue
        if mode == "core" and not core and number is None and _ROMAN.match(word):
            number = str(roman_value(word))  # "II Liceum": a leading roman numeral
            continue
        if lower in _PATRON_WORDS:
            mode = "patron"
            continue
        if lower in _PLACE_PREPOSITIONS and i < len(words) and (word == lower or uniform_case):
            nxt = words[i]
            if nxt[:1].isupper() or nxt[:1].isdigit() or uniform_case:
                mode = "place"
                located = True
                place = []
                continue
        if mode == "place":
            place.append(_place_word(bare, located))
            continue
        if mode == "patron":
            patron.append(fold(bare).lower())
            continue
        expanded = _expand(word.upper()) if word.isupper() or uniform_case else None
        if expanded and not (uniform_case and i > 1 and _known_word(word)):
            core.extend(_lemma(w) for part in expanded for w in part.split("-"))
            bare_place_may_follow = True
            continue
        # A misspelt acronym: in a mixed-case name any capitals word, in an all-capitals
        # one only the first word (elsewhere it may be a place or a surname).
        if word.isupper() and (not uniform_case or i == 1) and not core:
            guess = _guess(word)
            if guess:
                core.extend(_lemma(w) for part in guess for w in part.split("-"))
                guessed = True
                bare_place_may_follow = True
                continue
        if lower in _STOP or not bare:
            continue
        core.append(_lemma(bare))
    if bracketed and not place:
        place = bracketed
    elif bracketed:
        core.extend(bracketed)
    return NameParts(
        key=" ".join(core + place),
        core=" ".join(core),
        number=number,
        patron=" ".join(patron) or None,
        place=" ".join(place) or None,
        guessed=guessed,
        proper=" ".join(quoted) or None,
    )


def _is_bare_place(rest: list[str]) -> bool:
    """The end of a name is a bare place ("Gromnik", "Wola Chomejowa"): up to three
    capitalised words, none of them a name word, a number, a patron or a preposition."""
    return (
        0 < len(rest) <= 3
        and all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in rest)
        and not _is_vocabulary(rest)
    )


def _place_tail_follows(core: list[str], rest: list[str], uniform_case: bool) -> bool:
    """After a type phrase that only names a kind ("Koło Gospodyń Wiejskich", "OSP") or
    after "Wsi" / "Gminy", up to three words that end the name and are no name word are
    the place: "Koło Gospodyń Wiejskich Biskupice", "OCHOTNICZA STRAŻ POŻARNA NOWY
    MIEDZECHÓW", "Stowarzyszenie Rozwoju Wsi Polik"."""
    if not core or not 0 < len(rest) <= 3:
        return False
    if not (core[-1] in _OF_PLACE_WORDS or (len(core) >= 2 and is_generic(" ".join(core)))):
        return False
    if uniform_case:
        shaped = all(w.isalpha() and len(w) > 2 for w in rest)
    else:
        shaped = all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in rest)
    return (
        shaped
        and not any(w.lower() in _STOP or w.lower() in _PLACE_PREPOSITIONS for w in rest)
        and not _is_vocabulary(rest)
    )


@lru_cache(maxsize=100_000)
def _known_word(word: str) -> bool:
    """A word of the language (in any case) is not an acronym: "DOM", "SAD", "KLUB"."""
    return len(word) > 4 or bool(readings(word.lower()))


@lru_cache(maxsize=1)
def _renamings() -> tuple[tuple[str, str], ...]:
    """The former-name table as lemma phrases, longest old phrase first."""
    rows = [
        (" ".join(_lemma(w) for w in _words(r.old)), " ".join(_lemma(w) for w in _words(r.new)))
        for r in RENAMINGS
    ]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=200_000)
def current_core(core: str) -> tuple[str, bool]:
    """A type phrase as it would read today, without its level words, and whether a former
    name was rewritten ("gminny osrodek pomoc spoleczny" -> ("centrum usluga spoleczny",
    True)). Two names meet on it when one of them is a former name (see `former_names`)."""
    padded = f" {core} "
    renamed = False
    for old, new in _renamings():
        if f" {old} " in padded:
            padded = padded.replace(f" {old} ", f" {new} ", 1)
            renamed = True
            break
    return " ".join(w for w in padded.split() if w not in LEVEL_WORDS), renamed


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """Lemmas that name kinds of institution, not one institution: the institution
    vocabulary, the words the office abbreviations stand for, the renamed type phrases."""
    from transforms.abbreviations import ABBREVIATIONS

    words = set(institution_vocabulary())
    for row in ABBREVIATIONS:
        for lemma in (row.first, row.later, row.compound, row.after_hyphen):
            if lemma:
                words.add(_lemma(lemma))
    for renaming in RENAMINGS:
        words.update(_lemma(w) for w in _words(renaming.old + " " + renaming.new))
    return frozenset(words)


def is_generic(core: str) -> bool:
    """A type phrase made only of kind words ("szkola podstawowy", "ochotniczy straz
    pozarny") names a kind, however few records of this input share it."""
    return bool(core) and all(w in _kind_words() for w in core.split())


@lru_cache(maxsize=500_000)
def type_of_core(core: str) -> str:
    """Institution type code of a core phrase (lemmas classify as well as inflected words)."""
    if not core:
        return "other"
    return classify(core).type_code


# A place key in SQL, as `place_stem` in Python.
STEM_MACRO = """
CREATE OR REPLACE TEMP MACRO er_stem(x) AS
    CASE WHEN x IS NULL OR x = '' THEN NULL ELSE array_to_string(
        list_transform(string_split(x, ' '), (w, i) -> w[1:CASE WHEN i = 1 THEN 5 ELSE 4 END]),
        ' ') END
"""

# `inflected_alike` in SQL (the name key's place): the same endings, longest first, then the
# same softened consonants. The ending is cut once, inside a lambda: passed to `er_soften` as
# it is, the macro would copy the regular expression into each of its sixteen uses of `v`
# (each compiled when a statement is planned and run on every word).
_ENDINGS_RE = "|".join(_PLACE_ENDINGS)
ALIKE_MACRO = (
    """
CREATE OR REPLACE TEMP MACRO er_soften(v) AS
    CASE WHEN ends_with(v, 'rz') THEN left(v, length(v) - 2) || 'r'
         WHEN ends_with(v, 'dz') THEN left(v, length(v) - 2) || 'g'
         WHEN ends_with(v, 'c') THEN left(v, length(v) - 1) || 'k'
         WHEN ends_with(v, 'sz') THEN left(v, length(v) - 2) || 'ch'
         WHEN ends_with(v, 'z') THEN left(v, length(v) - 1) || 'g'
         ELSE v END;
CREATE OR REPLACE TEMP MACRO er_alike_word(w) AS
    list_transform([regexp_replace(w, '^(.{3,}?)("""
    + _ENDINGS_RE
    + """)$', '\\1')], v -> er_soften(v))[1];
"""
)
ALIKE_PLACE_MACRO = """
CREATE OR REPLACE TEMP MACRO er_alike(x) AS
    CASE WHEN x IS NULL OR x = '' THEN NULL
         ELSE array_to_string(list_transform(string_split(x, ' '), w -> er_alike_word(w)), ' ')
    END
"""
