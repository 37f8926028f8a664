"""Stable institution ids: the pieces the matcher (`transforms/er/`) uses to name clusters.

An institution keeps its id from night to night: a cluster keeps the id most of its records
had in the previous run (`transforms.er.cluster.assign_cluster_ids`); a cluster seen for the
first time gets an id derived from its smallest record id. Every id that stops naming a
cluster is recorded as an `IdChange`, so a published id never silently disappears.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IdChange:
    """What became of an institution id of the previous run."""

    old_id: str
    new_id: str | None  # the id that took over its records; None when they are all gone
    reason: str  # merged | split | retired


def new_institution_id(member_ids: Iterable[str]) -> str:
    """An id for a cluster seen for the first time, derived from its smallest record id."""
    seed = min(member_ids)
    return "wsp_" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]
