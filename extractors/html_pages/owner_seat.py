"""The owner's name with its seat, where the page writes it in full elsewhere (issue #12).

A page's own body is often chosen under a short form — a heading, the agent of a sentence —
while another line writes the same name with what tells it from the others of its kind:
"Specjalny Ośrodek Szkolno-Wychowawczy nr 2" chosen, "Historia Specjalnego Ośrodka Szkolno –
Wychowawczego nr 2 im. dra Janusza Korczaka w Przemyślu" the page's heading; "Gminne Centrum
Kultury" chosen, its heading running on to a second line "i Czytelnictwa w Gręboszowie".

What follows a Polish name's head does not change with the head's case: a number ("nr 4"), a
patron in the genitive ("im. dra Janusza Korczaka"), a seat in the locative ("w Przemyślu"), a
second genitive joined by "i" ("i Czytelnictwa"). So `with_its_seat` finds the short name's
words in any case (each word by its stem, a compound's halves with any dash between them),
takes the tail that ends in a seat, and appends it to the name as written. A tail is taken only
when the page writes one seat for the name; two different seats mean two bodies of a kind (a
page about its DPS naming another DPS elsewhere), and the name stays as it was. A name that
already has its seat, patron or quoted own word is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.html_pages.owner_signals import DISTINGUISHING
from transforms.text import fold_key

_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_PLACE_WORD = rf"[{_UPPER}][\w]+(?:-[{_UPPER}][\w]+)?"
# a place's second word is an adjective or a noun in the locative ("Mazowieckim", "Leśnej",
# "Mieście", "Targu", "Kalwarii"), not the next sentence's verb ("w Krakowie Zaprasza")
_PLACE_SECOND = rf"[{_UPPER}]\w+(?:im|ym|ej|u|ii|ie|ach)(?!\w)"
# a seat: "w Przemyślu", "we Włodawie", "w Grodzisku Mazowieckim", "w Nowym Mieście nad Pilicą"
_SEAT = (
    rf"\s+(?P<prep>w|we)[ \t]+(?P<place>{_PLACE_WORD}(?:[ \t]+{_PLACE_SECOND})?"
    rf"(?:[ \t]+(?:nad|pod)[ \t]+{_PLACE_WORD})?)"
)
_PATRON = r"(?:\s+im\.[ \t]+(?:[\w.„”\"'-]+[ \t]+){0,5}?[\w.„”\"'-]+)"
_SECOND_GENITIVE = rf"(?:\s+i\s+[{_UPPER}]\w+)"
# no number: a number the name lacks tells another body of its kind ("Szkoła Podstawowa nr 3")
_TAIL = re.compile(rf"(?P<tail>{_SECOND_GENITIVE}?{_PATRON}?{_SEAT})(?!\w)")
# places that are no body's seat: a page's statements about the country or the web
_NO_SEAT = frozenset({"polsce", "europie", "unii", "kraju", "internecie", "sieci"})
_NUMBER_IN_NAME = re.compile(r"\b(?:nr|Nr|NR)\.?\s*\d+[a-zA-Z]?$")


def _word_pattern(word: str) -> str:
    """A word of the name in any case: its stem and any ending; a compound's halves with any
    dash and spacing between them ("Szkolno-Wychowawczy", "Szkolno – Wychowawczego")."""
    halves = [half for half in re.split(r"[-–]", word) if half]
    patterns = []
    for half in halves:
        if half.lower() == "nr":
            patterns.append(r"(?:nr|Nr|NR)\.?")
            continue
        if not half.isalpha():
            patterns.append(re.escape(half))
            continue
        stem = half[: max(3, len(half) - 3)] if len(half) > 4 else half[:3]
        patterns.append(re.escape(stem) + r"\w*")
    return r"\s*[-–]\s*".join(patterns)


def _name_pattern(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if len(words) < 2:
        return None
    body = r"\s+".join(_word_pattern(word) for word in words)
    # no word boundary before: a page's text glues a name to what precedes it ("30duyGminny")
    return re.compile(rf"{body}(?!\w)")


def with_its_seat(name: str, lines: Sequence[str]) -> str:
    """`name` with the number, patron and seat the page writes after it elsewhere, when the
    page writes one seat for it; `name` itself otherwise (see the module docstring)."""
    if DISTINGUISHING.search(name + " "):
        if not _NUMBER_IN_NAME.search(name):
            return name
        if re.search(r"[„\"“«]|\b(?:w|we|W|im\.|z siedzibą)\s", name + " "):
            return name
    pattern = _name_pattern(name)
    if pattern is None:
        return name
    text = "\n".join(lines)
    tails: dict[str, str] = {}
    seats: set[str] = set()
    for found in pattern.finditer(text):
        tail = _TAIL.match(text, found.end())
        if tail is None:
            continue
        place = fold_key(tail.group("place"))
        if place.split()[0] in _NO_SEAT:
            continue
        seats.add(place)
        written = " ".join(tail.group("tail").split())
        tails.setdefault(place, written)
        if len(written) > len(tails[place]):
            tails[place] = written
    if len(seats) != 1:
        return name
    return f"{name} {tails[seats.pop()]}"
