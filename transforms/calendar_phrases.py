"""Dates, months and periods of the year as Polish pages write them ("w dniu 2 maja", "od 1
lipca do 31 sierpnia", "w okresie wakacji", "24 XII"), folded: what tells hours for given dates
from a weekly schedule (`transforms.opening_hours`)."""

from __future__ import annotations

import re

# The months, folded, as a page names them: (nominative, genitive, locative) — "lipiec", "od
# 1 lipca", "w lipcu". Every month pattern below is made from this one table.
_MONTH_FORMS = (
    ("styczen", "stycznia", "styczniu"),
    ("luty", "lutego", "lutym"),
    ("marzec", "marca", "marcu"),
    ("kwiecien", "kwietnia", "kwietniu"),
    ("maj", "maja", "maju"),
    ("czerwiec", "czerwca", "czerwcu"),
    ("lipiec", "lipca", "lipcu"),
    ("sierpien", "sierpnia", "sierpniu"),
    ("wrzesien", "wrzesnia", "wrzesniu"),
    ("pazdziernik", "pazdziernika", "pazdzierniku"),
    ("listopad", "listopada", "listopadzie"),
    ("grudzien", "grudnia", "grudniu"),
)
_MONTH_NAME = "|".join(name for name, _, _ in _MONTH_FORMS)
_MONTH_OF = "|".join(of for _, of, _ in _MONTH_FORMS)
_MONTH_IN = "|".join(in_ for _, _, in_ in _MONTH_FORMS)
# Any form, the longest first: "12 maja", "2 lutego", "do 31 grudnia".
MONTHS = "|".join(
    sorted({form for forms in _MONTH_FORMS for form in forms}, key=lambda f: (-len(f), f))
)
# Hours for a period of the year, not the weekly schedule: a month ("W lipcu … w godzinach",
# "w miesiącach lipiec i sierpień"), a span of months ("od lipca do końca sierpnia") or a season
# ("w okresie wakacji", "podczas ferii", "dyżur wakacyjny"). The gold dates such hours (its
# `days` empty), as it does "w terminie od 01 lipca … do 31 sierpnia" (tune a001).
_PERIOD = (
    rf"\bw (?:{_MONTH_IN})\b|\bw miesiac\w* (?:{_MONTH_IN}|{_MONTH_NAME})\b"
    rf"|\bod (?:poczatku )?(?:{_MONTH_OF}) do (?:konca )?(?:{_MONTH_OF})\b"
    r"|\b(?:w|podczas|na) (?:okres\w* |czasie |trakcie )?(?:wakacj\w*|ferii|ferie)"
    r"|\bw (?:okresie|czasie) (?:letnim|wakacyjnym|zimowym|ferii\w*|swiat\w*)|\bwakacyjn\w*"
    r"|\bw wigili\w*|\bw sylwestr\w*"
)
# A month in Roman numerals after its day, ending a date: "24 XII, 31. XII - w godz. 8.00 –
# 12.00" (not "I", "V" or "X" alone, which "1 i 2" and "5 x" would be, nor a floor: "nr 12 II
# piętro").
_ROMAN_MONTH = r"ii|iii|iv|vi|vii|viii|ix|xi|xii"
# Hours for given dates ("w dniu 2 maja", "w terminie od 1 lipca do 31 sierpnia", "W tym dniu"
# after the date's sentence), not a weekly schedule from a date on ("od 1 września przedszkole
# czynne będzie…").
DATE = re.compile(
    rf"\bw dniu\b|\bw dniach\b|\bdnia \d|\bw terminie\b|\bw tym dniu\b"
    rf"|(?<!\bod )\b\d{{1,2}}\s?(?:{MONTHS})\b|(?<!\bod )\b\d{{1,2}}\.\d{{2}}\.\d{{4}}\b"
    rf"|{_PERIOD}|\b\d{{1,2}}\.?\s?(?:{_ROMAN_MONTH})(?=\s*(?:[,;–-]|\.?\s*\d{{4}}|$))"
)
CALENDAR = re.compile(rf"\b\d{{1,2}}\s?(?:{MONTHS})\b|\b\d{{1,2}}\.\d{{2}}\.\d{{2,4}}\b")
# Neither weekly nor for a date: "w ostatni dzień każdego miesiąca".
MONTHLY = re.compile(r"\bdzien\w* (?:kazdego )?miesiaca")
