"""cnnindonesia.com: ``www.cnnindonesia.com/{kanal}/{YYYYMMDDHHmmss}-{kanalId}-{id}/{slug}``.

Dossier section 5 (the detik CMS family). Body ``div.detail-text`` (older ``div.detail_text``). The dateline
``<strong>Jakarta, CNN Indonesia</strong> --`` is a bare element before the first ``<p>`` (the shared core
joins it to the first paragraph). In-body furniture: the parallax ad ``div.paradetail`` ("ADVERTISEMENT" /
"SCROLL TO CONTINUE WITH CONTENT"), ``table.linksisip`` "Lihat Juga :" boxes, the ``a.embed.videocnn``
video embed, the sign-off ``<strong>(agt)</strong>``, ``div.end-of-article``, ``div.newstag`` and the
"Add as a preferred source on Google" link (``a.border``). The byline usually reads only "CNN Indonesia"
and JSON-LD ``author.name`` is often empty, so most records have no author. Visible date
"Selasa, 29 Jul 2025 07:05 WIB" cross-checks JSON-LD. Tags: the "TOPIK TERKAIT" box.

Discovery: RSS (site and per kanal) and the dated per-kanal index
``/{kanal}/indeks/{kanalId}?date=YYYY/MM/DD&page=N`` (``tv`` left out: video). Multi-page articles are rare;
``?page=all`` serves all pages (verified in the URL matrix). Scope is ``www`` only (``tv.`` is video).

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 25 rows, 2020-2024; a June 2024 public list of
article links for the media ids): one shape, ``www.cnnindonesia.com/{kanal}/{YYYYMMDDHHmmss}-{kanalId}-{id}/
{slug}``, the ``kanalId`` naming the sub-channel site-wide (12, 20 nasional; 106, 113, 120, 134 internasional;
78, 92 ekonomi; ...). CNN Indonesia has no regional editions. ``m.cnnindonesia.com`` (public code maps it to
``www``) and the bare domain are aliases of ``www``. No public source shows an AMP page of CNN Indonesia, so
none is declared. ``?page=N``/``?page=all`` views are one article.
Not articles: ``/tv/{ts}-40x-{id}/video-...`` and the ``tv.`` host (video), and the photo and video ids of
the text channels, whose slugs start with ``foto-``/``video-``: 122 (internasional FOTO), 124 and 139
(internasional VIDEO), 110 (video), 22 (nasional FOTO), 24 (nasional VIDEO), 243 (hiburan FOTO). The slug
prefix is required as well, so that a text story about a video is never refused; other galleries are
judged by their page. The dated indexes ``/{kanal}/indeks/{kanalId}`` are shared non-articles.
"""

from typing import ClassVar

from newscrawl.portals.base import Portal

_KANALS = {
    "nasional": 3,
    "internasional": 6,
    "ekonomi": 5,
    "olahraga": 7,
    "teknologi": 8,
    "otomotif": 577,
    "edukasi": 559,
    "hiburan": 9,
    "gaya-hidup": 10,
}
_RSS_KANALS = ("nasional", "internasional", "ekonomi", "teknologi", "olahraga", "hiburan", "gaya-hidup")


class CnnIndonesia(Portal):
    id = "cnnindonesia"
    name = "CNN Indonesia"
    domains = ("cnnindonesia.com",)
    hosts = ("www.cnnindonesia.com",)
    site_names = ("cnnindonesia.com", "cnn indonesia", "cnnindonesia")

    # How firm each URL is: the site feed and the seven kanal feeds are in the dossier and in public code
    # (berita-indo-api, a content-aggregator SQL seed, many 2025-2026 feed lists: likely); a public bot
    # changelog of 2026-09-24 reports the CNN source live. robots.txt (public copies declare
    # www.cnnindonesia.com/sitemap.xml) and the home page are read too; per-kanal sitemap_news.xml files
    # appear in one public scraper only, so none is registered.
    feeds = (
        "https://www.cnnindonesia.com/rss",  # likely: every kanal; dossier and public feed lists
        # likely: each in the dossier and in public code (berita-indo-api, the SQL seed)
        *(f"https://www.cnnindonesia.com/{kanal}/rss" for kanal in _RSS_KANALS),
    )
    index_pages = tuple(
        f"https://www.cnnindonesia.com/{kanal}/indeks/{kanal_id}?date={{date:%Y/%m/%d}}&page={{page}}"
        for kanal, kanal_id in _KANALS.items()
    )
    index_link_selector = "article a[href]"

    article_url = r"^https?://www\.cnnindonesia\.com/[\w-]+/\d{14}-\d+-\d+/[\w-]+"
    not_article_url = (
        r"//tv\.cnnindonesia\.com/|cnnindonesia\.com/tv/"
        r"|cnnindonesia\.com/[\w-]+/\d{14}-(?:22|24|110|122|124|139|243)-\d+/(?:foto|video)-"
    )
    url_examples = {
        "https://www.cnnindonesia.com/nasional/20240614193251-20-1110114/panglima-tni-buka-opsi-libatkan-sipil-dalam-brigade-ke-gaza": "https://www.cnnindonesia.com/nasional/20240614193251-20-1110114/panglima-tni-buka-opsi-libatkan-sipil-dalam-brigade-ke-gaza",
        "https://www.cnnindonesia.com/ekonomi/20200624185815-78-517083/pnm-minta-suntikan-rp15-t-untuk-raih-target-66-juta-nasabah?utm_source=twitter&utm_medium=oa": "https://www.cnnindonesia.com/ekonomi/20200624185815-78-517083/pnm-minta-suntikan-rp15-t-untuk-raih-target-66-juta-nasabah",
        "https://m.cnnindonesia.com/nasional/20201120195729-12-572595/usai-diperiksa-kasus-rizieq-rk-ungkit-kerumunan-omnibus-law": "https://www.cnnindonesia.com/nasional/20201120195729-12-572595/usai-diperiksa-kasus-rizieq-rk-ungkit-kerumunan-omnibus-law",
        "https://cnnindonesia.com/olahraga/20210730135335-142-674313/transfer-kontroversial-raiola-tawarkan-pogba-ke-liverpool": "https://www.cnnindonesia.com/olahraga/20210730135335-142-674313/transfer-kontroversial-raiola-tawarkan-pogba-ke-liverpool",
        "https://www.cnnindonesia.com/hiburan/20240609211834-227-1107771/gitar-eross-sheila-on-7-berhasil-dilelang-rp125-juta-demi-bantu-gaza?page=all": "https://www.cnnindonesia.com/hiburan/20240609211834-227-1107771/gitar-eross-sheila-on-7-berhasil-dilelang-rp125-juta-demi-bantu-gaza",
    }
    non_article_examples = (
        "https://www.cnnindonesia.com/tv/20240618142347-407-1111130/video-8-bulan-digempur-israel-37347-warga-palestina-tewas",
        "https://www.cnnindonesia.com/internasional/20240619121430-122-1111437/foto-pilu-korban-serangan-israel-di-reruntuhan-kamp-pengungsi-gaza",
        "https://www.cnnindonesia.com/internasional/20240616144251-124-1110587/video-pilu-warga-gaza-saat-iduladha-kami-mengorbankan-diri-kami",
        "https://www.cnnindonesia.com/nasional/20240604195422-24-1105879/video-aksi-bela-palestina-di-patung-kuda-kumpulkan-donasi-rp388-juta",
        "https://www.cnnindonesia.com/nasional/20240601111658-22-1104551/foto-aksi-all-eyes-on-rafah-di-depan-kedubes-as-jakarta",
        "https://www.cnnindonesia.com/nasional/indeks/3?date=2025/07/29&page=1",
        "https://tv.cnnindonesia.com/",
    )
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}

    body_selectors = ("div.detail-text", "div.detail_text")
    noise_selectors = (
        "div.paradetail",
        "a.embed",
        "div.end-of-article",
        "div.newstag",
        "a.border",
        "[id^='div-gpt-ad']",
    )
    title_selectors = ("h1.text-cnn_black", "h1")
    author_selectors = ("h1 + div.text-cnn_black_light3",)
    date_selectors = ("div.text-cnn_grey.text-sm",)
    section_selectors = ("a.gtm_breadcrumb_kanal",)
    tag_selectors = ("a[dtr-sec='topik terkait']",)
    noise_lines = (r"add\s+as\s+a\s+preferred\s+source\s+on\s+google\W*",)
