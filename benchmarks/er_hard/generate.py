"""Generate the hard ER development sets `tune` and `test` (see README.md).

    .venv/bin/python benchmarks/er_hard/generate.py [--data ../shared/data] [--out benchmarks/er_hard]

Seeded and deterministic: the same data gives byte-identical files. Each set covers its own
voivodeships (none shared with the other set or with er-dev's łódzkie, śląskie and
świętokrzyskie) and writes `records.parquet`, `truth.parquet`, `entities.parquet` and
`stats.json` into `<out>/<set>/`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT)]

import pandas as pd  # noqa: E402
from entities import Catalogue, Entity  # noqa: E402
from geography import Powiat, load_powiats  # noqa: E402
from real_lists import add_rspo_licea, add_spreadsheet_lists, add_utw  # noqa: E402
from records import COLUMNS, RecordMaker, Rendering, render  # noqa: E402

# Voivodeship capitals are left out: their thousands of institutions would swamp the set.
CAPITALS = frozenset({"Kraków", "Lublin", "Rzeszów", "Bydgoszcz", "Toruń"})


@dataclass(frozen=True, slots=True)
class SetSpec:
    name: str
    voivodeships: tuple[str, ...]
    prefix: str
    seed: int
    land_powiats: int  # per voivodeship, with one city with powiat rights
    rspo: bool = False


SETS = (
    SetSpec("tune", ("małopolskie", "lubelskie"), "T", 11, 6),
    SetSpec("test", ("podkarpackie", "kujawsko-pomorskie"), "X", 23, 6, rspo=True),
)


def _choose_powiats(powiats: list[Powiat], spec: SetSpec, rng: random.Random) -> list[Powiat]:
    chosen: list[Powiat] = []
    for voivodeship in spec.voivodeships:
        own = [p for p in powiats if p.voivodeship == voivodeship]
        cities = [p for p in own if p.city and p.name not in CAPITALS]
        land = [p for p in own if not p.city]
        chosen += rng.sample(cities, 1) + rng.sample(land, spec.land_powiats)
    return chosen


def _read_rows(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _tag_namesakes(entities: list[Entity]) -> None:
    """Same-named institutions of same-named places in different gminas."""
    groups: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for e in entities:
        if e.name.place:
            groups[(e.etype, e.name.place)].add(e.teryt)
    for e in entities:
        if e.name.place and len(groups[(e.etype, e.name.place)]) > 1:
            e.hard_negative_tags.add("namesake_place")


def build(spec: SetSpec, data: Path, out: Path) -> dict[str, object]:
    rng = random.Random(spec.seed)
    powiats = _choose_powiats(load_powiats(data, spec.voivodeships), spec, rng)
    catalogue = Catalogue(data, rng, spec.prefix)
    courts = _read_rows(data / "courts" / "sady_adresy_mobberizer.csv")
    stations = _read_rows(data / "health" / "psse_sanepid_adresy_mobberizer.csv")
    for powiat in powiats:
        catalogue.powiat(powiat, courts, stations)
        for gmina in powiat.gminas:
            catalogue.gmina(gmina, powiat)
    add_spreadsheet_lists(catalogue, powiats, spec.voivodeships)
    if "małopolskie" in spec.voivodeships:
        add_utw(catalogue, powiats)
    if spec.rspo:
        add_rspo_licea(catalogue)
    entities = catalogue.entities
    _tag_namesakes(entities)
    maker = RecordMaker(rng, spec.prefix)
    for entity in entities:
        maker.records_for(entity)
    # Record ids in a shuffled order, so that no id says which records belong together.
    order = list(range(len(maker.rows)))
    rng.shuffle(order)
    rows, truth = [], []
    for new, old in enumerate(order):
        record_id = f"{spec.prefix}{new:07d}"
        rows.append(maker.rows[old] | {"record_id": record_id})
        truth.append(maker.truth[old] | {"record_id": record_id})
    folder = out / spec.name
    folder.mkdir(parents=True, exist_ok=True)
    records = pd.DataFrame(rows, columns=list(COLUMNS)).sort_values("record_id")
    records.to_parquet(folder / "records.parquet", index=False)
    pd.DataFrame(truth).sort_values("record_id").to_parquet(folder / "truth.parquet", index=False)
    pd.DataFrame([_entity_row(e) for e in entities]).to_parquet(
        folder / "entities.parquet", index=False
    )
    pairs = sum(n * (n - 1) // 2 for n in Counter(t["entity_id"] for t in truth).values())
    stats: dict[str, object] = {
        "records": len(rows),
        "entities": len(entities),
        "true_pairs": pairs,
        "seed": spec.seed,
        "voivodeships": list(spec.voivodeships),
        "powiats": [f"{p.teryt} {p.name}" for p in powiats]
        + (["1465 Warszawa (RSPO licea)"] if spec.rspo else []),
        "records_per_source": Counter(r["source"] for r in rows).most_common(),
        "entities_per_type": Counter(e.etype for e in entities).most_common(),
        "real_entities": Counter(e.real_source for e in entities if e.real_source).most_common(),
        "perturbations": Counter(
            tag for t in truth for tag in t["perturbations"].split(";") if tag
        ).most_common(),
        "hard_negative_tags": Counter(
            tag for e in entities for tag in e.hard_negative_tags
        ).most_common(),
    }
    (folder / "stats.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return stats


def _entity_row(e: Entity) -> dict[str, str]:
    return {
        "entity_id": e.entity_id,
        "etype": e.etype,
        "sector": e.sector,
        "name": e.name.verbatim or render(e.name, Rendering(e.name.type_phrase)),
        "former_name": render(e.former, Rendering(e.former.type_phrase)) if e.former else "",
        "street": e.street or "",
        "house": e.house or "",
        "postal_code": e.postal_code,
        "locality": e.locality,
        "gmina": e.gmina,
        "teryt": e.teryt,
        "powiat": e.powiat,
        "wojewodztwo": e.voivodeship,
        "phone": e.phone or "",
        "email": e.email or "",
        "website": e.website or "",
        "nip": e.nip,
        "regon": e.regon,
        "real_source": e.real_source,
        "hard_negative_tags": ";".join(sorted(e.hard_negative_tags)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    for spec in SETS:
        stats = build(spec, args.data.resolve(), args.out.resolve())
        print(f"{spec.name}: {stats['records']} records, {stats['entities']} entities, "
              f"{stats['true_pairs']} true pairs")  # fmt: skip


if __name__ == "__main__":
    main()
