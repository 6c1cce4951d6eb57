"""What earlier runs wrote: the seen-store that cross-run deduplication reads."""

from newscrawl.state.base import (
    ListedLastmod,
    ListingMemory,
    Remembered,
    SeenEntry,
    SeenStore,
    StateError,
)
from newscrawl.state.open import is_redis, open_store, sqlite_path, store_location
from newscrawl.state.sqlite import SqliteSeenStore

__all__ = [
    "ListedLastmod",
    "ListingMemory",
    "Remembered",
    "SeenEntry",
    "SeenStore",
    "SqliteSeenStore",
    "StateError",
    "is_redis",
    "open_store",
    "sqlite_path",
    "store_location",
]
