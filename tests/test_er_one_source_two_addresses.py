"""One list gives one institution one address: two of its rows with the same name at two
streets are two institutions (`model.PairModel.probability`'s veto), however alike the rest.

Rows are the real ones of ../shared/data/social_assistance: the łódzkie list of homes
(dps_wolne_miejsca_lodzkie_2026-07-12.xls) names two homes "Dom Pomocy Społecznej w Kutnie"
and two "DPS Sieradz" at two streets each, and the Rożdżały branch twice at one address (its
two wards: one institution). The same name at two streets in two sources is not vetoed: a
page may give an office's other building.
"""

from __future__ import annotations

import pytest
from helpers import er_pair_levels

from transforms.er.model import load_model

Row = tuple[str, str, str, str | None, str | None, str | None, str | None, str | None, str | None]

KUTNO_KRZYWOUSTEGO: Row = (
    "k1", "dps_lodzkie", "Dom Pomocy Społecznej w Kutnie", "ul. Krzywoustego 11", "99-301",
    "Kutno", None, None, None,
)  # fmt: skip
KUTNO_OPOROWSKA: Row = (
    "k2", "dps_lodzkie", "Dom Pomocy Społecznej w Kutnie", "ul. Oporowska 27", "99-300",
    "Kutno", None, None, None,
)  # fmt: skip
SIERADZ_DOMINIKANSKA: Row = (
    "s1", "dps_lodzkie", "DPS Sieradz", "ul. Dominikańska 1", "98-200", "Sieradz", None, None,
    None,
)  # fmt: skip
SIERADZ_ARMII_KRAJOWEJ: Row = (
    "s2", "dps_lodzkie", "DPS Sieradz", "ul. Armii Krajowej 34", "98-200", "Sieradz", None,
    None, None,
)  # fmt: skip
ROZDZALY_CHRONICALLY_ILL: Row = (
    "r1", "dps_lodzkie", "DPS Sieradz Filia w Rożdzałach", "Rożdzały 7", "98-290", "Warta",
    None, None, None,
)  # fmt: skip
ROZDZALY_DISABLED: Row = (
    "r2", "dps_lodzkie", "DPS Sieradz Filia w Rożdzałach", "Rożdzały 7", "98-290", "Warta",
    None, None, None,
)  # fmt: skip


def probability(a: Row, b: Row) -> float:
    return float(load_model().probability(er_pair_levels(a, b))[0])


def in_other_source(row: Row) -> Row:
    record_id, _source, name, street, postal_code, locality, phone, email, website = row
    return (
        f"{record_id}-page",
        "dps_page",
        name,
        street,
        postal_code,
        locality,
        phone,
        email,
        website,
    )


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        pytest.param(KUTNO_KRZYWOUSTEGO, KUTNO_OPOROWSKA, True, id="kutno-two-homes"),
        pytest.param(SIERADZ_DOMINIKANSKA, SIERADZ_ARMII_KRAJOWEJ, True, id="sieradz-two-homes"),
        pytest.param(
            ROZDZALY_CHRONICALLY_ILL, ROZDZALY_DISABLED, False, id="rozdzaly-two-wards-one-address"
        ),
        pytest.param(KUTNO_KRZYWOUSTEGO, in_other_source(KUTNO_OPOROWSKA), False, id="two-sources"),
    ],
)
def test_one_source_two_streets(a: Row, b: Row, apart: bool) -> None:
    assert (probability(a, b) == 0.0) is apart
