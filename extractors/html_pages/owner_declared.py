"""The formulas by which a page declares whose it is, read for `page_owner` (`declared`): the
statutory accessibility statement ("X zobowiązuje się zapewnić dostępność swojej strony"), the
controller of the data it collects ("Administratorem danych … jest X"), a footer's copyright
("© 2024 X", or a year and a name alone among its last lines), and a statute's or a
regulation's own definition of the body it is about ("X zwany dalej „Ośrodkiem”",
"Stowarzyszenie nosi nazwę „X”", "Nazwa Stowarzyszenia brzmi: X").

The names themselves are read by `owner_candidates`; this module only finds the formulas.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.html_pages.owner_candidates import is_noun, names_in, whole_name
from extractors.html_pages.owner_name import name_score
from extractors.html_pages.page_text import PageText
from transforms.morphology import analyse_word
from transforms.text import normalise_space

_DECLARATIONS = (
    re.compile(r"(?i)\bzobowiązuje\s+się\s+zapewnić\s+dostępnoś"),
    re.compile(r"(?i)\bzobowiazuje\s+sie\s+zapewnic\s+dostepnos"),
)
# The controller of the data a page collects is its owner; the "operator" of a site is as
# often the firm that runs it ("Operatorem Serwisu jest Szkoła Języków Obcych FLOWER").
# A BIP page's record names the body that publishes it: "Podmiot udostępniający informację :
# Ośrodek Pomocy Społecznej w Polkowicach" (n025 of the fresh pages); the person who put it
# on the page ("Udostępniający: Marcin May", k057) is no body.
_DECLARED_AFTER = re.compile(
    r"(?i)(?:\badministratorem\b[^.\n]{0,90}?\bjest\b|"
    r"\bpodmiot\s+udostępniający(?:\s+informacj[ęe])?\s*:|"
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?)\s*:?\s*"
)


def declared_names(page: PageText) -> Iterator[tuple[str, int]]:
    """Names a formula declares the owner (see the module docstring), with their line."""
    for index, line in enumerate(page.lines):
        complete = index < len(page.lines) - 1
        for pattern in _DECLARATIONS:
            match = pattern.search(line)
            if match is None:
                continue
            before = [
                f for f in names_in(line, index, complete=complete) if f.end <= match.start() + 1
            ]
            if before:
                yield before[-1].name, index
            else:
                name = _declared_phrase(line[: match.start()], at_end=True)
                if name:
                    yield name, index
        yield from _self_defined(line, index, complete=complete)
        year_line = _YEAR_AND_NAME.match(line) if index >= len(page.lines) - _FOOTER_LINES else None
        if year_line:
            name = whole_name(year_line.group(1), complete=complete)
            if name:
                yield name, index
        for match in _DECLARED_AFTER.finditer(line):
            after = [
                f
                for f in names_in(line, index, complete=complete)
                if abs(f.start - match.end()) <= 2
            ]
            if after:
                yield after[0].name, index
            else:
                name = _declared_phrase(line[match.end() :], at_end=False)
                if name:
                    yield name, index


# A footer's line of a year and a name, the copyright sign left out: "2024  Powiatowa Stacja
# Sanitarno-Epidemiologiczna w Nowym Sączu" (k061 of the fresh pages), among a page's last lines.
_YEAR_AND_NAME = re.compile(r"^\s*(?:20\d\d|19\d\d)(?:\s*[-–]\s*(?:20|19)\d\d)?\s+(\S.*)$")
_FOOTER_LINES = 3
# A statute's or a regulation's own definition of the body it is about: "Ośrodek Pomocy
# Społecznej w Olkuszu zwany dalej „Ośrodkiem”" (k003 of the fresh pages), "… w Szkole
# Podstawowej … w Zagórzanach zwanym dalej „szkołą”" (k017): the term it defines is the name's
# own head noun (a contract's "zwanym dalej Wykonawcą" defines a role, not the body).
_CALLED_HEREAFTER = re.compile(
    r"(?i)^\s*,?\s*zwan\w*\s+(?:(?:dalej|w\s+dalszej\s+części(?:\s+\w+)?)\s*:?\s*[„\"“]?|[„\"“])"
    r"\s*([^\W\d_]+)"
)
# "Stowarzyszenie nosi nazwę „…”", "Nazwa Stowarzyszenia brzmi: …" (k025, k026): the name after.
_NAMED_AS = re.compile(
    r"(?i)\b(?:nosi\s+nazwę|posiada\s+nazwę|działa\s+pod\s+nazwą|nazwa\s+\w+\s+brzmi)\s*:?\s*"
)
_QUOTED_NAME = re.compile(r"^[„\"“]\s*([^\"”„“\n]{4,160}?)\s*[”\"“]")


def _self_defined(line: str, index: int, *, complete: bool) -> Iterator[tuple[str, int]]:
    """Names a statute or a regulation defines as the body it is about (`_CALLED_HEREAFTER`,
    `_NAMED_AS`)."""
    found = list(names_in(line, index, complete=complete))
    for name in found:
        called = _CALLED_HEREAFTER.match(line[name.end :])
        if called and _same_head(name.name, called.group(1)):
            yield name.name, index
    for match in _NAMED_AS.finditer(line):
        quoted = _QUOTED_NAME.match(line[match.end() :])
        if quoted and name_score(quoted.group(1)) > 0:
            yield normalise_space(quoted.group(1)), index
            continue
        after = [f for f in found if abs(f.start - match.end()) <= 2]
        if after:
            yield after[0].name, index


def _same_head(name: str, term: str) -> bool:
    """Whether `term` ("Ośrodkiem", "szkołą") is a form of the name's head noun."""
    head = next((word for word in name.split() if is_noun(word)), None)
    if head is None:
        return False
    lemmas = {a.lemma.lower() for a in analyse_word(head) + analyse_word(head.lower())}
    return any(a.lemma.lower() in lemmas for a in analyse_word(term.lower()) if a.pos == "subst")


# A footer joins items with a middle dot or a bar: "© 2025 Arka Noego · Powiat skarżyski".
_PHRASE_STOP = re.compile(
    r"(?i),|\.\s|\(|\s[·|•]\s|\s(?:z\s+siedzibą|przy|ul\.|al\.|tel|e-?mail|NIP)\b"
)


def _declared_phrase(text: str, *, at_end: bool) -> str | None:
    """A name the phrase reader does not know ("Gmina Lubawka", "Uzdrowisko Konstancin-Zdrój
    SA") right before or after a formula, when it reads as a name."""
    if at_end:
        phrase = re.split(r"[.:;]\s|^", text.strip())[-1]
    else:
        phrase = _PHRASE_STOP.split(text, maxsplit=1)[0]
    phrase = normalise_space(phrase).strip(" ,.:;")
    if phrase and phrase[0].isupper() and name_score(phrase) > 0 and len(phrase.split()) <= 12:
        return phrase
    return None
