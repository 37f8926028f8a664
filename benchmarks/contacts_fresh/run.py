"""Whose number, whose mailbox: the fresh contact pages of round 15 (issue #12).

Each saved page text is read the way the web corpus is read (`extraction.py`: the text served
as a plain page under its own URL; with `--as-text`, the text file itself), and every number
and mailbox of `gold.csv` (written blind, before the extractor read the page) is looked up in
the rows the extractor gives:

- a number or mailbox of the page's own institution ("subject") is *read* when the subject
  row holds it, *given to another body* when only a mention row holds it, *missed* otherwise;
- a number or mailbox of another body is *given to the subject* when the subject row holds it
  (the error this set is about), *kept apart* otherwise.

Numbers are compared on their last nine digits without an extension; mailboxes case-blind.
The subject row's numbers that no gold row names are counted as *unannotated* (a misread
account number, a date, a number the annotator left out). Counts are printed by the kind of
line the gold gives (`line`: the body named before the number on its line, a heading above, a
list of units, a person's line, an extension, a helpline in the text, …). A tuning set, not a
measure: rules were made from these pages.

    .venv/bin/python benchmarks/contacts_fresh/run.py [--as-text] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.extraction import extract_saved_text, national_gazetteer  # noqa: E402
from extractors.html_pages.owner_lines import number_key, owner_contacts  # noqa: E402
from extractors.html_pages.page_owner import PageOwner  # noqa: E402
from extractors.html_pages.page_text import page_text_of_plain  # noqa: E402
from extractors.mentions import find_mentions  # noqa: E402
from transforms.contacts import normalise_email  # noqa: E402
from transforms.names import name_key  # noqa: E402
from transforms.text import fold_key  # noqa: E402


def mailbox_key(address: str) -> str:
    """A mailbox as a record keeps it (`normalise_email`: lower case, de-obfuscated)."""
    return normalise_email(address) or address.strip().lower()


@dataclass(frozen=True, slots=True)
class GoldValue:
    doc_id: str
    value: str
    type: str  # voice, fax, mobile, helpline, email, postal (the subject's postal code)
    owner: str  # "subject" or another body's name
    line: str  # the kind of line the value stands on

    @property
    def is_email(self) -> bool:
        return self.type == "email"

    @property
    def is_postal(self) -> bool:
        return self.type == "postal"

    @property
    def what(self) -> str:
        return "emails" if self.is_email else "postal codes" if self.is_postal else "numbers"

    @property
    def key(self) -> str:
        if self.is_postal:
            return self.value.strip()
        return mailbox_key(self.value) if self.is_email else number_key(self.value)


@dataclass(slots=True)
class Found:
    """What the extractor gave one page: the subject row's numbers (with kinds) and
    mailboxes, and every other row's."""

    subject: bool = False
    name: str = ""
    subject_numbers: dict[str, set[str]] = field(default_factory=dict)
    subject_labels: dict[str, str] = field(default_factory=dict)  # number key -> its label
    subject_emails: set[str] = field(default_factory=set)
    subject_postal: str = ""
    other_numbers: set[str] = field(default_factory=set)
    other_emails: set[str] = field(default_factory=set)


def _row_numbers(row: Mapping[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for detail in row.get("phone_details") or ():
        out.setdefault(number_key(str(detail["number"])), set()).update(
            detail.get("kinds") or ("voice",)
        )
    for number in row.get("phones") or ():
        out.setdefault(number_key(str(number)), set())
    for number in row.get("faxes") or ():
        out.setdefault(number_key(str(number)), set()).add("fax")
    return out


def found_in(rows: Iterable[Mapping[str, Any]]) -> Found:
    found = Found()
    for row in rows:
        emails = {mailbox_key(str(e)) for e in row.get("emails") or ()}
        if row.get("role") == "subject" and not found.subject:
            found.subject = True
            found.name = str(row.get("name") or "")
            found.subject_numbers = _row_numbers(row)
            found.subject_labels = {
                number_key(str(d["number"])): str(d.get("label") or "")
                for d in row.get("phone_details") or ()
            }
            found.subject_emails = emails
            found.subject_postal = str(row.get("postal_code") or "")
            continue
        found.other_numbers |= set(_row_numbers(row))
        found.other_emails |= emails
    return found


def oracle_found(text: str, url: str, judged: str) -> Found:
    """What the owner-lines path gives the page's owner when the owner is the judged one
    (`--oracle`): the numbers and mailboxes of its own lines, whatever the owner finder would
    have chosen. The owner's lines are those writing its name (folded) or naming it."""
    page = page_text_of_plain(text, url)
    folded, key = fold_key(judged), name_key(judged)
    lines = tuple(
        index
        for index, line in enumerate(page.lines)
        if folded in fold_key(line)
        or any(name_key(m.nominative) == key for m in find_mentions(line))
    )
    owner = PageOwner(name=judged, score=0, evidence=("judged",), lines=lines)
    contacts = owner_contacts(page, owner)
    return Found(
        subject=True,
        name=judged,
        subject_numbers=_row_numbers({"phones": [_raw_number(p) for p in contacts.phones]}),
        subject_emails={mailbox_key(e) for e in contacts.emails},
        subject_postal=contacts.postal_code or "",
    )


def _raw_number(entry: str) -> str:
    """The number of a "label number" entry (its last run of digits and separators)."""
    match = re.search(r"\(?\+?\d[\d\s()./-]*\d(?:\s*(?:wewn?\.?|w\.)\s*\d+)?\s*$", entry)
    return match.group(0) if match else entry


def verdict(gold: GoldValue, found: Found) -> str:
    """read / missed / given to another body (the subject's values); given to the subject /
    kept apart (another body's values); a postal code is the subject's and read only when
    the subject row gives it."""
    if gold.is_postal:
        if gold.key == found.subject_postal:
            return "read"
        if found.subject_postal:
            return "another code given"
        return "missed" if found.subject else "missed, no subject row"
    mine = found.subject_emails if gold.is_email else set(found.subject_numbers)
    others = found.other_emails if gold.is_email else found.other_numbers
    if gold.owner == "subject":
        if gold.key in mine:
            return "read"
        if gold.key in others:
            return "given to another body"
        return "missed" if found.subject else "missed, no subject row"
    return "given to the subject" if gold.key in mine else "kept apart"


def read_labels() -> dict[tuple[str, str], str]:
    """(page id, number key) -> the label `labels.csv` gives the subject's number ("" for
    none): annotated from round 20 on (ids t…), blind, as `benchmarks/web_corpus/ANNOTATION.md`
    asks ("sekretariat", "dyrektor", "dział świadczeń rodzinnych")."""
    path = HERE / "labels.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["id"], number_key(row["value"])): row["label"].strip().lower()
            for row in csv.DictReader(handle)
        }


def labels_agree(expected: str, predicted: str) -> bool:
    """As `benchmarks/extraction.py` scores labels: one is the other or starts it."""
    predicted = predicted.strip().lower()
    return bool(predicted) and (expected.startswith(predicted) or predicted.startswith(expected))


def read_gold() -> dict[str, list[GoldValue]]:
    gold: dict[str, list[GoldValue]] = defaultdict(list)
    with (HERE / "gold.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gold[row["id"]].append(
                GoldValue(row["id"], row["value"], row["type"], row["owner"], row["line"])
            )
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--as-text", action="store_true", help="read each text file itself")
    parser.add_argument("--verbose", action="store_true", help="every value's verdict")
    parser.add_argument("--ids", default="", help="only the pages whose id starts so (n, r)")
    parser.add_argument(
        "--oracle",
        action="store_true",
        help="give the owner-lines path the judged subject (pages judged to have one) instead"
        " of the owner finder's choice: whose numbers, once the subject is known",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    shared = args.shared if args.shared.exists() else Path("/work/shared")
    gazetteer = national_gazetteer(shared)
    with (HERE / "index.csv").open(encoding="utf-8", newline="") as handle:
        index = [row for row in csv.DictReader(handle) if row["id"].startswith(args.ids)]
    gold = read_gold()
    gold_labels = read_labels()
    label_counts: Counter[str] = Counter()
    totals: Counter[tuple[str, str]] = Counter()  # (numbers|emails, verdict)
    by_line: Counter[tuple[str, str, str]] = Counter()  # (subject|other, line, verdict)
    fax_typed: Counter[str] = Counter()
    unannotated = 0
    subjects: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="wsparcie-contacts-") as tmp:
        for row in index:
            text = (HERE / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8")
            judged = row["subject"].lstrip("?")
            if args.oracle:
                if not judged:
                    continue
                found = oracle_found(text, row["url"], judged)
            else:
                rows = extract_saved_text(
                    Path(tmp), row["id"], text, row["url"], gazetteer, as_text=args.as_text
                )
                found = found_in(rows)
            subjects["found" if found.subject else "none"] += 1
            values = gold.get(row["id"], [])
            if args.verbose:
                print(f"{row['id']} subject {found.name!r} | judged {row['subject']!r}")
            for value in values:
                kind = verdict(value, found)
                totals[(value.what, kind)] += 1
                side = "subject" if value.owner == "subject" else "other"
                by_line[(side, value.line, kind)] += 1
                if value.type == "fax" and kind == "read":
                    typed = "fax" in found.subject_numbers.get(value.key, set())
                    fax_typed["typed fax" if typed else "not typed fax"] += 1
                if args.verbose and kind not in ("read", "kept apart"):
                    print(f"{row['id']} {kind:22} {value.type:8} {value.line:20} {value.value}")
            for (page_id, key), expected in gold_labels.items():
                if page_id != row["id"] or key not in found.subject_numbers:
                    continue
                predicted = found.subject_labels.get(key, "")
                if expected:
                    kind = "agree" if labels_agree(expected, predicted) else "disagree"
                else:
                    kind = "given where none" if predicted else "none, none"
                label_counts[kind] += 1
                if args.verbose and kind in ("disagree", "given where none"):
                    print(f"{row['id']} label {kind}: {expected!r} -> {predicted!r}")
            named = {v.key for v in values if v.what == "numbers"}
            extra = [k for k in found.subject_numbers if k not in named]
            unannotated += len(extra)
            if args.verbose and extra:
                print(f"{row['id']} unannotated subject numbers: {extra}")
    print(
        f"\n{sum(subjects.values())} pages; subject row given on {subjects['found']}, none on "
        f"{subjects['none']}"
    )
    for what in ("numbers", "emails"):
        mine = [k for k in ("read", "missed", "missed, no subject row", "given to another body")]
        theirs = [k for k in ("given to the subject", "kept apart")]
        print(
            f"{what}: the subject's "
            + ", ".join(f"{k} {totals[(what, k)]}" for k in mine)
            + "; other bodies' "
            + ", ".join(f"{k} {totals[(what, k)]}" for k in theirs)
        )
    postal = ("read", "another code given", "missed", "missed, no subject row")
    print(
        "postal codes: the subject's "
        + ", ".join(f"{k} {totals[('postal codes', k)]}" for k in postal)
    )
    print(f"faxes read: {dict(fax_typed)}; unannotated numbers on the subject row: {unannotated}")
    print(
        "labels of the subject's numbers read (labels.csv, round 20 on): "
        + ", ".join(f"{k} {label_counts[k]}" for k in ("agree", "disagree", "given where none"))
    )
    print("\nby kind of line (values of numbers and mailboxes together):")
    for side in ("subject", "other"):
        lines = sorted({line for s, line, _ in by_line if s == side})
        for line in lines:
            counts = {k: n for (s, ln, k), n in by_line.items() if s == side and ln == line}
            print(
                f"  {side:7} {line:22} " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
