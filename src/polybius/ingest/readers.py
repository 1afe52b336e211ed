"""Files and directories to :class:`~polybius.model.Document` records.

Plain text, JSON Lines and CSV/TSV, each optionally gzipped, one path or a directory tree at
a time, in sorted (deterministic) order. A file that cannot be used yields an
:class:`IngestFailure` with a one-line message and reading goes on with the next file or line,
so one bad file never stops a batch.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from polybius.errors import Errors, IngestError
from polybius.ingest.decode import SAMPLE_BYTES, decode_bytes, normalise_newlines, sniff_encoding
from polybius.ingest.monitor import read_facts
from polybius.model import Document

__all__ = ["IngestFailure", "IngestOptions", "iter_documents", "read_text_document"]

logger = logging.getLogger(__name__)

_MB = 1024 * 1024
_JSONL = (".jsonl", ".ndjson")
_DELIMITED = {".csv": ",", ".tsv": "\t"}


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read input files; the CLI builds one from its flags."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    glob: str = "**/*"
    date: dt.date | None = None
    max_mb: float = 100.0


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not become a Document: where it was and the one-line reason."""

    origin: str
    message: str


@dataclass(frozen=True, slots=True)
class _Source:
    """One file to read: its real path and the name the user knows it by."""

    path: Path
    name: str
    kind: str = field(default="text")
    gzipped: bool = False


def read_text_document(
    text: str, *, doc_id: str, date: dt.date | None = None, origin: str | None = None
) -> Document:
    """A Document from text already in memory, with header, citations and date inferred.

    Line endings are normalised to ``\\n``; raises IngestError (E102) for empty text.
    """
    return _build(normalise_newlines(text), doc_id=doc_id, date=date, origin=origin)


def _build(
    text: str,
    *,
    doc_id: str,
    date: dt.date | None,
    origin: str | None,
    encoding: str = "utf-8",
    metadata: tuple[tuple[str, str], ...] = (),
) -> Document:
    if not text.strip():
        raise IngestError(Errors.E102.format(path=origin or doc_id))
    facts = read_facts(text, date=date)
    header = facts.header
    if header is not None:
        metadata = (("header_span", f"{header.start}:{header.end}"), *metadata)
    return Document(
        id=doc_id,
        text=text,
        date=facts.date,
        date_rule=facts.date_rule,
        publication=header.publication if header else None,
        volume=header.volume if header else None,
        issue=header.issue if header else None,
        citations=facts.citations,
        origin=origin,
        encoding=encoding,
        metadata=metadata,
    )


def iter_documents(
    paths: Sequence[str | Path], *, options: IngestOptions = IngestOptions()
) -> Iterator[Document | IngestFailure]:
    """Documents from files and directories, with a failure record for each unusable input.

    Directories are searched recursively with ``options.glob``, skipping hidden files; files
    are read in sorted order. A missing path gives E109, an unreadable one E101.
    """
    for given in paths:
        name = str(given)
        path = Path(given)
        if path.is_dir():
            found = False
            for source in _walk(path, name, options.glob):
                found = True
                yield from _read_source(source, options)
            if not found:
                yield IngestFailure(name, Errors.E112.format(path=name, pattern=options.glob))
        elif path.exists():
            yield from _read_source(_source(path, name), options)
        else:
            yield IngestFailure(name, Errors.E109.format(path=name))


def _source(path: Path, name: str) -> _Source:
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in _JSONL:
        kind = "jsonl"
    elif last in _DELIMITED:
        kind = last[1:]
    else:
        kind = "text"
    return _Source(path, name, kind, gzipped)


def _walk(root: Path, name: str, pattern: str) -> Iterator[_Source]:
    prefix = name if name.endswith(("/", os.sep)) else name + "/"
    relative: list[str] = []
    for path in root.glob(pattern):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        relative.append(rel.as_posix())
    for rel_name in sorted(relative):
        yield _source(root / rel_name, prefix + rel_name)


def _read_source(source: _Source, options: IngestOptions) -> Iterator[Document | IngestFailure]:
    try:
        size = source.path.stat().st_size
    except OSError as exc:
        yield IngestFailure(source.name, Errors.E101.format(path=source.name, reason=_why(exc)))
        return
    limit = int(options.max_mb * _MB)
    if size > limit:
        yield _too_big(source.name, size, options.max_mb)
        return
    try:
        if source.kind == "jsonl":
            yield from _read_jsonl(source, options)
        elif source.kind in ("csv", "tsv"):
            yield from _read_delimited(source, options)
        else:
            yield _read_text(source, options, limit)
    except IngestError as exc:
        yield IngestFailure(source.name, str(exc))
    except UnicodeDecodeError:
        yield IngestFailure(source.name, Errors.E108.format(path=source.name))
    except (OSError, EOFError, zlib.error, csv.Error) as exc:
        yield IngestFailure(source.name, Errors.E101.format(path=source.name, reason=_why(exc)))


def _why(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(reason).splitlines()[0]


def _too_big(name: str, size: int, limit: float) -> IngestFailure:
    return IngestFailure(
        name, Errors.E110.format(path=name, size=f"{size / _MB:.3g}", limit=f"{limit:g}")
    )


def _open_binary(source: _Source) -> io.BufferedReader:
    if source.gzipped:
        unpacked = gzip.GzipFile(source.path, "rb")
        return io.BufferedReader(cast(io.RawIOBase, unpacked), buffer_size=SAMPLE_BYTES)
    return cast(io.BufferedReader, source.path.open("rb", buffering=SAMPLE_BYTES))


def _read_text(source: _Source, options: IngestOptions, limit: int) -> Document | IngestFailure:
    with _open_binary(source) as handle:
        data = handle.read(limit + 1)  # a gzip file is limited by what it unpacks to
    if len(data) > limit:
        return _too_big(source.name, len(data), options.max_mb)
    text, encoding = decode_bytes(data, path=source.name)
    return _build(
        text, doc_id=source.name, date=options.date, origin=source.name, encoding=encoding
    )


def _text_stream(source: _Source, *, newline: str | None) -> tuple[IO[str], str]:
    """A decoding text stream over the file, its encoding judged from the first bytes."""
    raw = _open_binary(source)
    try:
        sample = raw.peek(SAMPLE_BYTES)[:SAMPLE_BYTES]
        if not sample.strip():
            raise IngestError(Errors.E102.format(path=source.name))
        encoding = sniff_encoding(sample, path=source.name)
    except BaseException:
        raw.close()
        raise
    return io.TextIOWrapper(raw, encoding=encoding, newline=newline), encoding


def _parse_date(value: Any, *, name: str, line: int, field_name: str) -> dt.date:
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise IngestError(
            Errors.E111.format(path=name, line=line, value=text, field=field_name)
        ) from None


def _record_document(
    record: dict[str, Any],
    *,
    source: _Source,
    line: int,
    encoding: str,
    options: IngestOptions,
) -> Document:
    """A Document from one JSONL object or CSV row (raises IngestError for a bad record)."""
    where = f"{source.name}:{line}"
    text = record.get(options.text_field)
    if text is None or not isinstance(text, str):
        raise IngestError(Errors.E105.format(path=source.name, line=line, field=options.text_field))
    if not text.strip():
        raise IngestError(Errors.E113.format(path=source.name, line=line, field=options.text_field))
    date = options.date
    raw_date = record.get(options.date_field)
    if date is None and raw_date not in (None, ""):
        date = _parse_date(raw_date, name=source.name, line=line, field_name=options.date_field)
    raw_id = record.get(options.id_field)
    doc_id = str(raw_id) if raw_id not in (None, "") else where
    skip = {options.text_field, options.id_field, options.date_field}
    metadata = tuple(
        (str(key), value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
        for key, value in record.items()
        if key not in skip and value is not None
    )
    return _build(
        normalise_newlines(text),
        doc_id=doc_id,
        date=date,
        origin=where,
        encoding=encoding,
        metadata=metadata,
    )


def _read_jsonl(source: _Source, options: IngestOptions) -> Iterator[Document | IngestFailure]:
    """One Document per line, read line by line so a large file never sits in memory."""
    stream, encoding = _text_stream(source, newline=None)
    with stream:
        line = 0
        while True:
            line += 1
            try:
                raw = stream.readline()
            except UnicodeDecodeError as exc:
                yield IngestFailure(
                    f"{source.name}:{line}",
                    Errors.E104.format(path=source.name, line=line, reason=exc.reason),
                )
                return  # the decoder's position is lost; nothing after this can be trusted
            if not raw:
                return
            if not raw.strip():
                continue
            where = f"{source.name}:{line}"
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield IngestFailure(
                    where, Errors.E104.format(path=source.name, line=line, reason=exc.msg)
                )
                continue
            if not isinstance(record, dict):
                reason = f"a JSON {type(record).__name__}, not an object"
                yield IngestFailure(
                    where, Errors.E104.format(path=source.name, line=line, reason=reason)
                )
                continue
            try:
                yield _record_document(
                    record, source=source, line=line, encoding=encoding, options=options
                )
            except IngestError as exc:
                yield IngestFailure(where, str(exc))


def _allow_long_fields() -> None:
    """Let CSV fields hold whole articles (the csv module's default cap is 128 KiB)."""
    wanted = min(sys.maxsize, 2**31 - 1)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _read_delimited(source: _Source, options: IngestOptions) -> Iterator[Document | IngestFailure]:
    """One Document per row of a CSV or TSV file with a header row."""
    _allow_long_fields()
    stream, encoding = _text_stream(source, newline="")
    delimiter = _DELIMITED["." + source.kind]
    with stream:
        reader = csv.DictReader(stream, delimiter=delimiter)
        columns = reader.fieldnames or []
        if options.text_field not in columns:
            raise IngestError(
                Errors.E106.format(
                    path=source.name, field=options.text_field, columns=", ".join(columns)
                )
            )
        previous_end = reader.line_num
        for row in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            record = {k: v for k, v in row.items() if k is not None}
            try:
                yield _record_document(
                    record, source=source, line=line, encoding=encoding, options=options
                )
            except IngestError as exc:
                yield IngestFailure(f"{source.name}:{line}", str(exc))
