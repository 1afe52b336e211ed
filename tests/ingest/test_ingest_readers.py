import codecs
import datetime as dt
import gzip
import logging
import shutil
from pathlib import Path

import pytest

from polybius.errors import IngestError
from polybius.ingest import (
    IngestFailure,
    IngestOptions,
    iter_documents,
    read_text_document,
)
from polybius.model import Document

FIXTURES = Path(__file__).parent / "fixtures"


def _docs(items: list[Document | IngestFailure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def _failures(items: list[Document | IngestFailure]) -> list[IngestFailure]:
    return [item for item in items if isinstance(item, IngestFailure)]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- plain text -----------------------------------------------------------------------------


def test_monitor_text_file() -> None:
    path = FIXTURES / "monitor_vol5.txt"
    (doc,) = list(iter_documents([path]))
    assert isinstance(doc, Document)
    assert doc.id == doc.origin == str(path)
    assert (doc.publication, doc.volume, doc.issue) == ("Monitor", 5, 120)
    assert (doc.date, doc.date_rule) == (dt.date(1999, 6, 16), "monitor-volume+latest-citation")
    assert doc.text == path.read_text(encoding="utf-8")
    assert dict(doc.metadata)["header_span"] == "0:41"
    assert len(doc.citations) == 4
    assert doc.encoding == "utf-8"
    assert doc.content_hash
    offset = doc.text.index("crossing point")
    cite = doc.citation_at(offset)
    assert cite is not None and cite.sources == ("Interfax", "PAP")


def test_explicit_date_option_wins(tmp_path: Path) -> None:
    (doc,) = _docs(
        list(
            iter_documents(
                [FIXTURES / "monitor_vol5.txt"],
                options=IngestOptions(date=dt.date(1999, 6, 18)),
            )
        )
    )
    assert (doc.date, doc.date_rule) == (dt.date(1999, 6, 18), "given")


def test_crlf_is_normalised_and_citation_offsets_hold(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfTalks ended (AP, May 1).\r\n\r\nMore (Reuters, May 2).\r\n")
    (doc,) = _docs(list(iter_documents([path])))
    assert doc.text == "Talks ended (AP, May 1).\n\nMore (Reuters, May 2).\n"
    for cite in doc.citations:
        assert doc.text[cite.start : cite.end] == cite.text


def test_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt.gz"
    path.write_bytes(gzip.compress((FIXTURES / "monitor_vol5.txt").read_bytes()))
    (doc,) = _docs(list(iter_documents([path])))
    assert doc.id == str(path)
    assert doc.volume == 5 and len(doc.citations) == 4


def test_read_text_document() -> None:
    doc = read_text_document(
        "Publication: Monitor Volume: 6 Issue: 14\r\n\r\nTalks (Reuters, January 17).",
        doc_id="snippet",
    )
    assert doc.id == "snippet" and doc.origin is None
    assert "\r" not in doc.text
    assert (doc.date, doc.date_rule) == (dt.date(2000, 1, 17), "monitor-volume+latest-citation")
    given = read_text_document("Ministers met.", doc_id="x", date=dt.date(2001, 2, 3), origin="o")
    assert (given.date, given.date_rule, given.origin) == (dt.date(2001, 2, 3), "given", "o")
    with pytest.raises(IngestError, match="empty"):
        read_text_document(" \n ", doc_id="blank")


# --- directories ----------------------------------------------------------------------------


def test_directory_ids_keep_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "corpus" / "b.txt", "Second brief.")
    _write(tmp_path / "corpus" / "a.txt", "First brief.")
    _write(tmp_path / "corpus" / "sub" / "c.txt", "Nested brief.")
    _write(tmp_path / "corpus" / "sub" / "notes.md", "Not a brief.")
    _write(tmp_path / "corpus" / ".hidden.txt", "Hidden.")
    _write(tmp_path / "corpus" / ".git" / "x.txt", "Hidden folder.")
    monkeypatch.chdir(tmp_path)
    ids = [d.id for d in _docs(list(iter_documents(["corpus"])))]
    assert ids == ["corpus/a.txt", "corpus/b.txt", "corpus/sub/c.txt", "corpus/sub/notes.md"]
    only_txt = IngestOptions(glob="**/*.txt")
    ids = [d.id for d in _docs(list(iter_documents(["corpus/"], options=only_txt)))]
    assert ids == ["corpus/a.txt", "corpus/b.txt", "corpus/sub/c.txt"]
    top_only = IngestOptions(glob="*.txt")
    assert [d.id for d in _docs(list(iter_documents(["corpus"], options=top_only)))] == [
        "corpus/a.txt",
        "corpus/b.txt",
    ]


def test_directory_matching_nothing(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Text.")
    (failure,) = list(iter_documents([tmp_path], options=IngestOptions(glob="*.jsonl")))
    assert isinstance(failure, IngestFailure)
    assert failure.message == f"{tmp_path}: matched no files (pattern '*.jsonl')"


def test_bad_files_fail_alone_and_good_files_come_through(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "batch"
    _write(folder / "good.txt", "Ministers met in Riga (BNS, July 6).")
    _write(folder / "empty.txt", "")
    _write(folder / "blank.txt", "  \n\n\t ")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "french.txt").write_bytes("Le ministre a visité Genève hier.".encode("latin-1"))
    _write(folder / "huge.txt", "Far too long. " * 200)
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    options = IngestOptions(max_mb=0.001)  # about 1 KB
    with caplog.at_level(logging.WARNING):
        items = list(iter_documents([folder, tmp_path / "missing.txt"], options=options))

    docs = {d.id: d for d in _docs(items)}
    assert sorted(docs) == [f"{folder}/french.txt", f"{folder}/good.txt"]
    french = docs[f"{folder}/french.txt"]
    assert french.text == "Le ministre a visité Genève hier."
    assert french.encoding == "cp1252"
    assert f"{folder}/french.txt: not UTF-8; decoded as cp1252" in caplog.text

    failures = {Path(f.origin).name: f.message for f in _failures(items)}
    assert sorted(failures) == [
        "blank.txt",
        "broken.txt.gz",
        "empty.txt",
        "huge.txt",
        "image.png",
        "missing.txt",
    ]
    for name, message in failures.items():
        assert "\n" not in message
        assert message.startswith(str(tmp_path)) and name in message
    assert "empty file" in failures["empty.txt"]
    assert "empty file" in failures["blank.txt"]
    assert "looks binary" in failures["image.png"]
    assert "cannot read" in failures["broken.txt.gz"]
    assert "no such file or directory" in failures["missing.txt"]
    assert "is more than the 0.001 MB limit" in failures["huge.txt"]


def test_gzip_is_limited_by_what_it_unpacks_to(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5000))  # compresses to a few dozen bytes
    (failure,) = list(iter_documents([path], options=IngestOptions(max_mb=0.001)))
    assert isinstance(failure, IngestFailure)
    assert "MB limit" in failure.message


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Talks in Baku (Turan, May 2).".encode("utf-16"))
    (doc,) = _docs(list(iter_documents([path])))
    assert doc.text == "Talks in Baku (Turan, May 2)." and doc.encoding == "utf-16"


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_with_custom_fields_and_a_malformed_line() -> None:
    path = FIXTURES / "wires.jsonl"
    options = IngestOptions(text_field="body", id_field="key", date_field="when")
    items = list(iter_documents([path], options=options))
    assert len(items) == 5
    first, malformed, no_id, no_body, bad_date = items

    assert isinstance(first, Document)
    assert first.id == "w1" and first.origin == f"{path}:1"
    assert (first.date, first.date_rule) == (dt.date(1999, 1, 5), "given")
    assert first.volume == 5 and first.citations[0].sources == ("Belapan",)
    assert first.citations[0].date == dt.date(1999, 1, 3)
    meta = dict(first.metadata)
    assert meta["section"] == "Belarus"
    assert meta["tags"] == '["talks", "envoy"]'
    assert not {"body", "key", "when"} & set(meta)

    assert isinstance(malformed, IngestFailure)
    assert malformed.origin == f"{path}:2"
    assert malformed.message.startswith(f"{path}:2: malformed JSON")

    assert isinstance(no_id, Document)
    assert no_id.id == f"{path}:3"
    assert (no_id.date, no_id.date_rule) == (None, "unknown")

    assert isinstance(no_body, IngestFailure)
    assert (
        no_body.message == f"{path}:4: no text field 'body'; name the text field with --text-field"
    )

    assert isinstance(bad_date, IngestFailure)
    assert "bad date '9 March 1999' in field 'when'" in bad_date.message


def test_jsonl_date_option_beats_the_date_field(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", '{"id": "x", "text": "Talks.", "date": "1999-01-05"}\n')
    (doc,) = _docs(list(iter_documents([path], options=IngestOptions(date=dt.date(2001, 1, 1)))))
    assert doc.date == dt.date(2001, 1, 1)


def test_jsonl_gz_and_odd_lines(tmp_path: Path) -> None:
    lines = [
        codecs.BOM_UTF8 + b'{"id": "a", "text": "Kyiv talks.\\r\\nEnded."}',
        b"",
        b"[1, 2]",
        b'{"id": "b", "text": "   "}',
        b'{"id": "c", "text": "Minsk talks."}',
    ]
    path = tmp_path / "wires.jsonl.gz"
    path.write_bytes(gzip.compress(b"\r\n".join(lines)))
    items = list(iter_documents([path]))
    assert [getattr(i, "id", None) for i in items] == ["a", None, None, "c"]
    assert isinstance(items[0], Document) and items[0].text == "Kyiv talks.\nEnded."
    assert isinstance(items[1], IngestFailure) and "not an object" in items[1].message
    assert items[1].origin == f"{path}:3"
    assert isinstance(items[2], IngestFailure) and "text field 'text' is empty" in items[2].message


def test_empty_jsonl(tmp_path: Path) -> None:
    path = _write(tmp_path / "none.jsonl", "\n\n")
    (failure,) = list(iter_documents([path]))
    assert isinstance(failure, IngestFailure) and "empty file" in failure.message


# --- CSV and TSV --------------------------------------------------------------------------


def test_csv_with_text_column() -> None:
    path = FIXTURES / "stories.csv"
    options = IngestOptions(text_field="content", id_field="doc_id", date_field="published")
    first, second = _docs(list(iter_documents([path], options=options)))
    assert first.id == "c1" and first.date == dt.date(1999, 4, 3)
    assert first.citations[0].sources == ("Prime News",)
    assert dict(first.metadata) == {"headline": "Port reopens"}
    assert second.text == "Two sides met.\nThey agreed to meet again."
    assert (second.date, second.origin) == (None, f"{path}:3")


def test_tsv_and_id_from_line(tmp_path: Path) -> None:
    path = FIXTURES / "stories.tsv"
    options = IngestOptions(text_field="content", id_field="doc_id", date_field="published")
    first, second = _docs(list(iter_documents([path], options=options)))
    assert first.id == "t1" and first.citations[0].date == dt.date(1999, 7, 6)
    assert second.id == f"{path}:3"
    gz = tmp_path / "stories.tsv.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    assert [d.id for d in _docs(list(iter_documents([gz], options=options)))] == [
        "t1",
        f"{gz}:3",
    ]


def test_csv_without_the_text_column() -> None:
    path = FIXTURES / "stories.csv"
    (failure,) = list(iter_documents([path]))
    assert isinstance(failure, IngestFailure)
    assert failure.message == (
        f"{path}: no column 'text' (columns: doc_id, headline, content, published); "
        "name it with --text-field"
    )


def test_csv_with_a_very_long_field(tmp_path: Path) -> None:
    body = "Talks went on. " * 20000  # 300,000 characters, past the csv module's default cap
    path = _write(tmp_path / "long.csv", f"id,text\nL1,{body}\n")
    (doc,) = list(iter_documents([path]))
    assert isinstance(doc, Document) and doc.text == body


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "monitor_vol5.txt", tmp_path / "m.txt")
    first = _write(tmp_path / "z.txt", "Zeta.")
    ids = [d.id for d in _docs(list(iter_documents([first, tmp_path / "m.txt"])))]
    assert ids == [str(first), str(tmp_path / "m.txt")]


# --- the seed briefs in shared/ (read in place; skipped where shared/ is absent) -------------

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed briefs not found at {SEEDS}")
def test_seed_briefs_are_dated_from_volume_and_latest_citation() -> None:
    docs = _docs(list(iter_documents([SEEDS])))
    months = {(d.volume, d.issue): (d.date, d.date_rule) for d in docs}
    assert months[(4, 196)] == (dt.date(1998, 10, 22), "monitor-volume+latest-citation")
    assert months[(6, 14)] == (dt.date(2000, 1, 18), "monitor-volume+latest-citation")
    for doc in docs:
        for cite in doc.citations:
            assert doc.text[cite.start : cite.end] == cite.text
