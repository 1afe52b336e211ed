"""The JSON API on a hand-built store: filters, detail, documents, validation, safety."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from polybius.errors import ConfigError, StoreError
from polybius.store import Store
from polybius.synthetic import make_document, make_event
from polybius.web.app import create_app, is_loopback, serve
from polybius.web.models import DyadSeries, EventPage

from .conftest import TEXT_A


def _events(client: TestClient, **params: object) -> dict:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_unfiltered_lists_factual_events_newest_first(client: TestClient) -> None:
    page = _events(client)
    assert page["total"] == 3  # the negated report is not an event
    dates = [e["first_date"] for e in page["events"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("params", "pairs"),
    [
        ({"actor": "rus"}, {("RUSGOV", "CHNGOV"), ("UKR", "RUS")}),
        ({"source": "UKR"}, {("UKR", "RUS")}),
        ({"target": "CHN"}, {("RUSGOV", "CHNGOV"), ("JPN", "CHN")}),
        ({"dyad": "CHN,RUS"}, {("RUSGOV", "CHNGOV")}),
        ({"code": "04"}, {("RUSGOV", "CHNGOV")}),
        ({"plover": "accuse"}, {("UKR", "RUS")}),
        ({"quad_class": 4}, {("JPN", "CHN")}),
        ({"since": "2008-03-04", "until": "2008-03-31"}, {("UKR", "RUS")}),
        ({"place": "mosc"}, {("RUSGOV", "CHNGOV")}),
        ({"text": "border villages"}, {("UKR", "RUS")}),
        ({"text": "no such words"}, set()),
    ],
)
def test_event_filters(client: TestClient, params: dict, pairs: set) -> None:
    page = _events(client, **params)
    assert {(e["source_code"], e["target_code"]) for e in page["events"]} == pairs
    assert page["total"] == len(pairs)


def test_sort_and_paginate(client: TestClient) -> None:
    page = _events(client, sort="goldstein", order="asc", limit=2)
    assert [e["goldstein"] for e in page["events"]] == [-6.5, -2.0]
    rest = _events(client, sort="goldstein", order="asc", limit=2, offset=2)
    assert [e["goldstein"] for e in rest["events"]] == [1.0]
    assert rest["total"] == 3


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"since": "2008-13-01"}, "since"),
        ({"until": "yesterday"}, "YYYY-MM-DD"),
        ({"code": "999"}, "CAMEO event code"),
        ({"code": "4"}, "CAMEO event code"),
        ({"plover": "DANCE"}, "PLOVER"),
        ({"sort": "event_id; DROP TABLE events"}, "sort by one of"),
        ({"order": "sideways"}, "asc or desc"),
        ({"actor": "RUS'--"}, "actor code"),
        ({"dyad": "RUS"}, "two actor codes"),
        ({"quad_class": 5}, "quad_class"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
    ],
)
def test_bad_parameters_get_422_with_a_clear_message(
    client: TestClient, params: dict, words: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert words in response.json()["message"]


def test_event_detail_has_reports_and_provenance(client: TestClient) -> None:
    page = _events(client, code="040")
    event_id = page["events"][0]["event_id"]
    detail = client.get(f"/api/events/{event_id}").json()
    assert detail["sources"] == ["Interfax"]
    (report,) = detail["reports"]
    assert report["rule"] == "meet-phrasal"
    assert report["lexicon_version"] == "test-1"
    assert report["source"]["rule"] == "kb:person"
    assert report["source"]["actor"]["code"] == "RUSGOV"
    assert report["date"]["rule"] == "relative:weekday"
    assert report["place"]["rule"] == "gazetteer:city"
    assert report["place_reason"] == "locative 'in Moscow'"
    assert report["cameo_name"]  # looked up in the shipped CAMEO table
    assert report["sentence"].startswith("Russian President")


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404
    assert "no-such-event" in response.json()["message"]


def test_document_spans_slice_back_to_their_words(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert docs["total"] == 2
    first = next(d for d in docs["documents"] if d["doc_id"] == "a")
    doc = client.get(f"/api/documents/{first['doc_hash']}").json()
    assert doc["text"] == TEXT_A
    roles = {(s["role"], s["text"]) for s in doc["spans"]}
    assert ("trigger", "met") in roles
    assert ("source", "Russian President Vladimir Putin") in roles
    assert ("target", "Chinese President Hu Jintao") in roles
    assert ("date", "on Monday") in roles
    assert ("place", "Moscow") in roles
    for span in doc["spans"]:
        assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_document_lists_modal_reports_unlinked(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"text": "Japan"}).json()
    (summary,) = docs["documents"]
    doc = client.get(f"/api/documents/{summary['doc_hash']}").json()
    negated = [r for r in doc["reports"] if r["modality"]["negated"]]
    assert len(negated) == 1 and negated[0]["event_id"] is None


def test_reports_search_uses_analyse(client: TestClient) -> None:
    plain = client.get("/api/reports", params={"actor": "JPN"}).json()["reports"]
    modal = client.get("/api/reports", params={"actor": "JPN", "include_modal": True}).json()
    assert len(plain) == 1 and len(modal["reports"]) == 2


def test_dyad_series(client: TestClient) -> None:
    series = client.get("/api/dyad", params={"a": "rus", "b": "ukr", "by": "month"}).json()
    assert series["a"] == "RUS"
    (point,) = series["points"]
    assert point["period"] == "2008-03-01"
    assert point["verbal_conflict"] == 1 and point["events"] == 1
    assert point["plover"] == {"ACCUSE": 1}


def test_top_actors_and_network(client: TestClient) -> None:
    top = client.get("/api/actors/top", params={"n": 1, "level": "country"}).json()
    assert top["actors"][0]["actor"] in {"RUS", "CHN"}
    graph = client.get("/api/network", params={"level": "country"}).json()
    edges = {(e["source"], e["target"]): e["count"] for e in graph["edges"]}
    assert edges == {("RUS", "CHN"): 1, ("UKR", "RUS"): 1, ("JPN", "CHN"): 1}
    assert {n["id"] for n in graph["nodes"]} == {"RUS", "CHN", "UKR", "JPN"}
    small = client.get("/api/network", params={"max_edges": 1}).json()
    assert small["truncated"] and len(small["edges"]) == 1


def test_summary(client: TestClient) -> None:
    summary = client.get("/api/summary").json()
    assert summary["events"] == 3 and summary["documents"] == 2 and summary["reports"] == 4
    assert summary["first_date"] == "2008-03-03"


def test_page_and_static_files_come_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", "").split("<body>")[0]
    assert client.get("/static/plotly.min.js").status_code == 200
    assert client.get("/static/app.js").text.startswith("//")
    for path in ("/static/index.html", "/static/..%2fapp.py", "/static/%2e%2e/app.py"):
        assert client.get(path).status_code == 404


def test_docs_and_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/events" in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/dyad" in docs.text
    assert "cdn" not in docs.text.lower()


def test_server_never_writes(web_db: Path) -> None:
    app = create_app(web_db)
    store = app.state.stores.get()
    with pytest.raises(duckdb.Error):
        store.connection.execute("DELETE FROM events")


def test_token_protects_the_api(web_db: Path) -> None:
    with TestClient(create_app(web_db, token="s3cret")) as client:
        assert client.get("/api/summary").status_code == 401
        assert client.get("/api/summary", params={"token": "wrong"}).status_code == 401
        assert client.get("/api/summary", params={"token": "s3cret"}).status_code == 200
        headers = {"Authorization": "Bearer s3cret"}
        assert client.get("/api/events", headers=headers).status_code == 200
        assert client.get("/").status_code == 200  # the page holds no data


def test_refuses_public_host_without_token(web_db: Path) -> None:
    with pytest.raises(ConfigError, match="without a token"):
        serve(web_db, host="0.0.0.0")
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.5.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")


def test_missing_or_foreign_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a Polybius database"):
        create_app(other)


def test_dates_are_dates(client: TestClient) -> None:
    event = _events(client, limit=1)["events"][0]
    dt.date.fromisoformat(event["first_date"])


def test_sql_and_memory_answers_agree(web_db: Path, client: TestClient) -> None:
    with TestClient(create_app(web_db, in_memory=False)) as sql_client:
        for path, params in [
            ("/api/events", {"actor": "RUS", "sort": "goldstein"}),
            ("/api/events", {"since": "2008-03-04"}),
            ("/api/dyad", {"a": "RUS", "b": "CHN", "by": "week"}),
        ]:
            mine = client.get(path, params=params).json()
            theirs = sql_client.get(path, params=params).json()
            assert mine == theirs
        event_id = _events(client, code="112")["events"][0]["event_id"]
        assert (
            client.get(f"/api/events/{event_id}").json()
            == sql_client.get(f"/api/events/{event_id}").json()
        )


def test_answers_are_cached_but_not_past_the_token(web_db: Path) -> None:
    with TestClient(create_app(web_db, token="t")) as client:
        first = client.get("/api/events", params={"actor": "RUS", "token": "t"})
        again = client.get("/api/events", params={"actor": "RUS", "token": "t"})
        assert first.headers["x-polybius-cache"] == "miss"
        assert again.headers["x-polybius-cache"] == "hit"
        assert again.json() == first.json()
        assert client.get("/api/events", params={"actor": "RUS"}).status_code == 401
        bad = client.get("/api/events", params={"code": "999", "token": "t"})
        assert client.get("/api/events", params={"code": "999", "token": "t"}).status_code == 422
        assert "x-polybius-cache" not in bad.headers or bad.headers["x-polybius-cache"] == "miss"
    with TestClient(create_app(web_db, cache_mb=0)) as client:
        client.get("/api/summary")
        assert "x-polybius-cache" not in client.get("/api/summary").headers


def _gappy_store(path: Path) -> Path:
    """Events with and without a quad class, Goldstein score and PLOVER type."""
    day = dt.date(2001, 2, 3)
    events = [
        make_event("g", "USA", "RUS", "040", day, quad_class=None, goldstein=None),  # type: ignore[arg-type]
        make_event("g", "RUS", "USA", "112", day, quad_class=3, goldstein=-2.5, offset=1),
        make_event("g", "USAGOV", "RUS", "042", dt.date(2001, 3, 9), plover_type=None, offset=2),  # type: ignore[arg-type]
        make_event("g", "USA", "CHN", "190", None, quad_class=4, goldstein=-10.0, offset=3),
    ]
    with Store.open(path) as writer:
        writer.add(make_document("g", events))
    return path


@pytest.mark.parametrize(
    ("path", "params", "model"),
    [
        ("/api/events", {"actor": "USA"}, EventPage),
        ("/api/events", {"actor": "USA", "sort": "quad_class", "order": "asc"}, EventPage),
        ("/api/events", {"source": "RUS", "since": "2001-01-01"}, EventPage),
        ("/api/dyad", {"a": "usa", "b": "rus", "by": "month"}, DyadSeries),
        ("/api/dyad", {"a": "USA", "b": "RUS", "by": "year", "directed": True}, DyadSeries),
    ],
)
def test_index_answers_are_byte_for_byte_what_the_model_writes(
    tmp_path: Path, path: str, params: dict, model: type[EventPage] | type[DyadSeries]
) -> None:
    # Issue 8: the in-memory index's answers skip the response model's validation, so
    # they must already have its types (a quad class with nulls arrives as floats).
    db = _gappy_store(tmp_path / "gaps.duckdb")
    with (
        TestClient(create_app(db, cache_mb=0)) as memory,
        TestClient(create_app(db, in_memory=False, cache_mb=0)) as sql,
    ):
        mine, theirs = memory.get(path, params=params), sql.get(path, params=params)
    assert mine.status_code == theirs.status_code == 200
    assert mine.headers["content-type"] == "application/json"
    assert mine.content == theirs.content  # the SQL answer went through the model
    assert model.model_validate_json(mine.content).model_dump_json().encode() == mine.content
    assert b'"quad_class":1.0' not in mine.content


def test_serve_runs_the_asyncio_loop(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 8: under 50 busy connections uvloop left some waiting over 2 s (timeouts);
    # the standard loop serves them in turn.
    import gc

    import uvicorn

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    monkeypatch.setattr(gc, "freeze", lambda: None)  # not the test process's objects
    serve(web_db, port=8123)
    assert seen["loop"] == "asyncio"
    assert seen["port"] == 8123 and seen["host"] == "127.0.0.1"
