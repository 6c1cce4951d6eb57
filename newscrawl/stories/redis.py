"""The story store in Redis (``NEWSCRAWL_REDIS_URL``): one index shared by every crawl process and host.

The index is datasketch's ``MinHashLSH`` with its Redis storage (``storage_config={"type": "redis"}``)
under a basename that names the signature version and the threshold, so indexes of other parameters
never mix. Beside it, three Redis keys of the same prefix: ``entries`` (a hash: key -> the entry as JSON),
``signatures`` (a hash: key -> 512 bytes) and ``seen`` (a sorted set: key by first-seen time, for the
window). A query is one round trip (:func:`~newscrawl.stories.lsh.redis_candidates`); an insert is
buffered by datasketch and sent with the records of one commit. Slower than SQLite all the same
(``benchmarks/README.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import numpy as np

from newscrawl.stories.store import Cluster, StoryEntry, StoryError, StoryStore, build_clusters

KEY_PREFIX = "newscrawl:stories"


class RedisStoryStore(StoryStore):
    def __init__(self, url: str, threshold: float) -> None:
        try:
            import redis
        except ImportError as exc:  # an optional dependency: pip install -e ".[redis]"
            raise StoryError("NEWSCRAWL_REDIS_URL is set but the redis package is not installed") from exc
        from newscrawl.state.redis import TIMEOUTS, redacted
        from newscrawl.stories.lsh import new_lsh
        from newscrawl.stories.signature import SIGNATURE_VERSION

        self.location = redacted(url)  # logged and printed: never the password
        self._errors: tuple[type[Exception], ...] = (redis.exceptions.RedisError,)
        params = redis.connection.parse_url(url) | TIMEOUTS
        self.redis = redis.Redis(**params)
        self.prefix = f"{KEY_PREFIX}:{SIGNATURE_VERSION}:t{threshold:g}:"
        try:
            self.redis.ping()
            self.lsh = new_lsh(
                threshold,
                {"type": "redis", "basename": (self.prefix + "lsh").encode(), "redis": params},
            )
        except self._errors as exc:
            raise StoryError(f"story index in Redis at {self.location} is unreachable ({exc})") from exc

    def _key(self, name: str) -> str:
        return self.prefix + name

    def _fail(self, exc: Exception) -> StoryError:
        return StoryError(f"story index in Redis at {self.location} failed ({exc})")

    def window(self) -> Iterator[StoryEntry]:
        return iter(())  # the index lives in Redis: see query()

    def query(self, signature: np.ndarray, per_band: int) -> set[int]:
        from newscrawl.stories.lsh import redis_candidates
        from newscrawl.stories.signature import lean

        try:
            return redis_candidates(self.lsh, self.redis, lean(signature), per_band)
        except self._errors as exc:
            raise self._fail(exc) from exc

    def get(self, keys: Iterable[int]) -> dict[int, StoryEntry]:
        from newscrawl.stories.signature import from_bytes

        keys = list(keys)
        if not keys:
            return {}
        fields = [str(k) for k in keys]
        try:
            pipe = self.redis.pipeline(transaction=False)
            pipe.hmget(self._key("entries"), fields)
            pipe.hmget(self._key("signatures"), fields)
            docs, blobs = pipe.execute()
        except self._errors as exc:
            raise self._fail(exc) from exc
        found = {}
        for key, doc, blob in zip(keys, docs, blobs, strict=True):
            if doc is not None:
                found[key] = _entry(json.loads(doc), from_bytes(blob) if blob else None)
        return found

    def add(self, entries: Iterable[StoryEntry]) -> None:
        from newscrawl.stories.signature import lean, to_bytes

        new = list({e.key: e for e in entries}.values())
        if not new:
            return
        try:
            stored = self.redis.hmget(self._key("entries"), [str(e.key) for e in new])
            new = [e for e, doc in zip(new, stored, strict=True) if doc is None]
            if not new:
                return
            with self.lsh.insertion_session(buffer_size=1000) as session:
                for e in new:
                    if e.signature is not None:
                        session.insert(e.key, lean(e.signature), check_duplication=False)
            pipe = self.redis.pipeline()
            pipe.hset(self._key("entries"), mapping={str(e.key): json.dumps(_doc(e)) for e in new})
            signed = {str(e.key): to_bytes(e.signature) for e in new if e.signature is not None}
            if signed:
                pipe.hset(self._key("signatures"), mapping=signed)
            pipe.zadd(self._key("seen"), {str(e.key): _epoch(e.first_seen) for e in new})
            pipe.execute()
        except self._errors as exc:
            raise self._fail(exc) from exc

    def prune(self, before: str) -> int:
        try:
            old = [int(k) for k in self.redis.zrangebyscore(self._key("seen"), "-inf", f"({_epoch(before)}")]
            if not old:
                return 0
            signed = self.redis.hmget(self._key("signatures"), [str(k) for k in old])
            with self.lsh.deletion_session(buffer_size=1000) as session:
                for key, blob in zip(old, signed, strict=True):
                    if blob is not None and key in self.lsh:
                        session.remove(key)
            fields = [str(k) for k in old]
            pipe = self.redis.pipeline()
            pipe.hdel(self._key("entries"), *fields)
            pipe.hdel(self._key("signatures"), *fields)
            pipe.zrem(self._key("seen"), *fields)
            pipe.execute()
        except self._errors as exc:
            raise self._fail(exc) from exc
        return len(old)

    def clusters(self, since: str | None, limit: int) -> list[Cluster]:
        try:
            docs = self.redis.hvals(self._key("entries"))
        except self._errors as exc:
            raise self._fail(exc) from exc
        entries = (_entry(json.loads(doc), None) for doc in docs)
        return build_clusters((e for e in entries if not since or e.first_seen >= since), limit)

    def count(self) -> int:
        try:
            return int(self.redis.hlen(self._key("entries")))
        except self._errors as exc:
            raise self._fail(exc) from exc

    def close(self) -> None:
        self.redis.close()


def _doc(e: StoryEntry) -> dict[str, Any]:
    return {
        "url": e.url,
        "portal": e.portal,
        "story_id": e.story_id,
        "root_url": e.root_url,
        "published_at": e.published_at,
        "first_seen": e.first_seen,
        "source_outlet": e.source_outlet,
    }


def _entry(doc: dict[str, Any], signature: np.ndarray | None) -> StoryEntry:
    return StoryEntry(
        doc["url"],
        doc["portal"],
        doc["story_id"],
        doc["root_url"],
        doc.get("published_at"),
        doc["first_seen"],
        doc.get("source_outlet"),
        signature,
    )


def _epoch(stamp: str) -> float:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
