"""Institutions named in Polish news articles (HTML or plain text), as `mention` records.

`parse_article` reads an article's main text (`article_text`: without menus, headers, footers
and sidebars), finds the institutions it names (`extractors.mentions.find_mentions`) and gives
one `ParsedInstitution(role="mention")` per institution: the phrase as written, the sentence it
came from, and where the article places it, as written; the normalise stage puts the name in
the nominative and the place on the map.

Within one article the same institution is reported once: a mention whose matching key equals
or is a leading part of another mention's key ("Poradni Psychologiczno-Pedagogicznej" after
"Poradnią Psychologiczno-Pedagogiczną w Skarżysku-Kamiennej") is folded into the longer one.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning
from bs4.element import Comment, NavigableString

from extractors.context import ParseContext
from extractors.mentions import Mention, find_mentions
from extractors.page_text import texts_about
from extractors.records import Document, ExtractionError, ParsedInstitution
from transforms.names import normalise_name
from transforms.text import fold_key, normalise_space

_NOISE = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|navbar|navigation|breadcrumbs?|footer|stopka|sidebar|cookies?"
    r"|share|social|comments?|komentarze|skip|banner|widget|header|naglowek)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_CONTENT = re.compile(r"content|tresc|article|artykul|post|entry|news|aktualnos", re.IGNORECASE)
_BLOCKS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "section", "article", "main", "blockquote", "dd", "dt", "figcaption",
)  # fmt: skip


def _looks_like_html(document: Document, text: str) -> bool:
    if document.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _marks(tag: Tag) -> str:
    """A tag's class names and id, space-separated."""
    classes = tag.get("class")
    names = classes if isinstance(classes, list) else [str(classes or "")]
    return " ".join([*names, str(tag.get("id") or "")])


def _main_element(soup: BeautifulSoup) -> Tag:
    for found in (soup.find("article"), soup.find("main"), soup.find(None, {"role": "main"})):
        if isinstance(found, Tag):
            return found
    candidates = [
        tag
        for tag in soup.find_all(["div", "section", "td"])
        if isinstance(tag, Tag) and _CONTENT.search(_marks(tag))
    ]
    if candidates:
        return max(candidates, key=lambda tag: len(tag.get_text(" ", strip=True)))
    return soup.body if isinstance(soup.body, Tag) else soup


def article_text(html: str) -> str:
    """The main text of an article page, one block (paragraph, list item) per line, without
    scripts, menus, headers, footers and sidebars."""
    with warnings.catch_warnings():
        # Some CMSs serve XHTML with an XML prolog; the HTML parser still reads it correctly.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    for tag in soup.find_all(True):
        if not isinstance(tag, Tag) or tag.decomposed or tag.name in ("html", "body"):
            continue
        marks = _marks(tag)
        if marks.strip() and _NOISE.search(marks) and not tag.find(["article", "main"]):
            tag.decompose()
    main = _main_element(soup)
    # Line breaks in the HTML source mean nothing; only <br> and block elements end a line.
    for node in main.find_all(string=True):
        if isinstance(node, NavigableString) and not isinstance(node, Comment):
            node.replace_with(_SPACES.sub(" ", str(node)))
    for br in main.find_all("br"):
        br.replace_with("\n")
    for block in main.find_all(_BLOCKS):
        block.insert_before("\n")
        block.append("\n")
    lines = (normalise_space(line) for line in main.get_text().split("\n"))
    return "\n".join(line for line in lines if line)


def _distinct(mentions: list[Mention]) -> list[Mention]:
    """One mention per institution: drop repeats and shorter references to a longer name."""
    keyed: list[tuple[str, Mention]] = []
    for mention in mentions:
        try:
            key = normalise_name(mention.nominative).key
        except ValueError:
            continue
        keyed.append((key, mention))
    kept: list[Mention] = []
    seen: set[str] = set()
    for key, mention in keyed:
        if key in seen:
            continue
        if any(other != key and other.startswith(key + " ") for other, _m in keyed):
            continue
        seen.add(key)
        kept.append(mention)
    return kept


def parse_article(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Institutions an article names, one `mention` record each, in order of first mention."""
    text = document.text
    if _looks_like_html(document, text):
        text = article_text(text)
    if not text.strip():
        raise ExtractionError(f"{document.url}: the article has no text")
    mentions = _distinct(find_mentions(text))
    # What the article says about each one, for the normalise stage to read its offer in.
    about = texts_about(text, [mention.start for mention in mentions])
    return [
        ParsedInstitution(
            name_raw=mention.phrase,
            role="mention",
            locality_raw=_written_place(mention),
            context_raw=mention.sentence,
            description_raw=text_about or None,
        )
        for mention, text_about in zip(mentions, about, strict=True)
    ]


def _written_place(mention: Mention) -> str | None:
    """Where the article places the institution, as written: its place phrase ("w
    Skarżysku-Kamiennej"), else a bare place ending its name ("Urząd Miasta
    Skarżysko-Kamienna"). The bare place is found on the name's nominative, and taken back
    from the words the article wrote ("SZPITAL GLOWNO" keeps "GLOWNO" in capitals): the
    normalise stage reads the place, a raw field keeps the text."""
    if mention.place_raw:
        return mention.place_raw
    place = normalise_name(mention.nominative).place_raw
    if place is None:
        return None
    size = len(place.split(" "))
    words = mention.phrase.split(" ")
    for end in range(len(words), size - 1, -1):
        written = " ".join(words[end - size : end])
        if fold_key(written) == fold_key(place):
            return written
    return " ".join(words[-size:])
