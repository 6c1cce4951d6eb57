"""republika.co.id and its channel and regional hosts (news, ekonomi, khazanah, rejabar, rejogja, ...).

Dossier section 11. Article URL ``{kanal}.republika.co.id/berita/{9-char code}/{slug}`` (a malformed
``/berita//{code}/`` also occurs). Body ``div.article-content article``; paragraphs arrive as malformed
``<p class="b2"> <p>text</p></p>``, which the HTML parser turns into siblings; "Baca Juga" boxes
(``.picked-article``), ad widgets (``[id^=bn_]``), "Loading..." and "Ikuti Whatsapp Channel Republika" sit
between them. JSON-LD ``author`` is the EDITOR ("Red:"): reporters and editor are read from the byline
"Rep: X / Red: Y" instead (``div.max-card__title``; on pages without it, such as the AMP page and the fbeta
front end, the first short element after the headline that opens with "Rep:"). The body is not paginated;
``#next-article`` scrolls to a different article.

robots.txt: Republika's robots.txt disallows everything (``Disallow: /``) for a list of named crawlers,
among them ``Scrapy``; the ``User-agent: *`` group allows articles. This crawler's default User-Agent
("newscrawl/...") is not one of the named bots, so robots.txt is obeyed exactly as written and allows the
crawl. It stays obeyed: this module sets nothing. If Republika adds a group that names this crawler, its
spider fetches nothing; only the operator can decide otherwise (with Republika's permission, by running
with their own ``-s USER_AGENT=...`` or ``-s ROBOTSTXT_OBEY=False``), never this module.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``):
``{kanal}.republika.co.id/berita/{code}/{slug}`` where the code is one sequence across hosts (9 characters
since about 2019: ``sz0pq7449``; the short ids of earlier years have 6:
``news.republika.co.id/berita/m8w2pj/...`` of 2012). Channel hosts (news, ekonomi, khazanah, iqra, ameera,
analisis, ...) and the regional sites ``rejabar.``/``rejogja.`` keep their host: which host is canonical for a
code is the page's canonical link, not a rule. ``www.`` serves codes too
(``www.republika.co.id/berita/qxocam463/...``); the bare domain and ``m.republika.co.id`` map to ``www``.
``fbeta.republika.co.id`` (a beta front end in stored pages) also serves long codes (13 and 20 characters) and
stays its own host. The AMP page is ``www.republika.co.id/amp/{code}`` with no slug (two public documents,
2019-2020), so without ``/amp`` it stays ``www.republika.co.id/{code}``: the fetched page's canonical link
names the article URL (its body is read by the generic path). The 2015-2016 form
``{kanal}.republika.co.id/berita/{kanal}/{sub}/YY/MM/DD/{code}-{slug}`` is admitted as it is (no mapping to
today's URL is evidenced). Not articles: ``/berita/serial/`` (the next-article scroller),
``/berita/inpicture/`` galleries, ``tv.republika.co.id`` (video), the ``static.``/``files.`` hosts, and
``/indeks``, ``/index/...`` listings. ``visual.republika.co.id`` photo stories carry text: the page decides.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscrawl.extraction import metadata
from newscrawl.extraction.page import clean_text
from newscrawl.portals.base import Portal

if TYPE_CHECKING:
    from newscrawl.extraction.page import ParsedPage

_BYLINE = ("div.max-card__title > div", "div.max-card__title")
_REPORTERS = re.compile(r"\bRep\s*:\s*(.+?)\s*(?:/\s*Red\s*:|$)", re.I)
_EDITOR = re.compile(r"\bRed\s*:\s*(.+?)\s*$", re.I)


_BYLINE_LINE = re.compile(r"^Rep\s*:", re.I)
_AFTER_HEADLINE = 40  # elements after the h1 where the byline line is looked for
_MAX_BYLINE = 200


def _byline(page: ParsedPage, label: re.Pattern[str]) -> list[str]:
    for text in page.texts(_BYLINE) or _byline_after_headline(page):
        if match := label.search(text):
            return [match.group(1)]
    return []


def _byline_after_headline(page: ParsedPage) -> list[str]:
    """The "Rep: ... / Red: ..." line under the headline where ``div.max-card__title`` is missing (the AMP
    page, the fbeta front end): the first short element after the h1 that opens with "Rep:"."""
    headline = next(page.doc.iter("h1"), None)
    if headline is None:
        return []
    for el in headline.xpath("following::*")[:_AFTER_HEADLINE]:
        text = clean_text(el.text_content())
        if len(text) <= _MAX_BYLINE and _BYLINE_LINE.match(text):
            return [text]
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

    # likely: 15 items (dossier, verified live 2026-07-24); berita-indo-api issue #33 (2026-05-06) reported its
    # Republika RSS endpoint failing two months earlier. /rss/{kanal} exists too (same sources): not needed
    # beside the sitemap.
    feeds = ("https://www.republika.co.id/rss",)
    # firm: dossier, verified live 2026-07 (filter /berita/).
    news_sitemaps = ("https://republika.co.id/files/xml/sitemap.xml",)
    # The dated GET form of the index (the /indeks "next" button is a POST): 50 articles a page.
    index_pages = ("https://republika.co.id/index/{offset}/{date:%Y/%m/%d}",)
    index_page_size = 50

    article_url = (
        r"^https?://(?:[\w-]+\.)?republika\.co\.id/(?:berita/+[a-z0-9]{6,24}/[\w-]+"
        r"|berita/(?:[\w-]+/){1,3}\d{2}/\d{2}/\d{2}/[a-z0-9]{6,14}-[\w-]+)"
        # the code alone, as the AMP URL leaves it: 6 characters (older) or 6 + a 3-digit channel number
        r"|^https://www\.republika\.co\.id/(?=[a-z]*\d)[a-z0-9]{6}(?:\d{3})?/?$"
    )
    not_article_url = r"/berita/+(?:serial|inpicture)/|//(?:static|files|tv)\.republika\.co\.id/"
    url_examples = {
        "https://news.republika.co.id/berita/sqf0g2451/trump-ingin-disebut-inspirasi-perdamaian": "https://news.republika.co.id/berita/sqf0g2451/trump-ingin-disebut-inspirasi-perdamaian",
        "https://rejogja.republika.co.id/berita/sboz2k432/bermacam-atraksi-seni-budaya-akan-digelar-di-banyuwangi-saat-libur-lebaran": "https://rejogja.republika.co.id/berita/sboz2k432/bermacam-atraksi-seni-budaya-akan-digelar-di-banyuwangi-saat-libur-lebaran",
        "https://republika.co.id/berita/qxo8p6425/studi-tingkat-antibodi-prediksi-kemanjuran-vaksin-moderna": "https://www.republika.co.id/berita/qxo8p6425/studi-tingkat-antibodi-prediksi-kemanjuran-vaksin-moderna",
        "https://www.republika.co.id/berita/ri3bd7463/10-rahasia-hidup-sehat-ratu-elizabeth-ii": "https://www.republika.co.id/berita/ri3bd7463/10-rahasia-hidup-sehat-ratu-elizabeth-ii",
        "https://news.republika.co.id/berita/m8w2pj/17-tahun-republika-online": "https://news.republika.co.id/berita/m8w2pj/17-tahun-republika-online",
        "https://republika.co.id/berita//tio14w368/slug": "https://www.republika.co.id/berita/tio14w368/slug",
        "http://khazanah.republika.co.id/berita/dunia-islam/islam-nusantara/15/11/05/nxc00q313-tak-sekedar-wisuda-wa-upaya-bumikan-alquran": "https://khazanah.republika.co.id/berita/dunia-islam/islam-nusantara/15/11/05/nxc00q313-tak-sekedar-wisuda-wa-upaya-bumikan-alquran",
        "https://fbeta.republika.co.id/berita/ruuipt2725000/tabuhan-genderang-perang-usai-penahanan-johnny-plate": "https://fbeta.republika.co.id/berita/ruuipt2725000/tabuhan-genderang-perang-usai-penahanan-johnny-plate",
        "https://fbeta.republika.co.id/berita/rmxe0046218428626001/menyambut-republika-cetak-dan-republika-digital": "https://fbeta.republika.co.id/berita/rmxe0046218428626001/menyambut-republika-cetak-dan-republika-digital",
        "https://www.republika.co.id/amp/q1bvi7320": "https://www.republika.co.id/q1bvi7320",
        "https://www.republika.co.id/amp/m2evsv": "https://www.republika.co.id/m2evsv",
    }
    non_article_examples = (
        "https://www.republika.co.id/indeks",
        "https://republika.co.id/index/50/2025/07/22",
        "https://news.republika.co.id/berita/serial/next",
        "https://tv.republika.co.id/berita/sz1abc123/video-banjir-rob-di-pesisir-utara",
        "https://m.republika.co.id/kanal/news",
        "https://www.republika.co.id/ekonomi",
    )

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
