"""The coding pipeline: ingest → nlp → actors → events → when_where, one document at a time.

``Pipeline`` holds what is expensive to load (the spaCy model, the knowledge base, the
lexicon, the gazetteer) and turns ``Document`` records into ``CodedDocument`` records. Stages
are named and versioned; each declares what it needs and provides, so a misordered
configuration fails before any text is read. One sentence that breaks the coder is
reported in ``CodedDocument.failures`` and skipped; the document and the batch go on.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from polybius.actors.coref import DocumentActors, resolve_actors
from polybius.actors.kb import KnowledgeBase, load_knowledge_base
from polybius.actors.recognise import OFFICE_SECTORS, make_actor, split_code
from polybius.errors import ConfigError, Errors
from polybius.events.coder import EventCoder
from polybius.events.lexicon import load_lexicon
from polybius.events.ontology import load_ontology
from polybius.ingest.monitor import plain_dateline_spans
from polybius.model import CodedDocument, Document, Event, Mention, Sentence
from polybius.nlp import DEFAULT_MODEL, load_nlp
from polybius.parsed import freeze
from polybius.when_where import Gazetteer, resolve_when_where

__all__ = ["STAGES", "Pipeline", "Settings", "Stage"]

log = logging.getLogger(__name__)

_HEADER = re.compile(r"^Publication:.*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that decides a run; travels as one frozen value, never as globals."""

    model: str = DEFAULT_MODEL
    batch_size: int = 16
    lexicon_paths: tuple[str, ...] = ()
    knowledge_paths: tuple[str, ...] = ()
    places: bool = True
    stages: tuple[str, ...] = (
        "polybius.actors.v1",
        "polybius.verb_coder.v1",
        "polybius.when_where.v1",
        "polybius.role_dates.v1",
    )

    def with_fallback(self) -> Settings:
        """These settings with the learnt fallback coder after the rule coder."""
        stages = list(self.stages)
        if "polybius.fallback_coder.v1" not in stages:
            stages.insert(stages.index("polybius.verb_coder.v1") + 1, "polybius.fallback_coder.v1")
        return replace(self, stages=tuple(stages))


@dataclass(slots=True)
class _Work:
    """What the stages learn about one document, filled in stage by stage."""

    document: Document
    doc: Any
    skip_spans: list[tuple[int, int]]
    actors: DocumentActors | None = None
    events: list[Event] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    needs: frozenset[str]
    provides: frozenset[str]
    run: Callable[[Pipeline, _Work], None]


def _stage_actors(pipeline: Pipeline, work: _Work) -> None:
    work.actors = resolve_actors(
        work.doc,
        kb=pipeline.kb,
        date=work.document.date,
        skip_spans=work.skip_spans,
        gazetteer=pipeline.gazetteer if pipeline.settings.places else None,
    )


def _stage_events(pipeline: Pipeline, work: _Work) -> None:
    assert work.actors is not None
    for index, sentence in enumerate(work.doc.sents):
        if any(s <= sentence.start_char and sentence.end_char <= e for s, e in work.skip_spans):
            continue
        try:
            events = pipeline.coder.code_sentence(
                sentence,
                actors=work.actors,
                document=work.document,
                sentence_index=index,
                history=work.events,
            )
        except Exception as exc:  # noqa: BLE001 - one odd sentence must not end the batch
            message = Errors.E301.format(doc_id=work.document.id, index=index, reason=repr(exc))
            log.warning(message)
            work.failures.append(message)
            continue
        work.events.extend(events)


def _stage_when_where(pipeline: Pipeline, work: _Work) -> None:
    assert work.actors is not None
    countries = work.actors.countries_mentioned()
    sentences = list(work.doc.sents)
    located = []
    for event in work.events:
        sentence = sentences[event.sentence_index]
        try:
            event = resolve_when_where(
                event,
                document=work.document,
                sentence=sentence,
                gazetteer=pipeline.gazetteer,
                context_countries=countries,
            )
        except Exception as exc:  # noqa: BLE001 - an undatable event keeps its other fields
            reason = f"when/where failed: {exc!r}"
            message = Errors.E301.format(
                doc_id=work.document.id, index=event.sentence_index, reason=reason
            )
            log.warning(message)
            work.failures.append(message)
        located.append(event)
    work.events = _carry_scene(located, work, pipeline.gazetteer, countries)


def _carry_scene(
    events: list[Event], work: _Work, gazetteer: Gazetteer, countries: Sequence[str]
) -> list[Event]:
    """Place events the text leaves unplaced from the scene it has set, with the rule said.

    "Sergeev arrived in Beijing. He held talks with Chi ...": later acts of whoever arrived
    happen in that city, within the same paragraph. "Chi's talks in Moscow ... his own talks
    with Chi": the same kind of event placed in the same sentence.
    """
    text = work.document.text
    sentences = list(work.doc.sents)
    arrived: dict[str, tuple[Any, int]] = {}
    scenes: dict[tuple[int, int], tuple[Any, str]] = {}  # trigger span → place, reason
    for event in events:
        paragraph = text.rfind("\n\n", 0, event.trigger_span[0])
        key = _actor_key(event.source)
        if event.place is not None:
            if event.cameo == "042" and event.place.feature == "city" and key:
                arrived[key] = (event.place, paragraph)
            continue
        # Plans and suppositions happen wherever they will; only facts share the scene.
        if event.trigger_span in scenes or event.modality.future or not event.modality.factual:
            continue
        same = _same_event_placed(event, sentences[event.sentence_index], gazetteer, countries)
        if same is not None:
            scenes[event.trigger_span] = (same[0], f"scene: {same[1]} in the same sentence")
        elif key in arrived and arrived[key][1] == paragraph:
            scene = arrived[key][0]
            reason = f"scene: {event.source.text} had arrived in {scene.name}"
            scenes[event.trigger_span] = (replace(scene, rule="scene:after-arrival"), reason)
    return [
        e.with_(place=scenes[e.trigger_span][0], place_reason=scenes[e.trigger_span][1])
        if e.place is None and e.trigger_span in scenes
        else e
        for e in events
    ]


def _actor_key(mention: Mention) -> str:
    actor = mention.actor
    if actor is None:
        return ""
    return actor.entity_id or actor.code


def _same_event_placed(
    event: Event, sentence: Any, gazetteer: Gazetteer, countries: Sequence[str]
) -> tuple[Any, str] | None:
    start = event.trigger_span[0]
    trigger = next((t for t in sentence if t.idx == start), None)
    if trigger is None:
        return None
    for token in sentence:
        if token.i == trigger.i or token.lemma_.lower() != trigger.lemma_.lower():
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC", ""):
                    place = gazetteer.resolve(obj.text, context_countries=countries)
                    if place is not None and place.feature == "city":
                        phrase = f"'{token.text} {prep.text} {obj.text}'"
                        return replace(place, rule="scene:same-event", text=obj.text), phrase
    return None


def _stage_role_dates(pipeline: Pipeline, work: _Work) -> None:
    """Re-code persons by the role they held on the event's date, not the document's.

    "then President Boris Yeltsin" in a 2000 brief is RUSGOV for a trip in 1999.
    """
    redated = []
    for event in work.events:
        source = _redate(pipeline.kb, event.source, event)
        target = _redate(pipeline.kb, event.target, event) if event.target else None
        if source is not event.source or target is not event.target:
            event = event.with_(source=source, target=target)
        redated.append(event)
    work.events = redated


def _redate(kb: KnowledgeBase, mention: Mention, event: Event) -> Mention:
    actor = mention.actor
    if actor is None or not actor.entity_id or event.date is None:
        return mention
    person = kb.person(actor.entity_id)
    if person is None:
        return mention
    day = event.date.start
    if event.cameo == "0831" and mention is event.source:
        # "Morales stepped down on Sunday": he resigns the office he held until that day.
        day -= dt.timedelta(days=1)
    code = kb.person_code_at(person, day)
    if code == actor.code:
        return mention
    if kb.role_at(person, day) is None and not OFFICE_SECTORS & set(actor.sectors):
        return mention  # out of office: what the text calls him ("protest leader") stands
    country, sectors = split_code(code)
    redated = make_actor(
        country, sectors, name=actor.name, entity_id=actor.entity_id, kind=actor.kind
    )
    return replace(mention, actor=redated, rule=f"{mention.rule}+role-at-event-date")


def _stage_fallback(pipeline: Pipeline, work: _Work) -> None:
    """Off by default: on the PETRARCH2 GSR it lowers triple F1 (benchmarks/bench_fallback.py)."""
    from polybius.events.fallback import sentence_events

    assert work.actors is not None
    work.events.extend(
        sentence_events(
            work.doc,
            actors=work.actors,
            events=work.events,
            document=work.document,
            skip_spans=work.skip_spans,
        )
    )


STAGES: dict[str, Stage] = {
    "polybius.fallback_coder.v1": Stage(
        "polybius.fallback_coder.v1",
        frozenset({"parse", "actors", "events"}),
        frozenset({"fallback_events"}),
        _stage_fallback,
    ),
    "polybius.actors.v1": Stage(
        "polybius.actors.v1", frozenset({"parse"}), frozenset({"actors"}), _stage_actors
    ),
    "polybius.verb_coder.v1": Stage(
        "polybius.verb_coder.v1",
        frozenset({"parse", "actors"}),
        frozenset({"events"}),
        _stage_events,
    ),
    "polybius.when_where.v1": Stage(
        "polybius.when_where.v1",
        frozenset({"events", "actors"}),
        frozenset({"dates", "places"}),
        _stage_when_where,
    ),
    "polybius.role_dates.v1": Stage(
        "polybius.role_dates.v1",
        frozenset({"events", "dates"}),
        frozenset({"roles"}),
        _stage_role_dates,
    ),
}


def _check_order(names: Sequence[str]) -> tuple[Stage, ...]:
    provided = {"parse"}
    stages = []
    for name in names:
        if name not in STAGES:
            raise ConfigError(Errors.E005.format(name=name, known=", ".join(STAGES)))
        stage = STAGES[name]
        missing = stage.needs - provided
        if missing:
            raise ConfigError(Errors.E006.format(name=name, needs=", ".join(sorted(missing))))
        provided |= stage.provides
        stages.append(stage)
    return tuple(stages)


class Pipeline:
    """Loads the models and tables once, then codes any number of documents."""

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings
        self.stages = _check_order(settings.stages)
        self._warm = False

    @cached_property
    def nlp(self) -> Any:
        return load_nlp(self.settings.model)

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_knowledge_base(extra_paths=[Path(p) for p in self.settings.knowledge_paths])

    @cached_property
    def coder(self) -> EventCoder:
        ontology = load_ontology()

        def describe(code: str) -> tuple[float, int, str, str, str]:
            if not ontology.is_cameo(code):
                log.warning(
                    "lexicon code %s is not in the CAMEO table; coded without weights", code
                )
                return 0.0, 0, "", "", ""
            plover = ontology.plover(code)
            return (
                ontology.goldstein(code),
                ontology.quad_class(code),
                plover.type,
                plover.mode,
                plover.context,
            )

        lexicon = load_lexicon(extra_paths=self.settings.lexicon_paths)
        return EventCoder(lexicon, describe=describe)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.load()

    def warm_up(self) -> None:
        """Load everything now, so the first document is not slower than the rest.

        Then set what is loaded aside from Python's cycle collector: the model and tables
        live as long as the process, and the collector's full passes over their several
        hundred thousand objects cost about a tenth of the stages' time.
        """
        _ = self.nlp, self.kb, self.coder
        if self.settings.places:
            _ = self.gazetteer
        if not self._warm:
            gc.collect()
            gc.freeze()
            self._warm = True

    def code_stream(self, items: Iterable[Document | Any]) -> Iterator[CodedDocument | Any]:
        """Code a stream of documents in order through one spaCy stream; anything that is
        not a Document (an ingest failure) passes through in its place."""
        pairs = ((item.text if isinstance(item, Document) else "", item) for item in items)
        for doc, item in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size):
            yield self.code_parsed(item, doc) if isinstance(item, Document) else item

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in order; parsing is batched through spaCy."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.settings.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, documents: Sequence[Document]) -> Iterator[CodedDocument]:
        docs = self.nlp.pipe([d.text for d in documents], batch_size=self.settings.batch_size)
        for document, doc in zip(documents, docs, strict=True):
            yield self.code_parsed(document, doc)

    def code_document(self, document: Document) -> CodedDocument:
        return self.code_parsed(document, self.nlp(document.text))

    def code_parsed(self, document: Document, doc: Any) -> CodedDocument:
        """Run the stages after the parse on one parsed document."""
        skip = [(m.start(), m.end()) for m in _HEADER.finditer(document.text)]
        skip.extend(plain_dateline_spans(document.text))
        skip.extend((c.start, c.end) for c in document.citations)
        parsed = freeze(doc)
        work = _Work(document=document, doc=parsed, skip_spans=skip)
        _ = self.coder, self.kb  # a broken data file fails the run here, not every sentence
        try:
            for stage in self.stages:
                if stage.name == "polybius.when_where.v1" and not self.settings.places:
                    continue
                stage.run(self, work)
            sentences = tuple(
                Sentence(document.id, i, s.start_char, s.end_char, s.text)
                for i, s in enumerate(parsed.sents)
            )
        finally:
            if parsed is not doc:  # a copy made here; the caller's own stays whole
                parsed.release()
        mentions = tuple(work.actors.mentions()) if work.actors else ()
        return CodedDocument(
            document=document,
            sentences=sentences,
            mentions=mentions,
            events=tuple(work.events),
            failures=tuple(work.failures),
            unresolved=tuple(work.actors.unresolved) if work.actors else (),
        )
