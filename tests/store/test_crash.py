"""SIGKILL in the middle of a 2,000-document batch, then a re-run, ends exactly right."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from polybius.store import Store

N_DOCUMENTS = 2000

WRITER = """
import sys
from polybius.store import Store
from polybius.synthetic import synthetic_documents

docs = list(synthetic_documents({n}, seed=7))
with Store.open(sys.argv[1]) as store:
    for start in range(0, len(docs), 50):
        store.add_many(docs[start : start + 50], batch_size=10)
        print(start + 50, flush=True)
"""


def _run_writer(path: Path, script: Path, *, kill_after: int | None = None) -> None:
    process = subprocess.Popen(
        [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    if kill_after is not None:
        for line in process.stdout:
            if int(line) >= kill_after:
                os.kill(process.pid, signal.SIGKILL)
                break
    process.communicate(timeout=600)
    if kill_after is None:
        assert process.returncode == 0
    else:
        assert process.returncode == -signal.SIGKILL


def _snapshot(path: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int]]:
    with Store.open(path) as store:
        events = store.event_rows()
        links = store.sql("SELECT report_id, event_id FROM reports ORDER BY report_id")
        return events, links, store.counts()


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_matches_uninterrupted_run(tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(n=N_DOCUMENTS), encoding="utf-8")
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"

    _run_writer(clean, script)
    _run_writer(crashed, script, kill_after=600)
    with Store.open(crashed) as store:
        partial = store.counts()
    assert 600 <= partial["documents"] < N_DOCUMENTS
    # Every stored document has all its sentences; nothing half-written.
    assert partial["sentences"] == 2 * partial["documents"]
    _run_writer(crashed, script)

    clean_events, clean_links, clean_counts = _snapshot(clean)
    events, links, counts = _snapshot(crashed)
    assert counts == clean_counts
    assert counts["documents"] == N_DOCUMENTS
    pd.testing.assert_frame_equal(events, clean_events)
    pd.testing.assert_frame_equal(links, clean_links)
