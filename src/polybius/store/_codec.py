"""Rebuild records from their :func:`polybius.model.to_dict` form (the inverse, for reads)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from polybius.model import (
    Actor,
    Citation,
    DatePrecision,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
)

__all__ = ["citation_from_dict", "event_from_dict"]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _span(value: list[int] | None) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value is not None else None


def _actor(data: dict[str, Any] | None) -> Actor | None:
    if data is None:
        return None
    return Actor(
        code=data["code"],
        country=data.get("country"),
        sectors=tuple(data.get("sectors") or ()),
        name=data.get("name"),
        entity_id=data.get("entity_id"),
        kind=data.get("kind", "unknown"),
    )


def _mention(data: dict[str, Any] | None) -> Mention | None:
    if data is None:
        return None
    return Mention(
        text=data["text"],
        start=data["start"],
        end=data["end"],
        actor=_actor(data.get("actor")),
        rule=data.get("rule", ""),
        chain=tuple((int(a), int(b)) for a, b in data.get("chain") or ()),
    )


def citation_from_dict(data: dict[str, Any]) -> Citation:
    return Citation(
        sources=tuple(data["sources"]),
        date=_date(data.get("date")),
        text=data["text"],
        start=data["start"],
        end=data["end"],
        paragraph_start=data["paragraph_start"],
    )


def event_from_dict(data: dict[str, Any]) -> Event:
    """The :class:`Event` whose ``to_dict`` form (or ``event_record``) is ``data``."""
    date_data = data.get("date")
    place_data = data.get("place")
    source = _mention(data["source"])
    assert source is not None
    date = None
    if date_data is not None:
        start, end = _date(date_data["start"]), _date(date_data["end"])
        assert start is not None and end is not None
        date = EventDate(
            start=start,
            end=end,
            precision=DatePrecision(date_data["precision"]),
            rule=date_data["rule"],
            text=date_data.get("text", ""),
            span=_span(date_data.get("span")),
        )
    place = None
    if place_data is not None:
        place = Place(
            name=place_data["name"],
            country=place_data.get("country"),
            admin1=place_data.get("admin1"),
            latitude=place_data.get("latitude"),
            longitude=place_data.get("longitude"),
            geonames_id=place_data.get("geonames_id"),
            feature=place_data.get("feature", ""),
            rule=place_data.get("rule", ""),
            text=place_data.get("text", ""),
            span=_span(place_data.get("span")),
        )
    modality = Modality(**data.get("modality", {}))
    sentence_span = _span(data["sentence_span"])
    trigger_span = _span(data["trigger_span"])
    assert sentence_span is not None and trigger_span is not None
    return Event(
        doc_id=data["doc_id"],
        sentence_index=data["sentence_index"],
        sentence_span=sentence_span,
        source=source,
        target=_mention(data.get("target")),
        cameo=data["cameo"],
        trigger=data["trigger"],
        trigger_span=trigger_span,
        goldstein=data.get("goldstein", 0.0),
        quad_class=data.get("quad_class", 0),
        plover_type=data.get("plover_type", ""),
        plover_mode=data.get("plover_mode", ""),
        plover_context=data.get("plover_context", ""),
        date=date,
        place=place,
        place_reason=data.get("place_reason", ""),
        cited_sources=tuple(data.get("cited_sources") or ()),
        modality=modality,
        quoted=_mention(data.get("quoted")),
        confidence=data.get("confidence", 1.0),
        rule=data.get("rule", ""),
        lexicon_version=data.get("lexicon_version", ""),
        coder_version=data.get("coder_version", ""),
    )
