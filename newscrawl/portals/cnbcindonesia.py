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

    feeds = (
        "https://www.cnbcindonesia.com/rss",
        "https://www.cnbcindonesia.com/market/rss",
        "https://www.cnbcindonesia.com/news/rss",
        "https://www.cnbcindonesia.com/mymoney/rss",
    )
    index_pages = tuple(
        f"https://www.cnbcindonesia.com/{kanal}/indeks/{kanal_id}?date={{date:%Y/%m/%d}}&page={{page}}"
        for kanal, kanal_id in _KANALS.items()
    )
    index_link_selector = "div.nhl-list article a"

    article_url = r"^https?://www\.cnbcindonesia\.com/[\w-]+/\d{14}-\d+-\d+/[\w-]+"

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
