"""Signals of whose page it is beyond where a name stands: who signs it, which office an
organ speaks for, whether the site's address spells what kind of body a name is, whether the
page speaks in its own voice (`OWN_VOICE`) or reads as news (`reads_as_news`).

`page_owner` weighs these with the rest of its evidence:

- `signed`: a notice its head signs is the body's own ("Maciej Gazda" / "Dyrektor MOPR");
- `office_of_organ`: a one-person organ speaks for its office ("Państwowy Powiatowy Inspektor
  Sanitarny w Chełmnie informuje" for the "Powiatowa Stacja Sanitarno-Epidemiologiczna w
  Chełmnie", "Wójt Gminy Dmosin" for the "Urząd Gminy Dmosin"), and a territory's council
  or board for its territory's office ("Zarząd Powiatu Krośnieńskiego ogłasza" for the
  "Starostwo Powiatowe w Krośnie Odrzańskim");
- `address_spells_kind`: the address spells the body's acronym, its kind word, its own words,
  or its place with its number ("p7" and "koszalin" for "Przedszkole nr 7 w Koszalinie"); a
  place alone is as much a town's portal's.
"""

from __future__ import annotations

import re

from extractors.html_pages.page_text import PageText
from extractors.html_pages.site_host import host_agreement, host_labels
from extractors.mention_words import ORGAN_OFFICES
from transforms.morphology import analyse_word
from transforms.text import fold_key

# A notice's signature: the head's title and the body ("Dyrektor MOPR", "Kierownik Gminnego
# Ośrodka Pomocy Społecznej w X"), on a line of its own beside the person's name.
_SIGNATURE_TITLE = re.compile(
    r"^\(?-?\)?\s*(?:Dyrektor|Dyrektorka|Kierownik|Kierowniczka|Prezes|Komendant\w*|"
    r"Naczelnik|Zastępca\s+Dyrektora|Z-ca\s+Dyrektora)\s+\S"
)
_PERSON = re.compile(
    r"^(?:\(-\)\s*)?(?:(?:mgr|dr|inż\.|lek\.)\s+)*"
    r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?"
    r"\s+[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?$"
)
_SIGNATURE_WORDS = 12


def signed(page: PageText, index: int) -> bool:
    """Whether line `index` signs the page for a body: the head's title and the body's name on
    a short line of its own, next to a line that is a person's name."""
    line = page.lines[index].strip()
    if len(line.split()) > _SIGNATURE_WORDS or not _SIGNATURE_TITLE.match(line):
        return False
    neighbours = page.lines[max(0, index - 1) : index] + page.lines[index + 1 : index + 2]
    return any(_PERSON.match(text.strip()) for text in neighbours)


# The offices organs speak for, as folded words of the office's name: the mention reader's
# table and the sanitary inspector's station.
_ORGAN_OFFICE_WORDS: dict[str, tuple[str, ...]] = {
    **ORGAN_OFFICES,
    "inspektor": ("stacja sanitarno",),
}


def _organ_lemma(name: str) -> str | None:
    for word in name.split()[:4]:
        for reading in analyse_word(word) + analyse_word(word.lower()):
            lemma = reading.lemma.split(":")[0].lower()
            if reading.pos == "subst" and lemma in _ORGAN_OFFICE_WORDS:
                return lemma
    return None


# The office that serves a territory's council or board, by the territory's word after it
# ("Zarząd Powiatu Krośnieńskiego" and the "Starostwo Powiatowe w Krośnie Odrzańskim", "Rada
# Gminy Dygowo" and the "Urząd Gminy Dygowo", "Rada Miejska w Kole" and the "Urząd Miejski w
# Kole"), as folded words of the office's name.
_COUNCIL_OFFICES: dict[str, tuple[str, ...]] = {
    "powiat": ("starostwo",),
    "gmina": ("urzad gminy", "urzad gmina"),
    "miasto": ("urzad miasta", "urzad miejski", "urzad miasto"),
    "miejski": ("urzad miasta", "urzad miejski", "urzad miasto"),
    "województwo": ("urzad marszalkowski",),
}
_COUNCIL_HEADS = frozenset({"rada", "zarząd", "sejmik"})


def _council_s_office(organ: str) -> tuple[str, ...] | None:
    words = organ.split()
    if len(words) < 2:
        return None
    heads = {a.lemma.split(":")[0].lower() for a in analyse_word(words[0]) if a.pos == "subst"}
    if not heads & _COUNCIL_HEADS:
        return None
    territories = {a.lemma.split(":")[0].lower() for a in analyse_word(words[1].lower())}
    return next((_COUNCIL_OFFICES[t] for t in sorted(territories) if t in _COUNCIL_OFFICES), None)


def _same_territory(council_key: str, office_key: str) -> bool:
    """Whether a council's territory is the office's place: the county's adjective and the
    seat ("krosnienskie" and "krosna odrzanski"), or one place."""
    place = council_key.split()[-1:]
    if not place:
        return False
    return any(
        common_prefix(place[0], word) >= max(4, min(len(place[0]), len(word)) - 2)
        for word in office_key.split()[-2:]
    )


def common_prefix(a: str, b: str) -> int:
    """How many letters `a` and `b` share from the start."""
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def _same_place(a: str, b: str) -> bool:
    """Whether two keys end with one place ("chelmno", "torunski" and "torun")."""
    x, y = a.split()[-1:], b.split()[-1:]
    if not x or not y:
        return False
    return common_prefix(x[0], y[0]) >= max(4, min(len(x[0]), len(y[0])) - 2)


def office_of_organ(organ: str, organ_key: str, office: str, office_key: str) -> bool:
    """Whether `office` (a name and its key) is the office the organ `organ` heads: an office
    of the organ's kind with the same place; for a territory's council or board, the office
    of that territory (`_council_s_office`)."""
    council = _council_s_office(organ)
    if council is not None:
        written = fold_key(office)
        of_kind = any(words in written or words in office_key for words in council)
        return of_kind and _same_territory(organ_key, office_key)
    lemma = _organ_lemma(organ)
    if lemma is None:
        return False
    written = fold_key(office)
    kinds = _ORGAN_OFFICE_WORDS[lemma]
    of_kind = any(words in written or words in office_key for words in kinds)
    return of_kind and _same_place(organ_key, office_key)


def address_spells_kind(name: str, url: str) -> bool:
    """Whether the site's address spells what kind of body `name` is (see the module
    docstring), not only its place."""
    agreement = host_agreement(name, url)
    if agreement.kind or agreement.kind_word or agreement.proper:
        return True
    number = re.search(r"\bnr\.?\s*(\d+)", name)
    if number is None:
        return False
    return any(re.fullmatch(rf"[a-z]{{1,3}}{number.group(1)}", label) for label in host_labels(url))


# A page that reads as news: quoted speech, sources, photo credits, bylines, ads.
_NEWS_MARKERS = re.compile(
    r"(?i)(?:[–—-]\s*(?:mówi|mowi|powiedział\w*|podkreśla\w*|dodaje|dodał\w*|wyjaśnia\w*|"
    r"tłumaczy|przekazał\w*|zaznacza\w*|wskazuje|zauważa)\b|^źródło\s*:|\bźródło\s*:\s*\S|"
    r"\bfot\.\s|\bfoto:|^reklama$|\bkomentarze\s*\(|/redakcja\b|^autor:|"
    # a news page's furniture: "tekst i zdj. …" (b073), its comments ("0 komentarzy", "Dodaj
    # komentarz", "View all comments": e038, e026)
    r"\btekst\s+i\s+(?:zdj|fot)|\bzdj\.\s|^\d+\s+komentarz\w*$|^dodaj\s+komentarz\b|"
    r"^view\s+all\s+comments$|"
    # a page that calls itself an article, a post or a guide ("W tym artykule przyjrzymy
    # się …", e035: a lawyer's blog quoting a court's name as a worked example)
    r"\bw\s+(?:tym|niniejszym|dzisiejszym|poniższym|poprzednim)\s+"
    r"(?:artykule|wpisie|poradniku|tekście|tekscie)\b|"
    # an encyclopedia's entry: a wiki's section edit link ("Struktura organizacyjna[edytuj |
    # edytuj kod]", h043: an entry on labour offices, its pictures captioned with two)
    r"\[edytuj(?:\s*\|\s*edytuj\s+kod)?\])",
    re.MULTILINE,
)
# The page's own voice: "nasza placówka", "zapraszamy", "informujemy".
OWN_VOICE = re.compile(
    r"(?i)\b(?:nasz[aeiy]?|naszej|naszego|naszym|naszych|naszą|zapraszamy|informujemy|"
    r"(?:do|u|z|dla|od)\s+nas|z\s+nami|"
    r"przyjmujemy|prowadzimy|oferujemy|realizujemy|działamy|dzialamy|funkcjonujemy|"
    r"zajmujemy\s+się|współpracujemy|wspolpracujemy)\b"
)


def reads_as_news(page: PageText) -> bool:
    """Whether the page reads as news (`_NEWS_MARKERS`): a news portal writes about
    institutions; it is not theirs."""
    return len(_NEWS_MARKERS.findall(page.text)) >= 1
