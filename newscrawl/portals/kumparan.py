"""kumparan.com: newsroom accounts (kumparanNEWS, kumparanBISNIS, ...) and contributors on one host.

Dossier section 12. Article URL ``kumparan.com/{account}/{slug}-{11-char id}`` (see "URL shapes" below);
``/channel/`` and ``/topic/`` pages are listings. The page is a React app with test-hook attributes:
title ``h1[data-qa-id=story-title]``, body ``p[data-qa-id=story-paragraph]`` (ads and image captions are
siblings, never inside), tags ``a[data-qa-id=tag-topic]``. ``[data-qa-id=author-name]`` is the publishing
account, not the reporter: the byline is JSON-LD ``author``. JSON-LD dates are UTC ("...Z") and are
converted to WIB; the visible ``time[data-qa-id=publish-date]`` (WIB) is the cross-check.
``og:description`` carries appended hashtags ("#newsupdate #news ..."); the record's description comes
from ``meta[name=description]``, which has none. No multi-page articles. robots.txt has no Disallow for
generic crawlers.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``): ``kumparan.com/{account}/{slug}-{id}`` on the
bare domain, the account being a newsroom (``kumparannews``) or any user channel (``jatim-now``,
``humas-rutama``, ``restu-1638311438614422985``); the id is 11 characters, a digit then 10 letters or digits
(``22JjYI3y4Ci``; ids before 2023 start with ``1``: ``1zGUjP5ZjrL``, ``1w6ab2zr675``). ``www.`` and the mobile
host ``m.kumparan.com`` are aliases of the bare domain. Older links (2017-2020, public code) put ``@`` before
the account: ``kumparan.com/@kumparanbola/{slug}-{id}``, also on ``m.``; with an id they are rewritten to the
account path without ``@`` (same account and id, the form every later link uses); the oldest ones have no
id (``/@kumparannews/{slug}``) and stay as they are. ``/full`` after the id is the full-view of the same
article and is dropped; ``/full/gallery/{n}`` (AdBlockID #1440) is a gallery view the shared rules refuse.
No regional hosts and no AMP article pages are known. Not articles: ``/channel/``, ``/topic/``, ``/search/``,
``/trending/``, the bare account page ``kumparan.com/{account}`` (no story in the path) and the API hosts.
"""

from newscrawl.extraction.page import ParsedPage
from newscrawl.portals.base import Portal


class Kumparan(Portal):
    id = "kumparan"
    name = "kumparan"
    domains = ("kumparan.com",)
    home_host = "kumparan.com"
    hosts = ("kumparan.com",)
    site_names = ("kumparan.com", "kumparan")

    # likely: berita-indo-api reads it (const.ts and its later Next.js route); dossier [CODE]. Not verified
    # live.
    feeds = ("https://lapi.kumparan.com/v2.0/rss/",)
    # firm: the sitemap index; it leads to the per-channel news sitemaps (sitemap_channel_news.xml, ...)
    # (dossier, verified live 2026-07).
    news_sitemaps = ("https://kumparan.com/sitemap.xml",)

    url_rewrites = (
        # likely: @account links of 2017-2020 name the same account and id as the later account links
        (
            r"^https://kumparan\.com/@([\w.-]+)/([\w-]+-[0-9][A-Za-z0-9]{10})(?=/|$)",
            r"https://kumparan.com/\1/\2",
        ),
        # likely: /full is the full view of the article (AdBlockID #1440, 2023, shows /full/gallery/3 on an
        # article URL; that gallery view is refused beforehand by the shared /gallery/ rule)
        (r"^(https://kumparan\.com/[\w.@-]+/[\w-]+-[0-9][A-Za-z0-9]{10})/full/?$", r"\1"),
    )
    article_url = r"^https?://kumparan\.com/(?:[\w.-]+/[\w-]+-[0-9][A-Za-z0-9]{10}|@[\w.-]+/[a-z0-9]+(?:-[a-z0-9]+){2,})/?(?:[?#]|$)"
    not_article_url = r"kumparan\.com/(?:channel|topic|search|trending)/|//(?:lapi|graphql-v4|cdn-graphql-v4)\.kumparan\.com/"
    url_examples = {
        "https://kumparan.com/kumparannews/hasto-pemilu-2024-buruk-dan-brutal-22JjYI3y4Ci": "https://kumparan.com/kumparannews/hasto-pemilu-2024-buruk-dan-brutal-22JjYI3y4Ci",
        "https://kumparan.com/jatim-now/pengamat-politik-ragukan-realisasi-penundaan-pemilu-2024-1zwRbnBc2DD": "https://kumparan.com/jatim-now/pengamat-politik-ragukan-realisasi-penundaan-pemilu-2024-1zwRbnBc2DD",
        "https://kumparan.com/restu-1638311438614422985/dialog-interaktif-terkait-pemilu-2024-lapas-sidoarjo-gandeng-rri-surabaya-2288TSAlvjv": "https://kumparan.com/restu-1638311438614422985/dialog-interaktif-terkait-pemilu-2024-lapas-sidoarjo-gandeng-rri-surabaya-2288TSAlvjv",
        "https://kumparan.com/kumparantech/cuma-2-hari-telkomsel-umbar-paket-internet-50-gb-harga-rp-100-000-1w6ab2zr675": "https://kumparan.com/kumparantech/cuma-2-hari-telkomsel-umbar-paket-internet-50-gb-harga-rp-100-000-1w6ab2zr675",
        "https://www.kumparan.com/kumparannews/rano-karno-di-peringatan-30-tahun-kudatuli-keadilan-belum-selesai-27oRU1T1EYV": "https://kumparan.com/kumparannews/rano-karno-di-peringatan-30-tahun-kudatuli-keadilan-belum-selesai-27oRU1T1EYV",
        "https://kumparan.com/@kumparanbola/tiba-di-hotel-persija-dapat-sambutan-meriah-dari-psm-1rboXdIfgaG": "https://kumparan.com/kumparanbola/tiba-di-hotel-persija-dapat-sambutan-meriah-dari-psm-1rboXdIfgaG",
        "https://m.kumparan.com/@kumparantech/twitter-matikan-fitur-tweet-via-sms-setelah-akun-ceo-nya-diretas-1roR2ErY6AQ": "https://kumparan.com/kumparantech/twitter-matikan-fitur-tweet-via-sms-setelah-akun-ceo-nya-diretas-1roR2ErY6AQ",
        "https://kumparan.com/@kumparannews/membekali-diri-menghadapi-pelecehan-seksual": "https://kumparan.com/@kumparannews/membekali-diri-menghadapi-pelecehan-seksual",
        "https://kumparan.com/berita-hari-ini/9-syarat-menjadi-imam-sholat-yang-perlu-diketahui-muslim-1zuqj2Cbejg/full": "https://kumparan.com/berita-hari-ini/9-syarat-menjadi-imam-sholat-yang-perlu-diketahui-muslim-1zuqj2Cbejg",
    }
    non_article_examples = (
        "https://kumparan.com/channel/bisnis",
        "https://kumparan.com/topic/pemilu-2024",
        "https://kumparan.com/berita-hari-ini/9-syarat-menjadi-imam-sholat-yang-perlu-diketahui-muslim-1zuqj2Cbejg/full/gallery/3",
        "https://kumparan.com/kumparannews",
        "https://lapi.kumparan.com/v2.0/rss/",
    )

    body_selectors = ("p[data-qa-id='story-paragraph']", "div.article-content")
    title_selectors = ("h1[data-qa-id='story-title']", "h1")
    date_selectors = ("time[data-qa-id='publish-date']",)
    caption_selectors = ("figcaption[data-qa-id='image-caption']",)
    tag_selectors = (
        "a[data-qa-id='tag-topic'] span[data-qa-id='label-tag-topic']",
        "a[data-qa-id='tag-topic']",
    )

    def section(self, page: ParsedPage) -> str | None:
        """The breadcrumb's channel (``/channel/...``); its other items are the publishing account."""
        for obj in page.jsonld:
            for element in obj.get("itemListElement") or () if obj.get("@type") == "BreadcrumbList" else ():
                item = element.get("item") if isinstance(element, dict) else None
                if isinstance(item, dict) and "/channel/" in str(item.get("@id", "")):
                    return str(item.get("name") or "").strip() or None
        return None
