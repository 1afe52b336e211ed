"""The in-memory event index answers exactly as the SQL it stands in for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polybius import analyse
from polybius.store import Store
from polybius.synthetic import load_synthetic, make_document, make_event, synthetic_documents
from polybius.web import _queries
from polybius.web._index import EventIndex
from polybius.web.app import _dyad_points


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("index") / "index.duckdb"
    with Store.open(path) as writer:
        writer.add_many(synthetic_documents(40, seed=3))
        undated = [make_event("u", "RUSGOV", "UKR", "112", None, quad_class=3, goldstein=-2.0)]
        writer.add(make_document("u", undated))
        load_synthetic(writer, 3000, seed=5, years=3, start=dt.date(2000, 1, 1))
    reader = Store.open(path, read_only=True)
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def index(store: Store) -> EventIndex:
    return EventIndex.load(store)


_ACTORS = st.sampled_from(["U", "USA", "USAGOV", "RUS", "CHN", "IRN", "UKR", "ZZZ", "R"])
_DAYS = st.dates(dt.date(1999, 12, 1), dt.date(2003, 2, 1))
_FILTERS = st.builds(
    _queries.EventFilters,
    actor=st.none() | _ACTORS,
    source=st.none() | _ACTORS,
    target=st.none() | _ACTORS,
    dyad=st.none() | st.tuples(_ACTORS, _ACTORS),
    code=st.none() | st.sampled_from(["01", "04", "042", "19", "112", "20"]),
    plover=st.none() | st.sampled_from(["CONSULT", "ASSAULT", "ACCUSE", "AID"]),
    quad_class=st.none() | st.integers(1, 4),
    since=st.none() | _DAYS,
    until=st.none() | _DAYS,
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    filters=_FILTERS,
    sort=st.sampled_from(sorted(_queries.SORT_KEYS)),
    order=st.sampled_from(["asc", "desc"]),
    limit=st.integers(1, 60),
    offset=st.integers(0, 200),
)
def test_search_matches_sql(
    store: Store,
    index: EventIndex,
    filters: _queries.EventFilters,
    sort: str,
    order: str,
    limit: int,
    offset: int,
) -> None:
    total, rows = index.search(filters, sort=sort, order=order, limit=limit, offset=offset)
    want_total, want = _queries.events_page(
        store, filters, sort=sort, order=order, limit=limit, offset=offset
    )
    assert total == want_total
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in want]
    if rows:
        assert rows[0] == want[0]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    a=_ACTORS,
    b=_ACTORS,
    by=st.sampled_from(analyse.PERIODS),
    directed=st.booleans(),
    since=st.none() | _DAYS,
    until=st.none() | _DAYS,
)
def test_dyad_matches_analyse(
    store: Store,
    index: EventIndex,
    a: str,
    b: str,
    by: str,
    directed: bool,
    since: dt.date | None,
    until: dt.date | None,
) -> None:
    got = index.dyad(a, b, by=by, directed=directed, since=since, until=until)
    frame = analyse.dyad(store, a, b, by=by, directed=directed, since=since, until=until)  # type: ignore[arg-type]
    want = _dyad_points(frame)
    assert [p["period"] for p in got] == [p["period"] for p in want]
    for mine, theirs in zip(got, want, strict=True):
        assert mine["events"] == theirs["events"]
        assert mine["plover"] == theirs["plover"]
        for name in analyse.QUAD_NAMES.values():
            assert mine[name] == theirs[name]
        assert mine["goldstein_sum"] == pytest.approx(theirs["goldstein_sum"])


def test_get_and_undated_rows(index: EventIndex, store: Store) -> None:
    found = index.get("syn10")
    assert found is not None and found[0]["event_id"] == "syn10"
    assert found[1] is False  # synthetic events have no stored reports
    reported = store.scalar("SELECT event_id FROM reports WHERE event_id IS NOT NULL LIMIT 1")
    assert index.get(reported) is not None and index.get(reported)[1] is True  # type: ignore[index]
    assert index.get("nope") is None
    undated = store.scalar("SELECT count(*) FROM events WHERE first_date IS NULL")
    assert undated == index.size - index.dated and undated >= 1


def test_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as store:
        index = EventIndex.load(store)
    assert index.search(
        _queries.EventFilters(actor="RUS"), sort="date", order="desc", limit=10, offset=0
    ) == (0, [])
    assert index.dyad("A", "B", by="month", directed=False, since=None, until=None) == []
    assert isinstance(pd.Timestamp, type)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    level=st.sampled_from(["code", "country"]),
    n=st.integers(1, 40),
    min_count=st.integers(1, 30),
    since=st.none() | _DAYS,
    until=st.none() | _DAYS,
)
def test_aggregates_match_analyse(
    store: Store,
    index: EventIndex,
    level: str,
    n: int,
    min_count: int,
    since: dt.date | None,
    until: dt.date | None,
) -> None:
    top = index.top_actors(n=n, level=level, since=since, until=until)
    want = _queries.frame_records(
        analyse.top_actors(store, n=n, level=level, since=since, until=until)  # type: ignore[arg-type]
    )
    assert [(r["actor"], r["events"], r["as_source"]) for r in top] == [
        (r["actor"], r["events"], r["as_source"]) for r in want
    ]
    for mine, theirs in zip(top, want, strict=True):
        assert mine["goldstein_mean"] == pytest.approx(theirs["goldstein_mean"])
    edges = index.network_edges(level=level, min_count=min_count, since=since, until=until)
    frame = analyse.network_edges(
        store,
        level=level,
        min_count=min_count,
        since=since,
        until=until,  # type: ignore[arg-type]
    )
    want_edges = _queries.frame_records(frame)
    assert [(e["source"], e["target"], e["count"]) for e in edges] == [
        (e["source"], e["target"], e["count"]) for e in want_edges
    ]
    for mine, theirs in zip(edges, want_edges, strict=True):
        assert mine["goldstein_sum"] == pytest.approx(theirs["goldstein_sum"])
