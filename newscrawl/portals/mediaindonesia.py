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

Discovery: the sitemap (fundus' publisher source). ``/indeks/{step}/{offset}`` exists but answered a
Cloudflare JS challenge [LIVE-2026], so it is not walked. Search is a POST, not used.
"""

from newscrawl.portals.base import Portal


class MediaIndonesia(Portal):
    id = "mediaindonesia"
    name = "Media Indonesia"
    domains = ("mediaindonesia.com",)
    home_host = "mediaindonesia.com"
    hosts = ("mediaindonesia.com",)
    site_names = ("media indonesia", "mediaindonesia.com", "mediaindonesia")

    news_sitemaps = ("https://mediaindonesia.com/sitemap.xml",)

    article_url = r"^https?://(?:www\.)?mediaindonesia\.com/(?:[\w-]+/\d{5,}/[\w-]+|read/detail/\d+-[\w-]+)"
    not_article_url = r"mediaindonesia\.com/(?:foto|video|galeri|tag|author|indeks|search|epaper)/"

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
