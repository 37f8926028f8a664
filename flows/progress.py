"""Progress of long commands: one updating line on a terminal, plain log lines elsewhere."""

from __future__ import annotations

import logging
import sys
import threading
from typing import TextIO

log = logging.getLogger("wsparcie")


class Progress:
    """`stage("fetch", total=20)`, then `advance(detail)` per source; `done()` ends the line."""

    def __init__(self, stream: TextIO | None = None, interactive: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.name = ""
        self.total = 0
        self.count = 0
        self._lock = threading.Lock()

    def stage(self, name: str, total: int = 0) -> None:
        with self._lock:
            self._end_line()
            self.name, self.total, self.count = name, total, 0
            if self.interactive:
                self._draw("")
            else:
                log.info("stage %s%s", name, f" ({total})" if total else "")

    def advance(self, detail: str = "") -> None:
        with self._lock:
            self.count += 1
            if self.interactive:
                self._draw(detail)
            else:
                log.info("%s %d/%d %s", self.name, self.count, self.total, detail)

    def done(self) -> None:
        with self._lock:
            self._end_line()

    def _draw(self, detail: str) -> None:
        counter = f" {self.count}/{self.total}" if self.total else ""
        line = f"\r\033[K{self.name}{counter} {detail}"[:200]
        self.stream.write(line)
        self.stream.flush()

    def _end_line(self) -> None:
        if self.interactive and self.name:
            self.stream.write("\n")
            self.stream.flush()
            self.name = ""
