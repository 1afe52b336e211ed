"""Polybius: political event data from news text, coded in CAMEO and PLOVER with provenance."""

from polybius.api import RunSummary, code, code_files, code_pair, code_text
from polybius.model import Actor, Citation, Document, Event, EventDate, Mention, Place, Sentence

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Citation",
    "Document",
    "Event",
    "EventDate",
    "Mention",
    "Place",
    "RunSummary",
    "Sentence",
    "__version__",
    "code",
    "code_files",
    "code_pair",
    "code_text",
]
