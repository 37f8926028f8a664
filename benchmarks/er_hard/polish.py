"""Polish forms for the hard ER generator: case forms of institution and place names,
acronyms (and their misspellings), the abbreviations offices write, and former names.

Everything here is the generator's own knowledge, written apart from the matcher's tables in
`transforms/` (the matcher must not see the generator's lists): the abbreviations are taken
from office spreadsheets and BIP pages as written ("Gm. Ośr. Pom. Społ.", "Zesp. Szk.-Przedszk."),
the former names from the reforms that renamed institutions (the 2017 school reform,
the 2019 Act on social services centres, the 2011 Act on family support).

Case forms come from Morfeusz (the dictionary ships with `morfeusz2`): the head noun of the
type phrase and the adjectives agreeing with it are put into the wanted case; genitive
complements ("Pomocy Społecznej"), quoted names, numbers and patrons stay as they are.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.morphology import analyser

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")


@dataclass(frozen=True, slots=True)
class _Reading:
    lemma: str
    pos: str
    number: str
    cases: frozenset[str]
    genders: frozenset[str]
    proper: bool
    geographic: bool
    archaic: bool


def _readings(word: str) -> list[_Reading]:
    out = []
    for _s, _e, (form, lemma, tag, names, quals) in analyser().analyse(word):
        if form != word:
            continue
        parts = tag.split(":")
        if parts[0] not in ("subst", "adj", "depr") or len(parts) < 4:
            continue
        out.append(
            _Reading(
                lemma=lemma.split(":", 1)[0],
                pos=parts[0],
                number=parts[1],
                cases=frozenset(parts[2].split(".")),
                genders=frozenset(parts[3].split(".")),
                proper="nazwa_geograficzna" in names or lemma[:1].isupper(),
                geographic="nazwa_geograficzna" in names,
                archaic=any(q.startswith(("daw", "arch", "przest")) for q in quals),
            )
        )
    return out


@lru_cache(maxsize=50_000)
def _forms(lemma: str) -> tuple[tuple[str, str, bool], ...]:
    """(form, tag, archaic) of every form Morfeusz generates for a lemma."""
    try:
        generated = analyser().generate(lemma)
    except RuntimeError:
        return ()
    return tuple(
        (form, tag, any(q.startswith(("daw", "arch", "przest")) or "tylko" in q for q in quals))
        for form, _l, tag, _n, quals in generated
    )


def _form_of(reading: _Reading, case: str, number: str, genders: frozenset[str]) -> str | None:
    for form, tag, archaic in _forms(reading.lemma):
        parts = tag.split(":")
        if archaic or parts[0] != reading.pos or len(parts) < 4:
            continue
        if parts[1] != number or case not in parts[2].split("."):
            continue
        if not (genders & set(parts[3].split("."))):
            continue
        if reading.pos == "adj" and len(parts) > 4 and parts[4] != "pos":
            continue
        return form
    return None


def _cased(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _inflect_compound(word: str, case: str, number: str, genders: frozenset[str]) -> str:
    """ "Szkolno-Przedszkolny": only the last part of a hyphenated adjective inflects."""
    head, _, last = word.rpartition("-")
    adjectives = [r for r in _readings(last) if r.pos == "adj" and "nom" in r.cases]
    for reading in adjectives:
        form = _form_of(reading, case, number, genders)
        if form:
            return (head + "-" if head else "") + _cased(form, last)
    return word


def inflect_phrase(phrase: str, case: str) -> str:
    """An institution type phrase in `case`: "Gminny Ośrodek Pomocy Społecznej" (dat) ->
    "Gminnemu Ośrodkowi Pomocy Społecznej". Words after the agreeing group stay."""
    if case == "nom":
        return phrase
    words = phrase.split(" ")
    head = None
    for i, word in enumerate(words):
        if word[:1] in '„"' or _has_adjective(word):
            continue
        nouns = [
            r
            for r in _readings(word.split("-")[-1])
            if r.pos == "subst" and "nom" in r.cases and not r.archaic
        ]
        if nouns:
            singular = [r for r in nouns if r.number == "sg"] or nouns
            head = (i, singular[0])
            break
    if head is None:
        return phrase
    index, noun = head
    out = list(words)
    form = _form_of(noun, case, noun.number, noun.genders)
    if form:
        out[index] = _cased(form, words[index])
    # Adjectives before the head, and those right after it, agree with it.
    for i in list(range(index)) + list(range(index + 1, len(words))):
        word = words[i]
        if i > index and not _is_nominative_adjective(word):
            break
        if i < index and not _is_nominative_adjective(word):
            continue
        out[i] = _inflect_compound(word, case, noun.number, noun.genders)
    return " ".join(out)


def _is_nominative_adjective(word: str) -> bool:
    last = word.split("-")[-1]
    return any(r.pos == "adj" and "nom" in r.cases for r in _readings(last))


@lru_cache(maxsize=50_000)
def locative(place: str) -> str:
    """ "Bobrowniki" -> "Bobrownikach", "Nowy Targ" -> "Nowym Targu", "Mszana Dolna" ->
    "Mszanie Dolnej"; by Morfeusz where it knows the words, else by the usual endings.
    Words after a lower-case one stay ("Nakło nad Notecią" -> "Nakle nad Notecią")."""
    words = place.split(" ")
    tail: list[str] = []
    for i, word in enumerate(words):
        if i > 0 and word[:1].islower():
            words, tail = words[:i], words[i:]
            break
    first_geo = any(r.geographic for r in _readings(words[0]))
    if (
        len(words) > 1
        and not first_geo
        and _has_adjective(words[0])
        and not _has_adjective(words[1])
        and _place_reading(words[1]) is not None
    ):
        # A leading adjective ("Nowy Targ", "Stara Wieś"): the noun is the next word.
        head = _place_reading(words[1])
        assert head is not None
        adjective = _inflect_compound(words[0], "loc", head.number, head.genders)
        rest = [_place_part(words[1]), *(_agreeing(w, head) for w in words[2:])]
        return " ".join([adjective, *rest, *tail])
    head = _place_reading(words[0].split("-")[0])
    first = _place_part(words[0])
    rest = [_agreeing(w, head) if head else _place_part(w) for w in words[1:]]
    return " ".join([first, *rest, *tail])


def _place_part(word: str) -> str:
    """One word of a place name in the locative; parts of a hyphenated name each decline on
    their own ("Skarżysku-Kamiennej", "Rabce-Zdroju")."""
    out = []
    for i, part in enumerate(word.split("-")):
        head = _place_reading(part)
        form = None
        if i > 0 or head is None:
            for reading in _readings(part):
                if reading.pos == "adj" and "nom" in reading.cases and not reading.archaic:
                    form = _form_of(reading, "loc", reading.number, reading.genders)
                    if form:
                        break
        if form is None and head is not None:
            form = _form_of(head, "loc", head.number, head.genders)
        if form is None or form.lower() == part.lower():
            out.append(_guess_locative(part))
        else:
            out.append(_cased(form, part))
    return "-".join(out)


def _agreeing(word: str, head: _Reading) -> str:
    """A word after a place's head noun: an adjective agrees with it ("Łęki Górne" ->
    "Łękach Górnych", "Majdan Zahorodyński" -> "Majdanie Zahorodyńskim"); anything else
    declines on its own."""
    for reading in _readings(word):
        if reading.pos == "adj" and "nom" in reading.cases and not reading.archaic:
            form = _form_of(reading, "loc", head.number, head.genders)
            if form:
                return _cased(form, word)
    lower = word.lower()
    soft = lower.endswith(("ki", "gi", "kie", "gie", "ka", "ga"))
    if head.number == "pl" and lower.endswith(("e", "i", "y")) and lower[-2:] not in ("ce",):
        stem = word[:-1] if lower.endswith(("e", "y")) else word[:-1]
        return stem + ("ich" if soft else "ych") if not lower.endswith("ie") else word[:-2] + "ich"
    if lower.endswith(("ski", "cki", "dzki")):
        return word + "m"
    if lower.endswith(("ny", "wy", "ły", "ty", "ry")):
        return word + "m"
    if lower.endswith(("ska", "cka", "dzka")):
        return word[:-1] + "iej"
    if lower.endswith(("na", "wa", "ła", "ta", "ra")):
        return word[:-1] + "ej"
    if lower.endswith(("skie", "ckie")):
        return word[:-1] + "m"
    if lower.endswith(("ne", "we")):
        return word[:-1] + "ym"
    return _place_part(word)


def _has_adjective(word: str) -> bool:
    return any(r.pos == "adj" and "nom" in r.cases and not r.archaic for r in _readings(word))


def _place_reading(word: str) -> _Reading | None:
    """The reading of a place word: a geographic name, else a proper noun that is not a
    person's (m1) or a surname declining as neither number, else a common noun."""
    readings = [
        r
        for r in _readings(word)
        if r.pos == "subst" and "nom" in r.cases and not r.archaic and r.number != "sg.pl"
    ]
    for chosen in (
        [r for r in readings if r.geographic],
        [r for r in readings if r.proper and "m1" not in r.genders],
        [r for r in readings if not r.proper],
    ):
        if chosen:
            return chosen[0]
    return None


_LOC_SOFT = (
    ("st", "ście"), ("zd", "ździe"), ("sł", "śle"), ("ch", "sze"), ("r", "rze"), ("d", "dzie"),
    ("t", "cie"), ("ł", "le"), ("k", "ku"), ("g", "gu"), ("s", "sie"), ("z", "zie"),
    ("n", "nie"), ("ów", "owie"), ("w", "wie"), ("m", "mie"), ("b", "bie"), ("p", "pie"),
    ("f", "fie"), ("ń", "niu"), ("ś", "siu"), ("ć", "ciu"), ("ź", "ziu"), ("l", "lu"),
    ("j", "ju"), ("c", "cu"), ("cz", "czu"), ("sz", "szu"), ("rz", "rzu"), ("ż", "żu"),
)  # fmt: skip


_LOC_FEMININE = (
    ("ta", "cie"), ("ła", "le"), ("ra", "rze"), ("da", "dzie"), ("ka", "ce"), ("ga", "dze"),
    ("sa", "sie"), ("za", "zie"),
)  # fmt: skip


def _guess_locative(word: str) -> str:
    """The usual locative ending of a place-name word Morfeusz does not know."""
    lower = word.lower()
    if lower.endswith(("ice", "yce")):
        return word[:-1] + "ach"
    if lower.endswith(("ki", "gi", "ny", "wy", "ty")):
        return word[:-1] + "ach"
    if lower.endswith(("ska", "cka", "dzka")):
        return word[:-1] + "iej"
    if lower.endswith("a"):
        for ending, replacement in _LOC_FEMININE:
            if lower.endswith(ending):
                return word[: len(word) - len(ending)] + replacement
        return word[:-1] + "ie"
    if lower.endswith(("o", "e")):
        return word[:-1] + "u"
    for ending, replacement in _LOC_SOFT:
        if lower.endswith(ending):
            return word[: len(word) - len(ending)] + replacement
    return word + "u"


def preposition(locative_form: str) -> str:
    """ "w" or "we" ("we Wrocławiu", "we Włoszczowie", "we Frysztaku")."""
    lower = locative_form.lower()
    if lower[:1] in ("w", "f") and len(lower) > 1 and lower[1] not in "aeiouyąęó":
        return "we"
    return "w"


# ---------------------------------------------------------------------------------------------
# Acronyms
# ---------------------------------------------------------------------------------------------

# Acronyms as offices write them, by the type phrase in the nominative. Phrases not listed
# take their capitalised initials ("Gminna Biblioteka Publiczna" -> "GBP").
ACRONYMS: dict[str, str] = {
    "Zespół Szkolno-Przedszkolny": "ZSP",
    "Specjalny Ośrodek Szkolno-Wychowawczy": "SOSW",
    "Powiatowa Stacja Sanitarno-Epidemiologiczna": "PSSE",
    "Środowiskowy Dom Samopomocy": "ŚDS",
    "Poradnia Psychologiczno-Pedagogiczna": "PPP",
    "Zespół Szkół Ponadpodstawowych": "ZSP",
    "Zespół Szkół Ponadgimnazjalnych": "ZSP",
    "Zespół Szkół": "ZS",
    "Zespół Szkolno-Gimnazjalny": "ZSG",
    "Miejsko-Gminny Ośrodek Pomocy Społecznej": "MGOPS",
    "Miejsko-Gminny Ośrodek Kultury": "MGOK",
    "Miejsko-Gminna Biblioteka Publiczna": "MGBP",
    "Liceum Ogólnokształcące": "LO",
    "Szkoła Podstawowa": "SP",
    "Przedszkole Samorządowe": "PS",
    "Przedszkole Publiczne": "PP",
    "Urząd Miasta i Gminy": "UMiG",
    "Powiatowy Zespół do Spraw Orzekania o Niepełnosprawności": "PZON",
    "Samodzielny Publiczny Zakład Opieki Zdrowotnej": "SP ZOZ",
    "Warsztat Terapii Zajęciowej": "WTZ",
    "Dom Pomocy Społecznej": "DPS",
    "Uniwersytet Trzeciego Wieku": "UTW",
}


NOT_SHORTENED = (
    "Klub", "Stowarzyszenie", "Fundacja", "Szpital", "Starostwo", "Parafialny",
    "Placówka", "Dom Dziecka", "Centrum Kultury",
)  # fmt: skip


def acronym_of(phrase: str) -> str | None:
    """The acronym of a type phrase, or None for phrases nobody shortens."""
    if phrase in ACRONYMS:
        return ACRONYMS[phrase]
    # Phrases nobody shortens in a name (or whose initials mean something else: "SP").
    if "+" in phrase or phrase.startswith(NOT_SHORTENED):
        return None
    words = [w for w in re.split(r"[\s-]+", phrase) if w]
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) < 2 or len(capitals) > 6:
        return None
    return "".join(w[0].upper() for w in capitals)


# Endings an acronym takes in prose when it declines ("MOPS-u", "PCPR-em", "GOPS-ie"); an
# acronym ending in a vowel sound or of a feminine head usually does not ("w PPP", "z ŚDS").
_ACRONYM_ENDINGS = {"gen": "-u", "dat": "-owi", "inst": "-em", "loc": "-ie", "voc": "-ie"}
_DECLINING = re.compile(r"(OPS|PCPR|PUP|GOK|MOK|ZSP|SOSW|MOPR|CUS|ZOZ)$")


def inflect_acronym(acronym: str, case: str) -> str:
    if case in ("nom", "acc") or not _DECLINING.search(acronym):
        return acronym
    ending = _ACRONYM_ENDINGS[case]
    if case == "loc" and acronym.endswith(("R", "P")):
        ending = "-ze" if acronym.endswith("R") else "-ie"
    return acronym + ending


def misspell_acronym(acronym: str, rng: random.Random) -> tuple[str, str] | None:
    """An acronym with one letter dropped or two neighbours swapped ("MGOPS" -> "MGPS",
    "ZSP" -> "ZPS"), and which; None when the result would be shorter than three letters or
    the same letters. A slip that spells another acronym in use ("OSP" -> "OPS") is not
    made: nothing in the name could tell it from that institution."""
    letters = acronym.replace(" ", "")
    if len(letters) < 3:
        return None
    options: list[tuple[str, str]] = []
    if len(letters) >= 4:
        for i in range(1, len(letters)):
            options.append((letters[:i] + letters[i + 1 :], "drop"))
    for i in range(len(letters) - 1):
        if letters[i] != letters[i + 1]:
            options.append((letters[:i] + letters[i + 1] + letters[i] + letters[i + 2 :], "swap"))
    taken = _acronyms_in_use()
    options = [o for o in options if o[0] != letters and o[0] not in taken]
    return rng.choice(options) if options else None


@lru_cache(maxsize=1)
def _acronyms_in_use() -> frozenset[str]:
    """Acronyms of the type phrases this generator writes, and of their usual variants."""
    phrases = (
        set(ACRONYMS) | set(FORMER_NAMES) | {o for olds in FORMER_NAMES.values() for o in olds}
    )
    phrases |= {
        "Ośrodek Pomocy Społecznej", "Gminny Ośrodek Pomocy Społecznej",
        "Miejski Ośrodek Pomocy Społecznej", "Ochotnicza Straż Pożarna",
        "Koło Gospodyń Wiejskich", "Ludowy Klub Sportowy", "Uczniowski Klub Sportowy",
        "Gminna Biblioteka Publiczna", "Miejska Biblioteka Publiczna", "Gminny Ośrodek Kultury",
        "Miejski Ośrodek Kultury", "Powiatowe Centrum Pomocy Rodzinie", "Powiatowy Urząd Pracy",
        "Komenda Powiatowa Policji", "Komenda Miejska Policji", "Urząd Gminy", "Urząd Miasta",
        "Sąd Rejonowy", "Sąd Okręgowy", "Miejski Urząd Pracy", "Centrum Usług Społecznych",
    }  # fmt: skip
    return frozenset(a.replace(" ", "") for p in phrases if (a := acronym_of(p)))


# ---------------------------------------------------------------------------------------------
# Abbreviations offices write
# ---------------------------------------------------------------------------------------------

# Word -> abbreviations seen for it (by the word's form as written in the name, so both
# "Szkoła" and "Szkół" are there). Hyphenated first parts ("Szkolno-") abbreviate with the hyphen kept.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "Szkoła": ("Szk.",),
    "Szkół": ("Szk.",),
    "Podstawowa": ("Podst.", "Podstaw."),
    "Zespół": ("Zesp.", "Zes."),
    "Szkolno": ("Szk.",),
    "Przedszkolny": ("Przedszk.",),
    "Przedszkole": ("Przedszk.", "Przedsz."),
    "Ponadpodstawowych": ("Ponadpodst.",),
    "Ponadgimnazjalnych": ("Ponadgimn.",),
    "Gminny": ("Gm.", "Gmin."),
    "Gminna": ("Gm.", "Gmin."),
    "Gminne": ("Gm.",),
    "Miejski": ("Miej.", "M."),
    "Miejska": ("Miej.",),
    "Miejsko": ("Miej.", "M."),
    "Ośrodek": ("Ośr.",),
    "Pomocy": ("Pom.",),
    "Społecznej": ("Społ.",),
    "Społecznych": ("Społ.",),
    "Powiatowe": ("Pow.",),
    "Powiatowy": ("Pow.",),
    "Powiatowa": ("Pow.",),
    "Centrum": ("Centr.",),
    "Rodzinie": ("Rodz.",),
    "Poradnia": ("Por.", "Pornia"),
    "Psychologiczno": ("Psych.", "Psychol."),
    "Pedagogiczna": ("Ped.", "Pedag."),
    "Biblioteka": ("Bibl.", "Bibl"),
    "Publiczna": ("Publ.",),
    "Publiczne": ("Publ.",),
    "Samorządowe": ("Samorz.",),
    "Specjalny": ("Spec.", "Specj."),
    "Wychowawczy": ("Wych.",),
    "Ochotnicza": ("Ochot.",),
    "Pożarna": ("Poż.",),
    "Gospodyń": ("Gosp.",),
    "Wiejskich": ("Wiejsk.", "Wiej."),
    "Stowarzyszenie": ("Stow.",),
    "Fundacja": ("Fund.",),
    "Kultury": ("Kult.",),
    "Urząd": ("Urz.",),
    "Gminy": ("Gm.",),
    "Środowiskowy": ("Środ.",),
    "Samopomocy": ("Samopom.",),
    "Komenda": ("Kom.",),
    "Policji": ("Pol.",),
    "Sportowy": ("Sport.",),
    "Ludowy": ("Lud.",),
    "Uczniowski": ("Ucz.",),
    "Klub": ("Kl.",),
    "Stacja": ("St.",),
    "Sanitarno": ("Sanit.",),
    "Epidemiologiczna": ("Epid.",),
    "Liceum": ("Lic.",),
    "Ogólnokształcące": ("Ogólnokszt.", "Ogólnokształc."),
    "Opiekuńczo": ("Opiek.",),
    "Świetlica": ("Świetl.",),
    "Środowiskowa": ("Środ.",),
    "Terapii": ("Ter.",),
    "Zajęciowej": ("Zaj.",),
    "Usług": ("Usł.",),
    "Dom": ("D.",),
}


def abbreviate(phrase: str, rng: random.Random, share: float) -> str:
    """Abbreviate about `share` of the words of a type phrase that offices shorten (at least
    one when any can be)."""
    words = phrase.split(" ")
    slots: list[tuple[int, int]] = []  # (word index, part index)
    parts = [w.split("-") for w in words]
    for i, word_parts in enumerate(parts):
        for j, part in enumerate(word_parts):
            if part in ABBREVIATIONS:
                slots.append((i, j))
    if not slots:
        return phrase
    chosen = [s for s in slots if rng.random() < share] or [rng.choice(slots)]
    for i, j in chosen:
        parts[i][j] = rng.choice(ABBREVIATIONS[parts[i][j]])
    out = []
    for word_parts in parts:
        joined = "-".join(word_parts)
        out.append(joined.replace(".-", ".-"))
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# Former names
# ---------------------------------------------------------------------------------------------

# Current type phrase -> former type phrases of the same institution (renamed by a reform or
# a council's resolution). A gmina's OPS became a CUS (Act of 19 July 2019 on social services
# centres); lower secondary schools (gimnazja) were turned into primary schools or merged in
# 2017-2019; "ponadgimnazjalne" schools became "ponadpodstawowe"; children's homes became
# care-and-education units (2011); cultural centres often became "centra kultury".
FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "Centrum Usług Społecznych": (
        "Gminny Ośrodek Pomocy Społecznej",
        "Miejski Ośrodek Pomocy Społecznej",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej",
        "Ośrodek Pomocy Społecznej",
    ),
    "Szkoła Podstawowa": ("Gimnazjum", "Publiczne Gimnazjum"),
    "Zespół Szkół Ponadpodstawowych": ("Zespół Szkół Ponadgimnazjalnych",),
    "Zespół Szkolno-Przedszkolny": ("Zespół Szkolno-Gimnazjalny",),
    "Placówka Opiekuńczo-Wychowawcza": ("Dom Dziecka",),
    "Gminne Centrum Kultury": ("Gminny Ośrodek Kultury",),
    "Centrum Kultury": ("Gminny Ośrodek Kultury", "Miejski Ośrodek Kultury"),
}
