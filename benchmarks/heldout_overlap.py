"""How often a development item tells the same story as a held-out item.

    python benchmarks/heldout_overlap.py                 # threshold 0.4
    python benchmarks/heldout_overlap.py --threshold 0.5 --unseen unseen.json
    python benchmarks/heldout_overlap.py --score         # and code the held-out sets (~1 min)

The newswire sets are written by different helpers from the same news, so one story can
appear in a development set and a held-out set in other words; a rule tuned on the first is
then partly tuned on the second. Two items overlap when the Jaccard index of their sets of
words of four letters or more reaches the threshold. Prints, per development set, how many
of its items overlap some held-out item, and how many held-out items overlap no development
item; ``--unseen`` writes the ids of those, by set; ``--score`` codes every held-out item
and prints the pooled triple P / R / F1 on those with no twin and on those with one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from polybius.evaluate import PRF, run_gold_jsonl

DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"[a-z]{4,}")


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def read_set(path: Path) -> list[tuple[str, frozenset[str]]]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            sys.exit(f"{path}:{number}: not JSON ({exc.msg}); fix or remove the line")
        items.append((str(record["id"]), words(record.get("text", ""))))
    return items


def near(item: frozenset[str], others: list[frozenset[str]], threshold: float) -> bool:
    return any(jaccard(item, other) >= threshold for other in others)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.4)
    parser.add_argument("--unseen", type=Path, help="write the unseen held-out ids here")
    parser.add_argument("--score", action="store_true", help="code and score both parts")
    args = parser.parse_args()

    held_out = {p.stem: read_set(p) for p in sorted(DATA.glob("wire_test*.jsonl"))}
    development = {p.stem: read_set(p) for p in sorted(DATA.glob("wire_dev*.jsonl"))}
    held_words = [w for items in held_out.values() for _, w in items]
    dev_words = [w for items in development.values() for _, w in items]

    overlapping = 0
    print(f"development items sharing >= {args.threshold:.0%} of their words with a held-out item")
    for name, items in development.items():
        count = sum(near(w, held_words, args.threshold) for _, w in items)
        overlapping += count
        print(f"  {name:14s} {count:4d} of {len(items)}")
    print(f"  {'all':14s} {overlapping:4d} of {len(dev_words)}")

    unseen = {
        name: [i for i, w in items if not near(w, dev_words, args.threshold)]
        for name, items in held_out.items()
    }
    total = sum(len(items) for items in held_out.values())
    print(
        f"held-out items with no such item in a development set: "
        f"{sum(map(len, unseen.values()))} of {total}"
    )
    if args.unseen:
        args.unseen.write_text(json.dumps(unseen, indent=1), encoding="utf-8")
    if args.score:
        alone, twinned = score_apart(unseen)
        for label, prf in (("no twin", alone), ("with a twin", twinned)):
            print(
                f"held-out items {label:12s} triple P / R / F1 "
                f"{prf.precision:.3f} / {prf.recall:.3f} / {prf.f1:.3f} ({prf.gold} gold events)"
            )


def score_apart(unseen: dict[str, list[str]]) -> tuple[PRF, PRF]:
    """Pooled triple counts of the held-out items with no development twin, and of the rest:
    each set is split in two files and scored as `polybius eval --gold` scores a file."""
    pooled = {True: PRF(), False: PRF()}
    with tempfile.TemporaryDirectory() as folder:
        for name, ids in unseen.items():
            lines = (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            records = [line for line in lines if line.strip()]
            chosen = set(ids)
            for alone in (True, False):
                part = [r for r in records if (json.loads(r)["id"] in chosen) == alone]
                if not part:
                    continue
                path = Path(folder) / f"{name}-{alone}.jsonl"
                path.write_text("\n".join(part) + "\n", encoding="utf-8")
                pooled[alone] = pooled[alone] + run_gold_jsonl(path).score.view("triple")
    return pooled[True], pooled[False]


if __name__ == "__main__":
    main()
