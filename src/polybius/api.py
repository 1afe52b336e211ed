"""The library API; the CLI mirrors it.

code_text(text, date=...)      → list[Event]            one text, in memory
code_files(paths)              → iterator of CodedDocument | IngestFailure
code(paths, out=..., db=...)   → RunSummary              the whole job, as `polybius code`
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from polybius.errors import ConfigError, Errors
from polybius.ingest.readers import IngestFailure, IngestOptions, iter_documents, read_text_document
from polybius.model import CodedDocument, Document, Event
from polybius.parsed import freeze
from polybius.pipeline import Pipeline, Settings

__all__ = ["RunSummary", "code", "code_files", "code_pair", "code_text", "get_pipeline"]

log = logging.getLogger(__name__)

OUTPUT_FORMATS = ("jsonl", "csv", "tsv", "parquet")
_STORE_BATCH = 100


@lru_cache(maxsize=4)
def get_pipeline(settings: Settings = Settings()) -> Pipeline:
    """One pipeline per settings per process: models load once."""
    return Pipeline(settings)


def _keep(event: Event, include_modal: bool) -> bool:
    return include_modal or event.modality.factual


def code_text(
    text: str,
    *,
    date: dt.date | None = None,
    doc_id: str = "text",
    include_modal: bool = False,
    settings: Settings = Settings(),
) -> list[Event]:
    """Code one text. Negated and hypothetical events are left out unless ``include_modal``."""
    document = read_text_document(text, doc_id=doc_id, date=date)
    coded = get_pipeline(settings).code_document(document)
    return [e for e in coded.events if _keep(e, include_modal)]


def code_pair(
    text: str,
    source_span: tuple[int, int],
    target_span: tuple[int, int] | None,
    *,
    date: dt.date | None = None,
    settings: Settings = Settings(),
    fallback: bool = False,
) -> Event | None:
    """The event between two marked actors (``(start, end)`` character offsets), or None.

    With ``target_span=None``, the event the source takes part in (its target may be None).
    The event comes back whatever its modality; check ``event.modality`` for negation.
    ``fallback=True`` lets the MiniLM classifier (extra ``polybius[embed]``) propose a code,
    at confidence ≤ 0.5, where no rule fires.
    """
    from polybius.events.pair import code_pair_parsed

    pipeline = get_pipeline(settings)
    document = read_text_document(text, doc_id="pair", date=date)
    return code_pair_parsed(
        freeze(pipeline.nlp(text)),
        document=document,
        coder=pipeline.coder,
        kb=pipeline.kb,
        source_span=source_span,
        target_span=target_span,
        date=date,
        fallback=fallback,
    )


def code_files(
    paths: Sequence[str | Path],
    *,
    options: IngestOptions = IngestOptions(),
    settings: Settings = Settings(),
    workers: int = 1,
) -> Iterator[CodedDocument | IngestFailure]:
    """Code every document under ``paths``, in input order; failures come through as values."""
    if workers < 1:
        raise ConfigError(Errors.E002.format(value=workers))
    items = iter_documents(paths, options=options)
    if workers == 1:
        yield from _code_serial(items, settings)
    else:
        from polybius.parallel import code_parallel

        yield from code_parallel(items, settings=settings, workers=workers)


def _code_serial(
    items: Iterable[Document | IngestFailure], settings: Settings
) -> Iterator[CodedDocument | IngestFailure]:
    """One stream through spaCy's batching; failures keep their place in the output."""
    pipeline = get_pipeline(settings)
    pipeline.warm_up()
    yield from pipeline.code_stream(items)


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the end-of-run report and the exit status."""

    documents: int = 0
    already_stored: int = 0
    skipped: list[IngestFailure] = field(default_factory=list)
    sentences: int = 0
    events: int = 0
    modal_events: int = 0
    failed_sentences: list[str] = field(default_factory=list)
    codes: Counter[str] = field(default_factory=Counter)
    # (name as written, code from context or "") → documents that mention it
    unresolved: Counter[tuple[str, str]] = field(default_factory=Counter)
    kept: list[Event] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed_sentences


def code(
    paths: Sequence[str | Path],
    *,
    out: str | Path | None = None,
    fmt: str = "jsonl",
    db: str | Path | None = None,
    options: IngestOptions = IngestOptions(),
    settings: Settings = Settings(),
    workers: int = 1,
    include_modal: bool = False,
    keep_events: bool = False,
    on_document: Callable[[CodedDocument | IngestFailure], None] | None = None,
) -> RunSummary:
    """The whole job: read, code, store and export, never stopping for one bad input."""
    if fmt not in OUTPUT_FORMATS:
        raise ConfigError(Errors.E004.format(value=fmt, choices=", ".join(OUTPUT_FORMATS)))
    summary = RunSummary()
    exported: list[Event] = []
    store = None
    pending: list[CodedDocument] = []
    if db is not None:
        from polybius.store import Store

        store = Store.open(db)

    def flush() -> None:
        # One transaction per batch: a crash loses at most the batch in flight.
        if store is not None and pending:
            summary.already_stored += len(pending) - store.add_many(
                pending, batch_size=len(pending)
            )
            pending.clear()

    try:
        for item in code_files(paths, options=options, settings=settings, workers=workers):
            if on_document is not None:
                on_document(item)
            if isinstance(item, IngestFailure):
                summary.skipped.append(item)
                continue
            summary.documents += 1
            summary.sentences += len(item.sentences)
            summary.failed_sentences.extend(item.failures)
            kept = [e for e in item.events if _keep(e, include_modal)]
            summary.events += len(kept)
            summary.modal_events += sum(1 for e in item.events if not e.modality.factual)
            summary.codes.update(e.cameo for e in kept)
            summary.unresolved.update(
                {
                    ((m.actor.name if m.actor and m.actor.name else m.text), m.code or "")
                    for m in item.unresolved
                }
            )
            if store is not None:
                pending.append(item)
                if len(pending) >= _STORE_BATCH:
                    flush()
            if out is not None or keep_events:
                exported.extend(kept)
        flush()
    finally:
        if store is not None:
            store.close()
    if out is not None:
        _write(exported, Path(out), fmt)
    if keep_events:
        summary.kept = exported
    return summary


def _write(events: list[Event], out: Path, fmt: str) -> None:
    from polybius import export

    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        export.write_jsonl(events, out)
    elif fmt in ("csv", "tsv"):
        export.write_csv(events, out, delimiter="," if fmt == "csv" else "\t")
    else:
        export.write_parquet(events, out)
