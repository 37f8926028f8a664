"""Where a mention's name starts, left of its head noun: the capitalised adjectives that agree
with the head ("Powiatowe Centrum"), two of them sharing it ("Miejska i Powiatowa Biblioteka"),
a roman numeral before a school ("II Liceum"), a named body before a genitive head ("Caritas
Diecezji Kieleckiej"), without the writer's own words before the name ("Nowe Centrum").
"""

from __future__ import annotations

from extractors.mention_spans import is_descriptive
from extractors.mention_text import (
    SMALL_ROMAN_NUMERAL,
    Token,
    agrees,
    head_readings,
    is_adjective,
    is_title,
    modifies_noun_before,
    named_body,
)


def _coordinated_adjective(tokens: list[Token], i: int, head: int, floor: int) -> bool:
    """Tokens i-2, i-1 are a capitalised adjective that agrees with the head and "i", opening
    the name ("Miejska i Powiatowa Biblioteka Publiczna", "Miejskiego i Gminnego Ośrodka"); not
    an adjective that closes the name before ("Szkoła Podstawowa i Gminna Biblioteka")."""
    if i - 2 < floor or tokens[i - 1].text != "i":
        return False
    first = tokens[i - 2]
    if not (first.capitalised and is_adjective(first) and not is_title(first)):
        return False
    if not agrees(first, tokens[head]):
        return False
    return i - 3 < 0 or not tokens[i - 3].capitalised or is_title(tokens[i - 3])


def mention_start(tokens: list[Token], head: int, floor: int) -> int:
    """First token of the mention: capitalised adjectives before the head that agree with it,
    and a roman numeral before a school ("II Liceum")."""
    i = head
    while (
        i - 1 >= floor
        and tokens[i - 1].capitalised
        and is_adjective(tokens[i - 1])
        and not is_title(tokens[i - 1])
        and agrees(tokens[i - 1], tokens[head])
    ):
        i -= 1
    if i < head and i - 1 >= floor and modifies_noun_before(tokens[i - 1], tokens[i]):
        i += 1  # "Zarządzania Kryzysowego Łódzkiego Urzędu": "Kryzysowego" is the noun's
    elif i < head and _coordinated_adjective(tokens, i, head, floor):
        i -= 2  # "Miejska i Powiatowa Biblioteka Publiczna": two adjectives share the head
    if i - 1 >= floor and tokens[i - 1].is_word and SMALL_ROMAN_NUMERAL.match(tokens[i - 1].text):
        i -= 1
    if (
        i == head
        and i - 1 >= floor
        and named_body(tokens[i - 1])
        and any("gen" in r.cases for r in head_readings(tokens[head]))
    ):
        i -= 1  # "Caritas Diecezji Kieleckiej": the charity of the diocese, named by it
    quoted = i > 0 and tokens[i - 1].text in ("„", '"', "“", "«")
    while i < head and not quoted and is_descriptive(tokens[i]):
        i += 1  # "Nowe Centrum Pracy Socjalnej": the writer's word, not the name's
    return i
