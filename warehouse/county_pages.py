"""Static HTML pages for county websites: a directory per county, a coverage page, an index.

Each county page is one self-contained file (inline CSS and a few lines of inline JS) that a
county office can drop onto its website: institutions by sector with their services and
contacts, and the county's statutory gaps. Each entry shows the services its sources state,
with the sentence and a link to the page (a type's default services apart, marked as such),
and the day a source last confirmed it. "Czego szukasz?" filters offline: by need (the
services present in the county; a type's defaults count only when asked), by age (entries
whose stated ages contain it — the ages of the service asked for, when one is — and entries
that state none), by gmina and by free text. The
full list is plain HTML, readable and printable without JavaScript; the filters appear only
when the script runs. Everything that comes from the data goes through Jinja2's autoescaping, so
a scraped "<script>" in a name is shown as text.

Pages are built from the publication's staged tables (pub_institutions, pub_services,
pub_target_groups, pub_contacts — see publish.py), so they carry exactly what the CSVs carry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import phonenumbers
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from transforms.taxonomy import SECTORS
from transforms.text import fold
from warehouse.coverage import CoverageRow
from warehouse.hsds_services import age_range


@dataclass(frozen=True, slots=True)
class Phone:
    e164: str
    display: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Services of an entry that one source states (or names) the same way: with the page
    and the sentence (a link only to a web address: the demo's loopback pages have none)."""

    labels: tuple[str, ...]
    origin: str  # stated | name
    url: str | None
    text: str | None
    ages: str | None  # "od 3 do 10 lat"
    last_confirmed: str | None


@dataclass(frozen=True, slots=True)
class Entry:
    institution_id: str
    name: str
    type_label: str
    gmina: str | None
    address: str | None
    phones: tuple[Phone, ...]
    emails: tuple[str, ...]
    website: str | None
    website_label: str | None
    opening_hours: str | None
    services: tuple[str, ...]
    target_groups: tuple[str, ...]
    search: str  # folded text the search box matches
    evidence: tuple[Evidence, ...] = ()  # the services sources state or name, grouped
    defaults: tuple[str, ...] = ()  # labels of the services only its type gives
    stated_codes: str = ""  # codes of services stated or named, space-separated (the filter)
    default_codes: str = ""  # codes of the type's defaults, space-separated
    # the ages each stated service is for: "speech_therapy:3-10 psychotherapy:-18" (either
    # end of a range may be open)
    ages: str = ""
    last_confirmed: str | None = None
    gmina_teryt: str | None = None


@dataclass(frozen=True, slots=True)
class Need:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class SectorGroup:
    code: str
    label: str
    institutions: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class CountyPage:
    teryt: str
    name: str
    folder: str  # powiaty/<teryt>_<slug>
    sectors: tuple[SectorGroup, ...]
    needs: tuple[Need, ...] = ()  # the services present in the county, by Polish label
    gminas: tuple[tuple[str, str], ...] = ()  # (TERYT, name) of the entries' gminas

    @property
    def total(self) -> int:
        return sum(len(s.institutions) for s in self.sectors)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "brak"


def county_folder(teryt: str, name: str | None) -> str:
    """The county's folder in the publication: powiaty/2610_skarzyski."""
    return f"powiaty/{teryt}_{slug(name or teryt)}"


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("warehouse", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["plural"] = _plural
    return env


def _phone(e164: str) -> Phone:
    try:
        number = phonenumbers.parse(e164, "PL")
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        display = e164
    return Phone(e164, display)


def _split(value: object) -> tuple[str, ...]:
    return tuple(v for v in str(value).split("; ") if v) if value else ()


def _search_text(*parts: object) -> str:
    text = " ".join(str(p) for p in parts if p)
    return fold(text).lower()


@dataclass(frozen=True, slots=True)
class _Services:
    """An institution's services as the page shows and filters them."""

    evidence: tuple[Evidence, ...]
    defaults: tuple[str, ...]
    stated_codes: tuple[str, ...]
    default_codes: tuple[str, ...]
    ages: tuple[str, ...]
    needs: tuple[Need, ...]


def _web_address(url: object) -> str | None:
    text = str(url) if url else ""
    return text if text.startswith(("http://", "https://")) else None


def _services_of(con: duckdb.DuckDBPyConnection) -> dict[str, _Services]:
    rows = con.execute(
        """
        SELECT institution_id, service, service_label, origin, evidence_url, evidence_text,
               age_min, age_max, last_confirmed
        FROM pub_services ORDER BY institution_id, service_label, service
        """
    ).fetchall()
    by_institution: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_institution.setdefault(str(row[0]), []).append(row)
    out = {}
    for iid, services in by_institution.items():
        groups: dict[tuple[object, ...], list[str]] = {}
        ages = []
        for _iid, code, label, origin, url, text, age_min, age_max, confirmed in services:
            if origin == "default":
                continue
            words = age_range(age_min, age_max)
            key = (origin, _web_address(url), text, words, confirmed)
            groups.setdefault(key, []).append(str(label))
            if words:
                low = "" if age_min is None else age_min
                high = "" if age_max is None else age_max
                ages.append(f"{code}:{low}-{high}")
        out[iid] = _Services(
            evidence=tuple(
                Evidence(
                    tuple(labels),
                    str(origin),
                    url if isinstance(url, str) else None,
                    str(text) if text else None,
                    str(words) if words else None,
                    confirmed.isoformat() if isinstance(confirmed, date) else None,
                )
                for (origin, url, text, words, confirmed), labels in groups.items()
            ),
            defaults=tuple(str(r[2]) for r in services if r[3] == "default"),
            stated_codes=tuple(str(r[1]) for r in services if r[3] != "default"),
            default_codes=tuple(str(r[1]) for r in services if r[3] == "default"),
            ages=tuple(dict.fromkeys(ages)),
            needs=tuple(Need(str(r[1]), str(r[2])) for r in services),
        )
    return out


def build_county_pages(con: duckdb.DuckDBPyConnection) -> tuple[CountyPage, ...]:
    """One page model per county present in the publication, sectors in taxonomy order."""
    labels = dict(
        con.execute(
            "SELECT institution_id, string_agg(service_label, '; ' ORDER BY service_label)"
            " FROM pub_services GROUP BY 1"
        ).fetchall()
    )
    services_of = _services_of(con)
    groups = dict(
        con.execute(
            "SELECT institution_id, string_agg(label, '; ' ORDER BY label)"
            " FROM pub_target_groups GROUP BY 1"
        ).fetchall()
    )
    cursor = con.execute(
        """
        SELECT institution_id, name, type_label, sector, sector_label, powiat_teryt, powiat,
               gmina, locality, street, postal_code, phones, emails, website, opening_hours,
               acronym, alternate_names, last_confirmed, gmina_teryt
        FROM pub_institutions WHERE powiat_teryt IS NOT NULL
        ORDER BY powiat_teryt, sector, name, institution_id
        """
    )
    by_county: dict[tuple[str, str], dict[str, list[Entry]]] = {}
    needs: dict[tuple[str, str], set[Need]] = {}
    sector_labels: dict[str, str] = {}
    for row in cursor.fetchall():
        (
            iid,
            name,
            type_label,
            sector,
            sector_label,
            teryt,
            powiat,
            gmina,
            locality,
            street,
            postal_code,
            phones,
            emails,
            website,
            hours,
            acronym,
            alternate_names,
            last_confirmed,
            gmina_teryt,
        ) = row
        place = " ".join(p for p in (postal_code, locality) if p)
        address = ", ".join(p for p in (street, place) if p) or None
        services = _split(labels.get(iid))
        targets = _split(groups.get(iid))
        offered = services_of.get(iid, _Services((), (), (), (), (), ()))
        entry = Entry(
            institution_id=iid,
            name=name,
            type_label=type_label,
            gmina=gmina,
            address=address,
            phones=tuple(_phone(p) for p in _split(phones)),
            emails=_split(emails),
            website=website,
            website_label=re.sub(r"^https?://", "", website).rstrip("/") if website else None,
            opening_hours=hours,
            services=services,
            target_groups=targets,
            # Other names too: a parent may know it as "GOPS Charsznica" or "ŚDS Bochnia".
            search=_search_text(
                name,
                acronym,
                *_split(alternate_names),
                type_label,
                gmina,
                locality,
                street,
                *services,
                *targets,
            ),
            evidence=offered.evidence,
            defaults=offered.defaults,
            stated_codes=" ".join(offered.stated_codes),
            default_codes=" ".join(offered.default_codes),
            ages=" ".join(offered.ages),
            last_confirmed=last_confirmed.isoformat() if last_confirmed else None,
            gmina_teryt=gmina_teryt,
        )
        sector_labels[sector] = sector_label
        by_county.setdefault((teryt, powiat or teryt), {}).setdefault(sector, []).append(entry)
        needs.setdefault((teryt, powiat or teryt), set()).update(offered.needs)
    order = {s.code: n for n, s in enumerate(SECTORS)}
    pages = []
    for (teryt, name), sectors in sorted(by_county.items()):
        entries_of = [e for entries in sectors.values() for e in entries]
        pages.append(
            CountyPage(
                teryt,
                name,
                county_folder(teryt, name),
                tuple(
                    SectorGroup(code, sector_labels[code].capitalize(), tuple(entries))
                    for code, entries in sorted(
                        sectors.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])
                    )
                ),
                needs=tuple(
                    sorted(needs.get((teryt, name), ()), key=lambda n: (fold(n.label), n.code))
                ),
                gminas=tuple(
                    sorted(
                        {(e.gmina_teryt, e.gmina) for e in entries_of if e.gmina_teryt and e.gmina},
                        key=lambda g: (fold(g[1]), g[0]),
                    )
                ),
            )
        )
    return tuple(pages)


def render_county_page(
    page: CountyPage,
    coverage: Sequence[CoverageRow],
    *,
    data_as_of: str | None,
    notice: str | None,
    env: Environment | None = None,
) -> str:
    env = env or environment()
    rows = [r for r in coverage if r.powiat_teryt == page.teryt]
    return env.get_template("county.html.j2").render(
        title=f"Powiat {page.name} — instytucje i usługi wsparcia",
        heading=f"Powiat {page.name} — instytucje i usługi wsparcia",
        county=page,
        sectors=page.sectors,
        total=page.total,
        coverage=rows,
        coverage_missing=[r for r in rows if r.missing],
        data_as_of=data_as_of,
        notice=notice,
    )


@dataclass(frozen=True, slots=True)
class _CoverageCounty:
    teryt: str
    name: str
    page: str | None
    rows: tuple[CoverageRow, ...]

    @property
    def missing(self) -> int:
        return sum(r.missing for r in self.rows)


def render_coverage_page(
    coverage: Sequence[CoverageRow],
    pages: Sequence[CountyPage],
    *,
    data_as_of: str | None,
    notice: str | None,
    env: Environment | None = None,
) -> str:
    """The statutory coverage of every catalogued county, as one Polish page."""
    env = env or environment()
    links = {p.teryt: f"{p.folder}/index.html" for p in pages}
    counties: dict[str, list[CoverageRow]] = {}
    for row in coverage:
        counties.setdefault(row.powiat_teryt, []).append(row)
    models = [
        _CoverageCounty(teryt, rows[0].powiat_name or teryt, links.get(teryt), tuple(rows))
        for teryt, rows in sorted(counties.items())
    ]
    return env.get_template("coverage.html.j2").render(
        title="Braki instytucji wymaganych przez ustawy",
        heading="Braki instytucji wymaganych przez ustawy",
        counties=models,
        data_as_of=data_as_of,
        notice=notice,
    )


@dataclass(frozen=True, slots=True)
class _IndexCounty:
    teryt: str
    name: str
    page: str
    total: int


def write_county_pages(
    con: duckdb.DuckDBPyConnection,
    root: Path,
    coverage: Sequence[CoverageRow],
    *,
    data_as_of: str | None,
    notice: str | None,
) -> list[str]:
    """Write powiaty/<folder>/index.html per county, pokrycie.html and index.html under `root`;
    returns the written paths relative to `root`."""
    env = environment()
    pages = build_county_pages(con)
    written = []
    for page in pages:
        target = root / page.folder / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            render_county_page(page, coverage, data_as_of=data_as_of, notice=notice, env=env),
            encoding="utf-8",
        )
        written.append(f"{page.folder}/index.html")
    (root / "pokrycie.html").write_text(
        render_coverage_page(coverage, pages, data_as_of=data_as_of, notice=notice, env=env),
        encoding="utf-8",
    )
    index = env.get_template("index.html.j2").render(
        title="Katalog instytucji wsparcia",
        heading="Katalog instytucji wsparcia",
        counties=[_IndexCounty(p.teryt, p.name, f"{p.folder}/index.html", p.total) for p in pages],
        data_as_of=data_as_of,
        notice=notice,
    )
    (root / "index.html").write_text(index, encoding="utf-8")
    return [*written, "pokrycie.html", "index.html"]
