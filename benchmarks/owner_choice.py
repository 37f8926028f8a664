"""The page owner's choice made inspectable, and its weights fitted (issue #12, round 12).

    .venv/bin/python benchmarks/owner_choice.py collect [--shared ../shared]
    .venv/bin/python benchmarks/owner_choice.py dump tune|fixtures|fresh [--misses]
    .venv/bin/python benchmarks/owner_choice.py fit [--test]
    .venv/bin/python benchmarks/owner_choice.py fresh [--test]
    .venv/bin/python benchmarks/owner_choice.py breakdown
    .venv/bin/python benchmarks/owner_choice.py compare

`collect` runs `wsparcie extract` (`flows.inspect.extract_one`, as `benchmarks/extraction.py`
does) on every document of the web corpus, on the 96 saved pages and on the fresh tuning pages
of `benchmarks/owner_fresh` (their blind one-line judgement as the gold subject; a judgement
its writer doubts, marked "?", is kept apart as the split `fresh?`), and keeps, for each,
what `page_owner.owner_choice` saw: every owner candidate with its evidence (the signals
before any weighing), whether the page reads as news, and the gold subject's names. It
writes them to a cache (`--cache`), so that `dump` and `fit` need no extraction.

`dump` prints, for each document of the tune half or of the 96 pages, every candidate with
its signals, its score under the hand-set and the fitted weights (`owner_weights.FITTED`), and
whether it is the gold subject. It refuses the test half: of the test half only aggregate counts are ever printed.

`fit` fits the weights and thresholds of `page_owner.OwnerWeights` on the tune half and the 96
pages by a coordinate search over integer values (`fit_weights`), and cross-validates the
search on the tune half by host (5 folds). With `--test` it prints the test half's
aggregates, hand-set against fitted (counts only). `breakdown` counts, per set, the kinds of
error, where the gold subject ranks when missed and the signals of wrongly chosen names
(counts only, the test half's too). `fresh` asks whether a fit generalises before the test
half is looked at: the fresh pages are dealt by host into two parts (`fresh_parts`), each fit
(`FITS`) is made on the tune half, the 96 pages and one part and counted on the other, both
ways; with `--test`, the test half's aggregates under each fit made on everything but the
test half. `compare` runs the other fits tried, each cross-validated
the same way: the coordinate search from neutral starts (every weight ±1 or ±2 by its sign)
and a conditional logistic regression (`fit_logit`); tune and the 96 pages only.

What is counted, per document whose owner the choice decides (`Example.decided`):
- right: the chosen candidate is the gold subject, or nothing is chosen and the gold has no
  subject or none of the candidates is it;
- wrong name: a candidate is chosen that is not the gold subject (a false subject name);
- missed: nothing is chosen though a candidate is the gold subject.
A candidate "is the gold subject" when its name as the extractor writes it folds to one of the
gold's names, or its name's key (`normalise_name`) is one of theirs: the choice is of the body,
not of how its name is written.
"""

from __future__ import annotations

import argparse
import csv
import pickle
import random
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.extraction_scoring import Gold, plain_page, read_gold  # noqa: E402
from extractors.html_pages import owner_choose, page_owner  # noqa: E402
from extractors.html_pages.owner_choose import choose_owner  # noqa: E402
from extractors.html_pages.owner_weights import (  # noqa: E402
    FITTED,
    HAND_SET,
    OwnerCandidate,
    OwnerChoice,
    OwnerWeights,
)
from extractors.html_pages.page_owner import WEIGHTS  # noqa: E402
from extractors.replay import ReplayFetcher  # noqa: E402
from flows.inspect import ExtractOneError, extract_one  # noqa: E402
from transforms.names import name_key  # noqa: E402
from transforms.text import fold_key  # noqa: E402

CORPUS = REPO / "benchmarks" / "web_corpus"
FRESH = REPO / "benchmarks" / "owner_fresh"
GOLD_FIXTURES = REPO / "tests" / "gold" / "fixtures"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "wsparcie-owner-choices.pickle"
FOLDS = 5
MIN_GAIN = 2  # a step of the search must put two more documents right: no weight rests on one page
WEIGHT_RANGE = range(-8, 9)
THRESHOLD_RANGES = {
    "min_score": range(0, 11),
    "min_score_host": range(0, 11),
    "min_score_article": range(0, 13),
    "min_score_sole": range(0, 9),
    "min_lead": range(0, 6),
}


@dataclass(frozen=True, slots=True)
class Example:
    """One document: what the owner's choice saw, and what the gold says."""

    doc_id: str
    host: str
    split: str  # tune | test | fixtures
    kind: str  # the gold's: institution_page | article | none
    choice: OwnerChoice | None  # None: the extractor never asked whose page it is
    positive: frozenset[int]  # indexes of the candidates that are the gold subject
    has_subject: bool
    decided: bool  # the subject the extractor gave is the choice's (or none and none)


def written_name(choice: OwnerChoice, candidate: OwnerCandidate) -> str:
    """The candidate's name as `find_page_owner` gives it (its head's place added)."""
    return page_owner.owner_name(choice, candidate)


def _positives(choice: OwnerChoice, gold: Gold) -> frozenset[int]:
    if gold.subject is None:
        return frozenset()
    names = {fold_key(n) for n in gold.subject.get("names") or () if n}
    keys = {name_key(n) for n in gold.subject.get("names") or () if n} - {""}
    return frozenset(
        index
        for index, candidate in enumerate(choice.candidates)
        if fold_key(written_name(choice, candidate)) in names
        or fold_key(candidate.name) in names
        or name_key(candidate.name) in keys
    )


@contextmanager
def _recording() -> Iterator[list[OwnerChoice]]:
    """Every `OwnerChoice` the extractor reads while the block runs (the caches cleared, so
    each page is read again)."""
    seen: list[OwnerChoice] = []
    original = page_owner.owner_choice

    def record(page: Any) -> OwnerChoice:
        choice = original(page)
        seen.append(choice)
        return choice

    page_owner.find_page_owner.cache_clear()
    original.cache_clear()
    page_owner.owner_choice = record  # type: ignore[assignment]
    try:
        yield seen
    finally:
        page_owner.owner_choice = original  # type: ignore[assignment]


def _example(doc_id: str, host: str, split: str, gold: Gold, run: Callable[[], list]) -> Example:
    with _recording() as seen:
        try:
            rows = run()
        except ExtractOneError:
            rows = []
    subjects = [row for row in rows if row.get("role") == "subject"]
    given = fold_key(str(subjects[0].get("name") or "")) if subjects else ""
    choice = seen[-1] if seen else None
    positive = _positives(choice, gold) if choice is not None else frozenset()
    chosen = choose_owner(choice, HAND_SET) if choice is not None else None
    if choice is None:
        decided = False
    elif chosen is None:
        decided = not subjects
    else:
        decided = given == fold_key(written_name(choice, chosen))
    return Example(
        doc_id=doc_id,
        host=host,
        split=split,
        kind=gold.kind,
        choice=choice,
        positive=positive,
        has_subject=gold.subject is not None,
        decided=decided,
    )


def collect(shared: Path) -> list[Example]:
    from benchmarks.extraction import national_gazetteer

    gazetteer = national_gazetteer(shared)
    examples: list[Example] = []
    with (CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        index = list(csv.DictReader(handle))
    with tempfile.TemporaryDirectory(prefix="wsparcie-owner-") as tmp:
        for row in index:
            gold = Gold.read(CORPUS / "gold" / f"{row['id']}.json")
            text = (CORPUS / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8")
            path = Path(tmp) / f"{row['id']}.html"
            path.write_text(plain_page(text), encoding="utf-8")
            url = row["url"]
            examples.append(
                _example(
                    row["id"],
                    row["host"],
                    row["split"],
                    gold,
                    lambda p=path, u=url: extract_one(str(p), url=u, gazetteer=gazetteer),
                )
            )
        examples.extend(collect_fresh(Path(tmp), gazetteer))
    with ReplayFetcher(shared / "data" / "html_fixtures") as fetcher:
        for gold in read_gold(GOLD_FIXTURES):
            host = Path(gold.doc_id).stem
            examples.append(
                _example(
                    gold.doc_id,
                    host,
                    "fixtures",
                    gold,
                    lambda h=host: extract_one(
                        f"https://{h}/", fetcher=fetcher, gazetteer=gazetteer
                    ),
                )
            )
    return examples


def fresh_gold(row: dict[str, str]) -> Gold:
    """A fresh page's judgement as a gold: its names ("|" between the forms the judge accepts)
    the subject's, none when the judgement is empty (or only "?")."""
    names = [name.strip() for name in row["judgement"].lstrip("?").split("|") if name.strip()]
    return Gold(
        doc_id=row["id"],
        url=row["url"],
        kind=row["kind"],
        subject={"names": names} if names else None,
        mentions=(),
        services=(),
        raw={},
    )


def collect_fresh(folder: Path, gazetteer: Any) -> list[Example]:
    """The fresh tuning pages read as the corpus is (`benchmarks/owner_fresh/run.py`: the text
    served as a plain page under its own address): split `fresh`, or `fresh?` for a doubted
    judgement."""
    with (FRESH / "index.csv").open(encoding="utf-8", newline="") as handle:
        index = list(csv.DictReader(handle))
    examples = []
    for row in index:
        text = (FRESH / "documents" / f"{row['id']}.txt").read_text(encoding="utf-8")
        path = folder / f"fresh-{row['id']}.html"
        path.write_text(plain_page(text), encoding="utf-8")
        split = "fresh?" if row["judgement"].startswith("?") else "fresh"
        examples.append(
            _example(
                row["id"],
                row["host"],
                split,
                fresh_gold(row),
                lambda p=path, u=row["url"]: extract_one(str(p), url=u, gazetteer=gazetteer),
            )
        )
    return examples


def fresh_parts(examples: Sequence[Example]) -> tuple[set[str], set[str]]:
    """The fresh pages' hosts dealt into two parts, A and B (a fixed shuffle): a fit made with
    one part is counted on the other."""
    hosts = sorted({e.host for e in examples if e.split == "fresh"})
    random.Random(16).shuffle(hosts)
    return set(hosts[0::2]), set(hosts[1::2])


# ---------------------------------------------------------------------------- counting


@dataclass(frozen=True, slots=True)
class Outcome:
    right: int = 0
    wrong_name: int = 0  # a candidate chosen that is not the gold subject
    missed: int = 0  # nothing chosen, though a candidate is the gold subject
    found: int = 0  # the gold subject chosen
    findable: int = 0  # documents with a candidate that is the gold subject
    invented: int = 0  # a subject chosen on a page about none
    documents: int = 0

    def __add__(self, other: Outcome) -> Outcome:
        return Outcome(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, ...]:
        return (
            self.right,
            self.wrong_name,
            self.missed,
            self.found,
            self.findable,
            self.invented,
            self.documents,
        )


def outcome(examples: Sequence[Example], weights: OwnerWeights) -> Outcome:
    right = wrong = missed = found = findable = invented = documents = 0
    for example in examples:
        if not example.decided or example.choice is None:
            continue
        documents += 1
        chosen = choose_owner(example.choice, weights)
        index = None if chosen is None else example.choice.candidates.index(chosen)
        findable += bool(example.positive)
        if index is not None and index in example.positive:
            right += 1
            found += 1
        elif index is not None:
            wrong += 1
            invented += example.kind == "none"
        elif example.positive:
            missed += 1
        else:
            right += 1
    return Outcome(right, wrong, missed, found, findable, invented, documents)


# ---------------------------------------------------------------------------- fitting


def _with(weights: OwnerWeights, name: str, value: int) -> OwnerWeights:
    if name in THRESHOLD_RANGES:
        return replace(weights, **{name: value})
    return replace(weights, weights={**weights.weights, name: value})


def _value(weights: OwnerWeights, name: str) -> int:
    if name in THRESHOLD_RANGES:
        return int(getattr(weights, name))
    return int(weights.weights[name])


def fit_weights(
    examples: Sequence[Example],
    start: OwnerWeights = HAND_SET,
    *,
    rounds: int = 6,
    min_gain: int = MIN_GAIN,
) -> OwnerWeights:
    """A coordinate search: each weight and threshold in turn set to the value, within its
    range, that puts the most documents right; a move is made only when it puts `min_gain`
    more right than the current value (so no value rests on one page), and of equal gains
    the one nearest zero (a signal no document needs drops out). Repeated until nothing
    moves."""
    names = [*start.weights, *THRESHOLD_RANGES]
    return _coordinate_search(
        examples, start, names, rounds=rounds, min_gain=min_gain, cost=lambda _, v: abs(v)
    )


def _coordinate_search(
    examples: Sequence[Example],
    start: OwnerWeights,
    names: Sequence[str],
    *,
    rounds: int,
    min_gain: int,
    cost: Callable[[str, int], int],
) -> OwnerWeights:
    """Each of `names` in turn set to the value, within its range, that puts the most documents
    right, moved only for `min_gain` more; of equal gains the value of the least `cost`.
    Repeated until nothing moves (at most `rounds` times)."""
    decided = [e for e in examples if e.decided and e.choice is not None]
    current = start
    for _ in range(rounds):
        moved = False
        for name in names:
            now = outcome(decided, current).right
            best_value, best_right = _value(current, name), now
            for value in THRESHOLD_RANGES.get(name, WEIGHT_RANGE):
                right = outcome(decided, _with(current, name, value)).right
                better = right > best_right or (
                    right == best_right and cost(name, value) < cost(name, best_value)
                )
                if better and right - now >= min_gain:
                    best_value, best_right = value, right
            if best_value != _value(current, name):
                current = _with(current, name, best_value)
                moved = True
        if not moved:
            break
    return current


def fit_steepest(
    examples: Sequence[Example],
    start: OwnerWeights = HAND_SET,
    *,
    min_gain: int = MIN_GAIN,
    steps: int = 12,
) -> OwnerWeights:
    """A steepest-ascent search: at each step every weight and every bar is tried at every
    value of its range, and only the one move that puts the most documents right is made
    (of equal gains, the value nearest zero, then the signal first in `HAND_SET`), when it
    puts `min_gain` more right; repeated until no move gains that much. Unlike
    `fit_weights`, no move depends on the order the signals are listed in."""
    decided = [e for e in examples if e.decided and e.choice is not None]
    current = start
    names = [*start.weights, *THRESHOLD_RANGES]
    for _ in range(steps):
        now = outcome(decided, current).right
        best: tuple[int, int, int] | None = None  # (gain, -|value|, -index)
        best_move: tuple[str, int] | None = None
        for index, name in enumerate(names):
            for value in THRESHOLD_RANGES.get(name, WEIGHT_RANGE):
                if value == _value(current, name):
                    continue
                gain = outcome(decided, _with(current, name, value)).right - now
                key = (gain, -abs(value), -index)
                if gain >= min_gain and (best is None or key > best):
                    best, best_move = key, (name, value)
        if best_move is None:
            break
        current = _with(current, *best_move)
    return current


def fit_drop(
    examples: Sequence[Example], start: OwnerWeights = HAND_SET, *, min_gain: int = MIN_GAIN
) -> OwnerWeights:
    """Fewer features: the only move is to drop a signal (its weight set to 0), the one that
    puts the most documents right first, while a drop puts `min_gain` more right; the bars
    and every other weight stay as `start` has them."""
    decided = [e for e in examples if e.decided and e.choice is not None]
    current = start
    while True:
        now = outcome(decided, current).right
        gains = [
            (outcome(decided, _with(current, name, 0)).right - now, -index, name)
            for index, name in enumerate(current.weights)
            if current.weights[name] != 0
        ]
        best = max(gains, default=None)
        if best is None or best[0] < min_gain:
            return current
        current = _with(current, best[2], 0)


# The conditions under which `choose_owner` asks less or more of the best name, as features of
# a candidate for the logistic fit: their fitted weights are the thresholds' differences.
_CONDITIONS = ("host backed", "sole body", "news, not declared")


def _conditions(choice: OwnerChoice, candidate: OwnerCandidate) -> list[float]:
    rivals = [c for c in choice.candidates if c is not candidate]
    news = choice.news_like
    return [
        float(owner_choose.host_backed(candidate) and not news),
        float(owner_choose.sole_body_of_its_site(candidate, rivals, HAND_SET) and not news),
        float(news and not candidate.evidence & {"declared", "contact", "host"}),
    ]


def fit_logit(
    examples: Sequence[Example], *, l2: float = 1.0, scale: float = 1.0, steps: int = 3000
) -> OwnerWeights:
    """A conditional logistic regression: each document a choice among its candidates and
    "none" (utility 0); a candidate's utility the sum of its signals' weights, plus the three
    conditions' (`_CONDITIONS`), minus `min_score`. Fitted by gradient descent on the
    log-likelihood with an L2 penalty `l2` (no weight rests on one page); the weights, times
    `scale`, are rounded to the integers `choose_owner` adds, and the conditions' weights
    become the thresholds (`min_score_host` = `min_score` − "host backed"'s, …)."""
    import numpy as np

    signals = list(HAND_SET.weights)
    rows: list[tuple[Any, int]] = []  # (features of the candidates, index of the right option)
    for example in examples:
        if not example.decided or example.choice is None:
            continue
        choice = example.choice
        features = np.array(
            [
                [float(s in c.evidence) for s in signals] + _conditions(choice, c) + [-1.0]
                for c in choice.candidates
            ]
        ).reshape(len(choice.candidates), len(signals) + len(_CONDITIONS) + 1)
        right = min(example.positive) + 1 if example.positive else 0  # 0: "none"
        rows.append((features, right))
    width = len(signals) + len(_CONDITIONS) + 1
    w = np.zeros(width)
    w[-1] = 1.0
    rate = 0.05
    for _ in range(steps):
        gradient = l2 * w / len(rows)
        gradient[-1] = 0.0  # the threshold is not pulled to zero
        for features, right in rows:
            utilities = np.concatenate(([0.0], features @ w))
            p = np.exp(utilities - utilities.max())
            p /= p.sum()
            expected = p[1:] @ features
            observed = features[right - 1] if right else np.zeros(width)
            gradient -= (observed - expected) / len(rows)
        w -= rate * gradient * len(rows) / 20
    scaled = np.rint(w * scale).astype(int)
    weights = {
        name: int(value) for name, value in zip(signals, scaled[: len(signals)], strict=True)
    }
    host, sole, news, threshold = (int(v) for v in scaled[len(signals) :])
    return OwnerWeights(
        weights=weights,
        min_score=threshold,
        min_score_host=threshold - host,
        min_score_article=threshold - news,
        min_score_sole=threshold - sole,
        min_lead=HAND_SET.min_lead,
    )


def fit_bars(
    examples: Sequence[Example], start: OwnerWeights = HAND_SET, *, min_gain: int = MIN_GAIN
) -> OwnerWeights:
    """Only the bars (`THRESHOLD_RANGES`) searched, every signal's weight kept as `start`
    has it: five values where the full search has twenty-six; of equal gains the value nearest
    `start`'s."""
    return _coordinate_search(
        examples,
        start,
        list(THRESHOLD_RANGES),
        rounds=6,
        min_gain=min_gain,
        cost=lambda name, v: abs(v - _value(start, name)),
    )


def _no_fit(examples: Sequence[Example]) -> OwnerWeights:
    return HAND_SET


# The fits `fresh` compares, each a function of the documents it is made on.
FITS: dict[str, Callable[[Sequence[Example]], OwnerWeights]] = {
    "hand-set (no fit)": _no_fit,
    "search, min gain 2": lambda examples: fit_weights(examples, min_gain=2),
    "search, min gain 3": lambda examples: fit_weights(examples, min_gain=3),
    "search, min gain 5": lambda examples: fit_weights(examples, min_gain=5),
    "steepest, min gain 2": lambda examples: fit_steepest(examples, min_gain=2),
    "steepest, min gain 3": lambda examples: fit_steepest(examples, min_gain=3),
    "steepest, min gain 4": lambda examples: fit_steepest(examples, min_gain=4),
    "drop signals, min gain 2": lambda examples: fit_drop(examples, min_gain=2),
    "drop signals, min gain 3": lambda examples: fit_drop(examples, min_gain=3),
    "bars only, min gain 2": lambda examples: fit_bars(examples, min_gain=2),
    "bars only, min gain 3": lambda examples: fit_bars(examples, min_gain=3),
    "logistic, L2 3, x2": lambda examples: fit_logit(examples, l2=3.0, scale=2.0, steps=800),
}


def fresh_check(
    examples: Sequence[Example], fits: dict[str, Callable[[Sequence[Example]], OwnerWeights]]
) -> list[tuple[str, Outcome, Outcome, OwnerWeights, OwnerWeights]]:
    """Each fit made on the tune half, the 96 pages and one fresh part, counted on the other
    part: (name, counted on B when fitted with A, counted on A when fitted with B, both
    weights)."""
    base = [e for e in examples if e.split in ("tune", "fixtures")]
    fresh = [e for e in examples if e.split == "fresh"]
    part_a, part_b = fresh_parts(examples)
    on_a = [e for e in fresh if e.host in part_a]
    on_b = [e for e in fresh if e.host in part_b]
    rows = []
    for name, fit in fits.items():
        with_a = fit([*base, *on_a])
        with_b = fit([*base, *on_b])
        rows.append((name, outcome(on_b, with_a), outcome(on_a, with_b), with_a, with_b))
    return rows


def host_folds(examples: Sequence[Example], folds: int = FOLDS) -> list[set[str]]:
    """The tune half's hosts dealt into `folds` groups (a fixed shuffle)."""
    hosts = sorted({e.host for e in examples})
    random.Random(12).shuffle(hosts)
    return [set(hosts[i::folds]) for i in range(folds)]


def cross_validated(
    tune: Sequence[Example], fixtures: Sequence[Example]
) -> tuple[Outcome, Outcome]:
    """Hand-set and fitted on each held-out fold of the tune half, the fit made on the other
    folds and the 96 pages; summed over the folds."""
    hand = Outcome()
    fitted = Outcome()
    for fold in host_folds(tune):
        held = [e for e in tune if e.host in fold]
        rest = [e for e in tune if e.host not in fold]
        weights = fit_weights([*rest, *fixtures])
        hand += outcome(held, HAND_SET)
        fitted += outcome(held, weights)
    return hand, fitted


# ---------------------------------------------------------------------------- printing


def _row(label: str, o: Outcome) -> str:
    precision = o.found / (o.found + o.wrong_name) if o.found + o.wrong_name else 1.0
    recall = o.found / o.findable if o.findable else 1.0
    return (
        f"| {label} | {o.documents} | {o.right} | {o.found}/{o.findable} | {o.wrong_name} "
        f"| {o.missed} | {o.invented} | {precision:.1%} | {recall:.1%} |"
    )


HEADER = (
    "| set, weights | decided documents | right | gold subject chosen | wrong name | missed "
    "| from pages about none | P | R |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
)


def dump(examples: Sequence[Example], split: str, misses_only: bool) -> None:
    if split == "test":
        raise SystemExit("the test half's candidates are never printed: use `fit --test`")
    for example in examples:
        if example.split != split:
            continue
        choice = example.choice
        if choice is None:
            print(f"\n## {example.doc_id} ({example.kind}): the owner was never asked")
            continue
        hand = choose_owner(choice, HAND_SET)
        fitted = choose_owner(choice, FITTED)
        ok_hand = (hand is None and not example.positive) or (
            hand is not None and choice.candidates.index(hand) in example.positive
        )
        ok_fit = (fitted is None and not example.positive) or (
            fitted is not None and choice.candidates.index(fitted) in example.positive
        )
        if misses_only and ok_hand and ok_fit:
            continue
        print(
            f"\n## {example.doc_id} {example.host} ({example.kind}, subject "
            f"{'yes' if example.has_subject else 'no'}, decided {example.decided}, news "
            f"{choice.news_like}): hand {'right' if ok_hand else 'WRONG'}, fitted "
            f"{'right' if ok_fit else 'WRONG'}"
        )
        for index, c in enumerate(choice.candidates):
            mark = "GOLD" if index in example.positive else "    "
            chosen = ("H" if c is hand else " ") + ("F" if c is fitted else " ")
            print(
                f"  {mark} {chosen} {c.score(HAND_SET):>3} {c.score(FITTED):>3}  {c.name!r}  "
                f"{sorted(c.evidence)}{' spells-kind' if c.spells_kind else ''}"
            )


def breakdown(examples: Sequence[Example], weights: OwnerWeights) -> dict[str, int]:
    """Aggregate counts of one set's choices under `weights` (no document named): what kind
    of error each decided document makes, where the gold subject ranks when it is not chosen,
    and which signals the wrongly chosen names carry."""
    counts: dict[str, int] = {}

    def add(key: str) -> None:
        counts[key] = counts.get(key, 0) + 1

    for example in examples:
        if not example.decided or example.choice is None:
            add("not decided by the choice")
            continue
        choice = example.choice
        chosen = choose_owner(choice, weights)
        index = None if chosen is None else choice.candidates.index(chosen)
        ranked = sorted(
            range(len(choice.candidates)),
            key=lambda i: choice.candidates[i].score(weights),
            reverse=True,
        )
        if example.has_subject and example.positive:
            if index is not None and index in example.positive:
                add("gold subject among the candidates: chosen")
                continue
            rank = min(ranked.index(i) for i in example.positive) + 1
            what = "another chosen" if index is not None else "none chosen"
            add(
                f"gold subject among the candidates: {what}, it ranks {min(rank, 3)}{'+' if rank >= 3 else ''}"
            )
        elif example.has_subject:
            add(
                f"gold subject not among the candidates: {'one chosen' if index is not None else 'none chosen'}"
            )
        else:
            add(
                f"no gold subject ({example.kind}): {'one chosen' if index is not None else 'none chosen'}"
            )
        if chosen is not None:
            for signal in sorted(chosen.evidence):
                add(f"signal of a wrongly chosen name: {signal}")
            add(f"wrongly chosen on a page that reads as news: {choice.news_like}")
    return counts


def _breakdown_table(columns: dict[str, dict[str, int]]) -> None:
    keys = sorted({key for counts in columns.values() for key in counts})
    print("| count | " + " | ".join(columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    for key in keys:
        print(f"| {key} | " + " | ".join(str(c.get(key, 0)) for c in columns.values()) + " |")


def _weights_table(fitted: OwnerWeights) -> None:
    print("| signal / threshold | hand-set | fitted |\n| --- | --- | --- |")
    for name in HAND_SET.weights:
        print(f"| {name} | {HAND_SET.weights[name]} | {fitted.weights.get(name, 0)} |")
    for name in THRESHOLD_RANGES:
        print(f"| {name} | {getattr(HAND_SET, name)} | {getattr(fitted, name)} |")


def compare(tune: Sequence[Example], fixtures: Sequence[Example]) -> None:
    """The other fits tried: in-sample on tune and the 96 pages, and cross-validated on tune."""

    def cv(fit: Callable[[Sequence[Example]], OwnerWeights]) -> Outcome:
        total = Outcome()
        for fold in host_folds(tune):
            held = [e for e in tune if e.host in fold]
            total += outcome(held, fit([*[e for e in tune if e.host not in fold], *fixtures]))
        return total

    print("| fit | tune, in-sample | tune, CV | 96 pages |\n| --- | --- | --- | --- |")
    for unit in (1, 2):
        start = replace(
            HAND_SET,
            weights={k: unit if v > 0 else -unit for k, v in HAND_SET.weights.items()},
            **{name: 2 * unit for name in THRESHOLD_RANGES if name != "min_lead"},
            min_lead=unit,
        )
        for gain in (1, 2, 3):

            def search(
                examples: Sequence[Example], s: OwnerWeights = start, g: int = gain
            ) -> OwnerWeights:
                return fit_weights(examples, s, rounds=10, min_gain=g)

            weights = search([*tune, *fixtures])
            print(
                f"| coordinate search from ±{unit}, min gain {gain} | {outcome(tune, weights).right} "
                f"| {cv(search).right} | {outcome(fixtures, weights).right} |"
            )
    for l2 in (0.3, 1.0, 3.0):
        for scale in (1.0, 2.0):

            def logit(
                examples: Sequence[Example], l2: float = l2, scale: float = scale
            ) -> OwnerWeights:
                return fit_logit(examples, l2=l2, scale=scale, steps=800)

            weights = logit([*tune, *fixtures])
            print(
                f"| logistic, L2 {l2}, ×{scale:g} | {outcome(tune, weights).right} "
                f"| {cv(logit).right} | {outcome(fixtures, weights).right} |"
            )


def fresh_report(examples: Sequence[Example], *, with_test: bool, with_cv: bool = False) -> None:
    """`fresh`: each fit counted on the fresh part it was not made with, then made on
    everything but the test half and counted on the tune half, the 96 pages and (with
    `with_test`, counts only) the test half; with `with_cv`, also cross-validated on the
    tune half by host (`FOLDS` folds, each fit made on the other folds, the 96 pages and
    every fresh page)."""
    fresh = [e for e in examples if e.split == "fresh"]
    part_a, part_b = fresh_parts(examples)
    print(
        f"fresh pages: {len(fresh)} with a sure judgement on {len(part_a) + len(part_b)} hosts "
        f"(part A {len(part_a)} hosts, part B {len(part_b)}); decided by the choice: "
        f"{sum(e.decided for e in fresh)}\n"
    )
    print(HEADER)
    for name, on_b, on_a, _, _ in fresh_check(examples, FITS):
        print(_row(f"{name}: fresh B, fitted with A", on_b))
        print(_row(f"{name}: fresh A, fitted with B", on_a))
        print(_row(f"{name}: both held-out parts", on_a + on_b))
    print()
    if with_cv:
        tune_half = [e for e in examples if e.split == "tune"]
        others = [e for e in examples if e.split in ("fixtures", "fresh")]
        print(HEADER)
        for name, fit in FITS.items():
            total = Outcome()
            for fold in host_folds(tune_half):
                rest = [e for e in tune_half if e.host not in fold]
                total += outcome([e for e in tune_half if e.host in fold], fit([*rest, *others]))
            print(_row(f"{name}: tune, {FOLDS}-fold CV by host", total))
        print()
    everything = [e for e in examples if e.split in ("tune", "fixtures", "fresh")]
    tune = [e for e in examples if e.split == "tune"]
    fixtures = [e for e in examples if e.split == "fixtures"]
    doubtful = [e for e in examples if e.split == "fresh?"]
    test = [e for e in examples if e.split == "test"]
    print(HEADER)
    for name, fit in FITS.items():
        weights = fit(everything)
        print(_row(f"{name}, fitted on all three: tune", outcome(tune, weights)))
        print(_row(f"{name}, fitted on all three: 96 pages", outcome(fixtures, weights)))
        print(_row(f"{name}, fitted on all three: fresh (in-sample)", outcome(fresh, weights)))
        print(_row(f"{name}, fitted on all three: fresh, doubted", outcome(doubtful, weights)))
        if with_test:
            print(_row(f"{name}, fitted on all three: test (counts)", outcome(test, weights)))
    print()
    for name in ("search, min gain 3", "steepest, min gain 2", "steepest, min gain 3"):
        print(f"{name}, fitted on all three:")
        _weights_table(FITS[name](everything))
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command", choices=("collect", "dump", "fit", "fresh", "breakdown", "compare")
    )
    parser.add_argument("split", nargs="?", default="tune")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument(
        "--misses", action="store_true", help="dump: only documents either gets wrong"
    )
    parser.add_argument("--test", action="store_true", help="fit: the test half's aggregates too")
    parser.add_argument("--cv", action="store_true", help="fresh: tune-half cross-validation too")
    args = parser.parse_args(argv)
    if args.command == "collect":
        examples = collect(args.shared)
        args.cache.write_bytes(pickle.dumps(examples))
        print(f"{len(examples)} documents -> {args.cache}")
        return 0
    examples = pickle.loads(args.cache.read_bytes())
    if args.command == "dump":
        dump(examples, args.split, args.misses)
        return 0
    if args.command == "breakdown":
        # aggregate counts only, the test half's too
        _breakdown_table(
            {
                split: breakdown([e for e in examples if e.split == split], WEIGHTS)
                for split in ("fixtures", "tune", "fresh", "fresh?", "test")
            }
        )
        return 0
    tune = [e for e in examples if e.split == "tune"]
    fixtures = [e for e in examples if e.split == "fixtures"]
    if args.command == "fresh":
        fresh_report(examples, with_test=args.test, with_cv=args.cv)
        return 0
    if args.command == "compare":
        compare(tune, fixtures)
        return 0
    fitted = fit_weights([*tune, *fixtures])
    _weights_table(fitted)
    print()
    print(HEADER)
    hand_cv, fitted_cv = cross_validated(tune, fixtures)
    print(_row("tune, hand-set", outcome(tune, HAND_SET)))
    print(_row("tune, fitted on tune + 96 (in-sample)", outcome(tune, fitted)))
    print(_row(f"tune, hand-set (the {FOLDS} held-out folds)", hand_cv))
    print(_row(f"tune, fitted without the fold ({FOLDS}-fold CV by host)", fitted_cv))
    print(_row("96 pages, hand-set", outcome(fixtures, HAND_SET)))
    print(_row("96 pages, fitted", outcome(fixtures, fitted)))
    for label, shipped in (
        ("owner_weights.FITTED", FITTED),
        ("page_owner.WEIGHTS, in use", WEIGHTS),
    ):
        print(_row(f"tune, {label}", outcome(tune, shipped)))
        print(_row(f"96 pages, {label}", outcome(fixtures, shipped)))
    if args.test:
        test = [e for e in examples if e.split == "test"]
        print(_row("test, hand-set", outcome(test, HAND_SET)))
        print(_row("test, fitted", outcome(test, fitted)))
        print(_row("test, owner_weights.FITTED", outcome(test, FITTED)))
        print(_row("test, page_owner.WEIGHTS, in use", outcome(test, WEIGHTS)))
    return 0


if __name__ == "__main__":
    # run as the module, so that the cache's examples unpickle under one name
    from benchmarks import owner_choice

    raise SystemExit(owner_choice.main())
