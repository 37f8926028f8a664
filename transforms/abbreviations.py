"""Abbreviations Polish offices write in institution names, as documented data.

Voivodeship spreadsheets, BIP lists and county pages shorten the words of a name to fit a
cell: "Gm. Ośr. Pom. Społ." for "Gminny Ośrodek Pomocy Społecznej", "Zesp. Szk.-Przedszk."
for "Zespół Szkolno-Przedszkolny", "Ochot. Straż Poż.", "Por. Psych.-Ped.". Every entry maps
the abbreviation (as written, without its dot) to the word's lemma, so an expanded name
lemmatises like the full one.

Some abbreviations stand for two words, told apart by position:

- before a hyphen, the first part of a compound adjective ("Szk.-Przedszk." -> "szkolno");
- after a hyphen, the adjective ("Miejsko-Gm." -> "gminny", "Szk.-Przedszk." -> "przedszkolny");
- as the first word of a name, the `first` reading ("Gm. Ośr." -> "gminny", "Pol. Czerwony
  Krzyż" -> "polski"); after another word, the `later` reading ("Urz. Gm." -> "gmina",
  "Kom. Pow. Pol." -> "policja", "Zesp. Szk." -> "szkoła").

Only dotted forms are expanded ("Szk."): without the dot most of these are words or names of
their own. Single letters ("M.", "D.") are left out: they are initials of patrons far more
often than words of a type phrase. Sources: abbreviations seen in the voivodeship offices'
lists in `../shared/data/social_assistance`, RSPO exports and the usual office style
("Słownik skrótów i skrótowców" forms where one exists).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from transforms.text import fold


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """`short` as written (without the dot); lemmas by position (see the module docstring)."""

    short: str
    first: str
    later: str | None = None  # after another word of the name; default `first`
    compound: str | None = None  # before a hyphen ("szkolno")
    after_hyphen: str | None = None  # after a hyphen; default the adjective of `first`


ABBREVIATIONS: tuple[Abbreviation, ...] = (
    # Type heads.
    Abbreviation("Ośr", "ośrodek"),
    Abbreviation("Zesp", "zespół"),
    Abbreviation("Zes", "zespół"),
    Abbreviation("Szk", "szkoła", compound="szkolno"),
    Abbreviation("Przedszk", "przedszkole", after_hyphen="przedszkolny"),
    Abbreviation("Przedsz", "przedszkole", after_hyphen="przedszkolny"),
    Abbreviation("Por", "poradnia"),
    Abbreviation("Bibl", "biblioteka"),
    Abbreviation("Centr", "centrum"),
    Abbreviation("Urz", "urząd"),
    Abbreviation("Kom", "komenda"),
    Abbreviation("Stow", "stowarzyszenie"),
    Abbreviation("Fund", "fundacja"),
    Abbreviation("Tow", "towarzystwo"),
    Abbreviation("Kl", "klub"),
    Abbreviation("Świetl", "świetlica"),
    Abbreviation("Szp", "szpital"),
    Abbreviation("Przych", "przychodnia"),
    Abbreviation("Zakł", "zakład"),
    Abbreviation("Lic", "liceum"),
    Abbreviation("Gimn", "gimnazjum", after_hyphen="gimnazjalny"),
    Abbreviation("Str", "straż"),
    Abbreviation("Warszt", "warsztat"),
    # Level and kind words.
    Abbreviation("Gm", "gminny", later="gmina", after_hyphen="gminny"),
    Abbreviation("Gmin", "gminny", later="gmina", after_hyphen="gminny"),
    Abbreviation("Miej", "miejski", compound="miejsko"),
    Abbreviation("M", "miejski", compound="miejsko"),  # only as "M.-Gm.": see _DOTTED
    Abbreviation("Pow", "powiatowy"),
    Abbreviation("Woj", "wojewódzki"),
    Abbreviation("Reg", "regionalny"),
    Abbreviation("Publ", "publiczny"),
    Abbreviation("Samorz", "samorządowy"),
    Abbreviation("Spec", "specjalny"),
    Abbreviation("Specj", "specjalny"),
    Abbreviation("Sam", "samodzielny"),
    Abbreviation("Niepubl", "niepubliczny"),
    # Complements.
    Abbreviation("Pom", "pomoc"),
    Abbreviation("Społ", "społeczny"),
    Abbreviation("Rodz", "rodzina"),
    Abbreviation("Psych", "psychologiczny", compound="psychologiczno"),
    Abbreviation("Psychol", "psychologiczny", compound="psychologiczno"),
    Abbreviation("Ped", "pedagogiczny"),
    Abbreviation("Pedag", "pedagogiczny"),
    Abbreviation("Podst", "podstawowy"),
    Abbreviation("Podstaw", "podstawowy"),
    Abbreviation("Ponadpodst", "ponadpodstawowy"),
    Abbreviation("Ponadgimn", "ponadgimnazjalny"),
    Abbreviation("Ogólnokszt", "ogólnokształcący"),
    Abbreviation("Ogólnokształc", "ogólnokształcący"),
    Abbreviation("Zaw", "zawodowy"),
    Abbreviation("Wych", "wychowawczy"),
    Abbreviation("Opiek", "opiekuńczy", compound="opiekuńczo"),
    Abbreviation("Ochot", "ochotniczy"),
    Abbreviation("Poż", "pożarny"),
    Abbreviation("Gosp", "gospodyni"),
    Abbreviation("Wiejsk", "wiejski"),
    Abbreviation("Wiej", "wiejski"),
    Abbreviation("Kult", "kultura"),
    Abbreviation("Środ", "środowiskowy"),
    Abbreviation("Samopom", "samopomoc"),
    Abbreviation("Ter", "terapia"),
    Abbreviation("Zaj", "zajęciowy"),
    Abbreviation("Usł", "usługa"),
    Abbreviation("Sport", "sportowy"),
    Abbreviation("Lud", "ludowy"),
    Abbreviation("Ucz", "uczniowski"),
    Abbreviation("Pol", "polski", later="policja"),
    Abbreviation("Sanit", "sanitarny", compound="sanitarno"),
    Abbreviation("Epid", "epidemiologiczny"),
    Abbreviation("Zdr", "zdrowotny"),
    Abbreviation("Op", "opieka"),
    Abbreviation("Par", "parafialny", later="parafia"),
    Abbreviation("Niepełnospr", "niepełnosprawny"),
    Abbreviation("Orzek", "orzekanie"),
)
"""The table; `by_key` keys it by `abbreviation_key(short)`."""


def abbreviation_key(text: str) -> str:
    """How an abbreviation is looked up: folded, lower-case, without its dot."""
    return fold(text.rstrip(".")).lower()


@lru_cache(maxsize=1)
def by_key() -> Mapping[str, Abbreviation]:
    table: dict[str, Abbreviation] = {}
    for row in ABBREVIATIONS:
        key = abbreviation_key(row.short)
        if table.setdefault(key, row) is not row:
            continue  # a spelling listed twice ("Stow" / "Stow.") keeps its first row
    return MappingProxyType(table)


# A dotted word of two letters or more, or a single letter opening a compound ("M.-Gm."):
# alone, a single letter is a patron's initial ("im. M. Konopnickiej").
_DOTTED = re.compile(r"(?<![\w.])([^\W\d_]{2,}|[^\W\d_](?=\.-))\.(-?)")


def expand_abbreviations(text: str) -> str:
    """Write out the abbreviated words of a name ("Gm. Ośr. Pom. Społ. w Gromniku" ->
    "gminny ośrodek pomoc społeczny w Gromniku"); other words stay as they are. Expanded words
    are lemmas in the abbreviation's case ("GM." -> "GMINNY"), so the caller lemmatises them
    like any other word."""
    if "." not in text:
        return text
    out: list[str] = []
    position = 0
    for match in _DOTTED.finditer(text):
        row = by_key().get(abbreviation_key(match.group(1)))
        if row is None:
            continue
        before = text[: match.start()]
        after_hyphen = before.endswith("-")
        has_words = bool(re.search(r"[^\W\d_]", before))
        hyphen_after = match.group(2) == "-"
        if hyphen_after:
            word = row.compound or row.first
        elif after_hyphen:
            word = row.after_hyphen or row.first
        elif has_words:
            word = row.later or row.first
        else:
            word = row.first
        written = match.group(1)
        if written.isupper() and len(written) > 1:
            word = word.upper()
        elif written[:1].isupper():
            word = word[:1].upper() + word[1:]
        out.append(text[position : match.start()])
        out.append(word + ("-" if hyphen_after else " "))
        position = match.end()
    out.append(text[position:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()
