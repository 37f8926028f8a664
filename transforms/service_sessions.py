"""A "porada" or a "konsultacja" is often a session of another service, not counselling.

Pages call a session of legal aid, of a doctor or of a psychologist a "porada" or a
"konsultacja": "nieodpłatnej pomocy prawnej - umów się na poradę", "konsultacji lekarskiej …
podstawowej opieki zdrowotnej", "z porady psychologicznej, … porada domowa". Two readings,
used by `transforms.support_statements`:

- `sessions_of_another(matches)`: in a sentence that states such a service, the bare session
  word is that service's session;
- `bare_session(tokens, match)`: whether a match is the bare word alone ("porady",
  "konsultacji"; not "indywidualne konsultacje", a kind of its own), so that on a page of legal
  aid or health care (`PAGE_SESSION_OF`) a service stated only by such words elsewhere is read
  as that page's sessions too ("Udzielane porady są bezpłatne", "Lekarze udzielają porad
  również telefonicznie");
- `general_care(match)`: whether health care is stated by a word of medical treatment in
  general ("leczenie", "świadczenia zdrowotne", "porady lekarskie"), which on a page of
  rehabilitation or psychiatry (`PAGE_CARE_OF`) is that service's own medical care, not other
  health care: "porady lekarskie" among a day rehabilitation centre's services, "Na
  pododdziale są leczeni pacjenci" of a rehabilitation ward, "włączenie leczenia
  (farmakoterapii…)" on a psychiatric ward. Treatment named beside the page's service ("w
  zakresie diagnozy, leczenia i rehabilitacji") stays a service of its own; care of a kind
  ("opieka medyczna", "opieka zdrowotna") is not such a word.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.morphology import is_adjective
from transforms.taxonomy_reading import Match, Token

__all__ = [
    "PAGE_CARE_OF",
    "PAGE_SESSION_OF",
    "bare_session",
    "general_care",
    "of_the_page_s_service",
    "sessions_of_another",
]

_SESSION_WORDS = frozenset(
    {("porada",), ("konsultacja",), ("konsultować",), ("punkt", "konsultacyjny")}
)
# Services whose sessions are called so, in a sentence and on a whole page.
_SESSION_OF = frozenset({"legal_aid", "health_care", "psychiatry", "psychological_support"})
PAGE_SESSION_OF = frozenset({"legal_aid", "health_care", "psychiatry"})


def sessions_of_another(services: list[Match]) -> list[Match]:
    """The matches of one sentence without its bare session words when it states a service
    whose sessions they are."""
    codes = {m.rule.code for m in services}
    if not codes & _SESSION_OF:
        return services
    return [m for m in services if m.rule.pattern not in _SESSION_WORDS]


def bare_session(tokens: Sequence[Token], match: Match) -> bool:
    """ "porady", "konsultacji" alone; not "indywidualne konsultacje", a kind of its own."""
    if match.rule.pattern not in _SESSION_WORDS:
        return False
    around = [*tokens[max(0, match.start - 1) : match.start], *tokens[match.end : match.end + 1]]
    return not any(is_adjective(token.text) for token in around)


# Words of medical treatment in general, and the services whose pages they are the care of.
_GENERAL_CARE = frozenset(
    {
        ("leczenie",),
        ("leczyć",),
        ("świadczenie", "zdrowotny"),
        ("porada", "lekarski"),
        ("konsultacja", "lekarski"),
        ("badanie", "lekarski"),
    }
)
PAGE_CARE_OF = frozenset({"rehabilitation", "psychiatry"})


def general_care(match: Match) -> bool:
    """Health care stated by a word of medical care in general ("leczenie", "świadczenia
    zdrowotne"), not by a kind of its own ("szczepienia", "opieka pielęgniarska")."""
    return match.rule.code == "health_care" and match.rule.pattern in _GENERAL_CARE


def of_the_page_s_service(
    stated: set[str], sessions_only: dict[str, bool], care_only: dict[str, bool]
) -> set[str]:
    """The codes a page states only as its own service's sessions or care: on a page of legal
    aid or health care, a "porada" or "konsultacja" no sentence says is of another kind
    ("Udzielane porady są bezpłatne"); on a page of rehabilitation or psychiatry, health care
    no sentence states but by a word of medical care in general ("porady lekarskie")."""
    drop: set[str] = set()
    if stated & PAGE_SESSION_OF:
        drop |= {code for code, only in sessions_only.items() if only}
    if stated & PAGE_CARE_OF:
        drop |= {code for code, only in care_only.items() if only}
    return drop & stated
