"""Benchmark: size and load time of the national gazetteer shipped with the package.

    flock /work/bench.lock .venv/bin/python benchmarks/gazetteer.py [--repeat 5]

Times, each the median of --repeat runs in this process (the first run also pays for
DuckDB's and Python's caches warming up; the minimum is shown beside the median):

- shipped Parquet -> rows: `read_gazetteer_rows` over views of warehouse/data/gazetteer/;
- rows -> Gazetteer: `Gazetteer.from_rows` (the in-memory indexes);
- shipped total: `gazetteer_from_files`, what `default_gazetteer()` costs once a process;
- the national CSV files -> rows: `load_gazetteer` into an in-memory DuckDB, then the same
  reader (what a first use would cost without the shipped copy);
- the same five tables as gzip CSV instead of zstd Parquet: size and the read into rows,
  which is why the shipped copy is Parquet.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from transforms.places import Gazetteer, GazetteerRows  # noqa: E402
from warehouse.gazetteer import load_gazetteer  # noqa: E402
from warehouse.gazetteer_rows import read_gazetteer_rows  # noqa: E402
from warehouse.national_gazetteer import (  # noqa: E402
    SHIPPED_DIR,
    TABLES,
    gazetteer_from_files,
    open_gazetteer_files,
)

DATA = ROOT.parent / "shared" / "data"


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, minimum) seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def read_shipped() -> GazetteerRows:
    con = open_gazetteer_files(SHIPPED_DIR)
    try:
        return read_gazetteer_rows(con)
    finally:
        con.close()


def read_national_csv() -> object:
    con = duckdb.connect()
    try:
        load_gazetteer(
            con,
            terc=DATA / "teryt" / "TERC_Adresowy_2026-02-16.csv",
            simc=DATA / "teryt" / "SIMC_Urzedowy_2020-09-26.csv",
            pna=DATA / "postal_codes" / "pna_2024_miejscowosci.csv",
        )
        return read_gazetteer_rows(con)
    finally:
        con.close()


def write_gzip_csv(folder: Path) -> int:
    con = open_gazetteer_files(SHIPPED_DIR)
    try:
        for name, (table, _columns) in TABLES.items():
            con.execute(
                f"COPY {table} TO '{folder / (name + '.csv.gz')}' (HEADER, COMPRESSION gzip)"
            )
    finally:
        con.close()
    return sum(p.stat().st_size for p in folder.glob("*.csv.gz"))


def read_gzip_csv(folder: Path) -> object:
    con = duckdb.connect()
    try:
        for name, (table, columns) in TABLES.items():
            # codes stay text (all_varchar); is_city is the one column that is not
            select = columns.replace("is_city", "is_city::BOOLEAN AS is_city")
            con.execute(
                f"CREATE VIEW {table} AS SELECT {select} FROM read_csv("
                f"'{folder / (name + '.csv.gz')}', header=true, all_varchar=true)"
            )
        return read_gazetteer_rows(con)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = {p.name: p.stat().st_size for p in sorted(SHIPPED_DIR.glob("*.parquet"))}
    rows = read_shipped()
    lines = [
        "| measure | median s | min s |",
        "|---|---|---|",
    ]
    for label, fn in [
        ("shipped Parquet -> rows", read_shipped),
        ("rows -> Gazetteer (indexes)", lambda: Gazetteer.from_rows(rows)),
        ("shipped Parquet -> Gazetteer", lambda: gazetteer_from_files(SHIPPED_DIR)),
        ("national CSV files -> load_gazetteer -> rows", read_national_csv),
    ]:
        median, least = timed(fn, args.repeat)
        lines.append(f"| {label} | {median:.2f} | {least:.2f} |")
    with tempfile.TemporaryDirectory() as tmp:
        gzip_size = write_gzip_csv(Path(tmp))
        median, least = timed(lambda: read_gzip_csv(Path(tmp)), args.repeat)
        lines.append(f"| same tables as gzip CSV -> rows | {median:.2f} | {least:.2f} |")
    print("\n".join(lines))
    print()
    print("| file | bytes |")
    print("|---|---|")
    for name, size in sizes.items():
        print(f"| {name} | {size:,} |")
    print(f"| all Parquet (zstd 19) | {sum(sizes.values()):,} |")
    print(f"| the same tables as gzip CSV | {gzip_size:,} |")
    national = sum(
        (DATA / p).stat().st_size
        for p in ("teryt/TERC_Adresowy_2026-02-16.csv", "teryt/SIMC_Urzedowy_2020-09-26.csv",
                  "postal_codes/pna_2024_miejscowosci.csv")
    )  # fmt: skip
    print(f"| the three national CSV files it is built from | {national:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
