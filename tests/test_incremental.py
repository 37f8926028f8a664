"""Nights in a row through the real flow: an unchanged night parses nothing (the server answers
304 or the same bytes), a source that falls below its minimum keeps its last good records and
is reported, and a source over its maximum is loaded with a warning; the run report reaches
the warehouse and the Prefect artifact."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from nightly_helpers import copy_demo_sources, fast_policy  # tests/ helper module

from extractors import parsers
from extractors.context import ParseContext
from extractors.records import Document, ParsedInstitution
from flows.demo import DEMO_DIR, serve_directory
from flows.nightly import ARTIFACT_KEY, RunSettings, RunSummary, nightly

SLUGS = [
    "pcpr_skarzysko",
    "mops_skarzysko",
    "skarzyski_baza_zasobow",
    "radomszczanski_wykaz_placowek",
]
DIRECTORY = "skarzyski_baza_zasobow"
SHEET = "radomszczanski_wykaz_placowek"


@dataclass(frozen=True, slots=True)
class Nights:
    root: Path
    summaries: tuple[RunSummary, ...]
    parser_calls: tuple[int, ...]  # per night
    artifacts: tuple[str, ...]  # the run report artifact's markdown, per night


def shrink_directory(page: Path) -> None:
    """Keep the table's first row only: the county portal lost its list in a redesign."""
    text = page.read_text(encoding="utf-8")
    head, rest = text.split("<tbody>", 1)
    rows, tail = rest.split("</tbody>", 1)
    first = rows.split("</tr>", 1)[0] + "</tr>"
    page.write_text(f"{head}<tbody>{first}\n</tbody>{tail}", encoding="utf-8")


def latest_artifact() -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY]))
        )
    found.sort(key=lambda a: a.created or 0)
    return str(found[-1].data) if found else ""


@pytest.fixture(scope="module")
def nights(prefect_harness: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nights]:
    root = tmp_path_factory.mktemp("incremental")
    corpus = root / "corpus"
    shutil.copytree(DEMO_DIR / "corpus", corpus)
    calls = [0]

    def counting(
        parse: Callable[[Document, ParseContext], list[ParsedInstitution]],
    ) -> Callable[..., object]:
        def wrapper(document: Document, context: ParseContext) -> list[ParsedInstitution]:
            calls[0] += 1
            return parse(document, context)

        return wrapper

    summaries, counts, artifacts = [], [], []
    with pytest.MonkeyPatch.context() as patch, serve_directory(corpus) as url:
        for name, parse in list(parsers.PARSERS.items()):
            patch.setitem(parsers.PARSERS, name, counting(parse))
        copy_demo_sources(root / "sources", url, SLUGS)
        sheet = next((root / "sources").rglob(f"{SHEET}.yml"))
        sheet.write_text(
            sheet.read_text(encoding="utf-8")
            .replace("max_records: 11", "max_records: 5")
            .replace("min_records: 10", "min_records: 1"),
            encoding="utf-8",
        )
        settings = RunSettings(
            catalogue=root / "sources",
            db=root / "directory.duckdb",
            out=root / "out",
            policy=fast_policy(timeout_seconds=10, total_timeout_seconds=20),
        )
        for night in range(3):
            if night == 2:
                shrink_directory(corpus / "skarzyski" / "baza-zasobow.html")
            before = calls[0]
            summaries.append(nightly(settings))
            counts.append(calls[0] - before)
            artifacts.append(latest_artifact())
    yield Nights(root, tuple(summaries), tuple(counts), tuple(artifacts))


def source_runs(root: Path, run_id: str) -> dict[str, tuple[str, int | None, int | None]]:
    with duckdb.connect(str(root / "directory.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT source, status, http_status, records FROM source_runs WHERE run_id = ?",
            [run_id],
        ).fetchall()
    return {str(r[0]): (str(r[1]), r[2], r[3]) for r in rows}


def active_records(root: Path) -> dict[str, int]:
    """Active records per source, of what the source is declared for (as the assertions
    count them): an institution page's or listing's own, not the institutions it names."""
    with duckdb.connect(str(root / "directory.duckdb"), read_only=True) as con:
        return dict(
            con.execute(
                "SELECT r.source, count(*) FROM raw_records AS r"
                " JOIN sources AS s ON s.slug = r.source"
                " WHERE r.active AND (r.role <> 'mention' OR s.kind = 'article')"
                " GROUP BY r.source"
            ).fetchall()
        )


def test_first_night_parses_everything_and_warns_over_maximum(nights: Nights) -> None:
    first = nights.summaries[0]
    assert first.status == "completed"  # a max_records excess warns, it does not fail
    assert nights.parser_calls[0] == len(SLUGS)
    runs = source_runs(nights.root, first.run_id)
    assert {s for s, (status, _h, _n) in runs.items() if status == "extracted"} == set(SLUGS)
    assert "## Warnings (more records than max_records)" in nights.artifacts[0]
    assert f"**{SHEET}**: warning:" in nights.artifacts[0]


def test_an_unchanged_night_parses_nothing(nights: Nights) -> None:
    second = nights.summaries[1]
    assert nights.parser_calls[1] == 0
    runs = source_runs(nights.root, second.run_id)
    assert {status for status, _h, _n in runs.values()} == {"unchanged"}
    # the demo server revalidates: If-Modified-Since is answered with 304 Not Modified
    assert {http for _s, http, _n in runs.values()} == {304}
    assert second.status == "completed"
    assert [t.stage for t in second.timings][:2] == ["prepare", "fetch+extract"]


def test_below_minimum_keeps_the_last_good_records_and_is_reported(nights: Nights) -> None:
    first, _second, third = nights.summaries
    assert nights.parser_calls[2] == 1, "only the changed page is parsed again"
    runs = source_runs(nights.root, third.run_id)
    assert runs[DIRECTORY][0] == "below_minimum" and runs[DIRECTORY][2] == 1
    assert third.status == "completed_with_failures"
    first_count = source_runs(nights.root, first.run_id)[DIRECTORY][2]
    assert active_records(nights.root)[DIRECTORY] == first_count
    assert third.match is not None and first.match is not None
    assert third.match.institutions == first.match.institutions
    assert "## Failing sources" in nights.artifacts[2]
    assert f"**{DIRECTORY}**: 1 record(s), fewer than min_records" in nights.artifacts[2]
