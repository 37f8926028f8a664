"""Officers named by their office (`extractors.mentions`): "Komendanta Głównego Policji",
"Zastępca Prokuratora Okręgowego w Sieradzu" name the Komenda and the Prokuratura they head.
"""

from __future__ import annotations

from extractors.mention_phrases import place_end, word_at
from extractors.mention_spans import OFFICER_OFFICES
from extractors.mention_text import Token, head_readings, is_adjective, is_title, person_starts
from extractors.mention_words import SITE_WORDS
from transforms.name_morphology import key_lemma
from transforms.text import fold

# What words an officer's office needs after its rank: a police or fire commander's.
_COMPLEMENTS = {"komendant": ("policja", "straz"), "prokurator": ()}


def officer_end(tokens: list[Token], i: int) -> int:
    """End of "Komendanta Powiatowego Policji w Piszu" / "Prokuratora Rejonowego w Łomży"
    starting at token i, or i."""
    token = tokens[i]
    if not token.capitalised or not token.lower.startswith(("komend", "prokur")):
        return i
    officer = fold(key_lemma(token.text))
    if officer not in OFFICER_OFFICES or not (rank := word_at(tokens, i + 1)):
        return i
    if not rank.capitalised or not is_adjective(rank):
        return i
    j = i + 2
    while j < len(tokens) and tokens[j].capitalised and not person_starts(tokens, j):
        if (
            head_readings(tokens[j])
            or is_title(tokens[j])
            or key_lemma(tokens[j].text) in SITE_WORDS
        ):
            break
        j += 1
    j = max(j, place_end(tokens, j))
    words = {key_lemma(t.text) for t in tokens[i:j] if t.is_word}
    needed = _COMPLEMENTS[officer]
    if needed and not words & set(needed):
        return i
    if not needed and j == i + 2 and fold(rank.lower) not in ("krajowego", "krajowy"):
        return i  # "Prokurator Rejonowy" without its place names no office
    return j
