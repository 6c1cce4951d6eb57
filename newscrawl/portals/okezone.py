"""okezone.com and its channels (news, nasional, megapolitan, economy, bola, sports, celebrity, ...).

Dossier section 8. Every channel is a host of its own serving one template: body ``div.c-detail.read``,
byline ``div.journalist`` (reporter link + ", Jurnalis-Kamis, 19 Juni 2025 |00:17 WIB"). ``?page=all``
merges every page into one body, pages separated by ``<div style="page-break-after: always">``;
``?page=N`` are the single pages (``#paging .box-nomor a.nomor``). JSON-LD ``datePublished`` carries
+07:00, ``dateModified`` has no zone (read as WIB). The body ends with the editor's full name in
parentheses ("(Nama Editor)"), a line that is furniture and the source of ``editors``.
``mpi.okezone.com`` republishes SINDOnews articles under ``/article/sindonews/{id}``: never an okezone
article. robots.txt disallows ``/more/*`` and ``/mmore/*``, which no rule here ever follows.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 29 rows, 2011-2025): every channel host serves
``{kanal}.okezone.com/read/YYYY/MM/DD/{sectionId}/{id}/{slug}``; the channel hosts are the site's own
sections, not aliases, and keep their host. AMP replaces ``read`` by ``amp`` on the same host:
``{kanal}.okezone.com/amp/YYYY/MM/DD/{sectionId}/{id}/{slug}`` (news 2019, 2023; lifestyle 2024; economy 2025,
2026 in public links, each the ``/read/`` shape with ``amp`` in place of ``read``), so after the shared rules
drop the ``/amp`` prefix ``url_rewrites`` puts ``/read`` back: one URL per article. A channel carried in the
path on ``www`` (``www.okezone.com/tren/read/2021/11/08/620/2498492/{slug}``, 2021) is its own canonical form:
no source shows which host the ``tren`` channel lives on now. The older ``{kanal}.okezone.com/index.php/
ReadStory/YYYY/MM/DD/{sectionId}/{id}/{slug}`` (a 2008 link) keeps its form too: the same tail as ``/read/``,
but no source shows the site serving or redirecting it, and the page's canonical link decides after the fetch.
The bare domain maps to ``www``; ``m.okezone.com`` (an old mobile site serving ``/read/...``, one public
scraper) keeps its host, since ``www`` serves no channel's articles and the channel host is not in its URLs.
``?page=N``/``?page=all`` are views of one article. Not articles: ``mpi.`` (SINDOnews reprints), ``video.``,
``foto.``, ``index.`` (``/bydate/`` lists), ``img.``, ``cdn.``, ``redaksi.`` (staff pages), ``/tag/``,
``/indeks``, ``/more/``, ``/mmore/``.
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

    # How firm each feed is (none verified live here): sindikasi.okezone.com/index.php/rss/{n}/RSS2.0 is the
    # numbered syndication service (0 = the latest of all channels). Channel 0 is in the dossier, gikirima
    # (2025), berita-indo-api and many public feed lists up to 2026: firm. 1, 2, 11 appear in several public
    # lists (likely); 12, 13, 14, 16 come from berita-indo-api's channel list and the dossier (likely).
    # www.okezone.com/rss is in many public feed lists, one of them checked available on 2026-09-19 (likely).
    feeds = (
        *(f"https://sindikasi.okezone.com/index.php/rss/{n}/RSS2.0" for n in (0, 1, 2, 11, 12, 13, 14, 16)),
        "https://www.okezone.com/rss",
    )
    # Channel indexes: /indeks/Y/M/D/{offset}, ten articles a page (www.okezone.com/indeks is a 404).
    # Pages 2..n were seen live as /10, /20, ...; page 1 as /0 is assumed (the bare /indeks/Y/M/D is page 1).
    index_pages = tuple(f"https://{k}.okezone.com/indeks/{{date:%Y/%m/%d}}/{{offset}}" for k in _INDEX_KANALS)
    index_page_size = 10
    index_link_selector = ".group-brt-terkini a.desc-text, .group-brt-terkini a.img-section"

    # The hint: /read/ on a channel host or after a channel on www, and the older /index.php/ReadStory/.
    article_url = r"^https?://[\w-]+\.okezone\.com/(?:[\w-]+/)?(?:read|index\.php/ReadStory)/\d{4}/\d{2}/\d{2}/\d+/\d+(?:/[\w-]+)?"
    not_article_url = r"//(?:mpi|video|foto|index|img|cdn|redaksi)\.okezone\.com/|/(?:more|mmore)/"
    # weak: m.okezone.com/read/... in one old public scraper; www would be a wrong guess, so it stays itself
    mobile_hosts: ClassVar[dict[str, str]] = {"m.okezone.com": "m.okezone.com"}
    # AMP: {kanal}.okezone.com/amp/Y/M/D/{sec}/{id}/{slug} reaches here as {kanal}.okezone.com/Y/M/D/...
    url_rewrites = ((r"^(https://[\w-]+\.okezone\.com)/(\d{4}/\d{2}/\d{2}/\d+/\d+(?:/|$))", r"\1/read/\2"),)
    url_examples = {
        "http://news.okezone.com/read/2015/11/05/519/1244289/penerbangan-ke-bali-dan-lombok-dari-surabaya-belum-normal": "https://news.okezone.com/read/2015/11/05/519/1244289/penerbangan-ke-bali-dan-lombok-dari-surabaya-belum-normal",
        "https://nasional.okezone.com/read/2021/11/21/337/2505155/kedudukan-mui-sangat-kuat-tak-bisa-sembarang-dibubarkan?page=1": "https://nasional.okezone.com/read/2021/11/21/337/2505155/kedudukan-mui-sangat-kuat-tak-bisa-sembarang-dibubarkan",
        "https://news.okezone.com/amp/2023/04/12/337/2797600/ferdy-sambo-tetap-divonis-mati-ini-kata-mahfud-md": "https://news.okezone.com/read/2023/04/12/337/2797600/ferdy-sambo-tetap-divonis-mati-ini-kata-mahfud-md",
        "https://economy.okezone.com/amp/2025/05/15/320/3139316/ahy-sampah-di-bantargebang-sudah-menggunung-setinggi-16-lantai-gedung-perkantoran": "https://economy.okezone.com/read/2025/05/15/320/3139316/ahy-sampah-di-bantargebang-sudah-menggunung-setinggi-16-lantai-gedung-perkantoran",
        "https://www.okezone.com/tren/read/2021/11/08/620/2498492/hoegeng-diusulkan-jadi-pahlawan-nasional": "https://www.okezone.com/tren/read/2021/11/08/620/2498492/hoegeng-diusulkan-jadi-pahlawan-nasional",
        "http://techno.okezone.com/index.php/ReadStory/2008/06/09/94/117128/christian-sugiono-dulu-gue-kerja-jadi-programmer": "https://techno.okezone.com/index.php/ReadStory/2008/06/09/94/117128/christian-sugiono-dulu-gue-kerja-jadi-programmer",
        "https://muslim.okezone.com/read/2022/03/30/614/2570419/kisah-jamaah-kampung-khusyuk-beribadah-di-mushola-sederhana-terbuat-dari-kayu?page=all": "https://muslim.okezone.com/read/2022/03/30/614/2570419/kisah-jamaah-kampung-khusyuk-beribadah-di-mushola-sederhana-terbuat-dari-kayu",
    }
    non_article_examples = (
        "https://mpi.okezone.com/article/sindonews/1562210",
        "https://video.okezone.com/play/2021/12/16/1/142891/banjir-rob-rendam-pesisir-jakarta",
        "https://index.okezone.com/bydate/channel/2025/07/22/1/",
        "https://www.okezone.com/tag/banjir-rob/2",
        "https://news.okezone.com/indeks/2025/07/22/10",
        "https://redaksi.okezone.com/detail/riana-pratiwi-lestari/4172",
        "https://news.okezone.com/more/2025/07/22/337/3160412",
    )
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
        """The editor's name, written in parentheses at the end of the body (a promo line may follow); on a
        page without the body container (the AMP page), at the end of its ``<article>``."""
        for container in (page.select(self.body_selectors) or page.select(("article",)))[:1]:
            lines = [clean_text(p.text_content()) for p in container.iter("p")]
            for line in [line for line in lines if line][-3:]:
                if _EDITOR_LINE_RE.match(line):
                    return metadata.person_names([line.strip("() ")], self)
        return metadata.editors(page, self)
