"""`wsparcie api serve`: the HSDS API over a published snapshot, on uvicorn.

`add_api_parser(verbs)` registers the verb on the `wsparcie` parser (flows/cli.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from api.snapshot import SnapshotUnavailable

DEFAULT_SNAPSHOT = "out/demo/directory-snapshot.duckdb"


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import SNAPSHOT_ENV, ApiSettings, create_app

    snapshot = Path(args.snapshot).resolve()
    try:
        app = create_app(ApiSettings(snapshot=snapshot))
    except SnapshotUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"HSDS API: http://{args.host}:{args.port}/ over {snapshot}, {args.workers} process(es)"
        " (a newly published snapshot is picked up without a restart; Ctrl+C stops it)"
    )
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "log_level": "warning",
        "access_log": False,
    }
    if args.workers == 1:
        uvicorn.run(app, **options)
        return 0
    # Each worker process opens the snapshot itself (read-only; DuckDB allows many readers).
    app.state.store.close()
    os.environ[SNAPSHOT_ENV] = str(snapshot)
    uvicorn.run("api.app:app_from_environment", factory=True, workers=args.workers, **options)
    return 0


def add_api_parser(verbs: Any) -> None:
    """Register `api serve` on the subparsers object of the `wsparcie` parser."""
    api = verbs.add_parser("api", help="the Open Referral HSDS 3.0 API over the snapshot")
    api_verbs = api.add_subparsers(dest="api_verb", required=True, metavar="VERB")
    serve = api_verbs.add_parser("serve", help="serve the API (read-only, open, CORS *)")
    serve.add_argument(
        "--snapshot",
        default=DEFAULT_SNAPSHOT,
        help=f"the analysts' snapshot the publish stage writes (default: {DEFAULT_SNAPSHOT})",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8081, help="port (default: 8081)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes answering requests (default 1; one per core serves most)",
    )
    serve.set_defaults(func=cmd_serve)
