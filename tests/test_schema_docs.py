"""The documented warehouse: every table, view and column commented in Polish and English,
docs/schema.md generated from those comments, and the analysts' cookbook answering its three
questions on a real warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import duckdb
import pytest
from directory_factory import build_directory  # tests/ helper module
from helpers import REPO  # tests/ helper module

from flows.demo import DEMO_DIR
from warehouse.db import connect
from warehouse.gazetteer import load_gazetteer
from warehouse.publish import record_contact_history
from warehouse.schema_docs import (
    COOKBOOK,
    comment_gazetteer_tables,
    read_schema,
    run_recipe,
    undocumented,
    write_schema_markdown,
)


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(tmp_path_factory.mktemp("empty") / "w.duckdb")
    g = DEMO_DIR / "gazetteer"
    load_gazetteer(con, terc=g / "terc.csv", simc=g / "simc.csv", pna=g / "pna.csv")
    comment_gazetteer_tables(con)
    yield con
    con.close()


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = build_directory(tmp_path_factory.mktemp("wh") / "w.duckdb")
    yield con
    con.close()


def test_every_table_view_and_column_is_commented(empty: duckdb.DuckDBPyConnection) -> None:
    assert undocumented(empty) == []
    relations = {r.name: r for r in read_schema(empty)}
    assert {"institutions", "contact_history", "population", "teryt_gminas"} <= set(relations)
    assert relations["services_by_county_sector"].kind == "view"
    for relation in relations.values():
        for text in [relation.comment] + [c.comment for c in relation.columns]:
            assert text is not None and " — " in text, (relation.name, text)


def test_a_gazetteer_reload_loses_comments_until_they_are_put_back(
    empty: duckdb.DuckDBPyConnection,
) -> None:
    g = DEMO_DIR / "gazetteer"
    load_gazetteer(empty, terc=g / "terc.csv", simc=g / "simc.csv", pna=g / "pna.csv")
    assert "teryt_gminas" in undocumented(empty)
    comment_gazetteer_tables(empty)
    assert undocumented(empty) == []


def test_committed_schema_markdown_is_what_the_database_says(
    empty: duckdb.DuckDBPyConnection,
) -> None:
    markdown = write_schema_markdown(empty)
    assert "## institutions" in markdown
    assert "| `institution_id` | `VARCHAR` | Stabilny identyfikator instytucji" in markdown
    committed = (REPO / "docs/schema.md").read_text(encoding="utf-8")
    assert committed == markdown, "regenerate docs/schema.md with `wsparcie docs schema`"


def test_gminas_without_a_social_assistance_centre(directory: duckdb.DuckDBPyConnection) -> None:
    columns, rows = run_recipe(
        directory, next(r for r in COOKBOOK if r.slug == "gminas-without-ops")
    )
    assert columns == ["gmina_teryt", "gmina", "kind", "powiat"]
    assert [r[1] for r in rows] == [
        "Łączna",
        "Skarżysko Kościelne",
        "Suchedniów",
        "Biała Piska",
        "Orzysz",
        "Ruciane-Nida",
    ]


def test_services_per_10k_inhabitants_once_population_is_filled(
    directory: duckdb.DuckDBPyConnection,
) -> None:
    per_10k = next(r for r in COOKBOOK if r.slug == "services-per-10k")
    _columns, rows = run_recipe(directory, per_10k)
    assert {r[0]: r[-1] for r in rows} == {"2610": None, "2816": None}, "empty join point"
    directory.execute(
        "INSERT INTO population VALUES ('2610', NULL, 70000, 2024, 'test'),"
        " ('2816', NULL, 50000, 2024, 'test'), ('2610', NULL, 1, 2019, 'an older year')"
    )
    try:
        columns, rows = run_recipe(directory, per_10k)
        by_county = {r[0]: dict(zip(columns, r, strict=True)) for r in rows}
        skarzyski = by_county["2610"]
        assert skarzyski["population"] == 70000
        services = int(str(skarzyski["services"]))
        assert skarzyski["services_per_10k"] == round(services * 10000 / 70000, 2)
    finally:
        directory.execute("DELETE FROM population")


def test_phone_changes_since_last_month(directory: duckdb.DuckDBPyConnection) -> None:
    changes = next(r for r in COOKBOOK if r.slug == "phone-changes")
    record_contact_history(directory)
    assert run_recipe(directory, changes)[1] == [], "one publication: no changes yet"
    # the history so far: first published 40 days ago, last published yesterday
    now = datetime.now(UTC)
    directory.execute(
        "UPDATE contact_history SET first_seen_at = ?, last_seen_at = ?",
        [now - timedelta(days=40), now - timedelta(days=1)],
    )
    iid = directory.execute(
        "SELECT institution_id FROM institutions WHERE name LIKE 'Komenda%'"
    ).fetchone()
    assert iid is not None
    directory.execute(
        "UPDATE contacts SET value = '+48478129999' WHERE institution_id = ? AND kind = 'phone'",
        [iid[0]],
    )
    record_contact_history(directory)
    columns, rows = run_recipe(directory, changes)
    assert columns == ["institution_id", "name", "new_phones", "old_phones"]
    assert rows == [
        (
            iid[0],
            "Komenda Powiatowa Policji w Skarżysku-Kamiennej",
            ["+48478129999"],
            ["+48478120200"],
        )
    ]


def test_analysts_guide_shows_the_cookbook_queries() -> None:
    guide = (REPO / "docs/analysts.md").read_text(encoding="utf-8")
    assert "read_only=True" in guide and "duckdb -readonly" in guide
    for item in COOKBOOK:
        assert item.sql.strip() in guide, item.slug
    assert guide.count("Output on the demo:") == len(COOKBOOK)
