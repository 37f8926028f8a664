"""Whose voice a sentence naming a form of support speaks in.

A page names forms of support it does not offer: a guide describes kinds of units in general
("Ośrodek Interwencji Kryzysowej to placówka udzielająca…", "Oferta poradni zdrowia
psychicznego zwykle obejmuje psychoterapię…"), a report counts who needs help ("według raportu
NIK … 630 tysięcy dzieci wymaga pomocy psychologicznej"), a page lists its staff ("Wśród
pracowników ŚDS są psychologowie, pracownicy socjalni…"), a regulation sets conditions ("osoba,
która nie korzysta z ośrodka wsparcia, z placówki pobytu całodobowego…"), a court lists the
cases its officers handle ("w sprawach o urlopowanie małoletnich z pieczy zastępczej"). None of
these is an institution saying what it offers, which is all `transforms.support_statements`
should read ("Poradnia prowadzi terapię…", "oferujemy", "w naszym ośrodku", a line of an
offer list).

Three readings, none naming a host or an institution:

- `general_voice(sentence)`: why a whole sentence speaks of kinds of units, or of what others
  report, rather than for one (None when it may speak for one);
- `not_offered_here(words, staff)`: why one service phrase, given the folded words before it in
  its sentence, is a need, a condition or a staff member rather than an offer;
- `speaks_as_a_guide(text)`: whether a whole text is a guide or a blog post about such units
  (its statements are then nobody's offer);
- `announces_a_public_consultation(text)` and `about_the_consultation(sentence)`: a page that
  announces a public consultation of a plan speaks of "the consultation", not of counselling;
- `examples_of_problems_or_units(words, texts)` and `after_partners(words, texts)`: a phrase
  on a list "takich jak …" of problems or of kinds of units, or after "współpracujemy z",
  names what someone suffers or what others do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.morphology import is_adjective, is_verb
from transforms.text import fold

__all__ = [
    "STAFF_LEMMAS",
    "STAFF_STEMS",
    "about_the_consultation",
    "after_partners",
    "announces_a_public_consultation",
    "examples_of_problems_or_units",
    "general_voice",
    "not_offered_here",
    "own_voice",
    "speaks_as_a_guide",
]

# Kinds of units, as a guide names them in general (folded stems).
_KINDS = r"(?:placowk|osrodk|osrodek|poradni|instytucj|centr|jednost|punkt|oddzial)"

# An institution speaking for itself: these win over every marker of a general voice ("naszego
# mózgu" in a guide is not a unit speaking).
_OWN = re.compile(
    rf"\bnasz(?:a|ej|ego|ym|emu|ych|e|i)? (?:{_KINDS}|fundacj|stowarzyszen|szkol|przedszkol"
    r"|zespol|ofert|specjalist|terapeut|pracown|kadr|dom|swietlic|podopieczn|wychowank"
    r"|uczestnik|pacjent|klient|uczni)"
    r"|\b(?:oferujemy|prowadzimy|zapewniamy|udzielamy|organizujemy|realizujemy|zapraszamy"
    r"|pomagamy|wspieramy|przyjmujemy|swiadczymy|dysponujemy|specjalizujemy)\b|\bu nas\b"
)

# Sentences that speak of kinds of units, or report what others say (folded lower case).
_GENERAL = {
    # "Pracownikami takich placówek są…", "w tego typu ośrodkach"
    "a guide speaking of such units": re.compile(
        rf"\b(?:takich|takie|takim|tego typu|tego rodzaju|tych typow) {_KINDS}"
    ),
    # "Oferta poradni zdrowia psychicznego zwykle obejmuje…", "Pracują one zazwyczaj…"
    "a guide saying what units usually do": re.compile(
        r"\b(?:zwykle|zazwyczaj|z reguly|przewaznie|na ogol|czesto rozszerza)\b"
    ),
    # "według raportu NIK z 2023 roku…", "Według danych opublikowanych przez WHO…"
    "a report of what others count": re.compile(
        r"\bwedlug (?:danych|raportu|raportow|badan|statystyk|szacunkow)"
        r"|\b(?:dane|badania|statystyki) (?:pokazuja|wskazuja|mowia)"
    ),
    # "Chcąc podjąć terapię na NFZ, niestety trzeba odczekać…": advice to a reader (not
    # "możesz skorzystać z bezpłatnej infolinii", which is how a helpline is offered).
    "advice to a reader": re.compile(r"\b(?:chcac|warto (?:wiedziec|pamietac|zwrocic uwage))\b"),
    # "Świadczenia … są realizowane na trzech poziomach referencyjnych", "w każdym powiecie
    # znajduje się I poziom referencyjny": the levels of the public system of care, which a
    # guide describes for every unit at once (not one unit's level: "obiekt zapewniający
    # stacjonarną opiekę psychiatryczną … na III poziomie referencyjnym").
    "the levels of a system of care": re.compile(
        r"\bpoziom(?:y|ow|ach|ami)? referencyjn(?:y|e|ych|ymi)\b"
    ),
    # "W województwie działa trzynaście ośrodków…", "na terenie całej Polski funkcjonuje ponad
    # 1500 punktów darmowej pomocy", "coraz więcej miejsc, w których pacjenci mogą otrzymać…",
    # "Punkty znajdują się w każdym powiecie": units counted across a region, not one unit.
    "units counted across a region": re.compile(
        r"\bw (?:calym kraju|calej polsce|kazdym powiecie|kazdej gminie)\b"
        r"|\bna terenie (?:calego kraju|calej polski)\b"
        r"|\b(?:dziala|dzialaja|funkcjonuje|funkcjonuja)\s+(?:juz\s+|obecnie\s+)?"
        r"(?:ponad\s+|okolo\s+|blisko\s+)?(?:\d+|\w+(?:scie|dziesiat|set|dwa|trzy|cztery))\s+"
        rf"(?:\w+\s+)?{_KINDS}"
        rf"|\bcoraz wiecej (?:miejsc|{_KINDS})"
    ),
    # "Poradnie psychologiczno-pedagogiczne są bowiem szczególnym rodzajem placówek
    # oświatowych, których rolą jest…": a kind of unit defined, as a guide or the law does.
    "a kind of unit defined": re.compile(
        r"\b(?:sa|jest) (?:bowiem )?(?:szczegolnym |specjalnym |podstawowym )?(?:rodzajem|typem) "
        r"(?:placowek|placowki|instytucj|jednost)"
        # "Świetlica to placówka opiekuńczo-wychowawcza, której celem jest…": a definition (not
        # "Jest to jedyna placówka stacjonarnej opieki paliatywnej we Wrocławiu", a unit of itself)
        r"|^\W*(?!jest |sa )\w+ to (?:\w+ )?(?:placowka|instytucja|jednostka)\b"
    ),
    # "Publiczne poradnie psychologiczno-pedagogiczne … udzielają dzieciom … pomocy",
    # "Placówki wsparcia dziennego zapewniają wychowankom wszechstronne wsparcie": a kind of
    # unit in the plural as the subject says what every such unit does, as the law or a guide
    # does, not what one institution offers (its own voice, "nasze placówki", wins). Not
    # "Centra prowadzą poradnie zdrowia psychicznego", which a mental health centre's page (c016)
    # says of the network it is one of.
    "what a kind of unit does, in the plural": re.compile(
        r"^\W*(?:\w+ ){0,2}(?:placowki|poradnie|osrodki|instytucje|jednostki|punkty"
        r"|swietlice|kluby|domy|zespoly)\b[^.;:]{0,100}?\b(?:zapewniaja|udzielaja|prowadza"
        r"|oferuja|organizuja|realizuja|swiadcza|obejmuja|pomagaja|wspieraja)\b"
    ),
    # "Ważne jest m.in. właściwie dobrane do dziecka leczenie terapeutyczne, rehabilitacyjne…":
    # what matters, said to a reader.
    "advice to a reader on what matters": re.compile(
        r"\b(?:wazne|istotne|najwazniejsze|kluczowe) jest\b"
    ),
}


def own_voice(sentence: str) -> bool:
    """Whether a sentence speaks for its own institution: "nasza poradnia", "oferujemy"."""
    return _OWN.search(fold(sentence).lower()) is not None


def general_voice(sentence: str) -> str | None:
    """Why `sentence` speaks of kinds of units or reports what others say rather than saying
    what one institution offers; None when it may state an offer."""
    folded = fold(sentence).lower()
    if _OWN.search(folded):
        return None
    for reason, pattern in _GENERAL.items():
        if pattern.search(folded):
            return reason
    return None


# Staff, as lemmas of the words that name a service by who gives it ("psycholog",
# "pracownik socjalny"): on a list of a unit's staff they say who works there, not what it offers.
STAFF_LEMMAS = frozenset(
    {
        "psycholog",
        "psycholożka",
        "psychoterapeuta",
        "psychiatra",
        "logopeda",
        "logopedka",
        "prawnik",
        "radca",
        "adwokat",
        "pracownik",
        "terapeuta",
        "fizjoterapeuta",
        "pedagog",
        "lekarz",
        "mediator",
        "socjolog",
    }
)
# Trades named after the service, read from the word before it (the taxonomy's lemmas do not
# hold them): "instruktorzy terapii", "techników fizjoterapii".
STAFF_STEMS = ("instruktor", "technik")

# A sentence that lists staff: "Wśród pracowników ŚDS są psychologowie…", "realizowane są przy
# współpracy pielęgniarek, lekarzy…", "obsługiwany jest przez psychologów…", "spotkania z
# Dyrektorem, pedagogiem, psychologiem", "Numery telefonów pracowników socjalnych…".
_STAFF_LIST = re.compile(
    r"\bwsrod (?:pracownik|specjalist|kadry)|\bpracownikami\b|\bkadr[aeyz] (?:stanowi|tworz|sklada)"
    r"|\bprzy wspolpracy\b|\bw sklad (?:zespolu|kadry) wchodz|\bzespol (?:tworza|stanowia)"
    r"|\bobslugiwan\w* (?:jest |sa )?przez\b|\bz dyrektorem\b|\bnumery telefonow\b"
    r"|\bpracuja (?:tu |w nim |w niej )?specjalisci\b|\bspecjalisci z roznych dziedzin"
)

# Words before a service phrase that make it a need, not an offer: "wymaga pomocy
# psychologicznej", "wzrost zapotrzebowania na pomoc psychologów", "szukać pomocy".
# A participle is not: "dzieci wymagające wczesnego wspomagania rozwoju" says whom an offer is for.
_NEED = ("zapotrzebowan", "szuka", "poszukuj")
_NEEDS = frozenset({"wymaga", "wymagaja", "wymagal", "wymagala", "wymagali", "wymagaly"})
# A problem someone has, not the help for it: "problemy wychowawcze związane z trudnościami w
# sprawowaniu opieki", "znalazły się w sytuacji kryzysowej".
_PROBLEM = ("problem", "trudnosc", "borykaj", "zmagaj", "znalazl")
# A treatment finished before, elsewhere: "po zakończonym programie psychoterapii uzależnień".
_BEFORE = ("zakonczon", "ukonczon", "zakonczeni", "ukonczeni")
# What an examination is of: "badaniach psychologiczno-pedagogiczno – logopedycznych".
_EXAMINATION = ("badan", "diagnoz", "opini")
# Forms of having, negated before a service phrase: "nie będzie miał … psychologa". The
# present's forms whole ("ma", "mają"): as a beginning, "ma" opens "martw się", "mało" too.
_HAVING = frozenset({"ma", "mam", "masz", "mamy", "macie", "maja"})
_HAVING_STEMS = ("majac", "mial", "miec", "posiada")  # "mający", "miała", "posiadają"
_NO_NEED = ("potrzeb", "koniecznosc", "obowiazk", "wymog")
# A condition of not using a service: "nie korzysta np. z ośrodka wsparcia, z placówki…".
_NOT_USING = ("korzyst", "uczeszcz", "przebywa")
# How far back, in words, a need or a condition reaches over a list ("wymaga pomocy
# psychologicznej lub psychiatrycznej").
_REACH = 5


def _relative(words: Sequence[str], index: int) -> bool:
    """ "wychowanków …, którzy wymagają kompleksowej pomocy rehabilitacyjnej": a relative
    clause says whom an offer is for, as the participle "wymagający" does."""
    return index > 0 and words[index - 1].startswith("ktor")


# Sending someone on: "kierowanie do biegłych w przedmiocie orzekania o uzależnieniu",
# "kierowanie osób uzależnionych do specjalistów i instytucji świadczących usługi". What
# follows "do" is where the help is, not what the sender offers. Not a referral as a document
# ("na podstawie skierowania do poradni"), which says what an offer needs.
_SENDING = ("kierowani", "kierujem", "kieruje", "kierujac")


def _sent_elsewhere(near: Sequence[str]) -> bool:
    return any(
        word.startswith(_SENDING) and "do" in near[index + 1 :] for index, word in enumerate(near)
    )


# Access to help improved in general, a plan's or a statute's aim: "zwiększanie dostępności
# pomocy terapeutycznej i rehabilitacyjnej dla osób uzależnionych", "wzrost jakości i
# dostępności usług wsparcia rodziny oraz pieczy zastępczej". The help is named as what should
# be easier to reach, not as what the speaker gives; whom it is for ("dla osób uzależnionych")
# still says whom. Not "ułatwienie dostępu do pomocy psychologicznej", which a project page
# says of the help it gives itself.
_MORE = ("zwieksz", "wzrost", "popraw", "poszerz", "rozszerz")
_ACCESS = ("dostep",)  # "dostęp", "dostępu", "dostępności"
_FOR_WHOM = frozenset({"dla", "poprzez", "przez"})


def _access_improved(words: Sequence[str]) -> bool:
    for index in range(len(words) - 1, 0, -1):
        word = words[index]
        if word in _FOR_WHOM:
            return False
        if word.startswith(_ACCESS):
            return any(w.startswith(_MORE) for w in words[max(0, index - 4) : index])
    return False


def not_offered_here(
    words: Sequence[str],
    sentence: str,
    staff: bool,
    adjective: bool = False,
    clause: int = 0,
) -> str | None:
    """Why the service phrase after `words` (the folded lower-case words of its sentence before
    it) is not offered by the page's institution; `staff` says the phrase names a person
    ("psychologa", "pracownika socjalnego"), `adjective` that it is one adjective
    ("logopedycznych"); `clause` is the index in `words` where the phrase's clause begins. None
    when it may be an offer."""
    near = words[-_REACH:]
    start = len(words) - len(near)
    if any(
        word.startswith(_NEED) or (word in _NEEDS and not _relative(words, start + offset))
        for offset, word in enumerate(near)
    ):
        return "a need, not an offer"
    for index in range(max(clause, len(words) - 8), len(words) - 1):
        if any(w in ("ale", "lecz", "jednak", "natomiast") for w in words[index:]):
            continue
        # "Bez nich nie będzie miał w szkole psychologa ani logopedy": help someone lacks, not
        # help given ("nie ma potrzeby skierowania, psycholog przyjmuje…" is no lack of it)
        after = [w for w in words[index + 1 : index + 4] if w not in ("bedzie", "beda", "jeszcze")]
        if (
            words[index] == "nie"
            and after
            and (after[0] in _HAVING or after[0].startswith(_HAVING_STEMS))
            and not any(w.startswith(_NO_NEED) for w in after[1:2])
        ):
            return "help someone does not have"
    if _sent_elsewhere(words[max(clause, len(words) - 6) :]):
        return "where someone is sent, another's help"
    if _access_improved(words[max(clause, len(words) - 12) :]):
        return "access to help improved in general"
    if any(word.startswith(_PROBLEM) for word in words[max(clause, len(words) - 3) :]):
        return "a problem, not the help for it"
    if any(word.startswith(_BEFORE) for word in words[-3:]):
        return "a treatment finished before"
    if adjective and any(word.startswith(_EXAMINATION) for word in words[-3:]):
        return "what an examination is of"
    for index, word in enumerate(words[:-1]):
        if word == "nie" and words[index + 1].startswith(_NOT_USING):
            return "a condition of not using it"
        # "w sprawach o urlopowanie małoletnich z pieczy zastępczej": a kind of case; "W
        # sprawach świadczeń alimentacyjnych i rodzinnych… interesanci": matters an office
        # handles, where a caller turns, not a form of support
        if (
            word == "w"
            and words[index + 1] == "sprawach"
            and (words[index + 2 : index + 3] == ["o"] or index >= clause)
        ):
            return "a kind of case or matter"
    if staff and _STAFF_LIST.search(fold(sentence).lower()):
        return "a list of staff"
    return None


# A text that is a guide, an article or a blog post about kinds of units, or about a profession.
_PROFESSIONS = r"(?:logoped|neurologoped|psycholog|psychoterapeut|terapeut|pedagog|fizjoterapeut|pracownik\w* socjaln|asystent\w* rodziny)"
_GUIDE = re.compile(
    r"\b(?:w tym artykule|ten artykul|tym poradniku|przewodnik\w* po|poradnik dla"
    r"|dowiedz sie|wyobraz sobie|min(?:ut)? czytania|napisano przez|spis tresci"
    # a parent addressed about their child, as a guide does: "Jeśli podejrzewasz, że Twoje
    # dziecko ma kłopoty natury psychologicznej, poszukaj wsparcia"; "Gdzie można się zgłosić?"
    r"|jesli podejrzewasz|twoj(?:e|ego|emu|im) dziec\w*|gdzie mozna sie zglosic"
    # an encyclopaedia's or a guide's headings: "Rodzaje świetlic:", "Kiedy dziecko może
    # otrzymać pomoc psychologiczno-pedagogiczną?"
    r"|\brodzaje \w+:|\bkiedy (?:dziecko|uczen) moze"
    r"|czym sie zajmuje|czym (?:naprawde )?jest)\b"
    # a profession's description or a job guide: "Charakterystyka zawodu", "Jak zostać
    # logopedą?", "Słownik stanowisk › Psycholog", "Do zadań logopedy należy…"
    rf"|\b(?:charakterystyka zawodu|opis stanowiska|slownik stanowisk|zawod rozwojowy"
    rf"|wykonywani\w* zawodu|w (?:tym )?zawodzie|zawodzie tym"
    rf"|jak zostac {_PROFESSIONS}|zawod(?:u|zie|em)? {_PROFESSIONS}|praca {_PROFESSIONS}\w* polega"
    rf"|do (?:zadan|obowiazkow) {_PROFESSIONS}\w* nalezy)"
)


def speaks_as_a_guide(text: str) -> bool:
    """Whether a whole text is a guide or a post about kinds of units rather than one
    institution's page: it says so twice over ("W tym artykule…", "Poradnik dla rodziców",
    "Spis treści", "Czym się zajmuje Ośrodek…?", or a sentence in a general voice: "Pracują
    one zazwyczaj…") and never speaks for itself ("nasza poradnia", "oferujemy"). One marker
    is not enough: a menu item "Poradnik dla bezrobotnych" on an office's page is no guide."""
    folded = fold(text).lower()
    if _OWN.search(folded):
        return False
    markers = {match.group(0) for match in _GUIDE.finditer(folded)}
    general = sum(1 for pattern in _GENERAL.values() if pattern.search(folded))
    return bool(markers) and len(markers) + general >= 2


# A public consultation of a plan or a resolution: "Konsultacje społeczne projektu uchwały…",
# "Konsultacje Programu Usług Społecznych…".
_PUBLIC_CONSULTATION = re.compile(
    r"\bkonsultacj\w* (?:spoleczn|projekt|program|uchwal|strategi|dokument)"
)
_CONSULTATION = re.compile(r"\bkonsultacj\w*(?: (\w+))?")


def announces_a_public_consultation(text: str) -> bool:
    """Whether a page is about a public consultation: it says so twice over ("Konsultacje
    społeczne – Program…", "z dopiskiem: Konsultacje Programu…"); one link to a document sent
    "do konsultacji społecznych" is not enough."""
    return len(_PUBLIC_CONSULTATION.findall(fold(text).lower())) >= 2


def about_the_consultation(sentence: str) -> bool:
    """On a page that announces a public consultation, whether a sentence is about "the
    consultation" ("Celem konsultacji jest … w zakresie pieczy zastępczej", "odpowiedzialną za
    przeprowadzenie konsultacji jest Dyrektor"): it then speaks of it, not of counselling or of
    what the plan is about. A consultation with its kind ("konsultacje psychologiczne",
    "konsultacje z terapeutą") may still be offered."""
    for match in _CONSULTATION.finditer(sentence.lower()):
        following = match.group(1)
        if following is None or following.startswith("społeczn"):
            return True
        if following not in ("z", "ze", "u") and not is_adjective(following):
            return True
    return False


_SUCH = frozenset({"taki", "takie", "takich", "takimi", "takiej", "takim", "takiego"})
_PROBLEM_OR_UNIT = (
    "problem",
    "trudnosc",
    "sytuacj",
    "zjawisk",
    "zagrozen",
    "placowk",
    "osrodk",
    "instytucj",
    "jednost",
    "podmiot",
    "organizacj",
)


def examples_of_problems_or_units(words: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether a phrase, after `words` (folded, lower case) written as `texts`, is on a list
    "takich jak …" after a noun of problems or of kinds of units (the two words before
    "takich"), with no verb between: "trudności życiowych takich, jak utrata bliskich, pracy,
    czy przemoc domowa", "w ośrodkach wsparcia takich jak środowiskowe domy samopomocy"."""
    for index in range(len(words) - 1, 0, -1):
        if words[index] == "jak" and words[index - 1] in _SUCH:
            nouns = words[max(0, index - 3) : index - 1]
            return any(noun.startswith(_PROBLEM_OR_UNIT) for noun in nouns) and not any(
                is_verb(text) for text in texts[index + 1 :]
            )
    return False


def after_partners(words: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether a phrase follows "współpraca/współpracujemy z(e)" with no verb between
    ("Współpracujemy … z podmiotami właściwymi w zakresie … pieczy zastępczej", "aktywuje
    współpracę z … komisjami rozwiązywania problemów alkoholowych"): it names what the
    partners do, not what this unit offers."""
    for index in range(len(words) - 2, -1, -1):
        if words[index].startswith("wspolprac") and words[index + 1] in ("z", "ze"):
            return not any(is_verb(text) for text in texts[index + 2 :])
    return False
