"""Which links of an institution's website a person would follow, as data.

A parent looking for help on a poradnia's site clicks "Kontakt", "Oferta", "Formy pomocy",
"Godziny pracy", "Dla rodziców"; a coordinator checking an address clicks "Dane teleadresowe"
or the BIP. `LINK_RULES` is that table: Polish link words with what they lead to and a priority
(1 = read first when the page budget is small). `SKIP_RULES` are links that share those words
but lead elsewhere ("Oferty pracy" is a job ad, not an offer of support).

A link matches a rule when the rule's words appear, in order and next to each other, among the
words of the link's text (its visible text, `title` and image `alt`) or of its address (the
path and query below the home page's folder). Words are compared folded (no diacritics, lower
case) and by lemma (Morfeusz), so "Godzinach pracy", "godziny-pracy" and "GODZINY PRACY" all
match "Godziny pracy", and "zajecia" in an address matches "Zajęcia".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal
from urllib.parse import unquote, urlsplit

from transforms.morphology import analyse_word
from transforms.text import fold, fold_key

Purpose = Literal["contact", "hours", "offer", "parents", "about", "bip"]


@dataclass(frozen=True, slots=True)
class LinkRule:
    """Follow a link whose text or address says `words`; lower `priority` is read first."""

    words: str
    purpose: Purpose
    priority: int


LINK_RULES: Final[tuple[LinkRule, ...]] = (
    # where the institution is and how to reach it
    LinkRule("Kontakt", "contact", 1),
    LinkRule("Dane teleadresowe", "contact", 1),
    LinkRule("Dane kontaktowe", "contact", 1),
    LinkRule("Dane podstawowe", "contact", 1),
    LinkRule("Dane jednostki", "contact", 1),
    LinkRule("Jak do nas trafić", "contact", 2),
    # when it is open
    LinkRule("Godziny otwarcia", "hours", 2),
    LinkRule("Godziny pracy", "hours", 2),
    LinkRule("Godziny przyjęć", "hours", 2),
    LinkRule("Dyżury", "hours", 2),
    LinkRule("Harmonogram", "hours", 3),
    # what it offers
    LinkRule("Oferta", "offer", 2),
    LinkRule("Formy pomocy", "offer", 2),
    LinkRule("Formy wsparcia", "offer", 2),
    LinkRule("Zakres działania", "offer", 2),
    LinkRule("Zakres działalności", "offer", 2),
    LinkRule("Czym się zajmujemy", "offer", 2),
    LinkRule("Usługi", "offer", 2),
    LinkRule("Zajęcia", "offer", 3),
    LinkRule("Terapia", "offer", 3),
    LinkRule("Diagnoza", "offer", 3),
    LinkRule("Poradnictwo", "offer", 3),
    LinkRule("Pomoc psychologiczna", "offer", 3),
    LinkRule("Wczesne wspomaganie", "offer", 3),
    LinkRule("Grupy wsparcia", "offer", 3),
    LinkRule("Punkt konsultacyjny", "offer", 3),
    # a unit of the institution ("Poradnia rodzinna" of a PCPR); on a poradnia's own site most
    # links name it, so it comes after every other word
    LinkRule("Poradnia", "offer", 5),
    # who it is for
    LinkRule("Dla rodziców", "parents", 3),
    LinkRule("Dla rodzin", "parents", 3),
    LinkRule("Dla pacjentów", "parents", 3),
    LinkRule("Dla uczniów", "parents", 4),
    # who works there
    LinkRule("Specjaliści", "about", 4),
    LinkRule("Kadra", "about", 4),
    LinkRule("O nas", "about", 4),
    LinkRule("O poradni", "about", 4),
    LinkRule("O ośrodku", "about", 4),
    LinkRule("O placówce", "about", 4),
    LinkRule("O stowarzyszeniu", "about", 4),
    LinkRule("O fundacji", "about", 4),
    # the institution's BIP (followed off the site, to its data page only: extractors.crawl)
    LinkRule("BIP", "bip", 2),
    LinkRule("Biuletyn Informacji Publicznej", "bip", 2),
)

SKIP_RULES: Final[tuple[str, ...]] = (
    "Oferty pracy",
    "Oferta pracy",
    "Ogłoszenia o naborze",
    "Nabór na stanowisko",
    "Kariera",
    "Przetargi",
    "Zamówienia publiczne",
    "Deklaracja dostępności",
    "Polityka prywatności",
    "Mapa strony",
    "Logowanie",
    "RODO",
)

# Addresses of files, not pages: a person downloads them, the crawl does not read them.
FILE_SUFFIXES: Final[frozenset[str]] = frozenset(
    {
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".xls", ".xlsx", ".ods", ".csv",
        ".ppt", ".pptx", ".odp", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp",
        ".tif", ".tiff", ".zip", ".rar", ".7z", ".gz", ".tar", ".mp3", ".mp4", ".avi", ".mov",
        ".wmv", ".xml", ".exe", ".epub",
    }
)  # fmt: skip
# Endings of page addresses that carry no words ("kontakt.html" is "kontakt").
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php\d?|aspx?|jsp|cfm|shtml)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class LinkMatch:
    """Why a link is followed: the rule and where its words were (the text or the address)."""

    rule: LinkRule
    where: Literal["text", "address"]

    def reason(self) -> str:
        where = "link" if self.where == "text" else "address"
        return f'{where} "{self.rule.words}" ({self.rule.purpose})'


@lru_cache(maxsize=8192)
def _keys(word: str) -> frozenset[str]:
    """A word's comparison keys: its folded form and the folded lemmas Morfeusz gives it."""
    keys = {fold(word).lower()}
    for reading in analyse_word(word):
        keys.add(fold(reading.lemma).lower())
    return frozenset(keys)


def _words(text: str) -> list[frozenset[str]]:
    return [_keys(word) for word in _WORD.findall(text)]


@lru_cache(maxsize=256)
def _rule_words(words: str) -> tuple[frozenset[str], ...]:
    return tuple(_words(words))


def _contains(tokens: list[frozenset[str]], phrase: tuple[frozenset[str], ...]) -> bool:
    if not phrase or len(phrase) > len(tokens):
        return False
    for start in range(len(tokens) - len(phrase) + 1):
        if all(tokens[start + i] & phrase[i] for i in range(len(phrase))):
            return True
    return False


def address_words(url: str, base_path: str = "/") -> str:
    """The words of a link's address below the home page's folder: "/o-nas/kadra.html" ->
    "o nas kadra"; the folder the whole site sits in says nothing about one link."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if base_path != "/" and path.startswith(base_path):
        path = path[len(base_path) :]
    path = _PAGE_SUFFIX.sub("", path)
    query = unquote(parts.query)
    return " ".join(re.split(r"[/_\-.=&+]+", f"{path} {query}")).strip()


def is_file_address(url: str) -> bool:
    """Whether the address names a downloadable file (pdf, doc, jpg, zip …) by its ending."""
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    return dot > path.rfind("/") and path[dot:] in FILE_SUFFIXES


def match_link(text: str, url: str, base_path: str = "/") -> LinkMatch | None:
    """The rule a person would follow this link by (text first, then address), or None."""
    text_tokens = _words(text)
    url_tokens = _words(address_words(url, base_path))
    for tokens in (text_tokens, url_tokens):
        if any(_contains(tokens, _rule_words(skip)) for skip in SKIP_RULES):
            return None
    for where, tokens in (("text", text_tokens), ("address", url_tokens)):
        found = [rule for rule in LINK_RULES if _contains(tokens, _rule_words(rule.words))]
        if found:
            best = min(found, key=lambda r: (r.priority, -len(_rule_words(r.words))))
            return LinkMatch(best, "text" if where == "text" else "address")
    return None


def names_bip(text: str, url: str) -> bool:
    """Whether a link leads to a BIP: it says so, or its host is a `bip.` host."""
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("bip.") or ".bip." in host:
        return True
    folded = f" {fold_key(text)} "
    return " bip " in folded or " biuletyn informacji publicznej " in folded
