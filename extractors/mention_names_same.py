"""Whether two names of mentions on one page name one institution (`extractors.mention_records`
folds the shorter into the longer): a name cut by the page's layout or a menu's shorter label,
not another body; a name with a patron of its own is another school.

Names compare by their matching keys (`transforms.names.name_key`: folded lemmas, a number
after " #"), which leave a patron out; the patron is read from the names as written, as
`normalise_name` splits it.
"""

from __future__ import annotations

from os.path import commonprefix

from transforms.name_morphology import ROMAN_NUMERAL, roman_value
from transforms.names import normalise_name
from transforms.text import fold_key


def _words_of(key: str) -> tuple[list[str], str]:
    """A matching key's words and its number ("szkola podstawowy #3" -> (…, "3")), a roman
    numeral as its digits: "Zespół Szkół Nr I" and "Zespół Szkół Nr 1 w Miechowie" are one
    school ("zespol szkola #I" -> (…, "1"))."""
    words, _, number = key.partition(" #")
    if ROMAN_NUMERAL.match(number):
        number = str(roman_value(number))
    return words.split(" "), number


def part_of(short: str, long: str, *, anywhere: bool = False) -> bool:
    """`short` names the same institution as `long` in fewer words: its words open the
    longer name's (or, `anywhere`, run in a row inside them) and the numbers agree
    ("liceum ogolnoksztalcacy #V" is part of "liceum ogolnoksztalcacy szczecin #V"; "dom
    rehabilitacja …" anywhere in "fundacja dom rehabilitacja …")."""
    if short == long:
        return True
    short_words, short_number = _words_of(short)
    long_words, long_number = _words_of(long)
    if short_number and short_number != long_number:
        return False
    size = len(short_words)
    starts = range(len(long_words) - size + 1) if anywhere else range(1)
    return size < len(long_words) and any(long_words[i : i + size] == short_words for i in starts)


def _same_word(a: str, b: str) -> bool:
    """One word in two spellings of its ending ("gdanskie" / "gdanskim": a place's adjective
    put in the nominative from a folded and from a Polish text)."""
    if a == b:
        return True
    shared = len(commonprefix([a, b]))
    return shared >= 5 and shared >= max(len(a), len(b)) - 2


def fragment_of(short: str, long: str) -> bool:
    """`short` is `long` with words left out inside it, the same place at the end ("gminny
    osrodek pomoc gorzno" of "gminny osrodek pomoc spoleczny gorzno", "osrodek pomoc gorzno"
    too): a name cut by the page's layout or a menu's shorter label, not another body. Its
    first word opens the longer name or follows the type's adjective there, one word or a
    compound's two ("osrodek pomoc spoleczny baranow sandomierski" of "miejsko gminny osrodek
    pomoc spoleczny baranow sandomierski")."""
    short_words, short_number = _words_of(short)
    long_words, long_number = _words_of(long)
    if short_number != long_number or not 2 <= len(short_words) < len(long_words):
        return False
    if not _same_word(short_words[-1], long_words[-1]):
        return False
    if short_words[0] not in long_words[:3]:
        return False
    k = long_words.index(short_words[0])
    for word in short_words[1:-1]:
        k += 1
        while k < len(long_words) - 1 and long_words[k] != word:
            k += 1
        if k >= len(long_words) - 1:
            return False
    return True


def hosted_in(short: str, long: str) -> bool:
    """`short` is the body the unit `long` is "przy" ("uniwersytet ekonomiczny krakow" of
    "uniwersytet trzeci wiek przy uniwersytet ekonomiczny krakow"): its host, another
    institution, though its words end the longer name."""
    _unit, przy, host = long.partition(" przy ")
    return bool(przy) and host == short


def _patron(name: str) -> str:
    """The patron a name gives (`transforms.names.normalise_name`: "Zespół Szkół im. św. Edyty
    Stein w …" -> "sw edyty stein"), folded; "" when it names none."""
    return fold_key(normalise_name(name).patron or "")


def own_patron(short: str, long: str) -> bool:
    """`short` has a patron `long` does not give: another school of the same kind in the same
    town ("Zespół Szkół im. św. Edyty Stein w Lublińcu" beside "Zespół Szkół
    Ogólnokształcąco-Technicznych w Lublińcu"), whose matching key, without its patron, only
    looks like a shorter form of the other's."""
    patron = _patron(short)
    return bool(patron) and patron not in fold_key(long)
