"""kompas.com and its channels (nasional, regional, money, tekno, bola, ...).

Dossier section 2. Body ``div.read__content``; ``?page=all`` serves every page; JSON-LD and
``article:published_time`` are in UTC while ``content_PublishedDate`` is WIB; JSON-LD ``author`` is the
editor.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``: 40 rows; the June 2025 RSS sample of the
dossier): every article is ``.../read/YYYY/MM/DD/{id}/{slug}``, the ``{id}`` unique across hosts.

* ``{kanal}.kompas.com/read/...``: subdomain channels nasional, internasional, regional, megapolitan,
  money, ekonomi, health, bola, tekno, otomotif, lifestyle, travel (corpus rows and public code, 2015-2026);
  ``pemilu.kompas.com/rumahpilkada/read/...`` carries a sub-path.
* ``www.kompas.com/{kanal}/read/...``: path channels tren, sains, skola, edu, properti, hype, sports, global,
  cekfakta, food, ... and the regional editions that started in 2025 (``www.kompas.com/jawa-barat/read/...``,
  ``/kalimantan-timur/read/...``). These keep the path. No public source shows a subdomain channel at
  ``www.kompas.com/nasional/read/...``; none is generated. Channels have moved (sains, edukasi and
  entertainment were hosts and are paths now), so the page's canonical link settles the host of an old URL.
  The bare domain ``kompas.com`` is an alias of ``www``.
* AMP: ``amp.kompas.com/{kanal}/read/...`` (many public citations, 2012-2026: tren, skola, sains, nasional,
  megapolitan, internasional). The path segment is the channel: for a subdomain channel the article is
  ``{kanal}.kompas.com/read/...`` (a rewrite; public 2025 data shows international news only at
  ``internasional.kompas.com/read/`` and ``www.kompas.com/global/read/``, never at
  ``www.kompas.com/internasional/read/``), for a path channel it is ``www.kompas.com/{kanal}/read/...``.
  The AMP page's body is read by the generic path; its JSON-LD dates are UTC like the desktop page's.
* Older formats, kept as they are: dotted slugs (``/read/2016/02/16/14115471/Diancam.Lewat...``, 2013-2017)
  and ``/read/xml/YYYY/MM/DD/{id}/{slug}`` (2016, the public URL the kompas API of the time gave; no source
  shows it redirecting, so it is not folded into ``/read/``). ``?page=N``, ``?page=all#page2`` and the RSS
  ``?utm_*`` are dropped.
* Not articles: the ``video.``, ``vik.``, ``jeo.`` and ``foto.`` hosts, ``/image/YYYY/...`` photo viewers,
  ``indeks.`` (date indexes), ``search.``, ``inside.`` (corporate pages) and ``account.`` hosts, and the
  shared tag pages. ``kompas.tv`` is another domain (off-domain).
"""

from typing import ClassVar

from newscrawl.portals.base import Portal

# Channels that are hosts of their own (corpus rows and public code show {kanal}.kompas.com/read/...).
_SUBDOMAIN_CHANNELS = (
    "nasional|internasional|regional|megapolitan|money|ekonomi|health|bola|tekno|otomotif|lifestyle|travel"
)


class Kompas(Portal):
    id = "kompas"
    name = "Kompas.com"
    domains = ("kompas.com",)
    # Channel hosts of the public URL corpus (2015-2025) and of public code (otomotif, lifestyle, travel).
    hosts = (
        "www.kompas.com",
        "nasional.kompas.com",
        "internasional.kompas.com",
        "regional.kompas.com",
        "megapolitan.kompas.com",
        "money.kompas.com",
        "health.kompas.com",
        "bola.kompas.com",
        "tekno.kompas.com",
        "otomotif.kompas.com",
        "lifestyle.kompas.com",
        "travel.kompas.com",
    )
    site_names = ("kompas.com", "kompas", "kompas cyber media")

    # How firm each URL is. Public 2026 reports say kompas sits behind an AWS WAF challenge: www.kompas.com/rss
    # answers HTTP 202 with an empty body to plain clients, money.kompas.com/rss and two /rss/ variants 404,
    # and rss.kompas.com is a partner API ("API Feed Social") that answers 403, so rss.kompas.com/nasional
    # (dossier), money.kompas.com/rss and tekno.kompas.com/rss were dropped. The dated index
    # (indeks.kompas.com; "the HTML index works", the same 2026 note) is the dependable source; robots.txt
    # (public copies declare www.kompas.com/sitemap.xml) and the home page are read too.
    feeds = (
        "https://www.kompas.com/rss",  # weak: dossier, gikirima 2025; 202 + empty body behind the WAF (2026)
        "https://regional.kompas.com/rss",  # weak: dossier, gikirima 2025 feed list; not checked since
    )
    # The per-channel Google News sitemaps (sitemap-news-{site}.xml, two days of articles). The former
    # www.kompas.com/sitemap-news.xml is in no source but a public list of guessed URLs: replaced.
    news_sitemaps = (
        "https://money.kompas.com/sitemap-news-money.xml",  # likely: three public scrapers, 2026
        "https://www.kompas.com/sitemap-news-tren.xml",  # likely: public code (news aggregator config)
        "https://www.kompas.com/sitemap-news-sains.xml",  # weak: public code (one Go service)
    )

    index_pages = ("https://indeks.kompas.com/?site=all&date={date:%Y-%m-%d}&page={page}",)
    index_link_selector = "div.articleItem a.article-link, a.article__link"

    # amp.kompas.com/{kanal}/read/... (www after the shared host mapping) is {kanal}.kompas.com/read/... for a
    # subdomain channel; path channels and regional editions stay on www.
    url_rewrites = (
        (rf"^https://www\.kompas\.com/({_SUBDOMAIN_CHANNELS})/read/", r"https://\1.kompas.com/read/"),
    )
    article_url = r"^https?://[\w-]+\.kompas\.com/(?:[\w-]+/)?read/(?:xml/)?\d{4}/\d{2}/\d{2}/\d+"
    not_article_url = r"//(?:video|vik|jeo|foto|indeks|search|inside|account)\.kompas\.com/|/image/\d{4}/"
    url_examples = {
        "http://nasional.kompas.com/read/2025/02/05/22034221/indonesia-tolak-rencana-trump-relokasi-warga-gaza": "https://nasional.kompas.com/read/2025/02/05/22034221/indonesia-tolak-rencana-trump-relokasi-warga-gaza",
        "https://money.kompas.com/read/2020/06/29/142550626/tergerus-ponsel-bagaimana-produsen-kamera-digital-bertahan?page=all#page2": "https://money.kompas.com/read/2020/06/29/142550626/tergerus-ponsel-bagaimana-produsen-kamera-digital-bertahan",
        "https://www.kompas.com/properti/read/2021/08/11/160000221/meski-terbelit-segudang-masalah-istaka-karya-optimistis-raup-kontrak?utm_source=ABC&utm_medium=rss": "https://www.kompas.com/properti/read/2021/08/11/160000221/meski-terbelit-segudang-masalah-istaka-karya-optimistis-raup-kontrak",
        "http://www.kompas.com/tren/read/2025/02/11/151500465/rencana-trump-untuk-gaza-dijadikan-real-estat-dan-larang-warga-palestina": "https://www.kompas.com/tren/read/2025/02/11/151500465/rencana-trump-untuk-gaza-dijadikan-real-estat-dan-larang-warga-palestina",
        "http://www.kompas.com/jawa-barat/read/2025/02/23/222323588/ribuan-warga-bandung-unjuk-rasa-tolak-rencana-relokasi-rakyat-gaza": "https://www.kompas.com/jawa-barat/read/2025/02/23/222323588/ribuan-warga-bandung-unjuk-rasa-tolak-rencana-relokasi-rakyat-gaza",
        "https://kompas.com/global/read/2025/02/21/090126470/mesir-urai-rencana-3-tahap-untuk-gaza-periode-3-5-tahun": "https://www.kompas.com/global/read/2025/02/21/090126470/mesir-urai-rencana-3-tahap-untuk-gaza-periode-3-5-tahun",
        "https://pemilu.kompas.com/rumahpilkada/read/2022/03/01/16034801/kpu-tidak-ada-perkara-salah-hitung-suara-dalam-permohonan-sengketa-pilkada": "https://pemilu.kompas.com/rumahpilkada/read/2022/03/01/16034801/kpu-tidak-ada-perkara-salah-hitung-suara-dalam-permohonan-sengketa-pilkada",
        "https://amp.kompas.com/internasional/read/2012/10/11/17363830/oasecakrawala": "https://internasional.kompas.com/read/2012/10/11/17363830/oasecakrawala",
        "https://amp.kompas.com/nasional/read/2020/10/13/15434751/update-kini-ada-340622-kasus-covid-19-indonesia-bertambah-3906": "https://nasional.kompas.com/read/2020/10/13/15434751/update-kini-ada-340622-kasus-covid-19-indonesia-bertambah-3906",
        "https://amp.kompas.com/sains/read/2022/05/31/184200923/hiposentrum-dan-episentrum-gempa-ini-perbedaannya": "https://www.kompas.com/sains/read/2022/05/31/184200923/hiposentrum-dan-episentrum-gempa-ini-perbedaannya",
        "https://amp.kompas.com/skola/read/2022/06/02/145036669/negasi-konjungsi-disjungsi-implikasi-dan-biimplikasi": "https://www.kompas.com/skola/read/2022/06/02/145036669/negasi-konjungsi-disjungsi-implikasi-dan-biimplikasi",
        "http://internasional.kompas.com/read/2016/02/16/14115471/Diancam.Lewat.Dunia.Maya.Mark.Zuckerberg.Sewa.16.Tukang.Pukul.": "https://internasional.kompas.com/read/2016/02/16/14115471/Diancam.Lewat.Dunia.Maya.Mark.Zuckerberg.Sewa.16.Tukang.Pukul.",
        "http://megapolitan.kompas.com/read/xml/2016/10/18/17244781/ini.alat.peraga.kampanye.yang.boleh.dibuat.cagub-cawagub.dki": "https://megapolitan.kompas.com/read/xml/2016/10/18/17244781/ini.alat.peraga.kampanye.yang.boleh.dibuat.cagub-cawagub.dki",
    }
    non_article_examples = (
        "https://indeks.kompas.com/?site=news&date=2025-07-23",
        "https://video.kompas.com/watch/1712345/banjir-rob-rendam-pesisir-jakarta-utara",
        "https://vik.kompas.com/jejak-rempah-nusantara/",
        "https://jeo.kompas.com/perjalanan-panjang-ibu-kota-negara-baru",
        "https://www.kompas.com/image/2023/11/02/213419026/menhub-bocorkan-penyebab-harga-tiket-pesawat-masih-mahal",
        "https://search.kompas.com/search?q=banjir&sort=latest&page=2",
        "https://inside.kompas.com/pedoman-media-siber",
        "https://www.kompas.com/tag/banjarnegara",
    )
    page_param = "page"
    single_page_params: ClassVar[dict[str, str]] = {"page": "all"}
    next_page_selector = "div.read__paging a.paging__link:not(.paging__link--show)"

    body_selectors = ("div.read__content",)
    noise_selectors = (
        "a.inner-link-baca-juga",
        "span.ads-on-body",
        "div.video",
        "span.liftdown_v2_tanda",
        "[class^='inject-baca-juga']",
        "[class^='kompasidRec']",
        "div.fb-quote",
    )
    title_selectors = ("h1.read__title", "h1")
    author_meta = ("content_author",)
    # The credit modal labels each person ("Penulis", "Kontributor <kota>", "Editor"); the short credit line
    # above it lists reporters and editor alike, so it is only the last resort. The older template labels
    # one person per ``.read__credit__item`` (public scrapers read it); the AMP golden case assumes the AMP
    # page does the same (not verified on a real AMP page).
    author_selectors = (
        "div.creditModal div.credit-author:not(:contains('Editor')) h6.credit-author-name",
        "div.read__credit__item:not(:contains('Editor')) a",
        "div.credit-title-name h6",
    )
    author_from_jsonld = False
    editor_meta = ("content_editor",)
    editor_selectors = (
        "div.creditModal div.credit-author:contains('Editor') h6.credit-author-name",
        "div.read__credit__item:contains('Editor') a",
    )
    date_selectors = ("div.read__time",)
    published_meta = ("content_PublishedDate", "article:published_time")
    caption_selectors = ("div.photo__caption",)
    section_meta = ("content_category",)
    tag_selectors = ("ul.tag__article__wrap a.tag__article__link",)
