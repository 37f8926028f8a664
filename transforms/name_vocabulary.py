"""The word list behind Polish-letter restoration (`transforms.diacritics`): how it is built,
and how it is read.

`name_vocabulary.tsv` (package data beside this module) holds, for every ASCII-folded word that
some official spelling writes with Polish letters, each spelling seen and how often: in the
official names of institutions in public registries, and in the names of places in the national
gazetteer. A folded word with only one Polish spelling gets it back; "sad" (an orchard, and the
folded "sąd", a court) is settled by the registries, which name courts, never orchards.

Only words that carry a Polish letter, and their ASCII namesakes ("sad" beside "sąd"), are kept:
the list is small enough to ship (a few hundred kilobytes) and holds nothing but words. The
third-party files themselves are never copied: the list is derived from them by

    .venv/bin/python -m transforms.name_vocabulary ../shared/data

which rewrites the TSV; its header names each source file and its commit (from the folder's
PROVENANCE.md). Rebuild it when the reference data change; the diff is reviewable word by word.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from transforms.text import fold

VOCABULARY_FILE = Path(__file__).with_name("name_vocabulary.tsv")
POLISH_LETTERS = frozenset("ąćęłńóśźż")

# (file under ../shared/data, delimiter, columns holding names, where the file comes from: the
# repository and commit its PROVENANCE.md records)
INSTITUTION_SOURCES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("social_assistance/ops_slaskie.csv", ",", ("nazwa",),
     "Kaczor4444/kompas-seniora @ 01e4b5aff6ebc0f91ab0e7d36d3944687a9f2cde"),
    ("social_assistance/ops_malopolskie_geo.csv", ",", ("nazwa",),
     "Kaczor4444/kompas-seniora @ 44341b62a1a1c066ffed848f89dfcea238e9f92a (RJPS export)"),
    ("social_assistance/placowki_sds_dps_malopolskie.csv", ",", ("nazwa",),
     "Kaczor4444/kompas-seniora @ 11f0b0d34322248e168ea42daeeddceaa5045b24"),
    ("social_assistance/utw_malopolskie.csv", ",", ("nazwa",),
     "Kaczor4444/kompas-seniora @ 9af09f45e68d271855b566d591db86b5fe4741c4"),
    ("courts/sady_adresy_mobberizer.csv", ",", ("title",),
     "lukaszchwalisz/mobberizer @ e5a9fb997ae28b41c9fdbfda4a4d9505e60e98ca"),
    ("courts/sady_hierarchia_wlasciwosc_2025-02-01.csv", ",",
     ("sad_apelacyjny", "sad_okregowy", "sad_rejonowy"),
     "m-zeprzalka/alim @ 8ab709d1e7e6216c7d545b96b841a733fb0ec8a1 (Ministry of Justice xls)"),
    ("health/psse_sanepid_adresy_mobberizer.csv", ",", ("title",),
     "lukaszchwalisz/mobberizer @ dd198f5a6e3cf52c4a60ba15ea15f48aca20798a"),
    ("other_institutions/pip_inspektoraty_pracy_mobberizer.csv", ",", ("title",),
     "lukaszchwalisz/mobberizer @ 824dab0b68a778fb78bf627951bc981ec7b53169"),
    ("education/rspo_export_sample_lo.csv", ";", ("Nazwa",),
     "sio2project/oioioi @ 25404a04336e6ba4f14b6d40416c44997f9b91bd (RSPO export)"),
)  # fmt: skip
PLACE_SOURCES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("teryt/TERC_Adresowy_2026-02-16.csv", ";", ("NAZWA",),
     "Kaczor4444/kompas-seniora @ 08ef10999d590a9bfc3e577e98e43ec4284aa423 (GUS TERYT)"),
    ("teryt/SIMC_Urzedowy_2020-09-26.csv", ";", ("NAZWA",),
     "datainq/teryt @ ea9e8ba019500072a7ac4836390fc91ef3c66118 (GUS TERYT)"),
)  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Spelling:
    """One spelling of a folded word and how often the sources write it."""

    word: str  # lower-case
    institutions: int  # occurrences in registries' official institution names
    places: int  # occurrences in gazetteer place names


def words_of(text: str) -> list[str]:
    """Lower-case words of a text (letters only; "Skarżysko-Kamienna" is two words)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=1)
def vocabulary() -> Mapping[str, tuple[Spelling, ...]]:
    """Folded lower-case word -> its spellings, commonest in institution names first."""
    table: dict[str, list[Spelling]] = {}
    with VOCABULARY_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            folded, word, institutions, places = line.rstrip("\n").split("\t")
            table.setdefault(folded, []).append(Spelling(word, int(institutions), int(places)))
    return MappingProxyType(
        {
            k: tuple(sorted(v, key=lambda s: (-s.institutions, -s.places, s.word)))
            for k, v in table.items()
        }
    )


# --- building the list ----------------------------------------------------------------------


def _column_values(path: Path, delimiter: str, columns: Iterable[str]) -> Iterable[str]:
    wanted = tuple(columns)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        missing = [c for c in wanted if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: columns {missing} not found (have {reader.fieldnames})")
        for row in reader:
            for column in wanted:
                if row.get(column):
                    yield row[column]


def build(shared: Path) -> tuple[list[str], list[tuple[str, str, int, int]]]:
    """Header lines and rows (folded, spelling, institution count, place count)."""
    institution_words: Counter[str] = Counter()
    place_words: Counter[str] = Counter()
    header = [
        "# Spellings of folded words in official names (transforms/name_vocabulary.py).",
        "# Columns: folded, spelling, count in registries' institution names, in place names.",
        "# Derived word counts only; the sources (../shared/data) are not copied:",
    ]
    for target, sources in ((institution_words, INSTITUTION_SOURCES), (place_words, PLACE_SOURCES)):
        for relative, delimiter, columns, origin in sources:
            for value in _column_values(shared / relative, delimiter, columns):
                target.update(words_of(value))
            header.append(f"#   {relative} [{', '.join(columns)}]: {origin}")
    spellings: dict[str, set[str]] = {}
    for word in set(institution_words) | set(place_words):
        if len(word) >= 2:
            spellings.setdefault(fold(word), set()).add(word)
    rows = []
    for folded in sorted(spellings):
        words = spellings[folded]
        if not any(POLISH_LETTERS & set(w) for w in words):
            continue  # nothing to restore
        for word in sorted(words):
            rows.append((folded, word, institution_words[word], place_words[word]))
    return header, rows


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m transforms.name_vocabulary SHARED_DATA_FOLDER", file=sys.stderr)
        return 2
    header, rows = build(Path(argv[0]))
    with VOCABULARY_FILE.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(header) + "\n")
        for folded, word, institutions, places in rows:
            handle.write(f"{folded}\t{word}\t{institutions}\t{places}\n")
    print(f"{VOCABULARY_FILE}: {len(rows)} spellings of {len({r[0] for r in rows})} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
