"""Accuracy of Polish-letter restoration and acronym expansion on names annotated blind.

    .venv/bin/python benchmarks/names_accuracy.py [--gazetteer-db PATH] [--list]

The web corpus (benchmarks/web_corpus: 560 recent pages annotated blind, split by host into
`tune` and `test`) holds every institution's official name as the annotators read it, with its
Polish letters, and the acronym forms the page also used ("PCPR w Poddębicach"). Neither the
word list (transforms/name_vocabulary.tsv, derived from registries and TERYT) nor the rules
were built from it, so both halves are held out; they are reported apart all the same.

- **restoration**: each gold name ASCII-folded, then `transforms.diacritics.restore`: exact
  (the gold name back), ambiguous words left folded, wrong (a word restored to another spelling);
  and per word: folded words restored right, left folded, restored wrong.
- **expansion**: each acronym form that `transforms.acronym_expansion.expand` writes out,
  compared with the gold names of the same institution (case and quotes ignored): right when it
  equals one of them, else wrong; refusals are counted with their reasons. Needs the gazetteer:
  `--gazetteer-db` names a warehouse holding the national one (benchmarks/real_catalogue.py
  leaves one in its `--work` folder as `gazetteer.duckdb`).
- **register style**: each gold name through `transforms.register_style.register_clean` (the
  rules that need no address): unchanged, or changed (every change listed with `--list`). The
  gold names are official forms, so a change is either a register spelling the page did not use
  ("Psychologiczno – Pedagogiczna") or a false rewrite; read the list.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from transforms.acronym_expansion import expand, leading_acronym  # noqa: E402
from transforms.diacritics import restore  # noqa: E402
from transforms.register_clean import register_clean  # noqa: E402
from transforms.text import fold, fold_key  # noqa: E402

CORPUS = REPO / "benchmarks" / "web_corpus"


def gold_entities() -> list[tuple[str, str, dict[str, object]]]:
    """(document id, split, entity) for the subject and every mention with a name."""
    splits = {}
    with (CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            splits[row["id"]] = row["split"]
    out = []
    for path in sorted((CORPUS / "gold").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        entities = ([doc["subject"]] if doc.get("subject") else []) + list(doc.get("mentions", []))
        for entity in entities:
            if entity.get("names"):
                out.append((doc["id"], splits.get(doc["id"], "?"), entity))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def restoration(
    entities: list[tuple[str, str, dict[str, object]]], listing: bool
) -> dict[str, object]:
    figures: dict[str, Counter[str]] = {}
    for doc_id, split, entity in entities:
        names = entity["names"]
        assert isinstance(names, list)
        for name in names:
            folded = fold(name)
            if folded == name:
                continue  # nothing to restore
            got = restore(folded)
            c = figures.setdefault(split, Counter())
            c["names"] += 1
            if got.text == name:
                c["exact"] += 1
            for want, have, written in zip(
                _words(name), _words(got.text), _words(folded), strict=False
            ):
                if want == written:
                    if have != want:
                        c["words_spoilt"] += 1
                    continue
                c["words_folded"] += 1
                if have == want:
                    c["words_right"] += 1
                elif have == written:
                    c["words_left"] += 1
                else:
                    c["words_wrong"] += 1
            if got.text != name:
                c["ambiguous_names" if got.ambiguous else "wrong_names"] += 1
                if listing:
                    print(f"  [{split}] {doc_id}: {name!r} -> {got.text!r} {got.ambiguous or ''}")
    return {split: dict(sorted(c.items())) for split, c in sorted(figures.items())}


def _place_reader(gazetteer_db: Path | None) -> Callable[[str], str | None] | None:
    if gazetteer_db is None:
        return None
    import duckdb

    from warehouse.gazetteer_rows import gazetteer_from_warehouse

    with duckdb.connect(str(gazetteer_db), read_only=True) as con:
        gazetteer = gazetteer_from_warehouse(con)

    def read(text: str) -> str | None:
        found = gazetteer.place_name(text)
        if found is None:
            gmina = gazetteer.resolve_gmina(text)
            found = gmina.gmina_name if gmina.status == "resolved" else None
        return found

    return read


def register_style(
    entities: list[tuple[str, str, dict[str, object]]],
    place_name: Callable[[str], str | None] | None,
    listing: bool,
) -> dict[str, object]:
    figures: dict[str, Counter[str]] = {}
    for doc_id, split, entity in entities:
        for name in entity["names"]:  # type: ignore[attr-defined]
            c = figures.setdefault(split, Counter())
            c["names"] += 1
            got = register_clean(str(name), place_name)
            if got == name:
                c["unchanged"] += 1
            else:
                c["changed"] += 1
                if listing:
                    print(f"  [{split}] {doc_id}: {name!r} -> {got!r}")
    return {split: dict(sorted(c.items())) for split, c in sorted(figures.items())}


def expansion(
    entities: list[tuple[str, str, dict[str, object]]],
    place_name: Callable[[str], str | None] | None,
    listing: bool,
) -> dict[str, object]:
    figures: dict[str, Counter[str]] = {}
    reasons: Counter[str] = Counter()
    for doc_id, split, entity in entities:
        names = [fold_key(str(n)) for n in entity["names"]]  # type: ignore[attr-defined]
        for form in entity.get("acronym_forms") or []:  # type: ignore[attr-defined]
            form = str(form)
            if leading_acronym(form) is None:
                continue
            c = figures.setdefault(split, Counter())
            c["acronym_forms"] += 1
            got = expand(form, place_name=place_name)
            if got.name is None:
                c["left"] += 1
                reasons[re.sub(r"„.*”", "„…”", got.reason or "")] += 1
                continue
            if fold_key(got.name) in names:
                c["right"] += 1
            else:
                c["wrong"] += 1
                if listing:
                    print(f"  [{split}] {doc_id}: {form!r} -> {got.name!r}; gold {entity['names']}")
    return {
        "by_split": {split: dict(sorted(c.items())) for split, c in sorted(figures.items())},
        "left_because": dict(reasons.most_common()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gazetteer-db", type=Path, help="a warehouse with the gazetteer")
    parser.add_argument("--list", action="store_true", help="print every miss")
    args = parser.parse_args()
    entities = gold_entities()
    place_name = _place_reader(args.gazetteer_db)
    figures = {
        "restoration": restoration(entities, args.list),
        "expansion": expansion(entities, place_name, args.list),
        "register_style": register_style(entities, place_name, args.list),
    }
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
