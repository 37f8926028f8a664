"""Helpers for the tests that run the real nightly flow: source declarations written into a
temporary catalogue, a quick fetch policy, and the one Prefect server the session shares. (The
HTTP server on 127.0.0.1 whose routes misbehave on purpose is `helpers.loopback_server`.)"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import yaml
from helpers import require_marker

from extractors.fetch import FetchPolicy
from flows.demo import DEMO_DIR

# Quick to fail, never waiting on purpose: one retry, no backoff, no politeness delay.
FAST_POLICY = FetchPolicy(
    delay_seconds=0.0,
    timeout_seconds=0.5,
    total_timeout_seconds=0.5,
    retries=1,
    backoff_seconds=0.0,
    max_bytes=4 * 1024 * 1024,
    max_retry_after_seconds=2.0,
)
DEMO_GAZETTEER = DEMO_DIR / "gazetteer"


def write_source(
    catalogue: Path,
    slug: str,
    url: str,
    parser: str,
    *,
    kind: str = "institution_page",
    county: str = "2610",
    min_records: int = 1,
    max_records: int | None = None,
) -> Path:
    """One declaration file, as a source maintainer writes it."""
    folder = catalogue / f"{county}_test"
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, object] = {
        "slug": slug,
        "title": f"test source {slug}",
        "county": county,
        "kind": kind,
        "url": url,
        "parser": parser,
        "assert": {"min_records": min_records}
        | ({"max_records": max_records} if max_records is not None else {}),
    }
    path = folder / f"{slug}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def copy_demo_sources(catalogue: Path, base_url: str, slugs: list[str] | None = None) -> int:
    """The demo catalogue (or some of its sources) with `{demo}` replaced by `base_url`."""
    count = 0
    for path in sorted((DEMO_DIR / "sources").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        if slugs is not None and data["slug"] not in slugs:
            continue
        target = catalogue / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.replace("{demo}", base_url), encoding="utf-8")
        count += 1
    return count


def fast_policy(**changes: object) -> FetchPolicy:
    return replace(FAST_POLICY, **changes)  # type: ignore[arg-type]


_HARNESS: ExitStack | None = None


def shared_prefect_server() -> str:
    """One temporary Prefect server for every flow test of this process; returns its API URL.

    Starting one costs tens of seconds on a busy machine, so the flow-test modules share it
    instead of each starting its own (the `prefect_harness` fixture is this server too); it
    stops when the test session finishes, or at the latest when the process exits.
    """
    global _HARNESS
    require_marker("prefect", "runs a Prefect flow")
    if _HARNESS is None:
        from prefect.testing.utilities import prefect_test_harness

        stack = ExitStack()
        stack.enter_context(prefect_test_harness(server_startup_timeout=180))
        atexit.register(stack.close)
        _HARNESS = stack
    from prefect.settings import PREFECT_API_URL

    return str(PREFECT_API_URL.value())


def stop_shared_prefect_server() -> None:
    """Stop the shared server now (conftest calls it when the test session finishes), so no
    server process outlives pytest holding its output pipe open."""
    global _HARNESS
    if _HARNESS is not None:
        stack, _HARNESS = _HARNESS, None
        stack.close()
