"""The words of a phone number's label, as a directory keeps them: "Sekretariat czynny w
godzinach 8.00 – 18.00, tel." is "sekretariat", "Gdy chcesz spotkać się ze starostą zadzwoń na"
is "starosta", "24-100 Puławy, ul. Eustachiewicza 3, tel." is none. Words that only say a number
follows, an address, the hours and a sentence's verbs are not a label.
"""

from __future__ import annotations

import re

from transforms.name_morphology import readings
from transforms.text import normalise_space

# Words that only say "a number follows": they type a number but are not its label.
_NUMBER_WORDS_IN_LABEL = re.compile(
    r"(?i)(?:tel|telefon|telefony|telefonu|telefonem|telefoniczny|nr|numer|numery|numerem|"
    r"numerami|fax|faks|faksu|faksem|telefaks|kom|gsm|kontakt|kontaktowy|pod|i|oraz|lub)\.*"
)
_MAX_LABEL_WORDS = 6
# A label that is a sentence ("Gdy chcesz spotkać się ze starostą zadzwoń na", "szczegółowe
# informacje udzielane są także") is the role or office it names before the number, in the
# nominative, or none: a word every reading of which is a verb form makes it a sentence.
_VERB_FORMS = frozenset({"fin", "inf", "impt", "praet", "pcon", "pant", "imps", "bedzie", "pred"})
_ROLES = frozenset(
    {
        "sekretariat", "dyrektor", "wicedyrektor", "kierownik", "psycholog", "pedagog",
        "logopeda", "terapeuta", "intendent", "księgowość", "kasa", "kadry", "rejestracja",
        "recepcja", "starosta", "wójt", "burmistrz", "sekretarz", "skarbnik", "prezes",
        "koordynator", "asystent", "pielęgniarka",
    }
)  # fmt: skip
# Prepositions left at a label's end when the words after them were cut ("w środy tel.").
_LAST_WORD_NOT_LABEL = frozenset({"w", "we", "z", "ze", "od", "do", "na", "pod", "przy"})
# A token of number words only, however joined: "tel./fax.", "tel/fax", "tel.kom".
_NUMBER_WORDS_TOKEN = re.compile(
    rf"(?i)(?:{_NUMBER_WORDS_IN_LABEL.pattern.removeprefix('(?i)')})(?:[./]+"
    rf"(?:{_NUMBER_WORDS_IN_LABEL.pattern.removeprefix('(?i)')}))*"
)
_ADDRESS_IN_LABEL = re.compile(r"(?i)@|\bwww\.|https?:")
# A postal address before a number says where, not whose line: the label ends where it starts
# ("Filia przy ul. Szkolnej 3, tel." is "filia"; "24-100 Puławy, ul. Eustachiewicza 3, tel."
# has none, fresh t005).
_STREET_IN_LABEL = re.compile(
    r"(?i)(?<![\d-])\d{2}-\d{3}(?![\d-])|\b(?:ul|al|pl|os)\.\s*[^\W\d_]|\bulic[ay]\b"
)
# Where a label's words turn to when its line is open: "Sekretariat czynny w godzinach 8.00 –
# 18.00, tel. …" is the secretariat's line (tune h009); a label that starts so is none.
_HOURS_IN_LABEL = re.compile(
    r"(?i)\b(?:czynn\w*|otwart\w*|w\s+godz\w*|godz\w*\.?|w\s+dni\w*|"
    r"od\s+(?:pon|wt|śr|czw|pt|pi)\w*|poniedział\w+|wtor\w+|środ[aęy]|środzie|czwart\w+|"
    r"piąt\w+|sobot[aęy]|niedziel[aęi]?)\b"
    r"|\b\d{1,2}[.:]\d{2}\b"
)


def label_of(words: str) -> str:
    """ "Asystent Rodziny - tel." -> "asystent rodziny", "Telefon dyżurny:" -> "telefon
    dyżurny"; a label of number words only ("tel./fax.:"), a sentence or one holding a
    mailbox or a web address ("boi@zgierz.sr.gov.pl ; tel.": whose address, not whose line) is
    ""."""
    if _ADDRESS_IN_LABEL.search(words):
        return ""
    words = _HOURS_IN_LABEL.split(words, maxsplit=1)[0]
    words = before_street(words)
    words = re.sub(r"\.(?=\w)", ". ", words)  # "tel.kom." -> "tel. kom."
    # a dash or a slash between spaces, or at a word's edge, separates; inside a word it is
    # the word's own, as written: "informacyjno-komunikacyjnej", "d/s" (tune b043, g001)
    words = re.sub(r"(?:^|\s)[/\-–—]+|[/\-–—]+(?=\s|$)|[:()–—•|,;]+", " ", words)
    tokens = normalise_space(words).split()
    while tokens and (
        _NUMBER_WORDS_TOKEN.fullmatch(tokens[-1]) or tokens[-1].lower() in _LAST_WORD_NOT_LABEL
    ):
        tokens.pop()
    if all(_NUMBER_WORDS_TOKEN.fullmatch(token) for token in tokens):
        return ""
    if not re.search(r"[^\W\d_]{2,}", " ".join(tokens)):
        return ""  # "✔", "•": a mark, no words
    if any(_only_verb(token) for token in tokens):
        return _role_in(tokens)
    if len(tokens) > _MAX_LABEL_WORDS:
        return _role_in(tokens)  # a sentence too, or a list of words: only a role it names
    return " ".join(tokens).lower().strip(" .")


def before_street(text: str) -> str:
    """`text` up to the postal address it gives, if any: "Biuro Obsługi Interesantów przy
    ulicy Andersa 34, skrzydło A" -> "Biuro Obsługi Interesantów przy " (tune g008); a label
    or a heading names a unit before it says where the unit is."""
    return _STREET_IN_LABEL.split(text, maxsplit=1)[0]


def _only_verb(token: str) -> bool:
    """Whether every reading of `token` is a verb form ("zadzwoń", "jest", "dzwoniąc")."""
    found = readings(token.strip(".,"))
    return bool(found) and all(reading.pos in _VERB_FORMS for reading in found)


def _role_in(tokens: list[str]) -> str:
    """The last role or office a sentence names, in the nominative: "… w sekretariacie poradni
    lub telefonicznie pod numerem" -> "sekretariat" (tune b068); "" when it names none."""
    for token in reversed(tokens):
        for reading in readings(token.strip(".,")):
            if reading.pos == "subst" and reading.lemma.lower() in _ROLES:
                return reading.lemma.lower()
    return ""
