"""A "porada" or a "konsultacja" beside a more specific service is that service's session.

Each case is a real line of a tune document of the web corpus (its id in the case id), with
the codes the reader must state; the last ones must keep their counselling.
"""

from __future__ import annotations

import pytest

from transforms.support_statements import read_support

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
