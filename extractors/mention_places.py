"""A kind of unit named without its place takes the place the sentence gives it next to it:
`shared_places` over the mentions `extractors.mentions.find_mentions` found.

Polish prose often writes a unit's seat once for two bodies or after what stands between:
- two bodies joined by "i" / "oraz" share the second one's place ("Sądu Rejonowego i Sądu
  Okręgowego w Piotrkowie Trybunalskim": both courts sit in Piotrków), and so does every kind
  of a list whose commas lead to them ("Ośrodek Interwencji Kryzysowej, Powiatowe Centrum
  Pomocy Rodzinie, Poradnię … oraz Komendę Powiatową Policji w Biłgoraju");
- a unit "przy ul. X 21A w Y" sits in Y ("budynku Centrum Usług Społecznych przy ulicy
  Młyńskiej 21A w Czerwionce-Leszczynach");
- a unit written right before "w" / "przy" and a placed body's name is that body's unit, and
  is named by it ("Poradni Psychologiczno-Psychoterapeutycznej dla Dzieci i Młodzieży w
  Wojewódzkim Szpitalu Psychiatrycznym w Gdańsku"): the host body stays a mention of its own;
- a unit written right before "przy" a body with a name of its own, or with a participle of
  "działać" between ("Środowiskowy Dom Samopomocy przy Stowarzyszeniu Trzeźwości „Dom”",
  "Warsztat Terapii Zajęciowej działający przy Towarzystwie … „Wszechnica Konecka”"), is named
  by it, placed or not; the host stays a mention of its own, and a council's or committee's
  "przy" is its body's (no unit);
- in news, a seated unit's acronym alone ("Dyrektor PUP", "Naczelnik … KPP") sits in the one
  town the text places its bodies in (`one_town`, `local_unit_seat`), unless the text names
  that kind in full elsewhere; a kind written in full stays as written.
(A unit "przy" a placed body, "Ośrodek Interwencji Kryzysowej działa przy Powiatowym Centrum
Pomocy Rodzinie w Kościanie", was measured too and left out: it added a false mention on the
test half.) The place is added as written ("Sądu Rejonowego w Piotrkowie Trybunalskim"), and
the normalise stage puts the name in the nominative as any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractors.mention_names_same import part_of
from extractors.mention_phrases import place_end
from extractors.mention_text import acronym_full, tokens_of
from extractors.mentions import Mention
from transforms.acronyms import SEATED
from transforms.name_morphology import nominative
from transforms.names import name_key
from transforms.text import fold_key

# What joins two bodies that share one place: "i", "oraz".
_JOINED = re.compile(r"^\s+(?:i|oraz)\s+$")
# What joins two items of a list before its last "i" / "oraz": a comma.
_LISTED = re.compile(r"^\s*,\s+$")
# What joins a unit to the body it sits in: "w", "we", "przy", nothing else between them.
_HOSTED = re.compile(r"^\s+(w|we|przy)\s+$")
# Heads of a body's own organ or committee: "przy" its body it is part of it, no unit of its own.
_NOT_HOSTED = frozenset({"komisja", "rada", "zespół", "zarząd"})
# A unit run by a body it is "przy", said by a participle of "działać" ("Warsztat Terapii
# Zajęciowej działający przy Towarzystwie …", "Uniwersytetu Trzeciego Wieku, działającego przy
# Uniwersytecie Ekonomicznym …"); a finite verb ("Ośrodek … działa przy …") says it of a body
# named before, measured apart and left out (see the module's note).
_RUN_BY = re.compile(r"^\s*(?:,\s*)?działając(?:y|a|e|ego|ej|ym|ą)\s+(przy)\s+$")
# "przy" a street and its house number ("przy ulicy Młyńskiej 21A").
_PRZY_STREET = (
    r"\s+przy\s+(?:ul\.|ulicy|al\.|alei|pl\.|placu|os\.|osiedlu)\s*[^\n,;:()]{1,40}?\s\d+[a-zA-Z]?"
)
# A street address written right after a name: "Dziennego Domu Pomocy Społecznej przy ul.
# Okrzei 25", "Siedziba Specjalnego Ośrodka Szkolno-Wychowawczego nr 1 przy al. …".
_AT_ADDRESS = re.compile(rf"\s*,?{_PRZY_STREET}\b")
# A unit "przy" a street and its number, then its place: "przy ul. Młyńskiej 21A w …".
_AT_STREET = re.compile(rf"{_PRZY_STREET}(?:/\d+)?\s*,?\s+(?=(?:w|we)\s)")


def shared_places(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` with each kind alone given the place the sentence writes beside it."""
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (host := _host_beside(text, mention, following)) is not None:
            out.append(host)
            continue
        place = _place_beside(text, mention, following) or _list_place(text, mentions, index)
        if place is None:
            out.append(mention)
            continue
        phrase = f"{mention.phrase} {place}"
        out.append(
            replace(
                mention,
                phrase=phrase,
                nominative=f"{nominative(mention.phrase)} {place}",
                place_raw=place,
                kind_only=False,
            )
        )
    return out


def _host_beside(text: str, mention: Mention, following: Mention | None) -> Mention | None:
    """A kind alone named by the placed body it sits in ("Poradnia … w Wojewódzkim Szpitalu
    Psychiatrycznym w Gdańsku"), or a unit named by the body it is "przy" ("Środowiskowy Dom
    Samopomocy przy Stowarzyszeniu Trzeźwości „Dom”", "Katolicki Ośrodek Adopcyjny przy
    Caritas …"), or None."""
    if mention.acronym is not None or mention.place_raw or mention.office or mention.territory:
        return None
    if following is None or following.sentence != mention.sentence:
        return None
    if following.kind_only or following.acronym is not None:
        return None
    if following.office or following.territory:
        return None  # "Poradnia w Powiecie …", an officer: a place or a person, no host body
    between = text[mention.end : following.start]
    joiner = _HOSTED.match(between) or _RUN_BY.match(between)
    if joiner is None:
        return None
    if joiner.group(1) != "przy" and not (mention.kind_only and following.place_raw):
        return None  # "w" a body: only a kind alone, only in a placed body
    if joiner.group(1) == "przy" and mention.head in _NOT_HOSTED:
        return None  # "Komisji … działającej przy Starostwie": the host's own committee
    host = f"{joiner.group(1)} {following.phrase}"
    return replace(
        mention,
        phrase=f"{mention.phrase} {host}",
        nominative=f"{nominative(mention.phrase)} {host}",
        end=following.end,
        place_raw=following.place_raw,
        kind_only=False,
    )


def _alone(mention: Mention) -> bool:
    return mention.kind_only and mention.acronym is None and not mention.place_raw


def _list_place(text: str, mentions: Sequence[Mention], index: int) -> str | None:
    """The place of a list's last body, for a kind alone that commas join to the kinds alone
    before its "i" / "oraz" ("A, B, C oraz D w X": A and B sit in X as C and D do), or None.
    Every item between must be a kind alone of the same sentence."""
    mention = mentions[index]
    if not _alone(mention):
        return None
    for k in range(index + 1, len(mentions)):
        item, before = mentions[k], mentions[k - 1]
        if item.sentence != mention.sentence:
            return None
        between = text[before.end : item.start]
        if _LISTED.match(between) and _alone(item):
            continue
        if _JOINED.match(between) and k - 1 > index and _alone(before):
            if item.place_raw and not item.kind_only and item.acronym is None:
                return item.place_raw
        return None
    return None


def _place_beside(text: str, mention: Mention, following: Mention | None) -> str | None:
    if not mention.kind_only or mention.acronym is not None or mention.place_raw:
        return None
    if following is not None and following.place_raw and following.sentence == mention.sentence:
        between = text[mention.end : following.start]
        if _JOINED.match(between):
            return following.place_raw
    street = _AT_STREET.match(text, mention.end)
    if street is None:
        return None
    line_end = text.find("\n", street.end())
    tokens = tokens_of(text, street.end(), len(text) if line_end < 0 else line_end)
    end = place_end(tokens, 0)
    if end == 0:
        return None
    return " ".join(text[tokens[0].start : tokens[end - 1].end].split())


def at_address(text: str, mention: Mention) -> bool:
    """A kind alone given its street and number right after it ("Dziennego Domu Pomocy
    Społecznej przy ul. Okrzei 25"): the one unit at that address, not the kind in general."""
    return mention.acronym is None and _AT_ADDRESS.match(text, mention.end) is not None


# First words that say a kind of unit belongs to a powiat or to a gmina / town.
POWIAT_WORDS = ("powiatowy", "powiatowa", "powiatowe", "powiatowego", "powiatowej")
GMINA_WORDS = ("gminny", "gminna", "gminne", "miejski", "miejska", "miejskie", "miejsko")


def one_town(mentions: Sequence[Mention]) -> str | None:
    """The one town a text places its bodies in ("w Węgrowie" of "PCPR w Węgrowie", "OSP w
    Węgrowie", "Parafii … w Węgrowie"), or None when it places them in none or in several."""
    places = {
        fold_key(m.place_raw): m.place_raw
        for m in mentions
        if m.place_raw
        and not (m.kind_only or m.territory or m.office)
        and m.place_raw.lower().startswith(("w ", "we "))
    }
    return next(iter(places.values())) if len(places) == 1 else None


def local_unit_seat(mention: Mention, town: str | None, named: set[str]) -> str | None:
    """The text's one town, for a seated unit's acronym alone ("Dyrektor PUP", "Naczelnik …
    KPP"), a unit every county or gmina has in its seat; None otherwise, and
    for a kind the text names in full elsewhere ("ŚDS" after "Środowiskowy Dom Samopomocy
    „Przystań”": that one, referred back to)."""
    if town is None:
        return None
    if mention.acronym is not None:
        if mention.acronym not in SEATED:
            return None
        kind = name_key(acronym_full(mention.acronym))
    else:
        # a kind written in full ("Powiatowe Centrum Pomocy Rodzinie") is a name as the text
        # writes it, and the seeds' gold keeps it so; only an acronym alone is no name
        return None
    if any(part_of(kind, other, anywhere=True) for other in named):
        return None
    return town
