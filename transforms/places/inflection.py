"""Case forms of place names, from Morfeusz and, where it has none, from the usual endings.

The gazetteer matches an inflected text ("w Bliżynie", "Powiatu Piskiego", ASCII-folded
"w Skarzysku") against the forms of its own names rather than lemmatising the text alone:

- `word_forms("Bliżyn")`: every form of a gazetteer word (locative "Bliżynie", genitive
  "Bliżyna", ...), also of an adjective Morfeusz knows only as a form ("Kamienna");
- `guess_forms("niegowa")`: folded case forms by the usual endings, for names Morfeusz lacks;
- `adjective_forms("ropczycko-sędziszowski")`: every case of a land powiat's or a
  voivodeship's adjective, folded.
"""

from __future__ import annotations

from transforms.morphology import analyse_word, generate
from transforms.text import fold_key


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
    return {folded + "a", folded + "u", folded + "em", folded + "owi", folded + "ie", folded + "i",
            _locative(folded)[:-1] + "e" if _locative(folded).endswith("e") else folded + "ie"}  # fmt: skip


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
