"""The page's own institution on the fresh tuning pages of round 14 (issue #12).

Each saved page text is read the way the web corpus is read (`extraction.py`: the text served
as a plain page under its own URL; with `--as-text`, the text file itself) and its subject row
is compared with the one-line judgement written blind, before the extractor ever read the page
(`index.csv`: `judgement` is the name a careful reader gives the page's own institution, empty
when the text never says whose page it is; a leading "?" marks a judgement its writer doubts,
counted apart). A tuning set, not a measure: rules were made from these pages.

    .venv/bin/python benchmarks/owner_fresh/run.py [--as-text] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.extraction import extract_saved_text, national_gazetteer  # noqa: E402
from transforms.text import fold_key  # noqa: E402


def verdict(judgement: str, predicted: str) -> str:
    """right / wrong / missed / invented / abstained, against the blind judgement."""
    expected = judgement.lstrip("?")
    if not expected:
        return "invented" if predicted else "abstained"
    if not predicted:
        return "missed"
    names = {fold_key(name) for name in expected.split("|")}
    return "right" if fold_key(predicted) in names else "wrong"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--as-text", action="store_true", help="read each text file itself")
    parser.add_argument("--quiet", action="store_true", help="the counts only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    gazetteer = national_gazetteer(args.shared)
    with (HERE / "index.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counts: Counter[str] = Counter()
    doubtful: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="wsparcie-fresh-") as tmp:
        for row in rows:
            text = (HERE / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8")
            found = extract_saved_text(
                Path(tmp), row["id"], text, row["url"], gazetteer, as_text=args.as_text
            )
            subjects = [r for r in found if r.get("role") == "subject"]
            predicted = str(subjects[0].get("name") or "") if subjects else ""
            kind = verdict(row["judgement"], predicted)
            (doubtful if row["judgement"].startswith("?") else counts)[kind] += 1
            if not args.quiet:
                mark = "?" if row["judgement"].startswith("?") else " "
                print(f"{row['id']} {mark}{kind:9} {predicted!r} | {row['judgement']!r}")
    with_subject = sum(counts[k] for k in ("right", "wrong", "missed"))
    without = counts["invented"] + counts["abstained"]
    print(
        f"\n{len(rows)} pages; with a subject {with_subject}: right {counts['right']}, "
        f"wrong {counts['wrong']}, missed {counts['missed']}; without one {without}: "
        f"invented {counts['invented']}; doubtful judgements {sum(doubtful.values())}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(doubtful.items()))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
