"""Drop articles already written, in this run or an earlier one (by URL, or by content under another URL).

The seen-store learns a URL only when the writer reports the record's file durable (``records_committed``),
so a crash between dedupe and the final rename never hides an article from the next run.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawl.pipelines import drop, records_committed
from newscrawl.records import utc_now
from newscrawl.state import SeenEntry, SeenStore, StateError, open_store
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
        self.store: SeenStore | None = None
        self.urls: set[str] = set()
        self.hashes: set[str] = set()
        self.pending: dict[str, SeenEntry] = {}
        """Entries that passed dedupe but whose records are not yet durably written."""
        # The store closes on spider_closed, which comes after every pipeline's close_spider, so the
        # writer's final commit always finds it open whatever order the pipelines close in.
        crawler.signals.connect(self.commit, signal=records_committed)
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
        if url in self.urls:
            raise drop(self.crawler, item, "duplicate url", "newscrawl/duplicates/url")
        stored = self.store.get(url)
        if stored is not None:
            changed = stored.content_hash != content_hash
            # The first copy may have carried no modification time: then compare with when it was written.
            reference = stored.modified_at or stored.written_at
            if not (changed and _is_later(adapter.get("modified_at"), reference)):
                raise drop(self.crawler, item, "duplicate url", "newscrawl/duplicates/url")
            adapter["version"] = stored.version + 1
            self._inc("newscrawl/versions/new")
        if content_hash in self.hashes or self.store.has_hash(content_hash):
            raise drop(self.crawler, item, "duplicate content", "newscrawl/duplicates/content")
        self.urls.add(url)
        self.hashes.add(content_hash)
        self.pending[url] = SeenEntry.from_record(adapter, written_at="")
        return item

    def commit(self, records: list[dict[str, Any]], file: str | None = None) -> None:
        """Record in the store the records of an output file that is now durable (and the file)."""
        written_at = utc_now()
        entries = [SeenEntry.from_record(r, written_at) for r in records]
        try:
            if self.store is None:
                raise StateError("seen-store is not open")
            self.store.add_many(entries, files=[file] if file else [])
        except StateError as exc:
            logger.error("Written records not recorded in the seen-store: %s", exc)
            self._inc("newscrawl/state/commit_errors")
            return
        for entry in entries:
            self.pending.pop(entry.url, None)

    def close_store(self) -> None:
        if self.pending:
            # Expected with NEWSCRAWL_OUTPUT_ENABLED=False (feed export only): the store then stays as it was.
            writer_on = self.crawler.settings.getbool("NEWSCRAWL_OUTPUT_ENABLED", True)
            message = "%d records passed dedupe but no writer confirmed them durable"
            logger.log(logging.WARNING if writer_on else logging.INFO, message, len(self.pending))
            self._inc("newscrawl/state/uncommitted", len(self.pending))
        if self.store is not None:
            self.store.close()
            self.store = None

    def _inc(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)
