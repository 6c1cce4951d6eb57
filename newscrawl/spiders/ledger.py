"""What discovery did in one crawl, for the run summary: each source's yield, and the URLs it skipped.

A *source* is a feed or sitemap the crawl started from: one the portal module registers, or one the portal
declares itself (a ``Sitemap:`` line of robots.txt, a ``<link rel="alternate">`` feed of its home page).
Sitemaps reached through a sitemap index count for the source they came from. A skipped URL is counted by
reason in the crawl's stats; the ledger keeps the first few of each reason so a user can see which.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SAMPLE_SIZE = 5
REGISTERED, ROBOTS_TXT, HOME_PAGE = "registered", "robots.txt", "home page"


@dataclass
class Source:
    kind: str
    """``feed`` or ``sitemap``."""
    origin: str
    """``registered`` (the portal module), ``robots.txt`` or ``home page``."""
    entries: int = 0
    """Entries listed (a sitemap index: summed over the sitemaps it leads to)."""
    articles: int = 0
    """Article URLs first discovered through this source and admitted (in the window, not refused)."""
    error: str | None = None
    """Why the source itself could not be read, or None."""
    read: bool = False
    """Its response was parsed by this crawl (in a cluster, another worker may read a source this one
    announced)."""

    @property
    def failed(self) -> bool:
        """Unreadable, or read but listing nothing."""
        return self.error is not None or (self.read and self.entries == 0)


class DiscoveryLedger:
    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.samples: dict[str, list[str]] = {}

    def add(self, url: str, kind: str, origin: str) -> bool:
        """Start tracking a source; False when it is already tracked (a declared one already registered)."""
        if url in self.sources:
            return False
        self.sources[url] = Source(kind, origin)
        return True

    def listed(self, source: str | None, count: int, kind: str = "sitemap", origin: str = REGISTERED) -> None:
        """A response of the source was read and listed ``count`` entries (the source is tracked from here
        on when another worker of a cluster announced it)."""
        if source is None:
            return
        self.add(source, kind, origin)
        self.sources[source].entries += count
        self.sources[source].read = True

    def brought(self, source: str | None) -> None:
        if source in self.sources:
            self.sources[source].articles += 1

    def failed(
        self, source: str | None, reason: str, kind: str = "sitemap", origin: str = REGISTERED
    ) -> None:
        if source is None:
            return
        self.add(source, kind, origin)
        if self.sources[source].error is None:
            self.sources[source].error = reason

    def skipped(self, reason: str, url: str) -> None:
        sample = self.samples.setdefault(reason, [])
        if len(sample) < SAMPLE_SIZE and url not in sample:
            sample.append(url)

    def report(self) -> dict[str, Any]:
        """``{"sources": {url: {...}}, "skipped_samples": {reason: [url, ...]}}`` for the run summary."""
        sources = {url: asdict(source) | {"failed": source.failed} for url, source in self.sources.items()}
        return {"sources": sources, "skipped_samples": {k: list(v) for k, v in self.samples.items()}}
