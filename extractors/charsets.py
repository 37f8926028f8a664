"""Decoding what a server sent: is it text, in which charset, of which media type.

Polish public sites often serve windows-1250 or ISO-8859-2 while declaring something else (or
nothing). `detect_charset` is the pure function that settles it: a byte-order mark, valid
UTF-8, the declared charset when its reading holds Polish letters rather than mojibake, else
the Polish code page whose reading looks most like Polish. `sniff_declared_charset` reads what
a page declares in its `<meta>` or XML prologue; `parse_content_type` splits a Content-Type
header; `guess_content_type` names the type of a saved file. The fetcher (`extractors.fetch`)
records on every Document both what was declared and what was chosen.
"""

from __future__ import annotations

import codecs
import mimetypes
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import charset_normalizer

_POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")

# Typography that genuinely occurs on Polish pages; it does not count against an encoding.
_TYPOGRAPHY = frozenset("„”“‘’‚«»‹›–—‑…•·°§€×÷©®™′″‰½¼¾²\u00a0\u00ad")


def _misread_polish_letters() -> frozenset[str]:
    """Characters that a Polish letter turns into when read with the wrong 8-bit code page.

    windows-1250 and ISO-8859-2 place ś ź Ś Ź ą Ą at different bytes, and pages in either are
    often declared as the other or as a Western code page. Reading 0x9C (ś in windows-1250) as
    ISO-8859-2 gives a C1 control character, reading 0xB6 (ś in ISO-8859-2) as windows-1250
    gives ¶, 0xB9 (ą / š) and so on: each such character is evidence of the wrong choice.
    """
    polish_pages = ("cp1250", "iso8859_2")
    misreadings = ("cp1250", "iso8859_2", "cp1252", "latin_1")
    found: set[str] = set()
    for byte in range(0x80, 0x100):
        raw = bytes([byte])
        if not any(raw.decode(page, errors="ignore") in _POLISH_LETTERS for page in polish_pages):
            continue
        for page in misreadings:
            char = raw.decode(page, errors="ignore")
            if char and char not in _POLISH_LETTERS:
                found.add(char)
    return frozenset(found)


_MISREAD_POLISH = _misread_polish_letters()
_SUSPICIOUS_WEIGHT = -5


@lru_cache(maxsize=8192)
def _char_weight(char: str) -> int:
    """How much one non-ASCII character says for (+) or against (-) a decoding of Polish text."""
    if char in _POLISH_LETTERS:
        return 1
    if char in _MISREAD_POLISH or char == "\ufffd":
        return _SUSPICIOUS_WEIGHT
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Co", "Cn"):
        return _SUSPICIOUS_WEIGHT
    if char in _TYPOGRAPHY or category[0] == "Z" or category == "Cf":
        return 0
    if category[0] in "LM":
        # Foreign Latin letters (é, ü, č) occur in names but are what most misreadings
        # produce; letters of another script are neutral, so a genuinely Cyrillic or Greek
        # page decoded with its own code page is not beaten by a Latin misreading.
        return -1 if unicodedata.name(char, "").startswith("LATIN") else 0
    return -2  # box drawing, currency, maths: rare in running text


_ASCII_BYTES = bytes(range(0x80))


def _non_ascii_counts(text: str) -> dict[str, int]:
    """How often each non-ASCII character occurs; fast on megabytes of text."""
    # UTF-8 encodes ASCII as itself and everything else with bytes >= 0x80 only, so deleting
    # the ASCII bytes leaves exactly the non-ASCII characters, without a Python-level loop.
    rest = text.encode("utf-8", errors="surrogatepass").translate(None, _ASCII_BYTES)
    chars = rest.decode("utf-8", errors="surrogatepass")
    distinct = set(chars)
    if len(distinct) > 256:
        return dict(Counter(chars))
    return {char: chars.count(char) for char in distinct}


@dataclass(frozen=True, slots=True)
class _Reading:
    charset: str  # Python codec name
    score: int
    suspicious: int  # characters weighted _SUSPICIOUS_WEIGHT


def _read_as(content: bytes, codec: str) -> _Reading | None:
    try:
        text = content.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    counts = _non_ascii_counts(text)
    score = sum(_char_weight(char) * n for char, n in counts.items())
    suspicious = sum(n for char, n in counts.items() if _char_weight(char) == _SUSPICIOUS_WEIGHT)
    return _Reading(codec, score, suspicious)


def _codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label as pages write it, or None when unknown."""
    if not label:
        return None
    cleaned = label.strip().strip("\"'").lower()
    for attempt in (cleaned, cleaned.removeprefix("x-"), cleaned.split(":", 1)[0]):
        try:
            return codecs.lookup(attempt).name
        except LookupError:
            continue
    return None


def _label(codec: str) -> str:
    """The WHATWG-style label for a Python codec name ("cp1250" -> "windows-1250")."""
    if re.fullmatch(r"cp125\d", codec):
        return f"windows-{codec[2:]}"
    match = re.fullmatch(r"iso8859-(\d+)", codec)
    if match:
        return f"iso-8859-{match.group(1)}"
    return codec


_BINARY_MAGIC = (
    b"PK\x03\x04",  # zip: xlsx, ods, docx
    b"PK\x05\x06",  # empty zip
    b"%PDF-",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2: xls, doc
    b"\x1f\x8b",  # gzip
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"Rar!",
    b"7z\xbc\xaf",
)
_TEXT_APPLICATION_TYPES = frozenset(
    {
        "application/xhtml+xml",
        "application/xml",
        "application/json",
        "application/javascript",
        "application/csv",
        "application/x-csv",
    }
)
_BINARY_TYPE_PREFIXES = (
    "image/",
    "audio/",
    "video/",
    "font/",
    "application/pdf",
    "application/zip",
    "application/x-zip",
    "application/gzip",
    "application/x-7z",
    "application/x-rar",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _is_text(content: bytes, content_type: str | None) -> bool:
    # Magic numbers first: PHP download scripts on municipal sites serve xlsx and PDF files
    # as text/html.
    if content.startswith(_BINARY_MAGIC):
        return False
    kind = (content_type or "").lower()
    if kind.startswith("text/") or kind in _TEXT_APPLICATION_TYPES:
        return True
    if kind.endswith(("+xml", "+json")):
        return True
    if kind.startswith(_BINARY_TYPE_PREFIXES):
        return False
    if content.startswith(tuple(bom for bom, _ in _BOMS)):
        return True
    # Unknown, application/octet-stream or application/vnd.ms-excel (which offices also use
    # for CSV and HTML tables saved as .xls): text unless it has NUL bytes.
    return b"\x00" not in content[:8192]


_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)""", re.I)
_SNIFF_BYTES = 16 * 1024
_GUESS_SAMPLE = 1024 * 1024  # CMS pages often have long <head> scripts before their meta tag


def sniff_declared_charset(content: bytes) -> str | None:
    """The charset a page declares about itself: <meta charset>, http-equiv, or <?xml encoding>."""
    head = content[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _mostly_utf8(content: bytes) -> bool:
    """UTF-8 with a few broken bytes: templates in UTF-8 around an include saved in cp1250."""
    text = content.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    counts = _non_ascii_counts(text)
    fine = sum(n for char, n in counts.items() if _char_weight(char) >= 0)
    return fine >= 8 * broken


def detect_charset(content: bytes, declared: str | None, content_type: str | None) -> str | None:
    """The charset to decode `content` with, or None for binary content.

    `declared` is what the HTTP header said (a <meta>/<?xml?> declaration in the content is
    sniffed here too). Order of evidence: a byte-order mark; bytes that are valid UTF-8 (or
    UTF-8 with a few stray bytes); the declared charset if it decodes cleanly and reads like
    text; otherwise the best reading among the declarations, windows-1250, ISO-8859-2 and
    charset_normalizer's guesses, scored by Polish letters gained and control characters or
    misread-letter symbols produced. Returns a label Python can decode with.
    """
    if not _is_text(content, content_type):
        return None
    for bom, charset in _BOMS:
        if content.startswith(bom):
            return charset
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if _mostly_utf8(content):
        return "utf-8"

    readings: dict[str, _Reading | None] = {}

    def reading(codec: str) -> _Reading | None:
        if codec not in readings:
            readings[codec] = _read_as(content, codec)
        return readings[codec]

    stated = [_codec_name(declared), _codec_name(sniff_declared_charset(content))]
    for codec in stated:
        if codec is None:
            continue
        result = reading(codec)
        if result is not None and result.suspicious == 0 and result.score >= 0:
            return _label(codec)

    def best_of(codecs: list[str]) -> _Reading | None:
        best: _Reading | None = None
        for codec in dict.fromkeys(codecs):  # ordered, unique: the earlier wins a tie
            result = reading(codec)
            if result is not None and (best is None or result.score > best.score):
                best = result
        return best

    candidates = [codec for codec in stated if codec is not None] + ["cp1250", "iso8859-2"]
    best = best_of(candidates)
    if best is None or best.suspicious > 0 or best.score <= 0:
        # Not clean Polish in either Polish code page: let charset_normalizer propose others
        # (windows-1251, windows-1252, UTF-16 without BOM, ...). A sample keeps it quick.
        for guess in list(charset_normalizer.from_bytes(content[:_GUESS_SAMPLE]))[:3]:
            codec = _codec_name(guess.encoding)
            if codec is not None:
                candidates.append(codec)
        best = best_of(candidates)
    # ISO-8859-2 decodes any byte sequence, so `best` is only None if the codec table is broken.
    return _label(best.charset) if best is not None else "utf-8"


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """Split a Content-Type header into (media type, charset parameter), both lowercased."""
    if not header or not header.strip():
        return None, None
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower() or None, charset


_EXTRA_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".json": "application/json",
}


def guess_content_type(path: str) -> str | None:
    """The media type a file name suggests, e.g. "text/csv" for "lista.csv"."""
    suffix = Path(path).suffix.lower()
    return _EXTRA_TYPES.get(suffix) or mimetypes.guess_type(path, strict=False)[0]
