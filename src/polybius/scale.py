"""Scale out on Dask: code a corpus on a cluster into partitioned Parquet, resumably.

The client reads the corpus in its usual deterministic order (``iter_documents``) and cuts
it into partitions of ``partition_size`` inputs: partition ``i`` always holds inputs
``i * size .. (i + 1) * size - 1``, so a restart maps the same documents to the same
partition ids. Each worker loads the pipeline once (:class:`PipelinePlugin`) and writes
one partition as two Parquet files, each first to a hidden temporary name and then
renamed atomically::

    out_dir/_polybius_run.json            partition size and settings of the run
    out_dir/documents/part-000003.parquet one row per input (document or ingest failure)
    out_dir/events/part-000003.parquet    one row per event (flat columns + JSON record)

A partition is done when its events file exists (it is renamed last) and carries the
fingerprint of the inputs it was coded from. A rerun skips done partitions, so after a
worker or client failure nothing is lost and nothing is written twice. Query the output
with DuckDB (``read_parquet('out/events/*.parquet')``) or :func:`attach_parquet`.

Requires the ``scale`` extra (``pip install 'polybius[scale]'``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from polybius.errors import ConfigError, Errors
from polybius.export import FLAT_COLUMNS, event_record, flatten_event
from polybius.ingest.readers import IngestFailure, IngestOptions, iter_documents
from polybius.model import CodedDocument, Document, Event, to_dict
from polybius.pipeline import Settings

if TYPE_CHECKING:
    from polybius.store import Store

try:  # the plugin base class; without the extra, the module still imports
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - exercised only without the scale extra
    _PluginBase = object  # type: ignore[assignment,misc]

__all__ = [
    "ClusterSummary",
    "Partition",
    "PartitionResult",
    "PipelinePlugin",
    "attach_parquet",
    "code_on_cluster",
    "code_partition",
    "iter_partitions",
    "parquet_glob",
    "parse_cluster",
    "read_events",
]

log = logging.getLogger(__name__)

MANIFEST = "_polybius_run.json"
EVENTS_DIR = "events"
DOCUMENTS_DIR = "documents"
_FORMAT = 1
_FINGERPRINT_KEY = b"polybius.fingerprint"
_PART = re.compile(r"^part-(\d{6})\.parquet$")
_LOCAL = re.compile(r"^local(?::(\d+))?$")
_OPTIONS = IngestOptions()
_SETTINGS = Settings()
_PIPELINE_LOCK = threading.Lock()  # one spaCy pipeline per process; worker threads take turns

_INT_COLUMNS = frozenset(
    {
        "sentence_index", "sentence_start", "sentence_end", "source_start", "source_end",
        "target_start", "target_end", "trigger_start", "trigger_end", "quad_class",
        "place_geonames_id",
    }
)  # fmt: skip
_FLOAT_COLUMNS = frozenset({"goldstein", "place_latitude", "place_longitude", "confidence"})
_BOOL_COLUMNS = frozenset({"negated", "hypothetical", "future", "reported"})
_DATE_COLUMNS = frozenset({"date_start", "date_end"})


def _arrow_type(column: str) -> pa.DataType:
    if column in _INT_COLUMNS:
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    if column in _BOOL_COLUMNS:
        return pa.bool_()
    if column in _DATE_COLUMNS:
        return pa.date32()
    return pa.string()


EVENT_SCHEMA = pa.schema(
    [
        pa.field("partition", pa.int64()),
        pa.field("position", pa.int64()),
        *(pa.field(column, _arrow_type(column)) for column in FLAT_COLUMNS),
        pa.field("record", pa.string()),
    ]
)
"""Columns of ``events/part-*.parquet``: the flat export columns plus the full JSON record."""

DOCUMENT_SCHEMA = pa.schema(
    [
        pa.field("partition", pa.int64()),
        pa.field("position", pa.int64()),
        pa.field("kind", pa.string()),  # "document" or "ingest_failure"
        pa.field("doc_id", pa.string()),
        pa.field("origin", pa.string()),
        pa.field("content_hash", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("sentences", pa.int64()),
        pa.field("events", pa.int64()),
        pa.field("failures", pa.string()),  # JSON list of skipped-sentence messages
        pa.field("message", pa.string()),  # the ingest failure's message
    ]
)
"""Columns of ``documents/part-*.parquet``: one row per input, failures in their places."""


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of the corpus in input order: inputs ``start .. start + len(items) - 1``."""

    index: int
    start: int
    items: tuple[Document | IngestFailure, ...]

    @property
    def fingerprint(self) -> str:
        """What the partition was made from; a rerun recodes it if its inputs changed."""
        digest = hashlib.sha1(f"{self.index}:{self.start}".encode())
        for item in self.items:
            if isinstance(item, IngestFailure):
                digest.update(f"\0F{item.origin}\0{item.message}".encode())
            else:
                digest.update(f"\0D{item.id}\0{item.content_hash}\0{item.date}".encode())
        return digest.hexdigest()

    @property
    def name(self) -> str:
        return f"part-{self.index:06d}.parquet"


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What coding one partition produced; ``skipped`` means it was done by an earlier run."""

    index: int
    documents: int
    ingest_failures: int
    sentences: int
    events: int
    failed_sentences: int
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class ClusterSummary:
    """What a cluster run did, for the end-of-run report."""

    out_dir: Path
    partitions: int
    computed: int
    skipped: int
    documents: int
    ingest_failures: int
    sentences: int
    events: int
    failed_sentences: int
    seconds: float

    @property
    def events_glob(self) -> str:
        return parquet_glob(self.out_dir)


def iter_partitions(items: Iterable[Document | IngestFailure], *, size: int) -> Iterator[Partition]:
    """Cut the inputs into consecutive partitions of ``size`` (the last may be shorter)."""
    if size < 1:
        raise ConfigError(Errors.E074.format(value=size))
    iterator = iter(items)
    index = 0
    while chunk := tuple(islice(iterator, size)):
        yield Partition(index=index, start=index * size, items=chunk)
        index += 1


def parse_cluster(spec: str) -> tuple[str, int]:
    """``("local", N)`` for ``local:N``, else ``("address", 0)`` for a scheduler address.

    A path ending in ``.json`` is a scheduler file, as dask-jobqueue and ``dask scheduler
    --scheduler-file`` write it; it is returned as ``("scheduler_file", 0)``.
    """
    spec = spec.strip()
    local = _LOCAL.match(spec)
    if local:
        workers = int(local.group(1)) if local.group(1) else (os.cpu_count() or 1)
        if workers < 1:
            raise ConfigError(Errors.E071.format(value=spec))
        return "local", workers
    if spec.endswith(".json"):
        return "scheduler_file", 0
    if re.match(r"^(tcp|tls|inproc|ucx|ws|wss)://\S+$", spec) or re.match(r"^[\w.-]+:\d+$", spec):
        return "address", 0
    raise ConfigError(Errors.E071.format(value=spec))


# -- worker side -----------------------------------------------------------------------


class PipelinePlugin(_PluginBase):
    """Loads the coding pipeline once when a worker starts (and again if it is restarted)."""

    name = "polybius-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any = None) -> None:
        from polybius.api import get_pipeline

        started = time.perf_counter()
        get_pipeline(self.settings).warm_up()
        log.info("worker pipeline loaded in %.1f s", time.perf_counter() - started)


def code_partition(
    partition: Partition, *, out_dir: str | Path, settings: Settings
) -> PartitionResult:
    """Code one partition and write its two Parquet files atomically.

    Runs on a Dask worker, but is a plain function: it also codes a partition in-process.
    """
    from polybius.api import get_pipeline

    documents = [item for item in partition.items if isinstance(item, Document)]
    with _PIPELINE_LOCK:
        coded = iter(list(get_pipeline(settings).code_documents(documents)))
    results: list[CodedDocument | IngestFailure] = [
        item if isinstance(item, IngestFailure) else next(coded) for item in partition.items
    ]
    out = Path(out_dir)
    _write_atomic(_documents_table(partition, results), out / DOCUMENTS_DIR / partition.name)
    # the events file is renamed last: its presence marks the partition done
    _write_atomic(
        _events_table(partition, results),
        out / EVENTS_DIR / partition.name,
        fingerprint=partition.fingerprint,
    )
    done = [r for r in results if isinstance(r, CodedDocument)]
    return PartitionResult(
        index=partition.index,
        documents=len(done),
        ingest_failures=len(results) - len(done),
        sentences=sum(len(c.sentences) for c in done),
        events=sum(len(c.events) for c in done),
        failed_sentences=sum(len(c.failures) for c in done),
    )


def _event_row(partition: Partition, position: int, event: Event) -> dict[str, Any]:
    row = flatten_event(event)
    for column, value in row.items():
        if _arrow_type(column) == pa.string() and value is not None and not isinstance(value, str):
            row[column] = str(value)  # a column added to the export later stays writable
    row["partition"] = partition.index
    row["position"] = position
    row["record"] = json.dumps(event_record(event), ensure_ascii=False, sort_keys=True)
    return row


def _events_table(
    partition: Partition, results: Sequence[CodedDocument | IngestFailure]
) -> pa.Table:
    rows = [
        _event_row(partition, partition.start + offset, event)
        for offset, result in enumerate(results)
        if isinstance(result, CodedDocument)
        for event in result.events
    ]
    return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)


def _documents_table(
    partition: Partition, results: Sequence[CodedDocument | IngestFailure]
) -> pa.Table:
    rows: list[dict[str, Any]] = []
    for offset, result in enumerate(results):
        row: dict[str, Any] = {"partition": partition.index, "position": partition.start + offset}
        if isinstance(result, IngestFailure):
            row.update(kind="ingest_failure", origin=result.origin, message=result.message)
        else:
            document = result.document
            row.update(
                kind="document",
                doc_id=document.id,
                origin=document.origin,
                content_hash=document.content_hash,
                date=document.date,
                sentences=len(result.sentences),
                events=len(result.events),
                failures=json.dumps(list(result.failures), ensure_ascii=False),
            )
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def _write_atomic(table: pa.Table, path: Path, *, fingerprint: str | None = None) -> None:
    """Write to a hidden temporary file beside ``path``, flush it to disk, then rename."""
    if fingerprint is not None:
        table = table.replace_schema_metadata({_FINGERPRINT_KEY: fingerprint.encode()})
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("wb") as handle:
            pq.write_table(table, handle, compression="zstd")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# -- client side -----------------------------------------------------------------------


def _fingerprint_of(path: Path) -> str | None:
    try:
        metadata = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException):
        return None  # unreadable: recode it
    value = metadata.get(_FINGERPRINT_KEY)
    return value.decode() if value else None


def _check_manifest(out: Path, *, partition_size: int, settings: Settings) -> None:
    wanted = {
        "format": _FORMAT,
        "partition_size": partition_size,
        "settings": to_dict(settings),
    }
    path = out / MANIFEST
    if path.exists():
        found = json.loads(path.read_text(encoding="utf-8"))
        for key in ("format", "partition_size", "settings"):
            if found.get(key) != wanted[key]:
                raise ConfigError(
                    Errors.E072.format(
                        path=out, found=f"{key}={found.get(key)!r}", wanted=repr(wanted[key])
                    )
                )
        return
    out.mkdir(parents=True, exist_ok=True)
    temporary = out / f".{MANIFEST}.{uuid.uuid4().hex}.tmp"
    temporary.write_text(json.dumps(wanted, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def _remove_leftovers(out: Path, partitions: int) -> None:
    """Delete temporary files of killed tasks and partitions past the end of a shrunk corpus."""
    for folder in (out / EVENTS_DIR, out / DOCUMENTS_DIR):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            match = _PART.match(path.name)
            if path.name.startswith(".") and path.name.endswith(".tmp"):
                path.unlink(missing_ok=True)
            elif match and int(match.group(1)) >= partitions:
                log.warning("%s: the corpus has only %d partitions now; removed", path, partitions)
                path.unlink(missing_ok=True)


def _distributed() -> Any:
    """The ``distributed`` module, or E073 if the extra is not installed."""
    try:
        import distributed
    except ImportError as exc:
        raise ConfigError(Errors.E073.format(reason=exc)) from exc
    return distributed


def _client(cluster: Any) -> tuple[Any, Callable[[], None]]:
    """A connected ``distributed.Client`` and how to let go of it."""
    distributed = _distributed()
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    if isinstance(cluster, Client):
        return cluster, lambda: None
    kind, workers = parse_cluster(str(cluster))
    if kind == "local":
        local = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(local)
        log.info("LocalCluster of %d workers; dashboard at %s", workers, client.dashboard_link)

        def close_local() -> None:
            client.close()
            local.close()

        return client, close_local
    try:
        if kind == "scheduler_file":
            client = Client(scheduler_file=str(cluster))
        else:
            client = Client(str(cluster))
    except OSError as exc:  # distributed's connection timeouts are OSErrors
        raise ConfigError(Errors.E091.format(address=cluster, reason=exc)) from exc
    return client, client.close


def code_on_cluster(
    paths: Sequence[str | Path],
    *,
    cluster: Any,
    out_dir: str | Path,
    options: IngestOptions = _OPTIONS,
    settings: Settings = _SETTINGS,
    partition_size: int = 200,
    on_partition: Callable[[PartitionResult], None] | None = None,
) -> ClusterSummary:
    """Code every input under ``paths`` on a Dask cluster into Parquet under ``out_dir``.

    ``cluster`` is ``tcp://host:8786``, ``local:N`` (a LocalCluster of N processes), a
    scheduler file (``*.json``) or a connected ``distributed.Client``. ``out_dir`` must be
    visible to the client and every worker (a shared file system). Partitions done by an
    earlier run with the same ``partition_size`` and settings are skipped.
    """
    started = time.perf_counter()
    out = Path(out_dir).resolve()
    _check_manifest(out, partition_size=partition_size, settings=settings)
    connection = _Connection(cluster, settings)
    totals = {"computed": 0, "skipped": 0}
    counts = dict.fromkeys(
        ("documents", "ingest_failures", "sentences", "events", "failed_sentences"), 0
    )

    def record(result: PartitionResult) -> None:
        totals["skipped" if result.skipped else "computed"] += 1
        for key in counts:
            counts[key] += getattr(result, key)
        if on_partition is not None:
            on_partition(result)

    partitions = 0
    try:
        items = iter_documents(paths, options=options)
        partitions = _run(
            connection, items, out=out, settings=settings, size=partition_size, record=record
        )
    finally:
        connection.close()
    _remove_leftovers(out, partitions)
    summary = ClusterSummary(
        out_dir=out,
        partitions=partitions,
        computed=totals["computed"],
        skipped=totals["skipped"],
        seconds=time.perf_counter() - started,
        **counts,
    )
    log.info(
        "coded %d partitions (%d already done) into %s in %.1f s",
        summary.partitions, summary.skipped, out, summary.seconds,
    )  # fmt: skip
    return summary


class _Connection:
    """Connects to the cluster when the first partition needs coding, not before.

    A rerun whose partitions are all done then starts no cluster and loads no model.
    """

    def __init__(self, cluster: Any, settings: Settings) -> None:
        self._cluster = cluster
        self._settings = settings
        self._release: Callable[[], None] | None = None
        self.client: Any = None

    def get(self) -> Any:
        if self.client is None:
            client, self._release = _client(self._cluster)
            self.client = client
            _register(client, PipelinePlugin(self._settings))
        return self.client

    def close(self) -> None:
        if self._release is not None:
            self._release()
        self._release = self.client = None


def _run(
    connection: _Connection,
    items: Iterable[Document | IngestFailure],
    *,
    out: Path,
    settings: Settings,
    size: int,
    record: Callable[[PartitionResult], None],
) -> int:
    """Submit partitions with a bounded number in flight; returns how many there are."""
    pending: Any = None
    window = 0
    in_flight = []
    partitions = 0
    # A fresh key per run: a rerun must not meet futures of the same key that a failed run
    # cancelled and the scheduler has not yet forgotten (FutureCancelledError).
    tag = f"{hashlib.sha1(str(out).encode()).hexdigest()[:8]}-{uuid.uuid4().hex[:8]}"
    try:
        for partition in iter_partitions(items, size=size):
            partitions += 1
            if _is_done(out, partition):
                record(_skipped_result(out, partition))
                continue
            client = connection.get()
            if pending is None:
                pending = _distributed().as_completed()
                workers = max(1, len(client.scheduler_info().get("workers", {})))
                window = max(4, 2 * workers)  # keeps workers busy, holds little in memory
            future = client.submit(
                code_partition,
                partition,
                out_dir=str(out),
                settings=settings,
                key=f"polybius-{tag}-{partition.index}-{partition.fingerprint[:12]}",
            )
            pending.add(future)
            in_flight.append(future)
            while pending.count() >= window:
                record(next(pending).result())
        for future in pending or ():
            record(future.result())
    finally:
        for future in in_flight:
            if not future.done():
                future.cancel()
    return partitions


def _register(client: Any, plugin: Any, *, attempts: int = 5) -> None:
    """Install the worker plugin; a worker that is restarting (after a crash) drops the
    broadcast, so wait for the workers and try again."""
    for attempt in range(attempts):
        try:
            client.register_plugin(plugin, name=plugin.name)
            return
        except OSError:  # distributed's CommClosedError is an OSError
            if attempt == attempts - 1:
                raise
            client.wait_for_workers(1, timeout=30)
            time.sleep(0.5 * (attempt + 1))


def _is_done(out: Path, partition: Partition) -> bool:
    events = out / EVENTS_DIR / partition.name
    if not events.exists():
        return False
    if (
        _fingerprint_of(events) == partition.fingerprint
        and (out / DOCUMENTS_DIR / partition.name).exists()
    ):
        return True
    log.warning("%s was coded from other inputs; coding it again", events)
    return False


def _skipped_result(out: Path, partition: Partition) -> PartitionResult:
    table = pq.read_table(
        out / DOCUMENTS_DIR / partition.name, columns=["kind", "sentences", "events", "failures"]
    ).to_pylist()
    documents = [row for row in table if row["kind"] == "document"]
    return PartitionResult(
        index=partition.index,
        documents=len(documents),
        ingest_failures=len(table) - len(documents),
        sentences=sum(row["sentences"] or 0 for row in documents),
        events=sum(row["events"] or 0 for row in documents),
        failed_sentences=sum(len(json.loads(row["failures"] or "[]")) for row in documents),
        skipped=True,
    )


# -- reading the output ----------------------------------------------------------------


def parquet_glob(out_dir: str | Path, *, table: str = EVENTS_DIR) -> str:
    """The glob DuckDB's ``read_parquet`` takes for a run's events (or ``documents``)."""
    return str(Path(out_dir) / table / "part-*.parquet")


def attach_parquet(
    store: Store, out_dir: str | Path, *, prefix: str = "cluster"
) -> tuple[str, str]:
    """Make a run's Parquet output queryable in ``store`` as views; returns their names.

    ``{prefix}_events`` and ``{prefix}_documents`` read the files in place (nothing is
    copied), so they see partitions that finish later.
    """
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", prefix):
        raise ConfigError(Errors.E075.format(value=prefix))
    names = []
    for table in (EVENTS_DIR, DOCUMENTS_DIR):
        view = f"{prefix}_{table}"
        pattern = parquet_glob(out_dir, table=table).replace("'", "''")
        store.connection.execute(
            f"CREATE OR REPLACE VIEW {view} AS "
            f"SELECT * FROM read_parquet('{pattern}', union_by_name = true)"
        )
        names.append(view)
    return names[0], names[1]


def read_events(out_dir: str | Path) -> list[Event]:
    """Every event of a run as :class:`~polybius.model.Event` records, in corpus order."""
    from polybius.store._codec import event_from_dict

    files = sorted((Path(out_dir) / EVENTS_DIR).glob("part-*.parquet"))
    events: list[Event] = []
    for path in files:
        for record in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            data = json.loads(record)
            data.pop("id", None)
            events.append(event_from_dict(data))
    return events
