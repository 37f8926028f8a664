"""Whose page it is, judged from what the page says (the page owner by content).

A page names many institutions; its owner is the one the page speaks for. A person finds it
by signals that hold on any Polish institution's site, whatever its markup, and so does
`find_page_owner`, each signal a named piece of evidence with a weight:

- `declared` (5): a formula that states it: "X zobowiązuje się zapewnić dostępność swojej
  strony" (the statutory accessibility statement), "Administratorem danych … jest X",
  "© 2024 X";
- `title` (4): the page title, or one of its parts between separators, is the name; a title
  that only mentions it in a sentence ("Ogłoszenie o … w Powiatowym Centrum …") gives 1;
- `heading` (3): a line of the page is the name and nothing else (a logo text, a heading),
  also when it runs over two or three lines ("Miejsko-Gminny Ośrodek Pomocy Społecznej" /
  "w Lubsku");
- `contact` (3): its address, phone or e-mail follows the name ("Starostwo Powiatowe w
  Krapkowicach, ul. Kilińskiego 1", a heading over "ul. …" / "tel. …" lines);
- `speaker` (3) / `agent` (2): a sentence begins with it, in the nominative, before the verb
  (`speaker` when the verb announces: "MOPS w Ostrowcu informuje", "Dyrektor PCPR …
  uprzejmie informuje"; `agent` for any other: "Dom Pomocy Społecznej w Lubuczewie
  zapewnia …");
- `host` (3 strong, 1 weak): the site's host spells it (`site_host`);
- `repeated` (1, or 2 from four times), `first` (1: named in the first lines), `own
  voice` (1: the page says "nasz", "zapraszamy") and `referred to` (2: the text calls it by
  its head noun alone, capitalised, as a page does its own institution: "Poradnia udziela
  pomocy", "do zadań Ośrodka należy").

Against a name: the host spells another kind of body (`other host`, -3), a bare type name
with nothing that tells it from others of its kind ("Ośrodek Interwencji Kryzysowej", what
explainers and guides write about) without the host's or the page's own voice (`generic`,
-3), a unit of a body rather than a body ("Biuro Obsługi Interesantów", `unit`, -5). A page
that reads as news (quotes with "– mówi", "Źródło:", photo credits, a byline) needs more
(`MIN_SCORE_ARTICLE`): a news portal writes about institutions; it is not theirs.

The owner is the best-scored name when it reaches `MIN_SCORE` and leads the next by
`MIN_LEAD`; otherwise the page does not say whose it is and no owner is given — a page
whose owner the text never names gives no subject (the issue's rule: never guess from the
URL alone). Weights and thresholds were set on the tuning half of the web corpus
(`benchmarks/web_corpus`, split by host) and checked on the 96 saved pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.html_pages.owner_name import (
    GENERIC,
    clean_name,
    join_compound_adjectives,
    name_score,
)
from extractors.html_pages.page_text import PageText
from extractors.html_pages.site_host import host_agreement, host_names_other_body
from extractors.mentions import find_mentions
from transforms.acronyms import acronym_token_key, by_short
from transforms.morphology import analyse_word
from transforms.name_morphology import institution_vocabulary, key_lemma, nominative
from transforms.names import normalise_name, site_owner
from transforms.text import fold_key, normalise_space

MIN_SCORE = 4
MIN_SCORE_ARTICLE = 7
MIN_LEAD = 2

WEIGHTS = {
    "declared": 5,
    "title": 4,
    "title mention": 1,
    "heading": 3,
    "contact": 3,
    "speaker": 3,
    "agent": 2,
    "host": 3,
    "host (weak)": 1,
    "repeated": 1,
    "repeated often": 2,
    "first": 1,
    "own voice": 1,
    "referred to": 2,
    "other host": -3,
    "generic": -3,
    "unit": -5,
}


@dataclass(frozen=True, slots=True)
class PageOwner:
    """The institution a page speaks for, with why."""

    name: str  # nominative, as the page writes it ("Powiatowe Centrum Pomocy Rodzinie w …")
    score: int
    evidence: tuple[str, ...]
    lines: tuple[int, ...]  # the page lines that name it, first first


@dataclass(slots=True)
class _Candidate:
    key: str
    names: list[tuple[str, bool]] = field(default_factory=list)  # (name, read in nominative)
    lines: list[int] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    count: int = 0

    def score(self) -> int:
        return sum(WEIGHTS[item] for item in self.evidence)


# --- where a name stands --------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+[-–—|:»/]+\s+|\s*[|»]\s*|\s*::\s*")
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)]|[a-z]\))\s+")
# A quoted own name or a place after a type name that the phrase reader left out:
# 'Dom Pomocy Społecznej “Zielony Taras” w Koszalinie', "… Społecznej w Aleksandrowie Łódzkim".
_QUOTED_AFTER = re.compile(r"^\s*[„\"“«]\s*([^\"”»„“\n]{2,60}?)\s*[”\"»“]")
_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_PLACE_AFTER = re.compile(rf"^\s+(?:w|we|W|WE)\s+[{_UPPER}][\w-]+(?:\s+[{_UPPER}][\w-]+)?")
_PATRON_AFTER = re.compile(
    rf"^\s+(?:im\.|IM\.)\s*(?:(?:[a-ząćęłńóśźż]{{1,5}}\.|[{_UPPER}][\w.-]*|[IVX]+)\s*){{1,5}}"
)
# Announcing verbs: the page speaking ("informuje", "zawiadamia", "uprzejmie informuje").
_SPEAKING = frozenset(
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
_DECLARATIONS = (
    re.compile(r"(?i)\bzobowiązuje\s+się\s+zapewnić\s+dostępnoś"),
    re.compile(r"(?i)\bzobowiazuje\s+sie\s+zapewnic\s+dostepnos"),
)
# The controller of the data a page collects is its owner; the "operator" of a site is as
# often the firm that runs it ("Operatorem Serwisu jest Szkoła Języków Obcych FLOWER").
_DECLARED_AFTER = re.compile(
    r"(?i)(?:\badministratorem\b[^.\n]{0,90}?\bjest\b|"
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?)\s*:?\s*"
)
_ADDRESS_START = re.compile(
    r"(?i)^\s*[,;–-]?\s*(?:z\s+siedzibą\s+)?\(?(?:ul\.|ulica|al\.|aleja|pl\.|plac|"
    r"os\.|\d{2}\s?-\s?\d{3}\b|tel\b|telefon|e-?mail|adres)"
)
_CONTACT_LINE = re.compile(
    r"(?i)^\W*(?:ul\.|ulica|al\.|aleja|pl\.|plac|os\.|adres|siedziba|\d{2}\s?-\s?\d{3}\s+\w|"
    r"tel|telefon|fax|faks|e-?mail|poczta|nip|regon|www|kontakt)"
)
# What tells one body from others of its kind: quotes, a place, a patron, a number.
_DISTINGUISHING = re.compile(r"[„\"“«]|\b(?:w|we|W|im\.|nr|z siedzibą)\s")
# Words of kinds of body the institution vocabulary reads under other lemmas.
_KIND_WORDS = frozenset(
    {"psychologiczno", "pedagogiczna", "pedagogiczny", "szkolno", "wychowawczy", "opiekuńczo",
     "opiekunczo", "rehabilitacyjno", "edukacyjno", "terapeutyczna", "dziennego", "pobytu"}
)  # fmt: skip
# Heads of a body's units, not of bodies: a page about a court's customer office is the
# court's page.
_UNIT_HEADS = frozenset(
    {"biuro", "oddział", "oddzial", "wydział", "wydzial", "dział", "dzial", "referat", "sekcja",
     "kancelaria", "kasa", "sekretariat", "czytelnia"}
)  # fmt: skip
# A page that reads as news: quoted speech, sources, photo credits, bylines, ads.
_NEWS_MARKERS = re.compile(
    r"(?i)(?:[–—-]\s*(?:mówi|mowi|powiedział\w*|podkreśla\w*|dodaje|dodał\w*|wyjaśnia\w*|"
    r"tłumaczy|przekazał\w*|zaznacza\w*|wskazuje|zauważa)\b|^źródło\s*:|\bźródło\s*:\s*\S|"
    r"\bfot\.\s|\bfoto:|^reklama$|\bkomentarze\s*\(|/redakcja\b|^autor:)",
    re.MULTILINE,
)
# The page's own voice: "nasza placówka", "zapraszamy", "informujemy".
_OWN_VOICE = re.compile(
    r"(?i)\b(?:nasz[aeiy]?|naszej|naszego|naszym|naszych|naszą|zapraszamy|informujemy|"
    r"(?:do|u|z|dla|od)\s+nas|z\s+nami|"
    r"przyjmujemy|prowadzimy|oferujemy|realizujemy|działamy|dzialamy|funkcjonujemy|"
    r"zajmujemy\s+się|współpracujemy|wspolpracujemy)\b"
)


@dataclass(frozen=True, slots=True)
class _Found:
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
    patron = _PATRON_AFTER.match(text[end:])
    if patron and " im." not in name:
        name = f"{name} {normalise_space(patron.group(0))}"
        end += patron.end()
    if not _HAS_PLACE.search(name):
        part = _WITH_PART_AFTER.match(text[end:])
        if part:
            name = f"{name} {normalise_space(part.group(0))}"
            end += part.end()
        place = _PLACE_AFTER.match(text[end:])
        if place and not _head_word(place.group(0).split()[-1]):
            name = f"{name} {normalise_space(place.group(0))}"
            end += place.end()
    legal = _LEGAL_FORM_AFTER.match(text[end:])
    if legal is None and re.search(r"\s(?:SP|Sp|sp)$", name):  # "… SP" + ". Z O.O."
        legal = re.match(r"(?i)^\.?\s*z\s*o\.\s*o\.?", text[end:])
    if legal and not _LEGAL_FORM_AFTER.search(name):
        joiner = "" if legal.group(0)[:1] == "." else " "
        name = f"{name}{joiner}{normalise_space(legal.group(0))}"
        end += legal.end()
    return _trim_after_quote(_trim_place_tail(name)), end


# "Szpital Głowno Grupa Zdrowie Sp. z o.o.", "… SP ZOZ", "… S.A.": a legal form ends a name.
_LEGAL_FORM_AFTER = re.compile(
    r"(?i)^\s*,?\s*(?:sp\.\s*z\s*o\.\s*o\.?|s\.\s*a\.|sp\.\s*k\.|sp\.\s*j\.|sp\s*zoz|spzoz)"
)


def _trim_after_quote(name: str) -> str:
    """A quoted own name ends a name but for its place, patron or legal form: 'Stowarzyszenie
    „Eventyr” Wpisy' (a menu word after it) is 'Stowarzyszenie „Eventyr”'."""
    close = max(name.rfind("”"), name.rfind("»"))
    if close < 0 or close == len(name) - 1:
        return name
    tail = name[close + 1 :]
    if re.match(r"^\s+(?:w|we|W|im\.|nr|z\s+siedzibą)\s", tail) or _LEGAL_FORM_AFTER.match(tail):
        return name
    return name[: close + 1]


_HAS_PLACE = re.compile(r"\s(?:w|we|W|WE)\s")
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


def _names_in(text: str, line: int) -> Iterator[_Found]:
    """Every institution name in one line or title, in the nominative, extended; a phrase
    already in the nominative ("Hospicjum Świętego Jana Bożego działa") is kept as written.
    A body named inside another's name in the genitive ("Centrum Pracy Socjalnej Miejskiego
    Ośrodka Pomocy Rodzinie w Gdańsku") is a name too."""
    for mention in find_mentions(text):
        yield _found(text, line, mention.start, mention.end, mention.phrase, mention.nominative)
        inner = _inner_body(text, mention.start, mention.phrase)
        if inner is not None:
            yield _found(text, line, *inner)


def _inner_body(text: str, start: int, phrase: str) -> tuple[int, int, str, str] | None:
    """A body named in the genitive inside another's name ("Centrum Pracy Socjalnej
    Miejskiego Ośrodka Pomocy Rodzinie w Gdańsku"): it starts two words after the outer head
    at the earliest ("Centrum Administracyjnego Domu Dziecka" is one name), and its first
    words agree with its own head ("Socjalnej Miejskiego Ośrodka" is not one phrase)."""
    words = phrase.split(" ")
    head = next((i for i, w in enumerate(words) if _is_noun(w)), None)
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


def _is_noun(word: str) -> bool:
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


def _found(text: str, line: int, start: int, end: int, phrase: str, nominative: str) -> _Found:
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
    return _Found(name, line, start, end, phrase, in_nominative)


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


def whole_name(text: str) -> str | None:
    """The institution name a short text (a title part, a heading) consists of, in the
    nominative, or None when it says anything else ("WOLNE STANOWISKA PRACY w PUP", "Co się
    zajmuje Ośrodek Interwencji Kryzysowej?")."""
    return _whole_name(text)


def _whole_name(text: str) -> str | None:
    """The name a short text consists of ("Sąd Rejonowy w Kętrzynie", "STAROSTWO POWIATOWE W
    OLKUSZU", "Gmina Lubawka"), in the nominative; None when it says anything else."""
    text = clean_name(normalise_space(_BULLET.sub("", text))).strip(" .:;,")
    if not text or len(text) > 160 or len(text.split()) > 16:
        return None
    if fold_key(text) in GENERIC:
        return None
    owner = site_owner(text)  # "Portal Orzeczeń Sądu Rejonowego w Bytowie"
    if owner is not None and name_score(owner) > 0:
        return owner
    found = list(_names_in(text, -1))
    if len(found) == 1 and found[0].start <= 2 and found[0].end >= len(text.rstrip(" .!")) - 2:
        return found[0].name
    if len(found) == 1 and found[0].end >= len(text.rstrip(" .!")) - 2 and found[0].start > 2:
        before = text[: found[0].start].split()
        if len(before) <= 3 and all(_proper_word(word) for word in before):
            return f"{text[: found[0].start]}{found[0].name}"  # "S.C. Raczyńscy Specjalistyczna …"
    acronym_led = (
        bool(found) and found[0].name.split()[0].isupper() and len(found[0].name.split()) == 1
    )
    if acronym_led and found[0].start <= 2 and _BARE_PLACE.fullmatch(text[found[0].end :]):
        return f"{found[0].name}{text[found[0].end :]}"  # "GOPS Kwidzyn", "PUP Słubice"
    half = len(text) // 2
    if found and text[:half].strip() == text[half:].strip():
        return _whole_name(text[:half])  # a logo text and a site name: the same name twice
    if (
        not found
        and len(text.split()) >= 2
        and name_score(text) > 0
        and _title_cased(text)
        and not _has_verb(text)
    ):
        return nominative(text)
    return None


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
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _has_verb(text: str) -> bool:
    for word in re.findall(r"[^\W\d_]+", text):
        if any(a.pos in ("fin", "praet", "bedzie") for a in analyse_word(word.lower())):
            return True
    return False


def _verb_after(text: str, end: int) -> str | None:
    """The first word after a name, when it is a verb ("informuje", "jest", "będąca");
    an apposition in brackets is skipped ("Ośrodek Interwencji Kryzysowej w Kobylnicy (OIK)
    jest")."""
    rest = re.sub(r"^\s*\([^)]{0,40}\)", "", text[end:])
    match = re.match(r"^[\s,]*([^\W\d_]+)", rest)
    if match is None:
        return None
    word = match.group(1)
    if any(a.pos in _VERB_POS for a in analyse_word(word.lower())):
        return word.lower()
    if word.lower() in _SPEAKING:
        return word.lower()
    return None


def _sentence_start(text: str, start: int) -> bool:
    """Whether the words before `start` open a sentence: nothing, or a spokesman
    ("Dyrektor", "Komunikat Prezesa i Dyrektora")."""
    before = text[:start]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind(": "))
    clause = _BULLET.sub("", before[cut + 1 :] if cut >= 0 else before)
    # "Informujemy, że Gminny Ośrodek … nie zmienia": a reported statement opens a clause
    clause = re.split(r"(?i)(?:^|[\s,])(?:że|iż|iz|ze)\s", clause)[-1]
    return _SPOKESMAN.match(clause.strip()) is not None


# --- gathering --------------------------------------------------------------------------------


def _declared(page: PageText) -> Iterator[tuple[str, int]]:
    """Names a formula declares the owner (see the module docstring), with their line."""
    for index, line in enumerate(page.lines):
        for pattern in _DECLARATIONS:
            match = pattern.search(line)
            if match is None:
                continue
            before = [f for f in _names_in(line, index) if f.end <= match.start() + 1]
            if before:
                yield before[-1].name, index
            else:
                name = _declared_phrase(line[: match.start()], at_end=True)
                if name:
                    yield name, index
        for match in _DECLARED_AFTER.finditer(line):
            after = [f for f in _names_in(line, index) if abs(f.start - match.end()) <= 2]
            if after:
                yield after[0].name, index
            else:
                name = _declared_phrase(line[match.end() :], at_end=False)
                if name:
                    yield name, index


# A footer joins items with a middle dot or a bar: "© 2025 Arka Noego · Powiat skarżyski".
_PHRASE_STOP = re.compile(
    r"(?i),|\.\s|\(|\s[·|•]\s|\s(?:z\s+siedzibą|przy|ul\.|al\.|tel|e-?mail|NIP)\b"
)


def _declared_phrase(text: str, *, at_end: bool) -> str | None:
    """A name the phrase reader does not know ("Gmina Lubawka", "Uzdrowisko Konstancin-Zdrój
    SA") right before or after a formula, when it reads as a name."""
    if at_end:
        phrase = re.split(r"[.:;]\s|^", text.strip())[-1]
    else:
        phrase = _PHRASE_STOP.split(text, maxsplit=1)[0]
    phrase = normalise_space(phrase).strip(" ,.:;")
    if phrase and phrase[0].isupper() and name_score(phrase) > 0 and len(phrase.split()) <= 12:
        return phrase
    return None


def _headings(page: PageText) -> Iterator[tuple[str, int]]:
    """Lines that are a name (over up to three lines when it continues: "w Lubsku",
    "im. Wojciecha Bogusławskiego w Poznaniu", "„STACYJKOWO”")."""
    lines = page.lines
    index = 0
    while index < len(lines):
        name = _whole_name(lines[index])
        if name is None:
            index += 1
            continue
        joined, used = lines[index], index
        for following in lines[index + 1 : index + 3]:
            if not re.match(r"(?i)^(?:w|we|im\.|nr|[„\"“«])\s*\S", following.strip()):
                break
            if len(following.split()) > 8:
                break
            longer = _whole_name(f"{joined} {following}")
            if longer is None:
                break
            joined, name, used = f"{joined} {following}", longer, used + 1
        yield name, index
        index = used + 1


def _title_parts(page: PageText) -> list[str]:
    parts: list[str] = []
    for text in (page.title, *page.heads):
        text = join_compound_adjectives(text)
        for part in [text, *_TITLE_SEPARATORS.split(text)]:
            part = part.strip()
            if part and part not in parts:
                parts.append(part)
    return parts


def _group(candidates: dict[str, _Candidate], name: str) -> _Candidate | None:
    try:
        key = normalise_name(name).key
    except ValueError:
        return None
    if not key:
        return None
    return candidates.setdefault(key, _Candidate(key))


def _merge_shorter(candidates: dict[str, _Candidate]) -> list[_Candidate]:
    """One candidate per body: a name whose key words all occur, in order, in a longer one
    that starts with the same word ("Dom Pomocy Społecznej" in "Dom Pomocy Społecznej
    „Zielony Taras” w Koszalinie") or ends with all of them (an adjective left out) is that
    body named shortly; of several longer ones, the closest."""
    ordered = sorted(candidates.values(), key=lambda c: len(c.key.split()), reverse=True)
    kept: list[_Candidate] = []
    for candidate in ordered:
        words = candidate.key.split()
        twin = next((k for k in kept if _same_words(k.key.split(), words)), None)
        if twin is not None:  # "slubice" / "slubicach": a place the key could not lemmatise
            twin.count += candidate.count
            twin.lines += candidate.lines
            twin.evidence |= candidate.evidence
            twin.names += candidate.names
            continue
        hosts = [
            k
            for k in kept
            if _subsequence(candidate.key, k.key)
            and (k.key.split()[0] == words[0] or _adjectives_before(words, k.key.split()))
        ]
        if not hosts:
            kept.append(candidate)
            continue
        host = min(hosts, key=lambda k: len(k.key.split()))
        host.count += candidate.count
        host.lines += candidate.lines
        host.evidence |= candidate.evidence
        host.names = candidate.names + host.names
    return kept


def _same_words(a: list[str], b: list[str]) -> bool:
    """Keys of one name whose words differ only in their endings."""
    return (
        len(a) == len(b)
        and a != b
        and all(
            x == y or _common_prefix(x, y) >= max(4, min(len(x), len(y)) - 2)
            for x, y in zip(a, b, strict=True)
        )
    )


def _common_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def _adjectives_before(short: list[str], long: list[str]) -> bool:
    """Whether `long` is `short` with adjectives before it ("młodzieżowy ośrodek …" for
    "ośrodek …"), not another body's name that ends with it ("centrum praca socjalna …")."""
    extra = len(long) - len(short)
    if extra <= 0 or long[extra:] != short:
        return False
    return all(any(a.pos == "adj" for a in analyse_word(word)) for word in long[:extra])


def _subsequence(short: str, long: str) -> bool:
    words = iter(long.split())
    return short != long and all(word in words for word in short.split())


def _best_name(candidate: _Candidate) -> str:
    """The fullest of the names read for one body, with its place, quotes and patron,
    written out rather than an acronym; a name the phrase reader left in an oblique case
    ("Publicznej Powiatowego Urząd Pracy" from "Biuletyn Informacji Publicznej …") only when
    there is no other."""

    def completeness(item: tuple[str, bool]) -> tuple[int, int, int, int, int]:
        name = item[0]
        words = name.split()
        acronyms = sum(1 for w in words if len(w) >= 2 and w.isupper() and w.isalpha())
        caps = 1 if name.isupper() else 0
        key_words = len(normalise_name(name).key.split())
        return (key_words, _head_in_lemma_form(name), -acronyms, -caps, len(name))

    clean = [item for item in candidate.names if item[1]] or candidate.names
    return max(clean, key=completeness)[0]


def _head_in_lemma_form(name: str) -> int:
    """1 when the name's head noun is in its dictionary form ("Przedszkole nr 16", not the
    "Przedszkola nr 16" a genitive may leave): of two readings, the nominative one."""
    for word in name.split()[:3]:
        readings = [a for a in analyse_word(word) + analyse_word(word.lower()) if a.pos == "subst"]
        if readings:
            return int(any(a.lemma.lower() == word.lower() for a in readings))
    return 0


def _news_like(page: PageText) -> bool:
    return len(_NEWS_MARKERS.findall(page.text)) >= 1


def _followed_by_contact(page: PageText, line: int, end: int) -> bool:
    rest = page.lines[line][end:]
    if _ADDRESS_START.match(rest):
        return True
    if rest.strip(" ,.:;–-"):
        return False
    # the next line gives its address or contacts: the name heads its contact block
    following = page.lines[line + 1 : line + 2]
    return any(_CONTACT_LINE.match(text) for text in following)


def _observe(page: PageText) -> dict[str, _Candidate]:
    # "Poradnia Psychologiczno - Pedagogiczna": one compound adjective, not a name and a dash
    page = PageText(
        url=page.url,
        title=join_compound_adjectives(page.title),
        lines=tuple(join_compound_adjectives(line) for line in page.lines),
        heads=tuple(join_compound_adjectives(head) for head in page.heads),
    )
    candidates: dict[str, _Candidate] = {}

    def add(name: str, line: int, *evidence: str, in_nominative: bool = True) -> _Candidate | None:
        name = clean_name(name)  # "Copyright DPS LUBUCZEWO", "BIP - …"
        name = re.sub(r"\s(?:SP|Sp|sp)$", "", name)  # a legal form cut after "Sp."
        candidate = _group(candidates, name)
        if candidate is None:
            return None
        candidate.names.append((name, in_nominative))
        if line >= 0:
            candidate.lines.append(line)
        candidate.evidence.update(evidence)
        return candidate

    for name, line in _declared(page):
        add(name, line, "declared")
    for part in _title_parts(page):
        whole = _whole_name(part)
        if whole is not None:
            add(whole, -1, "title")
    for found in _names_in(page.title, -1):
        add(found.name, -1, "title mention", in_nominative=found.in_nominative)
    for name, line in _headings(page):
        heading = ["heading"]
        if _followed_by_contact(page, line, len(page.lines[line])):
            heading.append("contact")
        add(name, line, *heading)
    for index, line_text in enumerate(page.lines):
        for found in _names_in(line_text, index):
            evidence: list[str] = []
            if index <= 2:
                evidence.append("first")
            if _followed_by_contact(page, index, found.end):
                evidence.append("contact")
            nominative_written = found.in_nominative
            verb = _verb_after(line_text, found.end)
            if verb and _sentence_start(line_text, found.start):
                spokesman = not nominative_written  # "Dyrektor PCPR …", "Dyrekcja Szpitala …"
                if verb in _SPEAKING:
                    evidence.append("speaker")
                elif nominative_written and not spokesman:
                    evidence.append("agent")
            candidate = add(found.name, index, *evidence, in_nominative=found.in_nominative)
            if candidate is not None:
                candidate.count += 1
    return candidates


def _referred_to(name: str, page: PageText) -> bool:
    """Whether the page calls the body by its head noun alone, capitalised, twice or more
    ("Poradnia obejmuje swoją pomocą …", "Do zadań Ośrodka należy …"): the way a page writes
    of its own institution."""
    head = next((w for w in name.split() if _is_noun(w)), None)
    if head is None or not head[:1].isupper():
        return False
    lemmas = {
        a.lemma.lower() for a in analyse_word(head) + analyse_word(head.lower()) if a.pos == "subst"
    }
    count = 0
    for line in page.lines:
        for match in _CAPITALISED_WORD.finditer(line):
            word, after = match.group(1), line[match.end() :]
            if match.start() == 0 and not _BULLET.match(line):
                continue  # a line's first word is capitalised anyway
            if re.match(r"\s*[A-ZĄĆĘŁŃÓŚŹŻ„\"]", after):
                continue  # a name goes on: not the head alone
            if any(
                a.lemma.lower() in lemmas for a in analyse_word(word.lower()) if a.pos == "subst"
            ):
                count += 1
    return count >= 2


_CAPITALISED_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{3,})\b")


def _generic(name: str) -> bool:
    """A type name with nothing that tells one body from another of its kind: no place,
    quotes, patron, number, or word outside the institution vocabulary ("Ośrodek
    Interwencji Kryzysowej", "WTZ"; not "Urząd Gminy Nowe Miasto Lubawskie")."""
    words = name.split()
    if len(words) == 1 and name.isupper():
        return True
    if _DISTINGUISHING.search(name) is not None:
        return False
    vocabulary = institution_vocabulary()
    for word in words:
        for part in word.split("-"):
            part = part.strip('„"“”«»(),.')
            if len(part) < 3 or not part[:1].isupper():
                continue
            if fold_key(key_lemma(part)) not in vocabulary and fold_key(part) not in _KIND_WORDS:
                return False
    return True


def _judge(
    candidate: _Candidate, page: PageText, own_voice: bool, others: list[_Candidate]
) -> None:
    name = _best_name(candidate)
    if candidate.count >= 4:
        candidate.evidence.add("repeated often")
    elif candidate.count >= 2:
        candidate.evidence.add("repeated")
    agreement = host_agreement(name, page.url)
    strength = agreement.strength
    if strength == 0 and agreement.kind_word and not _kind_shared(candidate, others):
        strength = 1  # "poradniap-p.pl" and the one Poradnia the page names
    if strength == 2:
        candidate.evidence.add("host")
    elif host_names_other_body(name, page.url):
        candidate.evidence.add("other host")
        strength = 0
    elif strength == 1:
        candidate.evidence.add("host (weak)")
    speaks = candidate.evidence & {"speaker", "agent", "heading", "title", "declared"}
    if own_voice and speaks:
        candidate.evidence.add("own voice")
    # calling a body by its head noun is self-reference only for a body the page puts forward
    forward = {"title", "title mention", "heading", "declared", "speaker", "agent", "host"}
    rivals = [o for o in others if o is not candidate and o.evidence & forward]
    referred = (
        bool(candidate.evidence & forward)
        and not _kind_shared(candidate, rivals)
        and _referred_to(name, page)
    )
    if referred:
        candidate.evidence.add("referred to")
    if _generic(name) and not (strength or own_voice or referred):
        candidate.evidence.add("generic")
    head = fold_key(name).split()[:1]
    if head and head[0] in _UNIT_HEADS:
        candidate.evidence.add("unit")


def _kind_shared(candidate: _Candidate, others: list[_Candidate]) -> bool:
    """Whether another name on the page has this one's head word ("Komisariat Policji w A"
    and "Komenda Powiatowa Policji w B" on a police portal): a host's kind word then
    points at none of them."""
    kinds = set(candidate.key.split()[:2])
    return any(o is not candidate and kinds & set(o.key.split()[:2]) for o in others)


def _fold_units(candidates: list[_Candidate]) -> list[_Candidate]:
    """A unit named with its body in the genitive ("Centrum Pracy Socjalnej Miejskiego
    Ośrodka Pomocy Rodzinie w Gdańsku", "Oddział Dziecięcy Szpitala Na Wyspie") is evidence
    for that body, which the page also names: the unit gives way to it."""
    kept: list[_Candidate] = []
    for outer in candidates:
        words = outer.key.split()
        body = next(
            (
                inner
                for inner in candidates
                if inner is not outer
                and 2 <= len(words) - len(inner.key.split())
                and words[-len(inner.key.split()) :] == inner.key.split()
                and not _adjectives_before(inner.key.split(), words)
                and _inflected_inside(_best_name(outer), _best_name(inner))
            ),
            None,
        )
        if body is None:
            kept.append(outer)
            continue
        body.evidence |= outer.evidence - {"title", "heading", "declared"}
        body.lines += outer.lines
        body.count += outer.count
    return kept


def _inflected_inside(outer: str, inner: str) -> bool:
    """Whether `outer` writes `inner` in another case ("… Miejskiego Ośrodka Pomocy Rodzinie"
    for "Miejski Ośrodek Pomocy Rodzinie"), as a genitive complement; "Szpital Głowno Grupa
    Zdrowie" is one name, not a unit of "Grupa Zdrowie"."""
    first = fold_key(inner).split()[:1]
    return bool(first) and first[0] not in fold_key(outer).split()


def _judged(page: PageText) -> list[_Candidate]:
    candidates = _fold_units(_merge_shorter(_observe(page)))
    own_voice = _OWN_VOICE.search(page.text) is not None
    for candidate in candidates:
        _judge(candidate, page, own_voice, candidates)
    return sorted(candidates, key=lambda c: c.score(), reverse=True)


@lru_cache(maxsize=64)
def find_page_owner(page: PageText) -> PageOwner | None:
    """The institution the page speaks for, or None when the page does not say (see the
    module docstring for the evidence and how it is weighed)."""
    candidates = _judged(page)
    if not candidates:
        return None
    ranked = candidates
    best = ranked[0]
    runner_up = ranked[1].score() if len(ranked) > 1 else 0
    needed = MIN_SCORE
    if _news_like(page) and not best.evidence & {"declared", "contact", "host"}:
        needed = MIN_SCORE_ARTICLE
    if best.score() < needed or best.score() - runner_up < MIN_LEAD:
        return None
    return PageOwner(
        name=_best_name(best),
        score=best.score(),
        evidence=tuple(sorted(best.evidence)),
        lines=tuple(sorted(set(best.lines))),
    )


def candidates_report(page: PageText) -> list[tuple[str, int, tuple[str, ...]]]:
    """Every name the page gives with its score and evidence, best first (for `wsparcie
    extract` diagnostics and tests)."""
    return [(_best_name(c), c.score(), tuple(sorted(c.evidence))) for c in _judged(page)]
