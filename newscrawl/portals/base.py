"""What a portal module declares: where its articles are found and how its pages are read.

A portal is a subclass of :class:`Portal` whose class attributes are data (URLs, CSS selectors, regexes).
Methods exist only where data is not enough, and the shared extraction core calls them; a portal module
overrides one when its page really differs. Selectors are tried in order; the first that matches wins.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from w3lib.url import add_or_replace_parameters

from newscrawl.extraction import metadata

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage


class Portal:
    # --- identity ---------------------------------------------------------------------------------------
    id: str = ""
    """Spider name and the ``portal`` field of its records."""
    name: ClassVar[str] = ""
    domains: ClassVar[tuple[str, ...]] = ()
    """Registrable domains whose hosts (and subdomains) belong to this portal."""
    hosts: ClassVar[tuple[str, ...]] = ()
    """Hosts (channels, regional sites) known, with evidence in the dossier, to serve this template.
    Listed in the README; crawling accepts any host under ``domains``."""
    site_names: ClassVar[tuple[str, ...]] = ()
    """Brand strings that appear as title suffixes and must never be taken for a person's name."""

    # --- discovery --------------------------------------------------------------------------------------
    feeds: ClassVar[tuple[str, ...]] = ()
    """RSS or Atom feeds listing fresh articles."""
    news_sitemaps: ClassVar[tuple[str, ...]] = ()
    """Google-News sitemaps (or sitemap indexes leading to them)."""

    index_pages: ClassVar[tuple[str, ...]] = ()
    """Dated index ("indeks") URL templates walked for backfill (``-a since=``).

    ``str.format`` fields: ``{date:%Y-%m-%d}`` (any strftime format), ``{page}`` (1, 2, ...) and
    ``{offset}`` ((page - 1) * index_page_size).
    """
    index_page_size: ClassVar[int] = 20
    index_link_selector: ClassVar[str] = "a[href]"
    """Links on an index page; only those matching ``article_url`` are followed."""
    index_max_pages: ClassVar[int] = 50
    """Safety stop per day and template; walking also stops at the first page with no new article."""
    spider_settings: ClassVar[dict[str, object]] = {}
    """Scrapy settings this portal needs (its spider's ``custom_settings``), each documented in the module."""

    # --- URLs -------------------------------------------------------------------------------------------
    article_url: ClassVar[str] = r""
    """Regex (searched in the canonical URL) that an article URL matches; discovery follows only these."""
    not_article_url: ClassVar[str] = r""
    """Regex for URLs that look like articles but never are (photo, video, live pages)."""
    page_suffix: ClassVar[str] = r""
    """Regex matched at the end of the path of page 2..n of an article (removed by canonicalisation)."""
    page_param: ClassVar[str] = ""
    """Query parameter carrying the page number (``page`` on kompas), when pages are not path suffixes."""
    keep_params: ClassVar[tuple[str, ...]] = ()
    """Query parameters that are part of an article's identity; every other parameter is dropped."""
    mobile_hosts: ClassVar[dict[str, str]] = {}
    """Mobile or AMP host -> desktop host, e.g. ``{"m.detik.com": "www.detik.com"}``."""
    single_page_params: ClassVar[dict[str, str]] = {}
    """Query parameters that make the portal serve every page of an article in one response."""
    single_page_suffix: ClassVar[str] = ""
    """Path suffix of the all-pages view where it is a path, not a parameter (inews ``/all``)."""
    next_page_selector: ClassVar[str] = ""
    """CSS for links to the article's other pages, followed when one response does not hold them all."""

    # --- article rules ----------------------------------------------------------------------------------
    body_selectors: ClassVar[tuple[str, ...]] = ()
    """The element that holds the article text."""
    noise_selectors: ClassVar[tuple[str, ...]] = ()
    """Elements inside the body that are furniture (ads, related links, captions, tag lists)."""
    title_selectors: ClassVar[tuple[str, ...]] = ("h1",)
    author_meta: ClassVar[tuple[str, ...]] = ()
    """Portal meta tags naming the reporters (read first: structured data before the visible byline)."""
    author_selectors: ClassVar[tuple[str, ...]] = ()
    """Visible bylines; when empty or unmatched, JSON-LD ``author`` and ``meta[name=author]`` are used."""
    author_from_jsonld: ClassVar[bool] = True
    """False where the portal's JSON-LD ``author`` is really the editor (kompas, republika, ...)."""
    editor_meta: ClassVar[tuple[str, ...]] = ()
    editor_selectors: ClassVar[tuple[str, ...]] = ()
    date_selectors: ClassVar[tuple[str, ...]] = ()
    """Visible publication date, the cross-check for structured data."""
    published_meta: ClassVar[tuple[str, ...]] = ("article:published_time",)
    """Meta tags (name or property) holding the publication time, in priority order, after JSON-LD."""
    modified_meta: ClassVar[tuple[str, ...]] = ("article:modified_time",)
    caption_selectors: ClassVar[tuple[str, ...]] = ()
    """Caption of the lead image (it goes to ``image_caption``, never into the body)."""
    section_meta: ClassVar[tuple[str, ...]] = ()
    section_selectors: ClassVar[tuple[str, ...]] = ()
    tag_selectors: ClassVar[tuple[str, ...]] = ()
    noise_lines: ClassVar[tuple[str, ...]] = ()
    """Extra regexes (full-line, case-insensitive) for furniture this portal writes as plain text."""

    generic: ClassVar[bool] = False
    """True for the generic spider: no container rules, trafilatura on the whole page."""

    def __init__(self) -> None:
        self.article_re = re.compile(self.article_url) if self.article_url else None
        self.not_article_re = re.compile(self.not_article_url) if self.not_article_url else None
        self.page_suffix_re = re.compile(f"(?:{self.page_suffix})$") if self.page_suffix else None
        self.noise_line_res = tuple(re.compile(rf"^(?:{p})$", re.I) for p in self.noise_lines)

    def owns_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def is_article_url(self, url: str) -> bool:
        if self.not_article_re and self.not_article_re.search(url):
            return False
        return bool(self.article_re and self.article_re.search(url))

    # --- hooks: override in a portal module only where selectors are not enough ----------------------------
    def title(self, page: ParsedPage) -> str | None:
        return metadata.title(page, self)

    def authors(self, page: ParsedPage) -> list[str]:
        return metadata.authors(page, self)

    def editors(self, page: ParsedPage) -> list[str]:
        return metadata.editors(page, self)

    def section(self, page: ParsedPage) -> str | None:
        return metadata.section(page, self)

    def all_pages_url(self, url: str) -> str | None:
        """The URL of the view holding every page of this (canonical) article, or None."""
        if self.single_page_params:
            return add_or_replace_parameters(url, self.single_page_params)
        if self.single_page_suffix:
            parts = urlsplit(url)
            return urlunsplit(parts._replace(path=parts.path.rstrip("/") + self.single_page_suffix))
        return None

    def is_all_pages_view(self, url: str) -> bool:
        if self.single_page_params:
            return all(f"{k}={v}" in url for k, v in self.single_page_params.items())
        return bool(self.single_page_suffix) and urlsplit(url).path.endswith(self.single_page_suffix)

    def page_number(self, url: str) -> int | None:
        """Page number a URL of this article shows: 1 for the bare URL, None for a non-numeric view."""
        parts = urlsplit(url)
        if self.page_param:
            for key, value in parse_qsl(parts.query):
                if key == self.page_param:
                    return int(value) if value.isdigit() else None
        if self.page_suffix_re and (match := self.page_suffix_re.search(parts.path)):
            digits = re.sub(r"\D", "", match.group(0))
            return int(digits) if digits else None
        return 1

    def __repr__(self) -> str:
        return f"<Portal {self.id}>"
