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

Beside them, the JSON gold (`benchmarks/extraction_scoring.py` says what is counted): the same
96 pages with `tests/gold/fixtures/*.json` (gmina, faxes, mentions, stated services), and the
web corpus of 560 recent pages (`benchmarks/web_corpus/`), each served as a plain page under
its own URL, in its two halves: `tune` (rules are developed on it) and `test` (only measured).
`--failures` counts where hours and ages fail, by kind, in every set
(`benchmarks/condition_failures.py`; counts only, so the test half may be looked at so).
`--misses` lists the disagreements of the 96 pages and of the tune half; the test half's
misses are printed only with `--test-misses`, for the final report — tuning on them would make
the test half another tuning set.
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

from benchmarks.condition_failures import count_failures, failure_table  # noqa: E402
from benchmarks.extraction_scoring import (  # noqa: E402
    Gold,
    Scores,
    phone_error_table,
    plain_page,
    read_gold,
    score_document,
    score_phone_errors,
    table,
)
from benchmarks.mention_breakdown import mention_breakdown_tables, score_mention_breakdown  # noqa: E402
from extractors.records import Document  # noqa: E402
from extractors.replay import ReplayFetcher  # noqa: E402
from flows.inspect import ExtractOneError, extract_one, page_row  # noqa: E402
from transforms.places import Gazetteer  # noqa: E402
from transforms.text import fold_key  # noqa: E402
from warehouse.gazetteer import load_gazetteer  # noqa: E402
from warehouse.gazetteer_rows import gazetteer_from_warehouse  # noqa: E402

GOLD_PAGES = REPO / "tests" / "gold" / "extraction.csv"
GOLD_SEEDS = REPO / "tests" / "gold" / "seed_mentions.csv"
GOLD_FIXTURES = REPO / "tests" / "gold" / "fixtures"
CORPUS = REPO / "benchmarks" / "web_corpus"
# The aims of the extraction issue, on the test half and on the 96 pages.
JSON_AIMS = {
    "subject name": "≥ 95 %",
    "postal code": "≥ 97 %",
    "powiat": "≥ 97 %",
    "gmina": "≥ 95 %",
    "reachable by a correct phone": "≥ 95 %",
    "reachable by a correct e-mail": "≥ 95 %",
    "phones (every number of the subject)": "R ≥ 90 % at P ≥ 95 %",
    "mentions in articles": "F1 ≥ 85 %",
    "mentions on institution pages": "F1 ≥ 85 %",
    "stated forms of support": "R ≥ 80 % at P ≥ 90 %",
    "stated forms of support, support pages (c…)": "R ≥ 80 % at P ≥ 90 %",
    "schedules parsed exactly (pages stating hours)": "≥ 90 %",
    "ages exactly (pages stating ages)": "≥ 90 %",
    "institutions from pages about none": "0",
}
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
    if name == "phones" and row.get("phone_details") is not None:
        # the CSV gold lists voice lines; `phones` now holds faxes too, typed in phone_details
        return {d["number"] for d in row["phone_details"] if d["kinds"] != ["fax"]}
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


def _extract_quietly(target: str, **kwargs: Any) -> list[dict[str, Any]]:
    try:
        return extract_one(target, **kwargs)
    except ExtractOneError as exc:
        logging.info("%s", exc)
        return []


def extract_saved_text(
    folder: Path,
    doc_id: str,
    text: str,
    url: str,
    gazetteer: Gazetteer | None,
    *,
    as_text: bool = False,
) -> list[dict[str, Any]]:
    """The rows `wsparcie extract` gives for a corpus document's saved `text`, written into
    `folder` and served as a plain page under its own `url` (with `as_text`, the text file
    itself); none when it cannot be read. Without a gazetteer, as `wsparcie extract` runs
    without `--db`."""
    if as_text:
        path = folder / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
    else:
        path = folder / f"{doc_id}.html"
        path.write_text(plain_page(text), encoding="utf-8")
    return _extract_quietly(str(path), url=url, gazetteer=gazetteer)


def run_fixtures_json(shared: Path, gazetteer: Gazetteer) -> Scores:
    """The 96 saved pages against their JSON gold, fetched as `https://<host>/` by replay."""
    scores = Scores()
    with ReplayFetcher(shared / "data" / "html_fixtures") as fetcher:
        for gold in read_gold(GOLD_FIXTURES):
            host = Path(gold.doc_id).stem
            rows = _extract_quietly(f"https://{host}/", fetcher=fetcher, gazetteer=gazetteer)
            score_document(gold, rows, scores)
            category = gold.doc_id.split("/")[0]
            html = shared / "data" / "html_fixtures" / gold.doc_id
            text = html.read_text(encoding="utf-8", errors="replace") if html.exists() else ""
            score_mention_breakdown(gold, rows, text, category, scores)
            count_failures(gold.raw, rows, scores.condition_failures)
    return scores


def corpus_index() -> list[dict[str, str]]:
    with (CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run_whole_text(split: str) -> Scores:
    """What the statement reader gives when detection is right: each institution page and
    article of one half read whole, as one row of role "page" (no row for pages about none).
    A diagnostic of the reader apart from detection; the gold's kind decides, so it is not a
    measure of `wsparcie extract`."""
    scores = Scores()
    for row in corpus_index():
        if row["split"] != split:
            continue
        gold = Gold.read(CORPUS / "gold" / f"{row['id']}.json")
        text = (CORPUS / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8")
        document = Document.from_bytes(
            row["url"], plain_page(text).encode("utf-8"), content_type="text/html", charset="utf-8"
        )
        page = page_row(document) if gold.kind != "none" else None
        score_document(gold, [page] if page else [], scores)
        count_failures(gold.raw, [page] if page else [], scores.condition_failures)
    return scores


def run_corpus(gazetteer: Gazetteer, split: str, *, as_text: bool = False) -> Scores:
    """One half of the web corpus: each document served as a plain page (or, with `as_text`,
    as the text file itself) under its own URL."""
    scores = Scores()
    with tempfile.TemporaryDirectory(prefix="wsparcie-corpus-") as tmp:
        for row in corpus_index():
            if row["split"] != split:
                continue
            gold = Gold.read(CORPUS / "gold" / f"{row['id']}.json")
            text = (CORPUS / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8")
            rows = extract_saved_text(
                Path(tmp), row["id"], text, row["url"], gazetteer, as_text=as_text
            )
            score_document(gold, rows, scores)
            score_phone_errors(gold, rows, text, scores)
            score_mention_breakdown(gold, rows, text, row["category"], scores)
            count_failures(gold.raw, rows, scores.condition_failures)
    return scores


def _print_misses(label: str, scores: Scores) -> None:
    groups: list[tuple[str, list[str]]] = [
        ("subject not found", scores.subject_found.misses),
        *((name, counts.misses) for name, counts in scores.single.items()),
        ("name not exact", scores.name_exact.misses),
        ("no correct phone", scores.phone_reach.misses),
        ("no correct e-mail", scores.email_reach.misses),
        ("phones", scores.phones.misses),
        ("fax not typed", scores.fax_typed.misses),
        ("mobile not typed", scores.mobile_typed.misses),
        ("helpline not typed", scores.helpline_typed.misses),
        ("label not the gold's", scores.label_agreed.misses),
        ("personal mailbox not flagged", scores.personal_flagged.misses),
        ("mentions (articles)", scores.mentions_article.misses),
        ("mentions (pages)", scores.mentions_page.misses),
        ("mention errors by kind", scores.mention_error_misses),
        ("services", scores.services.misses),
        ("services per institution", scores.services_per_provider.misses),
        ("schedules", scores.schedule_entries.misses),
        ("ages", scores.age_entries.misses),
        ("fees", scores.fees.misses),
        ("referral", scores.referral.misses),
        ("invented", scores.invented_docs),
    ]
    print(f"\n### misses: {label}")
    for name, misses in groups:
        for miss in misses:
            print(f"  {name}: {miss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument(
        "--misses", action="store_true", help="list the disagreements (96 pages, tune half)"
    )
    parser.add_argument(
        "--test-misses", action="store_true", help="also list the test half's disagreements"
    )
    parser.add_argument("--text", action="store_true", help="also read the test half as text files")
    parser.add_argument(
        "--whole-text",
        action="store_true",
        help="also score the statement reader on each half's pages read whole (see run_whole_text)",
    )
    parser.add_argument(
        "--mention-kinds",
        action="store_true",
        help="also print mentions per document kind and category and their errors by kind "
        "(aggregate counts, every set; see benchmarks/mention_breakdown.py)",
    )
    parser.add_argument(
        "--failures",
        action="store_true",
        help="also count the hours' and ages' failures by kind, per set (counts only)",
    )
    parser.add_argument(
        "--only",
        choices=("fixtures", "tune", "test"),
        help="score one set only (faster while developing)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    started = time.monotonic()
    gazetteer = national_gazetteer(args.shared)
    loaded = time.monotonic() - started
    columns: dict[str, Scores] = {}
    if args.only in (None, "fixtures"):
        columns["96 saved pages (2019)"] = run_fixtures_json(args.shared, gazetteer)
    if args.only in (None, "tune"):
        columns["web corpus: tune"] = run_corpus(gazetteer, "tune")
    if args.only in (None, "test"):
        columns["web corpus: test"] = run_corpus(gazetteer, "test")
    if args.text and args.only in (None, "test"):
        columns["test, as text files"] = run_corpus(gazetteer, "test", as_text=True)
    if args.whole_text:
        for split in ("tune", "test"):
            if args.only in (None, split):
                columns[f"{split}: statements of the whole text"] = run_whole_text(split)
    print("\n".join(table(columns, JSON_AIMS)))
    print("\n" + "\n".join(phone_error_table(columns)))
    if args.mention_kinds:
        print("\n" + "\n".join(mention_breakdown_tables(columns)))
    if args.failures:
        failures = {label: scores.condition_failures for label, scores in columns.items()}
        print("\n" + "\n".join(failure_table(failures)))
    if args.only is None:
        _print_legacy(args, gazetteer)
    print(f"\ngazetteer load {loaded:.0f} s, total {time.monotonic() - started:.0f} s")
    if args.misses or args.test_misses:
        for label, scores in columns.items():
            if "test" in label and not args.test_misses:
                continue
            _print_misses(label, scores)
    return 0


def _print_legacy(args: argparse.Namespace, gazetteer: Gazetteer) -> None:
    """The 96 pages against the CSV gold, and the seed articles' mentions (the older table)."""
    scores, negatives, negatives_found = run_pages(args.shared, gazetteer)
    seeds = run_seeds(args.shared, gazetteer)
    print("\n| field (CSV gold, 96 pages) | precision | recall | TP | FP | FN | aim |")
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
    print(f"\ninstitutions from {negatives} negative pages: {negatives_found} (aim 0)")
    if args.misses:
        for name, s in [*scores.items(), ("seed mentions", seeds)]:
            for miss in s.misses:
                print(f"  {name}: {miss}")


if __name__ == "__main__":
    raise SystemExit(main())
