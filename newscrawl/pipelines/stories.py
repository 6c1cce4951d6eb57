"""Give every record its story: ``story_id`` and, for a near-duplicate, ``duplicate_of`` (README "Stories").

Runs after dedupe and before the writer. A record is matched against the story index
(:mod:`newscrawl.stories.index`) and indexed in memory at once, so copies within the run cluster; its
entry reaches the store only when the writer reports its file durable (``records_committed``), so a killed
run leaves no entry for a record it never wrote. ``NEWSCRAWL_NEAR_DUPLICATES``: ``mark`` (default) writes
every record with its story, ``drop`` drops later copies (``newscrawl/dropped/near_duplicate``), ``off``
switches the stage off (``story_id`` and ``duplicate_of`` stay null).
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawl.items import RejectedPage
from newscrawl.pipelines import UNWRITTEN, drop, records_committed, stop_crawl
from newscrawl.records import utc_now
from newscrawl.stories import StoryEntry, StoryError
from newscrawl.stories.index import StoryIndex, acquire, release

logger = logging.getLogger(__name__)
MODES = ("mark", "drop", "off")


def near_duplicates_mode(settings: Any) -> str:
    mode = str(settings.get("NEWSCRAWL_NEAR_DUPLICATES") or "mark").strip().lower()
    if mode not in MODES:
        raise ValueError(f"NEWSCRAWL_NEAR_DUPLICATES must be one of {', '.join(MODES)}, got {mode!r}")
    return mode


class StoriesPipeline:
    def __init__(self, crawler: Crawler, index: StoryIndex | None = None) -> None:
        self.mode = near_duplicates_mode(crawler.settings)
        if self.mode == "off":
            raise NotConfigured
        self.crawler = crawler
        self.index = index
        self.shared = index is None
        """True when the index is the process's shared one (acquired at open, released at close)."""
        self._stop: Any = None  # keeps the close_spider_async Deferred alive (after an index failure)
        self.pending: dict[str, StoryEntry] = {}
        """Entries of records passed on to the writer whose files are not yet durable, by URL."""
        # The index closes on spider_closed, after every pipeline's close_spider: the writer's last
        # commit always finds it open (as for the seen-store).
        self._passed: dict[str, weakref.ref[Any] | None] = {}
        """The item each pending entry came from, weakly (see :meth:`dropped_later`)."""
        crawler.signals.connect(self.commit, signal=records_committed)
        crawler.signals.connect(self.dropped_later, signal=signals.item_dropped)
        crawler.signals.connect(self.close_index, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoriesPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        if self.index is None:
            self.index = acquire(self.crawler.settings)  # a corrupt store raises StoryError: no crawl

    def process_item(self, item: Any) -> Any:
        if isinstance(item, RejectedPage):
            return item
        assert self.index is not None, "open_spider() opens the index"
        adapter = ItemAdapter(item)
        url = adapter["url"]
        try:
            found = self.index.match(
                url,
                adapter.get("body") or "",
                portal=adapter.get("portal") or "",
                published_at=adapter.get("published_at"),
                source_outlet=adapter.get("source_outlet"),
                now=utc_now(),
            )
        except StoryError as exc:  # the index in Redis went away mid-crawl: stop, write nothing unstoried
            if self._stop is None:
                logger.error("Story index failed (%s): the crawl stops; records already written stay", exc)
                self._stop = stop_crawl(self.crawler, "state_error")
            reason = f"{UNWRITTEN}story index unavailable"
            raise drop(self.crawler, item, reason, "newscrawl/dropped/state_error") from None
        entry = found.entry
        self._inc(f"newscrawl/stories/{found.kind}")
        if found.kind == "too_short":
            logger.info("Story of its own for %s: its body is too short to compare", url)
        if self.mode == "drop" and entry.duplicate_of is not None and found.kind == "joined":
            reason = f"near duplicate of {entry.duplicate_of}"
            raise drop(self.crawler, item, reason, "newscrawl/dropped/near_duplicate")
        adapter["story_id"], adapter["duplicate_of"] = entry.story_id, entry.duplicate_of
        if found.kind != "known":
            self.index.remember(entry)
            self.pending[url] = entry
            try:
                self._passed[url] = weakref.ref(item)
            except TypeError:  # a plain dict item (``newscrawl reextract``): no later stage drops it
                self._passed[url] = None
        return item

    def dropped_later(self, item: Any, **kwargs: Any) -> None:
        """A record that passed this stage was dropped by a later one (the writer): it is not a story's
        member, and not its first record. (The very item: a copy dropped elsewhere leaves it alone.)"""
        url = ItemAdapter(item).get("url")
        passed = self._passed.get(url) if isinstance(url, str) else None
        if passed is None or passed() is not item:
            return
        del self._passed[url]
        entry = self.pending.pop(url, None)
        if entry is not None and self.index is not None:
            self.index.forget(entry)

    def commit(self, records: list[dict[str, Any]], file: str | None = None) -> None:
        """Store the entries of the records of an output file that is now durable."""
        entries = [self.pending[r["url"]] for r in records if r.get("url") in self.pending]
        if not entries or self.index is None:
            return
        try:
            self.index.commit(entries)
        except StoryError as exc:
            logger.error("Written records not recorded in the story index: %s", exc)
            self._inc("newscrawl/stories/commit_errors")
            return
        for entry in entries:
            self.pending.pop(entry.url, None)
            self._passed.pop(entry.url, None)
        self._inc("newscrawl/stories/committed", len(entries))

    def close_index(self) -> None:
        if self.pending:
            # A record dropped after this stage, or a file that was never made durable: not stored.
            logger.info(
                "%d story entries not stored: their records were not confirmed written", len(self.pending)
            )
            self._inc("newscrawl/stories/uncommitted", len(self.pending))
            self.pending.clear()
        self._passed.clear()
        if self.index is not None and self.shared:
            release(self.index)
        self.index = None

    def _inc(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)
