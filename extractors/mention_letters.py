"""Names read with their Polish letters: `with_polish_letters` puts them back into a folded page
before its mentions are read (`extractors.mention_records`)."""

from __future__ import annotations

from transforms.diacritics import is_polish, restore
from transforms.name_vocabulary import POLISH_LETTERS

# Polish letters are 3-9 % of the letters of a Polish text (none of the web corpus's 460
# texts is under 2.9 %); a page under 1 % is a folded one that kept a stray "ó" or two.
_FOLDED_SHARE = 0.01


def with_polish_letters(text: str) -> str:
    """A text with no Polish letter, or almost none (a site that folds its pages: "Zarzad Drog
    Powiatowych w Bialobrzegach", a stray "Dróg" kept), with its letters put back
    (`transforms.diacritics`), so that names are read by the same dictionary as any other
    ("Sadu Najwyzszego" is the "Sąd Najwyższy"); offsets stay those of the text, which keeps
    its contacts as written."""
    if is_polish(text) and _polish_share(text) >= _FOLDED_SHARE:
        return text
    restored = restore(text).text
    return restored if len(restored) == len(text) else text


def _polish_share(text: str) -> float:
    """The share of Polish letters ("ą", "ó" …) among a text's letters."""
    letters = sum(ch.isalpha() for ch in text)
    polish = sum(ch in POLISH_LETTERS for ch in text.lower())
    return polish / letters if letters else 1.0
