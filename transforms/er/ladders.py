"""Comparison ladders: for every candidate pair, one level per field.

A ladder is an ordered list of named levels (null / exact / strong fuzzy / weak fuzzy /
different); a pair lands on exactly one level of each ladder, and the model gives each level a
weight, so a coordinator can read why two records scored what they did. Exact, list and
place comparisons run in DuckDB over the whole candidate table; the type-phrase comparison
runs with rapidfuzz over the candidate pairs whose phrases differ, chunk by chunk, into numpy
arrays (no Python object per pair is kept). `patron_level` and `place_level` are the Python
statements of the SQL rules, for tests and explanations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from transforms.er.features import place_stem


@dataclass(frozen=True, slots=True)
class Ladder:
    """A field's comparison: level i is `levels[i]`; level 0 always means "a value is missing"."""

    field: str
    levels: tuple[str, ...]


LADDERS: tuple[Ladder, ...] = (
    Ladder(
        "core", ("null", "exact", "strong", "subset", "medium", "weak", "different", "conflict")
    ),
    Ladder("name_key", ("not_exact", "exact_rare", "exact_common", "exact_very_common")),
    Ladder("type", ("null", "same", "different")),
    Ladder("number", ("both_none", "one_none", "same", "different")),
    Ladder("patron", ("null", "same", "similar", "different")),
    Ladder("place", ("null", "same", "similar", "different")),
    Ladder("postal", ("null", "same", "neighbour", "same_area", "different")),
    Ladder("street", ("null", "same", "same_street", "similar", "different")),
    Ladder("phone", ("null", "same", "same_local", "different")),
    Ladder("email", ("null", "same", "same_domain", "different")),
    Ladder("website", ("null", "same", "different")),
    Ladder("nip", ("null", "same", "different")),
    # A branch's 14-digit REGON starts with its parent's nine digits: related, not the same.
    Ladder("regon", ("null", "same", "branch", "different")),
    Ladder("gmina", ("null", "same", "different")),
    Ladder("source", ("different", "same")),
)
LADDER_BY_FIELD = {ladder.field: ladder for ladder in LADDERS}

# Levels computed in SQL; `core` and `place` similarity need rapidfuzz and are done in Python.
_SQL_LEVELS = """
SELECT p.l, p.r,
  CASE WHEN a.name_key IS NULL OR a.name_key <> b.name_key THEN 0
       WHEN a.patron <> b.patron AND jaro_winkler_similarity(a.patron, b.patron) < 0.9 THEN 0
       WHEN tf.n <= 3 THEN 1 WHEN tf.n <= 20 THEN 2 ELSE 3 END AS name_key,
  CASE WHEN a.type_code IS NULL OR b.type_code IS NULL OR a.type_code = 'other'
            OR b.type_code = 'other' THEN 0
       WHEN a.type_code = b.type_code THEN 1 ELSE 2 END AS type,
  CASE WHEN a.number IS NULL AND b.number IS NULL THEN 0
       WHEN a.number IS NULL OR b.number IS NULL THEN 1
       WHEN a.number = b.number THEN 2 ELSE 3 END AS number,
  CASE WHEN a.postal IS NULL OR b.postal IS NULL THEN 0
       WHEN a.postal = b.postal THEN 1
       WHEN a.postal[1:5] = b.postal[1:5] THEN 2
       WHEN a.postal[1:2] = b.postal[1:2] THEN 3 ELSE 4 END AS postal,
  CASE WHEN a.street IS NULL OR b.street IS NULL THEN 0
       WHEN a.street = b.street AND a.house IS NOT DISTINCT FROM b.house THEN 1
       WHEN a.street = b.street THEN 2
       WHEN jaro_winkler_similarity(a.street, b.street) >= 0.9 THEN 3 ELSE 4 END AS street,
  CASE WHEN len(a.phones) = 0 OR len(b.phones) = 0 THEN 0
       WHEN list_has_any(a.phones, b.phones) THEN 1
       WHEN list_has_any(a.phones7, b.phones7) THEN 2 ELSE 3 END AS phone,
  CASE WHEN len(a.emails) = 0 OR len(b.emails) = 0 THEN 0
       WHEN list_has_any(a.emails, b.emails) THEN 1
       WHEN list_has_any(a.email_domains, b.email_domains) THEN 2 ELSE 3 END AS email,
  CASE WHEN a.host IS NULL OR b.host IS NULL THEN 0
       WHEN a.host = b.host THEN 1 ELSE 2 END AS website,
  CASE WHEN a.nip IS NULL OR b.nip IS NULL THEN 0 WHEN a.nip = b.nip THEN 1 ELSE 2 END AS nip,
  CASE WHEN a.regon IS NULL OR b.regon IS NULL THEN 0
       WHEN a.regon = b.regon THEN 1
       WHEN a.regon[1:9] = b.regon[1:9] THEN 2 ELSE 3 END AS regon,
  CASE WHEN a.gmina IS NULL OR b.gmina IS NULL THEN 0
       WHEN a.gmina = b.gmina THEN 1 ELSE 2 END AS gmina,
  CASE WHEN a.source = b.source THEN 1 ELSE 0 END AS source,
  CASE WHEN a.patron IS NULL OR b.patron IS NULL THEN 0
       WHEN a.patron = b.patron THEN 1
       WHEN jaro_winkler_similarity(a.patron, b.patron) >= 0.9
            OR list_has_all(string_split(a.patron, ' '), string_split(b.patron, ' '))
            OR list_has_all(string_split(b.patron, ' '), string_split(a.patron, ' ')) THEN 2
       ELSE 3 END AS patron,
  CASE WHEN len(a.places) = 0 OR len(b.places) = 0 THEN 0
       WHEN list_has_any(a.places, b.places) OR list_has_any(a.place_stems, b.place_stems)
            THEN 1
       WHEN list_max(list_transform(a.places, x -> list_max(list_transform(b.places,
            y -> jaro_winkler_similarity(x, y))))) >= 0.9 THEN 2
       ELSE 3 END AS place,
  CASE WHEN a.core IS NULL OR b.core IS NULL OR a.core = '' OR b.core = '' THEN 0
       WHEN a.core = b.core THEN 1 ELSE 255 END AS core,
  CASE WHEN a.core <> b.core THEN a.core END AS core_l,
  CASE WHEN a.core <> b.core THEN b.core END AS core_r
FROM er_pairs p
JOIN er_places a ON a.rid = p.l
JOIN er_places b ON b.rid = p.r
LEFT JOIN er_name_tf tf ON tf.name_key = a.name_key
ORDER BY p.l, p.r
"""

_SQL_FIELDS = tuple(f for f in (ladder.field for ladder in LADDERS) if f != "core")

Levels = dict[str, npt.NDArray[np.int8]]


@dataclass(frozen=True, slots=True)
class LevelChunk:
    """Levels of a chunk of candidate pairs, one int8 array per ladder."""

    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    levels: Levels


def compare_pairs(
    con: duckdb.DuckDBPyConnection, chunk_size: int = 500_000
) -> Iterator[LevelChunk]:
    """Levels of every pair of `er_pairs`, in chunks, in (l, r) order."""
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_name_tf AS
        SELECT name_key, count(*) AS n FROM er_features WHERE name_key IS NOT NULL GROUP BY 1
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_places AS
        SELECT *, list_transform(places, x -> er_stem(x)) AS place_stems
        FROM (SELECT *, list_distinct(list_filter([place, locality, locality_alt],
                                                  x -> x IS NOT NULL AND x <> '')) AS places
              FROM er_features)
        """
    )
    result = con.execute(_SQL_LEVELS)
    while True:
        batch = result.fetch_df_chunk(max(1, chunk_size // 2048))
        if batch.empty:
            break
        levels: Levels = {
            field: batch[field].to_numpy(dtype=np.int8, copy=True) for field in _SQL_FIELDS
        }
        core = batch["core"].to_numpy(dtype=np.int16, copy=True)
        fuzzy = np.flatnonzero(core == 255)
        if len(fuzzy):
            core[fuzzy] = _core_levels(
                batch["core_l"].to_numpy()[fuzzy].tolist(),
                batch["core_r"].to_numpy()[fuzzy].tolist(),
            )
        levels["core"] = core.astype(np.int8)
        yield LevelChunk(
            batch["l"].to_numpy(dtype=np.int32, copy=True),
            batch["r"].to_numpy(dtype=np.int32, copy=True),
            levels,
        )


def core_level(a: str, b: str) -> int:
    """Level of the `core` ladder for two type phrases (lemmatised, acronyms expanded)."""
    if not a or not b:
        return 0
    if a == b:
        return 1
    if _level_conflict(a, b):
        return CORE_CONFLICT
    sort = fuzz.token_sort_ratio(a, b)
    if sort >= 92:
        return 2
    if fuzz.token_set_ratio(a, b) >= 99:
        return 3  # one phrase inside the other: a dropped qualifier, or a different unit
    if sort >= 80:
        return 4
    if sort >= 65:
        return 5
    return 6


# Words naming the administrative level or kind of a unit: two phrases with different ones
# are different bodies however alike the rest (the model treats this level as a veto) ("Sąd Rejonowy" / "Sąd Okręgowy", "Gminny" /
# "Miejski Ośrodek Pomocy Społecznej", "Powiatowa" / "Wojewódzka" Stacja).
LEVEL_WORDS = frozenset(
    {
        "gminny",
        "miejski",
        "miejsko",
        "powiatowy",
        "wojewodzki",
        "regionalny",
        "rejonowy",
        "okregowy",
        "apelacyjny",
        "krajowy",
        "panstwowy",
        "specjalny",
        "samorzadowy",
        "parafialny",
        "diecezjalny",
    }
)


CORE_CONFLICT = 7  # level of the `core` ladder


def _level_conflict(a: str, b: str) -> bool:
    qa = LEVEL_WORDS.intersection(a.split())
    qb = LEVEL_WORDS.intersection(b.split())
    return bool(qa) and bool(qb) and not (qa & qb)


def _core_levels(left: list[str], right: list[str]) -> npt.NDArray[np.int8]:
    return np.fromiter((core_level(a, b) for a, b in zip(left, right, strict=True)), np.int8)


def patron_level(a: str, b: str) -> int:
    if not a or not b:
        return 0
    if a == b:
        return 1
    if fuzz.token_set_ratio(a, b) >= 90:
        return 2  # "Jana Pawła II" vs "św. Jana Pawła II", an initial for a first name
    return 3


def place_level(left: tuple[str, ...], right: tuple[str, ...]) -> int:
    """Best agreement between any place of one record (name place, locality, its gmina) and
    any of the other; inflection ("w Dłutowie" / "Dłutów") is forgiven through stems."""
    a = [p for p in left if p]
    b = [p for p in right if p]
    if not a or not b:
        return 0
    best = 3
    for x in a:
        for y in b:
            if x == y or place_stem(x) == place_stem(y):
                return 1
            if JaroWinkler.similarity(x, y) >= 0.9:
                best = 2
    return best
