"""Which locality a place text means: "w Skarżysku-Kamiennej", "Olsztyn" with a postal code,
"SKARZYSKO KOSCIELNE", "Kraków - Łagiewniki", "Dębice 29".

The words' readings give the localities of those names; the evidence the record carries
(postal code, county, voivodeship, gmina hint) narrows them, one step at a time. Namesakes
are settled only by evidence — otherwise the answer is 'ambiguous' with its candidates: a town
beats namesake villages only inside one gmina (or one powiat a postal code has confirmed),
independent localities beat parts of others, and evidence that contradicts every reading (a
postal code of another powiat) gives 'ambiguous' too. A name no locality bears may be a gmina,
a locality PNA alone lists, or a misspelling close to a locality of the code's area.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from transforms.morphology import analyse_word
from transforms.places.administrative import UnitResolver
from transforms.places.indexes import Indexes
from transforms.places.parsing import (
    ParsedPlace,
    before_dash,
    parse_place,
    postal_code_of,
    without_house_number,
)
from transforms.places.results import (
    ambiguous,
    gmina_candidate,
    gmina_resolution,
    locality_candidate,
    locality_resolution,
    narrow,
)
from transforms.places.units import (
    TOWN_KIND,
    VILLAGE_KIND,
    Locality,
    PlaceCandidate,
    PlaceResolution,
)
from transforms.text import fold_key

# Fuzzy matching, only ever inside a postal code's area or a county: a name of at least six
# letters, ratio >= 85 (two letters wrong in "Przczyna"/"Pszczyna", one in "Starogard").
_MIN_FUZZY_LENGTH = 6
_MIN_FUZZY_SCORE = 85.0


@dataclass(frozen=True, slots=True)
class Evidence:
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


class LocalityResolver:
    """Answers "which locality, gmina and powiat does this place text mean"."""

    def __init__(self, indexes: Indexes, units: UnitResolver) -> None:
        self._ix = indexes
        self._units = units

    def resolve_place(
        self,
        text: str,
        *,
        postal_code: str | None = None,
        county: str | None = None,
        gmina_hint: str | None = None,
        voivodeship: str | None = None,
    ) -> PlaceResolution:
        """Which locality / gmina / powiat a place text means: `Gazetteer.resolve_place`."""
        parsed = parse_place(text)
        code = postal_code_of(postal_code) or parsed.postal_code
        evidence = self._evidence(parsed, code, county, voivodeship, gmina_hint)
        if parsed.raw_tokens != parsed.tokens and self._ix.is_locality_name(parsed.raw_tokens):
            # "Miejska Górka", "Koło", "Na Brańskiej": names that begin like a title
            parsed = ParsedPlace(parsed.raw_tokens, postal_code=parsed.postal_code)
        if parsed.powiat_marker and parsed.tokens:
            powiat_level = self._units.powiat_level(parsed)
            # "Starostwo Powiatowe w Piszu" names the seat, not the powiat
            if powiat_level.status != "unresolved" or not parsed.had_preposition:
                return powiat_level
        elif parsed.tokens and (parsed.gmina_marker or (parsed.urban_rural and parsed.city_marker)):
            return self._units.gmina_level(parsed, evidence.county, evidence.woj)
        if not parsed.tokens:
            if code is not None:
                return self._from_postal_code(code)
            return PlaceResolution("unresolved", method="empty")
        resolution = self._locality_level(parsed, evidence)
        if resolution.status == "unresolved" and (dashed := before_dash(text)) is not None:
            # "Kraków - Łagiewniki": a town and its district or estate
            return self.resolve_place(
                dashed, postal_code=code, county=county, gmina_hint=gmina_hint,
                voivodeship=voivodeship,
            )  # fmt: skip
        return resolution

    def _evidence(
        self,
        parsed: ParsedPlace,
        code: str | None,
        county: str | None,
        voivodeship: str | None,
        gmina_hint: str | None,
    ) -> Evidence:
        woj: str | None = None
        strict = False
        county = county.strip() if county else None
        if county and len(county) == 2 and county in self._ix.voivodeships:
            # a voivodeship's list ("12"): every record lies in that voivodeship
            woj, strict, county = county, True, None
        county = self._ix.valid_county(county) or self._units.hint_county(parsed)
        named_woj = voivodeship or parsed.voivodeship_hint
        if named_woj and (named := self._units.voivodeship_code(named_woj)):
            woj, strict = named, True
        if woj is None and county is not None:
            woj = county[:2]
        return Evidence(code, county, woj, strict, gmina_hint or parsed.gmina_hint)

    def _locality_level(self, parsed: ParsedPlace, ev: Evidence) -> PlaceResolution:
        keys = self._ix.name_keys(parsed.tokens, exact_first=not parsed.had_preposition)
        localities = self._ix.localities_for(keys)
        if not localities and parsed.tail:
            tail = replace(parsed, tokens=parsed.tail, tail=(), had_preposition=True)
            return self._locality_level(tail, ev)
        if not localities and (trimmed := without_house_number(parsed.tokens)):
            # "Dębice 29" (a house number), "Lublin 62" (a post office's number)
            return self._locality_level(replace(parsed, tokens=trimmed, tail=()), ev)
        if not localities:
            return self._without_locality(parsed, keys, ev)
        localities = self._spelt_as_written(parsed.tokens, localities)

        if ev.code is not None or ev.county is not None or ev.strict_woj:
            # evidence that fits none of the readings: look for rarer readings that fit it
            if not any(self._fits(loc, ev) for loc in localities):
                wider_keys = self._ix.name_keys(parsed.tokens, exact_first=False, expand=True)
                wider = self._ix.localities_for(wider_keys)
                if any(self._fits(loc, ev) for loc in wider):
                    keys, localities = wider_keys, wider
                elif ev.county is not None and (
                    found := self._longer_name_in_one_gmina(
                        parsed.tokens, self._ix.county_area(ev.county)
                    )
                ):
                    return found

        steps: list[tuple[str, list[Locality]]] = []
        current = localities
        confirmed_by_code = False
        if ev.code is not None and self._ix.postal.get(ev.code):
            if not any(self.fits_postal_code(loc, ev.code) for loc in current):
                return self._postal_code_contradicts(parsed, current, ev)
            current = self._filter_by_postal_code(current, keys, ev.code, steps)
            confirmed_by_code = True
        if ev.county is not None:
            county = ev.county
            in_county = narrow(current, lambda loc: loc.powiat_teryt == county, "county", steps)
            if in_county is current and not any(loc.powiat_teryt == county for loc in current):
                # a county's source naming a town of its voivodeship outside the county: the
                # courts, hospitals and city offices in the city with county rights nearby
                towns = [loc for loc in current
                         if loc.kind_code == TOWN_KIND and loc.powiat_teryt[:2] == county[:2]]  # fmt: skip
                if len(towns) == 1:
                    steps.append(("county_voivodeship_town", towns))
                    in_county = towns
            current = in_county
        if ev.woj is not None and ev.strict_woj:
            woj = ev.woj
            if not any(loc.powiat_teryt[:2] == woj for loc in current):
                return self._outside_voivodeship(parsed, current, ev)
            current = narrow(current, lambda loc: loc.powiat_teryt[:2] == woj, "voivodeship", steps)
        if ev.hint:
            hinted = self._units.resolve_gmina(ev.hint, ev.county)
            allowed = {c.gmina_teryt for c in hinted.candidates} | {hinted.gmina_teryt}
            six = {g[:6] for g in allowed if g}
            current = narrow(current, lambda loc: loc.gmina6 in six, "gmina_hint", steps)
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
                villages = [loc for loc in preferred if loc.kind_code == VILLAGE_KIND]
                if villages and len(villages) < len(preferred):
                    preferred = villages
                    steps.append(("village", preferred))
            current = preferred
        if len(current) == 1:
            method = next((m for m, group in steps if len(group) == 1), "unique_name")
            return locality_resolution(self._ix, current[0], method)
        return ambiguous(
            self._ix, [locality_candidate(self._ix, loc) for loc in current], "namesakes"
        )

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

    def _fits(self, loc: Locality, ev: Evidence) -> bool:
        return (
            self.fits_postal_code(loc, ev.code)
            and (ev.county is None or loc.powiat_teryt == ev.county)
            and (not ev.strict_woj or loc.powiat_teryt[:2] == ev.woj)
        )

    def _postal_code_contradicts(
        self, parsed: ParsedPlace, readings: list[Locality], ev: Evidence
    ) -> PlaceResolution:
        """The text names places the postal code lies far from ("Starogard" + 73-110, a typo
        for Stargard; "Pisz" + 11-200, a typo in the code). Either may be wrong: the answer is
        'ambiguous', with the text's readings and what the code points at (a locality of a
        similar name inside the code's area, else the code's gminas)."""
        assert ev.code is not None
        candidates = [locality_candidate(self._ix, loc) for loc in readings]
        similar = self.similar_in_area(parsed.tokens, self._ix.postal_area(ev.code))
        if similar:
            candidates += [locality_candidate(self._ix, loc) for loc in similar]
        else:
            gminas = {e.gmina_teryt for e in self._ix.postal.get(ev.code, []) if e.gmina_teryt}
            candidates += [gmina_candidate(self._ix, self._ix.gminas[g]) for g in sorted(gminas)]
        return ambiguous(self._ix, candidates, "postal_code_contradicts")

    def _outside_voivodeship(
        self, parsed: ParsedPlace, readings: list[Locality], ev: Evidence
    ) -> PlaceResolution:
        """A voivodeship's list names a locality found only elsewhere: "GOPS Iwanowice" in the
        małopolskie list is gmina Iwanowice (its seat is Iwanowice Włościańskie), not the
        village Iwanowice in wielkopolskie. A gmina of that name inside the voivodeship
        answers; otherwise nothing is guessed."""
        level = self._units.gmina_level(parsed, ev.county, ev.woj)
        if level.status == "resolved" and (level.powiat_teryt or "")[:2] == ev.woj:
            return replace(level, method="voivodeship")
        return ambiguous(
            self._ix,
            [locality_candidate(self._ix, loc) for loc in readings],
            "voivodeship_contradicts",
        )

    def fits_postal_code(self, loc: Locality, code: str | None) -> bool:
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
        current = narrow(localities, lambda loc: loc.gmina6 in named, "postal_code", steps)
        # "Ełk, 19-300": PNA names the town but gives it no gmina (its gmina name fits both the
        # town and the rural gmina around it); the villages sharing the code are all rural, so
        # "any gmina of the code" would move the town into the rural gmina.
        town_without_gmina = any(e.gmina6 is None for e in named_entries)
        if current is localities and not town_without_gmina:
            anywhere = {e.gmina6 for e in entries if e.gmina6}
            current = narrow(localities, lambda loc: loc.gmina6 in anywhere, "postal_code", steps)
        if current is localities:
            powiats = {e.powiat_teryt for e in entries if e.powiat_teryt}
            current = narrow(
                localities, lambda loc: loc.powiat_teryt in powiats, "postal_code", steps
            )
        return current

    def _without_locality(
        self, parsed: ParsedPlace, keys: Sequence[str], ev: Evidence
    ) -> PlaceResolution:
        """No SIMC locality has this name: a gmina of that name, a PNA-only locality, or a
        misspelt locality ("Przczyna", "Ostrowia Mazowiecka") close to one inside the postal
        code's area or the county — never a fuzzy match across the country."""
        gminas = self._units.gmina_candidates(parsed)
        if gminas:
            return self._units.gmina_level(parsed, ev.county, ev.woj)
        if ev.code is not None:
            wanted = set(keys)
            entries = [e for e in self._ix.postal.get(ev.code, []) if e.locality_key in wanted]
            gmina_codes = {e.gmina_teryt for e in entries if e.gmina_teryt}
            if len(gmina_codes) == 1:
                gmina = self._ix.gminas[gmina_codes.pop()]
                resolution = gmina_resolution(self._ix, gmina, "postal_code")
                return replace(resolution, locality_name=entries[0].locality)
        area: list[Locality] = []
        if ev.code is not None:
            area = self._ix.postal_area(ev.code)
        elif ev.county is not None:
            area = self._ix.county_area(ev.county)
        if found := self._longer_name_in_one_gmina(parsed.tokens, area):
            return found
        similar = self.similar_in_area(parsed.tokens, area)
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
                    return locality_resolution(self._ix, chosen[0], "similar_name")
            return ambiguous(
                self._ix, [locality_candidate(self._ix, loc) for loc in independent], "similar_name"
            )
        return PlaceResolution("unresolved", method="no_match")

    def _longer_name_in_one_gmina(
        self, tokens: Sequence[str], area: Sequence[Locality]
    ) -> PlaceResolution | None:
        """The gmina of the area's localities whose names begin with the text's name and go
        on, when they all lie in that one gmina: "w Kurowie" where SIMC lists only
        Kurowo-Kolonia and Kurowo-Parcele. The locality stays unknown; localities of the name
        in more than one gmina answer nothing."""
        stems = self._ix.stem_keys(tokens)
        if not stems or not area:
            return None
        longer = [
            loc for loc in area
            if loc.rank < 2 and any(fold_key(loc.name).startswith(stem + " ") for stem in stems)
        ]  # fmt: skip
        if len({loc.gmina6 for loc in longer}) != 1:
            return None
        # the rural or the town part of an urban-rural gmina when they agree on it
        parts = {loc.gmina_teryt for loc in longer}
        part = parts.pop() if len(parts) == 1 else None
        gmina = self._ix.gminas.get(part or "") or self._ix.gmina_by6.get(longer[0].gmina6)
        return gmina_resolution(self._ix, gmina, "longer_name") if gmina else None

    def similar_in_area(self, tokens: Sequence[str], area: Sequence[Locality]) -> list[Locality]:
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

    def _from_postal_code(self, code: str) -> PlaceResolution:
        entries = self._ix.postal.get(code, [])
        if not entries:
            return PlaceResolution("unresolved", method="unknown_postal_code")
        gminas = {e.gmina_teryt for e in entries if e.gmina_teryt}
        if len(gminas) == 1 and all(e.gmina_teryt for e in entries):
            gmina = self._ix.gminas[gminas.pop()]
            resolution = gmina_resolution(self._ix, gmina, "postal_code")
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
                gmina_candidate(self._ix, unit)
                if unit
                else PlaceCandidate(
                    None,
                    None,
                    None,
                    None,
                    None,
                    e.powiat_teryt,
                    self._ix.powiat_name(e.powiat_teryt or ""),
                )  # fmt: skip
            )
        return ambiguous(self._ix, candidates, "postal_code_spans_gminas")
