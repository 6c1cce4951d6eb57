"""cnnindonesia.com: ``www.cnnindonesia.com/{kanal}/{YYYYMMDDHHmmss}-{kanalId}-{id}/{slug}``.

Dossier section 5 (the detik CMS family). Body ``div.detail-text`` (older ``div.detail_text``). The dateline
``<strong>Jakarta, CNN Indonesia</strong> --`` is a bare element before the first ``<p>`` (the shared core
joins it to the first paragraph). In-body furniture: the parallax ad ``div.paradetail`` ("ADVERTISEMENT" /
"SCROLL TO CONTINUE WITH CONTENT"), ``table.linksisip`` "Lihat Juga :" boxes, the ``a.embed.videocnn``
video embed, the sign-off ``<strong>(agt)</strong>``, ``div.end-of-article``, ``div.newstag`` and the
"Add as a preferred source on Google" link (``a.border``). The byline usually reads only "CNN Indonesia"
and JSON-LD ``author.name`` is often empty, so most records have no author. Visible date
"Selasa, 29 Jul 2025 07:05 WIB" cross-checks JSON-LD. Tags: the "TOPIK TERKAIT" box.

Discovery: RSS (site and per kanal) and the dated per-kanal index
``/{kanal}/indeks/{kanalId}?date=YYYY/MM/DD&page=N`` (``tv`` left out: video). Multi-page articles are rare;
``?page=all`` serves all pages (verified in the URL matrix). Scope is ``www`` only (``tv.`` is video).
"""

from typing import ClassVar

from newscrawl.portals.base import Portal

_KANALS = {
    "nasional": 3,
    "internasional": 6,
    "ekonomi": 5,
    "olahraga": 7,
    "teknologi": 8,
    "otomotif": 577,
    "edukasi": 559,
    "hiburan": 9,
    "gaya-hidup": 10,
}
_RSS_KANALS = ("nasional", "internasional", "ekonomi", "teknologi", "olahraga", "hiburan", "gaya-hidup")


class CnnIndonesia(Portal):
    id = "cnnindonesia"
    name = "CNN Indonesia"
    domains = ("cnnindonesia.com",)
    hosts = ("www.cnnindonesia.com",)
    site_names = ("cnnindonesia.com", "cnn indonesia", "cnnindonesia")

    feeds = (
        "https://www.cnnindonesia.com/rss",
        *(f"https://www.cnnindonesia.com/{kanal}/rss" for kanal in _RSS_KANALS),
    )
    index_pages = tuple(
        f"https://www.cnnindonesia.com/{kanal}/indeks/{kanal_id}?date={{date:%Y/%m/%d}}&page={{page}}"
        for kanal, kanal_id in _KANALS.items()
    )
    index_link_selector = "article a[href]"

    article_url = r"^https?://www\.cnnindonesia\.com/[\w-]+/\d{14}-\d+-\d+/[\w-]+"
    not_article_url = r"//tv\.cnnindonesia\.com/|cnnindonesia\.com/tv/"
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}

    body_selectors = ("div.detail-text", "div.detail_text")
    noise_selectors = (
        "div.paradetail",
        "a.embed",
        "div.end-of-article",
        "div.newstag",
        "a.border",
        "[id^='div-gpt-ad']",
    )
    title_selectors = ("h1.text-cnn_black", "h1")
    author_selectors = ("h1 + div.text-cnn_black_light3",)
    date_selectors = ("div.text-cnn_grey.text-sm",)
    section_selectors = ("a.gtm_breadcrumb_kanal",)
    tag_selectors = ("a[dtr-sec='topik terkait']",)
    noise_lines = (r"add\s+as\s+a\s+preferred\s+source\s+on\s+google\W*",)
