"""Time the store's analysis queries on a large synthetic corpus.

    python benchmarks/bench_store.py                 # 10,000,000 events
    python benchmarks/bench_store.py --events 100000 --plots /tmp/plots

Loads N synthetic events (polybius.synthetic.load_synthetic, bulk Arrow inserts) into a
fresh DuckDB file, then times each query a few times and prints the best and median.
Targets (issue 7, 2-core machine): dyad-by-month < 0.5 s, top-actors < 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from polybius import analyse
from polybius.store import Store
from polybius.synthetic import load_synthetic


def _time(function: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=None, help="database file (default: temp)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    parser.add_argument(
        "--plots", type=Path, default=None, help="also write dyad and network PNGs here"
    )
    args = parser.parse_args(argv)

    directory = tempfile.mkdtemp(prefix="polybius-bench-")
    path = args.db or Path(directory) / "bench.duckdb"
    if path.exists():
        path.unlink()
    print(f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    with Store.open(path) as store:
        start = time.perf_counter()
        load_synthetic(store, args.events)
        store.connection.execute("CHECKPOINT")
        load = time.perf_counter() - start
        print(f"loaded {args.events:,} events in {load:.1f} s ({path})")
        queries: list[tuple[str, Callable[[], Any], float | None]] = [
            ("dyad RUS-CHN by month", lambda: analyse.dyad(store, "RUS", "CHN"), 0.5),
            ("dyad USA-IRN by month", lambda: analyse.dyad(store, "USA", "IRN"), 0.5),
            ("top actors (20)", lambda: analyse.top_actors(store, n=20), 1.0),
            (
                "top actors by country",
                lambda: analyse.top_actors(store, n=20, level="country"),
                1.0,
            ),
            ("network edges (all)", lambda: analyse.network_edges(store), None),
            ("network graph (all)", lambda: analyse.network(store), None),
            (
                "network graph 1998-2000",
                lambda: analyse.network(
                    store,
                    since=__import__("datetime").date(1998, 1, 1),
                    until=__import__("datetime").date(2000, 12, 31),
                ),
                None,
            ),
            ("timeline PRK", lambda: analyse.timeline(store, "PRK"), None),
        ]
        print(f"\n{'query':<26}{'best s':>9}{'median s':>10}{'target':>8}  rows")
        for name, function, target in queries:
            best, median, result = _time(function, args.repeat)
            rows = result.number_of_edges() if hasattr(result, "number_of_edges") else len(result)
            mark = "" if target is None else ("ok" if median < target else "SLOW")
            goal = "" if target is None else f"<{target}"
            print(f"{name:<26}{best:>9.3f}{median:>10.3f}{goal:>8}  {rows} {mark}")
        if args.plots is not None:
            from polybius.plot import plot_dyad, plot_network

            start = time.perf_counter()
            dyad_png = plot_dyad(store, "RUS", "CHN", args.plots / "dyad_rus_chn.png", by="year")
            graph = analyse.network(store, level="country")
            network_png = plot_network(graph, args.plots / "network.png", top=30)
            took = time.perf_counter() - start
            print(f"\nplots in {took:.1f} s: {dyad_png} {network_png}")
    if not args.keep and args.db is None:
        path.unlink()
        Path(directory).rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
