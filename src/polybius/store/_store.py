"""The DuckDB store: documents, sentences, actors, reports and deduplicated events.

One document is written in one transaction, so a crash (even SIGKILL) leaves each
document either fully stored or absent; documents are keyed by content hash, so running
the same batch again stores only what is missing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from polybius.errors import ConfigError, Errors, StoreError
from polybius.export import FLAT_COLUMNS, flatten_event
from polybius.model import CodedDocument, Event, to_dict
from polybius.store._codec import event_from_dict
from polybius.store._dedup import (
    ACTOR_MATCHES,
    EVENT_COLUMNS,
    DedupSettings,
    EventState,
    Linker,
    ReportKey,
    cameo_root,
)
from polybius.store._schema import migrate

__all__ = ["Store"]

logger = logging.getLogger(__name__)

_FLAT_IN_TABLE = tuple("report_id" if c == "id" else c for c in FLAT_COLUMNS)
_KEY_FIELDS = (
    "report_id", "doc_hash", "source_code", "target_code", "cameo", "quad_class", "goldstein",
    "plover_type", "plover_mode", "start", "end", "place_name", "place_country",
    "place_geonames_id", "latitude", "longitude",
)  # fmt: skip
_DOCUMENT_COLUMNS = (
    "content_hash",
    "seq",
    "id",
    "origin",
    "date",
    "date_rule",
    "publication",
    "volume",
    "issue",
    "text",
    "encoding",
    "citations",
    "metadata",
    "failures",
)
_SENTENCE_COLUMNS = ("doc_hash", "doc_id", "idx", "start", "end", "text")
_REPORT_INSERT_COLUMNS = (
    "seq",
    "doc_hash",
    "event_id",
    "cameo_root",
    "effective_start",
    "effective_end",
    "sources",
    "record",
    *_FLAT_IN_TABLE,
)


def _quote(name: str) -> str:
    return f'"{name}"'


def _insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    verb: str = "INSERT",
) -> None:
    """Insert ``rows`` through an Arrow table: no SQL text grows with the rows, and DuckDB
    reads the columns in bulk (several times faster than binding every value)."""
    if not rows:
        return
    names = ", ".join(_quote(c) for c in columns)
    arrays = {f"c{i}": [row[i] for row in rows] for i in range(len(columns))}
    batch = pa.table(arrays)
    view = f"_polybius_insert_{table}"
    con.register(view, batch)
    try:
        selected = ", ".join(f"c{i}" for i in range(len(columns)))
        con.execute(f"{verb} INTO {table} ({names}) SELECT {selected} FROM {view}")
    finally:
        con.unregister(view)


def _dedup_settings(window_days: int, actor_match: str) -> DedupSettings:
    if actor_match not in ACTOR_MATCHES:
        choices = ", ".join(ACTOR_MATCHES)
        raise ConfigError(
            Errors.E504.format(kind="actor match", value=actor_match, choices=choices)
        )
    if window_days < 0:
        raise ConfigError(Errors.E504.format(kind="window", value=window_days, choices=">= 0"))
    return DedupSettings(window_days=window_days, actor_match=actor_match)


class Store:
    """An embedded DuckDB database of coded documents and the events they report.

    Open with :meth:`open` (a path, or ``":memory:"``) and use as a context manager.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        *,
        path: str,
        dedup: DedupSettings,
    ) -> None:
        self._con = con
        self.path = path
        self.dedup = dedup
        self._known_actors: set[str] | None = None
        self._seq: dict[str, int] = {}

    @classmethod
    def open(
        cls,
        path: str | Path = ":memory:",
        *,
        window_days: int = 3,
        actor_match: str = "exact",
        read_only: bool = False,
    ) -> Store:
        """Open (creating and migrating if needed) the database at ``path``.

        ``window_days`` and ``actor_match`` set how reports are linked into events
        (see :class:`DedupSettings`); change them later with :meth:`relink`.
        """
        name = str(path)
        dedup = _dedup_settings(window_days, actor_match)
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(Errors.E401.format(path=name, reason=exc)) from exc
        if not read_only:
            migrate(con, path=name)
        return cls(con, path=name, dedup=dedup)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for read queries by the analysis and export modules."""
        return self._con

    @property
    def schema_version(self) -> int:
        return int(self.scalar("SELECT count(*) FROM _migrations"))

    def sql(self, query: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a parameterised read query and return a DataFrame."""
        try:
            return self._con.execute(query, list(params)).df()
        except duckdb.Error as exc:
            raise StoreError(Errors.E401.format(path=self.path, reason=exc)) from exc

    def scalar(self, query: str, params: Sequence[Any] = ()) -> Any:
        """The first value of a parameterised read query (None when it returns no row)."""
        try:
            rows = self._con.execute(query, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(Errors.E401.format(path=self.path, reason=exc)) from exc
        return rows[0][0] if rows else None

    def has_document(self, content_hash: str) -> bool:
        found = self.scalar("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash])
        return found is not None

    def counts(self) -> dict[str, int]:
        """Number of rows in each main table."""
        out: dict[str, int] = {}
        for table in ("documents", "sentences", "actors", "reports", "events", "imported_events"):
            out[table] = int(self.scalar(f"SELECT count(*) FROM {table}"))
        return out

    def events(
        self,
        *,
        doc_id: str | None = None,
        event_id: str | None = None,
        include_modal: bool = True,
    ) -> Iterator[Event]:
        """The coded :class:`Event` records (reports) in insertion order, rebuilt losslessly."""
        clauses, params = [], []
        if doc_id is not None:
            clauses.append("doc_id = ?")
            params.append(doc_id)
        if event_id is not None:
            clauses.append("event_id = ?")
            params.append(event_id)
        if not include_modal:
            clauses.append("NOT negated AND NOT hypothetical")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        cursor = self._con.cursor()
        cursor.execute(f"SELECT record FROM reports {where} ORDER BY seq", params)
        while batch := cursor.fetchmany(1000):
            for (record,) in batch:
                yield event_from_dict(json.loads(record))

    def explain_event(self, event_id: str) -> pd.DataFrame:
        """The reports linked to one event: document, sentence, codes, date, place, sources."""
        if self.scalar("SELECT 1 FROM events WHERE event_id = ?", [event_id]) is None:
            raise StoreError(Errors.E505.format(event_id=event_id, path=self.path))
        return self.sql(
            """
            SELECT r.report_id, r.doc_id, d.publication, d.date AS document_date,
                   r.sentence_index, s.text AS sentence, r.source_code, r.target_code,
                   r.cameo, r.trigger, r.effective_start AS date_start,
                   r.effective_end AS date_end, r.date_rule, r.place_name,
                   r.cited_sources, r.rule
            FROM reports r
            JOIN documents d ON d.content_hash = r.doc_hash
            LEFT JOIN sentences s ON s.doc_hash = r.doc_hash AND s.idx = r.sentence_index
            WHERE r.event_id = ?
            ORDER BY r.seq
            """,
            [event_id],
        )

    def event_rows(self) -> pd.DataFrame:
        """The deduplicated events table, ordered by id."""
        return self.sql(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY event_id")

    # -- writing ---------------------------------------------------------------------

    def add(self, coded: CodedDocument) -> bool:
        """Store one coded document and link its reports; False if it was already stored."""
        return self.add_many([coded]) == 1

    def add_many(self, documents: Iterable[CodedDocument], *, batch_size: int = 100) -> int:
        """Store documents, ``batch_size`` per transaction; returns how many were new.

        A crash loses at most the batch in flight, and each document is either fully
        stored or absent; running the same input again stores exactly what is missing.
        """
        added = 0
        batch: list[CodedDocument] = []
        for coded in documents:
            batch.append(coded)
            if len(batch) >= batch_size:
                added += self._add_batch(batch)
                batch = []
        if batch:
            added += self._add_batch(batch)
        return added

    def _add_batch(self, batch: list[CodedDocument]) -> int:
        con = self._con
        try:
            con.begin()
            fresh = self._fresh(batch)
            if fresh:
                self._write(fresh)
            con.commit()
        except duckdb.Error as exc:
            self._forget_caches()
            con.rollback()
            raise StoreError(Errors.E401.format(path=self.path, reason=exc)) from exc
        except BaseException:
            self._forget_caches()
            con.rollback()
            raise
        return len(fresh)

    def _fresh(self, batch: list[CodedDocument]) -> list[CodedDocument]:
        """The documents of ``batch`` not stored yet, first copy of each content hash."""
        hashes = list(dict.fromkeys(c.document.content_hash for c in batch))
        marks = ", ".join("?" for _ in hashes)
        rows = self._con.execute(
            f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", hashes
        ).fetchall()
        seen = {row[0] for row in rows}
        fresh = []
        for coded in batch:
            if coded.document.content_hash not in seen:
                seen.add(coded.document.content_hash)
                fresh.append(coded)
        return fresh

    def _forget_caches(self) -> None:
        self._seq.clear()
        self._known_actors = None

    def _next_seq(self, table: str, count: int = 1) -> int:
        """First of ``count`` fresh sequence numbers for ``table`` (cached; one writer)."""
        if table not in self._seq:
            self._seq[table] = int(self.scalar(f"SELECT coalesce(max(seq), 0) FROM {table}"))
        first = self._seq[table] + 1
        self._seq[table] += count
        return first

    def _write(self, batch: list[CodedDocument]) -> None:
        con = self._con
        doc_seq = self._next_seq("documents", len(batch))
        doc_rows: list[tuple[Any, ...]] = []
        sentence_rows: list[tuple[Any, ...]] = []
        for n, coded in enumerate(batch):
            doc = coded.document
            doc_rows.append(
                (
                    doc.content_hash,
                    doc_seq + n,
                    doc.id,
                    doc.origin,
                    doc.date,
                    doc.date_rule,
                    doc.publication,
                    doc.volume,
                    doc.issue,
                    doc.text,
                    doc.encoding,
                    json.dumps(to_dict(doc.citations)),
                    json.dumps(dict(doc.metadata)),
                    json.dumps(list(coded.failures)),
                )
            )
            sentence_rows.extend(
                (doc.content_hash, s.doc_id, s.index, s.start, s.end, s.text)
                for s in coded.sentences
            )
        _insert(con, "documents", _DOCUMENT_COLUMNS, doc_rows)
        for start in range(0, len(sentence_rows), 1000):
            _insert(con, "sentences", _SENTENCE_COLUMNS, sentence_rows[start : start + 1000])
        self._write_actors(batch)
        reports: list[tuple[Event, ReportKey]] = []
        for coded in batch:
            unique: dict[str, Event] = {}
            for event in coded.events:
                unique.setdefault(event.id, event)
            reports.extend((event, self._report_key(event, coded)) for event in unique.values())
        if not reports:
            return
        event_ids = self._link([key for event, key in reports if event.modality.factual])
        seq = self._next_seq("reports", len(reports))
        rows = []
        for offset, (event, key) in enumerate(reports):
            rows.append(
                (
                    seq + offset,
                    key.doc_hash,
                    event_ids.get(event.id),
                    cameo_root(event.cameo),
                    key.start,
                    key.end,
                    list(key.sources),
                    json.dumps(to_dict(event)),
                    *flatten_event(event).values(),
                )
            )
        for start in range(0, len(rows), 200):
            _insert(con, "reports", _REPORT_INSERT_COLUMNS, rows[start : start + 200])

    def _write_actors(self, batch: list[CodedDocument]) -> None:
        seen: dict[str, tuple[Any, ...]] = {}
        for coded in batch:
            mentions = list(coded.mentions)
            for event in coded.events:
                mentions.extend(m for m in (event.source, event.target, event.quoted) if m)
            for mention in mentions:
                actor = mention.actor
                if actor is None:
                    continue
                key = f"{actor.code}|{actor.name or ''}|{actor.entity_id or ''}"
                seen[key] = (
                    key,
                    actor.code,
                    actor.country,
                    ";".join(actor.sectors),
                    actor.name,
                    actor.entity_id,
                    actor.kind,
                )
        if self._known_actors is None:
            rows = self._con.execute("SELECT actor_key FROM actors").fetchall()
            self._known_actors = {row[0] for row in rows}
        known = self._known_actors
        seen = {key: row for key, row in seen.items() if key not in known}
        known.update(seen)
        if seen:
            _insert(
                self._con,
                "actors",
                ("actor_key", "code", "country", "sectors", "name", "entity_id", "kind"),
                list(seen.values()),
                verb="INSERT OR IGNORE",
            )

    @staticmethod
    def _report_key(event: Event, coded: CodedDocument) -> ReportKey:
        doc = coded.document
        if event.date is not None:
            start: dt.date | None = event.date.start
            end: dt.date | None = event.date.end
        else:
            start = end = doc.date
        sources = tuple(dict.fromkeys(event.cited_sources))
        if not sources and doc.publication:
            sources = (doc.publication,)
        place = event.place
        return ReportKey(
            report_id=event.id,
            doc_hash=doc.content_hash,
            source_code=event.source.code,
            target_code=event.target.code if event.target else None,
            cameo=event.cameo,
            quad_class=event.quad_class,
            goldstein=event.goldstein,
            plover_type=event.plover_type,
            plover_mode=event.plover_mode,
            start=start,
            end=end,
            place_name=place.name if place else None,
            place_country=place.country if place else None,
            place_geonames_id=place.geonames_id if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            sources=sources,
        )

    def _link(self, factual: list[ReportKey]) -> dict[str, str]:
        """Link this document's factual reports to events and write the touched events."""
        linker = Linker(self.dedup)
        window = dt.timedelta(days=self.dedup.window_days)
        bounds: dict[tuple[str, str, str], tuple[dt.date, dt.date]] = {}
        for report in factual:
            if report.start is None or report.end is None:
                continue
            low, high = report.start - window, report.end + window
            key = self.dedup.key(report.source_code, report.target_code, report.cameo)
            if key in bounds:
                old_low, old_high = bounds[key]
                low, high = min(low, old_low), max(high, old_high)
            bounds[key] = (low, high)
        wanted = list(bounds.items())
        fold = "coalesce({c}, '')"
        if self.dedup.actor_match == "country":
            fold = "left(coalesce({c}, ''), 3)"
        for start in range(0, len(wanted), 300):
            chunk = wanted[start : start + 300]
            values = ", ".join("(?, ?, ?, ?, ?)" for _ in chunk)
            params = [v for (key, (low, high)) in chunk for v in (*key, low, high)]
            columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
            rows = self._con.execute(
                f"SELECT {columns} FROM events e JOIN (VALUES {values}) k(s, t, r, low, high)"
                f" ON {fold.format(c='e.source_code')} = k.s"
                f" AND {fold.format(c='e.target_code')} = k.t"
                " AND e.cameo_root = k.r AND e.first_date <= k.high AND e.last_date >= k.low",
                params,
            ).fetchall()
            for row in rows:
                linker.add_candidate(EventState.from_row(row))
        links = {k.report_id: linker.link(k) for k in factual}
        self._save_events(linker.touched.values())
        return links

    def _save_events(self, events: Iterable[EventState]) -> None:
        rows = [event.row() for event in events]
        if not rows:
            return
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            self._con.execute(
                f"DELETE FROM events WHERE event_id IN ({marks})", [r[0] for r in chunk]
            )
            _insert(self._con, "events", EVENT_COLUMNS, chunk)

    def relink(self, *, window_days: int | None = None, actor_match: str | None = None) -> int:
        """Rebuild every event from the factual reports (e.g. with a new window)."""
        self.dedup = _dedup_settings(
            self.dedup.window_days if window_days is None else window_days,
            self.dedup.actor_match if actor_match is None else actor_match,
        )
        con = self._con
        try:
            con.begin()
            rows = con.execute(
                """
                SELECT report_id, doc_hash, source_code, target_code, cameo, quad_class,
                       goldstein, plover_type, plover_mode, effective_start, effective_end,
                       place_name, place_country, place_geonames_id, place_latitude,
                       place_longitude, sources
                FROM reports WHERE NOT negated AND NOT hypothetical ORDER BY seq
                """
            ).fetchall()
            linker = Linker(self.dedup)
            links = []
            for row in rows:
                values = dict(zip(_KEY_FIELDS, row[:-1], strict=True))
                key = ReportKey(**values, sources=tuple(row[-1] or ()))
                links.append((linker.link(key), key.report_id))
            con.execute("DELETE FROM events")
            con.execute("UPDATE reports SET event_id = NULL WHERE event_id IS NOT NULL")
            self._save_events(linker.touched.values())
            if links:
                frame = pd.DataFrame(links, columns=["event_id", "report_id"])
                con.register("_links", frame)
                con.execute(
                    "UPDATE reports SET event_id = l.event_id FROM _links l"
                    " WHERE reports.report_id = l.report_id"
                )
                con.unregister("_links")
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(Errors.E401.format(path=self.path, reason=exc)) from exc
        return len(linker.touched)
