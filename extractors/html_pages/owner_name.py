"""Whose page it is: the owner's name, read from the page and put back together.

Where a page names its owner, best first: schema.org data (`schema_org`), a "Nazwa:" label or
the heading of a label block (`bip_dane`), the line above the address in a contact block
(`name_before_address`), the page title, `og:site_name` and `<h1>` split at their separators
(`title_parts`, scored by `name_score` on the nouns and acronyms that head Polish institution
names: Ośrodek, Urząd, Szkoła, GOPS, …). `about_an_institution` asks `extractors.detect`
whether the owner is a public institution at all.

Page titles and contact blocks cut names in two ways this module repairs:

- a compound adjective written with spaces around its hyphen, "Katolicki Ośrodek
  Psychologiczno - Pastoralny", which a title split on " - " would cut after
  "Psychologiczno" (`join_compound_adjectives`);
- a name given without its place in one spot and with it in another: the contact block says
  "Specjalny Ośrodek Szkolno-Wychowawczy im. Marii Grzegorzewskiej" and the title adds
  "w Niemieńsku"; the title says "Powiatowy Urząd Pracy" and the address block "Powiatowy
  Urząd Pracy w Miliczu"; the title says "Przedszkole" and the footer 'Przedszkole "Bajkowa
  Kraina"' (`completed_name`).

It also tells the owner from other institutions a page names in running text, whose
addresses and identifiers must not become the owner's (`names_another_institution`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from bs4 import BeautifulSoup, Tag

from extractors.detect import detect_page
from extractors.html_pages.dom import attr_text
from extractors.records import Document
from transforms.morphology import analyse_word
from transforms.names import site_owner
from transforms.text import fold_key, normalise_space

log = logging.getLogger(__name__)

VOIVODESHIPS = {
    "dolnoslaskie",
    "kujawsko pomorskie",
    "lubelskie",
    "lubuskie",
    "lodzkie",
    "malopolskie",
    "mazowieckie",
    "opolskie",
    "podkarpackie",
    "podlaskie",
    "pomorskie",
    "slaskie",
    "swietokrzyskie",
    "warminsko mazurskie",
    "wielkopolskie",
    "zachodniopomorskie",
}
# Headings and title parts that name a page or a template, not an institution.
GENERIC = {
    "dane",
    "dane teleadresowe",
    "dane szkoly",
    "dane urzedu",
    "dane jednostki",
    "dane podstawowe",
    "informacje podstawowe",
    "kontakt",
    "dane kontaktowe",
    "strona glowna",
    "biuletyn informacji publicznej",
    "bip",
    "home",
    "o nas",
    "aktualnosci",
    "witamy",
    "oficjalna strona",
    "oficjalna strona internetowa",
    "strona internetowa",
    "menu",
    "informacje ogolne",
    "start",
    "blad",
    "error",
    "404",
}
_NAME_NOUNS = {
    "osrodek",
    "urzad",
    "starostwo",
    "gmina",
    "powiat",
    "miasto",
    "szkola",
    "przedszkole",
    "poradnia",
    "zespol",
    "szpital",
    "przychodnia",
    "zaklad",
    "dom",
    "centrum",
    "fundacja",
    "stowarzyszenie",
    "sad",
    "komenda",
    "komisariat",
    "posterunek",
    "biblioteka",
    "placowka",
    "zlobek",
    "schronisko",
    "spoldzielnia",
    "towarzystwo",
    "zwiazek",
    "parafia",
    "caritas",
    "instytut",
    "liceum",
    "gimnazjum",
    "technikum",
    "uniwersytet",
    "akademia",
    "muzeum",
    "teatr",
    "stacja",
    "inspektorat",
    "kuratorium",
    "klub",
    "hospicjum",
    "warsztaty",
    "biuro",
    "rada",
    "izba",
    "kasa",
    "agencja",
    "punkt",
    "swietlica",
    "internat",
    "bursa",
    "oddzial",
    "filia",
}
_NAME_ACRONYMS = {
    "ops",
    "gops",
    "mops",
    "mgops",
    "pcpr",
    "mopr",
    "ppp",
    "pup",
    "sosw",
    "dps",
    "sds",
    "zoz",
    "spzoz",
    "kpp",
    "kmp",
    "sp",
    "zs",
    "cis",
    "kis",
    "wtz",
    "zaz",
    "ug",
    "um",
    "umig",
    "ugim",
    "mgok",
    "gok",
    "sa",
    "zoo",
}

_TITLE_SPLIT = re.compile(r"\s+[-–—|:»/]+\s+|\s*[|»]\s*|\s*::\s*|,\s+(?=oficjalna|strona)", re.I)
_TITLE_NOISE = re.compile(
    r"(?i)^(?:bip\s*[-–:]?\s+|biuletyn informacji publicznej\s*[-–:]?\s*|"
    r"oficjalna strona(?: internetowa)?\s*|strona g[lł][oó]wna\s*|witamy(?: na stronie)?\s*|"
    r"copyright\s*(?:\(c\)|©)?\s*(?:\d{4}\s*)?|©\s*(?:\d{4}\s*)?|\(c\)\s*(?:\d{4}\s*)?)"
)
_ADDRESS_START = re.compile(
    r"(?i)\s+(?:ul\.|al\.|pl\.|os\.|tel\.?|fax|e-?mail|\d{2}\s?-\s?\d{3}).*$"
)


def name_score(text: str) -> int:
    """How much `text` looks like an institution's name: its head nouns and acronyms, and a
    place phrase; 0 for anything else."""
    words = fold_key(text).split()
    nouns = sum(word in _NAME_NOUNS for word in words)
    acronyms = sum(word in _NAME_ACRONYMS for word in words)
    score = 2 * nouns + acronyms
    if score and " w " in f" {fold_key(text)} ":
        score += 1
    return score


def clean_name(text: str) -> str:
    """A title part or line without "BIP -", "Strona główna", copyright noise and the address
    that may follow the name."""
    text = normalise_space(text)
    previous = None
    while previous != text:
        previous = text
        text = _TITLE_NOISE.sub("", text).strip(" -–|:,.")
    text = _ADDRESS_START.sub("", text)
    return text.strip(" -–|:,")


def _owner_of_site(part: str) -> str:
    """ "Portal Orzeczeń Sądu Rejonowego w Brzozowie": the owner in the nominative is the
    candidate name (for scoring and comparing); `written_name` gives the title back."""
    owner = site_owner(part)
    return owner if owner is not None and name_score(owner) > 0 else part


def _cleaned_title_parts(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        for part in _TITLE_SPLIT.split(join_compound_adjectives(normalise_space(text))):
            yield clean_name(part)


def title_parts(texts: Iterable[str]) -> list[str]:
    """The parts of titles and headings that may name the owner, a site's owner in the
    nominative ("Portal Orzeczeń Sądu Rejonowego w Brzozowie" -> "Sąd Rejonowy w Brzozowie")."""
    parts: list[str] = []
    for cleaned in map(_owner_of_site, _cleaned_title_parts(texts)):
        if cleaned and fold_key(cleaned) not in GENERIC and cleaned not in parts:
            parts.append(cleaned)
    return parts


def written_name(name: str, texts: Iterable[str]) -> str:
    """`name` as the page wrote it: a site's owner that `title_parts` read from "Portal
    Orzeczeń Sądu Rejonowego w Brzozowie" is that title part again (a record's `name_raw`
    keeps the text as written; the normalise stage reads the owner from it, see
    `transforms.names.site_owner`). Any other name is already as written."""
    for part in _cleaned_title_parts(texts):
        if part != name and _owner_of_site(part) == name:
            return part
    return name


def best_name(candidates: list[str], require_score: bool) -> str | None:
    """The best-scoring candidate (the earliest of equals); without any that scores, the first
    one, or None when `require_score`."""
    scored = [(name_score(name), index, name) for index, name in enumerate(candidates)]
    plausible = [item for item in scored if item[0] > 0]
    if plausible:
        return max(plausible, key=lambda item: (item[0], -item[1]))[2]
    if require_score or not candidates:
        return None
    return candidates[0]


def title_texts(soup: BeautifulSoup) -> list[str]:
    """`og:site_name`, `<title>` and the first `<h1>`: where a page says whose it is."""
    texts: list[str] = []
    site_name = soup.find("meta", attrs={"property": "og:site_name"})
    if isinstance(site_name, Tag):
        texts.append(attr_text(site_name, "content"))
    if soup.title is not None:
        texts.append(soup.title.get_text(" "))
    heading = soup.find("h1")
    if isinstance(heading, Tag):
        texts.append(heading.get_text(" "))
    return [text for text in texts if normalise_space(text)]


def about_an_institution(document: Document) -> bool:
    """False for a shop, a vet, a parked domain: their contact blocks look like ours, and a
    record from them would only pollute the directory. The reason goes to the log."""
    detection = detect_page(document)
    if not detection.is_institution:
        log.info(
            "%s: not a public institution's page, no record: %s",
            document.url,
            "; ".join(detection.reasons),
        )
    return detection.is_institution


def name_before_address(lines: list[str], street: str) -> str | None:
    """A name on one of the three lines above the line holding `street`, or None."""
    for index, line in enumerate(lines):
        if street in line or line in street:
            for previous in reversed(lines[max(0, index - 3) : index]):
                candidate = clean_name(previous.rstrip(","))
                if name_score(candidate) > 0:
                    return candidate
            return None
    return None


def lines_before(lines: list[str], street: str | None, count: int = 3) -> list[str]:
    """The few lines above the line holding the owner's street, cleaned like names."""
    if not street:
        return []
    for index, line in enumerate(lines):
        if street in line:
            return [clean_name(previous) for previous in lines[max(0, index - count) : index]]
    return []


# "Psychologiczno - Pastoralny", "Miejsko- Gminny", "PSYCHOLOGICZNO – PEDAGOGICZNEJ": a word
# ending in -o, a dash with a space on either side, another word.
_SPACED_COMPOUND = re.compile(
    r"(?P<left>\b[^\W\d_]{4,}[oO])(?:\s+[-–]\s*|\s*[-–]\s+)(?P<right>[^\W\d_]{3,})\b"
)
# A place phrase after a name: "w Miliczu", "we Wrocławiu", a few words at most.
_PLACE_TAIL = re.compile(r"^(?:w|we)\s+\S+(?:\s+\S+){0,3}$")
# A quoted own name after the kind: 'Przedszkole "Bajkowa Kraina"'; a footer's "Copyright ©
# Przedszkole "Bajkowa Kraina" 2015 Designed by …" is cut after the closing quote.
_QUOTED_TAIL = re.compile(r"^\s+[\"„“”«»]\s*[^\"„“”«»]{2,60}?\s*[\"„“”«»](?=\s|$)")
_TRAILING_YEAR = re.compile(r"\s+(?:19|20)\d{2}$")


def _is_compound_part(word: str) -> bool:
    """The first part of a compound adjective ("psychologiczno", "miejsko"): Morfeusz reads
    it as an adverb or not at all, never as a noun — "Radomsko", "Gniezno" and "Brzozowo"
    are towns, and a title "Radomsko - Oficjalna strona" must stay cut — and it never ends
    in the genitive "-ego" of a patron's name ("im. Stefana Żeromskiego - Dane szkoły")."""
    if word.lower().endswith("ego"):
        return False  # a genitive ("im. Stefana Żeromskiego - Dane szkoły"), not a stem
    readings = analyse_word(word) + analyse_word(word.lower())
    return not any(reading.pos == "subst" for reading in readings)


def _is_adjective(word: str) -> bool:
    return any(reading.pos == "adj" for reading in analyse_word(word) + analyse_word(word.lower()))


def join_compound_adjectives(text: str) -> str:
    """ "Ośrodek Psychologiczno - Pastoralny" -> "Ośrodek Psychologiczno-Pastoralny"; other
    spaced dashes (title separators) are kept."""

    def join(match: re.Match[str]) -> str:
        left, right = match.group("left"), match.group("right")
        # "Rehabilitacyjno – Edukacyjno – Wychowawczy": a chain of stems ends in the adjective
        chained = right[-1] in "oO" and re.match(r"\s*[-–]", text[match.end() :]) is not None
        if _is_compound_part(left) and (_is_adjective(right) or chained):
            return f"{left}-{right}"
        return match.group(0)

    previous = None
    while previous != text:
        previous, text = text, _SPACED_COMPOUND.sub(join, text)
    return text


def completed_name(name: str, candidates: Iterable[str]) -> str:
    """`name`, or a candidate that is the same name followed by its place ("… w Miliczu")
    or by its own quoted name ('Przedszkole "Bajkowa Kraina"'); of several, the shortest.
    Candidates that go on with anything else are other names."""
    key = fold_key(name)
    if not key:
        return name
    best: str | None = None
    for candidate in candidates:
        candidate = _TRAILING_YEAR.sub("", normalise_space(candidate))
        candidate_key = fold_key(candidate)
        if not candidate_key.startswith(key + " "):
            continue
        quoted = _QUOTED_TAIL.match(candidate[len(name) :])
        if fold_key(candidate[: len(name)]) == key and quoted is not None:
            candidate = candidate[: len(name)] + quoted.group(0)
        elif _PLACE_TAIL.match(candidate_key[len(key) + 1 :]) is None:
            continue
        if best is None or len(candidate) < len(best):
            best = candidate
    return best or name


_SEAT_TAIL = re.compile(r"\s(?:w|we)\s[A-ZĄĆĘŁŃÓŚŹŻ][^\s„”\"]*(?:\s[A-ZĄĆĘŁŃÓŚŹŻ][^\s„”\"]*){0,2}$")
_PATRON = re.compile(r"\s(?:im\.|imienia)\s")


def with_patron(name: str, names: Iterable[str]) -> str:
    """`name` with the patron another of its forms gives, before its seat: the page calls it
    "Młodzieżowy Ośrodek Wychowawczy w Szczecinie" in its text and "Młodzieżowy Ośrodek
    Wychowawczy im. Janusza Korczaka" in its contact block, the body's name being "… im.
    Janusza Korczaka w Szczecinie" (fresh m025)."""
    seat = _SEAT_TAIL.search(name)
    if seat is None or _PATRON.search(name):
        return name
    head = name[: seat.start()]
    for other in names:
        patron = _PATRON.search(other)
        if patron is not None and fold_key(other[: patron.start()]) == fold_key(head):
            return f"{head}{_SEAT_TAIL.sub('', other[patron.start() :])}{seat.group(0)}"
    return name


# Word beginnings of the nouns that head Polish institution names, in any case ("Zakładu",
# "Szkoła", "Urzędu"): a text holding one names an institution.
_INSTITUTION_STEMS = (
    "osrod", "urzad", "urzed", "starostw", "gmin", "powiat", "powiec", "szkol", "przedszkol",
    "poradni", "zespol", "szpital", "przychodni", "zaklad", "centrum", "centrow", "fundacj",
    "stowarzysz", "komend", "komisariat", "posterunk", "bibliotek", "placowk", "zlob",
    "schronisk", "spoldzielni", "towarzystw", "zwiaz", "parafi", "caritas", "instytut",
    "liceum", "gimnazj", "technikum", "uniwersytet", "akademi", "muze", "teatr", "stacj",
    "inspektorat", "kuratori", "hospicj", "warsztat", "agencj", "swietlic", "internat",
    "spolk", "firm",
)  # fmt: skip
# Short nouns, matched whole in their common forms only ("sąd" but not "sadownictwo").
_INSTITUTION_WORDS = frozenset({"sad", "sadu", "sadzie", "dom", "domu", "klub", "klubu",
                                "biuro", "biura", "izba", "izby", "kasa", "kasy"})  # fmt: skip
# Words of a name that say what kind of body it is, not which one.
_KIND_STEMS = (
    "miejsk", "miast", "publiczn", "samodzieln", "specjal", "wojewodzk", "spoleczn", "pomoc",
    "prac", "opiek", "zdrowot", "rodzin", "podstawow", "psycholog", "pedagog", "wychowaw",
    "kultur", "sportu", "niepubliczn", "panstwow", "krajow", "polsk", "katolick", "im", "nr",
)  # fmt: skip


def _is_institution_word(word: str) -> bool:
    return word in _INSTITUTION_WORDS or word.startswith(_INSTITUTION_STEMS)


def _same_word(a: str, b: str) -> bool:
    """The same word up to its ending ("chełmski" / "chełmskiego", "Dmosin" / "Dmosinie")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 4:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(4, shorter - 2)


def _last_named_phrase(text: str) -> str:
    """The last institution named in `text`, from the capitalised words before its head noun
    to the end: "… zatwierdził wybór Miejskiego Samodzielnego Publicznego Zakładu Opieki
    Zdrowotnej, " -> "Miejskiego … Zdrowotnej, "; "" when no institution is named."""
    tokens = text.split()
    heads = [i for i, token in enumerate(tokens) if any(
        _is_institution_word(word) for word in fold_key(token).split()
    )]  # fmt: skip
    if not heads:
        return ""
    start = heads[-1]
    while start > 0 and tokens[start - 1][:1].isupper():
        start -= 1
    return " ".join(tokens[start:])


def names_another_institution(context: str, owners: Iterable[str]) -> bool:
    """Whether `context` (the words just before an address or identifier in running text)
    names an institution other than the page owner, whose names are `owners`.

    "… wybór Miejskiego Samodzielnego Publicznego Zakładu Opieki Zdrowotnej, ul. Wołyńska 11"
    on a powiat's page, "Operatorem Serwisu jest Szkoła Języków Obcych …" on a preschool's:
    the address and the REGON that follow are that institution's. Only the last institution
    the context names counts ("Zarząd Powiatu … zatwierdził wybór Zakładu …, ul. …" is the
    Zakład's address). A context naming no institution, or naming the owner (its whole name, or every word of it that is not a
    kind word: "Urząd Gminy w Dmosinie" for "Gmina Dmosin"), does not."""
    context_key = fold_key(_last_named_phrase(context))
    words = context_key.split()
    if not words:
        return False
    for owner in owners:
        key = fold_key(owner)
        if not key:
            continue
        if f" {key} " in f" {context_key} ":
            return False
        # an acronym ("ZOZ Malechowo") says the kind too, written out in the context
        acronyms = {fold_key(t) for t in owner.split() if t.isupper() and 2 <= len(t) <= 6}
        distinctive = [
            word
            for word in key.split()
            if len(word) > 2
            and word not in acronyms
            and not _is_institution_word(word)
            and not word.startswith(_KIND_STEMS)
        ]
        if distinctive and all(any(_same_word(d, w) for w in words) for d in distinctive):
            return False
    return True
