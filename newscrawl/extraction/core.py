"""The one extraction path: fetched HTML pages of an article in, an :class:`ArticleItem` out.

The crawl, ``newscrawl extract`` and ``newscrawl reextract`` all call :func:`extract_article`.
Each page is parsed once. Metadata comes from JSON-LD and meta tags first, the visible page second.
The body comes from the portal's container, pruned of furniture; when that container is missing the
whole page goes to generic trafilatura and the record says ``extraction: fallback``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from newscrawl.extraction import generic, metadata, syndication
from newscrawl.extraction.noise import NOISE_SELECTORS
from newscrawl.extraction.page import ParsedPage, css, parse_page
from newscrawl.extraction.text import (
    BLOCK_TAGS,
    clean_blocks,
    content_hash,
    dedupe_key,
    iter_blocks,
    join_paragraphs,
    word_count,
)
from newscrawl.items import ArticleItem
from newscrawl.portals.base import Portal
from newscrawl.urls import canonical_url, unwrap_archive_url

MIN_ARTICLE_WORDS = 25
NON_ARTICLE_LD_TYPES = {
    "VideoObject": "video page",
    "ImageGallery": "photo gallery",
    "CollectionPage": "section index",
    "ItemList": "section index",
    "SearchResultsPage": "search results",
    "ProfilePage": "profile page",
}
NON_ARTICLE_OG_TYPES = re.compile(r"^(video|music|profile|book)", re.I)


class NotAnArticle(Exception):
    """The page is not a news article; ``str(exc)`` is the reason."""


@dataclass(frozen=True)
class FetchedPage:
    """One HTTP response of an article: the URL it came from and its body."""

    url: str
    body: str | bytes
    content_type: str | None = None


@dataclass
class BodyResult:
    paragraphs: list[str]
    fallback: bool
    source_outlet: str | None = None


def _page_kind_reason(page: ParsedPage) -> str | None:
    """Why a page is plainly not an article, judged from its structured data alone."""
    if page.article_ld:
        return None
    for ld_type, reason in NON_ARTICLE_LD_TYPES.items():
        if ld_type in page.ld_types:
            return reason
    og_type = page.meta_first("og:type") or ""
    if NON_ARTICLE_OG_TYPES.match(og_type):
        return f"{og_type.split('.')[0]} page"
    return None


_TIMESTAMP = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:WIB|WITA|WIT)\b|"
    r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+\d{1,2}\s+\w+\s+\d{4}\b",
    re.I,
)
LISTING_REASON = "a list of headlines, not an article (section index, tag or search page)"
LISTING_SHARE = 0.5
"""A body is a listing when at least this share of its lines are headlines linked from the page or
headline-and-timestamp lines (a tag, index or search page that slipped past every other check)."""
_LISTING_MIN_LINES = 3
_PROSE_LINE_WORDS = 25


def reads_as_listing(paragraphs: Sequence[str], page: ParsedPage) -> bool:
    """Whether the "body" is really a list: most lines are the text of a link on the page, or a short
    line carrying a timestamp (headline + date cards). Articles are prose; their lines are neither."""
    short = [p for p in paragraphs if len(p.split()) <= _PROSE_LINE_WORDS]
    if len(short) < _LISTING_MIN_LINES or len(short) < LISTING_SHARE * len(paragraphs):
        return False
    links = {key for a in page.doc.iter("a") if len(key := dedupe_key(a.text_content() or "")) > 12}
    listed = sum(1 for p in short if _TIMESTAMP.search(p) or dedupe_key(p) in links)
    return listed >= _LISTING_MIN_LINES and listed >= LISTING_SHARE * len(paragraphs)


# Removing one of these must not glue the text on either side together (sindonews has no <p>).
_BOUNDARY_TAGS = BLOCK_TAGS | {"figure", "figcaption", "iframe", "video", "img", "br", "form", "table"}


def _prune(container, selectors: tuple[str, ...]) -> None:
    """Remove furniture elements; a removed block leaves a line break so neighbouring text stays apart.

    All selectors are matched in one pass (one compiled union); an element inside one already removed
    is removed with it, harmlessly.
    """
    for el in css(", ".join(selectors))(container):
        if el is container or el.getparent() is None:
            continue
        if el.tag in _BOUNDARY_TAGS or el.tag.startswith("amp-"):
            el.addprevious(el.makeelement("br"))
        el.drop_tree()


def _fallback_blocks(page: ParsedPage, noise: tuple[str, ...]) -> list[str]:
    """The body of a page whose portal container is missing: the densest prose container, pruned like a
    portal's own; trafilatura on the whole page when no container holds enough prose."""
    container = generic.densest_container(page.doc)
    if container is not None:
        _prune(container, noise)
        if generic.is_listing(container):
            raise NotAnArticle(LISTING_REASON)
        generic.drop_link_blocks(container)
        return list(iter_blocks(container))
    if not declares_article(page):
        raise NotAnArticle("no article structure (no article data, no body container, no block of prose)")
    return _trafilatura_blocks(page)


def declares_article(page: ParsedPage) -> bool:
    """The page calls itself an article: JSON-LD of an article type, or ``og:type`` article."""
    return bool(page.article_ld) or (page.meta_first("og:type") or "").lower().startswith("article")


def _trafilatura_blocks(page: ParsedPage) -> list[str]:
    import trafilatura  # imported on first use: most pages never need it, and it costs 0.2 s at start-up

    text = trafilatura.extract(
        page.doc,
        url=page.url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    return [line for line in (text or "").splitlines() if line.strip()]


def extract_body(pages: Sequence[ParsedPage], portal: Portal) -> BodyResult:
    blocks: list[str] = []
    fallback = False
    noise = (*NOISE_SELECTORS, *portal.noise_selectors)
    for page in pages:
        containers = page.select(portal.body_selectors) if portal.body_selectors else []
        if not containers:
            fallback = True
            blocks.extend(_fallback_blocks(page, noise))
            continue
        for container in containers:
            _prune(container, noise)
            blocks.extend(iter_blocks(container))
    blocks, outlet = syndication.take_notes(blocks, portal)  # before the noise rules drop the notes
    return BodyResult(clean_blocks(blocks, portal.noise_line_res), fallback, source_outlet=outlet)


def article_url(page: ParsedPage, portal: Portal) -> str:
    """The page's own canonical URL when it is on the same site, else the fetched URL; canonicalised."""
    candidate = unwrap_archive_url(page.canonical) if page.canonical else None
    if candidate:
        host = urlsplit(candidate).hostname or ""
        same_site = portal.owns_host(host) if portal.domains else host == urlsplit(page.url).hostname
        if not same_site:
            candidate = None
    return canonical_url(candidate or page.url, None if portal.generic else portal)


def extract_article(
    pages: Sequence[FetchedPage], portal: Portal, *, crawled_at: datetime | None = None
) -> ArticleItem:
    """Build the record for one article from its fetched pages (page 1 first).

    Raises :class:`NotAnArticle` for section indexes, galleries, video pages and pages without article text,
    and :class:`~newscrawl.extraction.page.UnreadablePage` when the first page cannot be parsed.
    """
    if not pages:
        raise NotAnArticle("no pages")
    parsed = [parse_page(p.body, p.url, p.content_type) for p in pages]
    first = parsed[0]
    url = article_url(first, portal)
    if reason := _page_kind_reason(first):
        raise NotAnArticle(reason)
    if portal.is_non_article_url(first.url) or portal.is_non_article_url(url):
        raise NotAnArticle(f"a non-article URL of {portal.id}: {url}")

    # Metadata before the body: pruning the body container changes the tree.
    title = portal.title(first)
    published_at, published_raw = metadata.published(first, portal)
    record_meta = dict(
        description=metadata.description(first),
        authors=_first_found(portal.authors, parsed),
        editors=_first_found(portal.editors, parsed),
        published_at=published_at,
        published_at_raw=published_raw,
        modified_at=metadata.modified(first, portal, published_at),
        section=portal.section(first),
        tags=metadata.tags(first, portal),
        image_url=metadata.image_url(first),
        image_caption=metadata.image_caption(first, portal),
    )
    body = extract_body(parsed, portal)
    # The page header repeated at the top of the container: the headline, a byline of bare names.
    header = [t for t in (title, *record_meta["authors"], *record_meta["editors"]) if t]
    while body.paragraphs and any(_same_text(body.paragraphs[0], t) for t in header):
        body.paragraphs.pop(0)
    text = join_paragraphs(body.paragraphs)
    words = word_count(text)
    if words < MIN_ARTICLE_WORDS:
        raise NotAnArticle(f"too little text for an article ({words} words)")
    if reads_as_listing(body.paragraphs, first):
        raise NotAnArticle(LISTING_REASON)
    return ArticleItem(
        url=url,
        portal=portal.id or _domain(url),
        title=title or "",
        body=text,
        word_count=words,
        pages=len(pages),
        extraction="generic" if portal.generic else "fallback" if body.fallback else "rules",
        fetched_url=pages[0].url,
        crawled_at=(crawled_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        content_hash=content_hash(text),
        source_outlet=body.source_outlet,
        **record_meta,
    )


def _first_found(read: Callable[[ParsedPage], list[str]], pages: Sequence[ParsedPage]) -> list[str]:
    """Names from page 1, else from the first later page that gives any (some credit the desk at the end)."""
    for page in pages:
        if names := read(page):
            return names
    return []


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
