"""Institution names: a nominative display name, a matching key and the parts of a name.

Sources write one institution many ways: "MOPS w Skarżysku-Kamiennej", "Miejskiego Ośrodka
Pomocy Społecznej w Skarżysku-Kamiennej" (inflected, from prose), "MIEJSKI OSRODEK POMOCY
SPOLECZNEJ SKARZYSKO KAMIENNA" (an ASCII-folded upper-case registry). `normalise_name` splits a
name into its type phrase (`core`), number, patron, place phrase and legal form, and builds
`key`, on which those spellings become equal: acronyms expanded (`transforms.acronyms`), every
word reduced to its Morfeusz lemma (`transforms.name_morphology`), folded, lower-case, the
place preposition dropped.

An unknown folded place in the locative ("w Skarzysku") stays as written unless the caller
passes a `place_name` reader (the gazetteer's): place resolution is another module's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from transforms.acronyms import ACRONYMS, Acronym, acronym_token_key, by_short
from transforms.name_morphology import (
    HEAD_LEMMAS,
    INFLECTED_ACRONYM,
    ROMAN_NUMERAL,
    institution_vocabulary,
    key_lemma,
    morfeusz_readings,
    nominative,
    place_lemma,
)
from transforms.text import fold, fold_key, normalise_space

# ---------------------------------------------------------------------------------------------
# normalise_name
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InstitutionName:
    """A name split into its parts. `key` is for matching; compare `number` exactly."""

    name: str  # display name, nominative, casing and quotes normalised
    key: str  # core lemmas + place lemmas (+ " #<number>"), folded, lower-case
    core: str  # the type phrase in the nominative, acronyms expanded
    acronym: str | None  # "MOPS", recognised from the acronym or from the full form
    number: str | None  # "2", "II"
    patron: str | None  # "Jana Pawła II" (as written, not inflected)
    place_raw: str | None  # "w Skarżysku-Kamiennej" or a bare trailing "Skarżysko-Kamienna"
    legal_form: str | None  # "SP ZOZ", "Sp. z o.o."


_OPEN_QUOTES = "„«‚"
_CLOSE_QUOTES = "”»’"
_AMBIGUOUS_QUOTES = '"“‟″'
_ANY_QUOTE = re.compile("[" + re.escape(_OPEN_QUOTES + _CLOSE_QUOTES + _AMBIGUOUS_QUOTES) + "]")
_LEGAL_TAIL = re.compile(
    r"[\s,]*(?P<form>sp\.?\s*z\s*o\.?\s*o\.?|spółka\s+z\s+ograniczoną\s+odpowiedzialnością"
    r"|s\.\s*a\.|sp\.\s*k\.|sp\.\s*j\.|sp\.\s*p\.)\s*$",
    re.IGNORECASE,
)
_SPZOZ = re.compile(r"(?<!\w)(?:S\.?\s?P\.?\s?ZOZ|SPZOZ|SP\s*-\s*ZOZ)(?!\w)", re.IGNORECASE)
_LOWER_WORDS = frozenset(
    {
        "w",
        "we",
        "i",
        "z",
        "ze",
        "do",
        "dla",
        "na",
        "o",
        "oraz",
        "od",
        "po",
        "przy",
        "pod",
        "nad",
        "ds.",
        "ds",
        "im.",
        "im",
        "imienia",
        "nr",
        "nr.",
        "ul.",
        "al.",
        "pl.",
        "os.",
        "ks.",
        "św.",
        "bł.",
        "rzecz",
        "spraw",
        "siedzibą",
        "a",
    }
)
_NUMBER_WORDS = frozenset({"nr", "nr.", "numer"})
_PATRON_WORDS = frozenset({"im.", "im", "imienia"})
_PLACE_PREPOSITIONS = frozenset({"w", "we"})
_RIVER_PREPOSITIONS = frozenset({"nad", "pod"})
# A capitalised word after one of these is part of a proper name, not a bare seat: "Szpital Na
# Wyspie", "Dom Pod Lipami" (a place names its seat with "w", or bare right after the type).
NAME_PREPOSITIONS = frozenset({"na", "pod", "nad", "przy", "za", "przed", "u", "od", "do", "ku"})
# Schools a Roman numeral opens the name of: "XIV Liceum …", "II LO", "I Zespół Szkół".
_SCHOOLS_AFTER_NUMERAL = frozenset({"liceum", "lo", "zespół", "zespol"})
_DIGITS = re.compile(r"^(\d+[a-zA-Z]?)\.?$")


# "Portal Orzeczeń Sądu Rejonowego w Brzozowie", "Serwis internetowy Urzędu Gminy X": what a
# site is, then its owner in the genitive.
_SITE_OF_OWNER = re.compile(
    r"(?i)^(?:portal(?:\s+orzecze[nń])?|serwis(?:\s+internetowy)?|strona\s+internetowa|"
    r"witryna(?:\s+internetowa)?)\s+(?P<owner>[A-ZĄĆĘŁŃÓŚŹŻ].+)$"
)


def site_owner(title: str) -> str | None:
    """The owner a site's title names, in the nominative: "Portal Orzeczeń Sądu Rejonowego w
    Brzozowie" -> "Sąd Rejonowy w Brzozowie"; None when the title is not "<what the site is>
    <its owner>"."""
    match = _SITE_OF_OWNER.match(title)
    return nominative(match.group("owner")) if match else None


def normalise_quotes(text: str) -> str:
    """Every quotation style („…”, "…", “…”, ''…'', «…») becomes Polish „…”."""
    text = text.replace("''", '"').replace(",,", "„")
    if not _ANY_QUOTE.search(text):
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            out.append("„")
        elif ch in _CLOSE_QUOTES and ch != "’":
            out.append("”")
        elif ch in _AMBIGUOUS_QUOTES:
            opening = i == 0 or text[i - 1] in " (["
            out.append("„" if opening else "”")
        else:
            out.append(ch)
    # A space just inside the quotes is the page's typing, not the name's ("„ Zielony Taras ”").
    return _SPACE_INSIDE_QUOTES.sub(lambda m: m.group(1) or m.group(2), "".join(out))


_SPACE_INSIDE_QUOTES = re.compile(r"(„)\s+|\s+(”)")


def _legal_form(written: str) -> str:
    """The usual spelling of a company's legal form ("SP. Z O. O." -> "Sp. z o.o."). A limited
    company is "Sp. z o.o." as the companies themselves write it (every one of the eight in
    ../shared/data's pages, the web corpus's gold, and the names check's annotator for a page
    in capitals); court texts write "sp. z o. o.", the code's abbreviation."""
    compact = fold(written).lower().replace(" ", "").replace(".", "")
    if compact.startswith("spzoo") or compact.startswith("spolkazograniczona"):
        return "Sp. z o.o."
    return {"sa": "S.A.", "spk": "sp.k.", "spj": "sp.j.", "spp": "sp.p."}.get(compact, written)


# A surname's particle, written small between a first name and the surname in a patron
# ("im. Miguela de Cervantesa", "im. Jana Baudouina de Courtenay"), as RSPO's capitals do not.
_NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "du", "del", "della", "der", "den"})


# A patron's rank or title, written small before the name as the source abbreviates it ("im.
# mjr Henryka Sucharskiego", "im. gen. Józefa Bema"): RSPO's capitals glue it to "IM."
# ("IM.MJR HENRYKA …").
_PATRON_RANKS = frozenset(
    {"mjr", "mjr.", "płk", "płk.", "ppłk", "ppłk.", "gen.", "gen", "kpt.", "kpt", "por.",
     "dr", "dr.", "prof.", "hm.", "kard.", "abp", "abp.", "bp", "bp."}
)  # fmt: skip
_GLUED_PATRON = re.compile(r"\b(IM|im)\.(?=[^\W\d_])")


def _title_word(
    word: str, position: int, after_patron: bool = False, rank_place: bool = False
) -> str:
    lowered = word.lower()
    if position > 0 and lowered in _LOWER_WORDS:
        return lowered
    if after_patron and lowered in _NAME_PARTICLES:
        return lowered
    if rank_place and lowered in _PATRON_RANKS:
        return lowered
    if acronym_token_key(word) in by_short() and len(word) <= 6 and lowered not in _LOWER_WORDS:
        return next(
            a.short for a in ACRONYMS if acronym_token_key(a.short) == acronym_token_key(word)
        )
    if ROMAN_NUMERAL.match(word) and (word != "I" or position == 0):
        return word
    return "-".join(_capitalised_part(part) for part in word.split("-"))


def _capitalised_part(part: str) -> str:
    """ "WITKACEGO" -> "Witkacego", "„WITKACEGO”" -> "„Witkacego”": the first letter, not a
    quote or a bracket before it, is the capital."""
    first = next((i for i, ch in enumerate(part) if ch.isalpha()), 0)
    return part[:first] + part[first : first + 1].upper() + part[first + 1 :].lower()


def _normalise_casing(text: str) -> str:
    """A name in capitals (or all small) written as a register writes it: "XXXIV LICEUM
    OGÓLNOKSZTAŁCĄCE IM. MIGUELA DE CERVANTESA" -> "XXXIV Liceum Ogólnokształcące im. Miguela
    de Cervantesa" (a particle small only inside a patron, between two of its words)."""
    seated = _SEAT_AFTER_CAPITALS.fullmatch(text)
    if (
        seated is not None
        and not seated["seat"].isupper()
        and _capitals_but_small_words(seated["head"])
    ):
        # "GMINNA BIBLIOTEKA PUBLICZNA w Bieniowie": a heading in capitals, its seat as written
        return f"{_normalise_casing(seated['head'])} {seated['seat']}"
    if not (text.isupper() or text.islower() or _capitals_but_small_words(text)):
        return text
    words = _GLUED_PATRON.sub(lambda m: m.group(1) + ". ", text).split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        inside_patron = (
            0 < i < len(words) - 1
            and any(w.lower() in _PATRON_WORDS for w in words[: i - 1])
            and words[i - 1].lower() not in _PATRON_WORDS
        )
        rank_place = 0 < i < len(words) - 1 and words[i - 1].lower() in _PATRON_WORDS
        out.append(_title_word(word, i, inside_patron, rank_place))
    return " ".join(out)


# A name in capitals with its seat written after it in small letters and capitals as usual.
_SEAT_AFTER_CAPITALS = re.compile(
    r"(?P<head>.+)"
    r" (?P<seat>we? [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?)"
)


def _capitals_but_small_words(text: str) -> bool:
    """A name in capitals whose small words alone were written small ("GMINNA BIBLIOTEKA
    PUBLICZNA w Bieniowie" is not: its place is not in capitals; "MIEJSKI OŚRODEK POMOCY
    SPOŁECZNEJ w LUBINIE" is), as a page's heading in capitals joined to a seat in small
    letters, or a register that keeps "w", "i", "nr" small, writes it: every other word in
    capitals, at least two of them and one a word, not an acronym ("ABC DEF" stays)."""
    words = [
        word
        for word in text.split()
        if word.lower() not in _LOWER_WORDS and any(ch.isalpha() for ch in word)
    ]
    return (
        len(words) >= 2
        and all(word.isupper() for word in words)
        and any(sum(ch.isalpha() for ch in word) >= 5 for word in words)
    )


def _capitalised(token: str) -> bool:
    stripped = token.lstrip('„"(')
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _is_place_word(token: str) -> bool:
    """A bare place after the core, as registries write it ("... SKARZYSKO KAMIENNA")."""
    if (
        not _capitalised(token)
        or token.lower() in _LOWER_WORDS
        or not token.replace("-", "").isalpha()
    ):
        return False
    for part in token.split("-"):
        if not part:
            return False
        known = morfeusz_readings(part) or morfeusz_readings(part.capitalize())
        if (
            fold(part).lower() in institution_vocabulary()
            or key_lemma(part) in institution_vocabulary()
        ):
            return False
        if known and not any(r.geographic for r in known):
            return False
    return True


@lru_cache(maxsize=1)
def _head_keys() -> frozenset[str]:
    return frozenset(fold(lemma).lower() for lemma in HEAD_LEMMAS)


def _begins_name_part(token: str) -> bool:
    """A word that starts another part of an institution's name, so a place phrase ends before
    it: a quoted name or a head noun ("… w Bydgoszczy Dom Pomocy Społecznej „Słoneczko”")."""
    return token[:1] in '„"' or key_lemma(token.strip(",.")) in _head_keys()


_MAX_BARE_PLACE_WORDS = 3
_PLACE_HEAD_WORDS = frozenset({"miasto"})  # "Nowe Miasto Lubawskie", "Nowe Miasto"


def _capitalised_preposition(token: str) -> bool:
    return token[:1].isupper() and token.lower() in NAME_PREPOSITIONS


def _longer_bare_place(
    core: Sequence[str], start: int, place_name: Callable[[str], str | None]
) -> int:
    """Where a bare trailing place begins when the gazetteer knows a longer one than the
    word-by-word test found: "PUP Kamienna Góra" (Morfeusz reads "Kamienna" as an adjective,
    and a folded "Gora" as nothing geographic), "PUP Nowy Tomyśl" (not only "Tomyśl"). The
    words must spell the locality's own name (a registry's nominative), none of them may
    belong to institution names but a place's own "Miasto" after its first word, and the type
    phrase keeps at least one word."""
    vocabulary = institution_vocabulary()
    for size in range(min(_MAX_BARE_PLACE_WORDS, len(core) - 1), 0, -1):
        begin = len(core) - size
        if begin >= start:
            break
        span = core[begin:]
        # "Miasto" belongs to institution names ("Urząd Miasta") and, after a place's first
        # word, to places ("Urząd Gminy Nowe Miasto Lubawskie", b043; "Nowe Miasto")
        if not all(
            _capitalised(word)
            and word.replace("-", "").isalpha()
            and word.lower() not in _LOWER_WORDS
            and (
                (at > 0 and fold(word).lower() in _PLACE_HEAD_WORDS)
                or (fold(word).lower() not in vocabulary and key_lemma(word) not in vocabulary)
            )
            for at, word in enumerate(span)
        ):
            continue
        written = " ".join(span)
        known = place_name(written)
        if known is not None and fold_key(known) == fold_key(written):
            return begin
    return start


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–]+", text) if w]


def _key_words(tokens: Iterable[str]) -> list[str]:
    """Every word's lemma, quoted or not: one body's name is written in quotes and without
    them ("Fundacja „Dobro Wraca MG”", "Fundacja Dobro Wraca MG"). "w"/"we" tell no two bodies
    apart and are no key word (alone Morfeusz reads "w" as "wiek"; "W GMINIE X" in capitals
    is a place phrase where "w gminie X" is not)."""
    out: list[str] = []
    for token in tokens:
        for word in re.findall(r"[^\W_]+", token):
            lowered = word.lower()
            if lowered == "ds":
                out.extend(("do", "sprawa"))
            elif lowered not in _PLACE_PREPOSITIONS:
                out.append(key_lemma(word))
    return out


@lru_cache(maxsize=1)
def _full_form_acronyms() -> dict[str, Acronym]:
    table: dict[str, Acronym] = {}
    for row in ACRONYMS:
        table.setdefault(" ".join(_key_words(row.full.split(" "))), row)
    return table


def _expand_acronyms(tokens: list[str]) -> tuple[list[str], str | None]:
    """Tokens with acronyms replaced by their full form, and the first acronym seen."""
    shorts = by_short()
    out: list[str] = []
    found: str | None = None
    for token in tokens:
        bare = token.strip(",.")
        inflected = INFLECTED_ACRONYM.match(bare)
        if inflected:
            bare = inflected.group("base")
        row = shorts.get(acronym_token_key(bare)) if bare[:2].isupper() else None
        if row is not None:
            out.extend(row.full.split(" "))
            found = found or row.short
        else:
            out.append(token)
    return out, found


# A bracketed short form such as "(M-GOPS)" or "(ŚDS)": two or more capitals, maybe a hyphen.
_BRACKETED_SHORT_FORM = re.compile(
    r"\s*\((?=(?:[^)]*[A-ZĄĆĘŁŃÓŚŹŻ]){2})[A-ZĄĆĘŁŃÓŚŹŻ][A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż+-]{1,9}\)"
)


def _short_form(match: re.Match[str], text: str) -> str:
    """A bracketed short form is dropped; in a name in capitals only a known acronym is one
    ("ŚRODOWISKOWY DOM SAMOPOMOCY BIECZ (NADZIEJA)" keeps "Nadzieja")."""
    written = match.group(0)
    if text.isupper() and acronym_token_key(written.strip(" ()")) not in by_short():
        return written
    return " "


@lru_cache(maxsize=200_000)
def normalise_name(
    raw: str, place_name: Callable[[str], str | None] | None = None
) -> InstitutionName:
    """Split and normalise one institution name (any case, inflected or not, maybe folded).

    `place_name`, when given, reads the place phrase ("W BOLESLAWCU") and returns the
    locality's nominative as the gazetteer writes it ("Bolesławiec"), or None when it cannot
    tell; the key then holds that name's words. Morfeusz does not know ASCII-folded place
    forms, so without it "w Boleslawcu" keys as "boleslawcu". The normalise stage passes the
    gazetteer's `Gazetteer.place_name` for every record of a run, so all keys of one run are
    built the same way.
    """
    text = normalise_space(normalise_quotes(raw)).strip(" ,;:-–")
    if not text:
        raise ValueError(f"normalise_name: empty institution name {raw!r}")

    # "Miejsko-Gminny Ośrodek Pomocy Społecznej w Piszu (M-GOPS)": the bracketed short form
    # repeats the name; it is recognised from the full form anyway.
    text = normalise_space(_BRACKETED_SHORT_FORM.sub(lambda m: _short_form(m, text), text))

    legal_form: str | None = None
    tail = _LEGAL_TAIL.search(text)
    if tail:
        legal_form = _legal_form(tail.group("form"))
        text = text[: tail.start()].strip(" ,")
    if _SPZOZ.search(text):
        legal_form = "SP ZOZ"
        text = normalise_space(_SPZOZ.sub(" ", text)).strip(" ,-–")

    tokens = _normalise_casing(text).split(" ") if text else []

    patron: str | None = None
    number: str | None = None
    place: list[str] = []
    place_at = 0  # how many words of `core` come before the place phrase
    place_bare = False
    core: list[str] = []
    roman_prefix: str | None = None
    number_at = -1  # how many words of `core` come before a written "nr N"
    number_word = "nr"  # "Nr" where a source in mixed case writes it so (a list's "Nr 1")
    patron_at = -1  # how many words of `core` come before a patron written after the place
    seat_clause_at = -1  # how many words of `core` come before "z siedzibą" after the place
    i = 0
    while i < len(tokens):
        token = tokens[i]
        lowered = token.lower()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if lowered in _PATRON_WORDS and nxt:
            j = i + 1
            while j < len(tokens):
                if (
                    tokens[j].lower() in _PLACE_PREPOSITIONS
                    and j + 1 < len(tokens)
                    and _capitalised(tokens[j + 1])
                ):
                    break
                if tokens[j].lower() in _NUMBER_WORDS:
                    break
                j += 1
            patron = " ".join(tokens[i + 1 : j]).strip(" ,")
            patron_at = len(core) if place else -1
            i = j
            continue
        if lowered in _NUMBER_WORDS and nxt:
            digits = _DIGITS.match(nxt)
            if digits or ROMAN_NUMERAL.match(nxt.rstrip(".")):
                number = digits.group(1) if digits else nxt.rstrip(".")
                number_at = len(core)
                number_word = "Nr" if token.rstrip(".") == "Nr" else "nr"
                i += 2
                continue
        if (
            i == 0
            and ROMAN_NUMERAL.match(token)
            and nxt
            and fold(nxt).lower() in _SCHOOLS_AFTER_NUMERAL
        ):
            roman_prefix = token
            number = token
            i += 1
            continue
        if core and number is None and _DIGITS.match(token) and not place:
            number = _DIGITS.match(token).group(1)  # type: ignore[union-attr]
            i += 1
            continue
        if lowered == "z" and nxt.lower() == "siedzibą":
            # "Starostwo Powiatowe z siedzibą w Końskich": prose's way to give the seat, the
            # name is "… w Końskich". After the name's own place the clause is the register's
            # ("Sąd Rejonowy Lublin-Wschód w Lublinie z siedzibą w Świdniku") and is shown.
            if place:
                seat_clause_at = len(core)
            i += 2
            continue
        has_core = bool(core) or legal_form == "SP ZOZ"  # "SP ZOZ w Pińczowie"
        if lowered in _PLACE_PREPOSITIONS and nxt and _capitalised(nxt) and has_core and not place:
            j = i + 1
            while (
                j < len(tokens)
                and _capitalised(tokens[j])
                and tokens[j].lower() not in (_PATRON_WORDS | _NUMBER_WORDS)
                and not (j > i + 1 and _begins_name_part(tokens[j]))
                and not tokens[j].startswith("(")  # "w Bolesławiu (pow. dąbrowski)"
            ):
                j += 1
            # "w Nakle nad Notecią", "w Gródku nad Dunajcem": the river belongs to the place.
            while (
                j + 1 < len(tokens)
                and tokens[j].lower() in _RIVER_PREPOSITIONS
                and _capitalised(tokens[j + 1])
            ):
                j += 2
            place = tokens[i:j]
            place_at = len(core)
            i = j
            continue
        # Anything else, also after the place ("... w Pińczowie Oddział Dziecięcy"), is name.
        core.append(token)
        i += 1

    if not place and len(core) >= 2:
        j = len(core)
        while j > 1 and _is_place_word(core[j - 1]):
            j -= 1
        if place_name is not None:
            j = _longer_bare_place(core, j, place_name)
        if j < len(core) and j >= 1 and not _capitalised_preposition(core[j - 1]):
            place, core = core[j:], core[:j]
            place_bare = True

    expanded, acronym = _expand_acronyms(core)
    # Words after the place phrase stay after it, as written ("Zespół … w Bydgoszczy Dom Pomocy
    # Społecznej „Słoneczko”").
    after_place = core[place_at:] if place and not place_bare and 0 < place_at else []
    shown_after_place = list(after_place)
    if after_place and seat_clause_at >= place_at:
        shown_after_place.insert(seat_clause_at - place_at, "z siedzibą")
    before_place = core[: len(core) - len(after_place)]
    core_nominative = nominative(" ".join(before_place)) if before_place else ""
    # "Powiatowy Zespół nr 10 Szkół Mechaniczno-Elektrycznych": a number the name writes
    # before more of its words stays there (the official name as written), after the head
    # phrase put in the nominative; the words after it are the head's complement, as written.
    number_inside = bool(number) and not roman_prefix and 0 < number_at < len(before_place)
    if number_inside:
        head = nominative(" ".join(before_place[:number_at]))
        core_nominative = f"{head} {number_word} {number} {' '.join(before_place[number_at:])}"
    expanded_nominative = nominative(" ".join(expanded)) if expanded else ""
    if not core and legal_form == "SP ZOZ":
        expanded = "Samodzielny Publiczny Zakład Opieki Zdrowotnej".split(" ")
        expanded_nominative = " ".join(expanded)
        acronym = "SP ZOZ"

    core_key = _key_words(expanded)
    if acronym is None:
        row = _full_form_acronyms().get(" ".join(core_key))
        if row is not None:
            acronym = row.short
    if acronym is None and legal_form == "SP ZOZ":
        acronym = "SP ZOZ"

    after_preposition = bool(place) and not place_bare
    # a quote is no letter of a place ("„Uniwersytet Trzeciego Wieku w Andrychowie”")
    place_words = _words(_ANY_QUOTE.sub("", " ".join(place[1:] if after_preposition else place)))
    place_key = [place_lemma(w, after_preposition) for w in place_words]
    canonical = place_name(" ".join(place)) if place_name is not None and place else None
    if canonical:
        place_key = [fold(w).lower() for w in _words(canonical)]
    key = " ".join(core_key + place_key)
    if number:
        key = f"{key} #{number}"

    parts: list[str] = []
    if not core and legal_form == "SP ZOZ":
        parts.append("SP ZOZ")  # the legal form is the whole type phrase
        legal_form_shown = True
    else:
        legal_form_shown = False
    if roman_prefix:
        parts.append(roman_prefix)
    if core_nominative:
        parts.append(core_nominative)
    if number and not roman_prefix and not number_inside:
        parts.append(f"{number_word} {number}")
    # A patron written after the place stays there, as registers and pages write it either
    # way ("Szkoła Podstawowa w Drawnie im. Stefana Żeromskiego"; "XIV Liceum Ogólnokształcące
    # w Zespole Szkół … im. Jana Szczepanika w Tarnowie": the patron is the Zespół's).
    patron_later = bool(patron) and bool(place) and not place_bare and patron_at >= place_at
    if patron and not patron_later:
        parts.append(f"im. {patron}")
    if place:
        parts.append(" ".join(place))
    if patron_later:
        inside = after_place[: patron_at - place_at]
        parts.extend([*inside, f"im. {patron}", *after_place[patron_at - place_at :]])
    elif shown_after_place:
        parts.append(" ".join(shown_after_place))
    if legal_form == "SP ZOZ":
        if not legal_form_shown:
            parts.append("SP ZOZ")
    elif legal_form:
        parts.append(legal_form)
    name = " ".join(parts)

    return InstitutionName(
        name=name,
        key=key,
        core=expanded_nominative,
        acronym=acronym,
        number=number,
        patron=patron or None,
        place_raw=" ".join(place) or None,
        legal_form=legal_form,
    )


def name_key(raw: str) -> str:
    """`normalise_name(raw).key`, or "" for text that names nothing (a bare preposition, a
    number): what pages' readers compare names by."""
    try:
        return normalise_name(raw).key
    except ValueError:
        return ""
