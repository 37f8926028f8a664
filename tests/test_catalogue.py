"""The source catalogue: valid declarations load; every problem is reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO  # tests/ helper module

from extractors.catalogue import CatalogueError, check_catalogue, load_catalogue, resolve_urls
from flows.cli import main

PARSERS = ("bip_dane", "article")

GOOD = """\
slug: pcpr_skarzysko
title: Powiatowe Centrum Pomocy Rodzinie w Skarżysku-Kamiennej
county: "2610"
kind: institution_page
url: https://example.invalid/kontakt
parser: bip_dane
assert:
  min_records: 1
  max_records: 3
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_good_declaration_loads(tmp_path: Path) -> None:
    write(tmp_path, "2610_skarzyski/pcpr_skarzysko.yml", GOOD)
    [source] = load_catalogue(tmp_path, PARSERS)
    assert (source.slug, source.county, source.kind, source.parser) == (
        "pcpr_skarzysko",
        "2610",
        "institution_page",
        "bip_dane",
    )
    assert (source.min_records, source.max_records) == (1, 3)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        pytest.param(
            ('county: "2610"', "county: 2610"), "county", "must be quoted", id="county-number"
        ),
        pytest.param(
            ('county: "2610"', 'county: "26100"'), "county", "not a TERYT", id="county-digits"
        ),
        pytest.param(("kind: institution_page", "kind: webpage"), "kind", "not one of", id="kind"),
        pytest.param(
            ("parser: bip_dane", "parser: magic"), "parser", "not a known parser", id="parser"
        ),
        pytest.param(
            ("url: https://example.invalid/kontakt", "url: kontakt.html"),
            "url",
            "not an http",
            id="url",
        ),
        pytest.param(
            ("slug: pcpr_skarzysko", "slug: PCPR-Skarzysko"), "slug", "lower-case", id="slug-shape"
        ),
        pytest.param(
            ("  max_records: 3", "  max_records: 0"),
            "assert.max_records",
            "below min",
            id="max-below-min",
        ),
        pytest.param(
            ("  min_records: 1", "  min_records: many"),
            "assert.min_records",
            "whole number",
            id="min-text",
        ),
        pytest.param(
            ("title: Powiatowe", "titel: Powiatowe"), "titel", "unknown field", id="typo-field"
        ),
    ],
)
def test_each_problem_names_file_and_field(
    tmp_path: Path, change: tuple[str, str], field: str, message: str
) -> None:
    path = write(tmp_path, "2610_skarzyski/pcpr_skarzysko.yml", GOOD.replace(*change))
    _sources, problems = check_catalogue(tmp_path, PARSERS)
    assert any(p.path == path and p.field == field and message in p.message for p in problems), (
        problems
    )


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a/one.yml",
        GOOD.replace("slug: pcpr_skarzysko", "slug: one").replace(
            "kind: institution_page", "kind: x"
        ),
    )
    write(
        tmp_path,
        "a/two.yml",
        GOOD.replace("slug: pcpr_skarzysko", "slug: two").replace("parser: bip_dane", "parser: y"),
    )
    write(tmp_path, "a/three.yml", "slug: [unclosed")
    write(tmp_path, "b/one.yml", GOOD.replace("slug: pcpr_skarzysko", "slug: one"))
    write(tmp_path, "c/one.yml", GOOD.replace("slug: pcpr_skarzysko", "slug: one"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path, PARSERS)
    fields = sorted((p.path.name, p.field) for p in caught.value.problems)
    assert ("one.yml", "kind") in fields
    assert ("two.yml", "parser") in fields
    assert ("three.yml", "-") in fields
    assert ("one.yml", "slug") in fields  # declared twice
    assert "problem(s) in the source catalogue" in str(caught.value)


def test_placeholders_resolve(tmp_path: Path) -> None:
    write(
        tmp_path,
        "x/pcpr_skarzysko.yml",
        GOOD.replace("url: https://example.invalid/kontakt", 'url: "{demo}/kontakt"'),
    )
    [source] = resolve_urls(load_catalogue(tmp_path, PARSERS), {"demo": "http://127.0.0.1:8000/"})
    assert source.url == "http://127.0.0.1:8000/kontakt"


def test_cli_sources_check_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "x/bad.yml", "slug: bad\ncounty: 12\n")
    assert main(["sources", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert (
        "bad.yml: county" in err
        and "bad.yml: title: missing" in err
        and "bad.yml: kind: missing" in err
    )


def test_demo_catalogue_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    demo = REPO / "demo" / "sources"
    assert main(["sources", "check", str(demo)]) == 0
    assert "all declarations are valid" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(GOOD, id="good"),
        pytest.param(GOOD.replace('county: "2610"', "county: 2610"), id="county-number"),
        pytest.param(GOOD.replace("  min_records: 1", "  min_records: yes"), id="min-bool"),
        pytest.param("slug: [unclosed", id="broken-yaml"),
        pytest.param("- a list\n- not a mapping\n", id="not-a-mapping"),
    ],
)
def test_libyaml_loader_reads_declarations_as_the_pure_python_one_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    import yaml

    from extractors import catalogue

    write(tmp_path, "2610_skarzyski/pcpr_skarzysko.yml", text)
    assert catalogue._LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    fast = check_catalogue(tmp_path, PARSERS)
    monkeypatch.setattr(catalogue, "_LOADER", yaml.SafeLoader)
    slow = check_catalogue(tmp_path, PARSERS)
    assert fast[0] == slow[0]
    assert [(p.field, p.message.split(":")[0]) for p in fast[1]] == [
        (p.field, p.message.split(":")[0]) for p in slow[1]
    ]


SHEET = """\
slug: wykaz_dps
title: Wykaz domów pomocy społecznej
county: "12"
kind: spreadsheet
url: https://example.invalid/wykaz.xlsx
parser: spreadsheet
"""


def test_declared_options_load_as_text(tmp_path: Path) -> None:
    write(
        tmp_path,
        "12_malopolskie/wykaz_dps.yml",
        SHEET + "options:\n  sheet: Arkusz 2\n  header_row: 3\n",
    )
    [source] = load_catalogue(tmp_path, ("spreadsheet",))
    assert source.options == (("header_row", "3"), ("sheet", "Arkusz 2"))


@pytest.mark.parametrize(
    ("options", "field", "message"),
    [
        pytest.param("  sheets: A", "options.sheets", "no option 'sheets'", id="unknown"),
        pytest.param("  selector: table", "options.selector", "no option 'selector'",
                     id="another-parsers-option"),
        pytest.param("  header_row: 0", "options.header_row", "must be a row number",
                     id="row-zero"),
        pytest.param("  header_row: trzeci", "options.header_row", "must be a row number",
                     id="row-text"),
        pytest.param("  sheet: [A, B]", "options.sheet", "single value", id="list"),
        pytest.param("  sheet: ''", "options.sheet", "must not be empty", id="empty"),
    ],
)  # fmt: skip
def test_each_bad_option_names_file_and_field(
    tmp_path: Path, options: str, field: str, message: str
) -> None:
    path = write(tmp_path, "12_malopolskie/wykaz_dps.yml", SHEET + "options:\n" + options + "\n")
    _sources, problems = check_catalogue(tmp_path, ("spreadsheet", "directory_table"))
    assert [(p.path, p.field) for p in problems] == [(path, field)], problems
    assert message in problems[0].message


def test_a_parser_without_options_says_so(tmp_path: Path) -> None:
    write(tmp_path, "2610_skarzyski/pcpr_skarzysko.yml", GOOD + "options:\n  sheet: A\n")
    _sources, problems = check_catalogue(tmp_path, PARSERS)
    assert [p.field for p in problems] == ["options.sheet"]
    assert "parser 'bip_dane' has no option 'sheet' (it takes no options)" in problems[0].message


def test_a_selector_must_parse_as_css(tmp_path: Path) -> None:
    text = GOOD.replace("parser: bip_dane", "parser: directory_table")
    write(tmp_path, "2610_skarzyski/pcpr_skarzysko.yml", text + "options:\n  selector: 'div[x'\n")
    _sources, problems = check_catalogue(tmp_path, ("directory_table",))
    assert [p.field for p in problems] == ["options.selector"]
    assert "is not a CSS selector" in problems[0].message
