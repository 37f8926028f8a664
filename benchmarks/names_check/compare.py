"""Compare the published names with the official ones an annotator found blind.

    .venv/bin/python benchmarks/names_check/compare.py --publication OUT/dane [--official F]

Reads `official.csv` (beside this script by default: `institution_id, official_name,
where_found`) and the publication's `instytucje.csv`, and sorts every annotated institution:

- **exact**: the published name is the official one (spaces collapsed; „…”, "…" and “…” are the
  same quotes);
- **fold-equal**: equal once Polish letters, case and punctuation are set aside (a letter or a
  capital wrong);
- **different**: anything else; **missing**: not in the publication (held back, or gone).

Prints the counts, the share exact of those annotated, and every name that is not exact.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from transforms.text import fold_key, normalise_space  # noqa: E402

_QUOTES = str.maketrans({"„": '"', "”": '"', "“": '"', "«": '"', "»": '"'})


def same_text(a: str, b: str) -> bool:
    def clean(text: str) -> str:
        return re.sub(r'\s*"\s*', '"', normalise_space(text.translate(_QUOTES)))

    return clean(a) == clean(b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--publication", type=Path, required=True, help="the dane/ folder")
    parser.add_argument("--official", type=Path, default=HERE / "official.csv")
    args = parser.parse_args()
    with (args.publication / "instytucje.csv").open(encoding="utf-8") as handle:
        published = {r["institution_id"]: r["name"] for r in csv.DictReader(handle)}
    with args.official.open(encoding="utf-8-sig", newline="") as handle:
        official = [r for r in csv.DictReader(handle) if (r.get("official_name") or "").strip()]
    groups: dict[str, list[str]] = {"exact": [], "fold-equal": [], "different": [], "missing": []}
    for row in official:
        iid, want = row["institution_id"].strip(), row["official_name"].strip()
        have = published.get(iid)
        if have is None:
            group = "missing"
        elif same_text(have, want):
            group = "exact"
        elif fold_key(have) == fold_key(want):
            group = "fold-equal"
        else:
            group = "different"
        line = f"{iid}: published {have!r}, official {want!r} ({row.get('where_found', '')})"
        groups[group].append(line)
    total = len(official)
    for group, lines in groups.items():
        print(f"{group}: {len(lines)}")
    if total:
        print(f"exact: {len(groups['exact']) / total:.1%} of {total} annotated")
    for group in ("fold-equal", "different", "missing"):
        if groups[group]:
            print(f"\n## {group}")
            for line in groups[group]:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
