"""The learnt fallback coder: does it add correct events where the rules are silent?

Usage: python benchmarks/bench_fallback.py [SHARED_EVAL_DIR] [--threshold T ...]

Held out: the fallback's example phrases (``data/fallback/examples.yaml``) were written by
the Polybius developers; no gold sentence is in them, and the gold is only scored here.

- PLOVER GSR (322 sentences, given actors): type accuracy of ``code_pair`` alone, and with
  the fallback proposing a code where ``code_pair`` returns None (its PLOVER type via the
  crosswalk); also how many of those proposals were right.
- PETRARCH2 GSR (78 records, free text): triple / root F1 of the pipeline alone, and with
  the fallback adding events for sentences with two actors (subject and object or
  with/to/against phrase of the main verb) and no event.
- Time: loading the model, and embedding + deciding per clause, batched.

For each threshold given (default 0.3) both runs are scored. Without the shared
evaluation data or the ``embed`` extra, the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any


def _plover(path: Path, coders: dict[float, Any]) -> None:
    from polybius.api import code_pair
    from polybius.evaluate import _load_plover, _plover_spans
    from polybius.events.fallback import clause_for_pair
    from polybius.events.ontology import load_ontology

    ontology = load_ontology()
    records = _load_plover(path)
    rules_right = 0
    gaps: list[tuple[str, str]] = []  # (clause, gold type) where code_pair is silent
    for record in records:
        text = str(record.get("text") or "")
        gold = ontology.resolve_plover(str(record["event"]), str(record.get("mode") or ""))[0].name
        spans = _plover_spans(record)
        if spans.source is None:
            continue
        event = code_pair(text, spans.source, spans.target)
        if event is None:
            gaps.append((clause_for_pair(text, spans.source, spans.target), gold))
        elif event.plover_type == gold:
            rules_right += 1
    n = len(records)
    print(f"PLOVER GSR, given actors: {n} sentences, code_pair silent on {len(gaps)}")
    print(f"  rules alone        type accuracy {rules_right / n:.1%} ({rules_right}/{n})")
    for threshold, coder in coders.items():
        started = time.perf_counter()
        proposals = coder.propose_many([c for c, _ in gaps])
        seconds = time.perf_counter() - started
        made = [(p, g) for p, (_, g) in zip(proposals, gaps, strict=True) if p is not None]
        right = sum(ontology.plover(p.code).type == g for p, g in made)
        total = rules_right + right
        print(
            f"  + fallback t={threshold:.2f} type accuracy {total / n:.1%} ({total}/{n}); "
            f"proposed {len(made)}/{len(gaps)}, right {right} "
            f"({right / len(made) if made else 0:.0%}); "
            f"{1000 * seconds / max(1, len(gaps)):.1f} ms/clause batched"
        )


def _petrarch(path: Path, coders: dict[float, Any]) -> None:
    from polybius.actors.coref import resolve_actors
    from polybius.api import get_pipeline
    from polybius.evaluate import (
        _parse_date,
        event_triple,
        load_petrarch_records,
        score_petrarch,
        triples_of,
    )
    from polybius.events.fallback import sentence_events
    from polybius.ingest.readers import read_text_document
    from polybius.pipeline import Settings

    records = load_petrarch_records(path)
    pipeline = get_pipeline(Settings())
    gold = {r["id"]: triples_of(r.get("expected")) for r in records}
    base: dict[str, set[Any]] = {}
    extra: dict[float, dict[str, set[Any]]] = {t: {} for t in coders}
    added: dict[float, int] = dict.fromkeys(coders, 0)
    fallback_seconds: dict[float, float] = dict.fromkeys(coders, 0.0)
    for record in records:
        document = read_text_document(
            record.get("text") or "", doc_id=record["id"], date=_parse_date(record.get("date"))
        )
        doc = pipeline.nlp(document.text)
        coded = pipeline.code_parsed(document, doc)
        base[record["id"]] = {event_triple(e) for e in coded.events if e.modality.factual}
        actors = resolve_actors(doc, kb=pipeline.kb, date=document.date)
        for threshold, coder in coders.items():
            started = time.perf_counter()
            new = sentence_events(
                doc, actors=actors, events=coded.events, document=document, coder=coder
            )
            fallback_seconds[threshold] += time.perf_counter() - started
            added[threshold] += len(new)
            extra[threshold][record["id"]] = base[record["id"]] | {
                event_triple(e) for e in new if e.modality.factual
            }
    alone = score_petrarch(base, gold, name="rules")
    print(f"PETRARCH2 GSR, free text: {len(records)} records")
    for label, score in [("rules alone", alone)] + [
        (f"+ fallback t={t:.2f}", score_petrarch(p, gold, name=str(t))) for t, p in extra.items()
    ]:
        triple, root = score.view("triple"), score.view("root")
        print(
            f"  {label:18s} triple P {triple.precision:.3f} R {triple.recall:.3f} "
            f"F1 {triple.f1:.3f}; root F1 {root.f1:.3f}"
        )
    for threshold in coders:
        print(
            f"  t={threshold:.2f}: fallback added {added[threshold]} events, "
            f"{fallback_seconds[threshold]:.2f} s over {len(records)} records"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=None)
    parser.add_argument("--threshold", type=float, action="append")
    args = parser.parse_args(argv)
    from polybius.evaluate import default_shared_dir
    from polybius.events.fallback import FallbackCoder, FallbackSettings, fallback_available

    shared = Path(args.shared) if args.shared else default_shared_dir()
    plover = shared / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
    petrarch = shared / "petrarch" / "records.jsonl"
    if not plover.is_file() or not petrarch.is_file():
        print(f"skipped: shared evaluation data not found under {shared} (pass SHARED_EVAL_DIR)")
        return 0
    if not fallback_available():
        print("skipped: the embed extra is not installed (pip install 'polybius[embed]')")
        return 0
    started = time.perf_counter()
    first = FallbackCoder()
    loaded = time.perf_counter() - started
    print(f"model + {len(first.examples.phrases)} examples loaded in {loaded:.1f} s")
    thresholds = args.threshold or [0.3]
    coders = {
        t: FallbackCoder(
            encoder=first.encoder,
            examples=first.examples,
            settings=FallbackSettings(threshold=t),
        )
        for t in thresholds
    }
    clauses = [f"the minister number {i} criticised the government" for i in range(256)]
    started = time.perf_counter()
    first.propose_many(clauses)
    per_clause = 1000 * (time.perf_counter() - started) / len(clauses)
    print(f"speed: {per_clause:.2f} ms per clause (batch of 256)")
    _plover(plover, coders)
    _petrarch(petrarch, coders)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
