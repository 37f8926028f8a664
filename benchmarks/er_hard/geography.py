"""The real geography the hard ER sets are placed on: TERYT gminas and localities, postal codes.

Read from `../shared/data` (GUS TERC 2026 and SIMC 2020, Poczta Polska PNA 2024). A gmina
carries its kind (urban, rural, urban-rural), its seat and its localities with their postal
codes; a powiat its gminas and seat. Localities of SIMC 2020 are kept when they are
independent villages or towns (`MZ = 1`, `RM` 01 or 96) and have a postal code in PNA.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# TERC kinds: an urban-rural gmina is listed as its town (4) and its rural area (5).
KINDS = {"1": "urban", "2": "rural", "4": "urban-rural", "5": "urban-rural"}


@dataclass(slots=True)
class Locality:
    name: str
    town: bool
    postal_codes: tuple[str, ...]


@dataclass(slots=True)
class Gmina:
    teryt: str  # 7 digits (TERC woj+pow+gmi+rodz; urban-rural gminas carry "3")
    name: str
    kind: str  # urban | rural | urban-rural
    localities: list[Locality] = field(default_factory=list)
    # A rural gmina named after the town it surrounds has its office in that town (gmina
    # Oświęcim in Oświęcim), outside its own localities.
    seat_town: Locality | None = None

    @property
    def seat(self) -> Locality:
        if self.seat_town is not None:
            return self.seat_town
        same = [loc for loc in self.localities if loc.name == self.name]
        towns = [loc for loc in self.localities if loc.town]
        # Otherwise the locality with most postal codes: the seat has its own post office.
        return (same or towns or sorted(self.localities, key=lambda loc: -len(loc.postal_codes)))[0]

    @property
    def villages(self) -> list[Locality]:
        return [loc for loc in self.localities if not loc.town]


@dataclass(slots=True)
class Powiat:
    teryt: str  # 4 digits
    name: str  # "tarnowski", or the city for a city with powiat rights ("Tarnów")
    voivodeship: str
    gminas: list[Gmina] = field(default_factory=list)

    @property
    def city(self) -> bool:
        return self.name[:1].isupper()

    @property
    def seat(self) -> Locality:
        towns = [g.seat for g in self.gminas if g.seat.town]
        # A land powiat's seat is its largest town: the one with most postal codes.
        return max(towns or [self.gminas[0].seat], key=lambda loc: len(loc.postal_codes))


def _read(path: Path, delimiter: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def load_powiats(data: Path, voivodeships: tuple[str, ...]) -> list[Powiat]:
    """Powiats of the named voivodeships (lower-case Polish names) with gminas, localities
    and postal codes."""
    terc = _read(data / "teryt" / "TERC_Adresowy_2026-02-16.csv", ";")
    woj_codes = {
        r["WOJ"]: r["NAZWA"].lower() for r in terc if not r["POW"] and r["NAZWA"].isupper()
    }
    wanted = {code for code, name in woj_codes.items() if name in voivodeships}
    powiats: dict[str, Powiat] = {}
    gminas: dict[str, Gmina] = {}
    for r in terc:
        if r["WOJ"] not in wanted or not r["POW"]:
            continue
        code = r["WOJ"] + r["POW"]
        if not r["GMI"]:
            powiats[code] = Powiat(code, r["NAZWA"], woj_codes[r["WOJ"]])
        elif r["RODZ"] in KINDS and code + r["GMI"] not in gminas:
            rodz = "3" if KINDS[r["RODZ"]] == "urban-rural" else r["RODZ"]
            gminas[code + r["GMI"]] = Gmina(code + r["GMI"] + rodz, r["NAZWA"], KINDS[r["RODZ"]])
    # Postal codes by (powiat name, gmina name, locality name).
    postal: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
    for r in _read(data / "postal_codes" / "pna_2024_miejscowosci.csv", ","):
        if r["wojewodztwo"] in voivodeships:
            key = (r["powiat"].strip(), r["gmina"].strip(), r["miejscowosc"].strip())
            postal[key].append(r["kod_pocztowy"])
    seen: set[tuple[str, str]] = set()
    for r in _read(data / "teryt" / "SIMC_Urzedowy_2020-09-26.csv", ";"):
        if r["WOJ"] not in wanted or r["MZ"] != "1" or r["RM"] not in ("01", "96"):
            continue
        gmina_or_none = gminas.get(r["WOJ"] + r["POW"] + r["GMI"])
        powiat = powiats.get(r["WOJ"] + r["POW"])
        if gmina_or_none is None or powiat is None:
            continue
        codes = postal.get((powiat.name, gmina_or_none.name, r["NAZWA"]))
        if not codes or (gmina_or_none.teryt, r["NAZWA"]) in seen:
            continue
        seen.add((gmina_or_none.teryt, r["NAZWA"]))
        gmina_or_none.localities.append(
            Locality(r["NAZWA"], r["RM"] == "96", tuple(sorted(set(codes))))
        )
    for key, gmina in sorted(gminas.items()):
        if gmina.localities:
            gmina.localities.sort(key=lambda loc: loc.name)
            powiats[key[:4]].gminas.append(gmina)
    for powiat in powiats.values():
        towns = {g.name: g.seat for g in powiat.gminas if g.kind == "urban"}
        for gmina in powiat.gminas:
            if gmina.kind == "rural" and gmina.name in towns:
                gmina.seat_town = towns[gmina.name]
    return [p for _code, p in sorted(powiats.items()) if p.gminas]
