"""Units a plural head names one by one (`extractors.mentions`): by their numbers
("Komisariatów Policji II i IV w Białymstoku") or by their towns ("Warsztatów Terapii
Zajęciowej w Konarzewie i Otuszu"), each as one name in the nominative singular.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.mention_text import Token, agrees, head_readings, is_adjective, person_starts
from transforms.locatives import in_place
from transforms.morphology import generate
from transforms.name_morphology import readings
from transforms.text import fold

_UNIT_NUMBER = re.compile(r"^(?:\d+[a-zA-Z]?|(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))$")


def _singular(token: Token, gender: str) -> str | None:
    """The word in the nominative singular of `gender` ("Komisariatów" -> "Komisariat",
    "Podstawowych" -> "Podstawowa" for a feminine head), capitalised as written."""
    for reading in readings(token.text):
        if reading.pos not in ("subst", "adj") or reading.proper:
            continue
        for form, tag in generate(reading.lemma):
            parts = tag.split(":")
            if len(parts) < 4 or parts[0] != reading.pos or parts[1] != "sg":
                continue
            if "nom" not in parts[2].split(".") or gender not in parts[3].split("."):
                continue
            return form[:1].upper() + form[1:] if token.capitalised else form
    return None


def _plural_head_gender(tokens: Sequence[Token], head: int) -> str | None:
    """The gender of a head read only in the plural ("Komisariatów", "Warsztatów"), or None."""
    found = head_readings(tokens[head])
    if not found or not all(r.numbers == frozenset({"pl"}) for r in found):
        return None
    return sorted(found[0].genders)[0]


def _in_the_singular(
    tokens: Sequence[Token], start: int, head: int, stop: int, gender: str
) -> list[str] | None:
    """The words from `start` to `stop` with the head and its adjectives in the nominative
    singular ("Warsztatów Terapii Zajęciowej" -> "Warsztat Terapii Zajęciowej"), or None when
    one of them has no such form."""
    words: list[str] = []
    for i in range(start, stop):
        token = tokens[i]
        own = i == head or (i < head or agrees(token, tokens[head])) and is_adjective(token)
        singular = _singular(token, gender) if own else None
        if own and singular is None:
            return None
        words.append(singular or token.text)
    return words


def numbered_units(tokens: Sequence[Token], start: int, head: int, end: int) -> list[str]:
    """The units a plural head names by their numbers, each as one name in the nominative
    singular: "Komisariatów Policji II i IV w Białymstoku" -> "Komisariat Policji II w
    Białymstoku", "Komisariat Policji IV w Białymstoku"; [] when the phrase is no such list."""
    gender = _plural_head_gender(tokens, head)
    if gender is None:
        return []
    numbers: list[int] = []
    k = head + 1
    while k < end and not _UNIT_NUMBER.match(tokens[k].text):
        if not tokens[k].capitalised:
            return []  # only the head's capitalised complement comes before the numbers
        k += 1
    first = k
    while k < end:
        if _UNIT_NUMBER.match(tokens[k].text):
            numbers.append(k)
            k += 1
        elif tokens[k].text in (",", "i", "oraz") and numbers and k + 1 < end:
            k += 1
        else:
            break
    if len(numbers) < 2 or first == head + 1:
        return []
    if k < end and tokens[k].lower not in ("w", "we"):
        return []  # after the numbers only the place the units share
    words = _in_the_singular(tokens, start, head, first, gender)
    if words is None:
        return []
    place = [t.text for t in tokens[k:end]]
    return [" ".join([*words, tokens[n].text, *place]) for n in numbers]


def _preposition(town: str) -> str:
    """ "we" before a town opening with w/f and another consonant ("we Wrocławiu"), else "w"."""
    first = fold(town[:2]).lower()
    if len(first) == 2 and first[0] in "wf" and first[1] not in "aeiouy":
        return "we"
    return "w"


def placed_units(
    tokens: Sequence[Token], start: int, head: int, place_at: int | None, end: int
) -> tuple[list[tuple[str, str]], int]:
    """The units a plural head names by their towns, each as one name in the nominative
    singular with its own place: "Warsztatów Terapii Zajęciowej w Konarzewie i Otuszu" ->
    ("Warsztat Terapii Zajęciowej w Konarzewie", "w Konarzewie"), ("Warsztat Terapii
    Zajęciowej w Otuszu", "w Otuszu"), and the end of the towns (a town the dictionary does
    not know may follow the place phrase: "Domów Pomocy Społecznej w Łagiewnikach i
    Zgórsku"); [] when the phrase is no such list (a singular head: one body in two towns is
    the writer's, not ours to split)."""
    gender = _plural_head_gender(tokens, head)
    if gender is None:
        return [], end
    if (
        place_at is None
        or not tokens[place_at].is_word
        or tokens[place_at].lower not in ("w", "we")
    ):
        return [], end
    while (
        end + 1 < len(tokens)
        and (tokens[end].text == "," or tokens[end].lower in ("i", "oraz"))
        and tokens[end + 1].capitalised
        and not tokens[end + 1].all_caps
        and not head_readings(tokens[end + 1])
        and (end + 2 >= len(tokens) or not tokens[end + 2].capitalised)
    ):
        end += 2  # "… w Łagiewnikach i Zgórsku": one more town
    towns: list[list[str]] = [[]]
    for token in tokens[place_at + 1 : end]:
        if token.text == "," or (token.is_word and token.lower in ("i", "oraz")):
            towns.append([])
        elif token.capitalised or token.text == "-":
            towns[-1].append(token.text)
        else:
            return [], end
    if len(towns) < 2 or not all(towns):
        return [], end
    words = _in_the_singular(tokens, start, head, place_at, gender)
    if words is None:
        return [], end
    units = []
    for n, town in enumerate(towns):
        name = " ".join(town).replace(" - ", "-")
        preposition = tokens[place_at].text if n == 0 else _preposition(name)
        place = f"{preposition} {name}"
        units.append((" ".join([*words, place]), place))
    return units, end


def bracketed_units(
    tokens: Sequence[Token], start: int, head: int, end: int
) -> tuple[list[tuple[str, str]], int]:
    """The units a plural head names by its towns in brackets, each town in the nominative
    as a directory would list it: "Domach Pomocy Społecznej (Uhowo, Choroszcz, Czerewki)" ->
    ("Dom Pomocy Społecznej w Uhowie", "w Uhowie"), …, and the end past the closing bracket;
    [] when the phrase is no such list: a singular head, fewer than two towns, a word in the
    brackets that is not capitalised, a person's name, or a town whose locative the dictionary
    does not give without a guess ("(ul. Kwiatowa 2)", "(PCPR)", "(od 1 stycznia)", "(Jan
    Kowalski)" are no towns)."""
    gender = _plural_head_gender(tokens, head)
    if gender is None or end >= len(tokens) or tokens[end].text != "(":
        return [], end
    towns: list[list[str]] = [[]]
    k = end + 1
    while k < len(tokens) and tokens[k].text != ")":
        token = tokens[k]
        if token.text == "," or (token.is_word and token.lower in ("i", "oraz")):
            towns.append([])
        elif person_starts(list(tokens), k):
            return [], end  # "(Jan Kowalski, Anna Nowak)": the units' heads, not towns
        elif token.text == "-" or (token.capitalised and not token.all_caps):
            towns[-1].append(token.text)
        else:
            return [], end
        k += 1
    if k >= len(tokens) or len(towns) < 2 or not all(towns):
        return [], end
    words = _in_the_singular(tokens, start, head, end, gender)
    if words is None:
        return [], end
    units = []
    for town in towns:
        place = in_place(" ".join(town).replace(" - ", "-"))
        if place is None:
            return [], end
        units.append((" ".join([*words, place]), place))
    return units, k + 1
