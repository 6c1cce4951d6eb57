"""liputan6.com: every channel under ``www.liputan6.com/{channel}/read/{id}/{slug}``.

Dossier section 4. A multi-page article comes whole in ONE response: each page is a
``div.article-content-body__item-page[data-page=N]`` block (page 2 and later open with an ``h2``
sub-heading) inside ``div.article-content-body``, so the whole container is read and nothing is followed.
There is no ``<link rel=canonical>``; ``og:url`` is the canonical URL. Dates: JSON-LD ``datePublished`` /
``article:published_time`` (+07:00). The visible box shows "Diperbarui ..." (updated) and/or
"Diterbitkan ..." (published) under one class, so it is not used: the update time must never override
the publication time. In-body furniture: standalone "Advertisement" lines (``.article-ad`` slots between
pages), the "Baca Juga" box (``.baca-juga-collections``), infographic prompts and image credits.

Discovery: the per-channel RSS feeds on ``feed.liputan6.com``. The ``/indeks`` pages are client-side only
(no server-rendered list), so there is no dated index for backfill. ``photo`` / ``foto`` / ``video`` channels
have no article text; ``enamplus.`` and ``berita.`` use other templates and are left out of the hint.
``opera.liputan6.com`` serves the same articles (same byline and date lines).

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``):
``www.liputan6.com/{channel}/read/{id}/{slug}`` (the id is global: the channel and slug do not identify the
article); the bare domain and ``m.liputan6.com`` are aliases of ``www``
(``m.liputan6.com/tekno/read/4636663/...`` in public code); ``opera.liputan6.com`` serves the same paths and
ids, so it maps to ``www`` too. Liputan6 has no regional hosts: regional news is the ``/regional/`` and
``/surabaya/`` channels on ``www``. The older channel subdomains
``{news,bola,showbiz,tekno,pilkada,...}.liputan6.com/read/{id}/{slug}`` (2014-2018 links, 13 corpus rows)
carry the same global id with the channel as host label: they are rewritten to
``www.liputan6.com/{channel}/read/{id}/{slug}``. The AMP page ``www.liputan6.com/amp/{id}/{slug}`` (also on
the bare domain; five public code files 2021-2024 and a stored page) names neither channel nor ``read``, so
without ``/amp`` it stays ``www.liputan6.com/{id}/{slug}``: the page's canonical link names the desktop URL
after fetching (its body is read by the generic path). Not articles: the ``photo``/``foto``/``video``
channels, ``photo.liputan6.com``, the video items of ``enamplus.liputan6.com`` (``.../read/{id}/video-...``;
its other pages are left to the page itself), ``forum.liputan6.com`` threads and ``feed.liputan6.com``.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal

# One feed per channel: feed.liputan6.com has no working all-channel feed in the evidence (berita-indo-api
# dropped ``/rss`` as "maybe isn't available again"), and each channel feed holds about 50 items.
# firm: every channel below gave about 50 articles to gikirima/indonews-scrapper on 2025-06-18/19 (953 texts
# in all; ``surabaya`` items carry /regional/ URLs); the list is link_scrapping.csv of that repository.
# Dropped: ``tv`` (SCTV programme videos; no text article among those 953) and ``photo`` (galleries).
_CHANNELS = (
    "news",
    "bisnis",
    "bola",
    "showbiz",
    "tekno",
    "hot",
    "cek-fakta",
    "citizen6",
    "crypto",
    "disabilitas",
    "global",
    "health",
    "islami",
    "lifestyle",
    "on-off",
    "opini",
    "otomotif",
    "regional",
    "saham",
    "surabaya",
)
# Channel subdomains of the 2014-2018 site (news., bola., showbiz., tekno., pilkada. are in the corpus).
_OLD_CHANNEL_HOSTS = "|".join(sorted({*_CHANNELS, "pilkada"}))


class Liputan6(Portal):
    id = "liputan6"
    name = "Liputan6.com"
    domains = ("liputan6.com",)
    hosts = ("www.liputan6.com", "opera.liputan6.com")
    site_names = ("liputan6.com", "liputan6")

    feeds = tuple(f"https://feed.liputan6.com/rss/{channel}" for channel in _CHANNELS)

    # likely: the dossier saw opera.liputan6.com/{channel}/read/{id}/... pages with the www byline and dates
    mobile_hosts: ClassVar[dict[str, str]] = {"opera.liputan6.com": "www.liputan6.com"}
    url_rewrites = (
        # firm: news.liputan6.com/read/3380912/... is www.liputan6.com/news/read/3380912/... (one id sequence)
        (
            rf"^https://({_OLD_CHANNEL_HOSTS})\.liputan6\.com/read/(\d+)/",
            r"https://www.liputan6.com/\1/read/\2/",
        ),
    )
    article_url = r"^https?://(?:www\.)?liputan6\.com/(?:[\w-]+/read/\d+/[\w-]+|\d{5,}/[\w-]+)"
    not_article_url = (
        r"liputan6\.com/(?:photo|foto|video)/|//(?:photo|foto|feed|forum)\.liputan6\.com/"
        r"|//enamplus\.liputan6\.com/[\w-]+/read/\d+/video-"
    )
    url_examples = {
        "https://www.liputan6.com/news/read/4187246/kali-grogol-meluap-polisi-dan-tni-kerja-sama-bantu-evakuasi-warga?medium=Headline&campaign=Headline_click_1": "https://www.liputan6.com/news/read/4187246/kali-grogol-meluap-polisi-dan-tni-kerja-sama-bantu-evakuasi-warga",
        "http://news.liputan6.com/read/3380912/hari-raya-nyepi-482-penerbangan-di-bandara-ngurah-rai-tak-beroperasi": "https://www.liputan6.com/news/read/3380912/hari-raya-nyepi-482-penerbangan-di-bandara-ngurah-rai-tak-beroperasi",
        "http://pilkada.liputan6.com/read/3379560/doa-pondok-pesantren-lirboyo-buat-gus-ipul-di-pilkada-jatim": "https://www.liputan6.com/pilkada/read/3379560/doa-pondok-pesantren-lirboyo-buat-gus-ipul-di-pilkada-jatim",
        "https://m.liputan6.com/tekno/read/4636663/5-tips-aman-menggunakan-wifi-publik": "https://www.liputan6.com/tekno/read/4636663/5-tips-aman-menggunakan-wifi-publik",
        "http://m.liputan6.com/pilkada-serentak-2015/read/2301646/gelar-undian-calon-kpu-bengkulu-pakai-koin-dan-bola-pingpong": "https://www.liputan6.com/pilkada-serentak-2015/read/2301646/gelar-undian-calon-kpu-bengkulu-pakai-koin-dan-bola-pingpong",
        "https://liputan6.com/regional/read/4053153/palembang-jadi-pilot-project-rencana-aksi-perubahan-iklim": "https://www.liputan6.com/regional/read/4053153/palembang-jadi-pilot-project-rencana-aksi-perubahan-iklim",
        "https://opera.liputan6.com/news/read/4635624/contoh-judul-artikel-di-opera": "https://www.liputan6.com/news/read/4635624/contoh-judul-artikel-di-opera",
        "https://www.liputan6.com/amp/5478472/babak-baru-kasus-bullying-anak-sd-di-sukabumi-keluarga-laporkan-orangtua-pelaku-dan-pihak-sekolah": "https://www.liputan6.com/5478472/babak-baru-kasus-bullying-anak-sd-di-sukabumi-keluarga-laporkan-orangtua-pelaku-dan-pihak-sekolah",
        "https://liputan6.com/amp/2382781/kenduri-di-tengah-prahara-setya-novanto-paling-sedot-perhatian": "https://www.liputan6.com/2382781/kenduri-di-tengah-prahara-setya-novanto-paling-sedot-perhatian",
    }
    non_article_examples = (
        "https://www.liputan6.com/photo/read/6054930/foto-banjir-rob-genangi-permukiman-warga-muara-angke",
        "https://enamplus.liputan6.com/news/read/5123456/video-banjir-rob-di-pesisir-utara-jakarta",
        "http://forum.liputan6.com/t/tips-memilah-dan-mengelola-sampah/130678",
        "https://www.liputan6.com/tag/banjir-rob",
        "https://feed.liputan6.com/rss/news",
        "https://www.liputan6.com/news",
    )

    body_selectors = ("div.article-content-body",)
    noise_selectors = (
        ".article-ad",
        ".baca-juga-collections",
    )
    title_selectors = ("h1.read-page--header--title", "h1.entry-title", "h1")
    author_selectors = ("a.read-page-box__author__name", "span.read-page--header--author__name")
    # No visible cross-check: the box prints "Diperbarui ..." (updated) and "Diterbitkan ..." (published)
    # under the same class, and an update time a whole number of hours after publication would override
    # the structured time. The rule would be span.read-page-box__author__updated:contains('Diterbitkan');
    # it waits for the shared css() cache to handle :contains() (see the portal report).
    date_selectors = ()
    section_meta = ("article:section",)
    noise_lines = (
        r"simak\s+selengkapnya\b.{0,80}\binfografis\b.*",
        # image credit left as its own line: "(merdeka.com/Nama Fotografer)"
        r"\(\s*(?:[\w-]+\.)+(?:com|co\.id|id|net)\s*/\s*[^()]{2,80}\)",
    )
