"""A tiny hand-built store for the web tests: two documents, four reports, known spans."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

pytest.importorskip(
    "fastapi", reason="the web tests need the web extra: pip install 'polybius[web]'"
)

with warnings.catch_warnings():
    # Starlette >= 1.x warns that its TestClient prefers httpx2; plain httpx still works.
    warnings.simplefilter("ignore")
    import fastapi.testclient  # noqa: F401

from polybius.model import (  # noqa: E402
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
from polybius.store import Store  # noqa: E402

TEXT_A = (
    "Russian President Vladimir Putin met Chinese President Hu Jintao in Moscow on Monday. "
    "Ukraine accused Russia of shelling border villages."
)
TEXT_B = "Japan protested to China on Friday over the islands."


def _mention(text: str, words: str, code: str, rule: str, *, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    actor = Actor(code=code, country=code[:3], sectors=(code[3:],) if code[3:] else ())
    return Mention(text=words, start=start, end=start + len(words), actor=actor, rule=rule)


def _event(text: str, doc_id: str, sentence: tuple[int, int], **kw: object) -> Event:
    trigger = str(kw.pop("trigger"))
    t = text.index(trigger, sentence[0])
    return Event(
        doc_id=doc_id,
        sentence_index=int(kw.pop("sentence_index", 0)),  # type: ignore[call-overload]
        sentence_span=sentence,
        trigger=trigger,
        trigger_span=(t, t + len(trigger)),
        lexicon_version="test-1",
        coder_version="test-1",
        **kw,  # type: ignore[arg-type]
    )


def build_store(path: Path) -> Path:
    """Write the two test documents to a DuckDB file at ``path``."""
    s0 = (0, TEXT_A.index("Ukraine") - 1)
    s1 = (TEXT_A.index("Ukraine"), len(TEXT_A))
    monday = TEXT_A.index("on Monday")
    moscow = TEXT_A.index("Moscow")
    meet = _event(
        TEXT_A,
        "a",
        s0,
        source=_mention(TEXT_A, "Russian President Vladimir Putin", "RUSGOV", "kb:person"),
        target=_mention(TEXT_A, "Chinese President Hu Jintao", "CHNGOV", "title+nationality"),
        cameo="040",
        trigger="met",
        goldstein=1.0,
        quad_class=1,
        plover_type="CONSULT",
        date=EventDate(
            dt.date(2008, 3, 3),
            dt.date(2008, 3, 3),
            DatePrecision.DAY,
            rule="relative:weekday",
            text="on Monday",
            span=(monday, monday + len("on Monday")),
        ),
        place=Place(
            name="Moscow",
            country="RUS",
            rule="gazetteer:city",
            text="Moscow",
            span=(moscow, moscow + 6),
        ),
        place_reason="locative 'in Moscow'",
        cited_sources=("Interfax",),
        rule="meet-phrasal",
    )
    accuse = _event(
        TEXT_A,
        "a",
        s1,
        sentence_index=1,
        source=_mention(TEXT_A, "Ukraine", "UKR", "kb:country"),
        target=_mention(TEXT_A, "Russia", "RUS", "kb:country", nth=1),
        cameo="112",
        trigger="accused",
        goldstein=-2.0,
        quad_class=3,
        plover_type="ACCUSE",
        date=EventDate(dt.date(2008, 3, 4), dt.date(2008, 3, 4), DatePrecision.DAY, rule="doc"),
        rule="accuse-verb",
    )
    protest = _event(
        TEXT_B,
        "b",
        (0, len(TEXT_B)),
        source=_mention(TEXT_B, "Japan", "JPN", "kb:country"),
        target=_mention(TEXT_B, "China", "CHN", "kb:country"),
        cameo="141",
        trigger="protested",
        goldstein=-6.5,
        quad_class=4,
        plover_type="PROTEST",
        date=EventDate(dt.date(2008, 4, 4), dt.date(2008, 4, 4), DatePrecision.DAY, rule="doc"),
        rule="protest-verb",
    )
    denied = protest.with_(
        cameo="138",
        goldstein=-7.0,
        plover_type="THREATEN",
        modality=Modality(negated=True, cue="did not"),
        trigger_span=(protest.trigger_span[0], protest.trigger_span[1]),
        sentence_index=0,
        source=protest.target,
        target=protest.source,
    )
    docs = [
        CodedDocument(
            document=Document(id="a", text=TEXT_A, date=dt.date(2008, 3, 4), publication="Monitor"),
            sentences=(
                Sentence("a", 0, s0[0], s0[1], TEXT_A[s0[0] : s0[1]]),
                Sentence("a", 1, s1[0], s1[1], TEXT_A[s1[0] : s1[1]]),
            ),
            events=(meet, accuse),
        ),
        CodedDocument(
            document=Document(id="b", text=TEXT_B, date=dt.date(2008, 4, 4), publication="Wire"),
            sentences=(Sentence("b", 0, 0, len(TEXT_B), TEXT_B),),
            events=(protest, denied),
        ),
    ]
    with Store.open(path) as store:
        store.add_many(docs)
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="session")
def client(web_db: Path):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from polybius.web.app import create_app

    with TestClient(create_app(web_db)) as test_client:
        yield test_client
