"""Local parallelism: N worker processes, each loading the pipeline once.

Documents go out in chunks and come back in input order, so a parallel run writes the
same output as a serial one. Ingest failures never leave the parent process. A worker sends
back only what the parent does not already hold (no document text, sentence offsets
without their text), which keeps the parent's unpickling small next to the coding.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from polybius.ingest.readers import IngestFailure
from polybius.model import CodedDocument, Document
from polybius.pipeline import Pipeline, Settings

__all__ = ["code_parallel"]

_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline  # one pipeline per worker process, loaded once
    _worker_pipeline = Pipeline(settings)
    _worker_pipeline.warm_up()


_NO_DOCUMENT = Document(id="", text="")  # stands in for the document the parent holds


def _code_chunk(documents: list[Document]) -> list[CodedDocument]:
    """Code on the worker; drop the text the parent already has before pickling back."""
    assert _worker_pipeline is not None
    return [
        replace(
            coded,
            document=_NO_DOCUMENT,
            sentences=tuple(replace(s, text="") for s in coded.sentences),
        )
        for coded in _worker_pipeline.code_documents(documents)
    ]


def _rebuild(document: Document, coded: CodedDocument) -> CodedDocument:
    text = document.text
    sentences = tuple(replace(s, text=text[s.start : s.end]) for s in coded.sentences)
    return replace(coded, document=document, sentences=sentences)


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
