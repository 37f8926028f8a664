"""Sentences that name forms of support for no one's offer (issue #17, forms20).

Cases are real lines of `benchmarks/support_fresh/`'s round-18 and round-19 parts (s016–s019: a
commission's and an interdisciplinary team's pages; t001: a poradnia's notice; each case citing
its page's URL) and of the web corpus's tune half (the document id in the case id), read
through `transforms.support_statements.read_support`. Lines where the same words do state the form are
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
        # --- a unit's own voice in the conditional mood: a wish --------------------------
        pytest.param(
            "Natomiast dzieci, które są objęte sektorem pomocy społecznej, czyli dzieci z rodzin "
            "z pieczy zastępczej, to my bardzo chętnie byśmy udzielali pomocy dzieciom i "
            "młodzieży, ale nie mamy takiego kontraktu na chwilę obecną - mówi Karakiewicz.",
            set(),
            {"foster_care"},
            id="a044-we-would-gladly-help",
        ),
        pytest.param(
            # made-up: a polite invitation in the conditional mood is an offer
            "Chcielibyśmy zaprosić rodziców na grupę wsparcia dla rodziców dzieci z autyzmem.",
            {"support_group"},
            set(),
            id="made-up-a-polite-invitation",
        ),
        pytest.param(
            # made-up: a condition put to the reader, then the offer
            "Gdybyście potrzebowali wsparcia, prowadzimy grupę wsparcia dla rodzin zastępczych.",
            {"support_group"},
            set(),
            id="made-up-a-condition-then-the-offer",
        ),
        # --- someone sent on to another's help --------------------------------------------
        pytest.param(
            # https://brzeziny-gmina.pl/cms/1749/gminna_komisja_rozwiazywania_problemow_alkoholowych
            " • kierowanie do biegłych w przedmiocie orzekania o uzależnieniu,",
            set(),
            {"diagnosis"},
            id="brzeziny-gmina.pl-sent-to-experts",
        ),
        pytest.param(
            # made-up: the unit's own diagnosis, and a referral as a document
            "Poradnia prowadzi diagnozę psychologiczną dzieci na podstawie skierowania do poradni.",
            {"diagnosis"},
            set(),
            id="made-up-own-diagnosis",
        ),
        # --- the bodies whose representatives sit on a team -----------------------------------
        pytest.param(
            # http://ops.kargowa.pl/index.php/inne-formy-pomocy/zespol-interdyscyplinarny
            "W Skład Zespołu Interdyscyplinarnego ds. Przeciwdziałania Przemocy w Rodzinie "
            "wchodzą przedstawiciele:\n\n • jednostek organizacyjnych pomocy społecznej;\n"
            " • gminnej komisji rozwiązywania problemów alkoholowych;\n • policji;\n • oświaty;\n"
            " • ochrony zdrowia;\n • organizacji pozarządowych;\n • kuratorzy sądowi\n",
            set(),
            {"addiction_support", "probation_supervision"},
            id="ops.kargowa.pl-team-members",
        ),
        pytest.param(
            # https://gopskoscielec.pl/zespol-interdyscyplinarny-gminy-koscielec
            "Zmiany dotknęły m.in. przedstawicieli służb i podmiotów uczestniczących w "
            "działaniach na rzecz przeciwdziałania przemocy domowej tj. m.in. jednostek "
            "organizacyjnych pomocy społecznej m.in. pracowników socjalnych, asystentów rodziny; "
            "gminnej komisji rozwiązywania problemów alkoholowych (powołani członkowie GKRPA); "
            "Policji (dzielnicowi); kuratorów sądowych oraz członków Zespołów Interdyscyplinarnych.",
            set(),
            {"social_work", "family_assistant", "addiction_support", "probation_supervision"},
            id="gopskoscielec.pl-representatives-of-services",
        ),
        # --- news of a change of the law ----------------------------------------------------
        pytest.param(
            # https://gopskoscielec.pl/zespol-interdyscyplinarny-gminy-koscielec
            "W dniu 22 czerwca 2023 r. zaczęły obwiązywać nowe przepisy dotyczące "
            "przeciwdziałania przemocy domowej, które nadały nowy charakter funkcjonowania "
            "Zespołu Interdyscyplinarnego.\n\nNajważniejsze zmiany:\n\n 1. Diagnozowanie "
            "przemocy w oparciu o jej nową definicję i zakres.\n 3. Oddziaływania "
            "korekcyjno-edukacyjne i psychologiczno-terapeutyczne wobec osób stosujących "
            "przemoc.\n",
            set(),
            {"domestic_violence", "therapy"},
            id="gopskoscielec.pl-new-law",
        ),
        pytest.param(
            # made-up: the team's own work, said by it
            "Zespół Interdyscyplinarny prowadzi procedurę Niebieskiej Karty i pomaga osobom "
            "doznającym przemocy domowej.",
            {"domestic_violence"},
            set(),
            id="made-up-the-team-s-own-work",
        ),
        # --- one form named with its kind of therapy -------------------------------------------
        pytest.param(
            # https://dwunastka.ovh/informacja-ppp-nr-2/
            "Poradnia Psychologiczno-Pedagogiczna nr 2\ninformuje, iż wnioski złożone w latach "
            "2017-2019 o objęcie dziecka indywidualną terapią integracji sensorycznej wymagają "
            "uaktualnienia.",
            {"sensory_integration"},
            {"therapy"},
            id="dwunastka.ovh-sensory-integration-therapy",
        ),
        pytest.param(
            # made-up: two forms, each named
            "Prowadzimy terapię integracji sensorycznej oraz terapię ręki.",
            {"sensory_integration", "therapy"},
            set(),
            id="made-up-si-and-hand-therapy",
        ),
    ],
)
def test_forms_stated_or_not(text: str, present: set[str], absent: set[str]) -> None:
    codes = _codes(text)
    assert present <= codes, f"missing {present - codes} in {codes}"
    assert not absent & codes, f"read {absent & codes}"
