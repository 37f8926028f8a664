"""The TERYT units a gazetteer holds, the rows it is built from, and what it answers with.

`GazetteerRows` is the whole input of `Gazetteer.from_rows`: plain rows that the warehouse reads
from its `teryt_*` / `postal_codes` tables or from the national gazetteer shipped with the
package (`warehouse.gazetteer_rows`). Nothing here reads a file or a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

Status = Literal["resolved", "ambiguous", "unresolved"]
# Where an institution's kind is seated, said by its name or type: "town" for courts, powiat
# offices, hospitals and anything "Miejski" (these sit in towns), "rural_gmina" for the office
# and units of a rural gmina ("Gminny Ośrodek Pomocy Społecznej", "Urząd Gminy"), which often
# sit in the town the rural gmina is named after.
Seat = Literal["town", "rural_gmina"]

SELF_GOVERNING = ("miejska", "wiejska", "miejsko-wiejska")
# RM codes of SIMC that denote parts of another locality (część miejscowości, część miasta,
# dzielnica m.st. Warszawy, delegatura).
PART_KINDS = frozenset({"00", "99", "95", "98"})
TOWN_KIND = "96"
VILLAGE_KIND = "01"


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One of several places a text can mean (kept when the answer is 'ambiguous')."""

    locality_simc: str | None
    locality_name: str | None
    gmina_teryt: str | None
    gmina_name: str | None
    gmina_kind: str | None
    powiat_teryt: str | None
    powiat_name: str | None


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """What a place text means in TERYT terms, and how that was decided.

    When 'ambiguous', the fields the candidates all share (often the powiat) are filled and
    the rest stay None; `candidates` lists up to 50 of them, `candidate_count` says how many.
    """

    status: Status
    locality_simc: str | None = None
    locality_name: str | None = None
    gmina_teryt: str | None = None  # 7 characters: WOJ POW GMI RODZ
    gmina_name: str | None = None
    gmina_kind: str | None = None  # miejska | wiejska | miejsko-wiejska | dzielnica | delegatura
    powiat_teryt: str | None = None  # 4 digits; 61 and above: a city with county rights
    powiat_name: str | None = None
    voivodeship_teryt: str | None = None
    method: str | None = None  # postal_code | county | gmina_hint | unique_name | town | ...
    candidates: tuple[PlaceCandidate, ...] = ()
    candidate_count: int = 0

    @property
    def is_city_with_county_rights(self) -> bool:
        return self.powiat_teryt is not None and self.powiat_teryt[2:] >= "61"


class Locality(NamedTuple):
    """One SIMC locality (a named tuple: ~100k of them are built at start-up)."""

    simc: str
    name: str
    kind_code: str  # SIMC RM: 96 town, 01 village, 00/99 part, ...
    is_main: bool  # not a part of another locality
    gmina_teryt: str | None
    gmina6: str
    powiat_teryt: str

    @property
    def rank(self) -> int:
        """0 town, 1 other independent locality, 2 part of a locality."""
        if self.kind_code == TOWN_KIND:
            return 0
        return 1 if self.is_main and self.kind_code not in PART_KINDS else 2


@dataclass(frozen=True, slots=True)
class Gmina:
    gmina_teryt: str
    gmina6: str
    name: str
    kind: str
    powiat_teryt: str


@dataclass(frozen=True, slots=True)
class Powiat:
    powiat_teryt: str
    name: str
    is_city: bool
    woj: str


class PostalEntry(NamedTuple):
    """One PNA row: a locality served by a postal code, with its TERC units where known."""

    locality_key: str
    locality: str
    locality_simc: str | None
    gmina_teryt: str | None
    gmina6: str | None
    powiat_teryt: str | None


class PostalRow(NamedTuple):
    """One row of `postal_codes` as read; `locality_key` None when the reader did not fold it."""

    postal_code: str
    locality: str
    locality_key: str | None
    locality_simc: str | None
    gmina_teryt: str | None
    gmina6: str | None
    powiat_teryt: str | None


@dataclass(frozen=True, slots=True)
class GazetteerRows:
    """Everything a `Gazetteer` is built from.

    Fold keys (`transforms.text.fold_key`) may come precomputed — the reader folds ~100k names
    in SQL in a fraction of the time Python takes — or None, and are then folded in Python.
    `localities` and `postal_codes` may be empty (a gazetteer of TERC units only).
    """

    voivodeships: Sequence[tuple[str, str]]  # (WOJ, lower-case name)
    powiats: Sequence[Powiat]
    gminas: Sequence[Gmina]
    localities: Sequence[tuple[Locality, str | None]]  # (locality, fold key of its name)
    postal_codes: Sequence[PostalRow]
    # every distinct word of the gmina, city-powiat and locality names, with its fold key
    words: Sequence[tuple[str, str | None]]
