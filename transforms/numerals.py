"""Numbers written as Polish words, put back as digits: "dzieci do trzech lat" -> "dzieci do 3
lat", "do ukończenia pierwszego roku życia" -> "do ukończenia 1 roku życia".

Morfeusz gives each word's lemma and class, so every case of a numeral reads the same
("trzech", "trzema", "trzy"; "pierwszego", "pierwszym"); the tables below say which number each
lemma is. Only cardinals (class `num`) and ordinals (adjectives) up to a hundred are read;
"jeden" and "pierwszy" count only where an age or a time reader would look for a number.
"""

from __future__ import annotations

import re

from transforms.morphology import analyse_word
from transforms.text import fold

_UNITS = (
    "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście "
    "trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście"
).split()
_TENS = "dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt".split()
_ORDINAL_UNITS = (
    "pierwszy drugi trzeci czwarty piąty szósty siódmy ósmy dziewiąty dziesiąty jedenasty "
    "dwunasty trzynasty czternasty piętnasty szesnasty siedemnasty osiemnasty dziewiętnasty"
).split()
_ORDINAL_TENS = (
    "dwudziesty trzydziesty czterdziesty pięćdziesiąty sześćdziesiąty siedemdziesiąty".split()
)

CARDINALS: dict[str, int] = {word: value for value, word in enumerate(_UNITS, start=1)} | {
    word: value for value, word in zip(range(20, 80, 10), _TENS, strict=True)
}
ORDINALS: dict[str, int] = {word: value for value, word in enumerate(_ORDINAL_UNITS, start=1)} | {
    word: value for value, word in zip(range(20, 80, 10), _ORDINAL_TENS, strict=True)
}

# Folded beginnings of every form of the words above: only these words are looked up.
_STEMS = re.compile(
    r"^(?:jed|dw|trz|czter|czwar|pie|pia|sze|szo|sied|sio|osi|osm|dziewi|dziesi|pierw|drug)"
)
_WORD = re.compile(r"[^\W\d_]+")


def _value(word: str) -> int | None:
    if not _STEMS.match(fold(word).lower()):
        return None
    for reading in analyse_word(word.lower()):
        if reading.pos == "num" and reading.lemma in CARDINALS:
            return CARDINALS[reading.lemma]
        if reading.pos == "adj" and reading.lemma in ORDINALS:
            return ORDINALS[reading.lemma]
    return None


def with_digits(text: str) -> str:
    """The text with each numeral word written as its number."""

    def replace(match: re.Match[str]) -> str:
        value = _value(match[0])
        return match[0] if value is None else str(value)

    return _WORD.sub(replace, text)
