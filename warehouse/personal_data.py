"""Keeping people out of the open data: the directory publishes institutions, not their staff,
and not the one-person practices that carry a person's name.

A person is recognised in text three ways:

- a title or role word (any inflected form, by lemma) next to a capitalised first name and a
  second capitalised word: "Dyrektor Jan Kowalski", "kierownik – Anna Nowak", "z Panią Ewą
  Wiśniewską" (a first name is a word Morfeusz knows as an 'imię', or a form of the list in
  given_names_pl.txt);
- a given name in the nominative next to a surname, either order, with no title at all:
  "Gabinet Psychologiczny Anna Nowak", "Psychoterapia Nowak Anna" (given names from the list;
  a surname is a capitalised word Morfeusz knows as a 'nazwisko' or does not know at all);
- a mailbox that names someone: first.last@, last.first@, i.last@, ilast@ with a known
  surname, firstlast@ (any domain).

Patrons ("im. ks. Jana Twardowskiego", "św. Jan Paweł II") are institutions' names, not
staff, and are let through.

A free-mail mailbox (gmail.com, wp.pl, o2.pl, onet.pl, interia.pl, …) is a person's unless the
institution has an identifier of its own (NIP, REGON, KRS, RSPO) or the mailbox's name is the
institution's (gops.koszarawa@, klubsenior.biecz@, utw.andrychow@): `personal_email` needs
that context, so the publication (warehouse/publish/privacy.py) applies it per institution.

`find_people` is used twice: to leave personal values out of the export and, as the last line
of defence, to fail a publication whose files still contain one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import duckdb

from transforms.morphology import analyse_word
from transforms.names import institution_vocabulary
from transforms.text import fold, fold_key
from warehouse.given_names import given_names

# Lemmas of words that introduce or follow a person's name on Polish institution pages.
TITLE_LEMMAS = frozenset(
    {
        "dyrektor",
        "dyrektorka",
        "wicedyrektor",
        "zastępca",
        "zastępczyni",
        "kierownik",
        "kierowniczka",
        "prezes",
        "prezeska",
        "wiceprezes",
        "przewodniczący",
        "przewodnicząca",
        "koordynator",
        "koordynatorka",
        "sekretarz",
        "skarbnik",
        "księgowy",
        "księgowa",
        "starosta",
        "wicestarosta",
        "wójt",
        "burmistrz",
        "prezydent",
        "komendant",
        "naczelnik",
        "pan",
        "pani",
        "kurator",
        "kuratorka",
        "psycholog",
        "pedagog",
        "logopeda",
        "terapeuta",
        "terapeutka",
        "specjalista",
        "specjalistka",
        "pracownik",
        "pracownica",
        "asystent",
        "asystentka",
        "inspektor",
        "referent",
        "ksiądz",
        "prokurator",
        "sędzia",
        "radca",
        "adwokat",
    }
)
# Abbreviated academic and clerical titles, compared without their dot.
TITLE_ABBREVIATIONS = frozenset({"dr", "mgr", "inż", "prof", "ks", "hab", "lek", "med", "p"})
# Words before a name that make it a patron's or a saint's, not a person on the staff.
PATRON_MARKERS = frozenset(
    {
        "im",
        "imienia",
        "patron",
        "patrona",
        "patronem",
        "św",
        "święty",
        "święta",
        "świętego",
        "świętej",
        "bł",
        "błogosławiony",
        "błogosławiona",
    }
)
# Mailboxes anyone can open: on one of these, an address says nothing about an institution.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "wp.pl",
        "wp.eu",
        "o2.pl",
        "onet.pl",
        "onet.eu",
        "onet.com.pl",
        "op.pl",
        "vp.pl",
        "poczta.onet.pl",
        "poczta.onet.eu",
        "vip.onet.pl",
        "autograf.pl",
        "buziaczek.pl",
        "spoko.pl",
        "amorki.pl",
        "interia.pl",
        "interia.eu",
        "interia.com",
        "poczta.fm",
        "int.pl",
        "tlen.pl",
        "go2.pl",
        "gazeta.pl",
        "yahoo.com",
        "yahoo.pl",
        "outlook.com",
        "outlook.pl",
        "hotmail.com",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "gmx.com",
        "gmx.net",
        "protonmail.com",
        "proton.me",
    }
)
# Words and acronyms an institution's own mailbox is made of ("gops_przyrow", "klubsenior.biecz",
# "sekretariat"): a free-mail mailbox with one of them at the start or end of a part of its name
# belongs to an institution. Folded, lower case.
MAILBOX_INSTITUTION_WORDS = (
    "gops", "mops", "mgops", "ops", "pcpr", "ppp", "poradni", "sosw", "osw", "zsp", "zss", "zs",
    "sp", "lo", "szkol", "przedszkol", "zlobek", "zlobk", "utw", "sds", "dps", "dds", "dom",
    "klub", "senior", "swietlic", "placowk", "osrodek", "osrodk", "centrum", "fundacj",
    "stowarzysz", "stow", "towarzystw", "uniwersytet", "federacj", "caritas", "hospic", "parafi",
    "gmin", "powiat", "urzad", "gok", "mok", "gck", "mgck", "ck", "bibliotek", "kultur", "wtz",
    "zaz", "kgw", "osp", "biuro", "sekretariat", "kontakt", "info", "poczta", "ksiegowosc",
    "kadry", "administracja", "dyrekcja", "dyrektor", "kancelaria", "recepcja", "zespol",
    "schronisk", "hostel", "warsztat", "punkt", "interwencj", "wsparci", "pomoc", "rodzin",
)  # fmt: skip
# Endings of Polish surnames, for a mailbox's surname that Morfeusz cannot see without its
# diacritics ("wisniewska").
_SURNAME_ENDINGS = ("ski", "ska", "cki", "cka", "dzki", "dzka", "wicz", "czyk", "owa")
# Morfeusz's classes of words that name things and sections ("biuro podawcze"), not people.
_WORD_CLASSES = frozenset({"subst", "depr", "adj", "adja", "adjp", "ger", "ppas", "pact", "adv"})
# Endings of mailbox words that name an institution's section, not a surname.
_INSTITUTION_ENDINGS = ("owy", "owe", "yjny", "yjne", "czy", "cze", "nia", "nie")

_TOKEN = re.compile(
    r"[A-Za-zÀ-ÿĀ-žŁłŃńŚśŹźŻżĄąĘęĆćÓó]+(?:-[A-Za-zÀ-ÿĀ-žŁłŃńŚśŹźŻżĄąĘęĆćÓó]+)*\.?|[,;:–—-]"
)
_EMAIL = re.compile(r"([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_ROMAN = re.compile(r"^[IVXLC]+$")
_PUNCTUATION = ",;:–—-"


@dataclass(frozen=True, slots=True)
class PersonMention:
    text: str  # the words that look like a person, as written
    value: str  # the whole value they were found in


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    return tuple((a.lemma.lower(), a.qualifiers, a.tag) for a in analyse_word(word))


def _is_title(token: str) -> bool:
    bare = token.rstrip(".").lower()
    if bare in TITLE_ABBREVIATIONS:
        return True
    return any(lemma in TITLE_LEMMAS for lemma, _q, _t in _readings(token.rstrip(".")))


def _is_first_name(token: str) -> bool:
    if token.endswith(".") or not token[:1].isupper() or len(token) < 2:
        return False
    if token in given_names().forms:
        return True
    return any("imię" in quals for _lemma, quals, _tag in _readings(token))


def _is_capitalised_word(token: str) -> bool:
    return len(token) > 1 and token[:1].isupper() and not token.endswith(".")


def _is_surname(token: str) -> bool:
    """A capitalised word that can be a surname: Morfeusz knows it as one ("Nowak",
    "Kowalska"), or does not know it at all ("Dziubina"); not an institution's word, not an
    acronym, not a place or a common word alone."""
    if not _is_capitalised_word(token) or token in _PUNCTUATION or _ROMAN.match(token):
        return False
    if token.isupper() and len(token) <= 5:
        return False  # PCPR, MOPS
    if fold(token).lower() in institution_vocabulary():
        return False
    parts = token.split("-")  # Nowak-Kowalska
    readings = [r for part in parts for r in _readings(part)]
    if any("nazwisko" in quals for _lemma, quals, _tag in readings):
        return True
    return all(tag == "ign" for _lemma, _quals, tag in readings)


def _after_patron(tokens: list[str], i: int) -> bool:
    before = [t.rstrip(".").lower() for t in tokens[max(0, i - 4) : i]]
    return bool(PATRON_MARKERS & set(before))


def _titled(tokens: list[str], i: int) -> bool:
    """A title right before tokens[i] ("Dyrektor: Jan …", "mgr Anna …") or a role right after
    the two words starting there ("Anna Nowak – kierownik")."""
    j = i - 1
    while j >= 0 and tokens[j] in _PUNCTUATION:
        j -= 1
    if j >= 0 and _is_title(tokens[j]):
        return True
    after = tokens[i + 2 : i + 4]
    return len(after) == 2 and after[0] in ",–—-:" and _is_title(after[1])


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Place names of more than one word ("Kazimierz Dolny", "Stanisław Górny"), folded: a
    given name followed by the rest of a place's name is the place, not a person."""
    from warehouse.national_gazetteer import active_gazetteer_files

    folder = active_gazetteer_files().folder
    con = duckdb.connect()
    try:
        rows = con.execute(
            "SELECT name FROM read_parquet(?) UNION SELECT name FROM read_parquet(?)",
            [str(folder / "localities.parquet"), str(folder / "gminas.parquet")],
        ).fetchall()
    finally:
        con.close()
    return frozenset(fold_key(name) for (name,) in rows if " " in name.strip())


def _is_place(first: str, second: str) -> bool:
    return fold_key(f"{first} {second}") in _place_names()


def _sentence_word(token: str) -> str:
    """A word that ends a sentence loses its full stop ("… mgr Anna Kowalczyk."); a short
    one keeps it, as an initial or an abbreviation does ("K.", "ul.", "dr.")."""
    if token.endswith(".") and len(token) > 4 and not _is_title(token):
        return token[:-1]
    return token


def find_people(value: str) -> list[PersonMention]:
    """People named in a text value (see the module docstring), and personal mailboxes; never
    a place whose name starts with a given name ("Kazimierz Dolny")."""
    tokens = _TOKEN.findall(value)
    nominatives = given_names().nominatives
    found: list[PersonMention] = []
    taken: set[int] = set()
    for i, token in enumerate(tokens):
        if i in taken or _after_patron(tokens, i):
            continue
        following = _sentence_word(tokens[i + 1]) if i + 1 < len(tokens) else ""
        third = _sentence_word(tokens[i + 2]) if i + 2 < len(tokens) else ""
        if _ROMAN.match(third.rstrip(".")):
            continue  # "Jan Paweł II": a pope or a king, a patron's name
        person = None
        if _is_first_name(token) and _is_capitalised_word(following) and _titled(tokens, i):
            person = f"{token} {following}"
        elif token in nominatives and _is_surname(following) and following not in nominatives:
            person = f"{token} {following}"  # Anna Nowak
        elif (
            following in nominatives
            and _is_surname(token)
            and token not in nominatives
            and (not third or third in _PUNCTUATION or not _is_capitalised_word(third))
        ):
            person = f"{token} {following}"  # Nowak Anna, at the end of a name
        if person is not None and not _is_place(*person.split(" ", 1)):
            found.append(PersonMention(person, value))
            taken.add(i + 1)
    found.extend(PersonMention(e, value) for e in personal_emails(value))
    return found


# --- mailboxes -------------------------------------------------------------------------------


def _parts(local: str) -> list[str]:
    return [p for p in re.split(r"[._\-+0-9]+", fold(local).lower()) if p]


def _is_given(word: str) -> bool:
    return word in given_names().folded


def _surname_word(word: str, *, unknown: bool) -> bool:
    """A mailbox word (folded, lower case) that reads as a surname: Morfeusz knows it as one,
    or it has a surname's ending; with `unknown`, also any word Morfeusz does not know as a
    noun or adjective (a surname it cannot see without diacritics, "kocuj"). A common noun or
    adjective is none ("podawcze": b.podawcze@ is a court's filing office)."""
    if len(word) < 3 or word.endswith(_INSTITUTION_ENDINGS):
        return False
    readings = _readings(word.capitalize())
    if any("nazwisko" in quals for _lemma, quals, _tag in readings):
        return True
    if word.endswith(_SURNAME_ENDINGS) and len(word) <= 12:
        return True
    return unknown and not any(tag.split(":")[0] in _WORD_CLASSES for _l, _q, tag in readings)


def mailbox_person(local: str) -> bool:
    """Whether a mailbox's name (before @) names a person: jan.kowalski, kowalska.maria,
    a.nowak, anowak, annanowak (given names from the list, folded)."""
    parts = _parts(local)
    separated = len(parts) >= 2
    if separated and len(parts[0]) > 1 and len(parts[1]) > 1:
        if _is_given(parts[0]) or _is_given(parts[1]):
            return True  # jan.kowalski, kowalska.maria
    if separated and len(parts[0]) == 1 and re.match(r"^[a-z][._]", local.lower()):
        # a.nowak, j_kowalski (not o.administracyjny@, a court's administrative section)
        return _surname_word(parts[1], unknown=True) and not _institution_word(parts[1])
    whole = "".join(parts)
    if len(whole) >= 6 and not separated:
        if _surname_word(whole[1:], unknown=False) and not _institution_word(whole):
            return True  # anowak, pkowalski (not umig@, a town hall)
        for size in range(4, len(whole) - 2):
            if _is_given(whole[:size]) or _is_given(whole[-size:]):
                return True  # annanowak, bozenawojdyla, nowakanna
    return False


def _institution_word(word: str) -> bool:
    return any(word.startswith(w) or word.endswith(w) for w in MAILBOX_INSTITUTION_WORDS)


def mailbox_names_institution(local: str, institution_words: Iterable[str] = ()) -> bool:
    """Whether a mailbox's name is an institution's: one of its parts starts or ends with an
    institution word or acronym (gops_przyrow, klubsenior.biecz), or holds a word of the
    institution's own name or place (utw.andrychow for the UTW in Andrychów)."""
    own = {fold(w).lower() for w in institution_words if len(w) >= 4}
    stems = {w[:5] for w in own}
    for part in _parts(local):
        if _institution_word(part):
            return True
        if any(stem in part for stem in stems):
            return True
    return False


def email_domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower()


def personal_email(
    address: str, *, identified: bool, institution_words: Iterable[str] = ()
) -> str | None:
    """Why an institution's e-mail address is a person's, or None: its mailbox names someone,
    or it is a free-mail mailbox of an institution without an identifier (NIP, REGON, KRS,
    RSPO: `identified`) whose name is not the institution's."""
    local, _, domain = address.strip().rpartition("@")
    if not local:
        return None
    if mailbox_person(local):
        return "the mailbox names a person"
    if (
        domain.lower() in FREE_MAIL_DOMAINS
        and not identified
        and not mailbox_names_institution(local, institution_words)
    ):
        return "a free-mail mailbox of an institution without NIP, REGON, KRS or RSPO"
    return None


def personal_emails(value: str) -> list[str]:
    """E-mail addresses in a text whose mailbox names a person (on any domain)."""
    return [m[0] for m in _EMAIL.finditer(value) if mailbox_person(m[1])]


def is_personal(value: str | None) -> bool:
    return bool(value) and bool(find_people(value or ""))
