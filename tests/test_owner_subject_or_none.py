"""Is there a subject at all: pages about no institution and one body's two spellings
(issue 12, round 20, branch found21).

Each case is quoted from a fresh tuning page (`benchmarks/owner_fresh`: p-pages of this round,
judged blind before any run; m021 of round 15), the id in the case id, with its address:

- a foundation written once in title case and once in capitals inside its quoted legal name
  ("Fundacja Dobro Wraca MG" in the title, "Fundacja „Fundacja DOBRO WRACA MG” z siedzibą w
  Tychach" in the rules) is one body, not two rivals holding each other back: the lemmatiser
  reads "Wraca" and "WRACA" apart, the folded words do not;
- a private psychologist's terms, a law firm's offer and a language school's price list with
  a firm's KRS and NIP (p019, p022, p031) name no institution of their own, and a
  non-public psychological-pedagogical counselling centre's statute with its price list (p006)
  is that centre's page: prices and a person as its owner do not make it a trade.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.page_owner import candidates_report, find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from transforms.text import fold_key

M021 = (
    "Regulamin – Fundacja Dobro Wraca MG\n\n"
    "Regulamin sposobu gromadzenia i wydatkowania środków finansowych na Subkontach "
    "Podopiecznych w ramach pomocy społecznej\n"
    "Fundacji „Fundacja DOBRO WRACA MG”\n\n"
    "§ 1\n"
    "POSTANOWIENIA OGÓLNE I DEFINICJE\n\n"
    " 4. Fundacja – oznacza Fundację „Fundacja DOBRO WRACA MG” z siedzibą w Tychach przy ul. "
    "Władysława Reymonta 60/15, wpisaną do rejestru przedsiębiorców i rejestru stowarzyszeń"
)
M021_URL = "https://dobrowraca-mg.pl/regulamin/"

P019 = (
    "Regulamin świadczonych usług i płatności:\n\n"
    " 1. Z usług psychologicznych mogą korzystać osoby posiadające pełną zdolność do czynności "
    "prawnych. Możliwość korzystania z usług psychologicznych przez osoby nie posiadające pełnej "
    "zdolności do czynności prawnych uzależniona jest od wyrażenia pisemnej zgody przez ich "
    "prawnych opiekunów i skutecznego doręczenia oryginału tejże zgody Usługodawcy.\n"
    " 8. Wnioski, opinie i zaświadczenia wydawane będą na wyraźną prośbę Klienta z "
    "zastrzeżeniem 14-dniowego terminu odbioru. Odbiór dokumentacji odbywa się tylko i "
    "wyłącznie osobiście w Gabinecie."
)
P022 = (
    "Prawo rodzinne - adwokat Warszawa\n\n"
    "Adwokat od spraw rodzinnych w Warszawie\n\n"
    "Sprawy rodzinne (m.in. rozwody, podziały majątku, eksmisje, alimenty, ustalenie "
    "kontaktów, władza rodzicielska, miejsce pobytu dziecka) wymagają poświęcenia wiele uwagi, "
    "dokładności i wyobraźni.\n\n"
    "Doświadczony adwokat prawa rodzinnego w Warszawie\n\n"
    "W tym czasie przeprowadzonych zostało z moim udziałem ponad 200 spraw przed sądami, "
    "obejmujących codzienne - ludzkie problemy."
)
P031 = (
    "Условия использования / Regulamin korzystania\n\n"
    "§ 1 Ogólne warunki handlowe\n\n"
    "(2) Operatorem Szkoły MOVASchool jest EduWado Spółka z o.o. (adres: Śwółka z o.o.). "
    "(adres: ul. Św. Wojciecha 3/3A/7, Olsztyn, 10-038, REGON: 389734835, NIP: 7393957476, "
    "KRS: 0000917669, kapitał zakładowy: 5000 zł), zwaną dalej „Szkołą”.\n"
    "Szkoła świadczy odpłatne usługi edukacyjne w zakresie nauki języków obcych, w tym:"
)
P006 = (
    "Niepubliczna Poradnia Psychologiczno-Pedagogiczna Zdrowe Dziecko\n\n"
    "Terapia SI\n\n"
    " • Diagnoza: 3 spotkania po 50 minut – 270 zł \n"
    " • Zajęcia indywidualne 90 zł za jedne zajęcia \n\n"
    "§ 2\n\n"
    "1.Nazwa: Niepubliczna Poradnia Psychologiczno - Pedagogiczna „ Zdrowe Dziecko”\n\n"
    "2. Siedziba: ul. Armii Krajowej 34/24, 05-800 Pruszków\n\n"
    "4. Właścicielem Poradni jest osoba fizyczna."
)


def test_one_body_in_title_case_and_in_capitals_is_one_candidate() -> None:
    page = page_text_of_plain(M021, M021_URL)
    dobro = [name for name, _, _ in candidates_report(page) if "dobro" in fold_key(name)]
    assert len(dobro) == 1
    found = find_page_owner(page)
    assert found is not None and "dobro wraca mg" in fold_key(found.name)


@pytest.mark.parametrize(
    ("text", "url", "owner"),
    [
        pytest.param(P019, "https://poradniatuitam.pl/strona/11484-regulamin-swiadczonych-"
                     "uslug-i-platnosci", None, id="p019-a-private-psychologist's-terms"),
        pytest.param(P022, "https://www.lpdlegal.pl/oferta/prawo-rodzinne.html", None,
                     id="p022-a-law-firm's-offer"),
        pytest.param(P031, "https://karta-polaka.pl/regulamin", None,
                     id="p031-a-language-school-firm's-rules"),
        pytest.param(P006, "http://klinikazdrowedziecko.pl/poradnia-psychologiczno-"
                     "pedagogiczna.html",
                     "Niepubliczna Poradnia Psychologiczno-Pedagogiczna „ Zdrowe Dziecko”",
                     id="p006-a-non-public-counselling-centre-with-prices"),
    ],
)  # fmt: skip
def test_a_firm_owns_no_page_and_a_priced_centre_does(
    text: str, url: str, owner: str | None
) -> None:
    found = find_page_owner(page_text_of_plain(text, url))
    assert (found.name if found is not None else None) == owner
