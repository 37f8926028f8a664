"""Does a page's text speak for a unit that provides support, though it never names it?

Detection (`extractors.detect`) takes a page when its title, headings or text name an
institution or its host is public. A support page of a unit whose site says neither (a crisis
centre's "Interwencja kryzysowa" page, a school counsellor's hours, a counselling centre's
rules) still states forms of support, hours and ages, and `wsparcie extract` gives them in a
row of role "page". What tells such a page from a guide, a blog or an encyclopedia entry about
the same kinds of unit is how it speaks:

- a unit says what it does: "Ośrodek realizuje…", "Zespół orzekający wydaje opinię…",
  "OREW prowadzi…", "Interwencja kryzysowa w OPSiIK świadczona jest…";
- it speaks of its own unit: "w naszej Poradni", "naszego Ośrodka";
- it gives a specialist's hours: "Godziny pracy pedagoga:";
- it gives its own hours: a unit said to be open at a time ("świetlica jest czynna od 6:30 do
  16:00", "Żłobek czynny jest od poniedziałku do piątku w godzinach od 6:00", "Sekretariat
  czynny w godz. 8-15"), or its own activities at a time ("Zajęcia dla dzieci w wieku 3-12 lat
  odbywają się w godzinach 11ºº – 12³º");
- it invites the ones it serves by their age ("Zapraszamy dzieci w wieku 4-6 lat",
  "przyjmujemy dzieci od 1. roku życia").

Singular units only: a page describing "ośrodki" or "centra" in general speaks for none, nor
one saying when "urzędy" or "placówki" are open; a unit's hours count only in the present or
future tense with a time that follows ("była czynna" is a report).
"""

from __future__ import annotations

import re

# A unit, as a page refers to itself, in any case, singular.
_UNIT = (
    r"(?:[Oo]środ(?:ek|ka|kiem|ku)|[Pp]lacówk[aięą]|[Pp]oradni[aąę]?|[Zz]esp[oó]ł(?:u|em|owi)?|"
    r"[Cc]entrum|[Śś]wietlic[aięy]|[Pp]unkt(?:u|em|cie)?)"
)
# An acronym of a unit: at least three capitals in one short word ("OREW", "OPSiIK").
_ACRONYM = r"(?=\w{0,7}[A-ZĄĆĘŁŃÓŚŹŻ]\w{0,7}[A-ZĄĆĘŁŃÓŚŹŻ])[A-ZĄĆĘŁŃÓŚŹŻ]\w{2,7}"
_PROVIDES = (
    r"(?:świadcz\w*|realizuje|udziel\w*|prowadzi|zapewnia|oferuje|wydaje|przyjmuje|zaprasza|"
    r"organizuje)"
)
# A unit that keeps hours, in the nominative singular, as a page names itself ("Świetlica jest
# czynna", "Żłobek czynny jest", "Sekretariat czynny").
_OPEN_UNIT = (
    r"(?:[Oo]środek|[Pp]lacówka|[Pp]oradnia|[Cc]entrum|[Śś]wietlica|[Pp]unkt|[Żż]łobek|"
    r"[Pp]rzedszkole|[Ss]ekretariat|[Bb]iblioteka|[Kk]lub\s+(?:dziecięcy|malucha|młodzieżowy))"
)
# Open, in the present or future: "jest czynna", "czynny jest", "będzie czynne", "pracuje",
# "działa", "przyjmuje", "otwarta jest".
_IS_OPEN = (
    r"(?:(?:jest|będzie)\s+)?(?:czynn[aey]|otwart[aey])(?:\s+(?:jest|będzie))?"
    r"|pracuje|działa|przyjmuje\s+(?:interesantów|klientów|dzieci)"
)
# A time of the day within the same sentence, which may run over a line ("od poniedziałku do
# piątku" / "w godzinach – od 6:00"): "6:30", "8.00", "8-16", "11ºº".
_A_TIME = r"[^.!?]{0,80}?(?:\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\b|\d{1,2}\s*[º°])"
_OWN_HOURS = rf"\b{_OPEN_UNIT}\s+(?:{_IS_OPEN})\b{_A_TIME}"
# Its activities at a time: "Zajęcia (dla dzieci …) odbywają się w godzinach 16-19".
_OWN_ACTIVITIES = rf"\b[Zz]ajęcia\b[^.!?\n]{{0,60}}?\bodbywają\s+się\b{_A_TIME}"
# Those it serves invited by age: "Zapraszamy dzieci w wieku 4-6 lat", "przyjmujemy dzieci od".
_INVITES_BY_AGE = (
    r"\b(?:[Zz]apraszamy|[Pp]rzyjmujemy)\s+(?:\w+\s+){0,3}?(?:dzieci|młodzież|uczniów)\w*"
    r"(?:\s+i\s+\w+)?\s+(?:w\s+wieku|od|do\s+lat|do\s+\d)"
)
_VOICE = re.compile(
    rf"\b(?:{_UNIT}|{_ACRONYM})\b[^.!?\n]{{0,60}}?\b{_PROVIDES}\b"
    rf"|\bnasz(?:a|ej|ego|ym|emu)\s+{_UNIT}\b"
    r"|(?i:\bgodziny\s+(?:pracy|przyjęć|dyżurów?)\s+(?:pedagog|psycholog|logoped|terapeut)\w*)"
    rf"|{_OWN_HOURS}|{_OWN_ACTIVITIES}|{_INVITES_BY_AGE}"
)


def speaks_for_a_provider(text: str) -> bool:
    """Whether `text` (a page's own text) speaks for one unit that provides support."""
    return _VOICE.search(text) is not None
