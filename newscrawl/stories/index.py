"""Which story a record belongs to: its signature against the index of the window's records.

The index is datasketch's ``MinHashLSH`` (:mod:`newscrawl.stories.lsh`) in memory, built from the store's
window the first time a record is matched (a run that finds nothing new never builds it). A record joins
the story of its most similar candidate (estimated Jaccard similarity of word 3-shingles at least the
threshold; among equals the one seen first), or starts its own story. It is indexed at once, so copies
within one run cluster together, but reaches the store only through :meth:`StoryIndex.commit`, once its
output file is durable. Stories never merge afterwards: a written ``story_id`` stays true.

A store with its own index (Redis) is queried beside the in-memory index, which then holds only this
process's records. One :class:`StoryIndex` serves every crawl of a process (``newscrawl run``):
:func:`acquire` and :func:`release` count its users.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from newscrawl.stories.store import (
    StoryEntry,
    StoryError,
    StoryStore,
    new_story_id,
    open_story_store,
    story_days,
    story_threshold,
    url_key,
    window_start,
)

logger = logging.getLogger(__name__)
MAX_CANDIDATES = 64
"""At most this many LSH candidates are compared with a record. A story of thousands of near-identical
records (a template page, a wire story everywhere) would otherwise make each new copy cost thousands of
reads and comparisons; a few dozen of its members show just as well which story the record belongs to (it
then joins the earliest of those, not necessarily of all)."""
PER_BUCKET = 8
"""At most this many keys are read from each band's bucket (nearly every bucket holds one or two): a
near-copy shares many bands with its story, so a few keys of each still make dozens of candidates."""


@dataclass(frozen=True)
class Match:
    """What the index says about a record: its entry (story and first record) and how it got it."""

    entry: StoryEntry
    kind: str
    """``new`` (a story of its own), ``joined`` (a near-duplicate of a story), ``known`` (its URL is
    indexed already: a new version keeps its story) or ``too_short`` (too short to compare)."""
    similarity: float = 0.0


class StoryIndex:
    def __init__(self, store: StoryStore, threshold: float) -> None:
        self.store, self.threshold = store, threshold
        self._signer: Any = None
        self._lsh: Any = None
        self.local: dict[int, StoryEntry] = {}
        """Entries indexed by this process (committed or not): found without asking the store."""
        self.loaded = 0

    @property
    def signer(self) -> Any:
        """The signature maker; datasketch (0.6 s to import, with scipy) is loaded on the first record."""
        if self._signer is None:
            from newscrawl.stories.signature import Signer

            self._signer = Signer()
        return self._signer

    @property
    def lsh(self) -> Any:
        if self._lsh is None:
            self._build()
        return self._lsh

    def _build(self) -> None:
        from newscrawl.stories.lsh import new_lsh
        from newscrawl.stories.signature import lean

        lsh = new_lsh(self.threshold)
        for entry in self.store.window():
            key = entry.key
            if key not in self.local and entry.signature is not None:
                lsh.insert(key, lean(entry.signature), check_duplication=False)
                self.loaded += 1
        self._lsh = lsh
        logger.info("Story index: %d records of the window loaded from %s", self.loaded, self.store.location)

    def match(
        self,
        url: str,
        body: str,
        *,
        portal: str,
        published_at: str | None,
        source_outlet: str | None,
        now: str,
    ) -> Match:
        """The record's story; nothing is indexed until :meth:`remember`."""
        key = url_key(url)
        known = self._entries([key]).get(key)
        if known is not None and known.url == url:
            return Match(known, "known")
        signature = self.signer.sign(body or "")
        kind, best, score = "new", None, 0.0
        if signature is None:
            kind = "too_short"
        else:
            best, score = self._nearest(signature, portal, published_at)
            kind = "joined" if best is not None else "new"
        story_id, root = (best.story_id, best.root_url) if best else (new_story_id(url), url)
        entry = StoryEntry(url, portal, story_id, root, published_at, now, source_outlet, signature)
        return Match(entry, kind, score)

    def _nearest(
        self, signature: np.ndarray, portal: str, published_at: str | None
    ) -> tuple[StoryEntry | None, float]:
        from newscrawl.stories.lsh import candidates as lsh_candidates
        from newscrawl.stories.signature import lean, similarity

        minhash = lean(signature)
        candidates = lsh_candidates(self.lsh, minhash, PER_BUCKET)
        candidates |= self.store.query(signature, PER_BUCKET)
        if len(candidates) > MAX_CANDIDATES:  # a huge story: any few of its members tell it
            candidates = set(sorted(candidates)[:MAX_CANDIDATES])
        best: StoryEntry | None = None
        best_score = 0.0
        for entry in self._entries(candidates).values():
            if entry.signature is None or recurring(portal, published_at, entry):
                continue
            score = similarity(signature, entry.signature)
            if score < self.threshold:
                continue  # a band collided, the texts are not that close
            if best is None or (score, _first(best)) > (best_score, _first(entry)):
                best, best_score = entry, score
        return best, best_score

    def remember(self, entry: StoryEntry) -> None:
        """Index the entry in memory now (its store row waits for :meth:`commit`)."""
        from newscrawl.stories.signature import lean

        key = entry.key
        if key in self.local:
            return
        if entry.signature is not None and key not in self.lsh:
            self.lsh.insert(key, lean(entry.signature), check_duplication=False)
        self.local[key] = entry

    def forget(self, entry: StoryEntry) -> None:
        """Take back an entry remembered for a record that will not be written (dropped after this stage):
        no later copy may join a story whose first record does not exist."""
        key = entry.key
        if self.local.pop(key, None) is not None and self._lsh is not None and key in self._lsh:
            self._lsh.remove(key)

    def commit(self, entries: Iterable[StoryEntry]) -> None:
        """Store the entries of records now durably written."""
        self.store.add(entries)

    def _entries(self, keys: Iterable[int]) -> dict[int, StoryEntry]:
        keys = set(keys)
        found = {k: self.local[k] for k in keys if k in self.local}
        rest = keys - found.keys()
        if rest:
            found.update(self.store.get(rest))
        return found

    def close(self) -> None:
        self.store.close()
        self._lsh = None


def recurring(portal: str, published_at: str | None, entry: StoryEntry) -> bool:
    """Whether a match would be one portal's recurring column rather than a copy: the same portal on
    another publication day (WIB). A daily column ("harga emas hari ini", "lokasi SIM keliling") reuses
    its template every day, its days as alike as copies of one story (Jaccard up to 0.72 in
    ``benchmarks/stories.py``); copies of one story, the wire's and the portals' own, come out within
    the day."""
    if portal != entry.portal or not published_at or not entry.published_at:
        return False
    return published_at[:10] != entry.published_at[:10]


def _first(entry: StoryEntry) -> tuple[str, str]:
    """Sorts the entry seen first last: among equally similar candidates, the earliest wins."""
    return (entry.first_seen, entry.url)


def open_index(settings: Mapping[str, Any], store: StoryStore | None = None) -> StoryIndex:
    """A new index over the store the settings name (or ``store``), pruned to the window."""
    threshold, days = story_threshold(settings), story_days(settings)
    store = store if store is not None else open_story_store(settings)
    try:
        pruned = store.prune(window_start(days))
    except StoryError:
        store.close()
        raise
    if pruned:
        logger.info("Story index: %d records older than %d days pruned from %s", pruned, days, store.location)
    return StoryIndex(store, threshold)


_SHARED: dict[tuple[str, str], tuple[StoryIndex, int]] = {}


def _shared_key(settings: Mapping[str, Any]) -> tuple[str, str]:
    redis_url = settings.get("NEWSCRAWL_REDIS_URL")
    if redis_url:
        return ("redis", str(redis_url))
    from pathlib import Path

    return ("sqlite", str(Path(settings.get("NEWSCRAWL_STATE_DIR") or "state").resolve()))


def acquire(settings: Mapping[str, Any]) -> StoryIndex:
    """The process's index for these settings, opened by its first user."""
    key = _shared_key(settings)
    if key in _SHARED:
        index, users = _SHARED[key]
        _SHARED[key] = (index, users + 1)
        return index
    index = open_index(settings)
    _SHARED[key] = (index, 1)
    return index


def release(index: StoryIndex) -> None:
    """One user fewer; the last closes the index."""
    for key, (shared, users) in list(_SHARED.items()):
        if shared is index:
            if users > 1:
                _SHARED[key] = (shared, users - 1)
                return
            del _SHARED[key]
            break
    index.close()
