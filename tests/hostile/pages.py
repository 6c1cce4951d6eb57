"""A detik replica for hostile tests: synthetic article pages, the feeds and sitemaps that announce them.

Each :class:`Article` is a realistic detik page (JSON-LD, meta tags, visible date, body container); its
expected record is what the crawl's own extraction makes of the clean page, so a test can check that a
hostile condition changed nothing in the records that were written.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

from newscrawl.extraction.core import FetchedPage, extract_article
from newscrawl.extraction.dates import WIB
from newscrawl.portals import get_portal
from newscrawl.records import record_dict
from tests.hostile.faultserver import Fault, FaultServer
from tests.support.replica import Route, news_sitemap, rss

DETIK = get_portal("detik")
SPIDER = "detik"
SINCE, UNTIL = "2025-03-01", "2025-03-10"
WHEN = datetime(2025, 3, 4, 7, 15, tzinfo=WIB)
HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml"
CRAWL_ONLY_FIELDS = {"crawled_at", "run_id", "fetched_url", "story_id", "duplicate_of"}
"""What differs between a crawl and the clean extraction of the same page by design."""

_SENTENCES = (
    "Pemerintah daerah mencatat {n} laporan warga tentang jalan rusak di {place} sepanjang pekan ini.",
    "Kepala dinas mengatakan perbaikan akan dimulai setelah anggaran perubahan disetujui oleh dewan kota.",
    "Warga {place} berharap pekerjaan selesai sebelum musim hujan tiba agar kendaraan tidak terperosok lagi.",
    "Petugas sudah memasang rambu peringatan di titik yang paling berbahaya untuk pengendara sepeda motor.",
)
_PLACES = ("Bekasi", "Depok", "Bogor", "Tangerang", "Cilegon", "Serang", "Karawang", "Cikarang")


@dataclass
class Article:
    """One synthetic detik article; every field can be overridden to make it hostile."""

    n: int
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    published: str | None = ""
    """JSON-LD ``datePublished``; "" for the default, None for none."""
    visible_date: str = "Selasa, 04 Mar 2025 07:15 WIB"
    author: str = "Rizky Aditya Pratama"
    description: str = ""
    section: str = "Berita"
    tags: tuple[str, ...] = ("jalan rusak", "infrastruktur")
    caption: str = "Jalan berlubang di pinggiran kota. (Foto: detikcom)"
    meta_charset: str | None = "utf-8"
    canonical: str = ""
    ld_extra: dict[str, object] = field(default_factory=dict)
    """More JSON-LD properties (written with ASCII escapes, as many CMSs do)."""
    expect: dict[str, object] = field(default_factory=dict)
    """Fields the crawl writes differently from the clean extraction, by design."""

    def __post_init__(self) -> None:
        place = _PLACES[self.n % len(_PLACES)]
        self.title = self.title or f"Jalan Rusak di {place} Dikeluhkan Warga, Laporan Nomor {self.n}"
        self.paragraphs = self.paragraphs or [s.format(n=self.n, place=place) for s in _SENTENCES]
        if self.published == "":
            self.published = (WHEN + timedelta(minutes=self.n)).isoformat()
        self.description = self.description or f"Warga {place} mengeluhkan jalan rusak, laporan {self.n}."

    @property
    def url(self) -> str:
        return f"https://news.detik.com/berita/d-{7800000 + self.n}/jalan-rusak-laporan-{self.n}"

    @property
    def when(self) -> datetime:
        return WHEN + timedelta(minutes=self.n)

    def html(self) -> str:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": self.title}
        if self.published:
            ld["datePublished"] = self.published
        ld["author"] = {"@type": "Person", "name": self.author}
        ld.update(self.ld_extra)
        meta_charset = f'<meta charset="{self.meta_charset}">' if self.meta_charset else ""
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        tags = "".join(
            f'<a class="nav__item" href="https://www.detik.com/tag/x/">{html.escape(t)}</a>'
            for t in self.tags
        )
        e = html.escape
        return (
            f'<!DOCTYPE html><html lang="id-ID"><head>{meta_charset}'
            f"<title>{e(self.title)} - detikNews</title>"
            f'<meta name="description" content="{e(self.description)}">'
            f'<meta property="og:type" content="article">'
            f'<link rel="canonical" href="{e(self.canonical or self.url)}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>'
            f'</head><body><div class="page__breadcrumb"><a href="https://news.detik.com/">detikNews</a>'
            f'<a href="https://news.detik.com/berita">{e(self.section)}</a></div>'
            f'<article class="detail"><div class="detail__header">'
            f'<h1 class="detail__title">{e(self.title)}</h1>'
            f'<div class="detail__author">{e(self.author)} - <span>detikNews</span></div>'
            f'<div class="detail__date">{e(self.visible_date)}</div></div>'
            f'<div class="detail__media"><figure><img src="https://akcdn.detik.net.id/x/{self.n}.jpeg">'
            f'<figcaption class="detail__media-caption">{e(self.caption)}</figcaption></figure></div>'
            f'<div class="detail__body-text itp_bodycontent"><strong>Jakarta</strong> - {paragraphs}'
            f'<div class="detail__body-tag"><div class="nav">{tags}</div></div></div>'
            f"</article></body></html>"
        )

    def body(self, encoding: str = "utf-8") -> bytes:
        return self.html().encode(encoding)

    def expected(self) -> dict:
        """The record of the clean page (UTF-8, labelled right), as the crawl's extraction makes it."""
        page = FetchedPage(self.url, self.body(), HTML)
        return {**record_dict(extract_article([page], DETIK)), **self.expect}


class HostileSite:
    """A detik replica on a :class:`FaultServer`: good articles, bad URLs, and what announces them.

    Articles and bad URLs go into the first RSS feed unless told otherwise; every other feed and news
    sitemap of the portal is served empty, so the log holds only what a test provoked.
    """

    def __init__(self) -> None:
        self.server = FaultServer()
        self.good: list[Article] = []
        self.feed_items: list[tuple[str, str, datetime]] = []
        self.documents: dict[str, Route] = {}

    def article(
        self,
        n: int,
        *,
        announce: bool = True,
        encoding: str = "utf-8",
        content_type: str = HTML,
        serve: Callable[[Article], bytes] | None = None,
        **fields: object,
    ) -> Article:
        """A good article: served, announced, and expected in the output as its clean page gives it.

        The page is sent in ``encoding`` labelled ``content_type``, or as ``serve(article)`` makes it.
        """
        article = Article(n, **fields)  # type: ignore[arg-type]
        body = serve(article) if serve else article.body(encoding)
        self.server.add(article.url, Route(body, content_type))
        if announce:
            self.announce(article.url, article.title, article.when)
        self.good.append(article)
        return article

    def articles(self, count: int, start: int = 1) -> list[Article]:
        return [self.article(n) for n in range(start, start + count)]

    def page(
        self, url: str, body: bytes, content_type: str = HTML, *, announce: bool = True, **kw: object
    ) -> None:
        """A page served as given (not expected in the output unless a test says so)."""
        self.server.add(url, Route(body, content_type, **kw))  # type: ignore[arg-type]
        if announce:
            self.announce(url)

    def fault(self, url: str, fault: Fault, *, announce: bool = True) -> None:
        self.server.fault(url, fault)
        if announce:
            self.announce(url)

    def announce(self, url: str, title: str = "Berita", when: datetime = WHEN) -> None:
        self.feed_items.append((url, title, when))

    def document(self, url: str, body: bytes, content_type: str = XML, **headers: str) -> None:
        """A feed or sitemap served at ``url`` instead of the default one."""
        self.documents[url] = Route(body, content_type, headers=dict(headers))

    def publish(self) -> None:
        """Serve the feeds, sitemaps and robots.txt files (call once every page is added)."""
        feeds = {url: Route(rss([]), RSS) for url in DETIK.feeds}
        feeds[DETIK.feeds[0]] = Route(rss(self.feed_items), RSS)
        sitemaps = {url: Route(news_sitemap([]), XML) for url in DETIK.news_sitemaps}
        for url, route in {**feeds, **sitemaps, **self.documents}.items():
            self.server.add(url, route)
        for template in DETIK.index_pages:  # the dated index pages a backfill walks: no links
            self.server.add(
                template.split("?", 1)[0], Route(b"<html><body><h1>Indeks</h1></body></html>", HTML)
            )
        for host in {*DETIK.hosts, "rss.detik.com"}:
            self.server.add(f"https://{host}/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))


def rss_document(items: str, *, prolog: str = "") -> bytes:
    """An RSS 2.0 feed around hand-written ``<item>`` elements."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<rss version="2.0"><channel><title>replica</title>'
        f"{items}</channel></rss>"
    ).encode()


def rss_item(link: str | None, when: str = "Tue, 04 Mar 2025 07:15:00 +0700", title: str = "Berita") -> str:
    link_el = f"<link>{escape(link)}</link>" if link is not None else ""
    return f"<item><title>{escape(title)}</title>{link_el}<pubDate>{escape(when)}</pubDate></item>"
