"""Is there a subject at all: what the site's address lends a name (issue 12, round 19).

Each case is read from a tune document of the web corpus (g034) or a fresh tuning page
(`benchmarks/owner_fresh`, m089), with its address, or is a host of the kinds the rule must
keep:

- two initials ("po", "zs", "sp") spell a label only alone, with a number, or before the
  name's place; a word that begins with them ("podlaska") spells no "Prokuratura Okręgowa".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.html_pages.page_owner import candidates_report
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.site_host import host_agreement

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
TUNE = BENCHMARKS / "web_corpus" / "documents"

URLS = {
    "g034": "https://podlaska.policja.gov.pl/pod/aktualnosci/100757,"
    "Podlaskie-z-najmniejsza-przestepczoscia-kryminalna-w-kraju.html",
}


@pytest.mark.parametrize(
    ("name", "url", "kind"),
    [
        ("Prokuratura Okręgowa w Białymstoku", URLS["g034"], False),
        ("Prokuratura Okręgowa we Wrocławiu", "https://wroclaw.po.gov.pl/aktualnosci", True),
        ("Zespół Szkół w Kole", "https://zskolo.pl/", True),
        ("Zespół Szkół nr 1 w Kole", "https://zs1kolo.pl/", True),
        ("Szkoła Podstawowa nr 3 w Kole", "https://sp3.kolo.pl/", True),
        ("Szkoła Podstawowa w Kole", "https://spokojna.pl/", False),
        # m089 (fresh, judged blind: no subject): a school in Łężany on the contest another
        # school organised
        ("Szkoła Podstawowa w Zalesiu", "https://splezany.pl/node/2588", False),
        ("Szkoła Podstawowa w Łężanach", "https://splezany.pl/node/2588", True),
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
