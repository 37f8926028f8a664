"""Sentences of a Polish page's text as written, for the readers of what it states.

A page's text comes one block per line (a paragraph, a list item, a table cell). A line that
does not end a sentence is joined with a next line that starts in lower case (a menu item or a
table row broken over two lines: "Poradnictwo" / "zawodowe", "Wtorek" / "od godz. 14 00");
a line is split where a full stop, "!" or "?" is followed by a capital, unless the dot ends an
abbreviation ("ul.", "godz.", "pn.", "m.in.") or a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms.text import normalise_space

# Abbreviations whose dot does not end a sentence ("ul. Słoneczna", "m.in. psycholog").
_ABBREVIATIONS = frozenset(
    """ul al pl os nr tel tel./fax fax godz im św sw ds dz u r ok tj np in m.in pok lok
    dr mgr prof inż inz hab art ust pkt poz zł zl tzw pn pon wt śr sr czw pt sob sb niedz nd ndz
    ks o.o sp gm pow woj jw ww wg min max lit rozdz tys mln ob p.o""".split()
)
# ... and where a copy lost the space: "w godz. 8:00 – 10:00.W przypadku gdy…".
_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[\"„(\[•\-–]?\s*[A-ZĄĆĘŁŃÓŚŹŻ0-9])"
    r"|(?<=[a-ząćęłńóśźż0-9]{2}[.!?])(?=[A-ZĄĆĘŁŃÓŚŹŻ](?:[a-ząćęłńóśźż]|\s))"
)


def _paragraphs(text: str) -> Iterator[str]:
    """Non-empty lines, a line that does not end a sentence joined with a next line that
    starts in lower case ("Poradnictwo" / "zawodowe": a menu item broken over two lines)."""
    pending = ""
    for raw_line in text.splitlines():
        line = normalise_space(raw_line)
        if not line:
            continue
        # A line ending in a number is a complete cell ("7.15 - 15.00" before "wtorek").
        if pending and line[:1].islower() and not re.search(r"[.!?:;\d]$", pending):
            pending = f"{pending} {line}"
            continue
        if pending:
            yield pending
        pending = line
    if pending:
        yield pending


def sentences(text: str) -> Iterator[str]:
    """The sentences of a text as written, in order."""
    for line in _paragraphs(text):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            before = line[start : match.start()]
            # "wt.-pt." ends with the abbreviation "pt."
            last_word = re.split(r"[\s\-–/]", before)[-1].rstrip(".!?").lower()
            if before.endswith(".") and (
                last_word in _ABBREVIATIONS
                or len(last_word) == 1
                or last_word.isdigit()
                or "@" in last_word
                or last_word.startswith(("www", "http"))
            ):
                continue
            yield before.strip()
            start = match.end()
        rest = line[start:].strip()
        if rest:
            yield rest
