"""The database schema as an ordered list of named migrations.

Each migration is a function applied once, inside a transaction, and recorded by name in
``_migrations`` (the sqlite-utils pattern). The schema version is the number of applied
migrations; a database that holds a migration this code does not know is newer than us.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import duckdb

from polybius.errors import Errors, StoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]

logger = logging.getLogger(__name__)

Migration = Callable[[duckdb.DuckDBPyConnection], None]

_MENTION_COLUMNS = """
    {p}_code VARCHAR, {p}_text VARCHAR, {p}_start INTEGER, {p}_end INTEGER, {p}_rule VARCHAR,
    {p}_country VARCHAR, {p}_sectors VARCHAR, {p}_name VARCHAR, {p}_entity_id VARCHAR
"""


def m0001_initial(con: duckdb.DuckDBPyConnection) -> None:
    """Documents, sentences, actors, reports and deduplicated events."""
    con.execute(
        """
        CREATE TABLE documents (
            content_hash VARCHAR PRIMARY KEY,
            seq BIGINT NOT NULL,
            id VARCHAR NOT NULL,
            origin VARCHAR,
            date DATE,
            date_rule VARCHAR,
            publication VARCHAR,
            volume INTEGER,
            issue INTEGER,
            text VARCHAR NOT NULL,
            encoding VARCHAR,
            citations VARCHAR,
            metadata VARCHAR,
            failures VARCHAR,
            added_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )
    con.execute(
        """
        CREATE TABLE sentences (
            doc_hash VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL
        )
        """
    )
    con.execute(
        """
        CREATE TABLE actors (
            actor_key VARCHAR PRIMARY KEY,
            code VARCHAR NOT NULL,
            country VARCHAR,
            sectors VARCHAR,
            name VARCHAR,
            entity_id VARCHAR,
            kind VARCHAR
        )
        """
    )
    con.execute(
        f"""
        CREATE TABLE reports (
            report_id VARCHAR NOT NULL,
            seq BIGINT NOT NULL,
            doc_hash VARCHAR NOT NULL,
            event_id VARCHAR,
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER, sentence_start INTEGER, sentence_end INTEGER,
            {_MENTION_COLUMNS.format(p="source")},
            {_MENTION_COLUMNS.format(p="target")},
            cameo VARCHAR, cameo_root VARCHAR, trigger VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER,
            goldstein DOUBLE, quad_class TINYINT,
            plover_type VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
            date_start DATE, date_end DATE, date_precision VARCHAR, date_rule VARCHAR,
            date_text VARCHAR,
            place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
            place_latitude DOUBLE, place_longitude DOUBLE, place_geonames_id BIGINT,
            place_feature VARCHAR, place_rule VARCHAR, place_text VARCHAR, place_reason VARCHAR,
            cited_sources VARCHAR,
            negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN, reported BOOLEAN,
            modality_cue VARCHAR, quoted_code VARCHAR, quoted_text VARCHAR,
            confidence DOUBLE, rule VARCHAR, lexicon_version VARCHAR, coder_version VARCHAR,
            effective_start DATE, effective_end DATE,
            sources VARCHAR[],
            record VARCHAR NOT NULL
        )
        """
    )
    con.execute(
        """
        CREATE TABLE events (
            event_id VARCHAR NOT NULL,
            source_code VARCHAR,
            target_code VARCHAR,
            cameo VARCHAR,
            cameo_root VARCHAR,
            quad_class TINYINT,
            goldstein DOUBLE,
            plover_type VARCHAR,
            plover_mode VARCHAR,
            first_date DATE,
            last_date DATE,
            place_name VARCHAR,
            place_country VARCHAR,
            place_geonames_id BIGINT,
            latitude DOUBLE,
            longitude DOUBLE,
            num_reports INTEGER NOT NULL,
            num_documents INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            sources VARCHAR[]
        )
        """
    )


def m0002_imported_events(con: duckdb.DuckDBPyConnection) -> None:
    """Events read from other datasets (GDELT, ICEWS, POLECAT), kept apart by ``dataset``."""
    con.execute(
        """
        CREATE TABLE imported_events (
            dataset VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            date DATE,
            source_code VARCHAR, source_name VARCHAR, source_country VARCHAR,
            source_sectors VARCHAR,
            target_code VARCHAR, target_name VARCHAR, target_country VARCHAR,
            target_sectors VARCHAR,
            cameo VARCHAR, cameo_root VARCHAR, quad_class TINYINT, goldstein DOUBLE,
            plover_type VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
            place_name VARCHAR, place_admin1 VARCHAR, place_country VARCHAR,
            latitude DOUBLE, longitude DOUBLE, place_geonames_id BIGINT,
            num_reports INTEGER, num_sources INTEGER, num_documents INTEGER,
            text VARCHAR, story_id VARCHAR, sentence_index INTEGER, publisher VARCHAR,
            url VARCHAR
        )
        """
    )


def m0003_indexes(con: duckdb.DuckDBPyConnection) -> None:
    """Point-lookup indexes for explain-event and per-document reads."""
    con.execute("CREATE INDEX reports_event ON reports (event_id)")
    con.execute("CREATE INDEX reports_doc ON reports (doc_hash)")
    con.execute("CREATE INDEX sentences_doc ON sentences (doc_hash)")


MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_initial", m0001_initial),
    ("0002_imported_events", m0002_imported_events),
    ("0003_indexes", m0003_indexes),
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: duckdb.DuckDBPyConnection, *, path: str) -> int:
    """Apply every migration not yet recorded; returns how many were applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS _migrations "
        "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    rows = con.execute("SELECT name FROM _migrations").fetchall()
    done = {row[0] for row in rows}
    known = {name for name, _ in MIGRATIONS}
    if done - known:
        raise StoreError(Errors.E402.format(path=path, found=len(done), known=SCHEMA_VERSION))
    applied = 0
    for name, function in MIGRATIONS:
        if name in done:
            continue
        con.begin()
        try:
            function(con)
            con.execute("INSERT INTO _migrations (name) VALUES (?)", [name])
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(
                Errors.E401.format(path=path, reason=f"migration {name} failed: {exc}")
            ) from exc
        con.commit()
        logger.info("database %s: applied migration %s", path, name)
        applied += 1
    return applied
