"""Institutions named in Polish news articles (HTML or plain text), as `mention` records.

`parse_article` reads an article's main text (`article_text`: without menus, headers, footers
and sidebars) and gives one `ParsedInstitution(role="mention")` per institution it names
(`extractors.mention_records`): the phrase as written, the sentence it came from, where the
article places it, and the contact data written beside it; the normalise stage puts the name
in the nominative and the place on the map. In an article a kind of unit alone ("Powiatowe
Centrum Pomocy Rodzinie") counts when it stands in a list or beside placed ones.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning

from extractors.context import ParseContext
from extractors.mention_records import block_lines, mention_records
from extractors.records import Document, ExtractionError, ParsedInstitution

_NOISE = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|navbar|navigation|breadcrumbs?|footer|stopka|sidebar|cookies?"
    r"|share|social|comments?|komentarze|skip|banner|widget|header|naglowek)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"content|tresc|article|artykul|post|entry|news|aktualnos", re.IGNORECASE)


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
    return block_lines(_main_element(soup))


def parse_article(
    document: Document, context: ParseContext | None = None
) -> list[ParsedInstitution]:
    """Institutions an article names, one `mention` record each, in order of first mention."""
    text = document.text
    if _looks_like_html(document, text):
        text = article_text(text)
    if not text.strip():
        raise ExtractionError(f"{document.url}: the article has no text")
    return mention_records(text, article=True)
