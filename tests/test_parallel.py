"""Local worker processes give the serial result, in the serial order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polybius.api import code_files
from polybius.ingest.readers import IngestFailure
from polybius.model import CodedDocument
from polybius.parallel import _chunks

_SENTENCES = (
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow.",
    "Israeli troops attacked Palestinian militants in the Gaza Strip.",
    "The United States accused Iran of supplying missiles to rebels in Yemen.",
    "Germany pledged economic aid to Ukraine.",
    "Indian soldiers fired on Pakistani positions in Kashmir.",
    "The European Union imposed sanctions on Belarus.",
)


def _corpus(root: Path) -> list[Path]:
    """Thirteen documents in two files, with three unusable inputs between them."""
    root.mkdir()
    lines = []
    for i in range(11):
        text = f"{_SENTENCES[i % 6]} {_SENTENCES[(i + 2) % 6]}"
        lines.append(json.dumps({"id": f"n{i}", "date": f"2019-05-{i + 1:02d}", "text": text}))
        if i in (2, 7):
            lines.append('{"id": "broken"')
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "b.txt").write_text("France recalled its ambassador from Mali.\n", encoding="utf-8")
    (root / "c.txt").write_text("\n\n", encoding="utf-8")
    (root / "d.txt").write_text("Turkey denied the report.\n", encoding="utf-8")
    return [root, root / "missing.txt"]


def _kind(item: CodedDocument | IngestFailure) -> str:
    return item.origin if isinstance(item, IngestFailure) else item.document.id


def test_chunks_cover_items_in_order() -> None:
    assert list(_chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


@pytest.mark.model
@pytest.mark.slow
def test_two_workers_match_one_in_order(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "corpus")
    serial = list(code_files(paths, workers=1))
    parallel = list(code_files(paths, workers=2))
    assert [_kind(i) for i in parallel] == [_kind(i) for i in serial]
    failures = [i for i in serial if isinstance(i, IngestFailure)]
    assert len(failures) == 4 and len(serial) == 17
    assert sum(len(i.events) for i in serial if isinstance(i, CodedDocument)) > 5
    assert parallel == serial
