"""detik.com and its channels (news, finance, health, sport, inet, hot, travel, oto, ...).

Dossier section 1. Body ``div.detail__body-text``; the dateline is a bare ``<strong>`` before the first
``<p>``; all pages of a multi-page article come with ``?single=1`` (page n is ``/{n}``).
"""

from newscrawl.portals.base import Portal


class Detik(Portal):
    id = "detik"
    name = "detikcom"
    domains = ("detik.com",)
    hosts = (
        "news.detik.com",
        "finance.detik.com",
        "health.detik.com",
        "sport.detik.com",
        "inet.detik.com",
        "hot.detik.com",
        "travel.detik.com",
        "oto.detik.com",
        "www.detik.com",
    )
    site_names = ("detikcom", "detik.com", "detiknews", "detikhealth", "detikfinance", "detik")

    feeds = (
        "https://rss.detik.com/index.php/detikcom",
        "https://news.detik.com/rss",
        "https://finance.detik.com/rss",
        "https://health.detik.com/rss",
        "https://sport.detik.com/rss",
        "https://inet.detik.com/rss",
        "https://hot.detik.com/rss",
        "https://travel.detik.com/rss",
        "https://oto.detik.com/rss",
    )
    news_sitemaps = (
        "https://news.detik.com/berita/sitemap_news.xml",
        "https://finance.detik.com/sitemap_news.xml",
    )

    index_pages = (
        "https://news.detik.com/indeks?page={page}&date={date:%m/%d/%Y}",
        "https://finance.detik.com/indeks?page={page}&date={date:%m/%d/%Y}",
    )
    index_link_selector = "article a.media__link, h3.media__title a"

    article_url = r"^https?://[\w-]+\.detik\.com/(?:[\w-]+/)*d-\d+/[\w-]+"
    not_article_url = r"//(20|foto|video)\.detik\.com/|/(foto-[\w-]+|video|detiktv|live)/"
    page_suffix = r"/\d{1,3}"
    single_page_params = {"single": "1"}
    next_page_selector = "div.detail__long-nav a.detail__anchor-numb"

    body_selectors = ("div.detail__body-text", "div.itp_bodycontent", "div.detail__body")
    noise_selectors = (
        "div.detail__body-tag",
        "div.detail__long-nav",
        "div.parallaxindetail",
        "table.linksisip",
        "div.lihatjg",
        ".noncontent",
        "a.embed",
        "div.sisip_embed_sosmed",
        "div.detail__multiple",
    )
    title_selectors = ("h1.detail__title", "h1")
    author_selectors = ("div.detail__author",)
    date_selectors = ("div.detail__date",)
    published_meta = ("dtk:publishdate", "publishdate", "dtk:publishdateunix")
    caption_selectors = ("figcaption.detail__media-caption", "div.detail__media figcaption")
    section_selectors = ("div.page__breadcrumb a",)
    tag_selectors = ("div.detail__body-tag a.nav__item", "div.detail__body-tag a")
    noise_lines = (r"artikel ini telah naik di detik\w+\.?", r"saksikan live detik\w+\s*:?.*")
