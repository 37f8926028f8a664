"""Times a page gives that are not when anything is open, folded and lower-case, for
`transforms.opening_hours`: an announced event's ("warsztaty odbywają się 3.02 i 10.02 w
godzinach 11:00–13:00", a list of open days under "Dni Otwarte odbędą się:"), an interruption's
("od godz. 08:00 do godz. 14:00 nastąpi przerwa w dostawie wody"), the hours someone is away
("od 10.00 - 14.00 praca w terenie"), and the plans of a day and timetables whose short ranges
fill a page (bell times, "8.30 – 9.00 Gimnastyka").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

# Words of an event announced or held, in a sentence that also dates it.
EVENT = re.compile(
    r"\bodbedzie|\bodbeda\b|\bodbyl|\bzaprasza|\bspotkani|\bzebrani|\bsesj\w|\bkonkurs"
    r"|\bwydarzeni|\bpiknik|\bfestyn|\bfestiwal|\bwarsztat|\bkoncert|\buroczyst|\bmsza\b"
    r"|\bprzegla|\bdni\w* otwart|\bdrzwi otwart|\bzaplanowan\w* na\b"
)
# A day and a month in digits with no year, as an event's date is written ("3.02 i 10.02",
# "zaplanowano na 4.02"): not a time (no month is 00, and it is no range's end or start).
SHORT_DATE = re.compile(
    r"(?<![\d.,:])(?<![-–—]\s)(?<![-–—])(?<!godz\.\s)(?<!godz\.)"
    r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])(?![\d.,:])(?!\s*[-–—]\s*\d)"
)
# An interruption of a supply or a service: its hours are when nothing is to be had ("nastąpi
# przerwa w dostawie wody", "wyłączenia czekają mieszkańców", "woda nie popłynie między godz.
# 8:00 a 16:00", "zostaną pozbawieni dostępu do wody"). Not "z wyłączeniem" (excluding: "od
# poniedziałku do piątku z wyłączeniem świąt").
INTERRUPTION = re.compile(
    r"\bprzerw\w* w (?:dostaw|dostarcz|zasilan)\w*|(?<!\bz )\bwylaczen(?:ia|ie|\b)"
    r"|\bwylaczon\w* (?:wod|prad|gaz)"
    r"|\bwstrzyma\w* (?:dostaw|wod)\w*|\bbez (?:wody|pradu|gazu|ogrzewania)\b"
    r"|\b(?:woda|wody|prad\w*|gaz\w*) nie (?:bedzie|poplynie|bed)\w*|\bpozbawien\w* (?:dostepu|wody|pradu)"
)
# Hours someone is away from the place: "od 10.00 - 14.00 praca w terenie".
AWAY_AFTER = re.compile(r"\W{0,3}(?:prac\w*|dyzur\w*)? ?w terenie\b")


def dates_an_event(folded: str) -> bool:
    """Whether a sentence gives an event's date with no year ("odbywają się 3.02")."""
    return SHORT_DATE.search(folded) is not None


def heads_an_event_list(folded: str) -> bool:
    """Whether a sentence is a heading that announces events listed under it ("Dni Otwarte
    odbędą się:"): its dated lines are the events' times."""
    return folded.rstrip().endswith(":") and EVENT.search(folded) is not None


class _Timed(Protocol):
    @property
    def days(self) -> tuple[str, ...]: ...
    @property
    def opens(self) -> str: ...
    @property
    def closes(self) -> str: ...
    @property
    def evidence(self) -> str: ...


T = TypeVar("T", bound=_Timed)

# A school's bell times or a timetable of sessions: many short ranges, none of them hours a
# place is open for.
_SHORT_MINUTES = 50
_TIMETABLE_SIZE = 4
# A plan of the day ("8.30 – 9.00 Gimnastyka, 9.30 – 10.30 Ćwiczenia…, 12.30 – 13.30 Obiad"):
# ranges for the same days, each opening about when the one before it closes. Opening hours
# of one place on one day do not follow each other so; its breaks are longer than an hour or
# written as "przerwa".
_PLAN_SIZE = 3
_PLAN_GAP = 60


def minutes(clock: str) -> int:
    hours, minute = clock.split(":")
    return int(hours) * 60 + int(minute)


def without_timetables(schedules: Sequence[T], said_open: Callable[[str], bool]) -> tuple[T, ...]:
    """Without a timetable's short ranges (four or more of at most 50 minutes) and without the
    plans of a day; `said_open` tells an evidence that says something is open then."""

    def short(schedule: T) -> bool:
        return 0 < minutes(schedule.closes) - minutes(schedule.opens) <= _SHORT_MINUTES

    kept = tuple(schedules)
    if sum(short(s) for s in kept) >= _TIMETABLE_SIZE:
        kept = tuple(s for s in kept if not short(s))
    return _without_day_plans(kept, said_open)


def _chained(before: _Timed, after: _Timed, said_open: Callable[[str], bool]) -> bool:
    gap = minutes(after.opens) - minutes(before.closes)
    plan_items = not any(said_open(s.evidence) for s in (before, after))
    return plan_items and after.days == before.days and -_PLAN_GAP <= gap <= _PLAN_GAP


def _without_day_plans(schedules: tuple[T, ...], said_open: Callable[[str], bool]) -> tuple[T, ...]:
    """Without runs of three or more chained ranges, in the order the text gives them; a range
    said to be when something is open ("Klub dziecięcy czynny od 14:00 do 18:00") is no item
    of a plan."""
    dropped: set[int] = set()
    start = 0
    for index in range(1, len(schedules) + 1):
        if index < len(schedules) and _chained(schedules[index - 1], schedules[index], said_open):
            continue
        if index - start >= _PLAN_SIZE:
            dropped.update(range(start, index))
        start = index
    return tuple(s for index, s in enumerate(schedules) if index not in dropped)
