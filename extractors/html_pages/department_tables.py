"""The owner's table of departments on a page read as lines: "Nazwa działu" / "Nr. telefonu" /
"Nr. pokoju", then one row per department, each cell a line ("Zespół do Spraw Orzekania o
Niepełnosprawności" / "85 8332677" / "1"; "Inspektorzy ds. obsługi PFRON" / "85 8699903" / "4").

A row may name a body ("Zespół do Spraw Orzekania o Niepełnosprawności", "PFRON"), which on a
page of running text makes a line another body's (`owner_lines.foreign_lines`); in a table
whose header says its rows are departments, each row is a department of the page's owner and
its number the owner's, as the BIP contact table of a PCPR gives its secretariat, its
accountant and its disability assessment team (tune g001 of `benchmarks/web_corpus`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.text import fold_key

# The first column's header of a table of an office's own units (folded).
DEPARTMENT_HEADERS = frozenset(
    {
        "nazwa dzialu",
        "dzial",
        "nazwa komorki",
        "komorka organizacyjna",
        "nazwa komorki organizacyjnej",
        "stanowisko",
        "referat",
    }
)
# A phone column's header: "Nr. telefonu", "Telefon", "Tel.", "Numer telefonu".
_PHONE_HEADER = re.compile(r"(?i)^\W*(?:(?:nr|numer)\W*)?tel(?:\.|efon\w*)?\W*$")
# How far after the first column's header the phone column's header stands.
_HEADER_REACH = 2
# A cell is a few words, not a sentence: a row's label, a number, a room, a mailbox.
_CELL_WORDS = 8


def _cell(line: str) -> bool:
    return len(line.split()) <= _CELL_WORDS and not line.rstrip().endswith((".", "!", "?"))


def department_table_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines of the owner's department tables: from a header naming the
    departments' column with a phone column beside it, every line while the lines are
    cells (a few words, no sentence); the first sentence ends the table."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if fold_key(line) not in DEPARTMENT_HEADERS:
            continue
        headers = lines[index + 1 : index + 1 + _HEADER_REACH]
        if not any(_PHONE_HEADER.match(header) for header in headers):
            continue
        row = index + 1
        while row < len(lines) and _cell(lines[row]):
            found.add(row)
            row += 1
    return found
