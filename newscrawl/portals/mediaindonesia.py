"""mediaindonesia.com (Media Indonesia).

Dossier section 17; three real pages (fundus test data) in ``realpages/mediaindonesia``. Articles are
``/{kanal}/{id}/{slug}`` (2020 and older: ``/read/detail/{id}-{slug}``) on the bare host, single page.
Body ``div.article``: a lead ``figure.main-img`` with its ``figcaption`` (the caption ends in the photo
credit in brackets, "...(Dok.IGI )"), an ad ``div.flying-carpet`` nested inside the first ``<p>``,
``p.related-news`` "Baca juga :" links, the ``div.ext-channel`` Google News / WhatsApp promo and
``div.info-author`` "Editor : <a>" at its end, and a desk sign-off such as "(E-2)" closing the text.
JSON-LD ``author`` is the EDITOR: the reporter is the visible ``div.info > div.author-2`` (which can also
be the brand, " Media Indonesia", when no reporter is credited). JSON-LD ``datePublished`` carries
+07:00; the visible ``span.datetime`` " 20/1/2026 18:30" (day and month not zero-padded) can differ from
it by minutes, and ``dateModified`` can be earlier than ``datePublished`` (the core clamps that).
JSON-LD ``headline`` drops the headline's punctuation (":" and "?"), so the title is read from the ``h1``.
Tags are the ``keywords`` meta: the visible ``ul.related-tags`` prints them with a "# " prefix.

Discovery: the RSS feed ``/feed`` and the sitemap (fundus' publisher source). ``/indeks/{step}/{offset}``
exists but answered a Cloudflare JS challenge [LIVE-2026], so it is not walked. Search is a POST, not used.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``; the three real pages): the bare host is
the home (the pages' canonical links name it); ``www.`` and the mobile host ``m.mediaindonesia.com`` are
aliases of it. ``/{kanal}/{id}/{slug}`` today (``kolom-pakar``, ``opini``, ... are kanals: their roots are
hubs, ``/kolom-pakar/{id}/{slug}`` is an article). Older formats, kept as they are:
``/read/detail/{id}-{slug}`` (2017-2020), the slug-only ``/read/detail/{slug}`` that 2018 home pages
linked beside it, and the 2018 column pages ``/editorials/detail_editorials/{id}-{slug}`` and
``/podiums/detail_podiums/{id}-{slug}`` (articles, although ``/editorials`` and ``/podiums`` alone are
indexes). AMP: the 2019-2020 ``m.mediaindonesia.com/amp/amp_detail/{id}-{slug}`` (a public link) carries
the ``/read/detail/`` id and slug, so a rewrite maps it there (likely: the same id sequence and form;
not seen paired). Today's pages carry no AMP link (their ``amphtml`` link is commented out), so there is
no current AMP shape. Not articles: ``/foto``, ``/video``, ``/tag``, ``/indeks``, ``/search``, the site pages ``/statics/...`` and
``/template/...``, and the hosts ``epaper.`` (the e-paper) and ``asset.`` (images).
"""

from newscrawl.portals.base import Portal


class MediaIndonesia(Portal):
    id = "mediaindonesia"
    name = "Media Indonesia"
    domains = ("mediaindonesia.com",)
    home_host = "mediaindonesia.com"
    hosts = ("mediaindonesia.com",)
    site_names = ("media indonesia", "mediaindonesia.com", "mediaindonesia")

    # How firm each URL is. /feed: every real page (2025-10 to 2026-01, realpages) links it as "Rss" in
    # its footer, and many public feed configurations read it as RSS (code index, 2024-2026); the URL
    # evidence report had found none. The sitemap is fundus' publisher source (and a 2026 crawler config).
    # Neither is verified live; robots.txt and the home page are read too.
    feeds = ("https://mediaindonesia.com/feed",)  # firm: linked by the site itself; likely an RSS document
    news_sitemaps = ("https://mediaindonesia.com/sitemap.xml",)  # likely: fundus, public crawler configs

    article_url = (
        r"^https?://(?:www\.)?mediaindonesia\.com/(?:[\w-]+/\d{5,}/[\w-]+|read/detail/[\w-]+"
        r"|(?:editorials/detail_editorials|podiums/detail_podiums)/\d+-[\w-]+)"
    )
    not_article_url = (
        r"mediaindonesia\.com/(?:foto|video|galeri|tag|author|indeks|search|epaper|statics|template)/"
        r"|//(?:epaper|asset)\.mediaindonesia\.com(?:[:/?#]|$)"
    )
    url_rewrites = (
        # the 2019-2020 AMP page (its /amp already dropped): /amp_detail/{id}-{slug} is /read/detail/{id}-{slug}
        (r"^(https://mediaindonesia\.com)/amp_detail/(\d+-[\w-]+)", r"\1/read/detail/\2"),
    )
    url_examples = {
        "https://mediaindonesia.com/ekonomi/822959/kpk-tak-temukan-surat-pencabutan-iup-nikel-raja-ampat-apa-iya-betul-dicabut": "https://mediaindonesia.com/ekonomi/822959/kpk-tak-temukan-surat-pencabutan-iup-nikel-raja-ampat-apa-iya-betul-dicabut",
        "https://www.mediaindonesia.com/humaniora/565074/doa-nabi-daud-meluluhkan-hati-seseorang?utm_source=x": "https://mediaindonesia.com/humaniora/565074/doa-nabi-daud-meluluhkan-hati-seseorang",
        "http://www.mediaindonesia.com/read/detail/149266-problem-kecelakaan-tunggal-dalam-santunan-laka-lantas": "https://mediaindonesia.com/read/detail/149266-problem-kecelakaan-tunggal-dalam-santunan-laka-lantas",
        "http://www.mediaindonesia.com/read/detail/guru-kurang-piknik": "https://mediaindonesia.com/read/detail/guru-kurang-piknik",
        "http://www.mediaindonesia.com/editorials/detail_editorials/1323-bola-panas-perppu-pilkada": "https://mediaindonesia.com/editorials/detail_editorials/1323-bola-panas-perppu-pilkada",
        "http://www.mediaindonesia.com/podiums/detail_podiums/1169-belajar-dari-kedai-bun-cha": "https://mediaindonesia.com/podiums/detail_podiums/1169-belajar-dari-kedai-bun-cha",
        "https://m.mediaindonesia.com/amp/amp_detail/273078-survei-next-policy-mendikbud-raih-perhatian-tertinggi-warganet": "https://mediaindonesia.com/read/detail/273078-survei-next-policy-mendikbud-raih-perhatian-tertinggi-warganet",
    }
    non_article_examples = (
        "https://mediaindonesia.com/tag/detail/pilkada-serentak",
        "https://mediaindonesia.com/read/terkini",
        "https://mediaindonesia.com/kolom-pakar",
        "https://mediaindonesia.com/editorials",
        "https://mediaindonesia.com/indeks/20/40",
        "https://mediaindonesia.com/statics/pedoman-media-siber",
        "https://mediaindonesia.com/template/layanan-bisnis/bisnis-mi-koran-online.html",
        "https://epaper.mediaindonesia.com/detail/edisi-hari-ini-media-indonesia",
        "https://mediaindonesia.com/foto/851802/suasana-wisuda-igi-school-of-economics",
    )

    # Pages give the bare host as canonical; fundus lists the publisher as www.mediaindonesia.com.

    body_selectors = ("section.detail div.article", "div.article")
    noise_selectors = (
        "div.flying-carpet",
        "p.related-news",
        "div.ext-channel",
        "div.info-author",
        "div._ap_apex_ad",
        "div.dfp-ad",
    )
    title_selectors = ("div.post-header h1", "h1")
    author_selectors = ("div.post-header div.info div.author-2", "div.author-2")
    author_from_jsonld = False
    editor_selectors = ("div.info-author a.author", "div.info-author a")
    date_selectors = ("div.post-header span.datetime", "span.datetime")
    caption_selectors = ("div.article figure.main-img figcaption",)
    section_selectors = ("ul.mi-breadcrumb li a",)
