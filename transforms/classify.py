"""Classify an institution by its name, its source's type column and a Polish description:
institution type (and through it the sector), services offered and target groups served.

Recognition is by lemma, not by string (`transforms.taxonomy_reading`, the language layer
that reads the taxonomy's patterns in text). Every code comes with `Evidence`: the words as written
that triggered it and where they were (name, description, type column, or the type's defaults).
The precedence rules are documented in docs/taxonomy.md (generated from transforms.taxonomy).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from transforms import taxonomy
from transforms.taxonomy import TYPE_OTHER
from transforms.taxonomy_reading import (
    Match,
    TextKind,
    Token,
    find_matches,
    head_of,
    lemma_forms,
    matched_words,
    name_refines,
    tokenise,
    type_candidates,
)

__all__ = ["Classification", "Evidence", "classify", "lemma_forms"]

EvidenceKind = Literal["type", "service", "target_group"]
EvidenceSource = Literal["name", "description", "type_raw", "type_default"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """`Evidence("service", "therapy", "terapię uzależnień", "description")`: these words, as
    written in that field, gave that code. For `type_default` the words are those that
    identified the type."""

    kind: EvidenceKind
    code: str
    words: str
    source: EvidenceSource


@dataclass(frozen=True, slots=True)
class Classification:
    """Result of `classify`; codes are those of transforms.taxonomy, in taxonomy order.
    `sector` is None only when the type is "other"."""

    type_code: str
    sector: str | None
    services: tuple[str, ...]
    target_groups: tuple[str, ...]
    evidence: tuple[Evidence, ...]


def classify(
    name: str, description: str | None = None, type_raw: str | None = None
) -> Classification:
    """Type, sector, services and target groups of one institution, with evidence.

    The type comes from `type_raw` when it names one (unless the name names a unit of it or a
    more specific type), else from the head of the name (a named unit beats its parent), else
    from weak patterns ("Gmina X"), else it is "other". Services and target groups come from
    the name, `type_raw` and `description`, plus the type's defaults.
    """
    if not isinstance(name, str):
        raise TypeError(f"classify: name must be a str, got {type(name).__name__}: {name!r}")
    fields: list[tuple[TextKind, str]] = [("name", name)]
    if type_raw:
        fields.append(("type_raw", type_raw))
    if description:
        fields.append(("description", description))

    found: dict[EvidenceSource, tuple[str, list[Token], list[Match]]] = {}
    for text_kind, raw_text in fields:
        # Some registries store decomposed Unicode ("s" + U+0301 for "ś"), which would split
        # words at the combining mark.
        text = unicodedata.normalize("NFC", raw_text)
        tokens = tokenise(text, kind=text_kind)
        found[text_kind] = (text, tokens, find_matches(tokens))

    type_match, type_source = _choose_type(found)
    evidence: list[Evidence] = []
    type_code = TYPE_OTHER
    type_words = ""
    if type_match is not None and type_source is not None:
        text, tokens, _ = found[type_source]
        type_code = type_match.rule.code
        type_words = matched_words(text, tokens, type_match)
        evidence.append(Evidence("type", type_code, type_words, type_source))

    services: set[str] = set()
    groups: set[str] = set()
    for source, (text, tokens, matches) in found.items():
        for match in matches:
            kind = match.rule.kind
            if kind not in ("service", "target_group"):
                continue
            (services if kind == "service" else groups).add(match.rule.code)
            item = Evidence(kind, match.rule.code, matched_words(text, tokens, match), source)
            if item not in evidence:
                evidence.append(item)

    kind_info = taxonomy.TYPE_BY_CODE.get(type_code)
    if kind_info is not None:
        for code in kind_info.default_services:
            services.add(code)
            evidence.append(Evidence("service", code, type_words, "type_default"))
        for code in kind_info.default_target_groups:
            groups.add(code)
            evidence.append(Evidence("target_group", code, type_words, "type_default"))

    return Classification(
        type_code=type_code,
        sector=kind_info.sector if kind_info is not None else None,
        services=tuple(s.code for s in taxonomy.SERVICES if s.code in services),
        target_groups=tuple(g.code for g in taxonomy.TARGET_GROUPS if g.code in groups),
        evidence=tuple(evidence),
    )


def _choose_type(
    found: dict[EvidenceSource, tuple[str, list[Token], list[Match]]],
) -> tuple[Match | None, EvidenceSource | None]:
    """The publisher's type column first, the head of the name otherwise; weak patterns last.

    A type column is a registry's own classification ("DPS" for "Dom Radosnej Starości"), so
    it beats the name, except where the name is more specific: a unit of the column's type
    ("Punkt Interwencji Kryzysowej" listed under "Ośrodki pomocy społecznej") or a specific type
    of the same sector when the column's type is generic ("Przedszkole nr 3" under "Szkoły").
    """
    strong = {
        source: head_of(_type_candidates(found, source, weak=False), found[source][1])
        for source in found
    }
    from_name, from_column = strong.get("name"), strong.get("type_raw")
    if from_column is not None:
        if from_name is not None and name_refines(from_name.rule.code, from_column.rule.code):
            return from_name, "name"
        return from_column, "type_raw"
    if from_name is not None:
        return from_name, "name"
    for source in ("name", "type_raw"):
        if source in found:
            weak = head_of(_type_candidates(found, source, weak=True), found[source][1])
            if weak is not None:
                return weak, source
    return None, None


def _type_candidates(
    found: dict[EvidenceSource, tuple[str, list[Token], list[Match]]],
    source: EvidenceSource,
    *,
    weak: bool,
) -> list[Match]:
    _, tokens, matches = found[source]
    return type_candidates(tokens, matches, weak=weak)
