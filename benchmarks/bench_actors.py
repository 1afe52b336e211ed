"""Actor coding against PETRARCH2's GSR records and actor tests; prints precision/recall.

Usage: python benchmarks/bench_actors.py [SHARED_EVAL_DIR]

What is measured, per GSR record (suite ``petrarch2_gsr``, 78 records, each coded as one
document from its raw text):

- gold actors: the set of source and target codes of the record's expected events;
  placeholders with an unknown country (``---REB``) are dropped at the country level;
- event actors: the set of source and target codes of the events we code (factual ones),
  scored against the gold actors, micro P/R/F1 summed over records;
- mention recall: the share of gold actors that our recogniser found anywhere in the
  record (any mention, in an event or not); its precision is not defined, since the gold
  names only the actors of events.

Both at the full code (country + sectors, ``RUSGOV``) and at the country level (the first
three letters: ``RUS``, ``IGO``). Each is run with the built-in knowledge base and with the
Phoenix dictionaries imported (``Phoenix.{Countries,International,MilNonState}.actors.txt``
and ``Phoenix.agents.txt`` via ``import_dictionary``). Then the nine actor tests of
``actor_tests.jsonl`` are resolved with ``resolve_actors`` on the parsed phrase, with the
Phoenix dictionaries loaded; a test passes when the set of codes equals the expected set.

The shared evaluation data is not part of Polybius: without it the script says so and
exits 0.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from polybius.actors.coref import resolve_actors
from polybius.actors.dictionaries import import_dictionary
from polybius.api import get_pipeline
from polybius.evaluate import PRF, _code_texts, _parse_date, load_petrarch_records
from polybius.pipeline import Settings

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path(os.environ.get("POLYBIUS_SHARED", REPO.parent / "shared" / "eval"))
PHOENIX = (
    ("Phoenix.Countries.actors.txt", "actors"),
    ("Phoenix.International.actors.txt", "actors"),
    ("Phoenix.MilNonState.actors.txt", "actors"),
    ("Phoenix.agents.txt", "agents"),
)


def _country(code: str) -> str:
    return code[:3]


def _known(code: str) -> bool:
    return bool(code) and not code.startswith("-")


def _level(codes: Iterable[str], level: str) -> set[str]:
    if level == "country":
        return {_country(c) for c in codes if _known(c)}
    return {c for c in codes if c}


def measure(records: list[dict[str, object]], settings: Settings) -> dict[str, dict[str, object]]:
    """Event-actor P/R/F1 and mention recall, at both levels, for one knowledge base."""
    items = [(str(r["id"]), str(r["text"]), _parse_date(r.get("date"))) for r in records]
    pipeline = get_pipeline(settings)
    started = time.perf_counter()
    pipeline.warm_up()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    coded = _code_texts(items, settings)
    code_s = time.perf_counter() - started
    mentions: dict[str, set[str]] = {}
    for record_id, text, date in items:  # mentions: the recogniser over the same parse
        doc = pipeline.nlp(text)
        found = resolve_actors(doc, kb=pipeline.kb, date=date)
        mentions[record_id] = {m.code for m in found.mentions() if m.code}
    out: dict[str, dict[str, object]] = {}
    for level in ("full", "country"):
        events, recall = PRF(), PRF()
        for record in records:
            rid = str(record["id"])
            expected = record.get("expected") or []
            gold = _level(
                [str(e.get(k) or "") for e in expected for k in ("source", "target")],  # type: ignore[union-attr]
                level,
            )
            ours = coded[rid].events if rid in coded else ()
            predicted = _level(
                [e.source.code or "" for e in ours if e.modality.factual]
                + [e.target.code or "" for e in ours if e.modality.factual and e.target],
                level,
            )
            events = events + PRF(len(gold & predicted), len(predicted), len(gold))
            found_codes = _level(mentions[rid], level)
            recall = recall + PRF(len(gold & found_codes), len(found_codes), len(gold))
        out[level] = {
            "event_p": events.precision,
            "event_r": events.recall,
            "event_f1": events.f1,
            "event_counts": (events.tp, events.predicted, events.gold),
            "mention_recall": recall.recall,
            "mention_counts": (recall.tp, recall.gold),
        }
    out["time"] = {"load_s": load_s, "code_s": code_s}
    return out


def _import_phoenix(folder: Path, out_dir: Path) -> tuple[str, ...]:
    paths = []
    for name, kind in PHOENIX:
        out = out_dir / (Path(name).stem.replace(".", "_") + ".yaml")
        import_dictionary(folder / name, kind=kind, out=out)
        paths.append(str(out))
    return tuple(paths)


def _test_date(text: str) -> dt.date | None:
    """``YYYYMMDD``, else the ``MMDDYY`` the PETRARCH2 tests use (``081315``)."""
    date = _parse_date(text)
    if date is None:
        try:
            date = dt.datetime.strptime(text, "%m%d%y").date()
        except ValueError:
            return None
    return date


def _phrase_actors(doc: Any, found: Any) -> list[Any]:
    """The actors the phrase as a whole names: those of its root (or, for a preposition
    phrase, of its object), with coordinated members — as the coder reads an argument."""
    root = next(t for t in doc if t.head == t)
    if root.pos_ == "ADP":
        root = next((c for c in root.children if c.dep_ == "pobj"), root)
    heads = [root, *(c for c in root.children if c.dep_ == "conj")]
    return [m for h in heads for m in (found.at(h.i) or found.modifying(h.i))]


def actor_tests(path: Path, settings: Settings) -> list[tuple[str, str, list[str], list[str]]]:
    pipeline = get_pipeline(settings)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        test = json.loads(line)
        doc = pipeline.nlp(test["text"])
        found = resolve_actors(doc, kb=pipeline.kb, date=_test_date(test["date"]))
        codes = sorted({m.code for m in _phrase_actors(doc, found) if m.code})
        rows.append((test["text"], test["date"], sorted(test["expected_codes"]), codes))
    return rows


def _print_measure(label: str, result: dict[str, dict[str, object]]) -> None:
    for level in ("full", "country"):
        r = result[level]
        tp, pred, gold = r["event_counts"]  # type: ignore[misc]
        mtp, mgold = r["mention_counts"]  # type: ignore[misc]
        print(
            f"{label:22} {level:8} event actors P={r['event_p']:.3f} R={r['event_r']:.3f} "
            f"F1={r['event_f1']:.3f} (tp={tp} pred={pred} gold={gold})   "
            f"mention recall={r['mention_recall']:.3f} ({mtp}/{mgold})"
        )
    t = result["time"]
    print(f"{label:22} load {t['load_s']:.1f} s, coding {t['code_s']:.1f} s")


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    records_path = shared / "petrarch" / "records.jsonl"
    dictionaries = shared / "petrarch" / "raw" / "petrarch2" / "dictionaries"
    if not records_path.is_file() or not dictionaries.is_dir():
        print(f"SKIP: no PETRARCH2 evaluation data under {shared} (shared data absent)")
        return 0
    logging.basicConfig(level=logging.ERROR)
    records = load_petrarch_records(records_path, suites=("petrarch2_gsr",))
    print(f"PETRARCH2 GSR: {len(records)} records, actors of expected events vs ours")
    _print_measure("built-in KB", measure(records, Settings()))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        phoenix = Settings(knowledge_paths=_import_phoenix(dictionaries, Path(tmp)))
        print(f"Phoenix dictionaries imported in {time.perf_counter() - started:.1f} s")
        _print_measure("with Phoenix dicts", measure(records, phoenix))
        rows = actor_tests(shared / "petrarch" / "actor_tests.jsonl", phoenix)
    passed = sum(expected == got for _, _, expected, got in rows)
    print(f"\nactor tests (Phoenix dictionaries): {passed}/{len(rows)} pass")
    for text, date, expected, got in rows:
        mark = "ok  " if expected == got else "FAIL"
        print(f"  {mark} {text!r} ({date}): expected {expected}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
