"""Reports of the same real-world event, from different documents, become one event."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polybius.errors import ConfigError
from polybius.store import Store
from polybius.synthetic import make_document, make_event

DAY = dt.date(2001, 3, 5)


def _days(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


def test_same_visit_from_two_wires_is_one_event(store: Store) -> None:
    store.add(
        make_document(
            "tass",
            [make_event("tass", "RUSGOV", "CHNGOV", "042", DAY, cited=("TASS",))],
            publication="FBIS",
        )
    )
    store.add(
        make_document(
            "xinhua",
            [make_event("xinhua", "RUSGOV", "CHNGOV", "043", _days(1), cited=("Xinhua",))],
        )
    )
    events = store.event_rows()
    assert len(events) == 1
    row = events.iloc[0]
    assert (row.num_reports, row.num_documents, row.num_sources) == (2, 2, 2)
    assert row.first_date.date() == DAY and row.last_date.date() == _days(1)
    assert store.sql("SELECT count(DISTINCT event_id) AS n FROM reports")["n"][0] == 1


def test_publication_counts_as_source_when_nothing_is_cited(store: Store) -> None:
    store.add(make_document("a", [make_event("a", "RUS", "CHN", "04", DAY)], publication="AP"))
    store.add(make_document("b", [make_event("b", "RUS", "CHN", "04", DAY)], publication="AP"))
    row = store.event_rows().iloc[0]
    assert (row.num_reports, row.num_documents, row.num_sources) == (2, 2, 1)


def test_different_root_target_or_distant_date_stay_apart(store: Store) -> None:
    store.add(make_document("a", [make_event("a", "RUS", "CHN", "042", DAY)]))
    store.add(make_document("b", [make_event("b", "RUS", "CHN", "190", DAY)]))  # other root
    store.add(make_document("c", [make_event("c", "RUS", "USA", "042", DAY)]))  # other target
    store.add(make_document("d", [make_event("d", "CHN", "RUS", "042", DAY)]))  # reversed
    store.add(make_document("e", [make_event("e", "RUS", "CHN", "042", _days(4))]))  # too late
    assert len(store.event_rows()) == 5


def test_window_is_configurable() -> None:
    with Store.open(":memory:", window_days=7) as store:
        store.add(make_document("a", [make_event("a", "RUS", "CHN", "042", DAY)]))
        store.add(make_document("b", [make_event("b", "RUS", "CHN", "042", _days(6))]))
        assert len(store.event_rows()) == 1
        assert store.relink(window_days=0) == 2


def test_country_level_actor_match() -> None:
    with Store.open(":memory:", actor_match="country") as store:
        store.add(make_document("a", [make_event("a", "RUSMIL", "CHN", "042", DAY)]))
        store.add(make_document("b", [make_event("b", "RUSMIL", "CHNGOV", "042", DAY)]))
        store.add(make_document("c", [make_event("c", "RUS", "USA", "042", DAY)]))
        assert sorted(store.event_rows()["num_reports"]) == [1, 2]
        assert store.relink(actor_match="exact") == 3


def test_bad_dedup_settings_are_refused() -> None:
    with pytest.raises(ConfigError, match="unknown actor match 'fuzzy'"):
        Store.open(":memory:", actor_match="fuzzy")


def test_known_places_must_agree(store: Store) -> None:
    store.add(make_document("a", [make_event("a", "RUS", "CHN", "042", DAY, place="Beijing")]))
    store.add(make_document("b", [make_event("b", "RUS", "CHN", "042", DAY, place="Moscow")]))
    store.add(make_document("c", [make_event("c", "RUS", "CHN", "042", DAY)]))  # place unknown
    events = store.event_rows().sort_values("place_name")
    assert events["place_name"].tolist() == ["Beijing", "Moscow"]
    assert sorted(events["num_reports"]) == [1, 2]


def test_undated_reports_form_their_own_events(store: Store) -> None:
    store.add(make_document("a", [make_event("a", "RUS", "CHN", "042", None)]))
    store.add(make_document("b", [make_event("b", "RUS", "CHN", "042", None)]))
    assert len(store.event_rows()) == 2


def test_undated_report_takes_its_document_date(store: Store) -> None:
    store.add(make_document("a", [make_event("a", "RUS", "CHN", "042", DAY)]))
    store.add(make_document("b", [make_event("b", "RUS", "CHN", "042", None)], date=_days(1)))
    assert len(store.event_rows()) == 1


report = st.tuples(
    st.sampled_from(["RUS", "RUSMIL", "CHN", "USA"]),
    st.sampled_from(["RUS", "CHN", "CHNGOV", "IRN"]),
    st.sampled_from(["042", "043", "190"]),
    st.integers(min_value=0, max_value=12),
    st.booleans(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(report, min_size=1, max_size=3), min_size=1, max_size=8),
    st.sampled_from(["exact", "country"]),
)
def test_dedup_is_idempotent(
    docs: list[list[tuple[str, str, str, int, bool]]], actor_match: str
) -> None:
    coded = [
        make_document(
            f"d{i}",
            [
                make_event(f"d{i}", s, t, c, _days(d), offset=60 * k, negated=neg)
                for k, (s, t, c, d, neg) in enumerate(reports)
            ],
        )
        for i, reports in enumerate(docs)
    ]
    with Store.open(":memory:", actor_match=actor_match) as store:
        store.add_many(coded, batch_size=3)
        incremental = store.event_rows()
        links = store.sql("SELECT report_id, event_id FROM reports ORDER BY report_id")
        store.add_many(coded)  # re-running adds nothing
        assert store.event_rows().equals(incremental)
        store.relink()  # rebuilding from scratch gives the same events and links
        assert store.event_rows().equals(incremental)
        assert store.sql("SELECT report_id, event_id FROM reports ORDER BY report_id").equals(links)
        store.relink()
        assert store.event_rows().equals(incremental)
        factual = sum(1 for reports in docs for r in reports if not r[4])
        assert int(incremental["num_reports"].sum()) == factual
        counted = store.sql(
            "SELECT event_id, count(*) AS n, count(DISTINCT doc_hash) AS d FROM reports"
            " WHERE event_id IS NOT NULL GROUP BY 1 ORDER BY 1"
        )
        assert counted["n"].tolist() == incremental["num_reports"].tolist()
        assert counted["d"].tolist() == incremental["num_documents"].tolist()
