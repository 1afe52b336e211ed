"""Load-test the explorer's HTTP API on a large synthetic database.

    python benchmarks/bench_web.py                       # 1,000,000 events, 10,000 requests
    python benchmarks/bench_web.py --events 100000 --requests 2000 --db /tmp/web.duckdb

Builds (or reuses, with --db) a DuckDB file of N synthetic events plus a few hundred small
coded documents, starts ``python -m polybius.web`` on a free 127.0.0.1 port, and sends a
fixed mix of API requests from C concurrent clients (httpx, keep-alive). All traffic goes
to 127.0.0.1; the run is bounded by --requests and --max-seconds and stops by itself.
Prints throughput and p50/p99 latency per endpoint.
Acceptance (issue 8, 2-core machine): p99 < 200 ms for events search and dyad, 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

from polybius.store import Store
from polybius.synthetic import COUNTRIES, load_synthetic, synthetic_documents

HOST = "127.0.0.1"
ERROR_SAMPLES: list[str] = []
CACHE_HITS: dict[str, int] = defaultdict(int)


def build(path: Path, n_events: int) -> None:
    start = time.perf_counter()
    with Store.open(path) as store:
        store.add_many(synthetic_documents(300, seed=1))
        load_synthetic(store, n_events, seed=0)
        counts = store.counts()
    print(
        f"built {path}: {counts['events']:,} events, {counts['reports']:,} reports "
        f"in {time.perf_counter() - start:.1f} s"
    )


def request_mix(n: int, seed: int) -> list[tuple[str, str, dict[str, Any]]]:
    """``n`` (endpoint name, path, params): searches and dyads dominate, as in real use."""
    rnd = random.Random(seed)
    busy = COUNTRIES[:30]
    out: list[tuple[str, str, dict[str, Any]]] = []
    for _ in range(n):
        roll = rnd.random()
        a, b = rnd.sample(busy, 2)
        year = rnd.randint(1995, 2019)
        if roll < 0.45:
            params: dict[str, Any] = {"limit": 50}
            choice = rnd.random()
            if choice < 0.3:
                params["actor"] = a
            elif choice < 0.5:
                params["dyad"] = f"{a},{b}"
            elif choice < 0.65:
                params |= {"source": a, "code": f"{rnd.randint(1, 20):02d}"}
            elif choice < 0.8:
                params |= {"since": f"{year}-01-01", "until": f"{year}-12-31"}
            elif choice < 0.9:
                params |= {"quad_class": rnd.randint(1, 4), "actor": a}
            if rnd.random() < 0.3:
                params["sort"] = rnd.choice(["goldstein", "reports", "date"])
                params["order"] = rnd.choice(["asc", "desc"])
            if rnd.random() < 0.2:
                params["offset"] = rnd.choice([50, 100, 500])
            out.append(("events search", "/api/events", params))
        elif roll < 0.85:
            by = rnd.choice(["month", "month", "year", "week"])
            out.append(("dyad series", "/api/dyad", {"a": a, "b": b, "by": by}))
        elif roll < 0.9:
            out.append(("event detail", f"/api/events/syn{rnd.randrange(1_000_000)}", {}))
        elif roll < 0.95:
            params = {"n": 20, "since": f"{year}-01-01", "until": f"{year}-12-31"}
            out.append(("top actors", "/api/actors/top", params))
        else:
            params = {"since": f"{year}-01-01", "until": f"{year}-12-31", "max_edges": 100}
            out.append(("network", "/api/network", params))
    return out


async def run_load(
    base: str, mix: list[tuple[str, str, dict[str, Any]]], clients: int, max_seconds: float
) -> tuple[dict[str, list[float]], dict[str, int], float]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    queue = list(reversed(mix))
    samples = ERROR_SAMPLES
    hits = CACHE_HITS
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    async def client_loop(client: httpx.AsyncClient) -> None:
        while queue and time.monotonic() < deadline:
            name, path, params = queue.pop()
            start = time.perf_counter()
            try:
                response = await client.get(path, params=params)
                ok = response.status_code == 200 or (
                    name == "event detail" and response.status_code == 404
                )
                why = f"HTTP {response.status_code}"
                if response.headers.get("x-polybius-cache") == "hit":
                    hits[name] += 1
            except httpx.HTTPError as exc:
                ok, why = False, f"{type(exc).__name__}: {exc}"
            latencies[name].append(time.perf_counter() - start)
            if not ok:
                errors[name] += 1
                if len(samples) < 5:
                    samples.append(f"{name} {path} {params}: {why}")

    # One client (one keep-alive connection) per simulated user: a single httpx pool
    # shared by 50 tasks is itself the bottleneck (about 170 requests/s on a no-op server).
    pool = [httpx.AsyncClient(base_url=base, limits=limits, timeout=30) for _ in range(clients)]
    try:
        start = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for client in pool))
        elapsed = time.perf_counter() - start
    finally:
        for client in pool:
            await client.aclose()
    return latencies, errors, elapsed


_NOOP_SERVER = """
import sys, uvicorn
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def _start(command: list[str], base: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            httpx.get(base + "/api/summary", timeout=2)
            return server
        except httpx.HTTPError:
            if server.poll() is not None:
                raise SystemExit("the server did not start") from None
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def baseline(clients: int, requests: int) -> float:
    """Requests/s of this client against a server that does nothing: the ceiling here."""
    port = _free_port()
    base = f"http://{HOST}:{port}"
    server = _start([sys.executable, "-c", _NOOP_SERVER, str(port)], base)
    try:
        mix = [("no-op", "/api/noop", {})] * requests
        latencies, _, elapsed = asyncio.run(run_load(base, mix, clients, 120))
    finally:
        server.terminate()
        server.wait(timeout=20)
    values = latencies["no-op"]
    print(
        f"baseline: this client against a no-op server: {len(values) / elapsed:,.0f} requests/s,"
        f" p50 {_pct(values, 0.5):.1f} ms, p99 {_pct(values, 0.99):.1f} ms"
    )
    return len(values) / elapsed


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--max-seconds", type=float, default=600.0)
    parser.add_argument(
        "--cache-mb", type=int, default=64, help="The server's answer cache (0: none)."
    )
    parser.add_argument("--db", type=Path, help="Reuse (or create) this database file.")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args(argv)

    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = Path(tmp.name) / "web.duckdb"
    if not db.exists():
        build(db, args.events)
    port = _free_port()
    base = f"http://{HOST}:{port}"
    command = [sys.executable, "-m", "polybius.web", "--db", str(db), "--port", str(port)]
    started = time.perf_counter()
    server = _start([*command, "--cache-mb", str(args.cache_mb)], base)
    print(f"server ready in {time.perf_counter() - started:.1f} s")
    try:
        warm = request_mix(200, seed=99)
        asyncio.run(run_load(base, warm, 10, 60))
        CACHE_HITS.clear()
        mix = request_mix(args.requests, seed=7)
        latencies, errors, elapsed = asyncio.run(
            run_load(base, mix, args.clients, args.max_seconds)
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
        if tmp is not None:
            tmp.cleanup()

    done = sum(len(v) for v in latencies.values())
    print(
        f"\n{done:,} requests ({args.clients} concurrent clients) in {elapsed:.1f} s: "
        f"{done / elapsed:,.0f} requests/s, {sum(errors.values())} errors"
    )
    print(
        f"{'endpoint':<16}{'requests':>9}{'errors':>8}{'cached':>8}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'max ms':>9}"
    )
    figures: dict[str, Any] = {"requests": done, "seconds": elapsed, "per_endpoint": {}}
    for name, values in sorted(latencies.items()):
        p50, p99 = _pct(values, 0.5), _pct(values, 0.99)
        print(
            f"{name:<16}{len(values):>9}{errors[name]:>8}{CACHE_HITS[name]:>8}{p50:>9.1f}{p99:>9.1f}"
            f"{max(values) * 1000:>9.1f}"
        )
        figures["per_endpoint"][name] = {
            "requests": len(values),
            "errors": errors[name],
            "cache_hits": CACHE_HITS[name],
            "p50_ms": p50,
            "p99_ms": p99,
            "mean_ms": statistics.fmean(values) * 1000,
        }
    ceiling = baseline(args.clients, min(args.requests, 3000))
    figures["baseline_requests_per_s"] = ceiling
    for sample in ERROR_SAMPLES:
        print("error:", sample)
    print(f"load average after the run: {os.getloadavg()}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    target = all(
        figures["per_endpoint"].get(k, {}).get("p99_ms", 0) < 200
        for k in ("events search", "dyad series")
    )
    ok = done == args.requests and not sum(errors.values())
    print(f"acceptance (p99 < 200 ms for events search and dyad, 0 errors): {target and ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
