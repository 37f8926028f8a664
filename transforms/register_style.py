"""Names written as an official register writes them.

Lists and pages write an institution's name in shorthand a register does not use. The rules
here are general, none names a place or an institution; those that need no address, run before
the parse, are in `transforms.register_clean`.

Once the address is resolved (`styled_seat`):
- a seat phrase that names the institution's own locality, but abbreviated, in capitals or not
  in the locative, is spelt as the dictionary declines the locality: "w Gorzowie Wlkp." -> "w
  Gorzowie Wielkopolskim", "w TORUNIU" -> "w Toruniu", "w Krynicy Zdrój" -> "w Krynicy-Zdroju",
  "w Chełmna" (the genitive) -> "w Chełmnie", a word no dictionary knows a letter away from
  the locative -> the locative ("w Ozorkwoie", "w Trzebinii", "w Przystaji");
- a court's district after "dla" that names its own locality with a letter more, less or two
  swapped, in a word no dictionary knows, is spelt as the locality's genitive: "Sąd Rejonowy
  dla Wrocława-Krzyków we Wrocławiu" -> "… dla Wrocławia-Krzyków …" (the address list's slip;
  the Ministry's list writes the genitive);
- the locality's locative at the end without its preposition gets it: "Sąd Rejonowy Cieszynie"
  -> "Sąd Rejonowy w Cieszynie" (not a word that may be a genitive owner: "… Woli");
- a powiat's unit (`POWIAT_UNITS`) whose seat names a place outside the powiat its address
  lies in takes its address's town: "Powiatowa Stacja Sanitarno-Epidemiologiczna w
  Kościerzynie" at a Kwidzyn address (a list's slip; the Kościerzyna station is the next row)
  -> "… w Kwidzynie" (the warehouse's one-institution check applies);
- a list's note of the powiat or gmina after the seat goes: "Gminny Ośrodek Pomocy Społecznej
  w Bolesławiu (pow. olkuski)" (only in the name shown: the key keeps it apart from its
  namesake);
- a county office a portal titles with its county, "Powiat Białobrzeski", "Powiat chełmski",
  is its starostwo: "Starostwo Powiatowe w Białobrzegach" (`county_office_name`). A gmina's
  BIP titled "Gmina Dmosin" keeps that name: the gold of the saved pages accepts it, and the
  office's own name has two forms ("Urząd Gminy Dmosin", "Urząd Gminy w Gołuchowie").

and for public units named after their seat (`SEATED_TYPES`):
- a seat written after the type without "w" ("Gminny Ośrodek Pomocy Społecznej Spytkowice",
  "Środowiskowy Dom Samopomocy - Kalwaria Zebrzydowska") becomes "w <locative>", when the words
  are the name of the institution's own locality or gmina; a list's bracketed note after such a
  seat, the operator's byname, goes with it ("Środowiskowy Dom Samopomocy Jabłonka (Barka)" ->
  "… w Jabłonce"; the form as written stays an alternate); a quoted byname after such a seat
  comes before it, as the register writes it ("Środowiskowy Dom Samopomocy Kraków „Vita”" ->
  "… „Vita” w Krakowie");
- a type's bare register name followed by a locality of the institution's own gmina, without
  "w" ("Dom Pomocy Społecznej Wiśniowa Góra", gmina Andrespol) gets "w <locative>";
- a name that is only its type's register name ("Dom Pomocy Społecznej", "Dzienny Dom
  Senior+"), or that with one adjective before it ("Ekumeniczny Dom Pomocy Społecznej"), gets
  "w <locative of its locality>", the programme's name unquoted as the voivode's list
  writes it ("Dzienny Dom Senior+ w Ostruszy"). Whether that name fits one
  institution only is for the warehouse to check (`records.name_form = 'styled_seat'`). A
  "Klub Senior+" is left as written: the voivodeship's list and the clubs' operators name it
  so, without a seat. So is a register name with whom the home is for after it ("Dom Pomocy
  Społecznej dla Osób Starszych"): the lists and the homes' own headings write it without a
  seat, and it tells the home apart as it stands;
- so does a register name with only a number after it ("Dom Pomocy Społecznej nr 1"): the
  home's own page writes "… nr 1 w Krośnie", the list leaves the seat out; the same check, a
  name another institution bears too stays as written. A home named by its patron only ("Dom
  Pomocy Społecznej im. Józefa Gawła") is left as the list writes it: the annotators took the
  list's form wherever no page of the home was found.

Locatives come from the dictionary (`transforms.locatives`); a guessed ending is kept only when
the gazetteer reads it back as the place. The form as written stays an alternate name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from transforms.locatives import locative_of, preposition_for
from transforms.morphology import analyse_word, generate
from transforms.name_morphology import institution_vocabulary, key_lemma
from transforms.names import NAME_PREPOSITIONS
from transforms.places import Gazetteer
from transforms.register_clean import CAPITAL, REGISTER_NAMES, PlaceName
from transforms.text import fold, fold_key

# Types of public units whose register names carry their seat ("Gminny Ośrodek Pomocy
# Społecznej w Spytkowicach", "Dzienny Dom Senior+ w Brzesku"). Courts are left out: their
# names say "dla <district> w <seat>", never a bare seat.
SEATED_TYPES = frozenset(
    {"ops", "cus", "pcpr", "sds", "dps", "pup", "ppp", "sosw", "sanepid", "senior_centre"}
)
# A powiat's own units: the seat their names give is a town of their powiat.
POWIAT_UNITS = frozenset({"sanepid", "pup", "pcpr"})
# Words after which a place is a genitive owner, not the seat: "Ośrodek Pomocy Społecznej
# Gminy Oświęcim", "… Gmina Nowy Targ".
_OWNER_WORDS = frozenset(
    {"gmina", "gminy", "miasto", "miasta", "powiat", "powiatu", "dzielnica", "dzielnicy",
     "osiedle", "osiedla", "parafia", "parafii", "ziemia", "ziemi"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Styled:
    """A name put in register style, and where its seat came from."""

    name: str
    from_address: bool  # the seat came from the address, not from the name's own words


# ---------------------------------------------------------------------------------------------
# Once the address is known
# ---------------------------------------------------------------------------------------------


def seat_phrase(place: str, place_name: PlaceName | None) -> str | None:
    """ "w <locative>" of a place the gazetteer names `place`; a guessed ending only when the
    gazetteer reads it back as that place."""
    found = locative_of(place)
    if found is None:
        return None
    if found.guessed:
        back = place_name(found.phrase) if place_name is not None else None
        if back is None or fold_key(back) != fold_key(place):
            return None
    return found.phrase


_FINAL_SEAT = re.compile(
    r"(?:^|\s)(?:w|we)\s+(?P<place>[" + CAPITAL + r"][\w.-]*(?:\s+[" + CAPITAL + r"][\w.-]*){0,3})$"
)


# "(Barka)", "(Nadzieja)": a list's note of the operator after a seat written without "w"
_BRACKET_NOTE = re.compile(r"\s*\([^()]+\)$")
# "(pow. olkuski)", "(gmina Bolesław)": a list's note after the seat
_UNIT_NOTE = re.compile(r"(?<=\w)\s*\((?:pow\.|powiat|gm\.|gmina)\s[^()]*\)$", re.IGNORECASE)


def _abbreviates(short: str, word: str) -> bool:
    """ "Wlkp." abbreviates "Wielkopolskim": the same first letter, the rest in order, and
    shorter."""
    letters = fold_key(short.rstrip("."))
    full = fold_key(word)
    if not letters or len(letters) >= len(full) or letters[0] != full[0]:
        return False
    rest = iter(full[1:])
    return all(ch in rest for ch in letters[1:])


def _a_locative_of(word: str, plain: str) -> bool:
    """ "Przedborzu" is a locative of "Przedbórz" (the dictionary has two): a word written so
    stays as written, unless in capitals."""
    if word.isupper() and len(word) > 1:
        return False
    # an adjective's lemma is its masculine form: "Wielkim" is a locative of "wielki", and so
    # of the locality's "Wielkie" ("w Dębem Wielkim", c021), which stays as written
    lemmas = {plain.lower()} | {r.lemma.lower() for r in analyse_word(plain) if r.pos == "adj"}
    for reading in analyse_word(word):
        parts = reading.tag.split(":")
        if reading.lemma.lower() in lemmas and len(parts) > 2 and "loc" in parts[2]:
            return True
    return False


def _inflects(word: str, plain: str) -> bool:
    """ "Chełmna" is a form of "Chełmno" (the dictionary reads it so)."""
    return any(reading.lemma == plain for reading in analyse_word(word))


def _one_letter_apart(one: str, two: str) -> bool:
    """One letter more, or two neighbours swapped (one edit, not a letter replaced)."""
    return OSA.distance(one, two) == 1 and (len(one) != len(two) or sorted(one) == sorted(two))


def _misspelt(word: str, declined: str) -> bool:
    """A seat word no dictionary knows, a letter away from the locality's locative: "Ozorkwoie"
    (two swapped), "Trzebinii" (one doubled), "Przystaji" (one left out)."""
    if len(word) < 5 or any(a.pos != "ign" for a in analyse_word(word)):
        return False
    return _one_letter_apart(fold_key(word), fold_key(declined))


_DISTRICT = re.compile(r"(?<=\sdla\s)(?P<word>[" + CAPITAL + r"][^\W\d_]+)(?=[\s-]|$)")


def _genitive(locality: str) -> str | None:
    """The singular genitive of a one-word locality ("Wrocław" -> "Wrocławia"), when the
    dictionary gives one."""
    if " " in locality or "-" in locality:
        return None
    for form, tag in generate(locality):
        parts = tag.split(":")
        if len(parts) > 2 and parts[1] == "sg" and "gen" in parts[2].split("."):
            return form
    return None


def _respelt_district(name: str, locality: str) -> str | None:
    """ "Sąd Rejonowy dla Wrocława-Krzyków we Wrocławiu" -> "… dla Wrocławia-Krzyków …": the
    word after "dla", one no dictionary knows, a letter away from the genitive of the
    institution's own locality, is that genitive."""
    match = _DISTRICT.search(name)
    if match is None:
        return None
    genitive = _genitive(locality)
    if genitive is None or not _misspelt(match.group("word"), genitive):
        return None
    return f"{name[: match.start()]}{genitive}{name[match.end() :]}"


def _respelt_seat(name: str, locality: str, place_name: PlaceName | None) -> str | None:
    """The final seat phrase spelt as the dictionary declines `locality`, when its words are that
    locality's: in the nominative, in capitals, abbreviated ("Wlkp."), or folded; a word that is
    already one of the locality's locatives stays as written."""
    match = _FINAL_SEAT.search(name)
    if match is None:
        return None
    phrase = seat_phrase(locality, place_name)
    if phrase is None:
        return None
    declined_form = phrase.split(" ", 1)[1]
    written = re.split(r"[\s-]+", match.group("place"))
    parts = re.split(r"([\s-]+)", declined_form)  # words and what joins them
    nominative = re.split(r"[\s-]+", locality)
    if not len(written) == len(parts[::2]) == len(nominative):
        return None
    for i, (word, plain) in enumerate(zip(written, nominative, strict=True)):
        declined = parts[2 * i]
        if _a_locative_of(word, plain):
            parts[2 * i] = word
        elif fold_key(word.rstrip(".")) in (fold_key(declined), fold_key(plain)):
            if word.endswith("."):
                return None
        elif _inflects(word, plain):
            pass  # "w Chełmna": the locality in another case, the locative is taken
        elif _misspelt(word, declined):
            pass  # "w Ozorkwoie", "w Trzebinii", "w Przystaji": the locative, mistyped
        elif not ((word.endswith(".") or len(word) <= 4) and _abbreviates(word, declined)):
            return None  # "Wlkp." or "Wlkp"
    form = "".join(parts)
    if form == match.group("place"):
        return None
    head = name[: match.start("place")].rstrip()
    head = head[: len(head) - len(head.split(" ")[-1])]
    return f"{head}{preposition_for(form)} {form}"


def _gmina_place_after_register_name(
    name: str, gmina_place: PlaceName, place_name: PlaceName | None
) -> str | None:
    """ "Dom Pomocy Społecznej Wiśniowa Góra" -> "… w Wiśniowej Górze": a type's bare register
    name followed by the name of a locality of the institution's own gmina (not its postal
    town), in the nominative, without "w"."""
    words = name.split(" ")
    for size in (1, 2, 3):
        if len(words) <= size + 1:
            break
        register_name = REGISTER_NAMES.get(fold_key(" ".join(words[:-size])))
        tail = words[-size:]
        if register_name is None or not all(w[:1].isupper() for w in tail):
            continue
        place = gmina_place(" ".join(tail))
        if place is None or fold_key(place) != fold_key(" ".join(tail)):
            continue
        phrase = seat_phrase(place, place_name)
        if phrase is not None:
            return f"{register_name} {phrase}"
    return None


def _described_register_name(name: str) -> str | None:
    """A type's bare register name with an adjective in the nominative before it ("Ekumeniczny
    Dom Pomocy Społecznej", "Miejski …"): it says whose or what kind the unit is, not which
    one, so the name needs its seat as the bare register name does. None for anything else (a
    patron, a byname, a number, whom it is for: their seat is not taken)."""
    first, _, rest = name.partition(" ")
    register_name = REGISTER_NAMES.get(fold_key(rest)) if rest else None
    if register_name is None or not first[:1].isupper():
        return None
    if not any(a.pos == "adj" and "nom" in a.cases for a in analyse_word(first.lower())):
        return None
    return f"{first} {register_name}"


_NUMBERED = re.compile(r"(?P<head>.+?)\s+(?P<number>[Nn]r\s+\d+[a-zA-Z]?)")


def _numbered(name: str) -> tuple[str, str] | None:
    """ "Dom Pomocy Społecznej nr 1" -> ("Dom Pomocy Społecznej", "nr 1"): a type's bare
    register name and its number, nothing else ("Nr 1" as a list writes it stays so)."""
    match = _NUMBERED.fullmatch(name)
    if match is None:
        return None
    register_name = REGISTER_NAMES.get(fold_key(match.group("head")))
    if register_name is None:
        return None
    return register_name, match.group("number")


_BYNAME_AT_END = re.compile(r"^(?P<before>[^„”]+?)\s+(?P<byname>„[^„”]+”)$")


def _place_before_byname(
    name: str, places: tuple[str, ...], place_name: PlaceName | None
) -> str | None:
    """ "Środowiskowy Dom Samopomocy Kraków „Vita”" -> "Środowiskowy Dom Samopomocy „Vita” w
    Krakowie": a list's "<type> <place> „<byname>”", the type's bare register name, the place
    the institution's own locality or gmina; the register writes the byname first, then the
    seat ("Środowiskowy Dom Samopomocy „Promyk” w Nowym Targu")."""
    match = _BYNAME_AT_END.match(name)
    if match is None:
        return None
    words = match.group("before").split(" ")
    for place in places:
        size = len(place.split(" "))
        if len(words) <= size or fold_key(" ".join(words[-size:])) != fold_key(place):
            continue
        register_name = REGISTER_NAMES.get(fold_key(" ".join(words[:-size])))
        phrase = seat_phrase(place, place_name)
        if register_name is not None and phrase is not None:
            return f"{register_name} {match.group('byname')} {phrase}"
    return None


def _has_seat(name: str) -> bool:
    return re.search(r"(?:^|\s)(?:w|we)\s+[" + CAPITAL + "]", name) is not None


def _seat_after_type(
    name: str, places: tuple[str, ...], place_name: PlaceName | None
) -> str | None:
    words = name.split(" ")
    for place in places:
        size = len(place.split(" "))
        if len(words) <= size + 1 or fold_key(" ".join(words[-size:])) != fold_key(place):
            continue
        head = " ".join(words[:-size]).rstrip(" ,-–")
        head_words = head.split(" ")
        if len(head_words) < 2 or head_words[-1].lower() in _OWNER_WORDS:
            continue
        if not head_words[-1][:1].isupper() and not head_words[-1].endswith("”"):
            continue  # "… przy Centrum Kultury" or a lower-case word: not a type before a seat
        phrase = seat_phrase(place, place_name)
        if phrase is not None:
            return f"{head} {phrase}"
    return None


def _seat_of_another_powiat(
    name: str,
    type_code: str | None,
    locality: str,
    powiat_place: PlaceName,
    place_name: PlaceName | None,
) -> str | None:
    """ "Powiatowa Stacja Sanitarno-Epidemiologiczna w Kościerzynie" at ul. Chopina 40, Kwidzyn
    -> "… w Kwidzynie": a powiat's own unit sits in its powiat, so a seat that names a known
    place but none of the powiat its address lies in is the list's slip (the sanitary list
    titles the Kwidzyn station's row with its neighbour's name), and the address's town is its
    seat. Only the last seat phrase, only for `POWIAT_UNITS`."""
    if type_code not in POWIAT_UNITS:
        return None
    match = _FINAL_SEAT.search(name)
    if match is None:
        return None
    phrase = name[match.start() :].strip()
    if place_name is None or place_name(phrase) is None or powiat_place(phrase) is not None:
        return None
    seat = seat_phrase(locality, place_name)
    if seat is None:
        return None
    return f"{name[: match.start()].rstrip()} {seat}"


def _locative_without_preposition(
    name: str, locality: str, place_name: PlaceName | None
) -> str | None:
    """ "Sąd Rejonowy Cieszynie" -> "Sąd Rejonowy w Cieszynie": the name ends in the locative
    of its own locality, no "w" before it. A word that may be a genitive too ("Woli") is an
    owner as often as a seat, and stays."""
    phrase = seat_phrase(locality, place_name)
    if phrase is None:
        return None
    preposition, declined = phrase.split(" ", 1)
    size = len(declined.split(" "))
    words = name.split(" ")
    if len(words) <= size + 1 or " ".join(words[-size:]) != declined:
        return None
    before = words[-size - 1]
    # "Szpital Na Wyspie": after a capitalised preposition the place is part of the name
    if not before[:1].isupper() or before.lower() in _OWNER_WORDS | NAME_PREPOSITIONS:
        return None
    for word in declined.split(" "):
        cases = {c for a in analyse_word(word) for c in a.cases}
        if "gen" in cases or "nom" in cases:
            return None
    return f"{' '.join(words[:-size])} {preposition} {declined}"


def name_seat(
    name: str,
    type_code: str | None,
    county: str | None,
    gazetteer: Gazetteer | None,
    addressed: bool,
) -> str | None:
    """The place a record's name gives when it has no place phrase: a county portal's town
    (`county_office_seat`), or, for a record that gives no address at all (no locality,
    postal code or street), the town its name spells (`town_in_name`)."""
    if seat := county_office_seat(name, type_code, county, gazetteer):
        return seat
    return None if addressed else town_in_name(name, county, gazetteer)


_TOWN_WORDS = 3  # "Nowe Miasto Lubawskie"


def town_in_name(name: str, county: str | None, gazetteer: Gazetteer | None) -> str | None:
    """The town `name` spells in the nominative among its words, as a company or a site writes
    its town in its name without "w": "Szpital Głowno Grupa Zdrowie Sp. z o.o." -> "Głowno".
    A town of the record's county, or, with no county, one no other locality of the country
    is named after (`Gazetteer.town_named`). Never the name's first word ("Koło Gospodyń
    Wiejskich"), a word of institution names, a quoted byname or a patron's words after
    "im."; None when no town or two are spelt."""
    if gazetteer is None:
        return None
    words: list[str] = []
    for token in name.split()[1:]:
        if token.lower().rstrip(".") == "im" or token.startswith(("„", '"', "(")):
            break  # a patron's, a byname's or a note's words follow
        words.append(token)
    vocabulary = institution_vocabulary()
    found: set[str] = set()
    for begin in range(len(words)):
        for size in range(1, _TOWN_WORDS + 1):
            span = words[begin : begin + size]
            if len(span) < size or not all(
                w[:1].isupper()
                and w.replace("-", "").isalpha()
                and fold(w).lower() not in vocabulary
                and key_lemma(w) not in vocabulary
                for w in span
            ):
                continue
            if town := gazetteer.town_named(" ".join(span), county):
                found.add(town)
    return found.pop() if len(found) == 1 else None


def county_office_seat(
    name: str, type_code: str | None, county: str | None, gazetteer: Gazetteer | None
) -> str | None:
    """The town a county portal titled "Powiat chełmski" sits in, from its source's county
    (`Gazetteer.powiat_seat`), to place a record that gives no address: its name becomes
    "Starostwo Powiatowe w Chełmie" (`county_office_name`), which the place then bears."""
    if gazetteer is None or not county or type_code != "county_office":
        return None
    powiat = gazetteer.powiat_name(county)
    if powiat is None or fold_key(name) != fold_key(f"powiat {powiat}"):
        return None
    return gazetteer.powiat_seat(county)


def county_office(
    name: str,
    type_code: str | None,
    counties: tuple[str | None, str | None],
    locality: str | None,
    gazetteer: Gazetteer | None,
    place_name: PlaceName | None = None,
) -> str | None:
    """`county_office_name` for a record: `counties` are its source's county (TERYT) and the
    name of the powiat it was placed in, `locality` its resolved locality. A portal placed by
    its powiat's town (`county_office_seat`) is named by its source's county: "Powiat chełmski"
    lies in Chełm, a county of its own."""
    county, powiat = counties
    seat = county_office_seat(name, type_code, county, gazetteer)
    if seat is not None and gazetteer is not None and county:
        powiat = gazetteer.powiat_name(county)
    return county_office_name(name, type_code, powiat, locality or seat, place_name)


def county_office_name(
    name: str,
    type_code: str | None,
    powiat: str | None,
    seat: str | None,
    place_name: PlaceName | None = None,
) -> str | None:
    """ "Powiat Białobrzeski" -> "Starostwo Powiatowe w Białobrzegach": a county's portal
    titles itself with the county (the self-government), the office that serves people is its
    starostwo, named after its seat. Only for a county office (`type_code` "county_office")
    named "Powiat <its own powiat's adjective>", any capitals; `seat` is the office's town (the
    address's locality, else the town the powiat is named after)."""
    if type_code != "county_office" or not powiat or not seat:
        return None
    if fold_key(name) != fold_key(f"powiat {powiat}"):
        return None
    phrase = seat_phrase(seat, place_name)
    return f"Starostwo Powiatowe {phrase}" if phrase is not None else None


def styled_seat(
    name: str,
    type_code: str | None,
    locality: str | None,
    gmina: str | None,
    place_name: PlaceName | None = None,
    *,
    spelling_only: bool = False,
    gmina_place: PlaceName | None = None,
    powiat_place: PlaceName | None = None,
) -> Styled | None:
    """The name with its seat as a register writes it, or None when nothing applies or it
    is not safe: the type must be one named after its seat (`SEATED_TYPES`), the seat the
    institution's own resolved locality (`locality`) or its gmina (`gmina`), both in the
    gazetteer's nominative. `spelling_only`: only the seat phrase's spelling (for a name
    already written out from an acronym). `gmina_place`: the nominative of a locality of the
    institution's own gmina a text names, else None; `powiat_place` the same for its powiat."""
    noted = _UNIT_NOTE.search(name)
    if noted is not None and _FINAL_SEAT.search(name[: noted.start()]):
        name = name[: noted.start()]
        styled = styled_seat(
            name, type_code, locality, gmina, place_name,
            spelling_only=spelling_only, gmina_place=gmina_place,
        )  # fmt: skip
        return styled or Styled(name, from_address=False)
    if locality and (district := _respelt_district(name, locality)) is not None:
        styled = styled_seat(
            district, type_code, locality, gmina, place_name,
            spelling_only=spelling_only, gmina_place=gmina_place, powiat_place=powiat_place,
        )  # fmt: skip
        return styled or Styled(district, from_address=False)
    if locality and (respelt := _respelt_seat(name, locality, place_name)) is not None:
        return Styled(respelt, from_address=False)
    if spelling_only:
        return None
    if locality and powiat_place is not None:
        moved = _seat_of_another_powiat(name, type_code, locality, powiat_place, place_name)
        if moved is not None:
            return Styled(moved, from_address=True)
    if locality and not _has_seat(name):
        seated = _locative_without_preposition(name, locality, place_name)
        if seated is not None:
            return Styled(seated, from_address=False)
    if type_code not in SEATED_TYPES or _has_seat(name) or not (locality or gmina):
        return None
    places = tuple(dict.fromkeys(p for p in (locality, gmina) if p))
    after = _seat_after_type(name, places, place_name)
    noted_operator = _BRACKET_NOTE.search(name)
    if after is None and noted_operator is not None:
        # "Środowiskowy Dom Samopomocy Jabłonka (Barka)": the list's note of who runs it
        after = _seat_after_type(name[: noted_operator.start()], places, place_name)
    if after is None:
        after = _place_before_byname(name, places, place_name)
    if after is not None:
        return Styled(after, from_address=False)
    if gmina_place is not None:
        in_gmina = _gmina_place_after_register_name(name, gmina_place, place_name)
        if in_gmina is not None:
            return Styled(in_gmina, from_address=False)
    register_name = REGISTER_NAMES.get(fold_key(name)) or _described_register_name(name)
    if locality and register_name is not None:
        phrase = seat_phrase(locality, place_name)
        if phrase is not None:
            return Styled(f"{register_name} {phrase}", from_address=True)
    numbered = _numbered(name)
    if locality and numbered is not None:
        phrase = seat_phrase(locality, place_name)
        if phrase is not None:
            return Styled(f"{numbered[0]} {numbered[1]} {phrase}", from_address=True)
    return None
