"""Benchmark: precision and recall of `wsparcie extract` against the hand-made gold files.

    .venv/bin/python benchmarks/extraction.py [--shared ../shared]

- tests/gold/extraction.csv: the page owner of every saved home page in
  ../shared/data/html_fixtures (negatives and pages naming no institution have an empty
  name). Each page is fetched as `https://<host>/` through `ReplayFetcher` over the saved
  pages, the way the real catalogue replays, with no county given: the powiat must come from
  the page's own address through the national gazetteer (TERC 2026, SIMC 2020, PNA 2024,
  loaded into a temporary DuckDB).
- tests/gold/seed_mentions.csv: every institution the three seed articles name, in the
  nominative; the articles are read with their county.

Single-valued fields count per page (a wrong value is both a false positive and a false
negative); phones and e-mails count per item. A gold name may list accepted spellings
separated by "|"; names compare through `fold_key` (diacritics, case, punctuation).
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extractors.inspect import ExtractOneError, extract_one  # noqa: E402
from extractors.replay import ReplayFetcher  # noqa: E402
from transforms.places import Gazetteer  # noqa: E402
from transforms.text import fold_key  # noqa: E402
from warehouse.gazetteer import load_gazetteer  # noqa: E402
from warehouse.gazetteer_rows import gazetteer_from_warehouse  # noqa: E402

GOLD_PAGES = REPO / "tests" / "gold" / "extraction.csv"
GOLD_SEEDS = REPO / "tests" / "gold" / "seed_mentions.csv"
SEED_COUNTIES = {  # the county each seed article is about
    "000_a6afdbd32f1756f3.txt": "2610",
    "002_07254127c44e4075.txt": "2816",
    "004_91be57ddf0e11a6a.txt": "2013",
}
SINGLE = ("name", "postal_code", "nip", "regon", "powiat_teryt")
MULTI = ("emails", "phones")
AIMS = {
    "name": 0.95,
    "postal_code": 0.98,
    "emails": 0.98,
    "nip": 0.98,
    "regon": 0.98,
    "phones": 0.95,
    "powiat_teryt": 0.97,
}


@dataclass(slots=True)
class Score:
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


def national_gazetteer(shared: Path) -> Gazetteer:
    with tempfile.TemporaryDirectory(prefix="wsparcie-bench-") as tmp:
        con = duckdb.connect(str(Path(tmp) / "gazetteer.duckdb"))
        try:
            load_gazetteer(
                con,
                terc=shared / "data" / "teryt" / "TERC_Adresowy_2026-02-16.csv",
                simc=shared / "data" / "teryt" / "SIMC_Urzedowy_2020-09-26.csv",
                pna=shared / "data" / "postal_codes" / "pna_2024_miejscowosci.csv",
            )
            return gazetteer_from_warehouse(con)
        finally:
            con.close()


def _predicted(row: dict[str, Any] | None, name: str) -> set[str] | str:
    if row is None:
        return set() if name in MULTI else ""
    value = row.get(name)
    if name in MULTI:
        return set(value or [])
    return str(value or "")


def _same(field_name: str, predicted: str, gold: str) -> bool:
    if field_name == "name":
        return fold_key(predicted) in {fold_key(g) for g in gold.split("|")}
    return predicted == gold


def score_pages(
    rows: Iterable[dict[str, str]], results: dict[str, dict[str, Any] | None]
) -> dict[str, Score]:
    scores = {name: Score() for name in (*SINGLE, *MULTI)}
    for gold in rows:
        predicted_row = results[gold["file"]]
        for name in SINGLE:
            predicted, expected = _predicted(predicted_row, name), gold[name]
            assert isinstance(predicted, str)
            score = scores[name]
            if predicted and expected and _same(name, predicted, expected):
                score.tp += 1
                continue
            if predicted:
                score.fp += 1
            if expected:
                score.fn += 1
            if predicted or expected:
                score.misses.append(f"{gold['file']}: {predicted!r} ≠ {expected!r}")
        for name in MULTI:
            predicted_set = _predicted(predicted_row, name)
            assert isinstance(predicted_set, set)
            expected_set = {item for item in gold[name].split("|") if item}
            score = scores[name]
            score.tp += len(predicted_set & expected_set)
            score.fp += len(predicted_set - expected_set)
            score.fn += len(expected_set - predicted_set)
            if predicted_set != expected_set:
                extra, missing = predicted_set - expected_set, expected_set - predicted_set
                score.misses.append(f"{gold['file']}: +{sorted(extra)} -{sorted(missing)}")
    return scores


def run_pages(shared: Path, gazetteer: Gazetteer) -> tuple[dict[str, Score], int, int]:
    fixtures = shared / "data" / "html_fixtures"
    with GOLD_PAGES.open(encoding="utf-8", newline="") as handle:
        gold_rows = list(csv.DictReader(handle))
    results: dict[str, dict[str, Any] | None] = {}
    negatives_found = 0
    negatives = 0
    with ReplayFetcher(fixtures) as fetcher:
        for gold in gold_rows:
            host = Path(gold["file"]).stem
            try:
                found = extract_one(f"https://{host}/", fetcher=fetcher, gazetteer=gazetteer)
            except ExtractOneError as exc:
                logging.info("%s", exc)
                found = []
            subjects = [row for row in found if row["role"] == "subject"]
            results[gold["file"]] = subjects[0] if subjects else None
            if gold["file"].startswith("negative/"):
                negatives += 1
                negatives_found += len(found)
    return score_pages(gold_rows, results), negatives, negatives_found


def run_seeds(shared: Path, gazetteer: Gazetteer) -> Score:
    with GOLD_SEEDS.open(encoding="utf-8", newline="") as handle:
        gold: dict[str, set[str]] = {}
        for row in csv.DictReader(handle):
            gold.setdefault(row["file"], set()).add(fold_key(row["nominative"]))
    score = Score()
    for file, expected in sorted(gold.items()):
        rows = extract_one(
            str(shared / "seeds" / file), county=SEED_COUNTIES.get(file), gazetteer=gazetteer
        )
        found = {fold_key(row["name"]) for row in rows if row["role"] == "mention"}
        score.tp += len(found & expected)
        score.fp += len(found - expected)
        score.fn += len(expected - found)
        score.misses += [f"{file}: extra {name!r}" for name in sorted(found - expected)]
        score.misses += [f"{file}: missed {name!r}" for name in sorted(expected - found)]
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    started = time.monotonic()
    gazetteer = national_gazetteer(args.shared)
    loaded = time.monotonic() - started
    scores, negatives, negatives_found = run_pages(args.shared, gazetteer)
    seeds = run_seeds(args.shared, gazetteer)
    elapsed = time.monotonic() - started

    print("| field | precision | recall | TP | FP | FN | aim |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in ("name", "postal_code", "emails", "nip", "regon", "phones", "powiat_teryt"):
        s = scores[name]
        print(
            f"| {name} | {s.precision:.1%} | {s.recall:.1%} | {s.tp} | {s.fp} | {s.fn} "
            f"| ≥ {AIMS[name]:.0%} |"
        )
    print(
        f"| seed mentions | {seeds.precision:.1%} | {seeds.recall:.1%} | {seeds.tp} | {seeds.fp} "
        f"| {seeds.fn} | all, nothing else |"
    )
    print(
        f"\ninstitutions from {negatives} negative pages: {negatives_found} (aim 0); "
        f"gazetteer load {loaded:.0f} s, total {elapsed:.0f} s"
    )
    if args.misses:
        for name, s in [*scores.items(), ("seed mentions", seeds)]:
            for miss in s.misses:
                print(f"  {name}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
