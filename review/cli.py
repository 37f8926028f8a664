"""`wsparcie review …`: the review app and its store from the command line.

`add_review_parser(verbs)` registers the verbs on the `wsparcie` parser (flows/cli.py); each
`cmd_*` takes the parsed arguments and returns an exit code. The plain functions behind them
are the store's (warehouse.review_queue, warehouse.judgements, review.listing,
review.accounts), the same the web app calls.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from review.accounts import AccountError, User, add_user, disable_user, enable_user
from review.labels import KIND_SHORT, VERDICT_LABELS
from review.listing import CaseFilter, count_cases, list_cases
from review.records import record_names
from warehouse.db import open_warehouse
from warehouse.judgements import (
    decision_history,
    export_decisions,
    import_decisions,
    record_decision,
)
from warehouse.review_queue import CASE_KINDS, ReviewError, get_case

if TYPE_CHECKING:
    import uvicorn

    from review.app import AppSettings

# The CLI is a power user's tool on the warehouse itself: it sees every county.
_CLI_USER = User("cli", (), True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Hasło: ")
    if getpass.getpass("Powtórz hasło: ") != first:
        raise AccountError("the passwords differ")
    return first


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from review.app import create_app

    db = Path(args.db)
    if not db.exists():
        print(
            f"error: {db}: no such warehouse (run `wsparcie run` or `demo` first)", file=sys.stderr
        )
        return 1
    app = create_app(app_settings(args))
    print(f"review app: http://{args.host}:{args.port}/ (Ctrl+C stops it)")
    if args.insecure_cookies:
        print("cookies are not marked Secure (--insecure-cookies): for plain local use only")
    config = server_config(app, args.host, args.port, args.forwarded_allow_ips)
    uvicorn.Server(config).run()
    return 0


def app_settings(args: argparse.Namespace) -> AppSettings:
    """The app's settings from `serve`'s options: Secure cookies unless --insecure-cookies."""
    from review.app import AppSettings

    return AppSettings(db=Path(args.db), secure_cookies=not args.insecure_cookies)


def server_config(
    app: Any, host: str, port: int, forwarded_allow_ips: str | None = None
) -> uvicorn.Config:
    """How `serve` runs the app under uvicorn (the attack tests serve it the same way).

    X-Forwarded-For and X-Forwarded-Proto are read only from `forwarded_allow_ips` (the TLS
    proxy in front of the app); without it they are ignored, so a client cannot pick the
    address its failed logins are counted under."""
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
    )


def cmd_add_user(args: argparse.Namespace) -> int:
    try:
        password = _read_password(args.password_stdin)
        with open_warehouse(Path(args.db)) as con:
            user = add_user(con, args.login, password, args.county or [], is_admin=args.admin)
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    scope = "all counties (admin)" if user.is_admin else ", ".join(user.counties)
    print(f"user {user.login}: {scope}")
    return 0


def cmd_disable_user(args: argparse.Namespace) -> int:
    return _set_enabled(args.db, args.login, enabled=False)


def cmd_enable_user(args: argparse.Namespace) -> int:
    return _set_enabled(args.db, args.login, enabled=True)


def _set_enabled(db: str, login: str, *, enabled: bool) -> int:
    try:
        with open_warehouse(Path(db)) as con:
            (enable_user if enabled else disable_user)(con, login)
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"user {login}: " + ("enabled" if enabled else "disabled, its sessions ended"))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    status = None if args.status == "all" else args.status
    filters = CaseFilter(args.county, args.sector, args.kind, status)
    with open_warehouse(Path(args.db)) as con:
        cases = list_cases(con, _CLI_USER, filters, limit=args.limit)
        counts = count_cases(con, _CLI_USER, filters)
        names = record_names(con, [r for c in cases for r in c.case.record_ids()])
    for stored in cases:
        c = stored.case
        subject = " | ".join(names.get(r, r) for r in (c.record_a, c.record_b) if r)
        if c.kind == "field_conflict":
            subject = f"{c.institution_id} {c.field}: " + " / ".join(v for v, _r in c.values)
        score = f"{c.score:.2f}" if c.score is not None else "-"
        print(
            f"{stored.case_id}  {stored.status:<7} {c.powiat_teryt or '-':<4} "
            f"{KIND_SHORT.get(c.kind, c.kind):<15} {score:>5}  {subject}"
        )
    print(f"{counts.open} open, {counts.decided} decided", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from review.records import record_views

    with open_warehouse(Path(args.db)) as con:
        stored = get_case(con, args.case_id)
        if stored is None:
            print(f"error: no such case: {args.case_id}", file=sys.stderr)
            return 1
        views = record_views(con, stored.case.record_ids())
        history = decision_history(con, args.case_id)
    c = stored.case
    out: dict[str, Any] = {
        "case_id": stored.case_id,
        "kind": c.kind,
        "status": stored.status,
        "powiat_teryt": c.powiat_teryt,
        "counties": list(c.counties),
        "sector": c.sector,
        "institution_id": c.institution_id,
        "score": c.score,
        "priority": c.priority,
        "field": c.field,
        "values": [[v, list(r)] for v, r in c.values],
        "evidence": [[e.field, e.level, e.weight] for e in c.evidence],
        "records": [
            {"record_id": v.record_id, **{k: x for k, x in v.values.items() if x}}
            | ({"url": v.provenance.shown_url} if v.provenance else {})
            for v in views
        ],
        "decisions": [
            {
                "decision_id": d.decision_id,
                "verdict": d.verdict,
                "chosen_value": d.chosen_value,
                "comment": d.comment,
                "login": d.login,
                "decided_at": d.decided_at.isoformat(),
                "superseded_by": d.superseded_by,
            }
            for d in history
        ],
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    try:
        with open_warehouse(Path(args.db)) as con:
            decision = record_decision(
                con,
                args.case_id,
                args.verdict,
                args.login,
                comment=args.comment,
                chosen_value=args.value,
            )
    except ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{decision.decision_id}: {VERDICT_LABELS[decision.verdict]} ({decision.case_id})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_warehouse(Path(args.db)) as con:
        count = export_decisions(con, Path(args.path))
    print(f"{count} decision(s) written to {args.path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        with open_warehouse(Path(args.db)) as con:
            summary = import_decisions(con, Path(args.path))
    except ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{summary.added} decision(s) added, {summary.already_present} already present")
    return 0


def add_review_parser(verbs: Any) -> None:
    """Register `review` and its verbs on the subparsers object of the `wsparcie` parser."""
    review = verbs.add_parser("review", help="coordinators' review of match conflicts")
    sub = review.add_subparsers(dest="review_verb", required=True, metavar="VERB")

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
        # without --db, `wsparcie` finds the warehouse (flows/settings.py) before calling us
        parser.add_argument("--db", help="DuckDB warehouse file (default: the one found)")
        return parser

    serve = verb("serve", "run the review web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--insecure-cookies",
        action="store_true",
        help="do not mark cookies Secure and send no HSTS: only for plain http on this machine",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        metavar="ADDRESSES",
        help="trust X-Forwarded-For/-Proto from these addresses only (the TLS proxy), comma-separated",
    )
    # Secure is the default now; the old switch is still accepted so deploy scripts keep working.
    serve.add_argument("--secure-cookies", action="store_true", help=argparse.SUPPRESS)
    serve.set_defaults(func=cmd_serve)

    user = verb(
        "add-user",
        "create a coordinator (or reset their password and counties, ending their sessions)",
    )
    user.add_argument("login")
    user.add_argument("--county", action="append", help="TERYT powiat code (repeat for several)")
    user.add_argument("--admin", action="store_true", help="may review every county")
    user.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    user.set_defaults(func=cmd_add_user)

    disable = verb("disable-user", "refuse a user's logins and end their sessions now")
    disable.add_argument("login")
    disable.set_defaults(func=cmd_disable_user)

    enable = verb("enable-user", "let a disabled user log in again")
    enable.add_argument("login")
    enable.set_defaults(func=cmd_enable_user)

    listing = verb("list", "list review cases, most consequential first")
    listing.add_argument("--county")
    listing.add_argument("--sector")
    listing.add_argument("--kind", choices=CASE_KINDS)
    listing.add_argument("--status", choices=("open", "decided", "all"), default="open")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(func=cmd_list)

    show = verb("show", "show one case as JSON: records, evidence, decisions")
    show.add_argument("case_id")
    show.set_defaults(func=cmd_show)

    decide = verb("decide", "record a decision on a case")
    decide.add_argument("case_id")
    decide.add_argument("verdict", choices=tuple(VERDICT_LABELS))
    decide.add_argument("--login", required=True, help="who decides (recorded)")
    decide.add_argument("--comment")
    decide.add_argument(
        "--value", help="the current value (value_current), or the full name (full_name)"
    )
    decide.set_defaults(func=cmd_decide)

    export = verb("export", "write every decision to a CSV file")
    export.add_argument("path")
    export.set_defaults(func=cmd_export)

    load = verb("import", "add the decisions of a CSV file (idempotent)")
    load.add_argument("path")
    load.set_defaults(func=cmd_import)
