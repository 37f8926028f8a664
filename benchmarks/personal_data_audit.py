"""What the personal-data filter leaves out of a publication, value by value, and why.

    .venv/bin/python benchmarks/personal_data_audit.py WAREHOUSE.duckdb [--before DANE --after DANE]

Lists the institutions and contact values warehouse/publish/privacy.py withholds from the
warehouse's publication (each with its reason). With --before/--after (two published `dane/`
folders of the same warehouse, before and after the filter), it also compares their
instytucje.csv and kontakty.csv, so that nothing else is found missing. Figures for the demo
and the replayed real catalogue are in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import duckdb

from warehouse.publish.privacy import withheld_contacts, withheld_institutions


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def audit(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        institutions = withheld_institutions(con)
        out = {w.institution_id for w in institutions}
        contacts = [
            (str(a), str(b), str(c))
            for a, b, c in con.execute(
                "SELECT institution_id, kind, value FROM contacts"
                " WHERE kind IN ('email', 'opening_hours') ORDER BY ALL"
            ).fetchall()
            if a not in out
        ]
        values = withheld_contacts(con, contacts)
        total = con.execute("SELECT count(*) FROM institutions").fetchone()
    print(f"{db}: {len(institutions)} of {total[0] if total else 0} institutions withheld")
    for w in institutions:
        print(f"  institution {w.institution_id} {w.name!r}: {w.reason}")
    print(f"{len(values)} contact value(s) withheld from published institutions")
    for w in values:
        print(f"  {w.kind} {w.value!r} of {w.name!r}: {w.reason}")


def compare(before: Path, after: Path) -> None:
    old = {r["institution_id"]: r for r in _rows(before / "instytucje.csv")}
    new = {r["institution_id"]: r for r in _rows(after / "instytucje.csv")}
    old_contacts = {
        (r["institution_id"], r["kind"], r["value"]) for r in _rows(before / "kontakty.csv")
    }
    new_contacts = {
        (r["institution_id"], r["kind"], r["value"]) for r in _rows(after / "kontakty.csv")
    }
    print(
        f"institutions {len(old)} -> {len(new)}; contacts {len(old_contacts)} -> {len(new_contacts)}"
    )
    print(f"  institutions gone: {sorted(old.keys() - new.keys())}")
    print(f"  institutions new (should be none): {sorted(new.keys() - old.keys())}")
    print(f"  contacts new (should be none): {sorted(new_contacts - old_contacts)}")
    changed = [
        (i, column)
        for i in new.keys() & old.keys()
        for column in new[i]
        if column != "emails" and new[i][column] != old[i][column]
    ]
    print(f"  other cells changed (should be none): {changed}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--after", type=Path)
    args = parser.parse_args()
    audit(args.db)
    if args.before and args.after:
        compare(args.before, args.after)
