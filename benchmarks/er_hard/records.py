"""Records of the hard ER sets: how each kind of source writes an institution.

A source has a profile (which fields it fills, its case and spelling habits, how it writes
names). Every record is tagged with what was done to it (`perturbations`), so that recall can
be measured per kind of variation. The name variations this set is about:

- `acronym` ("MGOPS w Zakliczynie"), `acronym_typo` (a letter dropped or swapped: "MGPS",
  "ZPS"), in any case (`MGOPS-em`);
- `abbrev`: some words abbreviated as offices do ("Gm. Ośr. Pom. Społ.", "Zesp. Szk.-Przedszk.");
- `former_name`: the name before a renaming (OPS -> CUS, Gimnazjum -> Szkoła Podstawowa, …);
- `inflect_<case>`: the type phrase in one of the six oblique cases, as in prose;
- `word_order`: the place first ("Gromnik – Gminny Ośrodek…"), after the type bare
  ("PPP nr 2 Tarnów"), the patron after the place;
- prose: every record of the `artykul` source is a mention cut from an article.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, replace

from entities import Entity, Name, regon_local
from polish import (
    CASES,
    abbreviate,
    acronym_of,
    inflect_acronym,
    inflect_phrase,
    locative,
    misspell_acronym,
    preposition,
)

COLUMNS = (
    "record_id", "source", "name", "street", "postal_code", "locality", "phone", "email",
    "website", "nip", "regon", "teryt",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Profile:
    """How a source writes records: the share of records missing each field, and habits."""

    missing: dict[str, float]
    upper: float = 0.0
    ascii_fold: float = 0.0
    teryt: bool = False
    acronym: float = 0.0
    acronym_typo: float = 0.0
    abbrev: float = 0.0
    inflect: float = 0.0
    word_order: float = 0.0
    former: float = 0.0  # given the entity has a former name
    place_drop: float = 0.0
    typo: float = 0.0


PROFILES: dict[str, Profile] = {
    "rjps": Profile({"email": 0.3, "website": 0.5, "phone": 0.05}, teryt=True, former=0.0),
    "rspo": Profile({"website": 0.5, "email": 0.2}, upper=0.6, teryt=True),
    "krs": Profile({"phone": 1.0, "email": 0.7, "website": 0.6}, upper=0.9),
    "gov_list": Profile({"email": 0.3, "nip": 0.8, "regon": 0.8}, abbrev=0.05),
    "bip": Profile({"website": 0.3, "email": 0.2}, ascii_fold=0.35, abbrev=0.08, former=0.15),
    "gmina_www": Profile(
        {"postal": 0.35, "street": 0.3, "email": 0.5, "website": 0.6, "nip": 1.0, "regon": 1.0},
        acronym=0.3, acronym_typo=0.1, abbrev=0.2, word_order=0.15, former=0.45,
        place_drop=0.2, typo=0.05,
    ),
    "powiat_www": Profile(
        {"postal": 0.3, "street": 0.3, "email": 0.5, "website": 0.6, "nip": 1.0, "regon": 1.0},
        acronym=0.35, acronym_typo=0.1, abbrev=0.2, word_order=0.15, former=0.45,
        place_drop=0.15, typo=0.05,
    ),
    "arkusz": Profile(
        {"email": 0.5, "website": 0.8, "nip": 0.9, "regon": 0.6},
        upper=0.5, abbrev=0.4, acronym=0.1, acronym_typo=0.05, typo=0.15, former=0.3,
    ),
    "artykul": Profile(
        {"postal": 0.9, "street": 0.85, "locality": 0.5, "phone": 0.6, "email": 0.85,
         "website": 0.9, "nip": 1.0, "regon": 1.0},
        acronym=0.3, acronym_typo=0.08, inflect=0.85, former=0.5, abbrev=0.05,
    ),
    "mapy": Profile(
        {"email": 0.8, "website": 0.5, "nip": 1.0, "regon": 1.0},
        word_order=0.45, abbrev=0.1, former=0.3, acronym=0.1,
    ),
    "ngo_katalog": Profile(
        {"postal": 0.2, "email": 0.4, "regon": 0.5}, abbrev=0.15, word_order=0.15, acronym=0.15
    ),
}  # fmt: skip

SOURCES_BY_SECTOR = {
    "social": ("rjps", "bip", "gmina_www", "powiat_www", "arkusz", "artykul", "mapy"),
    "education": ("rspo", "bip", "gmina_www", "powiat_www", "arkusz", "artykul", "mapy"),
    "ngo": ("krs", "ngo_katalog", "gmina_www", "artykul", "mapy", "arkusz"),
    "local": ("gov_list", "bip", "gmina_www", "powiat_www", "artykul", "mapy"),
    "culture": ("bip", "gmina_www", "artykul", "mapy", "arkusz"),
    "police": ("gov_list", "bip", "powiat_www", "artykul", "mapy"),
    "employment": ("gov_list", "bip", "powiat_www", "artykul", "mapy"),
    "justice": ("gov_list", "bip", "powiat_www", "artykul", "mapy"),
    "health": ("gov_list", "bip", "powiat_www", "artykul", "mapy", "arkusz"),
}


def _fold(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Rendering:
    """How to write one name: the type phrase's text, the case, where the place goes."""

    type_text: str
    case: str = "nom"
    place: str = "w"  # w | bare | drop | lead | lead_comma
    patron_after_place: bool = False
    acronym: bool = False


def render(name: Name, how: Rendering) -> str:
    """A name written one way. A verbatim (real) name keeps what follows its type phrase
    unless the place moves."""
    type_text = how.type_text
    if how.acronym:
        type_text = inflect_acronym(type_text, how.case)
    elif how.case != "nom":
        type_text = inflect_phrase(type_text, how.case)
    if name.verbatim is not None and (how.place == "w" or name.place is None):
        lead = f"{name.number} " if name.roman and name.number else ""
        return (lead + type_text + (name.rest or "")).strip()
    head = f"{name.number} {type_text}" if name.roman and name.number else type_text
    parts = [head]
    if name.number and not name.roman:
        parts.append(f"nr {name.number}")
    if name.proper:
        parts.append(f"„{name.proper}”")
    patron = f"im. {name.patron}" if name.patron else None
    if patron and not how.patron_after_place:
        parts.append(patron)
    if name.suffix:
        parts.append(name.suffix)
    place = name.place
    lead = None
    if place:
        if how.place == "w" and name.place_style == "w":
            where = locative(place)
            parts.append(f"{preposition(where)} {where}")
        elif how.place in ("bare", "w"):
            parts.append(place)
        elif how.place in ("lead", "lead_comma"):
            lead = place
    if patron and how.patron_after_place:
        parts.append(patron)
    text = " ".join(parts)
    if lead:
        text = f"{lead}, {text}" if how.place == "lead_comma" else f"{lead} – {text}"
    return text


class RecordMaker:
    def __init__(self, rng: random.Random, prefix: str) -> None:
        self.rng = rng
        self.prefix = prefix
        self.rows: list[dict[str, str]] = []
        self.truth: list[dict[str, str]] = []

    def records_for(self, entity: Entity) -> None:
        rng = self.rng
        count = rng.choices((2, 3, 4), weights=(35, 40, 25))[0]
        pool = list(SOURCES_BY_SECTOR[entity.sector])
        sources = rng.sample(pool, k=min(count, len(pool)))
        if rng.random() < 0.05:
            sources.append(rng.choice(sources))  # one source lists it twice
        if entity.former is not None and not any(PROFILES[s].former for s in sources):
            sources[-1] = rng.choice(("gmina_www", "artykul", "arkusz"))
        # Registries and the first record are current; a stale page gives the former name.
        stale_done = False
        for i, source in enumerate(sources):
            profile = PROFILES[source]
            stale = (
                entity.former is not None
                and i > 0
                and not stale_done
                and rng.random() < max(profile.former, 0.6 if i == len(sources) - 1 else 0)
            )
            stale_done |= stale
            self._record(entity, source, profile, stale)

    # -- one record ------------------------------------------------------------------------

    def _record(self, entity: Entity, source: str, profile: Profile, stale: bool) -> None:
        rng = self.rng
        tags: list[str] = []
        name = self._name(entity, source, profile, stale, tags)
        row = {c: "" for c in COLUMNS}
        row["record_id"] = f"{self.prefix}{len(self.rows):07d}"
        row["source"] = source
        row["name"] = name
        missing = profile.missing
        if rng.random() >= missing.get("street", 0.05) and (entity.street or entity.house):
            row["street"] = self._street(entity, tags)
        else:
            tags.append("street_missing")
        if rng.random() >= missing.get("postal", 0.05):
            row["postal_code"] = self._postal(entity, source, tags)
        else:
            tags.append("postal_missing")
        if rng.random() >= missing.get("locality", 0.05):
            row["locality"] = self._locality(entity, tags)
        else:
            tags.append("locality_missing")
        if entity.phone and rng.random() >= missing.get("phone", 0.2):
            row["phone"] = self._phone(entity, tags)
        else:
            tags.append("phone_missing")
        if entity.email and rng.random() >= missing.get("email", 0.3):
            row["email"] = self._email(entity, tags)
        else:
            tags.append("email_missing")
        if entity.website and rng.random() >= missing.get("website", 0.3):
            row["website"] = self._website(entity, tags)
        else:
            tags.append("website_missing")
        if rng.random() >= missing.get("nip", 0.5):
            row["nip"] = self._nip(entity.nip, tags)
        if rng.random() >= missing.get("regon", 0.5):
            row["regon"] = entity.regon
            if source == "rspo" and rng.random() < 0.3:
                row["regon"] = regon_local(entity.regon, rng)
                tags.append("regon_format")
        if profile.teryt:
            row["teryt"] = entity.teryt
            if rng.random() < 0.03:
                row["teryt"] = entity.teryt[:4] + f"{rng.randint(1, 15):02d}" + entity.teryt[-1]
                tags.append("teryt_wrong")
        if profile.upper and rng.random() < profile.upper:
            for column in ("name", "street", "locality"):
                row[column] = row[column].upper()
            tags.append("upper")
        elif profile.ascii_fold and rng.random() < profile.ascii_fold:
            for column in ("name", "street", "locality"):
                row[column] = _fold(row[column])
            tags.append("ascii_fold")
        self.rows.append(row)
        self.truth.append(
            {
                "record_id": row["record_id"],
                "entity_id": entity.entity_id,
                "perturbations": ";".join(sorted(set(tags))),
            }
        )

    def _name(
        self, entity: Entity, source: str, profile: Profile, stale: bool, tags: list[str]
    ) -> str:
        rng = self.rng
        name = entity.former if stale and entity.former else entity.name
        if stale:
            tags.append("former_name")
        if name.verbatim is not None and rng.random() < 0.5 and not stale:
            if source in ("rjps", "gov_list"):
                tags.append("real_raw")
                return name.verbatim
        type_text = name.type_phrase
        how = Rendering(type_text)
        acronym = acronym_of(type_text)
        roll = rng.random()
        if acronym and roll < profile.acronym_typo:
            typo = misspell_acronym(acronym, rng)
            if typo:
                how = replace(how, type_text=typo[0], acronym=True)
                tags.append("acronym_typo")
        elif acronym and roll < profile.acronym_typo + profile.acronym:
            how = replace(how, type_text=acronym, acronym=True)
            tags.append("acronym")
        elif roll < profile.acronym_typo + profile.acronym + profile.abbrev:
            shortened = abbreviate(type_text, rng, rng.choice((0.4, 0.7, 1.0)))
            if shortened != type_text:
                how = replace(how, type_text=shortened)
                tags.append("abbrev")
        if profile.inflect and rng.random() < profile.inflect:
            case = rng.choice(CASES[1:])
            how = replace(how, case=case)
            tags.append(f"inflect_{case}")
        if name.place and rng.random() < profile.word_order:
            how = replace(how, place=rng.choice(("lead", "lead_comma", "bare")))
            tags.append("word_order")
        elif name.patron and name.place and rng.random() < profile.word_order / 3:
            how = replace(how, patron_after_place=True)
            tags.append("word_order")
        elif name.place and rng.random() < profile.place_drop:
            how = replace(how, place="drop")
            tags.append("place_drop")
        elif how.acronym and name.place and rng.random() < 0.3:
            how = replace(how, place="bare")  # "GOPS Gromnik"
        if name.patron and rng.random() < 0.12:
            name = replace(name, patron=None)
            tags.append("patron_drop")
        text = render(name, how)
        if profile.typo and rng.random() < profile.typo:
            text = _typo(text, rng)
            tags.append("typo")
        if rng.random() < 0.03:
            text = text.replace(" ", "  ", 1)
            tags.append("whitespace")
        if "„" in text and rng.random() < 0.3:
            text = text.replace("„", '"').replace("”", '"')
            tags.append("quotes")
        return text

    def _street(self, entity: Entity, tags: list[str]) -> str:
        rng = self.rng
        house = entity.house or ""
        if entity.street is None:
            return f"{entity.locality} {house}".strip()
        street = entity.street
        if rng.random() < 0.25:
            street = rng.choice(("", "ulica ", "UL. ", "ul.")) + street.removeprefix("ul. ")
            tags.append("street_prefix")
        if rng.random() < 0.08 and " " in street.removeprefix("ul. "):
            street = "ul. " + street.split(" ")[-1]
            tags.append("street_short")
        if rng.random() < 0.08 and house and house[-1:].isalpha():
            house = house[:-1] + " " + house[-1].upper()
            tags.append("house_number_format")
        return f"{street} {house}".strip()

    def _postal(self, entity: Entity, source: str, tags: list[str]) -> str:
        rng = self.rng
        code = entity.postal_code
        if source == "arkusz" and rng.random() < 0.4:
            tags.append("postal_format")
            return code.replace("-", "").lstrip("0")
        if rng.random() < 0.08:
            tags.append("postal_format")
            return code.replace("-", " ")
        return code

    def _locality(self, entity: Entity, tags: list[str]) -> str:
        rng = self.rng
        if entity.locality != entity.gmina and rng.random() < 0.12:
            tags.append("locality_variant")
            return rng.choice(
                (f"{entity.locality} (gm. {entity.gmina})", f"{entity.locality} k. {entity.gmina}")
            )
        return entity.locality

    def _phone(self, entity: Entity, tags: list[str]) -> str:
        rng = self.rng
        assert entity.phone
        p = entity.phone
        if rng.random() < 0.05:
            tags.append("phone_stale")
            p = p[:3] + "".join(str(rng.randint(0, 9)) for _ in range(6))
        mobile = p[0] in "5678" and not p.startswith(("58",))
        style = rng.randint(0, 6)
        if style == 0:
            return p
        tags.append("phone_format")
        if mobile:
            return (
                f"{p[:3]} {p[3:6]} {p[6:]}",
                f"+48 {p[:3]} {p[3:6]} {p[6:]}",
                f"{p[:3]}-{p[3:6]}-{p[6:]}",
            )[style % 3]
        forms = (
            f"{p[:2]} {p[2:5]} {p[5:7]} {p[7:]}",
            f"({p[:2]}) {p[2:5]}-{p[5:7]}-{p[7:]}",
            f"+48 {p[:2]} {p[2:5]} {p[5:7]} {p[7:]}",
            f"{p[:2]} {p[2:5]}-{p[5:7]}-{p[7:]}",
            f"tel. {p[:2]} {p[2:5]} {p[5:7]} {p[7:]}",
            f"{p[:2]} {p[2:5]} {p[5:7]} {p[7:]} wew. {rng.randint(10, 40)}",
        )
        return forms[style - 1]

    def _email(self, entity: Entity, tags: list[str]) -> str:
        assert entity.email
        if self.rng.random() < 0.05:
            tags.append("email_case")
            return entity.email.capitalize()
        return entity.email

    def _website(self, entity: Entity, tags: list[str]) -> str:
        assert entity.website
        site = entity.website
        if self.rng.random() < 0.3:
            tags.append("website_format")
            site = re.sub(r"^https?://", "", site)
        return site

    def _nip(self, nip: str, tags: list[str]) -> str:
        if self.rng.random() < 0.3:
            tags.append("nip_format")
            return f"{nip[:3]}-{nip[3:6]}-{nip[6:8]}-{nip[8:]}"
        return nip


def _typo(text: str, rng: random.Random) -> str:
    """One letter doubled, dropped or swapped in a longer word (not in an acronym)."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 5 and w[1:].islower()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    j = rng.randint(1, len(w) - 2)
    kind = rng.randint(0, 2)
    if kind == 0:
        w = w[:j] + w[j] + w[j:]
    elif kind == 1:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    words[i] = w
    return " ".join(words)
