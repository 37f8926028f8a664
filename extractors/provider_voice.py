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
- it gives a specialist's hours: "Godziny pracy pedagoga:".

Singular units only: a page describing "ośrodki" or "centra" in general speaks for none.
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
_VOICE = re.compile(
    rf"\b(?:{_UNIT}|{_ACRONYM})\b[^.!?\n]{{0,60}}?\b{_PROVIDES}\b"
    rf"|\bnasz(?:a|ej|ego|ym|emu)\s+{_UNIT}\b"
    r"|(?i:\bgodziny\s+(?:pracy|przyjęć|dyżurów?)\s+(?:pedagog|psycholog|logoped|terapeut)\w*)"
)


def speaks_for_a_provider(text: str) -> bool:
    """Whether `text` (a page's own text) speaks for one unit that provides support."""
    return _VOICE.search(text) is not None
