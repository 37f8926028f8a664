"""The Polish given names the personal-data guard knows: data, in `given_names_pl.txt`.

Each line of the file is a name in the nominative followed by its other singular forms
("Anna Anny Annie Annę Anną Anno"); lines starting with # say where the list comes from. The
nominatives are written by hand; the forms are generated from them with Morfeusz (the same
dictionary the normalisers use) by `python -m warehouse.given_names`, which rewrites the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from transforms.text import fold

DATA = Path(__file__).with_name("given_names_pl.txt")
_CASES = ("gen", "dat", "acc", "inst", "loc", "voc")


@dataclass(frozen=True, slots=True)
class GivenNames:
    nominatives: frozenset[str]  # "Anna", "Łukasz"
    forms: frozenset[str]  # every singular form, nominatives included
    folded: frozenset[str]  # nominatives lower-cased without diacritics, for mailboxes: "lukasz"


@cache
def given_names() -> GivenNames:
    nominatives: set[str] = set()
    forms: set[str] = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        nominatives.add(words[0])
        forms.update(words)
    return GivenNames(
        frozenset(nominatives),
        frozenset(forms),
        frozenset(fold(n).lower() for n in nominatives),
    )


def _forms_of(name: str) -> list[str]:
    from transforms.morphology import generate

    gender = "f" if name.endswith("a") and name not in ("Kuba", "Barnaba", "Bonawentura") else "m1"
    found: list[str] = []
    for form, tag in generate(name):
        parts = tag.split(":")
        if (
            form != name
            and parts[0] == "subst"
            and parts[1] == "sg"
            and parts[-1] == gender
            and any(case in parts[2].split(".") for case in _CASES)
            and form not in found
        ):
            found.append(form)
    return found


def regenerate(path: Path = DATA) -> int:
    """Rewrite the file's forms from its nominatives (comments kept); returns the name count."""
    header, names = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            header.append(line)
        elif line.strip():
            names.append(line.split()[0])
    unique = sorted(dict.fromkeys(names), key=lambda n: (fold(n).lower(), n))
    body = [" ".join([n, *_forms_of(n)]) for n in unique]
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    return len(unique)


if __name__ == "__main__":
    print(f"{regenerate()} names written to {DATA}")
