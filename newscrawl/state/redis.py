"""The seen-store in Redis (``NEWSCRAWL_STATE_URL=redis://...``, the default with ``NEWSCRAWL_REDIS_URL``):
one store shared by every worker of a cluster, so an article is written once across machines and runs.

Layout (every key under ``newscrawl:seen:``):

* ``urls`` — hash: URL -> ``<version>|<modified_at>|<written_at>|<content hash>``;
* ``hashes`` — set of the content hashes written (the sha256 digest, 32 raw bytes);
* ``files`` — hash: output file (``<portal>/<date>/<name>.jsonl``) -> its date folder, and ``newest-day``;
* ``listing:<listing url>:observed`` / ``:verified`` — hashes: listed URL -> lastmod, and ``:verdict``.

``add_many`` runs as one Lua script, so the entries of an output file and the file are recorded together or
not at all, and a URL keeps its highest version whichever worker writes last. A Redis error is a
:class:`~newscrawl.state.base.StateError` naming the server: never a silent reset.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import redis

from newscrawl.state.base import (
    ListedLastmod,
    ListingMemory,
    Remembered,
    SeenEntry,
    SeenStore,
    StateError,
    day_of,
)

PREFIX = "newscrawl:seen"
URLS, HASHES, FILES, NEWEST_DAY = (f"{PREFIX}:{name}" for name in ("urls", "hashes", "files", "newest-day"))

# KEYS: urls, hashes, files, newest-day. ARGV: n entries, then url, version, value, hash (bytes) for each,
# then path, day for each file. An existing URL is replaced only by an equal or higher version.
_ADD = """
local n = tonumber(ARGV[1])
local i = 2
for _ = 1, n do
  local url, version, value, digest = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2], ARGV[i + 3]
  local held = redis.call('HGET', KEYS[1], url)
  if (not held) or tonumber(string.match(held, '^(%d+)|')) <= version then
    redis.call('HSET', KEYS[1], url, value)
  end
  redis.call('SADD', KEYS[2], digest)
  i = i + 4
end
while i <= #ARGV do
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
  local day, newest = ARGV[i + 1], redis.call('GET', KEYS[4])
  if day ~= '' and ((not newest) or day > newest) then redis.call('SET', KEYS[4], day) end
  i = i + 2
end
return n
"""


def _text(value: bytes | str | None) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


def _listing(listing: str, part: str) -> str:
    return f"{PREFIX}:listing:{listing}:{part}"


TIMEOUTS = {"socket_timeout": 10, "socket_connect_timeout": 5}
"""Every newscrawl connection to Redis: a Redis that stops answering fails a command in seconds (the crawl
then stops cleanly) instead of hanging the crawl."""


def redacted(url: str) -> str:
    """A Redis URL as logs and messages show it: without its password."""
    parsed = redis.connection.parse_url(url)
    return f"redis://{parsed.get('host', '?')}:{parsed.get('port', 6379)}/{parsed.get('db', 0)}"


class RedisSeenStore(SeenStore):
    def __init__(self, url: str) -> None:
        self.url = url
        self.server = redis.Redis.from_url(url, **TIMEOUTS)
        with self._guard():
            self.server.ping()
            self._add = self.server.register_script(_ADD)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except redis.RedisError as exc:
            raise StateError(f"seen-store {self.where} cannot be used: {exc}") from exc

    @property
    def where(self) -> str:
        """The URL without its password."""
        return redacted(self.url)

    def has_url(self, url: str) -> bool:
        with self._guard():
            return bool(self.server.hexists(URLS, url))

    def has_hash(self, content_hash: str) -> bool:
        with self._guard():
            return bool(self.server.sismember(HASHES, bytes.fromhex(content_hash)))

    def get(self, url: str) -> SeenEntry | None:
        with self._guard():
            value = self.server.hget(URLS, url)
        if value is None:
            return None
        version, modified, written, digest = value.decode().split("|", 3)
        return SeenEntry(url, digest, int(version), modified or None, written)

    def add_many(
        self, entries: Iterable[SeenEntry], files: Iterable[str] = (), lastmods: Iterable[ListedLastmod] = ()
    ) -> None:
        entries, files, lastmods = list(entries), list(files), list(lastmods)
        args: list[Any] = [len(entries)]
        for e in entries:
            value = f"{e.version}|{e.modified_at or ''}|{e.written_at}|{e.content_hash}"
            args += [e.url, e.version, value, bytes.fromhex(e.content_hash)]
        for path in files:
            args += [path, day_of(path) or ""]
        with self._guard():
            if entries or files:
                self._add(keys=[URLS, HASHES, FILES, NEWEST_DAY], args=args)
            if lastmods:
                pipe = self.server.pipeline()
                for lastmod in lastmods:
                    pipe.hset(_listing(lastmod.listing, "verified"), lastmod.url, lastmod.lastmod)
                pipe.execute()

    def has_file(self, path: str) -> bool:
        with self._guard():
            return bool(self.server.hexists(FILES, path))

    def newest_file_day(self) -> str | None:
        with self._guard():
            return _text(self.server.get(NEWEST_DAY))

    def count(self) -> int:
        with self._guard():
            return int(self.server.hlen(URLS))

    def memory_bytes(self) -> int:
        """Bytes Redis uses for the URL hash and the content-hash set (``MEMORY USAGE``, sampled)."""
        with self._guard():
            return sum(int(self.server.memory_usage(key, samples=0) or 0) for key in (URLS, HASHES))

    def listing_memory(self, listing: str) -> ListingMemory:
        with self._guard():
            pipe = self.server.pipeline()
            pipe.get(_listing(listing, "verdict"))
            pipe.hgetall(_listing(listing, "observed"))
            pipe.hgetall(_listing(listing, "verified"))
            verdict, observed, verified = pipe.execute()
        urls = {_text(u) for u in (*observed, *verified)}
        lastmods = {
            u: Remembered(_text(observed.get(u.encode())), _text(verified.get(u.encode()))) for u in urls if u
        }
        unreliable = None if verdict is None else verdict == b"1"
        return ListingMemory(unreliable, lastmods)

    def remember_listing(
        self,
        listing: str,
        observed: Mapping[str, str],
        forget: Collection[str],
        unreliable: bool | None,
        judged_at: str,
    ) -> None:
        with self._guard():
            pipe = self.server.pipeline()  # MULTI/EXEC: all or nothing
            if observed:
                pipe.hset(_listing(listing, "observed"), mapping=dict(observed))
            if forget:
                pipe.hdel(_listing(listing, "observed"), *forget)
                pipe.hdel(_listing(listing, "verified"), *forget)
            if unreliable is not None:
                pipe.set(_listing(listing, "verdict"), "1" if unreliable else "0")
            pipe.execute()

    def close(self) -> None:
        self.server.close()
