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
from newscrawl.hosts import normal_host, registrable_domain, subdomain

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage


_MOBILE_LABELS = frozenset({"www", "m", "amp", "mobile"})
NON_ARTICLE_URL = re.compile(
    r"^https?://[^/?#]+/?(?:[?#]|$)|"  # a home page
    r"/(?:tag|tags|topik|topic|topics|category|categories|kategori|kanal|author|authors|penulis|search|cari|indeks|"
    r"index|video|videos|foto|photo|photos|galeri|gallery|infografis|infografik|feed|rss|amp-stories|"
    r"webstories|login|register|about|kontak|contact)(?:/|$|[?#])|"
    r"/(?:page/)?(?:pedoman-media-siber|kode-etik(?:-jurnalistik)?|tentang-kami|redaksi|susunan-redaksi|"
    r"kebijakan-privasi|privacy-policy|syarat-dan-ketentuan|terms-of-service|disclaimer|karir|"
    r"hubungi-kami|info-iklan)(?:/|$|[?#])|"
    r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp3|mp4|xml|rss|zip|css|js)(?:$|[?#])",
    re.I,
)
"""URLs that are not articles on any news site: home pages, tag, topic, category, author, search and index
pages, galleries and videos, the site's own pages (editorial guidelines, staff, privacy), feeds and media files. Every portal refuses them, besides its own
``not_article_url``."""
STORY_PATH = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+){2,}|\d{5,}")
"""What an article URL's path holds somewhere: a slug of three words or more, or a long numeric id. A path
with neither (``/news``, ``/kanal/bisnis``, junk) is a hub, not an announced article."""


class Portal:
    # --- identity ---------------------------------------------------------------------------------------
    id: str = ""
    """Spider name and the ``portal`` field of its records."""
    name: ClassVar[str] = ""
    domains: ClassVar[tuple[str, ...]] = ()
    """Registrable domains (under the Public Suffix List) of this portal: every host under them, regional
    sites, channels, ``m.``/``amp.`` hosts and the bare domain alike, is read with this portal's rules."""
    hosts: ClassVar[tuple[str, ...]] = ()
    """Hosts (channels, regional sites) known, with evidence in the dossier, to serve this template.
    Listed in the README; crawling and extraction accept any host under ``domains``."""
    home_host: ClassVar[str] = ""
    """The host that the bare domain and the ``www.``, ``m.``, ``amp.`` and ``mobile.`` hosts map to in
    canonical URLs (default ``www.<first domain>``); also where declared discovery looks first."""
    site_names: ClassVar[tuple[str, ...]] = ()
    """Brand strings that appear as title suffixes and must never be taken for a person's name."""

    # --- discovery --------------------------------------------------------------------------------------
    feeds: ClassVar[tuple[str, ...]] = ()
    """RSS or Atom feeds listing fresh articles."""
    news_sitemaps: ClassVar[tuple[str, ...]] = ()
    """Google-News sitemaps (or sitemap indexes leading to them)."""

    declared_discovery: ClassVar[bool] = True
    """Also read what the portal declares: ``Sitemap:`` lines of robots.txt on :attr:`discovery_hosts`
    and the feeds its home page links with ``<link rel="alternate">``."""
    discovery_hosts: ClassVar[tuple[str, ...]] = ()
    """Hosts whose robots.txt is read for sitemaps (default: the home host and the news-sitemap hosts)."""

    index_pages: ClassVar[tuple[str, ...]] = ()
    """Dated index ("indeks") URL templates walked for backfill (``-a since=``).

    ``str.format`` fields: ``{date:%Y-%m-%d}`` (any strftime format), ``{page}`` (1, 2, ...) and
    ``{offset}`` ((page - 1) * index_page_size).
    """
    index_page_size: ClassVar[int] = 20
    index_link_selector: ClassVar[str] = "a[href]"
    """Links on an index page; only those matching ``article_url`` are followed (the others on the portal's
    domains are counted and sampled, so a new URL scheme shows up in the run summary)."""
    index_max_pages: ClassVar[int] = 50
    """Safety stop per day and template; walking also stops at the first page with no new article."""
    spider_settings: ClassVar[dict[str, object]] = {}
    """Scrapy settings this portal needs (its spider's ``custom_settings``), each documented in the module."""

    # --- URLs -------------------------------------------------------------------------------------------
    article_url: ClassVar[str] = r""
    """Regex (searched in the canonical URL) of the article URL shapes known, older ones included.

    A hint, not a gate: it chooses links on dated index pages, where links are mixed. Feed and sitemap
    entries, saved pages and archives are judged by the page itself (see ``extraction.core``)."""
    not_article_url: ClassVar[str] = r""
    """Regex (searched in the URL as found and in its canonical form) of URLs that are never articles here:
    galleries, videos, tags, indexes, search, author and live pages, and hosts under the portal's domains
    that are not article sites (CDNs, a sister site). Such URLs are refused without fetching or parsing."""
    url_rewrites: ClassVar[tuple[tuple[str, str], ...]] = ()
    """``(regex, replacement)`` pairs applied in order to the canonical URL (after host, AMP and query
    clean-up): they map another URL shape of one article (a channel path on ``www``, an AMP path) to the
    canonical one, so that every shape of an article gives one URL."""
    page_suffix: ClassVar[str] = r""
    """Regex matched at the end of the path of page 2..n of an article (removed by canonicalisation)."""
    page_param: ClassVar[str] = ""
    """Query parameter carrying the page number (``page`` on kompas), when pages are not path suffixes."""
    keep_params: ClassVar[tuple[str, ...]] = ()
    """Query parameters that are part of an article's identity; every other parameter is dropped."""
    url_examples: ClassVar[dict[str, str]] = {}
    """Article URLs of every shape the module knows (regional, bare-domain, ``m.``/AMP, older formats; real
    ones wherever public sources hold them), each with the canonical URL it must give: documentation that
    ``tests/test_url_admission.py`` checks. Golden cases cover the AMP and regional/bare-domain shapes."""
    non_article_examples: ClassVar[tuple[str, ...]] = ()
    """URLs on the portal's domains that are not articles and must be refused without fetching."""
    mobile_hosts: ClassVar[dict[str, str]] = {}
    """Host -> canonical host where the rule of :attr:`home_host` is not enough."""
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
        self.url_rewrite_res = tuple((re.compile(p), r) for p, r in self.url_rewrites)

    @property
    def home(self) -> str:
        """The canonical host of the bare domain (see :attr:`home_host`)."""
        return self.home_host or (f"www.{self.domains[0]}" if self.domains else "")

    def owns_host(self, host: str) -> bool:
        """Whether the host is under one of the portal's registrable domains."""
        host = normal_host(host)
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def canonical_host(self, host: str) -> str:
        """The host of an article's canonical URL: a regional or channel host stays itself; the bare
        domain and ``www.``/``m.``/``amp.``/``mobile.`` hosts become :attr:`home`."""
        host = normal_host(host)
        if host in self.mobile_hosts:
            return self.mobile_hosts[host]
        if not self.domains or not self.owns_host(host):
            return host
        sub = subdomain(host)
        labels = sub.split(".") if sub else []
        while labels and labels[0] in _MOBILE_LABELS:
            labels.pop(0)
        return ".".join([*labels, registrable_domain(host)]) if labels else self.home

    def is_article_url(self, url: str) -> bool:
        """The hint: one of the article URL shapes this module knows (and not a declared non-article)."""
        if self.not_article_re and self.not_article_re.search(url):
            return False
        return bool(self.article_re and self.article_re.search(url))

    def is_non_article_url(self, url: str) -> bool:
        """A declared non-article URL: a gallery, video, tag, index, search, author or live page (shared
        :data:`NON_ARTICLE_URL` or the portal's ``not_article_url``)."""
        return bool(NON_ARTICLE_URL.search(url) or (self.not_article_re and self.not_article_re.search(url)))

    def refusal(self, url: str, *canonical: str) -> str | None:
        """Why a URL announced as an article is not fetched (``off_domain``, ``not_article_url``), or
        None: every other URL on the portal's domains is fetched and the page decides."""
        if not self.owns_host(urlsplit(url).hostname or ""):
            return "off_domain"
        if any(self.is_non_article_url(u) for u in (url, *canonical)):
            return "not_article_url"
        if not STORY_PATH.search(urlsplit(url).path) and not self.is_article_url(
            canonical[0] if canonical else url
        ):
            return "not_article_url"  # a hub or junk: no story named, and no article shape this portal knows
        return None

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
