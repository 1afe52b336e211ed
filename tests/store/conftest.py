"""Small hand-built documents and events for store tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from polybius.model import (
    Actor,
    CodedDocument,
    DatePrecision,
    Document,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    Sentence,
)
from polybius.store import Store


def make_event(
    doc_id: str,
    source: str,
    target: str | None,
    cameo: str,
    day: dt.date | None,
    *,
    sentence_index: int = 0,
    offset: int = 0,
    quad_class: int = 1,
    goldstein: float = 1.0,
    plover_type: str = "CONSULT",
    place: str | None = None,
    cited: tuple[str, ...] = (),
    negated: bool = False,
    hypothetical: bool = False,
) -> Event:
    """One report: ``source`` does ``cameo`` to ``target`` on ``day``."""
    src = Mention(
        text=source.title(),
        start=offset,
        end=offset + len(source),
        actor=Actor(code=source, country=source[:3], sectors=(source[3:],) if source[3:] else ()),
        rule="test",
    )
    tgt = None
    if target is not None:
        tgt = Mention(
            text=target.title(),
            start=offset + 20,
            end=offset + 20 + len(target),
            actor=Actor(code=target, country=target[:3]),
            rule="test",
        )
    return Event(
        doc_id=doc_id,
        sentence_index=sentence_index,
        sentence_span=(offset, offset + 40),
        source=src,
        target=tgt,
        cameo=cameo,
        trigger="met",
        trigger_span=(offset + 10, offset + 13),
        goldstein=goldstein,
        quad_class=quad_class,
        plover_type=plover_type,
        plover_mode="",
        date=EventDate(start=day, end=day, precision=DatePrecision.DAY, rule="test")
        if day
        else None,
        place=Place(name=place, country=None, rule="test") if place else None,
        cited_sources=cited,
        modality=Modality(negated=negated, hypothetical=hypothetical),
        rule="test-rule",
        lexicon_version="t1",
        coder_version="t1",
    )


def make_doc(
    doc_id: str,
    events: list[Event] | tuple[Event, ...] = (),
    *,
    text: str | None = None,
    date: dt.date | None = None,
    publication: str | None = None,
) -> CodedDocument:
    body = text if text is not None else f"Document {doc_id}. " + "x" * 60
    document = Document(id=doc_id, text=body, date=date, publication=publication)
    sentences = (Sentence(doc_id=doc_id, index=0, start=0, end=len(body), text=body),)
    return CodedDocument(document=document, sentences=sentences, events=tuple(events))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as db:
        yield db


@pytest.fixture
def event_factory() -> Callable[..., Event]:
    return make_event


@pytest.fixture
def doc_factory() -> Callable[..., Any]:
    return make_doc
