"""Scoring `wsparcie extract` output against the JSON gold of the web corpus and the saved pages.

One gold file per document (`benchmarks/web_corpus/gold/<id>.json`,
`tests/gold/fixtures/<category>__<host>.json`), in the schema `benchmarks/web_corpus/README.md`
describes: the page's subject (the institution whose page it is, or null), every other
institution it names (mentions), and what it states about support (services, ages, hours).
The extractor's rows are the JSON objects `wsparcie extract --format jsonl` prints.

What is counted, per set of documents:

- subject found: documents whose gold has a subject and whose output has a `subject` row;
- name, postal code, powiat, gmina: single values of the subject, counted as in the older
  benchmark (a wrong value is a false positive and a false negative); names compare through
  `fold_key` (diacritics, case, punctuation) against every accepted full form, and separately
  exactly (with Polish letters) against the first form; gminas compare on their first six
  digits (a town and its urban-rural gmina are one office's answer either way);
- reachable by phone / e-mail: documents whose subject has one in the gold and whose output
  gives at least one right one (personal mailboxes do not count);
- phones: every number of the subject (any kind), precision and recall over items;
- mentions: other institutions, matched by `fold_key` of the output's name against the gold's
  full forms, precision / recall / F1 separately for articles and institution pages; an output
  mention that is the subject under another form is neither right nor wrong;
- stated services: (document, code) pairs the text states against the codes the output says
  were stated (its `services_stated` field when present, else `services`), over all rows of a
  document; separately for the documents collected for support statements (ids `c…`);
- stated services per institution (a second row beside the pooled one, which it does not
  change): (document, provider, code) triples, the provider being the gold's "subject" or one
  of its mentions; an output row speaks for the subject when its role is `subject` or `page`,
  for a gold mention when the `fold_key` of its name is one of that mention's names, and for
  nobody the gold knows otherwise (its codes are false positives). What the directory would
  publish per institution, so a mention's name wrongly read costs here too;
- schedules: documents whose gold states opening hours and whose output's schedules (all rows)
  are exactly the gold's, compared as (day, opens, closes) entries, one per weekday ("pn.–pt.
  8–16" is five entries, however a schedule groups its days; hours for dates, without days,
  are one entry); entries also as precision and recall over items (an entry on a page whose
  gold states none is a false positive). A gold entry whose days are empty (hours stated
  without days, or for dates: "not stated") is matched on its times, whatever days the output
  gives them: the output's entries with those times on days the gold does not list count as
  that one entry. The rows "…, days as written" keep the earlier scoring, where such an entry
  matched only an output schedule without days;
- ages: the same for the set of (min, max) age ranges;
- fees and referral: a document's single free/paid (needed/not needed) value, the first any
  row gives, counted as single values are;
- invented: institutions (subjects) from documents about none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transforms.text import fold_key

Row = Mapping[str, Any]


@dataclass(slots=True)
class Counts:
    """True/false positives and negatives of one measure, with the documents behind misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Rate:
    """A share of documents: `hit` of `total`."""

    hit: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.hit / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated document."""

    doc_id: str
    url: str
    kind: str  # institution_page | article | none
    subject: Mapping[str, Any] | None
    mentions: tuple[Mapping[str, Any], ...]
    services: tuple[Mapping[str, Any], ...]
    raw: Mapping[str, Any]

    @classmethod
    def read(cls, path: Path) -> Gold:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            doc_id=data["id"],
            url=data["url"],
            kind=data["kind"],
            subject=data.get("subject"),
            mentions=tuple(data.get("mentions") or ()),
            services=tuple(data.get("services") or ()),
            raw=data,
        )


SINGLE = ("name", "postal_code", "powiat_teryt", "gmina_teryt")


@dataclass(slots=True)
class Scores:
    """Every measure over one set of documents."""

    documents: int = 0
    subject_found: Rate = field(default_factory=Rate)
    single: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in SINGLE})
    name_exact: Rate = field(default_factory=Rate)
    phone_reach: Rate = field(default_factory=Rate)
    email_reach: Rate = field(default_factory=Rate)
    phones: Counts = field(default_factory=Counts)
    fax_typed: Rate = field(default_factory=Rate)
    # the "phones with their kind and label", "personal mailboxes kept out": of the
    # subject's numbers read right, those gold types mobile / helpline and those gold labels,
    # how many the output types and labels alike; of the gold's personal mailboxes the
    # output gives the subject, how many it flags personal
    mobile_typed: Rate = field(default_factory=Rate)
    helpline_typed: Rate = field(default_factory=Rate)
    label_agreed: Rate = field(default_factory=Rate)
    personal_flagged: Rate = field(default_factory=Rate)
    mentions_article: Counts = field(default_factory=Counts)
    mentions_page: Counts = field(default_factory=Counts)
    services: Counts = field(default_factory=Counts)
    services_support_pages: Counts = field(default_factory=Counts)
    services_per_provider: Counts = field(default_factory=Counts)
    schedules_exact: Rate = field(default_factory=Rate)
    schedule_entries: Counts = field(default_factory=Counts)
    # the same with every gold entry's days compared as written (before 2026-12-07)
    schedules_exact_as_written: Rate = field(default_factory=Rate)
    schedule_entries_as_written: Counts = field(default_factory=Counts)
    ages_exact: Rate = field(default_factory=Rate)
    age_entries: Counts = field(default_factory=Counts)
    fees: Counts = field(default_factory=Counts)
    referral: Counts = field(default_factory=Counts)
    # the subject's missed and extra numbers by kind (`score_phone_errors`): aggregate counts
    # that say where a half's phone errors come from without naming a document
    phone_errors: dict[str, int] = field(default_factory=dict)
    # mentions per document kind and category, and their errors by kind
    # (`benchmarks.mention_breakdown`): aggregate counts, no document named
    mention_groups: dict[str, Counts] = field(default_factory=dict)
    mention_errors: dict[str, int] = field(default_factory=dict)
    mention_error_misses: list[str] = field(default_factory=list)
    # the hours' and ages' failures by kind (`benchmarks/condition_failures.py`), counts only
    condition_failures: dict[str, int] = field(default_factory=dict)
    negatives: int = 0
    invented: int = 0
    invented_docs: list[str] = field(default_factory=list)


def _names(entity: Mapping[str, Any]) -> set[str]:
    return {fold_key(name) for name in entity.get("names") or () if name}


def _gold_value(subject: Mapping[str, Any], name: str) -> str:
    if name == "name":
        names = subject.get("names") or []
        return str(names[0]) if names else ""
    return str(subject.get(name) or "")


def _same(name: str, predicted: str, subject: Mapping[str, Any]) -> bool:
    if name == "name":
        return fold_key(predicted) in _names(subject)
    expected = _gold_value(subject, name)
    if name == "gmina_teryt":
        return predicted[:6] == expected[:6]
    return predicted == expected


def _phone_numbers(entity: Mapping[str, Any] | None) -> dict[str, set[str]]:
    """number -> kinds, from a gold entity."""
    if not entity:
        return {}
    out: dict[str, set[str]] = {}
    for phone in entity.get("phones") or ():
        out.setdefault(str(phone["number"]), set()).update(phone.get("kinds") or ())
    return out


def _predicted_phones(row: Row | None) -> dict[str, set[str]]:
    """number -> kinds from an output row: `phone_details` ({number, kinds, label}) when
    present, then `phones` and `faxes`."""
    if row is None:
        return {}
    out: dict[str, set[str]] = {}
    for detail in row.get("phone_details") or ():
        out.setdefault(str(detail["number"]), set()).update(detail.get("kinds") or ("voice",))
    for number in row.get("phones") or ():
        out.setdefault(str(number), set())
    for number in row.get("faxes") or ():
        out.setdefault(str(number), set()).add("fax")
    return out


def _phone_labels(entity: Mapping[str, Any] | None, key: str) -> dict[str, str]:
    """number -> label in lower case ("" when none), from a gold entity (`phones`) or an
    output row (`phone_details`)."""
    out: dict[str, str] = {}
    for phone in (entity or {}).get(key) or ():
        label = " ".join(str(phone.get("label") or "").lower().split()).strip(" .:")
        if label and not out.get(str(phone["number"])):
            out[str(phone["number"])] = label
    return out


def _labels_agree(expected: str, predicted: str) -> bool:
    """A gold label and an output label agree when one is the other or starts it
    ("sekretariat" / "sekretariat szkoły")."""
    return bool(predicted) and (expected.startswith(predicted) or predicted.startswith(expected))


def _score_phone_types(
    doc_id: str,
    found: set[str],
    expected: Mapping[str, set[str]],
    predicted: Mapping[str, set[str]],
    labels: tuple[Mapping[str, str], Mapping[str, str]],
    scores: Scores,
) -> None:
    for kind, rate in (("mobile", scores.mobile_typed), ("helpline", scores.helpline_typed)):
        for number in sorted(found):
            if kind in expected[number]:
                rate.total += 1
                if kind in predicted[number]:
                    rate.hit += 1
                else:
                    rate.misses.append(f"{doc_id}: {number}")
    expected_labels, predicted_labels = labels
    for number in sorted(found & set(expected_labels)):
        scores.label_agreed.total += 1
        predicted_label = predicted_labels.get(number, "")
        if _labels_agree(expected_labels[number], predicted_label):
            scores.label_agreed.hit += 1
        else:
            scores.label_agreed.misses.append(
                f"{doc_id}: {number} {expected_labels[number]!r} -> {predicted_label!r}"
            )


def _score_personal_mailboxes(
    doc_id: str, entity: Mapping[str, Any] | None, row: Row | None, scores: Scores
) -> None:
    personal = {
        str(e["address"]).lower() for e in (entity or {}).get("emails") or () if e.get("personal")
    }
    given = {
        str(e["address"]).lower(): bool(e.get("personal"))
        for e in (row or {}).get("email_details") or ()
    }
    for address in sorted(personal & set(given)):
        scores.personal_flagged.total += 1
        if given[address]:
            scores.personal_flagged.hit += 1
        else:
            scores.personal_flagged.misses.append(f"{doc_id}: {address}")


def _office_emails(entity: Mapping[str, Any] | None) -> set[str]:
    if not entity:
        return set()
    return {str(e["address"]).lower() for e in entity.get("emails") or () if not e.get("personal")}


def _stated_codes(rows: Sequence[Row]) -> set[str]:
    codes: set[str] = set()
    for row in rows:
        stated = row.get("services_stated")
        if stated is None:
            stated = row.get("services") or ()
        for item in stated:
            codes.add(str(item["code"]) if isinstance(item, Mapping) else str(item))
    return codes


def score_document(gold: Gold, rows: Sequence[Row], scores: Scores) -> None:
    """Add one document's output (`rows`, every record `wsparcie extract` printed) to `scores`."""
    scores.documents += 1
    subjects = [row for row in rows if row.get("role") == "subject"]
    subject_row = subjects[0] if subjects else None
    if gold.kind == "none":
        scores.negatives += 1
        if subjects:
            scores.invented += len(subjects)
            scores.invented_docs.append(f"{gold.doc_id}: {subject_row and subject_row.get('name')}")
    _score_subject(gold, subject_row, scores)
    _score_mentions(gold, rows, scores)
    _score_services(gold, rows, scores)
    _score_services_per_provider(gold, rows, scores.services_per_provider)
    _score_conditions(gold, rows, scores)


def _score_subject(gold: Gold, row: Row | None, scores: Scores) -> None:
    subject = gold.subject
    if subject is not None:
        scores.subject_found.total += 1
        if row is not None:
            scores.subject_found.hit += 1
        else:
            scores.subject_found.misses.append(f"{gold.doc_id}: {_gold_value(subject, 'name')}")
    for name in SINGLE:
        predicted = str((row or {}).get(name) or "")
        expected = _gold_value(subject, name) if subject else ""
        counts = scores.single[name]
        if predicted and expected and _same(name, predicted, subject or {}):
            counts.tp += 1
            continue
        if predicted:
            counts.fp += 1
        if expected:
            counts.fn += 1
        if predicted or expected:
            counts.misses.append(f"{gold.doc_id}: {predicted!r} ≠ {expected!r}")
    if subject is not None and subject.get("names"):
        scores.name_exact.total += 1
        predicted_name = str((row or {}).get("name") or "")
        if predicted_name == subject["names"][0]:
            scores.name_exact.hit += 1
        else:
            scores.name_exact.misses.append(f"{gold.doc_id}: {predicted_name!r}")
    expected_phones = _phone_numbers(subject)
    predicted_phones = _predicted_phones(row)
    found = set(predicted_phones) & set(expected_phones)
    scores.phones.tp += len(found)
    scores.phones.fp += len(set(predicted_phones) - set(expected_phones))
    scores.phones.fn += len(set(expected_phones) - set(predicted_phones))
    if set(predicted_phones) != set(expected_phones):
        extra = sorted(set(predicted_phones) - set(expected_phones))
        missing = sorted(set(expected_phones) - set(predicted_phones))
        scores.phones.misses.append(f"{gold.doc_id}: +{extra} -{missing}")
    if expected_phones:
        scores.phone_reach.total += 1
        if found:
            scores.phone_reach.hit += 1
        else:
            scores.phone_reach.misses.append(gold.doc_id)
    for number in found:
        if "fax" in expected_phones[number]:
            scores.fax_typed.total += 1
            if "fax" in predicted_phones[number]:
                scores.fax_typed.hit += 1
            else:
                scores.fax_typed.misses.append(f"{gold.doc_id}: {number}")
    _score_phone_types(
        gold.doc_id,
        found,
        expected_phones,
        predicted_phones,
        (_phone_labels(subject, "phones"), _phone_labels(row, "phone_details")),
        scores,
    )
    _score_personal_mailboxes(gold.doc_id, subject, row, scores)
    expected_emails = _office_emails(subject)
    if expected_emails:
        scores.email_reach.total += 1
        predicted_emails = {str(e).lower() for e in (row or {}).get("emails") or ()}
        if predicted_emails & expected_emails:
            scores.email_reach.hit += 1
        else:
            scores.email_reach.misses.append(f"{gold.doc_id}: {sorted(predicted_emails)}")


def match_mentions(
    gold: Gold, rows: Sequence[Row]
) -> tuple[int, list[str], list[Mapping[str, Any]]]:
    """One document's output mentions against its gold: the number matched, the names of the
    extra output mentions, and the gold mentions missed. An output mention that is the
    subject under another form is neither."""
    subject_names = _names(gold.subject) if gold.subject else set()
    expected = [_names(mention) for mention in gold.mentions]
    matched: set[int] = set()
    extra: list[str] = []
    for row in rows:
        if row.get("role") != "mention":
            continue
        key = fold_key(str(row.get("name") or row.get("name_raw") or ""))
        hit = next(
            (i for i, names in enumerate(expected) if i not in matched and key in names), None
        )
        if hit is not None:
            matched.add(hit)
        elif key not in subject_names:
            extra.append(str(row.get("name") or row.get("name_raw") or ""))
    missed = [mention for i, mention in enumerate(gold.mentions) if i not in matched]
    return len(matched), extra, missed


def _score_mentions(gold: Gold, rows: Sequence[Row], scores: Scores) -> None:
    counts = scores.mentions_article if gold.kind == "article" else scores.mentions_page
    tp, extra, missed = match_mentions(gold, rows)
    counts.tp += tp
    counts.fp += len(extra)
    counts.fn += len(missed)
    counts.misses += [f"{gold.doc_id}: extra {name!r}" for name in extra]
    counts.misses += [
        f"{gold.doc_id}: missed {(mention.get('names') or ['?'])[0]!r}" for mention in missed
    ]


def _score_services(gold: Gold, rows: Sequence[Row], scores: Scores) -> None:
    expected = {str(item["code"]) for item in gold.services}
    predicted = _stated_codes(rows)
    counted = [scores.services]
    if re.fullmatch(r"c\d{3}", gold.doc_id):  # collected for support statements
        counted.append(scores.services_support_pages)
    for counts in counted:
        _count_sets(counts, gold.doc_id, expected, predicted)


def _count_sets(counts: Counts, doc_id: str, expected: set[Any], predicted: set[Any]) -> None:
    """One document's expected and predicted items into `counts`, a miss line if they differ."""
    counts.tp += len(expected & predicted)
    counts.fp += len(predicted - expected)
    counts.fn += len(expected - predicted)
    if expected != predicted:
        counts.misses.append(
            f"{doc_id}: +{sorted(predicted - expected)} -{sorted(expected - predicted)}"
        )


_SUBJECT = "subject"


def _provider_of(row: Row, gold: Gold) -> str:
    """Which gold institution an output row speaks for: "subject", "mention <i>" (matched by
    the `fold_key` of its name), or "unknown <name>"."""
    role = row.get("role")
    if role in ("subject", "page"):
        return _SUBJECT
    key = fold_key(str(row.get("name") or row.get("name_raw") or ""))
    if gold.subject is not None and key and key in _names(gold.subject):
        return _SUBJECT
    for index, mention in enumerate(gold.mentions):
        if key and key in _names(mention):
            return f"mention {index}"
    return f"unknown {key}"


def _gold_provider(provider: str, gold: Gold) -> str:
    """The gold's `provider` of a service ("subject" or a mention's names[0]) as a key of
    `_provider_of`."""
    if provider == _SUBJECT:
        return _SUBJECT
    key = fold_key(provider)
    for index, mention in enumerate(gold.mentions):
        if key in _names(mention):
            return f"mention {index}"
    if gold.subject is not None and key in _names(gold.subject):
        return _SUBJECT
    return f"unknown {key}"


def _score_services_per_provider(gold: Gold, rows: Sequence[Row], counts: Counts) -> None:
    """(provider, code) pairs of one document: the gold's against the rows' (see the
    module's docstring)."""
    expected = {
        (_gold_provider(str(item.get("provider") or _SUBJECT), gold), str(item["code"]))
        for item in gold.services
    }
    predicted = {(_provider_of(row, gold), code) for row in rows for code in _stated_codes([row])}
    _count_sets(counts, gold.doc_id, expected, predicted)


def _score_items(
    doc_id: str, expected: set[Any], predicted: set[Any], exact: Rate, items: Counts
) -> None:
    """A set of entries per document: exactly right (documents that state some), and items."""
    items.tp += len(expected & predicted)
    items.fp += len(predicted - expected)
    items.fn += len(expected - predicted)
    if expected != predicted:
        extra = sorted(predicted - expected, key=str)
        missing = sorted(expected - predicted, key=str)
        items.misses.append(f"{doc_id}: +{extra} -{missing}")
    if expected:
        exact.total += 1
        if expected == predicted:
            exact.hit += 1
        else:
            exact.misses.append(doc_id)


def _score_value(doc_id: str, expected: Any, predicted: Any, counts: Counts) -> None:
    if expected is not None and expected == predicted:
        counts.tp += 1
        return
    if predicted is not None:
        counts.fp += 1
    if expected is not None:
        counts.fn += 1
    if expected is not None or predicted is not None:
        counts.misses.append(f"{doc_id}: {predicted!r} ≠ {expected!r}")


def _first(rows: Sequence[Row], key: str, value: str) -> Any:
    """The first row's `key` object's `value` ("fees" -> "free"), None when no row gives one."""
    for row in rows:
        item = row.get(key)
        if isinstance(item, Mapping) and value in item:
            return item[value]
    return None


def _hour_entries(schedules: Iterable[Mapping[str, Any]]) -> set[tuple[str, str, str]]:
    """(day, opens, closes) per weekday of each schedule; ("", opens, closes) for dates."""
    return {
        (str(day), str(s["opens"]), str(s["closes"]))
        for s in schedules
        for day in (s.get("days") or [""])
    }


def dayless_matched(
    expected: set[tuple[str, str, str]], predicted: set[tuple[str, str, str]]
) -> set[tuple[str, str, str]]:
    """`predicted` with each entry the gold lacks, whose times are those of a gold entry
    without days, read as that entry: days the gold does not state are not the output's error."""
    dayless = {(opens, closes) for day, opens, closes in expected if not day}
    matched = set()
    for entry in predicted:
        _day, opens, closes = entry
        if entry not in expected and (opens, closes) in dayless:
            entry = ("", opens, closes)
        matched.add(entry)
    return matched


def _score_conditions(gold: Gold, rows: Sequence[Row], scores: Scores) -> None:
    """Schedules, ages, fees and referral: what the page states about access."""
    expected_hours = _hour_entries(gold.raw.get("opening_hours") or ())
    predicted_hours = _hour_entries(s for row in rows for s in row.get("schedules") or ())
    _score_items(
        gold.doc_id,
        expected_hours,
        dayless_matched(expected_hours, predicted_hours),
        scores.schedules_exact,
        scores.schedule_entries,
    )
    _score_items(
        gold.doc_id,
        expected_hours,
        predicted_hours,
        scores.schedules_exact_as_written,
        scores.schedule_entries_as_written,
    )
    expected_ages = {(a.get("min"), a.get("max")) for a in gold.raw.get("ages") or ()}
    predicted_ages = {(a.get("min"), a.get("max")) for row in rows for a in row.get("ages") or ()}
    _score_items(gold.doc_id, expected_ages, predicted_ages, scores.ages_exact, scores.age_entries)
    fees = gold.raw.get("fees")
    referral = gold.raw.get("referral")
    _score_value(
        gold.doc_id,
        fees.get("free") if isinstance(fees, Mapping) else None,
        _first(rows, "fees", "free"),
        scores.fees,
    )
    _score_value(
        gold.doc_id,
        referral.get("required") if isinstance(referral, Mapping) else None,
        _first(rows, "referral", "required"),
        scores.referral,
    )


PHONE_ERROR_KINDS = (
    "missed: subject not found",
    "missed: another name chosen as the subject",
    "missed: not read from the text at all",
    "missed: read, not given to the subject",
    "extra: the gold has no subject",
    "extra: another name chosen as the subject",
    "extra: a mentioned body's number",
    "extra: no annotated body's number",
    # the mentioned bodies' numbers, by where the page names the body (each number once)
    "  of which a toll-free or shared-cost line (800, 801, 116)",
    "  of which the body named on the number's line, before it",
    "  of which the body named on the number's line, after it",
    "  of which the body named in the three lines above",
    "  of which the body named farther away, or not by its name",
    "  of which on an article",
)
_NATIONAL_PREFIX = re.compile(r"^(?:\+48)?(?:800|801|116)")


def _names_on_line(mention: Mapping[str, Any], line: str) -> bool:
    """Whether a page line names a mentioned body, however inflected: an acronym form, or
    two thirds of its name's longer words by their first five letters."""
    folded = fold_key(line)
    if any(form and fold_key(form) in folded for form in mention.get("acronym_forms") or ()):
        return True
    stems = {word[:5] for word in folded.split()}
    for name in mention.get("names") or ():
        words = [word[:5] for word in fold_key(name).split() if len(word) >= 4]
        if words and sum(word in stems for word in words) * 3 >= len(words) * 2:
            return True
    return False


def _named_before(mentions: Sequence[Mapping[str, Any]], line: str, number_at: int) -> bool:
    """Whether the words of `line` before position `number_at` name one of `mentions`."""
    return any(_names_on_line(m, line[:number_at]) for m in mentions)


def _mention_kind(number: str, gold: Gold, text: str) -> str:
    """Where the page names the body whose number an extra one is (`PHONE_ERROR_KINDS`)."""
    from extractors.contacts import find_phone_entries
    from transforms.contacts import normalise_phones

    if _NATIONAL_PREFIX.match(number):
        return PHONE_ERROR_KINDS[8]
    owners = [m for m in gold.mentions if number in _phone_numbers(m)]
    lines = [line for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        entries = find_phone_entries(line)
        if not any(number in normalise_phones(entry.number) for entry in entries):
            continue
        if any(_names_on_line(m, line) for m in owners):
            at = min((line.find(e.number) for e in entries if e.number in line), default=0)
            return PHONE_ERROR_KINDS[9 if _named_before(owners, line, at) else 10]
        above = lines[max(0, index - 3) : index]
        if any(_names_on_line(m, earlier) for m in owners for earlier in above):
            return PHONE_ERROR_KINDS[11]
    return PHONE_ERROR_KINDS[12]


def score_phone_errors(gold: Gold, rows: Sequence[Row], text: str, scores: Scores) -> None:
    """Count the subject's missed and extra numbers by kind: whether the subject was found
    under a gold name, whether the phone finder reads the number anywhere in the text
    (`find_phone_entries` over the whole document), whether an extra number is a mentioned
    body's, and where the page names that body. Aggregate only: the kinds, never the
    documents."""
    from extractors.contacts import find_phone_entries
    from transforms.contacts import normalise_phones

    subjects = [row for row in rows if row.get("role") == "subject"]
    row = subjects[0] if subjects else None
    expected = set(_phone_numbers(gold.subject))
    predicted = set(_predicted_phones(row))
    right_name = (
        row is not None
        and gold.subject is not None
        and fold_key(str(row.get("name") or "")) in _names(gold.subject)
    )
    read = {n for entry in find_phone_entries(text) for n in normalise_phones(entry.number)}
    mentioned = {n for mention in gold.mentions for n in _phone_numbers(mention)}
    errors = scores.phone_errors
    for number in expected - predicted:
        if row is None:
            kind = PHONE_ERROR_KINDS[0]
        elif not right_name:
            kind = PHONE_ERROR_KINDS[1]
        elif number not in read:
            kind = PHONE_ERROR_KINDS[2]
        else:
            kind = PHONE_ERROR_KINDS[3]
        errors[kind] = errors.get(kind, 0) + 1
    for number in predicted - expected:
        if gold.subject is None:
            kind = PHONE_ERROR_KINDS[4]
        elif not right_name:
            kind = PHONE_ERROR_KINDS[5]
        elif number in mentioned:
            kind = PHONE_ERROR_KINDS[6]
            where = _mention_kind(number, gold, text)
            errors[where] = errors.get(where, 0) + 1
            if gold.kind == "article":
                errors[PHONE_ERROR_KINDS[13]] = errors.get(PHONE_ERROR_KINDS[13], 0) + 1
        else:
            kind = PHONE_ERROR_KINDS[7]
        errors[kind] = errors.get(kind, 0) + 1


def phone_error_table(columns: Mapping[str, Scores]) -> list[str]:
    """Markdown rows: the subject's phone errors by kind, one set of documents per column."""
    names = [name for name, scores in columns.items() if scores.phone_errors]
    lines = [
        "| the subject's phone errors, by kind | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---" for _ in names) + " |",
    ]
    for kind in PHONE_ERROR_KINDS:
        cells = (str(columns[name].phone_errors.get(kind, 0)) for name in names)
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return lines


def read_gold(folder: Path) -> list[Gold]:
    return [Gold.read(path) for path in sorted(folder.glob("*.json"))]


def plain_page(text: str) -> str:
    """A stored page text served as the simplest page: its first line the title, one paragraph
    per further line (how the web corpus is read, like a small institution's plain site)."""
    from html import escape

    lines = [line.strip() for line in text.splitlines()]
    title = next((line for line in lines if line), "")
    body = "\n".join(f"<p>{escape(line)}</p>" for line in lines if line)
    return (
        '<!DOCTYPE html>\n<html lang="pl"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n<body>\n{body}\n</body></html>\n"
    )


def table(columns: Mapping[str, Scores], aims: Mapping[str, str]) -> list[str]:
    """Markdown rows: one measure per row, one set of documents per column."""
    names = list(columns)
    lines = [
        "| measure | " + " | ".join(names) + " | aim |",
        "| --- | " + " | ".join("---" for _ in names) + " | --- |",
    ]

    def add(label: str, cells: Iterable[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {aims.get(label, '')} |")

    def rate(r: Rate) -> str:
        return f"{r.share:.1%} ({r.hit}/{r.total})" if r.total else "–"

    def pr(c: Counts) -> str:
        return f"P {c.precision:.1%} / R {c.recall:.1%}" if c.tp + c.fp + c.fn else "–"

    def prf(c: Counts) -> str:
        return f"{pr(c)} / F1 {c.f1:.1%}" if c.tp + c.fp + c.fn else "–"

    s = list(columns.values())
    add("documents", (str(x.documents) for x in s))
    add("subject found", (rate(x.subject_found) for x in s))
    add("subject name", (pr(x.single["name"]) for x in s))
    add("subject name, exact with Polish letters", (rate(x.name_exact) for x in s))
    add("postal code", (pr(x.single["postal_code"]) for x in s))
    add("powiat", (pr(x.single["powiat_teryt"]) for x in s))
    add("gmina", (pr(x.single["gmina_teryt"]) for x in s))
    add("reachable by a correct phone", (rate(x.phone_reach) for x in s))
    add("reachable by a correct e-mail", (rate(x.email_reach) for x in s))
    add("phones (every number of the subject)", (pr(x.phones) for x in s))
    add("fax numbers typed as fax", (rate(x.fax_typed) for x in s))
    add("mobile numbers typed as mobile", (rate(x.mobile_typed) for x in s))
    add("helplines typed as helpline", (rate(x.helpline_typed) for x in s))
    add("phone labels as the gold's", (rate(x.label_agreed) for x in s))
    add("personal mailboxes flagged personal", (rate(x.personal_flagged) for x in s))
    add(
        "mentions in articles",
        (prf(x.mentions_article) for x in s),
    )
    add(
        "mentions on institution pages",
        (prf(x.mentions_page) for x in s),
    )
    add("stated forms of support", (pr(x.services) for x in s))
    add(
        "stated forms of support, support pages (c…)",
        (pr(x.services_support_pages) for x in s),
    )
    add(
        "stated forms of support, per institution (provider by role and name)",
        (pr(x.services_per_provider) for x in s),
    )
    add("schedules parsed exactly (pages stating hours)", (rate(x.schedules_exact) for x in s))
    add("schedule entries", (pr(x.schedule_entries) for x in s))
    add(
        "schedules parsed exactly, days as written",
        (rate(x.schedules_exact_as_written) for x in s),
    )
    add("schedule entries, days as written", (pr(x.schedule_entries_as_written) for x in s))
    add("ages exactly (pages stating ages)", (rate(x.ages_exact) for x in s))
    add("age ranges", (pr(x.age_entries) for x in s))
    add("fees (free or paid)", (pr(x.fees) for x in s))
    add("referral (needed or not)", (pr(x.referral) for x in s))
    add("institutions from pages about none", (f"{x.invented} of {x.negatives}" for x in s))
    return lines
