"""The pair model: a logistic regression over the ladder levels, and its shipped weights.

Each level of each ladder has one weight (log-odds, like a Fellegi–Sunter match weight), so a
pair's score is `intercept + sum of its levels' weights`, readable level by level. The weights
are learned from labelled pairs (`fit_model`, run by `benchmarks/matching.py --train` on
er-scale/100k and the hard set's `tune` part, never on er-dev or the hard `test` part) and
shipped as `model_weights.json`; the thresholds (auto-match, review, cannot-link) are chosen
on the `tune` part and stored in the same file. Runtime needs only the JSON.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from transforms.er.ladders import CORE_CONFLICT, LADDERS, Levels

NUMBER_DIFFERENT = 3  # level of the `number` ladder
ACRONYM_GUESSED = 1  # level of the `acronym` ladder
POSTAL_DIFFERENT = 4  # level of the `postal` ladder: another postal area
NIP_DIFFERENT = 2
PATRON_DIFFERENT = 3
PROPER_DIFFERENT = 3
STREET_DIFFERENT = 4
SOURCE_SAME = 1
WEIGHTS_PATH = Path(__file__).with_name("model_weights.json")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Probabilities: >= `match` joins automatically, [`review`, `match`) goes to a coordinator,
    below `review` is a non-match; below `cannot_link` a pair may never end in one cluster.

    A join that no contact supports (a mention's, or one between records whose contacts share
    none: `contact_agreement`) is made from `match_without_contact` up: clustering makes such
    a join only to a clear best that no namesake competes with (`cluster`), so it may start
    lower than a join a phone or an address vouches for. Unset, it is `match`."""

    match: float
    review: float
    cannot_link: float
    match_without_contact: float | None = None

    @property
    def loose_match(self) -> float:
        """The threshold of a join no contact supports (`match` when unset)."""
        return self.match if self.match_without_contact is None else self.match_without_contact

    @property
    def lowest_match(self) -> float:
        """The lowest probability that may join: a doubt stays below it."""
        return min(self.match, self.loose_match)

    def joins(
        self, probability: npt.NDArray[np.float64], agree: npt.NDArray[np.bool_]
    ) -> npt.NDArray[np.bool_]:
        """Which pairs join, by their probability and whether a contact of theirs agrees."""
        joined: npt.NDArray[np.bool_] = probability >= np.where(agree, self.match, self.loose_match)
        return joined

    def joins_sql(self, probability: str, agree: str) -> str:
        """`joins` as an SQL condition over the columns `probability` and `agree`."""
        return f"({probability} >= CASE WHEN {agree} THEN {self.match} ELSE {self.loose_match} END)"


@dataclass(frozen=True, slots=True)
class PairModel:
    intercept: float
    weights: Mapping[str, tuple[float, ...]]  # field -> weight per level (level order of LADDERS)
    thresholds: Thresholds

    def log_odds(self, levels: Levels) -> npt.NDArray[np.float64]:
        n = len(next(iter(levels.values())))
        total = np.full(n, self.intercept, dtype=np.float64)
        for field, table in self.weights.items():
            total += np.asarray(table, dtype=np.float64)[levels[field].astype(np.intp)]
        return total

    def probability(self, levels: Levels) -> npt.NDArray[np.float64]:
        """Match probability, with the rules a weight cannot express.

        Vetoes, whatever else agrees: different numbers ("nr 1" / "nr 2": siblings share
        buildings, phones and patrons), conflicting level words in the type phrase ("Sąd
        Rejonowy" / "Sąd Okręgowy", "Gminny" / "Miejski" OPS). And with no contact or
        identifier in common: postal codes of different areas (the namesakes of another
        region: "OSP w Bobrownikach", 42-583 and 87-617), two different patrons or two
        different quoted names (two schools, two clubs of one village), or two streets in
        one source (a list's two rows "Dom Pomocy Społecznej w Kutnie", ul. Krzywoustego 11
        and ul. Oporowska 27: a list gives one institution one address).

        Doubts, that go no higher than the review band for a coordinator to settle: a type
        phrase read from a misspelt acronym ("MGPS") unless the type, the place and a contact
        agree too; two different valid NIPs unless a contact or another identifier agrees
        (a unit is often listed with its gmina's NIP, but two NIPs may be two bodies)."""
        p = _sigmoid(self.log_odds(levels))
        tied = _contact_agrees(levels)
        veto = (
            (levels["number"] == NUMBER_DIFFERENT)
            | (levels["core"] == CORE_CONFLICT)
            | (
                (
                    (levels["postal"] == POSTAL_DIFFERENT)
                    | (levels["patron"] == PATRON_DIFFERENT)
                    | (levels["proper"] == PROPER_DIFFERENT)
                    | ((levels["source"] == SOURCE_SAME) & (levels["street"] == STREET_DIFFERENT))
                )
                & ~tied
            )
        )
        p[veto] = 0.0
        guess = (levels["acronym"] == ACRONYM_GUESSED) & ~(
            (levels["type"] == 1) & (levels["place"] == 1) & (tied | (levels["nip"] == 1))
        )
        doubt = guess | ((levels["nip"] == NIP_DIFFERENT) & ~tied)
        p[doubt] = np.minimum(p[doubt], np.nextafter(self.thresholds.lowest_match, 0))
        return p

    def explain(self, levels: Mapping[str, int]) -> list[tuple[str, str, float]]:
        """(field, level name, weight) for one pair, strongest evidence first."""
        rows = []
        for ladder in LADDERS:
            level = int(levels[ladder.field])
            rows.append((ladder.field, ladder.levels[level], self.weights[ladder.field][level]))
        return sorted(rows, key=lambda row: -abs(row[2]))

    def to_json(self) -> str:
        return json.dumps(
            {
                "intercept": round(self.intercept, 4),
                "weights": {
                    ladder.field: {
                        name: round(self.weights[ladder.field][i], 4)
                        for i, name in enumerate(ladder.levels)
                    }
                    for ladder in LADDERS
                },
                "thresholds": {
                    "match": self.thresholds.match,
                    "review": self.thresholds.review,
                    "cannot_link": self.thresholds.cannot_link,
                    **(
                        {}
                        if self.thresholds.match_without_contact is None
                        else {"match_without_contact": self.thresholds.match_without_contact}
                    ),
                },
            },
            indent=1,
            ensure_ascii=False,
        )


def _contact_agrees(levels: Levels) -> npt.NDArray[np.bool_]:
    """A phone, e-mail address, website, REGON or street address in common."""
    agrees: npt.NDArray[np.bool_] = (
        (levels["phone"] == 1)
        | (levels["phone"] == 2)
        | (levels["email"] == 1)
        | (levels["website"] == 1)
        | (levels["regon"] == 1)
        | ((levels["street"] == 1) & ((levels["postal"] == 1) | (levels["place"] == 1)))
    )
    return agrees


def contact_agreement(levels: Levels) -> npt.NDArray[np.bool_]:
    """A contact was compared and agrees: a phone, an e-mail address, a website host, a NIP
    or REGON, or a street and house number at the same postal code or place (a postal code
    alone is a place; "ul. Traugutta 20" in two villages is two addresses). A pair without it
    rests on name, type and place, as a mention's does (`cluster`)."""
    agrees: npt.NDArray[np.bool_] = (
        (levels["phone"] == 1)
        | (levels["phone"] == 2)
        | (levels["email"] == 1)
        | (levels["website"] == 1)
        | (levels["nip"] == 1)
        | (levels["regon"] == 1)
        | ((levels["street"] == 1) & ((levels["postal"] == 1) | (levels["place"] == 1)))
    )
    return agrees


def _sigmoid(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(x, -40, 40)))
    return out


def model_from_json(text: str, source: str = "model weights") -> PairModel:
    """Parse a weights file; names the file and the missing part when it is malformed."""
    try:
        data = json.loads(text)
        weights: dict[str, tuple[float, ...]] = {}
        for ladder in LADDERS:
            table = data["weights"][ladder.field]
            weights[ladder.field] = tuple(float(table[name]) for name in ladder.levels)
        th = data["thresholds"]
        loose = th.get("match_without_contact")
        thresholds = Thresholds(
            float(th["match"]),
            float(th["review"]),
            float(th["cannot_link"]),
            None if loose is None else float(loose),
        )
        return PairModel(float(data["intercept"]), weights, thresholds)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{source}: not a valid matcher weights file ({exc!r})") from exc


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS_PATH) -> PairModel:
    if not path.exists():
        raise FileNotFoundError(f"matcher weights not found: {path}")
    return model_from_json(path.read_text(encoding="utf-8"), str(path))


def fit_model(
    levels: Levels,
    labels: npt.NDArray[np.bool_],
    thresholds: Thresholds,
    *,
    l2: float = 1.0,
    iterations: int = 30,
) -> PairModel:
    """Logistic regression (Newton / IRLS with an L2 penalty) over one-hot ladder levels.

    Level 0 of every ladder is the reference (weight 0), so the weights of the other levels
    say how much more or less likely a match is than when the value is missing.
    """
    columns: list[tuple[str, int]] = [
        (ladder.field, level) for ladder in LADDERS for level in range(1, len(ladder.levels))
    ]
    n = len(labels)
    x = np.zeros((n, len(columns) + 1), dtype=np.float64)
    x[:, 0] = 1.0
    for j, (field, level) in enumerate(columns, start=1):
        x[:, j] = levels[field] == level
    y = labels.astype(np.float64)
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = _sigmoid(x @ beta)
        w = p * (1 - p)
        gradient = x.T @ (y - p) - penalty * beta
        hessian = (x * w[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if float(np.max(np.abs(step))) < 1e-6:
            break
    weights: dict[str, list[float]] = {
        ladder.field: [0.0] * len(ladder.levels) for ladder in LADDERS
    }
    for j, (field, level) in enumerate(columns, start=1):
        weights[field][level] = float(beta[j])
    return PairModel(float(beta[0]), {f: tuple(w) for f, w in weights.items()}, thresholds)


def logit(p: float) -> float:
    return math.log(p / (1 - p))
