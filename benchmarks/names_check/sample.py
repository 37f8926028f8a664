"""Draw the blind names check: 150 published institutions at random (seeded), with what
identifies each but not the name the directory publishes.

    .venv/bin/python benchmarks/names_check/sample.py --run /tmp/real/run [--size 150] [--seed 15]
        [--exclude EARLIER_SAMPLE.csv --out sample2.csv]

`--run` is the folder benchmarks/real_catalogue.py leaves (`directory.duckdb` and
`out/dane/instytucje.csv`). Writes `sample.csv` beside this script: institution id, type,
locality, postal code, street, gmina and powiat, the sources' slugs and URLs, and the names as
the sources wrote them (raw, before any normalisation). An annotator who never sees the
publication finds each institution's official name (courts' and RJPS registries where they
exist, the institution's own pages otherwise) and writes `official.csv`; `compare.py` then
compares. See README.md.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
COLUMNS = (
    "institution_id", "type", "type_label", "locality", "postal_code", "street", "gmina",
    "gmina_teryt", "powiat", "powiat_teryt", "sources", "urls", "names_as_written",
)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", type=Path, required=True, help="a real_catalogue.py run folder")
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--seed", type=int, default=15)  # issue 15
    parser.add_argument("--out", type=Path, default=HERE / "sample.csv")
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[],
        help="an earlier sample.csv whose institutions stay out (a second check is a new sample)",
    )  # fmt: skip
    args = parser.parse_args()
    excluded: set[str] = set()
    for earlier in args.exclude:
        with earlier.open(encoding="utf-8") as handle:
            excluded |= {row["institution_id"] for row in csv.DictReader(handle)}
    with (args.run / "out" / "dane" / "instytucje.csv").open(encoding="utf-8") as handle:
        published = {
            row["institution_id"]: row
            for row in csv.DictReader(handle)
            if row["institution_id"] not in excluded
        }
    chosen = random.Random(args.seed).sample(sorted(published), args.size)
    with duckdb.connect(str(args.run / "directory.duckdb"), read_only=True) as con:
        raw = con.execute(
            """
            SELECT m.institution_id, list(DISTINCT w.source ORDER BY w.source),
                   list(DISTINCT w.url ORDER BY w.url),
                   list(DISTINCT regexp_replace(trim(w.name_raw), '\\s+', ' ', 'g')
                        ORDER BY regexp_replace(trim(w.name_raw), '\\s+', ' ', 'g'))
            FROM institution_records AS m JOIN raw_records AS w USING (record_id)
            WHERE list_contains(?, m.institution_id)
            GROUP BY m.institution_id
            """,
            [chosen],
        ).fetchall()
    by_id = {str(r[0]): r for r in raw}
    rows = []
    for institution_id in sorted(chosen):
        p = published[institution_id]
        _id, sources, urls, names = by_id[institution_id]
        rows.append(
            {
                "institution_id": institution_id,
                "type": p["type"],
                "type_label": p["type_label"],
                "locality": p["locality"],
                "postal_code": p["postal_code"],
                "street": p["street"],
                "gmina": p["gmina"],
                "gmina_teryt": p["gmina_teryt"],
                "powiat": p["powiat"],
                "powiat_teryt": p["powiat_teryt"],
                "sources": "; ".join(sources),
                "urls": "; ".join(urls),
                "names_as_written": " | ".join(names),
            }
        )
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} institutions (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
