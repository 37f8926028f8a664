"""Reading the taxonomy in Polish text: which institution types, services and target groups
its words name, by lemma (the language layer under `transforms.classify`).

Recognition is by lemma, not by string: "Poradnią Psychologiczno-Pedagogiczną",
"PORADNIA PSYCHOLOGICZNO PEDAGOGICZNA" and the ASCII-folded "Poradni
Psychologiczno-Pedagogicznej" all match the lemma sequence "poradnia psychologiczny
pedagogiczny" of `transforms.taxonomy`. `tokenise` reads a text into words with their
candidate lemmas (Morfeusz, the folded-form index, one forgiven typo) and acronym spelling;
`find_matches` finds every pattern, acronym and exclusion of the taxonomy in them; `head_of`
picks the type a name is headed by (a named unit beats its parent).

`name_type` is the whole reading of a name alone ("Gminny Ośrodek Pomocy Społecznej w X" ->
"ops"): what `extractors.detect` asks of a page's title, with the same answer `classify`
gives for that name. It needs only the taxonomy tables and the morphology, never the
normalise stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from transforms import taxonomy
from transforms.morphology import analyse_word, generate
from transforms.taxonomy import GAP, MAX_GAP, Pattern
from transforms.text import fold

RuleKind = Literal["type", "service", "target_group", "exclusion"]
TextKind = Literal["name", "description", "type_raw"]
"""What a text is: a name, a free description, or a publisher's type column."""


# Tokens and matches are NamedTuples rather than frozen dataclasses: they are created by the
# million, and a frozen dataclass's __init__ costs several times more.
class Token(NamedTuple):
    """One word of a text, with the taxonomy lemmas and the acronym it may be."""

    text: str
    start: int
    end: int
    lemmas: frozenset[str]
    acronym: str  # folded upper-case spelling, "" when the word cannot be an acronym
    gap_before: str  # the text between the previous word and this one ("" for the first)


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of the taxonomy: a type's, a service's, a target group's or an exclusion."""

    kind: RuleKind
    code: str
    pattern: Pattern  # lemmas, or upper-case folded words for an acronym
    weak: bool
    order: int  # position of the type in the taxonomy: the last tie-break
    acronym: bool = False
    has_gap: bool = False


class Match(NamedTuple):
    """Where a rule matched, in token indices."""

    rule: Rule
    start: int  # token indices, end exclusive
    end: int


# Runs of letters or of digits; everything else separates words ("Senior+", "MOPS-ie",
# "SP37" -> "SP", "37").
_WORD = re.compile(r"[^\W\d_]+|\d+")
_MIN_TYPO_LENGTH = 5
# A type mentioned right after these is where the head sits, not a unit of it.
_LOCATIVE_PREPOSITIONS = frozenset({"w", "we", "przy", "na", "u", "pod", "dla", "z", "ze"})
# What separates the parts of a page title or a hierarchical name ("BIP - Gmina X - Dane",
# "Sąd Rejonowy, Zespół Kuratorski"); a hyphen inside a word ("Skarżysko-Kamienna") does not.
_SEGMENT_BREAK = re.compile(r"[|:;,(/\u2022\u00bb]|\s[-\u2013\u2014]|[-\u2013\u2014]\s")
# Company suffixes: "SP. Z O.O." must not read as "SP" (szkoła podstawowa).
_LEGAL_FORM = re.compile(
    r"\bsp\.?\s*z\s*o\.?\s*o\.?|\bsp\.\s*(?:j|k|p)\b\.?|\bs\.\s*a\.|\bsp\.\s*k\.?\s*a\.?",
    re.IGNORECASE,
)


def _opens_segment(tokens: Sequence[Token], index: int) -> bool:
    """First word of the text or of a " - " / "|" / "," separated part of it."""
    return index == 0 or _SEGMENT_BREAK.search(f" {tokens[index].gap_before} ") is not None


def name_refines(name_code: str, column_code: str) -> bool:
    """Whether a name's type is more specific than a type column's: a unit of it, or a
    specific type of the same sector when the column's type is generic."""
    name_type = taxonomy.TYPE_BY_CODE[name_code]
    column_type = taxonomy.TYPE_BY_CODE[column_code]
    return column_code in name_type.unit_of or (
        column_type.generic and name_type.sector == column_type.sector
    )


def head_of(candidates: Sequence[Match], tokens: Sequence[Token]) -> Match | None:
    """The head of the name: earliest start, then longest, then taxonomy order; then let a
    later-mentioned unit of the head's type take over (court -> its probation team), unless
    the later mention is where the head sits rather than a part of it ("Przychodnia przy
    Szpitalu", "Poradnia w Szpitalu")."""
    if not candidates:
        return None
    ordered = sorted(candidates, key=lambda m: (m.start, m.start - m.end, m.rule.order))
    head = ordered[0]
    while True:
        unit = next(
            (
                m
                for m in ordered
                if m.start >= head.end
                and head.rule.code in taxonomy.TYPE_BY_CODE[m.rule.code].unit_of
                and not _is_location_of(tokens, head, m)
            ),
            None,
        )
        if unit is None:
            return head
        head = unit


def _is_location_of(tokens: Sequence[Token], head: Match, later: Match) -> bool:
    between = {t.text.lower() for t in tokens[head.end : later.start]}
    return "przy" in between or tokens[later.start - 1].text.lower() in _LOCATIVE_PREPOSITIONS


def matched_words(text: str, tokens: Sequence[Token], match: Match) -> str:
    return text[tokens[match.start].start : tokens[match.end - 1].end]


def find_matches(tokens: Sequence[Token]) -> list[Match]:
    """Every rule match (lemma patterns and acronyms), minus those an exclusion cancels."""
    lemma_rules, acronym_rules = _rules()
    matches: list[Match] = []
    for index, token in enumerate(tokens):
        # A rule is filed under its first lemma only, so no rule is tried twice here.
        for lemma in token.lemmas:
            for rule in lemma_rules.get(lemma, ()):
                end = (
                    _match_lemmas(tokens, index, rule.pattern, 0)
                    if rule.has_gap
                    else _match_contiguous(tokens, index, rule.pattern)
                )
                if end is not None:
                    matches.append(Match(rule, index, end))
        if token.acronym:
            for rule in acronym_rules.get(token.acronym, ()):
                end = index + len(rule.pattern)
                if end <= len(tokens) and all(
                    t.acronym == part
                    for t, part in zip(tokens[index:end], rule.pattern, strict=True)
                ):
                    matches.append(Match(rule, index, end))
    exclusions = [m for m in matches if m.rule.kind == "exclusion"]
    if not exclusions:
        return matches
    return [
        m
        for m in matches
        if m.rule.kind != "exclusion"
        and not any(
            m.start == ex.start if m.rule.kind == "type" else ex.start <= m.start < ex.end
            for ex in exclusions
        )
    ]


def _match_contiguous(tokens: Sequence[Token], index: int, pattern: Pattern) -> int | None:
    end = index + len(pattern)
    if end > len(tokens):
        return None
    for offset in range(1, len(pattern)):  # pattern[0] is how the rule was looked up
        if pattern[offset] not in tokens[index + offset].lemmas:
            return None
    return end


def _match_lemmas(tokens: Sequence[Token], index: int, pattern: Pattern, at: int) -> int | None:
    """End index (exclusive) if `pattern[at:]` matches from token `index`, shortest gaps first."""
    if at == len(pattern):
        return index
    element = pattern[at]
    if element == GAP:
        for skip in range(MAX_GAP + 1):
            end = _match_lemmas(tokens, index + skip, pattern, at + 1)
            if end is not None:
                return end
        return None
    if index < len(tokens) and element in tokens[index].lemmas:
        return _match_lemmas(tokens, index + 1, pattern, at + 1)
    return None


def tokenise(text: str, *, kind: TextKind) -> list[Token]:
    """The words of `text` with their candidate taxonomy lemmas and acronym spelling."""
    skipped = [m.span() for m in _LEGAL_FORM.finditer(text)]
    # A type column is a controlled value and an all-lower-case name has lost its capitals,
    # so acronyms are accepted in any case there ("ppp w chorzowie").
    any_case = kind == "type_raw" or not any(ch.isupper() for ch in text)
    # Typos are forgiven in names and type columns only: in prose, an unknown word is more
    # often a surname than a misspelt institution.
    forgive_typos = kind != "description"
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        if skipped and any(start <= match.start() < end for start, end in skipped):
            continue
        word = match.group()
        lemmas = _word_lemmas(word, forgive_typos)
        tokens.append(
            Token(
                word,
                match.start(),
                match.end(),
                lemmas,
                _acronym_key(word, any_case),
                text[previous_end : match.start()] if tokens else "",
            )
        )
        previous_end = match.end()
    return tokens


@lru_cache(maxsize=65_536)
def _acronym_key(word: str, any_case: bool) -> str:
    """Acronyms count when written in capitals ("MOPS", folded "SDS") or in their own mixed
    spelling ("MOSiR")."""
    folded = fold(word)
    key = folded.upper()
    spellings = _acronym_spellings().get(key)
    if spellings is None:
        return ""
    if any_case or folded.isupper() or folded in spellings:
        return key
    return ""


@lru_cache(maxsize=262_144)
def _word_lemmas(word: str, forgive_typos: bool) -> frozenset[str]:
    """The taxonomy lemmas one word can be a form of (other lemmas cannot match anything).

    Candidates are Morfeusz's readings of the word, plus the taxonomy lemmas one of whose
    inflected forms equals the word once diacritics are stripped: that is what makes
    ASCII-folded text ("Osrodek", "Spolecznej") and ad-adjectival forms ("psychologiczno",
    which Morfeusz only analyses before a hyphen) recognisable. A word that itself carries
    diacritics must match a form exactly: "Sadów" (a village) is not "sądów" (courts). A word
    that neither Morfeusz nor the form index knows may be a typo of a taxonomy form.
    """
    lower = word.lower()
    # Morfeusz analyses lower-case common nouns and adjectives as well as capitalised ones,
    # and every taxonomy lemma is lower-case: one call per word is enough.
    # Abbreviation readings are dropped: the dot is gone by now, and "o" is not "o." (ojciec).
    readings = [r.lemma.lower() for r in analyse_word(lower) if r.tag != "ign" and r.pos != "brev"]
    wanted = _taxonomy_lemmas()
    lemmas = {lemma for lemma in readings if lemma in wanted}
    folded = fold(lower)
    is_ascii = folded == lower
    by_form = _form_index().get(folded, ())
    lemmas.update(lemma for lemma, form in by_form if is_ascii or form == lower)
    lemmas.update(stem for stem, prefix in _stem_prefixes() if folded.startswith(prefix))
    if not readings and not by_form and forgive_typos:
        lemmas.update(_typo_lemmas(folded))
    return frozenset(lemmas)


@lru_cache(maxsize=1)
def _taxonomy_lemmas() -> frozenset[str]:
    return taxonomy.all_lemmas()


@lru_cache(maxsize=1)
def _stem_prefixes() -> tuple[tuple[str, str], ...]:
    """(stem element, its folded prefix): "wytchnieniow~" -> "wytchnieniow"."""
    return tuple(
        (stem, fold(stem.removesuffix(taxonomy.STEM))) for stem in sorted(taxonomy.all_stems())
    )


@lru_cache(maxsize=65_536)
def _typo_lemmas(folded: str) -> frozenset[str]:
    """Taxonomy lemmas of an unknown word, allowing one typo ("Przedskzole", "Pplicji"): the
    folded word and a folded taxonomy form match when deleting at most one letter from each
    makes them equal. Short words are left alone: too many are one letter apart."""
    if len(folded) < _MIN_TYPO_LENGTH:
        return frozenset()
    index = _typo_index()
    keys = {folded} | {folded[:i] + folded[i + 1 :] for i in range(len(folded))}
    return frozenset(lemma for key in keys for lemma in index.get(key, ()))


def lemma_forms(lemma: str) -> list[str]:
    """Inflected forms Morfeusz generates for a taxonomy lemma (also tried capitalised, for
    proper names such as "Caritas"); empty when Morfeusz does not know the lemma."""
    for variant in (lemma, lemma.capitalize()):
        # Abbreviations are left out: "w." is a form of "wiek" but "w" is mostly a preposition.
        forms = [
            form for form, tag in generate(variant) if tag != "ign" and not tag.startswith("brev")
        ]
        if forms:
            return forms
    return []


@lru_cache(maxsize=1)
def _form_index() -> dict[str, frozenset[tuple[str, str]]]:
    """Folded lower-case form -> (taxonomy lemma, lower-case form with diacritics) pairs."""
    index: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
    for lemma in taxonomy.all_lemmas():
        for form in [lemma, *lemma_forms(lemma)]:
            index[fold(form.lower())].add((lemma, form.lower()))
    return {form: frozenset(pairs) for form, pairs in index.items()}


@lru_cache(maxsize=1)
def _typo_index() -> dict[str, frozenset[str]]:
    """Each folded taxonomy form, and each way of deleting one letter from it -> lemmas."""
    index: defaultdict[str, set[str]] = defaultdict(set)
    for form, pairs in _form_index().items():
        if len(form) < _MIN_TYPO_LENGTH:
            continue
        lemmas = {lemma for lemma, _ in pairs}
        for key in {form} | {form[:i] + form[i + 1 :] for i in range(len(form))}:
            index[key].update(lemmas)
    return {key: frozenset(lemmas) for key, lemmas in index.items()}


@lru_cache(maxsize=1)
def _acronym_spellings() -> dict[str, frozenset[str]]:
    """Folded upper-case acronym word -> its folded spellings as listed ("MOSIR" -> MOSiR)."""
    spellings: defaultdict[str, set[str]] = defaultdict(set)
    for kind in taxonomy.INSTITUTION_TYPES:
        for acronym in kind.acronyms:
            for part in fold(acronym).split():
                spellings[part.upper()].add(part)
    return {key: frozenset(values) for key, values in spellings.items()}


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, tuple[Rule, ...]], dict[str, tuple[Rule, ...]]]:
    """Rules indexed by their first lemma, and acronym rules by their first word."""
    by_lemma: defaultdict[str, list[Rule]] = defaultdict(list)
    by_acronym: defaultdict[str, list[Rule]] = defaultdict(list)
    for rule in _all_rules():
        if rule.acronym:
            by_acronym[rule.pattern[0]].append(rule)
        else:
            by_lemma[rule.pattern[0]].append(rule)
    return (
        {key: tuple(rules) for key, rules in by_lemma.items()},
        {key: tuple(rules) for key, rules in by_acronym.items()},
    )


def _all_rules() -> Iterable[Rule]:
    order = 0
    for kind in taxonomy.INSTITUTION_TYPES:
        for pattern in kind.patterns:
            yield Rule("type", kind.code, pattern, False, order, has_gap=GAP in pattern)
        for acronym in kind.acronyms:
            parts = tuple(part.upper() for part in fold(acronym).split())
            yield Rule("type", kind.code, parts, False, order, acronym=True)
        for pattern in kind.weak_patterns:
            yield Rule("type", kind.code, pattern, True, order, has_gap=GAP in pattern)
        order += 1
    for exclusion in taxonomy.EXCLUSIONS:
        yield Rule(
            "exclusion", "", exclusion.pattern, False, order, has_gap=GAP in exclusion.pattern
        )
    for service in taxonomy.SERVICES:
        for pattern in service.triggers:
            yield Rule("service", service.code, pattern, False, order, has_gap=GAP in pattern)
    for group in taxonomy.TARGET_GROUPS:
        for pattern in group.triggers:
            yield Rule("target_group", group.code, pattern, False, order, has_gap=GAP in pattern)


def type_candidates(
    tokens: Sequence[Token], matches: Sequence[Match], *, weak: bool
) -> list[Match]:
    """The type matches of one strength; a weak one ("Gmina X") only where it opens a part of
    the text."""
    return [
        m
        for m in matches
        if m.rule.kind == "type"
        and m.rule.weak == weak
        # "Gmina X - Dane" names the gmina; "oferty firm z powiatu X" does not.
        and (not weak or _opens_segment(tokens, m.start))
    ]


def name_services(name: str) -> frozenset[str]:
    """The services of the taxonomy a name's own words name ("Centrum Logopedyczno-terapeutyczne"
    names speech therapy), whatever its type; empty when it names none."""
    tokens = tokenise(unicodedata.normalize("NFC", name), kind="name")
    return frozenset(m.rule.code for m in find_matches(tokens) if m.rule.kind == "service")


def name_type(name: str) -> tuple[str, str] | None:
    """The institution type a name alone is headed by, with the words that say so, as
    `classify(name)` reads it; None when no type of the taxonomy is named."""
    text = unicodedata.normalize("NFC", name)
    tokens = tokenise(text, kind="name")
    matches = find_matches(tokens)
    found = head_of(type_candidates(tokens, matches, weak=False), tokens) or head_of(
        type_candidates(tokens, matches, weak=True), tokens
    )
    return (found.rule.code, matched_words(text, tokens, found)) if found else None
