"""DOM cleaning for institution pages: parse the HTML, drop what is never content, read lines.

`soup_of` refuses a document whose bytes were decoded with the wrong codec (a UTF-16 page
without a byte-order mark, a binary file served as text/html) instead of parsing garbage;
`drop_noise` removes scripts, forms, menus, breadcrumbs and cookie banners; `text_lines` gives
an element's visible text one line per block element or `<br>`, the unit every other module of
`extractors.html_pages` reads.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, Comment, Tag, XMLParsedAsHTMLWarning
from bs4.element import NavigableString

from extractors.records import Document, ExtractionError
from transforms.text import normalise_space

_BLOCK = {
    "p",
    "div",
    "li",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "footer",
    "header",
    "address",
    "br",
    "fieldset",
    "dl",
    "form",
    "main",
    "aside",
    "blockquote",
    "center",
    "hr",
}
_NOISE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "nav",
    "object",
    "button",
    "select",
    "input",
    "textarea",
)
_NOISE_ATTR = re.compile(
    r"(?i)(?:^|[\s_-])(?:menu|nav|navbar|navigation|breadcrumbs?|cookies?|"
    r"skip|sr-only|mobileonly)(?:$|[\s_-])"
)


# More than this share of control characters: the bytes were decoded with the wrong codec
# (UTF-16 without a byte-order mark read as UTF-8, a binary file served as text/html).
_MAX_CONTROL_SHARE = 0.01
# Control characters other than tab, line feed, form feed and carriage return; and U+FFFD.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _check_decoded(document: Document) -> None:
    text = document.text
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise ExtractionError(
            f"{document.url}: unexpected encoding: decoded as {document.charset or 'utf-8'} "
            f"(declared {document.declared_charset or 'nothing'}) the text is "
            f"{controls / len(text):.0%} control or undecodable characters"
        )


def soup_of(document: Document) -> BeautifulSoup:
    """The parsed page; ExtractionError when its text is undecodable or not HTML at all."""
    _check_decoded(document)
    try:
        with warnings.catch_warnings():
            # XHTML pages with an <?xml?> prologue are still HTML to us.
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            return BeautifulSoup(document.text, "lxml")
    except Exception as error:  # lxml rejects some binary garbage outright
        raise ExtractionError(f"{document.url}: not parseable as HTML ({error})") from error


def attr_text(tag: Tag, name: str) -> str:
    """An attribute as text ("" when absent; a class list joined with spaces)."""
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def drop_noise(soup: BeautifulSoup) -> None:
    """Remove scripts, forms, comments, menus and cookie banners: never the owner's data."""
    for tag in soup.find_all(_NOISE_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(["ul", "ol", "div"]):
        if tag.decomposed:  # inside something removed already
            continue
        marker = f"{attr_text(tag, 'id')} {attr_text(tag, 'class')} {attr_text(tag, 'role')}"
        if tag.name in ("ul", "ol") and _NOISE_ATTR.search(marker):
            tag.decompose()
        elif tag.name == "div" and re.search(r"(?i)cookie|navigation|mobileonly", marker):
            tag.decompose()


# A contact icon standing for its label: "<img src=".../tel.png"> 42 719 64 60" in a header
# strip. idcom's "kontakt_phone.gif" icons are read with their blocks (`label_blocks`).
_ICON_WORD = re.compile(
    r"(?i)(?:^|[/_\-.\s])(?P<word>tel|telefon|phone|fax|faks|gsm|mobile|mail|email|e-mail|"
    r"envelope|koperta)(?:[_\-.\s\d]|$)"
)


def name_icons(soup: BeautifulSoup) -> None:
    """Replace a phone, fax or mail icon with the label it stands for ("tel.", "fax:",
    "e-mail:"), so that its number or address reads as labelled text."""
    for image in soup.find_all("img"):
        marker = f"{attr_text(image, 'src')} {attr_text(image, 'alt')} {attr_text(image, 'title')}"
        if "kontakt_" in marker:
            continue
        match = _ICON_WORD.search(marker.rsplit("/", 1)[-1] + " " + marker.split(" ", 1)[-1])
        if match is None:
            continue
        word = match.group("word").lower()
        label = "fax:" if word in ("fax", "faks") else "tel." if "mail" not in word else "e-mail:"
        if word in ("envelope", "koperta"):
            label = "e-mail:"
        image.replace_with(f" {label} ")


def text_lines(tag: Tag, skip: Tag | None = None, *, as_rendered: bool = False) -> list[str]:
    """Visible text of `tag` as lines: a new line at each block element and <br>, and at each
    line break of the source unless `as_rendered` (a browser joins a paragraph's source lines
    into one; only <pre> keeps them). Rendered, a block also ends its line: the text after
    "<h4>Sąd:</h4>" starts a new one, as a browser shows it."""
    pieces: list[str] = []
    block: Tag | None = None  # the block the last text was in
    for node in tag.descendants:
        if skip is not None and (node is skip or inside(node, skip)):
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, Comment):
                text = str(node)
                if as_rendered:
                    parent, in_pre = _block_and_pre(node)
                    if not in_pre:
                        text = text.replace("\n", " ")
                    if text.strip():
                        if parent is not block:
                            pieces.append("\n")
                        block = parent
                pieces.append(text)
        elif isinstance(node, Tag) and node.name in _BLOCK:
            pieces.append("\n")
    text = "".join(pieces)
    return [line for line in (normalise_space(part) for part in text.split("\n")) if line]


def _block_and_pre(node: NavigableString) -> tuple[Tag | None, bool]:
    """The nearest block element around `node`, and whether a <pre> holds it: one walk up
    the tree instead of two `find_parent` searches per piece of text."""
    block: Tag | None = None
    in_pre = False
    parent = node.parent
    while parent is not None:
        name = parent.name
        if block is None and name in _BLOCK:
            block = parent
        if name == "pre":
            in_pre = True
        if in_pre and block is not None:
            break
        parent = parent.parent
    return block, in_pre


def inside(node: Any, ancestor: Tag) -> bool:
    """Whether `node` is a descendant of `ancestor`."""
    parent = getattr(node, "parent", None)
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False
