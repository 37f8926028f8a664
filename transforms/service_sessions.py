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
  również telefonicznie").
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.morphology import is_adjective
from transforms.taxonomy_reading import Match, Token

__all__ = ["PAGE_SESSION_OF", "bare_session", "sessions_of_another"]

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
