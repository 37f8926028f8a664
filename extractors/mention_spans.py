"""Where a mention's name starts and ends in prose: the naming rules `extractors.mentions`
applies to the words around a head.

Polish prose runs a name into the words around it; a name's edges are told by general word
classes, never by one institution's name:

- a pronoun before the name is the writer's, not the name's ("Nasz Ośrodek", "Tutejszy Sąd";
  not "Nowy", which opens brands: "Nowy Szpital w Olkuszu"); a preposition opening a sentence ("Do Młodzieżowego
  Ośrodka …") is no noun an adjective could belong to;
- a conjunction ends a name and its place ("w Warszawie lub Jego Zastępcy"): "lub" is also the
  abbreviation of "Lubelski", but only with its full stop or a capital;
- a saint's or a blessed person's name after "Świętego", "św.", "bł." is a patron, part of the
  name ("Hospicjum Świętego Jana Bożego"), though a first name and a surname elsewhere start a
  person;
- a company's legal form ("Sp. z o. o.") closes the name and is kept whole;
- a local-government unit ("Powiat Płocki", "Gmina Skarżysko-Kamienna") is a body when the
  sentence has it act, run or agree (in the nominative, in the instrumental "z Powiatem
  Lubańskim", after "przez", as the owner of a unit: "jednostką budżetową Gminy X"), not when
  it only says where ("na terenie Gminy X", "mieszkańcy Powiatu");
- a city's president named by the city alone is the "Prezydent Miasta" ("Prezydenta
  Białegostoku" -> "Prezydent Miasta Białegostoku");
- a place ends before a verb ("w Górznie Przyjmie na staż") and takes a second town joined by
  "i" ("w Nakle i Szubinie"); an adjective after a name that agrees with no word of it ends
  the name ("Nowy Szpital Zdrowe szpitale …", a logo's motto);
- a national body has no seat in its name ("Ministerstwo Sprawiedliwości", not "… w
  Warszawie"), and "RP" after one is written out ("Sejm Rzeczypospolitej Polskiej").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.mention_text import (
    Token,
    adjective_triples,
    agrees,
    gender_alias,
    head_readings,
    head_triples,
    is_title,
    person_starts,
    place_word,
    table_acronym,
)
from extractors.mention_words import NAME_JOINERS, PLACE_ABBREVIATIONS
from transforms.morphology import generate
from transforms.name_morphology import key_lemma, readings

# Adjectives a writer puts before a name to describe it, never part of an official name.
DESCRIPTIVE_ADJECTIVES = frozenset(
    {
        "nasz",
        "wasz",
        "mój",
        "twój",
        "ten",
        "tamten",
        "każdy",
        "kolejny",
        "obecny",
        "dawny",
        "były",
        "dotychczasowy",
        "tutejszy",
        "wspomniany",
        "powyższy",
    }
)
# Conjunctions that end a name wherever they stand after it.
CONJUNCTIONS = frozenset({"lub", "albo", "oraz", "czy", "bądź", "ani", "a", "lecz", "natomiast"})
# Words after which a person's name is a patron ("Świętego Jana Bożego", "św. Maksymiliana").
SAINT_WORDS = frozenset(
    {"świętego", "świętej", "świętych", "św", "bł", "błogosławionego", "błogosławionej"}
)
# A company's legal form, as tokens.
LEGAL_FORMS: tuple[tuple[str, ...], ...] = (
    ("sp", ".", "z", "o", ".", "o", "."),
    ("sp", ".", "z", "o", ".", "o"),
    ("s", ".", "a", "."),
)
# National bodies, whose seat is no part of their name.
NATIONAL_SEATLESS = frozenset({"ministerstwo", "sejm", "senat"})
_RP = re.compile(r"\bRP\b")

# Local-government units: the forms in which a sentence has the unit act (nominative,
# instrumental), the forms read only after a word that makes the unit an actor or an owner.
_TERRITORY_ACTING = {
    "powiat": "powiat",
    "powiatem": "powiat",
    "gmina": "gmina",
    "gminą": "gmina",
}
_TERRITORY_AFTER = {
    "przez": {"powiat": "powiat", "gminę": "gmina"},
}
_TERRITORY_OWNED = {"powiatu": "powiat", "gminy": "gmina"}  # "jednostką … Gminy X"
_OWNER_NOUNS = ("jednostk",)  # "jednostką organizacyjną Powiatu", "jednostki budżetowej Gminy"
_GMINA_KINDS = frozenset({"miejska", "wiejska", "miasto", "miejsko-wiejska"})


def is_descriptive(token: Token) -> bool:
    """A capitalised adjective a writer puts before a name ("Nowe", "Nasz")."""
    return any(
        r.pos == "adj" and r.lemma.lower() in DESCRIPTIVE_ADJECTIVES for r in readings(token.text)
    )


def is_conjunction(token: Token) -> bool:
    return token.is_word and not token.capitalised and token.lower in CONJUNCTIONS


def after_saint(tokens: Sequence[Token], j: int) -> bool:
    """Token j follows a saint's title ("Świętego", "św.", "bł."): a patron's name, not a
    person's."""
    k = j - 1
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    return k >= 0 and tokens[k].is_word and tokens[k].lower in SAINT_WORDS


def board_of_acronym(tokens: Sequence[Token], i: int) -> bool:
    """Token i is a body's board ("Zarząd", "Prezes Zarządu") followed by that body's acronym
    ("Zarządu OSP w Węgrowie"): the body is the mention, read from its acronym, not its board."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        tokens[i].capitalised
        and key_lemma(tokens[i].text) == "zarzad"
        and after is not None
        and table_acronym(after) is not None
    )


def legal_form_end(tokens: Sequence[Token], end: int) -> bool:
    """The tokens before `end` close with a company's legal form ("… Sp. z o. o.")."""
    lowered = [t.lower for t in tokens[:end]]
    return any(
        len(lowered) >= len(form) and tuple(lowered[-len(form) :]) == form for form in LEGAL_FORMS
    )


def territory_end(tokens: Sequence[Token], i: int) -> int:
    """End of a local-government unit named as a body, starting at token i ("Powiat Płocki",
    "Gminą Pisz", "przez Powiat Gliwicki", "jednostką budżetową Gminy Ostrowiec
    Świętokrzyski"), or i."""
    token = tokens[i]
    if not token.capitalised or token.all_caps:
        return i
    word = token.lower
    kind = _TERRITORY_ACTING.get(word)
    before = _previous_word(tokens, i)
    if kind is None and before is not None:
        kind = _TERRITORY_AFTER.get(before.lower, {}).get(word)
        if kind is None and before.lower.startswith(_OWNER_NOUNS):
            kind = _TERRITORY_OWNED.get(word)
        if (
            kind is None
            and (earlier := _previous_word(tokens, i - 1)) is not None
            and earlier.lower.startswith(_OWNER_NOUNS)
        ):
            kind = _TERRITORY_OWNED.get(word)  # "jednostką organizacyjną Powiatu …"
    if kind is None:
        return i
    j = i + 1
    if kind == "powiat":
        while j < len(tokens) and j - i <= 2 and _powiat_adjective(tokens[j]):
            j += 1
        return j if j > i + 1 else i
    if j < len(tokens) and tokens[j].lower in _GMINA_KINDS and tokens[j].capitalised:
        j += 1
    start = j
    while j < len(tokens) and j - start < 3 and _gmina_word(tokens, j, first=j == start):
        j += 1
    return j if j > start else i


def _gmina_word(tokens: Sequence[Token], j: int, *, first: bool) -> bool:
    """A word of a gmina's name: a place's first word, then capitalised words that are no
    head, title, person or verb ("Stara Błotnica", "Ostrowiec Świętokrzyski")."""
    token = tokens[j]
    if place_word(token, first=first):
        return True
    if not token.capitalised or token.all_caps or head_readings(token) or is_title(token):
        return False
    if person_starts(list(tokens), j):
        return False
    found = readings(token.text)
    if first:
        return any(r.pos == "adj" for r in found)  # "Stara Błotnica", "Nowe Miasto"
    return not any(r.pos in _VERBS for r in found)  # unknown: a village, a folded name


_VERBS = frozenset({"fin", "praet", "impt", "inf", "bedzie", "pcon", "pant"})


def _previous_word(tokens: Sequence[Token], i: int) -> Token | None:
    k = i - 1
    while k >= 0 and not tokens[k].is_word:
        if tokens[k].text not in ("„", '"'):
            return None
        k -= 1
    return tokens[k] if k >= 0 else None


def _powiat_adjective(token: Token) -> bool:
    """A county's adjective ("Płocki", "Lubańskim", "Łódzki Wschodni")."""
    if not token.capitalised or token.all_caps:
        return False
    found = readings(token.text)
    if any(r.pos == "subst" for r in found) and not any(r.geographic for r in found):
        return bool(re.search(r"(?:sk|ck|dzk)(?:i|a|iego|iemu|im|iem)$", token.lower))
    return any(r.pos == "adj" and not r.proper for r in found) or bool(
        re.search(r"(?:sk|ck|dzk)(?:i|a|iego|iemu|im|iem)$", token.lower)
    )


# The office an officer heads: "Komendant Główny Policji" names the "Komenda Główna Policji".
OFFICER_OFFICES = {"komendant": "Komenda", "prokurator": "Prokuratura"}


def office_name(nominative_phrase: str, officer: str) -> str:
    """ "Komendant Główny Policji" -> "Komenda Główna Policji": the office, its adjectives in
    the feminine."""
    words = nominative_phrase.split(" ")
    out = [OFFICER_OFFICES[officer]]
    k = 1
    while k < len(words):
        word = words[k]
        lemmas = [r.lemma for r in readings(word) if r.pos == "adj" and not r.proper]
        if not lemmas:
            break
        feminine = next(
            (
                form
                for form, tag in generate(lemmas[0])
                if tag.startswith("adj:sg:")
                and ":nom" in tag
                and ":f:" in tag + ":"
                and tag.endswith("pos")
            ),
            None,
        )
        out.append(feminine[:1].upper() + feminine[1:] if feminine else word)
        k += 1
    return " ".join([*out, *words[k:]])


def mayor_office_name(name: str, head: str) -> str:
    """A city's president named by the city alone is the office of its "Prezydent Miasta"
    ("Prezydenta Białegostoku" -> "Prezydenta Miasta Białegostoku"); the state's president
    and a name that says "Miasta" already stay as written."""
    first, _, rest = name.partition(" ")
    if head != "prezydent" or not rest or rest.startswith(("Miast", "Rzeczypospolit", "RP")):
        return name
    city = rest.split(" ", 1)[0].split("-", 1)[0]
    if not any(r.geographic and "gen" in r.cases for r in readings(city)):
        return name
    return f"{first} Miasta {rest}"


def seatless_name(name: str, head: str, place: str | None) -> tuple[str, str | None]:
    """A national body's name without its seat, its "RP" written out: ("Ministerstwo
    Sprawiedliwości w Warszawie", "ministerstwo") -> "Ministerstwo Sprawiedliwości"."""
    if head in NATIONAL_SEATLESS or key_lemma(name.split(" ", 1)[0]) in NATIONAL_SEATLESS:
        if place and place.startswith(("w ", "we ")) and name.endswith(" " + place):
            name, place = name[: -len(place) - 1], None
        name = _RP.sub("Rzeczypospolitej Polskiej", name)
    return name, place


# A division's name just before a unit's kind: "Wydział Rodzinny i Nieletnich Sądu
# Rejonowego", "Wydział Edukacji Urzędu Miasta", "Referat Spraw Społecznych Urzędu Gminy".
# The words between may be the division's own and a choice of parents ("Wydział Rodzinny i
# Nieletnich właściwego Sądu Rejonowego", "Wydział Edukacji Urzędu Miasta lub Starostwa
# Powiatowego"), never a clause (no punctuation, at most eight words).
_DEPARTMENT_BEFORE = re.compile(
    r"\b(?:Wydzia[łl]|Dzia[łl]|Referat)(?:u|em|owi|e)?\b(?:\s+(?:[\w-]+|ds\.)){0,8}\s+$"
)


def department_before(text: str, start: int) -> bool:
    """The words just before offset `start` name a division ("Wydział Rodzinny i Nieletnich
    "): what follows is the division's parent, named by its kind."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 120) : start]
    return _DEPARTMENT_BEFORE.search(before) is not None


_UP = "A-ZĄĆĘŁŃÓŚŹŻ"
_LOW = "a-ząćęłńóśźż"
# A person's first name and surname, an opening bracket, maybe a title inside it:
# "Elżbieta Bartoszewicz (", "Jarosław Kwiecień (Dyrektor ".
_PERSON_BRACKET = re.compile(
    rf"[{_UP}][{_LOW}]+ [{_UP}][{_LOW}]+(?:[ -][{_UP}][{_LOW}]+)? \((?:[{_UP}][{_LOW}]+ )?$"
)


def workplace_in_brackets(text: str, start: int, end: int) -> bool:
    """The phrase from `start` to `end` stands alone in brackets after a person's name
    ("Anna Buksińska (Zespół Szkół Ogólnokształcących)", "Jarosław Kwiecień (Dyrektor Zespołu
    Placówek Młodzieżowych)"): the one institution the person works in, named by its kind as
    the article's readers know it."""
    if not text[end : end + 2].lstrip().startswith(")"):
        return False
    return _PERSON_BRACKET.search(text, max(0, start - 80), start) is not None


# Words of a part of an organisation a dash joins to its name: "Towarzystwo Przyjaciół
# Dzieci – Oddział Powiatowy", "Zgromadzenie Sióstr … – Prowincja Krakowska".
_PART_WORDS = frozenset(
    {"oddzial", "kolo", "prowincja", "filia", "delegatura", "region", "okreg", "hufiec"}
)  # folded, as `key_lemma` gives them
# Parts that make a body of a head that is one only as a national body ("Zgromadzenie Sióstr
# … – Prowincja Krakowska": a congregation's province, no general assembly).
PART_WORDS = _PART_WORDS
# Organisations whose local part follows their name without a dash: "Polskie Stowarzyszenie
# na rzecz Osób z Niepełnosprawnością Intelektualną Koło w Działdowie".
_WITH_PARTS = frozenset({"stowarzyszenie", "towarzystwo", "związek", "federacja", "fundacja"})


def part_of_organisation(head_lemma: str, token: Token) -> bool:
    """`token` names a local part of the organisation whose name has `head_lemma` ("Koło",
    "Oddział" after "Stowarzyszenie …"): the name carries on, no second body starts."""
    return head_lemma in _WITH_PARTS and token.capitalised and key_lemma(token.text) in _PART_WORDS


# Prepositions that open a name's own words when capitalised inside it: "Szpital Na Wyspie",
# "Przedszkole Pod Topolą", "Dom Pomocy Społecznej Nad Zalewem".
_NAME_PREPOSITIONS = frozenset({"na", "pod", "nad", "przy", "za"})
_DASH_TOKENS = frozenset({"-", "–", "—"})


def name_suffix_end(tokens: Sequence[Token], j: int, *, organ: bool) -> int:
    """End of what a name carries on with at token j, or j: a "+" written onto its last word
    ("Klub Senior+"), a capitalised preposition with its capitalised object inside the name
    ("Na Wyspie"), or one in lower case whose object the body's town follows ("Szpital na
    Wyspie w Żarach"), a dash and a part of the organisation ("– Oddział Powiatowy")."""
    token = tokens[j]
    if token.text == "+" and j > 0 and tokens[j - 1].end == token.start:
        return j + 1
    if token.text == "+" and j > 0 and tokens[j - 1].is_word:
        following_word = j + 1 < len(tokens) and tokens[j + 1].is_word
        if not following_word:
            return j + 1  # "Klub Senior +." spaced, closing the sentence: the programme's sign
    if organ or j + 1 >= len(tokens):
        return j
    following = tokens[j + 1]
    if (
        token.is_word
        and token.capitalised
        and not token.all_caps
        and token.lower in _NAME_PREPOSITIONS
        and following.capitalised
        and not following.all_caps
        and not head_readings(following)
    ):
        return j + 2
    if (
        token.is_word
        and token.lower in _NAME_PREPOSITIONS
        and following.capitalised
        and not following.all_caps
        and not head_readings(following)
        and not table_acronym(following)
        and j + 3 < len(tokens)
        and tokens[j + 2].is_word
        and tokens[j + 2].lower in ("w", "we")
        and place_word(tokens[j + 3], first=True)
    ):
        return j + 2  # "Szpital na Wyspie w Żarach": its place follows, so the phrase is its name
    if (
        token.text in _DASH_TOKENS
        and token.start > tokens[j - 1].end  # a spaced dash, not a compound's
        and following.capitalised
        and key_lemma(following.text) in _PART_WORDS
    ):
        k = j + 2
        while k < len(tokens) and k - j < 5 and tokens[k].capitalised:
            if head_readings(tokens[k]) or person_starts(list(tokens), k):
                break
            k += 1
        return k
    return j


# ---------------------------------------------------------------------------------------------
# Where a place and a name's words end
# ---------------------------------------------------------------------------------------------


def second_place(tokens: list[Token], k: int) -> int:
    """End of a second town joined to a place by "i" ("w Nakle i Szubinie"), or k: a
    proper name the dictionary knows as a place, in the locative, that no head follows."""
    if k + 1 >= len(tokens):
        return k
    joiner, town = tokens[k], tokens[k + 1]
    if not joiner.is_word or joiner.lower != "i" or not town.capitalised:
        return k
    if head_readings(town) or town.all_caps:
        return k
    if not any(r.geographic and "loc" in r.cases for r in readings(town.text.split("-")[0])):
        return k
    return k + 2


def from_town(tokens: Sequence[Token], j: int) -> bool:
    """ "z Opola" at token j after a name ("Stowarzyszenie OPPEN … z Opola"): the town a body
    comes from, one geographic word in the genitive that no capitalised word follows; not
    "z Niepełnosprawnością", "z Zespołu Szkół"."""
    if j + 1 >= len(tokens) or not tokens[j].is_word or tokens[j].lower not in ("z", "ze"):
        return False
    town = tokens[j + 1]
    if not town.capitalised or town.all_caps or head_readings(town) or "-" in town.text:
        return False
    if j + 2 < len(tokens) and tokens[j + 2].capitalised:
        return False
    return any(r.geographic and "gen" in r.cases for r in readings(town.text))


_STREET_WORDS = frozenset(
    {"ul", "ulica", "ulicy", "al", "aleja", "alei", "pl", "plac", "placu", "os", "osiedle"}
)


def street_before(tokens: Sequence[Token], start: int) -> bool:
    """The words from `start` name a street: "ul." / "al." / "pl." / "ulicy" stands just before
    them ("ul. Marszałka Piłsudskiego 8a", "przy ulicy Komisji Edukacji Narodowej")."""
    k = start - 1
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    return k >= 0 and tokens[k].is_word and tokens[k].lower in _STREET_WORDS


def purpose_noun(token: Token | None) -> bool:
    """A capitalised common noun in the genitive after "do" that carries on a name ("Szkoła
    Specjalna Przysposabiająca do Pracy", "Komisja do Spraw …"): no head of a second
    institution ("do Urzędu"), no place ("do Warszawy"), no person."""
    if token is None or not token.capitalised or token.all_caps or head_readings(token):
        return False
    found = readings(token.text.split("-")[0])
    if any(r.proper or r.geographic for r in found):
        return False
    return any(r.pos in ("subst", "ger") and "gen" in r.cases for r in found)


_ADJECTIVE_CLASSES = ("adj", "pact", "ppas")


def stray_adjective(tokens: list[Token], head: int, j: int) -> bool:
    """Token j is an adjective that belongs to no word of the name before it: not the head's
    (it does not agree), not a genitive complement's, not the noun's or adjective's just
    before it ("Fundacja Pomocy Dzieciom Niepełnosprawnym" agrees with "Dzieciom")."""
    token = tokens[j]
    if "-" in token.text or (j + 1 < len(tokens) and tokens[j + 1].capitalised):
        return False  # "Skarżysko-Kamienna", "Stara Błotnica": a place's name after "Gminy"
    found = [r for r in readings(token.text) if not r.proper]
    if not found or any(r.pos not in _ADJECTIVE_CLASSES for r in found):
        return False
    if any("gen" in r.cases for r in found) or agrees(token, tokens[head]):
        return False
    head_forms = head_triples(tokens[head])
    ours = adjective_triples(tuple(found), adjective=True)
    if {(n, g) for n, _c, g in ours} & {(n, g) for n, _c, g in head_forms}:
        return False  # "Klubu Integracyjny dla Dzieci": the head's adjective in a slipped case
    before = tokens[j - 1]
    if not before.is_word:
        return False
    # the word before, as a noun (proper ones too: "Nowe Miasto Lubawskie") or an adjective
    theirs = {
        (n, c, g)
        for r in readings(before.text.rsplit("-", 1)[-1])
        if r.pos in ("subst", "ger", *_ADJECTIVE_CLASSES)
        for n in r.numbers
        for c in r.cases
        for g in r.genders
    }
    return not ours & gender_alias(theirs)


# ---------------------------------------------------------------------------------------------
# Several numbered units under one plural head
# ---------------------------------------------------------------------------------------------


def quoted_end(tokens: list[Token], i: int) -> int:
    """End of a quoted name ("Stowarzyszenie „Arka”", "Klub Seniora „Radość”"), or i."""
    if i >= len(tokens) or tokens[i].text not in ("„", '"', "“", "«"):
        return i
    for k in range(i + 1, min(len(tokens), i + 12)):
        if tokens[k].text in ("”", '"', "“", "»"):
            return k + 1 if k > i + 1 and tokens[i + 1].capitalised else i
    return i


def cut_at_the_end(text: str, tokens: list[Token], end: int) -> bool:
    """The phrase runs into the end of a text cut mid-word ("… Placówki Ws", "Ośrodek
    Diagno"): its last word ends the text and is no word the dictionary knows."""
    last = tokens[end - 1]
    if text[last.end :].strip() or not last.is_word or last.all_caps:
        return False
    return not readings(last.text.split("-")[-1])


_TRAILING_ABBREVIATION = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ]{2,}(?:-?[a-ząęóśćżźłń]{1,3})$")


def _roman_one(tokens: list[Token], start: int, i: int) -> bool:
    """Token i is a capital "I" that numbers what precedes it: a unit's number ("Nr I") or a
    ruler in a patron's name ("im. Mieszka I"); in prose "i" (and) is written in lower case."""
    if tokens[i].text != "I" or i - 1 <= start:
        return False
    before = tokens[i - 2] if tokens[i - 1].text == "." else tokens[i - 1]
    if before.lower in ("nr", "numer"):
        return True
    patron = next(
        (k for k in range(i - 1, start - 1, -1) if tokens[k].lower in ("im", "imienia")), None
    )
    return (
        patron is not None
        and before.capitalised
        and all(t.capitalised or t.text == "." for t in tokens[patron + 1 : i])
    )  # not "im. Jana Pawła II w Olsztynie I …", a place between


def trimmed_end(tokens: list[Token], start: int, end: int) -> int:
    """End of a name with what cannot end one cut off: punctuation, a joiner ("i", "w"),
    an inflected abbreviation ("… Województwa Warmińsko-Mazurskiego FOSa")."""
    while end > start + 1:
        last = tokens[end - 1]
        if legal_form_end(tokens, end):
            break  # "… Sp. z o. o." closes the name
        if not last.is_word and last.text not in ("”", '"', "»", ".", "+"):
            end -= 1
        elif last.text == "." and not (
            end - 2 > start and tokens[end - 2].lower in PLACE_ABBREVIATIONS
        ):
            end -= 1
        elif last.is_word and last.lower in ("i", "ds", "w", "we", "z", "do", "na", "dla"):
            if _roman_one(tokens, start, end - 1):
                break  # "Zespole Szkół Nr I", "im. Mieszka I": the numeral one, not "and"
            end -= 1
        elif last.is_word and last.lower in NAME_JOINERS:
            end -= 1
        elif (
            end - 1 > start + 1
            and _TRAILING_ABBREVIATION.match(last.text)
            and not table_acronym(last)
        ):
            end -= 1  # "... Województwa Warmińsko-Mazurskiego FOSa": an inflected abbreviation
        else:
            break
    return end
