"""Forms of support and ages on the pages of new hosts added to the tune half on 2026-12-06
(ids d… and e…): a service named as the topic of information, the rest of a law's title a line
break cut off, and a second upper age bound without its years. Every case quotes a real page of
the web corpus's tune half (`benchmarks/web_corpus/documents/<id>.txt`, the id is the case's
id), as written there. Referral: a question and its answer, a referral as one way in of two.
"""

from __future__ import annotations

import pytest

from transforms.eligibility import read_ages, read_referral
from transforms.sentences import sentences
from transforms.support_statements import read_support


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a court's customer office informs of legal counsel and mediation; it offers neither
        pytest.param(
            "- informowanie o przesłankach ustanowienia obrońcy, adwokata lub radcy prawnego z "
            "urzędu\n- udostępnianie informacji o możliwości zakończenia' sporu w drodze mediacji "
            "w poszczególnych rodzajach spraw, zasadach i procedurze mediacji oraz sposobie "
            "kontaktu z mediatorem,",
            set(),
            id="d033-informing-of-counsel-and-mediation",
        ),
        # the topic ends at the next verb: the placements are announced, so offered
        pytest.param(
            "Dyrektor PUP przedstawiła także informację o stanie bezrobocia w poszczególnych "
            "gminach, poinformowała o harmonogramie naboru wniosków zarówno na staże jak i inne "
            "formy zatrudnienia.",
            {"employment_services"},
            id="b102-a-verb-ends-the-topic",
        ),
        # "ustawy z dnia 9 czerwca 2011 r." ends a line; the title goes on on the next one (the
        # adoption centres it runs are its offer; family support and foster care are the law's)
        pytest.param(
            "Od 1 stycznia 2012 r. Samorząd Województwa Mazowieckiego na podstawie ustawy z dnia "
            "9 czerwca 2011 r.\no wspieraniu rodziny i systemie pieczy zastępczej – realizuje "
            "zadanie, zlecone z zakresu administracji rządowej, polegające na organizowaniu i "
            "prowadzeniu w województwie ośrodków adopcyjnych.",
            {"adoption"},
            id="e040-the-rest-of-a-law-title",
        ),
        # other bodies' work ("działającymi na rzecz")
        pytest.param(
            "Współpracujemy z organizacjami pozarządowymi i instytucjami działającymi na rzecz "
            "osób starszych i niepełnosprawnych.",
            set(),
            id="e014-organisations-acting-for",
        ),
        # the law's day-support kind of "placówka opiekuńczo-wychowawcza" is day care
        pytest.param(
            "Świetlice środowiskowe funkcjonują jako placówki opiekuńczo-wychowawcze wsparcia "
            "dziennego.",
            {"day_care"},
            id="d048-placowka-opiekunczo-wychowawcza-wsparcia-dziennego",
        ),
        # cancelled, as "zawieszone" and "wstrzymane" already were
        pytest.param(
            "Nadal odwołane są spotkania Klubu Seniora, bezpłatne porady prawne, itp.).",
            set(),
            id="d002-cancelled-legal-advice",
        ),
        # "m.in." between a noun and its adjective
        pytest.param(
            "• prowadzenie poradnictwa m.in. psychologicznego,",
            {"counselling", "psychological_support"},
            id="d018-poradnictwo-m-in-psychologiczne",
        ),
    ],
)
def test_what_a_sentence_names_without_offering_it(text: str, codes: set[str]) -> None:
    assert set(read_support(text).service_codes) == codes


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        pytest.param(
            "Ośrodek przyjmuje dzieci do 18 roku życia, lub do 21 - w przypadku przedłożenia "
            "zaświadczenia o kontynuacji nauki szkolnej.",
            [(None, 18), (None, 21)],
            id="d029-a-second-bound-without-years",
        ),
    ],
)
def test_ages(text: str, ages: list[tuple[int | None, int | None]]) -> None:
    assert [(a.min, a.max) for a in read_ages(sentences(text))] == ages


@pytest.mark.parametrize(
    ("text", "required"),
    [
        # a FAQ: the question names the referral, its answer says none is needed
        pytest.param(
            "Czy potrzebne jest skierowanie do PP-P w Ciechanowie?\n\nNie jest potrzebne żadne "
            "skierowanie.",
            False,
            id="d003-the-question-asks-the-answer-states",
        ),
        pytest.param(
            "Pobyt w Ośrodku jest bezpłatny i dobrowolny. Osoby przyjmowane są po osobistym "
            "zgłoszeniu lub na podstawie skierowania przez odpowiednie instytucje (policja, ośrodki "
            "pomocy społecznej, powiatowe centra pomocy rodzinie).",
            False,
            id="d044-coming-on-ones-own-or-referred",
        ),
    ],
)
def test_referral(text: str, required: bool | None) -> None:
    referral = read_referral(sentences(text))
    assert (referral.required if referral else None) is required
