"""The matcher's missed and false pairs on a labelled set, by kind, to look at.

    .venv/bin/python benchmarks/matching_misses.py 100k                 # counts + samples
    .venv/bin/python benchmarks/matching_misses.py hard-tune --samples 40
    .venv/bin/python benchmarks/matching_misses.py hard-test --counts-only

Runs the matcher in this process (features, blocking, scoring, clustering with the shipped
weights), then sorts every true pair the clusters keep apart by why:

- `not proposed`: no blocking rule made it a candidate pair;
- `veto: …`: the model's rules set it to 0 (different numbers, conflicting level words,
  another postal area / patron / quoted name with no contact in common);
- `doubt`: held below the match threshold (a misspelt acronym, two NIPs);
- `review` / `low`: scored in the review band or below it;
- `matched, kept apart`: scored to join, but a cannot-link in its component refused it;

and, within each, by the kind of the pair: whether a record has nothing but a name and a
locality (`bare`), the records' type, whether their type phrases are equal. False pairs (two
entities in one cluster) are counted by whether the pair itself scored to join (`direct`) or
only a chain through other records put it there.

Samples (records as written, with each ladder's level) are printed only for the sets one may
tune on (`100k`, `hard-tune`): on er-dev, the hard test part and 1m only the counts are
printed (`--counts-only` is forced), so no one looks at the pairs of an evaluation set.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(HERE)]

from matching import SETS  # noqa: E402  (the sets the benchmark knows, by name)

TUNABLE = frozenset({"100k", "hard-tune"})
_CONTACT_COLUMNS = ("street", "postal_code", "phone", "email", "website", "nip", "regon")


def _why(levels: dict[str, Any], p: float, match: float, review: float) -> str:
    """Why one scored pair did not join on its own (the model's rules, in its order)."""
    from transforms.er.model import (
        NUMBER_DIFFERENT,
        PATRON_DIFFERENT,
        POSTAL_DIFFERENT,
        PROPER_DIFFERENT,
    )

    if levels["number"] == NUMBER_DIFFERENT:
        return "veto: number"
    if levels["core"] == 7:
        return "veto: level words"
    if p == 0.0:
        if levels["postal"] == POSTAL_DIFFERENT:
            return "veto: postal area"
        if levels["patron"] == PATRON_DIFFERENT:
            return "veto: patron"
        if levels["proper"] == PROPER_DIFFERENT:
            return "veto: quoted name"
    if p >= match:
        return "matched, kept apart"
    if p >= review:
        return "review"
    return "low"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("set", help="100k, hard-tune (samples) or er-dev, hard-test, 1m")
    parser.add_argument("--samples", type=int, default=25, help="pairs shown per kind")
    parser.add_argument("--counts-only", action="store_true")
    parser.add_argument("--kind", default="", help="show samples of kinds containing this")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    counts_only = args.counts_only or args.set not in TUNABLE
    dataset = SETS.get(args.set, Path(args.set))

    import duckdb
    import numpy as np
    import pandas as pd

    from transforms.er.codes import encode_records
    from transforms.er.features import build_features_from_raw
    from transforms.er.ladders import LADDERS, compare
    from transforms.er.model import load_model
    from transforms.er.resolve import resolve_features
    from transforms.er.standalone import load_records_file

    con = duckdb.connect()
    load_records_file(con, dataset / "records.parquet")
    build_features_from_raw(con, "er_input")
    model = load_model()
    th = model.thresholds
    result = resolve_features(con, model=model)
    feats = con.execute("SELECT rid, record_id, type_code, core FROM er_features ORDER BY rid").df()
    rid_of = dict(zip(feats["record_id"], feats["rid"], strict=True))
    raw = con.execute("SELECT * FROM er_input").df().set_index("record_id")
    bare = raw[list(_CONTACT_COLUMNS)].isna().all(axis=1)
    truth = pd.read_parquet(dataset / "truth.parquet")
    entity = dict(zip(truth["record_id"], truth["entity_id"], strict=True))
    cluster = result.clusters

    # True pairs, as rid arrays.
    lefts: list[int] = []
    rights: list[int] = []
    for _entity, members in truth.groupby("entity_id")["record_id"]:
        rids = sorted(rid_of[m] for m in members)
        for i, a in enumerate(rids):
            for b in rids[i + 1 :]:
                lefts.append(a)
                rights.append(b)
    left = np.array(lefts, dtype=np.int32)
    right = np.array(rights, dtype=np.int32)
    ids = feats["record_id"].to_numpy()
    clusters = np.array([cluster[i] for i in ids])
    missed = np.flatnonzero(clusters[left] != clusters[right])
    pairs = con.execute("SELECT l, r FROM er_pairs").df()
    proposed = set(zip(pairs["l"].tolist(), pairs["r"].tolist(), strict=True))
    codes = encode_records(con)
    ml, mr = left[missed], right[missed]
    levels = compare(codes, ml, mr)
    prob = model.probability(levels)
    types = feats["type_code"].to_numpy()
    cores = feats["core"].to_numpy()
    is_bare = bare.reindex(ids).fillna(False).to_numpy()

    kinds: Counter[str] = Counter()
    examples: dict[str, list[int]] = {}
    for k in range(len(ml)):
        a, b = int(ml[k]), int(mr[k])
        if (a, b) not in proposed:
            why = "not proposed"
        else:
            why = _why(
                {f: int(v[k]) for f, v in levels.items()}, float(prob[k]), th.match, th.review
            )
        shape = "bare" if is_bare[a] or is_bare[b] else "contacts"
        same_core = "same core" if cores[a] == cores[b] and cores[a] else "other core"
        kind = f"{why} | {shape} | {types[a]}/{types[b]} | {same_core}"
        kinds[kind] += 1
        examples.setdefault(kind, []).append(k)
    total = len(left)
    from matching_eval import scorer

    scores = scorer(dataset).score(pd.DataFrame({"record_id": ids, "cluster_id": clusters}), truth)
    print(
        f"== {args.set}: P={scores['precision']:.4f} R={scores['recall']:.4f} "
        f"F1={scores['f1']:.4f}; {total} true pairs, {len(missed)} missed "
        f"({len(missed) / total:.2%})"
    )
    by_why: Counter[str] = Counter()
    for kind, n in kinds.items():
        by_why[kind.split(" | ")[0] + " | " + kind.split(" | ")[1]] += n
    for kind, n in by_why.most_common():
        print(f"{n:8d}  {kind}")
    print("-- by why | shape | types | core")
    for kind, n in kinds.most_common(40):
        print(f"{n:8d}  {kind}")

    # False pairs: records of two entities in one cluster.
    frame = pd.DataFrame({"record_id": ids, "cluster": clusters})
    frame["entity"] = frame["record_id"].map(entity)
    false_total = 0
    sizes = frame.groupby(["cluster", "entity"]).size().reset_index(name="n")
    for _c, group in sizes.groupby("cluster"):
        if len(group) > 1:
            n = group["n"].to_numpy()
            false_total += int((n.sum() ** 2 - (n**2).sum()) // 2)
    scored = con.execute(
        "SELECT s.l, s.r, s.probability FROM er_scored_pairs s WHERE s.band = 'match'"
    ).df()
    ent = np.array([entity[i] for i in ids])
    direct = scored[ent[scored["l"]] != ent[scored["r"]]]
    direct = direct[clusters[direct["l"]] == clusters[direct["r"]]]
    print(f"-- false pairs in clusters: {false_total}; scored to join directly: {len(direct)}")
    false_kinds: Counter[str] = Counter()
    for a, b in zip(direct["l"].tolist(), direct["r"].tolist(), strict=True):
        shape = "bare" if is_bare[a] or is_bare[b] else "contacts"
        false_kinds[f"{shape} | {types[a]}/{types[b]}"] += 1
    for kind, n in false_kinds.most_common(15):
        print(f"{n:8d}  {kind}")
    if counts_only:
        return

    rng = random.Random(args.seed)
    columns = ["name", "locality", "postal_code", "street", "phone", "email", "source"]

    def show(a: int, b: int, level_row: dict[str, int], p: float) -> None:
        for rid in (a, b):
            row = raw.loc[ids[rid]]
            cells = " · ".join(str(row[c]) for c in columns if isinstance(row[c], str))
            print(f"    {ids[rid]} {cells}")
        notable = {
            ladder.field: ladder.levels[level_row[ladder.field]]
            for ladder in LADDERS
            if level_row[ladder.field] != 0
        }
        print(f"    p={p:.3f} {notable}")

    for kind, n in kinds.most_common():
        if args.kind and args.kind not in kind:
            continue
        print(f"\n## {kind} ({n})")
        picked = examples[kind]
        for k in rng.sample(picked, min(args.samples, len(picked))):
            show(int(ml[k]), int(mr[k]), {f: int(v[k]) for f, v in levels.items()}, float(prob[k]))
    if not args.kind or "false" in args.kind:
        print(f"\n## false pairs scored to join ({len(direct)})")
        rows = direct.sample(min(args.samples, len(direct)), random_state=args.seed)
        dl = rows["l"].to_numpy(np.int32)
        dr = rows["r"].to_numpy(np.int32)
        flevels = compare(codes, dl, dr)
        fprob = model.probability(flevels)
        for k in range(len(dl)):
            show(
                int(dl[k]), int(dr[k]), {f: int(v[k]) for f, v in flevels.items()}, float(fprob[k])
            )


if __name__ == "__main__":
    main()
