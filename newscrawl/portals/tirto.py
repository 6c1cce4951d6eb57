"""tirto.id: one host, flat article URLs.

Dossier section 21. Article URLs are ``tirto.id/{slug-words}-{4-char code}`` with no channel segment, so
channel roots (``/bisnis-tirto``, ``/indeks``, ``/pikir-dua-kali``) look alike: the 4-character code and at
least two slug words tell them apart, and the one root of that shape is excluded by name. ``www.tirto.id``
301-redirects to the bare host.

There is **no NewsArticle JSON-LD** (only BreadcrumbList and Organization) and no published-time meta: the
publication time is the visible ``.byline div`` "Terbit 2 Sep 2025 17:00 WIB", with ENGLISH month
abbreviations (Aug, Oct, Dec, ...). ``article:modified_time`` has no zone (WIB). Reporter from
``meta[property=article:author]``, then ``.byline a.reporter-name``; an institutional byline ("Tim Riset
Tirto") names no person. Tags are ``news_keywords``, which mixes topics with rubric labels. Body
``.content-text-editor``; the dateline is a link, "tirto.id - ". In-body furniture: ``.baca-holder``
("Baca juga:" lists), Revive ``ins`` and ``gpt-`` ad slots, inline ``img.img-content`` with a
``figcaption``. No multi-page articles.

Discovery: ``/indeks`` is one server-rendered page whose "load more" uses ``?next=``, which robots.txt
disallows, so it gives no backfill; the Google Discover feed ``/sitemap/r/google-discover`` (used as an RSS
feed by many public feed configurations, not in the dossier) is the fresh-article source. The project's own
product User-Agent is kept: a crawler UA got 200 where only a bare "Mozilla/5.0" drew 403s (dossier
section 0); robots.txt is obeyed as everywhere.

URL shapes (public URLs, ``tests/data/real_article_urls.tsv``): ``tirto.id/{slug}-{code}`` on the bare
host, its home; ``www.tirto.id`` is an alias that 301-redirects to it. Tracking queries (``?utm_source=``)
are dropped. The share link ``tirto.id/{code}`` (``tirto.id/f5nG`` names the article
``tirto.id/siapa-joe-biden-...-f5nG`` in a public issue thread) stays its own URL: the slug cannot be
derived from the code, and the fetched page's canonical link names the article. The index hint takes a
bare 4-character code only when it holds a digit or a capital (every public code does: ``hz5T``,
``cmbE``, ``dcz2``, ``f5nG``), so word paths such as ``/news`` or ``/mild`` stay hubs. No AMP, ``m.`` or
regional hosts were found in public sources. Not articles: topic pages ``/q/{topic}``, rubric indexes
``/news/{rubric}``, ``/insider/...``, the ``/pd/browse`` redirector, the channel root ``/pikir-dua-kali``
and the ad server ``aurum.tirto.id``; ``diajeng.id`` is another domain.
"""

from newscrawl.portals.base import Portal


class Tirto(Portal):
    id = "tirto"
    name = "tirto.id"
    domains = ("tirto.id",)
    home_host = "tirto.id"
    hosts = ("tirto.id",)
    site_names = ("tirto.id", "tirto")

    # How firm: the Google Discover feed is read as RSS by many public feed configurations (2024-2026,
    # unattributed code-index hits; one 2026 status table marks it "working"); not in the dossier and not
    # verified here. No other feed or news sitemap was found; robots.txt and the home page are read too.
    feeds = ("https://tirto.id/sitemap/r/google-discover",)  # likely: public feed configurations

    article_url = (
        r"^https?://(?:www\.)?tirto\.id/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+-[A-Za-z0-9]{4}/?(?:[?#]|$)"
        r"|^https?://(?:www\.)?tirto\.id/(?=[a-z0-9]{0,3}[0-9A-Z])[A-Za-z0-9]{4}/?(?:[?#]|$)"  # share link
    )
    not_article_url = (
        r"^https?://(?:www\.)?tirto\.id/(?:pikir-dua-kali/?(?:[?#]|$)|(?:q|news|insider|pd)/)"
        r"|//aurum\.tirto\.id(?:[:/?#]|$)"
    )
    url_examples = {
        "https://tirto.id/siapa-joe-biden-wakil-presiden-as-yang-kini-bertarung-di-pilpres-f5nG": "https://tirto.id/siapa-joe-biden-wakil-presiden-as-yang-kini-bertarung-di-pilpres-f5nG",
        "https://tirto.id/36-laporan-mendalam-tirto-yang-paling-banyak-dibaca-selama-2018-dcz2?utm_source=Tirtoid&utm_medium=Popular": "https://tirto.id/36-laporan-mendalam-tirto-yang-paling-banyak-dibaca-selama-2018-dcz2",
        "https://www.tirto.id/drama-korea-hidup-saya-cmbE": "https://tirto.id/drama-korea-hidup-saya-cmbE",
        "https://tirto.id/f5nG": "https://tirto.id/f5nG",
    }
    non_article_examples = (
        "https://tirto.id/q/pemilu-2024",
        "https://tirto.id/news/mozaik?page=2",
        "https://tirto.id/insider/faq",
        "https://tirto.id/pikir-dua-kali",
        "https://tirto.id/indeks",
        "https://tirto.id/news",
    )

    body_selectors = (".content-text-editor",)
    noise_selectors = (".baca-holder", "ins[data-revive-zoneid]", "img.img-content")
    title_selectors = ("h1.article-title", "h1")
    author_meta = ("article:author",)
    author_selectors = (".byline a.reporter-name",)
    date_selectors = (".byline div", ".byline")
    section_selectors = (".breadcrumbs-wrapper a",)
