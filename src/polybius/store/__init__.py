"""The embedded DuckDB store: coded documents, their reports, and deduplicated events."""

from polybius.store._dedup import ACTOR_MATCHES, DedupSettings
from polybius.store._schema import MIGRATIONS, SCHEMA_VERSION
from polybius.store._store import Store

__all__ = ["ACTOR_MATCHES", "MIGRATIONS", "SCHEMA_VERSION", "DedupSettings", "Store"]
