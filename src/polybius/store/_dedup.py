"""Link reports of the same real-world event, across documents, into one event.

Two reports are of the same event when they have the same source and target codes, the
same CAMEO root ("compatible code"), date ranges no more than ``window_days`` apart, and
the same place when both know one. Only factual reports (not negated, not hypothetical)
form events. A report joins the closest compatible event (smallest date gap, then
smallest event id); when none is compatible it founds a new event whose id is its own.
The linker is pure Python so the incremental path (``Store.add``) and the full rebuild
(``Store.relink``) run the same code and give the same result for the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ACTOR_MATCHES", "DedupSettings", "EventState", "Linker", "ReportKey"]

EVENT_COLUMNS = (
    "event_id",
    "source_code",
    "target_code",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "first_date",
    "last_date",
    "place_name",
    "place_country",
    "place_geonames_id",
    "latitude",
    "longitude",
    "num_reports",
    "num_documents",
    "num_sources",
    "sources",
)


ACTOR_MATCHES = ("exact", "country")


@dataclass(frozen=True, slots=True)
class DedupSettings:
    """How reports are grouped into events.

    ``window_days`` is the largest gap allowed between date ranges. ``actor_match``
    ``"exact"`` needs the same full codes (``RUSMIL`` and ``CHNGOV``); ``"country"``
    only the same first three letters, so ``CHN`` and ``CHNGOV`` count as one actor.
    """

    window_days: int = 3
    actor_match: str = "exact"

    def key(
        self, source_code: str | None, target_code: str | None, cameo: str
    ) -> tuple[str, str, str]:
        """What two reports must share to be of one event (besides date and place)."""
        source, target = source_code or "", target_code or ""
        if self.actor_match == "country":
            source, target = source[:3], target[:3]
        return (source, target, cameo_root(cameo))


@dataclass(frozen=True, slots=True)
class ReportKey:
    """What the linker needs to know about one factual report."""

    report_id: str
    doc_hash: str
    source_code: str | None
    target_code: str | None
    cameo: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    start: dt.date | None
    end: dt.date | None
    place_name: str | None = None
    place_country: str | None = None
    place_geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    sources: tuple[str, ...] = ()


def cameo_root(code: str) -> str:
    """The two-digit root of a CAMEO code (``"0431"`` -> ``"04"``)."""
    return code[:2]


@dataclass(slots=True)
class EventState:
    """Working copy of one event row while reports are linked (mutable on purpose)."""

    event_id: str
    source_code: str | None
    target_code: str | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    first_date: dt.date | None
    last_date: dt.date | None
    place_name: str | None
    place_country: str | None
    place_geonames_id: int | None
    latitude: float | None
    longitude: float | None
    num_reports: int = 0
    num_documents: int = 0
    num_sources: int = 0
    sources: list[str] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)

    def row(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in EVENT_COLUMNS)

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> EventState:
        values = dict(zip(EVENT_COLUMNS, row, strict=True))
        values["sources"] = list(values["sources"] or [])
        return cls(**values)

    @classmethod
    def found(cls, report: ReportKey) -> EventState:
        return cls(
            event_id=report.report_id,
            source_code=report.source_code,
            target_code=report.target_code,
            cameo=report.cameo,
            cameo_root=cameo_root(report.cameo),
            quad_class=report.quad_class,
            goldstein=report.goldstein,
            plover_type=report.plover_type,
            plover_mode=report.plover_mode,
            first_date=report.start,
            last_date=report.end,
            place_name=report.place_name,
            place_country=report.place_country,
            place_geonames_id=report.place_geonames_id,
            latitude=report.latitude,
            longitude=report.longitude,
        )

    def absorb(self, report: ReportKey) -> None:
        """Count ``report`` as one more report of this event."""
        if report.start is not None and self.first_date is not None:
            self.first_date = min(self.first_date, report.start)
        if report.end is not None and self.last_date is not None:
            self.last_date = max(self.last_date, report.end)
        if self.place_name is None and report.place_name is not None:
            self.place_name = report.place_name
            self.place_country = report.place_country
            self.place_geonames_id = report.place_geonames_id
            self.latitude = report.latitude
            self.longitude = report.longitude
        self.num_reports += 1
        if report.doc_hash not in self.docs:
            self.docs.add(report.doc_hash)
            self.num_documents += 1
        for source in report.sources:
            if source not in self.sources:
                self.sources.append(source)
        self.num_sources = len(self.sources)


def _same_place(event: EventState, report: ReportKey) -> bool:
    if event.place_name is None or report.place_name is None:
        return True
    if event.place_geonames_id is not None and report.place_geonames_id is not None:
        return event.place_geonames_id == report.place_geonames_id
    if event.place_country and report.place_country and event.place_country != report.place_country:
        return False
    return event.place_name.casefold() == report.place_name.casefold()


def _gap(event: EventState, report: ReportKey) -> int | None:
    """Days between the event's and the report's date ranges (0 if they overlap)."""
    if (
        event.first_date is None
        or event.last_date is None
        or report.start is None
        or report.end is None
    ):
        return None
    return max(0, (event.first_date - report.end).days, (report.start - event.last_date).days)


class Linker:
    """Assigns reports to events, keeping the touched events in memory."""

    def __init__(self, settings: DedupSettings, events: Iterable[EventState] = ()) -> None:
        self.settings = settings
        self.by_key: dict[tuple[str, str, str], list[EventState]] = {}
        self.touched: dict[str, EventState] = {}
        for event in events:
            self.add_candidate(event)

    def add_candidate(self, event: EventState) -> None:
        key = self.settings.key(event.source_code, event.target_code, event.cameo)
        self.by_key.setdefault(key, []).append(event)

    def link(self, report: ReportKey) -> str:
        """The id of the event ``report`` belongs to (a new one if none is compatible)."""
        best: EventState | None = None
        best_rank: tuple[int, str] | None = None
        key = self.settings.key(report.source_code, report.target_code, report.cameo)
        for event in self.by_key.get(key, ()):
            gap = _gap(event, report)
            if gap is None or gap > self.settings.window_days or not _same_place(event, report):
                continue
            rank = (gap, event.event_id)
            if best_rank is None or rank < best_rank:
                best, best_rank = event, rank
        if best is None:
            best = EventState.found(report)
            self.by_key.setdefault(key, []).append(best)
        best.absorb(report)
        self.touched[best.event_id] = best
        return best.event_id
