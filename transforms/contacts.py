"""Normalise contact values taken from Polish pages: phones to E.164, e-mails, websites,
postal codes, NIP/REGON/KRS, street addresses.

Every normaliser takes text as a page wrote it and returns a canonical value or None (or an
empty list) — never a guess. Old 7-digit phone numbers without an area code are rejected
rather than completed with a plausible area code; NIP/REGON must pass their check digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import phonenumbers
from stdnum.exceptions import ValidationError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from transforms.name_morphology import readings
from transforms.phone_labels import label_of
from transforms.text import fold, normalise_space

# --- phones ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """One normalised number: E.164 plus the internal extension a page gave ("wew. 12")."""

    e164: str
    extension: str | None = None


# "41 25-30-000/12": a short tail after "/" is an extension, a long one is another number.
_SLASH_EXTENSION = re.compile(r"(\d)\s*/\s*(\d{1,4})(?!\s*[\d\-])")
_WORD_EXTENSION = re.compile(r"(?i),?\s*\b(?:wewn?\.?|w\.)\s*(\d{1,5})\b")
# Separators between several numbers in one cell; "/" only when a full number follows.
_SPLIT = re.compile(r"(?i)[,;\n]|\s+lub\s+|\s+i\s+|\s+oraz\s+|/(?=\s*(?:\+|\(|\d[\d\s\-()]{6,}))")
_RUN = re.compile(r"\+?\s?\(?\s?\d[\d\s().\-–]*\d\)?")
_RANGE_SUFFIX = re.compile(r"(?i)\s+do\s+\d{1,3}\s*$")
# "12 /422 12 11", "34/ 35 94 008": an area code, a slash, a seven-digit local number (not a
# second number)
_AREA_SLASH = re.compile(
    r"(?:(?<=^)|(?<=[\s:(]))(\(?\d{2}\)?)\s*/\s*"
    r"(?=(?:\d{3}[\s-]?\d{2}[\s-]?\d{2}|\d{2}[\s-]?\d{2}[\s-]?\d{3})(?![\d-]))"
)
# "22 620 90 01-06": a series of numbers sharing all but the last group
_SERIES_END = re.compile(r"^(?P<number>.*\d)\s*[-–]\s*(?P<end>\d{2,3})$")


def _national_digits(run: str) -> str | None:
    """The run as "+<digits>" or 9 national digits, or None when it cannot be a PL number."""
    digits = re.sub(r"\D", "", run)
    if run.lstrip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if len(digits) == 12 and digits.startswith("048"):
        return "+" + digits[1:]
    if len(digits) == 11 and digits.startswith("48"):
        return "+" + digits
    if len(digits) == 10 and digits.startswith("0"):
        return digits[1:]  # the trunk "0" of pre-2005 dialling: "(0-48) 621-01-94"
    if len(digits) == 9:
        return digits
    return None  # 7 digits (no area code) and anything else: not guessed


def _series(run: str) -> list[str]:
    """Numbers written with a shared beginning: "83 344 41 60 61" -> "83 344 41 60" and
    "83 344 41 61" (alternative last groups); "22 620 90 01-06" -> "22 620 90 01" (a series:
    the first number, as for "82 576 52 11 do 13"). Anything else is returned as it was."""
    text = run.strip()
    series = _SERIES_END.match(text)
    if series:
        number = series["number"]
        last_group = re.split(r"[\s\-–]+", number)[-1]
        if len(re.sub(r"\D", "", number)) == 9 and len(series["end"]) == len(last_group):
            return [number]
    tokens = text.split()
    count = used = 0
    while used < len(tokens) and count < 9:
        count += len(re.sub(r"\D", "", tokens[used]))
        used += 1
    if count != 9 or used == len(tokens):
        return [run]
    base, rest = tokens[:used], tokens[used:]
    width = len(re.sub(r"\D", "", base[-1]))
    if not all(t.isdigit() and len(t) == width for t in rest):
        return [run]
    return [" ".join(base)] + [" ".join([*base[:-1], t]) for t in rest]


def _glued(run: str) -> list[str]:
    tokens = run.split()
    parts: list[str] = []
    current: list[str] = []
    for token in tokens:
        current.append(token)
        digits = re.sub(r"\D", "", " ".join(current))
        if len(digits) == 9 or (len(digits) == 11 and digits.startswith("48")):
            parts.append(" ".join(current))
            current = []
    return parts if parts and not current else [run]


def parse_phones(raw: str) -> list[PhoneNumber]:
    """Every valid Polish number in one cell, with extensions kept apart.

    Handles area codes in brackets, dashes, spaces, "tel./fax" labels, several numbers per
    cell (",", ";", "/", " lub ", new lines), "wew. 12" / "/12" extensions, an area code
    before a slash ("12 /422 12 11"), alternative last groups ("83 344 41 60 61": two
    numbers) and series ("22 620 90 01-06": the first).
    """
    result: list[PhoneNumber] = []
    seen: set[str] = set()
    for part in _SPLIT.split(_AREA_SLASH.sub(r"\1 ", raw)):
        extension: str | None = None
        match = _WORD_EXTENSION.search(part) or _SLASH_EXTENSION.search(part)
        if match:
            extension = match.group(match.lastindex or 1)
            part = part[: match.start()] + (match.group(1) if match.re is _SLASH_EXTENSION else "")
        part = _RANGE_SUFFIX.sub("", part)
        for run in _RUN.findall(part):
            digits = len(re.sub(r"\D", "", run))
            if digits > 12:
                pieces = _glued(run)
            elif digits > 9 and _national_digits(run) is None:
                pieces = _series(run)
            else:
                pieces = [run]
            for piece in pieces:
                number = _national_digits(piece)
                if number is None:
                    continue
                try:
                    parsed = phonenumbers.parse(number, "PL")
                except phonenumbers.NumberParseException:
                    continue
                if not phonenumbers.is_valid_number(parsed):
                    continue
                e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
                if e164 not in seen:
                    seen.add(e164)
                    result.append(PhoneNumber(e164, extension))
    return result


def normalise_phones(raw: str) -> list[str]:
    """E.164 numbers in one cell ("(32) 296-21-31, 600 123 456" -> two numbers); extensions
    dropped, invalid and area-code-less numbers left out."""
    return [phone.e164 for phone in parse_phones(raw)]


# Kinds of numbers, as a directory types them (HSDS phone types): a voice line, a fax, a
# mobile, a helpline. The words of a number's label say fax or helpline; the number itself
# says mobile (the mobile ranges of the Polish numbering plan) or helpline (116 xxx, 800).
PHONE_KINDS = ("voice", "fax", "mobile", "helpline")
_MOBILE_PREFIXES = ("45", "50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88")
_FAX_LABEL = re.compile(r"(?i)\b(?:fax\w*|faks\w*|telefaks\w*)")
_VOICE_LABEL = re.compile(r"(?i)\b(?:tel|telefon\w*|centrala|kom|komórk\w*|gsm)\b")
_MOBILE_LABEL = re.compile(r"(?i)\b(?:kom|komórk\w*|gsm|tel\.?\s*kom\w*)\b")
_HELPLINE_LABEL = re.compile(
    r"(?i)\b(?:telefon\w*\s+zaufania|infolini\w*|linii?\s+wsparcia|telefon\w*\s+wsparcia)"
)


@dataclass(frozen=True, slots=True)
class PhoneDetail:
    """One number of an institution: E.164, its kinds (`PHONE_KINDS` order), its label as
    written in lower case ("sekretariat", "asystent rodziny"; "" when none)."""

    number: str
    kinds: tuple[str, ...]
    label: str


def _first_number_at(entry: str) -> int | None:
    """Where the first run of digits that makes a number starts ("COVID-19 … 22 25 00 115")."""
    for run in _RUN.finditer(entry):
        if parse_phones(run.group(0)):
            return run.start()
    return None


def _number_kinds(e164: str) -> set[str]:
    national = e164.removeprefix("+48")
    kinds: set[str] = set()
    if len(national) == 9 and national.startswith(_MOBILE_PREFIXES):
        kinds.add("mobile")
    if national.startswith(("800", "116")):
        kinds.add("helpline")
    return kinds


def phone_details(entries: Iterable[str]) -> list[PhoneDetail]:
    """Every valid number of `phones_raw` entries (each "label number" as the page wrote it:
    "tel./fax.: 043 678 40 40", "Asystent Rodziny - tel. 515 512 727", "fax: 41 …"), typed
    and labelled. A number given under several labels is one detail with every kind they
    say and the first label; a number labelled only as a fax is a fax, anything else a voice
    line too."""
    details: dict[str, tuple[set[str], str]] = {}
    for written in entries:
        entry = _AREA_SLASH.sub(r"\1 ", written)
        number_at = _first_number_at(entry)
        label_words = entry[:number_at] if number_at is not None else entry
        kinds: set[str] = set()
        if _FAX_LABEL.search(label_words):
            kinds.add("fax")
        if "fax" not in kinds or _VOICE_LABEL.search(_FAX_LABEL.sub(" ", label_words)):
            kinds.add("voice")
        if _MOBILE_LABEL.search(label_words):
            kinds.add("mobile")
        if _HELPLINE_LABEL.search(label_words):
            kinds.add("helpline")
        label = label_of(label_words)
        for phone in parse_phones(entry):
            known = details.setdefault(phone.e164, (set(), label))
            known[0].update(kinds | _number_kinds(phone.e164))
            if not known[1] and label:
                details[phone.e164] = (known[0], label)
    return [
        PhoneDetail(number, tuple(k for k in PHONE_KINDS if k in kinds), label)
        for number, (kinds, label) in details.items()
    ]


# --- e-mails --------------------------------------------------------------------------------

_AT = re.compile(
    r"(?i)\s*(?:\[\s*(?:at|małpa|malpa)\s*\]|\(\s*(?:at|małpa|malpa)\s*\)|\{\s*at\s*\})\s*"
)
_AT_WORD = re.compile(r"(?i)\s+at\s+")
_DOT = re.compile(r"(?i)\s*(?:\[\s*(?:dot|kropka)\s*\]|\(\s*(?:dot|kropka)\s*\))\s*")
_EMAIL_SHAPE = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}"
)
_EMAIL_FIND = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _deobfuscate(text: str) -> str:
    text = _AT.sub("@", text)
    text = _DOT.sub(".", text)
    if "@" not in text:
        text = _AT_WORD.sub("@", text)
    return re.sub(r"\s*@\s*", "@", text)


def normalise_email(raw: str) -> str | None:
    """One address, lower-case, de-obfuscated ("[at]", "(at)", " at ", "[małpa]"), without
    "mailto:", query or trailing punctuation; None unless it has the shape of an address."""
    text = normalise_space(raw)
    text = re.sub(r"(?i)^mailto:\s*", "", text).split("?", 1)[0]
    text = _deobfuscate(text).strip(" <>()[]\"'.,;:!")
    text = text.lower()
    if "@" in text:
        local, _, domain = text.rpartition("@")
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None
        text = f"{local}@{domain}"
    return text if _EMAIL_SHAPE.fullmatch(text) else None


def normalise_emails(raw: str) -> list[str]:
    """Every address in a cell, normalised and de-duplicated in order."""
    text = re.sub(r"(?i)mailto:", " ", normalise_space(raw))
    found: list[str] = []
    for candidate in _EMAIL_FIND.findall(_deobfuscate(text)):
        email = normalise_email(candidate)
        if email and email not in found:
            found.append(email)
    return found


# A person's mailbox: its local part is a first name and a surname ("jolanta.szewczyk",
# "mazur.pawel", "aneta.koska-czp"), glued ("adamstuglik") or an initial and a surname
# ("jkowalski"). Office mailboxes name a function, a unit or the institution ("sekretariat",
# "kuratorzy.karni", "mackowicesp"); those stay in the directory's publication.
_SURNAME_ENDING = re.compile(r"(?:ski|cki|dzki|ska|cka|dzka)$")


def _person_word(token: str, *, first: bool) -> bool:
    """A token Morfeusz reads as a first name (`first`) or as a first name or surname."""
    for reading in readings(token):
        if reading.first_name or (not first and "nazwisko" in reading.qualifiers):
            return True
    return False


def is_personal_mailbox(address: str) -> bool:
    """Whether an e-mail address's local part is a person's name (see above)."""
    local = address.split("@", 1)[0].lower()
    tokens = [t for t in re.split(r"[._\-+]+", local) if t.isalpha() and len(t) >= 2]
    if len(tokens) >= 2:
        return any(_person_word(t, first=True) for t in tokens if len(t) >= 3) or (
            sum(_person_word(t, first=False) for t in tokens if len(t) >= 3) >= 1
            and any(len(t) >= 3 and _person_word(t, first=False) for t in tokens[:2])
        )
    if len(tokens) != 1:
        return False
    word = tokens[0]
    if _person_word(word, first=True):
        return True
    for cut in range(3, min(9, len(word) - 3)):
        if _person_word(word[:cut], first=True) and not readings(word):
            return True  # "adamstuglik": a first name glued to a surname
    rest = word[1:]
    return len(rest) >= 5 and bool(_SURNAME_ENDING.search(rest)) and not readings(word)


@dataclass(frozen=True, slots=True)
class EmailDetail:
    """One mailbox of an institution, and whether it is a person's (kept out of publication)."""

    address: str
    personal: bool


def email_details(addresses: Iterable[str]) -> list[EmailDetail]:
    """Normalised addresses with their `personal` flag, in order, without repeats."""
    return [EmailDetail(a, is_personal_mailbox(a)) for a in dict.fromkeys(addresses)]


# --- websites -------------------------------------------------------------------------------

_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)")


def _split_url(raw: str) -> tuple[str, str, str, str] | None:
    text = normalise_space(raw).strip("<>\"' ")
    if not text or " " in text:
        return None
    if "://" not in text:
        if text.lower().startswith(("mailto:", "javascript:", "tel:")):
            return None
        text = "http://" + text.lstrip("/")
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = (parts.hostname or "").rstrip(".")
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if not _HOST.fullmatch(host):
        return None
    return parts.scheme.lower(), host, parts.path, parts.query


def website_host(raw: str) -> str | None:
    """The site's host without "www." ("https://www.liszki.pl/cus" -> "liszki.pl").

    The path is dropped on purpose: the host is a matching key for "same institution", and
    an institution with a sub-site on a shared host (a gmina portal hosting its OPS) then
    shares that key — the matcher must treat a host match as evidence, not proof.
    """
    parts = _split_url(raw)
    if parts is None:
        return None
    host = parts[1]
    return host[4:] if host.startswith("www.") else host


def normalise_website(raw: str) -> str | None:
    """A usable URL: scheme added ("http://" when none is given, since many BIP hosts still
    serve plain HTTP), host lower-cased, fragment dropped, a bare "/" path removed but any
    other path kept as written ("www.powiat-srem.pl/" -> "http://www.powiat-srem.pl")."""
    parts = _split_url(raw)
    if parts is None:
        return None
    scheme, host, path, query = parts
    if path == "/":
        path = ""
    return urlunsplit((scheme, host, path, query, ""))


# --- postal codes and identifiers -----------------------------------------------------------

_POSTAL = re.compile(r"(\d{2})\s*[-–]?\s*(\d{3})")


def normalise_postal_code(raw: str) -> str | None:
    """ "59 - 100", "59100", "59-100" -> "59-100"; anything else None."""
    match = _POSTAL.fullmatch(normalise_space(raw))
    return f"{match.group(1)}-{match.group(2)}" if match else None


def normalise_nip(raw: str) -> str | None:
    """Ten NIP digits when the check digit is right ("PL 692-11-39-925" -> "6921139925")."""
    text = re.sub(r"(?i)^\s*(?:nip\s*[:.]?\s*)?(?:pl)?", "", raw)
    try:
        return str(stdnum_nip.validate(text))
    except ValidationError:
        return None


def normalise_regon(raw: str) -> str | None:
    """Nine or fourteen REGON digits when the check digit is right, else None."""
    text = re.sub(r"(?i)^\s*regon\s*[:.]?\s*", "", raw)
    try:
        return str(stdnum_regon.validate(text))
    except ValidationError:
        return None


def normalise_krs(raw: str) -> str | None:
    """Ten KRS digits; pages often drop the leading zeros ("KRS 14669" -> "0000014669").

    KRS has no check digit, so only the shape is checked.
    """
    text = re.sub(r"(?i)^\s*(?:nr\s*)?krs\s*[:.]?\s*", "", raw)
    digits = re.sub(r"[\s\-]", "", text)
    if not digits.isdigit() or len(digits) > 10 or int(digits) == 0:
        return None
    return digits.zfill(10)


# --- streets --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Street:
    """A street address split into its parts: prefix ("ul."), name, house number ("39/41")."""

    prefix: str | None
    name: str
    number: str | None

    def format(self) -> str:
        return " ".join(part for part in (self.prefix, self.name, self.number) if part)


_PREFIXES = {
    "ul": "ul.",
    "ulica": "ul.",
    "al": "al.",
    "aleja": "al.",
    "aleje": "al.",
    "os": "os.",
    "osiedle": "os.",
    "pl": "pl.",
    "plac": "pl.",
    "rondo": "rondo",
    "skwer": "skwer",
    "bulwar": "bulw.",
    "bulw": "bulw.",
}
_PREFIX = re.compile(
    r"(?i)(?:^|(?<=[\s,]))(ulica|ul\.?|aleja|aleje|al\.|osiedle|os\.|plac|pl\.|rondo|skwer|"
    r"bulwar|bulw\.)(?=\s|$)\s*"
)
_LETTER = r"[a-zA-Z](?![a-zA-Z.])"
_NUMBER = re.compile(
    rf"(?i)(?:\s+(?:nr|no)\.?)?\s+(?P<number>\d{{1,4}}(?:\s?{_LETTER})?"
    rf"(?:\s?[/\-]\s?(?:\d{{1,4}}(?:\s?{_LETTER})?|{_LETTER}))?"
    rf"(?:\s*(?:lok\.?|lokal|m\.)\s*\d{{1,4}}[a-zA-Z]?)?)\s*$"
)
_ROMAN = re.compile(r"(?=[IVXLC]+$)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
# Abbreviated titles inside street names stay lower-case ("ul. gen. Józefa Bema").
_ABBREVIATIONS = {
    "gen.",
    "ks.",
    "św.",
    "sw.",
    "dr.",
    "im.",
    "płk.",
    "plk.",
    "marsz.",
    "kard.",
    "abp.",
    "bp.",
    "prof.",
    "mjr.",
    "kpt.",
    "por.",
    "hetm.",
    "bł.",
    "bl.",
    "o.",
}


def _case_word(word: str) -> str:
    if _ROMAN.fullmatch(word):
        return word
    if word.lower() in _ABBREVIATIONS:
        return word.lower()
    return "-".join(piece[:1].upper() + piece[1:].lower() for piece in word.split("-"))


def _normalise_number(number: str) -> str:
    number = re.sub(r"(?i)\s*(?:lok\.?|lokal|m\.)\s*", "/", number)
    number = re.sub(r"\s+", "", number)
    return re.sub(r"(?<=\d)([a-zA-Z])", lambda m: m.group(1).upper(), number)


def parse_street(raw: str) -> Street | None:
    """Split "UL. KSIECIA LUDWIKA I NR 3" into Street("ul.", "Ksiecia Ludwika I", "3").

    Names written all in capitals are re-cased word by word (Roman numerals kept); mixed-case
    names are kept as written, since their casing is more likely right than any rule here.
    Diacritics cannot be restored without a street dictionary and are left as written.
    A locality before a prefixed street ("Stare Lubiejewo, ul. Klonowa 4") is dropped.
    """
    text = normalise_space(raw).strip(" ,;")
    if not text:
        return None
    prefix: str | None = None
    match = _PREFIX.search(text)
    if match and (match.start() == 0 or text[: match.start()].rstrip().endswith(",")):
        prefix = _PREFIXES[fold(match.group(1)).lower().rstrip(".")]
        text = text[match.end() :]
    number: str | None = None
    number_match = _NUMBER.search(text)
    if number_match and number_match.start() > 0:
        number = _normalise_number(number_match.group("number"))
        text = text[: number_match.start()]
    name = text.strip(" ,.")
    if not re.search(r"[^\W\d_]", name):
        return None
    letters = [ch for ch in name if ch.isalpha()]
    if all(ch.isupper() for ch in letters) and len(letters) > 1:
        name = " ".join(_case_word(word) for word in name.split())
    return Street(prefix, name, number)


def normalise_street(raw: str) -> str | None:
    """The formatted street ("ul. Ksiecia Ludwika I 3"), or None when there is no name."""
    street = parse_street(raw)
    return street.format() if street else None
