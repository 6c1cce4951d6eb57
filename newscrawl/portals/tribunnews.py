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

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 34 rows, 2013-2026): the national site
``www.tribunnews.com/{section}/YYYY/MM/DD/{slug}`` and, since 2026, ``www.tribunnews.com/{section}/{id}/{slug}``
(both live). ``m.tribunnews.com`` (the mobile mirror the desktop page names in its ``alternate`` link) and the
bare domain are aliases of ``www``. The regional sites ``{zone}.tribunnews.com/YYYY/MM/DD/{slug}`` (surabaya,
bali, batam, palu, jateng, pontianak, lampung, kaltim, makassar, bengkulu, wartakota, ...) are newsrooms of
their own and keep their host. AMP: ``m.tribunnews.com/amp/{section}/YYYY/MM/DD/{slug}`` (the ``amphtml`` link
of the real 2020 page; a 2024 Google-News record pairs it with the ``www`` URL) and
``{zone}.tribunnews.com/amp/YYYY/MM/DD/{slug}`` (sumsel, ternate, palembang, jogja, medan in public links,
2017-2023): the shared rules drop ``m.`` and the ``/amp`` prefix, so both give the desktop URL. AMP pages
open the body with the reporter line "Laporan Wartawan Tribunnews.com, <name>" (a shared noise rule) and are
read by the generic path. ``?page=N`` and ``?page=all`` are views of one article. Not articles: ``/tag/``,
``/topic/``, ``/index-news``, ``/penulis/`` and ``/editor/`` profiles, ``/epaper``, the media routes above.
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
        # likely: home pages of these hosts in CBA-UPC/clean_resources (Tribun Bengkulu) and a public
        # scraper reading kaltara.tribunnews.com/sitemap.xml (2024); same CMS, not checked live
        "bengkulu.tribunnews.com",
        "kaltara.tribunnews.com",
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

    # No feed: www.tribunnews.com/rss is well-formed but links every item to the homepage [LIVE-2026: the
    # egi-media-crawl adapter's live check of 2026-07-24]. {zone}.tribunnews.com/rss exists (dossier), but an
    # unattributed public plan (2026-08) found the regional and main RSS answering an HTML error page: weak.
    feeds = ()
    # How firm each sitemap is: /sitemap.xml is an index of per-section {section}/sitemap-news.xml (Google
    # News, ~100 URLs, +07:00) [LIVE-2026: egi-media-crawl, 2026-07-24]; robots.txt of www is read too. Regional hosts' sitemaps (kaltara.tribunnews.com/sitemap.xml, one public scraper)
    # are not registered: one robots.txt and index per regional host each run is not worth a guess.
    news_sitemaps = (
        "https://www.tribunnews.com/sitemap-news.xml",  # likely: news-watch code (2026-08), dossier
        "https://www.tribunnews.com/nasional/sitemap-news.xml",  # firm: egi-media-crawl live check 2026-07-24
        "https://www.tribunnews.com/regional/sitemap-news.xml",  # likely: news-watch code, a public scraper
        "https://www.tribunnews.com/bisnis/sitemap-news.xml",  # likely: news-watch code
        "https://www.tribunnews.com/ekonomi/sitemap-news.xml",  # likely: news-watch code
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

    # The hint: a dated or numbered story path on any host (canonical URLs always have one: www or regional).
    article_url = r"^https?://[\w-]+\.tribunnews\.com/(?:[\w-]+/)*(?:\d{4}/\d{2}/\d{2}|\d{5,})/[\w-]+"
    not_article_url = (
        r"//video\.tribunnews\.com/|\.tribunnews\.com/(?:amp/)?(?:video|images|foto|webstories|epaper|editor)(?:/|$)|"
        r"\.tribunnews\.com/index-news(?:/|$|\?)"
    )
    url_examples = {
        "http://www.tribunnews.com/nasional/2018/03/21/kpk-tetapkan-wali-kota-dan-18-anggota-dprd-malang-sebagai-tersangka-suap": "https://www.tribunnews.com/nasional/2018/03/21/kpk-tetapkan-wali-kota-dan-18-anggota-dprd-malang-sebagai-tersangka-suap",
        "https://www.tribunnews.com/internasional/7827148/cia-iran-mampu-bertahan-hadapi-blokade-trump-selama-3-4-bulan-dan-masih-memiliki-70-persen-rudal": "https://www.tribunnews.com/internasional/7827148/cia-iran-mampu-bertahan-hadapi-blokade-trump-selama-3-4-bulan-dan-masih-memiliki-70-persen-rudal",
        "https://m.tribunnews.com/regional/2013/11/06/penangkapan-perampok-tower-berawal-dari-laporan-pelajar": "https://www.tribunnews.com/regional/2013/11/06/penangkapan-perampok-tower-berawal-dari-laporan-pelajar",
        "https://tribunnews.com/superskor/2021/08/11/chelsea-vs-villarreal-piala-super-eropa-komentar-pelatih-data-dan-fakta-hingga-prediksi-skor": "https://www.tribunnews.com/superskor/2021/08/11/chelsea-vs-villarreal-piala-super-eropa-komentar-pelatih-data-dan-fakta-hingga-prediksi-skor",
        "https://m.tribunnews.com/amp/mata-lokal-memilih/2024/08/23/breaking-news-mau-maju-pilgub-kaesang-urus-surat-keterangan-tak-pernah-dipidana-ke-pn-jaksel": "https://www.tribunnews.com/mata-lokal-memilih/2024/08/23/breaking-news-mau-maju-pilgub-kaesang-urus-surat-keterangan-tak-pernah-dipidana-ke-pn-jaksel",
        "https://jateng.tribunnews.com/2024/12/10/macak-dengan-laporan-dana-kampanye-cekak?page=4": "https://jateng.tribunnews.com/2024/12/10/macak-dengan-laporan-dana-kampanye-cekak",
        "https://palembang.tribunnews.com/amp/2023/11/08/soal-penilaian-harian-biologi-kelas-12-smama-materi-evolusi-beserta-kunci-jawaban-kurikulum-merdeka": "https://palembang.tribunnews.com/2023/11/08/soal-penilaian-harian-biologi-kelas-12-smama-materi-evolusi-beserta-kunci-jawaban-kurikulum-merdeka",
        "https://wartakota.tribunnews.com/2025/08/04/ini-cara-ipti-membangun-ekosistem-pendidikan-tinggi-berbasis-kualitas-dan-keberlanjutan": "https://wartakota.tribunnews.com/2025/08/04/ini-cara-ipti-membangun-ekosistem-pendidikan-tinggi-berbasis-kualitas-dan-keberlanjutan",
    }
    non_article_examples = (
        "https://www.tribunnews.com/tag/banjir-jakarta",
        "https://www.tribunnews.com/topic/pilkada-2024",
        "https://www.tribunnews.com/index-news?date=2025-07-24",
        "https://www.tribunnews.com/index-news/nasional?page=2",
        "https://www.tribunnews.com/penulis/muhammad-renald-shiftanto",
        "https://palu.tribunnews.com/editor/fadhila-amalia",
        "https://video.tribunnews.com/view/812345/banjir-rob-rendam-pesisir-utara-jakarta",
        "https://www.tribunnews.com/webstories/2025/07/24/deretan-fakta-banjir-rob-di-jakarta-utara",
        "https://jateng.tribunnews.com/images/2025/07/24/potret-banjir-rob-di-semarang",
    )
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
