"""Matching features: one row per record in the DuckDB table `er_features`.

Every raw value is normalised once per *distinct* value (a million records hold about 700
thousand distinct names but only some 100 thousand distinct words), in Python, and joined
back to the records in SQL. Two inputs share the same code:

- `build_features_from_raw`: a standalone file with text as a source shows it
  (`record_id, source, name, street, postal_code, locality, phone, email, website, nip,
  regon[, teryt]`);
- `build_features_from_records`: the nightly `records` staging table, already normalised
  (`phones[]`, `emails[]`, `website_host`, `gmina_teryt`, `type_code`).

A name is split by `name_parts.parse_name` into the parts the ladders compare; the counts
the ladders weigh agreement by are added by `statistics.statistics_sql`.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt

from transforms.contacts import (
    normalise_emails,
    normalise_nip,
    normalise_regon,
    parse_street,
    website_host,
)
from transforms.er.helper_tables import drop_tables
from transforms.er.known_names import keep_names, names_to_parse
from transforms.er.name_parts import (
    ALIKE_MACRO,
    ALIKE_PLACE_MACRO,
    STEM_MACRO,
    current_core,
    is_generic,
    parse_name,
    type_of_core,
)
from transforms.er.statistics import STATISTICS, statistics_sql
from transforms.er.stored_maps import store_map
from transforms.text import fold_key

# Free-mail and hosting domains shared by unrelated institutions: an e-mail domain or a
# website host there says nothing, but the full address or the page path still does.
_SHARED_HOSTS = frozenset({"facebook.com", "fb.com", "m.facebook.com", "sites.google.com"})


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
    store_map(con, out_table, out_columns, values, results)


_PARALLEL_MIN = 20_000  # distinct values worth splitting over every core
_BACKGROUND_MIN = 5_000  # distinct names worth a worker process beside this one
_BACKGROUND_CHUNKS = 32  # pieces of a one-worker map, small enough to share out its end


def _parallel_map(
    fn: Callable[[str], tuple[object, ...]], values: list[str]
) -> list[tuple[object, ...]]:
    """`fn` over many values on every core; forked workers inherit the warm caches."""
    return _collect(_start_map(fn, values, _PARALLEL_MIN))


@dataclass(frozen=True, slots=True)
class _Pending:
    """A map over distinct values running in worker processes (or already done inline).

    `head` holds what this process computed before forking; `chunks[i]` the values of
    `futures[i]`. With `share`, `_collect` computes here the chunks no worker has started."""

    fn: Callable[[str], tuple[object, ...]]
    pool: ProcessPoolExecutor | None
    head: list[tuple[object, ...]]
    chunks: tuple[list[str], ...]
    futures: tuple[Future[list[tuple[object, ...]]], ...]
    share: bool


def _start_map(
    fn: Callable[[str], tuple[object, ...]], values: list[str], background_min: int
) -> _Pending:
    """Start `fn` over `values` in forked workers: inline below `background_min` values; one
    per core from `_PARALLEL_MIN` values; one worker in between, while the caller does other
    work and then takes the chunks the worker has not reached (`_collect`).

    The one-worker map computes its first chunk here before forking: that loads what `fn`
    loads once (the name parser's Morfeusz and tables, some 0.4 s of CPU) in this process, so
    the worker inherits it rather than loading it again, and this process has it for the
    chunks it takes. (One per core keeps forking cold: a million names' parser tables would
    then stay in this process through blocking and scoring.)"""
    cores = os.cpu_count() or 1
    if len(values) < background_min or (cores < 2 and background_min >= _PARALLEL_MIN):
        return _Pending(fn, None, [fn(value) for value in values], (), (), False)
    share = len(values) < _PARALLEL_MIN
    if share:
        workers, size = 1, max(1, len(values) // _BACKGROUND_CHUNKS)
        head = _first_chunk(fn, values[:size])
    else:
        workers, size, head = cores, max(1, len(values) // (cores * 8)), []
    chunks = tuple(values[i : i + size] for i in range(len(head), len(values), size))
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"))
    futures = tuple(pool.submit(_apply_chunk, fn, chunk) for chunk in chunks)
    return _Pending(fn, pool, head, chunks, futures, share)


def _first_chunk(
    fn: Callable[[str], tuple[object, ...]], values: list[str]
) -> list[tuple[object, ...]]:
    """`fn` over the first chunk of a one-worker map, which loads the name parser's tables
    (millions of objects, no garbage among them): the cyclic collector is off meanwhile, and
    what this process then holds is frozen out of its passes for the rest of the process
    (Python's advice before a fork). A full pass over those tables cost this process about
    0.05-0.08 s on er-dev, four times a run (once in the serial part after the names), and
    would write to the pages the worker shares."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        head = [fn(value) for value in values]
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return head


def _collect(pending: _Pending) -> list[tuple[object, ...]]:
    """The results in the order of the values. A shared map's last chunks that its worker
    has not started are cancelled there and computed here, from the end backwards."""
    if pending.pool is None:
        return pending.head
    try:
        taken: dict[int, list[tuple[object, ...]]] = {}
        if pending.share:
            for i in range(len(pending.futures) - 1, -1, -1):
                if not pending.futures[i].cancel():
                    break  # the worker has started this one, and so every earlier one
                taken[i] = _apply_chunk(pending.fn, pending.chunks[i])
        results = list(pending.head)
        for i, future in enumerate(pending.futures):
            results.extend(taken[i] if i in taken else future.result())
        return results
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
    con: duckdb.DuckDBPyConnection,
    table: str,
    timings: dict[str, float] | None = None,
    *,
    statistics: bool = True,
    known_names: str | None = None,
) -> int:
    """`er_features` from a table of raw text columns (the standalone file layout).
    `timings`, when given, receives the seconds of the name parsing this process waited for
    or did (`names_s`; with one worker, what was left after the contacts, and the first
    chunk and the fork as `names_start_s`), of the other columns (`contacts_s`) and of the
    join to the records, the name key and the statistics (`finish_s`).

    Names (Morfeusz and the classifier, the costly part) are parsed in worker processes: on a
    mid-sized input one worker, while this process parses the addresses and contacts and
    then the names the worker has not reached; on a large one a worker per core, and the
    other columns are then split over the cores too (three busy processes on two cores cost
    a third more wall time on er-scale/1m).

    Without `statistics` the counts are left at 0 (an incremental night recounts them over
    every record; `_finish`); names `known_names` holds are not parsed again."""
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    known, names = names_to_parse(con, table, known_names)
    pending = _start_map(_name_row, names, _BACKGROUND_MIN)
    overlap = pending.share
    if overlap:
        seconds["names_start_s"] = time.perf_counter() - clock
        try:
            _contact_tables(con, table, parallel=False)
        except BaseException:
            if pending.pool is not None:
                pending.pool.shutdown(cancel_futures=True)
            raise
        seconds["contacts_s"] = time.perf_counter() - clock - seconds["names_start_s"]
        clock = time.perf_counter()
    store_map(con, "er_f_names", _NAME_COLS, names, _collect(pending))
    keep_names(con, table, known_names, known, parsed=True)
    seconds["names_s"] = time.perf_counter() - clock
    if not overlap:
        clock = time.perf_counter()
        _contact_tables(con, table, parallel=True)
        seconds["contacts_s"] = time.perf_counter() - clock
    clock = time.perf_counter()
    has_teryt = "teryt" in _columns(con, table)
    gmina = (
        "NULLIF(substr(regexp_replace(t.teryt, '\\D', '', 'g'), 1, 6), '')" if has_teryt else "NULL"
    )
    _finish(
        con,
        f"""
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
        """,
        statistics,
    )
    _drop_helpers(con)
    seconds["finish_s"] = time.perf_counter() - clock
    if timings is not None:
        timings.update({name: round(value, 2) for name, value in seconds.items()})
    return _count(con)


def build_features_from_records(
    con: duckdb.DuckDBPyConnection,
    table: str = "records",
    *,
    statistics: bool = True,
    known_names: str | None = None,
) -> int:
    """`er_features` from the nightly `records` staging table (already normalised); without
    `statistics`, the counts left at 0 (`_finish`); names `known_names` holds not parsed."""
    known, names = names_to_parse(con, table, known_names)
    if names or not known:  # a night whose names were all seen stores none
        store_map(con, "er_f_names", _NAME_COLS, names, _parallel_map(_name_row, names))
    keep_names(con, table, known_names, known, parsed=bool(names))
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
    _finish(
        con,
        f"""
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
        """,
        statistics,
    )
    _drop_helpers(con)
    return _count(con)


def _finish(con: duckdb.DuckDBPyConnection, joined: str, statistics: bool = True) -> None:
    """`er_features` from `joined` (a query of the records joined to their features, in any
    order), in one statement, in rid order, with the name key: type phrase + place (from the
    name, else the locality; its case ending forgiven, `name_parts.inflected_alike`) +
    number.

    A page that drops the place from the name ("Powiatowe Centrum Pomocy Rodzinie", locality
    Pisz) thus meets an article's "Powiatowym Centrum Pomocy Rodzinie w Piszu" on one key, and
    "nr 1" / "nr 2" never share one. (A place's key and stem are computed once per distinct
    place: the key's regular expressions cost more per record than the rest of the table.)

    Then the statistics (`statistics.statistics_sql`), or without `statistics` the columns
    they fill with every count 0: an incremental night parses only its new and changed
    records, whose counts over these alone mean nothing (`statistics.update_statistics`
    recounts them over every record)."""
    con.execute(STEM_MACRO)
    con.execute(ALIKE_MACRO)
    con.execute(ALIKE_PLACE_MACRO)
    place = "coalesce(j.place, j.locality)"
    keyed = f"""
        SELECT j.* REPLACE (
            CASE WHEN j.core IS NULL OR j.core = '' THEN NULL
                 ELSE j.core || ' @' || coalesce(p.alike, '')
                      || coalesce(' #' || j.number, '') END AS name_key),
               p.stem AS crowd_place
        FROM joined j LEFT JOIN er_f_places p ON p.v = {place}
        """
    if statistics:
        final = f"SELECT * FROM ({statistics_sql('er_f_keyed')}) ORDER BY rid"
    else:
        zeros = ", ".join(f"CAST(0 AS INTEGER) AS {c}" for c in STATISTICS)
        final = f"SELECT *, {zeros} FROM er_f_keyed ORDER BY rid"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE er_features AS
        WITH joined AS MATERIALIZED ({joined}),
             er_f_places AS (
                 SELECT v, er_alike(v) AS alike, er_stem(v) AS stem
                 FROM (SELECT DISTINCT {place} AS v FROM joined j) WHERE v IS NOT NULL
             ),
             er_f_keyed AS MATERIALIZED ({keyed})
        {final}
        """
    )


def _split(column: str) -> str:
    return f"CASE WHEN coalesce({column}, '') = '' THEN []::VARCHAR[] ELSE string_split({column}, ' ') END"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}


def _count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM er_features").fetchone()
    return int(row[0]) if row else 0


def _drop_helpers(con: duckdb.DuckDBPyConnection) -> None:
    helpers = ("names", "loc", "postal", "street", "phone", "email", "web", "nip", "regon")
    drop_tables(con, (f"er_f_{name}" for name in helpers))


# A record that gives nothing but a name and a place (no postal code, street, phone, e-mail
# address, website, NIP or REGON), as a mention in an article does: SQL over its features.
BARE_SQL = (
    "postal IS NULL AND street IS NULL AND coalesce(len(phones), 0) = 0"
    " AND coalesce(len(emails), 0) = 0 AND host IS NULL AND nip IS NULL AND regon IS NULL"
)


def bare_records(
    con: duckdb.DuckDBPyConnection, table: str = "er_features"
) -> npt.NDArray[np.bool_]:
    """`bare[rid]`: the record is bare (`BARE_SQL`)."""
    rows = con.execute(f"SELECT {BARE_SQL} AS bare FROM {table} ORDER BY rid").fetchnumpy()
    return np.asarray(rows["bare"], dtype=bool)
