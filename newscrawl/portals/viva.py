"""viva.co.id (VIVA).

Dossier section 16. Articles are ``https://www.viva.co.id/{kanal}/[sub/]{id}-{slug}``; AMP copies live
under ``/amp/...`` (the canonical form drops the prefix). ``/vstory/`` holds reader posts and ``/foto/`` /
``/video/`` galleries: not articles. Page markup [CODE news-watch]: ``h1.main-content-title``,
``div.main-content-date`` "Sabtu, 8 Agustus 2020 | 09:21 WIB", ``div.main-content-author``, kanal
``a.breadcrumb-step.content_center``, body ``div.main-content-detail`` with "Baca Juga" boxes
``div.recommended-article`` and ``div.widget-other-article``. JSON-LD ``NewsArticle`` has no
``articleBody`` and an unreliable ``dateModified``. The body opens with the dateline "VIVA – "; real page
text shows in-body captions ending in their credit ("... Source: Dok. Pemprov DKI", "- VIVA/<name>"),
"Read more...", "Topik Terkait", "Saksikan Juga", "Terpopuler" and, in round-ups, "Baca selengkapnya di
sini."; the text pattern rules below drop those lines wherever they land.

Multi-page: ``?page=N``, every page fetched and stitched (``?page=all`` is listed by antisplitpage but
unverified, so it is not asked for). The pager's container class is not documented, so the rule is any
link carrying ``page=``: only links whose canonical URL is this article's are followed.

Discovery (public code, not the dossier): the news sitemap ``/sitemap/news/news-sitemap.xml`` and the RSS
feed ``/get/all``. ``/indeks`` is server-rendered but neither dated nor paged (``?page=N`` does not work,
load-more is a POST), so there is no index walk.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv`` and public code):

* ``www.viva.co.id/{kanal}/[{sub}/]{id}-{slug}``; the bare domain (a real page-4 link used it) and the
  mobile host ``m.viva.co.id`` (public links 2017-2018) are aliases of ``www``: one desktop URL.
* AMP: ``/amp/`` before the path, on ``www`` (the dossier's real AMP page text), on ``m.`` and on the
  regional hosts; the shared code drops it, so the canonical form is the desktop page.
* Regional newsrooms ``{region}.viva.co.id/{kanal}/{id}-{slug}`` (VIVA Jabar, VIVA Jatim, VIVA Bali in
  public links 2024-2026): ids of their own (4-5 digits where ``www`` is at 1.7 million), so they keep
  their host.
* Older format (2015-2016): ``{sub}.viva.co.id/{kanal}/read/{id}-{slug}`` on ``life.``, ``log.``,
  ``politik.news.``, ``teknologi.news.`` and others. The id looks like the ``www`` sequence, so these
  probably redirect to ``www``, but the kanal path cannot be derived: they stay as they are, and the
  fetched page's canonical link names the article.
* Not articles: ``/vstory/`` (reader posts), ``/foto/`` and ``/video/`` galleries, ``/tag/``, ``/indeks``,
  ``/search``, ``forum.viva.co.id`` and the image host ``thumb.viva.co.id``; ``vlix.id`` (VIVA video) is
  another domain.
"""

from newscrawl.portals.base import Portal


class Viva(Portal):
    id = "viva"
    name = "VIVA.co.id"
    domains = ("viva.co.id",)
    # Regional newsrooms from public links (jabar: 2024 and 2026, jatim and bali: public code); their page
    # template is assumed to be the national one (the golden regional case is built on it).
    hosts = ("www.viva.co.id", "jabar.viva.co.id", "jatim.viva.co.id", "bali.viva.co.id")
    site_names = ("viva.co.id", "viva", "vivanews", "viva jabar", "viva jatim", "viva bali")

    # How firm each URL is (none verified live; robots.txt and the home page are read too).
    # /get/all replaces /rss: many public feed configurations read /get/all (rss.viva.co.id/get/all
    # before ~2019), while a February 2026 public feed health check found /rss and /rss/terkini 404.
    feeds = ("https://www.viva.co.id/get/all",)  # likely: public feed configurations, 2019-2026
    # likely: several public scrapers read it (with per-kanal siblings /sitemap/news/{kanal}.xml)
    news_sitemaps = ("https://www.viva.co.id/sitemap/news/news-sitemap.xml",)

    article_url = r"^https?://(?:[\w-]+\.)*viva\.co\.id/(?:[\w-]+/){1,3}\d{3,}-[\w-]+"
    not_article_url = (
        r"viva\.co\.id/(?:amp/)?(?:vstory|foto|video|indeks|tag|search)(?:/|$|[?#])"
        r"|//(?:forum|thumb)\.viva\.co\.id(?:[:/?#]|$)"
    )
    url_examples = {
        "https://www.viva.co.id/berita/nasional/1431068-dpp-knpi-salurkan-bantuan-untuk-korban-semeru": "https://www.viva.co.id/berita/nasional/1431068-dpp-knpi-salurkan-bantuan-untuk-korban-semeru",
        "https://www.viva.co.id/digital/1017267-hacking-itu-permainan-kejar-kejaran-admin-it-dan-hacker": "https://www.viva.co.id/digital/1017267-hacking-itu-permainan-kejar-kejaran-admin-it-dan-hacker",
        "https://www.viva.co.id/showbiz/gosip/1348043-tanggapi-kritik-deddy-corbuzier-kpi-gelar-diskusi?page=all&utm_medium=all-page": "https://www.viva.co.id/showbiz/gosip/1348043-tanggapi-kritik-deddy-corbuzier-kpi-gelar-diskusi",
        "https://viva.co.id/berita/nasional/1694575-terpopuler-status-ibu-kota-jakarta-misteri-harga-telur-hingga-puncak-arus-mudik?page=4": "https://www.viva.co.id/berita/nasional/1694575-terpopuler-status-ibu-kota-jakarta-misteri-harga-telur-hingga-puncak-arus-mudik",
        "http://m.viva.co.id/digital/955039-pasar-coding-di-indonesia-masih-terbuka-lebar": "https://www.viva.co.id/digital/955039-pasar-coding-di-indonesia-masih-terbuka-lebar",
        "https://m.viva.co.id/amp/gaya-hidup/kuliner/1020785-inovasi-baru-kuliner-lewat-flame-thrower": "https://www.viva.co.id/gaya-hidup/kuliner/1020785-inovasi-baru-kuliner-lewat-flame-thrower",
        "https://www.viva.co.id/amp/ragam/round-up/1291386-anies-marah-karena-toa-pelaku-seks-fetish-pembunuhan-keji-janda-muda?medium=bacajuga-amp-1": "https://www.viva.co.id/ragam/round-up/1291386-anies-marah-karena-toa-pelaku-seks-fetish-pembunuhan-keji-janda-muda",
        "https://jabar.viva.co.id/kipedia/22905-ayo-dapatkan-saldo-dana-gratis-rp-750000-dari-google-menanti-anda": "https://jabar.viva.co.id/kipedia/22905-ayo-dapatkan-saldo-dana-gratis-rp-750000-dari-google-menanti-anda",
        "https://jabar.viva.co.id/amp/news/46033-3-jurusan-baru-yang-lulusannya-diburu-industri-cek-kampusnya?page=1": "https://jabar.viva.co.id/news/46033-3-jurusan-baru-yang-lulusannya-diburu-industri-cek-kampusnya",
        "https://jatim.viva.co.id/gaya-hidup/9107-10-wisata-kuliner-khas-jawa-timur-yang-wajib-dikunjungi-murah-dan-maknyus": "https://jatim.viva.co.id/gaya-hidup/9107-10-wisata-kuliner-khas-jawa-timur-yang-wajib-dikunjungi-murah-dan-maknyus",
        "http://life.viva.co.id/showbiz/read/736460-taylor-swift-standing-ovation-untuk-pianis-cilik-indonesia": "https://life.viva.co.id/showbiz/read/736460-taylor-swift-standing-ovation-untuk-pianis-cilik-indonesia",
        "http://politik.news.viva.co.id/news/read/736458-soal-din-minimi-keputusan-ada-di-tangan-jokowi": "https://politik.news.viva.co.id/news/read/736458-soal-din-minimi-keputusan-ada-di-tangan-jokowi",
    }
    non_article_examples = (
        "https://www.viva.co.id/vstory/opini-vstory/1761500-catatan-warga-tentang-banjir-di-kampung",
        "https://www.viva.co.id/amp/vstory/opini-vstory/1761500-catatan-warga-tentang-banjir-di-kampung",
        "https://www.viva.co.id/foto/berita/1761244-antrean-kendaraan-di-gerbang-tol-cikampek-utama",
        "https://www.viva.co.id/video/berita/1761300-detik-detik-banjir-rob-di-muara-baru",
        "https://www.viva.co.id/tag/libur-natal",
        "https://www.viva.co.id/indeks",
        "http://forum.viva.co.id/showthread.php?t=123456-pengumuman-forum-viva",
        "https://jabar.viva.co.id/tag/persib-bandung",
    )
    page_param = "page"
    next_page_selector = "a[href*='page=']"

    body_selectors = ("div.main-content-detail",)
    noise_selectors = ("div.recommended-article", "div.widget-other-article")
    title_selectors = ("h1.main-content-title", "h1")
    author_selectors = ("div.main-content-author a", "div.main-content-author")
    date_selectors = ("div.main-content-date",)
    section_selectors = ("a.breadcrumb-step.content_center",)
    noise_lines = (
        # a caption left as text, ending in its credit: "... di Balai Kota. Source: Dok. Pemprov DKI"
        r".{0,300}\s(?-i:Source)\s*:\s*[\w.&/ -]{2,60}",
        r"(?:.{0,300}\s)?[-–—]\s*VIVA(?:\.co\.id)?\s*/\s*[\w .'-]{2,60}",
        r"saksikan\s+juga\W*",
        r"terpopuler\W*",
        r"•\s*vstory",
    )
