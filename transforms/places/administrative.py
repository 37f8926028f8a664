"""Which powiat or gmina a text names: "Powiatu Piskiego", "m. Kraków", "Urząd Miasta i Gminy
Suchedniów", "Miasto Radomsko" (the town gmina) vs "Gmina Radomsko" (the rural one).

Land powiats are found by every case of their adjective, cities with county rights and gminas
by their names; namesakes are narrowed by a county or voivodeship and by what the office's
title says the unit is (`prefer_kind`).
"""

from __future__ import annotations

from collections import defaultdict

from transforms.places.indexes import Indexes
from transforms.places.parsing import ParsedPlace, parse_place
from transforms.places.results import ambiguous, gmina_candidate, gmina_resolution
from transforms.places.units import SELF_GOVERNING, Gmina, PlaceCandidate, PlaceResolution, Powiat
from transforms.text import fold_key


class UnitResolver:
    """Answers for the administrative units: powiats, gminas and voivodeships."""

    def __init__(self, indexes: Indexes) -> None:
        self._ix = indexes

    def resolve_powiat(self, text: str, *, voivodeship: str | None = None) -> str | None:
        """The 4-digit TERYT of the powiat `text` names, or None: `Gazetteer.resolve_powiat`."""
        found = self._powiat_candidates(parse_place(text))
        woj = self.voivodeship_code(voivodeship) if voivodeship else None
        if woj is None and (hint := parse_place(text).voivodeship_hint):
            woj = self.voivodeship_code(hint)
        if woj is not None:
            found = [p for p in found if p.woj == woj]
        codes = {p.powiat_teryt for p in found}
        return codes.pop() if len(codes) == 1 else None

    def _powiat_candidates(self, parsed: ParsedPlace) -> list[Powiat]:
        if not parsed.tokens:
            return []
        found: list[Powiat] = []
        if not parsed.city_marker:
            found = list(self._ix.powiat_by_form().get(fold_key(" ".join(parsed.tokens)), []))
        if not found:
            for key in self._ix.name_keys(parsed.tokens, exact_first=not parsed.had_preposition):
                found.extend(self._ix.city_powiat_by_key.get(key, []))
                if found:
                    break
        return found

    def voivodeship_code(self, text: str) -> str | None:
        """The 2-digit WOJ of a voivodeship given by code or name ("śląskie", "woj. śląskiego")."""
        text = text.strip()
        if text in self._ix.voivodeships:
            return text
        words = [w for w in fold_key(text).split() if w not in {"woj", "wojewodztwo"}]
        return self._ix.voivodeship_by_form().get(" ".join(words))

    def powiat_level(self, parsed: ParsedPlace) -> PlaceResolution:
        """A text that names a powiat ("powiat radomszczański") answered at that level."""
        found = self._powiat_candidates(parsed)
        if parsed.voivodeship_hint and (woj := self.voivodeship_code(parsed.voivodeship_hint)):
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
        return ambiguous(
            self._ix,
            [
                PlaceCandidate(None, None, None, None, None, p.powiat_teryt, p.name)
                for p in unique.values()
            ],
            "ambiguous_powiat",
        )

    def resolve_gmina(self, text: str, county: str | None = None) -> PlaceResolution:
        """The gmina `text` names: `Gazetteer.resolve_gmina`."""
        parsed = parse_place(text)
        return self.gmina_level(parsed, self._ix.valid_county(county) or self.hint_county(parsed))

    def gmina_level(
        self, parsed: ParsedPlace, county: str | None, woj: str | None = None
    ) -> PlaceResolution:
        """A text that names a gmina answered at that level, namesakes narrowed by the county,
        the voivodeship and the kind the text's words say."""
        if not parsed.tokens:
            return PlaceResolution("unresolved", method="empty")
        gminas = self.gmina_candidates(parsed)
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
        gminas = prefer_kind(gminas, parsed)
        if len(gminas) == 1:
            return gmina_resolution(self._ix, gminas[0], method)
        return ambiguous(
            self._ix, [gmina_candidate(self._ix, g) for g in gminas], "ambiguous_gmina"
        )

    def gmina_candidates(self, parsed: ParsedPlace) -> list[Gmina]:
        """The gminas of the first name the words can stand for (self-governing ones first)."""
        for key in self._ix.name_keys(parsed.tokens, exact_first=not parsed.had_preposition):
            found = self._ix.gmina_by_key.get(key, [])
            governing = [g for g in found if g.kind in SELF_GOVERNING]
            if governing or found:
                return governing or list(found)
        return []

    def hint_county(self, parsed: ParsedPlace) -> str | None:
        """The powiat a segment of the text names ("Olsztyn, powiat olsztyński"), if any."""
        if parsed.powiat_hint is None:
            return None
        return self.resolve_powiat(parsed.powiat_hint, voivodeship=parsed.voivodeship_hint)


def prefer_kind(gminas: list[Gmina], parsed: ParsedPlace) -> list[Gmina]:
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
