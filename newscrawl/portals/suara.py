"""suara.com (Suara.com) and the Suara regional sites that share its date-path URLs.

Dossier section 13. Articles are ``https://www.suara.com/{kanal}/YYYY/MM/DD/HHMMSS/{slug}``; the regional
sites write ``https://{region}.suara.com/read/YYYY/MM/DD/HHMMSS/{slug}``. ``yoursay.suara.com`` (reader
posts) is out of scope. JSON-LD ``NewsArticle`` holds the metadata only (no ``articleBody``); the GTM
``dataLayer`` ``articleDate`` has no zone (WIB). Body ``div.article-content`` (older
``article.detail-content`` / ``div.detail-content``); title ``.article-image h1``; reporters
``.author-trigger a``; visible date "Jum'at, 24 Juli 2026 | 07:08 WIB". The body carries the
"baca 10 detik" box ``.ten-second`` (repeated on every page), "Baca Juga" boxes ``.article-read``, ad
slots ``[id*=div-ad]`` / ``.placeholder_belt`` / ``.placeholder_read_body`` and the ``#next-article``
overlay. ``.article-tags`` prints tags with a "# " prefix, so tags come from the ``keywords`` meta.

Multi-page: ``?page=2, 3 ...`` (``.pagination-custom``); ``?page=all`` serves every page at once
(antisplitpage; the spider still follows any page link the response shows).

Discovery: RSS ``/rss`` and ``/rss/{kanal}`` (berita-indo-api); ``/indeks?page=N`` (~20 a page, not dated,
walked for backfill); robots forbids ``/loadmoredetail?``, never requested. Regional hosts: only those
with real article URLs seen in public code in the ``/read/`` shape above (the news-watch scraper parses
``jogja.suara.com`` with the same rules as www); their sitemaps ``/static/news/{region}-sitemap.xml`` come
from a public list of the Suara network (public code, not the dossier). That list names 20 regional
sites; the others are not claimed until a page of theirs is seen.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal

_REGIONS = ("jogja", "jateng", "surakarta", "kalbar", "sumut")


class Suara(Portal):
    id = "suara"
    name = "Suara.com"
    domains = ("suara.com",)
    hosts = ("www.suara.com", *(f"{region}.suara.com" for region in _REGIONS))
    site_names = ("suara.com", "suara", *(f"suara{region}.id" for region in _REGIONS))

    feeds = (
        "https://www.suara.com/rss",
        "https://www.suara.com/rss/news",
        "https://www.suara.com/rss/bisnis",
        "https://www.suara.com/rss/lifestyle",
        "https://www.suara.com/rss/entertainment",
        "https://www.suara.com/rss/otomotif",
        "https://www.suara.com/rss/tekno",
        "https://www.suara.com/rss/health",
    )
    news_sitemaps = tuple(
        f"https://{region}.suara.com/static/news/{region}-sitemap.xml" for region in _REGIONS
    )

    # Not dated: every day of a backfill asks for the same pages, which Scrapy's duplicate filter drops.
    index_pages = ("https://www.suara.com/indeks?page={page}",)

    article_url = r"^https?://(?!yoursay\.)[\w-]+\.suara\.com/[\w-]+/\d{4}/\d{2}/\d{2}/\d{6}/[\w-]+"
    not_article_url = r"//yoursay\.suara\.com/|\.suara\.com/(?:foto|video|tag|indeks|search)/"
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = ".pagination-custom a"

    body_selectors = ("div.article-content", "article.detail-content", "div.detail-content")
    noise_selectors = (
        ".ten-second",
        ".article-read",
        "[id*='div-ad']",
        ".placeholder_belt",
        ".placeholder_read_body",
        "#next-article",
        ".next-article",
        ".wrap-pagination",
        ".article-tags",
        "[class*='baca-juga']",
    )
    title_selectors = (".article-image h1", "h1")
    author_selectors = (".author-trigger a",)
    date_selectors = (".article-image span",)
