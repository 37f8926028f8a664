"""Find raw contact values (postal codes, phones, e-mails, websites, NIP/REGON/KRS, addresses)
in free text or HTML, exactly as written.

Pure functions, no normalisation: a value comes back with the spacing, punctuation and
obfuscation the page used ("(32) 296-21-31", "sekretariat[at]mops.pl", "59 - 100") so that
`transforms/contacts.py` can normalise it and a reviewer can see what the page said.

Polish pages write identifiers and phone numbers with the same digits-and-dashes look
("692-11-39-925" is a NIP, "692-113-925" could be a phone), so the finders lean on labels
("NIP:", "tel.") and digit counts, never on a single regular expression alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from transforms.text import fold, normalise_space

# A postal code is NN-NNN; pages also write "59 - 100". Not glued to other digits or dashes,
# which keeps phone fragments ("58-56-134-87") and year ranges ("2014-2020") out.
_POSTAL = re.compile(r"(?<![\d\-–])\d{2}[ \t]{0,2}[-–][ \t]{0,2}\d{3}(?![\d\-–])")
# Bare "59100" is only a postal code when the text says so.
_POSTAL_BARE = re.compile(r"(?i)\bkod(?:u)?(?:\s+pocztow\w*)?\s*[:.]?\s*(\d{5})(?!\d)")

# A run of digits with the separators Polish pages put inside phone numbers. "/" is not in
# the class: it separates two numbers or introduces an extension ("41 25-30-000/12").
_PHONE_RUN = re.compile(
    # "34/ 315 91 00", "12 /422 12 11": an area code, a slash, a seven-digit local number
    r"[ \t]?\(?0?\d{2}\)?[ \t]*/[ \t]*(?:\d{3}[ \t-]?\d{2}[ \t-]?\d{2}|\d{2}[ \t-]?\d{2}[ \t-]?\d{3})(?![\d-])"
    r"|\(?(?:\+[ \t]?)?\(?[ \t]?\d[\d \t().\-–]*\d"
)
_EXTENSION = re.compile(r"(?i)^(?:\s*,?\s*(?:wew\.?|wewn\.?|w\.)\s*\d{1,5}|/\d{1,4}(?![\d\-]))")
# Labels that make the digits after them something other than a phone number.
_NOT_PHONE_LABEL = re.compile(
    r"(?i)(?:nip|regon|krs|pesel|rspo|teryt|konta?|rachunk\w*|bank\w*|iban|nr\s+rach\w*|"
    r"dz\.\s*u|sygn\w*|epuap|nr\s+ew\w*)\W{0,3}$"
)
_PHONE_LABEL = re.compile(r"(?i)(?:tel|telefon\w*|fax|faks|kom|tel\./fax|centrala|infolinia)\W*$")
# "fax: 41 …" (a fax only, not a phone), but not "tel./fax", "tel. i fax", "telefon/faks".
_FAX_LABEL = re.compile(r"(?i)\b(?:fax|faks|telefaks)\w*\.?\W{0,3}$")
_PHONE_BEFORE_FAX = re.compile(r"(?i)\btel\w*\.?\s*(?:/|i|lub|,|\+)?\s*$")
# The separator between numbers of one list ("(71) 38-42-041, 38-42-989", "58 684-83-71 lub
# 686-41-67", after a range of lines "58 684-83-71 do 75 lub 686-41-67"), where a 7-digit
# number shares the area code of the number before it.
_LIST_SEPARATOR = re.compile(
    r"(?i)^\s*(?:do\s+\d{1,3}\s*)?(?:[,;]|,?\s*\b(?:lub|oraz|albo|i)\b)\s*$"
)
# "tel. (76) 74-63-400, fax: 74-63-401": a number of the same office under its own label,
# written without the area code of the number just before it, which it shares.
_LABELLED_SEPARATOR = re.compile(
    r"(?i)^\s*[,;]?\s*(?:tel\.?|telefon|fax\.?|faks\.?|tel\./fax\.?)\s*[:.]?\s*$"
)
# "Karolewska 70/76 94-023 Łódź": a slashed house number, then a postal code and a locality
_POSTAL_TAIL = re.compile(r"\b\d{2}-\d{3}$")
_LOCALITY_NEXT = re.compile(r"[ \t]+[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]")
_AREA_CODE = re.compile(r"^\(?(?:\+?48)?[ \t]*\(?[ \t]*0?(\d{2})\)?")

_EMAIL = re.compile(
    r"(?i)(?<![\w.+-])[a-z0-9][\w.+-]*"
    r"(?:\s*@\s*|\s*\[\s*(?:at|małpa|malpa)\s*\]\s*|\s*\(\s*(?:at|małpa|malpa)\s*\)\s*"
    r"|\s+at\s+|\s*\{\s*at\s*\}\s*)"
    # the domain's labels, joined by a dot, or by a dot written out when obfuscated ("[dot]");
    # a dot with a space after it ends a sentence, not the address
    # ("michal.lazarow@powiat.rzeszow.pl. Kontaktować można…", "… .pl. Po rejestracji")
    r"[a-z0-9-]+(?:(?:\.|\s*\[\s*(?:dot|kropka)\s*\]\s*|\s*\(\s*(?:dot|kropka)\s*\)\s*)"
    r"[a-z0-9-]+)+"
)
_WEBSITE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"',;()]+[^\s<>\"',;().:!?]")

_NIP = re.compile(r"(?i)\bNIP\b\s*(?:nr\.?)?\s*[:.\-–]?\s*((?:PL\s?)?\d(?:[ \-]?\d){9})(?!\d)")
_REGON = re.compile(
    r"(?i)\bREGON\b\s*(?:nr\.?)?\s*[:.\-–]?\s*(\d(?:[ \-]?\d){8}(?:(?:[ \-]?\d){5})?)(?!\d)"
)
_KRS = re.compile(r"(?i)\bKRS\b\s*(?:nr\.?)?\s*[:.\-–]?\s*(\d(?:[ \-]?\d){2,9})(?!\d)")

_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
# "ul.Kilińskiego 25a" (f029): an abbreviation's full stop may run into the street's name
_STREET_PREFIX = (
    r"\b(?:(?<![.@/])(?:ul|al|os|pl)\.|(?:ulica|aleja|aleje|osiedle|plac|rondo|skwer)(?!\w))"
)
_HOUSE_NUMBER = (
    r"\d{1,4}(?:[ \t]?[a-zA-Z](?![a-zA-Z]))?"
    r"(?:[ \t]?[/\-][ \t]?\d{1,4}(?:[ \t]?[a-zA-Z](?![a-zA-Z]))?|[ \t]?/[ \t]?[a-zA-Z](?![a-zA-Z]))?"
    r"(?:[ \t]*(?:lok\.|lokal|m\.)[ \t]*\d{1,4}[a-zA-Z]?)?"
)
# Letters only: "09-100 Płońsk1. Poradnia udziela …" (a list number glued on) is Płońsk.
_LOCALITY = rf"[{_UPPER}](?:[^\W\d_]|\.)*(?:(?:[ \t]+|-)[{_UPPER}](?:[^\W\d_]|\.)*){{0,3}}"
_POSTAL_IN_ADDRESS = r"\d{2}[ \t]{0,2}[-–][ \t]{0,2}\d{3}"
# "ul. X 12, 26-110 Miasto" or the same across a line break; the prefix is what tells a
# street from any other "Word 12" in prose.
_ADDRESS_PREFIXED = re.compile(
    rf"(?i:(?P<street>{_STREET_PREFIX}[ \t]*[^\n,;:|]{{1,60}}?[ \t]{_HOUSE_NUMBER}))"
    rf"[ \t]*[,;|]?[ \t]*\n?[ \t]*(?P<postal>{_POSTAL_IN_ADDRESS})[ \t,]+(?P<locality>{_LOCALITY})"
)
# An address label may stand before a bare address, at a line's start or in a sentence:
# "Adres: Rynek 26, 32-410 Dobczyce", "… w budynku pod adresem: Kończewice 4, 82-213 Miłoradz".
_ADDRESS_LABEL = r"(?i:\b(?:adres|siedziba)[^\W\d_]*(?:[ \t]+[^\W\d_]+){0,2}[ \t]*:[ \t]*)"
# Villages have no street names ("Malechowo 21, 76-142 Malechowo"); accepted only directly
# before a postal code, at a line's start or after an address label, and only when the words
# start with a capital letter.
_ADDRESS_BARE = re.compile(
    rf"(?m)(?:^[ \t]*|{_ADDRESS_LABEL})(?P<street>[{_UPPER}0-9][^\n,;:|()]{{1,50}}?[ \t]{_HOUSE_NUMBER})"
    rf"[ \t]*[,;|]?[ \t]*\n?[ \t]*(?P<postal>{_POSTAL_IN_ADDRESS})[ \t,]+(?P<locality>{_LOCALITY})"
)
# "58-200 Dzierżoniów ul. Miernicza 5": the postal line first, as letterheads and footers
# sometimes write it; only with a prefixed street, tried when neither order above matched.
_ADDRESS_POSTAL_FIRST = re.compile(
    rf"(?P<postal>{_POSTAL_IN_ADDRESS})[ \t,]+(?P<locality>{_LOCALITY}?)[ \t]*[,;|]?[ \t]*\n?[ \t]*"
    rf"(?i:(?P<street>{_STREET_PREFIX}[ \t]*[^\n,;:|]{{1,60}}?[ \t]{_HOUSE_NUMBER}))(?![\w/])"
)
# Words that end a locality match: "26-110 Skarżysko-Kamienna Tel. 41..." must not swallow "Tel".
_LOCALITY_STOP = {"tel", "tel.", "fax", "faks", "e-mail", "email", "nip", "regon", "krs", "www"}


def _text_of(source: str | Tag | BeautifulSoup) -> str:
    if isinstance(source, str):
        return source
    return source.get_text("\n")


def find_postal_codes(text: str) -> list[str]:
    """Postal codes as written: "59-300", "59 - 100"; a bare "59100" only after "kod"."""
    found = [m.group(0) for m in _POSTAL.finditer(text)]
    found += [m.group(1) for m in _POSTAL_BARE.finditer(text)]
    return _unique(found)


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _plausible_phone_digits(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    if raw.lstrip().startswith("+") or digits.startswith("00"):
        return 10 <= len(digits) <= 14
    if len(digits) == 9:
        return True
    if len(digits) == 10:
        # Old trunk prefix "0 16 621 21 88"; ten digits without it are a NIP.
        return digits.startswith("0")
    if len(digits) == 11:
        return digits.startswith("48")
    return len(digits) == 12 and digits.startswith("048")


def _looks_like_date_or_code(raw: str) -> bool:
    stripped = raw.strip(" ()")
    if re.match(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b", stripped):
        return True  # "08.04.2019 11:00": a date and an hour, however long the run
    if re.search(r"\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*(?:19|20)\d{2}$", stripped):
        return True  # "Kurs przedmałżeński 07- 08.06 .2019.": days and a spaced date
    return bool(
        re.fullmatch(r"\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}", stripped)
        or re.fullmatch(r"\d{4}[.\-]\d{2}[.\-]\d{2}", stripped)
        or re.fullmatch(r"\d{2}\s*-\s*\d{3}", stripped)
    )


def _split_glued_numbers(raw: str) -> list[str]:
    """Split "58 676 51 50 58 676 49 56" (two numbers separated by a space) into numbers; a
    last 7-digit number takes the area code of the one before ("25 681-22-54 681-22-55")."""
    tokens = raw.split()
    parts: list[str] = []
    current: list[str] = []
    for token in tokens:
        current.append(token)
        count = _digit_count(" ".join(current))
        if count == 9 or (count == 11 and re.sub(r"\D", "", " ".join(current)).startswith("48")):
            parts.append(" ".join(current))
            current = []
        elif count > 11:
            return []
    if current and _digit_count(" ".join(current)) == 7 and parts:
        # "25 681-22-54 681-22-55": the second number without the area code it shares
        area = re.sub(r"\D", "", parts[-1]).removeprefix("48")[:2]
        parts.append(f"({area}) {' '.join(current)}")
        current = []
    if current:
        return []
    return parts


@dataclass(frozen=True, slots=True)
class PhoneEntry:
    """One number on a page with the words that label it, as written.

    `label` is the text before the number on its line ("Sekretariat tel.", "fax:",
    "Asystent Rodziny -"), or the label of the number before it when the two are listed
    under one label ("tel. 77 474 97 01, 474 97 02"); "" when none. `fax_only` says the
    label makes it a fax and nothing else ("fax: …", not "tel./fax").
    """

    number: str  # as written, extension included: "(32) 296-21-31", "41 25 30 000 wew. 12"
    label: str = ""
    fax_only: bool = False

    @property
    def fax(self) -> bool:
        """Whether the number is a fax line: labelled only as a fax, or as a phone and a fax
        ("tel/fax - (48 46) 874 62 94")."""
        return self.fax_only or _FAX_WORD.search(self.label) is not None

    @property
    def raw(self) -> str:
        """The entry as a record keeps it in `phones_raw`: label and number, as written (a
        fax whose label lost its "fax" word to a shared list label gets it back)."""
        label = self.label
        if self.fax_only and not _FAX_WORD.search(label):
            label = f"{label} fax:".strip()
        return f"{label} {self.number}".strip()


# Where a label starts: the line's beginning, or the end of a clause or list item before it.
_LABEL_START = re.compile(r"(?:^|[\n|•;]|[.!?]\s|\s[-–—]\s|\)\s)")
_MAX_LABEL_CHARS = 80
# "Inspektorzy ds. obsługi PFRON": the dot of a short abbreviation ("ds.", "ul.", "pok.") is
# no clause's end; the label runs on over it.
_ABBREVIATION_DOT = re.compile(r"(?:^|[\s(])[a-ząćęłńóśźż]{1,3}\.\s+$")


def _label_before(text: str, start: int, floor: int) -> str:
    """The words before position `start` on its line, back to `floor` (the end of the number
    before it) or to the start of the clause they belong to."""
    line_start = text.rfind("\n", 0, start) + 1
    begin = max(line_start, floor, start - _MAX_LABEL_CHARS)
    before = text[begin:start]
    starts = [
        m.end()
        for m in _LABEL_START.finditer(before)
        if m.end() < len(before) and not _ABBREVIATION_DOT.search(before[: m.end()])
    ]
    # the label keeps the words after the last clause break, unless that leaves nothing
    # but a phone word ("Sekretariat - tel.")
    for cut in reversed(starts):
        candidate = before[cut:]
        if re.search(r"[^\W\d_]{3,}", _PHONE_WORDS.sub(" ", candidate)):
            before = candidate
            break
    return normalise_space(before).strip(" ,;|•")


# "(94) 34 29 100  - Oficer Dyżurny Komendy": a list of numbers, each line's label after it.
_LABEL_AFTER = re.compile(r"^[ \t]*[-–—][ \t]*([^\W\d_][^\n\d]{0,100})$")
_MAX_LABEL_AFTER_WORDS = 10


def _label_after(text: str, start: int, end: int) -> str:
    """The words after a number that starts its line, after a dash, to the line's end: the
    label of a "number - label" list ("800 680 620 - Bezpłatny Telefon Zaufania"); "" when
    the number does not start its line or more than a label follows."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[line_start:start].strip():
        return ""
    match = _LABEL_AFTER.match(text[end : line_end if line_end >= 0 else len(text)])
    if match is None or len(match.group(1).split()) > _MAX_LABEL_AFTER_WORDS:
        return ""
    return normalise_space(match.group(1)).strip(" ,;|•")


# "081 852 60 32 (świadczenia wychowawcze)": a number's label in brackets right after it — a
# few words, no digits (not "(wew. 12)", "(8:00-15:00)"), not the hours or room it is open in.
_LABEL_IN_BRACKETS = re.compile(r"^[ \t]*\([ \t]*([^\W\d_][^()\d\n@]{0,80}?)[ \t]*\)")
_NOT_A_LABEL_IN_BRACKETS = re.compile(
    r"(?i)^(?:czynn\w*|w\s+godz\w*|godz\w*|pok\w*|wew\w*|pon\w*|od\s|do\s|w\s+dni\w*|"
    r"płatn\w*|bezpłatn\w*|koszt\w*|opłat\w*|całodob\w*|dawniej|dawny|stary|nowy|nieczynn\w*)"
)
_MAX_LABEL_IN_BRACKETS_WORDS = 6


def _label_in_brackets(text: str, end: int) -> tuple[str, int]:
    """The label a number's brackets right after it give ("(sekretariat)", "(świadczenia
    wychowawcze)") and where the brackets end; ("", end) when none follow or they hold an
    extension, hours, a room or a price rather than whose line it is."""
    match = _LABEL_IN_BRACKETS.match(text[end:])
    if match is None:
        return "", end
    words = normalise_space(match.group(1))
    if (
        len(words.split()) > _MAX_LABEL_IN_BRACKETS_WORDS
        or _NOT_A_LABEL_IN_BRACKETS.match(words)
        or not re.search(r"[^\W\d_]{3,}", _PHONE_WORDS.sub(" ", words))
    ):
        return "", end
    return words, end + match.end()


_FAX_WORD = re.compile(r"(?i)\b(?:fax|faks|telefaks)")
_PHONE_WORDS = re.compile(
    r"(?i)\b(?:tel|telefon\w*|fax|faks\w*|telefaks|kom|komórk\w*|gsm|nr|numer\w*)\b\.?"
)


def _phone_matches(text: str) -> list[tuple[str, int, int, bool]]:
    """(number as written, start, end, labelled only as a fax) for every number in `text`."""
    found: list[tuple[str, int, int, bool]] = []
    previous_end: int | None = None  # where the last number taken ended
    area: str | None = None  # and its area code
    for match in _PHONE_RUN.finditer(text):
        raw = match.group(0).strip(" \t-–.")
        if raw.startswith("(") and ")" not in raw:
            raw = raw[1:].strip()
        if raw.endswith(")") and "(" not in raw:
            raw = raw[:-1].strip()
        before = text[max(0, match.start() - 30) : match.start()]
        gap = text[previous_end : match.start()] if previous_end is not None else ""
        same_label = _LIST_SEPARATOR.match(gap) is not None
        listed = (
            _digit_count(raw) == 7
            and "." not in raw  # "1.05.2019" after a phone is a date
            and area is not None
            and previous_end is not None
            and (same_label or _LABELLED_SEPARATOR.match(gap) is not None)
        )
        if listed:
            raw = f"({area}) {raw}"  # "38-42-989" is no date in a list of phones
        elif _NOT_PHONE_LABEL.search(before) or _looks_like_date_or_code(raw):
            continue
        fax = _FAX_LABEL.search(before)
        fax_only = bool(fax) and not _PHONE_BEFORE_FAX.search(before[: fax.start()] if fax else "")
        if listed and same_label and found:
            fax_only = found[-1][3]  # "fax 41 123 45 67, 123 45 68": the list shares its label
        if re.match(r"(?:19|20)\d\d\s", raw) and not _PHONE_LABEL.search(before):
            continue  # "2013 44120": a year followed by another number
        if before.rstrip().endswith(("/", "-")) and _digit_count(before[-6:]) > 0:
            continue  # the tail of an identifier or of a number we already took
        if "/" in raw and _POSTAL_TAIL.search(raw) and _LOCALITY_NEXT.match(text[match.end() :]):
            continue  # "Karolewska 70/76 94-023 Łódź": a house number and a postal code
        start = match.start()
        tail = _tail_after_break(raw)
        if tail is not None:
            # "(… 7:30 – 15:30) – 54-272-20-02": the hour's digits ran into the number
            start += match.group(0).find(tail)
            raw = tail
        candidates = [raw]
        if _digit_count(raw) > 12 and not raw.startswith("+"):
            candidates = _split_glued_numbers(raw)
        for index, candidate in enumerate(candidates):
            digits = _digit_count(candidate)
            labelled = bool(_PHONE_LABEL.search(before))
            if not (_plausible_phone_digits(candidate) or (digits == 7 and labelled)):
                continue
            end = match.end()
            if index == len(candidates) - 1:
                extension = _EXTENSION.match(text[match.end() :])
                if extension:
                    candidate += extension.group(0).rstrip()
                    end += len(extension.group(0).rstrip())
            found.append((candidate, start, end, fax_only))
            previous_end = match.end()
            area_code = _AREA_CODE.match(candidate) if digits in (9, 11) else None
            area = area_code.group(1) if area_code else None
    return found


# A break inside a run of digits and separators: a closing bracket, or a dash between spaces.
_INNER_BREAK = re.compile(r"\)[ \t]*(?:[-–—][ \t]*)?|[ \t][-–—][ \t]")


def _tail_after_break(raw: str) -> str | None:
    """The number at the end of a run no number has the digits of, after a bracket or a
    spaced dash inside it: "30) – 54-272-20-02" (an hour in brackets, then the number) gives
    "54-272-20-02"; None when the run is a number or its tail is none."""
    if _plausible_phone_digits(raw) or _digit_count(raw) > 12:
        return None
    tail = _INNER_BREAK.split(raw)[-1].strip()
    if tail == raw or _digit_count(tail) != 9 or "(" in tail or ")" in tail:
        return None
    return tail


def find_phones(text: str) -> list[str]:
    """Phone numbers as written, extension included ("(32) 296-21-31", "41 25 30 000 wew. 12").

    Digits labelled as NIP/REGON/KRS/bank account are skipped, as are dates, years, postal
    codes and digit runs of a length no Polish number has. A 7-digit number (pre-1999, no
    area code) is returned only right after a "tel." label, so the normaliser can reject it
    visibly instead of it vanishing here — or, in a list after a number with an area code
    ("(71) 38-42-041, 38-42-989"), with that area code. Numbers labelled only as a fax
    ("fax: …") are not phones; "tel./fax" ones are (`find_phone_entries` keeps both, typed).
    """
    return _unique(number for number, _, _, fax_only in _phone_matches(text) if not fax_only)


def find_numbers(text: str) -> list[str]:
    """Every number as written, faxes included: what a cell the page labels "Faks" holds,
    whose own "fax." before the number (`find_phones` leaves such numbers out) only repeats
    what the label says."""
    return _unique(number for number, _, _, _ in _phone_matches(text))


def find_phone_entries(text: str) -> list[PhoneEntry]:
    """Every number in `text`, faxes included, each with the words that label it as written
    ("Sekretariat tel. 41 123 45 67", "fax: 41 123 45 68", "Asystent Rodziny - tel. 515 …").

    The finder is `find_phones`' own; a number listed after another under one label
    ("tel. (77) 474 97 01, 474 97 02") shares that label. A number given twice under two
    labels ("tel.: 43 678 40 40", "tel./fax.: 43 678 40 40") is two entries: the normaliser
    joins them into one number of both kinds.
    """
    entries: list[PhoneEntry] = []
    floor = 0
    for number, start, end, fax_only in _phone_matches(text):
        gap = text[floor:start]
        label = _label_before(text, start, floor)
        in_brackets, floor = _label_in_brackets(text, end)
        if in_brackets and not re.search(r"[^\W\d_]{3,}", _PHONE_WORDS.sub(" ", label)):
            # "tel. 081 852 60 32 (świadczenia wychowawcze)": the brackets name the line; the
            # phone words before it still type it ("fax 81 … (sekretariat)")
            label = f"{in_brackets} {label}".strip()
        own_label_after = "" if label else _label_after(text, start, end)
        if own_label_after:
            label = own_label_after  # "(94) 34 29 513 - Faks": its line's, not the list's
        elif entries and (
            (not label and not _words_between(gap))
            or _LIST_SEPARATOR.match(gap)
            or gap.strip() == "/"
        ):
            words = _PHONE_WORDS.sub(" ", _LIST_WORDS.sub(" ", label))
            if not label or not re.search(r"[^\W\d_]{3,}", words):
                label = entries[-1].label
        entries.append(PhoneEntry(number, label, fax_only))
    return list(dict.fromkeys(entries))


# The words of a list between two numbers, which label neither: "lub", "do 75" (a range).
_LIST_WORDS = re.compile(r"(?i)\b(?:lub|oraz|albo|do)\b")


def _words_between(gap: str) -> bool:
    """Whether the text between two numbers says more than phone and list words: an
    unlabelled number after an address, hours or a heading of its own does not share the
    label of a number lines above it ("42 689 90 60" / "Karolewska 70/76 94-023 Łódź" / "ŚDS
    Oddział" / … / "42 630 29 68", tune g041)."""
    return re.search(r"[^\W\d_]{3,}", _PHONE_WORDS.sub(" ", _LIST_WORDS.sub(" ", gap))) is not None


def _decode_cfemail(encoded: str) -> str | None:
    """Cloudflare's e-mail protection: hex bytes XOR-ed with the first byte."""
    try:
        data = bytes.fromhex(encoded)
    except ValueError:
        return None
    if not data:
        return None
    key = data[0]
    return bytes(b ^ key for b in data[1:]).decode("utf-8", errors="replace")


def find_emails(source: str | Tag | BeautifulSoup) -> list[str]:
    """E-mail addresses as written: "a@b.pl", "sekretariat[at]mops.pl", "x (at) y.pl".

    Given HTML, also `mailto:` links (their text is often "napisz do nas") and Cloudflare
    `data-cfemail` obfuscation.
    """
    found: list[str] = []
    if not isinstance(source, str):
        for link in source.find_all("a", href=True):
            href = str(link.get("href", "")).strip()
            if href.lower().startswith("mailto:"):
                # The address itself; "mailto:" and "?subject=…" are link syntax, not text.
                found.append(href[7:].split("?", 1)[0].strip())
        for protected in source.find_all(True, attrs={"data-cfemail": True}):
            decoded = _decode_cfemail(str(protected.get("data-cfemail", "")))
            if decoded:
                found.append(decoded)
    text = _text_of(source)
    for match in _EMAIL.finditer(text):
        value = match.group(0)
        if " at " in value.lower() and "@" not in value:
            # " at " is English prose as often as it is an obfuscated "@": keep it only when
            # the local part is one token (no spaces were swallowed before it).
            local = re.split(r"(?i)\s+at\s+", value)[0]
            if " " in local.strip():
                continue
        found.append(value)
    return _unique(found)


def find_websites(source: str | Tag | BeautifulSoup) -> list[str]:
    """Website addresses as written ("www.cus.tarnow.pl", "https://liszki.pl/cus").

    In HTML, a link counts when its visible text is itself an address (the way contact blocks
    show "www.powiat-srem.pl"); the href is returned because templates hyphenate long texts.
    """
    found: list[str] = []
    if not isinstance(source, str):
        for link in source.find_all("a", href=True):
            href = str(link.get("href", "")).strip()
            shown = link.get_text(" ", strip=True)
            if not href.lower().startswith(("http://", "https://")):
                continue
            if _WEBSITE.search(shown) or re.fullmatch(r"[\w.-]+\.[a-z]{2,}(?:/\S*)?", shown):
                found.append(href)
    links = list(found)
    for match in _WEBSITE.finditer(_text_of(source)):
        shown = match.group(0)
        # Link texts repeat (or hyphenate) the href: "www.aleksandrowkuj" + "awski.praca…".
        if not any(shown.lower() in link.lower() for link in links):
            found.append(shown)
    return _unique(found)


def find_nip(text: str) -> list[str]:
    """NIP numbers after a "NIP" label, as written ("692-11-39-925", "PL 6921139925")."""
    return _unique(m.group(1).strip() for m in _NIP.finditer(text))


def find_regon(text: str) -> list[str]:
    """REGON numbers (9 or 14 digits) after a "REGON"/"Regon" label, as written."""
    return _unique(m.group(1).strip() for m in _REGON.finditer(text))


def find_krs(text: str) -> list[str]:
    """KRS numbers after a "KRS" label, as written ("0000014669", "14669")."""
    return _unique(m.group(1).strip() for m in _KRS.finditer(text))


def _trim_locality(locality: str) -> str:
    words = re.split(r"([ \t]+)", locality)
    kept: list[str] = []
    for word in words:
        if word.strip() and fold(word).lower().strip(":,") in _LOCALITY_STOP:
            break
        kept.append(word)
    return "".join(kept).strip(" \t.,")


def find_addresses(text: str) -> list[tuple[str, str, str]]:
    """Every "street number, postal-code locality" address, as (street, postal, locality),
    best kind first: prefixed streets ("ul. X 12, 26-110 Skarżysko-Kamienna", also across a
    line break), then bare village addresses ("Malechowo 21, 76-142 Malechowo"), then the
    postal line written first ("58-200 Dzierżoniów ul. Miernicza 5"); in text order within
    each kind."""
    found: list[tuple[str, str, str]] = []
    for pattern in (_ADDRESS_PREFIXED, _ADDRESS_BARE, _ADDRESS_POSTAL_FIRST):
        for match in pattern.finditer(text):
            street = re.sub(r"[ \t]+", " ", match.group("street")).strip(" ,")
            locality = _trim_locality(match.group("locality"))
            if not locality or _digit_count(street) > 8:
                continue
            address = (street, match.group("postal"), locality)
            if address not in found:
                found.append(address)
    return found


def find_address(text: str) -> tuple[str, str, str] | None:
    """The first address `find_addresses` finds: (street, postal, locality)."""
    return next(iter(find_addresses(text)), None)


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            result.append(value)
    return result
