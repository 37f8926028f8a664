"""A news page's furniture says it is news (issue 12, round 11): a photo and text credit
("tekst i zdj. KWP w Bydgoszczy", b073 of the web corpus's tune half, a police magazine's
round-up of new stations) and a comments section ("0 komentarzy", "Dodaj komentarz", "View
all comments": e038, e026) are what news portals and blogs print under an article, never an
institution's own page. On such a page a body the text names needs the news bar, unless the
page declares it, gives its contacts under its name or its host spells it (`page_owner`).
Since round 18 the magazine's own address says as much ("gazeta.policja.pl": a news outlet's
host, `site_host.news_outlet`); the same text without its furniture keeps its owner on an
address that is no outlet's."""

from __future__ import annotations

import pytest

from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

B073 = (
    "Nowe siedziby Policji\n\n"
    "W BIAŁYM KOŚCIELE\n\n"
    "Nowo utworzony Posterunek Policji w Białym Kościele (woj. małopolskie) otwarto 8 grudnia "
    "2022 r. Obiekt powstał w wyniku przebudowy istniejącego już budynku dzięki współpracy z "
    "Urzędem Gminy w Wielkiej Wsi. Posterunek Policji w Białym Kościele jest 159. odtworzonym "
    "posterunkiem od roku 2016. Posterunek Policji w Białym Kościele mieści się przy ul. "
    "Królowej Jadwigi 4 na terenie gminy Wielka Wieś. Stan etatowy Posterunku Policji w Białym "
    "Kościele obejmuje osiem etatów policyjnych.\n\n"
    "Posterunek Policji w Białym Kościele należy do struktury organizacyjnej Komisariatu Policji "
    "w Zielonkach."
)
URL = "https://gazeta.policja.pl/997/archiwum-1/2023/228392,Nowe-siedziby-Policji.html"
# the same text on an address that is no news outlet's (a police portal's page)
PLAIN_URL = "https://policja.pl/pol/aktualnosci/228392,Nowe-siedziby-Policji.html"


@pytest.mark.parametrize(
    "furniture",
    [
        pytest.param("tekst i zdj. KWP w Bydgoszczy / KPP w Rypinie", id="b073-credit"),
        pytest.param("0 komentarzy\n\nInline Feedbacks\n\nView all comments", id="e038-comments"),
        pytest.param("Dodaj komentarz", id="e026-comment-form"),
    ],
)
def test_news_furniture_needs_the_news_bar(furniture: str) -> None:
    page = page_text_of_plain(f"{B073}\n\n{furniture}", PLAIN_URL)
    assert find_page_owner(page) is None


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Zdjęcia z otwarcia posterunku", id="photos-heading"),
        pytest.param("Komentarz do ustawy o Policji", id="commentary"),
    ],
)
def test_the_same_page_without_news_furniture_keeps_its_owner(line: str) -> None:
    assert find_page_owner(page_text_of_plain(f"{B073}\n\n{line}", URL)) is None
    page = page_text_of_plain(f"{B073}\n\n{line}", PLAIN_URL)
    owner = find_page_owner(page)
    assert owner is not None
    assert owner.name == "Posterunek Policji w Białym Kościele"
