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

    feeds = (
        "https://rss.tempo.co/",
        "https://rss.tempo.co/nasional",
        "https://rss.tempo.co/politik",
        "https://rss.tempo.co/hukum",
        "https://rss.tempo.co/ekonomi",
        "https://rss.tempo.co/bisnis",
        "https://rss.tempo.co/lingkungan",
        "https://rss.tempo.co/investigasi",
        "https://rss.tempo.co/wawancara",
        "https://rss.tempo.co/tokoh",
        "https://rss.tempo.co/cekfakta",
    )

    article_url = (
        r"^https?://(?:www\.)?tempo\.co/[\w-]+/[\w-]+-\d{6,9}/?(?:[?#]|$)"
        r"|^https?://[\w-]+\.tempo\.co/read/\d+/[\w-]+"
    )
    not_article_url = r"//(?:www\.)?tempo\.co/(?:penulis|tag|play)/|//(?:video|foto|rss)\.tempo\.co/"
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}

    body_selectors = ("div#content-wrapper", "div.detail-konten", "div.detail-content", "div#isi")
    noise_selectors = ("[id^='ads-slot']", "img[src*='logo-tempo-ads']")
    title_selectors = ("article h1", "h1")
    date_selectors = ("article p.text-neutral-900.text-sm",)
    caption_selectors = ("article figure figcaption",)
    tag_selectors = ("a[href^='/tag/']",)
