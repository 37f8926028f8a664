"""County pages in a real headless browser (Debian's chromium driven by Playwright): the full
list without JavaScript, offline search filtering, "Czego szukasz?" (by need, age and gmina,
with the evidence of each stated service), escaping of scraped markup, accessibility basics;
plus the coverage page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from directory_factory import (  # tests/ helper module
    STATED_RECORDS,
    STATED_SOURCES,
    build_directory,
)

from warehouse.county_pages import write_county_pages
from warehouse.coverage import refresh_coverage
from warehouse.publish import stage_tables

INJECTED = '<script>window.__injected = 1</script><img src=x onerror="window.__injected=2">'


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    con = build_directory(
        tmp_path_factory.mktemp("wh") / "w.duckdb", STATED_RECORDS, STATED_SOURCES
    )
    # a name as a hostile or broken page could deliver it
    con.execute(
        "UPDATE institutions SET name = ? || ' Stowarzyszenie' WHERE name LIKE 'Stowarzyszenie%'",
        [INJECTED],
    )
    coverage = refresh_coverage(con)
    stage_tables(con)
    root = tmp_path_factory.mktemp("pages")
    write_county_pages(con, root, coverage, data_as_of="2026-03-02", notice=None)
    con.close()
    yield root


def county_url(pages: Path) -> str:
    return (pages / "powiaty/2610_skarzyski/index.html").as_uri()


def test_search_filters_the_list_offline(pages: Path, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(county_url(pages))
    items = page.locator("li.institution")
    assert items.count() == 6
    search = page.get_by_label("Szukaj instytucji, usługi lub miejscowości")
    assert search.is_visible()
    search.fill("poradnia")
    assert [t.strip() for t in page.locator("li.institution:visible h3").all_inner_texts()] == [
        "Poradnia Psychologiczno-Pedagogiczna w Skarżysku-Kamiennej"
    ]
    assert page.locator("#wynik").inner_text() == "Wyświetlono: 1 z 6"
    # diacritics-insensitive, several words, and sectors with no match are hidden
    search.fill("osrodek blizyn")
    assert page.locator("li.institution:visible").count() == 1
    assert page.locator("section.sector:visible h2").all_inner_texts() == [
        "Pomoc społeczna (w tym wspieranie rodziny i piecza zastępcza)"
    ]
    search.fill("")
    assert page.locator("li.institution:visible").count() == 6
    page.close()


def visible_names(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("li.institution:visible h3").all_inner_texts()]


def test_czego_szukasz_filters_by_need_age_and_gmina(pages: Path, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto((pages / "powiaty/2816_piski/index.html").as_uri())
    assert page.get_by_role("heading", name="Czego szukasz?").is_visible()
    everyone = page.locator("li.institution").count()
    assert everyone == 4
    need = page.get_by_label("Rodzaj pomocy")
    options = need.locator("option").all_inner_texts()
    assert "terapia logopedyczna" in options and "grupy wsparcia" in options
    assert "interwencja kryzysowa" not in options, "only the services present in the county"

    # a need: only the entries that state it, each with the sentence and its page
    need.select_option(label="terapia logopedyczna")
    assert sorted(visible_names(page)) == [
        "Fundacja Pomocy Dzieciom Mazurskie Skrzydła",
        "Poradnia Psychologiczno-Pedagogiczna w Piszu",
    ]
    for entry in page.locator("li.institution:visible").all():
        item = entry.locator("ul.evidence li", has_text="terapia logopedyczna")
        assert item.locator("q").inner_text().lower().startswith(("terapia", "prowadzimy"))
        assert item.locator("a.source").get_attribute("href", timeout=1000) in (
            "https://poradnia-pisz.example.pl/oferta",
            "https://fundacja-orzysz.example.org/zajecia",
        )
        assert "ostatnio sprawdzono: 2026-03-02" in entry.inner_text()
    assert page.locator("#wynik").inner_text() == f"Wyświetlono: 2 z {everyone}"

    # with an age: the poradnia (3–10) for a child of five, the foundation (13–18) for a teenager
    age = page.get_by_label("Wiek (lata)")
    age.fill("5")
    assert visible_names(page) == ["Poradnia Psychologiczno-Pedagogiczna w Piszu"]
    age.fill("15")
    assert visible_names(page) == ["Fundacja Pomocy Dzieciom Mazurskie Skrzydła"]
    # the ages of the service asked for: the foundation's support group is for parents of
    # children up to six, its speech therapy for teenagers
    age.fill("4")
    assert visible_names(page) == ["Poradnia Psychologiczno-Pedagogiczna w Piszu"]
    need.select_option(label="grupy wsparcia")
    assert visible_names(page) == ["Fundacja Pomocy Dzieciom Mazurskie Skrzydła"]
    age.fill("15")
    assert visible_names(page) == []
    # an age alone keeps the entries that state no ages
    need.select_option(value="")
    assert sorted(visible_names(page)) == [
        "Fundacja Pomocy Dzieciom Mazurskie Skrzydła",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Piszu",
        "Powiatowe Centrum Pomocy Rodzinie w Piszu",
    ]
    age.fill("")

    # a gmina
    gmina = page.get_by_label("Gmina")
    gmina.select_option(label="Orzysz")
    assert visible_names(page) == ["Fundacja Pomocy Dzieciom Mazurskie Skrzydła"]
    gmina.select_option(value="")

    # a type's default counts only when asked for, and is marked as such
    need.select_option(label="piecza zastępcza")
    assert visible_names(page) == []
    page.get_by_label("także usługi przypisane domyślnie", exact=False).check()
    assert visible_names(page) == ["Powiatowe Centrum Pomocy Rodzinie w Piszu"]
    pcpr = page.locator("li.institution:visible")
    assert "piecza zastępcza" in pcpr.locator("dd.defaults").inner_text()
    assert pcpr.locator("ul.evidence", has_text="piecza zastępcza").count() == 0
    page.close()


def test_a_sentence_naming_a_person_is_not_on_the_page(pages: Path) -> None:
    html = (pages / "powiaty/2816_piski/index.html").read_text(encoding="utf-8")
    assert "Nowak" not in html
    assert "Terapia logopedyczna dla dzieci od 3 do 10 lat." in html


def test_injected_markup_is_shown_as_text_and_never_runs(pages: Path, browser: Any) -> None:
    page = browser.new_page()
    page.goto(county_url(pages))
    assert page.evaluate("window.__injected") is None
    assert page.locator("li.institution img").count() == 0
    names = page.locator("li.institution h3").all_inner_texts()
    assert any(n.startswith("<script>window.__injected = 1</script>") for n in names)
    page.close()


def test_full_list_is_readable_without_javascript(pages: Path, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(county_url(pages))
    assert page.locator("li.institution").count() == 6
    assert not page.locator("#wyszukiwarka").is_visible(), "no dead search box without JS"
    assert "+48 41 251 00 01" in page.content()
    context.close()


def test_accessibility_basics(pages: Path, browser: Any) -> None:
    page = browser.new_page()
    page.goto(county_url(pages))
    assert page.get_attribute("html", "lang") == "pl"
    assert page.locator("h1").count() == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert page.locator(landmark).count() >= 1, landmark
    assert page.get_by_role("navigation", name="Sektory").is_visible()
    assert page.locator('a[href="#tresc"]').count() == 1, "skip link"
    # WCAG AA contrast of body text, links and the header
    for selector in ("li.institution dd", "li.institution .type", "nav a", "header h1"):
        ratio = page.evaluate(CONTRAST_JS, selector)
        assert ratio >= 4.5, (selector, ratio)
    page.close()


def test_coverage_page_lists_missing_requirements(pages: Path, browser: Any) -> None:
    page = browser.new_page()
    page.goto((pages / "pokrycie.html").as_uri())
    text = page.locator("main").inner_text()
    assert "Powiat skarżyski (2610)" in text and "Powiat piski (2816)" in text
    assert "Powiat radomszczański" not in text, "only catalogued counties"
    rows = page.locator("tr", has_text="Łączna")
    assert rows.count() == 1 and "brak w katalogu" in rows.inner_text()
    bliżyn = page.locator("tr", has_text="Bliżyn")
    assert re.search(r"jest \(1\)", bliżyn.inner_text())
    page.close()


CONTRAST_JS = """
(selector) => {
  const el = document.querySelector(selector);
  const parse = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let n = el; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") { bg = parse(c); break; }
  }
  bg = bg || [255, 255, 255];
  const a = lum(parse(getComputedStyle(el).color)), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
"""


def test_pages_written_escaped_and_dated_by_the_data(pages: Path) -> None:
    written = {p.relative_to(pages).as_posix() for p in pages.rglob("*.html")}
    assert written == {
        "index.html",
        "pokrycie.html",
        "powiaty/2610_skarzyski/index.html",
        "powiaty/2816_piski/index.html",
    }
    html = (pages / "powiaty/2610_skarzyski/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__injected" in html
    assert "stan na 2026-03-02" in html
