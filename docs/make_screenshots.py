"""Take the screenshots in docs/ again: the review app's queue and one case (review_queue.png,
review_case.png) and a county page of the publication (county_page.png), from a run of the
bundled demo, in Debian's Chromium driven by Playwright.

    .venv/bin/python docs/make_screenshots.py [--out docs]

It runs the nightly flow over the demo corpus into a temporary folder (about half a minute:
Prefect starts a temporary server of its own), adds an admin account to that warehouse, serves
the review app on 127.0.0.1 and photographs the pages at 1366×768. Nothing outside the temporary
folder and `--out` is written; your own last run (`wsparcie status`) is left as it was. Look at
the pictures before you commit them: they are what the README shows.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import flows  # noqa: E402, F401 - quiet Prefect defaults before Prefect is imported
from extractors.fetch import FetchPolicy  # noqa: E402
from flows.demo import DEMO_DIR, SAMPLE_NOTICE, serve_directory  # noqa: E402
from flows.nightly import RunSettings, nightly  # noqa: E402
from review.accounts import add_user  # noqa: E402
from review.app import AppSettings, create_app  # noqa: E402
from review.cli import server_config  # noqa: E402
from warehouse.db import open_warehouse  # noqa: E402
from warehouse.gazetteer import load_gazetteer  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
LOGIN, PASSWORD = "admin", "zrzuty-ekranu-demo"
COUNTY_PAGE = Path("powiaty") / "2816_piski" / "index.html"
COUNTY_NEED = "terapia logopedyczna"  # "Czego szukasz?" as a parent would use it


def run_demo(out: Path) -> Path:
    """The demo's nightly run into `out`, as `wsparcie demo` does it; returns the warehouse."""
    db = out / "directory.duckdb"
    gazetteer = DEMO_DIR / "gazetteer"
    with open_warehouse(db) as con:
        load_gazetteer(
            con,
            terc=gazetteer / "terc.csv",
            simc=gazetteer / "simc.csv",
            pna=gazetteer / "pna.csv",
        )
    with serve_directory(DEMO_DIR / "corpus") as url:
        summary = nightly(
            RunSettings(
                catalogue=DEMO_DIR / "sources",
                db=db,
                out=out,
                policy=FetchPolicy(delay_seconds=0.0, allow_addresses=("127.0.0.1",)),
                placeholders=(("demo", url),),
                notice=SAMPLE_NOTICE,
            )
        )
    if summary.status != "completed":
        raise SystemExit(f"the demo run ended {summary.status}: no screenshots taken")
    return db


def case_to_show(db: Path) -> str:
    """The pair the matcher was least sure about: the case page with the most to show."""
    with open_warehouse(db) as con:
        row = con.execute(
            "SELECT case_id FROM review_cases WHERE kind = 'pair'"
            " ORDER BY priority DESC, case_id LIMIT 1"
        ).fetchone()
    if row is None:
        raise SystemExit("the demo run raised no pair for review: nothing to photograph")
    return str(row[0])


@contextmanager
def review_app(db: Path) -> Iterator[str]:
    """The review app over `db` on a free loopback port, plain http; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    app = create_app(AppSettings(db=db, secret=b"zrzuty-" * 5, secure_cookies=False))
    server = uvicorn.Server(server_config(app, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("the review app did not start")
        threading.Event().wait(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def photograph(db: Path, publication: Path, folder: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    case = case_to_show(db)
    with open_warehouse(db) as con:
        add_user(con, LOGIN, PASSWORD, [], is_admin=True)
    taken = []
    with review_app(db) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(
            base_url=base, viewport={"width": 1366, "height": 768}, locale="pl-PL"
        )
        page = context.new_page()
        page.goto("/kolejka")  # the queue sends a visitor to the login form, and back
        page.fill("input[name=login]", LOGIN)
        page.fill("input[name=haslo]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/kolejka")
        for name, path in (
            ("review_queue.png", "/kolejka?rodzaj=pair&stan=wszystkie"),
            ("review_case.png", f"/sprawa/{case}"),
        ):
            page.goto(path)
            page.screenshot(path=str(folder / name))
            taken.append(folder / name)
        page.goto((publication / COUNTY_PAGE).as_uri())
        page.get_by_label("Rodzaj pomocy").select_option(label=COUNTY_NEED)
        page.screenshot(path=str(folder / "county_page.png"))
        taken.append(folder / "county_page.png")
        browser.close()
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="where the PNGs go")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wsparcie-screenshots-") as tmp:
        out = Path(tmp)
        db = run_demo(out)
        for path in photograph(db, out / "dane", args.out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
