"""Foster families named as a group of people, not the foster care a unit organises (issue
#17).

"Grupa wsparcia dla rodzin zastępczych", "• Rodziny wielodzietne, rodziny zastępcze, rodziny
korzystające z PO PŻ", "dzieci i młodzieży w rodzinach zastępczych": families and homes in the
plural, standing where groups stand (after "dla", between the commas of a list, where people
live), are the people served. Foster care is still read from "piecza zastępcza", from one
family ("rodzinie zastępczej"), from care had or given in them ("Organizuje opiekę w rodzinach
zastępczych", "Opieką koordynatorów objęte są rodziny zastępcze") and from families being
made ("szkolenie kandydatów na rodziny zastępcze", "Nabór nowych rodzin zastępczych").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.morphology import analyse_word
from transforms.name_morphology import agreement
from transforms.taxonomy_reading import Match, Token

# The nouns of foster care that name people or homes ("rodzina zastępcza", "rodzinny dom
# dziecka"); "piecza" names the care itself.
_FOSTER_HOMES = frozenset({"rodzina", "dom"})
# Families being made are foster care organised.
_MAKING_LEMMAS = frozenset(
    {"kandydat", "nabór", "rekrutacja", "tworzenie", "tworzyć", "szukać", "poszukiwać", "nowy"}
)
# Who lives in foster families: "dzieci i młodzieży w rodzinach zastępczych".
_PEOPLE_LEMMAS = frozenset({"dziecko", "młodzież", "wychowanek", "osoba"})
_GROUP_GAP = re.compile(r"[,•]")


def _lemmas(token: Token) -> frozenset[str]:
    """Every Morfeusz lemma of a word (a token's own lemmas are only the taxonomy's)."""
    return frozenset(a.lemma.lower() for a in analyse_word(token.text.lower())) | token.lemmas


def _plural_only(tokens: Sequence[Token], match: Match, head: int) -> bool:
    """Whether the head noun, with the adjective next to it inside the phrase when one agrees,
    can be read only in the plural ("rodziny zastępcze", not "rodziny zastępczej")."""
    noun = tokens[head].text
    for i in (head + 1, head - 1):
        if match.start <= i < match.end:
            shared = agreement([tokens[i].text, noun], 0, 1)
            if shared:
                return {number for number, _, _ in shared} == {"pl"}
    shared = agreement([noun], 0, 0)
    return bool(shared) and {number for number, _, _ in shared} == {"pl"}


def _where_groups_stand(tokens: Sequence[Token], match: Match) -> bool:
    before = [_lemmas(t) for t in tokens[max(0, match.start - 2) : match.start]]
    if any("dla" in lemmas for lemmas in before):
        return True
    after = tokens[match.end].gap_before if match.end < len(tokens) else ""
    if _GROUP_GAP.search(tokens[match.start].gap_before) or _GROUP_GAP.search(after):
        return True
    return len(before) == 2 and "w" in before[1] and bool(before[0] & _PEOPLE_LEMMAS)


def foster_families_as_a_group(tokens: Sequence[Token], match: Match) -> str | None:
    """Why a foster care match names families served rather than the care, or None."""
    if match.rule.code != "foster_care":
        return None
    span = range(match.start, match.end)
    head = next((i for i in span if tokens[i].lemmas & _FOSTER_HOMES), None)
    if head is None:
        return None
    if any(_lemmas(t) & _MAKING_LEMMAS for t in tokens[max(0, match.start - 3) : match.start]):
        return None
    if _plural_only(tokens, match, head) and _where_groups_stand(tokens, match):
        return "foster families or homes named as a group, not foster care"
    return None
