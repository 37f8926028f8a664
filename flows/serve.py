"""`wsparcie serve`: the `nightly` flow as a scheduled Prefect deployment, served from here.

`serve_nightly` registers the deployment `nightly/nightly` with a cron schedule (default 02:00
Europe/Warsaw) on the Prefect server that PREFECT_API_URL names, then runs each scheduled (or
manually triggered) flow run in a subprocess of this process until it is stopped. At most one
run at a time: the warehouse has one writer, and the run lock refuses a second run anyway.
See docs/operations.md for starting a server and pointing the CLI at it.

The arguments (`add_serve_arguments`, `cmd_serve`) are shared by the CLI verb and by
`python -m flows.serve`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import flows  # noqa: F401 - quiet Prefect defaults before Prefect is imported
from flows.nightly import RunSettings, nightly
from flows.runners import RUNNERS

DEPLOYMENT_NAME = "nightly"
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Europe/Warsaw"


class ServeError(ValueError):
    """The schedule or the settings cannot be served; the message says what is wrong."""


def check_schedule(cron: str, timezone: str) -> None:
    """Reject a malformed cron expression or an unknown time zone before contacting Prefect."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ServeError(f"unknown time zone {timezone!r} (e.g. {DEFAULT_TIMEZONE!r})") from None
    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValidationError:
        raise ServeError(f"not a valid cron expression: {cron!r} (e.g. {DEFAULT_CRON!r})") from None


def build_deployment(
    settings: RunSettings,
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
    name: str = DEPLOYMENT_NAME,
) -> Any:
    """The RunnerDeployment of `nightly` with its schedule and the run settings as parameters."""
    from prefect.schedules import Cron

    check_schedule(cron, timezone)
    return nightly.to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters={"settings": settings.to_parameters()},
        description="wsparcie: fetch every source, rebuild and publish the directory",
        tags=["wsparcie"],
    )


def serve_nightly(
    settings: RunSettings,
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
    name: str = DEPLOYMENT_NAME,
) -> None:
    """Serve the scheduled `nightly` deployment until interrupted (blocks)."""
    from prefect import serve

    deployment = build_deployment(settings, cron, timezone, name)
    serve(deployment, limit=1, print_starting_message=True)


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", default="sources", help="catalogue folder (default: sources)")
    parser.add_argument("--db", required=True, help="DuckDB warehouse file")
    parser.add_argument("--out", required=True, help="folder for the published files")
    parser.add_argument("--archive", help="raw response archive (default: beside the database)")
    parser.add_argument(
        "--cron", default=DEFAULT_CRON, help=f"schedule (default: {DEFAULT_CRON!r})"
    )
    parser.add_argument(
        "--timezone",
        default=DEFAULT_TIMEZONE,
        help=f"of the schedule (default: {DEFAULT_TIMEZONE})",
    )
    parser.add_argument("--name", default=DEPLOYMENT_NAME, help="deployment name")
    add_run_arguments(parser)


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by `run` and `serve`: politeness, and where fetch+extract runs."""
    parser.add_argument(
        "--delay", type=float, default=1.0, help="seconds between requests to one host"
    )
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds before a request times out"
    )
    parser.add_argument(
        "--runner", choices=RUNNERS, default="threads", help="where fetch+extract runs"
    )
    parser.add_argument(
        "--workers", type=int, default=8, help="fetch threads, or local Dask worker processes"
    )
    parser.add_argument(
        "--dask-address", help="a running Dask scheduler (tcp://host:8786); implies --runner dask"
    )
    parser.add_argument(
        "--batch-size", type=int, default=20, help="sources per fetch+extract task (default 20)"
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="normalise, match and publish even when nothing changed (e.g. after an upgrade)",
    )
    parser.add_argument(
        "--full-match",
        action="store_true",
        help="match every record anew instead of only the night's changes (the clusters are "
        "the same; the matcher's kept state is rebuilt)",
    )


def run_options(args: argparse.Namespace) -> dict[str, Any]:
    """RunSettings keyword arguments from the options `add_run_arguments` defines."""
    return {
        "delay_seconds": args.delay,
        "timeout_seconds": args.timeout,
        "runner": "dask" if args.dask_address else args.runner,
        "workers": args.workers,
        "dask_address": args.dask_address,
        "batch_size": args.batch_size,
        "always_rebuild": args.rebuild,
        "full_match": args.full_match,
    }


def cmd_serve(args: argparse.Namespace) -> int:
    settings = RunSettings(
        catalogue=Path(args.sources).resolve(),
        db=Path(args.db).resolve(),
        out=Path(args.out).resolve(),
        archive=Path(args.archive).resolve() if args.archive else None,
        **run_options(args),
    )
    try:
        serve_nightly(settings, args.cron, args.timezone, args.name)
    except ServeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wsparcie serve", description="serve the nightly deployment with a cron schedule"
    )
    add_serve_arguments(parser)
    return cmd_serve(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
