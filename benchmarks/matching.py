"""Benchmark: wsparcie's matcher against Splink 5 on the labelled ER sets.

    .venv/bin/python benchmarks/matching.py ../shared/benchmarks/er-dev
    .venv/bin/python benchmarks/matching.py ../shared/benchmarks/er-scale/1m --splink-em-pairs 5e6
    .venv/bin/python benchmarks/matching.py --train ../shared/benchmarks/er-scale/100k

Each method runs in its own child process (so its peak memory, read from the child's
`ru_maxrss`, is its own), one after the other, from this one command. Both get the same input
file and write `record_id,cluster_id`; the set's `score.py` scores them. Printed per method:
precision, recall, pairwise F1, B-cubed F1, wall time (reading the file to writing the
clusters) and peak memory; for wsparcie also the candidate pairs per blocking rule and the
seconds by phase (read, names, features, blocking, scoring, clustering, review, write).

`--train DIR` refits the pair model on a labelled set (use er-scale/100k, so that er-dev stays
an honest test) and rewrites transforms/er/model_weights.json, keeping its thresholds.

Splink (`pip install 'splink>=5,<6'`) is a benchmark dependency only, configured as a
competent user would: DuckDB backend, cleaned columns, blocking on postal code, phone and
locality + first name token, Jaro-Winkler ladders, u by random sampling, m by EM, clustering
at a match probability threshold (0.95, the best of 0.8/0.95 on er-dev).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _records_path(dataset: Path) -> Path:
    for name in ("records.parquet", "records.csv"):
        if (dataset / name).exists():
            return dataset / name
    raise SystemExit(f"{dataset}: no records.parquet or records.csv")


def _scorer(dataset: Path) -> Any:
    for candidate in (
        dataset / "score.py",
        dataset.parent / "er-dev" / "score.py",
        dataset.parent.parent / "er-dev" / "score.py",
    ):
        if candidate.exists():
            sys.path.insert(0, str(candidate.parent))
            import score  # type: ignore[import-not-found]

            return score
    raise SystemExit(f"{dataset}: cannot find the er-dev score.py")


# ---------------------------------------------------------------------------------------------
# Methods (run in child processes)
# ---------------------------------------------------------------------------------------------


def run_wsparcie(records: str, out: str, queue: Any) -> None:
    from transforms.er.standalone import match_file

    started = time.perf_counter()
    summary = match_file(Path(records), Path(out), threads=2)
    seconds = time.perf_counter() - started
    rules = {c.rule: [c.pairs, c.new_pairs, c.skipped_blocks] for c in summary.rule_counts}
    queue.put(
        {
            "seconds": seconds,
            "peak_mib": _peak_mib(),
            "pairs": summary.pairs_scored,
            "stages": summary.stage_seconds,
            "rules": rules,
            "review": summary.review_cases,
        }
    )


_SPLINK_CLEAN = r"""
CREATE TABLE splink_input AS
WITH r AS (SELECT * FROM read_parquet('{path}'))
SELECT record_id AS unique_id,
  NULLIF(trim(regexp_replace(lower(strip_accents(replace(replace(name, 'ł', 'l'), 'Ł', 'L'))), '[^a-z0-9 ]+', ' ', 'g')), '') AS name,
  NULLIF(split_part(trim(regexp_replace(lower(strip_accents(replace(replace(name, 'ł', 'l'), 'Ł', 'L'))), '[^a-z0-9 ]+', ' ', 'g')),
         ' ', 1), '') AS name_first,
  NULLIF(trim(regexp_replace(lower(strip_accents(replace(replace(street, 'ł', 'l'), 'Ł', 'L'))),
         '^(ul\.?|ulica|al\.?|aleja|pl\.?|plac|os\.?)\s*', '')), '') AS street,
  CASE WHEN length(regexp_replace(postal_code, '\D', '', 'g')) BETWEEN 4 AND 5
       THEN lpad(regexp_replace(postal_code, '\D', '', 'g'), 5, '0') END AS postal_code,
  NULLIF(lower(strip_accents(trim(regexp_replace(replace(replace(locality, 'ł', 'l'), 'Ł', 'L'), '\s*(\(|k\.).*$', '')))), '')
      AS locality,
  NULLIF(right(regexp_replace(split_part(regexp_replace(phone, 'wew.*$', ''), '|', 1),
         '\D', '', 'g'), 9), '') AS phone,
  NULLIF(lower(trim(split_part(email, ',', 1))), '') AS email,
  NULLIF(regexp_replace(lower(website), '^(https?://)?(www\.)?([^/]+).*$', '\3'), '')
      AS website,
  NULLIF(regexp_replace(nip, '\D', '', 'g'), '') AS nip,
  NULLIF(left(regexp_replace(regon, '\D', '', 'g'), 9), '') AS regon
FROM r
"""


def run_splink(records: str, out: str, em_pairs: float, threshold: float, queue: Any) -> None:
    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET threads = 2")
    source = records if records.endswith(".parquet") else records
    reader = "read_parquet" if source.endswith(".parquet") else "read_csv_auto"
    con.execute(_SPLINK_CLEAN.replace("read_parquet('{path}')", f"{reader}('{source}')"))
    db_api = DuckDBAPI(con)
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("postal_code"),
            block_on("phone"),
            block_on("locality", "name_first"),
        ],
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.95, 0.88, 0.8]),
            cl.ExactMatch("postal_code"),
            cl.JaroWinklerAtThresholds("locality", [0.95, 0.88]),
            cl.JaroWinklerAtThresholds("street", [0.95, 0.88]),
            cl.ExactMatch("phone"),
            cl.ExactMatch("email"),
            cl.ExactMatch("website"),
            cl.ExactMatch("nip"),
            cl.ExactMatch("regon"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    sdf = db_api.register("splink_input")
    linker = Linker(sdf, settings, log_level=30)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("nip"), block_on("regon"), block_on("phone", "postal_code")], recall=0.6
    )
    counted = con.execute("SELECT count(*) FROM splink_input").fetchone()
    n_records = int(counted[0]) if counted else 0
    # Splink's EM pair sampling finds no pairs on small inputs; cap only large ones.
    em_cap = em_pairs if n_records > 200_000 else None
    linker.training.estimate_u_using_random_sampling(max_pairs=em_pairs, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("postal_code"), max_pairs=em_cap, record_sample_proportion=1.0
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("phone"), max_pairs=em_cap, record_sample_proportion=1.0
    )
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    )
    con.execute(
        f"COPY (SELECT unique_id AS record_id, cluster_id FROM {clusters.physical_name}) "
        f"TO '{out}' (HEADER, DELIMITER ',')"
    )
    seconds = time.perf_counter() - started
    queue.put({"seconds": seconds, "peak_mib": _peak_mib()})


def _peak_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _in_child(target: Any, *args: Any) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=target, args=(*args, queue))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise SystemExit(f"{target.__name__} failed with exit code {process.exitcode}")
    result: dict[str, Any] = queue.get()
    return result


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------


def _labelled_levels(dataset: Path) -> tuple[dict[str, Any], Any]:
    """Levels and labels of every candidate pair of one labelled set."""
    import duckdb
    import numpy as np

    from transforms.er.blocking import block
    from transforms.er.features import build_features_from_raw
    from transforms.er.ladders import LADDERS, compare_pairs
    from transforms.er.standalone import load_records_file

    con = duckdb.connect()
    load_records_file(con, _records_path(dataset))
    build_features_from_raw(con, "er_input")
    block(con)
    truth = dataset / "truth.parquet"
    entity = dict(
        con.execute(
            f"SELECT f.rid, t.entity_id FROM er_features f "
            f"JOIN read_parquet('{truth}') t USING (record_id)"
        ).fetchall()
    )
    entities = np.array([entity[i] for i in range(len(entity))])
    parts: dict[str, list[Any]] = {ladder.field: [] for ladder in LADDERS}
    lefts, rights = [], []
    for chunk in compare_pairs(con):
        for field, values in chunk.levels.items():
            parts[field].append(values)
        lefts.append(chunk.left)
        rights.append(chunk.right)
    levels = {field: np.concatenate(values) for field, values in parts.items()}
    left, right = np.concatenate(lefts), np.concatenate(rights)
    con.close()
    return levels, entities[left] == entities[right]


def train(datasets: list[Path]) -> None:
    """Refit the weights on the candidate pairs of all `datasets` together."""
    import numpy as np

    from transforms.er.ladders import LADDERS
    from transforms.er.model import WEIGHTS_PATH, Thresholds, fit_model

    all_levels: dict[str, list[Any]] = {ladder.field: [] for ladder in LADDERS}
    all_labels = []
    for dataset in datasets:
        levels, labels = _labelled_levels(dataset)
        for field, values in levels.items():
            all_levels[field].append(values)
        all_labels.append(labels)
        print(f"{dataset}: {len(labels)} candidate pairs, {int(labels.sum())} true", flush=True)
    levels = {field: np.concatenate(values) for field, values in all_levels.items()}
    labels = np.concatenate(all_labels)
    # The old file may not parse (a ladder gained a level): only its thresholds are kept.
    old = json.loads(WEIGHTS_PATH.read_text("utf-8"))["thresholds"]
    thresholds = Thresholds(old["match"], old["review"], old["cannot_link"])
    model = fit_model(levels, labels, thresholds)
    data = json.loads(model.to_json())
    names = " + ".join(
        d.name if d.name not in ("tune", "test") else f"er_hard/{d.name}" for d in datasets
    )
    data["_about"] = (
        f"Logistic weights (log-odds per ladder level) fitted on {names} "
        f"({len(labels)} candidate pairs, {int(labels.sum())} true). "
        "Regenerate: benchmarks/matching.py --train DIR [DIR ...]"
    )
    WEIGHTS_PATH.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {WEIGHTS_PATH} from {len(labels)} pairs ({int(labels.sum())} true)")


# ---------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dataset", type=Path, nargs="+")
    parser.add_argument("--train", action="store_true", help="refit the model weights on DIR")
    parser.add_argument("--skip-splink", action="store_true")
    parser.add_argument("--splink-threshold", type=float, default=0.95)
    parser.add_argument("--splink-em-pairs", type=float, default=5e6)
    args = parser.parse_args()
    if args.train:
        train([d.resolve() for d in args.dataset])
        return
    dataset: Path = args.dataset[0].resolve()
    scorer = _scorer(dataset)
    records = _records_path(dataset)
    import pandas as pd

    truth = pd.read_parquet(dataset / "truth.parquet")
    methods: list[tuple[str, Any, tuple[Any, ...]]] = [("wsparcie", run_wsparcie, ())]
    if not args.skip_splink:
        methods.append(("splink", run_splink, (args.splink_em_pairs, args.splink_threshold)))
    with tempfile.TemporaryDirectory() as tmp:
        for label, target, extra in methods:
            out = str(Path(tmp) / f"{label}.csv")
            info = _in_child(target, str(records), out, *extra)
            result = scorer.score(pd.read_csv(out, dtype=str), truth)
            print(
                f"{label:9s} P={result['precision']:.4f} R={result['recall']:.4f} "
                f"F1={result['f1']:.4f} B3_F1={result['b3_f1']:.4f} "
                f"time={info['seconds']:.1f}s peak={info['peak_mib']:.0f}MiB "
                f"records={result['records']} clusters={result['clusters']}",
                flush=True,
            )
            if "rules" in info:
                print(
                    f"          candidate pairs={info['pairs']} review cases={info['review']} "
                    f"rules(pairs,new,skipped blocks)={info['rules']}",
                    flush=True,
                )
                print(f"          seconds by phase: {info['stages']}", flush=True)


if __name__ == "__main__":
    main()
