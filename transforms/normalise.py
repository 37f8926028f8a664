"""The normalise stage, row by row: raw text as written → canonical values.

Names go to the nominative with their key, acronym, number and patron; contacts to E.164,
lower-case e-mails, hosts, checked NIP/REGON; places to TERYT through the gazetteer; each
institution gets a type, sector, services and target groups with the words that said so.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, is_dataclass
from datetime import datetime
from typing import Any

from transforms.acronyms import acronym_token_key
from transforms.classify import classify
from transforms.contacts import (
    normalise_emails,
    normalise_nip,
    normalise_postal_code,
    normalise_regon,
    normalise_street,
    normalise_website,
    phone_details,
    website_host,
)
from transforms.names import InstitutionName, nominative, normalise_name, site_owner
from transforms.places import Gazetteer, PlaceResolution, Seat
from transforms.text import empty_to_none, fold_key


@dataclass(frozen=True, slots=True)
class RawRow:
    """One active row of `raw_records`, with its source's county."""

    record_id: str
    source: str
    county: str
    role: str
    name_raw: str
    type_raw: str | None
    street_raw: str | None
    postal_code_raw: str | None
    locality_raw: str | None
    gmina_raw: str | None
    powiat_raw: str | None
    phones_raw: tuple[str, ...]
    emails_raw: tuple[str, ...]
    websites_raw: tuple[str, ...]
    nip_raw: str | None
    regon_raw: str | None
    krs_raw: str | None
    rspo_raw: str | None
    opening_hours_raw: str | None
    description_raw: str | None
    fetched_at: datetime
    voivodeship_raw: str | None = None


@dataclass(frozen=True, slots=True)
class NormalisedRecord:
    """One row of the `records` staging table."""

    record_id: str
    source: str
    role: str
    name: str
    name_key: str
    core_key: str
    acronym: str | None
    number: str | None
    patron: str | None
    type_code: str
    sector: str
    street: str | None
    postal_code: str | None
    locality: str | None
    locality_simc: str | None
    gmina_teryt: str | None
    gmina_name: str | None
    powiat_teryt: str | None
    powiat_name: str | None
    place_status: str
    place_method: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    website: str | None
    website_host: str | None
    nip: str | None
    regon: str | None
    krs: str | None
    rspo: str | None
    opening_hours: str | None
    services: tuple[str, ...]
    target_groups: tuple[str, ...]
    evidence: str
    fetched_at: datetime


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return str(value)


def display_name(name: InstitutionName) -> str:
    """The name to show: a leading acronym before "w <place>" is written out in full
    ("MGOPS w Kamieńsku" -> "Miejsko-Gminny Ośrodek Pomocy Społecznej w Kamieńsku")."""
    words = name.name.split(" ")
    if (
        name.acronym
        and name.core
        and len(words) > 2
        and acronym_token_key(words[0]) == acronym_token_key(name.acronym)
        and words[1] in ("w", "we")
    ):
        return f"{name.core} {' '.join(words[1:])}"
    return name.name


def _record_voivodeship(row: RawRow) -> str | None:
    """The record's voivodeship column, else the source's voivodeship ("12" or "1261"[:2])."""
    written = empty_to_none(row.voivodeship_raw)
    if written:
        return written
    county = row.county.strip()
    return county[:2] if county[:2].isdigit() and len(county) in (2, 4) else None


def _record_powiat(row: RawRow, gazetteer: Gazetteer) -> str | None:
    """The 4-digit powiat the record's own powiat column names ("bocheński", "m. Tarnów")."""
    written = empty_to_none(row.powiat_raw)
    if written is None:
        return None
    return gazetteer.resolve_powiat(written, voivodeship=_record_voivodeship(row))


# Kinds that sit in towns: the seats of courts, prosecutors and powiat offices are towns by
# law, and Polish hospitals and labour offices are in towns in practice.
_TOWN_TYPES = frozenset({
    "court", "probation", "court_experts_team", "prosecutor", "pup", "county_office", "pcpr",
    "sanepid", "regional_office", "rops", "hospital", "labour_inspectorate",
})  # fmt: skip
# First words of a name that say the institution is a town's ("Miejski Ośrodek Pomocy
# Społecznej", "Urząd Miasta") or a rural gmina's ("Gminna Biblioteka Publiczna", "Urząd
# Gminy", "Wójt Gminy"). "Miejsko-Gminny" is neither: a miejsko-wiejska gmina is one unit.
_TOWN_WORDS = frozenset({"miejski", "miejska", "miejskie", "miasto", "prezydent", "burmistrz"})
_TOWN_PHRASES = (("urzad", "miasta"), ("urzad", "miejski"))
_RURAL_WORDS = frozenset({"gminny", "gminna", "gminne", "gmina", "wojt"})
_RURAL_PHRASES = (("urzad", "gminy"),)


def institution_seat(name: str, type_code: str | None = None) -> Seat | None:
    """Where an institution of this name and type sits, when its name or kind says so:
    "town" ("Sąd Rejonowy w Brzozowie", "Miejski Ośrodek Pomocy Społecznej"), "rural_gmina"
    ("Gminny Ośrodek Pomocy Społecznej w Radomsku", "Urząd Gminy Siedlce"), else None."""
    words = fold_key(name).split()
    if not words:
        return None
    head = tuple(words[:2])
    if words[0] in _RURAL_WORDS or head in _RURAL_PHRASES:
        return "rural_gmina"
    if words[0] in _TOWN_WORDS or head in _TOWN_PHRASES or type_code in _TOWN_TYPES:
        return "town"
    return None


def resolve_record_place(
    row: RawRow,
    gazetteer: Gazetteer,
    name_place: str | None = None,
    seat: Seat | None = None,
) -> PlaceResolution | None:
    """Where one raw record lies, from all the place evidence it carries: the locality, the
    street (a village + house number), the name's place phrase (`name_place`, "w Stoku
    Lackim"), the postal code, the record's gmina / powiat / voivodeship columns and the
    source's county (a powiat, or a voivodeship for a voivodeship's list). None when the
    record has no place text and no postal code. `seat` (see `institution_seat`) settles
    namesakes and town-or-rural-gmina questions the address leaves open.

    The record's own powiat column, when it names a powiat, is used instead of the source's
    county: a county's source also lists institutions of neighbouring counties.
    """
    postal_code = normalise_postal_code(row.postal_code_raw) if row.postal_code_raw else None
    locality = empty_to_none(row.locality_raw)
    name_place = empty_to_none(name_place)
    if not (locality or name_place or postal_code):
        return None
    county = empty_to_none(row.county)
    county = _record_powiat(row, gazetteer) or county
    return gazetteer.resolve_address(
        locality,
        street=empty_to_none(row.street_raw),
        name_place=name_place,
        postal_code=postal_code,
        county=county,
        gmina_hint=empty_to_none(row.gmina_raw),
        voivodeship=empty_to_none(row.voivodeship_raw),
        seat=seat,
    )


def normalise_record(row: RawRow, gazetteer: Gazetteer | None) -> NormalisedRecord:
    """Normalise one raw record; `gazetteer` None leaves places at the source's county."""
    written = row.name_raw
    if row.role == "mention":
        written = nominative(written)
    elif row.role == "subject":
        # A page titled "Portal Orzeczeń Sądu Rejonowego w Brzozowie" is its owner's, the court.
        written = site_owner(written) or written
    place_name = gazetteer.place_name if gazetteer is not None else None
    name = normalise_name(written, place_name)
    core_name = normalise_name(name.core) if name.core else name
    kind = classify(name.name, row.description_raw, row.type_raw)

    # a page's faxes come typed ("fax: 41 …"); the directory's phones are the voice lines
    phones = _unique([d.number for d in phone_details(row.phones_raw) if d.kinds != ("fax",)])
    emails = _unique([e for raw in row.emails_raw for e in normalise_emails(raw)])
    website = next((w for w in map(normalise_website, row.websites_raw) if w), None)
    host = website_host(website) if website else None
    postal_code = normalise_postal_code(row.postal_code_raw) if row.postal_code_raw else None
    street = normalise_street(row.street_raw) if row.street_raw else None

    county = row.county if len(row.county) == 4 and row.county.isdigit() else None
    seat = institution_seat(name.name, kind.type_code)
    resolution = resolve_record_place(row, gazetteer, name.place_raw, seat) if gazetteer else None
    if resolution is not None and resolution.status == "resolved":
        locality = resolution.locality_name
        simc, gmina, gmina_name = (
            resolution.locality_simc,
            resolution.gmina_teryt,
            resolution.gmina_name,
        )
        powiat, powiat_name = resolution.powiat_teryt, resolution.powiat_name
        status, method = "resolved", resolution.method
    else:
        locality = empty_to_none(row.locality_raw)
        simc = gmina = gmina_name = None
        status = resolution.status if resolution is not None else "unresolved"
        method = None
        powiat = None
        if resolution is not None and resolution.powiat_teryt:
            # namesakes that all lie in one powiat ("Ełk": the town and an osada nearby)
            powiat, method = resolution.powiat_teryt, resolution.method
        elif gazetteer is not None and (column := _record_powiat(row, gazetteer)):
            powiat, method = column, "powiat_column"
        elif county:
            powiat, method = county, "source_county"
        powiat_name = gazetteer.powiat_name(powiat) if gazetteer and powiat else None

    evidence = json.dumps(
        {"classification": [_jsonable(e) for e in kind.evidence]},
        ensure_ascii=False,
        sort_keys=True,
    )
    return NormalisedRecord(
        record_id=row.record_id,
        source=row.source,
        role=row.role,
        name=display_name(name),
        name_key=name.key,
        core_key=core_name.key,
        acronym=name.acronym,
        number=name.number,
        patron=name.patron,
        type_code=kind.type_code,
        sector=kind.sector or "other",
        street=street,
        postal_code=postal_code,
        locality=locality,
        locality_simc=simc,
        gmina_teryt=gmina,
        gmina_name=gmina_name,
        powiat_teryt=powiat,
        powiat_name=powiat_name,
        place_status=status,
        place_method=method,
        phones=phones,
        emails=emails,
        website=website,
        website_host=host,
        nip=normalise_nip(row.nip_raw) if row.nip_raw else None,
        regon=normalise_regon(row.regon_raw) if row.regon_raw else None,
        krs=empty_to_none(row.krs_raw),
        rspo=empty_to_none(row.rspo_raw),
        opening_hours=empty_to_none(row.opening_hours_raw),
        services=tuple(kind.services),
        target_groups=tuple(kind.target_groups),
        evidence=evidence,
        fetched_at=row.fetched_at,
    )
