"""Gazetteer load time and memory, and date-finding speed; prints figures.

    python benchmarks/bench_gazetteer.py

Targets (issue 6): load under 2 s, under 300 MB added. Each load runs in a fresh
subprocess so imports and caches are counted honestly.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

_CHILD = r"""
import json, resource, time, tracemalloc
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
from polybius.when_where.places import Gazetteer
g = Gazetteer.build()
load_s = time.perf_counter() - t0
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
Gazetteer.build()
_, peak = tracemalloc.get_traced_memory()
names = ["Paris", "Georgia", "Kharkov", "Moscow", "Peking", "the Caucasus", "Ruritania"] * 2000
t1 = time.perf_counter()
for n in names:
    g.resolve(n, context_countries=("USA", "RUS"))
resolve_us = (time.perf_counter() - t1) / len(names) * 1e6
print(json.dumps({"load_s": load_s, "rss_mb": (rss1 - rss0) / 1024,
                  "tracemalloc_peak_mb": peak / 1e6, "names": len(g), "resolve_us": resolve_us}))
"""


def _dates() -> float:
    from polybius.when_where.dates import find_date_expressions

    text = (
        "The minister began a four-day visit yesterday and will meet tomorrow; talks held on "
        "October 22 and in early December may resume within the next two months. "
    ) * 50
    t0 = time.perf_counter()
    for _ in range(20):
        find_date_expressions(text)
    return len(text) * 20 / (time.perf_counter() - t0) / 1e6


def main() -> None:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True
        ).stdout
        runs.append(json.loads(out))
    best = min(r["load_s"] for r in runs)
    print(f"gazetteer names indexed:        {runs[0]['names']}")
    print(f"load time (best of 3):          {best:.2f} s   (target < 2 s)")
    all_runs = ", ".join(f"{r['load_s']:.2f}" for r in runs)
    print(f"load time (all runs):           {all_runs} s")
    print(f"RSS growth on load:             {runs[0]['rss_mb']:.0f} MB (target < 300 MB)")
    print(f"tracemalloc peak of a load:     {runs[0]['tracemalloc_peak_mb']:.0f} MB")
    print(f"resolve() per name:             {runs[0]['resolve_us']:.1f} µs")
    print(f"find_date_expressions:          {_dates():.2f} MB of text/s")


if __name__ == "__main__":
    main()
