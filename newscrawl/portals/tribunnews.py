"""tribunnews.com and the Tribun Network regional sites that share its template.

Dossier section 3. Two article URL shapes are live side by side: ``/{section}/YYYY/MM/DD/{slug}`` (also
``{zone}.tribunnews.com/YYYY/MM/DD/{slug}`` on the regional sites) and ``/{section}/{numericId}/{slug}``.
Body ``div.side-article.txt-article`` (the neighbouring ``div.side-article.mb5`` widget lacks
``txt-article``). Pages are ``?page=N``; ``?page=all`` serves every page. The credit line is
``div#penulis`` / ``div#editor`` ("Penulis: X", "Editor: Y"), or one line "Penulis: X | Editor: Y" on the
regional sites; JSON-LD ``author`` is the reporter. Dates: JSON-LD ``datePublished`` (+07:00), then the
visible ``time`` ("Senin, 4 Mei 2020 04:25 WIB").

Discovery: the site RSS (``/rss``) is broken, every ``<item><link>`` is the homepage, so it is not used;
the per-section Google-News sitemaps and the paged ``/index-news`` list are (page 11 and later repeat
page 10, so the list reaches only the newest ~200 articles; walking stops at the first page with nothing
new).

Access: CloudFront answers 403 to generic or custom User-Agents and 200 to a desktop-browser one
[LIVE-2026]. The spider therefore sends a desktop-browser User-Agent that still names this crawler and its
contact URL. robots.txt stays obeyed (it disallows ``/api/ /posts/ /ajax/ /json/ /auth/ /member/
/komentar/ /search /tag/ /topic/``, none of them article pages); if it ever forbids article pages, they
stay forbidden unless the operator overrides it.

Hosts: ``jateng`` and ``palu`` are evidenced by regional article text with the same credit line and
furniture; the other regional sites are the "Network" menu of the real 2020 tribunnews page, each a
``{zone}.tribunnews.com`` host (some may have moved to own domains since). ``video.tribunnews.com`` and the
``/video/``, ``/images/``, ``/foto/``, ``/webstories/`` routes have no article text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from newscrawl.extraction import metadata
from newscrawl.portals.base import Portal

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage

_EDITOR_PART = re.compile(r"^\s*(?:editor|penyunting)\b", re.I)


class Tribunnews(Portal):
    id = "tribunnews"
    name = "Tribunnews.com"
    domains = ("tribunnews.com",)
    hosts = (
        "www.tribunnews.com",
        "jateng.tribunnews.com",
        "palu.tribunnews.com",
        "jakarta.tribunnews.com",
        "wartakota.tribunnews.com",
        "bogor.tribunnews.com",
        "solo.tribunnews.com",
        "jatim.tribunnews.com",
        "madura.tribunnews.com",
        "jogja.tribunnews.com",
        "jabar.tribunnews.com",
        "cirebon.tribunnews.com",
        "surabaya.tribunnews.com",
        "banyumas.tribunnews.com",
        "bali.tribunnews.com",
        "banjarmasin.tribunnews.com",
        "palembang.tribunnews.com",
        "bangka.tribunnews.com",
        "batam.tribunnews.com",
        "jambi.tribunnews.com",
        "aceh.tribunnews.com",
        "kaltim.tribunnews.com",
        "lampung.tribunnews.com",
        "manado.tribunnews.com",
        "medan.tribunnews.com",
        "pontianak.tribunnews.com",
        "padang.tribunnews.com",
        "pekanbaru.tribunnews.com",
        "makassar.tribunnews.com",
        "sumsel.tribunnews.com",
        "kupang.tribunnews.com",
        "belitung.tribunnews.com",
        "suryamalang.tribunnews.com",
        "mataram.tribunnews.com",
        "ternate.tribunnews.com",
        "ambon.tribunnews.com",
        "papua.tribunnews.com",
    )
    site_names = (
        "tribunnews.com",
        "tribunnews",
        "tribun",
        "serambinews",
        "warta kota",
        "sriwijaya post",
        "banjarmasin post",
        "bangka pos",
        "pos kupang",
        "pos belitung",
    )

    feeds = ()  # www.tribunnews.com/rss links every item to the homepage [LIVE-2026]
    news_sitemaps = (
        "https://www.tribunnews.com/sitemap-news.xml",
        "https://www.tribunnews.com/nasional/sitemap-news.xml",
        "https://www.tribunnews.com/regional/sitemap-news.xml",
        "https://www.tribunnews.com/bisnis/sitemap-news.xml",
        "https://www.tribunnews.com/ekonomi/sitemap-news.xml",
    )
    index_pages = ("https://www.tribunnews.com/index-news?page={page}",)
    index_link_selector = "ul.lsi li h3 a"
    index_max_pages = 10  # page 11 and later repeat page 10

    # Desktop-browser User-Agent: CloudFront refuses others with 403. It still names the crawler and its
    # contact; robots.txt is obeyed as everywhere else (ROBOTSTXT_OBEY stays True).
    spider_settings: ClassVar[dict[str, object]] = {
        "USER_AGENT": (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 "
            "Safari/537.36 (compatible; newscrawl/0.1; +https://github.com/newscrawl/newscrawl)"
        ),
    }

    article_url = r"^https?://[\w-]+\.tribunnews\.com/(?:[\w-]+/)*(?:\d{4}/\d{2}/\d{2}|\d{5,})/[\w-]+"
    not_article_url = r"//video\.tribunnews\.com/|\.tribunnews\.com/(?:video|images|foto|webstories)/"
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    # 2020: div.paging "Halaman" + a[href*=page=N]; 2026: div.paging > span.total-page + a[rel=page-N]. One
    # selector, no comma: the spider appends ::attr(href), which would bind to the last alternative only.
    next_page_selector = "div.paging a"

    body_selectors = ("div.side-article.txt-article",)
    noise_selectors = (
        "p.baca",
        "blockquote.summary-article",
        "div.ads-placeholder",
        "[id^='div-Inside']",
        "[id^='div-BelowImages']",
    )
    title_selectors = ("h1#arttitle", "h1")
    # The credit line: read together by authors()/editors() below, which split "Penulis: X | Editor: Y".
    author_selectors = ("#penulis",)
    editor_selectors = ("#editor",)
    date_selectors = ("time.grey", "time")
    caption_selectors = ("#artimg div.grey2", "#artimg figcaption")
    section_selectors = ("ul[itemtype$='BreadcrumbList'] span[itemprop='name']",)
    tag_selectors = ("h5.tagcloud3 a",)
    noise_lines = (
        # cross-post credit left as its own line: "(Kompas.com/Nama Penulis)", "(Tribunnews.com/Nama)"
        r"\(\s*(?:[\w-]+\.)+(?:com|co\.id|id|net)\s*/\s*[^()]{2,80}\)",
    )

    def _credited(self, page: ParsedPage, *, editors: bool) -> list[str]:
        """Names from the credit line, split into its "Penulis: ..." and "Editor: ..." parts."""
        credit = ", ".join((*self.author_selectors, *self.editor_selectors))
        parts = [part for text in page.texts((credit,)) for part in text.split("|")]
        wanted = [part for part in parts if bool(_EDITOR_PART.match(part)) == editors]
        return metadata.person_names(wanted, self)

    def authors(self, page: ParsedPage) -> list[str]:
        return self._credited(page, editors=False) or metadata.authors(page, self)

    def editors(self, page: ParsedPage) -> list[str]:
        return self._credited(page, editors=True)
