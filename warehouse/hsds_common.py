"""What the HSDS modules share: the ids of HSDS objects, Poland's voivodeships and gminas as
TERYT has them, and two small text helpers. warehouse/hsds.py builds the organizations and
taxonomies, warehouse/hsds_services.py the services and their schedules."""

from __future__ import annotations

import uuid
from typing import Any

# Fixed forever: changing it changes every published HSDS id.
NAMESPACE = uuid.UUID("6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f")

VOIVODESHIPS = {
    "02": "dolnośląskie",
    "04": "kujawsko-pomorskie",
    "06": "lubelskie",
    "08": "lubuskie",
    "10": "łódzkie",
    "12": "małopolskie",
    "14": "mazowieckie",
    "16": "opolskie",
    "18": "podkarpackie",
    "20": "podlaskie",
    "22": "pomorskie",
    "24": "śląskie",
    "26": "świętokrzyskie",
    "28": "warmińsko-mazurskie",
    "30": "wielkopolskie",
    "32": "zachodniopomorskie",
}


def hsds_id(*parts: str) -> str:
    """The UUID of an HSDS object, derived from wsparcie ids: hsds_id("organization", "wsp_…")."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def term_id(kind: str, code: str) -> str:
    """The HSDS id of a taxonomy term: kind is "service", "sector", "type" or "target_group"."""
    if kind == "service":  # the first taxonomy published: its ids stay as they were
        return hsds_id("taxonomy_term", code)
    return hsds_id("taxonomy_term", kind, code)


def whole_gmina(gmina_teryt: str) -> str | None:
    """The code of the whole gmina: the town (4) and rural (5) parts of an urban-rural gmina
    are the gmina (3); a district of Warsaw (8) or a delegation of a city (9) is no gmina."""
    kind = gmina_teryt[-1:]
    if kind in ("4", "5"):
        return gmina_teryt[:-1] + "3"
    return None if kind in ("8", "9") else gmina_teryt


def clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v not in (None, "")}


def sentence(text: str) -> str:
    """Upper-case the first letter only ("ośrodek (MOPS)" → "Ośrodek (MOPS)")."""
    return text[:1].upper() + text[1:]
