"""A page read as a person reads it: a title and lines of text, whatever its markup.

Small institutions' sites are often a title and paragraphs; a saved page may be a text file
(its first line the title). `PageText` is what the content-based readers of this package
(`page_owner`, `owner_lines`) work on, built the same way from HTML (`page_text_of_html`) and
from plain text (`page_text_of_plain`), so that a page is judged by what it says, not by its
layout or file type.

Lines lose what is never content: the "Przejdź do treści" skip links and accessibility
toolbars templates print before the title, a teaser's "Read More »" / "Czytaj więcej", and
HTML markup that a saved copy kept as text (a `tel:` or `mailto:` link there still gives its
number or address).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from extractors.html_pages.dom import attr_text, text_lines
from extractors.page_text import without_more_link
from transforms.morphology import analyse_word
from transforms.text import normalise_space


@dataclass(frozen=True, slots=True)
class PageText:
    """What a page says, in reading order."""

    url: str
    title: str  # the <title>, or the first line of a text file
    lines: tuple[str, ...]  # the visible text, one block (paragraph, list item, cell) a line
    heads: tuple[str, ...] = ()  # og:site_name and the first <h1>, when the page has them

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# Skip links and accessibility toolbars ("Przejdź do głównej treści", "Skocz do Menu
# Głównego", "Kontrast:", "Rozmiar czcionki:"): template furniture, never a name or content.
_SKIP_LINK = re.compile(
    r"(?i)\b(?:przejdź|przejdz|skocz|idź|idz)\s+do\s+(?:głównej\s+|glownej\s+)?"
    r"(?:treści|tresci|zawartości|zawartosci|menu|wyszukiwarki|stopki|nawigacji|mapy|"
    r"głównego\s+menu|glownego\s+menu)(?:\s+(?:strony|biuletynu|głównego|glownego|"
    r"głównej|glownej|główne|glowne|zawartości|zawartosci|menu))*\b"
    r"|\bskip\s+to\s+(?:main\s+)?content\b"
)
_TOOLBAR_LINE = re.compile(
    r"(?i)^(?:kontrast|rozmiar czcionki|odstępy|odstepy|reset|lektor|zmiana kontrastu|"
    r"wersja kontrastowa|powiększ obraz|a\+?|-?a|\+a|a-|menu|wyszukiwarka|szukaj)\s*:?$"
)
# A saved copy that kept its markup as text: "<a href="tel:16 671 70 92">" still gives a
# number and "<a href="mailto:x@y.pl">" an address.
_TAG = re.compile(r"<[^<>]{1,400}>")
_LINK_VALUE = re.compile(r'(?i)<a\s[^<>]*?href\s*=\s*"(?:tel:([^"]+)|mailto:([^"?]+)[^"]*)"[^<>]*>')


# A "w" the page glued to the word before it: "Poradnia Psychologiczno-Pedagogicznaw Ostrowcu
# Świętokrzyskim" (tune i001).
_GLUED_W = re.compile(r"(?<![\w@./-])((?:\w+-)*)(\w{4,})(we?)(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż])")


def _unglued(match: re.Match[str]) -> str:
    """The glued "w" apart, when the word with it is no word the dictionary knows and the word
    without it is one. A word ending in "ow" is a plural's "-ów" written without its "ó"
    ("Spis telefonow Starostwa", "mieszkancow Gminy"), not a word and a "w"."""
    word, preposition = match.group(2), match.group(3)
    if any(a.pos != "ign" for a in analyse_word(word + preposition)):
        return match.group(0)
    if preposition == "w" and word[-1] in "oO":
        return match.group(0)
    known = [a for a in analyse_word(word) if a.pos != "ign"]
    if not any(a.pos == "adj" or a.lemma.islower() for a in known):
        return match.group(0)  # "Krakow Airport", "splyw Drawa": a name, or no word at all
    return f"{match.group(1)}{word} {preposition}"


def clean_line(line: str) -> str:
    """A text line without skip links and markup, space-normalised ("" when nothing is left)."""
    if "<" in line and ">" in line:
        line = _LINK_VALUE.sub(
            lambda m: f" tel. {m.group(1)} " if m.group(1) else f" {m.group(2)} ", line
        )
        line = _TAG.sub(" ", line)
    line = normalise_space(without_more_link(_SKIP_LINK.sub(" ", line)))
    line = _GLUED_W.sub(_unglued, line)
    words = line.split(" ")
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        line = " ".join(words[:half])  # a logo's text and the site name: one name twice
    return "" if _TOOLBAR_LINE.match(line) else line


def _clean_lines(lines: list[str]) -> tuple[str, ...]:
    return tuple(cleaned for cleaned in map(clean_line, lines) if cleaned)


def page_text_of_plain(text: str, url: str) -> PageText:
    """A text file as a page: its first non-empty line is the title, every line a block."""
    lines = _clean_lines(text.splitlines())
    return PageText(url=url, title=lines[0] if lines else "", lines=lines)


def page_text_of_html(soup: BeautifulSoup, url: str) -> PageText:
    """An HTML page (already cleaned of scripts, menus and banners by `dom.drop_noise`)."""
    title = clean_line(soup.title.get_text(" ")) if soup.title is not None else ""
    heads: list[str] = []
    site_name = soup.find("meta", attrs={"property": "og:site_name"})
    if isinstance(site_name, Tag) and attr_text(site_name, "content").strip():
        heads.append(clean_line(attr_text(site_name, "content")))
    heading = soup.find("h1")
    if isinstance(heading, Tag):
        heads.append(clean_line(heading.get_text(" ")))
    body = soup.body if soup.body is not None else soup
    return PageText(
        url=url,
        title=title,
        lines=_clean_lines(text_lines(body, as_rendered=True)),
        heads=tuple(head for head in heads if head),
    )
