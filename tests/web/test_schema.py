"""Property-based runs against the API: no input, however odd, gets a 500."""

from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polybius.web.app import create_app


@pytest.fixture(scope="module")
def app(web_db: Path):  # type: ignore[no-untyped-def]
    return create_app(web_db)


_ODD = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2008-02-30", "0000-01-01", "9999-12-31", "-1", "1e9", "RUS,", ",", "%00"]),
    st.integers(-(10**12), 10**12).map(str),
)
_PARAMS = [
    "actor", "source", "target", "dyad", "code", "plover", "quad_class", "since", "until",
    "place", "text", "sort", "order", "limit", "offset",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(params=st.dictionaries(st.sampled_from(_PARAMS), _ODD, max_size=5))
def test_event_search_never_500(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert response.json()["message"]


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    path=st.sampled_from(["/api/dyad", "/api/network", "/api/actors/top", "/api/reports"]),
    params=st.dictionaries(
        st.sampled_from(
            [
                "a",
                "b",
                "by",
                "directed",
                "since",
                "until",
                "level",
                "n",
                "min_count",
                "max_edges",
                "include_modal",
                "limit",
                "offset",
                "text",
            ]
        ),
        _ODD,
        max_size=5,
    ),
)
def test_other_endpoints_never_500(client: TestClient, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert response.status_code in (200, 422), response.text


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(key=st.text(min_size=1, max_size=80))
def test_detail_paths_never_500(client: TestClient, key: str) -> None:
    for base in ("/api/events/", "/api/documents/", "/static/"):
        response = client.get(base + quote(key, safe=""))
        assert response.status_code in (200, 404, 422), response.text


def _schemathesis():  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pytest.importorskip("schemathesis", reason="schemathesis is not installed")


def test_schemathesis_finds_no_server_error(app) -> None:  # type: ignore[no-untyped-def]
    schemathesis = _schemathesis()
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    operations = 0
    for operation in schema.get_all_operations():
        op = operation.ok()
        operations += 1

        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def run(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} {case.query}: {response.text}"
                )

        run()
    assert operations >= 8  # every API route was exercised
    assert not failures, failures[:5]
