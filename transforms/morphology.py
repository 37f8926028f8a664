"""One shared Morfeusz analyser (Polish morphology, dictionary shipped with the package).

Loading the dictionary costs a fraction of a second and some memory, so every normaliser asks
this module instead of creating its own `Morfeusz()`. Morfeusz objects are not thread-safe:
each thread gets its own.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import morfeusz2

_local = threading.local()


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of one token: `Analysis("Bliżynie", "Bliżyn", "subst:sg:loc:m3", ("nazwa_geograficzna",))`."""

    form: str
    lemma: str  # without Morfeusz's homonym suffix ("Pisz:Sm3" -> "Pisz")
    tag: str
    qualifiers: tuple[str, ...]

    @property
    def pos(self) -> str:
        return self.tag.split(":", 1)[0]

    @property
    def cases(self) -> frozenset[str]:
        """The cases of a noun's or an adjective's reading ("subst:sg:gen.acc:m3" -> {"gen",
        "acc"}); empty for a reading without case (a verb, an unknown word)."""
        parts = self.tag.split(":")
        return frozenset(parts[2].split(".")) if len(parts) > 2 else frozenset()


def analyser() -> morfeusz2.Morfeusz:
    """This thread's Morfeusz instance (separate spaces, so "-" is its own token)."""
    instance = getattr(_local, "morfeusz", None)
    if instance is None:
        instance = morfeusz2.Morfeusz(separate_numbering=True)
        _local.morfeusz = instance
    return instance


def analyse_word(word: str) -> list[Analysis]:
    """All readings of one word without hyphens (split "Skarżysku-Kamiennej" first); an
    unknown word gives one reading tagged "ign"."""
    return list(_readings(word))


# A page's common words are asked about hundreds of times (every sentence's "w", "i", "oraz"):
# their readings are kept, as a tuple of frozen readings that no caller can change.
@lru_cache(maxsize=65_536)
def _readings(word: str) -> tuple[Analysis, ...]:
    return tuple(
        Analysis(form, lemma.split(":", 1)[0], tag, tuple(names) + tuple(quals))
        for _start, _end, (form, lemma, tag, names, quals) in analyser().analyse(word)
        if form == word
    )


def generate(lemma: str) -> list[tuple[str, str]]:
    """(form, tag) pairs of a lemma, e.g. every case of "poradnia"."""
    return [(form, tag) for form, _lemma, tag, _names, _quals in analyser().generate(lemma)]


# Morfeusz's classes of a verb's forms (finite, past, imperative, infinitive, future "będzie",
# impersonal, adverbial participles).
VERB_CLASSES = frozenset({"fin", "praet", "impt", "inf", "bedzie", "imps", "pcon", "pant"})


@lru_cache(maxsize=65_536)
def is_adjective(word: str) -> bool:
    """Whether some reading of `word` (any case of letters) is an adjective."""
    return any(r.pos in ("adj", "adja") for r in analyse_word(word.lower()))


@lru_cache(maxsize=65_536)
def is_verb(word: str) -> bool:
    """Whether `word` (any case of letters) is known and read only as a verb's form."""
    readings = analyse_word(word.lower())
    return bool(readings) and all(r.pos in VERB_CLASSES for r in readings)
