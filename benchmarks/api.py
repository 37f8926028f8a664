"""Load on the HSDS API: Debian's `wrk` over loopback against `wsparcie api serve` on a
published snapshot, asking for `/services?page=N` with N random over every page.

    flock /work/bench.lock .venv/bin/python benchmarks/api.py --snapshot RUN/out/directory-snapshot.duckdb

The snapshot should be the national synthetic directory's: `benchmarks/national.py --keep`
leaves one in its run folder (RUN/out/directory-snapshot.duckdb); to serve it with the code of
today, publish the kept warehouse again first (`wsparcie publish --db RUN/directory.duckdb
--out RUN/out`, about a minute), which writes the HSDS tables the API reads.

The API runs as its own process (`python -m flows.cli api serve`), wrk in another: both share
the machine's cores, as they would on a small server. A warm-up run (not counted) precedes the
measured one. wrk's Lua `done` hook reports the latency percentiles and the non-2xx count as
JSON. Aims (issue #18): at least 500 requests/s and p95 under 50 ms at 32 connections on
2 cores. Report the load average beside the figures (it is printed and saved): on a shared
machine other jobs take cores from both processes, so the script also reports the CPU time
the API (all its processes) and wrk spent per request, and what two idle cores would answer
at that cost.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

REPO = Path(__file__).resolve().parents[1]

LUA = """
local pages = %(pages)d
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
init = function(args)
  math.randomseed(os.time() * 1000 + seed)
end
request = function()
  return wrk.format("GET", string.format("%(template)s", math.random(1, pages)))
end
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format(
    'WRK_JSON {"requests": %%d, "duration_us": %%d, "non2xx": %%d, "socket_errors": %%d,'
    .. ' "p50_ms": %%.2f, "p90_ms": %%.2f, "p95_ms": %%.2f, "p99_ms": %%.2f, "max_ms": %%.2f,'
    .. ' "mean_ms": %%.2f}\\n',
    summary.requests, summary.duration, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_api(snapshot: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "flows.cli", "api", "serve", "--snapshot", str(snapshot)]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(workers)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the API exited with {process.returncode}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return process
        except requests.ConnectionError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the API did not start within 120 s")


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its descendants so far (/proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                todo += [int(c) for c in children]
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_wrk(
    url: str, script: Path, *, threads: int, connections: int, seconds: int
) -> dict[str, Any]:
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("WRK_JSON "))
    figures: dict[str, Any] = json.loads(line.removeprefix("WRK_JSON "))
    figures["requests_per_s"] = round(figures["requests"] / (figures["duration_us"] / 1e6), 1)
    return figures


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, required=True, help="a published snapshot")
    parser.add_argument("--seconds", type=int, default=30, help="measured run (default 30)")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up run (default 5)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=1, help="API processes (default 1)")
    parser.add_argument(
        "--path",
        default="/services?page=%d",
        help="request path with %%d for the page (default /services?page=%%d)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install -y wrk)", file=sys.stderr)
        return 1
    port = free_port()
    api = start_api(args.snapshot.resolve(), port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        first = requests.get(f"{base}{args.path % 1}", timeout=30).json()
        pages = int(first["total_pages"])
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "pages.lua"
            script.write_text(LUA % {"pages": pages, "template": args.path}, encoding="utf-8")
            run_wrk(
                base,
                script,
                threads=args.threads,
                connections=args.connections,
                seconds=args.warmup,
            )
            load_before = os.getloadavg()
            server_before = process_tree_cpu(api.pid)
            wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            figures = run_wrk(
                base,
                script,
                threads=args.threads,
                connections=args.connections,
                seconds=args.seconds,
            )
            load_after = os.getloadavg()
            server_cpu = process_tree_cpu(api.pid) - server_before
            wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            wrk_cpu = (wrk_after.ru_utime - wrk_before.ru_utime) + (
                wrk_after.ru_stime - wrk_before.ru_stime
            )
    finally:
        api.terminate()
        api.wait(timeout=30)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores, {cpu_model()}",
        "snapshot": str(args.snapshot),
        "services": first["total_items"],
        "pages": pages,
        "path": args.path,
        "connections": args.connections,
        "wrk_threads": args.threads,
        "api_workers": args.workers,
        "seconds": args.seconds,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        **figures,
        # CPU per request, which other jobs on the machine disturb far less than the timings:
        # 2,000 ms of CPU a second over their sum is what two idle cores could answer.
        "server_cpu_ms_per_request": round(server_cpu * 1000 / figures["requests"], 3),
        "wrk_cpu_ms_per_request": round(wrk_cpu * 1000 / figures["requests"], 3),
    }
    report["two_idle_cores_estimate_per_s"] = round(
        2000 / (report["server_cpu_ms_per_request"] + report["wrk_cpu_ms_per_request"])
    )
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    aims = report["requests_per_s"] >= 500 and report["p95_ms"] < 50 and not report["non2xx"]
    print("aims (>= 500 req/s, p95 < 50 ms, no errors):", "met" if aims else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
