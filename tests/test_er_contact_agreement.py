"""A join that no contact supports rests on name, type and place, and is made with care.

`model.contact_agreement` says whether a pair's contacts were compared and agree (a phone, an
e-mail address, a website host, a NIP or REGON, a street and house number); clustering makes
the joins without it after the others, and only to a clear best (`cluster._loose_joins`).
Records are those of er-scale/100k (ids cited); the clustering cases use the probabilities
the shipped model gave their pairs on the whole of 100k (its statistics count every record).
"""

from __future__ import annotations

import numpy as np
import pytest
from helpers import er_pair_levels

from transforms.er.cluster import cluster_pairs
from transforms.er.ladders import EMAIL_SHARED
from transforms.er.model import contact_agreement

Row = tuple[str, str, str, str | None, str | None, str | None, str | None, str | None, str | None]

# Special schools of Gorzów Wielkopolski (ES0017582, ES0012086) and the primary school of
# Małe Drzewce (ES0030103), as er-scale/100k gives them.
GORZOW_RSPO: Row = (
    "S0002209", "rspo", "SPECJALNY OŚRODEK SZKOLNO-WYCHOWAWCZY W GORZOWIE WIELKOPOLSKIM",
    "ul. Obotrycka nr 64", "66-400", "Gorzów Wielkopolski", None,
    "sosw_gorzowwielkopolski@gmail.com", "https://soswgorzowwielkopolski.szkolnastrona.pl",
)  # fmt: skip
GORZOW_PAGE: Row = (
    "S0038318", "gmina_www", "Specjalny Ośrodek Szkolno-Wychowawczy w Gorzowie Wielkopolskim",
    "ul. Obotrycka nr 64", None, "Gorzów Wielkopolski", "(95) 400-90-11", None, None,
)  # fmt: skip
GORZOW_OTHER_ARTICLE: Row = (
    "S0062824", "artykul", "Specjalnego Ośrodka Szkolno-Wychowawczego w Gorzowie Wielkopolskim",
    "ul. Krótka 30C", None, "Gorzów Wielkopolski", None, None, None,
)  # fmt: skip
GORZOW_OTHER_RSPO: Row = (
    "S0090153", "rspo", "SPECJALNY OŚRODEK SZKOLNO-WYCHOWAWCZY W GORZOWIE WIELKOPOLSKIM",
    None, "66-400", "Gorzów Wielkopolski", "956146935 wew. 87",
    "Sosw@gorzowwielkopolski.edu.pl", "https://sosw.gorzowwielkopolski.edu.pl",
)  # fmt: skip
DRZEWCE_RSPO: Row = (
    "S0055544", "rspo", "SZKOŁA PODSTAWOWA W MAŁYCH DRZEWCACH", "ul. Mikołaja Kopernika 1",
    "67-407", "Małe Drzewce", "(76) 707-26-34", "spmaledrzewce@vp.pl",
    "www.spmaledrzewce.edupage.org",
)  # fmt: skip
DRZEWCE_SHEET: Row = (
    "S0076984", "arkusz", "SZKOŁA PODSTAWOWA IM. ŚWIĘTEJ JADWIGI KRÓLOWEJ W MAŁYCH DRZEWCACH",
    None, "67-407", "Szlichtyngowa", None, None, None,
)  # fmt: skip
KONARY_BIP: Row = (
    "S0065535", "bip", "Szkoła Podstawowa im. Władysława Jagiełły w Konarach", None, "42270",
    "Konary", "34 34 188 58", None, None,
)  # fmt: skip
KONARY_PAGE: Row = (
    "S0005520", "gmina_www", "Szkoła Podstawowa im. Władysława Jagiełły w Konarach", None,
    "42-270", "Konary", None, None, None,
)  # fmt: skip

# Two fire brigades (ES0004613: the register's OSP w Skarchowie; ES0027657: a gmina page's OSP with
# only a street): one street name and number, no place to say it is one address.
SKARCHOWO_KRS: Row = (
    "S0062348", "krs", "OCHOTNICZA STRAŻ POŻARNA W SKARCHOWIE", "PL. WOLNOŚCI 25", "72-401",
    "SKARCHOWO", None, None, None,
)  # fmt: skip
WOLNOSCI_PAGE: Row = (
    "S0066441", "gmina_www", "Ochotnicza Straż Pożarna", "ul. Wolności 25", None, None, None,
    None, None,
)  # fmt: skip

# Two villages' fire brigades named OSP w Komornikach (ES0029350 at 32-415, ES0025712 at
# 59-243) given one mailbox: an address held in two postal areas is "shared", no contact.
KOMORNIKI_CATALOGUE: Row = (
    "S0007462", "ngo_katalog", "Ochotnicza Straż Pożarna w Komornikach",
    "ul. Romualda Traugutta 85", "32-415", "Komorniki", "699 077 114",
    "ochotniczakomorniki@onet.pl", None,
)  # fmt: skip
KOMORNIKI_KRS: Row = (
    "S0019329", "krs", "OCHOTNICZA STRAŻ POŻARNA W KOMORNIKACH", "UL. ARMII KRAJOWEJ 15",
    "59-243", "KOMORNIKI", None, "ochotniczakomorniki@onet.pl", None,
)  # fmt: skip


def agreement(a: Row, b: Row) -> bool:
    levels = er_pair_levels(a, b)
    if a[7] and a[7] == b[7]:
        assert levels["email"][0] == (EMAIL_SHARED if a[4] != b[4] else 1)
    return bool(contact_agreement(levels)[0])


@pytest.mark.parametrize(
    ("a", "b", "agrees"),
    [
        pytest.param(GORZOW_RSPO, GORZOW_PAGE, True, id="street-and-house-number"),
        pytest.param(GORZOW_OTHER_RSPO, GORZOW_OTHER_ARTICLE, False, id="postal-code-vs-street"),
        pytest.param(DRZEWCE_RSPO, DRZEWCE_SHEET, False, id="postal-code-alone-is-a-place"),
        pytest.param(KONARY_BIP, KONARY_PAGE, False, id="phone-vs-nothing"),
        pytest.param(GORZOW_RSPO, GORZOW_OTHER_RSPO, False, id="namesakes-other-contacts"),
        pytest.param(SKARCHOWO_KRS, WOLNOSCI_PAGE, False, id="street-and-number-without-a-place"),
        pytest.param(KOMORNIKI_CATALOGUE, KOMORNIKI_KRS, False, id="a-mailbox-of-two-areas"),
    ],
)
def test_contact_agreement(a: Row, b: Row, agrees: bool) -> None:
    assert agreement(a, b) is agrees


# Clustering alone: (left, right, probability, a contact agrees) of every pair at or above
# the review threshold within a component of 100k's match graph; `expected` labels.
@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # S0002209, S0038318 (ES0017582: one street) and S0062824, S0090153 (ES0012086: the
        # other special school of Gorzów; an article's street, a register's phone): the page
        # S0038318 scores 0.85 with the register S0090153 on name and place alone.
        pytest.param(
            [
                (0, 1, 0.9997, True),
                (0, 2, 0.3025, False),
                (1, 2, 0.3025, False),
                (1, 3, 0.8462, False),
                (2, 3, 0.9513, False),
            ],
            [0, 0, 2, 2],
            id="gorzow-two-schools-not-bridged",
        ),  # fmt: skip
        # S0005520, S0065535 (ES0026739: SP im. Władysława Jagiełły w Konarach, a postal code
        # and a phone) and S0018431, S0055501 (ES0011351: SP w Konarach, SP im. Bolesława
        # Prusa, one website): the short "SP w Konarach" reaches both schools at 0.89.
        pytest.param(
            [
                (0, 1, 0.891, False),
                (0, 3, 0.9985, False),
                (1, 2, 0.9999, True),
                (1, 3, 0.891, False),
            ],
            [0, 1, 1, 0],
            id="konary-lone-records-choose-each-other",
        ),  # fmt: skip
        # S0005376, S0055544, S0076984 (ES0030103: SP w Małych Drzewcach: an article's street,
        # the register, a sheet with the gmina's postal code) and S0078739, S0082658
        # (ES0025890: SP nr 1 w Szlichtyngowej, at that postal code): the sheet chooses the
        # school it scores 0.9998 with, not the one at 0.77.
        pytest.param(
            [
                (0, 1, 1.0, True),
                (0, 2, 0.9994, False),
                (1, 2, 0.9998, False),
                (2, 3, 0.7658, False),
                (2, 4, 0.7658, False),
                (3, 4, 1.0, True),
            ],
            [0, 0, 0, 3, 3],
            id="drzewce-sheet-joins-its-clear-best",
        ),  # fmt: skip
    ],
)
def test_joins_without_a_contact_in_common(
    pairs: list[tuple[int, int, float, bool]], expected: list[int]
) -> None:
    n = len(expected)
    left = np.array([p[0] for p in pairs], np.int32)
    right = np.array([p[1] for p in pairs], np.int32)
    strength = np.array([p[2] for p in pairs])
    agree = np.array([p[3] for p in pairs], bool)
    must = strength >= 0.6
    cannot = np.zeros(len(pairs), bool)
    bare = np.zeros(n, bool)
    labels = cluster_pairs(n, left, right, strength, must, cannot, bare, agree=agree).labels
    assert [int(x) for x in labels] == expected
