"""sindonews.com and its channels (nasional, daerah, ekbis, international, sports, ...).

Dossier section 7. The body ``div#detail-desc`` has no ``<p>``: text runs are split by ``<br>``.
Every article offers ``?showpage=all``; page n is a trailing ``/{n}`` path segment (not an id).
JSON-LD is on page 1 only, so metadata is always read from the first page.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 23 rows, 2018-2022, and public links up to
2026): ``{kanal}.sindonews.com/read/{id}/{subId}/{slug}-{unixTs}`` on every channel host (nasional, daerah,
metro, ekbis, international, sports, edukasi, lifestyle, tekno, kalam, ...; older channel hosts such as
``autotekno.`` too); the channel hosts are the site's sections and keep their host. ``{kanal}.sindonews.com/
newsread/{id}/{subId}/{slug}-{unixTs}`` is the same article (likely its AMP page: 2019, 2025 and 2026 links
list it beside other portals' AMP links, and a public news pipeline maps ``/newsread/`` to ``/read/`` to
deduplicate the two): ``url_rewrites`` gives the ``/read/`` URL. The older
``{kanal}.sindonews.com/berita/{id}/{subId}/{slug}`` (2013-2019 links, no timestamp) keeps its own form: no
source maps it to a ``/read/`` URL, whose timestamp it lacks. A trailing ``/{n}`` is page n and
``?showpage=all`` every page (both give the bare URL). Not articles: ``en.sindonews.com`` (the English
edition), ``photo.``, ``video.``, ``index.`` (author pages, indexes), ``search.``, ``e.`` and ``pict.``
(images), the Quran pages of ``kalam.`` (``/surah/``, ``/ayat/``, ``/jadwalsholat``), ``/topic/``,
``/indeks``.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal


class Sindonews(Portal):
    id = "sindonews"
    name = "SINDOnews"
    domains = ("sindonews.com",)
    hosts = (
        "nasional.sindonews.com",
        "daerah.sindonews.com",
        "ekbis.sindonews.com",
        "international.sindonews.com",
        "sports.sindonews.com",
        "kalam.sindonews.com",
        "edukasi.sindonews.com",
        "lifestyle.sindonews.com",
        "otomotif.sindonews.com",
        "tekno.sindonews.com",
        "metro.sindonews.com",
        "sains.sindonews.com",
        "www.sindonews.com",
    )
    site_names = ("sindonews.com", "sindonews", "sindo")

    # How firm each URL is (none verified live here): /feed is the RSS link of the 2018 home page header
    # (silverfoxy/JSCryptoMinerStudy) and in gikirima's 2025 list and several public feed lists of 2026. The
    # channel /rss feeds are in gikirima (2025) and the dossier. An unattributed 2026-08 public plan found "a
    # SindoNews RSS" answering an HTML error page (which URL is not said): watch the feed_entries counts.
    feeds = (
        "https://www.sindonews.com/feed",  # firm: 2018 home page, gikirima 2025, public lists 2026
        "https://nasional.sindonews.com/rss",  # likely: gikirima 2025, dossier, a 2026 public list
        "https://ekbis.sindonews.com/rss",  # likely: gikirima 2025, a 2026 public list
        "https://international.sindonews.com/rss",  # likely: gikirima 2025
        "https://daerah.sindonews.com/rss",  # likely: gikirima 2025
        "https://sports.sindonews.com/rss",  # likely: gikirima 2025
    )
    news_sitemaps = (
        "https://nasional.sindonews.com/sitemap-news.xml",  # likely: dossier (public code)
        "https://sports.sindonews.com/sitemap-news.xml",  # likely: public scrapers (2025)
    )

    index_pages = ("https://www.sindonews.com/indeks/0/{offset}?t={date:%Y-%m-%d}",)
    index_page_size = 20

    # The hint: /read/ with its timestamp, and the older /berita/ without one (hi-lite., scope. and media. are
    # hosts the dossier's sources exclude).
    article_url = (
        r"^https?://(?!(?:e|pict|hi-lite|scope|media)\.)[\w-]+\.sindonews\.com/"
        r"(?:read/\d+/\d+/[\w-]+-\d{9,11}|berita/\d+/\d+/[a-z0-9]+(?:-[a-z0-9]+)+)"
    )
    not_article_url = (
        r"//(?:en|e|pict|photo|video|index|search)\.sindonews\.com/|"
        r"//kalam\.sindonews\.com/(?:surah|ayat|jadwal-?sholat)(?:/|$)"
    )
    url_rewrites = ((r"^(https://[\w-]+\.sindonews\.com)/newsread/", r"\1/read/"),)
    url_examples = {
        "https://daerah.sindonews.com/read/1290336/21/deddy-mizwar-optimistis-rebut-54-suara-1521213096": "https://daerah.sindonews.com/read/1290336/21/deddy-mizwar-optimistis-rebut-54-suara-1521213096",
        "https://nasional.sindonews.com/newsread/1726019/15/menhaj-buka-peluang-bpih-haji-2027-turun-jika-harga-minyak-dunia-terus-merosot-1783469258": "https://nasional.sindonews.com/read/1726019/15/menhaj-buka-peluang-bpih-haji-2027-turun-jika-harga-minyak-dunia-terus-merosot-1783469258",
        "https://autotekno.sindonews.com/newsread/1461081/207/momentum-nadiem-makarim-jadi-paling-banyak-jadi-perhatian-milenial-1574329284": "https://autotekno.sindonews.com/read/1461081/207/momentum-nadiem-makarim-jadi-paling-banyak-jadi-perhatian-milenial-1574329284",
        "https://daerah.sindonews.com/berita/1276036/174/bmkg-sebut-ada-20-kali-gempa-susulan": "https://daerah.sindonews.com/berita/1276036/174/bmkg-sebut-ada-20-kali-gempa-susulan",
        "https://ekbis.sindonews.com/berita/1389571/34/bumn-sinergi-dorong-pengembangan-umkm-di-rest-area": "https://ekbis.sindonews.com/berita/1389571/34/bumn-sinergi-dorong-pengembangan-umkm-di-rest-area",
        "https://ekbis.sindonews.com/read/1731775/178/ihsg-sesi-siang-terjun-bebas-175-ke-6204-transaksi-tembus-rp104-triliun-1784873276?showpage=all": "https://ekbis.sindonews.com/read/1731775/178/ihsg-sesi-siang-terjun-bebas-175-ke-6204-transaksi-tembus-rp104-triliun-1784873276",
        "https://edukasi.sindonews.com/read/888397/211/azyumardi-azra-cendekiawan-muslim-bergelar-sir-pertama-di-indonesia-dari-kerajaan-inggris-1663481346/10": "https://edukasi.sindonews.com/read/888397/211/azyumardi-azra-cendekiawan-muslim-bergelar-sir-pertama-di-indonesia-dari-kerajaan-inggris-1663481346",
    }
    non_article_examples = (
        "https://en.sindonews.com/read/1290401/192/indonesia-to-host-asean-summit-1521270000",
        "https://index.sindonews.com/blog/7730/yoga-prasetyo-wibisono",
        "https://www.sindonews.com/topic/6120/timnas-voli-putri",
        "https://video.sindonews.com/play/61234/banjir-rob-rendam-pesisir-jakarta",
        "https://photo.sindonews.com/view/31234/banjir-rob-di-muara-angke",
        "https://kalam.sindonews.com/ayat/11/4/an-nisa-ayat-11",
        "https://kalam.sindonews.com/surah/112/al-ikhlas",
        "https://www.sindonews.com/indeks/0/20?t=2025-07-24",
    )
    page_suffix = r"/\d{1,2}"
    single_page_params: ClassVar[dict[str, str]] = {"showpage": "all"}
    next_page_selector = ".paging-artikel a"

    body_selectors = ("div#detail-desc", "div.detail-desc")
    noise_selectors = (
        ".editor",
        "[class^='v-']",
        ".paging-artikel",
        ".paging-all",
        "[class^='baca-juga']",
        "[class^='lihat-juga']",
        "[class^='related']",
        ".detail-img",
        ".caption",
    )
    title_selectors = ("h1.detail-title", "h1")
    author_selectors = (
        ".detail-nama-redaksi a[rel=author]",
        ".detail-nama-redaksi a",
        ".warp-nama-redaksi a",
    )
    date_selectors = (".detail-date-artikel",)
    caption_selectors = (".detail-img .caption", ".detail-img figcaption")
    section_selectors = ()
    tag_selectors = (".detail-tag a", ".tag-list a")
