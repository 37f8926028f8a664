"""The bundled demo: the sample corpus served over HTTP on 127.0.0.1, run like a live night.

The corpus in `demo/corpus/` is served by a real HTTP server on a free loopback port; the demo
catalogue's URLs name that server through the `{demo}` placeholder, so fetching, robots.txt,
charsets and conditional GETs go through exactly the code a live run uses.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"
SAMPLE_NOTICE = (
    "DANE PRZYKŁADOWE. Te pliki zbudowano z korpusu demonstracyjnego wsparcie (demo/corpus).\n"
    "Nazwy instytucji i miejscowości są prawdziwe, ale telefony, adresy ulic, e-maile, NIP i REGON\n"
    "są zmyślone. Nie używać jako źródła danych kontaktowych.\n"
    "SAMPLE DATA: built from the wsparcie demo corpus; contact details are invented."
)


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".ods": "application/vnd.oasis.opendocument.spreadsheet",
        ".xls": "application/vnd.ms-excel",
        ".csv": "text/csv",
    }

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        return


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port; yields the base URL."""
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: the demo corpus is missing (is this a full checkout?)")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, name="demo-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
