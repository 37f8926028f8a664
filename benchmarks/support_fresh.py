"""Stated forms of support on the fresh offer pages of `benchmarks/support_fresh/` (a tuning set).

    .venv/bin/python benchmarks/support_fresh.py [--pairs] [--ids f076:f141]

Each page is read whole by the statement reader, as the extraction benchmark's "reader" column
reads a page (`flows.inspect.page_row`: the page text of a plain page, then `read_support`);
every page is read, those about no institution too, since a crawl reads them all. The (page,
code) pairs read are counted against `gold.csv`'s, pooled over providers as the extraction
benchmark counts stated forms. `--ids FIRST:LAST` keeps the pages whose ids lie in that range
(support13's part is f001:f075, support14's f076:f141). `--pairs` lists each false pair with the sentence it was read
from and each missed pair, for reading by kind; the set is for tuning, so its pairs may be read.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.extraction_scoring import plain_page  # noqa: E402
from extractors.page_text import page_text  # noqa: E402
from extractors.records import Document  # noqa: E402
from transforms.support_statements import StatedCode, read_support  # noqa: E402

FRESH = REPO / "benchmarks" / "support_fresh"


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page's gold codes and the codes read, each read code with its sentence."""

    page: str
    url: str
    gold: frozenset[str]
    read: tuple[StatedCode, ...]


def in_range(page: str, ids: str | None) -> bool:
    """Whether a page id lies in an inclusive "first:last" range (every id when none is given)."""
    if not ids:
        return True
    first, last = ids.split(":")
    return first <= page <= last


def read_pages(folder: Path = FRESH, ids: str | None = None) -> list[PageResult]:
    gold: dict[str, set[str]] = defaultdict(set)
    with (folder / "gold.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gold[row["id"]].add(row["code"])
    results = []
    with (folder / "index.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not in_range(row["id"], ids):
                continue
            text = (folder / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8")
            document = Document.from_bytes(
                row["url"],
                plain_page(text).encode("utf-8"),
                content_type="text/html",
                charset="utf-8",
            )
            support = read_support(page_text(document))
            results.append(
                PageResult(row["id"], row["url"], frozenset(gold[row["id"]]), support.services)
            )
    return results


def counts(results: list[PageResult]) -> tuple[int, int, int]:
    """True, false and missed (page, code) pairs."""
    true = false = missed = 0
    for result in results:
        read = {item.code for item in result.read}
        true += len(read & result.gold)
        false += len(read - result.gold)
        missed += len(result.gold - read)
    return true, false, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", action="store_true", help="list false and missed pairs")
    parser.add_argument("--ids", help="an inclusive range of page ids, e.g. f076:f141")
    args = parser.parse_args()
    results = read_pages(ids=args.ids)
    true, false, missed = counts(results)
    precision = 100 * true / (true + false) if true + false else 0.0
    recall = 100 * true / (true + missed) if true + missed else 0.0
    print(
        f"{len(results)} pages: stated forms P/R {precision:.1f}/{recall:.1f} % "
        f"(true {true}, false {false}, missed {missed})"
    )
    if args.pairs:
        for result in results:
            for item in result.read:
                if item.code not in result.gold:
                    print(f"FALSE  {result.page} {item.code}: {item.evidence[:220]!r}")
            for code in sorted(result.gold - {item.code for item in result.read}):
                print(f"MISSED {result.page} {code}")


if __name__ == "__main__":
    main()
