"""tempo.co: the 2024 site www.tempo.co and the older channel hosts ({kanal}.tempo.co/read/...).

Dossier section 9. New URL shape ``www.tempo.co/{rubrik}/{slug}-{7-digit id}`` (author pages
``/penulis/{name}-{id}`` also end in digits and are excluded); old shape
``{kanal}.tempo.co/read/{id}/{slug}``.
On the new site each paragraph sits in its own ``div#content-wrapper`` (the id repeats), with ad slots and
the "Scroll ke bawah untuk melanjutkan membaca" gate between them; a trailing "Pilihan Editor: <title>"
paragraph is furniture (shared noise rule). JSON-LD ``NewsArticle`` carries ``datePublished`` (+07:00),
an ``author`` array (names may repeat) and ``articleBody``; ``article:published_time`` holds the visible
text "24 Juli 2026 | 09.00 WIB", not an ISO time. The old site answers ``?page=all`` with every page
(verified in the dossier's matrix); the new site has no pages, and its router is expected to ignore the
parameter. Rubrik listings are empty Nuxt shells whose data is in ``/{rubrik}/_payload.json``, which the
HTML index walker cannot read: discovery is RSS only, and there is no backfill index.
Old channel hosts are listed from the real June 2025 text sample (dossier: "REAL CSV").

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``; the 2025 RSS sample in the dossier):

* ``www.tempo.co/{rubrik}/{slug}-{id}``, the 2024 site; the bare domain ``tempo.co`` is an alias of ``www``.
* ``{kanal}.tempo.co/read/{id}/{slug}`` (nasional, bisnis, bola, tekno, newsletter, ...): channel hosts of
  the older site, still announced by the RSS feeds in June 2025. They keep their host: they are channels of
  one newsroom (one id sequence), not aliases, and nothing public shows where they redirect to.
* AMP: ``{kanal}.tempo.co/amp/{id}/{slug}`` is ``{kanal}.tempo.co/read/{id}/{slug}`` (the pages corpus holds
  both URLs of one article, and a public search-result dump pairs ``/read/1906820/...`` with
  ``/amp/1906820/...``): the shared code drops ``/amp`` and a rewrite puts ``/read`` back.
* Older formats: ``/read/{id}/{slug}/full&view=ok`` (the full-text view of a ``/read/`` URL: the same
  article) and the 2015 ``{kanal}.tempo.co/read/news/YYYY/MM/DD/{id}/{slug}``, kept as they are;
  ``cekfakta.tempo.co/fakta/{id}/{slug}`` (fact checks; seen in the June 2025 RSS sample).
* ``koran.tempo.co/read/{rubrik}/{id}/{slug}``, the Koran Tempo daily (a public URL ``/read/profil/...``),
  and its AMP form ``koran.tempo.co/amp/{rubrik}/{id}/{slug}`` (named in the URL evidence report). It is in
  scope: one portal, all its hosts; most of it is behind the Tempo+ paywall, so a record holds what the
  page shows, and the page decides whether that is an article. Its AMP rewrite to ``/read/`` follows the
  channel hosts' pattern (likely, not seen paired).
* Not articles: author pages ``/penulis/``, ``/tag/``, ``/play/`` (podcasts), the ``video.``/``foto.``
  hosts and ``/foto/arsip/``, ``/video/arsip/`` galleries, ``rss.`` (feeds), and ``en.tempo.co``, the
  English edition (not Indonesian).
"""

from typing import ClassVar

from newscrawl.portals.base import Portal


class Tempo(Portal):
    id = "tempo"
    name = "Tempo.co"
    domains = ("tempo.co",)
    hosts = (
        "www.tempo.co",
        "nasional.tempo.co",
        "bisnis.tempo.co",
        "hukum.tempo.co",
        "metro.tempo.co",
        "dunia.tempo.co",
        "tekno.tempo.co",
        "gaya.tempo.co",
        "travel.tempo.co",
        "bola.tempo.co",
        "seleb.tempo.co",
        "cekfakta.tempo.co",
        "newsletter.tempo.co",
    )
    site_names = ("tempo.co", "tempo", "koran tempo", "majalah tempo", "pt tempo inti media")

    # How firm each URL is. rss.tempo.co/ lists every new article: at about ten an hour, a crawl every 15
    # minutes never falls behind it. Rubrik feeds only widen the window after an outage, so three of the
    # busiest are kept; the others (lingkungan, wawancara, investigasi, tokoh, cekfakta, newsletter,
    # info-tempo) and the pre-2024 channel names (nasional, bisnis) were dropped: their articles are in
    # the root feed, and each costs a request on every run. robots.txt and the home page are read too.
    feeds = (
        "https://rss.tempo.co/",  # firm: every article; gikirima/indonews-scrapper 2025, dossier, many configs
        "https://rss.tempo.co/politik",  # likely: gikirima 2025 list and dossier
        "https://rss.tempo.co/hukum",  # likely: gikirima 2025, adlandwijaka/tempo-rss 2025, dossier
        "https://rss.tempo.co/ekonomi",  # likely: gikirima 2025, adlandwijaka/tempo-rss 2025, dossier
    )

    article_url = (
        r"^https?://(?:www\.)?tempo\.co/[\w-]+/[\w-]+-\d{6,9}/?(?:[?#]|$)"
        r"|^https?://[\w-]+\.tempo\.co/read/(?:news/\d{4}/\d\d/\d\d/|[a-z-]+/)?\d+/[\w-]+"
        r"|^https?://cekfakta\.tempo\.co/fakta/\d+/[\w-]+"
    )
    not_article_url = (
        r"tempo\.co/(?:penulis|tag|play)/|tempo\.co/(?:foto|video)/arsip/"
        r"|//(?:video|foto|rss|en)\.tempo\.co(?:[:/?#]|$)"
    )
    url_rewrites = (
        # AMP on a channel host: /amp/{id}/{slug} (its /amp already dropped) is /read/{id}/{slug}
        # (ids have 5 digits or more, so a year-first path of some future shape is left alone)
        (r"^(https://(?!koran\.)[\w-]+\.tempo\.co)/(\d{5,}/[\w-]+)", r"\1/read/\2"),
        # Koran Tempo AMP: /amp/{rubrik}/{id}/{slug} is /read/{rubrik}/{id}/{slug} (likely, see above)
        (r"^(https://koran\.tempo\.co)/(?!read/)([a-z-]+/\d{5,}/[\w-]+)", r"\1/read/\2"),
        # the older full-text view of a /read/ article
        (r"^(https://[\w-]+\.tempo\.co/read/\d+/[\w-]+)/full(?:&view=ok)?/?$", r"\1"),
    )
    url_examples = {
        "https://www.tempo.co/politik/erdogan-puji-ketegasan-indonesia-bela-palestina-1206444": "https://www.tempo.co/politik/erdogan-puji-ketegasan-indonesia-bela-palestina-1206444",
        "https://tempo.co/politik/erdogan-puji-ketegasan-indonesia-bela-palestina-1206444?utm_source=x": "https://www.tempo.co/politik/erdogan-puji-ketegasan-indonesia-bela-palestina-1206444",
        "https://www.tempo.co/internasional/as-dukung-israel-tunda-pembebasan-620-tahanan-warga-palestina--1211305": "https://www.tempo.co/internasional/as-dukung-israel-tunda-pembebasan-620-tahanan-warga-palestina--1211305",
        "https://bisnis.tempo.co/read/1493373/bukalapak-respons-protes-warganet-di-playstore-karena-sahamnya-jeblok-hingga-arb": "https://bisnis.tempo.co/read/1493373/bukalapak-respons-protes-warganet-di-playstore-karena-sahamnya-jeblok-hingga-arb",
        "https://nasional.tempo.co/amp/844578/jadi-tempat-bertanya-jokowi-terus-saya-bertanya-ke-siapa": "https://nasional.tempo.co/read/844578/jadi-tempat-bertanya-jokowi-terus-saya-bertanya-ke-siapa",
        "https://bola.tempo.co/read/444871/kbri-minta-malaysia-lindungi-penonton/full&view=ok": "https://bola.tempo.co/read/444871/kbri-minta-malaysia-lindungi-penonton",
        "http://dunia.tempo.co/read/news/2015/11/05/116716099/pasca-merger-produsen-keju-ini-menutup-tujuh-pabriknya": "https://dunia.tempo.co/read/news/2015/11/05/116716099/pasca-merger-produsen-keju-ini-menutup-tujuh-pabriknya",
        "https://cekfakta.tempo.co/fakta/3650/keliru-video-banjir-bandang-ini-terjadi-pekan-lalu": "https://cekfakta.tempo.co/fakta/3650/keliru-video-banjir-bandang-ini-terjadi-pekan-lalu",
        "https://koran.tempo.co/read/profil/467092/duta-petani-milenial-dari-sumatera-utara-mendirikan-start-up-pertanian": "https://koran.tempo.co/read/profil/467092/duta-petani-milenial-dari-sumatera-utara-mendirikan-start-up-pertanian",
        "https://koran.tempo.co/amp/nasional/467120/anggaran-makan-bergizi-gratis-dipangkas-di-daerah": "https://koran.tempo.co/read/nasional/467120/anggaran-makan-bergizi-gratis-dipangkas-di-daerah",
    }
    non_article_examples = (
        "https://www.tempo.co/penulis/annisa-febiola-rahman-1311",
        "https://www.tempo.co/tag/harga-cabai",
        "https://www.tempo.co/foto/arsip/banjir-rob-di-pesisir-jakarta-utara-1987001",
        "https://video.tempo.co/read/41234/wawancara-menteri-keuangan-soal-tarif",
        "https://en.tempo.co/read/2117918/airlangga-bali-location-for-financial-center-under-review",
        "https://en.tempo.co/amp/2117918/airlangga-bali-location-for-financial-center-under-review",
        "https://rss.tempo.co/nasional",
    )
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}

    body_selectors = ("div#content-wrapper", "div.detail-konten", "div.detail-content", "div#isi")
    noise_selectors = ("[id^='ads-slot']", "img[src*='logo-tempo-ads']")
    title_selectors = ("article h1", "h1")
    date_selectors = ("article p.text-neutral-900.text-sm",)
    caption_selectors = ("article figure figcaption",)
    tag_selectors = ("a[href^='/tag/']",)
