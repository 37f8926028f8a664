"""The page's own body among the other bodies it names (issue 12, round 20).

Each case is quoted from a fresh tuning page of this round (`benchmarks/owner_fresh`, judged
blind before the extractor read it), the id in the case id, its address in `URLS`, as
`wsparcie extract` reads a plain page, or is a name of the kinds the rule must keep:

- a territory's council or board ("Zarząd Powiatu Skarżyskiego", "Rada Gminy Dygowo",
  "Rada Miejska w Kole") is an organ, as a one-person office is: it resolves, its office keeps
  the site, and it owns no page; a board of another kind ("Zarząd Dróg Powiatowych",
  "Zarząd Stowarzyszenia"), a school's council and a party's county board are no organs of a
  territory;
- the voice of such a council goes to the office that serves it, in its territory: the
  "Zarząd Powiatu Krośnieńskiego ogłasza …" for the "Starostwo Powiatowe w Krośnie
  Odrzańskim" (e039, a tune document), as "Starosta Toruński" speaks for his starostwo; a
  town's council is not the county's office in the same town.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.owner_signals import is_organ
from extractors.html_pages.owner_voice import office_of_organ
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from transforms.names import normalise_name

URLS = {
    "n061": "https://powiatskarzyski.pl/powiat/aktualnosci/"
    "5674-5-lecie-domu-pomocy-spolecznej-centrum-seniora",
}


@pytest.mark.parametrize(
    ("name", "organ"),
    [
        ("Zarząd Powiatu Skarżyskiego", True),  # n061
        ("Rada Powiatu Kołobrzeg", True),  # n062
        ("Rada Miejska w Kole", True),
        ("Sejmik Województwa Śląskiego", True),
        ("Rada Dzielnicy Ursus", True),
        ("Zarząd Dróg Powiatowych w Kole", False),
        ("Zarząd Stowarzyszenia Dziecko", False),
        ("Rada Pedagogiczna", False),
        ("Zarząd Powiatowy PSL", False),
        ("Starostwo Powiatowe w Ropczycach", False),  # n060
    ],
    ids=["n061-county-board", "n062-county-council", "town-council-with-seat",
         "voivodeship-assembly", "district-council", "roads-authority", "association-board",
         "school-council", "party-board", "the-office"],
)  # fmt: skip
def test_a_territory_s_council_or_board_is_an_organ(name: str, organ: bool) -> None:
    assert is_organ(name) is organ


N061 = (
    "W piątek 7 czerwca br. Dom Pomocy Społecznej „Centrum Seniora” świętował Jubileusz "
    "5-lecia działalności. W uroczystości Powiat Skarżyski reprezentowali: Jerzy Żmijewski - "
    "Przewodniczący Rady Powiatu, Bożena Bętkowska - Wiceprzewodnicząca Rady Powiatu, Katarzyna "
    "Bilska - Wicestarosta Skarżyski oraz Cezary Błach - Członek Zarządu Powiatu.\n\n"
    "Uroczystość Jubileuszu odbyła się na placu Domu Pomocy Społecznej. Wśród przybyłych gości "
    "obok przedstawicieli Powiatu Skarżyskiego obecni byli m.in. Marzena Okła-Drewnowicz - "
    "Ministra ds. Polityki Senioralnej, Konrad Wikariusz - Zastępca Prezydenta "
    "Skarżyska-Kamiennej, a także dyrektorzy i kierownicy powiatowych i miejskich jednostek "
    "organizacyjnych, pracownicy i podopieczni Domu Pomocy Społecznej „Centrum Seniora”.\n\n"
    "Zgromadzonych przywitała Agnieszka Herbuś - dyrektor Domu Pomocy Społecznej „Centrum "
    "Seniora”, która po krótce przybliżyła działalność placówki. W kolejnym wystąpieniu Rada i "
    "Zarząd Powiatu Skarżyskiego, reprezentowane przez Jerzego Żmijewskiego, Bożenę Bętkowską, "
    "Katarzynę Bilską i Cezarego Błacha, wyraziły uznanie dla dotychczasowej działalności "
    "Centrum Seniora."
)


def test_n061_a_county_s_board_owns_no_page_of_its_portal() -> None:
    """The county portal's report on its DPS (judged blind: no subject): the board the address
    spells is the county's organ, and the DPS is no page of the county's site."""
    owner = find_page_owner(page_text_of_plain(N061, URLS["n061"]))
    assert owner is None


@pytest.mark.parametrize(
    ("organ", "office", "served"),
    [
        ("Zarząd Powiatu Krośnieńskiego", "Starostwo Powiatowe w Krośnie Odrzańskim", True),
        ("Rada Powiatu Krośnieńskiego", "Starostwo Powiatowe w Krośnie Odrzańskim", True),
        ("Zarząd Powiatu Krośnieńskiego", "Starostwo Powiatowe w Gubinie", False),
        ("Zarząd Powiatu Skarżyskiego", "Starostwo Powiatowe w Skarżysku-Kamiennej", True),
        ("Rada Gminy Dygowo", "Urząd Gminy Dygowo", True),
        ("Rada Miejska w Kole", "Urząd Miejski w Kole", True),
        ("Rada Miejska w Kole", "Starostwo Powiatowe w Kole", False),
        ("Starosta Toruński", "Starostwo Powiatowe w Toruniu", True),
    ],
    ids=["e039-the-board", "e039-the-council", "e039-another-county-s-office",
         "n061-the-board", "n062-a-gmina-s-council", "a-town-s-council", "not-the-county-s",
         "a-one-person-organ"],
)  # fmt: skip
def test_a_council_speaks_for_the_office_of_its_territory(
    organ: str, office: str, served: bool
) -> None:
    organ_key, office_key = normalise_name(organ).key, normalise_name(office).key
    assert office_of_organ(organ, organ_key, office, office_key) is served
