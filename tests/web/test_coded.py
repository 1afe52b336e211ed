"""The API on a database coded by the real pipeline from a short brief written for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from polybius.web.app import create_app

BRIEF = Path(__file__).parent / "briefs" / "summit.txt"


@pytest.mark.model
def test_coded_brief_spans_and_provenance(tmp_path: Path) -> None:
    from polybius.api import code

    db = tmp_path / "summit.duckdb"
    code([str(BRIEF)], db=db, include_modal=True)
    with TestClient(create_app(db)) as client:
        docs = client.get("/api/documents").json()["documents"]
        assert len(docs) == 1
        doc = client.get(f"/api/documents/{docs[0]['doc_hash']}").json()
        assert doc["reports"], "the pipeline coded no event in the brief"
        for span in doc["spans"]:
            assert doc["text"][span["start"] : span["end"]] == span["text"]
        triggers = {s["text"] for s in doc["spans"] if s["role"] == "trigger"}
        assert triggers & {"met", "signed", "accused", "shelling", "threaten"}
        for report in doc["reports"]:
            assert report["rule"] and report["coder_version"]
            assert report["source"]["rule"]
        events = client.get("/api/events").json()
        assert events["total"] >= 1
        detail = client.get(f"/api/events/{events['events'][0]['event_id']}").json()
        assert detail["reports"]
