"""Re-extraction's plan: which archived responses are article pages, grouped by article, pages in order.

A response is an article page when it is a 200 HTML response whose URL is on a portal's domains and is
not one of its declared non-article URLs; extraction then judges the page itself. Pages of one article
share ``canonical_url(url, portal)``; they are ordered by ``portal.page_number(url)``. An all-pages view
(``portal.is_all_pages_view``: ``?single=1``, ``?page=all``, ``?showpage=all``, ...) is page 1, preferred
to the plain page 1, and later pages the archive also holds follow it, as in the crawl (which still
follows page links an all-pages view shows).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newscrawl.archive.warc import RecordRef, supersedes, url_key
from newscrawl.portals import portal_for_url
from newscrawl.urls import canonical_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
Group = tuple[RecordRef, ...]


@dataclass
class Plan:
    articles: list[Group] = field(default_factory=list)
    """Each article's pages, page 1 first, in the order the archive first shows the article."""
    skipped: Counter[str] = field(default_factory=Counter)
    """Responses not used, by reason."""
    responses: int = 0


def is_html(content_type: str | None) -> bool:
    """HTML, or no Content-Type at all (extraction then judges the page)."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    return not kind or kind in HTML_TYPES


def _page_of(ref: RecordRef) -> tuple[str, int] | str:
    """``(canonical article URL, page number)`` (0: an all-pages view), or why the response is skipped."""
    portal = portal_for_url(ref.url)
    if portal is None:
        return "host of no portal"
    if not is_html(ref.content_type):
        return "not HTML"
    canonical = canonical_url(ref.url, portal)
    if portal.is_non_article_url(ref.url) or portal.is_non_article_url(canonical):
        return "a non-article URL (gallery, video, tag, index, ...)"
    number = 0 if portal.is_all_pages_view(ref.url) else portal.page_number(ref.url)
    return "not a numbered page" if number is None else (canonical, number)


def plan(refs: Iterable[RecordRef]) -> Plan:
    result = Plan()
    latest: dict[str, RecordRef] = {}
    for ref in refs:
        result.responses += 1
        if ref.status != 200:
            result.skipped[f"status {ref.status}"] += 1
            continue
        key = url_key(ref.url)
        held = latest.get(key)
        if held is not None:
            result.skipped["an earlier copy of the same URL"] += 1
        if held is None or supersedes(ref, held):
            latest[key] = ref
    articles: dict[str, dict[int, RecordRef]] = {}
    for ref in latest.values():
        page = _page_of(ref)
        if isinstance(page, str):
            result.skipped[page] += 1
            continue
        pages = articles.setdefault(page[0], {})
        if page[1] in pages:
            result.skipped["another URL of the same page"] += 1
        pages[page[1]] = ref
    for pages in articles.values():
        if 0 in pages and 1 in pages:
            result.skipped["page 1 beside its all-pages view"] += 1
            del pages[1]
        first = pages.pop(0, None) or pages.pop(1, None)
        if first is None:
            result.skipped["a later page without page 1"] += len(pages)
            continue
        result.articles.append((first, *(pages[n] for n in sorted(pages))))
    return result
