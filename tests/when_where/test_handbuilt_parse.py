"""date_event and place_event on a parse built by hand (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from polybius.model import DatePrecision, Document
from polybius.when_where import Gazetteer, date_event, place_event

spacy_tokens = pytest.importorskip("spacy.tokens")
spacy_vocab = pytest.importorskip("spacy.vocab")

WORDS = ["Troops", "arrived", "in", "Kharkov", "yesterday", "."]
HEADS = [1, 1, 1, 2, 1, 1]
DEPS = ["nsubj", "ROOT", "prep", "pobj", "npadvmod", "punct"]
POS = ["NOUN", "VERB", "ADP", "PROPN", "NOUN", "PUNCT"]
ENTS = ["O", "O", "O", "B-GPE", "B-DATE", "O"]


@pytest.fixture(scope="module")
def sentence():  # type: ignore[no-untyped-def]
    doc = spacy_tokens.Doc(
        spacy_vocab.Vocab(),
        words=WORDS,
        heads=HEADS,
        deps=DEPS,
        pos=POS,
        ents=ENTS,
        spaces=[True, True, True, True, False, False],
    )
    return doc[:]


def test_handbuilt_date(sentence) -> None:  # type: ignore[no-untyped-def]
    document = Document(id="h", text=sentence.doc.text, date=dt.date(2014, 3, 1))
    date = date_event(sentence=sentence, trigger_span=(7, 14), document=document)
    assert date is not None
    assert (date.start, date.precision) == (dt.date(2014, 2, 28), DatePrecision.DAY)
    assert date.rule == "relative:dependency/yesterday"
    assert date.span == (26, 35)


def test_handbuilt_place(sentence) -> None:  # type: ignore[no-untyped-def]
    place, reason = place_event(
        sentence=sentence,
        trigger_span=(7, 14),
        gazetteer=Gazetteer.load(),
        context_countries=["UKR", "RUS"],
    )
    assert place is not None
    assert (place.name, place.country, place.text) == ("Kharkiv", "UKR", "Kharkov")
    assert place.span == (18, 25)
    assert reason == "locative phrase 'in Kharkov'"
