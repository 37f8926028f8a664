"""A kind of unit named without its place takes the place the sentence gives it next to it:
`shared_places` over the mentions `extractors.mentions.find_mentions` found.

Polish prose often writes a unit's seat once for two bodies or after what stands between:
- two bodies joined by "i" / "oraz" share the second one's place ("Sądu Rejonowego i Sądu
  Okręgowego w Piotrkowie Trybunalskim": both courts sit in Piotrków);
- a unit "przy" another placed one sits where it does ("Ośrodek Interwencji Kryzysowej działa
  przy Powiatowym Centrum Pomocy Rodzinie w Kościanie");
- a unit "przy ul. X 21A w Y" sits in Y ("budynku Centrum Usług Społecznych przy ulicy
  Młyńskiej 21A w Czerwionce-Leszczynach").
The place is added as written, so the name reads "Sądu Rejonowego w Piotrkowie Trybunalskim"
and the normalise stage puts it in the nominative as any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractors.mention_text import tokens_of
from extractors.mentions import Mention, place_end
from transforms.name_morphology import nominative

# What joins two bodies that share one place: "i", "oraz".
_JOINED = re.compile(r"^\s+(?:i|oraz)\s+$")
# A unit "przy" another: the preposition between the two names, maybe after the verb that
# says the unit works there ("działa przy", "działający przy", "mieści się przy").
_AT_BODY = re.compile(r"^\s+(?:[a-ząćęłńóśźż]+\s+){0,2}przy\s+$")
# A unit "przy" a street and its number, then its place: "przy ul. Młyńskiej 21A w …".
_AT_STREET = re.compile(
    r"\s+przy\s+(?:ul\.|ulicy|al\.|alei|pl\.|placu|os\.|osiedlu)\s*"
    r"[^\n,;:()]{1,40}?\s\d+[a-zA-Z]?(?:/\d+)?\s*,?\s+(?=(?:w|we)\s)"
)


def shared_places(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` with each kind alone given the place the sentence writes beside it."""
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        place = _place_beside(text, mention, following)
        if place is None:
            out.append(mention)
            continue
        phrase = f"{mention.phrase} {place}"
        out.append(
            replace(
                mention,
                phrase=phrase,
                nominative=f"{nominative(mention.phrase)} {place}",
                place_raw=place,
                kind_only=False,
            )
        )
    return out


def _place_beside(text: str, mention: Mention, following: Mention | None) -> str | None:
    if not mention.kind_only or mention.acronym is not None or mention.place_raw:
        return None
    if following is not None and following.place_raw and following.sentence == mention.sentence:
        between = text[mention.end : following.start]
        if _JOINED.match(between) or _AT_BODY.match(between):
            return following.place_raw
    street = _AT_STREET.match(text, mention.end)
    if street is None:
        return None
    line_end = text.find("\n", street.end())
    tokens = tokens_of(text, street.end(), len(text) if line_end < 0 else line_end)
    end = place_end(tokens, 0)
    if end == 0:
        return None
    return " ".join(text[tokens[0].start : tokens[end - 1].end].split())
