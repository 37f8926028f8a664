"""Names written as an official register writes them.

Lists and pages write an institution's name in shorthand a register does not use. The rules
here are general, none names a place or an institution:

Before the name is parsed (`register_clean`, on the text as written):
- "m.st." is written out: "Sąd Rejonowy dla m.st. Warszawy" -> "… dla miasta stołecznego
  Warszawy" ("Miasta Stołecznego" after a capitalised word: "Urząd Miasta Stołecznego …");
- a compound adjective is one word: "Psychologiczno - Pedagogiczna" -> "Psychologiczno-
  Pedagogiczna" (the first part an adjective's "-o" form, the second an adjective or another
  such form);
- a hyphenated place is one word when the gazetteer knows it so: "w Busku - Zdroju" ->
  "w Busku-Zdroju";
- no comma before the seat, no capital in its preposition: "…, w Krakowie" -> "… w Krakowie",
  "Dom Pomocy Społecznej W Zabłotach" -> "… w Zabłotach";
- a quoted name glued to the next word gets its space: "„Świt”Miłocice" -> "„Świt” Miłocice";
- a house number after the seat is an address, not the name: "… w Cerekwi 48", "… Miłocice nr
  58A" (a number after a type, "Dom Pomocy Społecznej nr 1", is the institution's own);
- an operator's name glued after the seat goes: "Dom Pomocy Społecznej w Chorzeszowie Fundacja
  im. Brata Alberta" -> "… w Chorzeszowie" (a list's second line, who runs the home);
- what a branch is for, after the branch's seat, goes: "DPS Sieradz Filia w Rożdzałach dla
  osób dorosłych …" -> "DPS Sieradz Filia w Rożdzałach" (the list's description of its wards);
- a list's "zs. w …" after the name's own place goes: "Ośrodek Pomocy Społecznej w Świerklańcu zs.
  w Nakle Śląskim" -> "… w Świerklańcu" (where the office is, not the name).

Once the address is resolved (`styled_seat`):
- a seat phrase that names the institution's own locality, but abbreviated, in capitals or not
  in the locative, is spelt as the dictionary declines the locality: "w Gorzowie Wlkp." -> "w
  Gorzowie Wielkopolskim", "w TORUNIU" -> "w Toruniu", "w Krynicy Zdrój" -> "w Krynicy-Zdroju",
  "w Chełmna" (the genitive) -> "w Chełmnie", a word no dictionary knows a letter away from
  the locative -> the locative ("w Ozorkwoie", "w Trzebinii", "w Przystaji");
- the locality's locative at the end without its preposition gets it: "Sąd Rejonowy Cieszynie"
  -> "Sąd Rejonowy w Cieszynie" (not a word that may be a genitive owner: "… Woli");
- a powiat's unit (`POWIAT_UNITS`) whose seat names a place outside the powiat its address
  lies in takes its address's town: "Powiatowa Stacja Sanitarno-Epidemiologiczna w
  Kościerzynie" at a Kwidzyn address (a list's slip; the Kościerzyna station is the next row)
  -> "… w Kwidzynie" (the warehouse's one-institution check applies);
- a list's note of the powiat or gmina after the seat goes: "Gminny Ośrodek Pomocy Społecznej
  w Bolesławiu (pow. olkuski)" (only in the name shown: the key keeps it apart from its
  namesake).

and for public units named after their seat (`SEATED_TYPES`):
- a seat written after the type without "w" ("Gminny Ośrodek Pomocy Społecznej Spytkowice",
  "Środowiskowy Dom Samopomocy - Kalwaria Zebrzydowska") becomes "w <locative>", when the words
  are the name of the institution's own locality or gmina; a list's bracketed note after such a
  seat, the operator's byname, goes with it ("Środowiskowy Dom Samopomocy Jabłonka (Barka)" ->
  "… w Jabłonce"; the form as written stays an alternate);
- a type's bare register name followed by a locality of the institution's own gmina, without
  "w" ("Dom Pomocy Społecznej Wiśniowa Góra", gmina Andrespol) gets "w <locative>";
- a name that is only its type's register name ("Dom Pomocy Społecznej", "Dzienny Dom
  Senior+"), or that with one adjective before it ("Ekumeniczny Dom Pomocy Społecznej") or
  whom it is for after it ("… dla Osób Starszych"), gets
  "w <locative of its locality>", the programme's name quoted as its units'
  statutes write it ("Dzienny Dom „Senior+” w Brzesku"). Whether that name fits one
  institution only is for the warehouse to check (`records.name_form = 'styled_seat'`). A
  "Klub Senior+" is left as written: the voivodeship's list and the clubs' operators name it
  so, without a seat;
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
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from transforms.acronym_expansion import SEATED
from transforms.acronyms import ACRONYMS, acronym_token_key
from transforms.locatives import locative_of, preposition_for
from transforms.morphology import analyse_word
from transforms.names import normalise_quotes
from transforms.text import fold_key, normalise_space

PlaceName = Callable[[str], str | None]

# Types of public units whose register names carry their seat ("Gminny Ośrodek Pomocy
# Społecznej w Spytkowicach", "Dzienny Dom „Senior+” w Brzesku"). Courts are left out: their
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
# Register names of seated units that are not an acronym's full form.
_OTHER_REGISTER_NAMES = ("Dzienny Dom „Senior+”",)
_CAPITAL = "A-ZĄĆĘŁŃÓŚŹŻ"
_WORD = r"[^\W\d_]+"


@dataclass(frozen=True, slots=True)
class Styled:
    """A name put in register style, and where its seat came from."""

    name: str
    from_address: bool  # the seat came from the address, not from the name's own words


# ---------------------------------------------------------------------------------------------
# Before the parse
# ---------------------------------------------------------------------------------------------

_MST = re.compile(r"(?P<before>\S+\s+)?\bm\.\s?st\.\s*(?=[" + _CAPITAL + "])")
_COMPOUND = re.compile(r"\b(?P<left>" + _WORD + r"[oO])\s*[-–]\s+(?P<right>" + _WORD + r")\b")
_COMPOUND_TIGHT = re.compile(r"\b(?P<left>" + _WORD + r"[oO])\s+[-–]\s*(?P<right>" + _WORD + r")\b")
_PLACE_HYPHEN = re.compile(
    r"\b(?P<prep>w|we)\s+(?P<left>["
    + _CAPITAL
    + r"]\w+)\s*[-–]\s*(?P<right>["
    + _CAPITAL
    + r"]\w+)"
)
_COMMA_BEFORE_SEAT = re.compile(
    r",\s+(?P<phrase>(?:w|we)\s+[" + _CAPITAL + r"][\w-]*(?:\s+[" + _CAPITAL + r"][\w-]*){0,2})$"
)
_GLUED_QUOTE = re.compile(r"”(?=\w)")
_CAPITAL_PREPOSITION = re.compile(
    r"(?<=\S )(?P<prep>We?)(?P<place>(?:\s+[" + _CAPITAL + r"][a-ząćęłńóśźż-]+){1,3})$"
)
_HOUSE_NUMBER = re.compile(
    r"^(?P<head>.+?)\s+(?P<nr>nr\.?\s+)?(?P<number>\d+\s?[a-zA-Z]?(?:/\d+[a-zA-Z]?)?)$"
)
# An operator's name a list glued after the seat ("Dom Pomocy Społecznej w Chorzeszowie
# Fundacja im. Brata Alberta": the list's second line names who runs the home).
OPERATOR_HEADS = (
    "Fundacja", "Stowarzyszenie", "Zgromadzenie", "Towarzystwo", "Caritas", "Spółdzielnia",
    "Parafia", "Związek", "Kongregacja", "Zakon",
)  # fmt: skip
_OPERATOR_AFTER_SEAT = re.compile(
    r"^(?P<head>.+?\s(?:w|we)\s+[" + _CAPITAL + r"][\w-]*(?:\s+[" + _CAPITAL + r"][\w-]*){0,2})"
    r"\s+(?:" + "|".join(OPERATOR_HEADS) + r")\b.*$"
)
# What a branch is for, after its seat: "… Filia w Rożdżałach dla osób dorosłych …".
_BRANCH_TAIL = re.compile(
    r"^(?P<head>.+?\s(?:[Ff]ilia|[Oo]ddział)\s+(?:w|we)\s+[" + _CAPITAL + r"][\w-]*"
    r"(?:\s+[" + _CAPITAL + r"][\w-]*){0,2})\s+dla\s.*$"
)
# A list's abbreviated seat clause after the name's own place: "Ośrodek Pomocy Społecznej w
# Świerklańcu zs. w Nakle Śląskim" (where the office is). The clause written out, "z siedzibą
# w", stays: a court's register name holds it ("Sąd Rejonowy Lublin-Wschód w Lublinie z
# siedzibą w Świdniku"), and the name's key reads both places (a gmina's centre named after
# its office's village elsewhere).
_SEAT_CLAUSE = re.compile(
    r"^(?P<head>.+\s[" + _CAPITAL + r"][\w-]*)\s*,?\s+zs\.\s+(?:w|we)\s+["
    + _CAPITAL + r"][\w-]*(?:\s+[" + _CAPITAL + r"][\w-]*){0,2}$"
)  # fmt: skip
_SEAT_PHRASE_END = re.compile(
    r"(?:^|\s)(?:w|we)\s+[" + _CAPITAL + r"][\w-]*(?:\s+[" + _CAPITAL + r"][\w-]*){0,2}$"
)


def _is_adjective(word: str) -> bool:
    return any(a.pos == "adj" for a in analyse_word(word.lower()))


def _compound_adjective(left: str, right: str) -> bool:
    """ "Psychologiczno" + "Pedagogiczna": the left word is an adjective's "-o" stem
    ("psychologiczny", "miejski"), the right one an adjective or another such stem."""
    return _adjective_stem(left) and (_is_adjective(right) or _adjective_stem(right))


def _adjective_stem(word: str) -> bool:
    if word[-1:].lower() != "o":
        return False
    stem = word[:-1].lower()
    return _is_adjective(stem + "y") or _is_adjective(stem + "i")


def _join_compounds(text: str) -> str:
    def join(match: re.Match[str]) -> str:
        left, right = match.group("left"), match.group("right")
        return f"{left}-{right}" if _compound_adjective(left, right) else match.group(0)

    for _ in range(3):  # "Rehabilitacyjno - Edukacyjno - Wychowawczy": one join at a time
        joined = _COMPOUND_TIGHT.sub(join, _COMPOUND.sub(join, text))
        if joined == text:
            break
        text = joined
    return text


def reads_as_locative(word: str) -> bool:
    """A word no dictionary knows (a village's name), or one with a locative reading."""
    found = [a for a in analyse_word(word) if a.pos != "ign"]
    return not found or any("loc" in a.cases for a in found)


def _lower_preposition(text: str, place_name: PlaceName | None) -> str:
    """ "… W Zabłotach" -> "… w Zabłotach"; "Razem W Przyszłość" stays (no place)."""
    match = _CAPITAL_PREPOSITION.search(text)
    if match is None:
        return text
    phrase = match.group("prep").lower() + match.group("place")
    known = place_name is not None and place_name(phrase) is not None
    if not known and not reads_as_locative(match.group("place").split()[0]):
        return text
    return text[: match.start()] + phrase


def _join_places(text: str, place_name: PlaceName | None) -> str:
    if place_name is None:
        return text

    def join(match: re.Match[str]) -> str:
        joined = f"{match.group('prep')} {match.group('left')}-{match.group('right')}"
        return joined if place_name(joined) is not None else match.group(0)

    return _PLACE_HYPHEN.sub(join, text)


def _written_out(text: str) -> str:
    def write(match: re.Match[str]) -> str:
        before = match.group("before") or ""
        lower = before.strip()[:1].islower()
        return before + ("miasta stołecznego " if lower else "Miasta Stołecznego ")

    return _MST.sub(write, text)


def _without_house_number(text: str, place_name: PlaceName | None) -> str:
    """The name without a house number after its seat: "… w Cerekwi 48", "… Miłocice nr 58A"."""
    match = _HOUSE_NUMBER.match(text)
    if match is None:
        return text
    head = match.group("head").rstrip(" ,")
    if match.group("nr") is None and _SEAT_PHRASE_END.search(head):
        return head  # "… w Cerekwi 48": a number after "w <place>" is the house's
    words = head.split(" ")
    if place_name is None or len(words) < 2:
        return text
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        tail = words[-size:]
        if not all(re.fullmatch(r"[" + _CAPITAL + r"][\w-]*", w) for w in tail):
            continue
        if words[-size - 1].lower() in ("w", "we"):
            continue  # "Przedszkole w Wieliczce nr 3" keeps its number
        written = " ".join(tail)
        known = place_name(written)
        if known is not None and fold_key(known) == fold_key(written):
            return head  # "ŚDS „Świt” Miłocice nr 58A": a village and its house number
    return text


def _without_operator(text: str) -> str:
    """ "Dom Pomocy Społecznej w Chorzeszowie Fundacja im. Brata Alberta" -> "Dom Pomocy
    Społecznej w Chorzeszowie"; a name that is itself an operator's keeps its words."""
    match = _OPERATOR_AFTER_SEAT.match(text)
    if match is None:
        return text
    head = match.group("head")
    if any(re.search(rf"\b{word}\b", head) for word in OPERATOR_HEADS):
        return text  # "Stowarzyszenie … w Krakowie Fundacja …": whose is whose is unclear
    return head


def _without_seat_clause(text: str) -> str:
    """ "… w Świerklańcu zs. w Nakle Śląskim" -> "… w Świerklańcu", "Ośrodek Pomocy Społecznej
    Krzyżanowice zs. w Tworkowie" -> "… Krzyżanowice": the office's place after the name's
    own; a name that is only a type keeps it ("… zs. w Tworkowie" is then its seat)."""
    match = _SEAT_CLAUSE.match(text)
    if match is None:
        return text
    head = match.group("head")
    if fold_key(head) in _REGISTER_NAMES or len(head.split(" ")) < 2:
        return text
    return head


def register_clean(written: str, place_name: PlaceName | None = None) -> str:
    """The rules that need no address (the module docstring's first list); the text comes
    back unchanged when none applies. `place_name` is the gazetteer's reader of a place
    phrase (as `transforms.names.normalise_name` takes it)."""
    text = normalise_space(normalise_quotes(written))
    text = _written_out(text)
    text = _join_compounds(text)
    text = _join_places(text, place_name)
    text = _COMMA_BEFORE_SEAT.sub(lambda m: " " + m.group("phrase"), text)
    text = _lower_preposition(text, place_name)
    text = _GLUED_QUOTE.sub("” ", text)
    text = _without_house_number(text, place_name)
    text = _without_operator(text)
    text = _BRANCH_TAIL.sub(lambda m: m.group("head"), text)
    text = _without_seat_clause(text)
    return text if text != normalise_space(normalise_quotes(written)) else written


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


def _register_names() -> dict[str, str]:
    """Register names of seated types without their seat, by their folded key ("dom pomocy
    spolecznej" -> "Dom Pomocy Społecznej"; "dzienny dom senior" -> "Dzienny Dom „Senior+”")."""
    seated = {acronym_token_key(s) for s in SEATED}
    full = [row.full for row in ACRONYMS if acronym_token_key(row.short) in seated]
    return {fold_key(name): name for name in (*full, *_OTHER_REGISTER_NAMES)}


_REGISTER_NAMES = _register_names()


_FINAL_SEAT = re.compile(
    r"(?:^|\s)(?:w|we)\s+(?P<place>["
    + _CAPITAL
    + r"][\w.-]*(?:\s+["
    + _CAPITAL
    + r"][\w.-]*){0,3})$"
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
    for reading in analyse_word(word):
        parts = reading.tag.split(":")
        if reading.lemma.lower() == plain.lower() and len(parts) > 2 and "loc" in parts[2]:
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
        register_name = _REGISTER_NAMES.get(fold_key(" ".join(words[:-size])))
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
    Dom Pomocy Społecznej", "Miejski …") or whom it is for after it ("Dom Pomocy Społecznej dla
    Osób Starszych"): they say whose or what kind the unit is, not which one, so the name needs
    its seat as the bare register name does (the lists' names with both write the seat last).
    None for anything else (a patron, a byname, a number: their seat is not taken)."""
    first, _, rest = name.partition(" ")
    head, dla, _whom = name.partition(" dla ")
    if dla and re.fullmatch(r"[\w ,-]+", name) and fold_key(head) in _REGISTER_NAMES:
        return name
    register_name = _REGISTER_NAMES.get(fold_key(rest)) if rest else None
    if register_name is None or not first[:1].isupper():
        return None
    if not any(a.pos == "adj" and "nom" in a.cases for a in analyse_word(first.lower())):
        return None
    return f"{first} {register_name}"


_NUMBERED = re.compile(r"(?P<head>.+?)\s+(?P<number>nr\s+\d+[a-zA-Z]?)")


def _numbered(name: str) -> tuple[str, str] | None:
    """ "Dom Pomocy Społecznej nr 1" -> ("Dom Pomocy Społecznej", "nr 1"): a type's bare
    register name and its number, nothing else."""
    match = _NUMBERED.fullmatch(name)
    if match is None:
        return None
    register_name = _REGISTER_NAMES.get(fold_key(match.group("head")))
    if register_name is None:
        return None
    return register_name, match.group("number")


def _has_seat(name: str) -> bool:
    return re.search(r"(?:^|\s)(?:w|we)\s+[" + _CAPITAL + "]", name) is not None


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
    if not before[:1].isupper() or before.lower() in _OWNER_WORDS:
        return None
    for word in declined.split(" "):
        cases = {c for a in analyse_word(word) for c in a.cases}
        if "gen" in cases or "nom" in cases:
            return None
    return f"{' '.join(words[:-size])} {preposition} {declined}"


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
    if after is not None:
        return Styled(after, from_address=False)
    if gmina_place is not None:
        in_gmina = _gmina_place_after_register_name(name, gmina_place, place_name)
        if in_gmina is not None:
            return Styled(in_gmina, from_address=False)
    register_name = _REGISTER_NAMES.get(fold_key(name)) or _described_register_name(name)
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
