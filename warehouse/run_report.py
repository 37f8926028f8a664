"""The run report: what every source did in a run, checked against its own history.

After the load stage, `record_checks` writes one `source_run_checks` row per source: the
declared min/max assertion as checked and the records the source holds in the directory after
the run, next to the same figure after the run before. `read_run_report` puts a run's rows
together with each source's history and flags

- **failing** sources: the fetch or parse failed, or fewer records than the declared minimum
  came back (the last good records were kept), with how many runs in a row this has lasted;
- **drifting** sources (`check_drift`): what a source yields moved far from what it usually
  yields, e.g. a page that gave 40 institutions for months and now gives 0;
- **warnings**: more records than the declared maximum (loaded, but worth a look).

It also carries the run's issues log (`read_issues`): per source, how many records its parser
skipped (warnings) and why it failed (errors), with the first messages; the names the
directory could not settle (`read_names`, warehouse/canonical_names.py): published names still
led by an acronym whose expansion is ambiguous, and institutions held back until a coordinator
gives their full name; and for every `kind: site` source the pages its crawl considered, each
with why (`warehouse.sites`).

`report_markdown` renders a report as the Prefect artifact of the run. The figures the
nightly flow closes a run with (`directory_size`, `institutions_by_county_sector`) are read
here too: flows hold no SQL.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb

from warehouse.canonical_names import NameLine, acronym_led_names, withheld_names
from warehouse.sites import SitePageLine, read_site_pages, site_pages_markdown
from warehouse.unplaced import UnplacedLine, unplaced_institutions

# Drift needs a few earlier runs to know what is usual; fewer, and every change looks like one.
DRIFT_MIN_HISTORY = 3
DRIFT_WINDOW = 30  # earlier yields the usual level is taken from (the median of them)
DRIFT_DROP = 0.5  # a yield at or below half the usual level has dropped
DRIFT_GROWTH = 2.0  # ... at or above twice the usual level has grown
DRIFT_MIN_DELTA = 3  # and it must differ by at least this many records (1 → 2 is no drift)
_HISTORY_RUNS = 60

FAILING_STATUSES = ("failed", "below_minimum")


@dataclass(frozen=True, slots=True)
class RunInfo:
    """One row of `runs`."""

    run_id: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    catalogue: str
    sources_total: int
    sources_failed: int
    records: int | None
    institutions: int | None
    message: str | None


@dataclass(frozen=True, slots=True)
class SourceReport:
    """One source in one run, with what its history says about it."""

    source: str
    status: str  # extracted | unchanged | failed | below_minimum
    http_status: int | None
    records_extracted: int | None
    assertion: str | None  # ok | below_minimum | above_maximum | not_checked (None: not recorded)
    records_current: int | None
    records_previous: int | None
    duration_s: float
    message: str | None
    failing_runs: int = 0  # consecutive runs up to this one in which the source failed
    drift: str | None = None  # why its yield looks wrong, or None

    @property
    def change(self) -> int | None:
        if self.records_current is None or self.records_previous is None:
            return None
        return self.records_current - self.records_previous

    @property
    def failing(self) -> bool:
        return self.status in FAILING_STATUSES


@dataclass(frozen=True, slots=True)
class IssueLine:
    """One row of the `issues` table."""

    source: str
    level: str  # warning | error
    message: str
    record: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class RunIssues:
    """A run's issues log: (source, warnings, errors) per source that has any, most first, and
    its first `limit` messages (errors first)."""

    counts: tuple[tuple[str, int, int], ...] = ()
    messages: tuple[IssueLine, ...] = ()


@dataclass(frozen=True, slots=True)
class RunNames:
    """Names the directory could not settle, as it stands after the run."""

    acronym_led: tuple[NameLine, ...] = ()  # published, still led by an acronym
    withheld: tuple[NameLine, ...] = ()  # held back: only an acronym is known


@dataclass(frozen=True, slots=True)
class RunReport:
    run: RunInfo
    sources: tuple[SourceReport, ...]
    issues: RunIssues = RunIssues()
    names: RunNames = RunNames()
    site_pages: tuple[SitePageLine, ...] = ()
    unplaced: tuple[UnplacedLine, ...] = ()  # published without a gmina, with why

    @property
    def failing(self) -> tuple[SourceReport, ...]:
        return tuple(s for s in self.sources if s.failing)

    @property
    def drifting(self) -> tuple[SourceReport, ...]:
        return tuple(s for s in self.sources if s.drift is not None)

    @property
    def warnings(self) -> tuple[SourceReport, ...]:
        return tuple(s for s in self.sources if s.assertion == "above_maximum")

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for s in self.sources:
            found[s.status] = found.get(s.status, 0) + 1
        return dict(sorted(found.items()))


# --- writing ----------------------------------------------------------------------------------


def record_checks(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Write this run's `source_run_checks` rows (after its source_runs are loaded)."""
    con.execute("DELETE FROM source_run_checks WHERE run_id = ?", [run_id])
    con.execute(
        """
        INSERT INTO source_run_checks
        WITH active AS (
            SELECT source, count(*) AS n FROM raw_records WHERE active GROUP BY source
        ),
        earlier AS (
            SELECT c.source, c.records_current,
                   row_number() OVER (PARTITION BY c.source ORDER BY r.started_at DESC) AS k
            FROM source_run_checks c JOIN runs r USING (run_id)
            WHERE c.run_id <> $run_id
              AND r.started_at <= (SELECT started_at FROM runs WHERE run_id = $run_id)
        )
        SELECT
            sr.run_id,
            sr.source,
            CASE
                WHEN sr.status = 'below_minimum' THEN 'below_minimum'
                WHEN sr.status = 'extracted' AND s.max_records IS NOT NULL
                     AND sr.records > s.max_records THEN 'above_maximum'
                WHEN sr.status = 'extracted' THEN 'ok'
                ELSE 'not_checked'
            END,
            coalesce(a.n, 0),
            e.records_current
        FROM source_runs sr
        LEFT JOIN sources s ON s.slug = sr.source
        LEFT JOIN active a ON a.source = sr.source
        LEFT JOIN earlier e ON e.source = sr.source AND e.k = 1
        WHERE sr.run_id = $run_id
        """,
        {"run_id": run_id},
    )
    row = con.execute(
        "SELECT count(*) FROM source_run_checks WHERE run_id = ?", [run_id]
    ).fetchone()
    return int(row[0]) if row else 0


# --- reading ----------------------------------------------------------------------------------


def latest_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
    return str(row[0]) if row else None


def read_run(con: duckdb.DuckDBPyConnection, run_id: str) -> RunInfo:
    row = con.execute(
        "SELECT run_id, started_at, finished_at, status, catalogue, sources_total,"
        " sources_failed, records, institutions, message FROM runs WHERE run_id = ?",
        [run_id],
    ).fetchone()
    if row is None:
        raise KeyError(f"no run {run_id!r} in the warehouse")
    return RunInfo(
        run_id=str(row[0]),
        started_at=row[1],
        finished_at=row[2],
        status=str(row[3]),
        catalogue=str(row[4]),
        sources_total=int(row[5]),
        sources_failed=int(row[6]),
        records=None if row[7] is None else int(row[7]),
        institutions=None if row[8] is None else int(row[8]),
        message=None if row[9] is None else str(row[9]),
    )


def read_run_report(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> RunReport | None:
    """The report of `run_id` (default: the latest run), or None when no run was recorded."""
    run_id = run_id or latest_run_id(con)
    if run_id is None:
        return None
    run = read_run(con, run_id)
    rows = con.execute(
        """
        SELECT source, status, http_status, records_extracted, assertion, records_current,
               records_previous, duration_s, message
        FROM source_run_report WHERE run_id = ? ORDER BY source
        """,
        [run_id],
    ).fetchall()
    histories = _histories(con, run.started_at)
    reports = []
    for row in rows:
        source = str(row[0])
        past = histories.get(source, [])
        report = SourceReport(
            source=source,
            status=str(row[1]),
            http_status=row[2],
            records_extracted=row[3],
            assertion=row[4],
            records_current=row[5],
            records_previous=row[6],
            duration_s=float(row[7]),
            message=row[8],
        )
        yields = [y for _status, y in past]
        current = _yield(report.status, report.records_extracted, report.records_current)
        failing = 0
        if report.failing:
            failing = 1
            for status, _y in reversed(past):
                if status not in FAILING_STATUSES:
                    break
                failing += 1
        drift = check_drift([y for y in yields if y is not None], current)
        reports.append(replace(report, failing_runs=failing, drift=drift))
    return RunReport(
        run,
        tuple(reports),
        read_issues(con, run_id),
        read_names(con),
        read_site_pages(con, run_id),
        tuple(unplaced_institutions(con)) if _table_exists(con, "institutions") else (),
    )


def read_names(con: duckdb.DuckDBPyConnection) -> RunNames:
    """The names section (empty on a warehouse older than institution_names)."""
    if not _table_exists(con, "institution_names"):
        return RunNames()
    return RunNames(tuple(acronym_led_names(con)), tuple(withheld_names(con)))


def read_issues(con: duckdb.DuckDBPyConnection, run_id: str, limit: int = 10) -> RunIssues:
    """The issues log of `run_id` (empty on a warehouse older than the log)."""
    if not _table_exists(con, "issues"):
        return RunIssues()
    counts = con.execute(
        """
        SELECT source, count(*) FILTER (WHERE level = 'warning'),
               count(*) FILTER (WHERE level = 'error')
        FROM issues WHERE run_id = ?
        GROUP BY source ORDER BY 3 DESC, 2 DESC, source
        """,
        [run_id],
    ).fetchall()
    lines = con.execute(
        """
        SELECT source, level, message, record, url FROM issues WHERE run_id = ?
        ORDER BY level = 'error' DESC, source, seq LIMIT ?
        """,
        [run_id, limit],
    ).fetchall()
    return RunIssues(
        tuple((str(source), int(w), int(e)) for source, w, e in counts),
        tuple(IssueLine(str(r[0]), str(r[1]), str(r[2]), r[3], r[4]) for r in lines),
    )


def issue_text(line: IssueLine) -> str:
    """ "<record>: <message>", or the message alone."""
    return f"{line.record}: {line.message}" if line.record else line.message


def directory_size(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Normalised records and institutions in the directory as it stands."""
    row = con.execute(
        "SELECT (SELECT count(*) FROM records), (SELECT count(*) FROM institutions)"
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def institutions_by_county_sector(
    con: duckdb.DuckDBPyConnection,
) -> tuple[tuple[str, str, str, int], ...]:
    """(powiat TERYT, powiat name, sector, institutions) for the run's closing summary, by
    county then sector; "-" stands for an institution's unknown county."""
    rows = con.execute(
        "SELECT coalesce(powiat_teryt, '-'), coalesce(powiat_name, '-'), sector, institutions"
        " FROM services_by_county_sector ORDER BY 1, 3"
    ).fetchall()
    return tuple((str(a), str(b), str(c), int(d)) for a, b, c, d in rows)


def _yield(status: str, extracted: int | None, current: int | None) -> int | None:
    """What a source gave in one run: its fresh records, or (unchanged) the ones it keeps."""
    if status in ("extracted", "below_minimum"):
        return extracted
    if status == "unchanged":
        return current
    return None  # a failed fetch says nothing about the page's contents


def _histories(
    con: duckdb.DuckDBPyConnection, before: datetime
) -> dict[str, list[tuple[str, int | None]]]:
    """Per source, (status, yield) of the runs that started before `before`, oldest first."""
    rows = con.execute(
        """
        SELECT rep.source, rep.status, rep.records_extracted, rep.records_current
        FROM source_run_report rep
        JOIN (SELECT run_id, started_at FROM runs WHERE started_at < ?
              ORDER BY started_at DESC LIMIT ?) r USING (run_id)
        ORDER BY r.started_at
        """,
        [before, _HISTORY_RUNS],
    ).fetchall()
    found: dict[str, list[tuple[str, int | None]]] = {}
    for source, status, extracted, current in rows:
        found.setdefault(str(source), []).append((str(status), _yield(status, extracted, current)))
    return found


def check_drift(history: Sequence[int], current: int | None) -> str | None:
    """Why a source's yield `current` is far from its usual level, or None.

    The usual level is the median of the last `DRIFT_WINDOW` yields in `history` (oldest
    first), and only with at least `DRIFT_MIN_HISTORY` of them. A yield at or below half of it,
    or at or above twice it, and at least `DRIFT_MIN_DELTA` records away, is drift.
    """
    if current is None or len(history) < DRIFT_MIN_HISTORY:
        return None
    recent = list(history)[-DRIFT_WINDOW:]
    usual = statistics.median(recent)
    if abs(current - usual) < DRIFT_MIN_DELTA:
        return None
    if current <= usual * DRIFT_DROP:
        return (
            f"yields {current} record(s), usually {usual:g} (median of the last {len(recent)} runs)"
        )
    if current >= usual * DRIFT_GROWTH:
        return (
            f"yields {current} record(s), usually only {usual:g}"
            f" (median of the last {len(recent)} runs)"
        )
    return None


# --- rendering ----------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _routine(s: SourceReport) -> bool:
    return (
        s.status in ("extracted", "unchanged")
        and s.assertion in ("ok", "not_checked", None)
        and s.drift is None
        and not s.change
    )


def report_markdown(report: RunReport, max_rows: int = 300) -> str:
    """The run report as Markdown: the Prefect artifact of the run.

    With more than `max_rows` sources, the table leaves out the routine ones (fresh or
    unchanged, assertions met, same records as before), which the summary line counts.
    """
    run = report.run
    counts = ", ".join(f"{n} {status}" for status, n in report.counts().items())
    lines = [
        f"# Nightly run {run.run_id}: {run.status}",
        "",
        f"- started: {run.started_at:%Y-%m-%d %H:%M:%S %Z}".rstrip(),
        f"- sources: {len(report.sources)} ({counts or 'none'})",
        f"- records in the directory: {_cell(run.records)}; institutions: {_cell(run.institutions)}",
    ]
    if run.message:
        lines.append(f"- message: {_cell(run.message)}")
    for title, group in (
        ("Failing sources", report.failing),
        ("Drifting sources", report.drifting),
        ("Warnings (more records than max_records)", report.warnings),
    ):
        if group:
            lines += ["", f"## {title}", ""]
            for s in group:
                why = s.drift if title.startswith("Drifting") else s.message
                lines.append(f"- **{s.source}**: {_cell(why)}")
    if report.issues.counts:
        lines += ["", "## Issues (the `issues` table)", ""]
        lines += [f"- **{s}**: {w} warning(s), {e} error(s)" for s, w, e in report.issues.counts]
        lines.append("")
        for issue in report.issues.messages:
            lines.append(f"- {issue.source} ({issue.level}): {_cell(issue_text(issue))}")
    if report.names.acronym_led or report.names.withheld:
        lines += ["", "## Names left as acronyms", ""]
        for line in report.names.acronym_led:
            lines.append(f"- {line.institution_id} „{_cell(line.name)}”: {_cell(line.reason)}")
        for line in report.names.withheld:
            lines.append(
                f"- {line.institution_id} „{_cell(line.name)}” held back (a review case asks"
                f" for the full name): {_cell(line.reason)}"
            )
    if report.unplaced:
        lines += ["", "## Institutions without a gmina", ""]
        for place in report.unplaced:
            where = "no powiat" if place.without_powiat else f"powiat {place.powiat_teryt}"
            lines.append(
                f"- {place.institution_id} „{_cell(place.name)}” ({where}): {place.reason}"
            )
    lines += site_pages_markdown(report.site_pages)
    shown = list(report.sources)
    if len(shown) > max_rows:
        shown = [s for s in shown if not _routine(s)]
    lines += [
        "",
        "## Sources",
        "",
        *(
            [f"{len(report.sources) - len(shown)} routine source(s) not listed.", ""]
            if len(shown) < len(report.sources)
            else []
        ),
        "| source | status | HTTP | extracted | in directory | change | assertion | seconds |"
        " message |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in shown:
        change = "" if s.change is None else f"{s.change:+d}"
        lines.append(
            f"| {s.source} | {s.status} | {_cell(s.http_status)} | {_cell(s.records_extracted)}"
            f" | {_cell(s.records_current)} | {change} | {_cell(s.assertion)}"
            f" | {s.duration_s:.2f} | {_cell(s.message)} |"
        )
    return "\n".join(lines) + "\n"


# --- incremental nights ---------------------------------------------------------------------


def _table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
    ).fetchone()
    return bool(row and row[0])


def rebuild_reason(con: duckdb.DuckDBPyConnection, run_id: str) -> str | None:
    """Why this run must normalise, match and publish again; None when nothing can differ.

    Nothing can differ when no source yielded new records in this run (every source is
    unchanged, or failed and kept its records), the run before it finished all its stages,
    and since that run started no review decision was taken, no gazetteer was loaded and no
    migration was applied. Anything else — including a first run — means a rebuild.
    """
    fresh = con.execute(
        "SELECT count(*) FROM source_runs WHERE run_id = ? AND status = 'extracted'", [run_id]
    ).fetchone()
    if fresh and fresh[0]:
        return f"{fresh[0]} source(s) yielded new records"
    last = con.execute(
        """
        SELECT run_id, status, started_at FROM runs
        WHERE run_id <> ? AND started_at <= (SELECT started_at FROM runs WHERE run_id = ?)
        ORDER BY started_at DESC LIMIT 1
        """,
        [run_id, run_id],
    ).fetchone()
    if last is None:
        return "first run"
    if last[1] not in ("completed", "completed_with_failures"):
        return f"the previous run {last[0]} ended {last[1]}"
    since = last[2]
    checks = [
        ("review_decisions", "decided_at", "a review decision was taken"),
        ("gazetteer_sources", "loaded_at", "the gazetteer was loaded"),
        ("schema_migrations", "applied_at", "the schema was migrated"),
    ]
    for table, column, reason in checks:
        if not _table_exists(con, table):
            continue
        row = con.execute(f"SELECT count(*) FROM {table} WHERE {column} >= ?", [since]).fetchone()
        if row and row[0]:
            return f"{reason} since the previous run"
    return None
