"""kompas.com and its channels (nasional, regional, money, tekno, bola, ...).

Dossier section 2. Body ``div.read__content``; ``?page=all`` serves every page; JSON-LD and
``article:published_time`` are in UTC while ``content_PublishedDate`` is WIB; JSON-LD ``author`` is the
editor.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal


class Kompas(Portal):
    id = "kompas"
    name = "Kompas.com"
    domains = ("kompas.com",)
    hosts = (
        "www.kompas.com",
        "nasional.kompas.com",
        "regional.kompas.com",
        "money.kompas.com",
        "tekno.kompas.com",
    )
    site_names = ("kompas.com", "kompas", "kompas cyber media")

    feeds = (
        "https://www.kompas.com/rss",
        "https://rss.kompas.com/nasional",
        "https://regional.kompas.com/rss",
        "https://money.kompas.com/rss",
        "https://tekno.kompas.com/rss",
    )
    news_sitemaps = ("https://www.kompas.com/sitemap-news.xml",)

    index_pages = ("https://indeks.kompas.com/?site=all&date={date:%Y-%m-%d}&page={page}",)
    index_link_selector = "div.articleItem a.article-link, a.article__link"

    article_url = r"^https?://[\w-]+\.kompas\.com/read/\d{4}/\d{2}/\d{2}/\d+/[\w.-]+"
    not_article_url = r"//(video|vik|jeo|foto)\.kompas\.com/|/image/\d{4}/"
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = "div.read__paging a.paging__link:not(.paging__link--show)"

    body_selectors = ("div.read__content",)
    noise_selectors = (
        "a.inner-link-baca-juga",
        "span.ads-on-body",
        "div.video",
        "span.liftdown_v2_tanda",
        "[class^='inject-baca-juga']",
        "[class^='kompasidRec']",
        "div.fb-quote",
    )
    title_selectors = ("h1.read__title", "h1")
    author_meta = ("content_author",)
    # The credit modal labels each person ("Penulis", "Kontributor <kota>", "Editor"); the short credit line
    # above it lists reporters and editor alike, so it is only the last resort.
    author_selectors = (
        "div.creditModal div.credit-author:not(:contains('Editor')) h6.credit-author-name",
        "div.credit-title-name h6",
    )
    author_from_jsonld = False
    editor_meta = ("content_editor",)
    editor_selectors = ("div.creditModal div.credit-author:contains('Editor') h6.credit-author-name",)
    date_selectors = ("div.read__time",)
    published_meta = ("content_PublishedDate", "article:published_time")
    caption_selectors = ("div.photo__caption",)
    section_meta = ("content_category",)
    tag_selectors = ("ul.tag__article__wrap a.tag__article__link",)
