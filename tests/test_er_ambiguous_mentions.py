"""A mention (nothing but a name and a place) that scores to join two bodies joins neither.

Cases are records of er-scale/100k (ids cited), run through the whole matcher (features,
blocking, the shipped model, clustering), and the clustering alone on the probabilities the
model gave those records.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from transforms.er.cluster import cluster_pairs
from transforms.er.features import build_features_from_raw
from transforms.er.resolve import resolve_features

COLUMNS = "record_id source name street postal_code locality phone email website".split()

# Two legal-aid points of one town (er-scale/100k entities ES0002032 and ES0034225) and an
# article naming "Punkt Nieodpłatnej Pomocy Prawnej w Bartoszycach" (S0096254), which scores
# to join both (0.92 with every record of each): it names one of them, but nothing says which.
BARTOSZYCE = [
    ("S0029812", "powiat_www", "Punkt Nieodpłatnej Pomocy Prawnej", None, None, "Bartoszyce",
     "(89) 200-00-57", None, None),
    ("S0056561", "arkusz", "Punkt Nieodpłatnej Pomocy Prawnej w Bartoszycach",
     "ulica Tysiąclecia 132", "11-200", "Bartoszyce", "+48 89 200 00 57",
     "punktn@punktnbartoszyce.pl", None),
    ("S0065452", "mapy", "Punkt Nieodpłatnej Pomocy Prawnej (Bartoszyce)",
     "ul. Tysiąclecia nr 132", "11-200", "Bartoszyce", "+48 89 200 00 57",
     "punktn@punktnbartoszyce.pl", None),
    ("S0082117", "gmina_www", "Punkt Nieodpłatnej Pomocy Prawnej w Bartoszycach", None, None,
     "Bartoszyce", "(89) 200-00-57", "punktn@punktnbartoszyce.pl", None),
    ("S0041740", "bip", "Punkt Nieodplatnej Pomocy Prawnej w Bartoszycach", "ul. 11 Listopada 14",
     "11-200", "Bartoszyce", "tel. 89 252 38 32", "sekretariat@punktn.bartoszyce.pl",
     "www.punktn.bartoszyce.pl"),
    ("S0063265", "arkusz", "PUNKT NIEODPŁATNEJ POMOCY PRAWNEJ W BARTOSZYCACH",
     "ul. 11 Listopada, 14", "11 200", "Bartoszyce", "(89) 252-38-32",
     "sekretariat@punktn.bartoszyce.pl", None),
    ("S0085045", "mapy", "Punkt Nieodpłatnej Pomocy Prawnej w Bartoszycach", "11 Listopada 14",
     "11-200", "Bartoszyce", "+48 89 252 38 32", None, "http://www.punktn.bartoszyce.pl"),
    ("S0096254", "artykul", "Punkt Nieodpłatnej Pomocy Prawnej w Bartoszycach", None, None,
     "Bartoszyce", None, None, None),
]  # fmt: skip

# One fire brigade (ES0029633) and two articles naming it ("OSP w Mnichowie", "OSP
# Mnichowo"): a mention that reaches one body only joins it.
MNICHOW = [
    ("S0010697", "mapy", "OSP Mnichów", "ul. 11 Listopada 16", "28-300", "Mnichów",
     "(41) 470-59-11", None, None),
    ("S0040656", "krs", "OCHOTNICZA STRAŻ POŻARNA W MNICHOWIE", "UL. 11 LISTOPADA 16", "28-300",
     "MNICHÓW", None, None, None),
    ("S0042916", "artykul", "OSP w Mnichowie", None, None, None, None, None, None),
]  # fmt: skip


def clusters_of(rows: list[tuple[str | None, ...]]) -> tuple[list[set[str]], int]:
    """The clusters, and how many joins were refused as ambiguous."""
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE er_input (" + ", ".join(f"{c} VARCHAR" for c in COLUMNS) + ")")
    con.executemany(f"INSERT INTO er_input VALUES ({', '.join('?' * len(COLUMNS))})", rows)
    con.execute("ALTER TABLE er_input ADD COLUMN nip VARCHAR")
    con.execute("ALTER TABLE er_input ADD COLUMN regon VARCHAR")
    build_features_from_raw(con, "er_input")
    result = resolve_features(con)
    groups: dict[str, set[str]] = {}
    for record_id, key in result.clusters.items():
        groups.setdefault(key, set()).add(record_id)
    return sorted(groups.values(), key=min), result.ambiguous_joins


@pytest.mark.parametrize(
    ("rows", "expected", "refused"),
    [
        pytest.param(
            BARTOSZYCE,
            [
                {"S0029812", "S0056561", "S0065452", "S0082117"},
                {"S0041740", "S0063265", "S0085045"},
                {"S0096254"},
            ],
            True,
            id="article-naming-one-of-two-namesakes-joins-neither",
        ),
        pytest.param(
            MNICHOW,
            [{"S0010697", "S0040656", "S0042916"}],
            False,
            id="article-naming-the-only-body-joins-it",
        ),
    ],
)
def test_mentions_join_only_an_unambiguous_body(
    rows: list[tuple[str | None, ...]], expected: list[set[str]], refused: bool
) -> None:
    clusters, ambiguous_joins = clusters_of(rows)
    assert clusters == expected
    # the resolution counts the joins it refused (the run summary reports them)
    assert (ambiguous_joins > 0) == refused


# Clustering alone, on the probabilities above: records 0-1 one body, 2-3 another, 4 and 5
# mentions when `bare` says so.
@pytest.mark.parametrize(
    ("pairs", "bare", "expected"),
    [
        pytest.param(
            [(0, 1, 0.9999), (2, 3, 1.0), (0, 4, 0.9248), (2, 4, 0.9248), (1, 4, 0.9248)],
            {4},
            [0, 0, 2, 2, 4, 5],
            id="bartoszyce-equal-scores-joins-neither",
        ),
        pytest.param(
            [(0, 1, 0.9999), (2, 3, 1.0), (0, 4, 0.99), (2, 4, 0.62)],
            {4},
            [0, 0, 2, 2, 0, 5],
            id="a-clearly-better-body-is-joined",
        ),
        pytest.param(
            [(0, 1, 0.9999), (2, 3, 1.0), (0, 4, 0.95), (4, 5, 0.9), (2, 5, 0.95)],
            {4, 5},
            [0, 0, 2, 2, 0, 2],
            id="two-mentions-never-chain-two-bodies",
        ),
        pytest.param(
            [(0, 1, 0.9999), (2, 3, 1.0), (0, 4, 0.95), (2, 4, 0.95)],
            set(),
            [0, 0, 0, 0, 0, 5],
            id="a-record-with-contacts-still-joins-both",
        ),
    ],
)
def test_cluster_pairs_with_mentions(
    pairs: list[tuple[int, int, float]], bare: set[int], expected: list[int]
) -> None:
    n = 6
    left = np.array([a for a, _b, _p in pairs], np.int32)
    right = np.array([b for _a, b, _p in pairs], np.int32)
    strength = np.array([p for _a, _b, p in pairs])
    must = strength >= 0.6
    cannot = np.zeros(len(pairs), bool)
    is_bare = np.array([i in bare for i in range(n)], bool)
    labels = cluster_pairs(n, left, right, strength, must, cannot, is_bare).labels
    assert [int(x) for x in labels] == expected
