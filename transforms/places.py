"""Place names as written on Polish pages -> TERYT localities, gminas and powiats.

A `Gazetteer` is built once from the tables `warehouse.gazetteer.load_gazetteer` writes and
answers three questions:

- `resolve_place("w Skarżysku-Kamiennej", postal_code=..., county=..., gmina_hint=...)` — which
  locality (SIMC), gmina and powiat a place mention means;
- `resolve_gmina("Urząd Miasta i Gminy Suchedniów")` — which gmina (telling a town gmina from the
  rural gmina of the same name, and both from a miejsko-wiejska one);
- `resolve_powiat("Powiatu Piskiego")` — which powiat (land powiats by their adjective, cities
  with county rights by their name).

Text arrives inflected ("w Bliżynie"), ASCII-folded ("w Skarzysku-Kamiennej"), upper-case or
abbreviated ("m.st. Warszawy"). Each word is turned into the name words it can stand for: the
word itself, Morfeusz's lemmas, and — for folded words Morfeusz cannot read — the gazetteer words
one of whose generated forms folds to it (generated lazily, per word, and cached, so building
a national gazetteer stays a matter of seconds). Namesakes are settled only by evidence — a
postal code, a county, a voivodeship, a gmina hint — otherwise the answer is 'ambiguous' with
its candidates: a town beats namesake villages only inside one gmina (or one powiat a postal
code has confirmed), independent localities beat parts of others, and evidence that
contradicts every reading (a postal code of another powiat) gives 'ambiguous' too.
`resolve_address` reads a whole address: the locality field is often only the post town, the
village being in the street field ("Szklary Górne 51c") or in the institution's name.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

import duckdb
from rapidfuzz import fuzz

from transforms.morphology import analyse_word, generate
from transforms.text import fold, fold_key, normalise_space

Status = Literal["resolved", "ambiguous", "unresolved"]
# Where an institution's kind is seated, said by its name or type: "town" for courts, powiat
# offices, hospitals and anything "Miejski" (these sit in towns), "rural_gmina" for the office
# and units of a rural gmina ("Gminny Ośrodek Pomocy Społecznej", "Urząd Gminy"), which often
# sit in the town the rural gmina is named after.
Seat = Literal["town", "rural_gmina"]

SELF_GOVERNING = ("miejska", "wiejska", "miejsko-wiejska")
# RM codes of SIMC that denote parts of another locality (część miejscowości, część miasta,
# dzielnica m.st. Warszawy, delegatura).
_PART_KINDS = frozenset({"00", "99", "95", "98"})
_TOWN_KIND = "96"
_VILLAGE_KIND = "01"

_MAX_TOKENS = 7
_MAX_KEYS_PER_TOKEN = 8
_MAX_COMBINATIONS = 256
_MAX_CANDIDATES = 50
# Characters whose folding DuckDB's strip_accents + translate reproduce exactly.
_SQL_SAFE_NAME = '[A-Za-z0-9ąćęłńóśźżĄĆĘŁŃÓŚŹŻ .,()"-]*'
_GEO_QUALIFIERS = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})

_POSTAL = re.compile(r"(?<!\d)(\d{2})\s*[-‐–]?\s*(\d{3})(?!\d)")
_TOKEN = re.compile(r"[^\W_]+\.?")
_STREET = re.compile(r"^(ul|al|pl|os)\.|^(ulica|aleja|aleje|plac)\s", re.IGNORECASE)
_MAX_ABBREVIATION = 5
_MAX_ABBREVIATION_KEYS = 64
# Contractions that are not prefixes of the word they stand for.
_CONTRACTIONS = {"wlkp": "wielkopolsk", "n": "nad", "gd": "gdansk"}
_SEGMENTS = re.compile(r"[,;()\[\]/]")
# "Kraków - Łagiewniki", "Kraków – Podgórze": a town, a spaced dash, its district or estate
_SPACED_DASH = re.compile(r"\s[-‐–—]\s")
# A house number or a post office's number after a locality ("Dębice 29", "Lublin 62",
# "Pniewy 28/3", "Szklary Górne 51c")
_HOUSE_NUMBER = re.compile(r"^\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?$")
_STREET_NUMBER = re.compile(r"\s(?:nr\.?\s*)?\d+[a-zA-Z]?(?:\s*[/-]\s*\d+[a-zA-Z]?)?\b")
# Fuzzy matching, only ever inside a postal code's area or a county: a name of at least six
# letters, ratio >= 85 (two letters wrong in "Przczyna"/"Pszczyna", one in "Starogard").
_MIN_FUZZY_LENGTH = 6
_MIN_FUZZY_SCORE = 85.0

# Words that introduce a place rather than name it, compared folded and lower-case.
_PREPOSITIONS = frozenset({"w", "we", "z", "ze", "do", "na", "od", "kolo", "k.", "przy", "dla"})
_GMINA_WORDS = frozenset({"gmina", "gminy", "gminie", "gmine", "gm.", "gmin",
                          "wiejska", "wiejskiej", "wiejskiego"})  # fmt: skip
_CITY_WORDS = frozenset({"miasto", "miasta", "miescie", "miastem", "m.", "miejska", "miejskiej",
                         "miejski", "miejskiego", "miejskim"})  # fmt: skip
_POWIAT_WORDS = frozenset({"powiat", "powiatu", "powiecie", "powiatem", "pow.", "powiatowe",
                           "powiatowy", "powiatowego", "starostwo", "starostwa", "starostwie",
                           "ziemski", "grodzki"})  # fmt: skip
_CAPITAL_WORDS = frozenset({"st.", "stoleczne", "stolecznego", "stoleczna", "stolecznej",
                            "stolecznym"})  # fmt: skip
_OFFICE_WORDS = frozenset({"urzad", "urzedu", "urzedzie", "burmistrz", "burmistrza", "wojt",
                           "wojta", "prezydent", "prezydenta"})  # fmt: skip
_VOIVODESHIP_WORDS = frozenset({"woj.", "wojewodztwo", "wojewodztwa", "wojewodztwie"})


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One of several places a text can mean (kept when the answer is 'ambiguous')."""

    locality_simc: str | None
    locality_name: str | None
    gmina_teryt: str | None
    gmina_name: str | None
    gmina_kind: str | None
    powiat_teryt: str | None
    powiat_name: str | None


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """What a place text means in TERYT terms, and how that was decided.

    When 'ambiguous', the fields the candidates all share (often the powiat) are filled and
    the rest stay None; `candidates` lists up to 50 of them, `candidate_count` says how many.
    """

    status: Status
    locality_simc: str | None = None
    locality_name: str | None = None
    gmina_teryt: str | None = None  # 7 characters: WOJ POW GMI RODZ
    gmina_name: str | None = None
    gmina_kind: str | None = None  # miejska | wiejska | miejsko-wiejska | dzielnica | delegatura
    powiat_teryt: str | None = None  # 4 digits; 61 and above: a city with county rights
    powiat_name: str | None = None
    voivodeship_teryt: str | None = None
    method: str | None = None  # postal_code | county | gmina_hint | unique_name | town | ...
    candidates: tuple[PlaceCandidate, ...] = ()
    candidate_count: int = 0

    @property
    def is_city_with_county_rights(self) -> bool:
        return self.powiat_teryt is not None and self.powiat_teryt[2:] >= "61"


class Locality(NamedTuple):
    """One SIMC locality (a named tuple: ~100k of them are built at start-up)."""

    simc: str
    name: str
    kind_code: str  # SIMC RM: 96 town, 01 village, 00/99 part, ...
    is_main: bool  # not a part of another locality
    gmina_teryt: str | None
    gmina6: str
    powiat_teryt: str

    @property
    def rank(self) -> int:
        """0 town, 1 other independent locality, 2 part of a locality."""
        if self.kind_code == _TOWN_KIND:
            return 0
        return 1 if self.is_main and self.kind_code not in _PART_KINDS else 2


@dataclass(frozen=True, slots=True)
class Gmina:
    gmina_teryt: str
    gmina6: str
    name: str
    kind: str
    powiat_teryt: str


@dataclass(frozen=True, slots=True)
class Powiat:
    powiat_teryt: str
    name: str
    is_city: bool
    woj: str


class PostalEntry(NamedTuple):
    """One PNA row: a locality served by a postal code, with its TERC units where known."""

    locality_key: str
    locality: str
    locality_simc: str | None
    gmina_teryt: str | None
    gmina6: str | None
    powiat_teryt: str | None


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A place text split into its name words and the administrative words around them."""

    tokens: tuple[str, ...]
    had_preposition: bool = False
    gmina_marker: bool = False
    city_marker: bool = False
    urban_rural: bool = False  # "miasto i gmina", "Urząd Miasta i Gminy"
    powiat_marker: bool = False
    voivodeship_marker: bool = False
    postal_code: str | None = None
    gmina_hint: str | None = None
    powiat_hint: str | None = None
    voivodeship_hint: str | None = None
    tail: tuple[str, ...] = ()  # the words after the last "w" inside the text
    raw_tokens: tuple[str, ...] = ()  # every word, administrative ones included


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What a record says besides the place text, as codes.

    `woj` comes from an explicit voivodeship (a voivodeship's list, a "województwo" column or
    "woj. …" in the text: `strict_woj`, every reading outside it is contradicted) or from the
    county's first two digits (only used to narrow).
    """

    code: str | None
    county: str | None
    woj: str | None
    strict_woj: bool
    hint: str | None


@dataclass(slots=True)
class _Indexes:
    localities: list[Locality] = field(default_factory=list)
    locality_by_simc: dict[str, int] = field(default_factory=dict)
    locality_by_key: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    gminas: dict[str, Gmina] = field(default_factory=dict)
    gmina_by6: dict[str, Gmina] = field(default_factory=dict)
    gmina_by_key: dict[str, list[Gmina]] = field(default_factory=lambda: defaultdict(list))
    powiats: dict[str, Powiat] = field(default_factory=dict)
    city_powiat_by_key: dict[str, list[Powiat]] = field(default_factory=lambda: defaultdict(list))
    voivodeships: dict[str, str] = field(default_factory=dict)
    postal: dict[str, list[PostalEntry]] = field(default_factory=lambda: defaultdict(list))
    vocabulary: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


class Gazetteer:
    """In-memory indexes over the TERYT / PNA tables, answering place-name questions."""

    def __init__(self, indexes: _Indexes) -> None:
        self._ix = indexes
        self._sorted_words = sorted(indexes.vocabulary)
        self._forms_cache: dict[str, frozenset[str]] = {}
        self._token_cache: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._powiat_forms: dict[str, list[Powiat]] | None = None
        self._voivodeship_forms: dict[str, str] | None = None
        self._localities_by_gmina: dict[str, list[Locality]] | None = None
        self._place_name_cache: dict[str, str | None] = {}

    # --- building ------------------------------------------------------------------------------

    @classmethod
    def from_duckdb(cls, con: duckdb.DuckDBPyConnection) -> Gazetteer:
        """Build from the tables of `warehouse.gazetteer.load_gazetteer` (they must exist)."""
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        missing = {"teryt_voivodeships", "teryt_powiats", "teryt_gminas"} - tables
        if missing:
            raise LookupError(
                f"no gazetteer in this database: tables {sorted(missing)} are missing "
                "(load one with warehouse.gazetteer.load_gazetteer)"
            )
        ix = _Indexes()
        for woj, name in con.execute("SELECT woj, name FROM teryt_voivodeships").fetchall():
            ix.voivodeships[woj] = name
        for code, name, is_city, woj in con.execute(
            "SELECT powiat_teryt, name, is_city, woj FROM teryt_powiats"
        ).fetchall():
            ix.powiats[code] = Powiat(code, name, bool(is_city), woj)
        for row in con.execute(
            "SELECT gmina_teryt, gmina6, name, kind, powiat_teryt FROM teryt_gminas"
        ).fetchall():
            gmina = Gmina(*row)
            ix.gminas[gmina.gmina_teryt] = gmina
            ix.gmina_by6[gmina.gmina6] = gmina
            ix.gmina_by_key[fold_key(gmina.name)].append(gmina)
        if "teryt_localities" in tables:
            for *columns, key in con.execute(
                "SELECT simc, name, kind_code, parent_simc IS NULL, gmina_teryt, gmina6, "
                f"powiat_teryt, {_sql_fold_key('name')} FROM teryt_localities"
            ).fetchall():
                locality = Locality(*columns)
                ix.locality_by_key[key or fold_key(locality.name)].append(len(ix.localities))
                ix.locality_by_simc[locality.simc] = len(ix.localities)
                ix.localities.append(locality)
        if "postal_codes" in tables:
            for code, locality, key, simc, gmina_teryt, gmina6, powiat in con.execute(
                f"SELECT postal_code, locality, {_sql_fold_key('locality')}, locality_simc, "
                "gmina_teryt, gmina6, powiat_teryt FROM postal_codes"
            ).fetchall():
                ix.postal[code].append(
                    PostalEntry(
                        key or fold_key(locality), locality, simc, gmina_teryt, gmina6, powiat
                    )
                )
        names = ["SELECT name FROM teryt_gminas", "SELECT name FROM teryt_powiats WHERE is_city"]
        if "teryt_localities" in tables:
            names.append("SELECT name FROM teryt_localities")
        for word, key in con.execute(
            f"""
            SELECT word, {_sql_fold_key("word")} FROM (
                SELECT DISTINCT unnest(regexp_extract_all(name, '[\\pL\\pN]+')) AS word
                FROM ({" UNION ".join(names)}))
            """
        ).fetchall():
            ix.vocabulary[key or fold_key(word)].add(word)
        for powiat in ix.powiats.values():
            if powiat.is_city:
                ix.city_powiat_by_key[fold_key(powiat.name)].append(powiat)
        return cls(ix)

    # --- lookups -------------------------------------------------------------------------------

    def powiat_name(self, powiat_teryt: str) -> str | None:
        powiat = self._ix.powiats.get(powiat_teryt)
        return powiat.name if powiat else None

    def gmina(self, code: str) -> Gmina | None:
        """A gmina by its 7-character TERYT or its 6-digit WOJ+POW+GMI."""
        return self._ix.gminas.get(code) if len(code) == 7 else self._ix.gmina_by6.get(code)

    def locality(self, simc: str) -> Locality | None:
        i = self._ix.locality_by_simc.get(simc)
        return None if i is None else self._ix.localities[i]

    def place_name(self, text: str) -> str | None:
        """The nominative name a place phrase stands for ("W BOLESLAWCU" -> "Bolesławiec"),
        when every locality it can mean bears the same name, even if they are namesakes in
        different gminas, or else when the only town among them does ("w Głogowie": Głogów,
        not the villages Głogowa and Głogowo); None otherwise. For name keys, never for
        placing a record."""
        cached = self._place_name_cache.get(text)
        if cached is not None or text in self._place_name_cache:
            return cached
        result = self.resolve_place(text)
        names = {c.locality_name for c in result.candidates}
        # "w Głogowie" is the locative of Głogów (a town), Głogowa and Głogowo (villages): for
        # a key, the town's name
        towns = {c.locality_name for c in result.candidates
                 if (loc := self.locality(c.locality_simc or "")) and loc.kind_code == _TOWN_KIND}  # fmt: skip
        name: str | None = None
        if result.status == "resolved" and result.locality_simc:
            name = result.locality_name
        elif result.status == "ambiguous" and len(names) == 1:
            name = names.pop()
        elif result.status == "ambiguous" and len(towns) == 1:
            name = towns.pop()
        self._place_name_cache[text] = name
        return name

    # --- powiats -------------------------------------------------------------------------------

    def resolve_powiat(self, text: str, *, voivodeship: str | None = None) -> str | None:
        """The 4-digit TERYT of a powiat named in `text`, or None when unknown or ambiguous.

        "powiat skarżyski", "skarżyski", "Powiatu Piskiego" (a land powiat by its adjective),
        "m. Kraków", "Krakowa" (a city with county rights by its name). Land powiats sharing an
        adjective (two "grodziski") need `voivodeship` (code or name) or a "woj. …" in the text.
        """
        found = self._powiat_candidates(_parse(text))
        woj = self._voivodeship_code(voivodeship) if voivodeship else None
        if woj is None and (hint := _parse(text).voivodeship_hint):
            woj = self._voivodeship_code(hint)
        if woj is not None:
            found = [p for p in found if p.woj == woj]
        codes = {p.powiat_teryt for p in found}
        return codes.pop() if len(codes) == 1 else None

    def _powiat_candidates(self, parsed: _Parsed) -> list[Powiat]:
        if not parsed.tokens:
            return []
        found: list[Powiat] = []
        if not parsed.city_marker:
            found = list(self._powiat_by_form().get(fold_key(" ".join(parsed.tokens)), []))
        if not found:
            for key in self._name_keys(parsed.tokens, exact_first=not parsed.had_preposition):
                found.extend(self._ix.city_powiat_by_key.get(key, []))
                if found:
                    break
        return found

    def _voivodeship_code(self, text: str) -> str | None:
        text = text.strip()
        if text in self._ix.voivodeships:
            return text
        words = [w for w in fold_key(text).split() if w not in {"woj", "wojewodztwo"}]
        return self._voivodeship_by_form().get(" ".join(words))

    def _powiat_by_form(self) -> dict[str, list[Powiat]]:
        """Every case of every land powiat's adjective ("piskiego", "skarzyskim"), built on
        first use (a few hundred Morfeusz calls)."""
        if self._powiat_forms is None:
            forms: dict[str, list[Powiat]] = defaultdict(list)
            for powiat in self._ix.powiats.values():
                if not powiat.is_city:
                    for form in _adjective_forms(powiat.name):
                        forms[form].append(powiat)
            self._powiat_forms = forms
        return self._powiat_forms

    def _voivodeship_by_form(self) -> dict[str, str]:
        if self._voivodeship_forms is None:
            forms: dict[str, str] = {}
            for woj, name in self._ix.voivodeships.items():
                for form in _adjective_forms(name):
                    forms.setdefault(form, woj)
            self._voivodeship_forms = forms
        return self._voivodeship_forms

    # --- gminas --------------------------------------------------------------------------------

    def resolve_gmina(self, text: str, county: str | None = None) -> PlaceResolution:
        """The gmina named in `text`: "Gmina Bliżyn", "Urząd Miasta i Gminy Suchedniów",
        "gm. Pisz", "Miasto Radomsko" (the town gmina) vs "Gmina Radomsko" (the rural one).

        `county` (4-digit powiat TERYT) narrows namesakes; a city with county rights passed as
        `county` matches its own gmina.
        """
        parsed = _parse(text)
        return self._gmina_level(parsed, self._valid_county(county) or self._hint_county(parsed))

    def _gmina_level(
        self, parsed: _Parsed, county: str | None, woj: str | None = None
    ) -> PlaceResolution:
        if not parsed.tokens:
            return PlaceResolution("unresolved", method="empty")
        gminas = self._gmina_candidates(parsed)
        if not gminas:
            return PlaceResolution("unresolved", method="no_match")
        method = "gmina_name"
        if county is not None:
            in_county = [g for g in gminas if g.powiat_teryt == county]
            if in_county:
                gminas, method = in_county, "county"
        if woj is not None and len(gminas) > 1:
            in_woj = [g for g in gminas if g.powiat_teryt[:2] == woj]
            if in_woj and len(in_woj) < len(gminas):
                gminas, method = in_woj, "voivodeship"
        gminas = _prefer_kind(gminas, parsed)
        if len(gminas) == 1:
            return self._gmina_resolution(gminas[0], method)
        return self._ambiguous([self._gmina_candidate(g) for g in gminas], "ambiguous_gmina")

    def _gmina_candidates(self, parsed: _Parsed) -> list[Gmina]:
        for key in self._name_keys(parsed.tokens, exact_first=not parsed.had_preposition):
            found = self._ix.gmina_by_key.get(key, [])
            governing = [g for g in found if g.kind in SELF_GOVERNING]
            if governing or found:
                return governing or list(found)
        return []

    # --- places --------------------------------------------------------------------------------

    def resolve_place(
        self,
        text: str,
        *,
        postal_code: str | None = None,
        county: str | None = None,
        gmina_hint: str | None = None,
        voivodeship: str | None = None,
    ) -> PlaceResolution:
        """Which locality / gmina / powiat a place text means.

        `postal_code` (NN-NNN), `county` (4-digit powiat TERYT of the source or of the record's
        own powiat column; a 2-digit code is taken as a voivodeship), `voivodeship` (code or
        name) and `gmina_hint` (a gmina name from the same record) settle namesakes; without
        them namesakes in different gminas give 'ambiguous' with the candidates. A postal code
        or an explicit voivodeship that fits none of the readings makes the answer 'ambiguous'
        too: the text or the evidence is wrong, and which one is not guessed. A text naming a
        powiat ("powiat radomszczański") or a gmina ("Gmina Wysokie Mazowieckie") resolves at
        that level, without a locality. An empty text with a postal code resolves from the
        code alone when it covers one gmina.
        """
        parsed = _parse(text)
        code = _normalise_postal_code(postal_code) or parsed.postal_code
        evidence = self._evidence(parsed, code, county, voivodeship, gmina_hint)
        if parsed.raw_tokens != parsed.tokens and self._is_locality_name(parsed.raw_tokens):
            # "Miejska Górka", "Koło", "Na Brańskiej": names that begin like a title
            parsed = _Parsed(parsed.raw_tokens, postal_code=parsed.postal_code)
        if parsed.powiat_marker and parsed.tokens:
            powiat_level = self._powiat_level(parsed)
            # "Starostwo Powiatowe w Piszu" names the seat, not the powiat
            if powiat_level.status != "unresolved" or not parsed.had_preposition:
                return powiat_level
        elif parsed.tokens and (parsed.gmina_marker or (parsed.urban_rural and parsed.city_marker)):
            return self._gmina_level(parsed, evidence.county, evidence.woj)
        if not parsed.tokens:
            if code is not None:
                return self._from_postal_code(code)
            return PlaceResolution("unresolved", method="empty")
        resolution = self._locality_level(parsed, evidence)
        if resolution.status == "unresolved" and (dashed := _before_dash(text)) is not None:
            # "Kraków - Łagiewniki": a town and its district or estate
            return self.resolve_place(
                dashed, postal_code=code, county=county, gmina_hint=gmina_hint,
                voivodeship=voivodeship,
            )  # fmt: skip
        return resolution

    def resolve_address(
        self,
        locality: str | None,
        *,
        street: str | None = None,
        name_place: str | None = None,
        postal_code: str | None = None,
        county: str | None = None,
        gmina_hint: str | None = None,
        voivodeship: str | None = None,
        seat: Seat | None = None,
    ) -> PlaceResolution:
        """Where a record's address lies: its locality field read together with the rest of
        the address and the institution's name.

        In a Polish address the locality after the postal code is often only the post town:
        "Szklary Górne 51c, 59-300 Lubin" is the village Szklary Górne (gmina Lubin wiejska),
        whose letters go through the post office in Lubin; "Specjalny Ośrodek … w Stoku Lackim,
        ul. Pałacowa 1, 08-110 Siedlce" lies in Stok Lacki, not in the city of Siedlce. So:

        - a street field without "ul./al./pl./os." that begins with the name of a locality
          lying in the postal code's area is "village + house number": that village;
        - a village named by the institution's name ("w Stoku Lackim", "ŚDS Tomaszkowice")
          inside the postal code's area wins over a town in the locality field;
        - otherwise the locality field (or, when there is none, the name's place phrase).

        `seat` says where the institution's kind sits (see `Seat`); it settles what the
        address alone leaves open: "Sąd Rejonowy w Brzozowie" is the town Brzozów, not one
        of the villages of that name; "Gminny Ośrodek Pomocy Społecznej w Siedlcach" serves
        the rural gmina Siedlce (powiat siedlecki), not the city it sits in.
        """
        found = self._address(
            locality, street=street, name_place=name_place, postal_code=postal_code,
            county=county, gmina_hint=gmina_hint, voivodeship=voivodeship,
        )  # fmt: skip
        if seat == "town":
            return self._town_seat(found)
        if seat == "rural_gmina":
            return self._rural_gmina_seat(found)
        return found

    def _address(
        self,
        locality: str | None,
        *,
        street: str | None,
        name_place: str | None,
        postal_code: str | None,
        county: str | None,
        gmina_hint: str | None,
        voivodeship: str | None,
    ) -> PlaceResolution:
        kwargs = {"postal_code": postal_code, "county": county, "gmina_hint": gmina_hint,
                  "voivodeship": voivodeship}  # fmt: skip
        code = _normalise_postal_code(postal_code)
        if code is not None and not self._ix.postal.get(code):
            code = None  # a code PNA does not know says nothing about the area
        text = locality or name_place or ""
        primary = self.resolve_place(text, **kwargs) if text or postal_code else None
        village = _street_village(street)
        if village is not None:
            found = self._village_nearby(village, code, county, kwargs, primary)
            if found is not None:
                return replace(found, method="street_village")
        if name_place and locality and primary is not None:
            if code is not None and primary.method == "postal_code_contradicts":
                # "Radzyń" (cut short) or "Starogard" (a typo) with the code of Radzyń
                # Podlaski / Stargard, in "Sąd Rejonowy w Radzyniu Podlaskim": the name and the
                # postal code agree against the locality field
                named = self.resolve_place(name_place, **kwargs)
                loc = self.locality(named.locality_simc or "")
                if named.status == "resolved" and loc and self._in_postal_area(loc, code):
                    return replace(named, method="name_and_postal_code")
            found = self._village_nearby(name_place, code, county, kwargs, primary)
            if found is not None and (
                self._is_town(primary) if code is None
                else not self._named_by_postal_code(locality, code, found)
            ):  # fmt: skip
                return replace(found, method="name_place")
            if primary.status == "resolved" and not self._is_town(primary):
                named = self.resolve_place(name_place, **kwargs)
                if self._is_town(named) and named.powiat_teryt != primary.powiat_teryt:
                    # "Sąd Rejonowy w Stargardzie", locality "Starogard" (a village far
                    # away): the record contradicts itself
                    return self._ambiguous(
                        [self._candidate_of(primary), self._candidate_of(named)],
                        "name_contradicts",
                    )
        return primary or PlaceResolution("unresolved", method="empty")

    def _town_seat(self, resolution: PlaceResolution) -> PlaceResolution:
        """Namesakes of which exactly one is a town, for an institution seated in towns: the
        town. Only when every candidate is listed and the evidence did not contradict itself."""
        if (
            resolution.status != "ambiguous"
            or resolution.method != "namesakes"
            or resolution.candidate_count != len(resolution.candidates)
        ):
            return resolution
        towns = {
            loc.simc: loc
            for candidate in resolution.candidates
            if (loc := self.locality(candidate.locality_simc or "")) is not None
            and loc.kind_code == _TOWN_KIND
        }
        if len(towns) != 1:
            return resolution
        return self._locality_resolution(next(iter(towns.values())), "town_seat")

    def _rural_gmina_seat(self, resolution: PlaceResolution) -> PlaceResolution:
        """A town gmina's address for a rural gmina's institution: the rural gmina of the
        same name around it (Radomsko, Wysokie Mazowieckie), or — for a city with county
        rights (Siedlce, Chełm, Tarnów) — the one of the surrounding land powiat, when there
        is exactly one such gmina in the voivodeship. The locality stays the town."""
        if resolution.status != "resolved" or resolution.gmina_kind != "miejska":
            return resolution
        town_gmina = self._ix.gminas.get(resolution.gmina_teryt or "")
        if town_gmina is None:
            return resolution
        rural = [
            g
            for g in self._ix.gmina_by_key.get(fold_key(town_gmina.name), [])
            if g.kind == "wiejska" and g.powiat_teryt[:2] == town_gmina.powiat_teryt[:2]
        ]
        same_powiat = [g for g in rural if g.powiat_teryt == town_gmina.powiat_teryt]
        town_powiat = self._ix.powiats.get(town_gmina.powiat_teryt)
        if not same_powiat and not (town_powiat is not None and town_powiat.is_city):
            return resolution
        chosen = same_powiat or rural
        if len(chosen) != 1:
            return resolution
        gmina = chosen[0]
        return replace(
            resolution,
            gmina_teryt=gmina.gmina_teryt,
            gmina_name=gmina.name,
            gmina_kind=gmina.kind,
            powiat_teryt=gmina.powiat_teryt,
            powiat_name=self.powiat_name(gmina.powiat_teryt),
            method="rural_gmina_seat",
        )

    def _is_town(self, resolution: PlaceResolution) -> bool:
        loc = self.locality(resolution.locality_simc or "")
        return resolution.status == "resolved" and loc is not None and loc.kind_code == _TOWN_KIND

    def _candidate_of(self, resolution: PlaceResolution) -> PlaceCandidate:
        return PlaceCandidate(
            resolution.locality_simc, resolution.locality_name, resolution.gmina_teryt,
            resolution.gmina_name, resolution.gmina_kind, resolution.powiat_teryt,
            resolution.powiat_name,
        )  # fmt: skip

    def _village_nearby(
        self,
        text: str,
        code: str | None,
        county: str | None,
        kwargs: dict[str, str | None],
        primary: PlaceResolution | None,
    ) -> PlaceResolution | None:
        """`text` read as a village near the address, differing from `primary`: inside the
        postal code's area, or — without a code — in the record's county or in the powiat of
        the locality field's place."""
        found = self.resolve_place(text, **kwargs)
        if found.status != "resolved" or found.locality_simc is None:
            return None
        loc = self.locality(found.locality_simc)
        if loc is None or loc.kind_code == _TOWN_KIND:
            return None
        if primary is not None and primary.locality_simc == found.locality_simc:
            return None
        if code is not None:
            return found if self._in_postal_area(loc, code) else None
        if primary is None or primary.status != "resolved":
            return None
        near = {p for p in (self._valid_county(county), primary.powiat_teryt) if p}
        return found if loc.powiat_teryt in near else None

    def _in_postal_area(self, loc: Locality, code: str) -> bool:
        """The code's PNA rows name this locality, or it lies in one of the code's gminas
        (PNA 2024 leaves out many small villages: Szklary Górne has no row of its own)."""
        entries = self._ix.postal.get(code, [])
        return any(e.locality_simc == loc.simc or e.gmina6 == loc.gmina6 for e in entries)

    def _named_by_postal_code(self, locality: str, code: str, village: PlaceResolution) -> bool:
        """Whether the locality field names a village of the code itself (then it is the
        address's own locality: "Dobieszowice, 42-584" for GOPS w Bobrownikach), rather than a
        town that only hosts the post office."""
        read = self.resolve_place(locality, postal_code=code)
        if read.locality_simc is None or read.locality_simc == village.locality_simc:
            return False
        loc = self.locality(read.locality_simc)
        return loc is not None and loc.kind_code != _TOWN_KIND

    def _evidence(
        self,
        parsed: _Parsed,
        code: str | None,
        county: str | None,
        voivodeship: str | None,
        gmina_hint: str | None,
    ) -> _Evidence:
        woj: str | None = None
        strict = False
        county = county.strip() if county else None
        if county and len(county) == 2 and county in self._ix.voivodeships:
            # a voivodeship's list ("12"): every record lies in that voivodeship
            woj, strict, county = county, True, None
        county = self._valid_county(county) or self._hint_county(parsed)
        named_woj = voivodeship or parsed.voivodeship_hint
        if named_woj and (named := self._voivodeship_code(named_woj)):
            woj, strict = named, True
        if woj is None and county is not None:
            woj = county[:2]
        return _Evidence(code, county, woj, strict, gmina_hint or parsed.gmina_hint)

    def _locality_level(self, parsed: _Parsed, ev: _Evidence) -> PlaceResolution:
        keys = self._name_keys(parsed.tokens, exact_first=not parsed.had_preposition)
        localities = self._localities_for(keys)
        if not localities and parsed.tail:
            tail = replace(parsed, tokens=parsed.tail, tail=(), had_preposition=True)
            return self._locality_level(tail, ev)
        if not localities and (trimmed := _without_house_number(parsed.tokens)):
            # "Dębice 29" (a house number), "Lublin 62" (a post office's number)
            return self._locality_level(replace(parsed, tokens=trimmed, tail=()), ev)
        if not localities:
            return self._without_locality(parsed, keys, ev)
        localities = self._spelt_as_written(parsed.tokens, localities)

        if ev.code is not None or ev.county is not None or ev.strict_woj:
            # evidence that fits none of the readings: look for rarer readings that fit it
            if not any(self._fits(loc, ev) for loc in localities):
                wider_keys = self._name_keys(parsed.tokens, exact_first=False, expand=True)
                wider = self._localities_for(wider_keys)
                if any(self._fits(loc, ev) for loc in wider):
                    keys, localities = wider_keys, wider

        steps: list[tuple[str, list[Locality]]] = []
        current = localities
        confirmed_by_code = False
        if ev.code is not None and self._ix.postal.get(ev.code):
            if not any(self._fits_postal_code(loc, ev.code) for loc in current):
                return self._postal_code_contradicts(parsed, current, ev)
            current = self._filter_by_postal_code(current, keys, ev.code, steps)
            confirmed_by_code = True
        if ev.county is not None:
            county = ev.county
            in_county = _narrow(current, lambda loc: loc.powiat_teryt == county, "county", steps)
            if in_county is current and not any(loc.powiat_teryt == county for loc in current):
                # a county's source naming a town of its voivodeship outside the county: the
                # courts, hospitals and city offices in the city with county rights nearby
                towns = [loc for loc in current
                         if loc.kind_code == _TOWN_KIND and loc.powiat_teryt[:2] == county[:2]]  # fmt: skip
                if len(towns) == 1:
                    steps.append(("county_voivodeship_town", towns))
                    in_county = towns
            current = in_county
        if ev.woj is not None and ev.strict_woj:
            woj = ev.woj
            if not any(loc.powiat_teryt[:2] == woj for loc in current):
                return self._outside_voivodeship(parsed, current, ev)
            current = _narrow(
                current, lambda loc: loc.powiat_teryt[:2] == woj, "voivodeship", steps
            )
        if ev.hint:
            hinted = self.resolve_gmina(ev.hint, ev.county)
            allowed = {c.gmina_teryt for c in hinted.candidates} | {hinted.gmina_teryt}
            six = {g[:6] for g in allowed if g}
            current = _narrow(current, lambda loc: loc.gmina6 in six, "gmina_hint", steps)
        # a part of another locality ("część wsi Kraków") is not an address's locality
        independent = [loc for loc in current if loc.rank < 2]
        if independent and len(independent) < len(current):
            steps.append(("main_locality", independent))
            current = independent
        # Preferring the town over its namesakes is only safe when they all lie in one gmina,
        # or when a postal code has already confined them to one powiat (Ełk, 19-300: the town
        # and an osada of the rural gmina around it); anywhere else it would be a guess.
        one_gmina = len({loc.gmina6 for loc in current}) == 1
        one_powiat = confirmed_by_code and len({loc.powiat_teryt for loc in current}) == 1
        if len(current) > 1 and (one_gmina or one_powiat):
            best = min(loc.rank for loc in current)
            preferred = [loc for loc in current if loc.rank == best]
            if len(preferred) < len(current):
                steps.append(("town" if best == 0 else "main_locality", preferred))
            if len(preferred) > 1 and best == 1 and one_gmina:
                # one gmina holding a village and a forester's lodge or hamlet of the same
                # name (Panki 01 and Panki 04): an address there means the village
                villages = [loc for loc in preferred if loc.kind_code == _VILLAGE_KIND]
                if villages and len(villages) < len(preferred):
                    preferred = villages
                    steps.append(("village", preferred))
            current = preferred
        if len(current) == 1:
            method = next((m for m, group in steps if len(group) == 1), "unique_name")
            return self._locality_resolution(current[0], method)
        return self._ambiguous([self._locality_candidate(loc) for loc in current], "namesakes")

    def _spelt_as_written(
        self, tokens: Sequence[str], localities: list[Locality]
    ) -> list[Locality]:
        """Among names that fold alike but are spelt differently ("Kraków", the city, and
        "Krąków", a village), the ones the text spells: the word as written or its Morfeusz
        lemma ("w Krakowie" -> "Kraków"). An ASCII-folded word Morfeusz cannot read keeps
        them all."""
        spellings: dict[str, set[str]] = defaultdict(set)
        for loc in localities:
            spellings[fold_key(loc.name)].add(loc.name.lower())
        if all(len(names) == 1 for names in spellings.values()):
            return localities
        written: set[str] = set()
        for token in tokens:
            word = token.rstrip(".")
            written.add(word.lower())
            for variant in dict.fromkeys((word, word.capitalize())):
                written.update(r.lemma.lower() for r in analyse_word(variant) if r.tag != "ign")

        def spelt(loc: Locality) -> bool:
            return all(w in written for w in re.split(r"[\s-]+", loc.name.lower()) if w)

        kept = [
            loc for loc in localities
            if len(spellings[fold_key(loc.name)]) == 1 or spelt(loc)
            or not any(spelt(other) for other in localities
                       if fold_key(other.name) == fold_key(loc.name))
        ]  # fmt: skip
        return kept or localities

    def _fits(self, loc: Locality, ev: _Evidence) -> bool:
        return (
            self._fits_postal_code(loc, ev.code)
            and (ev.county is None or loc.powiat_teryt == ev.county)
            and (not ev.strict_woj or loc.powiat_teryt[:2] == ev.woj)
        )

    def _postal_code_contradicts(
        self, parsed: _Parsed, readings: list[Locality], ev: _Evidence
    ) -> PlaceResolution:
        """The text names places the postal code lies far from ("Starogard" + 73-110, a typo
        for Stargard; "Pisz" + 11-200, a typo in the code). Either may be wrong: the answer is
        'ambiguous', with the text's readings and what the code points at (a locality of a
        similar name inside the code's area, else the code's gminas)."""
        assert ev.code is not None
        candidates = [self._locality_candidate(loc) for loc in readings]
        similar = self._similar_in_area(parsed.tokens, self._postal_area(ev.code))
        if similar:
            candidates += [self._locality_candidate(loc) for loc in similar]
        else:
            gminas = {e.gmina_teryt for e in self._ix.postal.get(ev.code, []) if e.gmina_teryt}
            candidates += [self._gmina_candidate(self._ix.gminas[g]) for g in sorted(gminas)]
        return self._ambiguous(candidates, "postal_code_contradicts")

    def _outside_voivodeship(
        self, parsed: _Parsed, readings: list[Locality], ev: _Evidence
    ) -> PlaceResolution:
        """A voivodeship's list names a locality found only elsewhere: "GOPS Iwanowice" in the
        małopolskie list is gmina Iwanowice (its seat is Iwanowice Włościańskie), not the
        village Iwanowice in wielkopolskie. A gmina of that name inside the voivodeship
        answers; otherwise nothing is guessed."""
        level = self._gmina_level(parsed, ev.county, ev.woj)
        if level.status == "resolved" and (level.powiat_teryt or "")[:2] == ev.woj:
            return replace(level, method="voivodeship")
        return self._ambiguous(
            [self._locality_candidate(loc) for loc in readings], "voivodeship_contradicts"
        )

    def _fits_postal_code(self, loc: Locality, code: str | None) -> bool:
        entries = self._ix.postal.get(code or "")
        if not entries:
            return True
        return any(e.gmina6 == loc.gmina6 or e.powiat_teryt == loc.powiat_teryt for e in entries)

    def _filter_by_postal_code(
        self,
        localities: list[Locality],
        keys: Sequence[str],
        code: str,
        steps: list[tuple[str, list[Locality]]],
    ) -> list[Locality]:
        entries = self._ix.postal.get(code, [])
        if not entries:
            return localities
        wanted = set(keys)
        named_entries = [e for e in entries if e.locality_key in wanted]
        named = {e.gmina6 for e in named_entries if e.gmina6}
        current = _narrow(localities, lambda loc: loc.gmina6 in named, "postal_code", steps)
        # "Ełk, 19-300": PNA names the town but gives it no gmina (its gmina name fits both the
        # town and the rural gmina around it); the villages sharing the code are all rural, so
        # "any gmina of the code" would move the town into the rural gmina.
        town_without_gmina = any(e.gmina6 is None for e in named_entries)
        if current is localities and not town_without_gmina:
            anywhere = {e.gmina6 for e in entries if e.gmina6}
            current = _narrow(localities, lambda loc: loc.gmina6 in anywhere, "postal_code", steps)
        if current is localities:
            powiats = {e.powiat_teryt for e in entries if e.powiat_teryt}
            current = _narrow(
                localities, lambda loc: loc.powiat_teryt in powiats, "postal_code", steps
            )
        return current

    def _without_locality(
        self, parsed: _Parsed, keys: Sequence[str], ev: _Evidence
    ) -> PlaceResolution:
        """No SIMC locality has this name: a gmina of that name, a PNA-only locality, or a
        misspelt locality ("Przczyna", "Ostrowia Mazowiecka") close to one inside the postal
        code's area or the county — never a fuzzy match across the country."""
        gminas = self._gmina_candidates(parsed)
        if gminas:
            return self._gmina_level(parsed, ev.county, ev.woj)
        if ev.code is not None:
            wanted = set(keys)
            entries = [e for e in self._ix.postal.get(ev.code, []) if e.locality_key in wanted]
            gmina_codes = {e.gmina_teryt for e in entries if e.gmina_teryt}
            if len(gmina_codes) == 1:
                gmina = self._ix.gminas[gmina_codes.pop()]
                resolution = self._gmina_resolution(gmina, "postal_code")
                return replace(resolution, locality_name=entries[0].locality)
        area: list[Locality] = []
        if ev.code is not None:
            area = self._postal_area(ev.code)
        elif ev.county is not None:
            area = self._county_area(ev.county)
        similar = self._similar_in_area(parsed.tokens, area)
        if similar:
            steps: list[tuple[str, list[Locality]]] = []
            if ev.code is not None:
                similar = self._filter_by_postal_code(
                    similar, [fold_key(similar[0].name)], ev.code, steps
                )
            independent = [loc for loc in similar if loc.rank < 2] or similar
            if len({loc.gmina6 for loc in independent}) == 1:
                best = min(loc.rank for loc in independent)
                chosen = [loc for loc in independent if loc.rank == best]
                if len(chosen) == 1:
                    return self._locality_resolution(chosen[0], "similar_name")
            return self._ambiguous(
                [self._locality_candidate(loc) for loc in independent], "similar_name"
            )
        return PlaceResolution("unresolved", method="no_match")

    def _postal_area(self, code: str) -> list[Locality]:
        """Localities the postal code covers: named by its PNA rows or in one of its gminas."""
        entries = self._ix.postal.get(code, [])
        gminas = {e.gmina6 for e in entries if e.gmina6}
        simcs = {e.locality_simc for e in entries if e.locality_simc}
        if not gminas:
            powiats = {e.powiat_teryt for e in entries if e.powiat_teryt}
            return [loc for p in sorted(powiats) for loc in self._county_area(p)]
        found = [loc for g in sorted(gminas) for loc in self._by_gmina().get(g, [])]
        known = {loc.simc for loc in found}
        found += [self._ix.localities[self._ix.locality_by_simc[s]] for s in sorted(simcs)
                  if s not in known and s in self._ix.locality_by_simc]  # fmt: skip
        return found

    def _county_area(self, county: str) -> list[Locality]:
        return [loc for g, locs in self._by_gmina().items() if g[:4] == county for loc in locs]

    def _by_gmina(self) -> dict[str, list[Locality]]:
        if self._localities_by_gmina is None:
            index: dict[str, list[Locality]] = defaultdict(list)
            for loc in self._ix.localities:
                index[loc.gmina6].append(loc)
            self._localities_by_gmina = index
        return self._localities_by_gmina

    def _similar_in_area(self, tokens: Sequence[str], area: Sequence[Locality]) -> list[Locality]:
        """The localities of `area` whose name is closest to the text, if close enough: one
        or two letters wrong in a name of six letters or more."""
        query = " ".join(fold_key(t) for t in tokens)
        if len(query.replace(" ", "")) < _MIN_FUZZY_LENGTH or not area:
            return []
        scored: dict[str, float] = {}
        for loc in area:
            key = fold_key(loc.name)
            if key not in scored:
                scored[key] = fuzz.ratio(query, key)
        best = max(scored.values())
        if best < _MIN_FUZZY_SCORE:
            return []
        names = {key for key, score in scored.items() if score == best}
        if len(names) > 1:
            return []
        return [loc for loc in area if fold_key(loc.name) in names]

    def _powiat_level(self, parsed: _Parsed) -> PlaceResolution:
        found = self._powiat_candidates(parsed)
        if parsed.voivodeship_hint and (woj := self._voivodeship_code(parsed.voivodeship_hint)):
            found = [p for p in found if p.woj == woj]
        unique = {p.powiat_teryt: p for p in found}
        if len(unique) == 1:
            powiat = next(iter(unique.values()))
            return PlaceResolution(
                "resolved",
                powiat_teryt=powiat.powiat_teryt,
                powiat_name=powiat.name,
                voivodeship_teryt=powiat.woj,
                method="powiat_name",
            )
        if not unique:
            return PlaceResolution("unresolved", method="no_match")
        return self._ambiguous(
            [
                PlaceCandidate(None, None, None, None, None, p.powiat_teryt, p.name)
                for p in unique.values()
            ],
            "ambiguous_powiat",
        )

    def _from_postal_code(self, code: str) -> PlaceResolution:
        entries = self._ix.postal.get(code, [])
        if not entries:
            return PlaceResolution("unresolved", method="unknown_postal_code")
        gminas = {e.gmina_teryt for e in entries if e.gmina_teryt}
        if len(gminas) == 1 and all(e.gmina_teryt for e in entries):
            gmina = self._ix.gminas[gminas.pop()]
            resolution = self._gmina_resolution(gmina, "postal_code")
            simcs = {e.locality_simc for e in entries}
            if len(simcs) == 1 and None not in simcs:
                return replace(
                    resolution, locality_simc=entries[0].locality_simc,
                    locality_name=entries[0].locality,
                )  # fmt: skip
            return resolution
        candidates = []
        seen: set[tuple[str | None, str | None]] = set()
        for e in entries:
            if (e.gmina_teryt, e.powiat_teryt) in seen:
                continue
            seen.add((e.gmina_teryt, e.powiat_teryt))
            unit = self._ix.gminas.get(e.gmina_teryt or "")
            candidates.append(
                self._gmina_candidate(unit)
                if unit
                else PlaceCandidate(
                    None,
                    None,
                    None,
                    None,
                    None,
                    e.powiat_teryt,
                    self.powiat_name(e.powiat_teryt or ""),
                )  # fmt: skip
            )
        return self._ambiguous(candidates, "postal_code_spans_gminas")

    # --- results -------------------------------------------------------------------------------

    def _locality_resolution(self, loc: Locality, method: str) -> PlaceResolution:
        gmina = self._ix.gminas.get(loc.gmina_teryt or "") or self._ix.gmina_by6.get(loc.gmina6)
        return PlaceResolution(
            "resolved",
            locality_simc=loc.simc,
            locality_name=loc.name,
            gmina_teryt=gmina.gmina_teryt if gmina else None,
            gmina_name=gmina.name if gmina else None,
            gmina_kind=gmina.kind if gmina else None,
            powiat_teryt=loc.powiat_teryt,
            powiat_name=self.powiat_name(loc.powiat_teryt),
            voivodeship_teryt=loc.powiat_teryt[:2],
            method=method,
        )

    def _gmina_resolution(self, gmina: Gmina, method: str) -> PlaceResolution:
        return PlaceResolution(
            "resolved",
            gmina_teryt=gmina.gmina_teryt,
            gmina_name=gmina.name,
            gmina_kind=gmina.kind,
            powiat_teryt=gmina.powiat_teryt,
            powiat_name=self.powiat_name(gmina.powiat_teryt),
            voivodeship_teryt=gmina.powiat_teryt[:2],
            method=method,
        )

    def _locality_candidate(self, loc: Locality) -> PlaceCandidate:
        gmina = self._ix.gminas.get(loc.gmina_teryt or "")
        return PlaceCandidate(
            loc.simc,
            loc.name,
            loc.gmina_teryt,
            gmina.name if gmina else None,
            gmina.kind if gmina else None,
            loc.powiat_teryt,
            self.powiat_name(loc.powiat_teryt),
        )

    def _gmina_candidate(self, gmina: Gmina) -> PlaceCandidate:
        return PlaceCandidate(
            None,
            None,
            gmina.gmina_teryt,
            gmina.name,
            gmina.kind,
            gmina.powiat_teryt,
            self.powiat_name(gmina.powiat_teryt),
        )

    def _ambiguous(self, candidates: list[PlaceCandidate], method: str) -> PlaceResolution:
        ordered = sorted(
            set(candidates),
            key=lambda c: (c.powiat_teryt or "", c.gmina_teryt or "", c.locality_simc or ""),
        )

        def shared(values: Iterable[str | None]) -> str | None:
            distinct = set(values)
            return distinct.pop() if len(distinct) == 1 else None

        powiat = shared(c.powiat_teryt for c in ordered)
        gmina = shared(c.gmina_teryt for c in ordered)
        woj = shared((c.powiat_teryt or "")[:2] or None for c in ordered)
        return PlaceResolution(
            "ambiguous",
            gmina_teryt=gmina,
            gmina_name=shared(c.gmina_name for c in ordered) if gmina else None,
            gmina_kind=shared(c.gmina_kind for c in ordered) if gmina else None,
            powiat_teryt=powiat,
            powiat_name=self.powiat_name(powiat) if powiat else None,
            voivodeship_teryt=woj,
            method=method,
            candidates=tuple(ordered[:_MAX_CANDIDATES]),
            candidate_count=len(ordered),
        )

    def _valid_county(self, county: str | None) -> str | None:
        if county is None:
            return None
        county = county.strip()
        return county if county in self._ix.powiats else None

    def _hint_county(self, parsed: _Parsed) -> str | None:
        if parsed.powiat_hint is None:
            return None
        return self.resolve_powiat(parsed.powiat_hint, voivodeship=parsed.voivodeship_hint)

    # --- words -> names ------------------------------------------------------------------------

    def _localities_for(self, keys: Sequence[str]) -> list[Locality]:
        seen: dict[int, None] = {}
        for key in keys:
            for i in self._ix.locality_by_key.get(key, []):
                seen[i] = None
        return [self._ix.localities[i] for i in seen]

    def _name_keys(
        self, tokens: Sequence[str], *, exact_first: bool, expand: bool = False
    ) -> list[str]:
        """Folded name keys the tokens can stand for: the text itself when it is a known name
        and `exact_first`, otherwise every combination of the words' nominative readings."""
        if not tokens or len(tokens) > _MAX_TOKENS:
            return []
        exact = " ".join(fold_key(t) for t in tokens)
        if exact_first and self._is_name(exact):
            return [exact]
        per_token = []
        for token in tokens:
            options = self._token_keys(token, expand)
            if not options:
                return [exact] if self._is_name(exact) else []
            per_token.append(options)
        keys = []
        for combo in itertools.islice(itertools.product(*per_token), _MAX_COMBINATIONS):
            key = " ".join(combo)
            if self._is_name(key):
                keys.append(key)
        return keys

    def _is_locality_name(self, tokens: Sequence[str]) -> bool:
        return " ".join(fold_key(t) for t in tokens) in self._ix.locality_by_key

    def _is_name(self, key: str) -> bool:
        ix = self._ix
        return key in ix.locality_by_key or key in ix.gmina_by_key or key in ix.city_powiat_by_key

    def _token_keys(self, token: str, expand: bool = False) -> tuple[str, ...]:
        """The gazetteer words a token can stand for. `expand` also searches the words whose
        inflected forms match when Morfeusz already offered a reading (used when the reading
        contradicts a postal code or county: "w Niegowie" is Niegów to Morfeusz but
        Niegowa in gmina Niegowa, 42-320)."""
        cached = self._token_cache.get((token, expand))
        if cached is not None:
            return cached
        word = token.rstrip(".")
        folded = fold_key(word).replace(" ", "")
        vocabulary = self._ix.vocabulary
        keys: dict[str, None] = {}
        if folded in vocabulary:
            keys[folded] = None
        geographic = False
        adjective = False
        if word.isdigit():
            keys[word] = None
        else:
            for variant in dict.fromkeys((word, word.capitalize(), word.lower())):
                for reading in analyse_word(variant):
                    lemma_key = fold_key(reading.lemma).replace(" ", "")
                    adjective |= reading.tag.startswith("adj:")
                    if lemma_key in vocabulary:
                        keys[lemma_key] = None
                        geographic |= bool(_GEO_QUALIFIERS & set(reading.qualifiers))
        # ASCII-folded text ("Skarzysku") is unknown to Morfeusz: find the gazetteer words
        # whose own inflected forms fold to this word.
        # An adjective agrees with its noun, so its lemma (masculine) is rarely the gazetteer's
        # word: "w Skarżysku Kościelnym" is Skarżysko Kościelne, "w Białej Piskiej" Biała Piska.
        if not word.isdigit() and (
            expand or adjective or not keys or (fold(word) == word and not geographic)
        ):
            for candidate in self._words_inflecting_to(folded, guess=expand):
                keys[candidate] = None
        result = tuple(keys)[: _MAX_KEYS_PER_TOKEN * (2 if expand else 1)]
        if token.endswith(".") and len(word) <= _MAX_ABBREVIATION:
            result += tuple(k for k in self._words_abbreviated_as(folded) if k not in keys)
        self._token_cache[(token, expand)] = result
        return result

    def _words_abbreviated_as(self, folded: str) -> list[str]:
        """Gazetteer words an abbreviation can stand for: "maz" -> "mazowiecki", "mazowiecka",
        ...; which of them fits is left to the whole name."""
        prefix = _CONTRACTIONS.get(folded, folded)
        start = bisect.bisect_left(self._sorted_words, prefix)
        found: list[str] = []
        for word_key in itertools.islice(self._sorted_words, start, None):
            if not word_key.startswith(prefix) or len(found) >= _MAX_ABBREVIATION_KEYS:
                break
            found.append(word_key)
        return found

    def _words_inflecting_to(self, folded: str, *, guess: bool = False) -> list[str]:
        """Gazetteer words one of whose forms folds to `folded`; with `guess`, also by the
        usual endings where Morfeusz declines a name otherwise ("w Niegowie", not its
        "w Niegowej")."""
        if len(folded) < 3:
            return []
        prefix = folded[: max(2, len(folded) - 3)]
        start = bisect.bisect_left(self._sorted_words, prefix)
        found = []
        for word_key in itertools.islice(self._sorted_words, start, None):
            if not word_key.startswith(prefix):
                break
            if not len(folded) - 4 <= len(word_key) <= len(folded) + 1 or word_key == folded:
                continue
            if any(folded in self._folded_forms(w) for w in self._ix.vocabulary[word_key]) or (
                guess and folded in _guess_forms(word_key)
            ):
                found.append(word_key)
        return found

    def _folded_forms(self, word: str) -> frozenset[str]:
        cached = self._forms_cache.get(word)
        if cached is None:
            cached = frozenset(fold_key(form).replace(" ", "") for form in _inflect(word))
            self._forms_cache[word] = cached
        return cached


# --- module helpers ----------------------------------------------------------------------------


def _narrow(
    localities: list[Locality],
    keep: Callable[[Locality], bool],
    step: str,
    steps: list[tuple[str, list[Locality]]],
) -> list[Locality]:
    """Apply one piece of evidence; evidence that contradicts every candidate is ignored here
    (a postal code or an explicit voivodeship that contradicts every candidate is handled by
    the caller before this, by lowering the answer to 'ambiguous')."""
    kept = [loc for loc in localities if keep(loc)]
    if not kept or len(kept) == len(localities):
        return localities
    steps.append((step, kept))
    return kept


def _prefer_kind(gminas: list[Gmina], parsed: _Parsed) -> list[Gmina]:
    """Several gminas of one name in one place: what the office's title says it is.

    "Miasto Radomsko" is the town gmina; "Gmina Radomsko" the rural one around it; "Urząd
    Miasta i Gminy" and "Urząd Miejski" are used by miejsko-wiejska gminas too.
    """
    if len(gminas) < 2:
        return gminas
    order: tuple[str, ...]
    if parsed.urban_rural:
        order = ("miejsko-wiejska", "miejska", "wiejska")
    elif parsed.city_marker:
        order = ("miejska", "miejsko-wiejska")
    elif parsed.gmina_marker:
        order = ("wiejska", "miejsko-wiejska")
    else:
        return gminas
    by_powiat: dict[str, list[Gmina]] = defaultdict(list)
    for g in gminas:
        by_powiat[g.powiat_teryt].append(g)
    chosen: list[Gmina] = []
    for group in by_powiat.values():
        for kind in order:
            of_kind = [g for g in group if g.kind == kind]
            if of_kind:
                chosen.extend(of_kind)
                break
        else:
            chosen.extend(group)
    return chosen


def _normalise_postal_code(text: str | None) -> str | None:
    if not text:
        return None
    match = _POSTAL.search(text)
    return f"{match[1]}-{match[2]}" if match else None


def _parse(text: str) -> _Parsed:
    # decomposed input ("z" + combining dot) would split words at the mark
    text = normalise_space(unicodedata.normalize("NFC", text))
    postal = _POSTAL.search(text)
    code = f"{postal[1]}-{postal[2]}" if postal else None
    if postal:
        # an address line: "ul. Kościuszki 25c, 42-584 Dobieszowice" — the locality follows
        # the postal code
        before = _segments(text[: postal.start()])
        after = _segments(text[postal.end() :])
        segments = after[:1] + before + after[1:] if after else before
    else:
        segments = _segments(text)
    segments = [s for s in segments if not _STREET.match(s)] or segments
    if not segments:
        return _Parsed((), postal_code=code)
    main = _parse_segment(segments[0])
    gmina_hint = powiat_hint = voivodeship_hint = None
    flags = {"gmina_marker": False, "city_marker": False, "urban_rural": False,
             "powiat_marker": False}  # fmt: skip
    for segment in segments[1:]:
        extra = _parse_segment(segment)
        words = " ".join(extra.tokens)
        if extra.voivodeship_marker and words:
            voivodeship_hint = words
        elif extra.powiat_marker and words:
            powiat_hint = words
        elif extra.gmina_marker and words:
            gmina_hint = segment
        elif not words:
            # "Radomsko (gmina wiejska)": the bracket only says what kind of unit it is
            for name in flags:
                flags[name] = flags[name] or bool(getattr(extra, name))
        elif voivodeship_hint is None and fold_key(words).endswith("skie"):
            voivodeship_hint = words
    return replace(
        main,
        postal_code=code,
        gmina_hint=gmina_hint,
        powiat_hint=powiat_hint,
        voivodeship_hint=voivodeship_hint,
        gmina_marker=main.gmina_marker or flags["gmina_marker"],
        city_marker=main.city_marker or flags["city_marker"],
        urban_rural=main.urban_rural or flags["urban_rural"],
        powiat_marker=main.powiat_marker or flags["powiat_marker"],
    )


def _before_dash(text: str) -> str | None:
    """The part before a spaced dash, when there is one."""
    parts = _SPACED_DASH.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    return parts[0].strip() or None


def _without_house_number(tokens: Sequence[str]) -> tuple[str, ...]:
    """The tokens without trailing house numbers, or () when there are none to drop."""
    kept = list(tokens)
    while kept and _HOUSE_NUMBER.match(kept[-1].rstrip(".")):
        kept.pop()
    return tuple(kept) if kept and len(kept) < len(tokens) else ()


def _street_village(street: str | None) -> str | None:
    """The locality a street field names when it is "village + house number" ("Szklary
    Górne 51c", "Stare Lubiejewo, ul. Klonowa 4"); None for a street ("ul. Pałacowa 1",
    "Korczaka 5" is read as a street only later, when no such village is in the code's area)."""
    if not street:
        return None
    text = normalise_space(unicodedata.normalize("NFC", street))
    if _STREET.match(text):
        return None
    head = _SEGMENTS.split(text, maxsplit=1)[0].strip()
    if _STREET.match(head) or not head[:1].isalpha():
        return None
    number = _STREET_NUMBER.search(head)
    name = head[: number.start()] if number else head
    if number is None and head == text:
        return None  # a bare word with no house number and nothing after it
    name = name.strip(" .,")
    return name if name and not any(ch.isdigit() for ch in name) else None


def _segments(text: str) -> list[str]:
    return [s.strip() for s in _SEGMENTS.split(text) if s.strip()]


def _parse_segment(segment: str) -> _Parsed:
    # "m.st.Warszawa" / "m.st. Warszawy" come out as "m." "st." "Warszawa"
    tokens = [m.group(0) for m in _TOKEN.finditer(segment)]
    markers = {"gmina": False, "city": False, "urban_rural": False, "powiat": False,
               "voivodeship": False, "preposition": False}  # fmt: skip
    i = 0
    while i < len(tokens) - 1 or (i < len(tokens) and _is_pure_marker(tokens[i])):
        word = fold(tokens[i]).lower()
        if word in _PREPOSITIONS:
            markers["preposition"] = True
        elif word in _GMINA_WORDS:
            markers["gmina"] = True
        elif word in _CITY_WORDS:
            markers["city"] = True
        elif word in _POWIAT_WORDS:
            markers["powiat"] = True
        elif word in _VOIVODESHIP_WORDS:
            markers["voivodeship"] = True
        elif word in _CAPITAL_WORDS or word in _OFFICE_WORDS:
            pass
        elif word == "i" and (markers["city"] or markers["gmina"]):
            markers["urban_rural"] = True
        else:
            break
        i += 1
    # a short word with a full stop is an abbreviation ("Maz.", "Wlkp.", "n."); a long one
    # ends a sentence
    names = tuple(
        t if t.endswith(".") and len(t) <= _MAX_ABBREVIATION + 1 else t.rstrip(".")
        for t in tokens[i:]
        if t.rstrip(".")
    )
    # "Ośrodek Pomocy Społecznej w Bliżynie": if the whole is no place, the words after the
    # last "w" may be
    folded = [fold(t).lower() for t in names]
    cut = max((k for k, w in enumerate(folded) if w in {"w", "we"} and k > 0), default=None)
    tail = names[cut + 1 :] if cut is not None else ()
    return _Parsed(
        names,
        had_preposition=markers["preposition"],
        gmina_marker=markers["gmina"],
        city_marker=markers["city"],
        urban_rural=markers["urban_rural"],
        powiat_marker=markers["powiat"],
        voivodeship_marker=markers["voivodeship"],
        tail=tail,
        raw_tokens=tuple(t.rstrip(".") for t in tokens if t.rstrip(".")),
    )


def _is_pure_marker(token: str) -> bool:
    """A lone last token that is only an administrative word ("(gmina)", "(miasto)")."""
    word = fold(token).lower()
    return word in _GMINA_WORDS | _CITY_WORDS | _POWIAT_WORDS | _VOIVODESHIP_WORDS


def _inflect(word: str) -> list[str]:
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
        out.extend(_guess_forms(fold_key(word)))
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


def _guess_forms(folded: str) -> set[str]:
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


def _sql_fold_key(column: str) -> str:
    """`transforms.text.fold_key` in DuckDB SQL, for names written in Polish letters only.

    Folding ~100k SIMC names in Python costs seconds; in SQL, a fraction. Names with any other
    character give NULL and are folded in Python, so both ways always agree.
    """
    c = f'"{column}"'
    return (
        f"CASE WHEN regexp_full_match({c}, '{_SQL_SAFE_NAME}') THEN trim(regexp_replace("
        f"lower(strip_accents(translate({c}, 'łŁ', 'lL'))), '[^0-9a-z]+', ' ', 'g')) END"
    )


def _adjective_forms(name: str) -> set[str]:
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
