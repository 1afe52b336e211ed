"""Local parallelism: N worker processes, each loading the pipeline once.

Documents go out in chunks and come back in input order, so a parallel run writes the
same output as a serial one. Ingest failures never leave the parent process. A worker sends
back only what the parent does not already hold (no document text, sentence offsets
without their text), which keeps the parent's unpickling small next to the coding.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from polybius.ingest.readers import IngestFailure
from polybius.model import CodedDocument, Document, Event, Mention, Sentence
from polybius.pipeline import Pipeline, Settings

__all__ = ["code_parallel"]

_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline  # one pipeline per worker process, loaded once
    _worker_pipeline = Pipeline(settings)
    _worker_pipeline.warm_up()


# what a worker returns per document: sentence offsets, mentions, events, failures
_Coded = tuple[tuple[tuple[int, int], ...], tuple[Mention, ...], tuple[Event, ...], tuple[str, ...]]


def _code_chunk(documents: list[Document]) -> list[_Coded]:
    assert _worker_pipeline is not None
    return [
        (tuple((s.start, s.end) for s in c.sentences), c.mentions, c.events, c.failures)
        for c in _worker_pipeline.code_documents(documents)
    ]


def _rebuild(document: Document, coded: _Coded) -> CodedDocument:
    spans, mentions, events, failures = coded
    sentences = tuple(
        Sentence(document.id, index, start, end, document.text[start:end])
        for index, (start, end) in enumerate(spans)
    )
    return CodedDocument(document, sentences, mentions, events, failures)


def _chunks(
    items: Iterable[Document | IngestFailure], size: int
) -> Iterator[list[Document | IngestFailure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_parallel(
    items: Iterable[Document | IngestFailure],
    *,
    settings: Settings,
    workers: int,
    chunk_size: int = 8,
) -> Iterator[CodedDocument | IngestFailure]:
    """Code documents on ``workers`` processes; results keep the input order."""
    context = mp.get_context("spawn")  # fork after loading torch/spaCy threads is unsafe
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        staged = []
        for chunk in _chunks(items, chunk_size):
            documents = [d for d in chunk if isinstance(d, Document)]
            staged.append((chunk, pool.apply_async(_code_chunk, (documents,))))
            if len(staged) > workers * 2:
                yield from _drain(staged.pop(0))
        for item in staged:
            yield from _drain(item)


def _drain(
    item: tuple[list[Document | IngestFailure], object],
) -> Iterator[CodedDocument | IngestFailure]:
    chunk, result = item
    coded = iter(result.get())  # type: ignore[attr-defined]
    for original in chunk:
        yield original if isinstance(original, IngestFailure) else _rebuild(original, next(coded))
