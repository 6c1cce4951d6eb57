"""Drop articles already written, in this run or an earlier one (by URL, or by content under another URL).

The seen-store learns a URL only when the writer reports the record's file durable (``records_committed``),
so a crash between dedupe and the final rename never hides an article from the next run. Records not yet
committed are held in memory (:attr:`DedupePipeline.pending`); once committed, the store answers for them,
so what the run holds stays bounded by the writer's chunk size however long the run.
"""

from __future__ import annotations

import logging
import weakref
from datetime import datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawl.pipelines import UNWRITTEN, drop, records_committed, stop_crawl
from newscrawl.records import utc_now
from newscrawl.state import SeenEntry, SeenStore, StateError, open_store
from newscrawl.state.listings import ListingLastmods
from newscrawl.state.rebuild import record_unrecorded

logger = logging.getLogger(__name__)


def _is_later(modified_at: str | None, than: str | None) -> bool:
    if not modified_at or not than:
        return False
    try:
        return datetime.fromisoformat(modified_at) > datetime.fromisoformat(than)
    except ValueError:
        return False


class DedupePipeline:
    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("NEWSCRAWL_DEDUPE", True):
            raise NotConfigured
        self.crawler = crawler
        self._failed = False
        self._stop: Any = None  # keeps the close_spider_async Deferred alive
        self.store: SeenStore | None = None
        self.pending: dict[str, SeenEntry] = {}
        """Entries that passed dedupe but whose records are not yet durably written, by URL."""
        self.pending_hashes: dict[str, str] = {}
        """Their content hashes (to the URL)."""
        self._passed: dict[str, weakref.ref[Any] | None] = {}
        """The item each pending entry came from, weakly (see :meth:`dropped_later`)."""
        self.lastmods = ListingLastmods.for_crawler(crawler)
        """Listing lastmods of fetched articles, recorded with their commit (see ``state/listings.py``)."""
        # The store closes on spider_closed, which comes after every pipeline's close_spider, so the
        # writer's final commit always finds it open whatever order the pipelines close in.
        crawler.signals.connect(self.commit, signal=records_committed)
        crawler.signals.connect(self.dropped_later, signal=signals.item_dropped)
        crawler.signals.connect(self.close_store, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = open_store(self.crawler.settings)
        if self.crawler.settings.getbool("NEWSCRAWL_OUTPUT_ENABLED", True):
            self._record_unrecorded_output()

    def _record_unrecorded_output(self) -> None:
        """Learn the records of output files that a stopped run renamed but never recorded."""
        output = Path(self.crawler.settings.get("NEWSCRAWL_OUTPUT_DIR") or "output")
        assert self.store is not None
        files, records = record_unrecorded(self.store, output)
        if files:
            logger.warning(
                "seen-store: recorded %d records of %d output files that a stopped run left unrecorded",
                records,
                files,
            )
            self._inc("newscrawl/state/recovered_records", records)

    def process_item(self, item: Any) -> Any:
        assert self.store is not None, "open_spider() opens the store"
        adapter = ItemAdapter(item)
        url, content_hash = adapter["url"], adapter["content_hash"]
        if url in self.pending:
            raise drop(self.crawler, item, "duplicate url", "newscrawl/duplicates/url")
        try:
            stored = self.store.get(url)
        except StateError as exc:
            raise self._unavailable(item, exc) from None
        if stored is not None:
            changed = stored.content_hash != content_hash
            # The first copy may have carried no modification time: then compare with when it was written.
            reference = stored.modified_at or stored.written_at
            if not (changed and _is_later(adapter.get("modified_at"), reference)):
                self.lastmods.found_unchanged(url)
                raise drop(self.crawler, item, "duplicate url", "newscrawl/duplicates/url")
            adapter["version"] = stored.version + 1
            self._inc("newscrawl/versions/new")
        try:  # asked only now: a URL already written needs no second lookup
            known_hash = content_hash in self.pending_hashes or self.store.has_hash(content_hash)
        except StateError as exc:
            raise self._unavailable(item, exc) from None
        if known_hash:
            raise drop(self.crawler, item, "duplicate content", "newscrawl/duplicates/content")
        self.pending[url] = SeenEntry.from_record(adapter, written_at="")
        self.pending_hashes[content_hash] = url
        try:
            self._passed[url] = weakref.ref(item)
        except TypeError:  # a plain dict item (``newscrawl reextract``): no later stage drops it
            self._passed[url] = None
        return item

    def dropped_later(self, item: Any, **kwargs: Any) -> None:
        """A record that passed dedupe was dropped by a later stage (stories, the writer): it will never be
        committed, so it is no longer held. (The very item: a copy dropped here leaves the first alone.)"""
        url = ItemAdapter(item).get("url")
        passed = self._passed.get(url) if isinstance(url, str) else None
        if passed is not None and passed() is item:
            self._forget(url)
            self.lastmods.forget(url)

    def _forget(self, url: str) -> None:
        entry = self.pending.pop(url, None)
        self._passed.pop(url, None)
        if entry is not None and self.pending_hashes.get(entry.content_hash) == url:
            del self.pending_hashes[entry.content_hash]

    def _unavailable(self, item: Any, exc: StateError) -> Exception:
        """The store failed mid-crawl (Redis gone, a locked file): stop the crawl, keep nothing of the item.
        Its request is not done: in a cluster its lease stays and it is fetched again (see UNWRITTEN)."""
        if not self._failed:
            self._failed = True
            logger.error("Seen-store failed (%s): the crawl stops; records already written stay", exc)
            self._stop = stop_crawl(self.crawler, "state_error")
        return drop(self.crawler, item, f"{UNWRITTEN}seen-store unavailable", "newscrawl/dropped/state_error")

    def commit(self, records: list[dict[str, Any]], file: str | None = None) -> None:
        """Record in the store the records of an output file that is now durable (and the file)."""
        written_at = utc_now()
        entries = [SeenEntry.from_record(r, written_at) for r in records]
        lastmods = self.lastmods.to_record([entry.url for entry in entries])
        try:
            if self.store is None:
                raise StateError("seen-store is not open")
            self.store.add_many(entries, files=[file] if file else [], lastmods=lastmods)
        except StateError as exc:
            logger.error("Written records not recorded in the seen-store: %s", exc)
            self._inc("newscrawl/state/commit_errors")
            return
        for entry in entries:
            self._forget(entry.url)

    def close_store(self) -> None:
        if self.pending:
            # Expected with NEWSCRAWL_OUTPUT_ENABLED=False (feed export only): the store then stays as it was.
            writer_on = self.crawler.settings.getbool("NEWSCRAWL_OUTPUT_ENABLED", True)
            message = "%d records passed dedupe but no writer confirmed them durable"
            logger.log(logging.WARNING if writer_on else logging.INFO, message, len(self.pending))
            self._inc("newscrawl/state/uncommitted", len(self.pending))
        if self.store is not None:
            self._record_unchanged()
            self.store.close()
            self.store = None

    def _record_unchanged(self) -> None:
        """Lastmods of articles found unchanged since the last commit (no record waits on them)."""
        assert self.store is not None
        if rows := self.lastmods.to_record([]):
            try:
                self.store.add_many([], lastmods=rows)
            except StateError as exc:
                logger.warning(
                    "Lastmods of %d unchanged articles not recorded (fetched again next run): %s",
                    len(rows),
                    exc,
                )

    def _inc(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)
