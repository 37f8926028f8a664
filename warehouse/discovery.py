"""Discovery: `kind: site` declarations proposed for institutions the catalogue lacks.

The directory already holds websites: a registry's `www` column (RSPO), a county's list of
units, a page's own footer, an article naming a partner with its site. An institution known
only from such lists has no source of its own, so nothing reads what it says it offers.
`discover` proposes, for each such institution, a declaration of its website as a site to
crawl: one YAML file per proposal in the catalogue's format, saying where the website was seen,
for a person to check and accept by moving it into `sources/`. Nothing is crawled that no one
declared: the catalogue leaves a `proposed/` folder out (extractors/catalogue.py).

An institution is left out when a source of its own covers it already (an institution page or
a site); a website is left out when its host (without `www.`) is a catalogue source's host,
when several institutions give the same host (a gmina portal hosting its units' pages: no one
site is the institution's), or when it is a social network or a platform of many sites'
pages rather than the institution's own site (`NOT_A_SITE`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import yaml

from extractors.catalogue import DEFAULT_MAX_PAGES

# Hosts that are never an institution's own site: social networks, video, map and link
# services. Folded to the registrable part a person would recognise.
NOT_A_SITE: tuple[str, ...] = (
    "facebook.com",
    "fb.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "youtube.com",
    "youtu.be",
    "linkedin.com",
    "tiktok.com",
    "google.com",
    "goo.gl",
    "maps.app.goo.gl",
    "bit.ly",
    "wikipedia.org",
    "epuap.gov.pl",
    "gov.pl",  # the national portal's pages of many offices, not one institution's site
)
_OWN_SOURCE_KINDS = ("institution_page", "site")


@dataclass(frozen=True, slots=True)
class Sighting:
    """Where the directory saw an institution's website."""

    source: str
    url: str  # the page or file that gives it


@dataclass(frozen=True, slots=True)
class Proposal:
    """A site declaration proposed for one institution."""

    slug: str
    institution_id: str
    name: str
    county: str
    url: str
    host: str
    seen: tuple[Sighting, ...]
    other_hosts: tuple[str, ...] = ()

    def declaration(self, today: date, warehouse: str) -> str:
        """The YAML file a person accepts by moving it into `sources/`."""
        where = "; ".join(f"{s.source} ({s.url})" for s in self.seen)
        notes = f"Adres strony widziany w: {where}."
        if self.other_hosts:
            notes += f" Inne adresy tej instytucji: {', '.join(self.other_hosts)}."
        notes += f" Instytucja w katalogu: {self.institution_id}."
        data = {
            "slug": self.slug,
            "title": f"{self.name} — strona internetowa",
            "county": self.county,
            "kind": "site",
            "url": self.url,
            "max_pages": DEFAULT_MAX_PAGES,
            "publisher": self.name,
            "notes": notes,
            "assert": {"min_records": 1},
        }
        head = (
            f"# Proposed by `wsparcie sources discover` on {today.isoformat()} from {warehouse}.\n"
            "# Nothing reads this site until a person accepts it: check that the address is the\n"
            "# institution's own site, then move this file into sources/<TERYT>_<county>/.\n"
        )
        return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@dataclass(frozen=True, slots=True)
class Discovery:
    """What `discover` found: the proposals, and why other websites were left out."""

    proposals: tuple[Proposal, ...]
    covered: int  # institutions with a source of their own already
    in_catalogue: tuple[str, ...]  # hosts a catalogue source reads already
    shared: tuple[str, ...]  # hosts several institutions give
    not_sites: tuple[str, ...]  # social networks and the like


def site_host(url: str) -> str:
    """The host a site is known by: lower case, without `www.` ("" for no host)."""
    try:
        host = (urlsplit(url if "//" in url else f"http://{url}").hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _not_a_site(host: str) -> bool:
    return any(host == h or host.endswith(f".{h}") for h in NOT_A_SITE)


def _slug(host: str, taken: set[str]) -> str:
    base = "site_" + re.sub(r"[^a-z0-9]+", "_", host).strip("_")[:50]
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    taken.add(slug)
    return slug


def _home_url(website: str) -> str:
    parts = urlsplit(website)
    return website if parts.path not in ("", None) else website.rstrip("/") + "/"


def discover(con: duckdb.DuckDBPyConnection, catalogue_urls: Iterable[str] = ()) -> Discovery:
    """Proposals from the warehouse's records; `catalogue_urls` are the declared sources' URLs
    (the warehouse's own `sources` table is read too)."""
    declared = {site_host(u) for u in catalogue_urls}
    declared |= {site_host(str(r[0])) for r in con.execute("SELECT url FROM sources").fetchall()}
    declared.discard("")
    rows = con.execute(
        f"""
        WITH seen AS (
            SELECT m.institution_id, r.website, r.source, w.url AS page
            FROM records AS r
            JOIN institution_records AS m USING (record_id)
            JOIN raw_records AS w USING (record_id)
            WHERE r.website IS NOT NULL
        ),
        covered AS (
            SELECT DISTINCT m.institution_id
            FROM institution_records AS m JOIN records AS r USING (record_id)
            JOIN sources AS s ON s.slug = r.source
            WHERE s.kind IN {_OWN_SOURCE_KINDS}
        )
        SELECT i.institution_id, i.name, coalesce(i.powiat_teryt, s.county) AS county,
               seen.website, seen.source, seen.page, i.institution_id IN (SELECT * FROM covered)
        FROM seen JOIN institutions AS i USING (institution_id)
        JOIN sources AS s ON s.slug = seen.source
        ORDER BY i.institution_id, seen.website, seen.source, seen.page
        """
    ).fetchall()
    by_institution: dict[str, list[tuple[str, str, str, str, str]]] = {}
    covered: set[str] = set()
    for institution, name, county, website, source, page, is_covered in rows:
        if is_covered:
            covered.add(str(institution))
            continue
        by_institution.setdefault(str(institution), []).append(
            (str(name), str(county), str(website), str(source), str(page))
        )
    hosts_of: dict[str, set[str]] = {}
    for institution, found in by_institution.items():
        for _name, _county, website, _source, _page in found:
            hosts_of.setdefault(site_host(website), set()).add(institution)
    in_catalogue, shared, not_sites = set(), set(), set()
    proposals: list[Proposal] = []
    taken: set[str] = set()
    for institution, found in by_institution.items():
        votes: dict[str, int] = {}
        for _name, _county, website, _source, _page in found:
            host = site_host(website)
            if not host:
                continue
            if host in declared:
                in_catalogue.add(host)
            elif _not_a_site(host):
                not_sites.add(host)
            elif len(hosts_of[host]) > 1:
                shared.add(host)
            else:
                votes[host] = votes.get(host, 0) + 1
        if not votes or any(site_host(w) in declared for _n, _c, w, _s, _p in found):
            continue  # a host of it is read already: the institution has its site
        host = min(votes, key=lambda h: (-votes[h], h))
        mine = [f for f in found if site_host(f[2]) == host]
        name, county, website = mine[0][0], mine[0][1], mine[0][2]
        proposals.append(
            Proposal(
                slug=_slug(host, taken),
                institution_id=institution,
                name=name,
                county=county,
                url=_home_url(website),
                host=host,
                seen=tuple(dict.fromkeys(Sighting(s, p) for _n, _c, _w, s, p in mine)),
                other_hosts=tuple(sorted(set(votes) - {host})),
            )
        )
    return Discovery(
        proposals=tuple(sorted(proposals, key=lambda p: (p.county, p.slug))),
        covered=len(covered),
        in_catalogue=tuple(sorted(in_catalogue)),
        shared=tuple(sorted(shared)),
        not_sites=tuple(sorted(not_sites)),
    )


def write_proposals(
    discovery: Discovery, out: Path, warehouse: str, today: date | None = None
) -> list[Path]:
    """One declaration per proposal under `out/<county>/<slug>.yml`; returns the files."""
    written = []
    for proposal in discovery.proposals:
        path = out / proposal.county / f"{proposal.slug}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(proposal.declaration(today or date.today(), warehouse), encoding="utf-8")
        written.append(path)
    return written
