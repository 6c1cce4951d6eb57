"""kumparan.com: newsroom accounts (kumparanNEWS, kumparanBISNIS, ...) and contributors on one host.

Dossier section 12. Article URL ``kumparan.com/{account}/{slug}-{11-char id}`` (the id starts with two
digits); ``/channel/`` and ``/topic/`` pages are listings. The page is a React app with test-hook attributes:
title ``h1[data-qa-id=story-title]``, body ``p[data-qa-id=story-paragraph]`` (ads and image captions are
siblings, never inside), tags ``a[data-qa-id=tag-topic]``. ``[data-qa-id=author-name]`` is the publishing
account, not the reporter: the byline is JSON-LD ``author``. JSON-LD dates are UTC ("...Z") and are
converted to WIB; the visible ``time[data-qa-id=publish-date]`` (WIB) is the cross-check.
``og:description`` carries appended hashtags ("#newsupdate #news ..."); the record's description comes
from ``meta[name=description]``, which has none. No multi-page articles. robots.txt has no Disallow for
generic crawlers.
"""

from newscrawl.extraction.page import ParsedPage
from newscrawl.portals.base import Portal


class Kumparan(Portal):
    id = "kumparan"
    name = "kumparan"
    domains = ("kumparan.com",)
    home_host = "kumparan.com"
    hosts = ("kumparan.com",)
    site_names = ("kumparan.com", "kumparan")

    feeds = ("https://lapi.kumparan.com/v2.0/rss/",)
    # The sitemap index; it leads to the per-channel news sitemaps (sitemap_channel_news.xml, ...).
    news_sitemaps = ("https://kumparan.com/sitemap.xml",)

    article_url = r"^https?://kumparan\.com/[\w.-]+/[\w-]+-\d{2}[A-Za-z0-9]{9}/?(?:[?#]|$)"
    not_article_url = r"kumparan\.com/(?:channel|topic|search|trending)/"

    body_selectors = ("p[data-qa-id='story-paragraph']", "div.article-content")
    title_selectors = ("h1[data-qa-id='story-title']", "h1")
    date_selectors = ("time[data-qa-id='publish-date']",)
    caption_selectors = ("figcaption[data-qa-id='image-caption']",)
    tag_selectors = (
        "a[data-qa-id='tag-topic'] span[data-qa-id='label-tag-topic']",
        "a[data-qa-id='tag-topic']",
    )

    def section(self, page: ParsedPage) -> str | None:
        """The breadcrumb's channel (``/channel/...``); its other items are the publishing account."""
        for obj in page.jsonld:
            for element in obj.get("itemListElement") or () if obj.get("@type") == "BreadcrumbList" else ():
                item = element.get("item") if isinstance(element, dict) else None
                if isinstance(item, dict) and "/channel/" in str(item.get("@id", "")):
                    return str(item.get("name") or "").strip() or None
        return None
