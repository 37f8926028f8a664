"""The features' per-value maps in worker processes give what one process gives, in order.

A one-worker map (`features._start_map` below `_PARALLEL_MIN` values) computes its first
chunk here, forks a worker for the rest, and `_collect` computes here the chunks the worker
has not started: whichever process computed a chunk, the results must come back complete and
in the order of the values. The values are the 25 schools of the real RSPO export sample.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from transforms.er import features


def _rspo_column(shared_data: Path, column: str) -> list[str]:
    path = shared_data / "education" / "rspo_export_sample_lo.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    values = [row[column].strip() for row in rows if row[column].strip()]
    assert len(values) >= 20, f"{path}: expected the sample's schools, got {len(values)}"
    return values


@pytest.mark.parametrize(
    ("column", "fn"),
    [
        ("Nazwa", features._name_row),
        ("Ulica", features._street_row),
        ("Telefon", features._phone_row),
    ],
)
def test_a_shared_map_returns_every_value_in_order(
    shared_data: Path, column: str, fn: Callable[[str], tuple[object, ...]]
) -> None:
    values = _rspo_column(shared_data, column)
    pending = features._start_map(fn, values, background_min=2)
    assert pending.pool is not None and pending.share, "expected one worker beside this process"
    assert features._collect(pending) == [fn(value) for value in values]


def test_below_the_background_minimum_nothing_is_forked(shared_data: Path) -> None:
    values = _rspo_column(shared_data, "Nazwa")
    pending = features._start_map(features._name_row, values, background_min=len(values) + 1)
    assert pending.pool is None
    assert features._collect(pending) == [features._name_row(value) for value in values]
