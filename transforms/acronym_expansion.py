"""Acronym names written out in full, where the acronym, the place and the gmina settle it:
"GOPS Charsznica" -> "Gminny Ośrodek Pomocy Społecznej w Charsznicy", "ŚDS „Perła” Szczawnica"
-> "Środowiskowy Dom Samopomocy „Perła” w Szczawnicy", "PUP Kamienna Góra" -> "Powiatowy
Urząd Pracy w Kamiennej Górze".

A name that opens with an acronym of `transforms.acronyms` is rewritten when what follows the
acronym is

- nothing, and the caller knows the institution's seat from its address (`seat`): the full
  form and the seat in the locative ("ŚDS" at ul. Karolina 14f, Bochnia -> "Środowiskowy Dom
  Samopomocy w Bochni"), only for public units named after their seat (`SEATED`). Whether such a
  name is unique among its namesakes is for the warehouse to check (`origin == "seat"`);
- a place the gazetteer knows by exactly that name (`place_name`, the gazetteer's reader), put
  in the locative by Morfeusz (`transforms.locatives`): "GOPS Charsznica";
- a quoted proper name, maybe a patron, maybe a place: "DPS „Borówek” im. Krystyny Bochenek";
- "w <place>" (already a full name's place phrase): "MGOPS w Kamieńsku";
- any of these, then a branch ("Filia", "Oddział") as written: "DPS Sieradz Filia w
  Rożdżałach" -> "Dom Pomocy Społecznej w Sieradzu Filia w Rożdżałach".

An acronym of a seated unit at the end of a name without a seat, once the address gives the
seat, is written out the same way: "Powiatowy Ośrodek Wsparcia ŚDS" (a list's "Powiatowy
Ośrodek Wsparcia / ŚDS Zbyszyce 12") -> "Powiatowy Ośrodek Wsparcia Środowiskowy Dom
Samopomocy w Zbyszycach" (`origin == "seat"`); without the seat it stays as written.

"OPS" alone says nothing of the gmina: its kind (`gmina_kind`, from the resolved address) makes
it "Miejski", "Gminny" or "Miejsko-Gminny". Acronyms with more than one reading in use ("PPPP",
"ZSP", "UM", "GOPR") are never written out; neither is anything else followed by words that are
neither a place nor a quoted name ("UTW Akademia Prądnicki Senior przy …"). Every refusal says
why (`Expansion.reason`), in Polish: it is listed in the run report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from transforms.acronyms import SEATED, Acronym, acronym_token_key, by_short
from transforms.locatives import locative_of
from transforms.text import fold_key, normalise_space

PlaceName = Callable[[str], str | None]

# Acronyms whose letters stand for more than one name in use (see transforms/acronyms.py).
AMBIGUOUS = frozenset({"PPPP", "ZSP", "UM", "GOPR"})
# Acronyms never followed by a seat: numbered schools, clubs, national bodies, offices named
# by the gmina in the genitive ("Urząd Gminy Charsznica").
NOT_SEATED = frozenset(
    {"SP", "LO", "LKS", "UKS", "PCK", "ZUS", "KRUS", "PFRON", "OHP", "UG", "UMIG", "PSP"}
)
# Public units whose name is "<full form> w <seat>" (`transforms.acronyms.SEATED`): a bare
# acronym of these may take the seat from the address.
OPS_BY_GMINA_KIND = {
    "miejska": "Miejski Ośrodek Pomocy Społecznej",
    "dzielnica": "Miejski Ośrodek Pomocy Społecznej",
    "delegatura": "Miejski Ośrodek Pomocy Społecznej",
    "wiejska": "Gminny Ośrodek Pomocy Społecznej",
    "miejsko-wiejska": "Miejsko-Gminny Ośrodek Pomocy Społecznej",
}

_PATRON = frozenset({"im.", "imienia"})
_BRANCH_WORDS = frozenset({"filia", "oddział"})


@dataclass(frozen=True, slots=True)
class Expansion:
    """The outcome for one name: `name` written out, or None with `reason` why not."""

    acronym: str | None  # the acronym the name opens with, as the table writes it
    name: str | None = None
    origin: str | None = None  # name | seat: where the place came from
    reason: str | None = None  # why the name stays as written (Polish; for the run report)


def leading_acronym(name: str) -> tuple[Acronym, int] | None:
    """The acronym a name opens with and how many words it takes ("SP ZOZ …": two)."""
    words = name.split(" ")
    for size in (2, 1):
        if len(words) < size:
            continue
        head = " ".join(words[:size])
        if not any(ch.isupper() for ch in head[1:]) or not head[:1].isupper():
            continue
        row = by_short().get(acronym_token_key(head))
        if row is not None and head.replace(" ", "").replace("-", "").isalpha():
            return row, size
    return None


def _trailing(
    name: str, seat: str | None, place_name: PlaceName | None, gmina_kind: str | None
) -> Expansion:
    """ "Powiatowy Ośrodek Wsparcia ŚDS" at a Zbyszyce address -> "… Środowiskowy Dom
    Samopomocy w Zbyszycach"; anything else stays as written (`Expansion(None)`)."""
    *head, last = name.split(" ")
    found = leading_acronym(last) if head and seat else None
    if found is None or leading_acronym(name) is not None:
        return Expansion(None)
    if any(w in ("w", "we") or not w[:1].isupper() for w in head):
        return Expansion(None)  # a seat already, or a phrase ("… przy …"), not a type's name
    key = acronym_token_key(found[0].short)
    if key not in {acronym_token_key(a) for a in SEATED} or key in {
        acronym_token_key(a) for a in AMBIGUOUS
    }:
        return Expansion(None)
    full = _full_form(found[0], gmina_kind)
    phrase = _place_phrase(seat.split(" "), place_name) if seat else None
    if full is None or phrase is None:
        return Expansion(None)
    return Expansion(found[0].short, " ".join([*head, full, phrase]), origin="seat")


def _full_form(row: Acronym, gmina_kind: str | None) -> str | None:
    if acronym_token_key(row.short) == "OPS":
        return OPS_BY_GMINA_KIND.get(gmina_kind or "")
    return row.full


def _place_phrase(words: list[str], place_name: PlaceName | None) -> str | None:
    """ "w <locative>" for words that spell a place the gazetteer knows, else None."""
    if not words or place_name is None:
        return None
    written = " ".join(words)
    known = place_name(written)
    if known is None or fold_key(known) != fold_key(written):
        return None
    found = locative_of(known)
    if found is None:
        return None
    if found.guessed:
        # A regular ending, not the dictionary: the gazetteer must read it back as the place.
        back = place_name(found.phrase)
        if back is None or fold_key(back) != fold_key(known):
            return None
    return found.phrase


def expand(
    name: str,
    *,
    place_name: PlaceName | None = None,
    seat: str | None = None,
    gmina_kind: str | None = None,
) -> Expansion:
    """Write out the acronym `name` opens with (see the module docstring).

    `name` is a normalised display name (nominative, quotes „…”); `seat` the nominative name of
    the locality the institution's address resolved to; `gmina_kind` that locality's gmina kind.
    """
    name = normalise_space(name)
    found = leading_acronym(name)
    if found is None:
        return _trailing(name, seat, place_name, gmina_kind)
    row, size = found
    short = row.short
    key = acronym_token_key(short)
    if key in {acronym_token_key(a) for a in AMBIGUOUS}:
        return Expansion(short, reason=f"skrót {short} ma kilka rozwinięć")
    full = _full_form(row, gmina_kind)
    if full is None:
        return Expansion(short, reason=f"nie wiadomo, czy {short} jest miejski, czy gminny")
    rest = name.split(" ")[size:]
    seated = key not in {acronym_token_key(a) for a in NOT_SEATED}

    if not rest:
        if key not in {acronym_token_key(a) for a in SEATED}:
            return Expansion(short, reason=f"sam skrót {short}: nie wiadomo, jak brzmi nazwa")
        phrase = _place_phrase(seat.split(" "), place_name) if seat else None
        if phrase is None:
            return Expansion(short, reason=f"sam skrót {short}, siedziba nieznana")
        return Expansion(short, f"{full} {phrase}", origin="seat")

    if rest[0] in ("w", "we") and len(rest) > 1:
        return Expansion(short, f"{full} {' '.join(rest)}", origin="name")

    # A quoted proper name and a patron stay; a place after them goes to the locative.
    kept: list[str] = []
    i = 0
    if rest[0].startswith("„"):
        # The quoted name runs to the word that closes it ("„Magiczny Dom”").
        end = next((k for k, word in enumerate(rest) if "”" in word), None)
        if end is None or not rest[end].endswith("”"):
            return Expansion(
                short, reason="nazwa w cudzysłowie bez zamknięcia lub zlepiona z resztą"
            )
        kept.extend(rest[: end + 1])
        i = end + 1
        if i < len(rest) and rest[i] in _PATRON:
            # The patron runs to a place phrase or the end ("im. Krystyny Bochenek").
            j = i + 1
            while j < len(rest) and rest[j] not in ("w", "we"):
                j += 1
            kept.extend(rest[i:j])
            i = j
    tail = rest[i:]
    # A branch after the seat stays as written: "DPS Sieradz Filia w Rożdżałach".
    branch_at = next(
        (
            k
            for k, word in enumerate(tail)
            if k > 0
            and word.lower() in _BRANCH_WORDS
            and tail[k + 1 : k + 2] in (["w"], ["we"])
            and all(w[:1].isupper() for w in tail[k + 2 :])
            and len(tail) > k + 2
        ),
        None,
    )
    branch = tail[branch_at:] if branch_at is not None else []
    if branch_at is not None:
        tail = tail[:branch_at]
    if not tail:
        if not kept:
            return Expansion(short, reason="po skrócie nic nie ma")
        return Expansion(short, f"{full} {' '.join(kept)}", origin="name")
    if tail[0] in ("w", "we") and len(tail) > 1:
        return Expansion(short, " ".join([full, *kept, *tail]), origin="name")
    if not seated:
        return Expansion(short, reason=f"{short} nie bywa nazwany od siedziby")
    phrase = _place_phrase(tail, place_name)
    if phrase is None:
        what = " ".join(tail)
        return Expansion(short, reason=f"po skrócie {short}: „{what}” to nie znana miejscowość")
    return Expansion(short, " ".join([full, *kept, phrase, *branch]), origin="name")
