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
    ],
)
def test_forms_on_parents_pages(text: str, present: set[str], absent: set[str]) -> None:
    codes = _codes(text)
    assert present <= codes
    assert not absent & codes
