"""cnbcindonesia.com: ``www.cnbcindonesia.com/{kanal}/{YYYYMMDDHHmmss}-{kanalId}-{id}/{slug}``.

Dossier section 6 (the detik CMS family). Body ``div.detail-text`` (older ``div.detail_text``); dateline
"Jakarta, CNBC Indonesia - " inside the first paragraph; sign-off "(dru/dru)". The visible date is written
with ENGLISH month names ("31 July 2025 11:01", in ``div.text-cm.text-gray``), which the shared date parser
reads. The byline is the ``div`` whose class is exactly ``mb-1 text-base font-semibold`` and reads
"Name,CNBC Indonesia" or desk initials "fsd,CNBC Indonesia" (initials are not a person and are dropped).
In-body related boxes carry class prefixes ``sisip_`` / ``link_sisip``. Video blocks print "Related Videos",
"Loading..." and "Simak ... dalam video berikut ini." lines. The visible tag list prefixes each tag with
"#", so tags come from the keywords metadata instead.

Discovery: RSS (site and per kanal) and the dated per-kanal index
``/{kanal}/indeks/{kanalId}?date=YYYY/MM/DD&page=N`` (items ``div.nhl-list article > a.group``).
Articles are single-page.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 25 rows, 2021-2025; a public list of 2023-2024
article links with their titles): one shape, ``www.cnbcindonesia.com/{kanal}/{YYYYMMDDHHmmss}-{kanalId}-{id}/
{slug}``, the ``kanalId`` naming the sub-channel site-wide (4 and 16 news, 17 market, 33 lifestyle, 37 tech,
14 opini, 128 research, ...). There are no regional editions; the bare domain and ``m.`` are aliases of
``www``. No public source shows ``m.`` or AMP article URLs of CNBC Indonesia, so no AMP shape is declared.
Not articles: kanalId 7 (photo galleries, "Potret ...", "Detik-detik ...") and 8 (videos, titled "Video: ..."
or not at all), whatever the kanal path (they sit under ``/news/``); the dated indexes
``/{kanal}/indeks/{kanalId}`` (shared rule).
"""

from newscrawl.portals.base import Portal

_KANALS = {
    "market": 5,
    "news": 3,
    "entrepreneur": 9,
    "syariah": 10,
    "tech": 12,
    "lifestyle": 11,
    "opini": 13,
    "mymoney": 71,
    "cuap-cuap-cuan": 78,
    "research": 127,
}


class CnbcIndonesia(Portal):
    id = "cnbcindonesia"
    name = "CNBC Indonesia"
    domains = ("cnbcindonesia.com",)
    hosts = ("www.cnbcindonesia.com",)
    site_names = ("cnbcindonesia.com", "cnbc indonesia", "cnbcindonesia")

    # How firm each URL is (none verified live here): the site feed and per-kanal feeds are in the dossier
    # and public code (berita-indo-api, a content-aggregator SQL seed listing all ten kanals, many 2025-2026
    # feed lists); a public bot changelog of 2026-09-24 reports the CNBC source live. The site feed carries
    # every kanal, so only the busiest kanal feeds are kept. robots.txt (public copies declare
    # www.cnbcindonesia.com/sitemap.xml) and the home page are read too.
    feeds = (
        "https://www.cnbcindonesia.com/rss",  # likely: dossier; many public feed lists
        "https://www.cnbcindonesia.com/market/rss",  # likely: dossier; public feed lists
        "https://www.cnbcindonesia.com/news/rss",  # likely: dossier; public feed lists 2025-2026
        "https://www.cnbcindonesia.com/mymoney/rss",  # weak: dossier (aturan_portal) and the SQL seed only
        "https://www.cnbcindonesia.com/tech/rss",  # likely: the SQL seed and several public feed lists
    )
    index_pages = tuple(
        f"https://www.cnbcindonesia.com/{kanal}/indeks/{kanal_id}?date={{date:%Y/%m/%d}}&page={{page}}"
        for kanal, kanal_id in _KANALS.items()
    )
    index_link_selector = "div.nhl-list article a"

    article_url = r"^https?://www\.cnbcindonesia\.com/[\w-]+/\d{14}-\d+-\d+/[\w-]+"
    not_article_url = r"cnbcindonesia\.com/[\w-]+/\d{14}-[78]-\d+/"  # kanalId 7 photos, 8 videos
    url_examples = {
        "https://www.cnbcindonesia.com/market/20220923120642-17-374444/deretan-saham-tercuan-di-tengah-turbulensi-suku-bunga": "https://www.cnbcindonesia.com/market/20220923120642-17-374444/deretan-saham-tercuan-di-tengah-turbulensi-suku-bunga",
        "https://www.cnbcindonesia.com/news/20221221220818-4-399030/bank-dunia-vs-kementan-menyoal-harga-beras-mana-yang-benar#": "https://www.cnbcindonesia.com/news/20221221220818-4-399030/bank-dunia-vs-kementan-menyoal-harga-beras-mana-yang-benar",
        "https://www.cnbcindonesia.com/research/20250116161533-128-603756/gencatan-senjata-israel-hamas-demi-ekonomi-palestina-sudah-hancur?utm_source=x": "https://www.cnbcindonesia.com/research/20250116161533-128-603756/gencatan-senjata-israel-hamas-demi-ekonomi-palestina-sudah-hancur",
        "https://cnbcindonesia.com/tech/20231223174601-37-499952/ahli-arkeologi-ungkap-bukti-keberadaan-yesus": "https://www.cnbcindonesia.com/tech/20231223174601-37-499952/ahli-arkeologi-ungkap-bukti-keberadaan-yesus",
    }
    non_article_examples = (
        "https://www.cnbcindonesia.com/news/20231227180604-7-500702/potret-keji-israel-kirim-80-jenazah-warga-palestina",
        "https://www.cnbcindonesia.com/news/20240108081650-8-503622/video-lagi-serangan-udara-israel-tewaskan-2-jurnalis",
        "https://www.cnbcindonesia.com/news/20240106110710-8-503234/perang-membuat-anak-anak-wanita-hamil-di-gaza-terancam-gizi-buruk",
        "https://www.cnbcindonesia.com/market/indeks/5?date=2025/07/31&page=1",
    )

    body_selectors = ("div.detail-text", "div.detail_text")
    noise_selectors = (
        "[class^='sisip_']",
        "[class*=' sisip_']",
        "[class^='link_sisip']",
        "[class*=' link_sisip']",
        "div.paradetail",
        "a.embed",
    )
    title_selectors = ("h1.text-32", "h1")
    author_selectors = ("div[class='mb-1 text-base font-semibold']",)
    date_selectors = ("div.text-cm.text-gray",)
    section_selectors = ("a.text-xs.font-semibold[href='#']",)
    noise_lines = (r"simak\b.{0,120}\bvideo\s+(?:berikut|di\s+bawah)(?:\s+ini)?\s*[:.!]?",)
