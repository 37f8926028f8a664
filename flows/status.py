"""`wsparcie status --db PATH`: the last run and the sources that need a person's attention.

Reads the run report the nightly flow records in the warehouse (warehouse/run_report.py) and
prints, for whoever looks after the nightly run: how the last run ended, then the sources that
are failing (with how many runs in a row), drifting (yielding far fewer or more records than
they usually do), or over their declared maximum; then the run's issues log, per source and
its first messages (records a parser skipped, why a source failed), and per site which pages
its crawl read and why (the link word or rule), or why not. Exit status: 0 when
nothing needs attention, 2 when something does (issues alone do not), 1 when there is no
warehouse or no run to report on.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from warehouse.db import WarehouseError, open_warehouse
from warehouse.run_report import RunIssues, RunReport, issue_text, read_run_report
from warehouse.sites import site_pages_lines


def _when(value: datetime | None) -> str:
    return "-" if value is None else f"{value:%Y-%m-%d %H:%M:%S %Z}".rstrip()


def _took(report: RunReport) -> str:
    if report.run.finished_at is None:
        return ""
    seconds = (report.run.finished_at - report.run.started_at).total_seconds()
    return f", took {seconds / 60:.1f} min" if seconds >= 120 else f", took {seconds:.0f} s"


def format_status(report: RunReport) -> str:
    """The report as plain text for a terminal or a cron mail."""
    run = report.run
    counts = ", ".join(f"{n} {status}" for status, n in report.counts().items())
    lines = [f"last run {run.run_id}: {run.status}"]
    if run.status == "running":
        lines[0] += " (still running, or killed: the next run will mark it interrupted)"
    lines.append(
        f"  started {_when(run.started_at)}, finished {_when(run.finished_at)}{_took(report)}"
    )
    lines.append(f"  sources: {len(report.sources)} ({counts or 'none recorded'})")
    lines.append(
        f"  records in the directory: {'-' if run.records is None else run.records},"
        f" institutions: {'-' if run.institutions is None else run.institutions}"
    )
    if run.message:
        lines.append(f"  message: {run.message}")
    if report.failing:
        lines.append(f"failing ({len(report.failing)}):")
        for s in report.failing:
            streak = f" for {s.failing_runs} runs in a row" if s.failing_runs > 1 else ""
            http = f", HTTP {s.http_status}" if s.http_status is not None else ""
            lines.append(f"  {s.source}: {s.status}{http}{streak}: {s.message or '-'}")
    if report.drifting:
        lines.append(f"drifting ({len(report.drifting)}):")
        for s in report.drifting:
            lines.append(f"  {s.source}: {s.drift}")
    if report.warnings:
        lines.append(f"warnings ({len(report.warnings)}):")
        for s in report.warnings:
            lines.append(f"  {s.source}: {s.message or s.assertion}")
    if not (report.failing or report.drifting or report.warnings):
        lines.append("no source is failing or drifting")
    lines += _issue_lines(report.issues)
    lines += site_pages_lines(report.site_pages)
    return "\n".join(lines)


def _issue_lines(issues: RunIssues) -> list[str]:
    if not issues.counts:
        return []
    warnings = sum(w for _s, w, _e in issues.counts)
    errors = sum(e for _s, _w, e in issues.counts)
    lines = [f"issues ({warnings} warning(s), {errors} error(s); all in the table issues):"]
    for source, w, e in issues.counts:
        parts = [f"{w} warning(s)" if w else "", f"{e} error(s)" if e else ""]
        lines.append(f"  {source}: {', '.join(p for p in parts if p)}")
    lines.append(f"first {len(issues.messages)} message(s), errors first:")
    lines += [f"  {i.source}: {i.level}: {issue_text(i)}" for i in issues.messages]
    return lines


def needs_attention(report: RunReport) -> bool:
    return (
        report.run.status not in ("completed", "completed_with_failures")
        or bool(report.failing)
        or bool(report.drifting)
    )


def print_status(db: Path, out: TextIO | None = None) -> int:
    """What `wsparcie status --db PATH` runs; returns the exit status."""
    out = out or sys.stdout
    try:
        with open_warehouse(db, read_only=True) as con:
            report = read_run_report(con)
    except WarehouseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # duckdb.CatalogException on a warehouse older than migration 004
        if "source_run_report" in str(exc) or "source_run_checks" in str(exc):
            print(
                f"error: {db}: the warehouse predates the run report; one `wsparcie run`"
                " upgrades it",
                file=sys.stderr,
            )
            return 1
        raise
    if report is None:
        print(f"{db}: no run recorded yet", file=out)
        return 1
    print(format_status(report), file=out)
    return 2 if needs_attention(report) else 0
