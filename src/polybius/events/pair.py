"""Given-actors mode: the event between two actor spans that the user has marked.

This is the setting of the PLOVER/ConfliBERT literature: actor extraction is done
elsewhere, and the coder only says what the source did to the target, or that the text
reports nothing between them. The marked spans replace whatever the recogniser found there;
the rest of the parse is coded as usual, and the event whose source and target fall on the
marked spans wins. When no such event is found, the verb that governs both spans (their
lowest common ancestor in the parse) is looked up in the lexicon.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from polybius.actors.coref import DocumentActors, resolve_actors
from polybius.events.coder import EventCoder, _Trigger, intent_code
from polybius.events.modality import read_modality
from polybius.model import Actor, Document, Event, Mention

__all__ = ["code_pair_parsed"]

Token = Any


def _head_of(doc: Any, span: tuple[int, int]) -> Token | None:
    tokens = [t for t in doc if span[0] <= t.idx < span[1] and not t.is_punct]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head == t]
    return roots[0] if roots else tokens[-1]


def _given(doc: Any, span: tuple[int, int], found: tuple[Mention, ...], role: str) -> Mention:
    """The marked span as a mention; it keeps the recogniser's actor where there is one."""
    text = str(doc.text[span[0] : span[1]])
    actor = next((m.actor for m in found if m.actor is not None), None)
    if actor is None:
        actor = Actor(code=role.upper(), kind="given")
    return Mention(text=text, start=span[0], end=span[1], actor=actor, rule=f"given:{role}")


def _overlaps(mention: Mention | None, span: tuple[int, int]) -> bool:
    return mention is not None and mention.start < span[1] and span[0] < mention.end


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head != chain[-1] and len(chain) < 50:
        chain.append(chain[-1].head)
    return chain


def code_pair_parsed(
    doc: Any,
    *,
    document: Document,
    coder: EventCoder,
    kb: Any,
    source_span: tuple[int, int],
    target_span: tuple[int, int] | None,
    date: dt.date | None,
    fallback: bool = False,
) -> Event | None:
    """The event from the source span to the target span in a parsed text, or None.

    Without a target span, the event the source takes part in as its subject.
    """
    source_head = _head_of(doc, source_span)
    if source_head is None:
        return None
    if target_span is None:
        return _source_event(
            doc,
            document=document,
            coder=coder,
            kb=kb,
            source_span=source_span,
            source_head=source_head,
            date=date,
        )
    target_head = _head_of(doc, target_span)
    if target_head is None:
        return None
    actors: DocumentActors = resolve_actors(doc, kb=kb, date=date)
    source = _given(
        doc, source_span, actors.at(source_head.i) or actors.modifying(source_head.i), "source"
    )
    target = _given(
        doc, target_span, actors.at(target_head.i) or actors.modifying(target_head.i), "target"
    )
    if source.actor == target.actor:
        target = replace(target, actor=Actor(code="TARGET", kind="given"))
    actors.by_head[source_head.i] = (source,)
    actors.by_head[target_head.i] = (target,)

    sentence = source_head.sent
    index = next(i for i, s in enumerate(doc.sents) if s.start == sentence.start)
    events = coder.code_sentence(sentence, actors=actors, document=document, sentence_index=index)
    if target_head.sent.start != sentence.start:
        other = target_head.sent
        other_index = next(i for i, s in enumerate(doc.sents) if s.start == other.start)
        events += coder.code_sentence(
            other, actors=actors, document=document, sentence_index=other_index
        )
    matching = [
        e for e in events if _overlaps(e.source, source_span) and _overlaps(e.target, target_span)
    ]
    if matching:
        return max(matching, key=lambda e: (e.modality.factual, e.confidence, -e.trigger_span[0]))
    event = _governing_event(
        coder, document, index, sentence, source, target, source_head, target_head
    )
    if event is None and fallback:
        from polybius.events.fallback import pair_event

        event = pair_event(
            doc, document=document, source=source, target=target, sentence_index=index
        )
    return event


_SPEECH = frozenset(
    {"say", "tell", "announce", "report", "state", "add", "claim", "declare", "quote"}
)


def _path(source_head: Token, target_head: Token) -> tuple[list[Token], Token | None]:
    """Tokens on the dependency path between the two heads, from the top down, and the top."""
    up_source = _ancestors(source_head)
    up_target = _ancestors(target_head)
    on_target = {t.i for t in up_target}
    common = next((t for t in up_source if t.i in on_target), None)
    if common is None:
        return [], None
    below_source = [t for t in up_source if t.i != common.i][
        : [t.i for t in up_source].index(common.i)
    ]
    below_target = [t for t in up_target if t.i != common.i][
        : [t.i for t in up_target].index(common.i)
    ]
    # Closest to the common head first: the predicate that relates the two comes first.
    return [common, *reversed(below_target), *reversed(below_source)], common


def _governing_event(
    coder: EventCoder,
    document: Document,
    index: int,
    sentence: Any,
    source: Mention,
    target: Mention,
    source_head: Token,
    target_head: Token,
) -> Event | None:
    """Code the word that relates the two spans: the highest lexicon word on the path
    between them, passing over reporting verbs ("Hungary said it will support ...");
    failing that, a lexicon word above them."""
    path, common = _path(source_head, target_head)
    if common is None:
        return None
    triggers = [(t, coder._entry_for(t)) for t in path if t.i not in (source_head.i, target_head.i)]
    found = [(t, e) for t, e in triggers if e is not None]
    chosen = next(((t, e) for t, e in found if t.lemma_.lower() not in _SPEECH), None)
    if chosen is None and found:
        chosen = found[0]
    if chosen is None:
        chosen = next(
            ((t, e) for t in _ancestors(common)[1:4] if (e := coder._entry_for(t)) is not None),
            None,
        )
    if chosen is None:
        return None
    token, entry = chosen
    reading = read_modality(token)
    code = intent_code(entry.code) if reading.intent and reading.modality.future else entry.code
    trigger = _Trigger(token, entry, None)
    span = (int(sentence.start_char), int(sentence.end_char))
    return coder._event(
        document, index, span, trigger, source, target, code, reading.modality, None, 0.6
    )


def _source_event(
    doc: Any,
    *,
    document: Document,
    coder: EventCoder,
    kb: Any,
    source_span: tuple[int, int],
    source_head: Token,
    date: dt.date | None,
) -> Event | None:
    """The predicate of the marked source: the nearest lexicon word above it."""
    actors = resolve_actors(doc, kb=kb, date=date)
    source = _given(
        doc, source_span, actors.at(source_head.i) or actors.modifying(source_head.i), "source"
    )
    actors.by_head[source_head.i] = (source,)
    sentence = source_head.sent
    index = next(i for i, s in enumerate(doc.sents) if s.start == sentence.start)
    events = coder.code_sentence(sentence, actors=actors, document=document, sentence_index=index)
    above = [t.i for t in _ancestors(source_head)]
    mine = [e for e in events if _overlaps(e.source, source_span)]
    if mine:

        def depth(event: Event) -> int:
            token = next((t for t in sentence if t.idx == event.trigger_span[0]), None)
            return above.index(token.i) if token is not None and token.i in above else len(above)

        return min(mine, key=lambda e: (depth(e), not e.modality.factual))
    above_source = _ancestors(source_head)[1:6]
    # "X said their forces had completed their withdrawal": what a speaker reports.
    reported = [
        t
        for speech in above_source
        if speech.lemma_.lower() in _SPEECH
        for clause in speech.children
        if clause.dep_ == "ccomp"
        for t in (clause, *clause.children)
    ]
    for token in (*above_source, *reported):
        entry = coder._entry_for(token)
        if entry is None or token.lemma_.lower() in _SPEECH:
            continue
        reading = read_modality(token)
        code = intent_code(entry.code) if reading.intent and reading.modality.future else entry.code
        span = (int(sentence.start_char), int(sentence.end_char))
        return coder._event(
            document,
            index,
            span,
            _Trigger(token, entry, None),
            source,
            None,
            code,
            reading.modality,
            None,
            0.5,
        )
    return None
