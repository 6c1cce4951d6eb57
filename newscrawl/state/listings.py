"""What sitemaps say of their URLs (``<lastmod>``), remembered so that a repeat fetches only what changed.

A sitemap's lastmod is often not the page's own modification time: the time the sitemap was generated, a
rounded time, the time of a comment. Comparing it with the page's ``modified_at`` fetched an unchanged
article again on every run. Instead the seen-store remembers, per listing and URL (as the listing spells
it), the lastmod the listing gave when the article was last fetched and committed, or found unchanged
(*verified*), and a URL already written is fetched again only when its listing gives another value.

A listing whose lastmods change for nearly every URL on every run says nothing about the pages: when at
least :data:`UNRELIABLE_SHARE` of at least :data:`UNRELIABLE_MIN_KNOWN` URLs it listed on the previous run
(the lastmods *observed* then) carry another lastmod now, the listing is judged unreliable (counted in
``newscrawl/listings/unreliable_lastmod``, named in a warning, remembered), and its lastmods are ignored:
its URLs already written are not fetched again. It is judged again on every run, from what the previous
run observed, so a listing that mends its lastmods is trusted again.

A verified lastmod is recorded only when it is safe: with the chunk that holds the article's record (one
seen-store transaction), or when the fetched page turned out unchanged (nothing to write). A run killed
before then leaves the old value, so the next run fetches the article again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newscrawl.discovery.entries import Listing
from newscrawl.records import utc_now
from newscrawl.state.base import ListedLastmod, Remembered, SeenStore

logger = logging.getLogger(__name__)

UNRELIABLE_SHARE = 0.9
"""A listing is unreliable when this share (or more) of the URLs it listed before carry a new lastmod..."""
UNRELIABLE_MIN_KNOWN = 20
"""...and it listed at least this many of them before; with fewer, the previous verdict stands."""


def lastmod_key(moment: datetime) -> str:
    """A lastmod as remembered: the instant in UTC, so a change of notation or time zone is no change."""
    return moment.astimezone(UTC).isoformat()


def unreliable_now(known: int, changed: int, before: bool | None) -> bool | None:
    """The verdict on a listing from how many of its known URLs changed lastmod; None: never judged."""
    if known < UNRELIABLE_MIN_KNOWN:
        return before
    return changed >= UNRELIABLE_SHARE * known


@dataclass
class ListingLastmods:
    """One crawl's use of listing lastmods, shared by the spider's already-written check (which judges
    listings and decides what to fetch again) and the dedupe pipeline (which records verified lastmods)."""

    stats: Any
    awaiting: dict[str, ListedLastmod] = field(default_factory=dict)
    """Lastmods of fetched articles (by canonical URL), to record once their records are committed."""
    unchanged: list[ListedLastmod] = field(default_factory=list)
    """Lastmods of articles fetched and found unchanged, to record with the next commit."""
    verdicts: dict[str, bool] = field(default_factory=dict)
    """Listings judged in this crawl: unreliable or not."""
    _memory: tuple[str, dict[str, Remembered]] | None = None
    """What the store remembered of the listing being read (one at a time: a listing's entries are
    judged together, right after it is parsed)."""

    @classmethod
    def for_crawler(cls, crawler: Any) -> ListingLastmods:
        lastmods = getattr(crawler, "newscrawl_listing_lastmods", None)
        if lastmods is None:
            lastmods = cls(crawler.stats)
            crawler.newscrawl_listing_lastmods = lastmods
        return lastmods

    # --- the already-written check --------------------------------------------------------------------
    def judge(self, store: SeenStore, listing: Listing) -> tuple[bool, dict[str, Remembered]]:
        """Whether the listing's lastmods are unreliable, and what the store remembered of its URLs. Read
        and judged once per crawl, on its first entry; what it gave now is remembered for the next run."""
        if self._memory is not None and self._memory[0] == listing.url:
            return self.verdicts[listing.url], self._memory[1]
        memory = store.listing_memory(listing.url)
        self._memory = (listing.url, memory.lastmods)
        given = {url: lastmod_key(moment) for url, moment in listing.take_lastmods().items()}
        if listing.url in self.verdicts or not given:  # read again in this crawl, or no lastmod at all
            return self.verdicts.setdefault(listing.url, bool(memory.unreliable)), memory.lastmods
        before = {url: r.observed for url, r in memory.lastmods.items() if r.observed is not None}
        known = [url for url in given if url in before]
        changed = sum(before[url] != given[url] for url in known)
        verdict = unreliable_now(len(known), changed, memory.unreliable)
        store.remember_listing(
            listing.url,
            observed={url: value for url, value in given.items() if before.get(url) != value},
            forget=[url for url in memory.lastmods if url not in given],
            unreliable=verdict,
            judged_at=utc_now(),
        )
        self.verdicts[listing.url] = unreliable = bool(verdict)
        self._report(listing.url, unreliable, memory.unreliable, changed, len(known))
        return unreliable, memory.lastmods

    def _report(self, listing: str, unreliable: bool, before: bool | None, changed: int, known: int) -> None:
        if unreliable:
            self.stats.inc_value("newscrawl/listings/unreliable_lastmod")
            level = logging.INFO if before else logging.WARNING
            logger.log(
                level,
                "Listing %s rewrote the lastmod of %d of %d URLs since the last run: its lastmods are "
                "ignored (URLs already written are not fetched again for them)",
                listing,
                changed,
                known,
            )
        elif before:
            logger.info(
                "Listing %s keeps its lastmods again (%d of %d changed): they are used",
                listing,
                changed,
                known,
            )

    def await_commit(self, url: str, listed: ListedLastmod) -> None:
        self.awaiting[url] = listed

    # --- dedupe ---------------------------------------------------------------------------------------
    def found_unchanged(self, url: str) -> None:
        """The article at ``url`` was fetched and is written already: its lastmod is verified."""
        if (listed := self.awaiting.pop(url, None)) is not None:
            self.unchanged.append(listed)

    def forget(self, url: str) -> None:
        """The article's record will not be written (dropped by a later stage)."""
        self.awaiting.pop(url, None)

    def to_record(self, urls: list[str]) -> list[ListedLastmod]:
        """The lastmods to record with a commit of these URLs' records (and those found unchanged)."""
        rows = [listed for url in urls if (listed := self.awaiting.pop(url, None)) is not None]
        rows += self.unchanged
        self.unchanged = []
        return rows
