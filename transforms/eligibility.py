"""Who may come and on what terms, as a Polish text states it: age ranges ("dzieci od 0 do 3
lat", "młodzież do 18 lat", "osoby, które ukończyły 18 rok życia"), fees ("bezpłatnie",
"nieodpłatnie", "odpłatność") and referral ("bez skierowania", "na podstawie orzeczenia").

Each reader takes the sentences of a text (`transforms.support_statements.sentences`) and keeps
the sentence it read as evidence. Patterns match folded lower-case text, so a page written
without Polish letters reads the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from transforms.morphology import analyse_word
from transforms.numerals import with_digits
from transforms.text import fold


@dataclass(frozen=True, slots=True)
class AgeRange:
    """An age range someone served is stated to be in; an open end is None."""

    min: float | None
    max: float | None
    evidence: str


@dataclass(frozen=True, slots=True)
class Fees:
    """Whether the text says the support is free (`free`) or paid, with its sentence."""

    free: bool
    evidence: str


@dataclass(frozen=True, slots=True)
class Referral:
    """Whether the text says a referral or certificate is needed, with its sentence."""

    required: bool
    evidence: str


# --- ages --------------------------------------------------------------------------------------

# A number of years, "2,5" (a half) too; "18." and "18-go" are ordinals.
_N = r"(\d{1,2}(?:[,.]5(?!\d))?)(?:\s?-?(?:go|tego|ego|ty|ym)|\.)?"
# Months or weeks of life (their number and unit captured): weeks and months below a year start
# the range in the first year (0), whole and half years of months are years ("od 18 miesięcy" is
# 1.5, "po 12 miesiącu życia" 1).
_INFANT = r"(?:(\d{1,2})\.?\s?(miesi\w*|m-c\w*|mies\.|tygodni\w*|tyg\.)(?:\s?zycia)?)"
# A month or week as one end of a range in months: "6.", "18. miesiąca życia", "17-18 miesiąca"
# (an approximate month: its later number), "20 tygodni"; the unit may be the other end's.
_MONTHS_END = (
    r"(?:\d{1,2}\s?-\s?)?(\d{1,2})\.?(?:\s?(miesi\w*|mies\.|m-c\w*|tygodni\w*|tyg\.)"
    r"(?:\s?zycia)?)?"
)
# The end of the school year in which a child turns an age: "do końca roku szkolnego, w którym
# dziecko kończy 3 rok życia" (a nursery's or preschool's statute)
_SCHOOL_YEAR_END = (
    rf"do (?:konca|zakonczenia) roku szkolnego,?[^.;]{{0,60}}?\bw ktorym (?:dziecko )?"
    rf"(?:konczy|ukonczy) {_N}\s?(?:lat\w*|rok\w*(?: zycia)?)"
)
_YEARS = r"(?:lat[a]?\b|lat\w*|roku? zycia|r\.\s?z\.|rz\b|rok\w* zycia|r\. zycia)"
_ADULT_MIN = 18
# Birth, or the first days, weeks or months of life, as a lower bound of 0.
# (`with_digits` has made "pierwszych" a 1 where the sentence has years in words.)
_BIRTH = r"(?:(?:chwili |momentu )?urodzenia\b|(?:pierwszych|1) (?:dni|tygodni|miesiecy) zycia\b)"
_YEAR_WORD = re.compile(r"\b(?:lat|lata|rok\w*|r\.\s?z\.)")
# Words that say the numbers are the ages of people served, not years of activity.
_PEOPLE = re.compile(
    # the plural's alternated stem too: "pacjenci", "klienci", "uczestnicy", "studenci", "dziećmi"
    r"\b(?:dzie(?:ci|ck|cm)|mlodziez|osob|uczni|uczestni[kc]|wychowan|pacjen[tc]|senior|chlop|dziewcz"
    r"|studen[tc]|klien[tc]"
    r"|mieszkan|nastolat|przedszkol|zlob|maluch|bezrobotn|niemowl|podopieczn|kobiet|mezczyzn|doros|pelnolet|uczeszcza"
    r"|mlod(?:zi|ych|ym)\b"
    # a nursery's groups by age: "Maluszki - od 5 miesiąca", "Starszaki - od 24 miesiąca do 3 lat"
    r"|maluszk|starszak|sredniacz"
    r"|przyjmuj|przeznaczon|adopt|kandydat|latk|latek|letni|ukonczy|ukonczon)"
)
_AGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # weeks or months reached and a year not yet: "dzieci, które ukończyły co najmniej 20 tygodni
    # i nie ukończyły 3 roku życia" (tune k006)
    (
        re.compile(
            rf"\b[us]konczyl\w*\s(?:co najmniej\s|minimum\s)?{_INFANT},?\s(?:a|i|oraz)\s"
            rf"(?:nie przekroczyl\w*|nie ukonczyl\w*)\s{_N}\s?{_YEARS}"
        ),
        "infant-max",
    ),
    # a year's age to coming of age: "od 10 roku życia do pełnoletniości" (tune k050)
    (
        re.compile(
            rf"\bod\s(?:ukonczenia\s)?{_N}\s?(?:{_YEARS}|roku\b)\s?do\s(?:osiagniecia\s|uzyskania\s)?"
            r"pelnolet\w*"
        ),
        "min-adult",
    ),
    # both bounds said of the people: "dzieci i młodzieży, które ukończyły 7 rok życia, a nie
    # przekroczyły 16 lat"
    (
        re.compile(
            rf"\b(?:[us]konczyl\w*|ukonczon\w*)\s{_N}\s?{_YEARS},?\s(?:a|i|oraz)\s"
            rf"(?:nie przekroczyl\w*|nie ukonczyl\w*)\s{_N}\s?{_YEARS}"
        ),
        "min-max",
    ),
    # "od urodzenia do 25-tego roku życia", "od urodzenia do ukończenia szkoły", "od momentu
    # urodzenia"
    # and from the first days of life: "Przyjmujemy dzieci od pierwszych dni życia do ukończenia
    # 24 lat" (tune k015)
    (
        re.compile(rf"\bod {_BIRTH} do (?:ukonczenia )?{_N}\s?{_YEARS}"),
        "0-max",
    ),
    (re.compile(rf"\bod {_BIRTH}"), "0-"),
    # "w wieku od kilku miesięcy do 30 lat" (tune i015): some months of life are the first year
    (
        re.compile(
            rf"\bod kilk\w* (?:miesi\w*|tygodni\w*)(?: zycia)?\s?(?:-|–|do)\s?(?:ukonczenia\s)?"
            rf"{_N}\s?(?:{_YEARS}|roku\b)"
        ),
        "0-max",
    ),
    # the school years in which a child turns its ages: "od początku roku szkolnego … w którym
    # dziecko kończy 3 lata, do końca roku szkolnego … w którym dziecko kończy 7 lat"
    (
        re.compile(
            rf"\bod poczatku roku szkolnego[^.;]{{0,80}}?\bw ktorym (?:dziecko )?(?:konczy|ukonczy)"
            rf" {_N}\s?(?:lat\w*|rok\w*(?: zycia)?),?\s{_SCHOOL_YEAR_END}"
        ),
        "min-max",
    ),
    # a year's age to the end of the school year in which a child turns another: "dzieci w wieku
    # od 2 lat do zakończenia roku szkolnego, w którym dziecko ukończy 3 rok życia" (a nursery's
    # older group, fresh y005)
    (
        re.compile(rf"\bod\s(?:ukonczenia\s)?{_N}\s?(?:{_YEARS}|roku\b),?\s{_SCHOOL_YEAR_END}"),
        "min-max",
    ),
    # "w wieku 14-18 lat", "w wieku od 7 do 14 lat", "między 15 a 24 rokiem życia", "Dzieci od
    # 0 – 1 roku",
    # "od ukończenia 2. roku życia do ukończenia 16. roku życia", "(7-8 lat)"
    (
        re.compile(
            rf"\b(?:w wieku|wieku)?\s?(?:od|miedzy)?\s?(?:ukonczenia )?{_N}\s?(?:(?:{_YEARS}|roku?\b)\s?)?"
            rf"(?:-|–|do|a)\s?(?:ukonczenia )?{_N}\s?(?:{_YEARS}|roku\b)"
        ),
        "min-max",
    ),
    # "od 3 miesięcy do 6 lat", "od 20. tygodnia życia do 3 lat", "od ukończenia 20. tygodnia
    # życia do ukończenia 3. roku życia", "po 12 miesiącu życia do 3 lat", "od 20 tygodnia życia
    # do 1. roku", "od ukończenia 18 miesiąca życia do końca roku szkolnego, w którym dziecko
    # kończy 3 rok życia"
    (
        re.compile(
            rf"\b(?:od|po)\s(?:ukonczeni[au]\s)?{_INFANT}\s?(?:(?:-|–|do)\s?(?:ukonczenia\s)?{_N}"
            rf"\s?(?:{_YEARS}|roku\b)|,?\s?{_SCHOOL_YEAR_END})"
        ),
        "infant-max",
    ),
    # a range in months, both ends in months: "niemowlęta od 6. do 18. miesiąca życia", "w wieku
    # od 12 do 36 miesięcy", "od 5 miesiąca do około 17-18 miesiąca", "grupa wiekowa I – 20
    # tygodni do 12 miesięcy", "12 miesięcy + jeden dzień do 24 miesięcy". Said of an age, not
    # how long: after "w wieku" or a group's age, to an ordinal month ("do 24 miesiąca") or
    # with "życia" ("od 3 do 6 miesięcy" alone is how long)
    (
        re.compile(
            rf"\b(?:w wieku (?:od )?|od |grup\w* wiekow\w* \w{{1,4}}\s?[-–]\s?)"
            rf"{_MONTHS_END}(?:\s?\+\s?(?:jeden|1) dzien)?\s?(?:-|–|do)\s?(?:(?:ok\.|okolo)\s)?"
            rf"{_MONTHS_END}"
        ),
        "months-months",
    ),
    # "od 20. tygodnia życia", "od ukończenia 20 tyg. życia", "w wieku od 18 miesięcy"; "od 12
    # miesięcy" alone is how long, not how old
    (re.compile(rf"\bod\s(?:ukonczenia\s)?{_INFANT}(?<=zycia)"), "infant-"),
    (re.compile(rf"\bw wieku od\s{_INFANT}"), "infant-"),
    # "do 18 lat", "do ukończenia 16. roku życia", "poniżej 18 roku życia", "nie ukończyła 18 lat"
    (
        re.compile(
            rf"\b(?:do|ponizej|nie ukonczyl\w*|przed ukonczeniem)\s(?:ukonczenia\s)?{_N}\s?{_YEARS}"
        ),
        "-max",
    ),
    # "powyżej 60. roku życia", "które ukończyły 18 rok życia", "skończyło już 3 lata", "w wieku od 60 lat", "mieć
    # ukończone 18 lat", "po ukończeniu 18 lat"; "od 3 roku życia" and "dzieci od 3 lat", but
    # not "działamy od 25 lat"
    (
        re.compile(
            rf"\b(?:powyzej|[us]konczyl\w*|ukonczon\w*|po ukonczeniu|w wieku od|w wieku powyzej)"
            rf"\s(?:juz\s)?{_N}\s?{_YEARS}"
        ),
        "min-",
    ),
    # a half year with no word of life: "dziecko, które ukończyło 2,5 roku", "Do żłobka
    # przyjmujemy dzieci najwcześniej od 1,5 roku" (fresh w012)
    (
        re.compile(
            rf"\b(?:[us]konczyl\w*|ukonczon\w*|po ukonczeniu|w wieku od)\s(?:juz\s)?{_N}\s?roku\b"
            r"|\bod\s(\d{1,2}[,.]5)\s?roku\b"
        ),
        "min-",
    ),
    # a lower bound said as such: "w wieku co najmniej 60 lat", "mieć ukończone minimum 18 lat"
    (
        re.compile(
            rf"\b(?:w wieku|wiek\w*:?|ukonczon\w*|ukonczyl\w*)\s(?:co najmniej|przynajmniej|minimum"
            rf"|min\.|nie mniej niz)\s{_N}\s?{_YEARS}"
        ),
        "min-",
    ),
    # an upper bound said as such: "z górną granicą wieku 18 lat" (a youth club's rules)
    (re.compile(rf"\bgorn\w* granic\w* wieku(?:\sto)?:?\s{_N}\s?{_YEARS}"), "-max"),
    # "od 3 roku życia", "osoby po 60. roku życia"
    (re.compile(rf"\b(?:od|po)\s{_N}\s?(?:roku? zycia|rok\w* zycia|r\.\s?z\.|rz\b)"), "min-"),
    (
        re.compile(
            rf"\b(?:dzieci|dziecko|mlodziez\w*|osob\w*|uczni\w*|seniorow|seniorzy|uczestni[kc]\w*"
            rf"|pacjen[tc]\w*|klien[tc]\w*|podopieczn\w*|wychowank\w*)"
            rf"\s(?:\w+\s)?od\s{_N}\s?lat"
        ),
        "min-",
    ),
    # "w wieku 65 lat i więcej", "w wieku lat 70 i więcej" (the years before the number)
    (
        re.compile(
            rf"\b(?:w )?wieku\s(?:lat\s)?{_N}\s?(?:\+|(?:lat\s)?i wiecej|(?:lat\s)?i powyzej"
            rf"|lat i starsz\w*)"
        ),
        "min-",
    ),
    # the years before the upper number only: "od ukończenia przez nie 2,5 roku do lat 5"
    (
        re.compile(
            rf"\bod (?:ukonczenia )?(?:przez nie\w* )?{_N}\s?(?:{_YEARS}|roku\b)\s?do lat {_N}"
        ),
        "min-max",
    ),
    # the years before the number: "dzieci do lat 3", "od lat 7", "powyżej lat 60"
    (re.compile(rf"\b(?:w wieku )?(?:od )?lat {_N}\s?(?:-|–|do)\s?(?:lat )?{_N}"), "min-max"),
    (re.compile(rf"\b(?:do|ponizej) lat {_N}"), "-max"),
    (re.compile(rf"\b(?:od|powyzej) lat {_N}"), "min-"),
    # "w wieku 3-6", "dzieci 3–6-letnie", "dla 7-12 latków"
    (re.compile(rf"\bw wieku (?:od )?{_N}\s?(?:-|–|do)\s?{_N}(?!\s?(?:godz|:|\.\d))"), "min-max"),
    (re.compile(rf"\b{_N}\s?(?:-|–)\s?{_N}[\s-]?(?:letni|latk|latek)"), "min-max"),
    # two years' ages as an adjective of the children: "Grupa IV „Pszczółki” to dzieci 5,
    # 6-letnie" (p59.edu.gdansk.pl); one year's ("pierwszeństwo mają dzieci 5-letnie", "dzieci
    # 6 letnie „0”") is a priority or a fee's group in the fresh sets' gold, no range
    (
        re.compile(rf"\b(?:dzieci|dzieck\w*|uczni\w*)\s{_N},\s?{_N}\s?(?:-|–)?\s?letni"),
        "min-max",
    ),
    # a bare range right after a child: "Opieka nad dzieckiem 0-3", "młodzież 13-18", ending
    # the phrase (not "dzieci 2-3 razy w tygodniu")
    (
        re.compile(
            r"\b(?:dzieci\w*|dzieck\w*|mlodziez\w*|niemowl\w*)\s(\d{1,2})\s?(?:-|–)\s?(\d{1,2})"
            r"(?=\s*(?:$|[,.;:)\n]))"
        ),
        "min-max",
    ),
    # a second upper bound whose years are those of the first: "dzieci do 18 roku życia, lub
    # do 21 - w przypadku … kontynuacji nauki"
    (
        re.compile(rf"(?:(?<=zycia)|(?<=lat)),?\s(?:lub|albo)\sdo\s{_N}(?![\d:]|\s?(?:godz|zl|%))"),
        "-max",
    ),
    # "bezrobotny 50+", "seniorzy 65+", "osoby 60+" (not "wolontariusze 60+"); "dzieci 6+",
    # "młodzież 13+" (made-up: no fresh line states it)
    (
        re.compile(
            r"\b(?:bezrobotn|senior|osob|kobiet|mezczyzn|mieszkan|pacjent|uczestnik|doros)\w*"
            r"\s\(?(\d{2})\s?\+(?!\d)"
        ),
        "min-",
    ),
    (re.compile(r"\b(?:dzieci|mlodziez\w*|nastolat\w*)\s\(?(\d{1,2})\s?\+(?!\d)"), "min-"),
)


def _years(number: str) -> float:
    """ "3" -> 3, "2,5" -> 2.5."""
    value = float(number.replace(",", "."))
    return int(value) if value.is_integer() else value


def _infant_years(count: str, unit: str) -> float:
    """Weeks, and months below a year, are the first year (0); months past a year are the half
    year they fall in ("18 miesięcy" -> 1.5, "12 miesiąca" -> 1, "od 19 miesiąca" -> 1.5)."""
    months = int(count)
    if unit.startswith("t") or months < 12:
        return 0
    return _years(str(months // 6 / 2))


def _months_range(match: re.Match[str]) -> tuple[float, float] | None:
    """Both ends of a range in months as years, or None when it says how long, not how old.

    The lower end is the half year it falls in (weeks, and months below a year, are 0; "od 19
    miesiąca" is 1.5), the upper end its months in years ("do 32 miesięcy" is 2.67)."""
    low_count, low_unit, high_count, high_unit = match.groups()
    if high_unit is None:
        return None
    said = match.group(0)
    # "od 3 do 6 miesięcy" alone is how long; "od 6. do 18. miesiąca życia" how old
    if said.startswith("od ") and not high_unit.startswith("miesiac") and "zycia" not in said:
        return None
    low = _infant_years(low_count, low_unit or high_unit)
    high = _years(f"{int(high_count) / (52 if high_unit.startswith('t') else 12):.2f}".rstrip("0"))
    if low >= high:
        return None
    return low, high


# "1 roku i 6 miesięcy", "2 lata i 6 miesięcy": a half year in months
_HALF_YEAR_IN_MONTHS = re.compile(r"\b(\d{1,2})\.?\s?(?:roku?|lat[a]?) i 6 miesi\w*")

# A law's title naming the children it is about: "w sprawie … form opieki nad dziećmi w wieku do
# lat 3", "ustawa o opiece nad dziećmi w wieku do lat 3". The bound is the act's, not whom the
# page's unit takes.
_LAW_TITLE_BEFORE = re.compile(
    r"\b(?:ustaw\w*|rozporzadzeni\w*|w sprawie)\b[^()]{0,160}?\bopiek?\w* nad dziec\w* (?:w wieku )?$"
)


def _ages_in(folded: str) -> list[tuple[int, float | None, float | None]]:
    """(where, low, high) for every age range in `folded`, in order."""
    found: list[tuple[int, float | None, float | None]] = []
    taken: list[tuple[int, int]] = []
    for pattern, shape in _AGE_PATTERNS:
        for match in pattern.finditer(folded):
            span = match.span()
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            if _LAW_TITLE_BEFORE.search(folded[: span[0]]):
                continue
            groups = [group for group in match.groups() if group is not None]
            if shape == "months-months":
                months = _months_range(match)
                if months is not None:
                    taken.append(span)
                    found.append((span[0], *months))
                continue
            if shape.startswith("infant"):
                infant = _infant_years(groups[0], groups[1])
                groups = groups[2:]
                shape = "min-max" if shape == "infant-max" else "min-"
                groups.insert(0, str(infant))
            numbers = [_years(group) for group in groups]
            low: float | None
            high: float | None
            if shape == "0-max":
                low, high = 0, numbers[0]
            elif shape == "0-":
                low, high = 0, None
            elif shape == "min-max":
                low, high = numbers[0], numbers[1]
                if low >= high:
                    continue
            elif shape == "-max":
                low, high = None, numbers[0]
            elif shape == "min-adult":
                low, high = numbers[0], _ADULT_MIN
            else:
                low, high = numbers[0], None
            taken.append(span)
            found.append((span[0], low, high))
    return sorted(found)


# A parent's consent a minor needs: "osoby poniżej 18 r.ż. muszą posiadać zgodę opiekuna
# prawnego", "osobie poniżej 18. roku życia wymaga zgody jej przedstawiciela ustawowego". The
# bound says who needs the consent, not whom the support is for. The noun only: "zgodnie z wolą
# rodziców" (in accordance with) is no consent.
_CONSENT = re.compile(r"\bzgod(?:a|y|zie|e)\s(?:\w+\s){0,2}?(?:rodzic|opiekun|przedstawiciel)")


def _a_minor_s_consent(folded: str, high: float | None) -> bool:
    """Whether `folded` says those below `high` years need a parent's consent."""
    if high is None or not _CONSENT.search(folded):
        return False
    return re.search(rf"\bponizej\s{high:g}\b", folded) is not None


# An exception to whom a unit takes: "Istnieje możliwość przyjęcia do przedszkola dziecka, które
# nie ukończyło 2,5 lat", "W wyjątkowych sytuacjach dzieciaki, które ukończyły 3 lata, mogą
# zostać w żłobku". Its bound is where the exception lies, not an age range served; the ranges
# before it in the sentence are the rule it excepts from ("dla 48 wychowanków w wieku od 3 do 16
# lat (w uzasadnionych przypadkach mogą być przyjmowane dzieci do 18 roku życia …)", tune k029).
_EXCEPTION = re.compile(
    r"\bistnieje mozliwosc|\bw wyjatkowych (?:sytuacjach|przypadkach)|\bwyjatkowo\b"
    r"|\bw (?:szczegolnych|uzasadnionych|wyjatkowych) (?:przypadkach|sytuacjach)"
)


def read_ages(sentences: Iterable[str]) -> tuple[AgeRange, ...]:
    """Every age range the sentences state for people served, in order, without repeats."""
    ranges: dict[tuple[float | None, float | None], AgeRange] = {}
    for sentence in sentences:
        folded = fold(sentence).lower()
        # "Wiek: 7–12 lat", "grupa wiekowa 6-10 lat" say whose years these are too
        if not _PEOPLE.search(folded) and not re.search(r"\bwiek|zycia", folded):
            continue
        if _YEAR_WORD.search(folded) or re.search(r"\bmiesi|\btygodni", folded):
            # "dzieci do trzech lat", "do ukończenia pierwszego roku życia", "od osiemnastu
            # miesięcy"
            folded = fold(with_digits(sentence)).lower()
        folded = _HALF_YEAR_IN_MONTHS.sub(r"\1,5 roku", folded)
        exception = _EXCEPTION.search(folded)
        for where, low, high in _ages_in(folded):
            if exception is not None and where >= exception.start():
                continue
            if (low, high) == (None, _ADULT_MIN) and "pelnolet" in folded:
                continue
            if low is None and _a_minor_s_consent(folded, high):
                continue
            ranges.setdefault((low, high), AgeRange(low, high, sentence))
    return tuple(ranges.values())


# --- fees and referral -------------------------------------------------------------------------

_FREE = re.compile(
    r"\b(?:bezplatn|nieodplatn|darmow|za darmo|nie ponosi\w* (?:zadnych )?(?:koszt|oplat)"
    r"|bez (?:zadnych )?oplat|finansowan\w* (?:przez|ze srodkow) (?:nfz|narodow)"
    r"|nie pobier\w* (?:sie )?(?:zadnych )?oplat|refundowan\w* (?:przez|ze srodkow) (?:nfz|narodow)"
    r"|w ramach (?:kontraktu z )?nfz|na nfz\b|woln\w* od (?:wszelkich |jakichkolwiek )?oplat"
    r"|nie wymaga\w* (?:\w+ )?oplat)"
)
# Paid: what the support costs ("odpłatność za pobyt", "koszt 10 zł - stawka dzienna"), not
# any amount a page gives (benefits, court fees, prices of waste collection).
_PAID = re.compile(
    r"\b(?:odplatn\w*|platn(?:y|a|e)\b|pelnoplatn\w*|koszt\w* (?:\w+ ){0,3}\d+[\s,.]*(?:zl|pln)"
    r"|oplat\w* za (?:pobyt|usług|uslug|zajeci|wyzywieni|posilk|opiek)"
    r"|pobier\w* (?:jest |sa )?(?:\w+ )?oplat)"
)


# Names of services the law calls free: a portal's menu item "Nieodpłatna pomoc prawna" names
# the service; it says nothing about this institution's fees.
_FREE_BY_NAME = re.compile(
    r"\b(?:nieodplatn|bezplatn)\w* (?:pomoc\w* prawn|porad\w* prawn|poradnictw\w* obywatelsk"
    r"|mediacj)"
)


# Free or paid things that are not support: "bezpłatny dostęp do informacji publicznej", "gmina
# nieodpłatnie przekazała działkę", a sum "płatny do 20. dnia miesiąca".
_FREE_NOT_SUPPORT = re.compile(
    r"\b(?:nieodplatn|bezplatn)\w* (?:\w+ ){0,2}(?:dostep\w* do informacji|przekaz\w*|uzycz\w*"
    r"|uzytkow\w*|wstep\w*|parking\w*)|\b(?:przekaz\w*|uzycz\w*) (?:\w+ ){0,2}nieodplatn\w*"
)
_DUE_DATE = re.compile(r"\bplatn\w* (?:do|w terminie|przelewem|gotowk)")


_FINITE = frozenset({"fin", "praet", "bedzie", "imps", "inf"})


def _has_a_verb(sentence: str) -> bool:
    """ "można otrzymać bezpłatną poradę prawną" says it is free; a menu item "Nieodpłatna
    pomoc prawna", with no verb, only names the service."""
    return any(
        readings and all(r.pos in _FINITE for r in readings)
        for readings in (analyse_word(word.lower()) for word in re.findall(r"\w+", sentence))
    )


def _blanked(pattern: re.Pattern[str], text: str) -> str:
    """`text` with `pattern`'s matches blanked out, every other character where it was."""
    return pattern.sub(lambda match: " " * len(match.group(0)), text)


def read_fees(sentences: Iterable[str]) -> Fees | None:
    """Free or paid, from the first sentence that says either; None when none does. A
    question states neither ("Czy zajęcia w poradni są płatne?"; the answer follows it), and
    in a sentence that says both, the first is the rule and the second its exception ("Zajęcia
    są płatne (zgodnie z cennikiem) lub bezpłatne w ramach dnia otwartego")."""
    for sentence in sentences:
        folded = fold(sentence).lower()
        if folded.rstrip().endswith("?"):
            continue
        named = folded if _has_a_verb(sentence) else _blanked(_FREE_BY_NAME, folded)
        free = _FREE.search(_blanked(_FREE_NOT_SUPPORT, named))
        paid = _PAID.search(_blanked(_DUE_DATE, folded))
        if paid and re.search(r"\bnie\w*\s+(?:jest\s+)?odplatn", folded):
            paid = None
        if free and (not paid or free.start() <= paid.start()):
            return Fees(True, sentence)
        if paid:
            return Fees(False, sentence)
    return None


_NO_REFERRAL = re.compile(
    r"\bbez (?:\w+ ){0,2}skierowan|\bnie (?:jest |sa |bedzie |beda )?(?:wymaga\w*|potrzeb\w*"
    r"|musz\w*|musi\w*"
    r"|trzeba)\s(?:\w+\s){0,4}skierowan|\bskierowanie nie jest (?:wymagane|potrzebne)"
    r"|\bniepotrzebne jest skierowanie|\bnie jest (?:wymagane|potrzebne) skierowanie"
    r"|\bskierowan\w* nie (?:jest )?(?:wymaga\w*|potrzeb\w*|konieczn\w*)"
    r"|\bskierowani\w* (?:jest )?(?:niepotrzebn|zbedn)"
    r"|\bnie (?:jest )?(?:wymagan\w*|potrzebn\w*) (?:\w+ ){0,2}orzeczeni"
    # a referral as one way in beside coming on one's own: "po osobistym zgłoszeniu lub na
    # podstawie skierowania"
    r"|\b(?:zglosz\w*|osobist\w*|samodzieln\w*|wlasnej inicjatyw\w*) (?:\w+ ){0,3}(?:lub|albo|badz)"
    r" (?:\w+ ){0,3}skierowan|\bskierowan\w* (?:\w+ ){0,3}(?:lub|albo|badz) (?:\w+ ){0,2}"
    r"(?:zglosz|osobist|samodzieln|z wlasnej inicjatyw)"
)
_REFERRAL = re.compile(
    r"\b(?:na podstawie|ze|z) (?:\w+ ){0,2}(?:skierowan|orzeczeni|opinii o potrzebie|decyzji)"
    # "MOPS wydał stosowną decyzję"; not an office's duty "wydawanie decyzji w zakresie…"
    r"|\bwyda(?!wani)\w* (?:\w+ ){0,2}(?:skierowani|decyzj)"
    r"|\bpostanowieni\w* (?:\w+ ){0,2}o umieszczeniu"
    r"|\bskierowanie (?:jest )?(?:wymagane|potrzebne|konieczne)"
    r"|\b(?:wymagane|potrzebne|konieczne|niezbedne) jest skierowanie"
    r"|\b(?:posiada\w*|mie\w*|maja)\s(?:\w+\s){0,3}(?:skierowan|orzeczeni)"
    r"|\bwniosek o (?:wydanie )?skierowan"
    r"|\bna skierowanie\b|\bskierowan\w* (?:od|wydan\w* przez|z|ze) (?:\w+ )?(?:lekarz|sad|poradni"
    r"|mops|gops|ops|pcpr|szpital|zespol)"
    r"|\bna podstawie (?:\w+ ){0,2}opinii\b|\bdecyzj\w* o (?:skierowaniu|umieszczeniu|przyznaniu)"
    r"|\bz orzeczeniem o"
    r"|\bwymaga\w* (?:\w+ ){0,2}skierowan|\bwarunkiem (?:\w+ ){0,2}jest (?:\w+ ){0,2}skierowan"
    r"|\bskierowani\w* (?:\w+ )?wyda\w*"
    r"|\bkier(?:uje|uja|owan[aey]?|owani)\s(?!sie\b|do\b)(?:przez\s)?(?:(?!do\b)\w+\s)?"
    r"(?:sad|lekarz|mops|gops|ops|pcpr|poradni)"
    # "na podstawie postanowienia Sądu", "skierowane do Domu decyzją Kierownika MOPS", "Po
    # uzyskaniu orzeczenia, opiekun prawny kontaktuje się…"
    r"|\bna podstawie (?:\w+ ){0,2}postanowieni|\bskierowan\w* (?:\w+ ){0,3}decyzj"
    r"|\bpo uzyskaniu (?:\w+ ){0,2}(?:skierowan|orzeczeni)"
)


# A decision that founded or changed the institution is not one that admits someone: "Na
# podstawie decyzji Prezydenta Miasta … utworzony został Dom Pomocy Społecznej".
_FOUNDING = re.compile(r"\b(?:utworzon|powolan|zalozon|przeksztalcon|zlikwidowan)\w*")


def read_referral(sentences: Iterable[str]) -> Referral | None:
    """Whether a referral or certificate is needed, from the first sentence that says so."""
    for sentence in sentences:
        folded = fold(sentence).lower()
        # "Czy potrzebne jest skierowanie do PP-P…?" asks; the answer follows it.
        if _FOUNDING.search(folded) or folded.rstrip().endswith("?"):
            continue
        no = _NO_REFERRAL.search(folded)
        yes = _REFERRAL.search(folded)
        if no and (not yes or no.start() <= yes.start()):
            return Referral(False, sentence)
        if yes:
            return Referral(True, sentence)
    return None
