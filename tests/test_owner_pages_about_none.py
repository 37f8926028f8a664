"""Pages that speak for no institution (issue 12), quoted from the tune half of the web corpus
(`benchmarks/web_corpus`, the id in the case id) as `wsparcie extract` reads a plain page.

- a page that calls itself an article or a post reads as news ("W tym artykule przyjrzymy się
  …", e035, a lawyer's blog quoting "Sąd Rejonowy w Białymstoku" as a worked example): a name
  on a line of its own is not enough there; the same lines without those words keep the
  court as their owner.
- a one-person firm named after its owner ("Poradnia Dietetyczna Oliwia Samoraj", d011) owns
  no page when its name names no kind of body the directory holds and no form of support: the
  annotators take such a firm as the subject when it offers support (f027, "Centrum
  Logopedyczno-terapeutyczne „Dogadać się” Katarzyna Czechowicz-Gołaszewska") and not when it
  does not (d011, a dietitian); the name's form alone was measured and dropped in an earlier
  round, the kind of service its name states tells them apart (round 20).
- a type name the page also writes in the plural ("Ośrodki Adopcyjne rozmieszczone we
  wszystkich 16 województwach", i042, a guide to adoption centres) is the kind the page is
  about, whatever the guide's own voice ("nasza Aplikacja").
- an encyclopedia's entry, its sections with a wiki's edit links ("Urzędy pracy w
  Polsce[edytuj | edytuj kod]", h043, pictures captioned with two labour offices), reads as an
  article: its captions do not make it an office's page.
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

# d011, the first lines of a dietitian's terms of service
D011 = (
    "Regulamin świadczenia usług\n\n"
    "I. Pojęcia i postanowienia ogólne\n\n"
    " 1. Niniejszy Regulamin określa warunki i zasady korzystania z usług dietetycznych w "
    "zakresie doradztwa żywieniowego i układania jadłospisów dietetycznych świadczonych przez "
    "Usługodawcę – Poradnia Dietetyczna Oliwia Samoraj z siedzibą w Odolionie, ul. Okrężna 163, "
    "prowadzącą działalność w gabinecie w Odolionie, ul. Okrężna 163, NIP 8911629095, REGON "
    "368694859\n"
    " 5. Konsultacje dokonywane przez Poradnia Dietetyczna Oliwia Samoraj mają charakter "
    "informacyjny i nie zastępują porady lekarskiej.\n"
    " 7. Poradnia Dietetyczna Oliwia Samoraj nie ponosi odpowiedzialności za usługi dietetyczne "
    "udzielone na skutek podania przez Pacjenta niepełnych i nieprawdziwych informacji."
)
D011_URL = (
    "https://dietetycznaporadnia.pl/regulaminy-i-prywatnosc/9-regulaminy-i-prywatnosc/"
    "40-regulamin-swiadczenia-uslug"
)
# f027, the first lines of a speech therapy centre's rules (the gold's subject)
F027 = (
    "Zajęcia indywidualne i grupowe\n\n"
    "Zajęcia indywidualne i grupowe\n\n"
    " 1. Organizatorem zajęć indywidualnych i grupowych dla dzieci i dorosłych jest Centrum "
    "Logopedyczno-terapeutyczne „Dogadać się” Katarzyna Czechowicz-Gołaszewska z siedzibą przy "
    "ul. Potockiego 143, 96-313 Budy-Grzybek, NIP 9482008713 Regon 147357969 . Zajęcia "
    "odbywają się w Budach-Grzybek ul. Potockiego 143 lub w miejscu wskazanym przez "
    "organizatora np. w porozumieniu z inną placówką medyczną lub oświatową."
)
F027_URL = "https://cltdogadacsie.pl/?page_id=299"
# i042, the first lines of a guide to adoption centres
I042 = (
    "Co trzeba wiedzieć wybierając Ośrodek Adopcyjny? Jakie są opinie na ich temat?\n\n"
    "Realizacją procedury adopcyjnej w Polsce zajmują się Ośrodki Adopcyjne rozmieszczone we "
    "wszystkich 16 województwach. W ich wyborze pomoże Ci nasza⏩ Aplikacja „Ośrodki "
    "Adopcyjne”, która powstała w oparciu o rozbudowane opinie i oceny ponad 650 osób.\n\n"
    "Zgodnie z obowiązującym prawem Ośrodki Adopcyjne w Polsce to podmioty odpowiedzialne za "
    "przeprowadzenie adopcji. Dlatego osoby pragnące adoptować dziecko w Polsce powinny "
    "skierować swoje piersze kroki do wybranego przez siebie Ośrodka Adopcyjnego, a nie domu "
    "dziecka.\n\n"
    "Rozmieszczenie Ośrodków Adopcyjnych na obszarze kraju nie jest równomierne.\n\n"
    "Spis treści:\n\n"
    "Wybór Ośrodka Adopcyjnego – co z rejonizacją?  Czy możemy przejść procedurę w placówce "
    "położonej w innym województwie?\n\n"
    "Na szczęście zgodnie z prawem nie obowiązuje rejonizacji, co oznacza, że osoby pragnące "
    "adoptować dziecko mogą wybrać dowolny Ośrodek Adopcyjny na terenie całego kraju."
)
I042_URL = "https://narodziny-milosci.pl/osrodki-adopcyjne-w-polsce/"
# h043, the first lines of an encyclopedia's entry on labour offices
H043 = (
    "Urząd pracy\n\n"
    "Z Wikipedii, wolnej encyklopedii\n"
    "Powiatowy Urząd Pracy w Krasnymstawie\n"
    "Wojewódzki Urząd Pracy w Toruniu\n\n"
    "Urząd pracyinstytucja zajmująca się badaniem i analizowaniem rynku pracy, udzielaniem "
    "informacji osobom bezrobotnym oraz zajmująca się pośrednictwem zawodowym dla osób "
    "poszukujących pracy.\n\n"
    "Urzędy pracy w Polsce[edytuj | edytuj kod]\n\n"
    "Urzędy pracy w Polsce są organami administracji samorządowej i działają na szczeblu "
    "wojewódzkim i powiatowym[1].\n\n"
    "Rejestracja osoby bezrobotnej w urzędzie pracy[edytuj | edytuj kod]\n\n"
    "Rejestracja osoby bezrobotnej w Powiatowym Urzędzie Pracy wiąże się z dostępem danej "
    "osoby do szeregu świadczeń."
)
H043_URL = "https://pl.wikipedia.org/wiki/Urz%C4%85d_pracy"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        pytest.param(E035, E035_URL, id="e035-a-page-calling-itself-an-article"),
        pytest.param(E035.replace("W tym artykule", "W dzisiejszym wpisie"), E035_URL,
                     id="e035-a-post"),
        pytest.param(D011, D011_URL, id="d011-a-dietitian's-one-person-firm"),
        pytest.param(I042, I042_URL, id="i042-a-guide-to-a-kind-of-body"),
        pytest.param(H043, H043_URL, id="h043-an-encyclopedia's-entry"),
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
        # f027: a one-person firm whose name states a form of support keeps the page
        pytest.param(F027, F027_URL, "Centrum Logopedyczno-terapeutyczne „Dogadać się”",
                     id="f027-a-speech-therapist's-firm"),
        # i042's lines with the kind in the singular only: an adoption centre's own page
        pytest.param(I042.replace("Ośrodki Adopcyjne w Polsce", "nasz Ośrodek Adopcyjny")
                     .replace("Ośrodki Adopcyjne", "nasz Ośrodek Adopcyjny")
                     .replace("Ośrodków Adopcyjnych", "Ośrodka Adopcyjnego"), I042_URL,
                     "Ośrodek Adopcyjny", id="i042-in-the-singular"),
    ],
)  # fmt: skip
def test_the_counter_case_keeps_its_owner(text: str, url: str, owner: str) -> None:
    found = find_page_owner(page_text_of_plain(text, url))
    assert found is not None and found.name == owner
