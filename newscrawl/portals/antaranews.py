"""antaranews.com, Kantor Berita ANTARA: the national site and its regional newsrooms.

Dossier section 10. Body ``div.wrap__article-detail-content.post-content``: text runs split by ``<br>``,
"Baca juga:" links in ``span.baca-juga``, dateline "Jakarta (ANTARA) - ". The body closes with a
``p.text-muted`` block "Pewarta: ... / Editor: ... / Copyright © ANTARA ... / Dilarang keras mengambil
konten ..." that is furniture, and the only place naming the reporter (Pewarta) and the editor. The visible
date is the last ``.list-inline-item`` of the article info (its format is not verified in the dossier; the
shared parser reads the usual "Senin, 21 Juli 2025 14:05 WIB"); JSON-LD ``datePublished`` comes first
where the page has it. ``?page=all`` serves every page in one response (no evidence for a page-link
selector, so none is followed).

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``): ``www.antaranews.com/berita/{id}/{slug}``;
the bare domain (the same article); regional newsrooms ``{jabar,sumut,mataram,lampung,...}.antaranews.com/
berita/{id}/{slug}`` with ids of their own, so they keep their host; the AMP page
``m.antaranews.com/amp/berita/{id}/{slug}`` (the canonical link names the www page; its body is read by the
generic path). ``en.antaranews.com`` is the English edition (not Indonesian: refused), and ``/video/``,
``/foto/``, ``/infografik/`` (also on regional hosts) are media pages.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from newscrawl.extraction import metadata
from newscrawl.extraction.text import iter_blocks
from newscrawl.portals.base import Portal

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage

_END_BLOCK = (
    "div.wrap__article-detail-content p.text-muted",
    "div.post-content p.text-muted",
    "article p.text-muted",  # the AMP page (m.antaranews.com/amp/berita/...)
)
_REPORTER = re.compile(r"^(?:pewarta|penulis|reporter)\s*:\s*(.+)$", re.I)
_EDITOR = re.compile(r"^(?:editor|redaktur)\s*:\s*(.+)$", re.I)


def _credit(page: ParsedPage, label: re.Pattern[str]) -> list[str]:
    """The names after a label in the end block ("Pewarta: A, B" / "Editor: C"), one label per line."""
    for block in page.select(_END_BLOCK):
        for line in iter_blocks(block):
            for part in line.split(" / "):
                if match := label.match(part.strip()):
                    return [match.group(1)]
    return []


class Antaranews(Portal):
    id = "antaranews"
    name = "ANTARA News"
    domains = ("antaranews.com",)
    # Regional newsrooms seen in public article URLs (the template is assumed to be the national one).
    hosts = ("www.antaranews.com", "jabar.antaranews.com", "sumut.antaranews.com", "mataram.antaranews.com")
    site_names = ("antaranews.com", "antara news", "antaranews", "kantor berita antara")

    # How firm each URL is: dossier section 10 cites them from public code (news-watch, a liquibase seed,
    # aturan_portal); a 2026 public SQL seed (ardikapras/content-aggregator) lists the same /rss/*.xml
    # family with more channels. None is verified live; robots.txt and the home page are read too.
    feeds = (
        "https://www.antaranews.com/rss/terkini.xml",  # firm: every latest article; in all sources
        "https://www.antaranews.com/rss/top-news.xml",  # likely: dossier + seed
        "https://www.antaranews.com/rss/politik.xml",  # likely: dossier + seed
        "https://www.antaranews.com/rss/hukum.xml",  # likely: dossier + seed
        "https://www.antaranews.com/rss/ekonomi-bisnis.xml",  # weak: dossier only (the seed has ekonomi.xml)
        "https://www.antaranews.com/rss/ekonomi.xml",  # likely: seed
    )
    # The "terkini" listing is paged, not dated: it reaches back as far as index_max_pages goes (the same
    # URLs formatted for later days of the window are dropped by Scrapy's duplicate filter).
    index_pages = ("https://www.antaranews.com/terkini?page={page}",)
    index_link_selector = "div.card__post a[href]"

    article_url = r"^https?://(?:[\w-]+\.)?antaranews\.com/berita/\d+/[\w-]+"
    not_article_url = r"antaranews\.com/(?:video|foto|infografik)/|//en\.antaranews\.com/"
    url_examples = {
        "https://antaranews.com/berita/3906723/bmkg-gempa-magnitudo-53-guncang-barat-daya-kaimana-papua-barat": "https://www.antaranews.com/berita/3906723/bmkg-gempa-magnitudo-53-guncang-barat-daya-kaimana-papua-barat",
        "https://jabar.antaranews.com/berita/472419/pj-gubernur-berharap-jabar-bebas-rabies-pada-2024": "https://jabar.antaranews.com/berita/472419/pj-gubernur-berharap-jabar-bebas-rabies-pada-2024",
        "https://m.antaranews.com/amp/berita/4985120/banjir-lahar-semeru-putus-akses-jalan-di-lumajang": "https://www.antaranews.com/berita/4985120/banjir-lahar-semeru-putus-akses-jalan-di-lumajang",
        "http://www.antaranews.com/berita/527613/indonesia-akan-terima-kunjungan-presiden-italia?utm_source=x": "https://www.antaranews.com/berita/527613/indonesia-akan-terima-kunjungan-presiden-italia",
    }
    non_article_examples = (
        "https://pon.antaranews.com/video/1234567/pembukaan-pon-di-aceh",
        "https://jatim.antaranews.com/foto/456789/banjir-di-sidoarjo",
        "https://en.antaranews.com/news/312345/indonesia-to-host-summit",
        "https://www.antaranews.com/terkini",
    )
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}

    body_selectors = ("div.wrap__article-detail-content.post-content", "div.post-content")
    noise_selectors = ("p.text-muted", "span.text-muted", ".baca-juga", "div.wrap__article-detail-image")
    title_selectors = ("h1.wrap__article-detail-title", ".wrap__article-detail-title h1", "h1")
    date_selectors = (
        "div.wrap__article-detail-info li.list-inline-item:last-child",
        "div.wrap__article-detail-info .text-secondary",
    )
    caption_selectors = ("div.wrap__article-detail-image figcaption",)
    section_selectors = ("ul.breadcrumbs li.breadcrumbs__item:nth-child(2)",)
    noise_lines = (r"\(?\s*antara\s*/\s*[^)]{2,80}\)?",)

    def authors(self, page: ParsedPage) -> list[str]:
        return metadata.person_names(_credit(page, _REPORTER), self) or metadata.authors(page, self)

    def editors(self, page: ParsedPage) -> list[str]:
        return metadata.person_names(_credit(page, _EDITOR), self) or metadata.editors(page, self)
