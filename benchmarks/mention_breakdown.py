"""Mentions counted apart: per kind of document and category, and their errors by kind.

`benchmarks/extraction.py --mention-kinds` prints, for every set of documents (the test half
included), the mention counts (TP / FP / FN, P / R / F1) per document kind (article,
institution page, none) and per category of the web corpus's index (pcpr, news, ops …), and
the missed and extra mentions by kind of error. Aggregate counts only, never a document or a
name: the test half may be measured this way without being read.

The kinds of error are decided mechanically, each the first that applies:

- missed, no mention row for the document: the output names no other institution at all;
- missed, taken as the page's subject: the output's subject row bears the mention's name;
- missed, read with another span or place: an unmatched output mention is near it (one key
  inside the other, or the same first two word stems);
  (counted apart by how: its place left out, words at its start left out, cut short
  otherwise, read too long, other words);
- missed, written in the text, not read: its full name's word stems stand in a row in the text
  (inflected forms share the first four letters);
- missed, only a short form in the text: one of its `acronym_forms` (an acronym, or the kind
  alone the annotator placed from context) stands in the text as a word;
- missed, not written as one phrase: the annotator built it from context (a kind with a town
  from an adjective, a title or a heading).
- extra, another span or place of a missed mention: near a missed gold mention;
- extra, the page's own body under another form: near the gold's subject;
- extra, a body the gold does not list: anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from benchmarks.extraction_scoring import Counts, Gold, Scores, match_mentions
from transforms.text import fold_key

Row = Mapping[str, Any]

MENTION_ERROR_KINDS = (
    "missed: no mention row for the document",
    "missed: taken as the page's subject",
    "missed: read with another span or place",
    "  of which: read without its place",
    "  of which: read without words at its start",
    "  of which: read cut short",
    "  of which: read too long",
    "  of which: read with other words",
    "missed: written in the text, not read",
    "  of which: the phrase reader finds it, the records leave it out",
    "  of which: the phrase reader does not find it",
    "missed: only a short form in the text (an acronym, a kind alone)",
    "missed: not written as one phrase",
    "extra: another span or place of a missed mention",
    "extra: the page's own body under another form",
    "extra: a body the gold does not list",
)
_TAG = re.compile(r"<[^>]+>")


def _stems(key: str) -> list[str]:
    return [word[:4] for word in key.split()]


def _near(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    sa, sb = _stems(a), _stems(b)
    return len(sa) >= 2 and len(sb) >= 2 and sa[:2] == sb[:2]


def _found_keys(text: str) -> set[str]:
    """The `fold_key`s of what the phrase reader finds in the whole text, as written and in
    the nominative (`extractors.mentions.find_mentions`, territories included)."""
    from extractors.mention_letters import with_polish_letters
    from extractors.mentions import find_mentions

    read = with_polish_letters(_TAG.sub(" ", text))
    found = find_mentions(read, territories=True)
    return {fold_key(m.nominative) for m in found} | {fold_key(m.phrase) for m in found}


def _how_near(read: str, gold: str) -> int:
    """How a near output differs from the gold name: 0 its place left out, 1 words at its
    start left out, 2 cut short otherwise, 3 too long, 4 other words."""
    if gold.startswith(read + " "):
        rest = gold[len(read) + 1 :]
        return 0 if rest.split(" ", 1)[0] in ("w", "we") else 2
    if gold.endswith(" " + read):
        return 1
    if f" {gold} " in f" {read} ":
        return 3
    return 4


def _in_row(stems: list[str], text_stems: list[str]) -> bool:
    n = len(stems)
    return n > 0 and any(text_stems[i : i + n] == stems for i in range(len(text_stems) - n + 1))


def _add(groups: dict[str, Counts], label: str, tp: int, fp: int, fn: int) -> None:
    counts = groups.setdefault(label, Counts())
    counts.tp += tp
    counts.fp += fp
    counts.fn += fn


def score_mention_breakdown(
    gold: Gold, rows: Sequence[Row], text: str, category: str, scores: Scores
) -> None:
    """Add one document's mentions to `scores.mention_groups` (by kind and category) and its
    missed and extra mentions to `scores.mention_errors` (by kind of error)."""
    tp, extra_names, missed = match_mentions(gold, rows)
    extra = [fold_key(name) for name in extra_names]
    fp, fn = len(extra), len(missed)
    _add(scores.mention_groups, f"kind: {gold.kind}", tp, fp, fn)
    _add(scores.mention_groups, f"{gold.kind}: {category}", tp, fp, fn)
    parsers = sorted({str(row.get("parser")) for row in rows if row.get("role") == "subject"})
    _add(
        scores.mention_groups,
        f"{gold.kind}, read by: {'+'.join(parsers) or 'no subject'}",
        tp,
        fp,
        fn,
    )
    subjects = [row for row in rows if row.get("role") == "subject"]
    subject_key = fold_key(str(subjects[0].get("name") or "")) if subjects else ""
    text_key = fold_key(_TAG.sub(" ", text))
    text_stems = _stems(text_key)
    text_words = f" {text_key} "
    errors = scores.mention_errors
    missed_keys = [fold_key(str((m.get("names") or [""])[0])) for m in missed]
    found: set[str] | None = None
    for mention, key in zip(missed, missed_keys, strict=True):
        label = ""
        names = {fold_key(str(n)) for n in mention.get("names") or ()}
        acronyms = {fold_key(str(a)) for a in mention.get("acronym_forms") or ()}
        if not any(row.get("role") == "mention" for row in rows):
            kind = MENTION_ERROR_KINDS[0]
        elif subject_key and subject_key in names:
            kind = MENTION_ERROR_KINDS[1]
        elif near := [x for x in extra if _near(x, key)]:
            kind = MENTION_ERROR_KINDS[2]
            part = MENTION_ERROR_KINDS[3 + _how_near(near[0], key)]
            errors[part] = errors.get(part, 0) + 1
        elif any(_in_row(_stems(name), text_stems) for name in names):
            kind = MENTION_ERROR_KINDS[8]
            part = f"  written, not read, of the gold's type: {mention.get('type') or '?'}"
            errors[part] = errors.get(part, 0) + 1
            found = _found_keys(text) if found is None else found
            part = MENTION_ERROR_KINDS[9 if names & found else 10]
            errors[part] = errors.get(part, 0) + 1
            label = part.strip()
        elif any(a and f" {a} " in text_words for a in acronyms):
            kind = MENTION_ERROR_KINDS[11]
        else:
            kind = MENTION_ERROR_KINDS[12]
        errors[kind] = errors.get(kind, 0) + 1
        scores.mention_error_misses.append(f"{gold.doc_id}: {label or kind}: {key!r}")
    subject_names = _subject_keys(gold)
    for key in extra:
        if any(_near(key, m) for m in missed_keys):
            kind = MENTION_ERROR_KINDS[13]
        elif any(_near(key, s) for s in subject_names):
            kind = MENTION_ERROR_KINDS[14]
        else:
            kind = MENTION_ERROR_KINDS[15]
        errors[kind] = errors.get(kind, 0) + 1
        scores.mention_error_misses.append(f"{gold.doc_id}: {kind}: {key!r}")


def _subject_keys(gold: Gold) -> set[str]:
    if not gold.subject:
        return set()
    forms: Iterable[Any] = (
        *(gold.subject.get("names") or ()),
        *(gold.subject.get("acronym_forms") or ()),
    )
    return {fold_key(str(form)) for form in forms if form}


def mention_breakdown_tables(columns: Mapping[str, Scores]) -> list[str]:
    """Markdown rows: mentions per kind of document and category, then errors by kind."""
    names = [name for name, scores in columns.items() if scores.mention_groups]
    labels = sorted({label for name in names for label in columns[name].mention_groups})
    labels.sort(key=lambda label: (not label.startswith("kind: "), label))
    lines = [
        "| mentions (TP / FP / FN, P / R / F1) | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---" for _ in names) + " |",
    ]
    for label in labels:
        cells = []
        for name in names:
            c = columns[name].mention_groups.get(label)
            if c is None or c.tp + c.fp + c.fn == 0:
                cells.append("–")
            else:
                cells.append(
                    f"{c.tp}/{c.fp}/{c.fn}, {c.precision:.0%} / {c.recall:.0%} / {c.f1:.0%}"
                )
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| mention errors, by kind | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---" for _ in names) + " |",
    ]
    typed = sorted(
        {k for name in names for k in columns[name].mention_errors} - set(MENTION_ERROR_KINDS)
    )
    for kind in (*MENTION_ERROR_KINDS, *typed):
        counts = [str(columns[name].mention_errors.get(kind, 0)) for name in names]
        lines.append(f"| {kind} | " + " | ".join(counts) + " |")
    return lines
