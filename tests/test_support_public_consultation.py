"""A page that announces a public consultation of a plan speaks of "the consultation", not of
counselling, nor of what the plan is about (issue #17).

Each case is a real tune document of the web corpus (`benchmarks/web_corpus`, its id in the
case id) read whole through `transforms.support_statements.read_support`, or a real tune line
where a consultation is still offered. The test half is never read here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.support_statements import read_support

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "web_corpus"


@pytest.mark.parametrize(
    ("doc_id", "not_read"),
    [
        # "Osobą koordynującą i odpowiedzialną za przeprowadzenie konsultacji jest Dyrektor CUS"
        ("a019", {"counselling"}),
        # "Celem konsultacji jest zapewnienie efektywnego wykonywania zadań publicznych Powiatu
        # Krośnieńskiego w zakresie pieczy zastępczej."
        ("e039", {"counselling", "foster_care"}),
    ],
)
def test_a_public_consultation_page_states_no_counselling(doc_id: str, not_read: set[str]) -> None:
    text = (CORPUS / "documents" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert not set(read_support(text).service_codes) & not_read


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        pytest.param(
            "Ośrodek oferuje konsultacje i poradnictwo, a także schronienie.",
            {"counselling", "housing"},
            id="d044-consultations-offered",
        ),
        pytest.param(
            "• Udzielanie rodzicom profesjonalnych konsultacji dotyczących problemów "
            "rozwojowych dziecka;",
            {"counselling"},
            id="b099-consultations-of-their-kind",
        ),
    ],
)
def test_consultations_still_offered(text: str, codes: set[str]) -> None:
    assert set(read_support(text).service_codes) == codes
