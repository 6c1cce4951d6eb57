"""The spider's "already written?" check: one indexed seen-store lookup per discovered article URL.

A URL in the seen-store is not requested again, unless its feed or sitemap entry says it was modified
after the copy we hold (``Entry.modified`` later than the stored ``modified_at``, or ``written_at`` when
the page gave no modification time). ``NEWSCRAWL_REFETCH_SEEN=True`` (or ``NEWSCRAWL_DEDUPE=False``)
turns the check off; the dedupe pipeline still decides what is written.
"""

from __future__ import annotations

import logging
from datetime import datetime

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.state.base import SeenStore, StateError
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
        self.store: SeenStore | None = None
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    def already_written(self, url: str, modified: datetime | None = None) -> bool:
        """Whether ``url`` is written and not modified since; errors only turn the check off."""
        if not self.enabled:
            return False
        try:
            if self.store is None:
                self.store = open_store(self.settings)
            entry = self.store.get(url)
        except (StateError, ValueError) as exc:
            logger.error("Already-written check off for this crawl: %s", exc)
            self.enabled = False
            return False
        if entry is None:
            return False
        return not modified_after(modified, entry.modified_at or entry.written_at)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
