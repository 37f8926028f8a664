"""A "porada" or a "konsultacja" beside a more specific service is that service's session.

Each case is a real line of a tune document of the web corpus (its id in the case id), with
the codes the reader must state; the last ones must keep their counselling. On a whole page of
legal aid or health care, such a word that no sentence calls a kind of its own is that
service's session too (the tune documents read whole).
"""

from __future__ import annotations

import pytest
from helpers import REPO  # tests/ helper module

from transforms.support_statements import read_support

CORPUS = REPO / "benchmarks" / "web_corpus"

CASES = [
    (
        "d017",
        "Potrzebujesz nieodpłatnej pomocy prawnej - umów się na poradę, zadzwoń pod nr tel. "
        "77 408 50 94 , od poniedziałku do środy w godz. 09:00-11:00",
        ["legal_aid"],
    ),
    (
        "c015",
        "W ośrodkach można skorzystać m.in. z porady psychologicznej, sesji psychoterapii "
        "rodzinnej, sesji psychoterapii grupowej, wizyta, porada domowa lub środowiskowa.",
        ["psychological_support", "psychotherapy"],
    ),
    # counselling of its own, still read
    ("d044", "Ośrodek oferuje konsultacje i poradnictwo, a także schronienie.", None),
    (
        "c041",
        "Regionalne Centrum Kryzysowe oferuje wsparcie gabinetowe - indywidualne konsultacje, "
        "ale również wsparcie dla par czy rodzin, wsparcie grupowe.",
        None,
    ),
]


@pytest.mark.parametrize(("doc", "sentence", "codes"), CASES, ids=[c[0] for c in CASES])
def test_a_session_of_another_service(doc: str, sentence: str, codes: list[str] | None) -> None:
    read = [s.code for s in read_support(sentence).services]
    if codes is None:
        assert "counselling" in read, doc
    else:
        assert read == codes, doc


# On a whole page of legal aid or health care, a "porada" or "konsultacja" that no sentence
# calls a kind of its own is that service's session too (tune documents read whole).
PAGES = [
    # "Zrealizowano około 3 tys. porad w ramach CZP dla Dzieci i Młodzieży"
    ("a025", False),
    # "Lekarze udzielają porad również telefonicznie"
    ("c040", False),
    # "…możliwość porady na odległość…" on a page of free legal aid points
    ("f009", False),
    # "indywidualne konsultacje": a kind of its own, still counselling
    ("c041", True),
]


@pytest.mark.parametrize(("doc", "counselling"), PAGES, ids=[p[0] for p in PAGES])
def test_a_page_of_another_service_calls_its_sessions_so(doc: str, counselling: bool) -> None:
    text = (CORPUS / "documents" / f"{doc}.txt").read_text(encoding="utf-8")
    read = read_support(text).service_codes
    assert read and ("counselling" in read) == counselling, doc
