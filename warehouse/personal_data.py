"""Keeping people out of the open data: the directory publishes institutions, not their staff.

Pages name directors and clerks ("Dyrektor Jan Kowalski", "kierownik – Anna Nowak", "z Panią
Ewą Wiśniewską"). A person is recognised as a title or role word (any inflected form, by
lemma) next to a capitalised first name — a word Morfeusz knows as an 'imię' — and a second
capitalised word. Patrons ("im. ks. Jana Twardowskiego") are institutions' names, not staff,
and are let through. E-mail addresses of the form first.last@ are personal too.

`find_people` is used twice: to leave personal values out of the export (e-mails, opening
hours) and, as the last line of defence, to fail a publication whose files still contain one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.morphology import analyse_word

# Lemmas of words that introduce or follow a person's name on Polish institution pages.
TITLE_LEMMAS = frozenset(
    {
        "dyrektor",
        "dyrektorka",
        "wicedyrektor",
        "zastępca",
        "zastępczyni",
        "kierownik",
        "kierowniczka",
        "prezes",
        "prezeska",
        "wiceprezes",
        "przewodniczący",
        "przewodnicząca",
        "koordynator",
        "koordynatorka",
        "sekretarz",
        "skarbnik",
        "księgowy",
        "księgowa",
        "starosta",
        "wicestarosta",
        "wójt",
        "burmistrz",
        "prezydent",
        "komendant",
        "naczelnik",
        "pan",
        "pani",
        "kurator",
        "kuratorka",
        "psycholog",
        "pedagog",
        "logopeda",
        "terapeuta",
        "terapeutka",
        "specjalista",
        "specjalistka",
        "pracownik",
        "pracownica",
        "asystent",
        "asystentka",
        "inspektor",
        "referent",
        "ksiądz",
        "prokurator",
        "sędzia",
        "radca",
        "adwokat",
    }
)
# Abbreviated academic and clerical titles, compared without their dot.
TITLE_ABBREVIATIONS = frozenset({"dr", "mgr", "inż", "prof", "ks", "hab", "lek", "med", "p"})
PATRON_MARKERS = frozenset({"im", "imienia", "patron", "patrona", "patronem"})

_TOKEN = re.compile(r"[A-Za-zÀ-ÿĀ-žŁłŃńŚśŹźŻżĄąĘęĆćÓó]+\.?|[,;:–—-]")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-]+)@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class PersonMention:
    text: str  # the words that look like a person, as written
    value: str  # the whole value they were found in


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((a.lemma.lower(), a.qualifiers) for a in analyse_word(word))


def _is_title(token: str) -> bool:
    bare = token.rstrip(".").lower()
    if bare in TITLE_ABBREVIATIONS:
        return True
    return any(lemma in TITLE_LEMMAS for lemma, _q in _readings(token.rstrip(".")))


def _is_first_name(token: str) -> bool:
    if token.endswith(".") or not token[:1].isupper() or len(token) < 2:
        return False
    return any("imię" in quals for _lemma, quals in _readings(token))


def _is_capitalised_word(token: str) -> bool:
    return len(token) > 1 and token[:1].isupper() and not token.endswith(".")


def find_people(value: str) -> list[PersonMention]:
    """People named in a text value: title + First Last, or First Last + dash/comma + title."""
    tokens = _TOKEN.findall(value)
    found: list[PersonMention] = []
    for i, token in enumerate(tokens):
        if not _is_first_name(token) or i + 1 >= len(tokens):
            continue
        if not _is_capitalised_word(tokens[i + 1]):
            continue
        before = [t.rstrip(".").lower() for t in tokens[max(0, i - 4) : i]]
        if PATRON_MARKERS & set(before):
            continue
        # a title right before the name ("Dyrektor: Jan …", "mgr Anna …")
        j = i - 1
        while j >= 0 and tokens[j] in ",;:–—-":
            j -= 1
        titled_before = j >= 0 and _is_title(tokens[j])
        after = tokens[i + 2 : i + 4]
        titled_after = len(after) == 2 and after[0] in ",–—-:" and _is_title(after[1])
        if titled_before or titled_after:
            found.append(PersonMention(f"{token} {tokens[i + 1]}", value))
    found.extend(PersonMention(e, value) for e in personal_emails(value))
    return found


def personal_emails(value: str) -> list[str]:
    """E-mail addresses whose local part is a first name and a surname (jan.kowalski@…)."""
    out = []
    for match in _EMAIL.finditer(value):
        parts = [p for p in re.split(r"[._-]", match[1]) if p]
        if len(parts) >= 2 and parts[0].isalpha() and parts[1].isalpha():
            if _is_first_name(parts[0].capitalize()) and len(parts[1]) > 1:
                out.append(match[0])
    return out


def is_personal(value: str | None) -> bool:
    return bool(value) and bool(find_people(value or ""))
