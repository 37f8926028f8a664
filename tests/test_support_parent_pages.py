"""Stated forms of support on the pages parents and teachers land on (issue #17, support14).

Cases are real lines of `benchmarks/support_fresh/` (its second part, f076–f141: school,
kindergarten, clinic, project, OPS, PCPR and ŚDS/WTZ pages outside the web corpus, each case
citing its page's URL) and of the web corpus's tune half (the document id in the case id),
read through `transforms.support_statements.read_support`. Lines where the same words do
state the form are cases too. The test half is never read here.
"""

from __future__ import annotations

import pytest

from transforms.support_statements import read_support


def _codes(text: str) -> set[str]:
    return set(read_support(text).service_codes)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # --- a crisis as a ground of need, not crisis intervention ---------------------------
        pytest.param(
            # http://sprogalin.mosina.pl/index.php/pomoc-psych-ped
            "Potrzeba objęcia ucznia taką pomocą w szkole wynika między innymi z:\n"
            " • z niepełnosprawności,\n • z choroby przewlekłej,\n"
            " • z sytuacji kryzysowych lub traumatycznych,\n • z niepowodzeń edukacyjnych,",
            set(),
            {"crisis_intervention"},
            id="sprogalin.mosina.pl-crisis-or-trauma-a-ground",
        ),
        pytest.param(
            "Ośrodek udziela pomocy osobom w sytuacjach kryzysowych i traumatycznych.",
            {"crisis_intervention"},
            set(),
            id="made-up-help-in-crisis-and-traumatic-situations-stays",
        ),
        pytest.param(
            # https://serwisy.gazetaprawna.pl/edukacja/artykuly/9873017,dostep-ucznia-do-pomocy-psychologiczno-pedagogicznej.html
            "Uczeń ma prawo do pomocy. Jeśli ma trudności wynikające np. z niepełnosprawności, "
            "przewlekłej choroby, problemów emocjonalnych, specyficznych trudności w uczeniu się "
            "(dysleksja, dysgrafia, dyskalkulia), sytuacji kryzysowych, zaniedbań środowiskowych "
            "czy też szczególnych uzdolnień.",
            set(),
            {"crisis_intervention"},
            id="serwisy.gazetaprawna.pl-crisis-among-difficulties",
        ),
        pytest.param(
            "Zgodnie z zadaniami wynikającymi z ustawy Ośrodek zapewnia wsparcie osobom "
            "doświadczającym sytuacji kryzysowych.",
            {"crisis_intervention"},
            set(),
            id="made-up-help-after-a-ground-verb-of-another-clause-stays",
        ),
        pytest.param(
            "Zadania Ośrodka:\n • działania interwencyjne w sytuacjach kryzysowych,",
            {"crisis_intervention"},
            set(),
            id="tune-g041-action-in-a-crisis-stays",
        ),
        pytest.param(
            "udzielenie szybkiej i doraźnej pomocy osobom znajdującym się w sytuacji kryzysowej,",
            {"crisis_intervention"},
            set(),
            id="tune-c099-help-to-people-in-a-crisis-stays",
        ),
        # --- medical care in general on a page of rehabilitation or psychiatry -------------------
        pytest.param(
            # https://spor-t.pl/o-nas/osrodek-rehabilitacji-dziennej/
            "W ośrodku rehabilitacji dziennej realizujemy świadczenia w zakresie rehabilitacja "
            "dzieci z zaburzeniami wieku rozwojowego.\n"
            "Rehabilitacja dzieci z zaburzeniami wieku rozwojowego polega na zindywidualizowanym "
            "uczestnictwie każdego dziecka w rehabilitacji i obejmuje:\n"
            " • porady lekarskie,\n"
            " • świadczenia z zakresu fizjoterapii (ćwiczenia usprawniające, zabiegi "
            "fizjoterapeutyczne),\n • świadczenia z zakresu logopedii.",
            {"rehabilitation", "speech_therapy"},
            {"health_care"},
            id="spor-t.pl-doctors-advice-of-a-rehabilitation-centre",
        ),
        pytest.param(
            # http://www.mcrd.pl/pododdzial-rehabilitacji-neurologicznej-dzieci.html
            "Kierownik oddziału: dr n.med. Grażyna Spychałowicz - Brol - Specjalista Pediatrii i "
            "Rehabilitacji Medycznej\n\nNa pododdziale są leczeni pacjenci w wieku od okresu "
            "niemowlęcego do 18- go roku życia cierpiący na schorzenia ośrodkowego i obwodowego "
            "układu nerwowego powodujące ograniczenia ruchowe.\n\nChorzy mogą korzystać z zajęć "
            "w basenie i z innych form hydroterapii.\n\nW ramach terapii zajęciowej prowadzone "
            "są zajęcia dogoterapeutyczne.",
            {"rehabilitation"},
            {"health_care"},
            id="mcrd.pl-patients-treated-on-a-rehabilitation-ward",
        ),
        pytest.param(
            "Oddział psychiatrii dziecięcej w Józefowie przeznaczony jest dla dzieci do 15 roku "
            "życia. Celem oddziału jest postawienie diagnozy lekarskiej, włączenie leczenia "
            "(farmakoterapii, zaplanowanie psychoterapii), diagnoza psychologiczna.",
            {"psychiatry", "psychotherapy"},
            {"health_care"},
            id="tune-i012-treatment-on-a-child-psychiatry-ward",
        ),
        pytest.param(
            "Fundacja od 1991 roku organizuje kompleksową pomoc osobom niepełnosprawnym: dzieciom, "
            "młodzieży, dorosłym w zakresie diagnozy, leczenia i rehabilitacji.",
            {"rehabilitation", "health_care"},
            set(),
            id="tune-a027-treatment-named-beside-rehabilitation-stays",
        ),
        pytest.param(
            "Wszystkie dzieci leczone tego dnia w naszym Szpitalu otrzymały wspólny prezent w "
            "postaci zabawek i pluszaków.",
            {"health_care"},
            set(),
            id="tune-a092-treatment-on-a-page-of-no-rehabilitation-stays",
        ),
        # --- who may ask for help; the topic of information; staff; a doctor's consultation ---
        pytest.param(
            # https://serwisy.gazetaprawna.pl/edukacja/artykuly/9873017,dostep-ucznia-do-pomocy-psychologiczno-pedagogicznej.html
            "Kto może zgłosić potrzebę pomocy dla ucznia?\n\nW tym przypadku możliwości jest "
            "bardzo wiele. Inicjatywa może pochodzić od rodziców, samego ucznia, nauczyciela, "
            "wychowawcy, psychologa, pedagoga, poradni psychologiczno-pedagogicznej, a nawet "
            "kuratora sądowego czy pracownika socjalnego.",
            set(),
            {"social_work", "probation_supervision"},
            id="serwisy.gazetaprawna.pl-who-may-initiate-help",
        ),
        pytest.param(
            # made up: the rule's own example, and what is done on one's initiative (offered)
            "Pomoc psychologiczno-pedagogiczna jest organizowana z inicjatywy: ucznia, "
            "rodziców, nauczyciela, pracownika socjalnego, kuratora sądowego.",
            {"psychological_support"},
            {"social_work", "probation_supervision"},
            id="made-up-who-may-initiate-help-listed",
        ),
        pytest.param(
            # Rozporządzenie MEN z 9 sierpnia 2017 r. (Dz.U. 2017 poz. 1591), § 6 ust. 2, its
            # numbered points run together: "lub" (also "lubić"'s imperative) and a participle
            # qualifying a noun of the list are no predicate
            "Pomoc psychologiczno-pedagogiczna w przedszkolu, szkole i placówce jest organizowana "
            "z inicjatywy: ucznia, rodziców ucznia, dyrektora przedszkola, szkoły lub placówki, "
            "nauczyciela, pracownika socjalnego, asystenta rodziny, kuratora sądowego, "
            "organizacji pozarządowej, innej instytucji lub podmiotu działających na rzecz "
            "rodziny, dzieci i młodzieży.",
            set(),
            {"social_work", "probation_supervision"},
            id="regulation-who-may-initiate-help-joined-by-lub",
        ),
        pytest.param(
            "Z inicjatywy Ośrodka prowadzone są zajęcia terapeutyczne dla dzieci.",
            {"therapy"},
            set(),
            id="made-up-sessions-run-on-the-centre-s-initiative-are-offered",
        ),
        pytest.param(
            "Z inicjatywy dyrektora w szkole działa grupa wsparcia dla rodziców.",
            {"support_group"},
            set(),
            id="made-up-a-group-working-on-the-head-s-initiative-is-offered",
        ),
        pytest.param(
            # https://kampanianazdrowie.pl/pomoc/
            "Dyżurujący w nim specjaliści udzielają pomocy osobom z problemem uzależnienia od "
            "substancji psychoaktywnych, w tym od alkoholu, narkotyków, leków oraz ich bliskim. "
            "Można tutaj uzyskać nie tylko wsparcie w kryzysowej sytuacji, ale też informacje na "
            "temat leczenia, terapii i innych form pomocy.",
            set(),
            {"therapy", "health_care"},
            id="kampanianazdrowie.pl-information-on-treatment-and-therapy",
        ),
        pytest.param(
            "Pod numerem telefonu 800 165 320 osoby zainteresowane będą mogły uzyskać informacje "
            "na temat miejsc noclegowych, jadłodajni oraz punktów udzielania pomocy rzeczowej, "
            "finansowej, prawnej i medycznej na terenie całego województwa warmińsko-mazurskiego.",
            set(),
            {"material_aid", "financial_benefits", "legal_aid"},
            id="tune-i048-information-on-places-of-help",
        ),
        pytest.param(
            # http://wtzgorakalwaria.ksnaw.jdmsite.com/integracja/
            "Rehabilitacja społeczna jest jedną z podstawowych funkcji Warsztatów Terapii "
            "Zajęciowej. Placówki tego typu tworzą przestrzeń, w której uczestnicy nawiązują "
            "kontakty pomiędzy sobą oraz z kadrą terapeutyczną.",
            set(),
            {"therapy"},
            id="wtzgorakalwaria-therapeutic-staff-not-a-therapy",
        ),
        pytest.param(
            # http://rehabilitacjadzieciecarawicz.pl/index.php?option=com_content&view=article&id=1&Itemid=103
            "Po przedstawieniu ważnego skierowania ustalana jest w Rejestracji data konsultacji "
            "lekarskiej.",
            {"health_care"},
            {"counselling"},
            id="rehabilitacjadzieciecarawicz.pl-a-doctor-s-consultation",
        ),
        pytest.param(
            "Przypominamy również, że w przypadku nagłego zachorowania lub pogorszenia stanu "
            "zdrowia pacjenci wymagający konsultacji lekarskiej poza godzinami pracy lekarza "
            "podstawowej opieki zdrowotnej",
            {"health_care"},
            {"counselling"},
            id="tune-a026-a-doctor-s-consultation-is-health-care",
        ),
        # --- language lessons are education --------------------------------------------------
        pytest.param(
            # http://mulczer.nazwa.pl/przedszkole/oferta/4/Jezyk-angielski
            "Język angielski\n\nZajęcia z języka angielskiego odbywają się raz w tygodniu. "
            "Dzieci poznają ten język dzięki specjalnie zaaranżowanym sytuacjom językowym.",
            {"education"},
            set(),
            id="mulczer.nazwa.pl-english-lessons-of-a-kindergarten",
        ),
        pytest.param(
            "Nauka języków angielskiego i niemieckiego to nasze priorytety",
            {"education"},
            set(),
            id="tune-i033-learning-languages",
        ),
        pytest.param(
            "Nad całością czuwa Tomasz Obiała, nauczyciel języka angielskiego z V LO, a "
            "jednocześnie opiekun licealnego samorządu uczniowskiego",
            set(),
            {"education"},
            id="tune-b062-a-teacher-of-english-is-no-lesson",
        ),
        # --- adjectives of art, music, dog and horse therapy --------------------------------
        pytest.param(
            # https://mikolaj.org.pl/aktualnosci/ministerstwo-spraw-zagranicznych-przyznalo-fundacji-swietego-mikolaja-dofinansowanie-w-ramach-programu-pomoc-pomoc-2024
            "W poradni odbywać się będą grupowe warsztaty psychologiczne, indywidualne spotkania "
            "z psychologiem, grupowe warsztaty arteterapeutyczne, wakacyjne półkolonie.",
            {"therapy", "psychological_support", "leisure_activities"},
            set(),
            id="mikolaj.org.pl-art-therapy-workshops",
        ),
        # --- who issues a referral, and the list of them ------------------------------------
        pytest.param(
            # http://rehabilitacjadzieciecarawicz.pl/index.php?option=com_content&view=article&id=1&Itemid=103
            "Skierowanie na rehabilitację dzieci z zaburzeniami wieku rozwojowego jest "
            "wystawiane przez lekarzy następujących oddziałów szpitalnych lub poradni "
            "specjalistycznych:\n\n • neonatologicznej\n • rehabilitacyjnej\n"
            " • lekarza podstawowej opieki zdrowotnej",
            set(),
            {"health_care"},
            id="rehabilitacjadzieciecarawicz.pl-doctors-who-refer",
        ),
        pytest.param(
            "Skierowanie powinno być wystawione przez lekarza udzielającego porad w ramach NFZ, "
            "np. psychiatrę, pediatrę, lekarza podstawowej opieki zdrowotnej.",
            set(),
            {"health_care", "psychiatry"},
            id="tune-h014-a-referral-issued-by-doctors",
        ),
    ],
)
def test_forms_on_parents_pages(text: str, present: set[str], absent: set[str]) -> None:
    codes = _codes(text)
    assert present <= codes
    assert not absent & codes
