"""Feed and sitemap entries: the article URLs a portal announces, with the dates it gives them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from newscrawl.discovery.xml import child_text, local_name, parse_xml
from newscrawl.extraction.dates import parse_iso, to_wib


class Listing:
    """The sitemap an entry was listed in: its URL and, until the crawl has read them, the lastmods it gave.

    Every entry of a sitemap shares one ``Listing``; the crawl reads its lastmods once, on its first entry
    (:meth:`take_lastmods`), to judge whether they are worth anything (:mod:`newscrawl.state.listings`).
    It pickles (a ``JOBDIR`` queue holds entries) as its URL only.
    """

    __slots__ = ("_lastmods", "url")

    def __init__(self, url: str, lastmods: dict[str, datetime] | None = None) -> None:
        self.url = url
        self._lastmods = lastmods if lastmods is not None else {}

    def take_lastmods(self) -> dict[str, datetime]:
        """Every URL's lastmod (as listed), handed over once: the listing keeps them no longer."""
        lastmods, self._lastmods = self._lastmods, {}
        return lastmods

    def __reduce__(self) -> tuple[type[Listing], tuple[str]]:
        return (Listing, (self.url,))

    def __repr__(self) -> str:
        return f"Listing({self.url!r})"


@dataclass(frozen=True)
class Entry:
    url: str
    published: datetime | None = None
    modified: datetime | None = None
    listing: Listing | None = field(default=None, compare=False, repr=False)
    """The sitemap that listed it (None for a feed entry)."""


@dataclass(frozen=True)
class SitemapLinks:
    """What one sitemap document lists: article entries, or further sitemaps (an index)."""

    entries: list[Entry]
    sitemaps: list[str]
    modified: dict[str, datetime] = field(default_factory=dict)
    """``<lastmod>`` of the sitemaps an index lists, where given (a crawl skips those before its window)."""


def parse_date(value: str | None) -> datetime | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, sitemaps) to an aware datetime in WIB; None when unusable."""
    if not value:
        return None
    value = value.strip()
    parsed = parse_iso(value)
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if parsed.year < 1990 or parsed.year > 2100:
            return None
    return to_wib(parsed)


def _absolute(base: str, href: str | None) -> str | None:
    if not href:
        return None
    try:
        url = urljoin(base, href.strip())
        urlsplit(url).port  # noqa: B018 - raises on a bad port or a broken IPv6 literal
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


def parse_feed(data: bytes, base_url: str) -> list[Entry]:
    """Entries of an RSS 2.0, RSS 1.0 or Atom feed; entries without a usable link are skipped."""
    root = parse_xml(data, base_url)
    if root is None:
        return []
    entries: list[Entry] = []
    for item in root.iter():
        name = local_name(item)
        if name == "item":
            link = child_text(item, "link") or child_text(item, "guid")
            date = child_text(item, "pubdate", "date", "published", "updated")
        elif name == "entry":
            link = next(
                (
                    a.get("href")
                    for a in item
                    if local_name(a) == "link" and a.get("rel", "alternate") == "alternate"
                ),
                None,
            )
            date = child_text(item, "published", "updated")
        else:
            continue
        url = _absolute(base_url, link)
        if url:
            entries.append(Entry(url=url, published=parse_date(date)))
    return entries


def parse_sitemap(data: bytes, base_url: str) -> SitemapLinks:
    """A urlset (with Google-News ``news:publication_date`` when present) or a sitemap index."""
    root = parse_xml(data, base_url)
    if root is None:
        return SitemapLinks([], [])
    if local_name(root) == "sitemapindex":
        sitemaps, modified = [], {}
        for node in root:
            if local_name(node) != "sitemap" or not (loc := _absolute(base_url, child_text(node, "loc"))):
                continue
            sitemaps.append(loc)
            if lastmod := parse_date(child_text(node, "lastmod")):
                modified[loc] = lastmod
        return SitemapLinks([], sitemaps, modified)
    entries, lastmods = [], {}
    listing = Listing(base_url, lastmods)
    for node in root:
        if local_name(node) != "url":
            continue
        url = _absolute(base_url, child_text(node, "loc"))
        if not url:
            continue
        news = next((c for c in node if local_name(c) == "news"), None)
        published = parse_date(child_text(news, "publication_date")) if news is not None else None
        modified = parse_date(child_text(node, "lastmod"))
        if modified is not None:
            lastmods[url] = modified
        entries.append(Entry(url=url, published=published or modified, modified=modified, listing=listing))
    return SitemapLinks(entries, [])
