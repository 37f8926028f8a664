"""Names written as an official register writes them: the rules before the parse.

Lists and pages write an institution's name in shorthand a register does not use. The rules
here are general, none names a place or an institution; `transforms.register_style` holds
the ones that need the resolved address.


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
- "we" before a place that begins with "w" or "f" and another consonant: "… w Włoszczowie" ->
  "… we Włoszczowie" (as `transforms.locatives.preposition_for` writes a seat);
- a word of a type's register name that no dictionary knows, one edit from the word the
  register name has there, is that word: "Dom Poomocy Społecznej" -> "Dom Pomocy Społecznej"
  (a list's slip; the type names are the acronym table's full forms);
- a word of a type's register name written in lower case where the register name has a
  capital takes it: "Ośrodek Pomocy społecznej w Kornowacu" -> "Ośrodek Pomocy Społecznej …";
- a list's "zs. w …" after the name's own place goes: "Ośrodek Pomocy Społecznej w Świerklańcu zs.
  w Nakle Śląskim" -> "… w Świerklańcu" (where the office is, not the name);
- an operator after a comma goes: "Nowohucka Akademia Seniora, Stowarzyszenie Przyjaciół Nowej
  Huty" -> "Nowohucka Akademia Seniora", "Uniwersytet Trzeciego Wieku w Suchej Beskidzkiej,
  Wyższa Szkoła Turystyki i Ekologii" -> "… w Suchej Beskidzkiej" (a list that joins what it
  runs to who runs it); a name that is itself an operator's ("Stowarzyszenie …, Fundacja …")
  keeps its words;
- a host named in lower case in brackets after the seat goes: "Uniwersytet Trzeciego Wieku w
  Trzebinii (trzebińskie centrum kultury)" -> "… w Trzebinii" (the list's remark on who runs
  it; `register_style` then mends the seat's spelling). A note that names no institution stays
  ("Sąd Rejonowy w Radomsku (kuratorzy rodzinni)": a unit of the court), as does a capitalised
  one ("… w Krakowie (Nowa Huta)": the district);
- a host's name in the locative with no preposition before it gets the one the host's noun
  takes: "Uniwersytet Trzeciego Wieku Uniwersytecie Papieskim Jana Pawła II" -> "… na
  Uniwersytecie Papieskim …" (a list's dropped word; a locative never stands bare, and a
  university is "na" one); only a word the dictionary reads as a locative alone, after a
  capitalised word, and only a noun of `_HOST_PREPOSITIONS`;
- a saint's or a blessed's title inside a name is written small, as the registers write it:
  "Dom Pomocy Społecznej im. Św. Ojca Pio" -> "… im. św. Ojca Pio" (ten of the thirteen
  such names the blind checks annotated write "św."; the three "Św." are copies of one list's
  or page's typing, and differ from the published names in other words too);
- an association's national board after its name is the association: "Polski Związek
  Motorowy - Zarząd Główny" -> "Polski Związek Motorowy" (the board is its organ, not another
  body; a regional unit, "Oddział …", "Okręg …", often is one, and stays);

"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz.distance import OSA

from transforms.acronyms import ACRONYMS, SEATED, acronym_token_key
from transforms.locatives import preposition_for
from transforms.morphology import analyse_word
from transforms.names import normalise_quotes
from transforms.text import fold_key, normalise_space

PlaceName = Callable[[str], str | None]

# Register names of seated units that are not an acronym's full form. The programme's name
# unquoted, as the voivode's list writes all 28 of its day homes (and its 79 "Klub Senior+"),
# and as most of the homes' own pages the blind checks found do (four of six).
_OTHER_REGISTER_NAMES = ("Dzienny Dom Senior+",)
CAPITAL = "A-ZĄĆĘŁŃÓŚŹŻ"
_WORD = r"[^\W\d_]+"


def _register_names() -> dict[str, str]:
    """Register names of seated types without their seat, by their folded key ("dom pomocy
    spolecznej" -> "Dom Pomocy Społecznej"; "dzienny dom senior" -> "Dzienny Dom Senior+")."""
    seated = {acronym_token_key(s) for s in SEATED}
    full = [row.full for row in ACRONYMS if acronym_token_key(row.short) in seated]
    return {fold_key(name): name for name in (*full, *_OTHER_REGISTER_NAMES)}


REGISTER_NAMES = _register_names()

_MST = re.compile(r"(?P<before>\S+\s+)?\bm\.\s?st\.\s*(?=[" + CAPITAL + "])")
_COMPOUND = re.compile(r"\b(?P<left>" + _WORD + r"[oO])\s*[-–]\s+(?P<right>" + _WORD + r")\b")
_COMPOUND_TIGHT = re.compile(r"\b(?P<left>" + _WORD + r"[oO])\s+[-–]\s*(?P<right>" + _WORD + r")\b")
_PLACE_HYPHEN = re.compile(
    r"\b(?P<prep>w|we)\s+(?P<left>[" + CAPITAL + r"]\w+)\s*[-–]\s*(?P<right>[" + CAPITAL + r"]\w+)"
)
_COMMA_BEFORE_SEAT = re.compile(
    r",\s+(?P<phrase>(?:w|we)\s+[" + CAPITAL + r"][\w-]*(?:\s+[" + CAPITAL + r"][\w-]*){0,2})$"
)
_GLUED_QUOTE = re.compile(r"”(?=\w)")
_CAPITAL_PREPOSITION = re.compile(
    r"(?<=\S )(?P<prep>We?)(?P<place>(?:\s+[" + CAPITAL + r"][a-ząćęłńóśźż-]+){1,3})$"
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
    r"^(?P<head>.+?\s(?:w|we)\s+[" + CAPITAL + r"][\w-]*(?:\s+[" + CAPITAL + r"][\w-]*){0,2})"
    r"\s+(?:" + "|".join(OPERATOR_HEADS) + r")\b.*$"
)
# A list's "<what it runs>, <who runs it>": the comma outside quotes, the operator's kind first.
_OPERATOR_AFTER_COMMA = re.compile(
    r"^(?P<head>[^„”]+?(?:„[^”]*”[^„”]*?)*),\s+(?:"
    + "|".join(OPERATOR_HEADS)
    + r"|Wyższa\s+Szkoła|Uczelnia)\b.*$"
)
_TYPE_NAME_KEYS = frozenset(fold_key(a.full) for a in ACRONYMS)
# Nouns that name a host institution in a list's bracketed remark: the operators' kinds and
# the institutions that host a programme ("(trzebińskie centrum kultury)").
_HOST_NOUNS = frozenset(
    fold_key(word)
    for word in (*OPERATOR_HEADS, "Centrum", "Ośrodek", "Dom", "Biblioteka", "Szkoła", "Uczelnia")
)
_HOST_NOTE = re.compile(
    r"^(?P<head>.+\s(?:w|we)\s+[" + CAPITAL + r"][\w-]*(?:\s+[" + CAPITAL + r"][\w-]*){0,2})"
    r"\s*\((?P<note>[^()" + CAPITAL + r"]+)\)$"
)
_OPERATOR_KEYS = frozenset(fold_key(word) for word in OPERATOR_HEADS)
# "Polski Związek Motorowy - Zarząd Główny": the association's national board after its name.
_NATIONAL_BOARD = re.compile(r"^(?P<head>.+?)\s*[-–]\s*(?P<board>\S+\s+\S+)$")
# What a branch is for, after its seat: "… Filia w Rożdżałach dla osób dorosłych …".
_BRANCH_TAIL = re.compile(
    r"^(?P<head>.+?\s(?:[Ff]ilia|[Oo]ddział)\s+(?:w|we)\s+[" + CAPITAL + r"][\w-]*"
    r"(?:\s+[" + CAPITAL + r"][\w-]*){0,2})\s+dla\s.*$"
)
# A list's abbreviated seat clause after the name's own place: "Ośrodek Pomocy Społecznej w
# Świerklańcu zs. w Nakle Śląskim" (where the office is). The clause written out, "z siedzibą
# w", stays: a court's register name holds it ("Sąd Rejonowy Lublin-Wschód w Lublinie z
# siedzibą w Świdniku"), and the name's key reads both places (a gmina's centre named after
# its office's village elsewhere).
_SEAT_CLAUSE = re.compile(
    r"^(?P<head>.+\s[" + CAPITAL + r"][\w-]*)\s*,?\s+zs\.\s+(?:w|we)\s+["
    + CAPITAL + r"][\w-]*(?:\s+[" + CAPITAL + r"][\w-]*){0,2}$"
)  # fmt: skip
_SEAT_PHRASE_END = re.compile(
    r"(?:^|\s)(?:w|we)\s+[" + CAPITAL + r"][\w-]*(?:\s+[" + CAPITAL + r"][\w-]*){0,2}$"
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


# The preposition a host institution's noun takes in the locative ("na Uniwersytecie", "na
# Politechnice"): a list that drops it writes a bare locative.
_HOST_PREPOSITIONS = {"uniwersytet": "na", "politechnika": "na", "uczelnia": "na"}
_SMALL_TITLES = frozenset({"św.", "bł.", "ks."})


def _with_host_preposition(text: str) -> str:
    """ "Uniwersytet Trzeciego Wieku Uniwersytecie Papieskim" -> "… na Uniwersytecie …"."""
    words = text.split(" ")
    for at in range(1, len(words)):
        word, before = words[at], words[at - 1]
        if not word[:1].isupper() or not before[:1].isupper():
            continue
        found = [a for a in analyse_word(word) if a.pos != "ign"]
        lemmas = {a.lemma.lower() for a in found}
        if (
            len(lemmas) == 1
            and (preposition := _HOST_PREPOSITIONS.get(lemmas.pop())) is not None
            and all(a.pos == "subst" and a.cases <= {"loc", "voc"} for a in found)
        ):
            return " ".join([*words[:at], preposition, *words[at:]])
    return text


def _small_titles(text: str) -> str:
    """ "Dom Pomocy Społecznej im. Św. Ojca Pio" -> "… im. św. Ojca Pio" (not a name's first
    word, nor one in capitals)."""
    words = text.split(" ")
    return " ".join(
        w.lower() if at > 0 and w.lower() in _SMALL_TITLES and w[1:].islower() else w
        for at, w in enumerate(words)
    )


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
        if not all(re.fullmatch(r"[" + CAPITAL + r"][\w-]*", w) for w in tail):
            continue
        if words[-size - 1].lower() in ("w", "we"):
            continue  # "Przedszkole w Wieliczce nr 3" keeps its number
        written = " ".join(tail)
        known = place_name(written)
        if known is not None and fold_key(known) == fold_key(written):
            return head  # "ŚDS „Świt” Miłocice nr 58A": a village and its house number
    return text


def _names_an_operator(text: str) -> bool:
    """Whether a name holds an operator's kind ("Stowarzyszenie", "Fundacja" …): a name that
    is itself an operator's, where whose words are whose is unclear."""
    return any(re.search(rf"\b{word}\b", text) for word in OPERATOR_HEADS)


def _without_operator(text: str) -> str:
    """ "Dom Pomocy Społecznej w Chorzeszowie Fundacja im. Brata Alberta" -> "Dom Pomocy
    Społecznej w Chorzeszowie"; a name that is itself an operator's keeps its words."""
    match = _OPERATOR_AFTER_SEAT.match(text)
    if match is None:
        return text
    head = match.group("head")
    if _names_an_operator(head):
        return text  # "Stowarzyszenie … w Krakowie Fundacja …": whose is whose is unclear
    return head


def _without_operator_after_comma(text: str) -> str:
    """ "Tarnowski Uniwersytet Trzeciego Wieku, Fundacja „Kromka Chleba”" -> "Tarnowski
    Uniwersytet Trzeciego Wieku"; "Stowarzyszenie …, Fundacja …" stays (whose is whose?)."""
    match = _OPERATOR_AFTER_COMMA.match(text)
    if match is None:
        return text
    head = match.group("head")
    if _names_an_operator(head):
        return text
    if fold_key(head) in _TYPE_NAME_KEYS:
        return text  # "Uniwersytet Trzeciego Wieku, Fundacja …": the operator tells it apart
    return head


def _without_host_note(text: str) -> str:
    """ "Uniwersytet Trzeciego Wieku w Trzebinii (trzebińskie centrum kultury)" -> "… w
    Trzebinii": a lower-case note after the seat whose first or second word is a host's kind
    (an adjective may come first); "(kuratorzy rodzinni)" names no institution and stays."""
    match = _HOST_NOTE.match(text)
    if match is None:
        return text
    words = fold_key(match.group("note")).split()
    if not _HOST_NOUNS.intersection(words[:2]):
        return text
    return match.group("head")


def _without_national_board(text: str) -> str:
    """ "Polski Związek Motorowy - Zarząd Główny" (folded too) -> "Polski Związek Motorowy": an
    association (an operator's kind among its words) and its national board."""
    match = _NATIONAL_BOARD.match(text)
    if match is None or fold_key(match.group("board")) != "zarzad glowny":
        return text
    head = match.group("head")
    if not _OPERATOR_KEYS.intersection(fold_key(head).split()):
        return text
    return head


def _without_seat_clause(text: str) -> str:
    """ "… w Świerklańcu zs. w Nakle Śląskim" -> "… w Świerklańcu", "Ośrodek Pomocy Społecznej
    Krzyżanowice zs. w Tworkowie" -> "… Krzyżanowice": the office's place after the name's
    own; a name that is only a type keeps it ("… zs. w Tworkowie" is then its seat)."""
    match = _SEAT_CLAUSE.match(text)
    if match is None:
        return text
    head = match.group("head")
    if fold_key(head) in REGISTER_NAMES or len(head.split(" ")) < 2:
        return text
    return head


_W_BEFORE_PLACE = re.compile(r"(?<!\S)w(?=\s+(?P<place>[" + CAPITAL + r"]\w+))")


def _we_before_consonants(text: str) -> str:
    """ "Sąd Rejonowy w Włocławku" -> "… we Włocławku"; "w Lwowie", "w Warszawie" stay."""
    return _W_BEFORE_PLACE.sub(lambda m: preposition_for(m.group("place")), text)


# The words of every type's register name ("Dom Pomocy Społecznej"), of two words or more.
_TYPE_NAMES = tuple(
    tuple(name.split(" "))
    for name in dict.fromkeys((*(row.full for row in ACRONYMS), *_OTHER_REGISTER_NAMES))
    if " " in name
)


def _unknown_word(word: str) -> bool:
    return len(word) >= 5 and all(a.pos == "ign" for a in analyse_word(word))


def _corrected_word(words: list[str], at: int) -> str | None:
    """The type names' word for `words[at]`, when it is one edit from it (not only its Polish
    letters: folded text is `transforms.diacritics`' to restore) and every other word of a type
    name around it is as that type name writes it, Polish letters or not."""
    found: set[str] = set()
    for type_words in _TYPE_NAMES:
        for k, expected in enumerate(type_words):
            start = at - k
            if start < 0 or start + len(type_words) > len(words):
                continue
            window = words[start : start + len(type_words)]
            others_agree = all(
                fold_key(w) == fold_key(t)
                for j, (w, t) in enumerate(zip(window, type_words, strict=True))
                if j != k
            )
            folded = fold_key(words[at])
            if (
                others_agree
                and folded != fold_key(expected)
                and OSA.distance(folded, fold_key(expected)) == 1
            ):
                found.add(expected)
    return found.pop() if len(found) == 1 else None


def _without_type_word_slip(text: str) -> str:
    """ "Dom Poomocy Społecznej w Brodnicy" -> "Dom Pomocy Społecznej w Brodnicy"."""
    words = text.split(" ")
    for at, word in enumerate(words):
        if _unknown_word(word) and (corrected := _corrected_word(words, at)) is not None:
            words[at] = corrected
    return " ".join(words)


def _type_name_casing(text: str) -> str:
    """ "Ośrodek Pomocy społecznej w Kornowacu" -> "Ośrodek Pomocy Społecznej w Kornowacu": a
    type's register name written with one of its capitalised words in lower case (a list's
    slip) takes the register name's capitals; its first word must be capitalised as written,
    and a word after a small one stays ("Zespół do spraw Orzekania": both are written)."""
    words = text.split(" ")
    for type_words in _TYPE_NAMES:
        size = len(type_words)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if not window[0][:1].isupper() or not all(
                w.lower() == t.lower() for w, t in zip(window, type_words, strict=True)
            ):
                continue
            for k, (w, t) in enumerate(zip(window, type_words, strict=True)):
                after_capital = k > 0 and type_words[k - 1][:1].isupper()
                if w != t and w.islower() and t[:1].isupper() and after_capital:
                    words[start + k] = t
    return " ".join(words)


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
    text = _with_host_preposition(text)
    text = _small_titles(text)
    text = _we_before_consonants(text)
    text = _without_type_word_slip(text)
    text = _type_name_casing(text)
    text = _GLUED_QUOTE.sub("” ", text)
    text = _without_house_number(text, place_name)
    text = _without_operator(text)
    text = _without_operator_after_comma(text)
    text = _BRANCH_TAIL.sub(lambda m: m.group("head"), text)
    text = _without_seat_clause(text)
    text = _without_host_note(text)
    text = _without_national_board(text)
    return text if text != normalise_space(normalise_quotes(written)) else written
