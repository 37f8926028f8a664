"""Pages that speak for no institution (issue 12): the two kinds the tune half of the web
corpus (`benchmarks/web_corpus`, the id in the case id) still read as an institution's page,
each quoted as `wsparcie extract` reads a plain page, with a counter-case that keeps its owner.

- a trade name that ends in its owner's first name and surname is a one-person firm
  ("Poradnia Dietetyczna Oliwia Samoraj", d011, a dietitian's terms of service on a host that
  spells "Poradnia Dietetyczna"); a head named after the body in the genitive, or an organ's
  holder, is no such name;
- a page that calls itself an article or a post reads as news ("W tym artykule przyjrzymy się
  …", e035, a lawyer's blog quoting "Sąd Rejonowy w Białymstoku" as a worked example): a
  name on a line of its own is not enough there.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

D011 = (
    "Regulamin świadczenia usług\n\n"
    "I. Pojęcia i postanowienia ogólne\n\n"
    " 1. Niniejszy Regulamin określa warunki i zasady korzystania z usług dietetycznych w "
    "zakresie doradztwa żywieniowego i układania jadłospisów dietetycznych świadczonych przez "
    "Usługodawcę – Poradnia Dietetyczna Oliwia Samoraj z siedzibą w Odolionie, ul. Okrężna "
    "163, prowadzącą działalność w gabinecie w Odolionie, ul. Okrężna 163\n\n"
    " 5. Konsultacje dokonywane przez Poradnia Dietetyczna Oliwia Samoraj mają charakter "
    "informacyjny i nie zastępują porady lekarskiej.\n\n"
    " 7. Poradnia Dietetyczna Oliwia Samoraj nie ponosi odpowiedzialności za usługi "
    "dietetyczne udzielone na skutek podania przez Pacjenta niepełnych informacji.\n\n"
    " 8. Poradnia Dietetyczna Oliwia Samoraj zastrzega sobie prawo do zmiany Regulaminu."
)
D011_URL = "https://dietetycznaporadnia.pl/regulaminy-i-prywatnosc/40-regulamin-swiadczenia-uslug"
E035 = (
    "Spis treści\n\n"
    "Pozew o alimenty jest pismem sądowym, co oznacza, że musi spełniać określone wymogi "
    "formalne pod względem budowy i prezentowanych treści.\n\n"
    "Dlatego warto przygotowanie swojego pozwu skonsultować z adwokatem. W tym artykule "
    "przyjrzymy się temu, jak powinien wyglądać dobry pozew o alimenty.\n\n"
    "Prawy górny róg:\n\n"
    "Miejscowość, dnia……….. r.\n\n"
    "Sąd Rejonowy w ……………………….\n\n"
    "Jeśli pozew składa białostoczanin, najprawdopodobniej wpisane zostanie:\n\n"
    "Sąd Rejonowy w Białymstoku\n\n"
    "W tym miejscu zwracamy uwagę na to, że może zdarzyć się sytuacja, w której matka i "
    "ojciec mieszkają w różnych miejscowościach. Najczęściej sprawa będzie toczyła się w "
    "najbliższym sądzie rejonowym właściwym dla miejsca zamieszkania powoda."
)
E035_URL = "https://urszulazajko.pl/pozew-o-alimenty-jak-to-wyglada-w-praktyce-cz-1-petitum/"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        pytest.param(D011, D011_URL, id="d011-a-firm-named-after-its-owner"),
        pytest.param(E035, E035_URL, id="e035-a-page-calling-itself-an-article"),
    ],
)
def test_a_page_about_no_institution(text: str, url: str) -> None:
    assert find_page_owner(page_text_of_plain(text, url)) is None


@pytest.mark.parametrize(
    ("text", "url", "owner"),
    [
        # the same terms under the trade name without its owner's name: the page is the
        # counselling centre's, as its host says
        pytest.param(D011.replace(" Oliwia Samoraj", ""), D011_URL,
                     "Poradnia Dietetyczna z siedzibą w Odolionie",
                     id="d011-without-the-owner's-name"),
        # e035's lines without "W tym artykule": the court's name on a line of its own, as a
        # court's page would give it
        pytest.param(E035.replace("W tym artykule przyjrzymy się temu, jak",
                                  "Zobacz, jak"), E035_URL, "Sąd Rejonowy w Białymstoku",
                     id="e035-without-the-article's-words"),
        # b102's head named after the body, in the genitive: no firm (the office's news item)
        pytest.param("Współpraca gmin z PUP\n\nDyrektor Powiatowego Urzędu Pracy w Ostrowcu "
                     "Świętokrzyskim Małgorzata Stafijowska spotkała się z wójtami.\n\n"
                     "Powiatowy Urząd Pracy w Ostrowcu Świętokrzyskim\n\nul. Sienkiewicza 70\n\n"
                     "tel. 41 263 22 33", "https://example.org/strona",
                     "Powiatowy Urząd Pracy w Ostrowcu Świętokrzyskim", id="b102-head-named"),
    ],
)  # fmt: skip
def test_the_counter_case_keeps_its_owner(text: str, url: str, owner: str) -> None:
    found = find_page_owner(page_text_of_plain(text, url))
    assert found is not None and found.name == owner
