"""Small text helpers shared by every normaliser: whitespace, ASCII folding, casing."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Letters that NFKD does not decompose into a base letter plus a combining mark.
_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D"})


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (incl. non-breaking spaces) into one space and strip."""
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


class _FoldTable(dict[int, str]):
    """`fold` one character at a time, each character folded when first met. Folding a text
    is folding each of its characters: NFKD decomposes every character on its own, and its
    canonical reordering moves only combining marks, which `fold` drops."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code).translate(_FOLD_EXTRA))
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Strip Polish diacritics: "Skarżysko-Kamienna" -> "Skarzysko-Kamienna", "Łódź" -> "Lodz"."""
    return text.translate(_FOLD_TABLE)


def fold_key(text: str) -> str:
    """A comparison key: folded, lower-case, punctuation to spaces, whitespace collapsed."""
    folded = fold(text).lower()
    return normalise_space(re.sub(r"[^0-9a-z]+", " ", folded))


def empty_to_none(text: str | None) -> str | None:
    """Whitespace-only or missing text becomes None; anything else is space-normalised."""
    if text is None:
        return None
    cleaned = normalise_space(text)
    return cleaned or None
