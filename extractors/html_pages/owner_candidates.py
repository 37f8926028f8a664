"""The owner candidates a page offers: every institution name its lines, title and headings
give, read in the nominative and extended with what the phrase reader leaves out (a quoted
own name, a patron, a place, a brand, a legal form), and where each stands — a formula that
declares the owner, a title part or a line that is the name and nothing else, the start of a
sentence before a verb.

`page_owner` weighs these into the page's owner; this module only reads them. The formulas
that declare a page's owner are found by `owner_declared`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.html_pages.owner_name import (
    GENERIC,
    clean_name,
    join_compound_adjectives,
    name_score,
)
from extractors.html_pages.page_text import PageText
from extractors.mention_records import shared_head_parts
from extractors.mentions import find_mentions
from transforms.acronyms import acronym_token_key, by_short
from transforms.morphology import analyse_word
from transforms.name_morphology import nominative
from transforms.names import site_owner
from transforms.text import fold_key, normalise_space

# --- where a name stands --------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+[-–—|:»/]+\s+|\s*[|»]\s*|\s*::\s*")
BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)]|[a-z]\))\s+")
# A quoted own name or a place after a type name that the phrase reader left out:
# 'Dom Pomocy Społecznej “Zielony Taras” w Koszalinie', "… Społecznej w Aleksandrowie Łódzkim".
_QUOTED_AFTER = re.compile(r"^\s*(?:[–—-]\s*)?[„\"“«]\s*([^\"”»„“\n]{2,60}?)\s*[”\"»“]")
_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_PLACE_AFTER = re.compile(rf"^\s+(?:w|we|W|WE)\s+[{_UPPER}][\w-]+(?:\s+[{_UPPER}][\w-]+)?")
_PATRON_AFTER = re.compile(
    rf"^\s+(?:im\.|IM\.)\s*(?:(?:[a-ząćęłńóśźż]{{1,5}}\.|[{_UPPER}][\w.-]*|[IVX]+)\s*){{1,5}}"
)
# Announcing verbs: the page speaking ("informuje", "zawiadamia", "uprzejmie informuje").
SPEAKING = frozenset(
    {
        "informuje", "zawiadamia", "ogłasza", "oglasza", "zaprasza", "przypomina", "uprzejmie",
        "prosi", "wprowadza", "zobowiązuje", "zobowiazuje", "apeluje", "ogłosił", "ogłosiła",
        "komunikuje", "zachęca", "zacheca",
    }
)  # fmt: skip
_VERB_POS = frozenset({"fin", "praet", "bedzie", "pact", "ppas", "winien", "pred"})
# Who speaks for a body at the start of a sentence: "Dyrektor PCPR w Rzeszowie informuje",
# "Komunikat Prezesa i Dyrektora Sądu Rejonowego w Kętrzynie".
_SPOKESMAN = re.compile(
    r"(?i)^(?:(?:komunikat|zarządzenie|zarzadzenie|ogłoszenie|ogloszenie)\s+)?"
    r"(?:(?:dyrektor\w*|dyrekcj\w*|kierownik\w*|kierownictw\w*|prezes\w*|zarząd\w*|zarzad\w*|"
    r"komendant\w*|naczelnik\w*)(?:\s+i\s+\w+)?\s*)?$"
)


@dataclass(frozen=True, slots=True)
class Found:
    """One institution name read somewhere on the page."""

    name: str  # nominative
    line: int  # -1: title or a head text
    start: int  # offset in the line (or title)
    end: int
    written: str = ""
    in_nominative: bool = True


def _extend(text: str, end: int, name: str) -> tuple[str, int]:
    """The name with what the phrase reader left out after it in `text` (from `end`): a
    quoted own name, a patron, a "z …" part of the name ("… Dzieci z Porażeniem Mózgowym")
    and a place ("w Aleksandrowie Łódzkim"); a closing quote it dropped."""
    if name.count("„") + name.count("“") > name.count("”") and text[end:].lstrip()[:1] in '”"':
        name += "”"
        end = text.index(text[end:].lstrip()[:1], end) + 1
    quoted = _QUOTED_AFTER.match(text[end:])
    if quoted and not re.search('[„"“”«»]', name):
        name = f"{name} „{normalise_space(quoted.group(1))}”"
        end += quoted.end()
    culture = name.endswith(" Kultury") and not _HAS_PLACE.search(name)
    joined = _JOINED_HEAD_AFTER.match(text[end:]) if culture else None
    if joined:  # "Gminne Centrum Kultury i Biblioteka w Gowarczowie": one body, two heads
        name = f"{name} {normalise_space(joined.group(0))}"
        end += joined.end()
    patron = _PATRON_AFTER.match(text[end:])
    if patron and " im." not in name:
        name = f"{name} {normalise_space(patron.group(0))}"
        end += patron.end()
    if not _HAS_PLACE.search(name) or _common_noun_part(name):
        part = _WITH_PART_AFTER.match(text[end:])
        if part:
            name = f"{name} {normalise_space(part.group(0))}"
            end += part.end()
        street = _STREET_BEFORE_PLACE.match(text[end:])
        if street:  # "Środowiskowy Dom Samopomocy przy ul. Dąbrowskiego 15 w Zduńskiej Woli"
            end += street.end()
        place = _PLACE_AFTER.match(text[end:])
        if place and not _head_word(place.group(0).split()[-1]):
            name = f"{name} {normalise_space(place.group(0))}"
            end += place.end()
            # "… Ofiar Przemocy w Rodzinie w Wałbrzychu": a common noun's "w" part, then the seat
            seat = _PLACE_AFTER.match(text[end:]) if _common_noun_part(name) else None
            if seat and not _head_word(seat.group(0).split()[-1]):
                name = f"{name} {normalise_space(seat.group(0))}"
                end += seat.end()
    legal = _LEGAL_FORM_AFTER.match(text[end:])
    if legal is None and re.search(r"\s(?:SP|Sp|sp)$", name):  # "… SP" + ". Z O.O."
        legal = re.match(r"(?i)^\.?\s*z\s*o\.\s*o\.?", text[end:])
    if legal and not _LEGAL_FORM_AFTER.search(name):
        joiner = "" if legal.group(0)[:1] == "." else " "
        name = f"{name}{joiner}{normalise_space(legal.group(0))}"
        end += legal.end()
    return _trim_after_quote(_trim_place_tail(name)), end


# A second head a culture centre's name joins to its first before the seat: "Gminny Ośrodek
# Kultury i Biblioteka w Ułężu", "Gminne Centrum Kultury i Biblioteka w Gowarczowie" (m082
# of the fresh pages): one institution, not a centre and a library.
_JOINED_HEAD_AFTER = re.compile(rf"^\s+i\s+Biblioteka(?:\s+Publiczna)?(?=\s+(?:w|we)\s+[{_UPPER}])")
# "Szpital Głowno Grupa Zdrowie Sp. z o.o.", "… SP ZOZ", "… S.A.": a legal form ends a name.
_LEGAL_FORM_AFTER = re.compile(
    r"(?i)^\s*,?\s*(?:sp\.\s*z\s*o\.\s*o\.?|s\.\s*a\.|sp\.\s*k\.|sp\.\s*j\.|sp\s*zoz|spzoz)"
)


def _trim_after_quote(name: str) -> str:
    """A quoted own name ends a name but for its place, patron or legal form: 'Stowarzyszenie
    „Eventyr” Wpisy' (a menu word after it) is 'Stowarzyszenie „Eventyr”'."""
    close = max(name.rfind("”"), name.rfind("»"))
    if name.count('"') >= 2:  # straight quotes: the last one closes
        close = max(close, name.rfind('"'))
    if close < 0 or close == len(name) - 1:
        return name
    tail = name[close + 1 :]
    if re.match(r"^\s+(?:w|we|W|im\.|nr|z\s+siedzibą)\s", tail) or _LEGAL_FORM_AFTER.match(tail):
        return name
    if re.match(rf"^(?:w|we)\s+[{_UPPER}]", tail):  # '“Dać Szansę”w Wadowicach', glued by the page
        return f"{name[: close + 1]} {tail}"
    return name[: close + 1]


_HAS_PLACE = re.compile(r"\s(?:w|we|W|WE)\s")
_LAST_PLACE_WORD = re.compile(r"\s(?:w|we|W|WE)\s+([\w-]+)[^\s]*$")
_GEOGRAPHIC = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})
# A street before a seat: "przy ul. Dąbrowskiego 15", "przy ulicy Szkolnej 2a,".
_STREET_BEFORE_PLACE = re.compile(
    rf"^\s+przy\s+(?:ul\.|ulicy|al\.|alei|pl\.|placu|os\.|osiedlu)\s*"
    rf"(?:[{_UPPER}0-9][\w.-]*\s+){{0,3}}?\d+[\w/]*,?(?=\s+(?:w|we)\s+[{_UPPER}])"
)


def _common_noun_part(name: str) -> bool:
    """Whether a name ends with a "w …" part that names no place ("… Ofiar Przemocy w
    Rodzinie", "… Osób w Kryzysie"): its word is a common noun the dictionary knows, never a
    place's name, so the seat may still follow it."""
    match = _LAST_PLACE_WORD.search(name)
    if match is None:
        return False
    readings = [a for a in analyse_word(match.group(1)) if a.pos in ("subst", "depr", "adj")]
    return bool(readings) and not any(_GEOGRAPHIC & set(a.qualifiers) for a in readings)


_WITH_PART_AFTER = re.compile(
    rf"^\s+(?:z|ze)\s+(?!siedzib)[{_UPPER}][\w-]+(?:\s+[{_UPPER}][\w-]+){{0,3}}"
)
# Words that end a place phrase: an address, page furniture, a number.
_NOT_PLACE = frozenset(
    {"wydzial", "oddzial", "dzial", "sekcja", "biuro", "kasa", "sekretariat", "referat",
     "plac", "pl", "ul", "ulica", "aleja", "al", "osiedle", "os", "rynek", "drukuj", "pdf",
     "powrót", "powrot", "generuj", "wersja", "wróć", "wroc", "udostępnij", "menu", "strona",
     "nr", "tel", "telefon", "e-mail", "email", "kontakt", "adres", "informacje", "aktualności",
     "aktualnosci", "ogłoszenia", "ogloszenia", "zaprasza", "informuje", "dane"}
)  # fmt: skip


def _trim_place_tail(name: str) -> str:
    """ "Sąd Rejonowy w Kętrzynie PDF Drukuj" -> "Sąd Rejonowy w Kętrzynie": a place is its
    first word and at most two more title-case words ("w Ostrowcu Świętokrzyskim")."""
    match = list(re.finditer(r"\s(?:w|we|W|WE)\s", name))
    if not match:
        return name
    head, place = name[: match[-1].end()], name[match[-1].end() :].split(" ")
    kept = place[:1]
    for word in place[1:3]:
        bare = word.strip(".,")
        if (
            not bare[:1].isupper()
            or fold_key(bare) in _NOT_PLACE
            or (bare.isupper() and not head.isupper())
            or any(ch.isdigit() for ch in bare)
        ):
            break
        kept.append(word)
    return head + " ".join(kept)


def _head_word(word: str) -> bool:
    return any(r.pos == "subst" and r.lemma.lower() in _HEAD_LEMMAS for r in analyse_word(word))


_HEAD_LEMMAS = frozenset({"ośrodek", "centrum", "dom", "zespół", "szkoła", "poradnia", "urząd"})
# "Fundacja Dom Rodzinnej Rehabilitacji …": the phrase reader starts at the second head.
_ORGANISATION_BEFORE = re.compile(
    r"(?:^|\s)(Fundacj[aię]|Fundacją|Stowarzyszeni[ea]|Stowarzyszeniem|Towarzystw[oa])\s+$"
)
_ORGANISATION_NOMINATIVE = {
    "fundacj": "Fundacja",
    "stowarzys": "Stowarzyszenie",
    "towarzys": "Towarzystwo",
}


def names_in(text: str, line: int, *, complete: bool = False) -> Iterator[Found]:
    """Every institution name in one line or title, in the nominative, extended; a phrase
    already in the nominative ("Hospicjum Świętego Jana Bożego działa") is kept as written.
    A body named inside another's name in the genitive ("Centrum Pracy Socjalnej Miejskiego
    Ośrodka Pomocy Rodzinie w Gdańsku") is a name too.

    A `complete` text (a title, a line the page goes on after) is not cut off at its end: a
    name it ends with in a patron ends there, though the patron's surname is no word the
    dictionary knows ("Ognisko Wychowawcze im. Matki Teresy Kierocińskiej", f035); only the
    last line of a stored excerpt may stop mid-word."""
    read = f"{text}{_GOES_ON}" if complete and _PATRON_AT_END.search(text) else text
    taken = (0, 0)  # what the last name took beyond its phrase (`_extend`)
    for mention in find_mentions(read):
        if mention.end > len(text):
            continue
        if _PATRON_BEFORE.search(text[: mention.start]):
            continue  # "… im. Komisji Edukacji Narodowej": a school's patron, not a body
        if taken[0] <= mention.start < taken[1]:
            continue  # "… Kultury i Biblioteka w Gowarczowie": the library is the name's
        found = _found(text, line, mention.start, mention.end, mention.phrase, mention.nominative)
        taken = (mention.end, found.end)
        yield found
        inner = _inner_body(text, mention.start, mention.phrase)
        if inner is not None and not _PATRON_BEFORE.search(text[: inner[0]]):
            yield _found(text, line, *inner)


# A name a patron's formula opens is the patron of the name before it ("Szkoła Podstawowa
# im. Komisji Edukacji Narodowej w Zagórzanach", k017 of the fresh pages), not a body.
_PATRON_BEFORE = re.compile(r"(?i)(?:\bim\.|\bimienia)\s*$")
# What a text that goes on has after its end, for the phrase reader (`names_in`), when it
# ends with a patron's name ("… im. Matki Teresy Kierocińskiej").
_GOES_ON = " ."
_PATRON_AT_END = re.compile(rf"(?:\bim\.|\bimienia)\s*(?:[\w.]+\s+){{0,4}}[{_UPPER}][\w-]+[\s.]*$")


def _inner_body(text: str, start: int, phrase: str) -> tuple[int, int, str, str] | None:
    """A body named in the genitive inside another's name ("Centrum Pracy Socjalnej
    Miejskiego Ośrodka Pomocy Rodzinie w Gdańsku"): it starts two words after the outer head
    at the earliest ("Centrum Administracyjnego Domu Dziecka" is one name), and its first
    words agree with its own head ("Socjalnej Miejskiego Ośrodka" is not one phrase)."""
    words = phrase.split(" ")
    head = next((i for i, w in enumerate(words) if is_noun(w)), None)
    if head is None:
        return None
    for k in range(head + 2, len(words) - 1):
        offset = start + len(" ".join(words[:k])) + 1
        rest = text[offset : start + len(phrase)]
        found = next(iter(find_mentions(rest)), None)
        if found is None or found.start != 0 or _first_word_nominative(found.phrase):
            continue
        if _agrees(found.phrase):
            return offset, offset + found.end, found.phrase, found.nominative
    return None


def _triples(word: str, pos: set[str]) -> set[tuple[str, str, str]]:
    """(number, case, gender) of a word's readings of these parts of speech."""
    found: set[tuple[str, str, str]] = set()
    for reading in analyse_word(word) + analyse_word(word.lower()):
        parts = reading.tag.split(":")
        if parts[0] in pos and len(parts) >= 4:
            for number in parts[1].split("."):
                for case in parts[2].split("."):
                    for gender in parts[3].split("."):
                        found.add((number, case, gender))
    return found


def _agrees(phrase: str) -> bool:
    """Whether the adjectives before a phrase's head noun agree with it."""
    words = [w.split("-")[-1] for w in phrase.split(" ")]
    head = next(
        (i for i, w in enumerate(words) if _triples(w, {"subst"}) and not _triples(w, {"adj"})),
        None,
    )
    if head is None:
        return False
    noun = _triples(words[head], {"subst"})
    return all(_triples(word, {"adj"}) & noun for word in words[:head])


def is_noun(word: str) -> bool:
    return any(a.pos == "subst" for a in analyse_word(word) + analyse_word(word.lower()))


def _first_word_nominative(name: str) -> bool:
    """Whether a name's first word can be a nominative ("Powiatowe", "Przedszkola", "MOPS"),
    not an oblique case ("Publicznej", "Miejsko-Gminnego")."""
    word = name.split(" ")[0].split("-")[-1].strip('„"“”«»()')
    if not word or (word.isupper() and len(word) <= 6) or not word.isalpha():
        return True
    readings = [a for a in analyse_word(word) + analyse_word(word.lower()) if a.pos != "ign"]
    return not readings or any(
        "nom" in a.tag.split(":")[2].split(".") for a in readings if len(a.tag.split(":")) > 2
    )


def _found(text: str, line: int, start: int, end: int, phrase: str, nominative: str) -> Found:
    unchanged = phrase.split(" ")[0].lower() == nominative.split(" ")[0].lower()
    name = phrase if unchanged else nominative
    in_nominative = _first_word_nominative(name)
    brand = _BRAND_BEFORE.search(text[:start])
    if brand and fold_key(brand.group(1)) not in _NOT_BRANDS and not _is_acronym(brand.group(1)):
        name = f"{brand.group(1)} {name}"  # "FORMEDICA Niepubliczny Zakład Opieki …"
        start = brand.start(1)
    organisation = _ORGANISATION_BEFORE.search(text[:start])
    if organisation:
        word = organisation.group(1)
        prefix = next(
            v for k, v in _ORGANISATION_NOMINATIVE.items() if fold_key(word).startswith(k)
        )
        in_nominative = word == prefix
        name = f"{prefix} {name}"
        start = organisation.start(1)
    saint = _SAINT_AFTER.match(text[end:]) if _SAINT_END.search(name) else None
    if saint:
        name = f"{name} {normalise_space(saint.group(0))}"
        end += saint.end()
    name, end = _extend(text, end, name)
    return Found(_first_conjunct(name), line, start, end, phrase, in_nominative)


def _first_conjunct(name: str) -> str:
    """The first of two bodies a name joins by their adjectives ("Prokuratura Okręgowa i
    Rejonowej w Łomży" → "Prokuratura Okręgowa w Łomży"): the one a page puts first, its
    seat's senior body; the other is a mention (`mention_records`)."""
    parts = shared_head_parts(name)
    return parts[0] if parts is not None else name


# A brand in capitals right before a type name is part of the name ("FORMEDICA Niepubliczny
# Zakład Opieki Zdrowotnej"); headings and notices in capitals are not.
_BRAND_BEFORE = re.compile(rf"(?:^|[\s„\"])([{_UPPER}][{_UPPER}0-9-]{{2,}})\s+$")
_NOT_BRANDS = GENERIC | frozenset(
    {"uwaga", "komunikat", "ogloszenie", "informacja", "wazne", "nowosc", "zaprasza",
     "zapraszamy", "aktualnosci", "kontakt", "bip", "rodo", "covid", "dotyczy", "temat"}
)  # fmt: skip


def _is_acronym(word: str) -> bool:
    """A table acronym, or a word of the language in capitals ("DZIAŁALNOŚĆ PLACÓWKI"):
    not a brand."""
    if acronym_token_key(word) in by_short():
        return True
    return any(a.pos != "ign" for a in analyse_word(word.lower()))


# "Hospicjum Świętego Jana Bożego": a saint's name, which the phrase reader takes for a person.
_SAINT_END = re.compile(r"(?:Świętego|Świętej|Św\.|św\.|Błogosławionego|Bł\.|pw\.)$")
_SAINT_AFTER = re.compile(rf"^\s+[{_UPPER}][\w-]+(?:\s+[{_UPPER}][\w-]+){{0,2}}")


def whole_name(text: str, *, complete: bool = False) -> str | None:
    """The institution name a short text (a title part, a heading) consists of ("Sąd Rejonowy
    w Kętrzynie", "STAROSTWO POWIATOWE W OLKUSZU", "Gmina Lubawka"), in the nominative; None
    when it says anything else ("WOLNE STANOWISKA PRACY w PUP", "Co się zajmuje Ośrodek
    Interwencji Kryzysowej?")."""
    text = clean_name(normalise_space(BULLET.sub("", text))).strip(" .:;,")
    if not text or len(text) > 160 or len(text.split()) > 16:
        return None
    if fold_key(text) in GENERIC or fold_key(text.split()[0]) in _POSSESSIVES:
        return None  # "Nasz Dom": a page's heading about itself, no name (k011)
    owner = site_owner(text)  # "Portal Orzeczeń Sądu Rejonowego w Bytowie"
    if owner is not None and name_score(owner) > 0:
        return owner
    found = list(names_in(text, -1, complete=complete))
    if len(found) == 1 and found[0].start <= 2 and found[0].end >= len(text.rstrip(" .!")) - 2:
        return found[0].name
    if len(found) == 1 and found[0].end >= len(text.rstrip(" .!")) - 2 and found[0].start > 2:
        before = text[: found[0].start].split()
        if len(before) == 1 and fold_key(before[0]) in _SECTION_WORDS:
            return found[0].name  # "Organizacja Urzędu Gminy": the section of the office's page
        if len(before) <= 3 and all(_proper_word(word) for word in before):
            return f"{text[: found[0].start]}{found[0].name}"  # "S.C. Raczyńscy Specjalistyczna …"
    acronym_led = (
        bool(found) and found[0].name.split()[0].isupper() and len(found[0].name.split()) == 1
    )
    if acronym_led and found[0].start <= 2 and _BARE_PLACE.fullmatch(text[found[0].end :]):
        return f"{found[0].name}{text[found[0].end :]}"  # "GOPS Kwidzyn", "PUP Słubice"
    half = len(text) // 2
    if found and text[:half].strip() == text[half:].strip():
        # a logo text and a site name: the same name twice
        return whole_name(text[:half], complete=True)
    if (
        not found
        and len(text.split()) >= 2
        and name_score(text) > 0
        and _title_cased(text)
        and not _has_verb(text)
        and not _TITLE_SEPARATORS.search(text)  # "Błąd - Fundacja Centaurus": its parts are read
    ):
        return nominative(text)
    return None


# Words of a heading that names a section of a body's page, the body in the genitive after it.
_SECTION_WORDS = frozenset(
    {"organizacja", "struktura", "regulamin", "statut", "historia", "kierownictwo", "zadania"}
)


# A phrase a possessive opens speaks of a body; it does not name one ("Nasz Dom", "Nasza
# Szkoła"): a name never opens with one.
_POSSESSIVES = frozenset(
    {"nasz", "nasza", "nasze", "naszego", "naszej", "naszym", "nasi", "wasz", "wasza",
     "wasze", "moj", "moja", "moje"}
)  # fmt: skip


def _proper_word(word: str) -> bool:
    """A word of a proper name or a legal form ("Raczyńscy", "S.C.", "FORMEDICA"), not a
    word of the language ("Witamy", "Strona")."""
    bare = word.strip(",")
    if re.fullmatch(r"(?:[A-Z]\.){1,3}", bare):
        return True  # "S.C.", "P.H.U."
    if not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", bare):
        return False  # "Sąd:" is a label, "2019" no name
    if not bare[:1].isupper() or fold_key(bare) in GENERIC:
        return False
    return not any(a.pos != "ign" and not a.lemma[:1].isupper() for a in analyse_word(bare.lower()))


_BARE_PLACE = re.compile(rf"(?:\s+[{_UPPER}][\w-]+){{1,3}}")


def _title_cased(text: str) -> bool:
    """Every longer word capitalised, or a brand the dictionary does not know, written in
    small letters ("Fundacja dogolandia"); not a phrase ("Fundacja a obowiązki prawne")."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return bool(words) and all(w[0].isupper() or _unknown_word(w) for w in words)


def _unknown_word(word: str) -> bool:
    """A word of letters only that the dictionary does not know (a brand, not an address)."""
    bare = word.strip(",.")
    return bare.isalpha() and all(a.pos == "ign" for a in analyse_word(bare))


def _has_verb(text: str) -> bool:
    for word in re.findall(r"[^\W\d_]+", text):
        if any(a.pos in ("fin", "praet", "bedzie") for a in analyse_word(word.lower())):
            return True
    return False


def verb_after(text: str, end: int) -> str | None:
    """The first word after a name, when it is a verb ("informuje", "jest", "będąca");
    an apposition in brackets is skipped ("Ośrodek Interwencji Kryzysowej w Kobylnicy (OIK)
    jest")."""
    rest = re.sub(r"^\s*\([^)]{0,40}\)", "", text[end:])
    # a department between dashes: "Ośrodek Pomocy Społecznej w Miejskiej Górce - świadczenia
    # rodzinne - uprzejmie informuje" (k083 of the fresh pages)
    rest = re.sub(r"^\s+[–—-]\s+[^–—\-.!?]{2,40}?\s+[–—-]\s+", " ", rest)
    rest = _coordinated_rest(rest)
    match = re.match(r"^[\s,]*([^\W\d_]+)", rest)
    if match is None:
        return None
    word = match.group(1)
    if any(a.pos in _VERB_POS for a in analyse_word(word.lower())):
        return word.lower()
    if word.lower() in SPEAKING:
        return word.lower()
    return None


# "X oraz podległe jej jednostki przyjmują …": a name that opens a coordinated subject.
_COORDINATED = re.compile(r"^\s*(?:oraz|i)\s+")
_COORDINATED_WORDS = 6


def _coordinated_rest(rest: str) -> str:
    """The text from the verb of a coordinated subject the name opens ("Prokuratura Okręgowa
    w Gorzowie Wlkp. oraz podległe jej jednostki prokuratur rejonowych przyjmują …"), when a
    plural verb follows within a few words; else `rest` unchanged."""
    opening = _COORDINATED.match(rest)
    if opening is None:
        return rest
    for word in list(re.finditer(r"[^\W\d_]+", rest[opening.end() :]))[:_COORDINATED_WORDS]:
        readings = analyse_word(word.group(0).lower())
        if any(a.pos in ("fin", "praet") and ":pl:" in f":{a.tag}:" for a in readings):
            return rest[opening.end() + word.start() :]
    return rest


def sentence_start(text: str, start: int) -> bool:
    """Whether the words before `start` open a sentence: nothing, or a spokesman
    ("Dyrektor", "Komunikat Prezesa i Dyrektora")."""
    before = text[:start]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind(": "))
    clause = BULLET.sub("", before[cut + 1 :] if cut >= 0 else before)
    # "Informujemy, że Gminny Ośrodek … nie zmienia": a reported statement opens a clause
    clause = re.split(r"(?i)(?:^|[\s,])(?:że|iż|iz|ze)\s", clause)[-1]
    return _SPOKESMAN.match(clause.strip()) is not None


# --- gathering --------------------------------------------------------------------------------


def headings(page: PageText) -> Iterator[tuple[str, int]]:
    """Lines that are a name (over up to three lines when it continues: "w Lubsku",
    "im. Wojciecha Bogusławskiego w Poznaniu", "„STACYJKOWO”")."""
    lines = page.lines
    index = 0
    while index < len(lines):
        name = whole_name(lines[index], complete=index < len(lines) - 1)
        if name is None:
            index += 1
            continue
        joined, used = lines[index], index
        for offset, line in enumerate(lines[index + 1 : index + 3], start=index + 1):
            following = _quoted_continuation(line)
            if not re.match(r"(?i)^(?:w|we|im\.|nr|[„\"“«])\s*\S", following.strip()):
                break
            if len(following.split()) > 8:
                break
            longer = whole_name(f"{joined} {following}", complete=offset < len(lines) - 1)
            if longer is None:
                break
            joined, name, used = f"{joined} {following}", longer, used + 1
        yield name, index
        index = used + 1


# A line that goes on with the own name, in quotes of any kind, of a body the line before
# names, then its seat and what the page glued after it: "'Krok za krokiem'w ZamościuKRS: …"
# under "Stowarzyszenie Pomocy Dzieciom Niepełnosprawnym" (e047).
_QUOTED_LINE = re.compile(
    rf"^\s*['\"„“«]([^'\"”»„“\n]{{2,60}}?)['\"”»“]"
    rf"(?:\s*((?:w|we)\s+[{_UPPER}][a-ząćęłńóśźż-]+(?:\s+[{_UPPER}][a-ząćęłńóśźż-]+)?))?"
)


def _quoted_continuation(line: str) -> str:
    """A line that opens with a quoted own name, as the name's words alone: "'Krok za
    krokiem'w ZamościuKRS: 0000057364" -> "„Krok za krokiem” w Zamościu"; any other line as
    it is."""
    match = _QUOTED_LINE.match(line)
    if match is None:
        return line
    place = f" {match.group(2)}" if match.group(2) else ""
    return f"„{normalise_space(match.group(1))}”{place}"


# A line that carries on the name the line before ends with: its patron or its place
# ("… Specjalnego Ośrodka Szkolno – Wychowawczego" / "im. Św. Jana Pawla II w Leżajsku").
_CONTINUATION = re.compile(r"(?i)^(?:w|we|im\.|nr)\s*\S")


def name_over_two_lines(page: PageText, index: int, found: Found) -> Found | None:
    """The name a line ends with, read on with the next line when that line continues it
    (b084: a title in two lines, the patron and the place on the second); as `headings`
    does for a line that is a name and nothing else."""
    line = page.lines[index]
    if line[found.end :].strip() or index + 1 >= len(page.lines):
        return None
    following = page.lines[index + 1]
    if not _CONTINUATION.match(following.strip()) or len(following.split()) > 8:
        return None
    if following.isupper():
        return None  # "… GMINNEGO OŚRODKA KULTURY" / "W POSZCZEGÓLNYCH MIEJSCOWOŚCIACH" (f021)
    joined = f"{line} {following}"
    return next(
        (
            f
            for f in names_in(joined, index, complete=index + 2 < len(page.lines))
            if f.start == found.start and f.end > len(line)
        ),
        None,
    )


def title_parts(page: PageText) -> list[str]:
    parts: list[str] = []
    for text in (page.title, *page.heads):
        text = join_compound_adjectives(text)
        for part in [text, *_TITLE_SEPARATORS.split(text)]:
            part = part.strip()
            if part and part not in parts:
                parts.append(part)
    return parts
