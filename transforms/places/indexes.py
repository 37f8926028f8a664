"""The in-memory indexes of a gazetteer, built from `GazetteerRows`, and the word lookups on them.

`Indexes.build(rows)` turns the plain rows into dictionaries keyed by code and by folded name;
`name_keys(tokens)` turns the words of a text into the folded names of the gazetteer they can
stand for: the word itself, Morfeusz's lemmas, and — for folded words Morfeusz cannot read —
the gazetteer words one of whose generated forms folds to it (generated lazily, per word, and
cached, so building a national gazetteer stays a matter of seconds). Indexes that only some
questions need (every form of the powiats' adjectives, the localities of each gmina) are built
on first use.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Sequence

from transforms.morphology import analyse_word
from transforms.places.inflection import adjective_forms, guess_forms, word_forms
from transforms.places.parsing import MAX_ABBREVIATION
from transforms.places.units import GazetteerRows, Gmina, Locality, PostalEntry, Powiat
from transforms.text import fold, fold_key

_MAX_TOKENS = 7
_MAX_KEYS_PER_TOKEN = 8
_MAX_COMBINATIONS = 256
_MAX_ABBREVIATION_KEYS = 64
# Contractions that are not prefixes of the word they stand for.
_CONTRACTIONS = {"wlkp": "wielkopolsk", "n": "nad", "gd": "gdansk"}
_GEO_QUALIFIERS = frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"})


class Indexes:
    """Localities, gminas, powiats, voivodeships and postal codes by code and by folded name."""

    def __init__(self) -> None:
        self.localities: list[Locality] = []
        self.locality_by_simc: dict[str, int] = {}
        self.locality_by_key: dict[str, list[int]] = defaultdict(list)
        self.gminas: dict[str, Gmina] = {}
        self.gmina_by6: dict[str, Gmina] = {}
        self.gmina_by_key: dict[str, list[Gmina]] = defaultdict(list)
        self.powiats: dict[str, Powiat] = {}
        self.city_powiat_by_key: dict[str, list[Powiat]] = defaultdict(list)
        # a city with county rights -> its one urban gmina (`Gazetteer.city_gmina`)
        self.city_gmina: dict[str, Gmina] = {}
        self.voivodeships: dict[str, str] = {}
        self.postal: dict[str, list[PostalEntry]] = defaultdict(list)
        self.vocabulary: dict[str, set[str]] = defaultdict(set)
        self._sorted_words: list[str] = []
        self._forms_cache: dict[str, frozenset[str]] = {}
        self._token_cache: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._powiat_forms: dict[str, list[Powiat]] | None = None
        self._voivodeship_forms: dict[str, str] | None = None
        self._localities_by_gmina: dict[str, list[Locality]] | None = None
        self._districts_by_gmina: dict[str, frozenset[str]] | None = None

    @classmethod
    def build(cls, rows: GazetteerRows) -> Indexes:
        """Index the rows; fold keys the reader did not compute are folded here."""
        ix = cls()
        for woj, name in rows.voivodeships:
            ix.voivodeships[woj] = name
        for powiat in rows.powiats:
            ix.powiats[powiat.powiat_teryt] = powiat
        for gmina in rows.gminas:
            ix.gminas[gmina.gmina_teryt] = gmina
            ix.gmina_by6[gmina.gmina6] = gmina
            ix.gmina_by_key[fold_key(gmina.name)].append(gmina)
        for locality, key in rows.localities:
            ix.locality_by_key[key or fold_key(locality.name)].append(len(ix.localities))
            ix.locality_by_simc[locality.simc] = len(ix.localities)
            ix.localities.append(locality)
        for row in rows.postal_codes:
            ix.postal[row.postal_code].append(
                PostalEntry(
                    row.locality_key or fold_key(row.locality),
                    row.locality,
                    row.locality_simc,
                    row.gmina_teryt,
                    row.gmina6,
                    row.powiat_teryt,
                )  # fmt: skip
            )
        for word, key in rows.words:
            ix.vocabulary[key or fold_key(word)].add(word)
        urban: dict[str, list[Gmina]] = defaultdict(list)
        for gmina in ix.gminas.values():
            if gmina.kind == "miejska":
                urban[gmina.powiat_teryt].append(gmina)
        for powiat in ix.powiats.values():
            if powiat.is_city:
                ix.city_powiat_by_key[fold_key(powiat.name)].append(powiat)
                if len(urban[powiat.powiat_teryt]) == 1:
                    ix.city_gmina[powiat.powiat_teryt] = urban[powiat.powiat_teryt][0]
        ix._sorted_words = sorted(ix.vocabulary)
        return ix

    # --- by code -------------------------------------------------------------------------------

    def powiat_name(self, powiat_teryt: str) -> str | None:
        powiat = self.powiats.get(powiat_teryt)
        return powiat.name if powiat else None

    def gmina(self, code: str) -> Gmina | None:
        """A gmina by its 7-character TERYT or its 6-digit WOJ+POW+GMI."""
        return self.gminas.get(code) if len(code) == 7 else self.gmina_by6.get(code)

    def locality(self, simc: str) -> Locality | None:
        i = self.locality_by_simc.get(simc)
        return None if i is None else self.localities[i]

    def valid_county(self, county: str | None) -> str | None:
        if county is None:
            return None
        county = county.strip()
        return county if county in self.powiats else None

    # --- areas ---------------------------------------------------------------------------------

    def postal_area(self, code: str) -> list[Locality]:
        """Localities the postal code covers: named by its PNA rows or in one of its gminas."""
        entries = self.postal.get(code, [])
        gminas = {e.gmina6 for e in entries if e.gmina6}
        simcs = {e.locality_simc for e in entries if e.locality_simc}
        if not gminas:
            powiats = {e.powiat_teryt for e in entries if e.powiat_teryt}
            return [loc for p in sorted(powiats) for loc in self.county_area(p)]
        found = [loc for g in sorted(gminas) for loc in self.by_gmina().get(g, [])]
        known = {loc.simc for loc in found}
        found += [self.localities[self.locality_by_simc[s]] for s in sorted(simcs)
                  if s not in known and s in self.locality_by_simc]  # fmt: skip
        return found

    def county_area(self, county: str) -> list[Locality]:
        return [loc for g, locs in self.by_gmina().items() if g[:4] == county for loc in locs]

    def by_gmina(self) -> dict[str, list[Locality]]:
        if self._localities_by_gmina is None:
            index: dict[str, list[Locality]] = defaultdict(list)
            for loc in self.localities:
                index[loc.gmina6].append(loc)
            self._localities_by_gmina = index
        return self._localities_by_gmina

    def postal_districts(self, gmina6: str) -> frozenset[str]:
        """The postal districts (first digits of the PNA codes) serving a gmina: "2" for
        Puławy (24-100), "3" for Rymanów (38-480)."""
        if self._districts_by_gmina is None:
            index: dict[str, set[str]] = defaultdict(set)
            for code, entries in self.postal.items():
                for entry in entries:
                    if entry.gmina6:
                        index[entry.gmina6].add(code[:1])
            self._districts_by_gmina = {g: frozenset(d) for g, d in index.items()}
        return self._districts_by_gmina.get(gmina6, frozenset())

    # --- forms of the units' adjectives --------------------------------------------------------

    def powiat_by_form(self) -> dict[str, list[Powiat]]:
        """Every case of every land powiat's adjective ("piskiego", "skarzyskim"), built on
        first use (a few hundred Morfeusz calls)."""
        if self._powiat_forms is None:
            forms: dict[str, list[Powiat]] = defaultdict(list)
            for powiat in self.powiats.values():
                if not powiat.is_city:
                    for form in adjective_forms(powiat.name):
                        forms[form].append(powiat)
            self._powiat_forms = forms
        return self._powiat_forms

    def voivodeship_by_form(self) -> dict[str, str]:
        if self._voivodeship_forms is None:
            forms: dict[str, str] = {}
            for woj, name in self.voivodeships.items():
                for form in adjective_forms(name):
                    forms.setdefault(form, woj)
            self._voivodeship_forms = forms
        return self._voivodeship_forms

    # --- words -> names ------------------------------------------------------------------------

    def localities_for(self, keys: Sequence[str]) -> list[Locality]:
        """The localities bearing any of these folded names, each once, in index order."""
        seen: dict[int, None] = {}
        for key in keys:
            for i in self.locality_by_key.get(key, []):
                seen[i] = None
        return [self.localities[i] for i in seen]

    def name_keys(
        self, tokens: Sequence[str], *, exact_first: bool, expand: bool = False
    ) -> list[str]:
        """Folded name keys the tokens can stand for: the text itself when it is a known name
        and `exact_first`, otherwise every combination of the words' nominative readings."""
        if not tokens or len(tokens) > _MAX_TOKENS:
            return []
        exact = " ".join(fold_key(t) for t in tokens)
        if exact_first and self.is_name(exact):
            return [exact]
        per_token = []
        for token in tokens:
            options = self._token_keys(token, expand)
            if not options:
                return [exact] if self.is_name(exact) else []
            per_token.append(options)
        keys = []
        for combo in itertools.islice(itertools.product(*per_token), _MAX_COMBINATIONS):
            key = " ".join(combo)
            if self.is_name(key):
                keys.append(key)
        return keys

    def stem_keys(self, tokens: Sequence[str]) -> list[str]:
        """Folded keys the tokens can stand for as the first words of a longer name ("w
        Kurowie" -> "kurowo", for Kurowo-Kolonia): `name_keys` without asking that the key
        itself be a name."""
        if not tokens or len(tokens) > _MAX_TOKENS:
            return []
        per_token = [self._token_keys(token) for token in tokens]
        if not all(per_token):
            return []
        combos = itertools.islice(itertools.product(*per_token), _MAX_COMBINATIONS)
        return [" ".join(combo) for combo in combos]

    def is_locality_name(self, tokens: Sequence[str]) -> bool:
        return " ".join(fold_key(t) for t in tokens) in self.locality_by_key

    def is_name(self, key: str) -> bool:
        return (
            key in self.locality_by_key or key in self.gmina_by_key
            or key in self.city_powiat_by_key
        )  # fmt: skip

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
        vocabulary = self.vocabulary
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
        if token.endswith(".") and len(word) <= MAX_ABBREVIATION:
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
            if any(folded in self._folded_forms(w) for w in self.vocabulary[word_key]) or (
                guess and folded in guess_forms(word_key)
            ):
                found.append(word_key)
        return found

    def _folded_forms(self, word: str) -> frozenset[str]:
        cached = self._forms_cache.get(word)
        if cached is None:
            cached = frozenset(fold_key(form).replace(" ", "") for form in word_forms(word))
            self._forms_cache[word] = cached
        return cached
