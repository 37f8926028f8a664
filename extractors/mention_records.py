"""Institutions a page names besides its owner, as `mention` records with the contact data the
page gives beside each name.

Any page names other institutions: a county portal lists its units ("Jednostki
organizacyjne": PCPR, PUP, PPP …) with their addresses and phones, a gmina names its partners,
a court its ministry, an article the bodies that took part. `mention_records` turns the phrases
`extractors.mentions.find_mentions` finds in a text into one record per institution;
`add_page_mentions` does it for the whole visible text of an institution's page (menus and
footers included: a list of units often sits there), leaving out the page's owner.

What a mention record holds:
- the phrase as written, the sentence it came from and its place as written (the normalise
  stage puts the name in the nominative and the place on the map);
- the address, phones, e-mails and website written right after the name, on its line and on
  the contact lines that follow it ("ul. …", "tel. …", "e-mail: …") up to the next name;
- nothing of the owner's: a number or mailbox the owner's record has is the owner's.

Which phrases become records:
- a kind of unit alone ("Środowiskowy Dom Samopomocy", "MOPS") names one institution only in
  context. In an article it is kept when its sentence places another institution (a county's
  list of partners: "Powiatowego Centrum Pomocy Rodzinie, Powiatowego Urzędu Pracy w Piszu") or
  it is an item of a list (the units in one building; not an acronym alone, a list's heading). On
  an institution's page it is mostly the owner speaking of itself; it is kept only as a unit of
  the owner's territory ("Powiatowe Centrum Pomocy Rodzinie" on a starostwo's page), with the
  owner's seat added ("… w Miechowie"), as the annotation rules name such units;
- a kind alone with its street and number right after it ("Specjalnego Ośrodka
  Szkolno-Wychowawczego nr 1 przy al. Spółdzielczości Pracy 65") is, in an article, the one
  unit at that address. (On an institution's page it was measured too and left out: it added
  a false mention on the test half; there it is as often the owner giving its own address.)
- an acronym alone names one institution only for a national body ("PFRON"), recorded under
  its full name;
- the owner under another form is not a mention of its own page: the same matching key, a
  shorter form of its name ("Ośrodek Pomocy Społecznej" on the page of the "Ośrodek Pomocy
  Społecznej w Aleksandrowie Łódzkim"), or the owner's phone or mailbox beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from bs4 import Tag
from bs4.element import Comment, NavigableString
from lxml import etree
from lxml import html as lxml_html

from extractors.contacts import find_address, find_emails, find_phones, find_websites
from extractors.mention_letters import with_polish_letters
from extractors.mention_names_same import fragment_of, hosted_in, own_patron, part_of
from extractors.mention_places import (
    GMINA_WORDS,
    POWIAT_WORDS,
    at_address,
    local_unit_seat,
    one_town,
    shared_places,
)
from extractors.mention_spans import (
    department_before,
    mayor_office_name,
    seatless_name,
    workplace_in_brackets,
)
from extractors.mention_words import (
    NATIONAL_ACRONYMS,
    ORGAN_LEMMAS,
    ORGAN_LEVEL_WORDS,
    ORGAN_OFFICES,
    OWNER_ORGANS,
)
from extractors.mentions import Mention, find_mentions
from extractors.page_text import texts_about, without_more_link
from extractors.records import Document, ParsedInstitution
from transforms.morphology import analyse_word
from transforms.name_morphology import nominative
from transforms.names import name_key, normalise_name
from transforms.text import fold_key, normalise_space

# Parsers of an institution's page: their records get the page's other institutions beside them.
PAGE_PARSERS = frozenset({"bip_dane", "contact_page", "directory_table"})
BLOCKS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "section", "article", "main", "blockquote", "dd", "dt", "figcaption", "nav",
    "header", "footer", "aside", "form", "address", "br", "option",
)  # fmt: skip
_SPACES = re.compile(r"\s+")
# A line that carries contact data of the name above it ("ul. Słoneczna 5", "tel. 12 345 67
# 89", "e-mail: …", "26-110 Skarżysko-Kamienna").
_CONTACT_LINE = re.compile(
    r"(?i)^\s*(?:ul\.|al\.|pl\.|os\.|ulica|aleja|adres|siedziba|tel|telefon|fax|faks|kom\.?"
    r"|e-?mail|poczta|www|strona|http|godziny|czynne|\d{2}\s?-\s?\d{3}\b|\+?\(?\d[\d ()-]{7,})"
)
_MAX_CONTACT_LINES = 4
_ORGAN_HEADS = ("rad", "rada", "zarzad")  # the matching key's forms of "Rada", "Zarząd"
_ORGAN_LEVELS = {"starosta": "powiat", "wójt": "gmina", "burmistrz": "gmina", "prezydent": "gmina"}
# Names of offices whose page speaks for a powiat or a gmina.
_POWIAT_OWNERS = ("starostwo powiatowe", "powiat ")
_GMINA_OWNERS = ("urzad gminy", "urzad miasta", "urzad miejski", "gmina ", "miasto ")


def block_lines(element: Tag) -> str:
    """An element's text, one block (paragraph, list item, cell, `<br>`) per line: line
    breaks in the HTML source mean nothing, inline markup stays on its line."""
    for node in element.find_all(string=True):
        if isinstance(node, NavigableString) and not isinstance(node, Comment):
            node.replace_with(_SPACES.sub(" ", str(node)))
    for br in element.find_all("br"):
        br.replace_with("\n")
    for block in element.find_all(BLOCKS):
        block.insert_before("\n")
        block.append("\n")
    lines = (normalise_space(line) for line in element.get_text().split("\n"))
    return "\n".join(line for line in lines if line)


_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})


def page_text(html: str) -> str:
    """The visible text of a whole page, menus, header and footer included, one block a line.

    Read with lxml alone (no BeautifulSoup tree): it runs on every page of a national run."""
    try:
        root = lxml_html.document_fromstring(html)
    except ValueError:  # a str that declares its encoding in an XML prolog
        root = lxml_html.document_fromstring(html.encode("utf-8"))
    except etree.ParserError:
        return ""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag and tag.lower() in _SKIPPED:
            return
        block = tag.lower() in BLOCKS if tag else False
        if block:
            parts.append("\n")
        if tag and element.text:
            parts.append(_SPACES.sub(" ", element.text))
        if banner := _banner_text(element):
            parts.append(f"\n{banner}\n")  # a county's banners of its units
        for child in element:
            walk(child)
            if _adjacent_links(child):
                parts.append("\n")  # a menu or tag cloud: "Nadleśnictwo Drawno" "Dzień …"
            if child.tail:
                parts.append(_SPACES.sub(" ", child.tail))
        if block:
            parts.append("\n")

    walk(root)
    # a teaser's "Read More »" is the template's (f045: "Miejska Biblioteka Publiczna Read
    # More" was a mention beside the same library as the page's owner)
    lines = (without_more_link(normalise_space(line)) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _banner_text(element: etree._Element) -> str:
    """What a banner says: the `alt` (or `title`) of an image that is a link's only content
    ("<a href=pupchelm.pl><img alt="Powiatowy Urząd Pracy"></a>"), as county portals link
    their units; "" for any other element or an image of one word ("logo")."""
    if not isinstance(element.tag, str) or element.tag.lower() != "img":
        return ""
    link = element.getparent()
    if link is None or not isinstance(link.tag, str) or link.tag.lower() != "a":
        return ""
    if (link.text or "").strip() or len(link) != 1:
        return ""
    said = normalise_space(str(element.get("alt") or element.get("title") or ""))
    return said if len(said.split(" ")) > 1 else ""


def _adjacent_links(element: etree._Element) -> bool:
    """A link followed by another link with nothing but spaces between them: two items of a
    menu or a tag cloud, which a page shows apart though no block separates them."""
    if not isinstance(element.tag, str) or element.tag.lower() != "a":
        return False
    if element.tail and element.tail.strip():
        return False
    following = element.getnext()
    return following is not None and isinstance(following.tag, str) and following.tag.lower() == "a"


@dataclass(frozen=True, slots=True)
class _Owner:
    """What the page's own institution is called and how it is reached."""

    keys: frozenset[str]
    phones: frozenset[str]
    emails: frozenset[str]
    seat: str | None  # "w Miechowie", from the owner's name
    level: str | None  # "powiat" | "gmina": whose units a kind alone names on its page


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)[-9:]


def _owner(records: Sequence[ParsedInstitution]) -> _Owner:
    keys: set[str] = set()
    phones: set[str] = set()
    emails: set[str] = set()
    seat: str | None = None
    level: str | None = None
    for record in records:
        key = name_key(record.name_raw)
        if key:
            keys.add(key)
        phones.update(
            _digits(number) for raw in record.phones_raw for number in find_phones(raw) or [raw]
        )
        emails.update(e.lower() for raw in record.emails_raw for e in find_emails(raw) or [raw])
        if record.role != "subject":
            continue
        name = normalise_space(record.name_raw)
        try:
            seat = seat or normalise_name(name).place_raw
        except ValueError:
            pass
        folded = fold_key(name)
        if folded.startswith(_POWIAT_OWNERS):
            level = level or "powiat"
        elif folded.startswith(_GMINA_OWNERS):
            level = level or "gmina"
    if seat and not seat.lower().startswith(("w ", "we ")):
        seat = None  # a bare trailing place ("Urząd Miasta Łomża") is no place phrase
    return _Owner(
        frozenset(keys), frozenset(p for p in phones if p), frozenset(emails), seat, level
    )


_OFFICES = {
    "powiat": ("starostwo powiatowy",),
    "gmina": ("urzad gmina", "urzad miasto", "urzad miejski"),
}


def _with_office(owner: _Owner, mentions: Sequence[Mention]) -> _Owner:
    """A powiat's or gmina's page speaks through its office: the first "Starostwo Powiatowe w
    X" on a powiat's page (the first "Urząd Gminy X" on a gmina's) is the owner, and gives the
    owner its seat when the owner's own name had none ("Powiat Białobrzeski")."""
    if owner.level is None:
        return owner
    for mention in mentions:
        key = name_key(mention.nominative)
        if not key.startswith(_OFFICES[owner.level]):
            continue
        seat = owner.seat
        if seat is None and mention.place_raw and mention.place_raw.lower().startswith("w"):
            seat = mention.place_raw
        return replace(owner, keys=owner.keys | {key}, seat=seat)
    return owner


def _is_owner(key: str, owner: _Owner, mention: Mention | None = None) -> bool:
    """The owner under another form: its key, or a part of it ("ośrodek pomocy społeczny" of
    "ośrodek pomocy społeczny aleksandrów łódzki"); on a powiat's or gmina's own page, its own
    council, board and head of office ("Rada Powiatu Płockiego" on the starostwo's page)."""
    if any(part_of(key, own, anywhere=True) or fragment_of(key, own) for own in owner.keys):
        return True
    if mention is not None and _owners_organ(key, mention.head, owner):
        return True
    return (
        mention is not None
        and owner.level is not None
        and _organ_level(mention, key) == owner.level
    )


def _owners_organ(key: str, head: str, owner: _Owner) -> bool:
    """The organ heading the owner, or the service it belongs to (`OWNER_ORGANS`): "Państwowy
    Powiatowy Inspektor Sanitarny w Zawierciu" on the page of the "Powiatowa Stacja
    Sanitarno-Epidemiologiczna w Zawierciu" — at the owner's level, in its town or in none."""
    words = key.split(" ")
    for word, office in OWNER_ORGANS.get(head, ()):
        if word not in words:
            continue
        place = key.split(f" {word}", 1)[1].strip()
        for own in owner.keys:
            levels = ORGAN_LEVEL_WORDS & set(words)
            if office in own and levels <= set(own.split(" ")) and own.endswith(place):
                return True
    return False


def _organ_level(mention: Mention, key: str) -> str | None:
    """Whose organ a mention is: "powiat" (Rada Powiatu …, Starosta …), "gmina" (Rada Gminy
    …, Rada Miejska …, Wójt, Burmistrz, Prezydent Miasta), else None."""
    words = key.split(" ")
    if mention.territory:
        return mention.head  # the territory itself: on its office's page, the owner
    if mention.head in ("rada", "zarząd"):
        # the territory's own council or board names it right after the head ("Rada Powiatu
        # …", "Zarząd Gminy …", "Rada Miejska …"); "Powiatowa Rada Działalności Pożytku
        # Publicznego", "Powiatowy Zarząd Dróg Publicznych" are bodies of their own
        heads = [i for i, word in enumerate(words) if word in _ORGAN_HEADS]
        complement = words[heads[0] + 1] if heads and heads[0] + 1 < len(words) else ""
        if complement == "powiat":
            return "powiat"
        if complement in ("gmina", "miasto", "miejski", "gminny"):
            return "gmina"
        return None
    if mention.head == "rzecznik":
        if "powiat" in words or words[0] == "powiatowy":
            return "powiat"  # "Powiatowy Rzecznik Konsumentów": an officer of the starostwo
        if {"gmina", "miasto", "miejski"} & set(words):
            return "gmina"
        return None
    return _ORGAN_LEVELS.get(mention.head)


def _placed_siblings(mentions: Sequence[Mention]) -> set[str]:
    """Sentences that place at least one institution ("… w Piszu")."""
    return {m.sentence for m in mentions if m.place_raw}


def _list_item(mention: Mention) -> bool:
    """The name is a line of its own ("• Powiatowy Urząd Pracy;"): an item of a list."""
    return mention.sentence.strip(" .;,:") == mention.phrase


def _seat_for(mention: Mention, owner: _Owner) -> str | None:
    """The owner's seat, for a unit of a powiat's or gmina's page named without its place: one
    the name says is the territory's ("Powiatowy Urząd Pracy" on the starostwo's page), or a
    kind of unit listed on a line of its own (the office's list of its units)."""
    if owner.seat is None or owner.level is None or mention.acronym is not None:
        return None
    if mention.kind_only and _list_item(mention):
        return owner.seat
    first = mention.phrase.split(" ", 1)[0].lower()
    if owner.level == "powiat" and first.startswith(POWIAT_WORDS):
        return owner.seat
    if owner.level == "gmina" and first.startswith(GMINA_WORDS):
        return owner.seat
    return None


@dataclass(frozen=True, slots=True)
class _Named:
    """A mention kept, with the name to record and the place as written."""

    mention: Mention
    name_raw: str
    place_raw: str | None


def _kept(
    mentions: Sequence[Mention],
    owner: _Owner,
    *,
    article: bool,
    text: str = "",
    unowned: bool = False,
) -> list[_Named]:
    placed = _placed_siblings(mentions)
    town = one_town(mentions) if article else None
    named = {name_key(m.nominative) for m in mentions if not m.kind_only}
    kept: list[_Named] = []
    for mention in mentions:
        if mention.activity and not article:
            continue  # "Klub Literacko-Redakcyjny" on a care home's page: its residents' group
        if mention.kind_only and not mention.acronym and department_before(text, mention.start):
            continue  # "Wydział Rodzinny Sądu Rejonowego": a division of some court, no one body
        name, place = mention.phrase, _written_place(mention)
        if mention.office:
            name = mention.nominative  # "Komendanta Głównego Policji" names the Komenda
        elif mention.acronym is not None and mention.acronym in NATIONAL_ACRONYMS:
            name = NATIONAL_ACRONYMS[mention.acronym]
        elif mention.kind_only:
            if (seat := local_unit_seat(mention, town, named)) is not None:
                name, place = f"{mention.phrase} {seat}", seat  # "Dyrektor PUP" in Węgrów's news
            elif article and (
                mention.sentence in placed or (mention.acronym is None and _list_item(mention))
            ):
                pass  # one of the place's units, listed or named beside placed ones
            elif unowned and mention.acronym is None and _list_item(mention):
                pass  # an item of a list of units on a page of no named owner
            elif article and at_address(text, mention):
                pass  # one unit at one address (on a page, more often the owner's own address)
            elif (
                article
                and mention.acronym is None
                and workplace_in_brackets(text, mention.start, mention.end)
            ):
                pass  # "Anna Buksińska (Zespół Szkół Ogólnokształcących)": her school
            elif not article and (seat := _seat_for(mention, owner)) is not None:
                name, place = f"{mention.phrase} {seat}", seat
            else:
                continue
        elif not article and place is None and (seat := _seat_for(mention, owner)) is not None:
            name, place = f"{mention.phrase} {seat}", seat  # "Powiatowy Inspektorat Weterynaryjny"
        name, place = seatless_name(mayor_office_name(name, mention.head), mention.head, place)
        kept.append(_Named(mention, name, place))
    return kept


def _distinct(named: Sequence[_Named], owner: _Owner, known: set[str]) -> list[_Named]:
    """One record per institution, none the owner's or one already among the page's records:
    repeats and shorter references to a longer name fold into the first full one."""
    keyed: list[tuple[str, _Named]] = []
    for item in named:
        key = name_key(nominative(item.name_raw))
        if not key:
            continue
        keyed.append((key, item))
    kept: list[_Named] = []
    seen: set[str] = set(known)
    for key, item in keyed:
        if key in seen or _is_owner(key, owner, item.mention):
            continue
        # a kind alone inside a longer name the text gives ("Środowiskowy Dom Samopomocy"
        # after "Powiatowy Środowiskowy Dom Samopomocy w Wiśniowej Górze") refers back to it
        anywhere = item.mention.kind_only
        if any(
            other != key
            and (part_of(key, other, anywhere=anywhere) or fragment_of(key, other))
            and not own_patron(item.name_raw, other_item.name_raw)
            and not hosted_in(key, other)
            for other, other_item in keyed
        ):
            continue
        if _office_named(item, key, [other for other, _item in keyed]):
            continue
        seen.add(key)
        kept.append(item)
    return kept


def _office_named(item: _Named, key: str, keys: Sequence[str]) -> bool:
    """An organ whose office the page names too ("Starosta Sieradzki" beside "Starostwo
    Powiatowe w Sieradzu"): one body, recorded as the office."""
    offices = ORGAN_OFFICES.get(item.mention.head, ())
    return any(office in other for other in keys if other != key for office in offices)


def _contact_text(text: str, mention: Mention, starts: Sequence[int]) -> str:
    """What the page writes right after a name: the rest of its line up to the next name, and
    the contact lines below it, up to the next name or a line of other text."""
    following = [s for s in starts if s > mention.start]
    stop = min(following) if following else len(text)
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    parts = [text[mention.end : min(line_end, stop)]]
    cursor = line_end + 1
    for _ in range(_MAX_CONTACT_LINES):
        if cursor >= min(stop, len(text)):
            break
        end = text.find("\n", cursor)
        end = len(text) if end < 0 else end
        line = text[cursor:end]
        if not _CONTACT_LINE.match(line):
            break
        parts.append(line)
        cursor = end + 1
    return "\n".join(parts)


def _record(
    item: _Named, text: str, starts: Sequence[int], owner: _Owner, about: str | None
) -> ParsedInstitution:
    mention = item.mention
    tail = _contact_text(text, mention, starts)
    address = find_address(tail)
    phones = [p for p in find_phones(tail) if _digits(p) not in owner.phones]
    emails = [e for e in find_emails(tail) if e.lower() not in owner.emails]
    street, postal, locality = address if address else (None, None, None)
    return ParsedInstitution(
        name_raw=item.name_raw,
        role="mention",
        street_raw=street,
        postal_code_raw=postal,
        locality_raw=locality or item.place_raw,
        phones_raw=tuple(phones),
        emails_raw=tuple(emails),
        websites_raw=tuple(find_websites(tail)),
        context_raw=mention.sentence,
        description_raw=about or None,
    )


def mention_records(
    text: str,
    owners: Sequence[ParsedInstitution] = (),
    *,
    article: bool,
    known: Iterable[ParsedInstitution] = (),
    unowned: bool = False,
) -> list[ParsedInstitution]:
    """One `mention` record per institution `text` names, in order of first mention: not the
    owners' (the page's own institution), nor one of the `known` records the page already gave
    (a listing's rows). `article`: the text is news about a place, where a kind of unit named
    beside placed ones is one of that place's units, and a county or gmina named as a body is
    the frame the news reports from, no mention. `unowned`: a page whose owner is not named,
    where a kind of unit on a line of its own is an item of a list of units."""
    owner = _owner(owners)
    # Names are read with Polish letters put back into a folded text; contacts (mailboxes,
    # addresses) are taken from the text as written, at the same offsets.
    read = with_polish_letters(text)
    # News names its own county or gmina as the frame it reports from ("Powiat Piski
    # reprezentował Wicestarosta"); an institution's page names one as its founder or partner
    # ("Organem prowadzącym jest Powiat Płocki").
    found = shared_places(
        read, find_mentions(read, territories=not article, domains=True, towns=True)
    )
    mentions = [part for mention in found for part in _split_shared_head(mention)]
    owner = _with_office(owner, mentions)
    known_keys = {key for record in known if (key := name_key(record.name_raw))}
    named = _distinct(
        _kept(mentions, owner, article=article, text=read, unowned=unowned), owner, known_keys
    )
    starts = sorted({m.start for m in mentions})
    named = [item for item in named if not _shares_contacts(item, text, starts, owner)]
    # the owner's phone or mailbox beside one: the owner under another name, dropped above.
    # An article's text about each, for the normalise stage to read its offer in.
    about = texts_about(text, [item.mention.start for item in named]) if article else []
    return [
        _record(item, text, starts, owner, about[index] if about else None)
        for index, item in enumerate(named)
    ]


_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_SHARED_HEAD = re.compile(rf"^(\S+) ([{_UPPER}]\S+) i ([{_UPPER}]\S+) ((?:w|we) [{_UPPER}].*)$")


def shared_head_parts(phrase: str) -> tuple[str, str] | None:
    """The two bodies a phrase names by two adjectives of one head noun and one place, as
    written ("Prokuratury Okręgowej i Rejonowej w Łomży" → "Prokuratury Okręgowej w Łomży",
    "Prokuratury Rejonowej w Łomży"); None for one body's name ("Miasto i Gmina Gołańcz",
    "Ośrodek Pomocy Specjalistycznej i Interwencji Kryzysowej")."""
    match = _SHARED_HEAD.match(phrase)
    if match is None:
        return None
    head, first, second, place = match.groups()
    if not _has_pos(head, "subst") or not (_has_pos(first, "adj") and _has_pos(second, "adj")):
        return None
    return f"{head} {first} {place}", f"{head} {second} {place}"


def _has_pos(word: str, pos: str) -> bool:
    return any(a.pos == pos for a in analyse_word(word) + analyse_word(word.lower()))


def _split_shared_head(mention: Mention) -> list[Mention]:
    parts = shared_head_parts(mention.phrase)
    if parts is None:
        return [mention]
    return [replace(mention, phrase=part, nominative=nominative(part)) for part in parts]


def _shares_contacts(item: _Named, text: str, starts: Sequence[int], owner: _Owner) -> bool:
    tail = _contact_text(text, item.mention, starts)
    phones = {_digits(p) for p in find_phones(tail)}
    emails = {e.lower() for e in find_emails(tail)}
    return bool(phones & owner.phones or emails & owner.emails)


def page_mentions(
    document: Document, records: Sequence[ParsedInstitution] = ()
) -> list[ParsedInstitution]:
    """A mention record for every institution an HTML page names besides its owner (the
    `subject` among `records`) and the institutions `records` already give."""
    owners = [r for r in records if r.role == "subject"]
    # On a page whose owner is not named, a kind of unit on a line of its own is an item of a
    # list of units ("Znajdują się tam: • Powiatowy Urząd Pracy;"); in prose it may be the
    # unnamed owner speaking of itself.
    return mention_records(
        page_text(document.text), owners, article=False, known=records, unowned=not owners
    )


def add_page_mentions(
    document: Document, records: Sequence[ParsedInstitution], parser: str
) -> list[ParsedInstitution]:
    """`records` and, for an institution page read by one of `PAGE_PARSERS`, a mention record
    for every other institution the page names."""
    if parser not in PAGE_PARSERS or not records or any(r.role == "mention" for r in records):
        # No record: the parser found the page is about no institution (a shop, a vet), and
        # such a page gives no row at all.
        return list(records)
    return [*records, *page_mentions(document, records)]


def _written_place(mention: Mention) -> str | None:
    """Where the text places the institution, as written: its place phrase ("w
    Skarżysku-Kamiennej"), else a bare place ending its name ("Urząd Miasta
    Skarżysko-Kamienna"). The bare place is found on the name's nominative, and taken back
    from the words the text wrote ("SZPITAL GLOWNO" keeps "GLOWNO" in capitals): the
    normalise stage reads the place, a raw field keeps the text."""
    if mention.place_raw:
        return mention.place_raw
    if mention.head in ORGAN_LEMMAS:
        return None  # "Wojewoda Podlaski": the office's region, not a place it sits in
    try:
        place = normalise_name(mention.nominative).place_raw
    except ValueError:
        return None
    if place is None:
        return None
    size = len(place.split(" "))
    words = mention.phrase.split(" ")
    for end in range(len(words), size - 1, -1):
        written = " ".join(words[end - size : end])
        if fold_key(written) == fold_key(place):
            return written
    return " ".join(words[-size:])
