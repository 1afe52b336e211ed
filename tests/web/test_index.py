"""The in-memory event index answers exactly as the SQL it stands in for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polybius import analyse
from polybius.store import Store
from polybius.synthetic import load_synthetic, make_document, make_event, synthetic_documents
from polybius.web import _queries
from polybius.web._index import EventIndex, _ArrayCache
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


def test_array_cache_is_bounded_by_bytes_least_recently_used_out() -> None:
    # Issue 8: the cache counted a 1 MB row mask and a dyad's few row numbers as one slot
    # each, so the masks pushed out the row lists of the dyads a dashboard cycles through.
    cache = _ArrayCache(max_bytes=1000)
    mask = np.zeros(600, dtype=bool)
    cache.put(("source", "RUS"), mask)
    small = [np.arange(5) for _ in range(9)]  # 40 bytes each
    for k, rows in enumerate(small):
        cache.put(("pair-rows", str(k)), rows)
    assert len(cache) == 10 and cache.used == 600 + 9 * 40
    assert cache.get(("source", "RUS")) is mask  # now the most recently used
    cache.put(("pair-rows", "0"), np.arange(100))  # a key already held is kept as it was
    assert cache.get(("pair-rows", "0")) is small[0]
    cache.put(("target", "UKR"), np.zeros(300, dtype=bool))  # over budget: oldest go first
    assert cache.used <= 1000
    assert cache.get(("source", "RUS")) is mask
    assert cache.get(("pair-rows", "0")) is small[0]
    assert cache.get(("pair-rows", "1")) is None
    assert cache.get(("target", "UKR")) is not None


def test_an_array_larger_than_the_budget_is_still_kept_alone() -> None:
    cache = _ArrayCache(max_bytes=10)
    cache.put(("a", ""), np.zeros(4, dtype=np.int64))
    cache.put(("b", ""), np.zeros(100, dtype=np.int64))
    assert len(cache) == 1 and cache.get(("b", "")) is not None


def test_dyad_counts_rows_without_quad_class_or_score(tmp_path: Path) -> None:
    path = tmp_path / "gaps.duckdb"
    day = dt.date(2001, 2, 3)
    events = [
        make_event("g", "USA", "RUS", "040", day, quad_class=None, goldstein=None),  # type: ignore[arg-type]
        make_event("g", "RUS", "USA", "112", day, quad_class=3, goldstein=-2.0, offset=1),
        make_event("g", "USA", "RUS", "042", day.replace(month=3), offset=2),
    ]
    with Store.open(path) as writer:
        writer.add(make_document("g", events))
    with Store.open(path, read_only=True) as reader:
        index = EventIndex.load(reader)
        want = _dyad_points(analyse.dyad(reader, "USA", "RUS", by="month"))
    got = index.dyad("USA", "RUS", by="month", directed=False, since=None, until=None)
    assert got == want
    assert [p["events"] for p in got] == [2, 1]
    assert got[0]["verbal_conflict"] == 1 and got[0]["verbal_cooperation"] == 0
    assert got[0]["goldstein_sum"] == -2.0 and got[0]["goldstein_mean"] == -1.0
    rows = index.rows(np.arange(index.size))
    (row,) = [r for r in rows if r["quad_class"] is None]
    assert row["goldstein"] is None
    # The column arrives as floats (it has a null); the API's model wants integers.
    assert sorted(type(r["quad_class"]).__name__ for r in rows) == ["NoneType", "int", "int"]
