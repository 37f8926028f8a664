"""Benchmark: how well names, places, phones and postal codes normalise on the real data.

    .venv/bin/python benchmarks/normalisation.py               # aligned plain-text table
    .venv/bin/python benchmarks/normalisation.py --markdown    # the same, for RESULTS.md
    .venv/bin/python benchmarks/normalisation.py --failures    # and every miss, for debugging

Reads ../shared/data (or --data DIR) and loads the national gazetteer (TERC Adresowy 2026, SIMC
2020, PNA 2024) into a temporary in-memory DuckDB with `warehouse.gazetteer.load_gazetteer`.

Places: each record is resolved the way the nightly normalise stage does it
(`transforms.normalise.normalise_record`): the locality text, else the place phrase of the
name; the normalised postal code; a county only when the source declares one (none of these
national or voivodeship lists does). The source's own gmina column is NOT passed as a gmina
hint, because here it is the truth being measured. The truth comes from columns the resolver
never sees:

- ops_slaskie, ops_malopolskie_geo, placowki_sds_dps: the `gmina` and `powiat` names matched
  exactly (folded) to TERC inside the named voivodeship (never ops_malopolskie's wrong
  `teryt_gminy`); utw_malopolskie: the `powiat` only;
- courts and sanitary stations: the postal code's gmina and powiat in the PNA list, only where
  the code lies in one gmina (resolution without the postal code is then the honest test);
- saved pages: benchmarks/gold/places.csv, annotated by hand (the address's gmina).

The truth is the gmina where the address lies. A rural gmina's office often sits in its
namesake town ("GOPS Lubin", ul. Księcia Ludwika I, Lubin), so when a registry's `gmina`
column names one of a same-name pair in one powiat, both are accepted; a Kraków delegatura
accepts the city's gmina too. The normalise stage gives a "Gminny …" institution in such a
town the rural gmina it serves (method `rural_gmina_seat`, also across a city with county
rights: GOPS Tarnów → gmina Tarnów, powiat tarnowski); that answer counts as correct when the
address's own gmina and powiat (the same record resolved without the seat rule) are the
truth.

Outcomes per level (gmina, powiat): correct; ambiguous (the resolver recorded candidates
and guessed nothing; how often the truth is among them is shown); unresolved; wrong (a
confident answer that is not the truth). "Namesakes" are the records whose place text,
without postal code, is ambiguous or is settled only by a preference (town over village).

Names: two registries of the same institutions are paired by a key that does not come from
the name's normalisation (see `court_pairs`, `ops_pairs`), and the share of pairs whose
`transforms.names.normalise_name(...).key` agree is reported, also with one side ASCII-folded
and upper-cased.

Contacts: over every registry and spreadsheet, the share of non-empty phone cells (as the
parser split them) giving at least one valid E.164 number, and of non-empty postal-code cells
that normalise.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractors.html_pages import parse_bip_dane, parse_contact_page  # noqa: E402
from extractors.records import Document, ExtractionError, ParsedInstitution  # noqa: E402
from extractors.registries import (  # noqa: E402
    parse_court_jurisdiction,
    parse_courts_addresses,
    parse_ops_list,
    parse_rspo,
    parse_sanepid,
)
from extractors.spreadsheets import parse_spreadsheet  # noqa: E402
from transforms.classify import classify  # noqa: E402
from transforms.contacts import normalise_phones, normalise_postal_code  # noqa: E402
from transforms.names import normalise_name  # noqa: E402
from transforms.normalise import RawRow, institution_seat, resolve_record_place  # noqa: E402
from transforms.places import Gazetteer, PlaceResolution, Seat  # noqa: E402
from transforms.text import empty_to_none, fold, fold_key  # noqa: E402
from warehouse.gazetteer import load_gazetteer  # noqa: E402
from warehouse.gazetteer_rows import gazetteer_from_warehouse  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
GOLD_PLACES = ROOT / "benchmarks" / "gold" / "places.csv"
GOLD_CORRECTIONS = ROOT / "benchmarks" / "gold" / "truth_corrections.csv"

Verdict = Literal["correct", "ambiguous", "unresolved", "wrong", "n/a"]
Parser = Callable[[Document], list[ParsedInstitution]]

# Methods by which the resolver picked one of several namesakes by preference, not evidence.
_PREFERENCE_METHODS = frozenset({"town", "main_locality", "village"})
_SELF_GOVERNING = frozenset({"miejska", "wiejska", "miejsko-wiejska"})


# --- inputs ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Units:
    """TERC units as plain rows, for deriving the truth without the resolver."""

    voivodeships: dict[str, str]  # folded name -> WOJ
    powiats: tuple[tuple[str, str, bool], ...]  # (powiat_teryt, name, is_city)
    gminas: tuple[tuple[str, str, str, str], ...]  # (gmina6, name, kind, powiat_teryt)
    postal: dict[str, frozenset[tuple[str | None, str | None]]]  # code -> {(gmina6, powiat)}


@dataclass(frozen=True, slots=True)
class Reference:
    """The gazetteer as the resolver sees it and as the truth derivation sees it."""

    gazetteer: Gazetteer
    units: Units


def load_reference(terc: Path, simc: Path | None, pna: Path | None) -> Reference:
    """Load the gazetteer files into a temporary DuckDB and index them."""
    con = duckdb.connect()
    try:
        load_gazetteer(con, terc=terc, simc=simc, pna=pna)
        gazetteer = gazetteer_from_warehouse(con)
        voivodeships = {
            fold_key(name): woj
            for woj, name in con.execute("SELECT woj, name FROM teryt_voivodeships").fetchall()
        }
        powiats = tuple(
            (str(code), str(name), bool(is_city))
            for code, name, is_city in con.execute(
                "SELECT powiat_teryt, name, is_city FROM teryt_powiats"
            ).fetchall()
        )
        gminas = tuple(
            (str(g6), str(name), str(kind), str(powiat))
            for g6, name, kind, powiat in con.execute(
                "SELECT gmina6, name, kind, powiat_teryt FROM teryt_gminas"
            ).fetchall()
        )
        postal: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
        for code, gmina6, powiat in con.execute(
            "SELECT postal_code, gmina6, powiat_teryt FROM postal_codes"
        ).fetchall():
            postal[code].add((gmina6, powiat))
    finally:
        con.close()
    units = Units(voivodeships, powiats, gminas, {k: frozenset(v) for k, v in postal.items()})
    return Reference(gazetteer, units)


def load_national_reference(data: Path) -> Reference:
    """TERC Adresowy 2026 + SIMC 2020 + PNA 2024 from the shared data folder."""
    return load_reference(
        data / "teryt" / "TERC_Adresowy_2026-02-16.csv",
        data / "teryt" / "SIMC_Urzedowy_2020-09-26.csv",
        data / "postal_codes" / "pna_2024_miejscowosci.csv",
    )


def read_document(path: Path, content_type: str | None = None) -> Document:
    """A file as the extract stage would see it when fetched through file://."""
    if not path.is_file():
        raise FileNotFoundError(f"benchmark input is missing: {path}")
    content = path.read_bytes()
    url = path.resolve().as_uri()
    return Document.from_bytes(
        url,
        content,
        content_type=content_type,
        charset="utf-8" if content_type == "text/html" else None,
    )


# --- the truth ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Truth:
    """Accepted gminas (6-digit WOJ+POW+GMI; empty: not known) and the powiat (None: not known)."""

    gminas: frozenset[str]
    powiat: str | None


def truth_from_names(
    units: Units, gmina: str | None, powiat: str | None, voivodeship: str
) -> Truth:
    """The TERC gmina and powiat a registry's own name columns mean, by exact folded name;
    nothing is known (the record is not counted) when a name is not in this TERC."""
    woj = units.voivodeships.get(fold_key(voivodeship))
    if woj is None:
        return Truth(frozenset(), None)
    powiat_key = fold_key(powiat or "")
    powiats = [c for c, name, _ in units.powiats if c[:2] == woj and fold_key(name) == powiat_key]
    powiat_code = powiats[0] if len(powiats) == 1 else None
    if not gmina or powiat_code is None:
        return Truth(frozenset(), powiat_code)
    gmina_key = fold_key(gmina)
    found = [g for g in units.gminas if g[3] == powiat_code and fold_key(g[1]) == gmina_key]
    if not found:
        # "gmina Bielsko-Biała, powiat bielski": the land powiat only has its office in the
        # city with county rights, which is a powiat of its own
        cities = [c for c, name, is_city in units.powiats
                  if is_city and c[:2] == woj and fold_key(name) == gmina_key]  # fmt: skip
        if len(cities) == 1:
            powiat_code = cities[0]
            found = [g for g in units.gminas if g[3] == powiat_code and g[2] == "miejska"]
    accepted = {g[0] for g in found}
    if any(g[2] not in _SELF_GOVERNING for g in found):
        # a Kraków delegatura or a Warsaw district: the city's own gmina is right too
        accepted |= {g[0] for g in units.gminas if g[3] == powiat_code and g[2] == "miejska"}
    return Truth(frozenset(accepted), powiat_code)


def truth_from_postal_code(units: Units, code: str | None) -> Truth:
    """The gmina and powiat of a postal code that lies in one gmina (else not known)."""
    entries = units.postal.get(code or "", frozenset())
    gminas = {g for g, _ in entries}
    powiats = {p for _, p in entries}
    gmina = next(iter(gminas)) if len(gminas) == 1 else None
    powiat = next(iter(powiats)) if len(powiats) == 1 else None
    return Truth(frozenset({gmina}) if gmina else frozenset(), powiat)


# --- place cases -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceCase:
    """One record to place, as its source wrote it, with the truth from elsewhere.

    The evidence fields are what the normalise stage would see; a registry's gmina and powiat
    columns are left out (None) where they are the truth being measured.
    """

    dataset: str
    label: str
    name_raw: str
    locality_raw: str | None
    postal_code_raw: str | None
    truth: Truth
    county: str | None = None  # as the source's declaration in sources/ says ("12", "PL")
    street_raw: str | None = None
    gmina_raw: str | None = None
    powiat_raw: str | None = None
    voivodeship_raw: str | None = None


@dataclass(frozen=True, slots=True)
class Variant:
    label: str
    folded: bool
    postal: bool


VARIANTS = (
    Variant("as written + postal code", folded=False, postal=True),
    Variant("as written, no postal code", folded=False, postal=False),
    Variant("folded upper + postal code", folded=True, postal=True),
    Variant("folded upper, no postal code", folded=True, postal=False),
)
NIGHTLY = VARIANTS[0]


def _written(text: str | None, variant: Variant) -> str | None:
    text = empty_to_none(text)
    return fold(text).upper() if text is not None and variant.folded else text


def _name_evidence(name: str) -> tuple[str | None, Seat | None]:
    """The name's place phrase and where its kind sits, as `normalise_record` reads them."""
    try:
        parsed = normalise_name(name)
    except ValueError:
        return None, None
    return parsed.place_raw, institution_seat(
        parsed.name, classify(parsed.name, None, None).type_code
    )


def place_query(case: PlaceCase, variant: Variant) -> tuple[str, str | None]:
    """The place text (locality, else the name's place phrase) and the postal code."""
    name = _written(case.name_raw, variant) or ""
    text = _written(case.locality_raw, variant) or _name_evidence(name)[0] or ""
    postal = None
    if variant.postal and case.postal_code_raw:
        postal = normalise_postal_code(case.postal_code_raw)
    return text, postal


def place_row(case: PlaceCase, variant: Variant) -> RawRow:
    """The record as `transforms.normalise.resolve_record_place` receives it in the nightly
    run (the fields a place is not read from are left empty)."""
    return RawRow(
        record_id=case.label, source=case.dataset, county=case.county or "", role="institution",
        name_raw=_written(case.name_raw, variant) or "", type_raw=None,
        street_raw=_written(case.street_raw, variant),
        postal_code_raw=case.postal_code_raw if variant.postal else None,
        locality_raw=_written(case.locality_raw, variant),
        gmina_raw=_written(case.gmina_raw, variant), powiat_raw=_written(case.powiat_raw, variant),
        phones_raw=(), emails_raw=(), websites_raw=(), nip_raw=None, regon_raw=None,
        krs_raw=None, rspo_raw=None, opening_hours_raw=None, description_raw=None,
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
        voivodeship_raw=_written(case.voivodeship_raw, variant),
    )  # fmt: skip


def source_county(slug: str, root: Path = ROOT / "sources") -> str | None:
    """The `county` a source's declaration (sources/<county>/<slug>.yml) gives it."""
    for path in root.glob(f"*/{slug}.yml"):
        declared = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        county = declared.get("county")
        return str(county) if county is not None else None
    return None


@dataclass(frozen=True, slots=True)
class Correction:
    """A hand-checked fix of a registry's truth (benchmarks/gold/truth_corrections.csv)."""

    truth: Truth | None  # None: the record's truth is unknown, it is not counted
    note: str


def load_corrections(path: Path = GOLD_CORRECTIONS) -> dict[tuple[str, str], Correction]:
    corrections: dict[tuple[str, str], Correction] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gminas = frozenset(g for g in row["gmina6"].split() if g)
            powiat = row["powiat_teryt"] or None
            truth = Truth(gminas, powiat) if gminas or powiat else None
            key = (row["dataset"], unicodedata.normalize("NFC", row["name_raw"]))
            corrections[key] = Correction(truth, row["note"])
    return corrections


def _cases_from_registry(
    dataset: str,
    records: Iterable[ParsedInstitution],
    truth: Callable[[ParsedInstitution], Truth],
    *,
    county: str | None,
    columns_are_truth: bool,
    corrections: dict[tuple[str, str], Correction],
) -> list[PlaceCase]:
    cases = []
    for r in records:
        # the registries mix composed and decomposed letters ("Starzeński" with a combining
        # acute): corrections are keyed on the NFC form
        fixed = corrections.get((dataset, unicodedata.normalize("NFC", r.name_raw)))
        if fixed is not None and fixed.truth is None:
            continue
        cases.append(
            PlaceCase(
                dataset,
                r.name_raw,
                r.name_raw,
                r.locality_raw,
                r.postal_code_raw,
                fixed.truth if fixed is not None and fixed.truth else truth(r),
                county=county,
                street_raw=r.street_raw,
                gmina_raw=None if columns_are_truth else r.gmina_raw,
                powiat_raw=None if columns_are_truth else r.powiat_raw,
                voivodeship_raw=r.voivodeship_raw,
            )  # fmt: skip
        )
    return cases


def registry_place_cases(data: Path, units: Units) -> list[PlaceCase]:
    """Records of the registries with trustworthy place columns, with their truth."""
    sa = data / "social_assistance"
    cases: list[PlaceCase] = []
    corrections = load_corrections()

    def by_names(default_woj: str) -> Callable[[ParsedInstitution], Truth]:
        def truth(r: ParsedInstitution) -> Truth:
            woj = (r.voivodeship_raw or default_woj).strip()
            return truth_from_names(units, r.gmina_raw, r.powiat_raw, woj)

        return truth

    def by_postal(r: ParsedInstitution) -> Truth:
        return truth_from_postal_code(units, normalise_postal_code(r.postal_code_raw or ""))

    def powiat_only(r: ParsedInstitution) -> Truth:
        woj = (r.voivodeship_raw or "małopolskie").strip()
        return truth_from_names(units, None, r.powiat_raw, woj)

    # (dataset, source slug in sources/, file, parser, truth, the name columns are the truth)
    sources: list[tuple[str, str, Path, Parser, Callable[[ParsedInstitution], Truth], bool]] = [
        ("ops_slaskie", "ops_slaskie", sa / "ops_slaskie.csv", parse_ops_list,
         by_names("śląskie"), True),
        ("ops_malopolskie_geo", "ops_malopolskie", sa / "ops_malopolskie_geo.csv",
         parse_ops_list, by_names("małopolskie"), True),
        ("placowki_sds_dps", "sds_dps_malopolskie", sa / "placowki_sds_dps_malopolskie.csv",
         parse_spreadsheet, by_names("małopolskie"), True),
        ("utw_malopolskie", "utw_malopolskie", sa / "utw_malopolskie.csv", parse_spreadsheet,
         powiat_only, True),
        ("sady_adresy", "sady_adresy", data / "courts" / "sady_adresy_mobberizer.csv",
         parse_courts_addresses, by_postal, False),
        ("psse_sanepid", "sanepid", data / "health" / "psse_sanepid_adresy_mobberizer.csv",
         parse_sanepid, by_postal, False),
    ]  # fmt: skip
    for dataset, slug, path, parser, truth, columns_are_truth in sources:
        records = parser(read_document(path))
        cases.extend(
            _cases_from_registry(
                dataset,
                records,
                truth,
                county=source_county(slug),
                columns_are_truth=columns_are_truth,
                corrections=corrections,
            )  # fmt: skip
        )
    return cases


def page_place_cases(
    data: Path, gold: Path = GOLD_PLACES, *, limit: int | None = None
) -> list[PlaceCase]:
    """Saved home pages parsed as the nightly run would, with the hand-annotated truth; `limit`
    parses only the first N pages of the gold file (parsing every page is most of a smoke run).

    A page's own gmina / powiat / voivodeship fields are passed as evidence: the truth is the
    annotator's, not the page's.
    """
    cases: list[PlaceCase] = []
    with gold.open(encoding="utf-8", newline="") as handle:
        for row in itertools.islice(csv.DictReader(handle), limit):
            path = data / "html_fixtures" / row["file"]
            document = read_document(path, "text/html")
            records: list[ParsedInstitution] = []
            for parser in (parse_bip_dane, parse_contact_page):
                try:
                    records = parser(document)
                except ExtractionError:
                    continue
                if records:
                    break
            truth = Truth(frozenset({row["gmina6"]}), row["powiat_teryt"])
            if not records:
                # the page yields nothing: it counts as unresolved, not as skipped
                cases.append(PlaceCase("html_fixtures", row["file"], row["file"], None, None,
                                       truth))  # fmt: skip
                continue
            first = records[0]
            cases.append(
                PlaceCase(
                    "html_fixtures",
                    row["file"],
                    first.name_raw,
                    first.locality_raw,
                    first.postal_code_raw,
                    truth,
                    street_raw=first.street_raw,
                    gmina_raw=first.gmina_raw,
                    powiat_raw=first.powiat_raw,
                    voivodeship_raw=first.voivodeship_raw,
                )  # fmt: skip
            )
    return cases


# --- judging -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceOutcome:
    case: PlaceCase
    variant: Variant
    text: str
    postal_code: str | None
    resolution: PlaceResolution
    gmina: Verdict
    powiat: Verdict
    gmina_in_candidates: bool
    powiat_in_candidates: bool
    namesake: bool


def judge(resolution: PlaceResolution, truth: Truth) -> tuple[Verdict, Verdict, bool, bool]:
    """Verdicts for the gmina and the powiat, and whether the truth is among the candidates."""
    gmina6 = resolution.gmina_teryt[:6] if resolution.gmina_teryt else None
    confident = resolution.status == "resolved"

    def verdict(value: str | None, accepted: frozenset[str]) -> Verdict:
        if not accepted:
            return "n/a"
        if value is not None and value in accepted:
            return "correct"
        if resolution.status == "ambiguous":
            return "ambiguous"
        if not confident or value is None:
            return "unresolved"
        return "wrong"

    gmina = verdict(gmina6, truth.gminas)
    powiat = verdict(
        resolution.powiat_teryt, frozenset({truth.powiat}) if truth.powiat else frozenset()
    )
    in_gmina = any((c.gmina_teryt or "")[:6] in truth.gminas for c in resolution.candidates)
    in_powiat = any(c.powiat_teryt == truth.powiat for c in resolution.candidates)
    return gmina, powiat, in_gmina, in_powiat


def is_namesake(gazetteer: Gazetteer, text: str) -> bool:
    """Several places carry this name: without evidence the resolver cannot or may not pick."""
    if not text:
        return False
    bare = gazetteer.resolve_place(text)
    if bare.status == "ambiguous":
        return len({c.gmina_teryt for c in bare.candidates}) > 1
    return bare.method in _PREFERENCE_METHODS


def resolve_cases(
    gazetteer: Gazetteer, cases: Sequence[PlaceCase], variants: Sequence[Variant] = VARIANTS
) -> list[PlaceOutcome]:
    outcomes: list[PlaceOutcome] = []
    namesake_cache: dict[str, bool] = {}
    for case in cases:
        plain_text, _ = place_query(case, NIGHTLY)
        if plain_text not in namesake_cache:
            namesake_cache[plain_text] = is_namesake(gazetteer, plain_text)
        for variant in variants:
            text, postal = place_query(case, variant)
            row = place_row(case, variant)
            name_place, seat = _name_evidence(row.name_raw)
            found = resolve_record_place(row, gazetteer, name_place, seat)
            resolution = found or PlaceResolution("unresolved", method="empty")
            gmina, powiat, in_gmina, in_powiat = judge(resolution, case.truth)
            if resolution.method == "rural_gmina_seat" and "wrong" in (gmina, powiat):
                # the rural gmina's office in its namesake town: the truth is the address's
                # gmina, the answer the gmina the office serves; either counts (see above)
                at_address = resolve_record_place(row, gazetteer, name_place)
                if at_address is not None:
                    gmina, powiat, in_gmina, in_powiat = judge(at_address, case.truth)
            outcomes.append(
                PlaceOutcome(
                    case,
                    variant,
                    text,
                    postal,
                    resolution,
                    gmina,
                    powiat,
                    in_gmina,
                    in_powiat,
                    namesake_cache[plain_text],
                )  # fmt: skip
            )
    return outcomes


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    measure: str
    data: str
    variant: str
    n: int
    ok: int
    ambiguous: str  # "3 (2 with truth)" or "-"
    unresolved: str
    wrong: int


HEADERS = ("measure", "data", "variant", "n", "ok", "ok %", "ambiguous", "unresolved", "wrong")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _place_rows(measure: str, data: str, variant: str, outcomes: list[PlaceOutcome]) -> Row:
    level = "gmina" if measure.startswith("gmina") else "powiat"
    verdicts = [(o.gmina, o.gmina_in_candidates) if level == "gmina"
                else (o.powiat, o.powiat_in_candidates) for o in outcomes]  # fmt: skip
    counted = [(v, inside) for v, inside in verdicts if v != "n/a"]
    tally = Counter(v for v, _ in counted)
    ambiguous_with_truth = sum(1 for v, inside in counted if v == "ambiguous" and inside)
    return Row(
        measure,
        data,
        variant,
        len(counted),
        tally["correct"],
        f"{tally['ambiguous']} ({ambiguous_with_truth} with truth)" if tally["ambiguous"] else "0",
        str(tally["unresolved"]),
        tally["wrong"],
    )


def place_rows(outcomes: list[PlaceOutcome]) -> list[Row]:
    """Per dataset the nightly variant; over all records and over namesakes every variant."""
    rows: list[Row] = []
    datasets = list(dict.fromkeys(o.case.dataset for o in outcomes))
    for level in ("powiat", "gmina"):
        for dataset in datasets:
            chosen = [o for o in outcomes if o.case.dataset == dataset and o.variant == NIGHTLY]
            rows.append(_place_rows(f"{level} placed", dataset, NIGHTLY.label, chosen))
        variants = list(dict.fromkeys(o.variant for o in outcomes))
        for variant in variants:
            chosen = [o for o in outcomes if o.variant == variant]
            rows.append(_place_rows(f"{level} placed", "all", variant.label, chosen))
        for variant in variants:
            chosen = [o for o in outcomes if o.variant == variant and o.namesake]
            rows.append(_place_rows(f"{level} placed", "namesakes", variant.label, chosen))
    return rows


# --- names -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NamePair:
    """The same institution as two registries name it."""

    dataset: str
    left: str
    right: str
    key: str  # what paired them


def _unique_pairs(
    dataset: str, left: dict[str, list[str]], right: dict[str, list[str]]
) -> list[NamePair]:
    return [
        NamePair(dataset, left[k][0], right[k][0], k)
        for k in sorted(left.keys() & right.keys())
        if len(left[k]) == 1 and len(right[k]) == 1
    ]


def court_pairs(data: Path, gazetteer: Gazetteer) -> list[NamePair]:
    """District courts of the two lists, paired by the TERYT gmina of the court's seat.

    The seat comes from different fields on each side: in the mobberizer list from the
    address (locality + postal code), in the ministry list from the first city of the court's
    territory ("dla miasta Skarżysko-Kamienna oraz gmin …"). Cities with several district
    courts (Kraków, Warszawa, …) give non-unique keys and are left out.
    """
    courts = data / "courts"
    left: dict[str, list[str]] = defaultdict(list)
    for record in parse_courts_addresses(read_document(courts / "sady_adresy_mobberizer.csv")):
        if not fold_key(record.name_raw).startswith("sad rejonowy") or not record.locality_raw:
            continue
        place = gazetteer.resolve_place(
            record.locality_raw, postal_code=normalise_postal_code(record.postal_code_raw or "")
        )
        if place.status == "resolved" and place.gmina_teryt:
            left[place.gmina_teryt[:6]].append(record.name_raw)
    right: dict[str, list[str]] = defaultdict(list)
    hierarchy = courts / "sady_hierarchia_wlasciwosc_2025-02-01.csv"
    for court in parse_court_jurisdiction(read_document(hierarchy)):
        if not court.cities:
            continue
        seat = _court_seat(gazetteer, gazetteer.resolve_place(court.cities[0]))
        if seat:
            right[seat].append(court.court)
    return _unique_pairs("courts (SR)", left, right)


def _court_seat(gazetteer: Gazetteer, place: PlaceResolution) -> str | None:
    """The 6-digit gmina of a court's seat: the resolved place, or — the ministry's list gives
    the bare city name, which often has namesake villages — the only town among the
    candidates (a district court sits in a town). For pairing only, never for placing."""
    if place.status == "resolved" and place.gmina_teryt:
        return place.gmina_teryt[:6]
    towns = set()
    for c in place.candidates:
        loc = gazetteer.locality(c.locality_simc or "")
        if loc is not None and loc.kind_code == "96" and c.gmina_teryt:
            towns.add(c.gmina_teryt[:6])
    return towns.pop() if len(towns) == 1 else None


def ops_pairs(data: Path) -> list[NamePair]:
    """Małopolska social-assistance centres of the RJPS export and the website audit, paired
    by the seat locality each list writes in its own column (`miejscowosc`; `city`, a folded
    slug), where it is unique on both sides (PCPRs, absent from the audit, left out)."""
    sa = data / "social_assistance"
    left: dict[str, list[str]] = defaultdict(list)
    for record in parse_ops_list(read_document(sa / "ops_malopolskie_geo.csv")):
        if (record.type_raw or "").upper() != "PCPR" and record.locality_raw:
            left[fold_key(record.locality_raw)].append(record.name_raw)
    right: dict[str, list[str]] = defaultdict(list)
    for record in parse_spreadsheet(read_document(sa / "ops_malopolskie_www_audit.csv")):
        if record.locality_raw:
            right[fold_key(record.locality_raw)].append(record.name_raw)
    return _unique_pairs("ops_malopolskie", left, right)


@dataclass(frozen=True, slots=True)
class NameOutcome:
    pair: NamePair
    folded: bool
    left_key: str
    right_key: str

    @property
    def same(self) -> bool:
        return self.left_key == self.right_key


def compare_names(
    pairs: Iterable[NamePair], place_name: Callable[[str], str | None] | None = None
) -> list[NameOutcome]:
    """Keys of both sides, built as the normalise stage builds them (`place_name`: the
    gazetteer's reader of place phrases, as `normalise_record` passes it)."""
    outcomes: list[NameOutcome] = []
    for pair in pairs:
        right = normalise_name(pair.right, place_name).key
        outcomes.append(NameOutcome(pair, False, normalise_name(pair.left, place_name).key, right))
        folded_left = normalise_name(fold(pair.left).upper(), place_name).key
        outcomes.append(NameOutcome(pair, True, folded_left, right))
    return outcomes


def name_rows(outcomes: list[NameOutcome]) -> list[Row]:
    rows: list[Row] = []
    for dataset in dict.fromkeys(o.pair.dataset for o in outcomes):
        for folded in (False, True):
            chosen = [o for o in outcomes if o.pair.dataset == dataset and o.folded == folded]
            same = sum(o.same for o in chosen)
            variant = "left side folded upper" if folded else "as written"
            rows.append(
                Row(
                    "same name key",
                    dataset,
                    variant,
                    len(chosen),
                    same,
                    "-",
                    "-",
                    len(chosen) - same,
                )  # fmt: skip
            )
    return rows


# --- contacts ----------------------------------------------------------------------------------


def contact_sources(data: Path) -> list[tuple[str, Path, Parser]]:
    """Every institution registry and spreadsheet in the shared data, with its parser."""
    sa = data / "social_assistance"
    sources: list[tuple[str, Path, Parser]] = [
        (p.name, p, parse_ops_list) for p in sorted(sa.glob("ops_*.csv")) if "audit" not in p.name
    ]
    sources += [
        (p.name, p, parse_spreadsheet)
        for p in sorted(sa.iterdir())
        if p.suffix in {".xls", ".xlsx"}
        or p.name
        in {
            "placowki_sds_dps_malopolskie.csv",
            "utw_malopolskie.csv",
            "ops_malopolskie_www_audit.csv",
        }  # fmt: skip
    ]
    sources += [
        ("sady_adresy_mobberizer.csv", data / "courts" / "sady_adresy_mobberizer.csv",
         parse_courts_addresses),
        ("psse_sanepid_adresy_mobberizer.csv",
         data / "health" / "psse_sanepid_adresy_mobberizer.csv", parse_sanepid),
        ("pip_inspektoraty_pracy_mobberizer.csv",
         data / "other_institutions" / "pip_inspektoraty_pracy_mobberizer.csv", parse_sanepid),
        ("poczta_polska_placowki_2024.csv",
         data / "other_institutions" / "poczta_polska_placowki_2024.csv", parse_spreadsheet),
        ("rspo_export_sample_lo.csv", data / "education" / "rspo_export_sample_lo.csv",
         parse_rspo),
    ]  # fmt: skip
    return sources


@dataclass(frozen=True, slots=True)
class ContactTally:
    source: str
    phone_cells: int
    phone_ok: int
    postal_cells: int
    postal_ok: int
    failures: tuple[str, ...]
    error: str | None = None


def tally_contacts(source: str, records: Iterable[ParsedInstitution]) -> ContactTally:
    phone_cells = phone_ok = postal_cells = postal_ok = 0
    failures: list[str] = []
    for record in records:
        for cell in record.phones_raw:
            if not cell.strip():
                continue
            phone_cells += 1
            if normalise_phones(cell):
                phone_ok += 1
            else:
                failures.append(f"phone {cell!r}")
        if record.postal_code_raw and record.postal_code_raw.strip():
            postal_cells += 1
            if normalise_postal_code(record.postal_code_raw):
                postal_ok += 1
            else:
                failures.append(f"postal code {record.postal_code_raw!r}")
    return ContactTally(source, phone_cells, phone_ok, postal_cells, postal_ok, tuple(failures))


def measure_contacts(sources: Iterable[tuple[str, Path, Parser]]) -> list[ContactTally]:
    tallies: list[ContactTally] = []
    for source, path, parser in sources:
        try:
            records = parser(read_document(path))
        except ExtractionError as error:
            tallies.append(ContactTally(source, 0, 0, 0, 0, (), error=str(error)))
            continue
        tallies.append(tally_contacts(source, records))
    return tallies


def contact_rows(tallies: list[ContactTally]) -> list[Row]:
    rows: list[Row] = []
    for measure, cells, ok in (
        ("phone cell -> E.164", "phone_cells", "phone_ok"),
        ("postal code parsed", "postal_cells", "postal_ok"),
    ):
        total = total_ok = 0
        for tally in tallies:
            n, good = getattr(tally, cells), getattr(tally, ok)
            total, total_ok = total + n, total_ok + good
            if tally.error:
                rows.append(Row(measure, tally.source, f"parser error: {tally.error[:40]}", 0, 0,
                                "-", "-", 0))  # fmt: skip
            elif n:
                rows.append(Row(measure, tally.source, "", n, good, "-", "-", n - good))
        rows.append(Row(measure, "all", "", total, total_ok, "-", "-", total - total_ok))
    return rows


# --- output ------------------------------------------------------------------------------------


def _cells(row: Row) -> tuple[str, ...]:
    return (row.measure, row.data, row.variant, str(row.n), str(row.ok),
            _percent(row.ok, row.n), row.ambiguous, row.unresolved, str(row.wrong))  # fmt: skip


def format_table(rows: Sequence[Row], *, markdown: bool = False) -> str:
    body = [_cells(r) for r in rows]
    if markdown:
        lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(h), *(len(c[i]) for c in body)) for i, h in enumerate(HEADERS)]
    numeric = {3, 4, 5, 8}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(HEADERS), line(["-" * w for w in widths]), *map(line, body)])


def describe_failures(
    places: list[PlaceOutcome], names: list[NameOutcome], tallies: list[ContactTally]
) -> str:
    lines = ["", "# places: wrong or unresolved (nightly variant)"]
    for o in places:
        if o.variant != NIGHTLY or ("wrong" not in (o.gmina, o.powiat)
                                    and "unresolved" not in (o.gmina, o.powiat)):  # fmt: skip
            continue
        r = o.resolution
        lines.append(
            f"{o.case.dataset} | {o.case.label[:60]} | text={o.text!r} postal={o.postal_code} | "
            f"gmina {o.gmina}, powiat {o.powiat} | got {r.status} {r.locality_name} "
            f"{r.gmina_teryt} {r.powiat_teryt} ({r.method}) | truth {sorted(o.case.truth.gminas)} "
            f"{o.case.truth.powiat}"
        )
    lines.append("# places: ambiguous (nightly variant; candidates recorded, nothing guessed)")
    for o in places:
        if o.variant == NIGHTLY and "ambiguous" in (o.gmina, o.powiat):
            r = o.resolution
            shown = sorted({f"{c.locality_name or c.gmina_name} {c.powiat_teryt}"
                            for c in r.candidates})[:6]  # fmt: skip
            lines.append(
                f"{o.case.dataset} | {o.case.label[:60]} | text={o.text!r} postal={o.postal_code}"
                f" | {r.method}, {r.candidate_count} candidates: {', '.join(shown)} | truth "
                f"{sorted(o.case.truth.gminas)} {o.case.truth.powiat}"
            )
    lines.append("# places: confidently wrong in the other variants")
    for o in places:
        if o.variant != NIGHTLY and "wrong" in (o.gmina, o.powiat):
            r = o.resolution
            lines.append(
                f"{o.variant.label} | {o.case.dataset} | text={o.text!r} | got {r.locality_name}"
                f" {r.gmina_teryt} {r.powiat_teryt} ({r.method}) | truth "
                f"{sorted(o.case.truth.gminas)} {o.case.truth.powiat}"
            )
    lines.append("# names: different keys")
    for n in names:
        if not n.same:
            lines.append(f"{n.pair.dataset} folded={n.folded} | {n.left_key!r} != {n.right_key!r}")
    lines.append("# contacts: cells that did not parse")
    for tally in tallies:
        lines.extend(f"{tally.source} | {failure}" for failure in tally.failures)
    return "\n".join(lines)


def run(
    data: Path, reference: Reference, *, limit: int | None = None
) -> tuple[list[Row], list[PlaceOutcome], list[NameOutcome], list[ContactTally]]:
    """Every measurement; `limit` keeps the first N records of each place dataset and the first
    N name pairs of each list and N contact sources (for a quick smoke run)."""
    cases = registry_place_cases(data, reference.units) + page_place_cases(data, limit=limit)
    if limit is not None:
        kept: Counter[str] = Counter()
        sliced = []
        for case in cases:
            if kept[case.dataset] < limit:
                kept[case.dataset] += 1
                sliced.append(case)
        cases = sliced
    places = resolve_cases(reference.gazetteer, cases)
    pairs = court_pairs(data, reference.gazetteer) + ops_pairs(data)
    if limit is not None:
        by_dataset: dict[str, list[NamePair]] = defaultdict(list)
        for pair in pairs:
            by_dataset[pair.dataset].append(pair)
        pairs = [p for group in by_dataset.values() for p in group[:limit]]
    names = compare_names(pairs, reference.gazetteer.place_name)
    sources = contact_sources(data)
    if limit is not None:
        sources = sources[:limit]
    tallies = measure_contacts(sources)
    rows = place_rows(places) + name_rows(names) + contact_rows(tallies)
    return rows, places, names, tallies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    parser.add_argument("--failures", action="store_true", help="also list every miss")
    parser.add_argument("--limit", type=int, default=None, help="records per dataset (smoke)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no data folder at {args.data}")
    started = time.perf_counter()
    reference = load_national_reference(args.data)
    loaded = time.perf_counter() - started
    rows, places, names, tallies = run(args.data, reference, limit=args.limit)
    print(format_table(rows, markdown=args.markdown))
    elapsed = time.perf_counter() - started
    print(f"\n{len({o.case for o in places})} place records, {len(names) // 2} name pairs; "
          f"gazetteer {loaded:.0f} s, total {elapsed:.0f} s")  # fmt: skip
    if args.failures:
        print(describe_failures(places, names, tallies))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
