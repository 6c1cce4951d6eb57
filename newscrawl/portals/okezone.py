"""okezone.com and its channels (news, nasional, megapolitan, economy, bola, sports, celebrity, ...).

Dossier section 8. Every channel is a host of its own serving one template: body ``div.c-detail.read``,
byline ``div.journalist`` (reporter link + ", Jurnalis-Kamis, 19 Juni 2025 |00:17 WIB"). ``?page=all``
merges every page into one body, pages separated by ``<div style="page-break-after: always">``;
``?page=N`` are the single pages (``#paging .box-nomor a.nomor``). JSON-LD ``datePublished`` carries
+07:00, ``dateModified`` has no zone (read as WIB). The body ends with the editor's full name in
parentheses ("(Nama Editor)"), a line that is furniture and the source of ``editors``.
``mpi.okezone.com`` republishes SINDOnews articles under ``/article/sindonews/{id}``: never an okezone
article. robots.txt disallows ``/more/*`` and ``/mmore/*``, which no rule here ever follows.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from newscrawl.extraction import metadata
from newscrawl.extraction.page import clean_text
from newscrawl.portals.base import Portal

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage

# "(Angkasa Yudhistira)": capitalised words alone in parentheses, case-sensitive even among the noise lines
# (compiled with re.I). Desk initials "(fru)" are shared noise.
_EDITOR_LINE = r"(?-i:\(\s*[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}\s*\))"
_EDITOR_LINE_RE = re.compile(rf"^{_EDITOR_LINE}$")

_INDEX_KANALS = ("news", "economy", "bola", "sports", "celebrity", "lifestyle")


class Okezone(Portal):
    id = "okezone"
    name = "Okezone"
    domains = ("okezone.com",)
    hosts = (
        "news.okezone.com",
        "nasional.okezone.com",
        "megapolitan.okezone.com",
        "economy.okezone.com",
        "bola.okezone.com",
        "sports.okezone.com",
        "celebrity.okezone.com",
        "women.okezone.com",
        "lifestyle.okezone.com",
        "health.okezone.com",
        "techno.okezone.com",
        "ototekno.okezone.com",
        "muslim.okezone.com",
        "edukasi.okezone.com",
    )
    site_names = ("okezone.com", "okezone", "okezone news", "mnc portal")

    # The numbered syndication feeds (0 = all channels).
    feeds = tuple(
        f"https://sindikasi.okezone.com/index.php/rss/{n}/RSS2.0" for n in (0, 1, 2, 11, 12, 13, 14, 16)
    )
    # Channel indexes: /indeks/Y/M/D/{offset}, ten articles a page (www.okezone.com/indeks is a 404).
    # Pages 2..n were seen live as /10, /20, ...; page 1 as /0 is assumed (the bare /indeks/Y/M/D is page 1).
    index_pages = tuple(f"https://{k}.okezone.com/indeks/{{date:%Y/%m/%d}}/{{offset}}" for k in _INDEX_KANALS)
    index_page_size = 10
    index_link_selector = ".group-brt-terkini a.desc-text, .group-brt-terkini a.img-section"

    article_url = r"^https?://[\w-]+\.okezone\.com/read/\d{4}/\d{2}/\d{2}/\d+/\d+(?:/[\w-]+)?"
    not_article_url = r"//(?:mpi|video|foto|index|img|cdn|redaksi)\.okezone\.com/|/(?:more|mmore)/"
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = "#paging .box-nomor a.nomor"

    body_selectors = ("div.c-detail.read", "div[itemprop=articleBody]")
    noise_selectors = (
        "#baca-juga",
        "#bacajuga",
        ".vicon",
        "#rctiplus",
        ".box-gnews",
        ".detads-bottom",
        ".detail-tag",
        ".video-wrap",
        ".iframe-banner",
        "[class^='inject-']",
        "[class^='banner']",
        "p[style='font-weight:bold;text-align:center;']",
    )
    title_selectors = ("div.title-article h1", "h1")
    author_selectors = ("div.journalist a[title]",)
    date_selectors = ("div.journalist span",)
    caption_selectors = ("div.img-article div.desc-foto",)
    section_selectors = ("div.breadcrumb a",)
    tag_selectors = ("#tag .box-tag a",)
    noise_lines = (
        _EDITOR_LINE,
        r"follow\s+berita\s+okezone\s+di\s+google\s+news\W*",
        r"telusuri\s+berita\s+\w+\s+lainnya.*",
    )

    def editors(self, page: ParsedPage) -> list[str]:
        """The editor's name, written in parentheses at the end of the body (a promo line may follow)."""
        for container in page.select(self.body_selectors)[:1]:
            lines = [clean_text(p.text_content()) for p in container.iter("p")]
            for line in [line for line in lines if line][-3:]:
                if _EDITOR_LINE_RE.match(line):
                    return metadata.person_names([line.strip("() ")], self)
        return metadata.editors(page, self)
