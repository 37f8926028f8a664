"""Whose voice a sentence naming a form of support speaks in (issue #17).

The cases are real lines of the web corpus's tune half (`benchmarks/web_corpus`, the document
id in the case id), read through `transforms.support_statements.read_support`: a sentence in
an institution's own voice states its offer; a guide, a report, a list of staff, a regulation's
condition, a court's kinds of cases or a problem someone has states none, though it names the
same forms. The test half is never read here.
"""

from __future__ import annotations

import pytest
from helpers import REPO  # tests/ helper module

from transforms.offer_voice import general_voice, own_voice, speaks_as_a_guide
from transforms.support_statements import read_support

CORPUS = REPO / "benchmarks" / "web_corpus"


def _codes(text: str) -> set[str]:
    return set(read_support(text).service_codes)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # --- the institution's own offer: read -------------------------------------------
        pytest.param(
            "Poradnia prowadzi terapię logopedyczną dla dzieci.",
            {"speech_therapy"},
            id="a-unit-says-what-it-does",
        ),
        pytest.param(
            "W naszym ośrodku oferujemy pomoc psychologiczną i grupy wsparcia.",
            {"psychological_support", "support_group"},
            id="our-unit-offers",
        ),
        pytest.param(
            "dzieci wymagające wczesnej interwencji lub wczesnego wspomagania rozwoju, na "
            "podstawie opinii o potrzebie wczesnego wspomagania rozwoju dziecka.",
            {"early_support"},
            id="c-tune-whom-an-offer-is-for-is-not-a-need",
        ),
        pytest.param(
            "Jeśli przeżywasz lęki, napięcia emocjonalne, kłopoty i trudności wpływające na "
            "zdrowie psychiczne możesz skorzystać z bezpłatnej infolinii Rzecznika Praw Dziecka "
            "800 12 12 12.",
            {"helpline"},
            id="b014-a-helpline-speaks-to-its-caller",
        ),
        pytest.param(
            "Ośrodek Interwencji Kryzysowej udziela Klientom znajdującym się w sytuacji "
            "kryzysowej bez względu na ich dochód schronienia (wsparcie stacjonarne) lub "
            "wsparcia specjalistów: prawnika, psychologa, pedagoga i pracownika socjalnego "
            "(wsparcie doraźne).",
            {"crisis_intervention", "housing", "legal_aid", "psychological_support", "social_work"},
            id="c099-specialists-offered-are-not-a-staff-list",
        ),
        # --- a guide, a report: kinds of units in general ---------------------------------
        pytest.param(
            "Pracownikami takich placówek są specjaliści z różnych dziedzin, między innymi "
            "psychologowie, pedagodzy, prawnicy, socjolodzy, psychoterapeuci.",
            set(),
            id="a006-such-units-in-general",
        ),
        pytest.param(
            "Oferta poradni zdrowia psychicznego zwykle obejmuje psychoterapię indywidualną i "
            "grupową, terapię rodzin, poradnictwo psychologiczne, konsultacje psychiatryczne.",
            set(),
            id="a095-what-units-usually-do",
        ),
        pytest.param(
            "W Polsce według raportu NIK z 2023 roku aż 630 tysięcy dzieci i nastolatków "
            "wymaga pomocy psychologicznej lub psychiatrycznej – a tylko co trzecie ją realnie "
            "otrzymuje.",
            set(),
            id="a024-a-report-of-a-need",
        ),
        pytest.param(
            "Chcąc podjąć terapię na NFZ, niestety trzeba odczekać swoje w kolejce.",
            set(),
            id="a095-advice-to-a-reader",
        ),
        # --- a need, a problem, a treatment finished before -------------------------------
        pytest.param(
            "Na początku tygodnia minister zdrowia przyznał, że w Polsce nastąpił ogromny wzrost "
            "zapotrzebowania na pomoc psychologów i psychiatrów.",
            set(),
            id="c013-a-demand-for-help",
        ),
        pytest.param(
            "Do najczęściej zgłaszanych problemów należą: problemy wychowawcze związane z "
            "trudnościami w sprawowaniu opieki nad dziećmi, konflikty rodzinne.",
            set(),
            id="c041-a-problem-not-the-help",
        ),
        pytest.param(
            "Z oferty poradni będą mogły skorzystać dzieci i młodzież, które borykają się z "
            "problemami emocjonalnymi, lękami, depresją, znalazły się w sytuacji kryzysowej.",
            set(),
            id="a060-a-crisis-someone-is-in",
        ),
        pytest.param(
            "Jednocześnie należy mieć na uwadze, iż w programach mogą uczestniczyć osoby po "
            "zakończonym programie psychoterapii uzależnień.",
            set(),
            id="a052-a-treatment-finished-before",
        ),
        # --- a list of staff ---------------------------------------------------------------
        pytest.param(
            "Wśród pracowników ŚDS są psychologowie, pracownicy socjalni, terapeuci zajęciowi, "
            "instruktorzy terapii oraz lekarz konsultant.",
            set(),
            id="a059-who-works-there",
        ),
        pytest.param(
            "Numer telefonu 511 200 200 jest czynny całodobowo, siedem dni w tygodniu, "
            "obsługiwany jest przez psychologów, terapeutów i pracowników socjalnych.",
            set(),
            id="a007-who-answers-the-phone",
        ),
        pytest.param(
            "Jest to dobra okazja do zobaczenia Ośrodka i spotkania z Dyrektorem, pedagogiem, "
            "psychologiem oraz wychowawcami.",
            set(),
            id="b051-meeting-the-staff",
        ),
        pytest.param(
            "Numery telefonów pracowników socjalnych, kierownictwa oraz innych osób "
            "zatrudnionych w MGOPS w Lubsku są zamieszczone na stronie internetowej.",
            set(),
            id="a097-the-staff-phone-list",
        ),
        # --- a regulation's condition, a court's kinds of cases ---------------------------
        pytest.param(
            "- członków rodzin lub opiekunów sprawujących bezpośrednią opiekę nad osobą z "
            "niepełnosprawnością, która stale przebywa w domu i nie korzysta np. z ośrodka "
            "wsparcia, z placówki pobytu całodobowego, z warsztatu terapii zajęciowej,",
            set(),
            id="c021-a-condition-of-not-using-it",
        ),
        pytest.param(
            "W Centrum znajdzie się także hostel, w którym młodzież z zaburzeniami psychicznymi "
            "niewymagająca leczenia szpitalnego będzie mogła przebywać nawet do 10 miesięcy.",
            {"housing"},
            id="d030-treatment-they-do-not-need",
        ),
        pytest.param(
            "7. w sprawach o urlopowanie małoletnich z pieczy zastępczej z wyjątkiem gdy "
            "małoletni przebywa w domu dziecka;",
            set(),
            id="b050-a-kind-of-case",
        ),
        pytest.param(
            "W sprawach świadczeń alimentacyjnych i rodzinnych, sprawach meldunkowych i dowodów "
            "osobistych oraz z zakresu Urzędu Stanu Cywilnego interesanci",
            set(),
            id="b057-matters-an-office-handles",
        ),
        # --- a name that opens a sentence about its standing, an address -----------------
        pytest.param(
            "Świetlica Terapeutyczna jest jednostką organizacyjną Powiatu Ostródzkiego "
            "działającą w formie jednostki budżetowej",
            set(),
            id="a073-a-units-legal-standing",
        ),
        pytest.param(
            "Świetlica Terapeutyczna w Ostródzie jest czynna dla interesantów:",
            set(),
            id="a073-a-name-and-its-hours",
        ),
        pytest.param(
            "Warsztat Terapii Zajęciowej utworzono 25 listopada 1992.",
            set(),
            id="c078-when-a-unit-was-founded",
        ),
        pytest.param(
            "Dom Dziennego Pobytu Nr 1 „Pod Brzozą” ul. Powstańców 26",
            set(),
            id="a085-a-name-and-its-address",
        ),
        # --- examples of problems or of kinds of units ("takich jak …") -------------------
        pytest.param(
            "Nasze działania skoncentrowane są wokół osób dorosłych, które doświadczają "
            "trudności życiowych takich, jak utrata bliskich, pracy, czy przemoc domowa.",
            set(),
            id="a007-examples-of-difficulties",
        ),
        pytest.param(
            "• usługi świadczone są w mieszkaniu osoby, która potrzebuje pomocy lub w ośrodkach "
            "wsparcia takich jak środowiskowe domy samopomocy, dzienne domy pomocy.",
            set(),
            id="a085-examples-of-kinds-of-units",
        ),
        # --- partners: what they do is not this unit's offer -----------------------------
        pytest.param(
            "Współpracujemy ze środowiskiem lokalnym, a w szczególności z podmiotami właściwymi "
            "w zakresie wspierania rodziny i systemu pieczy zastępczej, jednostkami "
            "organizacyjnymi pomocy społecznej oraz sądami i ich organami pomocniczymi.",
            set(),
            id="a040-partners-fields",
        ),
        pytest.param(
            "Zespół planuje i koordynuje pomoc, prowadzi monitoring sytuacji w środowisku "
            "domowym oraz aktywuje współpracę z oświatą, ochroną zdrowia, pomocą społeczną i "
            "komisjami rozwiązywania problemów alkoholowych oraz organizacjami pozarządowymi.",
            set(),
            id="d007-partners-named-by-their-field",
        ),
        pytest.param(
            "W kolejnych latach wprowadzano kolejne akty prawne, które stopniowo zwiększały "
            "zakres usług – od orzecznictwa po wsparcie rodzin, współpracę z nauczycielami i "
            "rozwijanie kompetencji społecznych.",
            {"family_support"},
            id="a048-what-comes-before-the-partners-is-still-read",
        ),
        pytest.param(
            "Osoby przyjmowane są po osobistym zgłoszeniu lub na podstawie skierowania przez "
            "odpowiednie instytucje (policja, ośrodki pomocy społecznej, powiatowe centra pomocy "
            "rodzinie).",
            set(),
            id="d044-who-refers",
        ),
        # --- what an examination is of ----------------------------------------------------
        pytest.param(
            "• Rodzic może zgłosić chęć uczestnictwa w badaniach psychologiczno-pedagogiczno – "
            "logopedycznych lub w innych formach pomocy osobiście w sekretariacie poradni.",
            {"diagnosis"},
            id="b068-a-speech-examination-is-a-diagnosis",
        ),
        # --- counselling on legal matters -------------------------------------------------
        pytest.param(
            "1. poradnictwa psychologicznego, prawnego i socjalnego,",
            {"counselling", "psychological_support"},
            id="a079-legal-counselling-is-counselling",
        ),
        pytest.param(
            "Punkt nieodpłatnej pomocy prawnej udziela porad prawnych mieszkańcom powiatu.",
            {"legal_aid"},
            id="free-legal-advice-is-legal-aid",
        ),
    ],
)
def test_whose_voice_states_a_form_of_support(text: str, codes: set[str]) -> None:
    assert _codes(text) == codes


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        pytest.param(
            "Pracują one zazwyczaj przez całą dobę, przez siedem dni w tygodniu.",
            "a guide saying what units usually do",
            id="a006-usually",
        ),
        pytest.param(
            "Według danych opublikowanych przez WHO w 2022 roku, jedno na siedmioro dzieci "
            "cierpi na zaburzenia zdrowia psychicznego.",
            "a report of what others count",
            id="a024-according-to-data",
        ),
        pytest.param(
            "W naszej poradni zwykle pracujemy w parach terapeutów.",
            None,
            id="our-unit-wins-over-usually",
        ),
        pytest.param("Poradnia prowadzi terapię logopedyczną.", None, id="a-plain-offer"),
    ],
)
def test_a_general_voice(sentence: str, reason: str | None) -> None:
    assert general_voice(sentence) == reason


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        pytest.param("Oferujemy terapię SI.", True, id="we-offer"),
        pytest.param("Zapraszamy rodziców na konsultacje.", True, id="we-invite"),
        pytest.param("W naszej Poradni pracuje logopeda.", True, id="our-unit"),
        pytest.param(
            "Integracja sensoryczna to zdolność naszego mózgu do odbierania bodźców.",
            False,
            id="c065-our-brain-is-no-unit",
        ),
    ],
)
def test_own_voice(sentence: str, own: bool) -> None:
    assert own_voice(sentence) is own


@pytest.mark.parametrize(
    ("doc_id", "guide"),
    [
        pytest.param("a006", True, id="a006-what-a-crisis-centre-does"),
        pytest.param("a024", True, id="a024-a-guide-for-parents"),
        pytest.param("a048", True, id="a048-a-blog-post"),
        pytest.param("a095", True, id="a095-what-a-clinic-does"),
        pytest.param("c065", True, id="c065-a-guide-to-si-kits"),
        pytest.param("c099", False, id="c099-a-crisis-centres-own-page"),
        pytest.param("a079", False, id="a079-a-crisis-centres-own-page"),
        pytest.param("c003", False, id="c003-crisis-intervention-forms"),
    ],
)
def test_a_whole_text_speaks_as_a_guide(doc_id: str, guide: bool) -> None:
    text = (CORPUS / "documents" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert speaks_as_a_guide(text) is guide


def test_a_menu_item_alone_does_not_make_a_guide() -> None:
    # an office's page with "Poradnik dla bezrobotnych" in its menu (the 96 pages'
    # pupkamiennagora.pl) is still the office's page
    text = (
        "Powiatowy Urząd Pracy\nAktualności\nPoradnik dla bezrobotnych\nOferty pracy\n"
        "Urząd realizuje pośrednictwo pracy i poradnictwo zawodowe."
    )
    assert not speaks_as_a_guide(text)
    assert "employment_services" in _codes(text)


def test_a_guide_states_nothing_of_its_own() -> None:
    text = (CORPUS / "documents" / "a095.txt").read_text(encoding="utf-8")
    assert read_support(text).services == ()


def test_a_guide_gives_no_hours_of_its_own() -> None:
    # a006: "Pracują one zazwyczaj przez całą dobę, przez siedem dni w tygodniu" is what
    # crisis centres usually do, not one centre's hours
    text = (CORPUS / "documents" / "a006.txt").read_text(encoding="utf-8")
    assert read_support(text).schedules == ()


def test_a_public_consultation_is_not_counselling() -> None:
    # a019: a social services centre asks the public about its programme
    text = (
        "Konsultacje społeczne Programu usług społecznych w Gminie Czersk na lata 2022-2024.\n"
        "Centrum prowadzi poradnictwo rodzinne."
    )
    stated = read_support(text).services
    assert [(item.code, item.evidence) for item in stated] == [
        ("counselling", "Centrum prowadzi poradnictwo rodzinne.")
    ]
