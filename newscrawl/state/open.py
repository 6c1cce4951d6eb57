"""Which seen-store a crawl uses: the one place that turns settings, a path or a URL into a store.

A store is chosen by the scheme of ``NEWSCRAWL_STATE_URL`` (default: the SQLite file
``<NEWSCRAWL_STATE_DIR>/seen.sqlite3``). Another backend (Redis, for several workers) is one more branch
in :func:`open_store`. This module imports the implementations; they import only :mod:`.base`, so no
module of the state package imports one that imports it back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newscrawl.state.base import SeenStore
from newscrawl.state.sqlite import SqliteSeenStore

DEFAULT_STATE_DIR = "state"
SQLITE_FILENAME = "seen.sqlite3"
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+)://(.*)$")
REDIS_SCHEMES = ("redis", "rediss")


def store_location(settings: Mapping[str, Any]) -> str:
    """``NEWSCRAWL_STATE_URL`` if set; else the cluster's Redis (``NEWSCRAWL_REDIS_URL``), where every worker
    shares one store; else ``<NEWSCRAWL_STATE_DIR or "state">/seen.sqlite3``."""
    url = settings.get("NEWSCRAWL_STATE_URL") or settings.get("NEWSCRAWL_REDIS_URL")
    if url:
        return str(url)
    return str(Path(settings.get("NEWSCRAWL_STATE_DIR") or DEFAULT_STATE_DIR) / SQLITE_FILENAME)


def _location(target: Mapping[str, Any] | str | os.PathLike[str]) -> str:
    return os.fspath(target) if isinstance(target, str | os.PathLike) else store_location(target)


def _scheme(location: str) -> tuple[str, str]:
    """(scheme, rest) of a store URL; ``("", location)`` for a plain path."""
    match = _SCHEME.match(location)
    return (match.group(1).lower(), match.group(2)) if match else ("", location)


def sqlite_path(target: Mapping[str, Any] | str | os.PathLike[str]) -> Path:
    """The SQLite file named by Scrapy settings, a path, or a URL (see :func:`open_store`).

    A plain path (or ``sqlite:///relative.db``, ``sqlite:////absolute.db``) is a SQLite file; an existing
    directory gets ``seen.sqlite3`` inside it. Other schemes are refused with a ValueError.
    """
    location = _location(target)
    scheme, rest = _scheme(location)
    if scheme and scheme != "sqlite":
        raise ValueError(
            f"seen-store {location!r}: a {scheme}:// store is not a SQLite file; "
            f"use a SQLite path (NEWSCRAWL_STATE_DIR), a sqlite:/// URL or a redis:// URL"
        )
    if scheme:
        location = rest[1:] if rest.startswith("/") else rest
    path = Path(location)
    return path / SQLITE_FILENAME if path.is_dir() else path


def is_redis(target: Mapping[str, Any] | str | os.PathLike[str]) -> bool:
    """Whether the store named is in Redis (``redis://`` or ``rediss://``)."""
    return _scheme(_location(target))[0] in REDIS_SCHEMES


def open_store(target: Mapping[str, Any] | str | os.PathLike[str]) -> SeenStore:
    """Open the store named by Scrapy settings, a path, or a URL, chosen by its scheme.

    ``redis://`` or ``rediss://``: :class:`~newscrawl.state.redis.RedisSeenStore`, shared by every worker of
    a cluster. A plain path or ``sqlite://``: :class:`SqliteSeenStore` (:func:`sqlite_path` says which file).
    """
    if is_redis(target):
        from newscrawl.state.redis import RedisSeenStore  # the redis package is needed only here

        return RedisSeenStore(_location(target))
    return SqliteSeenStore(sqlite_path(target))
