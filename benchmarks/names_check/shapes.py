"""Published names counted by shape: the marks of a list's or a page's shorthand that an
official register does not write (issue 15).

    .venv/bin/python benchmarks/names_check/shapes.py --publication W/run/out/dane [--list]

Reads `dane/instytucje.csv` and counts names that end in a house number, have an operator's
name glued after the seat, hold "ul." or a street, a bracketed note, are all capitals, have a
seat phrase not in the locative, end in a comma, a dash or a full stop, hold doubled spaces,
unbalanced quotes, a patron written after the seat, or a descriptive "dla …" tail after a
branch, a number before the type, or a type named after its seat without one ("Dom Pomocy
Społecznej", "Klub Senior+" is not counted). A name may have several shapes. `--list` prints the names behind each count.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from transforms.register_clean import OPERATOR_HEADS, reads_as_locative  # noqa: E402

_CAPITAL = "A-ZĄĆĘŁŃÓŚŹŻ"
_SEAT = re.compile(r"(?:^|\s)(?:w|we)\s+(?P<place>[" + _CAPITAL + r"][\w-]*)")


def _seat_not_locative(name: str) -> bool:
    """A seat word after "w" that the dictionary knows, but never in the locative."""
    return any(
        not reads_as_locative(match.group("place").split("-")[0]) for match in _SEAT.finditer(name)
    )


SHAPES: dict[str, Callable[[str], bool]] = {
    "ends in a house number": lambda n: (
        re.search(r"\s(?:nr\s)?\d+[A-Za-z]?(?:/\d+)?$", n) is not None
        and re.search(r"\bnr\s+\d+[A-Za-z]?$", n) is None
    ),
    "an operator after the seat": lambda n: (
        re.search(
            r"\s(?:w|we)\s+["
            + _CAPITAL
            + r"][\w-]*(?:\s+["
            + _CAPITAL
            + r"][\w-]*)*\s+(?:"
            + "|".join(OPERATOR_HEADS)
            + r")\b",
            n,
        )
        is not None
    ),
    "a street (ul., al., os.)": lambda n: re.search(r"(?:^|\s)(?:ul|al|os|pl)\.\s?", n) is not None,
    "a bracketed note": lambda n: "(" in n,
    "all capitals": lambda n: sum(c.isalpha() for c in n) > 5 and n.upper() == n,
    "a seat not in the locative": _seat_not_locative,
    "a trailing comma, dash or full stop": lambda n: (
        n.rstrip()[-1:] in ",-–.;:" and not n.endswith(("o.o.", "S.A.", "sp.k.", "sp.j."))
    ),
    "doubled or edge spaces": lambda n: "  " in n or n != n.strip(),
    "unbalanced quotes": lambda n: n.count("„") != n.count("”") or '"' in n,
    "a patron after the seat": lambda n: (
        re.search(r"\s(?:w|we)\s+[" + _CAPITAL + r"]\S*(?:\s+[" + _CAPITAL + r"]\S*)*\s+im\.\s", n)
        is not None
    ),
    "a descriptive tail after a branch": lambda n: (
        re.search(r"\b[Ff]ilia\b.*\sdla\s", n) is not None
    ),
    "a number before the type": lambda n: re.match(r"\d+\.?\s", n) is not None,
    "a seated type without a seat": lambda n: (
        re.match(
            r"(?:Dom Pomocy Społecznej|Środowiskowy Dom Samopomocy|Gminny Ośrodek|Miejski Ośrodek"
            r"|Ośrodek Pomocy|Powiatowe Centrum Pomocy|Powiatowy Urząd Pracy|Dzienny Dom)",
            n,
        )
        is not None
        and re.search(r"\s(?:w|we)\s", n) is None
    ),
    "longer than 100 characters": lambda n: len(n) > 100,
}


def count_shapes(names: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {shape: [] for shape in SHAPES}
    for name in names:
        for shape, test in SHAPES.items():
            if test(name):
                found[shape].append(name)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publication", type=Path, required=True)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    with (args.publication / "instytucje.csv").open(encoding="utf-8") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    found = count_shapes(names)
    print(f"names: {len(names)}")
    for shape, hits in found.items():
        print(f"{len(hits):5d}  {shape}")
    if args.list:
        for shape, hits in found.items():
            if hits:
                print(f"\n## {shape} ({len(hits)})")
                for name in sorted(hits):
                    print(f"  {name}")


if __name__ == "__main__":
    main()
