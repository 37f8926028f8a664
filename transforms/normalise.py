"""The normalise stage, row by row: raw text as written → canonical values.

Names go to the nominative with their key, acronym, number and patron; ASCII-folded names,
streets and localities get their Polish letters back (`transforms.diacritics`); a name that
opens with an acronym is written out where the place and the gmina settle it
(`transforms.acronym_expansion`); contacts to E.164, lower-case e-mails, hosts, checked
NIP/REGON; places to TERYT through the gazetteer; each institution gets a type, sector, services
and target groups with the words that said so. The `_raw` columns keep the text as written.
What its own text states about its support (services with their sentences, ages, fees,
referral, schedules) is read by `transforms.support_statements`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, is_dataclass, replace
from datetime import datetime
from typing import Any

from transforms.acronym_expansion import Expansion, expand, leading_acronym
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
from transforms.diacritics import is_polish, restore
from transforms.er.phone_areas import phone_district
from transforms.locatives import respell_place
from transforms.name_morphology import nominative
from transforms.names import InstitutionName, normalise_name, site_owner
from transforms.places import Gazetteer, PlaceResolution, Seat, nominative_place
from transforms.places.results import one_gmina
from transforms.register_clean import register_clean
from transforms.register_style import county_office, name_seat, styled_seat
from transforms.support_statements import (
    AgeRange,
    Fees,
    Referral,
    Schedule,
    StatedCode,
    SupportStatements,
    read_support,
)
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
    url: str | None = None  # the page the record came from


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
    # The name as the source wrote it (nominative, casing normalised, no letter restored and no
    # acronym written out), which of `NAME_FORMS` `name` is, and why an acronym or a folded word
    # stayed (Polish, for the run report).
    name_written: str | None = None
    name_form: str = "written"
    name_note: str | None = None
    # What the record's own text states (transforms.support_statements). `services` lists
    # these first, then what the name or type column says, then the type's defaults, which
    # are also in `services_default` unless something else gave them.
    services_stated: tuple[StatedCode, ...] = ()
    services_default: tuple[str, ...] = ()
    ages: tuple[AgeRange, ...] = ()
    fees: Fees | None = None
    referral: Referral | None = None
    schedules: tuple[Schedule, ...] = ()


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


# How a record's name came to be, best first (the canonical name prefers the earlier ones):
# as written with Polish letters; put in register style (transforms.register_style: the seat
# with "w" and in the locative, no house number, "m.st." written out); a type's register name
# given its seat from the address; that name as written when the seat would name another
# institution too (the warehouse's choice, never a record's form); letters restored; folded
# words left (ambiguous); an acronym written out from the name's own place; a bare acronym
# written out with the address's seat; still led by an acronym (ambiguous); only an acronym.
NAME_FORMS = (
    "written", "styled", "styled_seat", "unseated", "restored", "folded", "expanded",
    "expanded_seat", "acronym_led", "acronym",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RecordName:
    """A record's name, the form it was written in, and how it was made."""

    name: str
    written: str
    form: str
    note: str | None = None


def _known_place(gazetteer: Gazetteer | None, county: str | None) -> Callable[[str], str | None]:
    """A place phrase's nominative: a locality the gazetteer names so, else a gmina of the
    county ("Bystra-Sidzina" is a gmina, not a locality)."""

    def read(text: str) -> str | None:
        if gazetteer is None:
            return None
        found = gazetteer.place_name(text)
        if found is not None:
            return found
        gmina = gazetteer.resolve_gmina(text, county)
        return gmina.gmina_name if gmina.status == "resolved" else None

    return read


def _place_in_gmina(
    gazetteer: Gazetteer | None, county: str | None, gmina: str | None
) -> Callable[[str], str | None] | None:
    """A place phrase's nominative when it names one locality of the gmina `gmina` (TERYT)."""
    if gazetteer is None or not gmina:
        return None

    def read(text: str) -> str | None:
        found = gazetteer.resolve_place(text, county=county)
        if found.status != "resolved" or not found.locality_simc or found.gmina_teryt != gmina:
            return None
        return found.locality_name

    return read


def _place_in_powiat(
    gazetteer: Gazetteer | None, powiat: str | None
) -> Callable[[str], str | None] | None:
    """A place phrase's nominative when one of the localities or gminas it may name lies in
    the powiat `powiat` (TERYT)."""
    if gazetteer is None or not powiat:
        return None

    def read(text: str) -> str | None:
        found = gazetteer.resolve_place(text, county=powiat)
        if found.powiat_teryt == powiat and found.status in ("resolved", "ambiguous"):
            return found.locality_name or found.gmina_name or text
        for candidate in found.candidates:
            if candidate.powiat_teryt == powiat:
                return candidate.locality_name or candidate.gmina_name or text
        return None

    return read


def _respelt_place(name: InstitutionName, shown: str, gazetteer: Gazetteer | None) -> str:
    """The name with its place phrase spelt as the gazetteer spells the place ("w Starym
    Saczu" -> "w Starym Sączu"), when the phrase is folded and the place known."""
    if gazetteer is None or not name.place_raw or is_polish(name.place_raw):
        return shown
    place = gazetteer.place_name(name.place_raw)
    if place is None or not is_polish(place):
        return shown
    respelt = respell_place(name.place_raw, place)
    if respelt == name.place_raw or name.place_raw not in shown:
        return shown
    head, _sep, tail = shown.rpartition(name.place_raw)
    return head + respelt + tail


def _acronym_form(shown: str, expansion: Expansion) -> RecordName | None:
    if expansion.acronym is None:
        return None
    if expansion.name is not None:
        form = "expanded_seat" if expansion.origin == "seat" else "expanded"
        return RecordName(expansion.name, shown, form)
    bare = all(leading_acronym(w) is not None for w in shown.split(" "))
    return RecordName(shown, shown, "acronym" if bare else "acronym_led", expansion.reason)


def record_name(
    written: str,
    gazetteer: Gazetteer | None,
    county: str | None = None,
) -> tuple[InstitutionName, RecordName]:
    """A record's name parsed with its Polish letters restored, and its display form before
    the address is known (an acronym written out from the name's own place only)."""
    place_name = gazetteer.place_name if gazetteer is not None else None
    restored = restore(written)
    name = normalise_name(restored.text, place_name)
    as_written = normalise_name(written, place_name) if restored.restored else name
    shown = display_name(name)
    respelt = _respelt_place(name, shown, gazetteer)
    expanded = _acronym_form(respelt, expand(respelt, place_name=_known_place(gazetteer, county)))
    if expanded is not None:
        return name, replace(expanded, written=as_written.name)
    if shown != name.name:
        return name, RecordName(shown, as_written.name, "expanded")
    if restored.ambiguous:
        note = "zostały bez polskich liter: " + ", ".join(restored.ambiguous)
        return name, RecordName(respelt, as_written.name, "folded", note)
    form = "restored" if restored.restored or respelt != shown else "written"
    return name, RecordName(respelt, as_written.name, form)


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
# law, and Polish hospitals and labour offices are in towns in practice; so are the powiat's
# counselling, disability and crisis bodies, adoption centres, mental health and hospice care,
# and the care homes and foundations that name a place ("Placówka Opiekuńczo-Wychowawcza w
# Wyszogrodzie", "Fundacja … w Opolu") among namesakes of which one is a town.
_TOWN_TYPES = frozenset({
    "court", "probation", "court_experts_team", "prosecutor", "pup", "county_office", "pcpr",
    "sanepid", "regional_office", "rops", "hospital", "labour_inspectorate",
    "ppp", "pzon", "oik", "adoption_centre", "mental_health", "long_term_care",
    "foster_care_institution", "ngo",
})  # fmt: skip
# First words of a name that say the institution is a town's ("Miejski Ośrodek Pomocy
# Społecznej", "Urząd Miasta") or a rural gmina's ("Gminna Biblioteka Publiczna", "Urząd
# Gminy", "Wójt Gminy"). "Miejsko-Gminny" is no rural gmina's: a miejsko-wiejska gmina is one
# unit, seated in its town, so among namesakes it is the town ("… w Gostyniu").
_TOWN_WORDS = frozenset({"miejski", "miejska", "miejskie", "miasto", "prezydent", "burmistrz"})
_TOWN_PHRASES = (
    ("urzad", "miasta"),
    ("urzad", "miejski"),
    ("miejsko", "gminny"),
    ("miejsko", "gminna"),
    ("miejsko", "gminne"),
)
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
    county: a county's source also lists institutions of neighbouring counties. Namesakes
    the address leaves open are narrowed by the area code of the record's landlines and, for
    a page's own institution (a `subject`), by the gmina its site's host names
    (`Gazetteer.site_gmina`: "ops.staszow.pl").
    """
    postal_code = normalise_postal_code(row.postal_code_raw) if row.postal_code_raw else None
    locality = empty_to_none(row.locality_raw)
    name_place = empty_to_none(name_place)
    if not (locality or name_place or postal_code):
        return None
    county = empty_to_none(row.county)
    county = _record_powiat(row, gazetteer) or county
    street = empty_to_none(row.street_raw)
    if locality is not None:
        locality = restore(locality).text
    if street is not None:
        street = restore(street).text

    district = phone_district([d.number.removeprefix("+48") for d in phone_details(row.phones_raw)])

    def resolve(
        locality: str | None,
        name_place: str | None,
        postal_code: str | None,
        gmina_hint: str | None = empty_to_none(row.gmina_raw),
    ) -> PlaceResolution:
        return gazetteer.resolve_address(
            locality,
            street=street,
            name_place=name_place,
            postal_code=postal_code,
            county=county,
            gmina_hint=gmina_hint,
            voivodeship=empty_to_none(row.voivodeship_raw),
            seat=seat,
            phone_district=district,
        )

    found = resolve(locality, name_place, postal_code)
    site = gazetteer.site_gmina(row.url) if row.role == "subject" else None
    if site is not None and found.status == "ambiguous" and found.method == "namesakes":
        narrowed = resolve(locality, name_place, postal_code, row.gmina_raw or site)
        if narrowed.status == "resolved":
            return replace(narrowed, method="site_gmina")
    if (
        found.method == "postal_code_contradicts"
        and locality is not None
        and name_place is not None
        and fold_key(gazetteer.place_name(name_place) or "") == fold_key(locality)
    ):
        # "Sąd Rejonowy w Piszu", Pisz, 11-200 (Bartoszyce's code): the locality and the name
        # agree against the postal code, a typo.
        retry = resolve(locality, name_place, None)
        if retry.status == "resolved":
            return replace(retry, method="name_and_locality")
    if found.status == "unresolved" and locality is not None and postal_code is not None:
        # A locality field that names no place ("Kraków pokój K-3, Budynek …"): the postal
        # code and the county still place the record.
        retry = resolve(None, None, postal_code)
        if retry.status == "resolved":
            return replace(retry, method="postal_code_only")
    return found


def _unplaced_locality(written: str | None, resolution: PlaceResolution | None) -> str | None:
    """The locality of a record the gazetteer did not place, in the nominative, never as
    inflected prose ("w Wysokiem Mazowieckiem"): the name every candidate bears when the
    namesakes lie in different gminas, else the written form put in the nominative by the
    morphology."""
    written = empty_to_none(written)
    if written is None:
        return None
    if resolution is not None and resolution.candidate_count == len(resolution.candidates) > 0:
        names = {c.locality_name for c in resolution.candidates}
        if len(names) == 1 and None not in names:
            return names.pop()
    return nominative_place(written) or written


def normalise_record(row: RawRow, gazetteer: Gazetteer | None) -> NormalisedRecord:
    """Normalise one raw record; `gazetteer` None leaves places at the source's county."""
    written = row.name_raw
    if row.role == "mention":
        written = nominative(written)
    elif row.role == "subject":
        # A page titled "Portal Orzeczeń Sądu Rejonowego w Brzozowie" is its owner's, the court.
        written = site_owner(written) or written
    county = row.county if len(row.county) == 4 and row.county.isdigit() else None
    place_name = gazetteer.place_name if gazetteer is not None else None
    cleaned = register_clean(written, place_name)
    name, shown = record_name(cleaned, gazetteer, county)
    if cleaned != written:
        # the name as the source wrote it stays an alternate
        as_written = normalise_name(written, place_name).name
        styled = shown.form == "written" and as_written != shown.name
        shown = replace(shown, written=as_written, form="styled" if styled else shown.form)
    core_name = normalise_name(name.core) if name.core else name
    # The description is read for statements below, sentence by sentence: a page's text
    # names services it does not offer (a job ad, a law), which classify would take.
    kind = classify(name.name, None, row.type_raw)
    support = read_support(row.description_raw, row.opening_hours_raw)
    services, services_default = _services(kind.services, kind.evidence, support)

    # a page's faxes come typed ("fax: 41 …"); the directory's phones are the voice lines
    phones = _unique([d.number for d in phone_details(row.phones_raw) if d.kinds != ("fax",)])
    emails = _unique([e for raw in row.emails_raw for e in normalise_emails(raw)])
    website = next((w for w in map(normalise_website, row.websites_raw) if w), None)
    host = website_host(website) if website else None
    postal_code = normalise_postal_code(row.postal_code_raw) if row.postal_code_raw else None
    street = normalise_street(restore(row.street_raw).text) if row.street_raw else None

    seat = institution_seat(shown.name, kind.type_code)
    addressed = bool(row.locality_raw or row.postal_code_raw or row.street_raw)
    name_place = name.place_raw or name_seat(
        shown.name, kind.type_code, county, gazetteer, addressed
    )
    resolution = resolve_record_place(row, gazetteer, name_place, seat) if gazetteer else None
    if resolution is not None:
        resolution = one_gmina(resolution)
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
        restored = restore(row.locality_raw).text if row.locality_raw else None
        locality = _unplaced_locality(restored, resolution)
        simc = gmina = gmina_name = None
        status = resolution.status if resolution is not None else "unresolved"
        method = powiat = None
        if resolution is not None and resolution.powiat_teryt:
            # namesakes that all lie in one powiat ("Ełk": the town and an osada nearby)
            powiat, method = resolution.powiat_teryt, resolution.method
        elif gazetteer is not None and (column := _record_powiat(row, gazetteer)):
            powiat, method = column, "powiat_column"
        elif county:
            powiat, method = county, "source_county"
        powiat_name = gazetteer.powiat_name(powiat) if gazetteer and powiat else None
        if gazetteer and powiat and (city := gazetteer.city_gmina(powiat)):  # a city's one gmina
            gmina, gmina_name = city.gmina_teryt, city.name

    seat_name = locality if status == "resolved" and simc else None  # a resolved locality
    if shown.form in ("acronym", "acronym_led", "written", "restored", "folded"):
        # Now the address is known: a bare acronym may take its seat, "OPS" its gmina's kind.
        later = _acronym_form(
            shown.name,
            expand(
                shown.name,
                place_name=_known_place(gazetteer, powiat),
                seat=seat_name,
                gmina_kind=resolution.gmina_kind if resolution is not None else None,
            ),
        )
        if later is not None:
            shown = replace(later, written=shown.written)
    place = _known_place(gazetteer, powiat)
    if office := county_office(
        shown.name, kind.type_code, (county, powiat_name), seat_name, gazetteer, place
    ):
        shown = replace(shown, name=office, form="styled_seat")
    elif shown.form not in ("acronym", "acronym_led"):
        # the seat as a register writes it: "w <locative>", from the name or the address
        seated = styled_seat(
            shown.name,
            kind.type_code,
            seat_name,
            gmina_name,
            place,
            spelling_only=shown.form not in ("written", "styled", "restored"),
            gmina_place=_place_in_gmina(gazetteer, powiat, gmina),
            powiat_place=_place_in_powiat(gazetteer, powiat),
        )
        if seated is not None:
            if seated.from_address:
                form = "styled_seat"
            else:
                form = "styled" if shown.form == "written" else shown.form
            shown = replace(shown, name=seated.name, form=form)

    evidence = json.dumps(
        {"classification": [_jsonable(e) for e in kind.evidence]},
        ensure_ascii=False,
        sort_keys=True,
    )
    return NormalisedRecord(
        record_id=row.record_id,
        source=row.source,
        role=row.role,
        name=shown.name,
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
        services=services,
        target_groups=_unique([*(g.code for g in support.target_groups), *kind.target_groups]),
        evidence=evidence,
        fetched_at=row.fetched_at,
        name_written=shown.written if shown.written != shown.name else None,
        name_form=shown.form,
        name_note=shown.note,
        services_stated=support.services,
        services_default=services_default,
        ages=support.ages,
        fees=support.fees,
        referral=support.referral,
        schedules=support.schedules,
    )


def _services(
    classified: tuple[str, ...], evidence: tuple[Any, ...], support: SupportStatements
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """All services, stated first, then those the name or type column gives, then the type's
    defaults; and the defaults nothing else gave (a stated service outranks a default)."""
    stated = [item.code for item in support.services]
    defaults = {e.code for e in evidence if e.kind == "service" and e.source == "type_default"}
    named = {e.code for e in evidence if e.kind == "service" and e.source != "type_default"}
    given = [code for code in classified if code in named]
    default_only = [code for code in classified if code in defaults and code not in named]
    services = _unique([*stated, *given, *default_only])
    return services, tuple(code for code in default_only if code not in stated)
