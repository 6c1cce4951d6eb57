"""suara.com (Suara.com) and the Suara regional sites that share its date-path URLs.

Dossier section 13. Articles are ``https://www.suara.com/{kanal}/YYYY/MM/DD/HHMMSS/{slug}``; the regional
sites write ``https://{region}.suara.com/read/YYYY/MM/DD/HHMMSS/{slug}``. ``yoursay.suara.com`` (reader
posts) is out of scope. JSON-LD ``NewsArticle`` holds the metadata only (no ``articleBody``); the GTM
``dataLayer`` ``articleDate`` has no zone (WIB). Body ``div.article-content`` (older
``article.detail-content`` / ``div.detail-content``); title ``.article-image h1``; reporters
``.author-trigger a``; visible date "Jum'at, 24 Juli 2026 | 07:08 WIB". The body carries the
"baca 10 detik" box ``.ten-second`` (repeated on every page), "Baca Juga" boxes ``.article-read``, ad
slots ``[id*=div-ad]`` / ``.placeholder_belt`` / ``.placeholder_read_body`` and the ``#next-article``
overlay. ``.article-tags`` prints tags with a "# " prefix, so tags come from the ``keywords`` meta.

Multi-page: ``?page=2, 3 ...`` (``.pagination-custom``); ``?page=all`` serves every page at once
(antisplitpage; the spider still follows any page link the response shows).

Discovery: ``/indeks?page=N`` (~20 a page, not dated, walked for backfill); robots forbids
``/loadmoredetail?``, never requested. Feeds and sitemaps: see the comments on ``feeds`` and
``news_sitemaps``; the spider also reads robots.txt ``Sitemap:`` lines and the home page's feed links.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``):
``www.suara.com/{kanal}/YYYY/MM/DD/HHMMSS/{slug}``; the bare domain (a stored page at
``suara.com/news/2018/...``) and the AMP host ``amp.suara.com/{kanal}/...`` (corpus row, stored pages
2017-2023, public code 2020-2026) are aliases of ``www`` and map to it, as does ``m.``; a ``?page=N`` query is
the page view of the same article. The regional sites ``{region}.suara.com/read/YYYY/MM/DD/HHMMSS/{slug}`` are
newsrooms of their own (Suara Jabar, Suara Jatim, ...): they keep their host. Regional hosts claimed below are
those with real article URLs in public sources (jabar, jakarta, jatim in the corpus; jogja parsed by
news-watch; jateng, surakarta, kalbar, sumut from public code reviewed earlier); the rest of the network's
twenty are admitted all the same when announced, and read by the page. No older URL format is known. Not
articles: ``yoursay.suara.com`` (reader posts), ``/foto/``, ``/video/``, ``/tag/``, ``/indeks``, ``/search``.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal

# Regional sites with real article URLs in public sources (see the docstring).
_REGIONS = ("jabar", "jakarta", "jatim", "jogja", "jateng", "surakarta", "kalbar", "sumut")


class Suara(Portal):
    id = "suara"
    name = "Suara.com"
    domains = ("suara.com",)
    hosts = ("www.suara.com", *(f"{region}.suara.com" for region in _REGIONS))
    site_names = ("suara.com", "suara", *(f"suara{region}.id" for region in _REGIONS))

    # weak, so none registered: issue 11 (2026) reports that the suara.com feed answers 404; public code
    # kept naming /rss and /rss/{kanal} until 2026 (berita-indo-api, several seeds), without any proof of a
    # live answer. A 404 source fails every run; if a feed lives, the home page's <link rel=alternate>
    # announces it and the spider reads it from there. robots.txt names /sitemap.xml, reported missing too.
    feeds = ()
    # likely: the network's per-site Google-News sitemaps, from a public list of the twenty Suara regional
    # sites (public code, undated; unverified live); only the regions claimed above.
    news_sitemaps = tuple(
        f"https://{region}.suara.com/static/news/{region}-sitemap.xml" for region in _REGIONS
    )

    # Not dated: every day of a backfill asks for the same pages, which Scrapy's duplicate filter drops.
    index_pages = ("https://www.suara.com/indeks?page={page}",)

    article_url = r"^https?://(?!yoursay\.)(?:[\w-]+\.)?suara\.com/[\w-]+/\d{4}/\d{2}/\d{2}/\d{6}/[\w-]+"
    not_article_url = r"//yoursay\.suara\.com/|\.suara\.com/(?:foto|video|tag|indeks|search)/"
    url_examples = {
        "https://www.suara.com/news/2020/05/04/190127/puas-ml-ogah-bayar-pelanggan-yang-12-kali-tusuk-psk-abg-masih-misterius": "https://www.suara.com/news/2020/05/04/190127/puas-ml-ogah-bayar-pelanggan-yang-12-kali-tusuk-psk-abg-masih-misterius",
        "https://suara.com/news/2018/10/30/060357/bmkg-gempa-52-skala-richter-di-selat-sunda": "https://www.suara.com/news/2018/10/30/060357/bmkg-gempa-52-skala-richter-di-selat-sunda",
        "https://amp.suara.com/lifestyle/2023/02/13/173000/ferdi-sambo-divonis-hukuman-mati-bagaimana-eksekusinya-di-indonesia-dan-berbagai-negara-lain?page=1": "https://www.suara.com/lifestyle/2023/02/13/173000/ferdi-sambo-divonis-hukuman-mati-bagaimana-eksekusinya-di-indonesia-dan-berbagai-negara-lain",
        "https://amp.suara.com/bisnis/2026/02/20/142450/efisiensi-jadi-harga-mati-industri-logistik-indonesia": "https://www.suara.com/bisnis/2026/02/20/142450/efisiensi-jadi-harga-mati-industri-logistik-indonesia",
        "https://jabar.suara.com/read/2022/09/17/165514/kenaikan-harga-bbm-mulai-makan-korban-pabrik-textile-di-sumedang-terpaksa-rumahkan-buruh": "https://jabar.suara.com/read/2022/09/17/165514/kenaikan-harga-bbm-mulai-makan-korban-pabrik-textile-di-sumedang-terpaksa-rumahkan-buruh",
        "https://jatim.suara.com/read/2020/11/24/085629/waduh-warga-sedusun-di-kota-batu-terpapar-covid-19-usai-melayat-tetangga": "https://jatim.suara.com/read/2020/11/24/085629/waduh-warga-sedusun-di-kota-batu-terpapar-covid-19-usai-melayat-tetangga",
        "https://www.suara.com/news/2025/08/20/143522/ribuan-pengemudi-ojol-gelar-aksi-di-patung-kuda-tuntut-potongan-aplikasi-diturunkan?page=2": "https://www.suara.com/news/2025/08/20/143522/ribuan-pengemudi-ojol-gelar-aksi-di-patung-kuda-tuntut-potongan-aplikasi-diturunkan",
    }
    non_article_examples = (
        "https://yoursay.suara.com/news/2024/05/12/101500/ulasan-buku-tentang-kopi-nusantara",
        "https://www.suara.com/tag/ojol",
        "https://www.suara.com/indeks?page=2",
        "https://www.suara.com/foto/2025/08/20/150000/potret-demo-ojol-di-patung-kuda",
        "https://www.suara.com/news",
    )

    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = ".pagination-custom a"

    body_selectors = ("div.article-content", "article.detail-content", "div.detail-content")
    noise_selectors = (
        ".ten-second",
        ".article-read",
        "[id*='div-ad']",
        ".placeholder_belt",
        ".placeholder_read_body",
        "#next-article",
        ".next-article",
        ".wrap-pagination",
        ".article-tags",
        "[class*='baca-juga']",
    )
    title_selectors = (".article-image h1", "h1")
    author_selectors = (".author-trigger a",)
    date_selectors = (".article-image span",)
