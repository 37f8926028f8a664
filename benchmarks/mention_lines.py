"""Fresh lines naming institutions: how many the mention records read, by line.

    .venv/bin/python benchmarks/mention_lines.py [benchmarks/mention_lines/round14.jsonl] [-v]

Each line of the JSONL file is one line of a public page on a host the web corpus does not
hold (`url`), as the page writes it (`text`), with the institutions it names written down
blind, before the finder was run (`gold`: nominative names; "a|b" when either form is
right), and `optional`: names an annotator may or may not list (an organ, a kind alone, a
unit), neither right nor wrong. The line is read as an article's text
(`extractors.mention_records.mention_records`) and each record normalised as `wsparcie
extract` normalises it; names compare by `fold_key`.

Counted: read (a gold name matched), missed (by how: nothing near it was read, a record near
it — one key inside the other, or the same first two words — was read with another span),
and extra (a record neither gold nor optional). A tuning set: the rules of round 14 were
made from these lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extractors.mention_records import mention_records  # noqa: E402
from flows.inspect import raw_row  # noqa: E402
from transforms.normalise import normalise_record  # noqa: E402
from transforms.text import fold_key  # noqa: E402

DEFAULT = REPO / "benchmarks" / "mention_lines" / "round14.jsonl"


def read_names(text: str) -> list[str]:
    """The mention names `wsparcie extract` gives for `text` read as an article."""
    names: list[str] = []
    for parsed in mention_records(text, article=True):
        try:
            record = normalise_record(
                raw_row(parsed, None, datetime(2026, 1, 1, tzinfo=UTC), "https://x.invalid/"),
                None,
            )
        except ValueError:
            continue
        names.append(record.name)
    return names


def _near(a: str, b: str) -> bool:
    if a in b or b in a:
        return True
    return a.split()[:2] == b.split()[:2]


def score(path: Path, *, verbose: bool = False) -> dict[str, int]:
    counts = {
        "gold": 0,
        "read": 0,
        "missed, another span": 0,
        "missed, nothing near": 0,
        "extra": 0,
    }
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        item = json.loads(raw)
        names = read_names(item["text"])
        keys = [fold_key(n) for n in names]
        used: set[int] = set()
        lines: list[str] = []
        for gold in item["gold"]:
            forms = {fold_key(form) for form in gold.split("|")}
            counts["gold"] += 1
            hit = next((i for i, k in enumerate(keys) if i not in used and k in forms), None)
            if hit is not None:
                used.add(hit)
                counts["read"] += 1
                continue
            near = [names[i] for i, k in enumerate(keys) if any(_near(k, f) for f in forms)]
            kind = "missed, another span" if near else "missed, nothing near"
            counts[kind] += 1
            lines.append(f"  {kind}: {gold.split('|')[0]!r} (read {near})")
        optional = {fold_key(form) for name in item["optional"] for form in name.split("|")}
        golds = {fold_key(form) for name in item["gold"] for form in name.split("|")}
        for i, key in enumerate(keys):
            if i not in used and key not in optional and key not in golds:
                counts["extra"] += 1
                lines.append(f"  extra: {names[i]!r}")
        if verbose and lines:
            print(item["url"])
            print("  " + item["text"][:200])
            print("\n".join(lines))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each line's errors")
    args = parser.parse_args(argv)
    counts = score(args.path, verbose=args.verbose)
    gold, read, extra = counts["gold"], counts["read"], counts["extra"]
    precision = read / (read + extra) if read + extra else 0.0
    recall = read / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    print(f"P {100 * precision:.1f} / R {100 * recall:.1f} / F1 {100 * f1:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
