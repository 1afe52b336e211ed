"""Load-test the explorer's API with wrk, a load generator written in C.

The Python client of ``bench_web.py`` is itself the bottleneck on a 2-core machine (its p99
against a server that does nothing is near 300 ms), so this script measures the server
with ``wrk`` (Debian package ``wrk``; this script installs nothing) instead: one thread,
50 connections, events searches (one of 20 countries, a page of 50 at offsets 0-1000)
and dyad series (``by=month`` over random pairs of the same 20 countries, 400 pairs).
The server is what ``polybius serve`` runs, one process, with the answer cache off
(``--cache-mb 0``) so every request is computed. It prints the server command, the
machine's cores and its load average before and after, since other jobs on a 2-core
machine move the tail. Traffic goes to 127.0.0.1 only; each run is bounded in time.

    python benchmarks/bench_web_wrk.py --db /tmp/web1m.duckdb   # builds 1M events if absent
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import HOST, _free_port, _start, build  # noqa: E402

CODES = "USA RUS CHN GBR FRA DEU IRN ISR UKR IND PAK JPN KOR PRK SYR IRQ TUR EGY SAU AFG".split()
SCRIPT = """
local codes = {%(codes)s}
local kind = "%(kind)s"
math.randomseed(%(seed)d)
request = function()
  local a = codes[math.random(#codes)]
  local b = codes[math.random(#codes)]
  if kind == "dyad" then
    return wrk.format("GET", "/api/dyad?a=" .. a .. "&b=" .. b .. "&by=month")
  end
  local offset = math.random(0, 20) * 50
  return wrk.format("GET", "/api/events?actor=" .. a .. "&limit=50&offset=" .. offset)
end
"""
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if match is None:
        raise ValueError(text)
    return float(match.group(1)) * _UNITS[match.group(2)]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_wrk(base: str, kind: str, *, seconds: int, connections: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        codes = ", ".join(f'"{c}"' for c in CODES)
        script.write(SCRIPT % {"codes": codes, "kind": kind, "seed": 7})
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name, base],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    figures: dict[str, float] = {}
    for percent in ("50", "90", "99"):
        match = re.search(rf"^\s+{percent}%\s+(\S+)", output, re.MULTILINE)
        figures[f"p{percent}"] = _ms(match.group(1)) if match else float("nan")
    done = re.search(r"(\d+) requests in", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["requests"] = float(done.group(1)) if done else 0.0
    figures["rate"] = float(rate.group(1)) if rate else 0.0
    figures["errors"] = float(errors + (int(non2xx.group(1)) if non2xx else 0))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/web1m.duckdb"))
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=20, help="per endpoint")
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("SKIP: wrk is not installed (apt-get install wrk)")
        return 0
    if not args.db.exists():
        build(args.db, args.events)
    port = _free_port()
    base = f"http://{HOST}:{port}"
    command = [sys.executable, "-m", "polybius.web", "--db", str(args.db), "--port", str(port)]
    command += ["--cache-mb", "0"]
    print("server:", " ".join(["python", *command[1:]]), "(one process, answer cache off)")
    print(f"machine: {os.cpu_count()} cores, load average before {_load()}")
    started = time.perf_counter()
    server = _start(command, base)
    print(f"server ready in {time.perf_counter() - started:.1f} s")
    results = {}
    try:
        run_wrk(base, "events", seconds=3, connections=args.connections)  # warm up
        for kind in ("events", "dyad"):
            results[kind] = run_wrk(base, kind, seconds=args.seconds, connections=args.connections)
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(
        f"wrk -t1 -c{args.connections}, {args.seconds} s per endpoint; load average after {_load()}"
    )
    columns = ("requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors")
    print(f"{'endpoint':15} " + " ".join(f"{c:>8}" for c in columns))
    for kind, f in results.items():
        print(
            f"{kind:15} {f['requests']:9.0f} {f['rate']:8.0f} {f['p50']:8.1f} {f['p90']:8.1f} "
            f"{f['p99']:8.1f} {f['errors']:7.0f}"
        )
    ok = all(
        f["p99"] < 200 and f["errors"] == 0 and f["requests"] >= 10_000 for f in results.values()
    )
    print(f"acceptance (p99 < 200 ms, 0 errors, >= 10,000 requests each): {ok}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
