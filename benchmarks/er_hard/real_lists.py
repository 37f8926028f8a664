"""Real lists of care institutions, read with the project's own spreadsheet parser.

Voivodeship offices' spreadsheets (DPS of podkarpackie and kujawsko-pomorskie; ŚDS, DPS and
Senior+ of małopolskie) and the Universities of the Third Age of małopolskie, plus the RSPO
sample of Warsaw licea. An institution is kept when its powiat (or locality) is one the set
covers; its name, address and phones stay as the office published them.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from entities import Catalogue, Entity, Name, nip_number, real_name
from geography import Gmina, Locality, Powiat

from extractors.records import Document, ParsedInstitution
from extractors.spreadsheets import parse_spreadsheet

SPREADSHEETS = {
    "małopolskie": (
        ("social_assistance/dps_wolne_miejsca_malopolskie_2026-07-31.xlsx", "dps"),
        ("social_assistance/sds_malopolskie_2026-05-04.xlsx", "sds"),
        ("social_assistance/senior_plus_malopolskie_2026-06-02.xlsx", "senior"),
    ),
    "podkarpackie": (("social_assistance/dps_frekwencja_podkarpackie_2026-06-30.xls", "dps"),),
    "kujawsko-pomorskie": (
        ("social_assistance/dps_wolne_miejsca_kujawsko-pomorskie_2026-06-30.xls", "dps"),
    ),
}


def _parsed(path: Path) -> list[ParsedInstitution]:
    return parse_spreadsheet(Document.from_bytes(url=path.as_uri(), content=path.read_bytes()))


def _place(
    powiats: list[Powiat], powiat_name: str | None, locality: str | None
) -> tuple[Powiat, Gmina, Locality] | None:
    wanted = (powiat_name or "").strip().lower()
    for powiat in powiats:
        if wanted and powiat.name.lower() != wanted:
            continue
        for gmina in powiat.gminas:
            for loc in gmina.localities:
                if locality and loc.name == locality.strip():
                    return powiat, gmina, loc
        if wanted:
            return powiat, powiat.gminas[0], powiat.seat
    return None


def _street(raw: str | None) -> tuple[str | None, str]:
    if not raw:
        return None, ""
    raw = re.sub(r"\s+", " ", raw.strip())
    match = re.match(r"^(.*?)\s*(\d+[A-Za-z]?(?:[/-]\d+[A-Za-z]?)?)$", raw)
    if match and match.group(1):
        return match.group(1), match.group(2)
    return raw, ""


def _phone(values: tuple[str, ...]) -> str | None:
    for value in values:
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 9:
            return digits[-9:]
    return None


def add_spreadsheet_lists(
    catalogue: Catalogue, powiats: list[Powiat], voivodeships: tuple[str, ...]
) -> None:
    for voivodeship in voivodeships:
        for relative, kind in SPREADSHEETS.get(voivodeship, ()):
            for parsed in _parsed(catalogue.data / relative):
                placed = _place(powiats, parsed.powiat_raw, parsed.locality_raw)
                if placed is None:
                    continue
                powiat, gmina, locality = placed
                _add(catalogue, parsed, kind, powiat, gmina, locality)


def _add(
    catalogue: Catalogue,
    parsed: ParsedInstitution,
    kind: str,
    powiat: Powiat,
    gmina: Gmina,
    locality: Locality,
) -> None:
    raw = re.sub(r"\s+", " ", parsed.name_raw.strip())
    if kind == "senior":
        name = Name(raw.rstrip(), locality.name)  # "Klub Senior+": the list names no place
        etype = "senior"
    else:
        raw = re.sub(r"^ŚDS\b", "Środowiskowy Dom Samopomocy", raw)
        name = real_name(raw, locality.name)
        etype = kind
    postal = parsed.postal_code_raw if parsed.postal_code_raw and re.fullmatch(
        r"\d{2}-\d{3}", parsed.postal_code_raw.strip()) else None  # fmt: skip
    entity = catalogue.add(
        etype,
        "social",
        name,
        gmina,
        powiat,
        locality,
        address=_street(parsed.street_raw) if parsed.street_raw else None,
        postal=postal.strip() if postal else None,
        phone=_phone(parsed.phones_raw),
        email=parsed.emails_raw[0] if parsed.emails_raw else None,
    )
    entity.real_source = "voivodeship_list"


def add_utw(catalogue: Catalogue, powiats: list[Powiat]) -> None:
    path = catalogue.data / "social_assistance" / "utw_malopolskie.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            placed = _place(powiats, row["powiat"], row["miejscowosc"])
            if placed is None:
                continue
            powiat, gmina, locality = placed
            entity = catalogue.add(
                "utw",
                "ngo",
                real_name(row["nazwa"], locality.name),
                gmina,
                powiat,
                locality,
                address=_street(row["ulica"]),
                postal=row["kod_pocztowy"] or None,
                phone=_phone((row["telefon"],)),
                email=row["email"] or None,
                website=row["strona_www"] or None,
            )
            entity.real_source = "utw_malopolskie"


def add_rspo_licea(catalogue: Catalogue) -> list[Entity]:
    """The Warsaw licea of the RSPO sample, and the school complexes some belong to (one
    address: a hard negative)."""
    path = catalogue.data / "education" / "rspo_export_sample_lo.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    warsaw = Powiat("1465", "Warszawa", "mazowieckie")
    added: list[Entity] = []
    complexes: dict[str, Entity] = {}

    def value(row: dict[str, str], key: str) -> str:
        return re.sub(r'^="?|"$', "", row.get(key, "") or "").strip('"').strip()

    for row in rows:
        district = value(row, "Gmina")
        gmina = Gmina(value(row, "Kod terytorialny gmina"), district, "urban")
        loc = Locality("Warszawa", True, (value(row, "Kod pocztowy"),))
        gmina.localities.append(loc)
        warsaw.gminas.append(gmina)
        name = real_name(_title(value(row, "Nazwa")), None)
        entity = catalogue.add(
            "lo",
            "education",
            name,
            gmina,
            warsaw,
            loc,
            address=(value(row, "Ulica") or None, value(row, "Numer budynku")),
            postal=value(row, "Kod pocztowy") or None,
            phone=_phone((value(row, "Telefon"),)),
            email=value(row, "E-mail") or None,
            website=value(row, "Strona www") or None,
            nip=value(row, "NIP") or nip_number(catalogue.rng),
        )
        if value(row, "REGON"):
            entity.regon = value(row, "REGON")[:9]
        entity.real_source = "rspo"
        added.append(entity)
        complex_name = _complex_name(row)
        if complex_name:
            if complex_name not in complexes:
                complexes[complex_name] = catalogue.add(
                    "zs", "education", real_name(_title(complex_name), None), gmina, warsaw, loc,
                    address=(entity.street, entity.house or ""), postal=entity.postal_code,
                    phone=entity.phone, email=entity.email,
                )  # fmt: skip
            for e in (entity, complexes[complex_name]):
                e.hard_negative_tags |= {"shared_building", "shared_phone"}
    return added


def _complex_name(row: dict[str, str]) -> str | None:
    for value in row.values():
        text = (value or "").strip('="')
        if text.upper().startswith("ZESPÓŁ SZKÓŁ") and text.isupper():
            return text
    return None


def _title(text: str) -> str:
    """RSPO's capitals in the case the school itself uses ("CXIV LICEUM OGÓLNOKSZTAŁCĄCE IM.
    JANA KILIŃSKIEGO" -> "CXIV Liceum Ogólnokształcące im. Jana Kilińskiego")."""
    out = []
    for word in text.split():
        if re.fullmatch(r"[IVXLC]+", word):
            out.append(word)
        elif word in ("IM.", "NR", "W", "I", "Z", "DLA"):
            out.append(word.lower() if word != "NR" else "nr")
        else:
            out.append("-".join(p.capitalize() for p in word.split("-")))
    return " ".join(out)
