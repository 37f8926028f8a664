"""Pages that speak for no institution (issue 12), quoted from the tune half of the web corpus
(`benchmarks/web_corpus`, the id in the case id) as `wsparcie extract` reads a plain page.

- a page that calls itself an article or a post reads as news ("W tym artykule przyjrzymy się
  …", e035, a lawyer's blog quoting "Sąd Rejonowy w Białymstoku" as a worked example): a name
  on a line of its own is not enough there; the same lines without those words keep the
  court as their owner.
- a one-person firm named after its owner ("Poradnia Dietetyczna Oliwia Samoraj", d011) is
  left as it is: the annotators take such a firm as the subject when it offers support (f027,
  "Centrum Logopedyczno-terapeutyczne „Dogadać się” Katarzyna Czechowicz-Gołaszewska") and
  not when it does not (d011, a dietitian), so a rule on the name's form was measured and
  dropped; telling them apart is the kind of service, not the name.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain

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
        pytest.param(E035, E035_URL, id="e035-a-page-calling-itself-an-article"),
        pytest.param(E035.replace("W tym artykule", "W dzisiejszym wpisie"), E035_URL,
                     id="e035-a-post"),
    ],
)  # fmt: skip
def test_a_page_about_no_institution(text: str, url: str) -> None:
    assert find_page_owner(page_text_of_plain(text, url)) is None


@pytest.mark.parametrize(
    ("text", "url", "owner"),
    [
        # e035's lines without "W tym artykule": the court's name on a line of its own, as a
        # court's page would give it
        pytest.param(E035.replace("W tym artykule przyjrzymy się temu, jak",
                                  "Zobacz, jak"), E035_URL, "Sąd Rejonowy w Białymstoku",
                     id="e035-without-the-article's-words"),
    ],
)  # fmt: skip
def test_the_counter_case_keeps_its_owner(text: str, url: str, owner: str) -> None:
    found = find_page_owner(page_text_of_plain(text, url))
    assert found is not None and found.name == owner
