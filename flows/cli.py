"""The `wsparcie` command line: one verb per job, calling the functions the flows call."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import flows  # noqa: F401 - quiet Prefect defaults before Prefect is imported
from extractors.catalogue import CatalogueError, check_catalogue
from warehouse.db import WarehouseError

log = logging.getLogger("wsparcie")
_FOUND_DB = (
    "DuckDB warehouse file (default: $WSPARCIE_DB, else db in wsparcie.toml, else the last "
    "one `wsparcie run` or `demo` wrote)"
)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
        stream=sys.stderr,
    )
    # Library chatter a user cannot act on stays out of the way unless asked for.
    for noisy in ("urllib3", "prefect", "httpx", "asyncio", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


def cmd_sources_check(args: argparse.Namespace) -> int:
    from extractors.parsers import parser_names

    sources, problems = check_catalogue(Path(args.sources), parser_names())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.sources}", file=sys.stderr)
        return 1
    counties = len({s.county for s in sources})
    print(f"{len(sources)} source(s) in {counties} county/ies: all declarations are valid")
    return 0


def _print_summary(summary: object, started: float) -> None:
    from flows.nightly import RunSummary

    assert isinstance(summary, RunSummary)
    statuses: dict[str, int] = {}
    for outcome in summary.outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    extracted = sum(o.records or 0 for o in summary.outcomes if o.status == "extracted")
    print(f"run {summary.run_id}: {summary.status} in {time.monotonic() - started:.0f} s")
    print(
        f"sources: {len(summary.outcomes)} ("
        + ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
        + ")"
    )
    for outcome in summary.outcomes:
        if outcome.status in ("failed", "below_minimum") or (outcome.message or "").startswith(
            "warning"
        ):
            print(f"  {outcome.source}: {outcome.status}: {outcome.message}")
    print(f"records extracted this run: {extracted}; records in the directory: {summary.records}")
    if summary.match:
        print(f"institutions: {summary.match.institutions}")
    if summary.per_county_sector:
        print("institutions per county and sector:")
        width = max(len(f"{t} {n}") for t, n, _s, _c in summary.per_county_sector)
        for teryt, name, sector, count in summary.per_county_sector:
            print(f"  {f'{teryt} {name}':<{width}}  {sector:<18} {count:>4}")
    if summary.publication:
        print(f"published: {summary.publication.path} ({len(summary.publication.files)} files)")


def _run(settings: object, started: float) -> int:
    from flows.nightly import RunSettings, nightly
    from flows.progress import Progress

    assert isinstance(settings, RunSettings)
    try:
        summary = nightly(settings, Progress())
    except CatalogueError as exc:
        print(exc, file=sys.stderr)
        return 1
    except WarehouseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _print_summary(summary, started)
    print(f"warehouse: {settings.db}")
    return 0 if summary.status == "completed" else 2


def cmd_run(args: argparse.Namespace) -> int:
    from flows.nightly import RunSettings
    from flows.serve import run_options

    started = time.monotonic()
    db = Path(args.db)
    if args.gazetteer:
        _load_gazetteer_dir(Path(args.gazetteer), db)
    settings = RunSettings(
        catalogue=Path(args.sources),
        db=db,
        out=Path(args.out),
        archive=Path(args.archive) if args.archive else None,
        replay=tuple(args.replay),
        **run_options(args),
    )
    return _remember("run", settings, _run(settings, started))


def cmd_demo(args: argparse.Namespace) -> int:
    from extractors.fetch import FetchPolicy
    from flows.demo import DEMO_DIR, SAMPLE_NOTICE, serve_directory
    from flows.nightly import RunSettings

    started = time.monotonic()
    out = Path(args.out)
    db = out / "directory.duckdb"
    _load_gazetteer_dir(DEMO_DIR / "gazetteer", db)
    print("DEMO: sample data served from 127.0.0.1; contact details in it are invented.")
    with serve_directory(DEMO_DIR / "corpus") as base_url:
        settings = RunSettings(
            catalogue=DEMO_DIR / "sources",
            db=db,
            out=out,
            archive=out / "archive",
            # Our own loopback server: no one to be polite to, and the one internal address
            # the fetcher may reach (it refuses every other).
            policy=FetchPolicy(delay_seconds=0.0, allow_addresses=("127.0.0.1",)),
            placeholders=(("demo", base_url),),
            notice=SAMPLE_NOTICE,
        )
        code = _remember("demo", settings, _run(settings, started))
    print("DEMO: the published files are sample data (see UWAGA.txt beside them).")
    return code


def _remember(command: str, settings: object, code: int) -> int:
    """Record the warehouse a run wrote (exit 0 or 2), for `status`, `review` and `publish`."""
    from flows.nightly import RunSettings
    from flows.settings import record_last_run

    assert isinstance(settings, RunSettings)
    if code in (0, 2):
        record_last_run(command, settings.db, settings.out)
    return code


def _locate(args: argparse.Namespace) -> None:
    """Fill in the warehouse (and the publication folder) the verb works on when no flag names
    them (flows/settings.py), and say on stderr which one and why."""
    from flows.settings import find_output, find_warehouse

    if getattr(args, "find_db", False) or args.verb == "review":
        found = find_warehouse(args.db)
        args.db = str(found.path)
        print(f"warehouse: {found.path} ({found.reason})", file=sys.stderr)
    if getattr(args, "find_out", False):
        found = find_output(args.out)
        args.out = str(found.path)
        print(f"publication folder: {found.path} ({found.reason})", file=sys.stderr)


def _load_gazetteer_dir(folder: Path, db: Path) -> None:
    from warehouse.db import open_warehouse
    from warehouse.gazetteer import load_gazetteer

    with open_warehouse(db) as con:
        load_gazetteer(
            con,
            terc=folder / "terc.csv",
            simc=folder / "simc.csv" if (folder / "simc.csv").exists() else None,
            pna=folder / "pna.csv" if (folder / "pna.csv").exists() else None,
        )


def cmd_extract(args: argparse.Namespace) -> int:
    from flows.inspect import ExtractOneError, extract_one, format_rows
    from warehouse.national_gazetteer import active_gazetteer_files, default_gazetteer

    options: dict[str, str] = {}
    for item in args.option:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            print(f"--option {item!r}: expected NAME=VALUE", file=sys.stderr)
            return 1
        options[name.strip()] = value.strip()
    # a warehouse named with --db brings its own gazetteer; otherwise the national one
    gazetteer = None
    if not args.db:
        gazetteer = default_gazetteer()
        print(f"places: {active_gazetteer_files().describe()}", file=sys.stderr)
    try:
        rows = extract_one(
            args.target,
            county=args.county,
            parser=args.parser,
            gazetteer_db=Path(args.db) if args.db else None,
            url=args.url,
            options=options,
            gazetteer=gazetteer,
        )
    except ExtractOneError as exc:
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.write(format_rows(rows, args.format))
    return 0


def cmd_gazetteer_load(args: argparse.Namespace) -> int:
    from warehouse.db import open_warehouse
    from warehouse.gazetteer import load_gazetteer

    with open_warehouse(Path(args.db)) as con:
        counts = load_gazetteer(con, terc=args.terc, simc=args.simc, pna=args.pna)
    print(counts)
    return 0


def cmd_gazetteer_update(args: argparse.Namespace) -> int:
    from warehouse.gazetteer import GazetteerLoadError
    from warehouse.national_gazetteer import update_gazetteer

    try:
        report = update_gazetteer(terc=args.terc, simc=args.simc, pna=args.pna)
    except GazetteerLoadError as exc:
        print(f"error: {exc}; the gazetteer in use is unchanged", file=sys.stderr)
        return 1
    print(
        f"installed: {report.installed.describe()} "
        f"({report.localities} localities, {report.postal_codes} postal-code rows)"
    )
    if report.replaced is None:
        print("replaced: nothing (no readable gazetteer was installed)")
    elif report.replaced.origin == "user":
        print(f"replaced: {report.replaced.describe()}")
    else:
        print(
            f"replaced: {report.replaced.describe()} (it stays in the package; delete "
            f"{report.installed.folder} to use it again)"
        )
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from warehouse.db import open_warehouse
    from warehouse.publish import write_publication

    with open_warehouse(Path(args.db)) as con:
        publication = write_publication(con, Path(args.out))
    print(f"published {publication.institutions} institutions to {publication.path}")
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    from transforms.er.standalone import match_file

    try:
        summary = match_file(Path(args.records), Path(args.out))
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"{summary.records} records in {summary.clusters} clusters "
        f"({summary.pairs_scored} pairs scored, {summary.review_cases} for review) "
        f"in {summary.seconds:.0f} s: {args.out}"
    )
    return 0


def cmd_docs_schema(args: argparse.Namespace) -> int:
    from warehouse.schema_docs import write_schema_docs

    written = write_schema_docs(Path(args.db), Path(args.out))
    print(f"data dictionary written to {written}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from flows.serve import add_run_arguments, add_serve_arguments, cmd_serve
    from flows.status import print_status

    parser = argparse.ArgumentParser(
        prog="wsparcie",
        description="A directory of support services for children, students and families.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    demo = verbs.add_parser("demo", help="run the nightly flow on the bundled sample corpus")
    demo.add_argument("--out", default="out/demo", help="output folder (default: out/demo)")
    demo.set_defaults(func=cmd_demo)

    run = verbs.add_parser("run", help="run the nightly flow on a source catalogue")
    run.add_argument("--sources", default="sources", help="catalogue folder (default: sources)")
    run.add_argument("--db", required=True, help="DuckDB warehouse file")
    run.add_argument("--out", required=True, help="folder for the published files")
    run.add_argument("--archive", help="raw response archive (default: beside the database)")
    run.add_argument("--gazetteer", help="folder with terc.csv, simc.csv, pna.csv to load first")
    run.add_argument(
        "--replay",
        action="append",
        type=Path,
        default=[],
        help="answer fetches from a WARC file or a folder of saved pages (repeatable)",
    )
    add_run_arguments(run)
    run.set_defaults(func=cmd_run)

    serve = verbs.add_parser("serve", help="serve the nightly deployment with a cron schedule")
    add_serve_arguments(serve)
    serve.set_defaults(func=cmd_serve)

    status = verbs.add_parser("status", help="the last run and the sources failing or drifting")
    status.add_argument("--db", help=_FOUND_DB)
    status.set_defaults(func=lambda a: print_status(Path(a.db)), find_db=True)

    sources = verbs.add_parser("sources", help="the source catalogue")
    source_verbs = sources.add_subparsers(dest="sources_verb", required=True, metavar="VERB")
    check = source_verbs.add_parser("check", help="validate every declaration, report all problems")
    check.add_argument("sources", nargs="?", default="sources", help="catalogue folder")
    check.set_defaults(func=cmd_sources_check)

    extract = verbs.add_parser("extract", help="show what one page or file yields")
    extract.add_argument("target", metavar="URL_OR_PATH")
    extract.add_argument("--county", help="TERYT powiat the page belongs to (4 digits)")
    extract.add_argument("--format", choices=("table", "jsonl"), default="table")
    extract.add_argument("--parser", help="a parser name instead of detection")
    extract.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a declaration option for --parser, e.g. sheet=Arkusz1 (repeatable)",
    )
    extract.add_argument(
        "--url", help="the address a saved file was fetched from (host rules, links)"
    )
    extract.add_argument(
        "--db", help="a warehouse whose gazetteer places the records (default: the national one)"
    )
    extract.set_defaults(func=cmd_extract)

    gazetteer = verbs.add_parser("gazetteer", help="TERYT and postal-code reference data")
    gazetteer_verbs = gazetteer.add_subparsers(dest="gazetteer_verb", required=True, metavar="VERB")
    gload = gazetteer_verbs.add_parser("load", help="load TERC, SIMC and PNA files (path or URL)")
    gload.add_argument("--db", required=True)
    gload.add_argument("--terc", required=True)
    gload.add_argument("--simc")
    gload.add_argument("--pna")
    gload.set_defaults(func=cmd_gazetteer_load)
    gupdate = gazetteer_verbs.add_parser(
        "update",
        help="rebuild the national gazetteer from newer TERC, SIMC and PNA files (path or URL) "
        "into your data folder ($XDG_DATA_HOME/wsparcie/gazetteer), where it wins over the "
        "copy shipped with the package",
    )
    gupdate.add_argument("--terc", required=True)
    gupdate.add_argument("--simc", required=True)
    gupdate.add_argument("--pna", required=True)
    gupdate.set_defaults(func=cmd_gazetteer_update)

    match = verbs.add_parser("match", help="cluster a standalone csv/parquet file of records")
    match.add_argument("records", metavar="RECORDS", help="csv or parquet with record_id, name, …")
    match.add_argument("--out", required=True, help="CLUSTERS.csv to write (record_id,cluster_id)")
    match.set_defaults(func=cmd_match)

    docs = verbs.add_parser("docs", help="documentation generated from the warehouse")
    docs_verbs = docs.add_subparsers(dest="docs_verb", required=True, metavar="VERB")
    schema = docs_verbs.add_parser("schema", help="the data dictionary from the table comments")
    schema.add_argument("--db", default="out/demo/directory.duckdb")
    schema.add_argument("--out", default="docs/schema.md")
    schema.set_defaults(func=cmd_docs_schema)

    from review.cli import add_review_parser

    add_review_parser(verbs)

    from api.cli import add_api_parser

    add_api_parser(verbs)

    pub = verbs.add_parser("publish", help="write the open-data files from a warehouse")
    pub.add_argument("--db", help=_FOUND_DB)
    pub.add_argument("--out", help="folder for the published files (default: found like --db)")
    pub.set_defaults(func=cmd_publish, find_db=True, find_out=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from flows.settings import SettingsError

    args = build_parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        _locate(args)
        return int(args.func(args))
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (WarehouseError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
