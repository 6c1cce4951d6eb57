"""republika.co.id and its channel and regional hosts (news, ekonomi, khazanah, rejabar, rejogja, ...).

Dossier section 11. Article URL ``{kanal}.republika.co.id/berita/{9-char code}/{slug}`` (a malformed
``/berita//{code}/`` also occurs). Body ``div.article-content article``; paragraphs arrive as malformed
``<p class="b2"> <p>text</p></p>``, which the HTML parser turns into siblings; "Baca Juga" boxes
(``.picked-article``), ad widgets (``[id^=bn_]``), "Loading..." and "Ikuti Whatsapp Channel Republika"
sit between them. JSON-LD ``author`` is the EDITOR ("Red:"): reporters and editor are read from the byline
"Rep: X / Red: Y" instead. The body is not paginated; ``#next-article`` scrolls to a different article.

robots.txt: Republika's robots.txt disallows everything (``Disallow: /``) for a list of named crawlers,
among them ``Scrapy``; the ``User-agent: *`` group allows articles. This crawler's default User-Agent
("newscrawl/...") is not one of the named bots, so robots.txt is obeyed exactly as written and allows the
crawl. It stays obeyed: this module sets nothing. If Republika adds a group that names this crawler, its
spider fetches nothing; only the operator can decide otherwise (with Republika's permission, by running
with their own ``-s USER_AGENT=...`` or ``-s ROBOTSTXT_OBEY=False``), never this module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscrawl.extraction import metadata
from newscrawl.portals.base import Portal

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage

_BYLINE = ("div.max-card__title > div", "div.max-card__title")
_REPORTERS = re.compile(r"\bRep\s*:\s*(.+?)\s*(?:/\s*Red\s*:|$)", re.I)
_EDITOR = re.compile(r"\bRed\s*:\s*(.+?)\s*$", re.I)


def _byline(page: ParsedPage, label: re.Pattern[str]) -> list[str]:
    for text in page.texts(_BYLINE):
        if match := label.search(text):
            return [match.group(1)]
    return []


class Republika(Portal):
    id = "republika"
    name = "Republika Online"
    domains = ("republika.co.id",)
    hosts = (
        "www.republika.co.id",
        "news.republika.co.id",
        "ekonomi.republika.co.id",
        "khazanah.republika.co.id",
        "iqra.republika.co.id",
        "rejabar.republika.co.id",
        "rejogja.republika.co.id",
        "ameera.republika.co.id",
        "visual.republika.co.id",
        "esgnow.republika.co.id",
    )
    site_names = ("republika.co.id", "republika online", "republika")

    feeds = ("https://www.republika.co.id/rss",)
    news_sitemaps = ("https://republika.co.id/files/xml/sitemap.xml",)
    # The dated GET form of the index (the /indeks "next" button is a POST): 50 articles a page.
    index_pages = ("https://republika.co.id/index/{offset}/{date:%Y/%m/%d}",)
    index_page_size = 50

    article_url = r"^https?://(?:[\w-]+\.)?republika\.co\.id/berita/+[a-z0-9]{6,14}/[\w-]+"
    not_article_url = r"/berita/+serial/|//(?:static|files)\.republika\.co\.id/"

    body_selectors = ("div.article-content article", "div.article-content")
    noise_selectors = (
        ".picked-article",
        "[id^='bn_']",
        "#next-article",
        "#loading",
        "#scroll-trigger",
        ".footnote-wrap",
    )
    title_selectors = ("div.max-card__title h1", "h1")
    author_from_jsonld = False
    date_selectors = ("div.date-item__headline", "div.date")
    caption_selectors = ("figcaption .caption-img", "figcaption.detail__media-caption")
    section_selectors = ("ul.breadcrumb li a",)

    def authors(self, page: ParsedPage) -> list[str]:
        """Reporters from "Rep: X / Red: Y" (JSON-LD ``author`` is the editor)."""
        return metadata.person_names(_byline(page, _REPORTERS), self)

    def editors(self, page: ParsedPage) -> list[str]:
        return metadata.person_names(_byline(page, _EDITOR), self)
