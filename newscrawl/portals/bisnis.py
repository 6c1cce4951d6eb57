"""bisnis.com and its channels (market, finansial, ekonomi, teknologi, ...).

Dossier section 19, and the real title/date fragment in ``realpages/bisnis/``. Article URLs are
``{kanal}.bisnis.com/read/YYYYMMDD/{categoryId}/{id}/{slug}``; ``?page=all`` serves every page of a long
article (``?page=N`` is page N). Body ``article.detailsContent``; the dateline is "Bisnis.com, JAKARTA –".
The visible date ``div.detailsAttributeDates`` ("Selasa, 29 Juli 2025 | 18:27") carries no zone label: it is
WIB. The byline ``div.authorName`` reads "<strong>Name</strong> - Bisnis.com". The dated index
(``/index?categoryId=all&type=indeks&date=...&page=N``, items ``div.art--row``) is the backfill source.
The epaper, foto, video and infografis subdomains use other templates and are not articles.
In-body furniture: ``div.baca-juga-box*`` and the "Simak berita dan artikel lainnya di Google News dan WA
Channel" promo (both caught by the shared rules), and the "Disclaimer: ..." line closing market stories (not
in the dossier). The article's page links are not documented; they are taken to use the ``pagingList`` /
``pagingLink`` markup of the real index page.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 20 rows, 2018-2021; public code for the
rest): every article is ``{host}.bisnis.com/read/YYYYMMDD/{categoryId}/{id}/{slug}``.

* Channel hosts: market, finansial, ekonomi, industri, kabar24, teknologi, lifestyle, koran (the daily's
  articles, often paywalled) and premium (paywalled analysis). The page says whether it is readable.
* Regional newsrooms keep their host: ``surabaya.``, ``bandung.``, ``semarang.``, ``sumatra.`` (public code
  lists them with the channel hosts; real article URLs on each, 2015-2025, e.g.
  ``surabaya.bisnis.com/read/20251029/531/1924246/...``), each with its own category ids (531 Surabaya,
  549 Bandung, 536 Semarang, 533 Sumatra). Since about 2019 their article ids are on the national
  sequence, but nothing shows a regional article also served on a channel host, so none is mapped.
  The bare domain ``bisnis.com`` is an alias of ``www``.
* Mobile: ``m.bisnis.com/{kanal}/read/...`` (a 2018 URL in public app code,
  ``m.bisnis.com/lifestyle/read/20180202/106/733744/...``; category 106 is a lifestyle category on
  ``lifestyle.bisnis.com/read/...`` URLs) is the channel host's ``{kanal}.bisnis.com/read/...``: a rewrite.
  No public source shows a bisnis AMP page, so none is declared (``m.bisnis.com/amp/read/...`` would lose
  its channel and be left to the page's canonical link).
* ``?page=N`` and ``?page=all`` views are one article; tracking parameters are dropped.
* Not articles: the ``epaper.``, ``foto.``, ``video.``, ``tv.`` (``tv.bisnis.com/channel/...``),
  ``infografis.``/``infografik.``, ``interaktif.`` (interactive specials), ``data.``, ``search.`` and
  ``account.`` hosts, and the shared index (``www.bisnis.com/index?...``) and tag pages.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal


class Bisnis(Portal):
    id = "bisnis"
    name = "Bisnis.com"
    domains = ("bisnis.com",)
    # Channel hosts of the public URL corpus and public code; regional newsrooms from public code (real
    # article URLs on each; likely).
    hosts = (
        "www.bisnis.com",
        "market.bisnis.com",
        "finansial.bisnis.com",
        "ekonomi.bisnis.com",
        "industri.bisnis.com",
        "kabar24.bisnis.com",
        "teknologi.bisnis.com",
        "lifestyle.bisnis.com",
        "koran.bisnis.com",
        "surabaya.bisnis.com",
        "bandung.bisnis.com",
        "semarang.bisnis.com",
        "sumatra.bisnis.com",
    )
    site_names = ("bisnis.com", "bisnis indonesia", "bisnis")

    # How firm each URL is (none verified live here; robots.txt and the home page are read too). Public feed
    # configurations of 2025-2026 report the old www.bisnis.com/rss/{kanal} and {kanal}.bisnis.com/rss paths
    # gone (404) and the feeds live on rss.bisnis.com; one 2026 note reports 403 for every bisnis.com path
    # to its client (a bot wall for some user agents).
    feeds = (
        "https://rss.bisnis.com/",  # likely: several public feed configurations 2025-2026 (all articles)
        "https://www.bisnis.com/rss",  # weak: dossier (aturan_portal) only; the /rss/{kanal} family is gone
    )
    news_sitemaps = (
        # likely: a public bisnis crawler (2026) reads it as the real-time sitemap of the last 2-3 days;
        # two other public crawler configurations use it
        "https://www.bisnis.com/sitemap-news.xml",
    )

    index_pages = (
        "https://www.bisnis.com/index?categoryId=all&type=indeks&date={date:%Y-%m-%d}&page={page}",
    )
    index_link_selector = "div.art--row a.artLink"

    # m.bisnis.com/{kanal}/read/... (www after the shared host mapping) is {kanal}.bisnis.com/read/...
    url_rewrites = (
        (r"^https://www\.bisnis\.com/([a-z0-9]+)/read/(?=\d{8}/)", r"https://\1.bisnis.com/read/"),
    )
    article_url = r"^https?://[\w-]+\.bisnis\.com/read/\d{8}/\d+/\d+/[\w-]+"
    not_article_url = (
        r"//(?:epaper|foto|video|tv|infografis|infografik|interaktif|data|search|account)\.bisnis\.com/"
    )
    url_examples = {
        "http://market.bisnis.com/read/20180320/7/751927/26-saham-tertekan-jii-turun-lebih-dari-1-di-awal-dagang": "https://market.bisnis.com/read/20180320/7/751927/26-saham-tertekan-jii-turun-lebih-dari-1-di-awal-dagang",
        "https://finansial.bisnis.com/read/20190121/90/880965/bank-danamon-matangkan-rencana-merger-dengan-bnp?utm_source=x": "https://finansial.bisnis.com/read/20190121/90/880965/bank-danamon-matangkan-rencana-merger-dengan-bnp",
        "http://koran.bisnis.com/read/20180320/430/751235/spektrum-memilih-koruptor": "https://koran.bisnis.com/read/20180320/430/751235/spektrum-memilih-koruptor",
        "https://surabaya.bisnis.com/read/20251029/531/1924246/kembangkan-sistem-ai-universtas-brawijaya-raih-pendanaan-riset-us30000-dari-isif-asia": "https://surabaya.bisnis.com/read/20251029/531/1924246/kembangkan-sistem-ai-universtas-brawijaya-raih-pendanaan-riset-us30000-dari-isif-asia",
        "https://bandung.bisnis.com/read/20241216/549/1824759/dprd-jabar-harap-alokasi-apbn-2025-untuk-jabar-bisa-tekan-kemiskinan-dan-stunting": "https://bandung.bisnis.com/read/20241216/549/1824759/dprd-jabar-harap-alokasi-apbn-2025-untuk-jabar-bisa-tekan-kemiskinan-dan-stunting",
        "https://sumatra.bisnis.com/read/20231020/533/1706322/tingkatkan-kualitas-bibit-ternak-sapi-oki-dorong-transfer-embrio": "https://sumatra.bisnis.com/read/20231020/533/1706322/tingkatkan-kualitas-bibit-ternak-sapi-oki-dorong-transfer-embrio",
        "http://m.bisnis.com/lifestyle/read/20180202/106/733744/jangan-remehkan-detak-jantung-yang-tiba-tiba-cepat-ini-bahayanya": "https://lifestyle.bisnis.com/read/20180202/106/733744/jangan-remehkan-detak-jantung-yang-tiba-tiba-cepat-ini-bahayanya",
        "https://market.bisnis.com/read/20210811/7/1428571/saham-dcii-mulai-diperdagangkan-lagi-besok-masih-kuat-ngegas?page=all": "https://market.bisnis.com/read/20210811/7/1428571/saham-dcii-mulai-diperdagangkan-lagi-besok-masih-kuat-ngegas",
        "https://premium.bisnis.com/read/20260613/658/1980632/shopee-tiktok-shop-cs-dihantui-penurunan-jumlah-seller-aktif": "https://premium.bisnis.com/read/20260613/658/1980632/shopee-tiktok-shop-cs-dihantui-penurunan-jumlah-seller-aktif",
    }
    non_article_examples = (
        "https://www.bisnis.com/index?categoryId=all&type=indeks&date=2025-07-28&page=1",
        "https://tv.bisnis.com/channel/bisnis-indonesia-update",
        "https://video.bisnis.com/read/20250728/10/1897200/rupiah-ditutup-menguat-tipis",
        "https://foto.bisnis.com/view/20250728/1897310/aktivitas-bongkar-muat-di-pelabuhan-tanjung-priok",
        "https://infografis.bisnis.com/read/20250727/547/1896990/infografis-ekspor-sawit-semester-i2025",
        "https://search.bisnis.com/?q=prabowo&page=2",
        "https://www.bisnis.com/tag/ihsg",
    )
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = "ol.pagingList a.pagingLink"

    body_selectors = ("article.detailsContent", ".detailsContent", ".paywall")
    title_selectors = ("h1.detailsTitleCaption", "h1")
    author_selectors = ("div.authorName strong", "div.authorName", ".authorNames")
    date_selectors = ("div.detailsAttributeDates", ".authorTime")
    section_selectors = (".breadcrumb .breadcrumbItem a.breadcrumbLink",)
    # The investment disclaimer closing market stories.
    noise_lines = (r"disclaimer\s*:.{0,400}",)
