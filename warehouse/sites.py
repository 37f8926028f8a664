"""The warehouse side of `kind: site` sources: what the next crawl needs to know, one
institution per site in the match stage, and the "site pages" part of the run report.

- `previous_sites`: per site, the pages its last crawl read (address, content hash, records)
  and its subject's name, so that tonight's crawl leaves unchanged pages unparsed;
- `site_joins`: the pages of one site describe one institution, its subject: their subject
  records are joined for the matcher as a coordinator's "same" would join them (a
  coordinator's "different" still wins, being applied after);
- `read_site_pages`, `site_pages_markdown`, `site_pages_lines`: per site, which pages were read
  and why (the link word or rule), or why not (unchanged, robots.txt, budget reached …).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from extractors.crawl import PreviousPage, SitePrevious
from transforms.er.resolve import Decision

# Outcomes in the words of the report.
OUTCOME_WORDS = {
    "read": "read",
    "unchanged": "unchanged (not parsed again; its records kept)",
    "links_only": "read for its links only",
    "robots": "not read: robots.txt",
    "budget": "not read: budget reached",
    "failed": "failed",
    "not_html": "not a page",
    "left_site": "redirected off the site",
    "duplicate": "the same page again",
}


def previous_sites(con: duckdb.DuckDBPyConnection) -> dict[str, SitePrevious]:
    """Per site source, its latest crawl that got past the home page: the pages read (or kept
    unchanged, or kept after failing) with their hashes and records, and the name its subject
    records bear."""
    rows = con.execute(
        """
        WITH latest AS (
            SELECT p.source, p.run_id FROM site_pages AS p
            JOIN source_runs AS sr USING (run_id, source)
            WHERE sr.status IN ('extracted', 'unchanged')
            QUALIFY row_number() OVER (PARTITION BY p.source ORDER BY sr.started_at DESC) = 1
        )
        SELECT p.source, p.url, p.final_url, p.document_sha256, coalesce(p.records, 0)
        FROM site_pages AS p JOIN latest USING (source, run_id)
        WHERE p.outcome IN ('read', 'unchanged', 'links_only', 'failed')
          AND p.document_sha256 IS NOT NULL
        ORDER BY p.source, p.seq
        """
    ).fetchall()
    pages: dict[str, list[PreviousPage]] = {}
    for source, url, final_url, sha, records in rows:
        pages.setdefault(str(source), []).append(
            PreviousPage(str(url), str(final_url), str(sha), int(records))
        )
    names = dict(
        con.execute(
            """
            SELECT source, arg_max(name_raw, n) FROM (
                SELECT r.source, r.name_raw, count(*) AS n FROM raw_records AS r
                JOIN sources AS s ON s.slug = r.source
                WHERE s.kind = 'site' AND r.active AND r.role = 'subject'
                GROUP BY ALL
            ) GROUP BY source
            """
        ).fetchall()
    )
    return {
        source: SitePrevious(tuple(found), names.get(source)) for source, found in pages.items()
    }


def site_joins(con: duckdb.DuckDBPyConnection) -> list[Decision]:
    """ "Same" pairs for the matcher: each subject record of a site with the site's first."""
    rows = con.execute(
        """
        SELECT r.record_id, min(r.record_id) OVER (PARTITION BY r.source) AS first_id
        FROM records AS r JOIN sources AS s ON s.slug = r.source
        WHERE s.kind = 'site' AND r.role = 'subject'
        ORDER BY r.record_id
        """
    ).fetchall()
    return [
        Decision.of(str(record), str(first), "same", note="pages of one site")
        for record, first in rows
        if record != first
    ]


@dataclass(frozen=True, slots=True)
class SitePageLine:
    """One row of `site_pages`."""

    source: str
    seq: int
    url: str
    depth: int
    reason: str
    outcome: str
    http_status: int | None
    records: int | None
    message: str | None

    def text(self) -> str:
        what = OUTCOME_WORDS.get(self.outcome, self.outcome)
        records = f", {self.records} record(s)" if self.records else ""
        message = f" ({self.message})" if self.message and self.outcome != "budget" else ""
        return f"{self.url} — {self.reason} — {what}{records}{message}"


def read_site_pages(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[SitePageLine, ...]:
    """Every site page of the run, site by site in crawl order (none before migration 012)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'site_pages'"
    ).fetchone()
    if not exists or not exists[0]:
        return ()
    rows = con.execute(
        """
        SELECT source, seq, url, depth, reason, outcome, http_status, records, message
        FROM site_pages WHERE run_id = ? ORDER BY source, seq
        """,
        [run_id],
    ).fetchall()
    return tuple(
        SitePageLine(
            str(r[0]), int(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5]), r[6], r[7], r[8]
        )
        for r in rows
    )


def _by_site(lines: tuple[SitePageLine, ...]) -> dict[str, list[SitePageLine]]:
    found: dict[str, list[SitePageLine]] = {}
    for line in lines:
        found.setdefault(line.source, []).append(line)
    return found


def _summary(pages: list[SitePageLine]) -> str:
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.outcome] = counts.get(page.outcome, 0) + 1
    return ", ".join(f"{n} {outcome}" for outcome, n in counts.items())


def site_pages_lines(lines: tuple[SitePageLine, ...], limit: int = 200) -> list[str]:
    """The site pages of a run as plain text for `wsparcie status`; at most `limit` pages."""
    if not lines:
        return []
    sites = _by_site(lines)
    out = [f"site pages ({len(sites)} site(s); all in the table site_pages):"]
    shown = 0
    for source, pages in sites.items():
        out.append(f"  {source}: {_summary(pages)}")
        for page in pages:
            if shown >= limit:
                break
            out.append(f"    {page.text()}")
            shown += 1
    if shown < len(lines):
        out.append(f"  … {len(lines) - shown} more page(s) in the table site_pages")
    return out


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def site_pages_markdown(lines: tuple[SitePageLine, ...], limit: int = 500) -> list[str]:
    """The site pages of a run as a Markdown section of the run report."""
    if not lines:
        return []
    out = ["", "## Site pages (the `site_pages` table)", ""]
    out += ["| site | page | why | outcome | records |", "|---|---|---|---|---|"]
    for page in lines[:limit]:
        what = OUTCOME_WORDS.get(page.outcome, page.outcome)
        if page.message and page.outcome != "budget":
            what += f" ({page.message})"
        out.append(
            f"| {page.source} | {_cell(page.url)} | {_cell(page.reason)} | {_cell(what)}"
            f" | {'' if page.records is None else page.records} |"
        )
    if len(lines) > limit:
        out += ["", f"{len(lines) - limit} more page(s) in the table site_pages."]
    return out
