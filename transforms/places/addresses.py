"""Where a record's address lies: the locality field read with the street, the postal code and
the institution's name, and the institution's seat.

In a Polish address the locality after the postal code is often only the post town: the
village may be in the street field ("Szklary Górne 51c") or in the institution's name ("w
Stoku Lackim"). And where the address leaves namesakes or a town-or-rural-gmina question open,
the kind of institution settles it (`Seat`): courts sit in towns, a "Gminny" office serves the
rural gmina around the town it sits in.
"""

from __future__ import annotations

from dataclasses import replace

from transforms.places.indexes import Indexes
from transforms.places.localities import LocalityResolver
from transforms.places.parsing import postal_code_of, street_village
from transforms.places.results import ambiguous, candidate_of, locality_resolution
from transforms.places.units import TOWN_KIND, Locality, PlaceResolution, Seat
from transforms.text import fold_key


class AddressResolver:
    """Answers "where does this record's address lie"."""

    def __init__(self, indexes: Indexes, places: LocalityResolver) -> None:
        self._ix = indexes
        self._places = places

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
        """Where a record's address lies: `Gazetteer.resolve_address` says how."""
        found = self._address(
            locality, street=street, name_place=name_place, postal_code=postal_code,
            county=county, gmina_hint=gmina_hint, voivodeship=voivodeship,
        )  # fmt: skip
        found = self._landline_area(found, phone_district)
        if seat == "town":
            return self._town_seat(found)
        if seat == "rural_gmina":
            return self._rural_gmina_seat(self._gmina_seat(found))
        found = self._county_city(found)
        if locality is None and postal_code is None and name_place:
            return self._gmina_seat_in_powiat(found)
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
        code = postal_code_of(postal_code)
        if code is not None and not self._ix.postal.get(code):
            code = None  # a code PNA does not know says nothing about the area
        text = locality or name_place or ""
        primary = self._places.resolve_place(text, **kwargs) if text or postal_code else None
        village = street_village(street)
        if village is not None:
            found = self._village_nearby(village, code, county, kwargs, primary)
            if found is not None:
                return replace(found, method="street_village")
        if name_place and locality and primary is not None:
            if code is not None and primary.method == "postal_code_contradicts":
                # "Radzyń" (cut short) or "Starogard" (a typo) with the code of Radzyń
                # Podlaski / Stargard, in "Sąd Rejonowy w Radzyniu Podlaskim": the name and the
                # postal code agree against the locality field
                named = self._places.resolve_place(name_place, **kwargs)
                loc = self._ix.locality(named.locality_simc or "")
                if named.status == "resolved" and loc and self._in_postal_area(loc, code):
                    return replace(named, method="name_and_postal_code")
            found = self._village_nearby(name_place, code, county, kwargs, primary)
            if found is not None and (
                self._is_town(primary) if code is None
                else not self._named_by_postal_code(locality, code, found)
            ):  # fmt: skip
                return replace(found, method="name_place")
            if primary.status == "resolved" and not self._is_town(primary):
                named = self._places.resolve_place(name_place, **kwargs)
                if self._is_town(named) and named.powiat_teryt != primary.powiat_teryt:
                    # "Sąd Rejonowy w Stargardzie", locality "Starogard" (a village far
                    # away): the record contradicts itself
                    return ambiguous(
                        self._ix,
                        [candidate_of(primary), candidate_of(named)],
                        "name_contradicts",
                    )
        return primary or PlaceResolution("unresolved", method="empty")

    def _landline_area(self, resolution: PlaceResolution, district: str | None) -> PlaceResolution:
        """Namesakes narrowed to those in the postal district of the record's landlines
        ("Młodzieżowy Ośrodek Wychowawczy w Puławach", tel. 81 886 34 18: area code 81 is
        district 2, Puławy of 24-100, not the villages of 38-480 and 76-010). The area code is
        the record's own evidence of its region, as a postal code would be."""
        if district is None or not self._all_namesakes(resolution):
            return resolution
        kept = [
            c
            for c in resolution.candidates
            if (loc := self._ix.locality(c.locality_simc or "")) is not None
            and district in self._ix.postal_districts(loc.gmina6)
        ]
        if not kept or len(kept) == len(resolution.candidates):
            return resolution
        if len(kept) == 1:
            loc = self._ix.locality(kept[0].locality_simc or "")
            assert loc is not None
            return locality_resolution(self._ix, loc, "landline_area")
        return ambiguous(self._ix, kept, "namesakes")

    def _town_seat(self, resolution: PlaceResolution) -> PlaceResolution:
        """Namesakes of which exactly one is a town, for an institution seated in towns: the
        town. Only when every candidate is listed and the evidence did not contradict itself."""
        if not self._all_namesakes(resolution):
            return resolution
        towns = {
            loc.simc: loc
            for candidate in resolution.candidates
            if (loc := self._ix.locality(candidate.locality_simc or "")) is not None
            and loc.kind_code == TOWN_KIND
        }
        if len(towns) != 1:
            return resolution
        return locality_resolution(self._ix, next(iter(towns.values())), "town_seat")

    def _county_city(self, resolution: PlaceResolution) -> PlaceResolution:
        """Namesakes of which exactly one is a city with county rights, for any institution:
        the city ("Szkoła Podstawowa nr 60 w Poznaniu" is not in the village Poznań of gmina
        Serokomla). A city of that size so outweighs a village of its name in the institutions
        it holds that a name naming no more than the place means the city."""
        if not self._all_namesakes(resolution):
            return resolution
        cities = {
            loc.simc: loc
            for candidate in resolution.candidates
            if (loc := self._ix.locality(candidate.locality_simc or "")) is not None
            and loc.kind_code == TOWN_KIND
            and (powiat := self._ix.powiats.get(loc.powiat_teryt)) is not None
            and powiat.is_city
        }
        if len(cities) != 1:
            return resolution
        return locality_resolution(self._ix, next(iter(cities.values())), "county_city")

    def _gmina_seat(self, resolution: PlaceResolution) -> PlaceResolution:
        """Namesakes of which exactly one gives its name to its gmina, for a gmina's
        institution ("Gminny Ośrodek Pomocy Społecznej w Dębem Wielkim": Dębe Wielkie, the
        seat of gmina Dębe Wielkie, not the village Dąb Wielki of gmina Włocławek)."""
        if not self._all_namesakes(resolution):
            return resolution
        seats = {
            loc.simc: loc
            for candidate in resolution.candidates
            if candidate.gmina_name is not None
            and fold_key(candidate.gmina_name) == fold_key(candidate.locality_name or "")
            and (loc := self._ix.locality(candidate.locality_simc or "")) is not None
        }
        if len(seats) != 1:
            return resolution
        return locality_resolution(self._ix, next(iter(seats.values())), "gmina_seat")

    def _gmina_seat_in_powiat(self, resolution: PlaceResolution) -> PlaceResolution:
        """Namesakes of one powiat, of which exactly one gives its name to its gmina, for an
        institution only its name places ("Dom Pomocy Społecznej w Zakrzewie" on a powiat's
        list, no address): the gmina's seat (Zakrzewo of gmina Zakrzewo, not the village
        Zakrzewo of gmina Waganiec). Namesakes of several powiats stay open."""
        if len({c.powiat_teryt for c in resolution.candidates}) != 1:
            return resolution
        return self._gmina_seat(resolution)

    @staticmethod
    def _all_namesakes(resolution: PlaceResolution) -> bool:
        """An answer left open only by namesakes, every one of them listed."""
        return (
            resolution.status == "ambiguous"
            and resolution.method == "namesakes"
            and resolution.candidate_count == len(resolution.candidates)
        )

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
            powiat_name=self._ix.powiat_name(gmina.powiat_teryt),
            method="rural_gmina_seat",
        )

    def _is_town(self, resolution: PlaceResolution) -> bool:
        loc = self._ix.locality(resolution.locality_simc or "")
        return resolution.status == "resolved" and loc is not None and loc.kind_code == TOWN_KIND

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
        the locality field's place, and in its gmina or one named alike (the rural gmina
        round a town of its name): "Rynek 3" beside the locality "Szczurowa" is the market
        square, not the village Rynek of another gmina of the powiat."""
        found = self._places.resolve_place(text, **kwargs)
        if found.status != "resolved" or found.locality_simc is None:
            return None
        loc = self._ix.locality(found.locality_simc)
        if loc is None or loc.kind_code == TOWN_KIND:
            return None
        if primary is not None and primary.locality_simc == found.locality_simc:
            return None
        if code is not None:
            return found if self._in_postal_area(loc, code) else None
        if primary is None or primary.status != "resolved":
            return None
        near = {p for p in (self._ix.valid_county(county), primary.powiat_teryt) if p}
        if loc.powiat_teryt not in near:
            return None
        if primary.gmina_teryt and found.gmina_teryt != primary.gmina_teryt:
            own, other = (
                self._ix.gmina(primary.gmina_teryt),
                self._ix.gmina(found.gmina_teryt or ""),
            )
            if own is None or other is None or fold_key(own.name) != fold_key(other.name):
                return None
        return found

    def _in_postal_area(self, loc: Locality, code: str) -> bool:
        """The code's PNA rows name this locality, or it lies in one of the code's gminas
        (PNA 2024 leaves out many small villages: Szklary Górne has no row of its own)."""
        entries = self._ix.postal.get(code, [])
        return any(e.locality_simc == loc.simc or e.gmina6 == loc.gmina6 for e in entries)

    def _named_by_postal_code(self, locality: str, code: str, village: PlaceResolution) -> bool:
        """Whether the locality field names a village of the code itself (then it is the
        address's own locality: "Dobieszowice, 42-584" for GOPS w Bobrownikach), rather than a
        town that only hosts the post office."""
        read = self._places.resolve_place(locality, postal_code=code)
        if read.locality_simc is None or read.locality_simc == village.locality_simc:
            return False
        loc = self._ix.locality(read.locality_simc)
        return loc is not None and loc.kind_code != TOWN_KIND
