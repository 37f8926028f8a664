"""Stated forms of support on fresh offer pages (issue #17, support13).

Cases are real lines of `benchmarks/support_fresh/` (pages outside the web corpus, each case
citing its page's URL) and of the web corpus's tune half (the document id in the case id),
read through `transforms.support_statements.read_support`. The kinds: a list whose items are
adjectives of the noun its heading ends with ("udzielana jest pomoc: • psychologiczna, •
prawna"), schooling chosen or planned (career guidance's subject, not education), treatment of
addiction or of mental disorders (not other health care), "terapeutyczny" qualifying a
programme or an action (not a therapy offered), and the
levels of the public system of care a guide describes. Lines where the same words do state the
form are cases too. The test half is never read here.
"""

from __future__ import annotations

import pytest

from transforms.offer_voice import general_voice
from transforms.support_statements import read_support


def _codes(text: str) -> set[str]:
    return set(read_support(text).service_codes)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # --- a list's items are adjectives of its heading's noun ---------------------------
        pytest.param(
            # https://www.mops.com.pl/przeciwdzialanie-przemocy/osrodek-interwencji-kryzysowej/informacje-ogolne
            "W Ośrodku Interwencji Kryzysowej udzielana jest następująca pomoc:\n"
            "• interwencyjna – podejmowanie działań interwencyjnych, w tym wizyty środowiskowe, "
            "rozmowy interwencyjne,\n"
            "• psychologiczna i terapeutyczna – udzielana w formie indywidualnej i grupowej "
            "poprzez informację, edukację, wsparcie i terapię krótkoterminową,\n"
            "• prawna – udzielanie porad i konsultacji w zakresie prawa rodzinnego, opiekuńczego, "
            "zabezpieczenia społecznego i ochrony praw lokatorów oraz pomoc w pisaniu pism "
            "procesowych i urzędowych,\n"
            "• schronienie – udzielane w szczególnie uzasadnionych przypadkach w mieszkaniu "
            "interwencyjnym.",
            {"psychological_support", "legal_aid", "housing"},
            set(),
            id="mops.com.pl-help-psychological-and-legal-in-a-list",
        ),
        pytest.param(
            # https://www.pcprkrosno.pl/index.php/przemoc-w-rodzinie/interwencja-kryzysowa
            "Osobom przebywającym w OIK lub pozostającym w kontakcie z PCPR udzielana jest "
            "pomoc:\n• psychologiczna,\n• pedagogiczna,\n• socjalna\n• prawna.",
            {"psychological_support", "legal_aid"},
            set(),
            id="pcprkrosno.pl-help-one-adjective-an-item",
        ),
        pytest.param(
            # https://gops.zukowo.pl/formy-pomocy/ : items that are nouns keep their own sense
            "FORMY POMOCY ŚWIADCZONE PRZEZ GMINNY OŚRODEK POMOCY SPOŁECZNEJ W ŻUKOWIE:\n"
            "1. ŚWIADCZENIA PIENIĘŻNE:\n • zasiłek stały,\n • zasiłek okresowy,\n"
            "2. ŚWIADCZENIA NIEPIENIĘŻNE:\n • praca socjalna,\n • pomoc rzeczowa,",
            {"financial_benefits", "social_work", "material_aid"},
            set(),
            id="gops.zukowo.pl-noun-items-unchanged",
        ),
        pytest.param(
            # https://pcprjanow.pl/grupy-wsparcia/ : the heading ends with no service noun
            "Zapraszamy do wzięcia udziału w organizowanych spotkaniach grupy wsparcia dla:\n"
            "• rodzin zastępczych i osób prowadzących rodzinne domy dziecka,",
            {"support_group"},
            set(),
            id="pcprjanow.pl-heading-without-a-service-noun",
        ),
        # --- schooling chosen or planned, or the matter help is related to -----------------
        pytest.param(
            # https://www.pppwysmaz.pl/nasze-zadania.html
            "- Poradnictwa, polegającego na udzielaniu porad psychologicznych, pedagogicznych i "
            "logopedycznych dzieciom i młodzieży, rodzicom i nauczycielom, w tym pomocy\n"
            "w wyborze kierunku kształcenia i zawodu oraz planowaniu kształcenia i kariery "
            "zawodowej,",
            {"career_guidance", "counselling"},
            {"education"},
            id="pppwysmaz.pl-course-of-schooling-chosen-and-planned",
        ),
        pytest.param(
            "pomocy w wyborze kierunku kształcenia i zawodu, a także udzielanie rodzicom i "
            "nauczycielom pomocy psychologiczno – pedagogicznej związanej z wychowywaniem i "
            "kształceniem dzieci i młodzieży.",
            {"career_guidance", "psychological_support"},
            {"education"},
            id="f001-help-related-to-schooling",
        ),
        pytest.param(
            "Dnia 26 kwietnia 1975 r. nadano szkole imię Marii Grzegorzewskiej. Od tego też roku "
            "zmieniono profil kształcenia.",
            set(),
            {"education"},
            id="e007-a-schools-profile",
        ),
        pytest.param(
            # https://swietlice.dobczyce.pl/kedzierzynka/o-swietlicy
            "• prowadzenie zajęć wyrównawczo-kompensacyjnych z przedmiotów szkolnych oraz pomoc "
            "w nauce i odrabianiu zadań domowych,",
            {"education"},
            set(),
            id="swietlice.dobczyce.pl-help-with-learning-still-read",
        ),
        # --- treatment of addiction or of mental disorders ----------------------------------
        pytest.param(
            # http://www.fundacjaniezostanieszsam.org/rodziny-projekty/
            "Począwszy od bardzo przemyślanej i celowej pomocy finansowej, poprzez wsparcie "
            "materialne i bytowe, aż po specjalistyczne działania z zakresu psychologii, "
            "pedagogiki, leczenia uzależnień, zdrowia…",
            {"addiction_support"},
            {"health_care"},
            id="fundacjaniezostanieszsam.org-treatment-of-addiction",
        ),
        pytest.param(
            "Oddział Psychiatryczny Dzienny dla Dzieci i Młodzieży udziela świadczeń z zakresu "
            "opieki dziennej psychiatrycznej, w tym diagnostyki, leczenia oraz rehabilitacji osób "
            "z zaburzeniami psychicznymi, a także działań edukacyjno-konsultacyjnych dla "
            "rodziców, opiekunów dziecka.",
            {"psychiatry"},
            {"health_care"},
            id="a062-treatment-of-mental-disorders",
        ),
        pytest.param(
            # https://sdsdoruchow.pl/index.php/features/o-nas
            "Uczestnikom korzystającym ze świadczeń Dom zapewnia psychiatryczną opiekę "
            "zdrowotną oraz rehabilitację społeczną.",
            {"psychiatry", "rehabilitation"},
            set(),
            id="sdsdoruchow.pl-psychiatric-care-still-psychiatry",
        ),
        # --- "terapeutyczny" qualifying a programme or an action ----------------------------
        pytest.param(
            "W tym czasie realizowany jest program terapeutyczny oraz obowiązek szkolny.",
            set(),
            {"therapy"},
            id="h014-a-therapeutic-programme",
        ),
        pytest.param(
            "Specjalista (psycholog/pedagog/logopeda) zbiera wywiad rozwojowy/diagnostyczny w "
            "celu zaplanowania działań diagnostycznych/terapeutycznych zgodnych z potrzebami "
            "dziecka",
            set(),
            {"therapy"},
            id="d034-therapeutic-actions-planned",
        ),
        pytest.param(
            "W budynku poradni będziemy realizować stacjonarnie niektóre formy terapeutyczne – "
            "logopedyczną, psychologiczną i pedagogiczną.",
            set(),
            {"therapy"},
            id="h009-therapeutic-forms-of-named-kinds",
        ),
        pytest.param(
            # https://www.radio.katowice.pl/zobacz,7751,Jubileusz-Centrum-Pomocy-Dziecku-Niepelnosprawnemu.html
            "Od 1994 roku placówka niesie pomoc niepełnosprawnym dzieciom, prowadzi diagnostykę, "
            "zajęcia terapeutyczne, rehabilitacyjne, wsparcie psychologiczne i pedagogiczne.",
            {"therapy", "diagnosis", "rehabilitation", "psychological_support"},
            set(),
            id="radio.katowice.pl-therapeutic-classes-still-therapy",
        ),
    ],
)
def test_stated_forms_on_fresh_pages(text: str, present: set[str], absent: set[str]) -> None:
    codes = _codes(text)
    assert present <= codes
    assert not codes & absent


@pytest.mark.parametrize(
    ("sentence", "general"),
    [
        pytest.param(
            "- Oznacza to, że we wszystkich powiatach są już ośrodki środowiskowej opieki "
            "psychologicznej i psychoterapeutycznej, co spełnia optymalne rozwiązanie w "
            "odniesieniu do założeń reformy psychiatrii, że w każdym powiecie znajduje się I "
            "poziom referencyjny.",
            True,
            id="c015-the-levels-of-the-system",
        ),
        pytest.param(
            # https://poradnia11.waw.pl/ochrona-zdrowia-psychicznego-dzieci-i-mlodziezy-nfz/
            "Stanowią one I poziom referencyjny systemu ochrony zdrowia psychicznego dzieci i "
            "młodzieży.",
            True,
            id="poradnia11.waw.pl-the-first-level",
        ),
        pytest.param(
            # https://www.mops.com.pl/przeciwdzialanie-przemocy/osrodek-interwencji-kryzysowej/informacje-ogolne
            "W Ośrodku Interwencji Kryzysowej udzielana jest następująca pomoc:",
            False,
            id="mops.com.pl-an-offer-speaks-for-one-unit",
        ),
    ],
)
def test_levels_of_a_system_of_care(sentence: str, general: bool) -> None:
    assert (general_voice(sentence) is not None) is general
