"""kontan.co.id and its channels (investasi, keuangan, nasional, insight, ...).

Dossier section 20. Article URLs are ``{kanal}.kontan.co.id/news/{slug}``; ``?page=all`` serves every page
(``?page=N`` is page N, links in ``.pagination``). Body ``div.tmpt-desk-kon[itemprop=articleBody]``:

* its first ``<p>`` is the byline "Reporter: A, B | Editor: C": reporters and editor are read from it
  (:meth:`Kontan.authors`, :meth:`Kontan.editors`) and the shared byline line rule keeps it out of the body;
* the dateline opens the text as "KONTAN.CO.ID - JAKARTA." (a full stop, not a dash);
* ``<p>``/``<h2>`` holding an ``a[class^=track-]`` are related links ("Baca Juga:"), and the article text
  ends at the HTML comment ``<!-- pagination end -->``. CSS cannot see comments, so everything after the
  block holding ``.pagination`` is cut, and, for single-page stories without that block, everything from
  the Google News line (``a.track-gnews``, the first block after the comment) on, plus the widgets public
  scrapers strip there (share bar, donation box, ``[d-widget]`` and partner boxes);
* ``insight.kontan.co.id`` stories are paywalled: the free part is the article, the subscription teaser
  ("Ini Artikel Spesial", "Agar bisa lanjut membaca ...", "Sudah berlangganan? Masuk", "Berlangganan ...")
  is furniture.

The visible date ``div.fs14.ff-opensans.font-gray`` reads "Selasa, 25 Februari 2020 | 09:55 WIB".

Feeds: ``www.kontan.co.id/feed`` is the dossier's, but two public feed registries that fetched it report
it dead (it answers with the HTML home page, even to a browser user agent), so it is not registered; the
channel feeds on ``rss.kontan.co.id/news/{kanal}`` are read instead (not in the dossier), and the sitemap
index ``www.kontan.co.id/sitemap.xml`` (Google-News sub-sitemaps, read by several public scrapers). No
dated index exists (the site search is keyword-driven), so there is no backfill template.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``): ``{kanal}.kontan.co.id/news/{slug}`` on
the channel hosts (investasi, keuangan, nasional, industri, internasional, lifestyle, personalfinance,
stocksetup, insight, ...), which keep their host: they are channels of one newsroom, not aliases.
``www.kontan.co.id/news/{slug}`` also serves articles (public scrapers fetch such URLs); the bare domain
and ``m.`` map to it. AMP: ``amp.kontan.co.id/news/{slug}`` (public links 2020-2026) drops the channel, so
its canonical form is a guess, ``www.kontan.co.id/news/{slug}``; the fetched AMP page's canonical link
names the channel page, and the record takes that. An ``/amp/`` path on a channel host (no public
evidence; the shared code drops such a prefix) would give the channel page. No older format was found. Not articles: ``foto.kontan.co.id`` (the image CDN), ``rss.`` (feeds), search, tag and index pages.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from newscrawl.extraction import metadata
from newscrawl.portals.base import Portal

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage

# The byline is the first <p> of the body; a few are checked in case an image or ad block comes first.
_BYLINE_SELECTORS = ("div.tmpt-desk-kon > p", "[itemprop=articleBody] > p")
_BYLINE = re.compile(r"^reporter\s*:\s*(?P<reporters>.*?)\s*(?:\|\s*editor\s*:\s*(?P<editors>.*))?$", re.I)


class Kontan(Portal):
    id = "kontan"
    name = "KONTAN"
    domains = ("kontan.co.id",)
    hosts = ("www.kontan.co.id", "investasi.kontan.co.id", "insight.kontan.co.id")
    site_names = ("kontan.co.id", "kontan")

    # How firm each URL is (none verified live; robots.txt and the home page are read too).
    feeds = (
        "https://rss.kontan.co.id/news/nasional",  # likely: public feed configurations, 2025-2026
        "https://rss.kontan.co.id/news/keuangan",  # likely: public feed configurations, 2025-2026
        "https://rss.kontan.co.id/news/investasi",  # likely: public feed configurations, 2025-2026
    )
    # likely: a sitemap index of Google-News sub-sitemaps, read by several public scrapers (2025-2026)
    news_sitemaps = ("https://www.kontan.co.id/sitemap.xml",)

    article_url = r"^https?://[\w-]+\.kontan\.co\.id/news/[\w-]+"
    not_article_url = r"//(?:foto|rss)\.kontan\.co\.id(?:[:/?#]|$)"
    url_examples = {
        "https://investasi.kontan.co.id/news/bursa-asia-merah-ihsg-terjun-bebas-538": "https://investasi.kontan.co.id/news/bursa-asia-merah-ihsg-terjun-bebas-538",
        "https://stocksetup.kontan.co.id/news/ihsg-positif-7-indeks-sektoral-ijo-bahkan-ada-yang-naik-lebih-3?page=all": "https://stocksetup.kontan.co.id/news/ihsg-positif-7-indeks-sektoral-ijo-bahkan-ada-yang-naik-lebih-3",
        "https://insight.kontan.co.id/news/saham-mid-caps-dan-small-caps-jadi-penopang-ihsg": "https://insight.kontan.co.id/news/saham-mid-caps-dan-small-caps-jadi-penopang-ihsg",
        "https://amp.kontan.co.id/news/sejak-maret-kapitalisasi-pasar-ihsg-bertumbuh-818": "https://www.kontan.co.id/news/sejak-maret-kapitalisasi-pasar-ihsg-bertumbuh-818",
        "https://investasi.kontan.co.id/amp/news/bursa-asia-merah-ihsg-terjun-bebas-538": "https://investasi.kontan.co.id/news/bursa-asia-merah-ihsg-terjun-bebas-538",
        "http://kontan.co.id/news/pasar-lesu-adira-proyeksikan-pertumbuhan-pembiayaan-baru-low-single-digit-pada-2025": "https://www.kontan.co.id/news/pasar-lesu-adira-proyeksikan-pertumbuhan-pembiayaan-baru-low-single-digit-pada-2025",
    }
    non_article_examples = (
        "https://foto.kontan.co.id/-YMHLOcBh3W8AzW_tiq9-3T9QCM=/smart/2020/08/18/1751399625p",
        "https://rss.kontan.co.id/news/investasi",
        "https://www.kontan.co.id/search/?search=rights+issue&per_page=20",
        "https://www.kontan.co.id/tag/ihsg",
        "https://investasi.kontan.co.id/",
    )
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = ".pagination a"

    body_selectors = (
        "div.tmpt-desk-kon[itemprop=articleBody]",
        "div.tmpt-desk-kon",
        "[itemprop=articleBody]",
    )
    noise_selectors = (
        # everything after <!-- pagination end -->: after the page links, or the Google News line on
        "div.tmpt-desk-kon > .pagination ~ *",
        "div.tmpt-desk-kon > :has(.pagination) ~ *",
        "div.tmpt-desk-kon > :has(a.track-gnews) ~ *",
        "p:has(a[class^='track-'])",
        "h2:has(a[class^='track-'])",
        "#share-it",
        ".boxdonasi",
        "[d-widget]",
        ".heightads250",
        ".ads-partner-wrap",
        ".kgnw-root",
    )
    title_selectors = ("h1.detail-desk", "h1")
    date_selectors = ("div.fs14.ff-opensans.font-gray",)
    caption_selectors = (".img-detail-desk figcaption", "article figure figcaption")  # desktop, AMP
    section_selectors = ("div.breadcumb a",)
    noise_lines = (
        r"berlangganan(\s+(sekarang|dengan\s+\w+))?\W*",
        r"sudah\s+berlangganan\W*(masuk|login)?\W*",
    )

    def _byline(self, page: ParsedPage) -> re.Match[str] | None:
        for text in page.texts(_BYLINE_SELECTORS)[:3]:
            if match := _BYLINE.match(text):
                return match
        return None

    def authors(self, page: ParsedPage) -> list[str]:
        if (match := self._byline(page)) and (found := metadata.person_names([match["reporters"]], self)):
            return found
        return super().authors(page)

    def editors(self, page: ParsedPage) -> list[str]:
        if (match := self._byline(page)) and match["editors"]:
            return metadata.person_names([match["editors"]], self)
        return super().editors(page)
