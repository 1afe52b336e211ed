"""Score the coder against gold data: PETRARCH2's suites, the PLOVER GSR and our own format.

Every runner returns a frozen result with ``.table()`` (a rich table) and ``.to_dict()`` /
``.to_json()``; the ``polybius eval`` command only parses options and prints these.

CAMEO scoring follows the definitions of PETRARCH2's reference scorer (``score.py``):
events are compared per record as *sets* of ``(source, target, code)`` triples, so a
duplicate counts once.

- exact: the predicted set equals the expected set (expecting none and predicting none
  is exact);
- triple: micro precision / recall / F1 over the triples;
- root: the same over ``(source, target, code[:2])``;
- dyad: the same over ``(source, target)``; code: over the record's set of codes.

When nothing is predicted, precision is 1 if nothing was expected either, else 0 (and
the same for recall), as score.py does. Actor codes are compared as plain strings, so
``RUSGOV`` predicted for ``RUS`` expected is a miss.

Our own gold format (``run_gold_jsonl``) is JSON Lines, one object per document::

    {"id": "doc-1", "text": "...", "date": "2024-05-01",
     "events": [{"source": "RUSGOV", "target": "UKR", "code": "190",
                 "negated": false, "hypothetical": false}]}

``date`` (``YYYY-MM-DD`` or ``YYYYMMDD``) may be null or missing; ``negated`` and
``hypothetical`` default to false. Factual gold events (neither flag set) are scored
against our factual events as triples, as above. Each flag is scored on its own: the
triples of gold events carrying it against the triples of our events carrying it
(precision and recall of ``negated`` and of ``hypothetical``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table

from polybius.errors import ConfigError, Errors, IngestError, PolybiusError
from polybius.model import CodedDocument, Document, Event
from polybius.pipeline import Settings

__all__ = [
    "GoldDocument",
    "GoldEvent",
    "GoldRun",
    "PRF",
    "PetrarchRun",
    "PetrarchScore",
    "PloverMiss",
    "PloverRun",
    "PloverTypeRow",
    "RecordMiss",
    "Triple",
    "default_shared_dir",
    "event_triple",
    "iter_misses",
    "load_gold_jsonl",
    "load_petrarch_records",
    "run_gold_jsonl",
    "run_petrarch_suite",
    "run_petrarch_unittests",
    "run_plover_gsr",
    "score_petrarch",
    "triples_of",
    "write_predictions",
]

log = logging.getLogger(__name__)

Triple = tuple[str, str, str]

DEFAULT_SETTINGS = Settings()

_VIEWS: dict[str, Callable[[Triple], Any]] = {
    "triple": lambda t: t,
    "root": lambda t: (t[0], t[1], t[2][:2]),
    "dyad": lambda t: (t[0], t[1]),
    "code": lambda t: t[2],
}


# ---------------------------------------------------------------------------- metrics


@dataclass(frozen=True, slots=True)
class PRF:
    """Micro counts: true positives, predicted and gold items; P/R/F1 follow score.py."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        if self.predicted:
            return self.tp / self.predicted
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.gold:
            return self.tp / self.gold
        return 1.0 if self.predicted == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.predicted,
            "gold": self.gold,
        }


def _prf(gold: Iterable[Any], predicted: Iterable[Any]) -> PRF:
    g, p = set(gold), set(predicted)
    return PRF(len(g & p), len(p), len(g))


def _triple(source: Any, target: Any, code: Any) -> Triple:
    def clean(value: Any) -> str:
        return "" if value is None else str(value).strip()

    return clean(source), clean(target), clean(code)


def triples_of(events: Iterable[Mapping[str, Any]] | None) -> frozenset[Triple]:
    """The ``(source, target, code)`` set of event dicts as score.py reads them."""
    return frozenset(
        _triple(e.get("source", ""), e.get("target", ""), e.get("code", "")) for e in events or ()
    )


def event_triple(event: Event) -> Triple:
    """The triple of a coded event; a missing actor code or target is ``""``."""
    target = event.target.code if event.target is not None else ""
    return _triple(event.source.code, target, event.cameo)


@dataclass(frozen=True, slots=True)
class RecordMiss:
    """A record whose predicted set differs from the expected set."""

    id: str
    text: str
    expected: tuple[Triple, ...]
    predicted: tuple[Triple, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "expected": [list(t) for t in self.expected],
            "predicted": [list(t) for t in self.predicted],
        }


def _table_title(name: str, extra: str = "") -> str:
    return f"{name} {extra}".strip()


@dataclass(frozen=True, slots=True)
class PetrarchScore:
    """score.py's metrics over a set of records, with a per-root-code breakdown."""

    name: str
    records: int
    exact: int
    triple: PRF
    root: PRF
    dyad: PRF
    code: PRF
    by_root: tuple[tuple[str, PRF], ...] = ()
    misses: tuple[RecordMiss, ...] = ()

    @property
    def exact_rate(self) -> float:
        return self.exact / self.records if self.records else 0.0

    def view(self, name: str) -> PRF:
        return {"triple": self.triple, "root": self.root, "dyad": self.dyad, "code": self.code}[
            name
        ]

    def table(self) -> Table:
        table = Table(
            title=_table_title(
                self.name, f"({self.records} records, exact {self.exact} = {self.exact_rate:.1%})"
            ),
            header_style="bold",
        )
        for column in ("view", "P", "R", "F1", "tp", "pred", "gold"):
            table.add_column(column, justify="left" if column == "view" else "right")
        for name in _VIEWS:
            _prf_row(table, name, self.view(name))
        return table

    def root_table(self) -> Table:
        """Per CAMEO root code (by the root view): support, predictions, P/R/F1."""
        table = Table(title=f"{self.name}: by CAMEO root", header_style="bold")
        for column in ("root", "P", "R", "F1", "tp", "pred", "gold"):
            table.add_column(column, justify="left" if column == "root" else "right")
        for root, prf in self.by_root:
            _prf_row(table, root, prf)
        return table

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "records": self.records,
            "exact": self.exact,
            "exact_acc": round(self.exact_rate, 4),
        }
        for name in _VIEWS:
            out[name] = self.view(name).to_dict()
        out["by_root"] = {root: prf.to_dict() for root, prf in self.by_root}
        out["misses"] = [m.to_dict() for m in self.misses]
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False)


def _prf_row(table: Table, label: str, prf: PRF) -> None:
    table.add_row(
        label,
        f"{prf.precision:.3f}",
        f"{prf.recall:.3f}",
        f"{prf.f1:.3f}",
        str(prf.tp),
        str(prf.predicted),
        str(prf.gold),
    )


def score_petrarch(
    predictions: Mapping[str, Iterable[Triple]],
    gold: Mapping[str, Iterable[Triple]],
    *,
    name: str = "petrarch",
    texts: Mapping[str, str] | None = None,
) -> PetrarchScore:
    """score.py's metrics: ``gold`` decides which records count; a record absent from
    ``predictions`` counts as nothing predicted."""
    counts = {view: PRF() for view in _VIEWS}
    roots: dict[str, PRF] = {}
    exact = 0
    misses: list[RecordMiss] = []
    for record_id, expected_events in gold.items():
        expected = {_triple(*t) for t in expected_events}
        predicted = {_triple(*t) for t in predictions.get(record_id, ())}
        exact += expected == predicted
        for view, key in _VIEWS.items():
            counts[view] = counts[view] + _prf(
                {key(t) for t in expected}, {key(t) for t in predicted}
            )
        gold_roots = {_VIEWS["root"](t) for t in expected}
        pred_roots = {_VIEWS["root"](t) for t in predicted}
        for root in {r[2] for r in gold_roots | pred_roots}:
            roots[root] = roots.get(root, PRF()) + _prf(
                {r for r in gold_roots if r[2] == root}, {r for r in pred_roots if r[2] == root}
            )
        if expected != predicted:
            misses.append(
                RecordMiss(
                    record_id,
                    (texts or {}).get(record_id, ""),
                    tuple(sorted(expected)),
                    tuple(sorted(predicted)),
                )
            )
    return PetrarchScore(
        name=name,
        records=len(gold),
        exact=exact,
        triple=counts["triple"],
        root=counts["root"],
        dyad=counts["dyad"],
        code=counts["code"],
        by_root=tuple(sorted(roots.items())),
        misses=tuple(misses),
    )


# ---------------------------------------------------------------------------- coding


def _parse_date(value: Any) -> dt.date | None:
    """A record date (``YYYYMMDD`` or ISO); anything else (``121108``) is None."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{8}|\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    for fmt in ("%Y%m%d", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class _Coded:
    """What coding one record gave: its events, failed sentences, or why it crashed."""

    events: tuple[Event, ...] = ()
    failures: tuple[str, ...] = ()
    crash: str = ""


def _code_texts(
    items: Sequence[tuple[str, str, dt.date | None]], settings: Settings
) -> dict[str, _Coded]:
    """Code ``(id, text, date)`` items as one document each, batched through spaCy.

    A record that raises is recorded as a crash and the others go on: the evaluation must
    say how often the coder breaks, not stop at the first break.
    """
    from polybius.api import get_pipeline
    from polybius.ingest.readers import read_text_document

    pipeline = get_pipeline(settings)
    out: dict[str, _Coded] = {}
    documents: list[Document] = []
    for record_id, text, date in items:
        try:
            documents.append(read_text_document(text, doc_id=record_id, date=date))
        except PolybiusError as exc:
            out[record_id] = _Coded(crash=str(exc))
    size = max(1, settings.batch_size)
    for start in range(0, len(documents), size):
        batch = documents[start : start + size]
        try:
            coded = list(pipeline.code_documents(batch))
        except Exception:  # noqa: BLE001 - find the record that broke, code the rest
            coded = []
            for document in batch:
                try:
                    coded.extend(pipeline.code_documents([document]))
                except Exception as exc:  # noqa: BLE001 - counted and reported as a crash
                    log.warning("%s: the pipeline raised %r", document.id, exc)
                    out[document.id] = _Coded(crash=repr(exc))
        for item in coded:
            out[item.document.id] = _from_coded(item)
    return out


def _from_coded(item: CodedDocument) -> _Coded:
    return _Coded(events=item.events, failures=item.failures)


# ---------------------------------------------------------------------------- PETRARCH2


def load_petrarch_records(
    path: str | Path,
    *,
    suites: Sequence[str] = ("petrarch2_gsr",),
    require_parse: bool = False,
) -> list[dict[str, Any]]:
    """The records of ``records.jsonl`` in the given suites, in file order."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(Errors.E602.format(path=path))
    records = []
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(
                    Errors.E104.format(path=path, line=line_number, reason=exc.msg)
                ) from exc
            if record.get("suite") not in suites:
                continue
            if require_parse and not record.get("parse"):
                continue
            records.append(record)
    return records


def write_predictions(predictions: Mapping[str, Iterable[Triple]], path: str | Path) -> None:
    """Write predictions in score.py's input format, so anyone can re-score them."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as handle:
            for record_id, events in predictions.items():
                line = {
                    "id": record_id,
                    "events": [
                        {"source": s, "target": t, "code": c} for s, t, c in sorted(set(events))
                    ],
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise IngestError(Errors.E503.format(path=path, reason=exc.strerror)) from exc


@dataclass(frozen=True, slots=True)
class PetrarchRun:
    """One PETRARCH2 suite coded from raw text and scored.

    ``failed_sentences`` counts sentences the pipeline reported and skipped;
    ``crashed`` lists records where coding raised (scored as nothing predicted).
    ``variants`` holds extra scores of the same predictions (e.g. CAMEO codes only).
    """

    suite: str
    score: PetrarchScore
    failed_sentences: int = 0
    failed_records: tuple[str, ...] = ()
    crashed: tuple[str, ...] = ()
    seconds: float = 0.0
    predictions_path: str = ""
    variants: tuple[PetrarchScore, ...] = ()
    notes: tuple[str, ...] = ()

    def table(self) -> Table:
        table = self.score.table()
        table.caption = (
            f"{len(self.failed_records)} records with failed sentences "
            f"({self.failed_sentences} sentences), {len(self.crashed)} crashed, "
            f"{self.seconds:.1f} s"
        )
        return table

    def tables(self) -> list[Table]:
        return [self.table(), *(v.table() for v in self.variants), self.score.root_table()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "score": self.score.to_dict(),
            "failed_sentences": self.failed_sentences,
            "failed_records": list(self.failed_records),
            "crashed": list(self.crashed),
            "seconds": round(self.seconds, 2),
            "predictions_path": self.predictions_path,
            "variants": [v.to_dict() for v in self.variants],
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False)


def _code_records(
    records: Sequence[Mapping[str, Any]], settings: Settings
) -> tuple[dict[str, set[Triple]], dict[str, _Coded]]:
    coded = _code_texts(
        [(r["id"], r.get("text") or "", _parse_date(r.get("date"))) for r in records], settings
    )
    predictions: dict[str, set[Triple]] = {}
    for record in records:
        result = coded.get(record["id"], _Coded())
        predictions[record["id"]] = {event_triple(e) for e in result.events if e.modality.factual}
    return predictions, coded


def _petrarch_run(
    name: str,
    records: Sequence[Mapping[str, Any]],
    settings: Settings,
    *,
    predictions_out: str | Path | None,
    cameo_only: Callable[[str], bool] | None = None,
    notes: Sequence[str] = (),
) -> PetrarchRun:
    started = time.perf_counter()
    predictions, coded = _code_records(records, settings)
    seconds = time.perf_counter() - started
    gold = {r["id"]: triples_of(r.get("expected")) for r in records}
    texts = {r["id"]: r.get("text") or "" for r in records}
    score = score_petrarch(predictions, gold, name=name, texts=texts)
    variants = []
    if cameo_only is not None:
        kept = {k: v for k, v in gold.items() if all(cameo_only(t[2]) for t in v)}
        variants.append(
            score_petrarch(predictions, kept, name=f"{name} (CAMEO codes only)", texts=texts)
        )
    if predictions_out is not None:
        write_predictions(predictions, predictions_out)
    failed = [rid for rid, c in coded.items() if c.failures]
    return PetrarchRun(
        suite=name,
        score=score,
        failed_sentences=sum(len(c.failures) for c in coded.values()),
        failed_records=tuple(failed),
        crashed=tuple(rid for rid, c in coded.items() if c.crash),
        seconds=seconds,
        predictions_path=str(predictions_out) if predictions_out is not None else "",
        variants=tuple(variants),
        notes=tuple(notes),
    )


def run_petrarch_suite(
    records_path: str | Path,
    *,
    suite: str | Sequence[str] = "petrarch2_gsr",
    require_parse: bool = False,
    settings: Settings = DEFAULT_SETTINGS,
    predictions_out: str | Path | None = None,
    name: str | None = None,
) -> PetrarchRun:
    """Code each record's raw text (one record, one document) and score it as score.py does.

    ``suite`` may name several suites (``("petrarch2_gsr", "petrarch2_pytest")``);
    ``require_parse`` keeps the records that have a treebank parse, PETRARCH2's best case.
    Predictions are the factual events' triples; ``predictions_out`` writes them in
    score.py's input format.
    """
    suites = (suite,) if isinstance(suite, str) else tuple(suite)
    records = load_petrarch_records(records_path, suites=suites, require_parse=require_parse)
    label = name or "+".join(suites) + (" (parsed)" if require_parse else "")
    return _petrarch_run(label, records, settings, predictions_out=predictions_out)


def run_petrarch_unittests(
    records_path: str | Path,
    raw_dir: str | Path,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    predictions_out: str | Path | None = None,
) -> PetrarchRun:
    """PETRARCH2's 284 unit tests, with their fictional actors imported from
    ``raw_dir/petrarch2/dictionaries/PETR.Validate.{actors,agents}.txt``.

    Scored against ``expected`` twice: all records, and only records whose expected codes
    are all CAMEO (57 of the 359 are KEDS/WEIS leftovers no CAMEO coder can produce).
    """
    from polybius.actors.dictionaries import import_dictionary
    from polybius.events.ontology import load_ontology

    dictionaries = Path(raw_dir) / "petrarch2" / "dictionaries"
    actors = dictionaries / "PETR.Validate.actors.txt"
    agents = dictionaries / "PETR.Validate.agents.txt"
    for path in (actors, agents):
        if not path.is_file():
            raise ConfigError(Errors.E602.format(path=path))
    records = load_petrarch_records(records_path, suites=("petrarch2_unittest",))
    ontology = load_ontology()
    with tempfile.TemporaryDirectory(prefix="polybius-eval-") as tmp:
        actors_yaml = Path(tmp) / "validate_actors.yaml"
        agents_yaml = Path(tmp) / "validate_agents.yaml"
        import_dictionary(actors, kind="actors", out=actors_yaml)
        import_dictionary(agents, kind="agents", out=agents_yaml)
        extra = (*settings.knowledge_paths, str(actors_yaml), str(agents_yaml))
        validate_settings = Settings(
            model=settings.model,
            batch_size=settings.batch_size,
            lexicon_paths=settings.lexicon_paths,
            knowledge_paths=extra,
            places=settings.places,
            stages=settings.stages,
        )
        run = _petrarch_run(
            "petrarch2_unittest",
            records,
            validate_settings,
            predictions_out=predictions_out,
            cameo_only=ontology.is_cameo,
            notes=(
                "record config options (require_dyad, comma_*) are not applied",
                "PETRARCH2 itself: 32.0% exact, triple F1 0.412, raises on 36 of 284",
            ),
        )
        _forget_pipeline(validate_settings)
    return run


def _forget_pipeline(settings: Settings) -> None:
    """Drop cached pipelines whose knowledge files lived in a deleted temp dir."""
    from polybius.api import get_pipeline

    if any(not os.path.exists(p) for p in settings.knowledge_paths):
        get_pipeline.cache_clear()


# ---------------------------------------------------------------------------- PLOVER GSR


_MARK = re.compile(r"\((SRC|TAR|SRC/TAR|SRC/LOC|TAR/LOC):\s*([^()]*?)\s*[)}]")


def _actor_texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(a["actorText"]) for a in value if isinstance(a, dict) and a.get("actorText")]


def _find(text: str, phrase: str, *, after: int = 0) -> tuple[int, int] | None:
    """Where ``phrase`` occurs in ``text``: exactly, with spaces collapsed, or its longest
    ``...``-separated part (gold writes split actors as ``U.S. ... negotiators``)."""
    phrase = phrase.strip()
    if not phrase:
        return None
    candidates = [phrase, " ".join(phrase.split())]
    parts = [p.strip(" .") for p in re.split(r"\.\.\.?|…", phrase)]
    candidates += sorted((p for p in parts if p), key=len, reverse=True)
    for candidate in candidates:
        for start_at in (after, 0):
            index = text.find(candidate, start_at)
            if index >= 0:
                return index, index + len(candidate)
    return None


@dataclass(frozen=True, slots=True)
class _Spans:
    source: tuple[int, int] | None
    target: tuple[int, int] | None


def _plover_spans(record: Mapping[str, Any]) -> _Spans:
    """Source and target spans from the inline markup, else from ``actorText``."""
    text = str(record.get("text") or "")
    info = record.get("textInfo")
    markup = str(info.get("markup") or "") if isinstance(info, dict) else str(info or "")
    sources: list[tuple[int, int]] = []
    targets: list[tuple[int, int]] = []
    both: list[tuple[int, int]] = []
    for match in _MARK.finditer(markup):
        span = _find(text, match.group(2))
        if span is None:
            continue
        tag = match.group(1)
        if tag == "SRC/TAR":
            both.append(span)
        elif tag.startswith("SRC"):
            sources.append(span)
        else:
            targets.append(span)
    if not sources:
        found = (_find(text, t) for t in _actor_texts(record.get("source")))
        sources = [s for s in found if s is not None]
    if not targets:
        found = (_find(text, t) for t in _actor_texts(record.get("target")))
        targets = [s for s in found if s is not None]
    if both:
        if not sources:
            sources.append(both.pop(0))
        if not targets and both:
            targets.append(both.pop(0))
    source = sources[0] if sources else None
    target = next((t for t in targets if source is None or t != source), None)
    return _Spans(source, target)


@dataclass(frozen=True, slots=True)
class PloverTypeRow:
    """One gold PLOVER type: how often it is gold, predicted, and right."""

    type: str
    support: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.support if self.support else 0.0


@dataclass(frozen=True, slots=True)
class PloverMiss:
    id: str
    text: str
    gold: str
    predicted: str
    cameo: str
    trigger: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
            "cameo": self.cameo,
            "trigger": self.trigger,
        }


@dataclass(frozen=True, slots=True)
class PloverRun:
    """PLOVER GSR, given-actors mode (``code_pair``) and free-text mode (``code_text``).

    ``accuracy``: predicted PLOVER type equals the gold type (old names resolved); no
    prediction counts wrong. ``root_compatible``: the root of our CAMEO code is one whose
    codes the crosswalk maps to the gold type (the gold has no CAMEO code). ``source_only``
    records mark no target: their prediction is the first event of the marked source in
    free-text mode. ``free_text_hits``: records where any event (modal ones included) of
    ``code_text`` on the sentence has the gold type.
    """

    records: int
    correct: int
    none_predicted: int
    source_only: int
    spans_missing: int
    root_compatible: int
    mode_records: int
    mode_correct: int
    free_text_hits: int
    free_text_events: int
    per_type: tuple[PloverTypeRow, ...]
    confusions: tuple[tuple[str, str, int], ...]
    misses: tuple[PloverMiss, ...] = ()
    crashed: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.records if self.records else 0.0

    def table(self) -> Table:
        n = self.records or 1
        table = Table(
            title=(
                f"PLOVER GSR ({self.records} sentences): type accuracy {self.accuracy:.1%}, "
                f"CAMEO root compatible {self.root_compatible / n:.1%}, free text "
                f"{self.free_text_hits / n:.1%}"
            ),
            header_style="bold",
        )
        for column in ("type", "support", "predicted", "correct", "P", "R"):
            table.add_column(column, justify="left" if column == "type" else "right")
        for row in self.per_type:
            table.add_row(
                row.type,
                str(row.support),
                str(row.predicted),
                str(row.correct),
                f"{row.precision:.2f}",
                f"{row.recall:.2f}",
            )
        top = ", ".join(f"{g}→{p} {c}" for g, p, c in self.confusions[:8])
        table.caption = (
            f"no event {self.none_predicted}, source only {self.source_only}, spans not found "
            f"{self.spans_missing}, mode {self.mode_correct}/{self.mode_records}; "
            f"top confusions: {top}"
        )
        return table

    def tables(self) -> list[Table]:
        return [self.table()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": "plover_gsr",
            "records": self.records,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "none_predicted": self.none_predicted,
            "source_only": self.source_only,
            "spans_missing": self.spans_missing,
            "root_compatible": self.root_compatible,
            "mode_records": self.mode_records,
            "mode_correct": self.mode_correct,
            "free_text_hits": self.free_text_hits,
            "free_text_events": self.free_text_events,
            "per_type": [
                {
                    "type": r.type,
                    "support": r.support,
                    "predicted": r.predicted,
                    "correct": r.correct,
                    "p": round(r.precision, 4),
                    "r": round(r.recall, 4),
                }
                for r in self.per_type
            ],
            "confusions": [list(c) for c in self.confusions],
            "misses": [m.to_dict() for m in self.misses],
            "crashed": list(self.crashed),
            "seconds": round(self.seconds, 2),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False)


def _load_plover(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise ConfigError(Errors.E602.format(path=path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IngestError(Errors.E501.format(path=path, fmt="PLOVER GSR JSON", reason=exc)) from exc
    return [r for r in data if isinstance(r, dict) and r.get("event") not in (None, "DOCUMENT")]


def run_plover_gsr(path: str | Path, *, settings: Settings = DEFAULT_SETTINGS) -> PloverRun:
    """Code the PLOVER GSR sentences between their marked actors and score the types."""
    from polybius.api import code_pair
    from polybius.events.ontology import load_ontology

    ontology = load_ontology()
    started = time.perf_counter()
    records = _load_plover(Path(path))
    roots_of: dict[str, set[str]] = {}
    for code, mapping in ontology.crosswalk.items():
        roots_of.setdefault(mapping.type, set()).add(code[:2])
    free = _code_texts(
        [(str(r.get("id")), str(r.get("text") or ""), None) for r in records], settings
    )
    support: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    correct_count: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    misses: list[PloverMiss] = []
    crashed: list[str] = []
    none = source_only = missing = root_ok = mode_n = mode_ok = free_hits = free_events = 0
    for record in records:
        record_id, text = str(record.get("id")), str(record.get("text") or "")
        gold_type, gold_mode = ontology.resolve_plover(
            str(record["event"]), str(record.get("mode") or "")
        )
        gold = gold_type.name
        support[gold] += 1
        coded = free.get(record_id, _Coded())
        free_events += len(coded.events)
        free_hits += any(e.plover_type == gold for e in coded.events)
        spans = _plover_spans(record)
        event: Event | None = None
        if spans.source is None:
            missing += 1
        elif spans.target is None:
            source_only += 1
            try:
                event = code_pair(text, spans.source, None, settings=settings)
            except Exception as exc:  # noqa: BLE001 - counted and reported, never fatal
                log.warning("%s: code_pair raised %r", record_id, exc)
                crashed.append(record_id)
        else:
            try:
                event = code_pair(text, spans.source, spans.target, settings=settings)
            except Exception as exc:  # noqa: BLE001 - counted and reported, never fatal
                log.warning("%s: code_pair raised %r", record_id, exc)
                crashed.append(record_id)
        guess = event.plover_type if event is not None and event.plover_type else ""
        if event is None:
            none += 1
        else:
            predicted_count[guess] += 1
            root_ok += event.cameo[:2] in roots_of.get(gold, set())
        if guess == gold:
            correct_count[gold] += 1
            if gold_mode:
                mode_n += 1
                mode_ok += event is not None and event.plover_mode == gold_mode
        else:
            confusions[(gold, guess or "none")] += 1
            misses.append(
                PloverMiss(
                    record_id,
                    text,
                    gold,
                    guess or "none",
                    event.cameo if event else "",
                    event.trigger if event else "",
                )
            )
    types = sorted(set(support) | set(predicted_count), key=lambda t: (-support[t], t))
    rows = tuple(
        PloverTypeRow(t or "(untyped)", support[t], predicted_count[t], correct_count[t])
        for t in types
    )
    return PloverRun(
        records=len(records),
        correct=sum(correct_count.values()),
        none_predicted=none,
        source_only=source_only,
        spans_missing=missing,
        root_compatible=root_ok,
        mode_records=mode_n,
        mode_correct=mode_ok,
        free_text_hits=free_hits,
        free_text_events=free_events,
        per_type=rows,
        confusions=tuple((g, p, n) for (g, p), n in confusions.most_common()),
        misses=tuple(misses),
        crashed=tuple(crashed),
        seconds=time.perf_counter() - started,
    )


# ---------------------------------------------------------------------------- our gold format


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str
    code: str
    negated: bool = False
    hypothetical: bool = False

    @property
    def triple(self) -> Triple:
        return self.source, self.target, self.code

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    date: dt.date | None = None
    events: tuple[GoldEvent, ...] = ()


def _gold_flag(raw: Mapping[str, Any], key: str, where: tuple[Path, int]) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise IngestError(
            Errors.E601.format(path=where[0], line=where[1], reason=f"{key!r} is not true/false")
        )
    return value


def load_gold_jsonl(path: str | Path) -> list[GoldDocument]:
    """Read our gold format (see the module docstring); a malformed line raises IngestError."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(Errors.E109.format(path=path))
    documents: list[GoldDocument] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = (path, line_number)
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(
                    Errors.E104.format(path=path, line=line_number, reason=exc.msg)
                ) from exc
            documents.append(_gold_document(raw, where, seen))
    return documents


def _gold_document(raw: Any, where: tuple[Path, int], seen: set[str]) -> GoldDocument:
    def fail(reason: str) -> IngestError:
        return IngestError(Errors.E601.format(path=where[0], line=where[1], reason=reason))

    if not isinstance(raw, dict):
        raise fail("is not a JSON object")
    doc_id, text = raw.get("id"), raw.get("text")
    if not isinstance(doc_id, str) or not doc_id:
        raise fail("has no string 'id'")
    if doc_id in seen:
        raise fail(f"repeats id {doc_id!r}")
    seen.add(doc_id)
    if not isinstance(text, str) or not text.strip():
        raise fail("has no 'text'")
    date = None
    if raw.get("date") not in (None, ""):
        date = _parse_date(raw["date"])
        if date is None:
            raise fail(f"has a bad date {raw['date']!r} (use YYYY-MM-DD)")
    events = raw.get("events", [])
    if not isinstance(events, list):
        raise fail("has 'events' that is not a list")
    parsed = []
    for event in events:
        if not isinstance(event, dict) or not event.get("source") or not event.get("code"):
            raise fail("has an event without 'source' and 'code'")
        source, target, code = _triple(event["source"], event.get("target"), event["code"])
        parsed.append(
            GoldEvent(
                source,
                target,
                code,
                negated=_gold_flag(event, "negated", where),
                hypothetical=_gold_flag(event, "hypothetical", where),
            )
        )
    return GoldDocument(doc_id, text, date, tuple(parsed))


@dataclass(frozen=True, slots=True)
class GoldRun:
    """Our gold format scored: factual triples as score.py does, and each modal flag."""

    path: str
    score: PetrarchScore
    negated: PRF
    hypothetical: PRF
    failed_sentences: int = 0
    crashed: tuple[str, ...] = ()
    seconds: float = 0.0

    def table(self) -> Table:
        table = self.score.table()
        _prf_row(table, "negated", self.negated)
        _prf_row(table, "hypothetical", self.hypothetical)
        table.caption = (
            f"{self.failed_sentences} failed sentences, {len(self.crashed)} crashed, "
            f"{self.seconds:.1f} s"
        )
        return table

    def tables(self) -> list[Table]:
        return [self.table(), self.score.root_table()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": "gold",
            "path": self.path,
            "score": self.score.to_dict(),
            "negated": self.negated.to_dict(),
            "hypothetical": self.hypothetical.to_dict(),
            "failed_sentences": self.failed_sentences,
            "crashed": list(self.crashed),
            "seconds": round(self.seconds, 2),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False)


def run_gold_jsonl(path: str | Path, *, settings: Settings = DEFAULT_SETTINGS) -> GoldRun:
    """Code every document of a gold JSONL file and score events and modal flags."""
    started = time.perf_counter()
    documents = load_gold_jsonl(path)
    coded = _code_texts([(d.id, d.text, d.date) for d in documents], settings)
    predictions: dict[str, set[Triple]] = {}
    gold: dict[str, set[Triple]] = {}
    flags = {"negated": PRF(), "hypothetical": PRF()}
    for document in documents:
        events = coded.get(document.id, _Coded()).events
        predictions[document.id] = {event_triple(e) for e in events if e.modality.factual}
        gold[document.id] = {e.triple for e in document.events if e.factual}
        for flag in flags:
            flags[flag] = flags[flag] + _prf(
                {e.triple for e in document.events if getattr(e, flag)},
                {event_triple(e) for e in events if getattr(e.modality, flag)},
            )
    texts = {d.id: d.text for d in documents}
    return GoldRun(
        path=str(path),
        score=score_petrarch(predictions, gold, name=f"gold {Path(path).name}", texts=texts),
        negated=flags["negated"],
        hypothetical=flags["hypothetical"],
        failed_sentences=sum(len(c.failures) for c in coded.values()),
        crashed=tuple(k for k, c in coded.items() if c.crash),
        seconds=time.perf_counter() - started,
    )


# ---------------------------------------------------------------------------- locations


def default_shared_dir(cwd: str | Path | None = None) -> Path:
    """Where the shared evaluation data is looked for: ``$POLYBIUS_SHARED``, else
    ``../shared/eval`` from the current directory."""
    env = os.environ.get("POLYBIUS_SHARED")
    if env:
        return Path(env)
    return Path(cwd or Path.cwd()).parent / "shared" / "eval"


def iter_misses(run: PetrarchRun | PloverRun | GoldRun) -> Iterator[dict[str, Any]]:
    """The records a run got wrong, as plain dicts, in record order."""
    misses = run.score.misses if isinstance(run, PetrarchRun | GoldRun) else run.misses
    for miss in misses:
        yield miss.to_dict()
