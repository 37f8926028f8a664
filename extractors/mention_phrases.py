"""What a name carries after its head in Polish prose (`extractors.mentions`): its place
phrase ("w Skarżysku Kościelnym", "w Gminie Siewierz", "w Kostrzynie nad Odrą"), its patron
("im. Jana Pawła II", "im. 14 Pułku …", a church's "p.w. Matki Bożej"), its number ("nr 2"),
a school's sections ("z Oddziałami Integracyjnymi"), the town written after a seated unit's
acronym ("KPP Żagań") and the domains a body serves enumerated
after a comma ("Centrum Kultury, Sportu i Turystyki"). Each reader takes the tokens of a sentence and the
index where the phrase would start, and gives the index after it (or that index: none there).
"""

from __future__ import annotations

import re

from extractors.mention_spans import is_conjunction, second_place
from extractors.mention_text import (
    Token,
    gender_alias,
    head_readings,
    is_adjective,
    is_title,
    is_verb,
    person_starts,
    place_word,
)
from extractors.mention_words import ACTIVITY_HEADS, PATRON_ABBREVIATIONS, PLACE_ABBREVIATIONS
from transforms.name_morphology import GEO_QUALIFIER, key_lemma, morfeusz_readings, readings

_DIGITS = re.compile(r"^\d+[a-zA-Z]?$")
_ROMAN = re.compile(r"^(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def word_at(tokens: list[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) and tokens[i].is_word else None


def after_dot(tokens: list[Token], i: int) -> int:
    """Index after token i and the full stop that may follow it ("ds.", "im.", "nr.")."""
    if i + 1 < len(tokens) and tokens[i + 1].text == ".":
        return i + 2
    return i + 1


_TERRITORY_PLACES = frozenset({"Gminie", "Powiecie"})


def place_end(tokens: list[Token], i: int) -> int:
    """End of a place phrase starting at token i ("w Skarżysku Kościelnym", "w Gminie
    Siewierz"), or i."""
    word = word_at(tokens, i)
    if word is None:
        return i
    j = i + 1
    if word.lower == "z" and (nxt := word_at(tokens, j)) and nxt.lower == "siedzibą":
        word = word_at(tokens, j + 1) or word
        j += 2
    if word.lower not in ("w", "we"):
        return i
    if (unit := word_at(tokens, j)) and unit.text in _TERRITORY_PLACES:
        after = word_at(tokens, j + 1)
        if after is None or not after.capitalised or head_readings(after):
            return i
        j += 1  # "w Gminie Siewierz", "w Powiecie Opolskim": the territory is the place
    if _town_named_as_head(tokens, j):
        k = j + 1
        return max(k, second_place(tokens, k))
    k = j
    while k < len(tokens) and k - j < 3:
        token = tokens[k]
        if k > j and is_conjunction(token) and after_dot(tokens, k) == k + 1:
            break  # "w Warszawie lub Jego Zastępcy": "lub" is "Lubelski" only as "Lub."
        if k > j and token.is_word and token.lower in PLACE_ABBREVIATIONS:
            k = after_dot(tokens, k)  # "w Gorzowie Wlkp."
            break
        geographic = any(r.geographic for r in readings(token.text.split("-")[0]))
        if k > j and is_verb(token):
            break  # "w Górznie Przyjmie na staż": a verb after the place is the sentence's
        if (k > j or not geographic) and person_starts(tokens, k):
            # "w Aleksandrowie Łódzkim" is a town, though "Aleksandrowie" is a name too; after
            # the place's first word a first name starts a person ("w Piszu Anna Nowak")
            break
        if k > j and token.lower in ("nad", "pod") and (river := word_at(tokens, k + 1)):
            if river.capitalised and not head_readings(river):
                k += 2  # "w Kostrzynie nad Odrą"
                break
        if k > j and not _locative_adjective(token):
            break  # "Zarządu w Białymstoku Centralnego Biura": the next name's adjective
        if not place_word(token, first=k == j):
            # "w Białej Piskiej", "w Nowym Targu": a town whose name opens with an adjective
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            if not (
                k == j
                and (is_adjective(token) or _place_member(token))
                and following is not None
                and place_word(following, first=False)
            ):
                break
        k += 1
    if k > j and (second := second_place(tokens, k)) > k:
        k = second  # "w Nakle i Szubinie": one body seated in two towns
    return k if k > j else i


_ADJECTIVE_CLASSES = ("adj", "pact", "ppas")


def _town_named_as_head(tokens: list[Token], j: int) -> bool:
    """A capitalised word after "w" that names a group meeting inside a body ("koło", a
    circle: `ACTIVITY_HEADS`), which never seats a body without a name of its own, and that
    the dictionary also knows as a place in the locative singular ("Kole" of Koło), is the
    seat when no word of a name follows it ("Noclegownia w Kole, ul. Sosnowa 1"; not "w Kole
    Gospodyń"). Words of units a body can sit in, though also village names ("w Szpitalu",
    "w Oddziale", "w Żłobku"), stay what they are."""
    token = word_at(tokens, j)
    if token is None or not any(r.lemma in ACTIVITY_HEADS for r in head_readings(token)):
        return False
    if not any(
        r.geographic and "loc" in r.cases and "sg" in r.numbers
        for r in morfeusz_readings(token.text)
    ):
        return False
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    if following is None:
        return True
    return not following.capitalised and following.lower not in ("nr", "im", "p", "pw")


def _place_member(token: Token) -> bool:
    """The dictionary knows the word as the first part of a place's name, though also as a
    surname ("Środzie" of "w Środzie Śląskiej"): a place when a place's adjective follows."""
    return any("człon_nazwy_geograficznej" in r.qualifiers for r in readings(token.text))


def _locative_adjective(token: Token) -> bool:
    """Whether a later word of a place after "w" may stand there: anything but a common
    adjective or a noun that has no locative form ("w Ostrowcu Świętokrzyskim", "w
    Białej Podlaskiej"; not "w Białymstoku Centralnego", whose adjective opens the next name,
    nor "w Tarnobrzegu Porady", a table's next column)."""
    found = readings(token.text.rsplit("-", 1)[-1])
    if any(r.geographic or "loc" in r.cases for r in found):
        return True
    if found and all(r.pos in ("subst", "depr") for r in found):
        return False  # "w Tarnobrzegu Porady …": a noun (or a surname) not in the locative
    if any(r.proper for r in found):
        return True
    return not any(r.pos in _ADJECTIVE_CLASSES for r in found)


def patron_end(tokens: list[Token], i: int) -> int:
    """End of "im. Jana Pawła II" (or a church's "p.w. Matki Bożej …", "pod wezwaniem …")
    starting at token i, or i."""
    word = word_at(tokens, i)
    written = "".join(t.text.lower() for t in tokens[i : i + 4])
    if written.startswith("p.w.") or written.startswith("podwezwaniem"):
        j = i + (4 if written.startswith("p.w.") else 2)
    elif word is None or word.lower not in ("im", "imienia"):
        return i
    else:
        j = after_dot(tokens, i) if word.lower == "im" else i + 1
    k = j
    while k < len(tokens):
        token = tokens[k]
        if token.is_word and token.lower in PATRON_ABBREVIATIONS:  # "Ks.", "św.", "Św."
            k = after_dot(tokens, k)
        elif token.capitalised:
            k += 1
        elif (
            token.text == "."
            and k > j
            and len(tokens[k - 1].text) == 1
            and tokens[k - 1].text.isupper()
            and (after := word_at(tokens, k + 1)) is not None
            and after.capitalised
        ):
            k += 1  # "im. T. Kościuszki", "im. M. Kopernika": the patron's initial
        elif (
            _DIGITS.match(token.text)
            and (after := word_at(tokens, k + 1)) is not None
            and after.capitalised
        ):
            k += 1  # "im. 14 Pułku Powstańców Śląskich", "im. 1 Maja": a regiment, a date
        else:
            break
    return k if k > j else i


def number_end(tokens: list[Token], i: int) -> int:
    """End of "nr 2" / "nr. 2" / "numer 2" starting at token i, or i."""
    word = word_at(tokens, i)
    if word is None or word.lower not in ("nr", "numer"):
        return i
    j = after_dot(tokens, i)
    value = word_at(tokens, j)
    if value and (_DIGITS.match(value.text) or _ROMAN.match(value.text)):
        if j + 1 < len(tokens) and tokens[j + 1].text == "/":
            return i  # "Nr 96/2020": a document's number, not the institution's
        return j + 1
    return i


# A school's sections named with it: "Szkoła Podstawowa nr 50 z Oddziałami Integracyjnymi",
# "Przedszkole nr 3 z Oddziałem Żłobkowym" — "Oddział" and an adjective that agrees with it.
_SECTION_WORDS = frozenset({"oddzial"})


def sections_named(tokens: list[Token], i: int) -> bool:
    """Token i is a section word in the instrumental with a capitalised adjective that agrees
    with it after it ("z Oddziałami Integracyjnymi"): the school's sections, part of its name;
    not "z Delegaturą w Koszalinie", a second office."""
    word = word_at(tokens, i)
    adjective = word_at(tokens, i + 1)
    if word is None or adjective is None or key_lemma(word.text) not in _SECTION_WORDS:
        return False
    if not adjective.capitalised or not is_adjective(adjective):
        return False
    nouns = {
        (n, c, g)
        for r in readings(word.text)
        if r.pos == "subst" and "inst" in r.cases
        for n in r.numbers
        for c in r.cases
        for g in r.genders
    }
    forms = {
        (n, c, g)
        for r in readings(adjective.text.rsplit("-", 1)[-1])
        if r.pos == "adj"
        for n in r.numbers
        for c in r.cases
        for g in r.genders
    }
    return any(c == "inst" and (n, c, g) in gender_alias(nouns) for n, c, g in forms)


def _genitive_noun(token: Token | None) -> bool:
    """A capitalised common noun that can be a genitive and heads no institution ("Sportu",
    "Turystyki"; not "Policji", "Ośrodka")."""
    return (
        token is not None
        and token.capitalised
        and not head_readings(token)
        and not is_title(token)
        and any(r.pos == "subst" and "gen" in r.cases for r in readings(token.text))
    )


def enumerated_domains(tokens: list[Token], comma: int) -> int:
    """End of the rest of an enumeration of the domains a body serves, from the comma after
    its first ("Centrum Kultury, Sportu i Turystyki", "Komisja Oświaty, Wychowania, Kultury,
    Sportu i Turystyki"): genitive nouns, each maybe with its adjective, parted by commas and
    closed by "i" before the last; `comma` when the words after it are not such a run (a list
    of bodies: "Urzędu Gminy, Ośrodka Pomocy …")."""
    if not _genitive_noun(word_at(tokens, comma - 1)):
        return comma
    j = comma
    for _ in range(6):
        if tokens[j].text != "," and not (tokens[j].is_word and tokens[j].lower == "i"):
            return comma
        last = tokens[j].is_word
        k = j + 1
        if not _genitive_noun(word_at(tokens, k)):
            return comma
        k += 1
        if (adjective := word_at(tokens, k)) and adjective.capitalised and is_adjective(adjective):
            k += 1  # "… i Polityki Społecznej"
        if last:
            return k
        if k >= len(tokens):
            return comma
        j = k
    return comma


def town_after_acronym(tokens: list[Token], i: int) -> int:
    """The index after a town named right after a seated unit's acronym in the nominative, as
    lists and signatures write a unit ("KPP Żagań", "GOPS Charsznica", "PUP Sucha Beskidzka");
    i when the words at i are no town the dictionary knows (a person's name, a common word).
    The name stays as written: the normalise stage writes it out with the town in the
    locative, where the gazetteer knows the town."""
    first = word_at(tokens, i)
    if first is None or not first.capitalised or person_starts(tokens, i):
        return i
    found = readings(first.text)
    if any(r.first_name for r in found) or not any(
        r.pos == "subst" and GEO_QUALIFIER in r.qualifiers and "nom" in r.cases for r in found
    ):
        return i
    second = word_at(tokens, i + 1)
    if second is not None and second.capitalised and is_adjective(second):
        return i + 2  # "Sucha Beskidzka", "Kamienna Góra": a second word of the town
    return i + 1


# A church's diocese written in lower case after its charity ("Caritas diecezji tarnowskiej").
_DIOCESE = frozenset({"diecezji", "archidiecezji"})


def after_named_body(tokens: list[Token], i: int) -> int:
    """The index after what follows a word the dictionary knows as one organisation's name
    (`extractors.mention_text.named_body`: "Caritas") when it says which of its bodies is
    meant: a town or country in the nominative ("Caritas Polska", "Caritas Kalisz"), or a
    diocese in lower case ("Caritas diecezji tarnowskiej"); i + 1 when nothing does (the
    word alone names no one body). A diocese written with capitals is a head of its own
    (`extractors.mentions`)."""
    if (end := town_after_acronym(tokens, i + 1)) > i + 1:
        return end
    country = word_at(tokens, i + 1)
    if (
        country is not None
        and country.capitalised
        and any(
            r.lemma == "polski" and r.pos == "adj" and "nom" in r.cases
            for r in readings(country.text)
        )
    ):
        return i + 2  # "Caritas Polska": the national body
    diocese, adjective = word_at(tokens, i + 1), word_at(tokens, i + 2)
    if diocese is not None and diocese.text in _DIOCESE and adjective and is_adjective(adjective):
        return i + 3
    return i + 1
