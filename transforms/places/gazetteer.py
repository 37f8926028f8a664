"""`Gazetteer`: the one object callers hold, answering every place question of the package.

It is built once from `GazetteerRows` (`Gazetteer.from_rows`; `warehouse.gazetteer_rows` reads
them from a warehouse or from the national gazetteer shipped with the package) and hands each
question to the resolver that owns it: powiats and gminas (`administrative`), localities
(`localities`), whole addresses (`addresses`).
"""

from __future__ import annotations

import re

from transforms.places.addresses import AddressResolver
from transforms.places.administrative import UnitResolver
from transforms.places.hosts import host_place_labels
from transforms.places.indexes import Indexes
from transforms.places.localities import LocalityResolver
from transforms.places.units import TOWN_KIND, GazetteerRows, Gmina, Locality, PlaceResolution, Seat
from transforms.text import fold_key


class Gazetteer:
    """In-memory indexes over the TERYT / PNA rows, answering place-name questions."""

    def __init__(self, indexes: Indexes) -> None:
        self._ix = indexes
        self._units = UnitResolver(indexes)
        self._places = LocalityResolver(indexes, self._units)
        self._addresses = AddressResolver(indexes, self._places)
        self._place_name_cache: dict[str, str | None] = {}

    @classmethod
    def from_rows(cls, rows: GazetteerRows) -> Gazetteer:
        """Index the rows (a national gazetteer takes a few seconds)."""
        return cls(Indexes.build(rows))

    # --- lookups -------------------------------------------------------------------------------

    def powiat_name(self, powiat_teryt: str) -> str | None:
        return self._ix.powiat_name(powiat_teryt)

    def gmina(self, code: str) -> Gmina | None:
        """A gmina by its 7-character TERYT or its 6-digit WOJ+POW+GMI."""
        return self._ix.gmina(code)

    def locality(self, simc: str) -> Locality | None:
        return self._ix.locality(simc)

    def city_gmina(self, powiat_teryt: str) -> Gmina | None:
        """The one gmina of a city with county rights ("0463" Toruń -> gmina Toruń, 0463011):
        a record its source places only in such a powiat lies in that gmina. Warsaw's
        districts and Łódź's delegations are parts of the city's gmina, not other gminas. None
        for a land powiat."""
        return self._ix.city_gmina.get(powiat_teryt)

    def powiat_seat(self, powiat_teryt: str) -> str | None:
        """The town a land powiat is named after, its seat: "białobrzeski" -> Białobrzegi,
        "chełmski" -> Chełm (a city with county rights of its own). The towns of the powiat's
        voivodeship whose name begins with the adjective's stem (its "-ski", "-cki", "-zki"
        cut); the one named so exactly, else the only one. None for a name of two words
        ("warszawski zachodni"), a city's powiat, or no town or two that fit."""
        powiat = self._ix.powiats.get(powiat_teryt)
        if powiat is None or powiat.is_city or " " in powiat.name.strip():
            return None
        stem = re.sub(r"(?:ski|cki|zki)$", "", fold_key(powiat.name))
        if stem == fold_key(powiat.name) or len(stem) < 3:
            return None
        woj = powiat_teryt[:2]
        towns = {
            loc.name
            for loc in self._ix.localities
            if loc.kind_code == TOWN_KIND
            and loc.powiat_teryt[:2] == woj
            and fold_key(loc.name).startswith(stem)
        }
        exact = [name for name in towns if fold_key(name) == stem]
        if len(exact) == 1:
            return exact[0]
        return towns.pop() if len(towns) == 1 else None

    def town_named(self, text: str, county: str | None = None) -> str | None:
        """The town (SIMC "miasto") `text` spells in the nominative: the one town of that name
        in the powiat `county`, or, with no county, a town no other locality of the country is
        named after ("Głowno"; not "Dobra", two towns, nor "Ostrów", villages too). None else."""
        found = self._ix.localities_for([fold_key(text)])
        if county:
            towns = {loc.name for loc in found
                     if loc.kind_code == TOWN_KIND and loc.powiat_teryt == county}  # fmt: skip
            return towns.pop() if len(towns) == 1 else None
        if len(found) == 1 and found[0].kind_code == TOWN_KIND:
            return found[0].name
        return None

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
                 if (loc := self._ix.locality(c.locality_simc or "")) and loc.kind_code == TOWN_KIND}  # fmt: skip
        name: str | None = None
        if result.status == "resolved" and result.locality_simc:
            name = result.locality_name
        elif result.status == "ambiguous" and len(names) == 1:
            name = names.pop()
        elif result.status == "ambiguous" and len(towns) == 1:
            name = towns.pop()
        self._place_name_cache[text] = name
        return name

    # --- questions -----------------------------------------------------------------------------

    def resolve_powiat(self, text: str, *, voivodeship: str | None = None) -> str | None:
        """The 4-digit TERYT of a powiat named in `text`, or None when unknown or ambiguous.

        "powiat skarżyski", "skarżyski", "Powiatu Piskiego" (a land powiat by its adjective),
        "m. Kraków", "Krakowa" (a city with county rights by its name). Land powiats sharing an
        adjective (two "grodziski") need `voivodeship` (code or name) or a "woj. …" in the text.
        """
        return self._units.resolve_powiat(text, voivodeship=voivodeship)

    def site_gmina(self, url: str | None) -> str | None:
        """The label of a site's host that names one gmina, when exactly one gmina is named
        so ("ops.staszow.pl" -> "staszow", gmina Staszów); None for a county's site, a host
        naming no gmina or two (`hosts.host_place_labels`)."""
        named: dict[str, str] = {}
        for label in host_place_labels(url):
            found = self.resolve_gmina(label)
            if found.status == "resolved" and found.gmina_teryt:
                named.setdefault(found.gmina_teryt, label)
        return next(iter(named.values())) if len(named) == 1 else None

    def resolve_gmina(self, text: str, county: str | None = None) -> PlaceResolution:
        """The gmina named in `text`: "Gmina Bliżyn", "Urząd Miasta i Gminy Suchedniów",
        "gm. Pisz", "Miasto Radomsko" (the town gmina) vs "Gmina Radomsko" (the rural one).

        `county` (4-digit powiat TERYT) narrows namesakes; a city with county rights passed as
        `county` matches its own gmina.
        """
        return self._units.resolve_gmina(text, county)

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
        return self._places.resolve_place(
            text, postal_code=postal_code, county=county, gmina_hint=gmina_hint,
            voivodeship=voivodeship,
        )  # fmt: skip

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
        phone_district: str | None = None,
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
        `phone_district` (the postal district of the record's landlines' area code) narrows
        namesakes the rest leaves open, before `seat`.
        """
        return self._addresses.resolve_address(
            locality, street=street, name_place=name_place, postal_code=postal_code,
            county=county, gmina_hint=gmina_hint, voivodeship=voivodeship, seat=seat,
            phone_district=phone_district,
        )  # fmt: skip
