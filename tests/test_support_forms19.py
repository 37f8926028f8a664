"""Sentences that name forms of support for no one's offer (issue #17, forms19).

Cases are real lines of `benchmarks/support_fresh/`'s round-18 part (s001–s039: an event's
speakers, a guide's advice, a kind of unit defined, each case citing its page's
URL) and of the web corpus's tune half (the document id in the case id), read through
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
        # --- an event reported: who spoke, what a meeting was for --------------------------
        pytest.param(
            # https://promocja.lubelskie.pl/aktualnosci/dziecko-dar-i-zadanie/
            "Prelegentkami były przedstawicielki powiatowych centrów pomocy rodzinie, ośrodków "
            "pomocy społecznej i rodzin adopcyjnych z woj. lubelskiego:",
            set(),
            {"adoption", "family_support"},
            id="promocja.lubelskie.pl-speakers",
        ),
        pytest.param(
            "Spotkanie miało na celu wymianę doświadczeń oraz zacieśnienie współpracy pomiędzy "
            "instytucjami zaangażowanymi w przeciwdziałanie przemocy domowej.",
            set(),
            {"domestic_violence"},
            id="i027-what-a-meeting-was-for",
        ),
        pytest.param(
            "Wydarzenie miało na celu podkreślenie znaczenia tej formy opieki, wsparcie rodzin "
            "zastępczych oraz wymianę doświadczeń między instytucjami działającymi na rzecz "
            "dzieci i rodzin.",
            set(),
            {"foster_care", "family_support"},
            id="i029-what-an-event-was-for",
        ),
        pytest.param(
            # made-up: a group's meetings are its offer
            "Spotkania grupy wsparcia dla rodzin zastępczych odbywają się raz w miesiącu.",
            {"support_group"},
            set(),
            id="made-up-a-group-meets",
        ),
        # --- a list of the statute's grounds for help ----------------------------------------
        pytest.param(
            "1. Podstawowy warunek dla wszystkich zasiłków - trudna sytuacja życiowa związana "
            "w szczególności z: sieroctwem, bezdomnością, bezrobociem, niepełnosprawnością, "
            "długotrwałą lub ciężką chorobą, przemocą w rodzinie, alkoholizmem lub narkomanią.",
            {"financial_benefits"},
            {"domestic_violence", "addiction_support"},
            id="i024-grounds-of-benefits",
        ),
        pytest.param(
            "Zadaniem Hostelu jest udzielenie tymczasowego, całodobowego schronienia osobom lub "
            "rodzinom znajdującym się w sytuacji kryzysowej (klęska żywiołowa lub ekologiczna, "
            "zdarzenia losowe, kryzysy normatywne, przemoc domowa, alkoholizm sprawcy przemocy "
            "domowej).",
            {"housing"},
            {"domestic_violence", "addiction_support"},
            id="g050-shelter-kept-grounds-dropped",
        ),
        pytest.param(
            # made-up: fewer than four grounds, violence is the help's subject
            "Udzielamy pomocy osobom doznającym przemocy domowej.",
            {"domestic_violence"},
            set(),
            id="made-up-help-for-victims-of-violence",
        ),
        # --- units counted across a region --------------------------------------------------
        pytest.param(
            "Szanowni Państwo, na terenie całej Polski funkcjonuje ponad 1500 punktów darmowej "
            "pomocy i poradnictwa.",
            set(),
            {"counselling"},
            id="c010-points-across-the-country",
        ),
        pytest.param(
            "W województwie działa trzynaście ośrodków opieki psychologicznej pierwszego kontaktu.",
            set(),
            {"psychological_support"},
            id="h015-centres-counted",
        ),
        pytest.param(
            "W województwie zachodniopomorskim jest coraz więcej miejsc, w których pacjenci mogą "
            "otrzymać fachową pomoc psychiatryczną, psychologiczną oraz psychologiczno – "
            "terapeutyczną.",
            set(),
            {"psychiatry", "therapy"},
            id="j048-more-and-more-places",
        ),
        pytest.param(
            # https://www.kartuskipowiat.com.pl/dla-mieszkancow/nieodplatna-pomoc-prawna-i-nieodplatne-poradnictwo-obywatelskie-
            "Nieodpłatna pomoc prawna, nieodpłatne poradnictwo obywatelskie i mediacje świadczone "
            "są bezpośrednio w punktach pomocy oraz jest możliwość uzyskania porady za pomocą "
            "środków porozumiewania się na odległość oraz poza lokalem.",
            {"legal_aid", "mediation"},
            set(),
            id="kartuskipowiat.com.pl-a-county-s-own-points",
        ),
        # --- a kind of unit defined; what matters said to a reader ---------------------------
        pytest.param(
            # http://powiat-krotoszyn.pl/index.php/4237-poradnia-psychologiczno-pedagogiczna-dziala-od-pol-wieku
            "Poradnie psychologiczno-pedagogiczne są bowiem szczególnym rodzajem placówek "
            "oświatowych, których rolą jest udzielanie pomocy psychologiczno -pedagogicznej "
            "dzieciom , od momentu urodzenia i młodzieży oraz pomocy w wyborze kierunku "
            "kształcenia i zawodu.",
            set(),
            {"psychological_support", "career_guidance"},
            id="powiat-krotoszyn.pl-a-kind-defined",
        ),
        pytest.param(
            # https://www.blog.pomoc.pl/fundacje-pomagajace-dzieciom-z-autyzmem/
            "Ważne jest m.in. właściwie dobrane do dziecka leczenie terapeutyczne, "
            "rehabilitacyjne oraz opieka.",
            set(),
            {"therapy", "rehabilitation", "health_care"},
            id="blog.pomoc.pl-what-matters",
        ),
        pytest.param(
            # http://www.zpsw.glogow.org/index.php?option=com_content&view=article&id=91&Itemid=187
            "Ośrodek zapewnia wczesne wspomaganie, realizację obowiązku rocznego przygotowania "
            "przedszkolnego i obowiązku szkolnego.",
            {"early_support"},
            set(),
            id="zpsw.glogow.org-a-unit-s-own-offer",
        ),
    ],
)
def test_forms_named_for_no_one(text: str, present: set[str], absent: set[str]) -> None:
    codes = _codes(text)
    assert present <= codes
    assert not absent & codes
