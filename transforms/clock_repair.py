"""Times a copy of a page mangled, put back before opening hours are read.

Superscript minutes lost on the way ("od godz. 14 00 do 18 00", "od 1700 do 1900", "8⁰⁰–16⁰⁰",
a table cell "700 - 1500"), minutes written as signs ("8°° - 16°°", "10ºº", "11ºº – 12³º", "9.oo").
Used by `transforms.opening_hours` on folded, lower-case text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HOUR_CONTEXT = re.compile(r"\bgodz|\bgodzin|\bczynn|\bprzyjmuj|\bdyzur|\botwart|\bpracuj")
# "od godz. 14 00 do 18 00" and "od 1700 do 1900": minutes that were a superscript.
_SPLIT_MINUTES = re.compile(r"(?<![\d:.,])([01]?\d|2[0-4]) (00|15|30|45)(?![\d:.,])")
_GLUED_MINUTES = re.compile(
    r"\b(od|do|godz\.)(\s*)([01]\d|2[0-4])(00|15|30|45)(?=\s*(?:do\b|-|–|$|,|\.|;|\s))"
)
# A table cell holding only "700 - 1500".
_CELL_MINUTES = re.compile(
    r"^\s*([01]?\d|2[0-4])(00|15|30|45)\s*[-–]\s*([01]?\d|2[0-4])(00|15|30|45)\s*$"
)
# "8⁰⁰–16⁰⁰" (superscripts fold to digits) and "od 730 do 1530" in a sentence about hours.
_RUN_MINUTES = re.compile(
    r"(?<![\d.,:/+])([01]?\d|2[0-4])(00|15|30|45)(\s*(?:-|–|do)\s*)([01]?\d|2[0-4])(00|15|30|45)"
    r"(?![\d.,:])"
)
# One end of a range flattened, the other written in full: "7.00 – 1000", "1000 - 14.00"
# (podajdalej.mops-kkozle.pl).
_HALF_RUN_END = re.compile(
    r"((?<![\d.,:])(?:[01]?\d|2[0-4])[:.][0-5]\d\s*[-–]\s*)([01]?\d|2[0-4])(00|15|30|45)(?![\d.:])(?!,\d)"
)
# A bare hour after "od" and a flattened one after the dash: "od 8 – 1800" (fresh r013), the
# end's minutes a superscript; followed by nothing that counts ("od 5 - 1000 osób").
_BARE_TO_RUN_END = re.compile(
    r"(\bod\s*(?:[01]?\d|2[0-4])\s*[-–]\s*)([01]?\d|2[0-4])(00|15|30|45)"
    r"(?=\s*(?:$|[^\w\s]|godz|h\b))"
)
_HALF_RUN_START = re.compile(
    r"(?<![\d.,:/+])([01]?\d|2[0-4])(00|15|30|45)(\s*[-–]\s*(?:[01]?\d|2[0-4])[:.][0-5]\d(?![\d.:])(?!,\d))"
)
# Minutes written as signs: "8°° - 16°°", "10ºº" (which folds to "10oo"), and zeros typed as
# the letter o after the hour's dot or colon: "od 9.oo do 18.oo" (wok.walbrzych.pl, fresh w001).
_SIGN_MINUTES = re.compile(
    r"(?<![\d.,:])([01]?\d|2[0-4])(?:\s?(?:°°|oo)|[.:](?:°°|oo))(?![a-z0-9])"
)
# Tens of minutes as a superscript digit and a sign, in a range with a time written so:
# "11ºº – 12³º" (folds to "11oo – 123o") is 11:00–12:30. Alone, "23º" is a temperature (it
# folds to "23o", which would read as 2:30), and "23°" too.
_SIGN_TENS = re.compile(r"(?<![\d.,:])([01]?\d|2[0-4])([0-5])o(?![a-z0-9])")
_SIGN_TIME = r"(?:[01]?\d|2[0-4])(?:\s?(?:°°|oo)|[0-5]o)"
_SIGN_RANGE = re.compile(rf"(?<![\d.,:]){_SIGN_TIME}\s*(?:-|–|—|do)\s*{_SIGN_TIME}(?![a-z0-9])")


def repair_minutes(folded: str, names_a_day: Callable[[str], bool]) -> str:
    """Put the lost superscript minutes back: "14 00" -> "14:00", "1700" -> "17:00",
    "8°°" -> "8:00". Runs of digits become times only where the text speaks of hours or
    names a day (`names_a_day`), or alone in a table cell."""
    if _SIGN_MINUTES.search(folded):
        folded = _SIGN_RANGE.sub(
            lambda r: _SIGN_TENS.sub(lambda m: f"{m[1]}:{m[2]}0", r[0]), folded
        )
    folded = _SIGN_MINUTES.sub(lambda m: f"{m[1]}:00", folded)
    if not _HOUR_CONTEXT.search(folded) and not names_a_day(folded):
        return _CELL_MINUTES.sub(lambda m: f"{m[1]}:{m[2]} - {m[3]}:{m[4]}", folded)
    if re.search(r"\btel|\bfax|\+48", folded) is None:
        folded = _SPLIT_MINUTES.sub(lambda m: f"{m[1]}:{m[2]}".rjust(len(m[0])), folded)
    if re.search(r"\btel|\bfax|\+48|\bzl\b|\brok|\blat\b", folded) is None:
        folded = _RUN_MINUTES.sub(lambda m: f"{m[1]}:{m[2]}{m[3]}{m[4]}:{m[5]}", folded)
        folded = _HALF_RUN_END.sub(lambda m: f"{m[1]}{m[2]}:{m[3]}", folded)
        folded = _BARE_TO_RUN_END.sub(lambda m: f"{m[1]}{m[2]}:{m[3]}", folded)
        folded = _HALF_RUN_START.sub(lambda m: f"{m[1]}:{m[2]}{m[3]}", folded)
    folded = _GLUED_MINUTES.sub(lambda m: f"{m[1]}{m[2]}{m[3]}:{m[4]}", folded)
    return _CELL_MINUTES.sub(lambda m: f"{m[1]}:{m[2]} - {m[3]}:{m[4]}", folded)
