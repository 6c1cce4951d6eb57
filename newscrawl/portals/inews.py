"""inews.id (MNC Media): www.inews.id and its channels (news, finance, regional, lifestyle, sport, otomotif).

Dossier section 22. Article URLs are ``www.inews.id/{kanal}/{sub}/{slug}``. A long article is split into
pages given as a ``/{n}`` path suffix; the ``/all`` path suffix serves every page at once. Both suffixes
are stripped by canonicalisation. The crawl asks for the ``/all`` view (``single_page_suffix``) and still
follows any numbered page links it shows. The page-link markup is not documented: links inside any
element whose class names a pagination are followed, and only those leading to another page of the same
article are kept.

The visible date (``.createdAt``, or inside ``.timeAndShare``) carries seconds: "Kamis, 04 Juli 2024 -
06:14:00 WIB". Reporter ``.author``; section from the breadcrumb. Body ``.content`` (a weak class name, so it
is looked for inside ``<article>`` first); ``baca-juga*``, ``related*`` and ad ``div``s inside it are
furniture. Discovery: the site feed (public feed configurations, not in the dossier); the dossier lists
only tag pages and the homepage, which give no dated backfill.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 23 rows, 2018-2022, and public links up to
2026): ``www.inews.id/{kanal}/{sub}/{slug}`` for every channel (news, finance, regional, lifestyle, sport,
otomotif, techno, travel, ...); the bare domain is an alias of ``www`` (the 2018 home page linked
``inews.id/...``). AMP: ``www.inews.id/amp/{kanal}/{sub}/{slug}`` (two public links, one of 2026): the shared
rules drop the ``/amp`` prefix. The 2018 site wrote ``inews.id/{kanal}/read/{slug}?sub_slug={sub}`` and
``inews.id/daerah/{province}/{slug}``: the same slug may live at ``www.inews.id/{kanal}/{sub}/{slug}`` now, but
no source shows it, so these keep their form (``sub_slug`` kept: it is part of the address the old site
gave). The regional newsrooms (iNews Surabaya, Jayapura, Banten, Cirebon, Lutra, Lintas Babel, ...) are
hosts of their own with their own ids: ``{city}.inews.id/read/{id}/{slug}`` (2021-2025) and the older
``{region}.inews.id/berita/{slug}`` (regional, jatim, jateng, jabar, sumut, sulsel, kalsel; 2020-2024); they
keep their host and use the same ``/{n}`` and ``/all`` page suffixes. Not articles: ``/multimedia/``
(infographics, photos, video), ``/tag/``, ``/indeks``.
"""

from newscrawl.portals.base import Portal


class INews(Portal):
    id = "inews"
    name = "iNews.id"
    domains = ("inews.id",)
    # Regional newsrooms seen in public article URLs (2020-2025); the template is assumed to be www's.
    hosts = (
        "www.inews.id",
        "regional.inews.id",
        "surabaya.inews.id",
        "jayapura.inews.id",
        "banten.inews.id",
        "cirebon.inews.id",
        "lutra.inews.id",
        "lintasbabel.inews.id",
    )
    site_names = ("inews.id", "inews")

    # likely: an unattributed 2026-08 public plan found it answering HTTP 200 (curl at build time); also in
    # other public feed lists. Not in the dossier; robots.txt and the home page's feed links are read too.
    feeds = ("https://www.inews.id/feed",)

    # The hint: three path segments on www (any channel, the 2018 /{kanal}/read/ and /daerah/ forms too), and
    # the regional /read/{id}/ and /berita/ shapes.
    article_url = (
        r"^https?://www\.inews\.id/(?!(?:amp|multimedia|tag|indeks)/)[\w-]+/[\w-]+/[a-z0-9]+(?:-[a-z0-9]+)+|"
        r"^https?://(?!www\.)[\w-]+\.inews\.id/(?:read/\d+/|berita/)[a-z0-9]+(?:-[a-z0-9]+)+"
    )
    not_article_url = r"//(?:www\.)?inews\.id/(?:amp/)?multimedia(?:/|$)"
    keep_params = ("sub_slug",)
    url_examples = {
        "https://www.inews.id/techno/elektronik/iphone-13-diprediksi-mendukung-mode-potrait-untuk-video": "https://www.inews.id/techno/elektronik/iphone-13-diprediksi-mendukung-mode-potrait-untuk-video",
        "https://www.inews.id/lifestyle/seleb/38-finalis-miss-indonesia-2025-lakukan-kunjungan-inspiratif-ke-inews-tower/2": "https://www.inews.id/lifestyle/seleb/38-finalis-miss-indonesia-2025-lakukan-kunjungan-inspiratif-ke-inews-tower",
        "https://www.inews.id/amp/finance/bisnis/gaji-youtuber-1000-subscriber-per-bulan-ternyata-besarannya-fantastis?utm_source=ajaib&utm_medium=partnership&utm_campaign=aggregator": "https://www.inews.id/finance/bisnis/gaji-youtuber-1000-subscriber-per-bulan-ternyata-besarannya-fantastis",
        "http://inews.id/daerah/bali/bareskrim-polri-ungkap-peredaran-dan-produksi-ganja-sintesis-di-bali": "https://www.inews.id/daerah/bali/bareskrim-polri-ungkap-peredaran-dan-produksi-ganja-sintesis-di-bali",
        "http://inews.id/news/read/rakyat-bicara-di-balik-dapur-warteg?sub_slug=nasional": "https://www.inews.id/news/read/rakyat-bicara-di-balik-dapur-warteg?sub_slug=nasional",
        "https://lutra.inews.id/read/228629/jembatan-bailey-trans-sulawesi-macet-parah-warga-mengaku-kecewa-dengan-oknum-polisi": "https://lutra.inews.id/read/228629/jembatan-bailey-trans-sulawesi-macet-parah-warga-mengaku-kecewa-dengan-oknum-polisi",
        "https://cirebon.inews.id/read/204537/ini-sosok-el-reyzandra-mentor-bisnis-yang-sukseskan-ratusan-pengusaha-muda/2": "https://cirebon.inews.id/read/204537/ini-sosok-el-reyzandra-mentor-bisnis-yang-sukseskan-ratusan-pengusaha-muda",
        "https://sleman.inews.id/read/508166/kunjungi-kampung-batik-kauman-pekalongan-ahmad-luthfi-temukan-persoalan-ini/all": "https://sleman.inews.id/read/508166/kunjungi-kampung-batik-kauman-pekalongan-ahmad-luthfi-temukan-persoalan-ini",
        "https://regional.inews.id/berita/gempa-terkini-magnitudo-40-guncang-nagekeo-ntt": "https://regional.inews.id/berita/gempa-terkini-magnitudo-40-guncang-nagekeo-ntt",
        "https://jabar.inews.id/berita/10-makanan-khas-ciamis-yang-melegenda-mudah-dikenali-dari-bentuk-dan-rasa/all": "https://jabar.inews.id/berita/10-makanan-khas-ciamis-yang-melegenda-mudah-dikenali-dari-bentuk-dan-rasa",
    }
    non_article_examples = (
        "https://www.inews.id/multimedia/infografis/infografis-jadwal-timnas-indonesia-di-piala-aff-2025",
        "https://www.inews.id/amp/multimedia/foto/banjir-rob-rendam-pesisir-utara-jakarta",
        "https://www.inews.id/tag/banjir",
        "https://www.inews.id/indeks/news",
    )
    page_suffix = r"/(?:\d{1,2}|all)"
    single_page_suffix = "/all"
    next_page_selector = "[class*='pagination'] a[href]"

    body_selectors = ("article div.content", "div.content")
    noise_selectors = ("div[class*='ads']",)
    title_selectors = ("article h1", "h1")
    author_selectors = (".author a", ".author")
    date_selectors = (".createdAt", ".timeAndShare")
    section_selectors = (".breadcrumb a",)
