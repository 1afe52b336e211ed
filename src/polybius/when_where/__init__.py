"""When and where: give each coded event a date and a place, with the rule that decided.

date_event   attached date phrase → paragraph citation date → document date
place_event  locative phrase or visit destination on the trigger, else None + reason
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from polybius.model import Document, Event
from polybius.when_where.dates import (
    DateExpression,
    date_event,
    find_date_expressions,
    resolve_date,
)
from polybius.when_where.places import Gazetteer, place_event

__all__ = [
    "DateExpression",
    "Gazetteer",
    "date_event",
    "find_date_expressions",
    "place_event",
    "resolve_date",
    "resolve_when_where",
]

logger = logging.getLogger(__name__)


def resolve_when_where(
    event: Event,
    *,
    document: Document,
    sentence: Any,
    gazetteer: Gazetteer,
    context_countries: Collection[str],
) -> Event:
    """The event with its date, place and place reason filled in.

    An event dated after the document date (or by a forward phrase such as "within the
    next two months") is flagged ``modality.future``.
    """
    date = date_event(sentence=sentence, trigger_span=event.trigger_span, document=document)
    place, reason = place_event(
        sentence=sentence,
        trigger_span=event.trigger_span,
        gazetteer=gazetteer,
        context_countries=context_countries,
    )
    modality = event.modality
    if date is not None and document.date is not None:
        ahead = date.start > document.date or date.rule.startswith("forward:")
        if ahead and not modality.future:
            modality = replace(modality, future=True, cue=modality.cue or date.text)
    return event.with_(date=date, place=place, place_reason=reason, modality=modality)
