"""Split the web corpus by host into a tuning half and a test half, and write it into index.csv.

    python3 benchmarks/web_corpus/split.py

Every document of one host falls in the same half, so a rule tuned on a site never meets that
site in the test half. Hosts are stratified by the category of their first document (sorted
by the SHA-1 of the host name within each category, then dealt alternately, starting with
`tune`), so both halves hold every kind of institution. The split is written once and
committed; rerunning the script over the same index gives the same column.

A host that already has a split keeps it: when documents are added later (the `d` addition of
2026-12-06), only hosts without a split are dealt, by the same stratified, alternate dealing
over the new hosts alone, so no earlier row ever changes its half.
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from pathlib import Path

INDEX = Path(__file__).resolve().parent / "index.csv"
FIELDS = ("id", "url", "host", "category", "kind", "voivodeship", "query", "split")


def assign_splits(rows: list[dict[str, str]]) -> dict[str, str]:
    """host -> "tune" | "test"; hosts that already have a split keep it."""
    split: dict[str, str] = {}
    for row in rows:
        if row.get("split"):
            split.setdefault(row["host"], row["split"])
    category_of: dict[str, str] = {}
    for row in rows:
        if row["host"] not in split:
            category_of.setdefault(row["host"], row["category"])
    by_category: dict[str, list[str]] = defaultdict(list)
    for host, category in category_of.items():
        by_category[category].append(host)
    turn = 0  # carried across categories so that odd-sized categories even out
    for category in sorted(by_category):
        for host in sorted(
            by_category[category], key=lambda h: hashlib.sha1(h.encode()).hexdigest()
        ):
            split[host] = "tune" if turn % 2 == 0 else "test"
            turn += 1
    return split


def main() -> None:
    with INDEX.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    split = assign_splits(rows)
    for row in rows:
        row["split"] = split[row["host"]]
    with INDEX.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    halves = {name: sum(1 for r in rows if r["split"] == name) for name in ("tune", "test")}
    print(f"{len(rows)} documents, {len(split)} hosts: {halves}")


if __name__ == "__main__":
    main()
