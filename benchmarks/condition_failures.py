"""Where a set of documents' opening hours and ages fail, as counts only.

`benchmarks/extraction.py --failures` prints these beside the table. They say what kind of
failure holds a half back without naming a document or printing a line of it, so the test
half can be looked at this way while rules are made only from the tune half:

- per page that states hours (or ages) and is not read exactly: nothing read at all, read but
  none right, or partly right with some missing, some extra, or both; and pages whose gold
  states none where some were read;
- per schedule (age range) of the gold that was missed: whether the reader, given only the
  gold's evidence line, reads it (then the failure is the page around the line: the sentence
  splitting, the page's other lines, detection), reads the same times for other days (or
  another range), or reads nothing from it; and whether it is dated, round the clock, or
  labelled (what the annotator wrote under "what": registration, a phone line…);
- per extra schedule (age range) read: on a page whose gold states none, with the gold's
  times but other days, or times the gold does not have at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from benchmarks.extraction_scoring import dayless_matched
from transforms.eligibility import read_ages
from transforms.opening_hours import read_schedules
from transforms.sentences import sentences
from transforms.text import fold

Row = Mapping[str, Any]
Counter = dict[str, int]


def _add(counter: Counter, key: str) -> None:
    counter[key] = counter.get(key, 0) + 1


def _entries(schedule: Mapping[str, Any]) -> set[tuple[str, str, str]]:
    return {
        (str(day), str(schedule["opens"]), str(schedule["closes"]))
        for day in (schedule.get("days") or [""])
    }


def _page_kind(expected: set[Any], predicted: set[Any]) -> str:
    if expected == predicted:
        return "exact"
    if not predicted:
        return "nothing read"
    if not expected & predicted:
        return "read, none right"
    missing, extra = expected - predicted, predicted - expected
    if missing and extra:
        return "partly right: some missing, some extra"
    return "partly right: some missing" if missing else "partly right: some extra"


def _hours_alone(evidence: str) -> set[tuple[str, str, str]]:
    return {
        (day or "", s.opens, s.closes)
        for s in read_schedules(evidence)
        for day in (s.days or ("",))
    }


# What a line the reader reads nothing from holds, so its form can be counted, not printed.
_HOUR_FEATURES = (
    ("a full time (7:30, 7.30)", re.compile(r"(?<![\d.])(?:[01]?\d|2[0-4])[:.,][0-5]\d(?![\d.])")),
    ("minutes as signs (º, ⁰, °)", re.compile(r"[º°⁰¹²³⁴⁵⁶⁷⁸⁹ᵒ]")),
    ("a day word", re.compile(r"\b(?:pon|pn|wt|sr|czw|pt|piat|sob|niedz|nd)\w*")),
    ("every day in words", re.compile(r"codzienn|dni robocz|dni powszedn|7 dni|siedem dni")),
    ("round the clock words", re.compile(r"calodob|cala dobe|24\s?h|24/7|24 godz")),
    ("an open word (czynn, otwart, dyżur…)", re.compile(r"czynn|otwar|dyzur|przyjm|pracuj|dostep")),
    ("a full date (12.05.2024)", re.compile(r"\b\d{1,2}\.\d{2}\.\d{2,4}\b")),
    (
        "a day and a month's name (2 maja)",
        re.compile(r"\d\s?(?:stycz|lut|marc|kwiet|maj|czerw|lip|sierp|wrze|pazdz|listop|grud)"),
    ),
    (
        "a month's name without a day (w lipcu, od sierpnia)",
        re.compile(
            r"(?<!\d)\s(?:stycz|lut|marc|kwiet|maj|czerw|lip|sierp|wrze|pazdz|listop|grud)\w*"
        ),
    ),
    (
        "a season or holidays (wakacje, ferie, święta)",
        re.compile(r"wakac|ferii|ferie|swiat|wigili"),
    ),
)
_AGE_FEATURES = (
    (
        "years after a number (lat, roku życia)",
        re.compile(r"\d\s?(?:-?\w{0,3}\.?)?\s?(?:lat|rok|r\.)"),
    ),
    ("r.ż. / rż", re.compile(r"r\.\s?z\.|\brz\b")),
    ("a range of numbers (3-6)", re.compile(r"\d\s?[-–]\s?\d")),
    ("no digits at all", re.compile(r"^\D*$")),
    (
        "a number word (trzech, pierwszego…)",
        re.compile(
            r"\b(?:jed|dw|trz|czter|pie|sze|sied|osi|dziew|dzies|pierw|drug)\w*\s(?:lat|rok)"
        ),
    ),
    ("a people word", re.compile(r"dziec|dzieck|mlodziez|uczni|osob|senior|nastolat|mlodych")),
    ("a school level (klasy, szkoły)", re.compile(r"klas|szkol|przedszkol")),
    ("years before the number (lat 18)", re.compile(r"\blat\s\d")),
    ("a number and a plus (16+)", re.compile(r"\d\s?\+")),
    ("months or weeks (miesięcy, tygodni)", re.compile(r"miesi|m-c|tygodn|tyg\.")),
    ("a Roman numeral range (I-III)", re.compile(r"\b[ivx]+\s?[-–]\s?[ivx]+\b")),
    ("of age in words (pełnoletni, małoletni)", re.compile(r"pelnolet|maloletn|niepelnolet")),
    ("birthdays (urodzin)", re.compile(r"urodzin")),
    (
        "an age in words (wiek szkolny, niemowlęta)",
        re.compile(
            r"wieku (?:szkoln|przedszkol|senior|produkc|emeryt)|niemowl|noworod|seniorzy|senior"
        ),
    ),
    ("a school class number (klasa 1, kl. 4)", re.compile(r"\bkl(?:as\w*|\.)\s?[0-9ivx]")),
)


def _features(line: str, table: Sequence[tuple[str, re.Pattern[str]]]) -> list[str]:
    written = f"{line.lower()} {fold(line).lower()}"  # signs as written, words folded
    return [name for name, pattern in table if pattern.search(written)]


def _days_relation(wanted: set[str], read: set[str]) -> str:
    if not read:
        return "none read for them"
    if read < wanted:
        return "fewer days read"
    if read > wanted:
        return "more days read"
    return "other days read"


def _missed_schedule(schedule: Mapping[str, Any], counter: Counter) -> None:
    wanted = _entries(schedule)
    evidence = str(schedule.get("evidence") or "")
    alone = _hours_alone(evidence)
    times = (str(schedule["opens"]), str(schedule["closes"]))
    if wanted <= alone:
        kind = "its line alone is read right"
    elif any((opens, closes) == times for _, opens, closes in alone):
        kind = "its line alone gives the times, other days"
        read_days = {day for day, opens, closes in alone if (opens, closes) == times}
        relation = _days_relation({day for day, _, _ in wanted}, read_days)
        days = schedule.get("days") or ()
        shape = "dated" if not days else "every day" if len(days) == 7 else f"{len(days)} days"
        _add(counter, f"hours missed: other days: {relation}, the gold's {shape}")
        for feature in _features(evidence, _HOUR_FEATURES):
            _add(counter, f"hours missed: other days, from a line with {feature}")
    elif alone:
        kind = "its line alone gives other times"
    else:
        kind = "its line alone gives nothing"
        for feature in _features(evidence, _HOUR_FEATURES):
            _add(counter, f"hours missed: nothing from a line with {feature}")
    _add(counter, f"hours missed: {kind}")
    if len(schedule.get("days") or ()) == 7:
        _add(counter, "hours missed: of them every day of the week")
    if not schedule.get("days"):
        _add(counter, "hours missed: of them dated (no days)")
    if times == ("00:00", "24:00"):
        _add(counter, "hours missed: of them round the clock")
    if schedule.get("what"):
        _add(counter, "hours missed: of them labelled by the gold")


def _times(schedule: Mapping[str, Any]) -> tuple[str, str]:
    return (str(schedule["opens"]), str(schedule["closes"]))


def _extra_schedule(
    schedule: Mapping[str, Any], gold_hours: Sequence[Mapping[str, Any]], counter: Counter
) -> None:
    times = _times(schedule)
    if not gold_hours:
        kind = "on a page whose gold states none"
    elif any(_times(g) == times for g in gold_hours):
        kind = "the gold's times, other days"
    else:
        kind = "times the gold does not have"
    _add(counter, f"hours extra: {kind}")


def _hour_failures(gold: Mapping[str, Any], rows: Sequence[Row], counter: Counter) -> None:
    """As the benchmark scores hours: a gold schedule without days ("not stated") is matched
    on its times, whatever days the reader gives them."""
    gold_hours = list(gold.get("opening_hours") or ())
    read = [s for row in rows for s in row.get("schedules") or ()]
    expected = {entry for s in gold_hours for entry in _entries(s)}
    predicted = dayless_matched(expected, {entry for s in read for entry in _entries(s)})
    dayless = {(opens, closes) for day, opens, closes in expected if not day}
    if expected:
        _add(counter, f"hours pages: {_page_kind(expected, predicted)}")
    elif predicted:
        _add(counter, "hours pages: the gold states none, some read")
    for schedule in gold_hours:
        if not _entries(schedule) <= predicted:
            _missed_schedule(schedule, counter)
    for schedule in read:
        if not _entries(schedule) <= expected and _times(schedule) not in dayless:
            _extra_schedule(schedule, gold_hours, counter)


def _age(item: Mapping[str, Any]) -> tuple[Any, Any]:
    return (item.get("min"), item.get("max"))


def _age_failures(gold: Mapping[str, Any], rows: Sequence[Row], counter: Counter) -> None:
    gold_ages = list(gold.get("ages") or ())
    expected = {_age(a) for a in gold_ages}
    predicted = {_age(a) for row in rows for a in row.get("ages") or ()}
    if expected:
        _add(counter, f"ages pages: {_page_kind(expected, predicted)}")
    elif predicted:
        _add(counter, "ages pages: the gold states none, some read")
    for item in gold_ages:
        if _age(item) in predicted:
            continue
        alone = {(a.min, a.max) for a in read_ages(sentences(str(item.get("evidence") or "")))}
        if _age(item) in alone:
            kind = "its line alone is read right"
        elif alone:
            kind = "its line alone gives another range"
        else:
            kind = "its line alone gives nothing"
            for feature in _features(str(item.get("evidence") or ""), _AGE_FEATURES):
                _add(counter, f"ages missed: nothing from a line with {feature}")
        _add(counter, f"ages missed: {kind}")
        if item.get("min") is not None and item.get("max") is not None:
            _add(counter, "ages missed: of them with both ends")
    for low, high in predicted - expected:
        kind = "on a page whose gold states none" if not expected else "on a page stating others"
        if any(
            (low is not None and low == g_low) or (high is not None and high == g_high)
            for g_low, g_high in expected
        ):
            kind = "one end the gold's"
        _add(counter, f"ages extra: {kind}")


def count_failures(gold: Mapping[str, Any], rows: Sequence[Row], counter: Counter) -> None:
    """Add one document's hour and age failures (its gold as read from JSON, every row the
    extractor printed for it) to `counter`."""
    _hour_failures(gold, rows, counter)
    _age_failures(gold, rows, counter)


def failure_table(columns: Mapping[str, Counter]) -> list[str]:
    """Markdown rows: each failure kind's count, one set of documents per column."""
    names = list(columns)
    kinds: list[str] = sorted({kind for counter in columns.values() for kind in counter})
    lines = [
        "| hours and ages, by kind of failure | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---" for _ in names) + " |",
    ]
    for kind in _ordered(kinds):
        cells = (str(columns[name].get(kind, 0)) for name in names)
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return lines


def _ordered(kinds: Iterable[str]) -> list[str]:
    order = (
        "hours pages",
        "hours missed",
        "hours extra",
        "ages pages",
        "ages missed",
        "ages extra",
    )
    return sorted(kinds, key=lambda kind: (order.index(kind.split(":")[0]), kind))
