"""What an institution's own text says it offers: forms of support with the sentence that states
each, the groups it serves, ages, fees, referral and opening hours.

The reading is normalise-stage work over text kept as written by the extractors (a subject's
page text, an article's sentences about a mention, a spreadsheet's offer column, an "Godziny
pracy" value). A form of support is *stated* when a sentence of the text names it as something
offered ("prowadzimy terapię logopedyczną", a line of a "Formy pomocy" list), not when a word
passes by: a sentence that advertises a job, cites a law by its journal entry, announces that
an activity is suspended, reports a conference, asks a question or links a document is not read
for services, nor are names of institutions and programmes inside a sentence, certificates
someone brings, what another specialist offers, mailboxes and links. Services are
recognised by lemma through the taxonomy (`transforms.taxonomy_reading`), plus coordinated
adjectives ("poradnictwo psychologiczne, prawne i socjalne" states legal counselling too).

`read_support(text, opening_hours)` gives a `SupportStatements`; ages, fees and referral come
from `transforms.eligibility`, schedules from `transforms.opening_hours`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from transforms import taxonomy
from transforms.eligibility import AgeRange, Fees, Referral, read_ages, read_fees, read_referral
from transforms.list_headings import (
    LIST_ITEM,
    heading_noun,
    service_heads,
    with_heading_noun,
)
from transforms.morphology import VERB_CLASSES, analyse_word
from transforms.morphology import is_adjective as _is_adjective
from transforms.morphology import is_verb as _is_verb
from transforms.not_an_offer import grounds_listed, names_a_ground, not_an_offer
from transforms.offer_voice import (
    STAFF_LEMMAS,
    STAFF_STEMS,
    about_the_consultation,
    after_partners,
    announces_a_public_consultation,
    examples_of_problems_or_units,
    general_voice,
    not_offered_here,
    speaks_as_a_guide,
)
from transforms.opening_hours import Schedule, read_schedules
from transforms.phrase_senses import other_sense
from transforms.sentences import sentences
from transforms.service_sessions import (
    PAGE_CARE_OF,
    bare_session,
    general_care,
    of_the_page_s_service,
    sessions_of_another,
)
from transforms.taxonomy_reading import Match, Token, find_matches, tokenise
from transforms.text import fold

__all__ = [
    "AgeRange",
    "Fees",
    "Referral",
    "Schedule",
    "StatedCode",
    "SupportStatements",
    "read_support",
]


@dataclass(frozen=True, slots=True)
class StatedCode:
    """`StatedCode("speech_therapy", "Prowadzimy terapię logopedyczną.")`: a service or target
    group code and the sentence, as written, that states it."""

    code: str
    evidence: str


@dataclass(frozen=True, slots=True)
class SupportStatements:
    """Everything one text states about the support it offers; empty when it states nothing."""

    services: tuple[StatedCode, ...] = ()
    target_groups: tuple[StatedCode, ...] = ()
    ages: tuple[AgeRange, ...] = ()
    fees: Fees | None = None
    referral: Referral | None = None
    schedules: tuple[Schedule, ...] = ()

    @property
    def service_codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.services)


# Longer than this, a text is cut: a page is read for what it offers, not archived.
MAX_TEXT = 60_000

_ASIDE = re.compile(r"(?<=\w)\s+(?:m\.\s?in\.|między innymi)\s+(?=\w)")
_LINK = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+")
_FILE_TYPE = re.compile(r"^(?:PDF|DOCX?|XLSX?|ODT|ODS|RTF|ZIP)(?=[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż])")


# Words that join coordinated adjectives: "psychologicznej, pedagogicznej i logopedycznej".
_CONJUNCTIONS = frozenset({"i", "oraz", "lub", "albo", "a", "także", "takze", "również", "czy"})
_LIST_GAP = re.compile(r"^[\s,:\-–/]*$")
# Small words inside a capitalised name: "Ośrodek Sportu i Rekreacji", "Klub Seniora w X".
_NAME_JOINERS = frozenset({"i", "w", "we", "dla", "ds", "z", "ze", "na", "im", "o", "do", "przy"})
# First words of names of programmes, laws and campaigns ("Program Wczesnej Profilaktyki").
_PROGRAMME_WORDS = ("ustaw", "rozporzadz", "fundusz", "strategi")
# After these a sentence lists who may refer someone or what documents to bring, not offers:
# "na wniosek szkoły, pracownika socjalnego", "zaświadczenie od lekarza psychiatry".
_REFERRER_WORDS = ("zaswiadczen", "oswiadczen", "kopia", "kopie")
_ROOM_WORDS = ("sala", "sali", "pokoj", "pomieszczen")
# Who may hold a certificate, not who issues it: "dzieci z orzeczeniem o niepełnosprawności".
_HOLDING_WORDS = frozenset(
    {
        "z",
        "ze",
        "posiadajacy",
        "posiadajace",
        "posiadajacymi",
        "posiadac",
        "posiadaja",
        "miec",
        "maja",
        "podstawie",
        "aktualne",
        "aktualnym",
    }
)


def _coordinated(tokens: Sequence[Token]) -> Iterator[Match]:
    """Matches of a head noun with each adjective coordinated after it: in "poradnictwa
    psychologicznego, prawnego i socjalnego" the pairs (poradnictwo, prawny) and (poradnictwo,
    socjalny) are read as if written side by side. A match spans the head to the adjective."""
    heads = service_heads()
    for index, token in enumerate(tokens):
        if not token.lemmas & heads:
            continue
        position = index + 1
        first = True
        while position < len(tokens):
            word = tokens[position]
            if not first and not _LIST_GAP.match(word.gap_before):
                break
            if word.text.lower() in _CONJUNCTIONS:
                position += 1
                continue
            if not _is_adjective(word.text):
                break
            if not first:
                pair = [token, word._replace(gap_before=" ")]
                for match in find_matches(pair):
                    if match.end == 2 and match.rule.kind == "service":
                        yield Match(match.rule, index, position + 1)
            first = False
            position += 1


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and not (len(token.text) > 1 and token.text.isupper())


# Abbreviations inside names, whose dot does not end one ("Biuro ds. Przeciwdziałania").
_NAME_ABBREVIATIONS = frozenset({"ds", "im", "nr", "św", "sw", "gen", "ks"})


def _ends_name(previous: Token, gap: str) -> bool:
    if re.search(r"[;!?•()\n,:]", gap):
        return True
    return "." in gap and previous.text.lower() not in _NAME_ABBREVIATIONS


def _text_of(tokens: Sequence[Token]) -> str:
    """The words with the gaps between them, and the gap after the last one is unknown: " "."""
    return "".join(token.gap_before + token.text for token in tokens) + " "


def _name_spans(tokens: Sequence[Token], matches: Sequence[Match]) -> list[tuple[int, int]]:
    """Token spans of capitalised names of institutions, programmes and laws: runs of two or
    more capitalised words (small joining words allowed) inside a sentence ("przez Krajowe
    Biuro ds. Przeciwdziałania Narkomanii", "do Programu Wczesnej Profilaktyki Uzależnień"),
    and at its start when they hold an institution type or open with "Ustawa", "Fundusz"…
    Service words inside them name, they do not offer. Words in capitals are emphasis, not a
    name."""
    type_starts = {m.start for m in matches if m.rule.kind == "type"}
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        if not _capitalised(tokens[index]):
            index += 1
            continue
        end = index + 1
        capitals = 1
        while end < len(tokens) and not _ends_name(tokens[end - 1], tokens[end].gap_before):
            word = tokens[end]
            if _capitalised(word):
                capitals += 1
            elif (
                word.text.lower() not in _NAME_JOINERS
                or end + 1 >= len(tokens)
                or not (_capitalised(tokens[end + 1]))
            ):
                break
            end += 1
        first = fold(tokens[index].text).lower()
        # A name that opens a sentence which goes on says what the institution is ("Placówka
        # Wsparcia Dziennego prowadzona jest…"); a name alone or inside a sentence only names.
        # A list item ("…dyżury:•Punkt Informacji dla Osób Uzależnionych") opens like one.
        opens = index == 0 or re.search(r"[:;•]|\s[-–]\s", f" {tokens[index].gap_before} ")
        says_what_it_is = (
            opens
            and index in type_starts
            and len(tokens) - end >= 3
            # "Świetlica Terapeutyczna w Ostródzie ul. Sportowa 1", "Dom Dziennego Pobytu Nr 1
            # „Pod Brzozą” ul. Powstańców 26": an address, not what it is
            and not _ADDRESS.search(_text_of(tokens[end : end + 6]))
            # "Świetlica Terapeutyczna jest jednostką organizacyjną Powiatu…", "Warsztat
            # Terapii Zajęciowej utworzono 25 listopada 1992": its standing, not its offer
            and not _STANDING.match(fold(_text_of(tokens[end:])).lower().lstrip())
        )
        if (
            capitals >= 2
            and not says_what_it_is
            and (
                not opens
                or any(index <= start < end for start in type_starts)
                or first.startswith(_PROGRAMME_WORDS)
            )
        ):
            spans.append((index, end))
        elif opens and end - index > 2 and _is_verb(tokens[index].text):
            # "Współpracujemy z Bankiem Żywności": the sentence's first word, a verb, is not
            # part of the name that follows it.
            end = index + 1
        index = end
    return spans


# Punctuation inside a phrase: "szkoły, rodziców" is two words of a list, not "szkoła dla
# rodziców"; "(np. psychiatry" is not a run of one phrase either.
_PHRASE_BREAK = re.compile(r"[,;:()\[\]•!?]")
# "uzależniony od potrzeb pacjenta" is "depending on": only a substance or a behaviour after
# "uzależniony od" says addiction.
_ADDICTIVE = (
    "alkohol",
    "narkot",
    "substanc",
    "srodk",
    "lek",
    "hazard",
    "nikotyn",
    "tyton",
    "internet",
    "gier",
    "gry",
    "komputer",
    "telefon",
    "smartfon",
    "dopalacz",
    "zakup",
    "seks",
    "pornograf",
    "nalog",
)
# Another's support: "konsultację u innego specjalisty (np. psychiatry…)".
_ANOTHER = re.compile(
    r"\binn(?:ego|ej|ych|ymi|ym|emu|a|y|e) (?:specjalist|lekarz|instytucj|placowk|podmiot|poradni"
    r"|osrod|jednost)"
    r"|\b(?:organizacj|instytucj|podmiot)\w* (?:\w+ ){0,3}dzialajac\w*\b"
)
# What a unit is in law or when it was founded, said of a name that opens a sentence.
_STANDING = re.compile(
    r"(?:\w+ ){0,3}?(?:jest (?:samorzadow\w+ |gminn\w+ |powiatow\w+ )?jednostk|utworzon|utworzono"
    r"|powolan|powstal|zostal\w* (?:utworzon|powolan)|dziala na podstawie|dziala w formie"
    # "Świetlica Terapeutyczna w Ostródzie jest czynna dla interesantów:": its hours
    r"|jest czynn|jest otwart|czynn\w* jest|otwart\w* jest)"
)
# A line that gives a place's address: it names the place, it does not say what it offers.
_ADDRESS = re.compile(r"\b(?:ul|al|pl|os)\.\s|\b\d{2}-\d{3}\b|\btel\.")


def _depends_on(tokens: Sequence[Token], match: Match) -> bool:
    """ "uzależniony jest od potrzeb": the adjective of depending, not of addiction."""
    word = fold(tokens[match.start].text).lower()
    if not word.startswith("uzaleznion") or match.end - match.start != 1:
        return False
    after = [fold(t.text).lower() for t in tokens[match.end : match.end + 4]]
    while after and after[0] in ("jest", "sa", "bedzie", "beda", "zostanie", "byl", "byla"):
        after = after[1:]
    return len(after) >= 2 and after[0] == "od" and not after[1].startswith(_ADDICTIVE)


def _names_a_document(tokens: Sequence[Token]) -> bool:
    """ "• Orzeczenie o potrzebie kształcenia specjalnego", "a) orzeczenie o stopniu…": a
    certificate opening a list item is a document someone brings, not one issued here."""
    first = 1 if len(tokens) > 1 and len(tokens[0].text) == 1 else 0
    return bool(tokens) and fold(tokens[first].text).lower().startswith("orzeczen")


def _skipped(tokens: Sequence[Token], match: Match, names: Sequence[tuple[int, int]]) -> bool:
    """Whether a service match names support without stating it is offered here."""
    if any(start <= match.start < end for start, end in names):
        return True
    if _depends_on(tokens, match) or _names_a_document(tokens):
        return True
    # A word of the phrase table in another sense: "próbek żywności", "karta szczepień".
    if other_sense(tokens, match):
        return True
    before = [fold(t.text).lower() for t in tokens[max(0, match.start - 3) : match.start]]
    # A room is not a service: "sala rehabilitacyjna", "pokój do terapii zajęciowej".
    if any(word.startswith(_ROOM_WORDS) for word in before[-2:]):
        return True
    # The rest of a law's title a line break cut from "ustawy z dnia 9 czerwca 2011 r.": a
    # sentence opening with a lower-case "o", up to its verb ("o wspieraniu rodziny i systemie
    # pieczy zastępczej – realizuje zadanie…").
    if tokens[0].text == "o" and not any(_is_verb(token.text) for token in tokens[1 : match.start]):
        return True
    # "nie udziela porad prawnych", "nie korzysta z ośrodka wsparcia", "niewymagająca leczenia"
    if "nie" in before or any(word.startswith("niewymagaj") for word in before):
        return True
    if (
        before
        and before[-1] in _HOLDING_WORDS
        and fold(tokens[match.start].text).lower().startswith("orzeczen")
    ):
        return True
    words = [fold(token.text).lower() for token in tokens[: match.start + 1]]
    for index, word in enumerate(words[:-1]):
        following = words[index + 1]
        # "na podstawie skierowania przez odpowiednie instytucje (policja, ośrodki pomocy
        # społecznej…)": who refers, as "na wniosek szkoły" says who asks
        if word.startswith(_REFERRER_WORDS) or (
            word.startswith("skierowan") and following in ("przez", "od")
        ):
            return True
        # The title of a law: "ustawy o wspieraniu rodziny i systemie pieczy zastępczej".
        if word.startswith(("ustaw", "rozporzadz")) and following in ("o", "z"):
            return True
        # The topic of information, not an offer: "informowanie o przesłankach ustanowienia
        # obrońcy", "udostępnianie informacji o możliwości … mediacji" (up to the next verb:
        # "informację o stanie bezrobocia…, poinformowała o naborze… na staże" offers them).
        topic = (
            2
            if following == "o" or following.startswith("dotycz")  # "informacji dotyczących"
            else 3
            if words[index + 1 : index + 3] == ["na", "temat"]
            else 0
        )
        if (
            word.startswith(("informow", "informacj"))
            and topic
            and not any(_is_verb(token.text) for token in tokens[index + topic : match.start])
        ):
            return True
        # Who may ask for help, as "na wniosek": "Inicjatywa może pochodzić od rodziców, …
        # kuratora sądowego czy pracownika socjalnego", "organizowana z inicjatywy: ucznia, …";
        # not what is done on one's initiative ("Z inicjatywy Ośrodka prowadzone są zajęcia…").
        if (word, following) == ("pochodzic", "od") or (
            (word, following) == ("z", "inicjatywy")
            and not any(_may_be_a_predicate(t.text) for t in tokens[index + 2 : match.start])
        ):
            return True
        if word == "na" and following.startswith(("wniosek", "wniosku", "prosb")):
            return True
        # What a regulation is about: "Rozporządzenia MEN z dnia … w sprawie … zadań ośrodków".
        if word.startswith(("rozporzadz", "ustaw", "uchwal", "zarzadzen")) and (
            "sprawie" in words[index + 1 : -1]
        ):
            return True
    # Examples of problems or of kinds of units: "trudności życiowych takich, jak utrata
    # bliskich, pracy, czy przemoc domowa", "w ośrodkach wsparcia takich jak środowiskowe domy
    # samopomocy, dzienne domy pomocy".
    before_texts = [token.text for token in tokens[: match.start]]
    if examples_of_problems_or_units(words[:-1], before_texts):
        return True
    # Partners: "Współpracujemy … z podmiotami właściwymi w zakresie … pieczy zastępczej",
    # "aktywuje współpracę z … komisjami rozwiązywania problemów alkoholowych".
    if after_partners(words[:-1], before_texts):
        return True
    # A certificate's name: "orzeczeń o potrzebie kształcenia specjalnego".
    if words[-3:-1] == ["o", "potrzebie"]:
        return True
    # Whose voice: a need ("wymaga pomocy psychologicznej"), a condition ("nie korzysta z
    # ośrodka wsparcia"), a kind of case, a list of staff (`transforms.offer_voice`).
    staff = any(token.lemmas & STAFF_LEMMAS for token in tokens[match.start : match.end]) or (
        match.start > 0 and words[-2].startswith(STAFF_STEMS)
    )
    adjective = match.end - match.start == 1 and _is_adjective(tokens[match.start].text)
    clause = match.start
    while clause > 0 and not _CLAUSE_BREAK.search(tokens[clause].gap_before):
        clause -= 1
    if not_offered_here(words[:-1], _text_of(tokens), staff, adjective, clause):
        return True
    return _ANOTHER.search(" ".join(words[:-1])) is not None


# "Poradnictwo" is counselling in its own right, whatever it is about ("poradnictwo
# psychologiczne" is counselling and psychological support); a single "porada" or
# "konsultacja" is only the more specific thing.
_STANDALONE = frozenset({"poradnictwo"})
# ...except where the phrase is the name of another service: vocational counselling is career
# guidance, "nieodpłatne poradnictwo obywatelskie" is the statutory free legal advice.
_NAMED_SERVICES = frozenset({("poradnictwo", "zawodowy"), ("poradnictwo", "obywatelski")})


# Words that name a service in a label but, alone in a page's prose, are a menu item, a
# department or a programme ("Wydział Edukacji", "Program Operacyjny Wiedza Edukacja Rozwój").
_NOT_ALONE_IN_PROSE = frozenset({("edukacja",)})


def _narrowest_dropped(matches: list[Match]) -> list[Match]:
    """Drop a match that lies inside a longer one of another code: "doradztwo zawodowe" is
    career guidance, not counselling too; "terapia SI" is sensory integration."""
    return [
        m
        for m in matches
        if not any(
            other.rule.code != m.rule.code
            and (m.rule.pattern[0] not in _STANDALONE or other.rule.pattern in _NAMED_SERVICES)
            and other.start <= m.start
            and m.end <= other.end
            and other.end - other.start > m.end - m.start
            for other in matches
        )
    ]


# Where a clause ends: "z problemami psychicznymi - mówi psycholog" is two.
_CLAUSE_BREAK = re.compile(r"[;:!?()]|\s[-–—]\s")
_FREE_OF_CHARGE = re.compile(r"\b(?:nieodplatn|bezplatn|darmow)")


def _counselling_on_law(tokens: Sequence[Token], match: Match, text: str) -> bool:
    """ "specjalistyczne poradnictwo psychologiczne, pedagogiczne i prawne" is counselling on
    legal matters, not the statutory free legal aid: legal aid is "porada prawna", "pomoc
    prawna", a lawyer, or counselling said to be free ("nieodpłatne poradnictwo prawne")."""
    return (
        match.rule.code == "legal_aid"
        and "poradnictwo" in tokens[match.start].lemmas
        and _FREE_OF_CHARGE.search(fold(text).lower()) is None
    )


def _may_be_a_predicate(word: str) -> bool:
    """Whether `word` may be a clause's predicate: some reading of it is a verb's ("działa")
    or a participle's in the nominative ("prowadzone"), and none a conjunction's ("lub", read
    also as "lubić"'s imperative, joins a list of who may ask). A participle in another case
    qualifies a noun of the list ("podmiotu działających na rzecz rodziny")."""
    readings = analyse_word(word.lower())
    if any(r.pos == "conj" for r in readings):
        return False
    return any(
        r.pos in VERB_CLASSES
        or (r.pos in ("ppas", "pact") and "nom" in r.tag.split(":")[2].split("."))
        for r in readings
    )


def _codes_in(sentence: str) -> tuple[list[str], list[str], set[str], set[str]]:
    """Service and target group codes a sentence states, in order of appearance, the service
    codes it states only by a bare session word ("porada", "konsultacja") and those it states
    only by a word of medical care in general ("leczenie", "świadczenia zdrowotne")."""
    # An address's words are not the page's words: "swietlica_ostroda@wp.pl", "/terapia-si".
    text = _LINK.sub(" ", unicodedata.normalize("NFC", sentence))
    # "poradnictwa m.in. psychologicznego": the aside does not part a noun from its adjective.
    text = _ASIDE.sub(" ", text)
    tokens = tokenise(text, kind="description")
    matches = find_matches(tokens)
    names = _name_spans(tokens, matches)
    services = [
        m
        for m in _narrowest_dropped([m for m in matches if m.rule.kind == "service"])
        if m.rule.pattern not in _NOT_ALONE_IN_PROSE
        and not any(_PHRASE_BREAK.search(t.gap_before) for t in tokens[m.start + 1 : m.end])
    ]
    services += list(_coordinated(tokens))  # these span a list: "bytowe, opiekuńcze"
    if grounds_listed(text):
        services = [m for m in services if not names_a_ground(_text_of(tokens[m.start : m.end]))]
    services = sessions_of_another(
        [
            m
            for m in services
            if not _skipped(tokens, m, names) and not _counselling_on_law(tokens, m, text)
        ]
    )
    groups = [
        m
        for m in matches
        if m.rule.kind == "target_group" and not any(s <= m.start < e for s, e in names)
    ]
    return (
        [m.rule.code for m in sorted(services, key=lambda m: m.start)],
        [m.rule.code for m in sorted(groups, key=lambda m: m.start)],
        {m.rule.code for m in services if bare_session(tokens, m)}
        - {m.rule.code for m in services if not bare_session(tokens, m)},
        {m.rule.code for m in services if general_care(m)}
        - {m.rule.code for m in services if not general_care(m)},
    )


# Every record of a page reads the page's text (`transforms.normalise`), and `wsparcie extract`
# its page row too: the last texts' statements are kept (frozen, so shared safely).
@lru_cache(maxsize=256)
def read_support(text: str | None, opening_hours: str | None = None) -> SupportStatements:
    """The support `text` states (services and target groups with their sentences, ages,
    fees, referral) and the schedules of `text` and of an `opening_hours` value. A guide or a
    blog post about kinds of units ("Pracują one zazwyczaj przez całą dobę…") states nothing
    of anyone's: its hours and ages are no unit's either."""
    text = (text or "")[:MAX_TEXT]
    if speaks_as_a_guide(text):
        return SupportStatements(schedules=read_schedules(opening_hours or ""))
    services: dict[str, StatedCode] = {}
    groups: dict[str, StatedCode] = {}
    offered: list[str] = []
    every: list[str] = []
    introduced_by_no_offer = False  # in a list after "zawieszam działalność:", "Wymagania:"
    consultation = announces_a_public_consultation(text)
    sessions_only: dict[str, bool] = {}  # stated only by "porada", "konsultacja" so far
    care_only: dict[str, bool] = {}  # stated only by "leczenie", "świadczenia zdrowotne" so far
    head: str | None = None  # a service noun a heading ends with, over its list's items
    for written in sentences(text):
        # A link's file type run into its title: "DOCXUchwała nr 3252/24…", "PDFRejestr…".
        sentence = _FILE_TYPE.sub("", written)
        every.append(sentence)
        if introduced_by_no_offer and LIST_ITEM.match(sentence):
            continue
        introduced_by_no_offer = False
        if not_an_offer(sentence):
            introduced_by_no_offer = sentence.rstrip().endswith(":")
            continue
        if general_voice(sentence):
            continue
        if consultation and about_the_consultation(sentence):
            continue
        offered.append(sentence)
        service_codes, group_codes, by_session, by_care = _codes_in(
            with_heading_noun(sentence, head)
        )
        head = heading_noun(sentence) or (head if LIST_ITEM.match(sentence) else None)
        for code in service_codes:
            if code not in by_session and sessions_only.get(code):  # its first real statement
                services[code] = StatedCode(code, sentence)
            services.setdefault(code, StatedCode(code, sentence))
            sessions_only[code] = sessions_only.get(code, True) and code in by_session
            # "w zakresie diagnozy, leczenia i rehabilitacji": treatment named beside the
            # page's service is a service of its own
            alone = code in by_care and not set(service_codes) & PAGE_CARE_OF
            care_only[code] = care_only.get(code, True) and alone
        for code in group_codes:
            groups.setdefault(code, StatedCode(code, sentence))
    for code in of_the_page_s_service(set(services), sessions_only, care_only):
        del services[code]
    order = {service.code: i for i, service in enumerate(taxonomy.SERVICES)}
    group_order = {group.code: i for i, group in enumerate(taxonomy.TARGET_GROUPS)}
    schedule_text = "\n".join(part for part in (opening_hours, text) if part)
    return SupportStatements(
        services=tuple(sorted(services.values(), key=lambda s: order[s.code])),
        target_groups=tuple(sorted(groups.values(), key=lambda g: group_order[g.code])),
        ages=read_ages(offered),
        # A form's title still says what is needed ("Wniosek o skierowanie do ŚDS").
        fees=read_fees(every),
        referral=read_referral(every),
        schedules=read_schedules(schedule_text),
    )
