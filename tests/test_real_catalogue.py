"""The real catalogue in sources/, replayed: every saved home page (../shared/data/html_fixtures,
found by host) and every registry file (written into a WARC under its publisher's URL) goes
through `extract_source` with a `ReplayFetcher`, the fetch path a `wsparcie run --replay`
takes. Every declared source must meet its min/max assertions; negatives yield nothing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from helpers import REPO  # tests/ helper module

from extractors.catalogue import Source, check_catalogue
from extractors.extract import SourceResult, declared_count, extract_source
from extractors.parsers import parser_names
from extractors.replay import ReplayFetcher, write_warc

CATALOGUE = REPO / "sources"
# The saved copy of each registry, relative to ../shared/data (see each PROVENANCE.md).
REGISTRY_FILES = {
    "ops_slaskie": "social_assistance/ops_slaskie.csv",
    "ops_malopolskie": "social_assistance/ops_malopolskie_geo.csv",
    "sds_dps_malopolskie": "social_assistance/placowki_sds_dps_malopolskie.csv",
    "utw_malopolskie": "social_assistance/utw_malopolskie.csv",
    "senior_plus_malopolskie": "social_assistance/senior_plus_malopolskie_2026-06-02.xlsx",
    "sds_malopolskie": "social_assistance/sds_malopolskie_2026-05-04.xlsx",
    "dps_malopolskie": "social_assistance/dps_wolne_miejsca_malopolskie_2026-07-31.xlsx",
    "dps_kujawsko_pomorskie": "social_assistance/dps_wolne_miejsca_kujawsko-pomorskie_2026-06-30.xls",
    "dps_lodzkie": "social_assistance/dps_wolne_miejsca_lodzkie_2026-07-12.xls",
    "dps_podkarpackie": "social_assistance/dps_frekwencja_podkarpackie_2026-06-30.xls",
    "sady_adresy": "courts/sady_adresy_mobberizer.csv",
    "sanepid": "health/psse_sanepid_adresy_mobberizer.csv",
    "rspo_licea": "education/rspo_export_sample_lo.csv",
}
# Declared on purpose though nothing can be extracted; the reason is the assertion.
EXPECTED_FAILURES = {"ankiety_policja_gov_pl": "no plausible institution name"}


@cache
def _sources() -> list[Source]:
    sources, problems = check_catalogue(CATALOGUE, parser_names())
    assert not problems, "\n".join(map(str, problems))
    return sources


@pytest.fixture(scope="module")
def results(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, SourceResult]:
    sources = {source.slug: source for source in _sources()}
    warc = tmp_path_factory.mktemp("replay") / "registries.warc.gz"
    write_warc(
        warc, [(sources[slug].url, shared_data / path) for slug, path in REGISTRY_FILES.items()]
    )
    with ReplayFetcher(warc, shared_data / "html_fixtures") as fetcher:
        return {slug: extract_source(source, fetcher, None) for slug, source in sources.items()}


def test_catalogue_declares_every_saved_page_and_registry(shared_data: Path) -> None:
    sources = _sources()
    page_hosts = {p.stem for p in (shared_data / "html_fixtures").glob("*/*.html")}
    declared_hosts = {
        s.url.removeprefix("https://").rstrip("/") for s in sources if s.kind == "institution_page"
    }
    assert declared_hosts == page_hosts
    assert set(REGISTRY_FILES) <= {s.slug for s in sources}
    for source in sources:
        assert source.county == "PL" or source.county.isdigit(), source.slug
        if source.kind != "institution_page":
            assert source.url.startswith("https://") and source.publisher, source.slug


@pytest.mark.parametrize("slug", [s.slug for s in _sources()])
def test_source_meets_its_assertions(slug: str, results: dict[str, SourceResult]) -> None:
    source = next(s for s in _sources() if s.slug == slug)
    result = results[slug]
    if slug in EXPECTED_FAILURES:
        assert result.status == "failed"
        assert result.message and EXPECTED_FAILURES[slug] in result.message
        return
    assert result.status == "extracted", result.message
    count = declared_count(source, result.records)  # a page's own records, not its mentions
    assert source.min_records <= count, f"{slug}: {count} < min_records {source.min_records}"
    assert source.max_records is None or count <= source.max_records, f"{slug}: {count} records"


def test_negative_pages_yield_no_institution(results: dict[str, SourceResult]) -> None:
    negatives = [s for s in _sources() if "negatyw" in s.title]
    assert len(negatives) == 3
    for source in negatives:
        assert source.max_records == 0
        assert results[source.slug].status == "extracted"
        assert results[source.slug].records == ()


def test_one_replayed_registry_record(results: dict[str, SourceResult]) -> None:
    records = results["sanepid"].records
    assert records and all(r.url.endswith("/data/sanepid.js") for r in records)
    names = {r.parsed.name_raw for r in records}
    assert "Wojewódzka Stacja Sanitarno-Epidemiologiczna we Wrocławiu" in names
