"""The real catalogue replayed offline, and how its published names read.

    .venv/bin/python benchmarks/real_catalogue.py --work /tmp/real [--list] [--measure-only]

Builds the registries' WARC as tests/test_real_catalogue.py does (each registry file of
../shared/data under its publisher's URL), loads the national gazetteer (TERC 2026, SIMC 2020,
PNA 2024 from ../shared/data) into a fresh warehouse — once per `--work` folder, copied for
every run, and timed apart: it is not part of a night — and runs the real `nightly` flow with
`--replay registries.warc.gz --replay ../shared/data/html_fixtures`, the fetch path of
`wsparcie run --replay`. Then it reads the published `dane/instytucje.csv` and counts:

- institutions, powiats, and the run's wall time (Prefect's temporary server included);
- **folded names**: names with at least one ASCII-folded word. A word is folded when it has
  no Polish letter and either (a) neither Morfeusz nor the gazetteer's place names know it as
  written, but one of its diacritic variants is known ("Osrodek", "Wagrowiec"), or (b) it is
  known as written, but the official institution names of the registries in ../shared/data
  only ever write it with Polish letters ("Sad" beside "Sąd Rejonowy"). Acronyms and words of
  one or two letters are not judged. Independent of `transforms.diacritics` on purpose;
- **bare-acronym names**: every word an acronym ("ŚDS", "SP ZOZ");
- **acronym-led names**: the first word an acronym (two or more capitals, "MOSiR" too; a Roman
  numeral is not one), followed by other words ("GOPS Charsznica");
- institutions **without a gmina** / **without a powiat**, and of those without a gmina, how
  many have a postal code, or a place in the name (`normalise_name` finds a place phrase).

`--list` prints every name behind each count. `--measure-only` re-reads the publication of the
last run in `--work` without running anything. The figures go to stdout as JSON too.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for extra in (REPO, REPO / "tests"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

# The one list of which saved file answers which registry URL (the test replays the same).
from test_real_catalogue import REGISTRY_FILES  # noqa: E402

import flows  # noqa: E402, F401 - quiet Prefect defaults before Prefect is imported
from extractors.catalogue import load_catalogue  # noqa: E402
from extractors.parsers import parser_names  # noqa: E402
from extractors.replay import write_warc  # noqa: E402
from transforms.morphology import analyse_word  # noqa: E402
from transforms.text import fold  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
CATALOGUE = REPO / "sources"
POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
_VARIANTS = {
    "a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó", "s": "sś", "z": "zźż",
}  # fmt: skip
# Registries' columns of official institution names (courts, sanitary stations, labour
# inspectorates and the voivodeship offices' social assistance lists).
OFFICIAL_NAMES = (
    ("social_assistance/ops_slaskie.csv", ("nazwa",)),
    ("social_assistance/ops_malopolskie_geo.csv", ("nazwa",)),
    ("social_assistance/placowki_sds_dps_malopolskie.csv", ("nazwa",)),
    ("social_assistance/utw_malopolskie.csv", ("nazwa",)),
    ("courts/sady_adresy_mobberizer.csv", ("title",)),
    ("courts/sady_hierarchia_wlasciwosc_2025-02-01.csv", ("sad_okregowy", "sad_rejonowy")),
    ("health/psse_sanepid_adresy_mobberizer.csv", ("title",)),
    ("other_institutions/pip_inspektoraty_pracy_mobberizer.csv", ("title",)),
)
_ACRONYM = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ](?:[A-ZĄĆĘŁŃÓŚŹŻa-ząćęłńóśźż]*[A-ZĄĆĘŁŃÓŚŹŻ])?$")
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


def is_acronym(word: str) -> bool:
    """Two or more capitals, maybe lower-case letters between ("MOSiR", "CKZiU"), not a Roman
    numeral ("II Liceum"), at most seven letters."""
    word = word.strip(",.;:()„”\"'")
    capitals = sum(ch.isupper() for ch in word)
    return (
        2 <= len(word) <= 7
        and capitals >= 2
        and capitals * 2 >= len(word)
        and bool(_ACRONYM.match(word))
        and not _ROMAN.match(word)
    )


def bare_acronym(name: str) -> bool:
    words = name.replace("-", " ").split()
    return bool(words) and all(is_acronym(w) for w in words)


def acronym_led(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and is_acronym(words[0]) and not bare_acronym(name)


# --- folded words ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Vocabulary:
    places: frozenset[str]  # lower-case words of every gazetteer place name, as written
    places_folded: frozenset[str]  # the same, folded
    official: frozenset[str]  # lower-case words of registries' institution names
    official_folded: dict[str, frozenset[str]]  # folded -> spellings seen in official names


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def _csv_column(path: Path, columns: Iterable[str], delimiter: str = ",") -> Iterable[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=delimiter):
            for column in columns:
                if row.get(column):
                    yield row[column]


def load_vocabulary() -> Vocabulary:
    places: set[str] = set()
    for name in _csv_column(SHARED / "teryt" / "SIMC_Urzedowy_2020-09-26.csv", ["NAZWA"], ";"):
        places.update(w.lower() for w in _words(name))
    for name in _csv_column(SHARED / "teryt" / "TERC_Adresowy_2026-02-16.csv", ["NAZWA"], ";"):
        places.update(w.lower() for w in _words(name))
    official: set[str] = set()
    for path, columns in OFFICIAL_NAMES:
        for name in _csv_column(SHARED / path, columns):
            official.update(w.lower() for w in _words(name))
    by_fold: dict[str, set[str]] = {}
    for word in official:
        by_fold.setdefault(fold(word), set()).add(word)
    return Vocabulary(
        frozenset(places),
        frozenset(fold(p) for p in places),
        frozenset(official),
        {k: frozenset(v) for k, v in by_fold.items()},
    )


@lru_cache(maxsize=200_000)
def _morfeusz_knows(word: str) -> bool:
    for form in {word, word.lower(), word.capitalize()}:
        if any(a.pos != "ign" for a in analyse_word(form)):
            return True
    return False


def _variants(word: str, limit: int = 4096) -> Iterable[str]:
    """Every spelling of a lower-case ASCII word with Polish letters put back (not itself)."""
    out = [""]
    for ch in word:
        out = [prefix + option for prefix in out for option in _VARIANTS.get(ch, ch)]
        if len(out) > limit:
            return []
    return [v for v in out if v != word]


def folded_words(name: str, vocabulary: Vocabulary) -> list[str]:
    found = []
    for word in _words(name):
        if len(word) < 3 or not word.isascii() or is_acronym(word):
            continue
        lower = word.lower()
        known = _morfeusz_knows(word) or lower in vocabulary.places
        if not known:
            if any(_morfeusz_knows(v) or v in vocabulary.places for v in _variants(lower)):
                found.append(word)
            continue
        spellings = vocabulary.official_folded.get(lower)
        if spellings and lower not in spellings:
            found.append(word)
    return found


# --- the run --------------------------------------------------------------------------------


def gazetteer_db(work: Path) -> Path:
    """A warehouse holding only the national gazetteer, built once per work folder."""
    from warehouse.db import open_warehouse
    from warehouse.gazetteer import load_gazetteer

    path = work / "gazetteer.duckdb"
    if path.exists():
        return path
    clock = time.perf_counter()
    partial = work / "gazetteer.partial.duckdb"
    partial.unlink(missing_ok=True)
    with open_warehouse(partial) as con:
        load_gazetteer(
            con,
            terc=SHARED / "teryt" / "TERC_Adresowy_2026-02-16.csv",
            simc=SHARED / "teryt" / "SIMC_Urzedowy_2020-09-26.csv",
            pna=SHARED / "postal_codes" / "pna_2024_miejscowosci.csv",
        )
    partial.rename(path)
    print(f"gazetteer loaded in {time.perf_counter() - clock:.0f} s", flush=True)
    return path


def registries_warc(work: Path) -> Path:
    sources = {s.slug: s for s in load_catalogue(CATALOGUE, parser_names())}
    warc = work / "registries.warc.gz"
    warc.unlink(missing_ok=True)
    write_warc(warc, [(sources[slug].url, SHARED / path) for slug, path in REGISTRY_FILES.items()])
    return warc


def run_catalogue(work: Path) -> dict[str, object]:
    from prefect.testing.utilities import prefect_test_harness

    from flows.nightly import RunSettings, nightly

    run_dir = work / "run"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    db = run_dir / "directory.duckdb"
    shutil.copyfile(gazetteer_db(work), db)
    warc = registries_warc(work)
    with prefect_test_harness(server_startup_timeout=300):
        settings = RunSettings(
            catalogue=CATALOGUE,
            db=db,
            out=run_dir / "out",
            replay=(warc, SHARED / "html_fixtures"),
        )
        clock = time.perf_counter()
        summary = nightly(settings)
        seconds = time.perf_counter() - clock
    stages = {t.stage: round(t.wall_s, 1) for t in summary.timings}
    return {
        "status": summary.status,
        "seconds": round(seconds, 1),
        "stages_s": stages,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# --- the measurement ------------------------------------------------------------------------


def measure(
    publication: Path, vocabulary: Vocabulary
) -> tuple[dict[str, object], dict[str, list[str]]]:
    from transforms.names import normalise_name

    with (publication / "instytucje.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    def label(row: dict[str, str], extra: str = "") -> str:
        where = row.get("locality") or row.get("powiat") or "?"
        return f"{row['institution_id']}  {row['name']}  [{row['type']}; {where}]{extra}"

    lists: dict[str, list[str]] = {
        "folded": [],
        "bare_acronym": [],
        "acronym_led": [],
        "without_gmina": [],
        "without_powiat": [],
    }
    without_gmina_postal = without_gmina_place = without_gmina_either = 0
    for row in rows:
        name = row["name"]
        words = folded_words(name, vocabulary)
        if words:
            lists["folded"].append(label(row, f"  folded: {', '.join(words)}"))
        if bare_acronym(name):
            lists["bare_acronym"].append(label(row))
        elif acronym_led(name):
            lists["acronym_led"].append(label(row))
        if not row["gmina_teryt"]:
            postal = bool(row["postal_code"])
            place = normalise_name(name).place_raw is not None
            without_gmina_postal += postal
            without_gmina_place += place
            without_gmina_either += postal or place
            lists["without_gmina"].append(
                label(row, f"  postal code: {row['postal_code'] or '-'}; place in name: {place}")
            )
        if not row["powiat_teryt"]:
            lists["without_powiat"].append(
                label(row, f"  postal code: {row['postal_code'] or '-'}")
            )
    figures: dict[str, object] = {
        "institutions": len(rows),
        "powiats": len({r["powiat_teryt"] for r in rows if r["powiat_teryt"]}),
        "folded_names": len(lists["folded"]),
        "bare_acronym_names": len(lists["bare_acronym"]),
        "acronym_led_names": len(lists["acronym_led"]),
        "without_gmina": len(lists["without_gmina"]),
        "without_gmina_with_postal_code": without_gmina_postal,
        "without_gmina_with_place_in_name": without_gmina_place,
        "without_gmina_with_either": without_gmina_either,
        "without_powiat": len(lists["without_powiat"]),
    }
    return figures, lists


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the runs")
    parser.add_argument("--list", action="store_true", help="print the names behind each count")
    parser.add_argument(
        "--measure-only", action="store_true", help="re-read the last run's publication"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    figures: dict[str, object] = {}
    if not args.measure_only:
        figures["run"] = run_catalogue(args.work)
    publication = args.work / "run" / "out" / "dane"
    measured, lists = measure(publication, load_vocabulary())
    figures.update(measured)
    if args.list:
        for key, names in lists.items():
            print(f"\n## {key} ({len(names)})")
            for line in sorted(names, key=lambda n: n.split("  ", 1)[1]):
                print(f"  {line}")
        print()
    text = json.dumps(figures, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
