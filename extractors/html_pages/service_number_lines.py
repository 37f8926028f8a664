"""The lines of a list of emergency and service numbers on a page ("Pogotowie Ratunkowe – 999",
"Policja: 997, 22 755-60-10", "Wspólny numer alarmowy – 112"): the services a gmina's or a
centre's page lists beside its own number, which are not the page owner's lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.contacts import find_phone_entries

# The national emergency and service short numbers (112, the 99x services, 986 city guards,
# 987 crisis centres): "Pogotowie Ratunkowe – 999", "Policja: 997, 22 755-60-10".
_EMERGENCY = re.compile(r"(?<!\d)(?:112|99[1-9]|98[67])(?!\d)")
_EMERGENCY_BEFORE = re.compile(
    r"(?i)(?:^|[–—:,(-]|\b(?:tel|telefon\w*|numer\w*|nr|alarmow\w*|lub|oraz|i)\.?)$"
)
# Where a short number is no number of its own: the last group of a longer number ("NIP:
# 775-21-94-996", a postal code "72-112 Stepnica"), a room's, a house's or a law journal's
# number ("pokój nr 112", "Pokój: 112", "nr domu 112", "Dz. U. Nr 112, poz. 1198", "Dz.U. z
# 2001 r. Nr 112"). "Dom" is a house's number only with "nr"/"numer" beside it: "Pożar w
# domu: 998" and "Przemoc w domu – 112" give the service's number.
_NOT_ITS_OWN_BEFORE = re.compile(
    r"(?i)(?:\d\s*[-–/]\s*"
    r"|\b(?:pok|pokój|pokoj|pokoju|sala|sali|gab|gabinet|gabinetu|lok|lokal|lokalu|bud|budynek"
    r"|budynku|piętro|pietro|u)\.?\s*(?:(?:nr|numer)\.?\s*)?[:–-]?\s*"
    r"|\b(?:nr|numer)\.?\s*domu\s*[:–-]?\s*|\bdomu\s*(?:nr|numer)\.?\s*[:–-]?\s*"
    r"|\b\d{4}\s?r\.,?\s*nr\.?\s*)$"
)
_LIST_LABEL_WORDS = 8


def emergency_numbers(line: str) -> list[int]:
    """Where a line gives an emergency short number as a number of its own: after a label,
    a dash or a colon ("Straż Miejska – 986 oraz 32 47 85 290", "(tel. 997)"), not the tail
    of a longer number ("tel. 883 104 999", "NIP:775-21-94-996", "72-112 Stepnica"), a house
    number ("ul. Kościuszki 112"), a room ("pokój nr 112") or a law journal's ("Dz.U. Nr 112")."""
    found = []
    for match in _EMERGENCY.finditer(line):
        before = line[: match.start()].rstrip()
        after = line[match.end() :].lstrip()
        if re.match(r"[-–./]?\s*\d", after):
            continue
        if _EMERGENCY_BEFORE.search(before) and not _NOT_ITS_OWN_BEFORE.search(before):
            found.append(match.start())
    return found


def _list_line(line: str) -> bool:
    """A line of a list of numbers: a short label, then a number (an emergency one too)."""
    starts = emergency_numbers(line)
    entries = find_phone_entries(line)
    if entries:
        starts.append(line.find(entries[0].number))
    starts = [s for s in starts if s >= 0]
    if not starts:
        return False
    label = line[: min(starts)]
    return len(re.findall(r"[^\W\d_]+", label)) <= _LIST_LABEL_WORDS


def service_list_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines of a list of emergency and service numbers: each line giving an
    emergency short number, and every line of a run of number lines ("label – number") of
    which two give one ("Pogotowie Ratunkowe – 999" … "Pogotowie Wodociągowe – 691523970"
    … "Wspólny numer alarmowy – 112" on a gmina's page)."""
    found = {i for i, line in enumerate(lines) if emergency_numbers(line)}
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if index < len(lines) and _list_line(line):
            run.append(index)
            continue
        if len(found.intersection(run)) >= 2:
            found.update(run)
        run = []
    return found
