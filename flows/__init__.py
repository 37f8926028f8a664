"""Prefect flows and the `wsparcie` command line: orchestration only.

Prefect reads its settings from the environment when it is first imported, so the defaults
that keep a run quiet (no telemetry attempts from this offline machine, no chatty logs) are
set here, before any module of this package imports it. A user's own settings win.
"""

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
# The temporary server Prefect starts for a run without one needs more than its default 20 s on
# a busy two-core host; a nightly run should wait rather than fail.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
