"""Splink 5 on the labelled ER sets, as a competent user and as an expert in Polish data.

A benchmark dependency only (`pip install 'splink>=5,<6'`). Both configurations read the
same file as wsparcie and write `record_id,cluster_id`; their wall time counts from reading
the file to writing the clusters, like wsparcie's.

- `competent`: cleaned columns (lower case, ASCII-folded, postal code digits, first phone),
  blocking on postal code, phone and locality + first name token, Jaro-Winkler ladders on
  name, locality and street, exact ladders on the rest, u by random sampling, m by EM on
  postal code and on phone, clustering at 0.95 (the best of 0.8/0.95 on er-dev).
- `expert`: as issue 16 describes it: the name as Morfeusz lemmas (the project's
  `transforms.name_morphology.key_lemma`, cached per word, inside the timed run), NIP, REGON and the
  website host, term-frequency adjustments on the lemmatised name, the postal code and the
  locality, blocking also on NIP, REGON and e-mail.
"""

from __future__ import annotations

import resource
import time
from typing import Any

_CLEAN = r"""
CREATE TABLE splink_input AS
WITH r AS (SELECT * FROM {reader})
SELECT record_id AS unique_id,
  NULLIF(trim(regexp_replace(lower(strip_accents(replace(replace(name, 'ł', 'l'), 'Ł', 'L'))), '[^a-z0-9 ]+', ' ', 'g')), '') AS name,
  NULLIF(split_part(trim(regexp_replace(lower(strip_accents(replace(replace(name, 'ł', 'l'), 'Ł', 'L'))), '[^a-z0-9 ]+', ' ', 'g')),
         ' ', 1), '') AS name_first,
  name AS name_raw,
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
"""  # noqa: E501


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _lemmatise(con: Any) -> None:
    """Add `name_lemma`: every word of the name as its Morfeusz lemma (cached per word)."""
    import re
    from functools import lru_cache

    import pandas as pd

    from transforms.name_morphology import key_lemma

    @lru_cache(maxsize=500_000)
    def lemma(word: str) -> str:
        return key_lemma(word) if word.isalpha() else word.lower()

    names = [r[0] for r in con.execute("SELECT DISTINCT name_raw FROM splink_input").fetchall()]
    lemmas = [" ".join(lemma(w) for w in re.findall(r"[^\W_]+", n)) if n else None for n in names]
    con.register("splink_lemmas", pd.DataFrame({"name_raw": names, "name_lemma": lemmas}))
    con.execute(
        """
        CREATE OR REPLACE TABLE splink_input AS
        SELECT i.*, NULLIF(l.name_lemma, '') AS name_lemma
        FROM splink_input i LEFT JOIN splink_lemmas l USING (name_raw)
        """
    )
    con.unregister("splink_lemmas")


def run_splink(
    records: str, out: str, config: str, em_pairs: float, threshold: float, queue: Any
) -> None:
    """Run one configuration in this (child) process and put its timing on `queue`."""
    import duckdb
    import splink.comparison_library as cl
    from matching_eval import cpu_seconds
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started = time.perf_counter()
    cpu_started = cpu_seconds()
    con = duckdb.connect()
    con.execute("SET threads = 2")
    reader = (
        f"read_parquet('{records}')"
        if records.endswith(".parquet")
        else (f"read_csv_auto('{records}', all_varchar = true)")
    )
    con.execute(_CLEAN.replace("{reader}", reader))
    blocking = [block_on("postal_code"), block_on("phone"), block_on("locality", "name_first")]
    if config == "expert":
        _lemmatise(con)
        name = cl.JaroWinklerAtThresholds("name_lemma", [0.95, 0.88, 0.8]).configure(
            term_frequency_adjustments=True
        )
        postal = cl.ExactMatch("postal_code").configure(term_frequency_adjustments=True)
        locality = cl.JaroWinklerAtThresholds("locality", [0.95, 0.88]).configure(
            term_frequency_adjustments=True
        )
        blocking += [block_on("nip"), block_on("regon"), block_on("email")]
    else:
        name = cl.JaroWinklerAtThresholds("name", [0.95, 0.88, 0.8])
        postal = cl.ExactMatch("postal_code")
        locality = cl.JaroWinklerAtThresholds("locality", [0.95, 0.88])
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=blocking,
        comparisons=[
            name,
            postal,
            locality,
            cl.JaroWinklerAtThresholds("street", [0.95, 0.88]),
            cl.ExactMatch("phone"),
            cl.ExactMatch("email"),
            cl.ExactMatch("website"),
            cl.ExactMatch("nip"),
            cl.ExactMatch("regon"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI(con)
    linker = Linker(db_api.register("splink_input"), settings, log_level=30)
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
    queue.put(
        {
            "seconds": time.perf_counter() - started,
            "cpu_s": cpu_seconds() - cpu_started,
            "peak_mib": _peak_mib(),
        }
    )
