"""Declaring a site: `kind: site` with its page budget, validated like every declaration, and
the `proposed/` folder of discovery left out of the catalogue until a person accepts a file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractors.catalogue import DEFAULT_MAX_PAGES, check_catalogue
from extractors.parsers import parser_names

SITE = {
    "slug": "ppp_pisz_www",
    "title": "Poradnia Psychologiczno-Pedagogiczna w Piszu — strona internetowa",
    "county": "2816",
    "kind": "site",
    "url": "https://ppp-pisz.example/",
}


def write(folder: Path, data: dict[str, object]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data['slug']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_site_needs_no_parser_and_gets_the_default_budget(tmp_path: Path) -> None:
    write(tmp_path / "2816_piski", SITE)
    sources, problems = check_catalogue(tmp_path, parser_names())
    assert problems == []
    [source] = sources
    assert (source.kind, source.parser, source.max_pages) == ("site", "site", DEFAULT_MAX_PAGES)


def test_a_declared_budget_is_kept(tmp_path: Path) -> None:
    write(tmp_path / "2816_piski", SITE | {"parser": "site", "max_pages": 12})
    sources, problems = check_catalogue(tmp_path, parser_names())
    assert problems == [] and sources[0].max_pages == 12


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        pytest.param({"max_pages": 0}, "max_pages", "from 1 to 50", id="zero"),
        pytest.param({"max_pages": 500}, "max_pages", "from 1 to 50", id="too-many"),
        pytest.param({"max_pages": "osiem"}, "max_pages", "whole number", id="text"),
        pytest.param({"max_pages": True}, "max_pages", "whole number", id="boolean"),
        pytest.param({"parser": "contact_page"}, "parser", "read by detection", id="a-parser"),
        pytest.param({"options": {"selector": "main"}}, "options.selector", "no option", id="opt"),
        pytest.param(
            {"kind": "institution_page", "parser": "contact_page", "max_pages": 5},
            "max_pages",
            "only a `kind: site`",
            id="budget-on-a-page",
        ),
        pytest.param(
            {"kind": "institution_page", "parser": "site"},
            "parser",
            "not a known parser",
            id="site-parser-on-a-page",
        ),
    ],
)
def test_bad_site_declarations_are_named(
    tmp_path: Path, extra: dict[str, object], field: str, words: str
) -> None:
    path = write(tmp_path / "2816_piski", SITE | extra)
    sources, problems = check_catalogue(tmp_path, parser_names())
    assert sources == []
    assert [(p.path, p.field) for p in problems] == [(path, field)]
    assert words in problems[0].message


def test_proposals_are_not_in_the_catalogue_until_moved(tmp_path: Path) -> None:
    write(tmp_path / "2816_piski", SITE)
    proposed = SITE | {"slug": "site_gops_example", "url": "https://gops.example/"}
    write(tmp_path / "proposed" / "2816", proposed)
    sources, problems = check_catalogue(tmp_path, parser_names())
    assert problems == [] and [s.slug for s in sources] == ["ppp_pisz_www"]
    # accepted: moved out of proposed/
    (tmp_path / "proposed" / "2816" / "site_gops_example.yml").rename(
        tmp_path / "2816_piski" / "site_gops_example.yml"
    )
    sources, problems = check_catalogue(tmp_path, parser_names())
    assert problems == [] and len(sources) == 2
