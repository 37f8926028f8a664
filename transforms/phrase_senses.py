"""Which sense a phrase of the service table has where it stands.

Words of the phrase table (`transforms.taxonomy`) name a form of support in most sentences and
something else in a few: "żywność" is food aid in "wydajemy żywność" but the thing sampled in
"pobieranie próbek żywności"; "szczepienie" is health care in "szczepienia dzieci" but a
document's name in "karta szczepień"; "świetlica" is day care in "prowadzimy świetlicę" but a
room among rooms in "znajdują się: szatnie, siłownia, świetlica, sanitariaty"; "wyżywienie" is
material aid when given, board when priced ("wyżywienie w bursie, koszt 10 zł");
"rehabilitacyjno-" in "ośrodek koordynacyjno-rehabilitacyjno-opiekuńczy" is part of the name of
a kind of unit, not rehabilitation offered; "pobyt stały" is a care home's stay, but a
residence registered at an office in "mieszkańców zameldowanych na pobyt stały"; "opieka
dzienna" is day care, but psychiatry in "opieki dziennej psychiatrycznej"; "doradztwo" is
counselling, but a dietitian's trade in "doradztwa żywieniowego"; "kształcenie" is education,
but career guidance's subject in "wyborze kierunku kształcenia"; "leczenie" is health care,
but addiction support or psychiatry in "leczenia uzależnień"; "terapeutyczny" is therapy in
"zajęcia terapeutyczne", a quality in "program terapeutyczny"; "sytuacja kryzysowa" is crisis
intervention where help is given "w sytuacjach kryzysowych", a ground of need in "trudności
wynikające z … sytuacji kryzysowych".

`other_sense(tokens, match)` decides from the words around the phrase, by their Morfeusz
lemmas, word classes and cases (never by a host, an institution or a listed sentence), and
says which other sense the phrase has; None when it names the form of support.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from transforms.foster_families import foster_families_as_a_group
from transforms.morphology import Analysis, analyse_word
from transforms.taxonomy_reading import Match, Token
from transforms.text import fold

__all__ = ["other_sense"]

# Nouns whose genitive complement is a thing recorded, sampled or checked, not a service given:
# "karta szczepień", "próbek żywności", "kontrola żywności", "dokumentacja leczenia".
_RECORD_NOUNS = frozenset(
    {
        "karta",
        "książeczka",
        "kalendarz",
        "dokumentacja",
        "ewidencja",
        "próbka",
        "kontrola",
        "jakość",
        "bezpieczeństwo",
        "produkcja",
        "sprzedaż",
        "obrót",
        "etykieta",
        "etykietowanie",
        "znakowanie",
        "partia",
        "skład",
    }
)
# Adjectives that make food or goods a hazard to be checked, not aid: "niebezpiecznej żywności".
_HAZARD_ADJECTIVES = frozenset(
    {"niebezpieczny", "skażony", "zepsuty", "przeterminowany", "szkodliwy", "podrobiony"}
)
# Rooms of a building: a service word listed among them is a room too ("strzelnica, szatnie,
# siłownia, świetlica, sanitariaty").
_ROOM_NOUNS = frozenset(
    {
        "pomieszczenie",
        "sala",
        "pokój",
        "szatnia",
        "sanitariat",
        "łazienka",
        "toaleta",
        "kuchnia",
        "aneks",
        "korytarz",
        "magazyn",
        "archiwum",
        "garaż",
        "siłownia",
        "dyżurka",
        "strzelnica",
        "serwerownia",
        "kotłownia",
        "wentylatornia",
        "jadalnia",
        "stołówka",
        "hol",
        "piwnica",
        "pralnia",
        "składnica",
        "parking",
        "poczekalnia",
    }
)
# Kinds of units whose type a compound adjective names: "ośrodek koordynacyjno-rehabilitacyjno-
# opiekuńczy", "programy korekcyjno-edukacyjne oraz psychologiczno-terapeutyczne".
_UNIT_NOUNS = frozenset(
    {
        "ośrodek",
        "placówka",
        "dom",
        "jednostka",
        "zakład",
        "centrum",
        "poradnia",
        "program",
        "typ",
    }
)
# Codes of goods given: priced, they are sold or charged for, not aid.
_GOODS = frozenset({"material_aid"})
_PRICE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:zl|zlotych|pln)\b|\bkoszt\w*\s\d|\bstawk\w* dzienn")
_FREE = re.compile(r"\b(?:bezplatn|nieodplatn|darmow)")
_HYPHEN = re.compile(r"^\s?[-–]\s?$")
_LIST_GAP = re.compile(r"[,:;•]")
_CONJUNCTIONS = frozenset({"i", "oraz", "lub", "albo", "a", "także"})


@lru_cache(maxsize=65_536)
def _readings(word: str) -> tuple[Analysis, ...]:
    """The Morfeusz readings of a word, read in lower case."""
    return tuple(analyse_word(word.lower()))


def _lemmas(token: Token) -> frozenset[str]:
    return frozenset(r.lemma.lower() for r in _readings(token.text))


def _genitive(token: Token) -> bool:
    return any("gen" in r.cases for r in _readings(token.text) if r.pos in ("subst", "ger"))


def _adjective(token: Token) -> bool:
    return any(r.pos in ("adj", "adja") for r in _readings(token.text))


def _recorded(tokens: Sequence[Token], match: Match) -> str | None:
    """ "karta szczepień", "próbek żywności", "o niebezpiecznej żywności"."""
    if match.start == 0 or _LIST_GAP.search(tokens[match.start].gap_before):
        return None
    before = tokens[match.start - 1]
    if before.lemmas & {"opieka", "pomoc", "wsparcie"}:
        return None
    if _lemmas(before) & _HAZARD_ADJECTIVES:
        return "a hazard to be checked, not aid"
    if _lemmas(before) & _RECORD_NOUNS and _genitive(tokens[match.start]):
        return "a thing recorded or checked, not a service"
    # "brak uzależnienia od nałogów" (a condition of admission): an absence.
    if "brak" in _lemmas(before) and _genitive(tokens[match.start]):
        return "an absence, not a service"
    return None


def _priced(tokens: Sequence[Token], match: Match) -> str | None:
    """ "Wyżywienie w bursie, koszt 10 zł": board charged for, not material aid."""
    if match.rule.code not in _GOODS:
        return None
    text = fold("".join(t.gap_before + t.text for t in tokens)).lower()
    if _PRICE.search(text) and not _FREE.search(text):
        return "goods charged for, not aid"
    return None


# What a person brings along: "Wyposażenie ucznia do internatu: przybory toaletowe, …, odzież".
_BROUGHT = frozenset({"wyposażenie", "przybór", "zabrać", "zabierać", "przynieść", "przynosić"})


def _brought(tokens: Sequence[Token], match: Match) -> str | None:
    """Goods on a list of what someone brings along, not goods given."""
    if match.rule.code not in _GOODS:
        return None
    if any(_lemmas(token) & _BROUGHT for token in tokens[: match.start]):
        return "goods someone brings, not aid"
    return None


def _within_residential_care(tokens: Sequence[Token], match: Match) -> str | None:
    """ "Dom zapewnia całodobową opiekę, a w szczególności usługi bytowe, opiekuńcze…": the
    care services of a residential home, not care given in a person's own home."""
    if match.rule.code != "home_care":
        return None
    text = fold("".join(t.gap_before + t.text for t in tokens)).lower()
    return "a home's round-the-clock care" if re.search(r"\bcalodobow", text) else None


# Words of registering where one lives: "mieszkańców zameldowanych na pobyt stały".
_REGISTRATION = frozenset({"zameldować", "zameldowanie", "meldunek", "meldować", "wymeldować"})
_COUNT = re.compile(r"^\d[\d\s.]*$")


def _registered_residence(tokens: Sequence[Token], match: Match) -> str | None:
    """ "24.221 mieszkańców zameldowanych na pobyt stały", "Liczba mieszkańców … Pobyt stały -
    2105": a residence registered at an office (and counted), not a stay in a care home."""
    if match.rule.code != "residential_care" or not tokens[match.start].lemmas & {"pobyt"}:
        return None
    if any(_lemmas(token) & _REGISTRATION for token in tokens):
        return "a registered residence, not residential care"
    after = tokens[match.end] if match.end < len(tokens) else None
    if after is not None and _COUNT.match(after.text) and re.search(r"[-–:]", after.gap_before):
        return "a count of registered residents, not residential care"
    return None


# Care of a general kind that an adjective makes psychiatric: "opieki dziennej psychiatrycznej",
# "psychiatrycznej opieki zdrowotnej", "stacjonarną opiekę psychiatryczną".
_CARE_CODES = frozenset({"day_care", "health_care", "residential_care"})


def _neighbours(tokens: Sequence[Token], match: Match) -> list[Token]:
    """The words right before and right after a match, each when no list's gap (a comma, a
    semicolon) stands between it and the match."""
    before = tokens[match.start - 1] if match.start else None
    after = tokens[match.end] if match.end < len(tokens) else None
    return [
        word
        for word, gap in (
            (before, tokens[match.start].gap_before),
            (after, after and after.gap_before),
        )
        if word is not None and not _LIST_GAP.search(gap or "")
    ]


def _psychiatric_care(tokens: Sequence[Token], match: Match) -> str | None:
    """Day, health or in-patient care said to be psychiatric is psychiatry (the adjective
    states it), not day care for children or seniors, other health care or a care home."""
    if match.rule.code not in _CARE_CODES:
        return None
    if any("psychiatryczny" in _lemmas(word) for word in _neighbours(tokens, match)):
        return "psychiatric care, which is psychiatry"
    return None


# Advice in a trade is not counselling: "doradztwa żywieniowego", "doradztwo energetyczne",
# "porady podatkowe", "doradztwo kredytowe". Counselling is on a person's or a family's matters
# (poradnictwo rodzinne, prawne, psychologiczne, zawodowe), which these adjectives never are.
_TRADE_ADJECTIVES = frozenset(
    {
        "żywieniowy",
        "dietetyczny",
        "energetyczny",
        "podatkowy",
        "kredytowy",
        "inwestycyjny",
        "rolniczy",
        "techniczny",
        "handlowy",
        "marketingowy",
        "biznesowy",
        "ubezpieczeniowy",
        "kosmetyczny",
        "budowlany",
    }
)


def _trade_advice(tokens: Sequence[Token], match: Match) -> str | None:
    """ "doradztwa żywieniowego i układania jadłospisów" is a dietitian's advice, not the
    counselling of the service table: an adjective of a trade right before or after the word."""
    if match.rule.code != "counselling":
        return None
    if any(_lemmas(word) & _TRADE_ADJECTIVES for word in _neighbours(tokens, match)):
        return "advice in a trade, not counselling"
    return None


# A social worker's grade names a post, not the work offered: "Specjalista pracy socjalnej",
# "starszy specjalista pracy socjalnej", "Specjalista pracy z rodziną" in a list of staff.
_GRADE_CODES = frozenset({"social_work", "family_support"})


def _social_workers_grade(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code not in _GRADE_CODES or not match.start:
        return None
    before = tokens[match.start - 1]
    if "specjalista" in _lemmas(before) and not _LIST_GAP.search(tokens[match.start].gap_before):
        return "a social worker's grade, not a service"
    return None


# A length of service, not a traineeship: "co najmniej roczny staż pracy z dziećmi", "rodzinom
# zastępczym z wieloletnim stażem" (a job's requirement, an award's reason). A traineeship
# offered is "staże dla bezrobotnych", "organizujemy staże".
_DURATION_LEMMAS = frozenset({"roczny", "miesięczny", "wieloletni", "długoletni", "kilkuletni"})
# "dwuletni", "pięcioletni": years of service; but "letni" alone is a summer's ("letnie staże"
# are traineeships offered) and "nastoletni" a teenager's.
_YEARS_ENDING = "letni"
_NOT_YEARS = frozenset({"letni", "nastoletni"})


def _length_of_service(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code != "employment_services" or "staż" not in tokens[match.start].lemmas:
        return None
    after = tokens[match.end] if match.end < len(tokens) else None
    if after is not None and "praca" in _lemmas(after):
        return "a length of service, not a traineeship"
    if match.start and any(
        lemma in _DURATION_LEMMAS or (lemma.endswith(_YEARS_ENDING) and lemma not in _NOT_YEARS)
        for lemma in _lemmas(tokens[match.start - 1])
    ):
        return "a length of service, not a traineeship"
    return None


# A field of study, not a service: "wykształcenie wyższe na kierunku praca socjalna",
# "ukończyła studia w zakresie pracy socjalnej" (a job's requirement or a person's degree).
_STUDY_NOUNS = frozenset({"kierunek", "studia", "studium"})


def _field_of_study(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code == "education":  # "kierunek kształcenia": `_course_of_schooling`
        return None
    for index in range(max(0, match.start - 3), match.start):
        if not _lemmas(tokens[index]) & _STUDY_NOUNS:
            continue
        between = tokens[index + 1 : match.start + 1]
        # "kierunku kształcenia oraz terapię pedagogiczną": another item, not the field
        if not any(
            _LIST_GAP.search(token.gap_before) or token.text.lower() in _CONJUNCTIONS
            for token in between
        ):
            return "a field of study, not a service"
    return None


# An assessment of a community's needs, not a diagnosis of a child: "Opracowywanie diagnozy
# potrzeb i potencjału wspólnoty samorządowej", "z przeprowadzonej diagnozy potrzeb …
# społeczności lokalnej", "diagnoza problemów społecznych gminy". A child's needs stay
# diagnosis ("diagnozowanie poziomu rozwoju, potrzeb i możliwości dzieci").
_ASSESSED = frozenset({"potrzeba", "problem", "zjawisko", "trudność"})
_SITUATION = frozenset({"sytuacja", "przyczyna"})
_PROBLEMS = frozenset({"problem", "trudność"})
_FAMILY = frozenset({"rodzina", "środowiskowy"})
_COMMUNITY = frozenset(
    {"wspólnota", "społeczność", "społeczny", "samorządowy", "lokalny", "mieszkaniec", "gmina"}
)


def _needs_assessment(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code != "diagnosis":
        return None
    # "dzieci ze zdiagnozowanymi całościowymi zaburzeniami rozwoju": a condition diagnosed
    # before, whom an offer is for, not a diagnosis given
    if fold(tokens[match.start].text).lower().startswith("zdiagnozowan"):
        return "a condition diagnosed before, not a diagnosis given"
    if match.end >= len(tokens):
        return None
    following = _lemmas(tokens[match.end])
    # "diagnoza sytuacji, rozmowa i szukanie rozwiązań", "diagnostykę przyczyn, które wpływają
    # na skuteczność pomocy rodzinom": a situation or its causes assessed, not a person
    # diagnosed (which a diagnosis of a child, an adult or a disorder is).
    # ("diagnozowanie indywidualnych sytuacji uczniów": an adjective may stand between)
    if any(_lemmas(token) & _SITUATION for token in tokens[match.end : match.end + 2]):
        return "an assessment of a situation, not a diagnosis"
    if not following & _ASSESSED:
        return None
    near = tokens[match.end : match.end + 6]
    if any(_lemmas(token) & _COMMUNITY for token in near):
        return "an assessment of a community's needs, not a diagnosis"
    # "diagnozowanie problemów rodziny poprzez … wywiad środowiskowy": a family's problems
    # assessed by a social worker or a family assistant, social work's first step
    if following & _PROBLEMS and any(_lemmas(token) & _FAMILY for token in near[1:3]):
        return "an assessment of a family's problems, not a diagnosis"
    return None


# What schooling is planned or chosen, not schooling given: "pomocy w wyborze kierunku
# kształcenia i zawodu", "planowaniu kształcenia i kariery zawodowej", "zmieniono profil
# kształcenia". The phrase is career guidance's subject (or a school's profile). Help "związanej
# z wychowywaniem i kształceniem dzieci" is help on matters of schooling, not schooling either.
_COURSE_NOUNS = frozenset({"kierunek", "planowanie", "profil"})
_RELATED = frozenset({"związać", "związany"})


def _course_of_schooling(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code != "education" or not match.start:
        return None
    before = tokens[match.start - 1]
    if _lemmas(before) & _COURSE_NOUNS and not _LIST_GAP.search(tokens[match.start].gap_before):
        return "a course of schooling chosen or planned, not education"
    if any(_lemmas(token) & _RELATED for token in tokens[max(0, match.start - 4) : match.start]):
        return "the matter help is related to, not education"
    return None


# Treatment of addiction or of mental disorders is addiction support or psychiatry, not other
# health care: "leczenia uzależnień", "Leczenie psychiatryczne i uzależnień", "leczeniu w
# zakładzie lecznictwa odwykowego", "diagnostyki, leczenia oraz rehabilitacji osób z
# zaburzeniami psychicznymi".
_TREATED = frozenset(
    {
        "uzależnienie",
        "alkoholizm",
        "narkomania",
        "odwykowy",
        "psychiatryczny",
        "psychiczny",
        "psychiatria",
    }
)
_TREATMENT_REACH = 6


def _treatment_of_a_kind(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code != "health_care" or not tokens[match.start].lemmas & {"leczenie", "leczyć"}:
        return None
    for token in tokens[match.end : match.end + _TREATMENT_REACH]:
        if re.search(r"[;:•()]", token.gap_before):
            break
        if _lemmas(token) & _TREATED:
            return "treatment of addiction or of mental disorders, not other health care"
    return None


# Nouns that "terapeutyczny" qualifies without naming a therapy offered: "programy
# terapeutyczne", "działań diagnostycznych/terapeutycznych", "oddziaływań terapeutycznych",
# "kontaktu terapeutycznego", "niektóre formy terapeutyczne – logopedyczną, psychologiczną".
# "zajęcia terapeutyczne", "sesja terapeutyczna", "grupa terapeutyczna" stay therapy.
_QUALIFIED_NOUNS = frozenset(
    {
        "program",
        "działanie",
        "oddziaływanie",
        "forma",
        "kontakt",
        "proces",
        "charakter",
        "cel",
        "plan",
        "element",
        "efekt",
        "podejście",
        "zespół",
        "kadra",
    }
)


def _therapeutic_quality(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code != "therapy" or match.end - match.start != 1:
        return None
    if "terapeutyczny" not in _lemmas(tokens[match.start]):
        return None
    index = match.start - 1
    while index >= 0 and (
        tokens[index].text.lower() in _CONJUNCTIONS
        or (_adjective(tokens[index]) and not _lemmas(tokens[index]) & _QUALIFIED_NOUNS)
    ):
        index -= 1
    if index >= 0 and _lemmas(tokens[index]) & _QUALIFIED_NOUNS:
        return "a quality of a programme or an action, not a therapy offered"
    return None


# A crisis as a ground of need, not crisis intervention: the statute's grounds of psychological-
# pedagogical help on every school's and counselling centre's page ("wynikających w
# szczególności … z sytuacji kryzysowych lub traumatycznych"), "trudności wynikające np. z
# niepełnosprawności, …, sytuacji kryzysowych". Help "w sytuacjach kryzysowych" stays read.
_GROUND_VERBS = frozenset({"wynikać", "wynikający"})
_HELP_NOUNS = frozenset({"pomoc", "wsparcie", "interwencja", "działanie"})
# help right before the crisis: "pomocy osobom w sytuacjach …", "wsparcie w kryzysie"
_HELP_WORDS = _HELP_NOUNS | {"w", "we"}


def _crisis_as_a_ground(tokens: Sequence[Token], match: Match) -> str | None:
    if match.rule.code != "crisis_intervention" or "sytuacja" not in tokens[match.start].lemmas:
        return None
    if any(_lemmas(token) & _HELP_WORDS for token in tokens[max(0, match.start - 2) : match.start]):
        return None  # "pomocy osobom w sytuacjach kryzysowych i traumatycznych" is offered
    after = tokens[match.end : match.end + 2]
    if (
        len(after) == 2
        and after[0].text.lower() in ("lub", "i", "oraz")
        and "traumatyczny" in _lemmas(after[1])
    ):
        return "a crisis or a trauma as a ground of need, not crisis intervention"
    grounds = [i for i in range(match.start) if _lemmas(tokens[i]) & _GROUND_VERBS]
    between = tokens[grounds[-1] + 1 : match.start] if grounds else []
    if grounds and not any(_lemmas(token) & _HELP_NOUNS for token in between):
        # "trudności wynikające np. z …, sytuacji kryzysowych"; not "… wynikające z ustawy,
        # zapewnia wsparcie osobom doświadczającym sytuacji kryzysowych"
        return "a crisis as a ground of need, not crisis intervention"
    return None


def _among_rooms(tokens: Sequence[Token], match: Match) -> str | None:
    """ "znajdują się: dyżurka, szatnie, siłownia, świetlica, sanitariaty": a room."""
    listed = match.start > 0 and _LIST_GAP.search(tokens[match.start].gap_before)
    followed = match.end < len(tokens) and _LIST_GAP.search(tokens[match.end].gap_before)
    if not (listed or followed):
        return None
    rooms = sum(
        1
        for i, token in enumerate(tokens)
        if not match.start <= i < match.end and _lemmas(token) & _ROOM_NOUNS
    )
    return "a room among rooms" if rooms >= 2 else None


def _compound_span(tokens: Sequence[Token], index: int) -> tuple[int, int]:
    """The hyphenated compound adjective a word is part of ("koordynacyjno-rehabilitacyjno-
    opiekuńczy"): first and last token index; (index, index) when it stands alone."""
    start = index
    while (
        start > 0
        and _HYPHEN.match(tokens[start].gap_before)
        and tokens[start - 1].text.lower().endswith("o")
    ):
        start -= 1
    end = index
    while (
        end + 1 < len(tokens)
        and _HYPHEN.match(tokens[end + 1].gap_before)
        and tokens[end].text.lower().endswith("o")
    ):
        end += 1
    return start, end


def _names_a_kind_of_unit(tokens: Sequence[Token], match: Match) -> str | None:
    """A service adjective inside a compound that qualifies a kind of unit or programme:
    "ośrodek koordynacyjno-rehabilitacyjno-opiekuńczy", "w programach korekcyjno-edukacyjnych
    oraz psychologiczno-terapeutycznych". Compounds qualifying activities stay services
    ("zajęcia edukacyjno-terapeutyczne")."""
    if match.end - match.start != 1:
        return None
    start, end = _compound_span(tokens, match.start)
    # A capitalised compound is a name ("Ośrodek Rehabilitacyjno-Edukacyjno-Wychowawczy"):
    # whether a name opening a sentence says what the unit offers is decided with names.
    if start == end or tokens[start].text[:1].isupper():
        return None
    index = start - 1
    steps = 0
    while index >= 0 and steps < 8:
        token = tokens[index]
        if _LIST_GAP.search(tokens[index + 1].gap_before) and steps:
            return None
        lower = token.text.lower()
        if lower in _CONJUNCTIONS or _adjective(token) or lower.endswith("o"):
            index -= 1
            steps += 1
            continue
        if _lemmas(token) & _UNIT_NOUNS:
            return "the type of a unit or programme, not a service"
        return None
    return None


def other_sense(tokens: Sequence[Token], match: Match) -> str | None:
    """Why the service phrase `match` means something else where it stands (a thing recorded
    or checked, goods charged for, a room, a unit's type), or None when it names the form of
    support."""
    for reading in (
        _recorded,
        _priced,
        _brought,
        _within_residential_care,
        _registered_residence,
        _psychiatric_care,
        _trade_advice,
        _social_workers_grade,
        _course_of_schooling,
        _length_of_service,
        _field_of_study,
        _needs_assessment,
        _treatment_of_a_kind,
        _therapeutic_quality,
        _crisis_as_a_ground,
        _among_rooms,
        _names_a_kind_of_unit,
        foster_families_as_a_group,
    ):
        reason = reading(tokens, match)
        if reason:
            return reason
    return None
