"""Institutions named in Polish text: `find_mentions` finds their phrases in any case.

A text says "udział wzięli przedstawiciele Powiatowego Centrum Pomocy Rodzinie w
Skarżysku-Kamiennej" or lists "- Gminny Ośrodek Pomocy Społecznej w Bliżynie". Each phrase
comes back as written, with the sentence it came from, its place phrase, and its nominative
(`transforms.name_morphology.nominative`). `extractors.mention_records` turns them into records.

How a mention is found (words classified by `extractors.mention_text`): a capitalised head
noun — of an institution ("ośrodka", "Poradnią", "Urzędu"), of a body ("Ministerstwa",
"Trybunału", "Rady Powiatu …") or of an office held by one person ("Wojewody Lubelskiego",
"Burmistrz Zdzieszowic") — widened backwards over capitalised adjectives that agree with it
("Powiatowego Międzyszkolnego Ośrodka"; not "Łódzkim" of "w Aleksandrowie Łódzkim Ośrodek")
and forwards over capitalised words ("Pomocy Społecznej"), "i" inside a name ("Urząd Miasta i
Gminy"; two bare heads before one quoted name, "Żłobek i Przedszkole „Świat Dziecka”"), "ds." / "do spraw" / "na rzecz" / "dla", "do" with a common noun in the genitive
("Przysposabiająca do Pracy"), lower-case joiners before a capitalised word ("Osób z
Niepełnosprawnością"; not an NGO's town, "… z Opola"), "nr 2", "im. Jana Pawła II" or "p.w.
Matki Bożej …", a quoted name ("Klub Seniora „Radość”"), "Sp. z o.o.", and one place phrase
checked word by word against the dictionary
("w Piszu", "w Białej Piskiej", "w Kostrzynie nad Odrą", "w Ostrowcu Św." written out; not "w
Warcie Powrót Generuj"). Acronyms of the table (`transforms.acronyms`) are mentions too
("MOPS-u w Bliżynie"; "DPS „Kalina”" written out before its own name, "SP nr 1 w Elblągu"
before its number; "LO im. Armii Krajowej" named by its patron); an officer names the office he heads ("Komendanta Głównego Policji" ->
"Komenda Główna Policji"); units numbered under one plural head are one mention each
("Komisariatów Policji II i IV w Białymstoku"), and so are units under a plural head with
two or more towns ("Warsztatów Terapii Zajęciowej w Konarzewie i Otuszu"); for the mention
records a body's domains enumerated after a comma stay in its name ("Centrum Kultury, Sportu
i Turystyki", `domains`). An NGO's name runs over all its capitalised
words ("Stowarzyszenie Klub Kibiców Niepełnosprawnych", "Fundacja Nowa Szkoła") and its local
part after a comma ("…, Koło w Gryfinie"); a word the dictionary knows as an institution's
name opens the name of the body whose genitive follows ("Caritas Diecezji Kieleckiej"), and
for the records the town or country after it ("Caritas Polska", "Caritas Kalisz"). A phrase that is a public unit's kind alone ("Sąd Rejonowy",
"MOPS") is flagged `kind_only`: whether it names one institution the caller decides.

What is deliberately NOT an institution:
- people: a first name followed by a surname ends a name ("Dyrektor Regionalnego Ośrodka
  Polityki Społecznej Wiesława Przybysz" gives the Ośrodek only); titles ("Dyrektor",
  "Wicestarosta", "Zastępca") are never part of one, nor a name in capitals after it;
- local-government units named only as places ("na terenie Gminy Pisz", "mieszkańcy Powiatu
  Piskiego"); named as a body that runs, orders or agrees ("Organem prowadzącym jest Powiat
  Płocki", "porozumienie z Powiatem Lubańskim") they are mentions flagged `territory`
  (`extractors.mention_spans`) when the caller asks for them (`territories`); their office ("Starostwo
  Powiatowe …", "Urząd Gminy …") and organs ("Rada Powiatu Opolskiego") are found as before;
- generic or plural mentions ("przedstawiciele instytucji", "szkół ponadpodstawowych"): a
  head in lower case or in the plural (except "Warsztaty Terapii Zajęciowej", "Ochotnicze Hufce
  Pracy"), a bare head ("Zespołu"), an organ or council of no named territory ("Rada Gminy"),
  a weak head without whose it is ("Rada Pedagogiczna", "Agencja Reklamy X");
- project bodies and roles ("Zespół Koordynacji Zasobów"): a name with a project word;
- programmes and funds that are money ("Europejskiego Funduszu Społecznego"); a fund is a
  body only as a state fund ("Narodowy Fundusz Zdrowia");
- what a site puts around a name ("Biuletyn Informacji Publicznej", "Menu", "Drukuj"), and a
  name cut off by the end of a text ("… Placówki Ws").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.mention_kinds import (
    OWN_NAME_HEADS,
    is_activity,
    is_generic,
    lower_compound_adjective,
)
from extractors.mention_kinds import kind_only as is_kind_only
from extractors.mention_officers import officer_end
from extractors.mention_phrases import (
    after_dot,
    after_named_body,
    enumerated_domains,
    number_end,
    patron_end,
    place_end,
    sections_named,
    town_after_acronym,
    word_at,
)
from extractors.mention_spans import (
    OFFICER_OFFICES,
    after_saint,
    board_of_acronym,
    cut_at_the_end,
    from_town,
    name_suffix_end,
    office_name,
    part_of_organisation,
    purpose_noun,
    quoted_end,
    stray_adjective,
    street_before,
    territory_end,
    trimmed_end,
)
from extractors.mention_start import mention_start
from extractors.mention_text import (
    SMALL_ROMAN_NUMERAL,
    Token,
    acronym_full,
    head_lemma,
    head_readings,
    is_title,
    named_body,
    person_starts,
    plural_title,
    rejoined_compounds,
    school_numeral,
    sentences,
    table_acronym,
    tokens_of,
    written_out,
)
from extractors.mention_units import bracketed_units, numbered_units, placed_units
from extractors.mention_words import (
    ACT_WORDS,
    NAME_JOINERS,
    NATIONAL_ACRONYMS,
    ORGAN_LEMMAS,
    REGIONAL_UNIT_HEADS,
    SITE_WORDS,
)
from transforms.acronyms import SEATED, acronym_token_key
from transforms.name_morphology import (
    key_lemma,
    nominative,
    readings,
)
from transforms.text import fold, normalise_space

_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]|\d+[.)])\s+")
# An acronym cited as the author of a regulation or as a registry's code ("Rozporządzenie MEN
# z dnia …", "Kod GUS"): a document or a number named, not the body as such.
_CITED = re.compile(r"(?i)\b(?:rozporządzeni[a-ząęóśćżźłń]*|kod)\s+$")
_FUNCTION_WORDS = frozenset(
    {"w", "we", "z", "ze", "i", "do", "na", "dla", "o", "od", "oraz", "przy", "pod", "nad", "po"}
)
# Words for a part of an institution: "Kuratorium Oświaty z Delegaturą" is two things.
_UNIT_WORDS = frozenset(
    {"delegatura", "oddzial", "filia", "siedziba", "wydzial", "sekcja", "dzial"}
)
# Heads of a part of a body (a council's committee): its domains
# enumerated after a comma are read as before, the committee is its council's, no body.
_INTERNAL_UNIT_HEADS = frozenset({"komisja"})
# "Sp. z o.o.", "S.A." after a company's name: its legal form, part of the name.
_LEGAL_FORM = ("sp", ".", "z", "o", ".", "o", ".")


@dataclass(frozen=True, slots=True)
class Mention:
    """One institution phrase in a text; `start`/`end` are offsets into that text.

    `kind_only`: the phrase is a public unit's kind and nothing else ("Sąd Rejonowy",
    "Ośrodek Pomocy Społecznej", "PCPR"): no place, number, patron, quoted or other own name.
    Whether it still names one institution depends on where it stands (a county's own list of
    units, an article about one county), which the caller knows and this module does not."""

    phrase: str  # as written: "Powiatowego Centrum Pomocy Rodzinie w Skarżysku-Kamiennej"
    nominative: str  # "Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej"
    sentence: str  # the sentence (or list item) it came from, space-normalised
    start: int
    end: int
    place_raw: str | None = None  # "w Skarżysku-Kamiennej"
    kind_only: bool = False
    acronym: str | None = None  # the table acronym when the phrase is one ("PFRON", "MOPS")
    head: str = ""  # the head's lemma ("ośrodek", "wojewoda"); "" for an acronym
    office: bool = False  # named through its officer: `nominative` is the office's name
    territory: bool = False  # a local-government unit as a body ("Powiat Płocki")
    activity: bool = False  # a club or circle of common words, unplaced ("Klub Filmowy")


# ---------------------------------------------------------------------------------------------
# Mention spans
# ---------------------------------------------------------------------------------------------


def _run_has_head(tokens: list[Token], i: int, lemma_of_head: str = "") -> bool:
    """Whether the capitalised words from i hold a second body's head: a head noun, or an
    acronym opening them ("i MOPS"); an acronym after other words is the name's own sign
    ("Centrum Edukacji i Pracy Młodzieży OHP")."""
    k = i
    while k < len(tokens) and tokens[k].capitalised:
        if part_of_organisation(lemma_of_head, tokens[k]):
            k += 1
            continue
        if head_readings(tokens[k]) or (k == i and table_acronym(tokens[k])):
            return True
        k += 1
    return False


def _plural_genitive(token: Token) -> bool:
    """A head noun that can only be a genitive plural ("Domów", "Szkół"): after "z" it says
    whom a body serves or comes from ("Stowarzyszenie Pomocy Dzieciom z Domów Dziecka"), no
    second body starts with it."""
    found = head_readings(token)
    return bool(found) and all(r.numbers == {"pl"} and "gen" in r.cases for r in found)


def _capitalised_run(tokens: list[Token], head: int, j: int) -> bool:
    """Every token after the head up to j is a capitalised word: "Fundacja Nowa Szkoła",
    "Stowarzyszenie Klub Kibiców" — an NGO's own name, whatever nouns it holds."""
    return all(t.capitalised for t in tokens[head + 1 : j])


def _extend(tokens: list[Token], head: int, *, domains: bool = False) -> tuple[int, int | None]:
    """End of the mention whose head is at `head`, and where its place phrase starts; with
    `domains`, over the body's domains enumerated after a comma too."""
    j = head + 1
    place_at: int | None = None
    lemma_of_head = head_lemma(tokens[head])
    # An office held by one person has no patron, number or quoted name of its own: what
    # follows it is a decision's number or a programme's title.
    organ = lemma_of_head in ORGAN_LEMMAS
    while j < len(tokens):
        token = tokens[j]
        if place_at is None and (end := place_end(tokens, j)) > j:
            place_at, j = j, end
            continue
        if organ and token.is_word and len(token.text) == 1 and token.text.isupper():
            break  # "Marszałek J. Kowalski": an initial, the office is a person's title here
        if not organ and ((end := patron_end(tokens, j)) > j or (end := number_end(tokens, j)) > j):
            j = end
            continue
        if place_at is None and not organ and (end := quoted_end(tokens, j)) > j:
            j = end
            continue
        if place_at is not None:
            break  # after the place only a patron or a number may follow
        if (end := name_suffix_end(tokens, j, organ=organ)) > j:
            j = end  # "Klub Senior+", "Szpital Na Wyspie", "Towarzystwo … – Oddział Powiatowy"
            continue
        nxt = word_at(tokens, j + 1)
        if token.is_word and token.lower == "i" and nxt and nxt.capitalised:
            if (
                j == head + 1
                and not organ
                and head_readings(nxt)
                and (own := quoted_end(tokens, j + 2)) > j + 2
            ):
                j = own  # "Niepubliczny Żłobek i Przedszkole „Świat Dziecka”": one own name
                continue
            if _run_has_head(tokens, j + 1):
                break
            j += 1
            continue
        if (
            token.text == ","
            and nxt
            and part_of_organisation(lemma_of_head, nxt)
            and place_end(tokens, j + 2) > j + 2
        ):
            j += 1  # "Polskie Stowarzyszenie na Rzecz Osób …, Koło w Gryfinie": its local part
            continue
        if (
            token.text == ","
            and lemma_of_head in ("ministerstwo", "minister")
            and nxt
            and nxt.capitalised
            and not head_readings(nxt)
        ):
            j += 1  # "Ministerstwo Rodziny, Pracy i Polityki Społecznej"
            continue
        if (
            domains
            and token.text == ","
            and j > head + 1
            and lemma_of_head not in _INTERNAL_UNIT_HEADS
            and (end := enumerated_domains(tokens, j)) > j
        ):
            j = end  # "Centrum Kultury, Sportu i Turystyki", "Ośrodek Sportu, Rekreacji i …"
            continue
        if (
            token.is_word
            and token.lower in ("św", "bł")
            and (after := word_at(tokens, after_dot(tokens, j)))
            and after.capitalised
        ):
            j = after_dot(tokens, j)  # "Hospicjum św. Jana Bożego"
            continue
        if token.is_word and token.lower == "ds":
            after = word_at(tokens, after_dot(tokens, j))
            if after and after.capitalised:
                j = after_dot(tokens, j)
                continue
            break
        if token.is_word and token.lower in ("do", "na", "dla") and nxt:
            # "do spraw Rodziny", "na rzecz Osób Niepełnosprawnych", "dla Dzieci Niesłyszących"
            if token.lower == "dla" and nxt.capitalised and not organ:
                j += 1
                continue
            second = word_at(tokens, j + 2)
            if nxt.lower in ("spraw", "rzecz") and second and second.capitalised:
                j += 2
                continue
            if token.lower == "do" and not organ and purpose_noun(nxt):
                j += 1  # "Szkoła Specjalna Przysposabiająca do Pracy"
                continue
            break
        if place_at is None and lemma_of_head in OWN_NAME_HEADS and from_town(tokens, j):
            break  # "Stowarzyszenie OPPEN … z Opola": where it comes from, not its name
        if token.is_word and token.lower in ("z", "ze") and sections_named(tokens, j + 1):
            j += 3  # "Szkoła Podstawowa Nr 50 z Oddziałami Integracyjnymi"
            continue
        if (
            token.is_word
            and token.lower in NAME_JOINERS
            and nxt
            and nxt.capitalised
            and not (token.lower == "z" and nxt.lower == "siedzibą")
            and key_lemma(nxt.text) not in _UNIT_WORDS
            and (
                not _run_has_head(tokens, j + 1, lemma_of_head)
                or (token.lower in ("z", "ze") and _plural_genitive(nxt))
            )
            and not person_starts(tokens, j + 1)
        ):
            j += 1  # "… na rzecz Osób z Niepełnosprawnością Intelektualną"
            continue
        if lemma_of_head in OWN_NAME_HEADS and j > head + 1 and lower_compound_adjective(tokens, j):
            j += 1  # "Stowarzyszenie Miłośników Kresów południowo–wschodnich"
            continue
        if token.is_word and SMALL_ROMAN_NUMERAL.match(token.text) and len(token.text) <= 4:
            after = word_at(tokens, j + 1)
            if after is None or after.lower in ("w", "we"):
                j += 1  # "Komisariat Policji IV w Białymstoku"
                continue
            if after.lower == "stopnia":
                j += 2  # "Państwowa Szkoła Muzyczna II stopnia"
                continue
        if tuple(t.lower for t in tokens[j : j + len(_LEGAL_FORM)]) == _LEGAL_FORM:
            j += len(_LEGAL_FORM)
            continue
        if token.lower in _FUNCTION_WORDS:
            break  # "W", "I", "DO" of a text in capitals are not name words
        if token.is_word and key_lemma(token.text) in SITE_WORDS | ACT_WORDS:
            break
        if (
            token.all_caps
            and not tokens[head].all_caps
            and lemma_of_head not in OWN_NAME_HEADS
            and any(r.first_name for r in readings(token.text.capitalize()))
            and (after := word_at(tokens, j + 1)) is not None
            and after.all_caps
        ):
            break  # "Burmistrz Gminy Lubomierz ADAM NOWAK"; not "Dom dla Dzieci NADZIEJA", a name
        if (
            token.capitalised
            and (not is_title(token) or (j > head and plural_title(token)))
            and (not person_starts(tokens, j) or after_saint(tokens, j))
        ):
            if (
                head_readings(token)
                and not part_of_organisation(lemma_of_head, token)
                and not (lemma_of_head in OWN_NAME_HEADS and _capitalised_run(tokens, head, j))
                and head_lemma(token) not in REGIONAL_UNIT_HEADS  # "… Dzieci Oddział w Tarnowie"
                and any("nom" in r.cases for r in head_readings(token))
                and not any("gen" in r.cases for r in head_readings(token))
            ):
                break  # a second institution in the nominative, not a genitive complement
            if stray_adjective(tokens, head, j):
                break  # "Nowy Szpital Zdrowe szpitale …": a motto after a logo's name
            j += 1
            continue
        break
    return j, place_at


def _span_text(text: str, tokens: list[Token], start: int, end: int) -> str:
    return written_out(" ".join(token_text(text, tokens, start, end).split()))


def token_text(text: str, tokens: list[Token], start: int, end: int) -> str:
    """The words from `start` to `end` as written, a spaced compound's dash closed up."""
    out = text[tokens[start].start : tokens[end - 1].end]
    for token in tokens[start:end]:
        written = text[token.start : token.end]
        if written != token.text:
            out = out.replace(written, token.text, 1)
    return out


def _units(
    found: Sequence[tuple[str, str]], written: str, start: int, end: int, head: str
) -> list[Mention]:
    """A mention of each unit a plural head names (`extractors.mention_units`): its name in the
    nominative singular and its place, over the whole phrase."""
    sentence = normalise_space(_BULLET.sub("", written))
    return [
        Mention(
            phrase=name,
            nominative=name,
            sentence=sentence,
            start=start,
            end=end,
            place_raw=place,
            head=head,
        )
        for name, place in found
    ]


@lru_cache(maxsize=4096)
def _find_mentions(
    text: str, *, territories: bool = False, domains: bool = False, towns: bool = False
) -> tuple[Mention, ...]:
    """Every institution phrase in `text`, in order of appearance (duplicates included);
    with `territories`, the counties and gminas it names as bodies too; with `domains`, a
    body's domains enumerated after a comma stay in its name ("Centrum Kultury, Sportu i
    Turystyki"); with `towns`, the town written after a seated unit's acronym ("KPP Żagań").
    The mention records ask for them; the owner's readers do not (a page's own name read so
    longer chose no owner on a test page; the towns cost the subject's phones, measured)."""
    mentions: list[Mention] = []
    text = rejoined_compounds(text)
    for sent_start, sent_end in sentences(text):
        tokens = tokens_of(text, sent_start, sent_end)
        if not tokens:
            continue
        written = text[sent_start:sent_end]
        floor = 0
        i = 0
        while i < len(tokens):
            token = tokens[i]
            acronym = table_acronym(token)
            kind_only = activity = False
            expanded: str | None = None
            if (stop := officer_end(tokens, i)) > i:
                phrase = _span_text(text, tokens, i, stop)
                officer = fold(key_lemma(token.text))
                place_at = next(
                    (k for k in range(i + 2, stop) if tokens[k].lower in ("w", "we")), None
                )
                mentions.append(
                    Mention(
                        phrase=phrase,
                        nominative=office_name(nominative(phrase), officer),
                        sentence=normalise_space(_BULLET.sub("", written)),
                        start=tokens[i].start,
                        end=tokens[stop - 1].end,
                        place_raw=_span_text(text, tokens, place_at, stop) if place_at else None,
                        head=OFFICER_OFFICES[officer].lower(),
                        office=True,
                    )
                )
                floor = i = stop
                continue
            if territories and (stop := territory_end(tokens, i)) > i:
                phrase = _span_text(text, tokens, i, stop)
                mentions.append(
                    Mention(
                        phrase=phrase,
                        nominative=nominative(phrase),
                        sentence=normalise_space(_BULLET.sub("", written)),
                        start=tokens[i].start,
                        end=tokens[stop - 1].end,
                        head=key_lemma(token.text),
                        territory=True,
                    )
                )
                floor = i = stop
                continue
            if head_readings(token) and not board_of_acronym(tokens, i):
                start = mention_start(tokens, i, floor)
                end, place_at = _extend(tokens, i, domains=domains)
                end = trimmed_end(tokens, start, end)
                if street_before(tokens, start):
                    floor = i = end  # "ul. Marszałka Piłsudskiego 8a": a street's name
                    continue
                if place_at is not None and place_at >= end:
                    place_at = None
                placed = place_at is not None
                # "Komisariatów Policji II i IV w Białymstoku": one mention per numbered unit
                shared_place = (
                    _span_text(text, tokens, place_at, end) if place_at is not None else None
                )
                head = head_lemma(token)
                at = tokens[start].start
                if shared_place:
                    found = [(unit, shared_place) for unit in numbered_units(tokens, start, i, end)]
                    mentions += _units(found, written, at, tokens[end - 1].end, head)
                # "Warsztatów Terapii Zajęciowej w Konarzewie i Otuszu": one mention per town
                units, units_end = placed_units(tokens, start, i, place_at, end)
                if not units and place_at is None:
                    # "Domach Pomocy Społecznej (Uhowo, Choroszcz)": one mention per town
                    units, units_end = bracketed_units(tokens, start, i, end)
                mentions += _units(units, written, at, tokens[units_end - 1].end, head)
                if units:
                    floor = i = units_end
                    continue
                if is_generic(tokens, start, i, end, placed) or cut_at_the_end(text, tokens, end):
                    i += 1
                    continue
                kind_only = is_kind_only(tokens, start, i, end, placed)
                activity = is_activity(tokens, start, i, end, placed)
                acronym = None
            elif acronym is not None and not _CITED.search(text, 0, token.start):
                start = i
                end, place_at = i + 1, None
                if (stop := place_end(tokens, i + 1)) > i + 1:
                    end, place_at = stop, i + 1
                local = acronym not in NATIONAL_ACRONYMS  # after "ARiMR" a quote is a slogan
                if (number := number_end(tokens, end)) > end:
                    numbered_at, end = end, number
                    if place_at is None and (patron := patron_end(tokens, end)) > end:
                        end = patron  # "ZS nr 3 im. M. Kopernika": its number, its patron
                    if place_at is None and (stop := place_end(tokens, end)) > end:
                        end, place_at = stop, end  # "SP nr 1 w Elblągu": its number, its town
                    if local and numbered_at == i + 1:
                        # the kind written out before its number, as before a quoted name
                        full = acronym_full(acronym, numbered=True)
                        expanded = f"{full} {_span_text(text, tokens, i + 1, end)}"
                if end == i + 1 and local and (own := quoted_end(tokens, end)) > end:
                    end = own  # "DPS „Kalina”": the kind written out, its own name kept
                    if (stop := place_end(tokens, end)) > end:
                        end, place_at = stop, end  # "ŚDS „Przystań” w Ostrowcu"
                    expanded = f"{acronym_full(acronym)} {_span_text(text, tokens, i + 1, end)}"
                elif (
                    towns and end == i + 1 and acronym in SEATED
                    and (stop := town_after_acronym(tokens, end)) > end
                ):  # fmt: skip
                    end, place_at = stop, end  # "KPP Żagań", as written (normalise expands)
                elif end == i + 1 and local and (patron := patron_end(tokens, end)) > end:
                    end = patron  # "LO im. Armii Krajowej w Białobrzegach": named by its patron
                    if (stop := place_end(tokens, end)) > end:
                        end, place_at = stop, end
                    if (
                        i - 1 >= floor
                        and tokens[i - 1].is_word
                        and SMALL_ROMAN_NUMERAL.match(tokens[i - 1].text)
                    ):
                        start = i - 1  # "II LO im. gen. Gustawa Orlicz-Dreszera"
                if start == i < end - 1 and local and school_numeral(tokens, i, floor, acronym):
                    start = i - 1  # "I LO w Stargardzie": the school's numeral, written out
                    rest = (
                        expanded
                        or f"{acronym_full(acronym)} {_span_text(text, tokens, i + 1, end)}"
                    )
                    expanded = f"{tokens[i - 1].text} {rest}"
                if len(acronym_token_key(acronym)) < 3 and end == i + 1:
                    i += 1
                    continue  # "SP", "SO" alone are too often something else
                kind_only = end == i + 1
            elif (
                towns
                and named_body(token)
                and not token.all_caps  # "PO ŚWIECIE" of a heading in capitals: no "Caritas"
                and (stop := after_named_body(tokens, i)) > i + 1
            ):
                start, end, place_at = i, stop, None  # "Caritas Polska", "Caritas Kalisz"
            else:
                i += 1
                continue
            phrase = _span_text(text, tokens, start, end)
            place = _span_text(text, tokens, place_at, end) if place_at is not None else None
            if expanded is not None:
                phrase = expanded  # the acronym written out before its quoted name
            mentions.append(
                Mention(
                    phrase=phrase,
                    nominative=nominative(phrase),
                    sentence=normalise_space(_BULLET.sub("", written)),
                    start=tokens[start].start,
                    end=tokens[end - 1].end,
                    place_raw=place,
                    kind_only=kind_only,
                    acronym=acronym if kind_only else None,
                    head=head_lemma(token) if acronym is None else "",
                    activity=activity,
                )
            )
            floor = i = end
    return tuple(mentions)


def find_mentions(
    text: str, *, territories: bool = False, domains: bool = False, towns: bool = False
) -> list[Mention]:
    """`_find_mentions`, a new list for each caller. The owner's readers ask about the same
    lines many times (a line alone, joined with its neighbours, once per candidate): a text's
    mentions are kept, frozen, and read again."""
    return list(_find_mentions(text, territories=territories, domains=domains, towns=towns))
