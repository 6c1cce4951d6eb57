"""viva.co.id (VIVA).

Dossier section 16. Articles are ``https://www.viva.co.id/{kanal}/[sub/]{id}-{slug}``; AMP copies live
under ``/amp/...`` (the canonical form drops the prefix). ``/vstory/`` holds reader posts and ``/foto/`` /
``/video/`` galleries: not articles. Page markup [CODE news-watch]: ``h1.main-content-title``,
``div.main-content-date`` "Sabtu, 8 Agustus 2020 | 09:21 WIB", ``div.main-content-author``, kanal
``a.breadcrumb-step.content_center``, body ``div.main-content-detail`` with "Baca Juga" boxes
``div.recommended-article`` and ``div.widget-other-article``. JSON-LD ``NewsArticle`` has no
``articleBody`` and an unreliable ``dateModified``. The body opens with the dateline "VIVA – "; real page
text shows in-body captions ending in their credit ("... Source: Dok. Pemprov DKI", "- VIVA/<name>"),
"Read more...", "Topik Terkait", "Saksikan Juga", "Terpopuler" and, in round-ups, "Baca selengkapnya di
sini."; the text pattern rules below drop those lines wherever they land.

Multi-page: ``?page=N``, every page fetched and stitched (``?page=all`` is listed by antisplitpage but
unverified, so it is not asked for). The pager's container class is not documented, so the rule is any
link carrying ``page=``: only links whose canonical URL is this article's are followed.

Discovery (public code, not the dossier): the news sitemap ``/sitemap/news/news-sitemap.xml`` and the RSS
feed ``/rss``. ``/indeks`` is server-rendered but neither dated nor paged (``?page=N`` does not work,
load-more is a POST), so there is no index walk.
"""

from newscrawl.portals.base import Portal


class Viva(Portal):
    id = "viva"
    name = "VIVA.co.id"
    domains = ("viva.co.id",)
    hosts = ("www.viva.co.id",)
    site_names = ("viva.co.id", "viva", "vivanews")

    feeds = ("https://www.viva.co.id/rss",)
    news_sitemaps = ("https://www.viva.co.id/sitemap/news/news-sitemap.xml",)

    article_url = r"^https?://(?:www\.)?viva\.co\.id/(?:[\w-]+/){1,3}\d{5,}-[\w-]+"
    not_article_url = r"viva\.co\.id/(?:amp/)?(?:vstory|foto|video|indeks|tag|search)/"
    # The bare domain serves the same articles (a real page-4 link used it); one canonical host.
    page_param = "page"
    next_page_selector = "a[href*='page=']"

    body_selectors = ("div.main-content-detail",)
    noise_selectors = ("div.recommended-article", "div.widget-other-article")
    title_selectors = ("h1.main-content-title", "h1")
    author_selectors = ("div.main-content-author a", "div.main-content-author")
    date_selectors = ("div.main-content-date",)
    section_selectors = ("a.breadcrumb-step.content_center",)
    noise_lines = (
        # a caption left as text, ending in its credit: "... di Balai Kota. Source: Dok. Pemprov DKI"
        r".{0,300}\s(?-i:Source)\s*:\s*[\w.&/ -]{2,60}",
        r"(?:.{0,300}\s)?[-–—]\s*VIVA(?:\.co\.id)?\s*/\s*[\w .'-]{2,60}",
        r"saksikan\s+juga\W*",
        r"terpopuler\W*",
        r"•\s*vstory",
    )
