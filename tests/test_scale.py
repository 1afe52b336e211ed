"""The Dask backend: deterministic partitions, atomic Parquet, resume after failures."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from polybius.errors import ConfigError
from polybius.ingest.readers import IngestFailure, iter_documents
from polybius.model import Document, Event, Mention
from polybius.pipeline import Settings
from polybius.scale import (
    DOCUMENT_SCHEMA,
    EVENT_SCHEMA,
    Partition,
    PartitionResult,
    _events_table,
    _write_atomic,
    attach_parquet,
    code_on_cluster,
    iter_partitions,
    parquet_glob,
    parse_cluster,
    read_events,
)

_LEADS = (
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on {day}.",
    "Israeli troops attacked Palestinian militants in the Gaza Strip on {day}.",
    "The United States accused Iran of supplying missiles to Houthi rebels in Yemen.",
    "Germany pledged 500 million euros in economic aid to Ukraine on {day}.",
    "Indian and Pakistani soldiers exchanged fire across the Line of Control in Kashmir.",
    "The European Union imposed new sanctions on Belarus over the crackdown in Minsk.",
    "Japanese Prime Minister Shinzo Abe visited Washington and praised the alliance.",
)
_FOLLOWS = (
    "Officials in Beijing welcomed the talks.",
    "The United Nations condemned the violence.",
    "Turkey denied the report on {day}.",
    "Police arrested twelve protesters in Cairo.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _write_corpus(root: Path) -> list[Path]:
    """Nineteen short documents and two inputs that fail ingest, in three files."""
    root.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(16):
        day = _DAYS[i % len(_DAYS)]
        text = _LEADS[i % len(_LEADS)].format(day=day) + " " + _FOLLOWS[i % 4].format(day=day)
        lines.append(
            json.dumps({"id": f"wire-{i:02d}", "date": f"2021-03-{i + 1:02d}", "text": text})
        )
        if i == 9:
            lines.append("{not json")
    (root / "a_wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "b_brief.txt").write_text(
        "Publication: Monitor Volume: 3 Issue: 7\n\n"
        "Russian Foreign Minister Sergei Lavrov criticized NATO expansion on Monday. "
        "Poland rejected the criticism.\n",
        encoding="utf-8",
    )
    (root / "c_empty.txt").write_text("   \n", encoding="utf-8")
    (root / "d_notes.jsonl").write_text(
        json.dumps({"id": "n1", "text": "France recalled its ambassador from Mali."})
        + "\n"
        + json.dumps({"id": "n2", "text": "Chinese warships entered Philippine waters."})
        + "\n",
        encoding="utf-8",
    )
    return [root]


# -- without the model ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("local:2", ("local", 2)),
        ("tcp://10.0.0.5:8786", ("address", 0)),
        ("scheduler:8786", ("address", 0)),
        ("/scratch/scheduler.json", ("scheduler_file", 0)),
    ],
)
def test_parse_cluster(spec: str, expected: tuple[str, int]) -> None:
    assert parse_cluster(spec) == expected


@pytest.mark.parametrize("spec", ["local:0", "local:x", "http//nowhere", ""])
def test_parse_cluster_rejects(spec: str) -> None:
    with pytest.raises(ConfigError, match="--cluster"):
        parse_cluster(spec)


def _items(n: int) -> list[Document | IngestFailure]:
    items: list[Document | IngestFailure] = [
        Document(id=f"d{i}", text=f"Text number {i}.") for i in range(n)
    ]
    items[3] = IngestFailure("in.jsonl:4", "malformed")
    return items


def test_partitions_are_consecutive_and_deterministic() -> None:
    first = list(iter_partitions(_items(10), size=4))
    again = list(iter_partitions(_items(10), size=4))
    assert [(p.index, p.start, len(p.items)) for p in first] == [(0, 0, 4), (1, 4, 4), (2, 8, 2)]
    assert [p.fingerprint for p in first] == [p.fingerprint for p in again]
    assert first[0].items[3] == IngestFailure("in.jsonl:4", "malformed")
    assert first[2].name == "part-000002.parquet"


def test_fingerprint_changes_with_the_inputs() -> None:
    items = _items(4)
    changed = [*items[:2], Document(id="d2", text="Other words."), items[3]]
    (a,) = iter_partitions(items, size=4)
    (b,) = iter_partitions(changed, size=4)
    assert a.fingerprint != b.fingerprint


def test_partition_size_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="partition size"):
        list(iter_partitions(_items(5), size=0))


def _event(doc_id: str, index: int) -> Event:
    return Event(
        doc_id=doc_id,
        sentence_index=index,
        sentence_span=(0, 20),
        source=Mention(text="Russia", start=0, end=6),
        target=None,
        cameo="042",
        trigger="visited",
        trigger_span=(7, 14),
    )


def test_write_atomic_leaves_only_the_final_file(tmp_path: Path) -> None:
    from polybius.model import CodedDocument

    partition = Partition(index=0, start=0, items=(Document(id="d", text="Russia visited."),))
    coded = CodedDocument(document=partition.items[0], events=(_event("d", 0), _event("d", 1)))  # type: ignore[arg-type]
    table = _events_table(partition, [coded])
    target = tmp_path / "events" / partition.name
    _write_atomic(table, target, fingerprint=partition.fingerprint)
    assert [p.name for p in target.parent.iterdir()] == [partition.name]
    read = pq.read_table(target)
    assert read.schema.remove_metadata() == EVENT_SCHEMA
    assert read.column("cameo").to_pylist() == ["042", "042"]
    assert read.schema.metadata[b"polybius.fingerprint"] == partition.fingerprint.encode()


def test_attach_parquet_makes_views(tmp_path: Path) -> None:
    from polybius.model import CodedDocument
    from polybius.scale import _documents_table
    from polybius.store import Store

    document = Document(id="d", text="Russia visited.")
    partition = Partition(index=0, start=0, items=(document, IngestFailure("x.txt", "empty")))
    results = [CodedDocument(document=document, events=(_event("d", 0),)), partition.items[1]]
    _write_atomic(_documents_table(partition, results), tmp_path / "documents" / partition.name)  # type: ignore[arg-type]
    _write_atomic(_events_table(partition, results), tmp_path / "events" / partition.name)  # type: ignore[arg-type]
    with Store.open() as store:
        assert attach_parquet(store, tmp_path, prefix="run1") == ("run1_events", "run1_documents")
        assert store.scalar("SELECT count(*) FROM run1_events WHERE cameo = '042'") == 1
        kinds = store.sql("SELECT kind FROM run1_documents ORDER BY position")["kind"].tolist()
        assert kinds == ["document", "ingest_failure"]
        with pytest.raises(ConfigError, match="prefix"):
            attach_parquet(store, tmp_path, prefix="bad-name; drop")
    assert parquet_glob(tmp_path).endswith("events/part-*.parquet")
    assert DOCUMENT_SCHEMA.names[:3] == ["partition", "position", "kind"]


# -- on a LocalCluster with the real model ----------------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


class _ClientDied(Exception):
    """Stands in for the client process dying mid-run."""


def _event_keys(events: list[Event]) -> list[str]:
    return [json.dumps(e.id) + repr(e) for e in events]


@pytest.mark.model
@pytest.mark.slow
def test_cluster_run_matches_serial_and_resumes_after_failures(tmp_path: Path, client: Any) -> None:
    from polybius.api import code_files
    from polybius.model import CodedDocument

    paths = _write_corpus(tmp_path / "corpus")
    serial = [e for c in code_files(paths) if isinstance(c, CodedDocument) for e in c.events]
    inputs = list(iter_documents(paths))
    assert sum(isinstance(i, IngestFailure) for i in inputs) == 2
    assert len(serial) > 10

    whole = code_on_cluster(paths, cluster=client, out_dir=tmp_path / "whole", partition_size=3)
    assert (whole.partitions, whole.computed, whole.skipped) == (7, 7, 0)
    assert whole.documents == 19 and whole.ingest_failures == 2
    uninterrupted = read_events(tmp_path / "whole")
    assert uninterrupted == serial  # same events, same order

    # kill a worker once the first partition is in, then let the client die after three
    pids = list(client.run(os.getpid).values())
    seen: list[PartitionResult] = []

    def on_partition(result: PartitionResult) -> None:
        seen.append(result)
        if len(seen) == 1:
            os.kill(pids[0], signal.SIGKILL)
        if len(seen) == 3:
            raise _ClientDied

    out = tmp_path / "interrupted"
    with pytest.raises(_ClientDied):
        code_on_cluster(
            paths, cluster=client, out_dir=out, partition_size=3, on_partition=on_partition
        )
    done = sorted(p.name for p in (out / "events").glob("part-*.parquet"))
    assert 3 <= len(done) < 7

    resumed = code_on_cluster(paths, cluster=client, out_dir=out, partition_size=3)
    assert resumed.skipped >= 3 and resumed.computed == 7 - resumed.skipped
    assert (resumed.documents, resumed.ingest_failures, resumed.events) == (
        whole.documents,
        whole.ingest_failures,
        whole.events,
    )
    assert _event_keys(read_events(out)) == _event_keys(uninterrupted)
    positions = pq.read_table(out / "documents", columns=["position"]).column("position")
    assert sorted(positions.to_pylist()) == list(range(len(inputs)))
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]

    # all done: a third run connects to no scheduler (nothing listens on this port)
    again = code_on_cluster(paths, cluster="tcp://127.0.0.1:9", out_dir=out, partition_size=3)
    assert (again.computed, again.skipped, again.events) == (0, 7, whole.events)


def test_rerun_with_other_partition_size_is_refused(tmp_path: Path) -> None:
    from polybius.scale import _check_manifest

    _check_manifest(tmp_path, partition_size=3, settings=Settings())
    _check_manifest(tmp_path, partition_size=3, settings=Settings())
    with pytest.raises(ConfigError, match="partition_size"):
        _check_manifest(tmp_path, partition_size=4, settings=Settings())
    with pytest.raises(ConfigError, match="settings"):
        _check_manifest(tmp_path, partition_size=3, settings=Settings(batch_size=2))


def test_unreachable_scheduler_is_a_config_error(tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    corpus = tmp_path / "one.txt"
    corpus.write_text("Germany pledged aid to Ukraine.\n", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
            code_on_cluster([corpus], cluster="tcp://127.0.0.1:9", out_dir=tmp_path / "out")
