"""Opening hours as Polish pages write them, read into structured schedules.

"pon.–pt. 7:30–15:30", "od poniedziałku do piątku w godzinach od 7.00 do 15.00", "dyżur
psychologa we wtorki 15–18", "poniedziałek: 7.15 – 18.00, wtorek - piątek: 7.15 – 15.00",
"codziennie 24h/dobę", and the forms a copy of a page leaves behind: "od godz. 14 00 do 18 00"
and "1700 do 1900" (the minutes were a superscript), "7.0015.00" (a table's cells run
together), a day on one line and its hours on the next.

A text is read as a stream of day specifications and time ranges. Days apply to the ranges
that follow them up to the next days; ranges written before any day ("w godzinach 7.00-9.00
od poniedziałku do czwartku") take the days that come after them in the same sentence. A
range with no day at all is an office's weekday hours (Mo–Fr), unless its sentence gives a
date ("w dniu 2 maja 2023 r. … czynne od 7:00 do 14:35"): then it has no days. Times of an
announced event (a meeting "odbędzie się … w godz. 10-12") are not opening hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.text import fold, normalise_space

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
WEEKDAYS = DAYS[:5]


@dataclass(frozen=True, slots=True)
class Schedule:
    """`Schedule(("Mo", "Tu"), "07:30", "15:30", "sekretariat", "pn.-wt. 7.30-15.30")`: when
    something is open; `days` empty when the text ties the hours to dates, not weekdays."""

    days: tuple[str, ...]
    opens: str
    closes: str
    what: str
    evidence: str


# Folded day words: full names in any case, and the usual abbreviations.
_DAY_WORD = re.compile(
    r"\b(?:(poniedzial\w*|pon|pn|pnd)|(wtor\w*|wt)|(srod\w*|sr)|(czwart\w*|czw|cz)"
    r"|(piat\w*|pt|pia)|(sobot\w*|sob|so)|(niedziel\w*|niedz|nd|ndz|nie(?=\.)))\b\.?"
)
_DAY_JOIN = re.compile(r"^\s*(?:-|–|—|do|-\s*do)\s*$")
_DAY_LIST = re.compile(r"^\s*(?:,|i|oraz|lub|,\s*i|/|\s)\s*$")
_EVERY_DAY = re.compile(
    r"\b(?:codziennie|w dni robocze|dni robocze|w dni powszednie|dni powszednie|w dni robocze)\b"
)
_ALL_WEEK = re.compile(
    r"\b(?:siedem|7) dni w tygodniu|\bprzez (?:cala|7) dob\w*|\bcalodobow(?:o|y|a|e)\b"
    r"|\b24\s?h\b|\b24 godziny na dobe|\b24/7\b"
)
_ROUND_THE_CLOCK = re.compile(
    r"\bcalodobowo\b|\b24\s?h\b|\bprzez cala dobe\b|\b24 godziny na dobe|\b24/7\b"
    r"|:\s*calodobow\w*|\bczynn\w* calodobowo|\bcaloroczn\w* i calodobow"
)
_MONTHS = (
    r"styczni\w*|lut\w*|marc\w*|kwietni\w*|maj[a]?|czerw\w*|lip\w*|sierpni\w*|wrzesni\w*"
    r"|pazdziernik\w*|listopad\w*|grudni\w*"
)
_DATE = re.compile(
    rf"\b\d{{1,2}}\s?(?:{_MONTHS})\b|\b\d{{1,2}}\.\d{{2}}\.\d{{2,4}}\b|\bw dniu\b|\bw dniach\b"
)
_EVENT = re.compile(
    r"\bodbedzie|\bodbeda\b|\bodbyl|\bzaprasza|\bspotkani|\bzebrani|\bsesj\w|\bkonkurs"
    r"|\bwydarzeni|\bpiknik|\bfestyn|\bwarsztat|\bkoncert|\buroczyst|\bmsza\b|\bprzegla"
)
# A full time "7:30", "7.30", "7,30"; its minutes must not run into a date ("12.03.2024").
_TIME = re.compile(r"([01]?\d|2[0-4])[:.,]([0-5]\d)")
# A bare hour in a range: "w godz. 7-15", "od 8 do 18", "15–18".
_BARE = re.compile(r"([01]?\d|2[0-4])(?![\d:.,]\d)")
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|do|a|-\s*do)?\s*(?:godz\.?|godziny)?\s*$")
_NOT_AN_HOUR_AFTER = re.compile(
    rf"^\s*(?:lat|rok|r\.|r\b|os[oó]b|osob|miejsc|godzin|minut|dni|tyg|zl|%|\.\d|,\d|-\d{{3}}"
    rf"|{_MONTHS}|uczni|dzieci|klas)"
)
_NOT_AN_HOUR_BEFORE = re.compile(
    r"(?:\bnr|\bpok\.?|\bul\.?|\btel\.?|\bfax|\blok\.?|\bpokoj\w*|\bsala|\bpietro|\bbudynek"
    r"|\bart\.?|\bust\.?|\bpkt\.?|\bpoz\.?|\bklas\w*|\bgrup\w*|\bwiek\w*|\bw wieku|\+48)\s*$"
)
_HOUR_CONTEXT = re.compile(r"\bgodz|\bgodzin|\bczynn|\bprzyjmuj|\bdyzur|\botwart|\bpracuj")
# "od godz. 14 00 do 18 00" and "od 1700 do 1900": minutes that were a superscript.
_SPLIT_MINUTES = re.compile(r"(?<![\d:.,])([01]?\d|2[0-4]) (00|15|30|45)(?![\d:.,])")
_GLUED_MINUTES = re.compile(
    r"\b(od|do|godz\.)(\s*)([01]\d|2[0-4])(00|15|30|45)(?=\s*(?:do\b|-|–|$|,|\.|;|\s))"
)
_LABEL = re.compile(r"^\s*([^:\d]{3,60}?)\s*:\s")


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    kind: str  # "days" | "range" | "clock"
    days: tuple[str, ...] = ()
    opens: str = ""
    closes: str = ""


def _repair(folded: str) -> str:
    """Put the lost superscript minutes back: "14 00" -> "14:00", "1700" -> "17:00"."""
    if not _HOUR_CONTEXT.search(folded) and not _DAY_WORD.search(folded):
        return folded
    if re.search(r"\btel|\bfax|\+48", folded) is None:
        folded = _SPLIT_MINUTES.sub(lambda m: f"{m[1]}:{m[2]}".rjust(len(m[0])), folded)
    return _GLUED_MINUTES.sub(lambda m: f"{m[1]}{m[2]}{m[3]}:{m[4]}", folded)


def _day_items(folded: str) -> list[_Item]:
    """Day specifications: single days, ranges ("pon.-pt.", "od wtorku do czwartku"), lists
    ("pn, wt. czw. pt"), "codziennie", "siedem dni w tygodniu"."""
    words = [
        (m.start(), m.end(), next(i for i, g in enumerate(m.groups()) if g is not None))
        for m in _DAY_WORD.finditer(folded)
    ]
    items: list[_Item] = []
    index = 0
    while index < len(words):
        start, end, day = words[index]
        days = [day]
        while index + 1 < len(words):
            next_start, next_end, next_day = words[index + 1]
            gap = folded[end:next_start]
            if _DAY_JOIN.match(gap) and next_day > days[-1]:
                days += list(range(days[-1] + 1, next_day + 1))
            elif _DAY_LIST.match(gap) and next_day not in days:
                days.append(next_day)
            else:
                break
            end = next_end
            index += 1
        items.append(_Item(start, "days", tuple(DAYS[d] for d in sorted(days))))
        index += 1
    for match in _EVERY_DAY.finditer(folded):
        items.append(_Item(match.start(), "days", WEEKDAYS))
    return items


def _clock(hour: str, minute: str) -> str:
    return f"{int(hour):02d}:{minute}"


def _time_tokens(folded: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, "HH:MM", full) for every time and bare hour that may be part of a range."""
    tokens: list[tuple[int, int, str, bool]] = []
    last_end = -1
    for match in _TIME.finditer(folded):
        start, end = match.span()
        glued = start == last_end
        if not glued and start > 0 and (folded[start - 1].isdigit() or folded[start - 1] in ".,:"):
            continue
        if re.match(r"[.,/]\d", folded[end : end + 2]):
            continue  # a date or a decimal
        tokens.append((start, end, _clock(match[1], match[2]), True))
        last_end = end
    taken = [(start, end) for start, end, _, _ in tokens]
    for match in _BARE.finditer(folded):
        start, end = match.span()
        if any(s <= start < e for s, e in taken):
            continue
        if start > 0 and (folded[start - 1].isdigit() or folded[start - 1] in ".,:/"):
            continue
        if _NOT_AN_HOUR_AFTER.match(folded[end : end + 12]):
            continue
        if _NOT_AN_HOUR_BEFORE.search(folded[max(0, start - 12) : start]):
            continue
        tokens.append((start, end, _clock(match[1], "00"), False))
    return sorted(tokens)


def _range_items(folded: str) -> list[_Item]:
    """Time ranges: two times joined by a dash, "do", "a" or nothing (cells run together); a
    bare hour counts only beside a full time or after "godz."/"od"."""
    tokens = _time_tokens(folded)
    items: list[_Item] = []
    index = 0
    while index + 1 < len(tokens):
        start, end, opens, full = tokens[index]
        next_start, next_end, closes, next_full = tokens[index + 1]
        gap = folded[end:next_start]
        joined = _RANGE_GAP.match(gap) is not None and (gap.strip() != "" or (full and next_full))
        if joined and not (full or next_full):
            before = folded[max(0, start - 14) : start]
            joined = re.search(r"(?:godz\.?|godzinach|\bod)\s*$", before) is not None
        if joined and opens != closes:
            items.append(_Item(start, "range", opens=opens, closes=closes))
            index += 2
            continue
        index += 1
    for match in _ROUND_THE_CLOCK.finditer(folded):
        items.append(_Item(match.start(), "range", opens="00:00", closes="24:00"))
    return items


def _pair(items: list[_Item], dated: bool, all_week: bool) -> list[tuple[tuple[str, ...], _Item]]:
    """Days for each range: the days written before it, else the days written right after
    it, else the weekdays (or none, when the text gives a date)."""
    pairs: list[tuple[tuple[str, ...], _Item]] = []
    current: tuple[str, ...] | None = None
    pending: list[_Item] = []
    for item in items:
        if item.kind == "days":
            if pending:
                pairs += [(item.days, r) for r in pending]
                pending = []
            current = item.days
            continue
        if current is None:
            pending.append(item)
        else:
            pairs.append((current, item))
    for item in pending:
        if item.opens == "00:00" and item.closes == "24:00" or all_week:
            pairs.append((DAYS, item))
        else:
            pairs.append(((), item) if dated else (WEEKDAYS, item))
    return pairs


def _what(line: str) -> str:
    label = _LABEL.match(line)
    if label and not _DAY_WORD.match(fold(label[1]).lower()):
        return normalise_space(label[1]).lower()
    return ""


def read_schedules(text: str | None) -> tuple[Schedule, ...]:
    """Every weekly schedule the text states, in order, without repeats."""
    schedules: dict[tuple[tuple[str, ...], str, str], Schedule] = {}
    carried: tuple[str, ...] | None = None  # days on a line of their own
    for raw_line in (text or "").splitlines():
        line = normalise_space(raw_line)
        if not line:
            continue
        folded = _repair(fold(line).lower())
        for clause in re.split(r"(?<=[.;!?])\s+(?=\S)", folded):
            items = sorted(_day_items(clause) + _range_items(clause), key=lambda i: i.start)
            ranges = [item for item in items if item.kind == "range"]
            if not ranges:
                days_only = [item for item in items if item.kind == "days"]
                if days_only and len(clause) < 60:
                    carried = days_only[-1].days
                elif clause.strip():
                    carried = None
                continue
            dated = _DATE.search(clause) is not None
            if dated and _EVENT.search(clause):
                continue
            if carried is not None and items[0].kind == "range":
                items.insert(0, _Item(-1, "days", carried))
            carried = None
            all_week = _ALL_WEEK.search(clause) is not None
            for days, item in _pair(items, dated, all_week):
                key = (days, item.opens, item.closes)
                schedules.setdefault(
                    key, Schedule(days, item.opens, item.closes, _what(line), line)
                )
    return tuple(schedules.values())
