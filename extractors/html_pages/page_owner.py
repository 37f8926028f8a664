"""Whose page it is, judged from what the page says (the page owner by content).

A page names many institutions; its owner is the one the page speaks for. A person finds it
by signals that hold on any Polish institution's site, whatever its markup, and so does
`find_page_owner`, each signal a named piece of evidence with a weight:

- `declared` (5): a formula that states it: "X zobowiązuje się zapewnić dostępność swojej
  strony" (the statutory accessibility statement), "Administratorem danych … jest X",
  "© 2024 X";
- `title` (4): the page title, or one of its parts between separators, is the name; a title
  that only mentions it in a sentence ("Ogłoszenie o … w Powiatowym Centrum …") gives 1, also
  in a case the phrase reader does not read ("Warunki przyjęcia … do Młodzieżowego Ośrodka
  Wychowawczego Księży Orionistów", `named_in_title`);
- `heading` (3): a line of the page is the name and nothing else (a logo text, a heading),
  also when it runs over two or three lines ("Miejsko-Gminny Ośrodek Pomocy Społecznej" /
  "w Lubsku");
- `contact` (3): its address, phone or e-mail follows the name ("Starostwo Powiatowe w
  Krapkowicach, ul. Kilińskiego 1", a heading over "ul. …" / "tel. …" lines); `located` (2):
  a sentence says where it is ("… oddział Szczecinie mieści się przy ul. …"; nothing on a
  page that reads as news);
- `signed` (3): the head's title and the body on a line of its own beside a person's name
  ("Maciej Gazda" / "Dyrektor MOPR"): a notice its head signs;
- `speaker` (3) / `agent` (2): a sentence begins with it, in the nominative, before the verb
  (`speaker` when the verb announces: "MOPS w Ostrowcu informuje", "Dyrektor PCPR …
  uprzejmie informuje"; `agent` for any other: "Dom Pomocy Społecznej w Lubuczewie
  zapewnia …");
- `host` (3 strong, 1 weak): the site's host spells it (`site_host`); `mail domain` (3): where
  it does not, a mailbox the page gives is on a domain that spells it (a saved file, a portal);
- `repeated` (1, or 2 from four times), `first` (1: named in the first lines), `own
  voice` (1: the page says "nasz", "zapraszamy") and `referred to` (2: the text calls it by
  its head noun alone, capitalised, as a page does its own institution: "Poradnia udziela
  pomocy", "do zadań Ośrodka należy", or once "tut. Sądu"; an acronym's head is its written-out
  form's, "PP-P w Ciechanowie" and "do Poradni"); `ours` (3): the page calls it by its head
  noun after "nasz-" ("Nasza Fundacja …", "w naszej Poradni"), no other name sharing it.

Against a name: the host spells another kind of body (`other host`, -3), a bare type name
with nothing that tells it from others of its kind ("Ośrodek Interwencji Kryzysowej", what
explainers and guides write about) without the host's or the page's own voice (`generic`,
-3), a unit of a body rather than a body ("Biuro Obsługi Interesantów", `unit`, -5), a
one-person office whose decisions pages quote ("Prezydent Miasta Koszalina ogłasza …",
`organ`, -3); a bare type name the page only titles and heads, with nothing it says for it
(`_SPOKEN_FOR`), is never the owner, nor is an organ (news relaying "Zachodniopomorski
Państwowy Wojewódzki Inspektor Sanitarny w Szczecinie informuje …", k064 of the fresh pages,
is no page of his); the organ's voice ("speaker", "agent") goes to its office when the page names
the office with the same place ("Państwowy Powiatowy Inspektor Sanitarny w Chełmnie informuje"
for the "Powiatowa Stacja Sanitarno-Epidemiologiczna w Chełmnie"). A page that reads as news (quotes with "– mówi", "Źródło:", photo credits, a byline) needs more
(`min_score_article`): a news portal writes about institutions; it is not theirs. On a news
outlet's host (`site_host.news_outlet`: "radiopik.pl", "kolskiefakty.pl") only its publisher
— a name the address or a mailbox spells, or a formula declares — owns a page.

The owner is the best-scored name when it reaches `min_score` (`min_score_host` when the
site's address spells the name and the page itself puts it forward — as the agent of a
sentence, in a heading or the title —, unless the name is a unit's or the page reads as news)
and leads the next by `min_lead` (`min_score_sole` for a plain page of the body's own site that
names no rival body: `sole_body_of_its_site`); otherwise the page does not say whose it is and
no owner is given — a page whose owner the text never names gives no subject (the issue's rule:
never guess from the URL alone). The weights and thresholds (`OwnerWeights`) were set by hand on
the tuning half of the web corpus (`benchmarks/web_corpus`, split by host) and checked on the 96
saved pages; `FITTED` holds them fitted on the same documents (`benchmarks/owner_choice.py`),
which did not hold on the test half.

`owner_choice` reads every candidate and its evidence; `choose_owner` weighs them under given
weights, so the choice can be inspected and its weights fitted apart from the reading.
The names and where each stands are read by `owner_candidates`; this module weighs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.html_pages.owner_candidates import (
    SPEAKING,
    headings,
    name_over_two_lines,
    names_in,
    sentence_start,
    title_parts,
    verb_after,
    whole_name,
)
from extractors.html_pages.owner_choose import choose_owner
from extractors.html_pages.owner_declared import declared_names
from extractors.html_pages.owner_name import clean_name, join_compound_adjectives, with_patron
from extractors.html_pages.owner_seat import with_its_seat
from extractors.html_pages.owner_signals import (
    DISTINGUISHING,
    PLACE_PART,
    generic,
    is_organ,
    kind_in_plural,
    mail_domain_spells,
    named_in_title,
    referred_to,
    spoken_of_as_ours,
    trades_under_a_person,
    written_out,
)
from extractors.html_pages.owner_voice import (
    OWN_VOICE,
    address_spells_kind,
    common_prefix,
    office_of_organ,
    reads_as_news,
    signed,
)
from extractors.html_pages.owner_weights import (
    HAND_SET,
    OwnerCandidate,
    OwnerChoice,
)
from extractors.html_pages.page_text import PageText
from extractors.html_pages.site_host import host_agreement, host_names_other_body
from transforms.morphology import analyse_word
from transforms.name_morphology import ROMAN_NUMERAL
from transforms.names import normalise_name
from transforms.text import fold_key

WEIGHTS = HAND_SET


@dataclass(frozen=True, slots=True)
class PageOwner:
    """The institution a page speaks for, with why."""

    name: str  # nominative, as the page writes it ("Powiatowe Centrum Pomocy Rodzinie w …")
    score: int
    evidence: tuple[str, ...]
    lines: tuple[int, ...]  # the page lines that name it, first first


@dataclass(slots=True)
class _Candidate:
    key: str
    names: list[tuple[str, bool]] = field(default_factory=list)  # (name, read in nominative)
    verbatim: set[str] = field(default_factory=set)  # the names the page writes as they are
    cut: set[str] = field(default_factory=set)  # names the text's end may have cut
    lines: list[int] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    count: int = 0


_ADDRESS_START = re.compile(
    r"(?i)^\s*[,;–-]?\s*(?:z\s+siedzibą\s+(?:przy\s+)?)?\(?(?:ul\.|ulica|al\.|aleja|pl\.|plac|"
    r"os\.|\d{2}\s?-\s?\d{3}\b|tel\b|telefon|e-?mail|adres)"
)
# A sentence that says where the body is: "Publiczny Ośrodek Adopcyjny w Koszalinie oddział
# Szczecinie mieści się przy ul. Starzyńskiego 3-4" (d031), the way a page presents its own
# body; a news item says it of any body, so there it gives nothing.
_LOCATED_AT = re.compile(
    r"(?i)^\s*(?:(?:oddział|oddzial|filia)\s+(?:w\s+|we\s+)?\w+\s+)?"
    r"(?:mieści\s+się|miesci\s+sie|znajduje\s+się|znajduje\s+sie)\s+(?:przy\s+)?"
    r"(?:ul\.|ulicy|al\.|alei|pl\.|placu|os\.)"
)
_CONTACT_LINE = re.compile(
    r"(?i)^\W*(?:ul\.|ulica|al\.|aleja|pl\.|plac|os\.|adres|siedziba|\d{2}\s?-\s?\d{3}\s+\w|"
    r"tel|telefon|fax|faks|e-?mail|poczta|nip|regon|www|kontakt)"
)
# A seat after its preposition: "… w Starych Święcicach".
_SEAT_PREPOSITION = re.compile(r"\s(?:w|we)\s+[A-ZĄĆĘŁŃÓŚŹŻ]")
# Heads of a body's units, not of bodies: a page about a court's customer office is the
# court's page.
_UNIT_HEADS = frozenset(
    {"biuro", "oddział", "oddzial", "wydział", "wydzial", "dział", "dzial", "referat", "sekcja",
     "kancelaria", "kasa", "sekretariat", "czytelnia"}
)  # fmt: skip


def _group(candidates: dict[str, _Candidate], name: str) -> _Candidate | None:
    try:
        key = normalise_name(name).key
    except ValueError:
        return None
    if not key:
        return None
    return candidates.setdefault(key, _Candidate(key))


def _merge_shorter(candidates: dict[str, _Candidate]) -> list[_Candidate]:
    """One candidate per body: a name whose key words all occur, in order, in a longer one
    that starts with the same word ("Dom Pomocy Społecznej" in "Dom Pomocy Społecznej
    „Zielony Taras” w Koszalinie") or ends with all of them (an adjective left out) is that
    body named shortly; of several longer ones, the closest."""
    ordered = sorted(candidates.values(), key=lambda c: len(c.key.split()), reverse=True)
    kept: list[_Candidate] = []
    for candidate in ordered:
        words = candidate.key.split()
        twin = next((k for k in kept if _same_words(k.key.split(), words)), None)
        if twin is not None:  # "slubice" / "slubicach": a place the key could not lemmatise
            twin.count += candidate.count
            twin.lines += candidate.lines
            twin.evidence |= candidate.evidence
            twin.names += candidate.names
            twin.verbatim |= candidate.verbatim
            continue
        hosts = [
            k
            for k in kept
            if (
                _subsequence(candidate.key, k.key)
                and (k.key.split()[0] == words[0] or _adjectives_before(words, k.key.split()))
            )
        ]
        if not hosts:
            kept.append(candidate)
            continue
        host = min(hosts, key=lambda k: len(k.key.split()))
        host.count += candidate.count
        host.lines += candidate.lines
        host.evidence |= candidate.evidence
        host.names = candidate.names + host.names
        host.verbatim |= candidate.verbatim
    return kept


def _same_words(a: list[str], b: list[str]) -> bool:
    """Keys of one name whose words differ only in their endings."""
    return (
        len(a) == len(b)
        and a != b
        and all(
            x == y or common_prefix(x, y) >= max(4, min(len(x), len(y)) - 2)
            for x, y in zip(a, b, strict=True)
        )
    )


def _adjectives_before(short: list[str], long: list[str]) -> bool:
    """Whether `long` is `short` with adjectives before it ("młodzieżowy ośrodek …" for
    "ośrodek …"), not another body's name that ends with it ("centrum praca socjalna …")."""
    extra = len(long) - len(short)
    if extra <= 0 or long[extra:] != short:
        return False
    return all(any(a.pos == "adj" for a in analyse_word(word)) for word in long[:extra])


def _subsequence(short: str, long: str) -> bool:
    words = iter(long.split())
    return short != long and all(word in words for word in short.split())


def _best_name(candidate: _Candidate) -> str:
    """The fullest of the names read for one body, with its place, quotes and patron,
    written out rather than an acronym; a name the phrase reader left in an oblique case
    ("Publicznej Powiatowego Urząd Pracy" from "Biuletyn Informacji Publicznej …") only when
    there is no other; of two alike, the one the page writes as it is ("Poradnia
    Psychologiczno-Pedagogiczna w Niemodlinie", not the "Poradnia Psychologiczno–Pedagogiczną
    …" read from "w Poradnię …", e003)."""

    def completeness(item: tuple[str, bool]) -> tuple[int, int, int, int, int, bool, bool, int]:
        name = item[0]
        words = name.split()
        # a patron's "Jana Pawła II" is a numeral, not an acronym to write out
        acronyms = sum(
            1
            for w in words
            if len(w) >= 2 and w.isupper() and w.isalpha() and not ROMAN_NUMERAL.fullmatch(w)
        )
        caps = 1 if name.isupper() else 0
        key_words = len(normalise_name(name).key.split())
        verbatim = name in candidate.verbatim
        # of the same words, the form that puts its seat after "w": a page's slip that drops
        # it ("Środowiskowy Dom Samopomocy  Starych Święcicach" beside "… w Starych
        # Święcicach", h046) is no better for being written in the nominative
        seated = 1 if _SEAT_PREPOSITION.search(name) else 0
        # of two alike, not the one the text's last line ends with: a stored excerpt may stop
        # in its last word ("… w Dąbrowie Górnicze", m079)
        whole = name not in candidate.cut
        return (
            key_words,
            _head_in_lemma_form(name),
            -acronyms,
            -caps,
            seated,
            whole,
            verbatim,
            len(name),
        )

    clean = [item for item in candidate.names if item[1]] or candidate.names
    best = max(clean, key=completeness)[0]
    return written_out(with_patron(best, (name for name, _ in clean)))


def _head_in_lemma_form(name: str) -> int:
    """1 when the name's head noun is in its dictionary form ("Przedszkole nr 16", not the
    "Przedszkola nr 16" a genitive may leave): of two readings, the nominative one."""
    for word in name.split()[:3]:
        readings = [a for a in analyse_word(word) + analyse_word(word.lower()) if a.pos == "subst"]
        if readings:
            return int(any(a.lemma.lower() == word.lower() for a in readings))
    return 0


def _followed_by_contact(page: PageText, line: int, end: int) -> bool:
    rest = page.lines[line][end:]
    if _ADDRESS_START.match(rest):
        return True
    if rest.strip(" ,.:;–-"):
        return False
    # the next line gives its address or contacts: the name heads its contact block
    following = page.lines[line + 1 : line + 2]
    return any(_CONTACT_LINE.match(text) for text in following)


def _observe(page: PageText) -> dict[str, _Candidate]:
    # "Poradnia Psychologiczno - Pedagogiczna": one compound adjective, not a name and a dash
    page = PageText(
        url=page.url,
        title=join_compound_adjectives(page.title),
        lines=tuple(join_compound_adjectives(line) for line in page.lines),
        heads=tuple(join_compound_adjectives(head) for head in page.heads),
    )
    candidates: dict[str, _Candidate] = {}
    written = "\n".join((page.title, *page.heads, *page.lines))

    def add(
        name: str, line: int, *evidence: str, in_nominative: bool = True, cut: bool = False
    ) -> _Candidate | None:
        name = clean_name(name)  # "Copyright DPS LUBUCZEWO", "BIP - …"
        name = re.sub(r"\s(?:SP|Sp|sp)$", "", name)  # a legal form cut after "Sp."
        candidate = _group(candidates, name)
        if candidate is None:
            return None
        candidate.names.append((name, in_nominative))
        if name in written:
            candidate.verbatim.add(name)
        if cut:
            candidate.cut.add(name)
        if line >= 0:
            candidate.lines.append(line)
        candidate.evidence.update(evidence)
        return candidate

    for name, line in declared_names(page):
        add(name, line, "declared")
    for part in title_parts(page):
        whole = whole_name(part, complete=True)
        if whole is not None:
            add(whole, -1, "title")
    for found in names_in(page.title, -1, complete=True):
        add(found.name, -1, "title mention", in_nominative=found.in_nominative)
    for name, line in headings(page):
        heading = ["heading"]
        if _followed_by_contact(page, line, len(page.lines[line])):
            heading.append("contact")
        add(name, line, *heading)
    for index, line_text in enumerate(page.lines):
        for found in names_in(line_text, index, complete=index < len(page.lines) - 1):
            evidence: list[str] = []
            if index <= 2:
                evidence.append("first")
            longer = name_over_two_lines(page, index, found)
            if longer is not None:
                found = longer
                if _followed_by_contact(page, index + 1, len(page.lines[index + 1])):
                    evidence.append("contact")
            elif _followed_by_contact(page, index, found.end):
                evidence.append("contact")
            elif _LOCATED_AT.match(line_text[found.end :]):
                evidence.append("located")
            if signed(page, index):
                evidence.append("signed")
            nominative_written = found.in_nominative
            verb = verb_after(line_text, found.end)
            if verb and sentence_start(line_text, found.start):
                spokesman = not nominative_written  # "Dyrektor PCPR …", "Dyrekcja Szpitala …"
                if verb in SPEAKING:
                    evidence.append("speaker")
                elif nominative_written and not spokesman:
                    evidence.append("agent")
            # a name the text's last line ends with may be cut where a stored excerpt stops
            # ("… w Dąbrowie Górnicze", m079): of two alike, the other is its name (`_best_name`)
            cut = index == len(page.lines) - 1 and found.end >= len(line_text.rstrip())
            candidate = add(
                found.name, index, *evidence, in_nominative=found.in_nominative, cut=cut
            )
            if candidate is not None:
                candidate.count += 1
    return candidates


def _judge(
    candidate: _Candidate, page: PageText, own_voice: bool, others: list[_Candidate]
) -> None:
    name = _best_name(candidate)
    if reads_as_news(page):
        candidate.evidence.discard("located")
    if candidate.count >= 4:
        candidate.evidence.add("repeated often")
    elif candidate.count >= 2:
        candidate.evidence.add("repeated")
    agreement = host_agreement(name, page.url)
    strength = agreement.strength
    if strength == 0 and agreement.kind_word and not _kind_shared(candidate, others):
        strength = 1  # "poradniap-p.pl" and the one Poradnia the page names
    if strength == 2:
        candidate.evidence.add("host")
    elif host_names_other_body(name, page.url):
        candidate.evidence.add("other host")
        strength = 0
    elif strength == 1:
        candidate.evidence.add("host (weak)")
    if strength < 2 and "other host" not in candidate.evidence and mail_domain_spells(name, page):
        candidate.evidence.add("mail domain")
    if not candidate.evidence & {"title", "title mention"} and named_in_title(name, page):
        candidate.evidence.add("title mention")
    speaks = candidate.evidence & {"speaker", "agent", "heading", "title", "declared"}
    if own_voice and speaks:
        candidate.evidence.add("own voice")
    # calling a body by its head noun is self-reference only for a body the page puts forward
    forward = {"title", "title mention", "heading", "declared", "speaker", "agent", "host"}
    rivals = [o for o in others if o is not candidate and o.evidence & forward]
    referred = (
        bool(candidate.evidence & forward)
        and not _kind_shared(candidate, rivals)
        and referred_to(name, page)
    )
    if referred:
        candidate.evidence.add("referred to")
    if not _kind_shared(candidate, others) and spoken_of_as_ours(name, page):
        candidate.evidence.add("ours")
    # a bare type name, or one the page also writes in the plural (the kind a guide is about)
    plural_kind = (
        not strength
        and not PLACE_PART.search(name)
        and not DISTINGUISHING.search(name)
        and kind_in_plural(name, page)
    )
    if (generic(name) and not (strength or own_voice or referred)) or plural_kind:
        candidate.evidence.add("generic")
    if trades_under_a_person(name, page):
        candidate.evidence.add("person's firm")
    head = fold_key(name).split()[:1]
    if head and head[0] in _UNIT_HEADS:
        candidate.evidence.add("unit")
    if is_organ(name):
        candidate.evidence.add("organ")


def _kind_shared(candidate: _Candidate, others: list[_Candidate]) -> bool:
    """Whether another name on the page has this one's head word ("Komisariat Policji w A"
    and "Komenda Powiatowa Policji w B" on a police portal): a host's kind word then
    points at none of them."""
    kinds = set(candidate.key.split()[:2])
    return any(o is not candidate and kinds & set(o.key.split()[:2]) for o in others)


def _fold_units(candidates: list[_Candidate]) -> list[_Candidate]:
    """A unit named with its body in the genitive ("Centrum Pracy Socjalnej Miejskiego
    Ośrodka Pomocy Rodzinie w Gdańsku", "Oddział Dziecięcy Szpitala Na Wyspie") is evidence
    for that body, which the page also names: the unit gives way to it."""
    kept: list[_Candidate] = []
    for outer in candidates:
        words = outer.key.split()
        body = next(
            (
                inner
                for inner in candidates
                if inner is not outer
                and 2 <= len(words) - len(inner.key.split())
                and words[-len(inner.key.split()) :] == inner.key.split()
                and not _adjectives_before(inner.key.split(), words)
                and _inflected_inside(_best_name(outer), _best_name(inner))
            ),
            None,
        )
        if body is None:
            kept.append(outer)
            continue
        body.evidence |= outer.evidence - {"title", "heading", "declared"}
        body.lines += outer.lines
        body.count += outer.count
    return kept


def _inflected_inside(outer: str, inner: str) -> bool:
    """Whether `outer` writes `inner` in another case ("… Miejskiego Ośrodka Pomocy Rodzinie"
    for "Miejski Ośrodek Pomocy Rodzinie"), as a genitive complement; "Szpital Głowno Grupa
    Zdrowie" is one name, not a unit of "Grupa Zdrowie"."""
    first = fold_key(inner).split()[:1]
    return bool(first) and first[0] not in fold_key(outer).split()


def _judged(page: PageText) -> list[_Candidate]:
    candidates = _fold_units(_merge_shorter(_observe(page)))
    own_voice = OWN_VOICE.search(page.text) is not None
    for candidate in candidates:
        _judge(candidate, page, own_voice, candidates)
    _lend_organs_voice(candidates)
    return candidates


def _lend_organs_voice(candidates: list[_Candidate]) -> None:
    """A one-person organ speaks for its office: "Państwowy Powiatowy Inspektor Sanitarny w
    Chełmnie informuje" on a page that names the "Powiatowa Stacja Sanitarno-Epidemiologiczna
    w Chełmnie", "Wójt Gminy Dmosin ogłasza" beside the "Urząd Gminy Dmosin". The organ stays
    no owner (`organ`); its office, named on the page with the same place, gets its voice."""
    for organ in candidates:
        voice = organ.evidence & {"speaker", "agent"}
        if "organ" not in organ.evidence or not voice:
            continue
        for office in candidates:
            if office is organ or "organ" in office.evidence:
                continue
            if office_of_organ(_best_name(organ), organ.key, _best_name(office), office.key):
                office.evidence |= voice


@lru_cache(maxsize=64)
def owner_choice(page: PageText) -> OwnerChoice:
    """Every name the page gives with the evidence for it, before any weighing."""
    return OwnerChoice(
        url=page.url,
        candidates=tuple(
            OwnerCandidate(
                name=(name := _best_name(c)),
                evidence=frozenset(c.evidence),
                lines=tuple(sorted(set(c.lines))),
                spells_kind=address_spells_kind(name, page.url),
            )
            for c in _judged(page)
        ),
        news_like=reads_as_news(page),
    )


@lru_cache(maxsize=64)
def find_page_owner(page: PageText) -> PageOwner | None:
    """The institution the page speaks for, or None when the page does not say (see the
    module docstring for the evidence and how it is weighed)."""
    choice = owner_choice(page)
    best = choose_owner(choice, WEIGHTS)
    if best is None:
        return None
    return PageOwner(
        name=with_its_seat(owner_name(choice, best), page.lines),
        score=best.score(WEIGHTS),
        evidence=tuple(sorted(best.evidence)),
        lines=best.lines,
    )


def owner_name(choice: OwnerChoice, candidate: OwnerCandidate) -> str:
    """The name a candidate of `choice` is given as the page's owner: its own, with the place
    the page gives its head noun where its name has none (`_place_of_its_head`)."""
    others = [c.name for c in choice.candidates if c is not candidate]
    return _place_of_its_head(candidate.name, others)


_HEAD_AND_PLACE = re.compile(r"(\S+)(\s(?:w|we)\s[A-ZĄĆĘŁŃÓŚŹŻ].*)")


def _place_of_its_head(name: str, others: list[str]) -> str:
    """A name without its place ("Świetlica Środowiskowa") with the place the page gives its
    head noun alone ("Świetlica w Górze Kalwarii otwarta od pn-pt", d048), when the page names
    one such place and no other body of that kind."""
    words = fold_key(name).split()
    if len(words) < 2 or PLACE_PART.search(name) or DISTINGUISHING.search(name):
        return name
    places: set[str] = set()
    for other_name in others:
        match = _HEAD_AND_PLACE.fullmatch(other_name)
        if match is not None and fold_key(match.group(1)) == words[0]:
            places.add(match.group(2))
        elif fold_key(other_name).split()[:1] == words[:1]:
            return name  # another body of the kind
    return name + places.pop() if len(places) == 1 else name


def candidates_report(page: PageText) -> list[tuple[str, int, tuple[str, ...]]]:
    """Every name the page gives with its score and evidence, best first (for `wsparcie
    extract` diagnostics and tests)."""
    candidates = owner_choice(page).candidates
    ranked = sorted(candidates, key=lambda c: c.score(WEIGHTS), reverse=True)
    return [(c.name, c.score(WEIGHTS), tuple(sorted(c.evidence))) for c in ranked]
