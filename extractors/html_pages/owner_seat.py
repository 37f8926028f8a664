"""The seat of a page's owner named without it, from the owner's own address.

A page may name its owner by its kind alone ("Ośrodek Pomocy Społecznej", "Wojewódzki Urząd
Pracy", "Gminna Biblioteka Publiczna") right over its address ("ul. Kluczborska 4A/4, 46-220
Byczyna"; "25-561 Kielce, ul. Witosa 86"): the body is the "Ośrodek Pomocy Społecznej w
Byczynie", as the annotation guide names the public bodies that are named by their seat
(social-welfare centres, county family centres, labour offices, counselling centres, courts,
police, sanitary stations, offices, schools, care homes, libraries …). `seated` adds that
seat: the village of a bare village address ("Nielestno 17, 59-610 Wleń" is the seat
Nielestno, not the post office Wleń), else the address's locality; in the locative as the
dictionary gives it (`transforms.locatives.in_place`), never guessed.

It leaves a name as it is when it already has a place ("… w Kielcach", "z siedzibą w …") or
its own quoted name (a brand), names its territory ("Urząd Gminy Zbuczyn", "Ośrodek Pomocy Społecznej Dzielnicy Bemowo"),
holds the locality's name, or heads a kind that is not named by its seat (a foundation, an
association, a company: "Fundacja Mam serce" has its seat in its register entry, not in its
name).
"""

from __future__ import annotations

import re

from transforms.locatives import in_place
from transforms.morphology import analyse_word
from transforms.text import fold_key

# Head nouns of bodies named by their seat (the lemma of the first noun of the name).
SEATED_HEADS = frozenset(
    {"ośrodek", "centrum", "urząd", "szkoła", "przedszkole", "poradnia", "zespół", "dom",
     "sąd", "prokuratura", "komenda", "komisariat", "stacja", "starostwo", "biblioteka",
     "żłobek", "świetlica", "placówka", "schronisko", "noclegownia", "internat", "bursa",
     "inspektorat", "kuratorium", "pogotowie", "liceum", "technikum"}
)  # fmt: skip
_HAS_PLACE = re.compile(r"\s(?:w|we|W|WE)\s|\bz\s+siedzibą\b")
# A territory the name holds: "Urząd Gminy Zbuczyn", "… Dzielnicy Bemowo", "… Miasta i Gminy X".
_TERRITORY = re.compile(
    r"\b(?:Gminy|Miasta|Powiatu|Województwa|Dzielnicy|Gminie|Mieście)\s+(?:i\s+\w+\s+)?"
    r"[A-ZĄĆĘŁŃÓŚŹŻ]"
)
# A bare village address: "Nielestno 17", "Stare Święcice 5a" (no street word before it).
_VILLAGE_ADDRESS = re.compile(
    r"^([A-ZĄĆĘŁŃÓŚŹŻ][\w-]+(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w-]+){0,2})\s+\d+[a-zA-Z]?(?:/\d+)?$"
)


def _seated_kind(name: str) -> bool:
    """Whether one of a name's first three words is a noun heading a seated kind ("Gminny
    Ośrodek Kultury", "Wojewódzki Urząd Pracy")."""
    return any(
        a.pos == "subst" and a.lemma.lower() in SEATED_HEADS
        for word in name.split()[:3]
        for a in analyse_word(word)
    )


def seat_of(street: str | None, locality: str | None) -> str | None:
    """The seat an address gives: a bare village address's village, else its locality."""
    village = _VILLAGE_ADDRESS.match(street.strip()) if street else None
    return village.group(1) if village else locality


def seated(name: str, street: str | None, locality: str | None) -> str:
    """`name` with the seat its own address gives, when it is a seated kind named without
    one (see the module docstring); else `name` unchanged."""
    seat = seat_of(street, locality)
    if not seat or _HAS_PLACE.search(name) or _TERRITORY.search(name):
        return name
    if fold_key(seat) in fold_key(name) or not any(c.islower() for c in name):
        return name
    if "senior" in fold_key(name):  # "Dzienny Dom Senior+", named by its programme, bare
        return name
    if re.search('[„"“”«»]', name):  # its own quoted name tells it apart already (a brand:
        return name  # "Centrum Logopedyczno-terapeutyczne „Dogadać się”", tune f027)
    if not _seated_kind(name):
        return name
    phrase = in_place(seat)
    return f"{name} {phrase}" if phrase else name
