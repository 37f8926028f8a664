"""Matching features: one row per record in the DuckDB table `er_features`.

Every raw value is normalised once per *distinct* value (a million records hold about 700
thousand distinct names but only some 100 thousand distinct words), in Python, and joined
back to the records in SQL. Two inputs share the same code:

- `build_features_from_raw`: a standalone file with text as a source shows it
  (`record_id, source, name, street, postal_code, locality, phone, email, website, nip,
  regon[, teryt]`);
- `build_features_from_records`: the nightly `records` staging table, already normalised
  (`phones[]`, `emails[]`, `website_host`, `gmina_teryt`, `type_code`).

A name is split by `parse_name` into the parts the ladders compare: the type phrase (`core`,
lemmatised, acronyms expanded, place/number/patron removed), the number ("nr 2", "II"), the
patron and the place phrase. Lemmas come from `transforms.names.key_lemma` (Morfeusz, cached
per word), so "Szkołą Podstawową" and "SZKOLA PODSTAWOWA" give one core.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import duckdb
import pandas as pd

from transforms.abbreviations import expand_abbreviations
from transforms.acronyms import acronym_token_key, by_short, misspelt, shared_full, shared_words
from transforms.classify import classify
from transforms.contacts import (
    normalise_emails,
    normalise_nip,
    normalise_regon,
    parse_street,
    website_host,
)
from transforms.former_names import RENAMINGS
from transforms.names import institution_vocabulary, key_lemma, place_lemma, readings
from transforms.text import fold, fold_key

# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[„”\"“«»]|[^\W_]+\.?", re.UNICODE)
_QUOTE_CHARS = frozenset('„”"“«»')
_INFLECTED_ACRONYM = re.compile(r"^(?P<base>[A-ZĄĆĘŁŃÓŚŹŻ]{2,})-?(?:[a-ząćęłńóśźż]{1,3})?$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$")
_NUMBER_WORDS = frozenset({"nr", "nr.", "numer"})
_PATRON_WORDS = frozenset({"im.", "im", "imienia"})
_PLACE_PREPOSITIONS = frozenset({"w", "we"})
# Words that never carry the identity of an institution; dropped from the core.
_STOP = frozenset({"i", "z", "ze", "do", "dla", "na", "o", "oraz", "przy", "pw.", "pw", "a", "ds."})
# Free-mail and hosting domains shared by unrelated institutions: an e-mail domain or a
# website host there says nothing, but the full address or the page path still does.
_SHARED_HOSTS = frozenset({"facebook.com", "fb.com", "m.facebook.com", "sites.google.com"})


# Words naming the administrative level or kind of a unit: two phrases with different ones
# are different bodies however alike the rest (the model treats this level as a veto) ("Sąd
# Rejonowy" / "Sąd Okręgowy", "Gminny" / "Miejski Ośrodek Pomocy Społecznej", "Powiatowa" /
# "Wojewódzka" Stacja).
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


# Legal forms that are different legal persons under different acts: a foundation and an
# association of the same name ("Fundacja „Otwarte Serca” Pomocy Zwierzętom" / "Stowarzyszenie
# „Otwarte Serca” Pomocy Dzieciom") are two bodies. On er-scale not one true candidate pair of
# 550 thousand had one word and not the other.
LEGAL_FORM_WORDS = frozenset({"fundacja", "stowarzyszenie"})


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name split for matching. All strings folded, lower-case, space-joined lemmas."""

    key: str  # every word (place included, number excluded), lemmatised, acronyms expanded
    core: str  # the type phrase and proper name: no place phrase, number or patron
    number: str | None  # arabic digits: "nr 2", "II" and "2" all give "2"
    patron: str | None
    place: str | None  # the place phrase of the name ("w Dłutowie" -> "dlutow")
    # The type phrase came from a misspelt acronym ("MGPS"): a guess, to be confirmed by the
    # place and a contact before two records join on it.
    guessed: bool = False
    # The quoted name of an association or club ("„Iskra”" -> "iskra"): its identity among
    # the many of one type and place.
    proper: str | None = None


def _roman_to_int(token: str) -> int:
    total = 0
    values = [_ROMAN_VALUES[ch] for ch in token]
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total


@lru_cache(maxsize=100_000)
def _expand(token: str) -> tuple[str, ...] | None:
    """The full form of an acronym token ("GOPS", "MOPS-u", "PCPR-em"), else None."""
    match = _INFLECTED_ACRONYM.match(token)
    if not match:
        return None
    row = by_short().get(acronym_token_key(match.group("base")))
    return tuple(shared_full(row).split(" ")) if row is not None else None


@lru_cache(maxsize=100_000)
def _guess(token: str) -> tuple[str, ...] | None:
    """The words a misspelt acronym ("MGPS", "ZPS-u") surely stands for, else None."""
    match = _INFLECTED_ACRONYM.match(token)
    if not match or len(match.group("base")) < 3 or _known_word(match.group("base")):
        return None
    words = shared_words(misspelt(match.group("base")))
    return tuple(words.split(" ")) if words else None


@lru_cache(maxsize=300_000)
def _lemma(word: str) -> str:
    return key_lemma(word) if word.isalpha() else fold(word).lower()


@lru_cache(maxsize=300_000)
def _place_word(word: str) -> str:
    return place_lemma(word, True) if word.isalpha() else fold(word).lower()


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–—/,;:()]+", text) if w]


_ACRONYM_SUFFIX = re.compile(r"\b([A-ZĄĆĘŁŃÓŚŹŻ]{2,})-[a-ząćęłńóśźż]{1,3}\b")
_SPZOZ = re.compile(r"(?<!\w)(?:S\.?\s?P\.?\s?ZOZ|SPZOZ|SP\s*-\s*ZOZ)(?!\w)", re.IGNORECASE)
_LEADING_PLACE = re.compile(r"^(?P<place>[^,–—]{2,40}?)\s*(?:,|\s[–—-]\s)\s*(?P<rest>.+)$")


def _is_vocabulary(words: Iterable[str]) -> bool:
    vocabulary = institution_vocabulary()
    return any(_lemma(w) in vocabulary or _expand(w) is not None for w in words)


def place_stem(place: str | None) -> str | None:
    """An inflection-proof place key: 5 letters of the first word, 4 of the others
    ("dlutowo" and "dlutow" -> "dluto"; "stanislawowo stara" -> "stani star")."""
    if not place:
        return None
    words = place.split()
    return " ".join(w[: 5 if i == 0 else 4] for i, w in enumerate(words)) or None


def parse_name(raw: str) -> NameParts:
    """Split a name as written ("Szkołą Podstawową nr 2 im. J. Pawła II w Żywcu") into parts."""
    uniform_case = raw.upper() == raw or raw.lower() == raw
    text = _SPZOZ.sub(" Samodzielny Publiczny Zakład Opieki Zdrowotnej ", raw.strip())
    text = expand_abbreviations(text)
    text = _ACRONYM_SUFFIX.sub(r"\1", text)
    place: list[str] = []
    # "Radomsko, Miejski Ośrodek…", "Radom – Poradnia…": a leading place segment.
    lead = _LEADING_PLACE.match(text)
    if lead and not _is_vocabulary(_words(lead.group("place"))):
        place = [_place_word(w) for w in _words(lead.group("place"))]
        text = lead.group("rest")
    words: list[str] = []
    for chunk in _words(text):
        words.extend(_TOKEN.findall(chunk))
    number: str | None = None
    patron: list[str] = []
    core: list[str] = []
    guessed = False
    quoted: list[str] = []
    in_quotes = False
    mode = "core"
    bare_place_may_follow = False  # after an acronym or a quoted name: "GOPS Gromnik"
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word in _QUOTE_CHARS:
            in_quotes = not in_quotes if word == '"' else word in "„“«"
            bare_place_may_follow = not in_quotes
            continue
        if in_quotes:
            (patron if mode == "patron" else core).append(fold(word).lower().rstrip("."))
            if mode != "patron":
                quoted.append(fold(word).lower().rstrip("."))
            continue
        if (
            mode == "core"
            and bare_place_may_follow
            and not uniform_case
            and _is_bare_place(words[i - 1 :])
        ):
            mode = "place"
            place = []
        bare_place_may_follow = False
        lower = word.lower()
        bare = word.rstrip(".")
        if lower in _NUMBER_WORDS and i < len(words):
            nxt = words[i].rstrip(".")
            if nxt.isdigit() or _ROMAN.match(nxt.upper()):
                number = nxt.lstrip("0") if nxt.isdigit() else str(_roman_to_int(nxt.upper()))
                i += 1
                if (
                    i < len(words)
                    and words[i][:1].isupper()
                    and words[i].lower() not in (_PATRON_WORDS | _PLACE_PREPOSITIONS)
                ):
                    mode = "place"  # "PPP nr 2 Radom": a bare place after the number
                continue
        if mode != "patron" and bare.isdigit() and number is None:
            number = bare.lstrip("0") or "0"
            continue
        if mode == "core" and not core and number is None and _ROMAN.match(word):
            number = str(_roman_to_int(word))  # "II Liceum": a leading roman numeral
            continue
        if lower in _PATRON_WORDS:
            mode = "patron"
            continue
        if lower in _PLACE_PREPOSITIONS and i < len(words) and (word == lower or uniform_case):
            nxt = words[i]
            if nxt[:1].isupper() or nxt[:1].isdigit() or uniform_case:
                mode = "place"
                place = []
                continue
        if mode == "place":
            place.append(_place_word(bare))
            continue
        if mode == "patron":
            patron.append(fold(bare).lower())
            continue
        expanded = _expand(word.upper()) if word.isupper() or uniform_case else None
        if expanded and not (uniform_case and i > 1 and _known_word(word)):
            core.extend(_lemma(w) for part in expanded for w in part.split("-"))
            bare_place_may_follow = True
            continue
        # A misspelt acronym: in a mixed-case name any capitals word, in an all-capitals
        # one only the first word (elsewhere it may be a place or a surname).
        if word.isupper() and (not uniform_case or i == 1) and not core:
            guess = _guess(word)
            if guess:
                core.extend(_lemma(w) for part in guess for w in part.split("-"))
                guessed = True
                bare_place_may_follow = True
                continue
        if lower in _STOP or not bare:
            continue
        core.append(_lemma(bare))
    return NameParts(
        key=" ".join(core + place),
        core=" ".join(core),
        number=number,
        patron=" ".join(patron) or None,
        place=" ".join(place) or None,
        guessed=guessed,
        proper=" ".join(quoted) or None,
    )


def _is_bare_place(rest: list[str]) -> bool:
    """The end of a name is a bare place ("Gromnik", "Wola Chomejowa"): up to three
    capitalised words, none of them a name word, a number, a patron or a preposition."""
    return (
        0 < len(rest) <= 3
        and all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in rest)
        and not _is_vocabulary(rest)
    )


@lru_cache(maxsize=100_000)
def _known_word(word: str) -> bool:
    """A word of the language (in any case) is not an acronym: "DOM", "SAD", "KLUB"."""
    return len(word) > 4 or bool(readings(word.lower()))


@lru_cache(maxsize=1)
def _renamings() -> tuple[tuple[str, str], ...]:
    """The former-name table as lemma phrases, longest old phrase first."""
    rows = [
        (" ".join(_lemma(w) for w in _words(r.old)), " ".join(_lemma(w) for w in _words(r.new)))
        for r in RENAMINGS
    ]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=200_000)
def current_core(core: str) -> tuple[str, bool]:
    """A type phrase as it would read today, without its level words, and whether a former
    name was rewritten ("gminny osrodek pomoc spoleczny" -> ("centrum usluga spoleczny",
    True)). Two names meet on it when one of them is a former name (see `former_names`)."""
    padded = f" {core} "
    renamed = False
    for old, new in _renamings():
        if f" {old} " in padded:
            padded = padded.replace(f" {old} ", f" {new} ", 1)
            renamed = True
            break
    return " ".join(w for w in padded.split() if w not in LEVEL_WORDS), renamed


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """Lemmas that name kinds of institution, not one institution: the institution
    vocabulary, the words the office abbreviations stand for, the renamed type phrases."""
    from transforms.abbreviations import ABBREVIATIONS

    words = set(institution_vocabulary())
    for row in ABBREVIATIONS:
        for lemma in (row.first, row.later, row.compound, row.after_hyphen):
            if lemma:
                words.add(_lemma(lemma))
    for renaming in RENAMINGS:
        words.update(_lemma(w) for w in _words(renaming.old + " " + renaming.new))
    return frozenset(words)


def is_generic(core: str) -> bool:
    """A type phrase made only of kind words ("szkola podstawowy", "ochotniczy straz
    pozarny") names a kind, however few records of this input share it."""
    return bool(core) and all(w in _kind_words() for w in core.split())


@lru_cache(maxsize=500_000)
def type_of_core(core: str) -> str:
    """Institution type code of a core phrase (lemmas classify as well as inflected words)."""
    if not core:
        return "other"
    return classify(core).type_code


# ---------------------------------------------------------------------------------------------
# Places, addresses, contacts
# ---------------------------------------------------------------------------------------------

_LOCALITY_SPLIT = re.compile(r"\s+k\.\s+|\s*\(\s*gm\.\s*|\s*,\s*gm\.\s*|\)", re.IGNORECASE)


def locality_keys(raw: str) -> tuple[str | None, str | None]:
    """("Wrzosy k. Kłobuck") -> ("wrzosy", "klobuck"); ("X (gm. Y)") -> ("x", "y")."""
    parts = [p for p in _LOCALITY_SPLIT.split(raw) if p and p.strip()]
    if not parts:
        return None, None
    main = fold_key(parts[0]) or None
    other = fold_key(parts[1]) if len(parts) > 1 else None
    return main, other or None


def postal_code(raw: str) -> str | None:
    """Postal code "NN-NNN" from "97-500", "97 500", "97500" or a spreadsheet's "2724"."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 4 and re.fullmatch(r"\s*\d{4}(\.0)?\s*", raw):
        digits = "0" + digits  # a spreadsheet cell stored as a number lost its leading zero
    if len(digits) != 5:
        return None
    return digits[:2] + "-" + digits[2:]


@dataclass(frozen=True, slots=True)
class StreetKey:
    name: str | None  # last word of the street name, folded ("tadeusza kosciuszki" -> "kosciuszki")
    number: str | None  # house number, upper-case, "/" for ranges ("39-41" -> "39/41")


def street_key(raw: str) -> StreetKey:
    parsed = parse_street(raw)
    if parsed is None:
        return StreetKey(None, None)
    words = fold_key(parsed.name).split()
    number = parsed.number.upper().replace(" ", "").replace("-", "/") if parsed.number else None
    return StreetKey(words[-1] if words else None, number)


_PHONE_SPLIT = re.compile(r"[|;,]|\s+(?:lub|oraz|i)\s+|\s{3,}", re.IGNORECASE)
_PHONE_EXTENSION = re.compile(r"(?:wew|w\.|ext)\.?.*$", re.IGNORECASE)


def phone_keys(raw: str) -> list[str]:
    """National 9-digit numbers of a phone field ("(44) 715-07-95 wew. 12 | +48 601 …").

    A deliberately small parser (a million phone fields cost seconds, not minutes): the full
    validation is `transforms.contacts.normalise_phones`' job in the nightly normalise stage.
    A 7-digit number written without its area code is kept as it is (the ladder compares the
    last seven digits)."""
    found: list[str] = []
    for part in _PHONE_SPLIT.split(raw):
        digits = re.sub(r"\D", "", _PHONE_EXTENSION.sub("", part))
        if digits.startswith("0048"):
            digits = digits[4:]
        elif len(digits) == 11 and digits.startswith("48"):
            digits = digits[2:]
        elif len(digits) == 10 and digits.startswith("0"):
            digits = digits[1:]
        if len(digits) in (7, 9) and digits not in found:
            found.append(digits)
    return found


def host_key(raw_host: str | None, raw_url: str | None = None) -> str | None:
    """A website's host; on shared hosts (Facebook) the host plus the page's first path part."""
    if not raw_host:
        return None
    host = raw_host.lower()
    if host.startswith("www."):
        host = host[4:]
    if host in _SHARED_HOSTS:
        if not raw_url:
            return None
        path = re.sub(r"^[a-z]+://[^/]+/?", "", raw_url.strip().lower()).split("/")[0]
        path = path.split("?")[0]
        return f"{host}/{path}" if path else None
    return host


# ---------------------------------------------------------------------------------------------
# Building the feature table
# ---------------------------------------------------------------------------------------------

FEATURE_COLUMNS = (
    "rid INTEGER, record_id VARCHAR, source VARCHAR, name_key VARCHAR, core VARCHAR, "
    "type_code VARCHAR, number VARCHAR, patron VARCHAR, place VARCHAR, core_now VARCHAR, "
    "renamed BOOLEAN, guessed BOOLEAN, proper VARCHAR, generic BOOLEAN, locality VARCHAR, "
    "locality_alt VARCHAR, postal VARCHAR, street VARCHAR, house VARCHAR, phones VARCHAR[], "
    "phones7 VARCHAR[], emails VARCHAR[], email_domains VARCHAR[], host VARCHAR, nip VARCHAR, "
    "regon VARCHAR, gmina VARCHAR"
)


def _distinct(con: duckdb.DuckDBPyConnection, table: str, column: str) -> list[str]:
    return [
        row[0]
        for row in con.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL AND {column} <> ''"
        ).fetchall()
    ]


def _store(
    con: duckdb.DuckDBPyConnection,
    out_table: str,
    out_columns: str,
    values: list[str],
    results: list[tuple[object, ...]],
) -> None:
    """`out_table(value, <out_columns>)` from the values and what was computed for them."""
    names = [c.split()[0] for c in out_columns.split(",")]
    frame = pd.DataFrame(
        {"value": pd.Series(values, dtype=object)}
        | {name: pd.Series([r[i] for r in results], dtype=object) for i, name in enumerate(names)}
    )
    con.register("er_f_frame", frame)
    types = [c.split()[1] for c in out_columns.split(",")]
    casts = ", ".join(f"CAST({n} AS {t}) AS {n}" for n, t in zip(names, types, strict=True))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {out_table} AS SELECT value, {casts} FROM er_f_frame"
    )
    con.unregister("er_f_frame")


def _map_distinct(
    con: duckdb.DuckDBPyConnection,
    table: str,
    column: str,
    out_table: str,
    out_columns: str,
    fn: Callable[[str], tuple[object, ...]],
    *,
    parallel: bool = False,
) -> None:
    """Apply `fn` once per distinct non-empty value of `column`, into `out_table(value, ...)`."""
    values = _distinct(con, table, column)
    results = _parallel_map(fn, values) if parallel else [fn(value) for value in values]
    _store(con, out_table, out_columns, values, results)


_PARALLEL_MIN = 20_000  # distinct values worth splitting over every core
_BACKGROUND_MIN = 5_000  # distinct names worth a worker process (it starts with cold caches)


def _parallel_map(
    fn: Callable[[str], tuple[object, ...]], values: list[str]
) -> list[tuple[object, ...]]:
    """`fn` over many values on every core; forked workers inherit the warm caches."""
    return _collect(_start_map(fn, values, _PARALLEL_MIN))


@dataclass(frozen=True, slots=True)
class _Pending:
    """A map over distinct values running in worker processes (or already done inline)."""

    pool: ProcessPoolExecutor | None
    futures: tuple[Future[list[tuple[object, ...]]], ...]
    done: list[tuple[object, ...]] | None


def _start_map(
    fn: Callable[[str], tuple[object, ...]], values: list[str], background_min: int
) -> _Pending:
    """Start `fn` over `values` in forked workers: one below `_PARALLEL_MIN` values (the
    caller does other work meanwhile), one per core above; inline below `background_min`."""
    cores = os.cpu_count() or 1
    if len(values) < background_min or (cores < 2 and background_min >= _PARALLEL_MIN):
        return _Pending(None, (), [fn(value) for value in values])
    workers = cores if len(values) >= _PARALLEL_MIN else 1
    size = max(1, len(values) // (workers * 8))
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"))
    futures = tuple(
        pool.submit(_apply_chunk, fn, values[i : i + size]) for i in range(0, len(values), size)
    )
    return _Pending(pool, futures, None)


def _collect(pending: _Pending) -> list[tuple[object, ...]]:
    if pending.done is not None:
        return pending.done
    if pending.pool is None:
        raise RuntimeError("features: a background map with neither results nor workers")
    try:
        return [row for future in pending.futures for row in future.result()]
    finally:
        pending.pool.shutdown(cancel_futures=True)


def _apply_chunk(
    fn: Callable[[str], tuple[object, ...]], values: list[str]
) -> list[tuple[object, ...]]:
    return [fn(value) for value in values]


def _street_row(value: str) -> tuple[object, ...]:
    key = street_key(value)
    return (key.name, key.number)


def _postal_row(value: str) -> tuple[object, ...]:
    return (postal_code(value),)


def _phone_row(value: str) -> tuple[object, ...]:
    national = phone_keys(value)
    return (" ".join(national), " ".join(p[-7:] for p in national))


def _email_row(value: str) -> tuple[object, ...]:
    emails = [e.lower() for e in normalise_emails(value)]
    return (" ".join(emails), " ".join(sorted({e.split("@", 1)[1] for e in emails})))


def _web_row(value: str) -> tuple[object, ...]:
    return (host_key(website_host(value), value),)


def _nip_row(value: str) -> tuple[object, ...]:
    return (normalise_nip(value),)


def _regon_row(value: str) -> tuple[object, ...]:
    return (normalise_regon(value),)


def _name_row(raw: str) -> tuple[object, ...]:
    parts = parse_name(raw)
    now, renamed = current_core(parts.core)
    return (
        parts.key,
        parts.core,
        type_of_core(parts.core),
        parts.number,
        parts.patron,
        parts.place,
        now or None,
        renamed,
        parts.guessed,
        parts.proper,
        is_generic(parts.core),
    )


_NAME_COLS = (
    "name_key VARCHAR, core VARCHAR, type_code VARCHAR, number VARCHAR, patron VARCHAR, "
    "place VARCHAR, core_now VARCHAR, renamed BOOLEAN, guessed BOOLEAN, proper VARCHAR, "
    "generic BOOLEAN"
)


def _build_name_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    _map_distinct(con, table, "name", "er_f_names", _NAME_COLS, _name_row, parallel=True)


def _contact_tables(con: duckdb.DuckDBPyConnection, table: str, parallel: bool) -> None:
    """`er_f_*` tables of every column but the name (places, addresses, contacts, ids); the
    costlier columns on every core when `parallel`."""
    _map_distinct(con, table, "locality", "er_f_loc", "loc VARCHAR, loc_alt VARCHAR", locality_keys)
    _map_distinct(con, table, "postal_code", "er_f_postal", "postal VARCHAR", _postal_row)
    _map_distinct(
        con,
        table,
        "street",
        "er_f_street",
        "street VARCHAR, house VARCHAR",
        _street_row,
        parallel=parallel,
    )
    _map_distinct(
        con,
        table,
        "phone",
        "er_f_phone",
        "phones VARCHAR, phones7 VARCHAR",
        _phone_row,
        parallel=parallel,
    )
    _map_distinct(
        con,
        table,
        "email",
        "er_f_email",
        "emails VARCHAR, domains VARCHAR",
        _email_row,
        parallel=parallel,
    )
    _map_distinct(con, table, "website", "er_f_web", "host VARCHAR", _web_row, parallel=parallel)
    _map_distinct(con, table, "nip", "er_f_nip", "nip VARCHAR", _nip_row, parallel=parallel)
    _map_distinct(con, table, "regon", "er_f_regon", "regon VARCHAR", _regon_row, parallel=parallel)


def build_features_from_raw(
    con: duckdb.DuckDBPyConnection, table: str, timings: dict[str, float] | None = None
) -> int:
    """`er_features` from a table of raw text columns (the standalone file layout).
    `timings`, when given, receives the seconds spent waiting for names (`names_s`).

    Names (Morfeusz and the classifier, the costly part) are parsed in worker processes: on a
    mid-sized input one worker, while this process parses the addresses and contacts; on a
    large one a worker per core, and the other columns are then split over the cores too
    (three busy processes on two cores cost a third more wall time on er-scale/1m)."""
    clock = time.perf_counter()
    names = _distinct(con, table, "name")
    pending = _start_map(_name_row, names, _BACKGROUND_MIN)
    overlap = pending.pool is not None and len(names) < _PARALLEL_MIN
    if overlap:
        try:
            _contact_tables(con, table, parallel=False)
        except BaseException:
            if pending.pool is not None:
                pending.pool.shutdown(cancel_futures=True)
            raise
        clock = time.perf_counter()
    _store(con, "er_f_names", _NAME_COLS, names, _collect(pending))
    if timings is not None:
        # With the overlap: the wait for the names after the other columns were done.
        timings["names_s"] = round(time.perf_counter() - clock, 2)
    if not overlap:
        _contact_tables(con, table, parallel=True)
    has_teryt = "teryt" in _columns(con, table)
    gmina = (
        "NULLIF(substr(regexp_replace(t.teryt, '\\D', '', 'g'), 1, 6), '')" if has_teryt else "NULL"
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_features AS
        SELECT CAST(row_number() OVER (ORDER BY t.record_id) - 1 AS INTEGER) AS rid,
               t.record_id, t.source, n.name_key, n.core, n.type_code, n.number, n.patron,
               n.place, n.core_now, coalesce(n.renamed, false) AS renamed,
               coalesce(n.guessed, false) AS guessed, n.proper,
               coalesce(n.generic, false) AS generic,
               l.loc AS locality, l.loc_alt AS locality_alt, p.postal,
               s.street, s.house,
               {_split("ph.phones")} AS phones,
               {_split("ph.phones7")} AS phones7,
               {_split("e.emails")} AS emails,
               {_split("e.domains")} AS email_domains,
               w.host, ni.nip, r.regon, {gmina} AS gmina
        FROM {table} t
        LEFT JOIN er_f_names n ON n.value = t.name
        LEFT JOIN er_f_loc l ON l.value = t.locality
        LEFT JOIN er_f_postal p ON p.value = t.postal_code
        LEFT JOIN er_f_street s ON s.value = t.street
        LEFT JOIN er_f_phone ph ON ph.value = t.phone
        LEFT JOIN er_f_email e ON e.value = t.email
        LEFT JOIN er_f_web w ON w.value = t.website
        LEFT JOIN er_f_nip ni ON ni.value = t.nip
        LEFT JOIN er_f_regon r ON r.value = t.regon
        """
    )
    _drop_helpers(con)
    _finish(con)
    return _count(con)


def build_features_from_records(con: duckdb.DuckDBPyConnection, table: str = "records") -> int:
    """`er_features` from the nightly `records` staging table (already normalised)."""
    _build_name_table(con, table)
    _map_distinct(con, table, "locality", "er_f_loc", "loc VARCHAR, loc_alt VARCHAR", locality_keys)

    _map_distinct(
        con,
        table,
        "street",
        "er_f_street",
        "street VARCHAR, house VARCHAR",
        _street_row,
        parallel=True,
    )
    # The classifier of the normalise stage saw descriptions and type columns too: its type wins.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_features AS
        SELECT CAST(row_number() OVER (ORDER BY t.record_id) - 1 AS INTEGER) AS rid,
               t.record_id, t.source, n.name_key, n.core,
               coalesce(NULLIF(t.type_code, 'other'), n.type_code) AS type_code,
               coalesce(t.number, n.number) AS number, n.patron, n.place, n.core_now,
               coalesce(n.renamed, false) AS renamed, coalesce(n.guessed, false) AS guessed,
               n.proper, coalesce(n.generic, false) AS generic, l.loc AS locality, l.loc_alt AS locality_alt, t.postal_code AS postal,
               s.street, s.house,
               list_transform(t.phones, x -> CASE WHEN x LIKE '+48%' THEN x[4:] ELSE x END)
                   AS phones,
               list_transform(t.phones, x -> right(x, 7)) AS phones7,
               list_transform(t.emails, x -> lower(x)) AS emails,
               list_distinct(list_transform(t.emails, x -> lower(split_part(x, '@', 2))))
                   AS email_domains,
               lower(regexp_replace(t.website_host, '^www\\.', '')) AS host,
               t.nip, t.regon, substr(t.gmina_teryt, 1, 6) AS gmina
        FROM {table} t
        LEFT JOIN er_f_names n ON n.value = t.name
        LEFT JOIN er_f_loc l ON l.value = t.locality
        LEFT JOIN er_f_street s ON s.value = t.street
        """
    )
    _drop_helpers(con)
    _finish(con)
    return _count(con)


STEM_MACRO = """
CREATE OR REPLACE TEMP MACRO er_stem(x) AS
    CASE WHEN x IS NULL OR x = '' THEN NULL ELSE array_to_string(
        list_transform(string_split(x, ' '), (w, i) -> w[1:CASE WHEN i = 1 THEN 5 ELSE 4 END]),
        ' ') END
"""


def _finish(con: duckdb.DuckDBPyConnection) -> None:
    """The name key: type phrase + place (from the name, else the locality) + number.

    A page that drops the place from the name ("Powiatowe Centrum Pomocy Rodzinie", locality
    Pisz) thus meets an article's "Powiatowym Centrum Pomocy Rodzinie w Piszu" on one key, and
    "nr 1" / "nr 2" never share one."""
    con.execute(STEM_MACRO)
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE er_features AS
        SELECT * REPLACE (
            CASE WHEN core IS NULL OR core = '' THEN NULL
                 ELSE core || ' @' || coalesce(place, locality, '')
                      || coalesce(' #' || number, '') END AS name_key)
        FROM er_features ORDER BY rid
        """
    )
    add_statistics(con)


STATISTICS = ("name_tf", "name_areas", "core_tf", "crowd")


def add_statistics(con: duckdb.DuckDBPyConnection, table: str = "er_features") -> None:
    """Per-record counts over the whole input that the ladders weigh agreement by, as
    Splink's term-frequency adjustment does (added as columns of `table`):

    - `name_tf`: records sharing the record's name key;
    - `name_areas`: distinct postal codes among them: a key met in two postal areas
      ("Ochotnicza Straż Pożarna w Głuchowie", several Głuchów) names several bodies;
    - `core_tf`: records sharing the record's type phrase: "Stowarzyszenie Mieszkańców Wsi
      Pawłowice" agreeing is worth more than "Ochotnicza Straż Pożarna" agreeing;
    - `crowd`: records of the record's type at its place: agreeing on type and place means
      little where a village has five housewives' circles and a town a hundred clubs.

    They depend on every record, so a record's levels may change when others come and go
    (`incremental` recomputes them and rescores the pairs whose counts moved)."""
    con.execute(STEM_MACRO)
    columns = [
        row[0] for row in con.execute(f"DESCRIBE {table}").fetchall() if row[0] not in STATISTICS
    ]
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_stat_base AS
        SELECT {", ".join(columns)},
               er_stem(coalesce(place, locality)) AS er_place_stem
        FROM {table}
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {table} AS
        WITH names AS (
            SELECT name_key, CAST(count(*) AS INTEGER) AS name_tf,
                   CAST(count(DISTINCT postal) AS INTEGER) AS name_areas
            FROM er_stat_base WHERE name_key IS NOT NULL GROUP BY name_key
        ),
        cores AS (
            SELECT core, CAST(count(*) AS INTEGER) AS core_tf
            FROM er_stat_base WHERE core IS NOT NULL AND core <> '' GROUP BY core
        ),
        crowds AS (
            SELECT type_code, er_place_stem, CAST(count(*) AS INTEGER) AS crowd
            FROM er_stat_base
            WHERE type_code IS NOT NULL AND type_code <> 'other' AND er_place_stem IS NOT NULL
            GROUP BY ALL
        )
        SELECT b.* EXCLUDE (er_place_stem), coalesce(n.name_tf, 0) AS name_tf,
               coalesce(n.name_areas, 0) AS name_areas, coalesce(o.core_tf, 0) AS core_tf,
               coalesce(c.crowd, 0) AS crowd
        FROM er_stat_base b
        LEFT JOIN names n ON n.name_key = b.name_key
        LEFT JOIN cores o ON o.core = b.core
        LEFT JOIN crowds c ON c.type_code = b.type_code AND c.er_place_stem = b.er_place_stem
        ORDER BY b.rid
        """
    )
    con.execute("DROP TABLE er_stat_base")


def _split(column: str) -> str:
    return f"CASE WHEN coalesce({column}, '') = '' THEN []::VARCHAR[] ELSE string_split({column}, ' ') END"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}


def _count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM er_features").fetchone()
    return int(row[0]) if row else 0


def _drop_helpers(con: duckdb.DuckDBPyConnection) -> None:
    for name in ("names", "loc", "postal", "street", "phone", "email", "web", "nip", "regon"):
        con.execute(f"DROP TABLE IF EXISTS er_f_{name}")
