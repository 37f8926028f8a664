"""Is there a subject at all: what the site's address lends a name (issue 12, round 19).

Each case is read from a fresh tuning page (`benchmarks/owner_fresh`, l014 and l015, judged
blind: no subject) or a tune document of the web corpus (g034), with its address:

- a kind word behind a platform's first label ("pszczyna.policja.gov.pl") lends no weak
  agreement to every body of that kind the page names: the first label says which of the
  platform's bodies owns the site (a city's police, not the regional headquarters it quotes);
  a kind word in the first label ("poradniap-p.pl") still does;
- two initials ("po", "zs", "sp") spell a label only alone, with a number, or before the
  name's place; a word that begins with them ("podlaska") spells no "Prokuratura Okręgowa".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.html_pages.page_owner import candidates_report, find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.site_host import host_agreement, kind_word_leads_host

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
FRESH = BENCHMARKS / "owner_fresh" / "documents"
TUNE = BENCHMARKS / "web_corpus" / "documents"

URLS = {
    "l014": "https://mazowiecka.policja.gov.pl/wse/informacje/aktualnosci?dzien=3-12-2025",
    "l015": "https://pszczyna.policja.gov.pl/k19/informacje/wiadomosci?page=9",
    "g034": "https://podlaska.policja.gov.pl/pod/aktualnosci/100757,"
    "Podlaskie-z-najmniejsza-przestepczoscia-kryminalna-w-kraju.html",
}


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("Komenda Wojewódzka Policji w Katowicach", URLS["l015"], False),
        ("Komenda Główna Policji", URLS["l014"], False),
        ("Poradnia Psychologiczno-Pedagogiczna", "https://poradniap-p.pl/kontakt", True),
        ("Fundacja Dzieciom", "https://fundacja-dzieciom.org.pl/o-nas", True),
    ],
)
def test_a_kind_word_lends_only_from_the_first_label(name: str, url: str, expected: bool) -> None:
    assert kind_word_leads_host(name, url) is expected


@pytest.mark.parametrize("case", ["l014", "l015"])
def test_a_police_units_news_quoting_another_headquarters_has_no_subject(case: str) -> None:
    text = (FRESH / f"{case}.txt").read_text(encoding="utf-8")
    assert find_page_owner(page_text_of_plain(text, URLS[case])) is None


@pytest.mark.parametrize(
    ("name", "url", "kind"),
    [
        ("Prokuratura Okręgowa w Białymstoku", URLS["g034"], False),
        ("Prokuratura Okręgowa we Wrocławiu", "https://wroclaw.po.gov.pl/aktualnosci", True),
        ("Zespół Szkół w Kole", "https://zskolo.pl/", True),
        ("Zespół Szkół nr 1 w Kole", "https://zs1kolo.pl/", True),
        ("Szkoła Podstawowa nr 3 w Kole", "https://sp3.kolo.pl/", True),
        ("Szkoła Podstawowa w Kole", "https://spokojna.pl/", False),
    ],
)
def test_two_initials_spell_a_label_only_alone_or_before_the_place(
    name: str, url: str, kind: bool
) -> None:
    assert host_agreement(name, url).kind is kind


def test_a_regional_police_page_lends_no_prosecutors_office_its_host() -> None:
    """g034 (tune): the regional police's page names three district prosecutors' offices;
    "podlaska" begins with "po" but is no prosecutor's label."""
    text = (TUNE / "g034.txt").read_text(encoding="utf-8")
    report = candidates_report(page_text_of_plain(text, URLS["g034"]))
    prosecutors = [evidence for name, _, evidence in report if name.startswith("Prokuratura")]
    assert prosecutors
    assert all("host (weak)" not in evidence for evidence in prosecutors)
