"""sindonews.com and its channels (nasional, daerah, ekbis, international, sports, ...).

Dossier section 7. The body ``div#detail-desc`` has no ``<p>``: text runs are split by ``<br>``.
Every article offers ``?showpage=all``; page n is a trailing ``/{n}`` path segment (not an id).
JSON-LD is on page 1 only, so metadata is always read from the first page.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal


class Sindonews(Portal):
    id = "sindonews"
    name = "SINDOnews"
    domains = ("sindonews.com",)
    hosts = (
        "nasional.sindonews.com",
        "daerah.sindonews.com",
        "ekbis.sindonews.com",
        "international.sindonews.com",
        "sports.sindonews.com",
        "kalam.sindonews.com",
        "edukasi.sindonews.com",
        "lifestyle.sindonews.com",
        "otomotif.sindonews.com",
        "tekno.sindonews.com",
        "metro.sindonews.com",
        "sains.sindonews.com",
        "www.sindonews.com",
    )
    site_names = ("sindonews.com", "sindonews", "sindo")

    feeds = (
        "https://www.sindonews.com/feed",
        "https://nasional.sindonews.com/rss",
        "https://ekbis.sindonews.com/rss",
        "https://international.sindonews.com/rss",
        "https://daerah.sindonews.com/rss",
        "https://sports.sindonews.com/rss",
    )
    news_sitemaps = (
        "https://nasional.sindonews.com/sitemap-news.xml",
        "https://sports.sindonews.com/sitemap-news.xml",
    )

    index_pages = ("https://www.sindonews.com/indeks/0/{offset}?t={date:%Y-%m-%d}",)
    index_page_size = 20

    article_url = (
        r"^https?://(?!(?:e|pict|hi-lite|scope|media)\.)[\w-]+\.sindonews\.com/read/\d+/\d+/[\w-]+-\d{9,11}"
    )
    page_suffix = r"/\d{1,2}"
    single_page_params: ClassVar[dict[str, str]] = {"showpage": "all"}
    next_page_selector = ".paging-artikel a"

    body_selectors = ("div#detail-desc", "div.detail-desc")
    noise_selectors = (
        ".editor",
        "[class^='v-']",
        ".paging-artikel",
        ".paging-all",
        "[class^='baca-juga']",
        "[class^='lihat-juga']",
        "[class^='related']",
        ".detail-img",
        ".caption",
    )
    title_selectors = ("h1.detail-title", "h1")
    author_selectors = (
        ".detail-nama-redaksi a[rel=author]",
        ".detail-nama-redaksi a",
        ".warp-nama-redaksi a",
    )
    date_selectors = (".detail-date-artikel",)
    caption_selectors = (".detail-img .caption", ".detail-img figcaption")
    section_selectors = ()
    tag_selectors = (".detail-tag a", ".tag-list a")
