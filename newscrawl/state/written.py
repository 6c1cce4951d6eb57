"""The spider's "already written?" check: one indexed seen-store lookup per discovered article URL.

A URL in the seen-store is not requested again, unless its sitemap entry says the page changed: its
listing gives another ``<lastmod>`` than the one remembered when the article was last fetched
(:mod:`newscrawl.state.listings`; a listing that rewrites nearly every lastmod on every run is ignored).
With no lastmod remembered for it (a URL first found in a feed, or written before lastmods were
remembered), the lastmod is compared with the stored ``modified_at`` (or ``written_at`` when the page gave
no modification time), once. ``NEWSCRAWL_REFETCH_SEEN=True`` (or ``NEWSCRAWL_DEDUPE=False``) turns the
check off; the dedupe pipeline still decides what is written, by the page's own text and dateModified.
"""

from __future__ import annotations

import logging
from datetime import datetime

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.discovery.entries import Entry
from newscrawl.state.base import ListedLastmod, SeenEntry, SeenStore, StateError
from newscrawl.state.listings import ListingLastmods, lastmod_key
from newscrawl.state.open import open_store

logger = logging.getLogger(__name__)


def modified_after(modified: datetime | None, reference: str | None) -> bool:
    """True when an entry's modification time is later than a stored ISO 8601 time (or that is unusable)."""
    if modified is None:
        return False
    try:
        stored = datetime.fromisoformat(reference) if reference else None
    except ValueError:
        stored = None
    if stored is None or stored.tzinfo is None or modified.tzinfo is None:
        return True  # cannot tell: fetch, and let the dedupe pipeline compare the page itself
    return modified > stored


class WrittenFilter:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.enabled = settings.getbool("NEWSCRAWL_DEDUPE", True) and not settings.getbool(
            "NEWSCRAWL_REFETCH_SEEN", False
        )
        self.settings = settings
        self.stats = crawler.stats
        self.store: SeenStore | None = None
        self.lastmods = ListingLastmods.for_crawler(crawler)
        self.refetch = False
        """Whether the last URL checked is written already and to be fetched again (its listing changed)."""
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    def already_written(self, url: str, entry: Entry | None = None) -> bool:
        """Whether ``url`` (canonical) is written and its entry says nothing changed; errors only turn the
        check off."""
        self.refetch = False
        if not self.enabled:
            return False
        try:
            if self.store is None:
                self.store = open_store(self.settings)
            stored = self.store.get(url)
            if entry is None or entry.modified is None or entry.listing is None:
                return stored is not None  # a feed or index entry: nothing said of changes
            return not self._fetch_again(self.store, url, entry, stored)
        except (StateError, ValueError) as exc:
            logger.error("Already-written check off for this crawl: %s", exc)
            self.enabled = False
            return False

    def _fetch_again(self, store: SeenStore, url: str, entry: Entry, stored: SeenEntry | None) -> bool:
        """Whether to fetch a listed article: new, or written and listed with a changed lastmod."""
        assert entry.modified is not None and entry.listing is not None
        unreliable, memory = self.lastmods.judge(store, entry.listing)
        listed = ListedLastmod(entry.listing.url, entry.url, lastmod_key(entry.modified))
        if stored is not None:
            if unreliable:
                return False
            remembered = memory.get(entry.url)
            if remembered is not None and remembered.verified is not None:
                if remembered.verified == listed.lastmod:
                    return False
            elif not modified_after(entry.modified, stored.modified_at or stored.written_at):
                return False
            self.stats.inc_value("newscrawl/refetched/lastmod")
            self.refetch = True
        self.lastmods.await_commit(url, listed)
        return True

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
