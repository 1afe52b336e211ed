"""Import every real Phoenix actor and agent dictionary; print entries, warned lines and time.

Usage: python benchmarks/bench_dictionaries.py [DICTIONARY_DIR]

The dictionaries come from the shared evaluation data (petrarch2's ``dictionaries/``),
which is not part of Polybius; the script says so and exits 0 when they are absent.
Each file is also written to knowledge-base YAML and loaded back with PyYAML, so a
file that imports but yields invalid YAML fails the run.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

from polybius.actors.dictionaries import (
    parse_tabari_actors,
    parse_tabari_agents,
    write_actors_yaml,
    write_agents_yaml,
)

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = (
    Path(os.environ.get("POLYBIUS_SHARED", REPO.parent / "shared"))
    / "eval/petrarch/raw/petrarch2/dictionaries"
)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    actor_files = sorted(folder.glob("Phoenix.*.actors.txt"))
    agent_files = sorted(folder.glob("Phoenix.agents.txt"))
    if not actor_files and not agent_files:
        print(f"SKIP: no Phoenix dictionaries in {folder} (shared evaluation data absent)")
        return 0
    logging.basicConfig(level=logging.ERROR)  # the per-line warnings are counted below
    header = f"{'file':36} {'kind':6} {'lines':>7} {'entries':>8} {'written':>8}"
    print(f"{header} {'warned':>7} {'read s':>7} {'write s':>7} {'load s':>7}")
    print(f"(YAML loaded with {LOADER.__name__})")
    total_entries = total_warned = 0
    total_read = total_write = total_load = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for path in [*actor_files, *agent_files]:
            kind = "agents" if path in agent_files else "actors"
            started = time.perf_counter()
            if kind == "actors":
                actors = parse_tabari_actors(path)
                entries, lines, warned = len(actors.actors), actors.lines, actors.warned_lines
            else:
                agents = parse_tabari_agents(path)
                entries, lines, warned = len(agents.agents), agents.lines, agents.warned_lines
            read_s = time.perf_counter() - started
            out = Path(tmp) / f"{path.stem}.yaml"
            started = time.perf_counter()
            if kind == "actors":
                written = write_actors_yaml(actors.actors, out)
            else:
                written = write_agents_yaml(agents.agents, out)
            write_s = time.perf_counter() - started
            started = time.perf_counter()
            loaded = yaml.load(out.read_text(encoding="utf-8"), Loader=LOADER)
            load_s = time.perf_counter() - started
            key = "persons" if kind == "actors" else "agents"
            if len(loaded[key]) != written:
                print(f"FAIL: {path.name}: wrote {written} records, loaded {len(loaded[key])}")
                return 1
            print(
                f"{path.name:36} {kind:6} {lines:>7} {entries:>8} {written:>8} "
                f"{warned:>7} {read_s:>7.3f} {write_s:>7.3f} {load_s:>7.3f}"
            )
            total_entries += entries
            total_warned += warned
            total_read += read_s
            total_write += write_s
            total_load += load_s
    print(
        f"{'total':36} {'':6} {'':>7} {total_entries:>8} {'':>8} "
        f"{total_warned:>7} {total_read:>7.3f} {total_write:>7.3f} {total_load:>7.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
