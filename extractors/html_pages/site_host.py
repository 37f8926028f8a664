"""What a site's host name says about whose site it is.

Polish institutions name their sites after themselves: an acronym and a town
("mopsostrowiec.pl", "pcpr-zuromin.pl", "ketrzyn.sr.gov.pl"), the words of a proper name
("sds-cytrynka.pl", "przyszloscdladzieci.org") or the kind of body and its place
("szpitaloswiecim.pl", "powiatklobucki.pl"). `host_agreement` compares an institution name
found in a page's text with the host: it is evidence for that name being the page's owner,
never a source of a name (the page must name its owner itself), and no rule here knows any
particular host.

`host_names_other_body` says the opposite: the host spells the acronym of a kind of body
the name is not ("um.ostrowiec.pl" for a MOPS named on the page): the page is that body's,
and the name one it writes about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from transforms.acronyms import by_short
from transforms.names import normalise_name
from transforms.text import fold_key

# Labels of a host that name no one: top-level and functional second-level domains, site
# platforms and their BIP services.
_ANONYMOUS_LABELS = frozenset(
    {
        "pl", "com", "org", "net", "eu", "info", "biz", "gov", "edu", "www", "bip", "home",
        "jimdo", "wordpress", "blogspot", "edupage", "eurzad", "biuletyn", "wrota", "samorzady",
        "bipstrona", "biposwiata", "bipgmina", "superszkolna", "ugm", "akcessnet", "asp", "cms",
        "old", "new", "m", "pro",
    }
)  # fmt: skip
# Free mailbox providers small institutions use ("sp_sekretariat@op.pl"): no one's domain.
FREE_MAIL = frozenset(
    {"wp.pl", "op.pl", "o2.pl", "onet.pl", "onet.eu", "interia.pl", "interia.eu", "gmail.com",
     "poczta.fm", "vp.pl", "tlen.pl", "go2.pl", "poczta.onet.pl", "yahoo.com", "outlook.com",
     "hotmail.com", "wp.eu", "autograf.pl", "int.pl", "buziaczek.pl", "poczta.pl"}
)  # fmt: skip


# NASK's regional domains that abbreviate their city ("mopr.gda.pl" is Gdańsk's MOPR).
_REGIONAL_ABBREVIATIONS = {
    "waw": "warszawa", "wroc": "wroclaw", "gda": "gdansk", "czest": "czestochowa",
    "jgora": "jeleniagora", "zgora": "zielonagora", "nysa": "nysa",
}  # fmt: skip
# Words of names that say what kind of body it is, not which one: they never make a host
# agree with a name by themselves.
_KIND_WORDS = frozenset(
    {
        "powiatowy", "powiatowa", "powiatowe", "miejski", "miejska", "miejskie", "gminny",
        "gminna", "gminne", "publiczny", "publiczna", "publiczne", "specjalny", "specjalna",
        "wojewodzki", "wojewodzka", "osrodek", "centrum", "pomocy", "spolecznej", "rodzinie",
        "dom", "domu", "zespol", "szkol", "szkola", "podstawowa", "poradnia", "psychologiczno",
        "pedagogiczna", "pedagogiczno", "urzad", "pracy", "sad", "rejonowy", "okregowy",
        "prokuratura", "rejonowa", "okregowa", "komenda", "policji", "stacja", "sanitarno",
        "epidemiologiczna", "starostwo", "gmina", "miasto", "miasta", "gminy", "przedszkole",
        "fundacja", "stowarzyszenie", "dla", "dzieci", "mlodziezy", "osob", "im", "imienia",
        "nr", "swietego", "sw", "jana", "pawla", "ii", "na", "rzecz", "i", "oraz", "w", "we",
        "z", "siedziba", "opieki", "zdrowotnej", "zakladu", "zaklad", "wsparcia", "dziennego",
        "terapii", "zajeciowej", "interwencji", "kryzysowej", "uslug", "spolecznych",
        "samopomocy", "srodowiskowy", "dzienny", "szpital", "specjalistyczny", "sp", "zoz",
        "spzoz", "oddzial", "wychowawczy", "szkolno", "mlodziezowy", "rehabilitacyjno",
        "edukacyjno", "opiekunczo", "wychowawcza", "placowka", "swietlica", "srodowiskowa",
        "terapeutyczna", "warsztat", "adopcyjny", "towarzystwa", "towarzystwo", "przyjaciol",
        "polskie", "polski", "polska", "katolicki", "niepubliczny", "niepubliczne",
    }
)  # fmt: skip
# Words of a name that say its kind and that hosts spell out ("szpitaloswiecim.pl",
# "powiatklobucki.pl", "adopcjatarnow.pl", "poradniaplonsk.pl"), as their first letters.
_KIND_STEMS = (
    "szpital", "poradni", "przedszkol", "szkol", "starostw", "powiat", "gmin", "urzad",
    "fundacj", "stowarzysz", "hospicj", "adopcj", "swietlic", "policj", "prokurat", "sad",
    "osrod", "centrum", "przychodni", "uzdrowisk", "biblioteka",
)  # fmt: skip
# Acronyms of kinds of body a host may spell, besides the acronym table's: courts' and
# prosecutors' portals ("sr", "so", "po", "pr"), school numbers ("sp", "p16" is a preschool).
_EXTRA_ACRONYMS = ("sr", "so", "po", "pr", "zs", "sp", "lo")


@dataclass(frozen=True, slots=True)
class HostAgreement:
    """How a host agrees with a name: each part a word the two share."""

    kind: bool  # the host spells the name's acronym, or its kind word with its place
    place: bool  # the host spells the name's place ("ostrowiec" for "w Ostrowcu …")
    proper: bool  # the host spells the name's own words ("cytrynka", "przyszloscdladzieci")
    kind_word: bool = False  # the host spells the name's kind word ("poradnia"), no place

    @property
    def strength(self) -> int:
        """0 none, 1 weak (kind or place alone), 2 strong (both, or the name's own words)."""
        if self.proper or (self.kind and self.place):
            return 2
        return 1 if self.kind or self.place else 0


def host_labels(url: str) -> list[str]:
    """The labels of a page's host that may name its owner ("pcpr-zuromin" and its parts)."""
    host = (urlsplit(url).hostname or "").lower()
    labels: list[str] = []
    for label in [_REGIONAL_ABBREVIATIONS.get(label, label) for label in host.split(".")]:
        parts = [label, *label.split("-")] if "-" in label else [label]
        for part in parts:
            if part and part not in _ANONYMOUS_LABELS and not part.isdigit() and part not in labels:
                labels.append(part)
    return labels


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    return frozenset({fold_key(short).replace(" ", "") for short in by_short()}) | frozenset(
        _EXTRA_ACRONYMS
    )


def _acronym_of(name: str) -> str | None:
    """The name's acronym: the table's, else the initials of its capitalised words before
    the place ("Publiczna Poradnia Psychologiczno-Pedagogiczna" -> "pppp")."""
    try:
        normalised = normalise_name(name)
    except ValueError:
        return None
    if normalised.acronym:
        return fold_key(normalised.acronym).replace(" ", "")
    core = re.split(r"\s(?:w|we|im\.|nr)\s", name)[0]
    initials = "".join(
        part[0] for word in core.split() for part in word.split("-") if part[:1].isupper()
    )
    folded = fold_key(initials).replace(" ", "")
    # two letters name a kind of body only as a portal's or a school's label does ("po" for a
    # "Prokuratura Okręgowa", "zs" for a "Zespół Szkół"): `_EXTRA_ACRONYMS`
    return folded if len(folded) >= 3 or folded in _EXTRA_ACRONYMS else None


def _stem(word: str) -> str:
    """The part of an inflected word its other forms share ("ostrowcu" -> "ostro")."""
    return word[: max(4, len(word) - 3)]


def _place_words(name: str) -> list[str]:
    try:
        place = normalise_name(name).place_raw
    except ValueError:
        return []
    words = fold_key(place or "").split()
    return [w for w in words if w not in ("w", "we", "z", "siedziba") and len(w) >= 4]


def _place_lemmas(name: str) -> list[str]:
    """The place's words in the nominative, as a host writes them: a short name's stem is no
    part of it ("nysie" -> "nysi", not in "ops-nysa"; "Pile", "Kole"), its lemma is ("nysa")."""
    try:
        normalised = normalise_name(name)
    except ValueError:
        return []
    count = len(_place_words(name))
    if not count:
        return []
    return [w for w in normalised.key.split()[-count:] if len(w) >= 4]


def _own_words(name: str) -> list[str]:
    """The words of a name that tell it from others of its kind: a quoted or proper name."""
    place = set(_place_words(name))
    return [
        word
        for word in fold_key(name).split()
        if len(word) >= 5 and word not in _KIND_WORDS and word not in place
    ]


def host_agreement(name: str, url: str) -> HostAgreement:
    """Which of its kind, place and own words a name shares with the page's host."""
    labels = host_labels(url)
    if not labels:
        return HostAgreement(False, False, False)
    joined = "".join(labels)
    acronym = _acronym_of(name)
    words = fold_key(name).split()
    by_acronym = bool(acronym) and any(
        _spells_acronym(label, acronym or "") and _two_letters_fit(label, acronym or "", name)
        for label in labels
    )
    # a kind word alone ("policja", "szpital") is every such body's: it agrees with the name
    # only together with its place
    # "powiat" and "gmin" in a host name the local government, not every "Powiatowy …" or
    # "Gminny …" body its portal writes about ("powiatkwidzynski.pl" and the "Powiatowy
    # Środowiskowy Dom Samopomocy w Kwidzynie" of its news, d019)
    local_office = words[:1] in (["powiat"], ["starostwo"], ["urzad"], ["gmina"], ["miasto"])
    by_word = any(
        stem in label
        for word in words
        for stem in _KIND_STEMS
        if word.startswith(stem) and (local_office or stem not in _LOCAL_KIND_STEMS)
        for label in labels
    )
    place = any(_stem(word) in label for word in _place_words(name) for label in labels) or any(
        label == word or label.endswith(word) for word in _place_lemmas(name) for label in labels
    )
    kind = by_acronym or (by_word and place)
    own = _own_words(name)
    proper = bool(own) and (
        any(_stem(word) in label for word in own for label in labels) or "".join(own) in joined
    )
    # "szpitalnawyspie.pl", "przyszloscdladzieci.org": the whole name without its kind word
    glued = "".join(w for w in words[1:] if w not in ("w", "we"))
    proper = proper or (len(glued) >= 8 and glued in joined)
    return HostAgreement(kind, place, proper, kind_word=by_word)


def _two_letters_fit(label: str, acronym: str, name: str) -> bool:
    """Whether a two-letter acronym ("po", "zs") is this label's: the label is the acronym
    alone or with its number ("wroclaw.po.gov.pl", "sp3") or the acronym before the name's
    place ("zskolo" for a "Zespół Szkół w Kole", "zs1kolo"); a word that merely begins with the two letters ("podlaska" of
    "podlaska.policja.gov.pl") spells no "Prokuratura Okręgowa"."""
    if len(acronym) != 2 or label == acronym:
        return True
    if not label.startswith(acronym):
        return True  # spelt by a longer acronym it ends in (`_spells_acronym`)
    rest = label[len(acronym) :].lstrip("0123456789")
    if not rest:
        return True  # the acronym and its number ("sp3", "zs1")
    # the place's first letters: its inflected form and the host's nominative differ after
    # them ("kole" and "kolo", "bialymstoku" and "bialystok")
    return any(rest.startswith(word[:3]) for word in _place_words(name) + _place_lemmas(name))


def _spells_acronym(label: str, acronym: str) -> bool:
    """ "mopsostrowiec" spells "mops"; "ops" (a site) and "mgops" (a name) are one kind of
    body, and "ppp" and "pppp" (Publiczna Poradnia Psychologiczno-Pedagogiczna) another."""
    if label == acronym or label.startswith(acronym):
        return True
    if len(acronym) >= 3 and label.endswith(acronym):  # "zskolo" ends in no "lo"
        return True
    return any(
        len(other) >= 3
        and (label.startswith(other) or label.endswith(other))
        and (acronym.endswith(other) or other in acronym)
        for other in _acronyms()
    )


# Host words that name a local government's office: its site is the office's, unless the name
# shares the host's place (a unit's sub-site on the powiat portal, "powwyszogrod.powiat-…").
_OFFICE_WORDS = ("powiat", "starostw", "gmina", "urzad")
_LOCAL_OFFICES = ("urzad", "gmina", "miasto", "starostwo", "powiat")
_LOCAL_KIND_STEMS = frozenset({"powiat", "gmin"})


def host_names_other_body(name: str, url: str) -> bool:
    """Whether the host spells another kind of body than this name's and none of its own
    words: "um.ostrowiec.pl" for "Miejski Ośrodek Pomocy Społecznej w Ostrowcu"; or only
    the name's place ("pakosc.pl", "niepolomice.eu"): a town's or gmina's own portal, where
    other bodies' notices are relayed, unless the name is that local government's office."""
    agreement = host_agreement(name, url)
    if agreement.kind or agreement.proper:
        return False
    acronym = _acronym_of(name)
    place = _place_words(name)
    labels = host_labels(url)
    local_office = fold_key(name).startswith(_LOCAL_OFFICES)
    lemmas = _place_lemmas(name)
    if (
        agreement.place
        and not local_office
        and all(_only_place(label, place) or label in lemmas for label in labels)
    ):
        return True  # "orla.pl" for "… w Orli": a short place's stem is no prefix of its lemma
    for label in labels:
        if any(_stem(word) in label for word in place):
            continue  # "ddprzybyslawice": letters glued to the name's place, not a body
        for other in _acronyms():
            if other == acronym:
                continue
            if label == other or (len(other) >= 3 and label.startswith(other)):
                if len(other) >= 3 or other in ("um", "ug"):
                    return True
        if not agreement.place and not local_office and label.startswith(_OFFICE_WORDS):
            return True
    return False


def _only_place(label: str, place: list[str]) -> bool:
    """ "pakosc" for "w Pakości": a label that is the place and nothing else."""
    return any(
        label.startswith(_stem(word)) and len(label) - len(_stem(word)) <= 4 for word in place
    )


# What a news outlet's host is made of: a medium's word before or after its place or title
# ("radiopik", "gazetaolsztynska", "tygodnikpiski", "dziennikwschodni", "echogorzowa",
# "gloswielkopolski", "expressilustrowany", "infoprzasnysz"; "tychynews", "nowytydzien",
# "kolskiefakty", "kielceinfo", "oswiecimonline", "rzeszow24"; a radio's ".fm"). Only a
# medium's words: an outlet's brand that is no such word is not listed (no rule names a host).
# Such a site reports on institutions; its pages are its publisher's, not theirs. A word
# that also begins institutions' hosts stays out ("portal": "eduportal"; "tv": a host's
# platform; "news" only at the end: "newsweek" hosts charities' profiles).
_NEWS_OUTLET = re.compile(
    r"^(?:radio|gazet|tygodnik|dziennik|express|ekspres|echo|glos|kurier|telewizj|tvn|nowiny"
    r"|wiadomosci|info)[a-z0-9]"
    r"|[a-z](?:news|radio|gazeta|tydzien|fakty|kurier|info|online)$"
    r"|^[a-z]{4,}24$|^24[a-z]{4,}$"
    r"|^(?:radio|telewizja|online|nowiny|fm)$"
)


# Host words of units that serve people in person, as a site's host spells its own kind glued
# to its name or place ("przedszkolesloneczko", "bibliotekiwarszawy", "poradnia-nowa"), and a
# school's or preschool's acronym with its number ("sp1prudnik", "pp54", "p59", "zs2"). Not a
# local government's word ("gmina", "powiat", "urzad": its portal relays other bodies'
# notices), nor "szkola" alone (language, dance and driving schools: "ls-szkola", tune g036),
# nor a word that begins other things ("szkolenia", a holiday "osrodek").
_SERVING_KIND = re.compile(
    r"^(?:przedszkol|zlob(?:ek|ka)|poradni|swietlic|bibliotek|przychodni|hospicj)"
)
_NUMBERED_SCHOOL = re.compile(r"^(?:sp|psp|zs|zsp|pp|p|pm|mp|lo)\d{1,3}(?:[a-z]{3,})?$")


def host_names_a_unit(url: str) -> bool:
    """Whether the page's host is a serving unit's own site by its kind (`_SERVING_KIND`,
    `_NUMBERED_SCHOOL`), not a news outlet's."""
    if news_outlet(url):
        return False
    return any(
        _SERVING_KIND.match(label) or _NUMBERED_SCHOOL.match(label) for label in host_labels(url)
    )


def news_outlet(url: str) -> bool:
    """Whether the page's host is a news outlet's (`_NEWS_OUTLET`): a local portal's article
    about a body's work (a PUP's, a GOPS's, a ŚDS's) is no page of that body."""
    host = (urlsplit(url).hostname or "").lower()
    labels = [label for label in host.split(".") if label not in _ANONYMOUS_LABELS]
    parts = [part for label in labels for part in (label, *label.split("-")) if part]
    # "przedszkole24": a body's number after its kind word, not a portal's "24"
    return any(_NEWS_OUTLET.search(part) and not part.startswith(_KIND_STEMS) for part in parts)
