"""Lists whose items are adjectives of the noun their heading ends with.

"W Ośrodku udzielana jest następująca pomoc:" then "• psychologiczna i terapeutyczna – …",
"• prawna – udzielanie porad…": each item states "pomoc psychologiczna", "pomoc prawna". Used by
`transforms.support_statements`, which also shares adjectives after a noun in one sentence
(`service_heads`: the nouns of two-word service patterns).
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms import taxonomy
from transforms.morphology import is_adjective
from transforms.taxonomy_reading import tokenise

__all__ = ["LIST_ITEM", "heading_noun", "service_heads", "with_heading_noun"]

# A list item's mark: "• ", "- ", "1. ", "a) ".
LIST_ITEM = re.compile(r"^\s*(?:[•\-–*▪·]|\d{1,2}[.)]|[a-z][)])\s*")


@lru_cache(maxsize=1)
def service_heads() -> frozenset[str]:
    """First lemmas of two-word service patterns: the nouns adjectives can be shared by."""
    return frozenset(
        trigger[0]
        for service in taxonomy.SERVICES
        for trigger in service.triggers
        if len(trigger) == 2 and taxonomy.GAP not in trigger
    )


def heading_noun(sentence: str) -> str | None:
    """The service noun a list's heading ends with ("udzielana jest następująca pomoc:",
    "Prowadzimy zajęcia:"), or None."""
    if not sentence.rstrip().endswith(":"):
        return None
    tokens = tokenise(sentence, kind="description")
    if tokens and tokens[-1].lemmas & service_heads():
        return tokens[-1].text
    return None


def with_heading_noun(sentence: str, head: str | None) -> str:
    """A list item that is an adjective of its heading's noun, read with the noun: after
    "udzielana jest pomoc:", "• psychologiczna," states "pomoc psychologiczna" and "• prawna –
    udzielanie porad…" states "pomoc prawna"."""
    if head is None or not LIST_ITEM.match(sentence):
        return sentence
    item = LIST_ITEM.sub("", sentence, count=1)
    words = item.split()
    if not words or not is_adjective(words[0].strip(",.;:–-")):
        return sentence
    return f"{head} {item}"
