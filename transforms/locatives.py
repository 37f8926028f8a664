"""Place names in the locative, as institution names write them: "Charsznica" -> "w Charsznicy",
"Kamienna Góra" -> "w Kamiennej Górze", "Wrocław" -> "we Wrocławiu"; and the written forms of a
known place spelt back with its Polish letters ("w Starym Saczu" -> "w Starym Sączu").

Forms come from Morfeusz: each word of the name is read in the nominative (a geographic reading
first), and its lemma generated in the locative with the number and gender of the name's noun
(adjectives agree with it: "Nowy Sącz" -> "Nowym Sączu"). Words after a lower-case word stay as
written ("Nakło nad Notecią" -> "Nakle nad Notecią"). A word Morfeusz does not know makes the
answer None: a locative is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.morphology import analyser
from transforms.text import fold

_GEO = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})
_ADJ = frozenset({"adj"})
_NOUN = frozenset({"subst", "depr"})


_ARCHAIC = frozenset({"daw.", "przest.", "arch.", "gwar."})


@dataclass(frozen=True, slots=True)
class _WordReading:
    lemma: str  # Morfeusz's lemma with its homonym id ("Sieradz:Sm3"): generate only that one
    pos: str
    number: str
    genders: frozenset[str]
    rank: int  # 0 a place's name, 1 an adjective, 2 a part of a place's name or a noun as written


def _nominative_readings(word: str) -> list[_WordReading]:
    out = []
    for _start, _end, (_form, lemma, tag, names, quals) in analyser().analyse(word):
        parts = tag.split(":")
        pos = parts[0]
        if pos not in _NOUN | _ADJ or len(parts) < 4 or "nom" not in parts[2].split("."):
            continue
        if _ARCHAIC & set(quals):
            continue
        if pos in _ADJ:
            if len(parts) > 4 and parts[4] != "pos":
                continue
            rank = 1
        elif "nazwa_geograficzna" in names:
            rank = 0
        elif _GEO & set(names) or lemma.split(":", 1)[0] == word:
            rank = 2
        else:
            continue
        for number in parts[1].split("."):
            out.append(_WordReading(lemma, pos, number, frozenset(parts[3].split(".")), rank))
    out.sort(key=lambda r: (r.rank, r.number != "sg"))
    return out


def _form(lemma: str, pos: str, number: str, genders: frozenset[str]) -> str | None:
    for form, _lemma, tag, _names, quals in analyser().generate(lemma):
        parts = tag.split(":")
        if len(parts) < 4 or (parts[0] in _ADJ) != (pos in _ADJ) or _ARCHAIC & set(quals):
            continue
        if parts[0] == "adj" and len(parts) > 4 and parts[4] != "pos":
            continue
        if number in parts[1].split(".") and "loc" in parts[2].split("."):
            if genders & frozenset(parts[3].split(".")):
                return str(form)
    return None


def _cased(template: str, form: str) -> str:
    if template.isupper() and len(template) > 1:
        return form.upper()
    if template[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


# Regular endings for words Morfeusz does not know: adjectives (which agree with the head noun;
# their endings are regular) and the commonest endings of village names. A noun inflected by
# these is a guess: the caller checks it against the gazetteer (`Locative.guessed`).
_ADJECTIVE_ENDINGS = (
    # (nominative ending, sg m/n locative, sg f locative, pl locative)
    ("ski", "skim", None, None), ("cki", "ckim", None, None), ("dzki", "dzkim", None, None),
    ("ska", None, "skiej", None), ("cka", None, "ckiej", None), ("dzka", None, "dzkiej", None),
    ("skie", "skim", None, "skich"), ("ckie", "ckim", None, "ckich"),
    ("y", "ym", None, None), ("a", None, "ej", None), ("e", "ym", None, "ych"),
)  # fmt: skip
_NOUN_ENDINGS = (
    ("sko", "sku"), ("cko", "cku"), ("ko", "ku"), ("owo", "owie"), ("ewo", "ewie"),
    ("ów", "owie"), ("ew", "ewie"), ("ice", "icach"), ("yce", "ycach"), ("no", "nie"),
    ("in", "inie"), ("yn", "ynie"), ("ino", "inie"), ("yno", "ynie"),
    # a diminutive's "e" falls out ("Przatówek" -> "Przatówku"); a plural's "-y" takes "-ach"
    # ("Moszczany" -> "Moszczanach", as "Kobylany" -> "Kobylanach")
    ("ek", "ku"), ("any", "anach"),
)  # fmt: skip


def _guess_adjective(word: str, head: _WordReading | None) -> str | None:
    if head is None:
        return None
    feminine = head.number == "sg" and "f" in head.genders
    plural = head.number == "pl"
    for ending, masc_neut, fem, pl in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            wanted = pl if plural else fem if feminine else masc_neut
            if wanted is not None:
                return word[: len(word) - len(ending)] + wanted
    return None


def _guess_noun(word: str) -> str | None:
    for ending, locative in sorted(_NOUN_ENDINGS, key=lambda e: -len(e[0])):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: len(word) - len(ending)] + locative
    return None


@dataclass(frozen=True, slots=True)
class Locative:
    """A place name in the locative, without its preposition; `guessed` when a noun of it was
    inflected by a common ending, not by the dictionary."""

    form: str
    guessed: bool = False

    @property
    def phrase(self) -> str:
        """ "w Charsznicy", "we Wrocławiu"."""
        return f"{preposition_for(self.form)} {self.form}"


# A feminine adjective's ending, which a surname's form has too ("Różaniecka", "Chruścińska").
_SURNAME_SUFFIX = re.compile(r"(?:[sc]k|dzk)a$")


def _surname_form(word: str, readings: list[_WordReading]) -> bool:
    """A word Morfeusz reads as a feminine singular noun only as written (no lexeme:
    "Różaniecka"), with a feminine adjective's ending ("Radowiska", a plural, is none)."""
    nouns = [r for r in readings if r.pos in _NOUN]
    return (
        bool(nouns)
        and all(r.lemma == word and _feminine_singular(r) for r in nouns)
        and bool(_SURNAME_SUFFIX.search(word))
    )


def _feminine_singular(reading: _WordReading) -> bool:
    return reading.number == "sg" and "f" in reading.genders


def _head(words: list[str]) -> _WordReading | None:
    """The noun the name's adjectives agree with: the first word read only as a noun, else the
    first word with a noun reading ("Biała Rawska": Biała)."""
    nouns: list[tuple[bool, _WordReading, str]] = []
    for i, word in enumerate(words):
        readings = _nominative_readings(word)
        noun = next((r for r in readings if r.pos in _NOUN and r.rank < 2), None)
        if noun is None:
            noun = next((r for r in readings if r.pos in _NOUN), None)
        if i > 0 and _surname_form(word, readings):
            first = next((r for r in _nominative_readings(words[0]) if r.pos in _NOUN), None)
            if first is not None and first.rank == 0 and _feminine_singular(first):
                # A surname's form after a place's own name is the name's adjective: "Ruda
                # Różaniecka" declines Ruda ("w Rudzie Różanieckiej"), not the adjective "rudy".
                continue
        if noun is not None:
            nouns.append((any(r.pos in _ADJ for r in readings), noun, word))
    only_nouns = [n for has_adj, n, _word in nouns if not has_adj]
    if only_nouns:
        return only_nouns[0]
    # Every word reads as an adjective too: a place's name before a surname ("Zduńska Wola":
    # Wola, not the surname Zduńska); of places' own names, a feminine one that declines as a
    # noun before the others ("Nowa Ruda": Ruda -> Rudzie, while Nowa -> Nowej as nowy -> nowej;
    # "Sucha Wola": Wola); else the first.
    if not nouns:
        return None
    _has_adj, head, _word = min(nouns, key=lambda n: (n[1].rank, not _feminine_noun(n[2], n[1])))
    return head


def _feminine_noun(word: str, noun: _WordReading) -> bool:
    """A place's own feminine singular name that declines as a noun ("Ruda": Rudzie), not as
    the word's adjective does ("Nowa": Nowej, as nowej)."""
    return noun.rank == 0 and _feminine_singular(noun) and not _adjectival(word, noun)


def _adjectival(word: str, noun: _WordReading) -> bool:
    """A noun whose locative is its word's adjective's locative in the same number and gender:
    a name made of an adjective ("Nowa": Nowej, as nowej), not a noun ("Ruda": Rudzie)."""
    form = _form(noun.lemma, noun.pos, noun.number, noun.genders)
    if form is None:
        return False
    for reading in _nominative_readings(word):
        if reading.pos in _ADJ and reading.number == noun.number and reading.genders & noun.genders:
            adjective = _form(reading.lemma, reading.pos, reading.number, reading.genders)
            if adjective is not None and adjective.lower() == form.lower():
                return True
    return False


def _inflect(word: str, as_adjective: bool, head: _WordReading | None) -> tuple[str, bool] | None:
    readings = _nominative_readings(word)
    if as_adjective:
        adjectives = [r for r in readings if r.pos in _ADJ]
        # The head's number and gender when the adjective as written can have them ("Szklary
        # Górne": plural), else its own ("Ostrów Mazowiecka": feminine).
        agreeing = [
            r for r in adjectives
            if head is not None and r.number == head.number and r.genders & head.genders
        ]  # fmt: skip
        for reading in agreeing or adjectives:
            form = _form(reading.lemma, reading.pos, reading.number, reading.genders)
            if form is not None:
                return _cased(word, form), False
        # Adjective endings are regular ("-ska" -> "-skiej"): not counted as a guess.
        guess = _guess_adjective(word, head)
        return (guess, False) if guess else None
    for reading in readings:
        if reading.pos in _ADJ:
            continue
        form = _form(reading.lemma, reading.pos, reading.number, reading.genders)
        if form is not None:
            return _cased(word, form), False
    for reading in readings:  # a one-word adjectival name ("Zakopane" has a noun reading)
        form = _form(reading.lemma, reading.pos, reading.number, reading.genders)
        if form is not None:
            return _cased(word, form), False
    if readings:
        return None
    guess = _guess_noun(word)
    return (guess, True) if guess else None


_ADJECTIVE_SUFFIX = re.compile(r"(?:[sc]k|dzk|n|ow|w|l)(?:i|y|a|e|ie)$")


@lru_cache(maxsize=50_000)
def locative_of(name: str) -> Locative | None:
    """The locative of a place name ("Nowy Sącz" -> "Nowym Sączu"), or None when one of its
    words cannot be inflected. Words joined by a hyphen are each a name of their own
    ("Bielsko-Biała" -> "Bielsku-Białej"); words after a lower-case one stay as written."""
    words = name.split(" ")
    upto = next((i for i, w in enumerate(words) if w[:1].islower() and i > 0), len(words))
    simple = [w for w in words[:upto] if "-" not in w]
    head = _head(simple) if len(simple) > 1 else None
    out: list[str] = []
    guessed = False
    for i, word in enumerate(words):
        if i >= upto:
            out.append(word)
            continue
        parts = []
        for part in word.split("-"):
            own_head = head
            as_adjective = False
            if "-" in word or len(simple) < 2:
                own_head = next(iter(_nominative_readings(part)), None)
            elif head is not None and part != _head_word(simple, head):
                as_adjective = any(r.pos in _ADJ for r in _nominative_readings(part)) or bool(
                    _ADJECTIVE_SUFFIX.search(part)
                )
            done = _inflect(part, as_adjective, own_head)
            if done is None:
                return None
            parts.append(done[0])
            guessed = guessed or done[1]
        out.append("-".join(parts))
    form = " ".join(out)
    if head is not None and len(out) > 1:
        # An adjectival neuter name declines its adjectives alike: "w Wysokiem Mazowieckiem".
        head_word = _head_word(simple, head)
        head_form = out[words.index(head_word)] if head_word in words else ""
        if head_form.endswith("em") and head_word and head_word.endswith("e"):
            form = " ".join(
                w[:-2] + ("iem" if w.endswith("im") else "em")
                if w != head_form and w.endswith(("ym", "im"))
                else w
                for w in out
            )
    return Locative(form, guessed)


def _head_word(words: list[str], head: _WordReading) -> str | None:
    for word in words:
        if head in _nominative_readings(word):
            return word
    return None


def preposition_for(locative: str) -> str:
    """ "we" before w/f and another consonant ("we Wrocławiu", "we Włocławku"), else "w"."""
    first = fold(locative[:2]).lower()
    if len(first) == 2 and first[0] in "wf" and first[1] not in "aeiouy":
        return "we"
    return "w"


def in_place(name: str) -> str | None:
    """ "w <locative>" from the dictionary alone: "Charsznica" -> "w Charsznicy"; None when a
    word of the name needs a guess."""
    found = locative_of(name)
    if found is None or found.guessed:
        return None
    return found.phrase


@lru_cache(maxsize=50_000)
def _forms_of(word: str) -> dict[str, frozenset[str]]:
    """Folded form -> the forms, for every inflected form of a place word's lemmas."""
    forms: dict[str, set[str]] = {}
    for reading in _nominative_readings(word):
        for form, _lemma, _tag, _names, _quals in analyser().generate(reading.lemma):
            forms.setdefault(fold(form).lower(), set()).add(str(form))
    return {key: frozenset(value) for key, value in forms.items()}


_SPACE_OR_HYPHEN = re.compile(r"([\s-]+)")


def respell_place(written: str, nominative: str) -> str:
    """The place phrase as written, with each word that is an ASCII-folded form of the place's
    words given back its letters: ("w Starym Saczu", "Stary Sącz") -> "w Starym Sączu".
    A word already spelt as one of the forms ("w Przedborzu": Przedbórz has "Przedborzu" and
    "Przedbórzu"), a word matching no form or several, stays as written."""
    known: dict[str, set[str]] = {}
    for word in re.split(r"[\s-]+", nominative):
        if word:
            for key, forms in _forms_of(word).items():
                known.setdefault(key, set()).update(forms)
    pieces = _SPACE_OR_HYPHEN.split(written)
    out = []
    for piece in pieces:
        if piece and piece.isascii() and piece.isalpha():
            found = known.get(piece.lower(), set())
            spellings = {f.lower() for f in found}
            if len(spellings) == 1 and piece.lower() not in spellings:
                piece = _cased(piece, next(iter(found)))
        out.append(piece)
    return "".join(out)
