"""jpnn.com (JPNN, Jawa Pos group).

Dossier section 18; one real page (a 2022 Wayback capture of the 2021/22 template) in ``realpages/jpnn``.
Articles are ``https://www.jpnn.com/news/{slug}``. Title ``h1.judul``; visible date
``span.date-publish[itemprop=datePublished]`` "Minggu, 18 Juli 2021 – 18:52 WIB" (en dash); JSON-LD
``NewsArticle`` with ``datePublished`` +07:00 (newer pages: ``meta[name=jpnncom_news_pubdate]``
"24 April 2026 20:05", no zone, and ``meta[name=jpnncom_news_author]``). The body
``div[itemprop=articleBody]`` opens with the dateline "jpnn.com, JAKARTA - " inside the first ``<p>``,
holds ``div.baca-juga`` boxes and GPT ad slots, and ends with the sign-off "(boy/jpnn)" followed, in the
same ``<p>``, by "Yuk, Simak Juga Video ini!" and a YouTube iframe. After the body: an ``h4`` summary and
``p.waktu`` "Redaktur & Reporter : Boy" (or "Redaktur : X" and "Reporter : Y"), read by the small
``authors()``/``editors()`` overrides below, then ``div.pagination``.

Multi-page: ``?page=N`` links in ``div.pagination``; jpnn has no all-pages parameter, so every page is
fetched and stitched. Discovery: the RSS feeds the article pages announce (``fullrss.jpnn.com/discover``
per channel, ``index.php?mib=rss``). Regional sites (jatim., jabar., ... .jpnn.com) use another URL shape
(``/{kanal}/{id}/{slug}``) and no page of theirs was seen: not claimed here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscrawl.extraction import metadata
from newscrawl.portals.base import Portal

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage

# "Redaktur & Reporter : Boy", "Redaktur : Adek", "Reporter : Fathan Sinaga": label(s), colon, name.
_CREDIT = re.compile(
    r"(?P<labels>(?:redaktur|reporter|penulis|editor)(?:\s*(?:&|dan|/)\s*(?:redaktur|reporter|penulis|editor))*)"
    r"\s*:\s*(?P<name>.+?)(?=\s*(?:redaktur|reporter|penulis|editor)\b[^:]{0,20}:|$)",
    re.I,
)
_REPORTER_LABELS = re.compile(r"reporter|penulis", re.I)
_EDITOR_LABELS = re.compile(r"redaktur|editor", re.I)


class Jpnn(Portal):
    id = "jpnn"
    name = "JPNN.com"
    domains = ("jpnn.com",)
    hosts = ("www.jpnn.com",)
    site_names = ("jpnn.com", "jpnn", "jpnn com")

    feeds = (
        "https://fullrss.jpnn.com/discover",
        "https://fullrss.jpnn.com/discover/nasional",
        "https://www.jpnn.com/index.php?mib=rss",
    )

    article_url = r"^https?://(?:www\.|m\.)?jpnn\.com/news/[\w-]+"
    page_param = "page"
    next_page_selector = "div.pagination a[href*='page=']"

    body_selectors = ("div[itemprop=articleBody]",)
    noise_selectors = ("div.baca-juga",)
    title_selectors = ("h1.judul", "h1")
    author_meta = ("jpnncom_news_author",)
    date_selectors = ("span.date-publish",)
    caption_selectors = ("div.page-content div.caption", "div.caption")
    section_selectors = ("div.breadcrumb a:not(:last-child)",)
    tag_selectors = ("div.tags a[rel=tag]:not(.text-tags)",)

    def _credits(self, page: ParsedPage, labels: re.Pattern[str]) -> list[str]:
        raw = []
        for text in page.texts(("p.waktu",)):
            for match in _CREDIT.finditer(text):
                if labels.search(match["labels"]):
                    raw.append(match["name"])
        return metadata.person_names(raw, self)

    def authors(self, page: ParsedPage) -> list[str]:
        return self._credits(page, _REPORTER_LABELS) or metadata.authors(page, self)

    def editors(self, page: ParsedPage) -> list[str]:
        return self._credits(page, _EDITOR_LABELS)
