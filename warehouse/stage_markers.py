"""Where a run has got to, for the crash tests: with `WSPARCIE_STAGE_MARKERS=<file>` set, each
stage of the nightly flow, and each named step inside a stage, appends its name to that file as
it starts, flushed to disk, so a test can kill the run at a known point (tests/test_crash.py).
Without the variable nothing is written.
"""

from __future__ import annotations

import os

STAGE_MARKERS_ENV = "WSPARCIE_STAGE_MARKERS"


def mark_stage(stage: str) -> None:
    """Append `stage` (one word: a stage, or `stage:step`) to the markers file, durably."""
    path = os.environ.get(STAGE_MARKERS_ENV)
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(stage + "\n")
        handle.flush()
        os.fsync(handle.fileno())
