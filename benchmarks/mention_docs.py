"""Fresh whole documents: how many of the institutions they name the extractor gives as mentions.

    .venv/bin/python benchmarks/mention_docs.py [-v] [--shared ../shared]

Each document of `benchmarks/mention_docs/` (see its README) is read as the web corpus is read
by `benchmarks/extraction.py`: the stored text served as a plain page under its own URL and
extracted as `wsparcie extract` does, with the national gazetteer. Its mention rows are
matched against the blind gold as the corpus's are (`match_mentions`: a row matches a gold
mention when its name's `fold_key` is one of the mention's names; a row naming the page's own
body is neither right nor wrong), and rows naming an `optional` body are left out too.

Counted per kind of document (article, institution page): gold names, read, and each missed
name by how (the first that applies):

- taken as the subject: the page's subject row bears its name or a part of it (whose page it is is another
  module's choice: `extractors/html_pages/owner_*`);
- cut short: an unmatched row is a part of its name (one key inside the other);
- inflected: an unmatched row has as many words, each beginning with the same three letters;
- another span: an unmatched row shares its first two words;
- not read: nothing near it;

and each extra row by whether it is near a missed name (another span of it) or invented (a
body the gold does not list). Each gold name also carries `tags`, how the text writes it
(`inflected`, `line_break`, `list`, `quotes`, `acronym`, `function` …); the counts by tag say
which ways of writing a name are read. The mention rows still led by an acronym (the normalise
stage did not write them out: an acronym with several readings, a town the gazetteer does not
know) are counted. A tuning set: the rules of round 15 were made from
these documents, so they measure what was learned, not what generalises.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.extraction import extract_saved_text, national_gazetteer  # noqa: E402
from transforms.acronym_expansion import leading_acronym  # noqa: E402
from transforms.places import Gazetteer  # noqa: E402
from transforms.text import fold_key  # noqa: E402

FOLDER = REPO / "benchmarks" / "mention_docs"
MISSED_KINDS = ("taken as the subject", "cut short", "inflected", "another span", "not read")


@dataclass(slots=True)
class Tally:
    """Counts over one set of documents."""

    gold: int = 0
    read: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    extra_near: int = 0
    invented: int = 0
    tags_gold: Counter[str] = field(default_factory=Counter)
    tags_read: Counter[str] = field(default_factory=Counter)
    as_written: int = 0  # mention rows still led by an acronym: not written out, and why

    def f1(self) -> tuple[float, float, float]:
        found = self.read + self.extra_near + self.invented
        precision = self.read / found if found else 0.0
        recall = self.read / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return 100 * precision, 100 * recall, 100 * f1


def _keys(entity: dict[str, Any] | None) -> set[str]:
    if not entity:
        return set()
    return {fold_key(name) for name in entity.get("names") or () if name}


def missed_kind(
    gold_keys: set[str], unmatched: list[str], subject_key: str = ""
) -> tuple[str, str | None]:
    """How a missed gold name was read, and the row that is near it (if any)."""
    if subject_key and any(subject_key in gold or gold in subject_key for gold in gold_keys):
        return MISSED_KINDS[0], None
    for key in unmatched:
        if any(key in gold or gold in key for gold in gold_keys):
            return MISSED_KINDS[1], key
    for key in unmatched:
        words = key.split()
        for gold in gold_keys:
            other = gold.split()
            if len(words) == len(other) and all(
                a[:3] == b[:3] for a, b in zip(words, other, strict=True)
            ):
                return MISSED_KINDS[2], key
    for key in unmatched:
        if any(key.split()[:2] == gold.split()[:2] for gold in gold_keys):
            return MISSED_KINDS[3], key
    return MISSED_KINDS[4], None


def score_document(
    gold: dict[str, Any], rows: list[dict[str, Any]], tally: Tally, lines: list[str]
) -> None:
    """Add one document's mention rows against its gold to `tally`; its errors to `lines`."""
    subject = _keys(gold.get("subject"))
    optional = {fold_key(name) for name in gold.get("optional") or ()}
    mentions = [_keys(mention) for mention in gold["mentions"]]
    output = [
        str(row.get("name") or row.get("name_raw") or "")
        for row in rows
        if row.get("role") == "mention"
    ]
    tally.as_written += sum(leading_acronym(name) is not None for name in output)
    subjects = [row for row in rows if row.get("role") == "subject"]
    subject_key = fold_key(str(subjects[0].get("name") or "")) if subjects else ""
    matched: set[int] = set()
    unmatched: list[str] = []
    for name in output:
        key = fold_key(name)
        hit = next((i for i, keys in enumerate(mentions) if i not in matched and key in keys), None)
        if hit is not None:
            matched.add(hit)
        elif key not in subject and key not in optional:
            unmatched.append(key)
    near_rows: set[str] = set()
    for i, mention in enumerate(gold["mentions"]):
        tags = mention.get("tags") or []
        tally.gold += 1
        tally.tags_gold.update(tags)
        if i in matched:
            tally.read += 1
            tally.tags_read.update(tags)
            continue
        kind, near = missed_kind(mentions[i], unmatched, subject_key)
        tally.missed[kind] += 1
        if near:
            near_rows.add(near)
        lines.append(f"  missed, {kind}: {mention['names'][0]!r} (read {near!r}) {tags}")
    for key in unmatched:
        if key in near_rows:
            tally.extra_near += 1
        else:
            tally.invented += 1
            lines.append(f"  invented: {key!r}")


def run(gazetteer: Gazetteer, *, verbose: bool = False, prefix: str = "") -> dict[str, Tally]:
    with (FOLDER / "index.csv").open(encoding="utf-8", newline="") as handle:
        index = {row["id"]: row for row in csv.DictReader(handle)}
    gold_lines = (FOLDER / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    golds = [
        gold
        for gold in (json.loads(line) for line in gold_lines if line.strip())
        if gold["id"].startswith(prefix)
    ]
    tallies: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory(prefix="wsparcie-mention-docs-") as tmp:
        for gold in golds:
            doc_id = gold["id"]
            text = (FOLDER / "documents" / f"{doc_id}.txt").read_text(encoding="utf-8")
            rows = extract_saved_text(Path(tmp), doc_id, text, index[doc_id]["url"], gazetteer)
            lines: list[str] = []
            score_document(gold, rows, tallies.setdefault(gold["kind"], Tally()), lines)
            if verbose and lines:
                print(f"{doc_id} {index[doc_id]['url']}")
                print("\n".join(lines))
    return tallies


def report(tallies: dict[str, Tally]) -> list[str]:
    out = [
        "| kind | gold | read | "
        + " | ".join(MISSED_KINDS)
        + " | extra near | invented | P / R / F1 |",
        "| --- " * (6 + len(MISSED_KINDS)) + "|",
    ]
    for kind, t in sorted(tallies.items()):
        p, r, f = t.f1()
        missed = " | ".join(str(t.missed[k]) for k in MISSED_KINDS)
        out.append(
            f"| {kind} | {t.gold} | {t.read} | {missed} | {t.extra_near} | {t.invented} "
            f"| {p:.1f} / {r:.1f} / {f:.1f} |"
        )
    tags_gold: Counter[str] = Counter()
    tags_read: Counter[str] = Counter()
    for t in tallies.values():
        tags_gold.update(t.tags_gold)
        tags_read.update(t.tags_read)
    out.append("")
    out.append(
        "mention rows left led by an acronym (not written out): "
        + ", ".join(f"{kind} {t.as_written}" for kind, t in sorted(tallies.items()))
    )
    out.append(
        "read by how the name is written: "
        + ", ".join(f"{tag} {tags_read[tag]}/{n}" for tag, n in tags_gold.most_common())
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print each document's errors")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument(
        "--prefix", default="", help="only the documents whose id starts so (one round's: e)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    tallies = run(national_gazetteer(args.shared), verbose=args.verbose, prefix=args.prefix)
    print("\n".join(report(tallies)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
