"""Sentences that name forms of support for no one's offer, round 20 (issue #17, forms21).

Cases are real lines of `benchmarks/support_fresh/` (each citing its page's URL) and of the web
corpus's tune half (the document id in the case id), read through
`transforms.support_statements.read_support`. Lines where the same words do state the form are
cases too ("made-up" when no real line was at hand). The test half is never read here.
"""

from __future__ import annotations

import pytest

from transforms.support_statements import read_support


def _codes(text: str) -> set[str]:
    return set(read_support(text).service_codes)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # --- access to help improved in general: a plan's or a statute's aim ------------
        pytest.param(
            # https://brzeziny-gmina.pl/cms/1749/gminna_komisja_rozwiazywania_problemow_alkoholowych
            "1. Podejmowanie działań mających na celu zwiększanie dostępności pomocy "
            "terapeutycznej i rehabilitacyjnej dla osób uzależnionych i współuzależnionych.",
            {"addiction_support"},
            {"therapy", "rehabilitation"},
            id="s016-access-to-therapy-increased",
        ),
        pytest.param(
            # https://linkedopendata.eu/w/index.php?direction=next&oldid=9743934&title=Item%3AQ2713844
            "Głównym celem projektu jest wzrost jakości i dostępności usług wsparcia rodziny oraz "
            "pieczy zastępczej na terenie gminy Mysłowice.",
            set(),
            {"family_support", "foster_care"},
            id="r002-quality-and-access-raised",
        ),
        pytest.param(
            # https://mikolaj.org.pl/aktualnosci/ministerstwo-spraw-zagranicznych-przyznalo-
            # fundacji-swietego-mikolaja-dofinansowanie-w-ramach-programu-pomoc-pomoc-2024:
            # the project makes its own help easier to reach, and the gold reads it so
            "Celem ogólnym projektu jest ułatwienie dostępu do pomocy psychologicznej dzieciom i "
            "młodzieży pokrzywdzonym przez wojnę w Ukrainie.",
            {"psychological_support"},
            set(),
            id="f080-easier-access-to-its-own-help",
        ),
        # --- a kind of unit in the plural as the subject ------------------------------------
        pytest.param(
            # http://www.akademiasluchu.pl/diagnoza/poradnia-pedagogiczno-psychologiczna
            "Publiczne poradnie psychologiczno-pedagogiczne, w tym publiczne poradnie "
            "specjalistyczne, udzielają dzieciom, od momentu urodzenia, i młodzieży pomocy "
            "psychologiczno-pedagogicznej oraz pomocy w wyborze kierunku kształcenia i zawodu.",
            set(),
            {"psychological_support", "career_guidance"},
            id="f029-public-poradnie-in-general",
        ),
        pytest.param(
            "Placówki wsparcia dziennego zapewniają wychowankom wszechstronne wsparcie, począwszy "
            "od potrzeb podstawowych, jak opieka, bezpieczeństwo, wyżywienie, poprzez pomoc w "
            "nauce, wsparcie emocjonalne w trudnych sytuacjach, aż po ciekawe zajęcia rozwojowe, "
            "a dzieciom i młodzieży niepełnosprawnej gwarantują specjalistyczną pomoc "
            "rehabilitacyjno-terapeutyczną.",
            set(),
            {"material_aid", "rehabilitation", "therapy"},
            id="a028-day-care-centres-in-general",
        ),
        pytest.param(
            # made-up: the unit's own voice wins over the plural
            "Nasze placówki wsparcia dziennego zapewniają wychowankom pomoc w nauce i "
            "codzienny posiłek.",
            {"education"},
            set(),
            id="made-up-our-own-day-care-centres",
        ),
        # --- a festival's or a picnic's course --------------------------------------------
        pytest.param(
            # https://www.powwiniary.pl/informacje/952-festyn-nie-ma-jak-rodzina-relacja.html
            "Na festynie na dzieci czekało mnóstwo atrakcji: mobilny plac zabaw , konkursy a "
            "także bieg rodzinny Zielony Kilometr.",
            set(),
            {"leisure_activities"},
            id="s013-at-the-festival",
        ),
        pytest.param(
            # http://orpz.pl/vii-piknik-rodzin-zastepczych-juz-za-nami/
            "Piknik nie służy tylko wspólnej zabawie i integracji środowiska rodzin zastępczych.",
            set(),
            {"foster_care"},
            id="u010-what-the-picnic-is-for",
        ),
        pytest.param(
            # https://rodzinajestdladzieci.pl/aktualnosci/artykul/piknik-osiedlowy-dla-dzieci-id21563/2018/07/5
            "Tak bawiły się dzieci z Retkini i Karolewa na pikniku „Żegnaj szkoło na wesoło” "
            "zorganizowanym przez pracowników socjalnych MOPS-u.",
            set(),
            {"social_work"},
            id="u011-a-picnic-of-social-workers",
        ),
        pytest.param(
            # http://stacja.org.pl/index.php/o-nas: a unit's own leisure offer, no festival
            "Organizujemy czas wolny dla dorosłych, młodzieży i dzieci w formie wycieczek "
            "rowerowych, zabaw sportowych, warsztatów artystycznych, wspólnego grillowania itp.",
            {"leisure_activities"},
            set(),
            id="f021-its-own-leisure",
        ),
        # --- a situation or a family's problems assessed, not a person diagnosed ----------
        pytest.param(
            # https://sztafeta.pl/artykuly/bezplatna-pomoc-psychologiczna-dla-osob-w-zalobie-i-kryzysie
            "Konsultacje indywidualne – diagnoza sytuacji, rozmowa i szukanie rozwiązań.",
            set(),
            {"diagnosis"},
            id="f114-a-situation-assessed",
        ),
        pytest.param(
            # http://mops.dzierzgon.pl/pomoc-spoleczna/asystent-rodziny/
            "• diagnozowanie problemów rodziny poprzez zapoznanie się z dokumentacją rodziny – "
            "wywiad środowiskowy;",
            set(),
            {"diagnosis"},
            id="f057-a-family-s-problems-assessed",
        ),
        pytest.param(
            # https://tandemwarsztaty.pl/pedagog-specjalny-infografika/
            "• diagnozowanie indywidualnych sytuacji uczniów,",
            set(),
            {"diagnosis"},
            id="f084-pupils-situations-assessed",
        ),
        pytest.param(
            "• diagnoza dzieci i młodzieży,",
            {"diagnosis"},
            set(),
            id="b068-children-diagnosed",
        ),
        # --- a register's title after a list's number --------------------------------------
        pytest.param(
            # http://gopsjerzmanowa.pl/zespol-interdyscyplinarny-2/
            "5. Rejestr miejsc, w których gmina udziela tymczasowego schronienia w schronisku dla "
            "osób bezdomnych z usługami opiekuńczymi, noclegowniach i ogrzewalniach",
            set(),
            {"housing", "home_care"},
            id="u009-a-numbered-register",
        ),
        pytest.param(
            # https://gops.zukowo.pl/formy-pomocy/
            "• schronienie,",
            {"housing"},
            set(),
            id="f002-shelter-offered",
        ),
        # --- a list of the documents someone must bring ------------------------------------
        pytest.param(
            "Dokumenty konieczne do wydania decyzji:\n\n– pisemna zgoda osoby zainteresowanej;\n\n"
            "– rodzinny wywiad środowiskowy przeprowadzony przez pracownika socjalnego w miejscu "
            "zamieszkania osoby ubiegającej się o miejsce w DPS-ie;",
            set(),
            {"social_work"},
            id="j012-documents-required",
        ),
        pytest.param(
            # https://gops.zukowo.pl/formy-pomocy/: a list of benefits is a list of offers
            "1. ŚWIADCZENIA PIENIĘŻNE:\n\n • zasiłek stały,",
            {"financial_benefits"},
            set(),
            id="f002-benefits-listed",
        ),
        # --- a guide addressing a parent, a kind of unit defined --------------------------
        pytest.param(
            # https://www.nfz.gov.pl/dla-pacjenta/informacje-o-swiadczeniach/ochrony-zdrowia-
            # psychicznego-dzieci-i-mlodziezy
            "Jeśli podejrzewasz, że Twoje dziecko ma kłopoty natury psychologicznej, poszukaj "
            "wsparcia. Po pomoc psychologiczną, psychiatryczną lub na leczenie uzależnień możesz "
            "zgłosić się również do specjalistów pracujących w ramach umów z Narodowym Funduszem "
            "Zdrowia.",
            set(),
            {"psychiatry", "addiction_support", "psychological_support"},
            id="f040-a-parent-addressed",
        ),
        pytest.param(
            # made-up: a unit's own voice to a parent is an offer
            "Jeśli podejrzewasz, że Twoje dziecko ma kłopoty, zapraszamy do naszej poradni na "
            "terapię logopedyczną.",
            {"speech_therapy"},
            set(),
            id="made-up-our-poradnia-to-a-parent",
        ),
        pytest.param(
            # https://pl.wikiwhat.page/kavramlar/świetlicki
            "Świetlica to placówka opiekuńczo-wychowawcza, której celem jest zapewnienie opieki "
            "dzieciom i młodzieży poza godzinami lekcyjnymi.",
            set(),
            {"foster_care"},
            id="f038-a-kind-of-unit-defined",
        ),
        pytest.param(
            "Jest to jedyna placówka stacjonarnej opieki paliatywnej we Wrocławiu; obecnie "
            "dysponuje 29 łóżkami.",
            {"residential_care"},
            set(),
            id="a075-a-unit-of-itself",
        ),
        # --- a project's title and its funding measure -------------------------------------
        pytest.param(
            # https://www.milanow.pl/component/content/article/gmina-milanow-realizuje-projekt-
            # rodzinna-przestrzen-rozwoju?Itemid=267&catid=8
            "Tytuł projektu: „RODZINNA PRZESTRZEŃ ROZWOJU – rozwój usług wsparcia rodzin i "
            "przeciwdziałania przemocy w Gminie Milanów”\nProjekt jest współfinansowany ze "
            "środków Europejskiego Funduszu Społecznego Plus realizowany jest w ramach Działania "
            "8.8 Wsparcie rodziny i pieczy zastępczej (typ projektu 1 a-b) Priorytetu VIII.",
            set(),
            {"family_support", "domestic_violence", "foster_care"},
            id="u008-a-project-s-title-and-measure",
        ),
    ],
)
def test_forms_named_for_no_one_s_offer(text: str, present: set[str], absent: set[str]) -> None:
    codes = _codes(text)
    assert present <= codes
    assert not codes & absent
