"""The text a page states its support in, kept as written for the normalise stage to read.

Two readers of the same need: what an institution says it offers, and when it is open. The
extractors keep that text in `ParsedInstitution.description_raw`; `transforms.support_statements`
reads it. What is kept:

- `page_text(document)`: an institution page's visible text, one block (paragraph, list item,
  table cell) per line, without scripts, menus, the header and footer, and the contact block
  (their addresses and phones are the contact parser's). Lines of those parts that give
  opening hours stay: hours are a statement like any other. A plain text file is its own text.
- `texts_about(text, offsets)`: an article's text cut into one part per institution it names:
  from the sentence that first names it up to the sentence that names the next one (the lead
  before the first goes to the first), so that what an article says an institution offers stays
  with that institution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bs4 import Tag

from extractors.records import Document
from transforms.text import normalise_space

# A kept text is cut here: a page is read for what it offers, not archived.
MAX_CHARS = 60_000
_HOURS = re.compile(
    r"(?i)\b(?:godz|czynn|otwart|pon|pn|wt|śr|sr|czw|pt|pi[aą]t|sob|niedz|codziennie)\w*\.?"
    r"[^\n]{0,40}\d{1,2}[:.,]\d{2}"
)
# A label of opening hours on a line of its own ("godziny i dni otwarcia:") and a value with no
# clock time in it that it may stand over ("24H", "całodobowo").
_HOURS_LABEL = re.compile(r"(?i)^[^\d]{0,50}\b(?:godzin|czynn|otwar)\w*[^\d]{0,30}:$")
_ROUND_THE_CLOCK = re.compile(
    r"(?i)^(?:czynn\w* |otwart\w* )?(?:24\s?h|24/7|całodobow\w*|całą dobę|przez całą dobę)\.?$"
)


def _hours_lines(lines: list[str]) -> list[str]:
    """The lines of a page part that give opening hours: a line with a clock time, and a bare
    round-the-clock value with the label over it ("godziny i dni otwarcia:" over "24H")."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _HOURS.search(line):
            kept.append(line)
        elif _HOURS_LABEL.match(line) and index + 1 < len(lines):
            value = lines[index + 1]
            if _ROUND_THE_CLOCK.match(value) and not _HOURS.search(value):
                kept += [line, value]
    return kept


def _is_html(document: Document) -> bool:
    if document.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = document.text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


# A teaser's link to the whole post, at the end of its heading ("Rok Kopernika w Miejskiej
# Bibliotece Publicznej Read More »", f045): template furniture, not part of a name.
_MORE_LINK = re.compile(
    r"(?i)\s*(?:(?:read\s+more|czytaj\s+(?:więcej|wiecej|dalej|całość|calosc)|"
    r"zobacz\s+(?:więcej|wiecej))\s*[»›→…]*|(?:więcej|wiecej)\s*[»›→]+)\s*$"
)


def without_more_link(line: str) -> str:
    """The line without a teaser's "Read More »" / "Czytaj więcej" at its end."""
    return _MORE_LINK.sub("", line)


def page_text(document: Document) -> str | None:
    """An institution page's own text, as written, one block per line; None when empty."""
    # Imported here: the page parsers of `extractors.html_pages` call this module.
    from extractors.html_pages.dom import drop_noise, soup_of, text_lines
    from extractors.html_pages.owner_contacts import contact_blocks

    if not _is_html(document):
        lines = [normalise_space(line) for line in document.text.splitlines()]
    else:
        soup = soup_of(document)
        drop_noise(soup)
        kept_hours: list[str] = []
        # A "Kontakt" heading may sit in the page's only content block: a long block is the
        # page, not its contact block.
        blocks = [b for b in contact_blocks(soup) if len(b.get_text(" ", strip=True)) <= 800]
        for block in [*blocks, *soup.find_all(["header", "footer", "address"])]:
            if isinstance(block, Tag) and not block.decomposed:
                kept_hours += _hours_lines(text_lines(block))
                block.decompose()
        body = soup.body if soup.body is not None else soup
        lines = text_lines(body) + kept_hours
    text = "\n".join(line for line in lines if line)[:MAX_CHARS]
    return text or None


def described(labelled: str | None, document: Document) -> str | None:
    """A page's description for its record: what a label ("Opis:", "Zakres działalności:")
    gave, then the page's own text (`page_text`), each once."""
    text = page_text(document)
    if labelled and (text is None or normalise_space(labelled) not in normalise_space(text)):
        return f"{labelled}\n{text}" if text else labelled
    return text


_SENTENCE_START = re.compile(r"(?:^|\n|(?<=[.!?])\s)")


def _sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding `offset` begins (a line start or after ". ")."""
    starts = [m.end() for m in _SENTENCE_START.finditer(text, 0, offset + 1) if m.end() <= offset]
    return starts[-1] if starts else 0


def texts_about(text: str, offsets: Sequence[int]) -> list[str]:
    """For institutions first named at `offsets` of `text`, the part of the text about each
    (same order as `offsets`)."""
    if not offsets:
        return []
    starts = sorted({_sentence_start(text, offset) for offset in offsets})
    parts: dict[int, str] = {}
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        begin = 0 if index == 0 else start
        parts[start] = text[begin:end].strip()[:MAX_CHARS]
    return [parts[_sentence_start(text, offset)] for offset in offsets]
