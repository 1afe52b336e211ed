"""The store writes atomically, never duplicates, and reads back what it wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from polybius.errors import StoreError
from polybius.store import MIGRATIONS, SCHEMA_VERSION, Store
from polybius.synthetic import make_document as make_doc
from polybius.synthetic import make_event

DAY = dt.date(2001, 3, 5)


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    with Store.open(path) as store:
        names = store.sql("SELECT name FROM _migrations ORDER BY name")["name"].tolist()
    assert names == [name for name, _ in MIGRATIONS]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO _migrations (name) VALUES ('9999_from_the_future')")
    con.close()
    with pytest.raises(StoreError, match="newer than this Polybius"):
        Store.open(path)


def test_add_returns_false_for_a_stored_document(store: Store) -> None:
    coded = make_doc("a", [make_event("a", "RUSGOV", "CHNGOV", "042", DAY)])
    assert store.add(coded) is True
    assert store.add(coded) is False
    counts = store.counts()
    assert counts["documents"] == 1
    assert counts["reports"] == 1
    assert counts["sentences"] == 1
    assert counts["events"] == 1


def test_same_text_under_another_id_is_the_same_document(store: Store) -> None:
    first = make_doc("a", [make_event("a", "RUS", "CHN", "042", DAY)], text="Same words.")
    second = make_doc("b", [make_event("b", "RUS", "CHN", "042", DAY)], text="Same words.")
    assert store.add_many([first, second]) == 1
    assert store.counts()["documents"] == 1


def test_events_read_back_equal_to_what_was_written(store: Store) -> None:
    events = [
        make_event("a", "RUSGOV", "CHNGOV", "042", DAY, place="Moscow", cited=("Reuters",)),
        make_event("a", "USA", None, "010", None, offset=50, negated=True),
    ]
    store.add(make_doc("a", events, date=DAY, publication="FBIS"))
    assert list(store.events()) == events
    assert list(store.events(include_modal=False)) == events[:1]


def test_modal_reports_are_kept_but_form_no_event(store: Store) -> None:
    store.add(
        make_doc(
            "a",
            [
                make_event("a", "RUS", "UKR", "190", DAY, negated=True),
                make_event("a", "RUS", "UKR", "190", DAY, offset=50, hypothetical=True),
            ],
        )
    )
    reports = store.sql("SELECT event_id FROM reports")
    assert len(reports) == 2
    assert reports["event_id"].isna().all()
    assert store.counts()["events"] == 0


def test_actors_are_stored_once(store: Store) -> None:
    store.add(make_doc("a", [make_event("a", "RUSGOV", "CHNGOV", "042", DAY)]))
    store.add(make_doc("b", [make_event("b", "RUSGOV", "CHNGOV", "042", DAY)]))
    actors = store.sql("SELECT code, country, sectors FROM actors ORDER BY code")
    assert actors.values.tolist() == [["CHNGOV", "CHN", ""], ["RUSGOV", "RUS", "GOV"]]


def test_failed_batch_leaves_nothing(store: Store) -> None:
    good = make_doc("a", [make_event("a", "RUS", "CHN", "042", DAY)])
    bad = make_doc("b", [make_event("b", "RUS", "CHN", "042", DAY)])
    # A document whose id is None violates NOT NULL: the whole batch must roll back.
    broken = make_doc("c")
    object.__setattr__(broken.document, "id", None)
    with pytest.raises(StoreError):
        store.add_many([good, bad, broken])
    assert store.counts() == {
        "documents": 0,
        "sentences": 0,
        "actors": 0,
        "reports": 0,
        "events": 0,
        "imported_events": 0,
    }
    assert store.add_many([good, bad]) == 2
    assert store.counts()["events"] == 1


def test_explain_event_lists_its_reports(store: Store) -> None:
    store.add(make_doc("a", [make_event("a", "RUS", "CHN", "042", DAY)], publication="TASS"))
    store.add(make_doc("b", [make_event("b", "RUS", "CHN", "043", DAY)], publication="AP"))
    event_id = store.event_rows()["event_id"].iloc[0]
    explained = store.explain_event(event_id)
    assert explained["doc_id"].tolist() == ["a", "b"]
    assert explained["publication"].tolist() == ["TASS", "AP"]
    assert explained["sentence"].str.startswith("Document").all()


def test_explain_unknown_event_says_so(store: Store) -> None:
    with pytest.raises(StoreError, match="no event 'nope'"):
        store.explain_event("nope")
