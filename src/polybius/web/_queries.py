"""Read queries behind the HTTP API, on a read-only store.

Values reach SQL only as bound parameters; the only text spliced into a statement is a
column name picked from :data:`SORT_KEYS` by a validated key, never a request value.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from polybius.errors import Errors, StoreError
from polybius.events.ontology import load_ontology

if TYPE_CHECKING:
    from polybius.store import Store

__all__ = [
    "EVENT_FIELDS",
    "SORT_KEYS",
    "EventFilters",
    "document",
    "document_list",
    "event_detail",
    "events_page",
    "frame_records",
    "summary",
]

logger = logging.getLogger(__name__)

EVENT_FIELDS: tuple[str, ...] = (
    "event_id", "source_code", "target_code", "cameo", "cameo_root", "quad_class", "goldstein",
    "plover_type", "plover_mode", "first_date", "last_date", "place_name", "place_country",
    "latitude", "longitude", "num_reports", "num_documents", "num_sources",
)  # fmt: skip

# Sort key (as the API names it) -> column of the events table.
SORT_KEYS: dict[str, str] = {
    "date": "first_date",
    "goldstein": "goldstein",
    "reports": "num_reports",
    "sources": "num_sources",
    "source": "source_code",
    "target": "target_code",
    "cameo": "cameo",
    "quad_class": "quad_class",
}


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The event-search filters, every one optional and all ANDed."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor is not None:
            clauses.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
            params += [self.actor, self.actor]
        if self.source is not None:
            clauses.append("starts_with(e.source_code, ?)")
            params.append(self.source)
        if self.target is not None:
            clauses.append("starts_with(e.target_code, ?)")
            params.append(self.target)
        if self.dyad is not None:
            a, b = self.dyad
            pair = "(starts_with(e.source_code, ?) AND starts_with(e.target_code, ?))"
            clauses.append(f"({pair} OR {pair})")
            params += [a, b, b, a]
        if self.code is not None:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.code)
        if self.plover is not None:
            clauses.append("e.plover_type = ?")
            params.append(self.plover)
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.since is not None:
            clauses.append("e.first_date >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("e.first_date <= ?")
            params.append(self.until)
        if self.place is not None:
            clauses.append("e.place_name ILIKE '%' || ? || '%'")
            params.append(self.place)
        if self.text is not None:
            clauses.append(
                "e.event_id IN (SELECT r.event_id FROM reports r LEFT JOIN sentences s"
                " ON s.doc_hash = r.doc_hash AND s.idx = r.sentence_index"
                " WHERE r.event_id IS NOT NULL"
                " AND (s.text ILIKE '%' || ? || '%' OR r.trigger ILIKE '%' || ? || '%'))"
            )
            params += [self.text, self.text]
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return where, params


def _clean(value: Any) -> Any:
    """A JSON-ready scalar: NaN/NaT become None, numpy and pandas values become Python."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):
        return _clean(value.item())
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as plain dicts of Python values."""
    columns = list(frame.columns)
    return [
        {c: _clean(v) for c, v in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _rows(store: Store, query: str, params: list[Any]) -> list[dict[str, Any]]:
    try:
        cursor = store.connection.execute(query, params)
    except duckdb.Error as exc:
        raise StoreError(Errors.E401.format(path=store.path, reason=exc)) from exc
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def events_page(
    store: Store,
    filters: EventFilters,
    *,
    sort: str = "date",
    order: str = "desc",
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """The total number of matching events and one sorted page of them."""
    column = SORT_KEYS[sort]  # a KeyError here is a bug: the API validates ``sort``
    direction = "ASC" if order == "asc" else "DESC"
    where, params = filters.where()
    total = int(store.scalar(f"SELECT count(*) FROM events e {where}", params))
    fields = ", ".join(f"e.{name}" for name in EVENT_FIELDS)
    rows = _rows(
        store,
        f"SELECT {fields} FROM events e {where}"
        f" ORDER BY e.{column} {direction} NULLS LAST, e.first_date {direction} NULLS LAST,"
        f" e.event_id {direction} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return total, rows


def _report(row: dict[str, Any]) -> dict[str, Any]:
    """A report row (with its ``record`` JSON) as the API's report shape."""
    record: dict[str, Any] = json.loads(row["record"])
    ontology = load_ontology()
    entry = ontology.codes.get(record.get("cameo", ""))
    record.update(
        report_id=row["report_id"],
        event_id=row["event_id"],
        doc_hash=row["doc_hash"],
        publication=row.get("publication"),
        document_date=row.get("document_date"),
        sentence=row.get("sentence"),
        cameo_name=entry.name if entry else "",
    )
    return record


_REPORT_SELECT = """
    SELECT r.report_id, r.event_id, r.doc_hash, r.record, d.publication,
           d.date AS document_date, s.text AS sentence
    FROM reports r
    JOIN documents d ON d.content_hash = r.doc_hash
    LEFT JOIN sentences s ON s.doc_hash = r.doc_hash AND s.idx = r.sentence_index
"""


def event_detail(
    store: Store, event_id: str, *, event: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """One event with every report linked to it, or None if there is no such event.

    ``event``, when the caller already holds the events-table row, saves reading it.
    """
    if event is None:
        fields = ", ".join(EVENT_FIELDS)
        rows = _rows(store, f"SELECT {fields} FROM events WHERE event_id = ?", [event_id])
        if not rows:
            return None
        event = rows[0]
    reports = _rows(store, f"{_REPORT_SELECT} WHERE r.event_id = ? ORDER BY r.seq", [event_id])
    sources: list[str] = []
    if reports:
        found = store.scalar("SELECT sources FROM events WHERE event_id = ?", [event_id])
        sources = list(found or [])
    return {"event": event, "sources": sources, "reports": [_report(r) for r in reports]}


def _spans(report: dict[str, Any], text_length: int) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []

    def add(role: str, start: int | None, end: int | None, text: str) -> None:
        if start is None or end is None or not 0 <= start < end <= text_length:
            return
        spans.append(
            {"report_id": report["report_id"], "role": role, "start": start, "end": end}
            | {"text": text}
        )

    start, end = report["trigger_span"]
    add("trigger", start, end, report["trigger"])
    for role in ("source", "target", "quoted"):
        mention = report.get(role)
        if mention:
            add(role, mention["start"], mention["end"], mention["text"])
    for role in ("date", "place"):
        part = report.get(role)
        if part and part.get("span"):
            add(role, part["span"][0], part["span"][1], part.get("text", ""))
    return spans


def document(store: Store, doc_hash: str) -> dict[str, Any] | None:
    """A document's text, its reports and the spans behind each, or None if unknown."""
    rows = _rows(
        store,
        "SELECT content_hash AS doc_hash, id AS doc_id, date, date_rule, publication, origin,"
        " text, failures FROM documents WHERE content_hash = ?",
        [doc_hash],
    )
    if not rows:
        return None
    doc = rows[0]
    doc["failures"] = json.loads(doc["failures"] or "[]")
    reports = [
        _report(r)
        for r in _rows(store, f"{_REPORT_SELECT} WHERE r.doc_hash = ? ORDER BY r.seq", [doc_hash])
    ]
    length = len(doc["text"])
    spans = [span for report in reports for span in _spans(report, length)]
    # The stored text is the source of truth: each span shows the words it covers there.
    for span in spans:
        span["text"] = doc["text"][span["start"] : span["end"]]
    doc["reports"] = reports
    doc["spans"] = spans
    return doc


def document_list(
    store: Store, *, text: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Documents in the order they were stored, optionally those whose text has ``text``."""
    where, params = "", []
    if text is not None:
        where = "WHERE d.text ILIKE '%' || ? || '%' OR d.id ILIKE '%' || ? || '%'"
        params = [text, text]
    total = int(store.scalar(f"SELECT count(*) FROM documents d {where}", params))
    rows = _rows(
        store,
        f"""
        SELECT d.content_hash AS doc_hash, d.id AS doc_id, d.date, d.publication, d.origin,
               (SELECT count(*) FROM reports r WHERE r.doc_hash = d.content_hash) AS reports,
               left(d.text, 200) AS preview
        FROM documents d {where}
        ORDER BY d.seq LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
    return total, rows


def summary(store: Store) -> dict[str, Any]:
    """How much the store holds and the dates it spans."""
    row = _rows(
        store, "SELECT count(*) AS n, min(first_date) AS a, max(first_date) AS b FROM events", []
    )[0]
    return {
        "path": store.path,
        "events": int(row["n"]),
        "first_date": row["a"],
        "last_date": row["b"],
        "reports": int(store.scalar("SELECT count(*) FROM reports")),
        "documents": int(store.scalar("SELECT count(*) FROM documents")),
    }
