"""Place names as written on Polish pages -> TERYT localities, gminas and powiats.

A `Gazetteer` is built once from `GazetteerRows` (the warehouse reads them from the tables
`warehouse.gazetteer.load_gazetteer` writes, or from the national gazetteer shipped with the
package: `warehouse.gazetteer_rows`) and answers three questions:

- `resolve_place("w Skarżysku-Kamiennej", postal_code=..., county=..., gmina_hint=...)` — which
  locality (SIMC), gmina and powiat a place mention means; `resolve_address(...)` reads a whole
  address: the locality field is often only the post town, the village being in the street
  field ("Szklary Górne 51c") or in the institution's name;
- `resolve_gmina("Urząd Miasta i Gminy Suchedniów")` — which gmina (telling a town gmina from the
  rural gmina of the same name, and both from a miejsko-wiejska one);
- `resolve_powiat("Powiatu Piskiego")` — which powiat (land powiats by their adjective, cities
  with county rights by their name).

Text arrives inflected ("w Bliżynie"), ASCII-folded ("w Skarzysku-Kamiennej"), upper-case or
abbreviated ("m.st. Warszawy"). Namesakes are settled only by evidence — a postal code, a
county, a voivodeship, a gmina hint — otherwise the answer is 'ambiguous' with its candidates.
`nominative_place("w Wysokiem Mazowieckiem")` gives a place phrase's nominative from the
morphology alone, for a place no gazetteer placed.

The modules, from the bottom up:

- `units`: the rows a gazetteer is built from, its units and its answers (`PlaceResolution`);
- `parsing`: a place text -> its name words, markers ("gmina", "powiat", "w") and postal code;
- `inflection`: case forms of place names (Morfeusz, and the usual endings where it has none);
- `indexes`: the in-memory indexes and the word -> gazetteer name lookups;
- `results`: how an answer is built (resolved, candidates, ambiguous);
- `administrative`: powiats and gminas; `localities`: localities; `addresses`: whole addresses
  (namesakes narrowed by the area code of a record's landlines);
- `hosts`: the labels of a site's host that may name its gmina (`Gazetteer.site_gmina`);
- `gazetteer`: the `Gazetteer` facade over them.
"""

from transforms.places.gazetteer import Gazetteer
from transforms.places.inflection import nominative_place
from transforms.places.units import (
    SELF_GOVERNING,
    GazetteerRows,
    Gmina,
    Locality,
    PlaceCandidate,
    PlaceResolution,
    PostalEntry,
    PostalRow,
    Powiat,
    Seat,
    Status,
)

__all__ = [
    "SELF_GOVERNING",
    "Gazetteer",
    "GazetteerRows",
    "Gmina",
    "Locality",
    "PlaceCandidate",
    "PlaceResolution",
    "Powiat",
    "PostalEntry",
    "PostalRow",
    "Seat",
    "Status",
    "nominative_place",
]
