"""Comparison ladders: for every candidate pair, one level per field.

A ladder is an ordered list of named levels (null / exact / strong fuzzy / weak fuzzy /
different); a pair lands on exactly one level of each ladder, and the model gives each level a
weight, so a coordinator can read why two records scored what they did.

How it runs at a million records (26 million candidate pairs): every field of `er_features`
is dictionary-encoded once (`codes.RecordCodes`: an int32 code per record, -1 for missing; list
fields as a small padded matrix of codes), so most levels are numpy comparisons of codes
gathered by the pair arrays, chunk by chunk. String similarity (the type phrase, streets,
patrons, places) is computed only for the *distinct* value pairs of a chunk that are not
already equal, with rapidfuzz's vectorised `cpdist`. No Python object per pair is made.

`core_level`, `patron_level`, `street_similar` and `place_level` are the same rules for one
pair, for tests and explanations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler

from transforms.er.codes import CodedList, Codes, RecordCodes, encode_records
from transforms.er.name_parts import CONFLICT_GROUPS, inflected_alike, place_stem


@dataclass(frozen=True, slots=True)
class Ladder:
    """A field's comparison: level i is `levels[i]`; level 0 always means "a value is missing"."""

    field: str
    levels: tuple[str, ...]


LADDERS: tuple[Ladder, ...] = (
    Ladder(
        "core",
        (
            "null",
            "exact",
            "strong",
            "subset",
            "medium",
            "weak",
            "different",
            "conflict",
            "renamed",  # one name is the other's former name ("GOPS" / "CUS")
        ),
    ),
    # A type phrase read from a misspelt acronym ("MGPS") on either side: a guess.
    Ladder("acronym", ("none", "guessed")),
    Ladder("name_key", ("not_exact", "exact_rare", "exact_common", "exact_very_common")),
    # An exact type phrase, by how many records share it (Splink's term frequency).
    Ladder("core_tf", ("n/a", "rare", "common", "very_common")),
    # An exact name key met in one postal area or in several (several bodies of one name).
    Ladder("name_spread", ("n/a", "one_area", "several_areas")),
    # Records of the pair's type at its place: the more, the less agreement on them means.
    # Up to three (about one institution's records) is the reference level, with unknown.
    Ladder("crowd", ("alone", "few", "many", "crowd")),
    Ladder("type", ("null", "same", "different")),
    Ladder("number", ("both_none", "one_none", "same", "different")),
    Ladder("patron", ("null", "same", "similar", "different")),
    # The quoted name of an association ("„Iskra”" / "„Orzeł”").
    Ladder("proper", ("null", "same", "similar", "different")),
    # "stem": only the first letters agree ("dabrowa" / "dabrowka", neighbouring villages,
    # or a misspelt or oddly inflected one); "same" forgives the case ending alone.
    Ladder("place", ("null", "same", "stem", "similar", "different")),
    Ladder("postal", ("null", "same", "neighbour", "same_area", "different")),
    # The postal district when one record has no postal code: its landline's area code
    # ("42": Łódź, district 9) against the other's code or landline (`phone_areas`).
    Ladder("district", ("null", "same", "different")),
    Ladder("street", ("null", "same", "same_street", "similar", "different")),
    Ladder("phone", ("null", "same", "same_local", "different")),
    # "shared": the same address, held by records in two postal areas or more (a generic
    # mailbox given to two villages' bodies: `statistics.statistics_sql`' `email_areas`).
    Ladder("email", ("null", "same", "same_domain", "different", "shared")),
    Ladder("website", ("null", "same", "different")),
    Ladder("nip", ("null", "same", "different")),
    # A branch's 14-digit REGON starts with its parent's nine digits: related, not the same.
    Ladder("regon", ("null", "same", "branch", "different")),
    Ladder("gmina", ("null", "same", "different")),
    Ladder("source", ("different", "same")),
)
LADDER_BY_FIELD = {ladder.field: ladder for ladder in LADDERS}

Levels = dict[str, npt.NDArray[np.int8]]

Pairs = npt.NDArray[np.int32]

# Similarity thresholds shared by the vectorised path and the one-pair functions.
JW_SIMILAR = 0.9  # streets, patrons, places: Jaro-Winkler
CORE_STRONG = 92  # token_sort_ratio
CORE_SUBSET = 99  # token_set_ratio: one phrase inside the other
CORE_MEDIUM = 80
CORE_WEAK = 65
TF_RARE = 3  # records sharing a name key: at most this many -> "exact_rare"
TF_COMMON = 20
# Records of one type at one place: up to 3 is about one institution's records ("alone"),
# up to 8 two or three institutions ("few"), up to 30 "many", more a "crowd".
CROWD_LEVELS = (3, 8, 30)
# Records sharing an exact type phrase: up to 4 is about one institution ("rare"), up to 40
# a name a few bodies share ("common"), more a kind ("Ochotnicza Straż Pożarna").
CORE_TF_LEVELS = (4, 40)


@dataclass(frozen=True, slots=True)
class LevelChunk:
    """Levels of a chunk of candidate pairs, one int8 array per ladder."""

    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    levels: Levels


# ---------------------------------------------------------------------------------------------
# Vectorised comparisons
# ---------------------------------------------------------------------------------------------


def _distinct_scores(
    values: Sequence[str],
    a: Codes,
    b: Codes,
    scorer: Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64]], npt.NDArray[np.float64]],
) -> npt.NDArray[np.float64]:
    """`scorer` over the distinct (a, b) code pairs, spread back to every pair."""
    if len(a) == 0:
        return np.zeros(0)
    key = a.astype(np.int64) * (len(values) + 1) + b
    unique, inverse = np.unique(key, return_inverse=True)
    ua, ub = np.divmod(unique, len(values) + 1)
    scores: npt.NDArray[np.float64] = scorer(ua, ub)[inverse]
    return scores


def _cpdist(
    values: Sequence[str], scorer: Callable[..., float]
) -> Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64]], npt.NDArray[np.float64]]:
    def run(ua: npt.NDArray[np.int64], ub: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        left = [values[i] for i in ua.tolist()]
        right = [values[i] for i in ub.tolist()]
        out: npt.NDArray[np.float64] = np.asarray(
            process.cpdist(left, right, scorer=scorer, workers=-1, dtype=np.float64),
            dtype=np.float64,
        )
        return out

    return run


def _scalar(
    codes: Codes, left: Pairs, right: Pairs, levels: tuple[int, int, int]
) -> npt.NDArray[np.int8]:
    """Missing / same / different as the given levels."""
    a, b = codes[left], codes[right]
    missing, same, different = levels
    return np.where((a < 0) | (b < 0), missing, np.where(a == b, same, different)).astype(np.int8)


def _any_common(coded: CodedList, left: Pairs, right: Pairs) -> npt.NDArray[np.bool_]:
    a, b = coded.codes[left], coded.codes[right]
    hit = np.zeros(len(left), dtype=bool)
    for i in range(a.shape[1]):
        column = a[:, i]
        valid = column >= 0
        for j in range(b.shape[1]):
            hit |= valid & (column == b[:, j])
    if coded.overflow:
        wide = np.array(sorted(coded.overflow), dtype=np.int32)
        for k in np.flatnonzero(np.isin(left, wide) | np.isin(right, wide)).tolist():
            hit[k] = bool(_members(coded, int(left[k])) & _members(coded, int(right[k])))
    return hit


def _members(coded: CodedList, rid: int) -> frozenset[int]:
    if rid in coded.overflow:
        return coded.overflow[rid]
    return frozenset(int(x) for x in coded.codes[rid] if x >= 0)


def _has_any(coded: CodedList, rids: Pairs) -> npt.NDArray[np.bool_]:
    has: npt.NDArray[np.bool_] = coded.codes[rids, 0] >= 0
    return has


def _list_ladder(
    exact: CodedList, loose: CodedList, left: Pairs, right: Pairs
) -> npt.NDArray[np.int8]:
    """null / same (a common value) / loosely same (a common `loose` value) / different."""
    out = np.zeros(len(left), dtype=np.int8)
    both = np.flatnonzero(_has_any(exact, left) & _has_any(exact, right))
    if len(both):
        bl, br = left[both], right[both]
        out[both] = np.where(
            _any_common(exact, bl, br), 1, np.where(_any_common(loose, bl, br), 2, 3)
        )
    return out


def _core(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.core[left], codes.core[right]
    out = np.where((a < 0) | (b < 0), 0, np.where(a == b, 1, 0)).astype(np.int8)
    fuzzy = np.flatnonzero((a >= 0) & (b >= 0) & (a != b))
    if len(fuzzy):
        out[fuzzy] = _distinct_scores(
            codes.core_values, a[fuzzy], b[fuzzy], _core_batch(codes.core_values, codes.core_masks)
        ).astype(np.int8)
        # A former name meets the current one (unless their level words conflict).
        now_a, now_b = codes.core_now[left[fuzzy]], codes.core_now[right[fuzzy]]
        renamed = (
            (now_a >= 0)
            & (now_a == now_b)
            & (codes.renamed[left[fuzzy]] | codes.renamed[right[fuzzy]])
            & (out[fuzzy] >= CORE_SUBSET_LEVEL)
            & (out[fuzzy] != CORE_CONFLICT)
        )
        out[fuzzy[renamed]] = CORE_RENAMED
    return out


def _core_batch(
    values: Sequence[str], masks: npt.NDArray[np.int64]
) -> Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64]], npt.NDArray[np.float64]]:
    def run(ua: npt.NDArray[np.int64], ub: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        left = [values[i] for i in ua.tolist()]
        right = [values[i] for i in ub.tolist()]
        sort = np.asarray(
            process.cpdist(left, right, scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.float64),
            dtype=np.float64,
        )
        level = np.full(len(ua), 6, dtype=np.float64)
        level[sort >= CORE_WEAK] = 5
        level[sort >= CORE_MEDIUM] = 4
        rest = np.flatnonzero(sort < CORE_STRONG)
        if len(rest):
            subset = np.asarray(
                process.cpdist(
                    [left[i] for i in rest.tolist()],
                    [right[i] for i in rest.tolist()],
                    scorer=fuzz.token_set_ratio,
                    workers=-1,
                    dtype=np.float64,
                ),
                dtype=np.float64,
            )
            level[rest[subset >= CORE_SUBSET]] = 3
        level[sort >= CORE_STRONG] = 2
        level[_conflicts(masks[ua], masks[ub])] = CORE_CONFLICT
        return level

    return run


def _conflicts(ma: npt.NDArray[np.int64], mb: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Pairs whose phrases both name a word of one conflict group but none in common."""
    found = np.zeros(len(ma), dtype=bool)
    start = 0
    for group in CONFLICT_GROUPS:
        span = ((1 << len(group)) - 1) << start
        ga, gb = ma & span, mb & span
        found |= (ga != 0) & (gb != 0) & ((ga & gb) == 0)
        start += len(group)
    return found


def _name_key(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.name_key[left], codes.name_key[right]
    tf = codes.name_tf[left]
    out = np.where(tf <= TF_RARE, 1, np.where(tf <= TF_COMMON, 2, 3)).astype(np.int8)
    out[(a < 0) | (a != b)] = 0
    # Two patrons that disagree ("im. J. Korczaka" / "im. M. Konopnickiej") break the key.
    pa, pb = codes.patron[left], codes.patron[right]
    check = np.flatnonzero((out > 0) & (pa >= 0) & (pb >= 0) & (pa != pb))
    if len(check):
        similarity = _distinct_scores(
            codes.patron_values,
            pa[check],
            pb[check],
            _cpdist(codes.patron_values, JaroWinkler.similarity),
        )
        out[check[similarity < JW_SIMILAR]] = 0
    return out


def _name_spread(
    codes: RecordCodes,
    left: Pairs,
    right: Pairs,
    name_key: npt.NDArray[np.int8],
    postal: npt.NDArray[np.int8],
) -> npt.NDArray[np.int8]:
    """A key met in several postal areas is ambiguous, unless the pair shares its postal
    code: then it is placed in one of them."""
    out = np.where((codes.name_areas[left] >= 2) & (postal != 1), 2, 1).astype(np.int8)
    out[name_key == 0] = 0
    return out


def _core_tf(
    codes: RecordCodes, left: Pairs, right: Pairs, core: npt.NDArray[np.int8]
) -> npt.NDArray[np.int8]:
    tf = codes.core_tf[left]
    out = (1 + np.searchsorted(np.array(CORE_TF_LEVELS), tf, side="left")).astype(np.int8)
    # A phrase that names a kind is common whatever this input's count says.
    out[codes.generic[left] | codes.generic[right]] = len(CORE_TF_LEVELS) + 1
    out[core != 1] = 0
    return out


def _crowd(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    """The larger of the two records' crowds ("alone" too when either has no type or place)."""
    a, b = codes.crowd[left], codes.crowd[right]
    out = np.searchsorted(np.array(CROWD_LEVELS), np.maximum(a, b), side="left").astype(np.int8)
    out[(a == 0) | (b == 0)] = 0
    return out


def _patron(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.patron[left], codes.patron[right]
    out = np.where((a < 0) | (b < 0), 0, np.where(a == b, 1, 3)).astype(np.int8)
    differ = np.flatnonzero((a >= 0) & (b >= 0) & (a != b))
    if len(differ):
        values = codes.patron_values

        def similar(
            ua: npt.NDArray[np.int64], ub: npt.NDArray[np.int64]
        ) -> npt.NDArray[np.float64]:
            return np.fromiter(
                (
                    patron_level(values[x], values[y])
                    for x, y in zip(ua.tolist(), ub.tolist(), strict=True)
                ),
                np.float64,
                len(ua),
            )

        out[differ] = _distinct_scores(values, a[differ], b[differ], similar).astype(np.int8)
    return out


def _proper(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.proper[left], codes.proper[right]
    out = np.where((a < 0) | (b < 0), 0, np.where(a == b, 1, 3)).astype(np.int8)
    differ = np.flatnonzero((a >= 0) & (b >= 0) & (a != b))
    if len(differ):
        values = codes.proper_values

        def similar(
            ua: npt.NDArray[np.int64], ub: npt.NDArray[np.int64]
        ) -> npt.NDArray[np.float64]:
            return np.fromiter(
                (
                    proper_level(values[x], values[y])
                    for x, y in zip(ua.tolist(), ub.tolist(), strict=True)
                ),
                np.float64,
                len(ua),
            )

        out[differ] = _distinct_scores(values, a[differ], b[differ], similar).astype(np.int8)
    return out


def _street(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.street[left], codes.street[right]
    same_house = codes.house[left] == codes.house[right]  # both missing counts as the same
    out = np.where(a == b, np.where(same_house, 1, 2), 4).astype(np.int8)
    out[(a < 0) | (b < 0)] = 0
    differ = np.flatnonzero((a >= 0) & (b >= 0) & (a != b))
    if len(differ):
        similarity = _distinct_scores(
            codes.street_values,
            a[differ],
            b[differ],
            _cpdist(codes.street_values, JaroWinkler.similarity),
        )
        out[differ[similarity >= JW_SIMILAR]] = 3
    return out


def _place(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    out = np.zeros(len(left), dtype=np.int8)
    both = np.flatnonzero(_has_any(codes.places, left) & _has_any(codes.places, right))
    if not len(both):
        return out
    bl, br = left[both], right[both]
    same = _any_common(codes.places, bl, br) | _any_common(codes.place_alike, bl, br)
    stem = ~same & _any_common(codes.place_stems, bl, br)
    level = np.where(same, 1, np.where(stem, 2, 4)).astype(np.int8)
    rest = np.flatnonzero(~same & ~stem)
    if len(rest):
        a = codes.places.codes[bl[rest]]
        b = codes.places.codes[br[rest]]
        best = np.zeros(len(rest))
        scorer = _cpdist(codes.place_values, JaroWinkler.similarity)
        for i in range(a.shape[1]):
            for j in range(b.shape[1]):
                valid = np.flatnonzero((a[:, i] >= 0) & (b[:, j] >= 0))
                if len(valid):
                    scores = _distinct_scores(codes.place_values, a[valid, i], b[valid, j], scorer)
                    best[valid] = np.maximum(best[valid], scores)
        level[rest[best >= JW_SIMILAR]] = 3
    out[both] = level
    return out


def _postal(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.postal[left], codes.postal[right]
    out = np.where(
        a == b,
        1,
        np.where(
            codes.postal4[left] == codes.postal4[right],
            2,
            np.where(codes.postal2[left] == codes.postal2[right], 3, 4),
        ),
    ).astype(np.int8)
    out[(a < 0) | (b < 0)] = 0
    return out


def _district(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    """null when both records have a postal code (the `postal` ladder compares them)."""
    out = _scalar(codes.district, left, right, (0, 1, 2))
    out[(codes.postal[left] >= 0) & (codes.postal[right] >= 0)] = 0
    return out


def _regon(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.regon[left], codes.regon[right]
    out = np.where(a == b, 1, np.where(codes.regon9[left] == codes.regon9[right], 2, 3)).astype(
        np.int8
    )
    out[(a < 0) | (b < 0)] = 0
    return out


def _number(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    a, b = codes.number[left], codes.number[right]
    none = (a < 0).astype(np.int8) + (b < 0)
    out = np.where(a == b, 2, 3).astype(np.int8)
    out[none == 1] = 1
    out[none == 2] = 0
    return out


def _email(codes: RecordCodes, left: Pairs, right: Pairs) -> npt.NDArray[np.int8]:
    out = _list_ladder(codes.emails, codes.email_domains, left, right)
    shared = (out == 1) & ((codes.email_areas[left] >= 2) | (codes.email_areas[right] >= 2))
    out[shared] = EMAIL_SHARED
    return out


def compare(codes: RecordCodes, left: Pairs, right: Pairs) -> Levels:
    """Levels of every ladder for the pairs (left[i], right[i])."""
    a, b = codes.source[left], codes.source[right]
    core = _core(codes, left, right)
    kind = _scalar(codes.type_code, left, right, (0, 1, 2))
    # A renamed type is the same kind of body under its new name ("ops" / "cus").
    kind[core == CORE_RENAMED] = 1
    name_key = _name_key(codes, left, right)
    postal = _postal(codes, left, right)
    return {
        "core": core,
        "acronym": (codes.guessed[left] | codes.guessed[right]).astype(np.int8),
        "name_key": name_key,
        "core_tf": _core_tf(codes, left, right, core),
        "name_spread": _name_spread(codes, left, right, name_key, postal),
        "crowd": _crowd(codes, left, right),
        "type": kind,
        "number": _number(codes, left, right),
        "patron": _patron(codes, left, right),
        "proper": _proper(codes, left, right),
        "place": _place(codes, left, right),
        "postal": postal,
        "district": _district(codes, left, right),
        "street": _street(codes, left, right),
        "phone": _list_ladder(codes.phones, codes.phones7, left, right),
        "email": _email(codes, left, right),
        "website": _scalar(codes.host, left, right, (0, 1, 2)),
        "nip": _scalar(codes.nip, left, right, (0, 1, 2)),
        "regon": _regon(codes, left, right),
        "gmina": _scalar(codes.gmina, left, right, (0, 1, 2)),
        "source": ((a >= 0) & (a == b)).astype(np.int8),
    }


def compare_pairs(
    con: duckdb.DuckDBPyConnection, chunk_size: int = 2_000_000
) -> Iterator[LevelChunk]:
    """Levels of every pair of `er_pairs`, in chunks, in the table's (left, right) order."""
    codes = encode_records(con)
    reader = con.execute("SELECT l, r FROM er_pairs").to_arrow_reader(chunk_size)
    pending: list[tuple[Pairs, Pairs]] = []
    size = 0
    for batch in reader:
        pending.append(
            (
                batch.column(0).to_numpy().astype(np.int32, copy=False),
                batch.column(1).to_numpy().astype(np.int32, copy=False),
            )
        )
        size += batch.num_rows
        if size >= chunk_size:
            yield _chunk(codes, pending)
            pending, size = [], 0
    if pending:
        yield _chunk(codes, pending)


def _chunk(codes: RecordCodes, parts: list[tuple[Pairs, Pairs]]) -> LevelChunk:
    left = np.concatenate([p[0] for p in parts]) if len(parts) > 1 else parts[0][0]
    right = np.concatenate([p[1] for p in parts]) if len(parts) > 1 else parts[0][1]
    return LevelChunk(left, right, compare(codes, left, right))


# ---------------------------------------------------------------------------------------------
# The same rules for one pair
# ---------------------------------------------------------------------------------------------


def core_level(a: str, b: str) -> int:
    """Level of the `core` ladder for two type phrases (lemmatised, acronyms expanded)."""
    if not a or not b:
        return 0
    if a == b:
        return 1
    if _level_conflict(a, b):
        return CORE_CONFLICT
    sort = fuzz.token_sort_ratio(a, b)
    if sort >= CORE_STRONG:
        return 2
    if fuzz.token_set_ratio(a, b) >= CORE_SUBSET:
        return 3  # one phrase inside the other: a dropped qualifier, or a different unit
    if sort >= CORE_MEDIUM:
        return 4
    if sort >= CORE_WEAK:
        return 5
    return 6


CORE_CONFLICT = 7  # level of the `core` ladder
EMAIL_SHARED = 4  # level of the `email` ladder
CORE_RENAMED = 8
CORE_SUBSET_LEVEL = 3  # "subset" and worse may be a renaming; "strong" and "exact" are kept


def _level_conflict(a: str, b: str) -> bool:
    words_a, words_b = set(a.split()), set(b.split())
    for group in CONFLICT_GROUPS:
        qa, qb = group & words_a, group & words_b
        if qa and qb and not (qa & qb):
            return True
    return False


def patron_level(a: str, b: str) -> int:
    """Level of the `patron` ladder: an initial for a first name or a dropped word ("Jana
    Pawła II" / "św. Jana Pawła II") is similar; another person is different."""
    if not a or not b:
        return 0
    if a == b:
        return 1
    words_a, words_b = set(a.split(" ")), set(b.split(" "))
    if JaroWinkler.similarity(a, b) >= JW_SIMILAR or words_a <= words_b or words_b <= words_a:
        return 2
    return 3


def proper_level(a: str, b: str) -> int:
    """Level of the `proper` ladder: a misspelling or one name inside the other ("Iskra" /
    "Iskra Bilczyce") is similar; another name is different."""
    if not a or not b:
        return 0
    if a == b:
        return 1
    if JaroWinkler.similarity(a, b) >= JW_SIMILAR or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return 2
    return 3


def street_similar(a: str, b: str) -> bool:
    """Two different street keys close enough to be one street misspelt."""
    return bool(JaroWinkler.similarity(a, b) >= JW_SIMILAR)


def place_level(left: tuple[str, ...], right: tuple[str, ...]) -> int:
    """Best agreement between any place of one record (name place, locality, its gmina) and
    any of the other: "same" forgives the case ending ("dlutowie" / "dlutow"), "stem" only
    the first letters agree ("dabrowa" / "dabrowka"), "similar" by Jaro-Winkler."""
    a = [p for p in left if p]
    b = [p for p in right if p]
    if not a or not b:
        return 0
    if any(x == y or inflected_alike(x) == inflected_alike(y) for x in a for y in b):
        return 1
    if any(place_stem(x) == place_stem(y) for x in a for y in b):
        return 2
    if any(JaroWinkler.similarity(x, y) >= JW_SIMILAR for x in a for y in b):
        return 3
    return 4
