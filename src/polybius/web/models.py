"""The JSON shapes of the HTTP API (pydantic lives at this boundary only).

Each model mirrors a record of :mod:`polybius.model` or a table returned by
:mod:`polybius.analyse`; the OpenAPI schema at ``/openapi.json`` is generated from them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "ActorOut",
    "ApiError",
    "DocumentOut",
    "DocumentPage",
    "DocumentSummary",
    "DyadPoint",
    "DyadSeries",
    "EventDateOut",
    "EventDetail",
    "EventPage",
    "EventRow",
    "MentionOut",
    "ModalityOut",
    "NetworkEdge",
    "NetworkNode",
    "NetworkOut",
    "PlaceOut",
    "ReportOut",
    "ReportPage",
    "ReportRow",
    "Span",
    "Summary",
    "TopActor",
    "TopActors",
]


class ApiError(BaseModel):
    """What every 4xx answer carries: one readable sentence and, for 422, the details."""

    message: str
    detail: list[dict[str, object]] = Field(default_factory=list)


class ActorOut(BaseModel):
    code: str
    country: str | None = None
    sectors: list[str] = Field(default_factory=list)
    name: str | None = None
    entity_id: str | None = None
    kind: str = "unknown"


class MentionOut(BaseModel):
    """A span naming an actor; ``rule`` and ``chain`` say how it was resolved."""

    text: str
    start: int
    end: int
    actor: ActorOut | None = None
    rule: str = ""
    chain: list[list[int]] = Field(default_factory=list)


class EventDateOut(BaseModel):
    start: dt.date
    end: dt.date
    precision: str
    rule: str
    text: str = ""
    span: list[int] | None = None


class PlaceOut(BaseModel):
    name: str
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    feature: str = ""
    rule: str = ""
    text: str = ""
    span: list[int] | None = None


class ModalityOut(BaseModel):
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported: bool = False
    cue: str = ""


class ReportOut(BaseModel):
    """One coded report (a :class:`polybius.model.Event`) with its document and sentence."""

    report_id: str
    event_id: str | None
    doc_id: str
    doc_hash: str
    publication: str | None = None
    document_date: dt.date | None = None
    sentence: str | None = None
    sentence_index: int
    sentence_span: list[int]
    source: MentionOut
    target: MentionOut | None = None
    quoted: MentionOut | None = None
    cameo: str
    cameo_name: str = ""
    trigger: str
    trigger_span: list[int]
    goldstein: float
    quad_class: int
    plover_type: str = ""
    plover_mode: str = ""
    plover_context: str = ""
    date: EventDateOut | None = None
    place: PlaceOut | None = None
    place_reason: str = ""
    cited_sources: list[str] = Field(default_factory=list)
    modality: ModalityOut
    confidence: float = 1.0
    rule: str = ""
    lexicon_version: str = ""
    coder_version: str = ""


class EventRow(BaseModel):
    """One deduplicated event (a row of the ``events`` table)."""

    event_id: str
    source_code: str | None
    target_code: str | None
    cameo: str | None
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    first_date: dt.date | None
    last_date: dt.date | None
    place_name: str | None
    place_country: str | None
    latitude: float | None
    longitude: float | None
    num_reports: int
    num_documents: int
    num_sources: int


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    sort: str
    order: Literal["asc", "desc"]
    events: list[EventRow]


class EventDetail(BaseModel):
    event: EventRow
    sources: list[str] = Field(default_factory=list)
    reports: list[ReportOut]


class ReportRow(BaseModel):
    """One report as :func:`polybius.analyse.search_events` lists it."""

    report_id: str
    event_id: str | None
    doc_id: str
    sentence_index: int | None
    date: dt.date | None
    source_code: str | None
    target_code: str | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    plover_type: str | None
    trigger: str | None
    place_name: str | None
    negated: bool | None
    hypothetical: bool | None
    sentence: str | None


class ReportPage(BaseModel):
    limit: int
    offset: int
    reports: list[ReportRow]


class Span(BaseModel):
    """A stretch of the document text behind one report: its trigger, actors, date or place."""

    report_id: str
    role: Literal["trigger", "source", "target", "quoted", "date", "place"]
    start: int
    end: int
    text: str


class DocumentSummary(BaseModel):
    doc_hash: str
    doc_id: str
    date: dt.date | None
    publication: str | None
    origin: str | None
    reports: int
    preview: str


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[DocumentSummary]


class DocumentOut(BaseModel):
    doc_hash: str
    doc_id: str
    date: dt.date | None
    date_rule: str | None
    publication: str | None
    origin: str | None
    text: str
    failures: list[str] = Field(default_factory=list)
    reports: list[ReportOut]
    spans: list[Span]


class DyadPoint(BaseModel):
    period: dt.date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float
    plover: dict[str, int] = Field(default_factory=dict)


class DyadSeries(BaseModel):
    a: str
    b: str
    by: str
    directed: bool
    points: list[DyadPoint]


class TopActor(BaseModel):
    actor: str
    events: int
    as_source: int
    as_target: int
    goldstein_mean: float | None


class TopActors(BaseModel):
    level: str
    actors: list[TopActor]


class NetworkNode(BaseModel):
    id: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    count: int
    goldstein_sum: float
    goldstein_mean: float


class NetworkOut(BaseModel):
    level: str
    truncated: bool
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Summary(BaseModel):
    path: str
    events: int
    reports: int
    documents: int
    first_date: dt.date | None
    last_date: dt.date | None
