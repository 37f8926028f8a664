"""Public services a page names by their kind alone: `find_services`.

A page gives other bodies' numbers under the names everyone calls them by, not their official
names: "Policja – tel. 47 82 223 10", "Caritas tel. 17 240 24 01", "Sanepid: …", "do
Noclegowni …", "Potrzebujesz nieodpłatnej pomocy prawnej - umów się na poradę,", "kurator
sądowy …". `extractors.mentions.find_mentions` reads a name by its head noun and leaves these
out: a bare head names no one body ("Policja" is a kind, not an institution of the directory),
and most are common nouns written in lower case. Here each is read by the lemmas of its words
(`transforms.name_morphology.key_lemma`, so every case form counts: "Policję", "policji",
"Noclegowni"), as a `Mention` flagged `kind_only` whose nominative is the kind's name, for a
caller that asks whose a line is: a number after such a name on a subject's page is that
service's, not the subject's (`extractors.html_pages.owner_lines.other_kind_lines`).

Each kind also says which lemmas make an owner's name of that kind ("policja", "komenda",
"komisariat" for the police): on the police's own page "Policja" is the owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.mention_text import sentences, tokens_of
from extractors.mentions import Mention
from transforms.name_morphology import key_lemma
from transforms.text import normalise_space


@dataclass(frozen=True, slots=True)
class ServiceKind:
    """A service named by its kind: its first word's lemmas, and the lemmas the next word
    must have (empty: the first word alone names it); the kind's name; other lemmas of which
    one in an owner's name makes the owner of this kind ("komenda" for the police)."""

    name: str
    first: frozenset[str]
    second: frozenset[str]
    owner_lemmas: frozenset[str]

    def owns(self, lemmas: set[str]) -> bool:
        """An owner's name of these word lemmas is of this kind: it has the kind's words
        ("Straż Miejska": both; not "Urząd Miejski") or one of its other lemmas."""
        named = bool(self.first & lemmas) and (not self.second or bool(self.second & lemmas))
        return named or bool(self.owner_lemmas & lemmas)


def _kind(name: str, first: set[str], second: set[str], owner: set[str]) -> ServiceKind:
    return ServiceKind(name, frozenset(first), frozenset(second), frozenset(owner))


# Folded lemmas, as `key_lemma` gives them.
SERVICE_KINDS: tuple[ServiceKind, ...] = (
    _kind("Policja", {"policja", "dzielnicowy"}, set(), {"komenda", "komisariat", "posterunek"}),
    _kind("Straż", {"straz"}, {"pozarny", "miejski", "gminny"}, set()),
    _kind("Sąd", {"sad", "kurator"}, set(), {"kuratorski", "sadowy"}),
    _kind("Prokuratura", {"prokuratura"}, set(), set()),
    _kind("Caritas", {"caritas"}, set(), set()),
    _kind("Sanepid", {"sanepid"}, set(), {"sanitarno", "sanitarny", "epidemiologiczny"}),
    # the sanepid by its common noun in a sentence ("powiadom stację sanitarno-
    # epidemiologiczną w Ełku: 603 058 000", contacts_fresh v001)
    _kind("Sanepid", {"stacja"}, {"sanitarno"}, {"sanepid", "sanitarny", "epidemiologiczny"}),
    # a state agency ("Agencja Bezpieczeństwa Wewnętrznego" / "(22) 585 79 10" on a gmina's
    # page of alarm numbers, contacts_fresh v005) and a firm ("Przedsiębiorstwo Usług
    # Komunalnych Sp. z o.o.: 87 611 20 78" on a gmina's list of its bodies' numbers, v001):
    # never a unit of an office, a school or a social-service body
    _kind("Agencja", {"agencja"}, set(), set()),
    _kind("Przedsiębiorstwo", {"przedsiebiorstwo"}, set(), set()),
    _kind(
        "Pogotowie",
        {"pogotowie"},
        # the emergency, care and utilities' services ("POGOTOWIE WODNO-KANALIZACYJNE",
        # "Pogotowie Energetyczne", "Pogotowie Gazowe" on a gmina's list of numbers)
        {
            "ratunkowy",
            "opiekunczy",
            "wodny",
            "wodociagowy",
            "kanalizacyjny",
            "energetyczny",
            "gazowy",
            "cieplny",
        },
        set(),
    ),
    _kind(
        "Noclegownia",
        {"noclegownia", "schronisko", "ogrzewalnia", "jadlodajnia", "hostel"},
        set(),
        set(),
    ),
    _kind("Bank Żywności", {"bank"}, {"zywnosc"}, set()),
    _kind("Polski Czerwony Krzyż", {"pck"}, set(), {"czerwony", "krzyz"}),
    _kind("Polski Czerwony Krzyż", {"czerwony"}, {"krzyz"}, {"pck"}),
    _kind("Biuro Paszportowe", {"biuro", "punkt"}, {"paszportowy"}, {"wojewodzki"}),
    _kind("Zarząd Dróg", {"zarzad"}, {"droga"}, set()),
    _kind(
        "Punkt Nieodpłatnej Pomocy Prawnej",
        {"nieodplatny"},
        {"pomoc", "porada", "poradnictwo"},
        set(),
    ),
)


def _lemmas(word: str) -> set[str]:
    """A word's lemma, and for a compound adjective its first part's too ("WODNO-
    KANALIZACYJNE": "wodny"), which Morfeusz does not read as one word."""
    lemmas = {key_lemma(word)}
    if "-" in word.strip("-"):
        lemmas.add(key_lemma(word.split("-", 1)[0]))
    return lemmas


def find_services(text: str) -> list[Mention]:
    """Every service `text` names by its kind (`SERVICE_KINDS`), in order, as a `kind_only`
    mention whose nominative is the kind's name and whose head is its first lemma."""
    found: list[Mention] = []
    for start, end in sentences(text):
        tokens = [t for t in tokens_of(text, start, end) if t.is_word]
        sentence = normalise_space(text[start:end])
        for index, token in enumerate(tokens):
            lemma = key_lemma(token.text)
            following = _lemmas(tokens[index + 1].text) if index + 1 < len(tokens) else set()
            for kind in SERVICE_KINDS:
                if lemma not in kind.first or (kind.second and not following & kind.second):
                    continue
                last = tokens[index + 1] if kind.second else token
                found.append(
                    Mention(
                        phrase=text[token.start : last.end],
                        nominative=kind.name,
                        sentence=sentence,
                        start=token.start,
                        end=last.end,
                        kind_only=True,
                        head=lemma,
                    )
                )
                break
    return found


def of_owners_kind(mention: Mention, owner_name: str) -> bool:
    """The service is of the kind the owner's name is: a word of the name (each part of a
    compound) has one of the kind's lemmas ("Policja" on the page of a "Komenda Powiatowa
    Policji"; not on that of the "Ośrodek Pomocy Społecznej w Policach", whose town's name
    only begins like it)."""
    owner = {key_lemma(part) for part in re.split(r"[\s\-–]+", owner_name) if part}
    return any(kind.owns(owner) for kind in SERVICE_KINDS if kind.name == mention.nominative)
