"""Pages that mention forms of support without offering them (issue #17, forms18).

Cases are real lines of `benchmarks/support_fresh/`'s round-17 part (r001–r046: job offers and
profession guides, news of a shortage, a CUS's statutory tasks, support groups and meal
programmes, each case citing its page's URL) and of the web corpus's tune half (the document id
in the case id), read through `transforms.support_statements.read_support`. Lines where the
same words do state the form are cases too ("made-up" when no real line was at hand). The test
half is never read here.
"""

from __future__ import annotations

import pytest

from transforms.support_statements import read_support


def _codes(text: str) -> set[str]:
    return set(read_support(text).service_codes)


_PRACA_PL = (
    # https://www.praca.pl/poradniki/lista-stanowisk/medycyna-opieka-zdrowotna/logopeda_pr-839.html
    "NAJNOWSZE OFERTY PRACY - Logopeda\n\nCHARAKTERYSTYKA ZAWODU\n\n"
    "Praca logopedy polega na pomocy osobom, które z różnych powodów mają zaburzenia mowy "
    "utrudniające im komunikowanie się z innymi ludźmi.\n\n"
    "Do zadań logopedy należy wykonanie specjalistycznych badań, analiza wyników, rozpoznanie "
    "sytuacji rodzinnej pacjenta, rozpoznanie choroby i stanu zaburzeń oraz ustalenie programu "
    "terapii."
)
_EGOSPODARKA = (
    # https://www.praca.egospodarka.pl/121699,Psycholog,1,114,1.html
    "PracaSłownik stanowisk › Psycholog\n\n"
    "Psycholog - zakres obowiązków i opis stanowiska\n\n"
    "Czym się zajmuje psycholog (Zakres obowiązków):\n\n"
    "  • diagnoza psychologiczna\n  • psychoterapia\n  • udzielaniu pomocy psychologicznej"
)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # --- a profession's description or a job guide is nobody's offer ---------------------
        pytest.param(
            _PRACA_PL,
            set(),
            {"speech_therapy", "therapy", "diagnosis"},
            id="praca.pl-a-profession-described",
        ),
        pytest.param(
            _EGOSPODARKA,
            set(),
            {"psychological_support", "psychotherapy", "diagnosis"},
            id="praca.egospodarka.pl-a-dictionary-of-posts",
        ),
        pytest.param(
            # https://studia.pl/zawod-logopeda-powolanie-i-wiele-mozliwosci/
            "Zawód logopeda: powołanie i wiele możliwości\n\n"
            "Logopeda zajmuje się diagnozowaniem i leczeniem zaburzeń mowy. Zobacz, jak zostać "
            "logopedą.\n\nDo obowiązków logopedy należy diagnoza wad i zaburzeń mowy na różnym "
            "tle, a następnie opracowanie programu terapii i jego realizacja.",
            set(),
            {"speech_therapy", "therapy", "diagnosis"},
            id="studia.pl-how-to-become-a-speech-therapist",
        ),
        pytest.param(
            "Logopeda\n\nDo zadań logopedy należy prowadzenie terapii logopedycznej. "
            "W naszej poradni logopeda przyjmuje we wtorki.",
            {"speech_therapy"},
            set(),
            id="made-up-a-poradnia-s-own-speech-therapist-stays",
        ),
        # --- a job's requirements ---------------------------------------------------------
        pytest.param(
            # https://mgops.pacanow.pl/pomoc-spoleczna/informacje.html?flaga=true
            "2) Określenie stanowiska: asystent rodziny,\n\n"
            "3) Rodzaj zatrudnienia: umowa o zlecenie w wymiarze 1 etatu,\n\n"
            "- wykształcenie wyższe na kierunku pedagogika, psychologia, socjologia, nauki o "
            "rodzinie lub praca socjalna lub\n\n"
            "- wykształcenie wyższe na dowolnym kierunku uzupełnione szkoleniem z zakresu pracy z "
            "dziećmi lub rodziną i udokumentuje co najmniej roczny staż pracy z dziećmi lub "
            "rodziną",
            set(),
            {"family_assistant", "social_work", "employment_services"},
            id="mgops.pacanow.pl-a-family-assistant-s-post-advertised",
        ),
        pytest.param(
            # http://ops.niedzwiada.pl/
            "Wymagania: asystentem rodziny może być osoba, która spełniania warunki określone w "
            "art. 12 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy "
            "zastępczej w szczególności posiada:",
            set(),
            {"family_assistant", "foster_care", "family_support"},
            id="ops.niedzwiada.pl-who-may-be-a-family-assistant",
        ),
        pytest.param(
            # https://urzadmiasta.zagan.pl/en/2022/02/08/ops-poszukuje-asystentow-osobistych-osob-niepelnosprawnych/
            "1. osoby posiadające dokument potwierdzający uzyskanie kwalifikacji w następujących "
            "kierunkach: asystent osoby niepełnosprawnej, opiekun osoby starszej, opiekun "
            "medyczny, pedagog, psycholog, terapeuta zajęciowy, pielęgniarka, fizjoterapeuta.",
            set(),
            {"psychological_support", "rehabilitation", "therapy"},
            id="urzadmiasta.zagan.pl-qualifications-of-an-assistant",
        ),
        pytest.param(
            "Rodzina zastępcza zawodowa może liczyć na wsparcie koordynatora i szkolenia.",
            {"foster_care"},
            set(),
            id="made-up-foster-care-offered-stays",
        ),
        # --- a length of service, a field of study, a needs assessment --------------------
        pytest.param(
            "Jednym z najważniejszych punktów programu było uroczyste wręczenie podziękowań "
            "rodzinom zastępczym z wieloletnim stażem",
            set(),
            {"employment_services"},
            id="tune-i029-foster-families-of-long-standing",
        ),
        pytest.param(
            "Urząd organizuje staże dla osób bezrobotnych.",
            {"employment_services"},
            set(),
            id="made-up-traineeships-offered-stay",
        ),
        pytest.param(
            "Organizujemy letnie staże dla studentów i absolwentów.",
            {"employment_services"},
            set(),
            id="made-up-summer-traineeships-are-no-years-of-service",
        ),
        pytest.param(
            # http://strzelecopolski.pl/artykul/nikt-nie-chce-pomagac
            "Przede wszystkim musi posiadać wykształcenie wyższe na kierunku pedagogika, "
            "psychologia, socjologia, nauki o rodzinie lub praca socjalna.",
            set(),
            {"social_work", "psychological_support"},
            id="strzelecopolski.pl-a-degree-required",
        ),
        pytest.param(
            "Koordynatorka ukończyła studia na kierunku praca socjalna.",
            set(),
            {"social_work"},
            id="made-up-a-field-of-study",
        ),
        pytest.param(
            "Prowadzimy pomoc w wyborze kierunku kształcenia oraz terapię pedagogiczną.",
            {"career_guidance", "educational_therapy"},
            set(),
            id="made-up-another-item-after-a-course-of-schooling-stays",
        ),
        pytest.param(
            # http://www.cussrokowo.pl/p,69,cel-cus
            "3. Opracowywanie diagnozy potrzeb i potencjału wspólnoty samorządowej w zakresie "
            "usług społecznych.",
            set(),
            {"diagnosis"},
            id="cussrokowo.pl-a-community-s-needs-assessed",
        ),
        pytest.param(
            "Poradnia prowadzi diagnozę potrzeb edukacyjnych ucznia.",
            {"diagnosis"},
            set(),
            id="made-up-a-pupil-s-needs-diagnosed-stays",
        ),
        pytest.param(
            # https://www.rp.pl/kultura/art14443331-swiat-na-wyciagniecie-rak
            "Do dzieci w wieku od 2 do 7 lat ze zdiagnozowanymi całościowymi zaburzeniami "
            "rozwoju – autyzmem, zespołem Aspergera.",
            set(),
            {"diagnosis"},
            id="rp.pl-a-condition-diagnosed-before",
        ),
        # --- a shortage reported, help someone lacks ---------------------------------------
        pytest.param(
            # https://www.o2.pl/informacje/pol-roku-czekania-na-dostep-do-specjalisty-dla-dzieci-eksperci-grzmia-7113087992552192a
            "Piętrzą się problemy z dostępem do psychologów dziecięcych. Niestety, dostęp do "
            "takich terapii jest ograniczony.",
            set(),
            {"psychological_support", "therapy"},
            id="o2.pl-a-shortage-of-psychologists",
        ),
        pytest.param(
            # https://www.fakt.pl/wydarzenia/brak-specjalistow-w-polskich-poradniach-psychologicznych/dgkj37b
            "Bez nich nie będzie miał w szkole psychologa ani logopedy.",
            set(),
            {"psychological_support", "speech_therapy"},
            id="fakt.pl-help-a-child-will-not-have",
        ),
        pytest.param(
            "Nie ma potrzeby skierowania, psycholog przyjmuje w poniedziałki.",
            {"psychological_support"},
            set(),
            id="made-up-no-referral-needed-stays",
        ),
        pytest.param(
            "Nie mamy psychologa, ale prowadzimy terapię logopedyczną.",
            {"speech_therapy"},
            set(),
            id="made-up-a-lack-then-an-offer-stays",
        ),
        pytest.param(
            "Nie martw się, oferujemy pomoc psychologa i logopedy.",
            {"psychological_support", "speech_therapy"},
            set(),
            id="made-up-a-word-opening-with-ma-is-no-having-stays",
        ),
        # --- information about units, not an offer of their services -----------------------
        pytest.param(
            # http://www.teczoweprzedszkole.com/informacje-o-nas/
            "Bardzo pożyteczne jest wzajemne użyczenie literatury, podawanie adresów portali "
            "internetowych, informacji dotyczących nowopowstałych regionalnych i krajowych "
            "ośrodków terapeutycznych i diagnostycznych zajmującymi się autyzmem.",
            set(),
            {"therapy", "diagnosis"},
            id="teczoweprzedszkole.com-information-about-units",
        ),
        pytest.param(
            # http://www.teczoweprzedszkole.com/informacje-o-nas/
            "Grupa wsparcia „Autyzm i My” jest grupą otwartą (uczestnictwo nie wymaga "
            "uprzedniego zapisania się) można dołączyć w dowolnej chwili.",
            {"support_group"},
            set(),
            id="teczoweprzedszkole.com-the-support-group-stays",
        ),
    ],
)
def test_mentions_are_not_offers(text: str, present: set[str], absent: set[str]) -> None:
    codes = _codes(text)
    assert present <= codes
    assert not absent & codes
