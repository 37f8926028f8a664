"""Case forms of place names, from Morfeusz and, where it has none, from the usual endings.

The gazetteer matches an inflected text ("w Bliżynie", "Powiatu Piskiego", ASCII-folded
"w Skarzysku") against the forms of its own names rather than lemmatising the text alone:

- `word_forms("Bliżyn")`: every form of a gazetteer word (locative "Bliżynie", genitive
  "Bliżyna", ...), also of an adjective Morfeusz knows only as a form ("Kamienna");
- `guess_forms("niegowa")`: folded case forms by the usual endings, for names Morfeusz lacks;
- `adjective_forms("ropczycko-sędziszowski")`: every case of a land powiat's or a
  voivodeship's adjective, folded;
- `nominative_place("w Wysokiem Mazowieckiem")`: the other way, a place phrase in the
  nominative from the morphology alone, for a place no gazetteer knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.morphology import analyse_word, generate
from transforms.text import fold_key, normalise_space


def word_forms(word: str) -> list[str]:
    """Every form of a gazetteer word: of the word as a lemma, or — for a word Morfeusz knows
    only as a form (an adjective "Kamienna") — of its lemma in the same number and gender."""
    try:
        forms = [(form, tag) for form, tag in generate(word) if tag != "ign"]
    except RuntimeError:  # Morfeusz refuses input it splits into several words
        return [word]
    out = [word, *(form for form, _ in forms)]
    # A word can be both a noun's lemma and an adjective's form ("Piska": a surname, and the
    # feminine of "piski" in "Biała Piska"): keep the adjective's forms too.
    for reading in analyse_word(word):
        if forms and not reading.tag.startswith("adj:"):
            continue
        parts = reading.tag.split(":")
        if reading.tag == "ign" or len(parts) < 4 or "nom" not in parts[2].split("."):
            continue
        number, genders = parts[1], set(parts[3].split("."))
        try:
            lemma_forms = generate(reading.lemma)
        except RuntimeError:
            continue
        for form, tag in lemma_forms:
            fparts = tag.split(":")
            if len(fparts) >= 4 and fparts[1] == number and genders & set(fparts[3].split(".")):
                out.append(form)
    if len(out) == 1:
        out.extend(guess_forms(fold_key(word)))
    out.extend(_unalternated_locatives(word, forms))
    return out


def _unalternated_locatives(word: str, forms: list[tuple[str, str]]) -> list[str]:
    """The locative without the vowel change Morfeusz gives a name's stem ("Cmolas" ->
    "Cmolesie", as "las" -> "lesie"), folded: "cmolasie", which the village writes. Some names
    take the change ("w Czarnolesie", "w Ujeździe"), others not, and the dictionary does not
    say which: a text may write either."""
    folded = fold_key(word)
    if not folded.isalpha() or folded[-1:] in ("", "a", "e", "i", "o", "u", "y"):
        return []
    regular = _locative(folded)
    out = []
    for form, tag in forms:
        parts = tag.split(":")
        if parts[0] != "subst" or len(parts) < 3 or parts[1] != "sg" or "loc" not in parts[2]:
            continue
        written = fold_key(form)
        changed = [(a, b) for a, b in zip(written, regular, strict=False) if a != b]
        if len(written) == len(regular) and changed in ([("e", "a")], [("e", "o")]):
            out.append(regular)
    return out


# Consonant alternations before the locative "-e" ("Piła" -> "Pile", "Góra" -> "Górze",
# "Ruda" -> "Rudzie"), on folded text.
_LOCATIVE = (("st", "scie"), ("zd", "zdzie"), ("sl", "sle"), ("ch", "sze"), ("r", "rze"),
             ("d", "dzie"), ("t", "cie"), ("l", "le"), ("k", "ce"), ("g", "dze"), ("s", "sie"),
             ("z", "zie"), ("n", "nie"), ("w", "wie"), ("m", "mie"), ("b", "bie"), ("p", "pie"),
             ("f", "fie"))  # fmt: skip


def _locative(stem: str) -> str:
    for ending, replacement in _LOCATIVE:
        if stem.endswith(ending):
            return stem[: -len(ending)] + replacement
    return stem + "u"


def guess_forms(folded: str) -> set[str]:
    """Folded case forms of a place-name word Morfeusz does not know ("Niegowa" -> "niegowie",
    "niegowej", ...), by the usual endings. They only ever match existing gazetteer words, so
    a form too many costs nothing."""
    if len(folded) < 3 or not folded.isalpha():
        return set()
    stem, last = folded[:-1], folded[-1]
    if folded.endswith(("ice", "yce")):
        return {stem + "ach", stem + "ami", stem + "om", folded[:-1].rstrip("e")}
    if folded.endswith(("ski", "cki", "dzki")) or folded.endswith(("i", "y")) and stem[-1:] in "kg":
        return {folded + "m", folded + "ego", folded + "emu", folded + "ch", stem + "ach",
                stem + "ow"}  # fmt: skip
    if last in "iy":
        return {stem + "ach", stem + "ami", stem + "om", stem + "ow", stem + "ym", stem + "ego"}
    if last == "a":
        return {stem + "y", stem + "i", stem + "e", stem + "ej", stem + "a", stem + "o",
                stem + "ie", _locative(stem)}  # fmt: skip
    if folded.endswith("ie"):  # adjectival neuter or plural: "Wysokie", "Końskie"
        return {folded + "m", folded + "go", stem + "ego", folded[:-1] + "ch", stem + "m",
                stem + "ach"}  # fmt: skip
    if last in "oe":
        return {stem + "a", stem + "u", stem + "em", stem + "ie", stem + "ich", stem + "ym",
                stem + "ego", _locative(stem)}  # fmt: skip
    # masculine ("Bliżyn": -a, -u, -em, -ie) or soft feminine ("Przystajń": -i)
    forms = {folded + "a", folded + "u", folded + "em", folded + "owi", folded + "ie", folded + "i",
             _locative(folded)[:-1] + "e" if _locative(folded).endswith("e") else folded + "ie"}  # fmt: skip
    if folded.endswith("ek") and len(folded) > 4:
        # a diminutive's "e" falls out before an ending ("Przatówek" -> "Przatówku")
        short = folded[:-2] + "k"
        forms |= {short + "a", short + "u", short + "iem", short + "owi"}
    return forms


def adjective_forms(name: str) -> set[str]:
    """Folded keys of every case of an adjectival name: "ropczycko-sędziszowski" ->
    "ropczycko sedziszowskiego", ...; only the last part of a compound inflects."""
    parts = name.split("-")
    head, last = parts[:-1], parts[-1]
    forms = {fold_key(name)}
    lemmas = {r.lemma for r in analyse_word(last) if r.tag.startswith("adj:")} or {last}
    for lemma in lemmas:
        try:
            generated = generate(lemma)
        except RuntimeError:
            continue
        for form, tag in generated:
            # adjp/adja ("skarżysku", "skarżysko") would collide with town names
            if tag.startswith("adj:"):
                forms.add(fold_key(" ".join([*head, form])))
    return forms


# Prepositions before a place in prose, and the case each governs ("w Bliżynie", "z Piszu").
_CASE_AFTER = {"w": "loc", "we": "loc", "na": "loc", "przy": "loc", "z": "gen", "ze": "gen",
               "do": "gen", "od": "gen", "koło": "gen", "kolo": "gen", "k.": "gen"}  # fmt: skip
_OBLIQUE = frozenset({"gen", "dat", "acc", "inst", "loc"})
# A preposition inside a name starts a complement kept as written ("Nowe Miasto nad Pilicą").
_INNER_PREPOSITIONS = frozenset({"nad", "pod", "przy", "w", "we", "na", "k.", "koło", "kolo"})
_GEOGRAPHIC = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})
_WORD_SPLIT = re.compile(r"(\s+|-)")
# A bare adjectival name agrees with no noun: its gender is that of most such names
# ("Wysokie Mazowieckie", "Końskie" are neuter).
_GENDER_ORDER = ("n", "f", "m3", "m1", "m2")


@dataclass(frozen=True, slots=True)
class _Reading:
    lemma: str
    pos: str  # subst | adj
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    geographic: bool
    plurale_tantum: bool


def nominative_place(text: str) -> str:
    """A place phrase in the nominative by the morphology alone, for a place no gazetteer
    placed: "w Wysokiem Mazowieckiem" -> "Wysokie Mazowieckie", "w Skarżysku Kościelnym" ->
    "Skarżysko Kościelne", "z Białej Piskiej" -> "Biała Piska".

    The preposition goes; the head (the first word Morfeusz reads as a place name in the case
    the preposition governs) becomes its lemma, and the adjectives agreeing with it are
    regenerated in the nominative. A word Morfeusz does not know (ASCII-folded text) and
    whatever follows a preposition inside the name ("nad Pilicą") stay as written; a phrase
    without a preposition whose words all read as nominatives is returned as written.
    """
    written = normalise_space(text)
    parts = _WORD_SPLIT.split(written)
    first = parts[0]
    case = None
    if len(parts) > 2 and parts[1].strip() == "" and (first.islower() or written.isupper()):
        case = _CASE_AFTER.get(first.lower())
        if case is not None:
            parts = parts[2:]
    words = [i for i, part in enumerate(parts) if i % 2 == 0]
    end = next((i for i in words[1:] if parts[i].lower() in _INNER_PREPOSITIONS), len(parts) + 1)
    name_words = [i for i in words if i < end]
    readings = {i: _readings(parts[i]) for i in name_words}
    wanted = frozenset({case}) if case else _OBLIQUE
    if case is None and all(
        not found or any("nom" in r.cases for r in found) for found in readings.values()
    ):
        return "".join(parts)
    replacements = _nominatives(parts, name_words, readings, wanted)
    return "".join(replacements.get(i, part) for i, part in enumerate(parts))


def _nominatives(
    parts: list[str], words: list[int], readings: dict[int, list[_Reading]], wanted: frozenset[str]
) -> dict[int, str]:
    def in_case(r: _Reading) -> bool:
        return bool(r.cases & wanted)

    head: tuple[int, _Reading] | None = None
    for i in words:
        nouns = [r for r in readings[i] if r.pos == "subst" and r.geographic and in_case(r)]
        if nouns:
            # "w Głogowie": Głogów (a town in -ów) before Głogowa and Głogowo; a plural case is
            # a plurale tantum's ("w Ropczycach": Ropczyce)
            nouns.sort(key=lambda r: ("pl" in r.numbers and not r.plurale_tantum,
                                      "m3" not in r.genders))  # fmt: skip
            head = (i, nouns[0])
            break
    out: dict[int, str] = {}
    if head is not None:
        number = "pl" if head[1].numbers == {"pl"} else "sg"
        genders = head[1].genders
        out[head[0]] = _like(parts[head[0]], head[1].lemma)
    else:
        # only adjectives ("w Wysokim Mazowieckim"): they agree among themselves
        shared: set[tuple[str, str]] | None = None
        for i in words:
            pairs = {(n, g) for r in readings[i] if r.pos == "adj" and in_case(r)
                     for n in r.numbers for g in r.genders}  # fmt: skip
            shared = pairs if shared is None else shared & pairs
        if not shared:
            return {}
        number, gender = min(shared, key=lambda p: (p[0] != "sg", _GENDER_ORDER.index(p[1])))
        genders = frozenset({gender})
    for i in words:
        if i in out:
            continue
        adjectives = [
            r for r in readings[i]
            if r.pos == "adj" and in_case(r) and number in r.numbers and r.genders & genders
        ]  # fmt: skip
        form = next(
            (f for r in adjectives if (f := _adjective_nominative(r.lemma, number, genders))),
            None,
        )
        if form is None:
            names = [r for r in readings[i] if r.pos == "subst" and r.geographic and in_case(r)]
            form = names[0].lemma if names else None
        if form is not None:
            out[i] = _like(parts[i], form)
    return out


def _readings(word: str) -> list[_Reading]:
    found = []
    for variant in dict.fromkeys((word, word.capitalize())):
        for a in analyse_word(variant):
            tag = a.tag.split(":")
            if tag[0] not in ("subst", "adj") or len(tag) < 4:
                continue
            found.append(
                _Reading(
                    a.lemma,
                    tag[0],
                    frozenset(tag[1].split(".")),
                    frozenset(tag[2].split(".")),
                    frozenset(tag[3].split(".")),
                    bool(_GEOGRAPHIC & set(a.qualifiers)),
                    tag[0] == "subst" and tag[-1] == "pt",
                )  # fmt: skip
            )
    return found


def _adjective_nominative(lemma: str, number: str, genders: frozenset[str]) -> str | None:
    try:
        generated = generate(lemma)
    except RuntimeError:
        return None
    for form, tag in generated:
        parts = tag.split(":")
        if (
            len(parts) >= 5 and parts[0] == "adj" and parts[1] == number
            and "nom" in parts[2].split(".") and genders & set(parts[3].split("."))
            and parts[4] == "pos"
        ):  # fmt: skip
            return form
    return None


def _like(written: str, form: str) -> str:
    """`form` in the letter case of the word it replaces."""
    if written.isupper() and len(written) > 1:
        return form.upper()
    if written[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
