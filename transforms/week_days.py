"""The days of a week as Polish pages name them, folded: single days and their abbreviations
("pon.", "śr", "sb."), every day ("codziennie", "siedem dni w tygodniu", "przez cały tydzień"),
the weekend and the days free from work, and the words that join, list or except days. What
`transforms.opening_hours` reads a schedule's days with.
"""

from __future__ import annotations

import re

# Folded day words: full names in any case, and the usual abbreviations.
DAY_WORD = re.compile(
    r"\b(?:(poniedzial(?:ek|ku|ki|kach|kami|kow)|pon|pn|pnd)|(wtor(?:ek|ku|ki|kach|kami|kow)|wt)"
    r"|(srod(?:a|e|y|zie|ach|ami)?|sr)|(czwart(?:ek|ku|ki|kach|kami|kow)|czw|cz)"
    r"|(pi[ae]t(?:ek|ku|ki|kach|kami|kow)|piat|pt|pia)|(sobot(?:a|e|y|cie|ach|ami)?|sobocie|sob|sb|so)"
    r"|(niedziel(?:a|e|i|ach|ami)?|niedz|nd|ndz))\b\.?"
)
# Saturday and Sunday said at once: "w weekendy 10-14", "w weekend w godz. 10-14", and the days
# free from work ("w dni wolne od pracy w godz. 9-13", "w soboty, niedziele i dni ustawowo wolne
# od pracy"). The days free from work are Sundays and holidays by law and Saturdays for offices;
# of the days of a week they are Saturday and Sunday, not the office days before them. One
# weekend ("w najbliższy weekend", "weekend majowy") is a date, not a day of every week.
WEEKEND = (
    r"(?<!najblizszy )(?<!kolejny )(?<!przyszly )(?<!ostatni )(?<!dlugi )(?<!ten )"
    r"\bweekend(?:y|ach|ami|u|zie)?\b(?! majow)|\bdni (?:ustawowo )?wolne od pracy\b"
)
# Days left out of the days before them: "codziennie (oprócz piątków)", "z wyjątkiem sobót".
EXCEPT = re.compile(r"(?:\boprocz|\bz wyjatkiem)\s*$")
DAY_JOIN = re.compile(r"^\s*(?:-|–|—|do|-\s*do)\s*$")
DAY_LIST = re.compile(r"^\s*(?:,|i|oraz|lub|,\s*i|/|\s)\s*$")
# "każdego dnia" is "codziennie" said otherwise (tune j032).
EVERY_DAY = re.compile(
    r"\b(?:codziennie|kazdego dnia|w dni robocze|dni robocze|w dni powszednie|dni powszednie"
    r"|w dni robocze)\b"
)
# Every day of the week said in words: "siedem dni w tygodniu", "we wszystkie dni tygodnia".
WHOLE_WEEK = re.compile(
    r"\b(?:siedem|7) dni w tygodniu|\b(?:we |przez )?wszystkie dni (?:tygodnia|w tygodniu)"
    r"|\b(?:w ciagu|przez) cal\w* tygodni\w*|\b(?:przez )?caly tydzien\b"
)
# "codziennie, również w soboty i niedziele", "codziennie (w tym w święta)": every day of the
# week, not an office's days.
WEEKEND_TOO = re.compile(
    r"\b(?:codziennie|kazdego dnia)\b[^.\d]{0,20}?\b(?:rowniez|takze|w tym|wlacznie z|lacznie z"
    r"|nawet)\b"
    r"[^.\d]{0,12}?\b(?:sobot|niedziel|weekend|swiet)\w*"
    r"(?:\s*(?:i|oraz|,)\s*(?:w\s+)?(?:sobot|niedziel|swiet)\w*)*"
)
ALL_WEEK = re.compile(
    r"\b(?:siedem|7) dni w tygodniu|\bprzez (?:cala|7) dob\w*|\bcalodobow(?:o|y|a|e)\b"
    r"|\b24\s?h\b|\b24 godziny na dobe|\b24/7\b|\bcala dobe\b"
)
