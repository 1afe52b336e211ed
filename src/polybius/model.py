"""The record types that flow through the pipeline.

Every stage takes and returns these frozen values; nothing passes dicts between stages.
Character offsets (``start``, ``end``) always index the *document* text, so any record
slices back to the words it came from: ``document.text[m.start:m.end] == m.text``.

    Document ─┬─ Citation        (wire sources + date cited at a paragraph's end)
              └─ Sentence
    Mention ── Actor             (a span of text resolved to an actor code)
    Event ──┬─ Mention (source, target, quoted speaker)
            ├─ EventDate, Place  (when and where, with the rule that decided)
            └─ Modality          (negated / hypothetical / future / reported)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

__all__ = [
    "Actor",
    "Citation",
    "CodedDocument",
    "DatePrecision",
    "Document",
    "Event",
    "EventDate",
    "Mention",
    "Modality",
    "Place",
    "Sentence",
    "content_hash",
    "to_dict",
]


def content_hash(text: str) -> str:
    """Stable identity of a text: re-ingesting the same words yields the same key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Citation:
    """A parenthesised attribution such as ``(Reuters, AP, Xinhua, January 17)``.

    It credits the paragraph it closes: ``paragraph_start``..``end`` is the text it covers.
    """

    sources: tuple[str, ...]
    date: dt.date | None
    text: str
    start: int
    end: int
    paragraph_start: int


@dataclass(frozen=True, slots=True)
class Document:
    """One text to be coded, with what is known about where and when it was published."""

    id: str
    text: str
    date: dt.date | None = None
    date_rule: str = "unknown"
    publication: str | None = None
    volume: int | None = None
    issue: int | None = None
    citations: tuple[Citation, ...] = ()
    origin: str | None = None
    encoding: str = "utf-8"
    content_hash: str = ""
    metadata: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))

    def citation_at(self, offset: int) -> Citation | None:
        """The citation whose paragraph contains ``offset``, if any."""
        for citation in self.citations:
            if citation.paragraph_start <= offset < citation.end:
                return citation
        return None


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: CAMEO country (or IGO) plus sector codes, e.g. ``RUS`` + ``MIL``.

    ``code`` is the CAMEO string users know (``RUSMIL``, ``IGOUNO``); ``country`` and
    ``sectors`` are its parts, which PLOVER keeps as separate fields.
    """

    code: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    name: str | None = None
    entity_id: str | None = None
    kind: str = "unknown"

    @property
    def plover_sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an actor, and why it was coded as it was.

    ``rule`` says which decision coded it (``kb:person``, ``title+nationality``,
    ``coref:surname``...); ``chain`` holds the offsets of the earlier mentions it was
    resolved through, so a pronoun leads back to the name.
    """

    text: str
    start: int
    end: int
    actor: Actor | None = None
    rule: str = ""
    chain: tuple[tuple[int, int], ...] = ()

    @property
    def code(self) -> str | None:
        return self.actor.code if self.actor else None


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, how precisely we know, and which phrase and rule said so."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    rule: str
    text: str = ""
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place name. ``geonames_id`` is None for places from our own tables."""

    name: str
    country: str | None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    feature: str = ""
    rule: str = ""
    text: str = ""
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Modality:
    """How the text commits to the event. Only all-false events are reported as facts."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported: bool = False
    cue: str = ""

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded interaction: who did what to whom, when, where, according to whom."""

    doc_id: str
    sentence_index: int
    sentence_span: tuple[int, int]
    source: Mention
    target: Mention | None
    cameo: str
    trigger: str
    trigger_span: tuple[int, int]
    goldstein: float = 0.0
    quad_class: int = 0
    plover_type: str = ""
    plover_mode: str = ""
    plover_context: str = ""
    date: EventDate | None = None
    place: Place | None = None
    place_reason: str = ""
    cited_sources: tuple[str, ...] = ()
    modality: Modality = field(default_factory=Modality)
    quoted: Mention | None = None
    confidence: float = 1.0
    rule: str = ""
    lexicon_version: str = ""
    coder_version: str = ""

    @property
    def id(self) -> str:
        """Deterministic identity: the same report coded twice gets the same id."""
        key = "|".join(
            (
                self.doc_id,
                str(self.sentence_index),
                self.source.code or "",
                (self.target.code or "") if self.target else "",
                self.cameo,
                f"{self.trigger_span[0]}:{self.trigger_span[1]}",
                f"{self.source.start}:{self.target.start if self.target else ''}",
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def negated(self) -> bool:
        return self.modality.negated

    @property
    def hypothetical(self) -> bool:
        return self.modality.hypothetical

    def with_(self, **changes: Any) -> Event:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """Everything the pipeline learnt from one document; the unit the store writes atomically.

    ``events`` holds factual and modal (negated, hypothetical) events alike, each flagged;
    ``failures`` holds one-line messages for sentences the coder had to skip;
    ``unresolved`` the persons the knowledge base does not know, coded from context or not
    at all, for users to add.
    """

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    failures: tuple[str, ...] = ()
    unresolved: tuple[Mention, ...] = ()


def to_dict(record: Any) -> Any:
    """Plain JSON-ready form of a record, recursively (dates as ISO strings)."""
    if isinstance(record, dt.date):
        return record.isoformat()
    if isinstance(record, StrEnum):
        return record.value
    if isinstance(record, tuple | list):
        return [to_dict(item) for item in record]
    if hasattr(record, "__dataclass_fields__"):
        return {f.name: to_dict(getattr(record, f.name)) for f in fields(record)}
    return record
