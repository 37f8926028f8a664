"""The feature table dictionary-encoded for the ladders: an int32 code per record and field.

Every compared field of `er_features` is encoded once (`RecordCodes`: codes ranked by value so
they are deterministic, -1 for missing; list fields as a small padded matrix of codes), so
most ladder levels are numpy comparisons of codes gathered by the pair arrays. The values
behind the codes of fields compared by similarity are kept for rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd

from transforms.er.name_parts import CONFLICT_GROUPS, STEM_MACRO, inflected_alike
from transforms.er.phone_areas import district_sql, phone_district

Codes = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class CodedList:
    """A list field: `codes[rid]` holds the record's distinct value codes, left-aligned and
    padded with -1; a record with more values than columns keeps them all in `overflow`."""

    codes: npt.NDArray[np.int32]  # shape (records, width)
    overflow: dict[int, frozenset[int]]


@dataclass(frozen=True, slots=True)
class RecordCodes:
    """Every compared field of `er_features`, dictionary-encoded, indexed by rid."""

    name_key: Codes
    name_tf: npt.NDArray[np.int32]  # records sharing the name key (0 when there is none)
    name_areas: npt.NDArray[np.int32]  # distinct postal codes among them
    email_areas: npt.NDArray[np.int32]  # postal areas among the holders of its mailboxes
    core_tf: npt.NDArray[np.int32]  # records sharing the type phrase
    crowd: npt.NDArray[np.int32]  # records of the record's type at its place
    core: Codes
    core_values: tuple[str, ...]
    core_masks: npt.NDArray[np.int64]  # `level_masks` of core_values
    core_now: Codes  # the type phrase as it reads today (`features.current_core`)
    renamed: npt.NDArray[np.bool_]  # the record's name is a former one
    guessed: npt.NDArray[np.bool_]  # its type phrase came from a misspelt acronym
    generic: npt.NDArray[np.bool_]  # its type phrase names a kind (`features.is_generic`)
    type_code: Codes  # "other" counts as missing
    number: Codes
    patron: Codes
    patron_values: tuple[str, ...]
    proper: Codes
    proper_values: tuple[str, ...]
    postal: Codes
    postal4: Codes  # "NN-NN": the first four digits
    postal2: Codes
    district: Codes  # postal district: the code's first digit, else the landlines' area
    street: Codes
    street_values: tuple[str, ...]
    house: Codes
    host: Codes
    nip: Codes
    regon: Codes
    regon9: Codes
    gmina: Codes
    source: Codes
    phones: CodedList
    phones7: CodedList
    emails: CodedList
    email_domains: CodedList
    places: CodedList  # place of the name, locality, its "k." / "gm." place
    place_stems: CodedList  # same positions as `places`
    place_alike: CodedList  # `name_parts.inflected_alike` of `places`, same positions
    place_values: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Encoding er_features
# ---------------------------------------------------------------------------------------------

_SCALARS: dict[str, str] = {
    "name_key": "name_key",
    "core": "NULLIF(core, '')",
    "core_now": "NULLIF(core_now, '')",
    "type_code": "NULLIF(type_code, 'other')",
    "number": "number",
    "patron": "patron",
    "proper": "proper",
    "postal": "postal",
    "postal4": "postal[1:5]",
    "postal2": "postal[1:2]",
    # The postal district, from the postal code or else the landlines' area codes.
    "district": district_sql("phones", "postal"),
    "street": "street",
    "house": "house",
    "host": "host",
    "nip": "nip",
    "regon": "regon",
    "regon9": "regon[1:9]",
    "gmina": "gmina",
    "source": "source",
}
_WITH_VALUES = ("core", "patron", "proper", "street")
_LIST_WIDTH = 4


def _encode_scalars(
    con: duckdb.DuckDBPyConnection,
) -> tuple[dict[str, Codes], dict[str, tuple[str, ...]]]:
    """One int32 code column per field (codes ranked by value, so they are deterministic),
    and the values behind the codes of the fields compared by similarity. The fields' values
    fetched in one statement and ranked in numpy (`_ranked`): a dictionary per field joined
    in SQL cost twice as much on er-dev's 20 thousand records."""
    frame: dict[str, Any] = con.execute(
        "SELECT "
        + ", ".join(f"{expression} AS {field}" for field, expression in _SCALARS.items())
        + " FROM er_features ORDER BY rid"
    ).fetchnumpy()
    codes: dict[str, Codes] = {}
    values: dict[str, tuple[str, ...]] = {}
    for field in _SCALARS:
        codes[field], ranked = _ranked(_objects(frame[field]))
        if field in _WITH_VALUES:
            values[field] = tuple(map(str, ranked))
    return codes, values


def _ranked(values: npt.NDArray[np.object_]) -> tuple[Codes, npt.NDArray[np.object_]]:
    """Codes of the values ranked by value (-1 for None) and the values behind them, sorted:
    Python orders strings by code point, as DuckDB's `ORDER BY` orders their UTF-8 bytes."""
    codes, uniques = pd.factorize(values, sort=True, use_na_sentinel=True)
    return codes.astype(np.int32), np.asarray(uniques, dtype=object)


def _coded_list(n: int, rids: npt.NDArray[np.int64], codes: npt.NDArray[np.int64]) -> CodedList:
    """Pack (rid, code) rows (sorted by rid, distinct per rid) into a padded matrix."""
    if len(rids) == 0:
        return CodedList(np.full((n, 1), -1, dtype=np.int32), {})
    starts = np.searchsorted(rids, rids, side="left")
    position = np.arange(len(rids)) - starts
    width = int(min(_LIST_WIDTH, position.max() + 1))
    matrix = np.full((n, width), -1, dtype=np.int32)
    fits = position < width
    matrix[rids[fits], position[fits]] = codes[fits]
    overflow: dict[int, frozenset[int]] = {}
    for rid in np.unique(rids[~fits]).tolist():
        first, last = np.searchsorted(rids, [rid, rid + 1])
        overflow[rid] = frozenset(codes[first:last].tolist())
    return CodedList(matrix, overflow)


def _encode_list(con: duckdb.DuckDBPyConnection, n: int, expression: str) -> CodedList:
    """A VARCHAR[] expression over er_features as a `CodedList` (values ranked for codes)."""
    frame = con.execute(
        f"""
        WITH items AS (SELECT DISTINCT rid, unnest({expression}) AS v FROM er_features),
             dict AS (SELECT v, row_number() OVER (ORDER BY v) - 1 AS code
                      FROM (SELECT DISTINCT v FROM items WHERE v IS NOT NULL AND v <> ''))
        SELECT i.rid, d.code FROM items i JOIN dict d USING (v) ORDER BY i.rid, d.code
        """
    ).fetchnumpy()
    return _coded_list(
        n, np.asarray(frame["rid"], dtype=np.int64), np.asarray(frame["code"], dtype=np.int64)
    )


def _one_code_fields(
    codes: Mapping[str, Codes], values: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    """The fields of `RecordCodes` that hold one dictionary code per record (and the values
    the ladders read back), as both encoders give them."""
    fields: dict[str, Any] = {
        name: codes[name]
        for name in (
            "name_key", "core", "core_now", "type_code", "number", "patron", "proper", "postal",
            "postal4", "postal2", "district", "street", "house", "host", "nip", "regon",
            "regon9", "gmina", "source",
        )
    }  # fmt: skip
    for name in ("core", "patron", "proper", "street"):
        fields[f"{name}_values"] = values[name]
    fields["core_masks"] = level_masks(values["core"])
    return fields


def _counts_and_flags(columns: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of `RecordCodes` that hold a record's statistics (those of
    `statistics.STATISTICS`, which imports the ladders that import this module) and flags, as
    both encoders read them from their columns."""
    fields: dict[str, Any] = {
        name: np.asarray(columns[name], dtype=np.int32)
        for name in ("name_tf", "name_areas", "core_tf", "crowd", "email_areas")
    }
    for name in ("renamed", "guessed", "generic"):
        fields[name] = np.asarray(columns[name], dtype=bool)
    return fields


def encode_records(con: duckdb.DuckDBPyConnection) -> RecordCodes:
    """Dictionary-encode `er_features` (rids 0..n-1) for `compare`."""
    row = con.execute("SELECT count(*), coalesce(max(rid), -1) FROM er_features").fetchone()
    n, top = (int(row[0]), int(row[1])) if row else (0, -1)
    if top != n - 1:
        raise ValueError(f"er_features: rids must run 0..{n - 1}, the largest is {top}")
    con.execute(STEM_MACRO)
    codes, values = _encode_scalars(con)
    counts = con.execute(
        "SELECT coalesce(renamed, false) AS renamed, coalesce(guessed, false) AS guessed, "
        "coalesce(generic, false) AS generic, name_tf, name_areas, core_tf, crowd, email_areas "
        "FROM er_features ORDER BY rid"
    ).fetchnumpy()
    # Places: the name's place phrase, the locality and its "k."/"gm." part; stems forgive
    # inflection ("dlutowo" / "dlutow"). Place and stem sit in the same column of a record.
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_place_items AS
        SELECT DISTINCT rid, v, er_stem(v) AS stem FROM (
            SELECT rid, unnest([place, locality, locality_alt]) AS v FROM er_features)
        WHERE v IS NOT NULL AND v <> ''
        """
    )
    place_values = tuple(
        str(r[0])
        for r in con.execute("SELECT DISTINCT v FROM er_place_items ORDER BY v").fetchall()
    )
    frame = con.execute(
        """
        WITH pv AS (SELECT v, row_number() OVER (ORDER BY v) - 1 AS code
                    FROM (SELECT DISTINCT v FROM er_place_items)),
             sv AS (SELECT stem, row_number() OVER (ORDER BY stem) - 1 AS code
                    FROM (SELECT DISTINCT stem FROM er_place_items))
        SELECT i.rid, pv.code AS place, sv.code AS stem
        FROM er_place_items i JOIN pv USING (v) JOIN sv USING (stem)
        ORDER BY i.rid, pv.code
        """
    ).fetchnumpy()
    con.execute("DROP TABLE er_place_items")
    place_rids = np.asarray(frame["rid"], dtype=np.int64)
    places = _coded_list(n, place_rids, np.asarray(frame["place"], dtype=np.int64))
    # The inflection-forgiving key of each distinct place, coded, looked up per record.
    alike_of = [inflected_alike(v) or v for v in place_values]
    alike_values = sorted(set(alike_of))
    alike_code = {v: i for i, v in enumerate(alike_values)}
    lookup = np.array([alike_code[v] for v in alike_of], dtype=np.int64)
    place_codes = np.asarray(frame["place"], dtype=np.int64)
    alike = _coded_list(n, place_rids, lookup[place_codes] if len(place_codes) else place_codes)
    stems = _coded_list(n, place_rids, np.asarray(frame["stem"], dtype=np.int64))
    return RecordCodes(
        **_one_code_fields(codes, values),
        **_counts_and_flags(counts),
        phones=_encode_list(con, n, "phones"),
        phones7=_encode_list(con, n, "phones7"),
        emails=_encode_list(con, n, "emails"),
        email_domains=_encode_list(con, n, "email_domains"),
        places=places,
        place_stems=stems,
        place_alike=alike,
        place_values=place_values,
    )


# ---------------------------------------------------------------------------------------------
# Encoding a few thousand records fetched at once (an incremental night)
# ---------------------------------------------------------------------------------------------

# A list's values joined into one string to be fetched (a list fetched into numpy is a
# masked array per row): a control character no normalised value holds.
_JOIN = "\x1f"
_LISTS = ("phones", "phones7", "emails", "email_domains")
_STATS = ("name_tf", "name_areas", "core_tf", "crowd", "email_areas")


_PLACES = "[place, locality, locality_alt]"
# The stems of a record's places at their positions ('' for a missing one), joined as
# `codes_select_sql` fetches them: the matcher's state keeps them with each record
# (`incremental`), so that a night fetches them rather than stemming its records again.
PLACE_STEMS_SQL = (
    f"array_to_string(list_transform({_PLACES}, x -> coalesce(er_stem(x), '')), chr(31))"
)


def codes_select_sql(place_stems: str = PLACE_STEMS_SQL) -> str:
    """The select list (over rows of `er_features`' columns) that `codes_of_rows` encodes:
    the scalars as `encode_records` encodes them (but the postal district, which
    `codes_of_rows` reads from the postal code and phones: `district_sql`'s list lambda
    costs more than the rest of the row), the flags and counts, and the lists (and the places
    with their stems) joined into one string each. `place_stems`: SQL of the stems
    (`PLACE_STEMS_SQL`, or a column that holds them). Needs `STEM_MACRO`."""
    joined = [f"array_to_string({c}, chr(31)) AS {c}, list_count({c}) AS {c}_n" for c in _LISTS]
    return ", ".join(
        [
            f"{expression} AS {field}"
            for field, expression in _SCALARS.items()
            if field != "district"
        ]
        + [f"coalesce({flag}, false) AS {flag}" for flag in ("renamed", "guessed", "generic")]
        + list(_STATS)
        + joined
        + [  # the places and their stems at the same positions ('' for a missing one)
            f"array_to_string(list_transform({_PLACES}, x -> coalesce(x, '')), chr(31)) AS places",
            f"{place_stems} AS place_stems",
        ]
    )


def _objects(column: npt.NDArray[np.object_]) -> npt.NDArray[np.object_]:
    """A fetched VARCHAR column as an object array, None where NULL."""
    out = np.array(np.ma.getdata(column), dtype=object)
    out[np.ma.getmaskarray(column)] = None
    return out


def _factorized(
    values: npt.NDArray[np.object_] | Sequence[str | None],
) -> tuple[Codes, tuple[str, ...]]:
    """Codes of the values (-1 for None) and the values behind them (by first appearance:
    the ladders compare codes for equality only and look values up by code)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    return codes.astype(np.int32), tuple(map(str, uniques.tolist()))


def _split_items(
    column: npt.NDArray[np.object_], counts: Any
) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Each row's values of a joined list column: (row, value) with the row repeated.
    `counts`: each row's number of values (non-NULL; NULL for a NULL list). The rows with
    values are joined into one string and split once (a split per row cost a night more
    than the rest of the encoding); a value holding the separator would split into more
    values than counted, and is refused rather than read as two."""
    lengths = np.asarray(np.ma.filled(counts, 0), dtype=np.int64)
    if lengths.ndim == 0:  # one count for every row
        lengths = np.full(len(column), int(lengths), dtype=np.int64)
    rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    if len(rows) == 0:
        return rows, []
    holding = np.flatnonzero(lengths > 0)
    values = _JOIN.join(_objects(column)[holding].tolist()).split(_JOIN)
    if len(values) != len(rows):
        raise ValueError("codes_of_rows: a list value holds the separator (U+001F)")
    return rows, values


def _distinct_items(
    rows: npt.NDArray[np.int64], codes: npt.NDArray[np.int64], size: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Distinct (row, code) items sorted by row then code, and where each first was."""
    key = rows * (size + 1) + codes
    _, first = np.unique(key, return_index=True)
    return rows[first], codes[first], first


def _list_of_rows(n: int, columns: Mapping[str, Any], field: str) -> CodedList:
    rows, values = _split_items(columns[field], columns[f"{field}_n"])
    items = np.array(values, dtype=object)
    kept = np.flatnonzero(items != "")
    codes, uniques = _factorized(items[kept])
    r, c, _ = _distinct_items(rows[kept], codes.astype(np.int64), len(uniques))
    return _coded_list(n, r, c)


def codes_of_rows(columns: Mapping[str, Any]) -> RecordCodes:
    """`RecordCodes` of fetched rows (`codes_select_sql`, in the order of their local rids):
    what `encode_records` gives up to a renumbering of codes, which no ladder sees. A night
    encodes the few thousand records of the pairs it rescores so, in one statement, instead
    of building their dictionaries in some twenty."""
    n = len(columns["name_key"])
    codes: dict[str, Codes] = {}
    values: dict[str, tuple[str, ...]] = {}
    for field in _SCALARS:
        if field != "district":
            codes[field], values[field] = _factorized(_objects(columns[field]))
    # The postal district, or where there is no postal code the phones' (read only there).
    phones = _objects(columns["phones"]).tolist()
    district = [
        code[:1]
        if code is not None
        else phone_district(phones[i].split(_JOIN) if phones[i] else [])
        for i, code in enumerate(_objects(columns["postal"]).tolist())
    ]
    codes["district"], _ = _factorized(district)
    rows, place_items = _split_items(columns["places"], 3)
    items = np.array(place_items, dtype=object)
    stems = np.array(_split_items(columns["place_stems"], 3)[1], dtype=object)
    kept = np.flatnonzero(items != "")
    place_codes, place_values = _factorized(items[kept])
    stem_codes, _ = _factorized(stems[kept])
    place_rows, place, first = _distinct_items(
        rows[kept], place_codes.astype(np.int64), len(place_values)
    )
    alike_of = [inflected_alike(v) or v for v in place_values]
    alike_code, _ = _factorized(alike_of)
    return RecordCodes(
        **_one_code_fields(codes, values),
        **_counts_and_flags(columns),
        phones=_list_of_rows(n, columns, "phones"),
        phones7=_list_of_rows(n, columns, "phones7"),
        emails=_list_of_rows(n, columns, "emails"),
        email_domains=_list_of_rows(n, columns, "email_domains"),
        places=_coded_list(n, place_rows, place),
        place_stems=_coded_list(n, place_rows, stem_codes[first].astype(np.int64)),
        place_alike=_coded_list(
            n, place_rows, alike_code[place].astype(np.int64) if len(place) else place
        ),
        place_values=place_values,
    )


def level_masks(values: Sequence[str]) -> npt.NDArray[np.int64]:
    """A bit per word of `CONFLICT_GROUPS` present in each type phrase (group after group)."""
    bit: dict[str, int] = {}
    for group in CONFLICT_GROUPS:
        for word in sorted(group):
            bit[word] = 1 << len(bit)
    return np.fromiter(
        (sum({bit.get(word, 0) for word in value.split()}) for value in values),
        np.int64,
        len(values),
    )
