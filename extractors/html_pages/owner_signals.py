"""What a page says about one name, read for `page_owner`: whether the page calls the body by
its head noun alone (`referred_to`), names it in the title in another case
(`named_in_title`), gives a mailbox on a domain that spells it (`mail_domain_spells`);
whether the name is only a type's (`generic`) or a one-person office's (`is_organ`); and a
bare acronym written out as its type name (`written_out`). Each is evidence `page_owner`
weighs; none decides alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.contacts import find_emails
from extractors.html_pages.owner_candidates import BULLET, is_noun
from extractors.html_pages.page_text import PageText
from extractors.html_pages.site_host import FREE_MAIL, host_agreement
from extractors.mention_words import ORGAN_LEMMAS
from transforms.acronyms import acronym_token_key, by_short, shared_full
from transforms.morphology import analyse_word
from transforms.name_morphology import institution_vocabulary, key_lemma, readings
from transforms.names import normalise_name
from transforms.taxonomy_reading import name_services, name_type
from transforms.text import fold_key

# What tells one body from others of its kind: quotes, a place, a patron, a number.
DISTINGUISHING = re.compile(r"[„\"“«]|\b(?:w|we|W|im\.|nr|z siedzibą)\s")


# Words of kinds of body the institution vocabulary reads under other lemmas.
_KIND_WORDS = frozenset(
    {"psychologiczno", "pedagogiczna", "pedagogiczny", "szkolno", "wychowawczy", "opiekuńczo",
     "opiekunczo", "rehabilitacyjno", "edukacyjno", "terapeutyczna", "dziennego", "pobytu"}
)  # fmt: skip


def written_out(name: str) -> str:
    """A bare acronym of the table as its type name ("WTZ" -> "Warsztat Terapii Zajęciowej"),
    also before its place ("PP-P w Ciechanowie" -> "Poradnia Psychologiczno-Pedagogiczna w
    Ciechanowie", d003), as the annotation guide writes a name the page gives only as an
    acronym; an ambiguous acronym as what its readings share ("PPPP" -> "Poradnia
    Psychologiczno-Pedagogiczna")."""
    first, _, rest = name.strip().partition(" ")
    if rest and not PLACE_PART.match(" " + rest):
        return name
    if not (first.isupper() or "-" in first) or not any(ch.isalpha() for ch in first):
        return name
    row = by_short().get(acronym_token_key(first))
    if row is None:
        return name
    return f"{shared_full(row)} {rest}".strip()


def referred_to(name: str, page: PageText) -> bool:
    """Whether the page calls the body by its head noun alone, capitalised, twice or more
    ("Poradnia obejmuje swoją pomocą …", "Do zadań Ośrodka należy …"), or once after "tut." or
    "tutejszy" ("Wydziały tut. Sądu", d033): the way a page writes of its own institution."""
    head = next((w for w in written_out(name).split() if is_noun(w)), None)
    if head is None or not head[:1].isupper():
        return False
    lemmas = {
        a.lemma.lower() for a in analyse_word(head) + analyse_word(head.lower()) if a.pos == "subst"
    }
    count = 0
    for line in page.lines:
        for match in _HERE_WORD.finditer(line):  # "tut. Sądu": this very body, once is enough
            if any(a.lemma.lower() in lemmas for a in analyse_word(match.group(1).lower())):
                return True
        for match in _CAPITALISED_WORD.finditer(line):
            word, after = match.group(1), line[match.end() :]
            if match.start() == 0 and not BULLET.match(line):
                continue  # a line's first word is capitalised anyway
            if re.match(r"\s*[A-ZĄĆĘŁŃÓŚŹŻ„\"]", after):
                continue  # a name goes on: not the head alone
            if any(
                a.lemma.lower() in lemmas for a in analyse_word(word.lower()) if a.pos == "subst"
            ):
                count += 1
    return count >= 2


def spoken_of_as_ours(name: str, page: PageText) -> bool:
    """Whether the page calls the body by its head noun after "nasz" ("Nasza Fundacja od
    początku swojego istnienia …", "w naszej Poradni", "naszego Ośrodka", "naszej szkoły"):
    the page speaks of its own institution in the first person. A territory the page lives
    in ("naszej gminy", "naszego powiatu") is no body's own word."""
    head = next((w for w in written_out(name).split() if is_noun(w)), None)
    if head is None:
        return False
    lemmas = {
        a.lemma.lower() for a in analyse_word(head) + analyse_word(head.lower()) if a.pos == "subst"
    } - _TERRITORIES
    if not lemmas:
        return False
    for match in _OURS.finditer(page.text):
        word = match.group(1)
        if any(a.lemma.lower() in lemmas for a in analyse_word(word.lower()) if a.pos == "subst"):
            return True
    return False


_OURS = re.compile(r"(?i)\bnasz(?:a|ej|ego|ym|ą|emu|e)?\s+([a-ząćęłńóśźż]{3,})\b")
_TERRITORIES = frozenset(
    {"gmina", "powiat", "miasto", "województwo", "region", "kraj", "państwo", "ojczyzna",
     "dzielnica", "osiedle", "wieś", "sołectwo"}
)  # fmt: skip


_HERE_WORD = re.compile(r"(?i:\btut\.|\btutejsz\w*)\s+([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{2,})")


_CAPITALISED_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{3,})\b")


def generic(name: str) -> bool:
    """A type name with nothing that tells one body from another of its kind: no place,
    quotes, patron, number, or word outside the institution vocabulary ("Ośrodek
    Interwencji Kryzysowej", "WTZ"; not "Urząd Gminy Nowe Miasto Lubawskie")."""
    words = name.split()
    if len(words) == 1 and name.isupper():
        return True
    if DISTINGUISHING.search(name) is not None:
        return False
    vocabulary = institution_vocabulary()
    for word in words:
        for part in word.split("-"):
            part = part.strip('„"“”«»(),.')
            if len(part) < 3 or not part[:1].isupper():
                continue
            if fold_key(key_lemma(part)) not in vocabulary and fold_key(part) not in _KIND_WORDS:
                return False
    return True


_WORD_PAIR = re.compile(r"([^\W\d_]+)(?=\s+([^\W\d_]+))")


def kind_in_plural(name: str, page: PageText) -> bool:
    """Whether the page writes the name in the plural: its head noun in a form that can only
    be plural, followed by the next word of the name in any form ("Ośrodki Adopcyjne
    rozmieszczone we wszystkich 16 województwach", "Ośrodków Adopcyjnych" beside "Ośrodek
    Adopcyjny", i042). A guide or an explainer writes about a kind of body; a name it also
    writes in the singular is the kind, not the page's owner."""
    words = name.split()
    if len(words) < 2:
        return False
    head_lemmas = {r.lemma.lower() for r in readings(words[0]) if r.pos == "subst"}
    next_lemmas = {r.lemma.lower() for r in readings(words[1])}
    if not head_lemmas or not next_lemmas:
        return False
    for first, second in _WORD_PAIR.findall(page.text):
        nouns = [r for r in readings(first) if r.pos == "subst" and r.lemma.lower() in head_lemmas]
        if not nouns or any(r.numbers != {"pl"} for r in nouns):
            continue
        if {r.lemma.lower() for r in readings(second)} & next_lemmas:
            return True
    return False


_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_TWO_WORDS_AFTER = (
    rf"[ \t]+([{_UPPER}][^\W\d_]+)[ \t]+([{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)?)"
)


def trades_under_a_person(name: str, page: PageText) -> bool:
    """Whether the page writes the name followed by a person's first name and surname in the
    nominative ("Usługodawca – Poradnia Dietetyczna Oliwia Samoraj z siedzibą w Odolionie",
    d011): the firm of a natural person, which the law makes bear its owner's name (art. 43⁴
    of the Civil Code), and whose name names neither a kind of body the directory holds nor a
    form of support: a trade, not a provider of support (a private kindergarten "Przedszkole
    STOKROTKA – Maria Szeszuła", m074, or a "Centrum Logopedyczno-terapeutyczne „Dogadać się”
    Katarzyna Czechowicz-Gołaszewska", f027, stays one). A patron follows "im." and a
    foundation bears its founder's name in the genitive ("Fundacja Anny Dymnej"): neither
    counts."""
    if len(name.split()) < 2 or name_type(name) is not None or name_services(name):
        return False
    pattern = re.compile(re.escape(name) + _TWO_WORDS_AFTER)
    for match in pattern.finditer(page.text):
        first, surname = match.groups()
        surname_readings = readings(surname)
        if any(r.first_name and "nom" in r.cases for r in readings(first)) and (
            not surname_readings or any(r.proper for r in surname_readings)
        ):
            return True
    return False


def mail_domain_spells(name: str, page: PageText) -> bool:
    """Whether a mailbox the page gives is on a domain that spells the name as a site's host
    would ("sekretariat@pppciechanow.pl" for the "Poradnia Psychologiczno-Pedagogiczna w
    Ciechanowie"): the page's own contact lines say whose it is where its address does not (a
    county portal, a hosting platform, a saved file). Free mailbox providers name no one."""
    return any(
        host_agreement(name, f"https://{domain}/").strength == 2 for domain in _mail_domains(page)
    )


_DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")


@lru_cache(maxsize=64)
def _mail_domains(page: PageText) -> tuple[str, ...]:
    domains: list[str] = []
    for email in find_emails(page.text):
        domain = email.rsplit("@", 1)[-1].lower()
        if not _DOMAIN.fullmatch(domain):
            continue  # "sekretariat@[at]…": an obfuscated address gives no host
        if domain not in FREE_MAIL and domain not in domains:
            domains.append(domain)
    return tuple(domains)


PLACE_PART = re.compile(r"\s(?:w|we|W|WE|z\s+siedzibą\s+w)\s.*$")


def named_in_title(name: str, page: PageText) -> bool:
    """Whether the title names the body in another case, where the phrase reader finds no
    name ("Warunki przyjęcia nieletniego do Młodzieżowego Ośrodka Wychowawczego Księży
    Orionistów" for the "Młodzieżowy Ośrodek Wychowawczy Księży Orionistów w Warszawie" the
    text names): the name's words before its place, lemma by lemma, in a row in the title.
    Only a name that tells its body from others of its kind counts."""
    if generic(name):
        return False
    try:
        words = normalise_name(PLACE_PART.sub("", name)).key.split()
    except ValueError:
        return False
    if len(words) < 2:
        return False
    for text in (page.title, *page.heads):
        try:
            title = normalise_name(text).key.split() if text.strip() else []
        except ValueError:
            continue
        if any(title[i : i + len(words)] == words for i in range(len(title) - len(words) + 1)):
            return True
    return False


def is_organ(name: str) -> bool:
    """Whether the name is a one-person office's ("Prezydent Miasta Koszalina", "Starosta
    Toruński") or a territory's council or board (`_council_of_territory`): a page quotes
    what the organ decides; its owner is the office or a unit."""
    head = next((w for w in name.split()[:3] if is_noun(w)), None)
    if head is None:
        return False
    lemmas = {a.lemma.lower() for a in analyse_word(head) + analyse_word(head.lower())}
    return bool(lemmas & _ORGANS) or _organ_after_adjectives(name) or _council_of_territory(name)


# The collegial organs of a gmina, a powiat or a voivodeship, named by the territory after
# them ("Zarząd Powiatu Skarżyskiego", "Rada Gminy Dygowo", "Sejmik Województwa Śląskiego")
# or by its adjective ("Rada Miejska w Kole"): they meet and resolve; the office that serves
# them (the starostwo, the urząd) keeps the site. "Zarząd Dróg Powiatowych", "Rada
# Pedagogiczna" and "Zarząd Stowarzyszenia" are not.
_COUNCIL_HEADS = frozenset({"rada", "zarzad", "sejmik"})
_COUNCIL_OF = frozenset({"powiat", "gmina", "miasto", "wojewodztwo", "dzielnica"})
_COUNCIL_ADJECTIVES = frozenset({"miejski", "gminny", "powiatowy", "wojewodzki"})


def _council_of_territory(name: str) -> bool:
    words = fold_key(name).split()
    if len(words) < 2 or words[0] not in _COUNCIL_HEADS:
        return False
    second = key_lemma(name.split()[1])
    unplaced = PLACE_PART.sub("", name).split()
    return second in _COUNCIL_OF or (second in _COUNCIL_ADJECTIVES and len(unplaced) == 2)


def _organ_after_adjectives(name: str) -> bool:
    """An organ's title after more adjectives than three ("Zachodniopomorski Państwowy
    Wojewódzki Inspektor Sanitarny w Szczecinie", k064 of the fresh pages): the first word
    that can only be a noun is the head; words that can also be adjectives are passed over."""
    for word in PLACE_PART.sub("", name).split()[:6]:
        readings = analyse_word(word) + analyse_word(word.lower())
        nouns = {a.lemma.lower() for a in readings if a.pos == "subst"}
        if nouns & _ORGANS:
            return True
        if nouns and not any(a.pos == "adj" for a in readings):
            return False
    return False


_ORGANS = frozenset(ORGAN_LEMMAS)
