"""Reading a place text: its name words, the administrative words around them, a postal code.

`parse_place("ul. Kościuszki 25c, 42-584 Dobieszowice")` splits an address or a place phrase
into the words that name the place and what the words around them say: a preposition ("w
Bliżynie"), a gmina, town or powiat marker ("Gmina Radomsko", "Miasto Radomsko", "powiat
piski"), hints in other segments ("Olsztyn (gm. Purda)", "woj. śląskie"), the postal code.
It only reads the text: which place the words name is for the resolvers to say.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from transforms.text import fold, fold_key, normalise_space

_POSTAL = re.compile(r"(?<!\d)(\d{2})\s*[-‐–]?\s*(\d{3})(?!\d)")
_TOKEN = re.compile(r"[^\W_]+\.?")
_STREET = re.compile(r"^(ul|al|pl|os)\.|^(ulica|aleja|aleje|plac)\s", re.IGNORECASE)
# The longest word read as an abbreviation when it ends in a full stop ("Maz.", "Wlkp.").
MAX_ABBREVIATION = 5
_SEGMENTS = re.compile(r"[,;()\[\]/]")
# "Kraków - Łagiewniki", "Kraków – Podgórze": a town, a spaced dash, its district or estate
_SPACED_DASH = re.compile(r"\s[-‐–—]\s")
# A house number or a post office's number after a locality ("Dębice 29", "Lublin 62",
# "Pniewy 28/3", "Szklary Górne 51c")
_HOUSE_NUMBER = re.compile(r"^\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?$")
# "Chechło", "Nowa Wieś": a segment of capitalised words alone, after a street and its number
_VILLAGE_AFTER_STREET = re.compile(
    r"[A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_-]*(?:[\s-][A-ZĄĆĘŁŃÓŚŹŻ][^\W\d_-]*){0,2}"
)
_STREET_NUMBER = re.compile(r"\s(?:nr\.?\s*)?\d+[a-zA-Z]?(?:\s*[/-]\s*\d+[a-zA-Z]?)?\b")

# Words that introduce a place rather than name it, compared folded and lower-case.
_PREPOSITIONS = frozenset({"w", "we", "z", "ze", "do", "na", "od", "kolo", "k.", "przy", "dla"})
_GMINA_WORDS = frozenset({"gmina", "gminy", "gminie", "gmine", "gm.", "gmin",
                          "wiejska", "wiejskiej", "wiejskiego"})  # fmt: skip
_CITY_WORDS = frozenset({"miasto", "miasta", "miescie", "miastem", "m.", "miejska", "miejskiej",
                         "miejski", "miejskiego", "miejskim"})  # fmt: skip
_POWIAT_WORDS = frozenset({"powiat", "powiatu", "powiecie", "powiatem", "pow.", "powiatowe",
                           "powiatowy", "powiatowego", "starostwo", "starostwa", "starostwie",
                           "ziemski", "grodzki"})  # fmt: skip
_CAPITAL_WORDS = frozenset({"st.", "stoleczne", "stolecznego", "stoleczna", "stolecznej",
                            "stolecznym"})  # fmt: skip
_OFFICE_WORDS = frozenset({"urzad", "urzedu", "urzedzie", "burmistrz", "burmistrza", "wojt",
                           "wojta", "prezydent", "prezydenta"})  # fmt: skip
_VOIVODESHIP_WORDS = frozenset({"woj.", "wojewodztwo", "wojewodztwa", "wojewodztwie"})


@dataclass(frozen=True, slots=True)
class ParsedPlace:
    """A place text split into its name words and the administrative words around them."""

    tokens: tuple[str, ...]
    had_preposition: bool = False
    gmina_marker: bool = False
    city_marker: bool = False
    urban_rural: bool = False  # "miasto i gmina", "Urząd Miasta i Gminy"
    powiat_marker: bool = False
    voivodeship_marker: bool = False
    postal_code: str | None = None
    gmina_hint: str | None = None
    powiat_hint: str | None = None
    voivodeship_hint: str | None = None
    tail: tuple[str, ...] = ()  # the words after the last "w" inside the text
    raw_tokens: tuple[str, ...] = ()  # every word, administrative ones included


def postal_code_of(text: str | None) -> str | None:
    """The first postal code in `text` as NN-NNN ("42 584", "42-584"), or None."""
    if not text:
        return None
    match = _POSTAL.search(text)
    return f"{match[1]}-{match[2]}" if match else None


def parse_place(text: str) -> ParsedPlace:
    """The name words of a place text and what the words and segments around them say."""
    # decomposed input ("z" + combining dot) would split words at the mark
    text = normalise_space(unicodedata.normalize("NFC", text))
    postal = _POSTAL.search(text)
    code = f"{postal[1]}-{postal[2]}" if postal else None
    if postal:
        # an address line: "ul. Kościuszki 25c, 42-584 Dobieszowice" — the locality follows
        # the postal code
        before = _segments(text[: postal.start()])
        after = _segments(text[postal.end() :])
        segments = after[:1] + before + after[1:] if after else before
    else:
        segments = _segments(text)
    segments = [s for s in segments if not _STREET.match(s)] or segments
    if not segments:
        return ParsedPlace((), postal_code=code)
    main = _parse_segment(segments[0])
    gmina_hint = powiat_hint = voivodeship_hint = None
    flags = {"gmina_marker": False, "city_marker": False, "urban_rural": False,
             "powiat_marker": False}  # fmt: skip
    for segment in segments[1:]:
        extra = _parse_segment(segment)
        words = " ".join(extra.tokens)
        if extra.voivodeship_marker and words:
            voivodeship_hint = words
        elif extra.powiat_marker and words:
            powiat_hint = words
        elif extra.gmina_marker and words:
            gmina_hint = segment
        elif not words:
            # "Radomsko (gmina wiejska)": the bracket only says what kind of unit it is
            for name in flags:
                flags[name] = flags[name] or bool(getattr(extra, name))
        elif voivodeship_hint is None and fold_key(words).endswith("skie"):
            voivodeship_hint = words
    return replace(
        main,
        postal_code=code,
        gmina_hint=gmina_hint,
        powiat_hint=powiat_hint,
        voivodeship_hint=voivodeship_hint,
        gmina_marker=main.gmina_marker or flags["gmina_marker"],
        city_marker=main.city_marker or flags["city_marker"],
        urban_rural=main.urban_rural or flags["urban_rural"],
        powiat_marker=main.powiat_marker or flags["powiat_marker"],
    )


def before_dash(text: str) -> str | None:
    """The part before a spaced dash, when there is one."""
    parts = _SPACED_DASH.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    return parts[0].strip() or None


def without_house_number(tokens: Sequence[str]) -> tuple[str, ...]:
    """The tokens without trailing house numbers, or () when there are none to drop."""
    kept = list(tokens)
    while kept and _HOUSE_NUMBER.match(kept[-1].rstrip(".")):
        kept.pop()
    return tuple(kept) if kept and len(kept) < len(tokens) else ()


def street_village(street: str | None) -> str | None:
    """The locality a street field names when it is "village + house number" ("Szklary
    Górne 51c", "Stare Lubiejewo, ul. Klonowa 4"), or a street and then its village ("ul.
    Leśna 1, Chechło": the post town in the locality field); None for a street ("ul.
    Pałacowa 1", "Korczaka 5" is read as a street only later, when no such village is in the
    code's area)."""
    if not street:
        return None
    text = normalise_space(unicodedata.normalize("NFC", street))
    head = _SEGMENTS.split(text, maxsplit=1)[0].strip()
    if _STREET.match(text) or _STREET.match(head):
        parts = _segments(text)
        last = parts[-1] if len(parts) > 1 else ""
        return last if _VILLAGE_AFTER_STREET.fullmatch(last) else None
    if not head[:1].isalpha():
        return None
    number = _STREET_NUMBER.search(head)
    name = head[: number.start()] if number else head
    if number is None and head == text:
        return None  # a bare word with no house number and nothing after it
    name = name.strip(" .,")
    return name if name and not any(ch.isdigit() for ch in name) else None


def _segments(text: str) -> list[str]:
    return [s.strip() for s in _SEGMENTS.split(text) if s.strip()]


def _parse_segment(segment: str) -> ParsedPlace:
    # "m.st.Warszawa" / "m.st. Warszawy" come out as "m." "st." "Warszawa"
    tokens = [m.group(0) for m in _TOKEN.finditer(segment)]
    markers = {"gmina": False, "city": False, "urban_rural": False, "powiat": False,
               "voivodeship": False, "preposition": False}  # fmt: skip
    i = 0
    while i < len(tokens) - 1 or (i < len(tokens) and _is_pure_marker(tokens[i])):
        word = fold(tokens[i]).lower()
        if word in _PREPOSITIONS:
            markers["preposition"] = True
        elif word in _GMINA_WORDS:
            markers["gmina"] = True
        elif word in _CITY_WORDS:
            markers["city"] = True
        elif word in _POWIAT_WORDS:
            markers["powiat"] = True
        elif word in _VOIVODESHIP_WORDS:
            markers["voivodeship"] = True
        elif word in _CAPITAL_WORDS or word in _OFFICE_WORDS:
            pass
        elif word == "i" and (markers["city"] or markers["gmina"]):
            markers["urban_rural"] = True
        else:
            break
        i += 1
    # a short word with a full stop is an abbreviation ("Maz.", "Wlkp.", "n."); a long one
    # ends a sentence
    names = tuple(
        t if t.endswith(".") and len(t) <= MAX_ABBREVIATION + 1 else t.rstrip(".")
        for t in tokens[i:]
        if t.rstrip(".")
    )
    # "Ośrodek Pomocy Społecznej w Bliżynie": if the whole is no place, the words after the
    # last "w" may be
    folded = [fold(t).lower() for t in names]
    cut = max((k for k, w in enumerate(folded) if w in {"w", "we"} and k > 0), default=None)
    tail = names[cut + 1 :] if cut is not None else ()
    return ParsedPlace(
        names,
        had_preposition=markers["preposition"],
        gmina_marker=markers["gmina"],
        city_marker=markers["city"],
        urban_rural=markers["urban_rural"],
        powiat_marker=markers["powiat"],
        voivodeship_marker=markers["voivodeship"],
        tail=tail,
        raw_tokens=tuple(t.rstrip(".") for t in tokens if t.rstrip(".")),
    )


def _is_pure_marker(token: str) -> bool:
    """A lone last token that is only an administrative word ("(gmina)", "(miasto)")."""
    word = fold(token).lower()
    return word in _GMINA_WORDS | _CITY_WORDS | _POWIAT_WORDS | _VOIVODESHIP_WORDS
