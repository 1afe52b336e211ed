import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from polybius.model import Actor, Citation, Document, Event, Mention, Modality, to_dict


def _event(**changes: object) -> Event:
    source = Mention("Sergeev", 10, 17, Actor("RUSMIL", "RUS", ("MIL",)), rule="title")
    target = Mention("China", 40, 45, Actor("CHN", "CHN"), rule="country")
    base = Event(
        doc_id="d1",
        sentence_index=0,
        sentence_span=(0, 60),
        source=source,
        target=target,
        cameo="042",
        trigger="visit",
        trigger_span=(30, 35),
    )
    return base.with_(**changes)


def test_document_hash_follows_text() -> None:
    a = Document(id="a", text="Same words.")
    b = Document(id="b", text="Same words.")
    c = Document(id="c", text="Other words.")
    assert a.content_hash == b.content_hash != c.content_hash


def test_citation_at_finds_the_paragraph_it_closes() -> None:
    text = "First para (AP, May 2).\n\nSecond para (Xinhua, May 3)."
    first = Citation(("AP",), dt.date(2000, 5, 2), "(AP, May 2)", 11, 22, 0)
    second = Citation(("Xinhua",), dt.date(2000, 5, 3), "(Xinhua, May 3)", 37, 52, 25)
    doc = Document(id="d", text=text, citations=(first, second))
    assert doc.citation_at(3) is first
    assert doc.citation_at(30) is second
    assert doc.citation_at(23) is None


def test_event_id_is_stable_and_depends_on_code() -> None:
    assert _event().id == _event().id
    assert _event().id != _event(cameo="043").id


def test_modality_factual_only_without_negation_or_hypothesis() -> None:
    assert Modality().factual
    assert Modality(future=True, reported=True).factual
    assert not Modality(negated=True).factual
    assert not Modality(hypothetical=True).factual


@given(st.text(max_size=30), st.integers(0, 1000))
def test_to_dict_keeps_every_field(text: str, start: int) -> None:
    mention = Mention(text, start, start + len(text))
    record = to_dict(_event(source=mention, date=None))
    assert record["source"]["text"] == text
    assert record["source"]["start"] == start
    assert record["cameo"] == "042"
    assert record["modality"]["negated"] is False
