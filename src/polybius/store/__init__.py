"""The embedded DuckDB store: coded documents, their reports, and deduplicated events."""

from polybius.store._dedup import DedupSettings
from polybius.store._schema import MIGRATIONS, SCHEMA_VERSION
from polybius.store._store import Store

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "DedupSettings", "Store"]
