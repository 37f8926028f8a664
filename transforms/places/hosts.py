"""The place a site's address names: a label of its host that is a gmina's name
("ops.staszow.pl", "spskrzeszew.wieliszew.pl", "mgops.sianow.pl").

A small institution's site is often a subdomain of its gmina's portal or spells its gmina in
its own name; a subject record read from such a page then carries, in its address, the gmina
its name's place leaves open among namesakes ("w Staszowie": the town of gmina Staszów, not
the village of gmina Kozienice). A name with no place at all is not placed from the host
alone (measured and dropped: pages that state no place then got one). A county's site ("powiat.poznan.pl", "zawiercie.powiat.pl")
names its seat, not the gmina of the bodies it writes about, and says nothing here.
"""

from __future__ import annotations

import re

from transforms.contacts import website_host

# Labels that are never a place: the web's own words, not the site's.
_NOT_PLACES = frozenset(
    {"www", "bip", "http", "https", "gov", "com", "org", "net", "edu", "info", "eu", "biz"}
)
# A county's or a voivodeship's site: its place label is the seat of a larger unit.
_LARGER_UNIT = re.compile(r"powiat|starostwo|wojewodztwo|umwo|uw\b|rops", re.IGNORECASE)
_MIN_LABEL = 4


def host_place_labels(url: str | None) -> tuple[str, ...]:
    """The labels of the URL's host that may name a place, first first: whole labels and
    their dash-separated parts of at least four letters, the top-level domain left out;
    none for a county's or a voivodeship's site."""
    host = website_host(url) if url else None
    if host is None:
        return ()
    labels = host.split(".")[:-1]  # the top-level domain names a country, not a place
    if not labels or any(_LARGER_UNIT.search(label) for label in labels):
        return ()
    found: list[str] = []
    for label in labels:
        for part in label.split("-"):
            if len(part) >= _MIN_LABEL and part.isalpha() and part not in _NOT_PLACES:
                found.append(part)
    return tuple(dict.fromkeys(found))
