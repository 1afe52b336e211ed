"""Ingestion: files and directories to Document records, with bad input reported, not fatal.

    iter_documents(paths, options=IngestOptions(...))  ->  Document | IngestFailure, ...
    read_text_document(text, doc_id=...)               ->  Document

Monitor headers, wire citations and publication dates are read by :mod:`.monitor`; bytes
are decoded by :mod:`.decode`.
"""

from polybius.ingest.monitor import (
    MonitorHeader,
    TextFacts,
    is_cross_reference,
    read_facts,
    volume_year,
)
from polybius.ingest.readers import (
    IngestFailure,
    IngestOptions,
    iter_documents,
    read_text_document,
)

__all__ = [
    "IngestFailure",
    "IngestOptions",
    "MonitorHeader",
    "TextFacts",
    "is_cross_reference",
    "iter_documents",
    "read_facts",
    "read_text_document",
    "volume_year",
]
