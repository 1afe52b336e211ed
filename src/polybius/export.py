"""Write events in the formats users already load, and read the same formats back.

Native formats work on :class:`~polybius.model.Event` records (one line or row per report):

* JSONL (:func:`write_jsonl`): full provenance, one :func:`event_record` per line.
* CSV/TSV (:func:`write_csv`): one flat row per report, columns :data:`FLAT_COLUMNS`.

Dataset layouts work on a :class:`~polybius.store.Store` (one row per deduplicated event):

* GDELT 2.0 event table (:data:`GDELT_COLUMNS`, 61 columns, the order of the
  ``*.export.CSV`` files published since February 2015; tab-separated, no header).
* ICEWS coded event data (:data:`ICEWS_COLUMNS`, the 20 columns of the Dataverse
  ``events.YYYY.tab`` files, 1995-2020 release).
* POLECAT / PLOVER (:data:`POLECAT_COLUMNS`, the layout of the weekly POLECAT files
  released on Dataverse in 2023, PLOVER 1.0 codebook names).
* Parquet (:func:`export_parquet`), one file or a ``year=/month=`` partitioned directory.

:func:`import_file` reads GDELT, ICEWS, POLECAT and native JSONL files into the store's
``imported_events`` table under a dataset name, so a user can compare them with their own
coded corpus (``dyad(store, "RUS", "CHN", dataset="gdelt")``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polybius.errors import Errors, ExportError
from polybius.model import Event, Mention, to_dict

if TYPE_CHECKING:
    from polybius.store import Store

__all__ = [
    "EXPORT_FORMATS",
    "FLAT_COLUMNS",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "IMPORT_FORMATS",
    "POLECAT_COLUMNS",
    "event_record",
    "export_store",
    "flatten_event",
    "import_file",
    "write_csv",
    "write_jsonl",
]

logger = logging.getLogger(__name__)

EXPORT_FORMATS = ("jsonl", "csv", "tsv", "gdelt", "icews", "polecat", "parquet")
IMPORT_FORMATS = ("gdelt", "icews", "polecat", "jsonl")


def event_record(event: Event) -> dict[str, Any]:
    """The native JSON form of one event: its id, every field, and convenience keys."""
    record: dict[str, Any] = {"id": event.id, **to_dict(event)}
    record["source_code"] = event.source.code
    record["target_code"] = event.target.code if event.target else None
    record["negated"] = event.modality.negated
    record["hypothetical"] = event.modality.hypothetical
    record["future"] = event.modality.future
    record["reported"] = event.modality.reported
    return record


def write_jsonl(events: Iterable[Event], path: str | Path) -> int:
    """Write one :func:`event_record` per line; returns the number of lines written."""
    count = 0
    with _open_out(path) as out:
        for event in events:
            out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
            count += 1
    return count


def _mention_columns(prefix: str, mention: Mention | None) -> dict[str, Any]:
    actor = mention.actor if mention else None
    return {
        f"{prefix}_code": mention.code if mention else None,
        f"{prefix}_text": mention.text if mention else None,
        f"{prefix}_start": mention.start if mention else None,
        f"{prefix}_end": mention.end if mention else None,
        f"{prefix}_rule": mention.rule if mention else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sectors": ";".join(actor.sectors) if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_entity_id": actor.entity_id if actor else None,
    }


def flatten_event(event: Event) -> dict[str, Any]:
    """One flat row per report: nested records become prefixed columns, lists ``;``-joined."""
    date, place, modality = event.date, event.place, event.modality
    row: dict[str, Any] = {
        "id": event.id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence_span[0],
        "sentence_end": event.sentence_span[1],
        **_mention_columns("source", event.source),
        **_mention_columns("target", event.target),
        "cameo": event.cameo,
        "trigger": event.trigger,
        "trigger_start": event.trigger_span[0],
        "trigger_end": event.trigger_span[1],
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "plover_context": event.plover_context,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision.value if date else None,
        "date_rule": date.rule if date else None,
        "date_text": date.text if date else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_admin1": place.admin1 if place else None,
        "place_latitude": place.latitude if place else None,
        "place_longitude": place.longitude if place else None,
        "place_geonames_id": place.geonames_id if place else None,
        "place_feature": place.feature if place else None,
        "place_rule": place.rule if place else None,
        "place_text": place.text if place else None,
        "place_reason": event.place_reason,
        "cited_sources": ";".join(event.cited_sources),
        "negated": modality.negated,
        "hypothetical": modality.hypothetical,
        "future": modality.future,
        "reported": modality.reported,
        "modality_cue": modality.cue,
        "quoted_code": event.quoted.code if event.quoted else None,
        "quoted_text": event.quoted.text if event.quoted else None,
        "confidence": event.confidence,
        "rule": event.rule,
        "lexicon_version": event.lexicon_version,
        "coder_version": event.coder_version,
    }
    return row


def _flat_columns() -> tuple[str, ...]:
    from polybius.model import Mention as _M

    probe = Event(
        doc_id="",
        sentence_index=0,
        sentence_span=(0, 0),
        source=_M(text="", start=0, end=0),
        target=None,
        cameo="",
        trigger="",
        trigger_span=(0, 0),
    )
    return tuple(flatten_event(probe))


FLAT_COLUMNS: tuple[str, ...] = _flat_columns()


def write_csv(events: Iterable[Event], path: str | Path, *, delimiter: str = ",") -> int:
    """Write one flat row per event (columns :data:`FLAT_COLUMNS`) with a header line."""
    count = 0
    with _open_out(path, newline="") as out:
        writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, delimiter=delimiter)
        writer.writeheader()
        for event in events:
            row = flatten_event(event)
            writer.writerow({k: _csv_value(v) for k, v in row.items()})
            count += 1
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _OutFile:
    def __init__(self, path: str | Path, newline: str | None) -> None:
        self.path = Path(path)
        self.newline = newline

    def __enter__(self) -> Any:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = self.path.open("w", encoding="utf-8", newline=self.newline)
        except OSError as exc:
            raise ExportError(
                Errors.E503.format(path=self.path, reason=exc.strerror or exc)
            ) from exc
        return self.handle

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def _open_out(path: str | Path, newline: str | None = None) -> _OutFile:
    return _OutFile(path, newline)


def _iter_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        yield from handle
