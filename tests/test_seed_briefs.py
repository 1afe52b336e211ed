"""Acceptance on the two Monitor briefs the project started from (issues 3, 4, 5 and 6).

The briefs stay in ../shared/seeds; these tests skip where it is absent. The expectations
are written here from a reading of the briefs, not taken from any gold file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from polybius.api import code_files
from polybius.ingest import IngestOptions
from polybius.model import CodedDocument, Event, Mention

pytestmark = pytest.mark.model

D1998 = "001_fb81cd2edeae29cc.txt"  # Volume 4 Issue 196: Sergeev in Beijing
D2000 = "000_5abca4ff4b320a79.txt"  # Volume 6 Issue 14: Chi Haotian in Moscow


@pytest.fixture(scope="module")
def coded(shared_seeds: Path) -> dict[str, CodedDocument]:
    found = {}
    for item in code_files([shared_seeds]):
        assert isinstance(item, CodedDocument), item
        found[Path(item.document.id).name] = item
    return found


def _factual(doc: CodedDocument) -> list[Event]:
    return [e for e in doc.events if e.modality.factual]


def _has(events: list[Event], source: str, target: str, codes: tuple[str, ...]) -> list[Event]:
    return [
        e
        for e in events
        if (e.source.code or "").startswith(source)
        and e.target is not None
        and (e.target.code or "").startswith(target)
        and e.cameo.startswith(codes)
    ]


def _mention(doc: CodedDocument, phrase: str, nth: int = 0) -> list[Mention]:
    text = doc.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [m for m in doc.mentions if m.start <= start < m.end]


def test_issue3_document_dates_are_inferred(coded: dict[str, CodedDocument]) -> None:
    assert coded[D1998].document.date is not None
    assert coded[D1998].document.date.strftime("%Y-%m") == "1998-10"
    assert coded[D2000].document.date is not None
    assert coded[D2000].document.date.strftime("%Y-%m") == "2000-01"


def test_issue3_events_of_the_briefs(coded: dict[str, CodedDocument]) -> None:
    y1998, y2000 = _factual(coded[D1998]), _factual(coded[D2000])
    assert _has(y1998, "RUSMIL", "CHN", ("042",)), "Sergeev visits China"
    for events in (y1998, y2000):
        assert _has(events, "RUSMIL", "CHNMIL", ("04",)) and _has(
            events, "CHNMIL", "RUSMIL", ("04",)
        )
    assert _has(y2000, "RUSMIL", "CHNMIL", ("057", "06")), "the memorandum"
    assert _has(y2000, "RUS", "USA", ("11", "12")) and _has(y2000, "CHN", "USA", ("11", "12"))
    assert _has(y2000, "CHNMIL", "USA", ("13",)), "Chi's warning is a real threat"


def test_issue3_events_carry_provenance(coded: dict[str, CodedDocument]) -> None:
    doc = coded[D2000]
    text = doc.document.text
    for event in _factual(doc):
        assert text[slice(*event.trigger_span)] == event.trigger
        assert event.sentence_span[0] <= event.trigger_span[0] < event.sentence_span[1]
        assert text[event.source.start : event.source.end] == event.source.text
    signing = _has(_factual(doc), "RUSMIL", "CHNMIL", ("057", "06"))[0]
    assert signing.cited_sources == ("Reuters", "AP", "Russian agencies", "Xinhua")


def test_issue5_force_threatened_in_the_warning_is_hypothetical(
    coded: dict[str, CodedDocument],
) -> None:
    doc = coded[D2000]
    start = doc.document.text.index("repulsed")
    force = [e for e in doc.events if e.trigger_span[0] == start]
    assert force, "the threatened force is kept, flagged"
    assert all(e.modality.hypothetical for e in force)


@pytest.mark.parametrize(
    ("brief", "phrase", "nth", "codes"),
    [
        (D2000, "two men", 0, {"CHNMIL", "RUSMIL"}),
        (D2000, "Chi pointed", 0, {"CHNMIL"}),
        (D2000, "He warned", 0, {"CHNMIL"}),
        (D2000, "Chinese leadership", 0, {"CHNGOV"}),
        (D2000, "Russian Deputy Prime Minister Ilya Klebanov", 0, {"RUSGOV"}),
        (D2000, "Chinese people", 0, {"CHNCVL"}),
        (D2000, "Washington", 0, {"USAGOV"}),
        (D2000, "Beijing and Moscow", 0, {"CHNGOV"}),
        (D2000, "two countries", 0, {"CHNGOV", "RUSGOV"}),
        (D1998, "Moscow and Beijing", 0, {"RUSGOV"}),
        (D1998, "Strategic Rocket Forces", 0, {"RUSMIL"}),
        (D1998, "Chinese President Jiang Zemin", 0, {"CHNGOV"}),
        (D1998, "Chinese counterpart", 0, {"CHNMIL"}),
        (D1998, "two sides", 0, {"CHNMIL", "RUSMIL"}),
        (D1998, "alliance\u2019s", 0, {"IGOWSTNAT"}),
    ],
)
def test_issue4_actor_mentions(
    coded: dict[str, CodedDocument], brief: str, phrase: str, nth: int, codes: set[str]
) -> None:
    assert {m.code for m in _mention(coded[brief], phrase, nth)} == codes


def test_issue4_the_russian_president_is_yeltsin_in_office_at_the_trip(
    coded: dict[str, CodedDocument],
) -> None:
    doc = coded[D2000]
    president = _mention(doc, "Russian president")
    assert president and president[0].actor is not None
    assert president[0].actor.name == "Boris Yeltsin"
    trip = next(e for e in _factual(doc) if e.trigger == "trip" and e.cameo == "042")
    assert trip.source.code == "RUSGOV", "Yeltsin was president in December 1999"


def test_issue6_dates_and_places(coded: dict[str, CodedDocument]) -> None:
    y1998 = coded[D1998].events
    visit = _has(y1998, "RUSMIL", "CHN", ("042",))[0]
    assert visit.date is not None
    assert (visit.date.start, visit.date.end) == (dt.date(1998, 10, 21), dt.date(1998, 10, 24))
    talks = next(
        e for e in y1998 if e.trigger == "talks" and e.target and e.target.code == "CHNMIL"
    )
    assert talks.date is not None and talks.date.start == dt.date(1998, 10, 21)
    assert talks.place is not None and talks.place.name == "Beijing", "after arriving in Beijing"
    jiang = next(e for e in y1998 if e.target and "Jiang" in e.target.text)
    assert jiang.date is not None and jiang.date.start == dt.date(1998, 10, 23)
    assert jiang.modality.future
    arrival = next(e for e in y1998 if e.trigger == "arrived")
    assert arrival.place is not None and arrival.place.name == "Beijing"

    y2000 = coded[D2000].events
    trip = next(e for e in y2000 if e.trigger == "trip" and e.cameo == "042")
    assert trip.date is not None and trip.date.start.strftime("%Y-%m") == "1999-12"
    assert trip.date.precision == "month"
    meeting = _has(y2000, "CHNMIL", "RUSMIL", ("04",))[0]
    assert meeting.date is not None and meeting.date.start == dt.date(2000, 1, 17)
    moscow = [e for e in y2000 if e.trigger == "talks" and e.place is not None]
    assert moscow and all(e.place.name == "Moscow" for e in moscow), "Chi's talks in Moscow"


def test_issue5_nothing_to_indicate_is_flagged_not_emitted(coded: dict[str, CodedDocument]) -> None:
    doc = coded[D2000]
    start = doc.document.text.index("nothing to indicate")
    sentence = next(s for s in doc.sentences if s.start <= start < s.end)
    inside = [e for e in doc.events if e.sentence_index == sentence.index]
    assert inside, "the statement is coded, flagged"
    assert all(e.modality.negated for e in inside)
    assert not [e for e in _factual(doc) if e.sentence_index == sentence.index]


def test_issue7_the_same_visit_from_another_wire_is_one_event(
    shared_seeds: Path, tmp_path: Path
) -> None:
    from polybius.api import code
    from polybius.store import Store

    wire = tmp_path / "wire.txt"
    wire.write_text(
        "BEIJING, Oct. 21 (Reuters) - Russian Defense Minister Igor Sergeyev began a visit "
        "to China on Wednesday, Chinese officials said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "p.duckdb"
    first = code([shared_seeds], db=db)
    again = code([shared_seeds], db=db)
    assert first.documents == again.documents == 2 and again.already_stored == 2
    with Store.open(db) as store:
        counts = store.counts()
    code([wire], db=db, options=IngestOptions(date=dt.date(1998, 10, 22)))
    with Store.open(db) as store:
        after = store.counts()
        visits = store.sql(
            "SELECT num_reports, num_documents FROM events "
            "WHERE source_code = 'RUSMIL' AND target_code = 'CHN' AND cameo = '042'"
        )
    assert after["documents"] == counts["documents"] + 1
    assert len(visits) == 1, "one visit, reported twice"
    assert int(visits.num_documents[0]) == 2
