"""A small real warehouse for the publication tests, built in a second or two.

Hand-made raw records (as extractors would load them) go through the real normalise and
match stages (warehouse/stages.py) over the demo gazetteer, so the publication tests exercise
the same tables a nightly run builds, without a Prefect run or an HTTP server. The records
include what a publication must never leak: a director's name in a description and in the
unmapped fields, a first.last@ e-mail and opening hours naming a person.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from flows.demo import DEMO_DIR
from warehouse.db import connect
from warehouse.gazetteer import load_gazetteer
from warehouse.stages import load_gazetteer_if_present, match_and_build, rebuild_records

SEEN = datetime(2026, 3, 2, 21, 30, tzinfo=UTC)
STAFF_NAME = "Jan Kowalski"

# slug, county, kind, title, url
SOURCES = [
    (
        "pcpr_skarzysko",
        "2610",
        "institution_page",
        "PCPR Skarżysko-Kamienna — dane",
        "https://pcpr.example.pl/dane",
    ),
    (
        "skarzyski_baza",
        "2610",
        "directory_page",
        "Powiat skarżyski — baza zasobów",
        "https://powiat.example.pl/baza",
    ),
    (
        "piski_adresy",
        "2816",
        "directory_page",
        "Powiat piski — przydatne adresy",
        "https://powiat-pisz.example.pl/adresy",
    ),
]

Row = tuple[Any, ...]

# source, role, name_raw, street, postal code, locality, phones, emails, website, nip, regon,
# opening hours, description, extra
RECORDS = [
    (
        "pcpr_skarzysko",
        "subject",
        "Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej",
        "ul. Konarskiego 20",
        "26-110",
        "Skarżysko-Kamienna",
        ["41 251 00 01"],
        ["sekretariat@pcpr.example.pl", "jan.kowalski@pcpr.example.pl"],
        "https://pcpr.example.pl",
        "6631867639",
        "290543106",
        "pon.–pt. 7:30–15:30",
        f"Dyrektor {STAFF_NAME}. Zakres działania: piecza zastępcza, interwencja kryzysowa,"
        " poradnictwo specjalistyczne dla rodzin i dzieci",
        {"Kierownik działu": "Anna Nowak"},
    ),
    (
        "skarzyski_baza",
        "row",
        "Miejski Ośrodek Pomocy Społecznej w Skarżysku-Kamiennej",
        "ul. Sokola 70",
        "26-110",
        "Skarżysko-Kamienna",
        ["41 251 22 22"],
        ["mops@mops.example.pl"],
        None,
        None,
        None,
        f"pon.–pt. 8–16, dyrektor {STAFF_NAME} przyjmuje we wtorki",
        None,
        None,
    ),
    (
        "skarzyski_baza",
        "row",
        "Gminny Ośrodek Pomocy Społecznej w Bliżynie",
        "ul. Kościelna 79",
        "26-120",
        "Bliżyn",
        ["41 254 10 10"],
        [],
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "skarzyski_baza",
        "row",
        "Poradnia Psychologiczno-Pedagogiczna w Skarżysku-Kamiennej",
        "ul. Słowackiego 25",
        "26-110",
        "Skarżysko-Kamienna",
        ["41 252 30 30"],
        ["ppp@ppp.example.pl"],
        "http://ppp.example.pl",
        None,
        None,
        None,
        "diagnoza i terapia dzieci i młodzieży, pomoc psychologiczna dla rodziców",
        None,
    ),
    (
        "skarzyski_baza",
        "row",
        "Komenda Powiatowa Policji w Skarżysku-Kamiennej",
        "ul. Sikorskiego 20",
        "26-110",
        "Skarżysko-Kamienna",
        ["47 812 02 00"],
        [],
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "skarzyski_baza",
        "row",
        "Stowarzyszenie Pomocy Arka Noego",
        "ul. Wiejska 9",
        "26-110",
        "Skarżysko-Kamienna",
        [],
        [],
        None,
        None,
        None,
        None,
        "pomoc osobom w kryzysie bezdomności",
        None,
    ),
    (
        "piski_adresy",
        "row",
        "Powiatowe Centrum Pomocy Rodzinie w Piszu",
        "ul. Gizewiusza 5",
        "12-200",
        "Pisz",
        ["87 423 20 00"],
        ["pcpr@pisz.example.pl"],
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "piski_adresy",
        "row",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Piszu",
        "ul. Gizewiusza 3",
        "12-200",
        "Pisz",
        ["87 423 30 00"],
        [],
        None,
        None,
        None,
        None,
        None,
        None,
    ),
]


def build_directory(
    db: Path,
    extra_records: Sequence[Row] = (),
    extra_sources: Sequence[tuple[str, str, str, str, str]] = (),
) -> duckdb.DuckDBPyConnection:
    """A migrated warehouse at `db` with sources, raw records, records and the directory;
    `extra_records` (rows shaped like RECORDS) are loaded after the standard ones, and may name
    `extra_sources` (shaped like SOURCES)."""
    con = connect(db)
    g = DEMO_DIR / "gazetteer"
    load_gazetteer(con, terc=g / "terc.csv", simc=g / "simc.csv", pna=g / "pna.csv")
    sources = [*SOURCES, *extra_sources]
    for slug, county, kind, title, url in sources:
        con.execute(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, 'test', ?, 1, NULL, 'tests', ?)",
            [slug, title, county, kind, url, title.split(" — ")[0], SEEN],
        )
    for n, (
        source,
        role,
        name,
        street,
        postal,
        locality,
        phones,
        emails,
        website,
        nip,
        regon,
        hours,
        description,
        extra,
    ) in enumerate([*RECORDS, *extra_records]):
        con.execute(
            """
            INSERT INTO raw_records (record_id, source, url, document_sha256, fetched_at, role,
                name_raw, street_raw, postal_code_raw, locality_raw, phones_raw, emails_raw,
                websites_raw, nip_raw, regon_raw, opening_hours_raw, description_raw, extra,
                first_seen_at, last_seen_at, active)
            VALUES (?, ?, ?, 'sha', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)
            """,
            [
                f"rec{n:02d}",
                source,
                dict((s[0], s[4]) for s in sources)[source],
                SEEN,
                role,
                name,
                street,
                postal,
                locality,
                phones,
                emails,
                [website] if website else [],
                nip,
                regon,
                hours,
                description,
                json.dumps(extra, ensure_ascii=False) if extra else None,
                SEEN,
                SEEN,
            ],
        )
    rebuild_records(con, load_gazetteer_if_present(con))
    match_and_build(con, "test-run")
    return con


# Two offer pages that state their support (services, ages, fees, referral, hours), for the
# publication of services with their evidence: pass both to `build_directory`. The poradnia's
# psychologist's hours name her: that sentence must never be published.
STATED_SOURCES = [
    (
        "ppp_pisz_www",
        "2816",
        "site",
        "Poradnia w Piszu — oferta",
        "https://poradnia-pisz.example.pl/oferta",
    ),
    (
        "fundacja_orzysz_www",
        "2816",
        "site",
        "Fundacja w Orzyszu — zajęcia",
        "https://fundacja-orzysz.example.org/zajecia",
    ),
    (
        "fundacja_orzysz_grupa",
        "2816",
        "site",
        "Fundacja w Orzyszu — grupa dla rodziców",
        "https://fundacja-orzysz.example.org/grupa",
    ),
]
STATED_RECORDS = [
    (
        "ppp_pisz_www",
        "subject",
        "Poradnia Psychologiczno-Pedagogiczna w Piszu",
        "ul. Warszawska 1",
        "12-200",
        "Pisz",
        ["87 423 40 40"],
        ["poradnia@poradnia-pisz.example.pl"],
        "https://poradnia-pisz.example.pl",
        None,
        None,
        None,
        "Terapia logopedyczna dla dzieci od 3 do 10 lat. Wszystkie zajęcia są bezpłatne i nie"
        " wymagają skierowania. Sekretariat czynny od poniedziałku do piątku w godzinach"
        " 7:30–15:30. Dyżur psychologa we wtorki 15–18, prowadzi mgr Anna Nowak.",
        None,
    ),
    (
        "fundacja_orzysz_www",
        "subject",
        "Fundacja Pomocy Dzieciom Mazurskie Skrzydła",
        "ul. Giżycka 4",
        "12-250",
        "Orzysz",
        ["87 423 50 50"],
        [],
        "https://fundacja-orzysz.example.org",
        None,
        None,
        None,
        "Prowadzimy terapię logopedyczną i grupę wsparcia dla młodzieży w wieku od 13 do 18 lat.",
        None,
    ),
    (  # the same foundation's other page: its support group has other ages
        "fundacja_orzysz_grupa",
        "subject",
        "Fundacja Pomocy Dzieciom Mazurskie Skrzydła",
        "ul. Giżycka 4",
        "12-250",
        "Orzysz",
        ["87 423 50 50"],
        [],
        "https://fundacja-orzysz.example.org",
        None,
        None,
        None,
        "Grupa wsparcia dla rodziców dzieci w wieku od 0 do 6 lat.",
        None,
    ),
]
