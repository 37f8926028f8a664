"""Opening hours and ages on the fresh pages of `benchmarks/hours_fresh/` (a tuning set).

    .venv/bin/python benchmarks/hours_fresh.py [--pages] [--folder DIR] [--ages-only]

Each page is read three ways: by `wsparcie extract` as a plain page (how the web corpus is
served), by `wsparcie extract` as the text file itself (the text path), and by the statement
reader on the page's whole text (`flows.inspect.page_row`, every page, as a crawl would read
it). The schedules and age ranges read are compared with `gold.jsonl`'s as the extraction
benchmark compares them (a gold entry without days matched on its times), and counted per
page: exact, some missing, some extra, and pages whose gold states none where some were read.
`--pages` lists each page that is not exact with what was missed and what was extra; the set
is for tuning, so its pages may be read. `--folder` reads another set of the same layout
(`benchmarks/ages_fresh/`, whose gold gives ages only: `--ages-only` leaves the hours out of
the table and the listing).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.extraction import extract_saved_text  # noqa: E402
from benchmarks.extraction_scoring import dayless_matched, plain_page  # noqa: E402
from extractors.records import Document  # noqa: E402
from flows.inspect import page_row  # noqa: E402

FRESH = REPO / "benchmarks" / "hours_fresh"
WAYS = ("pipeline, page", "pipeline, text", "reader")
Entry = tuple[str, str, str]
Age = tuple[Any, Any]


@dataclass(frozen=True, slots=True)
class FreshPage:
    """One fresh page: its text, address and blind gold."""

    page: str
    url: str
    text: str
    hours: frozenset[Entry]
    ages: frozenset[Age]


def _entries(schedules: Iterable[Mapping[str, Any]]) -> set[Entry]:
    return {
        (str(day), str(s["opens"]), str(s["closes"]))
        for s in schedules
        for day in (s.get("days") or [""])
    }


def _age(value: Any) -> Any:
    return None if value is None else float(value)


def _ages(items: Iterable[Mapping[str, Any]]) -> set[Age]:
    return {(_age(item.get("min")), _age(item.get("max"))) for item in items}


def read_pages(folder: Path = FRESH) -> list[FreshPage]:
    gold = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold[item["id"]] = item
    pages = []
    with (folder / "index.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            item = gold[row["id"]]
            pages.append(
                FreshPage(
                    page=row["id"],
                    url=row["url"],
                    text=(folder / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8"),
                    hours=frozenset(_entries(item["hours"])),
                    ages=frozenset(_ages(item["ages"])),
                )
            )
    return pages


def _pipeline(page: FreshPage, folder: Path, *, as_text: bool) -> list[dict[str, Any]]:
    return extract_saved_text(folder, page.page, page.text, page.url, None, as_text=as_text)


def _reader(page: FreshPage) -> list[dict[str, Any]]:
    document = Document.from_bytes(
        page.url, plain_page(page.text).encode("utf-8"), content_type="text/html", charset="utf-8"
    )
    row = page_row(document)
    return [row] if row is not None else []


def read_ways(page: FreshPage, folder: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows each way gives for `page` (`folder` holds the files served)."""
    return {
        "pipeline, page": _pipeline(page, folder, as_text=False),
        "pipeline, text": _pipeline(page, folder, as_text=True),
        "reader": _reader(page),
    }


def _kind(expected: frozenset[Any], predicted: set[Any]) -> str:
    if not expected:
        return "none stated, none read" if not predicted else "none stated, some read"
    if expected == predicted:
        return "exact"
    if not predicted:
        return "nothing read"
    missing, extra = expected - predicted, predicted - expected
    if missing and extra:
        return "some missing, some extra"
    return "some missing" if missing else "some extra"


@dataclass(frozen=True, slots=True)
class Judged:
    """What one way gives for one page, against the gold."""

    hours_kind: str
    ages_kind: str
    hours_missed: frozenset[Entry]
    hours_extra: frozenset[Entry]
    ages_missed: frozenset[Age]
    ages_extra: frozenset[Age]


def judge(page: FreshPage, rows: Sequence[Mapping[str, Any]]) -> Judged:
    read = _entries(s for row in rows for s in row.get("schedules") or ())
    hours = dayless_matched(set(page.hours), read)
    ages = _ages(a for row in rows for a in row.get("ages") or ())
    return Judged(
        hours_kind=_kind(page.hours, hours),
        ages_kind=_kind(page.ages, ages),
        hours_missed=frozenset(page.hours - hours),
        hours_extra=frozenset(hours - page.hours),
        ages_missed=frozenset(page.ages - ages),
        ages_extra=frozenset(ages - page.ages),
    )


def count(results: Mapping[str, Sequence[Judged]]) -> dict[str, Counter[str]]:
    """Per way: pages by kind of hours and ages, and missed and extra entries."""
    counts: dict[str, Counter[str]] = {}
    for way, judged in results.items():
        counter: Counter[str] = Counter()
        for item in judged:
            counter[f"hours: {item.hours_kind}"] += 1
            counter[f"ages: {item.ages_kind}"] += 1
            counter["hours entries missed"] += len(item.hours_missed)
            counter["hours entries extra"] += len(item.hours_extra)
            counter["age ranges missed"] += len(item.ages_missed)
            counter["age ranges extra"] += len(item.ages_extra)
        counts[way] = counter
    return counts


def table(counts: Mapping[str, Counter[str]], pages: Sequence[FreshPage]) -> list[str]:
    stating_hours = sum(1 for page in pages if page.hours)
    stating_ages = sum(1 for page in pages if page.ages)
    lines = [
        f"{len(pages)} pages: {stating_hours} state hours, {stating_ages} state ages",
        "| measure | " + " | ".join(counts) + " |",
        "| --- |" + " --- |" * len(counts),
    ]
    kinds = sorted({kind for counter in counts.values() for kind in counter})
    for kind in kinds:
        lines.append(
            f"| {kind} | " + " | ".join(str(c.get(kind, 0)) for c in counts.values()) + " |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="list each page not read exactly")
    parser.add_argument("--folder", type=Path, default=FRESH, help="a set of fresh pages")
    parser.add_argument("--ages-only", action="store_true", help="score the ages alone")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    pages = read_pages(args.folder)
    results: dict[str, list[Judged]] = {way: [] for way in WAYS}
    listing: list[str] = []
    with tempfile.TemporaryDirectory(prefix="wsparcie-hours-fresh-") as tmp:
        for page in pages:
            for way, rows in read_ways(page, Path(tmp)).items():
                judged = judge(page, rows)
                results[way].append(judged)
                hours_differ = not args.ages_only and (judged.hours_missed or judged.hours_extra)
                if args.pages and (hours_differ or judged.ages_missed or judged.ages_extra):
                    hours = (
                        ""
                        if args.ages_only
                        else f"hours {judged.hours_kind}: missed {sorted(judged.hours_missed)} "
                        f"extra {sorted(judged.hours_extra)}; "
                    )
                    listing.append(
                        f"{page.page} [{way}] {hours}"
                        f"ages {judged.ages_kind}: missed {sorted(judged.ages_missed, key=str)} "
                        f"extra {sorted(judged.ages_extra, key=str)}"
                    )
    counts = count(results)
    if args.ages_only:
        counts = {
            way: Counter({k: v for k, v in c.items() if not k.startswith("hours")})
            for way, c in counts.items()
        }
    print("\n".join(table(counts, pages)))
    if listing:
        print("\n" + "\n".join(listing))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
