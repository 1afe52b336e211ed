"""Local parallelism: N worker processes, each loading the pipeline once.

Documents go out in chunks and come back in input order, so a parallel run writes the
same output as a serial one. Ingest failures never leave the parent process. A worker sends
back only what the parent does not already hold (no document text, sentence offsets
without their text), which keeps the parent's unpickling small next to the coding.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice

from polybius.ingest.readers import IngestFailure
from polybius.model import CodedDocument, Document
from polybius.pipeline import Pipeline, Settings

__all__ = ["WorkerPool", "code_parallel"]

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


# One BLAS thread per worker, as Dask's nanny also sets: N workers with OpenBLAS's default of
# one thread per core oversubscribe the CPUs, and its spinning threads halve the throughput.
_THREAD_LIMITS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _single_threaded_children() -> Iterator[None]:
    """Start child processes with one BLAS thread each (read when they import numpy)."""
    saved = {name: os.environ.get(name) for name in _THREAD_LIMITS}
    os.environ.update(dict.fromkeys(_THREAD_LIMITS, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class WorkerPool:
    """``workers`` processes with the pipeline loaded, reusable for any number of runs.

    ``code_parallel`` starts one per call; keep one open to code several corpora without
    loading the model again, or to time coding apart from start-up (the benchmark does).
    """

    def __init__(self, *, settings: Settings, workers: int) -> None:
        context = mp.get_context("spawn")  # fork after loading spaCy's threads is unsafe
        self.workers = workers
        with _single_threaded_children():
            self._pool = context.Pool(workers, initializer=_init_worker, initargs=(settings,))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def wait_ready(self) -> None:
        """Block until every worker has loaded the pipeline."""
        ready: set[int] = set()
        while len(ready) < self.workers:
            ready.update(self._pool.map(_worker_pid, range(self.workers * 4), chunksize=1))

    def code(
        self, items: Iterable[Document | IngestFailure], *, chunk_size: int = 8
    ) -> Iterator[CodedDocument | IngestFailure]:
        """Code documents on the pool; results keep the input order."""
        staged = []
        for chunk in _chunks(items, chunk_size):
            documents = [d for d in chunk if isinstance(d, Document)]
            staged.append((chunk, self._pool.apply_async(_code_chunk, (documents,))))
            if len(staged) > self.workers * 2:
                yield from _drain(staged.pop(0))
        for item in staged:
            yield from _drain(item)


def _worker_pid(_: int) -> int:
    time.sleep(0.05)  # long enough for the other workers to take a task too
    return os.getpid()


def code_parallel(
    items: Iterable[Document | IngestFailure],
    *,
    settings: Settings,
    workers: int,
    chunk_size: int = 8,
) -> Iterator[CodedDocument | IngestFailure]:
    """Code documents on ``workers`` processes; results keep the input order."""
    with WorkerPool(settings=settings, workers=workers) as pool:
        yield from pool.code(items, chunk_size=chunk_size)


def _drain(
    item: tuple[list[Document | IngestFailure], object],
) -> Iterator[CodedDocument | IngestFailure]:
    chunk, result = item
    coded = iter(result.get())  # type: ignore[attr-defined]
    for original in chunk:
        yield original if isinstance(original, IngestFailure) else _rebuild(original, next(coded))
