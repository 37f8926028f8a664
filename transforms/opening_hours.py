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

from transforms.calendar_phrases import CALENDAR, DATE, MONTHLY, MONTHS
from transforms.clock_repair import repair_minutes
from transforms.morphology import analyse_word
from transforms.not_opening_hours import (
    AWAY_AFTER,
    EVENT,
    INTERRUPTION,
    dates_an_event,
    heads_an_event_list,
    without_timetables,
)
from transforms.sentences import sentences
from transforms.text import fold, normalise_space
from transforms.week_days import (
    ALL_WEEK,
    DAY_JOIN,
    DAY_LIST,
    DAY_WORD,
    EVERY_DAY,
    EXCEPT,
    WEEKEND,
    WEEKEND_TOO,
    WHOLE_WEEK,
)

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


# One line to call, or one duty, said to be round the clock by its adjective: "dyżur
# całodobowy", "prowadzi działalność całodobową", and before its noun in a sentence that says
# something of it ("darmowy i całodobowy numer telefonu zaufania to linia Rzecznika"); a label
# alone ("Całodobowa infolinia", "Całodobowa bezpłatna infolinia Wojewódzkiego Centrum … tel.
# 987") names a kind of line, most often another body's. Not "całodobowe miejsca" or
# "całodobowego schronienia", a kind of stay, nor duties in the plural ("brak całodobowych
# dyżurów aptek").
_ONE_ROUND_THE_CLOCK = r"calodobow(?:y|a|ego|ej|ym|emu)\b"
_ROUND_THE_CLOCK_AFTER = (
    r"\b(?:numer|telefon|linia|infolinia|dyzur|dzialalnosc)\w* (?:\w+ ){0,2}" + _ONE_ROUND_THE_CLOCK
)
_ROUND_THE_CLOCK_BEFORE = re.compile(
    rf"(?<!brak )\b{_ONE_ROUND_THE_CLOCK} (?:\w+ ){{0,2}}(?:numer|telefon|lini|infolini|dyzur|czat"
    r"|pogotowi)"
)
_STATING = frozenset({"fin", "praet", "bedzie", "imps", "inf", "pred"})


def _states_something(sentence: str) -> bool:
    """Whether a sentence has a verb or the copula "to", not only names something."""
    return any(
        reading.pos in _STATING
        for word in re.findall(r"\w+", sentence)
        for reading in analyse_word(word.lower())
    )


# "Ośrodek działa 24 godziny" (tune i019): open for 24 hours is round the clock.
_OPEN_24_HOURS = r"\b(?:dziala|czynn\w*|otwart\w*|pracuje|dostepn\w*) 24 godziny\b"
_ROUND_THE_CLOCK = re.compile(
    r"\bcalodobowo\b|\b24\s?h\b|\bcala dobe\b|\b24 godziny na dobe|\b24/7\b"
    rf"|:\s*calodobow\w*|\bcaloroczn\w* i calodobow|{_ROUND_THE_CLOCK_AFTER}|{_OPEN_24_HOURS}"
)
# Round the clock is opening hours when something is open or can be called ("można dzwonić
# całą dobę"), not when someone is looked after ("młodzież przez całą dobę przebywa pod opieką").
_OPEN = re.compile(
    r"\bczynn|\bdostepn|\botwart|\botwarci|\bdziala|\bdyzur|\bpracuj|\bcodziennie|calodobowo"
    rf"|:\s*calodobow|\bdzwoni|\bodbier|{_ROUND_THE_CLOCK_AFTER}"
)
# Round the clock denied ("dzielnicowi nie pełnią służby całodobowo", tune j010), or said of
# alarm numbers ("Telefony Alarmowe, czynne całą dobę", tune f025): no one's hours.
_DENIED = re.compile(r"\bnie (?:[^\W\d]+ ){0,3}$")
_ALARM = re.compile(r"\balarmow\w*")
# Taking people in round the clock is a time the place can be come to, as being open is:
# "Przyjmowanie dzieci do Placówki odbywa się przez całą dobę".
_ADMITS = re.compile(r"\bprzyjm\w*|\bprzyjec\w*")
# A full time "7:30", "7.30", "7,30"; its minutes must not run into a date ("12.03.2024").
_TIME = re.compile(r"(2[0-4]|[01]?\d)[:.,]([0-5]\d)")
# A bare hour in a range: "w godz. 7-15", "od 8 do 18", "15–18".
_BARE = re.compile(r"(2[0-4]|[01]?\d)(?!\d)(?![:.,]\d)")
# Days right before bare hours: "Poniedziałek: 10-18", "wtorek i czwartek 10-14".
_DAYS_BEFORE = re.compile(
    rf"(?:{DAY_WORD.pattern}|{EVERY_DAY.pattern}|{WEEKEND}|{WHOLE_WEEK.pattern})\W{{0,3}}$"
)
# Between the two times of a range; an hour may keep an ordinal's dot ("od 10. do 14.").
_RANGE_GAP = re.compile(r"^\.?\s*(?:-|–|—|do|a|-\s*do)?\s*(?:godz\.?|godziny)?\s*$")
# A bare number followed by a month and a year, or by a year, is a date written with spaces
# ("do wtorku, 9. 11. 2021 r."), not hours.
_NOT_AN_HOUR_AFTER = re.compile(
    rf"^\s*(?:lat|rok|r\.|r\b|os[oó]b|osob|miejsc|godzin|minut|dni|tyg|zl|%|\.\d|,\d|-\d{{3}}"
    rf"|\.\s*\d{{1,2}}\.\s*\d{{2,4}}\b|\.\s*(?:19|20)\d\d\b"
    rf"|{MONTHS}|uczni|dzieci|klas)"
)
_NOT_AN_HOUR_BEFORE = re.compile(
    r"(?:\bnr|\bpok\.?|\bul\.?|\btel\.?|\bfax|\blok\.?|\bpokoj\w*|\bsala|\bpietro|\bbudynek"
    r"|\bart\.?|\bust\.?|\bpkt\.?|\bpoz\.?|\bklas\w*|\bgrup\w*|\bwiek\w*|\bw wieku|\+48)\s*$"
)
# What may follow a bare hour: punctuation, a small word, a day, or the part of the day
# ("od godz. 12.00 do godz. 17 po południu", "od 7 rano").
_BARE_FOLLOWER = re.compile(
    r"\s*(?:$|[^\w\s]|\d|(?:do|godz\w*|h|w|we|i|oraz|a|lub|od|przez|codziennie|kazd\w*|dla|z|ze"
    r"|tj|czyli|dyzur\w*|pon\w*|pn|wt\w*|sr\w*|czw\w*|pt|piat\w*|sob\w*|niedz\w*|nd|ndz"
    r"|rano|wieczor\w*|po poludniu)\b)"
)
# A part of a preschool's day, in a sentence that says nothing is open then: its rest ("Pora
# odpoczynku obejmuje godziny 13:00/13.30 – 15:00"), its core curriculum ("Realizacja podstawy
# programowej odbywa się w godzinach 8.00 do 13.00"), its joined groups ("W czasie od 16:30 do
# 18:00 … tworzymy grupy zbiorcze"): hours within the opening hours, not opening hours.
_DAY_PART = re.compile(r"podstaw\w* programow|\bodpoczyn|\blezakowan|\bgrup\w* (?:zbiorcz|laczon)")
# A break within the hours ("przerwa 11.00 - 11.20") is not a time the place is open.
_BREAK = re.compile(r"\bprzerw\w*\b")
_LABEL = re.compile(r"^\s*([^:\d]{3,60}?)\s*:\s")


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    kind: str  # "days" | "range" | "clock"
    days: tuple[str, ...] = ()
    opens: str = ""
    closes: str = ""
    extends: bool = False  # "…, w czwartki do 17:00": the range before it, closing later
    end: int = -1  # where days end in the text


# A day run into the next word where a page's markup was dropped: "poniedziałek-piątekoraz
# Przemocy Domowej … godz.8:00 - 15:00" (tune c075), or into its hours: "Wtorek13.00 – 17.00"
# (sp17pabianice.edu.pl).
_GLUED_DAY = re.compile(
    r"\b(poniedzialek|wtorek|sroda|czwartek|piatek|sobota|niedziela)(?=oraz\b|\d)"
)


# An aside in parentheses after "całodobowo" says how, not on which days: "Placówka dostępna jest
# całodobowo (w godz. nocnych, soboty, niedziele i święta pod interwencyjnym numerem telefonu
# …)" is open every day (tune i047). Left when it gives times of its own.
_ROUND_THE_CLOCK_ASIDE = re.compile(r"(\bcalodobowo\s*)(\([^()]*\))")


def _without_aside(match: re.Match[str]) -> str:
    if re.search(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*[-–]\s*\d{1,2}\b", match[2]):
        return match[0]
    return match[1] + " " * len(match[2])


def _repair(folded: str) -> str:
    """Part a day from the word it ran into, blank an aside after "całodobowo", and put the
    lost superscript minutes back (`transforms.clock_repair`)."""
    folded = _GLUED_DAY.sub(r"\1 ", folded)
    folded = _ROUND_THE_CLOCK_ASIDE.sub(_without_aside, folded)
    return repair_minutes(folded, lambda text: DAY_WORD.search(text) is not None)


def _day_items(folded: str, all_week: bool = False) -> list[_Item]:
    """Day specifications: single days, ranges ("pon.-pt.", "od wtorku do czwartku"), lists
    ("pn, wt. czw. pt"), "codziennie", "siedem dni w tygodniu"."""
    weekend_too = [m.span() for m in WEEKEND_TOO.finditer(folded)]
    words = sorted(
        [
            (m.start(), m.end(), (next(i for i, g in enumerate(m.groups()) if g is not None),))
            for m in DAY_WORD.finditer(folded)
        ]
        + [(m.start(), m.end(), (5, 6)) for m in re.finditer(WEEKEND, folded)]
    )
    words = [w for w in words if not any(start <= w[0] < end for start, end in weekend_too)]
    items: list[_Item] = []
    index = 0
    while index < len(words):
        start, end, first = words[index]
        days = list(first)
        while index + 1 < len(words):
            next_start, next_end, following = words[index + 1]
            gap = folded[end:next_start]
            if DAY_JOIN.match(gap) and len(following) == 1 and following[0] > days[-1]:
                days += list(range(days[-1] + 1, following[0] + 1))
            elif DAY_LIST.match(gap) and not set(following) <= set(days):
                days += [day for day in following if day not in days]
            else:
                break
            end = next_end
            index += 1
        items.append(_Item(start, "days", tuple(DAYS[d] for d in sorted(days)), end=end))
        index += 1
    for match in EVERY_DAY.finditer(folded):
        # "codziennie 24h/dobę" is every day of the week; "codziennie 8-16" is office days.
        every = DAYS if all_week and match[0] in ("codziennie", "kazdego dnia") else WEEKDAYS
        every = DAYS if any(start == match.start() for start, _ in weekend_too) else every
        items.append(_Item(match.start(), "days", every, end=match.end()))
    items += [
        _Item(match.start(), "days", DAYS, end=match.end()) for match in WHOLE_WEEK.finditer(folded)
    ]
    items = _without_excepted(folded, sorted(items, key=lambda item: item.start))
    return [
        item
        for item in items
        if not _CLOSED_AFTER.match(folded, item.end)
        and not _REFERRED_DAY.search(folded[max(0, item.start - 30) : item.start])
    ]


# Days that only point at the days meant: "w poniedziałki poprzedzające pracujące soboty
# biblioteka będzie czynna w godzinach 8.30-14.30" is Monday's hours, not Saturday's
# (boguty-pianki.naszabiblioteka.com).
_REFERRED_DAY = re.compile(r"\bpoprzedzaj\w*\s+(?:[^\W\d]+\s+)?$")


# Days said to be closed: "czynne w godz. 8.00-16.00, sobota nieczynne", "w sobotę i w
# niedzielę placówki będą nieczynne" (their hours are none, not the hours before them).
_CLOSED_AFTER = re.compile(
    r"\W*(?:[^\W\d]+\W+){0,3}?(?:nieczynn|zamkniet|wolne\b|dniem wolnym"
    r"|dzien wolny|nie pracuj|brak dyzur)"
)


def _without_excepted(folded: str, items: list[_Item]) -> list[_Item]:
    """Days after "oprócz"/"z wyjątkiem" are taken out of the days written before them."""
    out: list[_Item] = []
    for item in items:
        if out and EXCEPT.search(folded[max(0, item.start - 16) : item.start].rstrip(" (")):
            kept = tuple(day for day in out[-1].days if day not in item.days)
            if kept:
                out[-1] = _Item(out[-1].start, "days", kept)
                continue
        out.append(item)
    return out


def _clock(hour: str, minute: str) -> str:
    return f"{int(hour):02d}:{minute}"


def _time_tokens(folded: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, "HH:MM", full) for every time and bare hour that may be part of a range."""
    tokens: list[tuple[int, int, str, bool]] = []
    last_end = -1
    for match in _TIME.finditer(folded):
        start, end = match.span()
        glued = start == last_end  # "12.007.30": cells run together
        after_abbreviation = folded[max(0, start - 5) : start] == "godz."
        if (
            not glued
            and start > 0
            and not after_abbreviation
            and (folded[start - 1].isdigit() or folded[start - 1] in ".,:")
        ):
            continue
        if re.match(r"[.,/]\d|\s?(?:zl|pln)\b", folded[end : end + 5]):
            continue  # a date, a decimal, an amount
        # Digits right after a time are another time run into it ("7.0015.00", a table's
        # cells), or the time is part of a longer number ("1.304,10 zł").
        if folded[end : end + 1].isdigit() and not _TIME.match(folded, end):
            continue
        # Opening hours fall on five-minute marks; "3.12 - 9.12" is a week of dates.
        if int(match[2]) % 5:
            continue
        tokens.append((start, end, _clock(match[1], match[2]), True))
        last_end = end
    taken = [(start, end) for start, end, _, _ in tokens]
    for match in _BARE.finditer(folded):
        start, end = match.span()
        if any(s <= start < e for s, e in taken):
            continue
        # "od godz.11. do godz.15." (tune i044): the dot before is the abbreviation's
        after_abbreviation = folded[max(0, start - 5) : start] == "godz."
        if (
            start > 0
            and not after_abbreviation
            and (folded[start - 1].isdigit() or folded[start - 1] in ".,:/")
        ):
            continue
        if _NOT_AN_HOUR_AFTER.match(folded[end : end + 12]):
            continue
        # "od 7 do 12 miesięcy", "od 10 do 20 sesji": a word after a bare number counts
        # something; an hour is followed by punctuation, "godz.", a day or a small word.
        if not _BARE_FOLLOWER.match(folded[end : end + 14]):
            continue
        if _NOT_AN_HOUR_BEFORE.search(folded[max(0, start - 12) : start]):
            continue
        tokens.append((start, end, _clock(match[1], "00"), False))
    return sorted(tokens)


_UNTIL = re.compile(r"\bdo\s*(?:godz\.?|godziny)?\s*$")
_DAYS_THEN_UNTIL = re.compile(rf"(?:{DAY_WORD.pattern})[^\d]{{0,20}}$")


def _add_extension(folded: str, token: tuple[int, int, str, bool], items: list[_Item]) -> None:
    """A full time after "do" that closes no range of its own, after a range ("pn.-pt.
    7:30-15:30, w czwartki do 17:00"): the same opening, closing then."""
    start, _, closes, full = token
    ranges = [item for item in items if item.kind == "range"]
    # Only for days of its own right before it: "…, zapisy do 15:00" is a deadline.
    days_before = _DAYS_THEN_UNTIL.search(folded[max(0, start - 30) : start])
    if full and ranges and days_before and _UNTIL.search(folded[max(0, start - 12) : start]):
        if closes > ranges[-1].opens:
            items.append(_Item(start, "range", opens=ranges[-1].opens, closes=closes, extends=True))


# A time said to be when a place opens and the next one when it closes, in words between them:
# "godziną otwarcia będzie 8:00, natomiast godziną zamknięcia 20:00", "zacznie pracę o godz.
# 11:00 natomiast zakończy o godzinie 19:00".
_OPENS_WORD = re.compile(
    r"\b(?:otwarci\w*|otwier\w*|zaczn\w*|zaczyna\w*|rozpoczyna\w*|rozpoczn\w*)"
)
_CLOSES_WORD = re.compile(r"\b(?:zamkniec\w*|zamyka\w*|zakonczy\w*|konczy\w*)")


def _said_to_open_and_close(folded: str, start: int, end: int, next_start: int) -> bool:
    before, between = folded[max(0, start - 40) : start], folded[end:next_start]
    return (
        len(between) <= 50
        and _OPENS_WORD.search(before) is not None
        and _CLOSES_WORD.search(between) is not None
        and _OPENS_WORD.search(between) is None
    )


# An amount right after a range, or a price said with it ("Happy hours od 8.00 do 14.00 – cena
# 1 lekcji 110 zł", tune g036): the range is what a price buys (a price list by hours of stay),
# not when a place is open.
_PRICE_AFTER = re.compile(
    r"\s*[-–:=]?\s*(?:(?:cena|koszt|oplata)\b[^.]{0,30}?)?\d[\d ]*(?:[,.]\d{2})?\s?(?:zl|pln)\b"
)


def _range_items(folded: str, sentence: str = "") -> list[_Item]:
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
            # Bare hours make a range after "godz."/"od", before "godz.", or right after days
            # ("Poniedziałek: 10-18 godz.").
            before = folded[max(0, start - 14) : start]
            joined = (
                re.search(r"(?:godz\.?|godzin\w*|\bod)\s*$", before) is not None
                or re.match(r"\s*(?:godz|h\b)", folded[next_end : next_end + 6]) is not None
                or _DAYS_BEFORE.search(folded[max(0, start - 40) : start]) is not None
            )
        if not joined and full and next_full:
            joined = _said_to_open_and_close(folded, start, end, next_start)
        # Nothing opens between midnight and five: such a "range" is two other numbers.
        plausible = opens == "00:00" or opens >= "05:00"
        if joined and _PRICE_AFTER.match(folded, next_end):
            index += 2  # "czesne od godz 6:30 do 14:00- 175,00zł": a price's hours of stay
            continue
        if joined and AWAY_AFTER.match(folded, next_end):
            index += 2  # "od 10.00 - 14.00 praca w terenie": hours away from the place
            continue
        if joined and opens != closes and plausible:
            items.append(_Item(start, "range", opens=opens, closes=closes))
            index += 2
            continue
        _add_extension(folded, tokens[index], items)
        index += 1
    if index == len(tokens) - 1:
        _add_extension(folded, tokens[index], items)
    if (_OPEN.search(folded) or _ADMITS.search(folded)) and not _ALARM.search(folded):
        for match in _ROUND_THE_CLOCK.finditer(folded):
            if not _DENIED.search(folded[max(0, match.start() - 40) : match.start()]):
                items.append(_Item(match.start(), "range", opens="00:00", closes="24:00"))
    if not any(item.opens == "00:00" and item.closes == "24:00" for item in items):
        line = _ROUND_THE_CLOCK_BEFORE.search(folded)
        if line and _states_something(sentence):
            items.append(_Item(line.start(), "range", opens="00:00", closes="24:00"))
    # Everything after "przerwa" in a sentence is the break ("od 7:30 do 14:30 w tym przerwa
    # w godz. od 8:30 do 9:00 i od 12:00 do 12:30").
    pause = _BREAK.search(folded)
    return [item for item in items if pause is None or item.start < pause.start()]


def _pair(items: list[_Item], dated: bool, all_week: bool) -> list[tuple[tuple[str, ...], _Item]]:
    """Days for each range: the days written before it; else the days written right after it
    when those have no hours of their own ("w godzinach 7-9 od poniedziałku do czwartku");
    else the weekdays not given other hours in the sentence ("od 8:00 do 15:00, w poniedziałki
    od 8.00 do 18.00": Tuesday to Friday), or none when the sentence gives a date. Where every
    run of ranges is followed by its days ("od godz. 18:00 do 8:00 w dni robocze oraz całodobowo
    w dni ustawowo wolne od pracy", tune a026), each run takes the days after it."""
    kinds = "".join("r" if item.kind == "range" else "d" for item in items)
    if re.fullmatch(r"(?:r+d){2,}", kinds):
        after: list[tuple[tuple[str, ...], _Item]] = []
        waiting: list[_Item] = []
        for item in items:
            if item.kind == "range":
                waiting.append(item)
            else:
                after += [(item.days, r) for r in waiting]
                waiting = []
        return after
    pairs: list[tuple[tuple[str, ...], _Item]] = []
    current: tuple[str, ...] | None = None
    pending: list[_Item] = []
    for index, item in enumerate(items):
        if item.kind == "days":
            has_own = index + 1 < len(items) and items[index + 1].kind == "range"
            if pending and not has_own:
                pairs += [(item.days, r) for r in pending]
                pending = []
            current = item.days
            continue
        if current is None:
            pending.append(item)
        else:
            pairs.append((current, item))
    pairs = _extended(pairs)
    given = {day for days, _ in pairs for day in days}
    for item in pending:
        if (item.opens, item.closes) == ("00:00", "24:00") or all_week:
            pairs.append((DAYS, item))
        elif dated:
            pairs.append(((), item))
        else:
            pairs.append((tuple(d for d in WEEKDAYS if d not in given) or WEEKDAYS, item))
    return sorted(pairs, key=lambda pair: pair[1].start)


def _extended(
    pairs: list[tuple[tuple[str, ...], _Item]],
) -> list[tuple[tuple[str, ...], _Item]]:
    """An extension's days leave the range it extends ("pn.-pt. 7:30-15:30, w czwartki do
    17:00": Thursday is open until five, the other days until half past three). Days of their
    own after the ranges' days take those ranges too, the last one closing later ("w godzinach
    7.00- 9.00 lub 14.00- 15.00 od poniedziałku do czwartku, w piątki – do godziny 16.00":
    Friday 7-9 and 14-16, tune a037)."""
    out: list[tuple[tuple[str, ...], _Item]] = []
    for days, item in pairs:
        if item.extends and out:
            last_days, last = out[-1]
            if set(days) < set(last_days):
                out[-1] = (tuple(d for d in last_days if d not in days), last)
            elif days and not set(days) & set(last_days):
                out += [
                    (days, earlier)
                    for earlier_days, earlier in list(out)
                    if earlier_days == last_days and earlier is not last and not earlier.extends
                ]
        out.append((days, item))
    return out


def _what(line: str) -> str:
    label = _LABEL.match(line)
    if label and not DAY_WORD.match(fold(label[1]).lower()):
        return normalise_space(label[1]).lower()
    return ""


_HEADER_DAY = re.compile(
    r"poniedzialek|wtorek|sroda|czwartek|piatek|sobota|niedziela|pon\.?|wt\.?|sr\.?|czw\.?|pt\.?"
)


def _header_days(folded: str) -> tuple[str, ...]:
    """The days of a table's header line ("PONIEDZIAŁEK WTOREK ŚRODA …", its cells run
    together or not): at least three days in order and nothing else; () for other lines."""
    names = _HEADER_DAY.findall(folded)
    if len(names) < 3 or _HEADER_DAY.sub("", folded).strip(" \t|;,/-–") != "":
        return ()
    days = [_DAY_INDEX[name.rstrip(".")[:2]] for name in names]
    if days != sorted(set(days)):
        return ()
    return tuple(DAYS[day] for day in days)


_DAY_INDEX = {"po": 0, "wt": 1, "sr": 2, "cz": 3, "pi": 4, "pt": 4, "so": 5, "ni": 6}


# A label of opening hours ending a sentence, which may begin with a line the label's own line
# was joined to (an address over "godziny i dni otwarcia:"): its last words, with the colon.
_LABEL_TAIL = re.compile(r"(?i)(?:^|\s)(?:godzin\w*|dni|czynn\w*|otwar\w*)(?: [^\s\d:]+){0,4}:\s*$")


def _row_label(sentence: str) -> str:
    label = re.match(r"\s*([^\d:]{3,60}?)\s*(?::|\d)", sentence)
    return normalise_space(label[1]).lower() if label else ""


def _said_open(evidence: str) -> bool:
    return _OPEN.search(fold(evidence).lower()) is not None


def read_schedules(text: str | None) -> tuple[Schedule, ...]:
    """Every weekly schedule the text states, in order, without repeats."""
    schedules: dict[tuple[tuple[str, ...], str, str], Schedule] = {}
    carried: tuple[str, ...] | None = None  # days in a sentence of their own ("Poniedziałek")
    columns: tuple[str, ...] = ()  # a table's header of days
    label = ""  # a label of opening hours on a line of its own ("godziny i dni otwarcia:")
    day_parts: set[tuple[tuple[str, ...], str, str]] = set()  # rest, core curriculum…
    interrupted = False  # after "nastąpi przerwa w dostawie wody", until something is open
    events_listed = False  # under "Dni Otwarte odbędą się:", while its lines are dated
    for written in sentences(text or ""):
        sentence, label = (f"{label} {written}", "") if label else (written, "")
        folded = _repair(fold(sentence).lower())
        if not _OPEN.search(folded) or not _ROUND_THE_CLOCK.search(folded):
            # "godziny i dni otwarcia:" over a line "24H": the label says the line is hours
            sentence, folded = written, _repair(fold(written).lower())
        if header := _header_days(folded):
            columns, carried = header, None
            continue
        all_week = ALL_WEEK.search(folded) is not None or WEEKEND_TOO.search(folded) is not None
        range_items = _range_items(folded, sentence)
        # "Ogrzewalnia czynna jest codziennie w godz. od 18:00 do 8:00": a place open overnight
        # every day is open on every day of the week, not on an office's days.
        overnight = any(r.closes < r.opens for r in range_items)
        ranges_and_days = _day_items(folded, all_week or overnight) + range_items
        items = sorted(ranges_and_days, key=lambda i: i.start)
        ranges = [item for item in items if item.kind == "range"]
        if columns and len(ranges) == len(columns) and len(ranges) == len(items):
            # a row under a header of days: "PSYCHOLOG 7:30-12:00 12:00-17:00 …", one a day
            for day, item in zip(columns, ranges, strict=True):
                schedules.setdefault(
                    ((day,), item.opens, item.closes),
                    Schedule((day,), item.opens, item.closes, _row_label(sentence), sentence),
                )
            continue
        columns = ()
        # the sentences after an interruption are its times too, until one says something is
        # open or names a day
        interrupted = INTERRUPTION.search(folded) is not None or (
            interrupted
            and not _OPEN.search(folded)
            and not any(item.kind == "days" for item in items)
        )
        if not any(item.kind == "range" for item in items):
            events_listed = heads_an_event_list(folded)
            tail = _LABEL_TAIL.search(sentence)
            if tail and _OPEN.search(fold(tail[0]).lower()):
                label = tail[0].strip()
            days_only = [item for item in items if item.kind == "days"]
            carried = days_only[-1].days if days_only and len(folded) < 60 else None
            continue
        dated = DATE.search(folded) is not None
        event = EVENT.search(folded) and (
            dated or CALENDAR.search(folded) or dates_an_event(folded)
        )
        events_listed = events_listed and (dated or CALENDAR.search(folded) is not None)
        if event or events_listed or interrupted or MONTHLY.search(folded):
            carried = None
            continue
        if carried is not None and items[0].kind == "range":
            items.insert(0, _Item(-1, "days", carried))
        carried = None
        part_of_the_day = _DAY_PART.search(folded) and not _OPEN.search(folded)
        for days, item in _pair(items, dated, all_week):
            key = (days, item.opens, item.closes)
            if part_of_the_day and key not in schedules:
                day_parts.add(key)
            elif not part_of_the_day:
                day_parts.discard(key)  # stated as opening hours elsewhere too
            schedules.setdefault(
                key, Schedule(days, item.opens, item.closes, _what(sentence), sentence)
            )
    # a part of the day is left out once a plan of the day has been told from opening hours
    kept = without_timetables(tuple(schedules.values()), _said_open)
    return tuple(s for s in kept if (s.days, s.opens, s.closes) not in day_parts)
