"""Discovery from a small real warehouse (the real load, normalise and match stages over a DuckDB
file): a site is proposed for an institution known only from lists that give its website, with
where the website was seen; institutions with a source of their own, hosts the catalogue reads
already, hosts several institutions share and social networks are left out; the proposals are
valid declarations that the catalogue ignores until a person moves them out of `proposed/`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest
import yaml

from extractors.catalogue import Source, check_catalogue
from extractors.extract import DocumentInfo, SourceResult
from extractors.parsers import parser_names
from extractors.records import Document, ParsedInstitution, RawInstitution, make_record_id
from flows.cli import main
from warehouse.db import connect
from warehouse.discovery import discover, write_proposals
from warehouse.load import finish_run, load_results, register_sources, start_run
from warehouse.stages import match_and_build, rebuild_records

LIST = "https://powiat-piski.example/przydatne-adresy"
RSPO = "https://rspo.example/szkoly.csv"
GOPS_PAGE = "https://gops-ruciane.example/kontakt"


def source(slug: str, kind: str, url: str, parser: str) -> Source:
    return Source(slug, slug, "2816", kind, url, parser, Path(f"sources/2816_piski/{slug}.yml"))  # type: ignore[arg-type]


SOURCES = [
    source("piski_adresy", "directory_page", LIST, "directory_table"),
    source("rspo_szkoly", "registry", RSPO, "rspo"),
    source("gops_ruciane", "institution_page", GOPS_PAGE, "contact_page"),
]


def row(
    name: str, website: str, postal: str = "12-200", locality: str = "Pisz"
) -> ParsedInstitution:
    return ParsedInstitution(
        name_raw=name,
        role="row",
        postal_code_raw=postal,
        locality_raw=locality,
        websites_raw=(website,),
    )


RECORDS = {
    "piski_adresy": [
        row("Powiatowy Urząd Pracy w Piszu", "https://pup-pisz.example/"),
        row("Gminny Ośrodek Pomocy Społecznej w Rucianem-Nidzie", "https://gops-ruciane.example/",
            "12-220", "Ruciane-Nida"),
        row("Miejsko-Gminny Ośrodek Pomocy Społecznej w Orzyszu", "https://www.mgops-orzysz.example/",
            "12-250", "Orzysz"),
        row("Urząd Miejski w Białej Piskiej", "https://biala-piska.example/", "12-230", "Biała Piska"),
        row("Miejsko-Gminny Ośrodek Pomocy Społecznej w Białej Piskiej",
            "https://biala-piska.example/mgops", "12-230", "Biała Piska"),
        row("Komenda Powiatowa Policji w Piszu", "https://www.facebook.com/kpp.pisz"),
    ],
    "rspo_szkoly": [row("Szkoła Podstawowa nr 3 w Piszu", "www.sp3-pisz.example")],
    "gops_ruciane": [
        ParsedInstitution(
            name_raw="Gminny Ośrodek Pomocy Społecznej w Rucianem-Nidzie",
            postal_code_raw="12-220",
            locality_raw="Ruciane-Nida",
            websites_raw=("https://gops-ruciane.example/",),
        )
    ],
}  # fmt: skip
# A site declared in the catalogue but not yet read into the warehouse.
CATALOGUE = ["https://mgops-orzysz.example/"]


def extracted(slug: str, url: str, records: list[ParsedInstitution]) -> SourceResult:
    document = Document.from_bytes(url, json.dumps([r.name_raw for r in records]).encode())
    now = datetime.now(UTC)
    return SourceResult(
        source=slug,
        status="extracted",
        started_at=now,
        duration_s=0.1,
        document=DocumentInfo.of(document),
        records=tuple(
            RawInstitution(slug, make_record_id(slug, r), url, now, document.sha256, r)
            for r in records
        ),
        http_status=200,
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("discovery") / "w.duckdb"
    con = connect(db)
    register_sources(con, SOURCES)
    start_run(con, "n1", "test", len(SOURCES))
    load_results(con, "n1", [extracted(s.slug, s.url, RECORDS[s.slug]) for s in SOURCES], SOURCES)
    rebuild_records(con, None)
    match_and_build(con, "n1")
    finish_run(con, "n1", "completed")
    con.close()
    return db


def found(db: Path) -> dict[str, tuple[str, str, list[tuple[str, str]]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        discovery = discover(con, CATALOGUE)
    return {
        p.host: (p.url, p.name, [(s.source, s.url) for s in p.seen]) for p in discovery.proposals
    }


def test_sites_are_proposed_for_institutions_known_only_from_lists(warehouse: Path) -> None:
    proposals = found(warehouse)
    assert proposals == {
        "pup-pisz.example": (
            "https://pup-pisz.example/",
            "Powiatowy Urząd Pracy w Piszu",
            [("piski_adresy", LIST)],
        ),
        "sp3-pisz.example": (
            "http://www.sp3-pisz.example/",
            "Szkoła Podstawowa nr 3 w Piszu",
            [("rspo_szkoly", RSPO)],
        ),
    }


def test_what_is_left_out_and_why(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        discovery = discover(con, CATALOGUE)
    assert discovery.covered == 1  # GOPS Ruciane-Nida has its own page
    assert discovery.in_catalogue == ("mgops-orzysz.example",)  # declared, www. or not
    assert discovery.shared == ("biala-piska.example",)  # a gmina portal and its unit
    assert discovery.not_sites == ("facebook.com",)


def test_proposals_are_declarations_the_catalogue_leaves_until_accepted(
    warehouse: Path, tmp_path: Path
) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        discovery = discover(con, CATALOGUE)
    out = tmp_path / "sources" / "proposed"
    files = write_proposals(discovery, out, str(warehouse), today=date(2026, 3, 3))
    assert sorted(p.relative_to(out).as_posix() for p in files) == [
        "2816/site_pup_pisz_example.yml",
        "2816/site_sp3_pisz_example.yml",
    ]
    data = yaml.safe_load((out / "2816" / "site_pup_pisz_example.yml").read_text("utf-8"))
    assert data["kind"] == "site" and data["url"] == "https://pup-pisz.example/"
    assert data["county"] == "2816" and data["publisher"] == "Powiatowy Urząd Pracy w Piszu"
    assert f"piski_adresy ({LIST})" in data["notes"]
    # valid as they stand, yet not part of the catalogue they sit in
    assert check_catalogue(out, parser_names())[1] == []
    assert check_catalogue(tmp_path / "sources", parser_names())[0] == []
    # accepted: moved into the county's folder, it is a source
    accepted = tmp_path / "sources" / "2816_piski"
    accepted.mkdir()
    (out / "2816" / "site_pup_pisz_example.yml").rename(accepted / "site_pup_pisz_example.yml")
    sources, problems = check_catalogue(tmp_path / "sources", parser_names())
    assert problems == [] and [s.slug for s in sources] == ["site_pup_pisz_example"]


def test_the_command_writes_the_proposals_and_says_what_it_left_out(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "sources"
    (catalogue / "2816_piski").mkdir(parents=True)
    (catalogue / "2816_piski" / "sp3_pisz.yml").write_text(
        yaml.safe_dump(
            {
                "slug": "sp3_pisz",
                "title": "Szkoła Podstawowa nr 3 w Piszu",
                "county": "2816",
                "kind": "site",
                "url": "https://sp3-pisz.example/",
            }
        ),
        encoding="utf-8",
    )
    out = catalogue / "proposed"
    code = main(["sources", "discover", "--db", str(warehouse), "--out", str(out),
                 "--sources", str(catalogue)])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0
    # here the catalogue declares the school's site, not the Orzysz centre's
    assert sorted(p.name for p in out.rglob("*.yml")) == [
        "site_mgops_orzysz_example.yml",
        "site_pup_pisz_example.yml",
    ]
    assert "2 site declaration(s) proposed" in printed
    assert "host(s) the catalogue reads already: sp3-pisz.example" in printed
